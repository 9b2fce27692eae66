//! Lists of `CODE message` lines.

use super::source::Parsed;

pub(crate) fn parse(_src: &str) -> Parsed {
    Parsed::default()
}
