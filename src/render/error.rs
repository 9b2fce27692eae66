//! Why a site could not be rendered.

use crate::fs::FsError;
use crate::output::OutputError;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template error while rendering `{page}`")]
    Template {
        page: String,
        #[source]
        source: tera::Error,
    },
    #[error("template error")]
    Templates(#[from] tera::Error),
    #[error("UI strings: {0}")]
    Strings(String),
    #[error(transparent)]
    Fs(#[from] FsError),
    #[error("cannot serialise `{page}`")]
    Json {
        page: String,
        #[source]
        source: serde_json::Error,
    },
    /// The output directory refused a file or the swap.
    #[error(transparent)]
    Output(#[from] OutputError),
}
