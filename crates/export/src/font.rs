//! Fonts a caller gives the PDF handout, for scripts its own fonts cannot draw.

use std::fmt;
use std::sync::Arc;

/// A font file (TrueType or OpenType, with TrueType or CFF outlines, or a collection of them)
/// that the PDF handout may draw text with, checked when it is made.
///
/// The handout draws Latin, Greek, Cyrillic and Hebrew text with its own Liberation Sans. Text
/// in any other script is drawn with the first font that has its glyphs: the fonts given in
/// [`Options`](crate::Options), in the order given; then the families made for the script and
/// the edition's language, from the faces compiled in (Noto Sans CJK SC for Simplified
/// Chinese, Noto Sans Arabic; the `noto` feature, on by default) or installed on the system;
/// then any installed font (unless
/// [`Options::set_system_fonts`](crate::Options::set_system_fonts) says not). Only the glyphs
/// used are embedded.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Font;
///
/// let err = Font::from_bytes(b"not a font".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "not a TrueType or OpenType font (nor a collection of them)");
/// ```
#[derive(Clone)]
pub struct Font {
    pub(crate) data: &'static [u8],
    pub(crate) family: Arc<str>,
}

impl Font {
    /// Checks that the bytes are a font the handout can draw with, and keeps them.
    ///
    /// A font's bytes are kept for as long as the program runs, once however often the same
    /// font is given: a handout may need them at any later export.
    ///
    /// # Errors
    ///
    /// [`FontError`] when the bytes are not a TrueType or OpenType font or collection, or the
    /// font has no character map or no outlines.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Font, FontError> {
        let first = ttf_parser::Face::parse(&bytes, 0).map_err(|_| FontError::NotAFont)?;
        if first.tables().cmap.is_none() {
            return Err(FontError::NoCharacterMap);
        }
        let t = first.tables();
        if t.glyf.is_none() && t.cff.is_none() {
            return Err(FontError::NoOutlines);
        }
        let family = crate::pdf::fonts::family_name(&first).unwrap_or_else(|| "font".into());
        Ok(Font {
            data: crate::pdf::fonts::intern(bytes),
            family: family.into(),
        })
    }

    /// The font's family name, as its name table gives it (the first face's, in a
    /// collection).
    pub fn family(&self) -> &str {
        &self.family
    }
}

impl fmt::Debug for Font {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Font")
            .field("family", &self.family)
            .field("bytes", &self.data.len())
            .finish()
    }
}

impl PartialEq for Font {
    fn eq(&self, other: &Font) -> bool {
        std::ptr::eq(self.data, other.data)
    }
}

impl Eq for Font {}

/// Why bytes are not a font the handout can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FontError {
    /// The bytes are not a font.
    #[error("not a TrueType or OpenType font (nor a collection of them)")]
    NotAFont,
    /// The font maps no characters to glyphs.
    #[error("the font has no character map (cmap table), so no text can be drawn with it")]
    NoCharacterMap,
    /// The font has no TrueType or CFF outlines (a bitmap or color-only font, say).
    #[error("the font has no TrueType or CFF outlines (a bitmap or color font cannot be embedded)")]
    NoOutlines,
}
