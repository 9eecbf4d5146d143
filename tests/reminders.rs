//! Reminders as an iCalendar file, read back by a real parser (Python's `icalendar`, in the
//! venv scripts/setup.sh makes): every evidence valid-until date, every action plan's due
//! date and the next year's assessment, as all-day events with stable UIDs, in English and
//! Japanese, with CRLF line ends and lines folded at 75 octets without splitting a character.

mod common;
#[path = "support/feedback.rs"]
mod support;

use std::path::PathBuf;
use std::process::{Command, Stdio};

use csr_core::model::Evidence;
use csr_core::{usecase, Catalog, Store};
use serde_json::Value;

/// A submitted assessment whose evidence on three items expires (one name with a comma,
/// a semicolon and a backslash; two entries of one name on one item).
fn assessment(dir: &std::path::Path) -> (Store, i64) {
    let mut store = Store::open(dir.join("r.sqlite3"), csr_core::Catalog::get()).unwrap();
    let id = common::fully_answered(&mut store);
    let record = store.record(id).unwrap();
    for (item, names) in [
        ("I-1", vec!["ISO 14001 certificate, site 2; scope \\ all"]),
        (
            "II-3",
            vec![
                "就業規則（年齢確認の手順を含む）2025年版、本社・第二工場の両方で適用される版",
                "就業規則（年齢確認の手順を含む）2025年版、本社・第二工場の両方で適用される版",
            ],
        ),
        ("V-1", vec!["Fire safety inspection"]),
    ] {
        let mut a = record.answers.iter().find(|a| a.item_id == item).unwrap().clone();
        for (n, name) in names.iter().enumerate() {
            a.evidence.push(Evidence {
                name: name.to_string(),
                location: "Office".into(),
                valid_until: Some(format!("2027-0{}-1{n}", 4 + n)),
                ..Default::default()
            });
        }
        store.save_answer(id, &a).unwrap();
    }
    usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &dir.join("s.pdf")).unwrap();
    (store, id)
}

/// The events a parser reads from `ics`: (uid, start, end, summary, description, alarm).
fn parse(ics: &str, test: &str) -> Option<Vec<Value>> {
    let home = std::env::var("HOME").unwrap_or_default();
    let python = PathBuf::from(format!("{home}/.cache/csr-self-assessment/venv/bin/python"));
    let has_icalendar = python.exists()
        && Command::new(&python)
            .args(["-c", "import icalendar"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if !has_icalendar {
        assert!(
            std::env::var_os("CSR_TESTS_REQUIRE_TOOLS").is_none_or(|v| v != "1"),
            "{test} needs Python's icalendar in {}: run scripts/setup.sh",
            python.display()
        );
        eprintln!("skipped: {test}: Python's icalendar is not installed here (scripts/setup.sh installs it)");
        return None;
    }
    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
assert not cal.errors, cal.errors
out = {"calendar": {k: str(cal.get(k)) for k in ("PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME")}, "events": []}
for ev in cal.walk("VEVENT"):
    assert not ev.errors, ev.errors
    alarms = [str(a.get("TRIGGER").dt) for a in ev.walk("VALARM")]
    out["events"].append({
        "uid": str(ev.get("UID")),
        "start": ev.get("DTSTART").dt.isoformat(),
        "start_is_datetime": hasattr(ev.get("DTSTART").dt, "hour"),
        "end": ev.get("DTEND").dt.isoformat(),
        "summary": str(ev.get("SUMMARY")),
        "language": ev.get("SUMMARY").params.get("LANGUAGE"),
        "description": str(ev.get("DESCRIPTION")),
        "stamp": ev.get("DTSTAMP").dt.isoformat(),
        "alarms": alarms,
    })
print(json.dumps(out, ensure_ascii=False))
"#;
    let mut child =
        Command::new(python).args(["-c", script]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(ics.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "icalendar refused the file:\n{ics}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let cal = &v["calendar"];
    assert!(cal["PRODID"].as_str().unwrap().contains("CSR Self-Assessment"));
    assert_eq!(
        (cal["VERSION"].as_str(), cal["CALSCALE"].as_str(), cal["METHOD"].as_str()),
        (Some("2.0"), Some("GREGORIAN"), Some("PUBLISH"))
    );
    Some(v["events"].as_array().unwrap().clone())
}

fn lines_are_crlf_and_folded(ics: &str) {
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n') && !ics.replace("\r\n", "").contains('\r'), "CRLF line ends only");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(ics.contains("\r\n "), "long lines are folded");
}

#[test]
fn a_calendar_program_reads_every_due_date_as_an_all_day_event_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = assessment(dir.path());
    let record = store.record(id).unwrap();
    let plans = record.answers.iter().filter(|a| a.action_plan.due.is_some()).count();
    assert!(plans > 5);
    let submitted = record.assessment.submitted_at.clone().unwrap();
    for lang in ["en", "ja"] {
        let ics = usecase::reminders(&store, Catalog::get(), id, csr_core::lang::Lang::parse(lang).unwrap()).unwrap();
        lines_are_crlf_and_folded(&ics);
        let Some(events) = parse(&ics, "reminders") else { return };
        assert_eq!(events.len(), 4 + plans + 1, "{lang}: 4 evidence entries, {plans} plans, the next assessment");
        let mut uids: Vec<&str> = events.iter().map(|e| e["uid"].as_str().unwrap()).collect();
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), events.len(), "one UID per event");
        for e in &events {
            assert_eq!(e["start_is_datetime"], false, "all-day: {e}");
            let start = csr_core::clock::parse_date(e["start"].as_str().unwrap()).unwrap();
            assert_eq!(
                e["end"].as_str().unwrap(),
                csr_core::clock::format_date(start.next_day().unwrap()),
                "ends the next day"
            );
            assert_eq!(e["language"], lang);
            assert_eq!(e["alarms"].as_array().unwrap().len(), 1);
        }
        let find = |start: &str| {
            events.iter().find(|e| e["start"] == start).unwrap_or_else(|| panic!("{start} in {events:?}"))
        };
        let iso = find("2027-04-10");
        let next = {
            let d = csr_core::clock::at_offset(&submitted, csr_core::clock::local_offset()).unwrap().date();
            format!("{}-{}", d.year() + 1, &csr_core::clock::format_date(d)[5..])
        };
        let next = find(&next);
        let plan = events.iter().find(|e| e["uid"].as_str().unwrap().starts_with("plan-")).unwrap();
        if lang == "en" {
            assert_eq!(
                iso["summary"], "Evidence expires: ISO 14001 certificate, site 2; scope \\ all (I-1)",
                "escaped and read back"
            );
            assert!(iso["description"].as_str().unwrap().contains("item I-1 “"), "{iso}");
            assert_eq!(next["summary"], "Next CSR self-assessment for NEC");
            assert!(plan["summary"].as_str().unwrap().starts_with("Action plan due: "));
            assert_eq!(iso["alarms"][0], "-14 days, 0:00:00");
            assert_eq!(next["alarms"][0], "-30 days, 0:00:00");
        } else {
            assert_eq!(iso["summary"], "根拠資料の有効期限：ISO 14001 certificate, site 2; scope \\ all（I-1）");
            assert!(iso["description"].as_str().unwrap().contains("本アプリ作成者による参考訳"), "{iso}");
            assert_eq!(next["summary"], "NEC向けCSRセルフアセスメントの次回実施");
            assert!(next["description"].as_str().unwrap().contains("2025年度"));
            let twice: Vec<&Value> =
                events.iter().filter(|e| e["summary"].as_str().unwrap().contains("就業規則")).collect();
            assert_eq!(twice.len(), 2, "two entries of one name are two events");
            assert!(twice[0]["description"]
                .as_str()
                .unwrap()
                .contains("就業規則（年齢確認の手順を含む）2025年版、本社・第二工場の両方で適用される版"));
            assert!(plan["summary"].as_str().unwrap().starts_with("改善計画の期限："));
        }
    }
}

#[test]
fn uids_stay_when_the_file_is_written_again_or_a_date_moves() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = assessment(dir.path());
    let uids = |ics: &str| -> Vec<String> {
        let mut u: Vec<String> =
            ics.replace("\r\n ", "").lines().filter_map(|l| l.strip_prefix("UID:")).map(String::from).collect();
        u.sort();
        u
    };
    let first = usecase::reminders(&store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = usecase::reminders(&store, Catalog::get(), id, csr_core::lang::Lang::parse("ja").unwrap()).unwrap();
    assert_eq!(uids(&first), uids(&again), "the same events, whatever the language or time");
    assert_ne!(first.lines().find(|l| l.starts_with("DTSTAMP")), again.lines().find(|l| l.starts_with("DTSTAMP")));
    let mut a = store.record(id).unwrap().answers.into_iter().find(|a| a.action_plan.due.is_some()).unwrap();
    a.action_plan.due = Some("2028-01-31".into());
    store.save_answer(id, &a).unwrap();
    let moved = usecase::reminders(&store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap()).unwrap();
    // A change makes the assessment a draft again, which has no next assessment yet.
    let kept: Vec<String> = uids(&first).into_iter().filter(|u| !u.starts_with("next-assessment-")).collect();
    assert_eq!(kept, uids(&moved), "a moved date updates its event");
    assert!(moved.contains("DTSTART;VALUE=DATE:20280131"));
}

#[test]
fn a_draft_has_no_next_assessment_and_a_wrong_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("d.sqlite3"), csr_core::Catalog::get()).unwrap();
    let id = common::fully_answered(&mut store);
    let ics = usecase::reminders(&store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap()).unwrap();
    assert!(!ics.contains("next-assessment-"));
    let e = usecase::reminders_to(&store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &dir.path().join("r.txt")).unwrap_err();
    assert!(e.to_string().contains("should end in .ics"), "{e}");
    let n = usecase::reminders_to(&store, Catalog::get(), id, csr_core::lang::Lang::parse("ja").unwrap(), &dir.path().join("r.ics")).unwrap();
    assert_eq!(n, ics.matches("BEGIN:VEVENT").count());
    let e = usecase::reminders(&store, Catalog::get(), 999, csr_core::lang::Lang::english()).unwrap_err();
    assert_eq!(e.kind(), "not_found");
}

/// NEC's open requests with a due date are events; one answered is no longer one. The file
/// opened by the supplier as the app opens it, the calendar read by Python's `icalendar`.
#[test]
fn each_open_nec_request_with_a_due_date_is_an_event_in_both_languages() {
    for lang in ["en", "ja"] {
        let dir = tempfile::tempdir().unwrap();
        let sub = support::submitted(dir.path(), "s.pdf", "NEC-SUP-000001", "株式会社あおば電子", lang);
        let language = csr_core::feedback::Language::parse(lang).unwrap();
        let fb = dir.path().join("f.csrfeedback");
        usecase::feedback_on_pdf(&sub.pdf, &support::draft(language), &fb, Catalog::get()).unwrap();
        let mut store = sub.store;
        let bytes = std::fs::read(&fb).unwrap();
        usecase::open_feedback(&mut store, Catalog::get(), bytes.as_slice(), &fb).unwrap();
        let ics = usecase::reminders(&store, Catalog::get(), sub.id, csr_core::lang::Lang::parse(lang).unwrap()).unwrap();
        lines_are_crlf_and_folded(&ics);
        let Some(events) = parse(&ics, "nec requests in reminders") else { return };
        let requests: Vec<&Value> =
            events.iter().filter(|e| e["uid"].as_str().unwrap().starts_with("nec-request-")).collect();
        // Two of the three requests have a due date.
        let mut days: Vec<&str> = requests.iter().map(|e| e["start"].as_str().unwrap()).collect();
        days.sort();
        assert_eq!(days, ["2027-02-28", "2027-03-31"], "{lang}: {requests:?}");
        let cmrt = requests.iter().find(|e| e["start"] == "2027-02-28").unwrap();
        let (summary, said) = if lang == "en" {
            ("NEC request due: Please send your CMRT for this year. (conflict-minerals)", "NEC asked, on ")
        } else {
            ("NECからの依頼の期限：今年度のCMRTをご提出ください。（conflict-minerals）", "NECから")
        };
        assert_eq!(cmrt["summary"], summary);
        assert!(cmrt["description"].as_str().unwrap().starts_with(said), "{cmrt}");
        assert_eq!(cmrt["language"], lang);
        assert_eq!(cmrt["start_is_datetime"], false, "all-day");
        // Answered: no longer a reminder.
        let open = store.record(sub.id).unwrap().nec_requests.into_iter().find(|r| r.id == "conflict-minerals#1").unwrap();
        let reply = csr_core::model::Reply {
            status: csr_core::model::RequestStatus::Done,
            reply: "CMRT sent.".into(),
            reason: String::new(),
            revision: open.revision,
        };
        usecase::reply_to_request(&mut store, Catalog::get(), sub.id, &sub.sha256, &open.id, &reply).unwrap();
        let after = parse(&usecase::reminders(&store, Catalog::get(), sub.id, csr_core::lang::Lang::parse(lang).unwrap()).unwrap(), "nec requests").unwrap();
        let left: Vec<&str> = after
            .iter()
            .filter(|e| e["uid"].as_str().unwrap().starts_with("nec-request-"))
            .map(|e| e["start"].as_str().unwrap())
            .collect();
        assert_eq!(left, ["2027-03-31"], "{lang}");
    }
}
