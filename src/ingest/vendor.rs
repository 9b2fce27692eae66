//! `vendor.toml`: what a vendor is called and which of its files to read.

use serde::Deserialize;

use crate::model::{Bilingual, Lang};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VendorConfig {
    pub name: Bilingual<String>,
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
    /// Relative to the vendor's folder.
    pub file: String,
    /// The language the file is written in.
    pub lang: Lang,
    /// Detected from the content when absent.
    pub format: Option<Format>,
}

/// The shapes of source errdocs reads, one parser module each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Format {
    MarkdownTable,
    HtmlTable,
    CodeList,
    Constants,
}

impl Format {
    /// In order of preference when two parsers find the same number of rows.
    pub(crate) const ALL: [Format; 4] = [
        Format::HtmlTable,
        Format::MarkdownTable,
        Format::Constants,
        Format::CodeList,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Format::MarkdownTable => "markdown-table",
            Format::HtmlTable => "html-table",
            Format::CodeList => "code-list",
            Format::Constants => "constants",
        }
    }
}
