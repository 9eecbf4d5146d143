//! What the installers are built from: the app's identity, the icon set, the uninstaller's
//! texts, and the CI and release workflows (linted with actionlint, which scripts/setup.sh
//! installs; where it is missing, as on Windows, the lint says it is skipped).

mod common;

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

/// Lints a workflow with actionlint, unless it is not installed here (then says so).
fn lint(workflow: &Path, test: &str) {
    let tool = actionlint();
    if !common::have_tool(tool.to_str().unwrap(), "actionlint, from PyPI", test) {
        return;
    }
    let out = Command::new(tool)
        .arg(workflow)
        .output()
        .expect("actionlint runs (scripts/setup.sh installs it from PyPI)");
    assert!(
        out.status.success(),
        "actionlint: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_release_workflow_lints_clean() {
    let workflow = root().join(".github/workflows/release.yml");
    lint(&workflow, "the_release_workflow_lints_clean");
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
        // The prebuilt CLI from npm, not `cargo install` (minutes on every runner).
        "npm install --global @tauri-apps/cli@2",
        "tauriScript: tauri",
        // A manual run builds without a release and keeps the installers.
        "workflow_dispatch",
        "github.event_name == 'push' && github.ref_name || ''",
        "actions/upload-artifact",
        // The advice's review dates and the release key are checked before any build.
        "content check --release",
        "needs: content",
    ] {
        assert!(text.contains(needle), "the workflow covers {needle}");
    }
    assert!(!text.contains("cargo install tauri-cli"), "the CLI is not compiled on the runner");
}

/// Tauri reads APPLE_* variables when they exist, even empty: an unset secret passed as
/// `env:` becomes an empty certificate to import, and the first tag push fails. So no step
/// may pass an Apple secret to tauri-action directly; the macOS step writes each to
/// $GITHUB_ENV only when its secret is set, and the app is signed ad hoc otherwise.
#[test]
fn apple_variables_exist_only_when_their_secrets_do() {
    let text = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    let action = &text[text.find("uses: tauri-apps/tauri-action").unwrap()..];
    let action = &action[..action.find("\n      - ").unwrap_or(action.len())];
    assert!(!action.contains("APPLE_"), "tauri-action gets no Apple variable directly:\n{action}");
    let step = &text[text.find("name: macOS signing and notarization").unwrap()..];
    let step = &step[..step.find("\n      - ").unwrap()];
    assert!(step.contains(r#"[ -z "$APPLE_CERTIFICATE" ]"#) && step.contains("exit 0"), "{step}");
    assert!(step.contains(">> \"$GITHUB_ENV\""), "{step}");
    assert_eq!(config()["bundle"]["macOS"]["signingIdentity"], "-", "ad-hoc signing without a certificate");
}

#[test]
fn the_ci_workflow_tests_on_windows_macos_and_linux() {
    let workflow = root().join(".github/workflows/ci.yml");
    lint(&workflow, "the_ci_workflow_tests_on_windows_macos_and_linux");
    let text = std::fs::read_to_string(&workflow).unwrap();
    for needle in [
        "push:",
        "pull_request:",
        "windows-latest",
        "macos-latest",
        "ubuntu-latest",
        "cargo test --locked -p csr-self-assessment",
        "cargo build --locked -p csr-self-assessment-app",
        "./scripts/test.sh",
        "core.autocrlf false",
    ] {
        assert!(text.contains(needle), "ci.yml covers {needle}");
    }
    let attributes = std::fs::read_to_string(root().join(".gitattributes")).unwrap();
    assert!(attributes.lines().any(|l| l.trim() == "* text=auto eol=lf"), "checkouts keep LF everywhere");
}

/// The names a language file defines (`LangString NAME ${LANG_…} "…"`).
fn lang_strings(file: &str) -> Vec<String> {
    std::fs::read_to_string(root().join(file))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("LangString ").and_then(|r| r.split_whitespace().next()).map(String::from))
        .collect()
}

/// The uninstaller keeps the data unless asked, says plainly that the assessments go with
/// it (in Japanese too), and asks once more with "No" as the default.
#[test]
fn the_uninstaller_keeps_the_assessments_unless_told_plainly() {
    let c = config();
    let nsis = &c["bundle"]["windows"]["nsis"];
    assert_eq!(c["bundle"]["windows"]["webviewInstallMode"]["type"], "embedBootstrapper");
    assert_eq!(nsis["customLanguageFiles"]["English"], "installer/nsis/English.nsh");
    assert_eq!(nsis["customLanguageFiles"]["Japanese"], "installer/nsis/Japanese.nsh");
    assert_eq!(nsis["installerHooks"], "installer/nsis/hooks.nsh");
    let (en, ja) = (lang_strings("installer/nsis/English.nsh"), lang_strings("installer/nsis/Japanese.nsh"));
    assert_eq!(en, ja, "both languages define the same texts");
    assert_eq!(en.len(), 28, "Tauri's 27 texts and ours");
    let text = |file: &str, name: &str| {
        let all = std::fs::read_to_string(root().join(file)).unwrap();
        let line = all.lines().find(|l| l.starts_with(&format!("LangString {name} "))).unwrap().to_string();
        line
    };
    assert!(text("installer/nsis/English.nsh", "deleteAppData").contains("all my assessments"));
    assert!(text("installer/nsis/Japanese.nsh", "deleteAppData").contains("評価と回答もすべて削除"));
    assert!(text("installer/nsis/English.nsh", "csrConfirmDeleteAssessments").contains("Choose No to keep"));
    assert!(text("installer/nsis/Japanese.nsh", "csrConfirmDeleteAssessments").contains("「いいえ」"));
    let hooks = std::fs::read_to_string(root().join("installer/nsis/hooks.nsh")).unwrap();
    assert!(hooks.contains("MB_DEFBUTTON2") && hooks.contains("/SD IDNO"), "No is the default, also silently");
    assert!(hooks.contains("StrCpy $DeleteAppDataCheckboxState 0"), "No keeps the data");
    assert!(hooks.is_ascii(), "texts with Japanese live in the language files, which Tauri saves with a BOM");
}

/// The hook and the language files compile with NSIS, warnings as errors, in a script laid
/// out as Tauri's template is (hooks first, languages, then the uninstall section).
#[test]
fn the_uninstaller_texts_compile_with_makensis() {
    if !common::have_tool("makensis", "nsis", "the_uninstaller_texts_compile_with_makensis") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for lang in ["English", "Japanese"] {
        // Tauri rewrites custom language files with a UTF-8 byte-order mark; so do we.
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(std::fs::read(root().join(format!("installer/nsis/{lang}.nsh"))).unwrap());
        std::fs::write(dir.path().join(format!("{lang}.nsh")), bytes).unwrap();
    }
    let script = format!(
        r#"Unicode true
!include MUI2.nsh
!include LogicLib.nsh
!include "{hooks}"
!define PRODUCTNAME "CSR Self-Assessment"
!define VERSION "0.1.0"
Name "${{PRODUCTNAME}}"
OutFile "test-setup.exe"
RequestExecutionLevel user
Var UpdateMode
Var DeleteAppDataCheckboxState
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"
!include "English.nsh"
!include "Japanese.nsh"
Section Install
  WriteUninstaller "$EXEDIR\uninstall.exe"
SectionEnd
Function un.onInit
  StrCpy $UpdateMode 0
  StrCpy $DeleteAppDataCheckboxState 1
FunctionEnd
Section Uninstall
  !insertmacro NSIS_HOOK_PREUNINSTALL
SectionEnd
"#,
        hooks = root().join("installer/nsis/hooks.nsh").display()
    );
    std::fs::write(dir.path().join("test.nsi"), script).unwrap();
    let out = Command::new("makensis").args(["-V2", "-WX", "test.nsi"]).current_dir(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "makensis: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("test-setup.exe").is_file());
}
