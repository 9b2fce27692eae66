//! The one model every source is normalised into: vendors and their codes.
//!
//! Nothing here knows how a table was parsed or how a page is rendered.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A language a text or a page is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The tag used in URLs, `lang` attributes and file names.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The language a piece of vendor text is actually written in: any Han
    /// ideograph makes it Chinese (`用户token非法` is Chinese; a line of
    /// English in a Chinese table is English).
    pub fn detect(text: &str) -> Lang {
        if text.chars().any(is_han) {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Whether `c` is a Han ideograph (CJK Unified Ideographs, extension A and
/// beyond, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// The first of `texts` in `lang`.
fn first_in(texts: &[Message], lang: Lang) -> Option<&str> {
    texts
        .iter()
        .find(|m| m.lang == lang)
        .map(|m| m.text.as_str())
}

/// A pair of texts, one per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bilingual<T> {
    pub en: T,
    pub zh: T,
}

impl<T> Bilingual<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::En => &mut self.en,
            Lang::Zh => &mut self.zh,
        }
    }
}

/// `con`, `nul`, `com1`: names Windows gives to devices, not files.
fn is_windows_device(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    match name.len() {
        3 => matches!(name.as_str(), "con" | "prn" | "aux" | "nul"),
        4 => matches!(name.get(..3), Some("com" | "lpt")) && name.as_bytes()[3].is_ascii_digit(),
        _ => false,
    }
}

/// A vendor id as used in URLs and as a folder name: lowercase ASCII
/// letters, digits and inner hyphens, and not a name Windows reserves for a
/// device (`con`, `nul`, `com1`, …), which no file system synced to Windows
/// could hold.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct VendorId(String);

impl VendorId {
    pub fn new(id: &str) -> Option<VendorId> {
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-')
            && !is_windows_device(id);
        valid.then(|| VendorId(id.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for VendorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An error code exactly as the client sees it: `400141`, `SVCSTG.CSE.4001000`,
/// `0042`. Leading zeros and dots are part of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Code(String);

impl Code {
    pub fn new(code: impl Into<String>) -> Code {
        Code(code.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code's first three characters as an HTTP status, when they are
    /// digits forming one (`4030148` → 403).
    pub fn status_prefix(&self) -> Option<HttpStatus> {
        let prefix = self.0.get(..3)?;
        if !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        HttpStatus::new(prefix.parse().ok()?)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Natural order: digit runs compare as numbers, so `10220` sorts before
/// `10301` and `SVCSTG.CSE.500500` after `SVCSTG.CSE.4001011`.
impl Ord for Code {
    fn cmp(&self, other: &Self) -> Ordering {
        natural_cmp(&self.0, &other.0)
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Natural order of two strings: digit runs compare as numbers.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (na, ra) = split_digits(a);
                let (nb, rb) = split_digits(b);
                let (ta, tb) = (trim_zeros(na), trim_zeros(nb));
                let ord = ta
                    .len()
                    .cmp(&tb.len())
                    .then_with(|| ta.cmp(tb))
                    // `007` after `7`, so distinct codes never compare equal.
                    .then_with(|| na.len().cmp(&nb.len()));
                if ord != Ordering::Equal {
                    return ord;
                }
                (a, b) = (ra, rb);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

fn split_digits(s: &[u8]) -> (&[u8], &[u8]) {
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    s.split_at(n)
}

fn trim_zeros(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&b| b == b'0').count();
    &s[n..]
}

/// An HTTP status code, 100–599.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct HttpStatus(u16);

impl HttpStatus {
    pub fn new(status: u16) -> Option<HttpStatus> {
        (100..=599).contains(&status).then_some(HttpStatus(status))
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for HttpStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a record's facts came from: a file (relative to the input
/// directory, `/`-separated), a 1-based line, and the language the file is
/// declared to be written in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct SourceRef {
    pub file: String,
    pub line: usize,
    pub lang: Lang,
}

/// One text a vendor wrote for a code, in the language it is actually
/// written in, and which of the record's sources it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Message {
    pub lang: Lang,
    /// Plain text, for search, metadata and every place markup cannot go.
    pub text: String,
    pub source: usize,
    /// The same text with the vendor's inline markup (links, inline code,
    /// emphasis) as sanitised HTML, where it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

/// A column of a vendor's table that no header word names, kept as the
/// vendor wrote it: its header, the cell's text, the language the text is
/// written in, and which of the record's sources it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Extra {
    pub header: String,
    pub text: String,
    pub lang: Lang,
    pub source: usize,
}

/// One code of one vendor, merged over all the vendor's sources.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Record {
    pub code: Code,
    pub name: Option<String>,
    /// Every HTTP status the code is returned with, in source order; the
    /// first is the code's status.
    pub http_statuses: Vec<HttpStatus>,
    /// Every distinct text the vendor gave, in source order: the message a
    /// client sees, or the one text a source gives for the code.
    pub messages: Vec<Message>,
    /// Explanations the vendor gave apart from the message, in a column of
    /// their own beside it.
    pub descriptions: Vec<Message>,
    /// What the vendor says to do about the code.
    pub solutions: Vec<Message>,
    /// The section the code is listed under, outermost first, in each
    /// language a source gives one in; empty where none does.
    pub group: Bilingual<Vec<String>>,
    /// Columns no header word names, in column order.
    pub extra: Vec<Extra>,
    pub sources: Vec<SourceRef>,
    /// The documentation team's translations into languages the vendor
    /// gave no text in; at most one per language.
    pub translations: Vec<Translation>,
    /// An editor's note where the vendor's text is wrong.
    pub note: Option<EditorNote>,
    /// Consistency findings on this code the documentation team accepted.
    pub acknowledged: Vec<Acknowledgement>,
}

/// A finding of `errdocs check` the documentation team has looked at and
/// accepted (the vendor's text is as it is): shown as a note, it no
/// longer counts as a warning.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Acknowledgement {
    /// The finding's kind, as `check` names it: `same-text`.
    pub kind: String,
    /// Who accepted it, and why.
    pub by: String,
    pub why: String,
    /// Relative to the input directory, `/`-separated.
    pub file: String,
    pub line: usize,
}

impl Record {
    /// A code with nothing known of it yet.
    pub fn new(code: Code) -> Record {
        Record {
            code,
            name: None,
            http_statuses: Vec::new(),
            messages: Vec::new(),
            descriptions: Vec::new(),
            solutions: Vec::new(),
            group: Bilingual::default(),
            extra: Vec::new(),
            sources: Vec::new(),
            translations: Vec::new(),
            note: None,
            acknowledged: Vec::new(),
        }
    }

    /// The code's HTTP status: the first the sources give.
    pub fn http_status(&self) -> Option<HttpStatus> {
        self.http_statuses.first().copied()
    }

    /// The vendor's first explanation in `lang`.
    pub fn description(&self, lang: Lang) -> Option<&str> {
        first_in(&self.descriptions, lang)
    }

    /// The vendor's first suggested action in `lang`.
    pub fn solution(&self, lang: Lang) -> Option<&str> {
        first_in(&self.solutions, lang)
    }

    /// The vendor's first text in `lang`.
    pub fn message(&self, lang: Lang) -> Option<&str> {
        self.messages_in(lang).next()
    }

    /// Every text the vendor gave in `lang`, first one first.
    pub fn messages_in(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.messages
            .iter()
            .filter(move |m| m.lang == lang)
            .map(|m| m.text.as_str())
    }

    /// The documentation team's translation into `lang`, if any.
    pub fn translation(&self, lang: Lang) -> Option<&Translation> {
        self.translation_of(TextField::Message, lang)
    }

    /// The documentation team's translation of a field into `lang`.
    pub fn translation_of(&self, field: TextField, lang: Lang) -> Option<&Translation> {
        self.translations
            .iter()
            .find(|t| t.field == field && t.lang == lang)
    }

    /// Whether the sources disagree: two texts in one language that come
    /// from different places (alternatives written in one row are not a
    /// disagreement; the vendor meant both).
    pub fn sources_disagree(&self) -> bool {
        Lang::ALL.into_iter().any(|lang| {
            let mut places = self
                .messages
                .iter()
                .filter(|m| m.lang == lang)
                .map(|m| (&self.sources[m.source].file, self.sources[m.source].line));
            match places.next() {
                Some(first) => places.any(|p| p != first),
                None => false,
            }
        })
    }
}

/// A record built up for a test: `Record::for_test("400141").named("X")
/// .status(400).row("v/errors.en.md", 3, Lang::En).text("…")`. Name and
/// status take an `Option` too, for tests that have one or not.
#[cfg(test)]
impl Record {
    /// A code with nothing known of it yet.
    pub(crate) fn for_test(code: &str) -> Record {
        Record::new(Code::new(code))
    }

    pub(crate) fn named<'a>(mut self, name: impl Into<Option<&'a str>>) -> Record {
        self.name = name.into().map(str::to_owned);
        self
    }

    pub(crate) fn status(mut self, status: impl Into<Option<u16>>) -> Record {
        self.http_statuses = status
            .into()
            .map(|s| HttpStatus::new(s).expect("a status in 100–599"))
            .into_iter()
            .collect();
        self
    }

    /// A row of `file` at `line`, a file declared `lang`: the source of the
    /// texts given after it.
    pub(crate) fn row(mut self, file: &str, line: usize, lang: Lang) -> Record {
        self.sources.push(SourceRef {
            file: file.to_owned(),
            line,
            lang,
        });
        self
    }

    /// A text from the last row, in the language it is written in (as
    /// ingest detects it). A record without a row gets one, `test.md`
    /// line 1, so that every message's source exists.
    pub(crate) fn text(mut self, text: &str) -> Record {
        let lang = Lang::detect(text);
        if self.sources.is_empty() {
            self = self.row("test.md", 1, lang);
        }
        self.messages.push(Message {
            lang,
            text: text.to_owned(),
            source: self.sources.len() - 1,
            html: None,
        });
        self
    }

    /// [`Record::text`] for each of `texts`.
    pub(crate) fn texts(self, texts: &[&str]) -> Record {
        texts.iter().fold(self, |record, text| record.text(text))
    }
}

/// A vendor and all its codes, sorted by [`Code`]'s natural order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Vendor {
    pub id: VendorId,
    pub name: Bilingual<String>,
    pub homepage: Option<String>,
    pub records: Vec<Record>,
    /// The sections the vendor lists its codes under, in each language, in
    /// the order its sources first give them (its records are sorted by
    /// code, so this is where that order is kept).
    pub groups: Bilingual<Vec<Vec<String>>>,
    /// Categories a maintainer set by hand where the rules get a code wrong.
    pub overrides: Vec<CategoryOverride>,
}

#[cfg(test)]
impl Vendor {
    /// A vendor named by its id in both languages, with these records and
    /// nothing else.
    pub(crate) fn for_test(id: &str, records: Vec<Record>) -> Vendor {
        Vendor {
            id: VendorId::new(id).expect("a valid vendor id"),
            name: Bilingual {
                en: id.to_owned(),
                zh: id.to_owned(),
            },
            homepage: None,
            records,
            groups: Bilingual::default(),
            overrides: Vec::new(),
        }
    }
}

/// The kind of failure a code is: the `google.rpc.Code` model, whose 16
/// error codes and OK every platform's errors map onto.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Category {
    Ok,
    Cancelled,
    Unknown,
    InvalidArgument,
    DeadlineExceeded,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    ResourceExhausted,
    FailedPrecondition,
    Aborted,
    OutOfRange,
    Unimplemented,
    Internal,
    Unavailable,
    DataLoss,
    Unauthenticated,
}

impl Category {
    /// In `google.rpc.Code` order (OK = 0 … UNAUTHENTICATED = 16).
    pub const ALL: [Category; 17] = [
        Category::Ok,
        Category::Cancelled,
        Category::Unknown,
        Category::InvalidArgument,
        Category::DeadlineExceeded,
        Category::NotFound,
        Category::AlreadyExists,
        Category::PermissionDenied,
        Category::ResourceExhausted,
        Category::FailedPrecondition,
        Category::Aborted,
        Category::OutOfRange,
        Category::Unimplemented,
        Category::Internal,
        Category::Unavailable,
        Category::DataLoss,
        Category::Unauthenticated,
    ];

    /// `INVALID_ARGUMENT`, as in `google.rpc.Code`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Ok => "OK",
            Category::Cancelled => "CANCELLED",
            Category::Unknown => "UNKNOWN",
            Category::InvalidArgument => "INVALID_ARGUMENT",
            Category::DeadlineExceeded => "DEADLINE_EXCEEDED",
            Category::NotFound => "NOT_FOUND",
            Category::AlreadyExists => "ALREADY_EXISTS",
            Category::PermissionDenied => "PERMISSION_DENIED",
            Category::ResourceExhausted => "RESOURCE_EXHAUSTED",
            Category::FailedPrecondition => "FAILED_PRECONDITION",
            Category::Aborted => "ABORTED",
            Category::OutOfRange => "OUT_OF_RANGE",
            Category::Unimplemented => "UNIMPLEMENTED",
            Category::Internal => "INTERNAL",
            Category::Unavailable => "UNAVAILABLE",
            Category::DataLoss => "DATA_LOSS",
            Category::Unauthenticated => "UNAUTHENTICATED",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which of a code's texts a translation is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextField {
    Message,
    Description,
    Solution,
}

impl TextField {
    pub const ALL: [TextField; 3] = [
        TextField::Message,
        TextField::Description,
        TextField::Solution,
    ];

    /// The key of the field in a translations file and in `codes.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            TextField::Message => "message",
            TextField::Description => "description",
            TextField::Solution => "solution",
        }
    }
}

/// A reviewed translation of one of a code's texts, written by the
/// documentation team where the vendor gave none in that language. Never
/// the vendor's words.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Translation {
    pub code: Code,
    pub field: TextField,
    pub lang: Lang,
    pub text: String,
    /// Relative to the input directory, `/`-separated.
    pub file: String,
    pub line: usize,
}

/// An editor's note on a code, in both languages: where the vendor's text is
/// wrong (a typo, a swapped meaning) and the original is left intact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EditorNote {
    pub code: Code,
    pub text: Bilingual<String>,
    /// Relative to the input directory, `/`-separated.
    pub file: String,
    pub line: usize,
}

/// A maintainer's category for one code, and where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CategoryOverride {
    pub code: Code,
    pub category: Category,
    /// Relative to the input directory, `/`-separated.
    pub file: String,
    pub line: usize,
}

/// Everything the site is made from: vendors sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Catalog {
    pub vendors: Vec<Vendor>,
}

impl Catalog {
    pub fn code_count(&self) -> usize {
        self.vendors.iter().map(|v| v.records.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_sort_naturally() {
        let mut codes: Vec<Code> = [
            "10301",
            "10220",
            "SVCSTG.CSE.500500",
            "400001",
            "SVCSTG.CSE.4001011",
            "007",
            "7",
        ]
        .into_iter()
        .map(Code::new)
        .collect();
        codes.sort();
        let sorted: Vec<&str> = codes.iter().map(Code::as_str).collect();
        assert_eq!(
            sorted,
            [
                "7",
                "007",
                "10220",
                "10301",
                "400001",
                "SVCSTG.CSE.500500",
                "SVCSTG.CSE.4001011"
            ]
        );
    }

    #[test]
    fn status_prefix_needs_three_digits_in_range() {
        assert_eq!(Code::new("4330801").status_prefix(), HttpStatus::new(433));
        assert_eq!(Code::new("0420").status_prefix(), None);
        assert_eq!(Code::new("E4001").status_prefix(), None);
        assert_eq!(Code::new("40").status_prefix(), None);
    }

    #[test]
    fn language_is_detected_from_script() {
        assert_eq!(Lang::detect("用户token非法"), Lang::Zh);
        assert_eq!(
            Lang::detect("not allow modify main account default strategy"),
            Lang::En
        );
    }

    #[test]
    fn categories_are_spelt_as_google_rpc_codes() {
        for category in Category::ALL {
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{category}\""));
        }
    }

    #[test]
    fn vendor_ids_are_url_safe() {
        assert!(VendorId::new("huawei-cse").is_some());
        for bad in ["", "Polaris", "../x", "a b", "-x", "x-"] {
            assert!(VendorId::new(bad).is_none(), "{bad}");
        }
    }
}
