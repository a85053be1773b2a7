//! The words the exporters add come from the edition's labels: built in for English and
//! Spanish, and set or overridden in an edition's `[labels]`, checked on load like any field.

use mht_guide::Guide;
use mht_guide_export::{Options, to_markdown};

/// The embedded guide's files, with `[labels]` appended to its guide.toml.
fn with_labels(labels: &str) -> Vec<(&'static str, String)> {
    mht_guide::EMBEDDED_FILES
        .iter()
        .map(|&(name, text)| {
            let mut text = text.to_owned();
            if name == mht_guide::GUIDE_FILE {
                text.push_str("\n[labels]\n");
                text.push_str(labels);
            }
            (name, text)
        })
        .collect()
}

fn problems(labels: &str) -> Vec<String> {
    let err = Guide::from_files("ours", with_labels(labels)).unwrap_err();
    err.diagnostics().iter().map(ToString::to_string).collect()
}

#[test]
fn an_edition_overrides_a_label_and_every_format_prints_it() {
    let guide = Guide::from_files(
        "ours",
        with_labels("contents = \"In this guide\"\npage_of = \"{page} / {total}\"\n"),
    )
    .unwrap();
    assert_eq!(guide.labels.contents.as_str(), "In this guide");
    // The others still come from the built-in set of the edition's language.
    assert_eq!(
        guide.labels.section_faq.as_str(),
        "Frequently asked questions"
    );
    let md = to_markdown(&guide, &Options::new());
    assert!(md.contains("\n## In this guide\n"), "{md}");
    assert!(!md.contains("\n## Contents\n"));
}

#[test]
fn a_label_with_a_wrong_placeholder_is_an_error_at_its_place() {
    let found = problems("page_of = \"Page {page}\"\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("ours/guide.toml:14:11: error: this label must show `{total}`"),
        "{found:?}"
    );
    let found = problems("page = \"Page {number}\"\n");
    assert!(
        found[0].contains("`{number}` is not a placeholder this label has; it takes `{page}`"),
        "{found:?}"
    );
    let found = problems("contents = \"Contents {\"\n");
    assert!(found[0].contains("a `{` is never closed"), "{found:?}");
    let found = problems("months = \"Jan, Feb\"\n");
    assert!(found[0].contains("twelve month names"), "{found:?}");
}

#[test]
fn an_unknown_label_is_named() {
    let found = problems("contnets = \"In this guide\"\n");
    assert!(
        found[0].starts_with(
            "ours/guide.toml:14:1: error: unknown field `contnets`; did you mean `contents`?"
        ),
        "{found:?}"
    );
}

#[test]
fn a_language_with_no_built_in_set_must_give_every_label() {
    let files: Vec<(&str, String)> = with_labels("contents = \"Mục lục\"\n")
        .into_iter()
        .map(|(name, text)| {
            (
                name,
                text.replace("language = \"en-US\"", "language = \"vi\""),
            )
        })
        .collect();
    let err = Guide::from_files("ours", files).unwrap_err();
    let found: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    // `contents` is given, and `in_area`, added later, has a default.
    let missing = mht_guide::Labels::NAMES.len() - 2;
    assert!(!found[0].contains("`in_area`"), "{found:?}");
    assert!(
        found[0].starts_with(&format!(
            "ours/guide.toml:13:1: error: {missing} labels are missing: `section_definition`"
        )),
        "{found:?}"
    );
    assert!(
        found[0].contains("no label set is built in for `vi`"),
        "{found:?}"
    );
}

#[test]
fn the_built_in_sets_give_every_label() {
    for (tag, path, _) in mht_guide::labels::BUILT_IN {
        let files: Vec<(&str, String)> = mht_guide::EMBEDDED_FILES
            .iter()
            .map(|&(name, text)| {
                let text = text.replace("language = \"en-US\"", &format!("language = \"{tag}\""));
                (name, text)
            })
            .collect();
        if let Err(err) = Guide::from_files("ours", files) {
            panic!("{path}: {err}");
        }
    }
}

/// The words of the built-in English labels, as they could show in an export: each label's
/// text between its placeholders, trimmed of punctuation, where that text has a word of at
/// least four letters and is not a lone lowercase word (which could be a JSON key or value).
fn english_pieces() -> Vec<String> {
    let english = &mht_guide::guide().labels;
    let spanish = &mht_guide::edition("es").unwrap().labels;
    let mut pieces = Vec::new();
    for name in mht_guide::Labels::NAMES {
        let (en, es) = (label(english, name), label(spanish, name));
        if en == es {
            continue; // The same in both languages, such as `{caption}, {period}`.
        }
        for piece in en.pieces() {
            let mht_guide::labels::Piece::Text(text) = piece else {
                continue;
            };
            let text = text.trim_matches(|c: char| !c.is_alphanumeric());
            let lone_lowercase =
                !text.contains(' ') && text.chars().next().is_some_and(char::is_lowercase);
            let has_word = text
                .split(' ')
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4);
            if has_word && !lone_lowercase && !pieces.iter().any(|p| p == text) {
                pieces.push(text.to_owned());
            }
        }
    }
    pieces
}

/// A label by its name.
fn label<'l>(labels: &'l mht_guide::Labels, name: &str) -> &'l mht_guide::Label {
    labels
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, l)| l)
        .unwrap()
}

/// Every export of a guide in every format and preset, as text to search: the Markdown, the
/// HTML without its stylesheet and JSON-LD (CSS and schema.org's vocabulary are not words for
/// readers), every file of the EPUB, the JSON, and of the PDF the text poppler extracts and
/// every string in the file (link descriptions, alternative texts, metadata).
fn every_export(guide: &Guide) -> Vec<(String, String)> {
    use mht_guide_export::{Preset, to_epub, to_json, to_pdf};
    let mut out = Vec::new();
    let tools = crate::pdf::tools();
    for preset in [Preset::Full, Preset::FactSheet, Preset::Faq] {
        let options = Options::new().with_preset(preset);
        let name = |format: &str| format!("{preset:?} {format}");
        out.push((name("md"), to_markdown(guide, &options)));
        out.push((
            name("html"),
            without_code(&mht_guide_export::to_html(guide, &options)),
        ));
        out.push((name("json"), to_json(guide, &options).unwrap()));
        let book = to_epub(guide, &options).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let mut text = String::new();
            if std::io::Read::read_to_string(&mut file, &mut text).is_ok() {
                out.push((
                    format!("{} {}", name("epub"), file.name().unwrap_or_default()),
                    without_code(&text),
                ));
            }
        }
        let pdf = to_pdf(guide, &options).unwrap();
        out.push((name("pdf strings"), pdf_strings(&pdf)));
        if let Some(tools) = &tools {
            let dir = crate::util::tempdir();
            let file = crate::pdf::write(dir.path(), &pdf);
            out.push((
                name("pdf text"),
                crate::pdf::page_texts(tools, &file).join("\n"),
            ));
        }
    }
    out
}

/// HTML without `<style>` and `<script>` blocks.
fn without_code(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<style").or_else(|| rest.find("<script")) {
        let start = [rest.find("<style"), rest.find("<script")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(start);
        out.push_str(&rest[..start]);
        let close = if rest[start..].starts_with("<style") {
            "</style>"
        } else {
            "</script>"
        };
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// Every string object of a PDF, decoded, and its decompressed streams that are text (the
/// XMP metadata).
fn pdf_strings(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut out = String::new();
    fn walk(object: &lopdf::Object, out: &mut String) {
        match object {
            lopdf::Object::String(bytes, _) => {
                // A text string (UTF-16 or PDFDocEncoding); a content string's codes as
                // they are.
                let text = lopdf::decode_text_string(object)
                    .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned());
                out.push_str(&text);
                out.push('\n');
            }
            lopdf::Object::Array(items) => items.iter().for_each(|o| walk(o, out)),
            lopdf::Object::Dictionary(d) => d.iter().for_each(|(_, o)| walk(o, out)),
            lopdf::Object::Stream(s) => {
                s.dict.iter().for_each(|(_, o)| walk(o, out));
                if s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Metadata") {
                    let data = s
                        .decompressed_content()
                        .unwrap_or_else(|_| s.content.clone());
                    out.push_str(&String::from_utf8_lossy(&data));
                }
            }
            _ => {}
        }
    }
    for object in doc.objects.values() {
        walk(object, &mut out);
    }
    out
}

/// Fails on any English label word in an export, outside `allowed` (proper names the
/// edition's own text uses in English).
fn assert_no_english_label(guide: &Guide, allowed: &[&str]) {
    let pieces = english_pieces();
    assert!(pieces.len() > 100, "{} pieces", pieces.len());
    let mut found = Vec::new();
    for (name, text) in every_export(guide) {
        // Words wrap at any space, in the HTML source as on the page.
        let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for keep in allowed {
            let keep = &keep.split_whitespace().collect::<Vec<_>>().join(" ");
            // As written, and as HTML and XML escape it.
            let escaped = keep.replace('&', "&amp;");
            text = text.replace(keep, "").replace(&escaped, "");
        }
        for piece in &pieces {
            if let Some(at) = find_word(&text, piece) {
                let before: String = text[..at].chars().rev().take(40).collect();
                let before: String = before.chars().rev().collect();
                let after: String = text[at..].chars().take(piece.len() + 40).collect();
                found.push(format!("{name}: {piece:?} in …{before}{after}…"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English labels in the exports:\n{}",
        found.join("\n")
    );
}

/// Where `text` holds `piece` as whole words, if it does.
fn find_word(text: &str, piece: &str) -> Option<usize> {
    text.match_indices(piece)
        .find(|&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + piece.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(at, _)| at)
}

/// What the Spanish edition keeps in English: the names of the works it cites, of the bodies
/// that publish them and of the boards, credentials and programs, and the English job titles
/// it gives beside the Spanish ones, so a reader knows them in a posting.
fn spanish_keeps(guide: &Guide) -> Vec<String> {
    let mut keep: Vec<String> = Vec::new();
    for s in &guide.sources.sources {
        keep.extend([
            s.title.to_string(),
            s.publisher.to_string(),
            s.url.to_string(),
        ]);
    }
    for l in &guide.education.state_licenses {
        keep.extend([l.credential.to_string(), l.board.to_string()]);
    }
    for c in &guide.education.certifications {
        keep.extend([c.name.to_string(), c.issuer.to_string()]);
    }
    keep.extend(
        guide
            .definition
            .alternate_titles
            .iter()
            .map(ToString::to_string),
    );
    keep.extend(
        [
            "Pharmacy Technician Certification Board",
            "Certified Psychiatric Technician",
            "Department of Consumer Affairs",
            "License Search",
            "Occupational Requirements Survey",
            "Arkansas Register",
        ]
        .map(String::from),
    );
    // The longest first, so that a name inside a longer one goes with it.
    keep.sort_by_key(|k| std::cmp::Reverse(k.len()));
    keep
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn the_spanish_edition_has_no_english_label_in_any_export() {
    let guide = mht_guide::edition("es").unwrap();
    let keep = spanish_keeps(guide);
    let keep: Vec<&str> = keep.iter().map(String::as_str).collect();
    assert_no_english_label(guide, &keep);
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn an_edition_in_a_language_with_no_built_in_set_prints_only_its_labels() {
    let guide = Guide::from_dir(crate::util::fixtures().join("vietnamese")).unwrap();
    assert_eq!(guide.labels.contents.as_str(), "Mục lục");
    // The works cited keep the titles and publishers they are published under.
    let cited: Vec<String> = guide
        .sources
        .sources
        .iter()
        .flat_map(|s| [s.title.to_string(), s.publisher.to_string()])
        .collect();
    let cited: Vec<&str> = cited.iter().map(String::as_str).collect();
    assert_no_english_label(&guide, &cited);
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn the_check_finds_an_english_label_left_in() {
    // The same check, on an edition that kept one English label: it must fail.
    let mut files: Vec<(&str, String)> = crate::util::spanish()
        .files
        .iter()
        .map(|&(n, t)| (n, t.to_owned()))
        .collect();
    files[0].1.push_str("\n[labels]\ncontents = \"Contents\"\n");
    let base = std::path::Path::new(crate::util::spanish().dir);
    let guide = Guide::from_files(base, files).unwrap();
    let keep = spanish_keeps(&guide);
    let keep: Vec<&str> = keep.iter().map(String::as_str).collect();
    let caught = std::panic::catch_unwind(|| assert_no_english_label(&guide, &keep));
    assert!(caught.is_err(), "the check missed the English `Contents`");
}
