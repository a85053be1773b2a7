//! The body of a section: prose, lists, citations, entries, tables, charts and the sources.

use mht_guide::{Block, Id, Inline};

use mht_guide::labels::Piece;

use super::{BODY, Builder, INDENT, LINK, MUTED};
use crate::compose::{Cell, Entry, Table, source_details};
use crate::pdf::elements::{ChartBlock, Space, TableBlock, TableNodes, TextBlock};
use crate::pdf::layout::{Look, Run, Target};
use crate::pdf::tags::{NodeId, Role};
use crate::semantics::Part;

impl Builder<'_> {
    pub(super) fn prose(&mut self, label: Option<&str>, blocks: &[Block], indent: f64) {
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::Paragraph(inlines) => {
                    let block = self.paragraph(Role::P, |b, node| {
                        let mut runs = Vec::new();
                        if let (Some(label), 0) = (label, i) {
                            let look = Look::new(BODY).italic().color(MUTED);
                            let colon = b.doc.labels.colon();
                            runs.push(b.run(format!("{label}{colon}"), look));
                        }
                        b.inlines(inlines, Look::new(BODY), None, node, &mut runs);
                        runs
                    });
                    self.push(block.indent(indent).spacing(0.0, self.fit.paragraph_gap));
                }
                Block::List(list) => self.list(list, indent),
                _ => {}
            }
        }
    }

    pub(super) fn list(&mut self, list: &mht_guide::List, indent: f64) {
        let role = match list.start {
            Some(_) => Role::LNumbered,
            None => Role::L,
        };
        let l = self.node(role, self.parent);
        for (n, item) in list.items.iter().enumerate() {
            let marker = match list.start {
                Some(start) => format!("{}.", start as usize + n),
                None => "•".to_owned(),
            };
            let inner = indent + INDENT + if list.start.is_some() { 1.5 } else { 0.0 };
            let ((marker, label), body) = self.item(l, &marker, Look::new(BODY).color(self.accent));
            let mut marker = Some((marker, label));
            let one_paragraph = matches!(item.as_slice(), [Block::Paragraph(_)]);
            self.inside(body, |b| {
                for block in item {
                    match block {
                        Block::Paragraph(inlines) => {
                            let block = b.item_paragraph(body, one_paragraph, |b, node| {
                                let mut runs = Vec::new();
                                b.inlines(inlines, Look::new(BODY), None, node, &mut runs);
                                runs
                            });
                            let mut block = block.indent(inner).spacing(0.0, 1.2);
                            if let Some((marker, label)) = marker.take() {
                                block = block.marker(marker, label);
                            }
                            b.push(block);
                        }
                        Block::List(nested) => b.list(nested, inner),
                        _ => {}
                    }
                }
            });
        }
        self.push(Space::new(&self.track, 1.2));
    }

    /// The runs of inline content in a block tagged `node`; links and citations get elements
    /// of their own under it.
    pub(super) fn inlines(
        &mut self,
        inlines: &[Inline],
        look: Look,
        target: Option<(&Target, NodeId)>,
        node: NodeId,
        out: &mut Vec<Run>,
    ) {
        for (i, inline) in inlines.iter().enumerate() {
            match inline {
                Inline::Text(text) | Inline::Code(text) => {
                    let mut run = self.run(text.as_str(), look);
                    if let Some((target, link)) = target {
                        run.target = Some(target.clone());
                        run.tag = Some(link);
                    }
                    out.push(run);
                }
                Inline::Emphasis(c) => self.inlines(c, look.italic(), target, node, out),
                Inline::Strong(c) => self.inlines(c, look.bold(), target, node, out),
                Inline::Link { url, content } => {
                    let t = Target::Uri(url.to_string());
                    let link = match target {
                        Some((_, link)) => link,
                        None => self.node(Role::Link, node),
                    };
                    self.inlines(content, look.color(LINK), Some((&t, link)), node, out);
                }
                Inline::Citation(ids) => {
                    let gap =
                        crate::compose::citation_gap(crate::compose::last_char(&inlines[..i]));
                    self.citation(ids, gap, look, node, out);
                }
                Inline::SoftBreak | Inline::LineBreak => out.push(Run::new(" ", look)),
                _ => {}
            }
        }
    }

    /// A citation: `[n]` for each source, linked to the source in the list, after `gap` (see
    /// [`citation_gap`](crate::compose::citation_gap)); a `Reference` element holding a `Link`
    /// for each source.
    pub(super) fn citation(
        &mut self,
        ids: &[Id],
        gap: &str,
        look: Look,
        node: NodeId,
        out: &mut Vec<Run>,
    ) {
        if !gap.is_empty() {
            out.push(Run::new(gap, look));
        }
        let reference = self.node(Role::of(Part::Citation), node);
        for id in ids {
            if let Some(n) = self.doc.reference_number(id) {
                let look = Look::new(look.size.saturating_sub(1).max(9)).color(LINK);
                let target = Target::Anchor(format!("source-{id}"));
                out.push(self.link(
                    format!("[{}]", self.doc.labels.native(&n.to_string())),
                    look,
                    target,
                    reference,
                ));
            }
        }
    }

    pub(super) fn entries(&mut self, entries: &[Entry<'_>], indent: f64) {
        let list = self.node(Role::L, self.parent);
        for entry in entries {
            let inner = indent + INDENT;
            let run_in = entry.run_in(self.doc.labels);
            let title = format!("{}{}", run_in.heading, run_in.end);
            let ((marker, label), body) = self.item(list, "•", Look::new(BODY).color(self.accent));
            let one_paragraph = run_in.more.is_empty() && run_in.rest.is_empty();
            self.inside(body, |b| {
                let block = b.item_paragraph(body, one_paragraph, |b, node| {
                    let mut runs = vec![b.run(title, Look::new(BODY).bold())];
                    if let Some(lead) = run_in.lead {
                        runs.push(Run::new(run_in.gap, Look::new(BODY)));
                        b.inlines(lead, Look::new(BODY), None, node, &mut runs);
                    }
                    runs
                });
                let after = if run_in.lead.is_some() { 1.6 } else { 1.2 };
                b.push(
                    block
                        .indent(inner)
                        .marker(marker, label)
                        .spacing(0.0, after),
                );
                b.prose(None, run_in.more, inner);
                b.nodes(run_in.rest, inner);
            });
        }
        self.push(Space::new(&self.track, 1.0));
    }

    pub(super) fn cell(&mut self, cell: &Cell, look: Look, node: NodeId) -> Vec<Run> {
        let mut runs = Vec::new();
        if !cell.text.is_empty() {
            runs.push(self.run(cell.text.as_str(), look));
        }
        if cell.citations.is_empty() {
            return runs;
        }
        let reference = self.node(Role::of(Part::Citation), node);
        for id in &cell.citations {
            if let Some(n) = self.doc.reference_number(id) {
                if !runs.is_empty() {
                    runs.push(Run::new(" ", look));
                }
                let target = Target::Anchor(format!("source-{id}"));
                runs.push(self.link(
                    format!("[{}]", self.doc.labels.native(&n.to_string())),
                    look.color(LINK),
                    target,
                    reference,
                ));
            }
        }
        runs
    }

    pub(super) fn table(&mut self, table: &Table) {
        let look = Look::new(9);
        let node = self.node(Role::Table, self.parent);
        let mut nodes = TableNodes {
            caption: self.node(Role::Caption, node),
            ..TableNodes::default()
        };
        let caption = vec![self.run(table.caption.as_str(), Look::new(10).bold())];
        let caption = self.languages(caption, nodes.caption);
        let tr = self.node(Role::TR, node);
        let header = table
            .header
            .iter()
            .map(|h| {
                let th = self.node(Role::TH, tr);
                nodes.header.1.push(th);
                let run = self.run(h.as_str(), look.bold());
                self.languages(vec![run], th)
            })
            .collect();
        nodes.header.0 = tr;
        let rows = table
            .rows
            .iter()
            .map(|row| {
                let tr = self.node(Role::TR, node);
                let mut cells = Vec::new();
                let runs = row
                    .iter()
                    .enumerate()
                    .map(|(i, cell)| {
                        let role = match i {
                            0 if table.row_headers => Role::RowHeader,
                            _ => Role::TD,
                        };
                        let td = self.node(role, tr);
                        cells.push(td);
                        let runs = self.cell(cell, look, td);
                        self.languages(runs, td)
                    })
                    .collect();
                nodes.rows.push((tr, cells));
                runs
            })
            .collect();
        let notes = table
            .notes
            .iter()
            .map(|note| {
                let p = self.node(Role::P, self.parent);
                nodes.notes.push(p);
                let runs = vec![
                    self.run(
                        format!("{}{}", self.doc.labels.note, self.doc.labels.colon()),
                        look.italic().color(MUTED),
                    ),
                    self.run(note.as_str(), look.color(MUTED)),
                ];
                self.languages(runs, p)
            })
            .collect();
        let block = TableBlock::new(&self.track, nodes, caption, header, rows, notes, look);
        self.push(block);
    }

    /// A chart, after the table that gives its figures: a `Figure` read by its description.
    pub(super) fn chart(&mut self, chart: &crate::Chart) {
        let node = self.figure(chart.description.clone());
        let mut caption = chart.title.clone();
        for id in &chart.sources {
            if let Some(n) = self.doc.reference_number(id) {
                let gap = crate::compose::citation_gap(caption.chars().last());
                caption.push_str(&format!(
                    "{gap}[{}]",
                    self.doc.labels.native(&n.to_string())
                ));
            }
        }
        self.push(ChartBlock::new(
            &self.track,
            chart.clone(),
            caption,
            node,
            (self.accent, MUTED, (29, 35, 39)),
        ));
    }

    /// The list of sources: a list whose items' bodies are `BibEntry` elements.
    pub(super) fn references(&mut self) {
        let (size, gap) = self.fit.sources;
        let look = Look::new(size);
        let list = self.node(Role::LNumbered, self.parent);
        for (i, source) in self.doc.references.iter().enumerate() {
            let ((marker, label), body) = self.item(list, &format!("{}.", i + 1), look);
            let entry = self.node(Role::of(Part::BibliographyEntry), body);
            let mut runs = Vec::new();
            let labels = self.doc.labels;
            let (publisher, title) = (source.publisher.as_str(), source.title.as_str());
            // Plain text gathers into one run; the title is one italic run with the
            // punctuation that closes it, so that no line breaks between them.
            let mut plain = String::new();
            let mut italic: Option<String> = None;
            for piece in labels.source_entry_for(publisher, title).pieces() {
                match piece {
                    Piece::Placeholder("publisher") => plain.push_str(publisher),
                    Piece::Placeholder(_) => {
                        if !plain.is_empty() {
                            runs.push(self.run(std::mem::take(&mut plain), look));
                        }
                        italic = Some(title.to_owned());
                    }
                    Piece::Text(text) => match italic.take() {
                        Some(mut title) => {
                            let closing = text.trim_end();
                            title.push_str(closing);
                            runs.push(self.run(title, look.italic()));
                            plain.push_str(&text[closing.len()..]);
                        }
                        None => plain.push_str(text),
                    },
                    _ => {}
                }
            }
            if let Some(title) = italic {
                runs.push(self.run(title, look.italic()));
            }
            let details = source_details(source, self.doc.labels);
            if details.is_empty() {
                plain.push(' ');
            } else {
                plain.push(' ');
                plain.push_str(&details);
                plain.push(' ');
            }
            runs.push(self.run(plain, look));
            let url = source.url.as_str();
            runs.push(self.link(url, look.color(LINK), Target::Uri(url.to_owned()), entry));
            let runs = self.languages(runs, entry);
            self.push(
                TextBlock::new(&self.track, runs, look, entry)
                    .indent(7.0)
                    .marker(marker, label)
                    .spacing(0.0, gap)
                    .keep_together()
                    .anchor(
                        &format!("source-{}", source.id),
                        None,
                        source.title.as_str(),
                    ),
            );
        }
    }
}
