//! Every file of the site as a [`Job`]: which files a catalog makes, where
//! each one lives, roughly how long it takes, and how it is rendered.

use std::path::Path;

use super::context::Ctx;
use super::discovery::{self, SitemapFile, SitemapUrl};
use super::error::RenderError;
use super::index::Index;
use super::pages::Fragments;
use super::settings::{PageSize, SiteSettings};
use super::theme::{Theme, ThemeFiles};
use super::view::Page;
use super::{api, feed, llms, pages, paths, search};
use crate::model::{Catalog, Category, Lang};

/// What every job is rendered with.
pub(super) struct Site<'a> {
    pub(super) theme: &'a Theme,
    pub(super) fragments: &'a Fragments<'a>,
    /// The theme's files, for the assets copied as they are.
    pub(super) files: &'a ThemeFiles,
    pub(super) ctx: &'a Ctx<'a>,
    pub(super) input: &'a Path,
    /// Every page the sitemap lists; empty without a base URL.
    pub(super) sitemap: &'a [SitemapUrl],
    /// The search index, cut into shards.
    pub(super) search: &'a search::SearchPlan,
}

/// One file of the site.
#[derive(Debug, Clone, Copy)]
pub(super) enum Job {
    Landing,
    Home(Lang),
    /// A vendor's codes, one page of the configured size at a time.
    Vendor(Lang, usize, usize),
    Code(Lang, usize, usize),
    /// A retired code's page, by its place in the timeline's tombstones.
    Tombstone(Lang, usize),
    /// What changed from release to release.
    Changes(Lang),
    /// `changes.atom`: only with a base URL and a release.
    Feed,
    LlmsTxt,
    /// A vendor's codes as Markdown.
    VendorMarkdown(Lang, usize),
    Permalink(Lang, usize),
    Categories(Lang),
    /// A category's codes, one page at a time.
    Category(Lang, Category, usize),
    Statuses(Lang),
    Status(Lang, usize, usize),
    Report(Lang, usize),
    /// The search page, which runs the search in its `?q=`.
    Search(Lang),
    /// The page a static host serves for a missing file.
    NotFound,
    Stylesheet,
    SearchScript,
    /// The theme's favicon, when `errdocs.toml` names none.
    Favicon,
    /// A logo or favicon `errdocs.toml` names, by its file name.
    Image(&'static str, &'static str),
    /// `search/index.js`: the manifest, or the whole index on a small site.
    SearchIndex,
    /// A shard of the search index: `k` (codes and names) or `t` (words).
    SearchShard(char, usize),
    CodesJson,
    /// One vendor's entries of `codes.json`.
    VendorJson(usize),
    /// `api/index.json`: the vendors and their files.
    ApiIndex,
    /// One code's entry of `codes.json` on its own.
    CodeJson(usize, usize),
    VendorCsv(usize),
    Robots,
    /// Only with a base URL, like the sitemap.
    OpenSearch(Lang),
    Sitemap(SitemapFile),
}

pub(super) fn jobs(
    catalog: &Catalog,
    index: &Index,
    settings: &SiteSettings,
    (keys, terms): (usize, usize),
) -> Vec<Job> {
    let size = settings.page_size;
    let mut jobs = vec![
        Job::Landing,
        Job::NotFound,
        Job::Stylesheet,
        Job::SearchScript,
        Job::SearchIndex,
        Job::ApiIndex,
        Job::Robots,
        Job::LlmsTxt,
    ];
    if catalog.code_count() <= settings.api_all_codes_max() {
        jobs.push(Job::CodesJson);
    }
    jobs.extend((0..keys).map(|n| Job::SearchShard('k', n)));
    jobs.extend((0..terms).map(|n| Job::SearchShard('t', n)));
    if settings.favicon.is_none() {
        jobs.push(Job::Favicon);
    }
    for (kind, image) in [("logo", &settings.logo), ("favicon", &settings.favicon)] {
        if let Some(image) = image {
            jobs.push(Job::Image(kind, image.extension()));
        }
    }
    for (v, vendor) in catalog.vendors.iter().enumerate() {
        jobs.push(Job::VendorCsv(v));
        jobs.push(Job::VendorJson(v));
        jobs.extend((0..vendor.records.len()).map(|r| Job::CodeJson(v, r)));
    }
    for lang in Lang::ALL {
        jobs.extend([
            Job::Home(lang),
            Job::Categories(lang),
            Job::Statuses(lang),
            Job::Search(lang),
        ]);
        if !index.timeline.is_empty() {
            jobs.push(Job::Changes(lang));
            jobs.extend((0..index.timeline.tombstones.len()).map(|t| Job::Tombstone(lang, t)));
        }
        for (v, vendor) in catalog.vendors.iter().enumerate() {
            let pages = size.pages(vendor.records.len());
            jobs.extend((0..pages).map(|p| Job::Vendor(lang, v, p)));
            jobs.push(Job::VendorMarkdown(lang, v));
            jobs.extend((0..vendor.records.len()).map(|r| Job::Code(lang, v, r)));
        }
        jobs.extend((0..index.codes.len()).map(|i| Job::Permalink(lang, i)));
        jobs.extend(
            Category::ALL
                .into_iter()
                .zip(&index.categories)
                .filter(|(_, m)| !m.is_empty())
                .flat_map(|(c, members)| {
                    (0..size.pages(members.len())).map(move |p| Job::Category(lang, c, p))
                }),
        );
        jobs.extend(
            index
                .statuses
                .iter()
                .enumerate()
                .flat_map(|(i, (_, members))| {
                    (0..size.pages(members.len())).map(move |p| Job::Status(lang, i, p))
                }),
        );
        // The report is maintainers' material.
        if settings.drafts {
            jobs.extend(
                (0..size.pages(index.diagnostic_records.len())).map(|p| Job::Report(lang, p)),
            );
        }
    }
    jobs
}

/// The indices of `jobs` (whose files are at `paths`) grouped by directory,
/// the most work first, so that no thread is left alone at the end with a
/// big directory or a big file such as `codes.json`.
pub(super) fn by_directory(
    jobs: &[Job],
    paths: &[String],
    catalog: &Catalog,
    size: PageSize,
) -> Vec<Vec<usize>> {
    let mut groups: ahash::AHashMap<&str, (usize, Vec<usize>)> = ahash::AHashMap::new();
    for (i, path) in paths.iter().enumerate() {
        let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
        let group = groups.entry(dir).or_default();
        group.0 += jobs[i].weight(catalog, size);
        group.1.push(i);
    }
    let mut groups: Vec<(&str, (usize, Vec<usize>))> = groups.into_iter().collect();
    groups.sort_unstable_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    groups.into_iter().map(|(_, (_, group))| group).collect()
}

/// Every directory of the site, parents first.
pub(super) fn dirs(catalog: &Catalog, index: &Index) -> Vec<String> {
    let mut dirs = vec!["api".to_owned(), "search".to_owned()];
    dirs.extend(catalog.vendors.iter().map(|v| format!("api/{}", v.id)));
    for lang in Lang::ALL {
        dirs.push(lang.tag().to_owned());
        for section in [paths::CODES, paths::CATEGORIES, paths::STATUS] {
            dirs.push(format!("{lang}/{section}"));
        }
        dirs.extend(catalog.vendors.iter().map(|v| format!("{lang}/{}", v.id)));
        // The folders of vendors only retired codes are left in.
        dirs.extend(index.gone_vendors.iter().map(|v| format!("{lang}/{v}")));
    }
    dirs
}

impl Job {
    /// Roughly how long the job takes, in units of about 5 µs: creating a
    /// file costs some 40 µs, rendering a code page 50 µs, a row of a list
    /// or a code's JSON 5 µs.
    fn weight(&self, catalog: &Catalog, size: PageSize) -> usize {
        let codes = catalog.code_count();
        let work = match *self {
            Job::Code(..) => 10,
            Job::Vendor(_, v, _) => catalog.vendors[v].records.len().min(size.get()),
            Job::VendorMarkdown(_, v) => catalog.vendors[v].records.len() / 4,
            Job::Changes(_) | Job::Feed => size.get(),
            Job::Category(..) | Job::Status(..) | Job::Report(..) => size.get(),
            Job::CodesJson => codes,
            Job::SearchIndex => codes / 300,
            Job::SearchShard(..) => 1_000,
            Job::VendorJson(v) => catalog.vendors[v].records.len(),
            Job::VendorCsv(v) => catalog.vendors[v].records.len() / 10,
            _ => 1,
        };
        8 + work
    }

    /// Whether the job writes an HTML page.
    pub(super) fn is_page(&self) -> bool {
        matches!(
            self,
            Job::Landing
                | Job::Home(_)
                | Job::Vendor(..)
                | Job::Code(..)
                | Job::Tombstone(..)
                | Job::Changes(_)
                | Job::Permalink(..)
                | Job::Categories(_)
                | Job::Category(..)
                | Job::Statuses(_)
                | Job::Status(..)
                | Job::Report(..)
                | Job::Search(_)
                | Job::NotFound
        )
    }

    /// The language of a page that exists in every language.
    fn lang(&self) -> Option<Lang> {
        match *self {
            Job::Home(lang)
            | Job::Vendor(lang, ..)
            | Job::Code(lang, ..)
            | Job::Tombstone(lang, _)
            | Job::Changes(lang)
            | Job::VendorMarkdown(lang, _)
            | Job::Permalink(lang, _)
            | Job::Categories(lang)
            | Job::Category(lang, ..)
            | Job::Statuses(lang)
            | Job::Status(lang, ..)
            | Job::Report(lang, _)
            | Job::Search(lang)
            | Job::OpenSearch(lang) => Some(lang),
            _ => None,
        }
    }

    /// The same job in another language.
    fn in_lang(self, lang: Lang) -> Job {
        match self {
            Job::Home(_) => Job::Home(lang),
            Job::Vendor(_, v, p) => Job::Vendor(lang, v, p),
            Job::Code(_, v, r) => Job::Code(lang, v, r),
            Job::Tombstone(_, t) => Job::Tombstone(lang, t),
            Job::Changes(_) => Job::Changes(lang),
            Job::VendorMarkdown(_, v) => Job::VendorMarkdown(lang, v),
            Job::Permalink(_, i) => Job::Permalink(lang, i),
            Job::Categories(_) => Job::Categories(lang),
            Job::Category(_, c, p) => Job::Category(lang, c, p),
            Job::Statuses(_) => Job::Statuses(lang),
            Job::Status(_, i, p) => Job::Status(lang, i, p),
            Job::Report(_, p) => Job::Report(lang, p),
            Job::Search(_) => Job::Search(lang),
            Job::OpenSearch(_) => Job::OpenSearch(lang),
            other => other,
        }
    }

    /// The page as the sitemap lists it, with its other languages; `None`
    /// for what search engines should not list: files that are not pages,
    /// the search pages, the 404 page, and permalinks that only redirect.
    pub(super) fn sitemap_url(&self, index: &Index) -> Option<SitemapUrl> {
        let listed = match *self {
            Job::Permalink(_, i) => index.codes[i].1.len() > 1,
            Job::Search(_) | Job::NotFound => false,
            _ => self.is_page(),
        };
        listed.then(|| SitemapUrl {
            path: self.path(index),
            alternates: match self.lang() {
                Some(_) => Lang::ALL
                    .map(|l| (super::context::html_lang(l), self.in_lang(l).path(index)))
                    .to_vec(),
                None => Vec::new(),
            },
        })
    }

    pub(super) fn path(&self, index: &Index) -> String {
        let vendors = &index.catalog.vendors;
        match *self {
            Job::Landing => "index.html".to_owned(),
            Job::Home(lang) => paths::home_page(lang),
            Job::Vendor(lang, v, p) => paths::paged(paths::vendor_page(lang, &vendors[v].id), p),
            Job::Code(lang, v, r) => paths::code_page(
                lang,
                &vendors[v].id,
                &vendors[v].records[r].code,
                &index.names,
            ),
            Job::Tombstone(lang, t) => {
                let timeline = &index.timeline;
                let entry = timeline.tombstone_entry(&timeline.tombstones[t]);
                paths::code_page(lang, &entry.vendor, &entry.code, &index.names)
            }
            Job::Changes(lang) => paths::changes_page(lang),
            Job::Feed => paths::CHANGES_FEED.to_owned(),
            Job::LlmsTxt => paths::LLMS_TXT.to_owned(),
            Job::VendorMarkdown(lang, v) => paths::vendor_markdown(lang, &vendors[v].id),
            Job::Permalink(lang, i) => paths::permalink(lang, index.codes[i].0, &index.names),
            Job::Categories(lang) => paths::categories_page(lang),
            Job::Category(lang, category, p) => {
                paths::paged(paths::category_page(lang, category), p)
            }
            Job::Statuses(lang) => paths::statuses_page(lang),
            Job::Status(lang, i, p) => {
                paths::paged(paths::status_page(lang, index.statuses[i].0), p)
            }
            Job::Report(lang, p) => paths::paged(paths::report_page(lang), p),
            Job::Search(lang) => paths::search_page(lang),
            Job::NotFound => paths::NOT_FOUND.to_owned(),
            Job::Stylesheet => paths::STYLESHEET.to_owned(),
            Job::SearchScript => paths::SEARCH_SCRIPT.to_owned(),
            Job::Favicon => paths::FAVICON.to_owned(),
            Job::Image(kind, ext) => format!("{kind}.{ext}"),
            Job::SearchIndex => paths::SEARCH_INDEX.to_owned(),
            Job::SearchShard(family, n) => search::shard_path(family, n),
            Job::CodesJson => paths::CODES_JSON.to_owned(),
            Job::VendorJson(v) => paths::vendor_json(&vendors[v].id),
            Job::ApiIndex => paths::API_INDEX.to_owned(),
            Job::CodeJson(v, r) => {
                paths::code_json(&vendors[v].id, &vendors[v].records[r].code, &index.names)
            }
            Job::VendorCsv(v) => paths::vendor_csv(&vendors[v].id),
            Job::Robots => paths::ROBOTS.to_owned(),
            Job::OpenSearch(lang) => paths::opensearch(lang),
            Job::Sitemap(file) => file.path(),
        }
    }

    fn json_error(&self, ctx: &Ctx, source: serde_json::Error) -> RenderError {
        RenderError::Json {
            page: self.path(ctx.index),
            source,
        }
    }

    pub(super) fn render(&self, site: &Site, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let ctx = site.ctx;
        match *self {
            Job::Landing => self.page(site, &pages::landing(ctx), out),
            Job::Home(lang) => self.page(site, &pages::home(ctx, lang), out),
            Job::Vendor(lang, v, p) => self.page(site, &pages::vendor(ctx, v, lang, p), out),
            Job::Code(lang, v, r) => {
                self.page(site, &pages::code(ctx, site.fragments, v, r, lang), out)
            }
            Job::Tombstone(lang, t) => self.page(site, &pages::tombstone(ctx, t, lang), out),
            Job::Changes(lang) => self.page(site, &pages::changes(ctx, lang), out),
            Job::Feed => {
                feed::write_feed(ctx, out);
                Ok(())
            }
            Job::LlmsTxt => {
                llms::write_llms_txt(ctx, out);
                Ok(())
            }
            Job::VendorMarkdown(lang, v) => {
                llms::write_vendor_markdown(ctx, v, lang, out);
                Ok(())
            }
            Job::Permalink(lang, i) => match ctx.index.codes[i].1.len() {
                1 => self.page(site, &pages::redirect(ctx, i, lang), out),
                _ => self.page(site, &pages::permalink(ctx, i, lang), out),
            },
            Job::Categories(lang) => self.page(site, &pages::categories(ctx, lang), out),
            Job::Category(lang, category, p) => {
                self.page(site, &pages::category(ctx, category, lang, p), out)
            }
            Job::Statuses(lang) => self.page(site, &pages::statuses(ctx, lang), out),
            Job::Status(lang, i, p) => self.page(site, &pages::status(ctx, i, lang, p), out),
            Job::Report(lang, p) => self.page(site, &pages::report(ctx, lang, p, site.input), out),
            Job::Search(lang) => self.page(site, &pages::search(ctx, lang), out),
            Job::NotFound => self.page(site, &pages::not_found(ctx), out),
            Job::Stylesheet => {
                out.extend_from_slice(site.files.stylesheet.as_bytes());
                Ok(())
            }
            Job::SearchScript => {
                out.extend_from_slice(site.files.search_script.as_bytes());
                Ok(())
            }
            Job::Favicon => {
                out.extend_from_slice(site.files.favicon.as_bytes());
                Ok(())
            }
            Job::Image(kind, _) => {
                let settings = site.ctx.settings;
                let image = if kind == "logo" {
                    &settings.logo
                } else {
                    &settings.favicon
                };
                out.extend_from_slice(image.as_ref().map_or(&[][..], |i| &i.bytes));
                Ok(())
            }
            Job::SearchIndex => {
                site.search.write_manifest(out);
                Ok(())
            }
            Job::SearchShard(family, n) => {
                site.search.write_shard(family, n, out);
                Ok(())
            }
            Job::CodesJson => api::write_codes_json(ctx, out).map_err(|e| self.json_error(ctx, e)),
            Job::VendorJson(v) => {
                api::write_vendor_json(ctx, v, out).map_err(|e| self.json_error(ctx, e))
            }
            Job::ApiIndex => api::write_api_index(ctx, out).map_err(|e| self.json_error(ctx, e)),
            Job::CodeJson(v, r) => {
                api::write_code_json(ctx, v, r, out).map_err(|e| self.json_error(ctx, e))
            }
            Job::VendorCsv(v) => {
                api::write_vendor_csv(ctx, v, out);
                Ok(())
            }
            Job::Robots => {
                discovery::write_robots(ctx.base_url, out);
                Ok(())
            }
            Job::OpenSearch(lang) => {
                discovery::write_opensearch(ctx, lang, out);
                Ok(())
            }
            Job::Sitemap(file) => {
                let base_url = ctx
                    .base_url
                    .expect("a sitemap is planned only with a base URL");
                discovery::write_sitemap(base_url, site.sitemap, file, out);
                Ok(())
            }
        }
    }

    /// Fills the template `view` names with it.
    fn page<P: Page>(&self, site: &Site, view: &P, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let wrap = |source| RenderError::Template {
            page: self.path(site.ctx.index),
            source,
        };
        let context = view.context().map_err(wrap)?;
        // Pages in no one language (the landing page, 404) are English
        // first and mark their Chinese parts.
        site.theme
            .tera
            .get(self.lang().unwrap_or(Lang::En))
            .render_to(P::TEMPLATE, &context, &mut *out)
            .map_err(wrap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Record, Vendor};

    #[test]
    fn each_directory_is_one_group_and_the_most_work_comes_first() {
        let records = ["1", "2", "3"].map(Record::for_test);
        let catalog = Catalog {
            vendors: vec![Vendor::for_test("a", records.into())],
        };
        let jobs = [
            (Job::Code(Lang::En, 0, 0), "en/a/1.html"),
            (Job::Permalink(Lang::En, 0), "en/codes/1.html"),
            (Job::Code(Lang::En, 0, 1), "en/a/2.html"),
            (Job::Permalink(Lang::En, 1), "en/codes/2.html"),
            (Job::Permalink(Lang::En, 2), "en/codes/3.html"),
            (Job::Landing, "index.html"),
            (Job::Code(Lang::En, 0, 2), "en/a/3.html"),
        ];
        let (jobs, paths): (Vec<Job>, Vec<String>) =
            jobs.into_iter().map(|(j, p)| (j, p.to_owned())).unzip();
        let groups = by_directory(&jobs, &paths, &catalog, PageSize::default());
        assert_eq!(groups, [vec![0, 2, 6], vec![1, 3, 4], vec![5]]);
    }
}
