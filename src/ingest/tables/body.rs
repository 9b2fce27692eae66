//! Codes and messages inside response-body examples written in a table cell.
//!
//! Vendors write these by hand and rarely as valid JSON (`{errCode:"400001",
//! errMsg:"…"}`, a message with no key, two bodies joined by `或`), so this is
//! a tolerant scanner, not a JSON parser: it never fails, it finds less.

use crate::ingest::text;

/// One response body found in a cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Body {
    pub code: Option<String>,
    pub message: Option<String>,
}

/// Keys whose value is the error code, most specific first: a body with both
/// `code` and `error_code` means the latter. Normalised (lowercase, letters
/// and digits only). `status`, `statuscode` and `httpcode` are left out on
/// purpose: they usually carry the HTTP status, not the vendor's code.
const CODE_KEYS: &[&str] = &[
    "errorcode",
    "errcode",
    "errorno",
    "errno",
    "retcode",
    "resultcode",
    "returncode",
    "code",
];

/// Keys whose value is the message, preferred first, so that `detail` or
/// `description` only count when nothing better has a value.
const MESSAGE_KEYS: &[&str] = &[
    "errormessage",
    "errormsg",
    "errmessage",
    "errmsg",
    "message",
    "msg",
    "errordescription",
    "errordesc",
    "description",
    "desc",
    "reason",
    "detail",
    "details",
];

/// Every body written in `cell`, in order: one per `{…}` group (the whole
/// cell when it has no `{`) that has a code or a message.
///
/// The message is the best message key's non-empty value or, when none has
/// one but the group has a code, the group's first quoted string that is
/// neither a key nor a value (`{"error_code":"X","The TxInfo is null"}`).
/// Values are returned as written (`XXX` placeholders too); the caller
/// decides whether a code is code-like.
pub(crate) fn extract(cell: &str) -> Vec<Body> {
    groups(&tokens(cell)).into_iter().filter_map(body).collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A quoted string, quotes removed.
    Quoted(String),
    /// A bare word or number.
    Word(String),
    Colon,
    /// `,`, `;`, `[` or `]`: ends a bare value.
    Separator,
    Open,
    Close,
}

fn closing_quote(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '\'' => Some('\''),
        '“' => Some('”'),
        '‘' => Some('’'),
        _ => None,
    }
}

fn tokens(cell: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        let token = match c {
            '{' => Token::Open,
            '}' => Token::Close,
            ':' | '：' | '=' => Token::Colon,
            ',' | '，' | ';' | '；' | '[' | ']' => Token::Separator,
            c if c.is_whitespace() => continue,
            c => match closing_quote(c) {
                // An unclosed quote runs to the end of the cell.
                Some(close) => {
                    let mut s = String::new();
                    while let Some(c) = chars.next_if(|&n| n != close) {
                        match c {
                            '\\' => s.extend(chars.next()),
                            c => s.push(c),
                        }
                    }
                    chars.next();
                    Token::Quoted(s)
                }
                // Quotes only open a string at the start of a token, so the
                // apostrophe in `can't` stays in its word.
                None => {
                    let mut s = String::from(c);
                    while let Some(c) = chars.next_if(|&n| !ends_word(n)) {
                        s.push(c);
                    }
                    Token::Word(s)
                }
            },
        };
        tokens.push(token);
    }
    tokens
}

fn ends_word(c: char) -> bool {
    c.is_whitespace() || "{}:：=,，;；[]".contains(c)
}

/// The tokens of each top-level `{…}` group, inner braces kept so that a
/// nested `{"error": {"code": …}}` is read as one body. An unclosed group
/// runs to the end; stray `}` are ignored. No `{` at all: one group.
fn groups(tokens: &[Token]) -> Vec<&[Token]> {
    if !tokens.contains(&Token::Open) {
        return vec![tokens];
    }
    let (mut groups, mut depth, mut start) = (Vec::new(), 0usize, 0);
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Open => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            Token::Close if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push(&tokens[start..i]);
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        groups.push(&tokens[start..]);
    }
    groups
}

fn body(group: &[Token]) -> Option<Body> {
    // (rank in CODE_KEYS or MESSAGE_KEYS, value) of the best pair so far.
    let mut code: Option<(usize, String)> = None;
    let mut message: Option<(usize, String)> = None;
    let mut loose = None;
    let mut i = 0;
    while i < group.len() {
        let key = match &group[i] {
            Token::Quoted(k) | Token::Word(k) if group.get(i + 1) == Some(&Token::Colon) => k,
            Token::Quoted(s) => {
                if loose.is_none() && !s.trim().is_empty() {
                    loose = Some(s.as_str());
                }
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let (value, next) = value(group, i + 2);
        i = next;
        let value = text::clean(&value);
        if value.is_empty() {
            continue;
        }
        let key = normalise(key);
        for (keys, best) in [(CODE_KEYS, &mut code), (MESSAGE_KEYS, &mut message)] {
            if let Some(rank) = keys.iter().position(|k| *k == key)
                && best.as_ref().is_none_or(|(r, _)| rank < *r)
            {
                *best = Some((rank, value.clone()));
            }
        }
    }
    let code = code.map(|(_, v)| v);
    let message = message
        .map(|(_, v)| v)
        .or_else(|| code.as_ref().and(loose).map(text::clean));
    (code.is_some() || message.is_some()).then_some(Body { code, message })
}

/// The value starting at `at` and the index after it: a quoted string, or
/// bare words up to a separator, a brace or the next `key:`, so that an
/// unquoted `errMsg: Invalid parameter` keeps both words.
fn value(group: &[Token], at: usize) -> (String, usize) {
    if let Some(Token::Quoted(s)) = group.get(at) {
        return (s.clone(), at + 1);
    }
    let mut words = Vec::new();
    let mut i = at;
    while let Some(Token::Word(w)) = group.get(i) {
        if group.get(i + 1) == Some(&Token::Colon) {
            break;
        }
        words.push(w.as_str());
        i += 1;
    }
    (words.join(" "), i)
}

fn normalise(key: &str) -> String {
    key.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(code: &str, message: &str) -> Body {
        Body {
            code: Some(code.to_owned()),
            message: Some(message.to_owned()),
        }
    }

    #[test]
    fn unquoted_keys_and_empty_detail() {
        assert_eq!(
            extract(r#"{errCode:"400001", errMsg:"Invalid parameter(s)", detail:""}"#),
            [body("400001", "Invalid parameter(s)")]
        );
    }

    #[test]
    fn json_body_with_snake_case_keys() {
        assert_eq!(
            extract(
                r#"{"error_code":"SVCSTG.CSE.4001000","error_message":"upload metric invalid"}"#
            ),
            [body("SVCSTG.CSE.4001000", "upload metric invalid")]
        );
    }

    #[test]
    fn alternative_bodies_with_keyless_messages() {
        let cell = r#"{"error_code":"SVCSTG.CSE.4001011","The TxInfo is null or too large"}或{"error_code":"SVCSTG.CSE.4001011","Upload head is null or active tx list exceeds the max size"}"#;
        assert_eq!(
            extract(cell),
            [
                body("SVCSTG.CSE.4001011", "The TxInfo is null or too large"),
                body(
                    "SVCSTG.CSE.4001011",
                    "Upload head is null or active tx list exceeds the max size"
                ),
            ]
        );
    }

    #[test]
    fn message_with_colons_and_brackets_inside_quotes() {
        let cell = r#"{"error_code":"SVCSTG.CSE.500500","error_message":"Failed to decode: No content to map due to end-of-inputn at xxx; line: x, column: x]"}"#;
        let bodies = extract(cell);
        assert_eq!(bodies.len(), 1);
        assert_eq!(bodies[0].code.as_deref(), Some("SVCSTG.CSE.500500"));
        assert!(
            bodies[0]
                .message
                .as_deref()
                .unwrap()
                .ends_with("column: x]")
        );
    }

    #[test]
    fn single_quoted_keys() {
        assert_eq!(
            extract("{'code': 'E1001', 'message': 'it can\\'t be done'}"),
            [body("E1001", "it can't be done")]
        );
    }

    #[test]
    fn chinese_quotes() {
        assert_eq!(
            extract("{“错误码”：“X1”，“code”：“E2”，“msg”：“参数错误”}"),
            [body("E2", "参数错误")]
        );
    }

    #[test]
    fn numeric_code_is_kept_as_written() {
        assert_eq!(
            extract(r#"{"Code": 10307, "Message": "Too many requests"}"#),
            [body("10307", "Too many requests")]
        );
        assert_eq!(extract("{\"code\": -1}")[0].code.as_deref(), Some("-1"));
    }

    #[test]
    fn nested_error_object_is_one_body() {
        assert_eq!(
            extract(
                r#"{"error": {"code": "AuthFailure", "message": "denied"}, "requestId": "abc"}"#
            ),
            [body("AuthFailure", "denied")]
        );
    }

    #[test]
    fn specific_keys_beat_generic_ones() {
        assert_eq!(
            extract(
                r#"{"code": 400, "error_code": "APIGW.0101", "detail": "d", "error_msg": "m"}"#
            ),
            [body("APIGW.0101", "m")]
        );
    }

    #[test]
    fn status_is_not_a_code() {
        assert_eq!(
            extract(r#"{"status": 400, "message": "bad"}"#),
            [Body {
                code: None,
                message: Some("bad".to_owned())
            }]
        );
    }

    #[test]
    fn bare_values_keep_their_words() {
        assert_eq!(
            extract("errCode: E7 errMsg: Invalid parameter"),
            [body("E7", "Invalid parameter")]
        );
    }

    #[test]
    fn plain_text_and_values_of_other_keys_are_no_message() {
        assert!(extract("请求参数错误").is_empty());
        assert!(extract(r#"Invalid "name" parameter"#).is_empty());
        assert_eq!(
            extract(r#"{"error_code": "E1", "request_id": "abc"}"#),
            [Body {
                code: Some("E1".to_owned()),
                message: None
            }]
        );
    }

    #[test]
    fn every_seed_body_carries_status_and_business_code() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/input/huawei-cse/error-codes.zh.md"
        );
        let src = std::fs::read_to_string(path).unwrap();
        let grid = &crate::ingest::tables::html::grids(&src)[0];
        for row in &grid.rows {
            let bodies = extract(&row.cells[2]);
            assert!(!bodies.is_empty(), "line {}", row.line);
            for found in bodies {
                let code = found.code.unwrap();
                assert!(
                    code.ends_with(&format!("{}{}", row.cells[0], row.cells[1])),
                    "{code}"
                );
                assert!(found.message.is_some_and(|m| !m.is_empty()), "{code}");
            }
        }
    }

    #[test]
    fn garbage_does_not_panic() {
        for cell in [
            "",
            "{",
            "}}}",
            "{{{",
            "\"",
            "{\"code",
            "{'",
            "{“",
            "\\",
            "{\"a\\",
            ":",
            "{:}",
            "{code:}",
            "{code:\"",
            "}{",
            "{a:{b:{c:",
            "或",
        ] {
            let _ = extract(cell);
        }
        assert_eq!(
            extract("{\"code\":\"E1"),
            [Body {
                code: Some("E1".to_owned()),
                message: None
            }]
        );
    }
}
