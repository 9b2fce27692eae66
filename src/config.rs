//! `errdocs.toml`: what the site is. It lives at the project's root,
//! beside `input/` (or where `--config` says), and is optional: without it
//! the site is built as it always was.
//!
//! It is read into [`SiteSettings`] for render and a base URL for the
//! build; every problem is a diagnostic at its line, and a misspelled key
//! is answered with the nearest one.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Kind};
use crate::fs;
use crate::model::{Bilingual, Lang};
use crate::render::{Asset, BaseUrl, Host, IMAGES, PageSize, Repository, SiteSettings};

/// The file's name.
pub const CONFIG_FILE: &str = "errdocs.toml";

/// What `errdocs.toml` says, checked.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from; `None` when there is none.
    pub path: Option<PathBuf>,
    pub site: SiteSettings,
    pub base_url: Option<BaseUrl>,
}

/// Where the configuration of a project whose input is `input` is looked
/// for: `errdocs.toml` in the folder that holds `input`.
pub fn default_path(input: &Path) -> PathBuf {
    match input.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join(CONFIG_FILE),
        _ => PathBuf::from(CONFIG_FILE),
    }
}

/// Reads the configuration at `explicit` (which must exist), or else at
/// [`default_path`] if there is one there.
pub fn load(input: &Path, explicit: Option<&Path>) -> Result<Config, Vec<Diagnostic>> {
    let path = match explicit {
        Some(path) => path.to_owned(),
        None => {
            let path = default_path(input);
            if !path.is_file() {
                return Ok(Config::default());
            }
            path
        }
    };
    let text = fs::read_to_string(&path).map_err(|err| {
        let cause = err.cause();
        vec![Diagnostic::error(Kind::Io, &path, None, cause)]
    })?;
    parse(&path, &text)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    title: Option<Texts>,
    description: Option<Texts>,
    base_url: Option<toml::Spanned<String>>,
    default_language: Option<Lang>,
    logo: Option<toml::Spanned<String>>,
    favicon: Option<toml::Spanned<String>>,
    footer: Option<Texts>,
    release: Option<String>,
    updated: Option<toml::Spanned<String>>,
    #[serde(default)]
    drafts: bool,
    page_size: Option<toml::Spanned<i64>>,
    repository: Option<RepositoryFile>,
    #[serde(default)]
    strings: StringsFile,
    #[serde(default)]
    search: SearchFile,
    #[serde(default)]
    api: ApiFile,
}

/// `[search]`: how the search index is cut.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchFile {
    /// The bound on a shard's bytes; `0` keeps the index one file.
    shard_bytes: Option<usize>,
}

/// `[api]`: which JSON files are written.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiFile {
    /// Up to how many codes `api/codes.json` is written.
    all_codes_max: Option<usize>,
}

/// A text in each language; one given alone stands for both.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Texts {
    en: Option<String>,
    zh: Option<String>,
}

impl Texts {
    fn both(self) -> Option<Bilingual<String>> {
        match (self.en, self.zh) {
            (Some(en), Some(zh)) => Some(Bilingual { en, zh }),
            (Some(one), None) | (None, Some(one)) => Some(Bilingual {
                en: one.clone(),
                zh: one,
            }),
            (None, None) => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RepositoryFile {
    url: toml::Spanned<String>,
    #[serde(default = "main_branch")]
    branch: String,
    #[serde(default = "input_dir")]
    input_path: String,
    /// For a host whose name does not tell its kind (a company's GitLab).
    host: Option<HostName>,
}

fn main_branch() -> String {
    "main".to_owned()
}

fn input_dir() -> String {
    "input".to_owned()
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum HostName {
    Github,
    Gitlab,
    Gitea,
    Forgejo,
    Bitbucket,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StringsFile {
    #[serde(default)]
    en: toml::Table,
    #[serde(default)]
    zh: toml::Table,
}

/// The longest footer, in characters; a footer is a line or two.
const MAX_FOOTER: usize = 2_000;

/// Parses and checks the text of `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
    let file: File =
        toml::from_str(text).map_err(|err| vec![Diagnostic::toml(path, text, &err)])?;
    let line = |span: std::ops::Range<usize>| Some(crate::diagnostic::line_at(text, span.start));
    let mut errors = Vec::new();
    let mut error = |line: Option<usize>, message: String| {
        errors.push(Diagnostic::error(Kind::Config, path, line, message));
    };
    let root = path.parent().unwrap_or(Path::new(""));
    let mut site = SiteSettings {
        default_language: file.default_language,
        drafts: file.drafts,
        release: file.release.filter(|r| !r.trim().is_empty()),
        search_shard_bytes: file
            .search
            .shard_bytes
            .map(|b| if b == 0 { usize::MAX } else { b }),
        api_all_codes_max: file.api.all_codes_max,
        ..SiteSettings::default()
    };
    for (key, texts) in [
        ("site_title", file.title),
        ("site_tagline", file.description),
    ] {
        if let Some(texts) = texts.and_then(Texts::both) {
            for lang in Lang::ALL {
                site.strings
                    .get_mut(lang)
                    .push((key.to_owned(), texts.get(lang).clone()));
            }
        }
    }
    for lang in Lang::ALL {
        let table = match lang {
            Lang::En => &file.strings.en,
            Lang::Zh => &file.strings.zh,
        };
        for (key, value) in table {
            match value.as_str() {
                Some(value) => site
                    .strings
                    .get_mut(lang)
                    .push((key.clone(), value.to_owned())),
                None => error(None, format!("`strings.{lang}.{key}` must be a string")),
            }
        }
    }
    if let Some(footer) = file.footer.and_then(Texts::both) {
        for lang in Lang::ALL {
            let markdown = footer.get(lang);
            if markdown.chars().count() > MAX_FOOTER {
                error(
                    None,
                    format!("`footer.{lang}` is longer than {MAX_FOOTER} characters"),
                );
            }
            *site.footer.get_mut(lang) = Some(footer_html(markdown));
        }
    }
    let base_url = match file.base_url {
        Some(url) => match url.get_ref().parse::<BaseUrl>() {
            Ok(url) => Some(url),
            Err(err) => {
                error(line(url.span()), format!("`base_url`: {err}"));
                None
            }
        },
        None => None,
    };
    if let Some(size) = file.page_size {
        let rows = usize::try_from(*size.get_ref())
            .ok()
            .and_then(PageSize::new);
        match rows {
            Some(rows) => site.page_size = rows,
            None => error(
                line(size.span()),
                format!(
                    "`page_size` is {}; it is the number of rows a page of a list holds, 1 or more (default {})",
                    size.get_ref(),
                    PageSize::DEFAULT
                ),
            ),
        }
    }
    if let Some(updated) = file.updated {
        if is_date(updated.get_ref()) {
            site.updated = Some(updated.get_ref().clone());
        } else {
            error(
                line(updated.span()),
                format!(
                    "`updated` is `{}`; write a date as YYYY-MM-DD",
                    updated.get_ref()
                ),
            );
        }
    }
    for (key, value, slot) in [
        ("logo", file.logo, &mut site.logo),
        ("favicon", file.favicon, &mut site.favicon),
    ] {
        let Some(value) = value else { continue };
        match asset(root, key, value.get_ref()) {
            Ok(found) => *slot = Some(found),
            Err(message) => error(line(value.span()), message),
        }
    }
    if let Some(repo) = file.repository {
        match repository(repo) {
            Ok(found) => site.repository = Some(found),
            Err((span, message)) => error(line(span), message),
        }
    }
    if errors.is_empty() {
        Ok(Config {
            path: Some(path.to_owned()),
            site,
            base_url,
        })
    } else {
        Err(errors)
    }
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(text[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(text[8..10].parse::<u8>(), Ok(1..=31))
}

/// A logo or favicon file, read to be copied into the site as `key.ext`.
fn asset(root: &Path, key: &str, file: &str) -> Result<Asset, String> {
    let ext = Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .filter(|e| IMAGES.contains(&e.as_str()))
        .ok_or_else(|| {
            format!(
                "`{key}` is `{file}`; it must be an image ({})",
                IMAGES.join(", ")
            )
        })?;
    let path = root.join(file);
    let bytes = fs::read(&path).map_err(|err| {
        let cause = err.cause();
        format!("`{key}`: cannot read `{}`: {cause}", path.display())
    })?;
    Ok(Asset {
        name: format!("{key}.{ext}"),
        bytes,
    })
}

fn repository(repo: RepositoryFile) -> Result<Repository, (std::ops::Range<usize>, String)> {
    let span = repo.url.span();
    let url = repo.url.into_inner();
    let url = url
        .trim_end_matches('/')
        .trim_end_matches(".git")
        .to_owned();
    let plain = url.starts_with("https://") || url.starts_with("http://");
    let unsafe_char = url.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`' | '?' | '#')
    });
    if !plain || unsafe_char {
        return Err((
            span,
            format!(
                "`repository.url` `{url}` is not the web address of a repository (https://host/owner/name)"
            ),
        ));
    }
    let host_name = url
        .split_once("://")
        .map(|(_, rest)| rest.split('/').next().unwrap_or("").to_ascii_lowercase())
        .unwrap_or_default();
    let host = match repo.host {
        Some(HostName::Github) => Host::GitHub,
        Some(HostName::Gitlab) => Host::GitLab,
        Some(HostName::Gitea | HostName::Forgejo) => Host::Gitea,
        Some(HostName::Bitbucket) => Host::Bitbucket,
        None if host_name.contains("github") => Host::GitHub,
        None if host_name.contains("gitlab") => Host::GitLab,
        None if host_name.contains("bitbucket") => Host::Bitbucket,
        None if ["codeberg", "gitea", "forgejo"]
            .iter()
            .any(|h| host_name.contains(h)) =>
        {
            Host::Gitea
        }
        None => {
            return Err((
                span,
                format!(
                    "cannot tell what kind of host `{host_name}` is; add `host = \"github\"` \
                     (or gitlab, gitea, forgejo, bitbucket) to [repository]"
                ),
            ));
        }
    };
    Ok(Repository {
        host,
        url,
        branch: repo.branch.trim_matches('/').to_owned(),
        input_path: repo.input_path.trim_matches('/').to_owned(),
    })
}

/// The footer's Markdown as HTML a page can hold: raw HTML is shown as
/// text, images as their description, and only web, mail and relative
/// links are kept.
fn footer_html(markdown: &str) -> String {
    let mut depth = 0usize;
    let events = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).filter_map(|event| {
        Some(match event {
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => return None,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if safe_link(&dest_url) {
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })
                } else {
                    depth += 1;
                    return None;
                }
            }
            Event::End(TagEnd::Link) if depth > 0 => {
                depth -= 1;
                return None;
            }
            Event::Start(Tag::Heading { .. }) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Paragraph),
            other => other,
        })
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// A link a footer may hold: http(s), mailto, or one with no scheme.
fn safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config, String> {
        parse(Path::new("errdocs.toml"), text).map_err(|errors| {
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    #[test]
    fn a_misspelled_key_is_answered_with_the_nearest() {
        let err = parsed("titel = { en = \"Acme\" }\n").unwrap_err();
        assert!(
            err.starts_with("errdocs.toml:1: error[config]: unknown field `titel`"),
            "{err}"
        );
        assert!(err.ends_with("did you mean `title`?"), "{err}");
        let err = parsed("[repository]\nurl = \"https://github.com/a/b\"\nbranche = \"x\"\n")
            .unwrap_err();
        assert!(err.starts_with("errdocs.toml:3:"), "{err}");
        assert!(err.ends_with("did you mean `branch`?"), "{err}");
    }

    #[test]
    fn title_and_description_become_the_sites_strings() {
        let config = parsed(
            "title = { en = \"Acme error codes\", zh = \"Acme 错误码\" }\n\
             description = { en = \"Every Acme code.\" }\n\
             [strings.zh]\nhome = \"首页\"\n",
        )
        .unwrap();
        assert_eq!(
            config.site.strings.zh,
            [
                ("site_title".to_owned(), "Acme 错误码".to_owned()),
                ("site_tagline".to_owned(), "Every Acme code.".to_owned()),
                ("home".to_owned(), "首页".to_owned()),
            ]
        );
    }

    #[test]
    fn the_footer_is_sanitised_markdown() {
        let config = parsed(
            "footer = { en = \"© Acme · [terms](https://acme.example/terms) <script>x</script> [x](javascript:alert(1)) ![logo](a.png)\" }\n",
        )
        .unwrap();
        let html = config.site.footer.en.unwrap();
        assert_eq!(
            html,
            "<p>© Acme · <a href=\"https://acme.example/terms\">terms</a> &lt;script&gt;x&lt;/script&gt; x logo</p>\n"
        );
    }

    #[test]
    fn repository_hosts_are_told_by_name_or_by_key() {
        let config = parsed("[repository]\nurl = \"https://gitlab.com/acme/docs/\"\n").unwrap();
        let repo = config.site.repository.unwrap();
        assert_eq!(
            (repo.host, repo.url.as_str()),
            (Host::GitLab, "https://gitlab.com/acme/docs")
        );
        assert_eq!(
            (repo.branch.as_str(), repo.input_path.as_str()),
            ("main", "input")
        );
        let err = parsed("[repository]\nurl = \"https://git.acme.example/docs\"\n").unwrap_err();
        assert!(
            err.contains("errdocs.toml:2:") && err.contains("host = "),
            "{err}"
        );
        let config =
            parsed("[repository]\nurl = \"https://git.acme.example/docs\"\nhost = \"forgejo\"\n")
                .unwrap();
        assert_eq!(config.site.repository.unwrap().host, Host::Gitea);
        let err = parsed("[repository]\nurl = \"javascript:alert(1)\"\n").unwrap_err();
        assert!(err.contains("is not the web address"), "{err}");
    }

    #[test]
    fn base_url_and_dates_are_checked_at_their_line() {
        let err =
            parsed("release = \"v1\"\nbase_url = \"example.com\"\nupdated = \"07/12/2026\"\n")
                .unwrap_err();
        assert!(
            err.contains("errdocs.toml:2: error[config]: `base_url`"),
            "{err}"
        );
        assert!(
            err.contains("errdocs.toml:3: error[config]: `updated`"),
            "{err}"
        );
        let config =
            parsed("base_url = \"https://e.example/docs\"\nupdated = \"2026-12-07\"\n").unwrap();
        assert_eq!(config.base_url.unwrap().as_str(), "https://e.example/docs/");
        assert_eq!(config.site.updated.as_deref(), Some("2026-12-07"));
    }

    #[test]
    fn a_logo_must_be_an_image_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("logo.svg"), "<svg/>").unwrap();
        let path = dir.path().join(CONFIG_FILE);
        let config = parse(&path, "logo = \"logo.svg\"\n").unwrap();
        assert_eq!(config.site.logo.unwrap().name, "logo.svg");
        let errors = parse(&path, "logo = \"logo.txt\"\nfavicon = \"missing.png\"\n").unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].to_string().contains("must be an image"));
        assert!(errors[1].to_string().contains("cannot read"));
    }
}
