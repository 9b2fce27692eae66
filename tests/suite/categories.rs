//! The category rules against seed codes labelled by hand
//! (`tests/fixtures/labelled-categories.toml`), and how many seed codes the
//! rules leave to the default.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use errdocs::model::{Catalog, Category, Record, Vendor};
use errdocs::xref::{Assigned, Categorizer, Reason};
use serde::Deserialize;

use crate::support::manifest_dir;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    label: Vec<Label>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    vendor: String,
    code: String,
    category: Category,
    #[serde(default)]
    note: Option<String>,
}

fn labels() -> Vec<Label> {
    let path = manifest_dir().join("tests/fixtures/labelled-categories.toml");
    let text = std::fs::read_to_string(&path).expect("labelled-categories.toml");
    let fixture: Fixture = toml::from_str(&text).expect("labelled-categories.toml parses");
    fixture.label
}

fn seeds() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| errdocs::ingest::ingest(&manifest_dir().join("input")).catalog)
}

fn find<'a>(catalog: &'a Catalog, vendor: &str, code: &str) -> (&'a Vendor, &'a Record) {
    let v = catalog
        .vendors
        .iter()
        .find(|v| v.id.as_str() == vendor)
        .unwrap_or_else(|| panic!("no vendor {vendor}"));
    let r = v
        .records
        .iter()
        .find(|r| r.code.as_str() == code)
        .unwrap_or_else(|| panic!("no code {vendor}/{code}"));
    (v, r)
}

fn texts(record: &Record) -> String {
    let mut parts: Vec<&str> = record.name.as_deref().into_iter().collect();
    parts.extend(record.messages.iter().map(|m| m.text.as_str()));
    parts.join(" | ")
}

fn why(assigned: &Assigned) -> String {
    match &assigned.reason {
        Reason::Rule { rule, on, matched } => format!("rule {rule} on {on:?} `{matched}`"),
        Reason::Override { file, line } => format!("override {file}:{line}"),
        Reason::Default => "default".to_owned(),
    }
}

#[test]
fn labels_cover_every_seed_vendor() {
    let labels = labels();
    let catalog = seeds();
    assert!(labels.len() >= 80, "only {} labels", labels.len());
    let mut per_vendor: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for label in &labels {
        find(catalog, &label.vendor, &label.code);
        assert!(
            seen.insert((&label.vendor, &label.code)),
            "{}/{} labelled twice",
            label.vendor,
            label.code
        );
        *per_vendor.entry(&label.vendor).or_default() += 1;
    }
    for vendor in &catalog.vendors {
        let n = per_vendor.get(vendor.id.as_str()).copied().unwrap_or(0);
        assert!(n >= 15, "{} has only {n} labels", vendor.id);
    }
}

#[test]
fn rules_agree_with_hand_labels() {
    let labels = labels();
    let catalog = seeds();
    let categorizer = Categorizer::builtin();
    let mut agree = 0;
    for label in &labels {
        let (vendor, record) = find(catalog, &label.vendor, &label.code);
        let assigned = categorizer.assign(vendor, record);
        if assigned.category == label.category {
            agree += 1;
        } else {
            println!(
                "disagree {}/{}: labelled {}, rules say {} ({}); {}{}",
                label.vendor,
                label.code,
                label.category,
                assigned.category,
                why(&assigned),
                texts(record),
                label
                    .note
                    .as_deref()
                    .map(|n| format!("; label note: {n}"))
                    .unwrap_or_default(),
            );
        }
    }
    let total = labels.len();
    println!("agreement: {agree}/{total}");
    assert!(
        agree * 100 >= total * 95,
        "rules agree with only {agree} of {total} hand labels (need 95%)"
    );
}

#[test]
fn rules_leave_few_seed_codes_to_the_default() {
    let catalog = seeds();
    let categorizer = Categorizer::builtin();
    let mut defaulted = Vec::new();
    for vendor in &catalog.vendors {
        let mut counts: BTreeMap<Category, usize> = BTreeMap::new();
        for record in &vendor.records {
            let assigned = categorizer.assign(vendor, record);
            *counts.entry(assigned.category).or_default() += 1;
            if assigned.reason == Reason::Default {
                defaulted.push(format!("{}/{}: {}", vendor.id, record.code, texts(record)));
            }
        }
        let counts: Vec<String> = counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!("{}: {}", vendor.id, counts.join(", "));
    }
    for line in &defaulted {
        println!("default: {line}");
    }
    let total = catalog.code_count();
    println!("unknown by default: {}/{total}", defaulted.len());
    assert!(
        defaulted.len() * 10 <= total,
        "{} of {total} seed codes matched no rule (at most 10% may)",
        defaulted.len()
    );
}
