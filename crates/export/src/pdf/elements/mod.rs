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
use super::layout::{End, Line, Look, Measure, Measured, Run, Target, drawn, layout, mm};
pub(super) use super::record::{AnchorMark, Draw, Fill, FontStyle, LinkMark, Paint};
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
    pub(super) anchors: RefCell<Vec<AnchorMark>>,
    pub(super) links: RefCell<Vec<LinkMark>>,
    /// The structure tree.
    pub(super) tree: RefCell<Tree>,
    /// What was drawn on each page, by page (the first page at 0).
    pub(super) draws: RefCell<Vec<Vec<Draw>>>,
    /// The character each glyph drawn stands for, by font style.
    pub(super) unicode: RefCell<[BTreeMap<u16, char>; 4]>,
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
}

pub(super) type Track = Rc<Tracker>;

impl Tracker {
    pub(super) fn new(
        paper: (f64, f64),
        margins: (f64, f64, f64, f64),
        measured: &Rc<Measured>,
        dry: bool,
        hyphenator: Option<&'static hyphenation::Standard>,
    ) -> Track {
        Rc::new(Tracker {
            hyphenator,
            measured: Rc::clone(measured),
            blocks: Cell::new(0),
            dry,
            paper,
            margins,
            page: Cell::new(0),
            body_bottom: Cell::new(0.0),
            body_height: Cell::new(0.0),
            anchors: RefCell::new(Vec::new()),
            links: RefCell::new(Vec::new()),
            tree: RefCell::new(Tree::default()),
            draws: RefCell::new(Vec::new()),
            unicode: RefCell::new(Default::default()),
            glyph_ids: RefCell::default(),
            next_mcid: Cell::new(0),
            open: Cell::new(None),
        })
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
            self.tree.borrow_mut().push(tag, Kid::Annot(index));
        }
    }

    fn record(&self, draw: Draw) {
        if let Some(page) = self.draws.borrow_mut().last_mut() {
            page.push(draw);
        }
    }

    /// Records one text operation: the glyphs and kerning genpdf would have drawn for
    /// `text` in `look` (the same font data, through genpdf's own metrics).
    fn record_text(
        &self,
        cx: &Context,
        look: Look,
        text: &str,
        mark: Mark,
        continues: bool,
        soft_hyphen: bool,
    ) {
        let fonts = &cx.font_cache;
        let font = look.style().font(fonts);
        let style = FontStyle::of(look.bold, look.italic);
        let mut glyph_ids = self.glyph_ids.borrow_mut();
        let mut glyphs = Vec::with_capacity(text.len());
        let mut last = None;
        for c in text.chars() {
            let id = *glyph_ids.entry((style, c)).or_insert_with(|| {
                let id = font.glyph_ids(fonts, [c]).first().copied().unwrap_or(0);
                self.unicode.borrow_mut()[style.index()]
                    .entry(id)
                    .or_insert(c);
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
        drop(glyph_ids);
        let marked = self.mark(mark, continues);
        let soft_hyphen = match (soft_hyphen, mark) {
            (true, Mark::Node(node)) => {
                // Marked content of its own, not nested in the word's: poppler, for one, reads
                // no further in a marked sequence than a nested one.
                let mcid = self.next_mcid.get();
                self.next_mcid.set(mcid + 1);
                let page = self.page.get();
                self.tree
                    .borrow_mut()
                    .push(node, Kid::Content { page, mcid });
                self.open.set(None);
                Some(mcid)
            }
            _ => None,
        };
        self.record(Draw::Text {
            style,
            glyphs,
            marked,
            soft_hyphen,
        });
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

/// The background of the key figures' cells.
pub(super) const SHADE: (u8, u8, u8) = (238, 241, 243);

#[cfg(test)]
mod tests;
