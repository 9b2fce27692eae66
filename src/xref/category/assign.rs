//! Assignment: a code's category from the compiled table, trying each rule
//! on the name, the texts and the HTTP status in turn.

use super::matchers::{Pairs, tokens};
use super::{Assigned, Categorizer, Reason, RuleTarget};
use crate::model::{Category, Lang, Record, Vendor};

impl Categorizer {
    /// The category of `record`, one of `vendor`'s codes: the vendor's
    /// override if it has one, else the first rule that matches, trying each
    /// rule on the name, then the texts, then the HTTP status.
    pub fn assign(&self, vendor: &Vendor, record: &Record) -> Assigned {
        if let Some(o) = vendor.overrides.iter().find(|o| o.code == record.code) {
            return Assigned {
                category: o.category,
                reason: Reason::Override {
                    file: o.file.clone(),
                    line: o.line,
                },
            };
        }
        let name = record.name.as_deref().map(|n| {
            let name = normalise_name(n);
            let pairs = Pairs::of(&name);
            (name, pairs)
        });
        let words = self.word_hits(record);
        let status = record.http_status();
        for (i, rule) in self.rules.iter().enumerate() {
            if !rule.applies_to(status) {
                continue;
            }
            let hit = if let Some(glob) = name
                .as_ref()
                .and_then(|(name, pairs)| rule.names.iter().find(|g| g.matches_fast(name, pairs)))
            {
                Some((RuleTarget::Name, glob.source.as_str()))
            } else if let Some(word) = words[i] {
                Some((RuleTarget::Message, word))
            } else {
                status
                    .and_then(|s| rule.status.iter().find(|p| p.matches(s)))
                    .map(|p| (RuleTarget::HttpStatus, p.source.as_str()))
            };
            if let Some((on, matched)) = hit {
                return Assigned {
                    category: rule.category,
                    reason: Reason::Rule {
                        rule: rule.id.clone(),
                        on,
                        matched: matched.to_owned(),
                    },
                };
            }
        }
        Assigned {
            category: Category::Unknown,
            reason: Reason::Default,
        }
    }

    /// For each rule, the first of its words found in any of the record's
    /// texts, scanning each text once for all rules.
    fn word_hits(&self, record: &Record) -> Vec<Option<&str>> {
        let mut hits: Vec<Option<&str>> = vec![None; self.rules.len()];
        for message in &record.messages {
            let text = message.text.to_lowercase();
            let tokens: Vec<&str> = tokens(&text).collect();
            for (i, token) in tokens.iter().enumerate() {
                for word in self.english.get(*token).into_iter().flatten() {
                    if hits[word.rule].is_none() && word.follows(&tokens[i + 1..]) {
                        hits[word.rule] = Some(&word.source);
                    }
                }
            }
            if Lang::detect(&text) == Lang::Zh {
                for (at, c) in text.char_indices() {
                    for word in self.chinese.get(&c).into_iter().flatten() {
                        if hits[word.rule].is_none() && text[at..].starts_with(&word.text) {
                            hits[word.rule] = Some(&word.source);
                        }
                    }
                }
            }
        }
        hits
    }
}

/// A symbolic name as patterns see it: lowercased, with `.`, `-` and spaces
/// as `_`, so `Token.Expired` reads like `TOKEN_EXPIRED`.
pub(super) fn normalise_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '.' | '-' | ' ' => '_',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}
