//! Render: write the static site for a [`Catalog`] with the Tera templates.
//!
//! Every file of the site is a [`Job`]: pages, static assets, the search
//! index, the machine-readable exports and the files for search engines.
//! Jobs are rendered in parallel and streamed to disk, each directory's
//! files by one thread, the directories with the most work first. Each
//! file's bytes are hashed and compared with the previous build's manifest,
//! so a rebuild writes only the files whose bytes changed, and one with an
//! unchanged catalog writes nothing at all.

mod api;
mod discovery;
mod fragments;
mod index;
mod manifest;
mod output;
mod pages;
mod paths;
mod search;
mod theme;
mod view;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use twox_hash::XxHash3_64;

pub use self::paths::{BaseUrl, BaseUrlError};
pub use self::theme::ThemeFiles;

use self::discovery::{SitemapFile, SitemapUrl};
use self::fragments::{Fragments, Mastheads};
use self::index::Index;
use self::manifest::Manifest;
use self::output::Staging;
use self::pages::Ctx;
use self::theme::Theme;
use crate::build::Checked;
use crate::diagnostic::Diagnostic;
use crate::fs::FsError;
use crate::model::{Catalog, Category, Lang};

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template error while rendering `{page}`")]
    Template {
        page: String,
        #[source]
        source: tera::Error,
    },
    #[error("template error")]
    Templates(#[from] tera::Error),
    #[error("UI strings in `templates/strings.toml`: {0}")]
    Strings(String),
    #[error(transparent)]
    Fs(#[from] FsError),
    #[error("cannot serialise `{page}`")]
    Json {
        page: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("refusing to write `{0}`: not a plain path inside the output directory")]
    UnsafePath(String),
    #[error(
        "refusing to replace `{}`: it is not empty and was not made by errdocs (it has no `{}` file); \
         remove it, choose another `--output`, or pass `--force` to replace it",
        .0.display(), output::MARKER
    )]
    NotOurs(PathBuf),
    #[error(
        "refusing to remove `{}`, where errdocs stages a build: it was not made by errdocs \
         (it has no `{}` file); move it away",
        .0.display(), output::MARKER
    )]
    NotOursToRemove(PathBuf),
    #[error(
        "output `{}` is a symbolic link; errdocs replaces the output directory as a whole, \
         so give the directory itself",
        .0.display()
    )]
    SymlinkOutput(PathBuf),
    #[error(
        "another errdocs build is writing `{}` (it holds `{}`); wait for it to finish",
        .0.display(), output::lock_name(.0)
    )]
    Busy(PathBuf),
}

pub use self::output::OutputLock;

/// Makes `output` ready for a build, which must hold the lock it returns
/// until done: cleans up after a killed build and refuses an output that
/// errdocs did not make, unless `force`.
pub fn prepare_output(output: &Path, force: bool) -> Result<OutputLock, RenderError> {
    output::prepare(output, force)
}

/// What a render wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RenderSummary {
    /// HTML pages in the site.
    pub pages: usize,
    /// Every file in the site, pages included.
    pub files: usize,
    /// Files written by this build; the rest were already up to date.
    pub written: usize,
}

/// Told how far a render has got; the command line draws a progress bar.
pub trait Progress: Sync {
    fn start(&self, total: usize);
    fn advance(&self, done: usize);
}

impl Progress for () {
    fn start(&self, _: usize) {}
    fn advance(&self, _: usize) {}
}

/// Writes the site for a checked catalog into `output`, which
/// [`prepare_output`] has made ready. Nothing in `output` changes unless
/// every page has been rendered; then the new site replaces it in one step,
/// its unchanged files the same files as before. `input` is where the
/// catalog was read from, for the report; `base_url`, where the site will be
/// published, if known; `force`, whether a previous output that errdocs did
/// not make may be removed.
pub fn render(
    checked: &Checked,
    input: &Path,
    output: &Path,
    base_url: Option<&BaseUrl>,
    files: &ThemeFiles,
    force: bool,
    progress: &dyn Progress,
) -> Result<RenderSummary, RenderError> {
    let theme = Theme::load(files)?;
    let catalog = &checked.catalog;
    let ((fingerprint, previous), index) = rayon::join(
        || {
            let fingerprint = fingerprint(catalog, &checked.diagnostics, base_url, files);
            (fingerprint, Manifest::load(output))
        },
        || Index::new(checked, input),
    );
    let mastheads = Mastheads::render(&theme)?;
    let ctx = Ctx {
        mastheads: &mastheads,
        checked,
        index: &index,
        strings: &theme.strings,
        base_url,
    };
    let fragments = Fragments::render(&ctx, &theme)?;
    let mut jobs = jobs(catalog, &index);
    // The sitemap lists the pages of the jobs above, so it is planned last.
    let sitemap: Vec<SitemapUrl> = match base_url {
        Some(_) => jobs.iter().filter_map(|j| j.sitemap_url(&index)).collect(),
        None => Vec::new(),
    };
    if base_url.is_some() {
        jobs.extend(Lang::ALL.map(Job::OpenSearch));
        jobs.extend(discovery::sitemap_files(sitemap.len()).map(Job::Sitemap));
    }
    let site = Site {
        theme: &theme,
        fragments: &fragments,
        files,
        ctx: &ctx,
        input,
        sitemap: &sitemap,
    };
    let pages = jobs.iter().filter(|j| j.is_page()).count();
    let staging = Staging::new(output)?;
    for dir in dirs(catalog) {
        staging.make_dir(&dir)?;
    }
    progress.start(jobs.len());
    let paths: Vec<String> = jobs.par_iter().map(|job| job.path(&index)).collect();
    // Each directory's files are written by one thread at a time: two
    // threads creating files in one directory queue on its lock.
    let rendered = by_directory(&jobs, &paths, catalog)
        .into_iter()
        .par_bridge()
        .map_init(
            || Vec::with_capacity(16 * 1024),
            |buffer, group| {
                group
                    .into_iter()
                    .map(|i| {
                        buffer.clear();
                        jobs[i].render(&site, buffer)?;
                        let path = &paths[i];
                        let hash = XxHash3_64::oneshot(buffer);
                        let changed = previous.as_ref().and_then(|m| m.hash(path)) != Some(hash);
                        if changed {
                            staging.write(path, buffer)?;
                        }
                        progress.advance(1);
                        Ok((i, hash, changed))
                    })
                    .collect::<Result<Vec<_>, RenderError>>()
            },
        )
        .collect::<Result<Vec<_>, RenderError>>()?;
    // Each job's hash, and whether its file was written, in job order.
    let mut hashes = vec![(0, false); jobs.len()];
    for (i, hash, changed) in rendered.into_iter().flatten() {
        hashes[i] = (hash, changed);
    }
    let written = hashes.iter().filter(|(_, changed)| *changed).count();
    let same_site = written == 0
        && previous
            .as_ref()
            .is_some_and(|p| p.pages.len() == jobs.len());
    if !same_site {
        let unchanged = paths
            .iter()
            .zip(&hashes)
            .filter(|(_, (_, changed))| !*changed)
            .map(|(path, _)| path.as_str());
        staging.link_unchanged(unchanged.collect::<Vec<_>>())?;
    }
    let manifest = Manifest {
        fingerprint,
        pages: paths
            .into_iter()
            .zip(hashes)
            .map(|(path, (hash, _))| (path, hash))
            .collect(),
    };
    if same_site {
        // Every file is already there with these bytes: the site stays as
        // it is, and only the new fingerprint is recorded.
        manifest.save(output)?;
    } else {
        staging.commit(&manifest, force)?;
    }
    Ok(RenderSummary {
        pages,
        // The marker is a file of the site too, rewritten with every swap.
        files: manifest.pages.len() + 1,
        written: written + usize::from(!same_site),
    })
}

/// The summary of the site in `output` when a build of this catalog would
/// write nothing: the previous build had the same fingerprint and every file
/// it wrote is still there.
pub fn up_to_date(
    catalog: &Catalog,
    diagnostics: &[Diagnostic],
    output: &Path,
    base_url: Option<&BaseUrl>,
    files: &ThemeFiles,
) -> Option<RenderSummary> {
    let manifest = Manifest::load(output)?;
    let current = fingerprint(catalog, diagnostics, base_url, files);
    (manifest.fingerprint == current).then(|| RenderSummary {
        pages: manifest
            .pages
            .keys()
            .filter(|p| p.ends_with(".html"))
            .count(),
        files: manifest.pages.len() + 1,
        written: 0,
    })
}

/// Everything a build's output depends on: the catalog, its diagnostics,
/// the theme's templates, strings and assets, this binary and its version,
/// and the URL the site is published at. (The cross-reference is derived
/// from the catalog by this same binary.)
fn fingerprint(
    catalog: &Catalog,
    diagnostics: &[Diagnostic],
    base_url: Option<&BaseUrl>,
    files: &ThemeFiles,
) -> u64 {
    let mut hasher = XxHash3_64::default();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    // The rendering code itself: a rebuilt binary may render differently
    // under the same version number. Its size and time stand for it; when
    // they cannot be read, the fingerprint is made never to match.
    match std::env::current_exe().and_then(std::fs::metadata) {
        Ok(exe) => (exe.len(), exe.modified().ok()).hash(&mut hasher),
        Err(_) => std::time::SystemTime::now().hash(&mut hasher),
    }
    files.hash(&mut hasher);
    catalog.hash(&mut hasher);
    diagnostics.hash(&mut hasher);
    base_url.hash(&mut hasher);
    hasher.finish()
}

/// What every job is rendered with.
struct Site<'a> {
    theme: &'a Theme,
    fragments: &'a Fragments<'a>,
    /// The theme's files, for the assets copied as they are.
    files: &'a ThemeFiles,
    ctx: &'a Ctx<'a>,
    input: &'a Path,
    /// Every page the sitemap lists; empty without a base URL.
    sitemap: &'a [SitemapUrl],
}

/// One file of the site.
#[derive(Debug, Clone, Copy)]
enum Job {
    Landing,
    Home(Lang),
    Vendor(Lang, usize),
    Code(Lang, usize, usize),
    Permalink(Lang, usize),
    Categories(Lang),
    /// A category's codes, one page of [`pages::PAGE_SIZE`] at a time.
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
    Favicon,
    SearchIndex,
    CodesJson,
    /// One code's entry of `codes.json` on its own.
    CodeJson(usize, usize),
    VendorCsv(usize),
    Robots,
    /// Only with a base URL, like the sitemap.
    OpenSearch(Lang),
    Sitemap(SitemapFile),
}

fn jobs(catalog: &Catalog, index: &Index) -> Vec<Job> {
    let mut jobs = vec![
        Job::Landing,
        Job::NotFound,
        Job::Stylesheet,
        Job::SearchScript,
        Job::Favicon,
        Job::SearchIndex,
        Job::CodesJson,
        Job::Robots,
    ];
    for (v, vendor) in catalog.vendors.iter().enumerate() {
        jobs.push(Job::VendorCsv(v));
        jobs.extend((0..vendor.records.len()).map(|r| Job::CodeJson(v, r)));
    }
    for lang in Lang::ALL {
        jobs.extend([
            Job::Home(lang),
            Job::Categories(lang),
            Job::Statuses(lang),
            Job::Search(lang),
        ]);
        for (v, vendor) in catalog.vendors.iter().enumerate() {
            jobs.push(Job::Vendor(lang, v));
            jobs.extend((0..vendor.records.len()).map(|r| Job::Code(lang, v, r)));
        }
        jobs.extend((0..index.codes.len()).map(|i| Job::Permalink(lang, i)));
        jobs.extend(
            Category::ALL
                .into_iter()
                .zip(&index.categories)
                .filter(|(_, m)| !m.is_empty())
                .flat_map(|(c, members)| {
                    (0..pages::page_count(members.len())).map(move |p| Job::Category(lang, c, p))
                }),
        );
        jobs.extend(
            index
                .statuses
                .iter()
                .enumerate()
                .flat_map(|(i, (_, members))| {
                    (0..pages::page_count(members.len())).map(move |p| Job::Status(lang, i, p))
                }),
        );
        jobs.extend(
            (0..pages::page_count(index.diagnostic_records.len())).map(|p| Job::Report(lang, p)),
        );
    }
    jobs
}

/// The indices of `jobs` (whose files are at `paths`) grouped by directory,
/// the most work first, so that no thread is left alone at the end with a
/// big directory or a big file such as `codes.json`.
fn by_directory(jobs: &[Job], paths: &[String], catalog: &Catalog) -> Vec<Vec<usize>> {
    let mut groups: ahash::AHashMap<&str, (usize, Vec<usize>)> = ahash::AHashMap::new();
    for (i, path) in paths.iter().enumerate() {
        let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
        let group = groups.entry(dir).or_default();
        group.0 += jobs[i].weight(catalog);
        group.1.push(i);
    }
    let mut groups: Vec<(&str, (usize, Vec<usize>))> = groups.into_iter().collect();
    groups.sort_unstable_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    groups.into_iter().map(|(_, (_, group))| group).collect()
}

/// Every directory of the site, parents first.
fn dirs(catalog: &Catalog) -> Vec<String> {
    let mut dirs = vec!["api".to_owned(), "search".to_owned()];
    dirs.extend(catalog.vendors.iter().map(|v| format!("api/{}", v.id)));
    for lang in Lang::ALL {
        dirs.push(lang.tag().to_owned());
        for section in [paths::CODES, paths::CATEGORIES, paths::STATUS] {
            dirs.push(format!("{lang}/{section}"));
        }
        dirs.extend(catalog.vendors.iter().map(|v| format!("{lang}/{}", v.id)));
    }
    dirs
}

impl Job {
    /// Roughly how long the job takes, in units of about 5 µs: creating a
    /// file costs some 40 µs, rendering a code page 50 µs, a row of a list
    /// or a code's JSON 5 µs.
    fn weight(&self, catalog: &Catalog) -> usize {
        let codes = catalog.code_count();
        let work = match *self {
            Job::Code(..) => 10,
            Job::Vendor(_, v) => catalog.vendors[v].records.len(),
            Job::Category(..) | Job::Status(..) | Job::Report(..) => pages::PAGE_SIZE,
            Job::CodesJson => codes,
            Job::SearchIndex => codes / 3,
            Job::VendorCsv(v) => catalog.vendors[v].records.len() / 10,
            _ => 1,
        };
        8 + work
    }

    /// Whether the job writes an HTML page.
    fn is_page(&self) -> bool {
        matches!(
            self,
            Job::Landing
                | Job::Home(_)
                | Job::Vendor(..)
                | Job::Code(..)
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
            | Job::Vendor(lang, _)
            | Job::Code(lang, ..)
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
            Job::Vendor(_, v) => Job::Vendor(lang, v),
            Job::Code(_, v, r) => Job::Code(lang, v, r),
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
    fn sitemap_url(&self, index: &Index) -> Option<SitemapUrl> {
        let listed = match *self {
            Job::Permalink(_, i) => index.codes[i].1.len() > 1,
            Job::Search(_) | Job::NotFound => false,
            _ => self.is_page(),
        };
        listed.then(|| SitemapUrl {
            path: self.path(index),
            alternates: match self.lang() {
                Some(_) => Lang::ALL
                    .map(|l| (pages::html_lang(l), self.in_lang(l).path(index)))
                    .to_vec(),
                None => Vec::new(),
            },
        })
    }

    fn path(&self, index: &Index) -> String {
        let vendors = &index.catalog.vendors;
        match *self {
            Job::Landing => "index.html".to_owned(),
            Job::Home(lang) => paths::home_page(lang),
            Job::Vendor(lang, v) => paths::vendor_page(lang, &vendors[v].id),
            Job::Code(lang, v, r) => paths::code_page(
                lang,
                &vendors[v].id,
                &vendors[v].records[r].code,
                &index.names,
            ),
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
            Job::SearchIndex => paths::SEARCH_INDEX.to_owned(),
            Job::CodesJson => "api/codes.json".to_owned(),
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

    fn render(&self, site: &Site, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let ctx = site.ctx;
        let mut template = |name: &str, view: &dyn view::View| -> Result<(), RenderError> {
            let wrap = |source| RenderError::Template {
                page: self.path(ctx.index),
                source,
            };
            let context = view.context().map_err(wrap)?;
            // Pages in no one language (the landing page, 404) are English
            // first and mark their Chinese parts.
            site.theme
                .tera
                .get(self.lang().unwrap_or(Lang::En))
                .render_to(name, &context, &mut *out)
                .map_err(wrap)
        };
        match *self {
            Job::Landing => template("landing.html", &pages::landing(ctx)),
            Job::Home(lang) => template("home.html", &pages::home(ctx, lang)),
            Job::Vendor(lang, v) => template("vendor.html", &pages::vendor(ctx, v, lang)),
            Job::Code(lang, v, r) => {
                template("code.html", &pages::code(ctx, site.fragments, v, r, lang))
            }
            Job::Permalink(lang, i) => match ctx.index.codes[i].1.len() {
                1 => template("redirect.html", &pages::redirect(ctx, i, lang)),
                _ => template("permalink.html", &pages::permalink(ctx, i, lang)),
            },
            Job::Categories(lang) => template("list.html", &pages::categories(ctx, lang)),
            Job::Category(lang, category, p) => {
                template("codes.html", &pages::category(ctx, category, lang, p))
            }
            Job::Statuses(lang) => template("list.html", &pages::statuses(ctx, lang)),
            Job::Status(lang, i, p) => template("codes.html", &pages::status(ctx, i, lang, p)),
            Job::Report(lang, p) => {
                template("report.html", &pages::report(ctx, lang, p, site.input))
            }
            Job::Search(lang) => template("search.html", &pages::search(ctx, lang)),
            Job::NotFound => template("404.html", &pages::not_found(ctx)),
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
            Job::SearchIndex => search::write_index(ctx, out).map_err(|e| self.json_error(ctx, e)),
            Job::CodesJson => api::write_codes_json(ctx, out).map_err(|e| self.json_error(ctx, e)),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Code, Record, Vendor};

    #[test]
    fn each_directory_is_one_group_and_the_most_work_comes_first() {
        let records = ["1", "2", "3"].map(|c| Record::new(Code::new(c)));
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
        let groups = by_directory(&jobs, &paths, &catalog);
        assert_eq!(groups, [vec![0, 2, 6], vec![1, 3, 4], vec![5]]);
    }
}
