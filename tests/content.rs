//! The embedded guide's content: prose that states figures agrees with the typed figures and
//! cites its source, and every listed source is cited.

use mht_guide::{Block, Guide, Inline, Prose, SectionId, StateTopic};
use mht_guide_export::{Document, Selection};

/// Every paragraph of every prose field of a guide, as plain text, with whether it cites a
/// source.
fn paragraphs(guide: &Guide) -> Vec<(String, bool)> {
    fn collect(blocks: &[Block], out: &mut Vec<(String, bool)>) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => {
                    let mut text = String::new();
                    let mut cites = false;
                    flatten(inlines, &mut text, &mut cites);
                    out.push((text, cites));
                }
                Block::List(list) => list.items.iter().for_each(|item| collect(item, out)),
                _ => {}
            }
        }
    }
    fn flatten(inlines: &[Inline], text: &mut String, cites: &mut bool) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => text.push_str(t),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    flatten(c, text, cites)
                }
                Inline::Citation(_) => *cites = true,
                _ => text.push(' '),
            }
        }
    }
    // Prose fields serialize as their CommonMark source; every string of the serialized guide
    // that parses as prose is looked at (plain texts are prose without markup, too).
    let json = serde_json::to_value(guide).unwrap();
    let mut out = Vec::new();
    let mut stack = vec![&json];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(map) => stack.extend(map.values()),
            serde_json::Value::Array(list) => stack.extend(list),
            serde_json::Value::String(s) => {
                if let Ok(p) = Prose::parse(s) {
                    collect(p.blocks(), &mut out);
                }
            }
            _ => {}
        }
    }
    out
}

/// Dollar amounts of $1,000 or more written in a text, in cents. Smaller amounts are fees and
/// the like, not pay.
fn pay_like_amounts(text: &str) -> Vec<u64> {
    text.match_indices('$')
        .filter_map(|(i, _)| {
            let number: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .collect();
            let number = number.trim_end_matches(['.', ',']).replace(',', "");
            let (whole, cents) = number.split_once('.').unwrap_or((&number, "0"));
            let cents = format!("{cents:0<2}");
            Some(whole.parse::<u64>().ok()? * 100 + cents[..2].parse::<u64>().ok()?)
        })
        .filter(|&cents| cents >= 100_000)
        .collect()
}

#[test]
fn pay_amounts_in_prose_are_typed_figures() {
    let guide = mht_guide::guide();
    let typed: Vec<u64> = guide
        .salary_outlook
        .pay
        .iter()
        .map(|p| p.amount.cents())
        .collect();
    let problems: Vec<String> = paragraphs(guide)
        .into_iter()
        .flat_map(|(text, _)| {
            pay_like_amounts(&text)
                .into_iter()
                .filter(|cents| !typed.contains(cents))
                .map(move |cents| format!("${}: {text}", cents as f64 / 100.0))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "not a typed pay figure:\n{}",
        problems.join("\n")
    );
}

#[test]
fn prose_that_states_a_figure_cites_a_source() {
    let uncited: Vec<String> = paragraphs(mht_guide::guide())
        .into_iter()
        .filter(|(text, cites)| !cites && (text.contains('$') || text.contains('%')))
        .map(|(text, _)| text)
        .collect();
    assert!(
        uncited.is_empty(),
        "figures without a source:\n{}",
        uncited.join("\n")
    );
}

#[test]
fn every_listed_source_is_cited() {
    let guide = mht_guide::guide();
    // Without the sources section, the references are exactly the cited sources.
    let all_but_sources = Selection::only(
        SectionId::ALL
            .into_iter()
            .filter(|&id| id != SectionId::Sources),
    );
    let cited = Document::compose(guide, &all_but_sources).references;
    let uncited: Vec<&str> = guide
        .sources
        .sources
        .iter()
        .filter(|s| !cited.iter().any(|c| c.id == s.id))
        .map(|s| s.id.as_str())
        .collect();
    assert!(uncited.is_empty(), "listed but never cited: {uncited:?}");
}

#[test]
fn amounts_are_read_as_cents() {
    assert_eq!(
        pay_like_amounts("from $42,590 a year, or $20.29, to $1,000.5 but not $139."),
        [4_259_000, 100_050]
    );
}

/// Every licensing state has its rules as typed data, and every rule rests on sources that say
/// when they were written or read. (Loading enforces the dates; the broken case `state-rules`
/// shows it refusing an undated source, an empty list and an unknown id.)
#[test]
fn licensing_states_have_dated_sources_for_their_rules() {
    let guide = mht_guide::guide();
    let states: Vec<&str> = guide
        .education
        .state_licenses
        .iter()
        .map(|l| l.state.as_str())
        .collect();
    assert_eq!(states, ["California", "Arkansas", "Kansas", "Colorado"]);
    for license in &guide.education.state_licenses {
        let rules: Vec<_> = license.rules().into_iter().collect();
        for (topic, rule) in &rules {
            let Some(rule) = rule else { continue };
            assert!(!rule.sources.is_empty(), "{}: {topic:?}", license.state);
            for id in &rule.sources {
                let source = guide.sources.get(id).expect("a known source");
                assert!(
                    source.date().is_some(),
                    "{}: {topic:?} cites `{id}`, which has no date",
                    license.state
                );
            }
        }
        // What a reader in the state needs first is never left out.
        for needed in [
            StateTopic::Routes,
            StateTopic::Exam,
            StateTopic::BackgroundCheck,
        ] {
            assert!(
                rules.iter().any(|(t, r)| *t == needed && r.is_some()),
                "{} has no rule for {needed:?}",
                license.state
            );
        }
    }
}

/// Every pay and outlook figure is from the release its source names: the source entry records
/// the period of its data (`data_date`), so a yearly update is one edit to the source and its
/// figures, and a figure left behind from an older release is caught here.
#[test]
fn every_figure_is_from_the_release_its_source_names() {
    for guide in mht_guide::BUILT_IN.iter().map(mht_guide::BuiltIn::guide) {
        let release = |id: &mht_guide::Id| {
            let source = guide.sources.get(id).expect("a cited source is listed");
            source
                .data_date
                .unwrap_or_else(|| panic!("`{id}` gives figures but not the period of its data"))
        };
        let outlook = &guide.salary_outlook;
        for pay in &outlook.pay {
            assert_eq!(
                pay.period,
                release(&pay.source),
                "{}, {:?}: not from the release of `{}`",
                pay.occupation,
                pay.statistic,
                pay.source
            );
        }
        for projection in &outlook.outlook {
            assert_eq!(
                projection.base_year,
                release(&projection.source).year(),
                "{}: projections from {} are not from the release of `{}`",
                projection.occupation,
                projection.base_year,
                projection.source
            );
        }
    }
}

/// A warning about an old source dates it as the source does: "published on" a day, "in" a
/// month or a year.
#[test]
fn an_old_source_is_dated_as_precisely_as_it_gives_its_date() {
    let dir = crate::util::tempdir();
    let guide = dir.path().join("guide");
    crate::util::copy_files(&crate::util::fixtures().join("minimal"), &guide);
    let sources = std::fs::read_to_string(guide.join("sources.toml")).unwrap();
    let as_of = mht_guide::RefDate::parse("2026-12-07").unwrap();
    for (published, said) in [
        ("2017-05-08", "published on May 8, 2017"),
        ("2017-05", "published in May 2017"),
        ("2017", "published in 2017"),
    ] {
        std::fs::write(
            guide.join("sources.toml"),
            format!("{sources}published = \"{published}\"\n"),
        )
        .unwrap();
        std::fs::write(
            guide.join("faq.toml"),
            "summary = \"Questions.\"\n\n[[questions]]\nid = \"fee\"\nquestion = \"What does it \
             cost?\"\nanswer = \"The fee was $139 [@src-b].\"\n",
        )
        .unwrap();
        let review = mht_guide::EditionFolder::new(&guide).review(as_of).unwrap();
        let messages: Vec<String> = review.warnings().iter().map(ToString::to_string).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains(&format!("`src-b`, {said},"))),
            "{published}: {messages:?}"
        );
    }
}
