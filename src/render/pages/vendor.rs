//! A vendor's pages: every code of the vendor, in one table, or in one
//! table per group when the vendor lists its codes under several; a long
//! list over numbered pages, each with the whole list of groups and pages
//! to jump to.

use serde::Serialize;

use super::{
    Chrome, CodeRow, Columns, Ctx, Pager, code_row, fill, group_anchor, group_label, html_lang,
};
use crate::model::{Lang, Record};
use crate::render::index::Layout;
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
    /// This page's codes, when the vendor gives no groups.
    rows: Vec<CodeRow<'a>>,
    /// Every group, in the order the vendor lists them, linked to the page
    /// its section starts on; empty unless there are two sections or more.
    groups: Vec<GroupLink>,
    /// This page's codes by group.
    sections: Vec<GroupSection<'a>>,
    /// The same columns on every page: those any code of the vendor has.
    columns: Columns,
    /// Every code of the vendor, across its pages.
    total: usize,
    pager: Pager,
    /// The vendor's codes as a spreadsheet.
    csv_href: String,
    /// The vendor's codes as Markdown.
    markdown_href: String,
    /// The codes some release held and the input no longer does.
    removed: Vec<super::history::RemovedRow<'a>>,
}

#[derive(Serialize)]
struct GroupLink {
    href: String,
    label: Option<String>,
    html_lang: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct GroupSection<'a> {
    /// The section's anchor, which code pages link to.
    id: String,
    /// `None` for the codes listed under no group.
    label: Option<String>,
    html_lang: &'static str,
    /// Whether the section began on an earlier page.
    continued: bool,
    rows: Vec<CodeRow<'a>>,
}

impl Page for VendorPage<'_> {
    const TEMPLATE: &'static str = "vendor.html";
}

/// A section's anchor, name and the language of its name.
fn section_head(
    ctx: &Ctx,
    v: usize,
    group: Option<(Lang, usize)>,
    lang: Lang,
) -> (String, Option<String>, &'static str) {
    match group {
        Some((l, at)) => (
            group_anchor(l, at),
            Some(group_label(&ctx.vendor(v).groups.get(l)[at])),
            html_lang(l),
        ),
        None => ("group-none".to_owned(), None, html_lang(lang)),
    }
}

/// Page `p` of vendor `v`'s list in `lang`.
pub(crate) fn vendor<'a>(ctx: &Ctx<'a>, v: usize, lang: Lang, p: usize) -> VendorPage<'a> {
    let vendor = ctx.vendor(v);
    let name = vendor.name.get(lang).as_str();
    let size = ctx.settings.page_size;
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::paged(paths::vendor_page(l, &vendor.id), p),
        fill(ctx.t(lang, "vendor_title"), &[("vendor", name)]),
        fill(ctx.t(lang, "vendor_intro"), &[("vendor", name)]),
        vec![(None, name.to_owned())],
    );
    let layout: &Layout = ctx.index.layouts[v].get(lang);
    let first_page = paths::vendor_page(lang, &vendor.id);
    let on_page = |at: usize| paths::from_root(&page.root, &paths::paged(first_page.clone(), at));
    let shown = p * size.get()..((p + 1) * size.get()).min(layout.order.len());
    let row = |i: usize| code_row(ctx, (v, layout.order[i]), lang, &page.path, false);
    let grouped = layout.sections.len() >= 2;
    let (rows, groups, sections) = if grouped {
        let mut groups = Vec::with_capacity(layout.sections.len());
        let mut sections = Vec::new();
        for (s, &(group, start)) in layout.sections.iter().enumerate() {
            let range = layout.section_range(s);
            let (id, label, html_lang) = section_head(ctx, v, group, lang);
            groups.push(GroupLink {
                href: format!("{}#{id}", on_page(start / size.get())),
                label: label.clone(),
                html_lang,
                count: range.len(),
            });
            let here = range.start.max(shown.start)..range.end.min(shown.end);
            if !here.is_empty() {
                sections.push(GroupSection {
                    id,
                    label,
                    html_lang,
                    continued: range.start < shown.start,
                    rows: here.map(row).collect(),
                });
            }
        }
        (Vec::new(), groups, sections)
    } else {
        (shown.clone().map(row).collect(), Vec::new(), Vec::new())
    };
    let records = &vendor.records;
    VendorPage {
        markdown_href: paths::from_root(&page.root, &paths::vendor_markdown(lang, &vendor.id)),
        // Retired codes close the list, on its last page.
        removed: if p + 1 == size.pages(vendor.records.len()) {
            super::history::removed_rows(ctx, v, lang, &page.root)
        } else {
            Vec::new()
        },
        csv_href: paths::from_root(&page.root, &paths::vendor_csv(&vendor.id)),
        vendor: VendorView {
            name,
            homepage: vendor.homepage.as_deref(),
        },
        columns: columns(records, lang),
        total: records.len(),
        pager: Pager::new(size, records.len(), p, &page.root, &first_page, |i| {
            Some(records[layout.order[i]].code.to_string())
        }),
        rows,
        groups,
        sections,
        page,
    }
}

/// The optional columns any of `records` fills in `lang`, found without
/// making their rows: every page of a vendor has the same columns.
fn columns(records: &[Record], lang: Lang) -> Columns {
    let mut seen = Columns {
        category: true,
        ..Columns::default()
    };
    for record in records {
        seen.name |= record.name.is_some();
        seen.http_status |= !record.http_statuses.is_empty();
        seen.message |= !record.messages.is_empty() || record.translation(lang).is_some();
        if seen.name && seen.http_status && seen.message {
            break;
        }
    }
    seen
}
