//! genpdf elements for the handout: wrapped text blocks, tables, and the page decorator.
//!
//! Every element sits directly in the document's vertical layout, so the right and bottom edges
//! of the area it gets are those of the page body. That is how an element learns where on the
//! page it is (genpdf's `Area` keeps its origin private), which the links, the outline and the
//! table of contents need.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Margins, Mm, PageDecorator, Position, RenderResult, Size};

use super::layout::{Line, Look, Measure, Run, Target, Widths, drawn, layout, mm};

/// A place in the document that links and the outline can point to.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct AnchorMark {
    pub(super) id: String,
    /// The outline level (1 or 2), or `None` for a link target that is not in the outline.
    pub(super) level: Option<u8>,
    pub(super) title: String,
    pub(super) page: usize,
    /// Distance from the top of the page, in mm.
    pub(super) y: f64,
}

/// A clickable rectangle.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LinkMark {
    pub(super) page: usize,
    /// Left, top, width and height in mm, from the top left corner of the page.
    pub(super) rect: (f64, f64, f64, f64),
    pub(super) target: Target,
}

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
    /// Text widths, shared by every pass over one document.
    widths: Rc<Widths>,
    /// A pass that only finds where things land: it lays out and paginates but draws nothing.
    dry: bool,
}

pub(super) type Track = Rc<Tracker>;

impl Tracker {
    pub(super) fn new(
        paper: (f64, f64),
        margins: (f64, f64, f64, f64),
        widths: &Rc<Widths>,
        dry: bool,
    ) -> Track {
        Rc::new(Tracker {
            widths: Rc::clone(widths),
            dry,
            paper,
            margins,
            page: Cell::new(0),
            body_bottom: Cell::new(0.0),
            body_height: Cell::new(0.0),
            anchors: RefCell::new(Vec::new()),
            links: RefCell::new(Vec::new()),
        })
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

/// Prints laid-out lines and records their links.
///
/// Lines of one height share a text section, each moved down by the leading; a line of another
/// height starts a new section.
fn print_lines(
    cx: &Context,
    track: &Tracker,
    area: &Area<'_>,
    lines: &[Line],
    x0: f64,
    mut y: f64,
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
            for (i, line) in group.iter().enumerate() {
                if i > 0 && !section.add_newline() {
                    break;
                }
                for seg in &line.segs {
                    section.print_str(drawn(&seg.text), seg.look.style())?;
                }
            }
        }
        for line in group {
            for seg in &line.segs {
                if let Some(target) = &seg.target {
                    track.links.borrow_mut().push(LinkMark {
                        page: track.page.get(),
                        rect: (ox + x0 + seg.x, oy + y, seg.width, line.height),
                        target: target.clone(),
                    });
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
        hyphenator: cx.hyphenator.as_ref(),
        widths: &track.widths,
    }
}

/// A block of wrapped text: a paragraph, a heading, a list item.
pub(super) struct TextBlock {
    runs: Vec<Run>,
    base: Look,
    indent: f64,
    marker: Option<Run>,
    space_before: f64,
    space_after: f64,
    /// Room in mm that must follow the block's first line on the same page (for headings).
    keep_with_next: f64,
    anchor: Option<(String, Option<u8>, String)>,
    /// Text set flush right on the first line, after dot leaders (a contents entry).
    right: Option<Run>,
    track: Track,
    lines: Option<Vec<Line>>,
    next: usize,
}

impl TextBlock {
    pub(super) fn new(track: &Track, runs: Vec<Run>, base: Look) -> TextBlock {
        TextBlock {
            runs,
            base,
            indent: 0.0,
            marker: None,
            space_before: 0.0,
            space_after: 0.0,
            keep_with_next: 0.0,
            anchor: None,
            right: None,
            track: Rc::clone(track),
            lines: None,
            next: 0,
        }
    }

    pub(super) fn indent(mut self, mm: f64) -> Self {
        self.indent = mm;
        self
    }

    /// A bullet or number set in the indent before the first line.
    pub(super) fn marker(mut self, marker: Run) -> Self {
        self.marker = Some(marker);
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
        let lines = self
            .lines
            .get_or_insert_with(|| layout(&m, &self.runs, width - right_width, self.base, true));
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
        if self.next == 0 && !self.track.dry {
            if let Some(marker) = &self.marker {
                let w = m.width(&marker.text, marker.look);
                let position = Position::new(Mm::from(self.indent - w - 1.6), Mm::from(y));
                area.print_str(
                    &cx.font_cache,
                    position,
                    marker.look.style(),
                    drawn(&marker.text),
                )?;
            }
            if let Some(right) = &self.right {
                let w = m.width(&right.text, right.look);
                let end = shown[0].segs.last().map_or(0.0, |s| s.x + s.width);
                let dot = m.width(".", right.look);
                let dots = ((width - w - end - 3.0) / (dot * 2.0)).floor().max(0.0) as usize;
                let leader = ". ".repeat(dots);
                let lw = m.width(&leader, right.look);
                let x = self.indent + width - w - lw - 1.5;
                let grey = right.look.color((140, 140, 140));
                area.print_str(
                    &cx.font_cache,
                    Position::new(Mm::from(x), Mm::from(y)),
                    grey.style(),
                    &leader,
                )?;
                let x = self.indent + width - w;
                area.print_str(
                    &cx.font_cache,
                    Position::new(Mm::from(x), Mm::from(y)),
                    right.look.style(),
                    &right.text,
                )?;
            }
        }
        let end = print_lines(cx, &self.track, &area, shown, self.indent, y)?;
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

/// A table: a caption, a header row repeated on every page the table spans, and rows.
pub(super) struct TableBlock {
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
        caption: Vec<Run>,
        header: Vec<Vec<Run>>,
        rows: Vec<Vec<Vec<Run>>>,
        notes: Vec<Vec<Run>>,
        base: Look,
    ) -> TableBlock {
        TableBlock {
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

fn rule(area: &Area<'_>, dry: bool, y: f64, width: f64, color: (u8, u8, u8)) {
    if dry {
        return;
    }
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
            for note in &t.notes {
                y = print_lines(cx, &self.track, &area, note, 0.0, y)?;
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
            y = print_lines(cx, &self.track, &area, &t.caption, 0.0, before)? + 1.0;
        } else if header_h + t.rows.get(self.next).map_or(0.0, |r| row_height(r)) > avail && !fresh
        {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        // The header row, on every page the table spans.
        rule(&area, self.track.dry, y, width, RULE);
        let mut x = 0.0;
        for (cell, w) in t.header.iter().zip(&t.columns) {
            print_lines(cx, &self.track, &area, cell, x + PAD, y + PAD)?;
            x += w;
        }
        y += header_h;
        rule(&area, self.track.dry, y, width, RULE);
        let mut printed = 0;
        while let Some(row) = t.rows.get(self.next) {
            let h = row_height(row);
            if y + h > avail + 0.01 && printed > 0 {
                break;
            }
            let mut x = 0.0;
            for (cell, w) in row.iter().zip(&t.columns) {
                print_lines(cx, &self.track, &area, cell, x + PAD, y + PAD)?;
                x += w;
            }
            y += h;
            self.next += 1;
            printed += 1;
            if self.next < t.rows.len() {
                rule(&area, self.track.dry, y, width, HAIRLINE);
            }
        }
        if self.next < t.rows.len() {
            return Ok(RenderResult {
                size: Size::new(area.size().width, Mm::from(y.min(avail))),
                has_more: true,
            });
        }
        rule(&area, self.track.dry, y, width, RULE);
        if !t.notes.is_empty() && y + notes_h > avail + 0.01 {
            // The notes do not fit under the last row: they open the next page.
            return Ok(RenderResult {
                size: Size::new(area.size().width, Mm::from(y.min(avail))),
                has_more: true,
            });
        }
        y += 1.5;
        for note in &t.notes {
            y = print_lines(cx, &self.track, &area, note, 0.0, y)?;
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
        rule(
            &area,
            self.track.dry,
            h / 2.0,
            mm(area.size().width),
            self.color,
        );
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(h)),
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
}

impl PageDecorator for Footer {
    fn decorate_page<'a>(
        &mut self,
        cx: &Context,
        mut area: Area<'a>,
        _: Style,
    ) -> Result<Area<'a>, Error> {
        let t = &self.track;
        let page = t.page.get() + 1;
        t.page.set(page);
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
            rule(&area, false, y - 1.5, width, HAIRLINE);
            let style = self.look.style();
            let left = Position::new(0, Mm::from(y));
            area.print_str(&cx.font_cache, left, style, drawn(&self.left))?;
            let number = match self.total {
                Some(total) => format!("Page {page} of {total}"),
                None => format!("Page {page}"),
            };
            let w = m.width(&number, self.look);
            let right = Position::new(Mm::from(width - w), Mm::from(y));
            area.print_str(&cx.font_cache, right, style, &number)?;
            if let Some(contact) = &self.contact {
                y += lh;
                let below = Position::new(0, Mm::from(y));
                area.print_str(&cx.font_cache, below, style, drawn(contact))?;
            }
        }
        let body = height - footer - 5.0;
        area.set_height(Mm::from(body));
        t.body_bottom.set(top + body);
        t.body_height.set(body);
        Ok(area)
    }
}
