//! The site for machines: `api/codes.json` with the whole model, each
//! code's entry of it on its own at `api/<vendor>/<code>.json`, and each
//! vendor's codes as a spreadsheet at `api/<vendor>.csv`.

use serde::Serialize;

use super::context::Ctx;
use super::paths;
use crate::model::{Bilingual, Category, Extra, Lang, Message, SourceRef, Translation};
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
    /// The sections the vendor lists its codes under, in its order.
    groups: &'a Bilingual<Vec<Vec<String>>>,
}

#[derive(Serialize)]
struct ApiCode<'a> {
    /// The code's page as a URI, for the `type` of an RFC 9457 problem
    /// document: absolute with a base URL, else site-relative.
    r#type: String,
    vendor: &'a str,
    code: &'a str,
    name: Option<&'a str>,
    http_status: Option<u16>,
    /// Every status the code is returned with; `http_status` is the first.
    http_statuses: Vec<u16>,
    /// The vendor's first text in each language.
    message: Bilingual<Option<&'a str>>,
    /// The vendor's first explanation apart from the message, in each
    /// language.
    description: Bilingual<Option<&'a str>>,
    /// What the vendor says to do, first text in each language.
    solution: Bilingual<Option<&'a str>>,
    /// The section the code is listed under, outermost first.
    group: Bilingual<Option<&'a [String]>>,
    /// Columns no header word names, as the vendor headed them.
    extra: &'a [Extra],
    /// `message`, `description` and `solution` with the vendor's inline
    /// markup as sanitised HTML; present only where a text has markup.
    #[serde(skip_serializing_if = "no_html")]
    message_html: Bilingual<Option<&'a str>>,
    #[serde(skip_serializing_if = "no_html")]
    description_html: Bilingual<Option<&'a str>>,
    #[serde(skip_serializing_if = "no_html")]
    solution_html: Bilingual<Option<&'a str>>,
    /// The documentation team's reviewed translations, where the vendor
    /// gave no text in a language; never the vendor's words.
    translation: Bilingual<Option<&'a str>>,
    /// Every reviewed translation, of the message, the description or the
    /// solution, with where it is written.
    translations: &'a [Translation],
    /// An editor's note where the vendor's text is wrong.
    note: Option<&'a Bilingual<String>>,
    /// Every text, when the vendor gave more than one in a language.
    messages: &'a [Message],
    /// Every explanation and every suggested action, with their sources.
    descriptions: &'a [Message],
    solutions: &'a [Message],
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

fn api_vendor<'a>(ctx: &Ctx<'a>, v: usize) -> ApiVendor<'a> {
    let vendor = ctx.vendor(v);
    ApiVendor {
        id: vendor.id.as_str(),
        name: &vendor.name,
        count: vendor.records.len(),
        groups: &vendor.groups,
    }
}

/// `vendors` and their codes, as `codes.json` holds them.
fn write_api(
    ctx: &Ctx,
    vendors: &[usize],
    out: &mut impl std::io::Write,
) -> serde_json::Result<()> {
    let catalog = &ctx.checked.catalog;
    let mut codes = Vec::new();
    for &v in vendors {
        codes.extend((0..catalog.vendors[v].records.len()).map(|r| api_code(ctx, v, r)));
    }
    let vendors = vendors.iter().map(|&v| api_vendor(ctx, v)).collect();
    serde_json::to_writer(out, &Api { vendors, codes })
}

pub(crate) fn write_codes_json(ctx: &Ctx, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    let catalog = &ctx.checked.catalog;
    // The file grows with the catalog (~1 KiB a code): doubling the buffer
    // up to it would copy it a dozen times and fault in fresh memory each
    // time. Reserved pages cost nothing until written, so reserve plenty.
    out.reserve(catalog.code_count() * 2048);
    let all: Vec<usize> = (0..catalog.vendors.len()).collect();
    write_api(ctx, &all, out)
}

/// `api/<vendor>.json`: `codes.json` with that vendor alone.
pub(crate) fn write_vendor_json(
    ctx: &Ctx,
    v: usize,
    out: &mut Vec<u8>,
) -> Result<(), serde_json::Error> {
    out.reserve(ctx.vendor(v).records.len() * 2048);
    write_api(ctx, &[v], out)
}

/// Counts what is written, and keeps none of it.
#[derive(Default)]
struct Count(usize);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[derive(Serialize)]
struct ApiIndex<'a> {
    /// `codes.json`, when the site has it.
    all: Option<ApiFileRef>,
    vendors: Vec<ApiIndexVendor<'a>>,
}

#[derive(Serialize)]
struct ApiFileRef {
    /// Relative to `api/`.
    file: String,
    bytes: usize,
    count: usize,
}

#[derive(Serialize)]
struct ApiIndexVendor<'a> {
    id: &'a str,
    name: &'a Bilingual<String>,
    count: usize,
    /// The vendor's `codes.json`, relative to `api/`.
    file: String,
    bytes: usize,
    /// The same codes as a spreadsheet.
    csv: String,
}

/// `api/index.json`: each vendor's file, its size and its codes, and
/// `codes.json` if it is written. The sizes are those of the files these
/// same functions write.
pub(crate) fn write_api_index(ctx: &Ctx, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    let catalog = &ctx.checked.catalog;
    let vendors = (0..catalog.vendors.len())
        .map(|v| {
            let mut count = Count::default();
            write_api(ctx, &[v], &mut count)?;
            let vendor = ctx.vendor(v);
            let file = |path: String| path.trim_start_matches("api/").to_owned();
            Ok(ApiIndexVendor {
                id: vendor.id.as_str(),
                name: &vendor.name,
                count: vendor.records.len(),
                file: file(paths::vendor_json(&vendor.id)),
                bytes: count.0,
                csv: file(paths::vendor_csv(&vendor.id)),
            })
        })
        .collect::<serde_json::Result<Vec<_>>>()?;
    let all = if catalog.code_count() <= ctx.settings.api_all_codes_max() {
        let mut count = Count::default();
        let every: Vec<usize> = (0..catalog.vendors.len()).collect();
        write_api(ctx, &every, &mut count)?;
        Some(ApiFileRef {
            file: paths::CODES_JSON.trim_start_matches("api/").to_owned(),
            bytes: count.0,
            count: catalog.code_count(),
        })
    } else {
        None
    };
    serde_json::to_writer_pretty(out, &ApiIndex { all, vendors })
}

/// `api/<vendor>/<code>.json`: the code's entry of `codes.json`, alone.
pub(crate) fn write_code_json(
    ctx: &Ctx,
    v: usize,
    r: usize,
    out: &mut Vec<u8>,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer(out, &api_code(ctx, v, r))
}

fn api_code<'a>(ctx: &Ctx<'a>, v: usize, r: usize) -> ApiCode<'a> {
    let catalog = &ctx.checked.catalog;
    let xref = &ctx.checked.xref;
    let vendor = &catalog.vendors[v];
    let record = &vendor.records[r];
    let assigned = &xref.categories[v][r];
    let page = paths::code_page(Lang::En, &vendor.id, &record.code, &ctx.index.names);
    ApiCode {
        r#type: match ctx.base_url {
            Some(base) => base.join(&page),
            None => page,
        },
        vendor: vendor.id.as_str(),
        code: record.code.as_str(),
        name: record.name.as_deref(),
        http_status: record.http_status().map(|s| s.get()),
        http_statuses: record.http_statuses.iter().map(|s| s.get()).collect(),
        message: Bilingual {
            en: record.message(Lang::En),
            zh: record.message(Lang::Zh),
        },
        description: Bilingual {
            en: record.description(Lang::En),
            zh: record.description(Lang::Zh),
        },
        solution: Bilingual {
            en: record.solution(Lang::En),
            zh: record.solution(Lang::Zh),
        },
        group: Bilingual {
            en: Some(record.group.en.as_slice()).filter(|g| !g.is_empty()),
            zh: Some(record.group.zh.as_slice()).filter(|g| !g.is_empty()),
        },
        extra: &record.extra,
        message_html: first_html(&record.messages),
        description_html: first_html(&record.descriptions),
        solution_html: first_html(&record.solutions),
        translation: Bilingual {
            en: record.translation(Lang::En).map(|t| t.text.as_str()),
            zh: record.translation(Lang::Zh).map(|t| t.text.as_str()),
        },
        translations: &record.translations,
        note: record.note.as_ref().map(|n| &n.text),
        messages: &record.messages,
        descriptions: &record.descriptions,
        solutions: &record.solutions,
        sources_disagree: record.sources_disagree(),
        sources: &record.sources,
        url: Bilingual {
            en: paths::code_page(Lang::En, &vendor.id, &record.code, &ctx.index.names),
            zh: paths::code_page(Lang::Zh, &vendor.id, &record.code, &ctx.index.names),
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
            .diagnostics_of((v, r))
            .map(|d| ApiDiagnostic {
                kind: d.kind.as_str(),
                message: &d.message,
                line: d.line,
            })
            .collect(),
    }
}

/// The markup of the first text in each language, which the plain fields
/// beside it give.
fn first_html(texts: &[Message]) -> Bilingual<Option<&str>> {
    let html = |lang: Lang| {
        texts
            .iter()
            .find(|m| m.lang == lang)
            .and_then(|m| m.html.as_deref())
    };
    Bilingual {
        en: html(Lang::En),
        zh: html(Lang::Zh),
    }
}

fn no_html(html: &Bilingual<Option<&str>>) -> bool {
    html.en.is_none() && html.zh.is_none()
}

/// The columns of a vendor's CSV file.
const CSV_HEADER: [&str; 7] = [
    "vendor",
    "code",
    "name",
    "http_status",
    "category",
    "message_en",
    "message_zh",
];

/// `api/<vendor>.csv`: one row per code, RFC 4180 (CRLF line ends, fields
/// quoted when they hold a comma, quote or line break), UTF-8 with a byte
/// order mark so that Excel shows the Chinese texts. Each message is the
/// vendor's first text in that language, as in `codes.json`.
pub(crate) fn write_vendor_csv(ctx: &Ctx, v: usize, out: &mut Vec<u8>) {
    let vendor = &ctx.checked.catalog.vendors[v];
    out.extend_from_slice("\u{feff}".as_bytes());
    csv_row(out, CSV_HEADER);
    for (r, record) in vendor.records.iter().enumerate() {
        let status = record
            .http_status()
            .map(|s| s.to_string())
            .unwrap_or_default();
        csv_row(
            out,
            [
                vendor.id.as_str(),
                record.code.as_str(),
                record.name.as_deref().unwrap_or(""),
                &status,
                ctx.checked.xref.categories[v][r].category.as_str(),
                record.message(Lang::En).unwrap_or(""),
                record.message(Lang::Zh).unwrap_or(""),
            ],
        );
    }
}

/// One CSV record. Writing RFC 4180 takes only this quoting rule, so it is
/// not worth the `csv` crate as a dependency. A field that a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, as OWASP advises against CSV
/// injection: vendor text is shown, never run.
fn csv_row<const N: usize>(out: &mut Vec<u8>, fields: [&str; N]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let defused;
        let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            defused = format!("'{field}");
            defused.as_str()
        } else {
            field
        };
        if field.contains([',', '"', '\r', '\n']) {
            out.push(b'"');
            out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        let mut out = Vec::new();
        csv_row(
            &mut out,
            ["400001", "a, b", "say \"hi\"", "two\nlines", "参数错误"],
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "400001,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",参数错误\r\n"
        );
    }

    #[test]
    fn csv_fields_a_spreadsheet_would_run_are_defused() {
        let mut out = Vec::new();
        csv_row(
            &mut out,
            ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "a=b", "\tx"],
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-1,'@SUM(A1),a=b,'\tx\r\n"
        );
    }
}
