//! Figures of any size through the charts and the PDF; the checks are in
//! `tests/fuzz_harness.rs`.
#![no_main]

include!("../../../tests/fuzz_harness.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| figures_case(data));
