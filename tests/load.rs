//! Loading content: the embedded guide, edited copies, and broken content.

use std::fs;

use mht_guide::Guide;

use crate::util::{broken_guide, embedded_copy, fixtures, run, tempdir, transcript};

#[test]
fn the_embedded_guide_and_a_copy_of_it_are_equal() {
    let dir = tempdir();
    let copy = Guide::from_dir(embedded_copy(dir.path())).unwrap();
    assert_eq!(&copy, mht_guide::guide());
}

#[test]
fn the_minimal_fixture_is_valid() {
    Guide::from_dir(fixtures().join("minimal")).unwrap();
}

/// Each broken case: `mht-guide check` exits 1 and reports every problem with its place.
#[test]
fn broken_content_is_reported_in_full() {
    insta::glob!("fixtures/broken/*", |case| {
        let dir = tempdir();
        broken_guide(case, dir.path());
        let output = run(dir.path(), &["check", "--content", "guide"]);
        assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
        assert!(output.stdout.is_empty());
        insta::assert_snapshot!(transcript(&output));
    });
}

#[test]
fn every_problem_in_a_broken_case_has_a_place() {
    let dir = tempdir();
    let guide = broken_guide(&fixtures().join("broken/values-and-ids"), dir.path());
    let err = Guide::from_dir(&guide).unwrap_err();
    // Problems in three files, all reported in one run.
    let mut files: Vec<_> = err
        .diagnostics()
        .iter()
        .map(|d| d.path().to_owned())
        .collect();
    files.dedup();
    assert_eq!(files.len(), 4, "{err}");
    for d in err.diagnostics() {
        let pos = d.position().unwrap_or_else(|| panic!("no position: {d}"));
        assert!(pos.line >= 1 && pos.column >= 1);
        assert!(d.line_text().is_some(), "{d}");
    }
}

#[test]
fn invalid_utf8_is_located() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let mut bytes = b"summary = \"ok\"\nbody = \"caf".to_vec();
    bytes.extend([0xE9, b'"', b'\n']);
    fs::write(guide.join("definition.toml"), bytes).unwrap();
    let err = Guide::from_dir(&guide).unwrap_err();
    let d = &err.diagnostics()[0];
    assert!(d.path().ends_with("definition.toml"));
    assert_eq!(d.position().map(|p| (p.line, p.column)), Some((2, 12)));
    assert!(d.message().contains("not valid UTF-8"), "{d}");
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    for (name, text) in mht_guide::EMBEDDED_FILES {
        let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        fs::write(guide.join(name), crlf).unwrap();
    }
    let loaded = Guide::from_dir(&guide).unwrap();
    assert_eq!(loaded.meta, mht_guide::guide().meta);
    assert_eq!(
        loaded.faq.questions.len(),
        mht_guide::guide().faq.questions.len()
    );
}

#[test]
fn a_folder_in_place_of_a_file_is_reported() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    fs::remove_file(guide.join("skills.toml")).unwrap();
    fs::create_dir(guide.join("skills.toml")).unwrap();
    let err = Guide::from_dir(&guide).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("skills.toml: error: cannot read this file: it is a folder, not a file"),
        "{text}"
    );
}

#[test]
fn a_missing_folder_is_reported() {
    let dir = tempdir();
    let output = run(dir.path(), &["check", "--content", "no-such-folder"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(transcript(&output));
}

/// A file that cannot be read (here a symlink loop, since the tests may run as root, whom file
/// permissions do not stop) is reported with the reason, alongside every other problem.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_with_the_reason() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    fs::remove_file(guide.join("skills.toml")).unwrap();
    std::os::unix::fs::symlink("skills.toml", guide.join("skills.toml")).unwrap();
    fs::write(guide.join("extra.toml"), "x = 1").unwrap();
    let err = Guide::from_dir(&guide).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("skills.toml: error: cannot read this file:"),
        "{text}"
    );
    assert!(
        text.contains("extra.toml: error: this file is not part of a guide"),
        "{text}"
    );
}
