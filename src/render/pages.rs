//! Typed view models, one per template, borrowed from the catalog and its
//! cross-reference. This file holds what every page shares; `pages/` has a
//! file per kind of page.

mod browse;
mod code;
mod fragments;
mod history;
mod home;
mod report;
mod search;
mod vendor;

use serde::Serialize;

pub(crate) use self::browse::{categories, category, status, statuses};
use self::code::related_entry;
pub(crate) use self::code::{code, permalink, redirect};
pub(crate) use self::fragments::Fragments;
pub(crate) use self::history::{LIST_LIMIT, changes, step_id, tombstone};
pub(crate) use self::home::{home, landing};
pub(crate) use self::report::report;
pub(crate) use self::search::{not_found, search};
pub(crate) use self::vendor::vendor;

pub(crate) use super::context::{Ctx, html_lang};

use super::context::t;
use super::index::At;
use super::paths;
use super::settings::PageSize;
use super::theme::Strings;
use crate::model::{Category, Lang, Message, Record, TextField};
use crate::xref::CategoryInfo;

/// Links between the pages of one list: previous and next, and every page
/// with the rows it holds, to jump to. Lists are cut into pages of the
/// configured [`PageSize`], so no page grows with the catalog.
#[derive(Serialize)]
struct Pager {
    /// 1-based, for people.
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    /// Every page, when there are several.
    pages: Vec<PageLink>,
    /// The rows this page shows, 1-based and inclusive, and all of them.
    first_row: usize,
    last_row: usize,
    rows: usize,
}

/// One page of a list, as the jump list names it: its number and, where
/// rows have names, its first and last row (`400100 – 400599`).
#[derive(Serialize)]
struct PageLink {
    number: usize,
    href: String,
    first: Option<String>,
    last: Option<String>,
    current: bool,
}

impl Pager {
    /// For page `page` of a list of `len` rows whose first page lives at
    /// `first`; links are relative to a page at `root`. `name` names the
    /// row at an index, for the jump list (`None` for rows with no name).
    fn new(
        size: PageSize,
        len: usize,
        page: usize,
        root: &str,
        first: &str,
        name: impl Fn(usize) -> Option<String>,
    ) -> Pager {
        let total = size.pages(len);
        let link = |p: usize| paths::from_root(root, &paths::paged(first.to_owned(), p));
        let pages = match total {
            1 => Vec::new(),
            _ => (0..total)
                .map(|p| {
                    let start = p * size.get();
                    let end = (start + size.get()).min(len);
                    PageLink {
                        number: p + 1,
                        href: link(p),
                        first: name(start),
                        last: (end > start + 1).then(|| name(end - 1)).flatten(),
                        current: p == page,
                    }
                })
                .collect(),
        };
        Pager {
            current: page + 1,
            total,
            previous: page.checked_sub(1).map(link),
            next: (page + 1 < total).then(|| link(page + 1)),
            pages,
            first_row: (page * size.get() + 1).min(len),
            last_row: ((page + 1) * size.get()).min(len),
            rows: len,
        }
    }
}

/// The most characters of a vendor text a page's metadata holds; search
/// engines show about this many.
const SUMMARY: usize = 160;

/// `text` as page metadata holds it: whole when short, else cut at a word
/// boundary (or anywhere, in Chinese) with an ellipsis. A cell of 300,000
/// characters is not copied into every `<meta>`.
pub(crate) fn summary(text: &str) -> std::borrow::Cow<'_, str> {
    let Some((cut, _)) = text.char_indices().nth(SUMMARY) else {
        return text.into();
    };
    let head = &text[..cut];
    // Back to a space, unless that would drop more than a fifth.
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut * 4 / 5 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end()).into()
}

/// Replaces `{key}` placeholders of a UI string, in one pass: a value is
/// never scanned for placeholders itself, so a vendor text holding
/// `{code}` stays as it is. Unknown placeholders are kept.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let size = template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>();
    let mut out = String::with_capacity(size);
    let mut rest = template;
    // UI strings are short: a plain byte scan beats `str::find`'s searcher.
    let position = |text: &str, byte: u8| text.bytes().position(|b| b == byte);
    while let Some(open) = position(rest, b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let placeholder = position(after, b'}').and_then(|close| {
            let key = &after[..close];
            let value = values.iter().find(|(k, _)| *k == key)?.1;
            Some((value, &after[close + 1..]))
        });
        match placeholder {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn language_name(strings: &Strings, lang: Lang) -> &str {
    t(
        strings,
        if lang == Lang::En {
            "lang_en"
        } else {
            "lang_zh"
        },
    )
}

/// What every page's frame needs: language, links back to the root and to
/// the same page in the other language, and the search box.
#[derive(Serialize)]
pub(crate) struct Chrome<'a> {
    lang: Lang,
    html_lang: &'static str,
    root: String,
    /// The page's own path from the site root, for the shortest links.
    #[serde(skip)]
    path: String,
    title: String,
    description: String,
    /// The page in every language, absolute: hreflang links must be, so
    /// they are there only when the base URL is known.
    alternates: Vec<Alternate>,
    /// The page's absolute URL, when the base URL is known.
    canonical: Option<String>,
    /// The language's OpenSearch description, when there is one.
    opensearch: Option<String>,
    /// For pages search engines should not list (search results, 404).
    noindex: bool,
    /// The site's name and search box, rendered once per language and
    /// depth.
    masthead: Option<&'a str>,
    switch: Option<Switch<'a>>,
    crumbs: Vec<Crumb>,
    /// Where a browser should go instead, for pages that only lead on.
    redirect: Option<String>,
    /// The site's name, for Open Graph.
    site_name: &'a str,
    /// The configured footer, as sanitised HTML.
    footer: Option<&'a str>,
    /// The catalog's configured release and date; on every page, so only
    /// when configured (a hash of the catalog here would change every page
    /// with every edit).
    edition: Option<&'a str>,
    /// The logo's and the favicon's file names in the site's root.
    logo: Option<&'a str>,
    favicon: &'a str,
    favicon_type: &'static str,
    /// On the landing page: the language a reader whose browser prefers
    /// neither is sent to, when `errdocs.toml` names one.
    default_lang: Option<Lang>,
    /// The changes page, when there is a release to compare with.
    changes: Option<String>,
}

#[derive(Serialize)]
struct Alternate {
    hreflang: &'static str,
    href: String,
}

#[derive(Serialize)]
struct Switch<'a> {
    href: String,
    html_lang: &'static str,
    label: &'a str,
}

#[derive(Serialize)]
pub(crate) struct Crumb {
    href: Option<String>,
    label: String,
}

impl<'a> Chrome<'a> {
    /// The frame of the page that lives at `path(lang)` in every language,
    /// with breadcrumbs `crumbs` (site-root-relative paths) after Home.
    fn new(
        ctx: &Ctx<'a>,
        lang: Lang,
        path: impl Fn(Lang) -> String,
        title: String,
        description: String,
        crumbs: Vec<(Option<String>, String)>,
    ) -> Chrome<'a> {
        let root = paths::root_of(&path(lang));
        // For readers of neither language, `x-default` is the English page;
        // the home pages' is the landing page that offers both.
        let alternates = match ctx.base_url {
            Some(base) => {
                let default = match path(Lang::En) {
                    home if home == paths::home_page(Lang::En) => "index.html".to_owned(),
                    english => english,
                };
                Lang::ALL
                    .into_iter()
                    .map(|l| Alternate {
                        hreflang: html_lang(l),
                        href: base.join(&path(l)),
                    })
                    .chain([Alternate {
                        hreflang: "x-default",
                        href: base.join(&default),
                    }])
                    .collect()
            }
            None => Vec::new(),
        };
        let other = lang.other();
        let switch = Some(Switch {
            href: paths::from_root(&root, &path(other)),
            html_lang: html_lang(other),
            label: ctx.t(other, "language_name"),
        });
        let crumbs = if crumbs.is_empty() {
            Vec::new()
        } else {
            let home = Crumb {
                href: Some(paths::from_root(&root, &paths::home_page(lang))),
                label: ctx.t(lang, "home").to_owned(),
            };
            std::iter::once(home)
                .chain(crumbs.into_iter().map(|(href, label)| Crumb {
                    href: href.map(|h| paths::from_root(&root, &h)),
                    label,
                }))
                .collect()
        };
        let settings = ctx.settings;
        let title = match ctx.t(lang, "site_title") {
            site if site == title || title.ends_with(site) => title,
            site => format!("{title} · {site}"),
        };
        Chrome {
            site_name: ctx.t(lang, "site_title"),
            footer: settings.footer.get(lang).as_deref(),
            edition: (settings.release.is_some() || settings.updated.is_some())
                .then(|| ctx.edition.get(lang).as_str()),
            logo: settings.logo.as_ref().map(|logo| logo.name.as_str()),
            favicon: settings
                .favicon
                .as_ref()
                .map_or(paths::FAVICON, |f| f.name.as_str()),
            favicon_type: settings
                .favicon
                .as_ref()
                .map_or("image/svg+xml", |f| f.mime()),
            default_lang: None,
            changes: (!ctx.index.timeline.is_empty())
                .then(|| paths::from_root(&root, &paths::changes_page(lang))),
            lang,
            html_lang: html_lang(lang),
            canonical: ctx.base_url.map(|base| base.join(&path(lang))),
            opensearch: ctx
                .base_url
                .map(|_| paths::from_root(&root, &paths::opensearch(lang))),
            noindex: false,
            masthead: ctx.mastheads.get(lang, &root),
            root,
            path: path(lang),
            title,
            description,
            alternates,
            switch,
            crumbs,
            redirect: None,
        }
    }
}

/// A vendor text as shown: in the page's language, or the other language's
/// original marked as such.
#[derive(Serialize)]
struct ShownText<'a> {
    text: &'a str,
    /// The text with the vendor's inline markup, sanitised at ingest.
    html: Option<&'a str>,
    html_lang: &'static str,
    /// The vendor's text in the other language, for want of one in this.
    fallback: bool,
    /// The documentation team's translation, not the vendor's words.
    translated: bool,
}

/// The texts a page in `lang` shows: the vendor's own in that language, or
/// else its texts in the other language, which the page marks as such.
fn shown_messages(record: &Record, lang: Lang) -> (Vec<&Message>, Option<Lang>) {
    let own: Vec<&Message> = record.messages.iter().filter(|m| m.lang == lang).collect();
    if !own.is_empty() {
        return (own, None);
    }
    let other: Vec<&Message> = record.messages.iter().filter(|m| m.lang != lang).collect();
    let fallback = (!other.is_empty()).then(|| lang.other());
    (other, fallback)
}

/// The one text a table row shows: the vendor's own, else the reviewed
/// translation, else the vendor's text in the other language.
fn first_message(record: &Record, lang: Lang) -> Option<ShownText<'_>> {
    if let (None, Some(t)) = (record.message(lang), record.translation(lang)) {
        return Some(ShownText {
            text: &t.text,
            html: None,
            html_lang: html_lang(lang),
            fallback: false,
            translated: true,
        });
    }
    let (messages, fallback) = shown_messages(record, lang);
    messages.first().map(|m| ShownText {
        text: &m.text,
        html: m.html.as_deref(),
        html_lang: html_lang(m.lang),
        fallback: fallback.is_some(),
        translated: false,
    })
}

/// The texts of one field (descriptions, solutions) a page in `lang` shows:
/// the vendor's own in that language; else the reviewed translation, if
/// any, followed by the vendor's texts in the other language, marked as
/// such.
fn shown_texts<'a>(record: &'a Record, field: TextField, lang: Lang) -> Vec<ShownText<'a>> {
    let texts = match field {
        TextField::Message => &record.messages,
        TextField::Description => &record.descriptions,
        TextField::Solution => &record.solutions,
    };
    let own = texts.iter().any(|m| m.lang == lang);
    let translated = record
        .translation_of(field, lang)
        .filter(|_| !own)
        .map(|t| ShownText {
            text: &t.text,
            html: None,
            html_lang: html_lang(t.lang),
            fallback: false,
            translated: true,
        });
    translated
        .into_iter()
        .chain(
            texts
                .iter()
                .filter(move |m| (m.lang == lang) == own)
                .map(move |m| ShownText {
                    text: &m.text,
                    html: m.html.as_deref(),
                    html_lang: html_lang(m.lang),
                    fallback: !own,
                    translated: false,
                }),
        )
        .collect()
}

/// The group a record is listed under on pages in `lang`: its group in
/// that language, else its group in the other; with the group's anchor on
/// the vendor page.
pub(crate) struct GroupOf<'a> {
    pub path: &'a [String],
    pub lang: Lang,
    pub anchor: String,
}

pub(crate) fn group_of<'a>(ctx: &Ctx<'a>, (v, r): At, lang: Lang) -> Option<GroupOf<'a>> {
    let place = &ctx.index.groups[v][r];
    let (lang, at) = [lang, lang.other()]
        .into_iter()
        .find_map(|l| Some((l, (*place.get(l))?)))?;
    Some(GroupOf {
        path: ctx.vendor(v).groups.get(lang)[at].as_slice(),
        lang,
        anchor: group_anchor(lang, at),
    })
}

/// The id of a group's section on its vendor's page.
pub(crate) fn group_anchor(lang: Lang, at: usize) -> String {
    format!("group-{}-{}", lang.tag(), at + 1)
}

/// A group path as one line: `Instance › Disk`.
pub(crate) fn group_label(path: &[String]) -> String {
    path.join(" › ")
}

/// A category as a link, from a page at `root`.
#[derive(Serialize)]
struct CategoryLink<'a> {
    id: &'static str,
    name: &'a str,
    href: String,
}

fn category_link<'a>(info: &'a CategoryInfo, lang: Lang, root: &str) -> CategoryLink<'a> {
    CategoryLink {
        id: info.category.as_str(),
        name: info.name.get(lang),
        href: paths::from_root(root, &paths::category_page(lang, info.category)),
    }
}

/// One row of a table of codes, on the page at `here`. Its links are
/// the shortest relative ones (`400001.html` from the vendor's list, not
/// `../../en/polaris/400001.html`): a page of rows is mostly links.
#[derive(Serialize)]
struct CodeRow<'a> {
    vendor: Option<&'a str>,
    code: &'a str,
    href: String,
    name: Option<&'a str>,
    /// Every status of the code: `400, 403`.
    http_status: Option<String>,
    category: CategoryLink<'a>,
    message: Option<RowText<'a>>,
}

/// The text a row shows: its code's first text, cut like metadata, so a
/// page of rows stays small whatever the vendor wrote (the code's page
/// has it whole).
#[derive(Serialize)]
struct RowText<'a> {
    text: std::borrow::Cow<'a, str>,
    html_lang: &'static str,
    fallback: bool,
    translated: bool,
}

impl<'a> From<ShownText<'a>> for RowText<'a> {
    fn from(shown: ShownText<'a>) -> RowText<'a> {
        RowText {
            text: summary(shown.text),
            html_lang: shown.html_lang,
            fallback: shown.fallback,
            translated: shown.translated,
        }
    }
}

/// Which of a table's optional columns any row has a value in: a column
/// empty in every row is left out, header and all.
#[derive(Serialize, Clone, Copy, Default, Debug, PartialEq, Eq)]
struct Columns {
    name: bool,
    http_status: bool,
    /// Shown unless every row is of one category, the page's own.
    category: bool,
    message: bool,
}

impl Columns {
    fn of<'r, 'a: 'r>(rows: impl IntoIterator<Item = &'r CodeRow<'a>>) -> Columns {
        rows.into_iter()
            .fold(Columns::default(), |seen, row| Columns {
                name: seen.name || row.name.is_some(),
                http_status: seen.http_status || row.http_status.is_some(),
                category: true,
                message: seen.message || row.message.is_some(),
            })
    }
}

fn code_row<'a>(ctx: &Ctx<'a>, at: At, lang: Lang, here: &str, with_vendor: bool) -> CodeRow<'a> {
    let vendor = ctx.vendor(at.0);
    let record = ctx.record(at);
    CodeRow {
        vendor: with_vendor.then(|| vendor.name.get(lang).as_str()),
        code: record.code.as_str(),
        href: paths::link(
            here,
            &paths::code_page(lang, &vendor.id, &record.code, &ctx.index.names),
        ),
        name: record.name.as_deref(),
        http_status: (!record.http_statuses.is_empty()).then(|| {
            let statuses: Vec<String> =
                record.http_statuses.iter().map(|s| s.to_string()).collect();
            statuses.join(", ")
        }),
        category: {
            let info = ctx.category(at);
            CategoryLink {
                id: info.category.as_str(),
                name: info.name.get(lang),
                href: paths::link(here, &paths::category_page(lang, info.category)),
            }
        },
        message: first_message(record, lang).map(RowText::from),
    }
}

/// A list entry linking to a section page with a count.
#[derive(Serialize)]
struct CountLink<'a> {
    href: String,
    label: String,
    detail: Option<&'a str>,
    count: usize,
}

fn category_counts<'a>(ctx: &Ctx<'a>, lang: Lang, root: &str) -> Vec<CountLink<'a>> {
    Category::ALL
        .into_iter()
        .zip(&ctx.index.categories)
        .filter(|(_, members)| !members.is_empty())
        .map(|(category, members)| {
            let info = ctx.checked.xref.categorizer.info(category);
            CountLink {
                href: paths::from_root(root, &paths::category_page(lang, category)),
                label: info.name.get(lang).clone(),
                detail: Some(info.meaning.get(lang)),
                count: members.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(
            fill(
                "{code} of {vendor}",
                &[("vendor", "{code}"), ("code", "400001")]
            ),
            "400001 of {code}"
        );
        assert_eq!(fill("{a}{b} {c} {", &[("a", "1"), ("b", "2")]), "12 {c} {");
        assert_eq!(fill("没有占位符", &[("a", "1")]), "没有占位符");
    }

    #[test]
    fn long_lists_are_split_into_pages_of_page_size() {
        let size = PageSize::new(4).unwrap();
        assert_eq!(size.pages(0), 1);
        assert_eq!(size.pages(4), 1);
        assert_eq!(size.pages(5), 2);
        let items: Vec<usize> = (0..11).collect();
        assert_eq!(size.slice(&items, 2), [8, 9, 10]);
        assert!(size.slice(&items, 5).is_empty());
        let name = |i: usize| Some(format!("E{i}"));
        let pager = Pager::new(size, items.len(), 2, "../../", "en/status/400.html", name);
        assert_eq!((pager.current, pager.total), (3, 3));
        assert_eq!(
            pager.previous.as_deref(),
            Some("../../en/status/400-2.html")
        );
        assert_eq!(pager.next, None);
        let jumps: Vec<_> = pager
            .pages
            .iter()
            .map(|p| (p.number, p.first.as_deref(), p.last.as_deref(), p.current))
            .collect();
        assert_eq!(
            jumps,
            [
                (1, Some("E0"), Some("E3"), false),
                (2, Some("E4"), Some("E7"), false),
                (3, Some("E8"), Some("E10"), true),
            ]
        );
        // One page needs no jumping, and a page of one row no range.
        assert!(Pager::new(size, 4, 0, "", "a.html", name).pages.is_empty());
        let last = Pager::new(size, 5, 0, "", "a.html", name)
            .pages
            .pop()
            .unwrap();
        assert_eq!((last.first.as_deref(), last.last), (Some("E4"), None));
    }
}
