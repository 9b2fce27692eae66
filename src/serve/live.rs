//! Live reload: the state of the last build, streamed to every open page as
//! server-sent events, and the script that listens to them — injected into
//! HTML responses, never written into the site.
//!
//! Each HTML response carries the number of the site it was read from; the
//! script reloads the page when a later successful build has changed the
//! site, and shows a failed build's errors over the page until the next
//! good build. A page that connects after a build sees its state at once.
//! (A page read while a build moves its files in may be new but numbered
//! old; it then reloads once more than it needs to.)

use std::io::Write;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::build::{BuildError, BuildReport};
use crate::diagnostic::{Diagnostic, Severity};

/// The script every served HTML page loads.
pub(crate) const SCRIPT: &str = include_str!("live.js");

/// A comment sent when nothing happened for this long, so a page that has
/// gone is noticed and its thread ends.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// How long a request for a missing file waits for a running build to end.
const BUILD_WAIT: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
pub(crate) struct Live {
    state: Mutex<State>,
    changed: Condvar,
}

/// What pages are told: `GET /__errdocs/status`, and each event's data.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct State {
    /// Bumped by every state worth telling, so a stream sends each once.
    #[serde(skip)]
    version: u64,
    #[serde(skip)]
    building: bool,
    #[serde(skip)]
    stopping: bool,
    /// The number of successful builds that changed the site.
    pub site: u64,
    pub outcome: Outcome,
    /// Why the last build failed.
    pub error: Option<String>,
    /// A failed build's errors, as `path:line: error[kind]: message`.
    pub diagnostics: Vec<String>,
    /// Warnings of the last successful build; the site's report lists them.
    pub warnings: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Outcome {
    #[default]
    Starting,
    Ok,
    Failed,
}

impl Live {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking thread cannot leave the state half-written: every
        // change is a few assignments.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn update(&self, change: impl FnOnce(&mut State)) {
        let mut state = self.lock();
        change(&mut state);
        drop(state);
        self.changed.notify_all();
    }

    pub(crate) fn snapshot(&self) -> State {
        self.lock().clone()
    }

    /// The number of successful builds that changed the site, so far.
    pub(crate) fn site(&self) -> u64 {
        self.lock().site
    }

    pub(crate) fn building(&self, building: bool) {
        self.update(|state| state.building = building);
    }

    pub(crate) fn built(&self, report: &BuildReport) {
        self.update(|state| {
            state.version += 1;
            state.building = false;
            // A build that wrote nothing leaves open pages as they are.
            if report.written > 0 {
                state.site += 1;
            }
            state.outcome = Outcome::Ok;
            state.error = None;
            state.diagnostics = Vec::new();
            state.warnings = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count();
        });
    }

    pub(crate) fn failed(&self, error: &BuildError) {
        self.update(|state| {
            state.version += 1;
            state.building = false;
            state.outcome = Outcome::Failed;
            state.error = Some(chain(error));
            state.diagnostics = match error {
                BuildError::Input(diagnostics) => errors(diagnostics),
                BuildError::Render(_) | BuildError::Output(_) => Vec::new(),
            };
        });
    }

    pub(crate) fn stop(&self) {
        self.update(|state| state.stopping = true);
    }

    pub(crate) fn stopping(&self) -> bool {
        self.lock().stopping
    }

    /// Waits until no build is running, or a minute has passed: a file
    /// missing now may be one a running build is about to move in.
    pub(crate) fn wait_for_build(&self) {
        let state = self.lock();
        let _ = self
            .changed
            .wait_timeout_while(state, BUILD_WAIT, |s| s.building && !s.stopping);
    }

    /// Streams the state to one page as server-sent events until the page
    /// goes away or the server stops. `out` is the raw connection.
    pub(crate) fn stream(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(
            b"HTTP/1.1 200 OK\r\n\
              Content-Type: text/event-stream; charset=utf-8\r\n\
              Cache-Control: no-store\r\n\
              Connection: close\r\n\r\n\
              retry: 1000\n\n",
        )?;
        out.flush()?;
        let mut sent = None;
        loop {
            let state = self.next(sent)?;
            if state.stopping {
                return Ok(());
            }
            match state.outcome {
                Outcome::Starting => {}
                _ if sent == Some(state.version) => out.write_all(b": still here\n\n")?,
                _ => {
                    let json = serde_json::to_string(&state).map_err(std::io::Error::other)?;
                    write!(out, "data: {json}\n\n")?;
                    sent = Some(state.version);
                }
            }
            out.flush()?;
        }
    }

    /// The state once it differs from version `sent`, or after a heartbeat.
    fn next(&self, sent: Option<u64>) -> std::io::Result<State> {
        let deadline = Instant::now() + HEARTBEAT;
        let mut state = self.lock();
        loop {
            let fresh = state.outcome != Outcome::Starting && sent != Some(state.version);
            let now = Instant::now();
            if fresh || state.stopping || now >= deadline {
                return Ok(state.clone());
            }
            state = self
                .changed
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// The errors of a failed build, in the terminal's words; its warnings are
/// those the report page lists.
fn errors(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(Diagnostic::to_string)
        .collect()
}

/// An error and its causes on one line, as `main` prints them.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text
}

/// `page` with the live-reload script before its `</body>`, told which site
/// the page was read from and the path the site is served under.
pub(crate) fn inject(page: &[u8], site: u64, base: &str) -> Vec<u8> {
    let tag = format!(
        "<script src=\"/__errdocs/live.js\" data-site=\"{site}\" data-base=\"{}\"></script>\n",
        escape_attribute(base)
    );
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + tag.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Kind;

    #[test]
    fn script_goes_before_the_last_body_end() {
        let page = b"<html><body><p>a</body></html>";
        let out = String::from_utf8(inject(page, 3, "/docs/")).unwrap();
        assert_eq!(
            out,
            "<html><body><p>a<script src=\"/__errdocs/live.js\" data-site=\"3\" \
             data-base=\"/docs/\"></script>\n</body></html>"
        );
        let bare = String::from_utf8(inject(b"<p>no body", 1, "/")).unwrap();
        assert!(bare.starts_with("<p>no body<script"), "{bare}");
    }

    #[test]
    fn a_failed_build_is_streamed_with_its_diagnostics() {
        let live = Live::default();
        let diagnostic = Diagnostic::error(
            Kind::Config,
            "input/acme/vendor.toml",
            Some(3),
            "unknown field `nmae`",
        );
        let warning = Diagnostic::warning(Kind::SameText, "input/acme/codes.md", Some(9), "same");
        live.failed(&BuildError::Input(vec![warning, diagnostic]));
        let state = live.snapshot();
        assert_eq!(state.outcome, Outcome::Failed);
        assert_eq!(
            state.diagnostics,
            ["input/acme/vendor.toml:3: error[config]: unknown field `nmae`"]
        );
        assert_eq!(
            state.error.as_deref(),
            Some("the input has 1 error(s); nothing was written")
        );
        // One event, then the stream ends when the server stops.
        let mut out = Vec::new();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(200));
                live.stop();
            });
            live.stream(&mut out).unwrap();
        });
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.contains("text/event-stream"), "{text}");
        let events: Vec<&str> = text.matches("data: ").collect();
        assert_eq!(events.len(), 1, "{text}");
        assert!(text.contains(r#""outcome":"failed""#), "{text}");
        assert!(text.contains("vendor.toml:3: error[config]"), "{text}");
    }
}
