//! The entries of code pages' related lists, rendered once and reused, as
//! Hugo's `partialCached` does (`masthead.rs` does the same for the
//! masthead).
//!
//! A code is among the related codes of about eight others, and its entry
//! (`related_item.html`) reads the same on each of their pages: it depends
//! only on the code, the language and why it is related, and every code
//! page lives at the same depth (`<lang>/<vendor>/<code>.html`), so even its
//! link is the same. The entries were half of a code page's rendering work;
//! rendered once per code, language and reason, they are an eighth of it.

use ahash::AHashMap;
use rayon::prelude::*;

use crate::model::{Bilingual, Lang};
use crate::render::context::Ctx;
use crate::render::error::RenderError;
use crate::render::paths;
use crate::render::theme::Theme;
use crate::render::view::piece;
use crate::xref::Related;

/// A related code and why: the same entry wherever it is listed.
type Key<'a> = &'a Related;

fn key(rel: &Related) -> Key<'_> {
    rel
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
                    let entry = super::related_entry(ctx, rel, lang, &root);
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

/// The template of one entry of a code page's related list.
const TEMPLATE: &str = "related_item.html";
