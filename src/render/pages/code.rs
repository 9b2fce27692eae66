//! A code's own page, and its vendor-free permalink.

use serde::Serialize;

use super::Fragments;
use super::{
    CategoryLink, Chrome, CodeRow, Columns, Ctx, ShownText, category_link, code_row, fill,
    first_message, group_label, group_of, html_lang, language_name, shown_messages, shown_texts,
    summary,
};
use crate::model::{Code, Lang, TextField};
use crate::render::paths;
use crate::render::theme::grouped;
use crate::render::view::Page;
use crate::xref::{Reason, Related, Why, category::RuleTarget};

#[derive(Serialize)]
pub(crate) struct CodePage<'a> {
    page: Chrome<'a>,
    vendor: VendorLink<'a>,
    record: RecordView<'a>,
    category: CategoryView<'a>,
    permalink: PermalinkLink,
    /// Each related code's entry, rendered once by [`Fragments`].
    related: Vec<&'a str>,
    notes: Vec<Note<'a>>,
    /// When the code appeared and what changed in it, once there are
    /// releases.
    story: Option<super::history::StoryView>,
    previous: Option<Neighbour<'a>>,
    next: Option<Neighbour<'a>>,
    /// The code's entry of `codes.json` on its own.
    json_href: String,
    /// A new issue about this page in the repository, when there is one.
    report_href: Option<String>,
    /// UI strings with this page's values filled in.
    copied: String,
    all_codes: String,
}

impl Page for CodePage<'_> {
    const TEMPLATE: &'static str = "code.html";
}

#[derive(Serialize)]
struct VendorLink<'a> {
    name: &'a str,
    href: &'static str,
}

#[derive(Serialize)]
struct RecordView<'a> {
    code: &'a str,
    name: Option<&'a str>,
    http_status: Option<u16>,
    status_href: Option<String>,
    /// Every status, each linked to its list; shown when there are several.
    statuses: Vec<StatusLink>,
    messages: Vec<ShownText<'a>>,
    /// The vendor's explanations apart from the message.
    descriptions: Vec<ShownText<'a>>,
    /// What the vendor says to do.
    solutions: Vec<ShownText<'a>>,
    /// The section the code is listed under.
    group: Option<GroupView>,
    /// Columns no header word names, under the vendor's headers.
    extra: Vec<ExtraView<'a>>,
    /// The name, in the page's language, of the language shown instead.
    fallback: Option<&'a str>,
    /// The note saying so.
    fallback_note: Option<String>,
    /// The documentation team's translation, where the vendor gave no text
    /// in the page's language.
    translation: Option<TranslationView<'a>>,
    /// The vendor's texts in the other language, beside its own.
    also: Vec<ShownText<'a>>,
    /// An editor's note in the page's language.
    note: Option<&'a str>,
    /// Says whose words a translation is.
    translation_note: Option<String>,
    /// The translation translates nothing the vendor wrote: the vendor
    /// gave no text, and the team wrote one.
    written: bool,
    /// The same for a translated solution.
    solution_translation_note: String,
    /// Heads the vendor's texts in the other language.
    also_heading: String,
    disagree: bool,
    sources: Vec<SourceView<'a>>,
}

#[derive(Serialize)]
struct StatusLink {
    status: u16,
    href: String,
}

#[derive(Serialize)]
struct GroupView {
    label: String,
    html_lang: &'static str,
    /// The group's section of the vendor page.
    href: String,
}

#[derive(Serialize)]
struct ExtraView<'a> {
    header: &'a str,
    text: &'a str,
    html_lang: &'static str,
}

#[derive(Serialize)]
struct TranslationView<'a> {
    text: &'a str,
    html_lang: &'static str,
    file: &'a str,
    line: usize,
}

/// A source of the record, with its labels filled in.
#[derive(Serialize)]
struct SourceView<'a> {
    file: &'a str,
    line: String,
    language: String,
    /// The file at that line in the repository, when there is one.
    edit_href: Option<String>,
}

#[derive(Serialize)]
struct CategoryView<'a> {
    link: CategoryLink<'a>,
    meaning: &'a str,
    retry: &'a str,
    /// Why the code is in its category: maintainers' material, shown with
    /// drafts only.
    reason: Option<String>,
}

#[derive(Serialize)]
struct PermalinkLink {
    href: String,
    label: String,
}

/// A code as an entry of another code's related list, on a page at `root`.
#[derive(Serialize)]
pub(crate) struct RelatedView<'a> {
    vendor: &'a str,
    code: &'a str,
    href: String,
    why: String,
    message: Option<ShownText<'a>>,
}

#[derive(Serialize)]
struct Note<'a> {
    kind: &'static str,
    /// What the kind means, in the page's language.
    label: &'a str,
    /// The diagnostic itself, which errdocs writes in English only: shown
    /// on English pages.
    message: Option<&'a str>,
}

#[derive(Serialize)]
struct Neighbour<'a> {
    href: String,
    code: &'a str,
}

pub(crate) fn code<'a>(
    ctx: &Ctx<'a>,
    fragments: &'a Fragments<'a>,
    v: usize,
    r: usize,
    lang: Lang,
) -> CodePage<'a> {
    let s = ctx.strings.get(lang);
    let vendor = ctx.vendor(v);
    let record = &vendor.records[r];
    let code = record.code.as_str();
    let name = vendor.name.get(lang).as_str();
    // Metadata is in the page's language: the vendor's text, else the
    // team's translation, else words saying which language the text is in.
    let text = record
        .message(lang)
        .or_else(|| record.translation(lang).map(|t| t.text.as_str()));
    let description = match (text, record.message(lang.other())) {
        (Some(text), _) => fill(
            ctx.t(lang, "code_description_text"),
            &[("vendor", name), ("code", code), ("text", &summary(text))],
        ),
        (None, Some(_)) => fill(
            ctx.t(lang, "code_description_other"),
            &[
                ("vendor", name),
                ("code", code),
                ("language", language_name(s, lang.other())),
            ],
        ),
        (None, None) => fill(
            ctx.t(lang, "code_description"),
            &[("vendor", name), ("code", code)],
        ),
    };
    let group = group_of(ctx, (v, r), lang);
    let vendor_page = paths::vendor_page(lang, &vendor.id);
    // The page of the vendor's list that holds this code.
    let listed_at = ctx.index.layouts[v].get(lang).position[r] / ctx.settings.page_size.get();
    let vendor_page_of_code = paths::paged(vendor_page.clone(), listed_at);
    let mut crumbs = vec![(Some(vendor_page.clone()), name.to_owned())];
    if let Some(group) = &group {
        // The page of the vendor's list that holds this code, in the
        // section of its group.
        let href = format!("{vendor_page_of_code}#{}", group.anchor);
        crumbs.push((Some(href), group_label(group.path)));
    }
    crumbs.push((None, code.to_owned()));
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::code_page(l, &vendor.id, &record.code, &ctx.index.names),
        fill(
            ctx.t(lang, "code_title"),
            &[("code", code), ("vendor", name)],
        ),
        description,
        crumbs,
    );
    let root = page.root.clone();
    let translation = match record.message(lang) {
        None => record.translation(lang),
        Some(_) => None,
    };
    let (messages, fallback) = match translation {
        Some(_) => (Vec::new(), None),
        None => shown_messages(record, lang),
    };
    let neighbour = |i: usize| {
        vendor.records.get(i).map(|r| Neighbour {
            href: format!("{}.html", paths::code_segment(&r.code, &ctx.index.names)),
            code: r.code.as_str(),
        })
    };
    let info = ctx.category((v, r));
    let drafts = ctx.settings.drafts;
    let repository = ctx.settings.repository.as_ref();
    let page_path = paths::code_page(lang, &vendor.id, &record.code, &ctx.index.names);
    let assigned = &ctx.checked.xref.categories[v][r];
    let vendors_using = ctx.index.code_users[v][r];
    CodePage {
        vendor: VendorLink {
            name,
            href: "index.html",
        },
        record: RecordView {
            code,
            name: record.name.as_deref(),
            http_status: record.http_status().map(|s| s.get()),
            status_href: record
                .http_status()
                .map(|status| paths::from_root(&root, &paths::status_page(lang, status))),
            statuses: record
                .http_statuses
                .iter()
                .map(|&status| StatusLink {
                    status: status.get(),
                    href: paths::from_root(&root, &paths::status_page(lang, status)),
                })
                .collect(),
            descriptions: shown_texts(record, TextField::Description, lang),
            solutions: shown_texts(record, TextField::Solution, lang),
            group: group.map(|group| GroupView {
                label: group_label(group.path),
                html_lang: html_lang(group.lang),
                href: format!(
                    "{}#{}",
                    paths::paged("index.html".to_owned(), listed_at),
                    group.anchor
                ),
            }),
            extra: record
                .extra
                .iter()
                .map(|e| ExtraView {
                    header: &e.header,
                    text: &e.text,
                    html_lang: html_lang(e.lang),
                })
                .collect(),
            messages: messages
                .iter()
                .map(|m| ShownText {
                    text: &m.text,
                    html: m.html.as_deref(),
                    html_lang: html_lang(m.lang),
                    fallback: fallback.is_some(),
                    translated: false,
                })
                .collect(),
            translation: translation.map(|t| TranslationView {
                text: &t.text,
                html_lang: html_lang(t.lang),
                file: &t.file,
                line: t.line,
            }),
            note: record.note.as_ref().map(|n| n.text.get(lang).as_str()),
            fallback: fallback.map(|l| language_name(s, l)),
            fallback_note: fallback.map(|l| {
                fill(
                    ctx.t(lang, "fallback_note"),
                    &[("language", language_name(s, l))],
                )
            }),
            also: match fallback {
                Some(_) => Vec::new(),
                None => record
                    .messages
                    .iter()
                    .filter(|m| m.lang != lang)
                    .map(|m| ShownText {
                        text: &m.text,
                        html: m.html.as_deref(),
                        html_lang: html_lang(m.lang),
                        fallback: false,
                        translated: false,
                    })
                    .collect(),
            },
            written: record.messages.is_empty(),
            // Whose words a translation is, and from what: the vendor's
            // text in the other language, or, where the vendor wrote none,
            // the code's name.
            translation_note: translation.map(|_| {
                match (&record.name, record.messages.is_empty()) {
                    (_, false) => fill(
                        ctx.t(lang, "translation_note"),
                        &[("language", language_name(s, lang.other()))],
                    ),
                    (Some(name), true) => {
                        fill(ctx.t(lang, "translation_note_name"), &[("name", name)])
                    }
                    (None, true) => ctx.t(lang, "translation_note_none").to_owned(),
                }
            }),
            solution_translation_note: fill(
                ctx.t(lang, "translation_note"),
                &[("language", language_name(s, lang.other()))],
            ),
            also_heading: fill(
                ctx.t(lang, "also_in"),
                &[("language", language_name(s, lang.other()))],
            ),
            disagree: record.sources_disagree(),
            sources: record
                .sources
                .iter()
                .map(|src| SourceView {
                    edit_href: repository.map(|repo| repo.edit_url(&src.file, src.line)),
                    file: &src.file,
                    line: fill(
                        ctx.t(lang, "source_line"),
                        &[("line", &src.line.to_string())],
                    ),
                    language: fill(
                        ctx.t(lang, "source_language"),
                        &[("language", language_name(s, src.lang))],
                    ),
                })
                .collect(),
        },
        category: CategoryView {
            link: category_link(info, lang, &root),
            meaning: info.meaning.get(lang),
            retry: info.retry.get(lang),
            reason: drafts.then(|| reason_text(ctx, lang, &assigned.reason)),
        },
        permalink: PermalinkLink {
            href: paths::from_root(
                &root,
                &paths::permalink(lang, &record.code, &ctx.index.names),
            ),
            label: match vendors_using {
                1 => fill(ctx.t(lang, "same_code_one"), &[("code", code)]),
                n => fill(
                    ctx.t(lang, "same_code_many"),
                    &[("code", code), ("count", &grouped(n as i64))],
                ),
            },
        },
        related: ctx.checked.xref.related[v][r]
            .iter()
            .map(|rel| fragments.related(lang, rel))
            .collect(),
        notes: ctx
            .diagnostics_of((v, r))
            .filter(|_| drafts)
            .map(|d| Note {
                kind: d.kind.as_str(),
                label: ctx.kind_label(lang, d.kind),
                message: (lang == Lang::En).then_some(d.message.as_str()),
            })
            .collect(),
        story: super::history::story(ctx, (v, r), lang),
        previous: r.checked_sub(1).and_then(neighbour),
        next: neighbour(r + 1),
        json_href: paths::from_root(
            &root,
            &paths::code_json(&vendor.id, &record.code, &ctx.index.names),
        ),
        report_href: repository.map(|repo| {
            let url = match ctx.base_url {
                Some(base) => base.join(&page_path),
                None => page_path.clone(),
            };
            repo.issue_url(
                &fill(
                    ctx.t(lang, "report_problem_title"),
                    &[("vendor", name), ("code", code)],
                ),
                &fill(ctx.t(lang, "report_problem_body"), &[("url", &url)]),
            )
        }),
        copied: fill(ctx.t(lang, "copied"), &[("code", code)]),
        all_codes: fill(ctx.t(lang, "all_codes_of"), &[("vendor", name)]),
        page,
    }
}

/// `rel` as an entry of the related list of a code page at `root`.
pub(crate) fn related_entry<'a>(
    ctx: &Ctx<'a>,
    rel: &'a Related,
    lang: Lang,
    root: &str,
) -> RelatedView<'a> {
    let other = ctx.vendor(rel.vendor);
    let other_record = &other.records[rel.record];
    RelatedView {
        vendor: other.name.get(lang),
        code: other_record.code.as_str(),
        href: paths::from_root(
            root,
            &paths::code_page(lang, &other.id, &other_record.code, &ctx.index.names),
        ),
        why: match &rel.why {
            Why::Similar => ctx.t(lang, "related_similar").to_owned(),
            Why::SameText => ctx.t(lang, "related_same_text").to_owned(),
            Why::NameStem(stem) => fill(ctx.t(lang, "related_stem"), &[("stem", stem)]),
            Why::SameObject { en, zh } => fill(
                ctx.t(lang, "related_object"),
                &[(
                    "object",
                    match lang {
                        Lang::En => en,
                        Lang::Zh => zh,
                    },
                )],
            ),
            Why::SameGroup => {
                let group = &other_record.group;
                let path = match group.get(lang) {
                    path if path.is_empty() => group.get(lang.other()),
                    path => path,
                };
                fill(
                    ctx.t(lang, "related_group"),
                    &[("group", &path.join(" › "))],
                )
            }
            Why::SimilarText => ctx.t(lang, "related_similar_text").to_owned(),
        },
        message: first_message(other_record, lang),
    }
}

/// Why a category was chosen, in the page's language.
fn reason_text(ctx: &Ctx<'_>, lang: Lang, reason: &Reason) -> String {
    match reason {
        Reason::Override { file, line } => fill(
            ctx.t(lang, "reason_override"),
            &[("file", file), ("line", &line.to_string())],
        ),
        Reason::Rule { on, matched, .. } => {
            let key = match on {
                RuleTarget::Name => "reason_name",
                RuleTarget::Message => "reason_message",
                RuleTarget::HttpStatus => "reason_status",
            };
            fill(ctx.t(lang, key), &[("matched", matched)])
        }
        Reason::Default => ctx.t(lang, "reason_default").to_owned(),
    }
}

#[derive(Serialize)]
pub(crate) struct PermalinkPage<'a> {
    page: Chrome<'a>,
    code: &'a str,
    intro: String,
    rows: Vec<CodeRow<'a>>,
    columns: Columns,
}

impl Page for PermalinkPage<'_> {
    const TEMPLATE: &'static str = "permalink.html";
}

/// `codes/<code>.html` of a code several vendors use: every vendor's
/// meaning of it, to choose from.
pub(crate) fn permalink<'a>(ctx: &Ctx<'a>, i: usize, lang: Lang) -> PermalinkPage<'a> {
    let (code, members): (&Code, _) = (ctx.index.codes[i].0, &ctx.index.codes[i].1);
    let title = fill(ctx.t(lang, "permalink_title"), &[("code", code.as_str())]);
    let intro = fill(
        ctx.t(lang, "permalink_many"),
        &[
            ("code", code.as_str()),
            ("count", &members.len().to_string()),
        ],
    );
    let page = Chrome::new(
        ctx,
        lang,
        |l| paths::permalink(l, code, &ctx.index.names),
        title,
        intro.clone(),
        vec![(None, code.as_str().to_owned())],
    );
    let rows = members
        .iter()
        .map(|&at| code_row(ctx, at, lang, &page.path, true))
        .collect::<Vec<_>>();
    PermalinkPage {
        code: code.as_str(),
        intro,
        columns: Columns::of(&rows),
        rows,
        page,
    }
}

/// `codes/<code>.html` of a code one vendor uses: a page that only leads
/// on to the code's page, as small as a static host's redirect (Hugo's
/// aliases are made the same way).
#[derive(Serialize)]
pub(crate) struct RedirectPage {
    html_lang: &'static str,
    title: String,
    /// The code's page, relative to this one.
    target: String,
    /// The code's page, absolute, when the base URL is known: search
    /// engines should credit it.
    canonical: Option<String>,
    /// The stylesheet, for a reader whose browser does not follow.
    stylesheet: String,
    text: String,
}

impl Page for RedirectPage {
    const TEMPLATE: &'static str = "redirect.html";
}

pub(crate) fn redirect(ctx: &Ctx, i: usize, lang: Lang) -> RedirectPage {
    let (code, members): (&Code, _) = (ctx.index.codes[i].0, &ctx.index.codes[i].1);
    let root = paths::root_of(&paths::permalink(lang, code, &ctx.index.names));
    let (vendor, record) = (ctx.vendor(members[0].0), ctx.record(members[0]));
    let target = paths::code_page(lang, &vendor.id, &record.code, &ctx.index.names);
    RedirectPage {
        html_lang: html_lang(lang),
        title: fill(ctx.t(lang, "permalink_title"), &[("code", code.as_str())]),
        canonical: ctx.base_url.map(|base| base.join(&target)),
        target: paths::from_root(&root, &target),
        stylesheet: paths::from_root(&root, paths::STYLESHEET),
        text: fill(
            ctx.t(lang, "permalink_one"),
            &[("code", code.as_str()), ("vendor", vendor.name.get(lang))],
        ),
    }
}
