//! JSON export.

use mht_guide_export::{Options, SCHEMA_VERSION, Selection, to_json};
use serde_json::Value;

use crate::util::fixtures;

fn json(selection: Selection) -> String {
    to_json(mht_guide::guide(), &Options::new().with_sections(selection)).unwrap()
}

#[test]
fn full_guide() {
    insta::assert_snapshot!(json(Selection::all()));
}

#[test]
fn two_sections() {
    insta::assert_snapshot!(json("definition,salary-outlook".parse().unwrap()));
}

#[test]
fn minimal_fixture() {
    let guide = mht_guide::Guide::from_dir(fixtures().join("minimal")).unwrap();
    insta::assert_snapshot!(to_json(&guide, &Options::new()).unwrap());
}

#[test]
fn holds_every_typed_section() {
    let value: Value = serde_json::from_str(&json(Selection::all())).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    for id in mht_guide::SectionId::ALL {
        let key = id.id().replace('-', "_");
        assert!(value[&key].is_object(), "{key} missing");
    }
    let pay = &value["salary_outlook"]["pay"][0];
    assert!(pay["amount"]["amount"].is_number());
    assert_eq!(pay["unit"], "year");
    assert_eq!(pay["period"], "2024-05");
}

#[test]
fn a_selection_carries_only_the_sources_it_cites() {
    let value: Value = serde_json::from_str(&json("faq".parse().unwrap())).unwrap();
    let sections: Vec<&str> = value["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(sections, ["faq", "sources"]);
    assert!(value.get("definition").is_none());
    let cited: Vec<&str> = value["sources"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let guide = mht_guide::guide();
    let mut expected: Vec<&str> = Vec::new();
    for q in &guide.faq.questions {
        for id in q.answer.citations() {
            if !expected.contains(&id.as_str()) {
                expected.push(id.as_str());
            }
        }
    }
    assert_eq!(cited, expected);
}
