//! Glyph outlines of the main font (TrueType `glyf`), for text drawn as shapes: the
//! preview's diagonal "DRAFT" mark, which must show on every page without being text a
//! reader extracts or copies between the lines of the page. Every offset is checked; a
//! glyph that cannot be read is left out.

/// A contour as points in font units: (x, y, whether it is a Bézier control point). Curves
/// are cubic: two control points, then the end point.
pub type Contour = Vec<(f32, f32, bool)>;

fn be16(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_be_bytes([s[0], s[1]]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

/// The bytes of a table of the font file.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(be16(font, 4)?);
    (0..count.min(512)).find_map(|i| {
        let record = 12 + 16 * i;
        if font.get(record..record + 4)? != tag {
            return None;
        }
        let (offset, len) = (be32(font, record + 8)? as usize, be32(font, record + 12)? as usize);
        font.get(offset..offset.checked_add(len)?)
    })
}

/// A glyph's outline in font units (empty for a space, or a glyph that cannot be read).
pub fn glyph(font: &[u8], gid: u16) -> Vec<Contour> {
    let mut out = Vec::new();
    let (Some(head), Some(loca), Some(glyf)) = (table(font, b"head"), table(font, b"loca"), table(font, b"glyf"))
    else {
        return out;
    };
    let long = be16(head, 50) == Some(1);
    append(glyf, loca, long, gid, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], 0, &mut out);
    out
}

/// The bytes of one glyph's record.
fn record<'a>(glyf: &'a [u8], loca: &[u8], long: bool, gid: u16) -> Option<&'a [u8]> {
    let i = usize::from(gid);
    let (start, end) = if long {
        (be32(loca, i * 4)? as usize, be32(loca, i * 4 + 4)? as usize)
    } else {
        (usize::from(be16(loca, i * 2)?) * 2, usize::from(be16(loca, i * 2 + 2)?) * 2)
    };
    if end <= start {
        return Some(&[]);
    }
    glyf.get(start..end)
}

/// Adds a glyph's contours, transformed by `m` ([a b c d e f]), following composite glyphs.
fn append(
    glyf: &[u8],
    loca: &[u8],
    long: bool,
    gid: u16,
    m: [f32; 6],
    depth: usize,
    out: &mut Vec<Contour>,
) -> Option<()> {
    if depth > 4 {
        return None;
    }
    let g = record(glyf, loca, long, gid)?;
    if g.is_empty() {
        return Some(());
    }
    let contours = be16(g, 0)? as i16;
    if contours < 0 {
        return composite(glyf, loca, long, g, m, depth, out);
    }
    let n = contours as usize;
    let ends: Vec<usize> = (0..n).map(|i| be16(g, 10 + 2 * i).map(usize::from)).collect::<Option<_>>()?;
    let points = ends.last().map_or(0, |e| e + 1);
    let instructions = usize::from(be16(g, 10 + 2 * n)?);
    let mut at = 12 + 2 * n + instructions;
    let mut flags = Vec::with_capacity(points);
    while flags.len() < points {
        let f = *g.get(at)?;
        at += 1;
        flags.push(f);
        if f & 8 != 0 {
            let repeat = *g.get(at)?;
            at += 1;
            for _ in 0..repeat {
                flags.push(f);
            }
        }
    }
    flags.truncate(points);
    let mut coords = |short: u8, same: u8| -> Option<Vec<i32>> {
        let mut v = 0i32;
        let mut out = Vec::with_capacity(points);
        for f in &flags {
            if f & short != 0 {
                let d = i32::from(*g.get(at)?);
                at += 1;
                v += if f & same != 0 { d } else { -d };
            } else if f & same == 0 {
                v += i32::from(be16(g, at)? as i16);
                at += 2;
            }
            out.push(v);
        }
        Some(out)
    };
    let xs = coords(2, 16)?;
    let ys = coords(4, 32)?;
    let mut start = 0;
    for end in ends {
        if end < start || end >= points {
            return None;
        }
        let pts: Vec<(f32, f32, bool)> = (start..=end)
            .map(|i| {
                let (x, y) = (xs[i] as f32, ys[i] as f32);
                (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5], flags[i] & 1 != 0)
            })
            .collect();
        out.push(cubic(&pts));
        start = end + 1;
    }
    Some(())
}

/// A composite glyph: its components, each moved and scaled.
fn composite(
    glyf: &[u8],
    loca: &[u8],
    long: bool,
    g: &[u8],
    m: [f32; 6],
    depth: usize,
    out: &mut Vec<Contour>,
) -> Option<()> {
    let mut at = 10;
    loop {
        let flags = be16(g, at)?;
        let gid = be16(g, at + 2)?;
        at += 4;
        let (dx, dy) = if flags & 1 != 0 {
            let r = (be16(g, at)? as i16, be16(g, at + 2)? as i16);
            at += 4;
            (f32::from(r.0), f32::from(r.1))
        } else {
            let r = (*g.get(at)? as i8, *g.get(at + 1)? as i8);
            at += 2;
            (f32::from(r.0), f32::from(r.1))
        };
        // Anchored points (ARGS_ARE_XY_VALUES unset) are not used by the shipped font.
        if flags & 2 == 0 {
            return None;
        }
        let f2dot14 = |at: usize| be16(g, at).map(|v| f32::from(v as i16) / 16384.0);
        let (a, b, c, d) = if flags & 8 != 0 {
            let s = f2dot14(at)?;
            at += 2;
            (s, 0.0, 0.0, s)
        } else if flags & 0x40 != 0 {
            let r = (f2dot14(at)?, f2dot14(at + 2)?);
            at += 4;
            (r.0, 0.0, 0.0, r.1)
        } else if flags & 0x80 != 0 {
            let r = (f2dot14(at)?, f2dot14(at + 2)?, f2dot14(at + 4)?, f2dot14(at + 6)?);
            at += 8;
            r
        } else {
            (1.0, 0.0, 0.0, 1.0)
        };
        // This component's transform, then the glyph's.
        let t = [
            a * m[0] + b * m[2],
            a * m[1] + b * m[3],
            c * m[0] + d * m[2],
            c * m[1] + d * m[3],
            dx * m[0] + dy * m[2] + m[4],
            dx * m[1] + dy * m[3] + m[5],
        ];
        append(glyf, loca, long, gid, t, depth + 1, out)?;
        if flags & 0x20 == 0 {
            return Some(());
        }
    }
}

/// A TrueType contour (on-curve points and quadratic control points, with the on-curve
/// points between two control points implied) as lines and cubic curves, closed.
fn cubic(pts: &[(f32, f32, bool)]) -> Contour {
    let n = pts.len();
    // A contour of control points only does not occur in the shipped font.
    let Some(begin) = (0..n).find(|&i| pts[i].2) else { return Vec::new() };
    let start = pts[begin];
    let mut out = vec![(start.0, start.1, false)];
    let mut current = start;
    let mut control: Option<(f32, f32, bool)> = None;
    let step = |out: &mut Contour, from: (f32, f32, bool), q: (f32, f32, bool), to: (f32, f32, bool)| {
        out.push((from.0 + 2.0 / 3.0 * (q.0 - from.0), from.1 + 2.0 / 3.0 * (q.1 - from.1), true));
        out.push((to.0 + 2.0 / 3.0 * (q.0 - to.0), to.1 + 2.0 / 3.0 * (q.1 - to.1), true));
        out.push((to.0, to.1, false));
    };
    // Round the contour back to where it began.
    for k in 1..=n {
        let p = pts[(begin + k) % n];
        match (p.2, control) {
            (true, None) => {
                out.push((p.0, p.1, false));
                current = p;
            }
            (true, Some(q)) => {
                step(&mut out, current, q, p);
                current = p;
                control = None;
            }
            (false, None) => control = Some(p),
            (false, Some(q)) => {
                let m = ((q.0 + p.0) / 2.0, (q.1 + p.1) / 2.0, true);
                step(&mut out, current, q, m);
                current = m;
                control = Some(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_font_gives_outlines() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/ipaexg.ttf")).unwrap();
        let font = super::super::font::font().unwrap();
        for c in ['D', '下', '（'] {
            let gid = font.lookup_glyph_index(c as u32).unwrap();
            let contours = glyph(&bytes, gid);
            assert!(!contours.is_empty(), "{c} has contours");
            // Every point within the em square (with room for descenders and accents).
            assert!(
                contours.iter().flatten().all(|p| (-600.0..=2600.0).contains(&p.0) && (-800.0..=2600.0).contains(&p.1)),
                "{c}"
            );
            // Curves come as two control points and an end point.
            for contour in &contours {
                let controls: Vec<bool> = contour.iter().map(|p| p.2).collect();
                assert!(!controls[0], "{c}: a contour starts on the curve");
                let mut run = 0;
                for is_control in controls {
                    if is_control {
                        run += 1
                    } else {
                        assert!(run == 0 || run == 2, "{c}");
                        run = 0
                    }
                }
            }
        }
        let space = font.lookup_glyph_index(' ' as u32).unwrap();
        assert!(glyph(&bytes, space).is_empty());
    }
}
