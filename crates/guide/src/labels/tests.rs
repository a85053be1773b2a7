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

#[test]
fn digits_grouping_months_and_punctuation_follow_the_labels() {
    let none = Placeholders::of(&[]);
    let mut labels = crate::guide().labels.clone();
    assert_eq!(labels.number(1_234_567), "1,234,567");
    labels.digit_grouping = Label::parse("3,2", none).unwrap();
    assert_eq!(labels.number(1_234_567), "12,34,567");
    assert_eq!(labels.number(123_456), "1,23,456");
    assert_eq!(labels.number(12_345), "12,345");
    labels.digits = Label::parse("۰۱۲۳۴۵۶۷۸۹", none).unwrap();
    labels.digit_grouping = Label::parse("3", none).unwrap();
    labels.digit_group = Label::parse("٬", none).unwrap();
    assert_eq!(labels.number(42_590), "۴۲٬۵۹۰");
    assert_eq!(labels.years(2024, 2034), "۲۰۲۴–۳۴");
    let may = crate::RefDate::parse("2024-05").unwrap();
    let day = crate::RefDate::parse("2024-05-15").unwrap();
    assert_eq!(labels.date(day), "May ۱۵, ۲۰۲۴");
    // A month alone takes its name from `months_standalone`, a day's date from `months`.
    let mut russian = crate::guide().labels.clone();
    russian.months = Label::parse("января, февраля, марта, апреля, мая, июня, июля, августа, сентября, октября, ноября, декабря", none).unwrap();
    russian.months_standalone = Label::parse("январь, февраль, март, апрель, май, июнь, июль, август, сентябрь, октябрь, ноябрь, декабрь", none).unwrap();
    russian.date_month =
        Label::parse("{month} {year} г.", Placeholders::of(&["month", "year"])).unwrap();
    russian.date_day = Label::parse(
        "{day} {month} {year} г.",
        Placeholders::of(&["day", "month", "year"]),
    )
    .unwrap();
    assert_eq!(russian.date(may), "май 2024 г.");
    assert_eq!(russian.date(day), "15 мая 2024 г.");
    // A label's full stop after a date that ends in one is not doubled.
    let data = russian
        .source_data_date
        .fill(&[("date", &russian.date(may))]);
    assert_eq!(data, "Data for май 2024 г.");
    // A year alone is written by `date_year`.
    russian.date_year = Label::parse("{year} г.", Placeholders::of(&["year"])).unwrap();
    let year = crate::RefDate::parse("2022").unwrap();
    assert_eq!(russian.date(year), "2022 г.");
    assert_eq!(
        russian
            .source_data_date
            .fill(&[("date", &russian.date(year))]),
        "Data for 2022 г."
    );
    assert_eq!(crate::guide().labels.date(year), "2022");
    // Lists, figures, sentences and run-in headings in Chinese.
    let mut chinese = crate::guide().labels.clone();
    chinese.list_separator = Label::parse("、", none).unwrap();
    chinese.figure_separator = Label::parse("；", none).unwrap();
    chinese.sentence_end = Label::parse("。", none).unwrap();
    chinese.sentence_join = Label::parse("。", none).unwrap();
    assert_eq!(chinese.items(&["甲", "乙", "丙"]), "甲、乙、丙");
    assert_eq!(
        chinese.figures(&["42,200美元", "每小时20.29美元"]),
        "42,200美元；每小时20.29美元"
    );
    assert_eq!(chinese.sentences(&["甲", "乙"]), "甲。乙。");
    assert_eq!(chinese.run_in("观察"), ("。", ""));
    assert_eq!(chinese.run_in("为什么？"), ("", ""));
    assert_eq!(crate::guide().labels.run_in("Observe"), (".", " "));
    assert_eq!(crate::guide().labels.colon(), ": ");
}

#[test]
fn digits_and_grouping_labels_are_checked() {
    for wrong in [
        "012345678",
        "0123456789a",
        "1234567890",
        "٠١٢٣٤٥٦٧٨٩0",
        "abcdefghij",
    ] {
        assert!(check_form("digits", wrong).is_err(), "{wrong}");
    }
    for right in [
        "0123456789",
        "۰۱۲۳۴۵۶۷۸۹",
        "٠١٢٣٤٥٦٧٨٩",
        "०१२३४५६७८९",
        "០១២៣៤៥៦៧៨៩",
    ] {
        assert!(check_form("digits", right).is_ok(), "{right}");
    }
    assert!(check_form("digit_grouping", "3,2").is_ok());
    assert!(check_form("digit_grouping", "4").is_err());
    assert!(check_form("months_standalone", "a, b").is_err());
}

#[test]
fn labels_hold_isolates_only_where_balanced_as_every_field_does() {
    assert!(check_form("contents", "المحتويات \u{2066}(PDF)\u{2069}").is_ok());
    assert!(check_form("contents", "المحتويات \u{2066}(PDF)").is_err());
    assert!(check_form("contents", "a\u{202E}b").is_err());
    assert!(check_form("contents", "a\u{7}b").is_err());
}
