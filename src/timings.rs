//! How long each stage of a build took, printed to stderr when
//! `ERRDOCS_TIMINGS` is set: how the stages' shares of a build are measured
//! (`docs/benchmarks.md`). Costs nothing when the variable is not set.

use std::time::{Duration, Instant};

/// Laps of one build, each printed as it ends.
pub struct Laps {
    on: bool,
    scope: &'static str,
    last: Instant,
}

impl Laps {
    /// Laps named `scope: …`, printed only when `ERRDOCS_TIMINGS` is set.
    pub fn start(scope: &'static str) -> Laps {
        Laps {
            on: std::env::var_os("ERRDOCS_TIMINGS").is_some(),
            scope,
            last: Instant::now(),
        }
    }

    /// Ends the lap that began at the previous one, naming it `name`.
    pub fn lap(&mut self, name: &str) -> Duration {
        let now = Instant::now();
        let took = now - self.last;
        self.last = now;
        if self.on {
            eprintln!("{}: {name} {:.0} ms", self.scope, took.as_secs_f64() * 1e3);
        }
        took
    }
}
