//! The inline markup of a table cell, kept as sanitised HTML beside its
//! plain text: links, inline code and emphasis, which carry meaning in a
//! vendor's text (`[rate limits](https://…)`, `` `zone` ``).
//!
//! The HTML is written here, from the parser's events, never copied from
//! the source: every text is escaped, only `<a href>`, `<code>`, `<em>` and
//! `<strong>` are made, and a link keeps its target only when that is an
//! `http`, `https` or `mailto` URL. A relative link points into the
//! vendor's own site, which the published site does not hold, and any
//! other scheme (`javascript:`, `data:`) is never followed; both keep
//! their text and lose the link.

use pulldown_cmark::{Event, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// One cell's markup as it is read.
#[derive(Debug, Default)]
pub(crate) struct Inline {
    html: String,
    /// Whether any markup was made, so a plain cell keeps no HTML.
    marked: bool,
    /// For each open link, whether its `<a>` was written.
    links: Vec<bool>,
}

impl Inline {
    /// Takes in one event of the cell; `false` for an event that is no
    /// inline markup or text.
    pub(crate) fn see(&mut self, event: &Event) -> bool {
        match event {
            Event::Text(t) => self.text(t),
            Event::Code(t) => {
                self.html.push_str("<code>");
                self.text(t);
                self.html.push_str("</code>");
                self.marked = true;
            }
            Event::InlineHtml(_) | Event::SoftBreak | Event::HardBreak => self.html.push(' '),
            Event::Start(Tag::Emphasis) => self.open("<em>"),
            Event::End(TagEnd::Emphasis) => self.html.push_str("</em>"),
            Event::Start(Tag::Strong) => self.open("<strong>"),
            Event::End(TagEnd::Strong) => self.html.push_str("</strong>"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let safe = is_safe_url(dest_url);
                if safe {
                    self.html.push_str("<a href=\"");
                    let _ = escape_href(&mut self.html, dest_url.trim());
                    self.html.push_str("\" rel=\"external\">");
                    self.marked = true;
                }
                self.links.push(safe);
            }
            Event::End(TagEnd::Link) => {
                if self.links.pop() == Some(true) {
                    self.html.push_str("</a>");
                }
            }
            _ => return false,
        }
        true
    }

    fn open(&mut self, tag: &str) {
        self.html.push_str(tag);
        self.marked = true;
    }

    fn text(&mut self, text: &str) {
        let _ = escape_html(&mut self.html, text);
    }

    /// The cell's HTML, whitespace collapsed as its text is; `None` when
    /// it has no markup.
    pub(crate) fn finish(self) -> Option<String> {
        self.marked.then(|| super::text::clean(&self.html))
    }
}

/// The same for a text written in Markdown's backticks but not parsed as
/// Markdown (an HTML table's cell): `` see the `message` field ``.
pub(crate) fn backticks(text: &str) -> Option<String> {
    let pieces: Vec<&str> = text.split('`').collect();
    if pieces.len() < 3 || pieces.len().is_multiple_of(2) {
        return None;
    }
    let mut html = String::with_capacity(text.len() + 16);
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 1 {
            html.push_str("<code>");
        }
        let _ = escape_html(&mut html, piece);
        if i % 2 == 1 {
            html.push_str("</code>");
        }
    }
    Some(super::text::clean(&html))
}

/// A text written in inline Markdown, as a data file's value may be
/// (`check out our guide on [indexes](https://…)`, `` the `id` field ``):
/// its plain text and its sanitised HTML. `None` for a text with no link
/// or code in it, which is kept as written.
pub(crate) fn markdown(text: &str) -> Option<(String, String)> {
    if !(text.contains("](") || text.contains('`')) {
        return None;
    }
    let mut inline = Inline::default();
    let mut plain = String::with_capacity(text.len());
    for event in pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::empty()) {
        match &event {
            Event::Text(t) | Event::Code(t) => plain.push_str(t),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            _ => {}
        }
        inline.see(&event);
    }
    let html = inline.finish()?;
    Some((super::text::clean(&plain), html))
}

fn is_safe_url(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Options, Parser};

    use super::*;

    fn html(markdown: &str) -> Option<String> {
        let mut inline = Inline::default();
        for event in Parser::new_ext(markdown, Options::empty()) {
            inline.see(&event);
        }
        inline.finish()
    }

    #[test]
    fn links_code_and_emphasis_are_kept_escaped() {
        assert_eq!(
            html("See [rate limits](https://example.com/a?b=1&c=2) for `zone` <b>*now*</b>")
                .as_deref(),
            Some(
                "See <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"external\">rate limits</a> \
                 for <code>zone</code> <em>now</em>"
            )
        );
        assert_eq!(html("just text"), None);
    }

    #[test]
    fn unsafe_and_relative_links_lose_the_link_and_keep_the_text() {
        assert_eq!(
            html("[click](javascript:alert(1)) **x**").as_deref(),
            Some("click <strong>x</strong>")
        );
        assert_eq!(html("[docs](../limits.md)"), None);
        assert_eq!(
            html("`<script>`").as_deref(),
            Some("<code>&lt;script&gt;</code>")
        );
    }

    #[test]
    fn backticks_in_html_cells_become_code() {
        assert_eq!(
            backticks("see the `message` field").as_deref(),
            Some("see the <code>message</code> field")
        );
        assert_eq!(backticks("a ` lone tick"), None);
        assert_eq!(backticks("no ticks"), None);
    }
}
