//! The names the save dialogs suggest, in the user's language: the submission PDF, a
//! preview, an exported file, the staff screen's workbook. Safe on Windows, macOS and Linux,
//! keeping Japanese characters.

use crate::lang::Lang;
use crate::model::AssessmentRecord;

/// What is being saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The PDF for NEC (or its copy, once submitted).
    Submission,
    /// A preview PDF, marked "not submitted" on every page.
    Preview,
    /// An interchange file (`.json`).
    Export,
    /// The calendar file of the assessment's dates (`.ics`).
    Reminders,
}

/// "CSR-self-assessment_<company>_<period>.pdf" / 「CSRセルフアセスメント_<会社>_<期間>.pdf」.
pub fn suggested_file_name(record: &AssessmentRecord, kind: FileKind, lang: Lang) -> String {
    let names = &lang.words().file_names;
    let (prefix, extension) = match kind {
        FileKind::Submission => (&names.submission, "pdf"),
        FileKind::Preview => (&names.preview, "pdf"),
        FileKind::Export => (&names.export, "json"),
        FileKind::Reminders => (&names.reminders, "ics"),
    };
    crate::files::file_name(prefix, &[record.company.display_name(), &record.assessment.period], extension)
}

/// "CSR-submissions_2026-12-08.xlsx" / 「CSR提出一覧_2026-12-08.xlsx」.
pub fn workbook_file_name(lang: Lang, today: time::Date) -> String {
    format!("{}_{}.xlsx", lang.words().file_names.workbook, crate::clock::format_date(today))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_in_the_user_s_language() {
        let mut record: AssessmentRecord = serde_json::from_value(serde_json::json!({
            "company": {}, "answers": [], "part2": [],
            "assessment": {"id": 1, "company_id": 1, "period": "FY2026 / 上期", "status": "draft", "catalog_version": "",
              "created_at": "", "updated_at": "", "submitted_at": null, "carried_from": null, "position": null,
              "declaration": {}}
        }))
        .unwrap();
        record.company.legal_name = "株式会社さくら: 精密*工業 ".into();
        let en = Lang::parse("en").unwrap();
        let ja = Lang::parse("ja").unwrap();
        assert_eq!(suggested_file_name(&record, FileKind::Submission, en), "CSR-self-assessment_株式会社さくら_-精密_工業_FY2026-_-上期.pdf");
        assert!(suggested_file_name(&record, FileKind::Submission, ja).starts_with("CSRセルフアセスメント_株式会社さくら"));
        assert!(suggested_file_name(&record, FileKind::Preview, ja).contains("下書き"));
        assert!(suggested_file_name(&record, FileKind::Export, en).ends_with(".json"));
        assert!(suggested_file_name(&record, FileKind::Reminders, ja).starts_with("CSRセルフアセスメント-期限_"));
        assert!(suggested_file_name(&record, FileKind::Reminders, en).ends_with(".ics"));
        assert_eq!(workbook_file_name(ja, time::macros::date!(2026 - 12 - 08)), "CSR提出一覧_2026-12-08.xlsx");
    }
}
