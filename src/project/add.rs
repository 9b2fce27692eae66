//! `errdocs add FILE --vendor ID`: a vendor's file copied into the input
//! byte for byte, and listed in the vendor's `vendor.toml` (made when the
//! vendor is new). A file errdocs cannot read changes nothing.

use std::path::{Path, PathBuf};

use super::Outcome;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fs;
use crate::ingest::{self, Inspection, VENDOR_FILE};
use crate::model::{Lang, VendorId};

/// What `add` did.
#[derive(Debug)]
pub struct Added {
    /// What errdocs reads in the file, as `errdocs inspect` shows it.
    pub inspection: Inspection,
    /// The language the file was listed as: given, or told from its texts.
    pub lang: Lang,
    /// The copy in the vendor's folder.
    pub file: Outcome,
    pub vendor_toml: Listing,
}

/// What became of the vendor's `vendor.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    /// A new vendor: its `vendor.toml` was written, naming it by its id.
    Created(PathBuf),
    /// The file was added to its sources.
    Extended(PathBuf),
    /// It already listed the file.
    Listed(PathBuf),
}

/// Copies `file` into `input/<vendor>/` and lists it in the vendor's
/// `vendor.toml`, as a source in `lang` (told from its texts when `None`),
/// read in `format` and `encoding` when given. Nothing is written unless
/// the file holds a catalog errdocs reads.
pub fn add(
    input: &Path,
    file: &Path,
    vendor: &str,
    lang: Option<Lang>,
    format: Option<&str>,
    encoding: Option<&str>,
) -> Result<Added, Diagnostic> {
    let error = |path: &Path, message: String| Diagnostic::error(Kind::Config, path, None, message);
    let Some(id) = VendorId::new(vendor) else {
        return Err(error(
            file,
            format!(
                "vendor id `{vendor}` is not usable in URLs; use lowercase letters, digits \
                 and hyphens (`acme-cloud`)"
            ),
        ));
    };
    let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
        return Err(error(
            file,
            "the file has no name errdocs can list".to_owned(),
        ));
    };
    let mut inspection = ingest::inspect(file, lang.unwrap_or(Lang::En), format, encoding)?;
    let lang = match lang {
        Some(lang) => lang,
        None if mostly_chinese(&inspection) => {
            inspection = ingest::inspect(file, Lang::Zh, format, encoding)?;
            Lang::Zh
        }
        None => Lang::En,
    };
    if !inspection.found() {
        let tried: Vec<&str> = inspection.tried.iter().map(|(f, _)| *f).collect();
        return Err(Diagnostic::error(
            Kind::NoCodes,
            file,
            None,
            format!(
                "no error catalog found (tried {}); nothing was changed",
                tried.join(", ")
            ),
        ));
    }
    let dir = input.join(id.as_str());
    let target = dir.join(name);
    let bytes = fs::read(file).map_err(io)?;
    // Refuse before anything is written.
    let copied = match fs::metadata_if_any(&target).map_err(io)? {
        Some(_) if fs::read(&target).map_err(io)? == bytes => Outcome::Kept(target.clone()),
        Some(_) => {
            return Err(error(
                &target,
                "a different file of this name is already there; nothing was changed".to_owned(),
            ));
        }
        None => Outcome::Created(target.clone()),
    };
    let config_path = dir.join(VENDOR_FILE);
    let existing = match fs::metadata_if_any(&config_path).map_err(io)? {
        Some(_) => Some(fs::read_to_string(&config_path).map_err(io)?),
        None => None,
    };
    let source = source_block(name, lang, format, encoding);
    let listing = match &existing {
        Some(text) => {
            let table: toml::Table =
                toml::from_str(text).map_err(|err| Diagnostic::toml(&config_path, text, &err))?;
            if lists(&table, name) {
                Listing::Listed(config_path.clone())
            } else {
                Listing::Extended(config_path.clone())
            }
        }
        None => Listing::Created(config_path.clone()),
    };
    let new_config = match (&listing, existing) {
        (Listing::Extended(_), Some(mut text)) => {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.push('\n');
            text.push_str(&source);
            // An inline `sources = [...]` cannot take a `[[sources]]`.
            if let Err(err) = toml::from_str::<toml::Table>(&text) {
                return Err(error(
                    &config_path,
                    format!(
                        "cannot add a `[[sources]]` entry here ({}); add it by hand: \n{source}",
                        err.message()
                    ),
                ));
            }
            Some(text)
        }
        (Listing::Created(_), _) => Some(format!(
            "# The vendor's names as readers see them; errdocs add named it by its id.\n\
             name = {{ en = {id}, zh = {id} }}\n\n{source}",
            id = toml::Value::String(id.as_str().to_owned())
        )),
        _ => None,
    };
    fs::create_dir_all(&dir).map_err(io)?;
    if let Outcome::Created(path) = &copied {
        fs::write_new(path, &bytes).map_err(io)?;
    }
    if let Some(text) = new_config {
        fs::write(&config_path, text).map_err(io)?;
    }
    Ok(Added {
        inspection,
        lang,
        file: copied,
        vendor_toml: listing,
    })
}

/// A file that cannot be read or written, as a diagnostic naming it.
fn io(err: fs::FsError) -> Diagnostic {
    let cause = err.cause();
    Diagnostic::error(Kind::Io, err.path(), None, cause)
}

/// The `[[sources]]` entry for a file.
fn source_block(name: &str, lang: Lang, format: Option<&str>, encoding: Option<&str>) -> String {
    let quoted = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut block = format!("[[sources]]\nfile = {}\nlang = \"{lang}\"\n", quoted(name));
    if let Some(format) = format {
        block.push_str(&format!("format = {}\n", quoted(format)));
    }
    if let Some(encoding) = encoding {
        block.push_str(&format!("encoding = {}\n", quoted(encoding)));
    }
    block
}

/// Whether a `vendor.toml` already lists `name` among its sources.
fn lists(table: &toml::Table, name: &str) -> bool {
    table
        .get("sources")
        .and_then(toml::Value::as_array)
        .is_some_and(|sources| {
            sources
                .iter()
                .any(|s| s.get("file").and_then(toml::Value::as_str) == Some(name))
        })
}

/// Whether most of the texts read are written in Chinese.
fn mostly_chinese(inspection: &Inspection) -> bool {
    let texts: Vec<&str> = inspection
        .records
        .iter()
        .flat_map(|r| r.messages.iter().map(|m| m.text.as_str()))
        .collect();
    let han = texts.iter().filter(|t| Lang::detect(t) == Lang::Zh).count();
    han * 2 > texts.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn a_new_vendor_gets_a_vendor_toml_and_an_old_one_a_source() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("input");
        let file = dir.path().join("errors.md");
        write(
            &file,
            "| 错误码 | 错误信息 |\n|---|---|\n| 1001 | 参数错误 |\n| 1002 | 配额不足 |\n",
        );
        let added = add(&input, &file, "acme", None, None, None).unwrap();
        assert_eq!(added.lang, Lang::Zh);
        assert_eq!(added.inspection.records.len(), 2);
        let config = std::fs::read_to_string(input.join("acme/vendor.toml")).unwrap();
        assert!(
            config.contains("name = { en = \"acme\", zh = \"acme\" }"),
            "{config}"
        );
        assert!(
            config.ends_with("[[sources]]\nfile = \"errors.md\"\nlang = \"zh\"\n"),
            "{config}"
        );
        assert_eq!(
            std::fs::read(input.join("acme/errors.md")).unwrap(),
            std::fs::read(&file).unwrap()
        );

        // Again: nothing changes.
        let again = add(&input, &file, "acme", None, None, None).unwrap();
        assert!(matches!(again.vendor_toml, Listing::Listed(_)));
        assert!(matches!(again.file, Outcome::Kept(_)));

        let other = dir.path().join("more.md");
        write(
            &other,
            "| Code | Message |\n|---|---|\n| 2001 | Bad request |\n",
        );
        let added = add(&input, &other, "acme", Some(Lang::En), None, None).unwrap();
        assert!(matches!(added.vendor_toml, Listing::Extended(_)));
        let config = std::fs::read_to_string(input.join("acme/vendor.toml")).unwrap();
        assert_eq!(config.matches("[[sources]]").count(), 2, "{config}");
        assert!(toml::from_str::<toml::Table>(&config).is_ok());
    }

    #[test]
    fn a_file_without_a_catalog_or_a_clash_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("input");
        let file = dir.path().join("notes.md");
        write(&file, "# Notes\n\nNothing here but prose.\n");
        let err = add(&input, &file, "acme", None, None, None).unwrap_err();
        assert!(err.to_string().contains("nothing was changed"), "{err}");
        assert!(!input.exists());

        let err = add(&input, &file, "Acme Cloud", None, None, None).unwrap_err();
        assert!(err.to_string().contains("vendor id `Acme Cloud`"), "{err}");

        let file = dir.path().join("errors.md");
        write(&file, "| Code | Message |\n|---|---|\n| 1 | Bad |\n");
        write(&input.join("acme/errors.md"), "other\n");
        let err = add(&input, &file, "acme", None, None, None).unwrap_err();
        assert!(err.to_string().contains("already there"), "{err}");
        assert!(!input.join("acme/vendor.toml").exists());
    }
}
