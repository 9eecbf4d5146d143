//! The one reader of what a page shows: a strict interpreter of the content-stream
//! operators this app writes (text objects and their state, grey levels, lines, boxes and
//! the preview's outlined mark). Used when the PDF is made, to record what each page prints, and by `verify`, to
//! read it back the same way. Anything else (images and forms drawn with `Do`, clipping,
//! colour spaces, optional and marked content, unknown operators, invisible text, text shown
//! with fonts this app does not embed) is refused with what it is: this app never writes it.

use std::collections::HashMap;
use std::ops::Range;

use super::tounicode::PageFont;

/// Why a page's content is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

type Parse<T> = Result<T, Refusal>;

fn refuse<T>(why: impl Into<String>) -> Parse<T> {
    Err(Refusal(why.into()))
}

/// An operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Number(f64),
    Name(Vec<u8>),
    /// The string's bytes, and for a hexadecimal string written without spaces, where its
    /// digits are in the stream (the fingerprint is written into them when the PDF is made).
    Str {
        bytes: Bytes,
        hex_at: Option<usize>,
    },
    Array(Vec<Operand>),
    Dict(Vec<(Vec<u8>, Operand)>),
    Bool,
    Null,
}

/// A string's bytes, kept inline when short (this app writes one glyph, two bytes, per
/// string: a page has thousands, and an allocation each was a fifth of `verify`'s time).
#[derive(Debug, Clone, PartialEq)]
enum Bytes {
    Inline { len: u8, data: [u8; 8] },
    Heap(Vec<u8>),
}

impl Bytes {
    fn from_vec(v: Vec<u8>) -> Bytes {
        if v.len() <= 8 {
            let mut data = [0; 8];
            data[..v.len()].copy_from_slice(&v);
            Bytes::Inline { len: v.len() as u8, data }
        } else {
            Bytes::Heap(v)
        }
    }

    fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Inline { len, data } => &data[..*len as usize],
            Bytes::Heap(v) => v,
        }
    }
}

/// Reads tokens from a content stream.
struct Lexer<'a> {
    s: &'a [u8],
    at: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// A token: an operand, or an operator's name.
enum Token {
    Operand(Operand),
    Operator(Range<usize>),
    ArrayEnd,
    DictEnd,
}

/// Deeper nesting of arrays and dictionaries than any content this app writes.
const MAX_NESTING: usize = 8;

impl<'a> Lexer<'a> {
    fn skip_white(&mut self) {
        while self.at < self.s.len() {
            let b = self.s[self.at];
            if is_white(b) {
                self.at += 1;
            } else if b == b'%' {
                while self.at < self.s.len() && !matches!(self.s[self.at], b'\n' | b'\r') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn next(&mut self, depth: usize) -> Parse<Option<Token>> {
        self.skip_white();
        let Some(&b) = self.s.get(self.at) else { return Ok(None) };
        if depth > MAX_NESTING {
            return refuse("its content nests arrays deeper than this app ever writes");
        }
        let token = match b {
            b'/' => Token::Operand(Operand::Name(self.name()?)),
            b'(' => Token::Operand(Operand::Str { bytes: Bytes::from_vec(self.literal()?), hex_at: None }),
            b'<' if self.s.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                Token::Operand(self.dict(depth + 1)?)
            }
            b'<' => Token::Operand(self.hex()?),
            b'>' if self.s.get(self.at + 1) == Some(&b'>') => {
                self.at += 2;
                Token::DictEnd
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    match self.next(depth + 1)? {
                        Some(Token::Operand(o)) => items.push(o),
                        Some(Token::ArrayEnd) => break,
                        _ => return refuse("its content has an array that is not closed"),
                    }
                }
                Token::Operand(Operand::Array(items))
            }
            b']' => {
                self.at += 1;
                Token::ArrayEnd
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => Token::Operand(Operand::Number(self.number()?)),
            _ if is_delimiter(b) => {
                return refuse(format!("its content cannot be read (an unexpected '{}')", b as char))
            }
            _ => {
                let start = self.at;
                while self.at < self.s.len() && !is_white(self.s[self.at]) && !is_delimiter(self.s[self.at]) {
                    self.at += 1;
                }
                match &self.s[start..self.at] {
                    b"true" | b"false" => Token::Operand(Operand::Bool),
                    b"null" => Token::Operand(Operand::Null),
                    _ => Token::Operator(start..self.at),
                }
            }
        };
        Ok(Some(token))
    }

    fn name(&mut self) -> Parse<Vec<u8>> {
        self.at += 1;
        let mut out = Vec::new();
        while self.at < self.s.len() && !is_white(self.s[self.at]) && !is_delimiter(self.s[self.at]) {
            let b = self.s[self.at];
            if b == b'#' {
                let hex = self.s.get(self.at + 1..self.at + 3).and_then(|h| std::str::from_utf8(h).ok());
                let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) else {
                    return refuse("its content has a malformed name");
                };
                out.push(v);
                self.at += 3;
            } else {
                out.push(b);
                self.at += 1;
            }
        }
        Ok(out)
    }

    /// A number: an optional sign, digits, an optional point and digits. Read by hand (a
    /// content stream holds thousands); the same reading makes the record and checks it.
    fn number(&mut self) -> Parse<f64> {
        let start = self.at;
        let negative = match self.s[self.at] {
            b'-' => {
                self.at += 1;
                true
            }
            b'+' => {
                self.at += 1;
                false
            }
            _ => false,
        };
        let (mut whole, mut fraction, mut scale, mut digits, mut point) = (0f64, 0f64, 1f64, 0usize, false);
        while let Some(&b) = self.s.get(self.at) {
            match b {
                b'0'..=b'9' if point => {
                    fraction = fraction * 10.0 + f64::from(b - b'0');
                    scale *= 10.0;
                }
                b'0'..=b'9' => whole = whole * 10.0 + f64::from(b - b'0'),
                b'.' if !point => point = true,
                _ => break,
            }
            if b != b'.' {
                digits += 1;
            }
            self.at += 1;
        }
        let v = whole + fraction / scale;
        if digits == 0 || digits > 30 || !v.is_finite() {
            return refuse(format!(
                "its content has a malformed number ({:?})",
                String::from_utf8_lossy(&self.s[start..self.at.max(start + 1).min(self.s.len())])
            ));
        }
        Ok(if negative { -v } else { v })
    }

    fn literal(&mut self) -> Parse<Vec<u8>> {
        self.at += 1;
        let (mut out, mut depth) = (Vec::new(), 1usize);
        while let Some(&b) = self.s.get(self.at) {
            self.at += 1;
            match b {
                b'\\' => {
                    let Some(&e) = self.s.get(self.at) else { break };
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.s.get(self.at) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        b'\r' => {
                            if self.s.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(out);
                    }
                    out.push(b);
                }
                _ => out.push(b),
            }
        }
        refuse("its content has a text string that is not closed")
    }

    fn hex(&mut self) -> Parse<Operand> {
        self.at += 1;
        let start = self.at;
        let mut bytes = [0u8; 8];
        let mut heap: Option<Vec<u8>> = None;
        let (mut n, mut half, mut spaced) = (0usize, None::<u8>, false);
        loop {
            let Some(&b) = self.s.get(self.at) else {
                return refuse("its content has a hexadecimal string that is not closed");
            };
            self.at += 1;
            let digit = match b {
                b'>' => break,
                _ if is_white(b) => {
                    spaced = true;
                    continue;
                }
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return refuse("its content has a malformed hexadecimal string"),
            };
            match half.take() {
                None => half = Some(digit),
                Some(high) => {
                    let byte = high << 4 | digit;
                    match heap.as_mut() {
                        Some(v) => v.push(byte),
                        None if n < bytes.len() => bytes[n] = byte,
                        None => {
                            let mut v = bytes.to_vec();
                            v.push(byte);
                            heap = Some(v);
                        }
                    }
                    n += 1;
                }
            }
        }
        // An odd last digit is followed by 0.
        if let Some(high) = half {
            match heap.as_mut() {
                Some(v) => v.push(high << 4),
                None if n < bytes.len() => bytes[n] = high << 4,
                None => {
                    let mut v = bytes.to_vec();
                    v.push(high << 4);
                    heap = Some(v);
                }
            }
            n += 1;
        }
        let bytes = match heap {
            Some(v) => Bytes::Heap(v),
            None => Bytes::Inline { len: n as u8, data: bytes },
        };
        Ok(Operand::Str { bytes, hex_at: (!spaced).then_some(start) })
    }

    fn dict(&mut self, depth: usize) -> Parse<Operand> {
        let mut entries = Vec::new();
        loop {
            match self.next(depth)? {
                Some(Token::DictEnd) => return Ok(Operand::Dict(entries)),
                Some(Token::Operand(Operand::Name(key))) => match self.next(depth)? {
                    Some(Token::Operand(value)) => entries.push((key, value)),
                    _ => return refuse("its content has a dictionary without a value"),
                },
                _ => return refuse("its content has a malformed dictionary"),
            }
        }
    }
}

/// A 2×3 matrix [a b c d e f], as PDF writes them.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`: the product m × n.
fn concat(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// A number as recorded: to whole points for positions.
fn coarse(v: f64) -> i64 {
    v.round() as i64
}

/// A number as recorded where a small difference shows (sizes, greys, widths): thousandths.
fn fine(v: f64) -> i64 {
    (v * 1000.0).round() as i64
}

/// One glyph of a text run: the characters it stands for (its place in [`Run::glyphs`]), the
/// code it is shown with, and where that code's hexadecimal digits are in the stream.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: Range<usize>,
    pub code: u16,
    pub hex_at: Option<usize>,
}

/// Text drawn from one text position (a `Td` or `Tm` in a text object) until the next.
#[derive(Debug, Clone)]
pub struct Run {
    /// Its baseline, in points from the bottom of the page.
    pub y: f64,
    /// What the glyphs stand for (their fonts' ToUnicode), in the order drawn.
    pub glyphs: String,
    /// The run's text and how it is drawn (position, size, fonts, grey, rendering mode), as
    /// the page's record holds it.
    pub record: String,
    pub glyph_list: Vec<Glyph>,
}

/// What one page's content draws, in the order drawn.
#[derive(Debug, Clone, Default)]
pub struct PageContent {
    /// Every text run (by its index in `runs`) and every painted shape (as recorded, "P …"),
    /// in the order drawn.
    pub drawn: Vec<Drawn>,
    /// The text runs.
    pub runs: Vec<Run>,
}

/// One thing a page draws.
#[derive(Debug, Clone)]
pub enum Drawn {
    Run(usize),
    Shape(String),
}

impl PageContent {
    /// Each thing drawn as recorded, in order.
    pub fn records(&self) -> impl Iterator<Item = &str> {
        self.drawn.iter().map(|d| match d {
            Drawn::Run(i) => self.runs[*i].record.as_str(),
            Drawn::Shape(s) => s.as_str(),
        })
    }
}

#[derive(Clone)]
struct Graphics {
    ctm: Matrix,
    fill: f64,
    stroke: f64,
    line_width: f64,
    font: Option<usize>,
    size: f64,
    mode: i64,
}

/// Reads one page's content streams (already unpacked, joined as PDF joins them) with the
/// page's fonts by resource name.
pub fn read(content: &[u8], fonts: &HashMap<Vec<u8>, PageFont>) -> Parse<PageContent> {
    let names: Vec<&Vec<u8>> = fonts.keys().collect();
    let mut lexer = Lexer { s: content, at: 0 };
    let mut operands: Vec<Operand> = Vec::new();
    let mut page = PageContent::default();
    let mut g = Graphics { ctm: IDENTITY, fill: 0.0, stroke: 0.0, line_width: 1.0, font: None, size: 0.0, mode: 0 };
    let mut saved: Vec<Graphics> = Vec::new();
    // Inside BT … ET: the text matrix and line matrix, and the run being drawn.
    let mut text: Option<(Matrix, Matrix)> = None;
    let mut run: Option<Run> = None;
    let mut path = String::new();
    while let Some(token) = lexer.next(0)? {
        let op = match token {
            Token::Operand(o) => {
                if operands.len() >= 16 {
                    return refuse("its content has an operator with more operands than this app ever writes");
                }
                operands.push(o);
                continue;
            }
            Token::Operator(r) => &content[r],
            Token::ArrayEnd | Token::DictEnd => return refuse("its content cannot be read (an unmatched ']' or '>>')"),
        };
        let nums = |n: usize| -> Parse<Vec<f64>> {
            if operands.len() != n {
                return refuse(format!(
                    "its content has '{}' with {} operands",
                    String::from_utf8_lossy(op),
                    operands.len()
                ));
            }
            operands
                .iter()
                .map(|o| match o {
                    Operand::Number(v) => Ok(*v),
                    _ => refuse(format!(
                        "its content has '{}' with an operand that is not a number",
                        String::from_utf8_lossy(op)
                    )),
                })
                .collect()
        };
        let in_text = text.is_some();
        match op {
            b"q" => {
                nums(0)?;
                if saved.len() >= 32 {
                    return refuse("its content saves the graphics state deeper than this app ever does");
                }
                saved.push(g.clone());
            }
            b"Q" => {
                nums(0)?;
                g = saved
                    .pop()
                    .ok_or_else(|| Refusal("its content restores a graphics state it never saved".into()))?;
            }
            b"cm" => {
                let v = nums(6)?;
                g.ctm = concat(&[v[0], v[1], v[2], v[3], v[4], v[5]], &g.ctm);
            }
            b"g" => g.fill = nums(1)?[0],
            b"G" => g.stroke = nums(1)?[0],
            b"w" => g.line_width = nums(1)?[0],
            b"BT" => {
                nums(0)?;
                if in_text {
                    return refuse("its content opens a text object inside another");
                }
                text = Some((IDENTITY, IDENTITY));
            }
            b"ET" => {
                nums(0)?;
                if !in_text {
                    return refuse("its content closes a text object that is not open");
                }
                finish_run(&mut run, &mut page);
                text = None;
            }
            b"Tf" => {
                let (Some(Operand::Name(name)), Some(Operand::Number(size))) = (operands.first(), operands.get(1))
                else {
                    return refuse("its content has a malformed 'Tf'");
                };
                let Some(i) = names.iter().position(|n| *n == name) else {
                    return refuse(format!(
                        "its text uses the font /{}, which the page does not list or which this app does not embed",
                        String::from_utf8_lossy(name)
                    ));
                };
                if operands.len() != 2 {
                    return refuse("its content has a malformed 'Tf'");
                }
                g.font = Some(i);
                g.size = *size;
            }
            b"Tr" => {
                let v = nums(1)?[0];
                if !(0.0..=2.0).contains(&v) || v.fract() != 0.0 {
                    // 3 is invisible text, 4-7 clip: never written by this app.
                    return refuse(format!("its text is drawn in rendering mode {v}, which this app never uses"));
                }
                g.mode = v as i64;
            }
            b"Td" | b"Tm" => {
                let Some((tm, tlm)) = text.as_mut() else {
                    return refuse(format!(
                        "its content positions text ('{}') outside a text object",
                        String::from_utf8_lossy(op)
                    ));
                };
                if op == b"Td" {
                    let v = nums(2)?;
                    *tlm = concat(&[1.0, 0.0, 0.0, 1.0, v[0], v[1]], tlm);
                } else {
                    let v = nums(6)?;
                    *tlm = [v[0], v[1], v[2], v[3], v[4], v[5]];
                }
                *tm = *tlm;
                finish_run(&mut run, &mut page);
            }
            b"TJ" | b"Tj" => {
                let Some((tm, _)) = text.as_ref() else {
                    return refuse("its content shows text outside a text object");
                };
                let Some(font_index) = g.font else { return refuse("its content shows text before choosing a font") };
                let font = fonts.get(names[font_index]).expect("an index of the names");
                let mut taken = std::mem::take(&mut operands);
                let items: Vec<Operand> = match (op, taken.pop(), taken.is_empty()) {
                    (b"TJ", Some(Operand::Array(items)), true) => items,
                    (b"Tj", Some(s @ Operand::Str { .. }), true) => vec![s],
                    _ => return refuse(format!("its content has a malformed '{}'", String::from_utf8_lossy(op))),
                };
                let r = run.get_or_insert_with(|| {
                    let (x, y) = apply(&concat(tm, &g.ctm), 0.0, 0.0);
                    Run { y, glyphs: String::new(), record: format!("T {} {}|", coarse(x), coarse(y)), glyph_list: Vec::new() }
                });
                show(r, &items, font, &g, tm)?;
            }
            b"m" | b"l" | b"c" | b"re" | b"h" => {
                if in_text {
                    return refuse("its content draws a shape inside a text object");
                }
                let v = nums(match op {
                    b"m" | b"l" => 2,
                    b"c" => 6,
                    b"re" => 4,
                    _ => 0,
                })?;
                path.push_str(std::str::from_utf8(op).unwrap_or("?"));
                if op == b"re" {
                    // A box: its four corners, so that a box and the same box drawn by
                    // lines record alike however the page's matrix turns them.
                    for (x, y) in [(v[0], v[1]), (v[0] + v[2], v[1]), (v[0] + v[2], v[1] + v[3]), (v[0], v[1] + v[3])] {
                        let (px, py) = apply(&g.ctm, x, y);
                        path.push_str(&format!(" {} {}", coarse(px), coarse(py)));
                    }
                } else {
                    for p in v.chunks(2) {
                        let (px, py) = apply(&g.ctm, p[0], p[1]);
                        path.push_str(&format!(" {} {}", coarse(px), coarse(py)));
                    }
                }
                path.push(';');
            }
            b"S" | b"f" | b"B" => {
                nums(0)?;
                if in_text || path.is_empty() {
                    return refuse("its content paints a shape that was never drawn");
                }
                let paint = std::str::from_utf8(op).unwrap_or("?");
                page.drawn.push(Drawn::Shape(format!(
                    "P {paint} fill {} stroke {} width {}|{path}",
                    fine(g.fill),
                    fine(g.stroke),
                    fine(g.line_width * (g.ctm[0] * g.ctm[3] - g.ctm[1] * g.ctm[2]).abs().sqrt())
                )));
                path.clear();
            }
            other => {
                let name = String::from_utf8_lossy(other);
                let what = match other {
                    b"Do" => "draws an image or a form (Do)".to_string(),
                    b"W" | b"W*" => "clips the page (W)".to_string(),
                    b"BI" | b"ID" | b"EI" => "holds an inline image (BI)".to_string(),
                    b"BDC" | b"BMC" | b"EMC" | b"MP" | b"DP" => {
                        format!("marks content ({name}: optional content, spans or tags)")
                    }
                    b"sh" => "paints a shading (sh)".to_string(),
                    b"gs" => "changes the graphics state from a dictionary (gs)".to_string(),
                    _ => format!("uses the operator '{name}'"),
                };
                return refuse(format!("its content {what}, which this app never writes"));
            }
        }
        operands.clear();
    }
    if text.is_some() || !operands.is_empty() || !path.is_empty() {
        return refuse("its content ends in the middle of a text object, shape or operator");
    }
    Ok(page)
}

/// Adds the glyphs of one text-showing operator to the run.
fn show(r: &mut Run, items: &[Operand], font: &PageFont, g: &Graphics, tm: &Matrix) -> Parse<()> {
    let m = concat(tm, &g.ctm);
    r.record.push_str(&format!(
        "\u{1}font {} size {} matrix {} {} {} {} mode {} fill {} stroke {} width {}\u{1}",
        font.identity,
        fine(g.size),
        fine(m[0]),
        fine(m[1]),
        fine(m[2]),
        fine(m[3]),
        g.mode,
        fine(g.fill),
        fine(g.stroke),
        fine(g.line_width)
    ));
    for item in items {
        match item {
            Operand::Str { bytes, hex_at } => {
                let bytes = bytes.as_slice();
                if bytes.len() % 2 != 0 {
                    return refuse("its text has a glyph code of one byte; this app writes two");
                }
                for (i, pair) in bytes.chunks(2).enumerate() {
                    let code = u16::from_be_bytes([pair[0], pair[1]]);
                    let Some(stands_for) = font.text_of(code) else {
                        return refuse(format!(
                            "its text shows a glyph ({code:04X}) whose text the font does not give"
                        ));
                    };
                    let start = r.glyphs.len();
                    r.glyphs.push_str(stands_for);
                    r.record.push_str(stands_for);
                    r.glyph_list.push(Glyph { text: start..r.glyphs.len(), code, hex_at: hex_at.map(|at| at + 4 * i) });
                }
            }
            Operand::Number(n) => {
                // A move between glyphs moves what follows it.
                r.record.push_str(&format!("\u{1}move {}\u{1}", n.round() as i64));
            }
            _ => return refuse("its text array holds something other than glyphs and moves"),
        }
    }
    Ok(())
}

fn finish_run(run: &mut Option<Run>, page: &mut PageContent) {
    if let Some(r) = run.take() {
        page.drawn.push(Drawn::Run(page.runs.len()));
        page.runs.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> HashMap<Vec<u8>, PageFont> {
        let mut to_unicode = HashMap::new();
        for (code, s) in [(1u16, "A"), (2, "B"), (3, " "), (4, "\u{5D0}"), (5, "\u{5D1}")] {
            to_unicode.insert(code, s.to_string());
        }
        HashMap::from([(b"F1".to_vec(), PageFont::new("f1".into(), to_unicode))])
    }

    #[test]
    fn text_runs_are_read_with_their_place_and_style() {
        let page = read(
            b"BT /F1 9.5 Tf 0.25 g 0 Tr 52 812 Td [<0001><0002>] TJ ET\n0.4 G 0.5 w 52 804 m 543.28 804 l S",
            &font(),
        )
        .unwrap();
        assert_eq!(page.runs.len(), 1);
        assert_eq!(page.runs[0].glyphs, "AB");
        assert_eq!(page.runs[0].y, 812.0);
        let records: Vec<&str> = page.records().collect();
        assert!(records[0].starts_with("T 52 812|"), "{}", records[0]);
        assert_eq!(records[1], "P S fill 250 stroke 400 width 500|m 52 804;l 543 804;");
        // The digits of each glyph's code, for writing the fingerprint in.
        let s = b"BT /F1 9.5 Tf 52 812 Td [<0001><0002>] TJ ET";
        let page = read(s, &font()).unwrap();
        let at = page.runs[0].glyph_list[1].hex_at.unwrap();
        assert_eq!(&s[at..at + 4], b"0002");
    }

    #[test]
    fn what_this_app_never_writes_is_refused() {
        for (content, why) in [
            ("q /Im1 Do Q", "Do"),
            ("0 0 10 10 re W n", "clips"),
            ("BT /F1 9 Tf 3 Tr 0 0 Td [<0001>] TJ ET", "rendering mode 3"),
            ("BT /F2 9 Tf 0 0 Td [<0001>] TJ ET", "/F2"),
            ("/OC /oc1 BDC EMC", "marks"),
            ("BT /F1 9 Tf 0 0 Td [<0009>] TJ ET", "glyph (0009)"),
            ("BT /F1 9 Tf 0 0 Td [<0001>] TJ", "ends in the middle"),
            ("BT /F1 9 Tf 0 0 Td (AB TJ ET", "not closed"),
            ("1 0 0 RG", "'RG'"),
        ] {
            let e = read(content.as_bytes(), &font()).unwrap_err().0;
            assert!(e.contains(why), "{content}: {e}");
        }
    }
}
