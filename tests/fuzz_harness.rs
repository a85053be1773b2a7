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

/// The small test guide's files, but for its FAQ.
#[allow(dead_code)]
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

/// Prose through every exporter: the text becomes an FAQ answer of the small test guide. When
/// it loads, every format exports it; the PDF may only refuse characters its fonts lack.
#[allow(dead_code)]
pub(crate) fn prose_case(prose: &str) {
    use mht_guide::{RefDate, Review};
    use mht_guide_export::{ExportError, Options, to_epub, to_html, to_json, to_markdown, to_pdf};
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

/// Figures of any size through the charts, tables and PDF: the small test guide, with each
/// pay amount and each outlook figure taken from the bytes (zero and the largest included,
/// as a program that builds a guide in code may set them). Every format exports, and no
/// number that is not one (NaN, infinity) reaches the PDF or the web page's charts.
#[allow(dead_code)]
pub(crate) fn figures_case(data: &[u8]) {
    use mht_guide::{Guide, Money};
    use mht_guide_export::{ExportError, Options, to_html, to_pdf};
    const FAQ: &str =
        "summary = \"Questions.\"\n\n[[questions]]\nid = \"q\"\nquestion = \"Q?\"\nanswer = \"A.\"\n";
    let files = MINIMAL
        .iter()
        .map(|(n, t)| (*n, (*t).to_owned()))
        .chain(std::iter::once(("faq.toml", FAQ.to_owned())));
    let mut guide = Guide::from_files("fuzz", files).expect("the small test guide loads");
    let mut bytes = data.iter().copied().chain(std::iter::repeat(0));
    let mut take = |n: usize| (0..n).fold(0u64, |acc, _| acc << 8 | u64::from(bytes.next().unwrap_or(0)));
    for pay in &mut guide.salary_outlook.pay {
        // Up to 2^48 cents: far beyond any pay, within what Money holds.
        pay.amount = Money::new(take(6), pay.amount.currency());
    }
    for outlook in &mut guide.salary_outlook.outlook {
        outlook.growth_percent = take(2) as u16 as i16;
        let jobs = |n: u64| (!n.is_multiple_of(3)).then_some((n >> 2) as u32);
        outlook.base_jobs = jobs(take(4));
        outlook.target_jobs = jobs(take(4));
        outlook.openings_per_year = jobs(take(4));
        outlook.change = jobs(take(4)).map(|j| j as i32);
    }
    let options = Options::new();
    let html = to_html(&guide, &options);
    for bad in ["NaN", "=\"inf", "=\"-inf", " inf ", " -inf "] {
        assert!(!html.contains(bad), "the web page holds `{bad}`");
    }
    match to_pdf(&guide, &options) {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
        Err(ExportError::Undrawable { .. }) => {}
        Err(other) => panic!("PDF export failed: {other}"),
    }
}
