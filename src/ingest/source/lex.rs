//! Source code as tokens and comments, for the readers that need a
//! declaration's structure (enum entries with arguments, constructors,
//! map literals). One lexer serves every C-like language, Python, Ruby,
//! PHP, Swift, Kotlin, Rust and protobuf: it knows their comments and
//! their string literals, and nothing of their grammar.
//!
//! It never fails: an unclosed string or comment runs to the end of the
//! text. Its work is linear in the text.

use super::DIRECTIVES;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A name: letters, digits, `_` and `$`, not starting with a digit.
    Ident,
    /// A number as written, without a type suffix (`10001`, `0x1F`).
    Number,
    /// A string literal; `text` is its decoded value.
    Str,
    /// One punctuation character, or `=>`, `::`, `->`, `:=`, `==`.
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub text: String,
    /// 1-based line where the token starts.
    pub line: usize,
    /// 1-based line where it ends (a string may run over several).
    pub end_line: usize,
}

impl Token {
    pub(crate) fn is(&self, punct: &str) -> bool {
        self.kind == Kind::Punct && self.text == punct
    }

    pub(crate) fn is_ident(&self, word: &str) -> bool {
        self.kind == Kind::Ident && self.text == word
    }
}

/// A comment's text, without its markers, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    pub line: usize,
    pub end_line: usize,
    pub text: String,
    /// Nothing but whitespace before it on its line.
    pub own_line: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    pub comments: Vec<Comment>,
    /// Lines with nothing on them, in order.
    pub blank_lines: Vec<usize>,
}

impl Lexed {
    /// The comments written just above `line`: own-line comments ending on
    /// the line before, or on the line before that one's start, and so on,
    /// with no blank line and no code between. `first` is the index of the
    /// first token on `line`, for that check.
    pub(crate) fn above(&self, line: usize, first: usize) -> String {
        let earliest = first
            .checked_sub(1)
            .map_or(0, |previous| self.tokens[previous].end_line);
        let mut at = self.comments.partition_point(|c| c.end_line < line);
        let mut texts = Vec::new();
        let mut next = line;
        while at > 0 {
            let comment = &self.comments[at - 1];
            if !comment.own_line
                || comment.end_line + 1 != next
                || comment.line <= earliest && earliest != 0
            {
                break;
            }
            if !comment.text.is_empty() {
                texts.push(comment.text.as_str());
            }
            next = comment.line;
            at -= 1;
        }
        texts.reverse();
        texts.join(" ")
    }

    /// The comment after code on `line`, if any.
    pub(crate) fn trailing(&self, line: usize) -> Option<&str> {
        let at = self.comments.partition_point(|c| c.line < line);
        self.comments[at..]
            .iter()
            .take_while(|c| c.line == line)
            .find(|c| !c.own_line)
            .map(|c| c.text.as_str())
    }
}

pub(crate) fn lex(src: &str) -> Lexed {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let bytes = src.as_bytes();
    let mut lexed = Lexed::default();
    let mut line = 1;
    // Whether anything but whitespace came before `i` on this line.
    let mut code_on_line = false;
    let mut line_has_anything = false;
    let mut i = 0;
    let newlines = |from: usize, to: usize| bytes[from..to].iter().filter(|&&b| b == b'\n').count();
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            if !line_has_anything {
                lexed.blank_lines.push(line);
            }
            line += 1;
            code_on_line = false;
            line_has_anything = false;
            i += 1;
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        line_has_anything = true;
        let rest = &src[i..];
        // Comments.
        let comment = if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            Some((end, rest[2..end].trim_start_matches(['/', '!']).to_owned()))
        } else if rest.starts_with("/*") {
            let end = rest
                .strip_prefix("/*")
                .and_then(|r| r.find("*/"))
                .map_or(rest.len(), |e| e + 4);
            let inner = &rest[2..end.min(rest.len()).max(2)];
            let inner = inner.strip_suffix("*/").unwrap_or(inner);
            let text: Vec<&str> = inner
                .lines()
                .map(|l| l.trim().trim_start_matches('*'))
                .collect();
            Some((end, text.join(" ")))
        } else if b == b'#' && !is_directive_or_attribute(rest, code_on_line) {
            let end = rest.find('\n').unwrap_or(rest.len());
            Some((end, rest[1..end].trim_start_matches('#').to_owned()))
        } else {
            None
        };
        if let Some((len, text)) = comment {
            let end_line = line + newlines(i, i + len);
            lexed.comments.push(Comment {
                line,
                end_line,
                text: clean_comment(&text),
                own_line: !code_on_line,
            });
            line = end_line;
            i += len;
            continue;
        }
        code_on_line = true;
        let start_line = line;
        let (kind, len, text) = if let Some((len, value)) = string_at(src, i) {
            (Kind::Str, len, value)
        } else if b.is_ascii_digit() {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            let written = &rest[..len];
            (Kind::Number, len, number(written))
        } else if b.is_ascii_alphabetic() || b == b'_' || b == b'$' || b >= 0x80 {
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(rest.len())
                .max(rest.chars().next().map_or(1, char::len_utf8));
            (Kind::Ident, len, rest[..len].to_owned())
        } else {
            let two = rest.get(..2).unwrap_or("");
            let len = if matches!(two, "=>" | "::" | "->" | ":=" | "==") {
                2
            } else {
                rest.chars().next().map_or(1, char::len_utf8)
            };
            (Kind::Punct, len, rest[..len].to_owned())
        };
        line += newlines(i, i + len);
        lexed.tokens.push(Token {
            kind,
            text,
            line: start_line,
            end_line: line,
        });
        i += len;
    }
    lexed
}

/// `#define`, `#if` at the start of a line, `#[attr]` and `#!` are code;
/// any other `#` starts a comment (Python, Ruby, PHP, shell).
fn is_directive_or_attribute(rest: &str, code_on_line: bool) -> bool {
    let after = &rest[1..];
    if after.starts_with('[') || after.starts_with("![") {
        return true;
    }
    if code_on_line {
        return false;
    }
    let word = after.trim_start_matches([' ', '\t']);
    let end = word
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(word.len());
    // C# writes `#region` as C writes `#if`.
    DIRECTIVES.contains(&&word[..end]) || matches!(&word[..end], "region" | "endregion")
}

/// The tags C#'s XML documentation wraps a comment's text in; what they
/// hold is the text (`<see cref="X"/>` inside is kept: it names something).
const DOC_TAGS: &[&str] = &[
    "<summary>",
    "</summary>",
    "<remarks>",
    "</remarks>",
    "<para>",
    "</para>",
    "<value>",
    "</value>",
];

/// A comment's text with the decoration of banners (`-----`, `=====`),
/// XML documentation's wrapping tags and whitespace runs taken out.
fn clean_comment(text: &str) -> String {
    let mut text = text.to_owned();
    if text.contains('<') {
        for tag in DOC_TAGS {
            text = text.replace(tag, " ");
        }
    }
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '-' | '='));
    crate::ingest::text::clean(text)
}

/// A number's text without the type suffix C, Java, Kotlin, C# or Rust
/// writes after it (`10001L`, `0x10u`, `3u32`, `1_000`): hexadecimal is
/// kept as written.
fn number(written: &str) -> String {
    let hex = written.starts_with("0x") || written.starts_with("0X");
    let mut text = written;
    if !hex {
        if let Some(at) = text.find(|c: char| c.is_ascii_alphabetic()) {
            text = &text[..at];
        }
    } else {
        for suffix in [
            "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize",
        ] {
            if let Some(stripped) = text.strip_suffix(suffix) {
                text = stripped;
                break;
            }
        }
    }
    text.trim_end_matches(['u', 'U', 'l', 'L', '_'])
        .replace('_', "")
}

/// The length and decoded value of a string literal starting at `i`, with
/// the prefixes of Python (`u"`, `r"`, `f"`), C# (`@"`, `$"`) and Rust
/// (`r#"…"#`, `b"`).
fn string_at(src: &str, i: usize) -> Option<(usize, String)> {
    let rest = &src[i..];
    // The quote is at most three bytes in: looked for there only, so that
    // trying every token costs nothing.
    let head = &rest.as_bytes()[..rest.len().min(4)];
    let prefix = head
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b'`'))
        .filter(|&p| p <= 3)
        .filter(|&p| {
            rest[..p].bytes().all(|b| {
                matches!(
                    b,
                    b'r' | b'R' | b'b' | b'B' | b'u' | b'U' | b'f' | b'F' | b'@' | b'$' | b'#'
                )
            })
        })?;
    let raw = rest[..prefix].contains(['r', 'R', '@']);
    if prefix > 0 {
        // A prefix is part of the literal only when it is not the end of a
        // longer name (`attr"` is no literal).
        let before = src[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        if rest[..prefix].contains('#') && !rest.starts_with('r') {
            return None;
        }
    }
    let body = &rest[prefix..];
    let quote = body.as_bytes()[0];
    if quote == b'\'' && prefix == 0 {
        // `&'static`, `'a` in Rust and `don't` in prose are no strings: a
        // quote opens one only where a value can start.
        let before = src[..i].trim_end_matches([' ', '\t']).chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '&' | '<' | '_')) {
            return None;
        }
        // A quoted string closes on its line.
        let line_end = body.find('\n').unwrap_or(body.len());
        body[1..line_end].find('\'')?;
    }
    let hashes = rest[..prefix].matches('#').count();
    let triple = [quote; 3];
    let (open, close): (usize, Vec<u8>) = if body.as_bytes().starts_with(&triple) {
        (3, triple.to_vec())
    } else {
        let mut close = vec![quote];
        close.extend(std::iter::repeat_n(b'#', hashes));
        (1, close)
    };
    let bytes = body.as_bytes();
    let mut j = open;
    let mut value = String::new();
    let escapes = !raw && quote != b'`';
    loop {
        if j >= bytes.len() {
            break;
        }
        if bytes[j..].starts_with(&close) {
            j += close.len();
            break;
        }
        if quote != b'`' && open == 1 && bytes[j] == b'\n' && !raw {
            // An unclosed one-line string ends at its line.
            break;
        }
        if escapes && bytes[j] == b'\\' && j + 1 < bytes.len() {
            let (decoded, len) = escape(&body[j + 1..]);
            value.push_str(&decoded);
            j += 1 + len;
            continue;
        }
        let c = body[j..].chars().next().unwrap_or('\u{fffd}');
        value.push(c);
        j += c.len_utf8();
    }
    Some((prefix + j, value))
}

/// An escape after its `\`: the text it stands for and the bytes it takes.
fn escape(after: &str) -> (String, usize) {
    let mut chars = after.chars();
    let Some(c) = chars.next() else {
        return (String::new(), 0);
    };
    let simple = match c {
        'n' | 'r' | 't' => Some(' '),
        '0' => Some(' '),
        '\n' => Some(' '),
        _ => None,
    };
    if let Some(s) = simple {
        return (s.to_string(), 1);
    }
    if c == 'u' || c == 'x' {
        let digits = if c == 'x' { 2 } else { 4 };
        let body = &after[1..];
        if let Some(braced) = body.strip_prefix('{')
            && let Some(end) = braced.find('}')
            && let Some(ch) = u32::from_str_radix(&braced[..end], 16)
                .ok()
                .and_then(char::from_u32)
        {
            return (ch.to_string(), end + 3);
        }
        if let Some(hex) = body.get(..digits)
            && let Some(ch) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        {
            return (ch.to_string(), 1 + digits);
        }
    }
    (c.to_string(), c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Vec<(Kind, String)> {
        lex(src)
            .tokens
            .into_iter()
            .map(|t| (t.kind, t.text))
            .collect()
    }

    #[test]
    fn strings_of_every_language_are_decoded() {
        let got =
            tokens(r##"a("x\"y", 'it''s', `raw\n`, r#"q"z"#, @"c:\p", u'\u4e2d', """tri"ple""")"##);
        let strings: Vec<&str> = got
            .iter()
            .filter(|(k, _)| *k == Kind::Str)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            strings,
            [
                "x\"y", "it", "s", "raw\\n", "q\"z", "c:\\p", "中", "tri\"ple"
            ]
        );
    }

    #[test]
    fn numbers_lose_their_suffixes_and_keep_hex() {
        let got = tokens("10001L 0x1Fu 3u32 1_000 0042");
        let numbers: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(numbers, ["10001", "0x1F", "3", "1000", "0042"]);
    }

    #[test]
    fn comments_above_and_after() {
        let lexed = lex(
            "// one\n/* two\n * more */\nA = 1, // after\n\n// detached\n\nB = 2\n# py\nC = 3\n",
        );
        let first = |line: usize| lexed.tokens.iter().position(|t| t.line == line).unwrap();
        assert_eq!(lexed.above(4, first(4)), "one two more");
        assert_eq!(lexed.trailing(4), Some("after"));
        assert_eq!(lexed.above(8, first(8)), "");
        assert_eq!(lexed.above(10, first(10)), "py");
        // Code between a comment and the line takes the comment.
        let lexed = lex("// for A\nA = 1,\nB = 2\n");
        assert_eq!(lexed.above(3, 4), "");
        // C#'s XML documentation: the wrapping tags go, references stay.
        let lexed =
            lex("/// <summary>\n/// The <see cref=\"Api\"/> failed.\n/// </summary>\nBad = 1,\n");
        assert_eq!(lexed.above(4, 0), "The <see cref=\"Api\"/> failed.");
    }

    #[test]
    fn directives_attributes_and_lifetimes_are_code() {
        let got = tokens("#define A 1\n#[error(\"x\")]\nconst N: &'static str = \"v\";");
        assert_eq!(got[0], (Kind::Punct, "#".into()));
        assert_eq!(got[1], (Kind::Ident, "define".into()));
        assert!(got.contains(&(Kind::Str, "x".into())));
        assert!(got.contains(&(Kind::Str, "v".into())));
        assert!(!got.contains(&(Kind::Str, "static str = ".into())));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for odd in [
            "\"", "'", "/*", "r#\"", "\\", "\"\\u{", "\"\\u12", "#", "`", "\u{feff}", "ü\"x",
        ] {
            lex(odd);
        }
    }
}
