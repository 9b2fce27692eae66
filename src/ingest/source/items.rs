//! The items of source code: what stands between the commas, semicolons
//! and line ends of every bracketed group and of the file's top level,
//! each read as `[attributes] key [= or :] value`. Enum entries
//! (`USER_NOT_FOUND(20404, "user not found")`), declarations
//! (`NAME = new ErrorCode(1, "…")`, `NAME: { code: 1, message: "…" }`)
//! and map pairs (`1001: "…"`, `put(ERR_X, "…")`) are all items; which is
//! which is for [`super::catalog`] to decide.

use super::MODIFIERS;
use super::lex::{Kind, Lexed, Token};

/// A value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// A number; negative when written with a minus.
    Number(String),
    Str(String),
    /// A name or a dotted path (`HttpStatus.BAD_REQUEST`), last part kept
    /// whole in the text.
    Path(String),
    /// A call, tuple, list or object: `Path(args)`, `(args)`, `[args]`,
    /// `Path{args}`, `{args}`.
    Args {
        callee: Option<String>,
        args: Vec<Arg>,
    },
    /// Anything else (an expression).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Arg {
    /// `code: 1`, `code = 1`, `"code" => 1`.
    pub key: Option<Key>,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Key {
    Name(String),
    Literal(String),
}

/// One item of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// Line of the item's key (or first token).
    pub line: usize,
    /// Line of its last token.
    pub end_line: usize,
    /// Index of its first token, attributes included.
    pub first: usize,
    pub key: Option<Key>,
    pub value: Value,
    /// The strings of its attributes (`#[error("…")]`, `[Description("…")]`,
    /// `@Msg("…")`).
    pub attributes: Vec<String>,
    /// Whether a `=`, `:` or `=>` stood between key and value.
    pub assigned: bool,
}

/// A bracketed group (or the file) and its items.
#[derive(Debug)]
pub(crate) struct Group {
    /// The tokens before the opening bracket, back to the previous
    /// statement: `public enum ErrorCode`, `enum class E(val code: Int)`.
    pub header: Vec<usize>,
    pub items: Vec<Item>,
    /// The tokens it spans, brackets included (all of them for the file):
    /// a group inside another lies within its span.
    pub span: std::ops::Range<usize>,
}

/// Keywords that stand before an item's key and never are it, besides
/// the declaration modifiers.
const ITEM_KEYWORDS: &[&str] = &[
    "case",
    "define",
    "def",
    "default",
    "override",
    "open",
    "lateinit",
    "new",
    "return",
    "yield",
    "self",
    "this",
    "static_assert",
    "typedef",
    "type",
    "module",
    "exports",
];

fn is_keyword(word: &str) -> bool {
    MODIFIERS.contains(&word) || ITEM_KEYWORDS.contains(&word)
}

/// Every group of the source, in order of their opening bracket; the file's
/// top level first.
pub(crate) fn groups(lexed: &Lexed) -> Vec<Group> {
    let tokens = &lexed.tokens;
    let close = matching(tokens);
    let mut groups = vec![Group {
        header: Vec::new(),
        items: items(tokens, &close, 0, tokens.len()),
        span: 0..tokens.len(),
    }];
    for (i, _token) in tokens.iter().enumerate() {
        let Some(end) = close[i] else { continue };
        groups.push(Group {
            header: header(tokens, i),
            items: items(tokens, &close, i + 1, end),
            span: i..end + 1,
        });
    }
    groups
}

/// For each opening bracket the index of its closing one (or the end).
fn matching(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut close = vec![None; tokens.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != Kind::Punct {
            continue;
        }
        match token.text.as_str() {
            "(" | "[" | "{" => stack.push(i),
            ")" | "]" | "}" => {
                // A stray closer closes what it matches, or nothing.
                let want = match token.text.as_str() {
                    ")" => "(",
                    "]" => "[",
                    _ => "{",
                };
                if let Some(at) = stack.iter().rposition(|&o| tokens[o].text == want) {
                    for &open in &stack[at + 1..] {
                        close[open] = Some(i);
                    }
                    close[stack[at]] = Some(i);
                    stack.truncate(at);
                }
            }
            _ => {}
        }
    }
    for open in stack {
        close[open] = Some(tokens.len());
    }
    close
}

/// The tokens before `open`, back to the previous `;`, `{`, `}` or start.
fn header(tokens: &[Token], open: usize) -> Vec<usize> {
    let mut start = open;
    while start > 0 {
        let t = &tokens[start - 1];
        if t.is(";") || t.is("{") || t.is("}") || open - start >= 64 {
            break;
        }
        start -= 1;
    }
    (start..open).collect()
}

/// The items between `from` and `to` (exclusive), split at `,` and `;`
/// and at line ends where a statement can end.
fn items(tokens: &[Token], close: &[Option<usize>], from: usize, to: usize) -> Vec<Item> {
    let mut items = Vec::new();
    let mut start = from;
    let mut attributes: Vec<String> = Vec::new();
    let mut attributes_first = None;
    let mut i = from;
    while i < to {
        let token = &tokens[i];
        let split = token.is(",") || token.is(";");
        let line_end = !split
            && i > start
            && token.line > tokens[i - 1].end_line
            && ends_statement(&tokens[i - 1])
            && starts_statement(token);
        if split || line_end {
            take(
                tokens,
                close,
                start,
                i,
                &mut attributes,
                &mut attributes_first,
                &mut items,
            );
            start = if split { i + 1 } else { i };
            i = start;
            continue;
        }
        i = match close[i] {
            Some(end) => end + 1,
            None => i + 1,
        };
    }
    take(
        tokens,
        close,
        start,
        to.min(tokens.len()),
        &mut attributes,
        &mut attributes_first,
        &mut items,
    );
    items
}

fn ends_statement(token: &Token) -> bool {
    matches!(token.kind, Kind::Ident | Kind::Number | Kind::Str)
        || token.is(")")
        || token.is("]")
        || token.is("}")
}

fn starts_statement(token: &Token) -> bool {
    matches!(token.kind, Kind::Ident | Kind::Str | Kind::Number)
        || token.is("@")
        || token.is("#")
        || token.is("[")
}

#[allow(clippy::too_many_arguments)]
fn take(
    tokens: &[Token],
    close: &[Option<usize>],
    from: usize,
    to: usize,
    attributes: &mut Vec<String>,
    attributes_first: &mut Option<usize>,
    items: &mut Vec<Item>,
) {
    let mut at = from;
    // Attributes and annotations.
    loop {
        if at >= to {
            break;
        }
        let t = &tokens[at];
        let (skip_to, strings_from) = if t.is("#") && tokens.get(at + 1).is_some_and(|n| n.is("["))
        {
            let end = close[at + 1].unwrap_or(to);
            (end + 1, at + 1)
        } else if t.is("@") && tokens.get(at + 1).is_some_and(|n| n.kind == Kind::Ident) {
            let mut end = at + 2;
            while end + 1 < to && tokens[end].is(".") && tokens[end + 1].kind == Kind::Ident {
                end += 2;
            }
            match tokens.get(end) {
                Some(n) if n.is("(") && end < to => (close[end].unwrap_or(to) + 1, end),
                _ => (end, end),
            }
        } else if t.is("[")
            && tokens.get(at + 1).is_some_and(|n| n.kind == Kind::Ident)
            && close[at].is_some_and(|end| {
                tokens
                    .get(end + 1)
                    .is_some_and(|n| !n.is("=") && !n.is(":"))
            })
        {
            (close[at].unwrap_or(to) + 1, at)
        } else {
            break;
        };
        attributes_first.get_or_insert(at);
        for s in &tokens[strings_from..skip_to.min(to)] {
            if s.kind == Kind::Str {
                attributes.push(s.text.clone());
            }
        }
        at = skip_to;
    }
    if at >= to {
        // Attributes alone on their line go to the next item.
        return;
    }
    let first = attributes_first.take().unwrap_or(from);
    let attrs = std::mem::take(attributes);
    // Modifiers; a keyword right before a separator is a key
    // (`internal: -32603`).
    while at < to
        && tokens[at].kind == Kind::Ident
        && is_keyword(&tokens[at].text)
        && !tokens.get(at + 1).is_some_and(|t| {
            t.kind == Kind::Punct && matches!(t.text.as_str(), "=" | ":" | "=>" | ":=")
        })
    {
        at += 1;
    }
    if at >= to {
        return;
    }
    // The key is what stands before the first `=`, `:`, `=>` or `:=` at
    // this level; a single `:` before a `=` is a type annotation.
    let mut sep = None;
    let mut i = at;
    while i < to {
        let t = &tokens[i];
        if t.kind == Kind::Punct && matches!(t.text.as_str(), "=" | ":" | "=>" | ":=") {
            if sep.is_none() {
                sep = Some(i);
            } else if t.is("=") && tokens[sep.unwrap_or(i)].is(":") {
                // `NAME: Type = value`: the `=` separates.
                sep = Some(i);
                break;
            }
            if !t.is(":") {
                break;
            }
        }
        i = match close[i] {
            Some(end) => end + 1,
            None => i + 1,
        };
    }
    let end_line = tokens[to - 1].end_line;
    let (key, value, assigned, line) = match sep {
        Some(sep) => {
            let (key, line) = key_of(tokens, at, sep);
            (key, value(tokens, close, sep + 1, to), true, line)
        }
        None => {
            // `NAME(args)`, `NAME`, `m.put(K, V)`.
            let line = tokens[at].line;
            match value(tokens, close, at, to) {
                Value::Args {
                    callee: Some(callee),
                    args,
                } if !callee.contains('.') => (
                    Some(Key::Name(callee)),
                    Value::Args { callee: None, args },
                    false,
                    line,
                ),
                Value::Path(path) if !path.contains('.') => {
                    (Some(Key::Name(path)), Value::Other, false, line)
                }
                value @ Value::Args { .. } => (None, value, false, line),
                // A bare member (`NotFound,`), not a declaration
                // (`private String code;`).
                _ => match tokens[at].kind {
                    Kind::Ident if to - at == 1 => (
                        Some(Key::Name(tokens[at].text.clone())),
                        Value::Other,
                        false,
                        line,
                    ),
                    _ => (None, Value::Other, false, line),
                },
            }
        }
    };
    items.push(Item {
        line,
        end_line,
        first,
        key,
        value,
        attributes: attrs,
        assigned,
    });
}

/// The key left of a separator: the name before a type annotation, the
/// last name after modifiers and types, or a literal (`1001`, `"E1"`,
/// `[1001]`).
fn key_of(tokens: &[Token], from: usize, to: usize) -> (Option<Key>, usize) {
    let part = &tokens[from..to];
    // With no key (`: value`), the line is the separator's.
    let line = part.first().or(tokens.get(from)).map_or(1, |t| t.line);
    // A literal key, bare or in brackets (`[1001] = "…"` in Lua).
    let literals: Vec<&Token> = part
        .iter()
        .filter(|t| !(t.is("[") || t.is("]") || t.is("-")))
        .collect();
    if let [only] = literals[..] {
        match only.kind {
            Kind::Number => {
                let negative = part.iter().any(|t| t.is("-"));
                let text = if negative {
                    format!("-{}", only.text)
                } else {
                    only.text.clone()
                };
                return (Some(Key::Literal(text)), only.line);
            }
            Kind::Str => return (Some(Key::Literal(only.text.clone())), only.line),
            _ => {}
        }
    }
    // `class E(IntEnum):` and `def f(x):` declare; their `:` opens a body.
    if part
        .iter()
        .any(|t| t.kind == Kind::Ident && matches!(t.text.as_str(), "class" | "def"))
    {
        return (None, line);
    }
    let colon = part.iter().position(|t| t.is(":"));
    let names = &part[..colon.unwrap_or(part.len())];
    // `self.X`, `ErrorCode.X` and `Foo::X` name X.
    let name = names.iter().rev().find(|t| t.kind == Kind::Ident);
    match name {
        // A keyword alone is a key too (`internal: -32603`).
        Some(name) if !is_keyword(&name.text) || names.len() == 1 => {
            (Some(Key::Name(name.text.clone())), name.line)
        }
        _ => (None, line),
    }
}

/// The value written in `from..to`.
fn value(tokens: &[Token], close: &[Option<usize>], from: usize, to: usize) -> Value {
    value_at(tokens, close, from, to, 0)
}

/// Values nest as deep as their brackets; past [`MAX_DEPTH`] a value is
/// [`Value::Other`], so hostile nesting costs neither stack nor time.
const MAX_DEPTH: usize = 6;

fn value_at(
    tokens: &[Token],
    close: &[Option<usize>],
    from: usize,
    to: usize,
    depth: usize,
) -> Value {
    if depth > MAX_DEPTH {
        return Value::Other;
    }
    let mut at = from;
    while at < to
        && (tokens[at].is_ident("new")
            || tokens[at].is("&")
            || tokens[at].is("*")
            || tokens[at].is("@"))
    {
        at += 1;
    }
    if at >= to {
        return Value::Other;
    }
    let t = &tokens[at];
    // A literal, alone.
    if at + 1 == to {
        return match t.kind {
            Kind::Number => Value::Number(t.text.clone()),
            Kind::Str => Value::Str(t.text.clone()),
            Kind::Ident => Value::Path(t.text.clone()),
            Kind::Punct => Value::Other,
        };
    }
    if t.is("-") && at + 2 == to && tokens[at + 1].kind == Kind::Number {
        return Value::Number(format!("-{}", tokens[at + 1].text));
    }
    // Strings joined with `+` or side by side are one string.
    if t.kind == Kind::Str
        && tokens[at..to]
            .iter()
            .all(|t| t.kind == Kind::Str || t.is("+") || t.is("\\"))
    {
        let joined: String = tokens[at..to]
            .iter()
            .filter(|t| t.kind == Kind::Str)
            .map(|t| t.text.as_str())
            .collect();
        return Value::Str(joined);
    }
    // A path: `A.B.C`, `A::B`, possibly followed by a bracketed group.
    let mut path = String::new();
    let mut i = at;
    while i < to && tokens[i].kind == Kind::Ident {
        path.push_str(&tokens[i].text);
        if i + 1 < to && (tokens[i + 1].is(".") || tokens[i + 1].is("::")) {
            path.push('.');
            i += 2;
        } else {
            i += 1;
            break;
        }
    }
    if i >= to && !path.is_empty() {
        return Value::Path(path);
    }
    // Generic arguments (`Foo<Bar>(…)`) are skipped.
    if i < to
        && tokens[i].is("<")
        && let Some(gt) = (i..to).find(|&j| tokens[j].is(">"))
    {
        i = gt + 1;
    }
    if i < to && matches!(tokens[i].text.as_str(), "(" | "[" | "{") && tokens[i].kind == Kind::Punct
    {
        let end = close[i].unwrap_or(to).min(to);
        // Only when the group ends the value (a trailing `.build()` is
        // still the same construction).
        let args = args(tokens, close, i + 1, end, depth + 1);
        return Value::Args {
            callee: (!path.is_empty()).then_some(path),
            args,
        };
    }
    Value::Other
}

fn args(
    tokens: &[Token],
    close: &[Option<usize>],
    from: usize,
    to: usize,
    depth: usize,
) -> Vec<Arg> {
    let mut args = Vec::new();
    let mut start = from;
    let mut i = from;
    let push = |start: usize, end: usize, args: &mut Vec<Arg>| {
        if start >= end {
            return;
        }
        let sep = (start..end).find(|&j| {
            let t = &tokens[j];
            t.kind == Kind::Punct && matches!(t.text.as_str(), ":" | "=" | "=>")
        });
        let (key, value_from) = match sep {
            // `name: value` in Kotlin, Swift, Python, C#, JS; `"code" => 1`.
            Some(sep)
                if sep == start + 1 && matches!(tokens[start].kind, Kind::Ident | Kind::Str) =>
            {
                let key = match tokens[start].kind {
                    Kind::Str => Key::Literal(tokens[start].text.clone()),
                    _ => Key::Name(tokens[start].text.clone()),
                };
                (Some(key), sep + 1)
            }
            Some(sep) if sep == start + 1 && tokens[start].kind == Kind::Number => {
                (Some(Key::Literal(tokens[start].text.clone())), sep + 1)
            }
            _ => (None, start),
        };
        args.push(Arg {
            key,
            value: value_at(tokens, close, value_from, end, depth),
        });
    };
    while i < to {
        if tokens[i].is(",") {
            push(start, i, &mut args);
            start = i + 1;
            i += 1;
            continue;
        }
        i = match close[i] {
            Some(end) => end + 1,
            None => i + 1,
        };
    }
    push(start, to, &mut args);
    args
}

#[cfg(test)]
mod tests {
    use super::super::lex::lex;
    use super::*;

    fn all(src: &str) -> Vec<Item> {
        groups(&lex(src))
            .into_iter()
            .flat_map(|g| g.items)
            .collect()
    }

    fn named<'a>(items: &'a [Item], name: &str) -> &'a Item {
        items
            .iter()
            .find(|i| i.key == Some(Key::Name(name.into())))
            .unwrap_or_else(|| panic!("no {name} in {items:#?}"))
    }

    #[test]
    fn java_enum_entries_with_arguments() {
        let items = all(
            "public enum E {\n  @Deprecated\n  A(1, \"a\"),\n  B(2, \"b\", HttpStatus.NOT_FOUND);\n  private final int code;\n}",
        );
        let a = named(&items, "A");
        assert_eq!(a.line, 3);
        assert!(!a.assigned);
        assert_eq!(
            a.value,
            Value::Args {
                callee: None,
                args: vec![
                    Arg {
                        key: None,
                        value: Value::Number("1".into())
                    },
                    Arg {
                        key: None,
                        value: Value::Str("a".into())
                    },
                ]
            }
        );
        let Value::Args { args, .. } = &named(&items, "B").value else {
            panic!()
        };
        assert_eq!(args[2].value, Value::Path("HttpStatus.NOT_FOUND".into()));
    }

    #[test]
    fn declarations_objects_and_maps() {
        let items = all(
            "X = new Err(1, \"x\");\nconst Y: E = { code: 2, message: 'y' }\nm := map[int]string{\n  1001: \"one\",\n  ErrB: \"two\",\n}\n",
        );
        assert!(matches!(named(&items, "X").value, Value::Args { .. }));
        let Value::Args { args, .. } = &named(&items, "Y").value else {
            panic!()
        };
        assert_eq!(args[0].key, Some(Key::Name("code".into())));
        assert!(
            items
                .iter()
                .any(|i| i.key == Some(Key::Literal("1001".into()))
                    && i.value == Value::Str("one".into()))
        );
        assert_eq!(named(&items, "ErrB").value, Value::Str("two".into()));
    }

    #[test]
    fn attributes_belong_to_the_next_item() {
        let items = all(
            "enum E {\n  #[error(\"not found: {0}\")]\n  NotFound(String),\n  [Description(\"Bad\")]\n  Bad = 3,\n}",
        );
        assert_eq!(named(&items, "NotFound").attributes, ["not found: {0}"]);
        let bad = named(&items, "Bad");
        assert_eq!(
            (bad.attributes.as_slice(), &bad.value),
            (&["Bad".to_owned()][..], &Value::Number("3".into()))
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for odd in [
            "(", ")", "{[}]", "A = ", "= 1", "@", "#[", "[", "A: ", "f(,)", "a<(>",
        ] {
            all(odd);
        }
    }
}
