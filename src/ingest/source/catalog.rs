//! What the items of a source file say about codes: enum entries and
//! constructions whose arguments carry a code and its texts, error enums'
//! members with attributes or comments, and map pairs that give a
//! constant, or a code, its message.
//!
//! Which argument is what comes from the names the source gives them —
//! `code: 1` keys, a Kotlin enum's `(val code: Int, val msg: String)`, a
//! Java enum's constructor or fields — read through the one header
//! vocabulary, and where no name is given, from the arguments' shapes: the
//! first number or code-shaped string is the code, the first text the
//! message, an HTTP status constant (`HttpStatus.NOT_FOUND`) the status.

use super::items::{self, Arg, Group, Item, Key, Value};
use super::lex::{Kind, Lexed, Token};
use crate::ingest::headers::{self, Column};
use crate::ingest::text;
use crate::model::HttpStatus;

/// A code found in the items, its texts still apart by origin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Found {
    pub line: usize,
    pub code: String,
    pub name: Option<String>,
    /// Texts given as the message (an argument, an attribute, a map value).
    pub messages: Vec<String>,
    /// The comments above and after it.
    pub comments: Vec<String>,
    pub descriptions: Vec<String>,
    pub solutions: Vec<String>,
    pub http_statuses: Vec<HttpStatus>,
    /// The keys of the objects it is nested in, below the catalog's own
    /// (`rpc` in `errorCodes = { rpc: { invalidInput: -32000 } }`).
    pub group: Vec<String>,
    /// What kind of item it was found in, for `errdocs inspect`.
    pub origin: &'static str,
}

impl Found {
    /// Takes in what a map says of this code.
    pub(crate) fn absorb(&mut self, said: Found) {
        self.messages.extend(said.messages);
        self.descriptions.extend(said.descriptions);
        self.solutions.extend(said.solutions);
        for status in said.http_statuses {
            if !self.http_statuses.contains(&status) {
                self.http_statuses.push(status);
            }
        }
    }
}

/// A map pair: what a map says of a constant's name or of a code — a
/// text (`ErrA: "first"`), or texts in a list or object
/// (`self::X => ['Name', 'Description']`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    pub line: usize,
    pub key: Key,
    /// The texts and statuses of the value; its code is empty.
    pub says: Found,
    /// Whether the value is one code-shaped text (`'operationsError'`):
    /// a message for a constant defined elsewhere, or the code of the
    /// constant this item defines (`NAME = "LimitExceeded.Quota"`).
    pub code_shaped: bool,
    /// Whether it is a statement of the file's top level (`NAME = "…"`,
    /// `option go_package = "…"`), not an entry of a map: such a pair
    /// gives a text to a constant, and is no code of its own.
    pub top_level: bool,
}

impl Pair {
    fn text(line: usize, key: Key, text: String) -> Pair {
        Pair {
            line,
            key,
            top_level: false,
            code_shaped: text::is_code_shaped(&text),
            says: Found {
                messages: vec![text],
                ..Found::default()
            },
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Read {
    pub found: Vec<Found>,
    pub pairs: Vec<Pair>,
    /// How groups' arguments were named, by line.
    pub how: Vec<(usize, String)>,
}

/// Callees that add a pair to a map: `put(K, V)`, `Map.entry(K, V)`,
/// `Map.of(K1, V1, K2, V2)`, `m.set(K, V)`.
const PUTTERS: &[&str] = &[
    "put", "set", "add", "insert", "entry", "of", "register", "define",
];

pub(crate) fn read(lexed: &Lexed) -> Read {
    let groups = items::groups(lexed);
    let mut read = Read::default();
    let tokens = &lexed.tokens;
    // The groups around each one, innermost last: (end of span, whether
    // its header or an outer one says error, the key that names it).
    let mut around: Vec<(usize, bool, Option<String>)> = Vec::new();
    // The pairs of the file's top level, the first group, are marked
    // once it has been read.
    let mut top_level_pairs = None;
    for (index, group) in groups.iter().enumerate() {
        if index == 1 {
            top_level_pairs = Some(read.pairs.len());
        }
        while around
            .last()
            .is_some_and(|(end, _, _)| *end <= group.span.start)
        {
            around.pop();
        }
        // Only a declaration passes "error" on: an object literal
        // (`errorCodes = {`, `rpc: {`) or a type's body; a function's
        // body or a call's arguments (`handleError(e) {`) do not.
        let declares = declares(tokens, group);
        let outer_says_error = around.last().is_some_and(|(_, says, _)| *says);
        // The name it declares: the header after its last comma
        // (`{ onError: h, options: {` declares `options`).
        let own = group
            .header
            .iter()
            .rposition(|&i| tokens[i].is(","))
            .map_or(&group.header[..], |at| &group.header[at + 1..]);
        let own_says_error = own.iter().any(|&i| says_error(&tokens[i].text));
        // `rpc: {` inside a catalog object: the key names a group.
        let key = group
            .header
            .iter()
            .rev()
            .map(|&i| &tokens[i])
            .find(|t| t.kind == Kind::Ident)
            .map(|t| t.text.clone())
            .filter(|_| outer_says_error && !own_says_error);
        around.push((
            group.span.end,
            declares && (own_says_error || outer_says_error),
            key,
        ));
        // `class E(IntEnum)`: the parentheses list its bases; its body is
        // elsewhere (Python's is indented).
        let n = group.header.len();
        let bases = n >= 2
            && tokens[group.header[n - 2]].is_ident("class")
            && tokens[group.header[n - 1]].kind == Kind::Ident
            && tokens[group.span.start].is("(");
        if bases {
            continue;
        }
        let error_object = declares && (own_says_error || outer_says_error);
        let nesting: Vec<String> = around.iter().filter_map(|(_, _, k)| k.clone()).collect();
        let enumish = group.header.iter().any(|&i| tokens[i].is_ident("enum"))
            || group.header.iter().any(|&i| {
                tokens[i].kind == Kind::Ident
                    && matches!(tokens[i].text.as_str(), "Enum" | "IntEnum" | "StrEnum")
            });
        let error_named = group.header.iter().any(|&i| says_error(&tokens[i].text));
        let params = if enumish {
            params(tokens, group)
        } else {
            Vec::new()
        };
        if !params.is_empty() {
            let line = group.header.first().map_or(1, |&i| tokens[i].line);
            read.how.push((
                line,
                format!(
                    "an enum's entries take arguments named ({})",
                    params.join(", ")
                ),
            ));
        }
        // The value an enum member without one has: the last one plus one.
        let mut next: Option<i64> = None;
        let above = comments_above(lexed, &group.items);
        for (item, above) in group.items.iter().zip(above) {
            let comments = comments(lexed, item, above);
            let name = match &item.key {
                Some(Key::Name(name)) => Some(name.clone()),
                _ => None,
            };
            match &item.value {
                Value::Args { callee, args } => {
                    let callee_last = callee.as_deref().map(|c| c.rsplit('.').next().unwrap_or(c));
                    // `X = ErrorCode.of(1, "…")` constructs; `Map.of(…)`
                    // and a bare `put(…)` fill a map.
                    let map_owner = callee.as_deref().is_some_and(|c| {
                        let lower = c.to_ascii_lowercase();
                        lower.contains("map") || lower.contains("dict")
                    });
                    let put = match (&item.key, callee_last) {
                        (Some(Key::Name(n)), None) => {
                            !item.assigned && PUTTERS.contains(&n.as_str())
                        }
                        (_, Some(c)) => PUTTERS.contains(&c) && (!item.assigned || map_owner),
                        _ => false,
                    };
                    if put {
                        read.pairs.extend(pairs_of(args, item.line));
                        continue;
                    }
                    // Objects and calls whose fields say what they are.
                    let entry = enumish || item.assigned || callee.is_some();
                    if !entry || name.as_deref().is_some_and(is_field) {
                        continue;
                    }
                    let mut found = fields(args, &params);
                    // `KEY => ['Name', 'Description']`, `KEY: ("…", "…")`:
                    // texts for a key, which is a constant or the code.
                    if found.code.is_empty()
                        && item.assigned
                        && callee.is_none()
                        && !enumish
                        && !(found.messages.is_empty() && found.descriptions.is_empty())
                    {
                        if let Some(key) = item.key.clone() {
                            read.pairs.push(Pair {
                                line: item.line,
                                key,
                                says: found,
                                code_shaped: false,
                                top_level: false,
                            });
                        }
                        continue;
                    }
                    if found.code.is_empty() {
                        // An enum entry with texts and no code: its name
                        // is the code (`NOT_FOUND("not found")`).
                        match &name {
                            Some(n) if enumish && !found.messages.is_empty() => {
                                found.code = n.clone()
                            }
                            _ => continue,
                        }
                    }
                    if found.messages.is_empty() && found.descriptions.is_empty() && !enumish {
                        continue;
                    }
                    found.line = item.line;
                    found.name = name.filter(|n| *n != found.code).or(found.name);
                    found.messages.extend(item.attributes.iter().cloned());
                    found.comments = comments;
                    found.origin = if enumish {
                        "enum entries with arguments"
                    } else {
                        "constructions and objects"
                    };
                    read.found.push(found);
                }
                Value::Str(s) => {
                    let key = match &item.key {
                        Some(key) => key.clone(),
                        None => continue,
                    };
                    let text = text::clean(s);
                    if !item.assigned || text.is_empty() {
                        continue;
                    }
                    let code_shaped = text::is_code_shaped(&text);
                    match &key {
                        // `NAME = "Code.X"` is a constant: the constants
                        // reader has it, but not its attributes.
                        Key::Name(n) if code_shaped => {
                            read.pairs
                                .push(Pair::text(item.line, key.clone(), text.clone()));
                            if enumish && (!item.attributes.is_empty() || !comments.is_empty()) {
                                read.found.push(Found {
                                    line: item.line,
                                    code: text,
                                    name: Some(n.clone()),
                                    messages: item.attributes.clone(),
                                    comments,
                                    origin: "enum members with a code-shaped string",
                                    ..Found::default()
                                });
                            }
                        }
                        Key::Name(n) if is_field(n) => {}
                        _ => read.pairs.push(Pair::text(item.line, key, text)),
                    }
                }
                // `invalidInput: -32000` in an object a header calls a
                // catalog (`errorCodes = {`, `interface ErrorCodes {`).
                Value::Number(n) if !enumish && error_object && item.assigned => {
                    let Some(name) = name.filter(|n| is_member_name(n) && !is_field(n)) else {
                        continue;
                    };
                    read.found.push(Found {
                        line: item.line,
                        code: n.clone(),
                        name: Some(name),
                        messages: item.attributes.clone(),
                        comments,
                        group: nesting.clone(),
                        origin: "an object of codes",
                        ..Found::default()
                    });
                }
                Value::Number(n) if enumish => {
                    next = n.parse::<i64>().ok().map(|n| n + 1);
                    if let Some(name) = name.filter(|_| !item.attributes.is_empty()) {
                        read.found.push(Found {
                            line: item.line,
                            code: n.clone(),
                            name: Some(name),
                            messages: item.attributes.clone(),
                            comments,
                            origin: "enum members with attributes",
                            ..Found::default()
                        });
                    }
                }
                Value::Other | Value::Path(_) if enumish && !item.assigned => {
                    // A member with no value: the next number of a numeric
                    // enum, or, in an error enum, its name.
                    let Some(name) = name else { continue };
                    if !is_member_name(&name) {
                        continue;
                    }
                    let code = match next {
                        Some(n) => {
                            next = Some(n + 1);
                            n.to_string()
                        }
                        None if error_named
                            && (!item.attributes.is_empty() || !comments.is_empty()) =>
                        {
                            name.clone()
                        }
                        None => continue,
                    };
                    read.found.push(Found {
                        line: item.line,
                        name: (code != name).then_some(name),
                        code,
                        messages: item.attributes.clone(),
                        comments,
                        origin: "enum members without a value",
                        ..Found::default()
                    });
                }
                _ => {}
            }
        }
    }
    let top_level = top_level_pairs.unwrap_or(read.pairs.len());
    for pair in &mut read.pairs[..top_level] {
        pair.top_level = true;
    }
    read.found.sort_by_key(|f| f.line);
    read
}

/// The comments above an item and after its last line.
fn comments(lexed: &Lexed, item: &Item, above: Option<String>) -> Vec<String> {
    let mut comments: Vec<String> = above.into_iter().collect();
    comments.extend(lexed.trailing(item.end_line).map(str::to_owned));
    comments.retain(|c| !c.is_empty());
    comments
}

/// What kinds of value an item holds, argument by argument: entries of one
/// run are alike (`A("E-01", "…")`, `B("E-02", "…")`), a constructor after
/// them is not.
fn shape(item: &Item) -> Vec<u8> {
    let kind = |value: &Value| match value {
        Value::Number(_) => 0,
        Value::Str(_) => 1,
        Value::Path(_) => 2,
        Value::Args { .. } => 3,
        Value::Other => 4,
    };
    match &item.value {
        Value::Args { args, .. } => args.iter().map(|a| kind(&a.value)).collect(),
        value => vec![kind(value) + 10],
    }
}

/// The comment directly above each item, unless it heads a run of items
/// (`//连接错误` over three entries with none of their own): such a
/// comment labels the run, describes none of them, and is left out.
fn comments_above(lexed: &Lexed, items: &[Item]) -> Vec<Option<String>> {
    let above: Vec<String> = items
        .iter()
        .map(|item| {
            let line = lexed.tokens.get(item.first).map_or(item.line, |t| t.line);
            lexed.above(line, item.first)
        })
        .collect();
    (0..items.len())
        .map(|i| {
            // Two bare entries after it at least: one undocumented entry
            // after a documented one is just undocumented.
            let bare = |j: usize| {
                items.get(j).is_some_and(|next| {
                    next.line == items[j - 1].end_line + 1
                        && above[j].is_empty()
                        && shape(next) == shape(&items[i])
                })
            };
            let heads_a_run = bare(i + 1)
                && bare(i + 2)
                && i.checked_sub(1).is_none_or(|p| {
                    // The run starts here: the item before is not next to it.
                    items[p].end_line + 1 != items[i].line || !above[p].is_empty()
                });
            (!above[i].is_empty() && !heads_a_run).then(|| above[i].clone())
        })
        .collect()
}

/// Whether a header's name says its items are errors: as a constant's
/// name does, or a status type's (`StatusCodes`, `Status`).
fn says_error(word: &str) -> bool {
    super::names_errors(word) || super::name_words(word).iter().any(|w| w == "status")
}

/// Whether a group declares: an object literal (`= {`, `: {`, `=> [`) or
/// the body of a type (`class`, `interface`, `enum`, `object`, `struct`).
fn declares(tokens: &[Token], group: &Group) -> bool {
    if group.header.is_empty() {
        // The file itself.
        return group.span.start == 0;
    }
    let last = &tokens[group.header[group.header.len() - 1]];
    last.is("=")
        || last.is(":")
        || last.is("=>")
        || group.header.iter().any(|&i| {
            tokens[i].kind == Kind::Ident
                && matches!(
                    tokens[i].text.as_str(),
                    "class" | "interface" | "enum" | "object" | "struct" | "type" | "record"
                )
        })
}

/// A member name, not a keyword or a method's leftovers.
fn is_member_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && !matches!(
            name,
            "fn" | "func"
                | "function"
                | "get"
                | "return"
                | "if"
                | "else"
                | "for"
                | "while"
                | "switch"
                | "match"
                | "impl"
                | "class"
                | "struct"
                | "enum"
                | "interface"
                | "init"
                | "constructor"
        )
}

/// Whether a key is a field name of the vocabulary (`code`, `message`):
/// an object's fields are no constants and no codes.
fn is_field(name: &str) -> bool {
    field(name).is_some()
}

fn field(name: &str) -> Option<Column> {
    // A constant's name (`ERROR_INVALID_RESPONSE_TYPE`) is no field of a
    // record, whatever words it holds.
    if name.contains('_')
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return None;
    }
    // In source, `type` and `kind` are a value's type, not a message.
    if matches!(
        headers::normalise(name).as_str(),
        "type" | "kind" | "value" | "key"
    ) {
        return None;
    }
    headers::classify_field(name)
}

/// The names an enum gives its entries' arguments: a Kotlin or TypeScript
/// primary constructor in the header (`enum class E(val code: Int, …)`),
/// else a Java constructor named as the enum (`E(int code, String msg)`),
/// else the fields it declares, in order (what Lombok's constructor takes).
fn params(tokens: &[Token], group: &Group) -> Vec<String> {
    let header: Vec<&Token> = group.header.iter().map(|&i| &tokens[i]).collect();
    if let Some(open) = header.iter().position(|t| t.is("(")) {
        let names: Vec<String> = header[open..]
            .windows(2)
            .filter(|w| w[0].kind == Kind::Ident && w[1].is(":"))
            .map(|w| w[0].text.clone())
            .collect();
        if !names.is_empty() {
            return names;
        }
    }
    let enum_name = header
        .iter()
        .rev()
        .find(|t| t.kind == Kind::Ident && !matches!(t.text.as_str(), "implements" | "extends"))
        .map(|t| t.text.clone());
    let enum_name = header
        .iter()
        .position(|t| t.is_ident("enum"))
        .and_then(|at| {
            header[at + 1..]
                .iter()
                .find(|t| t.kind == Kind::Ident && t.text != "class")
        })
        .map(|t| t.text.clone())
        .or(enum_name);
    let mut fields = Vec::new();
    for item in &group.items {
        // A constructor: the enum's name with typed parameters.
        if let (Some(Key::Name(n)), Value::Args { args, .. }) = (&item.key, &item.value)
            && Some(n) == enum_name.as_ref()
            && args
                .iter()
                .all(|a| matches!(a.value, Value::Other | Value::Path(_)))
        {
            return typed_names(tokens, item);
        }
        // A field: `private final int code`.
        if !item.assigned && matches!(item.value, Value::Other) && item.key.is_some() {
            let line: Vec<&Token> = tokens[item.first..]
                .iter()
                .take_while(|t| t.line == tokens[item.first].line && !t.is(";") && !t.is("="))
                .collect();
            let modifier = line
                .iter()
                .any(|t| matches!(t.text.as_str(), "private" | "final" | "readonly" | "val"));
            if modifier
                && line
                    .iter()
                    .all(|t| t.kind == Kind::Ident || t.is("<") || t.is(">"))
                && let Some(last) = line.last()
            {
                fields.push(last.text.clone());
            }
        }
    }
    fields
}

/// The parameter names of a constructor item: the last name of each
/// comma-separated part inside its parentheses.
fn typed_names(tokens: &[Token], item: &Item) -> Vec<String> {
    let start = tokens[item.first..]
        .iter()
        .position(|t| t.is("("))
        .map(|p| item.first + p + 1);
    let Some(start) = start else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut last = None;
    let mut depth = 0usize;
    for token in &tokens[start..] {
        match token.text.as_str() {
            "(" | "<" | "[" if token.kind == Kind::Punct => depth += 1,
            ")" | ">" | "]" if token.kind == Kind::Punct && depth > 0 => depth -= 1,
            ")" if token.kind == Kind::Punct => break,
            "," if depth == 0 => names.extend(last.take()),
            _ if token.kind == Kind::Ident && depth == 0 => last = Some(token.text.clone()),
            _ => {}
        }
    }
    names.extend(last);
    names
}

/// The pairs of a `put(K, V)` or `Map.of(K1, V1, …)`.
fn pairs_of(args: &[Arg], line: usize) -> Vec<Pair> {
    args.chunks_exact(2)
        .filter_map(|pair| {
            let key = match &pair[0].value {
                Value::Number(n) => Key::Literal(n.clone()),
                Value::Str(s) => Key::Literal(s.clone()),
                Value::Path(p) => Key::Name(p.rsplit('.').next().unwrap_or(p).to_owned()),
                // `put(E.X.getCode(), "…")`
                Value::Args {
                    callee: Some(c), ..
                } => {
                    let parts: Vec<&str> = c.split('.').collect();
                    Key::Name(parts.iter().rev().nth(1).unwrap_or(&parts[0]).to_string())
                }
                _ => return None,
            };
            let Value::Str(text) = &pair[1].value else {
                return None;
            };
            let text = text::clean(text);
            (!text.is_empty()).then(|| Pair::text(line, key, text))
        })
        .collect()
}

/// What the arguments of an entry say.
fn fields(args: &[Arg], params: &[String]) -> Found {
    let mut found = Found::default();
    let mut unnamed_texts = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let name = match &arg.key {
            Some(Key::Name(n) | Key::Literal(n)) => Some(n.as_str()),
            None => params.get(i).map(String::as_str),
        };
        let column = name.and_then(field);
        // A field the source names, but not as anything errdocs knows
        // (`standard: 'EIP-1474'`), is no code or text by its shape.
        if arg.key.is_some() && column.is_none() {
            continue;
        }
        match (column, &arg.value) {
            (Some(Column::Code | Column::BusinessCode), Value::Number(n) | Value::Str(n))
                if found.code.is_empty() =>
            {
                found.code = n.trim().to_owned();
            }
            (Some(Column::Message), Value::Str(s)) => found.messages.push(text::clean(s)),
            (Some(Column::Description), Value::Str(s)) => found.descriptions.push(text::clean(s)),
            (Some(Column::Solution), Value::Str(s)) => found.solutions.push(text::clean(s)),
            (Some(Column::Name), Value::Str(s)) => found.name = Some(s.clone()),
            (Some(Column::HttpStatus), Value::Number(n)) => {
                found
                    .http_statuses
                    .extend(n.parse().ok().and_then(HttpStatus::new));
            }
            (_, Value::Path(p)) => found.http_statuses.extend(status_of_path(p)),
            (Some(_), _) => {}
            (None, Value::Number(n)) if found.code.is_empty() => {
                found.code = n.clone();
            }
            (None, Value::Number(n)) => {
                // A second number, in the range of HTTP statuses.
                if let Some(status) = n.parse().ok().and_then(HttpStatus::new) {
                    found.http_statuses.push(status);
                }
            }
            (None, Value::Str(s)) => {
                let s = text::clean(s);
                let code_shaped =
                    !s.contains(' ') && (text::is_code_like(&s) || text::is_symbolic_code(&s));
                if found.code.is_empty() && unnamed_texts.is_empty() && code_shaped {
                    found.code = s;
                } else if !s.is_empty() {
                    unnamed_texts.push(s);
                }
            }
            _ => {}
        }
    }
    // A text named a description, and no message: as in a table with
    // only a description column, it is the code's text.
    if found.messages.is_empty() && !found.descriptions.is_empty() {
        found.messages.push(found.descriptions.remove(0));
    }
    // Unnamed texts: the message first, then an instruction is the
    // solution and anything else the description.
    let mut texts = unnamed_texts.into_iter();
    if found.messages.is_empty() {
        found.messages.extend(texts.next());
    }
    for text in texts {
        if found.solutions.is_empty() && text::reads_as_instruction(&text) {
            found.solutions.push(text);
        } else {
            found.descriptions.push(text);
        }
    }
    found.messages.retain(|m| !m.is_empty());
    found
}

/// Every HTTP status by its reason phrase, lowercase and without spaces
/// (`notfound` → 404), built once.
static REASONS: std::sync::LazyLock<std::collections::HashMap<String, HttpStatus>> =
    std::sync::LazyLock::new(|| {
        (100..=599u16)
            .filter_map(|n| {
                let reason = http::StatusCode::from_u16(n).ok()?.canonical_reason()?;
                Some((headers::normalise(reason), HttpStatus::new(n)?))
            })
            .collect()
    });

/// The status an HTTP status constant names: `HttpStatus.NOT_FOUND`,
/// `HttpStatusCode.NotFound`, `http.StatusNotFound`, `StatusCodes.BAD_REQUEST`.
fn status_of_path(path: &str) -> Option<HttpStatus> {
    let mut parts = path.rsplit('.');
    let last = parts.next()?;
    let owner = parts.next()?;
    if !owner.to_ascii_lowercase().contains("status") && !owner.eq_ignore_ascii_case("http") {
        return None;
    }
    let key = headers::normalise(last);
    let key = key.strip_prefix("status").unwrap_or(&key);
    REASONS.get(key).copied()
}

#[cfg(test)]
mod tests {
    use super::super::lex::lex;
    use super::*;

    fn found(src: &str) -> Vec<Found> {
        read(&lex(src)).found
    }

    #[test]
    fn java_enum_named_by_its_constructor() {
        let src = "public enum ResultCode {\n    /** 用户 */\n    USER_NOT_FOUND(20404, \"用户不存在\", \"请先注册\"),\n    /** 队列 */\n    QUEUE_FULL(\"0107\", \"Queue is full\", \"Raise the queue size\", HttpStatus.SERVICE_UNAVAILABLE);\n\n    private final int code;\n    private final String msg;\n    ResultCode(int code, String msg, String dispose) {}\n}\n";
        let got = found(src);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].code, "20404");
        assert_eq!(got[0].name.as_deref(), Some("USER_NOT_FOUND"));
        assert_eq!(got[0].messages, ["用户不存在"]);
        assert_eq!(got[0].solutions, ["请先注册"]);
        assert_eq!(got[0].comments, ["用户"]);
        assert_eq!(got[1].code, "0107");
        assert_eq!(got[1].solutions, ["Raise the queue size"]);
        assert_eq!(got[1].http_statuses, [HttpStatus::new(503).unwrap()]);
    }

    #[test]
    fn a_comment_over_a_run_of_entries_labels_the_run() {
        let src = "enum E {\n    //连接错误\n    A(\"E-01\", \"first\"),\n    B(\"E-02\", \"second\"),\n    G(\"E-06\", \"sixth\"),\n\n    // Own text\n    C(\"E-03\", \"third\"),\n\n    /** also own */\n    D(\"E-04\", \"fourth\"),\n    /** and own */\n    F(\"E-05\", \"fifth\");\n    E(String code, String description) {}\n}\n";
        let got = found(src);
        let comments: Vec<(&str, &[String])> = got
            .iter()
            .map(|f| (f.code.as_str(), f.comments.as_slice()))
            .collect();
        assert_eq!(
            comments,
            [
                ("E-01", &[][..]),
                ("E-02", &[][..]),
                ("E-06", &[][..]),
                ("E-03", &["Own text".to_owned()][..]),
                ("E-04", &["also own".to_owned()][..]),
                ("E-05", &["and own".to_owned()][..]),
            ]
        );
        // The one text, named a description, is the message.
        assert_eq!(got[0].messages, ["first"]);
        assert!(got[0].descriptions.is_empty());
    }

    #[test]
    fn objects_of_codes_nest_their_groups() {
        let src = "export const errorCodes = {\n  rpc: {\n    invalidInput: -32000,\n    internal: -32603,\n  },\n  provider: { userRejected: 4001 },\n};\nconst config = { timeout: 3000 };\n";
        let got: Vec<(String, Option<String>, Vec<String>)> = found(src)
            .into_iter()
            .map(|f| (f.code, f.name, f.group))
            .collect();
        let row = |code: &str, name: &str, group: &str| {
            (
                code.to_owned(),
                Some(name.to_owned()),
                vec![group.to_owned()],
            )
        };
        assert_eq!(
            got,
            [
                row("-32000", "invalidInput", "rpc"),
                row("-32603", "internal", "rpc"),
                row("4001", "userRejected", "provider"),
            ]
        );
    }

    #[test]
    fn code_that_only_mentions_errors_gives_no_codes() {
        let src = "function handleError(e) { const retries = 3; }\nthrow new RateLimitError({ limit: 100 });\nconst client = { onError: h, options: { timeout: 3000 } };\nconst encoder = { unicode: 8, interrupt: 2 };\n";
        let read = read(&lex(src));
        assert!(read.found.is_empty(), "{:?}", read.found);
    }

    #[test]
    fn a_python_class_line_declares_no_code() {
        let src = "from enum import Enum, IntEnum\n\nclass ApiErrorCode(IntEnum):\n    \"\"\"The API's codes.\"\"\"\n    # Busy\n    BUSY = -1\n";
        let read = read(&lex(src));
        assert!(
            read.found.iter().all(|f| f.code != "IntEnum"),
            "{:?}",
            read.found
        );
        assert!(
            read.pairs
                .iter()
                .all(|p| p.key != Key::Name("IntEnum".into())),
            "{:?}",
            read.pairs
        );
    }

    #[test]
    fn kotlin_enum_names_from_the_header() {
        let src = "enum class E(val msg: String, val code: Int) {\n  A(\"first\", 1),\n  B(\"second\", 2);\n}";
        let got = found(src);
        assert_eq!(
            (got[0].code.as_str(), got[0].messages.as_slice()),
            ("1", &["first".to_owned()][..])
        );
        assert_eq!(got[1].code, "2");
    }

    #[test]
    fn rust_and_csharp_attributes_and_auto_numbers() {
        let src = "pub enum ApiError {\n    /// Not found.\n    #[error(\"not found\")]\n    NotFound = 404,\n    #[error(\"gone\")]\n    Gone,\n}\nenum Color { Red, Green }\n";
        let got = found(src);
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].code.as_str(), got[0].messages.as_slice()),
            ("404", &["not found".to_owned()][..])
        );
        assert_eq!(got[0].comments, ["Not found."]);
        assert_eq!(got[1].code, "405");
    }

    #[test]
    fn objects_and_constructions() {
        let src = "export const Errors = {\n  TOKEN_EXPIRED: { code: 40101, message: 'Token expired' },\n};\nvar ErrX = &Error{Code: 1001, Msg: \"bad\"}\n";
        let got = found(src);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name.as_deref(), Some("TOKEN_EXPIRED"));
        assert_eq!(got[0].code, "40101");
        assert_eq!(got[1].code, "1001");
        assert_eq!(got[1].messages, ["bad"]);
    }

    #[test]
    fn map_pairs_by_name_and_by_code() {
        let src = "var messages = map[int]string{\n  ErrA: \"first\",\n  1002: \"second\",\n}\nstatic { MSG.put(ErrorCode.C, \"third\"); }\n";
        let got = read(&lex(src)).pairs;
        let keys: Vec<&Key> = got.iter().map(|p| &p.key).collect();
        assert_eq!(
            keys,
            [
                &Key::Name("ErrA".into()),
                &Key::Literal("1002".into()),
                &Key::Name("C".into())
            ]
        );
    }

    #[test]
    fn status_constants() {
        assert_eq!(status_of_path("HttpStatus.NOT_FOUND"), HttpStatus::new(404));
        assert_eq!(
            status_of_path("http.StatusTooManyRequests"),
            HttpStatus::new(429)
        );
        assert_eq!(
            status_of_path("HttpStatusCode.BadRequest"),
            HttpStatus::new(400)
        );
        assert_eq!(status_of_path("Color.RED"), None);
    }
}
