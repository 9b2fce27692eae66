//! CSV and TSV exports: the first record is the header, each other record
//! a row, read with the `csv` crate (quoting, embedded line breaks and
//! `""` escapes as RFC 4180 has them).
//!
//! Text that merely holds commas is not a CSV file: every record must have
//! the header's width, of two fields or more, and a header word must name a
//! code column. What is not a CSV file gives no rows.

use crate::ingest::headers::{self, Column};
use crate::ingest::parsed::Parsed;
use crate::ingest::tables::grid::{self, Grid, GridRow};

pub(crate) fn parse(src: &str) -> Parsed {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let Some(grid) = grid(src) else {
        return Parsed::default();
    };
    grid::parse_grids(vec![grid])
}

/// The delimiter of the first line: a tab where it has more tabs than
/// commas (TSV), else a comma.
fn delimiter(src: &str) -> u8 {
    let first = src.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    if count('\t') > count(',') {
        b'\t'
    } else {
        b','
    }
}

fn grid(src: &str) -> Option<Grid> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter(src))
        .has_headers(false)
        .flexible(false)
        .from_reader(src.as_bytes());
    let mut records = reader.records();
    let header = records.next()?.ok()?;
    if header.len() < 2 {
        return None;
    }
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let header: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let names_code = header.iter().any(|h| {
        matches!(
            headers::classify(h),
            Some(Column::Code | Column::BusinessCode)
        )
    });
    if !names_code {
        return None;
    }
    let mut rows = Vec::new();
    for record in records {
        // A record of another width, or bytes that are not text, make the
        // file something else.
        let record = record.ok()?;
        rows.push(GridRow {
            line: record.position().map_or(header_line, |p| p.line() as usize),
            cells: record.iter().map(crate::ingest::text::clean).collect(),
            markup: Vec::new(),
        });
    }
    Some(Grid {
        header_line,
        header,
        rows,
        group: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_export_is_read_by_its_header() {
        let src = "错误码,错误信息,处理建议\n1001,\"参数错误, 请检查\",检查参数\n1002,系统繁忙,\"稍后\n重试\"\n";
        let parsed = parse(src);
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].code, "1001");
        assert_eq!(parsed.rows[0].texts, ["参数错误, 请检查"]);
        assert_eq!(parsed.rows[1].solutions, ["稍后 重试"]);
        assert_eq!(parsed.rows[1].line, 3);
    }

    #[test]
    fn tabs_make_a_tsv() {
        let parsed = parse("code\tmessage\nE1\tbad, very bad\n");
        assert_eq!(parsed.rows[0].texts, ["bad, very bad"]);
    }

    #[test]
    fn text_with_commas_is_no_csv() {
        assert!(
            parse("# Errors\n\nIf it fails, retry, then call us.\n")
                .rows
                .is_empty()
        );
        assert!(parse("code,message\nE1,a\nE2,b,c\n").rows.is_empty());
        assert!(parse("name,value\nport,80\n").rows.is_empty());
    }
}
