//! `search/index.js`: every code as the search box needs it, loaded by
//! `search.js` the first time the box is used.
//!
//! The index is a script, not JSON, because `fetch()` fails on `file://`
//! and a script injected with a relative `src` works on any static host,
//! under any sub-path and from disk alike. It calls `errdocsIndex(data)`:
//!
//! ```text
//! errdocsIndex({"vendors":[["polaris","Polaris Mesh","北极星 Polaris"],…],
//!   "categories":["OK","CANCELLED",…],
//!   "codes":[[3,"400141","HeartbeatOnDisabledIns","heartbeat on disabled instance","在已被禁用的实例上进行心跳",2],…]});
//! ```
//!
//! Each code is an array, so no key is repeated 10⁵ times: vendor index,
//! code, name, English text, Chinese text, category index, and — only when
//! the code is not its own file name (see [`paths::code_segment`]) — the
//! URL segment; then, only for a code that has them, its other searchable
//! words: the vendor's descriptions, solutions and group in both languages,
//! one per line (with `""` for the segment before them if it was left
//! out), so a reader who types `扩容` finds the code whose fix says it.
//! Absent values are `""`.
//!
//! A retired code (a tombstone: in a release, no longer in the input)
//! comes after every current code, with one more field at the end, `1`,
//! and its segment and other words as `""` where it has none; the script
//! leaves such codes out of its results unless the reader asks for them.
//! Its category is `UNKNOWN`, its texts those its last release recorded,
//! and a vendor gone from the input is listed after the current ones. A
//! current code never has the flag, so a row of 6 to 8 fields is as
//! before. A text is every text the vendor
//! wrote in that language, one per line, first shown; where there is none
//! the script shows the other language's, marked with its `lang`, as the
//! pages do. Codes are in catalog order (vendor, then code), which is the
//! order the script breaks ties in.

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::index::category_index;
use super::paths::{self, Names};
use crate::history::{Entry as Recorded, Timeline};
use crate::model::{Category, Lang, Record};
use crate::xref::Checked;

/// The global function `search/index.js` calls.
pub const CALLBACK: &str = "errdocsIndex";

struct SearchIndex<'a> {
    /// `[id, English name, Chinese name]`.
    vendors: Vec<[&'a str; 3]>,
    categories: Vec<&'static str>,
    codes: Vec<Entry<'a>>,
    /// Serialised after `codes`, into the same array.
    retired: Vec<Retired<'a>>,
}

impl Serialize for SearchIndex<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Codes<'i, 'a>(&'i SearchIndex<'a>);
        impl Serialize for Codes<'_, '_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serialize_codes(self.0, serializer)
            }
        }
        let mut map = serializer.serialize_struct("SearchIndex", 3)?;
        map.serialize_field("vendors", &self.vendors)?;
        map.serialize_field("categories", &self.categories)?;
        map.serialize_field("codes", &Codes(self))?;
        map.end()
    }
}

/// A retired code's row: the fields of [`Entry`], then the flag.
struct Retired<'a> {
    names: &'a Names,
    vendor: usize,
    entry: &'a Recorded,
}

impl Serialize for Retired<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.entry;
        let code = e.code.as_str();
        let segment = paths::code_segment(&e.code, self.names);
        let more: Vec<&str> = [&e.description, &e.solution]
            .into_iter()
            .flat_map(|t| [t.en.as_deref(), t.zh.as_deref()])
            .flatten()
            .collect();
        let mut seq = serializer.serialize_seq(Some(9))?;
        seq.serialize_element(&self.vendor)?;
        seq.serialize_element(code)?;
        seq.serialize_element(e.name.as_deref().unwrap_or(""))?;
        seq.serialize_element(e.message.en.as_deref().unwrap_or(""))?;
        seq.serialize_element(e.message.zh.as_deref().unwrap_or(""))?;
        seq.serialize_element(&category_index(Category::Unknown))?;
        seq.serialize_element(if segment == code { "" } else { &segment })?;
        seq.serialize_element(&more.join("\n"))?;
        seq.serialize_element(&1)?;
        seq.end()
    }
}

/// The current codes, then the retired ones, as one array.
fn serialize_codes<S: Serializer>(index: &SearchIndex, serializer: S) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(index.codes.len() + index.retired.len()))?;
    for entry in &index.codes {
        seq.serialize_element(entry)?;
    }
    for entry in &index.retired {
        seq.serialize_element(entry)?;
    }
    seq.end()
}

struct Entry<'a> {
    names: &'a Names,
    vendor: usize,
    record: &'a Record,
    en: String,
    zh: String,
    category: usize,
    /// Descriptions, solutions and groups, one per line; empty if none.
    more: String,
}

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let code = self.record.code.as_str();
        let segment = paths::code_segment(&self.record.code, self.names);
        let own_segment = segment != code;
        let len = match (own_segment, self.more.is_empty()) {
            (_, false) => 8,
            (true, true) => 7,
            (false, true) => 6,
        };
        let mut seq = serializer.serialize_seq(Some(len))?;
        seq.serialize_element(&self.vendor)?;
        seq.serialize_element(code)?;
        seq.serialize_element(self.record.name.as_deref().unwrap_or(""))?;
        seq.serialize_element(&self.en)?;
        seq.serialize_element(&self.zh)?;
        seq.serialize_element(&self.category)?;
        match (own_segment, self.more.is_empty()) {
            (true, _) => seq.serialize_element(&segment)?,
            (false, false) => seq.serialize_element("")?,
            (false, true) => {}
        }
        if !self.more.is_empty() {
            seq.serialize_element(&self.more)?;
        }
        seq.end()
    }
}

/// What else a reader may search a code by: the vendor's descriptions and
/// solutions, and its group's headings, one per line.
fn more(record: &Record) -> String {
    let texts = record
        .descriptions
        .iter()
        .chain(&record.solutions)
        .map(|m| m.text.as_str());
    let groups = Lang::ALL
        .into_iter()
        .flat_map(|l| record.group.get(l))
        .map(String::as_str);
    texts.chain(groups).collect::<Vec<_>>().join("\n")
}

/// Every text the vendor wrote in `lang`, one per line, or else the
/// documentation team's translation into it.
fn texts(record: &Record, lang: Lang) -> String {
    let texts = record.messages_in(lang).collect::<Vec<_>>().join("\n");
    match record.translation(lang) {
        Some(translation) if texts.is_empty() => translation.text.clone(),
        _ => texts,
    }
}

/// Every code's entry, in catalog order.
fn entries<'a>(checked: &'a Checked, names: &'a Names) -> Vec<Entry<'a>> {
    let categories = &checked.xref.categories;
    checked
        .catalog
        .vendors
        .iter()
        .enumerate()
        .flat_map(|(v, vendor)| {
            vendor
                .records
                .iter()
                .enumerate()
                .map(move |(r, record)| Entry {
                    names,
                    vendor: v,
                    record,
                    en: texts(record, Lang::En),
                    zh: texts(record, Lang::Zh),
                    category: category_index(categories[v][r].category),
                    more: more(record),
                })
        })
        .collect()
}

fn vendors(checked: &Checked) -> Vec<[&str; 3]> {
    checked
        .catalog
        .vendors
        .iter()
        .map(|v| [v.id.as_str(), v.name.en.as_str(), v.name.zh.as_str()])
        .collect()
}

/// The whole index as one JSON value, `{vendors, categories, codes}`:
/// what `errdocs explain` runs the script over.
pub(crate) fn index_json(checked: &Checked, names: &Names) -> Result<String, serde_json::Error> {
    // `explain` leaves retired codes out, as the search box does.
    let index = SearchIndex {
        vendors: vendors(checked),
        categories: Category::ALL.iter().map(|c| c.as_str()).collect(),
        codes: entries(checked, names),
        retired: Vec::new(),
    };
    serde_json::to_string(&index)
}

/// How the index is cut into shards, decided once per build: each code's
/// row already as JSON, and which rows each shard holds.
pub(crate) struct SearchPlan {
    manifest: String,
    /// Each code's entry as JSON, in catalog order.
    rows: Vec<String>,
    keys: Vec<KeyShard>,
    terms: Vec<TermShard>,
}

/// Rows whose codes or names sort together.
struct KeyShard {
    /// The rows, by catalog position, ascending.
    ids: Vec<u32>,
}

/// Words and Han bigrams that sort together, each with its best rows.
struct TermShard {
    ids: Vec<u32>,
    /// A term, how many codes hold it, and its best rows as positions in
    /// `ids`.
    terms: Vec<(String, u32, Vec<u32>)>,
}

/// The rows a term shard keeps for each term, best first: more than the
/// drop-down shows, so the search page and a query of two words have some
/// to choose from.
pub const TERM_ROWS: usize = 48;

/// An index whose rows come to at most this many shards' bytes is one
/// file, `search/index.js`, as on a small site (256 KiB by default, some
/// 3,000 codes): one request, and the first keystroke has every code.
pub const ONE_FILE_SHARDS: usize = 8;

/// Shard file names: `search/k-<n>.js` (codes and names) and
/// `search/t-<n>.js` (words and bigrams).
pub(crate) fn shard_path(family: char, n: usize) -> String {
    format!("search/{family}-{n}.js")
}

/// The global function each shard calls, with its name and its data.
pub const SHARD_CALLBACK: &str = "errdocsShard";

/// JavaScript's `toLowerCase`, near enough: what `search.js` lowercases.
fn lower(text: &str) -> String {
    text.to_lowercase()
}

/// `search.js`'s `squash`: lowercased letters and digits, and anything
/// beyond ASCII.
fn squash(text: &str) -> String {
    lower(text)
        .chars()
        .filter(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c as u32 >= 0x80)
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c as u32 > 127
}

/// What a code is found by as a key: the code, each later part of it
/// after a separator (`cse.4001000`, `4001000`), and its squashed name.
fn keys_of(entry: &Entry) -> Vec<String> {
    let code = lower(entry.record.code.as_str());
    let mut keys = vec![code.clone()];
    let mut previous = None;
    for (at, c) in code.char_indices() {
        if previous.is_some_and(|p: char| !is_word_char(p)) && is_word_char(c) {
            keys.push(code[at..].to_owned());
        }
        previous = Some(c);
    }
    let name = squash(entry.record.name.as_deref().unwrap_or(""));
    if !name.is_empty() {
        keys.push(name);
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The terms a text is routed by: runs of ASCII letters and digits of two
/// or more, and every pair of neighbouring characters beyond ASCII.
pub(crate) fn terms_of(text: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut wide: Option<char> = None;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            wide = None;
            continue;
        }
        if word.len() >= 2 {
            out.push(std::mem::take(&mut word));
        }
        word.clear();
        if c as u32 > 127 && !c.is_whitespace() {
            if let Some(p) = wide {
                out.push(lower(&format!("{p}{c}")));
            }
            wide = Some(c);
        } else {
            wide = None;
        }
    }
    if word.len() >= 2 {
        out.push(word);
    }
}

/// Splits a name as `search.js`'s `nameWords` does, near enough for
/// routing: InvalidUserToken → invalid user token.
fn name_words(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1);
        let lower_before = prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
        let acronym_end = prev.is_some_and(|p| p.is_ascii_uppercase())
            && next.is_some_and(|n| n.is_ascii_lowercase());
        if c.is_ascii_uppercase() && (lower_before || acronym_end) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

impl SearchPlan {
    /// Cuts the index of `checked` into shards of about `shard_bytes`; a
    /// site whose rows fit in [`ONE_FILE_SHARDS`] of them is one file,
    /// `search/index.js`.
    pub(crate) fn new(
        checked: &Checked,
        names: &Names,
        timeline: &Timeline,
        shard_bytes: usize,
    ) -> SearchPlan {
        let entries = entries(checked, names);
        let mut rows: Vec<String> = entries
            .iter()
            .map(|e| serde_json::to_string(e).expect("an entry is always JSON"))
            .collect();
        // Retired codes after the current ones, flagged; found by their
        // code and name (their words are in no term shard).
        let mut vendors = vendors(checked);
        let mut retired_keys = Vec::new();
        for t in &timeline.tombstones {
            let entry = timeline.tombstone_entry(t);
            let id = entry.vendor.as_str();
            let vendor = match vendors.iter().position(|v| v[0] == id) {
                Some(v) => v,
                None => {
                    vendors.push([id, id, id]);
                    vendors.len() - 1
                }
            };
            let row = Retired {
                names,
                vendor,
                entry,
            };
            let at = rows.len() as u32;
            rows.push(serde_json::to_string(&row).expect("an entry is always JSON"));
            retired_keys.push((lower(entry.code.as_str()), at));
            let name = squash(entry.name.as_deref().unwrap_or(""));
            if !name.is_empty() {
                retired_keys.push((name, at));
            }
        }
        let vendors = serde_json::to_string(&vendors).expect("names are JSON");
        let categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        let categories = serde_json::to_string(&categories).expect("ids are JSON");
        let total: usize = rows.iter().map(|r| r.len() + 1).sum();
        if total <= shard_bytes.saturating_mul(ONE_FILE_SHARDS) {
            let manifest = format!(
                "{{\"vendors\":{vendors},\"categories\":{categories},\"codes\":[{}]}}",
                rows.join(",")
            );
            return SearchPlan {
                manifest,
                rows,
                keys: Vec::new(),
                terms: Vec::new(),
            };
        }
        let (keys, key_ranges) = key_shards(&entries, retired_keys, &rows, shard_bytes);
        let (terms, term_ranges) = term_shards(&entries, &rows, shard_bytes);
        let ranges = |r: Vec<[String; 2]>| serde_json::to_string(&r).expect("keys are JSON");
        let manifest = format!(
            "{{\"vendors\":{vendors},\"categories\":{categories},\"count\":{},\
             \"shards\":{{\"k\":{},\"t\":{}}}}}",
            rows.len(),
            ranges(key_ranges),
            ranges(term_ranges)
        );
        SearchPlan {
            manifest,
            rows,
            keys,
            terms,
        }
    }

    /// How many shards of each family, `k` and `t`.
    pub(crate) fn shard_counts(&self) -> (usize, usize) {
        (self.keys.len(), self.terms.len())
    }

    /// `search/index.js`: the manifest, with every row when the index is
    /// one file.
    pub(crate) fn write_manifest(&self, out: &mut Vec<u8>) {
        write_call(out, CALLBACK, None, &self.manifest);
    }

    /// Shard `n` of `family`.
    pub(crate) fn write_shard(&self, family: char, n: usize, out: &mut Vec<u8>) {
        let mut json = String::new();
        let ids = match family {
            'k' => &self.keys[n].ids,
            _ => &self.terms[n].ids,
        };
        json.push_str("{\"ids\":");
        json.push_str(&serde_json::to_string(ids).expect("numbers are JSON"));
        json.push_str(",\"codes\":[");
        for (k, &id) in ids.iter().enumerate() {
            if k > 0 {
                json.push(',');
            }
            json.push_str(&self.rows[id as usize]);
        }
        json.push(']');
        if family == 't' {
            json.push_str(",\"terms\":");
            json.push_str(&serde_json::to_string(&self.terms[n].terms).expect("terms are JSON"));
        }
        json.push('}');
        write_call(out, SHARD_CALLBACK, Some(&format!("{family}{n}")), &json);
    }
}

/// `callback("name",json);` with what a script must not hold escaped.
fn write_call(out: &mut Vec<u8>, callback: &str, name: Option<&str>, json: &str) {
    out.reserve(json.len() + callback.len() + 16);
    out.extend_from_slice(callback.as_bytes());
    out.push(b'(');
    if let Some(name) = name {
        out.extend_from_slice(format!("\"{name}\",").as_bytes());
    }
    // JSON allows U+2028 and U+2029 in strings; scripts before ES2019 do
    // not. `<\/` is `</` in a string, and never ends a script element,
    // should the index ever be inlined. (`<` only occurs inside strings.)
    if json.contains(['\u{2028}', '\u{2029}']) || json.contains("</") {
        let json = json
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
            .replace("</", "<\\/");
        out.extend_from_slice(json.as_bytes());
    } else {
        out.extend_from_slice(json.as_bytes());
    }
    out.extend_from_slice(b");\n");
}

/// Cuts `items` (a key, its bytes beyond the rows, and the rows it needs),
/// in order, into runs whose new rows and own bytes stay within `limit`:
/// each run's rows, and the first and last key of each.
fn cut<'k>(
    items: impl Iterator<Item = (&'k str, usize, Vec<u32>)>,
    rows: &[String],
    limit: usize,
) -> Vec<(Vec<u32>, Vec<usize>, [String; 2])> {
    let mut runs: Vec<(Vec<u32>, Vec<usize>, [String; 2])> = Vec::new();
    let mut seen = ahash::AHashSet::new();
    let mut bytes = 0;
    for (n, (key, own, ids)) in items.enumerate() {
        let new: usize = ids
            .iter()
            .filter(|id| !seen.contains(*id))
            .map(|&id| rows[id as usize].len() + 8)
            .sum();
        if runs.is_empty() || (bytes + new + own > limit && bytes > 0) {
            runs.push((Vec::new(), Vec::new(), [key.to_owned(), key.to_owned()]));
            seen.clear();
            bytes = 0;
        }
        let run = runs.last_mut().expect("a run was just made");
        for &id in &ids {
            if seen.insert(id) {
                run.0.push(id);
                bytes += rows[id as usize].len() + 8;
            }
        }
        bytes += own;
        run.1.push(n);
        run.2[1] = key.to_owned();
    }
    for run in &mut runs {
        run.0.sort_unstable();
    }
    runs
}

fn key_shards(
    entries: &[Entry],
    retired: Vec<(String, u32)>,
    rows: &[String],
    limit: usize,
) -> (Vec<KeyShard>, Vec<[String; 2]>) {
    let mut keys: Vec<(String, u32)> = entries
        .iter()
        .enumerate()
        .flat_map(|(id, e)| keys_of(e).into_iter().map(move |k| (k, id as u32)))
        .chain(retired)
        .collect();
    keys.sort_unstable();
    let runs = cut(
        keys.iter().map(|(k, id)| (k.as_str(), 0, vec![*id])),
        rows,
        limit,
    );
    runs.into_iter()
        .map(|(ids, _, range)| (KeyShard { ids }, range))
        .unzip()
}

fn term_shards(
    entries: &[Entry],
    rows: &[String],
    limit: usize,
) -> (Vec<TermShard>, Vec<[String; 2]>) {
    // Each term's rows, best first by what search.js ranks higher for a
    // query of that one word: a name that starts with it, a name that
    // holds it, then the shorter text.
    let mut by_term: ahash::AHashMap<String, Vec<(u8, usize, u32)>> = ahash::AHashMap::new();
    let mut terms = Vec::new();
    for (id, e) in entries.iter().enumerate() {
        let name = e.record.name.as_deref().unwrap_or("");
        let squashed = squash(name);
        let words = lower(&name_words(name));
        let text = [e.record.code.as_str(), &words, &e.en, &e.zh, &e.more];
        let length: usize = text.iter().map(|t| t.len()).sum();
        terms.clear();
        for t in text {
            terms_of(t, &mut terms);
        }
        terms.sort_unstable();
        terms.dedup();
        for term in terms.drain(..) {
            let class = if squashed.starts_with(&term) {
                0
            } else if words.contains(&term) {
                1
            } else {
                2
            };
            by_term
                .entry(term)
                .or_default()
                .push((class, length, id as u32));
        }
    }
    // (rank class, text length, row) of each code holding a term.
    type Hits = Vec<(u8, usize, u32)>;
    let mut sorted: Vec<(String, Hits)> = by_term.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let best: Vec<(String, u32, Vec<u32>)> = sorted
        .into_iter()
        .map(|(term, mut hits)| {
            let total = hits.len() as u32;
            hits.sort_unstable();
            hits.truncate(TERM_ROWS);
            (term, total, hits.into_iter().map(|h| h.2).collect())
        })
        .collect();
    let runs = cut(
        best.iter()
            .map(|(t, _, ids)| (t.as_str(), t.len() + 4 * ids.len() + 12, ids.clone())),
        rows,
        limit,
    );
    runs.into_iter()
        .map(|(ids, members, range)| {
            let at: ahash::AHashMap<u32, u32> = ids
                .iter()
                .enumerate()
                .map(|(k, &id)| (id, k as u32))
                .collect();
            let terms = members
                .into_iter()
                .map(|n| {
                    let (term, total, hits) = &best[n];
                    (term.clone(), *total, hits.iter().map(|id| at[id]).collect())
                })
                .collect();
            (TermShard { ids, terms }, range)
        })
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_ascii_words_and_bigrams_beyond_ascii() {
        let mut terms = Vec::new();
        terms_of("Quota exceeded: 配额不足, x 公网IP", &mut terms);
        assert_eq!(
            terms,
            ["quota", "exceeded", "配额", "额不", "不足", "公网", "ip"]
        );
    }

    #[test]
    fn names_split_into_words_as_the_script_splits_them() {
        assert_eq!(name_words("InvalidUserToken"), "Invalid User Token");
        assert_eq!(name_words("HTTPServerError"), "HTTP Server Error");
    }
}
