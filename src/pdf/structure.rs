//! The document around the pages, checked against what this app writes: one revision (no
//! update appended after the PDF was made), no actions or scripts anywhere (JavaScript,
//! Launch, OpenAction, additional actions, forms), and no embedded file but the one
//! `assessment.json`. Each problem found is named.

use lopdf::{Document, Object};

use super::attachment::FILE_NAME;

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Updates were appended after the PDF was made.
    Revisions,
    /// Something that acts when the file is opened or clicked: a script, an action, a form.
    ActiveContent,
    /// A file attached besides the assessment data.
    OtherFile,
    /// A page holds content this app never writes, or content that cannot be read.
    PageContent,
    /// A page prints something other than what the attached data records.
    PageText,
    /// The PDF has more or fewer pages than the attached data records.
    PageCount,
}

/// A problem, with the page it is on (1-based) where it has one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub kind: Kind,
    pub page: Option<usize>,
    /// What was found, in English.
    pub detail: String,
}

impl Finding {
    fn new(kind: Kind, detail: impl Into<String>) -> Finding {
        Finding { kind, page: None, detail: detail.into() }
    }
}

/// How many times the file was saved: one more for every update appended after the first
/// save (each ends with its own `%%EOF`).
pub fn revisions(pdf: &[u8]) -> usize {
    pdf.windows(5).filter(|w| *w == b"%%EOF").count().max(1)
}

/// Catalog entries this app writes.
const CATALOG_KEYS: [&[u8]; 8] = [b"Type", b"Pages", b"Names", b"AF", b"Outlines", b"PageMode", b"PageLayout", b"Lang"];

/// Action types: each does something when the file is opened or something is clicked.
const ACTIONS: [&[u8]; 18] = [
    b"JavaScript",
    b"Launch",
    b"ImportData",
    b"SubmitForm",
    b"ResetForm",
    b"GoToR",
    b"GoToE",
    b"GoTo",
    b"URI",
    b"Named",
    b"Rendition",
    b"RichMediaExecute",
    b"SetOCGState",
    b"Hide",
    b"Sound",
    b"Movie",
    b"Thread",
    b"GoTo3DView",
];

/// Everything wrong with the document outside its pages' content.
pub fn check(pdf: &[u8], doc: &Document) -> Vec<Finding> {
    let mut found = Vec::new();
    let n = revisions(pdf);
    if n > 1 {
        found.push(Finding::new(
            Kind::Revisions,
            format!(
                "The PDF was changed after it was made ({n} revisions: updates were appended to the file as saved)."
            ),
        ));
    }
    if doc.trailer.get(b"Encrypt").is_ok() {
        found.push(Finding::new(Kind::ActiveContent, "The PDF is encrypted; this app never encrypts its PDFs."));
    }
    if let Ok(catalog) = doc.catalog() {
        for (key, _) in catalog.iter() {
            if !CATALOG_KEYS.contains(&key.as_slice()) {
                let what = match key.as_slice() {
                    b"OpenAction" => "an action run when the file is opened (OpenAction)".to_string(),
                    b"AA" => "actions run on opening, closing or printing (AA)".to_string(),
                    b"AcroForm" => "a form (AcroForm)".to_string(),
                    other => format!("/{}", String::from_utf8_lossy(other)),
                };
                found.push(Finding::new(
                    Kind::ActiveContent,
                    format!("The document carries {what}, which this app never writes."),
                ));
            }
        }
        if let Some(Object::Dictionary(names)) =
            catalog.get(b"Names").ok().and_then(|o| doc.dereference(o).ok()).map(|(_, o)| o)
        {
            for (key, _) in names.iter() {
                if key != b"EmbeddedFiles" {
                    found.push(Finding::new(
                        Kind::ActiveContent,
                        format!(
                            "The document names {} (/{}), which this app never writes.",
                            if key == b"JavaScript" { "scripts" } else { "other content" },
                            String::from_utf8_lossy(key)
                        ),
                    ));
                }
            }
        }
    }
    let (mut files, mut specs) = (0, Vec::new());
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        let name = |key: &[u8]| dict.get(key).ok().and_then(|o| o.as_name().ok());
        for key in [b"JS".as_slice(), b"JavaScript"] {
            if dict.has(key) {
                found.push(Finding::new(Kind::ActiveContent, "The PDF holds JavaScript, which this app never writes."));
            }
        }
        if let Some(action) = name(b"S").filter(|s| ACTIONS.contains(s)) {
            found.push(Finding::new(
                Kind::ActiveContent,
                format!("The PDF holds an action ({}), which this app never writes.", String::from_utf8_lossy(action)),
            ));
        }
        for (key, what) in
            [(b"AA".as_slice(), "additional actions (AA)"), (b"OpenAction", "an action run when the file is opened")]
        {
            if dict.has(key) && !doc.catalog().is_ok_and(|c| std::ptr::eq(c, dict)) {
                found.push(Finding::new(
                    Kind::ActiveContent,
                    format!("The PDF holds {what}, which this app never writes."),
                ));
            }
        }
        match name(b"Type") {
            Some(b"EmbeddedFile") => files += 1,
            Some(b"Filespec") => specs.push(dict),
            Some(b"Annot") => found.push(Finding::new(
                Kind::ActiveContent,
                "The PDF holds an annotation (a link, note, form field or attachment), which this app never writes.",
            )),
            Some(b"XObject") => found.push(Finding::new(
                Kind::PageContent,
                "The PDF holds an image or a form drawn onto a page, which this app never writes.",
            )),
            _ => {}
        }
    }
    let other_names: Vec<String> = specs
        .iter()
        .filter_map(|spec| {
            let name =
                spec.get(b"UF").or_else(|_| spec.get(b"F")).ok().and_then(|o| o.as_str().ok()).unwrap_or_default();
            let name = super::attachment::decode_text(name);
            (name != FILE_NAME).then_some(name)
        })
        .collect();
    if files > 1 || specs.len() > 1 || !other_names.is_empty() {
        found.push(Finding::new(
            Kind::OtherFile,
            format!(
                "The PDF carries {} embedded files{}; this app attaches only {FILE_NAME}.",
                files.max(specs.len()),
                if other_names.is_empty() { String::new() } else { format!(" ({})", other_names.join(", ")) }
            ),
        ));
    }
    found.dedup();
    found
}
