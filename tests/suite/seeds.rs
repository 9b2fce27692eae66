//! The five seed documents ingest exactly, field by field.

use serde_json::{Value, json};

use crate::support::{code, seed_site};

fn codes() -> Value {
    seed_site().codes_json()
}

/// Pages at `<lang>/<vendor>/<code>.html`.
fn code_pages(site: &std::path::Path) -> usize {
    let vendors = ["api-switch", "huawei-cse", "netease-cloudcomb", "polaris"];
    let mut pages = 0;
    for lang in ["en", "zh"] {
        for vendor in vendors {
            let dir = std::fs::read_dir(site.join(lang).join(vendor)).unwrap();
            pages += dir
                .filter(|e| e.as_ref().unwrap().file_name() != "index.html")
                .count();
        }
    }
    pages
}

fn count(codes: &Value, vendor: &str) -> usize {
    codes["codes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["vendor"] == vendor)
        .count()
}

fn files_listing(codes: &Value, vendor: &str, file: &str) -> usize {
    codes["codes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["vendor"] == vendor
                && c["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["file"] == file)
        })
        .count()
}

#[test]
fn seeds_ingest_every_code_once() {
    let codes = codes();
    assert_eq!(count(&codes, "polaris"), 153);
    assert_eq!(count(&codes, "huawei-cse"), 17);
    assert_eq!(count(&codes, "netease-cloudcomb"), 203);
    assert_eq!(count(&codes, "api-switch"), 103);
    let report = &seed_site().report;
    assert_eq!((report.vendors, report.codes), (4, 476));
    assert_eq!(
        code_pages(&seed_site().site()),
        952,
        "one page per code per language"
    );
}

#[test]
fn vendors_list_their_counts() {
    let codes = codes();
    let vendors: Vec<(&str, u64)> = codes["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["id"].as_str().unwrap(), v["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        vendors,
        [
            ("api-switch", 103),
            ("huawei-cse", 17),
            ("netease-cloudcomb", 203),
            ("polaris", 153)
        ]
    );
}

#[test]
fn polaris_merges_english_and_chinese_files() {
    let codes = codes();
    assert_eq!(
        files_listing(&codes, "polaris", "polaris/error-codes.en.md"),
        112
    );
    assert_eq!(
        files_listing(&codes, "polaris", "polaris/error-codes.zh.md"),
        153
    );
    let en_only = codes["codes"].as_array().unwrap().iter().filter(|c| {
        c["vendor"] == "polaris"
            && c["sources"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["lang"] == "en")
    });
    assert_eq!(
        en_only.count(),
        0,
        "every English code is also in the Chinese file"
    );
}

#[test]
fn polaris_400141_has_name_and_both_languages() {
    let codes = codes();
    let c = code(&codes, "polaris", "400141");
    assert_eq!(c["name"], "HeartbeatOnDisabledIns");
    assert_eq!(c["http_status"], 400);
    assert_eq!(
        c["message"],
        json!({"en": "heartbeat on disabled instance", "zh": "在已被禁用的实例上进行心跳"})
    );
    assert_eq!(
        c["sources"],
        json!([
            {"file": "polaris/error-codes.en.md", "line": 44, "lang": "en"},
            {"file": "polaris/error-codes.zh.md", "line": 46, "lang": "zh"},
        ])
    );
    assert_eq!(
        c["url"],
        json!({"en": "en/polaris/400141.html", "zh": "zh/polaris/400141.html"})
    );
}

#[test]
fn polaris_400509_english_line_in_chinese_file_is_english() {
    let codes = codes();
    let c = code(&codes, "polaris", "400509");
    assert_eq!(c["name"], Value::Null);
    assert_eq!(
        c["message"],
        json!({"en": "not allow modify main account default strategy", "zh": null})
    );
    assert_eq!(
        c["sources"],
        json!([{"file": "polaris/error-codes.zh.md", "line": 130, "lang": "zh"}])
    );
}

#[test]
fn cse_400001_takes_code_and_message_from_the_response_body() {
    let codes = codes();
    let c = code(&codes, "huawei-cse", "400001");
    assert_eq!(c["http_status"], 400);
    assert_eq!(c["name"], Value::Null);
    assert_eq!(
        c["message"],
        json!({"en": "Invalid parameter(s)", "zh": "请求参数错误"})
    );
}

#[test]
fn cse_4001011_keeps_both_alternative_messages() {
    let codes = codes();
    let c = code(&codes, "huawei-cse", "SVCSTG.CSE.4001011");
    assert_eq!(c["http_status"], 400);
    let english: Vec<&str> = c["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["lang"] == "en")
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        english,
        [
            "The TxInfo is null or too large",
            "Upload head is null or active tx list exceeds the max size"
        ]
    );
    assert_eq!(c["message"]["zh"], "上报事务失败");
    assert_eq!(
        c["sources_disagree"], false,
        "alternatives in one row are not a disagreement"
    );
}

#[test]
fn cse_statuses_follow_the_rowspanned_column() {
    let codes = codes();
    assert_eq!(
        code(&codes, "huawei-cse", "SVCSTG.CSE.500500")["http_status"],
        500
    );
    assert_eq!(
        code(&codes, "huawei-cse", "SVCSTG.CSE.500500")["message"]["zh"],
        "请求体解析失败"
    );
    assert_eq!(code(&codes, "huawei-cse", "401002")["http_status"], 401);
    assert_eq!(
        code(&codes, "huawei-cse", "401002")["message"]["en"],
        "Request unauthorized"
    );
    assert_eq!(
        code(&codes, "huawei-cse", "SVCSTG.CSE.4001000")["http_status"],
        400
    );
    assert_eq!(code(&codes, "huawei-cse", "500101")["http_status"], 500);
}

#[test]
fn netease_codes_carry_their_status_in_the_prefix() {
    let codes = codes();
    let c = code(&codes, "netease-cloudcomb", "4010001");
    assert_eq!(c["http_status"], 401);
    assert!(c["message"]["en"].is_string());
    assert_eq!(c["message"]["zh"], Value::Null);
    assert_eq!(
        code(&codes, "netease-cloudcomb", "4330801")["http_status"],
        433
    );
    assert_eq!(
        code(&codes, "netease-cloudcomb", "4000001")["message"]["en"],
        "Invalid parameters."
    );
}

#[test]
fn api_switch_constants_keep_comments_as_chinese_text() {
    let codes = codes();
    let c = code(&codes, "api-switch", "10307");
    assert_eq!(c["name"], "VOL_SET_STATUS_ERROR");
    assert_eq!(c["message"], json!({"en": null, "zh": "修改云盘状态失败"}));
    assert_eq!(c["http_status"], Value::Null);

    let volume = code(&codes, "api-switch", "10608");
    assert_eq!(volume["name"], "VOLUME_NOT_FOUND");
    assert_eq!(
        volume["message"],
        json!({"en": null, "zh": null}),
        "no comment, no text"
    );

    let submitting = code(&codes, "api-switch", "10220");
    assert_eq!(submitting["name"], "SUBMITTING_IN_PROGRESS");
    assert_eq!(submitting["message"]["zh"], "提交中暂时不能删除");
}

#[test]
fn codes_are_sorted_within_each_vendor() {
    let codes = codes();
    let api_switch: Vec<&str> = codes["codes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["vendor"] == "api-switch")
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    let position = |code| api_switch.iter().position(|c| *c == code).unwrap();
    assert!(position("10215") < position("10220"));
    assert!(position("10220") < position("10301"));
}

#[test]
fn every_seed_code_has_text_in_both_languages() {
    let codes = codes();
    for c in codes["codes"].as_array().unwrap() {
        for lang in ["en", "zh"] {
            let text = c["message"][lang]
                .as_str()
                .or(c["translation"][lang].as_str());
            assert!(
                text.is_some(),
                "{}/{} has no {lang} text",
                c["vendor"],
                c["code"]
            );
        }
    }
}

#[test]
fn translations_never_replace_the_vendors_words() {
    let codes = codes();
    let c = code(&codes, "api-switch", "10307");
    assert_eq!(c["message"], json!({"en": null, "zh": "修改云盘状态失败"}));
    assert_eq!(
        c["translation"],
        json!({"en": "Failed to change the volume status", "zh": null})
    );
    let both = code(&codes, "polaris", "400141");
    assert_eq!(both["translation"], json!({"en": null, "zh": null}));
}

#[test]
fn check_finds_no_missing_translation_on_the_seeds() {
    use errdocs::diagnostic::{Kind, Severity};
    let input = crate::support::manifest_dir().join("input");
    let checked = errdocs::build::check(&input, true);
    let missing: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(d.kind, Kind::OneLanguage | Kind::EmptyText) && d.severity != Severity::Note
        })
        .map(ToString::to_string)
        .collect();
    assert_eq!(missing, Vec::<String>::new());
    // The vendors' own gaps are still reported, as notes.
    let polaris_chinese_only = checked
        .diagnostics
        .iter()
        .filter(|d| d.kind == Kind::OneLanguage && d.path.ends_with("polaris/error-codes.zh.md"))
        .count();
    assert_eq!(polaris_chinese_only, 41);
    // By default the gaps the team's translations fill are not reported.
    let default = errdocs::build::check(&input, false);
    assert!(
        !default
            .diagnostics
            .iter()
            .any(|d| d.kind == Kind::OneLanguage),
        "a filled gap is reported without --all"
    );
}

#[test]
fn a_category_override_in_the_vendor_folder_wins_and_says_where() {
    let codes = codes();
    let c = code(&codes, "netease-cloudcomb", "4000805");
    assert_eq!(
        c["category"],
        json!({"id": "UNAUTHENTICATED", "reason": {"kind": "override", "file": "netease-cloudcomb/categories.toml", "line": 5}})
    );
    let rule = code(&codes, "polaris", "400301");
    assert_eq!(rule["category"]["id"], "NOT_FOUND");
    assert_eq!(rule["category"]["reason"]["kind"], "rule");
}

#[test]
fn the_same_code_at_two_vendors_has_one_permalink_listing_both() {
    let site = seed_site().site();
    let page = std::fs::read_to_string(site.join("en/codes/400001.html")).unwrap();
    assert!(
        page.contains("en/polaris/400001.html") || page.contains("../polaris/400001.html"),
        "polaris link"
    );
    assert!(page.contains("huawei-cse/400001.html"), "huawei link");
    assert!(
        !page.contains("http-equiv=\"refresh\""),
        "a choice, not a redirect"
    );
    let single = std::fs::read_to_string(site.join("en/codes/10307.html")).unwrap();
    assert!(
        single.contains("http-equiv=\"refresh\" content=\"0; url=../../en/api-switch/10307.html\""),
        "one vendor: straight on"
    );
    // For a browser that does not follow: a link, in the page's language.
    assert!(single.contains("<html lang=\"en\">"));
    assert!(
        single.contains(
            "<a href=\"../../en/api-switch/10307.html\">10307 is a code of API Switch.</a>"
        )
    );
}
