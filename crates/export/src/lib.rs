//! Export the [`mht_guide`] career guide, or a selection of its sections, to print and publishing
//! formats: a PDF handout, an EPUB book, a web page, Markdown or JSON.
//!
//! Three things are all a career site or a training portal needs: the guide
//! ([`mht_guide::guide()`], or an edition), an exporter ([`export`], or one function a
//! format), and the [`Options`] (which sections, which preset, the paper, your branding).
//! Every exporter returns bytes or text and never touches the file system; writing files is
//! the caller's job.
//!
//! ```
//! use mht_guide::SectionId;
//! use mht_guide_export::{Format, Options, Paper, Preset, Selection, export};
//!
//! // A branded, two-page fact sheet on A4 paper, from the Spanish edition.
//! let guide = mht_guide::edition("es").expect("a built-in edition");
//! let options = Options::new()
//!     .with_preset(Preset::FactSheet)
//!     .with_paper(Paper::A4)
//!     .with_organization("Riverside Community College".parse()?);
//! let pdf: Vec<u8> = export(guide, Format::Pdf, &options)?;
//! assert!(pdf.starts_with(b"%PDF-"));
//!
//! // One section of the English guide as a web page.
//! let options = Options::new().with_sections(Selection::only([SectionId::SalaryOutlook]));
//! let html = mht_guide_export::to_html(mht_guide::guide(), &options);
//! assert!(html.contains("Salary and job outlook"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! | format | function | output |
//! |---|---|---|
//! | [`Format::Markdown`] | [`to_markdown`] | CommonMark with GitHub tables and YAML front matter |
//! | [`Format::Json`] | [`to_json`] | the typed model, with a `schema_version` |
//! | [`Format::Html`] | [`to_html`] | one self-contained XHTML5 file with EPUB semantics, or a [`Fragment`] for a site's page |
//! | [`Format::Css`] | [`to_css`] | the web page's stylesheet, scoped under `.mht-guide`, for fragments |
//! | [`Format::Epub`] | `to_epub` | an EPUB 3 book (feature `epub`, on by default) |
//! | [`Format::Pdf`] | `to_pdf` | a tagged PDF/UA handout (feature `pdf`, on by default) |
//!
//! [`Format::info`] gives each format's names, extensions and media type.
//!
//! # How it works
//!
//! Every format but JSON renders one composed document: the compose step decides the section
//! order and numbers, the headings and anchors, which figures become tables and charts, and the
//! number each cited source carries, so every format agrees on all of them. JSON serializes the
//! typed model itself. The composed document is not part of the stable API; the
//! `unstable-ir` feature shows it, for tests and experiments.
//!
//! # Features
//!
//! - `pdf` (default): PDF handouts.
//! - `epub` (default): EPUB books.
//! - `unstable-ir`: the composed document and the comrak options the Markdown export is read
//!   with; they may change in any release.

#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod bidi;
#[cfg_attr(not(feature = "unstable-ir"), allow(unreachable_pub))]
mod chart;
mod color;
#[cfg_attr(not(feature = "unstable-ir"), allow(unreachable_pub))]
mod compose;
#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "epub")]
mod epub;
mod escape;
#[cfg(feature = "pdf")]
mod font;
mod format;
mod html;
mod json;
mod logo;
#[cfg_attr(not(feature = "unstable-ir"), allow(unreachable_pub))]
mod markdown;
mod options;
#[cfg(feature = "pdf")]
mod pdf;
mod qr;
mod semantics;
mod time;
#[cfg(any(feature = "epub", feature = "docx"))]
mod zipped;

use mht_guide::Guide;

pub use format::{Format, FormatInfo, UnknownFormat};
pub use options::{
    MAX_CONTACT_CHARS, MAX_ORGANIZATION_CHARS, Options, Preset, Selection, UnknownPreset,
};

#[cfg(not(feature = "unstable-ir"))]
#[allow(unused_imports)]
pub(crate) use chart::{Chart, ChartRow};
#[cfg(feature = "unstable-ir")]
pub use chart::{Chart, ChartRow, Tick};
pub use color::{ParseRgbError, Rgb, TEXT_CONTRAST};
#[cfg(feature = "unstable-ir")]
pub use compose::{
    Band, BandFigure, Cell, ContentsEntry, Document, Entry, NOT_PUBLISHED, Node, RunIn, Section,
    Table, source_details,
};
#[cfg(not(feature = "unstable-ir"))]
#[allow(unused_imports)]
pub(crate) use compose::{
    Band, BandFigure, Cell, ContentsEntry, Document, Entry, NOT_PUBLISHED, Node, RunIn, Section,
    Table, source_details,
};
#[cfg(feature = "docx")]
pub use docx::to_docx;
#[cfg(feature = "epub")]
pub use epub::to_epub;
#[cfg(feature = "pdf")]
pub use font::{Font, FontError};
pub use html::{Fragment, FragmentError, STYLESHEET, to_css, to_html};
pub use json::{SCHEMA_VERSION, to_json};
pub use logo::{Logo, LogoError, MAX_LOGO_BYTES, MAX_LOGO_SIDE};
#[cfg(feature = "unstable-ir")]
pub use markdown::markdown_options;
pub use markdown::to_markdown;
#[cfg(feature = "pdf")]
pub use pdf::{
    Adjustment, Coverage, Origin, Overflow, OverflowPart, Paper, PdfHandout, TextOption,
    Undrawable, UnknownPaper, Unprintable, script_name, to_pdf, to_pdf_handout, unprintable,
};
pub use qr::MAX_QR_BYTES;
pub use time::LATEST_TIMESTAMP;

/// Why an export failed.
///
/// # Examples
///
/// ```
/// use mht_guide::{Guide, SectionId};
/// use mht_guide_export::{ExportError, Format, Options};
///
/// // The bundled fonts have no emoji: the error names the character and where it is.
/// let mut files = mht_guide::EMBEDDED_FILES.map(|(name, text)| (name, text.to_owned()));
/// files[10].1 = files[10].1.replacen("question = \"", "question = \"\u{1F600} ", 1);
/// let guide = Guide::from_files("draft", files).expect("the edited copy loads");
/// let mut options =
///     Options::new().with_sections(mht_guide_export::Selection::only([SectionId::Faq]));
/// // Without the fonts installed on this machine, which may have one.
/// options.set_system_fonts(false);
/// match mht_guide_export::export(&guide, Format::Pdf, &options) {
///     Err(ExportError::Undrawable { characters, .. }) => {
///         assert_eq!(characters[0].character, '\u{1F600}')
///     }
///     other => panic!("expected an undrawable character, got {other:?}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The model could not be serialized as JSON.
    #[error("cannot serialize the guide as JSON")]
    Json(#[source] serde_json::Error),
    /// The EPUB's zip package could not be written.
    #[cfg(feature = "epub")]
    #[error("cannot package the EPUB: {0}")]
    Epub(String),
    /// The Word document's zip package could not be written.
    #[cfg(feature = "docx")]
    #[error("cannot package the Word document: {0}")]
    Docx(String),
    /// The text has characters the PDF's fonts cannot draw.
    #[cfg(feature = "pdf")]
    #[error("{}", pdf::undrawable_message(characters))]
    Undrawable {
        /// Each character, with where it occurs.
        characters: Vec<Undrawable>,
    },
    /// The text has right-to-left characters that the PDF could not lay out. Earlier versions
    /// refused Hebrew, Arabic and the like with this error; the PDF now lays them out right to
    /// left, and no export returns it. It stays so that code matching on it still builds.
    #[cfg(feature = "pdf")]
    #[error(
        "the PDF cannot yet lay out right-to-left text, so it would print it backwards: {}{}; \
         export HTML, EPUB or Markdown for this content, or remove the text",
        characters.iter().take(3).map(ToString::to_string).collect::<Vec<_>>().join("; "),
        match characters.len() {
            n if n > 3 => format!("; and {} more right-to-left characters", n - 3),
            _ => String::new(),
        }
    )]
    RightToLeft {
        /// Each right-to-left character, with where it occurs.
        characters: Vec<Undrawable>,
    },
    /// The PDF would need more memory than can be had.
    #[cfg(feature = "pdf")]
    #[error(
        "this content is too large for a PDF here: laying it out needs about {megabytes} MB of \
         memory, which cannot be had; export fewer sections (--sections), or HTML, EPUB or \
         Markdown, which need far less"
    )]
    TooLarge {
        /// About how much memory the PDF needs, in MB.
        megabytes: usize,
    },
    /// A fact sheet cannot keep to its two pages, even tightened
    /// ([`Options::set_allow_overflow`] lets it run longer). It says how far over it runs and
    /// its longest parts.
    #[cfg(feature = "pdf")]
    #[error("{0}")]
    Overflow(Overflow),
    /// The layout engine or the post-processing failed: a fault of this crate, not of the
    /// content or the options (a web service answers it with a server error).
    #[cfg(feature = "pdf")]
    #[error("cannot make the PDF: {0}")]
    Pdf(PdfError),
}

impl ExportError {
    /// Whether the request is at fault rather than the guide: the text that cannot be drawn
    /// occurs only in the export's options (the organization's name, the contact line, the QR
    /// code's address), or a fact sheet runs long with a name or contact line longer than the
    /// limits ([`Overflow::options_too_long`]). A web service answers that as a bad request
    /// (400), and any other error as its own (500).
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide_export::{ExportError, Options, Origin, TextOption};
    ///
    /// let mut options = Options::new();
    /// options
    ///     .set_organization(mht_guide::Text::parse("Riverside \u{1F332} College")?)
    ///     .set_system_fonts(false);
    /// let err = mht_guide_export::to_pdf(mht_guide::guide(), &options).unwrap_err();
    /// assert!(err.in_options());
    /// let ExportError::Undrawable { characters } = &err else { unreachable!() };
    /// assert_eq!(
    ///     characters[0].places,
    ///     [Origin::Option(TextOption::Organization)]
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_options(&self) -> bool {
        match self {
            #[cfg(feature = "pdf")]
            ExportError::Undrawable { characters } => {
                characters.iter().all(Undrawable::only_in_options)
            }
            #[cfg(feature = "pdf")]
            ExportError::Overflow(overflow) => overflow.options_too_long,
            _ => false,
        }
    }
}

/// What went wrong inside the PDF writer; its message is for a bug report.
#[cfg(feature = "pdf")]
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct PdfError {
    message: String,
}

#[cfg(feature = "pdf")]
impl PdfError {
    pub(crate) fn new(message: impl std::fmt::Display) -> PdfError {
        PdfError {
            message: message.to_string(),
        }
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Exports a guide in one format.
///
/// # Errors
///
/// When the format's writer fails; see [`ExportError`].
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Format, Options, export};
///
/// let json = export(mht_guide::guide(), Format::Json, &Options::new())?;
/// assert!(json.starts_with(b"{"));
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
pub fn export(guide: &Guide, format: Format, options: &Options) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Markdown => to_markdown(guide, options).into_bytes(),
        Format::Json => to_json(guide, options)?.into_bytes(),
        Format::Html => to_html(guide, options).into_bytes(),
        Format::Css => to_css(options).into_bytes(),
        #[cfg(feature = "epub")]
        Format::Epub => to_epub(guide, options)?,
        #[cfg(feature = "pdf")]
        Format::Pdf => to_pdf(guide, options)?,
        #[cfg(feature = "docx")]
        Format::Docx => to_docx(guide, options)?,
    })
}
