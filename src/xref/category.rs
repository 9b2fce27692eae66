//! Canonical categories: which `google.rpc.Code` each vendor code is, by
//! rules kept as data, with per-vendor overrides. (Being written.)

use crate::model::{Bilingual, Category, Record, Vendor};

/// A code's category and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Assigned {
    pub category: Category,
    pub reason: Reason,
}

/// Why a category was chosen, in enough detail to show on the page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reason {
    /// A maintainer's override in the vendor's `categories.toml`.
    Override { file: String, line: usize },
    /// A rule of the built-in rule table matched.
    Rule {
        /// The rule's id in the rule table.
        rule: String,
        /// What the rule looked at.
        on: RuleTarget,
        /// The text that matched: `未找到`, `NotFound*`, `404`.
        matched: String,
    },
    /// No rule matched.
    Default,
}

/// Which part of a code a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleTarget {
    Name,
    Message,
    HttpStatus,
}

/// What a category means, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryInfo {
    pub category: Category,
    pub name: Bilingual<String>,
    pub meaning: Bilingual<String>,
    pub retry: Bilingual<String>,
}

#[derive(Debug)]
pub struct Categorizer {
    infos: Vec<CategoryInfo>,
}

impl Categorizer {
    /// The rules and category texts compiled into errdocs.
    pub fn builtin() -> Categorizer {
        let infos = Category::ALL
            .into_iter()
            .map(|category| CategoryInfo {
                category,
                name: Bilingual {
                    en: category.as_str().to_owned(),
                    zh: category.as_str().to_owned(),
                },
                meaning: Bilingual::default(),
                retry: Bilingual::default(),
            })
            .collect();
        Categorizer { infos }
    }

    pub fn info(&self, category: Category) -> &CategoryInfo {
        &self.infos[Category::ALL
            .iter()
            .position(|c| *c == category)
            .unwrap_or(0)]
    }

    pub fn assign(&self, _vendor: &Vendor, _record: &Record) -> Assigned {
        Assigned {
            category: Category::Unknown,
            reason: Reason::Default,
        }
    }
}
