fn main() {
    // tauri.conf.json lives at the repository root, beside the core's Cargo.toml.
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("tauri-build: reading ../tauri.conf.json");
}
