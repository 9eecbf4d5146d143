fn main() {
    // tauri.conf.json lives at the repository root, beside the core's Cargo.toml. Run
    // tauri-build from there: it resolves bundle resources against its working directory
    // (and the rest against the config's), and the tauri-cli resolves all of them against
    // the root, so from the root every path in the config means the same to both.
    // The manifest folder is read when the script runs, not when it is compiled: a build
    // script compiled for one checkout and run for another (a shared or hard-linked target
    // folder) would otherwise change into the first checkout, or into a folder that is gone.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = std::path::Path::new(&manifest_dir).parent().expect("src-tauri has a parent");
    std::env::set_current_dir(root).expect("the repository root exists");
    println!("cargo:rerun-if-changed={}", root.join("tauri.conf.json").display());
    println!("cargo:rerun-if-changed={}", root.join("ui").display());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path(root.join("tauri.conf.json"))
            // Relative to the working directory, which is now the root.
            .capabilities_path_pattern("src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build: reading tauri.conf.json");
    println!("cargo:rerun-if-changed={}", root.join("src-tauri/capabilities").display());
}
