//! `cargo fuzz run yaml`: see `errdocs::ingest::fuzz::yaml`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::yaml(data));
