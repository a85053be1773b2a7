//! Unit tests of the PDF export.

use super::*;

/// The dictionaries a build has are those its features ask for: every language the
/// hyphenation crate has (`hyphenate`, the default), US English alone (`hyphenate-en`), or
/// none. CI runs this in the lean builds as well.
#[test]
fn the_dictionaries_are_those_the_build_asks_for() {
    let has = |t: &str| hyphenator(&t.parse::<mht_guide::Language>().unwrap()).is_some();
    let expected = if cfg!(feature = "hyphenate") {
        [true, true, true]
    } else if cfg!(feature = "hyphenate-en") {
        [true, false, false]
    } else {
        [false, false, false]
    };
    assert_eq!([has("en-US"), has("es-US"), has("fr")], expected);
}

#[cfg(feature = "hyphenate")]
#[test]
fn each_language_is_hyphenated_by_its_own_dictionary() {
    use hyphenation::{Hyphenator, Language};
    let tag = |tag: &str| tag.parse::<mht_guide::Language>().unwrap();
    let language = |t: &str| hyphenator(&tag(t)).map(|d| d.language());
    assert_eq!(language("en-US"), Some(Language::EnglishUS));
    assert_eq!(language("en-GB"), Some(Language::EnglishGB));
    assert_eq!(language("en"), Some(Language::EnglishUS));
    assert_eq!(language("es-US"), Some(Language::Spanish));
    assert_eq!(language("ES"), Some(Language::Spanish));
    assert_eq!(language("de-AT"), Some(Language::German1996));
    // Vietnamese has no dictionary: its words break only where they must.
    assert_eq!(language("vi"), None);
    // Spanish splits between syllables, where English patterns would not.
    let es = hyphenator(&tag("es-US")).unwrap();
    let word = "enfermería";
    let parts: Vec<&str> = {
        let breaks = es.hyphenate(word).breaks;
        let mut at = 0;
        let mut parts = Vec::new();
        for b in breaks.into_iter().chain([word.len()]) {
            parts.push(&word[at..b]);
            at = b;
        }
        parts
    };
    assert_eq!(parts.concat(), word);
    assert!(parts.len() >= 3, "{parts:?}");
    assert!(parts.iter().all(|p| !p.is_empty()));
    assert!(parts.contains(&"fer"), "{parts:?}");
}

/// Every heading has room below it for at least two lines of what follows it.
#[test]
fn headings_are_never_stranded_at_a_page_bottom() {
    let guide = mht_guide::guide();
    for paper in [Paper::Letter, Paper::A4, Paper::Legal] {
        for preset in [Preset::Full, Preset::FactSheet] {
            let mut options = Options::new().with_preset(preset);
            options.set_paper(paper);
            let doc = Document::from_options(guide, &options);
            let widths = Rc::new(layout::Measured::english());
            let pass =
                render_pass(&doc, &options, true, &widths, Fit::default(), None, None).unwrap();
            let anchors = pass.track.anchors.borrow();
            let headings: Vec<_> = anchors.iter().filter(|a| a.level.is_some()).collect();
            assert!(headings.len() > 5);
            for h in headings {
                assert!(
                    h.y + 16.0 <= pass.body_bottom,
                    "{paper} {preset:?}: “{}” on page {} starts {:.1} mm above the bottom",
                    h.title,
                    h.page,
                    pass.body_bottom - h.y
                );
            }
        }
    }
}
