use std::process::ExitCode;

use clap::Parser;

use errdocs::build::{self, BuildError};
use errdocs::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build(args) => {
            let plan = args.plan()?;
            match build::build(&plan) {
                Ok(report) => {
                    for diagnostic in &report.diagnostics {
                        eprintln!("{diagnostic}");
                    }
                    println!(
                        "built {} vendors, {} codes, {} pages into `{}` in {} ms",
                        report.vendors,
                        report.codes,
                        report.pages,
                        plan.output.display(),
                        report.elapsed.as_millis()
                    );
                    Ok(())
                }
                Err(BuildError::Input(diagnostics)) => {
                    for diagnostic in &diagnostics {
                        eprintln!("{diagnostic}");
                    }
                    Err(BuildError::Input(diagnostics).into())
                }
                Err(err) => Err(err.into()),
            }
        }
    }
}
