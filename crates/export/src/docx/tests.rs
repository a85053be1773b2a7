use super::*;

#[test]
fn bookmark_names_are_what_word_takes_and_never_shared() {
    let guide = mht_guide::guide();
    let options = Options::new();
    let doc = Document::from_options(guide, &options);
    let mut writer = Writer::new(&doc, &options);
    assert_eq!(writer.bookmark_name("source-bls-ooh"), "source_bls_ooh_1");
    assert_eq!(writer.bookmark_name("2024-figures"), "b2024_figures_2");
    // The same anchor, the same name; two long anchors alike in their first 40 characters,
    // two names, each of at most 40 characters.
    assert_eq!(writer.bookmark_name("source-bls-ooh"), "source_bls_ooh_1");
    let (a, b) = (
        format!("{}a", "x".repeat(60)),
        format!("{}b", "x".repeat(60)),
    );
    let (a, b) = (writer.bookmark_name(&a), writer.bookmark_name(&b));
    assert_ne!(a, b);
    assert!(a.len() <= 40 && b.len() <= 40);
}

#[test]
fn lengths_are_word_units() {
    assert_eq!(twips(25.4), 1440);
    assert_eq!(emu(10.0), 360_000);
}

#[test]
fn links_to_one_address_share_a_relationship() {
    let guide = mht_guide::guide();
    let options = Options::new();
    let doc = Document::from_options(guide, &options);
    let mut writer = Writer::new(&doc, &options);
    let a = writer.link_id("https://example.org/");
    let b = writer.link_id("https://example.org/");
    let c = writer.link_id("https://example.org/other");
    assert_eq!(a, b);
    assert_ne!(a, c);
    // The fixed parts take the first four ids.
    assert_eq!(a, "rId5");
}
