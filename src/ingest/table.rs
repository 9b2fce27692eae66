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

/// Rows of every grid whose columns include a code. Not implemented yet.
pub(crate) fn parse_grids(_grids: Vec<Grid>) -> Parsed {
    Parsed::default()
}
