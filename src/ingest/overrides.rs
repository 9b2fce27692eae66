//! `categories.toml` in a vendor's folder: a maintainer's category for the
//! codes the rules get wrong, one `"code" = "CATEGORY"` line each.

use std::path::Path;

use super::editorial::{position, read_table};
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::{Category, CategoryOverride, Code, Record};

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
    let Some(entries) = read_table::<Category>(&path, diagnostics) else {
        return Vec::new();
    };
    let mut overrides = Vec::new();
    for (code, category, line) in entries {
        if position(records, &code).is_none() {
            diagnostics.push(Diagnostic::warning(
                Kind::Config,
                &path,
                Some(line),
                format!("code `{code}` is not one of this vendor's codes; override ignored"),
            ));
            continue;
        }
        overrides.push(CategoryOverride {
            code: Code::new(code),
            category,
            file: file.to_owned(),
            line,
        });
    }
    overrides
}
