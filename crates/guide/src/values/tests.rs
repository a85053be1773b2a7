//! Unit tests of the value types.

use super::*;

#[test]
fn digits_are_grouped_by_threes() {
    assert_eq!(group_digits(182_900), "182,900");
    assert_eq!(group_digits(1_234_567), "1,234,567");
    assert_eq!(group_digits(999), "999");
    assert_eq!(group_digits(0), "0");
}

#[test]
fn urls_that_browsers_and_validators_disagree_on_are_refused() {
    for bad in [
        "https://example.org/a%zzb",
        "https://example.org/a%2",
        "https://#x",
        "https://0..0/",
        "https://example.org:99999/",
        "https://user:pw@a@b/",
        "https://user@example.org/",
        "https://example.org/\u{202E}gnp.exe",
        "https://example.org/a\u{200B}b",
        "https://example.org/\u{FEFF}",
        "https://example.org/\u{180E}",
        "https://example.org/\u{2066}x",
        "https:///path",
        "mailto:",
        "ftp://example.org/",
        "javascript:alert(1)",
    ] {
        assert!(Url::parse(bad).is_err(), "{}", bad.escape_debug());
    }
}

#[test]
fn urls_are_kept_in_their_serialized_form() {
    let cases = [
        ("https://example.org", "https://example.org/"),
        ("HTTPS://Example.ORG/a b", ""),
        ("https://example.org/a[1]", "https://example.org/a%5B1%5D"),
        ("https://example.org/a#b#c", "https://example.org/a#b%23c"),
        ("https://example.org/<x>", "https://example.org/%3Cx%3E"),
        ("https://example.org/a|b^c", "https://example.org/a%7Cb%5Ec"),
        (
            "https://bücher.example/ü",
            "https://xn--bcher-kva.example/%C3%BC",
        ),
        ("mailto:someone@example.org", "mailto:someone@example.org"),
        (
            "https://example.org/q?x=1&y=%20#top",
            "https://example.org/q?x=1&y=%20#top",
        ),
    ];
    for (input, serialized) in cases {
        match Url::parse(input) {
            Ok(url) => assert_eq!(url.as_str(), serialized, "{input}"),
            Err(e) => assert!(serialized.is_empty(), "{input}: {e}"),
        }
    }
}

#[test]
fn diagnostics_show_hidden_characters_by_code_point() {
    assert_eq!(shown("a\u{FEFF}\"b\u{1b}"), "a<U+FEFF>\"b<U+001B>");
}

#[test]
fn text_is_normalized_to_nfc() {
    assert_eq!(
        Text::parse("cafe\u{301}").map(|t| t.to_string()),
        Ok("caf\u{e9}".into())
    );
}

#[test]
fn text_rejects_control_characters_and_padding() {
    assert!(Text::parse("a\nb").is_err());
    assert!(Text::parse(" a").is_err());
    assert!(Text::parse("").is_err());
    assert!(Text::parse("Ærø – ok").is_ok());
}

#[test]
fn ids() {
    for good in ["a", "bls-ooh", "s1", "29-2053"] {
        assert!(Id::parse(good).is_ok(), "{good}");
    }
    for bad in ["", "-a", "a-", "a--b", "A", "a b", "a_b", "é"] {
        assert!(Id::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn urls_allow_only_safe_schemes() {
    for (good, serialized) in [
        ("https://www.bls.gov/ooh/", "https://www.bls.gov/ooh/"),
        ("HTTP://x.org", "http://x.org/"),
        ("mailto:a@b.org", "mailto:a@b.org"),
    ] {
        assert_eq!(
            Url::parse(good).map(|u| u.to_string()),
            Ok(serialized.to_owned())
        );
    }
    assert_eq!(
        Url::parse("https://x.org/?a=<1>&b=\"2\"").map(|u| u.to_string()),
        Ok("https://x.org/?a=%3C1%3E&b=%222%22".to_owned())
    );
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "https://",
        "https:///x",
        "//x.org",
        "/relative",
        "https://a b",
        "https://a\u{0}b",
        "ftp://x.org",
    ] {
        assert!(Url::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn dates() {
    assert_eq!(
        RefDate::parse("2024").map(RefDate::english),
        Ok("2024".into())
    );
    assert_eq!(
        RefDate::parse("2024-02-29").map(|d| d.iso()),
        Ok("2024-02-29".into())
    );
    for bad in [
        "24",
        "2024-13",
        "2023-02-29",
        "2024-1",
        "2024-01-01-01",
        "May 2024",
    ] {
        assert!(RefDate::parse(bad).is_err(), "{bad}");
    }
    assert_eq!(
        RefDate::parse("1970-01-01").map(RefDate::unix_seconds),
        Ok(0)
    );
    assert_eq!(
        RefDate::parse("2026-11-23").map(RefDate::unix_seconds),
        Ok(1_795_392_000)
    );
}

#[test]
fn money() {
    let m = |n: f64| Money::from_number(n, "USD").map(|m| m.english());
    assert_eq!(m(42590.0), Ok("$42,590".into()));
    assert_eq!(m(20.29), Ok("$20.29".into()));
    assert_eq!(m(1_234_567.5), Ok("$1,234,567.50".into()));
    assert_eq!(m(999.0), Ok("$999".into()));
    assert!(m(-1.0).is_err());
    assert!(m(1.234).is_err());
    assert!(m(f64::NAN).is_err());
    assert!(Money::from_number(1.0, "EUR").is_err());
}

#[test]
fn bidirectional_isolates_are_allowed_where_balanced_and_nowhere_else() {
    use super::unbalanced_isolate;
    let balanced = "مبلغ \u{2066}42,590 USD\u{2069} سنويا، و\u{2068}\u{2067}x\u{2069}\u{2069}";
    assert!(unbalanced_isolate(balanced).is_none());
    assert!(Text::parse(balanced).is_ok());
    for unbalanced in ["\u{2067}open", "close\u{2069}", "\u{2066}a\u{2069}\u{2069}"] {
        assert!(unbalanced_isolate(unbalanced).is_some(), "{unbalanced:?}");
        assert!(Text::parse(unbalanced).is_err(), "{unbalanced:?}");
    }
    // Embeddings and overrides stay refused, balanced or not.
    assert!(Text::parse("a\u{202B}b\u{202C}").is_err());
    // Messages show isolates as code points, so a terminal does not reorder them.
    assert_eq!(crate::shown("a\u{2067}b"), "a<U+2067>b");
}
