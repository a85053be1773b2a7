//! What the handout's layout hands to the writing of the file: where anchors and links landed
//! and everything drawn, page by page, in drawing order. This is plain data, with no genpdf or
//! lopdf type in it: layout records it, and the post-processing (`post`) writes content
//! streams, fonts, links and the outline from it.
//!
//! Text is recorded as runs of glyphs in one face, each glyph with the adjustment before it,
//! and what the glyphs stand for is recorded by face ([`super::elements::Tracker::unicode`]);
//! where that cannot say it (several glyphs for one character, or one for several, out of
//! order), the text itself goes with the glyphs.

use super::tags::Marked;

/// One of the four faces of the handout's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum FontStyle {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl FontStyle {
    /// The four, in the order of their index.
    pub(super) const ALL: [FontStyle; 4] = [
        FontStyle::Regular,
        FontStyle::Bold,
        FontStyle::Italic,
        FontStyle::BoldItalic,
    ];

    /// The face of a bold and an italic choice.
    pub(super) fn of(bold: bool, italic: bool) -> FontStyle {
        match (bold, italic) {
            (false, false) => FontStyle::Regular,
            (true, false) => FontStyle::Bold,
            (false, true) => FontStyle::Italic,
            (true, true) => FontStyle::BoldItalic,
        }
    }

    /// Its place in [`FontStyle::ALL`].
    pub(super) fn index(self) -> usize {
        self as usize
    }

    pub(super) fn is_bold(self) -> bool {
        matches!(self, FontStyle::Bold | FontStyle::BoldItalic)
    }

    pub(super) fn is_italic(self) -> bool {
        matches!(self, FontStyle::Italic | FontStyle::BoldItalic)
    }
}

/// A face's place in the handout's set of faces ([`super::fonts::FontSet`]): 0–3 are Liberation Sans's regular, bold, italic and bold
/// italic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(in crate::pdf) struct FontId(pub(in crate::pdf) u16);

impl FontId {
    /// Liberation Sans in a style.
    pub(in crate::pdf) fn of_style(style: FontStyle) -> FontId {
        FontId(style.index() as u16)
    }

    /// The style, for one of Liberation Sans's faces.
    pub(in crate::pdf) fn style(self) -> Option<FontStyle> {
        FontStyle::ALL.get(usize::from(self.0)).copied()
    }

    pub(in crate::pdf) fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// Where a piece of text links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// A web or mail address.
    Uri(String),
    /// An anchor in this document.
    Anchor(String),
}

/// A place in the document that links and the outline can point to.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct AnchorMark {
    pub(super) id: String,
    /// The outline level (1 or 2), or `None` for a link target that is not in the outline.
    pub(super) level: Option<u8>,
    pub(super) title: String,
    pub(super) page: usize,
    /// Distance from the top of the page, in mm.
    pub(super) y: f64,
}

/// Glyphs of one face, drawn one after another.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct GlyphRun {
    pub(super) font: FontId,
    /// Which of the face's maps from glyphs to text the glyphs are written with (see
    /// [`super::elements::Tracker::unicode`]).
    pub(super) variant: u16,
    /// Each glyph, after the adjustment before it in thousandths of an em (as in a `TJ`
    /// array: a positive number moves back).
    pub(super) glyphs: Vec<(i16, u16)>,
    /// How far above the baseline each glyph is drawn, in thousandths of an em, when any is
    /// not on it (a mark placed by shaping).
    pub(super) rise: Option<Box<[i16]>>,
    /// The adjustment after the last glyph, so that the run ends where its shaped advance
    /// does (or, redrawn in reading order, back at its right edge).
    pub(super) trail: i32,
}

impl GlyphRun {
    /// Glyphs of Liberation Sans, with kerning and nothing else.
    pub(super) fn own(style: FontStyle, glyphs: Vec<(i16, u16)>) -> GlyphRun {
        GlyphRun {
            font: FontId::of_style(style),
            variant: 0,
            glyphs,
            rise: None,
            trail: 0,
        }
    }
}

/// A clickable rectangle.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LinkMark {
    pub(super) page: usize,
    /// Left, top, width and height in mm, from the top left corner of the page.
    pub(super) rect: (f64, f64, f64, f64),
    pub(super) target: Target,
    /// The text the rectangle covers.
    pub(super) text: String,
}

/// Something an element drew, in the order it was drawn on its page: the content streams
/// hold the same operations in the same order, which is how the post-processing finds the
/// real glyphs of each text operation (genpdf draws an empty placeholder) and how it marks
/// each operation for the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Draw {
    /// One text-showing operation.
    Text {
        /// The face genpdf's placeholder names (Liberation Sans in the text's style).
        style: FontStyle,
        /// The glyphs, run by run of one face each, in drawing order.
        runs: Vec<GlyphRun>,
        marked: Marked,
        /// How far to move back before the first glyph, in thousandths of an em (as in a `TJ`
        /// array): the pieces of a reordered line are drawn in reading order, each from where
        /// it stands in the line.
        shift: i32,
        /// The text the glyphs stand for, when their own mapping to characters cannot say it
        /// (a ligature, a reordered vowel sign): written as the marked content's
        /// `/ActualText`.
        actual: Option<String>,
    },
    /// One stroked path, or, with `fill`, the rectangle to paint in its place.
    Path { marked: Marked, fill: Option<Fill> },
}

/// A filled rectangle: what genpdf 0.2, which only strokes lines, cannot draw. genpdf draws a
/// line where it goes, and the post-processing paints this instead.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Fill {
    /// Left, bottom, width and height in points, from the page's bottom left corner.
    pub(super) rect: (f64, f64, f64, f64),
    pub(super) paint: Paint,
}

/// What fills a rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Paint {
    /// A color.
    Color((u8, u8, u8)),
    /// The organization's logo, stretched to the rectangle.
    Logo,
}
