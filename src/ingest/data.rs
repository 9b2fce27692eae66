//! Catalogs published as data files: JSON (`json.rs`), YAML (`yaml.rs`)
//! and CSV or TSV (`csv.rs`). Each is turned into the same grids as a table — a header of
//! field names and a row per code — so the one header vocabulary decides
//! which field is the code, the message or the solution, whatever the
//! format.

pub(crate) mod csv;
pub(crate) mod json;
pub(crate) mod yaml;
