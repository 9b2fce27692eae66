//! Codes and messages inside response-body examples written in a table cell.

/// One response body found in a cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Body {
    pub code: Option<String>,
    pub message: Option<String>,
}

/// Every body written in `cell`, in order. Not implemented yet.
pub(crate) fn extract(_cell: &str) -> Vec<Body> {
    Vec::new()
}
