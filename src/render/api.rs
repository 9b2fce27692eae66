//! `api/codes.json`: the whole model for machines.

use serde::Serialize;

use super::pages::Ctx;
use super::paths;
use crate::model::{Bilingual, Category, Lang, Message, SourceRef};
use crate::xref::{Reason, category::RuleTarget};

#[derive(Serialize)]
struct Api<'a> {
    vendors: Vec<ApiVendor<'a>>,
    codes: Vec<ApiCode<'a>>,
}

#[derive(Serialize)]
struct ApiVendor<'a> {
    id: &'a str,
    name: &'a Bilingual<String>,
    count: usize,
}

#[derive(Serialize)]
struct ApiCode<'a> {
    vendor: &'a str,
    code: &'a str,
    name: Option<&'a str>,
    http_status: Option<u16>,
    /// The vendor's first text in each language.
    message: Bilingual<Option<&'a str>>,
    /// Every text, when the vendor gave more than one in a language.
    messages: &'a [Message],
    /// Whether two sources give different texts in one language.
    sources_disagree: bool,
    sources: &'a [SourceRef],
    url: Bilingual<String>,
    category: ApiCategory<'a>,
    related: Vec<ApiRef<'a>>,
    diagnostics: Vec<ApiDiagnostic<'a>>,
}

#[derive(Serialize)]
struct ApiCategory<'a> {
    id: Category,
    reason: ApiReason<'a>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum ApiReason<'a> {
    Override {
        file: &'a str,
        line: usize,
    },
    Rule {
        rule: &'a str,
        on: &'static str,
        matched: &'a str,
    },
    Default,
}

#[derive(Serialize)]
struct ApiRef<'a> {
    vendor: &'a str,
    code: &'a str,
}

#[derive(Serialize)]
struct ApiDiagnostic<'a> {
    kind: &'static str,
    message: &'a str,
    line: Option<usize>,
}

pub(crate) fn write_codes_json(ctx: &Ctx, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    let catalog = &ctx.checked.catalog;
    let xref = &ctx.checked.xref;
    let vendors = catalog
        .vendors
        .iter()
        .map(|v| ApiVendor {
            id: v.id.as_str(),
            name: &v.name,
            count: v.records.len(),
        })
        .collect();
    let mut codes = Vec::with_capacity(catalog.code_count());
    for (v, vendor) in catalog.vendors.iter().enumerate() {
        for (r, record) in vendor.records.iter().enumerate() {
            let assigned = &xref.categories[v][r];
            codes.push(ApiCode {
                vendor: vendor.id.as_str(),
                code: record.code.as_str(),
                name: record.name.as_deref(),
                http_status: record.http_status.map(|s| s.get()),
                message: Bilingual {
                    en: record.message(Lang::En),
                    zh: record.message(Lang::Zh),
                },
                messages: &record.messages,
                sources_disagree: record.sources_disagree(),
                sources: &record.sources,
                url: Bilingual {
                    en: paths::code_page(Lang::En, &vendor.id, &record.code),
                    zh: paths::code_page(Lang::Zh, &vendor.id, &record.code),
                },
                category: ApiCategory {
                    id: assigned.category,
                    reason: api_reason(&assigned.reason),
                },
                related: xref.related[v][r]
                    .iter()
                    .map(|rel| {
                        let other = &catalog.vendors[rel.vendor];
                        ApiRef {
                            vendor: other.id.as_str(),
                            code: other.records[rel.record].code.as_str(),
                        }
                    })
                    .collect(),
                diagnostics: ctx
                    .index
                    .record_diagnostics
                    .get(&(v, r))
                    .into_iter()
                    .flatten()
                    .map(|&i| {
                        let d = &ctx.checked.diagnostics[i];
                        ApiDiagnostic {
                            kind: d.kind.as_str(),
                            message: &d.message,
                            line: d.line,
                        }
                    })
                    .collect(),
            });
        }
    }
    serde_json::to_writer(out, &Api { vendors, codes })
}

fn api_reason(reason: &Reason) -> ApiReason<'_> {
    match reason {
        Reason::Override { file, line } => ApiReason::Override { file, line: *line },
        Reason::Rule { rule, on, matched } => ApiReason::Rule {
            rule,
            on: match on {
                RuleTarget::Name => "name",
                RuleTarget::Message => "message",
                RuleTarget::HttpStatus => "http_status",
            },
            matched,
        },
        Reason::Default => ApiReason::Default,
    }
}
