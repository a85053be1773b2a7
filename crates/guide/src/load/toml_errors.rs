//! Parsing a content file's TOML, and rewording the parser's errors for an editor: for a single
//! file here, and for the layers of an edition with a base in `layer`.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::GUIDE_FILE;
use crate::diag::Diagnostic;

/// Parses a file that stands alone (a built-in label set): an empty file or TOML that does not
/// parse is a problem.
pub(super) fn parse_toml<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    if text.trim().is_empty() {
        problems.push(empty_file(path, text));
        return None;
    }
    match toml::from_str(text) {
        Ok(value) => Some(value),
        Err(err) => {
            problems.push(syntax_problem(path, text, &err));
            None
        }
    }
}

/// The problem of a content file with nothing in it.
pub(super) fn empty_file(path: &Path, text: &str) -> Diagnostic {
    Diagnostic::at_offset(
        path,
        text,
        0,
        "this file is empty; it must hold the fields of its section (see the other files of a \
         guide for their form)"
            .into(),
    )
}

/// The problem of a file whose TOML does not parse: at the parser's place, with what to do;
/// quoted only when the file is content.
pub(super) fn syntax_problem(path: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
    let mut message = toml_message(err.message());
    let mut span = err.span();
    // The parser stops nesting without saying where; the place is the deepest key.
    if span.is_none() && (err.message().contains("recursion") || err.message().contains("recurse"))
    {
        message = "this nests more deeply than a TOML reader allows; the guide's files nest \
                   keys and tables at most four levels deep"
            .into();
        span = deepest_key(text);
    }
    let diagnostic = match span {
        Some(span) => Diagnostic::at_offset(path, text, span.start, message),
        None => Diagnostic::file(path, message),
    };
    unquoted_unless_content(diagnostic, path, text)
}

/// Where the line with the most dots or brackets before its `=` (or in its header) starts
/// its key: the place a key nested too deeply is written.
fn deepest_key(text: &str) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    let mut best: Option<(usize, usize)> = None;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or(line);
        let depth = key.matches(['.', '[']).count();
        let indent = line.len() - line.trim_start().len();
        if best.is_none_or(|(d, _)| depth > d) {
            best = Some((depth, start + indent));
        }
        start += line.len();
    }
    best.map(|(_, at)| at..at)
}

/// The diagnostic, without the line it quotes when the file is not content: not TOML at all,
/// or TOML without the keys every file of its kind has. Such a file may be anything, a secret
/// included: its place is given, its text is not quoted.
pub(super) fn unquoted_unless_content(
    diagnostic: Diagnostic,
    path: &Path,
    text: &str,
) -> Diagnostic {
    let is_meta = path.file_name().is_some_and(|n| n == GUIDE_FILE);
    let keys: &[&str] = if is_meta {
        &["slug", "title"]
    } else {
        &["summary"]
    };
    let is_content = match text.parse::<toml::Table>() {
        Ok(table) => keys.iter().any(|k| table.contains_key(*k)),
        // A content file with a typo still has its key lines.
        Err(_) => text.lines().any(|line| {
            keys.iter().any(|k| {
                line.strip_prefix(k)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
        }),
    };
    if is_content {
        diagnostic
    } else {
        diagnostic.without_line()
    }
}

/// An unknown-field message with a long list of the expected keys (the labels have over a
/// hundred) names the nearest key instead of all of them.
fn shorten_expected(message: &str) -> String {
    let Some((head, list)) = message.split_once(", expected one of ") else {
        return message.to_owned();
    };
    let expected: Vec<&str> = list.split(", ").map(|k| k.trim_matches('`')).collect();
    if expected.len() <= 16 {
        return message.to_owned();
    }
    let unknown = head
        .strip_prefix("unknown field `")
        .and_then(|h| h.strip_suffix('`'))
        .unwrap_or("");
    let nearest = expected
        .iter()
        .map(|k| (edit_distance(unknown, k), *k))
        .min()
        .filter(|(d, _)| *d <= 3);
    match nearest {
        Some((_, key)) => format!("{head}; did you mean `{key}`?"),
        None => format!("{head} ({} keys are allowed here)", expected.len()),
    }
}

/// The number of single-character edits that turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Adds what to do to the messages the TOML parser gives.
pub(super) fn toml_message(message: &str) -> String {
    let message = message.trim_end();
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        format!("missing field `{field}`; add `{field} = ...` to this table")
    } else if message.starts_with("unknown field") {
        let message = shorten_expected(message);
        format!(
            "{message}; remove the field or fix its spelling (keys written below a `[[...]]` \
             header belong to that table, so top-level keys go above the first one)"
        )
    } else if message.starts_with("invalid type") {
        let message = message
            .replace("expected i64", "expected a whole number")
            .replace("expected a sequence", "expected a list `[...]`")
            .replace("expected a map", "expected a table");
        format!("{message}; change the value to the expected type")
    } else {
        format!("invalid TOML: {message}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("summary", "sumary"), 1);
        assert_eq!(edit_distance("técnico", "tecnico"), 1);
    }

    #[test]
    fn a_long_list_of_keys_becomes_the_nearest_key() {
        let keys: Vec<String> = (0..20).map(|i| format!("`label_{i}`")).collect();
        let message = format!(
            "unknown field `lable_7`, expected one of {}",
            keys.join(", ")
        );
        assert_eq!(
            shorten_expected(&message),
            "unknown field `lable_7`; did you mean `label_7`?"
        );
        let far = format!("unknown field `zzz`, expected one of {}", keys.join(", "));
        assert_eq!(
            shorten_expected(&far),
            "unknown field `zzz` (20 keys are allowed here)"
        );
        // A short list is left whole.
        let short = "unknown field `x`, expected one of `a`, `b`";
        assert_eq!(shorten_expected(short), short);
    }

    #[test]
    fn parser_messages_say_what_to_do() {
        assert_eq!(
            toml_message("missing field `summary`\n"),
            "missing field `summary`; add `summary = ...` to this table"
        );
        assert!(
            toml_message("invalid type: string \"x\", expected i64")
                .contains("expected a whole number; change the value to the expected type")
        );
        assert!(toml_message("unknown field `x`, expected `a`").contains("remove the field"));
        assert_eq!(toml_message("expected `=`"), "invalid TOML: expected `=`");
    }
}
