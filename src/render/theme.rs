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
use super::settings::SiteSettings;
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
        "tombstone.html",
        include_str!("../../templates/tombstone.html"),
    ),
    ("changes.html", include_str!("../../templates/changes.html")),
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
    /// The theme directory's `strings.toml`, which replaces the strings it
    /// names and leaves the others as they are.
    strings: Option<String>,
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
            strings: match dir.map(|dir| dir.join(STRINGS.0)) {
                Some(path) if path.is_file() => Some(crate::fs::read_to_string(&path)?),
                _ => None,
            },
            stylesheet: file(STYLESHEET)?,
            search_script: file(SEARCH_SCRIPT)?,
            favicon: file(FAVICON)?,
        })
    }

    /// The search script, which `errdocs explain` runs too.
    pub fn search_script(&self) -> &str {
        &self.search_script
    }

    /// The UI strings, checked as for a build of a site with no
    /// `errdocs.toml`.
    pub fn strings(&self) -> Result<UiStrings, RenderError> {
        strings_of(self, &SiteSettings::default()).map(UiStrings)
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
    /// The theme with the strings `settings` sets (from `errdocs.toml`) in
    /// place of the theme's.
    pub(crate) fn load(files: &ThemeFiles, settings: &SiteSettings) -> Result<Theme, RenderError> {
        let strings = strings_of(files, settings)?;
        let engine = |lang: Lang| -> Result<tera::Tera, RenderError> {
            let mut tera = tera::Tera::new();
            tera.register_filter("number", |n: i64, _: tera::Kwargs, _: &tera::State| {
                grouped(n)
            });
            // `{{ n | plural(one=t.code_count_one, other=t.code_count) }}`:
            // the string for one or for any other number, `{count}` filled.
            tera.register_filter("plural", |n: i64, kwargs: tera::Kwargs, _: &tera::State| {
                let one: String = kwargs.must_get("one")?;
                let other: String = kwargs.must_get("other")?;
                let template = if n == 1 { one } else { other };
                Ok::<_, tera::Error>(template.replace("{count}", &grouped(n)))
            });
            tera.register_filter("wbr", |code: &str, _: tera::Kwargs, _: &tera::State| {
                tera::Value::safe_string(&breakable(code))
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

/// The theme's strings, with those its directory's `strings.toml` and then
/// `settings` set put in their place.
fn strings_of(
    files: &ThemeFiles,
    settings: &SiteSettings,
) -> Result<Bilingual<Strings>, RenderError> {
    let mut strings = load_strings(STRINGS.1)?;
    if let Some(text) = &files.strings {
        let file: Partial = toml::from_str(text).map_err(|err| {
            RenderError::Strings(format!("in the theme's `{}`: {}", STRINGS.0, err.message()))
        })?;
        override_strings(
            &mut strings,
            &file.en,
            &file.zh,
            "the theme's `strings.toml`",
        )?;
    }
    let pairs = |lang| settings.strings.get(lang).iter().map(|(k, v)| (k, v));
    override_strings(
        &mut strings,
        pairs(Lang::En),
        pairs(Lang::Zh),
        "`errdocs.toml`",
    )?;
    Ok(strings)
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

/// A theme's `strings.toml` that names only the strings it changes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Partial {
    #[serde(default)]
    en: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    zh: std::collections::BTreeMap<String, String>,
}

/// Puts each of `en` and `zh` in place of the string of its key; a key the
/// theme does not have is an error naming the nearest one it has, since a
/// misspelled key would otherwise change nothing without a word.
fn override_strings<'a>(
    strings: &mut Bilingual<Strings>,
    en: impl IntoIterator<Item = (&'a String, &'a String)>,
    zh: impl IntoIterator<Item = (&'a String, &'a String)>,
    from: &str,
) -> Result<(), RenderError> {
    let mut unknown = Vec::new();
    let pairs: [(Lang, Vec<_>); 2] = [
        (Lang::En, en.into_iter().collect()),
        (Lang::Zh, zh.into_iter().collect()),
    ];
    for (lang, pairs) in pairs {
        let table = strings.get_mut(lang);
        for (key, value) in pairs {
            match table.get_mut(key.as_str()) {
                Some(slot) => value.clone_into(slot),
                None => {
                    let near = crate::diagnostic::nearest(key, table.keys().map(String::as_str))
                        .map(|k| format!(" (did you mean `{k}`?)"))
                        .unwrap_or_default();
                    unknown.push(format!("`{lang}.{key}`{near}"));
                }
            }
        }
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(RenderError::Strings(format!(
            "{from} sets strings the theme does not have: {}",
            unknown.join(", ")
        )))
    }
}

/// `code` as escaped HTML with a `<wbr>` after each `.`, `_`, `-`, `/` and
/// `:` inside it, so a long code in a heading wraps on a phone where its
/// parts meet (`OSS.<wbr>ObjectTooLarge`), not in the middle of a word.
/// The `wbr` filter; its output is marked safe, as it escapes.
pub(crate) fn breakable(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 16);
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
        if matches!(c, '.' | '_' | '-' | '/' | ':') && chars.peek().is_some() {
            out.push_str("<wbr>");
        }
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
        let theme =
            Theme::load(&ThemeFiles::read(None).unwrap(), &SiteSettings::default()).expect("theme");
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
    fn codes_break_after_separators_and_are_escaped() {
        assert_eq!(breakable("OSS.ObjectTooLarge"), "OSS.<wbr>ObjectTooLarge");
        assert_eq!(
            breakable("SVCSTG.CSE.4001000"),
            "SVCSTG.<wbr>CSE.<wbr>4001000"
        );
        assert_eq!(breakable("a_b-c/d:e."), "a_<wbr>b-<wbr>c/<wbr>d:<wbr>e.");
        assert_eq!(breakable("400141"), "400141");
        assert_eq!(breakable("<b>&\"x'.y"), "&lt;b&gt;&amp;&quot;x&#39;.<wbr>y");
    }

    #[test]
    fn the_wbr_filter_is_not_escaped_again() {
        let mut theme =
            Theme::load(&ThemeFiles::read(None).unwrap(), &SiteSettings::default()).expect("theme");
        let tera = &mut theme.tera.en;
        tera.add_raw_template("t.html", "{{ code | wbr }} {{ code }}")
            .unwrap();
        let mut context = tera::Context::new();
        context.insert("code", "A.<B>");
        assert_eq!(
            tera.render("t.html", &context).unwrap(),
            "A.<wbr>&lt;B&gt; A.&lt;B&gt;"
        );
    }

    #[test]
    fn every_diagnostic_kind_has_a_label() {
        let theme =
            Theme::load(&ThemeFiles::read(None).unwrap(), &SiteSettings::default()).expect("theme");
        for kind in crate::diagnostic::Kind::ALL {
            let key = format!("kind_{}", kind.as_str().replace('-', "_"));
            assert!(theme.strings.en.contains_key(&key), "missing {key}");
        }
    }

    #[test]
    fn a_key_missing_in_one_language_is_named() {
        let err =
            load_strings("[en]\na = \"A\"\nb = \"B\"\n[zh]\na = \"甲\"\nc = \"丙\"\n").unwrap_err();
        assert_eq!(err.to_string(), "UI strings: missing `en.c`, `zh.b`");
    }
}
