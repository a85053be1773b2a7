//! The pages' content streams: genpdf's placeholders become the real glyphs, every drawing
//! operation goes into marked content (an MCID of the structure tree, or an artifact), and
//! what genpdf 0.2 writes wrongly or at length is put right.
//!
//! genpdf draws each piece of text as an empty `TJ` and each rule as a stroked path; the
//! elements recorded the same operations, in the same order, with their glyphs and marks
//! ([`Draw`]). A page whose operations do not match its records is an error, never a guess.

use std::collections::BTreeMap;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

mod resources;
mod tidy;

pub(super) use resources::drop_layers;
use resources::*;
use tidy::*;

use super::font::{Fonts, string};
use super::{PT, PostError, err, text_string};
use crate::pdf::fonts::FontId;
use crate::pdf::record::{Draw, FontStyle, GlyphRun, Paint};
use crate::pdf::tags::{Artifact, Marked};

/// The logo's name in a page's resources.
const LOGO: &str = "Logo";

/// The embedded fonts' names in the pages' resources, by style (regular, bold, italic, bold
/// italic), in place of genpdf's standard font names: shorter to write at every change of
/// style.
const FONT_NAMES: [&str; 4] = ["R", "B", "I", "BI"];

/// The bytes of a stream object, decompressed when they are compressed.
fn stream_bytes(doc: &Document, id: ObjectId, what: &str) -> Result<Vec<u8>, PostError> {
    let stream = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .map_err(err(what))?;
    Ok(stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone()))
}

fn op(operator: &str, operands: Vec<Object>) -> Operation {
    Operation::new(operator, operands)
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// The operator that opens marked content for a draw, with the text it stands for when its
/// glyphs cannot say it.
fn begin(marked: Marked, actual: Option<&str>) -> Operation {
    match marked {
        Marked::Content { mcid, role } => {
            let mut props = Dictionary::from_iter(vec![("MCID", Object::Integer(i64::from(mcid)))]);
            // Text said outright is marked as a span, which is where readers such as poppler
            // look for it; the structure element is the MCID's, whatever the tag.
            let tag = match actual {
                Some(actual) => {
                    props.set("ActualText", text_string(actual));
                    "Span"
                }
                None => role.name(),
            };
            op("BDC", vec![name(tag), Object::Dictionary(props)])
        }
        Marked::Artifact(kind) => {
            let props = match kind {
                Artifact::Footer => vec![("Type", name("Pagination")), ("Subtype", name("Footer"))],
                Artifact::Layout => vec![("Type", name("Layout"))],
            };
            op(
                "BDC",
                vec![
                    name("Artifact"),
                    Object::Dictionary(Dictionary::from_iter(props)),
                ],
            )
        }
    }
}

/// The operations that draw runs of glyphs: `TJ` arrays of codes with the adjustments
/// between them. A font other than the one in force is set first (`Tf`), glyphs that shaping
/// raised or lowered are drawn with a text rise (`Ts`), and the font in force before is set
/// again at the end, as genpdf's next operations expect.
fn show_runs(
    fonts: &Fonts,
    runs: &[GlyphRun],
    shift: i32,
    placeholder: FontId,
    size: &Object,
    out: &mut Vec<Operation>,
) -> Result<(), PostError> {
    let mut current = (placeholder, 0);
    let mut rise = 0i16;
    let mut items: Vec<Object> = Vec::new();
    if shift != 0 {
        items.push(Object::Integer(i64::from(shift)));
    }
    let mut codes: Vec<u8> = Vec::new();
    let flush = |items: &mut Vec<Object>, codes: &mut Vec<u8>, out: &mut Vec<Operation>| {
        if !codes.is_empty() {
            items.push(string(std::mem::take(codes)));
        }
        if !items.is_empty() {
            out.push(op("TJ", vec![Object::Array(std::mem::take(items))]));
        }
    };
    for run in runs {
        let object = fonts.object(run.font, run.variant);
        if object != current {
            flush(&mut items, &mut codes, out);
            out.push(op(
                "Tf",
                vec![name(&font_name(object.0, object.1)), size.clone()],
            ));
            current = object;
        }
        for (i, &(kern, glyph)) in run.glyphs.iter().enumerate() {
            let r = run.rise.as_ref().map_or(0, |r| r[i]);
            if r != rise {
                flush(&mut items, &mut codes, out);
                let points = size.as_float().unwrap_or(10.0) * f32::from(r) / 1000.0;
                out.push(op(
                    "Ts",
                    vec![Object::Real((points * 100.0).round() / 100.0)],
                ));
                rise = r;
            }
            if kern != 0 {
                if !codes.is_empty() {
                    items.push(string(std::mem::take(&mut codes)));
                }
                items.push(Object::Integer(i64::from(kern)));
            }
            fonts
                .push_code(run.font, glyph, run.variant, &mut codes)
                .ok_or_else(|| PostError(format!("glyph {glyph} is not in the subset")))?;
        }
        if run.trail != 0 {
            if !codes.is_empty() {
                items.push(string(std::mem::take(&mut codes)));
            }
            items.push(Object::Integer(i64::from(run.trail)));
        }
    }
    flush(&mut items, &mut codes, out);
    if rise != 0 {
        out.push(op("Ts", vec![Object::Integer(0)]));
    }
    if current != (placeholder, 0) {
        out.push(op(
            "Tf",
            vec![name(&font_name(placeholder, 0)), size.clone()],
        ));
    }
    Ok(())
}

/// A face's name in the pages' resources: Liberation Sans's styles by [`FONT_NAMES`], any
/// other face by its number, and its mapping variant after that.
pub(super) fn font_name(font: FontId, variant: u16) -> String {
    match (font.style(), variant) {
        (Some(style), 0) => FONT_NAMES[style.index()].to_owned(),
        (_, 0) => format!("F{}", font.0),
        _ => format!("F{}v{variant}", font.0),
    }
}

/// Rewrites one page's operations from its draws.
fn mark_page(
    ops: Vec<Operation>,
    draws: &[Draw],
    fonts: &Fonts,
    font_styles: &BTreeMap<Vec<u8>, FontStyle>,
    uses_logo: &mut bool,
) -> Result<Vec<Operation>, PostError> {
    let mismatch = |what: &str| PostError(format!("the page's drawing does not match: {what}"));
    let mut out = Vec::with_capacity(ops.len() + draws.len() * 2);
    let mut draws = draws.iter();
    // The marked content open in the current text object.
    let mut open: Option<Marked> = None;
    let mut in_path = false;
    // The current path is a placeholder that a filled rectangle has replaced.
    let mut replaced = false;
    let mut font_style = None;
    let mut font_size = Object::Integer(10);
    for mut o in ops {
        match o.operator.as_str() {
            "TL" => fix_leading(&mut o),
            "Tf" => {
                if let Some(size) = o.operands.get(1) {
                    font_size = size.clone();
                }
                font_style = o
                    .operands
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| font_styles.get(n))
                    .copied();
                if let (Some(style), Some(name)) = (font_style, o.operands.first_mut()) {
                    *name = Object::Name(FONT_NAMES[style.index()].as_bytes().to_vec());
                }
            }
            // Marked content closes with its text object.
            "ET" if open.take().is_some() => out.push(op("EMC", vec![])),
            "TJ" | "Tj" | "'" | "\"" => {
                let Some(Draw::Text {
                    style,
                    runs,
                    marked,
                    shift,
                    actual,
                }) = draws.next()
                else {
                    return Err(mismatch("more text than was recorded"));
                };
                if font_style != Some(*style) {
                    return Err(mismatch("text in another font than was recorded"));
                }
                if open != Some(*marked) || actual.is_some() {
                    if open.take().is_some() {
                        out.push(op("EMC", vec![]));
                    }
                    out.push(begin(*marked, actual.as_deref()));
                    open = Some(*marked);
                }
                let placeholder = FontId::of_style(*style);
                let drawn = |r: &GlyphRun| !r.glyphs.is_empty() || r.trail != 0;
                let runs = if runs.iter().all(drawn) {
                    std::borrow::Cow::Borrowed(runs.as_slice())
                } else {
                    std::borrow::Cow::Owned(runs.iter().filter(|r| drawn(r)).cloned().collect())
                };
                show_runs(fonts, &runs, *shift, placeholder, &font_size, &mut out)?;
                continue;
            }
            operator if is_path_construction(operator) && !in_path => {
                let Some(Draw::Path { marked, fill }) = draws.next() else {
                    return Err(mismatch("a line that was not recorded"));
                };
                out.push(begin(*marked, None));
                in_path = true;
                if let Some(fill) = fill {
                    // genpdf's placeholder line gives way to the filled rectangle, in a
                    // graphics state of its own so that its color does not leak.
                    let (x, y, w, h) = fill.rect;
                    let real = |v: f64| Object::Real(((v * 100.0).round() / 100.0) as f32);
                    out.push(op("q", vec![]));
                    match fill.paint {
                        Paint::Color((r, g, b)) => {
                            let channel = |c: u8| {
                                Object::Real(
                                    ((f64::from(c) / 255.0 * 1000.0).round() / 1000.0) as f32,
                                )
                            };
                            out.push(op("rg", vec![channel(r), channel(g), channel(b)]));
                            out.push(op("re", vec![real(x), real(y), real(w), real(h)]));
                            out.push(op("f", vec![]));
                        }
                        Paint::Logo => {
                            let zero = Object::Integer(0);
                            out.push(op(
                                "cm",
                                vec![real(w), zero.clone(), zero, real(h), real(x), real(y)],
                            ));
                            out.push(op("Do", vec![name(LOGO)]));
                            *uses_logo = true;
                        }
                    }
                    out.push(op("Q", vec![]));
                    replaced = true;
                }
                if replaced {
                    continue;
                }
            }
            operator if is_path_construction(operator) && replaced => continue,
            operator if is_path_painting(operator) && in_path => {
                if !replaced {
                    out.push(o);
                }
                out.push(op("EMC", vec![]));
                in_path = false;
                replaced = false;
                continue;
            }
            _ => {}
        }
        out.push(o);
    }
    if draws.next().is_some() {
        return Err(mismatch("less drawn than was recorded"));
    }
    if open.is_some() || in_path {
        return Err(mismatch("marked content left open"));
    }
    Ok(out)
}

/// Rewrites every page's content: the real glyphs, marked content for the structure tree,
/// the leading in points, no optional-content layer, no redundant state, and the fonts by
/// their short names ([`FONT_NAMES`]).
pub(super) fn rewrite(
    doc: &mut Document,
    draws: &[Vec<Draw>],
    fonts: &Fonts,
    logo: Option<ObjectId>,
) -> Result<(), PostError> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut rewritten = Vec::with_capacity(pages.len());
    if pages.len() != draws.len() {
        return Err(PostError(format!(
            "{} pages, but {} were recorded",
            pages.len(),
            draws.len()
        )));
    }
    for (page, page_draws) in pages.into_iter().zip(draws) {
        let font_styles: BTreeMap<Vec<u8>, FontStyle> = page_fonts(doc, page)
            .into_iter()
            .filter_map(|(name, id)| fonts.styles.get(&id).map(|s| (name, *s)))
            .collect();
        rewritten.push(page);
        let streams = doc.get_page_contents(page);
        let [stream] = streams.as_slice() else {
            return Err(PostError(
                "a page without exactly one content stream".into(),
            ));
        };
        let data = stream_bytes(doc, *stream, "reading a page")?;
        // Pages are decoded one at a time, so a document of a thousand pages never has all
        // of its pages decoded at once.
        let mut ops = super::syntax::read(&data)
            .ok_or_else(|| PostError("genpdf wrote a page that does not decode".into()))?;
        drop(data);
        strip_layer(&mut ops);
        let mut uses_logo = false;
        let mut ops = mark_page(ops, page_draws, fonts, &font_styles, &mut uses_logo)?;
        let mut added: Vec<(String, ObjectId)> = Vec::new();
        for draw in page_draws {
            if let Draw::Text { runs, .. } = draw {
                for run in runs {
                    let object = fonts.object(run.font, run.variant);
                    if let Some(&id) = fonts.added.get(&object) {
                        let name = font_name(object.0, object.1);
                        if !added.iter().any(|(n, _)| *n == name) {
                            added.push((name, id));
                        }
                    }
                }
            }
        }
        add_fonts(doc, page, &added)?;
        if uses_logo {
            let logo = logo.ok_or_else(|| PostError("a logo drawn but not given".into()))?;
            add_xobject(doc, page, LOGO, logo)?;
        }
        drop_dead_state(&mut ops);
        drop_redundant_state(&mut ops);
        ops.iter_mut().for_each(plain_show);
        if !super::syntax::all_finite(&ops) {
            return Err(PostError(
                "a page would draw at a position that is not a number (NaN or infinity)".into(),
            ));
        }
        // Whole numbers are written as integers (`10 Tf`, not `10.0 Tf`).
        let bytes = super::syntax::write(&ops);
        let stream = doc
            .get_object_mut(*stream)
            .and_then(Object::as_stream_mut)
            .map_err(err("writing a page"))?;
        stream.dict.remove(b"Filter");
        stream.set_plain_content(bytes);
    }
    rename_fonts(doc, &rewritten, fonts)
}

#[cfg(test)]
mod tests;
