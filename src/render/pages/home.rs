//! The landing page and each language's home page.

use serde::Serialize;

use super::{Chrome, CountLink, Ctx, category_counts, html_lang, t};
use crate::model::Lang;
use crate::render::paths;
use crate::render::theme::Strings;
use crate::render::view::Page;

#[derive(Serialize)]
pub(crate) struct LandingPage<'a> {
    page: Chrome<'a>,
    total: usize,
    vendor_count: usize,
    languages: Vec<LanguageChoice<'a>>,
    other: LanguageChoice<'a>,
}

impl Page for LandingPage<'_> {
    const TEMPLATE: &'static str = "landing.html";
}

#[derive(Serialize)]
struct LanguageChoice<'a> {
    href: String,
    html_lang: &'static str,
    t: &'a Strings,
}

/// Both languages at once: search engines and shared links stay stable.
/// When `errdocs.toml` names a default language, `search.js` sends a
/// reader on to the language the browser prefers, or else to that one.
pub(crate) fn landing<'a>(ctx: &Ctx<'a>) -> LandingPage<'a> {
    let strings = ctx.strings;
    let choice = |lang| LanguageChoice {
        href: paths::home_page(lang),
        html_lang: html_lang(lang),
        t: strings.get(lang),
    };
    let title = format!(
        "{} · {}",
        t(&strings.en, "site_title"),
        t(&strings.zh, "site_title")
    );
    let mut page = Chrome::new(
        ctx,
        Lang::En,
        |_| "index.html".to_owned(),
        title,
        t(&strings.en, "site_tagline").to_owned(),
        Vec::new(),
    );
    page.switch = None;
    page.alternates.clear();
    page.default_lang = ctx.settings.default_language;
    let catalog = &ctx.checked.catalog;
    LandingPage {
        page,
        total: catalog.code_count(),
        vendor_count: catalog.vendors.len(),
        languages: Lang::ALL.into_iter().map(choice).collect(),
        other: choice(Lang::Zh),
    }
}

#[derive(Serialize)]
pub(crate) struct HomePage<'a> {
    page: Chrome<'a>,
    vendors: Vec<CountLink<'a>>,
    categories: Vec<CountLink<'a>>,
    statuses: Vec<CountLink<'a>>,
    /// The maintainers' report, shown with drafts only.
    report_href: Option<String>,
    report_count: usize,
    /// What catalog the site shows: its release and date, or a hash of it.
    edition: &'a str,
    /// The changes page and the latest release's label, when there is one.
    changes_href: Option<String>,
    latest: Option<&'a str>,
}

impl Page for HomePage<'_> {
    const TEMPLATE: &'static str = "home.html";
}

pub(crate) fn home<'a>(ctx: &Ctx<'a>, lang: Lang) -> HomePage<'a> {
    let s = ctx.strings.get(lang);
    let page = Chrome::new(
        ctx,
        lang,
        paths::home_page,
        t(s, "site_title").to_owned(),
        t(s, "site_tagline").to_owned(),
        Vec::new(),
    );
    let root = &page.root;
    let vendors = ctx
        .checked
        .catalog
        .vendors
        .iter()
        .map(|v| CountLink {
            href: paths::from_root(root, &paths::vendor_page(lang, &v.id)),
            label: v.name.get(lang).clone(),
            detail: None,
            count: v.records.len(),
        })
        .collect();
    let statuses = ctx
        .index
        .statuses
        .iter()
        .map(|(status, members)| CountLink {
            href: paths::from_root(root, &paths::status_page(lang, *status)),
            label: status.to_string(),
            detail: None,
            count: members.len(),
        })
        .collect();
    HomePage {
        categories: category_counts(ctx, lang, root),
        report_href: ctx
            .settings
            .drafts
            .then(|| paths::from_root(root, &paths::report_page(lang))),
        report_count: ctx.checked.diagnostics.len(),
        edition: ctx.edition.get(lang),
        changes_href: page.changes.clone(),
        latest: ctx
            .index
            .timeline
            .history
            .releases
            .last()
            .map(|r| r.label.as_str()),
        vendors,
        statuses,
        page,
    }
}
