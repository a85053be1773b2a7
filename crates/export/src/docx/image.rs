//! Pictures in the document: the logo, the QR code and the charts' bars, each a PNG drawn
//! here (axis-aligned rectangles only) and placed inline with its description.

use std::fmt::Write as _;

use super::{IMAGE, Writer, emu};
use crate::escape::escape_as;
use crate::{Chart, ChartRow};

/// Pixels a QR code's module is drawn with: a picture Word scales, sharp at any size.
const QR_PIXELS: usize = 8;
/// A bar picture's width in pixels (about 200 dots an inch across a page's text), and its
/// height: the strip a row's bar stands in.
const BAR_WIDTH: usize = 1400;
const BAR_HEIGHT: usize = 40;

/// The QR code as a PNG: black modules on white, with the quiet zone.
pub(super) fn qr_png(code: &crate::qr::Qr) -> Vec<u8> {
    let side = (code.width + 2 * crate::qr::QUIET) * QR_PIXELS;
    let mut canvas = Canvas::new(side, side, [255, 255, 255, 255]);
    for (row, col, len) in code.runs() {
        let (x, y) = (
            (col + crate::qr::QUIET) * QR_PIXELS,
            (row + crate::qr::QUIET) * QR_PIXELS,
        );
        canvas.fill(x, y, len * QR_PIXELS, QR_PIXELS, [0, 0, 0, 255]);
    }
    canvas.png()
}

/// A chart row's bar as a PNG on a clear ground, as the web page draws it: the gridlines,
/// the zero line when the axis reaches below zero, the bar (the accent, or grey for a
/// comparison) and the mark of a median, a dark keyline around a light core. Mirrored right
/// to left. Also returns its height over its width.
pub(super) fn bar_png(chart: &Chart, row: &ChartRow, accent: &str, rtl: bool) -> (Vec<u8>, f64) {
    let (w, h) = (BAR_WIDTH, BAR_HEIGHT);
    let mut canvas = Canvas::new(w, h, [0, 0, 0, 0]);
    let x = |v: f64| {
        let from_start = 0.01 + chart.position(v, 0.98);
        let at = if rtl { 1.0 - from_start } else { from_start };
        (at * w as f64).round() as usize
    };
    for tick in &chart.scale {
        canvas.fill(x(tick.at).saturating_sub(1), 0, 2, h, [140, 143, 148, 255]);
    }
    if chart.min < 0.0 {
        canvas.fill(x(0.0).saturating_sub(2), 0, 4, h, [29, 35, 39, 255]);
    }
    let (a, b) = (x(row.start), x(row.end));
    let (from, to) = (a.min(b), a.max(b));
    if to > from {
        let color = if row.comparison {
            [85, 85, 85, 255]
        } else {
            hex(accent)
        };
        canvas.fill(from, h * 3 / 16, to - from, h * 10 / 16, color);
    }
    if let Some(mark) = row.mark {
        let m = x(mark);
        canvas.fill(m.saturating_sub(6), 0, 12, h, [29, 35, 39, 255]);
        canvas.fill(m.saturating_sub(2), 3, 4, h - 6, [255, 255, 255, 255]);
    }
    (canvas.png(), h as f64 / w as f64)
}

/// `RRGGBB` as opaque RGBA.
fn hex(color: &str) -> [u8; 4] {
    let channel =
        |i: usize| u8::from_str_radix(color.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    [channel(0), channel(2), channel(4), 255]
}

/// Pixels to draw rectangles on.
struct Canvas {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

impl Canvas {
    fn new(width: usize, height: usize, ground: [u8; 4]) -> Canvas {
        Canvas {
            width,
            height,
            rgba: ground.repeat(width * height),
        }
    }

    /// Fills a rectangle, clipped to the canvas.
    fn fill(&mut self, x: usize, y: usize, w: usize, h: usize, color: [u8; 4]) {
        for row in y..(y + h).min(self.height) {
            for col in x..(x + w).min(self.width) {
                let at = (row * self.width + col) * 4;
                self.rgba[at..at + 4].copy_from_slice(&color);
            }
        }
    }

    fn png(&self) -> Vec<u8> {
        let (w, h) = (self.width as u32, self.height as u32);
        crate::logo::encode_png(w, h, &self.rgba).unwrap_or_default()
    }
}

impl Writer<'_> {
    /// A picture inline in the paragraph open, `size` mm wide and tall, described by `alt`,
    /// or marked decorative (Word's own mark, and no description) when `alt` is `None`.
    pub(super) fn picture(&mut self, png: Vec<u8>, size: (f64, f64), alt: Option<&str>) {
        self.drawings += 1;
        let n = self.drawings;
        let file = format!("image{n}.png");
        let rel = self.relate(IMAGE, format!("media/{file}"), false);
        self.media.push((file.clone(), png));
        let (cx, cy) = (emu(size.0), emu(size.1));
        let descr = escape_as(alt.unwrap_or(""), true);
        let decorative = if alt.is_none() {
            "<a:extLst><a:ext uri=\"{C183D7F6-B498-43B3-948B-1728B52AA6E4}\">\
             <adec:decorative xmlns:adec=\"http://schemas.microsoft.com/office/drawing/2017/decorative\" \
             val=\"1\"/></a:ext></a:extLst>"
        } else {
            ""
        };
        let _ = write!(
            self.body,
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Picture {n}\" \
             descr=\"{descr}\">{decorative}</wp:docPr><wp:cNvGraphicFramePr>\
             <a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic>\
             <a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{file}\" descr=\"{descr}\"/>\
             <pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch>\
             <a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>\
             <a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/>\
             </a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>\
             </w:drawing></w:r>"
        );
    }
}
