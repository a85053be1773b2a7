//! A bar chart, drawn as vector shapes, with its caption and value labels.

use super::*;

/// A chart: its caption, then a row for each figure (the label and the figures as text, the
/// bar below them), all of it a `Figure` whose alternative text states every figure. Rows
/// that do not fit go on to the next page.
pub(in crate::pdf) struct ChartBlock {
    track: Track,
    chart: crate::Chart,
    caption: String,
    node: NodeId,
    /// The first row not yet drawn.
    next: usize,
    colors: ChartColors,
}

/// The colors of a chart: its bars for the guide's own figures, for comparisons, and the
/// keyline around a mark. A mark is drawn in the page's white inside its keyline: white stands
/// at least 3:1 against either bar (both are dark enough for text on white), and the keyline
/// shows it where it passes beyond the bar.
pub(in crate::pdf) type ChartColors = ((u8, u8, u8), (u8, u8, u8), (u8, u8, u8));

/// The gridlines at the scale's ticks: 3.3:1 against the white page.
const GRID: (u8, u8, u8) = (140, 143, 148);
const PAPER: (u8, u8, u8) = (255, 255, 255);

/// A chart's geometry in mm at 9-point labels (larger labels grow it): the caption line, a
/// line of text, the gap between a row's text and its bar, a bar, how far a mark and the
/// gridlines reach past the bar above and below, the space after a row, a mark's width and
/// its keyline, and the share of the width the axis takes.
pub(super) const CHART_CAPTION: f64 = 4.6;
pub(super) const CHART_TEXT: f64 = 3.9;
pub(super) const CHART_GAP: f64 = 0.8;
pub(super) const CHART_BAR: f64 = 2.0;
pub(super) const CHART_REACH: f64 = 0.4;
pub(super) const CHART_AFTER: f64 = 1.0;
pub(super) const CHART_MARK: f64 = 0.8;
pub(super) const CHART_KEYLINE: f64 = 0.35;
pub(super) const CHART_AXIS: f64 = 0.62;

/// Where the parts of a row lie, in mm from its top, for labels `grow` times 9 points, with
/// the figures on a second line when `wrapped`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RowGeometry {
    /// The top of the line that holds the figures.
    pub(super) value_top: f64,
    /// Where the text ends: the bottom of its last line.
    pub(super) text_bottom: f64,
    pub(super) bar_top: f64,
    /// The mark's keyline, and the gridlines, from here...
    pub(super) reach_top: f64,
    /// ...to here.
    pub(super) reach_bottom: f64,
    /// The whole row, up to where the next row's text begins.
    pub(super) height: f64,
}

impl RowGeometry {
    pub(super) fn new(grow: f64, wrapped: bool) -> RowGeometry {
        let line = CHART_TEXT * grow;
        let value_top = if wrapped { line } else { 0.0 };
        let text_bottom = value_top + line;
        let bar_top = text_bottom + CHART_GAP * grow;
        let bar_bottom = bar_top + CHART_BAR * grow;
        let reach = CHART_REACH * grow;
        RowGeometry {
            value_top,
            text_bottom,
            bar_top,
            reach_top: bar_top - reach,
            reach_bottom: bar_bottom + reach,
            height: bar_bottom + CHART_AFTER * grow,
        }
    }
}

impl ChartBlock {
    pub(in crate::pdf) fn new(
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
        let width = mm(area.size().width);
        let axis = width * CHART_AXIS;
        let first = self.next == 0;
        let label = track.look(Look::new(9));
        let value = label.color((85, 85, 85));
        // Rows and their text grow with the labels (in large print).
        let grow = f64::from(label.size) / 9.0;
        let top = if first { CHART_CAPTION * grow } else { 0.0 };
        // The scale's line follows the last row closer than a row's text would.
        let tuck = (CHART_AFTER - 0.3) * grow;
        let scale_height = CHART_TEXT * grow - tuck;
        let m = measure(cx, track);
        // A row whose label and figures do not fit on one line sets the figures on a second
        // line under the label, as the web page's text wraps.
        let gap = m.width(" ", label) * 2.0;
        let wraps = |row: &crate::ChartRow| {
            let label_width = if row.label.is_empty() {
                0.0
            } else {
                m.width(&row.label, label) + gap
            };
            label_width + m.width(&row.value, value) > width
        };
        let geometry = |row: &crate::ChartRow| RowGeometry::new(grow, wraps(row));
        // The whole chart together, unless the page is fresh: only a chart taller than a
        // page breaks, between rows, with its scale under each part.
        let need = top
            + scale_height
            + self.chart.rows[self.next..]
                .iter()
                .map(|r| geometry(r).height)
                .sum::<f64>();
        if need > height && !track.fresh(&area) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        let mark = Mark::Node(self.node);
        // Right to left, the chart is mirrored: the labels on the right, the bars growing
        // leftwards. `flip` places something `w` wide whose left edge would be at `x`.
        let rtl = track.measured.rtl;
        let flip = |x: f64, w: f64| if rtl { width - x - w } else { x };
        if first {
            let look = track.look(Look::new(9).bold());
            let x = flip(0.0, m.width(&self.caption, look));
            track.print(
                cx,
                &area,
                Position::new(Mm::from(x), Mm::from(0.8)),
                look,
                &self.caption,
                mark,
            )?;
        }
        let grid = CHART_KEYLINE / 2.0;
        // A vertical strip `w` wide centred at `at` on the axis, across a row's reach: a
        // gridline, or a mark and its keyline.
        let strip = |at: f64, w: f64, (top, bottom): (f64, f64), color| {
            let at = self.chart.position(at, axis);
            track.fill(
                &area,
                (flip(at - w / 2.0, w), top, w, bottom - top),
                color,
                mark,
            );
        };
        let mut y = top;
        while self.next < self.chart.rows.len()
            && (y + geometry(&self.chart.rows[self.next]).height + scale_height <= height
                || y == top)
        {
            let row = &self.chart.rows[self.next];
            let g = geometry(row);
            let mut x = 0.0;
            if !row.label.is_empty() {
                let w = m.width(&row.label, label);
                track.print(
                    cx,
                    &area,
                    Position::new(Mm::from(flip(0.0, w)), Mm::from(y)),
                    label,
                    &row.label,
                    mark,
                )?;
                x = w + gap;
            }
            if g.value_top > 0.0 {
                x = 0.0;
            }
            let at = flip(x, m.width(&row.value, value));
            track.print(
                cx,
                &area,
                Position::new(Mm::from(at), Mm::from(y + g.value_top)),
                value,
                &row.value,
                mark,
            )?;
            // The gridlines behind the bar, reaching as far as a mark does.
            let reach = (y + g.reach_top, y + g.reach_bottom);
            for tick in &self.chart.scale {
                strip(tick.at, grid, reach, GRID);
            }
            let (from, to) = (
                self.chart.position(row.start.min(row.end), axis),
                self.chart.position(row.start.max(row.end), axis),
            );
            let color = if row.comparison {
                self.colors.1
            } else {
                self.colors.0
            };
            let bar_height = CHART_BAR * grow;
            let bar = (flip(from, to - from), y + g.bar_top, to - from, bar_height);
            track.fill(&area, bar, color, mark);
            if let Some(at) = row.mark {
                // The keyline, then the mark's white inside it.
                let k = CHART_KEYLINE;
                strip(at, CHART_MARK + 2.0 * k, reach, self.colors.2);
                strip(at, CHART_MARK, (reach.0 + k, reach.1 - k), PAPER);
            }
            y += g.height;
            self.next += 1;
        }
        // A fall reaches left of zero: the zero line shows where the bars start.
        if self.chart.min < 0.0 {
            let zero = flip(self.chart.position(0.0, axis) - 0.15, 0.3);
            track.fill(&area, (zero, top, 0.3, y - top), (85, 85, 85), mark);
        }
        // The scale under the rows: each tick's value centred under its gridline, the first
        // and last kept within the axis.
        for tick in &self.chart.scale {
            let w = m.width(&tick.label, value);
            let at = (self.chart.position(tick.at, axis) - w / 2.0).clamp(0.0, (axis - w).max(0.0));
            track.print(
                cx,
                &area,
                Position::new(Mm::from(flip(at, w)), Mm::from(y - tuck)),
                value,
                &tick.label,
                mark,
            )?;
        }
        y += scale_height;
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(y + 1.0)),
            has_more: self.next < self.chart.rows.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::RowGeometry;

    /// A mark (and the gridlines) stay clear of the row's text above and of the next row's
    /// text below, at ordinary and large sizes, wrapped or not.
    #[test]
    fn marks_keep_clear_of_the_labels() {
        for grow in [1.0, 10.0 / 9.0, 2.0] {
            for wrapped in [false, true] {
                let g = RowGeometry::new(grow, wrapped);
                assert!(g.reach_top - g.text_bottom >= 0.35 * grow, "{g:?}");
                assert!(g.height - g.reach_bottom >= 0.55 * grow, "{g:?}");
                assert!(g.bar_top > g.reach_top && g.text_bottom > g.value_top);
            }
        }
    }
}
