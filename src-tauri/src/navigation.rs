//! The navigation guard: the app's window only ever shows the app's own pages. A link or a
//! script that tries to load another origin (or a file, or a data: page) is refused.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// Whether `url` is one of the app's own pages: `tauri://localhost` (Linux, macOS) or
/// `http(s)://tauri.localhost` (Windows).
pub fn is_own_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost") && url.port().is_none(),
        _ => false,
    }
}

/// A plugin whose only job is to refuse navigation away from the app's pages.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard").on_navigation(|_webview, url| is_own_page(url)).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_may_be_shown() {
        for own in ["tauri://localhost/index.html", "tauri://localhost/#/a/1", "http://tauri.localhost/", "https://tauri.localhost/x"] {
            assert!(is_own_page(&Url::parse(own).unwrap()), "{own}");
        }
        for other in [
            "https://example.com/",
            "http://localhost:8080/",
            "https://tauri.localhost.evil.example/",
            "http://tauri.localhost:9999/",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "tauri://evil/",
            "javascript:alert(1)",
            "about:blank",
        ] {
            assert!(!is_own_page(&Url::parse(other).unwrap()), "{other}");
        }
    }
}
