//! What every page is made from: the checked catalog, its indexes, the UI
//! strings and the pre-rendered masthead, with the lookups pages share.

use super::index::{At, Index};
use super::masthead::Mastheads;
use super::paths::BaseUrl;
use super::settings::SiteSettings;
use super::theme::Strings;
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::{Bilingual, Lang, Record, Vendor};
use crate::xref::{CategoryInfo, Checked};

/// What every page is made from.
pub(crate) struct Ctx<'a> {
    pub checked: &'a Checked,
    pub index: &'a Index<'a>,
    pub strings: &'a Bilingual<Strings>,
    pub mastheads: &'a Mastheads,
    /// Where the site is published, when the build was told.
    pub base_url: Option<&'a BaseUrl>,
    pub settings: &'a SiteSettings,
    /// The footer's line naming the catalog shown, per language.
    pub edition: &'a Bilingual<String>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn vendor(&self, v: usize) -> &'a Vendor {
        &self.checked.catalog.vendors[v]
    }

    pub(crate) fn record(&self, (v, r): At) -> &'a Record {
        &self.checked.catalog.vendors[v].records[r]
    }

    pub(crate) fn category(&self, (v, r): At) -> &'a CategoryInfo {
        let category = self.checked.xref.categories[v][r].category;
        self.checked.xref.categorizer.info(category)
    }

    pub(crate) fn t(&self, lang: Lang, key: &str) -> &'a str {
        t(self.strings.get(lang), key)
    }

    /// What `errdocs check` and ingest say of the record at `at`.
    pub(crate) fn diagnostics_of(&self, at: At) -> impl Iterator<Item = &'a Diagnostic> + use<'a> {
        let diagnostics = &self.checked.diagnostics;
        self.index
            .record_diagnostics
            .get(&at)
            .into_iter()
            .flatten()
            .map(move |&i| &diagnostics[i])
    }

    /// A diagnostic kind's label in `lang`.
    pub(crate) fn kind_label(&self, lang: Lang, kind: Kind) -> &'a str {
        self.t(lang, &format!("kind_{}", kind.as_str().replace('-', "_")))
    }
}

/// The value of `lang`/`hreflang` attributes for a language.
pub(crate) fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
}

pub(crate) fn t<'a>(strings: &'a Strings, key: &str) -> &'a str {
    // Keys are checked at load time and by rendering the seed site in tests.
    strings.get(key).map_or("", String::as_str)
}
