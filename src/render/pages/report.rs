//! The maintainers' report: every diagnostic, linked to its code.

use serde::Serialize;

use super::{Chrome, Ctx, PAGE_SIZE, Pager};
use crate::diagnostic::Severity;
use crate::model::Lang;
use crate::render::paths;
use crate::render::view::Page;

#[derive(Serialize)]
pub(crate) struct ReportPage<'a> {
    page: Chrome<'a>,
    /// Every finding, across the report's pages.
    total: usize,
    rows: Vec<ReportRow<'a>>,
    pager: Pager,
}

impl Page for ReportPage<'_> {
    const TEMPLATE: &'static str = "report.html";
}

#[derive(Serialize)]
struct ReportRow<'a> {
    location: String,
    error: bool,
    kind: &'static str,
    label: &'a str,
    message: &'a str,
    href: Option<String>,
    code: Option<&'a str>,
}

pub(crate) fn report<'a>(
    ctx: &Ctx<'a>,
    lang: Lang,
    p: usize,
    input: &std::path::Path,
) -> ReportPage<'a> {
    let heading = ctx.t(lang, "report").to_owned();
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::paged(paths::report_page(l), p),
        heading.clone(),
        ctx.t(lang, "report_intro").to_owned(),
        vec![(None, heading)],
    );
    let rows = ctx
        .checked
        .diagnostics
        .iter()
        .zip(&ctx.index.diagnostic_records)
        .skip(p * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(d, at)| {
            let file = d
                .path
                .strip_prefix(input)
                .unwrap_or(&d.path)
                .to_string_lossy()
                .replace('\\', "/");
            let location = match d.line {
                Some(line) => format!("{file}:{line}"),
                None => file,
            };
            let record = at.map(|at| (ctx.vendor(at.0), ctx.record(at)));
            ReportRow {
                location,
                error: d.severity == Severity::Error,
                kind: d.kind.as_str(),
                label: ctx.kind_label(lang, d.kind),
                message: &d.message,
                href: record.map(|(v, r)| {
                    paths::from_root(
                        &page.root,
                        &paths::code_page(lang, &v.id, &r.code, &ctx.index.names),
                    )
                }),
                code: record.map(|(_, r)| r.code.as_str()),
            }
        })
        .collect();
    let total = ctx.checked.diagnostics.len();
    ReportPage {
        total,
        rows,
        pager: Pager::new(total, p, &page.root, &paths::report_page(lang)),
        page,
    }
}
