//! The composed document as genpdf elements.

use std::collections::{BTreeMap, BTreeSet};

use genpdf::Element;
use mht_guide::{Block, Id, Inline};

use super::elements::{Rule, Space, TableBlock, TextBlock, Track};
use super::fonts::Coverage;
use super::layout::{Look, Run, Target};
use crate::compose::{Cell, Document, Entry, Node, Section, Table, source_details};

const BODY: u8 = 10;
const ACCENT: (u8, u8, u8) = (0, 72, 110);
const LINK: (u8, u8, u8) = (0, 82, 160);
const MUTED: (u8, u8, u8) = (85, 85, 85);
const INDENT: f64 = 5.0;

/// Characters the chosen fonts cannot draw, each with the places it occurs.
pub(super) type Undrawable = BTreeMap<char, BTreeSet<String>>;

/// Builds the elements of a handout.
pub(super) struct Builder<'d> {
    doc: &'d Document<'d>,
    track: Track,
    /// Page numbers of the anchors, from a first pass, for the table of contents.
    pages: Option<&'d BTreeMap<String, usize>>,
    coverage: Coverage,
    undrawable: Undrawable,
    /// Every character drawn, by style: regular, bold, italic, bold italic.
    drawn: [BTreeSet<char>; 4],
    place: String,
    pub(super) elements: Vec<Box<dyn Element>>,
    contents: bool,
    /// Tighter headings and spacing, for a fact sheet.
    compact: bool,
}

impl<'d> Builder<'d> {
    pub(super) fn new(
        doc: &'d Document<'d>,
        track: &Track,
        pages: Option<&'d BTreeMap<String, usize>>,
        coverage: Coverage,
        contents: bool,
        compact: bool,
    ) -> Builder<'d> {
        Builder {
            doc,
            track: track.clone(),
            pages,
            coverage,
            undrawable: BTreeMap::new(),
            drawn: Default::default(),
            place: "the page footer".into(),
            elements: Vec::new(),
            contents,
            compact,
        }
    }

    /// Builds every element. Also returns the characters that cannot be drawn, if any, and
    /// every character drawn, by style.
    pub(super) fn build(
        mut self,
        organization: Option<&str>,
        contact: Option<&str>,
    ) -> (Vec<Box<dyn Element>>, Undrawable, [BTreeSet<char>; 4]) {
        self.place = "the title block".into();
        self.title_block(organization, contact);
        if self.contents {
            self.contents();
        }
        for section in &self.doc.sections {
            self.place = format!("section “{}”", section.title);
            self.section(section);
        }
        (self.elements, self.undrawable, self.drawn)
    }

    /// Checks that the fonts can draw `text`, noting what they cannot, and returns the text as
    /// it will be printed (a minus sign becomes a hyphen in the standard fonts, say). No-break
    /// spaces and soft hyphens stay: line breaking needs them, and printing handles them.
    pub(super) fn check(&mut self, text: &str, look: Look) -> String {
        let style = usize::from(look.bold) + 2 * usize::from(look.italic);
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            // Right-to-left text would print backwards: it is collected like an undrawable
            // character, and the export refuses it by name.
            let drawable = if super::is_right_to_left(c) {
                None
            } else {
                self.coverage.draw(c, look.bold, look.italic)
            };
            match drawable {
                Some(drawn) => {
                    if let Some(d) = drawn {
                        self.drawn[style].insert(d);
                    }
                    out.push(if matches!(c, '\u{a0}' | '\u{ad}') {
                        c
                    } else if matches!(c, '\u{2007}' | '\u{202F}') {
                        // No-break spaces of other widths keep lines from breaking there.
                        '\u{a0}'
                    } else {
                        drawn.unwrap_or(c)
                    });
                }
                None => {
                    self.undrawable
                        .entry(c)
                        .or_default()
                        .insert(self.place.clone());
                    out.push(c);
                }
            }
        }
        out
    }

    fn run(&mut self, text: impl Into<String>, look: Look) -> Run {
        let text = self.check(&text.into(), look);
        Run::new(text, look)
    }

    fn link(&mut self, text: impl Into<String>, look: Look, target: Target) -> Run {
        let text = self.check(&text.into(), look);
        Run::link(text, look, target)
    }

    fn push(&mut self, element: impl Element + 'static) {
        self.elements.push(Box::new(element));
    }

    fn block(&self, runs: Vec<Run>) -> TextBlock {
        TextBlock::new(&self.track, runs, Look::new(BODY))
    }

    fn title_block(&mut self, organization: Option<&str>, contact: Option<&str>) {
        let meta = self.doc.meta;
        let title = self.run(meta.title.as_str(), Look::new(24).bold().color(ACCENT));
        self.push(self.block(vec![title]).spacing(0.0, 1.5));
        let subtitle = self.run(meta.subtitle.as_str(), Look::new(13).color(MUTED));
        self.push(self.block(vec![subtitle]).spacing(0.0, 2.0));
        let description = self.run(meta.description.as_str(), Look::new(BODY));
        self.push(self.block(vec![description]).spacing(1.0, 2.0));
        let line = format!(
            "Edition of {} · {} · License {}",
            meta.edition, meta.publisher, meta.license
        );
        let line = self.run(line, Look::new(9).color(MUTED));
        self.push(self.block(vec![line]).spacing(0.0, 1.0));
        if let Some(org) = organization {
            let org = self.run(format!("Provided by {org}"), Look::new(11).bold());
            self.push(self.block(vec![org]).spacing(2.0, 0.5));
        }
        if let Some(contact) = contact {
            let contact = self.run(contact, Look::new(10));
            self.push(self.block(vec![contact]).spacing(0.0, 0.5));
        }
        self.push(Rule::new(&self.track, ACCENT, 3.0));
    }

    fn contents(&mut self) {
        self.place = "the table of contents".into();
        let heading = self.run("Contents", Look::new(14).bold().color(ACCENT));
        self.push(self.block(vec![heading]).spacing(2.0, 2.0));
        for section in &self.doc.sections {
            let page = self
                .pages
                .and_then(|p| p.get(&section.anchor))
                .map_or_else(|| "00".to_owned(), ToString::to_string);
            let target = Target::Anchor(section.anchor.clone());
            let entry = self.link(
                format!("{}.\u{a0}{}", section.number, section.title),
                Look::new(11),
                target.clone(),
            );
            let page = Run::link(page, Look::new(11), target);
            self.push(self.block(vec![entry]).right(page).spacing(0.0, 1.6));
        }
        self.push(genpdf::elements::PageBreak::new());
    }

    fn section(&mut self, section: &Section<'_>) {
        let title = format!("{}.\u{a0}{}", section.number, section.title);
        let (size, before, after, keep) = if self.compact {
            (12, 3.5, 1.2, 12.0)
        } else {
            (15, 7.0, 2.5, 25.0)
        };
        let heading = self.run(title.clone(), Look::new(size).bold().color(ACCENT));
        self.push(
            self.block(vec![heading])
                .spacing(before, after)
                .keep_with_next(keep)
                .anchor(&section.anchor, Some(1), &title),
        );
        self.nodes(&section.nodes, 0.0);
    }

    fn nodes(&mut self, nodes: &[Node<'_>], indent: f64) {
        for node in nodes {
            match node {
                Node::Prose { label, blocks } => self.prose(*label, blocks, indent),
                Node::Subheading { title, anchor } => {
                    let run = self.run(*title, Look::new(12).bold());
                    self.push(
                        self.block(vec![run])
                            .spacing(4.0, 1.5)
                            .keep_with_next(18.0)
                            .anchor(anchor, Some(2), title),
                    );
                }
                Node::Entries(entries) => self.entries(entries, indent),
                Node::Fields(fields) => {
                    for (label, value) in fields {
                        let label =
                            self.run(format!("{label}: "), Look::new(BODY).italic().color(MUTED));
                        let value = self.run(value.as_str(), Look::new(BODY));
                        self.push(
                            self.block(vec![label, value])
                                .indent(indent)
                                .spacing(0.0, 0.8),
                        );
                    }
                    self.push(Space::new(&self.track, 1.2));
                }
                Node::Bullets(texts) => {
                    for text in texts {
                        let run = self.run(*text, Look::new(BODY));
                        let marker = self.run("•", Look::new(BODY).color(ACCENT));
                        self.push(
                            self.block(vec![run])
                                .indent(indent + INDENT)
                                .marker(marker)
                                .spacing(0.0, 1.0),
                        );
                    }
                    self.push(Space::new(&self.track, 1.5));
                }
                Node::Table(table) => self.table(table),
                Node::Question {
                    anchor,
                    question,
                    answer,
                } => {
                    let run = self.run(*question, Look::new(11).bold());
                    self.push(
                        self.block(vec![run])
                            .spacing(3.5, 1.2)
                            .keep_with_next(12.0)
                            .anchor(anchor, Some(2), question),
                    );
                    self.prose(None, answer, indent);
                }
                Node::References => self.references(),
            }
        }
    }

    fn prose(&mut self, label: Option<&str>, blocks: &[Block], indent: f64) {
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::Paragraph(inlines) => {
                    let mut runs = Vec::new();
                    if let (Some(label), 0) = (label, i) {
                        runs.push(
                            self.run(format!("{label}: "), Look::new(BODY).italic().color(MUTED)),
                        );
                    }
                    self.inlines(inlines, Look::new(BODY), None, &mut runs);
                    self.push(self.block(runs).indent(indent).spacing(0.0, 2.2));
                }
                Block::List(list) => self.list(list, indent),
                _ => {}
            }
        }
    }

    fn list(&mut self, list: &mht_guide::List, indent: f64) {
        for (n, item) in list.items.iter().enumerate() {
            let marker = match list.start {
                Some(start) => format!("{}.", start as usize + n),
                None => "•".to_owned(),
            };
            let inner = indent + INDENT + if list.start.is_some() { 1.5 } else { 0.0 };
            for (i, block) in item.iter().enumerate() {
                match block {
                    Block::Paragraph(inlines) => {
                        let mut runs = Vec::new();
                        self.inlines(inlines, Look::new(BODY), None, &mut runs);
                        let mut b = self.block(runs).indent(inner).spacing(0.0, 1.2);
                        if i == 0 {
                            let marker = self.run(marker.clone(), Look::new(BODY).color(ACCENT));
                            b = b.marker(marker);
                        }
                        self.push(b);
                    }
                    Block::List(nested) => self.list(nested, inner),
                    _ => {}
                }
            }
        }
        self.push(Space::new(&self.track, 1.2));
    }

    fn inlines(
        &mut self,
        inlines: &[Inline],
        look: Look,
        target: Option<&Target>,
        out: &mut Vec<Run>,
    ) {
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Code(text) => {
                    let mut run = self.run(text.as_str(), look);
                    run.target = target.cloned();
                    out.push(run);
                }
                Inline::Emphasis(c) => self.inlines(c, look.italic(), target, out),
                Inline::Strong(c) => self.inlines(c, look.bold(), target, out),
                Inline::Link { url, content } => {
                    let t = Target::Uri(url.to_string());
                    self.inlines(content, look.color(LINK), Some(&t), out);
                }
                Inline::Citation(ids) => self.citation(ids, look, out),
                Inline::SoftBreak | Inline::LineBreak => out.push(Run::new(" ", look)),
                _ => {}
            }
        }
    }

    /// A citation: `[n]` for each source, linked to the source in the list, after a no-break
    /// space.
    fn citation(&mut self, ids: &[Id], look: Look, out: &mut Vec<Run>) {
        out.push(Run::new("\u{a0}", look));
        for id in ids {
            if let Some(n) = self.doc.reference_number(id) {
                let look = Look::new(look.size.saturating_sub(1).max(7)).color(LINK);
                out.push(self.link(
                    format!("[{n}]"),
                    look,
                    Target::Anchor(format!("source-{id}")),
                ));
            }
        }
    }

    fn entries(&mut self, entries: &[Entry<'_>], indent: f64) {
        for entry in entries {
            let inner = indent + INDENT;
            let run_in = entry.run_in();
            let period = if run_in.add_period { "." } else { "" };
            let title = format!("{}{period}", run_in.heading);
            let mut runs = vec![self.run(title, Look::new(BODY).bold())];
            if let Some(lead) = run_in.lead {
                runs.push(Run::new(" ", Look::new(BODY)));
                self.inlines(lead, Look::new(BODY), None, &mut runs);
            }
            let marker = self.run("•", Look::new(BODY).color(ACCENT));
            let after = if run_in.lead.is_some() { 1.6 } else { 1.2 };
            self.push(
                self.block(runs)
                    .indent(inner)
                    .marker(marker)
                    .spacing(0.0, after),
            );
            self.prose(None, run_in.more, inner);
            self.nodes(run_in.rest, inner);
        }
        self.push(Space::new(&self.track, 1.0));
    }

    fn cell(&mut self, cell: &Cell, look: Look) -> Vec<Run> {
        let mut runs = Vec::new();
        if !cell.text.is_empty() {
            runs.push(self.run(cell.text.as_str(), look));
        }
        for id in &cell.citations {
            if let Some(n) = self.doc.reference_number(id) {
                if !runs.is_empty() {
                    runs.push(Run::new(" ", look));
                }
                runs.push(self.link(
                    format!("[{n}]"),
                    look.color(LINK),
                    Target::Anchor(format!("source-{id}")),
                ));
            }
        }
        runs
    }

    fn table(&mut self, table: &Table) {
        let look = Look::new(9);
        let caption = vec![self.run(table.caption.as_str(), Look::new(10).bold())];
        let header = table
            .header
            .iter()
            .map(|h| vec![self.run(h.as_str(), look.bold())])
            .collect();
        let rows = table
            .rows
            .iter()
            .map(|row| row.iter().map(|cell| self.cell(cell, look)).collect())
            .collect();
        let notes = table
            .notes
            .iter()
            .map(|note| {
                vec![
                    self.run("Note: ", look.italic().color(MUTED)),
                    self.run(note.as_str(), look.color(MUTED)),
                ]
            })
            .collect();
        let block = TableBlock::new(&self.track, caption, header, rows, notes, look);
        self.push(block);
    }

    fn references(&mut self) {
        let look = Look::new(9);
        for (i, source) in self.doc.references.iter().enumerate() {
            let mut runs = Vec::new();
            if source.publisher != source.title {
                runs.push(self.run(format!("{}. ", source.publisher), look));
            }
            runs.push(self.run(format!("{}.", source.title), look.italic()));
            let details = source_details(source);
            let details = if details.is_empty() {
                " ".to_owned()
            } else {
                format!(" {details} ")
            };
            runs.push(self.run(details, look));
            let url = source.url.as_str();
            runs.push(self.link(url, look.color(LINK), Target::Uri(url.to_owned())));
            let marker = self.run(format!("{}.", i + 1), look);
            self.push(
                TextBlock::new(&self.track, runs, look)
                    .indent(7.0)
                    .marker(marker)
                    .spacing(0.0, 1.6)
                    .anchor(
                        &format!("source-{}", source.id),
                        None,
                        source.title.as_str(),
                    ),
            );
        }
    }
}
