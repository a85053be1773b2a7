//! Takes the hinting out of a subset TrueType font: the glyphs' instructions and the `fpgm`,
//! `prep` and `cvt ` tables that serve them, and the `name` table, which a font embedded in a
//! PDF does not need (ISO 32000-1, 9.9: glyf, head, hhea, hmtx, loca and maxp are required).
//!
//! Hinting fits outlines to the pixel grid of low-resolution screens; PDF viewers scale and
//! anti-alias instead, and printers have resolution to spare. In Liberation Sans it is most of
//! a subset's bytes. The outlines, advances and metrics stay exactly as they are.
//!
//! Two more tables shrink: `post` keeps its header and drops the glyph names (format 3; the
//! PDF finds glyphs by number), and `loca` takes two bytes a glyph where the glyphs fit.

/// Tables that only serve hinting, or naming.
const DROPPED: [&[u8; 4]; 4] = [b"fpgm", b"prep", b"cvt ", b"name"];

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// A glyph without its instructions.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    if glyph.is_empty() {
        return Some(());
    }
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        // Header, end points of the contours, then the instructions' length and bytes.
        let at = 10 + 2 * usize::from(contours as u16);
        let length = usize::from(u16_at(glyph, at)?);
        out.extend_from_slice(glyph.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(glyph.get(at + 2 + length..)?);
    } else {
        // A composite: components until one says there are no more, each without the flag
        // that says instructions follow the last.
        const ARGS_ARE_WORDS: u16 = 0x0001;
        const HAS_SCALE: u16 = 0x0008;
        const MORE: u16 = 0x0020;
        const HAS_XY_SCALE: u16 = 0x0040;
        const HAS_2X2: u16 = 0x0080;
        const HAS_INSTRUCTIONS: u16 = 0x0100;
        let mut at = 10;
        out.extend_from_slice(glyph.get(..at)?);
        loop {
            let flags = u16_at(glyph, at)?;
            let mut size = 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
            if flags & HAS_SCALE != 0 {
                size += 2;
            } else if flags & HAS_XY_SCALE != 0 {
                size += 4;
            } else if flags & HAS_2X2 != 0 {
                size += 8;
            }
            out.extend_from_slice(&(flags & !HAS_INSTRUCTIONS).to_be_bytes());
            out.extend_from_slice(glyph.get(at + 2..at + size)?);
            at += size;
            if flags & MORE == 0 {
                break;
            }
        }
    }
    // Glyphs start on four-byte boundaries.
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    Some(())
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// The font without hinting, or `None` if it is not a TrueType font this understands (then
/// the font is embedded as it is).
pub(super) fn unhinted(font: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(count);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(font, record + 8)? as usize;
        let length = u32_at(font, record + 12)? as usize;
        tables.push((tag, font.get(offset..offset + length)?));
    }
    let table = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let head = table(b"head")?;
    let glyphs = usize::from(u16_at(table(b"maxp")?, 4)?);
    let long = u16_at(head, 50)? == 1;
    let loca = table(b"loca")?;
    let glyf = table(b"glyf")?;
    let offset = |i: usize| -> Option<usize> {
        if long {
            Some(u32_at(loca, 4 * i)? as usize)
        } else {
            Some(usize::from(u16_at(loca, 2 * i)?) * 2)
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (glyphs + 1));
    for i in 0..glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let glyph = glyf.get(offset(i)?..offset(i + 1)?)?;
        strip_glyph(glyph, &mut new_glyf)?;
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    // Short offsets (halved, in two bytes) when the glyphs fit in 128 KiB, as a subset's do;
    // every glyph starts on a four-byte boundary, so every offset halves exactly.
    let short = new_glyf.len() < 1 << 17;
    if short {
        new_loca = new_loca
            .chunks_exact(4)
            .flat_map(|o| ((u32::from_be_bytes([o[0], o[1], o[2], o[3]]) / 2) as u16).to_be_bytes())
            .collect();
    }
    // `head` says which `loca` it is; its checksum adjustment is redone below.
    let mut new_head = head.to_vec();
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&u16::from(!short).to_be_bytes());
    new_head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    // `post` format 3: the 32-byte header (italic angle, underline, pitch) without names.
    let mut new_post = table(b"post")?.get(..32)?.to_vec();
    new_post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let mut kept: Vec<([u8; 4], Vec<u8>)> = tables
        .iter()
        .filter(|(tag, _)| !DROPPED.contains(&tag))
        .map(|(tag, data)| {
            let data = match tag {
                b"glyf" => new_glyf.clone(),
                b"loca" => new_loca.clone(),
                b"head" => new_head.clone(),
                b"post" => new_post.clone(),
                _ => data.to_vec(),
            };
            (*tag, data)
        })
        .collect();
    kept.sort_by_key(|a| a.0);
    // The table directory, then each table on a four-byte boundary.
    let n = kept.len() as u16;
    let entry_selector = 15 - n.leading_zeros() as u16;
    let search_range = 16u16 << entry_selector;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for value in [n, search_range, entry_selector, n * 16 - search_range] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * kept.len();
    let mut head_at = None;
    for (tag, data) in &kept {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &kept {
        out.extend_from_slice(data);
        while !out.len().is_multiple_of(4) {
            out.push(0);
        }
    }
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    let at = head_at? + 8;
    out.get_mut(at..at + 4)?
        .copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_and_advances_stay_and_hinting_goes() {
        let original = crate::pdf::fonts::font_files()[0];
        let stripped = unhinted(original).expect("Liberation Sans is understood");
        assert!(stripped.len() < original.len() * 3 / 4);
        let before = ttf_parser::Face::parse(original, 0).unwrap();
        let after = ttf_parser::Face::parse(&stripped, 0).unwrap();
        assert_eq!(before.number_of_glyphs(), after.number_of_glyphs());
        for c in "Ag€ő→Жé,".chars() {
            let g = before.glyph_index(c).unwrap();
            assert_eq!(before.glyph_hor_advance(g), after.glyph_hor_advance(g));
            assert_eq!(
                before.glyph_bounding_box(g),
                after.glyph_bounding_box(g),
                "{c}"
            );
        }
        assert!(
            after
                .raw_face()
                .table(ttf_parser::Tag::from_bytes(b"fpgm"))
                .is_none()
        );
        // The whole font's glyphs need long offsets.
        assert_eq!(u16_at(table(&after, b"head"), 50), Some(1));
        assert_eq!(table(&after, b"post").len(), 32);
        // The whole file sums to the magic number, as the format asks.
        assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
    }

    fn table<'a>(face: &ttf_parser::Face<'a>, tag: &[u8; 4]) -> &'a [u8] {
        face.raw_face()
            .table(ttf_parser::Tag::from_bytes(tag))
            .expect("the table is there")
    }

    /// A subset, as the PDF embeds: short `loca` offsets, a 32-byte `post` of format 3, and
    /// every glyph's outline and advance as in the whole font.
    #[test]
    fn a_subset_takes_short_offsets_and_no_glyph_names() {
        let original = crate::pdf::fonts::font_files()[0];
        let face = ttf_parser::Face::parse(original, 0).unwrap();
        let text = "Psychiatric technicians, 2024: $42,590 → ő";
        let mut remapper = subsetter::GlyphRemapper::new();
        let glyphs: Vec<u16> = text
            .chars()
            .map(|c| remapper.remap(face.glyph_index(c).unwrap().0))
            .collect();
        let subset = subsetter::subset(original, 0, &remapper).unwrap();
        let stripped = unhinted(&subset).unwrap();
        let after = ttf_parser::Face::parse(&stripped, 0).unwrap();
        assert_eq!(u16_at(table(&after, b"head"), 50), Some(0));
        let post = table(&after, b"post");
        assert_eq!((post.len(), u32_at(post, 0)), (32, Some(0x0003_0000)));
        for (c, new) in text.chars().zip(glyphs) {
            let old = face.glyph_index(c).unwrap();
            let new = ttf_parser::GlyphId(new);
            assert_eq!(face.glyph_hor_advance(old), after.glyph_hor_advance(new));
            assert_eq!(
                face.glyph_bounding_box(old),
                after.glyph_bounding_box(new),
                "{c}"
            );
        }
        assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
    }
}
