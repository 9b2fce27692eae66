//! The `errdocs` command: parse what the user typed, call the library, and
//! turn the result into output and an exit code.

mod cli;

use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{
    AddArgs, CiHost, Cli, Command, DiffArgs, ExplainArgs, InitArgs, InspectArgs, ReleaseArgs,
    ServeArgs,
};
use errdocs::build::{self, BuildError, BuildReport};
use errdocs::diagnostic::{Diagnostic, Severity};
use errdocs::explain::{self, ExplainError};
use errdocs::ingest::{self, Inspection};
use errdocs::model::Lang;
use errdocs::project::{self, Ci, Outcome};
use errdocs::render::Progress;
use errdocs::serve::{Event, Server};

// Rendering allocates many short-lived strings on every thread; mimalloc's
// thread-local free lists serve them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            print_error(err.as_ref());
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build(args) => {
            let plan = args.plan()?;
            let progress = Bar::new();
            let result = build::build(&plan, &progress);
            progress.bar.finish_and_clear();
            match result {
                Ok(report) => {
                    print_warnings(&report);
                    println!(
                        "built {}, {}, {} into `{}` in {} ms ({} written)",
                        counted(report.vendors, "vendor"),
                        counted(report.codes, "code"),
                        counted(report.pages, "page"),
                        plan.output.display(),
                        report.elapsed.as_millis(),
                        counted(report.written, "file"),
                    );
                    Ok(())
                }
                Err(BuildError::Input(diagnostics)) => {
                    print_diagnostics(std::io::stderr(), &diagnostics);
                    Err(BuildError::Input(diagnostics).into())
                }
                Err(err) => Err(err.into()),
            }
        }
        Command::Serve(args) => serve(&args),
        Command::Inspect(args) => inspect(&args),
        Command::Init(args) => init(&args),
        Command::Add(args) => add(&args),
        Command::Completions(args) => {
            use clap::CommandFactory;
            let mut command = Cli::command();
            let mut out = std::io::stdout().lock();
            clap_complete::generate(args.shell, &mut command, "errdocs", &mut out);
            Ok(())
        }
        Command::Explain(args) => explain(args),
        Command::Release(args) => release(&args),
        Command::Diff(args) => diff(&args),
        Command::Check(args) => {
            let checked = build::check(&args.input, args.all);
            print_diagnostics(std::io::stdout(), &checked.diagnostics);
            let errors = count(&checked.diagnostics, Severity::Error);
            let warnings = count(&checked.diagnostics, Severity::Warning);
            let notes = count(&checked.diagnostics, Severity::Note);
            let summary = format!(
                "checked {}, {}: {}, {}, {}",
                counted(checked.catalog.vendors.len(), "vendor"),
                counted(checked.catalog.code_count(), "code"),
                counted(errors, "error"),
                counted(warnings, "warning"),
                counted(notes, "note"),
            );
            if errors > 0 || (args.deny_warnings && warnings > 0) {
                anyhow::bail!("{summary}");
            }
            eprintln!("{summary}");
            Ok(())
        }
    }
}

fn release(args: &ReleaseArgs) -> anyhow::Result<()> {
    match build::release(&args.input, &args.label, &args.date) {
        Ok(recorded) => {
            println!(
                "recorded release {} ({}, {}) in `{}`",
                args.label,
                counted(recorded.vendors, "vendor"),
                counted(recorded.codes, "code"),
                recorded.path.display()
            );
            Ok(())
        }
        Err(build::ReleaseCommandError::Input(diagnostics)) => {
            print_diagnostics(std::io::stderr(), &diagnostics);
            Err(build::ReleaseCommandError::Input(diagnostics).into())
        }
        Err(err) => Err(err.into()),
    }
}

fn diff(args: &DiffArgs) -> anyhow::Result<()> {
    let comparison = match build::compare(&args.input, args.from.as_deref(), args.to.as_deref()) {
        Ok(comparison) => comparison,
        Err(build::CompareError::Input(diagnostics)) => {
            print_diagnostics(std::io::stderr(), &diagnostics);
            return Err(build::CompareError::Input(diagnostics).into());
        }
        Err(err) => return Err(err.into()),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let message = |e: &errdocs::history::Entry| {
        e.message
            .shown(Lang::En)
            .map(|(text, _)| text.to_owned())
            .unwrap_or_default()
    };
    let (mut added, mut removed, mut changed) = (0, 0, 0);
    for vendor in &comparison.changes {
        writeln!(
            out,
            "{}: {} added, {} removed, {} changed",
            vendor.vendor,
            vendor.added.len(),
            vendor.removed.len(),
            vendor.changed.len()
        )?;
        for &i in &vendor.added {
            let e = &comparison.new[i];
            writeln!(out, "  + {}  {}", e.code, message(e))?;
        }
        for &i in &vendor.removed {
            let e = &comparison.old[i];
            writeln!(out, "  - {}  {}", e.code, message(e))?;
        }
        for (before, after, fields) in &vendor.changed {
            let (old, new) = (&comparison.old[*before], &comparison.new[*after]);
            let fields: Vec<&str> = fields.iter().map(|f| f.as_str()).collect();
            writeln!(out, "  ~ {}  {} changed", new.code, fields.join(", "))?;
            if old.message != new.message {
                writeln!(out, "      was: {}", message(old))?;
                writeln!(out, "      now: {}", message(new))?;
            }
        }
        added += vendor.added.len();
        removed += vendor.removed.len();
        changed += vendor.changed.len();
    }
    let to = comparison.to.as_deref().unwrap_or("the input");
    writeln!(
        out,
        "{} → {to}: {added} added, {removed} removed, {changed} changed",
        comparison.from
    )?;
    out.flush()?;
    if args.fail_on_removed && comparison.removed() > 0 {
        anyhow::bail!("{} removed", counted(comparison.removed(), "code"));
    }
    Ok(())
}

fn init(args: &InitArgs) -> anyhow::Result<()> {
    let ci = args.ci.map(|ci| match ci {
        CiHost::Github => Ci::GitHub,
        CiHost::Gitlab => Ci::GitLab,
    });
    for outcome in project::init(&args.dir, ci)? {
        match outcome {
            Outcome::Created(path) => println!("created {}", path.display()),
            Outcome::Kept(path) => println!("kept {} (already there)", path.display()),
        }
    }
    let cd = match args.dir.as_os_str() {
        dir if dir == "." => String::new(),
        _ => format!("cd {} && ", args.dir.display()),
    };
    println!("next: {cd}errdocs build (or errdocs serve to preview)");
    Ok(())
}

fn add(args: &AddArgs) -> anyhow::Result<()> {
    let lang = args
        .lang
        .as_deref()
        .map(|l| if l == "zh" { Lang::Zh } else { Lang::En });
    let added = match project::add(
        &args.input,
        &args.file,
        &args.vendor,
        lang,
        args.format.as_deref(),
        args.encoding.as_deref(),
    ) {
        Ok(added) => added,
        Err(diagnostic) => anyhow::bail!("{diagnostic}"),
    };
    match &added.file {
        Outcome::Created(path) => println!("copied to {}", path.display()),
        Outcome::Kept(path) => println!("{} is already there, the same", path.display()),
    }
    match &added.vendor_toml {
        project::Listing::Created(path) => println!(
            "created {} (lang = \"{}\"); give the vendor its names there",
            path.display(),
            added.lang
        ),
        project::Listing::Extended(path) => {
            println!("listed in {} (lang = \"{}\")", path.display(), added.lang)
        }
        project::Listing::Listed(path) => println!("already listed in {}", path.display()),
    }
    println!();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let _ = write_inspection(&mut out, &added.inspection, 5);
    let _ = out.flush();
    Ok(())
}

fn explain(args: ExplainArgs) -> anyhow::Result<()> {
    let mut plan = args.plan();
    if plan.text == "-" {
        plan.text.clear();
        std::io::stdin()
            .read_to_string(&mut plan.text)
            .context("cannot read the text from standard input")?;
    }
    match explain::explain(&plan) {
        Ok(records) => {
            // A closed pipe (`errdocs explain … | head -1`) is no error.
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(records.as_bytes()).and_then(|()| out.flush());
            Ok(())
        }
        Err(ExplainError::Input(diagnostics)) => {
            print_diagnostics(std::io::stderr(), &diagnostics);
            Err(ExplainError::Input(diagnostics).into())
        }
        Err(err) => Err(err.into()),
    }
}

fn inspect(args: &InspectArgs) -> anyhow::Result<()> {
    let lang = if args.lang == "zh" {
        Lang::Zh
    } else {
        Lang::En
    };
    let seen = match ingest::inspect(
        &args.file,
        lang,
        args.format.as_deref(),
        args.encoding.as_deref(),
    ) {
        Ok(seen) => seen,
        Err(diagnostic) => anyhow::bail!("{diagnostic}"),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let _ = write_inspection(&mut out, &seen, args.records);
    let _ = out.flush();
    drop(out);
    if !seen.found() {
        let tried: Vec<&str> = seen.tried.iter().map(|(f, _)| *f).collect();
        anyhow::bail!(
            "{}: no error catalog found (tried {}); a file must hold a table with a code \
             column, a list of codes, a source catalog, or a JSON, YAML or CSV catalog",
            seen.path.display(),
            tried.join(", ")
        );
    }
    Ok(())
}

fn write_inspection(out: &mut impl Write, seen: &Inspection, limit: usize) -> std::io::Result<()> {
    writeln!(out, "file: {}", seen.path.display())?;
    match seen.shape {
        Some(shape) => writeln!(out, "shape: {shape}, because {}", seen.why)?,
        None => writeln!(out, "shape: none, {}", seen.why)?,
    }
    if !seen.how.is_empty() {
        writeln!(out, "\nhow it was read:")?;
        for (line, how) in &seen.how {
            writeln!(out, "  line {line}: {how}")?;
        }
    }
    let shown = if limit == 0 {
        seen.records.len()
    } else {
        limit.min(seen.records.len())
    };
    writeln!(
        out,
        "\nrecords: {} (first {shown} shown)",
        seen.records.len()
    )?;
    for record in &seen.records[..shown] {
        let line = record.sources.first().map_or(0, |s| s.line);
        write!(out, "  line {line}: {}", record.code)?;
        if let Some(name) = &record.name {
            write!(out, "  name {name}")?;
        }
        if !record.http_statuses.is_empty() {
            let statuses: Vec<String> =
                record.http_statuses.iter().map(|s| s.to_string()).collect();
            write!(out, "  HTTP {}", statuses.join(", "))?;
        }
        writeln!(out)?;
        for lang in Lang::ALL {
            let group = record.group.get(lang);
            if !group.is_empty() {
                writeln!(out, "      group ({}): {}", lang.tag(), group.join(" › "))?;
            }
        }
        for (what, texts) in [
            ("message", &record.messages),
            ("description", &record.descriptions),
            ("solution", &record.solutions),
        ] {
            for text in texts {
                writeln!(out, "      {what} ({}): {}", text.lang.tag(), text.text)?;
            }
        }
        for extra in &record.extra {
            writeln!(out, "      {}: {}", extra.header, extra.text)?;
        }
    }
    if !seen.skipped.is_empty() {
        writeln!(out, "\nskipped:")?;
        for (line, why) in &seen.skipped {
            writeln!(out, "  line {line}: {why}")?;
        }
    }
    writeln!(out, "\nwarnings: {}", seen.warnings.len())?;
    for warning in &seen.warnings {
        writeln!(out, "  {warning}")?;
    }
    Ok(())
}

fn print_warnings(report: &BuildReport) {
    let notes = count(&report.diagnostics, Severity::Note);
    print_diagnostics(
        std::io::stderr(),
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Note),
    );
    if notes > 0 {
        eprintln!("{}: `errdocs check` shows them", counted(notes, "note"));
    }
}

/// Prints one diagnostic per line through one buffer: a big catalog has
/// tens of thousands, and unbuffered stderr costs system calls for each.
/// A closed pipe (`errdocs check | head`) ends the listing quietly.
fn print_diagnostics<'a>(
    stream: impl Write,
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
) {
    let mut out = BufWriter::new(stream);
    for diagnostic in diagnostics {
        if writeln!(out, "{diagnostic}").is_err() {
            return;
        }
    }
    let _ = out.flush();
}

fn serve(args: &ServeArgs) -> anyhow::Result<()> {
    let server = Server::start(&args.plan())?;
    let stopper = server.stopper();
    let presses = AtomicUsize::new(0);
    ctrlc::set_handler(move || {
        if presses.fetch_add(1, Ordering::Relaxed) == 0 {
            stopper.stop();
        } else {
            // A second Ctrl-C does not wait for a long build to end.
            std::process::exit(130);
        }
    })?;
    server.run(&mut |event| tell(event, args.open))?;
    eprintln!("stopped");
    Ok(())
}

/// Prints what `serve` did: its URL, each build's outcome in a line, and a
/// failed build's errors.
fn tell(event: Event, open: bool) {
    match event {
        Event::Listening { url } => {
            println!("serving the site at {url} (Ctrl-C to stop)");
            if open && let Err(err) = open::that_detached(url) {
                eprintln!("warning: cannot open a browser: {err}");
            }
        }
        Event::Built {
            report,
            first: true,
        } => {
            print_warnings(report);
            println!(
                "built {}, {}, {} in {} ms",
                counted(report.vendors, "vendor"),
                counted(report.codes, "code"),
                counted(report.pages, "page"),
                report.elapsed.as_millis()
            );
        }
        Event::Built { report, .. } => {
            let warnings = count(&report.diagnostics, Severity::Warning);
            println!(
                "rebuilt in {} ms: {} written, {}",
                report.elapsed.as_millis(),
                counted(report.written, "file"),
                counted(warnings, "warning")
            );
        }
        Event::Failed { error, first } => {
            // The errors alone: the report page lists the warnings.
            if let BuildError::Input(diagnostics) = error {
                print_diagnostics(
                    std::io::stderr(),
                    diagnostics.iter().filter(|d| d.is_error()),
                );
            }
            print_error(error);
            eprintln!(
                "{}",
                match first {
                    true => "no site to serve until the input is fixed",
                    false => "still serving the last good site",
                }
            );
        }
        Event::WatchError { message } => {
            eprintln!("warning: watching for changes: {message}; rebuilding")
        }
    }
}

/// Prints an error and the chain of its causes, one a line.
fn print_error(err: &(dyn std::error::Error + 'static)) {
    eprintln!("error: {err}");
    let mut cause = err.source();
    while let Some(next) = cause {
        eprintln!("  caused by: {next}");
        cause = next.source();
    }
}

/// `1 vendor`, `4 vendors`.
fn counted(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

/// A progress bar on stderr that appears only on a terminal and only once a
/// build has run for a second; pipes and CI logs stay quiet.
struct Bar {
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
}

impl Bar {
    fn new() -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, {eta} left")
                .expect("valid progress template"),
        );
        Bar {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
    }

    fn advance(&self, done: usize) {
        self.bar.inc(done as u64);
        if !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() > Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            // `stderr()` draws nothing when stderr is not a terminal.
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}
