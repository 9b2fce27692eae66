//! Answering requests as a static host would: files by path, `index.html`
//! for a directory, `.html` for a pretty URL, `404.html` with status 404 for
//! a miss, the content types a host sends, the whole site under a base path
//! — and nothing outside the site directory, whatever the request says.
//! Two reserved paths under `/__errdocs/` carry live reload.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::live::{self, Live};

/// Reserved for errdocs itself; no site file is served under it.
const RESERVED: &str = "/__errdocs/";

/// What every worker answers with.
pub(crate) struct Shared {
    pub live: Live,
    /// The site directory.
    pub root: PathBuf,
    pub base: BasePath,
    /// Listening on loopback: only requests naming this machine are
    /// answered, so a web page cannot reach the server through a DNS name
    /// of its own that resolves to 127.0.0.1 (DNS rebinding).
    pub local_only: bool,
}

/// The URL path the site is served under: `/` or `/docs/errors/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasePath(String);

impl Default for BasePath {
    fn default() -> BasePath {
        BasePath("/".to_owned())
    }
}

impl BasePath {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, thiserror::Error)]
#[error(
    "`{0}` is not a base path: give URL path segments of letters, digits, `-`, `_`, `.` \
     and `~`, such as `/docs/errors/`"
)]
pub struct BasePathError(String);

impl FromStr for BasePath {
    type Err = BasePathError;

    /// `docs/errors`, `/docs/errors` and `/docs/errors/` are one base path.
    fn from_str(text: &str) -> Result<BasePath, BasePathError> {
        let trimmed = text.trim_matches('/');
        if trimmed.is_empty() {
            return Ok(BasePath::default());
        }
        let plain = |segment: &str| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
        };
        if !trimmed.split('/').all(plain) || format!("/{trimmed}/") == RESERVED {
            return Err(BasePathError(text.to_owned()));
        }
        Ok(BasePath(format!("/{trimmed}/")))
    }
}

/// What a request asks for, read from its URL alone.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// The live-reload script.
    Script,
    /// The stream of build states.
    Events,
    /// The last build's state as JSON.
    Status,
    /// A file of the site, as plain path segments; `dir` when the URL ends
    /// in `/`.
    Site { segments: Vec<String>, dir: bool },
    /// Somewhere else: `/` (or the base path without its `/`) leads to the
    /// base path.
    Redirect(String),
    /// Outside the base path, or a reserved path that does not exist.
    Missing,
    /// `..`, an encoded `/` or `\`, a NUL: refused, never resolved.
    Refused,
}

/// Reads a request's URL (`/docs/errors/en/a%20b.html?q=1`) against the
/// base path.
pub(crate) fn target(url: &str, base: &BasePath) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return Target::Refused;
    }
    if let Some(reserved) = path.strip_prefix(RESERVED) {
        return match reserved {
            "live.js" => Target::Script,
            "events" => Target::Events,
            "status" => Target::Status,
            _ => Target::Missing,
        };
    }
    let base = base.as_str();
    let Some(inside) = path.strip_prefix(base) else {
        return if path == "/" || format!("{path}/") == base {
            Target::Redirect(base.to_owned())
        } else {
            Target::Missing
        };
    };
    let mut segments = Vec::new();
    for raw in inside.split('/').filter(|s| !s.is_empty()) {
        let Ok(segment) = percent_decode_str(raw).decode_utf8() else {
            return Target::Refused;
        };
        if segment == "." || segment == ".." || segment.contains(['/', '\\', '\0']) {
            return Target::Refused;
        }
        segments.push(segment.into_owned());
    }
    Target::Site {
        dir: inside.is_empty() || inside.ends_with('/'),
        segments,
    }
}

/// What answers a request for a site file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    File(PathBuf),
    /// A directory asked for without its `/`.
    AddSlash,
    Missing,
}

/// Finds the file for `segments` under `root` as a static host does.
pub(crate) fn find(root: &Path, segments: &[String], dir: bool) -> Found {
    let mut path = root.to_owned();
    path.extend(segments);
    if path.is_dir() {
        if !dir {
            return Found::AddSlash;
        }
        path.push("index.html");
    }
    if path.is_file() {
        return Found::File(path);
    }
    // A pretty URL: `en/polaris/400141` for `en/polaris/400141.html`.
    if !dir && let Some(last) = segments.last() {
        let html = path.with_file_name(format!("{last}.html"));
        if html.is_file() {
            return Found::File(html);
        }
    }
    Found::Missing
}

/// The `Content-Type` a static host sends for a file of this name.
pub(crate) fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("svg") => "image/svg+xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// A worker: answers requests until the server stops.
pub(crate) fn answer(server: &tiny_http::Server, shared: &Arc<Shared>) {
    while let Ok(request) = server.recv() {
        if shared.live.stopping() {
            break;
        }
        respond(request, shared);
    }
}

fn respond(request: Request, shared: &Arc<Shared>) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str());
    if shared.local_only && !host.is_none_or(is_local_host) {
        let reply = text(
            403,
            "errdocs serve answers requests for localhost only; \
             `--bind` another address to serve others\n",
        );
        let _ = request.respond(reply);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let mut reply = text(405, "method not allowed\n");
        if let Ok(allow) = Header::from_bytes("Allow", "GET, HEAD") {
            reply.add_header(allow);
        }
        let _ = request.respond(reply);
        return;
    }
    let response = match target(request.url(), &shared.base) {
        Target::Events => {
            // A stream holds its connection open for as long as the page is;
            // it gets a thread of its own so the workers stay free.
            let mut out = request.into_writer();
            let shared = Arc::clone(shared);
            std::thread::spawn(move || shared.live.stream(&mut out));
            return;
        }
        Target::Script => bytes(200, "text/javascript; charset=utf-8", live::SCRIPT.into()),
        Target::Status => {
            let json = serde_json::to_vec(&shared.live.snapshot()).unwrap_or_default();
            bytes(200, "application/json; charset=utf-8", json)
        }
        Target::Redirect(to) => redirect(&to),
        Target::Refused => text(400, "bad request path\n"),
        Target::Missing => not_found(shared),
        Target::Site { segments, dir } => site_file(shared, request.url(), &segments, dir),
    };
    let _ = request.respond(response);
}

/// Whether a `Host` header names this machine: `localhost`, `127.0.0.1`,
/// `[::1]`, with or without a port.
pub(crate) fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn site_file(shared: &Shared, url: &str, segments: &[String], dir: bool) -> Reply {
    // Read before the file, so a page is never marked newer than it is.
    let mut site = shared.live.site();
    let mut found = find(&shared.root, segments, dir);
    if found == Found::Missing {
        // A running build may be about to move the file in.
        shared.live.wait_for_build();
        site = shared.live.site();
        found = find(&shared.root, segments, dir);
    }
    match found {
        Found::File(path) => match std::fs::read(&path) {
            Ok(body) => page(200, &path, body, site, &shared.base),
            // Removed by a build between finding and reading it.
            Err(_) => not_found(shared),
        },
        Found::AddSlash => {
            let path = url.split(['?', '#']).next().unwrap_or_default();
            redirect(&format!("{path}/"))
        }
        Found::Missing => not_found(shared),
    }
}

/// The site's `404.html` with status 404, or a page of its own while there
/// is no site (the first build failed): either way with the live script, so
/// the page shows why and reloads once the site is there.
fn not_found(shared: &Shared) -> Reply {
    let site = shared.live.site();
    let path = shared.root.join("404.html");
    let body = std::fs::read(&path).unwrap_or_else(|_| NO_SITE.as_bytes().to_vec());
    page(404, &path, body, site, &shared.base)
}

const NO_SITE: &str = "<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\">\
    <title>No site yet</title><body><h1>No site yet</h1>\
    <p>errdocs serve has no good build to show yet; the terminal says why.</body></html>\n";

fn page(status: u16, path: &Path, body: Vec<u8>, site: u64, base: &BasePath) -> Reply {
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") {
        live::inject(&body, site, base.as_str())
    } else {
        body
    };
    bytes(status, content_type, body)
}

fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    // The length is known: sent as `Content-Length`, as a static host does,
    // never chunked.
    let mut response = Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_chunked_threshold(usize::MAX);
    for (name, value) in [
        ("Content-Type", content_type),
        // A preview is always fresh: nothing is cached.
        ("Cache-Control", "no-store"),
    ] {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    response
}

fn text(status: u16, message: &str) -> Reply {
    bytes(
        status,
        "text/plain; charset=utf-8",
        message.as_bytes().to_vec(),
    )
}

fn redirect(to: &str) -> Reply {
    match Header::from_bytes("Location", to) {
        Ok(location) => text(302, "moved\n").with_header(location),
        Err(()) => text(400, "bad request path\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(segments: &[&str], dir: bool) -> Target {
        Target::Site {
            segments: segments.iter().map(|s| s.to_string()).collect(),
            dir,
        }
    }

    #[test]
    fn base_paths_are_normalised_and_checked() {
        for text in [
            "docs/errors",
            "/docs/errors",
            "/docs/errors/",
            "docs/errors/",
        ] {
            assert_eq!(text.parse::<BasePath>().unwrap().as_str(), "/docs/errors/");
        }
        assert_eq!("/".parse::<BasePath>().unwrap(), BasePath::default());
        for bad in ["/docs/../etc/", "/a//b/", "/a b/", "/__errdocs/", "/é/"] {
            let err = bad.parse::<BasePath>().unwrap_err().to_string();
            assert!(err.contains("is not a base path"), "{bad}: {err}");
        }
    }

    #[test]
    fn urls_name_site_files_by_decoded_segments() {
        let root = BasePath::default();
        assert_eq!(target("/", &root), site(&[], true));
        assert_eq!(
            target("/en/polaris/400141.html?q=1#x", &root),
            site(&["en", "polaris", "400141.html"], false)
        );
        assert_eq!(
            target("/en/acme/A%7E2FB.html", &root),
            site(&["en", "acme", "A~2FB.html"], false)
        );
        assert_eq!(target("/en/", &root), site(&["en"], true));
        assert_eq!(target("/__errdocs/events", &root), Target::Events);
        assert_eq!(target("/__errdocs/live.js", &root), Target::Script);
        assert_eq!(target("/__errdocs/other", &root), Target::Missing);
    }

    #[test]
    fn traversal_is_refused_however_it_is_spelled() {
        let root = BasePath::default();
        for url in [
            "/../etc/passwd",
            "/en/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/en/%2F..%2Fsecret",
            "/en/..%5C..%5Csecret",
            "/en/a%00.html",
            "/.",
            "/%ff.html",
            "http://example.com/",
        ] {
            assert_eq!(target(url, &root), Target::Refused, "{url}");
        }
    }

    #[test]
    fn the_site_lives_under_its_base_path() {
        let base: BasePath = "/docs/errors/".parse().unwrap();
        assert_eq!(target("/", &base), Target::Redirect("/docs/errors/".into()));
        assert_eq!(
            target("/docs/errors", &base),
            Target::Redirect("/docs/errors/".into())
        );
        assert_eq!(target("/docs/errors/", &base), site(&[], true));
        assert_eq!(
            target("/docs/errors/en/index.html", &base),
            site(&["en", "index.html"], false)
        );
        assert_eq!(target("/en/index.html", &base), Target::Missing);
        assert_eq!(target("/docs/errorsx/", &base), Target::Missing);
        assert_eq!(target("/docs/errors/../x", &base), Target::Refused);
        assert_eq!(target("/__errdocs/events", &base), Target::Events);
    }

    #[test]
    fn files_are_found_as_a_static_host_finds_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("en/polaris")).unwrap();
        std::fs::write(root.join("en/index.html"), "i").unwrap();
        std::fs::write(root.join("en/polaris/400141.html"), "p").unwrap();
        let segments = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            find(root, &segments(&["en"]), true),
            Found::File(root.join("en/index.html"))
        );
        assert_eq!(find(root, &segments(&["en"]), false), Found::AddSlash);
        assert_eq!(
            find(root, &segments(&["en", "polaris", "400141"]), false),
            Found::File(root.join("en/polaris/400141.html"))
        );
        assert_eq!(
            find(root, &segments(&["en", "polaris", "400141.html"]), false),
            Found::File(root.join("en/polaris/400141.html"))
        );
        assert_eq!(
            find(root, &segments(&["en", "polaris", "nope"]), false),
            Found::Missing
        );
        assert_eq!(
            find(root, &segments(&["en", "polaris"]), true),
            Found::Missing
        );
    }

    #[test]
    fn a_miss_while_a_build_runs_waits_for_the_build() {
        // As when a whole site is swapped in: for a moment there is none.
        let dir = tempfile::tempdir().unwrap();
        let shared = Shared {
            live: Live::default(),
            root: dir.path().to_owned(),
            base: BasePath::default(),
            local_only: true,
        };
        shared.live.building(true);
        let reply = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(300));
                std::fs::write(dir.path().join("late.html"), "<p>late</p>").unwrap();
                shared.live.building(false);
            });
            site_file(&shared, "/late.html", &["late.html".to_owned()], false)
        });
        assert_eq!(reply.status_code().0, 200);
        // Without a build running, a miss is a 404 at once.
        let missing = site_file(&shared, "/gone.html", &["gone.html".to_owned()], false);
        assert_eq!(missing.status_code().0, 404);
    }

    #[test]
    fn only_this_machine_is_a_local_host() {
        for local in [
            "localhost",
            "LOCALHOST:1111",
            "127.0.0.1:8080",
            "127.1.2.3",
            "[::1]:1111",
            "[::1]",
        ] {
            assert!(is_local_host(local), "{local}");
        }
        for other in [
            "attacker.example",
            "attacker.example:1111",
            "192.168.1.2",
            "localhost.example.com",
            "[::2]:80",
            "",
        ] {
            assert!(!is_local_host(other), "{other}");
        }
    }

    #[test]
    fn content_types_are_those_a_static_host_sends() {
        for (name, expected) in [
            ("a.html", "text/html; charset=utf-8"),
            ("api/codes.json", "application/json; charset=utf-8"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("search.js", "text/javascript; charset=utf-8"),
            ("favicon.svg", "image/svg+xml; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("api/acme.csv", "text/csv; charset=utf-8"),
            ("blob", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }
}
