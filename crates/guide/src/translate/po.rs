//! Gettext PO files: the catalog a translator receives and returns, read and written.
//!
//! What is read: the header entry, `msgctxt`, `msgid`, `msgstr`, strings continued over lines,
//! translator comments (`# `), extracted comments (`#.`), references (`#:`), flags (`#,`, of
//! which `fuzzy` counts), the previous source of a fuzzy entry (`#| msgid`), and obsolete
//! entries (`#~`). Plural forms are refused: the guide has no text that varies by a count.

use std::path::Path;

use crate::diag::Diagnostic;

/// A translation catalog: the texts of an edition, each with its translation if it has one.
///
/// # Examples
///
/// ```
/// use mht_guide::translate::Catalog;
///
/// let po = "msgid \"\"\nmsgstr \"Language: vi\\n\"\n\nmsgctxt \"guide.title\"\n\
///           msgid \"Mental Health Technician\"\nmsgstr \"Kỹ thuật viên sức khỏe tâm thần\"\n";
/// let catalog = Catalog::parse("vi.po", po)?;
/// assert_eq!(catalog.header("Language"), Some("vi"));
/// assert_eq!(catalog.entries[0].context, "guide.title");
/// assert!(catalog.entries[0].is_translated());
/// assert!(catalog.to_po().contains("msgctxt \"guide.title\""));
/// # Ok::<(), mht_guide::Diagnostic>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Catalog {
    /// The header's fields, in order: (`Language`, `vi`).
    pub header: Vec<(String, String)>,
    /// The entries, in the order of the guide.
    pub entries: Vec<Entry>,
}

/// One text of a catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// Where the text is in the guide (`msgctxt`): `faq.questions[license].answer`.
    pub context: String,
    /// The text in the base's language (`msgid`).
    pub source: String,
    /// The translation (`msgstr`); empty while untranslated.
    pub translation: String,
    /// The translation was made from another source text, kept in [`previous`](Self::previous).
    pub fuzzy: bool,
    /// The source text the translation was made from, when it has changed since (`#| msgid`).
    pub previous: Option<String>,
    /// What the translator must keep (`#.`).
    pub notes: Vec<String>,
    /// The translator's own comments (`# `), kept as they are.
    pub comments: Vec<String>,
    /// Where the source text is written (`#:`).
    pub places: Vec<String>,
    /// A text the source no longer has (`#~`), kept for its translation.
    pub obsolete: bool,
    /// The line of its `msgstr` in the file it was read from, from 1; 0 for an entry made here.
    pub line: usize,
    /// The line of its `msgid` in the file it was read from; 0 for an entry made here.
    pub source_line: usize,
}

impl Entry {
    /// A new entry for a source text, untranslated.
    pub fn new(context: impl Into<String>, source: impl Into<String>) -> Entry {
        Entry {
            context: context.into(),
            source: source.into(),
            ..Entry::default()
        }
    }

    /// Whether it has a translation that is current: not empty, not fuzzy, not obsolete.
    pub fn is_translated(&self) -> bool {
        !self.translation.is_empty() && !self.fuzzy && !self.obsolete
    }
}

impl Catalog {
    /// A header field's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Sets a header field, adding it at the end if it is new.
    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self
            .header
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(field) => field.1 = value,
            None => self.header.push((name.to_owned(), value)),
        }
    }

    /// Reads a PO file. `path` names the file in messages.
    ///
    /// # Errors
    ///
    /// The first problem, at its line and column: a line that is not PO, a string that does
    /// not close or has an unknown escape, an entry without `msgid` or `msgstr`, plural forms,
    /// a text given twice, a charset other than UTF-8.
    pub fn parse(path: impl AsRef<Path>, text: &str) -> Result<Catalog, Diagnostic> {
        Parser::new(path.as_ref(), text).run()
    }

    /// The catalog as a PO file, lines of strings wrapped at 79 columns like gettext's own
    /// tools write them.
    pub fn to_po(&self) -> String {
        let mut out = String::new();
        out.push_str("msgid \"\"\nmsgstr \"\"\n");
        for (name, value) in &self.header {
            out.push('"');
            escape_into(&format!("{name}: {value}\n"), &mut out);
            out.push_str("\"\n");
        }
        for entry in &self.entries {
            out.push('\n');
            write_entry(entry, &mut out);
        }
        out
    }
}

fn write_entry(entry: &Entry, out: &mut String) {
    let lead = if entry.obsolete { "#~ " } else { "" };
    for comment in &entry.comments {
        out.push_str(&format!(
            "#{}{comment}\n",
            if comment.is_empty() { "" } else { " " }
        ));
    }
    if !entry.obsolete {
        for note in &entry.notes {
            out.push_str(&format!("#. {note}\n"));
        }
        for place in &entry.places {
            out.push_str(&format!("#: {place}\n"));
        }
    }
    if entry.fuzzy {
        out.push_str("#, fuzzy\n");
    }
    if let Some(previous) = &entry.previous {
        let prefix = if entry.obsolete { "#~| " } else { "#| " };
        write_string(prefix, "msgid", previous, out);
    }
    write_string(lead, "msgctxt", &entry.context, out);
    write_string(lead, "msgid", &entry.source, out);
    write_string(lead, "msgstr", &entry.translation, out);
}

/// Writes `keyword "string"`, as one line if it fits and has no line break inside, else as an
/// empty first string and one line per piece: a piece ends at each line break, and a long one
/// is cut after a space.
fn write_string(prefix: &str, keyword: &str, text: &str, out: &mut String) {
    const WIDTH: usize = 79;
    let inner = text.trim_end_matches('\n');
    let one_line =
        !inner.contains('\n') && prefix.len() + keyword.len() + 3 + escaped_len(text) <= WIDTH;
    if one_line {
        out.push_str(&format!("{prefix}{keyword} \""));
        escape_into(text, out);
        out.push_str("\"\n");
        return;
    }
    out.push_str(&format!("{prefix}{keyword} \"\"\n"));
    let room = WIDTH - prefix.len() - 2;
    for line in text.split_inclusive('\n') {
        let mut piece = String::new();
        let mut width = 0;
        for word in line.split_inclusive(' ') {
            let w = escaped_len(word);
            if width > 0 && width + w > room {
                push_piece(prefix, &piece, out);
                piece.clear();
                width = 0;
            }
            piece.push_str(word);
            width += w;
        }
        if !piece.is_empty() {
            push_piece(prefix, &piece, out);
        }
    }
}

fn push_piece(prefix: &str, piece: &str, out: &mut String) {
    out.push_str(prefix);
    out.push('"');
    escape_into(piece, out);
    out.push_str("\"\n");
}

fn escaped_len(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\t' | '\r' => 2,
            _ => 1,
        })
        .sum()
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// Which string the continuation lines add to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Context,
    Source,
    Translation,
    Previous,
}

/// An entry being read.
#[derive(Default)]
struct Partial {
    entry: Entry,
    has_context: bool,
    has_source: bool,
    has_translation: bool,
    /// Where the entry starts, for a message about it as a whole.
    start: usize,
    /// Any line at all was read for it.
    begun: bool,
}

struct Parser<'t> {
    path: &'t Path,
    text: &'t str,
    catalog: Catalog,
    seen: std::collections::HashSet<(String, String)>,
}

impl<'t> Parser<'t> {
    fn new(path: &'t Path, text: &'t str) -> Self {
        Parser {
            path,
            text,
            catalog: Catalog::default(),
            seen: std::collections::HashSet::new(),
        }
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at_offset(self.path, self.text, offset, message.into()).into_error()
    }

    fn run(mut self) -> Result<Catalog, Diagnostic> {
        let bom = if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let mut partial = Partial::default();
        let mut field = Field::None;
        let mut offset = bom;
        let mut line_number = 0;
        for raw in self.text[bom..].split_inclusive('\n') {
            line_number += 1;
            let start = offset;
            offset += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let body = line.trim_start();
            let lead = line.len() - body.len();
            if body.is_empty() {
                field = Field::None;
                continue;
            }
            let (obsolete, body, lead) = match body.strip_prefix("#~") {
                Some(rest) => {
                    let trimmed = rest.trim_start();
                    (true, trimmed, lead + 2 + rest.len() - trimmed.len())
                }
                None => (false, body, lead),
            };
            let at = start + lead;
            // A comment, or a keyword after the entry's msgstr, starts a new entry.
            let keyword_line = body.starts_with("msg");
            if partial.has_translation
                && (body.starts_with('#') || (keyword_line && !body.starts_with("msgstr")))
            {
                self.finish(std::mem::take(&mut partial))?;
                field = Field::None;
            }
            if !partial.begun {
                partial.begun = true;
                partial.start = at;
            }
            partial.entry.obsolete |= obsolete;
            if let Some(rest) = body.strip_prefix('#') {
                if !rest.starts_with('|') {
                    field = Field::None;
                }
                match rest.chars().next() {
                    Some('.') => partial.entry.notes.push(rest[1..].trim().to_owned()),
                    Some(':') => partial
                        .entry
                        .places
                        .extend(rest[1..].split_whitespace().map(str::to_owned)),
                    Some(',') => {
                        for flag in rest[1..].split(',') {
                            if flag.trim() == "fuzzy" {
                                partial.entry.fuzzy = true;
                            }
                        }
                    }
                    Some('|') => {
                        let previous = rest[1..].trim_start();
                        let at = at + body.len() - previous.len();
                        if let Some(s) = previous.strip_prefix("msgid ") {
                            let value = self.string(s, at + 6)?;
                            partial.entry.previous = Some(value);
                            field = Field::Previous;
                        } else if previous.starts_with("msgctxt ") {
                            field = Field::None;
                        } else if previous.starts_with('"') {
                            let value = self.string(previous, at)?;
                            if field == Field::Previous
                                && let Some(p) = &mut partial.entry.previous
                            {
                                p.push_str(&value);
                            }
                        } else if previous.starts_with("msgid_plural") {
                            field = Field::None;
                        }
                    }
                    _ => partial
                        .entry
                        .comments
                        .push(rest.strip_prefix(' ').unwrap_or(rest).to_owned()),
                }
                continue;
            }
            let (keyword, rest) = match body.find([' ', '\t', '"']) {
                Some(i) => (&body[..i], body[i..].trim_start()),
                None => (body, ""),
            };
            let string_at = at + body.len() - rest.len();
            match keyword {
                "" => {
                    let value = self.string(rest, string_at)?;
                    let target = match field {
                        Field::Context => &mut partial.entry.context,
                        Field::Source => &mut partial.entry.source,
                        Field::Translation => &mut partial.entry.translation,
                        Field::Previous | Field::None => {
                            return Err(self.error(
                                at,
                                "a string continues nothing here; put it right under the \
                                 `msgid`, `msgstr` or `msgctxt` line it belongs to",
                            ));
                        }
                    };
                    target.push_str(&value);
                }
                "msgctxt" => {
                    if partial.has_source {
                        return Err(
                            self.error(at, "`msgctxt` must come before the entry's `msgid`")
                        );
                    }
                    partial.entry.context = self.string(rest, string_at)?;
                    partial.has_context = true;
                    field = Field::Context;
                }
                "msgid" => {
                    if partial.has_source {
                        return Err(self.error(
                            at,
                            "a second `msgid` before this entry's `msgstr`; each entry has one \
                             `msgid` and one `msgstr`",
                        ));
                    }
                    partial.entry.source = self.string(rest, string_at)?;
                    partial.entry.source_line = line_number;
                    partial.has_source = true;
                    field = Field::Source;
                }
                "msgstr" => {
                    if !partial.has_source {
                        return Err(self.error(at, "`msgstr` without a `msgid` before it"));
                    }
                    if partial.has_translation {
                        return Err(self.error(at, "a second `msgstr` in one entry"));
                    }
                    partial.entry.translation = self.string(rest, string_at)?;
                    partial.entry.line = line_number;
                    partial.has_translation = true;
                    field = Field::Translation;
                }
                k if k == "msgid_plural" || k.starts_with("msgstr[") => {
                    return Err(self.error(
                        at,
                        "plural forms are not used: no text of the guide changes with a count; \
                         give one `msgstr`",
                    ));
                }
                _ => {
                    return Err(self.error(
                        at,
                        format!(
                            "`{keyword}` is not a PO keyword; an entry has `msgctxt`, `msgid` \
                             and `msgstr` lines, strings in double quotes, and comments \
                             starting with `#`"
                        ),
                    ));
                }
            }
        }
        if partial.has_source || partial.has_context {
            self.finish(partial)?;
        }
        Ok(self.catalog)
    }

    /// Takes a finished entry: the header, or one more text.
    fn finish(&mut self, partial: Partial) -> Result<(), Diagnostic> {
        if !partial.has_source {
            return Err(self.error(partial.start, "this entry has no `msgid`"));
        }
        if !partial.has_translation {
            return Err(self.error(
                partial.start,
                "this entry has no `msgstr`; add `msgstr \"\"` for a text not yet translated",
            ));
        }
        let entry = partial.entry;
        if entry.source.is_empty() && !partial.has_context {
            if !self.catalog.header.is_empty() || !self.catalog.entries.is_empty() {
                return Err(self.error(
                    partial.start,
                    "a second header entry (an empty `msgid`); a PO file has one, first",
                ));
            }
            for field in entry.translation.lines() {
                if let Some((name, value)) = field.split_once(':') {
                    self.catalog
                        .header
                        .push((name.trim().to_owned(), value.trim().to_owned()));
                }
            }
            if let Some(kind) = self.catalog.header("Content-Type")
                && let Some((_, charset)) = kind.split_once("charset=")
                && !charset.trim().eq_ignore_ascii_case("UTF-8")
            {
                return Err(self.error(
                    partial.start,
                    format!(
                        "the file says its charset is `{}`; save it as UTF-8 and set \
                         `charset=UTF-8`",
                        charset.trim()
                    ),
                ));
            }
            return Ok(());
        }
        let key = (entry.context.clone(), entry.source.clone());
        if !entry.obsolete && !self.seen.insert(key) {
            return Err(self.error(
                partial.start,
                format!(
                    "this text is given twice with the context `{}`; keep one entry",
                    entry.context
                ),
            ));
        }
        self.catalog.entries.push(entry);
        Ok(())
    }

    /// Reads a quoted string starting at `s`, which is at `offset` in the file.
    fn string(&self, s: &str, offset: usize) -> Result<String, Diagnostic> {
        let s = s.trim_end();
        let Some(inner) = s.strip_prefix('"') else {
            return Err(self.error(offset, "a string must be in double quotes"));
        };
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    let after = &inner[i + 1..];
                    if !after.trim().is_empty() {
                        return Err(self.error(
                            offset + 2 + i,
                            "text after the closing quote; write `\\\"` for a quote inside \
                             the string",
                        ));
                    }
                    return Ok(out);
                }
                '\\' => {
                    let escaped = chars.next().map(|(_, e)| e);
                    out.push(match escaped {
                        Some('n') => '\n',
                        Some('t') => '\t',
                        Some('r') => '\r',
                        Some('"') => '"',
                        Some('\\') => '\\',
                        Some('a') => '\u{7}',
                        Some('b') => '\u{8}',
                        Some('f') => '\u{c}',
                        Some('v') => '\u{b}',
                        other => {
                            return Err(self.error(
                                offset + 1 + i,
                                format!(
                                    "`\\{}` is not an escape PO knows; write `\\\\` for a \
                                     backslash",
                                    other.map(String::from).unwrap_or_default()
                                ),
                            ));
                        }
                    });
                }
                c => out.push(c),
            }
        }
        Err(self.error(
            offset,
            "this string does not end: close it with `\"` on the same line",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(text: &str) -> Catalog {
        Catalog::parse("t.po", text).unwrap()
    }

    #[test]
    fn reads_what_it_writes() {
        let mut entry = Entry::new("faq.questions[pay].answer", "A \"quoted\" line\nand more\n");
        entry.translation = "Una línea \\ y más".into();
        entry.fuzzy = true;
        entry.previous = Some("Before, ".repeat(20) + "\nand a second line");
        entry.notes = vec!["Keep [@bls-ooh].".into()];
        entry.places = vec!["faq.toml:3".into()];
        entry.comments = vec!["checked with Ana".into()];
        let mut gone = Entry::new("old.text", "Gone");
        gone.translation = "Ido".into();
        gone.obsolete = true;
        let written = Catalog {
            header: vec![("Language".into(), "es-US".into())],
            entries: vec![entry, gone],
        };
        let mut read = catalog(&written.to_po());
        for e in &mut read.entries {
            e.line = 0;
            e.source_line = 0;
        }
        assert_eq!(read, written);
    }

    #[test]
    fn long_strings_wrap_and_join_again() {
        let long = "word ".repeat(40) + "\nsecond line";
        let written = Catalog {
            header: vec![],
            entries: vec![Entry::new("c", long.clone())],
        };
        let po = written.to_po();
        assert!(po.lines().all(|l| l.chars().count() <= 79), "{po}");
        assert_eq!(catalog(&po).entries[0].source, long);
    }

    #[test]
    fn errors_name_the_line() {
        let err = Catalog::parse("t.po", "msgid \"a\"\nmsgstr \"b\n").unwrap_err();
        assert_eq!(err.position().map(|p| p.line), Some(2));
        assert!(err.message().contains("does not end"), "{err}");
        let err = Catalog::parse("t.po", "msgid \"a\"\nmsgid_plural \"as\"\n").unwrap_err();
        assert!(err.message().contains("plural"), "{err}");
        let err = Catalog::parse("t.po", "msgid \"a\"\nmsgstr \"\\q\"\n").unwrap_err();
        assert!(err.message().contains("escape"), "{err}");
        let twice = "msgid \"a\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"\"\n";
        assert_eq!(
            Catalog::parse("t.po", twice)
                .unwrap_err()
                .position()
                .map(|p| p.line),
            Some(4)
        );
        let latin1 = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n";
        assert!(
            Catalog::parse("t.po", latin1)
                .unwrap_err()
                .message()
                .contains("ISO-8859-1")
        );
    }
}
