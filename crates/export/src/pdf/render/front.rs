//! The front of a handout: its title block, its key figures and its table of contents.

use super::{BODY, Builder, MUTED};
use crate::pdf::elements::{BandBlock, OrgBlock, Rule, TextBlock};
use crate::pdf::layout::{Look, Run, Target};
use crate::pdf::tags::Role;
use crate::pdf::{Origin, TextOption};
use crate::semantics::Part;

impl Builder<'_> {
    pub(super) fn title_block(
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
        // Each line with the option its text comes from.
        let mut lines = Vec::new();
        if let Some(org) = organization {
            let provided = self.doc.labels.provided_by.fill(&[("organization", org)]);
            lines.push((provided, Look::new(11).bold(), TextOption::Organization));
        }
        if let Some(contact) = contact {
            lines.push((contact.to_owned(), Look::new(10), TextOption::Contact));
        }
        if let Some((url, _)) = &code {
            lines.push(((*url).to_owned(), Look::new(9).color(MUTED), TextOption::Qr));
        }
        let content = self.place.clone();
        if code.is_none() && logo.is_none() {
            for (i, (text, look, option)) in lines.into_iter().enumerate() {
                self.place = Origin::Option(option);
                let run = self.run(text, look);
                let before = if i == 0 { 2.0 } else { 0.0 };
                self.push(self.block(Role::P, vec![run]).spacing(before, 0.5));
            }
        } else {
            // With the logo before them and the code beside them. The logo is decoration (an
            // artifact): the organization's name is the next line, and a reader would hear
            // it twice. The code is a figure that says what it is, after its address, which
            // is a link: a screen reader hears the address once, and the figure's kind.
            let logo = logo.map(|(logo, _)| f64::from(logo.width()) / f64::from(logo.height()));
            let address = code.as_ref().map(|(url, _)| *url);
            let count = lines.len();
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(i, (text, look, option))| {
                    self.place = Origin::Option(option);
                    let node = self.node(Role::P, self.parent);
                    let run = match address.filter(|_| i + 1 == count) {
                        Some(url) => self.link(text, look, Target::Uri(url.to_owned()), node),
                        None => {
                            let text = self.check(&text, look);
                            Run::new(text, look)
                        }
                    };
                    (run, node)
                })
                .collect();
            let alt = self.doc.labels.qr_code.to_string();
            let code = code.map(|(_, code)| (code, self.figure(alt.clone())));
            self.push(OrgBlock::new(&self.track, logo, lines, code, self.fit.code));
        }
        self.place = content;
        // Key figures follow the rule closer: their caption's line has room of its own.
        let space = if self.doc.band.is_some() { 2.0 } else { 3.0 };
        self.push(Rule::new(&self.track, self.accent, space));
        if let Some(band) = &self.doc.band {
            self.band(band);
        }
    }

    /// The key figures: a list without markers (`L`), named by its `Caption` ("Key figures",
    /// printed over the cells), with an item for each figure, whose value, label and detail
    /// (with its citation) are paragraphs of the item's body.
    pub(super) fn band(&mut self, band: &crate::Band) {
        let list = self.node(Role::LUnmarked, self.parent);
        let caption_node = self.node(Role::Caption, list);
        let caption_look = Look::new(9).bold();
        let caption = (
            vec![self.run(band.caption.as_str(), caption_look)],
            caption_look,
            caption_node,
        );
        // The values are text on the cells' shade, where the accent needs 4.5:1 too.
        let (r, g, b) = self.accent;
        let (sr, sg, sb) = crate::pdf::elements::SHADE;
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
                let item = self.node(Role::LI, list);
                let cell = self.node(Role::LBody, item);
                let value_look = Look::new(if figure.in_words() { 12 } else { 18 })
                    .bold()
                    .color(value_color);
                let value = vec![self.run(figure.value.as_str(), value_look)];
                let label_look = Look::new(9).bold();
                let label = vec![self.run(figure.label.as_str(), label_look)];
                let detail_look = Look::new(9).color(MUTED);
                // The paragraphs in reading order: value, label, detail.
                let (value_node, label_node) = (self.node(Role::P, cell), self.node(Role::P, cell));
                let detail_node = self.node(Role::P, cell);
                let mut detail = vec![self.run(figure.detail.as_str(), detail_look)];
                self.citation(
                    std::slice::from_ref(&figure.source),
                    crate::compose::citation_gap(figure.detail.chars().last()),
                    Look::new(9),
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
        self.push(BandBlock::new(&self.track, caption, figures, self.accent));
    }

    /// The table of contents: a `TOC` of `TOCI` entries, each a `Reference` to its section
    /// holding one `Link` (the title and the page number).
    pub(super) fn contents(&mut self) {
        self.place = Origin::Content("the table of contents".into());
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
            // A space before the number, among the leaders, so that text read from the file
            // has the title and the page apart ("… technician is 2", not "is2").
            let page = format!(" {}", self.doc.labels.native(&page));
            let target = Target::Anchor(section.anchor.clone());
            let item = self.node(Role::of(Part::ContentsEntry), toc);
            let reference = self.node(Role::Reference, item);
            let link = self.node(Role::Link, reference);
            let title = section.heading(self.doc.labels);
            let entry = Run::link(
                self.check(&title, Look::new(11)),
                Look::new(11),
                target.clone(),
                link,
            );
            let page = Run::link(page, Look::new(11), target, link);
            let entry = self.languages(vec![entry], reference);
            let block = TextBlock::new(&self.track, entry, Look::new(BODY), reference);
            self.push(block.right(page).spacing(0.0, 1.6));
        }
        self.push(genpdf::elements::PageBreak::new());
    }
}
