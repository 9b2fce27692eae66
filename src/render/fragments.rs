//! Pieces of pages that many pages show alike, rendered once and reused,
//! as Hugo's `partialCached` does.
//!
//! The masthead (`masthead.html`: the site's name and the search box with
//! its ten UI strings) depends only on the language and on how deep the page
//! is; it was a fifth of what every page's frame looked up.
//!
//! A code is among the related codes of about eight others, and its entry
//! (`related_item.html`) reads the same on each of their pages: it depends
//! only on the code, the language and why it is related, and every code
//! page lives at the same depth (`<lang>/<vendor>/<code>.html`), so even its
//! link is the same. The entries were half of a code page's rendering work;
//! rendered once per code, language and reason, they are an eighth of it.

use ahash::AHashMap;
use rayon::prelude::*;
use serde::Serialize;

use super::RenderError;
use super::pages::{self, Ctx};
use super::paths;
use super::theme::Theme;
use crate::model::{Bilingual, Lang};
use crate::xref::{Related, Why};

/// A related code and why: the same entry wherever it is listed.
type Key<'a> = (usize, usize, Option<&'a str>);

fn key(rel: &Related) -> Key<'_> {
    let why = match &rel.why {
        Why::Similar => None,
        Why::NameStem(stem) => Some(stem.as_str()),
    };
    (rel.vendor, rel.record, why)
}

pub(crate) struct Fragments<'a> {
    related: Bilingual<AHashMap<Key<'a>, Box<str>>>,
}

impl<'a> Fragments<'a> {
    /// Renders the entry of every related code of the catalog, in every
    /// language.
    pub(crate) fn render(ctx: &Ctx<'a>, theme: &Theme) -> Result<Fragments<'a>, RenderError> {
        let mut distinct: AHashMap<Key<'a>, &'a Related> = AHashMap::new();
        for rel in ctx.checked.xref.related.iter().flatten().flatten() {
            distinct.entry(key(rel)).or_insert(rel);
        }
        let related: Vec<&'a Related> = distinct.into_values().collect();
        let entries = |lang: Lang| -> Result<AHashMap<Key<'a>, Box<str>>, RenderError> {
            let tera = theme.tera.get(lang);
            related
                .par_iter()
                .map(|&rel| {
                    let vendor = ctx.vendor(rel.vendor);
                    let page = paths::code_page(
                        lang,
                        &vendor.id,
                        &vendor.records[rel.record].code,
                        &ctx.index.names,
                    );
                    let root = paths::root_of(&page);
                    let entry = pages::related_entry(ctx, rel, lang, &root);
                    let html = piece(tera, TEMPLATE, "item", &entry, || {
                        format!("{TEMPLATE} for {page}")
                    })?;
                    Ok((key(rel), html))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|entries| entries.into_iter().collect())
        };
        let (en, zh) = rayon::join(|| entries(Lang::En), || entries(Lang::Zh));
        Ok(Fragments {
            related: Bilingual { en: en?, zh: zh? },
        })
    }

    /// The entry of `rel` on a code page in `lang`.
    pub(crate) fn related(&self, lang: Lang, rel: &'a Related) -> &str {
        self.related
            .get(lang)
            .get(&key(rel))
            .expect("every related code of the catalog is rendered")
    }
}

/// Renders `template` with `value` as its one variable, `name`, dropping
/// the trailing whitespace (the template file's last newline) so the piece
/// sits in its page as the markup it replaced did. `what` names the piece
/// in an error.
fn piece(
    tera: &tera::Tera,
    template: &str,
    name: &'static str,
    value: &impl Serialize,
    what: impl FnOnce() -> String,
) -> Result<Box<str>, RenderError> {
    let mut context = tera::Context::new();
    context.insert(name, value);
    let html = tera
        .render(template, &context)
        .map_err(|source| RenderError::Template {
            page: what(),
            source,
        })?;
    Ok(html.trim_end().into())
}

/// The template of one entry of a code page's related list.
const TEMPLATE: &str = "related_item.html";

/// The masthead of each language at the depths pages live at: the site
/// root, `<lang>/` and `<lang>/<section>/`.
pub(crate) struct Mastheads(Bilingual<Vec<(String, Box<str>)>>);

impl Mastheads {
    pub(crate) fn render(theme: &Theme) -> Result<Mastheads, RenderError> {
        #[derive(Serialize)]
        struct Page<'a> {
            root: &'a str,
            lang: Lang,
        }
        let render = |lang: Lang| -> Result<Vec<(String, Box<str>)>, RenderError> {
            (0..3)
                .map(|depth| {
                    let root = "../".repeat(depth);
                    let page = Page { root: &root, lang };
                    let html = piece(theme.tera.get(lang), MASTHEAD, "page", &page, || {
                        format!("{MASTHEAD} for {lang} pages at `{root}`")
                    })?;
                    Ok((root, html))
                })
                .collect()
        };
        Ok(Mastheads(Bilingual {
            en: render(Lang::En)?,
            zh: render(Lang::Zh)?,
        }))
    }

    /// The masthead of a page in `lang` whose links reach the site root
    /// through `root`; `None` for a root it was not rendered for (the 404
    /// page's absolute one), where `base.html` renders it in place.
    pub(crate) fn get(&self, lang: Lang, root: &str) -> Option<&str> {
        self.0
            .get(lang)
            .iter()
            .find(|(r, _)| r == root)
            .map(|(_, html)| &**html)
    }
}

const MASTHEAD: &str = "masthead.html";
