//! `errdocs init [DIR]`: a new project that builds at once — an
//! `errdocs.toml`, an example vendor whose two tables are the English and
//! Chinese of one catalog, a `.gitignore` for the output, and with `--ci`
//! a workflow that publishes the site.

use std::path::Path;

use super::Outcome;
use crate::config::CONFIG_FILE;
use crate::fs::{self, FsError};

/// The host a workflow is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    /// GitHub Actions, publishing to GitHub Pages.
    GitHub,
    /// GitLab CI, publishing to GitLab Pages.
    GitLab,
}

impl Ci {
    /// The workflow's path in the project, and its text: the file the
    /// README shows (`docs/ci/`), byte for byte.
    fn workflow(self) -> (&'static str, &'static str) {
        match self {
            Ci::GitHub => (
                ".github/workflows/errdocs.yml",
                include_str!("../../docs/ci/github-pages.yml"),
            ),
            Ci::GitLab => (
                ".gitlab-ci.yml",
                include_str!("../../docs/ci/gitlab-pages.yml"),
            ),
        }
    }
}

const CONFIG: &str = r#"# The site's configuration; every key is optional (README, "Configuration").
title = { en = "Example error codes", zh = "示例错误码" }
description = { en = "What each error code of our APIs means, and what to do about it.", zh = "我们各接口错误码的含义与处理方法。" }
# base_url = "https://errors.example.com/"
# default_language = "zh"
# logo = "logo.svg"
# footer = { en = "Maintained by the docs team.", zh = "由文档组维护。" }
# release = "v1"
# updated = "2026-01-01"

# [repository]
# url = "https://github.com/acme/error-docs"
# branch = "main"
# input_path = "input"
"#;

const GITIGNORE: &str =
    "# The built site, and what a build keeps beside it.\n/site/\n/.site.errdocs-*\n";

const VENDOR: &str = r#"# A vendor: its names, and its files as published (README, "Adding a vendor").
name = { en = "Example Cloud", zh = "示例云" }

[[sources]]
file = "errors.en.md"
lang = "en"

[[sources]]
file = "errors.zh.md"
lang = "zh"
"#;

const ERRORS_EN: &str = "# Example Cloud error codes

## Authentication

| Error code | HTTP status | Error message | Solution |
|------------|-------------|---------------|----------|
| AuthFailure.TokenExpired | 401 | The access token has expired. | Request a new token and send the request again. |
| AuthFailure.Forbidden | 403 | The caller may not access the resource. | Grant the account the permission the API names. |

## Quotas

| Error code | HTTP status | Error message | Solution |
|------------|-------------|---------------|----------|
| LimitExceeded.Instances | 400 | The instance quota of the region is used up. | Release unused instances, or ask for a higher quota. |
| RequestLimitExceeded | 429 | Too many requests. | Retry after a while, with exponential backoff. |
";

const ERRORS_ZH: &str = "# 示例云错误码

## 认证

| 错误码 | HTTP 状态码 | 错误信息 | 处理建议 |
|--------|-------------|----------|----------|
| AuthFailure.TokenExpired | 401 | 访问令牌已过期。 | 重新获取令牌后再次发送请求。 |
| AuthFailure.Forbidden | 403 | 调用者无权访问该资源。 | 为账号授予接口所需的权限。 |

## 配额

| 错误码 | HTTP 状态码 | 错误信息 | 处理建议 |
|--------|-------------|----------|----------|
| LimitExceeded.Instances | 400 | 该地域的实例配额已用完。 | 释放不用的实例，或申请提高配额。 |
| RequestLimitExceeded | 429 | 请求过于频繁。 | 稍后按指数退避重试。 |
";

/// Writes a new project into `dir` (made if missing). A file that is
/// already there is kept as it is and reported so.
pub fn init(dir: &Path, ci: Option<Ci>) -> Result<Vec<Outcome>, FsError> {
    let mut files = vec![
        (CONFIG_FILE, CONFIG),
        (".gitignore", GITIGNORE),
        ("input/example/vendor.toml", VENDOR),
        ("input/example/errors.en.md", ERRORS_EN),
        ("input/example/errors.zh.md", ERRORS_ZH),
    ];
    files.extend(ci.map(Ci::workflow));
    let mut outcomes = Vec::new();
    for (name, text) in files {
        // `init` in the current directory names its files plainly.
        let path = match dir == Path::new(".") {
            true => Path::new(name).to_owned(),
            false => dir.join(name),
        };
        if path.exists() {
            outcomes.push(Outcome::Kept(path));
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write_new(&path, text.as_bytes())?;
        outcomes.push(Outcome::Created(path));
    }
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_keeps_what_is_there() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".gitignore"), "mine\n").unwrap();
        let outcomes = init(dir.path(), Some(Ci::GitLab)).unwrap();
        assert_eq!(outcomes.len(), 6);
        assert_eq!(outcomes[1], Outcome::Kept(dir.path().join(".gitignore")));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(".gitignore")).unwrap(),
            "mine\n"
        );
        assert!(dir.path().join(".gitlab-ci.yml").is_file());
        let again = init(dir.path(), None).unwrap();
        assert!(again.iter().all(|o| matches!(o, Outcome::Kept(_))));
    }
}
