//! The command line: what the user typed (clap), then a validated plan.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::build::{BuildPlan, PlanError};

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
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Directory holding one folder per vendor, each with a vendor.toml.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Exit with an error on warnings too, for a docs repository's CI.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Directory holding one folder per vendor, each with a vendor.toml.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Directory the site is written to; replaced as a whole on success.
    #[arg(long, default_value = "site")]
    pub output: PathBuf,
}

impl BuildArgs {
    pub fn plan(self) -> Result<BuildPlan, PlanError> {
        BuildPlan::new(self.input, self.output)
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
}
