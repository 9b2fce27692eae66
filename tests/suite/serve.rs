//! `errdocs serve` as a maintainer uses it: the binary started on a free
//! loopback port, pages fetched over HTTP, sources edited on disk.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use errdocs::build::{self, BuildPlan};

use crate::support::{manifest_dir, tool};

/// How long a change may take to show: generous, for a loaded CI machine.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `errdocs serve`, stopped with Ctrl-C's signal when dropped
/// (and killed if it does not stop), so a failing test leaves no server.
struct Serving {
    child: Option<Child>,
    url: String,
    stderr: Arc<Mutex<String>>,
}

impl Serving {
    /// Starts `errdocs serve --port 0 ARGS…` with its temporary files in
    /// `tmp`, and waits until it prints its URL.
    fn start(args: &[&str], tmp: &Path) -> Serving {
        let mut child = Command::new(env!("CARGO_BIN_EXE_errdocs"))
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .env("TMPDIR", tmp)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start errdocs serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n @ 1..) = err.read(&mut buffer) {
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        let (send, lines) = mpsc::channel();
        let out = child.stdout.take().expect("stdout");
        // Reads on after the URL, so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = send.send(line);
            }
        });
        let mut serving = Serving {
            child: Some(child),
            url: String::new(),
            stderr,
        };
        let deadline = Instant::now() + Duration::from_secs(120);
        while serving.url.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("serving the site at ") {
                        let url = rest.split_whitespace().next().unwrap_or_default();
                        serving.url = url.to_owned();
                    }
                }
                Err(_) => panic!(
                    "errdocs serve printed no URL; stderr:\n{}",
                    serving.stderr()
                ),
            }
        }
        serving
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// `host:port` of the server.
    fn authority(&self) -> &str {
        let rest = self.url.strip_prefix("http://").expect("http URL");
        rest.split('/').next().unwrap_or_default()
    }

    /// GET `path` (absolute, starting with `/`).
    fn get(&self, path: &str) -> Reply {
        get(self.authority(), path)
    }

    /// Sends the signal Ctrl-C sends and waits for the server to exit.
    fn interrupt(&mut self) -> Option<ExitStatus> {
        let mut child = self.child.take()?;
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        None
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.interrupt();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    /// Lowercased names.
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A plain HTTP/1.1 GET, the request line sent as given (so `..` reaches
/// the server as a crafted client would send it).
fn get(authority: &str, path: &str) -> Reply {
    get_as(authority, authority, path)
}

/// A GET to the server at `authority` naming `host` in its `Host` header.
fn get_as(authority: &str, host: &str, path: &str) -> Reply {
    let mut stream = TcpStream::connect(authority).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read reply");
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let reply = Reply {
        status,
        headers,
        body: body.to_owned(),
    };
    // As a static host: the whole body with its length, never chunked.
    assert_eq!(
        reply.header("content-length"),
        Some(reply.body.len().to_string().as_str()),
        "GET {path}"
    );
    reply
}

/// Polls `check` until it returns something, or fails the test saying
/// `what` did not happen.
fn eventually<T>(what: &str, serving: &Serving, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(
            Instant::now() < deadline,
            "{what} within {PATIENCE:?}; server's stderr:\n{}",
            serving.stderr()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn copy_seeds(to: &Path) -> PathBuf {
    let input = to.join("input");
    for entry in walkdir::WalkDir::new(manifest_dir().join("input")) {
        let entry = entry.unwrap();
        let relative = entry
            .path()
            .strip_prefix(manifest_dir().join("input"))
            .unwrap();
        let target = input.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    input
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// The first server-sent event's data on a fresh event stream.
fn first_event(authority: &str) -> String {
    let mut stream = TcpStream::connect(authority).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET /__errdocs/events HTTP/1.1\r\nHost: {authority}\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "stream ended");
        if let Some(data) = line.strip_prefix("data: ") {
            return data.trim_end().to_owned();
        }
    }
}

#[test]
fn an_edit_shows_on_the_served_page_and_a_broken_edit_keeps_the_last_good_site() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let tmp = dir.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let theme = dir.path().join("templates");
    std::fs::create_dir_all(&theme).unwrap();
    let mut serving = Serving::start(
        &[
            "--input",
            input.to_str().unwrap(),
            "--templates",
            theme.to_str().unwrap(),
        ],
        &tmp,
    );
    assert!(
        serving.url.starts_with("http://127.0.0.1:"),
        "{}",
        serving.url
    );

    let page = "/en/polaris/400141.html";
    let first = serving.get(page);
    assert_eq!(first.status, 200);
    assert!(first.body.contains("heartbeat on disabled instance"));
    assert!(
        first.body.contains(r#"<script src="/__errdocs/live.js""#),
        "the live-reload script is injected"
    );
    let event = first_event(serving.authority());
    assert!(event.contains(r#""outcome":"ok""#), "{event}");

    // A maintainer fixes a message; the page shows it.
    let source = input.join("polaris/error-codes.en.md");
    edit(
        &source,
        "heartbeat on disabled instance",
        "heartbeat on a disabled instance",
    );
    eventually("the edited message was not served", &serving, || {
        let reply = serving.get(page);
        (reply.status == 200 && reply.body.contains("heartbeat on a disabled instance"))
            .then_some(())
    });
    // Files move in before the build reports; the state follows.
    eventually("the state did not count the changed site", &serving, || {
        first_event(serving.authority())
            .contains(r#""site":2,"outcome":"ok""#)
            .then_some(())
    });

    // A typo in vendor.toml: the error is reported, the last good site stays.
    let config = input.join("polaris/vendor.toml");
    let good_config = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{good_config}\nnmae = \"typo\"\n")).unwrap();
    let status = eventually("the broken build was not reported", &serving, || {
        let reply = serving.get("/__errdocs/status");
        reply
            .body
            .contains(r#""outcome":"failed""#)
            .then_some(reply)
    });
    assert_eq!(
        status.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert!(
        status.body.contains("polaris/vendor.toml:")
            && status.body.contains("unknown field `nmae`"),
        "{}",
        status.body
    );
    let event = first_event(serving.authority());
    assert!(event.contains(r#""outcome":"failed""#), "{event}");
    let kept = serving.get(page);
    assert_eq!(kept.status, 200);
    assert!(kept.body.contains("heartbeat on a disabled instance"));
    eventually("the terminal did not name the error", &serving, || {
        let stderr = serving.stderr();
        (stderr.contains("vendor.toml:") && stderr.contains("error[config]")).then_some(())
    });
    assert!(
        serving
            .stderr()
            .contains("still serving the last good site")
    );

    // Fixed again: the next good build clears the failure.
    std::fs::write(&config, good_config).unwrap();
    eventually("the repaired build was not reported", &serving, || {
        let reply = serving.get("/__errdocs/status");
        reply.body.contains(r#""outcome":"ok""#).then_some(())
    });

    // The theme directory is watched too: a new stylesheet is served.
    let shipped = std::fs::read_to_string(manifest_dir().join("templates/style.css")).unwrap();
    assert_eq!(serving.get("/style.css").body, shipped);
    std::fs::write(
        theme.join("style.css"),
        format!("{shipped}\n.code-page {{ outline: 1px solid red; }}\n"),
    )
    .unwrap();
    eventually("the theme's stylesheet was not served", &serving, || {
        serving
            .get("/style.css")
            .body
            .contains("outline: 1px solid red")
            .then_some(())
    });

    // Ctrl-C: a clean exit, and the temporary site is gone.
    let status = serving.interrupt().expect("stopped on Ctrl-C");
    assert!(status.success(), "{status:?}");
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn serves_what_a_static_host_would_under_a_base_path() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let serving = Serving::start(
        &[
            "--input",
            input.to_str().unwrap(),
            "--base-path",
            "/docs/errors/",
        ],
        dir.path(),
    );
    assert!(serving.url.ends_with("/docs/errors/"), "{}", serving.url);

    let root = serving.get("/");
    assert_eq!(root.status, 302);
    assert_eq!(root.header("location"), Some("/docs/errors/"));
    let moved = serving.get("/docs/errors/en");
    assert_eq!(moved.status, 302);
    assert_eq!(moved.header("location"), Some("/docs/errors/en/"));

    for (path, content_type) in [
        ("/docs/errors/", "text/html; charset=utf-8"),
        ("/docs/errors/en/", "text/html; charset=utf-8"),
        ("/docs/errors/en/polaris/400141", "text/html; charset=utf-8"),
        (
            "/docs/errors/api/codes.json",
            "application/json; charset=utf-8",
        ),
        ("/docs/errors/style.css", "text/css; charset=utf-8"),
        ("/docs/errors/search.js", "text/javascript; charset=utf-8"),
        ("/docs/errors/api/polaris.csv", "text/csv; charset=utf-8"),
        ("/docs/errors/robots.txt", "text/plain; charset=utf-8"),
        ("/__errdocs/live.js", "text/javascript; charset=utf-8"),
    ] {
        let reply = serving.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), Some(content_type), "{path}");
    }

    // A miss is the site's 404 page with status 404, inside the base path
    // and outside it.
    for path in ["/docs/errors/en/polaris/999999.html", "/en/index.html"] {
        let miss = serving.get(path);
        assert_eq!(miss.status, 404, "{path}");
        assert!(miss.body.contains("<title>"), "{path}: {}", miss.body);
        assert_eq!(
            miss.header("content-type"),
            Some("text/html; charset=utf-8")
        );
    }

    // Never a file outside the site, however the path is spelled.
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "secret").unwrap();
    for path in [
        "/docs/errors/../../secret.txt",
        "/docs/errors/%2e%2e/%2e%2e/secret.txt",
        "/docs/errors/en/..%2f..%2f..%2fsecret.txt",
    ] {
        let reply = serving.get(path);
        assert_eq!(reply.status, 400, "{path}");
        assert!(!reply.body.contains("secret"), "{path}");
    }

    // A page elsewhere cannot read the site through a name of its own that
    // resolves to this machine (DNS rebinding); localhost can.
    let port = serving.authority().rsplit(':').next().unwrap().to_owned();
    let rebound = get_as(serving.authority(), "attacker.example", "/docs/errors/");
    assert_eq!(rebound.status, 403);
    let local = get_as(
        serving.authority(),
        &format!("localhost:{port}"),
        "/docs/errors/",
    );
    assert_eq!(local.status, 200);

    // The page is the page `build --drafts` writes, byte for byte, but for
    // the live script; every relative link of it resolves under the
    // sub-path.
    let page = serving.get("/docs/errors/en/polaris/400141.html");
    let built_dir = tempfile::tempdir().unwrap();
    let plan = BuildPlan::new(input.clone(), built_dir.path().join("site"))
        .unwrap()
        .with_drafts(true);
    build::build(&plan, &()).unwrap();
    let built = std::fs::read_to_string(plan.output.join("en/polaris/400141.html")).unwrap();
    let start = page
        .body
        .find(r#"<script src="/__errdocs/live.js""#)
        .expect("injected script");
    let end = start + page.body[start..].find("</script>\n").expect("script end") + 10;
    assert_eq!(
        format!("{}{}", &page.body[..start], &page.body[end..]),
        built
    );

    let html = scraper::Html::parse_document(&page.body);
    let links = scraper::Selector::parse("link[href], script[src], a[href]").unwrap();
    let mut checked = 0;
    for element in html.select(&links) {
        let value = element.value();
        let href = value.attr("href").or(value.attr("src")).unwrap_or_default();
        let href = href.split(['#', '?']).next().unwrap_or_default();
        if href.is_empty() || href.contains(':') || href.starts_with('/') {
            continue;
        }
        let resolved = resolve("/docs/errors/en/polaris/400141.html", href);
        let reply = serving.get(&resolved);
        assert_eq!(reply.status, 200, "{href} → {resolved}");
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} relative links checked");
}

/// `href` relative to the page at `page`, with `..` resolved.
fn resolve(page: &str, href: &str) -> String {
    let mut segments: Vec<&str> = page.split('/').collect();
    segments.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                segments.pop();
            }
            "." => {}
            part => segments.push(part),
        }
    }
    segments.join("/")
}

#[test]
fn a_port_in_use_is_a_clear_error_with_a_way_out() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .args(["serve", "--input", "input", "--port", &port])
        .current_dir(manifest_dir())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("address `127.0.0.1:{port}` is already in use")),
        "{stderr}"
    );
    assert!(stderr.contains("--port 0"), "{stderr}");
}

/// The live-reload script in node, over a stand-in DOM and event source,
/// fed the states the server sends, and hidden and shown as a background
/// tab is.
#[test]
fn the_live_script_reloads_on_a_changed_site_and_shows_a_failure_until_fixed() {
    let Some(mut node) = tool("node") else {
        return;
    };
    let harness = r#"
        const fs = require('fs');
        const source = fs.readFileSync(process.argv[1], 'utf8');
        function node(tag) {
          return {
            tag, style: {}, textContent: '', children: [], attributes: {}, parentNode: null,
            listeners: {},
            setAttribute(k, v) { this.attributes[k] = v; },
            appendChild(c) { c.parentNode = this; this.children.push(c); return c; },
            removeChild(c) { this.children = this.children.filter((x) => x !== c); c.parentNode = null; },
            addEventListener(type, f) { this.listeners[type] = f; },
            text() { return this.textContent + this.children.map((c) => c.text()).join(''); },
          };
        }
        const body = node('body');
        const listeners = {};
        global.document = {
          currentScript: { dataset: { site: '3', base: '/docs/' } },
          documentElement: { lang: 'zh-CN' },
          body,
          hidden: false,
          createElement: node,
          addEventListener(type, f) { listeners[type] = f; },
        };
        let reloads = 0;
        global.location = { reload() { reloads++; } };
        let stream;
        global.EventSource = function (url) { this.url = url; this.closed = false; stream = this; };
        global.EventSource.prototype.close = function () { this.closed = true; };
        eval(source);
        const send = (state) => stream.onmessage({ data: JSON.stringify(state) });
        const shown = () => body.children.map((c) => ({
          tag: c.tag, role: c.attributes.role || null, href: c.href || null, text: c.text(),
        }));
        const steps = {};
        steps.url = stream.url;
        send({ site: 3, outcome: 'ok', error: null, diagnostics: [], warnings: 2 });
        steps.warned = { shown: shown(), reloads };
        const failure = { site: 3, outcome: 'failed', error: 'the input has 1 error(s)',
          diagnostics: ['input/acme/vendor.toml:3: error[config]: unknown field `nmae`'], warnings: 2 };
        send(failure);
        steps.failed = { shown: shown(), reloads };
        const dismiss = body.children[0].children[0].children[0];
        dismiss.listeners.click();
        send(failure);
        steps.dismissed = { shown: shown(), reloads };
        send({ site: 3, outcome: 'ok', error: null, diagnostics: [], warnings: 0 });
        steps.fixed = { shown: shown(), reloads };
        // A page in a background tab lets its connection go, and listens
        // again when shown.
        const before = stream;
        document.hidden = true;
        listeners.visibilitychange();
        steps.hidden = { closed: before.closed };
        document.hidden = false;
        listeners.visibilitychange();
        steps.visible = { again: stream !== before && !stream.closed };
        send({ site: 4, outcome: 'ok', error: null, diagnostics: [], warnings: 0 });
        steps.changed = { reloads, closed: stream.closed };
        console.log(JSON.stringify(steps));
    "#;
    node.arg("-e")
        .arg(harness)
        .arg(manifest_dir().join("src/serve/live.js"));
    let output = node.output().expect("run node");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let steps: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");

    assert_eq!(steps["url"], "/__errdocs/events");
    let warned = &steps["warned"]["shown"][0];
    assert_eq!(warned["text"], "2 warnings");
    assert_eq!(
        warned["href"], "/docs/zh/report.html",
        "the page's language"
    );
    assert_eq!(steps["warned"]["reloads"], 0);

    let failed = &steps["failed"]["shown"];
    assert_eq!(
        failed.as_array().unwrap().len(),
        1,
        "the overlay alone: {failed}"
    );
    assert_eq!(failed[0]["role"], "alert");
    let text = failed[0]["text"].as_str().unwrap();
    assert!(text.contains("the build failed"), "{text}");
    assert!(text.contains("the input has 1 error(s)"), "{text}");
    assert!(
        text.contains("input/acme/vendor.toml:3: error[config]"),
        "{text}"
    );
    assert_eq!(steps["failed"]["reloads"], 0, "a failure keeps the page");

    assert_eq!(steps["dismissed"]["shown"], serde_json::json!([]));
    assert_eq!(steps["fixed"]["shown"], serde_json::json!([]));
    assert_eq!(steps["fixed"]["reloads"], 0, "the site did not change");
    assert_eq!(steps["hidden"]["closed"], true);
    assert_eq!(steps["visible"]["again"], true);
    assert_eq!(steps["changed"]["reloads"], 1);
    assert_eq!(steps["changed"]["closed"], true);
}

#[test]
fn a_first_build_that_fails_is_explained_until_the_input_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let config = input.join("polaris/vendor.toml");
    let good_config = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{good_config}\nnmae = \"typo\"\n")).unwrap();
    let serving = Serving::start(&["--input", input.to_str().unwrap()], dir.path());

    // No site yet: every page is a 404 that carries the live script, so the
    // browser shows the errors and reloads once there is a site.
    let early = serving.get("/en/index.html");
    assert_eq!(early.status, 404);
    assert!(early.body.contains("No site yet"), "{}", early.body);
    assert!(early.body.contains(r#"data-site="0""#), "{}", early.body);
    let event = first_event(serving.authority());
    assert!(event.contains(r#""outcome":"failed""#), "{event}");
    assert!(event.contains("unknown field `nmae`"), "{event}");
    eventually("the terminal did not say why", &serving, || {
        let stderr = serving.stderr();
        (stderr.contains("error[config]")
            && stderr.contains("no site to serve until the input is fixed"))
        .then_some(())
    });

    std::fs::write(&config, good_config).unwrap();
    eventually("the fixed input was not reported", &serving, || {
        let reply = serving.get("/__errdocs/status");
        reply
            .body
            .contains(r#""site":1,"outcome":"ok""#)
            .then_some(())
    });
    let page = serving.get("/en/index.html");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"data-site="1""#));
}

/// Pages fetched without pause while the site is rebuilt — files moved in
/// one by one, and the whole site swapped when the previous build's record
/// no longer matches the directory — are always whole: never a 404, never
/// a torn page. (The moment of a swap with no site is too short to hit at
/// will; `http::tests::a_miss_while_a_build_runs_waits_for_the_build`
/// covers what a request meeting it does.)
#[test]
fn requests_racing_rebuilds_get_whole_pages() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let tmp = dir.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let serving = Serving::start(&["--input", input.to_str().unwrap()], &tmp);
    let site = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().path().join("site"))
        .find(|p| p.is_dir())
        .expect("the temporary site");

    let done = std::sync::atomic::AtomicBool::new(false);
    let source = input.join("polaris/error-codes.en.md");
    let original = std::fs::read_to_string(&source).unwrap();
    let fetched = std::thread::scope(|scope| {
        let hammers: Vec<_> = ["/en/polaris/400141.html", "/en/index.html"]
            .into_iter()
            .map(|page| {
                let (serving, done) = (&serving, &done);
                scope.spawn(move || {
                    let mut count = 0;
                    while !done.load(std::sync::atomic::Ordering::Relaxed) {
                        let reply = serving.get(page);
                        assert_eq!(reply.status, 200, "{page} during a rebuild");
                        assert!(reply.body.trim_end().ends_with("</html>"), "{page} torn");
                        count += 1;
                    }
                    count
                })
            })
            .collect();
        for round in 1..=4 {
            if round == 3 {
                // The record of the last build no longer matches: the next
                // build renders everything and swaps the whole site in.
                std::fs::remove_file(site.join("zh/polaris/400141.html")).unwrap();
            }
            let text = format!("heartbeat on disabled instance, round {round}");
            std::fs::write(
                &source,
                original.replace("heartbeat on disabled instance", &text),
            )
            .unwrap();
            eventually("the edit was not served", &serving, || {
                serving
                    .get("/en/polaris/400141.html")
                    .body
                    .contains(&text)
                    .then_some(())
            });
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        hammers
            .into_iter()
            .map(|h| h.join().unwrap())
            .sum::<usize>()
    });
    assert!(fetched > 20, "only {fetched} pages fetched");
    assert!(site.join("zh/polaris/400141.html").is_file());
}

#[test]
fn a_missing_input_directory_is_named_and_the_server_exits() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-input");
    let output = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .args(["serve", "--port", "0", "--input"])
        .arg(&missing)
        .env("TMPDIR", dir.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("cannot watch `{}`", missing.display())),
        "{stderr}"
    );
    // The temporary site went with it.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}
