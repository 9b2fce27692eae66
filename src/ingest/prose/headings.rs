//! A Markdown page with one heading per code (`## ERR_PNPM_BAD_STORE`,
//! `### 40001 Invalid token`) and the code's text in the paragraphs and
//! list items below it, up to the next heading of its level or higher.
//!
//! The heading's own text after the code, if any, is the message;
//! otherwise the first paragraph is. Later paragraphs are the description,
//! or the solution when they read as an instruction (`To fix this
//! error, …`, `请…`) or stand under a sub-heading the header vocabulary
//! calls one (`#### Solution`, `#### 原因`). Code blocks and tables are
//! examples, not text. Headings that are not codes name the group, as
//! over a table.
//!
//! Headings are a catalog only where at least two of one level are codes
//! and codes are most of that level's headings, and only on a page that
//! says, in a heading or its front matter, that it is about errors or
//! codes. Versions and dates (`## 2.0.1`, `### 2024-03-01`) and
//! admonitions (`**WARNING**`) are never codes.

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::ingest::headers::{self, Column};
use crate::ingest::markup::Inline;
use crate::ingest::outline::Headings;
use crate::ingest::parsed::{Parsed, Row};
use crate::ingest::text::{self, LineIndex};

/// A heading of the page: its line, level and text.
struct Heading {
    line: usize,
    level: usize,
    text: String,
    /// Paragraphs and list items below it, up to the next heading.
    blocks: Vec<Block>,
}

/// One paragraph or list item: its text and its markup, if any.
struct Block {
    text: String,
    html: Option<String>,
    /// The field a bold label names (`**Resolution**: …`).
    label: Option<Column>,
}

pub(crate) fn parse(src: &str) -> Parsed {
    // An API reference (`## getUser`) or a glossary has headings of
    // names too: a page of codes says somewhere, in a heading or its
    // front matter, that it is about errors or codes.
    if !speaks_of_errors(src) {
        return Parsed::default();
    }
    let headings = headings(src);
    let mut parsed = Parsed::default();

    // The levels whose headings are mostly codes.
    let mut per_level: HashMap<usize, (usize, usize)> = HashMap::new();
    for heading in &headings {
        let counts = per_level.entry(heading.level).or_default();
        counts.1 += 1;
        if split_heading(&heading.text).is_some() {
            counts.0 += 1;
        }
    }
    let is_code_level = |level: usize| {
        per_level
            .get(&level)
            .is_some_and(|&(codes, all)| codes >= 2 && codes * 2 >= all)
    };

    // Headings that are not codes, nor a code's sub-headings, name groups.
    let mut groups = Headings::default();
    let mut in_code: Option<usize> = None;
    for heading in &headings {
        if in_code.is_some_and(|level| heading.level > level) {
            continue;
        }
        in_code = None;
        if is_code_level(heading.level) && split_heading(&heading.text).is_some() {
            in_code = Some(heading.level);
        } else {
            groups.push(heading.line, heading.level, &heading.text);
        }
    }
    let outline = groups.outline();

    let mut at = 0;
    while at < headings.len() {
        let heading = &headings[at];
        at += 1;
        let Some((code, title)) =
            split_heading(&heading.text).filter(|_| is_code_level(heading.level))
        else {
            continue;
        };
        let mut row = Row {
            line: heading.line,
            code: code.to_owned(),
            group: outline.group_at(heading.line),
            ..Row::default()
        };
        if !title.is_empty() {
            row.texts.push(title.to_owned());
        }
        let mut descriptions = Vec::new();
        let mut solutions = Vec::new();
        // The code's own blocks, then those of its sub-headings.
        let mut sections = vec![(None, &heading.blocks)];
        while at < headings.len() && headings[at].level > heading.level {
            let sub = &headings[at];
            sections.push((headers::classify(&sub.text), &sub.blocks));
            at += 1;
        }
        for (column, blocks) in sections {
            // A labelled field runs on over the blocks after it
            // (`**Resolution**:` then a list of steps).
            let mut field: Option<Column> = None;
            for block in blocks {
                if let (None, Some(html)) = (block.label, &block.html) {
                    row.markup.insert(block.text.clone(), html.clone());
                }
                field = block.label.or(field);
                match column.or(field) {
                    Some(Column::Message) if row.texts.is_empty() => {
                        row.texts.push(block.text.clone())
                    }
                    Some(Column::Solution) => solutions.push(block.text.clone()),
                    Some(Column::Description) => descriptions.push(block.text.clone()),
                    _ if row.texts.is_empty() => row.texts.push(block.text.clone()),
                    _ if text::reads_as_instruction(&block.text) => {
                        solutions.push(block.text.clone())
                    }
                    _ => descriptions.push(block.text.clone()),
                }
            }
        }
        // A text over several paragraphs is one text.
        row.descriptions
            .extend(join(&descriptions, &mut row.markup));
        row.solutions.extend(join(&solutions, &mut row.markup));
        if row.texts.is_empty() && row.descriptions.is_empty() && row.solutions.is_empty() {
            parsed.skipped.push((
                heading.line,
                format!("heading `{code}` has no text below it"),
            ));
            continue;
        }
        parsed.rows.push(row);
    }
    if !parsed.rows.is_empty() {
        parsed.how.push((
            parsed.rows[0].line,
            format!(
                "{} headings are codes; the paragraphs below each are its message, description and solution",
                parsed.rows.len()
            ),
        ));
    }
    parsed
}

/// Whether a heading, or the front matter, names errors or codes
/// (`# Error Codes`, `title: 错误码`, `## Troubleshooting notification
/// codes`).
fn speaks_of_errors(src: &str) -> bool {
    const WORDS: &[&str] = &[
        "error",
        "code",
        "exception",
        "fault",
        "failure",
        "troubleshoot",
        "错误",
        "码",
        "异常",
        "故障",
    ];
    let mut in_front_matter = false;
    for (i, line) in src.lines().enumerate() {
        let line = line.trim();
        if i == 0 && (line == "---" || line == "+++") {
            in_front_matter = true;
            continue;
        }
        if in_front_matter && (line == "---" || line == "+++") {
            in_front_matter = false;
            continue;
        }
        if in_front_matter || line.starts_with('#') {
            let lower = line.to_lowercase();
            if WORDS.iter().any(|w| lower.contains(w)) {
                return true;
            }
        }
    }
    false
}

/// Paragraphs as one text, and their markup as one.
fn join(texts: &[String], markup: &mut HashMap<String, String>) -> Option<String> {
    let joined = texts.join(" ");
    if joined.is_empty() {
        return None;
    }
    if texts.len() > 1 && texts.iter().any(|t| markup.contains_key(t)) {
        let html: Vec<String> = texts
            .iter()
            .map(|t| {
                markup.get(t).cloned().unwrap_or_else(|| {
                    let mut escaped = String::new();
                    let _ = pulldown_cmark_escape::escape_html(&mut escaped, t);
                    escaped
                })
            })
            .collect();
        markup.insert(joined.clone(), html.join(" "));
    }
    Some(joined)
}

/// A heading's code and the title after it: `ERR_X` → (`ERR_X`, ``),
/// `40001 Invalid token` and `40001: Invalid token` → (`40001`,
/// `Invalid token`). `None` for a heading that does not start with a code.
fn split_heading(heading: &str) -> Option<(&str, &str)> {
    let heading = heading.trim();
    let (code, rest) = match heading.find(char::is_whitespace) {
        Some(at) => heading.split_at(at),
        None => (heading, ""),
    };
    // `40001:` and `ERR_X —`: the separator is no part of the code.
    let code = code.strip_suffix([':', '：']).unwrap_or(code);
    let code = code.trim_matches('`');
    // A version or a date (`v1.2.0`, `2.0.1`, `2024-03-01`) heads a
    // changelog's entry; an admonition (`**WARNING**`) a note.
    if is_version_or_date(code) || text::is_admonition(code) {
        return None;
    }
    // A heading that is a header word (`Code`, `Message`) is no code; a
    // code that holds one (`ERR_NO_SUCH_DOMAIN` holds `errno`) is.
    if !text::is_code_shaped(code) || headers::classify_exact(code).is_some() {
        return None;
    }
    let rest = rest.trim_start();
    let title = match rest.strip_prefix(['-', '–', '—', ':', '：', '|']) {
        Some(title) => title.trim(),
        None => rest,
    };
    Some((code, title))
}

/// The level given to a bold line that is a code alone
/// (`**DOMAIN_JOIN_ERROR**` then its fields): below every heading.
const BOLD_CODE: usize = 7;

/// The level given to a definition list's term: below every heading and
/// bold line.
const DEFINITION_TERM: usize = 8;

/// A paragraph or list item being read.
#[derive(Default)]
struct Open {
    raw: String,
    inline: Inline,
    /// Whether it opened with bold text (`**Message**: …`), which may be
    /// a label.
    bold_start: bool,
}

/// Whether a token is a version (`v1.2.0`, `2.0.1`) or a date
/// (`2024-03-01`, `2024.03.01`): digits in dotted or dashed groups.
fn is_version_or_date(token: &str) -> bool {
    let digits = token.strip_prefix(['v', 'V']).unwrap_or(token);
    let groups: Vec<&str> = digits.split(['.', '-']).collect();
    groups.len() >= 2
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Every heading of the page, with the paragraphs and list items below it.
/// A paragraph that opens with a bold code alone on its line is a heading
/// too, and each of its further lines (`**Message**: …  `) a block.
fn headings(src: &str) -> Vec<Heading> {
    let index = LineIndex::new(src);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST;
    let mut headings: Vec<Heading> = Vec::new();
    let mut open: Option<(usize, usize, String)> = None;
    let mut block: Option<Open> = None;
    // Code blocks, tables and metadata hold no text of the code.
    let mut skipping = 0usize;
    // The paragraph's first bold run, while it may be a code alone: its
    // line, its text, and whether it has ended.
    let mut first_bold: Option<(usize, String, bool)> = None;
    let mut paragraph_start = false;
    // Whether the paragraph being read opened with a bold code, so each
    // hard-broken line is a block.
    let mut code_paragraph = false;
    let flush = |block: &mut Option<Open>, headings: &mut Vec<Heading>| {
        if let Some(open) = block.take() {
            let text = text::clean(&open.raw);
            if let (false, Some(heading)) = (text.is_empty(), headings.last_mut()) {
                let (label, text) = match open.bold_start.then(|| labelled(&text)).flatten() {
                    Some((column, rest)) => (Some(column), rest),
                    None => (None, text),
                };
                if !text.is_empty() {
                    heading.blocks.push(Block {
                        text,
                        html: open.inline.finish(),
                        label,
                    });
                }
            }
        }
    };
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        // A bold run that opened a paragraph, ended, and is followed by a
        // line break or the paragraph's end: a code alone is a heading.
        if let Some((line, bold, _)) = first_bold.take_if(|(_, _, ended)| *ended) {
            let alone = matches!(
                event,
                Event::HardBreak | Event::SoftBreak | Event::End(TagEnd::Paragraph)
            );
            match split_heading(&text::clean(&bold)) {
                Some((code, "")) if alone => {
                    block = None;
                    headings.push(Heading {
                        line,
                        level: BOLD_CODE,
                        text: code.to_owned(),
                        blocks: Vec::new(),
                    });
                    code_paragraph = true;
                    if !matches!(event, Event::End(TagEnd::Paragraph)) {
                        continue;
                    }
                }
                _ => {}
            }
        }
        let starts = std::mem::take(&mut paragraph_start);
        match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::MetadataBlock(_)) => {
                skipping += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::MetadataBlock(_)) => {
                skipping = skipping.saturating_sub(1)
            }
            _ if skipping > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut block, &mut headings);
                open = Some((index.line(range.start), *level as usize, String::new()));
            }
            // A definition list's term is a heading of its definitions
            // (`ERR_TOKEN` then `: The token expired.`).
            Event::Start(Tag::DefinitionListTitle) => {
                flush(&mut block, &mut headings);
                open = Some((index.line(range.start), DEFINITION_TERM, String::new()));
            }
            Event::Start(Tag::DefinitionListDefinition)
            | Event::End(TagEnd::DefinitionListDefinition) => {
                flush(&mut block, &mut headings);
            }
            Event::End(TagEnd::Heading(_) | TagEnd::DefinitionListTitle) => {
                if let Some((line, level, text)) = open.take() {
                    headings.push(Heading {
                        line,
                        level,
                        text: text::clean(&text),
                        blocks: Vec::new(),
                    });
                }
            }
            Event::Text(t) | Event::Code(t) if open.is_some() => {
                if let Some((_, _, heading)) = &mut open {
                    heading.push_str(t);
                }
            }
            Event::Start(Tag::Paragraph) => {
                flush(&mut block, &mut headings);
                paragraph_start = true;
                code_paragraph = false;
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => {
                // A nested item, or a paragraph inside an item, is a
                // block of its own.
                flush(&mut block, &mut headings);
            }
            Event::End(TagEnd::Paragraph) => {
                flush(&mut block, &mut headings);
                code_paragraph = false;
            }
            Event::HardBreak if code_paragraph => flush(&mut block, &mut headings),
            Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => {
                let open = block.get_or_insert_with(Open::default);
                match &event {
                    Event::Text(t) | Event::Code(t) => {
                        open.raw.push_str(t);
                        if let Some((_, bold, false)) = &mut first_bold {
                            bold.push_str(t);
                        }
                    }
                    _ => open.raw.push(' '),
                }
                open.inline.see(&event);
            }
            event => {
                if let Event::Start(Tag::Strong) = event {
                    let empty = block.as_ref().is_none_or(|b| b.raw.trim().is_empty());
                    if empty {
                        block.get_or_insert_with(Open::default).bold_start = true;
                    }
                    if starts {
                        first_bold = Some((index.line(range.start), String::new(), false));
                    }
                }
                if let (Event::End(TagEnd::Strong), Some((_, _, ended))) = (event, &mut first_bold)
                {
                    *ended = true;
                }
                if let Some(open) = &mut block {
                    open.inline.see(event);
                }
            }
        }
    }
    flush(&mut block, &mut headings);
    headings
}

/// A labelled field (`Message: Access is denied.`, `Resolution: …`,
/// `原因：…`): the column its label names and the text after it.
fn labelled(text: &str) -> Option<(Column, String)> {
    let at = text.find([':', '：'])?;
    let (label, rest) = text.split_at(at);
    if label.chars().count() > 40 {
        return None;
    }
    let column = headers::classify(label.trim())?;
    matches!(
        column,
        Column::Message | Column::Description | Column::Solution
    )
    .then(|| {
        let rest = rest.trim_start_matches([':', '：']).trim();
        (column, rest.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Code, messages, descriptions, solutions.
    type Texts = (String, Vec<String>, Vec<String>, Vec<String>);

    fn rows(src: &str) -> Vec<Texts> {
        parse(src)
            .rows
            .into_iter()
            .map(|r| (r.code, r.texts, r.descriptions, r.solutions))
            .collect()
    }

    #[test]
    fn a_heading_per_code_with_paragraphs_below() {
        let src = "---\ntitle: Error Codes\n---\n\n## ERR\\_STORE\n\nThe store moved.\n\nIt was `linked` elsewhere.\n\n```json\n{\"a\": 1}\n```\n\nTo fix this error, run `install` again.\n\n## ERR_TOKEN\n\nThe token\nexpired.\n\n* once\n* twice\n  * nested\n";
        assert_eq!(
            rows(src),
            [
                (
                    "ERR_STORE".to_owned(),
                    vec!["The store moved.".to_owned()],
                    vec!["It was linked elsewhere.".to_owned()],
                    vec!["To fix this error, run install again.".to_owned()],
                ),
                (
                    "ERR_TOKEN".to_owned(),
                    vec!["The token expired.".to_owned()],
                    vec!["once twice nested".to_owned()],
                    vec![],
                ),
            ]
        );
        let parsed = parse(src);
        assert_eq!(parsed.rows[0].line, 5);
        assert_eq!(
            parsed.rows[0].markup["It was linked elsewhere."],
            "It was <code>linked</code> elsewhere."
        );
    }

    #[test]
    fn titles_sub_headings_and_groups() {
        let src = "# API errors\n\n## Authentication\n\n### 40001 Invalid token\n\nThe token is not valid.\n\n#### Solution\n\nSign in again.\n\n### 40002: Expired token\n\nIt expired.\n\n## Billing\n\n### 50001 — No balance\n\n#### 原因\n\n余额不足。\n";
        let parsed = parse(src);
        type Seen<'a> = (
            &'a str,
            &'a [String],
            &'a [String],
            &'a [String],
            &'a [String],
        );
        let got: Vec<Seen> = parsed
            .rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.texts.as_slice(),
                    r.descriptions.as_slice(),
                    r.solutions.as_slice(),
                    r.group.as_slice(),
                )
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (
                    "40001",
                    &s(&["Invalid token"])[..],
                    &s(&["The token is not valid."])[..],
                    &s(&["Sign in again."])[..],
                    &s(&["Authentication"])[..]
                ),
                (
                    "40002",
                    &s(&["Expired token"])[..],
                    &s(&["It expired."])[..],
                    &[][..],
                    &s(&["Authentication"])[..]
                ),
                (
                    "50001",
                    &s(&["No balance"])[..],
                    &s(&["余额不足。"])[..],
                    &[][..],
                    &s(&["Billing"])[..]
                ),
            ]
        );
    }

    #[test]
    fn bold_codes_with_labelled_fields() {
        let src = "# Notification codes\n\n## Domain join\n\nSteps for domain join.\n\n**ERR\\_ACCESS\\_DENIED**  \n**Message**: Access is denied\\.  \n**Resolution**: Check the account.\n\n**ERR_LOGON**  \n**Message**: Logon failed.  \n**Resolution**: Follow these steps:\n+ Reset the password.\n+ Start again.\n";
        let parsed = parse(src);
        type Seen<'a> = (&'a str, &'a [String], &'a [String], &'a [String]);
        let got: Vec<Seen> = parsed
            .rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.texts.as_slice(),
                    r.solutions.as_slice(),
                    r.group.as_slice(),
                )
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (
                    "ERR_ACCESS_DENIED",
                    &s(&["Access is denied."])[..],
                    &s(&["Check the account."])[..],
                    &s(&["Domain join"])[..]
                ),
                (
                    "ERR_LOGON",
                    &s(&["Logon failed."])[..],
                    &s(&["Follow these steps: Reset the password. Start again."])[..],
                    &s(&["Domain join"])[..]
                ),
            ]
        );
        assert_eq!(parsed.rows[0].line, 7);
        // A bold word that is no code, or a bold code with text after it
        // on its line, is no heading.
        assert_eq!(
            parse("**40001**: Bad token\n\n**40002**: Expired\n")
                .rows
                .len(),
            0
        );
        assert_eq!(parse("**Note**  \nOne.\n\n**Tip**  \nTwo.\n").rows.len(), 0);
    }

    #[test]
    fn definition_lists_of_codes() {
        let src = "# Errors\n\n`invalid_token`\n:   The token is not valid.\n\n    Please sign in again.\n\n`token_expired`\n:   The token has expired.\n\nApple\n:   A fruit.\n";
        assert_eq!(
            rows(src),
            [
                (
                    "invalid_token".to_owned(),
                    vec!["The token is not valid.".to_owned()],
                    vec![],
                    vec!["Please sign in again.".to_owned()],
                ),
                (
                    "token_expired".to_owned(),
                    vec!["The token has expired.".to_owned()],
                    vec![],
                    vec![],
                ),
            ]
        );
    }

    #[test]
    fn changelogs_api_references_and_notes_are_no_catalog() {
        let changelog = "# Changelog\n\n## v1.2.0\n\nFixed the error page.\n\n## 1.1.0\n\nAdded codes.\n\n### 2024-03-01\n\nMore.\n\n### 2024-02-01\n\nLess.\n";
        assert_eq!(parse(changelog).rows.len(), 0);
        let api =
            "# Users API\n\n## getUser\n\nReturns a user.\n\n## createUser\n\nMakes a user.\n";
        assert_eq!(parse(api).rows.len(), 0);
        let notes = "# Error handling\n\n**WARNING**  \nRead this.\n\n**IMPORTANT**  \nAnd this.\n";
        assert_eq!(parse(notes).rows.len(), 0);
        // The same headings on a page about errors are codes.
        let errors = "# Error reference\n\n## getUser\n\nThe user was not found.\n\n## createUser\n\nThe user exists.\n";
        assert_eq!(parse(errors).rows.len(), 2);
    }

    #[test]
    fn prose_headings_are_no_catalog() {
        // One code-like heading among prose ones, and numbers with words.
        let src = "# Guide\n\n## Install\n\nRun it.\n\n## v2\n\nNew.\n\n## Usage\n\nUse it.\n";
        assert_eq!(parse(src), Parsed::default());
        let src = "## 1.0.0 (2024)\n\nFirst.\n\n## Upgrading\n\nRead this.\n";
        assert_eq!(parse(src), Parsed::default());
        assert_eq!(parse(""), Parsed::default());
        assert_eq!(parse("## A1\n## B2\n").rows.len(), 0);
    }
}
