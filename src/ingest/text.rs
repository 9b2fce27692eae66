//! Normalisation shared by every source format: whitespace, code-like
//! tokens, and byte offsets turned into line numbers.

/// Collapses runs of whitespace (tabs, newlines, full-width spaces) into one
/// space and trims the ends. Vendor words are otherwise kept as written.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Words a table writes in a cell that has nothing to say: `-`, `N/A`,
/// `None`, `无`.
const PLACEHOLDERS: &[&str] = &[
    "-", "--", "—", "–", "/", "n/a", "na", "none", "null", "nil", "无", "无。", "暂无", "空",
    "...", "…",
];

/// Whether a cleaned cell says nothing but that it is empty.
pub(crate) fn is_placeholder(text: &str) -> bool {
    PLACEHOLDERS.iter().any(|p| text.eq_ignore_ascii_case(p))
}

/// `text` with the backticks of inline code taken out, when they pair up:
/// a cell of an HTML table pasted into Markdown keeps the Markdown it was
/// written in (`` see the `message` field ``), and a reader sees code, not
/// backticks.
pub(crate) fn unquote_code(text: &str) -> std::borrow::Cow<'_, str> {
    let ticks = text.bytes().filter(|&b| b == b'`').count();
    if ticks == 0 || ticks % 2 == 1 {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.replace('`', ""))
}

/// Whether a token can be an error code as a client sees it: ASCII letters,
/// digits and `.`, `_`, `-`, `:`, with at least one digit, starting and
/// ending with a letter or digit (`400141`, `SVCSTG.CSE.4001000`, `E0001`).
pub(crate) fn is_code_like(token: &str) -> bool {
    let bytes = token.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first.is_ascii_alphanumeric()
        && last.is_ascii_alphanumeric()
        && bytes.iter().any(u8::is_ascii_digit)
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b':'))
}

/// Whether a token is a symbolic code, one without digits that a client
/// still matches on: dotted (`LimitExceeded.Quota`), snake case
/// (`TOKEN_EXPIRED`, `invalid_grant`), camel case (`InvalidToken`,
/// `tokenExpired`) or a long upper-case word (`FORBIDDEN`). A plain word
/// (`error`, `Other`) is not one: prose is full of them.
pub(crate) fn is_symbolic_code(token: &str) -> bool {
    let bytes = token.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !(first.is_ascii_alphabetic() && last.is_ascii_alphanumeric())
        || bytes.len() > 96
        || !bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b':'))
    {
        return false;
    }
    let joined = bytes
        .windows(2)
        .any(|w| matches!(w[0], b'.' | b'_' | b':') && w[1].is_ascii_alphabetic());
    let camel = bytes
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let upper = bytes.len() >= 4 && bytes.iter().all(|b| b.is_ascii_uppercase());
    joined || camel || upper
}

/// Whether a token is a negative whole number (`-32000`), as C libraries'
/// and JSON-RPC's codes are.
pub(crate) fn is_negative_integer(token: &str) -> bool {
    token
        .strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a token is a code of either kind: [`is_code_like`] or
/// [`is_symbolic_code`].
pub(crate) fn is_code_shaped(token: &str) -> bool {
    is_code_like(token) || is_symbolic_code(token)
}

/// Whether a cell that a header calls a code holds one: a single token
/// without whitespace or control characters (`AccessDenied`,
/// `Token.Expired`, `400001`), of a sane length, and no sentence: Chinese
/// is written without spaces, so a sentence that a broken row put in the
/// code column is one token, but its full stops and commas (`。`, `，`) are
/// never part of a code.
pub(crate) fn is_code_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 128
        && !token
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_cjk_punctuation(c))
}

/// CJK symbols and punctuation, and the full-width forms of ASCII's.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
}

/// Maps byte offsets of one source text to 1-based line numbers.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(src: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// Words that open an admonition or a section of prose (`NOTE: …`,
/// `**WARNING**`, `USAGE:`), never a code.
const ADMONITIONS: &[&str] = &[
    "NOTE",
    "NOTES",
    "NOTICE",
    "WARNING",
    "WARNINGS",
    "WARN",
    "TODO",
    "TIP",
    "TIPS",
    "IMPORTANT",
    "CAUTION",
    "INFO",
    "DANGER",
    "FIXME",
    "HINT",
    "ATTENTION",
    "USAGE",
    "OPTIONS",
    "EXAMPLE",
    "EXAMPLES",
    "DEPRECATED",
    "ERROR",
    "ERRORS",
    "RETURNS",
    "PARAMETERS",
    "SUMMARY",
    "DESCRIPTION",
];

/// Whether a word opens an admonition rather than names a code.
pub(crate) fn is_admonition(word: &str) -> bool {
    ADMONITIONS.contains(&word)
}

/// How instructions start: a text that starts so says what to do, where
/// nothing else says what it is.
const INSTRUCTIONS: &[&str] = &[
    "please",
    "check",
    "try",
    "retry",
    "contact",
    "ensure",
    "make sure",
    "verify",
    "use ",
    "set ",
    "raise",
    "increase",
    "reduce",
    "wait",
    "confirm",
    "add ",
    "remove",
    "upgrade",
    "to fix",
    "to resolve",
    "to solve",
    "to avoid",
    "请",
    "检查",
    "确认",
    "稍后",
    "联系",
    "重试",
    "尝试",
    "建议",
    "要修复",
    "要解决",
    "解决方法",
];

/// Whether a text reads as an instruction (`Please retry later`, `To fix
/// this error, …`, `请稍后重试`).
pub(crate) fn reads_as_instruction(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    // "Please note" and "请注意" point at a fact, not at what to do.
    INSTRUCTIONS.iter().any(|w| lower.starts_with(w))
        && !["please note", "请注意"]
            .iter()
            .any(|w| lower.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_tabs_and_trailing_spaces() {
        assert_eq!(clean("  Invalid\tparameters.     "), "Invalid parameters.");
        assert_eq!(clean("配额\u{3000}不足"), "配额 不足");
    }

    #[test]
    fn code_like_tokens() {
        for ok in ["400141", "SVCSTG.CSE.4001000", "E0001", "0042"] {
            assert!(is_code_like(ok), "{ok}");
        }
        for bad in [
            "",
            "ILLEGAL_PARAMETER",
            "http_status_code",
            "400.",
            "-1",
            "{",
        ] {
            assert!(!is_code_like(bad), "{bad}");
        }
    }

    #[test]
    fn a_sentence_in_a_code_column_is_no_code() {
        assert!(is_code_token("错误"));
        assert!(!is_code_token("日志服务没有开通。请登录控制台"));
        assert!(!is_code_token("参数错误，请重试"));
    }

    #[test]
    fn placeholders_and_inline_code() {
        for empty in ["-", "N/A", "None", "无", "无。"] {
            assert!(is_placeholder(empty), "{empty}");
        }
        assert!(!is_placeholder("None of the above"));
        assert_eq!(
            unquote_code("see the `message` field"),
            "see the message field"
        );
        assert_eq!(unquote_code("a ` lone tick"), "a ` lone tick");
    }

    #[test]
    fn offsets_become_lines() {
        let index = LineIndex::new("a\nbc\n\nd");
        assert_eq!(
            [0, 1, 2, 4, 5, 6].map(|o| index.line(o)),
            [1, 1, 2, 2, 3, 4]
        );
    }
}
