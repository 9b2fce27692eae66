//! `cargo fuzz run markdown_table`: see `errdocs::ingest::fuzz::markdown_table`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::markdown_table(data));
