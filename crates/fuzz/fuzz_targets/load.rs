//! The loader on any text; the checks are in `tests/fuzz_harness.rs`.
#![no_main]

include!("../../../tests/fuzz_harness.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| load_case(data));
