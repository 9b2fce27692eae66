//! `cargo fuzz run code_list`: see `errdocs::ingest::fuzz::code_list`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errdocs::ingest::fuzz::code_list(data));
