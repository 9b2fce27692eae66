//! Markdown pipe tables (GFM), front matter skipped.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::grid::{self, Grid, GridRow};
use crate::ingest::markup::Inline;
use crate::ingest::outline::Headings;
use crate::ingest::parsed::Parsed;
use crate::ingest::text::{self, LineIndex};

pub(crate) fn parse(src: &str) -> Parsed {
    grid::parse_grids(grids(src))
}

/// Every pipe table in `src`, one grid each.
pub(crate) fn grids(src: &str) -> Vec<Grid> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let lines = LineIndex::new(src);
    let mut grids = Vec::new();
    let mut grid = Grid::default();
    let mut cells: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    // Each cell's markup, beside its text.
    let mut markups: Vec<Option<String>> = Vec::new();
    let mut inline: Option<Inline> = None;
    let mut row_line = 0;
    let mut headings = Headings::default();

    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        headings.see(&event, || lines.line(range.start));
        if let Some(inline) = &mut inline {
            inline.see(&event);
        }
        match event {
            Event::Start(Tag::Table(_)) => grid = Grid::default(),
            Event::Start(Tag::TableHead) => grid.header_line = lines.line(range.start),
            Event::Start(Tag::TableRow) => row_line = lines.line(range.start),
            Event::Start(Tag::TableCell) => {
                cell = Some(String::new());
                inline = Some(Inline::default());
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&t);
                }
            }
            // `<br>` and line breaks inside a cell separate words.
            Event::InlineHtml(_) | Event::SoftBreak | Event::HardBreak => {
                if let Some(cell) = &mut cell {
                    cell.push(' ');
                }
            }
            Event::End(TagEnd::TableCell) => {
                cells.extend(cell.take().map(|c| text::clean(&c)));
                markups.push(inline.take().and_then(Inline::finish));
            }
            Event::End(TagEnd::TableHead) => {
                grid.header = std::mem::take(&mut cells);
                markups.clear();
            }
            Event::End(TagEnd::TableRow) => {
                grid.rows.push(GridRow {
                    line: row_line,
                    cells: std::mem::take(&mut cells),
                    markup: std::mem::take(&mut markups),
                });
            }
            Event::End(TagEnd::Table) => grids.push(std::mem::take(&mut grid)),
            _ => {}
        }
    }
    let outline = headings.outline();
    for grid in &mut grids {
        grid.group = outline.group_at(grid.header_line);
    }
    grids
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLARIS_EN: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/input/polaris/error-codes.en.md"
    ));
    const POLARIS_ZH: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/input/polaris/error-codes.zh.md"
    ));

    #[test]
    fn polaris_english_table_reads_name_code_and_text() {
        let parsed = parse(POLARIS_EN);
        assert_eq!(parsed.rows.len(), 112);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        let row = parsed.rows.iter().find(|r| r.code == "400141").unwrap();
        assert_eq!(row.name.as_deref(), Some("HeartbeatOnDisabledIns"));
        assert_eq!(row.texts, ["heartbeat on disabled instance"]);
        assert_eq!(row.line, 44);
    }

    #[test]
    fn front_matter_is_skipped() {
        let parsed = parse(POLARIS_ZH);
        assert_eq!(parsed.rows.len(), 153);
        assert_eq!(parsed.rows[0].line, 8);
        assert_eq!(parsed.rows[0].texts, ["执行成功"]);
    }

    #[test]
    fn cells_keep_inline_code_and_split_on_br() {
        let src = "| Code | Message |\n|---|---|\n| `E1` | first<br>second |\n";
        let grid = &grids(src)[0];
        assert_eq!(grid.header, ["Code", "Message"]);
        assert_eq!(grid.rows[0].cells, ["E1", "first second"]);
        assert_eq!(grid.rows[0].line, 3);
    }

    #[test]
    fn no_table_no_rows() {
        assert!(
            parse("# Title\n\nJust prose, 1000 words.\n")
                .rows
                .is_empty()
        );
        assert!(parse("").rows.is_empty());
    }
}
