//! The review of a loaded guide's figures, a pass over its source map: dated figures more than
//! a few years old, figures in prose that cite nothing, and sources cited for old figures.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::load::{Loaded, sort_in_guide_order};
use crate::values::{RefDate, group_digits};

/// The review's warnings: figures that cite nothing, and figures whose data is old. Figures of
/// the same date in one file, or citing the same old source, make one warning, at the first.
/// They come file by file in guide order, and within a file from top to bottom.
pub(super) fn warnings(loaded: &Loaded, as_of: RefDate) -> Vec<Diagnostic> {
    let (places, files, sources) = (&loaded.places, &loaded.files, &loaded.guide.sources);
    let mut warnings = Vec::new();
    let years = crate::figures::STALE_AFTER_YEARS;
    // (file, date) → (the first figure of that date in the file, how many figures)
    let mut dated: BTreeMap<(&Path, RefDate), (usize, usize)> = BTreeMap::new();
    for (i, place) in places.dated.iter().enumerate() {
        dated
            .entry((files[place.file].path.as_path(), place.date))
            .and_modify(|(_, n)| *n += 1)
            .or_insert((i, 1));
    }
    for ((_, date), (first, n)) in dated {
        if crate::figures::is_stale(date, as_of) {
            let what = if n == 1 {
                "this figure refers".to_owned()
            } else {
                format!("{n} figures in this file refer")
            };
            let message = format!(
                "{what} to {}, more than {years} years before {}; look for newer data from the \
                 source and update the figures and their dates",
                date.english(),
                as_of.english()
            );
            warnings.push(places.dated[first].warning(files, message));
        }
    }
    // source id → (the first figure citing it, how many, its date, how the date is meant)
    let mut old_sources: BTreeMap<&str, (_, usize, RefDate, &str)> = BTreeMap::new();
    for site in &places.prose {
        if site.figure.citations.is_empty() {
            warnings.push(site.warning(
                files,
                format!(
                "`{}` is a figure, but its paragraph cites no source; add a citation such as \
                 `[@{}]` after the sentence",
                site.figure.text,
                sources.sources.first().map_or("source-id", |s| s.id.as_str())
            ),
            ));
            continue;
        }
        for id in &site.figure.citations {
            let Some(source) = sources.get(id) else {
                continue;
            };
            let dated = match (source.data_date, source.published) {
                (Some(date), _) => Some((date, "whose data is from")),
                // "published on May 8, 2017", "published in May 2017" or "in 2017".
                (None, Some(date)) if date.day().is_some() => Some((date, "published on")),
                (None, Some(date)) => Some((date, "published in")),
                (None, None) => None,
            };
            let Some((date, dated)) = dated else {
                continue;
            };
            if crate::figures::is_stale(date, as_of) {
                old_sources
                    .entry(source.id.as_str())
                    .and_modify(|(_, n, _, _)| *n += 1)
                    .or_insert((site, 1, date, dated));
            }
        }
    }
    for (id, (site, n, date, dated)) in old_sources {
        let figures = if n == 1 {
            "this figure cites".to_owned()
        } else {
            format!(
                "this figure and {} more cite",
                group_digits(u64::try_from(n - 1).unwrap_or(u64::MAX))
            )
        };
        warnings.push(site.warning(
            files,
            format!(
                "{figures} `{id}`, {dated} {}, more than {years} years before {}; look for \
                 newer data, or say in the text how old the figures are",
                date.english(),
                as_of.english()
            ),
        ));
    }
    sort_in_guide_order(&mut warnings);
    warnings
}
