//! The e-mail that goes to NEC with the submission, written in the user's language from its
//! templates (`lang/<code>/mail.json`), and the `mailto:` link that opens the user's mail
//! program with it. (A mailto link cannot attach files: the app tells the user to attach
//! the PDF.)

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang::{fill, Lang};
use crate::model::{looks_like_email, CompanyProfile};

/// One language's e-mail to NEC (`lang/<code>/mail.json`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Templates {
    /// `{company}`, `{period}`.
    subject: String,
    /// The greeting line for a named contact: `{name}` ("{name}様" / "Dear {name},").
    addressee: String,
    /// The greeting line when no contact is named.
    addressee_default: String,
    /// Courtesy titles a user may type after the name, which `addressee` adds itself: each
    /// typed ending and what stands in its place (御中 → ご担当者, so 購買部御中 becomes
    /// 購買部ご担当者様).
    honorifics: BTreeMap<String, String>,
    /// The sender introducing themselves: `{company}`, `{sender}`; `introduction_company`
    /// when no person is named.
    introduction: String,
    introduction_company: String,
    /// The body's lines: `{addressee}`, `{introduction}`, `{period}`, `{company}`,
    /// `{sender}`, `{phone}`, `{email}`. A line whose placeholders are all empty is left out.
    body: Vec<String>,
    /// Said when no mail program opens: `{reason}` (the system's words), `{to}`.
    could_not_open: String,
}

impl Templates {
    fn of(lang: Lang) -> Templates {
        let text = lang.part("mail").unwrap_or_else(|| panic!("lang/{}/mail.json is built in", lang.code()));
        // The files are checked by the tests below; a failure here is a build defect.
        serde_json::from_str(text).unwrap_or_else(|e| panic!("lang/{}/mail.json: {e}", lang.code()))
    }
}

/// The e-mail to NEC, as the mail program receives it and as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Email {
    /// NEC's address as stored in the profile (checked when the link is made).
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The courtesy title taken off the NEC contact's name as typed ("様"), because the
    /// greeting adds its own; the app says so beside the field.
    pub honorific_removed: Option<String>,
}

/// The NEC contact's name as the greeting uses it, and the courtesy title typed after it
/// that was taken off ("山本様" → ("山本", "様"); "購買部御中" → ("購買部ご担当者", "御中")).
fn addressee_name(name: &str, honorifics: &BTreeMap<String, String>) -> (String, Option<String>) {
    let name = name.trim();
    // The longest ending first (さま before ま, if both were listed).
    let mut endings: Vec<_> = honorifics.iter().collect();
    endings.sort_by_key(|(typed, _)| std::cmp::Reverse(typed.chars().count()));
    for (typed, instead) in endings {
        if let Some(bare) = name.strip_suffix(typed.as_str()) {
            let bare = bare.trim_end();
            if !bare.is_empty() {
                return (format!("{bare}{instead}"), Some(typed.clone()));
            }
        }
    }
    (name.to_string(), None)
}

/// The e-mail that sends the submission of `period` to the NEC contact of `company`, in `lang`:
/// the greeting (the contact by name, else NEC's procurement), the sender, what is attached,
/// a closing and a signature.
pub fn submission_email(company: &CompanyProfile, period: &str, lang: Lang) -> Email {
    let t = Templates::of(lang);
    let (name, honorific_removed) = addressee_name(&company.nec_contact_name, &t.honorifics);
    let addressee = if name.is_empty() { t.addressee_default.clone() } else { fill(&t.addressee, &[("name", &name)]) };
    let firm = company.display_name();
    let sender = company.contact_name.trim();
    let introduction = if sender.is_empty() { &t.introduction_company } else { &t.introduction };
    let introduction = fill(introduction, &[("company", firm), ("sender", sender)]);
    let values: [(&str, &str); 7] = [
        ("addressee", &addressee),
        ("introduction", &introduction),
        ("period", period.trim()),
        ("company", firm),
        ("sender", sender),
        ("phone", company.contact_phone.trim()),
        ("email", company.contact_email.trim()),
    ];
    let mut lines: Vec<String> = Vec::new();
    for line in &t.body {
        let named: Vec<&str> = values.iter().filter(|(n, _)| line.contains(&format!("{{{n}}}"))).map(|(_, v)| *v).collect();
        if !named.is_empty() && named.iter().all(|v| v.is_empty()) {
            continue; // "TEL：{phone}" without a phone number
        }
        let filled = fill(line, &values);
        // One blank line between paragraphs, however many lines were left out.
        if filled.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(filled);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    Email {
        to: company.nec_contact_email.trim().to_string(),
        subject: fill(&t.subject, &[("company", firm), ("period", period.trim())]),
        body: lines.join("\n") + "\n",
        honorific_removed,
    }
}

/// What to say when no mail program opened `to`'s e-mail: `reason` is the system's words.
pub fn could_not_open(lang: Lang, to: &str, reason: &str) -> String {
    fill(&Templates::of(lang).could_not_open, &[("to", to), ("reason", reason)])
}

/// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 underneath).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `mailto:TO?subject=…&body=…`, refusing an address that is not one.
pub fn mailto(to: &str, subject: &str, body: &str) -> Result<String> {
    let to = to.trim();
    if !looks_like_email(to) || to.contains(['?', '&', '%', ',', ';']) {
        return Err(Error::invalid(
            "NEC contact email",
            format!("\"{to}\" is not an email address. Enter your NEC contact's address, for example name@nec.com."),
        ));
    }
    Ok(format!("mailto:{to}?subject={}&body={}", encode(subject), encode(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn company(nec_contact_name: &str) -> CompanyProfile {
        CompanyProfile {
            legal_name: "株式会社さくら精密".into(),
            contact_name: "佐藤 一郎".into(),
            contact_email: "ichiro@sakura.example.jp".into(),
            contact_phone: "06-6123-4567".into(),
            nec_contact_name: nec_contact_name.into(),
            nec_contact_email: "yamamoto@nec.example".into(),
            ..Default::default()
        }
    }

    #[test]
    fn every_language_has_its_e_mail() {
        for lang in Lang::all() {
            let t = Templates::of(lang);
            assert!(t.body.iter().any(|l| l.contains("{addressee}")) && t.subject.contains("{period}"), "{}", lang.code());
        }
    }

    #[test]
    fn a_japanese_business_e_mail_with_the_honorific_once() {
        let ja = Lang::parse("ja").unwrap();
        let mail = submission_email(&company("購買部 山本様"), "2026年度", ja);
        assert_eq!(mail.honorific_removed.as_deref(), Some("様"));
        assert_eq!(
            mail.body,
            "購買部 山本様\n\nいつもお世話になっております。\n株式会社さくら精密の佐藤 一郎です。\n\n\
             2026年度のCSRセルフアセスメントを、PDFにてお送りいたします。\n\
             ご査収のほど、よろしくお願いいたします。\n\n株式会社さくら精密\n佐藤 一郎\nTEL：06-6123-4567\nE-mail：ichiro@sakura.example.jp\n"
        );
        assert_eq!(mail.subject, "CSRセルフアセスメントのご提出：株式会社さくら精密（2026年度）");
        assert_eq!(mail.to, "yamamoto@nec.example");
        // 殿 and さま are taken off too; a department addressed 御中 becomes its person in charge.
        assert!(submission_email(&company("山本 殿"), "2026年度", ja).body.starts_with("山本様\n"));
        assert!(submission_email(&company("購買部御中"), "2026年度", ja).body.starts_with("購買部ご担当者様\n"));
        // A name alone is kept as typed, with 様; no name: NEC's procurement, 御中-style.
        let plain = submission_email(&company("山本"), "2026年度", ja);
        assert!(plain.body.starts_with("山本様\n") && plain.honorific_removed.is_none());
        assert!(submission_email(&company(""), "2026年度", ja).body.starts_with("日本電気株式会社\n購買ご担当者様\n\nいつも"));
        // "様" alone is a name no one has: kept, not emptied.
        assert!(submission_email(&company("様"), "2026年度", ja).body.starts_with("様様\n"));
    }

    #[test]
    fn an_english_business_e_mail() {
        let en = Lang::parse("en").unwrap();
        let mut c = company("Ms Yamamoto");
        c.contact_phone.clear();
        let mail = submission_email(&c, "FY2026", en);
        assert_eq!(
            mail.body,
            "Dear Ms Yamamoto,\n\nPlease find attached, as a PDF, our self-assessment for FY2026 against the NEC Group \
             Supply-Chain CSR Guideline.\n\nI would be grateful if you could confirm that you have received it.\n\n\
             Kind regards,\n\n佐藤 一郎\n株式会社さくら精密\nEmail: ichiro@sakura.example.jp\n"
        );
        assert!(submission_email(&company(""), "FY2026", en).body.starts_with("Dear NEC procurement team,\n"));
        assert!(could_not_open(en, "a@b.example", "no handler").contains("a@b.example"));
    }

    #[test]
    fn encodes_japanese_line_breaks_and_reserved_characters() {
        let url = mailto("buyer@nec.example", "CSR 自己評価 & 2026", "行1\n行2 = ok?").unwrap();
        assert_eq!(
            url,
            "mailto:buyer@nec.example?subject=CSR%20%E8%87%AA%E5%B7%B1%E8%A9%95%E4%BE%A1%20%26%202026&body=%E8%A1%8C1%0D%0A%E8%A1%8C2%20%3D%20ok%3F"
        );
        assert!(mailto("not an address", "s", "b").is_err());
        assert!(mailto("a@b.co?cc=x@y.z", "s", "b").is_err());
    }
}
