//! Prose through every exporter; the checks are in `tests/fuzz_harness.rs`.
#![no_main]

include!("../../../tests/fuzz_harness.rs");

libfuzzer_sys::fuzz_target!(|prose: &str| prose_case(prose));
