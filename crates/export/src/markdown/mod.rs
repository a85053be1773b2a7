//! Markdown: the composed document as a comrak AST, formatted by comrak as CommonMark.
//!
//! The output is CommonMark plus GitHub tables, with YAML front matter. Headings are not numbered
//! in the text; the contents list links to them by the anchors GitHub and pandoc derive from the
//! heading text. Citations are links to the numbered sources list.

use comrak::nodes::{
    AstNode, ListDelimType, ListType, NodeCode, NodeHeading, NodeLink, NodeList, NodeTable,
    NodeValue, TableAlignment,
};
use comrak::{Anchorizer, Arena, Options as ComrakOptions};
use mht_guide::labels::Piece;
use mht_guide::{Block, Guide, Id, Inline};

use crate::Options;
use crate::compose::{Band, Cell, Document, Entry, Node, Section, Table, source_details};

/// The comrak options the Markdown export is written for: CommonMark, GitHub tables and YAML
/// front matter, no line wrapping.
///
/// Parse the export with these options to get the document back.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "unstable-ir")] {
/// use mht_guide_export::{Options, markdown_options, to_markdown};
///
/// let md = to_markdown(mht_guide::guide(), &Options::new());
/// // Formatting the export again with comrak changes nothing.
/// assert_eq!(comrak::markdown_to_commonmark(&md, &markdown_options()), md);
/// # }
/// ```
pub fn markdown_options() -> ComrakOptions<'static> {
    let mut options = ComrakOptions::default();
    options.extension.table = true;
    options.extension.front_matter_delimiter = Some("---".into());
    options.render.width = 0;
    options.render.list_style = comrak::options::ListStyleType::Dash;
    options
}

/// Exports the selected sections of a guide as Markdown.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, to_markdown};
///
/// let md = to_markdown(mht_guide::guide(), &Options::new());
/// assert!(md.starts_with("---\ntitle: "));
/// assert!(md.contains("\n## Frequently asked questions\n"));
/// ```
pub fn to_markdown(guide: &Guide, options: &Options) -> String {
    let doc = Document::from_options(guide, options);
    let arena = Arena::new();
    let md = Builder::new(&arena, &doc);
    let root = md.node(NodeValue::Document);
    md.front_matter(root);
    md.title_block(root, options);
    if let Some(band) = &doc.band {
        md.band(root, band);
    }
    md.contents(root);
    for section in &doc.sections {
        md.section(root, section);
    }
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = comrak::format_commonmark(root, &markdown_options(), &mut out);
    out
}

struct Builder<'a, 'd> {
    arena: &'a Arena<'a>,
    doc: &'d Document<'d>,
    /// The link target of each section's heading.
    section_hrefs: Vec<String>,
    /// The link target of the sources list, which citations point to.
    sources_href: String,
}

impl<'a, 'd> Builder<'a, 'd> {
    /// Works out the anchors GitHub and pandoc give the headings, by visiting every heading in
    /// document order as they do (a repeated heading gets `-1`, `-2`, ...).
    fn new(arena: &'a Arena<'a>, doc: &'d Document<'d>) -> Self {
        let mut anchorizer = Anchorizer::new();
        anchorizer.anchorize(doc.meta.title.as_str());
        anchorizer.anchorize(doc.labels.contents.as_str());
        let mut section_hrefs = Vec::new();
        let mut sources_href = String::new();
        for section in &doc.sections {
            let href = format!("#{}", anchorizer.anchorize(section.title));
            if section.id == mht_guide::SectionId::Sources {
                sources_href.clone_from(&href);
            }
            section_hrefs.push(href);
            for node in &section.nodes {
                match node {
                    Node::Subheading { title, .. } => {
                        anchorizer.anchorize(title);
                    }
                    Node::Question { question, .. } => {
                        anchorizer.anchorize(question);
                    }
                    _ => {}
                }
            }
        }
        Builder {
            arena,
            doc,
            section_hrefs,
            sources_href,
        }
    }

    fn node(&self, value: NodeValue) -> &'a AstNode<'a> {
        self.arena.alloc(AstNode::from(value))
    }

    fn child(&self, parent: &'a AstNode<'a>, value: NodeValue) -> &'a AstNode<'a> {
        let node = self.node(value);
        parent.append(node);
        node
    }

    fn text(&self, parent: &'a AstNode<'a>, text: &str) {
        self.child(parent, NodeValue::Text(text.to_owned().into()));
    }

    fn heading(&self, parent: &'a AstNode<'a>, level: u8, text: &str) {
        let h = self.child(
            parent,
            NodeValue::Heading(NodeHeading {
                level,
                setext: false,
                closed: false,
            }),
        );
        self.text(h, text);
    }

    fn paragraph(&self, parent: &'a AstNode<'a>) -> &'a AstNode<'a> {
        self.child(parent, NodeValue::Paragraph)
    }

    fn list(&self, parent: &'a AstNode<'a>, ordered: bool, tight: bool) -> &'a AstNode<'a> {
        self.child(parent, NodeValue::List(list_value(ordered, 1, tight)))
    }

    fn item(&self, list: &'a AstNode<'a>) -> &'a AstNode<'a> {
        let value = match &list.data().value {
            NodeValue::List(l) => *l,
            _ => list_value(false, 1, true),
        };
        self.child(list, NodeValue::Item(value))
    }

    fn link(&self, parent: &'a AstNode<'a>, url: &str, text: &str) {
        let link = self.child(
            parent,
            NodeValue::Link(Box::new(NodeLink {
                url: url.to_owned(),
                title: String::new(),
            })),
        );
        self.text(link, text);
    }

    fn front_matter(&self, root: &'a AstNode<'a>) {
        let meta = self.doc.meta;
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        // `dir` for a right-to-left edition, as pandoc and static site generators read it.
        let dir = match self.doc.language().direction() {
            mht_guide::Direction::Rtl => "dir: rtl\n",
            _ => "",
        };
        let front = format!(
            "---\ntitle: {}\nsubtitle: {}\nlang: {}\n{dir}date: {}\npublisher: {}\nlicense: {}\n---\n\n",
            q(&self.doc.title),
            q(meta.subtitle.as_str()),
            q(self.doc.language().as_str()),
            q(&meta.edition.iso()),
            q(meta.publisher.as_str()),
            q(meta.license.as_str()),
        );
        self.child(root, NodeValue::FrontMatter(front));
    }

    fn title_block(&self, root: &'a AstNode<'a>, options: &Options) {
        let meta = self.doc.meta;
        self.heading(root, 1, meta.title.as_str());
        let p = self.paragraph(root);
        let em = self.child(p, NodeValue::Emph);
        self.text(em, meta.subtitle.as_str());
        let p = self.paragraph(root);
        self.text(p, &self.doc.labels.edition(meta));
        if let Some(org) = options.organization() {
            let p = self.paragraph(root);
            let strong = self.child(p, NodeValue::Strong);
            self.text(
                strong,
                &self.doc.labels.provided_by.fill(&[("organization", org)]),
            );
            if let Some(contact) = options.contact() {
                self.child(p, NodeValue::LineBreak);
                self.text(p, contact);
            }
        } else if let Some(contact) = options.contact() {
            let p = self.paragraph(root);
            self.text(p, contact);
        }
    }

    fn contents(&self, root: &'a AstNode<'a>) {
        self.heading(root, 2, self.doc.labels.contents.as_str());
        let list = self.list(root, true, true);
        for (section, href) in self.doc.sections.iter().zip(&self.section_hrefs) {
            let item = self.item(list);
            let p = self.paragraph(item);
            self.link(p, href, section.title);
        }
    }

    fn section(&self, root: &'a AstNode<'a>, section: &Section<'_>) {
        self.heading(root, 2, section.title);
        self.nodes(root, &section.nodes);
    }

    fn nodes(&self, parent: &'a AstNode<'a>, nodes: &[Node<'_>]) {
        for node in nodes {
            match node {
                Node::Prose { label, blocks } => self.prose(parent, *label, blocks),
                Node::Subheading { title, .. } => self.heading(parent, 3, title),
                // The table beside a chart holds its figures; Markdown keeps the tables.
                Node::Chart(_) => {}
                Node::Band(band) => self.band(parent, band),
                Node::Entries(entries) => self.entries(parent, entries),
                Node::Fields(fields) => {
                    let p = self.paragraph(parent);
                    for (i, (label, value)) in fields.iter().enumerate() {
                        if i > 0 {
                            self.child(p, NodeValue::LineBreak);
                        }
                        // The label's colon as the edition writes it (`:`, `：`).
                        let colon = self.doc.labels.colon();
                        let em = self.child(p, NodeValue::Emph);
                        self.text(em, &format!("{label}{}", colon.trim_end()));
                        self.text(p, &format!("{}{value}", &colon[colon.trim_end().len()..]));
                    }
                }
                Node::Bullets(texts) => {
                    let list = self.list(parent, false, true);
                    for text in texts {
                        let item = self.item(list);
                        let p = self.paragraph(item);
                        self.text(p, text);
                    }
                }
                Node::Table(table) => self.table(parent, table),
                Node::Question {
                    question, answer, ..
                } => {
                    self.heading(parent, 3, question);
                    self.blocks(parent, answer);
                }
                Node::References => self.references(parent),
            }
        }
    }

    /// Prose blocks; a label, when given, leads the first paragraph.
    fn prose(&self, parent: &'a AstNode<'a>, label: Option<&str>, blocks: &[Block]) {
        match (label, blocks.split_first()) {
            (Some(label), Some((Block::Paragraph(first), rest))) => {
                let colon = self.doc.labels.colon();
                let p = self.paragraph(parent);
                let em = self.child(p, NodeValue::Emph);
                self.text(em, &format!("{label}{}", colon.trim_end()));
                self.text(p, &colon[colon.trim_end().len()..]);
                self.inlines(p, first);
                self.blocks(parent, rest);
            }
            (Some(label), _) => {
                let colon = self.doc.labels.colon();
                let p = self.paragraph(parent);
                let em = self.child(p, NodeValue::Emph);
                self.text(em, &format!("{label}{}", colon.trim_end()));
                self.blocks(parent, blocks);
            }
            (None, _) => self.blocks(parent, blocks),
        }
    }

    fn entries(&self, parent: &'a AstNode<'a>, entries: &[Entry<'_>]) {
        // Entries that are one paragraph each are set close together.
        let tight = entries.iter().all(|e| {
            matches!(
                e.nodes.as_slice(),
                [Node::Prose {
                    label: None,
                    blocks: [Block::Paragraph(_)]
                }]
            )
        });
        let list = self.list(parent, false, tight);
        for entry in entries {
            let item = self.item(list);
            let p = self.paragraph(item);
            let run_in = entry.run_in(self.doc.labels);
            let title = format!("{}{}", run_in.heading, run_in.end);
            // `**` closes emphasis only where CommonMark sees a right edge: after punctuation
            // (`。`, `？`) it needs white space or punctuation next, which Chinese and Japanese
            // do not put there. Such a heading is set in HTML's own <strong>.
            let closes = !(run_in.gap.is_empty()
                && run_in.lead.is_some()
                && title.chars().last().is_some_and(is_punctuation));
            if closes {
                let strong = self.child(p, NodeValue::Strong);
                self.text(strong, &title);
            } else {
                self.child(p, NodeValue::HtmlInline("<strong>".into()));
                self.text(p, &title);
                self.child(p, NodeValue::HtmlInline("</strong>".into()));
            }
            if let Some(lead) = run_in.lead {
                self.text(p, run_in.gap);
                self.inlines(p, lead);
                self.blocks(item, run_in.more);
            }
            self.nodes(item, run_in.rest);
        }
    }

    fn blocks(&self, parent: &'a AstNode<'a>, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => {
                    let p = self.paragraph(parent);
                    self.inlines(p, inlines);
                }
                Block::List(list) => {
                    let node = self.child(
                        parent,
                        NodeValue::List(list_value(
                            list.start.is_some(),
                            list.start.unwrap_or(1) as usize,
                            list.tight,
                        )),
                    );
                    for item in &list.items {
                        let i = self.item(node);
                        self.blocks(i, item);
                    }
                }
                _ => {}
            }
        }
    }

    fn inlines(&self, parent: &'a AstNode<'a>, inlines: &[Inline]) {
        for (i, inline) in inlines.iter().enumerate() {
            match inline {
                Inline::Text(text) => self.text(parent, text),
                Inline::Emphasis(c) => {
                    let n = self.child(parent, NodeValue::Emph);
                    self.inlines(n, c);
                }
                Inline::Strong(c) => {
                    let n = self.child(parent, NodeValue::Strong);
                    self.inlines(n, c);
                }
                Inline::Code(code) => {
                    let ticks = longest_backtick_run(code) + 1;
                    self.child(
                        parent,
                        NodeValue::Code(NodeCode {
                            num_backticks: ticks,
                            literal: code.clone(),
                        }),
                    );
                }
                Inline::Link { url, content } => {
                    let n = self.child(
                        parent,
                        NodeValue::Link(Box::new(NodeLink {
                            url: url.to_string(),
                            title: String::new(),
                        })),
                    );
                    self.inlines(n, content);
                }
                Inline::Citation(ids) => {
                    let gap =
                        crate::compose::citation_gap(crate::compose::last_char(&inlines[..i]));
                    self.citation(parent, ids, gap);
                }
                // Line breaks in the content's source are only wrapping; each paragraph becomes
                // one line.
                Inline::SoftBreak => self.text(parent, " "),
                Inline::LineBreak => {
                    self.child(parent, NodeValue::LineBreak);
                }
                _ => {}
            }
        }
    }

    /// A citation: each source's number in brackets, linked to the sources list, after a
    /// no-break space so that it never starts a line.
    fn citation(&self, parent: &'a AstNode<'a>, ids: &[Id], gap: &str) {
        self.text(parent, gap);
        self.citation_links(parent, ids);
    }

    fn citation_links(&self, parent: &'a AstNode<'a>, ids: &[Id]) {
        for id in ids {
            if let Some(n) = self.doc.reference_number(id) {
                self.link(
                    parent,
                    &self.sources_href,
                    &format!("[{}]", self.doc.labels.native(&n.to_string())),
                );
            }
        }
    }

    /// The key figures as a short list under their caption, as a table has its caption, each
    /// led by its value, in the order the PDF and the web page read them: value, label, detail.
    fn band(&self, parent: &'a AstNode<'a>, band: &Band) {
        let p = self.paragraph(parent);
        let strong = self.child(p, NodeValue::Strong);
        self.text(strong, &band.caption);
        let list = self.list(parent, false, true);
        for figure in &band.figures {
            let p = self.paragraph(self.item(list));
            let strong = self.child(p, NodeValue::Strong);
            self.text(strong, &figure.value);
            let labels = self.doc.labels;
            let (end, gap) = labels.run_in(&figure.label);
            self.text(p, &format!(" {}{end}{gap}{}", figure.label, figure.detail));
            let gap = crate::compose::citation_gap(figure.detail.chars().last());
            self.citation(p, std::slice::from_ref(&figure.source), gap);
        }
    }

    fn table(&self, parent: &'a AstNode<'a>, table: &Table) {
        let p = self.paragraph(parent);
        let strong = self.child(p, NodeValue::Strong);
        self.text(strong, &table.caption);
        let columns = table.header.len();
        let node = self.child(
            parent,
            NodeValue::Table(Box::new(NodeTable {
                alignments: vec![TableAlignment::None; columns],
                num_columns: columns,
                num_rows: table.rows.len() + 1,
                num_nonempty_cells: 0,
            })),
        );
        let header = self.child(node, NodeValue::TableRow(true));
        for h in &table.header {
            let cell = self.child(header, NodeValue::TableCell);
            self.text(cell, h);
        }
        for row in &table.rows {
            let r = self.child(node, NodeValue::TableRow(false));
            for cell in row {
                let c = self.child(r, NodeValue::TableCell);
                self.cell(c, cell);
            }
        }
        for note in &table.notes {
            let p = self.paragraph(parent);
            let em = self.child(p, NodeValue::Emph);
            let colon = self.doc.labels.colon();
            self.text(em, &format!("{}{}", self.doc.labels.note, colon.trim_end()));
            self.text(p, &format!("{}{note}", &colon[colon.trim_end().len()..]));
        }
    }

    fn cell(&self, node: &'a AstNode<'a>, cell: &Cell) {
        if !cell.text.is_empty() {
            self.text(node, &cell.text);
        }
        self.citation_links(node, &cell.citations);
    }

    fn references(&self, parent: &'a AstNode<'a>) {
        let list = self.list(parent, true, true);
        for source in &self.doc.references {
            let item = self.item(list);
            let p = self.paragraph(item);
            let labels = self.doc.labels;
            let (publisher, title) = (source.publisher.as_str(), source.title.as_str());
            let mut text = String::new();
            for piece in labels.source_entry_for(publisher, title).pieces() {
                match piece {
                    Piece::Placeholder("publisher") => text.push_str(publisher),
                    Piece::Placeholder(_) => {
                        self.text(p, &std::mem::take(&mut text));
                        let em = self.child(p, NodeValue::Emph);
                        self.text(em, title);
                    }
                    Piece::Text(t) => text.push_str(t),
                    _ => {}
                }
            }
            let details = source_details(source, labels);
            if !details.is_empty() {
                text.push(' ');
                text.push_str(&details);
            }
            text.push(' ');
            self.text(p, &text);
            self.link(p, source.url.as_str(), source.url.as_str());
        }
    }
}

fn list_value(ordered: bool, start: usize, tight: bool) -> NodeList {
    NodeList {
        list_type: if ordered {
            ListType::Ordered
        } else {
            ListType::Bullet
        },
        marker_offset: 0,
        padding: 2,
        start,
        delimiter: ListDelimType::Period,
        bullet_char: b'-',
        tight,
        is_task_list: false,
    }
}

fn longest_backtick_run(code: &str) -> usize {
    code.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests;

/// Whether CommonMark counts a character as punctuation for its emphasis rules: ASCII
/// punctuation and the Unicode punctuation and symbol categories (approximated by what is
/// neither alphanumeric, white space nor a mark).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !mark(c))
}

/// Whether a character is a combining mark, which CommonMark's rule does not count.
fn mark(c: char) -> bool {
    matches!(u32::from(c), 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}
