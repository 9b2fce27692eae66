//! `vendor.toml`: what a vendor is called and which of its files to read.

use serde::{Deserialize, Deserializer};

use super::encoding::Declared;
use crate::model::{Bilingual, Lang};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VendorConfig {
    #[serde(deserialize_with = "plain_names")]
    pub name: Bilingual<String>,
    /// Linked from the vendor's page, so only an http(s) URL.
    #[serde(default, deserialize_with = "web_url")]
    pub homepage: Option<String>,
    pub http_status: Option<StatusRule>,
    pub sources: Vec<SourceConfig>,
}

/// Where a vendor's HTTP statuses come from when a row gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum StatusRule {
    /// The code's first three digits are the HTTP status (`4030148` → 403).
    CodePrefix,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceConfig {
    /// Relative to the vendor's folder; its place in `vendor.toml` is kept
    /// for diagnostics.
    pub file: toml::Spanned<String>,
    /// The language the file is written in.
    pub lang: Lang,
    /// Detected from the content when absent.
    pub format: Option<Format>,
    /// UTF-8 when absent.
    pub encoding: Option<Declared>,
}

/// The vendor's names, with no control character (TOML's `\u` escapes
/// allow them; pages and terminals must not get them).
fn plain_names<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Bilingual<String>, D::Error> {
    let names = Bilingual::<String>::deserialize(deserializer)?;
    for name in [&names.en, &names.zh] {
        if name.chars().any(char::is_control) {
            return Err(serde::de::Error::custom(format!(
                "name `{}` holds a control character",
                name.escape_debug()
            )));
        }
    }
    Ok(names)
}

/// An `http://` or `https://` URL with nothing in it that would need
/// escaping: no other scheme (`javascript:`, `data:`) reaches a link.
fn web_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let url = String::deserialize(deserializer)?;
    let scheme = ["https://", "http://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    });
    let plain = !url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    });
    if scheme && plain && url.len() > "https://".len() {
        Ok(Some(url))
    } else {
        Err(serde::de::Error::custom(format!(
            "homepage `{url}` is not a plain http:// or https:// URL"
        )))
    }
}

/// The shapes of source errdocs reads, one parser module each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Format {
    MarkdownTable,
    HtmlTable,
    CodeList,
    /// A Markdown heading per code, its text in the paragraphs below.
    Headings,
    /// Constants, enums and maps in source code (`constants` too).
    #[serde(alias = "constants")]
    Source,
    Json,
    Yaml,
    Csv,
}

impl Format {
    /// Every format, in the order `vendor.toml`'s documentation lists them.
    pub(crate) const ALL: [Format; 8] = [
        Format::MarkdownTable,
        Format::HtmlTable,
        Format::CodeList,
        Format::Headings,
        Format::Source,
        Format::Json,
        Format::Yaml,
        Format::Csv,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Format::MarkdownTable => "markdown-table",
            Format::HtmlTable => "html-table",
            Format::CodeList => "code-list",
            Format::Headings => "headings",
            Format::Source => "source",
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Csv => "csv",
        }
    }
}
