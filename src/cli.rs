//! The command line: what the user typed (clap), then a validated plan.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use errdocs::build::{BuildPlan, PlanError};
use errdocs::explain::{ExplainPlan, Source};
use errdocs::model::Lang;
use errdocs::render::BaseUrl;
use errdocs::serve::{BasePath, ServePlan};

#[derive(Debug, Parser)]
#[command(
    name = "errdocs",
    version,
    about = "Turn vendors' error-code tables into a static bilingual documentation site"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from the input directory.
    Build(BuildArgs),
    /// Report where the input contradicts or falls short of itself.
    Check(CheckArgs),
    /// Build the site into a temporary directory, serve it, and rebuild and
    /// reload the open pages whenever the input or the theme changes.
    Serve(ServeArgs),
    /// Show what errdocs sees in one file, without building: the shape it
    /// detects and why, which column or argument is which field, the first
    /// records, what it skipped and the warnings. Exits 1 when the file
    /// holds no catalog.
    Inspect(InspectArgs),
    /// Start a project: errdocs.toml, an example vendor in input/, a
    /// .gitignore, and with --ci a workflow that publishes the site. Never
    /// overwrites a file.
    Init(InitArgs),
    /// Copy a vendor's file into input/<ID>/ as it is, list it in the
    /// vendor's vendor.toml (made for a new vendor), and show what errdocs
    /// reads in it. Changes nothing when it reads no catalog.
    Add(AddArgs),
    /// Print a shell's completion script: `errdocs completions bash >
    /// ~/.local/share/bash-completion/completions/errdocs`.
    Completions(CompletionsArgs),
    /// Print the records of the codes a bare code, a log line or a JSON
    /// body names, found as the site's search box finds them: vendor,
    /// code, name, status, message, what to do and the page. Exits 1 when
    /// it names no known code.
    Explain(ExplainArgs),
    /// Record the current catalog as a release, in
    /// input/releases/<LABEL>.jsonl: the one file errdocs writes into the
    /// input. Never overwrites a release.
    Release(ReleaseArgs),
    /// Print what changed between two releases, or between a release and
    /// the current input: codes added, removed and changed, per vendor.
    Diff(DiffArgs),
}

#[derive(Debug, clap::Args)]
pub struct ReleaseArgs {
    /// The release's name: letters, digits, `.`, `-` and `_` (`v2.4`).
    pub label: String,
    /// The day of the release, YYYY-MM-DD. Required: it is the vendor's
    /// release day, often not the day it is recorded.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// The input directory.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older release; the last one when not given.
    #[arg(value_name = "LABEL_A")]
    pub from: Option<String>,
    /// The newer release; the current input when not given.
    #[arg(value_name = "LABEL_B")]
    pub to: Option<String>,
    /// The input directory.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Exit with 1 when a code was removed, for CI.
    #[arg(long)]
    pub fail_on_removed: bool,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The project's directory; made if missing.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Also write a workflow that builds the site and publishes it: to
    /// GitHub Pages (.github/workflows/errdocs.yml) or GitLab Pages
    /// (.gitlab-ci.yml).
    #[arg(long, value_enum)]
    pub ci: Option<CiHost>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CiHost {
    Github,
    Gitlab,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The vendor's file, as published.
    pub file: PathBuf,
    /// The vendor's id, as its URLs show it: lowercase letters, digits and
    /// hyphens.
    #[arg(long, value_name = "ID")]
    pub vendor: String,
    /// The language the file is written in; told from its texts when not
    /// given.
    #[arg(long, value_parser = ["en", "zh"])]
    pub lang: Option<String>,
    /// Read it as this format instead of detecting it.
    #[arg(long)]
    pub format: Option<String>,
    /// Its encoding when not UTF-8.
    #[arg(long)]
    pub encoding: Option<String>,
    /// The input directory.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A code (`400141`), a symbolic name, or a pasted log line or
    /// response body holding one or more; `-` reads it from standard input.
    #[arg(value_name = "CODE|TEXT")]
    pub text: String,
    /// The language of the texts shown, where the code has them.
    #[arg(long, value_parser = ["en", "zh"], default_value = "en")]
    pub lang: String,
    /// Only this vendor's codes (its folder name in the input).
    #[arg(long, value_name = "ID")]
    pub vendor: Option<String>,
    /// Directory holding one folder per vendor, each with a vendor.toml.
    #[arg(long, default_value = "input", conflicts_with = "site")]
    pub input: PathBuf,
    /// Look the codes up in a site errdocs built instead of the input.
    #[arg(long, value_name = "DIR")]
    pub site: Option<PathBuf>,
    /// The URL the site is published at, to print each page's full URL
    /// rather than its path in the site.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<BaseUrl>,
}

impl ExplainArgs {
    pub fn plan(self) -> ExplainPlan {
        ExplainPlan {
            text: self.text,
            source: match self.site {
                Some(site) => Source::Site(site),
                None => Source::Input(self.input),
            },
            lang: if self.lang == "zh" {
                Lang::Zh
            } else {
                Lang::En
            },
            vendor: self.vendor,
            base_url: self.base_url,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The file, as it would be listed in a vendor.toml.
    pub file: PathBuf,
    /// The language the file is written in (`lang` in vendor.toml).
    #[arg(long, value_parser = ["en", "zh"], default_value = "en")]
    pub lang: String,
    /// Read it as this format instead of detecting it (`format` in
    /// vendor.toml: markdown-table, html-table, code-list, headings, source,
    /// json, yaml, csv).
    #[arg(long)]
    pub format: Option<String>,
    /// Its encoding when not UTF-8 (`encoding` in vendor.toml: gbk, big5, …).
    #[arg(long)]
    pub encoding: Option<String>,
    /// How many records to show; 0 shows every one.
    #[arg(long, default_value_t = 10)]
    pub records: usize,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Directory holding one folder per vendor, each with a vendor.toml.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Exit with an error on warnings too, for a docs repository's CI.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also list the gaps the team's reviewed translations already fill.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Directory holding one folder per vendor, each with a vendor.toml.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Directory the site is written to; replaced as a whole on success.
    #[arg(long, default_value = "site")]
    pub output: PathBuf,
    /// The absolute URL the site will be published at, such as
    /// `https://errors.example.com/docs/`. With it the build writes
    /// `sitemap.xml`, OpenSearch descriptions and canonical links, which
    /// must be absolute; without it they are left out and every URL stays
    /// relative.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<BaseUrl>,
    /// A directory whose files replace the built-in theme's files of the
    /// same name (`code.html`, `style.css`, `strings.toml`, …).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Replace the output directory even when errdocs did not make it (it
    /// has no `.errdocs` file); everything in it is deleted.
    #[arg(long)]
    pub force: bool,
    /// The site's configuration, instead of the `errdocs.toml` in the
    /// folder that holds the input.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Show maintainers' material on the pages: why each code is in its
    /// category, the notes `errdocs check` has on it, and the report.
    #[arg(long)]
    pub drafts: bool,
}

impl BuildArgs {
    pub fn plan(self) -> Result<BuildPlan, PlanError> {
        Ok(BuildPlan::new(self.input, self.output)?
            .with_base_url(self.base_url)
            .with_templates(self.templates)
            .with_force(self.force)
            .with_config(self.config)
            .with_drafts(self.drafts))
    }
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Directory holding one folder per vendor, each with a vendor.toml;
    /// watched for changes.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// A directory whose files replace the built-in theme's files of the
    /// same name; watched for changes.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The port to listen on; 0 for any free port.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; the default lets this machine alone in.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Serve the site under this URL path, as it will be published
    /// (`/docs/errors/`).
    #[arg(long, value_name = "PATH", default_value = "/")]
    pub base_path: BasePath,
    /// Open the site in the default browser once it is built.
    #[arg(long)]
    pub open: bool,
    /// The site's configuration, instead of the `errdocs.toml` in the
    /// folder that holds the input; watched too.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl ServeArgs {
    pub fn plan(&self) -> ServePlan {
        ServePlan {
            input: self.input.clone(),
            templates: self.templates.clone(),
            config: self.config.clone(),
            bind: self.bind,
            port: self.port,
            base_path: self.base_path.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn base_url_is_checked_when_parsed() {
        let cli = Cli::try_parse_from([
            "errdocs",
            "build",
            "--base-url",
            "https://errors.example.com/docs",
        ])
        .unwrap();
        let Command::Build(args) = cli.command else {
            panic!("not a build");
        };
        assert_eq!(
            args.base_url.map(|b| b.to_string()).as_deref(),
            Some("https://errors.example.com/docs/")
        );
        let err = Cli::try_parse_from(["errdocs", "build", "--base-url", "example.com"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("is not an http:// or https:// URL"), "{err}");
    }

    #[test]
    fn explain_reads_the_input_unless_given_a_site() {
        let plan = |args: &[&str]| {
            let cli = Cli::try_parse_from(["errdocs", "explain"].iter().chain(args)).unwrap();
            let Command::Explain(args) = cli.command else {
                panic!("not an explain");
            };
            args.plan()
        };
        let default = plan(&["400141"]);
        assert!(matches!(&default.source, Source::Input(dir) if dir.as_os_str() == "input"));
        assert_eq!(default.lang, Lang::En);
        let site = plan(&["--site", "site", "--lang", "zh", "--vendor", "polaris", "x"]);
        assert!(matches!(&site.source, Source::Site(dir) if dir.as_os_str() == "site"));
        assert_eq!(
            (site.lang, site.vendor.as_deref()),
            (Lang::Zh, Some("polaris"))
        );
        let both = ["errdocs", "explain", "--site", "s", "--input", "i", "x"];
        assert!(Cli::try_parse_from(both).is_err());
    }

    #[test]
    fn serve_defaults_to_loopback_and_normalises_the_base_path() {
        let cli = Cli::try_parse_from(["errdocs", "serve", "--base-path", "docs/errors"]).unwrap();
        let Command::Serve(args) = cli.command else {
            panic!("not a serve");
        };
        let plan = args.plan();
        assert!(plan.bind.is_loopback());
        assert_eq!(plan.port, 1111);
        assert_eq!(plan.base_path.as_str(), "/docs/errors/");
        assert!(!args.open);
    }
}
