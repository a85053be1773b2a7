//! Prose through every exporter: the input becomes an FAQ answer of a small guide. When the
//! loader accepts it, every format must export it; the PDF may only refuse characters its fonts
//! cannot draw.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mht_guide::Guide;
use mht_guide_export::{ExportError, Options, to_epub, to_html, to_json, to_markdown, to_pdf};

/// The small valid guide of the test suite.
const MINIMAL: [(&str, &str); 11] = [
    ("guide.toml", include_str!("../../../tests/fixtures/minimal/guide.toml")),
    ("definition.toml", include_str!("../../../tests/fixtures/minimal/definition.toml")),
    ("responsibilities.toml", include_str!("../../../tests/fixtures/minimal/responsibilities.toml")),
    ("education.toml", include_str!("../../../tests/fixtures/minimal/education.toml")),
    ("work-settings.toml", include_str!("../../../tests/fixtures/minimal/work-settings.toml")),
    ("skills.toml", include_str!("../../../tests/fixtures/minimal/skills.toml")),
    ("career-path.toml", include_str!("../../../tests/fixtures/minimal/career-path.toml")),
    ("salary-outlook.toml", include_str!("../../../tests/fixtures/minimal/salary-outlook.toml")),
    ("challenges-rewards.toml", include_str!("../../../tests/fixtures/minimal/challenges-rewards.toml")),
    ("care-team.toml", include_str!("../../../tests/fixtures/minimal/care-team.toml")),
    ("sources.toml", include_str!("../../../tests/fixtures/minimal/sources.toml")),
];

/// A string as a TOML basic string, escaped so that any text survives.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fuzz_target!(|prose: &str| {
    let faq = format!(
        "summary = \"Questions.\"\n\n[[questions]]\nid = \"q\"\nquestion = \"Q?\"\nanswer = {}\n",
        toml_string(prose)
    );
    let files = MINIMAL
        .iter()
        .map(|(n, t)| (*n, (*t).to_owned()))
        .chain(std::iter::once(("faq.toml", faq)));
    let Ok(guide) = Guide::from_files("fuzz", files) else {
        return;
    };
    let options = Options::new();
    let _ = to_markdown(&guide, &options);
    to_json(&guide, &options).expect("JSON");
    let _ = to_html(&guide, &options);
    to_epub(&guide, &options).expect("EPUB");
    match to_pdf(&guide, &options) {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
        Err(ExportError::Undrawable { .. }) => {}
        Err(other) => panic!("PDF export failed: {other}"),
    }
});
