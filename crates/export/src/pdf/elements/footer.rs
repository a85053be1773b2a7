//! The running footer: the title and the page number, as artifacts.

use super::*;

/// Page margins and the running footer: the guide's title and organization on the left,
/// "Page N of M" on the right, and a contact line when one is given. An organization's name
/// too long to share the line with the title takes its place; what does not fit beside the
/// page number goes on the lines under it, wrapped if it must be.
pub(in crate::pdf) struct Footer {
    pub(in crate::pdf) track: Track,
    /// The guide's title.
    pub(in crate::pdf) title: String,
    pub(in crate::pdf) organization: Option<String>,
    pub(in crate::pdf) contact: Option<String>,
    /// The page count, once a first pass has found it.
    pub(in crate::pdf) total: Option<usize>,
    pub(in crate::pdf) look: Look,
    /// The page number's label, with the page count and without it.
    pub(in crate::pdf) page_of: mht_guide::Label,
    pub(in crate::pdf) page: mht_guide::Label,
    /// The labels, for the edition's digits.
    pub(in crate::pdf) labels: mht_guide::Labels,
    /// One line only, for a fact sheet short of room: the contact line, which the title
    /// block gives, leaves the footer.
    pub(in crate::pdf) short: bool,
}

impl PageDecorator for Footer {
    fn decorate_page<'a>(
        &mut self,
        cx: &Context,
        mut area: Area<'a>,
        _: Style,
    ) -> Result<Area<'a>, Error> {
        let t = &self.track;
        t.new_page();
        let page = t.page.get();
        let (top, right, bottom, left) = t.margins;
        area.add_margins(Margins::trbl(top, right, bottom, left));
        let m = measure(cx, t);
        let lh = m.line_height(self.look);
        let width = mm(area.size().width);
        // The room beside the widest page number, the same on every page and in every pass,
        // so that every page's body is as tall.
        let widest = self.labels.native("00");
        let number_room = m.width(
            &self.page_of.fill(&[("page", &widest), ("total", &widest)]),
            self.look,
        ) + 4.0;
        let (first, below) = self.lines(&m, width, number_room);
        // The lines under the first, each wrapped as a paragraph is.
        let below: Vec<Vec<Line>> = below
            .into_iter()
            .map(|text| layout(&m, &[Run::new(text, self.look)], width, self.look, false))
            .collect();
        let count: usize = below.iter().map(Vec::len).sum();
        let footer = lh * (1 + count) as f64;
        let height = mm(area.size().height);
        let mut y = height - footer;
        if !t.dry {
            let footer = Artifact::Footer;
            let mark = Mark::Artifact(footer);
            rule(&area, t, y - 1.5, width, HAIRLINE, footer);
            // The title at the line's start and the page number at its end: right and left in
            // a right-to-left edition.
            let rtl = t.measured.rtl;
            let start = |text: &str| {
                if rtl {
                    width - m.width(text, self.look)
                } else {
                    0.0
                }
            };
            let end = |text: &str| {
                if rtl {
                    0.0
                } else {
                    width - m.width(text, self.look)
                }
            };
            let left = Position::new(Mm::from(start(&first)), Mm::from(y));
            t.print(cx, &area, left, self.look, &first, mark)?;
            let number = match self.total {
                Some(total) => self.page_of.fill(&[
                    ("page", &self.labels.native(&page.to_string())),
                    ("total", &self.labels.native(&total.to_string())),
                ]),
                None => self
                    .page
                    .fill(&[("page", &self.labels.native(&page.to_string()))]),
            };
            let right = Position::new(Mm::from(end(&number)), Mm::from(y));
            t.print(cx, &area, right, self.look, &number, mark)?;
            for lines in &below {
                y = print_lines(cx, t, &area, lines, (0.0, y + lh), mark)? - lh;
            }
        }
        let body = height - footer - 5.0;
        area.set_height(Mm::from(body));
        t.body_bottom.set(top + body);
        t.body_height.set(body);
        Ok(area)
    }
}

impl Footer {
    /// The footer's first line, beside the page number (`number_room` mm of the `width`),
    /// and the paragraphs under it, to be wrapped.
    fn lines(&self, m: &Measure<'_>, width: f64, number_room: f64) -> (String, Vec<String>) {
        let fits = |text: &str, room: f64| m.width(text, self.look) <= room;
        let mut first = self.title.clone();
        let mut rest: Vec<&str> = Vec::new();
        if let Some(org) = &self.organization {
            let joined = format!("{first} · {org}");
            // A long name takes the title's place beside the page number (the title is the
            // handout's heading), rather than a line of its own.
            if fits(&joined, width - number_room) {
                first = joined;
            } else if fits(org, width - number_room) {
                first = org.clone();
            } else if !self.short {
                rest.push(org);
            }
        }
        if self.short {
            return (first, Vec::new());
        }
        rest.extend(self.contact.as_deref());
        let below = match rest.as_slice() {
            [org, contact] if fits(&format!("{org} · {contact}"), width) => {
                vec![format!("{org} · {contact}")]
            }
            _ => rest.into_iter().map(str::to_owned).collect(),
        };
        (first, below)
    }
}
