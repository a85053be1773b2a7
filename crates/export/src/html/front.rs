//! The front of a page: the title block, the key figures, the QR code and the contents.

use std::fmt::Write as _;

use mht_guide::labels::Piece;

use super::{LOGO_FILE, Writer};
use crate::Options;
use crate::compose::{Band, ContentsEntry};
use crate::escape::escape;
use crate::semantics::Part;

impl Writer<'_> {
    /// The title block: title, subtitle, edition, and the organization when branded.
    pub(crate) fn title_block(&mut self, options: &Options) {
        let meta = self.doc.meta;
        // DPUB-ARIA has no title-page role; the EPUB names it, the web page need not.
        let kind = self.epub_type(Part::TitlePage.epub());
        let _ = writeln!(self.out, "<header class=\"title-block\"{kind}>");
        // The logo is decoration (`alt=""`): the organization's name follows it, and a screen
        // reader would say it twice.
        if let Some((logo, _)) = options.logo() {
            // The book carries the logo as a file of its own; the web page stays one file.
            let src = if self.epub {
                LOGO_FILE.to_owned()
            } else {
                logo.data_url()
            };
            let _ = writeln!(
                self.out,
                "<p class=\"logo\"><img src=\"{src}\" alt=\"\" width=\"{w}\" \
                 height=\"{h}\" /></p>",
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
        self.edition_line(true);
        self.push("</p>\n");
        let labels = self.doc.labels;
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

    /// The guide's title and its edition line, as the page's footer and a fragment's last
    /// line give them.
    pub(super) fn colophon(&mut self, time: bool) {
        self.text(self.doc.meta.title.as_str());
        self.push(" · ");
        self.edition_line(time);
    }

    /// The edition line: its date (as `<time>` when `time` is set), publisher and license,
    /// each isolated where it runs against the edition's direction.
    pub(super) fn edition_line(&mut self, time: bool) {
        let meta = self.doc.meta;
        let labels = self.doc.labels;
        for piece in labels.edition_line.pieces() {
            match piece {
                Piece::Placeholder("date") => {
                    let date = labels.date(meta.edition);
                    let foreign = crate::bidi::foreign(&date, self.doc.language().direction());
                    if time {
                        self.push("<time datetime=\"");
                        self.text(&meta.edition.iso());
                        self.push(if foreign { "\" dir=\"auto\">" } else { "\">" });
                        self.text(&date);
                        self.push("</time>");
                    } else {
                        self.isolated(&date);
                    }
                }
                Piece::Placeholder("publisher") => self.isolated(meta.publisher.as_str()),
                Piece::Placeholder(_) => self.isolated(meta.license.as_str()),
                Piece::Text(text) => self.text(text),
                _ => {}
            }
        }
    }

    /// The key figures: a list in a group named by the caption over it ("Key figures", as
    /// the PDF prints it), each value set large over its label, whom and when it describes,
    /// and its source.
    pub(super) fn band(&mut self, band: &Band) {
        let _ = write!(
            self.out,
            "<div class=\"band\" role=\"{}\" aria-labelledby=\"{id}\">\n\
             <p class=\"band-caption\" id=\"{id}\">",
            Part::KeyFigures.aria(),
            id = self.id("key-figures"),
        );
        self.words(&band.caption);
        self.push("</p>\n<ul>\n");
        for figure in &band.figures {
            let words = if figure.in_words() { " band-words" } else { "" };
            let _ = write!(self.out, "<li><span class=\"band-value{words}\">");
            self.words(&figure.value);
            self.push("</span> <span class=\"band-label\">");
            self.words(&figure.label);
            self.push("</span> <span class=\"band-detail\">");
            self.words(&figure.detail);
            self.push(crate::compose::citation_gap(figure.detail.chars().last()));
            self.citations(std::slice::from_ref(&figure.source));
            self.push("</span></li>\n");
        }
        self.push("</ul>\n</div>\n");
    }

    /// A QR code as SVG, black on white whatever the color scheme (a reader's phone needs the
    /// contrast), named as what it is (the address it encodes is the link under it, read
    /// once).
    pub(super) fn qr(&mut self, url: &str, code: &crate::qr::Qr) {
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
        self.text(self.doc.labels.qr_code.as_str());
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

    pub(super) fn contents_list(&mut self, entries: &[ContentsEntry<'_>]) {
        self.push("<ol>\n");
        for entry in entries {
            let href = (self.href)(entry.anchor);
            let _ = write!(self.out, "<li><a href=\"{}\">", escape(&href));
            self.words(&entry.title);
            self.push("</a>");
            if !entry.children.is_empty() {
                self.push("\n");
                self.contents_list(&entry.children);
            }
            self.push("</li>\n");
        }
        self.push("</ol>\n");
    }
}
