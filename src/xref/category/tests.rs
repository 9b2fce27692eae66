//! Tests of categorisation: the built-in table on real vendors' phrasings,
//! the matchers, and the refusal of a broken table.

use super::assign::normalise_name;
use super::matchers::{Glob, Pairs};
use super::*;
use crate::model::{CategoryOverride, Code, Record, Vendor};

fn vendor(overrides: Vec<CategoryOverride>) -> Vendor {
    Vendor {
        overrides,
        ..Vendor::for_test("acme", Vec::new())
    }
}

fn assign(name: Option<&str>, status: Option<u16>, texts: &[&str]) -> Assigned {
    Categorizer::builtin().assign(
        &vendor(Vec::new()),
        &Record::for_test("1001")
            .named(name)
            .status(status)
            .texts(texts),
    )
}

fn category(name: Option<&str>, status: Option<u16>, texts: &[&str]) -> Category {
    assign(name, status, texts).category
}

fn rule(assigned: &Assigned) -> (&str, RuleTarget, &str) {
    match &assigned.reason {
        Reason::Rule { rule, on, matched } => (rule, *on, matched),
        other => panic!("not a rule: {other:?}"),
    }
}

#[test]
fn builtin_table_loads() {
    let categorizer = Categorizer::builtin();
    for category in Category::ALL {
        let info = categorizer.info(category);
        assert_eq!(info.category, category);
        assert!(!info.name.en.is_empty() && !info.retry.zh.is_empty());
    }
    assert!(categorizer.rule_ids().len() > 30);
}

#[test]
fn every_category_has_a_rule_that_assigns_it() {
    let categorizer = Categorizer::builtin();
    for category in Category::ALL {
        assert!(
            categorizer.rules.iter().any(|r| r.category == category),
            "{category}"
        );
    }
}

#[test]
fn override_wins_over_rules() {
    let overrides = vec![CategoryOverride {
        code: Code::new("1001"),
        category: Category::Aborted,
        file: "acme/categories.toml".to_owned(),
        line: 2,
    }];
    let assigned = Categorizer::builtin().assign(
        &vendor(overrides),
        &Record::for_test("1001")
            .named("NotFoundUser")
            .status(404)
            .text("user not found"),
    );
    assert_eq!(assigned.category, Category::Aborted);
    assert_eq!(
        assigned.reason,
        Reason::Override {
            file: "acme/categories.toml".to_owned(),
            line: 2
        }
    );
}

#[test]
fn override_for_another_code_is_ignored() {
    let overrides = vec![CategoryOverride {
        code: Code::new("9999"),
        category: Category::Aborted,
        file: "acme/categories.toml".to_owned(),
        line: 2,
    }];
    let assigned = Categorizer::builtin().assign(
        &vendor(overrides),
        &Record::for_test("1001").text("未找到用户"),
    );
    assert_eq!(assigned.category, Category::NotFound);
}

#[test]
fn invalid_beats_rate_limit_noun() {
    assert_eq!(
        category(
            Some("InvalidRateLimitID"),
            Some(400),
            &["invalid rate limit id", "限频ID非法"]
        ),
        Category::InvalidArgument
    );
    assert_eq!(
        category(None, Some(400), &["限流名称非法"]),
        Category::InvalidArgument
    );
}

#[test]
fn rate_limit_under_403_or_429_is_resource_exhausted() {
    assert_eq!(
        category(None, Some(403), &["Api freq out of limit."]),
        Category::ResourceExhausted
    );
    assert_eq!(
        category(None, Some(429), &["触发限流"]),
        Category::ResourceExhausted
    );
}

#[test]
fn quota_noun_yields_to_its_predicate() {
    assert_eq!(
        category(None, Some(500), &["Quota service is unavailable"]),
        Category::Unavailable
    );
    assert_eq!(
        category(
            Some("QUOTA_PROJECT_EXIST"),
            None,
            &["该项目的QUOTA已经存在"]
        ),
        Category::AlreadyExists
    );
    assert_eq!(
        category(None, None, &["超出配额"]),
        Category::ResourceExhausted
    );
    assert_eq!(
        category(None, Some(400), &["Loadbalancer quota insufficient"]),
        Category::ResourceExhausted
    );
}

#[test]
fn children_exist_is_failed_precondition() {
    assert_eq!(
        category(
            Some("ServiceExistedInstances"),
            Some(400),
            &[
                "some instances existed in service",
                "当前服务存在实例，请先删除实例，再删除服务"
            ]
        ),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(None, None, &["存在依赖的快照"]),
        Category::FailedPrecondition
    );
}

#[test]
fn existed_resource_is_already_exists() {
    assert_eq!(
        category(
            Some("ExistedResource"),
            Some(400),
            &["existed resource", "资源已存在"]
        ),
        Category::AlreadyExists
    );
    assert_eq!(
        category(None, Some(404), &["dbinstance duplicate"]),
        Category::AlreadyExists
    );
}

#[test]
fn chinese_not_found_is_matched_as_substring() {
    let assigned = assign(None, Some(400), &["未找到心跳类型"]);
    assert_eq!(assigned.category, Category::NotFound);
    assert_eq!(
        rule(&assigned),
        ("not-found", RuleTarget::Message, "未找到")
    );
}

#[test]
fn english_words_match_whole_words_only() {
    // `limited` is not `limit`, `states` not `state`.
    assert_eq!(
        category(None, None, &["unlimited states"]),
        Category::Unknown
    );
    assert_eq!(
        category(None, Some(404), &["Namspace not found."]),
        Category::NotFound
    );
    assert_eq!(category(None, None, &["NO SUCH USER"]), Category::NotFound);
}

#[test]
fn curly_and_straight_apostrophes_match_alike() {
    assert_eq!(
        category(
            None,
            Some(403),
            &["Microservice can’t update in current state."]
        ),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(None, None, &["user doesn't exist"]),
        Category::NotFound
    );
}

#[test]
fn token_under_401_is_unauthenticated_not_not_found() {
    assert_eq!(
        category(None, Some(401), &["token不存在"]),
        Category::Unauthenticated
    );
    assert_eq!(
        category(Some("TOKEN_INVALID"), None, &["TOKEN不合法"]),
        Category::Unauthenticated
    );
    // Under 400 a token is a field like any other.
    assert_eq!(
        category(
            Some("InvalidServiceToken"),
            Some(400),
            &["invalid service token"]
        ),
        Category::InvalidArgument
    );
}

#[test]
fn permission_words_beat_the_401_status() {
    assert_eq!(
        category(
            Some("NotAllowedAccess"),
            Some(401),
            &["access is not approved", "权限不被允许"]
        ),
        Category::PermissionDenied
    );
    assert_eq!(
        category(None, Some(403), &["Action forbidden"]),
        Category::PermissionDenied
    );
}

#[test]
fn not_allowed_without_auth_status_is_failed_precondition() {
    assert_eq!(
        category(
            Some("NotAllowAliasUpdate"),
            Some(400),
            &["not allow service alias updating"]
        ),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(None, Some(403), &["不允许访问该接口"]),
        Category::PermissionDenied
    );
}

#[test]
fn forbidden_without_auth_status_is_failed_precondition() {
    assert_eq!(
        category(
            None,
            Some(400),
            &["forbidden to delete monthly or yearly instance"]
        ),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(None, Some(403), &["Action forbidden"]),
        Category::PermissionDenied
    );
    assert_eq!(
        category(Some("FORBIDDEN"), None, &["禁止访问"]),
        Category::PermissionDenied
    );
}

#[test]
fn operation_in_progress_is_failed_precondition_unless_told_to_retry() {
    assert_eq!(
        category(None, Some(403), &["Loadbalancer is creating"]),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(None, None, &["资源管理器正在关闭中"]),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(None, None, &["服务正在维护，请稍后重试"]),
        Category::Unavailable
    );
}

#[test]
fn advice_to_retry_later_yields_to_a_predicate() {
    assert_eq!(
        category(None, Some(500), &["Internal error, please retry later"]),
        Category::Internal
    );
    assert_eq!(
        category(
            Some("Internal"),
            None,
            &["Internal is a bug on our side; retry later."]
        ),
        Category::Internal
    );
    assert_eq!(category(None, None, &["请稍后再试"]), Category::Unavailable);
}

#[test]
fn expired_token_is_unauthenticated_whatever_the_status() {
    let assigned = assign(Some("Token.Expired"), Some(403), &["令牌已过期 请重新登录"]);
    assert_eq!(assigned.category, Category::Unauthenticated);
    assert_eq!(
        rule(&assigned),
        ("unauthenticated", RuleTarget::Name, "*TOKEN_EXPIRED*")
    );
    assert_eq!(
        category(None, Some(400), &["Token expired"]),
        Category::Unauthenticated
    );
    assert_eq!(
        category(None, Some(400), &["DB snapshot expired"]),
        Category::FailedPrecondition
    );
}

#[test]
fn google_code_names_match_whole_names() {
    assert_eq!(
        category(Some("OutOfRange"), None, &[]),
        Category::OutOfRange
    );
    assert_eq!(category(Some("INTERNAL"), None, &[]), Category::Internal);
    assert_eq!(category(Some("OK"), None, &[]), Category::Ok);
    assert_eq!(
        category(Some("FailedPrecondition"), None, &[]),
        Category::FailedPrecondition
    );
    // A pattern without `*` is the whole name, not a prefix.
    assert_eq!(category(Some("InternalUse"), None, &[]), Category::Unknown);
    assert_eq!(category(Some("OKAY_BUT"), None, &[]), Category::Unknown);
}

#[test]
fn dots_and_hyphens_in_names_count_as_underscores() {
    assert_eq!(normalise_name("Token.Expired"), "token_expired");
    assert_eq!(
        category(Some("Vol-Not-Found"), None, &[]),
        Category::NotFound
    );
    assert_eq!(
        category(Some("Quota.Exceeded"), None, &[]),
        Category::ResourceExhausted
    );
}

#[test]
fn resource_state_beats_invalid_and_unsupported() {
    assert_eq!(
        category(None, Some(400), &["invalid dbinstance state"]),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(
            Some("VOL_EXT_BAD_VOL_STATUS"),
            None,
            &["云硬盘当前状态不支持扩容操作"]
        ),
        Category::FailedPrecondition
    );
    assert_eq!(
        category(
            None,
            None,
            &["应用处于非运行状态或应用状态异常，暂无法扩容云盘"]
        ),
        Category::FailedPrecondition
    );
}

#[test]
fn text_beats_a_specific_name_that_disagrees() {
    assert_eq!(
        category(
            Some("MOUNT_POINT_NOT_FOUND"),
            None,
            &["挂载参数中缺少挂载路径"]
        ),
        Category::InvalidArgument
    );
    assert_eq!(
        category(
            Some("VOL_EXP_VOL_BUSY"),
            None,
            &["云硬盘正被其他应用使用中，暂无法启动资源管理器"]
        ),
        Category::FailedPrecondition
    );
}

#[test]
fn specific_text_beats_generic_name() {
    let assigned = assign(Some("APP_NAME_ERROR"), None, &["应用名称不合法"]);
    assert_eq!(assigned.category, Category::InvalidArgument);
    assert_eq!(rule(&assigned), ("invalid", RuleTarget::Message, "不合法"));
}

#[test]
fn name_alone_decides_when_there_is_no_text() {
    let assigned = assign(Some("VOLUME_NOT_FOUND"), None, &[]);
    assert_eq!(assigned.category, Category::NotFound);
    assert_eq!(
        rule(&assigned),
        ("not-found-name", RuleTarget::Name, "*_NOT_FOUND*")
    );
    assert_eq!(
        category(Some("ItemNotFound"), None, &[]),
        Category::NotFound
    );
}

#[test]
fn parameter_bounds_are_invalid_argument_not_out_of_range() {
    assert_eq!(
        category(
            None,
            Some(400),
            &["Param container desc length out of range."]
        ),
        Category::InvalidArgument
    );
    assert_eq!(
        category(None, Some(400), &["配置文件内容过长"]),
        Category::InvalidArgument
    );
    assert_eq!(
        category(None, None, &["offset out of range"]),
        Category::OutOfRange
    );
    assert_eq!(
        category(None, Some(416), &["range not satisfiable"]),
        Category::OutOfRange
    );
}

#[test]
fn conflict_asking_to_retry_is_aborted() {
    assert_eq!(
        category(
            Some("DataConflict"),
            Some(409),
            &["data is conflict, please try again"]
        ),
        Category::Aborted
    );
    assert_eq!(
        category(None, Some(409), &["Duplicate app name."]),
        Category::AlreadyExists
    );
    assert_eq!(
        category(Some("VOL_NAME_CONFLICT"), None, &[]),
        Category::AlreadyExists
    );
}

#[test]
fn status_alone_is_the_last_resort() {
    let assigned = assign(None, Some(409), &["resource version mismatch"]);
    assert_eq!(assigned.category, Category::Aborted);
    assert_eq!(rule(&assigned), ("http-409", RuleTarget::HttpStatus, "409"));
    let assigned = assign(None, Some(507), &["insufficient storage"]);
    assert_eq!(assigned.category, Category::ResourceExhausted);
    let assigned = assign(None, Some(507), &["storage"]);
    assert_eq!(rule(&assigned), ("http-5xx", RuleTarget::HttpStatus, "5xx"));
    assert_eq!(category(None, Some(503), &[]), Category::Unavailable);
    assert_eq!(category(None, Some(499), &[]), Category::Cancelled);
}

#[test]
fn success_status_beats_any_text() {
    assert_eq!(
        category(
            Some("DataNoChange"),
            Some(200),
            &["discover data is no change"]
        ),
        Category::Ok
    );
    assert_eq!(
        category(None, None, &["云硬盘资源管理器启动成功"]),
        Category::Ok
    );
}

#[test]
fn generic_failure_depends_on_the_status() {
    assert_eq!(
        category(None, None, &["删除云硬盘异常"]),
        Category::Internal
    );
    assert_eq!(
        category(None, Some(500), &["Create IP fail"]),
        Category::Internal
    );
    let assigned = assign(None, Some(400), &["Update microservice fail."]);
    assert_eq!(assigned.category, Category::Unknown);
    assert_eq!(rule(&assigned).0, "failed-client");
    // A specific status says more than "failed".
    assert_eq!(
        category(None, Some(503), &["call failed"]),
        Category::Unavailable
    );
}

#[test]
fn nothing_matched_is_unknown_by_default() {
    let assigned = assign(Some("X"), None, &["请联系管理员"]);
    assert_eq!(assigned.category, Category::Unknown);
    assert_eq!(assigned.reason, Reason::Default);
}

#[test]
fn glob_anchors_and_wildcards() {
    let g = Glob::new("NotFound*");
    assert!(g.matches("notfoundplatform"));
    assert!(!g.matches("platformnotfound"));
    let g = Glob::new("*_NOT_EXIST*");
    assert!(g.matches("vol_not_exists"));
    assert!(!g.matches("not_exist"));
    let g = Glob::new("FORBIDDEN");
    assert!(g.matches("forbidden") && !g.matches("forbidden_x"));
    let g = Glob::new("*a*a");
    assert!(g.matches("aa") && g.matches("xaya") && !g.matches("a"));
}

#[test]
fn pair_filter_never_rejects_a_match() {
    let categorizer = Categorizer::builtin();
    let names = [
        "NotFoundPlatform",
        "VOL_NOT_EXISTS",
        "APP_NAME_DUPLICATED",
        "TOKEN_INVALID",
        "HeartbeatExceedLimit",
        "ServiceExistedInstances",
        "ExecuteSuccess",
        "forbidden",
        "x",
    ];
    let mut matched = 0;
    for name in names {
        let lower = name.to_lowercase();
        let pairs = Pairs::of(&lower);
        for glob in categorizer.rules.iter().flat_map(|r| &r.names) {
            assert_eq!(
                glob.matches_fast(&lower, &pairs),
                glob.matches(&lower),
                "{} on {name}",
                glob.source
            );
            matched += usize::from(glob.matches(&lower));
        }
    }
    assert!(matched >= names.len() - 1);
}

#[test]
fn malformed_table_lists_every_problem() {
    let text = r#"
        [categories.OK]
        name = { en = "OK", zh = "" }
        meaning = { en = "x", zh = "x" }
        retry = { en = "x", zh = "x" }

        [[rules]]
        id = "Bad Id"
        category = "OK"
        words = ["400141"]
        status = ["6xx"]

        [[rules]]
        id = "empty"
        category = "OK"
        when_status = []
    "#;
    let Err(CategoryDataError::Invalid(problems)) = Categorizer::from_toml(text) else {
        panic!("accepted a broken table");
    };
    let all = problems.join("\n");
    for expected in [
        "category `CANCELLED` has no texts",
        "category `OK`: `name.zh` is empty",
        "rule `Bad Id`: an id is",
        "rule `Bad Id`: word `400141` has no letter",
        "rule `Bad Id`: status `6xx`",
        "rule `empty`: matches nothing",
        "rule `empty`: `when_status` is empty",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
    }
}

#[test]
fn unknown_keys_and_categories_are_refused() {
    let err =
        Categorizer::from_toml("[categories.OK]\nname = { en = \"a\", zh = \"b\", fr = \"c\" }")
            .unwrap_err();
    assert!(matches!(err, CategoryDataError::Parse(_)), "{err}");
    let err = Categorizer::from_toml("rules = []\n[categories.NOPE]\n").unwrap_err();
    assert!(matches!(err, CategoryDataError::Parse(_)), "{err}");
}

#[test]
fn reasons_serialize_with_a_kind() {
    let assigned = assign(None, Some(404), &[]);
    let json = serde_json::to_value(&assigned).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "category": "NOT_FOUND",
            "reason": { "kind": "rule", "rule": "http-404", "on": "http_status", "matched": "404" }
        })
    );
}
