//! What each part of a composed document is, for assistive technology, in every format: the
//! one table the renderers apply, so that none of them invents a role.
//!
//! | part | PDF structure type | ARIA role (web page, EPUB) | `epub:type` |
//! |---|---|---|---|
//! | title page | — | — | `titlepage` |
//! | contents | `TOC` | `doc-toc` | `toc` |
//! | contents entry | `TOCI` | — | — |
//! | body matter (EPUB landmark) | — | — | `bodymatter` |
//! | chapter (a section) | — | `doc-chapter` | `chapter` |
//! | bibliography (the sources) | — | `doc-bibliography` | `bibliography` |
//! | bibliography entry | `BibEntry` | — | — |
//! | citation | `Reference` | `doc-biblioref` | `biblioref` |
//! | chart, QR code | `Figure` | `img` | — |
//! | key figures | `L` | `group` | — |
//!
//! The web page and the book draw a chart as text over bars hidden from assistive technology,
//! so there only the QR code is an `img`; the key figures' `L` has no marker
//! (`/ListNumbering /None`) and a `Caption`.
//!
//! A bibliography entry is a plain list item on the web and in the book: DPUB-ARIA 1.1
//! deprecates the `doc-biblioentry` role, and EPUB 3.3 the `biblioentry` type. The PDF has no
//! container for a chapter or the bibliography; their headings and lists carry them.

use mht_guide::SectionId;

/// A part of a document that the formats name for assistive technology. Some parts only the
/// PDF or the EPUB names, so a build without those features leaves them unused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(all(feature = "pdf", feature = "epub")), allow(dead_code))]
pub(crate) enum Part {
    TitlePage,
    Contents,
    /// Where the body of the book starts, the first section: a landmark of the EPUB.
    BodyMatter,
    ContentsEntry,
    Chapter,
    Bibliography,
    BibliographyEntry,
    Citation,
    /// A chart or a QR code: an image read by its alternative text.
    Image,
    KeyFigures,
}

/// How each format names a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Semantics {
    /// The PDF standard structure type (ISO 32000-1, 14.8.4), when the part is an element of
    /// its own.
    pub(crate) pdf: Option<&'static str>,
    /// The ARIA or DPUB-ARIA role on the web page and in the book.
    pub(crate) aria: Option<&'static str>,
    /// The EPUB structural semantics, in the book only.
    pub(crate) epub: Option<&'static str>,
}

impl Part {
    /// Every part, for tests that go through the table.
    #[cfg(test)]
    pub(crate) const ALL: [Part; 10] = [
        Part::TitlePage,
        Part::Contents,
        Part::BodyMatter,
        Part::ContentsEntry,
        Part::Chapter,
        Part::Bibliography,
        Part::BibliographyEntry,
        Part::Citation,
        Part::Image,
        Part::KeyFigures,
    ];

    /// The part a section of the guide is.
    pub(crate) fn of_section(id: SectionId) -> Part {
        match id {
            SectionId::Sources => Part::Bibliography,
            _ => Part::Chapter,
        }
    }

    /// How each format names the part.
    pub(crate) const fn semantics(self) -> Semantics {
        let (pdf, aria, epub) = match self {
            Part::TitlePage => (None, None, Some("titlepage")),
            Part::Contents => (Some("TOC"), Some("doc-toc"), Some("toc")),
            Part::BodyMatter => (None, None, Some("bodymatter")),
            Part::ContentsEntry => (Some("TOCI"), None, None),
            Part::Chapter => (None, Some("doc-chapter"), Some("chapter")),
            Part::Bibliography => (None, Some("doc-bibliography"), Some("bibliography")),
            Part::BibliographyEntry => (Some("BibEntry"), None, None),
            Part::Citation => (Some("Reference"), Some("doc-biblioref"), Some("biblioref")),
            Part::Image => (Some("Figure"), Some("img"), None),
            Part::KeyFigures => (Some("L"), Some("group"), None),
        };
        Semantics { pdf, aria, epub }
    }

    /// The ARIA role, for a part that has one.
    pub(crate) fn aria(self) -> &'static str {
        self.semantics().aria.unwrap_or("")
    }

    /// The `epub:type`, for a part that has one.
    pub(crate) fn epub(self) -> &'static str {
        self.semantics().epub.unwrap_or("")
    }
}
