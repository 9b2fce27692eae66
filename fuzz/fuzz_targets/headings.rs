//! `cargo fuzz run headings`: see `errdocs::ingest::fuzz::headings`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::headings(data));
