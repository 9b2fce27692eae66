//! Catalogs published as tables: Markdown pipe tables (`markdown.rs`) and
//! HTML tables (`html.rs`), each read into grids of cells that `grid.rs`
//! turns into rows through the one header vocabulary; `body.rs` finds the
//! codes in response-body examples written in a cell.

mod body;
pub(crate) mod grid;
pub(crate) mod html;
pub(crate) mod markdown;
