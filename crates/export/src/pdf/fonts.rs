//! The bundled fonts, and what each font mode can draw.
//!
//! Liberation Sans is metric-compatible with Helvetica. In the default mode the PDF names the
//! standard Helvetica fonts, which every viewer has, and genpdf lays text out with Liberation's
//! metrics, so the file stays tiny. With embedded fonts, Liberation Sans itself goes into the
//! file (subset to the glyphs used).

use std::sync::OnceLock;

use genpdf::fonts::{FontData, FontFamily};

/// The four styles of Liberation Sans, compiled into the binary.
const REGULAR: &[u8] = include_bytes!("../../fonts/liberation/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/liberation/LiberationSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../fonts/liberation/LiberationSans-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../fonts/liberation/LiberationSans-BoldItalic.ttf");

/// The font files by style, in genpdf's order.
pub(super) fn font_files() -> [&'static [u8]; 4] {
    [REGULAR, BOLD, ITALIC, BOLD_ITALIC]
}

/// The font family genpdf lays out and draws with.
pub(super) fn family(embed: bool) -> Result<FontFamily<FontData>, genpdf::error::Error> {
    use printpdf::BuiltinFont as B;
    let data =
        |bytes: &[u8], builtin: B| FontData::new(bytes.to_vec(), (!embed).then_some(builtin));
    Ok(FontFamily {
        regular: data(REGULAR, B::Helvetica)?,
        bold: data(BOLD, B::HelveticaBold)?,
        italic: data(ITALIC, B::HelveticaOblique)?,
        bold_italic: data(BOLD_ITALIC, B::HelveticaBoldOblique)?,
    })
}

/// What a font mode can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Coverage {
    /// The standard PDF fonts in the Windows-1252 encoding.
    Standard,
    /// The embedded Liberation Sans fonts.
    Embedded,
}

impl Coverage {
    /// The character to draw in place of `c`, or `None` when it cannot be drawn.
    ///
    /// A no-break space is drawn as a space (it only matters for line breaking, which happens
    /// before drawing), and a soft hyphen is not drawn at all; the minus sign, which
    /// Windows-1252 lacks, is drawn as a hyphen in the standard fonts.
    pub(super) fn draw(self, c: char, bold: bool, italic: bool) -> Option<Option<char>> {
        match c {
            '\u{a0}' => return Some(Some(' ')),
            // Any other white space that reaches a line of text (a tab, a line break from a
            // character reference, a Unicode line separator, an ideographic space) is laid out
            // as a space; the no-break ones as a no-break space.
            '\u{2007}' | '\u{202F}' => return Some(Some(' ')),
            c if c.is_whitespace() => return Some(Some(' ')),
            '\u{ad}' => return Some(None),
            _ => {}
        }
        match self {
            Coverage::Standard => {
                if win1252(c) {
                    Some(Some(c))
                } else if c == '\u{2212}' {
                    Some(Some('-'))
                } else {
                    None
                }
            }
            Coverage::Embedded => has_glyph(c, bold, italic).then_some(Some(c)),
        }
    }
}

/// Whether Windows-1252 (the standard fonts' encoding) has the character.
pub(super) fn win1252(c: char) -> bool {
    const EXTRA: &str = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}') || EXTRA.contains(c)
}

/// Whether the bundled font of this style has a glyph for the character.
fn has_glyph(c: char, bold: bool, italic: bool) -> bool {
    static FACES: OnceLock<Vec<Option<ttf_parser::Face<'static>>>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        font_files()
            .iter()
            .map(|bytes| ttf_parser::Face::parse(bytes, 0).ok())
            .collect()
    });
    let index = usize::from(bold) + 2 * usize::from(italic);
    faces
        .get(index)
        .and_then(Option::as_ref)
        .and_then(|face| face.glyph_index(c))
        .is_some_and(|g| g.0 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_fonts_draw_windows_1252() {
        let s = Coverage::Standard;
        for c in "aZ09 é€•–—“”’…ÿ".chars() {
            assert_eq!(s.draw(c, false, false), Some(Some(c)), "{c}");
        }
        assert_eq!(s.draw('\u{a0}', false, false), Some(Some(' ')));
        assert_eq!(s.draw('\u{ad}', false, false), Some(None));
        assert_eq!(s.draw('−', false, false), Some(Some('-')));
        for c in "≥→ő✓😀中\u{7f}\u{81}".chars() {
            assert_eq!(s.draw(c, false, false), None, "{c}");
        }
    }

    #[test]
    fn embedded_fonts_know_their_glyphs() {
        let e = Coverage::Embedded;
        for c in "aé€ő→Ωж".chars() {
            assert_eq!(e.draw(c, true, true), Some(Some(c)), "{c}");
        }
        for c in "✓😀中".chars() {
            assert_eq!(e.draw(c, false, false), None, "{c}");
        }
    }
}
