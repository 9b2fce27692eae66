//! Constant declarations `NAME = CODE` with their comments as descriptions,
//! in the spellings of Go, Java, Python, TypeScript, Rust and C
//! (`pub const NAME: u32 = 10001;`, `#define NAME 10001`, enum members,
//! string codes `NAME = "E0001"`).
//!
//! A comment directly above a constant (no blank line between) describes it,
//! and so does a comment after it on the same line; both are kept, above
//! first. A negative value is the code as written (`ERR_MEM = -1`). Hexadecimal
//! values are kept as written, like leading zeros.

use std::borrow::Cow;

use super::{DIRECTIVES, MODIFIERS};
use crate::diagnostic::Kind;
use crate::ingest::parsed::{Parsed, Row};
use crate::ingest::text;

/// Type names that stand before or after a constant's name and never are
/// it (`public static final int NAME`, `NAME: u32`).
const TYPE_NAMES: &[&str] = &[
    "unsigned", "signed", "volatile", "int", "long", "short", "byte", "char", "bool", "float",
    "double", "uint", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
    "size_t", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
    "isize", "number", "string", "String", "str", "Integer", "Long", "Int",
];

/// A constant found, its descriptions still being gathered.
struct Entry {
    line: usize,
    name: String,
    code: String,
    above: String,
    trailing: String,
    /// The Python class whose body holds it, if any.
    owner: Option<String>,
}

/// Where the text of a `/* ... */` comment running over several lines goes.
#[derive(Clone, Copy)]
enum CommentFor {
    Above,
    Trailing,
    Nothing,
}

pub(crate) fn parse(src: &str) -> Parsed {
    // A BOM is not a newline, so dropping it keeps line numbers right.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut parsed = Parsed::default();
    let mut entries: Vec<Entry> = Vec::new();
    // Comment text read since the last blank line or statement.
    let mut above = String::new();
    let mut open_comment: Option<CommentFor> = None;
    let mut in_go_block = false;
    // The Python class being read: its name and its line's indentation.
    let mut class: Option<(String, usize)> = None;

    'lines: for (i, line) in src.lines().enumerate() {
        let number = i + 1;
        let indent = line.len() - line.trim_start().len();
        if let Some(name) = python_class(line) {
            class = Some((name.to_owned(), indent));
        } else if class.as_ref().is_some_and(|(_, at)| indent <= *at)
            && !line.trim().is_empty()
            && !line.trim_start().starts_with('#')
        {
            class = None;
        }
        let mut line = line.trim();
        if let Some(target) = open_comment {
            let (inner, rest) = match line.split_once("*/") {
                Some((inner, rest)) => (inner, Some(rest)),
                None => (line, None),
            };
            let inner = inner.trim().trim_start_matches('*');
            match (target, entries.last_mut()) {
                (CommentFor::Above, _) => push(&mut above, inner),
                (CommentFor::Trailing, Some(entry)) => push(&mut entry.trailing, inner),
                _ => {}
            }
            let Some(rest) = rest else { continue };
            open_comment = None;
            line = rest.trim();
            if line.is_empty() {
                continue;
            }
        }
        if line.is_empty() {
            above.clear();
            continue;
        }
        while let Some(rest) = line.strip_prefix("/*") {
            let Some((inner, after)) = rest.split_once("*/") else {
                push(&mut above, rest.trim_start_matches('*'));
                open_comment = Some(CommentFor::Above);
                continue 'lines;
            };
            push(&mut above, inner.trim_start_matches('*'));
            line = after.trim();
            if line.is_empty() {
                continue 'lines;
            }
        }
        // `@Deprecated` or `#[doc(hidden)]` may sit between a comment and
        // its constant.
        if line.starts_with('@') || line.starts_with("#[") || line.starts_with("#![") {
            continue;
        }
        if let Some(comment) = line_comment(line) {
            push(&mut above, comment);
            continue;
        }

        let (statement, comment, open) = split_comment(line);
        let statement = statement.trim();
        let mut target = CommentFor::Nothing;
        if matches!(statement, "const (" | "const(" | "var (" | "var(") {
            in_go_block = true;
            above.clear();
        } else if in_go_block && statement.starts_with(')') {
            in_go_block = false;
            above.clear();
        } else {
            match declaration(statement, in_go_block) {
                Some(Ok((name, code))) => {
                    entries.push(Entry {
                        line: number,
                        name,
                        code,
                        above: std::mem::take(&mut above),
                        trailing: comment.to_owned(),
                        owner: class.as_ref().map(|(name, _)| name.clone()),
                    });
                    target = CommentFor::Trailing;
                }
                Some(Err(message)) => {
                    parsed.note(number, Kind::BadRow, message);
                    above.clear();
                }
                None => above.clear(),
            }
        }
        if open {
            open_comment = Some(target);
        }
    }

    // A comment over the first of a run of constants with none above them
    // (`// Message-related errors`) can label the run, and describe none.
    // So it is where each constant of the run, this one too, has its own
    // comment after it, and the two after it at least none above: a
    // comment above and after one constant, and only after the next, is
    // a label and a text. (A documented constant followed by
    // undocumented ones is just that.)
    let after_only = |entries: &[Entry], i: usize| {
        entries.get(i).is_some_and(|e: &Entry| {
            e.line == entries[i - 1].line + 1 && e.above.is_empty() && !e.trailing.is_empty()
        })
    };
    for i in 0..entries.len() {
        let next_bare = !entries[i].trailing.is_empty()
            && after_only(&entries, i + 1)
            && after_only(&entries, i + 2);
        let starts_run = i
            .checked_sub(1)
            .is_none_or(|p| entries[p].line + 1 != entries[i].line || !entries[p].above.is_empty());
        if next_bare && starts_run && !entries[i].above.is_empty() {
            let label = std::mem::take(&mut entries[i].above);
            parsed.skipped.push((
                entries[i].line,
                format!(
                    "comment `{}` labels the constants below it, and describes none",
                    text::clean(&label)
                ),
            ));
        }
    }
    // Beside classes of errors (`class WeChatErrorCode(IntEnum)`), a
    // class whose name says nothing of errors (`class UserFormInfoFlag`)
    // holds other constants.
    if entries
        .iter()
        .any(|e| e.owner.as_deref().is_some_and(super::names_errors))
    {
        entries.retain(|e| match e.owner.as_deref() {
            Some(owner) if !super::names_errors(owner) => {
                parsed.skipped.push((
                    e.line,
                    format!(
                        "constant `{}` is in class `{owner}`, whose name says nothing of errors, \
                         beside classes of error codes",
                        e.name
                    ),
                ));
                false
            }
            _ => true,
        });
    }
    parsed.rows = entries
        .into_iter()
        .map(|entry| Row {
            line: entry.line,
            code: entry.code,
            name: Some(entry.name),
            http_statuses: Vec::new(),
            texts: [entry.above, entry.trailing]
                .iter()
                .map(|t| text::clean(t))
                .filter(|t| !t.is_empty())
                .collect(),
            ..Row::default()
        })
        .collect();
    parsed
}

/// The name a Python `class Name(…):` line declares.
fn python_class(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("class ")?;
    if !line.trim_end().ends_with(':') {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn push(buffer: &mut String, text: &str) {
    buffer.push(' ');
    buffer.push_str(text);
}

/// The text of a whole-line `//`, `#` or `--` comment.
fn line_comment(line: &str) -> Option<&str> {
    if let Some(text) = line.strip_prefix("//") {
        return Some(text.trim_start_matches(['/', '!']));
    }
    if let Some(text) = line.strip_prefix("--") {
        return Some(text.trim_start_matches('-'));
    }
    let text = line.strip_prefix('#')?;
    let word_end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let directive = DIRECTIVES.contains(&&text[..word_end])
        && text[word_end..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    (!directive).then(|| text.trim_start_matches('#'))
}

/// Splits a line into its statement and the text of a trailing comment,
/// skipping comment markers inside quotes. The flag says a `/*` comment runs
/// on past the line. Every file is tried as constants, so this runs on
/// every line of every source: it borrows, and looks behind a character
/// only at the few that can start a comment.
fn split_comment(line: &str) -> (Cow<'_, str>, &str, bool) {
    // Every marker is ASCII and no byte of a multi-byte character is, so
    // bytes are walked; the character before one is decoded only when a
    // marker needs it. (`\0` at the start: the `#` of `#define` there is no
    // comment.)
    let prev = |i: usize| line[..i].chars().next_back().unwrap_or('\0');
    let mut quote = None;
    let mut escaped = false;
    for (i, byte) in line.bytes().enumerate() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == q {
                quote = None;
            }
            continue;
        }
        match byte {
            b'"' | b'`' => quote = Some(byte),
            // A `'` after a letter or `&` is Rust's `&'static`, not a quote.
            b'\'' if prev(i).is_whitespace() || "=(".contains(prev(i)) => quote = Some(byte),
            b'/' | b'#' | b'-' => {
                let (before, rest) = line.split_at(i);
                if let Some(text) = rest.strip_prefix("//") {
                    return (before.into(), text.trim_start_matches('/'), false);
                } else if let Some(text) = rest.strip_prefix("/*") {
                    return match text.split_once("*/") {
                        Some((inner, after)) => (
                            format!("{before} {after}").into(),
                            inner.trim_start_matches('*'),
                            false,
                        ),
                        None => (before.into(), text.trim_start_matches('*'), true),
                    };
                } else if (byte == b'#' || rest.starts_with("--")) && prev(i).is_whitespace() {
                    return (before.into(), rest.trim_start_matches(['#', '-']), false);
                }
            }
            _ => {}
        }
    }
    (line.into(), "", false)
}

/// The name and code a statement declares: `None` when it declares no
/// code, `Err` when it declares one that cannot be read.
fn declaration(statement: &str, in_go_block: bool) -> Option<Result<(String, String), String>> {
    let had_semicolon = statement.ends_with(';');
    let statement = statement.trim_end_matches(|c: char| c == ';' || c == ',' || c.is_whitespace());
    let (name, value) = match statement.strip_prefix("#define") {
        Some(rest) => {
            let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
            // `#define HEADER_H` guards a header; it has no value.
            let end = rest.find(char::is_whitespace)?;
            (&rest[..end], &rest[end..])
        }
        None => {
            let (left, value) = split_assignment(statement)?;
            (name_of(left, in_go_block, had_semicolon)?, value)
        }
    };
    if !is_identifier(name) {
        return None;
    }
    let value = value.trim();
    let value = value
        .strip_prefix('(')
        .and_then(|v| v.strip_suffix(')'))
        .unwrap_or(value)
        .trim();
    if value.is_empty() {
        return Some(Err(format!("constant `{name}` has no value")));
    }
    if let Some(inner) = unquote(value) {
        let code = inner.trim();
        // `syntax = "proto3"`, `version = "v2"`: a setting, named by one
        // lowercase word, is no code.
        let setting = name.bytes().all(|b| b.is_ascii_lowercase());
        return (text::is_code_shaped(code) && !setting)
            .then(|| Ok((name.to_owned(), code.to_owned())));
    }
    // C and Java suffixes (`10001L`, `0x10u`) say how the number is stored.
    let number = value.trim_end_matches(['u', 'U', 'l', 'L']);
    let all = |s: &str, f: fn(&u8) -> bool| !s.is_empty() && s.bytes().all(|b| f(&b));
    // C libraries' codes are often negative (`ERR_MEM = -1`): the code is
    // the number as written.
    if number
        .strip_prefix('-')
        .is_some_and(|n| all(n, u8::is_ascii_digit))
    {
        return Some(Ok((name.to_owned(), number.to_owned())));
    }
    let is_number = match number
        .strip_prefix("0x")
        .or_else(|| number.strip_prefix("0X"))
    {
        Some(hex) => all(hex, u8::is_ascii_hexdigit),
        None => all(number, u8::is_ascii_digit),
    };
    is_number.then(|| Ok((name.to_owned(), number.to_owned())))
}

/// `left = value`, refusing `==`, `=>`, `:=`, `+=` and the like.
fn split_assignment(statement: &str) -> Option<(&str, &str)> {
    let (left, value) = statement.split_once('=')?;
    let operator = left
        .trim_end()
        .ends_with(['!', '<', '>', ':', '+', '-', '*', '/', '%', '&', '|', '^'])
        || value.starts_with(['=', '>']);
    (!operator).then_some((left, value))
}

/// The constant's name among the words left of `=`.
fn name_of(left: &str, in_go_block: bool, had_semicolon: bool) -> Option<&str> {
    // A single `:` starts a type annotation (`NAME: u32`); `::` is a path.
    let bytes = left.as_bytes();
    let colon = (0..bytes.len()).find(|&i| {
        bytes[i] == b':' && bytes.get(i + 1) != Some(&b':') && (i == 0 || bytes[i - 1] != b':')
    });
    let left = colon.map_or(left, |i| &left[..i]);
    let words: Vec<&str> = left.split_whitespace().collect();
    let not_name =
        |w: &&str| MODIFIERS.contains(w) || TYPE_NAMES.contains(w) || w.starts_with("pub(");
    let go_style =
        in_go_block || (matches!(words.first(), Some(&("const" | "var"))) && !had_semicolon);
    let keyworded = words.iter().any(not_name);
    let names: Vec<&str> = words.into_iter().filter(|w| !not_name(w)).collect();
    match names[..] {
        [name] => Some(name),
        // Go writes the type after the name (`Name Code = 1`), C-like
        // languages before it (`final Code NAME = 1;`). Two bare words with
        // no keyword are prose ("Set timeout = 30").
        [first, _] if go_style => Some(first),
        [_, last] if keyworded => Some(last),
        _ => None,
    }
}

fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn unquote(value: &str) -> Option<&str> {
    let quote = value
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    value[1..].strip_suffix(quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &str) -> String {
        let path = format!("{}/input/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
    }

    /// `(name, code, texts)` of each row.
    fn entries(src: &str) -> Vec<(String, String, Vec<String>)> {
        parse(src)
            .rows
            .into_iter()
            .map(|row| (row.name.unwrap_or_default(), row.code, row.texts))
            .collect()
    }

    fn entry(name: &str, code: &str, texts: &[&str]) -> (String, String, Vec<String>) {
        let texts = texts.iter().map(|t| t.to_string()).collect();
        (name.to_owned(), code.to_owned(), texts)
    }

    #[test]
    fn api_switch_seed_gives_every_constant_in_source_order() {
        let parsed = parse(&input("api-switch/error-codes.md"));
        assert_eq!(parsed.rows.len(), 103);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        let first = &parsed.rows[0];
        assert_eq!(first.name.as_deref(), Some("ILLEGAL_PARAMETER"));
        assert_eq!(
            (first.code.as_str(), first.texts.as_slice()),
            ("10001", &["参数不合法".to_owned()][..])
        );
        let find = |name: &str| {
            parsed
                .rows
                .iter()
                .position(|r| r.name.as_deref() == Some(name))
                .unwrap()
        };
        let volume = &parsed.rows[find("VOLUME_NOT_FOUND")];
        assert_eq!((volume.code.as_str(), volume.line), ("10608", 272));
        assert!(volume.texts.is_empty());
        let submitting = &parsed.rows[find("SUBMITTING_IN_PROGRESS")];
        assert_eq!((submitting.code.as_str(), submitting.line), ("10220", 311));
        assert_eq!(submitting.texts, ["提交中暂时不能删除"]);
        assert!(find("SUBMITTING_IN_PROGRESS") > find("VOLUME_NOT_FOUND"));
        // No blank line between a constant and the next one's comment.
        assert_eq!(
            parsed.rows[find("VOL_GET_USAGE_FAILED")].texts,
            ["获取云盘使用状态失败"]
        );
        assert_eq!(
            parsed.rows[find("VOL_SS_NAME_IS_NULL")].texts,
            ["云硬盘快照名称不能为空"]
        );
        assert!(parsed.rows.windows(2).all(|w| w[0].line < w[1].line));
    }

    #[test]
    fn other_formats_give_no_rows() {
        assert_eq!(
            parse(&input("netease-cloudcomb/openapi-error-codes.md")),
            Parsed::default()
        );
        assert_eq!(
            parse(&input("polaris/error-codes.en.md")),
            Parsed::default()
        );
    }

    #[test]
    fn go_const_block_with_types_and_trailing_comments() {
        let src = "\
package errs

// Codes the API returns.
const (
\t// OK means success.
\tOK Code = 0
\tInvalidParam Code = 10001 // invalid parameter
\tNotFound = 10002

\tnext = iota
)

const Standalone Code = 20001
";
        assert_eq!(
            entries(src),
            [
                entry("OK", "0", &["OK means success."]),
                entry("InvalidParam", "10001", &["invalid parameter"]),
                entry("NotFound", "10002", &[]),
                entry("Standalone", "20001", &[]),
            ]
        );
    }

    #[test]
    fn java_constants_with_javadoc_and_string_codes() {
        let src = "\
public final class Errors {
    /**
     * The request is invalid.
     * Check the parameters.
     */
    public static final int INVALID = 10001;
    /** Not found. */
    @Deprecated
    public static final String NOT_FOUND = \"E0404\";
    private static final ErrorCode TYPED = 10003; // typed
    public static final long WIDE = 10004L;
    public static final String GREETING = \"hello there\";
}
";
        assert_eq!(
            entries(src),
            [
                entry(
                    "INVALID",
                    "10001",
                    &["The request is invalid. Check the parameters."]
                ),
                entry("NOT_FOUND", "E0404", &["Not found."]),
                entry("TYPED", "10003", &["typed"]),
                entry("WIDE", "10004", &[]),
            ]
        );
    }

    #[test]
    fn python_constants_with_hash_comments() {
        let src = "\
# Invalid parameter
# (any of them)
INVALID = 10001
NOT_FOUND: int = 10002  # not found
QUOTED = 'E0003'
";
        assert_eq!(
            entries(src),
            [
                entry("INVALID", "10001", &["Invalid parameter (any of them)"]),
                entry("NOT_FOUND", "10002", &["not found"]),
                entry("QUOTED", "E0003", &[]),
            ]
        );
    }

    #[test]
    fn python_classes_beside_error_classes_are_skipped() {
        let src = "class UserFlag(Enum):\n    MOBILE = \"USER_FLAG_MOBILE\"  # phone\n\n\nclass ReimburseStatus(Enum):\n    LOCK = \"INVOICE_LOCK\"\n\nclass ApiErrorCode(IntEnum):\n    # System busy\n    SYSTEM_BUSY = -1\n    SUCCESS = 0\n\nTOP_LEVEL = 40001\n";
        let parsed = parse(src);
        let codes: Vec<&str> = parsed.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["-1", "0", "40001"]);
        let skipped: Vec<usize> = parsed.skipped.iter().map(|(line, _)| *line).collect();
        assert_eq!(skipped, [2, 6]);
        assert!(parsed.skipped[0].1.contains("`UserFlag`"));
        // Without a class of errors, every class's constants are read.
        assert_eq!(
            parse("class Flags:\n    A = 1001\n    B = 1002\n")
                .rows
                .len(),
            2
        );
    }

    #[test]
    fn swift_enum_cases_with_raw_values() {
        let src = "public enum Code: Int {\n    /**\n     Internal SDK Error.\n     */\n    case unknownError = -1\n    /// Object not found.\n    case objectNotFound = 101\n}\n";
        assert_eq!(
            entries(src),
            [
                entry("unknownError", "-1", &["Internal SDK Error."]),
                entry("objectNotFound", "101", &["Object not found."]),
            ]
        );
    }

    #[test]
    fn typescript_constants_and_enum_members() {
        let src = "\
/** Invalid parameter. */
export const INVALID = 10001;
const NOT_FOUND: number = 10002;
export enum Code {
  /* Conflict */
  Conflict = 10003,
  Gone = \"E-0004\", /* gone */
  Later = 10005, // later
}
";
        assert_eq!(
            entries(src),
            [
                entry("INVALID", "10001", &["Invalid parameter."]),
                entry("NOT_FOUND", "10002", &[]),
                entry("Conflict", "10003", &["Conflict"]),
                entry("Gone", "E-0004", &["gone"]),
                entry("Later", "10005", &["later"]),
            ]
        );
    }

    #[test]
    fn rust_constants_with_doc_comments_and_attributes() {
        let src = "\
/// Invalid parameter.
#[deprecated]
pub const INVALID: u32 = 10001;
pub(crate) const NAMED: &'static str = \"E0002\"; // named
static HEX: u16 = 0x1F;
";
        assert_eq!(
            entries(src),
            [
                entry("INVALID", "10001", &["Invalid parameter."]),
                entry("NAMED", "E0002", &["named"]),
                entry("HEX", "0x1F", &[]),
            ]
        );
    }

    #[test]
    fn c_defines_and_enums() {
        let src = "\
#ifndef ERRORS_H
#define ERRORS_H

/* Invalid
 * parameter */
#define ERR_INVALID 10001
#define ERR_WRAPPED (10002) // wrapped
#define MAX(a, b) ((a) > (b) ? (a) : (b))
enum err {
    ERR_A = 10003, /* first */
    ERR_B = 10004, /* runs
                      on */
};
static const struct_code ERR_C = 10005;
#endif
";
        assert_eq!(
            entries(src),
            [
                entry("ERR_INVALID", "10001", &["Invalid parameter"]),
                entry("ERR_WRAPPED", "10002", &["wrapped"]),
                entry("ERR_A", "10003", &["first"]),
                entry("ERR_B", "10004", &["runs on"]),
                entry("ERR_C", "10005", &[]),
            ]
        );
    }

    #[test]
    fn blank_line_detaches_and_a_comment_is_used_once() {
        let src = "\
// detached

A = 1
// for B
B = 2 // after B
C = 3
-- for D
D = 4
";
        assert_eq!(
            entries(src),
            [
                entry("A", "1", &[]),
                entry("B", "2", &["for B", "after B"]),
                entry("C", "3", &[]),
                entry("D", "4", &["for D"]),
            ]
        );
    }

    #[test]
    fn negative_values_are_codes_and_missing_ones_are_noted() {
        let parsed = parse("UNKNOWN = -1\nEMPTY =\nOK = 7\n#define NEG (-2)\n");
        let codes: Vec<&str> = parsed.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["-1", "7", "-2"]);
        let notes: Vec<(usize, Kind)> = parsed.notes.iter().map(|n| (n.line, n.kind)).collect();
        assert_eq!(notes, [(2, Kind::BadRow)]);
        assert!(parsed.notes[0].message.contains("`EMPTY` has no value"));
    }

    #[test]
    fn prose_and_other_statements_are_not_constants() {
        let src = "\
Set timeout = 30
if a == b
x := 5
x += 1
| A = 1 |
`status = 1` means done
const f = (x) => 1
name = other_name
version = 1.5
";
        assert_eq!(parse(src), Parsed::default());
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        assert_eq!(parse(""), Parsed::default());
        for odd in [
            "/*",
            "/* a",
            "NAME = \"",
            "'",
            "#",
            "=",
            "const (",
            "*/ A = 1",
            "A = 1 /*",
        ] {
            parse(odd);
        }
        let parsed =
            parse("\u{feff}// 中文说明\r\nNAME = 10001\r\n\r\nOTHER = 10002 // ünïcode\r\n");
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].texts, ["中文说明"]);
        assert_eq!(parsed.rows[1].line, 4);
        assert_eq!(parsed.rows[1].texts, ["ünïcode"]);
    }
}
