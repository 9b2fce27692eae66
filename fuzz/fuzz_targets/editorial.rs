//! `cargo fuzz run editorial`: see `errdocs::ingest::fuzz::editorial`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::editorial(data));
