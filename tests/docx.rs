//! Word documents: their structure read in-process, then as python-docx, pandoc and
//! LibreOffice read them.

use std::collections::BTreeSet;
use std::io::Read;
use std::process::Command;

use mht_guide::Guide;
use mht_guide_export::{Document, Options, Preset, to_docx};

use crate::util::{logo, run, tempdir, transcript};

/// The package's parts, by name.
fn parts(docx: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn text(parts: &std::collections::BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts[name].clone()).unwrap()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The text of a paragraph's runs.
fn paragraph_text(p: roxmltree::Node<'_, '_>) -> String {
    p.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect()
}

/// A paragraph's style, if it has one.
fn style(p: roxmltree::Node<'_, '_>) -> Option<String> {
    p.children()
        .find(|n| n.has_tag_name((W, "pPr")))?
        .children()
        .find(|n| n.has_tag_name((W, "pStyle")))?
        .attribute((W, "val"))
        .map(str::to_owned)
}

/// The cases: the full English guide, a branded Spanish fact sheet, the Arabic FAQ.
fn cases() -> Vec<(&'static str, &'static Guide, Options)> {
    let branded = Options::new()
        .with_preset(Preset::FactSheet)
        .with_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
        .with_contact(mht_guide::Text::parse("Career Center · 555-0100").unwrap())
        .with_logo(logo())
        .with_qr("https://riverside.example.edu/careers".parse().unwrap());
    vec![
        ("en full", mht_guide::guide(), Options::new()),
        ("es fact sheet", mht_guide::edition("es").unwrap(), branded),
        (
            "ar faq",
            mht_guide::edition("ar").unwrap(),
            Options::new().with_preset(Preset::Faq),
        ),
    ]
}

/// What a program prints as JSON; fails the test when it fails.
fn json_of(command: &mut Command) -> serde_json::Value {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The section headings as a document of `guide` with `options` numbers them.
fn headings(guide: &Guide, options: &Options) -> Vec<String> {
    let doc = Document::from_options(guide, options);
    doc.sections.iter().map(|s| s.heading(doc.labels)).collect()
}

/// The document of `guide`, written to `<dir>/<name>.docx`.
fn written(
    dir: &std::path::Path,
    name: &str,
    guide: &Guide,
    options: &Options,
) -> std::path::PathBuf {
    let path = dir.join(format!("{name}.docx"));
    std::fs::write(&path, to_docx(guide, options).unwrap()).unwrap();
    path
}

#[test]
fn a_word_document_has_its_structure_in_the_file() {
    for (case, guide, options) in cases() {
        let docx = to_docx(guide, &options).unwrap();
        // The same guide and options give the same bytes.
        assert_eq!(docx, to_docx(guide, &options).unwrap(), "{case}");
        let parts = parts(&docx);
        for part in [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/numbering.xml",
            "word/footer1.xml",
        ] {
            assert!(parts.contains_key(part), "{case}: no {part}");
        }
        let document = text(&parts, "word/document.xml");
        let xml = roxmltree::Document::parse(&document).unwrap();
        let doc = Document::from_options(guide, &options);
        let paragraphs: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .collect();
        // Each section is a Heading 1, in order; the title is the Title.
        let found: Vec<String> = paragraphs
            .iter()
            .filter(|p| style(**p).as_deref() == Some("Heading1"))
            .map(|p| paragraph_text(*p))
            .collect();
        assert_eq!(found, headings(guide, &options), "{case}");
        let title = paragraphs
            .iter()
            .find(|p| style(**p).as_deref() == Some("Title"))
            .map(|p| paragraph_text(*p));
        assert_eq!(title.as_deref(), Some(doc.meta.title.as_str()), "{case}");
        // Every table is named, and its first row is a header row repeated on every page.
        let tables: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name((W, "tbl")))
            .collect();
        // The FAQ has no table; the others have several.
        assert_eq!(tables.is_empty(), case.ends_with("faq"), "{case}");
        for table in &tables {
            let caption = table
                .descendants()
                .find(|n| n.has_tag_name((W, "tblCaption")))
                .and_then(|n| n.attribute((W, "val")));
            assert!(
                caption.is_some_and(|c| !c.is_empty()),
                "{case}: a table has no caption"
            );
            let first = table
                .children()
                .find(|n| n.has_tag_name((W, "tr")))
                .unwrap();
            assert!(
                first
                    .descendants()
                    .any(|n| n.has_tag_name((W, "tblHeader"))),
                "{case}: a table's first row is not a header row"
            );
        }
        // Every picture is described, or marked decorative.
        for picture in xml.descendants().filter(|n| n.tag_name().name() == "docPr") {
            let descr = picture.attribute("descr").unwrap_or("");
            let decorative = picture
                .descendants()
                .any(|n| n.tag_name().name() == "decorative" && n.attribute("val") == Some("1"));
            assert!(
                descr.is_empty() == decorative,
                "{case}: picture {:?} is neither described nor decorative, or both",
                picture.attribute("name")
            );
        }
        // Every link inside the document has its bookmark; every relationship it uses is
        // there, and every picture's file.
        let bookmarks: BTreeSet<&str> = xml
            .descendants()
            .filter(|n| n.has_tag_name((W, "bookmarkStart")))
            .filter_map(|n| n.attribute((W, "name")))
            .collect();
        let anchors: Vec<&str> = xml
            .descendants()
            .filter_map(|n| n.attribute((W, "anchor")))
            .collect();
        assert!(!anchors.is_empty(), "{case}");
        for anchor in anchors {
            assert!(bookmarks.contains(anchor), "{case}: no bookmark {anchor}");
        }
        let rels = text(&parts, "word/_rels/document.xml.rels");
        let rels = roxmltree::Document::parse(&rels).unwrap();
        let targets: std::collections::BTreeMap<&str, (&str, bool)> = rels
            .descendants()
            .filter(|n| n.tag_name().name() == "Relationship")
            .map(|n| {
                let external = n.attribute("TargetMode") == Some("External");
                (
                    n.attribute("Id").unwrap(),
                    (n.attribute("Target").unwrap(), external),
                )
            })
            .collect();
        for id in xml
            .descendants()
            .filter_map(|n| n.attribute((R, "id")).or_else(|| n.attribute((R, "embed"))))
        {
            let (target, external) = targets
                .get(id)
                .unwrap_or_else(|| panic!("{case}: no relationship {id}"));
            if !external {
                assert!(
                    parts.contains_key(&format!("word/{target}")),
                    "{case}: {target}"
                );
            }
        }
        // The language is set on the text, and on the file; Arabic runs right to left.
        let language = doc.language().as_str();
        let styles = text(&parts, "word/styles.xml");
        // Word keeps languages by script: Arabic text is tagged as its complex script's
        // language, the Latin names and addresses among it as English.
        let rtl = case.starts_with("ar");
        let tagged = match rtl {
            true => "<w:lang w:val=\"en-US\" w:bidi=\"ar-SA\"/>".to_owned(),
            false => format!("<w:lang w:val=\"{language}\"/>"),
        };
        assert!(styles.contains(&tagged), "{case}");
        let core = text(&parts, "docProps/core.xml");
        assert!(
            core.contains(&format!("<dc:language>{language}</dc:language>")),
            "{case}"
        );
        assert!(
            core.contains(&format!(
                "<dc:title>{}</dc:title>",
                doc.title.replace('&', "&amp;")
            )),
            "{case}"
        );
        assert_eq!(document.contains("<w:bidi/>"), rtl, "{case}");
        // The footer numbers its pages with fields Word fills in.
        let footer = text(&parts, "word/footer1.xml");
        assert!(
            footer.contains(" PAGE ") && footer.contains(" NUMPAGES "),
            "{case}"
        );
    }
    // The branded sheet's logo is decorative and its QR code described as what it is.
    let (_, guide, options) = &cases()[1];
    let document = text(
        &parts(&to_docx(guide, options).unwrap()),
        "word/document.xml",
    );
    let qr = guide.labels.qr_code.as_str();
    assert!(document.contains(&format!("descr=\"{qr}\"")));
    assert!(document.contains("<adec:decorative"));
}

/// python-docx's view, as JSON: the styles of the paragraphs, the core properties, the
/// pictures' descriptions, whether each table's first row repeats, and the default language.
const READ_BACK: &str = r#"
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = d.element.body
tables = []
for t in d.tables:
    tr = t.rows[0]._tr
    tables.append(tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None)
pictures = [s._inline.docPr.get("descr") for s in d.inline_shapes]
lang = d.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
print(json.dumps({
    "styles": [p.style.name for p in d.paragraphs],
    "headings": [p.text for p in d.paragraphs if p.style.name == "Heading 1"],
    "title": d.core_properties.title,
    "language": d.core_properties.language,
    "tables": tables,
    "pictures": pictures,
    "lang": lang.get(qn("w:val")),
    "bidi": lang.get(qn("w:bidi")),
    "links": len(body.findall(".//" + qn("w:hyperlink"))),
}))
"#;

#[test]
#[cfg_attr(
    missing = "python-docx",
    ignore = "needs python-docx, which `bash .ci/test` installs"
)]
fn python_docx_reads_its_styles_pictures_header_rows_and_language() {
    let dir = tempdir();
    for (case, guide, options) in cases() {
        let path = written(dir.path(), "guide", guide, &options);
        let read = json_of(Command::new("python3").args(["-c", READ_BACK]).arg(&path));
        let doc = Document::from_options(guide, &options);
        assert_eq!(
            read["headings"],
            serde_json::json!(headings(guide, &options)),
            "{case}"
        );
        let styles: Vec<&str> = read["styles"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s.as_str())
            .collect();
        // The title comes first (after a logo), before any heading.
        let title = styles.iter().position(|s| *s == "Title");
        let heading = styles.iter().position(|s| *s == "Heading 1");
        assert!(title.is_some() && title < heading, "{case}: {styles:?}");
        assert!(styles.contains(&"Subtitle"), "{case}");
        assert_eq!(
            styles.contains(&"Caption"),
            !case.ends_with("faq"),
            "{case}"
        );
        assert!(styles.contains(&"List Paragraph"), "{case}");
        assert_eq!(read["title"], doc.title.as_str(), "{case}");
        assert_eq!(read["language"], doc.language().as_str(), "{case}");
        if case.starts_with("ar") {
            assert_eq!(
                (&read["lang"], &read["bidi"]),
                (&"en-US".into(), &"ar-SA".into()),
                "{case}"
            );
        } else {
            assert_eq!(read["lang"], doc.language().as_str(), "{case}");
        }
        let tables = read["tables"].as_array().unwrap();
        assert_eq!(tables.is_empty(), case.ends_with("faq"), "{case}");
        assert!(tables.iter().all(|t| t == true), "{case}: {tables:?}");
        assert!(read["links"].as_u64().unwrap() > 0, "{case}");
        if case == "es fact sheet" {
            let pictures = read["pictures"].as_array().unwrap();
            // The logo (decorative, no description), the QR code, then the chart bars.
            assert_eq!(pictures[0], "", "{case}");
            assert_eq!(pictures[1], guide.labels.qr_code.as_str(), "{case}");
        }
    }
}

#[test]
#[cfg_attr(
    missing = "pandoc",
    ignore = "needs pandoc, which `bash .ci/test` installs"
)]
fn pandoc_reads_back_its_headings_tables_and_links() {
    let Some(pandoc) = crate::util::validator("pandoc", "PANDOC", "--version") else {
        return;
    };
    let dir = tempdir();
    for (case, guide, options) in cases() {
        let path = written(dir.path(), "guide", guide, &options);
        let json = json_of(
            Command::new(&pandoc)
                .args(["-f", "docx", "-t", "json"])
                .arg(&path),
        );
        let mut count = std::collections::BTreeMap::<(String, i64), usize>::new();
        fn walk(
            v: &serde_json::Value,
            count: &mut std::collections::BTreeMap<(String, i64), usize>,
        ) {
            match v {
                serde_json::Value::Object(o) => {
                    if let Some(t) = o.get("t").and_then(|t| t.as_str()) {
                        let level = match t {
                            "Header" => o["c"][0].as_i64().unwrap_or(0),
                            _ => 0,
                        };
                        *count.entry((t.to_owned(), level)).or_default() += 1;
                    }
                    o.values().for_each(|v| walk(v, count));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, count)),
                _ => {}
            }
        }
        walk(&json["blocks"], &mut count);
        let doc = Document::from_options(guide, &options);
        let get = |t: &str, level: i64| count.get(&(t.to_owned(), level)).copied().unwrap_or(0);
        assert_eq!(get("Header", 1), doc.sections.len(), "{case}: {count:?}");
        let tables = to_docx(guide, &options).unwrap();
        let document = text(&parts(&tables), "word/document.xml");
        assert_eq!(
            get("Table", 0),
            document.matches("<w:tbl>").count(),
            "{case}"
        );
        assert!(get("Link", 0) >= doc.references.len(), "{case}: {count:?}");
    }
}

#[test]
#[cfg_attr(
    any(missing = "libreoffice", missing = "pdf-tools"),
    ignore = "needs LibreOffice and poppler-utils, which `bash .ci/test` installs"
)]
fn libreoffice_opens_it_and_prints_its_headings() {
    let Some(tools) = crate::pdf::tools() else {
        return;
    };
    let dir = tempdir();
    for (i, (case, guide, options)) in cases().into_iter().enumerate() {
        let name = format!("case{i}");
        let path = written(dir.path(), &name, guide, &options);
        // A profile of its own, so that a LibreOffice already running is not asked instead.
        let profile = format!("file://{}", dir.path().join("profile").display());
        let out = Command::new(std::env::var_os("SOFFICE").unwrap_or_else(|| "soffice".into()))
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&path)
            .output()
            .unwrap();
        let pdf = dir.path().join(format!("{name}.pdf"));
        assert!(
            out.status.success() && pdf.is_file(),
            "{case}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let file = pdf.to_str().unwrap();
        // LibreOffice makes the PDF's outline of the document's headings: the sections are
        // its top level, in order.
        let json = crate::pdf::output(&tools.qpdf, &["--json", "--json-key=outlines", file]);
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        let outline: Vec<&str> = json["outlines"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| o["title"].as_str())
            .collect();
        assert_eq!(outline, headings(guide, &options), "{case}");
        let doc = Document::from_options(guide, &options);
        let pages = crate::pdf::page_texts(&tools, file);
        let all: String = pages
            .concat()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for section in &doc.sections {
            // poppler gives right-to-left text in reading order; compare words alone.
            let heading: String = section
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(all.contains(&heading), "{case}: no heading {heading:?}");
        }
    }
}

#[test]
fn the_command_writes_a_word_document() {
    let dir = tempdir();
    let output = run(dir.path(), &["export", "-o", "guide.docx"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let written = std::fs::read(dir.path().join("guide.docx")).unwrap();
    assert_eq!(
        written,
        to_docx(mht_guide::guide(), &Options::new()).unwrap()
    );
    let output = run(
        dir.path(),
        &["export", "--format", "docx", "--preset", "faq", "-o", "-"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(output.stdout.starts_with(b"PK"));
}
