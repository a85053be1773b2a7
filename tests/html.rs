//! The HTML export, checked by the Nu Html Checker and by a real browser.

use std::fs;
use std::path::Path;
use std::process::Command;

use mht_guide::Guide;
use mht_guide_export::{Options, Preset, to_html};

use crate::util::{browser, fixtures, tempdir, vnu_jar};

fn html(options: &Options) -> String {
    to_html(mht_guide::guide(), options)
}

fn branded_fact_sheet() -> Options {
    let mut options = Options::new().preset(Preset::FactSheet);
    options
        .set_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
        .set_contact(
            mht_guide::Text::parse("Career Center · 555-0100 · careers.example.edu").unwrap(),
        );
    options
}

#[test]
fn full_guide() {
    insta::assert_snapshot!(html(&Options::new()));
}

#[test]
fn minimal_fixture() {
    let guide = Guide::from_dir(fixtures().join("minimal")).unwrap();
    insta::assert_snapshot!(to_html(&guide, &Options::new()));
}

#[test]
fn exporting_twice_gives_the_same_text() {
    assert_eq!(html(&Options::new()), html(&Options::new()));
}

/// Content text is escaped everywhere it appears, so nothing from the content becomes markup.
#[test]
fn content_text_is_escaped() {
    let dir = tempdir();
    let guide_dir = dir.path().join("guide");
    crate::util::copy_files(&fixtures().join("minimal"), &guide_dir);
    fs::write(
        guide_dir.join("faq.toml"),
        "summary = \"Questions.\"\n\n[[questions]]\nid = \"why\"\n\
         question = \"Is <b>pay</b> & 'benefits' \\\"good\\\"?\"\n\
         answer = \"Pay \\\\<script\\\\> & more [@src-a]\"\n",
    )
    .unwrap();
    let guide = Guide::from_dir(&guide_dir).unwrap();
    let page = to_html(&guide, &Options::new());
    assert!(page.contains("Is &lt;b&gt;pay&lt;/b&gt; &amp; &#39;benefits&#39; &quot;good&quot;?"));
    assert!(page.contains("Pay &lt;script&gt; &amp; more"));
    assert!(!page.contains("<b>") && !page.contains("<script>"));
}

/// What the Nu Html Checker reports that is not about `epub:type`, for a file parsed as HTML
/// (`.html`) and as XML (`.xhtml`); and how many reports are about `epub:type`.
///
/// HTML does not define the EPUB namespace, so the checker reports each `epub:type` attribute
/// (and, as HTML, the `xmlns:epub` declaration). Those reports are counted against the
/// attributes the page really has; anything else is an error.
pub(crate) fn vnu_errors(jar: &Path, page: &str) -> (Vec<String>, usize) {
    let dir = tempdir();
    let files = [dir.path().join("page.html"), dir.path().join("page.xhtml")];
    for f in &files {
        fs::write(f, page).unwrap();
    }
    let out = Command::new("java")
        .args(["-jar"])
        .arg(jar)
        .args(["--errors-only", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice(&out.stdout))
        .unwrap_or_else(|e| {
            panic!(
                "vnu output is not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let mut other = Vec::new();
    let mut epub = 0;
    for m in report["messages"].as_array().into_iter().flatten() {
        let text = m["message"].as_str().unwrap_or("");
        let extract = m["extract"].as_str().unwrap_or("");
        let about_epub = text.contains("xmlns:epub")
            || text.contains("epub:type")
            || (text.starts_with("Attribute “type” not allowed") && extract.contains("epub:type"));
        if about_epub {
            epub += 1;
        } else {
            other.push(format!(
                "{}: {text} [{extract}]",
                m["url"].as_str().unwrap_or("")
            ));
        }
    }
    (other, epub)
}

#[test]
fn the_nu_html_checker_finds_no_errors() {
    let Some(jar) = vnu_jar() else { return };
    for options in [
        Options::new(),
        Options::new().sections("definition,salary-outlook".parse().unwrap()),
        branded_fact_sheet(),
        Options::new().preset(Preset::Faq),
    ] {
        let page = html(&options);
        let (errors, epub) = vnu_errors(&jar, &page);
        assert!(errors.is_empty(), "vnu errors:\n{}", errors.join("\n"));
        // As HTML and as XML: each epub:type attribute, plus the namespace declaration as HTML.
        let attributes = page.matches(" epub:type=\"").count();
        assert_eq!(epub, 2 * attributes + 1, "unexpected epub:type reports");
    }
}

#[test]
fn a_real_browser_shows_it_accessibly() {
    let Some(modules) = browser() else { return };
    let Some(pdftotext) = crate::util::validator("pdftotext", "PDFTOTEXT", "-v") else {
        return;
    };
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    fs::create_dir_all(&out).unwrap();
    let page = out.join("guide.html");
    fs::write(&page, html(&Options::new())).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/check.cjs");
    let run = Command::new("node")
        .arg(&script)
        .arg(&page)
        .arg(&out)
        .env("MHT_NODE_MODULES", &modules)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["console"], serde_json::json!([]), "console errors");
    assert_eq!(
        report["violations"],
        serde_json::json!([]),
        "axe-core violations"
    );
    let toc = report["toc"].as_array().unwrap();
    assert_eq!(toc.len(), mht_guide::SectionId::ALL.len());
    for link in toc {
        assert_eq!(
            link["ok"], true,
            "contents link does not reach its section: {link}"
        );
    }
    assert!(
        report["phoneOverflow"].as_i64().unwrap() <= 0,
        "the page scrolls sideways on a phone"
    );
    for shot in ["desktop", "phone"] {
        assert!(out.join(format!("{shot}.png")).exists());
    }

    // Printed, every section starts a page.
    let text = Command::new(pdftotext)
        .arg(out.join("print.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let first_lines: Vec<&str> = text
        .split('\u{c}')
        .filter_map(|page| page.lines().find(|l| !l.trim().is_empty()))
        .collect();
    for section in
        mht_guide_export::Document::compose(mht_guide::guide(), &Default::default()).sections
    {
        let heading = format!("{}.\u{a0}{}", section.number, section.title);
        let plain = heading.replace('\u{a0}', " ");
        assert!(
            first_lines.iter().any(|l| *l == heading || *l == plain),
            "“{plain}” does not start a printed page; pages start with: {first_lines:?}"
        );
    }
}
