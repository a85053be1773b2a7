//! Unit tests of the labels.

use super::*;

#[test]
fn placeholders_are_checked() {
    const PAGE_OF: Placeholders = Placeholders::of(&["page", "total"]);
    const PAGE: Placeholders = Placeholders::of(&["page"]);
    assert!(Label::parse("Page {page} of {total}", PAGE_OF).is_ok());
    let missing = Label::parse("Page {page}", PAGE_OF).unwrap_err();
    assert!(missing.contains("must show `{total}`"), "{missing}");
    let unknown = Label::parse("Page {pages}", PAGE).unwrap_err();
    assert!(
        unknown.contains("`{pages}` is not a placeholder"),
        "{unknown}"
    );
    let open = Label::parse("Page {page", PAGE).unwrap_err();
    assert!(open.contains("never closed"), "{open}");
    let close = Label::parse("Page }", Placeholders::of(&[])).unwrap_err();
    assert!(close.contains("closes no placeholder"), "{close}");
    let years = Placeholders {
        required: &["start"],
        optional: &["end", "end_short"],
    };
    assert!(Label::parse("{start}-{end}", years).is_ok());
    let neither = Label::parse("{start}", years).unwrap_err();
    assert!(neither.contains("must show one of"), "{neither}");
    let braces = Label::parse("{{x}} {n}", Placeholders::of(&["n"])).unwrap();
    assert_eq!(braces.fill(&[("n", "1")]), "{x} 1");
}

#[test]
fn numbers_follow_the_language() {
    let mut es = crate::guide().labels.clone();
    let none = Placeholders::of(&[]);
    es.group_from = Label::parse("10000", none).unwrap();
    es.digit_group = Label::parse("\u{a0}", none).unwrap();
    es.decimal_point = Label::parse(",", none).unwrap();
    assert_eq!(es.number(1000), "1000");
    assert_eq!(es.number(21_200), "21\u{a0}200");
    let money = crate::Money::new(2029, crate::Currency::Usd);
    assert_eq!(es.money(&money), "$20,29");
}
