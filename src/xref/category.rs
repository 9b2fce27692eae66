//! Canonical categories: which `google.rpc.Code` each vendor code is, by an
//! ordered rule table kept as data (`categories.toml`, embedded), with a
//! maintainer's override per code winning over every rule.
//!
//! Matching runs on every code of every build, so the table is compiled once:
//! name patterns are split at their `*`s and carry the byte pairs they need
//! (a name lacking one is skipped without a scan), English words are indexed
//! by their first token and Chinese words by their first character, and each
//! text is lowercased and scanned once for all rules together. No regex
//! engine: whole-word and substring matching is all the table needs.
//!
//! The table as written and its loading are `table`, the compiled
//! patterns and words `matchers`, and choosing a code's category
//! `assign`.

mod assign;
mod matchers;
mod table;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::Serialize;

use self::matchers::{ChineseWord, EnglishWord, Rule};
use crate::model::{Bilingual, Category};

/// The rule table and category texts compiled into errdocs.
const BUILTIN: &str = include_str!("categories.toml");

/// A code's category and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Assigned {
    pub category: Category,
    pub reason: Reason,
}

/// Why a category was chosen, in enough detail to show on the page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A maintainer's override in the vendor's `categories.toml`.
    Override { file: String, line: usize },
    /// A rule of the built-in rule table matched.
    Rule {
        /// The rule's id in the rule table.
        rule: String,
        /// What the rule looked at.
        on: RuleTarget,
        /// The text that matched, as the rule table spells it: `未找到`,
        /// `NotFound*`, `404`, `5xx`.
        matched: String,
    },
    /// No rule matched.
    Default,
}

/// Which part of a code a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleTarget {
    Name,
    Message,
    HttpStatus,
}

/// What a category means, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryInfo {
    pub category: Category,
    pub name: Bilingual<String>,
    pub meaning: Bilingual<String>,
    pub retry: Bilingual<String>,
}

/// Why a rule table was refused: every problem, not just the first.
#[derive(Debug, thiserror::Error)]
pub enum CategoryDataError {
    #[error("category data is not valid: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("category data has {} problem(s):\n{}", .0.len(), .0.join("\n"))]
    Invalid(Vec<String>),
}

/// The compiled rule table: assigns every code its category.
#[derive(Debug)]
pub struct Categorizer {
    /// In [`Category::ALL`] order.
    infos: Vec<CategoryInfo>,
    rules: Vec<Rule>,
    /// English words and phrases by their first token.
    english: HashMap<String, Vec<EnglishWord>>,
    /// Chinese words by their first character.
    chinese: HashMap<char, Vec<ChineseWord>>,
}

impl Categorizer {
    /// The rules and category texts compiled into errdocs.
    pub fn builtin() -> Categorizer {
        // The data is part of the source: a broken table is a bug, caught by
        // the unit test `builtin_table_loads`, never bad user input.
        Categorizer::from_toml(BUILTIN)
            .unwrap_or_else(|err| panic!("src/xref/categories.toml: {err}"))
    }

    /// Compiles a rule table written like `categories.toml`.
    pub fn from_toml(text: &str) -> Result<Categorizer, CategoryDataError> {
        table::load(text)
    }

    pub fn info(&self, category: Category) -> &CategoryInfo {
        &self.infos[index(category)]
    }

    /// The rules' ids, in the order they are tried.
    pub fn rule_ids(&self) -> impl ExactSizeIterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }
}

fn index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("Category::ALL lists every category")
}
