//! The embedded fonts: Liberation Sans and any other face drawn, subset to the glyphs the
//! pages draw.
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
use crate::pdf::fonts::{self, Face, FontId, FontSet};
use crate::pdf::record::{Draw, FontStyle};

/// How the glyphs of each face are written.
#[derive(Debug, Default)]
pub(super) struct Fonts {
    /// By face: the code of each glyph drawn, indexed by its number in the face.
    codes: Vec<Vec<Option<u16>>>,
    /// By face: whether a code is one byte.
    one_byte: Vec<bool>,
    /// By face: the codes of glyphs written through a mapping variant other than the first,
    /// by glyph and variant, in a face whose variants share one font (TrueType: several
    /// codes may name one glyph).
    shared: Vec<rustc_hash::FxHashMap<(u16, u16), u16>>,
    /// By face: whether each mapping variant is a font of its own (CFF, whose codes are its
    /// glyphs).
    separate: Vec<bool>,
    /// The style of each of genpdf's font objects.
    pub(super) styles: BTreeMap<ObjectId, FontStyle>,
    /// The font objects genpdf knows nothing of, by face and mapping variant.
    pub(super) added: BTreeMap<(FontId, u16), ObjectId>,
}

impl Fonts {
    /// The font object a glyph of a face is written in, by face and mapping variant.
    pub(super) fn object(&self, font: FontId, variant: u16) -> (FontId, u16) {
        match self.separate.get(font.index()) {
            Some(true) => (font, variant),
            _ => (font, 0),
        }
    }

    /// Appends the bytes of a glyph's code; `None` for a glyph not in the subset (a bug).
    pub(super) fn push_code(
        &self,
        font: FontId,
        glyph: u16,
        variant: u16,
        out: &mut Vec<u8>,
    ) -> Option<()> {
        let code = if variant == 0 || self.separate[font.index()] {
            (*self.codes.get(font.index())?.get(usize::from(glyph))?)?
        } else {
            *self.shared[font.index()].get(&(glyph, variant))?
        };
        if self.one_byte[font.index()] {
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
fn to_unicode_cmap(map: &BTreeMap<u16, String>, one_byte: bool) -> Vec<u8> {
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
    // Glyphs that stand for more than one character (a ligature, a conjunct) one by one.
    let mut many: Vec<(u16, &str)> = Vec::new();
    for (&code, text) in map {
        let mut chars = text.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            if !text.is_empty() {
                many.push((code, text));
            }
            continue;
        };
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
    let mut singles: Vec<(u16, String)> = singles
        .into_iter()
        .map(|(code, c, _)| (code, utf16(c)))
        .collect();
    singles.extend(
        many.into_iter()
            .map(|(code, text)| (code, text.chars().map(utf16).collect())),
    );
    singles.sort();
    for chunk in singles.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (code, text) in chunk {
            cmap.push_str(&format!("<{code:0width$X}> <{text}>\n"));
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

/// Embeds a subset of each face the pages draw: Liberation Sans's styles in place of the
/// standard fonts genpdf named for them, and any other face as a font object of its own. A
/// standard font no text uses is taken out of the pages' resources.
pub(super) fn embed(
    doc: &mut Document,
    draws: &[Vec<Draw>],
    unicode: &[Vec<BTreeMap<u16, String>>],
    set: &FontSet,
    hash: &mut Sha256,
) -> Result<Fonts, PostError> {
    let faces = set.len();
    let mut used: Vec<BTreeSet<u16>> = vec![BTreeSet::new(); faces];
    // Glyphs written through a mapping variant other than the first, by face.
    let mut varied: Vec<BTreeSet<(u16, u16)>> = vec![BTreeSet::new(); faces];
    for draw in draws.iter().flatten() {
        if let Draw::Text { runs, .. } = draw {
            for run in runs {
                used[run.font.index()].extend(run.glyphs.iter().map(|&(_, g)| g));
                if run.variant != 0 {
                    varied[run.font.index()]
                        .extend(run.glyphs.iter().map(|&(_, g)| (g, run.variant)));
                }
            }
        }
    }
    let mut out = Fonts {
        codes: vec![Vec::new(); faces],
        one_byte: vec![false; faces],
        shared: vec![Default::default(); faces],
        separate: (0..faces)
            .map(|i| set.face(FontId(i as u16)).is_cff())
            .collect(),
        ..Fonts::default()
    };
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
    let styles: Vec<(ObjectId, FontStyle)> = out.styles.iter().map(|(&i, &s)| (i, s)).collect();
    for index in 0..faces {
        let font = FontId(index as u16);
        if used[index].is_empty() {
            continue;
        }
        let face = set.face(font);
        let style = font.style();
        let italic = style.is_some_and(FontStyle::is_italic);
        let separate = out.separate[index];
        let extra: Vec<(u16, u16)> = if separate {
            Vec::new()
        } else {
            varied[index].iter().copied().collect()
        };
        let sub = subset(doc, &face, &used[index], &extra, italic, hash)?;
        let mut dense = vec![None; sub.codes.keys().last().map_or(0, |&g| usize::from(g) + 1)];
        for (&old, &new) in &sub.codes {
            dense[usize::from(old)] = Some(new);
        }
        out.codes[index] = dense;
        out.one_byte[index] = sub.one_byte;
        let variants = unicode.get(index).map_or(&[][..], Vec::as_slice);
        // What each code stands for, by font object: one object with every variant's codes,
        // or (CFF) one object a variant.
        let mut maps: Vec<BTreeMap<u16, String>> = Vec::new();
        for (variant, map) in variants.iter().enumerate() {
            let to_code = |(&old, text): (&u16, &String)| {
                let code = match variant {
                    0 => sub.codes.get(&old).copied(),
                    v => sub.extra.get(&(old, v as u16)).copied(),
                };
                code.map(|c| (c, text.clone()))
            };
            if separate || variant == 0 {
                maps.push(map.iter().filter_map(to_code).collect());
            } else if let Some(first) = maps.first_mut() {
                first.extend(map.iter().filter_map(to_code));
            }
        }
        out.shared[index] = sub.extra.iter().map(|(&key, &code)| (key, code)).collect();
        for (variant, map) in maps.iter().enumerate() {
            if map.is_empty() && variant > 0 {
                continue;
            }
            let dict = type0(doc, &sub, map, &mut one_byte_cmap);
            let genpdf = style
                .filter(|_| variant == 0)
                .and_then(|style| styles.iter().find(|(_, s)| *s == style));
            match genpdf {
                // Liberation Sans in a style takes the place of genpdf's standard font.
                Some(&(id, _)) => {
                    doc.objects.insert(id, Object::Dictionary(dict));
                }
                None => {
                    let id = doc.add_object(dict);
                    out.added.insert((font, variant as u16), id);
                }
            }
        }
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

/// A face's subset, embedded once however many `Type0` fonts share it.
struct Subset {
    descendant: ObjectId,
    base: String,
    one_byte: bool,
    /// The new number of each glyph, by its number in the face: its code in the first
    /// mapping variant.
    codes: BTreeMap<u16, u16>,
    /// The codes of glyphs in other mapping variants, by glyph and variant: numbers after the
    /// glyphs', which the `/CIDToGIDMap` sends to the same glyphs.
    extra: BTreeMap<(u16, u16), u16>,
}

/// Embeds the subset of a face: its program, descendant font and widths.
fn subset(
    doc: &mut Document,
    face: &Face,
    used: &BTreeSet<u16>,
    extra: &[(u16, u16)],
    italic: bool,
    hash: &mut Sha256,
) -> Result<Subset, PostError> {
    let mut remapper = subsetter::GlyphRemapper::new();
    let codes: BTreeMap<u16, u16> = used.iter().map(|&g| (g, remapper.remap(g))).collect();
    let data = subsetter::subset(face.data, face.index, &remapper)
        .map_err(|e| PostError(format!("subsetting the font {}: {e:?}", face.postscript)))?;
    let cff = face.is_cff();
    // A CFF font is embedded as its bare CFF program (CID-keyed, as the subsetter writes it,
    // with each glyph's CID its new number).
    let data = if cff {
        let raw = ttf_parser::RawFace::parse(&data, 0)
            .map_err(|_| PostError("the subset font does not parse".into()))?;
        raw.table(ttf_parser::Tag::from_bytes(b"CFF "))
            .ok_or_else(|| PostError("the subset font has no CFF program".into()))?
            .to_vec()
    } else {
        super::truetype::unhinted(&data).unwrap_or(data)
    };
    let glyphs = remapper.num_gids();
    let extra: BTreeMap<(u16, u16), u16> = extra
        .iter()
        .zip(glyphs..)
        .map(|(&key, code)| (key, code))
        .collect();
    let total = usize::from(glyphs) + extra.len();
    if total > usize::from(u16::MAX) {
        return Err(PostError(format!(
            "too many glyphs drawn in {}",
            face.postscript
        )));
    }
    let one_byte = total <= 256;
    let tag: String = Sha256::digest(&data)[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    let base = format!("{tag}+{}", face.postscript);
    hash.update(base.as_bytes());
    let ttf = &face.ttf;
    let upem = face.units_per_em;
    let advance = |g: u16| {
        thousandths(
            f64::from(ttf.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0)),
            upem,
        )
    };
    let mut widths = vec![0i64; total];
    widths[0] = advance(0);
    for (&old, &new) in &codes {
        widths[usize::from(new)] = advance(old);
    }
    for (&(old, _), &code) in &extra {
        widths[usize::from(code)] = advance(old);
    }
    let file = if cff {
        doc.add_object(Stream::new(
            Dictionary::from_iter(vec![("Subtype", name("CIDFontType0C"))]),
            data,
        ))
    } else {
        doc.add_object(Stream::new(
            Dictionary::from_iter(vec![("Length1", Object::Integer(data.len() as i64))]),
            data,
        ))
    };
    let bbox = ttf.global_bounding_box();
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
        ("ItalicAngle", Object::Real(ttf.italic_angle())),
        (
            "Ascent",
            Object::Integer(thousandths(f64::from(ttf.ascender()), upem)),
        ),
        (
            "Descent",
            Object::Integer(thousandths(f64::from(ttf.descender()), upem)),
        ),
        (
            "CapHeight",
            Object::Integer(thousandths(
                f64::from(ttf.capital_height().unwrap_or(ttf.ascender())),
                upem,
            )),
        ),
        ("StemV", Object::Integer(if face.bold { 140 } else { 80 })),
        (
            if cff { "FontFile3" } else { "FontFile2" },
            Object::Reference(file),
        ),
    ]));
    let mut descendant = Dictionary::from_iter(vec![
        ("Type", name("Font")),
        (
            "Subtype",
            name(if cff { "CIDFontType0" } else { "CIDFontType2" }),
        ),
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
    ]);
    if !cff && extra.is_empty() {
        descendant.set("CIDToGIDMap", name("Identity"));
    } else if !cff {
        // The codes after the glyphs' own name the same glyphs again.
        let mut map = Vec::with_capacity(total * 2);
        for gid in 0..glyphs {
            map.extend_from_slice(&gid.to_be_bytes());
        }
        for &(old, _) in extra.keys() {
            let gid = codes.get(&old).copied().unwrap_or(0);
            map.extend_from_slice(&gid.to_be_bytes());
        }
        let map = doc.add_object(Stream::new(Dictionary::new(), map));
        descendant.set("CIDToGIDMap", Object::Reference(map));
    }
    let descendant = doc.add_object(descendant);
    Ok(Subset {
        descendant,
        base,
        one_byte,
        codes,
        extra,
    })
}

/// A `Type0` font over a subset, with the `/ToUnicode` map of its codes. A CFF face may have
/// several, when one glyph stands for different text in different places (a vowel sign
/// drawn before its consonant stands for the whole cluster there, and for itself
/// elsewhere); a TrueType face has one, with more codes.
fn type0(
    doc: &mut Document,
    subset: &Subset,
    unicode: &BTreeMap<u16, String>,
    one_byte_cmap: &mut Option<ObjectId>,
) -> Dictionary {
    let Subset {
        descendant,
        base,
        one_byte,
        ..
    } = subset;
    let (descendant, one_byte) = (*descendant, *one_byte);
    let to_unicode = unicode;
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
        to_unicode_cmap(to_unicode, one_byte),
    ));
    Dictionary::from_iter(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type0")),
        ("BaseFont", name(base)),
        ("Encoding", encoding),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Reference(descendant)]),
        ),
        ("ToUnicode", Object::Reference(to_unicode)),
    ])
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
