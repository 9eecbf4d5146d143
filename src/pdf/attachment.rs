//! The assessment data inside the PDF, attached the way e-invoices (Factur-X/ZUGFeRD, PDF/A-3
//! "associated files") attach theirs: an embedded file listed both in the document's
//! EmbeddedFiles name tree and in the catalog's /AF array, with an /AFRelationship. Also the
//! document information (title, author, dates) and the language.

use lopdf::{dictionary, Dictionary, Document, Object, Stream, StringFormat};

use crate::error::{Error, Result};

/// The attachment's file name inside the PDF.
pub const FILE_NAME: &str = "assessment.json";

/// What the document information says.
pub struct Info<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub keywords: &'a str,
    /// "D:20261124103000Z"
    pub date: &'a str,
    /// The language's BCP 47 tag ("ja-JP").
    pub lang: &'a str,
}

/// What to do when making the PDF fails for a reason of the PDF library's.
pub const TRY_AGAIN: &str = "Try again; if it keeps happening, export the assessment (.json) and send it to support.";

fn pdf_err(e: lopdf::Error) -> Error {
    Error::Pdf(format!("The PDF could not be assembled: {e}. {TRY_AGAIN}"))
}

/// Most bytes an object stream or cross-reference stream may unpack to while a PDF received
/// from others is loaded; a PDF this app makes holds far less.
const MAX_PAGE_BYTES: usize = 16 << 20;

/// A PDF text string: PDFDocEncoding-safe ASCII as is, anything else as UTF-16BE with a BOM.
fn text(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A PDF text string as text: UTF-16BE after its byte-order mark, else PDFDocEncoding
/// (read as Latin-1, which it is for every character this app writes).
pub fn decode_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16_lossy(&utf16.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect::<Vec<_>>()),
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Adds `json` to the PDF as its associated data file, the outline (title, page index) in
/// the order given, and the document information; returns the PDF written.
pub fn embed(mut doc: Document, json: &str, info: &Info, bookmarks: &[(String, usize)]) -> Result<Vec<u8>> {
    // Associated files and UTF-16 text strings are PDF 1.7 / 2.0 features.
    doc.version = "1.7".into();
    let mut file = Stream::new(
        dictionary! {
            "Type" => "EmbeddedFile",
            "Subtype" => Object::Name(b"application/json".to_vec()),
            "Params" => dictionary! {
                "Size" => json.len() as i64,
                "ModDate" => text(info.date),
                "CreationDate" => text(info.date),
            },
        },
        json.as_bytes().to_vec(),
    );
    file.compress().map_err(pdf_err)?;
    let file_id = doc.add_object(file);
    let spec_id = doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => text(FILE_NAME),
        "UF" => text(FILE_NAME),
        "EF" => dictionary! { "F" => file_id, "UF" => file_id },
        "Desc" => text("CSR self-assessment data (format nec-csr-self-assessment); its SHA-256 is printed in this document"),
        // As in Factur-X for complete data: the file is another representation of the
        // content of the pages.
        "AFRelationship" => "Alternative",
    });
    let outlines = outline(&mut doc, bookmarks);
    let catalog = doc.catalog_mut().map_err(pdf_err)?;
    let tree = dictionary! { "Names" => vec![text(FILE_NAME), Object::Reference(spec_id)] };
    match catalog.get_mut(b"Names") {
        Ok(Object::Dictionary(names)) => names.set("EmbeddedFiles", tree),
        _ => catalog.set("Names", dictionary! { "EmbeddedFiles" => tree }),
    }
    catalog.set("AF", vec![Object::Reference(spec_id)]);
    if let Some(outlines) = outlines {
        catalog.set("Outlines", outlines);
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    catalog.set("Lang", text(info.lang));
    let info_id = doc.add_object(dictionary! {
        "Title" => text(info.title),
        "Author" => text(info.author),
        "Subject" => text(info.subject),
        "Keywords" => text(info.keywords),
        "Creator" => text(concat!("CSR Self-Assessment ", env!("CARGO_PKG_VERSION"))),
        "Producer" => text("printpdf 0.12 and lopdf 0.44"),
        "CreationDate" => text(info.date),
        "ModDate" => text(info.date),
    });
    doc.trailer.set("Info", info_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| Error::Pdf(format!("The PDF could not be written: {e}. {TRY_AGAIN}")))?;
    Ok(out)
}

/// The outline (bookmarks), flat and in the order given: printpdf would sort entries on the
/// same page by title, which lists "I CSR General Requirement" before "回答" in Japanese.
fn outline(doc: &mut Document, bookmarks: &[(String, usize)]) -> Option<Object> {
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let entries: Vec<(&str, lopdf::ObjectId)> =
        bookmarks.iter().filter_map(|(title, page)| Some((title.as_str(), *pages.get(*page)?))).collect();
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<lopdf::ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    for (i, (title, page)) in entries.iter().enumerate() {
        let mut item = dictionary! {
            "Title" => text(title),
            "Parent" => root,
            "Dest" => vec![Object::Reference(*page), "XYZ".into(), Object::Null, Object::Null, Object::Null],
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    let first = ids[0];
    let last = ids[ids.len() - 1];
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Outlines", "First" => first, "Last" => last, "Count" => ids.len() as i64,
        }),
    );
    Some(Object::Reference(root))
}

fn no_data() -> Error {
    Error::Pdf(
        "This PDF has no attached assessment data. It was not made by this app, or the attachment was removed; \
         ask the supplier for the original PDF or the exported .json file."
            .into(),
    )
}

/// Reads a PDF.
pub fn load(pdf: &[u8]) -> Result<Document> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(Error::Pdf("This file is not a PDF. Choose the PDF submission made by this app.".into()));
    }
    // The PDF may come from anyone: object and cross-reference streams, which are unpacked
    // while loading, are bounded like page contents.
    let options = lopdf::LoadOptions { max_decompressed_size: Some(MAX_PAGE_BYTES), ..Default::default() };
    Document::load_mem_with_options(pdf, options)
        .map_err(|e| Error::Pdf(format!("This PDF cannot be read ({e}). It may be damaged; ask for a new copy.")))
}

fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// Collects (name, file-spec id or object) pairs from a name tree, following /Kids.
fn name_tree<'a>(doc: &'a Document, node: &'a Dictionary, out: &mut Vec<(Vec<u8>, &'a Object)>, depth: usize) {
    if depth > 16 {
        return;
    }
    if let Ok(Object::Array(names)) = node.get(b"Names") {
        for pair in names.chunks(2) {
            if let [Object::String(name, _), spec] = pair {
                out.push((name.clone(), spec));
            }
        }
    }
    if let Ok(Object::Array(kids)) = node.get(b"Kids") {
        for kid in kids {
            if let Some(Object::Dictionary(d)) = resolve(doc, kid) {
                name_tree(doc, d, out, depth + 1);
            }
        }
    }
}

/// The attached assessment JSON.
pub fn extract(doc: &Document) -> Result<String> {
    let catalog = doc.catalog().map_err(|_| no_data())?;
    let names =
        catalog.get(b"Names").ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_dict().ok()).ok_or_else(no_data)?;
    let tree = names
        .get(b"EmbeddedFiles")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok())
        .ok_or_else(no_data)?;
    let mut entries = Vec::new();
    name_tree(doc, tree, &mut entries, 0);
    let spec = entries
        .iter()
        .find(|(name, _)| name.as_slice() == FILE_NAME.as_bytes())
        .map(|(_, spec)| *spec)
        .and_then(|s| resolve(doc, s))
        .and_then(|o| o.as_dict().ok())
        .ok_or_else(no_data)?;
    let ef = spec.get(b"EF").ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_dict().ok()).ok_or_else(no_data)?;
    let file = ef.get(b"F").ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_stream().ok()).ok_or_else(no_data)?;
    let bytes = if file.dict.get(b"Filter").is_ok() {
        file.decompressed_content_with_limit(crate::interchange::MAX_BYTES)
            .map_err(|e| Error::Pdf(format!("The attached data cannot be unpacked ({e}); the PDF may be damaged.")))?
    } else {
        file.content.clone()
    };
    String::from_utf8(bytes).map_err(|_| Error::Pdf("The attached data is not text; the PDF may be damaged.".into()))
}
