//! Constant declarations `NAME = CODE` with their comments as descriptions.

use super::source::Parsed;

pub(crate) fn parse(_src: &str) -> Parsed {
    Parsed::default()
}
