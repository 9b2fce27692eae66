//! The maintainers' report: every diagnostic, errors first, then
//! warnings, then notes, each linked to its code.

use serde::Serialize;

use super::{Chrome, Ctx, Pager};
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
    /// `error`, `warning` or `note`, and its label in the page's language.
    severity: &'static str,
    severity_label: &'a str,
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
    let diagnostics = &ctx.checked.diagnostics;
    // What needs doing first: errors, then warnings, then notes, each in
    // the report's order (by file and line).
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(diagnostics[i].severity));
    let rows = order
        .into_iter()
        .skip(p * ctx.settings.page_size.get())
        .take(ctx.settings.page_size.get())
        .map(|i| (&diagnostics[i], &ctx.index.diagnostic_records[i]))
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
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            };
            ReportRow {
                location,
                error: d.severity == Severity::Error,
                severity,
                severity_label: ctx.t(lang, &format!("severity_{severity}")),
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
        pager: Pager::new(
            ctx.settings.page_size,
            total,
            p,
            &page.root,
            &paths::report_page(lang),
            |_| None,
        ),
        page,
    }
}
