//! Values as Japanese input methods type them: full-width digits and letters (２０, ｈａｎａｋｏ＠…),
//! and the several dashes and long-vowel marks people put in phone numbers (０３ー１２３４ー５６７８).
//! Fields that hold codes, numbers, phone numbers and e-mail addresses are stored normalised;
//! free text (names, addresses, answers) is kept exactly as typed.

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
}
