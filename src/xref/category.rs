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

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::{Bilingual, Category, HttpStatus, Lang, Record, Vendor};

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
        let data: Data = toml::from_str(text)?;
        compile(data).map_err(CategoryDataError::Invalid)
    }

    pub fn info(&self, category: Category) -> &CategoryInfo {
        &self.infos[index(category)]
    }

    /// The rules' ids, in the order they are tried.
    pub fn rule_ids(&self) -> impl ExactSizeIterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

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
        let status = record.http_status;
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
fn normalise_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '.' | '-' | ' ' => '_',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("Category::ALL lists every category")
}

/// The words of a lowercased English text: runs of ASCII letters, digits
/// and `_` (so `depends_on` stays one word, as in the identifier it is).
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
}

// --- the table as written ------------------------------------------------------

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

// --- the table compiled ----------------------------------------------------------

#[derive(Debug)]
struct Rule {
    id: String,
    category: Category,
    names: Vec<Glob>,
    status: Vec<StatusPattern>,
    /// `None`: any status or none.
    when_status: Option<Vec<StatusCondition>>,
}

impl Rule {
    fn applies_to(&self, status: Option<HttpStatus>) -> bool {
        let Some(conditions) = &self.when_status else {
            return true;
        };
        conditions.iter().any(|c| match (c, status) {
            (StatusCondition::Absent, None) => true,
            (StatusCondition::Is(p), Some(s)) => p.matches(s),
            _ => false,
        })
    }
}

/// A name pattern: literal parts between `*`s, lowercased.
#[derive(Debug)]
struct Glob {
    source: String,
    parts: Vec<String>,
    /// The byte pairs the parts contain: a name lacking one cannot match.
    needs: Pairs,
}

impl Glob {
    fn new(source: &str) -> Glob {
        let lower = source.to_lowercase();
        let mut needs = Pairs::default();
        for part in lower.split('*') {
            needs.add(part);
        }
        Glob {
            source: source.to_owned(),
            parts: lower.split('*').map(str::to_owned).collect(),
            needs,
        }
    }

    /// Whether the lowercased `name`, whose byte pairs are `pairs`, matches.
    fn matches_fast(&self, name: &str, pairs: &Pairs) -> bool {
        pairs.covers(&self.needs) && self.matches(name)
    }

    /// Whether the lowercased `name` matches. The first part is a prefix,
    /// the last a suffix (either empty when the pattern starts or ends with
    /// `*`), the ones between must appear in order.
    fn matches(&self, name: &str) -> bool {
        let (first, rest) = self.parts.split_first().expect("split yields a part");
        let Some(mut tail) = name.strip_prefix(first.as_str()) else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            return tail.is_empty();
        };
        for part in middle {
            match tail.find(part.as_str()) {
                Some(at) => tail = &tail[at + part.len()..],
                None => return false,
            }
        }
        tail.ends_with(last.as_str())
    }
}

/// Which pairs of adjacent bytes occur in a text, hashed into 256 bits: a
/// rough set that can only err towards "present". Checking it first spares
/// scanning a name for most of the table's patterns.
#[derive(Debug, Default, Clone, Copy)]
struct Pairs([u64; 4]);

impl Pairs {
    fn of(text: &str) -> Pairs {
        let mut pairs = Pairs::default();
        pairs.add(text);
        pairs
    }

    fn add(&mut self, text: &str) {
        for w in text.as_bytes().windows(2) {
            let bit = usize::from(w[0].wrapping_mul(31) ^ w[1]);
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    fn covers(&self, other: &Pairs) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & b == *b)
    }
}

/// `404`, or a class `5xx`.
#[derive(Debug)]
struct StatusPattern {
    source: String,
    exact: Option<u16>,
    class: u16,
}

impl StatusPattern {
    fn parse(source: &str) -> Option<StatusPattern> {
        let bytes = source.as_bytes();
        let class = match bytes.first()? {
            b @ b'1'..=b'5' => u16::from(b - b'0'),
            _ => return None,
        };
        if bytes.len() != 3 {
            return None;
        }
        let exact = if &bytes[1..] == b"xx" {
            None
        } else if bytes[1..].iter().all(u8::is_ascii_digit) {
            Some(source.parse().ok()?)
        } else {
            return None;
        };
        Some(StatusPattern {
            source: source.to_owned(),
            exact,
            class,
        })
    }

    fn matches(&self, status: HttpStatus) -> bool {
        match self.exact {
            Some(exact) => status.get() == exact,
            None => status.get() / 100 == self.class,
        }
    }
}

#[derive(Debug)]
enum StatusCondition {
    /// `none`: the code has no HTTP status.
    Absent,
    Is(StatusPattern),
}

#[derive(Debug)]
struct EnglishWord {
    rule: usize,
    /// The tokens after the first.
    rest: Vec<String>,
    source: String,
}

impl EnglishWord {
    /// Whether `after`, the tokens after a match of the first one, starts
    /// with the rest of the phrase.
    fn follows(&self, after: &[&str]) -> bool {
        after.len() >= self.rest.len() && self.rest.iter().zip(after).all(|(a, b)| a == b)
    }
}

#[derive(Debug)]
struct ChineseWord {
    rule: usize,
    /// Lowercased, to compare with lowercased text (`TOKEN不合法`).
    text: String,
    source: String,
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bilingual, CategoryOverride, Code, Message, SourceRef, VendorId};

    fn vendor(overrides: Vec<CategoryOverride>) -> Vendor {
        Vendor {
            id: VendorId::new("acme").unwrap(),
            name: Bilingual::default(),
            homepage: None,
            records: Vec::new(),
            overrides,
        }
    }

    fn record(name: Option<&str>, status: Option<u16>, texts: &[&str]) -> Record {
        let mut record = Record::new(Code::new("1001"));
        record.name = name.map(str::to_owned);
        record.http_status = status.and_then(HttpStatus::new);
        record.messages = texts
            .iter()
            .map(|t| Message {
                lang: Lang::detect(t),
                text: (*t).to_owned(),
                source: 0,
            })
            .collect();
        record.sources.push(SourceRef {
            file: "acme/errors.md".to_owned(),
            line: 3,
            lang: Lang::Zh,
        });
        record
    }

    fn assign(name: Option<&str>, status: Option<u16>, texts: &[&str]) -> Assigned {
        Categorizer::builtin().assign(&vendor(Vec::new()), &record(name, status, texts))
    }

    fn category(name: Option<&str>, status: Option<u16>, texts: &[&str]) -> Category {
        assign(name, status, texts).category
    }

    fn rule(assigned: &Assigned) -> (&str, RuleTarget, &str) {
        match &assigned.reason {
            Reason::Rule { rule, on, matched } => (rule, *on, matched),
            other => panic!("not a rule: {other:?}"),
        }
    }

    #[test]
    fn builtin_table_loads() {
        let categorizer = Categorizer::builtin();
        for category in Category::ALL {
            let info = categorizer.info(category);
            assert_eq!(info.category, category);
            assert!(!info.name.en.is_empty() && !info.retry.zh.is_empty());
        }
        assert!(categorizer.rule_ids().len() > 30);
    }

    #[test]
    fn every_category_has_a_rule_that_assigns_it() {
        let categorizer = Categorizer::builtin();
        for category in Category::ALL {
            assert!(
                categorizer.rules.iter().any(|r| r.category == category),
                "{category}"
            );
        }
    }

    #[test]
    fn override_wins_over_rules() {
        let overrides = vec![CategoryOverride {
            code: Code::new("1001"),
            category: Category::Aborted,
            file: "acme/categories.toml".to_owned(),
            line: 2,
        }];
        let assigned = Categorizer::builtin().assign(
            &vendor(overrides),
            &record(Some("NotFoundUser"), Some(404), &["user not found"]),
        );
        assert_eq!(assigned.category, Category::Aborted);
        assert_eq!(
            assigned.reason,
            Reason::Override {
                file: "acme/categories.toml".to_owned(),
                line: 2
            }
        );
    }

    #[test]
    fn override_for_another_code_is_ignored() {
        let overrides = vec![CategoryOverride {
            code: Code::new("9999"),
            category: Category::Aborted,
            file: "acme/categories.toml".to_owned(),
            line: 2,
        }];
        let assigned =
            Categorizer::builtin().assign(&vendor(overrides), &record(None, None, &["未找到用户"]));
        assert_eq!(assigned.category, Category::NotFound);
    }

    #[test]
    fn invalid_beats_rate_limit_noun() {
        assert_eq!(
            category(
                Some("InvalidRateLimitID"),
                Some(400),
                &["invalid rate limit id", "限频ID非法"]
            ),
            Category::InvalidArgument
        );
        assert_eq!(
            category(None, Some(400), &["限流名称非法"]),
            Category::InvalidArgument
        );
    }

    #[test]
    fn rate_limit_under_403_or_429_is_resource_exhausted() {
        assert_eq!(
            category(None, Some(403), &["Api freq out of limit."]),
            Category::ResourceExhausted
        );
        assert_eq!(
            category(None, Some(429), &["触发限流"]),
            Category::ResourceExhausted
        );
    }

    #[test]
    fn quota_noun_yields_to_its_predicate() {
        assert_eq!(
            category(None, Some(500), &["Quota service is unavailable"]),
            Category::Unavailable
        );
        assert_eq!(
            category(
                Some("QUOTA_PROJECT_EXIST"),
                None,
                &["该项目的QUOTA已经存在"]
            ),
            Category::AlreadyExists
        );
        assert_eq!(
            category(None, None, &["超出配额"]),
            Category::ResourceExhausted
        );
        assert_eq!(
            category(None, Some(400), &["Loadbalancer quota insufficient"]),
            Category::ResourceExhausted
        );
    }

    #[test]
    fn children_exist_is_failed_precondition() {
        assert_eq!(
            category(
                Some("ServiceExistedInstances"),
                Some(400),
                &[
                    "some instances existed in service",
                    "当前服务存在实例，请先删除实例，再删除服务"
                ]
            ),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(None, None, &["存在依赖的快照"]),
            Category::FailedPrecondition
        );
    }

    #[test]
    fn existed_resource_is_already_exists() {
        assert_eq!(
            category(
                Some("ExistedResource"),
                Some(400),
                &["existed resource", "资源已存在"]
            ),
            Category::AlreadyExists
        );
        assert_eq!(
            category(None, Some(404), &["dbinstance duplicate"]),
            Category::AlreadyExists
        );
    }

    #[test]
    fn chinese_not_found_is_matched_as_substring() {
        let assigned = assign(None, Some(400), &["未找到心跳类型"]);
        assert_eq!(assigned.category, Category::NotFound);
        assert_eq!(
            rule(&assigned),
            ("not-found", RuleTarget::Message, "未找到")
        );
    }

    #[test]
    fn english_words_match_whole_words_only() {
        // `limited` is not `limit`, `states` not `state`.
        assert_eq!(
            category(None, None, &["unlimited states"]),
            Category::Unknown
        );
        assert_eq!(
            category(None, Some(404), &["Namspace not found."]),
            Category::NotFound
        );
        assert_eq!(category(None, None, &["NO SUCH USER"]), Category::NotFound);
    }

    #[test]
    fn curly_and_straight_apostrophes_match_alike() {
        assert_eq!(
            category(
                None,
                Some(403),
                &["Microservice can’t update in current state."]
            ),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(None, None, &["user doesn't exist"]),
            Category::NotFound
        );
    }

    #[test]
    fn token_under_401_is_unauthenticated_not_not_found() {
        assert_eq!(
            category(None, Some(401), &["token不存在"]),
            Category::Unauthenticated
        );
        assert_eq!(
            category(Some("TOKEN_INVALID"), None, &["TOKEN不合法"]),
            Category::Unauthenticated
        );
        // Under 400 a token is a field like any other.
        assert_eq!(
            category(
                Some("InvalidServiceToken"),
                Some(400),
                &["invalid service token"]
            ),
            Category::InvalidArgument
        );
    }

    #[test]
    fn permission_words_beat_the_401_status() {
        assert_eq!(
            category(
                Some("NotAllowedAccess"),
                Some(401),
                &["access is not approved", "权限不被允许"]
            ),
            Category::PermissionDenied
        );
        assert_eq!(
            category(None, Some(403), &["Action forbidden"]),
            Category::PermissionDenied
        );
    }

    #[test]
    fn not_allowed_without_auth_status_is_failed_precondition() {
        assert_eq!(
            category(
                Some("NotAllowAliasUpdate"),
                Some(400),
                &["not allow service alias updating"]
            ),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(None, Some(403), &["不允许访问该接口"]),
            Category::PermissionDenied
        );
    }

    #[test]
    fn forbidden_without_auth_status_is_failed_precondition() {
        assert_eq!(
            category(
                None,
                Some(400),
                &["forbidden to delete monthly or yearly instance"]
            ),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(None, Some(403), &["Action forbidden"]),
            Category::PermissionDenied
        );
        assert_eq!(
            category(Some("FORBIDDEN"), None, &["禁止访问"]),
            Category::PermissionDenied
        );
    }

    #[test]
    fn operation_in_progress_is_failed_precondition_unless_told_to_retry() {
        assert_eq!(
            category(None, Some(403), &["Loadbalancer is creating"]),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(None, None, &["资源管理器正在关闭中"]),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(None, None, &["服务正在维护，请稍后重试"]),
            Category::Unavailable
        );
    }

    #[test]
    fn advice_to_retry_later_yields_to_a_predicate() {
        assert_eq!(
            category(None, Some(500), &["Internal error, please retry later"]),
            Category::Internal
        );
        assert_eq!(
            category(
                Some("Internal"),
                None,
                &["Internal is a bug on our side; retry later."]
            ),
            Category::Internal
        );
        assert_eq!(category(None, None, &["请稍后再试"]), Category::Unavailable);
    }

    #[test]
    fn expired_token_is_unauthenticated_whatever_the_status() {
        let assigned = assign(Some("Token.Expired"), Some(403), &["令牌已过期 请重新登录"]);
        assert_eq!(assigned.category, Category::Unauthenticated);
        assert_eq!(
            rule(&assigned),
            ("unauthenticated", RuleTarget::Name, "*TOKEN_EXPIRED*")
        );
        assert_eq!(
            category(None, Some(400), &["Token expired"]),
            Category::Unauthenticated
        );
        assert_eq!(
            category(None, Some(400), &["DB snapshot expired"]),
            Category::FailedPrecondition
        );
    }

    #[test]
    fn google_code_names_match_whole_names() {
        assert_eq!(
            category(Some("OutOfRange"), None, &[]),
            Category::OutOfRange
        );
        assert_eq!(category(Some("INTERNAL"), None, &[]), Category::Internal);
        assert_eq!(category(Some("OK"), None, &[]), Category::Ok);
        assert_eq!(
            category(Some("FailedPrecondition"), None, &[]),
            Category::FailedPrecondition
        );
        // A pattern without `*` is the whole name, not a prefix.
        assert_eq!(category(Some("InternalUse"), None, &[]), Category::Unknown);
        assert_eq!(category(Some("OKAY_BUT"), None, &[]), Category::Unknown);
    }

    #[test]
    fn dots_and_hyphens_in_names_count_as_underscores() {
        assert_eq!(normalise_name("Token.Expired"), "token_expired");
        assert_eq!(
            category(Some("Vol-Not-Found"), None, &[]),
            Category::NotFound
        );
        assert_eq!(
            category(Some("Quota.Exceeded"), None, &[]),
            Category::ResourceExhausted
        );
    }

    #[test]
    fn resource_state_beats_invalid_and_unsupported() {
        assert_eq!(
            category(None, Some(400), &["invalid dbinstance state"]),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(
                Some("VOL_EXT_BAD_VOL_STATUS"),
                None,
                &["云硬盘当前状态不支持扩容操作"]
            ),
            Category::FailedPrecondition
        );
        assert_eq!(
            category(
                None,
                None,
                &["应用处于非运行状态或应用状态异常，暂无法扩容云盘"]
            ),
            Category::FailedPrecondition
        );
    }

    #[test]
    fn text_beats_a_specific_name_that_disagrees() {
        assert_eq!(
            category(
                Some("MOUNT_POINT_NOT_FOUND"),
                None,
                &["挂载参数中缺少挂载路径"]
            ),
            Category::InvalidArgument
        );
        assert_eq!(
            category(
                Some("VOL_EXP_VOL_BUSY"),
                None,
                &["云硬盘正被其他应用使用中，暂无法启动资源管理器"]
            ),
            Category::FailedPrecondition
        );
    }

    #[test]
    fn specific_text_beats_generic_name() {
        let assigned = assign(Some("APP_NAME_ERROR"), None, &["应用名称不合法"]);
        assert_eq!(assigned.category, Category::InvalidArgument);
        assert_eq!(rule(&assigned), ("invalid", RuleTarget::Message, "不合法"));
    }

    #[test]
    fn name_alone_decides_when_there_is_no_text() {
        let assigned = assign(Some("VOLUME_NOT_FOUND"), None, &[]);
        assert_eq!(assigned.category, Category::NotFound);
        assert_eq!(
            rule(&assigned),
            ("not-found-name", RuleTarget::Name, "*_NOT_FOUND*")
        );
        assert_eq!(
            category(Some("ItemNotFound"), None, &[]),
            Category::NotFound
        );
    }

    #[test]
    fn parameter_bounds_are_invalid_argument_not_out_of_range() {
        assert_eq!(
            category(
                None,
                Some(400),
                &["Param container desc length out of range."]
            ),
            Category::InvalidArgument
        );
        assert_eq!(
            category(None, Some(400), &["配置文件内容过长"]),
            Category::InvalidArgument
        );
        assert_eq!(
            category(None, None, &["offset out of range"]),
            Category::OutOfRange
        );
        assert_eq!(
            category(None, Some(416), &["range not satisfiable"]),
            Category::OutOfRange
        );
    }

    #[test]
    fn conflict_asking_to_retry_is_aborted() {
        assert_eq!(
            category(
                Some("DataConflict"),
                Some(409),
                &["data is conflict, please try again"]
            ),
            Category::Aborted
        );
        assert_eq!(
            category(None, Some(409), &["Duplicate app name."]),
            Category::AlreadyExists
        );
        assert_eq!(
            category(Some("VOL_NAME_CONFLICT"), None, &[]),
            Category::AlreadyExists
        );
    }

    #[test]
    fn status_alone_is_the_last_resort() {
        let assigned = assign(None, Some(409), &["resource version mismatch"]);
        assert_eq!(assigned.category, Category::Aborted);
        assert_eq!(rule(&assigned), ("http-409", RuleTarget::HttpStatus, "409"));
        let assigned = assign(None, Some(507), &["insufficient storage"]);
        assert_eq!(assigned.category, Category::ResourceExhausted);
        let assigned = assign(None, Some(507), &["storage"]);
        assert_eq!(rule(&assigned), ("http-5xx", RuleTarget::HttpStatus, "5xx"));
        assert_eq!(category(None, Some(503), &[]), Category::Unavailable);
        assert_eq!(category(None, Some(499), &[]), Category::Cancelled);
    }

    #[test]
    fn success_status_beats_any_text() {
        assert_eq!(
            category(
                Some("DataNoChange"),
                Some(200),
                &["discover data is no change"]
            ),
            Category::Ok
        );
        assert_eq!(
            category(None, None, &["云硬盘资源管理器启动成功"]),
            Category::Ok
        );
    }

    #[test]
    fn generic_failure_depends_on_the_status() {
        assert_eq!(
            category(None, None, &["删除云硬盘异常"]),
            Category::Internal
        );
        assert_eq!(
            category(None, Some(500), &["Create IP fail"]),
            Category::Internal
        );
        let assigned = assign(None, Some(400), &["Update microservice fail."]);
        assert_eq!(assigned.category, Category::Unknown);
        assert_eq!(rule(&assigned).0, "failed-client");
        // A specific status says more than "failed".
        assert_eq!(
            category(None, Some(503), &["call failed"]),
            Category::Unavailable
        );
    }

    #[test]
    fn nothing_matched_is_unknown_by_default() {
        let assigned = assign(Some("X"), None, &["请联系管理员"]);
        assert_eq!(assigned.category, Category::Unknown);
        assert_eq!(assigned.reason, Reason::Default);
    }

    #[test]
    fn glob_anchors_and_wildcards() {
        let g = Glob::new("NotFound*");
        assert!(g.matches("notfoundplatform"));
        assert!(!g.matches("platformnotfound"));
        let g = Glob::new("*_NOT_EXIST*");
        assert!(g.matches("vol_not_exists"));
        assert!(!g.matches("not_exist"));
        let g = Glob::new("FORBIDDEN");
        assert!(g.matches("forbidden") && !g.matches("forbidden_x"));
        let g = Glob::new("*a*a");
        assert!(g.matches("aa") && g.matches("xaya") && !g.matches("a"));
    }

    #[test]
    fn pair_filter_never_rejects_a_match() {
        let categorizer = Categorizer::builtin();
        let names = [
            "NotFoundPlatform",
            "VOL_NOT_EXISTS",
            "APP_NAME_DUPLICATED",
            "TOKEN_INVALID",
            "HeartbeatExceedLimit",
            "ServiceExistedInstances",
            "ExecuteSuccess",
            "forbidden",
            "x",
        ];
        let mut matched = 0;
        for name in names {
            let lower = name.to_lowercase();
            let pairs = Pairs::of(&lower);
            for glob in categorizer.rules.iter().flat_map(|r| &r.names) {
                assert_eq!(
                    glob.matches_fast(&lower, &pairs),
                    glob.matches(&lower),
                    "{} on {name}",
                    glob.source
                );
                matched += usize::from(glob.matches(&lower));
            }
        }
        assert!(matched >= names.len() - 1);
    }

    #[test]
    fn malformed_table_lists_every_problem() {
        let text = r#"
            [categories.OK]
            name = { en = "OK", zh = "" }
            meaning = { en = "x", zh = "x" }
            retry = { en = "x", zh = "x" }

            [[rules]]
            id = "Bad Id"
            category = "OK"
            words = ["400141"]
            status = ["6xx"]

            [[rules]]
            id = "empty"
            category = "OK"
            when_status = []
        "#;
        let Err(CategoryDataError::Invalid(problems)) = Categorizer::from_toml(text) else {
            panic!("accepted a broken table");
        };
        let all = problems.join("\n");
        for expected in [
            "category `CANCELLED` has no texts",
            "category `OK`: `name.zh` is empty",
            "rule `Bad Id`: an id is",
            "rule `Bad Id`: word `400141` has no letter",
            "rule `Bad Id`: status `6xx`",
            "rule `empty`: matches nothing",
            "rule `empty`: `when_status` is empty",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
        }
    }

    #[test]
    fn unknown_keys_and_categories_are_refused() {
        let err = Categorizer::from_toml(
            "[categories.OK]\nname = { en = \"a\", zh = \"b\", fr = \"c\" }",
        )
        .unwrap_err();
        assert!(matches!(err, CategoryDataError::Parse(_)), "{err}");
        let err = Categorizer::from_toml("rules = []\n[categories.NOPE]\n").unwrap_err();
        assert!(matches!(err, CategoryDataError::Parse(_)), "{err}");
    }

    #[test]
    fn reasons_serialize_with_a_kind() {
        let assigned = assign(None, Some(404), &[]);
        let json = serde_json::to_value(&assigned).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "category": "NOT_FOUND",
                "reason": { "kind": "rule", "rule": "http-404", "on": "http_status", "matched": "404" }
            })
        );
    }
}
