//! A block of text: paragraphs, headings and list items, broken into lines and across pages.

use super::*;

/// Prints laid-out lines, tagged with `mark` (a segment with a tag of its own, such as a link,
/// gets that), and records their links.
///
/// Lines of one height share a text section, each moved down by the leading; a line of another
/// height starts a new section. genpdf draws each segment as an empty placeholder, and the
/// segment's real glyphs are recorded for the post-processing to put in its place. A line
/// that ends at a space keeps the space, so that text read from the file has its words apart;
/// a hyphen added by hyphenation is recorded as such.
pub(super) fn print_lines(
    cx: &Context,
    track: &Tracker,
    area: &Area<'_>,
    lines: &[Line],
    (x0, mut y): (f64, f64),
    mark: Mark,
) -> Result<f64, Error> {
    let (ox, oy) = track.origin(area);
    if track.measured.rtl
        || lines
            .iter()
            .any(|l| l.segs.iter().any(|s| crate::pdf::has_rtl(&s.text)))
    {
        return print_bidi_lines(cx, track, area, lines, (x0, y), mark);
    }
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

/// A piece of a line in one look and one direction, in the order it is drawn.
struct Piece<'l> {
    seg: &'l Seg,
    text: String,
    rtl: bool,
    /// Where it starts in the line's text: its place in reading order.
    logical: usize,
}

/// A line's pieces in drawing order, left to right, by the Unicode bidirectional algorithm
/// with the document's base direction: a right-to-left run's pieces from its end to its start,
/// each to be shaped right to left.
fn visual_pieces(line: &Line, rtl: bool) -> Vec<Piece<'_>> {
    use unicode_bidi::{BidiInfo, Level};
    let texts: Vec<String> = line.segs.iter().map(|s| drawn(&s.text)).collect();
    let text: String = texts.concat();
    let mut starts = Vec::with_capacity(texts.len());
    let mut at = 0;
    for t in &texts {
        starts.push(at);
        at += t.len();
    }
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&text, Some(base));
    let mut pieces = Vec::new();
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let run_rtl = levels[run.start].is_rtl();
            let mut part = Vec::new();
            for (i, seg) in line.segs.iter().enumerate() {
                let (from, to) = (starts[i], starts[i] + texts[i].len());
                let (a, b) = (run.start.max(from), run.end.min(to));
                if a < b {
                    part.push(Piece {
                        seg,
                        text: text[a..b].to_owned(),
                        rtl: run_rtl,
                        logical: a,
                    });
                }
            }
            if run_rtl {
                part.reverse();
            }
            pieces.extend(part);
        }
    }
    pieces
}

/// [`print_lines`] for text with right-to-left runs or in a right-to-left document: each line
/// is reordered for display, set in a text section of its own and, in a right-to-left
/// document, aligned right. Its pieces are drawn left to right but take their places in the
/// structure tree in reading order, each with its text said outright when drawing order is
/// not reading order.
pub(super) fn print_bidi_lines(
    cx: &Context,
    track: &Tracker,
    area: &Area<'_>,
    lines: &[Line],
    (x0, mut y): (f64, f64),
    mark: Mark,
) -> Result<f64, Error> {
    let (ox, oy) = track.origin(area);
    let rtl = track.measured.rtl;
    let m = measure(cx, track);
    for line in lines {
        let pieces = visual_pieces(line, rtl);
        let width: f64 = pieces.iter().map(|p| m.width(&p.text, p.seg.look)).sum();
        let start = if rtl {
            x0 + (line.room - width).max(0.0)
        } else {
            x0
        };
        if !track.dry {
            let position = Position::new(Mm::from(start), Mm::from(y));
            if let Some(mut section) =
                area.text_section(&cx.font_cache, position, line.tallest.style())
            {
                // The marks in reading order, so that the structure tree reads the line as it
                // is written; then the pieces drawn left to right.
                let mut order: Vec<usize> = (0..pieces.len()).collect();
                order.sort_by_key(|&i| pieces[i].logical);
                let mut marks = vec![None; pieces.len()];
                for &i in &order {
                    let piece_mark = match (mark, pieces[i].seg.tag) {
                        (Mark::Node(_), Some(tag)) => Mark::Node(tag),
                        _ => mark,
                    };
                    marks[i] = Some(track.mark_alone(piece_mark));
                }
                // Where each piece starts, left to right; then each drawn in reading order
                // from where the last left the pen.
                let mut starts = Vec::with_capacity(pieces.len());
                let mut x = 0.0;
                for piece in &pieces {
                    starts.push(x);
                    x += m.width(&piece.text, piece.seg.look);
                }
                // A line that ends at a space keeps it, at the end of its last piece in reading
                // order, so that text read from the file has its words apart: drawn after a
                // left-to-right piece, before (to the left of) a right-to-left one.
                let last = order.last().copied();
                let mut pen = 0.0;
                for i in order {
                    let piece = &pieces[i];
                    section.print_str("", piece.seg.look.style())?;
                    let marked = marks[i].expect("every piece is marked");
                    let look = piece.seg.look;
                    let width = m.width(&piece.text, look);
                    if Some(i) == last && line.end == End::Space {
                        let text = format!("{} ", piece.text);
                        let space = m.width(&text, look) - width;
                        let back = if piece.rtl { space } else { 0.0 };
                        track.record_piece(
                            cx,
                            look,
                            &text,
                            piece.rtl,
                            marked,
                            starts[i] - pen - back,
                        );
                        pen = starts[i] + width + space - back;
                    } else {
                        track.record_piece(
                            cx,
                            look,
                            &piece.text,
                            piece.rtl,
                            marked,
                            starts[i] - pen,
                        );
                        pen = starts[i] + width;
                    }
                }
            }
        }
        // Links, where their pieces landed.
        let mut x = start;
        for piece in &pieces {
            let w = m.width(&piece.text, piece.seg.look);
            if let (Some(target), Mark::Node(_)) = (&piece.seg.target, mark) {
                let rect = (ox + x, oy + y, w, line.height);
                track.link(rect, target, piece.text.clone(), piece.seg.tag);
            }
            x += w;
        }
        y += line.height;
    }
    Ok(y)
}

pub(super) fn measure<'a>(cx: &'a Context, track: &'a Tracker) -> Measure<'a> {
    Measure {
        fonts: &cx.font_cache,
        hyphenator: track.hyphenator,
        measured: &track.measured,
    }
}

/// A block of wrapped text: a paragraph, a heading, a list item.
pub(in crate::pdf) struct TextBlock {
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
    /// Whether the block's lines stay on one page (an entry of the sources, whose address
    /// must not break across pages), when they fit on one.
    together: bool,
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
    pub(in crate::pdf) fn new(
        track: &Track,
        runs: Vec<Run>,
        base: Look,
        node: NodeId,
    ) -> TextBlock {
        TextBlock {
            runs: track.runs(runs),
            base: track.look(base),
            node,
            indent: 0.0,
            marker: None,
            space_before: 0.0,
            space_after: 0.0,
            keep_with_next: 0.0,
            together: false,
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

    pub(in crate::pdf) fn indent(mut self, mm: f64) -> Self {
        self.indent = mm;
        self
    }

    /// A bullet or number set in the indent before the first line, tagged as `label`.
    pub(in crate::pdf) fn marker(mut self, mut marker: Run, label: NodeId) -> Self {
        marker.look = self.track.look(marker.look);
        self.marker = Some((marker, label));
        self
    }

    pub(in crate::pdf) fn spacing(mut self, before: f64, after: f64) -> Self {
        self.space_before = before;
        self.space_after = after;
        self
    }

    pub(in crate::pdf) fn keep_with_next(mut self, mm: f64) -> Self {
        self.keep_with_next = mm;
        self
    }

    pub(in crate::pdf) fn keep_together(mut self) -> Self {
        self.together = true;
        self
    }

    pub(in crate::pdf) fn anchor(mut self, id: &str, level: Option<u8>, title: &str) -> Self {
        self.anchor = Some((id.to_owned(), level, title.to_owned()));
        self
    }

    pub(in crate::pdf) fn right(mut self, mut run: Run) -> Self {
        run.look = self.track.look(run.look);
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
            let mut need = before + lines[0].height + orphan.max(self.keep_with_next);
            let whole: f64 = lines.iter().map(|l| l.height).sum();
            if self.together && whole <= self.track.body_height.get() {
                need = need.max(before + whole);
            }
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
            // Right to left, the marker stands in the indent on the right.
            let x = if track.measured.rtl {
                mm(area.size().width) - self.indent + 1.6
            } else {
                self.indent - w - 1.6
            };
            let position = Position::new(Mm::from(x), Mm::from(y));
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
            // Right to left, the indent is on the right, and a contents entry's page number
            // on the left.
            (
                if track.measured.rtl {
                    right_width
                } else {
                    self.indent
                },
                y,
            ),
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
            // Right to left, the page number stands at the line's left end, the leaders
            // after it.
            let rtl = track.measured.rtl;
            let x = if rtl {
                w + 1.5
            } else {
                self.indent + width - w - lw - 1.5
            };
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
            let x = if rtl { 0.0 } else { self.indent + width - w };
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
