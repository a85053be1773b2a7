//! Text an editor left in another language: a string of the edition's own files that reads
//! exactly as in a built-in edition, or a built-in label set, of another language. A full
//! copy of the English guide whose `language` was changed to `ar` and whose prose was never
//! translated goes out tagged Arabic, and a screen reader reads the English in an Arabic
//! voice; `check` names each such text, with its place.
//!
//! Text an edition inherits from a base is checked when it loads (it must be translated);
//! this check sees what was copied into the edition's own files.

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::Diagnostic;
use crate::edition::BUILT_IN;
use crate::language::Language;
use crate::load::Loaded;
use crate::load::layer::kept;

/// The shortest text compared: shorter strings (`PT`, `CPR`, `O*NET`) are the same in many
/// languages.
const SHORTEST: usize = 12;

/// Where each built-in text of another writing than `language` comes from: the text, and the
/// built-in edition or label set that holds it, with its language.
fn reference(language: &Language) -> HashMap<String, (&'static str, String)> {
    let mut texts: HashMap<String, (&'static str, String)> = HashMap::new();
    for edition in &BUILT_IN {
        let theirs = &edition.guide().meta.language;
        if theirs.same_writing(language) {
            continue;
        }
        for (name, text) in edition.files {
            strings(name, text, &mut |s, _| {
                texts
                    .entry(s.to_owned())
                    .or_insert_with(|| (edition.dir, theirs.as_str().to_owned()));
            });
        }
    }
    for (tag, path, text) in crate::labels::BUILT_IN {
        let Ok(theirs) = Language::parse(tag) else {
            continue;
        };
        if theirs.same_writing(language) {
            continue;
        }
        strings("labels.toml", text, &mut |s, _| {
            texts
                .entry(s.to_owned())
                .or_insert_with(|| (path, theirs.as_str().to_owned()));
        });
    }
    texts
}

/// How many letters and spaces a text has outside its placeholders (`{page}`): a label made
/// of placeholders and punctuation reads the same in every language.
fn words(text: &str) -> usize {
    let mut inside = false;
    text.chars()
        .filter(|&c| {
            match c {
                '{' => inside = true,
                '}' => {
                    inside = false;
                    return false;
                }
                _ => {}
            }
            !inside && (c.is_alphabetic() || c == ' ')
        })
        .count()
}

/// Calls `each` with every string of a content file worth comparing, and its offset: under
/// keys whose text is translated, with at least [`SHORTEST`] letters and spaces outside its
/// placeholders.
fn strings(file: &str, text: &str, each: &mut dyn FnMut(&str, usize)) {
    every_string(file, text, &mut |s, offset| {
        if words(s) >= SHORTEST {
            each(s, offset);
        }
    });
}

/// Calls `each` with every string of a content file under keys whose text is translated
/// (prose, titles, labels), and its offset.
pub(super) fn every_string(file: &str, text: &str, each: &mut dyn FnMut(&str, usize)) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(table) = DeTable::parse(text) else {
        return;
    };
    fn walk(file: &str, value: &Spanned<DeValue<'_>>, each: &mut dyn FnMut(&str, usize)) {
        match value.get_ref() {
            DeValue::Table(table) => {
                for (key, value) in table {
                    // The translations of a base's words are in the edition's language; the
                    // credentials' names are proper names, which stay in English.
                    let key = key.get_ref();
                    let proper = file == "education.toml" && key == "name";
                    if !kept(file, key) && key != "translations" && !proper {
                        walk(file, value, each);
                    }
                }
            }
            DeValue::Array(items) => {
                for item in items.iter() {
                    walk(file, item, each);
                }
            }
            DeValue::String(s) => each(s, value.span().start),
            _ => {}
        }
    }
    let root = Spanned::new(0..text.len(), DeValue::Table(table.into_inner()));
    walk(file, &root, each);
}

/// A warning for each text of the edition's own files that reads as in a built-in edition or
/// label set of another language.
pub(super) fn warnings(loaded: &Loaded) -> Vec<Diagnostic> {
    let language = &loaded.guide.meta.language;
    if language.primary() == "und" {
        return Vec::new();
    }
    let reference = reference(language);
    let mut warnings = Vec::new();
    for (name, file) in own_files(loaded) {
        strings(name, &file.text, &mut |s, offset| {
            if let Some((whose, theirs)) = reference.get(s) {
                warnings.push(Diagnostic::warning_at(
                    &file.path,
                    &file.text,
                    offset,
                    format!(
                        "this text reads exactly as in {whose} (`{theirs}`), and this edition is \
                         in `{}`; translate it, or it goes out marked as `{}` and a screen \
                         reader reads it in the wrong voice",
                        language.as_str(),
                        language.as_str()
                    ),
                ));
            }
        });
    }
    warnings
}

/// The edition's own content files, each with its name: every file its first layer holds.
pub(super) fn own_files(loaded: &Loaded) -> Vec<(&str, &crate::load::ContentFile)> {
    let own: Vec<std::path::PathBuf> = loaded
        .origins
        .iter()
        .filter_map(|o| o.layers.first().map(|layer| Path::new(layer).join(&o.file)))
        .collect();
    loaded
        .files
        .iter()
        .filter(|f| own.contains(&f.path))
        .map(|f| {
            let name = f
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            (name, f)
        })
        .collect()
}
