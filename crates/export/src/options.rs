//! What to export and how: the sections, the preset, and the options every format reads.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use mht_guide::{SectionId, Text, UnknownSection};

#[cfg(feature = "pdf")]
use crate::Paper;
use crate::{Logo, Rgb};

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
    #[cfg(feature = "pdf")]
    fonts: Vec<crate::Font>,
    #[cfg(feature = "pdf")]
    no_system_fonts: bool,
    large_print: bool,
    #[cfg(feature = "pdf")]
    allow_overflow: bool,
    #[cfg(feature = "pdf")]
    no_fitting: bool,
    fragment: Option<crate::Fragment>,
}

/// The longest organization's name, in characters, that the command line and brand files
/// take: with it, the contact line and a QR code, the built-in fact sheets keep to two pages.
pub const MAX_ORGANIZATION_CHARS: usize = 80;

/// The longest contact line, in characters, that the command line and brand files take.
pub const MAX_CONTACT_CHARS: usize = 100;

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

    /// Adds a font for the PDF handout to draw the scripts its own fonts lack with; the fonts
    /// added first are asked first, before the edition's and the system's.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use mht_guide_export::{Font, Options};
    ///
    /// let font = Font::from_bytes(std::fs::read("NotoSansArabic-Regular.ttf")?)?;
    /// let mut options = Options::new();
    /// options.add_font(font);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "pdf")]
    pub fn add_font(&mut self, font: crate::Font) -> &mut Options {
        self.fonts.push(font);
        self
    }

    /// The fonts added with [`Options::add_font`], in order.
    #[cfg(feature = "pdf")]
    pub fn fonts(&self) -> &[crate::Font] {
        &self.fonts
    }

    /// Whether the PDF handout may draw with fonts installed on the system, for scripts that
    /// neither its own fonts nor the given ones have (it may by default). A server that must
    /// give the same file on every machine turns this off and gives its fonts.
    #[cfg(feature = "pdf")]
    pub fn set_system_fonts(&mut self, allowed: bool) -> &mut Options {
        self.no_system_fonts = !allowed;
        self
    }

    /// Whether installed fonts may be drawn with.
    #[cfg(feature = "pdf")]
    pub fn system_fonts(&self) -> bool {
        !self.no_system_fonts
    }

    /// Large print, for readers with low vision (ADA Title II lists it among the alternative
    /// formats an agency gives on request). It follows the American Printing House for the
    /// Blind's large-print guidance: body text of 18 points in the PDF, headings larger, no
    /// text smaller than 18 points, no hyphenation, and tables, charts, the key figures, the
    /// QR code and the margins grown with the text rather than shrunk to fit; the page size is
    /// the one chosen. The web page and the book set their text at 150% (18 points in print).
    ///
    /// ```
    /// use mht_guide_export::{Options, Preset, to_pdf};
    ///
    /// let options = Options::new().with_preset(Preset::FactSheet).with_large_print(true);
    /// assert!(options.large_print());
    /// let pdf = to_pdf(mht_guide::guide(), &options)?;
    /// assert!(pdf.starts_with(b"%PDF-"));
    /// # Ok::<(), mht_guide_export::ExportError>(())
    /// ```
    pub fn set_large_print(&mut self, large: bool) -> &mut Options {
        self.large_print = large;
        self
    }

    with!(
        /// Large print, by value.
        with_large_print, set_large_print, bool
    );

    /// Whether the handout is in large print.
    pub fn large_print(&self) -> bool {
        self.large_print
    }

    /// Lets a fact sheet that cannot keep to its two pages be made anyway, longer, rather
    /// than fail with [`ExportError::Overflow`](crate::ExportError::Overflow). The
    /// [`PdfHandout`](crate::PdfHandout) then says what made it long.
    ///
    /// A fact sheet is first tightened to fit, as far as it must be
    /// ([`Adjustment`](crate::Adjustment)): the organization's lines wrap beside the QR code
    /// rather than push it under them, the code's modules shrink from 0.5 to 0.4 mm, the
    /// paragraphs stand closer, the footer keeps to one line, the sources are set at 8
    /// points, and last the pay chart is left out (the pay table gives the occupation's
    /// figures; the chart's comparison with all occupations goes). Only large print, which
    /// grows everything, has no page limit.
    ///
    /// ```
    /// use mht_guide_export::{Options, Preset, to_pdf_handout};
    ///
    /// let options = Options::new().with_preset(Preset::FactSheet).with_allow_overflow(true);
    /// assert!(options.allow_overflow());
    /// let handout = to_pdf_handout(mht_guide::guide(), &options)?;
    /// assert_eq!(handout.pages(), 2);
    /// assert!(handout.overflow().is_none());
    /// # Ok::<(), mht_guide_export::ExportError>(())
    /// ```
    #[cfg(feature = "pdf")]
    pub fn set_allow_overflow(&mut self, allow: bool) -> &mut Options {
        self.allow_overflow = allow;
        self
    }

    #[cfg(feature = "pdf")]
    with!(
        /// Lets a fact sheet run past its pages, by value.
        with_allow_overflow, set_allow_overflow, bool
    );

    /// Whether a fact sheet may run past its two pages.
    #[cfg(feature = "pdf")]
    pub fn allow_overflow(&self) -> bool {
        self.allow_overflow
    }

    /// Turns a fact sheet's fitting to its pages off (or back on), for tests that show a case
    /// needs it: off, the sheet is laid out as it comes, and still refused when too long
    /// unless [`Options::set_allow_overflow`] lets it be.
    #[cfg(all(feature = "pdf", feature = "unstable-ir"))]
    pub fn set_fitting(&mut self, fitting: bool) -> &mut Options {
        self.no_fitting = !fitting;
        self
    }

    /// Whether a fact sheet is fitted to its pages.
    #[cfg(feature = "pdf")]
    pub(crate) fn fitting(&self) -> bool {
        !self.no_fitting
    }

    /// Sets the HTML export as a fragment for a site's own page rather than a page of its
    /// own (HTML): see [`Fragment`](crate::Fragment).
    ///
    /// ```
    /// use mht_guide_export::{Fragment, Options};
    ///
    /// let options = Options::new().with_fragment(Fragment::new("guide-")?);
    /// assert_eq!(options.fragment().map(Fragment::id_prefix), Some("guide-"));
    /// # Ok::<(), mht_guide_export::FragmentError>(())
    /// ```
    pub fn set_fragment(&mut self, fragment: crate::Fragment) -> &mut Options {
        self.fragment = Some(fragment);
        self
    }

    with!(
        /// Sets the HTML export as a fragment, by value.
        with_fragment, set_fragment, crate::Fragment
    );

    /// How the HTML export is set in a site's page, when it is a fragment.
    pub fn fragment(&self) -> Option<&crate::Fragment> {
        self.fragment.as_ref()
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
    ///
    /// The command line and brand files take at most [`MAX_ORGANIZATION_CHARS`] characters:
    /// the built-in editions' fact sheets keep to two pages with a name that long, a contact
    /// line of [`MAX_CONTACT_CHARS`], the widest logo and a QR code.
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
    /// Like the organization, it is a [`Text`]. The command line and brand files take at most
    /// [`MAX_CONTACT_CHARS`] characters.
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
    /// ([`TEXT_CONTRAST`](crate::TEXT_CONTRAST), WCAG 2.1 AA) is darkened, its hue kept, until it has it (see
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
    /// address longer than [`MAX_QR_BYTES`](crate::MAX_QR_BYTES) is printed as text alone: its code would be too
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

    /// Sets the organization's logo, for the title block (PDF, HTML and EPUB). It is
    /// decoration beside the organization's name (an artifact in the PDF, `alt=""` on the web
    /// page and in the book, so that a screen reader does not say the name twice), so it shows
    /// only when [`Options::set_organization`] names one.
    ///
    /// ```
    /// use mht_guide_export::{Logo, Options, to_html};
    ///
    /// # let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\0\0\0\0:~\x9bU\0\0\0\nIDATx\x9cc`\0\0\0\x02\0\x01H\xaf\xa4q\0\0\0\0IEND\xaeB`\x82";
    /// let mut options = Options::new();
    /// options.set_logo(Logo::from_bytes(png)?);
    /// options.set_organization(mht_guide::Text::parse("Riverside Community College").unwrap());
    /// let html = to_html(mht_guide::guide(), &options);
    /// assert!(html.contains("<img src=\"data:image/png;base64,") && html.contains("alt=\"\""));
    /// assert!(html.contains("Provided by Riverside Community College"));
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

    /// The logo and the organization's name beside it, when both are set.
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
    /// EPUB). A file's date runs from 1970-01-01 to 9999-12-31 ([`LATEST_TIMESTAMP`](crate::LATEST_TIMESTAMP)); a
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
