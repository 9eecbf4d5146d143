//! Right-to-left text on a page of single glyphs: Hebrew and Arabic runs of a line are put
//! in visual order (right to left), and Arabic letters take their joined forms (initial,
//! medial, final: Unicode's presentation forms, which Arabic fonts map). A small part of
//! what a text shaper does, enough for names and short answers to read right; each glyph
//! still carries the characters it stands for. Digits and Latin words inside a
//! right-to-left run stay left to right.
//!
//! So that readers extract the words in the order typed, the words of a right-to-left run
//! are drawn one by one in that order, each placed where it belongs and each with its
//! letters left to right as seen: poppler (`pdftotext`, also `-raw`) and pypdf read a word
//! drawn that way in reverse, which is the order typed, and take the words in the order
//! drawn. (An ActualText span would not do: poppler reverses its text again.) The lam-alef
//! ligature, one glyph for two letters, is drawn as the glyph for the alef and a glyph of no
//! width for the lam, so that reversing gives the two letters in their order.

/// Hebrew, Arabic and their presentation forms: letters written right to left.
pub fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Arabic marks (harakat) that sit on a letter and do not break its joining.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

/// The presentation forms of an Arabic letter: (isolated, final, initial, medial); letters
/// that join only to the letter before them have no initial or medial form.
fn forms(c: char) -> Option<(u32, u32, Option<(u32, u32)>)> {
    let c = c as u32;
    // Letters U+0621..U+064A in order, each with the first of its forms in U+FE80..,
    // and whether it joins on both sides (D) or only to the right (R).
    const TABLE: &[(u32, u32, bool)] = &[
        (0x0622, 0xFE81, false), (0x0623, 0xFE83, false), (0x0624, 0xFE85, false), (0x0625, 0xFE87, false),
        (0x0626, 0xFE89, true), (0x0627, 0xFE8D, false), (0x0628, 0xFE8F, true), (0x0629, 0xFE93, false),
        (0x062A, 0xFE95, true), (0x062B, 0xFE99, true), (0x062C, 0xFE9D, true), (0x062D, 0xFEA1, true),
        (0x062E, 0xFEA5, true), (0x062F, 0xFEA9, false), (0x0630, 0xFEAB, false), (0x0631, 0xFEAD, false),
        (0x0632, 0xFEAF, false), (0x0633, 0xFEB1, true), (0x0634, 0xFEB5, true), (0x0635, 0xFEB9, true),
        (0x0636, 0xFEBD, true), (0x0637, 0xFEC1, true), (0x0638, 0xFEC5, true), (0x0639, 0xFEC9, true),
        (0x063A, 0xFECD, true), (0x0641, 0xFED1, true), (0x0642, 0xFED5, true), (0x0643, 0xFED9, true),
        (0x0644, 0xFEDD, true), (0x0645, 0xFEE1, true), (0x0646, 0xFEE5, true), (0x0647, 0xFEE9, true),
        (0x0648, 0xFEED, false), (0x0649, 0xFEEF, false), (0x064A, 0xFEF1, true),
    ];
    let &(_, first, dual) = TABLE.iter().find(|(letter, _, _)| *letter == c)?;
    Some((first, first + 1, dual.then_some((first + 2, first + 3))))
}

/// Whether the letter joins to the one after it (in logical order).
fn joins_forward(c: char) -> bool {
    c == '\u{0640}' || forms(c).is_some_and(|(_, _, dual)| dual.is_some())
}

/// Whether the letter accepts a join from the one before it.
fn joins_backward(c: char) -> bool {
    c == '\u{0640}' || forms(c).is_some()
}

/// Lam followed by alef: one ligature glyph (isolated, final).
fn lam_alef(alef: char) -> Option<(u32, u32)> {
    match alef {
        '\u{0622}' => Some((0xFEF5, 0xFEF6)),
        '\u{0623}' => Some((0xFEF7, 0xFEF8)),
        '\u{0625}' => Some((0xFEF9, 0xFEFA)),
        '\u{0627}' => Some((0xFEFB, 0xFEFC)),
        _ => None,
    }
}

/// A glyph to print (as a character the fonts map) and the text it stands for.
pub type Shaped = (char, String);

/// Stands for the lam of a lam-alef ligature: drawn as a glyph of no width (the font's
/// zero-width non-joiner) whose text is the lam.
pub const LAM_OF_LIGATURE: char = '\u{200C}';

/// Arabic letters in their joined forms, in logical order.
fn shape(chars: &[char]) -> Vec<Shaped> {
    // The letter before/after `i`, skipping marks.
    let prev = |i: usize| chars[..i].iter().rev().find(|c| !is_mark(**c)).copied();
    let next = |i: usize| chars[i + 1..].iter().find(|c| !is_mark(**c)).copied();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let joined_before = prev(i).is_some_and(joins_forward) && joins_backward(c);
        if c == '\u{0644}' {
            if let Some((iso, fin)) = chars.get(i + 1).and_then(|&a| lam_alef(a)) {
                let glyph = if joined_before { fin } else { iso };
                // In the order typed: the lam (no width, see the module's note), the alef.
                out.push((LAM_OF_LIGATURE, c.to_string()));
                out.push((char::from_u32(glyph).unwrap_or(c), chars[i + 1].to_string()));
                i += 2;
                continue;
            }
        }
        let glyph = match forms(c) {
            Some((iso, fin, dual)) => {
                let joined_after = joins_forward(c) && next(i).is_some_and(joins_backward);
                match (joined_before, joined_after, dual) {
                    (true, true, Some((_, medial))) => medial,
                    (false, true, Some((initial, _))) => initial,
                    (true, _, _) => fin,
                    _ => iso,
                }
            }
            None => c as u32,
        };
        out.push((char::from_u32(glyph).unwrap_or(c), c.to_string()));
        i += 1;
    }
    out
}

/// Replaces each lam-alef ligature (the alef's glyph and the lam's mark, in visual order)
/// by the two letters in their joined forms: the alef final; the lam initial, or medial where
/// the ligature was in its final form (joined to the letter before it).
pub fn without_ligatures(glyphs: &mut [Shaped]) {
    // Whether the ligature just replaced was in its final form (even code points).
    let mut ligature_final = None;
    for (glyph, _) in glyphs.iter_mut() {
        let code = *glyph as u32;
        if (0xFEF5..=0xFEFC).contains(&code) {
            let alef = match code {
                0xFEF5 | 0xFEF6 => 0xFE82,
                0xFEF7 | 0xFEF8 => 0xFE84,
                0xFEF9 | 0xFEFA => 0xFE88,
                _ => 0xFE8E,
            };
            *glyph = char::from_u32(alef).unwrap_or(*glyph);
            ligature_final = Some(code % 2 == 0);
        } else if *glyph == LAM_OF_LIGATURE {
            let medial = ligature_final.take().unwrap_or(false);
            *glyph = char::from_u32(if medial { 0xFEE0 } else { 0xFEDF }).unwrap_or(*glyph);
        }
    }
}

/// A piece of a line, in visual order: glyphs left to right; a right-to-left run also as
/// its words in the order typed (each word with the spaces before it, its glyphs left to
/// right as seen).
pub struct Segment {
    pub glyphs: Vec<Shaped>,
    pub words: Option<Vec<Vec<Shaped>>>,
}

/// The line in visual order with Arabic shaped, in segments, or `None` when it has no
/// right-to-left letter (nearly every line: nothing to do).
pub fn segments(line: &str) -> Option<Vec<Segment>> {
    if !line.chars().any(is_rtl) {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let shaped = shape(&chars);
    // A right-to-left run: from a right-to-left letter to the last one before a
    // left-to-right letter or digit, with the spaces and punctuation between them.
    let strong_ltr = |s: &Shaped| s.0.is_alphanumeric() && !is_rtl(s.0);
    let mut out: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < shaped.len() {
        if !is_rtl(shaped[i].0) && shaped[i].0 != LAM_OF_LIGATURE {
            match out.last_mut() {
                Some(Segment { glyphs, words: None }) => glyphs.push(shaped[i].clone()),
                _ => out.push(Segment { glyphs: vec![shaped[i].clone()], words: None }),
            }
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i;
        while j < shaped.len() && !strong_ltr(&shaped[j]) {
            if is_rtl(shaped[j].0) {
                end = j;
            }
            j += 1;
        }
        let run = &shaped[i..=end];
        let mut words: Vec<Vec<Shaped>> = Vec::new();
        for (k, s) in run.iter().enumerate() {
            // A word takes the spaces before it: read in reverse, a word must start with a
            // letter (pypdf sets the direction by the first letter it meets).
            let starts_word = k == 0 || (run[k - 1].0 != ' ' && s.0 == ' ');
            if starts_word {
                words.push(Vec::new());
            }
            words.last_mut().expect("a word was started").push(s.clone());
        }
        words.iter_mut().for_each(|w| w.reverse());
        out.push(Segment { glyphs: run.iter().rev().cloned().collect(), words: Some(words) });
        i = end + 1;
    }
    Some(out)
}

/// The line in visual order with Arabic shaped, or `None` when it has no right-to-left
/// letter.
#[cfg(test)]
pub fn visual(line: &str) -> Option<Vec<Shaped>> {
    segments(line).map(|s| s.into_iter().flat_map(|s| s.glyphs).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(v: &[Shaped]) -> String {
        v.iter().map(|s| s.0).collect()
    }

    fn text(v: &[Shaped]) -> String {
        v.iter().map(|s| s.1.as_str()).collect()
    }

    #[test]
    fn lines_without_right_to_left_letters_are_left_alone() {
        assert!(visual("株式会社 ABC 123").is_none());
    }

    #[test]
    fn hebrew_runs_are_reversed_between_latin_words() {
        let v = visual("Tel Aviv תל אביב 2026").unwrap();
        assert_eq!(glyphs(&v), "Tel Aviv ביבא לת 2026");
    }

    #[test]
    fn a_ligature_can_be_drawn_as_its_two_letters() {
        // "سلام": the ligature final (joined to the seen), so the lam medial.
        let mut v = visual("سلام").unwrap();
        without_ligatures(&mut v);
        assert_eq!(glyphs(&v), "\u{FEE1}\u{FE8E}\u{FEE0}\u{FEB3}");
        assert_eq!(text(&v), "مالس");
        // "لا" alone: the lam initial.
        let mut v = visual("لا").unwrap();
        without_ligatures(&mut v);
        assert_eq!(glyphs(&v), "\u{FE8E}\u{FEDF}");
    }

    #[test]
    fn right_to_left_runs_are_words_in_the_order_typed() {
        let s = segments("Tel Aviv תל אביב, 2026").unwrap();
        assert_eq!(s.len(), 3);
        assert!(s[0].words.is_none() && s[2].words.is_none());
        assert_eq!(glyphs(&s[1].glyphs), "ביבא לת");
        let words: Vec<String> = s[1].words.as_ref().unwrap().iter().map(|w| glyphs(w)).collect();
        assert_eq!(words, ["לת", "ביבא "], "each word as seen, the first typed first");
    }

    #[test]
    fn arabic_letters_join_and_lam_alef_is_one_glyph() {
        // "مرحبا": meem initial, reh final, hah initial, beh medial, alef final.
        let v = visual("مرحبا").unwrap();
        assert_eq!(glyphs(&v), "\u{FE8E}\u{FE92}\u{FEA3}\u{FEAE}\u{FEE3}");
        // "سلام": seen initial, lam-alef final ligature (the alef's glyph and a glyph of no
        // width for the lam), meem isolated.
        let v = visual("سلام").unwrap();
        assert_eq!(glyphs(&v), "\u{FEE1}\u{FEFC}\u{200C}\u{FEB3}");
        assert_eq!(text(&v), "مالس", "each glyph keeps its letter (glyphs in visual order)");
    }
}
