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

use super::font::{Fonts, string};
use super::{PT, PostError, err, text_string};
use crate::pdf::record::{Draw, FontStyle, Paint};
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

/// The page resources' fonts: resource name → font object.
fn page_fonts(doc: &Document, page: ObjectId) -> BTreeMap<Vec<u8>, ObjectId> {
    let mut out = BTreeMap::new();
    let Ok((direct, inherited)) = doc.get_page_resources(page) else {
        return out;
    };
    let mut dicts: Vec<&Dictionary> = direct.into_iter().collect();
    dicts.extend(
        inherited
            .iter()
            .filter_map(|id| doc.get_dictionary(*id).ok()),
    );
    for resources in dicts {
        let fonts = resources
            .get(b"Font")
            .ok()
            .and_then(|f| doc.dereference(f).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        for (name, value) in fonts.into_iter().flat_map(Dictionary::iter) {
            if let Object::Reference(id) = value {
                out.insert(name.clone(), *id);
            }
        }
    }
    out
}

/// Removes printpdf's optional-content layer around a page's content: the `/OC … BDC` that
/// opens it and the last `EMC`, which closes it.
fn strip_layer(ops: &mut Vec<Operation>) {
    let open = ops.iter().position(|op| {
        op.operator == "BDC"
            && op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"OC".as_slice())
    });
    if let Some(open) = open
        && let Some(close) = ops.iter().rposition(|op| op.operator == "EMC")
        && close > open
    {
        ops.remove(close);
        ops.remove(open);
    }
}

/// Drops operations that set what is already in effect: a fill or stroke color, a font, and
/// the text leading, which is also dropped from a text object that never moves by it. Colors
/// and text state last until `Q` restores an earlier state, so they are tracked through `q`
/// and `Q`.
fn drop_redundant_state(ops: &mut Vec<Operation>) {
    #[derive(Clone, Default, PartialEq)]
    struct State {
        fill: Option<Vec<Object>>,
        stroke: Option<Vec<Object>>,
        font: Option<Vec<Object>>,
        leading: Option<Vec<Object>>,
    }
    // The text objects that move by the leading.
    let mut moves = Vec::new();
    let mut current = false;
    for op in ops.iter().rev() {
        match op.operator.as_str() {
            "ET" => current = false,
            "T*" | "'" | "\"" => current = true,
            _ => {}
        }
        moves.push(current);
    }
    moves.reverse();
    let mut state = State::default();
    let mut saved: Vec<State> = Vec::new();
    let mut index = 0;
    ops.retain(|op| {
        let moving = moves[index];
        index += 1;
        let slot = match op.operator.as_str() {
            "q" => {
                saved.push(state.clone());
                return true;
            }
            "Q" => {
                state = saved.pop().unwrap_or_default();
                return true;
            }
            "TL" if !moving => return false,
            "TL" => &mut state.leading,
            "rg" => &mut state.fill,
            "RG" => &mut state.stroke,
            "Tf" => &mut state.font,
            _ => return true,
        };
        if slot.as_ref() == Some(&op.operands) {
            false
        } else {
            *slot = Some(op.operands.clone());
            true
        }
    });
}

/// Drops colors and fonts that are set and then set again before anything is drawn with
/// them (genpdf resets the color to black after every colored run, even when the next run
/// sets another). Read backwards: a setting is kept only if something painted after it, and
/// before the next setting, uses it. `q` and `Q` keep whatever comes before them.
fn drop_dead_state(ops: &mut Vec<Operation>) {
    let (mut fill, mut stroke, mut font) = (false, false, false);
    let mut keep = vec![true; ops.len()];
    for (i, op) in ops.iter().enumerate().rev() {
        let needed = match op.operator.as_str() {
            "TJ" | "Tj" | "'" | "\"" => {
                fill = true;
                font = true;
                continue;
            }
            "f" | "F" | "f*" => {
                fill = true;
                continue;
            }
            "S" | "s" => {
                stroke = true;
                continue;
            }
            "B" | "B*" | "b" | "b*" | "q" | "Q" | "sh" | "Do" | "Tr" => {
                (fill, stroke, font) = (true, true, true);
                continue;
            }
            "rg" => &mut fill,
            "RG" => &mut stroke,
            "Tf" => &mut font,
            _ => continue,
        };
        keep[i] = *needed;
        *needed = false;
    }
    let mut index = 0;
    ops.retain(|_| {
        index += 1;
        keep[index - 1]
    });
}

/// A `TJ` of a single string, with nothing to adjust, is written as the shorter `Tj`.
fn plain_show(op: &mut Operation) {
    if op.operator == "TJ"
        && let Some(Object::Array(items)) = op.operands.first()
        && let [Object::String(..)] = items.as_slice()
        && let Some(Object::Array(mut items)) = op.operands.pop()
    {
        op.operator = "Tj".into();
        op.operands = vec![items.remove(0)];
    }
}

/// genpdf 0.2 passes the text leading (`TL`) in millimetres where PDF expects points; the
/// handout moves from line to line by the leading, so it is converted.
fn fix_leading(op: &mut Operation) {
    if let Some(value) = op.operands.first_mut() {
        let mm = match value {
            Object::Real(r) => f64::from(*r),
            Object::Integer(i) => *i as f64,
            _ => return,
        };
        *value = Object::Real(((mm * PT * 1000.0).round() / 1000.0) as f32);
    }
}

fn is_path_construction(op: &str) -> bool {
    matches!(op, "m" | "l" | "c" | "v" | "y" | "h" | "re")
}

fn is_path_painting(op: &str) -> bool {
    matches!(
        op,
        "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n"
    )
}

fn op(operator: &str, operands: Vec<Object>) -> Operation {
    Operation::new(operator, operands)
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// The operator that opens marked content for a draw.
fn begin(marked: Marked) -> Operation {
    match marked {
        Marked::Content { mcid, role } => op(
            "BDC",
            vec![
                name(role.name()),
                Object::Dictionary(Dictionary::from_iter(vec![(
                    "MCID",
                    Object::Integer(i64::from(mcid)),
                )])),
            ],
        ),
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

/// The `TJ` arrays for a run of glyphs: strings of codes, with the kerning between them. A
/// soft hyphen at the end goes in an array of its own, so that it can be marked.
fn show(fonts: &Fonts, style: FontStyle, glyphs: &[(i16, u16)]) -> Result<Object, PostError> {
    let mut items = Vec::new();
    let mut current = Vec::new();
    for &(kern, glyph) in glyphs {
        if kern != 0 {
            if !current.is_empty() {
                items.push(string(std::mem::take(&mut current)));
            }
            items.push(Object::Integer(i64::from(kern)));
        }
        fonts
            .push_code(style, glyph, &mut current)
            .ok_or_else(|| PostError(format!("glyph {glyph} is not in the subset")))?;
    }
    if !current.is_empty() {
        items.push(string(current));
    }
    Ok(Object::Array(items))
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
    for mut o in ops {
        match o.operator.as_str() {
            "TL" => fix_leading(&mut o),
            "Tf" => {
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
                    glyphs,
                    marked,
                    soft_hyphen,
                }) = draws.next()
                else {
                    return Err(mismatch("more text than was recorded"));
                };
                if font_style != Some(*style) {
                    return Err(mismatch("text in another font than was recorded"));
                }
                if open != Some(*marked) {
                    if open.take().is_some() {
                        out.push(op("EMC", vec![]));
                    }
                    out.push(begin(*marked));
                    open = Some(*marked);
                }
                let split = match soft_hyphen {
                    Some(_) => glyphs.len().saturating_sub(1),
                    None => glyphs.len(),
                };
                if split > 0 {
                    out.push(op("TJ", vec![show(fonts, *style, &glyphs[..split])?]));
                }
                if let (Some(mcid), Marked::Content { role, .. }) = (soft_hyphen, marked) {
                    // A hyphen added at a line break is a soft hyphen, not part of the word:
                    // marked content of its own that says so.
                    if open.take().is_some() {
                        out.push(op("EMC", vec![]));
                    }
                    let props = Dictionary::from_iter(vec![
                        ("MCID", Object::Integer(i64::from(*mcid))),
                        ("ActualText", text_string("\u{ad}")),
                    ]);
                    out.push(op(
                        "BDC",
                        vec![name(role.name()), Object::Dictionary(props)],
                    ));
                    out.push(op("TJ", vec![show(fonts, *style, &glyphs[split..])?]));
                    out.push(op("EMC", vec![]));
                }
                continue;
            }
            operator if is_path_construction(operator) && !in_path => {
                let Some(Draw::Path { marked, fill }) = draws.next() else {
                    return Err(mismatch("a line that was not recorded"));
                };
                out.push(begin(*marked));
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

/// Gives the embedded fonts their names of [`FONT_NAMES`] in the resources of these pages,
/// as the rewritten content calls them.
fn rename_fonts(doc: &mut Document, pages: &[ObjectId], fonts: &Fonts) -> Result<(), PostError> {
    let mut done = std::collections::BTreeSet::new();
    for &page in pages {
        let Some(resources) = page_resources(doc, page, false)? else {
            continue;
        };
        let target = match resources.get(b"Font") {
            Ok(Object::Reference(id)) if !done.insert(*id) => continue,
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let font_dict = match target {
            Some(id) => doc.get_dictionary_mut(id).map_err(err("a page's fonts"))?,
            None => match page_resources(doc, page, false)?
                .and_then(|r| r.get_mut(b"Font").ok())
                .and_then(|f| f.as_dict_mut().ok())
            {
                Some(dict) => dict,
                None => continue,
            },
        };
        let renamed: Vec<(Vec<u8>, Object)> = std::mem::take(font_dict)
            .into_iter()
            .map(|(name, value)| {
                let style = value
                    .as_reference()
                    .ok()
                    .and_then(|id| fonts.styles.get(&id));
                match style {
                    Some(&style) => (FONT_NAMES[style.index()].as_bytes().to_vec(), value),
                    None => (name, value),
                }
            })
            .collect();
        for (name, value) in renamed {
            font_dict.set(name, value);
        }
    }
    Ok(())
}

/// A page's resources dictionary, whether the page holds it or refers to it; with `create`,
/// an empty one is added to a page that has none.
fn page_resources(
    doc: &mut Document,
    page: ObjectId,
    create: bool,
) -> Result<Option<&mut Dictionary>, PostError> {
    let shared = match doc.get_dictionary(page).and_then(|p| p.get(b"Resources")) {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    if let Some(id) = shared {
        return Ok(doc.get_dictionary_mut(id).ok());
    }
    let page = doc
        .get_dictionary_mut(page)
        .map_err(err("finding a page"))?;
    if create && page.get(b"Resources").is_err() {
        page.set("Resources", Dictionary::new());
    }
    Ok(page
        .get_mut(b"Resources")
        .ok()
        .and_then(|r| r.as_dict_mut().ok()))
}

/// Names an image in a page's resources.
fn add_xobject(
    doc: &mut Document,
    page: ObjectId,
    key: &str,
    image: ObjectId,
) -> Result<(), PostError> {
    let resources = page_resources(doc, page, true)?
        .ok_or_else(|| PostError("a page's resources are not a dictionary".into()))?;
    if resources.get(b"XObject").is_err() {
        resources.set("XObject", Dictionary::new());
    }
    resources
        .get_mut(b"XObject")
        .and_then(Object::as_dict_mut)
        .map_err(err("finding the page's images"))?
        .set(key, Object::Reference(image));
    Ok(())
}

/// printpdf puts every page's content in an optional-content layer ("Layer 1"), which some
/// viewers list in a layers panel; a handout has no use for it. The content streams lose their
/// layer markers in [`rewrite`]; this removes the layer definitions.
pub(super) fn drop_layers(doc: &mut Document) {
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.remove(b"OCProperties");
    }
    for page in doc.get_pages().into_values() {
        if let Ok(Some(resources)) = page_resources(doc, page, false) {
            resources.remove(b"Properties");
        }
    }
}

#[cfg(test)]
mod tests;
