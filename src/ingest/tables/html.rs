//! HTML tables, also when pasted raw into Markdown: every `<table>` becomes a
//! [`Grid`] with its row and column spans expanded by position.

use std::collections::HashMap;
use std::ops::Range;

use scraper::{ElementRef, Html, Node};

use super::grid::{self, Grid, GridRow};
use crate::ingest::outline::{Headings, Outline};
use crate::ingest::parsed::Parsed;
use crate::ingest::text::{self, LineIndex};

/// Far wider than any error table. Bounds what a hostile `colspan` (HTML
/// allows 1000) can allocate: every row is padded to the grid's width.
const MAX_COLUMNS: usize = 64;
/// HTML's own limit. Spans never outlive their `<thead>`/`<tbody>` either,
/// so a huge value only fills the rows that exist.
const MAX_ROWSPAN: usize = 65_534;
/// Bytes of text that span copies may add to one table. Repeating `400` down
/// a column costs nothing; a huge cell spanned over thousands of rows stops
/// being copied (later copies are left empty) instead of exhausting memory.
const SPAN_COPY_BUDGET: usize = 16 << 20;
/// Elements that keep words apart although no whitespace is written.
const BREAKS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "dt",
    "dd",
    "pre",
    "blockquote",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
/// The elements that make a table's structure, passed to the HTML parser.
const STRUCTURE: &[&str] = &[
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th",
];
/// The only attributes of those elements a grid reads.
const SPANS: &[&str] = &["rowspan", "colspan"];
/// Elements whose content is not markup, and not a cell's text either.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

pub(crate) fn parse(src: &str) -> Parsed {
    grid::parse_grids(grids(src))
}

/// Every `<table>` in `src` as a grid, nested tables after the table holding
/// them. `header` is the first row in `<thead>` or made only of `<th>` cells
/// (else the first row); the other rows with any text are `rows`. A row wider
/// than the header widens the grid, with empty header cells, rather than lose
/// its cells.
pub(crate) fn grids(src: &str) -> Vec<Grid> {
    let lines = LineIndex::new(src);
    let mut grids = Vec::new();
    let outline = outline(src, &lines);
    for chunk in locate(src) {
        let fragment = Html::parse_fragment(&table_markup(&src[chunk.range.clone()]));
        let root = fragment.root_element();
        let trs: Vec<_> = root
            .descendent_elements()
            .filter(|e| e.value().name() == "tr")
            .collect();
        // scraper keeps no positions, so the n-th `tr` element is taken to be
        // the n-th `<tr` of the raw text. When the parser invented rows (a
        // `<td>` with no `<tr>`) that pairing is off, and every row gets the
        // table's line rather than a neighbour's.
        let exact = trs.len() == chunk.rows.len();
        let table_line = lines.line(chunk.range.start);
        let row_lines: HashMap<_, _> = trs
            .iter()
            .zip(0..)
            .map(|(tr, n)| {
                let line = match chunk.rows.get(n) {
                    Some(&at) if exact => lines.line(at),
                    _ => table_line,
                };
                (tr.id(), line)
            })
            .collect();
        let line_of = |tr: &ElementRef<'_>| row_lines.get(&tr.id()).copied().unwrap_or(table_line);
        grids.extend(
            root.descendent_elements()
                .filter(|e| e.value().name() == "table")
                .filter_map(|table| grid(table, &line_of)),
        );
    }
    for grid in &mut grids {
        grid.group = outline.group_at(grid.header_line);
    }
    grids
}

/// The headings of a page that holds HTML tables: `<h1>`…`<h6>` of an HTML
/// page, and the Markdown headings of a Markdown page with HTML tables
/// pasted in, which name the groups of the tables below them. HTML headings
/// are looked for in the page's raw HTML as Markdown sees it, so none is
/// taken from a code block.
fn outline(src: &str, lines: &LineIndex) -> Outline {
    use pulldown_cmark::{Event, Options, Parser};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut headings = Headings::default();
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        headings.see(&event, || lines.line(range.start));
        if let Event::Html(html) = &event {
            for (offset, level, text) in html_headings(html) {
                headings.push(lines.line(range.start + offset), level, &text);
            }
        }
    }
    headings.outline()
}

/// The `<h1>`…`<h6>` of some HTML, each with its byte offset, level and
/// text (character references decoded). A heading is short, so its end is
/// looked for nearby: a run of unclosed headings stays linear.
fn html_headings(html: &str) -> Vec<(usize, usize, String)> {
    const NEAR: usize = 4096;
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'<') {
        let here = at + i;
        at = here + 1;
        let level = match bytes.get(here + 1..here + 3) {
            Some([h, n]) if h.eq_ignore_ascii_case(&b'h') && (b'1'..=b'6').contains(n) => *n,
            _ => continue,
        };
        if !is_tag(&bytes[here..], &bytes[here..here + 3]) {
            continue;
        }
        let end = (here + NEAR).min(html.len());
        let near = &bytes[here..end];
        let close = [b'<', b'/', b'h', level];
        let Some(open_end) = near.iter().position(|&b| b == b'>') else {
            continue;
        };
        let Some(close_at) = near.windows(4).position(|w| w.eq_ignore_ascii_case(&close)) else {
            continue;
        };
        if close_at <= open_end {
            continue;
        }
        // Both ends are at ASCII bytes, so the slice is on characters.
        let inner = &html[here + open_end + 1..here + close_at];
        let text: String = Html::parse_fragment(inner).root_element().text().collect();
        found.push((here, usize::from(level - b'0'), text));
        at = here + close_at;
    }
    found
}

/// One top-level `<table>…</table>` of the source and the byte offset of
/// every `<tr` inside it, nested tables included.
struct Chunk {
    range: Range<usize>,
    rows: Vec<usize>,
}

/// Finds tables in the raw text, case-insensitively, skipping comments. An
/// unclosed table runs to the end of the text.
fn locate(src: &str) -> Vec<Chunk> {
    let bytes = src.as_bytes();
    let (mut chunks, mut rows) = (Vec::new(), Vec::new());
    let (mut depth, mut start, mut at) = (0usize, 0, 0);
    while let Some(found) = bytes[at..].iter().position(|&b| b == b'<') {
        let here = at + found;
        let rest = &bytes[here..];
        at = here + 1;
        if rest.starts_with(b"<!--") {
            at = src[here + 4..]
                .find("-->")
                .map_or(src.len(), |end| here + 4 + end + 3);
        } else if is_tag(rest, b"<table") {
            if depth == 0 {
                start = here;
            }
            depth += 1;
        } else if depth > 0 && is_tag(rest, b"</table") {
            depth -= 1;
            if depth == 0 {
                let end = rest
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(src.len(), |p| here + p + 1);
                let rows = std::mem::take(&mut rows);
                chunks.push(Chunk {
                    range: start..end,
                    rows,
                });
                at = end;
            }
        } else if depth > 0 && is_tag(rest, b"<tr") {
            rows.push(here);
        }
    }
    if depth > 0 {
        chunks.push(Chunk {
            range: start..src.len(),
            rows,
        });
    }
    chunks
}

/// The markup of one table with every tag but the table's own structure
/// taken out: a break becomes `<br>`, a comment, script or style goes with
/// its content, any other tag (`<a name>`, `<span>`, `<b>`) goes and leaves
/// its text. The text and character references are kept as written.
///
/// An HTML parser's tree building is quadratic in the depth of open elements
/// (html5ever issues #289 and #788: every start tag scans the stack), so a
/// few hundred kilobytes of unclosed `<b><i><a>` or `<ul><li>` took seconds.
/// Of all that markup a grid needs only the cells and where words break;
/// tables keep their own nesting, which the table scope bounds.
fn table_markup(chunk: &str) -> String {
    let mut out = String::with_capacity(chunk.len());
    let mut rest = chunk;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some((name, closing, after)) = tag(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let name = name.to_ascii_lowercase();
        if STRUCTURE.contains(&name.as_str()) {
            structure_tag(&rest[..rest.len() - after.len()], &name, closing, &mut out);
        } else if BREAKS.contains(&name.as_str()) {
            out.push_str("<br>");
        }
        rest = after;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            rest = end_of_raw_text(rest, &name);
        }
    }
    out.push_str(rest);
    out
}

/// A tag of the table's structure, `markup` as written, passed on with only
/// its span attributes (as written too): ids, classes, widths and `headers`
/// are most of a CMS table's bytes, and the parser would only tokenise them
/// to be ignored.
fn structure_tag(markup: &str, name: &str, closing: bool, out: &mut String) {
    out.push('<');
    if closing {
        out.push('/');
    }
    out.push_str(name);
    // After `<` and the name, up to the `>` that `tag` found: an unclosed
    // tag at the end of the text stays unclosed.
    let inner = &markup[1 + usize::from(closing) + name.len()..];
    let (inner, end) = match inner.strip_suffix('>') {
        Some(inner) => (inner, ">"),
        None => (inner, ""),
    };
    if !closing {
        for (attribute_name, attribute) in attributes(inner) {
            if SPANS.iter().any(|s| attribute_name.eq_ignore_ascii_case(s)) {
                out.push(' ');
                out.push_str(attribute);
            }
        }
    }
    out.push_str(end);
}

/// The attributes of a start tag, each as its name and as written
/// (`rowspan="2"`, `nowrap`, `width = 10`), from the text between the tag's
/// name and its `>`, split as HTML's tokenizer splits them.
fn attributes(mut text: &str) -> impl Iterator<Item = (&str, &str)> {
    std::iter::from_fn(move || {
        text = text.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if text.is_empty() {
            return None;
        }
        // A name runs to whitespace, `/` or `=` (the text holds no `>`);
        // its first character may be `=`.
        let name_end = text
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c.is_ascii_whitespace() || c == '/' || c == '=')
            .map_or(text.len(), |(i, _)| i);
        let after_name = &text[name_end..];
        let before_equals = after_name.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let end = match before_equals.strip_prefix('=') {
            Some(value) => {
                let value_start = value.trim_start_matches(|c: char| c.is_ascii_whitespace());
                let rest = match value_start.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let quoted = &value_start[1..];
                        quoted.find(quote).map_or("", |close| &quoted[close + 1..])
                    }
                    _ => value_start.trim_start_matches(|c: char| !c.is_ascii_whitespace()),
                };
                text.len() - rest.len()
            }
            None => name_end,
        };
        let (attribute, rest) = text.split_at(end);
        text = rest;
        Some((&attribute[..name_end], attribute))
    })
}

/// The tag at the start of `text` (`<td rowspan="2">`, `</p>`, `<!DOCTYPE>`):
/// its name (empty for `<!…>` and `<?…>`), whether it closes, and the text
/// after its `>`. `None` when the `<` starts no tag (`a < b`).
fn tag(text: &str) -> Option<(&str, bool, &str)> {
    let inner = text.strip_prefix('<')?;
    if let Some(bogus) = inner.strip_prefix(['!', '?']) {
        return Some((
            "",
            false,
            bogus.find('>').map_or("", |end| &bogus[end + 1..]),
        ));
    }
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(inner) => (true, inner),
        None => (false, inner),
    };
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_end = inner
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(inner.len());
    let (name, mut attributes) = inner.split_at(name_end);
    // Up to the `>` that ends the tag, past quoted attribute values, which
    // may hold a `>` of their own.
    loop {
        let Some(at) = attributes.find(['>', '=']) else {
            return Some((name, closing, ""));
        };
        let (found, after) = (&attributes[at..at + 1], &attributes[at + 1..]);
        if found == ">" {
            return Some((name, closing, after));
        }
        let value = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
        attributes = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let quoted = &value[1..];
                quoted.find(quote).map_or("", |end| &quoted[end + 1..])
            }
            _ => value,
        };
    }
}

/// What follows the end tag of the raw-text element `name` in `text`, which
/// starts right after its start tag; nothing when it is never closed.
fn end_of_raw_text<'a>(text: &'a str, name: &str) -> &'a str {
    let mut at = 0;
    while let Some(found) = text[at..].find("</") {
        let start = at + found;
        let candidate = &text[start + 2..];
        let matches = candidate
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && candidate[name.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_ascii_whitespace() || c == '/' || c == '>');
        if matches {
            return tag(&text[start..]).map_or("", |(_, _, after)| after);
        }
        at = start + 2;
    }
    ""
}

/// Whether `rest` starts with the tag `open` (`<tr`, not `<track`).
fn is_tag(rest: &[u8], open: &[u8]) -> bool {
    rest.get(..open.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(open))
        && rest
            .get(open.len())
            .is_none_or(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
}

/// A table row with its spans expanded; `cells` ends at its last filled column.
struct Row {
    line: usize,
    is_header: bool,
    cells: Vec<String>,
}

fn grid(table: ElementRef<'_>, line_of: &dyn Fn(&ElementRef<'_>) -> usize) -> Option<Grid> {
    let mut budget = SPAN_COPY_BUDGET;
    // html5ever puts every `tr` of a table in a thead, tbody or tfoot, and a
    // span never reaches across those sections.
    let mut rows: Vec<Row> = table
        .child_elements()
        .filter(|s| matches!(s.value().name(), "thead" | "tbody" | "tfoot"))
        .flat_map(|section| {
            let trs: Vec<_> = section
                .child_elements()
                .filter(|e| e.value().name() == "tr")
                .collect();
            expand(&trs, line_of, &mut budget)
        })
        .filter(|row| row.cells.iter().any(|c| !c.is_empty()))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let at = rows.iter().position(|r| r.is_header).unwrap_or(0);
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let pad = |mut cells: Vec<String>| {
        cells.resize(width, String::new());
        cells
    };
    let header = rows.remove(at);
    Some(Grid {
        header_line: header.line,
        header: pad(header.cells),
        rows: rows
            .into_iter()
            .map(|r| GridRow {
                line: r.line,
                cells: pad(r.cells),
                markup: Vec::new(),
            })
            .collect(),
        group: Vec::new(),
    })
}

/// The rows of one section, each cell placed at the first column that no
/// span from above or to the left has taken (the HTML table model). The
/// `headers` attributes are ignored: vendors get them wrong under spans.
fn expand(
    trs: &[ElementRef<'_>],
    line_of: &dyn Fn(&ElementRef<'_>) -> usize,
    budget: &mut usize,
) -> Vec<Row> {
    // Per column: the text a rowspan still owes, and to how many more rows.
    let mut carried: Vec<(String, usize)> = Vec::new();
    let mut rows = Vec::with_capacity(trs.len());
    for (r, tr) in trs.iter().enumerate() {
        let mut cells: Vec<Option<String>> = Vec::new();
        for (col, (text, left)) in carried.iter_mut().enumerate() {
            if *left > 0 {
                *left -= 1;
                put(&mut cells, col, copy(text, budget));
            }
        }
        let own: Vec<_> = tr
            .child_elements()
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .collect();
        let mut col = 0;
        for cell in &own {
            while cells.get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            if col >= MAX_COLUMNS {
                break;
            }
            let colspan = span(cell.attr("colspan"))
                .unwrap_or(1)
                .clamp(1, MAX_COLUMNS - col);
            // rowspan="0" means "to the end of the section".
            let rowspan = match span(cell.attr("rowspan")) {
                Some(0) => trs.len() - r,
                Some(n) => n.min(MAX_ROWSPAN),
                None => 1,
            };
            let text = cell_text(cell);
            for c in col..col + colspan {
                if rowspan > 1 {
                    if carried.len() <= c {
                        carried.resize_with(c + 1, Default::default);
                    }
                    carried[c] = (copy(&text, budget), rowspan - 1);
                }
                let value = if c == col {
                    text.clone()
                } else {
                    copy(&text, budget)
                };
                put(&mut cells, c, value);
            }
            col += colspan;
        }
        let in_thead = tr
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| p.value().name() == "thead");
        let all_th = !own.is_empty() && own.iter().all(|c| c.value().name() == "th");
        rows.push(Row {
            line: line_of(tr),
            is_header: in_thead || all_th,
            cells: cells.into_iter().map(Option::unwrap_or_default).collect(),
        });
    }
    rows
}

fn put(cells: &mut Vec<Option<String>>, col: usize, text: String) {
    if cells.len() <= col {
        cells.resize(col + 1, None);
    }
    cells[col] = Some(text);
}

/// A copy of a spanned cell's text while the table's budget lasts.
fn copy(text: &str, budget: &mut usize) -> String {
    match budget.checked_sub(text.len()) {
        Some(rest) => {
            *budget = rest;
            text.to_owned()
        }
        None => String::new(),
    }
}

/// A span attribute read as browsers do: leading digits, the rest ignored;
/// `None` when there are none. Absurdly long numbers saturate.
fn span(attr: Option<&str>) -> Option<usize> {
    let digits: &str = attr?.trim_start();
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let digits = &digits[..end];
    (!digits.is_empty()).then(|| digits.parse().unwrap_or(usize::MAX))
}

/// All text in a cell, words kept apart where markup separated them, and
/// whitespace collapsed. Noise such as `<a name="…"></a>` adds nothing, nor
/// does a table nested in the cell: it is a grid of its own, and copying its
/// text into every cell around it made deep nesting quadratic in time and
/// memory. The walk is a loop, not a recursion, so depth cannot overflow
/// the stack.
fn cell_text(cell: &ElementRef<'_>) -> String {
    let root = **cell;
    let mut raw = String::new();
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut enter = true;
        match node.value() {
            Node::Text(t) => raw.push_str(t),
            Node::Element(e) if e.name() == "table" => {
                raw.push(' ');
                enter = false;
            }
            Node::Element(e) if BREAKS.contains(&e.name()) => raw.push(' '),
            _ => {}
        }
        // Into the node, else on to what follows its subtree inside the cell.
        next = node.first_child().filter(|_| enter).or_else(|| {
            let mut at = node;
            loop {
                if let Some(sibling) = at.next_sibling() {
                    break Some(sibling);
                }
                match at.parent() {
                    Some(parent) if parent.id() != root.id() => at = parent,
                    _ => break None,
                }
            }
        });
    }
    text::clean(&raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read at test time, like every fixture.
    fn read(relative: &str) -> String {
        let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).expect(&path)
    }

    fn seed() -> String {
        read("input/huawei-cse/error-codes.zh.md")
    }

    fn line_of(src: &str, needle: &str) -> usize {
        let at = src.find(needle).expect(needle);
        LineIndex::new(src).line(at)
    }

    fn cells(row: &GridRow) -> Vec<&str> {
        row.cells.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_table_is_in_the_group_of_the_heading_above_it() {
        let src = "<h1>Acme</h1>\n\n```html\n<h2>Example</h2>\n```\n\n<h2>Errors &amp; limits</h2>\n\n<table><tr><th>Code</th><th>Message</th></tr><tr><td>E1</td><td>x</td></tr></table>\n";
        let grids = grids(src);
        assert_eq!(grids[0].group, ["Errors & limits"]);
    }

    #[test]
    fn seed_table_becomes_one_grid_with_thead_header() {
        let grids = grids(&seed());
        assert_eq!(grids.len(), 1);
        let grid = &grids[0];
        assert_eq!(
            grid.header,
            ["HTTP状态码", "业务错误码", "返回消息体", "描述"]
        );
        assert_eq!(grid.rows.len(), 17);
        assert!(grid.rows.iter().all(|r| r.cells.len() == 4));
        assert_eq!(
            cells(&grid.rows[0]),
            [
                "400",
                "001",
                r#"{errCode:"400001", errMsg:"Invalid parameter(s)", detail:""}"#,
                "请求参数错误"
            ]
        );
    }

    #[test]
    fn html_rowspan_status_applies_to_following_rows() {
        let seed = seed();
        let grid = &grids(&seed)[0];
        let status_of = |code: &str| {
            let row = grid.rows.iter().find(|r| r.cells[1] == code).expect(code);
            row.cells[0].as_str()
        };
        assert_eq!(status_of("1011"), "400");
        assert_eq!(status_of("002"), "401");
        let statuses: Vec<&str> = grid.rows[13..]
            .iter()
            .map(|r| r.cells[0].as_str())
            .collect();
        assert_eq!(statuses, ["500"; 4]);
        let last = grid.rows.last().unwrap();
        assert_eq!(last.cells[1], "500");
        assert!(last.cells[2].contains("SVCSTG.CSE.500500"));
        assert_eq!(last.cells[3], "请求体解析失败");
    }

    #[test]
    fn seed_lines_point_at_each_tr() {
        let seed = seed();
        let grid = &grids(&seed)[0];
        assert_eq!(
            grid.header_line,
            line_of(&seed, "<tr id=\"zh-cn_topic_0088850597_row17285195820371\"")
        );
        assert_eq!(grid.rows[0].line, line_of(&seed, "<tbody><tr"));
        assert_eq!(
            grid.rows[3].line,
            line_of(&seed, "<tr id=\"row1963615513215\"")
        );
        assert_eq!(
            grid.rows[16].line,
            line_of(&seed, "<tr id=\"zh-cn_topic_0088850597_row8353172312431\"")
        );
        let tr_lines: Vec<usize> = seed
            .match_indices("<tr")
            .map(|(at, _)| LineIndex::new(&seed).line(at))
            .collect();
        let grid_lines: Vec<usize> = std::iter::once(grid.header_line)
            .chain(grid.rows.iter().map(|r| r.line))
            .collect();
        assert_eq!(grid_lines, tr_lines);
    }

    #[test]
    fn colspan_repeats_text_in_adjacent_columns() {
        let src = "<table>\n<tr><th>Code</th><th colspan=\"2\">Message</th></tr>\n\
                   <tr><td>E1</td><td colspan=2>same in both</td></tr>\n\
                   <tr><td>E2</td><td>en</td><td>zh</td></tr>\n</table>";
        let grid = &grids(src)[0];
        assert_eq!(grid.header, ["Code", "Message", "Message"]);
        assert_eq!(cells(&grid.rows[0]), ["E1", "same in both", "same in both"]);
        assert_eq!(cells(&grid.rows[1]), ["E2", "en", "zh"]);
        assert_eq!(
            [grid.header_line, grid.rows[0].line, grid.rows[1].line],
            [2, 3, 4]
        );
    }

    #[test]
    fn plain_page_with_th_header_and_no_thead() {
        let src = "<!DOCTYPE html>\n<html><body>\n<h1>Errors</h1>\n<TABLE class=x>\n\
                   <TR><TH>Code</TH><TH>Message</TH></TR>\n\
                   <TR><TD>E0001</TD><TD>Bad &amp; worse</TD></TR>\n\
                   <TR><TD>E0002</TD></TR>\n</TABLE>\n</body></html>\n";
        let grids = grids(src);
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].header, ["Code", "Message"]);
        assert_eq!(grids[0].header_line, 5);
        assert_eq!(cells(&grids[0].rows[0]), ["E0001", "Bad & worse"]);
        assert_eq!(
            cells(&grids[0].rows[1]),
            ["E0002", ""],
            "short rows are padded"
        );
    }

    #[test]
    fn first_row_is_header_when_no_th() {
        let src = "<table><tr><td>Code</td><td>Text</td></tr><tr><td>1</td><td>a</td></tr></table>";
        let grid = &grids(src)[0];
        assert_eq!(grid.header, ["Code", "Text"]);
        assert_eq!(grid.rows.len(), 1);
    }

    #[test]
    fn br_and_paragraphs_separate_words() {
        let src = "<table><tr><th>Code</th><th>Message</th></tr>\
                   <tr><td>E1</td><td>first<br>second<BR/>third<p>fourth</p><p>fifth</p></td></tr></table>";
        let grid = &grids(src)[0];
        assert_eq!(grid.rows[0].cells[1], "first second third fourth fifth");
    }

    #[test]
    fn row_wider_than_header_widens_grid() {
        let src = "<table><tr><th>Code</th></tr><tr><td>E1</td><td>extra</td></tr></table>";
        let grid = &grids(src)[0];
        assert_eq!(grid.header, ["Code", ""]);
        assert_eq!(cells(&grid.rows[0]), ["E1", "extra"]);
    }

    #[test]
    fn hostile_spans_are_clamped() {
        let src = "<table><tr><th colspan=\"0\">A</th><th colspan=\"99999999999999999999\">B</th></tr>\
                   <tr><td rowspan=\"100000\">x</td><td>1</td></tr>\
                   <tr><td>2</td></tr>\
                   <tr><td rowspan=\"0\" colspan=\"-3\">y</td><td rowspan=\"abc\">3</td></tr>\
                   <tr><td>4</td></tr></table>";
        let grid = &grids(src)[0];
        assert_eq!(grid.header.len(), MAX_COLUMNS);
        assert_eq!(grid.header[0], "A");
        assert!(grid.header[1..].iter().all(|h| h == "B"));
        let firsts: Vec<&str> = grid.rows.iter().map(|r| r.cells[0].as_str()).collect();
        assert_eq!(firsts, ["x", "x", "x", "x"]);
        assert!(grid.rows.iter().all(|r| r.cells.len() == MAX_COLUMNS));
        assert_eq!(grid.rows[2].cells[1], "y", "rowspan=0 runs to the end");
        assert_eq!(grid.rows[3].cells[1], "y");
        assert_eq!(grid.rows[3].cells[2], "4");
    }

    #[test]
    fn huge_spanned_cell_stops_being_copied() {
        let big = "x".repeat(SPAN_COPY_BUDGET / 2 + 1);
        let src = format!(
            "<table><tr><th>A</th></tr><tr><td rowspan=9>{big}</td></tr>{}</table>",
            "<tr></tr>".repeat(8)
        );
        let grid = &grids(&src)[0];
        assert_eq!(
            grid.rows.len(),
            1,
            "the copies were left empty, so the rows are dropped"
        );
    }

    #[test]
    fn nested_and_unclosed_tables_do_not_crash() {
        let src = "<table><tr><th>Outer</th></tr><tr><td><table><tr><th>Code</th></tr>\
                   <tr><td>E1</td></tr></table></td></tr></table>\n<table><tr><td>open";
        let grids = grids(src);
        assert_eq!(grids.len(), 3);
        assert_eq!(grids[0].header, ["Outer"]);
        assert_eq!(grids[1].header, ["Code"]);
        assert_eq!(cells(&grids[1].rows[0]), ["E1"]);
        assert_eq!(grids[2].header, ["open"]);
        assert_eq!(grids[2].header_line, 2);
    }

    #[test]
    fn a_nested_table_is_its_own_grid_not_text_of_the_outer_cell() {
        let src = "<table><tr><th>Code</th><th>Message</th></tr>\
                   <tr><td>E1</td><td>outer <table><tr><th>Inner</th></tr>\
                   <tr><td>x</td></tr></table> text</td></tr></table>";
        let grids = grids(src);
        assert_eq!(grids.len(), 2);
        assert_eq!(cells(&grids[0].rows[0]), ["E1", "outer text"]);
        assert_eq!(grids[1].header, ["Inner"]);
        assert_eq!(cells(&grids[1].rows[0]), ["x"]);
    }

    #[test]
    fn only_table_structure_and_breaks_reach_the_html_parser() {
        let src = "<TABLE class=\"t\"><tr><td title=\"a > b\" rowspan=2><p>x<b>y</b></p>\
                   <a name='n'></a>1 < 2<!-- <tr> --><script>\"</td>\"</script>z</td>";
        assert_eq!(
            table_markup(src),
            "<table><tr><td rowspan=2><br>xy<br>1 < 2z</td>"
        );
        assert_eq!(
            table_markup("<td id=\"r1\" ROWSPAN = \"2\" nowrap colspan='3'/>x</TD >"),
            "<td ROWSPAN = \"2\" colspan='3'>x</td>"
        );
        assert_eq!(table_markup("<td><!DOCTYPE x><?pi?>a</td"), "<td>a</td");
        assert_eq!(table_markup("<td><style>a</stylex></style>b"), "<td>b");
        assert_eq!(table_markup("<td><b title=\"unclosed"), "<td>");
    }

    #[test]
    fn deep_inline_markup_in_a_cell_takes_linear_time() {
        let src = format!("<table><tr><td>E1</td><td>{}x", "<b><i><a>".repeat(20_000));
        let start = std::time::Instant::now();
        let grids = grids(&src);
        assert_eq!(grids[0].header, ["E1", "x"]);
        // html5ever scans its stack of open elements at every tag: 10 s
        // unoptimised.
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn tables_in_comments_are_skipped() {
        assert!(grids("<!-- <table><tr><td>x</td></tr></table> -->").is_empty());
        assert!(grids("<!-- unclosed <table>").is_empty());
    }

    #[test]
    fn markdown_pipe_table_and_empty_text_have_no_grid() {
        let polaris = read("input/polaris/error-codes.en.md");
        assert!(grids(&polaris).is_empty());
        assert!(grids("").is_empty());
        assert!(grids("<tablet> </table>").is_empty());
    }
}
