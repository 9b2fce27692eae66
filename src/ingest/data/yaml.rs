//! YAML catalogs: the shapes JSON ones come in (`json.rs`), written as
//! YAML — a list of `- code: …` mappings, a mapping from code to text or
//! to a mapping, under group keys or a wrapper (`errors:`) — and every
//! document of a file with `---` between them.
//!
//! The file is parsed by `serde_norway` (a maintained fork of
//! `serde_yaml`) into the same ordered value JSON is read into, so which
//! key is the code, the message or the solution is the header
//! vocabulary's call here too.

use serde::Deserialize;

use super::json::{self, Json};
use crate::ingest::parsed::Parsed;

pub(crate) fn parse(src: &str) -> Parsed {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    // Only a mapping or a sequence can hold a catalog: prose, which YAML
    // reads as one long string, is none.
    let mut documents = Vec::new();
    for document in serde_norway::Deserializer::from_str(src) {
        match Json::deserialize(document) {
            Ok(value @ (Json::Array(_) | Json::Object(_))) => documents.push(value),
            Ok(Json::Scalar(_)) => {}
            // A file that is no YAML is no YAML catalog.
            Err(_) => return Parsed::default(),
        }
    }
    json::read(&documents, src)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_mappings_under_a_wrapper() {
        let src = "---\nerrors:\n  - code: index_not_found\n    description: \"An index was not found, see [indexes](https://example.com/indexes).\"\n  - code: invalid_sort\n    description: The `sort` value is invalid.\n";
        let parsed = parse(src);
        let rows: Vec<(&str, usize, &[String])> = parsed
            .rows
            .iter()
            .map(|r| (r.code.as_str(), r.line, r.texts.as_slice()))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "index_not_found",
                    3,
                    &["An index was not found, see indexes.".to_owned()][..]
                ),
                (
                    "invalid_sort",
                    5,
                    &["The sort value is invalid.".to_owned()][..]
                ),
            ]
        );
        assert!(parsed.rows.iter().all(|r| r.group.is_empty()));
        let html = &parsed.rows[0].markup["An index was not found, see indexes."];
        assert!(
            html.contains("<a href=\"https://example.com/indexes\" rel=\"external\">indexes</a>"),
            "{html}"
        );
        assert_eq!(
            parsed.rows[1].markup["The sort value is invalid."],
            "The <code>sort</code> value is invalid."
        );
    }

    #[test]
    fn a_map_of_codes_under_a_group_key() {
        let src = "errors:\n    service:\n        'access-denied' : \"Access denied\"\n        'etag-mismatch' : \"An update was made to the {object}\"\n        unauthorised: Unauthorised\n";
        let parsed = parse(src);
        let codes: Vec<&str> = parsed.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["access-denied", "etag-mismatch", "unauthorised"]);
        assert_eq!(parsed.rows[1].texts, ["An update was made to the {object}"]);
        assert_eq!(parsed.rows[1].line, 4);
        assert!(parsed.rows.iter().all(|r| r.group == ["service"]));
    }

    #[test]
    fn every_document_of_a_stream_is_read() {
        let src = "- code: 1001\n  message: Bad input\n---\n- code: 1002\n  message: Busy\n";
        let codes: Vec<String> = parse(src).rows.into_iter().map(|r| r.code).collect();
        assert_eq!(codes, ["1001", "1002"]);
    }

    #[test]
    fn prose_and_broken_yaml_are_no_catalog() {
        assert_eq!(parse("Just a sentence about errors."), Parsed::default());
        assert_eq!(parse("key: [unclosed\n"), Parsed::default());
        assert_eq!(parse("name: demo\nversion: 1.2.0\n"), Parsed::default());
        assert_eq!(parse(""), Parsed::default());
        // A pipe table is no YAML mapping.
        assert_eq!(
            parse("| Code | Message |\n|---|---|\n| 1001 | Bad |\n"),
            Parsed::default()
        );
    }
}
