//! `cargo fuzz run vendor_toml`: see `errdocs::ingest::fuzz::vendor_toml`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::vendor_toml(data));
