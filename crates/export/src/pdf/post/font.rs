//! The embedded fonts: Liberation Sans, subset to the glyphs the pages draw.
//!
//! Each style drawn becomes a `Type0` font over a `CIDFontType2` with the subset TrueType
//! program, widths equal to the glyph advances and a `/ToUnicode` map for every code used.
//! The subset's glyphs are numbered from 0 (`.notdef`) in the order of their old numbers, and a
//! glyph's code is its new number. A style that draws at most 256 glyphs takes one byte a
//! code, through a small embedded CMap (code = CID = glyph); a larger one takes two
//! (`Identity-H`). The standard fonts genpdf wrote are replaced where they are, so the pages'
//! resources keep their names.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::PostError;
use crate::pdf::fonts;
use crate::pdf::record::{Draw, FontStyle};

/// How the glyphs of each style are written.
#[derive(Debug, Default)]
pub(super) struct Fonts {
    /// By style: the code of each glyph drawn, indexed by its number in the bundled font.
    codes: [Vec<Option<u16>>; 4],
    /// By style: whether a code is one byte.
    one_byte: [bool; 4],
    /// The style of each font object.
    pub(super) styles: BTreeMap<ObjectId, FontStyle>,
}

impl Fonts {
    /// Appends the bytes of a glyph's code; `None` for a glyph not in the subset (a bug).
    pub(super) fn push_code(&self, style: FontStyle, glyph: u16, out: &mut Vec<u8>) -> Option<()> {
        let code = (*self.codes[style.index()].get(usize::from(glyph))?)?;
        if self.one_byte[style.index()] {
            out.push(code as u8);
        } else {
            out.extend_from_slice(&code.to_be_bytes());
        }
        Some(())
    }
}

/// The CMap of one-byte codes: each code is the CID of the same number.
const ONE_BYTE_CMAP: &str = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n\
/CMapName /MHTGuide-OneByte def\n/CMapType 1 def\n\
1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
1 begincidrange\n<00> <FF> 0\nendcidrange\n\
endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

fn cid_system_info() -> Dictionary {
    Dictionary::from_iter(vec![
        ("Registry", Object::string_literal("Adobe")),
        ("Ordering", Object::string_literal("Identity")),
        ("Supplement", Object::Integer(0)),
    ])
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// A `/ToUnicode` CMap for codes of one or two bytes. Runs of codes that map to runs of
/// characters (a–z, 0–9, in the font's order) are written as ranges (`bfrange`), the rest
/// one by one (`bfchar`).
fn to_unicode_cmap(map: &BTreeMap<u16, char>, one_byte: bool) -> Vec<u8> {
    let (range, width) = if one_byte {
        ("<00> <FF>", 2)
    } else {
        ("<0000> <FFFF>", 4)
    };
    let mut cmap = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n{range}\nendcodespacerange\n"
    );
    // Runs of (first code, first character, length). A range may not cross a change of the
    // code's or the character's last byte but the last (ISO 32000-1, 9.10.3), so a run ends
    // there, and only characters of one UTF-16 unit run on.
    let mut runs: Vec<(u16, char, u16)> = Vec::new();
    for (&code, &c) in map {
        if let Some((first, start, len)) = runs.last_mut()
            && u32::from(*first) + u32::from(*len) == u32::from(code)
            && *start as u32 + u32::from(*len) == c as u32
            && code & 0xFF != 0
            && (c as u32) & 0xFF != 0
            && (c as u32) < 0x1_0000
            && !(0xD800..0xE000).contains(&(c as u32))
        {
            *len += 1;
        } else {
            runs.push((code, c, 1));
        }
    }
    let utf16 = |c: char| -> String {
        c.encode_utf16(&mut [0; 2])
            .iter()
            .map(|u| format!("{u:04X}"))
            .collect()
    };
    let (ranges, singles): (Vec<_>, Vec<_>) = runs.iter().partition(|(_, _, len)| *len > 1);
    for chunk in ranges.chunks(100) {
        cmap.push_str(&format!("{} beginbfrange\n", chunk.len()));
        for (code, c, len) in chunk {
            let last = code + len - 1;
            cmap.push_str(&format!(
                "<{code:0width$X}> <{last:0width$X}> <{}>\n",
                utf16(*c)
            ));
        }
        cmap.push_str("endbfrange\n");
    }
    for chunk in singles.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (code, c, _) in chunk {
            cmap.push_str(&format!("<{code:0width$X}> <{}>\n", utf16(*c)));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap.into_bytes()
}

/// Font units to thousandths of an em.
fn thousandths(value: f64, units_per_em: f64) -> i64 {
    (value * 1000.0 / units_per_em).round() as i64
}

/// Embeds a subset of each style the pages draw, in place of the standard font genpdf named
/// for it; a standard font no text uses is taken out of the pages' resources.
pub(super) fn embed(
    doc: &mut Document,
    draws: &[Vec<Draw>],
    unicode: &[BTreeMap<u16, char>; 4],
    hash: &mut Sha256,
) -> Result<Fonts, PostError> {
    let mut used: [BTreeSet<u16>; 4] = Default::default();
    for draw in draws.iter().flatten() {
        if let Draw::Text { style, glyphs, .. } = draw {
            used[style.index()].extend(glyphs.iter().map(|&(_, g)| g));
        }
    }
    let mut out = Fonts::default();
    // The standard fonts genpdf wrote, by style.
    for (&id, object) in &doc.objects {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        if let Some(style) = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .ok()
            .and_then(fonts::style_of)
        {
            out.styles.insert(id, style);
        }
    }
    let mut one_byte_cmap = None;
    let files = fonts::font_files();
    let faces = fonts::faces();
    for (&font_id, &style) in &out.styles {
        if used[style.index()].is_empty() {
            continue;
        }
        let face = faces[style.index()]
            .as_ref()
            .ok_or_else(|| PostError("a bundled font does not parse".into()))?;
        let mut remapper = subsetter::GlyphRemapper::new();
        let codes: BTreeMap<u16, u16> = used[style.index()]
            .iter()
            .map(|&g| (g, remapper.remap(g)))
            .collect();
        let data = subsetter::subset(files[style.index()], 0, &remapper)
            .map_err(|e| PostError(format!("subsetting a font: {e:?}")))?;
        let data = super::truetype::unhinted(&data).unwrap_or(data);
        let one_byte = remapper.num_gids() <= 256;
        let tag: String = Sha256::digest(&data)[..6]
            .iter()
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        let postscript = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| "LiberationSans".to_owned());
        let base = format!("{tag}+{postscript}");
        hash.update(base.as_bytes());
        let upem = f64::from(face.units_per_em());
        let advance = |g: u16| {
            thousandths(
                f64::from(face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0)),
                upem,
            )
        };
        let mut widths = vec![0i64; usize::from(remapper.num_gids())];
        widths[0] = advance(0);
        for (&old, &new) in &codes {
            widths[usize::from(new)] = advance(old);
        }
        let mut to_unicode: BTreeMap<u16, char> = BTreeMap::new();
        for (old, c) in &unicode[style.index()] {
            if let Some(&new) = codes.get(old) {
                to_unicode.insert(new, *c);
            }
        }
        let file = doc.add_object(Stream::new(
            Dictionary::from_iter(vec![("Length1", Object::Integer(data.len() as i64))]),
            data,
        ));
        let bbox = face.global_bounding_box();
        let italic = style.is_italic();
        let mut flags = 32; // Nonsymbolic
        if italic {
            flags |= 64;
        }
        let descriptor = doc.add_object(Dictionary::from_iter(vec![
            ("Type", name("FontDescriptor")),
            ("FontName", name(&base)),
            ("Flags", Object::Integer(flags)),
            (
                "FontBBox",
                Object::Array(
                    [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max]
                        .map(|v| Object::Integer(thousandths(f64::from(v), upem)))
                        .to_vec(),
                ),
            ),
            ("ItalicAngle", Object::Real(face.italic_angle())),
            (
                "Ascent",
                Object::Integer(thousandths(f64::from(face.ascender()), upem)),
            ),
            (
                "Descent",
                Object::Integer(thousandths(f64::from(face.descender()), upem)),
            ),
            (
                "CapHeight",
                Object::Integer(thousandths(
                    f64::from(face.capital_height().unwrap_or(face.ascender())),
                    upem,
                )),
            ),
            (
                "StemV",
                Object::Integer(if style.is_bold() { 140 } else { 80 }),
            ),
            ("FontFile2", Object::Reference(file)),
        ]));
        let descendant = Dictionary::from_iter(vec![
            ("Type", name("Font")),
            ("Subtype", name("CIDFontType2")),
            ("BaseFont", name(&base)),
            ("CIDSystemInfo", Object::Dictionary(cid_system_info())),
            ("FontDescriptor", Object::Reference(descriptor)),
            (
                "W",
                Object::Array(vec![
                    Object::Integer(0),
                    Object::Array(widths.into_iter().map(Object::Integer).collect()),
                ]),
            ),
            ("CIDToGIDMap", name("Identity")),
        ]);
        let descendant = doc.add_object(descendant);
        let encoding = if one_byte {
            let cmap = *one_byte_cmap.get_or_insert_with(|| {
                doc.add_object(Stream::new(
                    Dictionary::from_iter(vec![
                        ("Type", name("CMap")),
                        ("CMapName", name("MHTGuide-OneByte")),
                        ("CIDSystemInfo", Object::Dictionary(cid_system_info())),
                    ]),
                    ONE_BYTE_CMAP.as_bytes().to_vec(),
                ))
            });
            Object::Reference(cmap)
        } else {
            name("Identity-H")
        };
        let to_unicode = doc.add_object(Stream::new(
            Dictionary::new(),
            to_unicode_cmap(&to_unicode, one_byte),
        ));
        doc.objects.insert(
            font_id,
            Object::Dictionary(Dictionary::from_iter(vec![
                ("Type", name("Font")),
                ("Subtype", name("Type0")),
                ("BaseFont", name(&base)),
                ("Encoding", encoding),
                (
                    "DescendantFonts",
                    Object::Array(vec![Object::Reference(descendant)]),
                ),
                ("ToUnicode", Object::Reference(to_unicode)),
            ])),
        );
        let mut dense = vec![None; codes.keys().last().map_or(0, |&g| usize::from(g) + 1)];
        for (&old, &new) in &codes {
            dense[usize::from(old)] = Some(new);
        }
        out.codes[style.index()] = dense;
        out.one_byte[style.index()] = one_byte;
    }
    // The standard fonts no text uses leave the pages' resources.
    let unused: BTreeSet<ObjectId> = out
        .styles
        .iter()
        .filter(|(_, style)| used[style.index()].is_empty())
        .map(|(id, _)| *id)
        .collect();
    if !unused.is_empty() {
        remove_fonts(doc, &unused);
    }
    Ok(out)
}

/// Removes the fonts from every font resource dictionary that names them: only those refer
/// to a font object, directly or from a resource dictionary within.
fn remove_fonts(doc: &mut Document, fonts: &BTreeSet<ObjectId>) {
    fn prune(dict: &mut Dictionary, fonts: &BTreeSet<ObjectId>) {
        let names: Vec<Vec<u8>> = dict
            .iter()
            .filter(|(_, v)| matches!(v, Object::Reference(r) if fonts.contains(r)))
            .map(|(k, _)| k.clone())
            .collect();
        for n in names {
            dict.remove(&n);
        }
        for (_, value) in dict.iter_mut() {
            if let Object::Dictionary(inner) = value {
                prune(inner, fonts);
            }
        }
    }
    for object in doc.objects.values_mut() {
        if let Object::Dictionary(dict) = object {
            prune(dict, fonts);
        }
    }
    for id in fonts {
        doc.objects.remove(id);
    }
}

/// A string operand for a text-showing operator.
pub(super) fn string(bytes: Vec<u8>) -> Object {
    Object::String(bytes, StringFormat::Literal)
}
