//! Values as Japanese input methods type them: full-width digits and letters (２０, ｈａｎａｋｏ＠…),
//! and the several dashes and long-vowel marks people put in phone numbers (０３ー１２３４ー５６７８).
//! Fields that hold codes, numbers, phone numbers and e-mail addresses are stored normalised;
//! free text (names, addresses, answers) is stored as typed but composed (NFC): a letter typed
//! as a base and a combining mark (e + U+0301, か + U+3099) is stored as the one letter it is
//! (é, が), so that it prints, compares and sorts as that letter everywhere.

use unicode_normalization::UnicodeNormalization;

/// Characters used as a hyphen in phone numbers, postal and supplier codes: hyphen-minus's
/// look-alikes, the full-width hyphen, the katakana long-vowel mark and its half-width form.
const DASHES: [char; 10] = ['‐', '‑', '‒', '–', '—', '―', '−', 'ー', '－', 'ｰ'];

/// A code-like value in plain ASCII where it has an ASCII form: NFKC (full-width letters,
/// digits, "＠", "．" and the ideographic space become their ASCII forms), dashes become
/// "-", and surrounding spaces go. NFKC is safe here: these fields hold no kana or kanji
/// whose meaning a compatibility mapping could change.
pub fn half_width(value: &str) -> String {
    let nfkc: String = value.nfkc().collect();
    nfkc.chars().map(|c| if DASHES.contains(&c) { '-' } else { c }).collect::<String>().trim().to_string()
}

/// Text as typed, composed (NFC): canonically the same text, in the one form in which a
/// letter and its accent are one character where Unicode has one.
pub fn nfc(value: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    if value.is_ascii() || is_nfc_quick(value.chars()) == IsNormalized::Yes {
        value.to_string()
    } else {
        value.nfc().collect()
    }
}

/// A whole number as typed ("２０", " 20 ", "1,200"), or None when it is not one.
pub fn whole_number(value: &str) -> Option<u64> {
    let plain: String = half_width(value).chars().filter(|c| *c != ',').collect();
    if plain.is_empty() || !plain.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    plain.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases the UI's copy (ui/js/input.js, which normalises as the user types) runs too.
    #[test]
    fn the_shared_cases_hold() {
        let cases: serde_json::Value = serde_json::from_str(include_str!("../../tests/fixtures/input-cases.json")).unwrap();
        for case in cases["half_width"].as_array().unwrap() {
            let (typed, plain) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            assert_eq!(half_width(typed), plain, "half_width({typed:?})");
        }
        for case in cases["whole_number"].as_array().unwrap() {
            let typed = case[0].as_str().unwrap();
            assert_eq!(whole_number(typed), case[1].as_u64(), "whole_number({typed:?})");
        }
    }

    #[test]
    fn text_is_stored_composed() {
        assert_eq!(nfc("Cafe\u{301}"), "Café");
        assert_eq!(nfc("か\u{3099}"), "が");
        assert_eq!(nfc("株式会社さくら"), "株式会社さくら");
        // Compatibility forms stay as typed (NFC, not NFKC): full-width letters in a name.
        assert_eq!(nfc("ＡＢＣ㈱"), "ＡＢＣ㈱");
    }
}
