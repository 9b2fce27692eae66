//! `categories.toml` in a vendor's folder: a maintainer's category for the
//! codes the rules get wrong, one `"code" = "CATEGORY"` line each.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Kind};
use crate::fs;
use crate::model::{Category, CategoryOverride, Code, Record};

use super::text::LineIndex;

/// The file's name in a vendor folder.
pub const FILE: &str = "categories.toml";

/// The overrides of the vendor in `dir`, if it has the file; `file` is its
/// name relative to the input directory.
pub(crate) fn read(
    dir: &Path,
    file: &str,
    records: &[Record],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<CategoryOverride> {
    let path = dir.join(FILE);
    if !path.is_file() {
        return Vec::new();
    }
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            diagnostics.push(Diagnostic::error(Kind::Io, &path, None, err.to_string()));
            return Vec::new();
        }
    };
    let table: BTreeMap<String, toml::Spanned<Category>> = match toml::from_str(&text) {
        Ok(table) => table,
        Err(err) => {
            let line = err
                .span()
                .map(|span| LineIndex::new(&text).line(span.start));
            diagnostics.push(Diagnostic::error(
                Kind::Config,
                &path,
                line,
                err.message().to_owned(),
            ));
            return Vec::new();
        }
    };
    let lines = LineIndex::new(&text);
    let mut overrides: Vec<CategoryOverride> = table
        .into_iter()
        .map(|(code, category)| {
            let line = lines.line(category.span().start);
            CategoryOverride {
                code: Code::new(code),
                category: category.into_inner(),
                file: file.to_owned(),
                line,
            }
        })
        .collect();
    overrides.sort_by_key(|o| o.line);
    for o in &overrides {
        if !records.iter().any(|r| r.code == o.code) {
            diagnostics.push(Diagnostic::warning(
                Kind::Config,
                &path,
                Some(o.line),
                format!(
                    "code `{}` is not one of this vendor's codes; override ignored",
                    o.code
                ),
            ));
        }
    }
    overrides
}
