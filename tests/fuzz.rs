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

#[test]
fn load_corpus_and_regressions() {
    let cases = cases("load");
    assert!(cases.len() >= 12, "the load seeds are missing");
    for (name, data) in cases {
        eprintln!("{name}");
        load_case(&data);
    }
}

#[test]
fn prose_corpus_and_regressions() {
    let cases = cases("prose_export");
    assert!(cases.len() >= 100, "the prose seeds are missing");
    for (name, data) in cases {
        eprintln!("{name}");
        prose_case(&String::from_utf8_lossy(&data));
    }
}

#[test]
fn figures_corpus_and_regressions() {
    let cases = cases("figures");
    assert!(cases.len() >= 3, "the figures seeds are missing");
    for (name, data) in cases {
        eprintln!("{name}");
        figures_case(&data);
    }
}
