//! A section's body: prose, lists, citations, entries, tables, charts and the sources.

use std::fmt::Write as _;

use mht_guide::labels::Piece;

use mht_guide::{Block, Id, Inline};

use super::{GRID, MUTED, PAGE, Writer};
use crate::Chart;
use crate::compose::{Cell, Entry, Node, Section, Table, source_details};
use crate::escape::escape;
use crate::semantics::Part;

impl Writer<'_> {
    /// One section, as a `<section>` with its heading. In a fragment, a section is one of the
    /// site page's regions, and the sources are named after the first section as well.
    pub(crate) fn section(&mut self, section: &Section<'_>) {
        let part = Part::of_section(section.id);
        let level = self.level;
        let id = self.id(&section.anchor);
        let (role, also) = match self.doc.sections.first() {
            Some(first) if self.fragment => {
                let also = if section.id == mht_guide::SectionId::Sources && first.id != section.id
                {
                    format!(" {}-title", self.id(&first.anchor))
                } else {
                    String::new()
                };
                (String::new(), also)
            }
            _ => (format!(" role=\"{}\"", part.aria()), String::new()),
        };
        let _ = write!(
            self.out,
            "<section class=\"chapter\"{epub}{role} id=\"{id}\" \
             aria-labelledby=\"{id}-title{also}\">\n<h{level} id=\"{id}-title\">",
            epub = self.epub_type(part.epub()),
        );
        if self.numbered {
            self.words(&section.heading(self.doc.labels));
        } else {
            self.words(section.title);
        }
        let _ = writeln!(self.out, "</h{level}>");
        self.nodes(&section.nodes);
        self.push("</section>\n");
    }

    pub(super) fn nodes(&mut self, nodes: &[Node<'_>]) {
        for node in nodes {
            match node {
                Node::Prose { label, blocks } => self.prose(*label, blocks),
                Node::Subheading { title, anchor } => {
                    let level = self.level + 1;
                    let _ = write!(self.out, "<h{level} id=\"{}\">", self.id(anchor));
                    self.words(title);
                    let _ = writeln!(self.out, "</h{level}>");
                }
                Node::Entries(entries) => self.entries(entries),
                Node::Fields(fields) => {
                    self.push("<dl class=\"fields\">\n");
                    for (label, value) in fields {
                        self.push("<dt>");
                        self.words(label);
                        self.push("</dt><dd>");
                        self.words(value);
                        self.push("</dd>\n");
                    }
                    self.push("</dl>\n");
                }
                Node::Bullets(texts) => {
                    self.push("<ul>\n");
                    for text in texts {
                        self.push("<li>");
                        self.words(text);
                        self.push("</li>\n");
                    }
                    self.push("</ul>\n");
                }
                Node::Table(table) => self.table(table),
                Node::Question {
                    anchor,
                    question,
                    answer,
                } => {
                    // A group, not a named section: fifteen questions as `region` landmarks
                    // would crowd a screen reader's list of landmarks; their headings still
                    // lead to them.
                    let level = self.level + 1;
                    let _ = write!(
                        self.out,
                        "<div class=\"faq-item\" id=\"{id}\">\n<h{level} id=\"{id}-q\">",
                        id = self.id(anchor)
                    );
                    self.words(question);
                    let _ = writeln!(self.out, "</h{level}>");
                    self.blocks(answer);
                    self.push("</div>\n");
                }
                Node::References => self.references(),
                Node::Chart(chart) => self.chart(chart),
                Node::Band(band) => self.band(band),
            }
        }
    }

    pub(super) fn prose(&mut self, label: Option<&str>, blocks: &[Block]) {
        match (label, blocks.split_first()) {
            (Some(label), Some((Block::Paragraph(first), rest))) => {
                let colon = self.doc.labels.colon();
                self.push("<p><em>");
                self.text(label);
                self.text(colon.trim_end());
                self.push("</em>");
                self.text(&colon[colon.trim_end().len()..]);
                self.inlines(first);
                self.push("</p>\n");
                self.blocks(rest);
            }
            _ => self.blocks(blocks),
        }
    }

    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => {
                    self.push("<p>");
                    self.inlines(inlines);
                    self.push("</p>\n");
                }
                Block::List(list) => {
                    match list.start {
                        Some(1) => self.push("<ol>\n"),
                        Some(start) => {
                            let _ = writeln!(self.out, "<ol start=\"{start}\">");
                        }
                        None => self.push("<ul>\n"),
                    }
                    for item in &list.items {
                        self.push("<li>");
                        // A tight item's one paragraph needs no <p>.
                        match item.as_slice() {
                            [Block::Paragraph(inlines)] if list.tight => self.inlines(inlines),
                            _ => self.blocks(item),
                        }
                        self.push("</li>\n");
                    }
                    self.push(if list.start.is_some() {
                        "</ol>\n"
                    } else {
                        "</ul>\n"
                    });
                }
                _ => {}
            }
        }
    }

    pub(super) fn inlines(&mut self, inlines: &[Inline]) {
        // Text and the soft breaks between it are written together, so that a name written
        // across a line of the source is found whole.
        let mut text = String::new();
        for (i, inline) in inlines.iter().enumerate() {
            match inline {
                Inline::Text(t) => {
                    text.push_str(t);
                    continue;
                }
                Inline::SoftBreak => {
                    text.push(' ');
                    continue;
                }
                _ => {}
            }
            if !text.is_empty() {
                self.words(&std::mem::take(&mut text));
            }
            match inline {
                Inline::Emphasis(c) => {
                    self.push("<em>");
                    self.inlines(c);
                    self.push("</em>");
                }
                Inline::Strong(c) => {
                    self.push("<strong>");
                    self.inlines(c);
                    self.push("</strong>");
                }
                Inline::Code(code) => {
                    self.push("<code>");
                    self.text(code);
                    self.push("</code>");
                }
                Inline::Link { url, content } => {
                    let _ = write!(self.out, "<a href=\"{}\">", escape(url.as_str()));
                    self.inlines(content);
                    self.push("</a>");
                }
                Inline::Citation(ids) => {
                    let before = crate::compose::last_char(&inlines[..i]);
                    self.push(crate::compose::citation_gap(before));
                    self.citations(ids);
                }
                Inline::LineBreak => self.push("<br />\n"),
                _ => {}
            }
        }
        if !text.is_empty() {
            self.words(&text);
        }
    }

    pub(super) fn citations(&mut self, ids: &[Id]) {
        for id in ids {
            if let (Some(n), Some(said)) = (
                self.doc.reference_number(id),
                self.doc.source_link_description(id),
            ) {
                let href = (self.href)(&format!("source-{id}"));
                let _ = write!(
                    self.out,
                    "<a class=\"cite\" href=\"{}\"{} role=\"{}\" aria-label=\"{}\">[{}]</a>",
                    escape(&href),
                    self.epub_type(Part::Citation.epub()),
                    Part::Citation.aria(),
                    escape(&said),
                    self.doc.labels.native(&n.to_string()),
                );
            }
        }
    }

    pub(super) fn entries(&mut self, entries: &[Entry<'_>]) {
        self.push("<ul class=\"entries\">\n");
        for entry in entries {
            self.push("<li><p><strong>");
            let run_in = entry.run_in(self.doc.labels);
            self.words(run_in.heading);
            self.text(run_in.end);
            self.push("</strong>");
            if let Some(lead) = run_in.lead {
                self.text(run_in.gap);
                self.inlines(lead);
            }
            self.push("</p>\n");
            self.blocks(run_in.more);
            self.nodes(run_in.rest);
            self.push("</li>\n");
        }
        self.push("</ul>\n");
    }

    pub(super) fn cell(&mut self, cell: &Cell) {
        self.words(&cell.text);
        if !cell.citations.is_empty() {
            if !cell.text.is_empty() {
                self.push("\u{a0}");
            }
            self.citations(&cell.citations);
        }
    }

    /// A table, named by a caption set above its scroll box rather than inside it, so that a
    /// narrow screen, where the table scrolls sideways, never clips the caption. The box can
    /// be scrolled from the keyboard: it takes the focus, as a group named by the caption.
    pub(super) fn table(&mut self, table: &Table) {
        self.tables += 1;
        let id = self.id(&format!("table-{}", self.tables));
        let _ = write!(self.out, "<p class=\"table-caption\" id=\"{id}\">");
        self.words(&table.caption);
        let _ = write!(
            self.out,
            "</p>\n<div class=\"table-scroll\" role=\"group\" tabindex=\"0\" \
             aria-labelledby=\"{id}\">\n<table aria-labelledby=\"{id}\">\n<thead>\n<tr>"
        );
        for h in &table.header {
            self.push("<th scope=\"col\">");
            self.words(h);
            self.push("</th>");
        }
        self.push("</tr>\n</thead>\n<tbody>\n");
        for row in &table.rows {
            self.push("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let header = i == 0 && table.row_headers;
                self.push(if header { "<th scope=\"row\">" } else { "<td>" });
                self.cell(cell);
                self.push(if header { "</th>" } else { "</td>" });
            }
            self.push("</tr>\n");
        }
        self.push("</tbody>\n</table>\n</div>\n");
        for note in &table.notes {
            let _ = write!(
                self.out,
                "<p class=\"note\"><em>{}{}</em>{}",
                escape(self.doc.labels.note.as_str()),
                escape(self.doc.labels.colon().trim_end()),
                escape(&self.doc.labels.colon()[self.doc.labels.colon().trim_end().len()..])
            );
            self.words(note);
            self.push("</p>\n");
        }
    }

    /// A chart: its caption, then a list (by its role) with a row for each figure, as the PDF draws it: the
    /// label and the figures as text, which reflows with the page and is read like any other
    /// text (so every figure is in the page, not only in an image's description), then the
    /// bar under them. Bars, gridlines and the scale are SVG hidden from assistive technology
    /// (by the `div` around each: the Nu Html Checker refuses ARIA attributes on XHTML's `svg`),
    /// on an axis from [`Chart::min`] to [`Chart::max`] laid out in percentages of the width.
    /// Colors are presentation attributes, so a page without the stylesheet still draws the
    /// chart; the stylesheet's rules, which win over them, follow the dark scheme and print.
    pub(super) fn chart(&mut self, chart: &Chart) {
        self.push("<figure class=\"chart\">\n<figcaption>");
        self.words(&chart.title);
        if !chart.sources.is_empty() {
            self.push(crate::compose::citation_gap(chart.title.chars().last()));
            self.citations(&chart.sources);
        }
        // A list by its role, of blocks that no browser indents or marks with bullets, so
        // that the bars stand over the scale with no stylesheet (and no inline style, which a
        // site's content security policy may refuse).
        self.push("</figcaption>\n<div class=\"chart-rows\" role=\"list\">\n");
        // Right to left, the chart is mirrored: bars grow leftwards from the axis's start on
        // the right. The axis keeps 1% clear at each end for a mark's keyline.
        let rtl = self.rtl();
        let x = |v: f64| {
            let from_start = 1.0 + chart.position(v, 98.0);
            if rtl { 100.0 - from_start } else { from_start }
        };
        // A row's strip, in ems so that it grows with the text: the gridlines and a mark's
        // keyline take its whole height, the bar and a mark's core sit inside.
        const STRIP: f64 = 1.6;
        const BAR: (f64, f64) = (0.3, 1.0);
        const CORE: (f64, f64) = (0.14, STRIP - 0.14);
        const SVG: &str = "http://www.w3.org/2000/svg";
        for row in &chart.rows {
            self.push("<div role=\"listitem\">");
            if !row.label.is_empty() {
                self.push("<span class=\"chart-label\">");
                self.words(&row.label);
                self.push("</span> ");
            }
            self.push("<span class=\"chart-value\">");
            self.words(&row.value);
            let _ = write!(
                self.out,
                "</span>\n<div aria-hidden=\"true\"><svg xmlns=\"{SVG}\" class=\"chart-strip\" \
                 width=\"100%\" height=\"{STRIP}em\">\n"
            );
            for tick in &chart.scale {
                let _ = writeln!(
                    self.out,
                    "<line class=\"chart-grid\" x1=\"{g:.2}%\" y1=\"0\" x2=\"{g:.2}%\" \
                     y2=\"{STRIP}em\" stroke=\"{GRID}\" stroke-width=\"1\" />",
                    g = x(tick.at)
                );
            }
            // A fall reaches left of zero: the zero line shows where the bars start.
            if chart.min < 0.0 {
                let _ = writeln!(
                    self.out,
                    "<line class=\"chart-zero\" x1=\"{z:.2}%\" y1=\"0\" x2=\"{z:.2}%\" \
                     y2=\"{STRIP}em\" stroke=\"currentColor\" stroke-width=\"2\" />",
                    z = x(0.0)
                );
            }
            let (a, b) = (x(row.start), x(row.end));
            let (from, to) = (a.min(b), a.max(b));
            if to > from {
                let (class, fill) = if row.comparison {
                    (" comparison", MUTED.to_owned())
                } else {
                    ("", self.accent.clone())
                };
                let _ = writeln!(
                    self.out,
                    "<rect class=\"chart-bar{class}\" x=\"{from:.2}%\" y=\"{}em\" \
                     width=\"{:.2}%\" height=\"{}em\" fill=\"{fill}\" />",
                    BAR.0,
                    to - from,
                    BAR.1
                );
            }
            if let Some(mark) = row.mark {
                let m = x(mark);
                let _ = writeln!(
                    self.out,
                    "<line class=\"chart-keyline\" x1=\"{m:.2}%\" y1=\"0\" x2=\"{m:.2}%\" \
                     y2=\"{STRIP}em\" stroke=\"currentColor\" stroke-width=\"6\" />\n\
                     <line class=\"chart-mark\" x1=\"{m:.2}%\" y1=\"{}em\" x2=\"{m:.2}%\" \
                     y2=\"{}em\" stroke=\"{PAGE}\" stroke-width=\"2.5\" />",
                    CORE.0, CORE.1
                );
            }
            self.push("</svg></div></div>\n");
        }
        self.push("</div>\n");
        // The scale under the rows: each value under its gridline, and a value at an end of
        // the axis set inward from it, so that it stays inside. (Text in SVG takes the page's
        // direction: right to left, `start` is its right edge, as the axis's start is.)
        let _ = writeln!(
            self.out,
            "<div aria-hidden=\"true\"><svg xmlns=\"{SVG}\" class=\"chart-scale\" width=\"100%\" \
             height=\"1.5em\" font-size=\"0.875em\" fill=\"currentColor\">"
        );
        for tick in &chart.scale {
            let anchor = if tick.at <= chart.min {
                "start"
            } else if tick.at >= chart.max {
                "end"
            } else {
                "middle"
            };
            let at = x(tick.at);
            let _ = write!(
                self.out,
                "<text x=\"{at:.2}%\" y=\"1.1em\" text-anchor=\"{anchor}\">"
            );
            self.text(&tick.label);
            self.push("</text>\n");
        }
        self.push("</svg></div>\n</figure>\n");
    }

    pub(super) fn references(&mut self) {
        self.push("<ol class=\"references\">\n");
        for source in &self.doc.references {
            // An entry is a plain list item of the bibliography: DPUB-ARIA 1.1 deprecates the
            // `doc-biblioentry` role, and EPUB 3.3 the `biblioentry` type, for just that.
            let id = self.id(&format!("source-{}", source.id));
            let _ = write!(self.out, "<li id=\"{id}\">");
            // Names and titles in another direction than the edition's (English sources in an
            // Arabic edition) are isolated, and so is the address, which always runs left to
            // right, so that each keeps its order and the full stops stay between them.
            let labels = self.doc.labels;
            let (publisher, title) = (source.publisher.as_str(), source.title.as_str());
            for piece in labels.source_entry_for(publisher, title).pieces() {
                match piece {
                    Piece::Placeholder("publisher") => self.isolated(publisher),
                    Piece::Placeholder(_) => {
                        self.push("<cite>");
                        self.isolated(title);
                        self.push("</cite>");
                    }
                    Piece::Text(text) => self.text(text),
                    _ => {}
                }
            }
            let details = source_details(source, labels);
            if !details.is_empty() {
                self.push(" <span class=\"source-details\">");
                self.isolated(&details);
                self.push("</span>");
            }
            let url = escape(source.url.as_str());
            let dir = if self.rtl() { " dir=\"ltr\"" } else { "" };
            let _ = writeln!(self.out, " <a href=\"{url}\"{dir}>{url}</a></li>");
        }
        self.push("</ol>\n");
    }
}
