//! EPUB 3: the composed document as a package of XHTML documents in a zip file.
//!
//! The package holds `mimetype` (stored first, uncompressed), `META-INF/container.xml`, the
//! package document with complete metadata (with the accessibility metadata and conformance
//! claim of EPUB Accessibility 1.1), a navigation document (outside the spine), a title page, a
//! contents page, one XHTML document per section, and the stylesheet. Every zip entry carries
//! the same fixed date and permissions, so the same content and options always give the same
//! bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use mht_guide::Guide;
use sha2::{Digest, Sha256};
use zip::ZipWriter;

use crate::zipped::zip_entries;

use crate::compose::{Document, Node};
use crate::escape::escape;
use crate::html::{Writer, document_start, stylesheet};
use crate::semantics::Part;
use crate::{ExportError, Options};

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles>\n\
<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n\
</rootfiles>\n\
</container>\n";

/// A document of the package: its file name (under `EPUB/`), manifest id and content.
struct Item {
    file: String,
    id: String,
    content: String,
    properties: Option<&'static str>,
    /// Whether it is read in order, in the spine.
    spine: bool,
}

/// The book's identifier: a name-based UUID from what makes this book this book.
fn identifier(guide: &Guide, options: &Options, doc: &Document<'_>) -> String {
    let mut hash = Sha256::new();
    for part in [
        guide.meta.slug.as_str(),
        &guide.meta.edition.iso(),
        doc.language().as_str(),
        options.organization().unwrap_or(""),
        &format!("{:?}", options.preset()),
    ] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for section in &doc.sections {
        hash.update(section.id.id().as_bytes());
    }
    let mut b: [u8; 16] = hash.finalize()[..16].try_into().unwrap_or([0; 16]);
    // Version 5 and the RFC 4122 variant, as a name-based UUID has.
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// An XHTML content document: a title, the stylesheet, and a body.
fn content_document(lang: &mht_guide::Language, title: &str, body: &str) -> String {
    format!(
        "{}<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\" />\n\
         </head>\n<body>\n{body}</body>\n</html>\n",
        document_start(lang, true),
        escape(title)
    )
}

/// Exports the selected sections of a guide as an EPUB 3 book.
///
/// # Errors
///
/// [`ExportError::Epub`] if the zip file cannot be written, which an in-memory buffer does
/// not cause.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, to_epub};
///
/// let epub = to_epub(mht_guide::guide(), &Options::new())?;
/// assert!(epub.starts_with(b"PK"));
/// assert_eq!(&epub[30..58], b"mimetypeapplication/epub+zip");
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
pub fn to_epub(guide: &Guide, options: &Options) -> Result<Vec<u8>, ExportError> {
    let doc = Document::from_options(guide, options);
    let lang = doc.language();
    let labels = &guide.labels;

    // Which file holds each anchor, so links work across documents.
    let file_of = |n: usize, anchor: &str| format!("{n:02}-{anchor}.xhtml");
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for section in &doc.sections {
        let file = file_of(section.number, &section.anchor);
        files.insert(section.anchor.clone(), file.clone());
        for node in &section.nodes {
            if let Node::Subheading { anchor, .. } | Node::Question { anchor, .. } = node {
                files.insert(anchor.clone(), file.clone());
            }
        }
        if section.id == mht_guide::SectionId::Sources {
            for source in &doc.references {
                files.insert(format!("source-{}", source.id), file.clone());
            }
        }
    }
    let href = |anchor: &str| match files.get(anchor) {
        Some(file) if file.ends_with(&format!("-{anchor}.xhtml")) => file.clone(),
        Some(file) => format!("{file}#{anchor}"),
        None => format!("#{anchor}"),
    };

    let mut items = Vec::new();
    let mut title = Writer::new(&doc, &href, true);
    title.title_block(options);
    items.push(Item {
        file: "title.xhtml".into(),
        id: "title".into(),
        // A QR code in the title block is SVG.
        properties: svg_property(&title.out),
        content: content_document(lang, guide.meta.title.as_str(), &title.out),
        spine: true,
    });
    // A contents page to read, when there is more than one section. The navigation document
    // holds the same list for the reading system, with the landmarks; it stays out of the
    // spine, so that no reading system shows its hidden lists as part of the book.
    let visible_contents = doc.sections.len() > 1;
    if visible_contents {
        let mut page = Writer::new(&doc, &href, true);
        page.set_accent(options);
        page.contents(labels.contents.as_str());
        items.push(Item {
            file: "contents.xhtml".into(),
            id: "contents".into(),
            content: content_document(lang, labels.contents.as_str(), &page.out),
            properties: None,
            spine: true,
        });
    }
    let mut nav = Writer::new(&doc, &href, true);
    nav.contents(labels.contents.as_str());
    let first = doc
        .sections
        .first()
        .map(|s| file_of(s.number, &s.anchor))
        .unwrap_or_default();
    let _ = write!(
        nav.out,
        "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n\
         <h2>{}</h2>\n<ol>\n\
         <li><a epub:type=\"{}\" href=\"title.xhtml\">{}</a></li>\n",
        escape(labels.landmarks.as_str()),
        Part::TitlePage.epub(),
        escape(labels.title_page.as_str()),
    );
    if visible_contents {
        let _ = writeln!(
            nav.out,
            "<li><a epub:type=\"{}\" href=\"contents.xhtml\">{}</a></li>",
            Part::Contents.epub(),
            escape(labels.contents.as_str())
        );
    }
    let _ = write!(
        nav.out,
        "<li><a epub:type=\"{}\" href=\"{}\">{}</a></li>\n</ol>\n</nav>\n",
        Part::BodyMatter.epub(),
        escape(&first),
        escape(labels.start_of_content.as_str()),
    );
    items.push(Item {
        file: "nav.xhtml".into(),
        id: "nav".into(),
        content: content_document(lang, labels.contents.as_str(), &nav.out),
        properties: Some("nav"),
        spine: false,
    });
    for section in &doc.sections {
        let mut w = Writer::new(&doc, &href, true);
        w.set_accent(options);
        w.section(section);
        // A document with a chart holds SVG.
        let properties = svg_property(&w.out);
        items.push(Item {
            file: file_of(section.number, &section.anchor),
            id: format!("s{:02}", section.number),
            content: content_document(lang, section.title, &w.out),
            properties,
            spine: true,
        });
    }

    let logo = options.logo().map(|(logo, _)| logo.png());
    // Charts, the QR code and the logo are images, each with its text alternative.
    let has_chart = doc
        .sections
        .iter()
        .any(|s| s.nodes.iter().any(|n| matches!(n, crate::Node::Chart(_))));
    let images: Vec<&str> = [
        (has_chart, labels.epub_charts.as_str()),
        (logo.is_some(), labels.epub_logo.as_str()),
        (
            items
                .iter()
                .any(|i| i.id == "title" && i.properties == Some("svg")),
            labels.epub_qr.as_str(),
        ),
    ]
    .into_iter()
    .filter_map(|(has, what)| has.then_some(what))
    .collect();
    let opf = package_document(guide, options, &doc, &items, &images);
    zip_package(
        &opf,
        &stylesheet(options),
        &items,
        logo,
        options
            .timestamp()
            .unwrap_or(guide.meta.edition.unix_seconds()),
    )
    .map_err(|e| ExportError::Epub(e.to_string()))
}

/// The manifest property of a content document that holds inline SVG, which EPUB requires.
fn svg_property(content: &str) -> Option<&'static str> {
    content.contains("<svg ").then_some("svg")
}

fn package_document(
    guide: &Guide,
    options: &Options,
    doc: &Document<'_>,
    items: &[Item],
    images: &[&str],
) -> String {
    let meta = &guide.meta;
    let rtl = doc.language().direction() == mht_guide::Direction::Rtl;
    let modified = crate::time::iso(options.timestamp().unwrap_or(meta.edition.unix_seconds()));
    let mut opf = String::new();
    let _ = write!(
        opf,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" \
         unique-identifier=\"uid\" xml:lang=\"{lang}\"{dir}>\n\
         <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
         <dc:identifier id=\"uid\">{id}</dc:identifier>\n\
         <dc:title>{title}</dc:title>\n\
         <dc:language>{lang}</dc:language>\n",
        lang = escape(doc.language().as_str()),
        dir = if rtl { " dir=\"rtl\"" } else { "" },
        id = identifier(guide, options, doc),
        title = escape(&doc.title),
    );
    for author in &meta.authors {
        let _ = writeln!(opf, "<dc:creator>{}</dc:creator>", escape(author.as_str()));
    }
    let labels = doc.labels;
    let mut description = meta.description.to_string();
    if let Some(org) = options.organization() {
        let provided = labels.provided_by.fill(&[("organization", org)]);
        description.push_str(&format!(" {provided}."));
    }
    let subjects: String = labels
        .keywords
        .as_str()
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| format!("<dc:subject>{}</dc:subject>\n", escape(k)))
        .collect();
    let _ = write!(
        opf,
        "<dc:publisher>{publisher}</dc:publisher>\n\
         <dc:date>{date}</dc:date>\n\
         <dc:rights>{license}</dc:rights>\n\
         <dc:description>{description}</dc:description>\n\
         {subjects}\
         <meta property=\"dcterms:modified\">{modified}</meta>\n\
         {accessibility}\
         </metadata>\n<manifest>\n\
         <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n",
        publisher = escape(meta.publisher.as_str()),
        date = meta.edition.iso(),
        license = escape(meta.license.as_str()),
        description = escape(&description),
        accessibility = accessibility_metadata(&meta.publisher.to_string(), images, labels),
    );
    if options.logo().is_some() {
        let _ = writeln!(
            opf,
            "<item id=\"logo\" href=\"{}\" media-type=\"image/png\"/>",
            crate::html::LOGO_FILE
        );
    }
    for item in items {
        let properties = item
            .properties
            .map(|p| format!(" properties=\"{p}\""))
            .unwrap_or_default();
        let _ = writeln!(
            opf,
            "<item id=\"{}\" href=\"{}\" media-type=\"application/xhtml+xml\"{properties}/>",
            item.id, item.file
        );
    }
    // A right-to-left book turns its pages right to left.
    opf.push_str(if rtl {
        "</manifest>\n<spine page-progression-direction=\"rtl\">\n"
    } else {
        "</manifest>\n<spine>\n"
    });
    for item in items.iter().filter(|i| i.spine) {
        let _ = writeln!(opf, "<itemref idref=\"{}\"/>", item.id);
    }
    opf.push_str("</spine>\n</package>\n");
    opf
}

/// The accessibility metadata of EPUB Accessibility 1.1 (section 5): what the book offers, as
/// it really is, and its conformance claim.
///
/// Text is the book's access mode, and it suffices: a book with charts, a QR code or a logo
/// (`images` names them) is visual too, and each of those has a text alternative that gives
/// what it shows. There is no sound or video and nothing moves, so there are no hazards. Its features:
/// headings and sections for structural navigation, a table of contents down to each
/// question, a reading order that is the document order, ARIA roles, text a reading system may
/// restyle, alternative text where there are images, and no copy protection (the vocabulary
/// has no term for table headers, which the summary names). The claim is EPUB Accessibility
/// 1.1 at WCAG 2.1 level AA, certified by the edition's publisher: the test suite checks every
/// book with DAISY Ace, epubcheck and axe.
fn accessibility_metadata(publisher: &str, images: &[&str], labels: &mht_guide::Labels) -> String {
    let mut out = String::new();
    let opening = match images {
        [] => labels.epub_text_only.to_string(),
        _ => labels
            .epub_with_images
            .fill(&[("images", &labels.list(images))]),
    };
    let summary = format!("{opening} {}", labels.epub_structure);
    let images = !images.is_empty();
    let mut entries = vec![("schema:accessMode", "textual")];
    if images {
        entries.push(("schema:accessMode", "visual"));
    }
    entries.push(("schema:accessModeSufficient", "textual"));
    if images {
        entries.push(("schema:accessModeSufficient", "textual,visual"));
    }
    entries.extend([
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "ARIA"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityFeature", "unlocked"),
    ]);
    if images {
        entries.push(("schema:accessibilityFeature", "alternativeText"));
    }
    entries.extend([
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", summary.as_str()),
        (
            "dcterms:conformsTo",
            "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
        ),
        ("a11y:certifiedBy", publisher),
    ]);
    for (property, value) in entries {
        let _ = writeln!(
            out,
            "<meta property=\"{property}\">{}</meta>",
            escape(value)
        );
    }
    out
}

fn zip_package(
    opf: &str,
    style: &str,
    items: &[Item],
    logo: Option<&[u8]>,
    timestamp: i64,
) -> zip::result::ZipResult<Vec<u8>> {
    let (stored, deflated) = zip_entries(timestamp);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("mimetype", stored)?;
    zip.write_all(b"application/epub+zip")?;
    zip.start_file("META-INF/container.xml", deflated)?;
    zip.write_all(CONTAINER.as_bytes())?;
    zip.start_file("EPUB/package.opf", deflated)?;
    zip.write_all(opf.as_bytes())?;
    zip.start_file("EPUB/style.css", deflated)?;
    zip.write_all(style.as_bytes())?;
    for item in items {
        zip.start_file(format!("EPUB/{}", item.file), deflated)?;
        zip.write_all(item.content.as_bytes())?;
    }
    if let Some(png) = logo {
        // A PNG is compressed already.
        zip.start_file(format!("EPUB/{}", crate::html::LOGO_FILE), stored)?;
        zip.write_all(png)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Preset;

    #[test]
    fn the_identifier_is_a_name_based_uuid_of_what_makes_the_book() {
        let guide = mht_guide::guide();
        let id =
            |options: &Options| identifier(guide, options, &Document::from_options(guide, options));
        let full = id(&Options::new());
        // urn:uuid: then 8-4-4-4-12 hex digits, version 5, RFC 4122 variant.
        let uuid = full.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<usize> = uuid.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&uuid[14..15], "5");
        assert!(matches!(&uuid[19..20], "8" | "9" | "a" | "b"), "{uuid}");
        // The same book, the same identifier; another book, another.
        assert_eq!(full, id(&Options::new()));
        assert_ne!(full, id(&Options::new().with_preset(Preset::FactSheet)));
        let org = Options::new().with_organization("Riverside".parse().unwrap());
        assert_ne!(full, id(&org));
    }

    #[test]
    fn only_documents_with_inline_svg_declare_it() {
        assert_eq!(svg_property("<p>text</p><svg xmlns=\"…\">"), Some("svg"));
        assert_eq!(svg_property("<p>svg is a word here</p>"), None);
    }

    #[test]
    fn a_content_document_escapes_its_title() {
        let language = "es-US".parse().unwrap();
        let doc = content_document(&language, "Guía & <más>", "<p>hola</p>\n");
        assert!(
            doc.contains("<title>Guía &amp; &lt;más&gt;</title>"),
            "{doc}"
        );
        assert!(doc.contains("xml:lang=\"es-US\""), "{doc}");
        assert!(doc.ends_with("<body>\n<p>hola</p>\n</body>\n</html>\n"));
        assert!(!doc.contains(" dir="), "{doc}");
        let arabic = content_document(&"ar".parse().unwrap(), "دليل", "");
        assert!(arabic.contains("xml:lang=\"ar\" dir=\"rtl\">"), "{arabic}");
    }
}
