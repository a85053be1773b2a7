//! Post-processing genpdf's output with lopdf: what genpdf 0.2 cannot do itself.
//!
//! - Standard-font text is written as two bytes a character (`<0043>`); it becomes one.
//! - Embedded fonts are subset to the glyphs used, with widths and `/ToUnicode` rebuilt.
//! - Document metadata in UTF-16, the language, a two-level outline opened by default, clickable
//!   contents entries, citations and addresses, and exactly the requested paper size.
//! - Streams are compressed and objects packed into object streams.
//! - Dates come from the options and `/ID` from a hash of the content, so the same input always
//!   gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::elements::{AnchorMark, LinkMark};
use super::layout::Target;

/// Millimetres to points.
const PT: f64 = 72.0 / 25.4;

/// What the post-processing needs to know about the document.
pub(super) struct Finish<'a> {
    pub(super) title: &'a str,
    pub(super) author: &'a str,
    pub(super) subject: &'a str,
    pub(super) keywords: &'a str,
    pub(super) language: &'a str,
    pub(super) creator: &'a str,
    /// Seconds since the Unix epoch, for the creation and modification dates.
    pub(super) timestamp: i64,
    /// The paper size in points.
    pub(super) paper_pt: (f64, f64),
    pub(super) paper_mm: (f64, f64),
    pub(super) anchors: &'a [AnchorMark],
    pub(super) links: &'a [LinkMark],
    /// In embedded mode, the characters drawn in each style (regular, bold, italic, bold
    /// italic), to rebuild `/ToUnicode` after subsetting.
    pub(super) embedded: Option<&'a [BTreeSet<char>; 4]>,
}

/// Why post-processing failed: a problem in genpdf's output that should never happen.
#[derive(Debug, thiserror::Error)]
#[error("cannot post-process the PDF: {0}")]
pub(super) struct PostError(String);

fn err(context: &str) -> impl Fn(lopdf::Error) -> PostError + '_ {
    move |e| PostError(format!("{context}: {e}"))
}

/// Applies every step and returns the final bytes.
pub(super) fn finish(raw: &[u8], f: &Finish<'_>) -> Result<Vec<u8>, PostError> {
    let mut doc = Document::load_mem(raw).map_err(err("reading genpdf's output"))?;
    let mut hash = Sha256::new();
    match f.embedded {
        None => fix_standard_codes(&mut doc, &mut hash)?,
        Some(chars) => subset_fonts(&mut doc, chars, &mut hash)?,
    }
    drop_layers(&mut doc);
    set_paper(&mut doc, f.paper_pt);
    let pages = doc.get_pages();
    add_outline(&mut doc, &pages, f)?;
    add_links(&mut doc, &pages, f)?;
    set_metadata(&mut doc, f, &mut hash)?;
    doc.prune_objects();
    doc.renumber_objects();
    doc.compress();
    let digest = hash.finalize();
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(9)
        .build();
    doc.save_with_options(&mut out, options)
        .map_err(|e| PostError(format!("writing the PDF: {e}")))?;
    Ok(out)
}

/// Every content stream of every page, in page order: (page, stream).
fn content_streams(doc: &Document) -> Vec<(ObjectId, ObjectId)> {
    doc.get_pages()
        .into_values()
        .flat_map(|page| {
            doc.get_page_contents(page)
                .into_iter()
                .map(move |id| (page, id))
        })
        .collect()
}

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

/// Decodes one content stream. Pages are decoded one at a time, so a document of a thousand
/// pages never has all of its pages decoded at once.
fn decode(doc: &Document, id: ObjectId) -> Result<Content, PostError> {
    let data = stream_bytes(doc, id, "reading a page")?;
    Content::decode(&data).map_err(err("decoding a page"))
}

fn is_text_op(op: &str) -> bool {
    matches!(op, "Tj" | "TJ" | "'" | "\"")
}

/// Calls `f` on every string operand of a text-showing operation.
fn strings_mut(object: &mut Object, f: &mut dyn FnMut(&mut Vec<u8>)) {
    match object {
        Object::String(bytes, _) => f(bytes),
        Object::Array(items) => items.iter_mut().for_each(|o| strings_mut(o, f)),
        _ => {}
    }
}

/// Removes printpdf's optional-content layer around a page's content: the `/OC … BDC` that
/// opens it and the last `EMC`, which closes it.
fn strip_layer(content: &mut Content) {
    let open = content.operations.iter().position(|op| {
        op.operator == "BDC"
            && op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"OC".as_slice())
    });
    if let Some(open) = open
        && let Some(close) = content
            .operations
            .iter()
            .rposition(|op| op.operator == "EMC")
        && close > open
    {
        content.operations.remove(close);
        content.operations.remove(open);
    }
}

/// printpdf writes every character as its own string in a `TJ` array; adjacent strings with
/// no kerning between them are one string.
fn merge_strings(content: &mut Content) {
    for op in content
        .operations
        .iter_mut()
        .filter(|op| op.operator == "TJ")
    {
        if let Some(Object::Array(items)) = op.operands.first_mut() {
            let mut merged: Vec<Object> = Vec::with_capacity(items.len());
            for item in items.drain(..) {
                match (merged.last_mut(), item) {
                    (Some(Object::String(last, _)), Object::String(next, _)) => {
                        last.extend_from_slice(&next)
                    }
                    (_, item) => merged.push(item),
                }
            }
            *items = merged;
        }
    }
}

/// Drops operations that set what is already in effect: a fill or stroke color, a font, and
/// the text leading when nothing moves by it. Colors and text state last until `Q` restores
/// an earlier state, so they are tracked through `q` and `Q`.
fn drop_redundant_state(content: &mut Content) {
    #[derive(Clone, Default, PartialEq)]
    struct State {
        fill: Option<Vec<Object>>,
        stroke: Option<Vec<Object>>,
        font: Option<Vec<Object>>,
    }
    let uses_leading = content
        .operations
        .iter()
        .any(|op| matches!(op.operator.as_str(), "T*" | "'" | "\""));
    let mut state = State::default();
    let mut saved: Vec<State> = Vec::new();
    content.operations.retain(|op| {
        let slot = match op.operator.as_str() {
            "q" => {
                saved.push(state.clone());
                return true;
            }
            "Q" => {
                state = saved.pop().unwrap_or_default();
                return true;
            }
            "TL" => return uses_leading,
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

/// genpdf 0.2 passes the text leading (`TL`) in millimetres where PDF expects points; the
/// handout moves from line to line by the leading, so it is converted.
fn fix_leading(content: &mut Content) {
    for op in content
        .operations
        .iter_mut()
        .filter(|op| op.operator == "TL")
    {
        if let Some(value) = op.operands.first_mut() {
            let mm = match value {
                Object::Real(r) => f64::from(*r),
                Object::Integer(i) => *i as f64,
                _ => continue,
            };
            *value = Object::Real(((mm * PT * 1000.0).round() / 1000.0) as f32);
        }
    }
}

fn write_content(
    doc: &mut Document,
    id: ObjectId,
    content: &mut Content,
    hash: &mut Sha256,
) -> Result<(), PostError> {
    strip_layer(content);
    fix_leading(content);
    merge_strings(content);
    drop_redundant_state(content);
    // Whole numbers are shorter written as integers (`10 Tf`, not `10.0 Tf`).
    for op in &mut content.operations {
        for operand in &mut op.operands {
            if let Object::Real(r) = operand
                && r.fract() == 0.0
                && r.abs() < 1e9
            {
                *operand = Object::Integer(*r as i64);
            }
        }
    }
    let bytes = content.encode().map_err(err("encoding a page"))?;
    hash.update(&bytes);
    let stream = doc
        .get_object_mut(id)
        .and_then(Object::as_stream_mut)
        .map_err(err("writing a page"))?;
    stream.dict.remove(b"Filter");
    stream.set_plain_content(bytes);
    Ok(())
}

/// printpdf writes each character of a standard font as two bytes, the first zero; the
/// standard fonts use one byte a character.
fn fix_standard_codes(doc: &mut Document, hash: &mut Sha256) -> Result<(), PostError> {
    for (_, id) in content_streams(doc) {
        let mut content = decode(doc, id)?;
        for op in &mut content.operations {
            if is_text_op(&op.operator) {
                for operand in &mut op.operands {
                    strings_mut(operand, &mut |bytes| {
                        if bytes.len() % 2 == 0 && bytes.iter().step_by(2).all(|&b| b == 0) {
                            *bytes = bytes.iter().skip(1).step_by(2).copied().collect();
                        }
                    });
                }
            }
        }
        write_content(doc, id, &mut content, hash)?;
    }
    Ok(())
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

/// Subsets each embedded font to the glyphs the pages use, renumbering the glyphs.
fn subset_fonts(
    doc: &mut Document,
    chars: &[BTreeSet<char>; 4],
    hash: &mut Sha256,
) -> Result<(), PostError> {
    let files = super::fonts::font_files();
    let streams = content_streams(doc);
    // The glyphs each font object draws.
    let mut used: BTreeMap<ObjectId, BTreeSet<u16>> = BTreeMap::new();
    for &(page, id) in &streams {
        let content = decode(doc, id)?;
        let fonts = page_fonts(doc, page);
        let mut current = None;
        for op in &content.operations {
            if op.operator == "Tf" {
                current = op
                    .operands
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| fonts.get(n))
                    .copied();
            } else if is_text_op(&op.operator)
                && let Some(font) = current
            {
                let set = used.entry(font).or_default();
                for operand in &op.operands {
                    let mut operand = operand.clone();
                    strings_mut(&mut operand, &mut |bytes| {
                        set.extend(
                            bytes
                                .chunks(2)
                                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])),
                        );
                    });
                }
            }
        }
    }
    let type0: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict()
                .ok()
                .and_then(|d| d.get(b"Subtype").ok())
                .and_then(|s| s.as_name().ok())
                == Some(b"Type0".as_slice())
        })
        .map(|(id, _)| *id)
        .collect();
    let mut maps: BTreeMap<ObjectId, BTreeMap<u16, u16>> = BTreeMap::new();
    for font_id in type0 {
        let font = doc
            .get_dictionary(font_id)
            .map_err(err("reading a font"))?
            .clone();
        let base = font
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map_err(err("a font's name"))?
            .to_vec();
        // printpdf puts the descendant font inline; a reference is accepted too.
        let mut descendant = match font.get(b"DescendantFonts") {
            Ok(Object::Array(items)) => match items.first() {
                Some(Object::Dictionary(d)) => Some(d.clone()),
                Some(Object::Reference(id)) => doc.get_dictionary(*id).ok().cloned(),
                _ => None,
            },
            _ => None,
        }
        .ok_or_else(|| PostError("a font without a descendant font".into()))?;
        let descriptor = descendant
            .get(b"FontDescriptor")
            .and_then(Object::as_reference)
            .map_err(err("a font descriptor"))?;
        let file = doc
            .get_dictionary(descriptor)
            .and_then(|d| d.get(b"FontFile2"))
            .and_then(Object::as_reference)
            .map_err(err("a font file"))?;
        // Which bundled style this is: the embedded file is one of the four, unchanged.
        let embedded = stream_bytes(doc, file, "a font file")?;
        let style = files
            .iter()
            .position(|f| *f == embedded.as_slice())
            .ok_or_else(|| PostError("an embedded font that is not a bundled one".into()))?;
        let face = ttf_parser::Face::parse(files[style], 0)
            .map_err(|e| PostError(format!("reading a bundled font: {e}")))?;
        let mut remapper = subsetter::GlyphRemapper::new();
        let mut map = BTreeMap::new();
        for &gid in used.get(&font_id).into_iter().flatten() {
            map.insert(gid, remapper.remap(gid));
        }
        let data = subsetter::subset(files[style], 0, &remapper)
            .map_err(|e| PostError(format!("subsetting a font: {e:?}")))?;
        let tag: String = Sha256::digest(&data)[..6]
            .iter()
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        let postscript = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| String::from_utf8_lossy(&base).into_owned());
        let name = format!("{tag}+{postscript}").into_bytes();
        // Widths of the new glyphs, in thousandths of an em.
        let upem = f64::from(face.units_per_em());
        let mut widths = vec![0i64; usize::from(remapper.num_gids())];
        widths[0] = face
            .glyph_hor_advance(ttf_parser::GlyphId(0))
            .map_or(0, |w| (f64::from(w) * 1000.0 / upem).round() as i64);
        for (&old, &new) in &map {
            let w = face
                .glyph_hor_advance(ttf_parser::GlyphId(old))
                .unwrap_or(0);
            widths[usize::from(new)] = (f64::from(w) * 1000.0 / upem).round() as i64;
        }
        // Characters back from the glyphs, for copying and searching text.
        let mut unicode: BTreeMap<u16, char> = BTreeMap::new();
        for &c in &chars[style] {
            if let Some(new) = face.glyph_index(c).and_then(|g| map.get(&g.0)) {
                unicode.entry(*new).or_insert(c);
            }
        }
        hash.update(&name);
        let length = data.len() as i64;
        doc.objects.insert(
            file,
            Object::Stream(Stream::new(
                Dictionary::from_iter(vec![("Length1", Object::Integer(length))]),
                data,
            )),
        );
        let d = doc
            .get_dictionary_mut(descriptor)
            .map_err(err("a font descriptor"))?;
        d.set("FontName", Object::Name(name.clone()));
        descendant.set("BaseFont", Object::Name(name.clone()));
        descendant.set(
            "W",
            Object::Array(vec![
                Object::Integer(0),
                Object::Array(widths.into_iter().map(Object::Integer).collect()),
            ]),
        );
        let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode_cmap(&unicode)));
        let d = doc.get_dictionary_mut(font_id).map_err(err("a font"))?;
        d.set("BaseFont", Object::Name(name));
        d.set("ToUnicode", Object::Reference(to_unicode));
        d.set(
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(descendant)]),
        );
        maps.insert(font_id, map);
    }
    for &(page, id) in &streams {
        let mut content = decode(doc, id)?;
        let fonts = page_fonts(doc, page);
        let mut current = None;
        for op in &mut content.operations {
            if op.operator == "Tf" {
                current = op
                    .operands
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| fonts.get(n))
                    .and_then(|id| maps.get(id));
            } else if is_text_op(&op.operator)
                && let Some(map) = current
            {
                for operand in &mut op.operands {
                    strings_mut(operand, &mut |bytes| {
                        *bytes = bytes
                            .chunks(2)
                            .flat_map(|c| {
                                let old = u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]);
                                map.get(&old).copied().unwrap_or(0).to_be_bytes()
                            })
                            .collect();
                    });
                }
            }
        }
        write_content(doc, id, &mut content, hash)?;
    }
    Ok(())
}

/// A `/ToUnicode` CMap for two-byte glyph codes.
fn to_unicode_cmap(map: &BTreeMap<u16, char>) -> Vec<u8> {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = map.iter().collect();
    for chunk in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (gid, c) in chunk {
            let utf16: String = c
                .encode_utf16(&mut [0; 2])
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            cmap.push_str(&format!("<{gid:04X}> <{utf16}>\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap.into_bytes()
}

/// printpdf puts every page's content in an optional-content layer ("Layer 1"), which some
/// viewers list in a layers panel; a handout has no use for it. The content streams lose their
/// layer markers in [`strip_layer`]; this removes the layer definitions.
fn drop_layers(doc: &mut Document) {
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.remove(b"OCProperties");
    }
    for page in doc.get_pages().into_values() {
        let resources = match doc.get_dictionary(page).and_then(|p| p.get(b"Resources")) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let dict = match resources {
            Some(id) => doc.get_dictionary_mut(id).ok(),
            None => doc
                .get_dictionary_mut(page)
                .ok()
                .and_then(|p| p.get_mut(b"Resources").ok())
                .and_then(|r| r.as_dict_mut().ok()),
        };
        if let Some(dict) = dict {
            dict.remove(b"Properties");
        }
    }
}

/// Sets every page to exactly the paper size (genpdf rounds it through millimetres).
fn set_paper(doc: &mut Document, (w, h): (f64, f64)) {
    let media = Object::Array(vec![
        Object::Integer(0),
        Object::Integer(0),
        Object::Real(w as f32),
        Object::Real(h as f32),
    ]);
    for page in doc.get_pages().into_values() {
        if let Ok(page) = doc.get_dictionary_mut(page) {
            page.set("MediaBox", media.clone());
            page.remove(b"TrimBox");
            page.remove(b"CropBox");
        }
    }
}

/// A PDF text string: PDFDocEncoding when ASCII, otherwise UTF-16BE with a byte order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A PDF date, `D:YYYYMMDDHHmmSSZ`, from seconds since the Unix epoch (UTC).
pub(super) fn pdf_date(seconds: i64) -> String {
    let (year, month, day, hour, minute, second) = crate::time::civil(seconds);
    format!("D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z")
}

fn set_metadata(doc: &mut Document, f: &Finish<'_>, hash: &mut Sha256) -> Result<(), PostError> {
    let date = pdf_date(f.timestamp);
    let mut info = Dictionary::new();
    for (key, value) in [
        ("Title", f.title),
        ("Author", f.author),
        ("Subject", f.subject),
        ("Keywords", f.keywords),
        ("Creator", f.creator),
        ("Producer", "genpdf 0.2 and lopdf 0.47"),
        ("CreationDate", date.as_str()),
        ("ModDate", date.as_str()),
    ] {
        hash.update(key.as_bytes());
        hash.update(value.as_bytes());
        info.set(key, text_string(value));
    }
    let old = doc.trailer.get(b"Info").and_then(Object::as_reference).ok();
    if let Some(old) = old {
        doc.objects.remove(&old);
    }
    let info = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info));
    let catalog = doc.catalog_mut().map_err(err("the catalog"))?;
    catalog.remove(b"Metadata");
    catalog.set("Lang", text_string(f.language));
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    Ok(())
}

/// A length in points, rounded to hundredths: finer than any printer, and short to write.
fn points(mm: f64) -> Object {
    Object::Real(((mm * PT * 100.0).round() / 100.0) as f32)
}

/// A destination: the page, scrolled so the point `y` mm from the top is at the top.
fn destination(page: ObjectId, paper_mm: (f64, f64), y: f64) -> Object {
    Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        points(paper_mm.1 - y + 4.0 / PT),
        Object::Null,
    ])
}

/// A two-level outline (bookmarks) of the anchors with a level, shown when the file opens.
fn add_outline(
    doc: &mut Document,
    pages: &BTreeMap<u32, ObjectId>,
    f: &Finish<'_>,
) -> Result<(), PostError> {
    let marks: Vec<&AnchorMark> = f.anchors.iter().filter(|a| a.level.is_some()).collect();
    if marks.is_empty() {
        return Ok(());
    }
    // Top-level entries with their children.
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, mark) in marks.iter().enumerate() {
        match tree.last_mut() {
            Some((_, children)) if mark.level == Some(2) => children.push(i),
            _ => tree.push((i, Vec::new())),
        }
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| doc.new_object_id()).collect();
    let entry = |i: usize,
                 parent: ObjectId,
                 prev: Option<usize>,
                 next: Option<usize>,
                 children: &[usize]| {
        let mark = marks[i];
        let mut d = Dictionary::new();
        d.set("Title", text_string(&mark.title));
        d.set("Parent", Object::Reference(parent));
        if let Some(p) = prev {
            d.set("Prev", Object::Reference(ids[p]));
        }
        if let Some(n) = next {
            d.set("Next", Object::Reference(ids[n]));
        }
        if let (Some(first), Some(last)) = (children.first(), children.last()) {
            d.set("First", Object::Reference(ids[*first]));
            d.set("Last", Object::Reference(ids[*last]));
            // Negative: closed, so the outline opens showing the sections.
            d.set("Count", Object::Integer(-(children.len() as i64)));
        }
        let page = pages.get(&(mark.page as u32)).copied();
        if let Some(page) = page {
            d.set("Dest", destination(page, f.paper_mm, mark.y));
        }
        d
    };
    let mut entries = Vec::new();
    for (t, (i, children)) in tree.iter().enumerate() {
        let prev = t.checked_sub(1).map(|p| tree[p].0);
        let next = tree.get(t + 1).map(|n| n.0);
        entries.push((ids[*i], entry(*i, root, prev, next, children)));
        for (c, child) in children.iter().enumerate() {
            let prev = c.checked_sub(1).map(|p| children[p]);
            let next = children.get(c + 1).copied();
            entries.push((ids[*child], entry(*child, ids[*i], prev, next, &[])));
        }
    }
    for (id, d) in entries {
        doc.objects.insert(id, Object::Dictionary(d));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    outlines.set("First", Object::Reference(ids[tree[0].0]));
    outlines.set("Last", Object::Reference(ids[tree[tree.len() - 1].0]));
    outlines.set("Count", Object::Integer(tree.len() as i64));
    doc.objects.insert(root, Object::Dictionary(outlines));
    let catalog = doc.catalog_mut().map_err(err("the catalog"))?;
    catalog.set("Outlines", Object::Reference(root));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    Ok(())
}

/// Link annotations for the contents entries, citations and addresses.
fn add_links(
    doc: &mut Document,
    pages: &BTreeMap<u32, ObjectId>,
    f: &Finish<'_>,
) -> Result<(), PostError> {
    let anchors: BTreeMap<&str, &AnchorMark> =
        f.anchors.iter().map(|a| (a.id.as_str(), a)).collect();
    for link in f.links {
        let Some(&page) = pages.get(&(link.page as u32)) else {
            continue;
        };
        let (x, y, w, h) = link.rect;
        let mut annot = Dictionary::new();
        annot.set("Type", Object::Name(b"Annot".to_vec()));
        annot.set("Subtype", Object::Name(b"Link".to_vec()));
        annot.set(
            "Rect",
            Object::Array(
                [x, f.paper_mm.1 - y - h, x + w, f.paper_mm.1 - y]
                    .map(points)
                    .to_vec(),
            ),
        );
        annot.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
        match &link.target {
            Target::Uri(uri) => {
                let action = Dictionary::from_iter(vec![
                    ("S", Object::Name(b"URI".to_vec())),
                    ("URI", Object::string_literal(uri.as_str())),
                ]);
                annot.set("A", Object::Dictionary(action));
            }
            Target::Anchor(id) => {
                let Some(mark) = anchors.get(id.as_str()) else {
                    continue;
                };
                let Some(&dest) = pages.get(&(mark.page as u32)) else {
                    continue;
                };
                annot.set("Dest", destination(dest, f.paper_mm, mark.y));
            }
        }
        let annot = doc.add_object(annot);
        let page = doc.get_dictionary_mut(page).map_err(err("a page"))?;
        match page.get_mut(b"Annots") {
            Ok(Object::Array(list)) => list.push(Object::Reference(annot)),
            _ => page.set("Annots", Object::Array(vec![Object::Reference(annot)])),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        assert_eq!(pdf_date(1_795_392_000), "D:20261123000000Z");
        assert_eq!(pdf_date(951_782_400 + 3_661), "D:20000229010101Z");
    }

    #[test]
    fn text_strings() {
        assert_eq!(
            text_string("Guide"),
            Object::String(b"Guide".to_vec(), StringFormat::Literal)
        );
        assert_eq!(
            text_string("é"),
            Object::String(vec![0xFE, 0xFF, 0x00, 0xE9], StringFormat::Hexadecimal)
        );
    }
}
