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

use super::context::Ctx;
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

pub(crate) fn write_index(ctx: &Ctx, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    let json = index_json(ctx.checked, &ctx.index.names, Some(&ctx.index.timeline))?;
    // As for `codes.json`: one allocation, not a dozen doublings.
    out.reserve(json.len() + CALLBACK.len() + 4);
    out.extend_from_slice(CALLBACK.as_bytes());
    out.push(b'(');
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
    Ok(())
}

/// The data `search/index.js` hands the script, as JSON, with the retired
/// codes of `timeline` when given one.
pub(crate) fn index_json(
    checked: &Checked,
    names: &Names,
    timeline: Option<&Timeline>,
) -> Result<String, serde_json::Error> {
    let catalog = &checked.catalog;
    let categories = &checked.xref.categories;
    let mut vendors: Vec<[&str; 3]> = catalog
        .vendors
        .iter()
        .map(|v| [v.id.as_str(), v.name.en.as_str(), v.name.zh.as_str()])
        .collect();
    let mut retired = Vec::new();
    for t in timeline.map_or(&[][..], |t| &t.tombstones) {
        let entry = timeline
            .expect("tombstones come from it")
            .tombstone_entry(t);
        let id = entry.vendor.as_str();
        let vendor = match vendors.iter().position(|v| v[0] == id) {
            Some(v) => v,
            None => {
                vendors.push([id, id, id]);
                vendors.len() - 1
            }
        };
        retired.push(Retired {
            names,
            vendor,
            entry,
        });
    }
    let index = SearchIndex {
        vendors,
        retired,
        categories: Category::ALL.iter().map(|c| c.as_str()).collect(),
        codes: catalog
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
            .collect(),
    };
    serde_json::to_string(&index)
}
