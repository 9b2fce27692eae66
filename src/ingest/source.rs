//! Catalogs published as source code, in any common language.
//!
//! Two readers look at the file: `constants.rs` reads `NAME = CODE`
//! statements line by line, which holds up in a Markdown page that
//! quotes them; `catalog.rs` reads the items `items.rs` finds in the
//! tokens `lex.rs` makes — enum entries with arguments, constructions,
//! error enums' members with attributes, map pairs. Their finds are one
//! list, and the map pairs then give constants and codes their messages:
//! a constant block and a message map become one set of records.

mod catalog;
pub(crate) mod constants;
mod items;
mod lex;

use std::collections::HashMap;

use self::catalog::Found;
use self::items::Key;
use crate::ingest::headers;
use crate::ingest::parsed::{Parsed, Row};
use crate::ingest::text;

/// Modifiers that stand before a declared name and never are it, in
/// every language read.
const MODIFIERS: &[&str] = &[
    "const",
    "var",
    "let",
    "val",
    "static",
    "final",
    "public",
    "private",
    "protected",
    "internal",
    "export",
    "pub",
    "readonly",
    "declare",
    "extern",
    "constexpr",
    "inline",
    // Swift's enum members: `case objectNotFound = 101`.
    "case",
];

/// C preprocessor directives: a `#` that starts one is no comment.
const DIRECTIVES: &[&str] = &[
    "define", "undef", "include", "import", "if", "ifdef", "ifndef", "elif", "else", "endif",
    "pragma", "error", "warning", "line",
];

pub(crate) fn parse(src: &str) -> Parsed {
    let constants = constants::parse(src);
    let lexed = lex::lex(src);
    let read = catalog::read(&lexed);
    let mut parsed = Parsed {
        rows: Vec::new(),
        notes: constants.notes,
        ..Parsed::default()
    };
    // One list by line: where both readers found the same constant, the
    // token reader saw more (attributes, arguments).
    let mut found: Vec<Found> = read.found;
    let taken: std::collections::HashSet<usize> = found.iter().map(|f| f.line).collect();
    for row in constants.rows {
        if taken.contains(&row.line) {
            continue;
        }
        found.push(Found {
            line: row.line,
            code: row.code,
            name: row.name,
            comments: row.texts,
            origin: "constants (`NAME = value`)",
            ..Found::default()
        });
    }
    found.sort_by_key(|f| f.line);
    // One constant declared twice, as a type and as a value
    // (`interface Codes { a: 1 }` and `codes = { a: 1 }`), is one code.
    let mut seen: HashMap<(String, Option<String>), usize> = HashMap::new();
    let mut once: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        match seen.get(&(f.code.clone(), f.name.clone())) {
            Some(&i) if f.name.is_some() => {
                let kept: &mut Found = &mut once[i];
                if kept.group.is_empty() {
                    kept.group = f.group.clone();
                }
                kept.comments.extend(f.comments.clone());
                kept.absorb(f);
            }
            _ => {
                seen.insert((f.code.clone(), f.name.clone()), once.len());
                once.push(f);
            }
        }
    }
    let mut found = once;
    skip_settings(&mut found, &mut parsed);

    // Map pairs join by name, then by code; a pair that joins nothing is a
    // code of its own when its key is code-shaped.
    let by_name: HashMap<String, usize> = found
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, f)| Some((f.name.clone()?, i)))
        .collect();
    let by_code: HashMap<String, usize> = found
        .iter()
        .enumerate()
        .rev()
        .map(|(i, f)| (f.code.clone(), i))
        .collect();
    let mut own: Vec<Found> = Vec::new();
    let mut own_codes: HashMap<String, usize> = HashMap::new();
    let (mut joined, mut first_join) = (0usize, 0usize);
    for pair in read.pairs {
        let (target, code) = match &pair.key {
            Key::Name(name) => (by_name.get(name).or_else(|| by_code.get(name)), name),
            Key::Literal(code) => (by_code.get(code), code),
        };
        // `NAME = "Code.X"` is the constant itself, not a text for it.
        let target = target.filter(|&&i| !(pair.code_shaped && found[i].line == pair.line));
        if let Some(&i) = target {
            found[i].absorb(pair.says);
            if joined == 0 {
                first_join = pair.line;
            }
            joined += 1;
            continue;
        }
        let code = code.trim();
        let usable = match &pair.key {
            Key::Literal(_) => text::is_code_shaped(code) || text::is_negative_integer(code),
            Key::Name(_) => {
                !pair.code_shaped
                    && !pair.top_level
                    && text::is_symbolic_code(code)
                    && headers::classify(code).is_none()
            }
        };
        if !usable {
            continue;
        }
        match own_codes.get(code) {
            Some(&i) => own[i].absorb(pair.says),
            None => {
                own_codes.insert(code.to_owned(), own.len());
                let mut says = pair.says;
                says.line = pair.line;
                says.code = code.to_owned();
                says.origin = "map entries whose keys are codes";
                own.push(says);
            }
        }
    }
    // Pairs alone are a catalog only when there are enough of them to be
    // one, or nothing else was found: one `{"code": …}` example is not.
    if !found.is_empty() || own.len() >= 2 {
        found.extend(own);
    }
    found.sort_by_key(|f| f.line);
    parsed.how = read.how;
    let mut origins: Vec<(&str, usize, usize)> = Vec::new();
    for f in &found {
        match origins.iter_mut().find(|(o, _, _)| *o == f.origin) {
            Some((_, _, n)) => *n += 1,
            None => origins.push((f.origin, f.line, 1)),
        }
    }
    for (origin, line, n) in origins {
        parsed.how.push((line, format!("{n} codes from {origin}")));
    }
    if joined > 0 {
        parsed.how.push((
            first_join,
            format!("{joined} map entries give texts to the codes above, joined by name or code"),
        ));
    }
    parsed.how.sort_by_key(|(line, _)| *line);
    parsed.rows = found.into_iter().map(row).collect();
    parsed
}

/// Beside a file's codes, named in one pattern (`ERR_MEM`, `ERR_BUF`, …;
/// `FileNotFoundError`, `LoginOutError`, …), a constant named otherwise
/// and whose value is not written as theirs are (`serialVersionUID =
/// 300L` beside `0x01` and `32000`, `VERSION = "1.2.3"` beside numbers)
/// is a setting, not a code: where two thirds of five constants at least
/// share the first or last word of their names, or name an error, such
/// others are skipped, and said so. A file with no such pattern keeps
/// every one.
fn skip_settings(found: &mut Vec<Found>, parsed: &mut Parsed) {
    if found.len() < 5 {
        return;
    }
    let words: Vec<Vec<String>> = found
        .iter()
        .map(|f| name_words(f.name.as_deref().unwrap_or(&f.code)))
        .collect();
    let most_common = |pick: fn(&Vec<String>) -> Option<&String>| {
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for w in words.iter().filter(|w| w.len() > 1).filter_map(pick) {
            *counts.entry(w.as_str()).or_default() += 1;
        }
        counts
            .into_iter()
            .filter(|&(_, n)| n >= 3)
            .max_by_key(|&(w, n)| (n, std::cmp::Reverse(w)))
            .map(|(w, _)| w.to_owned())
    };
    let first = most_common(|w| w.first());
    let last = most_common(|w| w.last());
    let says: Vec<bool> = found
        .iter()
        .zip(&words)
        .map(|(f, w)| {
            f.name.as_deref().is_some_and(names_errors)
                || (w.len() > 1 && (w.first() == first.as_ref() || w.last() == last.as_ref()))
        })
        .collect();
    let saying = says.iter().filter(|&&s| s).count();
    if saying * 3 < found.len() * 2 || saying == found.len() {
        return;
    }
    // Nor is its value written as theirs are: a catalog has several
    // prefixes (`APP_`, `VOL_`) but one way of writing its codes.
    let shapes: std::collections::HashSet<(u8, usize)> = found
        .iter()
        .zip(&says)
        .filter(|(_, says)| **says)
        .map(|(f, _)| value_shape(&f.code))
        .collect();
    let says: Vec<bool> = found
        .iter()
        .zip(says)
        // `OK = 0` is the success every catalog may start with.
        .map(|(f, says)| says || f.code == "0" || shapes.contains(&value_shape(&f.code)))
        .collect();
    let mut keep = says.into_iter();
    found.retain(|f| {
        let kept = keep.next().unwrap_or(true);
        if !kept {
            parsed.skipped.push((
                f.line,
                format!(
                    "constant `{}` is neither named nor written as the file's codes are; \
                     taken for a setting",
                    f.name.as_deref().unwrap_or(&f.code)
                ),
            ));
        }
        kept
    });
}

/// How a code is written: hexadecimal, a decimal number of so many
/// digits, or a string.
fn value_shape(code: &str) -> (u8, usize) {
    let digits = code.trim_start_matches('-');
    if code.starts_with("0x") || code.starts_with("0X") {
        (0, 0)
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        (1, digits.len())
    } else {
        (2, 0)
    }
}

/// Whether a name says it holds errors, word by word (`ErrorCode`,
/// `WeChatErrorCode`, `ApiException`, `ERR_X`), not by letters:
/// `interrupt`, `Encoder` and `unicode` say nothing of errors. `Status`
/// alone does not either: a status is as often a state.
fn names_errors(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "error",
        "errors",
        "err",
        "errs",
        "code",
        "codes",
        "exception",
        "exceptions",
        "fault",
        "faults",
        "failure",
        "failures",
    ];
    name_words(name).iter().any(|w| WORDS.contains(&w.as_str())) || name.contains("错误")
}

/// The words of a constant's name, lowercase: `ERR_MEM` → `err`, `mem`;
/// `FileNotFoundError` → `file`, `not`, `found`, `error`.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A find as a row: the message is what was given as one; with none, the
/// comments are the text, and beside one they describe it.
fn row(found: Found) -> Row {
    let clean = |texts: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in texts {
            let t = text::clean(&t);
            if !t.is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
        out
    };
    let messages = clean(found.messages);
    let comments = clean(found.comments);
    let (texts, mut descriptions) = if messages.is_empty() {
        (comments, Vec::new())
    } else {
        (messages, comments)
    };
    descriptions.extend(clean(found.descriptions));
    Row {
        line: found.line,
        code: found.code,
        name: found.name,
        http_statuses: found.http_statuses,
        texts,
        descriptions,
        solutions: clean(found.solutions),
        group: found.group,
        ..Row::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(src: &str) -> Vec<(String, Vec<String>)> {
        parse(src)
            .rows
            .into_iter()
            .map(|r| (r.code, r.texts))
            .collect()
    }

    #[test]
    fn settings_beside_codes_named_in_a_pattern_are_skipped() {
        let src = "public class MqttException {\n    private static final long serialVersionUID = 300L;\n    public static final short REASON_CODE_CLIENT_EXCEPTION = 0x00;\n    public static final short REASON_CODE_INVALID_PROTOCOL_VERSION = 0x01;\n    public static final short REASON_CODE_INVALID_CLIENT_ID = 0x02;\n    public static final short REASON_CODE_BROKER_UNAVAILABLE = 0x03;\n    public static final short REASON_CODE_FAILED_AUTHENTICATION = 0x04;\n    public static final String VERSION = \"1.2.5\";\n}\n";
        let parsed = parse(src);
        let names: Vec<&str> = parsed
            .rows
            .iter()
            .filter_map(|r| r.name.as_deref())
            .collect();
        assert_eq!(names.len(), 5);
        assert!(
            names.iter().all(|n| n.starts_with("REASON_CODE_")),
            "{names:?}"
        );
        let skipped: Vec<usize> = parsed.skipped.iter().map(|(line, _)| *line).collect();
        assert_eq!(skipped, [2, 8]);
        // Without a pattern most names share, every constant is a code.
        let src =
            "NOT_FOUND = 404\nFORBIDDEN = 403\nTIMEOUT = 504\nBAD_GATEWAY = 502\nCONFLICT = 409\n";
        assert_eq!(parse(src).rows.len(), 5);
        assert_eq!(
            name_words("FileNotFoundError"),
            ["file", "not", "found", "error"]
        );
        assert_eq!(name_words("ERR_MEM"), ["err", "mem"]);
    }

    #[test]
    fn settings_of_the_top_level_are_no_codes() {
        let src = "syntax = \"proto3\";\npackage google.ads.errors;\noption go_package = \"google.golang.org/genproto/errors;errors\";\noption objc_class_prefix = \"GAA\";\n\nenum AuthErrorEnum {\n  // Unknown.\n  UNKNOWN = 1;\n  // Bad token.\n  BAD_TOKEN = 2;\n}\n";
        assert_eq!(
            codes(src),
            [
                ("1".to_owned(), vec!["Unknown.".to_owned()]),
                ("2".to_owned(), vec!["Bad token.".to_owned()]),
            ]
        );
    }

    #[test]
    fn a_map_of_symbolic_codes_is_a_catalog_and_joins_constants() {
        let src = "const ErrNotFound = 1001\nvar messages = map[int]string{\n  ErrNotFound: \"not found\",\n}\nvar symbolic = map[string]string{\n  \"TokenExpired\": \"The token expired.\",\n  \"TokenInvalid\": \"The token is invalid.\",\n}\n";
        assert_eq!(
            codes(src),
            [
                ("1001".to_owned(), vec!["not found".to_owned()]),
                (
                    "TokenExpired".to_owned(),
                    vec!["The token expired.".to_owned()]
                ),
                (
                    "TokenInvalid".to_owned(),
                    vec!["The token is invalid.".to_owned()]
                ),
            ]
        );
    }
}
