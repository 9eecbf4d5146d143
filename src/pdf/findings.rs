//! The submission check's findings in the PDF's words: the open points of a submission and
//! the list of what is missing on the first page of a preview.

use super::context::Context;
use super::labels::fill;
use crate::readiness::Problem;

pub fn describe(ctx: &Context, p: &Problem) -> String {
    let l = ctx.labels;
    let sep = ctx.separator();
    let list = |ids: &[String]| ids.join(sep);
    let problem = |p: &str| if p == "missing" { l.missing } else { l.malformed };
    // A note in brackets: 「（未入力）」 in Japanese, " (missing)" in English.
    let bracketed = |s: &str| if l.lang == "ja" { format!("（{s}）") } else { format!(" ({s})") };
    let fields = |f: &[crate::model::FieldProblem]| {
        f.iter()
            .map(|x| format!("{}{}", profile_label(l, &x.field), bracketed(problem(&x.problem))))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let disclosure = |policy: &str, f: &[crate::model::FieldProblem]| {
        let questions = ctx.catalog.disclosure_fields(policy);
        f.iter()
            .map(|x| {
                let label = questions
                    .iter()
                    .find(|q| q.id == x.field)
                    .map_or(x.field.as_str(), |q| q.label.get(l.lang).as_str());
                format!("{label}{}", bracketed(problem(&x.problem)))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    match p {
        Problem::Profile { fields: f } => fill(l.problem_profile, &[("list", &fields(f))]),
        Problem::Unanswered { items } => fill(l.problem_unanswered, &[("list", &list(items))]),
        Problem::NotApplicableWithoutReason { items } => fill(l.problem_na_reason, &[("list", &list(items))]),
        Problem::EssentialGapWithoutPlan { items } => fill(l.problem_essential_plan, &[("list", &list(items))]),
        Problem::ToReconfirm { items, policies } => {
            fill(l.problem_reconfirm, &[("list", &list(&[items.clone(), policies.clone()].concat()))])
        }
        Problem::PoliciesNotAcknowledged { policies } => {
            let titles: Vec<String> =
                policies.iter().map(|p| ctx.catalog.policy(p).map_or(p.clone(), |x| ctx.title(&x.short_title).to_string())).collect();
            fill(l.problem_policies, &[("list", &titles.join(sep))])
        }
        Problem::Disclosures { policy, fields: f } => {
            let title = ctx.catalog.policy(policy).map_or(policy.as_str(), |p| ctx.title(&p.short_title));
            fill(l.problem_disclosures, &[("policy", title), ("list", &disclosure(policy, f))])
        }
        Problem::Declaration { missing } => {
            // The fields as the declaration page names them, not their ids.
            let names: Vec<String> = missing
                .iter()
                .map(|m| match m.as_str() {
                    "signer_name" => l.signer,
                    "signer_title" => l.signer_title,
                    "date" => l.date,
                    "confirmed" => l.confirmed,
                    other => other,
                }
                .to_string())
                .collect();
            fill(l.problem_declaration, &[("list", &list(&names))])
        }
        Problem::MarkedForReview { items } => fill(l.problem_review, &[("list", &list(items))]),
        Problem::UnprintableCharacters { fields: f } => {
            // The codes, not the characters: these are the ones the PDF cannot show.
            let codes = |s: &str| s.chars().map(|c| format!("U+{:04X}", c as u32)).collect::<Vec<_>>().join(" ");
            let places: Vec<String> = f
                .iter()
                .map(|u| {
                    let place = match (u.place, &u.id) {
                        ("profile", _) if profile_label(l, &u.field) != l.none => profile_label(l, &u.field).to_string(),
                        (_, Some(id)) => format!("{id} {}", u.field),
                        (place, None) => format!("{place} {}", u.field),
                    };
                    format!("{place}{}", bracketed(&codes(&u.characters)))
                })
                .collect();
            fill(l.problem_unprintable, &[("list", &places.join("; "))])
        }
        Problem::ExpiredEvidence { items } => {
            let text = if l.lang == "ja" { "有効期限を過ぎた根拠資料がある項目：{list}" } else { "Evidence past its valid-until date: {list}" };
            fill(text, &[("list", &list(items))])
        }
    }
}

/// A profile field's name as the PDF prints it.
fn profile_label(l: &super::labels::Labels, field: &str) -> &'static str {
    match field {
        "legal_name" => l.legal_name,
        "address" => l.address,
        "country" => l.country,
        "representative" => l.representative,
        "contact_name" => l.contact,
        "contact_email" => l.email,
        "contact_phone" => l.phone,
        "nec_contact_email" => l.nec_contact_email,
        _ => l.none,
    }
}
