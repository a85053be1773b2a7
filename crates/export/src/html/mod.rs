//! HTML: the composed document as polyglot XHTML5, one file or one file a section.
//!
//! The markup is valid as HTML and as XML: every element is closed, attributes are quoted, and
//! every string from the content is escaped. Sections, the contents and citations carry their
//! DPUB-ARIA roles (`doc-chapter`, `doc-toc`, `doc-biblioref`…), which HTML defines; in the EPUB
//! they also carry the matching EPUB structural semantics (`epub:type`), which only EPUB does.
//! Tables have captions and header cells, and citations link to the numbered sources.

mod body;
mod fragment;
mod front;

pub use fragment::{Fragment, FragmentError};

use std::fmt::Write as _;

use mht_guide::Guide;

use crate::compose::Document;
use crate::escape::escape;
use crate::{Options, Preset};

/// The logo's file name in an EPUB, beside the content documents.
pub(crate) const LOGO_FILE: &str = "logo.png";

/// The stylesheet's colors for a light page, given to charts as presentation attributes so
/// that they draw without it: muted text (the comparison bars), the page, the gridlines
/// (3.3:1 against the page) and the guide's own bars. A chart's lines and its scale take the
/// color of the text around them (`currentColor`), so that they show on a site's dark page too.
const MUTED: &str = "#50575e";
const PAGE: &str = "#ffffff";
const GRID: &str = "#8c8f94";
const ACCENT: &str = "#004870";

/// The stylesheet of the HTML export and the EPUB, for a site that sets the guide's sections
/// in its own pages ([`Fragment`]) and wants them to look as they do in the guide's page.
///
/// Every rule is scoped under the class `mht-guide`, which a fragment's outer element
/// carries (and a page's or a book's root), so the stylesheet changes nothing else on a site's
/// page. It follows the reader's color scheme (light or dark, with the fragment's own
/// background), sets tables to scroll sideways on narrow screens, and has rules for print.
/// Sizes are in `rem`, so they follow the page's root size. [`to_css`] gives it with an
/// organization's color.
///
/// # Examples
///
/// ```
/// let css = mht_guide_export::STYLESHEET;
/// assert!(css.contains("\n.mht-guide {\n") && !css.contains(":root"));
/// ```
pub const STYLESHEET: &str = include_str!("style.css");

/// The stylesheet for [`Format::Css`](crate::Format::Css): [`STYLESHEET`] with the
/// organization's color when the options give one. In large print, no text is set smaller
/// than the text around it; the size itself is the site's (its root font size), which the
/// stylesheet's `rem` sizes follow.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, to_css};
///
/// let css = to_css(&Options::new().with_accent("#0b5d4b".parse()?));
/// assert!(css.ends_with("}\n") && css.contains("--accent: #0b5d4b;"));
/// # Ok::<(), mht_guide_export::ParseRgbError>(())
/// ```
pub fn to_css(options: &Options) -> String {
    styled(options, false)
}

/// The stylesheet of a page or a book: with large print, its text is also set larger.
pub(crate) fn stylesheet(options: &Options) -> String {
    styled(options, true)
}

/// The stylesheet with the options' large print and the organization's color, when the
/// options set one: the custom property `--accent`, as it is on white and as it is lightened
/// for the dark scheme.
fn styled(options: &Options, whole_page: bool) -> String {
    let mut css = if options.large_print() {
        large_print(STYLESHEET, whole_page)
    } else {
        STYLESHEET.to_owned()
    };
    if let Some(accent) = options.accent() {
        css.push_str(&format!(
            "/* The organization's color, readable on each scheme's page. */\n\
             .mht-guide {{\n  --accent: {accent};\n}}\n\
             @media (prefers-color-scheme: dark) {{\n  .mht-guide {{\n    --accent: {};\n  }}\n}}\n",
            accent.for_dark_page()
        ));
    }
    css
}

/// The stylesheet in large print, with nothing set smaller than the body's size: every font
/// size under `1rem` or `1em` is raised to it. For a whole page, the text is also half as
/// large again on screen and 18 points on paper (the American Printing House for the Blind's
/// large print).
fn large_print(style: &str, whole_page: bool) -> String {
    let mut out = String::with_capacity(style.len() + 256);
    let mut rest = style;
    while let Some(at) = rest.find("font-size: ") {
        let (before, after) = rest.split_at(at + "font-size: ".len());
        out.push_str(before);
        let end = after.find(';').unwrap_or(after.len());
        let value = &after[..end];
        let raised = ["rem", "em"].into_iter().find_map(|unit| {
            let number: f64 = value.strip_suffix(unit)?.parse().ok()?;
            (number < 1.0).then(|| format!("1{unit}"))
        });
        out.push_str(raised.as_deref().unwrap_or(value));
        rest = &after[end..];
    }
    out.push_str(rest);
    if !whole_page {
        return out;
    }
    out.push_str(
        "/* Large print. */\nhtml {\n  font-size: 150%;\n}\n\
         @media print {\n  html {\n    font-size: 18pt;\n  }\n  .mht-guide body {\n    font-size: 1rem;\n  }\n}\n",
    );
    out
}

/// Writes the body of a composed document as XHTML.
pub(crate) struct Writer<'d> {
    doc: &'d Document<'d>,
    /// Where an anchor lives: `#id` in one file, `file.xhtml#id` across files.
    href: &'d dyn Fn(&str) -> String,
    /// Whether this is an EPUB content document, which also carries `epub:type`.
    epub: bool,
    /// The color of the guide's own bars in charts, as on a light page.
    accent: String,
    /// How many tables have been written, which numbers the next one's caption.
    tables: usize,
    /// What every id starts with: nothing in a page or a book, a fragment's prefix.
    prefix: String,
    /// The level of a section's heading; the headings inside it take the next.
    level: u8,
    /// Whether a section's heading carries its number.
    numbered: bool,
    /// Whether this is a fragment in a site's page, whose sections are the page's regions
    /// rather than a publication's chapters.
    fragment: bool,
    pub(crate) out: String,
}

impl<'d> Writer<'d> {
    pub(crate) fn new(
        doc: &'d Document<'d>,
        href: &'d dyn Fn(&str) -> String,
        epub: bool,
    ) -> Writer<'d> {
        Writer {
            doc,
            href,
            epub,
            accent: ACCENT.to_owned(),
            tables: 0,
            prefix: String::new(),
            level: 2,
            numbered: true,
            fragment: false,
            out: String::new(),
        }
    }

    /// Draws the charts in the organization's color, when the options give one.
    pub(crate) fn set_accent(&mut self, options: &Options) {
        if let Some(accent) = options.accent() {
            self.accent = accent.to_string();
        }
    }

    /// ` epub:type="…"` in an EPUB, nothing on the web page.
    fn epub_type(&self, kind: &str) -> String {
        if self.epub {
            format!(" epub:type=\"{kind}\"")
        } else {
            String::new()
        }
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Text as it is, escaped: for attributes and for SVG text, which take no markup.
    fn text(&mut self, s: &str) {
        let escaped = escape(s);
        self.out.push_str(&escaped);
    }

    /// Text of an element, with each word or name in another language than the edition's
    /// marked as such (`lang` for HTML, `xml:lang` for XML readers), so that a screen reader
    /// says it in its language (WCAG 2.1, 3.1.2).
    fn words(&mut self, s: &str) {
        for (piece, language) in self.doc.parts.split(s) {
            match language {
                Some(language) => {
                    let _ = write!(self.out, "<span{}>", lang_attributes(language));
                    self.text(piece);
                    self.push("</span>");
                }
                None => self.text(piece),
            }
        }
    }

    /// Text that may run against the edition's direction (an English title or date in an
    /// Arabic edition, an Arabic name in an English one), isolated with `<bdi>` when it does.
    fn isolated(&mut self, s: &str) {
        if crate::bidi::foreign(s, self.doc.language().direction()) {
            // A name in another language, whole, takes its language on the isolate itself.
            match self.doc.parts.split(s).as_slice() {
                [(_, Some(language))] => {
                    let _ = write!(self.out, "<bdi{}>", lang_attributes(language));
                    self.text(s);
                }
                _ => {
                    self.push("<bdi>");
                    self.words(s);
                }
            }
            self.push("</bdi>");
        } else {
            self.words(s);
        }
    }

    /// Whether the edition runs right to left.
    fn rtl(&self) -> bool {
        self.doc.language().direction() == mht_guide::Direction::Rtl
    }
}

/// An element's language for both readers of the markup: ` lang="…"` for HTML and
/// ` xml:lang="…"` for XML (the EPUB, and the page read as XHTML).
fn lang_attributes(language: &mht_guide::Language) -> String {
    let tag = escape(language.as_str());
    format!(" lang=\"{tag}\" xml:lang=\"{tag}\"")
}

/// The opening of every XHTML document, up to and including `<head>`. An EPUB content
/// document starts with the XML declaration and declares the EPUB namespace. A right-to-left
/// edition's root says so (`dir="rtl"`); left to right is the default and needs no attribute.
pub(crate) fn document_start(language: &mht_guide::Language, epub: bool) -> String {
    let lang = lang_attributes(language);
    let dir = match language.direction() {
        mht_guide::Direction::Rtl => " dir=\"rtl\"",
        _ => "",
    };
    let (declaration, namespace) = if epub {
        (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            " xmlns:epub=\"http://www.idpf.org/2007/ops\"",
        )
    } else {
        ("", "")
    };
    format!(
        "{declaration}<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"{namespace} \
         class=\"mht-guide\"{lang}{dir}>\n<head>\n<meta charset=\"utf-8\" />\n"
    )
}

/// Exports the selected sections of a guide as one self-contained XHTML5 file.
///
/// The file has its stylesheet inline (readable on phones and desktops, with a dark scheme and
/// a print stylesheet), no scripts, and a JSON-LD block that describes the occupation and the
/// FAQ for search engines with schema.org `Occupation` and `FAQPage`.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, to_html};
///
/// let html = to_html(mht_guide::guide(), &Options::new());
/// assert!(html.contains("<nav id=\"toc\" role=\"doc-toc\""));
/// assert!(html.contains("\"@type\":\"Occupation\""));
/// ```
pub fn to_html(guide: &Guide, options: &Options) -> String {
    let doc = Document::from_options(guide, options);
    if let Some(fragment) = options.fragment() {
        return fragment::write(&doc, options, fragment);
    }
    let href = |anchor: &str| format!("#{anchor}");
    let mut w = Writer::new(&doc, &href, false);
    w.set_accent(options);
    w.push(&document_start(doc.language(), false));
    // An empty icon of its own, so that a browser does not ask the server for /favicon.ico:
    // the page needs nothing outside the file.
    w.push("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    w.push("<link rel=\"icon\" href=\"data:,\" />\n<title>");
    w.text(&doc.title);
    w.push("</title>\n<meta name=\"description\" content=\"");
    w.text(guide.meta.description.as_str());
    w.push("\" />\n");
    let _ = writeln!(
        w.out,
        "<meta name=\"generator\" content=\"mht-guide {}\" />",
        env!("CARGO_PKG_VERSION")
    );
    w.push("<style>\n");
    w.push(&stylesheet(options));
    w.push("</style>\n<script type=\"application/ld+json\">\n");
    w.push(&crate::json::ld::json_ld(
        guide,
        &doc,
        options.preset() == Preset::FactSheet,
    ));
    w.push("\n</script>\n</head>\n<body>\n");
    // A keyboard's first stop: past the title block and the contents, to the guide itself.
    w.push("<a class=\"skip-link\" href=\"#main\">");
    w.text(doc.labels.start_of_content.as_str());
    w.push("</a>\n");
    w.title_block(options);
    if doc.sections.len() > 1 {
        w.contents(doc.labels.contents.as_str());
    }
    w.push("<main id=\"main\">\n");
    for section in &doc.sections {
        w.section(section);
    }
    w.push("</main>\n<footer>\n<p>");
    w.colophon(false);
    w.push("</p>\n</footer>\n</body>\n</html>\n");
    w.out
}

#[cfg(test)]
mod tests;
