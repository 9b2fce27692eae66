//! `changes.atom`: the changes page as an Atom 1.0 feed (RFC 4287), one
//! entry per release and vendor, newest first, each listing the codes
//! added, changed and removed with links to their pages.
//!
//! An Atom feed's ids and a feed reader's links must be absolute, so the
//! feed is written only when the build knows its base URL (like the
//! sitemap), and only once there is a release. It is in English, linking
//! the English pages. Its dates are the release files' dates, never the
//! clock: the changes not yet released are an entry dated like the last
//! release, with an id of its own (`…#unreleased-<vendor>`), so the same
//! input always writes the same bytes.
//!
//! The feed is a few dozen lines of markup, written here with every text
//! escaped; a feed crate would bring a model of the whole format (and its
//! XML writer) for that.

use std::fmt::Write as _;

use super::context::Ctx;
use super::index::Index;
use super::paths::{self, BaseUrl};
use crate::history::Entry;
use crate::model::Lang;

const LANG: Lang = Lang::En;

/// Text as XML character data or an attribute value: the five special
/// characters escaped, and the characters XML 1.0 does not allow at all
/// (C0 controls but tab and newlines, U+FFFE, U+FFFF) left out.
pub(crate) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(text, &mut out);
    out
}

/// `2026-01-01T00:00:00Z` for a release's `2026-01-01`.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

pub(crate) fn write_feed(ctx: &Ctx, out: &mut Vec<u8>) {
    let base = ctx
        .base_url
        .expect("the feed is planned only with a base URL");
    out.extend_from_slice(feed(ctx, ctx.index, base).as_bytes());
}

fn feed(ctx: &Ctx, index: &Index, base: &BaseUrl) -> String {
    let timeline = &index.timeline;
    let releases = &timeline.history.releases;
    let latest = releases.last().map_or("1970-01-01", |r| r.date.as_str());
    let changes_page = base.join(&paths::changes_page(LANG));
    let title = format!(
        "{} · {}",
        ctx.t(LANG, "changes_title"),
        ctx.t(LANG, "site_title")
    );
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    let self_url = base.join(paths::CHANGES_FEED);
    let _ = writeln!(xml, "  <id>{}</id>", escaped(&self_url));
    let _ = writeln!(xml, "  <title>{}</title>", escaped(&title));
    let _ = writeln!(xml, "  <updated>{}</updated>", timestamp(latest));
    let _ = writeln!(
        xml,
        "  <author><name>{}</name></author>",
        escaped(ctx.t(LANG, "site_title"))
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escaped(&self_url)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escaped(&changes_page)
    );
    xml.push_str("  <generator>errdocs</generator>\n");
    for k in (0..timeline.steps.len()).rev() {
        let step = &timeline.steps[k];
        let (old, new) = timeline.around(k);
        let (name, date) = match timeline.release(k) {
            Some(release) => (
                super::pages::fill(
                    ctx.t(LANG, "release_name"),
                    &[("release", &release.label), ("date", &release.date)],
                ),
                release.date.as_str(),
            ),
            None => (
                super::pages::fill(
                    ctx.t(LANG, "unreleased_heading"),
                    &[("release", releases.last().map_or("", |r| &r.label))],
                ),
                latest,
            ),
        };
        let step_id = super::pages::step_id(timeline, k);
        for changes in &step.changes {
            let vendor = ctx
                .checked
                .catalog
                .vendors
                .iter()
                .find(|v| v.id == changes.vendor)
                .map_or(changes.vendor.as_str(), |v| v.name.get(LANG).as_str());
            let count = |n: usize| n.to_string();
            let summary = super::pages::fill(
                ctx.t(LANG, "changes_summary"),
                &[
                    ("added", &count(changes.added.len())),
                    ("changed", &count(changes.changed.len())),
                    ("removed", &count(changes.removed.len())),
                ],
            );
            let mut html = String::new();
            let mut list = |key: &str, len: usize, entries: &mut dyn Iterator<Item = &Entry>| {
                if len == 0 {
                    return;
                }
                let _ = write!(html, "<h3>{}</h3><ul>", escaped(ctx.t(LANG, key)));
                for entry in entries.take(super::pages::LIST_LIMIT) {
                    let page = paths::code_page(LANG, &entry.vendor, &entry.code, &index.names);
                    let _ = write!(
                        html,
                        "<li><a href=\"{}\">{}</a></li>",
                        escaped(&base.join(&page)),
                        escaped(entry.code.as_str())
                    );
                }
                html.push_str("</ul>");
                if len > super::pages::LIST_LIMIT {
                    let more = super::pages::fill(
                        ctx.t(LANG, "changes_more"),
                        &[("count", &(len - super::pages::LIST_LIMIT).to_string())],
                    );
                    let _ = write!(html, "<p>{}</p>", escaped(&more));
                }
            };
            list(
                "changes_added",
                changes.added.len(),
                &mut changes.added.iter().map(|&i| &new[i]),
            );
            list(
                "changes_changed",
                changes.changed.len(),
                &mut changes.changed.iter().map(|(_, i, _)| &new[*i]),
            );
            list(
                "changes_removed",
                changes.removed.len(),
                &mut changes.removed.iter().map(|&i| &old[i]),
            );
            let id = format!("{step_id}-{}", changes.vendor);
            xml.push_str("  <entry>\n");
            let _ = writeln!(
                xml,
                "    <id>{}</id>",
                escaped(&format!("{changes_page}#{id}"))
            );
            let _ = writeln!(
                xml,
                "    <title>{}</title>",
                escaped(&format!("{vendor}: {name} — {summary}"))
            );
            let _ = writeln!(xml, "    <updated>{}</updated>", timestamp(date));
            let _ = writeln!(
                xml,
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
                escaped(&format!("{changes_page}#{step_id}"))
            );
            let _ = writeln!(xml, "    <summary>{}</summary>", escaped(&summary));
            let _ = writeln!(
                xml,
                "    <content type=\"html\">{}</content>",
                escaped(&html)
            );
            xml.push_str("  </entry>\n");
        }
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_what_xml_forbids_is_left_out() {
        assert_eq!(
            escaped("a<b>&\"c'\u{1}\u{FFFF}\t"),
            "a&lt;b&gt;&amp;&quot;c&apos;\t"
        );
    }
}
