//! A deterministic input tree for benchmarks (issue 6): `--codes N` error
//! codes over `--vendors V` vendors, the vendors cycling through the four
//! source shapes of the seeds in `input/`.
//!
//!     cargo run --release --example workload -- --codes 10000 --vendors 8 --out /tmp/w
//!
//! | vendor `i % 4` | shaped like          | sources |
//! |----------------|----------------------|---------|
//! | 0 `mesh-NN`    | `input/polaris`      | a Markdown pipe table in English (name, code, text) and one in Chinese (code, text); some codes only in the Chinese file, one English line in it; `http_status = "code-prefix"` |
//! | 1 `cse-NN`     | `input/huawei-cse`   | an HTML table pasted into Markdown: rowspanned HTTP status, business code, response body `{errCode:"400001", errMsg:"…"}` (a few `SVCSTG.…` bodies), Chinese `描述` |
//! | 2 `comb-NN`    | `input/netease-cloudcomb` | an indented `CODE message` list in English, 7-digit codes starting with the HTTP status; `http_status = "code-prefix"` |
//! | 3 `switch-NN`  | `input/api-switch`   | `NAME = CODE` constants in a fenced block, a `//中文注释` above most |
//!
//! Every vendor has exactly its share of the `N` codes, so the build's
//! summary line reports `N` codes. Like the seeds, about 1% of the rows of a
//! source repeat a code (half with the same text, half with another: each is
//! a `duplicate-code` warning by design), and about 5% of a vendor's codes are
//! also codes of another vendor. The same arguments give the same bytes.
//!
//! The benchmark (`benches/build.rs`) includes this file as a module and
//! calls [`generate`].

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Write a deterministic errdocs input tree for benchmarks")]
struct Args {
    /// Codes in all, split over the vendors.
    #[arg(long)]
    codes: usize,
    /// Vendors; they cycle through the four source shapes.
    #[arg(long, default_value_t = 4)]
    vendors: usize,
    /// Directory to create; must not exist or be empty.
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.out.exists() && std::fs::read_dir(&args.out)?.next().is_some() {
        return Err(format!(
            "`{}` is not empty; choose a new directory",
            args.out.display()
        )
        .into());
    }
    let spec = Spec {
        codes: args.codes,
        vendors: args.vendors,
        seed: args.seed,
    };
    let summary = generate(&args.out, &spec)?;
    println!(
        "wrote {} vendors, {} codes ({} also at another vendor), {} rows ({} repeating a code), \
         {} files, {} bytes into `{}`",
        summary.vendors,
        summary.codes,
        summary.shared,
        summary.rows,
        summary.duplicates,
        summary.files,
        summary.bytes,
        args.out.display()
    );
    Ok(())
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub codes: usize,
    pub vendors: usize,
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub vendors: usize,
    /// Distinct codes per vendor, summed: what `errdocs build` reports.
    pub codes: usize,
    /// Codes that another vendor has too.
    pub shared: usize,
    /// Entries written, repeats included.
    pub rows: usize,
    /// Entries that repeat a code of the same source.
    pub duplicates: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Writes the input tree for `spec` into `out` (created if missing).
pub fn generate(out: &Path, spec: &Spec) -> io::Result<Summary> {
    let vendors = plan(spec);
    let mut summary = Summary {
        vendors: vendors.len(),
        ..Summary::default()
    };
    create_dir_all(out)?;
    for vendor in &vendors {
        let dir = out.join(&vendor.id);
        create_dir_all(&dir)?;
        let mut rng = Rng::new(spec.seed ^ 0xD1B5_4A32_D192_ED03 ^ ((vendor.index as u64) << 20));
        let files = match vendor.shape {
            Shape::Markdown => markdown(vendor, &mut rng, &mut summary),
            Shape::Html => html(vendor, &mut rng, &mut summary),
            Shape::CodeList => code_list(vendor, &mut rng, &mut summary),
            Shape::Constants => constants(vendor, &mut rng, &mut summary),
        };
        for (name, text) in files {
            write(&dir.join(name), text.as_bytes())?;
            summary.files += 1;
            summary.bytes += text.len() as u64;
        }
        summary.codes += vendor.entries.len();
        summary.shared += vendor.entries.iter().filter(|e| e.shared).count();
    }
    Ok(summary)
}

fn create_dir_all(path: &Path) -> io::Result<()> {
    std::fs::create_dir_all(path).map_err(|err| with_path(err, path))
}

fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    std::fs::write(path, bytes).map_err(|err| with_path(err, path))
}

fn with_path(err: io::Error, path: &Path) -> io::Error {
    io::Error::new(err.kind(), format!("`{}`: {err}", path.display()))
}

// ---------------------------------------------------------------------------
// The plan: which vendor has which codes, before any text is written.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Markdown,
    Html,
    CodeList,
    Constants,
}

impl Shape {
    const CYCLE: [Shape; 4] = [
        Shape::Markdown,
        Shape::Html,
        Shape::CodeList,
        Shape::Constants,
    ];

    fn prefix(self) -> &'static str {
        match self {
            Shape::Markdown => "mesh",
            Shape::Html => "cse",
            Shape::CodeList => "comb",
            Shape::Constants => "switch",
        }
    }

    /// Whether the vendor's codes start with their HTTP status, so that
    /// another status-minded vendor can plausibly use them too.
    fn status_prefixed(self) -> bool {
        self != Shape::Constants
    }
}

struct VendorPlan {
    index: usize,
    id: String,
    number: String,
    shape: Shape,
    /// Sorted as the vendor's files list them.
    entries: Vec<Entry>,
}

struct Entry {
    code: String,
    /// The HTTP status the code stands for (its first three digits when
    /// status-prefixed); chooses the wording.
    status: Option<u16>,
    /// Also a code of another vendor.
    shared: bool,
}

/// HTTP statuses and how often vendors use them.
const STATUSES: [(u16, u32); 9] = [
    (400, 35),
    (401, 5),
    (403, 10),
    (404, 15),
    (409, 10),
    (429, 3),
    (500, 15),
    (502, 2),
    (503, 5),
];

/// Share of a vendor's codes taken from another vendor: each is then a
/// code of two vendors, so about twice this share of all codes is shared.
const SHARED: f64 = 0.025;
/// Share of a source's rows repeated.
const DUPLICATES: f64 = 0.01;

fn plan(spec: &Spec) -> Vec<VendorPlan> {
    let count = spec.vendors.max(1);
    let width = count.to_string().len().max(2);
    let mut rng = Rng::new(spec.seed);
    let mut used: HashSet<String> = HashSet::new();

    // Every vendor's share of the codes, less what it takes from another.
    let totals: Vec<usize> = (0..count)
        .map(|i| spec.codes / count + usize::from(i < spec.codes % count))
        .collect();
    let donor = |i: usize| {
        (1..count)
            .map(|k| (i + k) % count)
            .find(|&j| Shape::CYCLE[j % 4].status_prefixed())
    };
    // Rounded as a running sum, so that many small vendors still share
    // about `SHARED` of the codes in all.
    let mut wanted = 0.0;
    let mut given = 0;
    let borrowed: Vec<usize> = (0..count)
        .map(|i| {
            if donor(i).is_none() {
                return 0;
            }
            wanted += totals[i] as f64 * SHARED;
            let take = (wanted.round() as usize).saturating_sub(given);
            given += take;
            take
        })
        .collect();

    let mut vendors: Vec<VendorPlan> = (0..count)
        .map(|index| {
            let shape = Shape::CYCLE[index % 4];
            let number = format!("{:0width$}", index + 1);
            let own = totals[index] - borrowed[index];
            let entries = match shape {
                Shape::Markdown => status_codes(own, 3, &mut rng, &mut used),
                Shape::Html => {
                    let mut entries = status_codes(own, 3, &mut rng, &mut used);
                    // A few bodies carry a service-prefixed code instead.
                    for entry in &mut entries {
                        if rng.chance(0.03) {
                            entry.code = format!("SVCSTG.CSE{number}.{}", entry.code);
                        }
                    }
                    entries
                }
                Shape::CodeList => status_codes(own, 4, &mut rng, &mut used),
                Shape::Constants => module_codes(own, &mut rng, &mut used),
            };
            VendorPlan {
                index,
                id: format!("{}-{number}", shape.prefix()),
                number,
                shape,
                entries,
            }
        })
        .collect();

    for i in 0..count {
        let Some(j) = donor(i) else { continue };
        let mut pool: Vec<usize> = (0..vendors[j].entries.len())
            .filter(|&k| {
                let entry = &vendors[j].entries[k];
                !entry.shared && entry.code.bytes().all(|b| b.is_ascii_digit())
            })
            .collect();
        let take = borrowed[i].min(pool.len());
        let mut taken = Vec::with_capacity(take);
        for n in 0..take {
            let pick = n + rng.below(pool.len() - n);
            pool.swap(n, pick);
            taken.push(pool[n]);
        }
        // When the donor has fewer codes to give, the vendor makes up the rest.
        let missing = borrowed[i] - take;
        let mut extra = match vendors[i].shape {
            Shape::Constants => module_codes(missing, &mut rng, &mut used),
            Shape::CodeList => status_codes(missing, 4, &mut rng, &mut used),
            _ => status_codes(missing, 3, &mut rng, &mut used),
        };
        for k in taken {
            vendors[j].entries[k].shared = true;
            let code = vendors[j].entries[k].code.clone();
            vendors[i].entries.push(Entry {
                status: status_of(&code),
                code,
                shared: true,
            });
        }
        vendors[i].entries.append(&mut extra);
    }

    for vendor in &mut vendors {
        let grouped = vendor.shape == Shape::Html;
        vendor
            .entries
            .sort_by(|a, b| order(a, grouped).cmp(&order(b, grouped)));
    }
    vendors
}

/// The order of a vendor's files: by number (HTML tables by status first).
fn order(entry: &Entry, by_status: bool) -> (Option<u16>, usize, &str, &str) {
    let number = numeric(&entry.code);
    let status = if by_status { entry.status } else { None };
    (status, number.len(), number, &entry.code)
}

/// Service-prefixed codes sort with their number.
fn numeric(code: &str) -> &str {
    code.rsplit('.').next().unwrap_or(code)
}

fn status_of(code: &str) -> Option<u16> {
    let status: u16 = code.get(..3)?.parse().ok()?;
    STATUSES.iter().any(|&(s, _)| s == status).then_some(status)
}

/// `count` codes `<status><suffix>` unused so far, the suffix at least
/// `digits` long and growing when a status runs out of room.
fn status_codes(
    count: usize,
    digits: u32,
    rng: &mut Rng,
    used: &mut HashSet<String>,
) -> Vec<Entry> {
    let weight: u32 = STATUSES.iter().map(|&(_, w)| w).sum();
    let mut per_status = [0usize; STATUSES.len()];
    for _ in 0..count {
        let mut roll = rng.below(weight as usize) as u32;
        let slot = STATUSES
            .iter()
            .position(|&(_, w)| {
                let hit = roll < w;
                roll = roll.saturating_sub(w);
                hit
            })
            .unwrap_or(0);
        per_status[slot] += 1;
    }
    let mut entries = Vec::with_capacity(count);
    for (&(status, _), &wanted) in STATUSES.iter().zip(&per_status) {
        let mut digits = digits;
        while 10u64.pow(digits) < 4 * wanted as u64 + 16 {
            digits += 1;
        }
        let mut room = 10u64.pow(digits);
        let mut next = rng.below((room / 2) as usize) as u64;
        let mut made = 0;
        while made < wanted {
            if next >= room {
                // Crowded by other vendors: continue with a longer suffix.
                digits += 1;
                room *= 10;
                next = room / 10 + rng.below((room / 4) as usize) as u64;
            }
            let code = format!("{status}{next:0width$}", width = digits as usize);
            next += if rng.chance(0.75) {
                1
            } else {
                2 + rng.below(4) as u64
            };
            if used.insert(code.clone()) {
                entries.push(Entry {
                    code,
                    status: Some(status),
                    shared: false,
                });
                made += 1;
            }
        }
    }
    entries
}

/// `count` codes numbered by module like `input/api-switch`: 10001–10006,
/// 10101, 10202–10220, …, five digits while they last.
fn module_codes(count: usize, rng: &mut Rng, used: &mut HashSet<String>) -> Vec<Entry> {
    let modules = |digits: u32| 9 * 10u64.pow(digits - 3);
    let mut digits = 5u32;
    while modules(digits) < count as u64 / 4 + 1 {
        digits += 1;
    }
    let mut module = rng.below((modules(digits) / 2) as usize) as u64;
    let mut entries = Vec::with_capacity(count);
    while entries.len() < count {
        if module >= modules(digits) {
            // Crowded by other vendors: continue with one more digit.
            digits += 1;
            module = rng.below((modules(digits) / 2) as usize) as u64;
        }
        let base = 10u64.pow(digits - 1);
        let size = 3 + rng.below(28);
        let mut item = 1 + rng.below(3) as u64;
        for _ in 0..size {
            if item > 99 || entries.len() == count {
                break;
            }
            let code = (base + module * 100 + item).to_string();
            if used.insert(code.clone()) {
                entries.push(Entry {
                    code,
                    status: None,
                    shared: false,
                });
            }
            item += if rng.chance(0.85) { 1 } else { 2 };
        }
        module += 1 + rng.below(3) as u64;
    }
    entries
}

// ---------------------------------------------------------------------------
// Words: every message is a noun, maybe an attribute, a predicate that fits
// the HTTP status, and clauses until it has a realistic length.

/// English, Chinese, CamelCase, SNAKE abbreviation.
type Word = (&'static str, &'static str, &'static str, &'static str);

const NOUNS: &[Word] = &[
    ("instance", "实例", "Instance", "INS"),
    ("namespace", "命名空间", "Namespace", "NS"),
    ("service", "服务", "Service", "SVC"),
    ("quota", "配额", "Quota", "QUOTA"),
    ("volume", "云盘", "Volume", "VOL"),
    ("cluster", "集群", "Cluster", "CLUSTER"),
    ("node", "节点", "Node", "NODE"),
    ("container", "容器", "Container", "CTR"),
    ("image", "镜像", "Image", "IMG"),
    ("load balancer", "负载均衡", "LoadBalancer", "LB"),
    ("listener", "监听器", "Listener", "LSN"),
    ("certificate", "证书", "Cert", "CERT"),
    ("route rule", "路由规则", "RouteRule", "ROUTE"),
    ("rate limit rule", "限流规则", "RateLimit", "RATELIMIT"),
    ("circuit breaker", "熔断规则", "CircuitBreaker", "CB"),
    ("config file", "配置文件", "ConfigFile", "CFG_FILE"),
    ("config group", "配置分组", "ConfigGroup", "CFG_GROUP"),
    ("user", "用户", "User", "USER"),
    ("user group", "用户组", "UserGroup", "GROUP"),
    ("role", "角色", "Role", "ROLE"),
    ("auth policy", "鉴权策略", "AuthStrategy", "POLICY"),
    ("application", "应用", "App", "APP"),
    ("microservice", "微服务", "MicroService", "MS"),
    ("schema", "契约", "Schema", "SCHEMA"),
    ("snapshot", "快照", "Snapshot", "SNAP"),
    ("subnet", "子网", "Subnet", "SUBNET"),
    ("security group", "安全组", "SecurityGroup", "SG"),
    ("public IP", "公网IP", "PublicIp", "EIP"),
    ("backup", "备份", "Backup", "BAK"),
    ("service alias", "服务别名", "ServiceAlias", "ALIAS"),
    ("heartbeat", "心跳", "Heartbeat", "HB"),
    ("ssh key", "SSH密钥", "SshKey", "SSH_KEY"),
];

const ATTRIBUTES: &[Word] = &[
    ("name", "名称", "Name", "NAME"),
    ("id", "ID", "ID", "ID"),
    ("owners", "拥有者", "Owners", "OWNER"),
    ("token", "token", "Token", "TOKEN"),
    ("version", "版本", "Version", "VER"),
    ("metadata", "元数据", "Metadata", "META"),
    ("port", "端口", "Port", "PORT"),
    ("host", "主机", "Host", "HOST"),
    ("comment", "备注", "Comment", "COMMENT"),
    ("labels", "标签", "Labels", "LABEL"),
    ("size", "大小", "Size", "SIZE"),
    ("status", "状态", "Status", "STATUS"),
    ("type", "类型", "Type", "TYPE"),
    ("protocol", "协议", "Protocol", "PROTO"),
    ("priority", "优先级", "Priority", "PRIO"),
];

/// English and Chinese templates (`{}` is the noun phrase), the CamelCase
/// name template, the SNAKE suffix, and the HTTP status it goes with.
type Predicate = (&'static str, &'static str, &'static str, &'static str, u16);

#[rustfmt::skip]
const PREDICATES: &[Predicate] = &[
    ("invalid {}", "{}非法", "Invalid{}", "INVALID", 400),
    ("{} is empty", "{}为空", "Empty{}", "EMPTY", 400),
    ("{} is too long", "{}过长", "{}TooLong", "TOO_LONG", 400),
    ("{} format is invalid", "{}格式错误", "{}FormatError", "FORMAT_ERROR", 400),
    ("{} exceeds the limit", "{}超过限制", "{}OverLimit", "OVER_LIMIT", 400),
    ("{} is not authorized", "{}未经授权", "Unauthorized{}", "UNAUTHORIZED", 401),
    ("{} has expired", "{}已过期", "{}Expired", "EXPIRED", 401),
    ("access to {} is denied", "无权访问{}", "{}AccessDenied", "ACCESS_DENIED", 403),
    ("{} has been disabled", "{}已被禁用", "{}Disabled", "DISABLED", 403),
    ("{} cannot be modified", "{}不允许修改", "{}NotModifiable", "NOT_MODIFIABLE", 403),
    ("{} does not exist", "{}不存在", "{}NotFound", "NOT_FOUND", 404),
    ("{} already exists", "{}已存在", "{}Existed", "EXISTED", 409),
    ("{} conflicts with an existing one", "{}与现有配置冲突", "{}Conflict", "CONFLICT", 409),
    ("{} is in use and cannot be deleted", "{}正在使用，无法删除", "{}InUse", "IN_USE", 409),
    ("too many requests for {}", "{}请求过多", "{}TooManyRequests", "TOO_MANY", 429),
    ("failed to create {}", "创建{}失败", "Create{}Failed", "CREATE_FAILED", 500),
    ("failed to delete {}", "删除{}失败", "Delete{}Failed", "DELETE_FAILED", 500),
    ("failed to update {}", "更新{}失败", "Update{}Failed", "UPDATE_FAILED", 500),
    ("storage error while saving {}", "保存{}时存储层异常", "Store{}Error", "STORE_ERROR", 500),
    ("timed out waiting for {}", "等待{}超时", "{}Timeout", "TIMEOUT", 502),
    ("{} backend service is unavailable", "{}后端服务不可用", "{}Unavailable", "UNAVAILABLE", 503),
];

/// Clauses that lengthen a message, in both languages.
const CLAUSES: &[(&str, &str)] = &[
    (", please check the request parameters", "，请检查请求参数"),
    (", please try again later", "，请稍后重试"),
    (" (at most 64 characters)", "（最多64个字符）"),
    (" in the current namespace", "（当前命名空间）"),
    (
        ", contact the administrator to raise the quota",
        "，请联系管理员提升配额",
    ),
    (
        " because the backend rejected the request",
        "，后端拒绝了请求",
    ),
    (
        ": only letters, digits and hyphens are allowed",
        "：只允许字母、数字和连字符",
    ),
    (" for this account", "（当前账号）"),
    (" and the operation was rolled back", "，操作已回滚"),
    (" in the given region", "（指定地域）"),
    (" while the resource is being deployed", "，资源正在部署中"),
    (
        ", see the API reference for valid values",
        "，合法取值见API参考",
    ),
];

/// The words of one code: names and the texts in both languages.
struct Concept {
    camel: String,
    snake: String,
    en: String,
    zh: String,
}

/// Picks the words for one code; `names` keeps a vendor's names unique.
fn concept(status: Option<u16>, rng: &mut Rng, names: &mut HashSet<String>) -> Concept {
    let predicates: Vec<&Predicate> = PREDICATES
        .iter()
        .filter(|p| status.is_none_or(|s| p.4 == s))
        .collect();
    let predicates = if predicates.is_empty() {
        PREDICATES.iter().collect()
    } else {
        predicates
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let noun = rng.pick(NOUNS);
        let attribute = if rng.chance(0.25) {
            None
        } else {
            Some(rng.pick(ATTRIBUTES))
        };
        let predicate = *rng.pick(&predicates);
        let (mut camel, mut snake) = match attribute {
            Some(a) => (
                predicate.2.replace("{}", &format!("{}{}", noun.2, a.2)),
                format!("{}_{}_{}", noun.3, a.3, predicate.3),
            ),
            None => (
                predicate.2.replace("{}", noun.2),
                format!("{}_{}", noun.3, predicate.3),
            ),
        };
        if !names.insert(camel.clone()) {
            if attempt < 4 {
                continue;
            }
            // Vendors number their variants once the words run out.
            let mut n = 2;
            while !names.insert(format!("{camel}{n}")) {
                n += 1;
            }
            camel = format!("{camel}{n}");
            snake = format!("{snake}_{n}");
        }
        let (en_phrase, zh_phrase) = match attribute {
            // `公网IP ID`, not `公网IPID`: Latin words stay apart.
            Some(a)
                if noun.1.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && a.1.starts_with(|c: char| c.is_ascii_alphanumeric()) =>
            {
                (format!("{} {}", noun.0, a.0), format!("{} {}", noun.1, a.1))
            }
            Some(a) => (format!("{} {}", noun.0, a.0), format!("{}{}", noun.1, a.1)),
            None => (noun.0.to_owned(), noun.1.to_owned()),
        };
        let (en, zh) = lengthen(
            predicate.0.replace("{}", &en_phrase),
            predicate.1.replace("{}", &zh_phrase),
            rng,
        );
        return Concept {
            camel,
            snake,
            en,
            zh,
        };
    }
}

/// Adds clauses until the English has 5–15 words and the Chinese at most
/// 25 characters.
fn lengthen(mut en: String, mut zh: String, rng: &mut Rng) -> (String, String) {
    let target = 5 + rng.below(11);
    for _ in 0..8 {
        if words(&en) >= target {
            break;
        }
        let (clause_en, clause_zh) = *rng.pick(CLAUSES);
        if en.contains(clause_en)
            || words(&en) + words(clause_en) > 15
            || zh.chars().count() + clause_zh.chars().count() > 25
        {
            continue;
        }
        en.push_str(clause_en);
        zh.push_str(clause_zh);
    }
    (en, zh)
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A row of a source, before it is written in the source's shape.
struct Line<'a> {
    entry: &'a Entry,
    name: String,
    en: String,
    zh: String,
}

/// The rows of one source over `entries`, each code once, plus repeats:
/// half with the same text, half with another wording.
fn with_repeats<'a>(lines: Vec<Line<'a>>, rng: &mut Rng, summary: &mut Summary) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len() + lines.len() / 64);
    for line in lines {
        let again = rng.chance(DUPLICATES).then(|| {
            if rng.chance(0.5) {
                Line {
                    name: line.name.clone(),
                    en: line.en.clone(),
                    zh: line.zh.clone(),
                    ..line
                }
            } else {
                let (en, zh) = lengthen(
                    format!("{} (deprecated)", line.en),
                    format!("{}（已废弃）", line.zh),
                    rng,
                );
                Line {
                    name: line.name.clone(),
                    en,
                    zh,
                    ..line
                }
            }
        });
        out.push(line);
        if let Some(again) = again {
            out.push(again);
            summary.duplicates += 1;
        }
    }
    summary.rows += out.len();
    out
}

fn lines<'a>(vendor: &'a VendorPlan, rng: &mut Rng, snake: bool) -> Vec<Line<'a>> {
    let mut names = HashSet::new();
    vendor
        .entries
        .iter()
        .map(|entry| {
            let concept = concept(entry.status, rng, &mut names);
            Line {
                entry,
                name: if snake { concept.snake } else { concept.camel },
                en: concept.en,
                zh: concept.zh,
            }
        })
        .collect()
}

fn vendor_toml(
    vendor: &VendorPlan,
    zh_kind: &str,
    code_prefix: bool,
    sources: &[(&str, &str)],
) -> String {
    let mut toml = format!(
        "name = {{ en = \"{} Vendor {}\", zh = \"{}厂商 {}\" }}\nhomepage = \"https://{}.example.com/\"\n",
        capitalise(vendor.shape.prefix()),
        vendor.number,
        zh_kind,
        vendor.number,
        vendor.id
    );
    if code_prefix {
        toml.push_str(
            "# Codes start with the HTTP status: 4001410 is returned with 400.\nhttp_status = \"code-prefix\"\n",
        );
    }
    for (file, lang) in sources {
        let _ = write!(
            toml,
            "\n[[sources]]\nfile = \"{file}\"\nlang = \"{lang}\"\n"
        );
    }
    toml
}

// ---------------------------------------------------------------------------
// The four shapes.

/// Like `input/polaris`: an English table with names and a Chinese one.
fn markdown(vendor: &VendorPlan, rng: &mut Rng, summary: &mut Summary) -> Vec<(String, String)> {
    let all = lines(vendor, rng, false);
    // Some codes are documented in Chinese only.
    let zh_only: Vec<bool> = all.iter().map(|_| rng.chance(0.10)).collect();
    let english = all
        .iter()
        .zip(&zh_only)
        .filter(|(_, only)| !**only)
        .map(|(line, _)| Line {
            entry: line.entry,
            name: line.name.clone(),
            en: line.en.clone(),
            zh: String::new(),
        })
        .collect();
    let english = with_repeats(english, rng, summary);
    // One row in 500 of the Chinese table is left in English, as vendors do.
    let mut chinese = with_repeats(all, rng, summary);
    let untranslated = chinese.len().div_ceil(500).max(1);
    for _ in 0..untranslated {
        let at = rng.below(chinese.len().max(1));
        if let Some(line) = chinese.get_mut(at) {
            line.zh = line.en.clone();
        }
    }

    let name_width = english
        .iter()
        .map(|l| l.name.len())
        .max()
        .unwrap_or(0)
        .max(18);
    let code_width = english
        .iter()
        .map(|l| l.entry.code.len())
        .max()
        .unwrap_or(0)
        .max(6);
    let text_width = english
        .iter()
        .map(|l| l.en.len())
        .max()
        .unwrap_or(0)
        .max(20);
    let mut en = String::from("### 错误码表\n\n\n");
    let _ = writeln!(
        en,
        "| {:<name_width$} | {:<code_width$} | {:<text_width$} |",
        "错误码名称", "错误码", "描述"
    );
    let _ = writeln!(
        en,
        "| {} | {} | {} |",
        "-".repeat(name_width),
        "-".repeat(code_width),
        "-".repeat(text_width)
    );
    for line in &english {
        let _ = writeln!(
            en,
            "| {:<name_width$} | {:<code_width$} | {:<text_width$} |",
            line.name, line.entry.code, line.en
        );
    }

    let zh_width = chinese
        .iter()
        .map(|l| l.zh.chars().count())
        .max()
        .unwrap_or(0)
        .max(20);
    let mut zh = String::from("---\ntitle: \"错误码\"\nweight: 3\n---\n\n");
    let _ = writeln!(zh, "| {:<code_width$} | {:<zh_width$} |", "错误码", "描述");
    let _ = writeln!(
        zh,
        "|:{}|:{}|",
        "-".repeat(code_width + 1),
        "-".repeat(zh_width + 1)
    );
    for line in &chinese {
        let _ = writeln!(
            zh,
            "| {:<code_width$} | {:<zh_width$} |",
            line.entry.code, line.zh
        );
    }

    vec![
        (
            "vendor.toml".into(),
            vendor_toml(
                vendor,
                "网格",
                true,
                &[("error-codes.en.md", "en"), ("error-codes.zh.md", "zh")],
            ),
        ),
        ("error-codes.en.md".into(), en),
        ("error-codes.zh.md".into(), zh),
    ]
}

/// Like `input/huawei-cse`: an HTML table from a CMS, pasted into Markdown.
fn html(vendor: &VendorPlan, rng: &mut Rng, summary: &mut Summary) -> Vec<(String, String)> {
    let rows = with_repeats(lines(vendor, rng, false), rng, summary);
    let mut ids = Ids(rng.below(1 << 30) as u64);
    let topic = format!("zh-cn_topic_{:010}", rng.below(1 << 30));
    let table = format!("{topic}_table{}", ids.next());
    let cell = |ids: &mut Ids, text: &str| {
        let p = format!("{topic}_p{}", ids.next());
        format!("<p id=\"{p}\"><a name=\"{p}\"></a><a name=\"{p}\"></a>{text}</p>\n")
    };

    let mut out = format!(
        "# 错误码列表<a name=\"ZH-CN_TOPIC_{:010}\"></a>\n\n\
         在向系统发出请求后，如果遇到错误，会在响应中包含响应的错误码描述错误信息。错误码如[表1](#{table})所示。\n\n\
         **表 1**  错误码列表\n\n<a name=\"{table}\"></a>\n",
        rng.below(1 << 30)
    );
    out.push_str("<table><thead align=\"left\">");
    let _ = write!(out, "<tr id=\"{topic}_row{}\">", ids.next());
    for (i, (header, width)) in [
        ("HTTP状态码", "14.000000000000002%"),
        ("业务错误码", "12%"),
        ("返回消息体", "49%"),
        ("描述", "25%"),
    ]
    .iter()
    .enumerate()
    {
        let _ = writeln!(
            out,
            "<th class=\"cellrowborder\" valign=\"top\" width=\"{width}\" id=\"mcps1.2.5.1.{}\">{}</th>",
            i + 1,
            cell(&mut ids, header)
        );
    }
    out.push_str("</tr>\n</thead>\n<tbody>");

    let mut start = 0;
    while start < rows.len() {
        let status = rows[start].entry.status;
        let end = start
            + rows[start..]
                .iter()
                .take_while(|l| l.entry.status == status)
                .count();
        for (k, line) in rows[start..end].iter().enumerate() {
            let code = &line.entry.code;
            let status_text = status.map_or_else(String::new, |s| s.to_string());
            let tail = numeric(code);
            let business = tail.get(3..).unwrap_or(tail);
            let message = capitalise(&line.en);
            let body = if code.starts_with("SVCSTG") {
                format!("{{\"error_code\":\"{code}\",\"error_message\":\"{message}\"}}")
            } else {
                format!("{{errCode:\"{code}\", errMsg:\"{message}\", detail:\"\"}}")
            };
            let _ = write!(out, "<tr id=\"{topic}_row{}\">", ids.next());
            let mut column = 1;
            if k == 0 {
                let _ = writeln!(
                    out,
                    "<td class=\"cellrowborder\" rowspan=\"{}\" valign=\"top\" width=\"14.000000000000002%\" headers=\"mcps1.2.5.1.1 \">{}</td>",
                    end - start,
                    cell(&mut ids, &status_text)
                );
                column = 2;
            }
            for text in [business, body.as_str(), line.zh.as_str()] {
                let _ = writeln!(
                    out,
                    "<td class=\"cellrowborder\" valign=\"top\" headers=\"mcps1.2.5.1.{column} \">{}</td>",
                    cell(&mut ids, text)
                );
                column += 1;
            }
            out.push_str("</tr>\n");
        }
        start = end;
    }
    out.push_str("</tbody>\n</table>\n");

    vec![
        (
            "vendor.toml".into(),
            vendor_toml(vendor, "微服务", false, &[("error-codes.zh.md", "zh")]),
        ),
        ("error-codes.zh.md".into(), out),
    ]
}

/// CMS element ids: increasing numbers with gaps.
struct Ids(u64);

impl Ids {
    fn next(&mut self) -> u64 {
        self.0 += 1 + self.0 % 7;
        self.0
    }
}

/// Like `input/netease-cloudcomb`: `CODE message` lines in an indented block.
fn code_list(vendor: &VendorPlan, rng: &mut Rng, summary: &mut Summary) -> Vec<(String, String)> {
    let rows = with_repeats(lines(vendor, rng, false), rng, summary);
    let mut out = String::from(
        "# OpenAPI 错误响应\n\n错误响应消息\n\n    http_status_code http_reason_phrase\n    {\n       \"code\":xxx,\n       \"message\": \"yyy\"\n    }\n\n\
         使用 Http 状态码来标志一次请求的完成情况。响应 body 包含一个机器可读的错误码（code）和一个人类可读的错误信息（message）。\n\n\
         3 次重试仍失败时请联系技术支持。\n\n## 错误码\n\n",
    );
    let mut previous = None;
    for line in &rows {
        let group = line.entry.code.get(..3);
        if previous.is_some() && previous != group {
            out.push('\n');
        }
        previous = group;
        let separator = if rng.chance(0.02) { "\t" } else { " " };
        let period = if rng.chance(0.5) { "." } else { "" };
        let padding = " ".repeat(rng.below(9));
        let _ = writeln!(
            out,
            "    {}{separator}{}{period}{padding}",
            line.entry.code,
            capitalise(&line.en)
        );
    }
    vec![
        (
            "vendor.toml".into(),
            vendor_toml(vendor, "蜂巢云", true, &[("openapi-error-codes.md", "en")]),
        ),
        ("openapi-error-codes.md".into(), out),
    ]
}

/// Like `input/api-switch`: constants with a Chinese comment above most.
fn constants(vendor: &VendorPlan, rng: &mut Rng, summary: &mut Summary) -> Vec<(String, String)> {
    let rows = with_repeats(lines(vendor, rng, true), rng, summary);
    let mut out = format!(
        "# 错误码\n\n{} Vendor {}返回的http status code为2XX时，表示程序正常返回，此时将不会返回error code，否则将会返回如下结构的信息：\n\n\
         ```\n{{\n  \"Code\": XXX,\n  \"Message\": \"XXX\"\n}}\n```\n\n`Code`的值的含义如下所示：\n\n```\n",
        capitalise(vendor.shape.prefix()),
        vendor.number
    );
    for line in &rows {
        if rng.chance(0.95) {
            let space = if rng.chance(0.3) { " " } else { "" };
            let _ = writeln!(out, "//{space}{}", line.zh);
        }
        let _ = writeln!(out, "{} = {}\n", line.name, line.entry.code);
    }
    out.push_str("```\n");
    vec![
        (
            "vendor.toml".into(),
            vendor_toml(vendor, "开关", false, &[("error-codes.md", "zh")]),
        ),
        ("error-codes.md".into(), out),
    ]
}

// ---------------------------------------------------------------------------

/// splitmix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// In `0..n` (`0` when `n` is `0`).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) < p * (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
