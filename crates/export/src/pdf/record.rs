//! What the handout's layout hands to the writing of the file: where anchors and links landed
//! and everything drawn, page by page, in drawing order. This is plain data, with no genpdf or
//! lopdf type in it: layout records it, and the post-processing (`post`) writes content
//! streams, fonts, links and the outline from it.
//!
//! Text is recorded as runs of glyphs in one font, each glyph with the kerning before it, and
//! what the glyphs stand for is recorded by font ([`super::elements::Tracker::unicode`]): the
//! seam through which shaped text (several glyphs for one character, or one for several) will
//! reach the file.

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
        /// The face the glyphs are of.
        style: FontStyle,
        /// Each glyph of the bundled font, after the kerning before it in thousandths of an
        /// em (as in a `TJ` array).
        glyphs: Vec<(i16, u16)>,
        marked: Marked,
        /// When the last glyph is a hyphen that hyphenation added at the end of a line: the
        /// MCID of its own marked content, which says it is a soft hyphen.
        soft_hyphen: Option<u32>,
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
