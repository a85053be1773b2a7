//! The document's body: the title block, the sections and what they hold.

use std::fmt::Write as _;

use mht_guide::labels::Piece;
use mht_guide::{Block, Id, Inline};

use super::{LINK, Look, MUTED, Para, Writer, twips};
use crate::Chart;
use crate::compose::{Band, Cell, Entry, Node, Section, Table, source_details};
use crate::escape::escape_as;
use crate::{Options, Preset};

impl Writer<'_> {
    /// The title block: the logo, the title, subtitle, description and edition, the
    /// organization's lines with the QR code, and a fact sheet's key figures.
    pub(super) fn title_block(&mut self, options: &Options) {
        let meta = self.doc.meta;
        // The logo is decoration: the organization's name follows it, and a screen reader
        // would say it twice.
        if let Some((logo, _)) = options.logo() {
            let aspect = f64::from(logo.width()) / f64::from(logo.height());
            let width = (15.0 * aspect).min(50.0);
            let png = logo.png().to_vec();
            self.open(None, &Para::default());
            self.picture(png, (width, width / aspect), None);
            self.close();
        }
        self.paragraph(
            Some("Title"),
            &Para::default(),
            meta.title.as_str(),
            Look::default(),
        );
        self.paragraph(
            Some("Subtitle"),
            &Para::default(),
            meta.subtitle.as_str(),
            Look::default(),
        );
        self.paragraph(
            None,
            &Para::default(),
            meta.description.as_str(),
            Look::default(),
        );
        let edition = self.doc.labels.edition(meta);
        let muted = Look {
            color: Some(MUTED),
            size: Some(9.0),
            ..Look::default()
        };
        self.paragraph(None, &Para::default(), &edition, muted);
        let labels = self.doc.labels;
        if let Some(org) = options.organization() {
            let provided = labels.provided_by.fill(&[("organization", org)]);
            let bold = Look {
                bold: true,
                size: Some(11.0),
                ..Look::default()
            };
            self.paragraph(None, &Para::default().after(40), &provided, bold);
        }
        if let Some(contact) = options.contact() {
            self.paragraph(None, &Para::default().after(40), contact, Look::default());
        }
        if let Some(url) = options.qr()
            && let Some(code) = crate::qr::Qr::new(url)
        {
            // The address as a link, then the code: a picture that says what it is, so that
            // a screen reader hears the address once.
            self.open(None, &Para::default().after(40));
            self.hyperlink_to(url, url, muted);
            self.close();
            let side = (code.width + 2 * crate::qr::QUIET) as f64 * 0.5;
            let png = super::image::qr_png(&code);
            self.open(None, &Para::default());
            self.picture(png, (side, side), Some(labels.qr_code.as_str()));
            self.close();
        }
        if options.preset() == Preset::FactSheet
            && let Some(band) = &self.doc.band
        {
            self.band(band);
        }
    }

    /// The key figures: a table named by its caption, a column for each figure, its label in
    /// the header row and, under it, the value set large with its detail and citation.
    pub(super) fn band(&mut self, band: &Band) {
        self.paragraph(
            Some("Caption"),
            &Para::default().keep_next(),
            &band.caption,
            Look::default(),
        );
        let columns = band.figures.len().max(1);
        let column = twips(self.text_width) / columns as i64;
        self.table_start(&band.caption, columns, column, false);
        self.push("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        let bold = Look {
            bold: true,
            size: Some(9.0),
            ..Look::default()
        };
        for figure in &band.figures {
            self.cell_start(column);
            self.open(None, &Para::default().keep_next());
            self.run(figure.label.as_str(), bold);
            self.close();
            self.push("</w:tc>");
        }
        self.push("</w:tr>\n<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        let accent = self.accent.clone();
        for figure in &band.figures {
            self.cell_start(column);
            self.open(None, &Para::default());
            let value = Look {
                bold: true,
                size: Some(if figure.in_words() { 11.0 } else { 16.0 }),
                color: Some(&accent),
                ..Look::default()
            };
            self.run(figure.value.as_str(), value);
            self.close();
            self.open(None, &Para::default());
            let detail = Look {
                color: Some(MUTED),
                size: Some(9.0),
                ..Look::default()
            };
            self.run(figure.detail.as_str(), detail);
            let gap = crate::compose::citation_gap(figure.detail.chars().last());
            self.run(gap, detail);
            self.citations(std::slice::from_ref(&figure.source));
            self.close();
            self.push("</w:tc>");
        }
        self.push("</w:tr>\n</w:tbl>\n");
    }

    /// A section: its heading (Heading 1, with a bookmark for links to it) and its nodes.
    pub(super) fn section(&mut self, section: &Section<'_>) {
        self.open(Some("Heading1"), &Para::default());
        self.bookmark(&section.anchor);
        self.run(&section.heading(self.doc.labels), Look::default());
        self.close();
        self.nodes(&section.nodes);
    }

    fn nodes(&mut self, nodes: &[Node<'_>]) {
        for node in nodes {
            match node {
                Node::Prose { label, blocks } => self.prose(*label, blocks),
                Node::Subheading { title, anchor } => {
                    self.open(Some("Heading2"), &Para::default());
                    self.bookmark(anchor);
                    self.run(title, Look::default());
                    self.close();
                }
                Node::Entries(entries) => self.entries(entries),
                Node::Fields(fields) => {
                    for (label, value) in fields {
                        self.open(None, &Para::default().after(60));
                        let colon = self.doc.labels.colon();
                        let italic = Look {
                            italic: true,
                            color: Some(MUTED),
                            ..Look::default()
                        };
                        self.run(&format!("{label}{colon}"), italic);
                        self.run(value, Look::default());
                        self.close();
                    }
                }
                Node::Bullets(texts) => {
                    let list = self.list(false, 1);
                    for text in texts {
                        self.open(Some("ListParagraph"), &Para::default().numbered(list, 0));
                        self.run(text, Look::default());
                        self.close();
                    }
                }
                Node::Table(table) => self.table(table),
                Node::Question {
                    anchor,
                    question,
                    answer,
                } => {
                    self.open(Some("Heading2"), &Para::default());
                    self.bookmark(anchor);
                    self.run(question, Look::default());
                    self.close();
                    self.blocks(answer, 0);
                }
                Node::References => self.references(),
                Node::Chart(chart) => self.chart(chart),
                Node::Band(band) => self.band(band),
            }
        }
    }

    fn prose(&mut self, label: Option<&str>, blocks: &[Block]) {
        match (label, blocks.split_first()) {
            (Some(label), Some((Block::Paragraph(first), rest))) => {
                self.open(None, &Para::default());
                let colon = self.doc.labels.colon();
                let italic = Look {
                    italic: true,
                    ..Look::default()
                };
                self.run(&format!("{label}{colon}"), italic);
                self.inlines(first, Look::default());
                self.close();
                self.blocks(rest, 0);
            }
            _ => self.blocks(blocks, 0),
        }
    }

    /// Paragraphs and lists, a list's items at `level` (0 outside any list).
    fn blocks(&mut self, blocks: &[Block], level: usize) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => {
                    // Under a list item, its other paragraphs line up with its text.
                    let mut para = Para::default();
                    if level > 0 {
                        para.indent = Some(super::parts::list_indent(level - 1));
                    }
                    self.open(None, &para);
                    self.inlines(inlines, Look::default());
                    self.close();
                }
                Block::List(list) => {
                    let id = self.list(list.start.is_some(), list.start.unwrap_or(1));
                    for item in &list.items {
                        // The item's first paragraph carries its number or bullet; what else
                        // it holds is indented under it.
                        let (first, rest) = match item.split_first() {
                            Some((Block::Paragraph(first), rest)) => (Some(first), rest),
                            _ => (None, item.as_slice()),
                        };
                        self.open(Some("ListParagraph"), &Para::default().numbered(id, level));
                        if let Some(first) = first {
                            self.inlines(first, Look::default());
                        }
                        self.close();
                        self.blocks(rest, level + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn inlines(&mut self, inlines: &[Inline], look: Look<'_>) {
        // Text and the soft breaks between it go in one run.
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
            self.run(&std::mem::take(&mut text), look);
            match inline {
                Inline::Emphasis(c) => self.inlines(
                    c,
                    Look {
                        italic: true,
                        ..look
                    },
                ),
                Inline::Strong(c) => self.inlines(c, Look { bold: true, ..look }),
                Inline::Code(code) => self.run(code, Look { code: true, ..look }),
                Inline::Link { url, content } => {
                    let id = self.link_id(url.as_str());
                    let _ = write!(self.body, "<w:hyperlink r:id=\"{id}\" w:history=\"1\">");
                    self.inlines(
                        content,
                        Look {
                            style: Some("Hyperlink"),
                            ..look
                        },
                    );
                    self.push("</w:hyperlink>");
                }
                Inline::Citation(ids) => {
                    let before = crate::compose::last_char(&inlines[..i]);
                    self.run(crate::compose::citation_gap(before), look);
                    self.citations(ids);
                }
                Inline::LineBreak => self.push("<w:r><w:br/></w:r>"),
                _ => {}
            }
        }
        self.run(&text, look);
    }

    /// Citations: each number a link to its source's bookmark, with a tooltip that names it.
    fn citations(&mut self, ids: &[Id]) {
        for id in ids {
            if let (Some(n), Some(said)) = (
                self.doc.reference_number(id),
                self.doc.source_link_description(id),
            ) {
                let name = self.bookmark_name(&format!("source-{id}"));
                // Word shows at most 255 characters of a tooltip.
                let tip: String = said.chars().take(255).collect();
                let _ = write!(
                    self.body,
                    "<w:hyperlink w:anchor=\"{name}\" w:tooltip=\"{}\" w:history=\"1\">",
                    escape_as(&tip, true)
                );
                let number = format!("[{}]", self.doc.labels.native(&n.to_string()));
                let look = Look {
                    style: Some("Hyperlink"),
                    ..Look::default()
                };
                self.run(&number, look);
                self.push("</w:hyperlink>");
            }
        }
    }

    /// A link to an address, shown as `text`.
    fn hyperlink_to(&mut self, url: &str, text: &str, look: Look<'_>) {
        let id = self.link_id(url);
        let _ = write!(self.body, "<w:hyperlink r:id=\"{id}\" w:history=\"1\">");
        self.run(
            text,
            Look {
                style: Some("Hyperlink"),
                color: Some(LINK),
                ..look
            },
        );
        self.push("</w:hyperlink>");
    }

    fn entries(&mut self, entries: &[Entry<'_>]) {
        for entry in entries {
            self.open(None, &Para::default());
            let run_in = entry.run_in(self.doc.labels);
            let bold = Look {
                bold: true,
                ..Look::default()
            };
            self.run(&format!("{}{}", run_in.heading, run_in.end), bold);
            if let Some(lead) = run_in.lead {
                self.run(run_in.gap, Look::default());
                self.inlines(lead, Look::default());
            }
            self.close();
            self.blocks(run_in.more, 0);
            self.nodes(run_in.rest);
        }
    }

    fn cell(&mut self, cell: &Cell, look: Look<'_>) {
        self.run(&cell.text, look);
        if !cell.citations.is_empty() {
            if !cell.text.is_empty() {
                self.run("\u{a0}", look);
            }
            self.citations(&cell.citations);
        }
    }

    /// A table: its caption (Word's Caption style, kept with the table), then the table,
    /// named by the caption for assistive technology, its header row repeated on every page
    /// and no row split across pages; its notes under it.
    fn table(&mut self, table: &Table) {
        let caption = Look::default();
        self.paragraph(
            Some("Caption"),
            &Para::default().keep_next(),
            &table.caption,
            caption,
        );
        let columns = table.header.len().max(1);
        let column = twips(self.text_width) / columns as i64;
        self.table_start(&table.caption, columns, column, table.row_headers);
        self.push("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        let bold = Look {
            bold: true,
            ..Look::default()
        };
        for h in &table.header {
            self.cell_start(column);
            self.open(None, &Para::default().keep_next());
            self.run(h, bold);
            self.close();
            self.push("</w:tc>");
        }
        self.push("</w:tr>\n");
        for row in &table.rows {
            self.push("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, cell) in row.iter().enumerate() {
                let look = if i == 0 && table.row_headers {
                    bold
                } else {
                    Look::default()
                };
                self.cell_start(column);
                self.open(None, &Para::default());
                self.cell(cell, look);
                self.close();
                self.push("</w:tc>");
            }
            self.push("</w:tr>\n");
        }
        self.push("</w:tbl>\n");
        for note in &table.notes {
            self.open(None, &Para::default().before(60));
            let labels = self.doc.labels;
            let italic = Look {
                italic: true,
                size: Some(9.0),
                ..Look::default()
            };
            self.run(&format!("{}{}", labels.note, labels.colon()), italic);
            let small = Look {
                size: Some(9.0),
                ..Look::default()
            };
            self.run(note, small);
            self.close();
        }
    }

    /// Opens a table of `columns` columns `column` twips wide, named by `caption` (Word's
    /// title of a table, which assistive technology reads), its first row a header and, with
    /// `row_headers`, its first column too.
    fn table_start(&mut self, caption: &str, columns: usize, column: i64, row_headers: bool) {
        let width = column * columns as i64;
        let _ = write!(
            self.body,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"GuideTable\"/>{bidi}<w:tblW w:w=\"{width}\" \
             w:type=\"dxa\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"{first}\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>\
             <w:tblCaption w:val=\"{caption}\"/></w:tblPr><w:tblGrid>",
            bidi = if self.rtl { "<w:bidiVisual/>" } else { "" },
            first = u8::from(row_headers),
            caption = escape_as(caption, true),
        );
        for _ in 0..columns {
            let _ = write!(self.body, "<w:gridCol w:w=\"{column}\"/>");
        }
        self.push("</w:tblGrid>\n");
    }

    fn cell_start(&mut self, width: i64) {
        let _ = write!(
            self.body,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
        );
    }

    /// A chart, drawn as the web page draws it: its caption, then for each row its label and
    /// figures as text (which a reader can edit, and a screen reader reads like any text)
    /// over its bar, a picture marked decorative; then the scale, its values as text set at
    /// tab stops under the gridlines.
    fn chart(&mut self, chart: &Chart) {
        self.open(Some("Caption"), &Para::default().keep_next());
        self.run(&chart.title, Look::default());
        if !chart.sources.is_empty() {
            let gap = crate::compose::citation_gap(chart.title.chars().last());
            self.run(gap, Look::default());
            self.citations(&chart.sources);
        }
        self.close();
        let width = self.text_width;
        let accent = self.accent.clone();
        let tight = Para::default().keep_next().before(0).after(0);
        for row in &chart.rows {
            self.open(None, &tight);
            let label = Look {
                size: Some(9.0),
                ..Look::default()
            };
            if !row.label.is_empty() {
                self.run(&row.label, label);
                self.run("  ", label);
            }
            let value = Look {
                size: Some(9.0),
                color: Some(MUTED),
                ..Look::default()
            };
            self.run(&row.value, value);
            self.close();
            let (png, height) = super::image::bar_png(chart, row, &accent, self.rtl);
            self.open(None, &tight);
            self.picture(png, (width, width * height), None);
            self.close();
        }
        // The scale: a value at each gridline, at a tab stop there.
        let mut stops = String::new();
        let mut runs = Vec::new();
        for tick in &chart.scale {
            let from_start = 0.01 + chart.position(tick.at, 0.98);
            let at = twips(width * from_start);
            // Word's own names for a tab's alignment, which it mirrors in a right-to-left
            // paragraph.
            let align = if tick.at <= chart.min {
                "left"
            } else if tick.at >= chart.max {
                "right"
            } else {
                "center"
            };
            let _ = write!(stops, "<w:tab w:val=\"{align}\" w:pos=\"{at}\"/>");
            runs.push(tick.label.clone());
        }
        let mut scale = Para::default().after(160);
        scale.tabs = stops;
        self.open(None, &scale);
        let small = Look {
            size: Some(8.0),
            color: Some(MUTED),
            ..Look::default()
        };
        for label in runs {
            self.push("<w:r><w:tab/></w:r>");
            self.run(&label, small);
        }
        self.close();
    }

    /// The sources: a numbered list, each entry with a bookmark that citations link to, its
    /// publisher, title in italics, dates and address as a link.
    fn references(&mut self) {
        let list = self.list(true, 1);
        let look = Look {
            size: Some(9.0),
            ..Look::default()
        };
        for source in &self.doc.references {
            let mut entry = Para::default().numbered(list, 0);
            entry.keep_lines = true;
            self.open(Some("ListParagraph"), &entry);
            self.bookmark(&format!("source-{}", source.id));
            let labels = self.doc.labels;
            let (publisher, title) = (source.publisher.as_str(), source.title.as_str());
            for piece in labels.source_entry_for(publisher, title).pieces() {
                match piece {
                    Piece::Placeholder("publisher") => self.run(publisher, look),
                    Piece::Placeholder(_) => self.run(
                        title,
                        Look {
                            italic: true,
                            ..look
                        },
                    ),
                    Piece::Text(text) => self.run(text, look),
                    _ => {}
                }
            }
            let details = source_details(source, labels);
            self.run(" ", look);
            if !details.is_empty() {
                self.run(&details, look);
                self.run(" ", look);
            }
            let url = source.url.as_str();
            self.hyperlink_to(url, url, look);
            self.close();
        }
    }
}
