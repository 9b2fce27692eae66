//! Diagnostics: problems found in the input, each with a place and a kind.
//!
//! Ingest collects them instead of stopping at the first one; the caller
//! prints them all, then chooses the exit code.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing, already taken care of: shown by `check` and on the
    /// report page, counted by `build`.
    Note,
    Warning,
    Error,
}

/// What went wrong, as a stable word shown in brackets: `warning[duplicate-code]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// vendor.toml cannot be read or says something invalid.
    Config,
    /// A file cannot be read.
    Io,
    /// A source is not in the encoding it should be in.
    Encoding,
    /// A source holds no table or list that errdocs can read.
    NoCodes,
    /// A row or line that looked like an entry but could not be read.
    BadRow,
    /// A table column whose header no header word names; its cells are
    /// kept as extra fields.
    UnknownColumn,
    /// The same code twice in one source with different texts.
    DuplicateCode,
    /// Two sources give one code different names or HTTP statuses.
    Conflict,
    /// A code has the vendor's text in one language only.
    OneLanguage,
    /// One vendor gives two different codes the same text in one language.
    SameText,
    /// A code has no text in any language.
    EmptyText,
    /// A text is written in another language than its source declares.
    WrongLanguage,
    /// A code's English and Chinese texts likely mean different things.
    Disagreement,
    /// A translation or editor's note that does not fit the vendor's codes.
    Translation,
    /// A message far longer than a message is: usually a table read wrong.
    /// Page metadata shows its start.
    LongText,
}

impl Kind {
    pub const ALL: [Kind; 15] = [
        Kind::Config,
        Kind::Io,
        Kind::Encoding,
        Kind::NoCodes,
        Kind::BadRow,
        Kind::UnknownColumn,
        Kind::DuplicateCode,
        Kind::Conflict,
        Kind::OneLanguage,
        Kind::SameText,
        Kind::EmptyText,
        Kind::WrongLanguage,
        Kind::Disagreement,
        Kind::Translation,
        Kind::LongText,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Config => "config",
            Kind::Io => "io",
            Kind::Encoding => "encoding",
            Kind::NoCodes => "no-codes",
            Kind::BadRow => "bad-row",
            Kind::UnknownColumn => "unknown-column",
            Kind::DuplicateCode => "duplicate-code",
            Kind::Conflict => "conflict",
            Kind::OneLanguage => "one-language",
            Kind::SameText => "same-text",
            Kind::EmptyText => "empty-text",
            Kind::LongText => "long-text",
            Kind::WrongLanguage => "wrong-language",
            Kind::Disagreement => "disagreement",
            Kind::Translation => "translation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        kind: Kind,
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        let (path, message) = (path.into(), message.into());
        Diagnostic {
            severity,
            kind,
            path,
            line,
            message,
        }
    }

    pub fn error(
        kind: Kind,
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::new(Severity::Error, kind, path, line, message)
    }

    pub fn warning(
        kind: Kind,
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::new(Severity::Warning, kind, path, line, message)
    }

    /// A TOML file that does not parse, or says what it may not, as an
    /// error at the line the parser points to.
    pub fn toml(path: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
        let line = err.span().map(|span| line_at(text, span.start));
        Diagnostic::error(Kind::Config, path, line, toml_message(err.message()))
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The 1-based line of byte `offset` in `text`, for a parser that gives
/// byte offsets (TOML's spans).
pub fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The known name nearest to `wanted`, when one is near enough to be what
/// was meant: `titel` → `title`.
pub fn nearest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(wanted, name), name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, name)| name)
}

/// A TOML file's error, with a "did you mean" when it is an unknown key
/// near a known one (serde names them: "unknown field `titel`, expected
/// one of `title`, `description`").
pub fn toml_message(message: &str) -> String {
    let message = message.trim_end();
    let suggestion = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .and_then(|(wanted, rest)| {
            let known = rest.split('`').skip(1).step_by(2);
            nearest(wanted, known)
        });
    match suggestion {
        Some(name) => format!("{message}; did you mean `{name}`?"),
        None => message.to_owned(),
    }
}

/// `input/polaris/error-codes.zh.md:42: warning[duplicate-code]: …`
///
/// Control characters in the path or message (a file or folder named with
/// an escape sequence) are written escaped, so printing a diagnostic never
/// drives the terminal.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_visible(f, &self.path.display().to_string())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let severity = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, ": {severity}[{}]: ", self.kind.as_str())?;
        write_visible(f, &self.message)
    }
}

/// `text` with control characters escaped; the runs between them are
/// written whole (a big catalog prints tens of thousands of lines).
fn write_visible(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|(_, c)| c.is_control()) {
        f.write_str(&rest[..at])?;
        write!(f, "{}", c.escape_default())?;
        rest = &rest[at + c.len_utf8()..];
    }
    f.write_str(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        let diagnostic = Diagnostic::error(
            Kind::Config,
            "input/\u{1b}[2Jevil",
            Some(3),
            "folder `\u{1b}[31m` is not valid",
        );
        assert_eq!(
            diagnostic.to_string(),
            "input/\\u{1b}[2Jevil:3: error[config]: folder `\\u{1b}[31m` is not valid"
        );
    }
}
