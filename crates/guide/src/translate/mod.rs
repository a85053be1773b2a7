//! Translating an edition with the tools translators use: a gettext PO catalog out, a
//! checked edition back, and a record of which source text each translated text was made
//! from, so that an edition knows which of its texts went stale when its base changed.
//!
//! - [`extract`] gives the catalog of an edition: for an edition without a base, every text
//!   to translate; for a translation, each text of its base with this edition's translation.
//! - [`Catalog::update`] brings a catalog up to date with a newer extract: a changed source
//!   makes its entry fuzzy and keeps the text it replaced, a new one is untranslated, a
//!   removed one obsolete.
//! - [`import`] turns a translated catalog into an edition's files, each entry checked, the
//!   figures and sources left to the base.
//! - [`Status`] counts what is translated, stale and left, in a catalog or an edition.
//! - An edition's `fingerprints.toml` ([`FINGERPRINTS_FILE`]) holds a [`fingerprint`] of the
//!   base's text for each translated text; `check` warns where they no longer match.

mod checks;
mod fingerprints;
mod import;
mod po;
mod stack;
mod units;

use std::collections::{BTreeMap, HashMap};

pub(crate) use fingerprints::stale_warnings;
pub use fingerprints::{FINGERPRINTS_FILE, fingerprint, mark_current};
pub use import::{Imported, import};
pub use po::{Catalog, Entry};

use crate::load::Loaded;
use stack::{Stack, Text};

/// The context of the entries that `[translations]` in `guide.toml` gives: names the base
/// writes in rows of figures (occupations, workplaces), translated wherever they appear.
pub const SHARED_CONTEXT: &str = "translations";

/// The catalog header that carries the edition's `[languages_of_parts]`, so that an import
/// into a new folder keeps them.
pub(crate) const PARTS_HEADER: &str = "X-Languages-Of-Parts";

/// The catalog of a loaded edition. For an edition without a base, every text is offered,
/// untranslated (a template); for one with a base, the base's texts are offered with this
/// edition's translations, and a text whose source changed since it was translated (by its
/// fingerprint) is fuzzy.
///
/// The header names the languages and the source edition (`X-Source-Edition`, as a `base`
/// would name it); a caller extracting a template sets it for the edition it read.
///
/// # Examples
///
/// ```
/// let spanish = mht_guide::BuiltIn::named("es")?.load()?;
/// let catalog = mht_guide::translate::extract(&spanish);
/// assert_eq!(catalog.header("Language"), Some("es-US"));
/// assert_eq!(catalog.header("X-Source-Edition"), Some("en"));
/// let title = catalog.entries.iter().find(|e| e.context == "guide.title").unwrap();
/// assert_eq!((title.source.as_str(), title.translation.as_str()),
///            ("Mental Health Technician", "Técnico de salud mental"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract(loaded: &Loaded) -> Catalog {
    let stack = Stack::new(loaded);
    let top = stack.top();
    let (source_layer, edition) = match top {
        0 => (0, None),
        n => (n - 1, Some(n)),
    };
    let sources = stack.texts(source_layer);
    let translated: HashMap<String, Text> = match edition {
        Some(layer) => stack
            .texts(layer)
            .into_iter()
            .filter(|t| t.layer == layer)
            .map(|t| (t.context.clone(), t))
            .collect(),
        None => HashMap::new(),
    };
    let recorded = fingerprints::recorded(loaded);
    let mut entries: Vec<Entry> = Vec::new();
    let mut shared: HashMap<String, usize> = HashMap::new();
    for text in &sources {
        let place = text.place.clone();
        let theirs = translated
            .get(&text.context)
            .map(|t| units::unwrap(&t.text));
        if text.route == units::Route::Shared {
            if let Some(&i) = shared.get(&text.text) {
                entries[i].places.push(place);
                continue;
            }
            shared.insert(text.text.clone(), entries.len());
            let mut entry = Entry::new(SHARED_CONTEXT, text.text.clone());
            entry.translation = theirs.unwrap_or_default();
            entry.places.push(place);
            entry.notes = checks::notes(SHARED_CONTEXT, &text.text, text.optional, true);
            entries.push(entry);
            continue;
        }
        let source = units::unwrap(&text.text);
        let mut entry = Entry::new(text.context.clone(), source.clone());
        entry.notes = checks::notes(&text.context, &source, text.optional, false);
        entry.places.push(place);
        if let Some(translation) = theirs {
            // A proper name kept as the base writes it is not a translation.
            if !(text.optional && translation == source) {
                entry.translation = translation;
            }
            if let Some(hash) = recorded.get(&text.context)
                && *hash != fingerprint(&text.text)
            {
                entry.fuzzy = true;
            }
        }
        entries.push(entry);
    }
    let mut catalog = Catalog {
        header: Vec::new(),
        entries,
    };
    let guide = &loaded.guide;
    catalog.set_header(
        "Project-Id-Version",
        format!("{} ({})", guide.meta.title, guide.meta.edition.iso()),
    );
    catalog.set_header("Report-Msgid-Bugs-To", env!("CARGO_PKG_REPOSITORY"));
    let date = format!("{} 00:00+0000", guide.meta.edition.iso());
    catalog.set_header("POT-Creation-Date", date.clone());
    catalog.set_header("PO-Revision-Date", date);
    let names = guide
        .meta
        .authors
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    catalog.set_header(
        "Last-Translator",
        if edition.is_some() {
            names.as_str()
        } else {
            ""
        },
    );
    catalog.set_header("Language-Team", "");
    catalog.set_header(
        "Language",
        if edition.is_some() {
            guide.meta.language.as_str()
        } else {
            ""
        },
    );
    catalog.set_header("MIME-Version", "1.0");
    catalog.set_header("Content-Type", "text/plain; charset=UTF-8");
    catalog.set_header("Content-Transfer-Encoding", "8bit");
    if let Some(base) = stack.base_name() {
        catalog.set_header("X-Source-Edition", base);
    }
    catalog.set_header("X-Source-Language", stack.language(source_layer));
    if let Some(parts) = stack
        .merged(crate::load::GUIDE_FILE, stack.top())
        .and_then(|(_, table)| import::parts_header(&table))
    {
        catalog.set_header(PARTS_HEADER, parts);
    }
    catalog.set_header(
        "X-Generator",
        concat!("mht-guide ", env!("CARGO_PKG_VERSION")),
    );
    catalog
}

impl Catalog {
    /// This catalog brought up to date with `fresh`, a newer extract of its source: every
    /// entry of `fresh`, in its order, keeps the translation it had here. Where the source
    /// text changed, the entry is fuzzy and keeps, as its previous source, the text it was
    /// translated from. A text that moved keeps its translation; a new text is untranslated;
    /// a text `fresh` no longer has is kept at the end as obsolete, with its translation.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::translate::{Catalog, Entry};
    ///
    /// let mut old = Catalog::default();
    /// old.entries.push(Entry::new("faq.intro", "Old text"));
    /// old.entries[0].translation = "Texto viejo".into();
    /// let mut fresh = Catalog::default();
    /// fresh.entries.push(Entry::new("faq.intro", "New text"));
    /// let updated = old.update(&fresh);
    /// let entry = &updated.entries[0];
    /// assert!(entry.fuzzy);
    /// assert_eq!(entry.previous.as_deref(), Some("Old text"));
    /// assert_eq!(entry.translation, "Texto viejo");
    /// ```
    pub fn update(&self, fresh: &Catalog) -> Catalog {
        let key = |e: &Entry| {
            if e.context == SHARED_CONTEXT {
                (e.context.clone(), e.source.clone())
            } else {
                (e.context.clone(), String::new())
            }
        };
        let mut old: BTreeMap<(String, String), &Entry> = BTreeMap::new();
        for entry in self.entries.iter().filter(|e| !e.obsolete) {
            old.insert(key(entry), entry);
        }
        let mut used: std::collections::HashSet<(String, String)> = Default::default();
        let mut entries = Vec::with_capacity(fresh.entries.len());
        for new in &fresh.entries {
            let mut entry = new.clone();
            entry.line = 0;
            entry.source_line = 0;
            let k = key(new);
            let found = old.get(&k).copied().or_else(|| {
                // A text that moved, or whose obsolete entry kept its translation.
                self.entries.iter().find(|e| {
                    e.source == new.source && !used.contains(&key(e)) && !e.translation.is_empty()
                })
            });
            if let Some(before) = found {
                used.insert(key(before));
                entry.comments = before.comments.clone();
                entry.translation = before.translation.clone();
                if !before.translation.is_empty() {
                    if before.source == new.source {
                        entry.fuzzy = before.fuzzy;
                        entry.previous = before.previous.clone();
                    } else {
                        entry.fuzzy = true;
                        entry.previous = match (&before.previous, before.fuzzy) {
                            (Some(previous), true) => Some(previous.clone()),
                            _ => Some(before.source.clone()),
                        };
                    }
                }
            }
            entries.push(entry);
        }
        for before in &self.entries {
            if !used.contains(&key(before)) && !before.translation.is_empty() {
                let mut gone = before.clone();
                gone.obsolete = true;
                gone.line = 0;
                gone.source_line = 0;
                entries.push(gone);
            }
        }
        let mut header = self.header.clone();
        let mut updated = Catalog {
            header: Vec::new(),
            entries,
        };
        std::mem::swap(&mut updated.header, &mut header);
        for name in [
            "Project-Id-Version",
            "POT-Creation-Date",
            "X-Source-Language",
            "X-Generator",
        ] {
            if let Some(value) = fresh.header(name) {
                updated.set_header(name, value);
            }
        }
        updated
    }
}

/// How far a translation has come: counts of texts, and the words of the source texts still
/// to translate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Status {
    /// Texts translated from the current source.
    pub translated: usize,
    /// Texts translated from an older source (fuzzy): to look at again.
    pub stale: usize,
    /// Texts with no translation, proper names that may stay as they are not counted.
    pub untranslated: usize,
    /// The words of the source texts that are stale or untranslated.
    pub words_left: usize,
}

impl Status {
    /// The status of a catalog. Obsolete entries do not count.
    ///
    /// # Examples
    ///
    /// ```
    /// let spanish = mht_guide::BuiltIn::named("es")?.load()?;
    /// let status = mht_guide::translate::Status::of_catalog(&mht_guide::translate::extract(&spanish));
    /// assert_eq!((status.stale, status.untranslated, status.words_left), (0, 0, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_catalog(catalog: &Catalog) -> Status {
        let mut status = Status::default();
        for entry in catalog.entries.iter().filter(|e| !e.obsolete) {
            let optional = checks::is_optional(entry);
            if entry.translation.is_empty() {
                if !optional {
                    status.untranslated += 1;
                    status.words_left += crate::count_words(&entry.source);
                }
            } else if entry.fuzzy {
                status.stale += 1;
                status.words_left += crate::count_words(&entry.source);
            } else {
                status.translated += 1;
            }
        }
        status
    }

    /// The status of an edition: of the catalog [`extract`] makes of it.
    pub fn of_edition(loaded: &Loaded) -> Status {
        Status::of_catalog(&extract(loaded))
    }
}

#[cfg(test)]
mod tests;
