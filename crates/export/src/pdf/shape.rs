//! Text in the faces that draw it: a string split into runs by face, and each run of a face
//! other than Liberation Sans shaped with HarfRust (joining, ligatures, conjuncts, marks and
//! the font's own kerning).
//!
//! Liberation Sans's runs are not shaped: they are measured and drawn through genpdf's
//! metrics of the same font, with its kerning pairs, as they always were.

use std::ops::Range;

use super::fonts::{Face, FontId, FontSet};
use super::record::FontStyle;

/// One shaped glyph, in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Glyph {
    pub(super) id: u16,
    /// How far the pen moves after it.
    pub(super) advance: i32,
    /// Where it is drawn, from the pen.
    pub(super) dx: i32,
    pub(super) dy: i32,
    /// The byte offset in the run's text of the first character it stands for.
    pub(super) cluster: u32,
}

/// Shapes a run of text in one face, left to right or right to left; the glyphs come in
/// visual order (left to right).
pub(super) fn shape(face: &Face, text: &str, language: &str, rtl: bool) -> Vec<Glyph> {
    let font = harfrust::ShaperFont::new(&face.shaper);
    let mut buffer = harfrust::Buffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        harfrust::Direction::RightToLeft
    } else {
        harfrust::Direction::LeftToRight
    });
    if let Ok(language) = language.parse::<harfrust::Language>() {
        buffer.set_language(Some(language));
    }
    buffer.guess_segment_properties();
    // A plan (the font's lookups for a script, direction and language) is made once per face
    // and kept: making one took most of the shaping time.
    let shaped = {
        let mut plans = face.plans.borrow_mut();
        let key = harfrust::ShapePlanKey::new(&face.shaper, buffer.script(), buffer.direction())
            .language(buffer.language());
        let at = match plans.iter().position(|plan| key.matches(plan)) {
            Some(at) => at,
            None => {
                plans.push(harfrust::ShapePlan::new(
                    &face.shaper,
                    buffer.direction(),
                    buffer.script(),
                    buffer.language(),
                    &[],
                ));
                plans.len() - 1
            }
        };
        let options = harfrust::ShapeOptions::new().plan(Some(&plans[at]));
        harfrust::shape(&font, &mut buffer, options)
    };
    if shaped.is_err() {
        // A font HarfRust cannot shape with is drawn glyph by glyph from its character map.
        return text
            .char_indices()
            .map(|(i, c)| {
                let id = face.ttf.glyph_index(c).map_or(0, |g| g.0);
                Glyph {
                    id,
                    advance: i32::from(
                        face.ttf
                            .glyph_hor_advance(ttf_parser::GlyphId(id))
                            .unwrap_or(0),
                    ),
                    dx: 0,
                    dy: 0,
                    cluster: i as u32,
                }
            })
            .collect();
    }
    buffer
        .glyph_infos()
        .iter()
        .zip(buffer.glyph_positions())
        .map(|(info, pos)| Glyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance,
            dx: pos.x_offset,
            dy: pos.y_offset,
            cluster: info.cluster,
        })
        .collect()
}

/// Whether a character goes with the run it follows whatever its face: a combining mark, a
/// joiner or another format character, a variation selector.
pub(super) fn follows(c: char) -> bool {
    let script = harfrust::unicode::script(u32::from(c));
    script == harfrust::Script::INHERITED
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}')
}

/// Splits text into runs by the face that draws them: Liberation Sans in `style` for every
/// character it has, else the set's fallback for the character; white space goes with
/// Liberation, and a mark or joiner with the character before it. In right-to-left text,
/// punctuation stays in the face of the letters before it when that face has it, so that it is
/// shaped (and mirrored) with them. `missing` is told each character that no face has (it is
/// left in the run before it).
pub(super) fn itemize(
    set: &FontSet,
    text: &str,
    style: FontStyle,
    rtl: bool,
    missing: &mut dyn FnMut(char),
) -> Vec<(Range<usize>, FontId)> {
    let own = FontId::of_style(style);
    let mut runs: Vec<(Range<usize>, FontId)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let neutral = || {
            let script = harfrust::unicode::script(u32::from(c));
            !c.is_whitespace() && script == harfrust::Script::COMMON
        };
        let font = if let (true, Some(last)) = (follows(c), runs.last()) {
            last.1
        } else if let (true, Some(last)) = (rtl, runs.last())
            && last.1.style().is_none()
            && neutral()
            && set.face(last.1).covers(c)
        {
            last.1
        } else if own_char(c, style) {
            own
        } else {
            match set.fallback(c, style.is_bold()) {
                Some(font) => font,
                None => {
                    missing(c);
                    runs.last().map_or(own, |r| r.1)
                }
            }
        };
        match runs.last_mut() {
            Some((range, last)) if *last == font => range.end = end,
            _ => runs.push((i..end, font)),
        }
    }
    runs
}

/// Whether every character of the text is Liberation Sans's in this style: the common case,
/// which needs no itemizing.
pub(super) fn all_own(text: &str, style: FontStyle) -> bool {
    text.chars().all(|c| own_char(c, style))
}

/// Whether Liberation Sans in this style draws the character.
pub(super) fn own_char(c: char, style: FontStyle) -> bool {
    super::fonts::draw(c, style.is_bold(), style.is_italic()).is_some()
}
