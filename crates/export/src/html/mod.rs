//! HTML: the composed document as polyglot XHTML5, one file or one file a section.
//!
//! The markup is valid as HTML and as XML: every element is closed, attributes are quoted, and
//! every string from the content is escaped. Sections, the contents and citations carry their
//! DPUB-ARIA roles (`doc-chapter`, `doc-toc`, `doc-biblioref`…), which HTML defines; in the EPUB
//! they also carry the matching EPUB structural semantics (`epub:type`), which only EPUB does.
//! Tables have captions and header cells, and citations link to the numbered sources.

use std::fmt::Write as _;

use mht_guide::labels::Piece;
use mht_guide::{Block, Guide, Id, Inline};

use crate::Chart;
use crate::compose::{
    Band, Cell, ContentsEntry, Document, Entry, Node, Section, Table, source_details,
};
use crate::escape::escape;
use crate::semantics::Part;
use crate::{Options, Preset};

/// The logo's file name in an EPUB, beside the content documents.
pub(crate) const LOGO_FILE: &str = "logo.png";

/// A chart's geometry, in SVG user units: the margin left and right, the width of the axis,
/// the height of a row (label, bar, value) and of a bar.
const CHART_LEFT: f64 = 8.0;
const CHART_WIDTH: f64 = 384.0;
const CHART_ROW: f64 = 64.0;
const CHART_BAR: f64 = 14.0;

/// The stylesheet of the HTML export and the EPUB.
pub(crate) const STYLE: &str = include_str!("style.css");

/// The stylesheet with the organization's color, when the options set one: the custom
/// property `--accent`, as it is on white and as it is lightened for the dark scheme.
pub(crate) fn stylesheet(options: &Options) -> String {
    let mut css = STYLE.to_owned();
    if let Some(accent) = options.accent() {
        css.push_str(&format!(
            "/* The organization's color, readable on each scheme's page. */\n\
             :root {{\n  --accent: {accent};\n}}\n\
             @media (prefers-color-scheme: dark) {{\n  :root {{\n    --accent: {};\n  }}\n}}\n",
            accent.for_dark_page()
        ));
    }
    css
}

/// Writes the body of a composed document as XHTML.
pub(crate) struct Writer<'d> {
    doc: &'d Document<'d>,
    /// Where an anchor lives: `#id` in one file, `file.xhtml#id` across files.
    href: &'d dyn Fn(&str) -> String,
    /// Whether this is an EPUB content document, which also carries `epub:type`.
    epub: bool,
    /// How many charts have been written, which numbers the next one's ids.
    charts: usize,
    pub(crate) out: String,
}

impl<'d> Writer<'d> {
    pub(crate) fn new(
        doc: &'d Document<'d>,
        href: &'d dyn Fn(&str) -> String,
        epub: bool,
    ) -> Writer<'d> {
        Writer {
            doc,
            href,
            epub,
            charts: 0,
            out: String::new(),
        }
    }

    /// ` epub:type="…"` in an EPUB, nothing on the web page.
    fn epub_type(&self, kind: &str) -> String {
        if self.epub {
            format!(" epub:type=\"{kind}\"")
        } else {
            String::new()
        }
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        let escaped = escape(s);
        self.out.push_str(&escaped);
    }

    /// The title block: title, subtitle, edition, and the organization when branded.
    pub(crate) fn title_block(&mut self, options: &Options) {
        let meta = self.doc.meta;
        // DPUB-ARIA has no title-page role; the EPUB names it, the web page need not.
        let kind = self.epub_type(Part::TitlePage.epub());
        let _ = writeln!(self.out, "<header class=\"title-block\"{kind}>");
        if let Some((logo, alt)) = options.logo() {
            // The book carries the logo as a file of its own; the web page stays one file.
            let src = if self.epub {
                LOGO_FILE.to_owned()
            } else {
                logo.data_url()
            };
            let _ = writeln!(
                self.out,
                "<p class=\"logo\"><img src=\"{src}\" alt=\"{alt}\" width=\"{w}\" \
                 height=\"{h}\" /></p>",
                alt = escape(alt),
                w = logo.width(),
                h = logo.height(),
            );
        }
        self.push("<h1>");
        self.text(meta.title.as_str());
        self.push("</h1>\n<p class=\"subtitle\">");
        self.text(meta.subtitle.as_str());
        self.push("</p>\n<p>");
        self.text(meta.description.as_str());
        self.push("</p>\n<p class=\"edition\">");
        let labels = self.doc.labels;
        for piece in labels.edition_line.pieces() {
            match piece {
                Piece::Placeholder("date") => {
                    self.push("<time datetime=\"");
                    self.text(&meta.edition.iso());
                    self.push("\">");
                    self.text(&labels.date(meta.edition));
                    self.push("</time>");
                }
                Piece::Placeholder("publisher") => self.text(meta.publisher.as_str()),
                Piece::Placeholder(_) => self.text(meta.license.as_str()),
                Piece::Text(text) => self.text(text),
                _ => {}
            }
        }
        self.push("</p>\n");
        if let Some(org) = options.organization() {
            self.push("<p class=\"provided-by\">");
            self.text(&labels.provided_by.fill(&[("organization", org)]));
            self.push("</p>\n");
        }
        if let Some(contact) = options.contact() {
            self.push("<p>");
            self.text(contact);
            self.push("</p>\n");
        }
        if let Some(url) = options.qr()
            && let Some(code) = crate::qr::Qr::new(url)
        {
            self.qr(url, &code);
        }
        if let Some(band) = &self.doc.band {
            self.band(band);
        }
        self.push("</header>\n");
    }

    /// The key figures: a list named as a group, each value set large over its label, whom
    /// and when it describes, and its source.
    fn band(&mut self, band: &Band) {
        let _ = write!(
            self.out,
            "<div class=\"band\" role=\"{}\" aria-label=\"",
            Part::KeyFigures.aria()
        );
        self.text(&band.caption);
        self.push("\">\n<ul>\n");
        for figure in &band.figures {
            let words = if figure.in_words() { " band-words" } else { "" };
            let _ = write!(self.out, "<li><span class=\"band-value{words}\">");
            self.text(&figure.value);
            self.push("</span> <span class=\"band-label\">");
            self.text(&figure.label);
            self.push("</span> <span class=\"band-detail\">");
            self.text(&figure.detail);
            self.push("\u{a0}");
            self.citations(std::slice::from_ref(&figure.source));
            self.push("</span></li>\n");
        }
        self.push("</ul>\n</div>\n");
    }

    /// A QR code as SVG, black on white whatever the color scheme (a reader's phone needs the
    /// contrast), named by its address, with the address as a link under it.
    fn qr(&mut self, url: &str, code: &crate::qr::Qr) {
        let quiet = crate::qr::QUIET;
        let side = code.width + 2 * quiet;
        let _ = write!(
            self.out,
            "<figure class=\"qr\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"{role}\" \
             viewBox=\"0 0 {side} {side}\" width=\"{px}\" height=\"{px}\" \
             shape-rendering=\"crispEdges\">\n<title>",
            role = Part::Image.aria(),
            px = side * 3
        );
        self.text(url);
        let _ = write!(
            self.out,
            "</title>\n<rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\" />\n<path fill=\"#000000\" d=\""
        );
        for (row, col, len) in code.runs() {
            let _ = write!(self.out, "M{} {}h{len}v1h-{len}z", col + quiet, row + quiet);
        }
        self.push("\" />\n</svg>\n<figcaption><a href=\"");
        self.text(url);
        self.push("\">");
        self.text(url);
        self.push("</a></figcaption>\n</figure>\n");
    }

    /// The table of contents: the sections, each with its subsections and questions.
    pub(crate) fn contents(&mut self, heading: &str) {
        let kind = self.epub_type(Part::Contents.epub());
        let _ = write!(
            self.out,
            "<nav{kind} id=\"toc\" role=\"{role}\" aria-labelledby=\"toc-title\">\n\
             <h2 id=\"toc-title\">",
            role = Part::Contents.aria()
        );
        self.text(heading);
        self.push("</h2>\n");
        let contents = self.doc.contents();
        self.contents_list(&contents);
        self.push("</nav>\n");
    }

    fn contents_list(&mut self, entries: &[ContentsEntry<'_>]) {
        self.push("<ol>\n");
        for entry in entries {
            let href = (self.href)(entry.anchor);
            let _ = write!(self.out, "<li><a href=\"{}\">", escape(&href));
            self.text(&entry.title);
            self.push("</a>");
            if !entry.children.is_empty() {
                self.push("\n");
                self.contents_list(&entry.children);
            }
            self.push("</li>\n");
        }
        self.push("</ol>\n");
    }

    /// One section, as a `<section>` with its heading.
    pub(crate) fn section(&mut self, section: &Section<'_>) {
        let part = Part::of_section(section.id);
        let _ = write!(
            self.out,
            "<section class=\"chapter\"{epub} role=\"{role}\" id=\"{id}\" \
             aria-labelledby=\"{id}-title\">\n<h2 id=\"{id}-title\">",
            epub = self.epub_type(part.epub()),
            role = part.aria(),
            id = escape(&section.anchor),
        );
        self.text(&section.heading());
        self.push("</h2>\n");
        self.nodes(&section.nodes);
        self.push("</section>\n");
    }

    fn nodes(&mut self, nodes: &[Node<'_>]) {
        for node in nodes {
            match node {
                Node::Prose { label, blocks } => self.prose(*label, blocks),
                Node::Subheading { title, anchor } => {
                    let _ = write!(self.out, "<h3 id=\"{}\">", escape(anchor));
                    self.text(title);
                    self.push("</h3>\n");
                }
                Node::Entries(entries) => self.entries(entries),
                Node::Fields(fields) => {
                    self.push("<dl class=\"fields\">\n");
                    for (label, value) in fields {
                        self.push("<dt>");
                        self.text(label);
                        self.push("</dt><dd>");
                        self.text(value);
                        self.push("</dd>\n");
                    }
                    self.push("</dl>\n");
                }
                Node::Bullets(texts) => {
                    self.push("<ul>\n");
                    for text in texts {
                        self.push("<li>");
                        self.text(text);
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
                    let _ = write!(
                        self.out,
                        "<section class=\"faq-item\" id=\"{id}\" aria-labelledby=\"{id}-q\">\n\
                         <h3 id=\"{id}-q\">",
                        id = escape(anchor)
                    );
                    self.text(question);
                    self.push("</h3>\n");
                    self.blocks(answer);
                    self.push("</section>\n");
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
                self.push("<p><em>");
                self.text(label);
                self.push(":</em> ");
                self.inlines(first);
                self.push("</p>\n");
                self.blocks(rest);
            }
            _ => self.blocks(blocks),
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
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

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(text) => self.text(text),
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
                    self.push("\u{a0}");
                    self.citations(ids);
                }
                Inline::SoftBreak => self.push("\n"),
                Inline::LineBreak => self.push("<br />\n"),
                _ => {}
            }
        }
    }

    fn citations(&mut self, ids: &[Id]) {
        for id in ids {
            if let Some(n) = self.doc.reference_number(id) {
                let href = (self.href)(&format!("source-{id}"));
                let _ = write!(
                    self.out,
                    "<a class=\"cite\" href=\"{}\"{} role=\"{}\">[{n}]</a>",
                    escape(&href),
                    self.epub_type(Part::Citation.epub()),
                    Part::Citation.aria(),
                );
            }
        }
    }

    fn entries(&mut self, entries: &[Entry<'_>]) {
        self.push("<ul class=\"entries\">\n");
        for entry in entries {
            self.push("<li><p><strong>");
            let run_in = entry.run_in();
            self.text(run_in.heading);
            if run_in.add_period {
                self.push(".");
            }
            self.push("</strong>");
            if let Some(lead) = run_in.lead {
                self.push(" ");
                self.inlines(lead);
            }
            self.push("</p>\n");
            self.blocks(run_in.more);
            self.nodes(run_in.rest);
            self.push("</li>\n");
        }
        self.push("</ul>\n");
    }

    fn cell(&mut self, cell: &Cell) {
        self.text(&cell.text);
        if !cell.citations.is_empty() {
            if !cell.text.is_empty() {
                self.push("\u{a0}");
            }
            self.citations(&cell.citations);
        }
    }

    fn table(&mut self, table: &Table) {
        self.push("<div class=\"table-scroll\">\n<table>\n<caption>");
        self.text(&table.caption);
        self.push("</caption>\n<thead>\n<tr>");
        for h in &table.header {
            self.push("<th scope=\"col\">");
            self.text(h);
            self.push("</th>");
        }
        self.push("</tr>\n</thead>\n<tbody>\n");
        for row in &table.rows {
            self.push("<tr>");
            for (i, cell) in row.iter().enumerate() {
                self.push(if i == 0 { "<th scope=\"row\">" } else { "<td>" });
                self.cell(cell);
                self.push(if i == 0 { "</th>" } else { "</td>" });
            }
            self.push("</tr>\n");
        }
        self.push("</tbody>\n</table>\n</div>\n");
        for note in &table.notes {
            let _ = write!(
                self.out,
                "<p class=\"note\"><em>{}:</em> ",
                escape(self.doc.labels.note.as_str())
            );
            self.text(note);
            self.push("</p>\n");
        }
    }

    /// A chart as inline SVG: an image to assistive technology (`role="img"`), named by its
    /// `<title>` and described, with every figure, by its `<desc>` (SVG's own naming, which
    /// the Nu Html Checker accepts in XHTML, where it refuses `aria-labelledby` on `svg`). Bars are `rect`s on an
    /// axis from [`Chart::min`] to [`Chart::max`]; the stylesheet colors them, so they follow
    /// the dark scheme and print in gray.
    fn chart(&mut self, chart: &Chart) {
        self.charts += 1;
        let id = format!("chart-{}", self.charts);
        let rows = chart.rows.len();
        let height = CHART_ROW * rows as f64 + 8.0;
        let x = |v: f64| CHART_LEFT + chart.position(v, CHART_WIDTH);
        let _ = write!(
            self.out,
            "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"{role}\" \
             viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\">\n\
             <title id=\"{id}-title\">",
            role = Part::Image.aria(),
            w = CHART_LEFT * 2.0 + CHART_WIDTH,
        );
        self.text(&chart.title);
        let _ = write!(self.out, "</title>\n<desc id=\"{id}-desc\">");
        self.text(&chart.description);
        self.push("</desc>\n");
        // The zero line, when zero is inside the axis, as the bars' common start.
        if chart.min < 0.0 {
            let _ = writeln!(
                self.out,
                "<line class=\"chart-zero\" x1=\"{z:.1}\" y1=\"0\" x2=\"{z:.1}\" y2=\"{height}\" />",
                z = x(0.0)
            );
        }
        for (i, row) in chart.rows.iter().enumerate() {
            let top = CHART_ROW * i as f64 + 4.0;
            let class = if row.comparison { " comparison" } else { "" };
            if !row.label.is_empty() {
                let _ = write!(
                    self.out,
                    "<text class=\"chart-label\" x=\"{CHART_LEFT}\" y=\"{:.1}\">",
                    top + 15.0
                );
                self.text(&row.label);
                self.push("</text>\n");
            }
            let (from, to) = (x(row.start.min(row.end)), x(row.start.max(row.end)));
            if to > from {
                let _ = writeln!(
                    self.out,
                    "<rect class=\"chart-bar{class}\" x=\"{from:.1}\" y=\"{:.1}\" width=\"{:.1}\" \
                     height=\"{CHART_BAR}\" />",
                    top + 22.0,
                    to - from
                );
            }
            if let Some(mark) = row.mark {
                let _ = writeln!(
                    self.out,
                    "<line class=\"chart-mark\" x1=\"{m:.1}\" y1=\"{:.1}\" x2=\"{m:.1}\" \
                     y2=\"{:.1}\" />",
                    top + 17.0,
                    top + 22.0 + CHART_BAR + 5.0,
                    m = x(mark)
                );
            }
            let _ = write!(
                self.out,
                "<text class=\"chart-value\" x=\"{CHART_LEFT}\" y=\"{:.1}\">",
                top + 22.0 + CHART_BAR + 19.0
            );
            self.text(&row.value);
            self.push("</text>\n");
        }
        self.push("</svg>\n<figcaption>");
        self.text(&chart.title);
        if !chart.sources.is_empty() {
            self.push("\u{a0}");
            self.citations(&chart.sources);
        }
        self.push("</figcaption>\n</figure>\n");
    }

    fn references(&mut self) {
        self.push("<ol class=\"references\">\n");
        for source in &self.doc.references {
            // An entry is a plain list item of the bibliography: DPUB-ARIA 1.1 deprecates the
            // `doc-biblioentry` role, and EPUB 3.3 the `biblioentry` type, for just that.
            let _ = write!(
                self.out,
                "<li id=\"source-{}\">",
                escape(source.id.as_str())
            );
            if source.publisher != source.title {
                self.text(source.publisher.as_str());
                self.push(". ");
            }
            self.push("<cite>");
            self.text(source.title.as_str());
            self.push("</cite>.");
            let details = source_details(source, self.doc.labels);
            if !details.is_empty() {
                self.push(" <span class=\"source-details\">");
                self.text(&details);
                self.push("</span>");
            }
            let url = escape(source.url.as_str());
            let _ = writeln!(self.out, " <a href=\"{url}\">{url}</a></li>");
        }
        self.push("</ol>\n");
    }
}

/// The opening of every XHTML document, up to and including `<head>`. An EPUB content
/// document starts with the XML declaration and declares the EPUB namespace.
pub(crate) fn document_start(lang: &str, epub: bool) -> String {
    let lang = escape(lang);
    let (declaration, namespace) = if epub {
        (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            " xmlns:epub=\"http://www.idpf.org/2007/ops\"",
        )
    } else {
        ("", "")
    };
    format!(
        "{declaration}<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"{namespace} \
         lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\" />\n"
    )
}

/// Exports the selected sections of a guide as one self-contained XHTML5 file.
///
/// The file has its stylesheet inline (readable on phones and desktops, with a dark scheme and
/// a print stylesheet), no scripts, and a JSON-LD block that describes the occupation and the
/// FAQ for search engines with schema.org `Occupation` and `FAQPage`.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, to_html};
///
/// let html = to_html(mht_guide::guide(), &Options::new());
/// assert!(html.contains("<nav id=\"toc\" role=\"doc-toc\""));
/// assert!(html.contains("\"@type\":\"Occupation\""));
/// ```
pub fn to_html(guide: &Guide, options: &Options) -> String {
    let doc = Document::from_options(guide, options);
    let href = |anchor: &str| format!("#{anchor}");
    let mut w = Writer::new(&doc, &href, false);
    w.push(&document_start(doc.language().as_str(), false));
    // An empty icon of its own, so that a browser does not ask the server for /favicon.ico:
    // the page needs nothing outside the file.
    w.push("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    w.push("<link rel=\"icon\" href=\"data:,\" />\n<title>");
    w.text(guide.meta.title.as_str());
    w.push("</title>\n<meta name=\"description\" content=\"");
    w.text(guide.meta.description.as_str());
    w.push("\" />\n");
    let _ = writeln!(
        w.out,
        "<meta name=\"generator\" content=\"mht-guide {}\" />",
        env!("CARGO_PKG_VERSION")
    );
    w.push("<style>\n");
    w.push(&stylesheet(options));
    w.push("</style>\n<script type=\"application/ld+json\">\n");
    w.push(&crate::json::ld::json_ld(
        guide,
        &doc,
        options.preset() == Preset::FactSheet,
    ));
    w.push("\n</script>\n</head>\n<body>\n");
    w.title_block(options);
    if doc.sections.len() > 1 {
        w.contents(doc.labels.contents.as_str());
    }
    w.push("<main>\n");
    for section in &doc.sections {
        w.section(section);
    }
    w.push("</main>\n<footer>\n<p>");
    let meta = &guide.meta;
    let line = guide.labels.edition(meta);
    w.text(&format!("{} · {line}", meta.title));
    w.push("</p>\n</footer>\n</body>\n</html>\n");
    w.out
}
