//! One table of contents everywhere: the HTML page's contents, the EPUB navigation document
//! and the PDF outline hold the same nested entries, in the same order, as the compose step's
//! `Document::contents`.

use std::io::{Cursor, Read};

use lopdf::{Document as Pdf, Object};
use mht_guide_export::{Document, Options, Preset, to_epub, to_html, to_pdf};

/// An entry as a format gives it: its title, its anchor, its children.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    title: String,
    anchor: String,
    children: Vec<Entry>,
}

/// The entries of the `<nav>` with `id="toc"` in an XHTML document. An anchor is the link's
/// fragment, or, for a link to a whole EPUB section document (`03-education.xhtml`), the name
/// after the number.
fn nav_entries(xhtml: &str) -> Vec<Entry> {
    let doc = crate::util::parse_xhtml(xhtml);
    let nav = doc
        .descendants()
        .find(|n| n.has_tag_name("nav") && n.attribute("id") == Some("toc"))
        .expect("a contents nav");
    fn list(ol: roxmltree::Node<'_, '_>) -> Vec<Entry> {
        ol.children()
            .filter(|n| n.has_tag_name("li"))
            .map(|li| {
                let a = li
                    .children()
                    .find(|n| n.has_tag_name("a"))
                    .expect("a link in every entry");
                let href = a.attribute("href").unwrap_or("");
                let anchor = match href.split_once('#') {
                    Some((_, fragment)) => fragment.to_owned(),
                    None => href
                        .trim_end_matches(".xhtml")
                        .split_once('-')
                        .map_or(href, |(_, name)| name)
                        .to_owned(),
                };
                Entry {
                    title: a
                        .descendants()
                        .filter(|t| t.is_text())
                        .filter_map(|t| t.text())
                        .collect(),
                    anchor,
                    children: li
                        .children()
                        .find(|n| n.has_tag_name("ol"))
                        .map(list)
                        .unwrap_or_default(),
                }
            })
            .collect()
    }
    list(
        nav.children()
            .find(|n| n.has_tag_name("ol"))
            .expect("a list"),
    )
}

/// A PDF text string: UTF-16BE with a byte order mark, or PDFDocEncoding.
fn text(object: &Object) -> String {
    lopdf::decode_text_string(object).expect("a text string")
}

/// The PDF outline's titles, nested as the outline nests them (anchors are not in a PDF).
fn outline_titles(pdf: &[u8]) -> Vec<(String, Vec<String>)> {
    let doc = Pdf::load_mem(pdf).unwrap();
    let siblings = |first: Option<&Object>| -> Vec<&lopdf::Dictionary> {
        let mut out = Vec::new();
        let mut next = first.and_then(|o| o.as_reference().ok());
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            out.push(item);
            next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
        out
    };
    let outlines = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .map(|id| doc.get_dictionary(id).unwrap())
        .expect("an outline");
    siblings(outlines.get(b"First").ok())
        .into_iter()
        .map(|item| {
            let children = siblings(item.get(b"First").ok())
                .into_iter()
                .map(|c| text(c.get(b"Title").unwrap()))
                .collect();
            (text(item.get(b"Title").unwrap()), children)
        })
        .collect()
}

/// The titles as the PDF's bookmarks give them: a no-break space is a plain one there.
fn titles(entries: &[Entry]) -> Vec<(String, Vec<String>)> {
    let plain = |t: &str| t.replace('\u{a0}', " ");
    entries
        .iter()
        .map(|e| {
            (
                plain(&e.title),
                e.children.iter().map(|c| plain(&c.title)).collect(),
            )
        })
        .collect()
}

/// Whether the three formats agree with the compose step's contents.
fn agree(
    expected: &[Entry],
    html: &[Entry],
    epub: &[Entry],
    pdf: &[(String, Vec<String>)],
) -> Result<(), String> {
    if html != expected {
        return Err(format!("HTML contents differ:\n{html:#?}"));
    }
    if epub != expected {
        return Err(format!("EPUB navigation differs:\n{epub:#?}"));
    }
    if pdf != titles(expected).as_slice() {
        return Err(format!("PDF outline differs:\n{pdf:#?}"));
    }
    Ok(())
}

fn the_book_nav(options: &Options) -> String {
    let book = to_epub(mht_guide::guide(), options).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(book)).unwrap();
    let mut nav = String::new();
    zip.by_name("EPUB/nav.xhtml")
        .unwrap()
        .read_to_string(&mut nav)
        .unwrap();
    nav
}

#[test]
fn html_contents_epub_navigation_and_pdf_outline_agree() {
    let guide = mht_guide::guide();
    for options in [
        Options::new(),
        Options::new().with_sections("definition,faq".parse().unwrap()),
        Options::new().with_preset(Preset::FactSheet),
        Options::new().with_preset(Preset::Faq),
    ] {
        let doc = Document::from_options(guide, &options);
        fn owned(entries: &[mht_guide_export::ContentsEntry<'_>]) -> Vec<Entry> {
            entries
                .iter()
                .map(|e| Entry {
                    title: e.title.clone(),
                    anchor: e.anchor.to_owned(),
                    children: owned(&e.children),
                })
                .collect()
        }
        let expected = owned(&doc.contents());
        let html = to_html(guide, &options);
        // A page of one section has no contents list; the book and the PDF still do.
        let html_entries = if doc.sections.len() > 1 {
            nav_entries(&html)
        } else {
            expected.clone()
        };
        let epub = nav_entries(&the_book_nav(&options));
        let pdf = outline_titles(&to_pdf(guide, &options).unwrap());
        agree(&expected, &html_entries, &epub, &pdf).unwrap();

        if options.preset() == Preset::Full && doc.sections.len() == mht_guide::SectionId::ALL.len()
        {
            // The full guide reaches every subsection and question.
            let faq = expected.iter().find(|e| e.anchor == "faq").unwrap();
            assert_eq!(faq.children.len(), guide.faq.questions.len());
            assert!(expected.iter().map(|e| e.children.len()).sum::<usize>() > 30);
            // The check is seen to fail: a question dropped from the book, a subsection
            // moved out of its section in the outline.
            let faq_at = epub.iter().position(|e| e.anchor == "faq").unwrap();
            let mut fewer = epub.clone();
            fewer[faq_at].children.pop();
            assert!(agree(&expected, &html_entries, &fewer, &pdf).is_err());
            let mut flat = pdf.clone();
            let moved = flat[2].1.remove(0);
            flat.insert(3, (moved, Vec::new()));
            assert!(agree(&expected, &html_entries, &epub, &flat).is_err());
        }
    }
}
