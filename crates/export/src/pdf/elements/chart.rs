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

/// The colors of a chart's bars for the guide's own figures, of comparisons, and of marks.
pub(in crate::pdf) type ChartColors = ((u8, u8, u8), (u8, u8, u8), (u8, u8, u8));

/// A chart's geometry in mm: the caption line, a row, the text line of a row, a bar, a mark's
/// width, and the share of the width the axis takes.
pub(super) const CHART_CAPTION: f64 = 5.0;
pub(super) const CHART_ROW: f64 = 6.4;
pub(super) const CHART_TEXT: f64 = 3.8;
pub(super) const CHART_BAR: f64 = 2.2;
pub(super) const CHART_MARK: f64 = 0.7;
pub(super) const CHART_AXIS: f64 = 0.62;

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
        let axis = mm(area.size().width) * CHART_AXIS;
        let first = self.next == 0;
        let label = track.look(Look::new(8));
        let value = label.color((85, 85, 85));
        // Rows and their text grow with the labels (in large print).
        let grow = f64::from(label.size) / 8.0;
        let (row_height, text_height) = (CHART_ROW * grow, CHART_TEXT * grow);
        let top = if first { CHART_CAPTION * grow } else { 0.0 };
        let m = measure(cx, track);
        let width = mm(area.size().width);
        // A row whose label and figures do not fit on one line sets the figures on a second
        // line under the label, and is that line taller.
        let line = text_height - 0.4 * grow;
        let wraps = |row: &crate::ChartRow| {
            let label_width = if row.label.is_empty() {
                0.0
            } else {
                m.width(&row.label, label) + 2.5
            };
            label_width + m.width(&row.value, value) > width
        };
        let row_height_of =
            |row: &crate::ChartRow| row_height + if wraps(row) { line } else { 0.0 };
        // The whole chart together, unless the page is fresh: only a chart taller than a
        // page breaks, between rows.
        let need = top
            + self.chart.rows[self.next..]
                .iter()
                .map(row_height_of)
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
        let mut y = top;
        while self.next < self.chart.rows.len()
            && (y + row_height_of(&self.chart.rows[self.next]) <= height || y == 0.0)
        {
            let row = &self.chart.rows[self.next];
            let wrapped = wraps(row);
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
                x = w + 2.5;
            }
            let value_y = if wrapped {
                x = 0.0;
                y + line
            } else {
                y
            };
            let at = flip(x, m.width(&row.value, value));
            track.print(
                cx,
                &area,
                Position::new(Mm::from(at), Mm::from(value_y)),
                value,
                &row.value,
                mark,
            )?;
            let bar_top = value_y + text_height;
            let (from, to) = (
                self.chart.position(row.start.min(row.end), axis),
                self.chart.position(row.start.max(row.end), axis),
            );
            let color = if row.comparison {
                self.colors.1
            } else {
                self.colors.0
            };
            let bar = (flip(from, to - from), bar_top, to - from, CHART_BAR);
            track.fill(&area, bar, color, mark);
            if let Some(at) = row.mark {
                let at = self.chart.position(at, axis);
                let left = flip(at - CHART_MARK / 2.0, CHART_MARK);
                track.fill(
                    &area,
                    (left, bar_top - 0.6, CHART_MARK, CHART_BAR + 1.2),
                    self.colors.2,
                    mark,
                );
            }
            y += row_height_of(row);
            self.next += 1;
        }
        // A fall reaches left of zero: the zero line shows where the bars start.
        if self.chart.min < 0.0 {
            let zero = flip(self.chart.position(0.0, axis) - 0.15, 0.3);
            track.fill(&area, (zero, top, 0.3, y - top), (85, 85, 85), mark);
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(y + 1.5)),
            has_more: self.next < self.chart.rows.len(),
        })
    }
}
