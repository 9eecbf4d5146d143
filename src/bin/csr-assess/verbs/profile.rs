//! `profile`: show or set the company profile.

use csr_core::model::{Company, CompanyProfile};
use csr_core::Store;
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::{self, text, yes_no};
use crate::{help, output, Failure, Outcome};

pub fn run(ctx: &mut Context) -> Outcome {
    let mut json = false;
    let mut company: Option<i64> = None;
    let mut setting = false;
    let mut profile_changes: Vec<(String, String)> = Vec::new();
    let mut from_json: Option<String> = None;
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Value(v) if !setting && v == "set" => setting = true,
            Long("json") => json = true,
            Long("company") => company = Some(args::id(&text(ctx.parser.value()?, "--company")?, "--company")?),
            Long("from-json") if setting => from_json = Some(text(ctx.parser.value()?, "--from-json")?),
            Long(name) if setting && FIELDS.contains(&name) => {
                let name = name.to_string();
                let value = text(ctx.parser.value()?, &format!("--{name}"))?;
                profile_changes.push((name, value));
            }
            Short('h') | Long("help") => return show_help(help::PROFILE),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mut store = ctx.store()?;
    if !setting {
        let companies = match company {
            Some(id) => vec![store.company(id)?],
            None => store.companies()?,
        };
        if json {
            output::json(&companies);
        } else if companies.is_empty() {
            crate::say!("No company profile yet. Set one with `csr-assess profile set --legal-name …`.");
        } else {
            companies.iter().for_each(print_company);
        }
        return Ok(());
    }
    let current = pick_company(&store, company)?;
    let base = match &from_json {
        Some(path) => Some(
            serde_json::from_slice::<CompanyProfile>(&args::read_input(path)?)
                .map_err(|e| Failure::Usage(format!("{path} is not a company profile: {e}")))?,
        ),
        None => None,
    };
    // A usage mistake (a number that is not one) is told before anything is read or saved.
    let mut scratch = CompanyProfile::default();
    for (name, value) in &profile_changes {
        apply(&mut scratch, name, value.clone())?;
    }
    let saved = match current {
        // Read, changed and saved in one transaction: a change saved meanwhile by the app
        // (another field) is kept, never overwritten with what was read before it.
        Some(c) => store.edit_company(c.id, |p| {
            if let Some(base) = base {
                *p = base;
            }
            for (name, value) in profile_changes {
                let _ = apply(p, &name, value); // cannot fail: checked above
            }
            Ok(())
        })?,
        None => {
            let mut profile = base.unwrap_or_default();
            for (name, value) in profile_changes {
                apply(&mut profile, &name, value)?;
            }
            store.create_company(&profile)?
        }
    };
    if json {
        output::json(&saved);
    } else {
        crate::say!("Saved the profile of company {}.", saved.id);
    }
    Ok(())
}

/// The company meant: the one named, else the only one, else none yet.
pub fn pick_company(store: &Store, id: Option<i64>) -> Result<Option<Company>, Failure> {
    if let Some(id) = id {
        return Ok(Some(store.company(id)?));
    }
    let mut all = store.companies()?;
    match all.len() {
        0 => Ok(None),
        1 => Ok(all.pop()),
        n => Err(Failure::Usage(format!(
            "there are {n} companies; say which with --company ID (see `csr-assess profile`)"
        ))),
    }
}

const FIELDS: [&str; 17] = [
    "legal-name",
    "name-latin",
    "address",
    "country",
    "representative",
    "contact-name",
    "contact-email",
    "contact-phone",
    "supplier-code",
    "nec-contact-name",
    "nec-contact-email",
    "employees",
    "products",
    "sites",
    "construction",
    "chemicals",
    "goods",
];

fn apply(p: &mut CompanyProfile, name: &str, value: String) -> Result<(), Failure> {
    let option = format!("--{name}");
    match name {
        "legal-name" => p.legal_name = value,
        "name-latin" => p.name_latin = value,
        "address" => p.address = value,
        "country" => p.country = value,
        "representative" => p.representative = value,
        "contact-name" => p.contact_name = value,
        "contact-email" => p.contact_email = value,
        "contact-phone" => p.contact_phone = value,
        "supplier-code" => p.supplier_code = value,
        "nec-contact-name" => p.nec_contact_name = value,
        "nec-contact-email" => p.nec_contact_email = value,
        "employees" if value.is_empty() => p.employees = None,
        "employees" => {
            p.employees = Some(
                value.parse().map_err(|_| Failure::Usage(format!("{option} takes a whole number, not \"{value}\"")))?,
            )
        }
        "products" => p.products = value,
        "sites" => p.sites = value,
        "construction" => p.does_construction = yes_no(&value, &option)?,
        "chemicals" => p.handles_chemicals = yes_no(&value, &option)?,
        "goods" => p.supplies_goods = yes_no(&value, &option)?,
        _ => unreachable!("FIELDS lists every option"),
    }
    Ok(())
}

fn print_company(c: &Company) {
    let p = &c.profile;
    let yes = |b: bool| if b { "yes" } else { "no" };
    crate::say!("Company {}", c.id);
    for (label, value) in [
        ("Legal name", p.legal_name.as_str()),
        ("Name in Latin letters", &p.name_latin),
        ("Address", &p.address),
        ("Country", &p.country),
        ("Representative", &p.representative),
        ("Contact", &p.contact_name),
        ("Email", &p.contact_email),
        ("Phone", &p.contact_phone),
        ("NEC supplier code", &p.supplier_code),
        ("Contact at NEC", &p.nec_contact_name),
        ("NEC contact email", &p.nec_contact_email),
        ("Products or services", &p.products),
        ("Sites", &p.sites),
    ] {
        crate::say!("  {label:<22} {value}");
    }
    crate::say!("  {:<22} {}", "Employees", p.employees.map_or("-".into(), |n| n.to_string()));
    crate::say!(
        "  {:<22} construction: {}, chemicals: {}, goods: {}",
        "Work",
        yes(p.does_construction),
        yes(p.handles_chemicals),
        yes(p.supplies_goods)
    );
    for problem in p.problems() {
        crate::say!("  ! {} is {}", problem.field, problem.problem);
    }
}
