//! Tests of related codes: tokens, stems, objects, the search against
//! comparing every pair, the reasons, and benchmarks on a synthetic
//! catalog (ignored by default).

use std::ops::Range;
use std::path::Path;

use super::corpus::{Corpus, Scope, Scored, Scratch};
use super::tokens::{stems, tokenize};
use super::*;
use crate::model::{Category, Vendor};
use crate::xref::category::Reason;
use crate::xref::words::{Piece, Underscore, split};

/// The words of a name, as its tokens and stems see them.
fn words(name: &str) -> Vec<Range<usize>> {
    split(name, Underscore::Splits)
        .filter_map(Piece::word)
        .collect()
}

fn vendor(id: &str, records: Vec<Record>) -> Vendor {
    Vendor::for_test(id, records)
}

fn assigned(category: Category) -> Assigned {
    Assigned {
        category,
        reason: Reason::Default,
    }
}

/// A stand-in for the categoriser being written: a few keywords.
fn stand_in_categories(catalog: &Catalog) -> Vec<Vec<Assigned>> {
    catalog
        .vendors
        .iter()
        .map(|v| {
            v.records
                .iter()
                .map(|r| {
                    let text = r
                        .name
                        .iter()
                        .map(String::as_str)
                        .chain(texts(r))
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase();
                    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
                    let category = if has(&[
                        "not found",
                        "notfound",
                        "not_found",
                        "未找到",
                        "不存在",
                        "not exist",
                    ]) {
                        Category::NotFound
                    } else if has(&["already exist", "existed", "已存在", "duplicat", "conflict"])
                    {
                        Category::AlreadyExists
                    } else if has(&["invalid", "非法", "不合法", "illegal", "param"]) {
                        Category::InvalidArgument
                    } else {
                        Category::Unknown
                    };
                    assigned(category)
                })
                .collect()
        })
        .collect()
}

fn seeds() -> Catalog {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    crate::ingest::ingest(&input).catalog
}

fn find(catalog: &Catalog, vendor: &str, code: &str) -> (usize, usize) {
    let v = catalog
        .vendors
        .iter()
        .position(|v| v.id.as_str() == vendor)
        .unwrap();
    let r = catalog.vendors[v]
        .records
        .iter()
        .position(|r| r.code.as_str() == code)
        .unwrap_or_else(|| panic!("{vendor} has no code {code}"));
    (v, r)
}

/// `polaris/400301 NotFoundService ["not found service", "服务未找到"]`
fn describe(catalog: &Catalog, v: usize, r: usize) -> String {
    let vendor = &catalog.vendors[v];
    let record = &vendor.records[r];
    let texts: Vec<&str> = texts(record).collect();
    let name = record.name.as_deref().unwrap_or("-");
    format!("{}/{} {name} {texts:?}", vendor.id, record.code)
}

fn tokens_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    tokenize(text, &mut String::new(), &mut |t| out.push(t.to_owned()));
    out
}

fn word_list(name: &str) -> Vec<&str> {
    words(name).into_iter().map(|r| &name[r]).collect()
}

fn similar_of(related: &[Related]) -> Vec<(usize, usize)> {
    related
        .iter()
        .filter(|r| r.why == Why::Similar)
        .map(|r| (r.vendor, r.record))
        .collect()
}

fn stems_of(related: &[Related]) -> Vec<(usize, &str)> {
    related
        .iter()
        .filter_map(|r| match &r.why {
            Why::NameStem(stem) => Some((r.record, stem.as_str())),
            _ => None,
        })
        .collect()
}

fn corpus(catalog: &Catalog, categories: &[Vec<Assigned>], scope: Scope) -> Corpus {
    Corpus::new(catalog, categories, &all_features(catalog), scope)
}

/// A code's number in `corpus`.
fn number(corpus: &Corpus, at: (usize, usize)) -> usize {
    (0..corpus.len()).find(|&g| corpus.locate(g) == at).unwrap()
}

fn codes_of(related: &[Related]) -> Vec<(usize, usize)> {
    related.iter().map(|r| (r.vendor, r.record)).collect()
}

#[test]
fn names_split_at_humps_and_underscores() {
    assert_eq!(
        word_list("InvalidServiceToken"),
        ["Invalid", "Service", "Token"]
    );
    assert_eq!(
        word_list("VOL_SS_NAME_IS_NULL"),
        ["VOL", "SS", "NAME", "IS", "NULL"]
    );
    assert_eq!(word_list("InvalidRequestID"), ["Invalid", "Request", "ID"]);
    assert_eq!(
        word_list("CMDBNotFindHost"),
        ["CMDB", "Not", "Find", "Host"]
    );
    assert_eq!(word_list("HTTP2Error"), ["HTTP2", "Error"]);
    assert_eq!(word_list("__a--b__"), ["a", "b"]);
}

#[test]
fn chinese_text_becomes_character_bigrams() {
    assert_eq!(tokens_of("实例未找到"), ["实例", "例未", "未找", "找到"]);
    assert_eq!(tokens_of("用户token非法"), ["用户", "token", "非法"]);
    assert_eq!(tokens_of("空"), ["空"]);
    assert_eq!(
        tokens_of("扩/缩容参数不合法"),
        ["扩", "缩容", "容参", "参数", "数不", "不合", "合法"]
    );
}

#[test]
fn english_words_lose_case_plurals_and_stop_words() {
    assert_eq!(
        tokens_of("Micro-service does not exist"),
        ["micro", "service", "not", "exist"]
    );
    assert_eq!(tokens_of("Invalid parameter(s)"), ["invalid", "parameter"]);
    assert_eq!(
        tokens_of("not found the host cmdb"),
        ["not", "found", "host", "cmdb"]
    );
    assert_eq!(tokens_of("status of 4 owners in 2024"), ["status", "owner"]);
    assert_eq!(
        tokens_of("InvalidServiceOwners"),
        ["invalid", "service", "owner"]
    );
}

/// Two vendors with a missing-service code each, one in English only,
/// one in Chinese only with a name; and distractors.
fn tiny() -> (Catalog, Vec<Vec<Assigned>>) {
    let catalog = Catalog {
        vendors: vec![
            vendor(
                "alpha",
                vec![
                    Record::for_test("1").text("Service not found"),
                    Record::for_test("2").text("Service already exists"),
                    Record::for_test("3").text("Service not found in namespace"),
                ],
            ),
            vendor(
                "beta",
                vec![
                    Record::for_test("10")
                        .named("SERVICE_NOT_FOUND")
                        .text("服务未找到"),
                    Record::for_test("11")
                        .named("SERVICE_EXISTS")
                        .text("服务已存在"),
                    Record::for_test("12")
                        .named("SERVICE_NOT_FOUND_IN_GROUP")
                        .text("分组中未找到服务"),
                ],
            ),
            vendor(
                "gamma",
                vec![Record::for_test("7").text("Service not found")],
            ),
        ],
    };
    let categories = vec![
        vec![
            assigned(Category::NotFound),
            assigned(Category::AlreadyExists),
            assigned(Category::NotFound),
        ],
        vec![
            assigned(Category::NotFound),
            assigned(Category::AlreadyExists),
            assigned(Category::NotFound),
        ],
        // The same words as alpha's first code, another category.
        vec![assigned(Category::Internal)],
    ];
    (catalog, categories)
}

#[test]
fn similar_codes_are_other_vendors_codes_of_the_same_category() {
    let (catalog, categories) = tiny();
    let related = related(&catalog, &categories, LIMIT);
    // Through the name: alpha's English meets beta's SERVICE_NOT_FOUND.
    assert_eq!(similar_of(&related[0][0]), [(1, 0), (1, 2)]);
    // Not "Service not found in namespace": it is about a namespace too.
    assert_eq!(similar_of(&related[1][0]), [(0, 0)]);
    assert_eq!(similar_of(&related[0][1]), [(1, 1)]);
    // Gamma's identical text is INTERNAL: no relative.
    assert!(related[2][0].is_empty());
    for (v, codes) in related.iter().enumerate() {
        for (r, related) in codes.iter().enumerate() {
            for other in related.iter().filter(|o| o.why == Why::Similar) {
                assert_ne!(other.vendor, v);
                assert_eq!(
                    categories[v][r].category,
                    categories[other.vendor][other.record].category
                );
            }
        }
    }
}

#[test]
fn name_stems_relate_a_vendors_own_codes() {
    let (catalog, categories) = tiny();
    let related = related(&catalog, &categories, LIMIT);
    // SERVICE_NOT_FOUND is itself the stem of SERVICE_NOT_FOUND_IN_GROUP.
    assert_eq!(stems_of(&related[1][0]), [(2, "SERVICE_NOT_FOUND")]);
    assert_eq!(stems_of(&related[1][2]), [(0, "SERVICE_NOT_FOUND")]);
    // One word in common is no stem.
    assert!(stems_of(&related[1][1]).is_empty());
    assert!(stems_of(&related[0][0]).is_empty());
}

#[test]
fn stems_are_prefixes_of_two_words_or_more_shortest_first() {
    let keys = |name: &str| -> Vec<String> { stems(name).into_iter().map(|(_, k)| k).collect() };
    assert_eq!(
        keys("VOL_SS_CREATE_FAILED"),
        ["vol_ss", "vol_ss_create", "vol_ss_create_failed"]
    );
    assert_eq!(
        keys("InvalidServiceName"),
        ["invalid_service", "invalid_service_name"]
    );
    assert!(keys("Invalid").is_empty());
    // Where each ends, to show it in the name's own style.
    let name = "InvalidServiceName";
    assert_eq!(&name[..stems(name)[0].0], "InvalidService");
}

#[test]
fn a_stem_of_a_fifth_of_the_names_is_no_reason() {
    // Ten NOT_FOUND_* names of one vendor and nothing else in common.
    let objects = [
        "HOST", "ITEM", "STACK", "YAML", "PORT", "ROUTE", "USER", "ROLE", "TOKEN", "IMAGE",
    ];
    let records = objects
        .iter()
        .enumerate()
        .map(|(i, o)| Record::for_test(&i.to_string()).named(format!("NOT_FOUND_{o}").as_str()))
        .collect();
    let catalog = Catalog {
        vendors: vec![vendor("v", records)],
    };
    let related = related(&catalog, &[], LIMIT);
    assert!(
        related[0].iter().all(|r| stems_of(r).is_empty()),
        "{related:?}"
    );
}

#[test]
fn codes_missing_from_categories_count_as_unknown() {
    let (mut catalog, _) = tiny();
    catalog.vendors[2]
        .records
        .push(Record::for_test("8").text("？"));
    let related = related(&catalog, &[], LIMIT);
    // All UNKNOWN now: gamma's copy of alpha's text is related to it.
    assert!(similar_of(&related[2][0]).contains(&(0, 0)));
    // A code without words is related to nothing.
    assert!(related[2][1].is_empty());
}

#[test]
fn lists_hold_at_most_limit_distinct_codes_with_their_reasons() {
    let catalog = seeds();
    let categories = stand_in_categories(&catalog);
    for limit in [0, 1, 3, LIMIT] {
        let related = related(&catalog, &categories, limit);
        for (v, codes) in related.iter().enumerate() {
            assert_eq!(codes.len(), catalog.vendors[v].records.len());
            for (r, related) in codes.iter().enumerate() {
                assert!(related.len() <= limit);
                assert!(
                    !related.iter().any(|o| (o.vendor, o.record) == (v, r)),
                    "{v}/{r} is its own relative"
                );
                let mut distinct = codes_of(related);
                distinct.sort_unstable();
                distinct.dedup();
                assert_eq!(distinct.len(), related.len(), "{v}/{r} lists a code twice");
                // Similar is the reason across vendors, and only there.
                for o in related {
                    assert_eq!(o.vendor != v, o.why == Why::Similar, "{v}/{r}: {o:?}");
                }
            }
        }
    }
}

#[test]
fn lists_do_not_depend_on_the_thread_count() {
    let (catalog, categories) = synthetic(6, 400, false);
    let many = related(&catalog, &categories, LIMIT);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| related(&catalog, &categories, LIMIT));
    assert_eq!(many, one);
}

#[test]
fn search_finds_what_comparing_every_pair_finds_on_the_seeds() {
    let catalog = seeds();
    let categories = stand_in_categories(&catalog);
    for scope in [Scope::Category, Scope::Vendor] {
        let corpus = corpus(&catalog, &categories, scope);
        assert_eq!(recall(&corpus, scope, &categories, SCAN_BUDGET, 1), 1.0);
    }
}

#[test]
fn a_zero_budget_finds_nothing() {
    let catalog = seeds();
    let categories = stand_in_categories(&catalog);
    let corpus = corpus(&catalog, &categories, Scope::Category);
    let mut scratch = Scratch::new(corpus.len());
    assert!((0..corpus.len()).all(|g| corpus.similar_to(g, LIMIT, 0, &mut scratch).is_empty()));
}

#[test]
fn seed_missing_service_codes_relate_across_vendors_and_languages() {
    let catalog = seeds();
    let categories = stand_in_categories(&catalog);
    let polaris = find(&catalog, "polaris", "400301");
    let cse = find(&catalog, "huawei-cse", "400012");
    assert_eq!(
        categories[polaris.0][polaris.1].category,
        Category::NotFound
    );
    assert_eq!(categories[cse.0][cse.1].category, Category::NotFound);
    let related = related(&catalog, &categories, LIMIT);
    assert!(similar_of(&related[polaris.0][polaris.1]).contains(&cse));
    assert!(similar_of(&related[cse.0][cse.1]).contains(&polaris));
}

#[test]
fn seed_stem_families_are_siblings() {
    let catalog = seeds();
    let categories = crate::xref::cross_reference(&catalog).categories;
    let related = related(&catalog, &categories, LIMIT);
    let (v, create) = find(&catalog, "api-switch", "10331");
    let update = find(&catalog, "api-switch", "10332").1;
    assert!(stems_of(&related[v][create]).contains(&(update, "VOL_SS")));
}

/// The seed pairs issue 21 names, under the built-in categoriser: codes
/// of vendors without symbolic names find their siblings by their texts,
/// and across vendors a code follows its object, not its verb.
#[test]
fn seed_codes_follow_their_object_at_one_vendor_and_across() {
    let catalog = seeds();
    let categories = crate::xref::cross_reference(&catalog).categories;
    let related = related(&catalog, &categories, LIMIT);
    let at = |vendor: &str, code: &str| find(&catalog, vendor, code);
    let lists = |a: (usize, usize), b: (usize, usize)| codes_of(&related[a.0][a.1]).contains(&b);
    let why = |a: (usize, usize), b: (usize, usize)| {
        let entry = related[a.0][a.1].iter().find(|r| (r.vendor, r.record) == b);
        entry.map(|r| r.why.clone())
    };
    let netease = |code| at("netease-cloudcomb", code);
    assert_eq!(
        why(netease("4000299"), netease("4000199")),
        Some(Why::SameText)
    );
    assert!(lists(netease("4000125"), netease("4000124")));
    assert!(lists(netease("5000005"), netease("5000006")));
    assert!(lists(
        at("huawei-cse", "400016"),
        at("huawei-cse", "400014")
    ));
    assert!(lists(at("polaris", "500004"), at("polaris", "500006")));
    assert!(lists(at("polaris", "401000"), at("huawei-cse", "401002")));
    // Create and delete a secret key, not create a container.
    assert!(!lists(netease("5000005"), netease("5000001")));
    // "Failed to delete the application" lists no other deletions.
    let delete_app = at("api-switch", "10210");
    for other in ["5000302", "5000409", "5000413"] {
        assert!(!lists(delete_app, netease(other)), "{other}");
    }
    // "Schema does not exist" is not "Project does not exist".
    assert!(!lists(
        at("huawei-cse", "400016"),
        at("api-switch", "10509")
    ));
}

#[test]
fn a_pair_is_listed_both_ways_where_the_cap_allows() {
    let catalog = seeds();
    let categories = crate::xref::cross_reference(&catalog).categories;
    let related = related(&catalog, &categories, LIMIT);
    for (v, codes) in related.iter().enumerate() {
        for (r, list) in codes.iter().enumerate() {
            for o in list {
                let back = &related[o.vendor][o.record];
                assert!(
                    back.len() == LIMIT || codes_of(back).contains(&(v, r)),
                    "{v}/{r} lists {o:?}, which lists {back:?}"
                );
            }
        }
    }
}

/// A vendor's ten ways of saying "invalid parameter" outscore each other
/// far above any other vendor's code; yet each lists the other vendor's
/// "Invalid parameter", in the places kept for other vendors.
#[test]
fn a_family_of_one_vendor_leaves_places_for_other_vendors() {
    let family = [
        "Param invalid.",
        "Param invalid",
        "Params invalid.",
        "Params invalid",
        "Invalid params.",
        "Invalid params",
        "Param is invalid.",
        "Param is invalid",
        "Params are invalid.",
        "Params are invalid",
    ];
    let records = family
        .iter()
        .enumerate()
        .map(|(i, t)| Record::for_test(&i.to_string()).text(t))
        .collect();
    let catalog = Catalog {
        vendors: vec![
            vendor("alpha", records),
            vendor(
                "beta",
                vec![Record::for_test("1").text("Invalid parameter (param)")],
            ),
        ],
    };
    let related = related(&catalog, &[], LIMIT);
    for (r, list) in related[0].iter().enumerate() {
        assert_eq!(list.len(), LIMIT);
        assert!(similar_of(list).contains(&(1, 0)), "{r}: {list:?}");
    }
}

/// Fields of one service are one family; the owner of a service and the
/// owner of an instance are not, however rare owners are.
#[test]
fn a_field_weighs_less_than_the_thing_it_belongs_to() {
    let texts = [
        "Invalid service owner",
        "Invalid service business",
        "Invalid service comment",
        "Service not found",
        "Service already exists",
        "Service is disabled",
        "Invalid instance owner",
        "Instance not found",
    ];
    let records = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Record::for_test(&i.to_string()).text(t))
        .collect();
    let catalog = Catalog {
        vendors: vec![vendor("alpha", records)],
    };
    let related = related(&catalog, &[], LIMIT);
    let place = |of: usize, code: usize| {
        let list = codes_of(&related[0][of]);
        list.iter().position(|&c| c == (0, code)).unwrap_or(LIMIT)
    };
    for (a, b) in [(0, 1), (0, 2), (1, 0)] {
        assert!(place(a, b) < place(a, 6), "{a}: {:?}", related[0][a]);
    }
    assert!(place(6, 7) < place(6, 0), "{:?}", related[0][6]);
}

/// What a page shows for a few seed codes, with each relative's cosine
/// and agreement of objects: under the stand-in categories, then under
/// the built-in categoriser.
#[test]
#[ignore = "prints samples: cargo test --lib related -- --ignored --nocapture"]
fn print_seed_samples() {
    let catalog = seeds();
    let built_in = crate::xref::cross_reference(&catalog).categories;
    for (label, categories) in [
        ("stand-in", stand_in_categories(&catalog)),
        ("built-in", built_in),
    ] {
        println!("{label} categories:");
        let related = related(&catalog, &categories, LIMIT);
        let corpora = [Scope::Category, Scope::Vendor].map(|s| corpus(&catalog, &categories, s));
        let samples = [
            ("polaris", "400301"),
            ("huawei-cse", "400012"),
            ("polaris", "400120"),
            ("api-switch", "10331"),
        ];
        for (v, r) in samples.map(|(v, c)| find(&catalog, v, c)) {
            let category = categories[v][r].category;
            println!("{} [{category}]", describe(&catalog, v, r));
            for rel in &related[v][r] {
                let corpus = &corpora[usize::from(rel.vendor == v)];
                let (a, b) = (
                    number(corpus, (v, r)),
                    number(corpus, (rel.vendor, rel.record)),
                );
                let score = corpus.cosine(a, b) * corpus.agreement(a, b);
                let other = describe(&catalog, rel.vendor, rel.record);
                println!("    {score:.2} {other} ({:?})", rel.why);
            }
        }
    }
}

/// SplitMix64: a deterministic stream for the synthetic catalog.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Skewed towards the front: a few items common, most rare.
    fn zipf<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let a = self.below(items.len());
        let b = self.below(a + 1);
        &items[b]
    }
}

const RESOURCES: &[(&str, &str)] = &[
    ("service", "服务"),
    ("instance", "实例"),
    ("namespace", "命名空间"),
    ("volume", "云硬盘"),
    ("snapshot", "快照"),
    ("token", "令牌"),
    ("user", "用户"),
    ("application", "应用"),
    ("route", "路由"),
    ("config", "配置"),
    ("quota", "配额"),
    ("cluster", "集群"),
    ("node", "节点"),
    ("pod", "容器组"),
    ("port", "端口"),
    ("image", "镜像"),
    ("bucket", "存储桶"),
    ("key", "密钥"),
    ("policy", "策略"),
    ("role", "角色"),
    ("group", "分组"),
    ("tag", "标签"),
    ("rule", "规则"),
    ("listener", "监听器"),
    ("certificate", "证书"),
    ("database", "数据库"),
    ("account", "账号"),
    ("project", "项目"),
    ("region", "地域"),
    ("zone", "可用区"),
    ("subnet", "子网"),
    ("vpc", "私有网络"),
    ("gateway", "网关"),
    ("domain", "域名"),
    ("record", "记录"),
    ("alarm", "告警"),
    ("metric", "指标"),
    ("log", "日志"),
    ("task", "任务"),
    ("job", "作业"),
    ("queue", "队列"),
    ("topic", "主题"),
    ("message", "消息"),
    ("secret", "凭据"),
    ("template", "模板"),
    ("stack", "资源栈"),
    ("function", "函数"),
    ("trigger", "触发器"),
    ("alias", "别名"),
    ("version", "版本"),
    ("deployment", "部署"),
    ("container", "容器"),
    ("repository", "仓库"),
    ("loadbalancer", "负载均衡"),
    ("backend", "后端"),
    ("host", "主机"),
    ("disk", "磁盘"),
    ("network", "网络"),
    ("interface", "网卡"),
    ("address", "地址"),
];

const ATTRIBUTES: &[(&str, &str)] = &[
    ("name", "名称"),
    ("id", "标识"),
    ("owner", "拥有人"),
    ("metadata", "元数据"),
    ("size", "大小"),
    ("status", "状态"),
    ("version", "版本号"),
    ("format", "格式"),
    ("length", "长度"),
    ("type", "类型"),
    ("description", "描述"),
    ("count", "数量"),
    ("path", "路径"),
    ("protocol", "协议"),
    ("weight", "权重"),
    ("priority", "优先级"),
    ("label", "标记"),
    ("spec", "规格"),
    ("password", "密码"),
    ("endpoint", "接入点"),
    ("timeout", "超时时间"),
    ("region", "所属地域"),
    ("department", "所属部门"),
    ("business", "所属业务"),
    ("comment", "备注"),
];

const ACTIONS: &[(&str, &str)] = &[
    ("create", "创建"),
    ("delete", "删除"),
    ("update", "更新"),
    ("get", "获取"),
    ("list", "列出"),
    ("attach", "挂载"),
    ("detach", "卸载"),
    ("start", "启动"),
    ("stop", "停止"),
    ("scale", "扩容"),
    ("restart", "重启"),
    ("bind", "绑定"),
    ("unbind", "解绑"),
    ("export", "导出"),
    ("import", "导入"),
    ("query", "查询"),
];

/// A way to say a category: English, Chinese, name words.
type Phrase = (&'static str, &'static str, &'static str);

const PHRASES: &[(Category, &[Phrase])] = &[
    (
        Category::NotFound,
        &[
            ("not found", "未找到", "NotFound"),
            ("does not exist", "不存在", "NotExist"),
            ("no such", "没有该", "NoSuch"),
        ],
    ),
    (
        Category::AlreadyExists,
        &[
            ("already exists", "已存在", "AlreadyExists"),
            ("duplicated", "重复", "Duplicated"),
            ("conflict", "冲突", "Conflict"),
        ],
    ),
    (
        Category::InvalidArgument,
        &[
            ("invalid", "非法", "Invalid"),
            ("format invalid", "格式不合法", "BadFormat"),
            ("is empty", "为空", "Empty"),
            ("too long", "过长", "TooLong"),
        ],
    ),
    (
        Category::PermissionDenied,
        &[
            ("access denied", "无权访问", "AccessDenied"),
            ("forbidden", "禁止操作", "Forbidden"),
            ("not allowed", "不允许", "NotAllowed"),
        ],
    ),
    (
        Category::ResourceExhausted,
        &[
            ("quota exceeded", "配额不足", "QuotaExceeded"),
            ("over the limit", "超过上限", "OverLimit"),
            ("rate limited", "请求过于频繁", "RateLimited"),
        ],
    ),
    (
        Category::FailedPrecondition,
        &[
            ("in wrong state", "状态不正确", "BadState"),
            ("is in use", "正在使用中", "InUse"),
            ("not ready", "未就绪", "NotReady"),
        ],
    ),
    (
        Category::Internal,
        &[
            ("internal error", "内部错误", "InternalError"),
            ("failed", "失败", "Failed"),
            ("exception", "异常", "Exception"),
        ],
    ),
    (
        Category::Unavailable,
        &[
            ("service unavailable", "服务不可用", "Unavailable"),
            ("busy, retry later", "系统繁忙", "Busy"),
        ],
    ),
    (
        Category::DeadlineExceeded,
        &[
            ("timed out", "超时", "Timeout"),
            ("deadline exceeded", "处理超时", "DeadlineExceeded"),
        ],
    ),
    (
        Category::Unauthenticated,
        &[
            ("token expired", "令牌过期", "TokenExpired"),
            ("signature mismatch", "签名不匹配", "BadSignature"),
        ],
    ),
];

const FILLERS: &[(&str, &str)] = &[
    ("please check the request", "请检查请求"),
    ("for the current account", "当前账号"),
    ("in this region", "在该地域"),
    ("contact support", "请联系技术支持"),
    ("", ""),
    ("", ""),
    ("", ""),
    ("", ""),
];

/// `InvalidService` or `invalid_service`, upper-cased for SNAKE.
fn camel(words: &[&str]) -> String {
    words
        .iter()
        .flat_map(|w| w.split(' '))
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_ascii_uppercase().to_string() + c.as_str()
            })
        })
        .collect()
}

fn snake(words: &[&str]) -> String {
    words
        .iter()
        .flat_map(|w| {
            self::words(w)
                .into_iter()
                .map(move |r| w[r].to_ascii_uppercase())
        })
        .collect::<Vec<_>>()
        .join("_")
}

/// `vendors` vendors of `per_vendor` codes each: families of codes over one
/// module and resource, named in the vendor's style (CamelCase, SNAKE or
/// none), in English, Chinese or both, with vendor-specific rare words.
/// `one_category` puts every code in UNKNOWN: the worst case.
fn synthetic(
    vendors: usize,
    per_vendor: usize,
    one_category: bool,
) -> (Catalog, Vec<Vec<Assigned>>) {
    let mut rng = Rng(0x5EED);
    let syllables = [
        "ka", "zo", "ri", "mex", "tul", "po", "van", "qi", "lor", "sen", "dra", "bu",
    ];
    let rare: Vec<String> = (0..4000)
        .map(|_| (0..3).map(|_| *rng.pick(&syllables)).collect())
        .collect();
    let mut catalog = Catalog::default();
    let mut categories = Vec::new();
    for v in 0..vendors {
        let modules: Vec<&str> = (0..12).map(|_| rng.pick(&rare).as_str()).collect();
        let mut records = Vec::new();
        let mut assigned_v = Vec::new();
        while records.len() < per_vendor {
            let module = *rng.pick(&modules);
            let resource = *rng.zipf(RESOURCES);
            let family = 3 + rng.below(12);
            for _ in 0..family.min(per_vendor - records.len()) {
                let &(category, phrases) = rng.zipf(PHRASES);
                let &(p_en, p_zh, p_name) = rng.pick(phrases);
                let attribute = *rng.zipf(ATTRIBUTES);
                let action = *rng.pick(ACTIONS);
                let filler = *rng.pick(FILLERS);
                let extra = rng.zipf(&rare).as_str();
                let use_attr = rng.below(2) == 0;
                let use_action = category == Category::Internal || rng.below(4) == 0;
                let mut en = vec![];
                let mut zh = String::new();
                let mut name = vec![];
                if use_action {
                    en.push(action.0);
                    zh.push_str(action.1);
                    name.push(action.0);
                }
                en.push(resource.0);
                zh.push_str(resource.1);
                name.push(resource.0);
                if use_attr {
                    en.push(attribute.0);
                    zh.push_str(attribute.1);
                    name.push(attribute.0);
                }
                en.push(p_en);
                zh.push_str(p_zh);
                if !filler.0.is_empty() {
                    en.push(filler.0);
                    zh.push('，');
                    zh.push_str(filler.1);
                }
                if rng.below(5) == 0 {
                    en.push(extra);
                    zh.push_str(extra);
                }
                let name = match v % 4 {
                    0 => Some(camel(&[&[p_name][..], &name].concat())),
                    1 => Some(snake(&[&[module][..], &name, &[p_name]].concat())),
                    2 => None,
                    _ => Some(camel(&[&[module, p_name][..], &name].concat())),
                };
                let en = en.join(" ");
                let texts: Vec<&str> = match v % 3 {
                    0 => vec![&en, &zh],
                    1 => vec![&en],
                    _ => vec![&zh],
                };
                let code = format!("{}{:06}", 100 + v, records.len());
                records.push(Record::for_test(&code).named(name.as_deref()).texts(&texts));
                assigned_v.push(assigned(if one_category {
                    Category::Unknown
                } else {
                    category
                }));
            }
        }
        catalog
            .vendors
            .push(vendor(&format!("vendor-{v:02}"), records));
        categories.push(assigned_v);
    }
    (catalog, categories)
}

/// This process's CPU time so far, user and system: on a shared
/// machine, wall time says more about the neighbours.
fn cpu_time() -> std::time::Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 = fields
        .get(11..13)
        .map_or(0, |f| f.iter().filter_map(|t| t.parse::<u64>().ok()).sum());
    // USER_HZ is 100 on every Linux this runs on.
    std::time::Duration::from_millis(ticks * 10)
}

/// The least wall and CPU time `f` takes over a few runs: the machine
/// is shared, and the least is the nearest to what the code costs.
fn least_time<T>(mut f: impl FnMut() -> T) -> (std::time::Duration, std::time::Duration, T) {
    let (mut wall, mut cpu) = (std::time::Duration::MAX, std::time::Duration::MAX);
    let mut out = None;
    for _ in 0..5 {
        drop(out.take());
        let (start, cpu_start) = (std::time::Instant::now(), cpu_time());
        out = Some(f());
        wall = wall.min(start.elapsed());
        cpu = cpu.min(cpu_time() - cpu_start);
    }
    (wall, cpu, out.unwrap())
}

fn time_related(label: &str, catalog: &Catalog, categories: &[Vec<Assigned>]) {
    let (wall, cpu, related) = least_time(|| related(catalog, categories, LIMIT));
    let (features_wall, _, features) = least_time(|| all_features(catalog));
    let mut searches = Vec::new();
    for scope in [Scope::Category, Scope::Vendor] {
        let (index_wall, _, corpus) =
            least_time(|| Corpus::new(catalog, categories, &features, scope));
        let (similar_wall, ..) = least_time(|| corpus.similar(LIMIT, SCAN_BUDGET));
        searches.push(format!(
            "{scope:?}: index {index_wall:.0?}, search {similar_wall:.0?}"
        ));
    }
    let links = related.iter().flatten().flatten().count();
    let across = related
        .iter()
        .flatten()
        .flatten()
        .filter(|r| r.why == Why::Similar)
        .count();
    let covered = related.iter().flatten().filter(|r| !r.is_empty()).count();
    println!(
        "{label}: {} codes on {} threads: related() {wall:.0?} wall, {cpu:.0?} CPU \
         (features {features_wall:.0?}; {}); {links} links, {across} across vendors; \
         {covered} codes have one",
        catalog.code_count(),
        rayon::current_num_threads(),
        searches.join("; "),
    );
}

/// How many of the exact best `LIMIT` similar codes (by comparing with
/// every code) the search finds with `budget`, over a sample of codes.
/// A code tied with the exact `LIMIT`th counts as found: the synthetic
/// catalog has many codes of identical words.
fn recall(
    corpus: &Corpus,
    scope: Scope,
    categories: &[Vec<Assigned>],
    budget: usize,
    step: usize,
) -> f64 {
    let category = |(v, r): (usize, usize)| {
        let of = categories.get(v).and_then(|c| c.get(r));
        of.map_or(Category::Unknown, |a| a.category)
    };
    let comparable = |g: usize, o: usize| {
        let (a, b) = (corpus.locate(g), corpus.locate(o));
        match scope {
            Scope::Category => category(a) == category(b) && a.0 != b.0,
            Scope::Vendor => a.0 == b.0 && g != o,
        }
    };
    let score = |g: usize, o: usize| corpus.cosine(g, o) * corpus.agreement(g, o);
    let mut scratch = Scratch::new(corpus.len());
    let (mut found, mut wanted) = (0, 0);
    for g in (0..corpus.len()).step_by(step) {
        let mut exact: Vec<Scored> = (0..corpus.len())
            .filter(|&o| comparable(g, o))
            .map(|o| Scored {
                code: o as u32,
                score: score(g, o),
            })
            .filter(|s| s.score >= MIN_SIMILARITY)
            .collect();
        exact.sort_unstable_by(|a, b| b.cmp(a));
        exact.truncate(LIMIT);
        let got = corpus.similar_to(g, LIMIT, budget, &mut scratch);
        let Some(last) = exact.last() else { continue };
        wanted += exact.len();
        found += got
            .iter()
            .filter(|o| score(g, o.code as usize) >= last.score - 1e-6)
            .count();
    }
    found as f64 / wanted.max(1) as f64
}

#[test]
#[ignore = "a benchmark: cargo test --release --lib related -- --ignored --nocapture"]
fn related_scales_to_100k_codes() {
    let (catalog, categories) = synthetic(40, 2500, true);
    time_related("one category (worst case)", &catalog, &categories);
    let (catalog, categories) = synthetic(40, 2500, false);
    time_related("ten categories", &catalog, &categories);
    println!("sample synthetic codes:");
    for v in 0..4 {
        let record = &catalog.vendors[v].records[0];
        let texts: Vec<&str> = texts(record).collect();
        println!("    {} {:?} {texts:?}", record.code, record.name);
    }
}

#[test]
#[ignore = "a benchmark: cargo test --release --lib related -- --ignored --nocapture"]
fn recall_grows_with_the_scan_budget() {
    let (catalog, categories) = synthetic(40, 2500, false);
    let corpus = corpus(&catalog, &categories, Scope::Category);
    for budget in [256, 512, 1024, 2048, 4096] {
        let (_, cpu, _) = least_time(|| corpus.similar(LIMIT, budget));
        let recall = recall(
            &corpus,
            Scope::Category,
            &categories,
            budget,
            corpus.len() / 300,
        );
        println!("budget {budget}: similar {cpu:.0?} CPU, recall {recall:.3}");
    }
}
