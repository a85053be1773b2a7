//! The bundled fonts, and what they can draw.
//!
//! Every handout embeds Liberation Sans, subset to the glyphs it uses. genpdf lays text out
//! with Liberation's metrics; it is given the standard Helvetica fonts to write, because
//! printpdf 0.3, under genpdf, reads every Unicode scalar value of each font it embeds when it
//! saves, which took most of an export's time. genpdf writes only empty placeholders for the
//! text; the elements record the real glyphs (through genpdf's metrics of the bundled font), and
//! the post-processing writes them and embeds the subset fonts itself.

use std::sync::{Mutex, OnceLock};

use genpdf::fonts::{FontData, FontFamily};
use rustc_hash::FxHashMap;

use super::record::FontStyle;

mod set;

pub(super) use super::record::FontId;
pub(super) use set::FontSet;
#[allow(unused_imports)]
pub(super) use set::script_name;

/// The four styles of Liberation Sans, compiled into the binary.
const REGULAR: &[u8] = include_bytes!("../../../fonts/liberation/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../fonts/liberation/LiberationSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../fonts/liberation/LiberationSans-Italic.ttf");
const BOLD_ITALIC: &[u8] =
    include_bytes!("../../../fonts/liberation/LiberationSans-BoldItalic.ttf");

/// A font compiled into the binary for the script it was made for, asked for by its family
/// name where text of that script wants that family (see [`FontSet`]).
pub(super) struct Bundled {
    pub(super) family: &'static str,
    pub(super) bold: bool,
    pub(super) data: &'static [u8],
}

/// The Noto faces the built-in Chinese and Arabic editions are drawn with, so that they print
/// on a machine with no fonts installed: Noto Sans CJK SC, subset to GB 2312 (the bold to its
/// first level) and the built-in text, and Noto Sans Arabic (see `fonts/noto/`).
#[cfg(feature = "noto")]
pub(super) const BUNDLED: &[Bundled] = &[
    Bundled {
        family: "Noto Sans CJK SC",
        bold: false,
        data: include_bytes!("../../../fonts/noto/NotoSansCJKsc-Regular.subset.otf"),
    },
    Bundled {
        family: "Noto Sans CJK SC",
        bold: true,
        data: include_bytes!("../../../fonts/noto/NotoSansCJKsc-Bold.subset.otf"),
    },
    Bundled {
        family: "Noto Sans Arabic",
        bold: false,
        data: include_bytes!("../../../fonts/noto/NotoSansArabic-Regular.ttf"),
    },
    Bundled {
        family: "Noto Sans Arabic",
        bold: true,
        data: include_bytes!("../../../fonts/noto/NotoSansArabic-Bold.ttf"),
    },
];

/// Without the `noto` feature, only Liberation Sans is compiled in.
#[cfg(not(feature = "noto"))]
pub(super) const BUNDLED: &[Bundled] = &[];

/// The font files by style, in genpdf's order.
pub(super) fn font_files() -> [&'static [u8]; 4] {
    [REGULAR, BOLD, ITALIC, BOLD_ITALIC]
}

/// The font family genpdf lays out with: the bundled metrics, named as the standard fonts.
/// Read once; a copy shares the font data.
pub(super) fn family() -> Result<FontFamily<FontData>, String> {
    static FAMILY: OnceLock<Result<FontFamily<FontData>, String>> = OnceLock::new();
    FAMILY
        .get_or_init(|| {
            use printpdf::BuiltinFont as B;
            let data = |bytes: &[u8], builtin: B| {
                FontData::new(bytes.to_vec(), Some(builtin)).map_err(|e| e.to_string())
            };
            Ok(FontFamily {
                regular: data(REGULAR, B::Helvetica)?,
                bold: data(BOLD, B::HelveticaBold)?,
                italic: data(ITALIC, B::HelveticaOblique)?,
                bold_italic: data(BOLD_ITALIC, B::HelveticaBoldOblique)?,
            })
        })
        .clone()
}

/// The style of a standard font name genpdf writes (regular, bold, italic, bold italic).
pub(super) fn style_of(base_font: &[u8]) -> Option<FontStyle> {
    match base_font {
        b"Helvetica" => Some(FontStyle::Regular),
        b"Helvetica-Bold" => Some(FontStyle::Bold),
        b"Helvetica-Oblique" => Some(FontStyle::Italic),
        b"Helvetica-BoldOblique" => Some(FontStyle::BoldItalic),
        _ => None,
    }
}

/// The character to draw in place of `c`, or `None` when the bundled font of the style has
/// no glyph for it.
///
/// A no-break space is drawn as a space (it only matters for line breaking, which happens
/// before drawing), and a soft hyphen is not drawn at all.
pub(super) fn draw(c: char, bold: bool, italic: bool) -> Option<Option<char>> {
    match c {
        // Every style has every printable ASCII character (a test checks).
        '!'..='~' => Some(Some(c)),
        '\u{a0}' => Some(Some(' ')),
        // Any other white space that reaches a line of text (a tab, a line break from a
        // character reference, a Unicode line separator, an ideographic space) is laid out as
        // a space; the no-break ones as a no-break space.
        c if c.is_whitespace() => Some(Some(' ')),
        '\u{ad}' => Some(None),
        c => has_glyph(c, bold, italic).then_some(Some(c)),
    }
}

/// Whether the bundled font of this style has a glyph for the character.
///
/// The answer for a character of the Basic Multilingual Plane is kept, one bit each, once it
/// has been asked: asking the character map took a tenth of a Chinese or Arabic export.
fn has_glyph(c: char, bold: bool, italic: bool) -> bool {
    use std::sync::atomic::{AtomicU64, Ordering};
    const WORDS: usize = 0x10000 / 64;
    /// Which characters have been asked about, and which of those the style has.
    static KNOWN: [[AtomicU64; WORDS]; 4] = [const { [const { AtomicU64::new(0) }; WORDS] }; 4];
    static HAS: [[AtomicU64; WORDS]; 4] = [const { [const { AtomicU64::new(0) }; WORDS] }; 4];
    let index = usize::from(bold) + 2 * usize::from(italic);
    let code = u32::from(c) as usize;
    let (word, bit) = (code / 64, 1u64 << (code % 64));
    if word < WORDS && KNOWN[index][word].load(Ordering::Acquire) & bit != 0 {
        return HAS[index][word].load(Ordering::Relaxed) & bit != 0;
    }
    let has = faces()
        .get(index)
        .and_then(Option::as_ref)
        .and_then(|face| face.glyph_index(c))
        .is_some_and(|g| g.0 != 0);
    if word < WORDS {
        if has {
            HAS[index][word].fetch_or(bit, Ordering::Relaxed);
        }
        KNOWN[index][word].fetch_or(bit, Ordering::Release);
    }
    has
}

/// The four bundled faces, parsed once.
pub(super) fn faces() -> &'static [Option<ttf_parser::Face<'static>>] {
    static FACES: OnceLock<Vec<Option<ttf_parser::Face<'static>>>> = OnceLock::new();
    FACES.get_or_init(|| {
        font_files()
            .iter()
            .map(|bytes| ttf_parser::Face::parse(bytes, 0).ok())
            .collect()
    })
}

/// One face of a font file, ready to measure, shape and embed.
pub(super) struct Face {
    pub(super) data: &'static [u8],
    pub(super) index: u32,
    pub(super) ttf: ttf_parser::Face<'static>,
    pub(super) shaper: harfrust::Font,
    /// The shaping plans made for it so far, by script, direction and language.
    pub(super) plans: std::cell::RefCell<Vec<harfrust::ShapePlan>>,
    /// Its PostScript name, for the embedded font's name.
    pub(super) postscript: String,
    pub(super) bold: bool,
    pub(super) units_per_em: f64,
}

impl Face {
    pub(super) fn new(data: &'static [u8], index: u32) -> Option<Face> {
        let ttf = ttf_parser::Face::parse(data, index).ok()?;
        let tables = ttf.tables();
        if tables.cmap.is_none() || (tables.glyf.is_none() && tables.cff.is_none()) {
            return None;
        }
        let shaper = harfrust::Font::new(data, index)?;
        let postscript = ttf
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .or_else(|| family_name(&ttf).map(|f| f.replace(' ', "")))
            .unwrap_or_else(|| "Font".to_owned());
        // A PDF name may not hold white space or delimiters.
        let postscript = postscript
            .chars()
            .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
            .collect();
        Some(Face {
            bold: ttf.is_bold() || ttf.weight().to_number() >= 600,
            units_per_em: f64::from(ttf.units_per_em()),
            data,
            index,
            ttf,
            shaper,
            plans: std::cell::RefCell::default(),
            postscript,
        })
    }

    /// Whether the face has a glyph for the character.
    pub(super) fn covers(&self, c: char) -> bool {
        self.ttf.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// Whether its outlines are CFF (PostScript), not TrueType.
    pub(super) fn is_cff(&self) -> bool {
        self.ttf.tables().cff.is_some()
    }
}

/// A face's family name, from its name table.
pub(crate) fn family_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    let names = face.names();
    [
        ttf_parser::name_id::TYPOGRAPHIC_FAMILY,
        ttf_parser::name_id::FAMILY,
    ]
    .into_iter()
    .find_map(|id| {
        names
            .into_iter()
            .filter(|n| n.name_id == id)
            .find_map(|n| n.to_string())
    })
}

/// The bytes of a font, kept for as long as the process runs: once per distinct font,
/// however often it is given (a preview server exports again at every save).
pub(crate) fn intern(bytes: Vec<u8>) -> &'static [u8] {
    /// The fonts kept, by a hash of their bytes.
    type Kept = Mutex<FxHashMap<u64, Vec<&'static [u8]>>>;
    static KEPT: OnceLock<Kept> = OnceLock::new();
    use std::hash::{BuildHasher, BuildHasherDefault};
    let hash = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(&bytes);
    let mut kept = match KEPT.get_or_init(Default::default).lock() {
        Ok(kept) => kept,
        Err(poisoned) => poisoned.into_inner(),
    };
    let same = kept.entry(hash).or_default();
    if let Some(&data) = same.iter().find(|d| **d == bytes.as_slice()) {
        return data;
    }
    let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    same.push(data);
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_has_printable_ascii() {
        for c in '!'..='~' {
            for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
                assert!(has_glyph(c, bold, italic), "{c}");
            }
        }
    }

    #[test]
    fn the_bundled_fonts_know_their_glyphs() {
        for c in "aé€ő→≥Ωж•–—“”’…".chars() {
            assert_eq!(draw(c, true, true), Some(Some(c)), "{c}");
            assert_eq!(draw(c, false, false), Some(Some(c)), "{c}");
        }
        assert_eq!(draw('\u{a0}', false, false), Some(Some(' ')));
        assert_eq!(draw('\u{3000}', false, false), Some(Some(' ')));
        assert_eq!(draw('\u{ad}', false, false), Some(None));
        for c in "✓😀中".chars() {
            assert_eq!(draw(c, false, false), None, "{c}");
        }
    }

    #[test]
    fn the_kept_answers_agree_with_the_character_maps() {
        let mut covered = 0;
        for (index, face) in faces().iter().enumerate() {
            let face = face.as_ref().expect("a bundled face parses");
            let (bold, italic) = (index % 2 == 1, index >= 2);
            // Asked twice: once from the character map, then from the kept bits.
            for _ in 0..2 {
                for c in (0..0x10000).filter_map(char::from_u32) {
                    let has = face.glyph_index(c).is_some_and(|g| g.0 != 0);
                    assert_eq!(has_glyph(c, bold, italic), has, "{c:?} in style {index}");
                    covered += usize::from(has);
                }
            }
        }
        // Liberation Sans has some 2,600 characters in each style.
        assert!(covered > 2 * 4 * 2000, "{covered}");
    }

    #[test]
    #[cfg(feature = "noto")]
    fn the_bundled_noto_faces_parse_and_cover_their_scripts() {
        for bundled in BUNDLED {
            let face = Face::new(bundled.data, 0).expect("a bundled Noto face parses");
            assert_eq!(family_name(&face.ttf).as_deref(), Some(bundled.family));
            assert_eq!(face.bold, bundled.bold, "{}", face.postscript);
            let sample = if bundled.family.contains("CJK") {
                "精神科技术员，。（）瘾"
            } else {
                "فني الصحة النفسية،؟"
            };
            for c in sample.chars().filter(|c| !c.is_whitespace()) {
                assert!(face.covers(c), "{c} in {}", face.postscript);
            }
        }
    }
}
