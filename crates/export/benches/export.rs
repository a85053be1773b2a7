//! Benchmarks: loading the embedded guide, composing it, every exporter, and a guide a hundred
//! times the size. Run with `cargo bench -p mht-guide-export`.

#![allow(missing_docs, unreachable_pub, clippy::unwrap_used)]

use std::sync::OnceLock;

use divan::{Bencher, black_box};
use mht_guide::Guide;
use mht_guide_export::{Document, Format, Options, Selection, export};

include!("../../../tests/scaled.rs");

fn main() {
    divan::main();
}

fn guide() -> &'static Guide {
    mht_guide::guide()
}

fn large() -> &'static Guide {
    static LARGE: OnceLock<Guide> = OnceLock::new();
    LARGE.get_or_init(|| Guide::from_files("scaled", scaled_files(100)).unwrap())
}

const FORMATS: [&str; 5] = ["md", "json", "html", "epub", "pdf"];

/// Parsing and checking every content file of the embedded guide.
#[divan::bench]
fn load_embedded() -> Guide {
    mht_guide::BUILT_IN[0].load().unwrap().guide
}

/// Composing the whole guide into the render-neutral document.
#[divan::bench]
fn compose(bencher: Bencher<'_, '_>) {
    let guide = guide();
    bencher.bench(|| {
        Document::compose(black_box(guide), &Selection::all())
            .sections
            .len()
    });
}

/// Each exporter on the whole guide, the guide already loaded.
#[divan::bench(args = FORMATS)]
fn export_full(bencher: Bencher<'_, '_>, format: &str) {
    let guide = guide();
    let format: Format = format.parse().unwrap();
    let options = Options::new();
    bencher.bench(|| export(black_box(guide), format, &options).unwrap().len());
}

/// Loading a guide a hundred times the size (about 450,000 words).
#[divan::bench(sample_count = 5)]
fn load_100x(bencher: Bencher<'_, '_>) {
    let files = scaled_files(100);
    bencher.bench(|| Guide::from_files("scaled", files.clone()).unwrap());
}

/// Each exporter on the guide a hundred times the size.
#[divan::bench(args = FORMATS, sample_count = 3)]
fn export_100x(bencher: Bencher<'_, '_>, format: &str) {
    let guide = large();
    let format: Format = format.parse().unwrap();
    let options = Options::new();
    bencher.bench(|| export(black_box(guide), format, &options).unwrap().len());
}
