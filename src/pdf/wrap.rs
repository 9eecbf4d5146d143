//! Line breaking for mixed Latin and Japanese text: breaks at spaces in Latin text, between
//! any two characters in Japanese text (except where Japanese rules forbid: no line may
//! start with closing punctuation or small kana, or end with an opening bracket), and
//! inside a word only when the word alone is wider than the line. Nothing is dropped:
//! joining the lines (with the spaces at the breaks) gives the text back.

use super::font::Metrics;

/// Characters that may not begin a line (kinsoku shori).
const NO_LINE_START: &str =
    "、。，．,.・：；？！?!)）」』】〕〉》］｝〙〗ー～…‥ゝゞぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ％%‰℃";
/// Characters that may not end a line.
const NO_LINE_END: &str = "(（「『【〔〈《［｛〘〖$＄￥¥";

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

/// May a line break fall between `a` and `b` (with no space between them)?
fn can_break_between(a: char, b: char) -> bool {
    if NO_LINE_START.contains(b) || NO_LINE_END.contains(a) {
        return false;
    }
    is_cjk(a) || is_cjk(b)
}

/// Splits `text` into lines at most `width` points wide at `size`. Line breaks in the text
/// are kept; an empty line stays an empty line.
pub fn wrap(text: &str, width: f32, size: f32, m: &Metrics) -> Vec<String> {
    let mut lines = Vec::new();
    // Measured as printed: composed (see `composed`).
    let text = super::font::composed(text);
    for paragraph in text.replace("\r\n", "\n").replace('\r', "\n").replace('\t', "    ").split('\n') {
        wrap_paragraph(paragraph, width, size, m, &mut lines);
    }
    lines
}

fn wrap_paragraph(text: &str, width: f32, size: f32, m: &Metrics, out: &mut Vec<String>) {
    let chars: Vec<char> = text.trim_end().chars().collect();
    if chars.is_empty() {
        out.push(String::new());
        return;
    }
    let mut start = 0;
    while start < chars.len() {
        // Take as many characters as fit.
        let mut used = 0.0;
        let mut end = start;
        while end < chars.len() {
            let w = m.char_width(chars[end], size);
            if used + w > width && end > start {
                break;
            }
            used += w;
            end += 1;
        }
        if end == chars.len() {
            out.push(chars[start..].iter().collect());
            break;
        }
        // Go back to the last place a break is allowed.
        let mut brk = None;
        for i in (start + 1..=end).rev() {
            if chars[i - 1] == ' ' || chars.get(i) == Some(&' ') || can_break_between(chars[i - 1], chars[i]) {
                brk = Some(i);
                break;
            }
        }
        // A word wider than the line: break inside it.
        let cut = brk.filter(|&b| b > start).unwrap_or(end);
        out.push(chars[start..cut].iter().collect::<String>().trim_end().to_string());
        start = cut;
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics() -> Metrics {
        Metrics::new().unwrap()
    }

    #[test]
    fn latin_breaks_at_spaces_and_keeps_every_word() {
        let m = metrics();
        let text =
            "Suppliers are requested to employ all employees on a voluntary basis, and not to commit forced labor.";
        let lines = wrap(text, 150.0, 10.0, &m);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| m.width(l, 10.0) <= 150.0 + 0.01), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
    }

    #[test]
    fn japanese_breaks_between_characters_but_not_before_closing_punctuation() {
        let m = metrics();
        let text = "当社では就業規則に強制労働の禁止を明記し、入社時に全員へ説明しています。外国人従業員の旅券は預かりません。";
        for width in [60.0, 75.0, 90.0, 110.0, 133.0] {
            let lines = wrap(text, width, 10.0, &m);
            assert_eq!(lines.concat(), text, "width {width}");
            for l in &lines {
                let first = l.chars().next().unwrap();
                assert!(!NO_LINE_START.contains(first), "width {width}: a line starts with {first}: {lines:?}");
                assert!(m.width(l, 10.0) <= width + 0.01 || l.chars().count() <= 2, "{lines:?}");
            }
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_not_dropped() {
        let m = metrics();
        let hash = "3b9955a5e437ffb24c41548e79296fa724822da21ee75dc1b94f6ccdb8f400dd";
        let lines = wrap(hash, 80.0, 10.0, &m);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), hash);
    }

    #[test]
    fn line_breaks_and_empty_lines_are_kept() {
        let m = metrics();
        assert_eq!(wrap("one\n\ntwo\r\nthree", 500.0, 10.0, &m), ["one", "", "two", "three"]);
    }
}
