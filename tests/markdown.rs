//! Markdown export.

use comrak::nodes::NodeValue;
use mht_guide::SectionId;
use mht_guide_export::{Options, Selection, markdown_options, to_markdown};

use crate::util::fixtures;

fn markdown(selection: Selection) -> String {
    to_markdown(mht_guide::guide(), &Options::new().with_sections(selection))
}

#[test]
fn full_guide() {
    insta::assert_snapshot!(markdown(Selection::all()));
}

#[test]
fn two_sections() {
    insta::assert_snapshot!(markdown("definition,salary-outlook".parse().unwrap()));
}

#[test]
fn minimal_fixture() {
    let guide = mht_guide::Guide::from_dir(fixtures().join("minimal")).unwrap();
    insta::assert_snapshot!(to_markdown(&guide, &Options::new()));
}

/// Parsing the export with comrak and formatting it again gives the same text.
#[test]
fn round_trips_through_comrak() {
    let guide = mht_guide::Guide::from_dir(fixtures().join("minimal")).unwrap();
    for md in [
        markdown(Selection::all()),
        markdown("faq".parse().unwrap()),
        to_markdown(&guide, &Options::new()),
    ] {
        let again = comrak::markdown_to_commonmark(&md, &markdown_options());
        assert_eq!(again, md);
    }
}

/// The parsed export has the title, a contents heading and one `##` heading per section, each
/// linked from the contents list.
#[test]
fn has_a_heading_per_section_linked_from_the_contents() {
    let md = markdown(Selection::all());
    let arena = comrak::Arena::new();
    let mut options = markdown_options();
    options.extension.header_id_prefix = Some(String::new());
    let root = comrak::parse_document(&arena, &md, &options);
    let mut headings = Vec::new();
    let mut links = Vec::new();
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Heading(h) if h.level == 2 => {
                let text: String = node
                    .descendants()
                    .filter_map(|n| match &n.data().value {
                        NodeValue::Text(t) => Some(t.to_string()),
                        _ => None,
                    })
                    .collect();
                headings.push(text);
            }
            NodeValue::Link(link) if link.url.starts_with('#') => links.push(link.url.clone()),
            _ => {}
        }
    }
    let mut expected = vec!["Contents".to_owned()];
    let labels = &mht_guide::guide().labels;
    expected.extend(SectionId::ALL.map(|id| labels.section(id).to_owned()));
    assert_eq!(headings, expected);
    let html = comrak::markdown_to_html(&md, &options);
    for link in links {
        let anchor = format!("id=\"{}\"", &link[1..]);
        assert!(html.contains(&anchor), "no heading for the link {link}");
    }
}

#[test]
fn exporting_twice_gives_the_same_text() {
    assert_eq!(markdown(Selection::all()), markdown(Selection::all()));
}

/// pandoc reads the export: the title from the front matter, a heading per section with the
/// identifier the contents list links to, and the tables.
#[test]
#[cfg_attr(
    missing = "pandoc",
    ignore = "needs pandoc, which `bash .ci/test` installs"
)]
fn pandoc_reads_the_export() {
    let Some(pandoc) = crate::util::validator("pandoc", "PANDOC", "--version") else {
        return;
    };
    let dir = crate::util::tempdir();
    let path = dir.path().join("guide.md");
    let md = markdown(Selection::all());
    std::fs::write(&path, &md).unwrap();
    let output = std::process::Command::new(pandoc)
        .args(["--from", "commonmark_x+yaml_metadata_block", "--to", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let ast: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let title = &ast["meta"]["title"]["c"][0]["c"];
    assert_eq!(title, "Mental");
    let blocks = ast["blocks"].as_array().unwrap();
    let ids: Vec<String> = blocks
        .iter()
        .filter(|b| b["t"] == "Header" && b["c"][0] == 2)
        .map(|b| b["c"][1][0].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), SectionId::ALL.len() + 1, "{ids:?}");
    for id in &ids {
        assert!(
            md.contains(&format!("](#{id})")) || id == "contents",
            "{id} is not linked"
        );
    }
    let tables = blocks.iter().filter(|b| b["t"] == "Table").count();
    assert_eq!(tables, md.matches("\n| --- |").count());
}
