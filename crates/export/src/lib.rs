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
//! | [`Format::Html`] | [`to_html`] | one self-contained XHTML5 file with EPUB semantics |
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

#[cfg_attr(not(feature = "unstable-ir"), allow(unreachable_pub))]
mod chart;
mod color;
#[cfg_attr(not(feature = "unstable-ir"), allow(unreachable_pub))]
mod compose;
#[cfg(feature = "epub")]
mod epub;
mod escape;
mod html;
mod json;
mod logo;
#[cfg_attr(not(feature = "unstable-ir"), allow(unreachable_pub))]
mod markdown;
#[cfg(feature = "pdf")]
mod pdf;
mod qr;
mod semantics;
mod time;

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use mht_guide::{Guide, SectionId, Text, UnknownSection};

#[cfg(feature = "unstable-ir")]
pub use chart::{Chart, ChartRow};
#[cfg(not(feature = "unstable-ir"))]
#[allow(unused_imports)]
pub(crate) use chart::{Chart, ChartRow};
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
#[cfg(feature = "epub")]
pub use epub::to_epub;
pub use html::to_html;
pub use json::{SCHEMA_VERSION, to_json};
pub use logo::{Logo, LogoError, MAX_LOGO_BYTES, MAX_LOGO_SIDE};
#[cfg(feature = "unstable-ir")]
pub use markdown::markdown_options;
pub use markdown::to_markdown;
#[cfg(feature = "pdf")]
pub use pdf::{Paper, Undrawable, UnknownPaper, Unprintable, to_pdf, unprintable};
pub use qr::MAX_QR_BYTES;
pub use time::LATEST_TIMESTAMP;

/// The output formats.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Format;
///
/// let format: Format = "md".parse()?;
/// assert_eq!(format, Format::Markdown);
/// assert_eq!(format.extension(), "md");
/// assert_eq!(Format::from_extension("guide.json"), Some(Format::Json));
/// # Ok::<(), mht_guide_export::UnknownFormat>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// CommonMark with GitHub tables and YAML front matter.
    Markdown,
    /// The typed model as JSON.
    Json,
    /// One self-contained XHTML5 file.
    Html,
    /// An EPUB 3 book.
    #[cfg(feature = "epub")]
    Epub,
    /// A print-ready PDF handout.
    #[cfg(feature = "pdf")]
    Pdf,
}

impl Format {
    /// Every format, in the order tools list them.
    pub const ALL: &[Format] = &[
        Format::Markdown,
        Format::Json,
        Format::Html,
        #[cfg(feature = "epub")]
        Format::Epub,
        #[cfg(feature = "pdf")]
        Format::Pdf,
    ];

    /// What is known of the format: its names, file extensions, media type and a line that
    /// says what it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide_export::Format;
    ///
    /// let info = Format::Epub.info();
    /// assert_eq!((info.name, info.extension), ("epub", "epub"));
    /// assert_eq!(info.media_type, "application/epub+zip");
    /// ```
    pub const fn info(self) -> &'static FormatInfo {
        match self {
            Format::Markdown => &FormatInfo {
                format: Format::Markdown,
                name: "md",
                aliases: &["markdown"],
                extension: "md",
                other_extensions: &["markdown"],
                media_type: "text/markdown; charset=utf-8",
                description: "CommonMark with tables and YAML front matter",
            },
            Format::Json => &FormatInfo {
                format: Format::Json,
                name: "json",
                aliases: &[],
                extension: "json",
                other_extensions: &[],
                media_type: "application/json",
                description: "The typed guide as JSON",
            },
            Format::Html => &FormatInfo {
                format: Format::Html,
                name: "html",
                aliases: &[],
                extension: "html",
                other_extensions: &["xhtml", "htm"],
                media_type: "text/html; charset=utf-8",
                description: "One self-contained web page (XHTML5)",
            },
            #[cfg(feature = "epub")]
            Format::Epub => &FormatInfo {
                format: Format::Epub,
                name: "epub",
                aliases: &[],
                extension: "epub",
                other_extensions: &[],
                media_type: "application/epub+zip",
                description: "An EPUB 3 book",
            },
            #[cfg(feature = "pdf")]
            Format::Pdf => &FormatInfo {
                format: Format::Pdf,
                name: "pdf",
                aliases: &[],
                extension: "pdf",
                other_extensions: &[],
                media_type: "application/pdf",
                description: "A print-ready PDF handout",
            },
        }
    }

    /// The short name used on the command line.
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// The file extension, without the dot.
    pub const fn extension(self) -> &'static str {
        self.info().extension
    }

    /// The format a file name's extension names, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide_export::Format;
    ///
    /// assert_eq!(Format::from_extension("handout.PDF"), Some(Format::Pdf));
    /// assert_eq!(Format::from_extension("site/guide.xhtml"), Some(Format::Html));
    /// assert_eq!(Format::from_extension("notes.txt"), None);
    /// ```
    pub fn from_extension(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Format::ALL.iter().copied().find(|f| {
            let info = f.info();
            info.extension == ext || info.other_extensions.contains(&ext.as_str())
        })
    }
}

/// What is known of an output [`Format`]: the one table that the library, the command's
/// arguments and messages, and the preview server read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FormatInfo {
    /// The format.
    pub format: Format,
    /// The short name the command line and messages use: `md`, `pdf`.
    pub name: &'static str,
    /// Other names the command line takes for it.
    pub aliases: &'static [&'static str],
    /// The extension of its files, without the dot.
    pub extension: &'static str,
    /// Other extensions that name it in `-o`.
    pub other_extensions: &'static [&'static str],
    /// Its media type, as a web server sends it.
    pub media_type: &'static str,
    /// One line on what it is.
    pub description: &'static str,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string names no format.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Format;
///
/// let err = "docx".parse::<Format>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown format `docx`; the formats are: md, json, html, epub, pdf");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{given}`; the formats are: {}", format_names())]
pub struct UnknownFormat {
    given: String,
}

fn format_names() -> String {
    Format::ALL
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == s || f.info().aliases.contains(&s))
            .ok_or_else(|| UnknownFormat {
                given: s.to_owned(),
            })
    }
}

/// Which sections to export. Sections always come out in guide order.
///
/// # Examples
///
/// ```
/// use mht_guide::SectionId;
/// use mht_guide_export::Selection;
///
/// let selection: Selection = "faq,definition".parse()?;
/// let ids: Vec<_> = selection.ids().collect();
/// assert_eq!(ids, [SectionId::Definition, SectionId::Faq]);
/// assert!("faq,salary".parse::<Selection>().is_err());
/// # Ok::<(), mht_guide::UnknownSection>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection(BTreeSet<SectionId>);

impl Selection {
    /// Every section.
    pub fn all() -> Selection {
        Selection(SectionId::ALL.into_iter().collect())
    }

    /// Only these sections.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::SectionId;
    /// use mht_guide_export::Selection;
    ///
    /// let selection = Selection::only([SectionId::Faq, SectionId::Definition]);
    /// // Sections always come out in guide order.
    /// assert_eq!(selection.ids().collect::<Vec<_>>(), [SectionId::Definition, SectionId::Faq]);
    /// assert!(selection.contains(SectionId::Faq) && !selection.is_all());
    /// assert_eq!("definition, faq".parse::<Selection>(), Ok(selection));
    /// ```
    pub fn only(ids: impl IntoIterator<Item = SectionId>) -> Selection {
        Selection(ids.into_iter().collect())
    }

    /// The selected sections, in guide order.
    pub fn ids(&self) -> impl Iterator<Item = SectionId> + '_ {
        self.0.iter().copied()
    }

    /// Whether a section is selected.
    pub fn contains(&self, id: SectionId) -> bool {
        self.0.contains(&id)
    }

    /// Whether every section is selected.
    pub fn is_all(&self) -> bool {
        self.0.len() == SectionId::ALL.len()
    }
}

impl Default for Selection {
    fn default() -> Self {
        Selection::all()
    }
}

impl FromStr for Selection {
    type Err = UnknownSection;

    /// Parses a comma-separated list of section ids; spaces around ids are ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.split(',')
            .map(|id| id.trim().parse())
            .collect::<Result<BTreeSet<_>, _>>()
            .map(Selection)
    }
}

/// What to print: the whole guide, or a short handout made from it.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Format, Options, Preset, export};
///
/// let full = export(mht_guide::guide(), Format::Markdown, &Options::new())?;
/// let faq = export(mht_guide::guide(), Format::Markdown, &Options::new().with_preset(Preset::Faq))?;
/// assert!(faq.len() < full.len() / 2);
/// assert_eq!("fact-sheet".parse::<Preset>(), Ok(Preset::FactSheet));
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Preset {
    /// The selected sections in full, with a table of contents in the PDF.
    #[default]
    Full,
    /// Each selected section's summary and the key pay and outlook figures: two printed pages.
    FactSheet,
    /// The frequently asked questions and their sources.
    Faq,
}

impl Preset {
    /// Every preset, in the order the command line lists them.
    pub const ALL: [Preset; 3] = [Preset::Full, Preset::FactSheet, Preset::Faq];

    /// The name the command line gives the preset: `full`, `fact-sheet`, `faq`.
    pub const fn name(self) -> &'static str {
        match self {
            Preset::Full => "full",
            Preset::FactSheet => "fact-sheet",
            Preset::Faq => "faq",
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string names no preset.
///
/// # Examples
///
/// ```
/// let err = "poster".parse::<mht_guide_export::Preset>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown preset `poster`; the presets are: full, fact-sheet, faq");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown preset `{given}`; the presets are: {}",
    Preset::ALL.map(Preset::name).join(", ")
)]
pub struct UnknownPreset {
    given: String,
}

impl FromStr for Preset {
    type Err = UnknownPreset;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| UnknownPreset {
                given: s.to_owned(),
            })
    }
}

/// Options for every format. Each setter says which formats use it.
///
/// Every option has the same three methods: `set_x` changes it in place, `with_x` returns the
/// options with it changed (for building in one expression), and `x` reads it.
///
/// # Examples
///
/// ```
/// use mht_guide::SectionId;
/// use mht_guide_export::{Options, Paper, Preset, Selection};
///
/// let org = mht_guide::Text::parse("Riverside Community College")?;
/// let options = Options::new()
///     .with_sections(Selection::only([SectionId::SalaryOutlook, SectionId::Education]))
///     .with_preset(Preset::FactSheet)
///     .with_paper(Paper::A4)
///     .with_organization(org);
/// assert_eq!(options.preset(), Preset::FactSheet);
/// assert_eq!(options.organization(), Some("Riverside Community College"));
///
/// let mut options = options;
/// options.set_sections(Selection::only([SectionId::Faq]));
/// assert!(!options.sections().is_all());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Options {
    sections: Selection,
    preset: Preset,
    organization: Option<Text>,
    contact: Option<Text>,
    accent: Option<Rgb>,
    qr: Option<mht_guide::Url>,
    logo: Option<std::sync::Arc<Logo>>,
    #[cfg(feature = "pdf")]
    paper: Paper,
    timestamp: Option<i64>,
}

/// `with_x`, by value, from `set_x`.
macro_rules! with {
    ($(#[$doc:meta])* $with:ident, $set:ident, $value:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $with(mut self, value: $value) -> Options {
            self.$set(value);
            self
        }
    };
}

impl Options {
    /// The defaults: every section, in full, unbranded, US Letter, and the content's edition
    /// date as the timestamp.
    pub fn new() -> Options {
        Options::default()
    }

    /// Selects the sections to export (all formats).
    pub fn set_sections(&mut self, selection: Selection) -> &mut Options {
        self.sections = selection;
        self
    }

    with!(
        /// Selects the sections to export, by value.
        with_sections, set_sections, Selection
    );

    /// The selected sections; [`Preset::Faq`] selects the FAQ alone.
    pub fn sections(&self) -> &Selection {
        static FAQ: std::sync::OnceLock<Selection> = std::sync::OnceLock::new();
        match self.preset {
            Preset::Faq => FAQ.get_or_init(|| Selection::only([SectionId::Faq])),
            _ => &self.sections,
        }
    }

    /// Chooses a preset (Markdown, HTML, EPUB and PDF; [`Preset::Faq`] also narrows JSON to the
    /// FAQ).
    pub fn set_preset(&mut self, preset: Preset) -> &mut Options {
        self.preset = preset;
        self
    }

    with!(
        /// Chooses a preset, by value.
        with_preset, set_preset, Preset
    );

    /// The preset.
    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// Names the organization handing the guide out, for the title block and footer (every
    /// format but JSON). The name is a [`Text`], so it follows the content's rules: one line,
    /// no control, bidirectional-control or noncharacter code points.
    pub fn set_organization(&mut self, name: Text) -> &mut Options {
        self.organization = Some(name);
        self
    }

    with!(
        /// Names the organization handing the guide out, by value.
        with_organization, set_organization, Text
    );

    /// The organization handing the guide out.
    pub fn organization(&self) -> Option<&str> {
        self.organization.as_ref().map(Text::as_str)
    }

    /// Sets a contact line, such as a phone number and web address (every format but JSON).
    /// Like the organization, it is a [`Text`].
    pub fn set_contact(&mut self, contact: Text) -> &mut Options {
        self.contact = Some(contact);
        self
    }

    with!(
        /// Sets a contact line, by value.
        with_contact, set_contact, Text
    );

    /// The contact line.
    pub fn contact(&self) -> Option<&str> {
        self.contact.as_ref().map(Text::as_str)
    }

    /// Sets the organization's color for headings, rules, list markers and chart bars (PDF,
    /// HTML and EPUB). Headings are text, so a color with less than 4.5:1 contrast on white
    /// ([`TEXT_CONTRAST`], WCAG 2.1 AA) is darkened, its hue kept, until it has it (see
    /// [`Rgb::for_light_page`]); the web page and the book lighten it for their dark scheme the
    /// same way.
    ///
    /// ```
    /// use mht_guide_export::{Options, Rgb};
    ///
    /// let options = Options::new().with_accent("#ffcc00".parse::<Rgb>()?);
    /// assert!(options.accent().unwrap().contrast(Rgb::WHITE) >= 4.5);
    /// # Ok::<(), mht_guide_export::ParseRgbError>(())
    /// ```
    pub fn set_accent(&mut self, color: Rgb) -> &mut Options {
        self.accent = Some(color.for_light_page());
        self
    }

    with!(
        /// Sets the organization's color, by value.
        with_accent, set_accent, Rgb
    );

    /// The organization's color as the handout uses it on white, when one was set.
    pub fn accent(&self) -> Option<Rgb> {
        self.accent
    }

    /// Sets an address to print as a QR code beside the contact line, with the address in
    /// text under it (PDF, HTML and EPUB). It is a [`mht_guide::Url`], so it follows the
    /// content's rules for links: `http`, `https` or `mailto`, nothing hidden in it. An
    /// address longer than [`MAX_QR_BYTES`] is printed as text alone: its code would be too
    /// dense to scan from paper.
    ///
    /// ```
    /// use mht_guide_export::{Options, to_html};
    ///
    /// let options = Options::new().with_qr("https://example.org/careers".parse()?);
    /// assert!(to_html(mht_guide::guide(), &options).contains("class=\"qr\""));
    /// assert!("javascript:alert(1)".parse::<mht_guide::Url>().is_err());
    /// # Ok::<(), mht_guide::InvalidValue>(())
    /// ```
    pub fn set_qr(&mut self, url: mht_guide::Url) -> &mut Options {
        self.qr = Some(url);
        self
    }

    with!(
        /// Sets an address to print as a QR code, by value.
        with_qr, set_qr, mht_guide::Url
    );

    /// The address printed as a QR code, when one was set.
    pub fn qr(&self) -> Option<&str> {
        self.qr.as_ref().map(mht_guide::Url::as_str)
    }

    /// Sets the organization's logo, for the title block (PDF, HTML and EPUB). Its
    /// alternative text is the organization's name, so it shows only when
    /// [`Options::set_organization`] names one.
    ///
    /// ```
    /// use mht_guide_export::{Logo, Options, to_html};
    ///
    /// # let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\0\0\0\0:~\x9bU\0\0\0\nIDATx\x9cc`\0\0\0\x02\0\x01H\xaf\xa4q\0\0\0\0IEND\xaeB`\x82";
    /// let mut options = Options::new();
    /// options.set_logo(Logo::from_bytes(png)?);
    /// options.set_organization(mht_guide::Text::parse("Riverside Community College").unwrap());
    /// let html = to_html(mht_guide::guide(), &options);
    /// assert!(html.contains("alt=\"Riverside Community College\""));
    /// # Ok::<(), mht_guide_export::LogoError>(())
    /// ```
    pub fn set_logo(&mut self, logo: Logo) -> &mut Options {
        self.logo = Some(std::sync::Arc::new(logo));
        self
    }

    with!(
        /// Sets the organization's logo, by value.
        with_logo, set_logo, Logo
    );

    /// The logo and its alternative text (the organization's name), when both are set.
    pub fn logo(&self) -> Option<(&Logo, &str)> {
        Some((self.logo.as_deref()?, self.organization()?))
    }

    /// Sets the paper size (PDF).
    #[cfg(feature = "pdf")]
    pub fn set_paper(&mut self, paper: Paper) -> &mut Options {
        self.paper = paper;
        self
    }

    #[cfg(feature = "pdf")]
    with!(
        /// Sets the paper size, by value.
        with_paper, set_paper, Paper
    );

    /// The paper size (PDF).
    #[cfg(feature = "pdf")]
    pub fn paper(&self) -> Paper {
        self.paper
    }

    /// Sets the creation date written into files, in seconds since the Unix epoch (PDF and
    /// EPUB). A file's date runs from 1970-01-01 to 9999-12-31 ([`LATEST_TIMESTAMP`]); a
    /// time outside that is written as the nearest end of it.
    ///
    /// Without it, the content's edition date is used, so the same content always gives the
    /// same bytes; the command line passes `SOURCE_DATE_EPOCH` here when it is set.
    pub fn set_timestamp(&mut self, seconds: i64) -> &mut Options {
        self.timestamp = Some(seconds);
        self
    }

    with!(
        /// Sets the creation date written into files, by value.
        with_timestamp, set_timestamp, i64
    );

    /// The creation date written into files, when one was set.
    pub fn timestamp(&self) -> Option<i64> {
        self.timestamp
    }
}

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
/// let options = Options::new().with_sections(mht_guide_export::Selection::only([SectionId::Faq]));
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
    /// The text has characters the PDF's fonts cannot draw.
    #[cfg(feature = "pdf")]
    #[error(
        "the bundled fonts cannot draw {}: {}; replace {} in the content",
        if characters.len() == 1 { "this character" } else { "these characters" },
        characters.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
        if characters.len() == 1 { "it" } else { "them" },
    )]
    Undrawable {
        /// Each character, with where it occurs.
        characters: Vec<Undrawable>,
    },
    /// The text has right-to-left characters (Hebrew, Arabic and the like), which the PDF
    /// cannot yet lay out in their reading order; it refuses them rather than print every word
    /// backwards. The HTML, EPUB and Markdown exports carry them correctly.
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
    /// The layout engine or the post-processing failed: a fault of this crate, not of the
    /// content or the options (a web service answers it with a server error).
    #[cfg(feature = "pdf")]
    #[error("cannot make the PDF: {0}")]
    Pdf(PdfError),
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
        #[cfg(feature = "epub")]
        Format::Epub => to_epub(guide, options)?,
        #[cfg(feature = "pdf")]
        Format::Pdf => to_pdf(guide, options)?,
    })
}
