//! Typed view models, one per template, borrowed from the catalog.

use serde::Serialize;

use super::paths;
use super::theme::Strings;
use crate::model::{Bilingual, Catalog, Lang, Message, Record, Vendor};

/// The value of `lang`/`hreflang` attributes for a language.
pub(crate) fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
}

/// Replaces `{key}` placeholders of a UI string.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// What every page's frame needs: language, links back to the root and to
/// the same page in the other language.
#[derive(Serialize)]
pub(crate) struct Chrome<'a> {
    lang: Lang,
    html_lang: &'static str,
    root: String,
    title: String,
    description: String,
    alternates: Vec<Alternate>,
    switch: Option<Switch<'a>>,
    crumbs: Vec<Crumb>,
}

#[derive(Serialize)]
struct Alternate {
    hreflang: &'static str,
    href: String,
}

#[derive(Serialize)]
struct Switch<'a> {
    href: String,
    html_lang: &'static str,
    label: &'a str,
}

#[derive(Serialize)]
pub(crate) struct Crumb {
    href: Option<String>,
    label: String,
}

impl Crumb {
    fn link(href: String, label: impl Into<String>) -> Crumb {
        Crumb {
            href: Some(href),
            label: label.into(),
        }
    }

    fn here(label: impl Into<String>) -> Crumb {
        Crumb {
            href: None,
            label: label.into(),
        }
    }
}

impl<'a> Chrome<'a> {
    /// The frame of the page that lives at `path(lang)` in every language.
    fn new(
        lang: Lang,
        strings: &'a Bilingual<Strings>,
        path: impl Fn(Lang) -> String,
        title: String,
        description: String,
        crumbs: Vec<Crumb>,
    ) -> Chrome<'a> {
        let root = paths::root_of(&path(lang));
        let alternates = Lang::ALL
            .into_iter()
            .map(|l| Alternate {
                hreflang: html_lang(l),
                href: format!("{root}{}", path(l)),
            })
            .collect();
        let other = lang.other();
        let switch = Some(Switch {
            href: format!("{root}{}", path(other)),
            html_lang: html_lang(other),
            label: &strings.get(other)["language_name"],
        });
        Chrome {
            lang,
            html_lang: html_lang(lang),
            root,
            title,
            description,
            alternates,
            switch,
            crumbs,
        }
    }
}

fn t<'a>(strings: &'a Strings, key: &str) -> &'a str {
    // Keys are checked at load time and by the template tests.
    strings.get(key).map_or("", String::as_str)
}

#[derive(Serialize)]
pub(crate) struct LandingPage<'a> {
    page: Chrome<'a>,
    t: &'a Strings,
    total: usize,
    vendor_count: usize,
    languages: Vec<LanguageChoice<'a>>,
    other: LanguageChoice<'a>,
}

#[derive(Serialize)]
struct LanguageChoice<'a> {
    href: String,
    html_lang: &'static str,
    t: &'a Strings,
}

pub(crate) fn landing<'a>(catalog: &Catalog, strings: &'a Bilingual<Strings>) -> LandingPage<'a> {
    let choice = |lang| LanguageChoice {
        href: paths::home_page(lang),
        html_lang: html_lang(lang),
        t: strings.get(lang),
    };
    let title = format!(
        "{} · {}",
        t(&strings.en, "site_title"),
        t(&strings.zh, "site_title")
    );
    let mut page = Chrome::new(
        Lang::En,
        strings,
        |_| "index.html".to_owned(),
        title,
        t(&strings.en, "site_tagline").to_owned(),
        Vec::new(),
    );
    // The landing page is both languages at once: no switch, no alternates.
    page.switch = None;
    page.alternates.clear();
    LandingPage {
        page,
        t: &strings.en,
        total: catalog.code_count(),
        vendor_count: catalog.vendors.len(),
        languages: Lang::ALL.into_iter().map(choice).collect(),
        other: choice(Lang::Zh),
    }
}

#[derive(Serialize)]
pub(crate) struct HomePage<'a> {
    page: Chrome<'a>,
    t: &'a Strings,
    vendors: Vec<VendorLink<'a>>,
}

#[derive(Serialize)]
struct VendorLink<'a> {
    href: String,
    name: &'a str,
    count: usize,
}

pub(crate) fn home<'a>(
    catalog: &'a Catalog,
    lang: Lang,
    strings: &'a Bilingual<Strings>,
) -> HomePage<'a> {
    let s = strings.get(lang);
    let page = Chrome::new(
        lang,
        strings,
        paths::home_page,
        t(s, "site_title").to_owned(),
        t(s, "site_tagline").to_owned(),
        Vec::new(),
    );
    let vendors = catalog
        .vendors
        .iter()
        .map(|v| VendorLink {
            href: format!("{}/index.html", v.id),
            name: v.name.get(lang),
            count: v.records.len(),
        })
        .collect();
    HomePage {
        page,
        t: s,
        vendors,
    }
}

#[derive(Serialize)]
struct VendorView<'a> {
    name: &'a str,
    homepage: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct VendorPage<'a> {
    page: Chrome<'a>,
    t: &'a Strings,
    vendor: VendorView<'a>,
    codes: Vec<CodeRow<'a>>,
}

#[derive(Serialize)]
struct CodeRow<'a> {
    code: &'a str,
    href: String,
    name: Option<&'a str>,
    http_status: Option<u16>,
    message: Option<ShownText<'a>>,
}

#[derive(Serialize)]
struct ShownText<'a> {
    text: &'a str,
    html_lang: &'static str,
    fallback: bool,
}

fn crumbs_to_vendor(lang: Lang, vendor: &Vendor, strings: &Strings, root: &str) -> Vec<Crumb> {
    vec![
        Crumb::link(
            format!("{root}{}", paths::home_page(lang)),
            t(strings, "home"),
        ),
        Crumb::link(
            format!("{root}{}", paths::vendor_page(lang, &vendor.id)),
            vendor.name.get(lang).as_str(),
        ),
    ]
}

pub(crate) fn vendor<'a>(
    vendor: &'a Vendor,
    lang: Lang,
    strings: &'a Bilingual<Strings>,
) -> VendorPage<'a> {
    let s = strings.get(lang);
    let name = vendor.name.get(lang).as_str();
    let root = paths::root_of(&paths::vendor_page(lang, &vendor.id));
    let mut crumbs = crumbs_to_vendor(lang, vendor, s, &root);
    crumbs.last_mut().expect("vendor crumb").href = None;
    let page = Chrome::new(
        lang,
        strings,
        |l| paths::vendor_page(l, &vendor.id),
        fill(t(s, "vendor_title"), &[("vendor", name)]),
        fill(t(s, "vendor_intro"), &[("vendor", name)]),
        crumbs,
    );
    let codes = vendor
        .records
        .iter()
        .map(|record| {
            let (messages, fallback) = shown_messages(record, lang);
            CodeRow {
                code: record.code.as_str(),
                href: format!("{}.html", paths::code_segment(&record.code)),
                name: record.name.as_deref(),
                http_status: record.http_status.map(|s| s.get()),
                message: messages.first().map(|m| ShownText {
                    text: &m.text,
                    html_lang: html_lang(m.lang),
                    fallback: fallback.is_some(),
                }),
            }
        })
        .collect();
    VendorPage {
        page,
        t: s,
        vendor: VendorView {
            name,
            homepage: vendor.homepage.as_deref(),
        },
        codes,
    }
}

/// The texts a page in `lang` shows: the vendor's own in that language, or
/// else its texts in the other language, which the page marks as such.
fn shown_messages(record: &Record, lang: Lang) -> (Vec<&Message>, Option<Lang>) {
    let own: Vec<&Message> = record.messages.iter().filter(|m| m.lang == lang).collect();
    if !own.is_empty() {
        return (own, None);
    }
    let other: Vec<&Message> = record.messages.iter().filter(|m| m.lang != lang).collect();
    let fallback = (!other.is_empty()).then(|| lang.other());
    (other, fallback)
}

#[derive(Serialize)]
pub(crate) struct CodePage<'a> {
    page: Chrome<'a>,
    t: &'a Strings,
    vendor: VendorView<'a>,
    record: RecordView<'a>,
    previous: Option<Neighbour<'a>>,
    next: Option<Neighbour<'a>>,
}

#[derive(Serialize)]
struct RecordView<'a> {
    code: &'a str,
    name: Option<&'a str>,
    http_status: Option<u16>,
    messages: Vec<ShownText<'a>>,
    /// The name, in the page's language, of the language shown instead.
    fallback: Option<&'a str>,
    /// The vendor's texts in the other language, beside its own.
    also: Vec<ShownText<'a>>,
    also_language: &'a str,
    disagree: bool,
    sources: Vec<SourceView<'a>>,
}

#[derive(Serialize)]
struct SourceView<'a> {
    file: &'a str,
    line: usize,
    language: &'a str,
}

#[derive(Serialize)]
struct Neighbour<'a> {
    href: String,
    code: &'a str,
}

fn language_name(strings: &Strings, lang: Lang) -> &str {
    t(
        strings,
        if lang == Lang::En {
            "lang_en"
        } else {
            "lang_zh"
        },
    )
}

pub(crate) fn code<'a>(
    vendor: &'a Vendor,
    index: usize,
    lang: Lang,
    strings: &'a Bilingual<Strings>,
) -> CodePage<'a> {
    let s = strings.get(lang);
    let record = &vendor.records[index];
    let code = record.code.as_str();
    let name = vendor.name.get(lang).as_str();
    let root = paths::root_of(&paths::code_page(lang, &vendor.id, &record.code));
    let mut crumbs = crumbs_to_vendor(lang, vendor, s, &root);
    crumbs.push(Crumb::here(code));
    let page = Chrome::new(
        lang,
        strings,
        |l| paths::code_page(l, &vendor.id, &record.code),
        fill(t(s, "code_title"), &[("code", code), ("vendor", name)]),
        code_description(record, lang, s, name),
        crumbs,
    );
    let (messages, fallback) = shown_messages(record, lang);
    let neighbour = |i: usize| {
        vendor.records.get(i).map(|r| Neighbour {
            href: format!("{}.html", paths::code_segment(&r.code)),
            code: r.code.as_str(),
        })
    };
    CodePage {
        page,
        t: s,
        vendor: VendorView {
            name,
            homepage: vendor.homepage.as_deref(),
        },
        record: RecordView {
            code,
            name: record.name.as_deref(),
            http_status: record.http_status.map(|s| s.get()),
            messages: messages
                .iter()
                .map(|m| ShownText {
                    text: &m.text,
                    html_lang: html_lang(m.lang),
                    fallback: fallback.is_some(),
                })
                .collect(),
            fallback: fallback.map(|l| language_name(s, l)),
            also: match fallback {
                Some(_) => Vec::new(),
                None => record
                    .messages
                    .iter()
                    .filter(|m| m.lang != lang)
                    .map(|m| ShownText {
                        text: &m.text,
                        html_lang: html_lang(m.lang),
                        fallback: false,
                    })
                    .collect(),
            },
            also_language: language_name(s, lang.other()),
            disagree: record.sources_disagree(),
            sources: record
                .sources
                .iter()
                .map(|src| SourceView {
                    file: &src.file,
                    line: src.line,
                    language: language_name(s, src.lang),
                })
                .collect(),
        },
        previous: index.checked_sub(1).and_then(neighbour),
        next: neighbour(index + 1),
    }
}

/// `Polaris Mesh error code 400141: heartbeat on disabled instance`.
fn code_description(record: &Record, lang: Lang, strings: &Strings, vendor: &str) -> String {
    let code = record.code.as_str();
    match record
        .message(lang)
        .or_else(|| record.message(lang.other()))
    {
        Some(text) => fill(
            t(strings, "code_description_text"),
            &[("vendor", vendor), ("code", code), ("text", text)],
        ),
        None => fill(
            t(strings, "code_description"),
            &[("vendor", vendor), ("code", code)],
        ),
    }
}
