//! `cargo fuzz run html_table`: see `errdocs::ingest::fuzz::html_table`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::html_table(data));
