//! Unit tests of the Markdown export.

use super::*;

#[test]
fn the_longest_run_of_backticks_is_found() {
    assert_eq!(longest_backtick_run("no ticks"), 0);
    assert_eq!(longest_backtick_run("a `b` c"), 1);
    assert_eq!(longest_backtick_run("``x``` y `"), 3);
}

#[test]
fn lists_are_dash_or_period_lists_that_say_if_they_are_tight() {
    let bullets = list_value(false, 1, true);
    assert_eq!(bullets.list_type, ListType::Bullet);
    assert_eq!(bullets.bullet_char, b'-');
    assert!(bullets.tight);
    let numbered = list_value(true, 3, false);
    assert_eq!(numbered.list_type, ListType::Ordered);
    assert_eq!(numbered.delimiter, ListDelimType::Period);
    assert_eq!((numbered.start, numbered.tight), (3, false));
}

#[test]
fn the_front_matter_declares_the_editions_language() {
    let md = to_markdown(mht_guide::edition("es").unwrap(), &Options::new());
    let front = md.split("\n---\n").next().unwrap();
    assert!(front.starts_with("---\ntitle: "), "{front}");
    assert!(front.contains("\nlang: \"es-US\""), "{front}");
}
