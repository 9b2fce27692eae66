//! Lists of `CODE message` lines, one code per line: a plain text file, or
//! the code blocks of a Markdown page (`- \`4000001\`: Invalid parameters.`
//! and `4000001<TAB>Invalid parameters.` read alike).

use std::ops::RangeInclusive;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::diagnostic::Kind;
use crate::ingest::outline::{Headings, Outline};
use crate::ingest::parsed::{Parsed, Row};
use crate::ingest::text::{self, LineIndex};

/// What may stand between a code and its message besides whitespace.
const SEPARATORS: [char; 7] = [':', '：', '-', '–', '—', '|', '='];

pub(crate) fn parse(src: &str) -> Parsed {
    // A BOM is not a newline, so dropping it keeps line numbers right.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let (blocks, outline) = code_block_lines(src);
    let in_block = |line: usize| covers(&blocks, line);
    let found: Vec<Found> = src
        .lines()
        .enumerate()
        .filter_map(|(i, line)| read_line(i + 1, line))
        .collect();
    // Symbolic codes without digits (`tokenExpired - …`) count in a run of
    // them, each within two lines of the next: a list. One `Node.js: …`
    // line here and another there is prose.
    let symbolic_at: Vec<usize> = found
        .iter()
        .filter(|f| f.symbolic())
        .map(Found::line)
        .collect();
    let in_run = |line: usize| {
        let at = symbolic_at.partition_point(|&l| l < line);
        let near = |other: Option<&usize>| other.is_some_and(|&l| l.abs_diff(line) <= 2);
        near(at.checked_sub(1).and_then(|p| symbolic_at.get(p))) || near(symbolic_at.get(at + 1))
    };
    let kept: Vec<Found> = found
        .into_iter()
        .filter(|f| !f.symbolic() || in_run(f.line()))
        .collect();
    // A Markdown page that keeps its list in code blocks also has prose
    // starting with numbers ("1000 requests per second ..."): once a code
    // block holds entries, only code blocks are trusted.
    let blocks_only = kept
        .iter()
        .any(|f| matches!(f, Found::Entry(row) if in_block(row.line)));
    let read_here = |line: usize| !blocks_only || in_block(line);
    // An HTTP status summary (`200 - OK`, `400 - Bad Request`) beside the
    // vendor's own list is not the vendor's codes.
    let vendor_entries = kept
        .iter()
        .filter(
            |f| matches!(f, Found::Entry(row) if read_here(row.line) && !is_status_summary(row)),
        )
        .count();
    let mut parsed = Parsed::default();
    let mut summary_skipped = None;
    for found in kept {
        match found {
            Found::Entry(row) if vendor_entries > 0 && is_status_summary(&row) => {
                summary_skipped.get_or_insert(row.line);
            }
            Found::Entry(mut row) if read_here(row.line) => {
                row.group = outline.group_at(row.line);
                parsed.rows.push(*row);
            }
            Found::Broken { line, message, .. } if read_here(line) => {
                parsed.note(line, Kind::BadRow, message);
            }
            _ => {}
        }
    }
    if let Some(first) = parsed.rows.first() {
        let place = if blocks_only {
            "in code blocks (the page's prose outside them is not read)"
        } else {
            "of the text"
        };
        parsed.how.push((
            first.line,
            format!("{} lines {place} read as `CODE message`", parsed.rows.len()),
        ));
    }
    if let Some(line) = summary_skipped {
        parsed.skipped.push((
            line,
            "a summary of HTTP statuses (`400 - Bad Request`) beside the vendor's own codes; \
             not read as codes"
                .to_owned(),
        ));
    }
    parsed
}

/// Whether what follows a code is a statement's rest rather than a text:
/// a second operator (`=>`, `::`, `:=`), a literal, or a line that ends
/// as statements and list items of code do.
fn reads_as_source(message: &str) -> bool {
    let message = message.trim();
    let ends_a_statement = message.ends_with([',', ';']);
    // `'success',`: a literal and the comma after it.
    let literal = message.starts_with(['\'', '"'])
        && ends_a_statement
        && message
            .trim_end_matches([',', ';'])
            .ends_with(['\'', '"', ')', ']', '}']);
    message.starts_with([':', '>', '='])
        || message.ends_with(['{', '(', '['])
        || (ends_a_statement && !message.contains(char::is_whitespace))
        || literal
}

fn has_digit(code: &str) -> bool {
    code.bytes().any(|b| b.is_ascii_digit())
}

/// Whether an entry is an HTTP status and its reason phrase (`200 - OK`,
/// `404 Not Found: …`), as summaries of a response's statuses list them.
fn is_status_summary(row: &Row) -> bool {
    let Some(reason) = row
        .code
        .parse::<u16>()
        .ok()
        .and_then(|n| http::StatusCode::from_u16(n).ok())
        .and_then(|status| status.canonical_reason())
    else {
        return false;
    };
    let words = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    row.texts
        .first()
        .is_some_and(|text| words(text).starts_with(&words(reason)))
}

enum Found {
    Entry(Box<Row>),
    /// A code and a separator with nothing after them.
    Broken {
        line: usize,
        message: String,
        symbolic: bool,
    },
}

impl Found {
    fn line(&self) -> usize {
        match self {
            Found::Entry(row) => row.line,
            Found::Broken { line, .. } => *line,
        }
    }

    /// Whether its code has no digits, so that it counts only in a list.
    fn symbolic(&self) -> bool {
        match self {
            Found::Entry(row) => !has_digit(&row.code),
            Found::Broken { symbolic, .. } => *symbolic,
        }
    }
}

/// The lines covered by each Markdown code block, fenced or indented, in
/// order and merged where they touch, for [`covers`]; and the headings
/// that name the groups of the entries below them.
fn code_block_lines(src: &str) -> (Vec<RangeInclusive<usize>>, Outline) {
    let index = LineIndex::new(src);
    let mut blocks: Vec<RangeInclusive<usize>> = Vec::new();
    let mut headings = Headings::default();
    // As the table readers parse, so that every reader sees one outline.
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        headings.see(&event, || index.line(range.start));
        if let Event::Start(Tag::CodeBlock(_)) = event {
            let last = range.end.saturating_sub(1).max(range.start);
            let (first, last) = (index.line(range.start), index.line(last));
            match blocks.last_mut() {
                Some(previous) if first <= *previous.end() => {
                    *previous = *previous.start()..=last.max(*previous.end());
                }
                _ => blocks.push(first..=last),
            }
        }
    }
    (blocks, headings.outline())
}

/// Whether `line` is inside one of `blocks`: a binary search, since a page
/// can hold as many code blocks as entries.
fn covers(blocks: &[RangeInclusive<usize>], line: usize) -> bool {
    let at = blocks.partition_point(|block| *block.end() < line);
    blocks.get(at).is_some_and(|block| block.contains(&line))
}

fn read_line(number: usize, line: &str) -> Option<Found> {
    let line = strip_bullet(line.trim());
    let Split {
        code,
        rest,
        marked,
        separated,
    } = split_code(line)?;
    let after = rest.trim_start();
    let (separated, message) = match after.strip_prefix(SEPARATORS) {
        Some(message) => (true, message),
        None if separated => (true, after),
        // `4000001.` or `4000001)` is a numbered item, not a code.
        None if rest.starts_with(char::is_whitespace) => (false, after),
        None => return None,
    };
    // A code without digits is one when it is marked as code (`` `InvalidToken` ``,
    // `**TOKEN_EXPIRED**`) or set off from its text (`tokenExpired - …`).
    // `LOG_LEVEL=info` and `ERR_MEM = -1` assign: `=` sets off no text
    // of a symbolic code.
    let assigns = after.starts_with('=');
    let symbolic = text::is_symbolic_code(code)
        && (marked || separated)
        && !assigns
        && !text::is_admonition(code);
    if !(text::is_code_like(code) || symbolic) {
        return None;
    }
    // `ILLEGAL_PARAMETER = 10001` is a constant, whose value is no text;
    // `0 => Ok(E::X),` and `ERR_MEM = -1,` are source code.
    let value = message.trim().trim_end_matches([';', ',']);
    if reads_as_source(message)
        || (!has_digit(code) && !value.contains(' ') && text::is_code_shaped(value))
    {
        return None;
    }
    let message = text::clean(message);
    if message.is_empty() {
        // A bare code is a heading or a stray number; a code with a
        // separator and nothing after it is an entry that lost its text.
        return separated.then(|| Found::Broken {
            line: number,
            message: format!("code `{code}` has a separator but no message"),
            symbolic: !has_digit(code),
        });
    }
    Some(Found::Entry(Box::new(Row {
        line: number,
        code: code.to_owned(),
        texts: vec![message],
        ..Row::default()
    })))
}

fn strip_bullet(line: &str) -> &str {
    match line.strip_prefix(['-', '*', '+']) {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => line,
    }
}

/// A line's leading code, in backticks, in bold or bare, and the rest.
struct Split<'a> {
    code: &'a str,
    rest: &'a str,
    /// Whether the code was marked as one (backticks, bold).
    marked: bool,
    /// Whether a separator stood inside the marks (`**40001:** text`).
    separated: bool,
}

fn split_code(line: &str) -> Option<Split<'_>> {
    for (open, close) in [("**`", "`**"), ("`", "`"), ("**", "**"), ("__", "__")] {
        if let Some(quoted) = line.strip_prefix(open) {
            let (code, rest) = quoted.split_once(close)?;
            let code = code.trim();
            let (code, separated) = match code.strip_suffix([':', '：']) {
                Some(code) => (code.trim_end(), true),
                None => (code, false),
            };
            return Some(Split {
                code,
                rest,
                marked: true,
                separated,
            });
        }
    }
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':')))
        .unwrap_or(line.len());
    // `-` and `:` belong to codes (`SVCSTG.CSE.4001000`, `E-001`) but also
    // separate them from the message (`4000001: Invalid`); a code never ends
    // in punctuation, so trailing punctuation is the separator.
    let code = line[..end].trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    Some(Split {
        code,
        rest: &line[code.len()..],
        marked: false,
        separated: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &str) -> String {
        let path = format!("{}/input/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
    }

    fn pairs(src: &str) -> Vec<(String, String)> {
        parse(src)
            .rows
            .into_iter()
            .map(|row| (row.code, row.texts.join("|")))
            .collect()
    }

    fn row<'a>(parsed: &'a Parsed, code: &str) -> &'a Row {
        parsed.rows.iter().find(|r| r.code == code).unwrap()
    }

    #[test]
    fn netease_seed_gives_every_code_in_its_code_blocks() {
        let parsed = parse(&input("netease-cloudcomb/openapi-error-codes.md"));
        assert_eq!(parsed.rows.len(), 203);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        let first = row(&parsed, "4000001");
        assert_eq!(
            (first.line, first.texts.as_slice()),
            (15, &["Invalid parameters.".to_owned()][..])
        );
        assert_eq!(row(&parsed, "4010001").texts, ["Unauthorized user."]);
        assert_eq!(row(&parsed, "4330801").texts, ["not certification"]);
        // The file's last line has no newline.
        assert_eq!(row(&parsed, "5000801").texts, ["internal failure"]);
        assert!(
            parsed
                .rows
                .iter()
                .all(|r| r.name.is_none() && r.http_statuses.is_empty())
        );
        assert!(!parsed.rows.iter().any(|r| r.code.starts_with("http")));
    }

    #[test]
    fn other_formats_give_no_rows() {
        assert_eq!(
            parse(&input("api-switch/error-codes.md")),
            Parsed::default()
        );
        assert_eq!(
            parse(&input("polaris/error-codes.en.md")),
            Parsed::default()
        );
    }

    #[test]
    fn plain_text_reads_every_line_with_tabs_and_ragged_spaces() {
        let src = "Error codes\n\n1001\tInvalid  parameter.   \n1002 \t Missing\tparameter\n\n0042 Kept as written\n";
        assert_eq!(
            pairs(src),
            [
                ("1001".into(), "Invalid parameter.".into()),
                ("1002".into(), "Missing parameter".into()),
                ("0042".into(), "Kept as written".into()),
            ]
        );
        assert_eq!(parse(src).rows[0].line, 3);
    }

    #[test]
    fn bullets_backticks_and_separators_are_optional() {
        let src = "\
- 1001 plain
* `1002` backticked
+ 1003: colon
1004：full-width colon
1005 - dash
1006 – en dash
1007—em dash
`1008` | pipe
1009 = equals
- `E-0010`: dashed code
SVCSTG.CSE.4001000: dotted code
";
        let got = pairs(src);
        let codes: Vec<&str> = got.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            codes,
            [
                "1001",
                "1002",
                "1003",
                "1004",
                "1005",
                "1006",
                "1007",
                "1008",
                "1009",
                "E-0010",
                "SVCSTG.CSE.4001000"
            ]
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "plain",
                "backticked",
                "colon",
                "full-width colon",
                "dash",
                "en dash",
                "em dash",
                "pipe",
                "equals",
                "dashed code",
                "dotted code"
            ]
        );
    }

    #[test]
    fn bold_and_backticked_codes_symbolic_or_not() {
        let src = "\
- **40001**: Invalid token
- **40002:** Expired token
- `InvalidToken`: The token is not valid.
- **TOKEN_EXPIRED** - The token has expired.
tokenRevoked - The token was revoked.
";
        assert_eq!(
            pairs(src),
            [
                ("40001".into(), "Invalid token".into()),
                ("40002".into(), "Expired token".into()),
                ("InvalidToken".into(), "The token is not valid.".into()),
                ("TOKEN_EXPIRED".into(), "The token has expired.".into()),
                ("tokenRevoked".into(), "The token was revoked.".into()),
            ]
        );
    }

    #[test]
    fn one_symbolic_line_or_an_admonition_is_prose() {
        assert_eq!(
            parse("NOTE: read this first.\nWARNING: and this.\n"),
            Parsed::default()
        );
        assert_eq!(parse("InvalidToken - one line alone\n"), Parsed::default());
        // Plain words and unmarked names without a separator are prose.
        assert_eq!(
            parse("Other things happen.\nInvalidToken is returned when\nTokenExpired is too\n"),
            Parsed::default()
        );
    }

    #[test]
    fn lines_of_source_code_are_no_entries() {
        let src = "ERR_MEM = -1,\n0 => Ok(TokenError::NotRentExempt),\nRESULT_SUCCESS: 'success',\nuse solana_program_error::{ProgramError, ToStr};\nILLEGAL_PARAMETER = 10001\n";
        assert_eq!(parse(src), Parsed::default());
    }

    #[test]
    fn prose_and_settings_that_look_like_symbolic_codes_are_no_entries() {
        // Assignments, scattered names with a colon, section words.
        let src = "```\nLOG_LEVEL=info\nNODE_ENV=production\n```\n\n- GitHub: where the code lives.\n\nSome prose.\n\n- macOS - supported too.\n\nUSAGE:\nNOTICE: read this.\n\n- 1001: Bad input\n";
        assert_eq!(pairs(src), [("1001".into(), "Bad input".into())]);
        assert!(parse(src).notes.is_empty(), "{:?}", parse(src).notes);
    }

    #[test]
    fn messages_that_quote_are_messages() {
        let src = "C0103: \"%s\" doesn't conform to the naming style\n1049 - 'x' unknown database\n40001 (deprecated) Invalid token\n";
        let codes: Vec<String> = pairs(src).into_iter().map(|(code, _)| code).collect();
        assert_eq!(codes, ["C0103", "1049", "40001"]);
    }

    #[test]
    fn an_http_summary_gives_way_to_the_vendors_codes() {
        let src = "Statuses:\n\n200 - OK\n400 - Bad Request\n401 - Unauthorized\n\nErrors:\n\ntokenExpired - The access token has expired.\ntokenInvalid - The access token is not valid.\n";
        let parsed = parse(src);
        let codes: Vec<&str> = parsed.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["tokenExpired", "tokenInvalid"]);
        assert!(parsed.notes.is_empty());
        assert_eq!(parsed.skipped.len(), 1);
        assert_eq!(parsed.skipped[0].0, 3);
        // Alone, the statuses are what the document lists, and a line of
        // prose that is no entry does not hide them.
        let parsed = parse("200 - OK\n400 - Bad Request\n");
        assert_eq!(parsed.rows.len(), 2);
        let parsed = parse("200 - OK\n404 - Not Found\n\nSomething - see docs\n");
        assert_eq!(parsed.rows.len(), 2);
    }

    #[test]
    fn code_blocks_shut_out_prose_that_starts_with_a_number() {
        let src = "# Limits\n\n1000 requests per second are allowed.\n\n```text\n4001 Too many requests\n4002 Quota exceeded\n```\n";
        assert_eq!(
            pairs(src),
            [
                ("4001".into(), "Too many requests".into()),
                ("4002".into(), "Quota exceeded".into()),
            ]
        );
    }

    #[test]
    fn code_blocks_without_entries_do_not_hide_a_list() {
        let src = "Response:\n\n```json\n{\"code\": 4001}\n```\n\n- 4001: Too many requests\n";
        assert_eq!(pairs(src), [("4001".into(), "Too many requests".into())]);
    }

    #[test]
    fn lines_that_are_not_entries_are_skipped() {
        let src = "4001\n1. First step\n2) Second\n2024年 is a year\n| 4001 | table row |\nILLEGAL_PARAMETER = 10001\nv2 \n";
        assert_eq!(parse(src), Parsed::default());
    }

    #[test]
    fn code_with_separator_but_no_message_is_noted() {
        let parsed = parse("4001 Fine\n4002:\n");
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.notes[0].line, 2);
        assert_eq!(parsed.notes[0].kind, Kind::BadRow);
        assert!(parsed.notes[0].message.contains("`4002`"));
    }

    #[test]
    fn many_code_blocks_take_linear_time() {
        let src = "```\n4001 Too many\n```\n\n".repeat(30_000);
        let start = std::time::Instant::now();
        let parsed = parse(&src);
        assert_eq!(parsed.rows.len(), 30_000);
        assert_eq!(parsed.rows[29_999].line, 4 * 29_999 + 2);
        // Each entry was looked for in every block: 20 s unoptimised.
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn lines_between_code_blocks_are_outside_them() {
        let src = "```\n1 a\n```\n2 b\n\n    3 c\n\n```\n4 d\n```\n5 e\n";
        let codes: Vec<String> = pairs(src).into_iter().map(|(code, _)| code).collect();
        assert_eq!(codes, ["1", "3", "4"]);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        assert_eq!(parse(""), Parsed::default());
        assert_eq!(parse("`"), Parsed::default());
        assert_eq!(parse("```\n\n"), Parsed::default());
        let parsed = parse("\u{feff}1001 BOM line\r\n1002 配额不足\r\n");
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].code, "1001");
        assert_eq!(parsed.rows[1].line, 2);
        assert_eq!(parsed.rows[1].texts, ["配额不足"]);
        let indented = parse("Codes:\r\n\r\n    1001 In a block\r\n    1002 Also\r\n");
        assert_eq!(indented.rows.len(), 2);
        assert_eq!(indented.rows[1].texts, ["Also"]);
    }
}
