//! The review of the figures a conversion found: dated figures more than a few years old,
//! and sources cited for old figures.

use super::*;

/// The review's warnings: figures that cite nothing, and figures whose data is old. Figures of
/// the same date in one file, or citing the same old source, make one warning, at the first.
pub(super) fn review_figures(
    figures: Figures<'_>,
    sources: &Sources,
    as_of: RefDate,
) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let years = crate::figures::STALE_AFTER_YEARS;
    // (file, date) → (the first figure of that date in the file, how many figures)
    let mut dated: BTreeMap<(&Path, RefDate), (usize, usize)> = BTreeMap::new();
    for (i, &(path, _, _, date)) in figures.dated.iter().enumerate() {
        dated
            .entry((path, date))
            .and_modify(|(_, n)| *n += 1)
            .or_insert((i, 1));
    }
    for ((path, date), (first, n)) in dated {
        let (_, text, offset, _) = figures.dated[first];
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
            warnings.push(Diagnostic::at_offset(path, text, offset, message).warning());
        }
    }
    // source id → (the first figure citing it, how many, its date, how the date is meant)
    let mut old_sources: BTreeMap<&str, (&ProseSite<'_>, usize, RefDate, &str)> = BTreeMap::new();
    for site in &figures.prose {
        if site.figure.citations.is_empty() {
            warnings.push(site.diagnostic(format!(
                "`{}` is a figure, but its paragraph cites no source; add a citation such as \
                 `[@{}]` after the sentence",
                site.figure.text,
                sources.sources.first().map_or("source-id", |s| s.id.as_str())
            )));
            continue;
        }
        for id in &site.figure.citations {
            let Some(source) = sources.get(id) else {
                continue;
            };
            let dated = match (source.data_date, source.published) {
                (Some(date), _) => Some((date, "whose data is from")),
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
        warnings.push(site.diagnostic(format!(
            "{figures} `{id}`, {dated} {}, more than {years} years before {}; look for newer \
             data, or say in the text how old the figures are",
            date.english(),
            as_of.english()
        )));
    }
    warnings
}
