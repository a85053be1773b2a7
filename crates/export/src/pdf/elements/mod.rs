//! genpdf elements for the handout: wrapped text blocks, tables, and the page decorator.
//!
//! Every element sits directly in the document's vertical layout, so the right and bottom edges
//! of the area it gets are those of the page body. That is how an element learns where on the
//! page it is (genpdf's `Area` keeps its origin private), which the links, the outline and the
//! table of contents need.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Margins, Mm, PageDecorator, Position, RenderResult, Size};
use rustc_hash::FxHashMap;

use super::PT;
use super::fonts::{FontId, FontSet};
use super::layout::{End, Line, Look, Measure, Measured, Run, Seg, Target, drawn, layout, mm};
pub(super) use super::record::{AnchorMark, Draw, Fill, FontStyle, GlyphRun, LinkMark, Paint};
use super::shape::{all_own, itemize};
use super::tags::{Artifact, Kid, Mark, Marked, NodeId, Tree};

mod band;
mod chart;
mod footer;
mod org;
mod rule;
mod table;
mod text;

pub(super) use band::*;
pub(super) use chart::*;
pub(super) use footer::*;
pub(super) use org::*;
pub(super) use rule::*;
pub(super) use table::*;
pub(super) use text::*;

/// Page geometry and what the elements record while they render.
#[derive(Debug)]
pub(super) struct Tracker {
    pub(super) paper: (f64, f64),
    pub(super) margins: (f64, f64, f64, f64),
    pub(super) page: Cell<usize>,
    body_bottom: Cell<f64>,
    body_height: Cell<f64>,
    /// Where the last element drawn ends: its page, and mm from the top of the page.
    end: Cell<(usize, f64)>,
    pub(super) anchors: RefCell<Vec<AnchorMark>>,
    pub(super) links: RefCell<Vec<LinkMark>>,
    /// The structure tree.
    pub(super) tree: RefCell<Tree>,
    /// What was drawn on each page, by page (the first page at 0).
    pub(super) draws: RefCell<Vec<Vec<Draw>>>,
    /// What each glyph drawn stands for, by face and mapping variant. A glyph that stands for
    /// different text in different places (a vowel sign that shaping moved before its
    /// consonant stands for the whole cluster; the consonant, for nothing there) is written
    /// through another variant: a font of its own over the same embedded subset, whose
    /// `/ToUnicode` map says so. Text extraction then reads every glyph's text in drawing
    /// order. An empty string maps a glyph to nothing.
    pub(super) unicode: RefCell<Vec<Vec<BTreeMap<u16, String>>>>,
    /// The glyph of each character drawn, by style, as genpdf finds it: asked once a pass, which
    /// is when the glyph's character is noted for `unicode`.
    glyph_ids: RefCell<FxHashMap<(FontStyle, char), u16>>,
    /// The next MCID on this page.
    next_mcid: Cell<u32>,
    /// The node and MCID of the marked content the current text section has open.
    open: Cell<Option<(NodeId, u32)>>,
    /// Text widths, kerning and laid-out blocks, shared by every pass over one document.
    measured: Rc<Measured>,
    /// How many text blocks have been built, which numbers the next.
    blocks: Cell<usize>,
    /// A pass that only finds where things land: it lays out and paginates but draws nothing.
    dry: bool,
    /// The hyphenation dictionary of the document's language, if there is one.
    hyphenator: Option<&'static hyphenation::Standard>,
    /// The smallest size of text, in points (large print raises every smaller text to it).
    floor: u8,
}

pub(super) type Track = Rc<Tracker>;

impl Tracker {
    pub(super) fn new(
        paper: (f64, f64),
        margins: (f64, f64, f64, f64),
        measured: &Rc<Measured>,
        dry: bool,
        hyphenator: Option<&'static hyphenation::Standard>,
        floor: u8,
    ) -> Track {
        Rc::new(Tracker {
            hyphenator,
            floor,
            measured: Rc::clone(measured),
            blocks: Cell::new(0),
            dry,
            paper,
            margins,
            page: Cell::new(0),
            body_bottom: Cell::new(0.0),
            body_height: Cell::new(0.0),
            end: Cell::new((0, 0.0)),
            anchors: RefCell::new(Vec::new()),
            links: RefCell::new(Vec::new()),
            tree: RefCell::new(Tree::default()),
            draws: RefCell::new(Vec::new()),
            unicode: RefCell::new(vec![vec![BTreeMap::new()]; 4]),
            glyph_ids: RefCell::default(),
            next_mcid: Cell::new(0),
            open: Cell::new(None),
        })
    }

    /// A look at least as large as the smallest text the handout allows.
    pub(super) fn look(&self, mut look: Look) -> Look {
        look.size = look.size.max(self.floor);
        look
    }

    /// Runs at least as large as the smallest text the handout allows.
    pub(super) fn runs(&self, mut runs: Vec<Run>) -> Vec<Run> {
        for run in &mut runs {
            run.look = self.look(run.look);
        }
        runs
    }

    /// A new structure element under `parent`.
    pub(super) fn node(&self, role: super::tags::Role, parent: NodeId) -> NodeId {
        self.tree.borrow_mut().add(role, parent)
    }

    /// Puts a node into the structure tree now, even if nothing of it is drawn (an empty
    /// table cell).
    fn attach(&self, node: NodeId) {
        if !self.dry {
            self.tree.borrow_mut().attach(node);
        }
    }

    /// The faces the document is drawn with.
    pub(super) fn fonts(&self) -> &FontSet {
        &self.measured.fonts
    }

    fn new_page(&self) {
        self.page.set(self.page.get() + 1);
        self.next_mcid.set(0);
        self.open.set(None);
        if !self.dry {
            self.draws.borrow_mut().push(Vec::new());
        }
    }

    /// How the next drawing operation is marked. `continues` says whether it is in the same
    /// text object as the last one, so that it can go on in the same marked content.
    fn mark(&self, mark: Mark, continues: bool) -> Marked {
        match mark {
            Mark::Artifact(a) => {
                self.open.set(None);
                Marked::Artifact(a)
            }
            Mark::Node(node) => {
                let mut tree = self.tree.borrow_mut();
                let role = tree.role(node);
                let mcid = match self.open.get() {
                    Some((open, mcid)) if open == node && continues => mcid,
                    _ => {
                        let mcid = self.next_mcid.get();
                        self.next_mcid.set(mcid + 1);
                        let page = self.page.get();
                        tree.push(node, Kid::Content { page, mcid });
                        mcid
                    }
                };
                self.open.set(Some((node, mcid)));
                Marked::Content { mcid, role }
            }
        }
    }

    /// Records a clickable rectangle on this page, and puts its annotation in the structure
    /// element `tag` (a `Link`) after what the element holds so far.
    fn link(&self, rect: (f64, f64, f64, f64), target: &Target, text: String, tag: Option<NodeId>) {
        let index = {
            let mut links = self.links.borrow_mut();
            links.push(LinkMark {
                page: self.page.get(),
                rect,
                target: target.clone(),
                text,
            });
            links.len() - 1
        };
        if let (Some(tag), false) = (tag, self.dry) {
            // Words in another language inside a link are a `Span` in the `Link`: the
            // annotation belongs to the link.
            let mut tree = self.tree.borrow_mut();
            let link = match (tree.role(tag), tree.nodes[tag].parent) {
                (super::tags::Role::Span, Some(parent)) => parent,
                _ => tag,
            };
            tree.push(link, Kid::Annot(index));
        }
    }

    fn record(&self, draw: Draw) {
        if let Some(page) = self.draws.borrow_mut().last_mut() {
            page.push(draw);
        }
    }

    /// Records one text operation: Liberation Sans's glyphs and kerning as genpdf would have
    /// drawn them (the same font data, through genpdf's own metrics), and the shaped glyphs
    /// of any other face.
    fn record_text(
        &self,
        cx: &Context,
        look: Look,
        text: &str,
        mark: Mark,
        continues: bool,
        soft_hyphen: bool,
    ) {
        let style = FontStyle::of(look.bold, look.italic);
        let (mut runs, mut actual) = self.glyph_runs(cx, look, text, false);
        if soft_hyphen {
            self.soft_hyphen(&mut runs, &mut actual);
        }
        // Text that carries its own reading marks off marked content of its own: the marks
        // say what the whole sequence reads as.
        let marked = self.mark(mark, continues && actual.is_none());
        if actual.is_some() {
            self.open.set(None);
        }
        self.record(Draw::Text {
            style,
            runs,
            marked,
            shift: 0,
            actual,
        });
    }

    /// The hyphen a line break added, the last glyph of `runs`, drawn through a mapping
    /// variant in which its glyph stands for a soft hyphen (U+00AD): text read from the file
    /// has the word whole, with a soft hyphen where it broke, and the paragraph stays one
    /// marked-content sequence. (A hyphen in marked content of its own with `/ActualText`
    /// split the word in two for readers that read the glyphs' mappings.)
    fn soft_hyphen(&self, runs: &mut Vec<GlyphRun>, actual: &mut Option<String>) {
        let Some(last) = runs.last_mut() else {
            return;
        };
        let Some((kern, glyph)) = last.glyphs.pop() else {
            return;
        };
        if let Some(rise) = last.rise.take() {
            let kept = &rise[..rise.len().saturating_sub(1)];
            last.rise = kept.iter().any(|&r| r != 0).then(|| kept.into());
        }
        let (font, trail) = (last.font, std::mem::take(&mut last.trail));
        if last.glyphs.is_empty() {
            runs.pop();
        }
        let variant = variant_for(
            &mut self.unicode.borrow_mut()[font.index()],
            glyph,
            "\u{ad}",
        );
        runs.push(GlyphRun {
            font,
            variant,
            glyphs: vec![(kern, glyph)],
            rise: None,
            trail,
        });
        if let Some(text) = actual
            && text.ends_with('-')
        {
            text.pop();
            text.push('\u{ad}');
        }
    }

    /// Marked content of its own for what is drawn next, taken now: pieces of a line drawn
    /// in another order than they are read take their marks in reading order first.
    fn mark_alone(&self, mark: Mark) -> Marked {
        let marked = self.mark(mark, false);
        self.open.set(None);
        marked
    }

    /// Records a piece of a reordered line, in marked content taken for it, drawn from `shift`
    /// mm right of where the last piece left the pen. A right-to-left piece's glyphs are drawn
    /// in reading order, each moved to its place, so that a reader that takes text in the
    /// order it is drawn reads it as written; the pen ends at the piece's right edge.
    fn record_piece(
        &self,
        cx: &Context,
        look: Look,
        text: &str,
        rtl: bool,
        marked: Marked,
        shift: f64,
    ) {
        let style = FontStyle::of(look.bold, look.italic);
        let (mut runs, actual) = self.glyph_runs(cx, look, text, rtl);
        // Millimetres to thousandths of an em of this size, backwards as a `TJ` array has it.
        let mut shift = -(shift * 72.0 / 25.4 / f64::from(look.size) * 1000.0).round() as i64;
        if rtl {
            let (reordered, lead) = self.in_reading_order(runs);
            runs = reordered;
            shift += lead;
        }
        let shift = shift.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        self.record(Draw::Text {
            style,
            runs,
            marked,
            shift,
            // Drawn in reading order, the glyphs' own mappings say the text.
            actual: if rtl { None } else { actual },
        });
    }

    /// The advance of a glyph as the file's widths give it, in thousandths of an em.
    fn advance(&self, font: FontId, glyph: u16) -> i64 {
        let face = self.measured.fonts.face(font);
        let units = face
            .ttf
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0);
        (f64::from(units) * 1000.0 / face.units_per_em).round() as i64
    }

    /// Glyph runs drawn left to right, redrawn from the last glyph to the first, each moved to
    /// the place it had: the same picture, in the order a right-to-left piece is read. The pen
    /// ends where it ended before, at the right edge. Also returns the move before the first
    /// glyph (to the far end of the piece), which can be longer than a glyph's adjustment.
    fn in_reading_order(&self, runs: Vec<GlyphRun>) -> (Vec<GlyphRun>, i64) {
        // Each glyph's place (thousandths from the start), rise, face and variant.
        let mut placed = Vec::new();
        let mut x = 0i64;
        for run in &runs {
            for (i, &(kern, glyph)) in run.glyphs.iter().enumerate() {
                x -= i64::from(kern);
                let rise = run.rise.as_ref().map_or(0, |r| r[i]);
                placed.push((x, glyph, rise, run.font, run.variant));
                x += self.advance(run.font, glyph);
            }
            x -= i64::from(run.trail);
        }
        let end = x;
        let mut out = Runs::default();
        // The first glyph is reached by the lead, before any run.
        let lead = placed.last().map_or(0, |&(at, ..)| -at);
        let mut cursor = -lead;
        for &(at, glyph, rise, font, variant) in placed.iter().rev() {
            let kern = (cursor - at).clamp(-32768, 32767);
            cursor -= kern;
            cursor += self.advance(font, glyph);
            out.push(font, variant, (kern as i16, glyph), rise);
        }
        let mut out = out.finish();
        if let Some(run) = out.last_mut() {
            run.trail = (cursor - end).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        }
        (out, lead)
    }

    /// The glyph runs of text in drawing order, and the text itself when the glyphs' own
    /// mappings, read in drawing order, do not say it (a right-to-left run, a cluster whose
    /// glyphs are not its characters).
    fn glyph_runs(
        &self,
        cx: &Context,
        look: Look,
        text: &str,
        rtl: bool,
    ) -> (Vec<GlyphRun>, Option<String>) {
        let style = FontStyle::of(look.bold, look.italic);
        if !rtl && all_own(text, style) {
            return (
                vec![GlyphRun::own(style, self.own_glyphs(cx, look, text))],
                None,
            );
        }
        // What the glyphs' own mappings to characters say, in drawing order.
        let mut mapped = String::with_capacity(text.len());
        let set = Rc::clone(&self.measured.fonts);
        let mut items = itemize(&set, text, style, rtl, &mut |_| {});
        if rtl {
            // Right to left, the last run is drawn first.
            items.reverse();
        }
        let mut runs = Vec::with_capacity(items.len());
        for (range, font) in items {
            let part = &text[range];
            if font.style().is_some() && rtl {
                runs.extend(self.own_mirrored(cx, look, part, &mut mapped));
            } else if font.style().is_some() {
                runs.push(GlyphRun::own(style, self.own_glyphs(cx, look, part)));
                mapped.push_str(part);
            } else {
                runs.extend(self.shaped_run(font, part, rtl, &mut mapped));
            }
        }
        let actual = (mapped != text).then(|| text.to_owned());
        (runs, actual)
    }

    /// Liberation Sans's glyphs for characters set right to left: drawn from the last to the
    /// first, each bracket turned to face the other way, each glyph standing for its own
    /// character (a turned bracket through another mapping variant).
    fn own_mirrored(
        &self,
        cx: &Context,
        look: Look,
        text: &str,
        mapped: &mut String,
    ) -> Vec<GlyphRun> {
        let style = FontStyle::of(look.bold, look.italic);
        let drawn = mirrored_reversed(text);
        let glyphs = self.own_glyphs(cx, look, &drawn);
        let mut unicode = self.unicode.borrow_mut();
        let variants = &mut unicode[style.index()];
        let mut runs = Runs::default();
        for ((kern, glyph), c) in glyphs.into_iter().zip(text.chars().rev()) {
            let stands = c.to_string();
            let variant = variant_for(variants, glyph, &stands);
            mapped.push_str(&stands);
            runs.push(FontId::of_style(style), variant, (kern, glyph), 0);
        }
        runs.finish()
    }

    /// Liberation Sans's glyphs for text, each after genpdf's kerning before it.
    fn own_glyphs(&self, cx: &Context, look: Look, text: &str) -> Vec<(i16, u16)> {
        let fonts = &cx.font_cache;
        let font = look.style().font(fonts);
        let style = FontStyle::of(look.bold, look.italic);
        let mut glyph_ids = self.glyph_ids.borrow_mut();
        let mut glyphs = Vec::with_capacity(text.len());
        let mut last = None;
        for c in text.chars() {
            let id = *glyph_ids.entry((style, c)).or_insert_with(|| {
                let id = font.glyph_ids(fonts, [c]).first().copied().unwrap_or(0);
                self.unicode.borrow_mut()[style.index()][0]
                    .entry(id)
                    .or_insert_with(|| c.to_string());
                id
            });
            // Kerning depends on the pair alone. It is in ems; a TJ array takes thousandths,
            // the other way round. A font's kerning is a fraction of an em, so thousandths
            // fit a short (the cast saturates), and a long guide's millions of glyphs take
            // half the memory.
            let kern = match last {
                None => 0,
                Some(a) => (self.measured.kerning(fonts, look, a, c) * -1000.0) as i16,
            };
            glyphs.push((kern, id));
            last = Some(c);
        }
        glyphs
    }

    /// The shaped glyphs of a run in a face other than Liberation Sans, placed as shaping
    /// placed them: each glyph's offset and the difference between its shaped advance and
    /// its advance in the font go in the adjustments. Each glyph is written through the first
    /// mapping variant that agrees with what it stands for here (see [`Tracker::unicode`] and
    /// [`stands_for`]); that is appended to `mapped`, in drawing order. One run is returned
    /// for each change of variant.
    fn shaped_run(
        &self,
        font: FontId,
        text: &str,
        rtl: bool,
        mapped: &mut String,
    ) -> Vec<GlyphRun> {
        let glyphs = self.measured.shaped(font, rtl, text);
        let face = self.measured.fonts.face(font);
        let em = face.units_per_em;
        let thousandths = |units: i64| units as f64 * 1000.0 / em;
        let mut unicode = self.unicode.borrow_mut();
        if unicode.len() <= font.index() {
            unicode.resize_with(font.index() + 1, Vec::new);
        }
        let variants = &mut unicode[font.index()];
        let mut runs = Runs::default();
        // Where the file's text cursor is, and where shaping's pen is.
        let mut cursor = 0.0f64;
        let mut pen = 0i64;
        // Characters go to glyphs in reading order: right to left, the glyphs reversed.
        let stands = if rtl {
            let logical: Vec<super::shape::Glyph> = glyphs.iter().rev().copied().collect();
            let mut stands = stands_for(&logical, text);
            stands.reverse();
            stands
        } else {
            stands_for(&glyphs, text)
        };
        for (g, stands_for) in glyphs.iter().zip(stands) {
            let target = thousandths(pen + i64::from(g.dx));
            let kern = (cursor - target).round().clamp(-32768.0, 32767.0);
            cursor -= kern;
            let advance = face
                .ttf
                .glyph_hor_advance(ttf_parser::GlyphId(g.id))
                .unwrap_or(0);
            cursor += thousandths(i64::from(advance)).round();
            pen += i64::from(g.advance);
            mapped.push_str(stands_for);
            let variant = variant_for(variants, g.id, stands_for);
            let rise = thousandths(i64::from(g.dy)).round() as i16;
            runs.push(font, variant, (kern as i16, g.id), rise);
        }
        let mut runs = runs.finish();
        if let Some(run) = runs.last_mut() {
            run.trail = (cursor - thousandths(pen)).round() as i32;
        }
        runs
    }

    /// Prints one string at a position of the area, in a text object of its own.
    fn print(
        &self,
        cx: &Context,
        area: &Area<'_>,
        position: Position,
        look: Look,
        text: &str,
        mark: Mark,
    ) -> Result<(), Error> {
        if self.dry {
            return Ok(());
        }
        let look = self.look(look);
        if self.measured.rtl || super::has_rtl(text) {
            // Reordered for display like a line of a paragraph, from the same left edge.
            let m = measure(cx, self);
            let width = m.width(text, look);
            let line = Line {
                segs: vec![Seg {
                    text: text.to_owned(),
                    look,
                    target: None,
                    tag: None,
                    x: 0.0,
                    width,
                }],
                height: m.line_height(look),
                tallest: look,
                end: End::Last,
                room: width,
            };
            let at = (mm(position.x), mm(position.y));
            print_bidi_lines(cx, self, area, std::slice::from_ref(&line), at, mark)?;
            return Ok(());
        }
        if area.print_str(&cx.font_cache, position, look.style(), "")? {
            self.record_text(cx, look, &drawn(text), mark, false, false);
        }
        Ok(())
    }

    /// Paints a rectangle of the area: `x`, `y` from its top left corner, in mm.
    fn fill(&self, area: &Area<'_>, rect: (f64, f64, f64, f64), color: (u8, u8, u8), mark: Mark) {
        self.paint(area, rect, Paint::Color(color), mark);
    }

    /// Fills a rectangle of the area with a color or the logo.
    fn paint(&self, area: &Area<'_>, rect: (f64, f64, f64, f64), paint: Paint, mark: Mark) {
        let (x, y, w, h) = rect;
        if self.dry || w <= 0.0 || h <= 0.0 {
            return;
        }
        let marked = self.mark(mark, false);
        let (left, top) = self.origin(area);
        let fill = Fill {
            rect: (
                (left + x) * PT,
                (self.paper.1 - (top + y + h)) * PT,
                w * PT,
                h * PT,
            ),
            paint,
        };
        self.record(Draw::Path {
            marked,
            fill: Some(fill),
        });
        area.draw_line(
            vec![
                Position::new(Mm::from(x), Mm::from(y)),
                Position::new(Mm::from(x + w), Mm::from(y)),
            ],
            Style::new(),
        );
    }

    /// The top left corner of an area of the body, in mm from the page's top left corner.
    fn origin(&self, area: &Area<'_>) -> (f64, f64) {
        let size = area.size();
        (
            self.paper.0 - self.margins.1 - mm(size.width),
            self.body_bottom.get() - mm(size.height),
        )
    }

    /// Where the page body ends, in mm from the top of the page.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) fn body_bottom(&self) -> f64 {
        self.body_bottom.get()
    }

    /// How far down the body the text has come, in mm, as though every page's body
    /// followed the last: a place on `page` (from 1), `y` mm from the top of the page.
    pub(super) fn depth(&self, page: usize, y: f64) -> f64 {
        let height = self.body_height.get();
        let top = self.body_bottom.get() - height;
        page.saturating_sub(1) as f64 * height + (y - top)
    }

    /// The height of a page's body, in mm.
    pub(super) fn body_height(&self) -> f64 {
        self.body_height.get()
    }

    /// How far down the body the last element drawn ends (see [`Tracker::depth`]).
    pub(super) fn end(&self) -> f64 {
        let (page, y) = self.end.get();
        self.depth(page, y)
    }

    /// Notes that an element drawn in `area` took `height` mm of it.
    pub(super) fn reached(&self, area: &Area<'_>, height: f64) {
        if height > 0.0 {
            let (_, top) = self.origin(area);
            self.end.set((self.page.get(), top + height));
        }
    }

    /// Whether the area is a whole, untouched page body.
    fn fresh(&self, area: &Area<'_>) -> bool {
        mm(area.size().height) >= self.body_height.get() - 0.01
    }

    fn anchor(&self, id: &str, level: Option<u8>, title: &str, y: f64) {
        self.anchors.borrow_mut().push(AnchorMark {
            id: id.to_owned(),
            level,
            title: title.to_owned(),
            page: self.page.get(),
            y,
        });
    }
}

/// The first mapping variant of a face in which a glyph stands for this text, or a new one
/// (see [`Tracker::unicode`]), which now says so.
fn variant_for(variants: &mut Vec<BTreeMap<u16, String>>, glyph: u16, stands: &str) -> u16 {
    let index = match variants
        .iter()
        .position(|v| v.get(&glyph).is_none_or(|t| t == stands))
    {
        Some(v) => v,
        None => {
            variants.push(BTreeMap::new());
            variants.len() - 1
        }
    };
    variants[index]
        .entry(glyph)
        .or_insert_with(|| stands.to_owned());
    index as u16
}

/// Glyph runs built glyph by glyph: a new run wherever the face or the mapping variant
/// changes, with the glyphs' rises kept only for a run that has any.
#[derive(Default)]
struct Runs {
    runs: Vec<GlyphRun>,
    rises: Vec<Vec<i16>>,
}

impl Runs {
    fn push(&mut self, font: FontId, variant: u16, glyph: (i16, u16), rise: i16) {
        if self
            .runs
            .last()
            .is_none_or(|r| (r.font, r.variant) != (font, variant))
        {
            self.runs.push(GlyphRun {
                font,
                variant,
                glyphs: Vec::new(),
                rise: None,
                trail: 0,
            });
            self.rises.push(Vec::new());
        }
        if let (Some(run), Some(rises)) = (self.runs.last_mut(), self.rises.last_mut()) {
            run.glyphs.push(glyph);
            rises.push(rise);
        }
    }

    fn finish(mut self) -> Vec<GlyphRun> {
        for (run, rises) in self.runs.iter_mut().zip(self.rises) {
            run.rise = rises.iter().any(|&r| r != 0).then(|| rises.into());
        }
        self.runs
    }
}

/// Characters of Liberation Sans set right to left: in reverse order, each bracket turned to
/// face the other way.
fn mirrored_reversed(text: &str) -> String {
    text.chars()
        .rev()
        .map(|c| match c {
            '(' => ')',
            ')' => '(',
            '[' => ']',
            ']' => '[',
            '{' => '}',
            '}' => '{',
            '<' => '>',
            '>' => '<',
            '«' => '»',
            '»' => '«',
            '‹' => '›',
            '›' => '‹',
            other => other,
        })
        .collect()
}

/// What each shaped glyph stands for, so that the glyphs' texts in drawing order are the text.
///
/// A cluster's characters go to its glyphs in drawing order, one each, the last glyph taking
/// what is left: a vowel sign drawn before its consonant stands for the consonant, and the
/// consonant after it for the sign. Only glyphs on the baseline that advance the pen carry
/// text when the cluster has any, and the others stand for nothing (a word joiner): a reader
/// takes a glyph raised or lowered for text of another line.
fn stands_for<'t>(glyphs: &[super::shape::Glyph], text: &'t str) -> Vec<&'t str> {
    // A glyph of no text maps to a word joiner: every code must map to something (PDF/UA),
    // and the joiner neither shows nor breaks a word. The text it is part of is then said
    // outright, as the marked content's `/ActualText`.
    let mut out = vec!["\u{2060}"; glyphs.len()];
    let mut i = 0;
    while i < glyphs.len() {
        let cluster = glyphs[i].cluster;
        let n = glyphs[i..]
            .iter()
            .take_while(|g| g.cluster == cluster)
            .count();
        let end = glyphs
            .iter()
            .map(|g| g.cluster)
            .filter(|&c| c > cluster)
            .min()
            .map_or(text.len(), |c| c as usize);
        let start = (cluster as usize).min(end);
        let part = text.get(start..end).unwrap_or("");
        // The glyphs that carry the characters: those on the baseline that advance the pen,
        // else those that advance, else all; at most one a character.
        let chars = part.chars().count().max(1);
        let pick = |keep: &dyn Fn(&super::shape::Glyph) -> bool| -> Vec<usize> {
            (i..i + n).filter(|&j| keep(&glyphs[j])).collect()
        };
        let mut carriers = pick(&|g| g.advance != 0 && g.dy == 0);
        if carriers.is_empty() {
            carriers = pick(&|g| g.advance != 0);
        }
        if carriers.is_empty() {
            carriers = pick(&|_| true);
        }
        carriers.truncate(chars);
        let mut rest = part;
        for (k, &j) in carriers.iter().enumerate() {
            if k + 1 == carriers.len() {
                out[j] = rest;
            } else {
                let len = rest.chars().next().map_or(0, char::len_utf8);
                out[j] = &rest[..len];
                rest = &rest[len..];
            }
        }
        i += n;
    }
    out
}

/// The background of the key figures' cells.
pub(super) const SHADE: (u8, u8, u8) = (238, 241, 243);

#[cfg(test)]
mod tests;
