//! The composed document as genpdf elements.

use std::collections::{BTreeMap, BTreeSet};

use genpdf::Element;
use mht_guide::{Block, Id, Inline};

use super::elements::{
    BandBlock, ChartBlock, OrgBlock, Rule, Space, TableBlock, TableNodes, TextBlock, Track,
};
use super::layout::{Look, Run, Target};
use super::tags::{NodeId, ROOT, Role};
use crate::compose::{Cell, Document, Entry, Node, Section, Table, source_details};
use crate::semantics::Part;

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
    undrawable: Undrawable,
    place: String,
    /// The structure element new elements go into.
    parent: NodeId,
    pub(super) elements: Vec<Box<dyn Element>>,
    contents: bool,
    /// Tighter headings and spacing, for a fact sheet.
    compact: bool,
    /// The color of headings, rules, list markers and chart bars.
    accent: (u8, u8, u8),
}

impl<'d> Builder<'d> {
    pub(super) fn new(
        doc: &'d Document<'d>,
        track: &Track,
        pages: Option<&'d BTreeMap<String, usize>>,
        contents: bool,
        compact: bool,
        accent: Option<crate::Rgb>,
    ) -> Builder<'d> {
        Builder {
            doc,
            track: track.clone(),
            pages,
            undrawable: BTreeMap::new(),
            place: "the page footer".into(),
            parent: ROOT,
            elements: Vec::new(),
            contents,
            compact,
            accent: accent.map_or(ACCENT, crate::Rgb::tuple),
        }
    }

    /// Builds every element, and their structure elements. Also returns the characters that
    /// cannot be drawn, if any.
    pub(super) fn build(
        mut self,
        organization: Option<&str>,
        contact: Option<&str>,
        qr: Option<&str>,
        logo: Option<(&crate::Logo, &str)>,
    ) -> (Vec<Box<dyn Element>>, Undrawable) {
        self.place = "the title block".into();
        self.title_block(organization, contact, qr, logo);
        if self.contents {
            self.contents();
        }
        for section in &self.doc.sections {
            self.place = format!("section “{}”", section.title);
            self.section(section);
        }
        (self.elements, self.undrawable)
    }

    /// Checks that the fonts can draw `text`, noting what they cannot, and returns the text as
    /// it will be printed (other white space as a space, say). No-break spaces and soft hyphens
    /// stay: line breaking needs them, and printing handles them.
    pub(super) fn check(&mut self, text: &str, look: Look) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            // Right-to-left text would print backwards: it is collected like an undrawable
            // character, and the export refuses it by name.
            let drawable = if !c.is_ascii() && super::is_right_to_left(c) {
                None
            } else {
                super::fonts::draw(c, look.bold, look.italic)
            };
            match drawable {
                Some(drawn) => {
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

    /// A run linked to `target`, tagged as a `Link` element under `parent`.
    fn link(&mut self, text: impl Into<String>, look: Look, target: Target, parent: NodeId) -> Run {
        let text = self.check(&text.into(), look);
        let node = self.node(Role::Link, parent);
        Run::link(text, look, target, node)
    }

    fn node(&self, role: Role, parent: NodeId) -> NodeId {
        self.track.node(role, parent)
    }

    /// A `Figure` element here, read by its alternative text.
    fn figure(&self, alt: String) -> NodeId {
        let figure = self.node(Role::of(Part::Image), self.parent);
        self.track.tree.borrow_mut().set_alt(figure, alt);
        figure
    }

    fn push(&mut self, element: impl Element + 'static) {
        self.elements.push(Box::new(element));
    }

    /// A text block tagged as a new element of `role` under the current parent.
    fn block(&self, role: Role, runs: Vec<Run>) -> TextBlock {
        let node = self.node(role, self.parent);
        TextBlock::new(&self.track, runs, Look::new(BODY), node)
    }

    /// A text block of a paragraph, whose runs are built knowing its element.
    fn paragraph(
        &mut self,
        role: Role,
        runs: impl FnOnce(&mut Self, NodeId) -> Vec<Run>,
    ) -> TextBlock {
        let node = self.node(role, self.parent);
        let runs = runs(self, node);
        TextBlock::new(&self.track, runs, Look::new(BODY), node)
    }

    /// A paragraph of a list item's body: a `P` in it, or, when it is the item's only
    /// paragraph (`alone`), the `LBody` itself holds its text (one element fewer an item).
    fn item_paragraph(
        &mut self,
        body: NodeId,
        alone: bool,
        runs: impl FnOnce(&mut Self, NodeId) -> Vec<Run>,
    ) -> TextBlock {
        if !alone {
            return self.paragraph(Role::P, runs);
        }
        let runs = runs(self, body);
        TextBlock::new(&self.track, runs, Look::new(BODY), body)
    }

    /// Builds what `f` builds inside `node`.
    fn inside<T>(&mut self, node: NodeId, f: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::replace(&mut self.parent, node);
        let out = f(self);
        self.parent = outer;
        out
    }

    /// A list item: an `LI` with its `Lbl` (the marker) and `LBody`, under `list`. Returns the
    /// marker's run and element and the body's element.
    fn item(&mut self, list: NodeId, marker: &str, look: Look) -> ((Run, NodeId), NodeId) {
        let li = self.node(Role::LI, list);
        let label = self.node(Role::Lbl, li);
        let body = self.node(Role::LBody, li);
        ((self.run(marker, look), label), body)
    }

    fn title_block(
        &mut self,
        organization: Option<&str>,
        contact: Option<&str>,
        qr: Option<&str>,
        logo: Option<(&crate::Logo, &str)>,
    ) {
        let meta = self.doc.meta;
        let title = self.run(meta.title.as_str(), Look::new(24).bold().color(self.accent));
        self.push(self.block(Role::H1, vec![title]).spacing(0.0, 1.5));
        let subtitle = self.run(meta.subtitle.as_str(), Look::new(13).color(MUTED));
        self.push(self.block(Role::P, vec![subtitle]).spacing(0.0, 2.0));
        let description = self.run(meta.description.as_str(), Look::new(BODY));
        self.push(self.block(Role::P, vec![description]).spacing(1.0, 2.0));
        let labels = self.doc.labels;
        let line = labels.edition(meta);
        let line = self.run(line, Look::new(9).color(MUTED));
        self.push(self.block(Role::P, vec![line]).spacing(0.0, 1.0));
        // The organization's lines, each a paragraph: its name, the contact line and the
        // address of the code.
        let code = qr.and_then(|url| crate::qr::Qr::new(url).map(|code| (url, code)));
        let mut lines = Vec::new();
        if let Some(org) = organization {
            let provided = self.doc.labels.provided_by.fill(&[("organization", org)]);
            lines.push((provided, Look::new(11).bold()));
        }
        if let Some(contact) = contact {
            lines.push((contact.to_owned(), Look::new(10)));
        }
        if let Some((url, _)) = &code {
            lines.push(((*url).to_owned(), Look::new(9).color(MUTED)));
        }
        if code.is_none() && logo.is_none() {
            for (i, (text, look)) in lines.into_iter().enumerate() {
                let run = self.run(text, look);
                let before = if i == 0 { 2.0 } else { 0.0 };
                self.push(self.block(Role::P, vec![run]).spacing(before, 0.5));
            }
        } else {
            // With the logo before them and the code beside them; both are figures, the logo
            // read by the organization's name and the code by its address.
            let logo = logo.map(|(logo, alt)| {
                let figure = self.figure(alt.to_owned());
                (f64::from(logo.width()) / f64::from(logo.height()), figure)
            });
            let lines = lines
                .into_iter()
                .map(|(text, look)| {
                    let text = self.check(&text, look);
                    (text, look, self.node(Role::P, self.parent))
                })
                .collect();
            let code = code.map(|(url, code)| (code, self.figure(url.to_owned())));
            self.push(OrgBlock::new(&self.track, logo, lines, code));
        }
        self.push(Rule::new(&self.track, self.accent, 3.0));
        if let Some(band) = &self.doc.band {
            self.band(band);
        }
    }

    /// The key figures: a `Div` holding a `Div` for each figure, whose value, label and
    /// detail (with its citation) are paragraphs.
    fn band(&mut self, band: &crate::Band) {
        let group = self.node(Role::of(Part::KeyFigures), self.parent);
        // The values are text on the cells' shade, where the accent needs 4.5:1 too.
        let (r, g, b) = self.accent;
        let (sr, sg, sb) = super::elements::SHADE;
        let value_color = crate::Rgb { r, g, b }
            .on_light(crate::Rgb {
                r: sr,
                g: sg,
                b: sb,
            })
            .tuple();
        let figures = band
            .figures
            .iter()
            .map(|figure| {
                let cell = self.node(Role::Div, group);
                let value_look = Look::new(if figure.in_words() { 12 } else { 18 })
                    .bold()
                    .color(value_color);
                let value = vec![self.run(figure.value.as_str(), value_look)];
                let label_look = Look::new(9).bold();
                let label = vec![self.run(figure.label.as_str(), label_look)];
                let detail_look = Look::new(8).color(MUTED);
                // The paragraphs in reading order: value, label, detail.
                let (value_node, label_node) = (self.node(Role::P, cell), self.node(Role::P, cell));
                let detail_node = self.node(Role::P, cell);
                let mut detail = vec![self.run(figure.detail.as_str(), detail_look)];
                self.citation(
                    std::slice::from_ref(&figure.source),
                    Look::new(8),
                    detail_node,
                    &mut detail,
                );
                vec![
                    (value, value_look, value_node),
                    (label, label_look, label_node),
                    (detail, detail_look, detail_node),
                ]
            })
            .collect();
        self.push(BandBlock::new(&self.track, figures, self.accent));
    }

    /// The table of contents: a `TOC` of `TOCI` entries, each a `Reference` to its section
    /// holding one `Link` (the title and the page number).
    fn contents(&mut self) {
        self.place = "the table of contents".into();
        let heading = self.run(
            self.doc.labels.contents.as_str(),
            Look::new(14).bold().color(self.accent),
        );
        self.push(self.block(Role::H2, vec![heading]).spacing(2.0, 2.0));
        let toc = self.node(Role::of(Part::Contents), self.parent);
        for section in &self.doc.sections {
            let page = self
                .pages
                .and_then(|p| p.get(&section.anchor))
                .map_or_else(|| "00".to_owned(), ToString::to_string);
            let target = Target::Anchor(section.anchor.clone());
            let item = self.node(Role::of(Part::ContentsEntry), toc);
            let reference = self.node(Role::Reference, item);
            let link = self.node(Role::Link, reference);
            let title = format!("{}.\u{a0}{}", section.number, section.title);
            let entry = Run::link(
                self.check(&title, Look::new(11)),
                Look::new(11),
                target.clone(),
                link,
            );
            let page = Run::link(page, Look::new(11), target, link);
            let block = TextBlock::new(&self.track, vec![entry], Look::new(BODY), reference);
            self.push(block.right(page).spacing(0.0, 1.6));
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
        let heading = self.run(title.clone(), Look::new(size).bold().color(self.accent));
        self.push(
            self.block(Role::H2, vec![heading])
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
                        self.block(Role::H3, vec![run])
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
                            self.block(Role::P, vec![label, value])
                                .indent(indent)
                                .spacing(0.0, 0.8),
                        );
                    }
                    self.push(Space::new(&self.track, 1.2));
                }
                Node::Bullets(texts) => {
                    let list = self.node(Role::L, self.parent);
                    for text in texts {
                        let look = Look::new(BODY).color(self.accent);
                        let ((marker, label), body) = self.item(list, "•", look);
                        let run = self.run(*text, Look::new(BODY));
                        let block = TextBlock::new(&self.track, vec![run], Look::new(BODY), body);
                        self.push(
                            block
                                .indent(indent + INDENT)
                                .marker(marker, label)
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
                        self.block(Role::H3, vec![run])
                            .spacing(3.5, 1.2)
                            .keep_with_next(12.0)
                            .anchor(anchor, Some(2), question),
                    );
                    self.prose(None, answer, indent);
                }
                Node::References => self.references(),
                Node::Chart(chart) => self.chart(chart),
                Node::Band(band) => self.band(band),
            }
        }
    }

    fn prose(&mut self, label: Option<&str>, blocks: &[Block], indent: f64) {
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::Paragraph(inlines) => {
                    let block = self.paragraph(Role::P, |b, node| {
                        let mut runs = Vec::new();
                        if let (Some(label), 0) = (label, i) {
                            let look = Look::new(BODY).italic().color(MUTED);
                            runs.push(b.run(format!("{label}: "), look));
                        }
                        b.inlines(inlines, Look::new(BODY), None, node, &mut runs);
                        runs
                    });
                    self.push(block.indent(indent).spacing(0.0, 2.2));
                }
                Block::List(list) => self.list(list, indent),
                _ => {}
            }
        }
    }

    fn list(&mut self, list: &mht_guide::List, indent: f64) {
        let l = self.node(Role::L, self.parent);
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
    fn inlines(
        &mut self,
        inlines: &[Inline],
        look: Look,
        target: Option<(&Target, NodeId)>,
        node: NodeId,
        out: &mut Vec<Run>,
    ) {
        for inline in inlines {
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
                Inline::Citation(ids) => self.citation(ids, look, node, out),
                Inline::SoftBreak | Inline::LineBreak => out.push(Run::new(" ", look)),
                _ => {}
            }
        }
    }

    /// A citation: `[n]` for each source, linked to the source in the list, after a no-break
    /// space; a `Reference` element holding a `Link` for each source.
    fn citation(&mut self, ids: &[Id], look: Look, node: NodeId, out: &mut Vec<Run>) {
        out.push(Run::new("\u{a0}", look));
        let reference = self.node(Role::of(Part::Citation), node);
        for id in ids {
            if let Some(n) = self.doc.reference_number(id) {
                let look = Look::new(look.size.saturating_sub(1).max(7)).color(LINK);
                let target = Target::Anchor(format!("source-{id}"));
                out.push(self.link(format!("[{n}]"), look, target, reference));
            }
        }
    }

    fn entries(&mut self, entries: &[Entry<'_>], indent: f64) {
        let list = self.node(Role::L, self.parent);
        for entry in entries {
            let inner = indent + INDENT;
            let run_in = entry.run_in();
            let period = if run_in.add_period { "." } else { "" };
            let title = format!("{}{period}", run_in.heading);
            let ((marker, label), body) = self.item(list, "•", Look::new(BODY).color(self.accent));
            let one_paragraph = run_in.more.is_empty() && run_in.rest.is_empty();
            self.inside(body, |b| {
                let block = b.item_paragraph(body, one_paragraph, |b, node| {
                    let mut runs = vec![b.run(title, Look::new(BODY).bold())];
                    if let Some(lead) = run_in.lead {
                        runs.push(Run::new(" ", Look::new(BODY)));
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

    fn cell(&mut self, cell: &Cell, look: Look, node: NodeId) -> Vec<Run> {
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
                runs.push(self.link(format!("[{n}]"), look.color(LINK), target, reference));
            }
        }
        runs
    }

    fn table(&mut self, table: &Table) {
        let look = Look::new(9);
        let node = self.node(Role::Table, self.parent);
        let mut nodes = TableNodes {
            caption: self.node(Role::Caption, node),
            ..TableNodes::default()
        };
        let caption = vec![self.run(table.caption.as_str(), Look::new(10).bold())];
        let tr = self.node(Role::TR, node);
        let header = table
            .header
            .iter()
            .map(|h| {
                nodes.header.1.push(self.node(Role::TH, tr));
                vec![self.run(h.as_str(), look.bold())]
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
                    .map(|cell| {
                        let td = self.node(Role::TD, tr);
                        cells.push(td);
                        self.cell(cell, look, td)
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
                nodes.notes.push(self.node(Role::P, self.parent));
                vec![
                    self.run(
                        format!("{}: ", self.doc.labels.note),
                        look.italic().color(MUTED),
                    ),
                    self.run(note.as_str(), look.color(MUTED)),
                ]
            })
            .collect();
        let block = TableBlock::new(&self.track, nodes, caption, header, rows, notes, look);
        self.push(block);
    }

    /// A chart, after the table that gives its figures: a `Figure` read by its description.
    fn chart(&mut self, chart: &crate::Chart) {
        let node = self.figure(chart.description.clone());
        let mut caption = chart.title.clone();
        for id in &chart.sources {
            if let Some(n) = self.doc.reference_number(id) {
                caption.push_str(&format!("\u{a0}[{n}]"));
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
    fn references(&mut self) {
        let look = Look::new(9);
        let list = self.node(Role::L, self.parent);
        for (i, source) in self.doc.references.iter().enumerate() {
            let ((marker, label), body) = self.item(list, &format!("{}.", i + 1), look);
            let entry = self.node(Role::of(Part::BibliographyEntry), body);
            let mut runs = Vec::new();
            if source.publisher != source.title {
                runs.push(self.run(format!("{}. ", source.publisher), look));
            }
            runs.push(self.run(format!("{}.", source.title), look.italic()));
            let details = source_details(source, self.doc.labels);
            let details = if details.is_empty() {
                " ".to_owned()
            } else {
                format!(" {details} ")
            };
            runs.push(self.run(details, look));
            let url = source.url.as_str();
            runs.push(self.link(url, look.color(LINK), Target::Uri(url.to_owned()), entry));
            self.push(
                TextBlock::new(&self.track, runs, look, entry)
                    .indent(7.0)
                    .marker(marker, label)
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
