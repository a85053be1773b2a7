//! Hostile text: dangerous markup and links are rejected when the content is loaded, nothing from
//! the content becomes live markup, every format stays valid, and the PDF names what it cannot
//! draw.

use std::fs;
use std::path::{Path, PathBuf};

use comrak::nodes::NodeValue;
use mht_guide::Guide;
use mht_guide_export::{ExportError, Options, to_epub, to_html, to_json, to_markdown, to_pdf};

use crate::util::{copy_files, fixtures, run, tempdir, vnu_jar};

/// The minimal guide with one FAQ question and answer replaced. The answer is a TOML literal
/// string, so it reaches the loader exactly as written.
fn guide_with(dir: &Path, question: &str, answer: &str) -> PathBuf {
    let guide = dir.join("guide");
    copy_files(&fixtures().join("minimal"), &guide);
    let question = toml_basic(question);
    fs::write(
        guide.join("faq.toml"),
        format!(
            "summary = \"Questions.\"\n\n[[questions]]\nid = \"q\"\nquestion = \"{question}\"\n\
             answer = '''\n{answer}\n'''\n"
        ),
    )
    .unwrap();
    guide
}

/// A string as the inside of a TOML basic string.
fn toml_basic(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

#[test]
fn dangerous_markup_and_links_are_rejected_at_load() {
    let cases = [
        ("script element", "<script>alert(1)</script>"),
        ("event handler", "x <img src=x onerror=\"alert(1)\"> y"),
        ("raw HTML block", "<div style=\"display:none\">hidden</div>"),
        ("HTML comment", "a <!-- hidden --> b"),
        ("CDATA", "a <![CDATA[ <b>x</b> ]]> b"),
        ("closing style tag", "a </style><p>x</p>"),
        ("javascript link", "[x](javascript:alert(1))"),
        ("mixed-case javascript", "[x](JaVaScRiPt:alert(1))"),
        ("entity-encoded javascript", "[x](&#106;avascript:alert(1))"),
        (
            "hex-entity javascript",
            "[x](&#x6A;avascript&colon;alert(1))",
        ),
        ("javascript with whitespace", "[x](<java script:alert(1)>)"),
        ("javascript with a tab", "[x](<javascript\t:alert(1)>)"),
        ("percent-encoded scheme", "[x](javascript%3Aalert(1))"),
        ("data link", "[x](data:text/html;base64,PHNjcmlwdD4=)"),
        ("vbscript link", "[x](VBScript:msgbox(1))"),
        ("autolink to javascript", "<javascript:alert(1)>"),
        ("reference link to data", "[x][r]\n\n[r]: data:text/html,x"),
        ("relative link", "[x](/etc/passwd)"),
        ("image", "![x](https://example.org/x.png)"),
        ("lists nested 1,000 deep", &("- ".repeat(1000) + "x")),
        ("quotes nested 1,000 deep", &(">".repeat(1000) + " x")),
        (
            "emphasis nested 1,000 deep",
            &("*a ".repeat(1000) + &"b*".repeat(1000)),
        ),
        ("bidirectional override", "a \u{202E}txt.exe"),
        ("noncharacter", "a \u{FFFF} b"),
    ];
    let dir = tempdir();
    let mut report = String::new();
    for (name, answer) in cases {
        let case = dir.path().join(name.replace([' ', ','], "-"));
        guide_with(&case, "Why?", answer);
        let output = run(&case, &["check", "--content", "guide"]);
        assert_eq!(output.status.code(), Some(1), "{name} was accepted");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("");
        let place = stderr.lines().nth(1).unwrap_or("").trim();
        let help = stderr
            .lines()
            .find(|l| l.contains("= help:"))
            .unwrap_or("")
            .trim();
        report.push_str(&format!("{name}:\n  {first}\n  {place}\n  {help}\n"));
    }
    insta::assert_snapshot!(report);
}

/// Markup characters in accepted text: in a question (plain text), escaped in prose, in code.
const MARKUP: &str = "Is <b>pay</b> & \"overtime\" > 'base' </style></script><!-- x -->?";

fn markup_guide(dir: &Path) -> Guide {
    let answer = "Yes \\<script\\>alert(1)\\</script\\> and `<img onerror=x>` & \
                  [a link](https://example.org/?a=1&b=<2>) [@src-a]";
    Guide::from_dir(guide_with(dir, MARKUP, answer)).unwrap()
}

#[test]
#[cfg_attr(
    any(missing = "epubcheck", missing = "pdf-tools", missing = "vnu"),
    ignore = "needs epubcheck, qpdf with poppler-utils and the Nu Html Checker, which `bash .ci/test` installs"
)]
fn markup_characters_in_text_stay_text_in_every_format() {
    let dir = tempdir();
    let guide = markup_guide(dir.path());
    let options = Options::new();

    let html = to_html(&guide, &options);
    for live in ["<b>", "<script", "<img", "<!--", "</style>"] {
        let body = &html[html.find("<body>").unwrap()..];
        assert!(!body.contains(live), "{live} is live in the HTML");
    }
    assert!(
        html.contains("Is &lt;b&gt;pay&lt;/b&gt; &amp; &quot;overtime&quot; &gt; &#39;base&#39;")
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("<code>&lt;img onerror=x&gt;</code>"));
    assert!(html.contains("href=\"https://example.org/?a=1&amp;b=%3C2%3E\""));
    // The JSON-LD block cannot be closed from inside.
    let start = html.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let ld = &html[start..html.find("</script>").unwrap()];
    assert!(!ld.contains('<') && !ld.contains('>'), "{ld}");

    let md = to_markdown(&guide, &options);
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, &md, &mht_guide_export::markdown_options());
    for node in root.descendants() {
        assert!(
            !matches!(
                node.data().value,
                NodeValue::HtmlInline(_) | NodeValue::HtmlBlock(_)
            ),
            "the Markdown export has raw HTML: {:?}",
            node.data().value
        );
    }

    let json: serde_json::Value =
        serde_json::from_str(&to_json(&guide, &options).unwrap()).unwrap();
    assert_eq!(json["faq"]["questions"][0]["question"], MARKUP);

    if let Some(jar) = vnu_jar() {
        let errors = crate::html::vnu_errors(&jar, &html);
        assert!(errors.is_empty(), "{errors:?}");
    }
    if let Some(jar) = crate::util::epubcheck_jar() {
        let book = to_epub(&guide, &options).unwrap();
        crate::epub::epubcheck(&jar, dir.path(), "markup.epub", &book);
    }
    if let Some(tools) = crate::pdf::tools() {
        crate::pdf::qpdf_check(&tools, &to_pdf(&guide, &options).unwrap());
    }
}

/// Unicode that is text, not trickery: joined emoji, combining marks, astral characters and
/// right-to-left letters.
const UNICODE: &str = "Family 👨\u{200D}👩\u{200D}👧, cafe\u{0301}, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, שלום, عربى, Ǆ ﬁ";

#[test]
#[cfg_attr(
    any(missing = "epubcheck", missing = "vnu"),
    ignore = "needs epubcheck and the Nu Html Checker, which `bash .ci/test` installs"
)]
fn unicode_text_stays_valid_in_every_format() {
    let dir = tempdir();
    let guide = Guide::from_dir(guide_with(
        dir.path(),
        UNICODE,
        &format!("{UNICODE} [@src-a]"),
    ))
    .unwrap();
    let options = Options::new();
    let composed = UNICODE.replace("cafe\u{0301}", "caf\u{e9}");
    let json: serde_json::Value =
        serde_json::from_str(&to_json(&guide, &options).unwrap()).unwrap();
    assert_eq!(json["faq"]["questions"][0]["question"], composed.as_str());
    let md = to_markdown(&guide, &options);
    assert!(md.contains(&composed));
    let html = to_html(&guide, &options);
    assert!(html.contains(&composed));
    if let Some(jar) = vnu_jar() {
        let errors = crate::html::vnu_errors(&jar, &html);
        assert!(errors.is_empty(), "{errors:?}");
    }
    if let Some(jar) = crate::util::epubcheck_jar() {
        let book = to_epub(&guide, &options).unwrap();
        crate::epub::epubcheck(&jar, dir.path(), "unicode.epub", &book);
    }
    // With its own fonts alone the PDF has no emoji, and names each (installed fonts differ
    // from machine to machine, so they are left out here); Liberation Sans has Hebrew, and
    // the compiled-in Noto Sans Arabic has Arabic.
    let mut bundled = Options::new();
    bundled.set_system_fonts(false);
    match to_pdf(&guide, &bundled) {
        Err(ExportError::Undrawable { characters }) => {
            let named: String = characters.iter().map(|c| c.character).collect();
            assert!(!named.contains('ع') && !named.contains('ש'), "{named}");
            assert!(named.contains('👨') && !named.contains('é'), "{named}");
        }
        other => panic!("expected the scripts without a font to be named, got {other:?}"),
    }
    // Without them, the PDF still cannot draw emoji, and names what it cannot draw.
    let ltr = UNICODE.replace(", שלום, عربى", "");
    let guide = Guide::from_dir(guide_with(dir.path(), &ltr, &format!("{ltr} [@src-a]"))).unwrap();
    {
        match to_pdf(&guide, &bundled) {
            Err(ExportError::Undrawable { characters, .. }) => {
                let named: String = characters.iter().map(|c| c.character).collect();
                assert!(named.contains('👨') && named.contains('👧'), "{named}");
                // Liberation Sans draws the accented letter and the ligature.
                assert!(!named.contains('é') && !named.contains('ﬁ'));
            }
            other => panic!("expected the undrawable characters to be named, got {other:?}"),
        }
    }
}

#[test]
#[cfg_attr(
    any(missing = "epubcheck", missing = "pdf-tools"),
    ignore = "needs epubcheck and qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn a_huge_paragraph_and_a_very_long_line_export_everywhere() {
    let dir = tempdir();
    let sentence = "Technicians observe, record and report what they see on every shift. ";
    let paragraph = sentence.repeat(5_000_000 / sentence.len() + 1);
    let line = "x".repeat(100_000);
    let guide = Guide::from_dir(guide_with(
        dir.path(),
        "Why?",
        &format!("{paragraph}\n\n{line} [@src-a]"),
    ))
    .unwrap();
    let options = Options::new();
    assert!(to_markdown(&guide, &options).contains(&line));
    assert!(to_json(&guide, &options).unwrap().contains(&line));
    assert!(to_html(&guide, &options).contains(&line));
    let book = to_epub(&guide, &options).unwrap();
    if let Some(jar) = crate::util::epubcheck_jar() {
        crate::epub::epubcheck(&jar, dir.path(), "huge.epub", &book);
    }
    let pdf = to_pdf(&guide, &options).unwrap();
    if let Some(tools) = crate::pdf::tools() {
        crate::pdf::qpdf_check(&tools, &pdf);
        let file = crate::pdf::write(dir.path(), &pdf);
        // The page footers sit between the pages' text; they are left out.
        let text: String = crate::pdf::page_texts(&tools, &file)
            .concat()
            .lines()
            .filter(|l| !(l.starts_with("Minimal Guide") || l.starts_with("Page ")))
            .collect::<String>()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // The long line is broken over lines, but every character of it is there.
        assert!(
            text.contains(&line),
            "the 100,000-character line lost characters"
        );
        assert!(text.matches("Techniciansobserve,recordandreport").count() >= 70_000);
    }
}
