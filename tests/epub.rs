//! The EPUB export, checked by epubcheck and read back as a zip file.

use std::fs;
use std::io::{Cursor, Read};
use std::process::Command;

use mht_guide_export::{Options, Preset, to_epub};
use zip::ZipArchive;

use crate::util::{epubcheck_jar, run, tempdir, transcript};

fn epub(options: &Options) -> Vec<u8> {
    to_epub(mht_guide::guide(), options).unwrap()
}

fn entry(book: &[u8], name: &str) -> String {
    let mut zip = ZipArchive::new(Cursor::new(book)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn file_list() {
    let book = epub(&Options::new());
    let mut zip = ZipArchive::new(Cursor::new(&book)).unwrap();
    let list: Vec<String> = (0..zip.len())
        .map(|i| {
            let f = zip.by_index(i).unwrap();
            format!("{} ({:?})", f.name().unwrap_or_default(), f.compression())
        })
        .collect();
    insta::assert_snapshot!(list.join("\n"));
}

#[test]
fn mimetype_comes_first_and_stored() {
    let book = epub(&Options::new());
    assert_eq!(&book[0..4], b"PK\x03\x04");
    // Compression method 0 (stored), name "mimetype", no extra field, then the content.
    assert_eq!(u16::from_le_bytes([book[8], book[9]]), 0);
    assert_eq!(u16::from_le_bytes([book[28], book[29]]), 0);
    assert_eq!(&book[30..58], b"mimetypeapplication/epub+zip");
}

#[test]
fn package_document() {
    insta::assert_snapshot!(entry(&epub(&Options::new()), "EPUB/package.opf"));
}

#[test]
fn navigation_document() {
    insta::assert_snapshot!(entry(&epub(&Options::new()), "EPUB/nav.xhtml"));
}

#[test]
fn a_section_document() {
    insta::assert_snapshot!(entry(
        &epub(&Options::new()),
        "EPUB/07-salary-outlook.xhtml"
    ));
}

/// The education chapter: the licensing states' rule tables, each rule with its sources.
#[test]
fn the_licensing_rules_chapter() {
    insta::assert_snapshot!(entry(&epub(&Options::new()), "EPUB/03-education.xhtml"));
}

#[test]
fn the_modified_date_comes_from_the_timestamp() {
    let mut options = Options::new();
    assert!(
        entry(&epub(&options), "EPUB/package.opf")
            .contains("<meta property=\"dcterms:modified\">2026-12-07T00:00:00Z</meta>")
    );
    options.set_timestamp(1_700_000_000);
    assert!(
        entry(&epub(&options), "EPUB/package.opf")
            .contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>")
    );
}

#[test]
fn exports_are_byte_identical() {
    assert_eq!(epub(&Options::new()), epub(&Options::new()));
    let dir = tempdir();
    for name in ["a.epub", "b.epub"] {
        let output = run(dir.path(), &["export", "-f", "epub", "-o", name]);
        assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    }
    let a = fs::read(dir.path().join("a.epub")).unwrap();
    assert_eq!(a, fs::read(dir.path().join("b.epub")).unwrap());
    assert_eq!(a, epub(&Options::new()));
}

#[test]
#[cfg_attr(
    missing = "epubcheck",
    ignore = "needs epubcheck, which `bash .ci/test` installs"
)]
fn epubcheck_finds_nothing() {
    let Some(jar) = epubcheck_jar() else { return };
    let dir = tempdir();
    let mut branded = Options::new().with_preset(Preset::FactSheet);
    branded
        .set_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
        .set_qr(mht_guide::Url::parse("https://careers.example.edu/technicians").unwrap())
        .set_logo(crate::util::logo());
    for (name, options) in [
        ("full.epub", Options::new()),
        (
            "selection.epub",
            Options::new().with_sections("definition,faq".parse().unwrap()),
        ),
        ("sheet.epub", branded),
        ("faq.epub", Options::new().with_preset(Preset::Faq)),
    ] {
        epubcheck(&jar, dir.path(), name, &epub(&options));
    }
    // Every built-in translation, whole and as a fact sheet.
    for edition in mht_guide::BUILT_IN.iter().skip(1) {
        for (kind, options) in [
            ("full", Options::new()),
            ("sheet", Options::new().with_preset(Preset::FactSheet)),
        ] {
            let book = mht_guide_export::to_epub(edition.guide(), &options).unwrap();
            epubcheck(
                &jar,
                dir.path(),
                &format!("{}-{kind}.epub", edition.name),
                &book,
            );
        }
    }
}

/// Runs epubcheck on a book, with its usage messages (`-u`), and requires its summary to report
/// no messages at all.
pub(crate) fn epubcheck(jar: &std::path::Path, dir: &std::path::Path, name: &str, book: &[u8]) {
    let (clean, report) = epubcheck_report(jar, dir, name, book);
    assert!(clean, "{name}: {report}");
}

/// Whether epubcheck (with `-u`) reports no messages at all, and its report.
fn epubcheck_report(
    jar: &std::path::Path,
    dir: &std::path::Path,
    name: &str,
    book: &[u8],
) -> (bool, String) {
    let path = dir.join(name);
    fs::write(&path, book).unwrap();
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg("-u")
        .arg(&path)
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let clean = out.status.success()
        && report.contains("Messages: 0 fatals / 0 errors / 0 warnings / 0 infos / 0 usages");
    (clean, report)
}

#[test]
#[cfg_attr(
    missing = "epubcheck",
    ignore = "needs epubcheck, which `bash .ci/test` installs"
)]
fn epubcheck_usage_messages_are_seen() {
    let Some(jar) = epubcheck_jar() else { return };
    let dir = tempdir();
    // The deprecated `biblioentry` type, which the books no longer use, is a usage message.
    let book = crate::ace::with_entry(&epub(&Options::new()), "EPUB/11-sources.xhtml", |page| {
        page.replacen(
            "<li id=\"source-",
            "<li epub:type=\"biblioentry\" id=\"source-",
            1,
        )
    });
    let (clean, report) = epubcheck_report(&jar, dir.path(), "deprecated.epub", &book);
    assert!(!clean && report.contains("OPF-086"), "{report}");
}
