//! JSON catalogs, in the shapes SDKs and docs ship them:
//!
//! - an array of objects, one per code: `[{"code": 1001, "msg": "…"}, …]`;
//! - a map from code to its text: `{"1001": "参数错误", …}`;
//! - a map from code to an object: `{"1001": {"message": "…", "solution": "…"}}`;
//! - any of these under group keys, which name the group: `{"auth": [...],
//!   "billing": {...}}`, and under a wrapper (`{"errors": [...]}`), which
//!   names nothing.
//!
//! Objects become rows of a grid whose header is their keys, so which key
//! is the code is the header vocabulary's call, as for a table. Keys keep
//! the file's order (read into a value of this module's own, since
//! `serde_json`'s map sorts them). A row's line is where its first key or
//! code is found, looking on from the row before.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::ingest::headers::{self, Column};
use crate::ingest::parsed::Parsed;
use crate::ingest::tables::grid::{self, Grid, GridRow};
use crate::ingest::text::{self, LineIndex};
use crate::ingest::{markup, outline};

/// How deep group keys may nest before what is below is not a catalog.
const MAX_GROUP_DEPTH: usize = 3;

/// Keys that hold a catalog without naming a group of it.
const WRAPPERS: &[&str] = &[
    "data",
    "items",
    "list",
    "result",
    "results",
    "codes",
    "errors",
    "error",
    "errorcodes",
    "entries",
    "values",
];

pub(crate) fn parse(src: &str) -> Parsed {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let start = src.trim_start();
    if !(start.starts_with('{') || start.starts_with('[')) {
        return Parsed::default();
    }
    let Ok(value) = serde_json::from_str::<Json>(src) else {
        return Parsed::default();
    };
    read(&[value], src)
}

/// The catalogs in `documents`, parsed from `src`, as grids: what JSON and
/// YAML files share.
pub(super) fn read(documents: &[Json], src: &str) -> Parsed {
    let mut out = Vec::new();
    for value in documents {
        collect(value, &mut Vec::new(), &mut out);
    }
    let mut locator = Locator::new(src);
    let grids = out
        .into_iter()
        .map(|found| found.into_grid(&mut locator))
        .collect();
    grid::parse_grids(grids)
}

/// A JSON (or YAML) value with its objects' keys in the file's order.
#[derive(Debug)]
pub(super) enum Json {
    Scalar(Option<String>),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The text of a string or number, as a cell holds it.
    fn text(&self) -> Option<&str> {
        match self {
            Json::Scalar(text) => text.as_deref(),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Json, E> {
        Ok(Json::Scalar(None))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Scalar(Some(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Scalar(Some(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Scalar(Some(v.to_string())))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Scalar(Some(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::Scalar(Some(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Scalar(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Json::Object(entries))
    }
}

/// Rows found under one group: objects (each a list of key → text), or
/// code → text pairs.
struct Found<'a> {
    group: Vec<String>,
    rows: Vec<Vec<(&'a str, &'a str)>>,
}

impl Found<'_> {
    fn into_grid(self, locator: &mut Locator) -> Grid {
        let mut header: Vec<String> = Vec::new();
        for row in &self.rows {
            for (key, _) in row {
                if !header.iter().any(|h| h == key) {
                    header.push((*key).to_owned());
                }
            }
        }
        let rows: Vec<GridRow> = self
            .rows
            .iter()
            .map(|row| {
                let line = row
                    .first()
                    .map_or(locator.last, |(key, value)| locator.find(key, value));
                // Values written in Markdown (`see [the guide](https://…)`)
                // read as their text, with the markup kept beside it.
                let (cells, markup) = header
                    .iter()
                    .map(|h| {
                        let cell = row.iter().find(|(key, _)| key == h).map_or("", |(_, v)| v);
                        match markup::markdown(cell) {
                            Some((plain, html)) => (plain, Some(html)),
                            None => (text::clean(cell), None),
                        }
                    })
                    .unzip();
                GridRow {
                    line,
                    cells,
                    markup,
                }
            })
            .collect();
        Grid {
            header_line: rows.first().map_or(1, |r| r.line),
            header,
            rows,
            group: self.group,
        }
    }
}

/// Finds the catalogs in `value`, under the group keys of `group`.
fn collect<'a>(value: &'a Json, group: &mut Vec<String>, out: &mut Vec<Found<'a>>) {
    match value {
        // Groups as objects of their own: `[{"name": "Group 0", "errors": […]}]`.
        Json::Array(items) if group.len() < MAX_GROUP_DEPTH && holds_groups(items) => {
            for item in items {
                let Json::Object(entries) = item else {
                    continue;
                };
                let label = entries.iter().find_map(|(key, value)| {
                    let names =
                        matches!(headers::classify(key), Some(Column::Name | Column::Group))
                            || matches!(headers::normalise(key).as_str(), "title" | "label");
                    value.text().filter(|_| names)
                });
                if let Some(label) = label {
                    group.push(text::clean(label));
                }
                for (_, value) in entries {
                    if !matches!(value, Json::Scalar(_)) {
                        collect(value, group, out);
                    }
                }
                if label.is_some() {
                    group.pop();
                }
            }
        }
        Json::Array(items) => {
            let rows: Vec<Vec<(&str, &str)>> = items
                .iter()
                .filter_map(|item| match item {
                    Json::Object(entries) => Some(scalars(entries)),
                    _ => None,
                })
                .filter(|row| !row.is_empty())
                .collect();
            if !rows.is_empty() {
                out.push(Found {
                    group: group.clone(),
                    rows,
                });
            }
        }
        Json::Object(entries) if is_record(entries) => out.push(Found {
            group: group.clone(),
            rows: vec![scalars(entries)],
        }),
        Json::Object(entries) if is_code_map(entries) => {
            let rows = entries
                .iter()
                .filter_map(|(code, value)| {
                    let mut row = vec![("code", code.as_str())];
                    match value {
                        Json::Scalar(Some(text)) => row.push(("message", text.as_str())),
                        Json::Object(fields) => row.extend(scalars(fields)),
                        _ => return None,
                    }
                    Some(row)
                })
                .collect();
            out.push(Found {
                group: group.clone(),
                rows,
            });
        }
        Json::Object(entries) if group.len() < MAX_GROUP_DEPTH => {
            for (key, value) in entries {
                if matches!(value, Json::Scalar(_)) {
                    continue;
                }
                let names = !WRAPPERS.contains(&headers::normalise(key).as_str())
                    && !outline::names_the_list(key);
                if names {
                    group.push(key.clone());
                }
                collect(value, group, out);
                if names {
                    group.pop();
                }
            }
        }
        _ => {}
    }
}

/// Whether an array's objects are groups: none has a code field, and some
/// hold arrays or objects of their own.
fn holds_groups(items: &[Json]) -> bool {
    let objects = || {
        items.iter().filter_map(|item| match item {
            Json::Object(entries) => Some(entries),
            _ => None,
        })
    };
    objects().all(|entries| !is_record(entries))
        && objects().any(|entries| {
            entries
                .iter()
                .any(|(_, value)| matches!(value, Json::Array(_) | Json::Object(_)))
        })
}

/// The keys of an object with a text, in order.
fn scalars(entries: &[(String, Json)]) -> Vec<(&str, &str)> {
    entries
        .iter()
        .filter_map(|(key, value)| Some((key.as_str(), value.text()?)))
        .collect()
}

/// Whether an object is one code's record: a key names a code column, and
/// another is a text.
fn is_record(entries: &[(String, Json)]) -> bool {
    let column = |key: &str| headers::classify(key);
    entries
        .iter()
        .any(|(key, value)| value.text().is_some() && column(key) == Some(Column::Code))
        && entries
            .iter()
            .filter(|(_, value)| value.text().is_some())
            .count()
            >= 2
}

/// Whether an object maps codes to their texts or records: most keys are
/// codes (`1001`, `E_TIMEOUT`, `InvalidToken`), no key is a field name, and
/// each value is a text or an object.
fn is_code_map(entries: &[(String, Json)]) -> bool {
    if entries.is_empty() {
        return false;
    }
    let codes = entries
        .iter()
        .filter(|(key, value)| {
            text::is_code_token(key)
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b':'))
                && headers::classify(key).is_none()
                && match value {
                    Json::Scalar(text) => text.is_some(),
                    // A code's record has field names; an object of codes
                    // under a key is a group (`{"B86": {"10": "…"}}`).
                    Json::Object(fields) => fields
                        .iter()
                        .any(|(field, _)| headers::classify(field).is_some()),
                    Json::Array(_) => false,
                }
        })
        .count();
    let numbered = entries
        .iter()
        .filter(|(key, _)| text::is_code_like(key))
        .count();
    // Keys without digits are codes only when a few of them say so together.
    codes * 10 >= entries.len() * 9 && (numbered * 2 >= entries.len() || entries.len() >= 3)
}

/// Finds each row's line, looking on from the row before: rows are found
/// in the file's order.
struct Locator<'a> {
    src: &'a str,
    lines: LineIndex,
    at: usize,
    last: usize,
    /// Quoted keys once not found from some point on: they are not found
    /// later either (YAML writes keys unquoted), so each is looked for
    /// to the end once, not once per row.
    absent: std::collections::HashSet<String>,
}

/// How far on a row's value is looked for: rows come in order, and a
/// value the file writes otherwise (escaped, folded) must not cost a scan
/// of the rest of the file for every row.
const VALUE_WINDOW: usize = 16 * 1024;

impl<'a> Locator<'a> {
    fn new(src: &'a str) -> Locator<'a> {
        Locator {
            src,
            lines: LineIndex::new(src),
            at: 0,
            last: 1,
            absent: std::collections::HashSet::new(),
        }
    }

    /// The line of the next `"key"` (an object's first key, or a code map's
    /// code), else of the next `value`, else the line before.
    fn find(&mut self, key: &str, value: &str) -> usize {
        let quoted = serde_json::to_string(key).unwrap_or_default();
        let rest = &self.src[self.at..];
        let mut found = None;
        if !self.absent.contains(&quoted) {
            found = rest.find(&quoted);
            if found.is_none() {
                self.absent.insert(quoted);
            }
        }
        let found = found.or_else(|| {
            let window = rest.floor_char_boundary(VALUE_WINDOW.min(rest.len()));
            rest[..window].find(value)
        });
        if let Some(offset) = found {
            let start = self.at + offset;
            self.last = self.lines.line(start);
            // On past the match's first character, whatever its width
            // (a YAML value can start with `响`).
            self.at = start + self.src[start..].chars().next().map_or(1, char::len_utf8);
        }
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_of_objects_is_read_by_its_keys() {
        let src = r#"[
  {"code": 1001, "msg": "参数错误", "solution": "检查参数"},
  {"code": 1002, "msg": "系统繁忙", "level": "warn"}
]"#;
        let parsed = parse(src);
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].code, "1001");
        assert_eq!(parsed.rows[0].texts, ["参数错误"]);
        assert_eq!(parsed.rows[0].solutions, ["检查参数"]);
        assert_eq!(parsed.rows[1].line, 3);
        assert_eq!(
            parsed.rows[1].extra,
            [("level".to_owned(), "warn".to_owned())]
        );
    }

    #[test]
    fn a_map_of_codes_under_groups_keeps_the_groups() {
        let src = r#"{"errors": {"auth": {"40001": "token expired", "40002": "bad token"},
            "billing": {"50001": {"message": "no balance", "suggestion": "top up"}}}}"#;
        let parsed = parse(src);
        let codes: Vec<&str> = parsed.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["40001", "40002", "50001"]);
        assert_eq!(parsed.rows[0].group, ["auth"]);
        assert_eq!(parsed.rows[2].group, ["billing"]);
        assert_eq!(parsed.rows[2].solutions, ["top up"]);
    }

    #[test]
    fn group_keys_that_look_like_codes_are_groups_of_code_maps() {
        // `B86` looks like a code, but what it holds is codes, not fields.
        let src = r#"{"B86": {"10": "50B ON故障", "11": "10T 故障"}, "Y95": {"12": "過電流"}}"#;
        let parsed = parse(src);
        let rows: Vec<(&str, &[String])> = parsed
            .rows
            .iter()
            .map(|r| (r.code.as_str(), r.group.as_slice()))
            .collect();
        assert_eq!(
            rows,
            [
                ("10", &["B86".to_owned()][..]),
                ("11", &["B86".to_owned()][..]),
                ("12", &["Y95".to_owned()][..]),
            ]
        );
        assert_eq!(parsed.rows[0].texts, ["50B ON故障"]);
    }

    #[test]
    fn groups_as_objects_name_their_nested_catalogs() {
        let src = r#"[
  {"name": "Group 0 - Connection", "description": "About connecting.",
   "errors": [{"code": "PGRST000", "httpStatus": "503", "description": "Could not connect."}]},
  {"name": "Group 1 - Api", "errors": [{"code": "PGRST100", "httpStatus": "400", "description": "Bad query."}]}
]"#;
        let parsed = parse(src);
        let got: Vec<(&str, &[String], u16)> = parsed
            .rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.group.as_slice(),
                    r.http_statuses[0].get(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("PGRST000", &["Group 0 - Connection".to_owned()][..], 503),
                ("PGRST100", &["Group 1 - Api".to_owned()][..], 400),
            ]
        );
        assert_eq!(parsed.rows[0].texts, ["Could not connect."]);
        assert_eq!(parsed.rows[0].line, 3);
    }

    #[test]
    fn symbolic_codes_map_to_their_texts() {
        let parsed = parse(
            r#"{"InvalidToken": "The token is invalid.", "TokenExpired": "The token has expired.", "Throttled": "Slow down."}"#,
        );
        assert_eq!(parsed.rows.len(), 3);
        assert_eq!(parsed.rows[1].code, "TokenExpired");
    }

    #[test]
    fn other_json_is_no_catalog() {
        assert!(
            parse(r#"{"name": "acme", "version": "1.2.0", "port": 8080}"#)
                .rows
                .is_empty()
        );
        assert!(parse("not json [1, 2]").rows.is_empty());
        assert!(parse("[1, 2, 3]").rows.is_empty());
    }
}
