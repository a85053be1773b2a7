//! The organization's block in the title area: logo, name, contact line and QR code.

use super::*;

/// The organization's lines (its name, the contact line, the address of a QR code), with its
/// logo before them and the QR code of the address beside them at the right edge, black
/// modules on the white page with the quiet zone around them. The logo is an artifact, the
/// code a `Figure`, each line a `P` (the address a link in it). Lines too wide to leave room
/// for the code put it under them, unless the block must be short (a fact sheet that would
/// not keep to its pages otherwise): then they wrap beside it.
pub(in crate::pdf) struct OrgBlock {
    track: Track,
    /// The logo's width over its height.
    logo: Option<f64>,
    /// Each line, one run, and its `P`.
    lines: Vec<(Run, NodeId)>,
    /// The code and its `Figure`.
    code: Option<(crate::qr::Qr, NodeId)>,
    /// How the code is fitted: kept beside the lines, which wrap, and its modules' side.
    fit: CodeFit,
}

/// How a QR code is fitted into the title block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::pdf) struct CodeFit {
    /// Whether the code stays beside the lines, which wrap beside it, rather than going under
    /// them when one would wrap.
    pub(in crate::pdf) beside: bool,
    /// The side of a module, in mm.
    pub(in crate::pdf) module: f64,
}

impl Default for CodeFit {
    fn default() -> Self {
        CodeFit {
            beside: false,
            module: QR_MODULE,
        }
    }
}

/// The side of a printed code's modules, in mm: phones read half-millimetre modules easily.
pub(in crate::pdf) const QR_MODULE: f64 = 0.5;
/// The smallest side a fact sheet shrinks a code's modules to, in mm: still well above the
/// third of a millimetre that phone cameras read at arm's length.
pub(in crate::pdf) const QR_MODULE_SMALL: f64 = 0.4;
/// The room after each of the organization's lines, in mm.
pub(super) const QR_LINE_GAP: f64 = 0.8;
/// The logo's largest height and width, in mm, and the room after it.
pub(super) const LOGO_HEIGHT: f64 = 15.0;
pub(super) const LOGO_WIDTH: f64 = 50.0;
pub(super) const LOGO_GAP: f64 = 5.0;

impl OrgBlock {
    pub(in crate::pdf) fn new(
        track: &Track,
        logo: Option<f64>,
        lines: Vec<(Run, NodeId)>,
        code: Option<(crate::qr::Qr, NodeId)>,
        fit: CodeFit,
    ) -> OrgBlock {
        OrgBlock {
            track: Rc::clone(track),
            logo,
            lines: lines
                .into_iter()
                .map(|(mut run, node)| {
                    run.look = track.look(run.look);
                    (run, node)
                })
                .collect(),
            code,
            fit,
        }
    }
}

impl Element for OrgBlock {
    fn render(&mut self, cx: &Context, area: Area<'_>, _: Style) -> Result<RenderResult, Error> {
        let module = self.fit.module;
        let quiet = crate::qr::QUIET as f64 * module;
        let side = self
            .code
            .as_ref()
            .map_or(0.0, |(code, _)| code.width as f64 * module + 2.0 * quiet);
        let width = mm(area.size().width);
        let logo = self.logo.map(|aspect| {
            let w = (LOGO_HEIGHT * aspect).min(LOGO_WIDTH).min(width / 3.0);
            (w, w / aspect)
        });
        let indent = logo.map_or(0.0, |(w, _)| w + LOGO_GAP);
        let m = measure(cx, &self.track);
        // Each line is a paragraph of its own, wrapped if it must be; the code goes under the
        // lines when one would wrap beside it.
        let lay = |room: f64| -> Vec<Vec<Line>> {
            self.lines
                .iter()
                .map(|(run, _)| layout(&m, std::slice::from_ref(run), room, run.look, false))
                .collect()
        };
        let beside_room = width - indent - if side > 0.0 { side + 4.0 } else { 0.0 };
        let mut laid = lay(beside_room);
        let beside = side == 0.0 || self.fit.beside || laid.iter().all(|l| l.len() == 1);
        if !beside {
            laid = lay(width - indent);
        }
        let text_height = laid.iter().flatten().map(|l| l.height).sum::<f64>()
            + QR_LINE_GAP * self.lines.len() as f64
            + 1.5;
        let logo_height = logo.map_or(0.0, |(_, h)| h + 1.0);
        let height = if beside {
            text_height.max(side).max(logo_height)
        } else {
            text_height.max(logo_height) + side
        };
        if height > mm(area.size().height) && !self.track.fresh(&area) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        if let Some((w, h)) = logo {
            let decoration = Mark::Artifact(Artifact::Layout);
            self.track
                .paint(&area, (0.0, 0.5, w, h), Paint::Logo, decoration);
        }
        // The lines sit level with the middle of the logo when it is taller.
        let mut y = 1.5 + ((logo_height - text_height) / 2.0).max(0.0);
        for ((_, node), lines) in self.lines.iter().zip(&laid) {
            y = print_lines(
                cx,
                &self.track,
                &area,
                lines,
                (indent, y),
                Mark::Node(*node),
            )?;
            y += QR_LINE_GAP;
        }
        if let Some((code, node)) = &self.code {
            // Beside the lines, the code's quiet zone ends at the body's right edge; under
            // them, the page margin is the quiet zone on the left.
            let (left, top) = if beside {
                (width - side + quiet, quiet)
            } else {
                (0.0, text_height.max(logo_height) + quiet)
            };
            for (row, col, len) in code.runs() {
                self.track.fill(
                    &area,
                    (
                        left + col as f64 * module,
                        top + row as f64 * module,
                        len as f64 * module,
                        module,
                    ),
                    (0, 0, 0),
                    Mark::Node(*node),
                );
            }
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(height)),
            has_more: false,
        })
    }
}
