//! What the installers are built from: the app's identity, the icon set, and the release
//! workflow (linted with actionlint, which scripts/setup.sh installs).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap()).unwrap()
}

#[test]
fn the_app_has_a_complete_identity_with_one_version() {
    let c = config();
    for key in ["productName", "identifier", "mainBinaryName"] {
        assert!(c[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
    }
    // The version comes from Cargo.toml alone (Tauri reads the app crate's version).
    assert!(c.get("version").is_none(), "no second version in tauri.conf.json");
    let b = &c["bundle"];
    for key in ["publisher", "copyright", "license", "category", "shortDescription", "longDescription"] {
        assert!(b[key].as_str().is_some_and(|s| !s.is_empty()), "bundle.{key}");
    }
    assert_eq!(b["windows"]["nsis"]["installMode"], "currentUser", "no administrator rights needed");
    assert!(root().join(b["licenseFile"].as_str().unwrap()).is_file());
}

fn png_size(path: &Path) -> (u32, u32) {
    let d = std::fs::read(path).unwrap();
    assert_eq!(&d[1..4], b"PNG", "{path:?}");
    (u32::from_be_bytes(d[16..20].try_into().unwrap()), u32::from_be_bytes(d[20..24].try_into().unwrap()))
}

#[test]
fn every_icon_the_bundlers_want_exists_at_its_size() {
    let c = config();
    let icons: Vec<PathBuf> =
        c["bundle"]["icon"].as_array().unwrap().iter().map(|p| root().join(p.as_str().unwrap())).collect();
    for icon in &icons {
        assert!(icon.is_file(), "{icon:?}");
    }
    assert_eq!(png_size(&root().join("icons/32x32.png")), (32, 32));
    assert_eq!(png_size(&root().join("icons/128x128.png")), (128, 128));
    assert_eq!(png_size(&root().join("icons/128x128@2x.png")), (256, 256));
    assert_eq!(png_size(&root().join("icons/icon.png")), (512, 512));
    let ico = std::fs::read(root().join("icons/icon.ico")).unwrap();
    assert_eq!(&ico[..4], [0, 0, 1, 0], "a Windows icon");
    assert!(u16::from_le_bytes([ico[4], ico[5]]) >= 5, "several sizes in the .ico");
    let icns = std::fs::read(root().join("icons/icon.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize, icns.len());
    assert!(root().join("icons/icon.svg").is_file(), "the source drawing is kept");
}

fn actionlint() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let venv = home.join(".cache/csr-self-assessment/venv/bin/actionlint");
    if venv.is_file() {
        venv
    } else {
        PathBuf::from("actionlint")
    }
}

#[test]
fn the_release_workflow_lints_clean() {
    let workflow = root().join(".github/workflows/release.yml");
    let out = Command::new(actionlint())
        .arg(&workflow)
        .output()
        .expect("actionlint runs (scripts/setup.sh installs it from PyPI)");
    assert!(
        out.status.success(),
        "actionlint: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&workflow).unwrap();
    for needle in [
        "tauri-apps/tauri-action",
        "windows-latest",
        "macos-latest",
        "universal-apple-darwin",
        "nsis",
        "dmg",
        "deb,appimage",
        "APPLE_CERTIFICATE",
        "WINDOWS_CERTIFICATE",
        // Tauri signs on Windows only with the thumbprint in its configuration.
        "certificateThumbprint",
        "digestAlgorithm = 'sha256'",
        "timestampUrl",
        "${{ steps.signing.outputs.config }}",
    ] {
        assert!(text.contains(needle), "the workflow covers {needle}");
    }
}
