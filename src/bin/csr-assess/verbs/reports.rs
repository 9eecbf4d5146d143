//! `score` and `check`.

use csr_core::readiness::{Finding, Problem, Severity};
use csr_core::usecase;

use super::Context;
use crate::{help, output, Failure, Outcome};

pub fn score(ctx: &mut Context) -> Outcome {
    let (id, json) = ctx.id_and_json(help::SCORE)?;
    let catalog = ctx.catalog;
    let score = usecase::evaluate(&ctx.store()?, catalog, id)?.score;
    if json {
        output::json(&score);
        return Ok(());
    }
    crate::say!("{:<6} {:<36} {:>6} {:>13} {:>9}", "Group", "", "Score", "Answered", "N/A");
    for g in &score.groups {
        let title = catalog.group(&g.group_id).map_or("", |g| g.title.as_str());
        let t = &g.tally;
        crate::say!(
            "{:<6} {:<36} {:>6} {:>7}/{:<5} {:>9}",
            g.group_id,
            output::first_line(title, 36),
            output::percent(t.score),
            t.answered,
            t.applicable,
            t.not_applicable
        );
    }
    let t = &score.overall;
    crate::say!(
        "{:<6} {:<36} {:>6} {:>7}/{:<5} {:>9}",
        "All",
        "",
        output::percent(t.score),
        t.answered,
        t.applicable,
        t.not_applicable
    );
    crate::say!("Completeness: {}%", t.completeness);
    if !score.gaps.is_empty() {
        crate::say!("\nGaps (essential first):");
        for gap in &score.gaps {
            let title = catalog.item(&gap.item_id).map_or("", |i| i.title.as_str());
            crate::say!(
                "  {:<6} {:<8} {}{}{}",
                gap.item_id,
                gap.rating.as_str(),
                if gap.essential { "[essential] " } else { "" },
                output::first_line(title, 60),
                if gap.has_action_plan { "" } else { "  (no action plan)" }
            );
        }
    }
    if !score.not_applicable.is_empty() {
        crate::say!("\nNot applicable:");
        for n in &score.not_applicable {
            crate::say!("  {:<6} {}", n.item_id, if n.reason.is_empty() { "(no reason given)" } else { &n.reason });
        }
    }
    Ok(())
}

pub fn check(ctx: &mut Context) -> Outcome {
    let (id, json) = ctx.id_and_json(help::CHECK)?;
    let result = usecase::evaluate(&ctx.store()?, ctx.catalog, id)?.readiness;
    if json {
        output::json(&result);
    } else if result.findings.is_empty() {
        crate::say!("Ready: nothing blocks the submission.");
    } else {
        crate::say!("{}", if result.ready { "Ready, with warnings:" } else { "Not ready yet:" });
        print_findings(&result.findings);
    }
    if result.ready {
        Ok(())
    } else {
        Err(Failure::Status(3))
    }
}

/// One line per finding: ✗ blocks the submission, ! is worth a look.
pub fn print_findings(findings: &[Finding]) {
    for f in findings {
        let mark = if f.severity == Severity::Blocking { "✗" } else { "!" };
        crate::say!("  {mark} {}", describe(&f.problem));
    }
}

fn list(ids: &[String]) -> String {
    ids.join(", ")
}

fn describe(p: &Problem) -> String {
    match p {
        Problem::Profile { fields } => format!(
            "Company profile: {}",
            fields.iter().map(|f| format!("{} {}", f.field, f.problem)).collect::<Vec<_>>().join(", ")
        ),
        Problem::Unanswered { items } => format!("Not answered yet: {}", list(items)),
        Problem::NotApplicableWithoutReason { items } => format!("Not applicable without a reason: {}", list(items)),
        Problem::EssentialGapWithoutPlan { items } => {
            format!("Essential items not fully in place need an action plan (what, who, due date): {}", list(items))
        }
        Problem::ToReconfirm { items, policies } => {
            format!("Carried over, still to re-confirm: {}", list(&[items.clone(), policies.clone()].concat()))
        }
        Problem::PoliciesNotAcknowledged { policies } => {
            format!("Part 2 policies not acknowledged: {}", list(policies))
        }
        Problem::Disclosures { policy, fields } => format!(
            "Part 2 {policy}: {}",
            fields.iter().map(|f| format!("{} {}", f.field, f.problem)).collect::<Vec<_>>().join(", ")
        ),
        Problem::Declaration { missing } => format!("Declaration incomplete: {}", list(missing)),
        Problem::MarkedForReview { items } => format!("Marked for review: {}", list(items)),
        Problem::UnprintableCharacters { fields } => format!(
            "Characters the PDF cannot print on this computer (it shows their codes instead; the attached data \
             keeps them; write them another way or install a font that has them): {}",
            fields
                .iter()
                .map(|f| {
                    let place = match &f.id {
                        Some(id) => format!("{} {id} {}", f.place, f.field),
                        None => format!("{} {}", f.place, f.field),
                    };
                    let codes: Vec<String> = f.characters.chars().map(|c| format!("U+{:04X}", c as u32)).collect();
                    format!("{place}: {} ({})", f.characters, codes.join(" "))
                })
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Problem::ExpiredEvidence { items } => format!("Evidence past its valid-until date: {}", list(items)),
    }
}
