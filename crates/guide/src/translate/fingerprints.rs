//! Which source text each translated text was made from: `fingerprints.toml` in an edition's
//! folder, one fingerprint of the base's text for each text the edition translates. When the
//! base's text changes, its fingerprint no longer matches, and `check` says where.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use sha2::{Digest, Sha256};
use toml::de::{DeTable, DeValue};
use unicode_normalization::UnicodeNormalization;

use super::stack::{Stack, Text};
use super::units::Route;
use crate::diag::Diagnostic;
use crate::load::Loaded;

pub use crate::edition::FINGERPRINTS_FILE;

/// The value recorded for a text translated from a source no longer known: it never matches,
/// so the text reads as stale until someone looks at it.
pub(crate) const UNKNOWN: &str = "unknown";

/// A short fingerprint of a source text: the first 8 hexadecimal digits of the SHA-256 of the
/// text in Unicode NFC, its runs of white space made one space. Rewrapping a paragraph keeps
/// it; changing a word changes it.
///
/// # Examples
///
/// ```
/// use mht_guide::translate::fingerprint;
///
/// assert_eq!(fingerprint("Two  words\n"), fingerprint("Two words"));
/// assert_ne!(fingerprint("Two words"), fingerprint("Three words"));
/// assert_eq!(fingerprint("x").len(), 8);
/// ```
pub fn fingerprint(text: &str) -> String {
    let mut normal = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !normal.is_empty() {
            normal.push(' ');
        }
        normal.extend(word.nfc());
    }
    let digest = Sha256::digest(normal.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// A recorded fingerprint: the text's context, the fingerprint, and where its key is in the
/// file.
type Recorded = (String, String, usize);

/// The fingerprints file's entries, or where it goes wrong and how.
fn entries(text: &str) -> Result<Vec<Recorded>, (usize, String)> {
    let table = DeTable::parse(text).map_err(|e| {
        (
            e.span().map_or(0, |s| s.start),
            format!("this is not TOML: {}", e.message()),
        )
    })?;
    let mut out = Vec::new();
    for (key, value) in table.get_ref() {
        if key.get_ref() != "fingerprints" {
            return Err((
                key.span().start,
                format!(
                    "`{}` is not part of {FINGERPRINTS_FILE}, which holds one table, \
                     `[fingerprints]`",
                    key.get_ref()
                ),
            ));
        }
        let DeValue::Table(prints) = value.get_ref() else {
            return Err((value.span().start, "`fingerprints` must be a table".into()));
        };
        for (context, hash) in prints {
            let Some(hash) = hash.get_ref().as_str() else {
                return Err((
                    hash.span().start,
                    "a fingerprint is a string of 8 hex digits".into(),
                ));
            };
            let well_formed =
                hash == UNKNOWN || (hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
            if !well_formed {
                return Err((
                    context.span().start,
                    format!("`{hash}` is not a fingerprint: 8 hex digits, or `{UNKNOWN}`"),
                ));
            }
            out.push((
                context.get_ref().to_string(),
                hash.to_owned(),
                context.span().start,
            ));
        }
    }
    out.sort_by_key(|e| e.2);
    Ok(out)
}

/// The fingerprints an edition records, by context; none when it has no file or the file
/// does not read (`check` reports that).
pub(crate) fn recorded(loaded: &Loaded) -> HashMap<String, String> {
    loaded
        .fingerprints
        .as_ref()
        .and_then(|file| entries(&file.text).ok())
        .map(|e| e.into_iter().map(|(c, h, _)| (c, h)).collect())
        .unwrap_or_default()
}

/// The text of a file that a text of the edition can be in: a content file read, or a
/// built-in label set.
fn file_text<'a>(loaded: &'a Loaded, path: &Path) -> Option<&'a str> {
    loaded
        .files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.text.as_str())
        .or_else(|| {
            crate::labels::BUILT_IN
                .iter()
                .find(|(_, p, _)| Path::new(p) == path)
                .map(|(_, _, text)| *text)
        })
}

/// A warning for each translated text whose source has changed since it was translated, at
/// the translation; for each fingerprint of a text the base no longer has, at the fingerprint;
/// and for a fingerprints file that does not read.
pub(crate) fn stale_warnings(loaded: &Loaded) -> Vec<Diagnostic> {
    let Some(file) = &loaded.fingerprints else {
        return Vec::new();
    };
    let recorded = match entries(&file.text) {
        Ok(entries) => entries,
        Err((offset, message)) => {
            return vec![Diagnostic::warning_at(
                &file.path,
                &file.text,
                offset,
                format!("{message}; no text was checked for a changed source"),
            )];
        }
    };
    let stack = Stack::new(loaded);
    let top = stack.top();
    if top == 0 {
        return vec![Diagnostic::warning_at(
            &file.path,
            &file.text,
            0,
            format!(
                "this edition has no base, so {FINGERPRINTS_FILE} has nothing to compare; remove it"
            ),
        )];
    }
    let base: HashMap<String, Text> = stack
        .texts(top - 1)
        .into_iter()
        .map(|t| (t.context.clone(), t))
        .collect();
    let own: HashMap<String, Text> = stack
        .texts(top)
        .into_iter()
        .filter(|t| t.layer == top)
        .map(|t| (t.context.clone(), t))
        .collect();
    let language = stack.language(top - 1);
    let folder = file
        .path
        .parent()
        .map_or_else(String::new, |d| d.display().to_string());
    let mut warnings = Vec::new();
    for (context, hash, offset) in recorded {
        let Some(source) = base.get(&context) else {
            warnings.push(Diagnostic::warning_at(
                &file.path,
                &file.text,
                offset,
                format!(
                    "the base no longer has the text `{context}`; remove its fingerprint, or run \
                     `mht-guide translate mark-current --content {folder} --all`"
                ),
            ));
            continue;
        };
        if hash == fingerprint(&source.text) {
            continue;
        }
        let message = format!(
            "the `{language}` text this translates (`{context}`) has changed since it was \
             translated; bring the translation up to date, then run `mht-guide translate \
             mark-current --content {folder} {context}`"
        );
        let place = own
            .get(&context)
            .and_then(|t| Some((t, file_text(loaded, &t.path)?)));
        warnings.push(match place {
            Some((text, in_file)) => {
                Diagnostic::warning_at(&text.path, in_file, text.offset, message)
            }
            None => Diagnostic::warning_at(&file.path, &file.text, offset, message),
        });
    }
    warnings
}

/// The fingerprints file written for `prints`, in the order given.
pub(crate) fn render(prints: &[(String, String)], base: &str) -> String {
    let mut out = format!(
        "# Which text of the base edition (`{base}`) each translated text of this edition was made\n\
         # from: a fingerprint of the base's text (SHA-256, 8 hex digits). Written by\n\
         # `mht-guide translate import` and `mht-guide translate mark-current`; `mht-guide check`\n\
         # warns where the base's text has changed since.\n\n[fingerprints]\n"
    );
    for (context, hash) in prints {
        out.push('"');
        for c in context.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c => out.push(c),
            }
        }
        out.push_str(&format!("\" = \"{hash}\"\n"));
    }
    out
}

/// The fingerprints file of a loaded edition with the texts named by `contexts` (every text
/// it translates, when `contexts` is empty) recorded as translated from the base's current
/// text. With `contexts` empty, fingerprints of texts the base no longer has are dropped.
///
/// # Errors
///
/// The edition has no base, or a context names no text the edition translates.
///
/// # Examples
///
/// ```
/// let spanish = mht_guide::BuiltIn::named("es")?.load()?;
/// let file = mht_guide::translate::mark_current(&spanish, &["guide.title".to_owned()])?;
/// assert!(file.contains("\"guide.title\" = \""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mark_current(loaded: &Loaded, contexts: &[String]) -> Result<String, String> {
    let stack = Stack::new(loaded);
    let top = stack.top();
    if top == 0 {
        return Err("this edition has no base: it translates nothing".into());
    }
    let base = stack.texts(top - 1);
    let own: std::collections::HashSet<String> = stack
        .texts(top)
        .into_iter()
        .filter(|t| t.layer == top && t.route != Route::Shared)
        .map(|t| t.context)
        .collect();
    let unknown: Vec<&String> = contexts.iter().filter(|c| !own.contains(*c)).collect();
    if !unknown.is_empty() {
        return Err(format!(
            "this edition translates no text {}; `mht-guide translate extract` lists the \
             contexts",
            unknown
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut prints: BTreeMap<String, String> = recorded(loaded).into_iter().collect();
    let order: HashMap<&str, usize> = base
        .iter()
        .enumerate()
        .map(|(i, t)| (t.context.as_str(), i))
        .collect();
    if contexts.is_empty() {
        prints.retain(|context, _| order.contains_key(context.as_str()));
    }
    for text in &base {
        if own.contains(&text.context) && (contexts.is_empty() || contexts.contains(&text.context))
        {
            prints.insert(text.context.clone(), fingerprint(&text.text));
        }
    }
    let mut ordered: Vec<(String, String)> = prints.into_iter().collect();
    ordered.sort_by_key(|(c, _)| order.get(c.as_str()).copied().unwrap_or(usize::MAX));
    Ok(render(&ordered, &stack.base_name().unwrap_or_default()))
}
