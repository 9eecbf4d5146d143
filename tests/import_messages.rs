//! What an import says about a file that is not an assessment file as the app wrote it:
//! another encoding is named with how to save it as UTF-8, and a submission PDF is imported
//! from the data attached to it (issue 22, point 7); a file whose period is already here is
//! refused with how to replace it or keep both, and a restore says what it brought back
//! (issue 23, point 6).

mod common;

use common::*;
use csr_core::{interchange, usecase, Catalog};

fn exported() -> (tempfile::TempDir, csr_core::Store, i64, String) {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let text = interchange::export(&store.record(id).unwrap(), Catalog::get());
    (dir, store, id, text)
}

#[test]
fn shift_jis_utf16_and_utf32_are_named_with_how_to_save_as_utf8() {
    let (_dir, _store, _id, text) = exported();
    // 株式 in Shift_JIS, as Japanese Excel and old Notepad save it.
    let sjis: Vec<u8> = [b"{\"company\": {\"legal_name\": \"".as_slice(), &[0x8A, 0x94, 0x8E, 0xAE], b"\"}}"].concat();
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf32: Vec<u8> =
        [0xFF, 0xFE, 0, 0].into_iter().chain(text.chars().flat_map(|c| (c as u32).to_le_bytes())).collect();
    for (bytes, name) in [(sjis, "Shift_JIS"), (utf16, "UTF-16"), (utf32, "UTF-32")] {
        let err = interchange::import(&bytes, Catalog::get()).unwrap_err();
        assert_eq!(err.kind(), "import_encoding", "{name}: {err}");
        let said = err.to_string();
        assert!(said.contains(name) && said.contains("\"CSV UTF-8\"") && said.contains("Encoding \"UTF-8\""), "{said}");
    }
    // Text that is simply broken is still called damaged, not another encoding.
    let mut broken = text.clone().into_bytes();
    broken.insert(200, 0xFF);
    assert_eq!(interchange::import(&broken, Catalog::get()).unwrap_err().kind(), "import_damaged");
}

#[test]
fn a_submission_pdf_given_to_import_brings_its_answers_in() {
    let (dir, mut store, id, _) = exported();
    let pdf = dir.path().join("submission.pdf");
    usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse("ja").unwrap(), &pdf).unwrap();
    let bytes = std::fs::read(&pdf).unwrap();
    // Into another computer's database (this one holds the period already).
    let (_other_dir, mut other) = temp_store();
    let new = usecase::import_from(&mut other, Catalog::get(), bytes.as_slice(), &pdf).unwrap();
    assert_eq!(other.record(new).unwrap().answers, store.record(id).unwrap().answers);
    // A PDF that is not one of ours says so, naming the file.
    let other = dir.path().join("other.pdf");
    std::fs::write(&other, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").unwrap();
    let err = usecase::import_from(&mut store, Catalog::get(), std::fs::read(&other).unwrap().as_slice(), &other)
        .unwrap_err();
    assert_eq!(err.kind(), "import_not_assessment", "{err}");
    assert!(err.to_string().contains("other.pdf is a PDF, but not a submission made by this app"), "{err}");
}

#[test]
fn a_file_whose_period_is_already_here_is_refused_with_what_to_do() {
    let (dir, mut store, id, text) = exported();
    let file = dir.path().join("FY2026.json");
    let before = store.list_assessments().unwrap();
    let err = usecase::import_from(&mut store, Catalog::get(), text.as_bytes(), &file).unwrap_err();
    assert_eq!(err.kind(), "period_exists", "{err}");
    let a = store.assessment(id).unwrap();
    let said = err.to_string();
    assert!(said.contains("FY2026.json") && said.contains(&a.period) && said.contains("nothing was imported"), "{said}");
    assert!(said.contains("delete") && said.contains("rename"), "says how to replace it or keep both: {said}");
    let params: std::collections::BTreeMap<_, _> = err.params().into_iter().collect();
    assert_eq!(params["period"], a.period);
    assert_eq!(store.list_assessments().unwrap(), before, "nothing was added");
    // The same period written differently (spaces, another case) is the same period.
    let loud = text.replacen(&format!("\"period\": \"{}\"", a.period), &format!("\"period\": \" {} \"", a.period.to_uppercase()), 1);
    assert_ne!(loud, text);
    assert_eq!(usecase::import_from(&mut store, Catalog::get(), loud.as_bytes(), &file).unwrap_err().kind(), "period_exists");
    // Renamed first, both are kept.
    store.rename_assessment(id, "FY2026 (old)").unwrap();
    let new = usecase::import_from(&mut store, Catalog::get(), text.as_bytes(), &file).unwrap();
    assert_eq!(store.record(new).unwrap().answers, store.record(id).unwrap().answers);
}

#[test]
fn a_restore_says_which_assessments_it_brought_back_with_their_answers_and_when_it_was_taken() {
    let (_dir, mut store, id, _) = exported();
    let period = store.assessment(id).unwrap().period;
    let snapshot = store.back_up(csr_core::store::BackupReason::Manual).unwrap();
    store.delete_assessment(id).unwrap();
    let store = store.restore_backup(&snapshot.name, None).unwrap();
    let facts = usecase::restored(&store, &snapshot.name).unwrap();
    assert_eq!(facts.taken_at, snapshot.taken_at);
    assert_eq!(facts.reason, "manual");
    assert_eq!(facts.assessments.len(), 1);
    assert_eq!(facts.assessments[0].period, period);
    assert_eq!(facts.assessments[0].answers, Catalog::get().item_count(), "every item answered");
    assert_eq!(facts.answers, facts.assessments[0].answers);
}
