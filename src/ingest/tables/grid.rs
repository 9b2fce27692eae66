//! Tables of any origin (Markdown pipes, HTML): a grid of cell texts whose
//! columns are found by what their header means, turned into rows.

use std::collections::{HashMap, HashSet};

use super::body;
use crate::diagnostic::Kind;
use crate::ingest::headers::{self, Column};
use crate::ingest::parsed::{Parsed, Row};
use crate::ingest::text;
use crate::model::HttpStatus;

/// A table as a grid of cleaned cell texts, spans already expanded. A row
/// may have fewer cells than the header: its missing cells are empty.
/// (pulldown-cmark pads short rows only up to a budget, so that a wide
/// header over many short rows does not grow quadratically.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Grid {
    pub header_line: usize,
    pub header: Vec<String>,
    pub rows: Vec<GridRow>,
    /// The headings the table is listed under, outermost first.
    pub group: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct GridRow {
    /// 1-based line of the row in the source text.
    pub line: usize,
    pub cells: Vec<String>,
    /// Each cell's inline markup as sanitised HTML, where it has any; may
    /// be shorter than `cells`.
    pub markup: Vec<Option<String>>,
}

/// The rows of every grid whose headers name a code column. When no grid of
/// the source has one, a column of code-like cells stands in for it; grids
/// with neither are other tables (versions, contents) and are skipped.
pub(crate) fn parse_grids(grids: Vec<Grid>) -> Parsed {
    let mut parsed = Parsed::default();
    // Tables of one document with one header are read alike: which of two
    // code columns tells the errors apart is seen over all their rows.
    let mut alike: HashMap<&[String], Vec<&Grid>> = HashMap::new();
    for grid in &grids {
        alike.entry(&grid.header).or_default().push(grid);
    }
    // Worked out once per header, not once per table that has it.
    let mut columns_of: HashMap<&[String], Option<Columns>> = HashMap::new();
    let named: Vec<Option<Columns>> = grids
        .iter()
        .map(|grid| {
            let header = grid.header.as_slice();
            columns_of
                .entry(header)
                .or_insert_with(|| Columns::by_header(grid, &alike[header]))
                .clone()
        })
        .collect();
    let any_named = named.iter().any(Option::is_some);
    // One warning per file for each header no word names.
    let mut unknown: HashSet<&str> = HashSet::new();
    let mut told: HashSet<&[String]> = HashSet::new();
    // Rows under each header, over every grid that has it.
    let mut rows_under: HashMap<&[String], usize> = HashMap::new();
    for grid in &grids {
        *rows_under.entry(&grid.header).or_default() += grid.rows.len();
    }
    for (grid, columns) in grids.iter().zip(named) {
        let columns = if any_named {
            columns
        } else {
            Columns::by_content(grid)
        };
        let first = told.insert(&grid.header);
        if columns.is_none() && first {
            parsed.skipped.push((
                grid.header_line,
                format!(
                    "table headed {} has no column of codes",
                    quoted(&grid.header)
                ),
            ));
        }
        if let Some(columns) = columns {
            if first {
                let rows = rows_under[grid.header.as_slice()];
                parsed
                    .how
                    .push((grid.header_line, columns.describe(grid, rows)));
            }
            for &i in &columns.extra {
                let header = grid.header[i].as_str();
                if unknown.insert(header) {
                    parsed.note(
                        grid.header_line,
                        Kind::UnknownColumn,
                        unknown_column(header),
                    );
                }
            }
            for row in &grid.rows {
                read_row(&columns, grid, row, &mut parsed);
            }
        }
    }
    parsed
}

/// Headers as a reader sees them: `` `Code` | `Message` ``.
fn quoted(header: &[String]) -> String {
    header
        .iter()
        .map(|h| format!("`{h}`"))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn unknown_column(header: &str) -> String {
    match header {
        "" => "a column has no header; its cells are kept as extra fields".to_owned(),
        header => format!(
            "column `{header}` is not one errdocs knows (code, name, message, description, \
             solution, group, HTTP status, …); its cells are kept as extra fields under that header"
        ),
    }
}

/// Which grid columns hold what.
#[derive(Debug, Default, Clone)]
struct Columns {
    code: Option<usize>,
    business_code: Option<usize>,
    body: Option<usize>,
    name: Option<usize>,
    status: Option<usize>,
    group: Option<usize>,
    /// The columns of the code's text: its message, or the one text a
    /// table gives.
    texts: Vec<usize>,
    /// Explanations beside a message column.
    descriptions: Vec<usize>,
    solutions: Vec<usize>,
    /// Columns no header word names, kept under their header.
    extra: Vec<usize>,
    /// A code column that a more specific one took the place of, kept as
    /// an extra field: the code many errors are reported under.
    shared_code: Option<usize>,
    /// Known columns a table has twice (a second name or status), kept as
    /// extra fields under their headers, without a warning.
    again: Vec<usize>,
    /// Whether a header names the code column. Then any single token is a
    /// code (`AccessDenied`); a column guessed from content needs codes that
    /// look like codes.
    named_code: bool,
}

impl Columns {
    fn classify(grid: &Grid) -> Columns {
        let mut columns = Columns::default();
        let mut messages = Vec::new();
        let mut again = Vec::new();
        let mut take = |slot: &mut Option<usize>, i: usize| match slot {
            None => *slot = Some(i),
            Some(_) => again.push(i),
        };
        for (i, header) in grid.header.iter().enumerate() {
            match headers::classify(header) {
                Some(Column::Code) => take(&mut columns.code, i),
                Some(Column::BusinessCode) => take(&mut columns.business_code, i),
                Some(Column::ResponseBody) => take(&mut columns.body, i),
                Some(Column::Name) => take(&mut columns.name, i),
                Some(Column::HttpStatus) => take(&mut columns.status, i),
                Some(Column::Group) => take(&mut columns.group, i),
                Some(Column::Message)
                    if columns.group.is_none()
                        && headers::says_type(header)
                        && repeats(grid, i) =>
                {
                    columns.group = Some(i)
                }
                Some(Column::Message) => messages.push(i),
                Some(Column::Description) => columns.descriptions.push(i),
                Some(Column::Solution) => columns.solutions.push(i),
                None => {}
            }
        }
        columns.again = again;
        // A message and an explanation are two fields only when a table
        // has both; either alone is the code's text.
        if messages.is_empty() || columns.descriptions.is_empty() {
            columns.texts = messages;
            columns.texts.append(&mut columns.descriptions);
            columns.texts.sort_unstable();
        } else {
            columns.texts = messages;
        }
        columns.named_code = columns.has_code();
        columns
    }

    /// Which column is read as what: `` `错误码` → code, `描述` → message ``.
    /// `rows` is how many rows every grid with this header holds.
    fn describe(&self, grid: &Grid, rows: usize) -> String {
        let header = |i: usize| match grid.header.get(i).map(String::as_str) {
            None | Some("") => format!("column {}", i + 1),
            Some(h) => format!("`{h}`"),
        };
        let message = if self.descriptions.is_empty() {
            "message"
        } else {
            "message (with a description column beside it)"
        };
        let mut parts: Vec<(usize, String)> = Vec::new();
        let mut put = |column: Option<usize>, what: &str| {
            if let Some(i) = column {
                parts.push((i, format!("{} → {what}", header(i))));
            }
        };
        let code = if self.named_code {
            "code"
        } else {
            "code (no header names one; its cells look like codes)"
        };
        put(self.code, code);
        put(self.business_code, "code (a business code)");
        put(self.body, "code and message (from the response body)");
        put(self.name, "name");
        put(self.status, "HTTP status");
        put(self.group, "group");
        put(self.shared_code, "extra field (the code the rows share)");
        for &i in &self.texts {
            put(Some(i), message);
        }
        for &i in &self.descriptions {
            put(Some(i), "description");
        }
        for &i in &self.solutions {
            put(Some(i), "solution");
        }
        for &i in self.again.iter().chain(&self.extra) {
            put(Some(i), "extra field");
        }
        parts.sort_by_key(|(i, _)| *i);
        let parts: Vec<String> = parts.into_iter().map(|(_, p)| p).collect();
        let over = if rows == grid.rows.len() {
            ""
        } else {
            " (over every table or group with this header)"
        };
        format!("{rows} rows{over}: {}", parts.join(", "))
    }

    fn has_code(&self) -> bool {
        self.code.or(self.business_code).or(self.body).is_some()
    }

    fn by_header(grid: &Grid, alike: &[&Grid]) -> Option<Columns> {
        let mut columns = Columns::classify(grid);
        columns.prefer_the_distinct_code(alike);
        columns.prefer_the_distinct_name(alike);
        columns.has_code().then(|| columns.with_descriptions(grid))
    }

    /// A table with a code column and a module's or business code column
    /// beside it: when the code repeats down the rows (`4000` for every
    /// bad parameter) and the other names each row alone, the other is what
    /// tells the errors apart (`(100004) projectId is incorrect`), and the
    /// shared code is kept as an extra field.
    fn prefer_the_distinct_code(&mut self, grids: &[&Grid]) {
        let (Some(code), Some(business)) = (self.code, self.business_code) else {
            return;
        };
        let (codes, of) = distinct(grids, code);
        let (businesses, with_business) = distinct(grids, business);
        if of > 1
            && codes * 2 <= of
            && businesses * 10 >= with_business * 9
            && with_business * 10 >= of * 9
        {
            self.code = Some(business);
            self.business_code = None;
            self.shared_code = Some(code);
        }
    }

    /// A "code" column that holds a few HTTP statuses down many rows
    /// (`400` for most errors) beside a name column that tells each row
    /// apart (`ABOUT_TOO_LONG`): the statuses are what the header calls
    /// codes, and the names are what a client is told.
    fn prefer_the_distinct_name(&mut self, grids: &[&Grid]) {
        let (Some(code), Some(name), None, None) =
            (self.code, self.name, self.status, self.business_code)
        else {
            return;
        };
        let cells: Vec<&str> = grids
            .iter()
            .flat_map(|grid| &grid.rows)
            .filter_map(|row| row.cells.get(code).map(|c| strip_code(c)))
            .filter(|c| !c.is_empty())
            .collect();
        let statuses = cells.iter().filter(|c| is_status_list(c)).count();
        let (codes, of) = distinct(grids, code);
        let (names, with_name) = distinct(grids, name);
        if of > 1
            && codes * 2 <= of
            && statuses * 10 >= of * 9
            && names * 10 >= with_name * 9
            && with_name * 10 >= of * 9
        {
            self.code = Some(name);
            self.name = None;
            self.status = Some(code);
        }
    }

    fn by_content(grid: &Grid) -> Option<Columns> {
        let mut columns = Columns::classify(grid);
        if !columns.has_code() {
            let named = columns.named();
            columns.code =
                (0..grid.header.len()).find(|i| !named.contains(i) && mostly_codes(grid, *i));
        }
        columns.has_code().then(|| columns.with_descriptions(grid))
    }

    /// The columns a header word names.
    fn named(&self) -> HashSet<usize> {
        [
            self.code,
            self.business_code,
            self.body,
            self.name,
            self.status,
            self.group,
            self.shared_code,
        ]
        .into_iter()
        .flatten()
        .chain(
            [
                &self.texts,
                &self.descriptions,
                &self.solutions,
                &self.again,
            ]
            .into_iter()
            .flatten()
            .copied(),
        )
        .collect()
    }

    /// When no header names the vendor's text, the columns no header word
    /// names are the best guess for it; otherwise they are kept as extra
    /// fields.
    fn with_descriptions(mut self, grid: &Grid) -> Columns {
        let named = self.named();
        let unnamed: Vec<usize> = (0..grid.header.len())
            .filter(|i| !named.contains(i))
            .collect();
        if self.texts.is_empty() {
            self.texts = unnamed;
        } else {
            self.extra = unnamed;
        }
        self
    }
}

/// How many distinct values a column holds across `grids`, and how many
/// rows fill it.
fn distinct(grids: &[&Grid], column: usize) -> (usize, usize) {
    let cells: Vec<&str> = grids
        .iter()
        .flat_map(|grid| &grid.rows)
        .map(|row| row.cells.get(column).map_or("", |c| strip_code(c)))
        .filter(|c| !c.is_empty())
        .collect();
    let unique: HashSet<&str> = cells.iter().copied().collect();
    (unique.len(), cells.len())
}

/// Whether a cell is one or more HTTP statuses and nothing else
/// (`400`, `400 403`, `400/409`).
fn is_status_list(cell: &str) -> bool {
    let mut words = cell
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '、'))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| w.len() == 3 && w.parse().ok().and_then(HttpStatus::new).is_some())
}

/// Whether a column repeats a few values down many rows: a kind, not a
/// text of each row's own.
fn repeats(grid: &Grid, column: usize) -> bool {
    let cells: Vec<&str> = grid
        .rows
        .iter()
        .filter_map(|row| row.cells.get(column))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let distinct: HashSet<&str> = cells.iter().copied().collect();
    cells.len() >= 4 && distinct.len() * 4 <= cells.len()
}

fn mostly_codes(grid: &Grid, column: usize) -> bool {
    let cells: Vec<&str> = grid
        .rows
        .iter()
        .map(|row| row.cells.get(column).map_or("", |c| strip_code(c)))
        .filter(|c| !c.is_empty())
        .collect();
    let codes = cells.iter().filter(|c| text::is_code_like(c)).count();
    codes >= 2 && codes * 5 >= cells.len() * 4
}

/// A cell's text without the backticks Markdown writers put around codes.
fn strip_code(cell: &str) -> &str {
    cell.trim().trim_matches('`').trim()
}

fn read_row(columns: &Columns, grid: &Grid, row: &GridRow, parsed: &mut Parsed) {
    let raw = |i: usize| row.cells.get(i).map_or("", String::as_str);
    let cell = |index: Option<usize>| index.map_or("", |i| strip_code(raw(i)));
    if is_blank_or_heading(row) {
        return;
    }

    let bodies = columns
        .body
        .map(|i| body::extract(raw(i)))
        .unwrap_or_default();
    let http_statuses = read_statuses(cell(columns.status), row.line, parsed);
    let name = Some(cell(columns.name))
        .filter(|n| !n.is_empty() && !text::is_placeholder(n))
        .map(str::to_owned);
    // A cell's text as a reader sees it; `-`, `N/A` and the like say none.
    // Its inline markup, if any, is kept beside it.
    let mut markup: HashMap<String, String> = HashMap::new();
    let mut text_of = |i: usize| {
        let text = text::clean(&text::unquote_code(raw(i)));
        if text.is_empty() || text::is_placeholder(&text) {
            return None;
        }
        let html = row
            .markup
            .get(i)
            .cloned()
            .flatten()
            .or_else(|| crate::ingest::markup::backticks(raw(i)));
        if let Some(html) = html {
            markup.entry(text.clone()).or_insert(html);
        }
        Some(text)
    };
    let mut texts_of = |indices: &[usize]| -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for text in indices.iter().filter_map(|&i| text_of(i)) {
            if seen.insert(text.clone()) {
                texts.push(text);
            }
        }
        texts
    };
    let descriptions = texts_of(&columns.texts);
    let explanations = texts_of(&columns.descriptions);
    let solutions = texts_of(&columns.solutions);
    let extra: Vec<(String, String)> = columns
        .shared_code
        .iter()
        .chain(&columns.again)
        .chain(&columns.extra)
        .filter_map(|&i| Some((grid.header[i].clone(), texts_of(&[i]).pop()?)))
        .collect();
    let mut group = grid.group.clone();
    group.extend(
        Some(text::clean(cell(columns.group)))
            .filter(|g| !g.is_empty() && !text::is_placeholder(g)),
    );

    // The code a client sees is the one in the response body; a bare code
    // column comes next, a business code (a part of the full code) last.
    // A cell can hold thousands of bodies: codes are found by hash, not by
    // a scan of the ones before.
    let mut codes: Vec<(String, Vec<String>)> = Vec::new();
    let mut code_at: HashMap<&str, usize> = HashMap::new();
    for body in &bodies {
        let Some(code) = &body.code else { continue };
        let at = *code_at.entry(code).or_insert_with(|| {
            codes.push((code.clone(), Vec::new()));
            codes.len() - 1
        });
        let texts = &mut codes[at].1;
        texts.extend(
            body.message
                .iter()
                .map(|m| text::clean(m))
                .filter(|m| !m.is_empty()),
        );
    }
    if codes.is_empty() {
        let code = [cell(columns.code), cell(columns.business_code)]
            .into_iter()
            .find(|c| !c.is_empty());
        let Some(code) = code else {
            parsed.note(row.line, Kind::BadRow, "row has no code; skipped");
            return;
        };
        let valid = if columns.named_code {
            text::is_code_token(code)
        } else {
            text::is_code_like(code)
        };
        if !valid {
            parsed.note(
                row.line,
                Kind::BadRow,
                format!("`{code}` does not look like an error code; row skipped"),
            );
            return;
        }
        let texts = bodies
            .iter()
            .filter_map(|b| b.message.as_deref())
            .map(text::clean);
        codes.push((code.to_owned(), texts.filter(|m| !m.is_empty()).collect()));
    }

    for (code, mut texts) in codes {
        // By hash too: a row can have as many description columns as its
        // cell has bodies.
        let mut have: HashSet<&str> = texts.iter().map(String::as_str).collect();
        let missing: Vec<String> = descriptions
            .iter()
            .filter(|d| have.insert(d.as_str()))
            .cloned()
            .collect();
        texts.extend(missing);
        parsed.rows.push(Row {
            line: row.line,
            code,
            name: name.clone(),
            http_statuses: http_statuses.clone(),
            texts,
            descriptions: explanations.clone(),
            solutions: solutions.clone(),
            group: group.clone(),
            extra: extra.clone(),
            markup: markup.clone(),
        });
    }
}

/// An empty row, or one whose text spans the whole width (`<td colspan=3>`
/// as a section heading inside the table).
fn is_blank_or_heading(row: &GridRow) -> bool {
    let mut texts = row.cells.iter().filter(|c| !c.is_empty());
    match texts.next() {
        None => true,
        Some(first) => row.cells.len() > 1 && row.cells.iter().all(|c| c == first),
    }
}

/// Every HTTP status of a status cell, in order: each number of three
/// digits standing alone (`400`, `400 Bad Request`, `400/403`, `400, 409`,
/// `HTTP 404`).
fn read_statuses(cell: &str, line: usize, parsed: &mut Parsed) -> Vec<HttpStatus> {
    if cell.is_empty() || text::is_placeholder(cell) {
        return Vec::new();
    }
    let mut statuses = Vec::new();
    for number in cell.split(|c: char| !c.is_ascii_digit()) {
        let status = (number.len() == 3)
            .then(|| number.parse().ok().and_then(HttpStatus::new))
            .flatten();
        if let Some(status) = status.filter(|s| !statuses.contains(s)) {
            statuses.push(status);
        }
    }
    if statuses.is_empty() {
        parsed.note(
            line,
            Kind::BadRow,
            format!("`{cell}` is not an HTTP status; ignored"),
        );
    }
    statuses
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
                .map(|(i, cells)| GridRow {
                    line: i + 3,
                    cells: cells.iter().map(|c| c.to_string()).collect(),
                    markup: Vec::new(),
                })
                .collect(),
            group: Vec::new(),
        }
    }

    #[test]
    fn columns_are_found_by_meaning_not_position() {
        let parsed = parse_grids(vec![grid(
            &["Description", "HTTP Status", "Error Code", "Name"],
            &[&[
                "Not enough quota",
                "403 Forbidden",
                "`E0042`",
                "QuotaExceeded",
            ]],
        )]);
        assert_eq!(
            parsed.rows,
            [Row {
                line: 3,
                code: "E0042".into(),
                name: Some("QuotaExceeded".into()),
                http_statuses: HttpStatus::new(403).into_iter().collect(),
                texts: vec!["Not enough quota".into()],
                ..Row::default()
            }]
        );
    }

    #[test]
    fn a_code_column_of_few_statuses_gives_way_to_distinct_names() {
        let rows: &[&[&str]] = &[
            &["ABOUT_TOO_LONG", "400", "The bio is too long"],
            &["AUTH_KEY_UNREGISTERED", "401", "The key is not registered"],
            &["CHAT_WRITE_FORBIDDEN", "400 403", "You can't write here"],
            &["PEER_FLOOD", "", "Too many requests"],
            &["USER_ID_INVALID", "400", "Invalid user"],
            &["USERNAME_INVALID", "400", "Invalid username"],
            &["PHONE_INVALID", "400", "Invalid phone"],
        ];
        let parsed = parse_grids(vec![grid(&["name", "codes", "description"], rows)]);
        let got: Vec<(&str, Vec<u16>)> = parsed
            .rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.http_statuses.iter().map(|s| s.get()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("ABOUT_TOO_LONG", vec![400]),
                ("AUTH_KEY_UNREGISTERED", vec![401]),
                ("CHAT_WRITE_FORBIDDEN", vec![400, 403]),
                ("PEER_FLOOD", vec![]),
                ("USER_ID_INVALID", vec![400]),
                ("USERNAME_INVALID", vec![400]),
                ("PHONE_INVALID", vec![400]),
            ]
        );
        assert!(parsed.rows.iter().all(|r| r.name.is_none()));
        // Codes that tell the rows apart keep their column, names or not.
        let rows: &[&[&str]] = &[
            &["TooLong", "400", "a"],
            &["Unregistered", "401", "b"],
            &["Forbidden", "403", "c"],
            &["Flood", "420", "d"],
        ];
        let parsed = parse_grids(vec![grid(&["name", "code", "message"], rows)]);
        assert_eq!(parsed.rows[0].code, "400");
        assert_eq!(parsed.rows[0].name.as_deref(), Some("TooLong"));
    }

    #[test]
    fn unknown_headers_fall_back_to_a_column_of_codes() {
        let parsed = parse_grids(vec![grid(
            &["编号", "备注"],
            &[&["1001", "超时"], &["1002", "失败"]],
        )]);
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].code, "1001");
        assert_eq!(parsed.rows[1].texts, ["失败"]);
    }

    #[test]
    fn tables_without_codes_are_skipped() {
        let parsed = parse_grids(vec![grid(&["版本", "日期"], &[&["新增", "四月"]])]);
        assert!(parsed.rows.is_empty());
        assert!(parsed.notes.is_empty());
    }

    #[test]
    fn other_tables_beside_a_named_one_are_not_guessed_at() {
        let parsed = parse_grids(vec![
            grid(&["Error Code", "Message"], &[&["E1", "bad"]]),
            grid(
                &["Version", "Date"],
                &[&["1.2", "2024-01-01"], &["1.3", "2024-02-01"]],
            ),
        ]);
        assert_eq!(parsed.rows.len(), 1);
    }

    #[test]
    fn a_named_code_column_takes_codes_without_digits() {
        let parsed = parse_grids(vec![grid(
            &["错误码", "描述"],
            &[&["AccessDenied", "拒绝访问"], &["Bad code", "x"]],
        )]);
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].code, "AccessDenied");
        assert_eq!(parsed.notes.len(), 1);
    }

    #[test]
    fn a_full_width_row_is_a_section_heading() {
        let parsed = parse_grids(vec![grid(
            &["code", "msg"],
            &[&["服务端错误", "服务端错误"], &["E1", "x"]],
        )]);
        assert_eq!(parsed.rows.len(), 1);
        assert!(parsed.notes.is_empty());
    }

    #[test]
    fn a_row_without_a_code_is_noted() {
        let parsed = parse_grids(vec![grid(
            &["错误码", "描述"],
            &[&["", "孤儿行"], &["100", "ok"]],
        )]);
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.notes[0].line, 3);
    }

    #[test]
    fn cells_missing_from_a_short_row_read_as_empty() {
        let mut grids = vec![grid(
            &["错误码", "描述", "返回消息体", "说明"],
            &[&["E1", "坏了"], &["E2"]],
        )];
        // As pulldown-cmark leaves rows past its padding budget.
        grids[0].rows[1].cells.truncate(1);
        let parsed = parse_grids(grids);
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].texts, ["坏了"]);
        assert!(parsed.rows[1].texts.is_empty());
    }

    #[test]
    fn thousands_of_bodies_in_one_cell_take_linear_time() {
        let bodies: String = (0..40_000).map(|i| format!("{{code:{i}}}")).collect();
        let start = std::time::Instant::now();
        let parsed = parse_grids(vec![grid(&["返回消息体"], &[&[&bodies]])]);
        assert_eq!(parsed.rows.len(), 40_000);
        // Each code was looked for among all before it: 20 s unoptimised.
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn a_bad_status_is_noted_and_dropped() {
        let parsed = parse_grids(vec![grid(&["code", "status"], &[&["E1", "teapot"]])]);
        assert!(parsed.rows[0].http_statuses.is_empty());
        assert_eq!(parsed.notes.len(), 1);
    }
}
