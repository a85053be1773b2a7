//! Unit tests of prose parsing.

use super::convert::raw_html;
use super::*;

fn errors(src: &str) -> Vec<String> {
    Prose::parse(src)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn converts_the_supported_constructs() {
    let prose = Prose::parse(
        "One *two* **three** `four` [five](https://x.org) <https://y.org>\\\nsix [@a; @b-2].\n\n\
         - item\n  1. nested\n",
    )
    .unwrap();
    let ids: Vec<_> = prose.citations().map(Id::as_str).collect();
    assert_eq!(ids, ["a", "b-2"]);
    assert_eq!(
        prose.plain_text(),
        "One two three four five https://y.org six. item nested"
    );
    // Words by Unicode's word boundaries: the address is two (`https`, `y.org`).
    assert_eq!(prose.word_count(), 10);
    let Block::List(list) = &prose.blocks()[1] else {
        panic!("expected a list")
    };
    assert_eq!(list.start, None);
    let Block::List(nested) = &list.items[0][1] else {
        panic!("expected a nested list")
    };
    assert_eq!(nested.start, Some(1));
}

#[test]
fn rejects_what_the_guide_does_not_allow_with_positions() {
    assert_eq!(
        errors("ok\n\n# Heading\n\n<div>x</div>\n\ntext <b>bold</b> ![i](https://x/i.png)"),
        [
            "3:1: headings are not allowed in prose; the guide's sections and subsections \
             provide the headings, so write this as a paragraph",
            format!("5:1: {}", raw_html()).as_str(),
            format!("7:6: {}", raw_html()).as_str(),
            format!("7:13: {}", raw_html()).as_str(),
            "7:18: images are not allowed in prose; the guide is text only, so remove the \
             `![...](...)`",
        ]
    );
    assert!(errors("[x](javascript:alert(1))")[0].starts_with("1:1: the address"));
    assert!(errors("    code")[0].contains("code blocks"));
    assert!(errors("> quote")[0].contains("block quotes"));
    assert!(errors("a\n\n---\n")[0].starts_with("3:1: horizontal rules"));
    assert!(errors("  ")[0].contains("empty"));
}

#[test]
fn a_citation_inside_a_links_text_is_refused_at_the_link() {
    let nested = "a citation cannot be inside a link's text, where it would be a link \
                  within a link; put the `[@...]` after the link";
    assert_eq!(
        errors("See [the law [@ca]](https://x.org)."),
        [format!("1:5: {nested}")]
    );
    assert_eq!(
        errors("See\n[*the [@ca] law*](https://x.org)."),
        [format!("2:1: {nested}")]
    );
    assert!(Prose::parse("See [the law](https://x.org) [@ca].").is_ok());
}

#[test]
fn a_citation_may_wrap_over_a_line_break() {
    let prose = Prose::parse("Pay rose [@a;\n@b] and [@c\n]. Then [@d; @e\nmore").unwrap_err();
    assert_eq!(prose.len(), 1, "{prose:?}");
    assert!(prose[0].message().contains("no closing"));
    let prose = Prose::parse("Pay rose [@a;\n@b] and [@c\n].").unwrap();
    let ids: Vec<_> = prose.citations().map(Id::as_str).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(prose.plain_text(), "Pay rose and.");
}

#[test]
fn rejects_malformed_citations() {
    assert_eq!(
        errors("Pay rose [@Bad id] and [@x; y] and é [@open"),
        [
            "1:10: in this citation, `Bad id` is not a valid id; use lowercase letters \
             and digits in words joined by single hyphens, such as `bls-ooh`",
            "1:24: `y` in this citation does not start with `@`; write `[@first-id; \
             @second-id]`",
            "1:38: this citation has no closing `]`; write citations as `[@source-id]`",
        ]
    );
}

#[test]
fn deep_nesting_is_rejected_without_recursion() {
    let deep = "- ".repeat(5000) + "x";
    assert!(errors(&deep)[0].contains("nested more than"));
    let emph = "*a ".repeat(3000) + &"b*".repeat(3000);
    assert!(errors(&emph)[0].contains("nested more than"));
    let ok = "- ".repeat(MAX_DEPTH) + "x";
    assert!(Prose::parse(&ok).is_ok());
}

#[test]
fn a_line_break_between_chinese_or_japanese_characters_is_no_space() {
    let text = |src: &str| Prose::parse(src).unwrap().plain_text();
    assert_eq!(
        text("照护工作的人。\n他们帮助病人"),
        "照护工作的人。他们帮助病人"
    );
    assert_eq!(
        text("患者を支えます。\n**観察**が中心です"),
        "患者を支えます。観察が中心です"
    );
    // Korean puts spaces between words, and a break between two languages is a space.
    assert_eq!(
        text("돕는 사람입니다.\n기술원은"),
        "돕는 사람입니다. 기술원은"
    );
    assert_eq!(text("技术员\nBureau"), "技术员 Bureau");
}
