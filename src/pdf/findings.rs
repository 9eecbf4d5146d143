//! The submission check's findings in the PDF's words: the open points of a submission and
//! the list of what is missing on the first page of a preview.

use super::context::Context;
use super::labels::fill;
use crate::readiness::Problem;

pub fn describe(ctx: &Context, p: &Problem) -> String {
    let l = ctx.labels;
    let list = |ids: &[String]| ids.join(", ");
    let problem = |p: &str| if p == "missing" { l.missing } else { l.malformed };
    let fields = |f: &[crate::model::FieldProblem]| {
        f.iter()
            .map(|x| format!("{} ({})", profile_label(l, &x.field), problem(&x.problem)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let disclosure = |policy: &str, f: &[crate::model::FieldProblem]| {
        let questions = ctx.catalog.disclosure_fields(policy);
        f.iter()
            .map(|x| {
                let label = questions
                    .iter()
                    .find(|q| q.id == x.field)
                    .map_or(x.field.as_str(), |q| q.label.get(l.lang).as_str());
                format!("{label} ({})", problem(&x.problem))
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
                policies.iter().map(|p| ctx.catalog.policy(p).map_or(p.clone(), |x| ctx.title(&x.short_title).0.to_string())).collect();
            fill(l.problem_policies, &[("list", &titles.join(", "))])
        }
        Problem::Disclosures { policy, fields: f } => {
            let title = ctx.catalog.policy(policy).map_or(policy.as_str(), |p| ctx.title(&p.short_title).0);
            fill(l.problem_disclosures, &[("policy", title), ("list", &disclosure(policy, f))])
        }
        Problem::Declaration { missing } => {
            let names: Vec<&str> = missing
                .iter()
                .map(|m| match m.as_str() {
                    "signer_name" => l.signer,
                    "signer_title" => l.signer_title,
                    "date" => l.date,
                    "confirmed" => l.confirmed,
                    other => other,
                })
                .collect();
            fill(l.problem_declaration, &[("list", &names.join(", "))])
        }
        Problem::MarkedForReview { items } => fill(l.problem_review, &[("list", &list(items))]),
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
