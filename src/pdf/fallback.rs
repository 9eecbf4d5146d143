//! Fonts of the system for the characters IPAexGothic lacks (Korean, simplified Chinese,
//! Arabic, Hebrew, emoji...). The font folders are listed once per process (a bounded walk
//! that follows no link out of them); a file's `cmap` is read only when a character still
//! needs a font, best-known fonts first (Yu Gothic, Malgun Gothic, Microsoft YaHei on
//! Windows; Hiragino, Apple SD Gothic Neo, PingFang on macOS; Noto on Linux), and a font is
//! parsed whole only once it is chosen. `CSR_ASSESS_FONT_DIRS` (a path list, may be empty)
//! replaces the system's folders: tests use it to stand for a machine without such fonts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use printpdf::ParsedFont;

use super::sfnt::{self, Face};

/// Bounds of the walk: deeper folders or more entries than this are not looked at.
const MAX_DEPTH: usize = 6;
const MAX_ENTRIES: usize = 20_000;
/// Larger files are no fonts we would embed (Noto Serif CJK, the largest, is 26 MB).
const MAX_FILE_SIZE: u64 = 64 << 20;

/// File names tried before all others, best first. Regular sans faces of the wide-coverage
/// families each system ships; anything else found in the folders comes after them.
const PREFERRED: &[&str] = &[
    // Windows
    "YuGothR.ttc", "YuGothM.ttc", "meiryo.ttc", "msgothic.ttc", "malgun.ttf", "msyh.ttc", "msjh.ttc",
    "simsun.ttc", "segoeui.ttf", "arial.ttf", "seguisym.ttf", "seguiemj.ttf",
    // macOS
    "ヒラギノ角ゴシック W3.ttc", "AppleSDGothicNeo.ttc", "PingFang.ttc", "Hiragino Sans GB.ttc",
    "ArialHB.ttc", "GeezaPro.ttc", "Arial Unicode.ttf", "Apple Symbols.ttf",
    // Linux (Debian/Ubuntu packages fonts-noto-cjk, fonts-noto-core, fonts-symbola, ...)
    "NotoSansCJK-Regular.ttc", "NotoSansCJKjp-Regular.otf", "NotoSansCJKkr-Regular.otf",
    "NotoSansCJKsc-Regular.otf", "NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf",
    "NotoSansHebrew-Regular.ttf", "DejaVuSans.ttf", "wqy-zenhei.ttc", "wqy-microhei.ttc",
    "NanumGothic.ttf", "Symbola_hint.ttf", "Symbola.ttf",
];

/// Where a system keeps its fonts.
fn system_font_dirs() -> Vec<PathBuf> {
    if let Some(list) = std::env::var_os("CSR_ASSESS_FONT_DIRS") {
        return std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()).collect();
    }
    let home = std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" }).map(PathBuf::from);
    let mut dirs = Vec::new();
    if cfg!(windows) {
        let windir = std::env::var_os("WINDIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(r"C:\Windows"));
        dirs.push(windir.join("Fonts"));
        dirs.extend(std::env::var_os("LOCALAPPDATA").map(|d| PathBuf::from(d).join(r"Microsoft\Windows\Fonts")));
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts"].map(PathBuf::from));
        dirs.extend(home.map(|h| h.join("Library/Fonts")));
    } else {
        // As fontconfig's default configuration: the XDG data folders' fonts, then ~/.fonts.
        let data_home = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".local/share")));
        dirs.extend(data_home.map(|d| d.join("fonts")));
        let data_dirs = std::env::var_os("XDG_DATA_DIRS").unwrap_or_else(|| "/usr/local/share:/usr/share".into());
        dirs.extend(std::env::split_paths(&data_dirs).filter(|p| p.is_absolute()).map(|d| d.join("fonts")));
        dirs.extend(home.map(|h| h.join(".fonts")));
    }
    let mut seen = Vec::new();
    dirs.retain(|d| !seen.contains(d) && {
        seen.push(d.clone());
        true
    });
    dirs
}

fn is_font_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The font files under `roots`, best candidates first. Links are followed only to regular
/// files inside one of the roots; linked folders are not entered (no loops, no escape).
fn list_font_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let canonical_roots: Vec<PathBuf> = roots.iter().filter_map(|r| std::fs::canonicalize(r).ok()).collect();
    let mut found = Vec::new();
    let mut entries = 0;
    let mut stack: Vec<(PathBuf, usize)> = roots.iter().map(|r| (r.clone(), 0)).collect();
    while let Some((dir, depth)) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else { continue };
        for entry in read.flatten() {
            entries += 1;
            if entries > MAX_ENTRIES {
                break;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if depth < MAX_DEPTH {
                    stack.push((path, depth + 1));
                }
            } else if is_font_file(&path) {
                let target = if kind.is_symlink() {
                    match std::fs::canonicalize(&path) {
                        Ok(t) if canonical_roots.iter().any(|r| t.starts_with(r)) => t,
                        _ => continue,
                    }
                } else {
                    path
                };
                if std::fs::metadata(&target).is_ok_and(|m| m.is_file() && m.len() <= MAX_FILE_SIZE) {
                    found.push(target);
                }
            }
        }
    }
    found.sort_by_cached_key(|p| (rank(p), p.clone()));
    found.dedup();
    found
}

/// Preferred names by their place in [`PREFERRED`]; other regular faces before bold, light
/// or italic ones (the PDF has one weight and draws bold itself).
fn rank(path: &Path) -> usize {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if let Some(i) = PREFERRED.iter().position(|p| p.eq_ignore_ascii_case(name)) {
        return i;
    }
    let lower = name.to_ascii_lowercase();
    let styled = ["bold", "black", "heavy", "light", "thin", "italic", "oblique", "condensed", "mono", "serif"]
        .iter()
        .any(|s| lower.contains(s));
    PREFERRED.len() + usize::from(styled)
}

/// A system font chosen for some characters, parsed once and kept for the process.
pub struct FallbackFont {
    pub font: ParsedFont,
}

struct Candidate {
    path: PathBuf,
    face: Option<Face>,
    loaded: Option<&'static FallbackFont>,
}

#[derive(Default)]
struct Discovery {
    /// Listed font files, in order of preference; `face` read on demand.
    candidates: Vec<Candidate>,
    /// How many candidates have had their coverage read.
    scanned: usize,
    /// Every character asked about, with the font that prints it.
    chosen: HashMap<char, Option<&'static FallbackFont>>,
}

impl Discovery {
    fn new() -> Discovery {
        let candidates = list_font_files(&system_font_dirs())
            .into_iter()
            .map(|path| Candidate { path, face: None, loaded: None })
            .collect();
        Discovery { candidates, ..Discovery::default() }
    }

    fn covers(candidate: &Candidate, c: char) -> bool {
        candidate.face.as_ref().is_some_and(|f| f.has_outlines && f.coverage.contains(c))
    }

    /// The first candidate that covers `c` and parses, reading coverages only as far as needed.
    fn find(&mut self, c: char) -> Option<&'static FallbackFont> {
        let mut i = 0;
        while i < self.candidates.len() {
            if i == self.scanned {
                let path = self.candidates[i].path.clone();
                self.candidates[i].face = sfnt::read_face(&path);
                self.scanned += 1;
            }
            if Self::covers(&self.candidates[i], c) {
                if let Some(font) = self.load(i) {
                    if font.font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0) {
                        return Some(font);
                    }
                }
            }
            i += 1;
        }
        None
    }

    fn load(&mut self, i: usize) -> Option<&'static FallbackFont> {
        let candidate = &mut self.candidates[i];
        if candidate.loaded.is_none() {
            let bytes = std::fs::read(&candidate.path).ok()?;
            let Some(font) = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()) else {
                candidate.face = None; // unusable: never tried again
                return None;
            };
            // Kept for the life of the process, as the main font is: a handful at most.
            candidate.loaded = Some(Box::leak(Box::new(FallbackFont { font })));
        }
        candidate.loaded
    }
}

fn discovery() -> &'static Mutex<Discovery> {
    static DISCOVERY: OnceLock<Mutex<Discovery>> = OnceLock::new();
    DISCOVERY.get_or_init(|| Mutex::new(Discovery::new()))
}

/// A system font that prints `c`, if the system has one.
pub fn font_for(c: char) -> Option<&'static FallbackFont> {
    let mut d = discovery().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = d.chosen.get(&c) {
        return *found;
    }
    let found = d.find(c);
    d.chosen.insert(c, found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_keeps_to_its_folders_and_puts_known_fonts_first() {
        let base = std::env::temp_dir().join(format!("csr-fallback-{}", std::process::id()));
        let root = base.join("fonts");
        let outside = base.join("elsewhere");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        for f in ["sub/zzz.ttf", "NotoSansCJK-Regular.ttc", "Some-Bold.otf", "Some.otf", "notes.txt"] {
            std::fs::write(root.join(f), b"x").unwrap();
        }
        std::fs::write(outside.join("secret.ttf"), b"x").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.join("secret.ttf"), root.join("link.ttf")).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("linked-dir")).unwrap();
            std::os::unix::fs::symlink(&root, root.join("sub/loop")).unwrap();
            std::os::unix::fs::symlink(root.join("Some.otf"), root.join("inside-link.ttf")).unwrap();
        }
        // Files found directly keep the root as given; linked ones are canonical (on Windows
        // that is a `\\?\` path), and Windows separates with `\`.
        let canonical_root = std::fs::canonicalize(&root).unwrap();
        let names: Vec<String> = list_font_files(std::slice::from_ref(&root))
            .iter()
            .map(|p| {
                let relative = p.strip_prefix(&root).or_else(|_| p.strip_prefix(&canonical_root)).unwrap();
                relative.display().to_string().replace('\\', "/")
            })
            .collect();
        assert_eq!(names, ["NotoSansCJK-Regular.ttc", "Some.otf", "sub/zzz.ttf", "Some-Bold.otf"]);
        std::fs::remove_dir_all(&base).unwrap();
    }
}
