//! `errdocs explain`: the records of the codes that a bare code, a log line
//! or a response body names, for the terminal.
//!
//! The codes are found by the site's own search script, `search.js`, run
//! in an embedded JavaScript engine (QuickJS) over the same index data the
//! site's search box loads: the terminal and the search box find the same
//! codes because one piece of code finds them (`Index.prototype.codesIn`,
//! the code-level part of the box's ranking). Only codes and symbolic
//! names count as found; a word that only some message contains does not.
//!
//! The catalog is read from the input, as `errdocs build` reads it, or
//! from a built site: its `search.js`, `search/index.js` (and, on a big
//! site, the shards of codes it names) and `api/<vendor>.json`.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rquickjs::context::EvalOptions;
use rquickjs::{CatchResultExt, Context, Function, Object, Runtime};
use serde::Deserialize;

use crate::build;
use crate::diagnostic::Diagnostic;
use crate::fs::{self, FsError};
use crate::model::{Bilingual, Category, Lang, TextField};
use crate::render::{self, BaseUrl, RenderError, ThemeFiles, UiStrings};
use crate::xref::{Categorizer, Checked};

/// Where the codes are looked up.
#[derive(Debug, Clone)]
pub enum Source {
    /// An input directory, read and checked as a build reads it.
    Input(PathBuf),
    /// A site errdocs built.
    Site(PathBuf),
}

/// A validated request to explain what a text names.
#[derive(Debug, Clone)]
pub struct ExplainPlan {
    /// A code, a symbolic name, or a pasted line or body holding some.
    pub text: String,
    pub source: Source,
    /// The language of the texts shown, where the code has them.
    pub lang: Lang,
    /// Only this vendor's codes count.
    pub vendor: Option<String>,
    /// Where the site is published, for absolute page URLs.
    pub base_url: Option<BaseUrl>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExplainError {
    /// The input has errors: what a build would say of it.
    #[error("the input has {} error(s)", .0.iter().filter(|d| d.is_error()).count())]
    Input(Vec<Diagnostic>),
    #[error(transparent)]
    Fs(#[from] FsError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("`{path}` is not what errdocs writes: {why}")]
    Site { path: PathBuf, why: String },
    #[error("the search script `{script}` cannot be run: {why}")]
    Script { script: String, why: String },
    #[error("no vendor `{vendor}` (there are: {})", .known.join(", "))]
    UnknownVendor { vendor: String, known: Vec<String> },
    #[error("no known error code in `{0}`")]
    NotFound(String),
    #[error("no known error code of `{vendor}` in `{text}`")]
    NotFoundForVendor { vendor: String, text: String },
}

/// The records of the codes `plan.text` names, as [`write`] prints them.
pub fn explain(plan: &ExplainPlan) -> Result<String, ExplainError> {
    let lookup = Lookup::load(&plan.source)?;
    let found = lookup.find(&plan.text, plan.vendor.as_deref())?;
    let strings = ThemeFiles::read(None)?.strings()?;
    let categorizer = Categorizer::builtin();
    let style = Style {
        lang: plan.lang,
        base_url: plan.base_url.as_ref(),
        strings: &strings,
        categorizer: &categorizer,
    };
    let mut out = Vec::new();
    write(&mut out, &found, &style).expect("writing to a Vec cannot fail");
    Ok(String::from_utf8(out).expect("the records are UTF-8"))
}

/// A text in one language, and whether the documentation team translated
/// it rather than the vendor writing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub translated: bool,
}

/// One code as `explain` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub vendor: String,
    pub code: String,
    pub name: Option<String>,
    pub http_statuses: Vec<u16>,
    /// The vendor's first message in each language, or else the team's
    /// translation.
    pub message: Bilingual<Option<Text>>,
    /// What the vendor says to do, the same way.
    pub solution: Bilingual<Option<Text>>,
    pub category: Category,
    /// The code's page, relative to the site's root.
    pub page: Bilingual<String>,
}

/// A catalog ready to be asked which codes a text names.
pub struct Lookup {
    /// The engine, with the script's index in it (the context keeps its
    /// runtime alive).
    context: Context,
    codes: Vec<Explained>,
    /// `codes` by vendor id and code.
    by_key: HashMap<(String, String), usize>,
    vendors: Vec<String>,
    /// Where the search script came from, for its errors.
    script_name: String,
}

/// The global function the glue below leaves for [`Lookup::find`].
const FIND: &str = "errdocsCodesIn";

/// Makes an index of the script's exports and the index data, and returns
/// the function that lists the codes a text names as `[vendor, code]`.
/// Matching is the script's; this only translates its answer.
const GLUE: &str = r#"(function (search, data) {
  if (!search || typeof search.Index !== 'function' ||
      typeof search.Index.prototype.codesIn !== 'function') {
    throw new Error('it exports no Index with codesIn (a site built by an older errdocs?)');
  }
  var index = new search.Index(data);
  return function (text) {
    return index.codesIn(text).map(function (i) {
      var entry = data.codes[i];
      return [data.vendors[entry[0]][0], entry[1]];
    });
  };
})"#;

impl Lookup {
    /// Reads the catalog from `source`.
    pub fn load(source: &Source) -> Result<Lookup, ExplainError> {
        match source {
            Source::Input(input) => Lookup::from_input(input),
            Source::Site(site) => Lookup::from_site(site),
        }
    }

    fn from_input(input: &Path) -> Result<Lookup, ExplainError> {
        let checked = build::check(input, false);
        if checked.diagnostics.iter().any(Diagnostic::is_error) {
            return Err(ExplainError::Input(checked.diagnostics));
        }
        let data = render::search_data(&checked)?;
        let codes = explained(&checked, &data.pages);
        let theme = ThemeFiles::read(None)?;
        Lookup::new(
            "search.js (built in)",
            theme.search_script(),
            &data.index,
            codes,
        )
    }

    fn from_site(site: &Path) -> Result<Lookup, ExplainError> {
        let script_path = site.join("search.js");
        let script = fs::read_to_string(&script_path)?;
        let index = site_index(site)?;
        // The vendors' files, which every site has; `codes.json` is left
        // out of a big one.
        let api_index: ApiIndex = read_json(&site.join("api/index.json"))?;
        let mut codes = Vec::new();
        for vendor in api_index.vendors {
            let api: ApiFile = read_json(&site.join("api").join(&vendor.file))?;
            codes.extend(api.codes.into_iter().map(ApiCode::into_explained));
        }
        Lookup::new(&script_path.display().to_string(), &script, &index, codes)
    }

    fn new(
        script_name: &str,
        script: &str,
        index: &str,
        codes: Vec<Explained>,
    ) -> Result<Lookup, ExplainError> {
        let script_error = |why: String| ExplainError::Script {
            script: script_name.to_owned(),
            why,
        };
        let runtime = Runtime::new().map_err(|e| script_error(e.to_string()))?;
        let context = Context::full(&runtime).map_err(|e| script_error(e.to_string()))?;
        context.with(|ctx| {
            let run = || -> rquickjs::Result<()> {
                // With `module` the script exports its matching and returns
                // before it reaches for the DOM, as under node.
                let module = Object::new(ctx.clone())?;
                module.set("exports", Object::new(ctx.clone())?)?;
                ctx.globals().set("module", module.clone())?;
                let mut options = EvalOptions::default();
                options.filename = Some(script_name.to_owned());
                ctx.eval_with_options::<(), _>(script, options)?;
                let exports: Object = module.get("exports")?;
                let data = ctx.json_parse(index)?;
                let glue: Function = ctx.eval(GLUE)?;
                let find: Function = glue.call((exports, data))?;
                ctx.globals().set(FIND, find)
            };
            run().catch(&ctx).map_err(|e| script_error(e.to_string()))
        })?;
        let by_key = codes
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.vendor.clone(), c.code.clone()), i))
            .collect();
        let mut vendors: Vec<String> = Vec::new();
        for code in &codes {
            if vendors.last() != Some(&code.vendor) && !vendors.contains(&code.vendor) {
                vendors.push(code.vendor.clone());
            }
        }
        Ok(Lookup {
            context,
            codes,
            by_key,
            vendors,
            script_name: script_name.to_owned(),
        })
    }

    /// The vendors' ids, in catalog order.
    pub fn vendors(&self) -> &[String] {
        &self.vendors
    }

    /// The codes `text` names, best first, as the site's search ranks
    /// them: the values of code-ish keys, then each code or symbolic name
    /// it holds. With `vendor`, only that vendor's.
    pub fn find(&self, text: &str, vendor: Option<&str>) -> Result<Vec<&Explained>, ExplainError> {
        if let Some(vendor) = vendor
            && !self.vendors.iter().any(|v| v == vendor)
        {
            return Err(ExplainError::UnknownVendor {
                vendor: vendor.to_owned(),
                known: self.vendors.clone(),
            });
        }
        let keys: Vec<Vec<String>> = self.context.with(|ctx| {
            let find = || -> rquickjs::Result<Vec<Vec<String>>> {
                let find: Function = ctx.globals().get(FIND)?;
                find.call((text,))
            };
            find().catch(&ctx).map_err(|e| ExplainError::Script {
                script: self.script_name.clone(),
                why: e.to_string(),
            })
        })?;
        let found: Vec<&Explained> = keys
            .into_iter()
            .filter_map(|key| match <[String; 2]>::try_from(key) {
                Ok([vendor, code]) => self.by_key.get(&(vendor, code)),
                Err(_) => None,
            })
            .map(|&i| &self.codes[i])
            .filter(|c| vendor.is_none_or(|v| c.vendor == v))
            .collect();
        if found.is_empty() {
            let text = shorten(text.trim());
            return Err(match vendor {
                Some(vendor) => ExplainError::NotFoundForVendor {
                    vendor: vendor.to_owned(),
                    text,
                },
                None => ExplainError::NotFound(text),
            });
        }
        Ok(found)
    }
}

/// A long pasted body is not repeated whole in an error message.
fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// Every code of a checked catalog, in catalog order.
fn explained(checked: &Checked, pages: &[Vec<Bilingual<String>>]) -> Vec<Explained> {
    let catalog = &checked.catalog;
    let mut codes = Vec::with_capacity(catalog.code_count());
    for (v, vendor) in catalog.vendors.iter().enumerate() {
        for (r, record) in vendor.records.iter().enumerate() {
            let text = |field: TextField, lang: Lang| {
                let own = match field {
                    TextField::Message => record.message(lang),
                    TextField::Description => record.description(lang),
                    TextField::Solution => record.solution(lang),
                };
                match own {
                    Some(text) => Some(Text {
                        text: text.to_owned(),
                        translated: false,
                    }),
                    None => record.translation_of(field, lang).map(|t| Text {
                        text: t.text.clone(),
                        translated: true,
                    }),
                }
            };
            let both = |field| Bilingual {
                en: text(field, Lang::En),
                zh: text(field, Lang::Zh),
            };
            codes.push(Explained {
                vendor: vendor.id.as_str().to_owned(),
                code: record.code.as_str().to_owned(),
                name: record.name.clone(),
                http_statuses: record.http_statuses.iter().map(|s| s.get()).collect(),
                message: both(TextField::Message),
                solution: both(TextField::Solution),
                category: checked.xref.categories[v][r].category,
                page: pages[v][r].clone(),
            });
        }
    }
    codes
}

/// The JSON a script at `path` hands `callback`: `callback(json);`, or
/// with `name`, `callback("name",json);`.
fn script_json(path: &Path, callback: &str, name: Option<&str>) -> Result<String, ExplainError> {
    let text = fs::read_to_string(path)?;
    let prefix = match name {
        Some(name) => format!("{callback}(\"{name}\","),
        None => format!("{callback}("),
    };
    text.trim_end()
        .strip_prefix(&prefix)
        .and_then(|s| s.strip_suffix(");"))
        .map(str::to_owned)
        .ok_or_else(|| ExplainError::Site {
            path: path.to_owned(),
            why: format!("it does not call `{prefix}…);`"),
        })
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ExplainError> {
    let text = fs::read_to_string(path)?;
    serde_json::from_str(&text).map_err(|err| ExplainError::Site {
        path: path.to_owned(),
        why: err.to_string(),
    })
}

/// The whole search index of a built site as one JSON value: its
/// `search/index.js`, or, when that is a manifest, every code gathered
/// from the shards of codes (`search/k-<n>.js`), which hold each code.
fn site_index(site: &Path) -> Result<String, ExplainError> {
    let index_path = site.join("search/index.js");
    let manifest = script_json(&index_path, render::SEARCH_CALLBACK, None)?;
    let bad = |path: &Path, why: String| ExplainError::Site {
        path: path.to_owned(),
        why,
    };
    let mut manifest: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&manifest).map_err(|e| bad(&index_path, e.to_string()))?;
    let Some(shards) = manifest.remove("shards") else {
        return Ok(serde_json::Value::Object(manifest).to_string());
    };
    let count = manifest.get("count").and_then(|c| c.as_u64()).unwrap_or(0) as usize;
    let keys = shards["k"].as_array().map_or(0, Vec::len);
    let mut codes = vec![serde_json::Value::Null; count];
    for n in 0..keys {
        let path = site.join(format!("search/k-{n}.js"));
        let name = format!("k{n}");
        let shard = script_json(&path, render::SEARCH_SHARD_CALLBACK, Some(&name))?;
        let shard: Shard = serde_json::from_str(&shard).map_err(|e| bad(&path, e.to_string()))?;
        for (id, row) in shard.ids.into_iter().zip(shard.codes) {
            let slot = codes
                .get_mut(id)
                .ok_or_else(|| bad(&path, format!("code {id} of {count}")))?;
            *slot = row;
        }
    }
    if let Some(missing) = codes.iter().position(serde_json::Value::is_null) {
        return Err(bad(&index_path, format!("no shard holds code {missing}")));
    }
    manifest.insert("codes".to_owned(), serde_json::Value::Array(codes));
    Ok(serde_json::Value::Object(manifest).to_string())
}

/// A shard of the search index, as `explain` reads it.
#[derive(Deserialize)]
struct Shard {
    ids: Vec<usize>,
    codes: Vec<serde_json::Value>,
}

/// `api/index.json`, as far as `explain` reads it.
#[derive(Deserialize)]
struct ApiIndex {
    vendors: Vec<ApiIndexVendor>,
}

#[derive(Deserialize)]
struct ApiIndexVendor {
    file: String,
}

/// The part of `api/codes.json` that `explain` shows.
#[derive(Deserialize)]
struct ApiFile {
    codes: Vec<ApiCode>,
}

#[derive(Deserialize)]
struct ApiCode {
    vendor: String,
    code: String,
    name: Option<String>,
    http_statuses: Vec<u16>,
    message: Bilingual<Option<String>>,
    solution: Bilingual<Option<String>>,
    #[serde(default)]
    translations: Vec<ApiTranslation>,
    category: ApiCategory,
    url: Bilingual<String>,
}

#[derive(Deserialize)]
struct ApiTranslation {
    field: String,
    lang: Lang,
    text: String,
}

#[derive(Deserialize)]
struct ApiCategory {
    id: Category,
}

impl ApiCode {
    fn into_explained(self) -> Explained {
        let translations = &self.translations;
        let text = |own: Option<String>, field: TextField, lang: Lang| match own {
            Some(text) => Some(Text {
                text,
                translated: false,
            }),
            None => translations
                .iter()
                .find(|t| t.field == field.as_str() && t.lang == lang)
                .map(|t| Text {
                    text: t.text.clone(),
                    translated: true,
                }),
        };
        let both = |own: Bilingual<Option<String>>, field| Bilingual {
            en: text(own.en, field, Lang::En),
            zh: text(own.zh, field, Lang::Zh),
        };
        Explained {
            message: both(self.message, TextField::Message),
            solution: both(self.solution, TextField::Solution),
            vendor: self.vendor,
            code: self.code,
            name: self.name,
            http_statuses: self.http_statuses,
            category: self.category.id,
            page: self.url,
        }
    }
}

/// How the records are written.
pub struct Style<'a> {
    pub lang: Lang,
    pub base_url: Option<&'a BaseUrl>,
    /// The labels, as the site's pages word them.
    pub strings: &'a UiStrings,
    /// Where a code without a solution gets the retry advice of its kind.
    pub categorizer: &'a Categorizer,
}

/// Writes each record as a few plain lines, a blank line between records:
///
/// ```text
/// polaris 400141  HeartbeatOnDisabledIns  HTTP 400
///   heartbeat on disabled instance
///   Retry? No: fix the request first.
///   en/polaris/400141.html
/// ```
pub fn write(out: &mut impl Write, found: &[&Explained], style: &Style) -> io::Result<()> {
    let lang = style.lang;
    let t = |key| style.strings.get(lang, key);
    for (i, code) in found.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write!(out, "{} {}", code.vendor, code.code)?;
        if let Some(name) = &code.name {
            write!(out, "  {name}")?;
        }
        if !code.http_statuses.is_empty() {
            let statuses: Vec<String> = code.http_statuses.iter().map(u16::to_string).collect();
            write!(out, "  HTTP {}", statuses.join(", "))?;
        }
        writeln!(out)?;
        if let Some(message) = shown(&code.message, lang, style.strings) {
            writeln!(out, "  {message}")?;
        }
        match shown(&code.solution, lang, style.strings) {
            Some(solution) => writeln!(out, "  {}", labelled(lang, t("solution"), &solution))?,
            None => {
                let retry = style.categorizer.info(code.category).retry.get(lang);
                writeln!(out, "  {}", labelled(lang, t("retry"), retry))?;
            }
        }
        let page = code.page.get(lang);
        match style.base_url {
            Some(base) => writeln!(out, "  {base}{page}")?,
            None => writeln!(out, "  {page}")?,
        }
    }
    Ok(())
}

/// `What to do: …`, `Retry? …`, `处理建议：…`.
fn labelled(lang: Lang, label: &str, text: &str) -> String {
    match (lang, label.ends_with(['?', '？'])) {
        (_, true) => format!("{label} {text}"),
        (Lang::En, false) => format!("{label}: {text}"),
        (Lang::Zh, false) => format!("{label}：{text}"),
    }
}

/// A text in `lang`, or the other language's marked as the pages mark it;
/// the first line of it, as the search box shows it.
fn shown(texts: &Bilingual<Option<Text>>, lang: Lang, strings: &UiStrings) -> Option<String> {
    let (text, fallback) = match (texts.get(lang), texts.get(lang.other())) {
        (Some(text), _) => (text, false),
        (None, Some(text)) => (text, true),
        (None, None) => return None,
    };
    let first = text.text.lines().next().unwrap_or_default();
    let mut line = first.to_owned();
    if fallback {
        line = format!("{line}  [{}]", strings.get(lang, "fallback_tag"));
    } else if text.translated {
        line = format!("{line}  [{}]", strings.get(lang, "translated_tag"));
    }
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"{"vendors":[["acme","Acme","极致"],["beta","Beta","贝塔"]],
        "categories":[],
        "codes":[[0,"1001","QuotaExceeded","quota exceeded","配额不足",0],
                 [0,"1002","","system busy","",0],
                 [1,"1001","","quota gone","",0]]}"#;

    fn code(vendor: &str, code: &str) -> Explained {
        Explained {
            vendor: vendor.to_owned(),
            code: code.to_owned(),
            name: None,
            http_statuses: Vec::new(),
            message: Bilingual::default(),
            solution: Bilingual::default(),
            category: Category::Unknown,
            page: Bilingual::default(),
        }
    }

    fn lookup(script: &str) -> Result<Lookup, ExplainError> {
        let codes = vec![
            code("acme", "1001"),
            code("acme", "1002"),
            code("beta", "1001"),
        ];
        Lookup::new("search.js", script, INDEX, codes)
    }

    fn found(lookup: &Lookup, text: &str) -> Vec<String> {
        match lookup.find(text, None) {
            Ok(found) => found
                .iter()
                .map(|c| format!("{}/{}", c.vendor, c.code))
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    #[test]
    fn the_theme_script_finds_codes_and_names_but_not_words() {
        let theme = ThemeFiles::read(None).unwrap();
        let lookup = lookup(theme.search_script()).unwrap();
        assert_eq!(found(&lookup, "1001"), ["acme/1001", "beta/1001"]);
        assert_eq!(found(&lookup, "QuotaExceeded"), ["acme/1001"]);
        assert_eq!(found(&lookup, "quota exceeded"), ["acme/1001"]);
        // The keyed value before a code that is merely in the line.
        assert_eq!(
            found(&lookup, r#"busy 1001 {"code": "1002"}"#),
            ["acme/1002", "acme/1001", "beta/1001"]
        );
        assert!(found(&lookup, "quota").is_empty());
        assert!(found(&lookup, "配额").is_empty());
        assert!(matches!(
            lookup.find("system busy", None),
            Err(ExplainError::NotFound(text)) if text == "system busy"
        ));
        assert_eq!(lookup.vendors(), ["acme", "beta"]);
    }

    #[test]
    fn a_script_without_code_lookup_is_refused_with_the_reason() {
        // The search.js of a site built before `codesIn` existed.
        let old = "(function () { module.exports = { Index: function (data) {} }; })();";
        let err = lookup(old).err().unwrap().to_string();
        assert!(
            err.starts_with("the search script `search.js` cannot be run"),
            "{err}"
        );
        assert!(err.contains("codesIn"), "{err}");
        let err = lookup("throw new Error('broken theme');")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("broken theme"), "{err}");
        let err = lookup("function (").err().unwrap().to_string();
        assert!(err.contains("function name expected"), "{err}");
        assert!(err.contains("at search.js:1:10"), "{err}");
    }

    #[test]
    fn a_long_text_is_shortened_in_messages() {
        assert_eq!(shorten("abc"), "abc");
        let long = "码".repeat(100);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), 81);
        assert!(short.ends_with('…'));
    }
}
