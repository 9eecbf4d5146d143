//! Which characters a font file covers, read from its `cmap` table alone: the table
//! directory and the `cmap` bytes are read with two seeks, never the whole file (system CJK
//! fonts are 20-30 MB), so that looking through a system's fonts for a fallback stays cheap.
//! Every offset is checked against what was read: a damaged or hostile file gives `None`.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// A `cmap` larger than this is not a font we want (CJK fonts' are about 1 MB).
const MAX_CMAP: u32 = 8 << 20;
/// More tables than any real font has.
const MAX_TABLES: u16 = 512;

/// The characters a font face maps to glyphs, as sorted, non-overlapping ranges.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    ranges: Vec<(u32, u32)>,
}

impl Coverage {
    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        // The first range whose end is not below `c`.
        let i = self.ranges.partition_point(|&(_, end)| end < c);
        self.ranges.get(i).is_some_and(|&(start, _)| start <= c)
    }

    fn from_unsorted(mut ranges: Vec<(u32, u32)>) -> Coverage {
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1.saturating_add(1) => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Coverage { ranges: merged }
    }
}

/// What a face offers for printing: its coverage, and whether its glyphs are outlines a
/// PDF can embed (TrueType `glyf` or `CFF `; colour-bitmap emoji fonts are not).
#[derive(Debug, Clone)]
pub struct Face {
    pub coverage: Coverage,
    pub has_outlines: bool,
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn read_at(file: &mut File, offset: u64, len: usize) -> Option<Vec<u8>> {
    file.seek(SeekFrom::Start(offset)).ok()?;
    let mut buf = vec![0; len];
    file.read_exact(&mut buf).ok()?;
    Some(buf)
}

/// Reads the first face of a `.ttf`, `.otf`, `.ttc` or `.otc` file.
pub fn read_face(path: &Path) -> Option<Face> {
    let mut file = File::open(path).ok()?;
    let head = read_at(&mut file, 0, 12)?;
    // A collection starts with its own header; its first face's table directory is elsewhere.
    let dir_offset = if &head[..4] == b"ttcf" { u64::from(be32(&read_at(&mut file, 12, 4)?, 0)?) } else { 0 };
    let dir = if dir_offset == 0 { head } else { read_at(&mut file, dir_offset, 12)? };
    let version = be32(&dir, 0)?;
    if !matches!(version, 0x0001_0000 | 0x4F54_544F | 0x7472_7565) {
        return None; // not TrueType ("\0\1\0\0", "true") or OpenType ("OTTO")
    }
    let tables = be16(&dir, 4)?;
    if tables == 0 || tables > MAX_TABLES {
        return None;
    }
    let records = read_at(&mut file, dir_offset + 12, usize::from(tables) * 16)?;
    let mut cmap = None;
    let mut has_outlines = false;
    let mut has_bitmaps = false;
    for r in records.chunks_exact(16) {
        match &r[..4] {
            b"cmap" => cmap = Some((be32(r, 8)?, be32(r, 12)?)),
            b"glyf" | b"CFF " => has_outlines = true,
            b"CBDT" | b"sbix" => has_bitmaps = true,
            _ => {}
        }
    }
    let (offset, len) = cmap?;
    if len > MAX_CMAP {
        return None;
    }
    let bytes = read_at(&mut file, u64::from(offset), len as usize)?;
    Some(Face { coverage: parse_cmap(&bytes)?, has_outlines: has_outlines && !has_bitmaps })
}

/// The coverage of the best Unicode subtable: full-repertoire format 12 if there is one,
/// else the BMP's format 4.
pub fn parse_cmap(b: &[u8]) -> Option<Coverage> {
    let count = usize::from(be16(b, 2)?);
    let mut best: Option<(u8, usize)> = None;
    for i in 0..count {
        let rec = 4 + i * 8;
        let (platform, encoding, offset) = (be16(b, rec)?, be16(b, rec + 2)?, be32(b, rec + 4)? as usize);
        let format = be16(b, offset)?;
        let rank = match (platform, encoding, format) {
            (3, 10, 12) | (0, 4, 12) | (0, 6, 12) => 3,
            (3, 1, 4) => 2,
            (0, _, 4) => 1,
            _ => continue,
        };
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, offset));
        }
    }
    let (_, offset) = best?;
    let table = b.get(offset..)?;
    match be16(table, 0)? {
        12 => format12(table),
        _ => format4(table),
    }
}

fn format12(t: &[u8]) -> Option<Coverage> {
    let groups = be32(t, 12)? as usize;
    if groups > t.len() / 12 {
        return None;
    }
    let mut ranges = Vec::with_capacity(groups);
    for g in 0..groups {
        let at = 16 + g * 12;
        let (start, end) = (be32(t, at)?, be32(t, at + 4)?);
        if start <= end && end <= 0x10FFFF {
            ranges.push((start, end));
        }
    }
    Some(Coverage::from_unsorted(ranges))
}

fn format4(t: &[u8]) -> Option<Coverage> {
    let segs = usize::from(be16(t, 6)? / 2);
    let (ends, starts, deltas, range_offsets) = (14, 16 + segs * 2, 16 + segs * 4, 16 + segs * 6);
    let mut ranges = Vec::new();
    for s in 0..segs {
        let (end, start) = (u32::from(be16(t, ends + s * 2)?), u32::from(be16(t, starts + s * 2)?));
        let delta = be16(t, deltas + s * 2)?;
        let range_offset = usize::from(be16(t, range_offsets + s * 2)?);
        if start > end || start == 0xFFFF {
            continue;
        }
        if range_offset == 0 {
            ranges.push((start, end));
            continue;
        }
        // Glyphs come from the glyph id array: a character maps only if its entry is not 0.
        for c in start..=end {
            let at = range_offsets + s * 2 + range_offset + (c - start) as usize * 2;
            if be16(t, at).is_some_and(|g| g != 0 && g.wrapping_add(delta) != 0) {
                ranges.push((c, c));
            }
        }
    }
    Some(Coverage::from_unsorted(ranges))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_covers_japanese_and_latin_but_not_hangul() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/ipaexg.ttf");
        let face = read_face(Path::new(path)).expect("ipaexg.ttf has a cmap");
        assert!(face.has_outlines);
        for c in ['A', 'é', 'あ', '漢', '・', '〓'] {
            assert!(face.coverage.contains(c), "{c}");
        }
        for c in ['김', '😀', 'ש', '\u{10FFFF}'] {
            assert!(!face.coverage.contains(c), "{c}");
        }
    }

    #[test]
    fn damaged_files_give_nothing() {
        let dir = std::env::temp_dir().join(format!("csr-sfnt-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("broken.ttf");
        for bytes in [&b""[..], b"ttcf", b"\0\x01\0\0\xff\xff", b"\0\x01\0\0\0\x01\0\0\0\0\0\0cmap\0\0\0\0\xff\xff\xff\xf0\0\0\0\x10"] {
            std::fs::write(&path, bytes).unwrap();
            assert!(read_face(&path).is_none(), "{bytes:?}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ranges_merge_and_lookups_find_their_range() {
        let c = Coverage::from_unsorted(vec![(0x41, 0x5A), (0x30, 0x39), (0x5B, 0x60), (0x3042, 0x3042)]);
        assert_eq!(c.ranges, [(0x30, 0x39), (0x41, 0x60), (0x3042, 0x3042)]);
        assert!(c.contains('A') && c.contains('`') && c.contains('あ') && c.contains('0'));
        assert!(!c.contains('a') && !c.contains('/') && !c.contains('ぃ'));
    }
}
