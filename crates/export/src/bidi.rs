//! Text in the other direction: what must be isolated so that the bidirectional algorithm
//! keeps it whole inside text that runs the edition's way.

use mht_guide::Direction;
use unicode_bidi::{BidiClass, bidi_class};

/// Whether text holds a letter written against the edition's direction: a Latin letter in a
/// right-to-left edition, a Hebrew or Arabic one in a left-to-right edition. Such text (an
/// English title or a date among Arabic words, an address) is set as an isolate (`<bdi>`),
/// so that its own order and its neighbours' punctuation stay where they belong. Text of
/// the edition's direction, or with no letters at all, needs none.
pub(crate) fn foreign(text: &str, direction: Direction) -> bool {
    text.chars().any(|c| {
        let class = bidi_class(c);
        match direction {
            Direction::Rtl => class == BidiClass::L,
            _ => matches!(class, BidiClass::R | BidiClass::AL),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_against_the_direction_are_foreign() {
        assert!(foreign("Bureau of Labor Statistics", Direction::Rtl));
        assert!(foreign("نوفمبر 2026 CC-BY-4.0", Direction::Rtl));
        assert!(!foreign("مكتب إحصاءات العمل", Direction::Rtl));
        assert!(!foreign("2024 · 42,590", Direction::Rtl));
        assert!(foreign("מכון", Direction::Ltr));
        assert!(foreign("مكتب", Direction::Ltr));
        assert!(!foreign("November 2026", Direction::Ltr));
        assert!(!foreign("精神科技术员", Direction::Ltr));
    }
}
