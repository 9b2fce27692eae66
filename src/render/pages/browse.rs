//! Browsing across vendors: by category and by HTTP status.

use serde::Serialize;

use super::{Chrome, CodeRow, Columns, CountLink, Ctx, Pager, category_counts, code_row, fill};
use crate::model::{Category, HttpStatus, Lang};
use crate::render::index::category_index;
use crate::render::paths;
use crate::render::view::Page;

#[derive(Serialize)]
pub(crate) struct ListPage<'a> {
    page: Chrome<'a>,
    heading: String,
    intro: String,
    links: Vec<CountLink<'a>>,
}

impl Page for ListPage<'_> {
    const TEMPLATE: &'static str = "list.html";
}

#[derive(Serialize)]
pub(crate) struct CodesPage<'a> {
    page: Chrome<'a>,
    heading: String,
    intro: String,
    retry: Option<&'a str>,
    /// Every row of the list, across its pages.
    total: usize,
    rows: Vec<CodeRow<'a>>,
    columns: Columns,
    pager: Pager,
}

impl Page for CodesPage<'_> {
    const TEMPLATE: &'static str = "codes.html";
}

pub(crate) fn categories<'a>(ctx: &Ctx<'a>, lang: Lang) -> ListPage<'a> {
    let heading = ctx.t(lang, "categories").to_owned();
    let page = Chrome::new(
        ctx,
        lang,
        paths::categories_page,
        heading.clone(),
        ctx.t(lang, "categories_intro").to_owned(),
        vec![(None, heading.clone())],
    );
    let links = category_counts(ctx, lang, &page.root);
    ListPage {
        heading,
        intro: ctx.t(lang, "categories_intro").to_owned(),
        links,
        page,
    }
}

pub(crate) fn category<'a>(
    ctx: &Ctx<'a>,
    category: Category,
    lang: Lang,
    p: usize,
) -> CodesPage<'a> {
    let info = ctx.checked.xref.categorizer.info(category);
    let heading = format!("{} · {}", info.name.get(lang), category.as_str());
    let crumbs = vec![
        (
            Some(paths::categories_page(lang)),
            ctx.t(lang, "categories").to_owned(),
        ),
        (None, info.name.get(lang).clone()),
    ];
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::paged(paths::category_page(l, category), p),
        heading.clone(),
        info.meaning.get(lang).clone(),
        crumbs,
    );
    let members = &ctx.index.categories[category_index(category)];
    let size = ctx.settings.page_size;
    let rows = size
        .slice(members, p)
        .iter()
        .map(|&at| code_row(ctx, at, lang, &page.path, true))
        .collect::<Vec<_>>();
    CodesPage {
        heading,
        intro: info.meaning.get(lang).clone(),
        retry: Some(info.retry.get(lang)),
        total: members.len(),
        pager: Pager::new(
            size,
            members.len(),
            p,
            &page.root,
            &paths::category_page(lang, category),
            |i| Some(ctx.record(members[i]).code.to_string()),
        ),
        // Every row is of this page's category.
        columns: Columns {
            category: false,
            ..Columns::of(&rows)
        },
        rows,
        page,
    }
}

pub(crate) fn statuses<'a>(ctx: &Ctx<'a>, lang: Lang) -> ListPage<'a> {
    let heading = ctx.t(lang, "statuses").to_owned();
    let intro = ctx.t(lang, "statuses_intro").to_owned();
    let page = Chrome::new(
        ctx,
        lang,
        paths::statuses_page,
        heading.clone(),
        intro.clone(),
        vec![(None, heading.clone())],
    );
    let links = ctx
        .index
        .statuses
        .iter()
        .map(|(status, members)| CountLink {
            href: paths::from_root(&page.root, &paths::status_page(lang, *status)),
            label: status.to_string(),
            detail: None,
            count: members.len(),
        })
        .collect();
    ListPage {
        heading,
        intro,
        links,
        page,
    }
}

pub(crate) fn status<'a>(ctx: &Ctx<'a>, s: usize, lang: Lang, p: usize) -> CodesPage<'a> {
    let (status, members): &(HttpStatus, _) = &ctx.index.statuses[s];
    let heading = fill(
        ctx.t(lang, "status_title"),
        &[("status", &status.to_string())],
    );
    let intro = fill(
        ctx.t(lang, "status_intro"),
        &[("status", &status.to_string())],
    );
    let crumbs = vec![
        (
            Some(paths::statuses_page(lang)),
            ctx.t(lang, "statuses").to_owned(),
        ),
        (None, status.to_string()),
    ];
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::paged(paths::status_page(l, *status), p),
        heading.clone(),
        intro.clone(),
        crumbs,
    );
    let size = ctx.settings.page_size;
    let rows = size
        .slice(members, p)
        .iter()
        .map(|&at| code_row(ctx, at, lang, &page.path, true))
        .collect::<Vec<_>>();
    let pager = Pager::new(
        size,
        members.len(),
        p,
        &page.root,
        &paths::status_page(lang, *status),
        |i| Some(ctx.record(members[i]).code.to_string()),
    );
    CodesPage {
        heading,
        intro,
        retry: None,
        total: members.len(),
        pager,
        // The status column only for codes returned with others too.
        columns: Columns {
            http_status: {
                let own = status.to_string();
                rows.iter()
                    .any(|row| row.http_status.as_deref() != Some(own.as_str()))
            },
            ..Columns::of(&rows)
        },
        rows,
        page,
    }
}
