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

/// Prints laid-out lines, tagged with `mark` (a segment with a tag of its own, such as a link,
/// gets that), and records their links.
///
/// Lines of one height share a text section, each moved down by the leading; a line of another
/// height starts a new section. genpdf draws each segment as an empty placeholder, and the
/// segment's real glyphs are recorded for the post-processing to put in its place. A line
/// that ends at a space keeps the space, so that text read from the file has its words apart;
/// a hyphen added by hyphenation is recorded as such.
fn print_lines(
    cx: &Context,
    track: &Tracker,
    area: &Area<'_>,
    lines: &[Line],
    (x0, mut y): (f64, f64),
    mark: Mark,
) -> Result<f64, Error> {
    let (ox, oy) = track.origin(area);
    let mut start = 0;
    while start < lines.len() {
        let height = lines[start].height;
        let run = lines[start..]
            .iter()
            .take_while(|l| (l.height - height).abs() < 1e-9 && l.tallest == lines[start].tallest)
            .count();
        let group = &lines[start..start + run];
        // Each section starts at the x of its first line's first segment: 0 for every line.
        let base = group[0].tallest.style();
        let position = Position::new(Mm::from(x0), Mm::from(y));
        let section = if track.dry {
            None
        } else {
            area.text_section(&cx.font_cache, position, base)
        };
        if let Some(mut section) = section {
            let mut continues = false;
            for (i, line) in group.iter().enumerate() {
                if i > 0 && !section.add_newline() {
                    break;
                }
                for (j, seg) in line.segs.iter().enumerate() {
                    section.print_str("", seg.look.style())?;
                    let last = j + 1 == line.segs.len();
                    let mut text = drawn(&seg.text);
                    if last && line.end == End::Space {
                        text.push(' ');
                    }
                    let hyphen = last && line.end == End::Hyphen;
                    let seg_mark = match (mark, seg.tag) {
                        (Mark::Node(_), Some(tag)) => Mark::Node(tag),
                        _ => mark,
                    };
                    track.record_text(cx, seg.look, &text, seg_mark, continues, hyphen);
                    continues = true;
                }
            }
        }
        for line in group {
            // A repeated header is an artifact, and an artifact has no links.
            let linked = matches!(mark, Mark::Node(_));
            for seg in line.segs.iter().filter(|_| linked) {
                if let Some(target) = &seg.target {
                    let rect = (ox + x0 + seg.x, oy + y, seg.width, line.height);
                    track.link(rect, target, drawn(&seg.text), seg.tag);
                }
            }
            y += line.height;
        }
        start += run;
    }
    Ok(y)
}

fn measure<'a>(cx: &'a Context, track: &'a Tracker) -> Measure<'a> {
    Measure {
        fonts: &cx.font_cache,
        hyphenator: track.hyphenator,
        measured: &track.measured,
    }
}

/// A block of wrapped text: a paragraph, a heading, a list item.
pub(super) struct TextBlock {
    runs: Vec<Run>,
    base: Look,
    /// The structure element of the block.
    node: NodeId,
    indent: f64,
    /// The marker and its `Lbl` element.
    marker: Option<(Run, NodeId)>,
    space_before: f64,
    space_after: f64,
    /// Room in mm that must follow the block's first line on the same page (for headings).
    keep_with_next: f64,
    anchor: Option<(String, Option<u8>, String)>,
    /// Text set flush right on the first line, after dot leaders (a contents entry).
    right: Option<Run>,
    track: Track,
    lines: Option<Rc<Vec<Line>>>,
    /// The block's place among the document's blocks.
    key: usize,
    next: usize,
}

impl TextBlock {
    pub(super) fn new(track: &Track, runs: Vec<Run>, base: Look, node: NodeId) -> TextBlock {
        TextBlock {
            runs,
            base,
            node,
            indent: 0.0,
            marker: None,
            space_before: 0.0,
            space_after: 0.0,
            keep_with_next: 0.0,
            anchor: None,
            right: None,
            track: Rc::clone(track),
            lines: None,
            key: {
                let key = track.blocks.get();
                track.blocks.set(key + 1);
                key
            },
            next: 0,
        }
    }

    pub(super) fn indent(mut self, mm: f64) -> Self {
        self.indent = mm;
        self
    }

    /// A bullet or number set in the indent before the first line, tagged as `label`.
    pub(super) fn marker(mut self, marker: Run, label: NodeId) -> Self {
        self.marker = Some((marker, label));
        self
    }

    pub(super) fn spacing(mut self, before: f64, after: f64) -> Self {
        self.space_before = before;
        self.space_after = after;
        self
    }

    pub(super) fn keep_with_next(mut self, mm: f64) -> Self {
        self.keep_with_next = mm;
        self
    }

    pub(super) fn anchor(mut self, id: &str, level: Option<u8>, title: &str) -> Self {
        self.anchor = Some((id.to_owned(), level, title.to_owned()));
        self
    }

    pub(super) fn right(mut self, run: Run) -> Self {
        self.right = Some(run);
        self
    }
}

impl Element for TextBlock {
    fn render(&mut self, cx: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let m = measure(cx, &self.track);
        let width = mm(area.size().width) - self.indent;
        let right_width = self
            .right
            .as_ref()
            .map_or(0.0, |r| m.width(&r.text, r.look) + 8.0);
        let w = width - right_width;
        let (runs, base, key) = (&self.runs, self.base, self.key);
        let lines = self.lines.get_or_insert_with(|| {
            m.measured
                .lines(key, w, runs, || layout(&m, runs, w, base, true))
        });
        let lines = Rc::clone(lines);
        let avail = mm(area.size().height);
        let fresh = self.track.fresh(&area);
        let mut y = 0.0;
        if self.next == 0 {
            let before = if fresh { 0.0 } else { self.space_before };
            // A paragraph does not leave a single line at the bottom of a page.
            let orphan = if lines.len() > 1 {
                lines[1].height
            } else {
                0.0
            };
            let need = before + lines[0].height + orphan.max(self.keep_with_next);
            if need > avail + 0.01 && !fresh {
                return Ok(RenderResult {
                    size: Size::new(0, 0),
                    has_more: true,
                });
            }
            y = before;
            if let Some((id, level, title)) = &self.anchor {
                let (_, oy) = self.track.origin(&area);
                self.track.anchor(id, *level, title, oy + y);
            }
        }
        let mut fit = 0;
        let mut h = y;
        while self.next + fit < lines.len() && h + lines[self.next + fit].height <= avail + 0.01 {
            h += lines[self.next + fit].height;
            fit += 1;
        }
        // Nor does it carry a single line over to the next page.
        let left = lines.len() - self.next - fit;
        if left == 1 && fit >= 2 && !(fit == 2 && self.next == 0) {
            fit -= 1;
        }
        if fit == 0 {
            if !fresh {
                return Ok(RenderResult {
                    size: Size::new(0, 0),
                    has_more: true,
                });
            }
            // A line taller than a whole page: print it anyway rather than loop.
            fit = 1;
        }
        let shown = &lines[self.next..self.next + fit];
        let track = &self.track;
        if self.next == 0
            && let Some((marker, label)) = &self.marker
        {
            let w = m.width(&marker.text, marker.look);
            let position = Position::new(Mm::from(self.indent - w - 1.6), Mm::from(y));
            track.print(
                cx,
                &area,
                position,
                marker.look,
                &marker.text,
                Mark::Node(*label),
            )?;
        }
        let end = print_lines(
            cx,
            track,
            &area,
            shown,
            (self.indent, y),
            Mark::Node(self.node),
        )?;
        // The page number of a contents entry, after its title in reading order.
        if self.next == 0
            && let Some(right) = &self.right
        {
            let w = m.width(&right.text, right.look);
            let end = shown[0].segs.last().map_or(0.0, |s| s.x + s.width);
            let dot = m.width(".", right.look);
            let dots = ((width - w - end - 3.0) / (dot * 2.0)).floor().max(0.0) as usize;
            let leader = ". ".repeat(dots);
            let lw = m.width(&leader, right.look);
            let x = self.indent + width - w - lw - 1.5;
            let grey = right.look.color((140, 140, 140));
            let at = Position::new(Mm::from(x), Mm::from(y));
            track.print(
                cx,
                &area,
                at,
                grey,
                &leader,
                Mark::Artifact(Artifact::Layout),
            )?;
            let x = self.indent + width - w;
            let at = Position::new(Mm::from(x), Mm::from(y));
            let mark = Mark::Node(right.tag.unwrap_or(self.node));
            track.print(cx, &area, at, right.look, &right.text, mark)?;
            if let (Some(target), false) = (&right.target, track.dry) {
                let (ox, oy) = track.origin(&area);
                let rect = (ox + x, oy + y, w, shown[0].height);
                track.link(rect, target, right.text.clone(), right.tag);
            }
        }
        self.next += fit;
        let has_more = self.next < lines.len();
        let height = if has_more {
            end
        } else {
            (end + self.space_after).min(avail)
        };
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(height)),
            has_more,
        })
    }
}

/// The structure elements of a table: its caption, each row with its cells, and a
/// paragraph for each note (after the table, not in it).
#[derive(Debug, Clone, Default)]
pub(super) struct TableNodes {
    pub(super) caption: NodeId,
    pub(super) header: (NodeId, Vec<NodeId>),
    pub(super) rows: Vec<(NodeId, Vec<NodeId>)>,
    pub(super) notes: Vec<NodeId>,
}

/// A table: a caption, a header row repeated on every page the table spans, and rows.
pub(super) struct TableBlock {
    nodes: TableNodes,
    caption: Vec<Run>,
    header: Vec<Vec<Run>>,
    rows: Vec<Vec<Vec<Run>>>,
    notes: Vec<Vec<Run>>,
    base: Look,
    track: Track,
    laid: Option<LaidTable>,
    next: usize,
    started: bool,
}

struct LaidTable {
    caption: Vec<Line>,
    columns: Vec<f64>,
    header: Vec<Vec<Line>>,
    rows: Vec<Vec<Vec<Line>>>,
    notes: Vec<Vec<Line>>,
}

const PAD: f64 = 1.2;
/// Tables of this many rows or fewer are not split across pages.
const SHORT_TABLE: usize = 6;
const RULE: (u8, u8, u8) = (90, 90, 90);
const HAIRLINE: (u8, u8, u8) = (200, 200, 200);

impl TableBlock {
    pub(super) fn new(
        track: &Track,
        nodes: TableNodes,
        caption: Vec<Run>,
        header: Vec<Vec<Run>>,
        rows: Vec<Vec<Vec<Run>>>,
        notes: Vec<Vec<Run>>,
        base: Look,
    ) -> TableBlock {
        TableBlock {
            nodes,
            caption,
            header,
            rows,
            notes,
            base,
            track: Rc::clone(track),
            laid: None,
            next: 0,
            started: false,
        }
    }

    /// Column widths: each column gets room for its longest word, and the rest of the width is
    /// shared in proportion to how much more each column's text would like.
    fn columns(&self, m: &Measure<'_>, width: f64) -> Vec<f64> {
        let n = self.header.len();
        let mut least = vec![0.0f64; n];
        let mut wish = vec![0.0f64; n];
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for (i, cell) in row.iter().enumerate().take(n) {
                for run in cell {
                    for word in run.text.split(' ') {
                        least[i] = least[i].max(m.width(word, run.look) + 2.0 * PAD);
                    }
                }
                let full: f64 = cell.iter().map(|r| m.width(&r.text, r.look)).sum();
                wish[i] = wish[i].max(full + 2.0 * PAD);
            }
        }
        let least_sum: f64 = least.iter().sum();
        let wish_sum: f64 = wish.iter().sum();
        if wish_sum <= width {
            // Everything fits on one line: give the spare room to the first column.
            let mut cols = wish;
            cols[0] += width - wish_sum;
            cols
        } else if least_sum <= width {
            let spare = width - least_sum;
            let want: f64 = wish.iter().zip(&least).map(|(w, l)| w - l).sum();
            least
                .iter()
                .zip(&wish)
                .map(|(l, w)| l + spare * (w - l) / want.max(1e-9))
                .collect()
        } else {
            least.iter().map(|l| l * width / least_sum).collect()
        }
    }

    fn lay_out(&self, m: &Measure<'_>, width: f64) -> LaidTable {
        let columns = self.columns(m, width);
        let cells = |row: &Vec<Vec<Run>>| -> Vec<Vec<Line>> {
            row.iter()
                .zip(&columns)
                .map(|(cell, w)| layout(m, cell, w - 2.0 * PAD, self.base, false))
                .collect()
        };
        LaidTable {
            caption: layout(m, &self.caption, width, self.base, false),
            header: cells(&self.header),
            rows: self.rows.iter().map(cells).collect(),
            notes: self
                .notes
                .iter()
                .map(|n| layout(m, n, width, self.base, true))
                .collect(),
            columns,
        }
    }
}

fn row_height(cells: &[Vec<Line>]) -> f64 {
    cells
        .iter()
        .map(|lines| lines.iter().map(|l| l.height).sum::<f64>())
        .fold(0.0, f64::max)
        + 2.0 * PAD
}

/// A horizontal line: an artifact, like every line the handout draws.
fn rule(area: &Area<'_>, track: &Tracker, y: f64, width: f64, color: (u8, u8, u8), kind: Artifact) {
    if track.dry {
        return;
    }
    let marked = track.mark(Mark::Artifact(kind), false);
    track.record(Draw::Path { marked, fill: None });
    area.draw_line(
        vec![
            Position::new(0, Mm::from(y)),
            Position::new(Mm::from(width), Mm::from(y)),
        ],
        Style::new().with_color(Color::Rgb(color.0, color.1, color.2)),
    );
}

impl Element for TableBlock {
    fn render(&mut self, cx: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let m = measure(cx, &self.track);
        let width = mm(area.size().width);
        if self.laid.is_none() {
            self.laid = Some(self.lay_out(&m, width));
        }
        let Some(t) = self.laid.as_ref() else {
            unreachable!("laid out above")
        };
        let avail = mm(area.size().height);
        let fresh = self.track.fresh(&area);
        let header_h = row_height(&t.header);
        let notes_h = 1.5
            + t.notes
                .iter()
                .flat_map(|n| n.iter().map(|l| l.height))
                .sum::<f64>();
        if self.started && self.next >= t.rows.len() {
            // Every row is printed and only the notes were left for this page.
            let mut y = 0.0;
            for (note, node) in t.notes.iter().zip(&self.nodes.notes) {
                y = print_lines(cx, &self.track, &area, note, (0.0, y), Mark::Node(*node))?;
            }
            return Ok(RenderResult {
                size: Size::new(area.size().width, Mm::from((y + 3.0).min(avail))),
                has_more: false,
            });
        }
        let mut y = 0.0;
        if !self.started {
            let caption_h: f64 = t.caption.iter().map(|l| l.height).sum();
            let rows: Vec<f64> = t.rows.iter().map(|r| row_height(r)).collect();
            // A short table stays whole; a long one needs room for its first row.
            let body = if rows.len() <= SHORT_TABLE {
                rows.iter().sum()
            } else {
                rows.first().copied().unwrap_or(0.0)
            };
            let before = if fresh { 0.0 } else { 2.0 };
            if before + caption_h + 1.0 + header_h + body > avail && !fresh {
                return Ok(RenderResult {
                    size: Size::new(0, 0),
                    has_more: true,
                });
            }
            self.started = true;
            let caption = Mark::Node(self.nodes.caption);
            y = print_lines(cx, &self.track, &area, &t.caption, (0.0, before), caption)? + 1.0;
        } else if header_h + t.rows.get(self.next).map_or(0.0, |r| row_height(r)) > avail && !fresh
        {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        // The header row, on every page the table spans; where it is repeated, an artifact.
        let track = &self.track;
        let layout = Artifact::Layout;
        rule(&area, track, y, width, RULE, layout);
        let repeated = self.next > 0;
        if !repeated {
            track.attach(self.nodes.header.0);
        }
        let mut x = 0.0;
        for ((cell, w), node) in t.header.iter().zip(&t.columns).zip(&self.nodes.header.1) {
            let mark = if repeated {
                Mark::Artifact(layout)
            } else {
                track.attach(*node);
                Mark::Node(*node)
            };
            print_lines(cx, track, &area, cell, (x + PAD, y + PAD), mark)?;
            x += w;
        }
        y += header_h;
        rule(&area, track, y, width, RULE, layout);
        let mut printed = 0;
        while let Some(row) = t.rows.get(self.next) {
            let h = row_height(row);
            if y + h > avail + 0.01 && printed > 0 {
                break;
            }
            let (tr, cells) = &self.nodes.rows[self.next];
            track.attach(*tr);
            let mut x = 0.0;
            for ((cell, w), node) in row.iter().zip(&t.columns).zip(cells) {
                // Empty cells too: the table's grid stays whole.
                track.attach(*node);
                print_lines(
                    cx,
                    track,
                    &area,
                    cell,
                    (x + PAD, y + PAD),
                    Mark::Node(*node),
                )?;
                x += w;
            }
            y += h;
            self.next += 1;
            printed += 1;
            if self.next < t.rows.len() {
                rule(&area, track, y, width, HAIRLINE, layout);
            }
        }
        if self.next < t.rows.len() {
            return Ok(RenderResult {
                size: Size::new(area.size().width, Mm::from(y.min(avail))),
                has_more: true,
            });
        }
        rule(&area, track, y, width, RULE, layout);
        if !t.notes.is_empty() && y + notes_h > avail + 0.01 {
            // The notes do not fit under the last row: they open the next page.
            return Ok(RenderResult {
                size: Size::new(area.size().width, Mm::from(y.min(avail))),
                has_more: true,
            });
        }
        y += 1.5;
        for (note, node) in t.notes.iter().zip(&self.nodes.notes) {
            y = print_lines(cx, track, &area, note, (0.0, y), Mark::Node(*node))?;
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from((y + 3.0).min(avail))),
            has_more: false,
        })
    }
}

/// Vertical space; at the top of a page it takes none.
pub(super) struct Space {
    mm: f64,
    track: Track,
}

impl Space {
    pub(super) fn new(track: &Track, mm: f64) -> Space {
        Space {
            mm,
            track: Rc::clone(track),
        }
    }
}

impl Element for Space {
    fn render(&mut self, _: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let h = if self.track.fresh(&area) {
            0.0
        } else {
            self.mm.min(mm(area.size().height))
        };
        Ok(RenderResult {
            size: Size::new(0, Mm::from(h)),
            has_more: false,
        })
    }
}

/// A horizontal rule across the body.
pub(super) struct Rule {
    color: (u8, u8, u8),
    space: f64,
    track: Track,
}

impl Rule {
    pub(super) fn new(track: &Track, color: (u8, u8, u8), space: f64) -> Rule {
        Rule {
            color,
            space,
            track: Rc::clone(track),
        }
    }
}

impl Element for Rule {
    fn render(&mut self, _: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let h = (2.0 * self.space).min(mm(area.size().height));
        let width = mm(area.size().width);
        rule(
            &area,
            &self.track,
            h / 2.0,
            width,
            self.color,
            Artifact::Layout,
        );
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(h)),
            has_more: false,
        })
    }
}

/// A chart: its caption, then a row for each figure (the label and the figures as text, the
/// bar below them), all of it a `Figure` whose alternative text states every figure. Rows
/// that do not fit go on to the next page.
pub(super) struct ChartBlock {
    track: Track,
    chart: crate::Chart,
    caption: String,
    node: NodeId,
    /// The first row not yet drawn.
    next: usize,
    colors: ChartColors,
}

/// The colors of a chart's bars for the guide's own figures, of comparisons, and of marks.
pub(super) type ChartColors = ((u8, u8, u8), (u8, u8, u8), (u8, u8, u8));

/// A chart's geometry in mm: the caption line, a row, the text line of a row, a bar, a mark's
/// width, and the share of the width the axis takes.
const CHART_CAPTION: f64 = 5.0;
const CHART_ROW: f64 = 6.4;
const CHART_TEXT: f64 = 3.8;
const CHART_BAR: f64 = 2.2;
const CHART_MARK: f64 = 0.7;
const CHART_AXIS: f64 = 0.62;

impl ChartBlock {
    pub(super) fn new(
        track: &Track,
        chart: crate::Chart,
        caption: String,
        node: NodeId,
        colors: ChartColors,
    ) -> ChartBlock {
        ChartBlock {
            track: Rc::clone(track),
            chart,
            caption,
            node,
            next: 0,
            colors,
        }
    }
}

impl Element for ChartBlock {
    fn render(&mut self, cx: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let track = &self.track;
        let height = mm(area.size().height);
        let axis = mm(area.size().width) * CHART_AXIS;
        let first = self.next == 0;
        let top = if first { CHART_CAPTION } else { 0.0 };
        // The whole chart together, unless the page is fresh: only a chart taller than a
        // page breaks, between rows.
        let rows_left = self.chart.rows.len() - self.next;
        let need = top + CHART_ROW * rows_left as f64;
        if need > height && !track.fresh(&area) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        let mark = Mark::Node(self.node);
        if first {
            let look = Look::new(9).bold();
            track.print(
                cx,
                &area,
                Position::new(0, Mm::from(0.8)),
                look,
                &self.caption,
                mark,
            )?;
        }
        let mut y = top;
        let label = Look::new(8);
        let value = Look::new(8).color((85, 85, 85));
        let m = measure(cx, track);
        while self.next < self.chart.rows.len() && (y + CHART_ROW <= height || y == 0.0) {
            let row = &self.chart.rows[self.next];
            let mut x = 0.0;
            if !row.label.is_empty() {
                track.print(
                    cx,
                    &area,
                    Position::new(0, Mm::from(y)),
                    label,
                    &row.label,
                    mark,
                )?;
                x = m.width(&row.label, label) + 2.5;
            }
            track.print(
                cx,
                &area,
                Position::new(Mm::from(x), Mm::from(y)),
                value,
                &row.value,
                mark,
            )?;
            let bar_top = y + CHART_TEXT;
            let (from, to) = (
                self.chart.position(row.start.min(row.end), axis),
                self.chart.position(row.start.max(row.end), axis),
            );
            let color = if row.comparison {
                self.colors.1
            } else {
                self.colors.0
            };
            track.fill(&area, (from, bar_top, to - from, CHART_BAR), color, mark);
            if let Some(at) = row.mark {
                let at = self.chart.position(at, axis);
                track.fill(
                    &area,
                    (
                        at - CHART_MARK / 2.0,
                        bar_top - 0.6,
                        CHART_MARK,
                        CHART_BAR + 1.2,
                    ),
                    self.colors.2,
                    mark,
                );
            }
            y += CHART_ROW;
            self.next += 1;
        }
        // A fall reaches left of zero: the zero line shows where the bars start.
        if self.chart.min < 0.0 {
            let zero = self.chart.position(0.0, axis);
            track.fill(&area, (zero - 0.15, top, 0.3, y - top), (85, 85, 85), mark);
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(y + 1.5)),
            has_more: self.next < self.chart.rows.len(),
        })
    }
}

/// One part of a key figure: its runs, the look they are laid out in, and its `P` element.
pub(super) type BandPart = (Vec<Run>, Look, NodeId);

/// The key figures, side by side in shaded cells with a bar of the accent colour on the left:
/// each figure's value set large over its label and its detail. Four cells fit across Letter
/// and A4; a narrower page puts two in a row. The cells and bars are artifacts; the text is in
/// each figure's paragraphs.
pub(super) struct BandBlock {
    track: Track,
    figures: Vec<Vec<BandPart>>,
    accent: (u8, u8, u8),
}

/// The room between cells, the padding in them and the accent bar's width, in mm.
const BAND_GAP: f64 = 3.0;
const BAND_PAD: f64 = 2.5;
const BAND_BAR: f64 = 1.2;
/// A cell narrower than this (mm) puts the figures two to a row.
const BAND_MIN_CELL: f64 = 38.0;

impl BandBlock {
    pub(super) fn new(
        track: &Track,
        figures: Vec<Vec<BandPart>>,
        accent: (u8, u8, u8),
    ) -> BandBlock {
        BandBlock {
            track: Rc::clone(track),
            figures,
            accent,
        }
    }
}

impl Element for BandBlock {
    fn render(&mut self, cx: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let track = &self.track;
        let m = measure(cx, track);
        let width = mm(area.size().width);
        let n = self.figures.len().max(1);
        let across = |cols: usize| (width - BAND_GAP * (cols - 1) as f64) / cols as f64;
        let cols = if across(n) >= BAND_MIN_CELL || n <= 2 {
            n
        } else {
            2
        };
        let cell = across(cols);
        let text_width = cell - BAND_BAR - 2.0 * BAND_PAD;
        // Every part laid out, and each row as tall as its tallest cell.
        let laid: Vec<Vec<Vec<Line>>> = self
            .figures
            .iter()
            .map(|parts| {
                parts
                    .iter()
                    .map(|(runs, base, _)| layout(&m, runs, text_width, *base, false))
                    .collect()
            })
            .collect();
        let heights: Vec<f64> = laid
            .chunks(cols)
            .map(|row| {
                row.iter()
                    .map(|parts| parts.iter().flatten().map(|l| l.height).sum::<f64>())
                    .fold(0.0, f64::max)
                    + 2.0 * BAND_PAD
            })
            .collect();
        let total = heights.iter().sum::<f64>() + BAND_GAP * heights.len() as f64;
        if total > mm(area.size().height) && !track.fresh(&area) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        let mut top = BAND_GAP / 2.0;
        for ((row, laid_row), height) in self
            .figures
            .chunks(cols)
            .zip(laid.chunks(cols))
            .zip(&heights)
        {
            for (i, (parts, lines)) in row.iter().zip(laid_row).enumerate() {
                let left = i as f64 * (cell + BAND_GAP);
                let layout_mark = Mark::Artifact(Artifact::Layout);
                track.fill(&area, (left, top, cell, *height), SHADE, layout_mark);
                track.fill(
                    &area,
                    (left, top, BAND_BAR, *height),
                    self.accent,
                    layout_mark,
                );
                let mut y = top + BAND_PAD;
                for ((_, _, node), lines) in parts.iter().zip(lines) {
                    let x = left + BAND_BAR + BAND_PAD;
                    y = print_lines(cx, track, &area, lines, (x, y), Mark::Node(*node))?;
                }
            }
            top += height + BAND_GAP;
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(total)),
            has_more: false,
        })
    }
}

/// The background of the key figures' cells.
pub(super) const SHADE: (u8, u8, u8) = (238, 241, 243);

/// The organization's lines (its name, the contact line, the address of a QR code), with its
/// logo before them and the QR code of the address beside them at the right edge, black
/// modules on the white page with the quiet zone around them. The logo and the code are
/// `Figure`s, each line a `P`. Lines too wide to leave room for the code put it under them.
pub(super) struct OrgBlock {
    track: Track,
    /// The logo's width over its height, and its `Figure`.
    logo: Option<(f64, NodeId)>,
    lines: Vec<(String, Look, NodeId)>,
    /// The code and its `Figure`.
    code: Option<(crate::qr::Qr, NodeId)>,
}

/// The side of a printed code's modules, in mm: phones read half-millimetre modules easily.
const QR_MODULE: f64 = 0.5;
/// The room after each of the organization's lines, in mm.
const QR_LINE_GAP: f64 = 0.8;
/// The logo's largest height and width, in mm, and the room after it.
const LOGO_HEIGHT: f64 = 15.0;
const LOGO_WIDTH: f64 = 50.0;
const LOGO_GAP: f64 = 5.0;

impl OrgBlock {
    pub(super) fn new(
        track: &Track,
        logo: Option<(f64, NodeId)>,
        lines: Vec<(String, Look, NodeId)>,
        code: Option<(crate::qr::Qr, NodeId)>,
    ) -> OrgBlock {
        OrgBlock {
            track: Rc::clone(track),
            logo,
            lines,
            code,
        }
    }
}

impl Element for OrgBlock {
    fn render(&mut self, cx: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let quiet = crate::qr::QUIET as f64 * QR_MODULE;
        let side = self
            .code
            .as_ref()
            .map_or(0.0, |(code, _)| code.width as f64 * QR_MODULE + 2.0 * quiet);
        let width = mm(area.size().width);
        let logo = self.logo.map(|(aspect, node)| {
            let w = (LOGO_HEIGHT * aspect).min(LOGO_WIDTH).min(width / 3.0);
            (w, w / aspect, node)
        });
        let indent = logo.map_or(0.0, |(w, _, _)| w + LOGO_GAP);
        let m = measure(cx, &self.track);
        // Each line is a paragraph of its own, wrapped if it must be; the code goes under the
        // lines when one would wrap beside it.
        let lay = |room: f64| -> Vec<Vec<Line>> {
            self.lines
                .iter()
                .map(|(text, look, _)| {
                    layout(&m, &[Run::new(text.clone(), *look)], room, *look, false)
                })
                .collect()
        };
        let beside_room = width - indent - if side > 0.0 { side + 4.0 } else { 0.0 };
        let mut laid = lay(beside_room);
        let beside = side == 0.0 || laid.iter().all(|l| l.len() == 1);
        if !beside {
            laid = lay(width - indent);
        }
        let text_height = laid.iter().flatten().map(|l| l.height).sum::<f64>()
            + QR_LINE_GAP * self.lines.len() as f64
            + 1.5;
        let logo_height = logo.map_or(0.0, |(_, h, _)| h + 1.0);
        let height = if beside {
            text_height.max(side).max(logo_height)
        } else {
            text_height.max(logo_height) + side
        };
        if height > mm(area.size().height) && !self.track.fresh(&area) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        if let Some((w, h, node)) = logo {
            self.track
                .paint(&area, (0.0, 0.5, w, h), Paint::Logo, Mark::Node(node));
        }
        // The lines sit level with the middle of the logo when it is taller.
        let mut y = 1.5 + ((logo_height - text_height) / 2.0).max(0.0);
        for ((_, _, node), lines) in self.lines.iter().zip(&laid) {
            y = print_lines(
                cx,
                &self.track,
                &area,
                lines,
                (indent, y),
                Mark::Node(*node),
            )?;
            y += QR_LINE_GAP;
        }
        if let Some((code, node)) = &self.code {
            // Beside the lines, the code's quiet zone ends at the body's right edge; under
            // them, the page margin is the quiet zone on the left.
            let (left, top) = if beside {
                (width - side + quiet, quiet)
            } else {
                (0.0, text_height.max(logo_height) + quiet)
            };
            for (row, col, len) in code.runs() {
                self.track.fill(
                    &area,
                    (
                        left + col as f64 * QR_MODULE,
                        top + row as f64 * QR_MODULE,
                        len as f64 * QR_MODULE,
                        QR_MODULE,
                    ),
                    (0, 0, 0),
                    Mark::Node(*node),
                );
            }
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(height)),
            has_more: false,
        })
    }
}

/// Page margins and the running footer: the guide's title and organization on the left,
/// "Page N of M" on the right, and a contact line when one is given.
pub(super) struct Footer {
    pub(super) track: Track,
    pub(super) left: String,
    pub(super) contact: Option<String>,
    /// The page count, once a first pass has found it.
    pub(super) total: Option<usize>,
    pub(super) look: Look,
    /// The page number's label, with the page count and without it.
    pub(super) page_of: mht_guide::Label,
    pub(super) page: mht_guide::Label,
}

impl PageDecorator for Footer {
    fn decorate_page<'a>(
        &mut self,
        cx: &Context,
        mut area: Area<'a>,
        _: Style,
    ) -> Result<Area<'a>, Error> {
        let t = &self.track;
        t.new_page();
        let page = t.page.get();
        let (top, right, bottom, left) = t.margins;
        area.add_margins(Margins::trbl(top, right, bottom, left));
        let m = measure(cx, t);
        let lh = m.line_height(self.look);
        let lines = 1 + usize::from(self.contact.is_some());
        let footer = lh * lines as f64;
        let width = mm(area.size().width);
        let height = mm(area.size().height);
        let mut y = height - footer;
        if !t.dry {
            let footer = Artifact::Footer;
            let mark = Mark::Artifact(footer);
            rule(&area, t, y - 1.5, width, HAIRLINE, footer);
            let left = Position::new(0, Mm::from(y));
            t.print(cx, &area, left, self.look, &self.left, mark)?;
            let number = match self.total {
                Some(total) => self
                    .page_of
                    .fill(&[("page", &page.to_string()), ("total", &total.to_string())]),
                None => self.page.fill(&[("page", &page.to_string())]),
            };
            let w = m.width(&number, self.look);
            let right = Position::new(Mm::from(width - w), Mm::from(y));
            t.print(cx, &area, right, self.look, &number, mark)?;
            if let Some(contact) = &self.contact {
                y += lh;
                let below = Position::new(0, Mm::from(y));
                t.print(cx, &area, below, self.look, contact, mark)?;
            }
        }
        let body = height - footer - 5.0;
        area.set_height(Mm::from(body));
        t.body_bottom.set(top + body);
        t.body_height.set(body);
        Ok(area)
    }
}
