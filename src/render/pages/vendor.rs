//! A vendor's page: every code of the vendor, in one table, or in one table
//! per group when the vendor lists its codes under several.

use serde::Serialize;

use super::{
    Chrome, CodeRow, Columns, Ctx, code_row, fill, group_anchor, group_label, group_of, html_lang,
};
use crate::model::Lang;
use crate::render::paths;
use crate::render::view::Page;

#[derive(Serialize)]
struct VendorView<'a> {
    name: &'a str,
    homepage: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct VendorPage<'a> {
    page: Chrome<'a>,
    vendor: VendorView<'a>,
    /// Every code, when the vendor gives no groups.
    rows: Vec<CodeRow<'a>>,
    /// The codes by group, in the order the vendor lists the groups; empty
    /// unless there are two sections or more.
    groups: Vec<GroupSection<'a>>,
    /// The same columns in every section: those any code of the vendor has.
    columns: Columns,
    /// The vendor's codes as a spreadsheet.
    csv_href: String,
    /// The vendor's codes as Markdown.
    markdown_href: String,
    /// The codes some release held and the input no longer does.
    removed: Vec<super::history::RemovedRow<'a>>,
}

#[derive(Serialize)]
struct GroupSection<'a> {
    /// The section's anchor, which code pages link to.
    id: String,
    /// `None` for the codes listed under no group.
    label: Option<String>,
    html_lang: &'static str,
    rows: Vec<CodeRow<'a>>,
}

impl Page for VendorPage<'_> {
    const TEMPLATE: &'static str = "vendor.html";
}

pub(crate) fn vendor<'a>(ctx: &Ctx<'a>, v: usize, lang: Lang) -> VendorPage<'a> {
    let vendor = ctx.vendor(v);
    let name = vendor.name.get(lang).as_str();
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::vendor_page(l, &vendor.id),
        fill(ctx.t(lang, "vendor_title"), &[("vendor", name)]),
        fill(ctx.t(lang, "vendor_intro"), &[("vendor", name)]),
        vec![(None, name.to_owned())],
    );
    // Sections in the vendor's order: its groups in this language, then
    // those of codes grouped only in the other, then the ungrouped codes.
    let mut sections: Vec<GroupSection> = [lang, lang.other()]
        .into_iter()
        .flat_map(|l| {
            vendor
                .groups
                .get(l)
                .iter()
                .enumerate()
                .map(move |(i, path)| GroupSection {
                    id: group_anchor(l, i),
                    label: Some(group_label(path)),
                    html_lang: html_lang(l),
                    rows: Vec::new(),
                })
        })
        .collect();
    let mut ungrouped = GroupSection {
        id: "group-none".to_owned(),
        label: None,
        html_lang: html_lang(lang),
        rows: Vec::new(),
    };
    let mut rows = Vec::new();
    // The other language's sections come after this one's.
    let offset = |l: Lang| {
        if l == lang {
            0
        } else {
            vendor.groups.get(lang).len()
        }
    };
    for r in 0..vendor.records.len() {
        let row = code_row(ctx, (v, r), lang, &page.root, false);
        let section = group_of(ctx, (v, r), lang)
            .and_then(|group| sections.get_mut(offset(group.lang) + group.at));
        match section {
            Some(section) => section.rows.push(row),
            None => ungrouped.rows.push(row),
        }
    }
    sections.retain(|s| !s.rows.is_empty());
    if !ungrouped.rows.is_empty() {
        sections.push(ungrouped);
    }
    let columns = Columns::of(sections.iter().flat_map(|s| &s.rows));
    if sections.len() < 2 {
        rows = sections.into_iter().flat_map(|s| s.rows).collect();
        sections = Vec::new();
    }
    VendorPage {
        markdown_href: paths::from_root(&page.root, &paths::vendor_markdown(lang, &vendor.id)),
        removed: super::history::removed_rows(ctx, v, lang, &page.root),
        csv_href: paths::from_root(&page.root, &paths::vendor_csv(&vendor.id)),
        vendor: VendorView {
            name,
            homepage: vendor.homepage.as_deref(),
        },
        rows,
        groups: sections,
        columns,
        page,
    }
}
