//! `cargo fuzz run detect`: see `errdocs::ingest::fuzz::detect`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::detect(data));
