//! `cargo fuzz run json`: see `errdocs::ingest::fuzz::json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::json(data));
