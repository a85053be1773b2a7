//! The texts of an edition that a translator translates, found by walking its content files
//! as they merge: each string has a context that names its place the same way in every
//! edition (`faq.questions[license].answer`), whichever edition's file it came from.
//!
//! What is offered, and how an edition gives it back:
//!
//! - a string under a key that is not [`kept`] is a text; in a table, or in a list of tables
//!   with ids (questions, sources, settings), its translation is written at the same place;
//! - a list of strings, or a list of tables without ids and without figures (duties, skills,
//!   state licenses), is written whole, in the base's order, so its context counts items;
//! - a string in a list of tables that holds figures (pay rows, outlook rows) is translated by
//!   `[translations]` in `guide.toml`, which rewrites the text wherever the base writes it:
//!   the figures are never copied;
//! - proper names (boards, credentials, certifications, the publisher) are offered as
//!   optional: they may stay in English, with a gloss added if the translator likes;
//! - ids, codes, dates, addresses, figures and the titles of works cited are not offered.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::load::layer::kept;

/// How a text's translation is written back into an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route {
    /// At its own place, in the edition's file of the same name.
    Field,
    /// In a list written whole: the list's place is a [`Route::Field`]'s, with every item.
    Whole,
    /// Under `[translations]` in `guide.toml`, keyed by the base's text.
    Shared,
}

/// One string of a merged content file, as the walk finds it.
pub(crate) struct Found<'a> {
    /// Its place: `faq.questions[license].answer`.
    pub(crate) context: String,
    pub(crate) text: &'a str,
    /// Its span in the merged file's shared offset space.
    pub(crate) span: Range<usize>,
    pub(crate) route: Route,
    /// A proper name, which may stay as the base writes it.
    pub(crate) optional: bool,
}

/// Keys of `guide.toml` that are settings, not text, though not [`kept`]: handled apart
/// (`labels`, `translations`) or never translated.
const SETTINGS: &[&str] = &[
    "labels",
    "translations",
    "fonts",
    "direction",
    "languages_of_parts",
];

/// Kept keys whose values are proper names, offered as optional texts: a translator may keep
/// them, or add a gloss in the edition's language. The edition's slug is offered the same way.
const NAMES: &[&str] = &["board", "credential", "issuer", "publisher", "authors"];

/// Whether the strings under `key` of `file` are proper names offered as optional.
fn proper(file: &str, key: &str) -> bool {
    NAMES.contains(&key)
        || (file == "education.toml" && key == "name")
        || (file == crate::load::GUIDE_FILE && key == "slug")
}

/// The context's first part for a file: its name without `.toml`.
pub(crate) fn stem(file: &str) -> &str {
    file.strip_suffix(".toml").unwrap_or(file)
}

/// Calls `each` with every string of `table`, the merged content file `file`, that is offered
/// for translation.
pub(crate) fn walk<'a>(file: &str, table: &'a DeTable<'_>, each: &mut dyn FnMut(Found<'a>)) {
    let mut path = stem(file).to_owned();
    walk_table(file, table, &mut path, Route::Field, false, each);
}

fn walk_table<'a>(
    file: &str,
    table: &'a DeTable<'_>,
    path: &mut String,
    route: Route,
    optional: bool,
    each: &mut dyn FnMut(Found<'a>),
) {
    for (key, value) in sorted(table) {
        let Some(name) = key_rule(file, path, key) else {
            continue;
        };
        let len = path.len();
        path.push('.');
        path.push_str(key);
        let route = if refers(file, key) {
            Route::Shared
        } else {
            route
        };
        walk_value(file, value, path, route, optional || name, each);
        path.truncate(len);
    }
}

/// Whether the strings under `key` of `file` name rows of figures by the text the rows give
/// (the key figures name their occupations): they are translated with the rows' own names.
pub(crate) fn refers(file: &str, key: &str) -> bool {
    file == "salary-outlook.toml" && key == "key_figures"
}

/// A table's entries in the order they are written.
pub(crate) fn sorted<'a, 't>(table: &'a DeTable<'t>) -> Vec<(&'a str, &'a Spanned<DeValue<'t>>)> {
    let mut keys: Vec<_> = table.iter().collect();
    keys.sort_by_key(|(k, _)| k.span().start);
    keys.into_iter()
        .map(|(k, v)| (k.get_ref().as_ref(), v))
        .collect()
}

/// Whether the strings under `key` of the table at `path` in `file` are offered: `None` when
/// they are not, else whether as optional proper names.
pub(crate) fn key_rule(file: &str, path: &str, key: &str) -> Option<bool> {
    if file == crate::load::GUIDE_FILE && SETTINGS.contains(&key) && path == "guide" {
        return None;
    }
    let name = proper(file, key);
    (!kept(file, key) || name).then_some(name)
}

/// How the items of a list are given back, in a value given back by `route`.
pub(crate) fn array_route(items: &[Spanned<DeValue<'_>>], route: Route) -> Route {
    let tables = items
        .iter()
        .all(|i| matches!(i.get_ref(), DeValue::Table(_)));
    let ids = items.iter().all(|i| id_of(i).is_some());
    match route {
        Route::Shared => Route::Shared,
        _ if tables && ids && !items.is_empty() => route,
        _ if tables && items.iter().any(has_figures) => Route::Shared,
        _ => Route::Whole,
    }
}

/// How an item's place is written: `[id]` for a table with an id, else `[n]`.
pub(crate) fn item_step(items: &[Spanned<DeValue<'_>>], i: usize) -> String {
    let tables = items
        .iter()
        .all(|i| matches!(i.get_ref(), DeValue::Table(_)));
    match items.iter().map(id_of).collect::<Option<Vec<_>>>() {
        Some(ids) if tables => format!("[{}]", ids[i]),
        _ => format!("[{i}]"),
    }
}

fn walk_value<'a>(
    file: &str,
    value: &'a Spanned<DeValue<'_>>,
    path: &mut String,
    route: Route,
    optional: bool,
    each: &mut dyn FnMut(Found<'a>),
) {
    match value.get_ref() {
        DeValue::String(text) => each(Found {
            context: path.clone(),
            text: text.as_ref(),
            span: value.span(),
            route,
            optional,
        }),
        DeValue::Table(table) => walk_table(file, table, path, route, optional, each),
        DeValue::Array(items) => {
            let inner = array_route(items, route);
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&item_step(items, i));
                walk_value(file, item, path, inner, optional, each);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// A table's `id`, if it is a table with a string id.
pub(crate) fn id_of<'a>(value: &'a Spanned<DeValue<'_>>) -> Option<&'a str> {
    match value.get_ref() {
        DeValue::Table(t) => t.get("id").and_then(|v| v.get_ref().as_str()),
        _ => None,
    }
}

/// Whether a value holds a figure anywhere: a number, a truth value or a date-time.
pub(crate) fn has_figures(value: &Spanned<DeValue<'_>>) -> bool {
    match value.get_ref() {
        DeValue::String(_) => false,
        DeValue::Table(t) => t.values().any(has_figures),
        DeValue::Array(a) => a.iter().any(has_figures),
        _ => true,
    }
}

/// A text as a translator reads it: the soft line breaks of its paragraphs joined, so that
/// a paragraph is one line; paragraph breaks, list items and their indents kept.
pub(crate) fn unwrap(text: &str) -> String {
    let text = text.trim_end_matches('\n');
    if !text.contains('\n') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line.trim_end());
        let Some(next) = lines.peek() else { break };
        let trimmed = next.trim_start();
        let joins = !line.trim().is_empty()
            && !trimmed.is_empty()
            && !starts_block(trimmed)
            && !line.ends_with("  ");
        if joins {
            out.push(' ');
            // The continuation's indent goes with the break.
            *lines.peek_mut().expect("peeked") = trimmed;
        } else {
            out.push('\n');
        }
    }
    out
}

/// Whether a line starts a Markdown block of its own: a list item, a heading, a quote, a
/// fence, a table row or a rule.
pub(crate) fn starts_block(line: &str) -> bool {
    let bytes = line.as_bytes();
    if matches!(bytes.first(), Some(b'#' | b'>' | b'|' | b'`' | b'~' | b'=')) {
        return true;
    }
    if matches!(
        bytes,
        [b'-' | b'*' | b'+', b' ' | b'\t', ..] | [b'-' | b'*' | b'+']
    ) {
        return true;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=9).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && matches!(bytes.get(digits + 1), None | Some(b' ' | b'\t'))
}

/// A text written back into a content file: lines of at most `width` characters where it has
/// spaces to break at, never at a place where the next line would start a Markdown block, and
/// list items' continuation lines indented under their text.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let indent = list_indent(line);
        let mut column = 0;
        let mut start = true;
        for word in line.split(' ') {
            let count = word.chars().count();
            let fits = column + 1 + count <= width;
            if !start && !fits && !starts_block(word) && !word.is_empty() && column > indent {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', indent));
                column = indent;
            } else if !start {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += count;
            start = false;
        }
    }
    out
}

/// How far a list item's continuation lines are indented: under the item's text.
fn list_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let bytes = rest.as_bytes();
    if matches!(bytes, [b'-' | b'*' | b'+', b' ', ..]) {
        return lead + 2;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && bytes.get(digits + 1) == Some(&b' ')
    {
        return lead + digits + 2;
    }
    lead
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwrap_joins_soft_breaks_and_keeps_blocks() {
        let text = "One line\nand the next.\n\n- an item\n  that goes on\n- another\n1. first\n";
        assert_eq!(
            unwrap(text),
            "One line and the next.\n\n- an item that goes on\n- another\n1. first"
        );
        assert_eq!(unwrap("single"), "single");
    }

    #[test]
    fn wrap_never_starts_a_line_with_a_block_marker() {
        let text = "a b c - d 1. e";
        let wrapped = wrap(text, 3);
        for line in wrapped.lines().skip(1) {
            assert!(!starts_block(line), "{wrapped:?}");
        }
        assert_eq!(unwrap(&wrapped), text);
        let item = "- an item long enough to wrap";
        assert_eq!(wrap(item, 13), "- an item\n  long enough\n  to wrap");
        assert_eq!(unwrap(&wrap(item, 13)), item);
    }
}
