//! A vendor's page: every code of the vendor in one table.

use serde::Serialize;

use super::{Chrome, CodeRow, Ctx, code_row, fill};
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
    rows: Vec<CodeRow<'a>>,
    /// The vendor's codes as a spreadsheet.
    csv_href: String,
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
    let rows = (0..vendor.records.len())
        .map(|r| code_row(ctx, (v, r), lang, &page.root, false))
        .collect();
    VendorPage {
        csv_href: paths::from_root(&page.root, &paths::vendor_csv(&vendor.id)),
        vendor: VendorView {
            name,
            homepage: vendor.homepage.as_deref(),
        },
        rows,
        page,
    }
}
