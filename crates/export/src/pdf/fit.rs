//! Keeping a handout to its pages: how a fact sheet is tightened, what a PDF export returns,
//! and what is said when a fact sheet still runs long.

use std::fmt;

use super::elements::{CodeFit, QR_MODULE_SMALL};
use super::{Options, Pass, Preset};
use crate::compose::Document;

/// How many pages a handout may take, if it has a limit: a fact sheet keeps to two, except in
/// large print, which grows everything.
pub(super) fn page_limit(options: &Options) -> Option<usize> {
    (options.preset() == Preset::FactSheet && !options.large_print()).then_some(2)
}

/// A step a fact sheet is tightened by to keep to its two pages, taken in the order of
/// [`Adjustment::ALL`] and only as far as needed. Each keeps the text readable and the code
/// easy to scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Adjustment {
    /// The organization's lines wrap beside the QR code, where a line too long to sit
    /// beside it whole would otherwise put the code under them.
    CodeBeside,
    /// The QR code's modules are 0.4 mm rather than 0.5 mm.
    SmallerCode,
    /// Paragraphs and sections stand closer: 1.2 mm after a paragraph rather than 2.2, and
    /// 1 mm before a section's heading rather than 2.
    Closer,
    /// The page footer keeps to one line: the contact line, which the title block gives,
    /// leaves it, and an organization's name too long to share the line with the title is
    /// left to the title block too.
    ShortFooter,
    /// The sources are set at 8 points rather than 9, closer together.
    SmallerSources,
    /// The pay chart is left out, the last resort: the pay table before it gives the
    /// occupation's figures, but the chart's comparison with all occupations goes with it.
    NoPayChart,
}

impl Adjustment {
    /// Every step, in the order they are taken.
    pub const ALL: [Adjustment; 6] = [
        Adjustment::CodeBeside,
        Adjustment::SmallerCode,
        Adjustment::Closer,
        Adjustment::ShortFooter,
        Adjustment::SmallerSources,
        Adjustment::NoPayChart,
    ];

    /// Whether the step changes anything for a handout with these options: the code's steps
    /// need a QR code, and the footer's a second line to drop.
    pub(super) fn applies(self, options: &Options) -> bool {
        match self {
            Adjustment::CodeBeside | Adjustment::SmallerCode => {
                options.qr().and_then(crate::qr::Qr::new).is_some()
            }
            Adjustment::ShortFooter => {
                options.contact().is_some() || options.organization().is_some()
            }
            _ => true,
        }
    }
}

impl fmt::Display for Adjustment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Adjustment::CodeBeside => "the organization's lines wrapped beside the QR code",
            Adjustment::SmallerCode => "the QR code smaller",
            Adjustment::Closer => "the paragraphs closer",
            Adjustment::ShortFooter => "the footer on one line",
            Adjustment::SmallerSources => "the sources set smaller",
            Adjustment::NoPayChart => "the pay chart left to the pay table",
        })
    }
}

/// How tightly a handout is set: the defaults, or a fact sheet's adjustments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::pdf) struct Fit {
    /// How the title block fits its QR code.
    pub(in crate::pdf) code: CodeFit,
    /// The size of the sources' text, in points, and the room after each, in mm.
    pub(in crate::pdf) sources: (u8, f64),
    /// Whether a chart that draws the figures of the table before it is left out.
    pub(in crate::pdf) drop_repeating_chart: bool,
    /// The room after a paragraph, and before a fact sheet's section heading, in mm.
    pub(in crate::pdf) paragraph_gap: f64,
    pub(in crate::pdf) heading_gap: f64,
    /// Whether the page footer keeps to one line.
    pub(in crate::pdf) short_footer: bool,
}

impl Default for Fit {
    fn default() -> Self {
        Fit {
            code: CodeFit::default(),
            sources: (9, 1.6),
            drop_repeating_chart: false,
            paragraph_gap: 2.2,
            heading_gap: 2.0,
            short_footer: false,
        }
    }
}

impl Fit {
    /// The fit with these adjustments.
    pub(super) fn with(adjustments: &[Adjustment]) -> Fit {
        let mut fit = Fit::default();
        for adjustment in adjustments {
            match adjustment {
                Adjustment::CodeBeside => fit.code.beside = true,
                Adjustment::SmallerCode => fit.code.module = QR_MODULE_SMALL,
                Adjustment::Closer => (fit.paragraph_gap, fit.heading_gap) = (1.2, 1.0),
                Adjustment::ShortFooter => fit.short_footer = true,
                Adjustment::SmallerSources => fit.sources = (8, 0.8),
                Adjustment::NoPayChart => fit.drop_repeating_chart = true,
            }
        }
        fit
    }
}

/// A PDF handout, with its page count and what fitting it to its pages took.
#[derive(Clone)]
pub struct PdfHandout {
    pub(super) bytes: Vec<u8>,
    pub(super) pages: usize,
    pub(super) adjustments: Vec<Adjustment>,
    pub(super) overflow: Option<Overflow>,
}

impl fmt::Debug for PdfHandout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PdfHandout")
            .field("bytes", &self.bytes.len())
            .field("pages", &self.pages)
            .field("adjustments", &self.adjustments)
            .field("overflow", &self.overflow)
            .finish()
    }
}

impl PdfHandout {
    /// The file.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The file, taken out.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// How many pages it has.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// How a fact sheet was tightened to keep to its pages, in the order the steps were
    /// taken; empty when it fit as it was.
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
    }

    /// Why a fact sheet runs past its pages, when [`Options::set_allow_overflow`] let it.
    pub fn overflow(&self) -> Option<&Overflow> {
        self.overflow.as_ref()
    }
}

/// A fact sheet that does not keep to its pages, even tightened: how far it runs over, and
/// its parts, longest first, so that a message can say what made it long.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Overflow {
    /// How many pages it takes.
    pub pages: usize,
    /// How many it may take.
    pub limit: usize,
    /// How far it runs onto the first page past the limit, in mm.
    pub over: f64,
    /// Its parts, longest first: the title block, then each section.
    pub parts: Vec<OverflowPart>,
    /// How it was tightened before it was found too long.
    pub adjustments: Vec<Adjustment>,
    /// Whether the export's options are longer than the command line and brand files take
    /// (the organization's name over [`MAX_ORGANIZATION_CHARS`](crate::MAX_ORGANIZATION_CHARS)
    /// characters, or the contact line over [`MAX_CONTACT_CHARS`](crate::MAX_CONTACT_CHARS)):
    /// within them every built-in edition keeps its two pages, so a service answers such a
    /// request as the request's fault.
    pub options_too_long: bool,
}

/// A part of a handout, and how much of the page it takes.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OverflowPart {
    /// The section's id, or `None` for the title block (title, organization and key
    /// figures).
    pub section: Option<String>,
    /// What the part is, for a message: `the title block, with the logo and the QR code` or
    /// `section “Sources”`.
    pub name: String,
    /// How tall it is, in mm, the room it leaves at the foot of a page included.
    pub height: f64,
}

impl Overflow {
    /// What the rendering pass `pass` found: its parts measured from where each section's
    /// heading landed.
    pub(super) fn measure(
        doc: &Document<'_>,
        options: &Options,
        pass: &Pass,
        limit: usize,
        adjustments: &[Adjustment],
    ) -> Overflow {
        let track = &pass.track;
        let end = track.end();
        let anchors = track.anchors.borrow();
        let depth = |anchor: &str| {
            anchors
                .iter()
                .find(|a| a.id == anchor)
                .map(|a| track.depth(a.page, a.y))
        };
        // Where each part starts: the title block at the top, each section at its heading.
        let mut starts: Vec<(Option<String>, String, f64)> =
            vec![(None, title_block(options), 0.0)];
        for section in &doc.sections {
            if let Some(at) = depth(&section.anchor) {
                let name = format!("section “{}”", section.title);
                starts.push((Some(section.id.to_string()), name, at));
            }
        }
        let mut parts: Vec<OverflowPart> = starts
            .iter()
            .enumerate()
            .map(|(i, (section, name, at))| {
                let next = starts.get(i + 1).map_or(end, |s| s.2);
                OverflowPart {
                    section: section.clone(),
                    name: name.clone(),
                    height: (next - at).max(0.0),
                }
            })
            .collect();
        parts.sort_by(|a, b| b.height.total_cmp(&a.height));
        Overflow {
            pages: pass.pages,
            limit,
            over: (end - limit as f64 * track.body_height()).max(0.0),
            parts,
            adjustments: adjustments.to_vec(),
            options_too_long: options
                .organization()
                .is_some_and(|o| o.chars().count() > crate::MAX_ORGANIZATION_CHARS)
                || options
                    .contact()
                    .is_some_and(|c| c.chars().count() > crate::MAX_CONTACT_CHARS),
        }
    }
}

/// The title block's name, with what the export's options put in it.
fn title_block(options: &Options) -> String {
    let mut held = Vec::new();
    if options.logo().is_some() {
        held.push("the logo");
    }
    if options.organization().is_some() {
        held.push("the organization's name");
    }
    if options.contact().is_some() {
        held.push("the contact line");
    }
    if options.qr().is_some() {
        held.push("the QR code");
    }
    match held.split_last() {
        None => "the title block".to_owned(),
        Some((last, [])) => format!("the title block, with {last}"),
        Some((last, rest)) => format!("the title block, with {} and {last}", rest.join(", ")),
    }
}

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the fact sheet needs {} pages, not {}: it runs {:.0} mm past them",
            self.pages,
            self.limit,
            self.over.ceil(),
        )?;
        if let Some((last, rest)) = self.adjustments.split_last() {
            let rest: Vec<String> = rest.iter().map(ToString::to_string).collect();
            match rest.is_empty() {
                true => write!(f, ", even with {last}")?,
                false => write!(f, ", even with {} and {last}", rest.join(", "))?,
            }
        }
        let longest: Vec<String> = self
            .parts
            .iter()
            .take(3)
            .map(|p| format!("{} ({:.0} mm)", p.name, p.height))
            .collect();
        write!(
            f,
            "; its longest parts are {}; shorten them, export fewer sections, or choose larger \
             paper",
            longest.join("; ")
        )
    }
}
