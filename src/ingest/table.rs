//! Tables of any origin (Markdown pipes, HTML): a grid of cell texts whose
//! columns are found by what their header means, turned into rows.

use super::headers::{self, Column};
use super::source::{Parsed, Row};
use super::{body, text};
use crate::diagnostic::Kind;
use crate::model::HttpStatus;

/// A table as a grid of cleaned cell texts, spans already expanded: every
/// row has one cell per column (missing cells are empty strings).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Grid {
    pub header_line: usize,
    pub header: Vec<String>,
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct GridRow {
    /// 1-based line of the row in the source text.
    pub line: usize,
    pub cells: Vec<String>,
}

/// The rows of every grid that has a code column (by header, or else by
/// content); grids without one are other tables and are skipped.
pub(crate) fn parse_grids(grids: Vec<Grid>) -> Parsed {
    let mut parsed = Parsed::default();
    for grid in &grids {
        if let Some(columns) = Columns::find(grid) {
            for row in &grid.rows {
                read_row(&columns, row, &mut parsed);
            }
        }
    }
    parsed
}

/// Which grid columns hold what.
#[derive(Debug, Default)]
struct Columns {
    code: Option<usize>,
    business_code: Option<usize>,
    body: Option<usize>,
    name: Option<usize>,
    status: Option<usize>,
    descriptions: Vec<usize>,
}

impl Columns {
    fn find(grid: &Grid) -> Option<Columns> {
        let mut columns = Columns::default();
        for (i, header) in grid.header.iter().enumerate() {
            match headers::classify(header) {
                Some(Column::Code) => _ = columns.code.get_or_insert(i),
                Some(Column::BusinessCode) => _ = columns.business_code.get_or_insert(i),
                Some(Column::ResponseBody) => _ = columns.body.get_or_insert(i),
                Some(Column::Name) => _ = columns.name.get_or_insert(i),
                Some(Column::HttpStatus) => _ = columns.status.get_or_insert(i),
                Some(Column::Description) => columns.descriptions.push(i),
                None => {}
            }
        }
        if columns.code.is_none() && columns.business_code.is_none() && columns.body.is_none() {
            // Headers in words the vocabulary lacks: a column of code-like
            // cells is still a code column.
            columns.code = (0..grid.header.len()).find(|&i| mostly_codes(grid, i));
        }
        let has_code = columns.code.or(columns.business_code).or(columns.body).is_some();
        if columns.descriptions.is_empty() {
            // No header says "description": the columns no header word
            // names are the best guess for the vendor's text.
            let named = [columns.code, columns.business_code, columns.body, columns.name, columns.status];
            columns.descriptions = (0..grid.header.len()).filter(|i| !named.contains(&Some(*i))).collect();
        }
        has_code.then_some(columns)
    }
}

fn mostly_codes(grid: &Grid, column: usize) -> bool {
    let cells: Vec<&str> = grid
        .rows
        .iter()
        .map(|row| row.cells.get(column).map_or("", |c| strip_code(c)))
        .filter(|c| !c.is_empty())
        .collect();
    !cells.is_empty() && cells.iter().filter(|c| text::is_code_like(c)).count() * 5 >= cells.len() * 4
}

/// A cell's text without the backticks Markdown writers put around codes.
fn strip_code(cell: &str) -> &str {
    cell.trim().trim_matches('`').trim()
}

fn read_row(columns: &Columns, row: &GridRow, parsed: &mut Parsed) {
    let cell = |index: Option<usize>| index.and_then(|i| row.cells.get(i)).map_or("", |c| strip_code(c));
    if row.cells.iter().all(|c| c.is_empty()) {
        return;
    }

    let bodies = columns.body.map(|i| body::extract(&row.cells[i])).unwrap_or_default();
    let http_status = read_status(cell(columns.status), row.line, parsed);
    let name = Some(cell(columns.name)).filter(|n| !n.is_empty()).map(str::to_owned);
    let descriptions = columns
        .descriptions
        .iter()
        .map(|&i| text::clean(&row.cells[i]))
        .filter(|d| !d.is_empty());

    // The code a client sees is the one in the response body; a bare code
    // column comes next, a business code (a part of the full code) last.
    let mut codes: Vec<(String, Vec<String>)> = Vec::new();
    for body in &bodies {
        let Some(code) = &body.code else { continue };
        let texts = match codes.iter_mut().find(|(c, _)| c == code) {
            Some((_, texts)) => texts,
            None => {
                codes.push((code.clone(), Vec::new()));
                &mut codes.last_mut().expect("just pushed").1
            }
        };
        texts.extend(body.message.iter().map(|m| text::clean(m)).filter(|m| !m.is_empty()));
    }
    if codes.is_empty() {
        let code = [cell(columns.code), cell(columns.business_code)]
            .into_iter()
            .find(|c| !c.is_empty());
        let Some(code) = code else {
            parsed.note(row.line, Kind::BadRow, "row has no code; skipped");
            return;
        };
        if !text::is_code_like(code) {
            parsed.note(row.line, Kind::BadRow, format!("`{code}` does not look like an error code; row skipped"));
            return;
        }
        let texts = bodies.iter().filter_map(|b| b.message.as_deref()).map(text::clean);
        codes.push((code.to_owned(), texts.filter(|m| !m.is_empty()).collect()));
    }

    let descriptions: Vec<String> = descriptions.collect();
    for (code, mut texts) in codes {
        for description in &descriptions {
            if !texts.contains(description) {
                texts.push(description.clone());
            }
        }
        parsed.rows.push(Row { line: row.line, code, name: name.clone(), http_status, texts });
    }
}

/// The first three-digit number of a status cell: `400`, `400 Bad Request`.
fn read_status(cell: &str, line: usize, parsed: &mut Parsed) -> Option<HttpStatus> {
    if cell.is_empty() {
        return None;
    }
    let digits: String = cell.chars().take_while(char::is_ascii_digit).collect();
    let status = digits.parse().ok().and_then(HttpStatus::new);
    if status.is_none() {
        parsed.note(line, Kind::BadRow, format!("`{cell}` is not an HTTP status; ignored"));
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(header: &[&str], rows: &[&[&str]]) -> Grid {
        Grid {
            header_line: 1,
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| GridRow { line: i + 3, cells: cells.iter().map(|c| c.to_string()).collect() })
                .collect(),
        }
    }

    #[test]
    fn columns_are_found_by_meaning_not_position() {
        let parsed = parse_grids(vec![grid(
            &["Description", "HTTP Status", "Error Code", "Name"],
            &[&["Not enough quota", "403 Forbidden", "`E0042`", "QuotaExceeded"]],
        )]);
        assert_eq!(
            parsed.rows,
            [Row {
                line: 3,
                code: "E0042".into(),
                name: Some("QuotaExceeded".into()),
                http_status: HttpStatus::new(403),
                texts: vec!["Not enough quota".into()],
            }]
        );
    }

    #[test]
    fn unknown_headers_fall_back_to_a_column_of_codes() {
        let parsed = parse_grids(vec![grid(&["编号", "备注"], &[&["1001", "超时"], &["1002", "失败"]])]);
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[1].texts, ["失败"]);
    }

    #[test]
    fn tables_without_codes_are_skipped() {
        let parsed = parse_grids(vec![grid(&["版本", "日期"], &[&["新增", "四月"]])]);
        assert!(parsed.rows.is_empty());
        assert!(parsed.notes.is_empty());
    }

    #[test]
    fn a_row_without_a_code_is_noted() {
        let parsed = parse_grids(vec![grid(&["错误码", "描述"], &[&["", "孤儿行"], &["100", "ok"]])]);
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.notes[0].line, 3);
    }

    #[test]
    fn a_bad_status_is_noted_and_dropped() {
        let parsed = parse_grids(vec![grid(&["code", "status"], &[&["E1", "teapot"]])]);
        assert_eq!(parsed.rows[0].http_status, None);
        assert_eq!(parsed.notes.len(), 1);
    }
}
