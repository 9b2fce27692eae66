//! The catalog for tools and language models: `/llms.txt` after the
//! llmstxt.org convention (`# title`, `> description`, then a list of
//! links per language) and `/{lang}/<vendor>.md`, one Markdown table of
//! a vendor's codes per language: code, name, HTTP status, meaning, what
//! to do and the code's page.
//!
//! One file per vendor, not per code: a catalog of 10⁵ codes adds a few
//! files, not 10⁵ more. Links are absolute with a base URL and relative
//! (to the file holding them) without one. Every vendor text is escaped so
//! that it reads as the text it is: a `|` never ends a cell, a `*` never
//! starts emphasis, and a line break in a cell becomes a space.

use std::fmt::Write as _;

use super::context::Ctx;
use super::paths;
use crate::model::{Lang, Record, TextField};

/// `text` as Markdown that renders as `text` itself, on one line: every
/// character CommonMark or a GFM table gives a meaning to is
/// backslash-escaped, and line breaks become spaces.
pub(crate) fn escape(text: &str, out: &mut String) {
    let mut space = false;
    for c in text.chars() {
        if matches!(c, '\n' | '\r') {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(text.trim(), &mut out);
    out
}

/// A link's destination: the absolute URL with a base URL, else the path
/// relative to the file at `from` (site-root-relative) linking it. Paths
/// of the site need no escaping; a base URL may hold parentheses, which
/// would end the destination.
fn href(ctx: &Ctx, from: &str, path: &str) -> String {
    match ctx.base_url {
        Some(base) => base.join(path).replace('(', "%28").replace(')', "%29"),
        None => paths::from_root(&paths::root_of(from), path),
    }
}

pub(crate) fn write_llms_txt(ctx: &Ctx, out: &mut Vec<u8>) {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", escaped(ctx.t(Lang::En, "site_title")));
    let _ = writeln!(md, "> {}\n", escaped(ctx.t(Lang::En, "site_tagline")));
    let _ = writeln!(md, "{}\n", escaped(ctx.t(Lang::En, "llms_intro")));
    let catalog = &ctx.checked.catalog;
    for lang in Lang::ALL {
        let _ = writeln!(md, "## {}\n", escaped(ctx.t(lang, "language_name")));
        for vendor in &catalog.vendors {
            let count = vendor.records.len();
            let key = if count == 1 {
                "code_count_one"
            } else {
                "code_count"
            };
            let _ = writeln!(
                md,
                "- [{}]({}): {}",
                escaped(vendor.name.get(lang)),
                href(
                    ctx,
                    paths::LLMS_TXT,
                    &paths::vendor_markdown(lang, &vendor.id)
                ),
                super::pages::fill(ctx.t(lang, key), &[("count", &count.to_string())]),
            );
        }
        md.push('\n');
    }
    let _ = writeln!(md, "## Optional\n");
    let _ = writeln!(
        md,
        "- [codes.json]({}): {}",
        href(ctx, paths::LLMS_TXT, "api/codes.json"),
        escaped(ctx.t(Lang::En, "llms_codes_json")),
    );
    out.extend_from_slice(md.as_bytes());
}

/// A record's text of `field` as a page in `lang` shows it first: the
/// vendor's own, else the team's translation, else the vendor's text in
/// the other language, marked.
fn text(ctx: &Ctx, record: &Record, field: TextField, lang: Lang) -> String {
    let own = match field {
        TextField::Message => record.message(lang),
        TextField::Solution => record.solution(lang),
        TextField::Description => None,
    };
    if let Some(own) = own {
        return escaped(own);
    }
    if let Some(t) = record.translation_of(field, lang) {
        return escaped(&t.text);
    }
    let other = match field {
        TextField::Message => record.message(lang.other()),
        TextField::Solution => record.solution(lang.other()),
        TextField::Description => None,
    };
    other.map_or_else(String::new, |text| {
        format!("{} ({})", escaped(text), ctx.t(lang, "fallback_tag"))
    })
}

pub(crate) fn write_vendor_markdown(ctx: &Ctx, v: usize, lang: Lang, out: &mut Vec<u8>) {
    let vendor = ctx.vendor(v);
    let name = vendor.name.get(lang).as_str();
    let file = paths::vendor_markdown(lang, &vendor.id);
    let names = &ctx.index.names;
    let fill = super::pages::fill;
    let mut md = String::with_capacity(256 * vendor.records.len() + 1024);
    let _ = writeln!(
        md,
        "# {}\n",
        escaped(&fill(ctx.t(lang, "vendor_title"), &[("vendor", name)]))
    );
    let _ = writeln!(
        md,
        "{} [{}]({})\n",
        escaped(&fill(ctx.t(lang, "vendor_intro"), &[("vendor", name)])),
        escaped(ctx.t(lang, "page")),
        href(ctx, &file, &paths::vendor_page(lang, &vendor.id)),
    );
    let headers = ["code", "name", "http_status", "message", "solution", "page"];
    let cells: Vec<String> = headers.iter().map(|k| escaped(ctx.t(lang, k))).collect();
    let _ = writeln!(md, "| {} |", cells.join(" | "));
    let _ = writeln!(md, "|{}", " --- |".repeat(headers.len()));
    for record in &vendor.records {
        let page = paths::code_page(lang, &vendor.id, &record.code, names);
        let statuses: Vec<String> = record.http_statuses.iter().map(|s| s.to_string()).collect();
        let link = href(ctx, &file, &page);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | [{}]({}) |",
            escaped(record.code.as_str()),
            record.name.as_deref().map(escaped).unwrap_or_default(),
            statuses.join(", "),
            text(ctx, record, TextField::Message, lang),
            text(ctx, record, TextField::Solution, lang),
            escaped(&link),
            link,
        );
    }
    let timeline = &ctx.index.timeline;
    let retired: Vec<_> = timeline
        .tombstones
        .iter()
        .map(|t| timeline.tombstone_entry(t))
        .filter(|e| e.vendor == vendor.id)
        .collect();
    if !retired.is_empty() {
        let _ = writeln!(md, "\n## {}\n", escaped(ctx.t(lang, "removed_codes")));
        for entry in retired {
            let page = paths::code_page(lang, &vendor.id, &entry.code, names);
            let link = href(ctx, &file, &page);
            let _ = writeln!(md, "- [{}]({})", escaped(entry.code.as_str()), link);
        }
    }
    out.extend_from_slice(md.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_in_a_cell_reads_as_the_text_it_is() {
        assert_eq!(
            escaped("a|b *c* _d_ [e](f) <g>\nh `i` \\"),
            "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> h \\`i\\` \\\\"
        );
    }
}
