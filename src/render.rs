//! Render: write the static site for a cross-referenced catalog with the
//! Tera templates.
//!
//! Every file of the site is a job (`job.rs`): pages, static assets, the
//! search index, the machine-readable exports and the files for search
//! engines. Jobs are rendered in parallel and streamed to disk through
//! [`crate::output`], each directory's files by one thread, the directories
//! with the most work first. Each file's bytes are hashed and compared with
//! the previous build's manifest, so a rebuild writes only the files whose
//! bytes changed, and one with an unchanged catalog writes nothing at all.
//!
//! This file is the stage's face: [`RenderContext`] in, [`RenderSummary`]
//! out. Below it, `job.rs` lists the site's files and renders each;
//! `pages/` holds a view model per kind of page (and the related-code
//! entries rendered once and reused); `api`, `search` and `discovery` write
//! the files that are not pages; `context.rs` is what all of them are made
//! from, over `index`, `paths`, `theme` and `masthead`; `view.rs` turns a
//! view into a Tera context.

mod api;
mod context;
mod discovery;
mod error;
mod feed;
mod index;
mod job;
mod llms;
mod masthead;
mod pages;
mod paths;
mod search;
mod settings;
mod theme;
mod view;

use std::hash::{Hash, Hasher};
use std::path::Path;

use rayon::prelude::*;
use twox_hash::XxHash3_64;

pub use self::error::RenderError;
pub use self::paths::{BaseUrl, BaseUrlError};
pub use self::search::{CALLBACK as SEARCH_CALLBACK, SHARD_CALLBACK as SEARCH_SHARD_CALLBACK};
pub use self::settings::{Asset, Host, IMAGES, PageSize, Repository, SiteSettings};
pub use self::theme::{ThemeFiles, UiStrings};

use self::context::Ctx;
use self::discovery::SitemapUrl;
use self::index::Index;
use self::job::{Job, Site};
use self::masthead::Mastheads;
use self::pages::Fragments;
use self::paths::Names;
use self::search::SearchPlan;
use self::theme::Theme;
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::{Bilingual, Catalog, Lang};
use crate::output::{Manifest, Staging};
use crate::timings::Laps;
use crate::xref::Checked;

/// Everything a render is given, as mdBook's `RenderContext`.
pub struct RenderContext<'a> {
    pub checked: &'a Checked,
    /// The recorded releases.
    pub history: &'a History,
    /// Where the catalog was read from, for the report's paths.
    pub input: &'a Path,
    /// The site's directory, which [`crate::output::prepare`] has made
    /// ready.
    pub output: &'a Path,
    /// Where the site will be published, if known.
    pub base_url: Option<&'a BaseUrl>,
    pub theme: &'a ThemeFiles,
    /// What `errdocs.toml` says the site is.
    pub settings: &'a SiteSettings,
    /// Whether a previous output that errdocs did not make may be removed.
    pub force: bool,
    pub progress: &'a dyn Progress,
    /// [`fingerprint`] of this render's inputs.
    pub fingerprint: u64,
    /// What the previous build wrote to `output`, if it can be trusted.
    pub previous: Option<&'a Manifest>,
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

impl RenderSummary {
    /// The site a manifest describes, when nothing needs writing.
    pub fn unchanged(manifest: &Manifest) -> RenderSummary {
        RenderSummary {
            pages: manifest
                .pages
                .keys()
                .filter(|p| p.ends_with(".html"))
                .count(),
            // The marker is a file of the site too.
            files: manifest.pages.len() + 1,
            written: 0,
        }
    }
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

/// Writes the site for a checked catalog into `cx.output`. Nothing there
/// changes unless every page has been rendered; then the new site replaces
/// it in one step, its unchanged files the same files as before.
pub fn render(cx: &RenderContext) -> Result<RenderSummary, RenderError> {
    let mut laps = Laps::start("render");
    let theme = Theme::load(cx.theme, cx.settings)?;
    let catalog = &cx.checked.catalog;
    let index = Index::new(cx.checked, cx.history, cx.input);
    let mastheads = Mastheads::render(&theme, cx.settings)?;
    let edition = edition(&theme, cx.settings, catalog);
    let search = SearchPlan::new(
        cx.checked,
        &index.names,
        &index.timeline,
        cx.settings.search_shard_bytes(),
    );
    let ctx = Ctx {
        mastheads: &mastheads,
        checked: cx.checked,
        index: &index,
        strings: &theme.strings,
        base_url: cx.base_url,
        settings: cx.settings,
        edition: &edition,
    };
    laps.lap("index and search plan");
    let fragments = Fragments::render(&ctx, &theme)?;
    laps.lap("fragments");
    let mut jobs = job::jobs(catalog, &index, cx.settings, search.shard_counts());
    // The sitemap lists the pages of the jobs above, so it is planned last.
    let sitemap: Vec<SitemapUrl> = match cx.base_url {
        Some(_) => jobs.iter().filter_map(|j| j.sitemap_url(&index)).collect(),
        None => Vec::new(),
    };
    if cx.base_url.is_some() {
        jobs.extend(Lang::ALL.map(Job::OpenSearch));
        if !index.timeline.is_empty() {
            jobs.push(Job::Feed);
        }
        jobs.extend(discovery::sitemap_files(sitemap.len()).map(Job::Sitemap));
    }
    let site = Site {
        search: &search,
        theme: &theme,
        fragments: &fragments,
        files: cx.theme,
        ctx: &ctx,
        input: cx.input,
        sitemap: &sitemap,
    };
    let pages = jobs.iter().filter(|j| j.is_page()).count();
    let paths: Vec<String> = jobs.par_iter().map(|job| job.path(&index)).collect();
    let staging = Staging::new(cx.output)?;
    let dirs = job::dirs(catalog, &index);
    staging.remove_stale(&paths, &dirs)?;
    for dir in &dirs {
        staging.make_dir(dir)?;
    }
    laps.lap("jobs and directories");
    let progress = cx.progress;
    progress.start(jobs.len());
    // Each directory's files are written by one thread at a time: two
    // threads creating files in one directory queue on its lock.
    let rendered = job::by_directory(&jobs, &paths, catalog, cx.settings.page_size)
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
                        let changed = cx.previous.and_then(|m| m.hash(path)) != Some(hash);
                        // A fresh staging directory gets the unchanged
                        // files linked all at once below.
                        if !staging.holds(path, hash) {
                            if changed {
                                staging.write(path, buffer)?;
                            } else if staging.reused() {
                                staging.relink(path, buffer)?;
                            }
                        }
                        progress.advance(1);
                        Ok((i, hash, changed))
                    })
                    .collect::<Result<Vec<_>, RenderError>>()
            },
        )
        .collect::<Result<Vec<_>, RenderError>>()?;
    laps.lap("pages rendered and written");
    // Each job's hash, and whether its file was written, in job order.
    let mut hashes = vec![(0, false); jobs.len()];
    for (i, hash, changed) in rendered.into_iter().flatten() {
        hashes[i] = (hash, changed);
    }
    let written = hashes.iter().filter(|(_, changed)| *changed).count();
    let same_site = written == 0 && cx.previous.is_some_and(|p| p.pages.len() == jobs.len());
    // A reused staging directory holds the whole new site already.
    if !same_site && !staging.reused() {
        let unchanged = paths
            .iter()
            .zip(&hashes)
            .filter(|(_, (_, changed))| !*changed)
            .map(|(path, _)| path.as_str());
        staging.link_unchanged(unchanged.collect::<Vec<_>>())?;
    }
    laps.lap("unchanged files linked");
    let manifest = Manifest {
        fingerprint: cx.fingerprint,
        pages: paths
            .into_iter()
            .zip(hashes)
            .map(|(path, (hash, _))| (path, hash))
            .collect(),
    };
    if same_site {
        // Every file is already there with these bytes: the site stays as
        // it is, and only the new fingerprint is recorded. A reused staging
        // directory holds the same site, and is kept as the spare again.
        manifest.save(cx.output)?;
        if staging.reused() {
            staging.keep_as_spare(&manifest)?;
        }
    } else {
        staging.commit(&manifest, cx.force)?;
    }
    laps.lap("committed");
    Ok(RenderSummary {
        pages,
        // The marker is a file of the site too, rewritten with every swap.
        files: manifest.pages.len() + 1,
        written: written + usize::from(!same_site),
    })
}

/// The footer's line naming the catalog a site shows: the configured
/// release and date, or else a hash of the catalog, never the clock, so the
/// same input builds the same site.
fn edition(theme: &Theme, settings: &SiteSettings, catalog: &Catalog) -> Bilingual<String> {
    let mut hasher = XxHash3_64::default();
    catalog.hash(&mut hasher);
    let version = format!("{:08x}", hasher.finish() >> 32);
    let line = |lang: Lang| {
        let t = |key: &str| context::t(theme.strings.get(lang), key);
        let fill = |key: &str, values: &[(&str, &str)]| pages::fill(t(key), values);
        match (&settings.release, &settings.updated) {
            (Some(release), Some(date)) => fill(
                "edition_release_date",
                &[("release", release), ("date", date)],
            ),
            (Some(release), None) => fill("edition_release", &[("release", release)]),
            (None, Some(date)) => fill("edition_date", &[("date", date)]),
            (None, None) => fill("edition_hash", &[("version", &version)]),
        }
    };
    Bilingual {
        en: line(Lang::En),
        zh: line(Lang::Zh),
    }
}

/// What the site of a checked catalog offers for finding its codes,
/// without writing the site: what `errdocs explain` looks codes up in.
#[derive(Debug)]
pub struct SearchData {
    /// The data `search/index.js` hands the search script, as JSON.
    pub index: String,
    /// Each code's page in both languages, relative to the site's root,
    /// indexed like the catalog: `pages[vendor][record]`.
    pub pages: Vec<Vec<Bilingual<String>>>,
}

/// The search index and the code pages' paths of the site that [`render`]
/// would write for `checked`.
pub fn search_data(checked: &Checked) -> Result<SearchData, RenderError> {
    let catalog = &checked.catalog;
    let names = Names::new(
        catalog
            .vendors
            .iter()
            .flat_map(|v| v.records.iter().map(|r| &r.code)),
    );
    let index = search::index_json(checked, &names).map_err(|source| RenderError::Json {
        page: "search/index.js".to_owned(),
        source,
    })?;
    let pages = catalog
        .vendors
        .iter()
        .map(|vendor| {
            vendor
                .records
                .iter()
                .map(|record| Bilingual {
                    en: paths::code_page(Lang::En, &vendor.id, &record.code, &names),
                    zh: paths::code_page(Lang::Zh, &vendor.id, &record.code, &names),
                })
                .collect()
        })
        .collect();
    Ok(SearchData { index, pages })
}

/// Everything a build's output depends on: the catalog, the releases, its diagnostics,
/// the theme's templates, strings and assets, this binary and its version,
/// the site's settings and the URL it is published at. (The cross-reference is derived
/// from the catalog by this same binary.) A previous build with the same
/// fingerprint wrote the same site.
pub fn fingerprint(
    catalog: &Catalog,
    history: &History,
    diagnostics: &[Diagnostic],
    base_url: Option<&BaseUrl>,
    files: &ThemeFiles,
    settings: &SiteSettings,
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
    settings.hash(&mut hasher);
    catalog.hash(&mut hasher);
    history.hash(&mut hasher);
    diagnostics.hash(&mut hasher);
    base_url.hash(&mut hasher);
    hasher.finish()
}
