//! Render: write the static site for a [`Catalog`] with the Tera templates.
//!
//! Pages are rendered in parallel and streamed to disk. Each page's bytes
//! are hashed and compared with the previous build's manifest, so a rebuild
//! writes only the pages whose bytes changed, and one with an unchanged
//! catalog writes nothing at all.

mod api;
mod index;
mod manifest;
mod output;
mod pages;
mod paths;
mod theme;

use std::hash::{Hash, Hasher};
use std::path::Path;

use rayon::prelude::*;
use twox_hash::XxHash3_64;

use self::index::Index;
use self::manifest::Manifest;
use self::output::Staging;
use self::pages::Ctx;
use self::theme::Theme;
use crate::build::Checked;
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
    #[error("cannot serialise `api/codes.json`")]
    Json(#[from] serde_json::Error),
    #[error("refusing to write `{0}`: not a plain path inside the output directory")]
    UnsafePath(String),
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

/// Writes the site for a checked catalog into `output`. Nothing in
/// `output` changes unless every page has been rendered; then only changed
/// files are. `input` is where the catalog was read from, for the report.
pub fn render(
    checked: &Checked,
    input: &Path,
    output: &Path,
    progress: &dyn Progress,
) -> Result<RenderSummary, RenderError> {
    let theme = Theme::load()?;
    let catalog = &checked.catalog;
    let fingerprint = fingerprint(checked);
    let previous = Manifest::load(output);
    let index = Index::new(checked, input);
    let ctx = Ctx {
        checked,
        index: &index,
        strings: &theme.strings,
    };
    let jobs = jobs(catalog, &index);
    let pages = jobs.iter().filter(|j| j.is_page()).count();
    if previous
        .as_ref()
        .is_some_and(|m| m.fingerprint == fingerprint)
    {
        return Ok(RenderSummary {
            pages,
            files: jobs.len(),
            written: 0,
        });
    }

    let staging = Staging::new(output)?;
    for dir in dirs(catalog) {
        staging.make_dir(&dir)?;
    }
    progress.start(jobs.len());
    let rendered = jobs
        .par_iter()
        .map_init(
            || Vec::with_capacity(16 * 1024),
            |buffer, job| {
                buffer.clear();
                job.render(&theme, &ctx, input, buffer)?;
                let path = job.path(&index);
                let hash = XxHash3_64::oneshot(buffer);
                let changed = previous.as_ref().and_then(|m| m.hash(&path)) != Some(hash);
                if changed {
                    staging.write(&path, buffer)?;
                }
                progress.advance(1);
                Ok((path, hash, changed))
            },
        )
        .collect::<Result<Vec<_>, RenderError>>()?;

    let written = rendered.iter().filter(|(_, _, changed)| *changed).count();
    let manifest = Manifest {
        fingerprint,
        pages: rendered
            .into_iter()
            .map(|(path, hash, _)| (path, hash))
            .collect(),
    };
    staging.commit(previous.as_ref(), &manifest, written)?;
    Ok(RenderSummary {
        pages,
        files: manifest.pages.len(),
        written,
    })
}

/// Everything a build's output depends on: the catalog, its diagnostics,
/// the templates and strings compiled into this binary, and its version.
/// (The cross-reference is derived from the catalog by this same binary.)
fn fingerprint(checked: &Checked) -> u64 {
    let mut hasher = XxHash3_64::default();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    theme::SOURCES.hash(&mut hasher);
    checked.catalog.hash(&mut hasher);
    checked.diagnostics.hash(&mut hasher);
    hasher.finish()
}

/// One file of the site.
enum Job {
    Landing,
    Home(Lang),
    Vendor(Lang, usize),
    Code(Lang, usize, usize),
    Permalink(Lang, usize),
    Categories(Lang),
    Category(Lang, Category),
    Statuses(Lang),
    Status(Lang, usize),
    Report(Lang),
    Stylesheet,
    CodesJson,
}

fn jobs(catalog: &Catalog, index: &Index) -> Vec<Job> {
    let mut jobs = vec![Job::Landing, Job::Stylesheet, Job::CodesJson];
    for lang in Lang::ALL {
        jobs.extend([
            Job::Home(lang),
            Job::Categories(lang),
            Job::Statuses(lang),
            Job::Report(lang),
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
                .map(|(c, _)| Job::Category(lang, c)),
        );
        jobs.extend((0..index.statuses.len()).map(|i| Job::Status(lang, i)));
    }
    jobs
}

/// Every directory of the site, parents first.
fn dirs(catalog: &Catalog) -> Vec<String> {
    let mut dirs = vec!["api".to_owned()];
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
    fn is_page(&self) -> bool {
        !matches!(self, Job::Stylesheet | Job::CodesJson)
    }

    fn path(&self, index: &Index) -> String {
        let vendors = &index.catalog.vendors;
        match *self {
            Job::Landing => "index.html".to_owned(),
            Job::Home(lang) => paths::home_page(lang),
            Job::Vendor(lang, v) => paths::vendor_page(lang, &vendors[v].id),
            Job::Code(lang, v, r) => {
                paths::code_page(lang, &vendors[v].id, &vendors[v].records[r].code)
            }
            Job::Permalink(lang, i) => paths::permalink(lang, index.codes[i].0),
            Job::Categories(lang) => paths::categories_page(lang),
            Job::Category(lang, category) => paths::category_page(lang, category),
            Job::Statuses(lang) => paths::statuses_page(lang),
            Job::Status(lang, i) => paths::status_page(lang, index.statuses[i].0),
            Job::Report(lang) => paths::report_page(lang),
            Job::Stylesheet => "style.css".to_owned(),
            Job::CodesJson => "api/codes.json".to_owned(),
        }
    }

    fn render(
        &self,
        theme: &Theme,
        ctx: &Ctx,
        input: &Path,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let mut template = |name: &str, view: &dyn erased::View| -> Result<(), RenderError> {
            let wrap = |source| RenderError::Template {
                page: self.path(ctx.index),
                source,
            };
            let context = view.context().map_err(wrap)?;
            theme
                .tera
                .render_to(name, &context, &mut *out)
                .map_err(wrap)
        };
        match *self {
            Job::Landing => template("landing.html", &pages::landing(ctx)),
            Job::Home(lang) => template("home.html", &pages::home(ctx, lang)),
            Job::Vendor(lang, v) => template("vendor.html", &pages::vendor(ctx, v, lang)),
            Job::Code(lang, v, r) => template("code.html", &pages::code(ctx, v, r, lang)),
            Job::Permalink(lang, i) => template("permalink.html", &pages::permalink(ctx, i, lang)),
            Job::Categories(lang) => template("list.html", &pages::categories(ctx, lang)),
            Job::Category(lang, category) => {
                template("codes.html", &pages::category(ctx, category, lang))
            }
            Job::Statuses(lang) => template("list.html", &pages::statuses(ctx, lang)),
            Job::Status(lang, i) => template("codes.html", &pages::status(ctx, i, lang)),
            Job::Report(lang) => template("report.html", &pages::report(ctx, lang, input)),
            Job::Stylesheet => {
                out.extend_from_slice(theme::STYLESHEET.as_bytes());
                Ok(())
            }
            Job::CodesJson => Ok(api::write_codes_json(ctx, out)?),
        }
    }
}

/// View models of different types, turned into a Tera context.
mod erased {
    use serde::Serialize;

    pub(super) trait View {
        fn context(&self) -> Result<tera::Context, tera::Error>;
    }

    impl<T: Serialize> View for T {
        fn context(&self) -> Result<tera::Context, tera::Error> {
            tera::Context::from_serialize(self)
        }
    }
}
