//! Serves the bundled IPAexGothic to the web view as `appfont://localhost/ipaexg.ttf`
//! (`http://appfont.localhost/…` on Windows), the last font of the UI's font stack, so a
//! computer without a Japanese system font still shows Japanese instead of empty boxes.
//! The font is installed beside the app (6 MB, not in the binary); the web view asks for it
//! only when a character is in no system font, and then it is read once.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::OnceLock;

use tauri::http::{header, Response, StatusCode};

pub const SCHEME: &str = "appfont";
const FILE: &str = "ipaexg.ttf";

static PATH: OnceLock<PathBuf> = OnceLock::new();

/// Where the installed font is (resolved at start-up from the resource folder).
pub fn set_path(path: PathBuf) {
    let _ = PATH.set(path);
}

fn font_bytes() -> Option<&'static [u8]> {
    static BYTES: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    BYTES
        .get_or_init(|| {
            // A development build runs from the repository, where the font is in fonts/.
            let dev = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fonts/ipaexg.ttf"));
            let path = PATH.get().filter(|p| p.is_file()).cloned().unwrap_or(dev);
            std::fs::read(path).ok()
        })
        .as_deref()
}

/// Answers one request: the font for its one path, 404 for anything else.
pub fn respond(path: &str) -> Response<Cow<'static, [u8]>> {
    let found = (path.trim_start_matches('/') == FILE).then(font_bytes).flatten();
    let builder = Response::builder().header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    match found {
        Some(bytes) => builder
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "font/ttf")
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(Cow::Borrowed(bytes)),
        None => builder.status(StatusCode::NOT_FOUND).body(Cow::Borrowed(&[][..])),
    }
    .expect("a response built from constant parts")
}
