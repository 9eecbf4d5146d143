//! The operating system's language, for the first start (before the user has chosen one).
//!
//! Read here rather than in the web view because `navigator.language` differs between
//! WebView2, WKWebView and WebKitGTK (WebKitGTK, for one, does not follow `LANG`).

use super::Lang;

/// The first of the system's preferred languages that the app speaks, else English.
pub fn system_language() -> Lang {
    language_of(sys_locale::get_locales())
}

/// The first of `locales` (BCP 47 tags such as "ja-JP", or POSIX ones such as "ja_JP.UTF-8")
/// that the app speaks, else English.
pub fn language_of(locales: impl IntoIterator<Item = String>) -> Lang {
    for locale in locales {
        let primary = locale.split(['-', '_', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        if let Some(lang) = Lang::all().find(|l| l.formats().system_prefixes.iter().any(|p| *p == primary)) {
            return lang;
        }
    }
    Lang::english()
}

#[cfg(test)]
mod tests {
    use super::language_of;

    fn of(list: &[&str]) -> &'static str {
        language_of(list.iter().map(|s| s.to_string())).code()
    }

    #[test]
    fn the_first_spoken_language_wins() {
        assert_eq!(of(&["ja-JP", "en-US"]), "ja");
        assert_eq!(of(&["ja_JP.UTF-8"]), "ja");
        assert_eq!(of(&["fr-FR", "ja-JP"]), "ja");
        assert_eq!(of(&["en-GB", "ja-JP"]), "en");
        assert_eq!(of(&["JA"]), "ja");
    }

    #[test]
    fn nothing_known_is_english() {
        assert_eq!(of(&[]), "en");
        assert_eq!(of(&["C", "POSIX"]), "en");
        assert_eq!(of(&["jav-ID"]), "en");
    }
}
