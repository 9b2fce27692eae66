//! A project as a new user makes it: `errdocs init`, `errdocs add`, an
//! `errdocs.toml` that names the site and its repository, and the
//! published site without the maintainers' material.

use std::path::Path;
use std::process::{Command, Output};

use scraper::{Html, Selector};

use crate::support::{copy_tree, manifest_dir};

fn errdocs(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run errdocs")
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\n{}{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn init_then_build_gives_a_site_with_the_example_vendor() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(&errdocs(dir.path(), &["init", "demo", "--ci", "github"]));
    assert!(out.contains("created demo/errdocs.toml"), "{out}");
    let demo = dir.path().join("demo");
    let out = ok(&errdocs(&demo, &["build"]));
    assert!(out.starts_with("built 1 vendor, 4 codes, "), "{out}");
    let page = Html::parse_document(&read(
        &demo.join("site/en/example/RequestLimitExceeded.html"),
    ));
    let solution = select(&page, "section.solution")[0]
        .text()
        .collect::<String>();
    assert!(solution.contains("exponential backoff"), "{solution}");
    let title = select(&page, "title")[0].text().collect::<String>();
    assert!(title.ends_with("Example error codes"), "{title}");
    let zh = Html::parse_document(&read(
        &demo.join("site/zh/example/RequestLimitExceeded.html"),
    ));
    let message = select(&zh, "blockquote.message")[0]
        .text()
        .collect::<String>();
    assert_eq!(message, "请求过于频繁。");

    // A second init keeps every file, the one a user changed too.
    std::fs::write(demo.join("errdocs.toml"), "title = { en = \"Mine\" }\n").unwrap();
    let out = ok(&errdocs(&demo, &["init"]));
    assert!(out.contains("kept errdocs.toml (already there)"), "{out}");
    assert_eq!(
        read(&demo.join("errdocs.toml")),
        "title = { en = \"Mine\" }\n"
    );
}

#[test]
fn the_github_workflow_is_valid_yaml_that_builds_and_publishes() {
    let dir = tempfile::tempdir().unwrap();
    ok(&errdocs(dir.path(), &["init", "--ci", "github"]));
    let text = read(&dir.path().join(".github/workflows/errdocs.yml"));
    let workflow: serde_json::Value = serde_norway::from_str(&text).expect("valid YAML");
    let steps = workflow["jobs"]["build"]["steps"]
        .as_array()
        .expect("build steps");
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.iter().any(|r| r.contains("cargo install")), "{runs:?}");
    assert!(
        runs.iter().any(|r| r.starts_with("errdocs build")),
        "{runs:?}"
    );
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(
        uses.iter()
            .any(|u| u.starts_with("actions/upload-pages-artifact")),
        "{uses:?}"
    );
    let deploy = &workflow["jobs"]["deploy"]["steps"][0]["uses"];
    assert!(deploy.as_str().unwrap().starts_with("actions/deploy-pages"));
    assert_eq!(workflow["permissions"]["pages"], "write");
    // The file the README shows, byte for byte.
    assert_eq!(text, read(&manifest_dir().join("docs/ci/github-pages.yml")));
    let readme = read(&manifest_dir().join("README.md"));
    assert!(
        readme.contains(&text),
        "the README shows the workflow whole"
    );

    let dir = tempfile::tempdir().unwrap();
    ok(&errdocs(dir.path(), &["init", "--ci", "gitlab"]));
    let text = read(&dir.path().join(".gitlab-ci.yml"));
    let pipeline: serde_json::Value = serde_norway::from_str(&text).expect("valid YAML");
    let script = pipeline["pages"]["script"].as_array().unwrap();
    assert!(
        script
            .iter()
            .any(|s| s.as_str().unwrap().contains("errdocs build"))
    );
    assert_eq!(pipeline["pages"]["artifacts"]["paths"][0], "public");
    assert!(
        readme.contains(&text),
        "the README shows the pipeline whole"
    );
}

#[test]
fn add_copies_a_vendor_file_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    ok(&errdocs(dir.path(), &["init"]));
    let seed = manifest_dir().join("input/huawei-cse");
    let file = std::fs::read_dir(&seed)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap() != "vendor.toml")
        .unwrap();
    let out = ok(&errdocs(
        dir.path(),
        &["add", file.to_str().unwrap(), "--vendor", "huawei-cse"],
    ));
    assert!(
        out.contains("created input/huawei-cse/vendor.toml"),
        "{out}"
    );
    assert!(out.contains("records: "), "{out}");
    let copied = dir
        .path()
        .join("input/huawei-cse")
        .join(file.file_name().unwrap());
    assert_eq!(
        std::fs::read(&copied).unwrap(),
        std::fs::read(&file).unwrap()
    );
    let out = ok(&errdocs(dir.path(), &["build"]));
    assert!(out.starts_with("built 2 vendors, "), "{out}");

    // A file with no catalog changes nothing and exits 1.
    let prose = dir.path().join("notes.md");
    std::fs::write(&prose, "# Notes\n\nJust prose.\n").unwrap();
    let output = errdocs(dir.path(), &["add", "notes.md", "--vendor", "notes"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing was changed"));
    assert!(!dir.path().join("input/notes").exists());
}

/// The seed input in a project whose `errdocs.toml` says what the site is.
fn configured_seeds(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&manifest_dir().join("input"), &dir.path().join("input"));
    std::fs::write(dir.path().join("errdocs.toml"), config).unwrap();
    std::fs::write(
        dir.path().join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    dir
}

const CONFIG: &str = r#"
title = { en = "Acme error codes", zh = "Acme 错误码" }
description = { en = "Every Acme code.", zh = "Acme 的全部错误码。" }
logo = "logo.svg"
footer = { en = "© Acme · [Terms](https://acme.example/terms) <b>x</b>", zh = "© Acme" }
release = "v2.4"
updated = "2026-12-01"

[repository]
url = "https://github.com/acme/error-docs"

[strings.en]
no_message = "Acme gives no description yet."
"#;

#[test]
fn the_configured_site_names_itself_and_links_its_sources() {
    let dir = configured_seeds(CONFIG);
    ok(&errdocs(dir.path(), &["build"]));
    let site = dir.path().join("site");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&site) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = read(entry.path());
        let zh = entry.path().starts_with(site.join("zh"));
        let title = if zh {
            "Acme 错误码"
        } else {
            "Acme error codes"
        };
        if text.contains("http-equiv=\"refresh\"") {
            continue;
        }
        assert!(
            text.contains(title),
            "{} lacks the title",
            entry.path().display()
        );
        assert!(
            text.contains("v2.4"),
            "{} lacks the release",
            entry.path().display()
        );
        assert!(
            !text.contains("Error code reference"),
            "{}",
            entry.path().display()
        );
        pages += 1;
    }
    assert!(pages > 900, "{pages} pages");
    assert_eq!(
        read(&site.join("logo.svg")),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );

    // Polaris 403002's Chinese text is on line 149 of its Chinese file.
    let page = Html::parse_document(&read(&site.join("zh/polaris/403002.html")));
    let edits: Vec<&str> = select(&page, "section.sources li a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert!(
        edits.contains(
            &"https://github.com/acme/error-docs/blob/main/input/polaris/error-codes.zh.md?plain=1#L149"
        ),
        "{edits:?}"
    );
    let report = select(&page, "section.sources p a[rel=nofollow]")[0];
    let href = report.value().attr("href").unwrap();
    assert!(
        href.starts_with("https://github.com/acme/error-docs/issues/new?title="),
        "{href}"
    );
    assert!(href.contains("zh%2Fpolaris%2F403002.html"), "{href}");
    assert_eq!(report.text().collect::<String>(), "报告问题");

    let en = read(&site.join("en/index.html"));
    assert!(en.contains("<meta name=\"description\" content=\"Every Acme code.\">"));
    assert!(en.contains("<meta property=\"og:site_name\" content=\"Acme error codes\">"));
    assert!(en.contains("<a href=\"https://acme.example/terms\">Terms</a> &lt;b&gt;x&lt;/b&gt;"));
    assert!(en.contains("<img class=\"logo\" src=\"../logo.svg\""));
}

#[test]
fn maintainers_material_is_left_out_unless_drafts_are_asked_for() {
    let dir = configured_seeds("");
    ok(&errdocs(dir.path(), &["build"]));
    let site = dir.path().join("site");
    assert!(!site.join("en/report.html").exists());
    let home = read(&site.join("en/index.html"));
    assert!(!home.contains("report.html"));
    let code = read(&site.join("en/polaris/403002.html"));
    assert!(!code.contains("Why this category") && !code.contains("Notes for maintainers"));

    ok(&errdocs(dir.path(), &["build", "--drafts"]));
    assert!(site.join("en/report.html").is_file());
    let code = read(&site.join("en/polaris/403002.html"));
    assert!(code.contains("Why this category") && code.contains("Notes for maintainers"));
}

#[test]
fn configuration_mistakes_are_errors_at_their_line() {
    let dir = configured_seeds("title = { en = \"Acme\" }\n\nfooter_text = \"x\"\n");
    let output = errdocs(dir.path(), &["build"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("errdocs.toml:3: error[config]: unknown field `footer_text`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `footer`?"), "{stderr}");
    assert!(!dir.path().join("site").exists());

    let dir = configured_seeds("[strings.en]\nsite_titel = \"Acme\"\n");
    let output = errdocs(dir.path(), &["build"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`en.site_titel` (did you mean `site_title`?)"),
        "{stderr}"
    );
}

#[test]
fn a_partial_strings_file_in_a_theme_changes_only_its_keys() {
    let dir = configured_seeds("");
    let theme = dir.path().join("theme");
    std::fs::create_dir(&theme).unwrap();
    std::fs::write(
        theme.join("strings.toml"),
        "[en]\nsite_title = \"Acme codes\"\n",
    )
    .unwrap();
    ok(&errdocs(dir.path(), &["build", "--templates", "theme"]));
    let en = read(&dir.path().join("site/en/index.html"));
    assert!(en.contains(">Acme codes</a>"), "the brand");
    let zh = read(&dir.path().join("site/zh/index.html"));
    assert!(
        zh.contains(">错误码参考</a>"),
        "the other language keeps its own"
    );
}

#[test]
fn an_input_with_no_vendor_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("input/not-a-vendor")).unwrap();
    let output = errdocs(dir.path(), &["build"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("input: error[config]: no vendor"),
        "{stderr}"
    );
    assert!(!dir.path().join("site").exists());
}

#[test]
fn completions_and_version_come_from_the_same_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let bash = ok(&errdocs(dir.path(), &["completions", "bash"]));
    assert!(
        bash.contains("inspect") && bash.contains("init"),
        "every command"
    );
    assert!(bash.contains("--drafts"), "build's flags are completed");
    let version = ok(&errdocs(dir.path(), &["--version"]));
    assert_eq!(
        version.trim(),
        format!("errdocs {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn the_installed_binary_builds_from_any_directory() {
    // Nothing is read from the source tree: a copy of the binary outside it
    // builds the seeds in a directory of their own.
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("errdocs");
    std::fs::copy(env!("CARGO_BIN_EXE_errdocs"), &binary).unwrap();
    let project = dir.path().join("project");
    copy_tree(&manifest_dir().join("input"), &project.join("input"));
    let output = Command::new(&binary)
        .arg("build")
        .current_dir(&project)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap();
    let out = ok(&output);
    assert!(out.starts_with("built 4 vendors, 476 codes, "), "{out}");
    assert!(project.join("site/en/polaris/400141.html").is_file());
}
