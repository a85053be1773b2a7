//! From comrak's tree to the guide's prose tree, refusing what the guide does not allow at its
//! line and column.

use comrak::nodes::{AstNode, NodeValue};

use super::{Block, Inline, List, MAX_DEPTH, ProseError};
use crate::values::{Id, Url, forbidden_char, forbidden_message};

pub(super) fn too_deep_message() -> String {
    format!(
        "lists, quotes, emphasis or links are nested more than {MAX_DEPTH} levels deep here; \
         flatten the structure"
    )
}

/// The first node nested deeper than [`MAX_DEPTH`] lists, links or emphasis, found without
/// recursion.
pub(super) fn too_deep<'a>(root: &'a AstNode<'a>) -> Option<&'a AstNode<'a>> {
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

pub(super) struct Converter<'s> {
    pub(super) source: &'s str,
    pub(super) errors: Vec<ProseError>,
}

impl Converter<'_> {
    pub(super) fn error<'a>(&mut self, node: &'a AstNode<'a>, message: String) {
        let pos = node.data().sourcepos.start;
        self.error_at(pos.line, pos.column, message);
    }

    /// Whether text as the parser decoded it, character references included, holds no
    /// character that content may not hold; if it does, that is an error at the node.
    fn decoded_is_clean<'a>(&mut self, node: &'a AstNode<'a>, decoded: &str) -> bool {
        let isolate = |c: char| {
            matches!(c, '\u{2066}'..='\u{2069}').then_some(
                "a bidirectional isolate, which a character reference cannot balance (write the \
                 isolate characters themselves, each opened and closed in the same text)",
            )
        };
        let Some((c, why)) = decoded
            .chars()
            .find_map(|c| forbidden_char(c).or_else(|| isolate(c)).map(|why| (c, why)))
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

    pub(super) fn blocks<'a>(&mut self, parent: &'a AstNode<'a>) -> Vec<Block> {
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
        drop_breaks_between_wide(&mut inlines);
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

/// Whether inlines hold a citation, at any depth.
fn cites(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Citation(_) => true,
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => cites(c),
        _ => false,
    })
}

/// Whether the text opens a citation that it does not close.
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

pub(super) fn raw_html() -> String {
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

/// Drops each line break in the source between two characters of Chinese or Japanese, which
/// separate nothing: those scripts put no space between words or sentences, so a break made
/// only to keep the source's lines short must not print as one (CSS Text's segment break
/// rule). Korean, which puts spaces between words, keeps its breaks as spaces.
fn drop_breaks_between_wide(inlines: &mut Vec<Inline>) {
    let mut i = 1;
    while i + 1 < inlines.len() {
        if inlines[i] == Inline::SoftBreak
            && last_char(&inlines[..i]).is_some_and(is_wide)
            && first_char(&inlines[i + 1..]).is_some_and(is_wide)
        {
            inlines.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Whether a character is of Chinese or Japanese writing: ideographs, kana, bopomofo, their
/// punctuation and full-width forms.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FFF}'
        | '\u{3000}'..='\u{30FF}'
        | '\u{3100}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// The last character the inlines print, looking inside emphasis and links.
fn last_char(inlines: &[Inline]) -> Option<char> {
    match inlines.last()? {
        Inline::Text(t) | Inline::Code(t) => t.chars().last(),
        Inline::Emphasis(inner) | Inline::Strong(inner) => last_char(inner),
        Inline::Link { content, .. } => last_char(content),
        Inline::Citation(_) | Inline::SoftBreak | Inline::LineBreak => None,
    }
}

/// The first character the inlines print, looking inside emphasis and links.
fn first_char(inlines: &[Inline]) -> Option<char> {
    match inlines.first()? {
        Inline::Text(t) | Inline::Code(t) => t.chars().next(),
        Inline::Emphasis(inner) | Inline::Strong(inner) => first_char(inner),
        Inline::Link { content, .. } => first_char(content),
        Inline::Citation(_) | Inline::SoftBreak | Inline::LineBreak => None,
    }
}
