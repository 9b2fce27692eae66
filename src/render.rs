//! Render: write the static site for a [`Catalog`] with the Tera templates.
//!
//! Pages are rendered in parallel and streamed to disk. Each page's bytes
//! are hashed and compared with the previous build's manifest, so a rebuild
//! writes only the pages whose bytes changed, and one with an unchanged
//! catalog writes nothing at all.

mod api;
mod manifest;
mod output;
mod pages;
mod paths;
mod theme;

use std::hash::{Hash, Hasher};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use twox_hash::XxHash3_64;

use self::manifest::Manifest;
use self::output::Staging;
use self::theme::Theme;
use crate::fs::FsError;
use crate::model::{Catalog, Lang, Vendor};

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

/// Writes the site for `catalog` into `output`. Nothing in `output` changes
/// unless every page has been rendered; then only changed files are.
pub fn render(
    catalog: &Catalog,
    output: &Path,
    progress: &dyn Progress,
) -> Result<RenderSummary, RenderError> {
    let theme = Theme::load()?;
    let fingerprint = fingerprint(catalog);
    let previous = Manifest::load(output);
    let jobs = jobs(catalog);
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
                job.render(&theme, catalog, buffer)?;
                let path = job.path();
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

/// Everything a build's output depends on: the catalog, the templates and
/// strings compiled into this binary, and its version.
fn fingerprint(catalog: &Catalog) -> u64 {
    let mut hasher = XxHash3_64::default();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    theme::SOURCES.hash(&mut hasher);
    catalog.hash(&mut hasher);
    hasher.finish()
}

/// One file of the site.
enum Job<'a> {
    Landing,
    Home(Lang),
    Vendor(Lang, &'a Vendor),
    Code(Lang, &'a Vendor, usize),
    Stylesheet,
    CodesJson,
}

fn jobs(catalog: &Catalog) -> Vec<Job<'_>> {
    let mut jobs = vec![Job::Landing, Job::Stylesheet, Job::CodesJson];
    for lang in Lang::ALL {
        jobs.push(Job::Home(lang));
        for vendor in &catalog.vendors {
            jobs.push(Job::Vendor(lang, vendor));
            jobs.extend((0..vendor.records.len()).map(|i| Job::Code(lang, vendor, i)));
        }
    }
    jobs
}

/// Every directory of the site, parents first.
fn dirs(catalog: &Catalog) -> Vec<String> {
    let mut dirs = vec!["api".to_owned()];
    for lang in Lang::ALL {
        dirs.push(lang.tag().to_owned());
        dirs.extend(catalog.vendors.iter().map(|v| format!("{lang}/{}", v.id)));
    }
    dirs
}

impl Job<'_> {
    fn is_page(&self) -> bool {
        !matches!(self, Job::Stylesheet | Job::CodesJson)
    }

    fn path(&self) -> String {
        match self {
            Job::Landing => "index.html".to_owned(),
            Job::Home(lang) => paths::home_page(*lang),
            Job::Vendor(lang, vendor) => paths::vendor_page(*lang, &vendor.id),
            Job::Code(lang, vendor, i) => {
                paths::code_page(*lang, &vendor.id, &vendor.records[*i].code)
            }
            Job::Stylesheet => "style.css".to_owned(),
            Job::CodesJson => "api/codes.json".to_owned(),
        }
    }

    fn render(
        &self,
        theme: &Theme,
        catalog: &Catalog,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let strings = &theme.strings;
        match *self {
            Job::Landing => self.template(
                theme,
                "landing.html",
                &pages::landing(catalog, strings),
                out,
            ),
            Job::Home(lang) => self.template(
                theme,
                "home.html",
                &pages::home(catalog, lang, strings),
                out,
            ),
            Job::Vendor(lang, vendor) => self.template(
                theme,
                "vendor.html",
                &pages::vendor(vendor, lang, strings),
                out,
            ),
            Job::Code(lang, vendor, i) => self.template(
                theme,
                "code.html",
                &pages::code(vendor, i, lang, strings),
                out,
            ),
            Job::Stylesheet => {
                out.extend_from_slice(theme::STYLESHEET.as_bytes());
                Ok(())
            }
            Job::CodesJson => Ok(api::write_codes_json(catalog, out)?),
        }
    }

    fn template(
        &self,
        theme: &Theme,
        name: &str,
        view: &impl Serialize,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let wrap = |source| RenderError::Template {
            page: self.path(),
            source,
        };
        let context = tera::Context::from_serialize(view).map_err(wrap)?;
        theme.tera.render_to(name, &context, out).map_err(wrap)
    }
}
