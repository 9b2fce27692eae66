//! Where each page lives: file names for codes that any input may contain,
//! and relative links between pages.

use std::fmt::Write;

use crate::model::{Category, Code, HttpStatus, Lang, VendorId};

/// A code as one safe file-name segment, also usable verbatim in a URL.
///
/// ASCII letters, digits, `-`, `_` and inner `.` stay as they are; every
/// other byte becomes `~XX` (`~` is unreserved in URLs and never kept
/// literally, so the mapping is one-to-one). The name `index` is escaped too:
/// `index.html` is the vendor's page.
pub(crate) fn code_segment(code: &Code) -> String {
    let raw = code.as_str();
    let escape_first = raw.eq_ignore_ascii_case("index");
    let mut out = String::with_capacity(raw.len());
    for (i, byte) in raw.bytes().enumerate() {
        let keep =
            byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_') || (byte == b'.' && i > 0);
        if keep && !(i == 0 && escape_first) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "~{byte:02X}");
        }
    }
    out
}

/// Site-root-relative path of a code page: `en/polaris/400001.html`.
pub(crate) fn code_page(lang: Lang, vendor: &VendorId, code: &Code) -> String {
    format!("{lang}/{vendor}/{}.html", code_segment(code))
}

/// Site-root-relative path of a vendor page: `en/polaris/index.html`.
pub(crate) fn vendor_page(lang: Lang, vendor: &VendorId) -> String {
    format!("{lang}/{vendor}/index.html")
}

/// Site-root-relative path of a language's home page: `en/index.html`.
pub(crate) fn home_page(lang: Lang) -> String {
    format!("{lang}/index.html")
}

/// The vendor-free permalink of a code string: `en/codes/400001.html`.
pub(crate) fn permalink(lang: Lang, code: &Code) -> String {
    format!("{lang}/{CODES}/{}.html", code_segment(code))
}

pub(crate) fn categories_page(lang: Lang) -> String {
    format!("{lang}/{CATEGORIES}/index.html")
}

/// `en/categories/invalid-argument.html`.
pub(crate) fn category_page(lang: Lang, category: Category) -> String {
    let slug = category.as_str().to_ascii_lowercase().replace('_', "-");
    format!("{lang}/{CATEGORIES}/{slug}.html")
}

pub(crate) fn statuses_page(lang: Lang) -> String {
    format!("{lang}/{STATUS}/index.html")
}

/// `en/status/404.html`.
pub(crate) fn status_page(lang: Lang, status: HttpStatus) -> String {
    format!("{lang}/{STATUS}/{status}.html")
}

/// The maintainers' report: `en/report.html`.
pub(crate) fn report_page(lang: Lang) -> String {
    format!("{lang}/report.html")
}

pub(crate) const CODES: &str = "codes";
pub(crate) const CATEGORIES: &str = "categories";
pub(crate) const STATUS: &str = "status";

/// The prefix that leads from a page back to the site root: `../../` for
/// `en/polaris/400001.html`.
pub(crate) fn root_of(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(code: &str) -> String {
        code_segment(&Code::new(code))
    }

    #[test]
    fn ordinary_codes_are_kept() {
        assert_eq!(segment("400001"), "400001");
        assert_eq!(segment("SVCSTG.CSE.4001000"), "SVCSTG.CSE.4001000");
        assert_eq!(segment("0042"), "0042");
    }

    #[test]
    fn unsafe_codes_are_encoded_and_cannot_escape() {
        assert_eq!(segment("../etc/passwd"), "~2E.~2Fetc~2Fpasswd");
        assert_eq!(segment(".."), "~2E.");
        assert_eq!(segment("a b~c"), "a~20b~7Ec");
        assert_eq!(segment("错"), "~E9~94~99");
        assert_eq!(segment("index"), "~69ndex");
        assert_eq!(segment("INDEX"), "~49NDEX");
        assert_eq!(segment("indexes"), "indexes");
    }

    #[test]
    fn roots_climb_to_the_site() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("en/index.html"), "../");
        assert_eq!(root_of("en/polaris/400001.html"), "../../");
    }

    #[test]
    fn section_pages_have_readable_names() {
        assert_eq!(
            category_page(Lang::Zh, Category::InvalidArgument),
            "zh/categories/invalid-argument.html"
        );
        assert_eq!(
            status_page(Lang::En, HttpStatus::new(404).unwrap()),
            "en/status/404.html"
        );
        assert_eq!(
            permalink(Lang::En, &Code::new("SVCSTG.CSE.4001000")),
            "en/codes/SVCSTG.CSE.4001000.html"
        );
    }
}
