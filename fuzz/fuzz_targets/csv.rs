//! `cargo fuzz run csv`: see `errdocs::ingest::fuzz::csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::csv(data));
