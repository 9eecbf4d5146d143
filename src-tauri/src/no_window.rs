//! When the app cannot show its window: a native message box saying what is missing and what
//! to do, in Japanese or English by the system's language, then exit status 1. Never a silent
//! exit: a release build on Windows has no console, so without this a double-click that fails
//! (no WebView2 runtime, most often) shows nothing at all.

/// What the user reads: a title and a message.
struct Notice {
    title: &'static str,
    message: String,
}

/// The download page of Microsoft's WebView2 bootstrapper (the link Tauri's installer uses).
const WEBVIEW2_LINK: &str = "https://go.microsoft.com/fwlink/p/?LinkId=2124703";

/// On Windows, before any window: without the WebView2 runtime none can exist, so say so
/// (Tauri would otherwise fail later, inside its event loop).
#[cfg(windows)]
pub fn require_webview2() {
    if let Err(e) = tauri::webview_version() {
        webview2_missing(&e.to_string());
    }
}

/// Elsewhere the web view is part of the system (WebKitGTK, WKWebView).
#[cfg(not(windows))]
pub fn require_webview2() {}

/// Windows without the Microsoft Edge WebView2 runtime, which draws the app's window.
#[cfg_attr(not(windows), allow(dead_code))]
fn webview2_missing(detail: &str) -> ! {
    let notice = if prefers_japanese() {
        Notice {
            title: "CSR Self-Assessment を起動できません",
            message: format!(
                "このアプリの画面を表示するには「Microsoft Edge WebView2 ランタイム」が必要ですが、このパソコンには\
                 入っていません。\n\n\
                 インストールするには：ウェブブラウザーで次のアドレスを開き、ダウンロードされたファイル\
                 （MicrosoftEdgeWebview2Setup.exe）を実行してから、アプリをもう一度起動してください。\n{WEBVIEW2_LINK}\n\n\
                 アプリのインストーラーをもう一度実行しても WebView2 がインストールされます（インターネット接続が必要です）。\
                 会社のパソコンでインストールできない場合は、パソコンの管理担当の方に依頼してください。\n\n\
                 入力済みの評価はそのまま残っています。\n\n詳細：{detail}"
            ),
        }
    } else {
        Notice {
            title: "CSR Self-Assessment cannot start",
            message: format!(
                "This app needs the Microsoft Edge WebView2 Runtime to show its window, and it is not \
                 installed on this computer.\n\n\
                 To install it: open this address in a web browser, run the file it downloads \
                 (MicrosoftEdgeWebview2Setup.exe), then start the app again.\n{WEBVIEW2_LINK}\n\n\
                 Running the app's installer again also installs WebView2 (internet needed). If your \
                 company's computer does not let you install it, ask whoever looks after it.\n\n\
                 Your assessments are kept as they are.\n\nDetails: {detail}"
            ),
        }
    };
    report_and_exit(&notice)
}

/// Any other failure to create the window (no display, a broken web view, a panic at start).
pub fn window_failed(detail: &str) -> ! {
    let ja = prefers_japanese();
    let what_to_do = match (ja, std::env::consts::OS) {
        (true, "linux") => {
            "グラフィカルなデスクトップから起動してください。それでも起動しない場合は、アプリ（.deb）を\
             もう一度インストールしてください。必要なもの（WebKitGTK）も一緒にインストールされます。"
        }
        (false, "linux") => {
            "Start it from a graphical desktop session. If it still fails, install the app's .deb again: \
             it also installs what it needs (WebKitGTK)."
        }
        (true, _) => {
            "パソコンを再起動して、もう一度お試しください。それでも起動しない場合は、アプリをもう一度\
             インストールしてください。"
        }
        (false, _) => "Restart the computer and try again. If it still fails, install the app again.",
    };
    let notice = if ja {
        Notice {
            title: "CSR Self-Assessment を起動できません",
            message: format!(
                "アプリの画面を開けませんでした。\n\n{what_to_do}\n入力済みの評価はそのまま残っています。\n\n詳細：{detail}"
            ),
        }
    } else {
        Notice {
            title: "CSR Self-Assessment cannot start",
            message: format!(
                "The app could not open its window.\n\n{what_to_do} Your assessments are kept as they \
                 are.\n\nDetails: {detail}"
            ),
        }
    };
    report_and_exit(&notice)
}

/// Set once the window exists: a later panic is not a failure to start.
static WINDOW_OPEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Called from the app's setup, when its window has been created.
pub fn window_opened() {
    WINDOW_OPEN.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// A panic on the main thread ends the process; say so instead of vanishing. (Panics on
/// other threads are left to the default handling.)
pub fn report_main_thread_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default(info);
        if std::thread::current().name() == Some("main") {
            let detail = match (info.payload().downcast_ref::<&str>(), info.payload().downcast_ref::<String>()) {
                (Some(s), _) => s.to_string(),
                (_, Some(s)) => s.clone(),
                _ => "an unexpected error".to_string(),
            };
            if WINDOW_OPEN.load(std::sync::atomic::Ordering::SeqCst) {
                stopped(&detail);
            }
            window_failed(&detail);
        }
    }));
}

/// The app stopped after its window was open.
fn stopped(detail: &str) -> ! {
    let notice = if prefers_japanese() {
        Notice {
            title: "CSR Self-Assessment が終了しました",
            message: format!(
                "予期しないエラーのため、アプリが終了しました。アプリをもう一度起動してください。\
                 保存済みの内容は残っています。\n\n詳細：{detail}"
            ),
        }
    } else {
        Notice {
            title: "CSR Self-Assessment stopped",
            message: format!(
                "The app stopped because of an unexpected error. Start it again: what was saved is kept.\n\n\
                 Details: {detail}"
            ),
        }
    };
    report_and_exit(&notice)
}

fn report_and_exit(notice: &Notice) -> ! {
    eprintln!("{}\n\n{}", notice.title, notice.message);
    show(notice);
    std::process::exit(1);
}

#[cfg(windows)]
fn show(notice: &Notice) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{
        MessageBoxW, MB_ICONERROR, MB_OK, MB_SETFOREGROUND, MB_TOPMOST,
    };
    let wide = |s: &str| s.encode_utf16().chain(std::iter::once(0)).collect::<Vec<u16>>();
    let (title, message) = (wide(notice.title), wide(&notice.message));
    // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; no owner window.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            message.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR | MB_SETFOREGROUND | MB_TOPMOST,
        );
    }
}

#[cfg(target_os = "linux")]
fn show(notice: &Notice) {
    use gtk::prelude::*;
    // Without a display GTK cannot start either: the message on standard error is all there is.
    if gtk::init().is_err() {
        return;
    }
    let dialog = gtk::MessageDialog::new(
        None::<&gtk::Window>,
        gtk::DialogFlags::MODAL,
        gtk::MessageType::Error,
        gtk::ButtonsType::Ok,
        notice.title,
    );
    dialog.set_title(notice.title);
    dialog.set_secondary_text(Some(&notice.message));
    dialog.run();
    dialog.close();
}

#[cfg(target_os = "macos")]
fn show(notice: &Notice) {
    // AppleScript's alert needs no extra library; the texts go in as arguments, not code.
    let _ = std::process::Command::new("osascript")
        .args([
            "-e",
            "on run argv",
            "-e",
            "display alert (item 1 of argv) message (item 2 of argv) as critical",
            "-e",
            "end run",
            notice.title,
            &notice.message,
        ])
        .status();
}

#[cfg(not(any(windows, target_os = "linux", target_os = "macos")))]
fn show(_notice: &Notice) {}

/// Whether the user's system speaks Japanese (the app's own language setting lives in the
/// database, which may be what failed; the system's is always there).
fn prefers_japanese() -> bool {
    #[cfg(windows)]
    {
        // The primary language of the user's UI language: LANG_JAPANESE is 0x11.
        // SAFETY: takes no arguments, reads a per-user setting.
        let lang = unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() };
        lang & 0x3FF == 0x11
    }
    #[cfg(not(windows))]
    {
        let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        match from_env {
            Some(locale) => locale.starts_with("ja"),
            // macOS starts apps from Finder without LANG: ask for the preferred languages.
            None if cfg!(target_os = "macos") => std::process::Command::new("defaults")
                .args(["read", "-g", "AppleLanguages"])
                .output()
                .is_ok_and(|o| {
                    String::from_utf8_lossy(&o.stdout).split('"').nth(1).is_some_and(|first| first.starts_with("ja"))
                }),
            None => false,
        }
    }
}
