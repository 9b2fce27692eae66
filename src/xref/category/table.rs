//! The rule table as written in `categories.toml`, and its compiling into
//! a [`Categorizer`], refusing a table with every problem it has listed.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::matchers::{
    ChineseWord, EnglishWord, Glob, Rule, StatusCondition, StatusPattern, tokens,
};
use super::{Categorizer, CategoryDataError, CategoryInfo};
use crate::model::{Bilingual, Category, Lang};

/// Reads and compiles a rule table written like `categories.toml`.
pub(super) fn load(text: &str) -> Result<Categorizer, CategoryDataError> {
    let data: Data = toml::from_str(text)?;
    compile(data).map_err(CategoryDataError::Invalid)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    categories: BTreeMap<Category, TextsData>,
    rules: Vec<RuleData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextsData {
    name: Pair,
    meaning: Pair,
    retry: Pair,
}

/// Like [`Bilingual`], but refusing a third language or a misspelt key.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    en: String,
    zh: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleData {
    id: String,
    category: Category,
    #[serde(default)]
    name: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    status: Vec<String>,
    when_status: Option<Vec<String>>,
}

/// Checks the table as written and compiles it; every problem found, if any.
fn compile(data: Data) -> Result<Categorizer, Vec<String>> {
    let mut problems = Vec::new();

    let mut infos = Vec::with_capacity(Category::ALL.len());
    for category in Category::ALL {
        let Some(texts) = data.categories.get(&category) else {
            problems.push(format!("category `{category}` has no texts"));
            continue;
        };
        for (field, pair) in [
            ("name", &texts.name),
            ("meaning", &texts.meaning),
            ("retry", &texts.retry),
        ] {
            for (lang, text) in [(Lang::En, &pair.en), (Lang::Zh, &pair.zh)] {
                if text.trim().is_empty() {
                    problems.push(format!("category `{category}`: `{field}.{lang}` is empty"));
                }
            }
        }
        let pair = |p: &Pair| Bilingual {
            en: p.en.clone(),
            zh: p.zh.clone(),
        };
        infos.push(CategoryInfo {
            category,
            name: pair(&texts.name),
            meaning: pair(&texts.meaning),
            retry: pair(&texts.retry),
        });
    }

    let mut rules = Vec::with_capacity(data.rules.len());
    let mut english: HashMap<String, Vec<EnglishWord>> = HashMap::new();
    let mut chinese: HashMap<char, Vec<ChineseWord>> = HashMap::new();
    let mut ids = HashSet::new();
    for (i, rule) in data.rules.into_iter().enumerate() {
        let id = rule.id;
        let mut problem = |what: String| problems.push(format!("rule `{id}`: {what}"));
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            problem("an id is lowercase letters, digits and `-`".to_owned());
        }
        if !ids.insert(id.clone()) {
            problem("the id is used by an earlier rule".to_owned());
        }
        if rule.name.is_empty() && rule.words.is_empty() && rule.status.is_empty() {
            problem("matches nothing: give `name`, `words` or `status`".to_owned());
        }
        for pattern in &rule.name {
            if !has_letter(pattern) {
                problem(format!("name pattern `{pattern}` has no letter"));
            }
        }
        for word in &rule.words {
            if !has_letter(word) {
                // Also keeps code numbers out of the rules.
                problem(format!("word `{word}` has no letter"));
            } else if word.contains('*') {
                problem(format!("word `{word}`: `*` is for name patterns only"));
            } else if Lang::detect(word) == Lang::Zh {
                let text = word.to_lowercase();
                let first = text.chars().next().expect("has a letter");
                chinese.entry(first).or_default().push(ChineseWord {
                    rule: i,
                    text,
                    source: word.clone(),
                });
            } else {
                let lower = word.to_lowercase();
                let mut tokens = tokens(&lower).map(str::to_owned);
                match tokens.next() {
                    Some(first) => english.entry(first).or_default().push(EnglishWord {
                        rule: i,
                        rest: tokens.collect(),
                        source: word.clone(),
                    }),
                    None => problem(format!(
                        "word `{word}` has no ASCII letter or digit to match as English"
                    )),
                }
            }
        }
        let mut status = Vec::new();
        for s in &rule.status {
            match StatusPattern::parse(s) {
                Some(p) => status.push(p),
                None => problem(format!("status `{s}` is not like `404` or `5xx`")),
            }
        }
        let when_status = match rule.when_status {
            None => None,
            Some(list) if list.is_empty() => {
                problem("`when_status` is empty; leave it out to apply to any status".to_owned());
                None
            }
            Some(list) => Some(
                list.iter()
                    .filter_map(|s| match s.as_str() {
                        "none" => Some(StatusCondition::Absent),
                        _ => {
                            let p = StatusPattern::parse(s).map(StatusCondition::Is);
                            if p.is_none() {
                                problem(format!(
                                    "`when_status` `{s}` is not like `404`, `5xx` or `none`"
                                ));
                            }
                            p
                        }
                    })
                    .collect(),
            ),
        };
        rules.push(Rule {
            names: rule.name.iter().map(|p| Glob::new(p)).collect(),
            id,
            category: rule.category,
            status,
            when_status,
        });
    }

    if problems.is_empty() {
        Ok(Categorizer {
            infos,
            rules,
            english,
            chinese,
        })
    } else {
        Err(problems)
    }
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}
