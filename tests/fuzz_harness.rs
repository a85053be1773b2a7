// The checks behind the fuzz targets, shared by `crates/fuzz` (through `include!`) and the test
// suite, which runs the seed corpora and every crasher kept in `crates/fuzz/regressions/`.

/// The loader on any bytes: the embedded guide with one file replaced. The first byte chooses
/// the file; the rest is its text. Loading (with the review `mht-guide check` runs) answers
/// with a guide or with diagnostics, never a panic; a guide that loads exports to Markdown and
/// JSON, and every warning of its review points at a line of its file.
#[allow(dead_code)]
pub(crate) fn load_case(data: &[u8]) {
    use mht_guide::{EMBEDDED_FILES, RefDate, Review, Severity};
    use mht_guide_export::{Options, to_json, to_markdown};
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let which = usize::from(which) % EMBEDDED_FILES.len();
    let mut files: Vec<(&str, String)> = EMBEDDED_FILES
        .iter()
        .map(|(name, text)| (*name, (*text).to_owned()))
        .collect();
    files[which].1 = String::from_utf8_lossy(text).into_owned();
    let as_of = RefDate::from_unix_seconds(1_795_392_000);
    match Review::of_files("fuzz", files, as_of) {
        Ok(review) => {
            for w in review.warnings() {
                assert_eq!(w.severity(), Severity::Warning);
                assert!(w.line_text().is_some(), "a warning without its line: {w}");
            }
            let guide = review.guide();
            let options = Options::new();
            let _ = to_markdown(guide, &options);
            assert!(to_json(guide, &options).is_ok(), "JSON export of a loaded guide failed");
        }
        Err(err) => assert!(!err.diagnostics().is_empty(), "an error without diagnostics"),
    }
}

/// Prose through every exporter: the text becomes an FAQ answer of the small test guide. When
/// it loads, every format exports it; the PDF may only refuse characters its fonts lack.
#[allow(dead_code)]
pub(crate) fn prose_case(prose: &str) {
    use mht_guide::{RefDate, Review};
    use mht_guide_export::{ExportError, Options, to_epub, to_html, to_json, to_markdown, to_pdf};
    const MINIMAL: [(&str, &str); 11] = [
        ("guide.toml", include_str!("fixtures/minimal/guide.toml")),
        ("definition.toml", include_str!("fixtures/minimal/definition.toml")),
        ("responsibilities.toml", include_str!("fixtures/minimal/responsibilities.toml")),
        ("education.toml", include_str!("fixtures/minimal/education.toml")),
        ("work-settings.toml", include_str!("fixtures/minimal/work-settings.toml")),
        ("skills.toml", include_str!("fixtures/minimal/skills.toml")),
        ("career-path.toml", include_str!("fixtures/minimal/career-path.toml")),
        ("salary-outlook.toml", include_str!("fixtures/minimal/salary-outlook.toml")),
        ("challenges-rewards.toml", include_str!("fixtures/minimal/challenges-rewards.toml")),
        ("care-team.toml", include_str!("fixtures/minimal/care-team.toml")),
        ("sources.toml", include_str!("fixtures/minimal/sources.toml")),
    ];
    // The answer as a TOML basic string, escaped so that any text survives.
    let mut answer = String::from("\"");
    for c in prose.chars() {
        match c {
            '"' => answer.push_str("\\\""),
            '\\' => answer.push_str("\\\\"),
            c if c.is_control() => answer.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => answer.push(c),
        }
    }
    answer.push('"');
    let faq = format!(
        "summary = \"Questions.\"\n\n[[questions]]\nid = \"q\"\nquestion = \"Q?\"\nanswer = {answer}\n"
    );
    let files = MINIMAL
        .iter()
        .map(|(n, t)| (*n, (*t).to_owned()))
        .chain(std::iter::once(("faq.toml", faq)));
    let Ok(review) = Review::of_files("fuzz", files, RefDate::from_unix_seconds(1_795_392_000))
    else {
        return;
    };
    let guide = review.guide().clone();
    let options = Options::new();
    let _ = to_markdown(&guide, &options);
    assert!(to_json(&guide, &options).is_ok(), "JSON export failed");
    let _ = to_html(&guide, &options);
    assert!(to_epub(&guide, &options).is_ok(), "EPUB export failed");
    match to_pdf(&guide, &options) {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
        Err(ExportError::Undrawable { .. }) => {}
        Err(other) => panic!("PDF export failed: {other}"),
    }
}
