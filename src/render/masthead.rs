//! The masthead (`masthead.html`: the site's name and the search box with
//! its ten UI strings), rendered once per language and depth: it depends on
//! nothing else, and was a fifth of what every page's frame looked up.

use serde::Serialize;

use super::error::RenderError;
use super::settings::SiteSettings;
use super::theme::Theme;
use super::view::piece;
use crate::model::{Bilingual, Lang};

/// The masthead of each language at the depths pages live at: the site
/// root, `<lang>/` and `<lang>/<section>/`.
pub(crate) struct Mastheads(Bilingual<Vec<(String, Box<str>)>>);

impl Mastheads {
    pub(crate) fn render(theme: &Theme, settings: &SiteSettings) -> Result<Mastheads, RenderError> {
        #[derive(Serialize)]
        struct Page<'a> {
            root: &'a str,
            lang: Lang,
            /// The logo's file name in the site's root.
            logo: Option<&'a str>,
        }
        let logo = settings.logo.as_ref().map(|logo| logo.name.as_str());
        let render = |lang: Lang| -> Result<Vec<(String, Box<str>)>, RenderError> {
            (0..3)
                .map(|depth| {
                    let root = "../".repeat(depth);
                    let page = Page {
                        root: &root,
                        lang,
                        logo,
                    };
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
