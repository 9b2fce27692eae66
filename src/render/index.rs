//! Indexes across the catalog that pages other than a vendor's own need:
//! codes shared by vendors, codes by category and by HTTP status, and which
//! diagnostics concern which code. Each is built once, in near-linear time.

use std::collections::HashMap;
use std::path::Path;

use super::paths::Names;
use crate::build::Checked;
use crate::model::{Catalog, Category, Code, HttpStatus};

/// A record's place in the catalog: (vendor index, record index).
pub(crate) type At = (usize, usize);

pub(crate) struct Index<'a> {
    pub catalog: &'a Catalog,
    /// Every distinct code string, sorted, with the records that use it.
    pub codes: Vec<(&'a Code, Vec<At>)>,
    /// Records per category, in [`Category::ALL`] order.
    pub categories: Vec<Vec<At>>,
    /// Records per HTTP status, sorted by status.
    pub statuses: Vec<(HttpStatus, Vec<At>)>,
    /// For each diagnostic, the record it is about, when it points at a
    /// line that is one of a record's sources.
    pub diagnostic_records: Vec<Option<At>>,
    /// Diagnostics (by index) per record.
    pub record_diagnostics: HashMap<At, Vec<usize>>,
    /// What codes' file names depend on beyond the code.
    pub names: Names,
}

impl<'a> Index<'a> {
    pub(crate) fn new(checked: &'a Checked, input: &Path) -> Index<'a> {
        let catalog = &checked.catalog;
        let mut codes: HashMap<&Code, Vec<At>> = HashMap::new();
        let mut categories = vec![Vec::new(); Category::ALL.len()];
        let mut statuses: HashMap<HttpStatus, Vec<At>> = HashMap::new();
        let mut lines: HashMap<(&str, usize), At> = HashMap::new();
        for (v, vendor) in catalog.vendors.iter().enumerate() {
            for (r, record) in vendor.records.iter().enumerate() {
                codes.entry(&record.code).or_default().push((v, r));
                let category = checked.xref.categories[v][r].category;
                categories[category_index(category)].push((v, r));
                if let Some(status) = record.http_status {
                    statuses.entry(status).or_default().push((v, r));
                }
                for source in &record.sources {
                    lines
                        .entry((source.file.as_str(), source.line))
                        .or_insert((v, r));
                }
            }
        }
        let mut codes: Vec<_> = codes.into_iter().collect();
        codes.sort_by(|a, b| a.0.cmp(b.0));
        let mut statuses: Vec<_> = statuses.into_iter().collect();
        statuses.sort_by_key(|(status, _)| *status);

        let diagnostic_records: Vec<Option<At>> = checked
            .diagnostics
            .iter()
            .map(|d| {
                let file = d.path.strip_prefix(input).ok()?;
                let file = file.to_string_lossy().replace('\\', "/");
                lines.get(&(file.as_str(), d.line?)).copied()
            })
            .collect();
        let mut record_diagnostics: HashMap<At, Vec<usize>> = HashMap::new();
        for (i, at) in diagnostic_records.iter().enumerate() {
            if let Some(at) = at {
                record_diagnostics.entry(*at).or_default().push(i);
            }
        }
        let names = Names::new(codes.iter().map(|(code, _)| *code));
        Index {
            catalog,
            names,
            codes,
            categories,
            statuses,
            diagnostic_records,
            record_diagnostics,
        }
    }
}

pub(crate) fn category_index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("every category is in ALL")
}
