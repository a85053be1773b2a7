//! Properties of every guide a generator builds: it loads, it exports to every format, its
//! Markdown survives a round trip through comrak, and two exports are byte-identical.

use mht_guide::{EMBEDDED_FILES, Guide};
use mht_guide_export::{Options, markdown_options, to_epub, to_html, to_json, to_markdown, to_pdf};
use proptest::prelude::*;

/// A word: letters, with a few accented ones the standard PDF fonts can draw.
fn word() -> impl Strategy<Value = String> {
    "[a-zA-Zéñü]{1,12}"
}

/// A run of words with punctuation.
fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            word(),
            prop::sample::select(vec!["", ",", ".", ";", ":", "?"]),
        ),
        1..max,
    )
    .prop_map(|ws| {
        ws.into_iter()
            .map(|(w, p)| format!("{w}{p}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// One inline piece of prose, with the markup the guide allows.
fn inline() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => words(8),
        1 => words(4).prop_map(|w| format!("*{w}*")),
        1 => words(4).prop_map(|w| format!("**{w}**")),
        1 => word().prop_map(|w| format!("`{w}`")),
        1 => (words(3), word()).prop_map(|(t, p)| format!("[{t}](https://example.org/{p})")),
        1 => Just("[@bls-ooh]".to_owned()),
        1 => Just("[@aapt; @onet-aides]".to_owned()),
    ]
}

fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(inline(), 1..6).prop_map(|parts| parts.join(" "))
}

/// Prose: paragraphs, and sometimes a bullet or numbered list, possibly nested.
fn prose() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        3 => paragraph(),
        1 => proptest::collection::vec(paragraph(), 1..4)
            .prop_map(|items| items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")),
        1 => proptest::collection::vec(paragraph(), 1..4).prop_map(|items| {
            items.iter().enumerate().map(|(n, i)| format!("{}. {i}", n + 1)).collect::<Vec<_>>().join("\n")
        }),
        1 => (paragraph(), paragraph()).prop_map(|(a, b)| format!("- {a}\n  - {b}")),
    ];
    proptest::collection::vec(block, 1..4).prop_map(|blocks| blocks.join("\n\n"))
}

/// A TOML literal string: it holds the prose as written.
fn literal(s: &str) -> String {
    format!("'''\n{s}\n'''")
}

/// The embedded guide with a generated FAQ.
fn generated_guide(questions: &[(String, String)]) -> Guide {
    let mut faq = String::from("summary = \"Generated questions.\"\n");
    for (i, (q, a)) in questions.iter().enumerate() {
        faq.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\nquestion = \"{}?\"\nanswer = {}\n",
            q.replace(['"', '\\'], ""),
            literal(a)
        ));
    }
    let files = EMBEDDED_FILES.map(|(name, text)| {
        (
            name,
            if name == "faq.toml" {
                faq.clone()
            } else {
                text.to_owned()
            },
        )
    });
    Guide::from_files("generated", files).unwrap_or_else(|e| panic!("{e}\n{faq}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_generated_guide_exports_everywhere(
        questions in proptest::collection::vec((words(10), prose()), 1..5)
    ) {
        let guide = generated_guide(&questions);
        let options = Options::new();

        let md = to_markdown(&guide, &options);
        prop_assert_eq!(&comrak::markdown_to_commonmark(&md, &markdown_options()), &md);
        prop_assert_eq!(&to_markdown(&guide, &options), &md);

        let json = to_json(&guide, &options).unwrap();
        prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        prop_assert_eq!(to_json(&guide, &options).unwrap(), json);

        let html = to_html(&guide, &options);
        prop_assert_eq!(to_html(&guide, &options), html);

        let epub = to_epub(&guide, &options).unwrap();
        prop_assert_eq!(to_epub(&guide, &options).unwrap(), epub);

        let faq_only = Options::new().with_sections("faq".parse().unwrap());
        let pdf = to_pdf(&guide, &faq_only).unwrap();
        prop_assert!(pdf.starts_with(b"%PDF-"));
        prop_assert_eq!(to_pdf(&guide, &faq_only).unwrap(), pdf);
    }
}
