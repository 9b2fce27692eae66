//! `errdocs serve`: the site built into a temporary directory, served over
//! HTTP, rebuilt when the input or the theme changes, and the open pages
//! reloaded — or told why the build failed while the last good site stays
//! served.
//!
//! One thread builds (the caller's), a few answer requests ([`http`]), one
//! per open page streams the build state to it ([`live`]), and the watcher
//! ([`watch`]) tells the builder when something changed. The build itself is the same
//! [`build::build`] as `errdocs build`, into the same temporary output each
//! time, so a rebuild writes only the files whose bytes changed and moves
//! each in with a rename: a request racing a rebuild gets the whole old or
//! the whole new file.

mod http;
mod live;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use self::http::{BasePath, BasePathError};

use self::live::Live;
use crate::build::{self, BuildError, BuildPlan, BuildReport, PlanError};
use crate::config;

/// How long the files must stay unchanged before a rebuild starts.
const QUIET: Duration = Duration::from_millis(100);

/// Threads answering requests; each open page's event stream has a thread
/// of its own besides.
const WORKERS: usize = 4;

/// A validated request to serve a site.
#[derive(Debug, Clone)]
pub struct ServePlan {
    pub input: PathBuf,
    /// A directory whose files replace the compiled-in theme's; watched too.
    pub templates: Option<PathBuf>,
    /// The site's `errdocs.toml`, when not the one beside the input;
    /// watched too.
    pub config: Option<PathBuf>,
    pub bind: IpAddr,
    /// `0` for any free port.
    pub port: u16,
    pub base_path: BasePath,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "address `{0}` is already in use (another `errdocs serve`?); \
         choose another port with `--port {next}`, or `--port 0` for any free one",
        next = .0.port().wrapping_add(1).max(1024)
    )]
    PortInUse(SocketAddr),
    #[error("cannot listen on `{addr}`")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start the HTTP server on `{addr}`: {message}")]
    Server { addr: SocketAddr, message: String },
    #[error("cannot make a temporary directory for the site")]
    TempDir(#[source] std::io::Error),
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error("cannot watch `{path}` for changes")]
    Watch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
}

/// What happened, for the terminal.
#[derive(Debug)]
pub enum Event<'a> {
    /// The first build is done (or failed) and the site is at `url`.
    Listening { url: &'a str },
    /// A build succeeded; `first` for the one at start-up.
    Built {
        report: &'a BuildReport,
        first: bool,
    },
    /// A build failed; the last good site, if any, is still served.
    Failed { error: &'a BuildError, first: bool },
    /// The watcher could not tell what changed; the site is rebuilt anyway.
    WatchError { message: &'a str },
}

/// What the builder is told: something changed, or stop.
enum Signal {
    Changed,
    WatchError(String),
    Stop,
}

/// Stops a running [`Server`]: from a Ctrl-C handler, or a test.
#[derive(Clone)]
pub struct Stopper(Sender<Signal>);

impl Stopper {
    pub fn stop(&self) {
        // The builder has gone already when this fails: nothing to stop.
        let _ = self.0.send(Signal::Stop);
    }
}

/// A server listening, its workers answering, its site not built yet.
pub struct Server {
    plan: BuildPlan,
    /// Holds the site and its manifest; removed when the server is dropped.
    dir: tempfile::TempDir,
    watched: Vec<PathBuf>,
    http: Arc<tiny_http::Server>,
    shared: Arc<http::Shared>,
    workers: Vec<JoinHandle<()>>,
    url: String,
    signals: (Sender<Signal>, Receiver<Signal>),
}

impl Server {
    /// Listens on the plan's address and starts answering requests. The
    /// site is built by [`Server::run`]; until then requests wait for it.
    pub fn start(plan: &ServePlan) -> Result<Server, ServeError> {
        let addr = SocketAddr::new(plan.bind, plan.port);
        let listener = TcpListener::bind(addr).map_err(|source| match source.kind() {
            std::io::ErrorKind::AddrInUse => ServeError::PortInUse(addr),
            _ => ServeError::Bind { addr, source },
        })?;
        let local = listener
            .local_addr()
            .map_err(|source| ServeError::Bind { addr, source })?;
        let http =
            tiny_http::Server::from_listener(listener, None).map_err(|err| ServeError::Server {
                addr: local,
                message: err.to_string(),
            })?;
        let dir = tempfile::Builder::new()
            .prefix("errdocs-serve-")
            .tempdir()
            .map_err(ServeError::TempDir)?;
        // A preview is for the maintainers: it shows their material.
        let build = BuildPlan::new(plan.input.clone(), dir.path().join("site"))?
            .with_templates(plan.templates.clone())
            .with_config(plan.config.clone())
            .with_drafts(true);
        let shared = Arc::new(http::Shared {
            live: Live::default(),
            root: build.output.clone(),
            base: plan.base_path.clone(),
            local_only: plan.bind.is_loopback(),
        });
        // Requests that come before the first build wait for it.
        shared.live.building(true);
        let http = Arc::new(http);
        let workers = (0..WORKERS)
            .map(|_| {
                let (http, shared) = (Arc::clone(&http), Arc::clone(&shared));
                std::thread::spawn(move || http::answer(&http, &shared))
            })
            .collect();
        let mut watched = vec![plan.input.clone()];
        watched.extend(plan.templates.clone());
        let config = (plan.config.clone()).unwrap_or_else(|| config::default_path(&plan.input));
        if config.is_file() {
            watched.push(config);
        }
        Ok(Server {
            plan: build,
            dir,
            watched,
            http,
            shared,
            workers,
            url: url(local, &plan.base_path),
            signals: mpsc::channel(),
        })
    }

    /// The URL of the site's root, with the port the system chose.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.signals.0.clone())
    }

    /// Builds the site, then rebuilds it on every change until stopped;
    /// tells `report` what happens. Returns once stopped, the temporary
    /// site removed.
    pub fn run(self, report: &mut dyn FnMut(Event)) -> Result<(), ServeError> {
        let on_change = self.signals.0.clone();
        // Watching starts first so that an edit during the first build is
        // not missed.
        let watching = watch::watch(&self.watched, move |change| {
            let signal = match change {
                Ok(()) => Signal::Changed,
                Err(message) => Signal::WatchError(message),
            };
            let _ = on_change.send(signal);
        });
        let watcher = match watching {
            Ok(watcher) => watcher,
            Err(err) => {
                self.shut_down();
                return Err(err);
            }
        };
        self.rebuild(report, true);
        report(Event::Listening { url: &self.url });
        while let Ok(signal) = self.signals.1.recv() {
            let mut stop = false;
            // A save is a burst of events; everything up to a quiet moment,
            // and whatever changed while the last build ran, is one build.
            // A file written without pause still gets built now and then.
            let deadline = Instant::now() + QUIET * 10;
            let mut next = Some(signal);
            while let Some(signal) = next {
                match signal {
                    Signal::Changed => {}
                    Signal::WatchError(message) => report(Event::WatchError { message: &message }),
                    Signal::Stop => stop = true,
                }
                let wait = QUIET.min(deadline.saturating_duration_since(Instant::now()));
                next = match stop || wait.is_zero() {
                    true => None,
                    false => self.signals.1.recv_timeout(wait).ok(),
                };
            }
            if stop {
                break;
            }
            self.rebuild(report, false);
        }
        drop(watcher);
        self.shut_down();
        Ok(())
    }

    fn rebuild(&self, report: &mut dyn FnMut(Event), first: bool) {
        let live = &self.shared.live;
        live.building(true);
        match build::build(&self.plan, &()) {
            Ok(built) => {
                live.built(&built);
                report(Event::Built {
                    report: &built,
                    first,
                });
            }
            Err(error) => {
                live.failed(&error);
                report(Event::Failed {
                    error: &error,
                    first,
                });
            }
        }
    }

    fn shut_down(self) {
        self.shared.live.stop();
        for _ in &self.workers {
            // Each call wakes one worker waiting for a request.
            self.http.unblock();
        }
        for worker in self.workers {
            let _ = worker.join();
        }
        // Dropping `dir` removes the site and its manifest.
        drop(self.dir);
    }
}

/// `http://127.0.0.1:1111/docs/errors/`; a wildcard address is shown as
/// its loopback, which a browser can open.
fn url(addr: SocketAddr, base: &BasePath) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!(
        "http://{}{}",
        SocketAddr::new(ip, addr.port()),
        base.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_names_a_host_a_browser_can_open() {
        let base: BasePath = "/docs/errors/".parse().unwrap();
        assert_eq!(
            url("0.0.0.0:8080".parse().unwrap(), &base),
            "http://127.0.0.1:8080/docs/errors/"
        );
        assert_eq!(
            url("[::1]:80".parse().unwrap(), &BasePath::default()),
            "http://[::1]:80/"
        );
    }

    #[test]
    fn a_port_in_use_is_named_with_a_way_out() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let plan = ServePlan {
            input: PathBuf::from("input"),
            templates: None,
            config: None,
            bind: "127.0.0.1".parse().unwrap(),
            port: taken.local_addr().unwrap().port(),
            base_path: BasePath::default(),
        };
        let err = Server::start(&plan).err().expect("the port is taken");
        let message = err.to_string();
        assert!(matches!(err, ServeError::PortInUse(_)), "{message}");
        assert!(message.contains(&format!("`127.0.0.1:{}`", plan.port)));
        assert!(message.contains("--port 0"), "{message}");
    }
}
