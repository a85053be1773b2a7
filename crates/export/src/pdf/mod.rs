//! PDF handouts, tagged PDF/UA-1: genpdf lays the pages out, lopdf finishes the file.
//!
//! The document is rendered twice: the first pass finds the page of every section and the page
//! count, the second prints them in the table of contents and the footer. Before any rendering,
//! every character is checked against what the bundled fonts can draw. While they render, the
//! elements build the structure tree and record what they draw; the post-processing writes the
//! real glyphs, the fonts, the marked content and the tree into genpdf's output.

mod elements;
mod fit;
pub(crate) mod fonts;
mod layout;
mod post;
mod record;
mod render;
mod shape;
mod tags;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::rc::Rc;
use std::sync::OnceLock;

use mht_guide::Guide;

use crate::compose::Document;
use crate::{ExportError, Options, Preset};
use elements::{Footer, Tracker};
pub use fit::{Adjustment, Overflow, OverflowPart, PdfHandout};
use fit::{Fit, page_limit};
use layout::Look;

/// Points in a millimetre.
const PT: f64 = 72.0 / 25.4;

/// A paper size for PDF handouts.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Format, Options, Paper, export};
///
/// assert_eq!(Paper::A4.points(), (595.28, 841.89));
/// let mut options = Options::new();
/// options.set_paper(Paper::A4);
/// let pdf = export(mht_guide::guide(), Format::Pdf, &options)?;
/// assert!(pdf.starts_with(b"%PDF-"));
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Paper {
    /// US Letter, 8.5 × 11 inches (612 × 792 points).
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Legal, 8.5 × 14 inches (612 × 1008 points).
    Legal,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn mm(self) -> (f64, f64) {
        match self {
            Paper::Letter => (215.9, 279.4),
            Paper::A4 => (210.0, 297.0),
            Paper::Legal => (215.9, 355.6),
        }
    }

    /// Width and height in points, rounded to hundredths.
    pub fn points(self) -> (f64, f64) {
        let (w, h) = self.mm();
        let pt = |mm: f64| (mm * PT * 100.0).round() / 100.0;
        (pt(w), pt(h))
    }
}

impl Paper {
    /// Every paper size, in the order the command line lists them.
    pub const ALL: [Paper; 3] = [Paper::Letter, Paper::A4, Paper::Legal];

    /// The name the command line gives the size: `letter`, `a4`, `legal`.
    pub const fn name(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
            Paper::Legal => "legal",
        }
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string names no paper size.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Paper;
///
/// assert_eq!("A4".parse::<Paper>(), Ok(Paper::A4));
/// let err = "tabloid".parse::<Paper>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown paper size `tabloid`; the sizes are: letter, a4, legal");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown paper size `{given}`; the sizes are: {}",
    Paper::ALL.map(Paper::name).join(", ")
)]
pub struct UnknownPaper {
    given: String,
}

impl std::str::FromStr for Paper {
    type Err = UnknownPaper;

    /// Reads `letter`, `a4` or `legal`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Paper::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownPaper {
                given: s.to_owned(),
            })
    }
}

/// A character the chosen fonts cannot draw, and where it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undrawable {
    /// The character.
    pub character: char,
    /// Where it occurs: places in the content, such as `section “Career path”`, and options
    /// of the export, such as the organization's name.
    pub places: Vec<Origin>,
}

impl Undrawable {
    /// Whether the character occurs only in the export's options: a request to fix, not the
    /// content.
    pub fn only_in_options(&self) -> bool {
        self.places.iter().all(|p| matches!(p, Origin::Option(_)))
    }
}

impl fmt::Display for Undrawable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let places: Vec<String> = self.places.iter().map(ToString::to_string).collect();
        write!(
            f,
            "`{}` (U+{:04X}) in {}",
            self.character.escape_debug(),
            u32::from(self.character),
            places.join(", ")
        )
    }
}

/// Where text of a PDF comes from: the guide's content, or an option of the export. A service
/// that brands handouts with what its users type answers a character that cannot be drawn in
/// an option as the request's fault, and one in the content as its own.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// The guide's content, at a place such as `section “Career path”` or `the page footer`.
    Content(String),
    /// An option of the export.
    Option(TextOption),
}

/// An option of an export whose text the PDF prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum TextOption {
    /// The organization's name ([`Options::set_organization`]).
    Organization,
    /// The contact line ([`Options::set_contact`]).
    Contact,
    /// The address of the QR code, printed under it ([`Options::set_qr`]).
    Qr,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Content(place) => f.write_str(place),
            Origin::Option(option) => write!(f, "{option}"),
        }
    }
}

impl fmt::Display for TextOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextOption::Organization => "the organization's name",
            TextOption::Contact => "the contact line",
            TextOption::Qr => "the QR code's address",
        })
    }
}

/// The message of [`ExportError::Undrawable`]: one clause for each script no font has, with
/// how many characters of it there are and where the first is, and one for each character of
/// no script (a symbol, an emoji).
pub(crate) fn undrawable_message(characters: &[Undrawable]) -> String {
    let mut scripts: Vec<(&'static str, Vec<&Undrawable>)> = Vec::new();
    let mut symbols: Vec<&Undrawable> = Vec::new();
    for u in characters {
        match script_name(u.character) {
            Some(name) => match scripts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, list)) => list.push(u),
                None => scripts.push((name, vec![u])),
            },
            None => symbols.push(u),
        }
    }
    let mut clauses: Vec<String> = scripts
        .iter()
        .map(|(name, list)| {
            let first = list[0];
            let count = match list.len() {
                1 => "1 character".to_owned(),
                n => format!("{n} characters"),
            };
            format!(
                "the {name} script ({count}, such as `{}` in {})",
                first.character,
                first
                    .places
                    .first()
                    .map_or_else(|| "the text".to_owned(), ToString::to_string)
            )
        })
        .collect();
    clauses.extend(symbols.iter().map(ToString::to_string));
    let what = if clauses.len() == 1 { "this" } else { "these" };
    let it = if clauses.len() == 1 { "it" } else { "them" };
    // Text the export was given is fixed where it was given.
    let places = || characters.iter().flat_map(|u| &u.places);
    let content = places().any(|p| matches!(p, Origin::Content(_)));
    let options = places().any(|p| matches!(p, Origin::Option(_)));
    let fix = match (content, options) {
        (false, true) => format!("replace {it} in the export's options"),
        (true, true) => format!(
            "install a font for {it}, give the export one, or replace {it} in the content and \
             the export's options"
        ),
        _ => {
            format!("install a font for {it}, give the export one, or replace {it} in the content")
        }
    };
    format!(
        "no font the PDF has can draw {what}: {}; {fix}",
        clauses.join("; ")
    )
}

/// Why the PDF cannot print a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unprintable {
    /// It is written right to left, which earlier versions could not lay out; no longer
    /// given, since the PDF lays right-to-left text out.
    RightToLeft,
    /// The bundled fonts have no glyph for it.
    NotInFonts,
}

/// Whether the PDF can print `c` in regular text with its bundled fonts alone, and if not,
/// why. [`Coverage`] answers for the fonts an export would have.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Unprintable, unprintable};
///
/// assert_eq!(unprintable('a'), None);
/// assert_eq!(unprintable('≥'), None);
/// assert_eq!(unprintable('\u{1F600}'), Some(Unprintable::NotInFonts));
/// // Liberation Sans has Hebrew, but not Arabic: Noto Sans Arabic, compiled in, or an
/// // installed font draws it (see `Coverage`).
/// assert_eq!(unprintable('\u{5D0}'), None);
/// assert_eq!(unprintable('\u{628}'), Some(Unprintable::NotInFonts));
/// ```
pub fn unprintable(c: char) -> Option<Unprintable> {
    if c.is_whitespace() || c.is_control() {
        // Line breaks, tabs and spaces are layout, not glyphs.
        None
    } else if fonts::draw(c, false, false).is_none() {
        Some(Unprintable::NotInFonts)
    } else {
        None
    }
}

/// What the PDF handout can draw with the fonts an export with the same options would have:
/// its own, the given ones and, unless the options say not, the installed ones.
///
/// `mht-guide check` asks it about every character of the content, to warn where the PDF
/// would refuse one.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Coverage, Options, Unprintable};
///
/// let mut options = Options::new();
/// options.set_system_fonts(false);
/// let coverage = Coverage::new("zh-Hans", &options);
/// assert_eq!(coverage.unprintable('a'), None);
/// // Simplified Chinese is drawn with the Noto Sans CJK SC compiled in; Korean needs a font.
/// assert_eq!(coverage.unprintable('中'), None);
/// assert_eq!(coverage.unprintable('한'), Some(Unprintable::NotInFonts));
/// ```
pub struct Coverage {
    set: Option<fonts::FontSet>,
}

impl fmt::Debug for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Coverage").finish_non_exhaustive()
    }
}

impl Coverage {
    /// The fonts of an export of an edition in `language` with these options.
    pub fn new(language: &str, options: &Options) -> Coverage {
        let given: Vec<&'static [u8]> = options.fonts().iter().map(|f| f.data).collect();
        Coverage {
            set: fonts::FontSet::new(language, &given, options.system_fonts()).ok(),
        }
    }

    /// Whether the PDF can print `c` in regular text, and if not, why.
    pub fn unprintable(&self, c: char) -> Option<Unprintable> {
        match unprintable(c) {
            Some(Unprintable::NotInFonts)
                if shape::follows(c)
                    || self
                        .set
                        .as_ref()
                        .is_some_and(|set| set.fallback(c, false).is_some()) =>
            {
                None
            }
            other => other,
        }
    }
}

/// The English name of the script a character is written in ("Han", "Arabic",
/// "Devanagari"…), or `None` for a character of no one script: punctuation, digits, symbols,
/// marks.
///
/// # Examples
///
/// ```
/// use mht_guide_export::script_name;
///
/// assert_eq!(script_name('中'), Some("Han"));
/// assert_eq!(script_name('ب'), Some("Arabic"));
/// assert_eq!(script_name('7'), None);
/// ```
pub fn script_name(c: char) -> Option<&'static str> {
    let script = harfrust::unicode::script(u32::from(c));
    if script == harfrust::Script::COMMON || script == harfrust::Script::INHERITED {
        return None;
    }
    fonts::script_name(script)
}

/// About how many bytes of memory laying out and writing the PDF takes for each character of
/// text, measured on the built-in guide at 1x and 100x (peak resident memory over characters,
/// rounded up).
const BYTES_PER_CHAR: usize = 256;

/// Checks, before any layout, that the memory the PDF will need can be had: a guide of tens of
/// megabytes on a machine (or under a limit) with too little memory would otherwise abort the
/// process when an allocation fails. The check reserves that much once and frees it at once.
fn ensure_memory(guide: &Guide, doc: &Document<'_>) -> Result<(), ExportError> {
    let mut chars = 0usize;
    for section in guide.sections() {
        if doc.sections.iter().any(|s| s.id == section.id()) {
            section.for_each_text(&mut |t| chars += t.len());
        }
    }
    let needed = chars.saturating_mul(BYTES_PER_CHAR);
    let mut probe: Vec<u8> = Vec::new();
    if probe.try_reserve_exact(needed).is_err() {
        return Err(ExportError::TooLarge {
            megabytes: needed / (1024 * 1024),
        });
    }
    drop(probe);
    Ok(())
}

/// Whether a character is strongly right to left (bidirectional class R or AL).
pub(super) fn is_right_to_left(c: char) -> bool {
    use unicode_bidi::BidiClass;
    matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Whether text has right-to-left letters: what is laid out and shaped right to left.
pub(super) fn has_rtl(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_right_to_left)
}

/// Page margins: top, right, bottom, left, in mm.
const MARGINS: (f64, f64, f64, f64) = (18.0, 20.0, 12.0, 20.0);

/// How much larger large print sets everything: 10-point body text becomes 18 points, the
/// size the American Printing House for the Blind gives for large print. The handout is laid
/// out on a page this much smaller and each page drawn this much larger, so that text,
/// tables, charts, rules and margins grow together and nothing is squeezed.
const LARGE_PRINT: f64 = 1.8;

/// The smallest text in large print, in points before it is grown: 10 points, drawn at 18.
pub(super) const LARGE_PRINT_FLOOR: u8 = 10;

/// The smallest text in ordinary print: 9 points, for the details of the key figures, the
/// chart labels, the footer and citations alike.
pub(super) const PRINT_FLOOR: u8 = 9;

/// How much larger the handout is drawn than it is laid out.
fn scale(options: &Options) -> f64 {
    if options.large_print() {
        LARGE_PRINT
    } else {
        1.0
    }
}

/// The page the handout is laid out on, in mm.
fn layout_paper(options: &Options) -> (f64, f64) {
    let (w, h) = options.paper().mm();
    let k = scale(options);
    (w / k, h / k)
}

/// The hyphenation dictionary for a BCP 47 language tag, from those the hyphenation crate
/// embeds: the tag itself (`en-gb`), else its language (`es-US` → `es`), else that language's
/// usual variety (`en` → `en-us`, `de` → `de-1996`). `None` for a language it has no
/// dictionary for, whose words are then broken only where they must be. Each dictionary is read
/// once, when a document in its language is first laid out.
pub(super) fn hyphenator(language: &mht_guide::Language) -> Option<&'static hyphenation::Standard> {
    use hyphenation::Language;
    static DICTS: OnceLock<
        std::sync::Mutex<BTreeMap<String, Option<&'static hyphenation::Standard>>>,
    > = OnceLock::new();
    let tag = language.as_str().to_ascii_lowercase();
    let primary = language.primary();
    let usual = match primary {
        "en" => "en-us",
        "de" => "de-1996",
        "el" => "el-monoton",
        "sr" => "sr-cyrl",
        "mn" => "mn-cyrl",
        other => other,
    };
    let language = [tag.as_str(), primary, usual]
        .into_iter()
        .find_map(Language::try_from_code)?;
    let mut dicts = DICTS.get_or_init(Default::default).lock().ok()?;
    *dicts
        .entry(language.code().to_owned())
        .or_insert_with(|| embedded(language))
}

/// The dictionary of `language` compiled in, if the build has it (the `hyphenate` or
/// `hyphenate-en` feature). A dictionary lives as long as the process, like the fonts: a few
/// per run at most.
#[cfg(any(feature = "hyphenate", feature = "hyphenate-en"))]
fn embedded(language: hyphenation::Language) -> Option<&'static hyphenation::Standard> {
    use hyphenation::Load;
    hyphenation::Standard::from_embedded(language)
        .ok()
        .map(|d| &*Box::leak(Box::new(d)))
}

/// A build without dictionaries hyphenates nothing.
#[cfg(not(any(feature = "hyphenate", feature = "hyphenate-en")))]
fn embedded(_: hyphenation::Language) -> Option<&'static hyphenation::Standard> {
    None
}

/// The result of one rendering pass.
struct Pass {
    bytes: Vec<u8>,
    /// Where the page body ends, in mm from the top of the page.
    #[cfg_attr(not(test), allow(dead_code))]
    body_bottom: f64,
    pages: usize,
    track: elements::Track,
}

impl Pass {
    /// The page each anchor landed on.
    fn anchor_pages(&self) -> BTreeMap<String, usize> {
        self.track
            .anchors
            .borrow()
            .iter()
            .map(|a| (a.id.clone(), a.page))
            .collect()
    }
}

/// Exports the guide as a PDF handout: tagged PDF/UA-1 (ISO 14289-1), with Liberation Sans,
/// and the fonts of any other script the text is in (see [`Font`](crate::Font)): its own Noto
/// faces for Simplified Chinese and Arabic, given ones, installed ones. Each is embedded and
/// subset to the glyphs used. A right-to-left edition is laid out right to left.
///
/// Headings, paragraphs, lists, tables, the contents, citations, links and the sources are
/// tagged in reading order; the running footer, rules and leaders are artifacts. The file
/// declares its language and title, has XMP metadata, an outline, and a description on every
/// link.
///
/// # Errors
///
/// [`ExportError::Undrawable`] when the text has characters that no font it may use can draw
/// (each named with where it occurs), [`ExportError::TooLarge`] when the memory it needs cannot
/// be had, [`ExportError::Overflow`] when a fact sheet cannot keep to its two pages even
/// tightened (see [`to_pdf_handout`]; [`Options::set_allow_overflow`] lets it run on), and
/// [`ExportError::Pdf`] if genpdf or the post-processing fails.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, Preset, to_pdf};
///
/// let pdf = to_pdf(mht_guide::guide(), &Options::new().with_preset(Preset::FactSheet))?;
/// assert!(pdf.starts_with(b"%PDF-"));
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
pub fn to_pdf(guide: &Guide, options: &Options) -> Result<Vec<u8>, ExportError> {
    to_pdf_handout(guide, options).map(PdfHandout::into_bytes)
}

/// Exports the guide as a PDF handout, as [`to_pdf`] does, and says how many pages it has and
/// what fitting it took.
///
/// A fact sheet keeps to two pages (in ordinary print; large print grows everything and has
/// no limit). When it would run longer, it is tightened step by step ([`Adjustment`]); when
/// even that is not enough, the export fails with [`ExportError::Overflow`], which names the
/// longest parts, unless [`Options::set_allow_overflow`] lets it run on, and
/// [`PdfHandout::overflow`] says the same.
///
/// # Errors
///
/// Those of [`to_pdf`], and [`ExportError::Overflow`].
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, Preset, to_pdf_handout};
///
/// let sheet = to_pdf_handout(mht_guide::guide(), &Options::new().with_preset(Preset::FactSheet))?;
/// assert_eq!(sheet.pages(), 2);
/// assert!(sheet.adjustments().is_empty());
/// assert!(sheet.bytes().starts_with(b"%PDF-"));
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
pub fn to_pdf_handout(guide: &Guide, options: &Options) -> Result<PdfHandout, ExportError> {
    let doc = Document::from_options(guide, options);
    ensure_memory(guide, &doc)?;
    let contents = options.preset() == Preset::Full && doc.sections.len() > 2;

    let given: Vec<&'static [u8]> = options.fonts().iter().map(|f| f.data).collect();
    let set = fonts::FontSet::new(doc.language().as_str(), &given, options.system_fonts())
        .map_err(|e| ExportError::Pdf(crate::PdfError::new(e)))?;
    let rtl = doc.language().direction() == mht_guide::Direction::Rtl;
    let widths = Rc::new(layout::Measured::new(Rc::new(set), rtl));
    // First pass: where every anchor lands, and how many pages there are. A handout with a
    // page limit that runs past it is tightened, a step at a time, and paginated again.
    let limit = page_limit(options);
    let paginate = |fit: Fit| render_pass(&doc, options, contents, &widths, fit, None, None);
    let mut adjustments = Vec::new();
    let mut last = paginate(Fit::default())?;
    if let (Some(limit), true) = (limit, options.fitting()) {
        for step in Adjustment::ALL {
            if last.pages <= limit {
                break;
            }
            if !step.applies(options) {
                continue;
            }
            adjustments.push(step);
            drop(last);
            last = paginate(Fit::with(&adjustments))?;
        }
        // Of the steps it took, those that the last made needless are undone, the later
        // first: a sheet that fits once the pay chart is left out keeps its sources' size.
        if last.pages <= limit {
            for i in (0..adjustments.len().saturating_sub(1)).rev() {
                let mut fewer = adjustments.clone();
                fewer.remove(i);
                let pass = paginate(Fit::with(&fewer))?;
                if pass.pages <= limit {
                    adjustments = fewer;
                    last = pass;
                }
            }
        }
    }
    let fit = Fit::with(&adjustments);
    let overflow = match limit {
        Some(limit) if last.pages > limit => {
            let overflow = Overflow::measure(&doc, options, &last, limit, &adjustments);
            if !options.allow_overflow() {
                return Err(ExportError::Overflow(overflow));
            }
            Some(overflow)
        }
        _ => None,
    };
    // Then render with the page numbers; if printing them moved a page break, one more pass
    // settles it.
    for _ in 0..2 {
        let pages = last.anchor_pages();
        let total = last.pages;
        // Only the page numbers carry over: the pass's output goes before the next is made.
        drop(last);
        let next = render_pass(
            &doc,
            options,
            contents,
            &widths,
            fit,
            Some(&pages),
            Some(total),
        )?;
        let settled = next.pages == total && next.anchor_pages() == pages;
        last = next;
        if settled {
            break;
        }
    }

    let set = Rc::clone(&widths.fonts);
    let meta = &guide.meta;
    let mut subject = meta.description.to_string();
    if let Some(org) = options.organization() {
        let provided = guide.labels.provided_by.fill(&[("organization", org)]);
        subject.push_str(&format!(" {provided}."));
    }
    let keywords = guide.labels.keywords.as_str();
    let finish = post::Finish {
        title: &doc.title,
        author: &meta
            .authors
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        subject: &subject,
        keywords,
        language: doc.language().as_str(),
        right_to_left: rtl,
        creator: concat!("mht-guide ", env!("CARGO_PKG_VERSION")),
        timestamp: options.timestamp().unwrap_or(meta.edition.unix_seconds()),
        paper_pt: options.paper().points(),
        paper_mm: layout_paper(options),
        scale: scale(options),
        anchors: &last.track.anchors.borrow(),
        contents: &doc.contents(),
        links: &last.track.links.borrow(),
        tree: &last.track.tree.borrow(),
        unicode: &last.track.unicode.borrow(),
        fonts: &set,
        logo: options.logo().map(|(logo, _)| logo),
        labels: &guide.labels,
        sources: doc
            .references
            .iter()
            .filter_map(|s| {
                let said = doc.source_link_description(&s.id)?;
                Some((format!("source-{}", s.id), said))
            })
            .collect(),
    };
    // What only rendering needed goes before the post-processing, which needs the most memory;
    // genpdf's output and the draws go as soon as they are read.
    drop(widths);
    let draws = std::mem::take(&mut *last.track.draws.borrow_mut());
    let raw = std::mem::take(&mut last.bytes);
    let bytes =
        post::finish(raw, draws, &finish).map_err(|e| ExportError::Pdf(crate::PdfError::new(e)))?;
    Ok(PdfHandout {
        bytes,
        pages: last.pages,
        adjustments,
        overflow,
    })
}

fn render_pass(
    doc: &Document<'_>,
    options: &Options,
    contents: bool,
    widths: &Rc<layout::Measured>,
    fit: Fit,
    pages: Option<&BTreeMap<String, usize>>,
    total: Option<usize>,
) -> Result<Pass, ExportError> {
    let pdf_error = |e: genpdf::error::Error| ExportError::Pdf(crate::PdfError::new(e));
    let paper = layout_paper(options);
    // Without page numbers to print, this is the first pass, which only paginates.
    let dry = pages.is_none();
    let k = scale(options);
    let margins = (MARGINS.0 / k, MARGINS.1 / k, MARGINS.2 / k, MARGINS.3 / k);
    // Large print is not hyphenated.
    let hyphens = hyphenator(doc.language()).filter(|_| !options.large_print());
    let floor = if options.large_print() {
        LARGE_PRINT_FLOOR
    } else {
        // Sources set smaller to fit a fact sheet are the one text under the usual floor.
        PRINT_FLOOR.min(fit.sources.0)
    };
    let track = Tracker::new(paper, margins, widths, dry, hyphens, floor);
    let compact = options.preset() == Preset::FactSheet;
    let mut builder =
        render::Builder::new(doc, &track, pages, contents, compact, options.accent(), fit);
    let footer = track.look(Look::new(PRINT_FLOOR));
    // The footer: the guide's title, and the organization's name and contact line as given.
    let footer_title = builder.check(doc.meta.title.as_str(), footer);
    builder.place = Origin::Option(TextOption::Organization);
    let footer_org = options.organization().map(|org| builder.check(org, footer));
    builder.place = Origin::Option(TextOption::Contact);
    let contact = options.contact().map(|c| builder.check(c, footer));
    builder.place = Origin::Content("the page footer".into());
    let digits = doc.labels.digits.as_str();
    let numbers = doc
        .labels
        .page_of
        .fill(&[("page", digits), ("total", digits)]);
    builder.check(&numbers, footer);
    let (elements, undrawable) = builder.build(
        options.organization(),
        options.contact(),
        options.qr(),
        options.logo(),
    );
    let listed = |chars: Vec<(char, BTreeSet<Origin>)>| -> Vec<Undrawable> {
        chars
            .into_iter()
            .map(|(character, places)| Undrawable {
                character,
                places: places.into_iter().collect(),
            })
            .collect()
    };
    if !undrawable.is_empty() {
        return Err(ExportError::Undrawable {
            characters: listed(undrawable.into_iter().collect()),
        });
    }

    let family = fonts::family().map_err(|e| ExportError::Pdf(crate::PdfError::new(e)))?;
    let mut pdf = genpdf::Document::new(family);
    pdf.set_minimal_conformance();
    pdf.set_paper_size(genpdf::Size::new(paper.0, paper.1));
    pdf.set_font_size(10);
    pdf.set_line_spacing(layout::LINE_SPACING);
    // The layout hyphenates with the dictionary itself (see `elements::measure`), so genpdf,
    // which would take a copy of it for every pass, is not given one.
    pdf.set_page_decorator(Footer {
        track: track.clone(),
        title: footer_title,
        organization: footer_org,
        contact,
        total,
        look: track.look(Look::new(PRINT_FLOOR).color((90, 90, 90))),
        page_of: doc.labels.page_of.clone(),
        page: doc.labels.page.clone(),
        labels: doc.labels.clone(),
        short: fit.short_footer,
    });
    for element in elements {
        pdf.push(BoxedElement(element, Rc::clone(&track)));
    }
    let mut bytes = Vec::new();
    pdf.render(&mut bytes).map_err(pdf_error)?;
    Ok(Pass {
        bytes,
        body_bottom: track.body_bottom(),
        pages: track.page.get(),
        track,
    })
}

/// genpdf's `Document::push` takes a sized element; this wraps a boxed one, and notes where
/// on the page it ends.
struct BoxedElement(Box<dyn genpdf::Element>, elements::Track);

impl genpdf::Element for BoxedElement {
    fn render(
        &mut self,
        context: &genpdf::Context,
        area: genpdf::render::Area<'_>,
        style: genpdf::style::Style,
    ) -> Result<genpdf::RenderResult, genpdf::error::Error> {
        let result = self.0.render(context, area.clone(), style)?;
        self.1.reached(&area, layout::mm(result.size.height));
        Ok(result)
    }
}

#[cfg(test)]
mod tests;
