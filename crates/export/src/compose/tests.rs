//! Unit tests of composition.

use super::*;

#[test]
fn year_spans() {
    let l = &mht_guide::guide().labels;
    assert_eq!(l.years(2024, 2034), "2024–34");
    assert_eq!(l.years(1998, 2004), "1998–2004");
    assert_eq!(l.years(2000, 2009), "2000–09");
}

#[test]
fn full_guide_numbers_sections_and_references() {
    let guide = mht_guide::guide();
    let doc = Document::compose(guide, &Selection::all());
    let ids: Vec<_> = doc.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, SectionId::ALL);
    for (i, s) in doc.sections.iter().enumerate() {
        assert_eq!(s.number, i + 1);
    }
    // Every source appears once, cited ones first.
    assert_eq!(doc.references.len(), guide.sources.sources.len());
    let first = doc.references[0];
    assert_eq!(doc.reference_number(&first.id), Some(1));
}

/// Each section, alone and in full, composes more than its heading, in every built-in
/// edition and in the smallest one the tests have; and the JSON file carries each section
/// under its key.
#[test]
fn every_section_composes_content_and_reaches_json() {
    let minimal = mht_guide::Guide::from_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/minimal"
    ))
    .unwrap();
    let guides = [
        mht_guide::guide(),
        mht_guide::edition("es").unwrap(),
        &minimal,
    ];
    for guide in guides {
        for id in SectionId::ALL {
            let doc = Document::compose(guide, &Selection::only([id]));
            let section = doc.sections.iter().find(|s| s.id == id).unwrap();
            assert!(
                !section.nodes.is_empty(),
                "{id} composes nothing in {}",
                guide.meta.slug
            );
            let json = crate::to_json(guide, &Options::new().with_sections(Selection::only([id])));
            let json: serde_json::Value = serde_json::from_str(&json.unwrap()).unwrap();
            assert!(
                json[id.key()].is_object(),
                "the JSON of {id} lacks `{}` in {}",
                id.key(),
                guide.meta.slug
            );
        }
    }
}

#[test]
fn anchors_are_unique() {
    let guide = mht_guide::guide();
    let doc = Document::compose(guide, &Selection::all());
    let mut anchors = Vec::new();
    for s in &doc.sections {
        anchors.push(s.anchor.clone());
        for node in &s.nodes {
            match node {
                Node::Subheading { anchor, .. } | Node::Question { anchor, .. } => {
                    anchors.push(anchor.clone())
                }
                _ => {}
            }
        }
    }
    let n = anchors.len();
    anchors.sort();
    anchors.dedup();
    assert_eq!(anchors.len(), n);
}

#[test]
fn a_citation_follows_east_asian_text_without_a_space() {
    use mht_guide::Inline;
    assert_eq!(citation_gap(Some('e')), "\u{a0}");
    assert_eq!(citation_gap(Some('.')), "\u{a0}");
    assert_eq!(citation_gap(None), "\u{a0}");
    for c in ['资', '。', '）', 'ン', '한'] {
        assert_eq!(citation_gap(Some(c)), "", "{c}");
    }
    let inlines = [
        Inline::Text("工资".into()),
        Inline::Strong(vec![Inline::Text("bold".into())]),
    ];
    assert_eq!(last_char(&inlines), Some('d'));
    assert_eq!(last_char(&inlines[..1]), Some('资'));
    // In every format a Chinese sentence's citation touches its last character.
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let guide = mht_guide::EditionFolder::new(format!("{fixtures}/scripts/zh-hans"))
        .bases_within(fixtures)
        .load()
        .unwrap()
        .guide;
    let options = crate::Options::new();
    let markdown = crate::to_markdown(&guide, &options);
    assert!(markdown.contains("行为变化[\\[1\\]]"), "{markdown}");
    let html = crate::to_html(&guide, &options);
    assert!(html.contains("行为变化<a class=\"cite\""));
    let english = crate::to_markdown(mht_guide::guide(), &options);
    assert!(english.contains("\u{a0}[\\[1\\]]"));
}
