//! The templates and UI strings, parsed and checked once at start-up so a
//! broken template or a missing translation fails before anything is written.
//!
//! Every file of the theme is compiled into the binary; a theme directory
//! (`--templates DIR`) replaces any of them by a file of the same name, so
//! a maintainer can change the look of a site without rebuilding errdocs.

use std::borrow::Cow;
use std::path::Path;

use serde::Deserialize;

use super::error::RenderError;
use crate::model::{Bilingual, Lang};

/// The templates, by name, compiled into the binary.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "masthead.html",
        include_str!("../../templates/masthead.html"),
    ),
    ("landing.html", include_str!("../../templates/landing.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("vendor.html", include_str!("../../templates/vendor.html")),
    ("code.html", include_str!("../../templates/code.html")),
    (
        "code_table.html",
        include_str!("../../templates/code_table.html"),
    ),
    ("pager.html", include_str!("../../templates/pager.html")),
    ("codes.html", include_str!("../../templates/codes.html")),
    ("list.html", include_str!("../../templates/list.html")),
    (
        "related_item.html",
        include_str!("../../templates/related_item.html"),
    ),
    (
        "permalink.html",
        include_str!("../../templates/permalink.html"),
    ),
    (
        "redirect.html",
        include_str!("../../templates/redirect.html"),
    ),
    ("report.html", include_str!("../../templates/report.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
];

const STRINGS: (&str, &str) = ("strings.toml", include_str!("../../templates/strings.toml"));

/// The site's one stylesheet.
const STYLESHEET: (&str, &str) = ("style.css", include_str!("../../templates/style.css"));

/// The search box, the search page and the copy button: plain ES2017 that
/// loads the index on first use.
const SEARCH_SCRIPT: (&str, &str) = ("search.js", include_str!("../../templates/search.js"));

const FAVICON: (&str, &str) = ("favicon.svg", include_str!("../../templates/favicon.svg"));

/// The text of every file of the theme: the compiled-in one, or the file of
/// the same name in the theme directory. Everything of the theme a page's
/// bytes depend on, so the build's fingerprint hashes it.
#[derive(Debug, Hash)]
pub struct ThemeFiles {
    templates: Vec<(&'static str, Cow<'static, str>)>,
    strings: Cow<'static, str>,
    pub(crate) stylesheet: Cow<'static, str>,
    pub(crate) search_script: Cow<'static, str>,
    pub(crate) favicon: Cow<'static, str>,
}

impl ThemeFiles {
    /// The compiled-in theme with each file that `dir` holds put in its
    /// place. Files of other names in `dir` are left alone.
    pub fn read(dir: Option<&Path>) -> Result<ThemeFiles, RenderError> {
        let file = |(name, embedded): (&'static str, &'static str)| -> Result<_, RenderError> {
            let path = match dir {
                Some(dir) => dir.join(name),
                None => return Ok(Cow::Borrowed(embedded)),
            };
            if path.is_file() {
                Ok(Cow::Owned(crate::fs::read_to_string(&path)?))
            } else {
                Ok(Cow::Borrowed(embedded))
            }
        };
        Ok(ThemeFiles {
            templates: TEMPLATES
                .iter()
                .map(|&(name, text)| Ok((name, file((name, text))?)))
                .collect::<Result<_, RenderError>>()?,
            strings: file(STRINGS)?,
            stylesheet: file(STYLESHEET)?,
            search_script: file(SEARCH_SCRIPT)?,
            favicon: file(FAVICON)?,
        })
    }

    /// The search script, which `errdocs explain` runs too.
    pub fn search_script(&self) -> &str {
        &self.search_script
    }

    /// The UI strings, checked as for a build.
    pub fn strings(&self) -> Result<UiStrings, RenderError> {
        load_strings(&self.strings).map(UiStrings)
    }
}

/// The theme's UI strings in both languages, for output other than pages.
pub struct UiStrings(Bilingual<Strings>);

impl UiStrings {
    /// The string `key` in `lang`; empty if the theme has no such key.
    pub fn get(&self, lang: Lang, key: &str) -> &str {
        self.0.get(lang).get(key).map_or("", String::as_str)
    }
}

/// UI strings of one language, by key: looked up a score of times for
/// every code page, so hashed rather than searched in a tree.
pub(crate) type Strings = ahash::AHashMap<String, String>;

pub(crate) struct Theme {
    /// The templates once per language, each with that language's UI
    /// strings as `t` in its global context: converted to Tera values once,
    /// not once per page.
    pub tera: Bilingual<tera::Tera>,
    pub strings: Bilingual<Strings>,
}

impl Theme {
    pub(crate) fn load(files: &ThemeFiles) -> Result<Theme, RenderError> {
        let strings = load_strings(&files.strings)?;
        let engine = |lang: Lang| -> Result<tera::Tera, RenderError> {
            let mut tera = tera::Tera::new();
            tera.register_filter("number", |n: i64, _: tera::Kwargs, _: &tera::State| {
                grouped(n)
            });
            tera.add_raw_templates(files.templates.iter().map(|(n, t)| (*n, t.as_ref())))?;
            tera.global_context().insert("t", strings.get(lang));
            Ok(tera)
        };
        let tera = Bilingual {
            en: engine(Lang::En)?,
            zh: engine(Lang::Zh)?,
        };
        Ok(Theme { tera, strings })
    }
}

/// `100000` → `100,000`: digit grouping as both en and zh-CN write it.
pub(crate) fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn load_strings(source: &str) -> Result<Bilingual<Strings>, RenderError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        en: Strings,
        zh: Strings,
    }
    let file: File =
        toml::from_str(source).map_err(|err| RenderError::Strings(err.message().to_owned()))?;
    let strings = Bilingual {
        en: file.en,
        zh: file.zh,
    };
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let other = strings.get(lang.other());
        for key in other
            .keys()
            .filter(|key| !strings.get(lang).contains_key(*key))
        {
            missing.push(format!("`{lang}.{key}`"));
        }
    }
    missing.sort_unstable();
    if missing.is_empty() {
        Ok(strings)
    } else {
        Err(RenderError::Strings(format!(
            "missing {}",
            missing.join(", ")
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_theme_loads() {
        let theme = Theme::load(&ThemeFiles::read(None).unwrap()).expect("theme");
        assert_eq!(theme.strings.en.len(), theme.strings.zh.len());
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(476), "476");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(100000), "100,000");
        assert_eq!(grouped(-1234567), "-1,234,567");
    }

    #[test]
    fn every_diagnostic_kind_has_a_label() {
        let theme = Theme::load(&ThemeFiles::read(None).unwrap()).expect("theme");
        for kind in crate::diagnostic::Kind::ALL {
            let key = format!("kind_{}", kind.as_str().replace('-', "_"));
            assert!(theme.strings.en.contains_key(&key), "missing {key}");
        }
    }

    #[test]
    fn a_key_missing_in_one_language_is_named() {
        let err =
            load_strings("[en]\na = \"A\"\nb = \"B\"\n[zh]\na = \"甲\"\nc = \"丙\"\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "UI strings in `templates/strings.toml`: missing `en.c`, `zh.b`"
        );
    }
}
