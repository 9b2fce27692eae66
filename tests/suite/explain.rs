//! `errdocs explain`: the records of the codes a bare code, a log line or a
//! response body names, found by the site's own search script, from the
//! input or from a built site; exit 1 when nothing names a known code.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{manifest_dir, seed_site};

/// Runs `errdocs explain` with `args` in the repository, so that the
/// default `--input input` is the seed input.
fn explain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .current_dir(manifest_dir())
        .arg("explain")
        .args(args)
        .output()
        .unwrap()
}

/// Stdout of a successful run.
fn explained(args: &[&str]) -> String {
    let output = explain(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// Stderr of a run that exits 1, which printed nothing on stdout.
fn refused(args: &[&str]) -> String {
    let output = explain(args);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(output.stdout.is_empty(), "{args:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// The first line of each record: `vendor code  name  HTTP status`.
fn heads(out: &str) -> Vec<&str> {
    out.split("\n\n")
        .map(|record| record.lines().next().unwrap())
        .collect()
}

#[test]
fn a_bare_code_prints_its_record() {
    assert_eq!(
        explained(&["400141"]),
        "polaris 400141  HeartbeatOnDisabledIns  HTTP 400\n\
         \x20 heartbeat on disabled instance\n\
         \x20 Retry? Retry only once the state has changed: wait for the running operation \
         to end, or fix the resource first.\n\
         \x20 en/polaris/400141.html\n"
    );
    assert_eq!(
        explained(&["400141", "--lang", "zh"]),
        "polaris 400141  HeartbeatOnDisabledIns  HTTP 400\n\
         \x20 在已被禁用的实例上进行心跳\n\
         \x20 是否重试：状态改变后再重试：等待进行中的操作结束，或先修正资源。\n\
         \x20 zh/polaris/400141.html\n"
    );
}

#[test]
fn a_json_body_prints_the_code_it_holds() {
    let out = explained(&[r#"{"error_code":"SVCSTG.CSE.4001000","error_message":"..."}"#]);
    assert_eq!(
        out,
        "huawei-cse SVCSTG.CSE.4001000  HTTP 400\n\
         \x20 upload metric invalid\n\
         \x20 Retry? Do not retry; fix the request.\n\
         \x20 en/huawei-cse/SVCSTG.CSE.4001000.html\n"
    );
}

#[test]
fn every_code_in_a_log_line_is_printed_the_keyed_one_first() {
    // The value of the code key first, then the other code the line
    // holds (api-switch's 10307), as the search box ranks them; `10307ms`
    // is no code.
    let out = explained(&["level=error volume 10307 error_code=400102 took=10307ms"]);
    assert_eq!(
        heads(&out),
        [
            "polaris 400102  InvalidUserToken  HTTP 400",
            "api-switch 10307  VOL_SET_STATUS_ERROR"
        ]
    );
    // Every vendor that uses the code.
    let out = explained(&[r#"HTTP 400 {errCode:"400001", errMsg:"Invalid parameter(s)"}"#]);
    let heads = heads(&out);
    assert!(heads[0].starts_with("huawei-cse 400001"), "{out}");
    assert!(heads[1].starts_with("polaris 400001"), "{out}");
}

#[test]
fn a_body_piped_in_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .current_dir(manifest_dir())
        .args(["explain", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let body = "HTTP/1.1 400 Bad Request\n\n{\n  \"Code\": 10307,\n  \"Message\": \"x\"\n}\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.starts_with("api-switch 10307  VOL_SET_STATUS_ERROR\n"),
        "{out}"
    );
}

#[test]
fn a_symbolic_name_is_a_code_found() {
    let out = explained(&["InvalidUserToken"]);
    assert_eq!(heads(&out), ["polaris 400102  InvalidUserToken  HTTP 400"]);
}

#[test]
fn a_line_with_no_known_code_exits_1() {
    // `quota` is in many messages, but a word of a text is not a code.
    assert_eq!(
        refused(&["quota exceeded, try again"]),
        "error: no known error code in `quota exceeded, try again`\n"
    );
    assert_eq!(
        refused(&["999999"]),
        "error: no known error code in `999999`\n"
    );
}

#[test]
fn vendor_restricts_the_codes_found() {
    let both = explained(&["400001"]);
    assert_eq!(heads(&both).len(), 2, "{both}");
    let polaris = explained(&["400001", "--vendor", "polaris"]);
    assert_eq!(heads(&polaris).len(), 1, "{polaris}");
    assert!(polaris.starts_with("polaris 400001"), "{polaris}");
    assert_eq!(
        refused(&["400001", "--vendor", "api-switch"]),
        "error: no known error code of `api-switch` in `400001`\n"
    );
    assert_eq!(
        refused(&["400001", "--vendor", "acme"]),
        "error: no vendor `acme` (there are: api-switch, huawei-cse, netease-cloudcomb, polaris)\n"
    );
}

#[test]
fn a_built_site_explains_as_its_input_does() {
    let site = seed_site().site();
    let site = site.to_str().unwrap();
    for text in [
        "400141",
        r#"{"error_code":"SVCSTG.CSE.4001000","error_message":"..."}"#,
        "level=error error_code=400102 took=10307ms",
        "10001",
    ] {
        for lang in ["en", "zh"] {
            assert_eq!(
                explained(&["--site", site, "--lang", lang, text]),
                explained(&["--lang", lang, text]),
                "{text} in {lang}"
            );
        }
    }
    refused(&["--site", site, "no code here"]);
}

#[test]
fn a_site_whose_files_are_missing_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = refused(&["--site", dir.path().to_str().unwrap(), "400141"]);
    assert!(stderr.contains("search.js`"), "{stderr}");
}

#[test]
fn a_translated_or_other_language_text_is_marked() {
    // api-switch wrote Chinese only; the team translated the message.
    let out = explained(&["10001"]);
    assert!(
        out.contains("\n  Invalid parameter  [translated]\n"),
        "{out}"
    );
    // gamma wrote English only: in Chinese, its English text, marked.
    let case = case_input("solutions-groups-statuses");
    let out = explained(&[
        "--input", &case, "--lang", "zh", "--vendor", "gamma", "400101",
    ]);
    assert!(
        out.contains("\n  Role has no access  [英文原文]\n"),
        "{out}"
    );
    // Where the team translated it, the translation, marked so.
    let out = explained(&["--input", &case, "--lang", "zh", "409001"]);
    assert!(out.contains("\n  名称已被占用  [译文]\n"), "{out}");
}

#[test]
fn what_to_do_is_the_solution_when_the_vendor_gives_one() {
    let case = case_input("solutions-groups-statuses");
    let out = explained(&["--input", &case, "AuthFailure.TokenExpired"]);
    assert_eq!(
        out,
        "acme AuthFailure.TokenExpired  HTTP 401\n\
         \x20 The token has expired.\n\
         \x20 What to do: Get a new token and retry.\n\
         \x20 en/acme/AuthFailure.TokenExpired.html\n"
    );
    let out = explained(&["--input", &case, "--lang", "zh", "AuthFailure.TokenExpired"]);
    assert!(
        out.contains("\n  处理建议：重新获取令牌后重试。\n"),
        "{out}"
    );
}

#[test]
fn base_url_makes_the_page_an_address() {
    let out = explained(&["400141", "--base-url", "https://errors.example.com/docs"]);
    assert!(
        out.ends_with("\n  https://errors.example.com/docs/en/polaris/400141.html\n"),
        "{out}"
    );
}

#[test]
fn bad_input_prints_the_build_diagnostics_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let vendor = dir.path().join("acme");
    std::fs::create_dir_all(&vendor).unwrap();
    std::fs::write(vendor.join("vendor.toml"), "name = \n").unwrap();
    let stderr = refused(&["--input", dir.path().to_str().unwrap(), "400141"]);
    assert!(stderr.contains("vendor.toml"), "{stderr}");
    assert!(
        stderr.contains("error: the input has 1 error(s)"),
        "{stderr}"
    );
}

fn case_input(name: &str) -> String {
    let path = manifest_dir().join("tests/cases").join(name).join("input");
    assert!(Path::new(&path).is_dir(), "{}", path.display());
    path.to_str().unwrap().to_owned()
}
