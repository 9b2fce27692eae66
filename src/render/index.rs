//! Indexes across the catalog that pages other than a vendor's own need:
//! codes shared by vendors, codes by category and by HTTP status, and which
//! diagnostics concern which code. Each is built once, in near-linear time.

use std::collections::BTreeMap;
use std::path::Path;

use ahash::AHashMap;
use rayon::prelude::*;

use super::paths::Names;
use crate::diagnostic::Diagnostic;
use crate::history::{History, Timeline};
use crate::model::{Bilingual, Catalog, Category, Code, HttpStatus, Lang, Record, Vendor};
use crate::xref::Checked;

/// A record's place in the catalog: (vendor index, record index).
pub(crate) type At = (usize, usize);

pub(crate) struct Index<'a> {
    pub catalog: &'a Catalog,
    /// Every distinct code string, sorted, with the records that use it.
    pub codes: Vec<(&'a Code, Vec<At>)>,
    /// How many records use each record's code, by `[vendor][record]`.
    pub code_users: Vec<Vec<usize>>,
    /// Records per category, in [`Category::ALL`] order.
    pub categories: Vec<Vec<At>>,
    /// Records per HTTP status, sorted by status.
    pub statuses: Vec<(HttpStatus, Vec<At>)>,
    /// For each diagnostic, the record it is about, when it points at a
    /// line that is one of a record's sources.
    pub diagnostic_records: Vec<Option<At>>,
    /// Diagnostics (by index) per record.
    pub record_diagnostics: AHashMap<At, Vec<usize>>,
    /// What codes' file names depend on beyond the code.
    pub names: Names,
    /// Where each record's group is among its vendor's groups, in each
    /// language, by `[vendor][record]`.
    pub groups: Vec<Vec<Bilingual<Option<usize>>>>,
    /// The releases, what changed between them and the retired codes.
    pub timeline: Timeline<'a>,
    /// Each record's place in [`Timeline::codes`], by `[vendor][record]`.
    pub story: Vec<Vec<usize>>,
    /// The vendors that only retired codes still name: gone from the
    /// input, in id order.
    pub gone_vendors: Vec<&'a crate::model::VendorId>,
    /// Each vendor's page as its sections list the codes, per language.
    pub layouts: Vec<Bilingual<Layout>>,
}

/// A vendor's codes in the order its page lists them: section by section,
/// its groups in the page's language first, then the groups of codes
/// grouped only in the other language, then the ungrouped codes; each
/// section in the vendor's order. A long list is cut into pages of this
/// order, so where a code is tells which page lists it.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// Record indices.
    pub order: Vec<usize>,
    /// Each section that has codes: its group (the language of its name
    /// and its place among the vendor's groups in that language), `None`
    /// for the ungrouped codes, and where it starts in `order`.
    pub sections: Vec<(Option<(Lang, usize)>, usize)>,
    /// Each record's place in `order`, by record index.
    pub position: Vec<usize>,
}

impl Layout {
    /// The range of `order` that section `s` takes.
    pub(crate) fn section_range(&self, s: usize) -> std::ops::Range<usize> {
        let start = self.sections[s].1;
        let end = self
            .sections
            .get(s + 1)
            .map_or(self.order.len(), |next| next.1);
        start..end
    }
}

impl<'a> Index<'a> {
    pub(crate) fn new(checked: &'a Checked, history: &'a History, input: &Path) -> Index<'a> {
        let catalog = &checked.catalog;
        let timeline = Timeline::new(history, catalog);
        let (
            ((codes, code_users, names), (categories, statuses)),
            (diagnostic_records, record_diagnostics),
        ) = rayon::join(
            || {
                rayon::join(
                    || {
                        let codes = shared_codes(catalog);
                        let users = code_users(catalog, &codes);
                        // Retired codes keep their pages beside the current
                        // ones: their names count as case twins too.
                        let retired = timeline
                            .tombstones
                            .iter()
                            .map(|t| &timeline.tombstone_entry(t).code);
                        let names = Names::new(codes.iter().map(|(code, _)| *code).chain(retired));
                        (codes, users, names)
                    },
                    || by_category_and_status(checked),
                )
            },
            || diagnostics_by_record(catalog, &checked.diagnostics, input),
        );
        let story = story(catalog, &timeline);
        let mut gone_vendors: Vec<&crate::model::VendorId> = timeline
            .tombstones
            .iter()
            .map(|t| &timeline.tombstone_entry(t).vendor)
            .filter(|id| !catalog.vendors.iter().any(|v| &v.id == *id))
            .collect();
        gone_vendors.dedup();
        let groups = group_places(catalog);
        let layouts = catalog
            .vendors
            .par_iter()
            .zip(&groups)
            .map(|(vendor, places)| Bilingual {
                en: layout(vendor, places, Lang::En),
                zh: layout(vendor, places, Lang::Zh),
            })
            .collect();
        Index {
            catalog,
            groups,
            layouts,
            timeline,
            story,
            gone_vendors,
            names,
            codes,
            code_users,
            categories,
            statuses,
            diagnostic_records,
            record_diagnostics,
        }
    }
}

/// Each record's place in the timeline's snapshot of the input, which is
/// sorted by vendor id and code, not in catalog order.
fn story(catalog: &Catalog, timeline: &Timeline) -> Vec<Vec<usize>> {
    let place: AHashMap<(&str, &str), usize> = timeline
        .current
        .iter()
        .enumerate()
        .map(|(i, e)| ((e.vendor.as_str(), e.code.as_str()), i))
        .collect();
    catalog
        .vendors
        .iter()
        .map(|vendor| {
            vendor
                .records
                .iter()
                .map(|r| place[&(vendor.id.as_str(), r.code.as_str())])
                .collect()
        })
        .collect()
}

/// Each record's group as a place in its vendor's list of groups: a map
/// per vendor, not a search per record, since every code may have a group
/// of its own.
fn group_places(catalog: &Catalog) -> Vec<Vec<Bilingual<Option<usize>>>> {
    catalog
        .vendors
        .par_iter()
        .map(|vendor| {
            let places = Lang::ALL.map(|lang| {
                let groups = vendor.groups.get(lang);
                let at: AHashMap<&[String], usize> = groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| (g.as_slice(), i))
                    .collect();
                at
            });
            vendor
                .records
                .iter()
                .map(|record| {
                    let place = |lang: Lang, at: &AHashMap<&[String], usize>| {
                        at.get(record.group.get(lang).as_slice()).copied()
                    };
                    Bilingual {
                        en: place(Lang::En, &places[0]),
                        zh: place(Lang::Zh, &places[1]),
                    }
                })
                .collect()
        })
        .collect()
}

/// How a vendor's page in `lang` lists its codes: a bucket per section,
/// in linear time however many groups there are.
fn layout(vendor: &Vendor, places: &[Bilingual<Option<usize>>], lang: Lang) -> Layout {
    let own = vendor.groups.get(lang).len();
    let other = vendor.groups.get(lang.other()).len();
    // Section numbers: this language's groups, the other's, then none.
    let section =
        |place: &Bilingual<Option<usize>>| match (*place.get(lang), *place.get(lang.other())) {
            (Some(at), _) => at,
            (None, Some(at)) => own + at,
            (None, None) => own + other,
        };
    let mut starts = vec![0; own + other + 2];
    for place in places {
        starts[section(place) + 1] += 1;
    }
    for s in 1..starts.len() {
        starts[s] += starts[s - 1];
    }
    let mut next = starts.clone();
    let mut order = vec![0; places.len()];
    let mut position = vec![0; places.len()];
    for (r, place) in places.iter().enumerate() {
        let s = section(place);
        order[next[s]] = r;
        position[r] = next[s];
        next[s] += 1;
    }
    let sections = (0..own + other + 1)
        .filter(|&s| starts[s + 1] > starts[s])
        .map(|s| {
            let group = match s {
                s if s < own => Some((lang, s)),
                s if s < own + other => Some((lang.other(), s - own)),
                _ => None,
            };
            (group, starts[s])
        })
        .collect();
    Layout {
        order,
        sections,
        position,
    }
}

/// Every record's place, in catalog order.
fn places(catalog: &Catalog) -> impl Iterator<Item = (At, &Record)> {
    catalog.vendors.iter().enumerate().flat_map(|(v, vendor)| {
        (vendor.records.iter().enumerate()).map(move |(r, record)| ((v, r), record))
    })
}

/// Every distinct code, sorted, with its records in catalog order: a sort
/// rather than a map, since distinct codes never compare equal.
fn shared_codes(catalog: &Catalog) -> Vec<(&Code, Vec<At>)> {
    let mut all: Vec<(&Code, At)> = places(catalog).map(|(at, r)| (&r.code, at)).collect();
    // Stable, so each code's records keep their catalog order.
    all.par_sort_by(|a, b| a.0.cmp(b.0));
    let mut codes: Vec<(&Code, Vec<At>)> = Vec::new();
    for (code, at) in all {
        match codes.last_mut() {
            Some((last, ats)) if *last == code => ats.push(at),
            _ => codes.push((code, vec![at])),
        }
    }
    codes
}

/// How many records use each record's code: every code page says so, and
/// looking it up in `codes` would be a binary search through memory far
/// apart.
fn code_users(catalog: &Catalog, codes: &[(&Code, Vec<At>)]) -> Vec<Vec<usize>> {
    let mut users: Vec<Vec<usize>> = catalog
        .vendors
        .iter()
        .map(|v| vec![1; v.records.len()])
        .collect();
    for (_, ats) in codes {
        for &(v, r) in ats {
            users[v][r] = ats.len();
        }
    }
    users
}

type ByCategory = Vec<Vec<At>>;
type ByStatus = Vec<(HttpStatus, Vec<At>)>;

fn by_category_and_status(checked: &Checked) -> (ByCategory, ByStatus) {
    let mut categories = vec![Vec::new(); Category::ALL.len()];
    let mut statuses: BTreeMap<HttpStatus, Vec<At>> = BTreeMap::new();
    for ((v, r), record) in places(&checked.catalog) {
        let category = checked.xref.categories[v][r].category;
        categories[category_index(category)].push((v, r));
        // A code returned with several statuses is listed under each.
        for &status in &record.http_statuses {
            statuses.entry(status).or_default().push((v, r));
        }
    }
    (categories, statuses.into_iter().collect())
}

/// For each diagnostic, the first record (in catalog order) with a source
/// at its file and line; and per record, its diagnostics.
fn diagnostics_by_record(
    catalog: &Catalog,
    diagnostics: &[Diagnostic],
    input: &Path,
) -> (Vec<Option<At>>, AHashMap<At, Vec<usize>>) {
    // Each diagnostic's file (relative, with `/`) and line.
    let keys: Vec<Option<(String, usize)>> = diagnostics
        .iter()
        .map(|d| {
            let file = d.path.strip_prefix(input).ok()?;
            Some((file.to_string_lossy().replace('\\', "/"), d.line?))
        })
        .collect();
    let mut wanted: AHashMap<(String, usize), Option<At>> = keys
        .iter()
        .flatten()
        .map(|key| (key.clone(), None))
        .collect();
    if !wanted.is_empty() {
        let mut key = (String::new(), 0);
        for (at, record) in places(catalog) {
            for source in &record.sources {
                key.0.clear();
                key.0.push_str(&source.file);
                key.1 = source.line;
                if let Some(first @ None) = wanted.get_mut(&key) {
                    *first = Some(at);
                }
            }
        }
    }
    let diagnostic_records: Vec<Option<At>> =
        keys.iter().map(|key| *wanted.get(key.as_ref()?)?).collect();
    let mut record_diagnostics: AHashMap<At, Vec<usize>> = AHashMap::new();
    for (i, at) in diagnostic_records.iter().enumerate() {
        if let Some(at) = at {
            record_diagnostics.entry(*at).or_default().push(i);
        }
    }
    (diagnostic_records, record_diagnostics)
}

pub(crate) fn category_index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("every category is in ALL")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Kind, Severity};
    use crate::model::{Lang, Vendor};

    fn vendor(id: &str, codes: &[(&str, usize)]) -> Vendor {
        let records = codes.iter().map(|&(code, line)| {
            Record::for_test(code).row(&format!("{id}/codes.md"), line, Lang::En)
        });
        Vendor::for_test(id, records.collect())
    }

    #[test]
    fn shared_codes_are_sorted_with_their_records_in_catalog_order() {
        let catalog = Catalog {
            vendors: vec![
                vendor("a", &[("10", 1), ("7", 2), ("b", 3)]),
                vendor("b", &[("007", 1), ("7", 2), ("B", 3), ("10", 4)]),
            ],
        };
        let shared = shared_codes(&catalog);
        assert_eq!(
            code_users(&catalog, &shared),
            [vec![2, 2, 1], vec![1, 2, 1, 2]]
        );
        let codes: Vec<(&str, Vec<At>)> = shared
            .into_iter()
            .map(|(code, at)| (code.as_str(), at))
            .collect();
        assert_eq!(
            codes,
            [
                ("7", vec![(0, 1), (1, 1)]),
                ("007", vec![(1, 0)]),
                ("10", vec![(0, 0), (1, 3)]),
                ("B", vec![(1, 2)]),
                ("b", vec![(0, 2)]),
            ]
        );
    }

    #[test]
    fn a_diagnostic_belongs_to_the_first_record_at_its_line() {
        // Two records from one line (a row naming two codes), one from another file.
        let mut catalog = Catalog {
            vendors: vec![vendor("a", &[("1", 5), ("2", 5), ("3", 9)])],
        };
        catalog.vendors[0].records[2].sources[0].file = "a/other.md".into();
        let input = Path::new("/in");
        let at = |file: &str, line| {
            Diagnostic::new(
                Severity::Warning,
                Kind::NoCodes,
                input.join(file),
                line,
                "x",
            )
        };
        let diagnostics = [
            at("a/codes.md", Some(5)),
            at("a/codes.md", Some(9)),
            at("a/other.md", Some(9)),
            at("a/codes.md", None),
            Diagnostic::new(
                Severity::Warning,
                Kind::NoCodes,
                "/elsewhere/a/codes.md",
                Some(5),
                "x",
            ),
            at("a/other.md", Some(9)),
        ];
        let (records, by_record) = diagnostics_by_record(&catalog, &diagnostics, input);
        assert_eq!(
            records,
            [Some((0, 0)), None, Some((0, 2)), None, None, Some((0, 2))]
        );
        assert_eq!(by_record.get(&(0, 0)), Some(&vec![0]));
        assert_eq!(by_record.get(&(0, 2)), Some(&vec![2, 5]));
        assert_eq!(by_record.len(), 2);
    }
}
