//! Raw structs → typed model, with every check, collecting every problem.
//!
//! This module reads the files of an edition's layers and orchestrates the conversion
//! (`build`); [`context`] holds the state and shared checks, [`sections`] one conversion a
//! section, [`spans`] the arithmetic of places,
//! and [`stale`] the review of figure dates.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::GUIDE_FILE;
use super::layer::{self, Origin, Translation};
use super::raw::{self, S, Str};
use crate::diag::{Diagnostic, LoadError};
use crate::labels::{Label, Labels, RawLabels};
use crate::language::Direction;
use crate::language::Language;
use crate::model::*;
use crate::prose::Prose;
use crate::section::SectionId;
use crate::values::{Currency, Id, Money, RefDate, Text, Url};

mod context;
mod sections;
mod spans;

use super::toml_errors::*;
use context::*;
use sections::*;
use spans::*;

pub(crate) use context::Figures;
pub(crate) use spans::prose_diagnostic;

/// The files of an edition and its bases, in one offset space: the content to convert. An
/// edition with no base is a stack of one layer, read the same way.
pub(super) struct Layered<'t> {
    source: Origin<'t>,
    /// How messages name each layer, base first.
    names: Vec<String>,
    /// Each layer's language, as its own guide.toml or the nearest base below gives it.
    languages: Vec<String>,
}

impl<'t> Layered<'t> {
    pub(super) fn new(source: Origin<'t>, names: Vec<String>) -> Layered<'t> {
        let mut languages: Vec<String> = Vec::with_capacity(names.len());
        for layer in 0..names.len() {
            let own = source
                .regions()
                .iter()
                .find(|r| r.layer == layer && r.path.file_name().is_some_and(|n| n == GUIDE_FILE))
                .and_then(|r| toml::de::DeTable::parse(r.text).ok())
                .and_then(|t| {
                    t.get_ref()
                        .get("language")
                        .and_then(|v| v.get_ref().as_str().map(str::to_owned))
                });
            let inherited = languages.last().cloned().unwrap_or_default();
            languages.push(own.unwrap_or(inherited));
        }
        Layered {
            source,
            names,
            languages,
        }
    }

    fn top(&self) -> usize {
        self.names.len() - 1
    }

    /// Parses and merges one file's layers, translates what it inherits, and reports text
    /// left in a base's language.
    fn parse<T: DeserializeOwned>(
        &self,
        name: &str,
        problems: &mut Vec<Diagnostic>,
        translations: &mut Vec<Translation<'t>>,
    ) -> Option<T> {
        let regions: Vec<_> = self
            .source
            .regions()
            .iter()
            .filter(|r| r.path.file_name().is_some_and(|n| n == name))
            .copied()
            .collect();
        let top = *regions.last()?;
        let mut merged: Option<toml::de::DeTable<'t>> = None;
        let mut parsed = true;
        for region in regions {
            if region.text.trim().is_empty() {
                continue;
            }
            match layer::parse(region) {
                Ok(table) => match &mut merged {
                    None => merged = Some(table),
                    Some(under) => layer::merge_file(under, table, name),
                },
                Err(problem) => {
                    problems.push(problem);
                    parsed = false;
                }
            }
        }
        if merged.is_none() && parsed {
            // No layer gives the file anything: it is empty.
            problems.push(empty_file(top.path, top.text));
            return None;
        }
        let mut table = merged.filter(|_| parsed)?;
        if name == GUIDE_FILE {
            *translations = layer::translations(&table);
        } else if self.top() > 0 {
            // Only inherited text is translated; with no base there is none.
            layer::translate(&mut table, &self.source, self.top(), translations, name);
            layer::settle_figures(&mut table, &self.source, name);
        }
        // A base in another language, or in another script of it (`zh-Hans` under
        // `zh-Hant`), is foreign; tags that do not read are reported on their own.
        let edition = Language::parse(&self.languages[self.top()]).ok();
        let foreign = |layer: usize| match (&edition, Language::parse(&self.languages[layer])) {
            (Some(edition), Ok(base)) => !edition.same_writing(&base),
            _ => false,
        };
        let mut left = Vec::new();
        // With no base, no text can come from one.
        if self.top() > 0 {
            layer::foreign_text(&table, &self.source, &foreign, name, &mut left);
        }
        for (offset, _) in left {
            let layer = self.source.region(offset).layer;
            problems.push(self.source.at_offset(
                offset,
                format!(
                    "this text comes from the base {} (`{}`), and this edition is in `{}`; \
                     write it in {}, or give its translation under `[translations]` in \
                     {GUIDE_FILE}",
                    self.names[layer],
                    self.languages[layer],
                    self.languages[self.top()],
                    Path::new(&self.names[self.top()]).join(name).display()
                ),
            ));
        }
        // A problem with the file as a whole (a missing field) is at the start of the
        // edition's own file.
        let whole = toml::Spanned::new(top.start..top.start, table);
        match T::deserialize(toml::de::Deserializer::from(whole)) {
            Ok(value) => Some(value),
            Err(err) => {
                let mut message = toml_message(err.message());
                if let Some(span) = err.span() {
                    let region = self.source.region(span.start);
                    let written = region
                        .text
                        .get(span.start - region.start..span.end.saturating_sub(region.start))
                        .unwrap_or("");
                    if let Some(date) = unquoted_date(err.message(), written) {
                        message = date;
                    }
                }
                problems.push(match err.span() {
                    Some(span) => {
                        let region = self.source.region(span.start);
                        let diagnostic = self.source.at_offset(span.start, message);
                        unquoted_unless_content(diagnostic, region.path, region.text)
                    }
                    None => Diagnostic::file(top.path, message),
                });
                None
            }
        }
    }
}

/// A clearer message for a date written without quotes, which TOML reads as a date-time
/// value where the guide wants text.
fn unquoted_date(message: &str, written: &str) -> Option<String> {
    let written = written.trim();
    let looks_like_date = written.len() >= 7
        && written.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && written.as_bytes()[4] == b'-';
    (message.starts_with("invalid type: map") && looks_like_date).then(|| {
        format!(
            "write this date in quotes, as `\"{written}\"`: a year (`\"2024\"`), a month \
             (`\"2024-05\"`) or a day (`\"2025-08-28\"`), from 1900 to 2200"
        )
    })
}

pub(super) fn build<'t>(
    input: &Layered<'t>,
    mut problems: Vec<Diagnostic>,
) -> Result<(Guide, Figures<'t>), LoadError> {
    let mut refs = Vec::new();
    let mut figures = Figures::default();
    let mut translations = Vec::new();
    let languages: Vec<Option<Language>> = input
        .languages
        .iter()
        .map(|tag| Language::parse(tag).ok())
        .collect();
    let mut parts = Vec::new();

    macro_rules! section {
        ($name:expr, $raw:ty, $convert:expr) => {{
            let name: String = $name;
            let raw: Option<$raw> = input.parse(&name, &mut problems, &mut translations);
            raw.and_then(|raw| {
                let mut cx = Ctx {
                    src: &input.source,
                    problems: &mut problems,
                    refs: &mut refs,
                    figures: &mut figures,
                    languages: &languages,
                    parts: &mut parts,
                };
                let before = cx.problems.len();
                let value = $convert(&mut cx, raw);
                (cx.problems.len() == before).then_some(value)
            })
        }};
    }

    let meta_labels = section!(GUIDE_FILE.to_owned(), raw::Meta, meta);
    // An amount in prose may be written the edition's way, with its currency after it
    // (`42,590 دولار`, `42,590美元`): the words its `dollars` label puts around the amount.
    if let Some((_, labels)) = &meta_labels {
        figures.currency = labels
            .dollars
            .as_str()
            .split("{amount}")
            .map(|s| s.trim().to_owned())
            .filter(|s| s.chars().any(char::is_alphabetic))
            .collect();
    }
    // Every section of the table, each parsed and converted from its own file.
    macro_rules! load_sections {
        (() $($(#[$doc:meta])* $variant:ident $field:ident $id:literal;)*) => {
            Partial {
                $($field: section!(
                    SectionId::$variant.file_name().to_owned(),
                    raw::$variant,
                    $field
                ),)*
            }
        };
    }
    let sections = crate::section::with_sections!(load_sections!());
    // A base's translation that the edition leaves unused (its figures replaced the text it
    // translates) is the base's business, not a problem of the edition.
    let own = |t: &&Translation<'_>| input.source.region(t.from_span.start).layer == input.top();
    for t in translations.iter().filter(|t| !t.used).filter(own) {
        let message = if input.top() == 0 {
            // A full copy inherits nothing: its text is in its own files, to be written there.
            format!(
                "this edition has no base, so `[translations]` has nothing to translate (`{}`); \
                 write the text in this edition's own files, or remove this translation",
                t.from
            )
        } else {
            format!(
                "no text this edition inherits reads `{}`; copy the text from the base exactly, \
                 or remove this translation",
                t.from
            )
        };
        problems.push(input.source.at_offset(t.from_span.start, message));
    }

    // Citations can only be checked against a sources file that loaded.
    if let Some(sources) = &sections.sources {
        let known: BTreeSet<&Id> = sources.sources.iter().map(|s| &s.id).collect();
        let list = || {
            sources
                .sources
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let undated: BTreeSet<&Id> = sources
            .sources
            .iter()
            .filter(|s| s.date().is_none())
            .map(|s| &s.id)
            .collect();
        for r in refs {
            if r.needs_date && undated.contains(&r.id) {
                problems.push(r.diagnostic(format!(
                    "source `{}` carries no date, and a licensing-state rule must rest on a \
                     dated source; give the source `published = \"YYYY-MM-DD\"` (the date of \
                     the version read) or, for an undated page, `checked = \"YYYY-MM-DD\"` \
                     (the day it was read) in {}",
                    r.id,
                    SectionId::Sources.file_name()
                )));
            }
            if !known.contains(&r.id) {
                problems.push(r.diagnostic(format!(
                    "unknown source `{}`; cite one of the ids in {}: {}",
                    r.id,
                    SectionId::Sources.file_name(),
                    list()
                )));
            }
        }
    }

    // Report file by file in guide order, and within a file from top to bottom.
    super::sort_in_guide_order(&mut problems);

    let guide = match meta_labels {
        Some((mut meta, labels)) if problems.is_empty() => {
            let listed = std::mem::take(&mut meta.languages_of_parts);
            meta.languages_of_parts = settle_parts(&meta.language, listed, parts);
            sections.complete(meta, labels)
        }
        _ => None,
    };
    match guide {
        Some(guide) => Ok((guide, figures)),
        None => {
            debug_assert!(
                !problems.is_empty(),
                "a section failed without a diagnostic"
            );
            Err(LoadError::new(problems))
        }
    }
}
