//! What every format parser hands back: rows found in one source text, and
//! notes about lines it could not read. Parsers know nothing of vendors,
//! files or languages; [`crate::ingest`] does the rest.

use std::collections::HashMap;

use crate::diagnostic::Kind;
use crate::model::HttpStatus;

/// One entry a parser found, before merging into the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Row {
    /// 1-based line of the entry in the source text.
    pub line: usize,
    /// The code as the client sees it, already trimmed.
    pub code: String,
    /// A symbolic name (`InvalidUserToken`, `VOL_NAME_CONFLICT`).
    pub name: Option<String>,
    /// Every status the entry gives (`400/403`), in its order.
    pub http_statuses: Vec<HttpStatus>,
    /// The vendor's texts for the code, whitespace-cleaned, in any language;
    /// more than one when the source gives alternatives.
    pub texts: Vec<String>,
    /// Explanations given beside a message, in a column of their own.
    pub descriptions: Vec<String>,
    /// What to do about the code.
    pub solutions: Vec<String>,
    /// The section the entry is listed under, outermost first.
    pub group: Vec<String>,
    /// Cells of columns no header word names: (header, text).
    pub extra: Vec<(String, String)>,
    /// The texts above that have inline markup, each with it as sanitised
    /// HTML: text → HTML.
    pub markup: HashMap<String, String>,
}

/// A problem at one line of the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub line: usize,
    pub kind: Kind,
    pub message: String,
}

/// The result of running one parser over one source text. No rows means the
/// parser found nothing of its shape there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Parsed {
    pub rows: Vec<Row>,
    pub notes: Vec<Note>,
    /// How the reader read what it found (`table at line 3: \`Code\` →
    /// code, …`), by line: what `errdocs inspect` shows.
    pub how: Vec<(usize, String)>,
    /// What the reader passed over on purpose, and why (a table with no
    /// code column, a constant that is a version): shown by `errdocs
    /// inspect`, and no warning.
    pub skipped: Vec<(usize, String)>,
}

impl Parsed {
    pub(crate) fn note(&mut self, line: usize, kind: Kind, message: impl Into<String>) {
        self.notes.push(Note {
            line,
            kind,
            message: message.into(),
        });
    }
}
