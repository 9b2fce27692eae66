//! Render: write the static site for a [`Catalog`] with the Tera templates.

mod api;
mod output;
mod pages;
mod paths;
mod theme;

use std::path::Path;

use serde::Serialize;

use self::output::Staging;
use self::theme::Theme;
use crate::fs::FsError;
use crate::model::{Catalog, Lang};

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template error")]
    Template(#[from] tera::Error),
    #[error("UI strings in `templates/strings.toml`: {0}")]
    Strings(String),
    #[error(transparent)]
    Fs(#[from] FsError),
    #[error("cannot serialise `api/codes.json`")]
    Json(#[from] serde_json::Error),
    #[error("refusing to write `{0}`: not a plain path inside the output directory")]
    UnsafePath(String),
}

/// What a render wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderSummary {
    /// HTML pages.
    pub pages: usize,
    /// Every file, pages included.
    pub files: usize,
}

/// Writes the whole site for `catalog` into `output`, replacing what was
/// there only once every file has been written.
pub fn render(catalog: &Catalog, output: &Path) -> Result<RenderSummary, RenderError> {
    let theme = Theme::load()?;
    let mut site = Site {
        theme: &theme,
        staging: Staging::new(output)?,
        buffer: Vec::new(),
        pages: 0,
        files: 0,
    };

    site.page(
        "index.html",
        "landing.html",
        &pages::landing(catalog, &theme.strings),
    )?;
    for lang in Lang::ALL {
        site.page(
            &paths::home_page(lang),
            "home.html",
            &pages::home(catalog, lang, &theme.strings),
        )?;
        for vendor in &catalog.vendors {
            let page = pages::vendor(vendor, lang, &theme.strings);
            site.page(&paths::vendor_page(lang, &vendor.id), "vendor.html", &page)?;
            for (index, record) in vendor.records.iter().enumerate() {
                let page = pages::code(vendor, index, lang, &theme.strings);
                site.page(
                    &paths::code_page(lang, &vendor.id, &record.code),
                    "code.html",
                    &page,
                )?;
            }
        }
    }
    site.file("style.css", theme::STYLESHEET.as_bytes())?;
    site.file("api/codes.json", &api::codes_json(catalog)?)?;

    let summary = RenderSummary {
        pages: site.pages,
        files: site.files,
    };
    site.staging.commit()?;
    Ok(summary)
}

struct Site<'a> {
    theme: &'a Theme,
    staging: Staging,
    buffer: Vec<u8>,
    pages: usize,
    files: usize,
}

impl Site<'_> {
    fn page(
        &mut self,
        path: &str,
        template: &str,
        view: &impl Serialize,
    ) -> Result<(), RenderError> {
        let context = tera::Context::from_serialize(view)?;
        self.buffer.clear();
        self.theme
            .tera
            .render_to(template, &context, &mut self.buffer)?;
        self.staging.write(path, &self.buffer)?;
        self.pages += 1;
        self.files += 1;
        Ok(())
    }

    fn file(&mut self, path: &str, bytes: &[u8]) -> Result<(), RenderError> {
        self.staging.write(path, bytes)?;
        self.files += 1;
        Ok(())
    }
}
