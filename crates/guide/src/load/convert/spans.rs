//! Places in a file: from a prose value's own line and column to the file's, through TOML
//! string escapes, and byte offsets to lines and columns.

use super::*;

/// A diagnostic at a line and a character column of the decoded text of the string value at
/// `span` of the file: the place is traced back through the value's escapes (`\n`, `\t`,
/// `\u00e9`, a line-ending backslash) to the characters of the file that produced it.
pub(crate) fn prose_diagnostic(
    path: &Path,
    text: &str,
    span: Range<usize>,
    line: usize,
    column: usize,
    message: String,
) -> Diagnostic {
    let chars = decoded_chars(text, span.clone());
    if chars.is_empty() {
        // An empty value: inside its quotes.
        return Diagnostic::at_offset(path, text, prose_origin(text, span), message);
    }
    let mut at_line = 1;
    let mut at_column = 1;
    let mut offset = chars.last().map_or(span.end, |&(_, at)| at);
    for &(c, at) in &chars {
        if at_line == line && at_column == column {
            offset = at;
            break;
        }
        if c == '\n' {
            if at_line == line {
                // A column past the end of its line: the line's end.
                offset = at;
                break;
            }
            at_line += 1;
            at_column = 1;
        } else {
            at_column += 1;
        }
    }
    Diagnostic::at_offset(path, text, offset, message)
}

/// The decoded characters of the TOML string value at `span` of `text`, each with the byte
/// offset in `text` of what it was written as. A line break written `\r\n` is one `\n`.
pub(super) fn decoded_chars(text: &str, span: Range<usize>) -> Vec<(char, usize)> {
    let raw = text.get(span.clone()).unwrap_or("");
    let (basic, delimiter) = if raw.starts_with("\"\"\"") {
        (true, 3)
    } else if raw.starts_with("\'\'\'") {
        (false, 3)
    } else if raw.starts_with('"') {
        (true, 1)
    } else if raw.starts_with('\'') {
        (false, 1)
    } else {
        return raw
            .char_indices()
            .map(|(i, c)| (c, span.start + i))
            .collect();
    };
    let end = raw.len().saturating_sub(delimiter).max(delimiter);
    let mut body = raw.get(delimiter..end).unwrap_or("");
    let mut base = span.start + delimiter;
    if delimiter == 3 {
        // A line break right after the opening quotes is not part of the value.
        for skip in ["\r\n", "\n"] {
            if let Some(rest) = body.strip_prefix(skip) {
                body = rest;
                base += skip.len();
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = base + i;
        match c {
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {
                chars.next();
                out.push(('\n', at));
            }
            '\\' if basic => {
                let Some((_, e)) = chars.next() else { break };
                let hex = |n: usize, chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
                    let digits: String = (0..n)
                        .filter_map(|_| chars.next().map(|(_, d)| d))
                        .collect();
                    u32::from_str_radix(&digits, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}')
                };
                let decoded = match e {
                    'b' => '\u{8}',
                    't' => '\t',
                    'n' => '\n',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    'x' => hex(2, &mut chars),
                    'u' => hex(4, &mut chars),
                    'U' => hex(8, &mut chars),
                    w if w.is_whitespace() => {
                        // A line-ending backslash: the break and the white space after it go.
                        while chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                            chars.next();
                        }
                        continue;
                    }
                    other => other,
                };
                out.push((decoded, at));
            }
            c => out.push((c, at)),
        }
    }
    out
}

/// Where the text of a string value starts, past its quotes and a first line break that the
/// TOML format drops from multi-line strings.
pub(super) fn prose_origin(text: &str, span: Range<usize>) -> usize {
    let raw = text.get(span.clone()).unwrap_or("");
    let mut origin = span.start;
    if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
        origin += 3;
        let rest = &text[origin..];
        if rest.starts_with("\r\n") {
            origin += 2;
        } else if rest.starts_with('\n') {
            origin += 1;
        }
    } else if raw.starts_with('\'') || raw.starts_with('"') {
        origin += 1;
    }
    origin
}

/// The 1-based line and character column of a byte offset.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "a = 1\nb = \"é!\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // Columns count characters, not bytes: `!` follows the two-byte `é`.
        assert_eq!(line_column(text, text.find('!').unwrap()), (2, 7));
        // Past the end, or inside a character, it stays in the text.
        assert_eq!(line_column(text, 999), (3, 1));
        assert_eq!(line_column(text, text.find('é').unwrap() + 1), (2, 6));
    }

    #[test]
    fn escapes_are_traced_back_to_what_was_written() {
        let text = "x = \"a\\u00e9\\nb\"";
        let span = 4..text.len();
        let chars = decoded_chars(text, span.clone());
        let decoded: String = chars.iter().map(|&(c, _)| c).collect();
        assert_eq!(decoded, "aé\nb");
        // `é` was written as `\u00e9`, six bytes after the `a`.
        assert_eq!(chars[1].1, text.find("\\u00e9").unwrap());
        let d = prose_diagnostic(Path::new("f.toml"), text, span, 2, 1, "here".into());
        assert_eq!(d.to_string(), "f.toml:1:15: error: here");
    }
}
