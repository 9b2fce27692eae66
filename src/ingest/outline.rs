//! The headings of a Markdown document, which name the group of what is
//! listed under them: `## 认证模块` over a table, `### Instance errors` over
//! a list.
//!
//! Two kinds of heading name no group. The document's own title — its
//! first heading, when every other heading is below it — names the whole
//! document. A heading that only says what the list is (`错误码`, `Error
//! codes`, `错误码列表`) names every code alike.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::headers::{self, Column};
use super::text;

/// The headings of one document, in order, each with the group it opens.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    /// (line, level, text) of every heading that can name a group.
    headings: Vec<(usize, usize, String)>,
    /// The group path in force from each heading on: worked out once, so
    /// each row's group is a binary search, whatever the document's size.
    paths: Vec<Vec<String>>,
}

impl Outline {
    /// The outline of a Markdown document.
    #[cfg(test)]
    pub(crate) fn new(src: &str) -> Outline {
        use pulldown_cmark::{Options, Parser};
        let options = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
        let lines = text::LineIndex::new(src);
        let mut headings = Headings::default();
        for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
            headings.see(&event, || lines.line(range.start));
        }
        headings.outline()
    }
}

/// The level of a bold paragraph that heads a table (`**4XX errors**`):
/// below every real heading.
const BOLD_HEADING: usize = 7;

/// Collects the headings of a document from its events, for a reader that
/// walks them anyway.
#[derive(Debug, Default)]
pub(crate) struct Headings {
    all: Vec<(usize, usize, String)>,
    open: Option<(usize, usize, String)>,
    /// A paragraph being read, while it may be all bold: its line, its
    /// text, and whether anything in it was not bold.
    paragraph: Option<(usize, String, bool)>,
    strong: usize,
    /// A bold paragraph just ended: a heading if a table comes next.
    bold: Option<(usize, String)>,
}

impl Headings {
    /// Takes note of `event`, which starts at the line `line` gives.
    pub(crate) fn see(&mut self, event: &Event, line: impl FnOnce() -> usize) {
        self.see_bold(event);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.open = Some((line(), depth(*level), String::new()));
            }
            Event::Start(Tag::Paragraph) => self.paragraph = Some((line(), String::new(), false)),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, heading)) = &mut self.open {
                    heading.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, heading)) = &mut self.open {
                    heading.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((line, level, heading)) = self.open.take() {
                    self.all.push((line, level, text::clean(&heading)));
                }
            }
            _ => {}
        }
    }

    /// Bold paragraphs as headings of the table after them: many documents
    /// head their tables `**3XX errors**` rather than with a heading.
    fn see_bold(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, plain)) = &mut self.paragraph {
                    text.push_str(t);
                    *plain |= self.strong == 0 && !t.trim().is_empty();
                }
            }
            // A bold line that ends a quote, a list item or a cell heads
            // nothing after it.
            Event::End(
                TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::List(_) | TagEnd::TableCell,
            ) => {
                self.bold = None;
                self.paragraph = None;
            }
            Event::End(TagEnd::Paragraph) => {
                self.bold = self.paragraph.take().and_then(|(line, text, plain)| {
                    let text = text::clean(&text);
                    (!plain && !text.is_empty() && text.chars().count() <= 80)
                        .then_some((line, text))
                });
                return;
            }
            // Inline markup other than bold makes the paragraph no heading.
            Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Start(Tag::Link { .. }) => {
                if let Some((_, _, plain)) = &mut self.paragraph {
                    *plain = true;
                }
            }
            _ => {}
        }
        let starts_a_table = match event {
            Event::Start(Tag::Table(_)) => true,
            Event::Html(html) => html.trim_start().to_ascii_lowercase().starts_with("<table"),
            _ => false,
        };
        let block = matches!(event, Event::Start(_) | Event::Html(_) | Event::Rule);
        if block
            && !matches!(event, Event::Start(Tag::Strong))
            && let Some((line, text)) = self.bold.take().filter(|_| starts_a_table)
        {
            self.all.push((line, BOLD_HEADING, text));
        }
    }

    /// A heading found another way (an HTML `<h2>`), at `line`.
    pub(crate) fn push(&mut self, line: usize, level: usize, heading: &str) {
        let heading = text::clean(heading);
        if !heading.is_empty() {
            self.all.push((line, level, heading));
        }
    }

    pub(crate) fn outline(self) -> Outline {
        let mut all = self.all;
        all.sort_by_key(|(line, _, _)| *line);
        // The title: the first heading, when no other heading is of its
        // level or higher.
        let title = match all.first() {
            Some((_, level, _)) if all[1..].iter().all(|(_, l, _)| l > level) => 1,
            _ => 0,
        };
        let headings: Vec<(usize, usize, String)> = all
            .into_iter()
            .skip(title)
            .filter(|(_, _, heading)| !heading.is_empty())
            .collect();
        let mut open: Vec<(usize, &str)> = Vec::new();
        let mut paths = Vec::with_capacity(headings.len());
        for (_, level, heading) in &headings {
            while open.last().is_some_and(|(l, _)| l >= level) {
                open.pop();
            }
            open.push((*level, heading));
            paths.push(
                open.iter()
                    .map(|(_, heading)| *heading)
                    .filter(|heading| !names_the_list(heading))
                    .map(str::to_owned)
                    .collect(),
            );
        }
        Outline { headings, paths }
    }
}

impl Outline {
    /// The headings above `line`, outermost first, without those that only
    /// name the list.
    pub(crate) fn group_at(&self, line: usize) -> Vec<String> {
        let above = self.headings.partition_point(|(at, _, _)| *at < line);
        match above {
            0 => Vec::new(),
            n => self.paths[n - 1].clone(),
        }
    }
}

fn depth(level: HeadingLevel) -> usize {
    level as usize
}

/// Words that, with a word for "error code", only say what a heading's
/// list is: `错误码列表`, `Error code reference`.
const LIST_WORDS: &[&str] = &[
    "列表",
    "一览",
    "汇总",
    "说明",
    "表",
    "清单",
    "大全",
    "定义",
    "list",
    "table",
    "reference",
    "overview",
    "summary",
    "s",
];

/// Whether a heading says no more than "error codes": what remains after
/// its word for a code column and its list words is nothing.
pub(crate) fn names_the_list(heading: &str) -> bool {
    let key = headers::normalise(heading);
    // `错误列表`, `Errors`: the word for an error stands for the code.
    let word = headers::longest_word(&key, Column::Code).or_else(|| {
        ["errors", "error", "错误"]
            .into_iter()
            .find(|w| key.contains(w))
    });
    let Some(word) = word else {
        return false;
    };
    let mut rest = key.replacen(word, "", 1);
    // `errorcodes`: the plural's `s` is a list word once the code word is out.
    loop {
        let before = rest.len();
        for list in LIST_WORDS {
            if let Some(stripped) = rest.strip_prefix(list).or_else(|| rest.strip_suffix(list)) {
                rest = stripped.to_owned();
            }
        }
        if rest.len() == before {
            break;
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_nest_into_a_path_and_the_title_is_left_out() {
        let src = "# Acme API\n\n## Instance\n\n### Disk\n\n| a |\n|---|\n\n## Network\n\ntext\n";
        let outline = Outline::new(src);
        assert_eq!(outline.group_at(7), ["Instance", "Disk"]);
        assert_eq!(outline.group_at(12), ["Network"]);
        assert!(outline.group_at(2).is_empty());
    }

    #[test]
    fn two_headings_of_the_first_level_are_no_title() {
        let outline = Outline::new("# 认证模块\n\nx\n\n# 计费模块\n\ny\n");
        assert_eq!(outline.group_at(3), ["认证模块"]);
        assert_eq!(outline.group_at(7), ["计费模块"]);
    }

    #[test]
    fn a_heading_that_only_says_error_codes_is_no_group() {
        for heading in [
            "错误码",
            "错误码列表",
            "Error codes",
            "Error Code Reference",
            "错误码说明",
            "错误列表",
            "Errors",
        ] {
            assert!(names_the_list(heading), "{heading}");
        }
        for heading in [
            "认证模块错误码",
            "Instance errors",
            "Common error codes",
            "公共错误码",
        ] {
            assert!(!names_the_list(heading), "{heading}");
        }
        let outline = Outline::new("# OpenAPI 错误响应\n\n## 错误码\n\n    4000001 Invalid\n");
        assert!(outline.group_at(5).is_empty());
    }

    #[test]
    fn a_bold_paragraph_heads_the_table_after_it() {
        let src = "# T\n\n## Error codes\n\n**4XX errors**\n\n| a |\n|---|\n| 1 |\n\n**Note:** see below\n\n| b |\n|---|\n| 2 |\n\n**Alone**\n\nprose\n";
        let outline = Outline::new(src);
        assert_eq!(outline.group_at(7), ["4XX errors"]);
        // Not all bold: no heading, and the one above still holds.
        assert_eq!(outline.group_at(13), ["4XX errors"]);
        assert_eq!(outline.headings.len(), 2, "{:?}", outline.headings);
    }

    #[test]
    fn a_bold_line_in_a_quote_heads_nothing() {
        let outline = Outline::new("# T\n\n## A\n\n> **Note**\n\n| a |\n|---|\n| 1 |\n");
        assert_eq!(outline.group_at(8), ["A"]);
        assert!(!names_the_list("Message errors"));
    }

    #[test]
    fn a_hash_in_a_code_block_is_no_heading() {
        let outline = Outline::new("# T\n\n## A\n\n```\n# not a heading\n```\n\nrow\n");
        assert_eq!(outline.group_at(9), ["A"]);
    }
}
