//! `cargo fuzz run constants`: see `errdocs::ingest::fuzz::constants`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::constants(data));
