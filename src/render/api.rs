//! `api/codes.json`: the whole model for machines.

use serde::Serialize;

use super::paths;
use crate::model::{Bilingual, Catalog, Lang, Message, SourceRef};

#[derive(Serialize)]
struct Api<'a> {
    vendors: Vec<ApiVendor<'a>>,
    codes: Vec<ApiCode<'a>>,
}

#[derive(Serialize)]
struct ApiVendor<'a> {
    id: &'a str,
    name: &'a Bilingual<String>,
    count: usize,
}

#[derive(Serialize)]
struct ApiCode<'a> {
    vendor: &'a str,
    code: &'a str,
    name: Option<&'a str>,
    http_status: Option<u16>,
    /// The vendor's first text in each language.
    message: Bilingual<Option<&'a str>>,
    /// Every text, when the vendor gave more than one in a language.
    messages: &'a [Message],
    /// Whether two sources give different texts in one language.
    sources_disagree: bool,
    sources: &'a [SourceRef],
    url: Bilingual<String>,
}

pub(crate) fn write_codes_json(
    catalog: &Catalog,
    out: &mut Vec<u8>,
) -> Result<(), serde_json::Error> {
    let vendors = catalog
        .vendors
        .iter()
        .map(|v| ApiVendor {
            id: v.id.as_str(),
            name: &v.name,
            count: v.records.len(),
        })
        .collect();
    let codes = catalog
        .vendors
        .iter()
        .flat_map(|vendor| {
            vendor.records.iter().map(move |record| ApiCode {
                vendor: vendor.id.as_str(),
                code: record.code.as_str(),
                name: record.name.as_deref(),
                http_status: record.http_status.map(|s| s.get()),
                message: Bilingual {
                    en: record.message(Lang::En),
                    zh: record.message(Lang::Zh),
                },
                messages: &record.messages,
                sources_disagree: record.sources_disagree(),
                sources: &record.sources,
                url: Bilingual {
                    en: paths::code_page(Lang::En, &vendor.id, &record.code),
                    zh: paths::code_page(Lang::Zh, &vendor.id, &record.code),
                },
            })
        })
        .collect();
    serde_json::to_writer(out, &Api { vendors, codes })
}
