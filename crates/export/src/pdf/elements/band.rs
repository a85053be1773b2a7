//! The key figures: a few numbers set large, each with its label, detail and source.

use super::*;

/// One part of a key figure: its runs, the look they are laid out in, and its `P` element.
pub(in crate::pdf) type BandPart = (Vec<Run>, Look, NodeId);

/// The key figures, side by side in shaded cells with a bar of the accent colour on the left:
/// each figure's value set large over its label and its detail. Four cells fit across Letter
/// and A4; a narrower page puts two in a row. The cells and bars are artifacts; the text is in
/// each figure's paragraphs.
pub(in crate::pdf) struct BandBlock {
    track: Track,
    /// The band's name, printed over it.
    caption: BandPart,
    /// The first row of figures not yet drawn: a band taller than what is left of a page
    /// (in large print) goes on by rows on the next.
    next_row: usize,
    figures: Vec<Vec<BandPart>>,
    accent: (u8, u8, u8),
}

/// The room between cells, the padding in them and the accent bar's width, in mm.
pub(super) const BAND_GAP: f64 = 3.0;
pub(super) const BAND_PAD: f64 = 2.5;
pub(super) const BAND_BAR: f64 = 1.2;
/// A cell narrower than this (mm) puts the figures two to a row.
pub(super) const BAND_MIN_CELL: f64 = 38.0;

impl BandBlock {
    pub(in crate::pdf) fn new(
        track: &Track,
        caption: BandPart,
        figures: Vec<Vec<BandPart>>,
        accent: (u8, u8, u8),
    ) -> BandBlock {
        let (runs, look, node) = caption;
        let caption = (track.runs(runs), track.look(look), node);
        let figures = figures
            .into_iter()
            .map(|parts| {
                parts
                    .into_iter()
                    .map(|(runs, look, node)| (track.runs(runs), track.look(look), node))
                    .collect()
            })
            .collect();
        BandBlock {
            track: Rc::clone(track),
            caption,
            next_row: 0,
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
        let (runs, look, caption_node) = &self.caption;
        let caption = layout(&m, runs, width, *look, false);
        let first = self.next_row == 0;
        // The caption's line has room under its text: the cells follow close.
        let head = if first {
            caption.iter().map(|l| l.height).sum::<f64>() + 0.5
        } else {
            0.0
        };
        // As many rows as fit, the caption with at least the first; on a fresh page at least
        // one row, however tall.
        let avail = mm(area.size().height);
        if self.next_row >= heights.len() {
            // No figures: nothing to draw, and nothing to go on with.
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: false,
            });
        }
        let mut count = 0;
        let mut total = head;
        for height in &heights[self.next_row..] {
            if total + height + BAND_GAP / 2.0 > avail && (count > 0 || !track.fresh(&area)) {
                break;
            }
            total += height + BAND_GAP;
            count += 1;
        }
        if count == 0 {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        let total = total - BAND_GAP / 2.0;
        if first {
            print_lines(
                cx,
                track,
                &area,
                &caption,
                (0.0, 0.0),
                Mark::Node(*caption_node),
            )?;
        }
        let mut top = head;
        let rows = self.next_row..self.next_row + count;
        for ((row, laid_row), height) in self
            .figures
            .chunks(cols)
            .zip(laid.chunks(cols))
            .zip(&heights)
            .skip(rows.start)
            .take(count)
        {
            for (i, (parts, lines)) in row.iter().zip(laid_row).enumerate() {
                // Right to left, the first figure is the rightmost, and each cell's accent
                // bar is on its right.
                let rtl = track.measured.rtl;
                let width = mm(area.size().width);
                let at = i as f64 * (cell + BAND_GAP);
                let left = if rtl { width - at - cell } else { at };
                let bar = if rtl { left + cell - BAND_BAR } else { left };
                let layout_mark = Mark::Artifact(Artifact::Layout);
                track.fill(&area, (left, top, cell, *height), SHADE, layout_mark);
                track.fill(
                    &area,
                    (bar, top, BAND_BAR, *height),
                    self.accent,
                    layout_mark,
                );
                let mut y = top + BAND_PAD;
                for ((_, _, node), lines) in parts.iter().zip(lines) {
                    let x = if rtl {
                        left + BAND_PAD
                    } else {
                        left + BAND_BAR + BAND_PAD
                    };
                    y = print_lines(cx, track, &area, lines, (x, y), Mark::Node(*node))?;
                }
            }
            top += height + BAND_GAP;
        }
        self.next_row = rows.end;
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(total)),
            has_more: self.next_row < heights.len(),
        })
    }
}
