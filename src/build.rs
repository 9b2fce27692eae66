//! The build: ingest and check, cross-reference, then render into the
//! output directory, as one call with a report.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config;
use crate::diagnostic::Diagnostic;
use crate::fs;
use crate::history;
use crate::ingest;
use crate::model::Catalog;
use crate::output::{self, Manifest, OutputError};
use crate::render::{
    self, BaseUrl, Progress, RenderContext, RenderError, RenderSummary, ThemeFiles,
};
use crate::timings::Laps;
use crate::xref::{self, Checked};

/// A validated request to build a site.
#[derive(Debug, Clone)]
pub struct BuildPlan {
    pub input: PathBuf,
    pub output: PathBuf,
    /// Where the site will be published, for the sitemap, canonical links
    /// and OpenSearch; without it those are left out.
    pub base_url: Option<BaseUrl>,
    /// A directory whose files replace the compiled-in theme's files of the
    /// same name.
    pub templates: Option<PathBuf>,
    /// Replace the output even when it is not a site errdocs built.
    pub force: bool,
    /// The site's `errdocs.toml`, when not the one beside the input.
    pub config: Option<PathBuf>,
    /// Show maintainers' material on the pages, whatever the
    /// configuration says.
    pub drafts: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error(
        "output directory `{output}` would replace `{protected}`; choose a directory of its own"
    )]
    OutputContains { output: PathBuf, protected: PathBuf },
    #[error("output directory `{0}` has no name; choose a directory of its own")]
    NoName(PathBuf),
}

impl BuildPlan {
    /// Refuses outputs whose replacement would delete the input or the
    /// working directory (`--output .`, `--output ..`, `--output input`).
    pub fn new(input: PathBuf, output: PathBuf) -> Result<BuildPlan, PlanError> {
        if output.file_name().is_none() {
            return Err(PlanError::NoName(output));
        }
        let resolved_output = resolve(&output);
        let cwd = std::env::current_dir().unwrap_or_default();
        for protected in [resolve(&input), cwd] {
            if protected.starts_with(&resolved_output) {
                return Err(PlanError::OutputContains { output, protected });
            }
        }
        Ok(BuildPlan {
            input,
            output,
            base_url: None,
            templates: None,
            force: false,
            config: None,
            drafts: false,
        })
    }

    /// The same plan for a site published at `base_url`.
    pub fn with_base_url(self, base_url: Option<BaseUrl>) -> BuildPlan {
        BuildPlan { base_url, ..self }
    }

    /// The same plan with the theme's files taken from `templates` where it
    /// has them.
    pub fn with_templates(self, templates: Option<PathBuf>) -> BuildPlan {
        BuildPlan { templates, ..self }
    }

    /// The same plan, allowed to replace an output errdocs did not make.
    pub fn with_force(self, force: bool) -> BuildPlan {
        BuildPlan { force, ..self }
    }

    /// The same plan with the configuration read from `config` instead of
    /// the `errdocs.toml` beside the input.
    pub fn with_config(self, config: Option<PathBuf>) -> BuildPlan {
        BuildPlan { config, ..self }
    }

    /// The same plan, showing maintainers' material when `drafts`.
    pub fn with_drafts(self, drafts: bool) -> BuildPlan {
        BuildPlan { drafts, ..self }
    }
}

/// An absolute path with `.` and `..` resolved as far as the path exists.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(path) = fs::canonicalize(path) {
        return path;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            resolve(parent).join(name)
        }
        _ => path.to_owned(),
    }
}

#[derive(Debug)]
pub struct BuildReport {
    pub vendors: usize,
    pub codes: usize,
    pub pages: usize,
    pub files: usize,
    /// Files written; the others were already up to date.
    pub written: usize,
    pub elapsed: Duration,
    /// Warnings about the input; the build went ahead despite them.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The input has errors; nothing was written.
    #[error("the input has {} error(s); nothing was written", count_errors(.0))]
    Input(Vec<Diagnostic>),
    #[error("cannot write the site")]
    Render(#[from] RenderError),
    /// The output directory cannot be made ready.
    #[error("cannot write the site")]
    Output(#[from] OutputError),
}

fn count_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// Ingests `input`, cross-references it and runs the consistency report;
/// with `all`, it also lists the gaps reviewed translations fill.
pub fn check(input: &Path, all: bool) -> Checked {
    let (catalog, diagnostics) = read_and_check(input, all);
    let xref = xref::cross_reference(&catalog);
    Checked {
        catalog,
        xref,
        diagnostics,
    }
}

/// Ingest and the consistency report, without the cross-reference.
fn read_and_check(input: &Path, all: bool) -> (Catalog, Vec<Diagnostic>) {
    let ingested = ingest::ingest(input);
    let mut diagnostics = ingested.diagnostics;
    diagnostics.extend(xref::check(&ingested.catalog, input, all));
    (ingested.catalog, diagnostics)
}

/// Reads `plan.input` and writes the site to `plan.output`. The previous
/// site stays untouched unless the whole build succeeds.
pub fn build(plan: &BuildPlan, progress: &dyn Progress) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let mut laps = Laps::start("build");
    // Before the input is read: a wrong `--output` is told at once, and
    // what a killed build left behind is cleaned up even when this one
    // has nothing to write.
    let _lock = output::prepare(&plan.output, plan.force)?;
    let mut config =
        config::load(&plan.input, plan.config.as_deref()).map_err(BuildError::Input)?;
    config.site.drafts |= plan.drafts;
    let base_url = plan.base_url.clone().or(config.base_url.take());
    laps.lap("prepare");
    let (catalog, mut diagnostics) = read_and_check(&plan.input, false);
    laps.lap("ingest and check");
    let (history, read) = history::read(&plan.input);
    diagnostics.extend(read);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(BuildError::Input(diagnostics));
    }
    let theme = ThemeFiles::read(plan.templates.as_deref())?;
    let fingerprint = render::fingerprint(
        &catalog,
        &history,
        &diagnostics,
        base_url.as_ref(),
        &theme,
        &config.site,
    );
    let previous = Manifest::load(&plan.output);
    laps.lap("history, fingerprint and manifest");
    let report = |summary: RenderSummary, catalog: &Catalog, diagnostics| BuildReport {
        vendors: catalog.vendors.len(),
        codes: catalog.code_count(),
        pages: summary.pages,
        files: summary.files,
        written: summary.written,
        elapsed: start.elapsed(),
        diagnostics,
    };
    // An unchanged input needs no cross-reference and no page rendered.
    if let Some(previous) = previous.as_ref().filter(|m| m.fingerprint == fingerprint) {
        return Ok(report(
            RenderSummary::unchanged(previous),
            &catalog,
            diagnostics,
        ));
    }
    let xref = xref::cross_reference(&catalog);
    laps.lap("cross-reference");
    let checked = Checked {
        catalog,
        xref,
        diagnostics,
    };
    let summary = render::render(&RenderContext {
        checked: &checked,
        history: &history,
        input: &plan.input,
        output: &plan.output,
        base_url: base_url.as_ref(),
        theme: &theme,
        settings: &config.site,
        force: plan.force,
        progress,
        fingerprint,
        previous: previous.as_ref(),
    })?;
    laps.lap("render");
    Ok(report(summary, &checked.catalog, checked.diagnostics))
}

/// What `errdocs release` recorded.
#[derive(Debug)]
pub struct Recorded {
    pub path: PathBuf,
    pub vendors: usize,
    pub codes: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ReleaseCommandError {
    #[error(transparent)]
    Invalid(#[from] history::ReleaseError),
    /// The input or its releases have errors; nothing was written.
    #[error("the input has {} error(s); no release was recorded", count_errors(.0))]
    Input(Vec<Diagnostic>),
    #[error("release `{label}` is already recorded in `{}`; a release is never overwritten", .path.display())]
    Exists { label: String, path: PathBuf },
    #[error(transparent)]
    Fs(#[from] fs::FsError),
}

/// Records the current catalog as release `label` of `date`, in the one
/// file `input/releases/<label>.jsonl`, which must not exist yet. The only
/// thing errdocs ever writes into the input.
pub fn release(input: &Path, label: &str, date: &str) -> Result<Recorded, ReleaseCommandError> {
    history::check_label(label)?;
    history::check_date(date)?;
    let path = history::release_path(input, label);
    if path.exists() {
        return Err(ReleaseCommandError::Exists {
            label: label.to_owned(),
            path,
        });
    }
    let (catalog, mut diagnostics) = read_and_check(input, false);
    diagnostics.extend(history::read(input).1);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(ReleaseCommandError::Input(diagnostics));
    }
    let entries = history::snapshot(&catalog);
    fs::create_dir_all(path.parent().expect("a release is in a folder"))?;
    fs::write_new(
        &path,
        history::format_release(label, date, &entries).as_bytes(),
    )?;
    Ok(Recorded {
        path,
        vendors: catalog.vendors.len(),
        codes: entries.len(),
    })
}

/// Two snapshots of the catalog and the changes from the first to the
/// second, as `errdocs diff` prints them.
#[derive(Debug)]
pub struct Comparison {
    /// The labels compared; `None` for the current input.
    pub from: String,
    pub to: Option<String>,
    pub old: Vec<history::Entry>,
    pub new: Vec<history::Entry>,
    pub changes: Vec<history::VendorChanges>,
}

impl Comparison {
    /// How many codes the second snapshot no longer has.
    pub fn removed(&self) -> usize {
        self.changes.iter().map(|v| v.removed.len()).sum()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    #[error("no release is recorded in `{}`; `errdocs release LABEL --date YYYY-MM-DD` records one", .0.display())]
    NoRelease(PathBuf),
    #[error("no release `{label}`; the releases are: {known}")]
    Unknown { label: String, known: String },
    /// The input or its releases have errors.
    #[error("the input has {} error(s)", count_errors(.0))]
    Input(Vec<Diagnostic>),
}

/// Compares release `from` with release `to`: by default the last release
/// with the current input, and one label with the current input.
pub fn compare(
    input: &Path,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Comparison, CompareError> {
    let (mut history, read) = history::read(input);
    if read.iter().any(Diagnostic::is_error) {
        return Err(CompareError::Input(read));
    }
    let take =
        |history: &history::History, label: &str| -> Result<history::Release, CompareError> {
            let known = history
                .releases
                .iter()
                .map(|r| r.label.as_str())
                .collect::<Vec<_>>();
            match history.releases.iter().position(|r| r.label == label) {
                Some(i) => Ok(history.releases[i].clone()),
                None => Err(CompareError::Unknown {
                    label: label.to_owned(),
                    known: match known.is_empty() {
                        true => "none".to_owned(),
                        false => known.join(", "),
                    },
                }),
            }
        };
    let old = match from {
        Some(label) => take(&history, label)?,
        None => match history.releases.pop() {
            Some(last) => last,
            None => return Err(CompareError::NoRelease(history::release_path(input, ""))),
        },
    };
    let (to, new) = match to {
        Some(label) => (Some(label.to_owned()), take(&history, label)?.entries),
        None => {
            let (catalog, diagnostics) = read_and_check(input, false);
            if diagnostics.iter().any(Diagnostic::is_error) {
                return Err(CompareError::Input(diagnostics));
            }
            (None, history::snapshot(&catalog))
        }
    };
    let changes = history::diff(&old.entries, &new);
    Ok(Comparison {
        from: old.label,
        to,
        old: old.entries,
        new,
        changes,
    })
}
