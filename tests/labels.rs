//! The words the exporters add come from the edition's labels: built in for English and
//! Spanish, and set or overridden in an edition's `[labels]`, checked on load like any field.

use mht_guide::Guide;
use mht_guide_export::{Options, to_markdown};

/// The embedded guide's files, with `[labels]` appended to its guide.toml.
fn with_labels(labels: &str) -> Vec<(&'static str, String)> {
    mht_guide::EMBEDDED_FILES
        .iter()
        .map(|&(name, text)| {
            let mut text = text.to_owned();
            if name == mht_guide::GUIDE_FILE {
                text.push_str("\n[labels]\n");
                text.push_str(labels);
            }
            (name, text)
        })
        .collect()
}

fn problems(labels: &str) -> Vec<String> {
    let err = Guide::from_files("ours", with_labels(labels)).unwrap_err();
    err.diagnostics().iter().map(ToString::to_string).collect()
}

#[test]
fn an_edition_overrides_a_label_and_every_format_prints_it() {
    let guide = Guide::from_files(
        "ours",
        with_labels("contents = \"In this guide\"\npage_of = \"{page} / {total}\"\n"),
    )
    .unwrap();
    assert_eq!(guide.labels.contents.as_str(), "In this guide");
    // The others still come from the built-in set of the edition's language.
    assert_eq!(
        guide.labels.section_faq.as_str(),
        "Frequently asked questions"
    );
    let md = to_markdown(&guide, &Options::new());
    assert!(md.contains("\n## In this guide\n"), "{md}");
    assert!(!md.contains("\n## Contents\n"));
}

#[test]
fn a_label_with_a_wrong_placeholder_is_an_error_at_its_place() {
    let found = problems("page_of = \"Page {page}\"\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("ours/guide.toml:14:11: error: this label must show `{total}`"),
        "{found:?}"
    );
    let found = problems("page = \"Page {number}\"\n");
    assert!(
        found[0].contains("`{number}` is not a placeholder this label has; it takes `{page}`"),
        "{found:?}"
    );
    let found = problems("contents = \"Contents {\"\n");
    assert!(found[0].contains("a `{` is never closed"), "{found:?}");
    let found = problems("months = \"Jan, Feb\"\n");
    assert!(found[0].contains("twelve month names"), "{found:?}");
}

#[test]
fn an_unknown_label_is_named() {
    let found = problems("contnets = \"In this guide\"\n");
    assert!(
        found[0].starts_with(
            "ours/guide.toml:14:1: error: unknown field `contnets`; did you mean `contents`?"
        ),
        "{found:?}"
    );
}

#[test]
fn a_language_with_no_built_in_set_must_give_every_label() {
    let files: Vec<(&str, String)> = with_labels("contents = \"Mục lục\"\n")
        .into_iter()
        .map(|(name, text)| {
            (
                name,
                text.replace("language = \"en-US\"", "language = \"vi\""),
            )
        })
        .collect();
    let err = Guide::from_files("ours", files).unwrap_err();
    let found: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let missing = mht_guide::Labels::NAMES.len() - 1;
    assert!(
        found[0].starts_with(&format!(
            "ours/guide.toml:13:1: error: {missing} labels are missing: `section_definition`"
        )),
        "{found:?}"
    );
    assert!(
        found[0].contains("no label set is built in for `vi`"),
        "{found:?}"
    );
}

#[test]
fn the_built_in_sets_give_every_label() {
    for (tag, path, _) in mht_guide::labels::BUILT_IN {
        let files: Vec<(&str, String)> = mht_guide::EMBEDDED_FILES
            .iter()
            .map(|&(name, text)| {
                let text = text.replace("language = \"en-US\"", &format!("language = \"{tag}\""));
                (name, text)
            })
            .collect();
        if let Err(err) = Guide::from_files("ours", files) {
            panic!("{path}: {err}");
        }
    }
}
