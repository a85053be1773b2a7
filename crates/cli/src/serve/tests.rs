//! Unit tests of the preview server.

use super::*;

#[test]
fn a_reload_lands_on_the_first_section_that_changed() {
    let old = mht_guide::guide().clone();
    let mut new = old.clone();
    assert_eq!(changed_section(&old, &new), None);
    new.faq.questions.pop();
    assert_eq!(changed_section(&old, &new), Some("faq"));
    new.skills.skills.pop();
    assert_eq!(changed_section(&old, &new), Some("skills"));
    // The metadata shows above every section: no section to scroll to.
    let mut retitled = old.clone();
    retitled.meta.publisher = mht_guide::Text::parse("Riverside").unwrap();
    assert_eq!(changed_section(&old, &retitled), None);
}

#[test]
fn the_preview_carries_the_script_and_the_export_does_not() {
    let guide = mht_guide::guide();
    let options = Options::new();
    let page = preview_page(guide, &options, ("", 0), 7);
    assert!(page.contains("<html data-preview-version=\"7\" "));
    assert!(page.contains("new EventSource('/events')"));
    assert!(page.contains("<nav class=\"mht-preview\""));
    assert_eq!(page.matches("</body>").count(), 1);
    assert!(!mht_guide_export::to_html(guide, &options).contains("<script>"));
}
