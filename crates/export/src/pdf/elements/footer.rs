//! The running footer: the title and the page number, as artifacts.

use super::*;

/// Page margins and the running footer: the guide's title and organization on the left,
/// "Page N of M" on the right, and a contact line when one is given.
pub(in crate::pdf) struct Footer {
    pub(in crate::pdf) track: Track,
    pub(in crate::pdf) left: String,
    pub(in crate::pdf) contact: Option<String>,
    /// The page count, once a first pass has found it.
    pub(in crate::pdf) total: Option<usize>,
    pub(in crate::pdf) look: Look,
    /// The page number's label, with the page count and without it.
    pub(in crate::pdf) page_of: mht_guide::Label,
    pub(in crate::pdf) page: mht_guide::Label,
    /// The labels, for the edition's digits.
    pub(in crate::pdf) labels: mht_guide::Labels,
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
        let lines = 1 + usize::from(self.contact.is_some());
        let footer = lh * lines as f64;
        let width = mm(area.size().width);
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
            let left = Position::new(Mm::from(start(&self.left)), Mm::from(y));
            t.print(cx, &area, left, self.look, &self.left, mark)?;
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
            if let Some(contact) = &self.contact {
                y += lh;
                let below = Position::new(Mm::from(start(contact)), Mm::from(y));
                t.print(cx, &area, below, self.look, contact, mark)?;
            }
        }
        let body = height - footer - 5.0;
        area.set_height(Mm::from(body));
        t.body_bottom.set(top + body);
        t.body_height.set(body);
        Ok(area)
    }
}
