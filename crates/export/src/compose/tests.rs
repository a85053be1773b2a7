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
