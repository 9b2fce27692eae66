//! Tests of the consistency report: each check on small catalogs and on the
//! seeds, and the key-term glossary.

use std::path::PathBuf;

use super::key_terms::KEY_TERMS;
use super::*;
use crate::model::Code;

fn seeds_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("input")
}

fn check_seeds() -> Vec<Diagnostic> {
    let input = seeds_input();
    let ingested = crate::ingest::ingest(&input);
    check(&ingested.catalog, &input, true)
}

/// The code a diagnostic is about: the first one in backticks.
fn code_of(diagnostic: &Diagnostic) -> &str {
    diagnostic.message.split('`').nth(1).unwrap_or_default()
}

fn of_kind(diagnostics: &[Diagnostic], kind: Kind) -> Vec<&Diagnostic> {
    diagnostics.iter().filter(|d| d.kind == kind).collect()
}

/// `(vendor, file name, line, code)` of each diagnostic.
fn places(diagnostics: &[&Diagnostic]) -> Vec<(String, String, usize, String)> {
    let input = seeds_input();
    diagnostics
        .iter()
        .map(|d| {
            let relative = d.path.strip_prefix(&input).unwrap();
            let mut parts = relative.iter().map(|p| p.to_string_lossy().into_owned());
            let vendor = parts.next().unwrap();
            let file = parts.collect::<Vec<_>>().join("/");
            (vendor, file, d.line.unwrap(), code_of(d).to_owned())
        })
        .collect()
}

fn catalog(vendors: Vec<(&str, Vec<Record>)>) -> Catalog {
    Catalog {
        vendors: vendors
            .into_iter()
            .map(|(id, records)| Vendor::for_test(id, records))
            .collect(),
    }
}

fn names(terms: &KeyTerms, text: &str) -> Vec<String> {
    terms
        .concepts([text])
        .into_iter()
        .map(|c| terms.concepts[c].id.clone())
        .collect()
}

const EN: &str = "v/errors.en.md";
const ZH: &str = "v/errors.zh.md";

#[test]
fn builtin_key_terms_parse_into_a_small_glossary() {
    let terms = KeyTerms::parse(KEY_TERMS).unwrap();
    assert!(
        (40..=90).contains(&terms.concepts.len()),
        "{}",
        terms.concepts.len()
    );
}

#[test]
fn key_terms_refuse_a_bare_han_character_and_a_shared_spelling() {
    let source = r#"
        [[concept]]
        id = "master"
        zh = ["主"]

        [[concept]]
        id = "host"
        en = ["host"]

        [[concept]]
        id = "server"
        en = ["host"]
    "#;
    let problems = KeyTerms::parse(source).unwrap_err();
    assert!(
        problems.contains("`主` of `master` is a single character"),
        "{problems}"
    );
    assert!(
        problems.contains("`host` is a spelling of both `host` and `server`"),
        "{problems}"
    );
}

#[test]
fn chinese_is_split_into_the_spellings_that_cover_most_of_it() {
    let terms = KeyTerms::builtin();
    assert_eq!(names(&terms, "服务端口非法"), ["service", "port"]);
    assert_eq!(
        names(&terms, "服务端未开启健康检查"),
        ["server", "health check"]
    );
    assert_eq!(names(&terms, "服务发现数据无变化"), ["discovery", "data"]);
}

#[test]
fn a_single_han_character_matches_only_before_its_compound() {
    let terms = KeyTerms::builtin();
    assert_eq!(names(&terms, "主配置未找到"), ["master", "config"]);
    assert_eq!(names(&terms, "无法找到主机的cmdb"), ["host", "cmdb"]);
    assert!(names(&terms, "自主选择").is_empty());
}

#[test]
fn english_spellings_match_plurals_phrases_camel_case_and_words_in_chinese() {
    let terms = KeyTerms::builtin();
    assert_eq!(
        names(&terms, "some rate limits existed in service"),
        ["limit", "service"]
    );
    assert_eq!(
        names(&terms, "some circuit breakers existed"),
        ["circuit breaker"]
    );
    assert_eq!(names(&terms, "Duplicate serverName"), ["server", "name"]);
    assert_eq!(names(&terms, "invalid service CMDB"), ["service", "cmdb"]);
    assert_eq!(names(&terms, "用户token非法"), ["user", "token"]);
    assert_eq!(
        names(&terms, "some aliases existed in service"),
        ["alias", "service"]
    );
}

#[test]
fn seeds_report_the_polaris_tables_disagreeing() {
    let diagnostics = check_seeds();
    let found = places(&of_kind(&diagnostics, Kind::Disagreement));
    let zh = |line: usize, code: &str| {
        (
            "polaris".to_owned(),
            "error-codes.zh.md".to_owned(),
            line,
            code.to_owned(),
        )
    };
    // 400133: the English table says service alias, the Chinese one
    // instance alias (实例别名) — a real mismatch too.
    assert_eq!(
        found,
        [
            zh(38, "400133"),
            zh(104, "400309"),
            zh(105, "400310"),
            zh(148, "403001"),
            zh(149, "403002"),
        ]
    );
    let swap = of_kind(&diagnostics, Kind::Disagreement)
        .into_iter()
        .find(|d| code_of(d) == "400309")
        .unwrap();
    // The team acknowledged it in notes.toml: the finding says so.
    assert_eq!(
        swap.message,
        "code `400309`: English and Chinese texts likely disagree: \
         English \"not found tag config\" (`polaris/error-codes.en.md:88`) speaks of tag, \
         Chinese \"主配置未找到\" of master; acknowledged by docs team: \
         the tables swap 400309 and 400310; the note above says which is right"
    );
    assert_eq!(swap.severity, Severity::Note);
}

#[test]
fn a_faithful_pair_is_not_a_disagreement() {
    let diagnostics = check_seeds();
    let flagged: Vec<&str> = of_kind(&diagnostics, Kind::Disagreement)
        .into_iter()
        .map(code_of)
        .collect();
    // heartbeat on disabled instance / 在已被禁用的实例上进行心跳
    assert!(!flagged.contains(&"400141"));

    let catalog = catalog(vec![(
        "v",
        vec![
            Record::for_test("400141")
                .row(EN, 3, Lang::En)
                .text("heartbeat on disabled instance")
                .row(ZH, 7, Lang::Zh)
                .text("在已被禁用的实例上进行心跳"),
        ],
    )]);
    assert!(check(&catalog, Path::new("input"), true).is_empty());
}

#[test]
fn a_generic_word_alone_does_not_make_a_disagreement() {
    // The English says config, the Chinese says rule (规则): vendors
    // add and drop "rule", so only one side differs in substance.
    let catalog = catalog(vec![(
        "v",
        vec![
            Record::for_test("400503")
                .row(EN, 3, Lang::En)
                .text("not allow service alias creating routing config")
                .row(ZH, 7, Lang::Zh)
                .text("服务别名不允许创建路由规则"),
        ],
    )]);
    assert!(check(&catalog, Path::new("input"), true).is_empty());
}

#[test]
fn seeds_report_codes_in_one_language_per_vendor() {
    let diagnostics = check_seeds();
    let one_language = of_kind(&diagnostics, Kind::OneLanguage);
    let mut per_vendor: HashMap<String, usize> = HashMap::new();
    for (vendor, ..) in places(&one_language) {
        *per_vendor.entry(vendor).or_default() += 1;
    }
    let expected = [
        ("api-switch", 102),
        ("netease-cloudcomb", 203),
        ("polaris", 41),
    ];
    assert_eq!(
        per_vendor,
        expected
            .map(|(v, n)| (v.to_owned(), n))
            .into_iter()
            .collect()
    );
}

#[test]
fn seeds_report_the_41_polaris_codes_only_in_the_chinese_table() {
    let diagnostics = check_seeds();
    let polaris: Vec<&Diagnostic> = of_kind(&diagnostics, Kind::OneLanguage)
        .into_iter()
        .filter(|d| d.path.starts_with(seeds_input().join("polaris")))
        .collect();
    assert_eq!(polaris.len(), 41);
    let zh_file = seeds_input().join("polaris/error-codes.zh.md");
    assert!(
        polaris
            .iter()
            .all(|d| d.path == zh_file && d.line.is_some())
    );
    let chinese_only = polaris
        .iter()
        .filter(|d| {
            d.message
                .contains("has Chinese text only; English is translated in")
        })
        .count();
    assert_eq!(chinese_only, 40);
    assert!(
        polaris.iter().all(|d| d.severity == Severity::Note),
        "all translated"
    );
    // The one English line in the Chinese table.
    let english = polaris.iter().find(|d| code_of(d) == "400509").unwrap();
    assert_eq!(english.line, Some(130));
    assert!(
        english
            .message
            .contains("has English text only; Chinese is translated in")
    );
    let first = polaris.iter().find(|d| code_of(d) == "400143").unwrap();
    assert_eq!(
        first.to_string(),
        format!(
            "{}:48: note[one-language]: code `400143` has Chinese text only; \
             English is translated in `polaris/translations.en.toml:4`",
            zh_file.display()
        )
    );
}

#[test]
fn translated_codes_are_not_reported_as_one_language() {
    let mut catalog = catalog(vec![(
        "v",
        vec![
            Record::for_test("1")
                .row(ZH, 3, Lang::Zh)
                .text("未找到心跳类型"),
            Record::for_test("2")
                .row(ZH, 4, Lang::Zh)
                .text("用户已存在"),
        ],
    )]);
    assert_eq!(check(&catalog, Path::new("input"), true).len(), 2);
    let translation = |code: &str, lang, text: &str| crate::model::Translation {
        code: Code::new(code),
        field: crate::model::TextField::Message,
        lang,
        text: text.to_owned(),
        file: "v/translations.toml".to_owned(),
        line: 1,
    };
    let records = &mut catalog.vendors[0].records;
    records[0]
        .translations
        .push(translation("1", Lang::En, "not found heartbeat type"));
    // A translation into the language already there changes nothing.
    records[1]
        .translations
        .push(translation("2", Lang::Zh, "用户已存在"));
    let diagnostics = check(&catalog, Path::new("input"), true);
    let warned: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(code_of)
        .collect();
    assert_eq!(warned, ["2"]);
    assert!(diagnostics[0].to_string().ends_with(
        "note[one-language]: code `1` has Chinese text only; English is translated in `v/translations.toml:1`"
    ));
}

#[test]
fn seeds_report_the_english_line_in_the_polaris_chinese_table_as_wrong_language() {
    let diagnostics = check_seeds();
    // Huawei's rows carry an English response body beside the Chinese
    // description on purpose; they are not reported.
    let wrong = of_kind(&diagnostics, Kind::WrongLanguage);
    assert_eq!(
        places(&wrong),
        [(
            "polaris".into(),
            "error-codes.zh.md".into(),
            130,
            "400509".into()
        )]
    );
    assert!(wrong[0].message.starts_with(
        "code `400509` has English text in a file declared Chinese: \
         \"not allow modify main account default strategy\"; acknowledged by docs team"
    ));
}

#[test]
fn seeds_report_the_api_switch_constant_without_a_comment_as_empty() {
    let diagnostics = check_seeds();
    let empty = of_kind(&diagnostics, Kind::EmptyText);
    assert_eq!(
        places(&empty),
        [(
            "api-switch".into(),
            "error-codes.md".into(),
            272,
            "10608".into()
        )]
    );
}

#[test]
fn seeds_report_one_text_under_two_codes_of_a_vendor() {
    let diagnostics = check_seeds();
    let found: Vec<(String, usize, String, String)> = of_kind(&diagnostics, Kind::SameText)
        .into_iter()
        .map(|d| {
            let earlier = d.message.split('`').nth(3).unwrap().to_owned();
            let vendor = d.path.strip_prefix(seeds_input()).unwrap();
            let vendor = vendor.iter().next().unwrap().to_string_lossy().into_owned();
            (vendor, d.line.unwrap(), code_of(d).to_owned(), earlier)
        })
        .collect();
    let expected = [
        ("api-switch", 82, "10302", "10001"),             // 参数不合法
        ("api-switch", 196, "10340", "10323"),            // 应用处于非运行状态或…
        ("api-switch", 225, "10350", "10313"),            // 获取云硬盘列表异常
        ("netease-cloudcomb", 46, "4000213", "4000113"),  // Param invalid.
        ("netease-cloudcomb", 47, "4000299", "4000199"),  // System busy, please try again later.
        ("netease-cloudcomb", 49, "4000302", "4000112"),  // Missing param(.)
        ("netease-cloudcomb", 50, "4000401", "4000001"),  // Invalid parameters(.)
        ("netease-cloudcomb", 51, "4000402", "4000002"),  // Missing parameters(.)
        ("netease-cloudcomb", 74, "4000511", "4000111"),  // fail.
        ("netease-cloudcomb", 135, "4030301", "4030201"), // Balance insufficient(.)
        ("netease-cloudcomb", 157, "4040301", "4040001"), // No such user(.)
        ("netease-cloudcomb", 163, "4040412", "4040302"), // No such IP
        ("netease-cloudcomb", 185, "4090122", "4090001"), // Duplicate container name.
        ("netease-cloudcomb", 212, "5000400", "5000300"), // Server error / Server Error
    ];
    let expected: Vec<(String, usize, String, String)> = expected
        .iter()
        .map(|&(v, l, c, e)| (v.to_owned(), l, c.to_owned(), e.to_owned()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn same_text_ignores_case_spacing_and_trailing_punctuation_and_names_the_first() {
    let catalog = catalog(vec![
        (
            "a",
            vec![
                Record::for_test("1")
                    .row(EN, 5, Lang::En)
                    .text("Param invalid."),
                Record::for_test("2")
                    .row(EN, 3, Lang::En)
                    .text("param  INVALID"),
                Record::for_test("3")
                    .row(EN, 9, Lang::En)
                    .text("Param invalid"),
                Record::for_test("4")
                    .row(EN, 10, Lang::En)
                    .text("Params invalid"),
            ],
        ),
        // Another vendor may say the same.
        (
            "b",
            vec![
                Record::for_test("1")
                    .row(EN, 1, Lang::En)
                    .text("Param invalid."),
            ],
        ),
    ]);
    let diagnostics = check(&catalog, Path::new("input"), true);
    let same: Vec<String> = of_kind(&diagnostics, Kind::SameText)
        .into_iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        same,
        [
            "input/v/errors.en.md:5: warning[same-text]: code `1` has the same English text \
             as `2` (line 3): \"Param invalid.\" (there \"param  INVALID\")",
            "input/v/errors.en.md:9: warning[same-text]: code `3` has the same English text \
             as `2` (line 3): \"Param invalid\" (there \"param  INVALID\")",
        ]
    );
}

#[test]
fn same_text_twice_under_one_code_is_left_to_ingest() {
    // A code listed twice in one file is ingest's `duplicate-code`.
    let catalog = catalog(vec![(
        "v",
        vec![
            Record::for_test("1")
                .row(EN, 3, Lang::En)
                .text("Missing param.")
                .row(EN, 8, Lang::En)
                .text("missing param"),
        ],
    )]);
    assert!(of_kind(&check(&catalog, Path::new("input"), true), Kind::SameText).is_empty());
}

#[test]
fn diagnostics_point_into_the_input_directory_by_vendor_then_file_and_line() {
    let catalog = catalog(vec![
        (
            "a",
            vec![
                Record::for_test("1")
                    .row("a/z.md", 9, Lang::Zh)
                    .text("未找到"),
                Record::for_test("2")
                    .row("a/b.md", 20, Lang::En)
                    .text("not found"),
                Record::for_test("3").row("a/b.md", 4, Lang::En),
            ],
        ),
        (
            "b",
            vec![
                Record::for_test("1")
                    .row("b/a.md", 1, Lang::Zh)
                    .text("未找到"),
            ],
        ),
    ]);
    let input = Path::new("docs/input");
    let places: Vec<(PathBuf, Option<usize>, Kind)> = check(&catalog, input, true)
        .into_iter()
        .map(|d| (d.path, d.line, d.kind))
        .collect();
    assert_eq!(
        places,
        [
            (input.join("a/b.md"), Some(4), Kind::EmptyText),
            (input.join("a/b.md"), Some(20), Kind::OneLanguage),
            (input.join("a/z.md"), Some(9), Kind::OneLanguage),
            (input.join("b/a.md"), Some(1), Kind::OneLanguage),
        ]
    );
}

#[test]
fn a_bilingual_row_in_a_chinese_file_is_not_wrong_language() {
    let catalog = catalog(vec![(
        "v",
        vec![
            Record::for_test("1")
                .row(ZH, 3, Lang::Zh)
                .text("Invalid parameter(s)")
                .text("请求参数错误"),
            Record::for_test("2")
                .row(ZH, 4, Lang::Zh)
                .text("not allow modify main account default strategy"),
        ],
    )]);
    let diagnostics = check(&catalog, Path::new("input"), true);
    let wrong: Vec<&str> = of_kind(&diagnostics, Kind::WrongLanguage)
        .into_iter()
        .map(code_of)
        .collect();
    assert_eq!(wrong, ["2"]);
}

#[test]
fn a_filled_gap_is_left_out_unless_all_are_asked_for() {
    let mut catalog = catalog(vec![(
        "v",
        vec![
            Record::for_test("1")
                .row(ZH, 3, Lang::Zh)
                .text("未找到心跳类型"),
        ],
    )]);
    catalog.vendors[0].records[0]
        .translations
        .push(crate::model::Translation {
            code: Code::new("1"),
            field: crate::model::TextField::Message,
            lang: Lang::En,
            text: "not found heartbeat type".to_owned(),
            file: "v/translations.en.toml".to_owned(),
            line: 1,
        });
    assert!(check(&catalog, Path::new("input"), false).is_empty());
    assert_eq!(check(&catalog, Path::new("input"), true).len(), 1);
}

#[test]
fn an_acknowledged_finding_is_a_note_and_a_stale_acknowledgement_a_warning() {
    let mut catalog = catalog(vec![(
        "v",
        vec![
            Record::for_test("1").row(ZH, 3, Lang::Zh).text("参数错误"),
            Record::for_test("2").row(ZH, 4, Lang::Zh).text("参数错误"),
        ],
    )]);
    let ack = |kind: &str, line| crate::model::Acknowledgement {
        kind: kind.to_owned(),
        by: "docs team".to_owned(),
        why: "the vendor gives both one text".to_owned(),
        file: "v/notes.toml".to_owned(),
        line,
    };
    let warnings = |diagnostics: &[Diagnostic]| {
        diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    let before = check(&catalog, Path::new("input"), false);
    assert_eq!(of_kind(&before, Kind::SameText).len(), 1);
    let records = &mut catalog.vendors[0].records;
    records[1].acknowledged.push(ack("same-text", 5));
    records[0].acknowledged.push(ack("disagreement", 6));
    let after = check(&catalog, Path::new("input"), false);
    let same = of_kind(&after, Kind::SameText);
    assert_eq!(same[0].severity, Severity::Note);
    assert!(
        same[0]
            .message
            .ends_with("acknowledged by docs team: the vendor gives both one text")
    );
    assert_eq!(
        warnings(&after)
            .iter()
            .filter(|w| !w.contains("one-language"))
            .collect::<Vec<_>>(),
        [
            "input/v/notes.toml:6: warning[translation]: code `1`: no `disagreement` finding to acknowledge; remove the acknowledgement"
        ]
    );
}
