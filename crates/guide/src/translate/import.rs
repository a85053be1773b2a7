//! A translated catalog made into an edition: each file of the source laid out again with only
//! what the edition gives (its texts, at their places), the figures and sources left to the
//! base, every entry checked, and the edition loaded before a file is written.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::checks;
use super::fingerprints::{self, UNKNOWN, fingerprint};
use super::stack::{Stack, Text};
use super::units::{self, Route};
use super::{Catalog, Entry, SHARED_CONTEXT, Status};
use crate::diag::{Diagnostic, LoadError, Position};
use crate::load::layer::Origin;
use crate::load::{GUIDE_FILE, Loaded};

/// An edition made from a catalog, checked and ready to write.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Imported {
    /// The edition's files, each with its name: `guide.toml` first, then the section files it
    /// translates, then [`FINGERPRINTS_FILE`](super::FINGERPRINTS_FILE).
    pub files: Vec<(String, String)>,
    /// The catalog's counts.
    pub status: Status,
    /// The contexts of catalog entries the source no longer has, which were left out.
    pub unused: Vec<String>,
}

/// Where each translated string went in a file written: its byte range, and its entry.
type Spans = Vec<(Range<usize>, usize)>;

/// A label's values, each with the entry it came from.
type LabelValues = Vec<(String, Option<usize>)>;

/// The width the texts' lines are wrapped to in the files written.
const WIDTH: usize = 100;

/// Makes the edition a translated catalog gives: its files, for the folder `dir`, on the base
/// `base` (as `guide.toml` names it: `en`, or a folder) whose loaded edition is `source`.
///
/// The edition's language is the catalog's `Language` header. `existing` holds the files the
/// folder has now, by name, if any: the settings of its `guide.toml` that no catalog holds
/// (`fonts`, `direction`) are kept, and a text whose translation reads as the folder's file
/// has it, line breaks aside, is written with the file's line breaks, so that a re-import
/// changes only what the translator changed.
///
/// A fuzzy entry is imported, since its translation is still in the right language, with the
/// fingerprint of the source it was made from, so `check` goes on calling it stale. An entry
/// whose source text is not the source's current one is imported the same way.
///
/// # Errors
///
/// Every problem, each at the line of its entry in the PO file (`po` gives its path and text)
/// with the entry's context: a text left untranslated, a citation dropped or added, a
/// placeholder broken, unbalanced Markdown, a control character, and whatever else stops the
/// edition from loading.
pub fn import(
    catalog: &Catalog,
    po: (&Path, &str),
    source: &Loaded,
    dir: &Path,
    base: &str,
    existing: &[(String, String)],
) -> Result<Imported, LoadError> {
    let (po_path, po_text) = po;
    let mut problems = Vec::new();
    let at_entry = |entry: Option<&Entry>, message: String| match entry.filter(|e| e.line > 0) {
        Some(entry) => Diagnostic::at(
            po_path,
            po_text,
            Position {
                line: entry.line,
                column: 1,
            },
            format!("`{}`: {message}", entry.context),
        ),
        None => Diagnostic::file(po_path, message),
    };
    let language = match catalog.header("Language").filter(|l| !l.is_empty()) {
        Some(tag) => match crate::Language::parse(tag) {
            Ok(language) => language.as_str().to_owned(),
            Err(err) => {
                return Err(LoadError::new(vec![Diagnostic::file(
                    po_path,
                    format!("the header's `Language: {tag}` is not a language tag: {err}"),
                )]));
            }
        },
        None => {
            return Err(LoadError::new(vec![Diagnostic::file(
                po_path,
                "the header names no language; set it, as in `\"Language: vi\\n\"`, to the \
                 edition's language tag"
                    .into(),
            )]));
        }
    };

    let stack = Stack::new(source);
    let texts = stack.texts(stack.top());
    let mut by_context: HashMap<&str, &Entry> = HashMap::new();
    let mut shared: HashMap<&str, &Entry> = HashMap::new();
    for entry in catalog.entries.iter().filter(|e| !e.obsolete) {
        if entry.context == SHARED_CONTEXT {
            shared.insert(entry.source.as_str(), entry);
        } else {
            by_context.insert(entry.context.as_str(), entry);
        }
    }

    // The texts the folder's files have now, as written.
    let mut before: HashMap<String, String> = HashMap::new();
    for (name, text) in existing {
        if let Ok(table) = DeTable::parse(text) {
            units::walk(name, table.get_ref(), &mut |found| {
                before.insert(found.context, found.text.to_owned());
            });
        }
    }
    // Each source text's translation, checked, and the fingerprint of what it was made from.
    let mut chosen: HashMap<String, (String, usize)> = HashMap::new();
    let mut translations: Vec<(String, String, usize)> = Vec::new();
    let mut prints: Vec<(String, String)> = Vec::new();
    let mut used: HashSet<*const Entry> = HashSet::new();
    let index = |entry: &Entry| {
        catalog
            .entries
            .iter()
            .position(|e| std::ptr::eq(e, entry))
            .unwrap_or(0)
    };
    for text in &texts {
        let entry = if text.route == Route::Shared {
            if translations.iter().any(|(from, _, _)| *from == text.text) {
                continue;
            }
            shared.get(text.text.as_str()).copied()
        } else {
            by_context.get(text.context.as_str()).copied()
        };
        if let Some(entry) = entry {
            used.insert(entry);
        }
        let Some(entry) = entry.filter(|e| !e.translation.is_empty()) else {
            if !text.optional {
                problems.push(at_entry(
                    entry,
                    match entry {
                        Some(_) => "not translated; the edition cannot go out with this text \
                                    in the source's language"
                            .to_owned(),
                        None => format!(
                            "the catalog has no entry `{}` for the source's text at {}; run \
                             `mht-guide translate update` on the file to add it",
                            if text.route == Route::Shared {
                                SHARED_CONTEXT
                            } else {
                                &text.context
                            },
                            text.place
                        ),
                    },
                ));
            }
            continue;
        };
        let made_from = if entry.fuzzy {
            entry.previous.clone()
        } else {
            Some(entry.source.clone())
        };
        let checked_against = made_from.as_deref().unwrap_or(&entry.source);
        let label = text.context.starts_with("labels.");
        for problem in checks::problems(checked_against, &entry.translation, label) {
            problems.push(at_entry(Some(entry), problem));
        }
        let i = index(entry);
        if text.route == Route::Shared {
            translations.push((text.text.clone(), entry.translation.clone(), i));
            continue;
        }
        // A proper name given back as it is keeps the base's.
        if text.optional && entry.translation == units::unwrap(&text.text) {
            continue;
        }
        let written = match before.get(&text.context) {
            Some(old) if units::unwrap(old) == units::unwrap(&entry.translation) => old.clone(),
            _ if text.text.contains('\n') => units::wrap(&units::unwrap(&entry.translation), WIDTH),
            _ => entry.translation.clone(),
        };
        chosen.insert(text.context.clone(), (written, i));
        let print = made_from.map_or_else(|| UNKNOWN.to_owned(), |s| fingerprint(&s));
        prints.push((text.context.clone(), print));
    }
    let unused: Vec<String> = catalog
        .entries
        .iter()
        .filter(|e| !e.obsolete && !used.contains(&(*e as *const Entry)))
        .map(|e| e.context.clone())
        .collect();
    if !problems.is_empty() {
        return Err(LoadError::new(problems));
    }

    // The files, laid out as the source's.
    let mut written: Vec<(String, String, Spans)> = Vec::new();
    let existing_guide = existing
        .iter()
        .find(|(name, _)| name == GUIDE_FILE)
        .map(|(_, text)| text.as_str());
    let guide = guide_file(
        &stack,
        &chosen,
        &translations,
        &texts,
        (base, &language),
        existing_guide,
        catalog.header(super::PARTS_HEADER),
    );
    written.push((GUIDE_FILE.to_owned(), guide.0, guide.1));
    for name in crate::file_names().skip(1) {
        let Some((origin, table)) = stack.merged(&name, stack.top()) else {
            continue;
        };
        let projector = Projector {
            file: &name,
            chosen: &chosen,
            origin: &origin,
        };
        let mut path = units::stem(&name).to_owned();
        let items = projector.table(&table, &mut path, false);
        if items.is_empty() {
            continue;
        }
        let mut writer = Writer::new(&name);
        writer.table(&items, "");
        written.push((name, writer.out, writer.spans));
    }

    // Load it as it will be written, and put each problem at its entry.
    let root = dir
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let files = crate::load::Files::from_named_in(
        dir,
        &root,
        written.iter().map(|(n, t, _)| (n.clone(), t.clone())),
    );
    if let Err(err) = files.load(dir) {
        let mapped = err
            .diagnostics()
            .iter()
            .map(|d| {
                let spans = written
                    .iter()
                    .find(|(n, _, _)| dir.join(n) == d.path())
                    .and_then(|(_, text, spans)| {
                        let line = d.position()?.line;
                        spans.iter().find_map(|(range, entry)| {
                            let first = text[..range.start].matches('\n').count() + 1;
                            let last = first + text[range.clone()].matches('\n').count();
                            (first..=last).contains(&line).then_some(*entry)
                        })
                    });
                match spans {
                    Some(i) => at_entry(Some(&catalog.entries[i]), d.message().to_owned()),
                    None => d.clone(),
                }
            })
            .collect();
        return Err(LoadError::new(mapped));
    }
    let mut files: Vec<(String, String)> = written.into_iter().map(|(n, t, _)| (n, t)).collect();
    files.push((
        super::FINGERPRINTS_FILE.to_owned(),
        fingerprints::render(&prints, base),
    ));
    Ok(Imported {
        files,
        status: Status::of_catalog(catalog),
        unused,
    })
}

/// `guide.toml`: the base, the language, the edition's own texts and names, the settings the
/// folder's file had (its fonts, direction and `[languages_of_parts]`), `[translations]` and
/// `[labels]`.
fn guide_file(
    stack: &Stack<'_>,
    chosen: &HashMap<String, (String, usize)>,
    translations: &[(String, String, usize)],
    texts: &[Text],
    (base, language): (&str, &str),
    existing: Option<&str>,
    parts: Option<&str>,
) -> (String, Spans) {
    let mut writer = Writer::new(GUIDE_FILE);
    writer.out.push_str(&format!(
        "# The {language} edition, made by `mht-guide translate import` from a translated\n\
         # catalog. It stands on `{base}`: the figures, codes and sources come from there, and this\n\
         # folder gives the text in {language}.\n"
    ));
    let mut items: Vec<(String, Out)> = vec![("base".into(), Out::plain(base))];
    if let Some((origin, table)) = stack.merged(GUIDE_FILE, stack.top()) {
        let projector = Projector {
            file: GUIDE_FILE,
            chosen,
            origin: &origin,
        };
        let mut path = "guide".to_owned();
        items.extend(projector.table(&table, &mut path, false));
    }
    items.push(("language".into(), Out::plain(language)));
    let mut parts_kept = false;
    if let Some(existing) = existing.and_then(|t| DeTable::parse(t).ok().map(|d| (t, d))) {
        let (text, table) = existing;
        parts_kept = table.get_ref().contains_key("languages_of_parts");
        for (key, value) in units::sorted(table.get_ref()) {
            if ["fonts", "direction"].contains(&key) {
                items.push((key.to_owned(), Out::Raw(text[value.span()].to_owned())));
            }
            // The words in other languages, each language's list as the file writes it.
            if let ("languages_of_parts", DeValue::Table(parts)) = (key, value.get_ref()) {
                let rows = units::sorted(parts)
                    .into_iter()
                    .map(|(tag, list)| (tag.to_owned(), Out::Raw(text[list.span()].to_owned())))
                    .collect();
                items.push((key.to_owned(), Out::Table(rows)));
            }
        }
    }
    // In a new folder, the words in other languages come with the catalog.
    if let Some(header) = parts.filter(|_| !parts_kept) {
        let fragment = format!("parts = {header}");
        if let Ok(table) = DeTable::parse(&fragment)
            && let Some(DeValue::Table(list)) = table.get_ref().get("parts").map(|v| v.get_ref())
        {
            let rows = units::sorted(list)
                .into_iter()
                .map(|(tag, v)| (tag.to_owned(), Out::Raw(fragment[v.span()].to_owned())))
                .collect();
            items.push(("languages_of_parts".into(), Out::Table(rows)));
        }
    }
    if !translations.is_empty() {
        let rows = translations
            .iter()
            .map(|(from, to, i)| (from.clone(), Out::Str(to.clone(), Some(*i), false)))
            .collect();
        items.push(("translations".into(), Out::Table(rows)));
    }
    let labels = labels(texts, chosen, language);
    if !labels.is_empty() {
        items.push(("labels".into(), Out::Table(labels)));
    }
    writer.table(&items, "");
    (writer.out, writer.spans)
}

/// The `[labels]` an edition in `language` must give: those whose translation differs from
/// the language's built-in set, or all of them when none is built in.
fn labels(
    texts: &[Text],
    chosen: &HashMap<String, (String, usize)>,
    language: &str,
) -> Vec<(String, Out)> {
    let built_in = crate::labels::built_in(language).and_then(|(_, t)| DeTable::parse(t).ok());
    let mut by_name: BTreeMap<usize, (String, LabelValues)> = BTreeMap::new();
    for text in texts.iter().filter(|t| t.context.starts_with("labels.")) {
        let rest = &text.context["labels.".len()..];
        let name = rest.split('[').next().unwrap_or(rest);
        let Some(rank) = crate::Labels::NAMES.iter().position(|n| *n == name) else {
            continue;
        };
        let value = chosen
            .get(&text.context)
            .map_or((text.text.clone(), None), |(t, i)| (t.clone(), Some(*i)));
        let row = by_name
            .entry(rank)
            .or_insert_with(|| (name.to_owned(), Vec::new()));
        row.1.push(value);
    }
    let mut out = Vec::new();
    for (_, (name, values)) in by_name {
        let listed = texts
            .iter()
            .any(|t| t.context.starts_with(&format!("labels.{name}[")));
        let same = built_in.as_ref().is_some_and(|set| {
            match set.get_ref().get(name.as_str()).map(Spanned::get_ref) {
                Some(DeValue::String(s)) => !listed && values[0].0 == s.as_ref(),
                Some(DeValue::Array(items)) => {
                    listed
                        && items.len() == values.len()
                        && items
                            .iter()
                            .zip(&values)
                            .all(|(a, (b, _))| a.get_ref().as_str() == Some(b.as_str()))
                }
                _ => false,
            }
        });
        if same {
            continue;
        }
        let value = if listed {
            Out::Strs(values)
        } else {
            let (text, entry) = values.into_iter().next().unwrap_or_default();
            Out::Str(text, entry, false)
        };
        out.push((name, value));
    }
    out
}

/// A value to write.
enum Out {
    /// A string, the catalog entry it came from, and whether it is a block of text.
    Str(String, Option<usize>, bool),
    /// A list of strings, each with its entry.
    Strs(Vec<(String, Option<usize>)>),
    Table(Vec<(String, Out)>),
    Tables(Vec<Vec<(String, Out)>>),
    /// A value copied as the source writes it.
    Raw(String),
}

impl Out {
    fn plain(text: &str) -> Out {
        Out::Str(text.to_owned(), None, false)
    }
}

/// Lays a source file out again with the chosen translations: what a translation gives goes
/// at its place; a list given back whole is written whole, with the base's values where it
/// keeps them.
struct Projector<'a, 'o> {
    file: &'a str,
    chosen: &'a HashMap<String, (String, usize)>,
    origin: &'a Origin<'o>,
}

impl Projector<'_, '_> {
    fn table(&self, table: &DeTable<'_>, path: &mut String, whole: bool) -> Vec<(String, Out)> {
        let mut out = Vec::new();
        for (key, value) in units::sorted(table) {
            if units::key_rule(self.file, path, key).is_none() {
                if whole {
                    out.push((key.to_owned(), self.copy(value)));
                }
                continue;
            }
            let len = path.len();
            path.push('.');
            path.push_str(key);
            if let Some(value) = self.value(value, path, whole) {
                out.push((key.to_owned(), value));
            }
            path.truncate(len);
        }
        out
    }

    fn value(&self, value: &Spanned<DeValue<'_>>, path: &mut String, whole: bool) -> Option<Out> {
        match value.get_ref() {
            DeValue::String(s) => {
                let block = s.contains('\n');
                match self.chosen.get(path.as_str()) {
                    Some((t, i)) => Some(Out::Str(t.clone(), Some(*i), block)),
                    None => whole.then(|| Out::Str(s.to_string(), None, block)),
                }
            }
            DeValue::Table(t) => {
                let items = self.table(t, path, whole);
                (whole || !items.is_empty()).then_some(Out::Table(items))
            }
            DeValue::Array(items) => {
                let route =
                    units::array_route(items, if whole { Route::Whole } else { Route::Field });
                match route {
                    Route::Shared => whole.then(|| self.copy(value)),
                    Route::Field => {
                        let (tables, _) = self.tables(items, path, false);
                        (!tables.is_empty()).then_some(Out::Tables(tables))
                    }
                    Route::Whole => {
                        let all_tables = items
                            .iter()
                            .all(|i| matches!(i.get_ref(), DeValue::Table(_)));
                        if all_tables && !items.is_empty() {
                            let (tables, chosen) = self.tables(items, path, true);
                            return (whole || chosen).then_some(Out::Tables(tables));
                        }
                        let mut any = whole;
                        let mut strings = Vec::new();
                        for (i, item) in items.iter().enumerate() {
                            let len = path.len();
                            path.push_str(&format!("[{i}]"));
                            match (item.get_ref(), self.chosen.get(path.as_str())) {
                                (_, Some((t, e))) => {
                                    any = true;
                                    strings.push((t.clone(), Some(*e)));
                                }
                                (DeValue::String(s), None) => strings.push((s.to_string(), None)),
                                _ => {}
                            }
                            path.truncate(len);
                        }
                        any.then_some(Out::Strs(strings))
                    }
                }
            }
            _ => whole.then(|| self.copy(value)),
        }
    }

    /// The tables of a list, each at its place (`[id]` or `[n]`, pushed on `path` meanwhile),
    /// and whether any text of them is translated. A list given back whole keeps every table;
    /// otherwise only those with a translation, each led by its `id`, by which it merges.
    fn tables(
        &self,
        items: &[Spanned<DeValue<'_>>],
        path: &mut String,
        whole: bool,
    ) -> (Vec<Vec<(String, Out)>>, bool) {
        let mut tables = Vec::new();
        let mut chosen = false;
        for (i, item) in items.iter().enumerate() {
            let DeValue::Table(t) = item.get_ref() else {
                continue;
            };
            let len = path.len();
            path.push_str(&units::item_step(items, i));
            chosen |= self.chosen.keys().any(|k| {
                k.strip_prefix(path.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            });
            let mut given = self.table(t, path, whole);
            path.truncate(len);
            if whole {
                tables.push(given);
            } else if !given.is_empty() {
                let id = units::id_of(item).unwrap_or_default();
                given.insert(0, ("id".into(), Out::plain(id)));
                tables.push(given);
            }
        }
        (tables, chosen)
    }

    /// A value as the source writes it.
    fn copy(&self, value: &Spanned<DeValue<'_>>) -> Out {
        match value.get_ref() {
            DeValue::String(s) => Out::Str(s.to_string(), None, s.contains('\n')),
            DeValue::Table(t) => Out::Table(
                units::sorted(t)
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), self.copy(v)))
                    .collect(),
            ),
            DeValue::Array(items)
                if !items.is_empty()
                    && items
                        .iter()
                        .all(|i| matches!(i.get_ref(), DeValue::Table(_))) =>
            {
                Out::Tables(
                    items
                        .iter()
                        .filter_map(|i| match self.copy(i) {
                            Out::Table(t) => Some(t),
                            _ => None,
                        })
                        .collect(),
                )
            }
            _ => {
                let (_, text, span) = self.origin.span(value.span());
                Out::Raw(text[span].to_owned())
            }
        }
    }
}

/// Writes TOML, keeping where each translated string went.
struct Writer {
    out: String,
    spans: Spans,
}

impl Writer {
    fn new(file: &str) -> Writer {
        let schema = file.strip_suffix(".toml").unwrap_or(file);
        Writer {
            out: format!("#:schema ./schemas/{schema}.schema.json\n"),
            spans: Vec::new(),
        }
    }

    /// A table's values, then its tables, then its lists of tables, under `header`.
    fn table(&mut self, items: &[(String, Out)], header: &str) {
        for (key, value) in items {
            match value {
                Out::Str(text, entry, block) => {
                    self.key(key);
                    self.string(text, *entry, *block);
                    self.out.push('\n');
                }
                Out::Strs(values) => {
                    self.key(key);
                    self.out.push_str("[\n");
                    for (text, entry) in values {
                        self.out.push_str("  ");
                        self.string(text, *entry, false);
                        self.out.push_str(",\n");
                    }
                    self.out.push_str("]\n");
                }
                Out::Raw(raw) => {
                    self.key(key);
                    self.out.push_str(raw);
                    self.out.push('\n');
                }
                Out::Table(_) | Out::Tables(_) => {}
            }
        }
        for (key, value) in items {
            let path = if header.is_empty() {
                quoted_key(key)
            } else {
                format!("{header}.{}", quoted_key(key))
            };
            match value {
                Out::Table(inner) => {
                    self.out.push_str(&format!("\n[{path}]\n"));
                    self.table(inner, &path);
                }
                Out::Tables(tables) => {
                    for inner in tables {
                        self.out.push_str(&format!("\n[[{path}]]\n"));
                        self.table(inner, &path);
                    }
                }
                _ => {}
            }
        }
    }

    fn key(&mut self, key: &str) {
        self.out.push_str(&quoted_key(key));
        self.out.push_str(" = ");
    }

    fn string(&mut self, text: &str, entry: Option<usize>, block: bool) {
        let start = self.out.len();
        let literal_ok = !text.contains("'''")
            && !text.ends_with('\'')
            && !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t');
        if block && literal_ok {
            self.out.push_str("'''\n");
            self.out.push_str(text.trim_end_matches('\n'));
            self.out.push_str("\n'''");
        } else if block {
            self.out.push_str("\"\"\"\n");
            escape(text.trim_end_matches('\n'), true, &mut self.out);
            self.out.push_str("\n\"\"\"");
        } else {
            self.out.push('"');
            escape(text, false, &mut self.out);
            self.out.push('"');
        }
        if let Some(entry) = entry {
            self.spans.push((start..self.out.len(), entry));
        }
    }
}

/// An edition's `[languages_of_parts]` on one line, as a TOML inline table, for the catalog's
/// `X-Languages-Of-Parts` header: `{ en-US = ["Live Scan", "License Search"] }`.
pub(crate) fn parts_header(table: &DeTable<'_>) -> Option<String> {
    let Some(DeValue::Table(parts)) = table.get("languages_of_parts").map(|v| v.get_ref()) else {
        return None;
    };
    let mut out = String::from("{ ");
    for (i, (tag, list)) in units::sorted(parts).into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&quoted_key(tag));
        out.push_str(" = [");
        let texts = match list.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|i| i.get_ref().as_str()).collect(),
            _ => Vec::new(),
        };
        for (j, text) in texts.into_iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            out.push('"');
            escape(text, false, &mut out);
            out.push('"');
        }
        out.push(']');
    }
    out.push_str(" }");
    Some(out)
}

/// A key as TOML writes it: bare when it can be.
fn quoted_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_owned()
    } else {
        let mut out = String::from("\"");
        escape(key, false, &mut out);
        out.push('"');
        out
    }
}

/// Escapes a basic string's text; a multi-line one keeps its line breaks.
fn escape(text: &str, multiline: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if multiline => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
}
