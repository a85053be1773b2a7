//! A table: its caption, header row (repeated after a page break), rows and notes.

use super::*;

/// The structure elements of a table: its caption, each row with its cells, and a
/// paragraph for each note (after the table, not in it).
#[derive(Debug, Clone, Default)]
pub(in crate::pdf) struct TableNodes {
    pub(in crate::pdf) caption: NodeId,
    pub(in crate::pdf) header: (NodeId, Vec<NodeId>),
    pub(in crate::pdf) rows: Vec<(NodeId, Vec<NodeId>)>,
    pub(in crate::pdf) notes: Vec<NodeId>,
}

/// A table: a caption, a header row repeated on every page the table spans, and rows.
pub(in crate::pdf) struct TableBlock {
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

pub(super) struct LaidTable {
    caption: Vec<Line>,
    columns: Vec<f64>,
    header: Vec<Vec<Line>>,
    rows: Vec<Vec<Vec<Line>>>,
    notes: Vec<Vec<Line>>,
}

pub(super) const PAD: f64 = 1.2;
/// Tables of this many rows or fewer are not split across pages.
pub(super) const SHORT_TABLE: usize = 6;
pub(super) const RULE: (u8, u8, u8) = (90, 90, 90);
pub(super) const HAIRLINE: (u8, u8, u8) = (200, 200, 200);

impl TableBlock {
    pub(in crate::pdf) fn new(
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
            caption: track.runs(caption),
            header: header.into_iter().map(|c| track.runs(c)).collect(),
            rows: rows
                .into_iter()
                .map(|row| row.into_iter().map(|c| track.runs(c)).collect())
                .collect(),
            notes: notes.into_iter().map(|c| track.runs(c)).collect(),
            base: track.look(base),
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

pub(super) fn row_height(cells: &[Vec<Line>]) -> f64 {
    cells
        .iter()
        .map(|lines| lines.iter().map(|l| l.height).sum::<f64>())
        .fold(0.0, f64::max)
        + 2.0 * PAD
}

/// A horizontal line: an artifact, like every line the handout draws.
pub(super) fn rule(
    area: &Area<'_>,
    track: &Tracker,
    y: f64,
    width: f64,
    color: (u8, u8, u8),
    kind: Artifact,
) {
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
        // Right to left, the first column is the rightmost.
        let rtl = track.measured.rtl;
        let at = |x: f64, w: f64| if rtl { width - x - w } else { x };
        let mut x = 0.0;
        for ((cell, w), node) in t.header.iter().zip(&t.columns).zip(&self.nodes.header.1) {
            let mark = if repeated {
                Mark::Artifact(layout)
            } else {
                track.attach(*node);
                Mark::Node(*node)
            };
            print_lines(cx, track, &area, cell, (at(x, *w) + PAD, y + PAD), mark)?;
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
                    (at(x, *w) + PAD, y + PAD),
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
