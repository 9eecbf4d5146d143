//! A submission whose pages and data cannot drift apart unnoticed: each way of changing a
//! received PDF that NEC's reviewers or systems would be misled by is made here, as someone
//! with ordinary tools would make it (a printed digit changed, text moved, a page replaced by
//! an update appended to the file, bytes damaged, a script run on opening, a program
//! launched, a file added), and `verify` refuses each, naming the page where there is one;
//! the command line exits 4 and `collect` lists the file as failed. A PDF as made verifies,
//! and passes qpdf's check. Set CSR_PDF_OUT=DIR to keep the files.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use csr_core::pdf::{self, FindingKind, Verdict, Verification};
use csr_core::{interchange, Catalog};
use lopdf::{dictionary, Document, Object, ObjectId, Stream, StringFormat};

fn out(dir: &Path, name: &str) -> PathBuf {
    let dir = std::env::var_os("CSR_PDF_OUT").map(PathBuf::from).unwrap_or_else(|| dir.to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{name}.pdf"))
}

/// A fully answered assessment's submission in English (cover, summary on page 2, answers…).
fn submission() -> pdf::Submission {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let mut record = store.record(id).unwrap();
    record.assessment.status = csr_core::model::Status::Submitted;
    record.assessment.submitted_at = Some("2026-11-27T05:30:00Z".into());
    pdf::render(&record, Catalog::get(), csr_core::lang::Lang::parse("en").unwrap()).unwrap()
}

fn page_id(doc: &Document, page: u32) -> ObjectId {
    doc.get_pages()[&page]
}

/// The one content stream of a page.
fn content_id(doc: &Document, page: u32) -> ObjectId {
    let ids = doc.get_page_contents(page_id(doc, page));
    assert_eq!(ids.len(), 1);
    ids[0]
}

/// Each character's glyph code in each font of a page, read from the fonts' ToUnicode.
fn codes(doc: &Document, page: u32) -> Vec<HashMap<char, String>> {
    let page = doc.get_dictionary(page_id(doc, page)).unwrap();
    let resources = doc.get_dictionary(page.get(b"Resources").unwrap().as_reference().unwrap()).unwrap();
    let fonts = match resources.get(b"Font").unwrap() {
        Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        Object::Dictionary(d) => d,
        _ => panic!("fonts"),
    };
    fonts
        .iter()
        .map(|(_, f)| {
            let font = doc.get_dictionary(f.as_reference().unwrap()).unwrap();
            let map =
                doc.get_object(font.get(b"ToUnicode").unwrap().as_reference().unwrap()).unwrap().as_stream().unwrap();
            let text = String::from_utf8(map.decompressed_content().unwrap_or_else(|_| map.content.clone())).unwrap();
            let mut out = HashMap::new();
            for line in text.lines() {
                let parts: Vec<&str> = line.split(['<', '>']).filter(|s| !s.trim().is_empty()).collect();
                if let [code, target] = parts[..] {
                    if code.len() == 4 && target.len() == 4 {
                        if let Some(c) = char::from_u32(u32::from_str_radix(target, 16).unwrap()) {
                            // As printpdf writes them.
                            out.insert(c, code.to_uppercase());
                        }
                    }
                }
            }
            out
        })
        .collect()
}

/// `text` as a content stream writes it with a font: each glyph's code in angle brackets.
fn encoded(text: &str, codes: &HashMap<char, String>) -> Option<String> {
    text.chars().map(|c| codes.get(&c).map(|code| format!("<{code}>"))).collect()
}

/// The page's content, unpacked.
fn content(doc: &Document, page: u32) -> String {
    let stream = doc.get_object(content_id(doc, page)).unwrap().as_stream().unwrap();
    String::from_utf8(stream.decompressed_content().unwrap()).unwrap()
}

fn set_content(doc: &mut Document, page: u32, text: String) {
    let id = content_id(doc, page);
    let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    stream.dict.remove(b"Filter");
    stream.set_content(text.into_bytes());
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// The content of `page` with the printed `from` replaced by `to` (same font).
fn reprinted(doc: &Document, page: u32, from: &str, to: &str) -> String {
    let text = content(doc, page);
    for font in codes(doc, page) {
        if let (Some(a), Some(b)) = (encoded(from, &font), encoded(to, &font)) {
            if text.contains(&a) {
                return text.replacen(&a, &b, 1);
            }
        }
    }
    panic!("page {page} prints {from:?} in one font with {to:?} available");
}

/// The overall score as the summary prints it ("52%").
fn overall(sub: &pdf::Submission) -> String {
    let record = interchange::import(sub.json.as_bytes(), Catalog::get()).unwrap();
    format!("{}%", csr_core::scoring::score(&record, Catalog::get()).overall.score.unwrap())
}

/// Another number of the same number of digits.
fn other(score: &str) -> String {
    let digits: String = score.trim_end_matches('%').chars().map(|c| if c == '9' { '8' } else { '9' }).collect();
    format!("{digits}%")
}

fn refused(pdf_bytes: &[u8], what: &str) -> Verification {
    let v = pdf::verify(pdf_bytes).unwrap();
    assert!(!v.matches, "{what}: verify must refuse it: {v:#?}");
    assert_eq!(v.verdict, Verdict::Changed, "{what}: {v:#?}");
    v
}

fn has(v: &Verification, kind: FindingKind, page: Option<usize>, words: &str) -> bool {
    v.findings.iter().any(|f| f.kind == kind && f.page == page && f.detail.contains(words))
}

#[test]
fn a_pdf_as_made_verifies_and_passes_qpdfs_check() {
    let sub = submission();
    let v = pdf::verify(&sub.pdf).unwrap();
    assert!(v.matches && v.verdict == Verdict::Valid && v.findings.is_empty() && v.pages_recorded, "{v:#?}");
    assert_eq!(v.revisions, 1);
    let data: serde_json::Value = serde_json::from_str(&sub.json).unwrap();
    assert_eq!(data["format_version"], 4);
    assert_eq!(data["pages"]["digests"].as_array().unwrap().len(), v.pages, "one record per page");
    if have_tool("qpdf", "qpdf", "a_pdf_as_made_verifies_and_passes_qpdfs_check") {
        let dir = tempfile::tempdir().unwrap();
        let path = out(dir.path(), "as-made");
        std::fs::write(&path, &sub.pdf).unwrap();
        let check = Command::new("qpdf").arg("--check").arg(&path).output().unwrap();
        assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    }
}

#[test]
fn a_changed_printed_digit_is_found_on_its_page_and_line() {
    let sub = submission();
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    let (score, changed) = (overall(&sub), other(&overall(&sub)));
    let text = reprinted(&doc, 2, &score, &changed);
    set_content(&mut doc, 2, text);
    let tampered = save(&mut doc);
    let v = refused(&tampered, "a changed digit");
    assert!(has(&v, FindingKind::PageText, Some(2), &format!("near 'Overall score {changed}")), "{v:#?}");
    assert_eq!(v.findings.len(), 1, "only page 2 differs: {v:#?}");
    // The command line says so and exits 4.
    let dir = tempfile::tempdir().unwrap();
    let path = out(dir.path(), "changed-digit");
    std::fs::write(&path, &tampered).unwrap();
    let cli = Command::new(env!("CARGO_BIN_EXE_csr-assess")).arg("verify").arg(&path).output().unwrap();
    let said = String::from_utf8_lossy(&cli.stdout);
    assert_eq!(cli.status.code(), Some(4), "{said}");
    assert!(said.starts_with("CHANGED:") && said.contains("Page 2: the text differs"), "{said}");
}

#[test]
fn moved_text_is_found() {
    let sub = submission();
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    let text = content(&doc, 2);
    let codes = codes(&doc, 2);
    let score = codes.iter().find_map(|f| encoded(&overall(&sub), f).filter(|e| text.contains(e.as_str()))).unwrap();
    // The score's own position, 40 points to the right.
    let at = text.find(&score).unwrap();
    let td = text[..at].rfind(" Td").unwrap();
    let line_start = text[..td].rfind('\n').unwrap() + 1;
    let (x, y) = text[line_start..td].split_once(' ').unwrap();
    let moved = format!("{}{} {y}{}", &text[..line_start], x.parse::<f32>().unwrap() + 40.0, &text[td..]);
    set_content(&mut doc, 2, moved);
    let v = refused(&save(&mut doc), "moved text");
    assert!(has(&v, FindingKind::PageText, Some(2), "Overall score"), "{v:#?}");
}

#[test]
fn an_update_appended_to_replace_a_page_is_found() {
    let sub = submission();
    let doc = Document::load_mem(&sub.pdf).unwrap();
    // What an editor's incremental save writes: the new objects, a cross-reference section
    // for them, and a trailer pointing back to the one before.
    let page = page_id(&doc, 3);
    let dict = doc.get_dictionary(page).unwrap();
    let reference = |key: &[u8]| dict.get(key).unwrap().as_reference().unwrap();
    let text = content(&doc, 3);
    let first_line = text.lines().find(|l| l.starts_with('[')).unwrap().to_string();
    let replaced = text.replacen(&first_line, "[<0003><0003><0003>] TJ", 1);
    let next_id = doc.max_id + 1;
    let mut bytes = sub.pdf.clone();
    let startxref: usize = {
        let tail = String::from_utf8_lossy(&sub.pdf[sub.pdf.len() - 40..]).to_string();
        tail.split("startxref").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap()
    };
    let stream_at = bytes.len() + 1;
    bytes.extend(
        format!("\n{next_id} 0 obj\n<< /Length {} >>\nstream\n{replaced}\nendstream\nendobj\n", replaced.len() + 1)
            .as_bytes(),
    );
    let page_at = bytes.len();
    bytes.extend(
        format!(
            "{} 0 obj\n<< /Type /Page /Parent {} 0 R /MediaBox [0 0 595.2756 841.8898] /Resources {} 0 R /Contents {next_id} 0 R >>\nendobj\n",
            page.0,
            reference(b"Parent").0,
            reference(b"Resources").0
        )
        .as_bytes(),
    );
    let xref_at = bytes.len();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap().0;
    bytes.extend(
        format!(
            "xref\n0 1\n0000000000 65535 f \n{} 1\n{page_at:010} 00000 n \n{next_id} 1\n{stream_at:010} 00000 n \ntrailer\n<< /Size {} /Root {root} 0 R /Prev {startxref} >>\nstartxref\n{xref_at}\n%%EOF\n",
            page.0,
            next_id + 1
        )
        .as_bytes(),
    );
    // The file reads as the updated one.
    let updated = Document::load_mem(&bytes).unwrap();
    assert!(content(&updated, 3).contains("<0003><0003><0003>"));
    let v = refused(&bytes, "an appended update");
    assert_eq!(v.revisions, 2);
    assert!(has(&v, FindingKind::Revisions, None, "changed after it was made (2 revisions"), "{v:#?}");
    assert!(v.findings.iter().any(|f| f.kind == FindingKind::PageText && f.page == Some(3)), "{v:#?}");
}

#[test]
fn damaged_bytes_in_a_pages_content_are_found_on_that_page() {
    let sub = submission();
    let doc = Document::load_mem(&sub.pdf).unwrap();
    let stream = doc.get_object(content_id(&doc, 3)).unwrap().as_stream().unwrap();
    let packed = &stream.content;
    let at = sub.pdf.windows(48).position(|w| w == &packed[..48]).unwrap();
    let mut damaged = sub.pdf.clone();
    // Late in the stream: the header and footer, drawn first, still read; the rest does not.
    let from = packed.len() * 3 / 4;
    for k in [from, from + 1, from + 2] {
        damaged[at + k] ^= 0x5A;
    }
    let v = refused(&damaged, "three damaged bytes");
    assert!(
        v.findings
            .iter()
            .any(|f| f.page == Some(3) && matches!(f.kind, FindingKind::PageContent | FindingKind::PageText)),
        "{v:#?}"
    );
    if have_tool("qpdf", "qpdf", "damaged_bytes_in_a_pages_content_are_found_on_that_page") {
        let dir = tempfile::tempdir().unwrap();
        let path = out(dir.path(), "damaged");
        std::fs::write(&path, &damaged).unwrap();
        let check = Command::new("qpdf").arg("--check").arg(&path).output().unwrap();
        assert!(!check.status.success(), "qpdf finds the damage too");
    }
}

#[test]
fn a_script_run_on_opening_is_refused() {
    let sub = submission();
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    let js = doc.add_object(dictionary! {
        "S" => "JavaScript",
        "JS" => Object::String(b"app.alert('Your submission is valid')".to_vec(), StringFormat::Literal),
    });
    doc.catalog_mut().unwrap().set("OpenAction", js);
    let v = refused(&save(&mut doc), "a JavaScript OpenAction");
    assert!(has(&v, FindingKind::ActiveContent, None, "OpenAction"), "{v:#?}");
    assert!(has(&v, FindingKind::ActiveContent, None, "JavaScript"), "{v:#?}");
}

#[test]
fn a_launch_action_is_refused() {
    let sub = submission();
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    // Clicking the first bookmark would start a program.
    let outlines = doc.catalog().unwrap().get(b"Outlines").unwrap().as_reference().unwrap();
    let first = doc.get_dictionary(outlines).unwrap().get(b"First").unwrap().as_reference().unwrap();
    let launch = doc.add_object(dictionary! {
        "S" => "Launch",
        "F" => Object::String(b"C:\\Windows\\System32\\cmd.exe".to_vec(), StringFormat::Literal),
    });
    let item = doc.get_dictionary_mut(first).unwrap();
    item.remove(b"Dest");
    item.set("A", launch);
    let v = refused(&save(&mut doc), "a Launch action");
    assert!(has(&v, FindingKind::ActiveContent, None, "Launch"), "{v:#?}");
}

#[test]
fn another_embedded_file_is_refused() {
    let sub = submission();
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    let file = doc.add_object(Stream::new(dictionary! { "Type" => "EmbeddedFile" }, b"MZ not a program".to_vec()));
    let spec = doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => Object::String(b"invoice.exe".to_vec(), StringFormat::Literal),
        "UF" => Object::String(b"invoice.exe".to_vec(), StringFormat::Literal),
        "EF" => dictionary! { "F" => file },
    });
    let catalog = doc.catalog_mut().unwrap();
    let Ok(Object::Dictionary(names)) = catalog.get_mut(b"Names") else { panic!("names") };
    let Ok(Object::Dictionary(tree)) = names.get_mut(b"EmbeddedFiles") else { panic!("embedded files") };
    let Ok(Object::Array(entries)) = tree.get_mut(b"Names") else { panic!("entries") };
    entries.extend([Object::String(b"invoice.exe".to_vec(), StringFormat::Literal), Object::Reference(spec)]);
    let v = refused(&save(&mut doc), "an extra embedded file");
    assert!(has(&v, FindingKind::OtherFile, None, "invoice.exe"), "{v:#?}");
}

#[test]
fn a_page_added_or_drawing_over_the_page_is_found() {
    let sub = submission();
    // A white box drawn over a line of the summary hides it without changing any text.
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    let hidden = format!("{}\n1 g\n52 600 400 14 re\nf\n", content(&doc, 2));
    set_content(&mut doc, 2, hidden);
    let v = refused(&save(&mut doc), "a box drawn over text");
    assert!(has(&v, FindingKind::PageText, Some(2), "draws"), "{v:#?}");
    // An image drawn onto the page is content this app never writes.
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    let drawn = format!("{}\nq 100 0 0 100 0 0 cm /Im1 Do Q\n", content(&doc, 2));
    set_content(&mut doc, 2, drawn);
    let v = refused(&save(&mut doc), "an image");
    assert!(has(&v, FindingKind::PageContent, Some(2), "draws an image"), "{v:#?}");
}

#[test]
fn the_collect_run_lists_tampered_files_as_failed_with_the_page() {
    let sub = submission();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("received");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("as-made.pdf"), &sub.pdf).unwrap();
    let mut doc = Document::load_mem(&sub.pdf).unwrap();
    let text = reprinted(&doc, 2, &overall(&sub), &other(&overall(&sub)));
    set_content(&mut doc, 2, text);
    std::fs::write(folder.join("changed.pdf"), save(&mut doc)).unwrap();
    let c = csr_core::collect::collect(&[folder], &[], 1, Catalog::get(), &|_| {}).unwrap();
    assert_eq!(c.submissions.len(), 1, "only the PDF as made is kept");
    assert!(c.submissions[0].file.ends_with("as-made.pdf"));
    assert_eq!(c.failures.len(), 1);
    assert!(c.failures[0].file.ends_with("changed.pdf"));
    assert_eq!(c.failures[0].problem, csr_core::collect::Problem::PagesChanged);
    assert!(c.failures[0].detail.contains("Page 2"), "{}", c.failures[0].detail);
}
