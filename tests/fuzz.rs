//! The fuzz targets' checks on their seed corpora and on every crasher kept as a regression.

use std::fs;
use std::path::Path;

include!("fuzz_harness.rs");

/// Every file of the seed corpus and of the kept regressions of a target.
fn cases(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/fuzz");
    let mut out = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            out.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

/// Runs `check` on every case of a target, after making sure its seeds are there.
fn run_cases(target: &str, seeds: usize, check: impl Fn(&[u8])) {
    let cases = cases(target);
    assert!(cases.len() >= seeds, "the {target} seeds are missing");
    for (name, data) in cases {
        eprintln!("{name}");
        check(&data);
    }
}

#[test]
fn load_corpus_and_regressions() {
    run_cases("load", 12, load_case);
}

#[test]
fn prose_corpus_and_regressions() {
    run_cases("prose_export", 100, |data| {
        prose_case(&String::from_utf8_lossy(data));
    });
}

#[test]
fn figures_corpus_and_regressions() {
    run_cases("figures", 3, figures_case);
}
