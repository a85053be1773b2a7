//! Vertical space and a horizontal rule.

use super::*;

/// Vertical space; at the top of a page it takes none.
pub(in crate::pdf) struct Space {
    mm: f64,
    track: Track,
}

impl Space {
    pub(in crate::pdf) fn new(track: &Track, mm: f64) -> Space {
        Space {
            mm,
            track: Rc::clone(track),
        }
    }
}

impl Element for Space {
    fn render(&mut self, _: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let h = if self.track.fresh(&area) {
            0.0
        } else {
            self.mm.min(mm(area.size().height))
        };
        Ok(RenderResult {
            size: Size::new(0, Mm::from(h)),
            has_more: false,
        })
    }
}

/// A horizontal rule across the body.
pub(in crate::pdf) struct Rule {
    color: (u8, u8, u8),
    space: f64,
    track: Track,
}

impl Rule {
    pub(in crate::pdf) fn new(track: &Track, color: (u8, u8, u8), space: f64) -> Rule {
        Rule {
            color,
            space,
            track: Rc::clone(track),
        }
    }
}

impl Element for Rule {
    fn render(&mut self, _: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let h = (2.0 * self.space).min(mm(area.size().height));
        let width = mm(area.size().width);
        rule(
            &area,
            &self.track,
            h / 2.0,
            width,
            self.color,
            Artifact::Layout,
        );
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(h)),
            has_more: false,
        })
    }
}
