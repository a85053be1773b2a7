//! Prose: CommonMark text, checked with comrak and kept as a small render-neutral tree.
//!
//! The guide's prose may use paragraphs, bullet and numbered lists (nested up to
//! [`MAX_DEPTH`] levels), emphasis, strong emphasis, inline code, links to `http`, `https` and
//! `mailto` addresses, line breaks, and citations. A citation names one or more sources by id in
//! square brackets, each id after an `@`: `[@bls-ooh]` or `[@bls-ooh; @onet-technicians]`.
//!
//! Everything else is rejected when the content is loaded, with a message that says why: raw
//! HTML (it would reach readers as live markup), headings (the guide's structure provides them),
//! images, code blocks, block quotes, rules and tables (figures are typed data).

use comrak::{Arena, Options};
use serde::{Serialize, Serializer};

use crate::values::{Id, Url, forbidden_char, forbidden_message};

mod convert;

use convert::{Converter, too_deep, too_deep_message};

/// How deeply lists and inline markup may nest inside one piece of prose.
pub const MAX_DEPTH: usize = 8;

/// How many problems of one kind are reported for one piece of prose before they are counted.
const MAX_REPORTED: usize = 5;

/// A piece of CommonMark prose from the content, parsed and checked.
///
/// It keeps its source text (which is what serializes), in Unicode Normalization Form C, and the
/// parsed [`Block`]s that the exporters render.
///
/// # Examples
///
/// ```
/// use mht_guide::{Block, Inline, Prose};
///
/// let prose = Prose::parse("Most work *full time* [@bls-ooh].").map_err(|e| e[0].to_string())?;
/// assert_eq!(prose.as_str(), "Most work *full time* [@bls-ooh].");
/// assert_eq!(prose.citations().map(|id| id.as_str()).collect::<Vec<_>>(), ["bls-ooh"]);
/// assert_eq!(prose.plain_text(), "Most work full time.");
/// let Block::Paragraph(inlines) = &prose.blocks()[0] else { unreachable!() };
/// assert!(matches!(inlines[1], Inline::Emphasis(_)));
///
/// let errors = Prose::parse("<script>alert(1)</script>").unwrap_err();
/// assert!(errors[0].message().contains("raw HTML"));
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    source: String,
    blocks: Vec<Block>,
}

/// A block of prose.
///
/// # Examples
///
/// ```
/// use mht_guide::{Block, Inline, Prose};
///
/// // A renderer of your own walks the blocks and inlines.
/// let prose = Prose::parse("Pay is *good* [@bls-ooh].\n\n- Days\n- Nights").unwrap();
/// match &prose.blocks()[0] {
///     Block::Paragraph(inlines) => assert!(matches!(inlines[1], Inline::Emphasis(_))),
///     other => panic!("a paragraph comes first, not {other:?}"),
/// }
/// match &prose.blocks()[1] {
///     Block::List(list) => assert_eq!((list.start, list.items.len()), (None, 2)),
///     other => panic!("then a list, not {other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bullet or numbered list.
    List(List),
}

/// A bullet or numbered list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct List {
    /// The number of the first item, for a numbered list; `None` for a bullet list.
    pub start: Option<u32>,
    /// Whether the items are set close together (no blank lines between them in the source).
    pub tight: bool,
    /// The items, each a sequence of blocks.
    pub items: Vec<Vec<Block>>,
}

/// Inline content of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasized content (usually italic).
    Emphasis(Vec<Inline>),
    /// Strongly emphasized content (usually bold).
    Strong(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A link.
    Link {
        /// Where the link goes.
        url: Url,
        /// The link text.
        content: Vec<Inline>,
    },
    /// A citation of one or more sources, by id.
    Citation(Vec<Id>),
    /// A line break in the source that renders as a space.
    SoftBreak,
    /// A hard line break.
    LineBreak,
}

/// A problem found in a piece of prose, at a 1-based line and column of the prose itself.
///
/// # Examples
///
/// ```
/// use mht_guide::Prose;
///
/// let errors = Prose::parse("Fine.\n\n# A heading").unwrap_err();
/// assert_eq!((errors[0].line(), errors[0].column()), (3, 1));
/// assert!(errors[0].message().starts_with("headings are not allowed in prose"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ProseError {
    line: usize,
    column: usize,
    message: String,
}

impl ProseError {
    /// The 1-based line within the prose.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column (in characters) within the prose.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong and how to fix it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The comrak options every part of this project parses prose with.
///
/// Plain CommonMark: no extensions, so that what the content means does not depend on a flavor.
pub(crate) fn comrak_options() -> Options<'static> {
    Options::default()
}

impl Prose {
    /// Parses and checks CommonMark prose.
    ///
    /// Citations are checked for form here; whether the cited sources exist is checked by the
    /// loader, which knows the guide's sources.
    ///
    /// # Errors
    ///
    /// Every problem found, each with its line and column within `source`.
    pub fn parse(source: &str) -> Result<Prose, Vec<ProseError>> {
        let (prose, errors) = Prose::parse_partial(source);
        if errors.is_empty() {
            Ok(prose)
        } else {
            Err(errors)
        }
    }

    /// Parses what can be parsed, and lists every problem; the prose is complete only when
    /// there are none. The loader uses the partial prose to go on checking its citations.
    pub(crate) fn parse_partial(source: &str) -> (Prose, Vec<ProseError>) {
        // Composed (NFC) text, as XML and the web expect; positions refer to it.
        let source: &str = &crate::values::nfc(source);
        if source.trim().is_empty() {
            let error = ProseError {
                line: 1,
                column: 1,
                message: "this text is empty; write the text or remove the field".into(),
            };
            return (Prose::placeholder(), vec![error]);
        }
        let mut conv = Converter {
            source,
            errors: Vec::new(),
        };
        // Characters no format can carry; a few are reported, with a count of the rest.
        let mut forbidden = 0;
        for (line, text) in source.lines().enumerate() {
            for (column, c) in text.chars().enumerate() {
                if let Some(why) = forbidden_char(c) {
                    forbidden += 1;
                    if forbidden <= MAX_REPORTED {
                        conv.errors.push(ProseError {
                            line: line + 1,
                            column: column + 1,
                            message: forbidden_message(c, why),
                        });
                    }
                }
            }
        }
        if forbidden > MAX_REPORTED {
            let more = forbidden - MAX_REPORTED;
            conv.errors.push(ProseError {
                line: 1,
                column: 1,
                message: format!("and {more} more such characters in this text"),
            });
        }
        // Bidirectional isolates are allowed where each is closed in the same text.
        if forbidden == 0
            && let Some((offset, why)) = crate::values::unbalanced_isolate(source)
        {
            let before = &source[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            conv.errors.push(ProseError {
                line,
                column: source[start..offset].chars().count() + 1,
                message: why,
            });
            return (Prose::placeholder(), conv.errors);
        }
        if forbidden > 0 {
            return (Prose::placeholder(), conv.errors);
        }
        let arena = Arena::new();
        let root = comrak::parse_document(&arena, source, &comrak_options());
        if let Some(deep) = too_deep(root) {
            conv.error(deep, too_deep_message());
            return (Prose::placeholder(), conv.errors);
        }
        let blocks = conv.blocks(root);
        let prose = Prose {
            source: source.to_owned(),
            blocks,
        };
        (prose, conv.errors)
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> Prose {
        Prose {
            source: String::new(),
            blocks: Vec::new(),
        }
    }

    /// The CommonMark source, as written in the content.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The parsed blocks.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Every source id this prose cites, in order of appearance, repeats included.
    pub fn citations(&self) -> impl Iterator<Item = &Id> {
        let mut ids = Vec::new();
        walk_inlines(&self.blocks, &mut |inline| {
            if let Inline::Citation(cited) = inline {
                ids.extend(cited);
            }
        });
        ids.into_iter()
    }

    /// The text a reader reads, without markup or citations; blocks are separated by a space.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        plain_blocks(&self.blocks, &mut out);
        out.trim_end().to_owned()
    }

    /// The number of words a reader reads (see [`count_words`]).
    pub fn word_count(&self) -> usize {
        count_words(&self.plain_text())
    }
}

impl Serialize for Prose {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

/// Calls `f` on every inline of `blocks`, depth first, parents before children.
pub fn walk_inlines<'a>(blocks: &'a [Block], f: &mut dyn FnMut(&'a Inline)) {
    fn inlines<'a>(list: &'a [Inline], f: &mut dyn FnMut(&'a Inline)) {
        for inline in list {
            f(inline);
            match inline {
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    inlines(c, f)
                }
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(list) => inlines(list, f),
            Block::List(list) => {
                for item in &list.items {
                    walk_inlines(item, f);
                }
            }
        }
    }
}

pub(crate) fn plain_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => {
                plain_inlines(inlines, out);
                out.push(' ');
            }
            Block::List(list) => {
                for item in &list.items {
                    plain_blocks(item, out);
                }
            }
        }
    }
}

fn plain_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                plain_inlines(c, out)
            }
            Inline::Citation(_) => {}
            Inline::SoftBreak | Inline::LineBreak => out.push(' '),
        }
    }
}

#[cfg(test)]
mod tests;

/// How many words a text has, as its readers count them: the words of Unicode's word
/// boundaries (UAX #29), and for text in Han characters, Hiragana and Katakana, which Chinese
/// and Japanese readers count by the character, one for each character.
///
/// # Examples
///
/// ```
/// use mht_guide::count_words;
///
/// assert_eq!(count_words("Technicians work shifts — days, nights or weekends."), 7);
/// assert_eq!(count_words("精神科技术员"), 6);
/// assert_eq!(count_words("정신건강 기술자는 환자를 돌본다"), 4);
/// ```
pub fn count_words(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words()
        .map(
            |word| match word.chars().filter(|&c| by_character(c)).count() {
                0 => 1,
                n => n,
            },
        )
        .sum()
}

/// Whether a character is counted on its own: Han ideographs, Hiragana and Katakana.
fn by_character(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3FFFF)
}
