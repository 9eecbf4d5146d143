//! Composing A4 pages: text that wraps and flows onto new pages, rules and boxes, and the
//! header and footer added once the number of pages is known ("page N of M").

use printpdf::{
    Color, CurTransMat, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfFontHandle, PdfPage,
    Point, Polygon, PolygonRing, Pt, Rect, TextItem, TextRenderingMode, WindingOrder,
};

use super::font::{composed, Metrics};
use super::wrap::wrap;

pub const PAGE_W: f32 = 595.28;
pub const LEFT: f32 = 52.0;
pub const RIGHT: f32 = PAGE_W - 52.0;
pub const WIDTH: f32 = RIGHT - LEFT;
const TOP: f32 = 788.0;
const BOTTOM: f32 = 62.0;

/// How a run of text looks. `grey` is 0 for black, towards 1 for lighter.
#[derive(Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub leading: f32,
    pub bold: bool,
    pub grey: f32,
}

pub const BODY: Style = Style { size: 9.5, leading: 13.8, bold: false, grey: 0.0 };
pub const SMALL: Style = Style { size: 8.0, leading: 11.2, bold: false, grey: 0.25 };
pub const LABEL: Style = Style { size: 8.0, leading: 13.8, bold: false, grey: 0.35 };
pub const TITLE: Style = Style { size: 22.0, leading: 30.0, bold: true, grey: 0.0 };
pub const H1: Style = Style { size: 16.0, leading: 24.0, bold: true, grey: 0.0 };
pub const H2: Style = Style { size: 12.5, leading: 19.0, bold: true, grey: 0.0 };
pub const H3: Style = Style { size: 10.5, leading: 15.0, bold: true, grey: 0.0 };

fn grey(level: f32) -> Color {
    // printpdf's greyscale is PDF's: 0 is black, 1 is white.
    Color::Greyscale(Greyscale { percent: level, icc_profile: None })
}

fn pt_point(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

/// A page-by-page list of drawing operations with a text cursor that moves down.
pub struct Canvas {
    pub metrics: Metrics,
    pages: Vec<Vec<Op>>,
    /// Top of the next line, in points from the bottom of the page.
    cursor: f32,
    /// (title, page index) for the PDF outline.
    pub bookmarks: Vec<(String, usize)>,
    /// What a value continued on a new page belongs to (an item id), printed with its label.
    pub running: Option<String>,
}

impl Canvas {
    pub fn new(metrics: Metrics) -> Canvas {
        Canvas { metrics, pages: vec![Vec::new()], cursor: TOP, bookmarks: Vec::new(), running: None }
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    /// Starts a new page, unless nothing is drawn on this one yet (a section that starts on
    /// a new page right after text that filled the last one leaves no blank page).
    pub fn new_page(&mut self) {
        if !self.ops().is_empty() {
            self.pages.push(Vec::new());
        }
        self.cursor = TOP;
    }

    /// Starts a new page unless `height` points still fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.cursor - height < BOTTOM && self.cursor < TOP {
            self.new_page();
        }
    }

    pub fn gap(&mut self, height: f32) {
        self.cursor -= height;
        if self.cursor < BOTTOM {
            self.new_page();
        }
    }

    pub fn cursor(&self) -> f32 {
        self.cursor
    }

    pub fn bookmark(&mut self, title: impl Into<String>) {
        let page = self.page_index();
        self.bookmarks.push((title.into(), page));
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("there is always a page")
    }

    /// Draws one line of text with its baseline at `y` (no wrapping, no flow).
    pub fn text_at(&mut self, x: f32, y: f32, text: &str, style: Style) {
        let text = composed(text);
        let pieces = self.metrics.pieces(&text);
        let Some((first, _)) = pieces.iter().find_map(|p| p.runs.first()) else { return };
        let mode = if style.bold { TextRenderingMode::FillStroke } else { TextRenderingMode::Fill };
        let size = Pt(style.size);
        let mut current = first.clone();
        let ops = self.pages.last_mut().expect("there is always a page");
        ops.extend([
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::External(current.clone()), size },
            Op::SetFillColor { col: grey(style.grey) },
            Op::SetTextRenderingMode { mode },
        ]);
        if style.bold {
            // One weight of the font: bold is the glyphs filled and thinly outlined.
            ops.extend([
                Op::SetOutlineColor { col: grey(style.grey) },
                Op::SetOutlineThickness { pt: Pt(style.size * 0.035) },
            ]);
        }
        ops.push(Op::SetTextCursor { pos: pt_point(x, y) });
        // Glyph ids, not text: printpdf would look every character up in the font again,
        // twice, when it writes the file. A run in another font switches font in place;
        // the glyphs' advances carry the position on. A piece placed on its own (a word of
        // right-to-left text, and what follows such words) moves there from the line's
        // start, and sets its font again, which readers take as the end of a word.
        let mut line_x = x;
        for piece in pieces {
            if let Some(at) = piece.at {
                let to = x + at * style.size;
                ops.push(Op::SetTextCursor { pos: pt_point(to - line_x, 0.0) });
                line_x = to;
            }
            for (n, (font, glyphs)) in piece.runs.into_iter().enumerate() {
                if font != current || (n == 0 && piece.at.is_some()) {
                    ops.push(Op::SetFont { font: PdfFontHandle::External(font.clone()), size });
                    current = font;
                }
                ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(glyphs)] });
            }
        }
        ops.push(Op::EndTextSection);
    }

    /// Large light-grey letters across the middle of the page, at 45 degrees, drawn as
    /// shapes (the letters' outlines), not text: seen on every page and printed, but not
    /// extracted or copied between the page's lines. Drawn before the page's content, it
    /// stays behind it.
    pub fn watermark(&mut self, text: &str) {
        let size = 54.0;
        let text = composed(text);
        let w = self.metrics.width(&text, size);
        // Start so that the text's middle is the page's middle, along the 45° line.
        let r = std::f32::consts::FRAC_1_SQRT_2;
        let half = w / 2.0 * r;
        let (x, y) = (PAGE_W / 2.0 - half, 421.0 - half);
        let mut shapes = Vec::new();
        let mut pen = 0.0;
        for c in text.chars() {
            // The mark is ours, in the main font; a character it lacks only moves on.
            let Some((contours, advance)) = self.metrics.outline(c) else {
                pen += self.metrics.char_width(c, 1.0);
                continue;
            };
            let rings: Vec<PolygonRing> = contours
                .into_iter()
                .map(|contour| PolygonRing {
                    points: contour
                        .into_iter()
                        .map(|(cx, cy, control)| LinePoint { p: pt_point((cx + pen) * 100.0, cy * 100.0), bezier: control })
                        .collect(),
                })
                .collect();
            if !rings.is_empty() {
                shapes.push(Op::DrawPolygon {
                    polygon: Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero },
                });
            }
            pen += advance;
        }
        // Outlines in hundredths of an em, turned and scaled onto the page.
        let k = size / 100.0;
        let ops = self.ops();
        ops.extend([
            Op::SaveGraphicsState,
            Op::SetTransformationMatrix { matrix: CurTransMat::Raw([r * k, r * k, -r * k, r * k, x, y]) },
            Op::SetFillColor { col: grey(0.86) },
        ]);
        ops.extend(shapes);
        ops.push(Op::RestoreGraphicsState);
    }

    /// Right-aligns one line at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, text: &str, style: Style) {
        let w = self.metrics.width(text, style.size);
        self.text_at(right - w, y, text, style);
    }

    fn baseline(&self, style: Style) -> f32 {
        self.cursor - style.size * 0.9
    }

    /// Writes `text` wrapped to `width` at `x`, flowing onto new pages as needed.
    pub fn paragraph_at(&mut self, x: f32, width: f32, text: &str, style: Style) {
        for line in wrap(text, width, style.size, &self.metrics) {
            self.ensure(style.leading);
            let y = self.baseline(style);
            self.text_at(x, y, &line, style);
            self.cursor -= style.leading;
        }
    }

    /// A bulleted paragraph: the bullet at `x`, the text (and its further lines) beside it.
    pub fn bullet(&mut self, x: f32, text: &str, style: Style) {
        self.ensure(style.leading);
        let y = self.baseline(style);
        self.text_at(x, y, "•", style);
        self.paragraph_at(x + 10.0, RIGHT - x - 10.0, text, style);
    }

    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.paragraph_at(LEFT, WIDTH, text, style);
    }

    /// A heading kept with `keep` points of what follows it.
    pub fn heading(&mut self, text: &str, style: Style, keep: f32) {
        self.ensure(style.leading * 1.4 + keep);
        self.cursor -= style.leading * 0.3;
        self.paragraph(text, style);
        self.cursor -= style.leading * 0.1;
    }

    /// A section: its H1 heading, kept with `keep` points of what follows, and its entry in
    /// the outline. Nothing from an earlier section is repeated on its continuation pages.
    pub fn section(&mut self, title: &str, keep: f32) {
        self.running = None;
        self.ensure(H1.leading * 1.4 + keep);
        self.bookmark(title);
        self.heading(title, H1, keep);
    }

    /// The heading of an item or policy, with a small line of facts about it under it
    /// ("Essential  ·  To re-confirm"), kept with the first lines of the answer.
    pub fn item_heading(&mut self, title: &str, facts: &[String]) {
        self.heading(title, H3, BODY.leading * 3.0);
        self.paragraph(&facts.join("  ·  "), SMALL);
    }

    /// A label in the left column and its value wrapped beside it; the label is printed on
    /// the value's first line (the value may flow onto further pages).
    pub fn labelled(&mut self, label: &str, value: &str, label_width: f32) {
        let x = LEFT + label_width;
        let lines = wrap(value, RIGHT - x, BODY.size, &self.metrics);
        let label_lines = wrap(label, label_width - 6.0, LABEL.size, &self.metrics);
        self.ensure(BODY.leading * label_lines.len().min(2) as f32);
        let mut label_lines = label_lines.into_iter();
        for line in &lines {
            let page = self.page_index();
            self.ensure(BODY.leading);
            let y = self.baseline(BODY);
            if let Some(l) = label_lines.next() {
                self.text_at(LEFT, y, &l, LABEL);
            } else if self.page_index() != page {
                // Continued on a new page: say what this is the rest of.
                let again = match &self.running {
                    Some(r) => format!("{r} {label}"),
                    None => label.to_string(),
                };
                let again =
                    wrap(&again, label_width - 6.0, LABEL.size, &self.metrics).into_iter().next().unwrap_or_default();
                self.text_at(LEFT, y, &again, LABEL);
            }
            self.text_at(x, y, line, BODY);
            self.cursor -= BODY.leading;
        }
        for l in label_lines {
            self.ensure(BODY.leading);
            let y = self.baseline(BODY);
            self.text_at(LEFT, y, &l, LABEL);
            self.cursor -= BODY.leading;
        }
    }

    /// One row of cells, each wrapped in its column: (text, x, width, style, right-aligned).
    pub fn row(&mut self, cells: &[(&str, f32, f32, Style, bool)]) {
        let wrapped: Vec<Vec<String>> =
            cells.iter().map(|(text, _, width, style, _)| wrap(text, *width, style.size, &self.metrics)).collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let leading = cells.iter().map(|c| c.3.leading).fold(0.0, f32::max);
        self.ensure(leading * lines.min(3) as f32);
        for i in 0..lines {
            self.ensure(leading);
            for ((_, x, width, style, right), lines) in cells.iter().zip(&wrapped) {
                if let Some(line) = lines.get(i) {
                    let y = self.cursor - style.size * 0.9;
                    if *right {
                        self.text_right(x + width, y, line, *style);
                    } else {
                        self.text_at(*x, y, line, *style);
                    }
                }
            }
            self.cursor -= leading;
        }
    }

    /// A horizontal rule across the text width at the cursor.
    pub fn rule(&mut self, weight: f32, level: f32) {
        let y = self.cursor - 3.0;
        self.line(LEFT, y, RIGHT, y, weight, level);
        self.cursor -= 7.0;
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, weight: f32, level: f32) {
        let ops = self.ops();
        ops.extend([
            Op::SetOutlineColor { col: grey(level) },
            Op::SetOutlineThickness { pt: Pt(weight) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint { p: pt_point(x1, y1), bezier: false },
                        LinePoint { p: pt_point(x2, y2), bezier: false },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A rectangle: filled with `fill` (grey level) and/or outlined.
    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Option<f32>, outline: Option<f32>) {
        let mode = match (fill, outline) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            _ => PaintMode::Stroke,
        };
        let ops = self.ops();
        if let Some(level) = fill {
            ops.push(Op::SetFillColor { col: grey(level) });
        }
        if let Some(level) = outline {
            ops.push(Op::SetOutlineColor { col: grey(level) });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        }
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(width),
                height: Pt(height),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// Moves the cursor down by `height` without drawing (after drawing at fixed positions).
    pub fn advance(&mut self, height: f32) {
        self.cursor -= height;
    }

    /// The pages, each with the header and footer `frame(page_number, total)` draws, the
    /// outline's entries, and the fonts the pages use (to embed).
    #[allow(clippy::type_complexity)]
    pub fn finish(
        mut self,
        frame: impl Fn(&mut Canvas, usize, usize),
    ) -> (Vec<PdfPage>, Vec<(String, usize)>, Vec<(FontId, &'static ParsedFont)>) {
        let total = self.pages.len();
        let bodies = std::mem::take(&mut self.pages);
        let mut pages = Vec::with_capacity(total);
        for (i, body) in bodies.into_iter().enumerate() {
            self.pages = vec![Vec::new()];
            frame(&mut self, i + 1, total);
            let mut ops = std::mem::take(&mut self.pages[0]);
            ops.extend(body);
            pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
        }
        (pages, self.bookmarks, self.metrics.fonts())
    }
}

/// Where the header and footer go.
pub const HEADER_Y: f32 = 812.0;
pub const HEADER_RULE_Y: f32 = 804.0;
pub const FOOTER_RULE_Y: f32 = 48.0;
pub const FOOTER_Y: f32 = 36.0;
