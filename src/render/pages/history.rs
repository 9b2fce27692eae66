//! What the releases show: on a code's page when it appeared and what
//! changed in it, the page a retired code keeps (its tombstone), the
//! vendor page's list of retired codes, and the changes page.
//!
//! Every code some snapshot holds has its page at the one path
//! [`paths::code_page`] gives it, from the code as the release file
//! records it: a current code's page, or its tombstone once it is gone.
//! So the changes page links every code it names, whatever release named
//! it.

use serde::Serialize;

use super::{Chrome, Ctx, fill, html_lang};
use crate::history::{Entry, Field, Texts, Timeline, Tombstone};
use crate::model::{Code, Lang, VendorId};
use crate::render::paths;
use crate::render::view::Page;

/// How a step is named on a page in `lang`: `v2 (2026-03-01)`, or
/// `unreleased` for the changes since the last release.
fn step_name(ctx: &Ctx, timeline: &Timeline, step: usize, lang: Lang) -> String {
    match timeline.release(step) {
        Some(release) => fill(
            ctx.t(lang, "release_name"),
            &[("release", &release.label), ("date", &release.date)],
        ),
        None => ctx.t(lang, "unreleased").to_owned(),
    }
}

/// The label of the last release, which the unreleased changes follow.
fn last_label<'a>(timeline: &Timeline<'a>) -> &'a str {
    timeline
        .history
        .releases
        .last()
        .map_or("", |r| r.label.as_str())
}

/// `since v1 (2026-01-01)`, or `since unreleased (after v1)`.
fn since(ctx: &Ctx, timeline: &Timeline, step: usize, lang: Lang) -> String {
    match timeline.release(step) {
        Some(_) => fill(
            ctx.t(lang, "since_release"),
            &[("release", &step_name(ctx, timeline, step, lang))],
        ),
        None => fill(
            ctx.t(lang, "since_unreleased"),
            &[("release", last_label(timeline))],
        ),
    }
}

/// A field's label, as the code page heads it.
fn field_label<'a>(ctx: &Ctx<'a>, lang: Lang, field: Field) -> &'a str {
    ctx.t(
        lang,
        match field {
            Field::Name => "name",
            Field::Status => "http_status",
            Field::Message => "message",
            Field::Description => "description",
            Field::Solution => "solution",
        },
    )
}

/// A field of a recorded entry as a page in `lang` shows it, with the
/// language it is in; `None` when the entry has no such value.
fn field_text(entry: &Entry, field: Field, lang: Lang) -> Option<(String, Lang)> {
    let texts = |t: &Texts| t.shown(lang).map(|(text, l)| (text.to_owned(), l));
    match field {
        Field::Name => entry.name.clone().map(|n| (n, lang)),
        Field::Status => entry.status.map(|s| (s.to_string(), lang)),
        Field::Message => texts(&entry.message),
        Field::Description => texts(&entry.description),
        Field::Solution => texts(&entry.solution),
    }
}

/// A code's history on its page.
#[derive(Serialize)]
pub(crate) struct StoryView {
    since: String,
    /// Each change, oldest first.
    changes: Vec<ChangeView>,
}

#[derive(Serialize)]
struct ChangeView {
    /// `Meaning changed in v2 (2026-03-01)`.
    what: String,
    unreleased: bool,
    /// What each changed field said before.
    before: Vec<BeforeView>,
}

#[derive(Serialize)]
struct BeforeView {
    field: String,
    /// `None`: the field was empty.
    text: Option<String>,
    html_lang: &'static str,
}

/// The history of the record at `(v, r)`; `None` when there is no release.
pub(crate) fn story(ctx: &Ctx, (v, r): (usize, usize), lang: Lang) -> Option<StoryView> {
    let timeline = &ctx.index.timeline;
    let code = &timeline.codes[ctx.index.story[v][r]];
    let first = code.since?;
    let changes = code
        .changes
        .iter()
        .map(|(step, fields, before)| {
            let old = &timeline.snapshot(step - 1)[*before];
            let names: Vec<&str> = fields.iter().map(|&f| field_label(ctx, lang, f)).collect();
            let (key, at) = match timeline.release(*step) {
                Some(_) => ("changed_in", step_name(ctx, timeline, *step, lang)),
                None => ("changed_unreleased", last_label(timeline).to_owned()),
            };
            ChangeView {
                what: fill(
                    ctx.t(lang, key),
                    &[
                        ("fields", &names.join(ctx.t(lang, "list_separator"))),
                        ("release", &at),
                    ],
                ),
                unreleased: timeline.release(*step).is_none(),
                before: fields
                    .iter()
                    .map(|&field| {
                        let text = field_text(old, field, lang);
                        BeforeView {
                            field: field_label(ctx, lang, field).to_owned(),
                            html_lang: html_lang(text.as_ref().map_or(lang, |t| t.1)),
                            text: text.map(|t| t.0),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Some(StoryView {
        since: since(ctx, timeline, first, lang),
        changes,
    })
}

/// `Removed in v2 (2026-03-01)`, or `Removed after v1 (unreleased)`.
fn removed(ctx: &Ctx, timeline: &Timeline, t: &Tombstone, lang: Lang) -> String {
    match timeline.release(t.removed) {
        Some(_) => fill(
            ctx.t(lang, "removed_in"),
            &[("release", &step_name(ctx, timeline, t.removed, lang))],
        ),
        None => fill(
            ctx.t(lang, "removed_unreleased"),
            &[("release", last_label(timeline))],
        ),
    }
}

/// The vendor of a retired code as pages name and link it: a vendor gone
/// from the input has no page, and only its id for a name.
fn vendor_of<'a>(ctx: &Ctx<'a>, id: &'a VendorId, lang: Lang) -> (&'a str, Option<String>) {
    match ctx.checked.catalog.vendors.iter().find(|v| &v.id == id) {
        Some(vendor) => (
            vendor.name.get(lang).as_str(),
            Some(paths::vendor_page(lang, id)),
        ),
        None => (id.as_str(), None),
    }
}

/// The code a retired one's replacement names, linked when it has a page:
/// a current code of the vendor, or another retired one.
#[derive(Serialize)]
struct Replacement {
    code: String,
    href: Option<String>,
}

fn replacement(ctx: &Ctx, vendor: &VendorId, code: &Code, lang: Lang, root: &str) -> Replacement {
    let timeline = &ctx.index.timeline;
    let current = timeline
        .current
        .binary_search_by(|e| e.vendor.cmp(vendor).then_with(|| e.code.cmp(code)))
        .is_ok();
    let retired = timeline.tombstones.iter().any(|t| {
        let e = timeline.tombstone_entry(t);
        &e.vendor == vendor && &e.code == code
    });
    Replacement {
        code: code.as_str().to_owned(),
        href: (current || retired).then(|| {
            paths::from_root(
                root,
                &paths::code_page(lang, vendor, code, &ctx.index.names),
            )
        }),
    }
}

/// A retired code's page: the code as its last release recorded it.
#[derive(Serialize)]
pub(crate) struct TombstonePage<'a> {
    page: Chrome<'a>,
    code: &'a str,
    vendor: &'a str,
    /// The vendor's page, when the vendor is still in the input.
    vendor_href: Option<String>,
    removed: String,
    last: String,
    since: String,
    name: Option<&'a str>,
    status: Option<u16>,
    /// The message, description and solution as last recorded.
    texts: Vec<TextView>,
    replacement: Option<Replacement>,
    changes_href: String,
}

impl Page for TombstonePage<'_> {
    const TEMPLATE: &'static str = "tombstone.html";
}

#[derive(Serialize)]
struct TextView {
    heading: String,
    text: String,
    html_lang: &'static str,
}

pub(crate) fn tombstone<'a>(ctx: &Ctx<'a>, i: usize, lang: Lang) -> TombstonePage<'a> {
    let timeline = &ctx.index.timeline;
    let t = &timeline.tombstones[i];
    let entry: &'a Entry = timeline.tombstone_entry(t);
    let (vendor, vendor_page) = vendor_of(ctx, &entry.vendor, lang);
    let code = entry.code.as_str();
    let removed = removed(ctx, timeline, t, lang);
    let mut crumbs = Vec::new();
    crumbs.extend(vendor_page.clone().map(|p| (Some(p), vendor.to_owned())));
    crumbs.push((None, code.to_owned()));
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::code_page(l, &entry.vendor, &entry.code, &ctx.index.names),
        fill(
            ctx.t(lang, "tombstone_title"),
            &[("code", code), ("vendor", vendor)],
        ),
        fill(
            ctx.t(lang, "tombstone_description"),
            &[("code", code), ("vendor", vendor), ("removed", &removed)],
        ),
        crumbs,
    );
    let root = page.root.clone();
    let texts = [Field::Message, Field::Description, Field::Solution]
        .into_iter()
        .filter_map(|field| {
            let (text, l) = field_text(entry, field, lang)?;
            Some(TextView {
                heading: field_label(ctx, lang, field).to_owned(),
                text,
                html_lang: html_lang(l),
            })
        })
        .collect();
    let replacement =
        (t.replacement.as_ref()).map(|new| replacement(ctx, &entry.vendor, new, lang, &root));
    TombstonePage {
        code,
        vendor,
        vendor_href: vendor_page.map(|p| paths::from_root(&root, &p)),
        removed,
        last: fill(
            ctx.t(lang, "last_release"),
            &[("release", &step_name(ctx, timeline, t.last, lang))],
        ),
        since: since(ctx, timeline, t.since, lang),
        name: entry.name.as_deref(),
        status: entry.status,
        texts,
        replacement,
        changes_href: paths::from_root(&root, &paths::changes_page(lang)),
        page,
    }
}

/// A retired code in its vendor's list, on a page at `root`.
#[derive(Serialize)]
pub(crate) struct RemovedRow<'a> {
    code: &'a str,
    href: String,
    removed: String,
    message: Option<TextView>,
}

/// The retired codes of vendor `v`, in code order.
pub(crate) fn removed_rows<'a>(
    ctx: &Ctx<'a>,
    v: usize,
    lang: Lang,
    root: &str,
) -> Vec<RemovedRow<'a>> {
    let timeline = &ctx.index.timeline;
    let id = &ctx.vendor(v).id;
    timeline
        .tombstones
        .iter()
        .filter_map(|t| {
            let entry: &'a Entry = timeline.tombstone_entry(t);
            (&entry.vendor == id).then(|| RemovedRow {
                code: entry.code.as_str(),
                href: paths::from_root(
                    root,
                    &paths::code_page(lang, id, &entry.code, &ctx.index.names),
                ),
                removed: removed(ctx, timeline, t, lang),
                message: field_text(entry, Field::Message, lang).map(|(text, l)| TextView {
                    heading: String::new(),
                    text,
                    html_lang: html_lang(l),
                }),
            })
        })
        .collect()
}

/// `/{lang}/changes.html`: every step, newest first.
#[derive(Serialize)]
pub(crate) struct ChangesPage<'a> {
    page: Chrome<'a>,
    steps: Vec<StepView<'a>>,
    /// `changes.atom`, which is written only with a base URL.
    feed_href: Option<String>,
}

impl Page for ChangesPage<'_> {
    const TEMPLATE: &'static str = "changes.html";
}

#[derive(Serialize)]
struct StepView<'a> {
    id: String,
    heading: String,
    unreleased: bool,
    vendors: Vec<VendorStepView<'a>>,
}

#[derive(Serialize)]
struct VendorStepView<'a> {
    name: &'a str,
    href: Option<String>,
    summary: String,
    added: CodeList<'a>,
    changed: CodeList<'a>,
    removed: CodeList<'a>,
}

/// The most codes a list of the changes page (or a feed entry) names: a
/// first release of 10⁵ codes is a count, not 10⁵ links.
pub(crate) const LIST_LIMIT: usize = 200;

/// The first [`LIST_LIMIT`] codes of a list, and how many more there are.
#[derive(Serialize)]
struct CodeList<'a> {
    items: Vec<CodeLink<'a>>,
    more: Option<String>,
}

impl<'a> CodeList<'a> {
    fn new(ctx: &Ctx, lang: Lang, len: usize, items: impl Iterator<Item = CodeLink<'a>>) -> Self {
        CodeList {
            items: items.take(LIST_LIMIT).collect(),
            more: (len > LIST_LIMIT).then(|| {
                fill(
                    ctx.t(lang, "changes_more"),
                    &[("count", &(len - LIST_LIMIT).to_string())],
                )
            }),
        }
    }
}

#[derive(Serialize)]
struct CodeLink<'a> {
    code: &'a str,
    href: String,
    /// For a changed code: which fields changed.
    fields: Option<String>,
}

/// The anchor of a step on the changes page.
pub(crate) fn step_id(timeline: &Timeline, step: usize) -> String {
    match timeline.release(step) {
        Some(release) => format!("release-{}", release.label),
        None => "unreleased".to_owned(),
    }
}

pub(crate) fn changes<'a>(ctx: &Ctx<'a>, lang: Lang) -> ChangesPage<'a> {
    let timeline: &'a Timeline<'a> = &ctx.index.timeline;
    let heading = ctx.t(lang, "changes_title").to_owned();
    let page = Chrome::new(
        ctx,
        lang,
        paths::changes_page,
        heading.clone(),
        ctx.t(lang, "changes_intro").to_owned(),
        vec![(None, heading)],
    );
    let root = page.root.clone();
    let steps = (0..timeline.steps.len())
        .rev()
        .map(|k| {
            let step = &timeline.steps[k];
            let (old, new) = timeline.around(k);
            let link = |entry: &'a Entry, fields: Option<String>| CodeLink {
                code: entry.code.as_str(),
                href: paths::from_root(
                    &root,
                    &paths::code_page(lang, &entry.vendor, &entry.code, &ctx.index.names),
                ),
                fields,
            };
            let vendors = step
                .changes
                .iter()
                .map(|changes| {
                    let (name, href) = vendor_of(ctx, &changes.vendor, lang);
                    let count = |n: usize| n.to_string();
                    VendorStepView {
                        name,
                        href: href.map(|h| paths::from_root(&root, &h)),
                        summary: fill(
                            ctx.t(lang, "changes_summary"),
                            &[
                                ("added", &count(changes.added.len())),
                                ("changed", &count(changes.changed.len())),
                                ("removed", &count(changes.removed.len())),
                            ],
                        ),
                        added: CodeList::new(
                            ctx,
                            lang,
                            changes.added.len(),
                            changes.added.iter().map(|&i| link(&new[i], None)),
                        ),
                        changed: CodeList::new(
                            ctx,
                            lang,
                            changes.changed.len(),
                            changes.changed.iter().map(|(_, i, fields)| {
                                let names: Vec<&str> =
                                    fields.iter().map(|&f| field_label(ctx, lang, f)).collect();
                                link(&new[*i], Some(names.join(ctx.t(lang, "list_separator"))))
                            }),
                        ),
                        removed: CodeList::new(
                            ctx,
                            lang,
                            changes.removed.len(),
                            changes.removed.iter().map(|&i| link(&old[i], None)),
                        ),
                    }
                })
                .collect();
            StepView {
                id: step_id(timeline, k),
                heading: match timeline.release(k) {
                    Some(_) => step_name(ctx, timeline, k, lang),
                    None => fill(
                        ctx.t(lang, "unreleased_heading"),
                        &[("release", last_label(timeline))],
                    ),
                },
                unreleased: step.release.is_none(),
                vendors,
            }
        })
        .collect();
    ChangesPage {
        feed_href: ctx
            .base_url
            .map(|_| paths::from_root(&root, paths::CHANGES_FEED)),
        steps,
        page,
    }
}
