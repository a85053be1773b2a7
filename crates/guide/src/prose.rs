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

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options};
use serde::{Serialize, Serializer};

use crate::values::{Id, Url, forbidden_char, forbidden_message};

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

    /// The number of words a reader reads.
    pub fn word_count(&self) -> usize {
        self.plain_text().split_whitespace().count()
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

fn too_deep_message() -> String {
    format!(
        "lists, quotes, emphasis or links are nested more than {MAX_DEPTH} levels deep here; \
         flatten the structure"
    )
}

/// The first node nested deeper than [`MAX_DEPTH`] lists, links or emphasis, found without
/// recursion.
fn too_deep<'a>(root: &'a AstNode<'a>) -> Option<&'a AstNode<'a>> {
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        let nests = matches!(
            node.data().value,
            NodeValue::List(_)
                | NodeValue::BlockQuote
                | NodeValue::Emph
                | NodeValue::Strong
                | NodeValue::Link(_)
        );
        let depth = depth + usize::from(nests);
        if depth > MAX_DEPTH {
            return Some(node);
        }
        stack.extend(node.children().map(|child| (child, depth)));
    }
    None
}

struct Converter<'s> {
    source: &'s str,
    errors: Vec<ProseError>,
}

impl Converter<'_> {
    fn error<'a>(&mut self, node: &'a AstNode<'a>, message: String) {
        let pos = node.data().sourcepos.start;
        self.error_at(pos.line, pos.column, message);
    }

    /// Whether text as the parser decoded it, character references included, holds no
    /// character that content may not hold; if it does, that is an error at the node.
    fn decoded_is_clean<'a>(&mut self, node: &'a AstNode<'a>, decoded: &str) -> bool {
        let Some((c, why)) = decoded
            .chars()
            .find_map(|c| forbidden_char(c).map(|why| (c, why)))
        else {
            return true;
        };
        let message = format!(
            "{}; a character reference such as `&#x{:X};` counts as the character itself",
            forbidden_message(c, why),
            u32::from(c)
        );
        let start = node.data().sourcepos.start;
        match self.reference_to(c, start.line, start.column) {
            Some((line, byte_column)) => self.error_at(line, byte_column, message),
            None => self.error(node, message),
        }
        false
    }

    /// The line and byte column of the first numeric character reference to `c` at or after
    /// a place in the source.
    fn reference_to(&self, c: char, line: usize, byte_column: usize) -> Option<(usize, usize)> {
        for (n, text) in self.source.lines().enumerate().skip(line.saturating_sub(1)) {
            let from = if n + 1 == line {
                byte_column.saturating_sub(1).min(text.len())
            } else {
                0
            };
            let mut rest = text.get(from..)?;
            let mut at = from;
            while let Some(i) = rest.find("&#") {
                let tail = &rest[i + 2..];
                let (digits, radix) = match tail.strip_prefix(['x', 'X']) {
                    Some(hex) => (hex, 16),
                    None => (tail, 10),
                };
                let end = digits.find(';').unwrap_or(digits.len());
                if u32::from_str_radix(&digits[..end], radix).ok() == Some(u32::from(c)) {
                    return Some((n + 1, at + i + 1));
                }
                at += i + 2;
                rest = &rest[i + 2..];
            }
        }
        None
    }

    /// Records an error at a line and a byte column (as comrak counts them).
    fn error_at(&mut self, line: usize, byte_column: usize, message: String) {
        let line = line.max(1);
        let text = self.source.lines().nth(line - 1).unwrap_or("");
        let byte = byte_column.saturating_sub(1).min(text.len());
        let column = text.char_indices().take_while(|(i, _)| *i < byte).count() + 1;
        self.errors.push(ProseError {
            line,
            column,
            message,
        });
    }

    fn blocks<'a>(&mut self, parent: &'a AstNode<'a>) -> Vec<Block> {
        let mut blocks = Vec::new();
        for node in parent.children() {
            let value = node.data().value.clone();
            match value {
                NodeValue::Paragraph => blocks.push(Block::Paragraph(self.inlines(node))),
                NodeValue::List(list) => {
                    let items = node
                        .children()
                        .map(|item| self.blocks(item))
                        .collect::<Vec<_>>();
                    let start = match list.list_type {
                        comrak::nodes::ListType::Bullet => None,
                        comrak::nodes::ListType::Ordered => {
                            Some(u32::try_from(list.start).unwrap_or(u32::MAX))
                        }
                    };
                    blocks.push(Block::List(List {
                        start,
                        tight: list.tight,
                        items,
                    }));
                }
                NodeValue::HtmlBlock(_) => self.error(node, raw_html()),
                NodeValue::Heading(_) => self.error(
                    node,
                    "headings are not allowed in prose; the guide's sections and subsections \
                     provide the headings, so write this as a paragraph"
                        .into(),
                ),
                NodeValue::CodeBlock(_) => self.error(
                    node,
                    "code blocks are not allowed in prose; an indented line starts a code \
                     block, so remove the indentation"
                        .into(),
                ),
                NodeValue::BlockQuote => self.error(
                    node,
                    "block quotes are not allowed in prose; remove the leading `>`".into(),
                ),
                NodeValue::ThematicBreak => self.error(
                    node,
                    "horizontal rules are not allowed in prose; a line of `---`, `***` or \
                     `___` makes one, so remove it"
                        .into(),
                ),
                other => self.error(node, unsupported(&other)),
            }
        }
        blocks
    }

    fn inlines<'a>(&mut self, parent: &'a AstNode<'a>) -> Vec<Inline> {
        let mut inlines = Vec::new();
        let mut next = parent.first_child();
        while let Some(node) = next {
            next = node.next_sibling();
            let value = node.data().value.clone();
            match value {
                NodeValue::Text(text) => {
                    // A citation wrapped over a line break arrives as text, a soft break and
                    // more text: join them so the citation is read whole.
                    let mut text = text.into_owned();
                    while has_open_citation(&text) {
                        let Some(brk) = next else { break };
                        let Some(after) = brk.next_sibling() else {
                            break;
                        };
                        if !matches!(brk.data().value, NodeValue::SoftBreak) {
                            break;
                        }
                        let NodeValue::Text(more) = &after.data().value else {
                            break;
                        };
                        text.push(' ');
                        text.push_str(more);
                        next = after.next_sibling();
                    }
                    if self.decoded_is_clean(node, &text) {
                        self.text(node, &text, &mut inlines);
                    }
                }
                NodeValue::SoftBreak => inlines.push(Inline::SoftBreak),
                NodeValue::LineBreak => inlines.push(Inline::LineBreak),
                NodeValue::Code(code) => {
                    if self.decoded_is_clean(node, &code.literal) {
                        inlines.push(Inline::Code(code.literal));
                    }
                }
                NodeValue::Emph => inlines.push(Inline::Emphasis(self.inlines(node))),
                NodeValue::Strong => inlines.push(Inline::Strong(self.inlines(node))),
                NodeValue::Link(link) => match Url::parse(&link.url) {
                    Ok(url) => {
                        let content = self.inlines(node);
                        if cites(&content) {
                            // Every export links a citation to its source: inside a link's
                            // text it would be a link within a link, which no format allows.
                            self.error(
                                node,
                                "a citation cannot be inside a link's text, where it would be \
                                 a link within a link; put the `[@...]` after the link"
                                    .into(),
                            );
                        }
                        inlines.push(Inline::Link { url, content });
                    }
                    Err(message) => self.error(node, message.into()),
                },
                NodeValue::HtmlInline(_) => self.error(node, raw_html()),
                NodeValue::Image(_) => self.error(
                    node,
                    "images are not allowed in prose; the guide is text only, so remove the \
                     `![...](...)`"
                        .into(),
                ),
                other => self.error(node, unsupported(&other)),
            }
        }
        inlines
    }

    /// Splits citations (`[@id]`, `[@a; @b]`) out of a text node.
    fn text<'a>(&mut self, node: &'a AstNode<'a>, text: &str, out: &mut Vec<Inline>) {
        let start = node.data().sourcepos.start;
        let mut rest = text;
        let mut offset = 0;
        while let Some(open) = rest.find("[@") {
            let Some(close) = rest[open..].find(']') else {
                self.error_at(
                    start.line,
                    start.column + offset + open,
                    "this citation has no closing `]`; write citations as `[@source-id]`".into(),
                );
                return;
            };
            // Renderers decide the space before a citation, so drop what the source has there.
            let before = rest[..open].trim_end();
            if !before.is_empty() {
                push_text(out, before);
            } else if matches!(out.last(), Some(Inline::SoftBreak)) {
                out.pop();
            }
            let inner = &rest[open + 1..open + close];
            let mut ids = Vec::new();
            for part in inner.split(';') {
                let part = part.trim();
                match part.strip_prefix('@').map(Id::parse) {
                    Some(Ok(id)) => ids.push(id),
                    Some(Err(message)) => self.error_at(
                        start.line,
                        start.column + offset + open,
                        format!("in this citation, {message}"),
                    ),
                    None => self.error_at(
                        start.line,
                        start.column + offset + open,
                        format!(
                            "`{part}` in this citation does not start with `@`; write \
                             `[@first-id; @second-id]`"
                        ),
                    ),
                }
            }
            out.push(Inline::Citation(ids));
            offset += open + close + 1;
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            push_text(out, rest);
        }
    }
}

/// Whether the text opens a citation that it does not close.
/// Whether inlines hold a citation, at any depth.
fn cites(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Citation(_) => true,
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => cites(c),
        _ => false,
    })
}

fn has_open_citation(text: &str) -> bool {
    text.rfind("[@")
        .is_some_and(|open| !text[open..].contains(']'))
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_owned()));
    }
}

fn raw_html() -> String {
    "raw HTML is not allowed in prose; write plain text with Markdown emphasis and links \
     instead (to show a literal `<`, write `\\<`)"
        .into()
}

fn unsupported(value: &NodeValue) -> String {
    format!(
        "this Markdown construct ({}) is not supported in the guide's prose; use paragraphs, \
         lists, emphasis, links and citations",
        value.xml_node_name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(src: &str) -> Vec<String> {
        Prose::parse(src)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn converts_the_supported_constructs() {
        let prose = Prose::parse(
            "One *two* **three** `four` [five](https://x.org) <https://y.org>\\\nsix [@a; @b-2].\n\n\
             - item\n  1. nested\n",
        )
        .unwrap();
        let ids: Vec<_> = prose.citations().map(Id::as_str).collect();
        assert_eq!(ids, ["a", "b-2"]);
        assert_eq!(
            prose.plain_text(),
            "One two three four five https://y.org six. item nested"
        );
        assert_eq!(prose.word_count(), 9);
        let Block::List(list) = &prose.blocks()[1] else {
            panic!("expected a list")
        };
        assert_eq!(list.start, None);
        let Block::List(nested) = &list.items[0][1] else {
            panic!("expected a nested list")
        };
        assert_eq!(nested.start, Some(1));
    }

    #[test]
    fn rejects_what_the_guide_does_not_allow_with_positions() {
        assert_eq!(
            errors("ok\n\n# Heading\n\n<div>x</div>\n\ntext <b>bold</b> ![i](https://x/i.png)"),
            [
                "3:1: headings are not allowed in prose; the guide's sections and subsections \
                 provide the headings, so write this as a paragraph",
                format!("5:1: {}", raw_html()).as_str(),
                format!("7:6: {}", raw_html()).as_str(),
                format!("7:13: {}", raw_html()).as_str(),
                "7:18: images are not allowed in prose; the guide is text only, so remove the \
                 `![...](...)`",
            ]
        );
        assert!(errors("[x](javascript:alert(1))")[0].starts_with("1:1: the address"));
        assert!(errors("    code")[0].contains("code blocks"));
        assert!(errors("> quote")[0].contains("block quotes"));
        assert!(errors("a\n\n---\n")[0].starts_with("3:1: horizontal rules"));
        assert!(errors("  ")[0].contains("empty"));
    }

    #[test]
    fn a_citation_inside_a_links_text_is_refused_at_the_link() {
        let nested = "a citation cannot be inside a link's text, where it would be a link \
                      within a link; put the `[@...]` after the link";
        assert_eq!(
            errors("See [the law [@ca]](https://x.org)."),
            [format!("1:5: {nested}")]
        );
        assert_eq!(
            errors("See\n[*the [@ca] law*](https://x.org)."),
            [format!("2:1: {nested}")]
        );
        assert!(Prose::parse("See [the law](https://x.org) [@ca].").is_ok());
    }

    #[test]
    fn a_citation_may_wrap_over_a_line_break() {
        let prose = Prose::parse("Pay rose [@a;\n@b] and [@c\n]. Then [@d; @e\nmore").unwrap_err();
        assert_eq!(prose.len(), 1, "{prose:?}");
        assert!(prose[0].message().contains("no closing"));
        let prose = Prose::parse("Pay rose [@a;\n@b] and [@c\n].").unwrap();
        let ids: Vec<_> = prose.citations().map(Id::as_str).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(prose.plain_text(), "Pay rose and.");
    }

    #[test]
    fn rejects_malformed_citations() {
        assert_eq!(
            errors("Pay rose [@Bad id] and [@x; y] and é [@open"),
            [
                "1:10: in this citation, `Bad id` is not a valid id; use lowercase letters \
                 and digits in words joined by single hyphens, such as `bls-ooh`",
                "1:24: `y` in this citation does not start with `@`; write `[@first-id; \
                 @second-id]`",
                "1:38: this citation has no closing `]`; write citations as `[@source-id]`",
            ]
        );
    }

    #[test]
    fn deep_nesting_is_rejected_without_recursion() {
        let deep = "- ".repeat(5000) + "x";
        assert!(errors(&deep)[0].contains("nested more than"));
        let emph = "*a ".repeat(3000) + &"b*".repeat(3000);
        assert!(errors(&emph)[0].contains("nested more than"));
        let ok = "- ".repeat(MAX_DEPTH) + "x";
        assert!(Prose::parse(&ok).is_ok());
    }
}
