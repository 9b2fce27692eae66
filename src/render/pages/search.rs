//! The search page, which runs the search in its `?q=` (the target of the
//! OpenSearch template and of the search box without a chosen result), and
//! the bilingual page a static host serves for a missing file.

use serde::Serialize;

use super::{Chrome, Ctx, t};
use crate::model::Lang;
use crate::render::paths;
use crate::render::theme::Strings;
use crate::render::view::Page;

#[derive(Serialize)]
pub(crate) struct SearchPage<'a> {
    page: Chrome<'a>,
    /// Whether there are retired codes for the toggle to take in.
    has_removed: bool,
}

impl Page for SearchPage<'_> {
    const TEMPLATE: &'static str = "search.html";
}

pub(crate) fn search<'a>(ctx: &Ctx<'a>, lang: Lang) -> SearchPage<'a> {
    let heading = ctx.t(lang, "search_title").to_owned();
    let mut page = Chrome::new(
        ctx,
        lang,
        paths::search_page,
        heading.clone(),
        ctx.t(lang, "search_intro").to_owned(),
        vec![(None, heading)],
    );
    // Result pages are not for search engines to list.
    page.noindex = true;
    page.canonical = None;
    SearchPage {
        page,
        has_removed: !ctx.index.timeline.tombstones.is_empty(),
    }
}

#[derive(Serialize)]
pub(crate) struct NotFoundPage<'a> {
    page: Chrome<'a>,
    zh: &'a Strings,
    zh_html_lang: &'static str,
    zh_search: String,
}

impl Page for NotFoundPage<'_> {
    const TEMPLATE: &'static str = "404.html";
}

/// `404.html`, in English and Chinese at once. A host serves it at whatever
/// path was asked for, where relative links would lead nowhere; so with a
/// base URL its links are absolute, and without one they are relative to
/// the site root (right when the missing path is at the top level).
pub(crate) fn not_found<'a>(ctx: &Ctx<'a>) -> NotFoundPage<'a> {
    let strings = ctx.strings;
    let title = format!(
        "{} · {}",
        t(&strings.en, "not_found_title"),
        t(&strings.zh, "not_found_title")
    );
    let mut page = Chrome::new(
        ctx,
        Lang::En,
        |_| paths::NOT_FOUND.to_owned(),
        title,
        t(&strings.en, "not_found_text").to_owned(),
        Vec::new(),
    );
    page.switch = None;
    page.alternates.clear();
    page.canonical = None;
    page.noindex = true;
    if let Some(base) = ctx.base_url {
        page.root = base.as_str().to_owned();
        page.masthead = ctx.mastheads.get(Lang::En, &page.root);
        page.opensearch = Some(base.join(&paths::opensearch(Lang::En)));
    }
    NotFoundPage {
        zh: &strings.zh,
        zh_html_lang: super::html_lang(Lang::Zh),
        zh_search: paths::from_root(&page.root, &paths::search_page(Lang::Zh)),
        page,
    }
}
