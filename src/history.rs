//! The catalog over time: the releases recorded under `input/releases/`,
//! what changed from one to the next, and what each code's history is.
//!
//! A release is a snapshot of every vendor's codes (`file.rs` reads and
//! writes the file format). Nothing here reads the clock or git: a build
//! sees the releases and the current input, and the history is a function
//! of them.

mod file;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use ahash::AHashMap;
use serde::Serialize;

pub use self::file::{
    RELEASES_DIR, ReleaseError, check_date, check_label, format_release, read, release_path,
};
use crate::model::{Catalog, Code, Lang, VendorId, natural_cmp};

/// A code as a release records it: what a reader of a retired code needs
/// to see again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Entry {
    pub vendor: VendorId,
    pub code: Code,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Texts::is_empty")]
    pub message: Texts,
    #[serde(skip_serializing_if = "Texts::is_empty")]
    pub description: Texts,
    #[serde(skip_serializing_if = "Texts::is_empty")]
    pub solution: Texts,
}

/// A text in each language the vendor gave it in: the first one of each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Texts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
}

impl Texts {
    pub fn is_empty(&self) -> bool {
        self.en.is_none() && self.zh.is_none()
    }

    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.en.as_deref(),
            Lang::Zh => self.zh.as_deref(),
        }
    }

    /// The text in `lang`, else the one in the other language, with the
    /// language it is in.
    pub fn shown(&self, lang: Lang) -> Option<(&str, Lang)> {
        [lang, lang.other()]
            .into_iter()
            .find_map(|l| Some((self.get(l)?, l)))
    }
}

impl Entry {
    /// The order of a release file and of every snapshot: by vendor id,
    /// then by code in its natural order.
    pub fn cmp_key(&self, other: &Entry) -> Ordering {
        self.vendor
            .cmp(&other.vendor)
            .then_with(|| self.code.cmp(&other.code))
    }

    /// Which of the fields a reader sees differ between two records of
    /// one code.
    pub fn changed_fields(&self, newer: &Entry) -> Vec<Field> {
        let mut fields = Vec::new();
        if self.name != newer.name {
            fields.push(Field::Name);
        }
        if self.status != newer.status {
            fields.push(Field::Status);
        }
        if self.message != newer.message {
            fields.push(Field::Message);
        }
        if self.description != newer.description {
            fields.push(Field::Description);
        }
        if self.solution != newer.solution {
            fields.push(Field::Solution);
        }
        fields
    }
}

/// A field of an [`Entry`] that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Name,
    Status,
    Message,
    Description,
    Solution,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Status => "status",
            Field::Message => "message",
            Field::Description => "description",
            Field::Solution => "solution",
        }
    }
}

/// One recorded release: its label, its date (`YYYY-MM-DD`), the file it
/// was read from (relative to the input, `/`-separated) and its codes in
/// [`Entry::cmp_key`] order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Release {
    pub label: String,
    pub date: String,
    pub file: String,
    pub entries: Vec<Entry>,
}

/// Every release, oldest first, and the replacements the documentation
/// team named for retired codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct History {
    pub releases: Vec<Release>,
    /// `input/<vendor>/replaced.toml`: an old code and the code to use
    /// instead.
    pub replaced: BTreeMap<(VendorId, Code), Code>,
}

/// The order of releases: by date, then by label in natural order
/// (`v2` before `v10`), whatever order their files are in.
pub fn release_order(a: &Release, b: &Release) -> Ordering {
    a.date
        .cmp(&b.date)
        .then_with(|| natural_cmp(&a.label, &b.label))
}

/// The catalog as a release records it.
pub fn snapshot(catalog: &Catalog) -> Vec<Entry> {
    let texts = |first: &dyn Fn(Lang) -> Option<String>| Texts {
        en: first(Lang::En),
        zh: first(Lang::Zh),
    };
    let mut entries: Vec<Entry> = catalog
        .vendors
        .iter()
        .flat_map(|vendor| {
            vendor.records.iter().map(move |r| Entry {
                vendor: vendor.id.clone(),
                code: r.code.clone(),
                name: r.name.clone(),
                status: r.http_status().map(|s| s.get()),
                message: texts(&|l| r.message(l).map(str::to_owned)),
                description: texts(&|l| r.description(l).map(str::to_owned)),
                solution: texts(&|l| r.solution(l).map(str::to_owned)),
            })
        })
        .collect();
    entries.sort_by(Entry::cmp_key);
    entries
}

/// What changed between two snapshots, for one vendor. Indices are into
/// the older (`removed`, `changed.0`) and the newer snapshot (`added`,
/// `changed.1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorChanges {
    pub vendor: VendorId,
    pub added: Vec<usize>,
    pub removed: Vec<usize>,
    pub changed: Vec<(usize, usize, Vec<Field>)>,
}

impl VendorChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// A code's change while the snapshots are merged: the vendor's place,
/// the code's index in the older and in the newer snapshot, what changed.
type Change = (usize, Option<usize>, Option<usize>, Vec<Field>);

/// The changes from `old` to `new` (both in [`Entry::cmp_key`] order), per
/// vendor in id order; vendors with no change are left out.
pub fn diff(old: &[Entry], new: &[Entry]) -> Vec<VendorChanges> {
    let mut out: Vec<VendorChanges> = Vec::new();
    let mut at = |vendor: &VendorId| -> usize {
        match out.last() {
            Some(last) if &last.vendor == vendor => out.len() - 1,
            _ => {
                out.push(VendorChanges {
                    vendor: vendor.clone(),
                    added: Vec::new(),
                    removed: Vec::new(),
                    changed: Vec::new(),
                });
                out.len() - 1
            }
        }
    };
    let (mut i, mut j) = (0, 0);
    let mut changes: Vec<Change> = Vec::new();
    while i < old.len() || j < new.len() {
        let order = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => a.cmp_key(b),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Less => {
                changes.push((at(&old[i].vendor), Some(i), None, Vec::new()));
                i += 1;
            }
            Ordering::Greater => {
                changes.push((at(&new[j].vendor), None, Some(j), Vec::new()));
                j += 1;
            }
            Ordering::Equal => {
                let fields = old[i].changed_fields(&new[j]);
                if !fields.is_empty() {
                    changes.push((at(&old[i].vendor), Some(i), Some(j), fields));
                }
                i += 1;
                j += 1;
            }
        }
    }
    for (v, before, after, fields) in changes {
        let vendor = &mut out[v];
        match (before, after) {
            (Some(b), Some(a)) => vendor.changed.push((b, a, fields)),
            (Some(b), None) => vendor.removed.push(b),
            (None, Some(a)) => vendor.added.push(a),
            (None, None) => {}
        }
    }
    out.retain(|v| !v.is_empty());
    out
}

/// One step of the history: a release compared with the one before it
/// (the first with nothing), or the current input compared with the last
/// release, when they differ.
#[derive(Debug, Clone)]
pub struct Step {
    /// `None` for the changes not yet released.
    pub release: Option<usize>,
    pub changes: Vec<VendorChanges>,
}

/// What happened to one code that the current input holds.
#[derive(Debug, Clone, Default)]
pub struct CodeHistory {
    /// The step it first appeared in; `None` when there is no release.
    pub since: Option<usize>,
    /// Each step that changed it, with the record before the change.
    pub changes: Vec<(usize, Vec<Field>, usize)>,
}

/// A code some release holds and the current input does not.
#[derive(Debug, Clone)]
pub struct Tombstone {
    /// The last release that held it, and its index there.
    pub last: usize,
    pub entry: usize,
    /// The step that removed it.
    pub removed: usize,
    /// The code to use instead, when `replaced.toml` names one.
    pub replacement: Option<Code>,
    /// The step it first appeared in.
    pub since: usize,
}

/// The history as the site shows it: every step, each current code's
/// story, and the retired codes.
#[derive(Debug)]
pub struct Timeline<'a> {
    pub history: &'a History,
    /// The current input as a snapshot.
    pub current: Vec<Entry>,
    pub steps: Vec<Step>,
    /// By the code's place in `current`.
    pub codes: Vec<CodeHistory>,
    /// In [`Entry::cmp_key`] order.
    pub tombstones: Vec<Tombstone>,
}

impl<'a> Timeline<'a> {
    pub fn new(history: &'a History, catalog: &Catalog) -> Timeline<'a> {
        let current = snapshot(catalog);
        let releases = &history.releases;
        let mut codes = vec![CodeHistory::default(); current.len()];
        let mut steps = Vec::new();
        let mut tombstones = Vec::new();
        if !releases.is_empty() {
            let snapshot = |k: usize| match releases.get(k) {
                Some(release) => &release.entries[..],
                None => &current[..],
            };
            // Each code as last seen: (step it first appeared in, snapshot,
            // index there), by (vendor, code).
            let mut seen: AHashMap<(&VendorId, &Code), (usize, usize, usize)> = AHashMap::new();
            for k in 0..=releases.len() {
                let new = snapshot(k);
                let old = if k == 0 { &[][..] } else { snapshot(k - 1) };
                let changes = diff(old, new);
                for (e, entry) in new.iter().enumerate() {
                    let key = (&entry.vendor, &entry.code);
                    let since = seen.get(&key).map_or(k, |&(since, ..)| since);
                    seen.insert(key, (since, k, e));
                }
                if k < releases.len() || !changes.is_empty() {
                    steps.push(Step {
                        release: (k < releases.len()).then_some(k),
                        changes,
                    });
                }
            }
            // Each change of a code still in the input, on that code.
            let place: AHashMap<(&VendorId, &Code), usize> = current
                .iter()
                .enumerate()
                .map(|(i, e)| ((&e.vendor, &e.code), i))
                .collect();
            for (k, step) in steps.iter().enumerate().skip(1) {
                let new = snapshot(k);
                for vendor in &step.changes {
                    for (before, after, fields) in &vendor.changed {
                        let entry = &new[*after];
                        if let Some(&c) = place.get(&(&entry.vendor, &entry.code)) {
                            codes[c].changes.push((k, fields.clone(), *before));
                        }
                    }
                }
            }
            for (e, entry) in current.iter().enumerate() {
                codes[e].since = seen.get(&(&entry.vendor, &entry.code)).map(|s| s.0);
            }
            // The retired codes: last seen in a release, not in the input.
            tombstones = seen
                .iter()
                .filter(|(key, _)| !place.contains_key(*key))
                .map(|(&(vendor, code), &(since, last, entry))| Tombstone {
                    last,
                    entry,
                    removed: last + 1,
                    replacement: history
                        .replaced
                        .get(&(vendor.clone(), code.clone()))
                        .cloned(),
                    since,
                })
                .collect();
            tombstones.sort_by(|a: &Tombstone, b: &Tombstone| {
                releases[a.last].entries[a.entry].cmp_key(&releases[b.last].entries[b.entry])
            });
        }
        Timeline {
            history,
            current,
            steps,
            codes,
            tombstones,
        }
    }

    /// Snapshot `k`: release `k`, or the current input after the last.
    pub fn snapshot(&self, k: usize) -> &[Entry] {
        match self.history.releases.get(k) {
            Some(release) => &release.entries,
            None => &self.current,
        }
    }

    /// The snapshots step `k` goes from and to: the one before (nothing
    /// for the first release) and its own. The indices of its changes
    /// are into these.
    pub fn around(&self, k: usize) -> (&[Entry], &[Entry]) {
        let old = match k {
            0 => &[][..],
            _ => self.snapshot(k - 1),
        };
        (old, self.snapshot(k))
    }

    /// The release a step is, or `None` for the unreleased changes.
    pub fn release(&self, step: usize) -> Option<&'a Release> {
        let k = self.steps.get(step)?.release?;
        self.history.releases.get(k)
    }

    /// The entry of a tombstone: the code as its last release recorded it.
    pub fn tombstone_entry(&self, t: &Tombstone) -> &'a Entry {
        &self.history.releases[t.last].entries[t.entry]
    }

    /// Whether there is any release to show.
    pub fn is_empty(&self) -> bool {
        self.history.releases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Record, Vendor};

    fn release(label: &str, date: &str, catalog: &Catalog) -> Release {
        Release {
            label: label.to_owned(),
            date: date.to_owned(),
            file: format!("releases/{label}.jsonl"),
            entries: snapshot(catalog),
        }
    }

    fn catalog(records: Vec<Record>) -> Catalog {
        Catalog {
            vendors: vec![Vendor::for_test("acme", records)],
        }
    }

    #[test]
    fn removed_reworded_and_new_codes_each_have_their_story() {
        let v1 = catalog(vec![
            Record::for_test("1").text("Old text"),
            Record::for_test("2").text("Gone soon"),
        ]);
        let now = catalog(vec![
            Record::for_test("1").text("New text"),
            Record::for_test("3").text("Brand new"),
        ]);
        let mut history = History {
            releases: vec![release("v1", "2026-01-01", &v1)],
            ..History::default()
        };
        history.replaced.insert(
            (VendorId::new("acme").unwrap(), Code::new("2")),
            Code::new("3"),
        );
        let timeline = Timeline::new(&history, &now);
        // v1, then the unreleased changes.
        assert_eq!(timeline.steps.len(), 2);
        assert_eq!(timeline.steps[1].release, None);
        let changes = &timeline.steps[1].changes[0];
        assert_eq!(
            (
                changes.added.len(),
                changes.removed.len(),
                changes.changed.len()
            ),
            (1, 1, 1)
        );
        // Code 1: since v1, its message changed in the unreleased step.
        assert_eq!(timeline.codes[0].since, Some(0));
        let (step, fields, before) = &timeline.codes[0].changes[0];
        assert_eq!((*step, fields.as_slice()), (1, &[Field::Message][..]));
        assert_eq!(
            timeline.snapshot(0)[*before].message.en.as_deref(),
            Some("Old text")
        );
        // Code 3: new since the unreleased step.
        assert_eq!(timeline.codes[1].since, Some(1));
        // Code 2: a tombstone, last in v1, removed in the unreleased step.
        let [tombstone] = timeline.tombstones.as_slice() else {
            panic!("{:?}", timeline.tombstones);
        };
        assert_eq!((tombstone.last, tombstone.removed), (0, 1));
        assert_eq!(tombstone.replacement, Some(Code::new("3")));
        assert_eq!(timeline.tombstone_entry(tombstone).code, Code::new("2"));
    }

    #[test]
    fn releases_are_ordered_by_date_then_label_naturally() {
        let empty = Catalog::default();
        let mut releases = [
            release("v10", "2026-02-01", &empty),
            release("v9", "2026-02-01", &empty),
            release("v1", "2026-03-01", &empty),
        ];
        releases.sort_by(release_order);
        let labels: Vec<&str> = releases.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["v9", "v10", "v1"]);
    }
}
