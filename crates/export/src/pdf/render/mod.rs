//! The composed document as genpdf elements.

use std::collections::{BTreeMap, BTreeSet};

use genpdf::Element;

mod body;
mod front;

use super::elements::{Space, TextBlock, Track};
use super::layout::{Look, Run, Target};
use super::tags::{NodeId, ROOT, Role};
use crate::compose::{Document, Node, Section};
use crate::semantics::Part;

const BODY: u8 = 10;
const ACCENT: (u8, u8, u8) = (0, 72, 110);
const LINK: (u8, u8, u8) = (0, 82, 160);
const MUTED: (u8, u8, u8) = (85, 85, 85);
const INDENT: f64 = 5.0;

/// Characters the chosen fonts cannot draw, each with the places it occurs.
pub(super) type Undrawable = BTreeMap<char, BTreeSet<super::Origin>>;

/// Builds the elements of a handout.
pub(super) struct Builder<'d> {
    doc: &'d Document<'d>,
    track: Track,
    /// Page numbers of the anchors, from a first pass, for the table of contents.
    pages: Option<&'d BTreeMap<String, usize>>,
    undrawable: Undrawable,
    /// Where the text being checked comes from.
    pub(super) place: super::Origin,
    /// The structure element new elements go into.
    parent: NodeId,
    pub(super) elements: Vec<Box<dyn Element>>,
    contents: bool,
    /// Tighter headings and spacing, for a fact sheet.
    compact: bool,
    /// The color of headings, rules, list markers and chart bars.
    accent: (u8, u8, u8),
    /// How tightly a fact sheet is set to keep to its pages.
    fit: crate::pdf::Fit,
}

impl<'d> Builder<'d> {
    pub(super) fn new(
        doc: &'d Document<'d>,
        track: &Track,
        pages: Option<&'d BTreeMap<String, usize>>,
        contents: bool,
        compact: bool,
        accent: Option<crate::Rgb>,
        fit: crate::pdf::Fit,
    ) -> Builder<'d> {
        Builder {
            doc,
            track: track.clone(),
            pages,
            undrawable: BTreeMap::new(),
            place: super::Origin::Content("the page footer".into()),
            parent: ROOT,
            elements: Vec::new(),
            contents,
            compact,
            accent: accent.map_or(ACCENT, crate::Rgb::tuple),
            fit,
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
        self.place = super::Origin::Content("the title block".into());
        self.title_block(organization, contact, qr, logo);
        if self.contents {
            self.contents();
        }
        for section in &self.doc.sections {
            self.place = super::Origin::Content(format!("section “{}”", section.title));
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
            let drawable = super::fonts::draw(c, look.bold, look.italic).or_else(|| {
                // A character of another face is drawn as itself.
                (super::shape::follows(c) || self.track.fonts().fallback(c, look.bold).is_some())
                    .then_some(Some(c))
            });
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

    /// The runs of a block tagged `node`, with each word or name in another language than the
    /// document's in a run of its own, tagged as a `Span` with its `/Lang` (under the run's own
    /// element, a link say, if it has one).
    fn languages(&self, runs: Vec<Run>, node: NodeId) -> Vec<Run> {
        if self.doc.parts.is_empty() {
            return runs;
        }
        // Runs alike are joined first, so that a name written across a line break of the
        // source (a soft break, a run of its own) is found whole.
        let mut joined: Vec<Run> = Vec::with_capacity(runs.len());
        for run in runs {
            match joined.last_mut() {
                Some(last)
                    if last.look == run.look
                        && last.target == run.target
                        && last.tag == run.tag
                        && last.whole == run.whole =>
                {
                    last.text.push_str(&run.text);
                }
                _ => joined.push(run),
            }
        }
        let mut out = Vec::with_capacity(joined.len());
        for run in joined {
            // An address shown as itself is read as one, whatever words it holds.
            if matches!(&run.target, Some(Target::Uri(uri)) if run.text.trim() == uri) {
                out.push(run);
                continue;
            }
            let pieces = self.doc.parts.split(&run.text);
            if pieces.len() == 1 && pieces[0].1.is_none() {
                out.push(run);
                continue;
            }
            for (text, language) in pieces {
                let mut piece = Run {
                    text: text.to_owned(),
                    ..run.clone()
                };
                if let Some(language) = language {
                    let span = self.node(Role::Span, run.tag.unwrap_or(node));
                    self.track
                        .tree
                        .borrow_mut()
                        .set_lang(span, language.as_str());
                    piece.tag = Some(span);
                    piece.whole = true;
                }
                out.push(piece);
            }
        }
        out
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
        let runs = self.languages(runs, node);
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
        let runs = self.languages(runs, node);
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
        let runs = self.languages(runs, body);
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

    fn section(&mut self, section: &Section<'_>) {
        let title = section.heading(self.doc.labels);
        let (size, before, after, keep) = if self.compact {
            (12, self.fit.heading_gap, 1.0, 10.0)
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
        for (i, node) in nodes.iter().enumerate() {
            // A chart right after a table draws the table's figures: a fact sheet short of
            // room leaves it out, and keeps the table, which gives them exactly.
            let after_table = i > 0 && matches!(nodes[i - 1], Node::Table(_));
            if self.fit.drop_repeating_chart && after_table && matches!(node, Node::Chart(_)) {
                continue;
            }
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
                        let label = self.run(
                            format!("{label}{}", self.doc.labels.colon()),
                            Look::new(BODY).italic().color(MUTED),
                        );
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
                        let runs = self.languages(vec![run], body);
                        let block = TextBlock::new(&self.track, runs, Look::new(BODY), body);
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
}
