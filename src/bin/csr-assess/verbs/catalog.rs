//! `catalog`: the guideline's items and policies.

use csr_core::catalog::Condition;
use csr_core::usecase;

use super::Context;
use crate::{help, output, Outcome};

pub fn run(ctx: &mut Context) -> Outcome {
    let json = ctx.json_flag(help::CATALOG)?;
    let catalog = ctx.catalog;
    if json {
        output::json(&usecase::catalog_view(catalog));
        return Ok(());
    }
    let g = &catalog.guideline.guideline;
    crate::say!("{} — catalog {} ({} action items)", g.title, catalog.version(), catalog.item_count());
    for group in catalog.groups() {
        crate::say!("\n{} {}", group.id, group.title);
        for item in &group.items {
            let condition = match item.condition {
                Some(Condition::Essential) => "  [essential]",
                Some(Condition::Recommended) => "  [recommended]",
                None => "",
            };
            crate::say!("  {:<6} {}  (ISO 26000: {}){condition}", item.id, item.title, item.iso26000.join("/"));
        }
    }
    crate::say!("\nPart 2 policies");
    for p in catalog.policies() {
        crate::say!("  {:<20} {}", p.id, p.title);
    }
    Ok(())
}
