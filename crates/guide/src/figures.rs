//! What the review counts as a figure and when a figure's data is old: shared by the loader,
//! which notes where figures are as it converts the content, and the review, which judges
//! them.

use crate::prose::{Block, Inline, Prose, plain_blocks, walk_inlines};
use crate::values::{Id, RefDate};

/// How many years a figure may be older than the review date before it is flagged.
pub const STALE_AFTER_YEARS: u16 = 3;

/// A figure that prose states: an amount of money, a percentage, a count with thousands
/// separators, or a multiple (`7 times`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProseFigure {
    /// The byte offset of the figure in the prose source.
    pub(crate) offset: usize,
    /// The figure as a reader reads it.
    pub(crate) text: String,
    /// The sources cited in the same paragraph or list entry.
    pub(crate) citations: Vec<Id>,
}

/// Finds the first figure of every paragraph and list entry of parsed prose, and where it is in
/// `source`, the text the prose was parsed from.
pub(crate) fn prose_figures(prose: &Prose, source: &str) -> Vec<ProseFigure> {
    let mut units: Vec<&[Block]> = Vec::new();
    for block in prose.blocks() {
        match block {
            Block::Paragraph(_) => units.push(std::slice::from_ref(block)),
            Block::List(list) => units.extend(list.items.iter().map(Vec::as_slice)),
        }
    }
    let mut found = Vec::new();
    // Figures are looked up in the source in order, each after the one before.
    let mut cursor = 0;
    for unit in units {
        let mut text = String::new();
        plain_blocks(unit, &mut text);
        let Some((_, figure)) = first_figure(&text) else {
            continue;
        };
        // The leading number is written as the reader reads it; what follows may wrap.
        let number = figure.split(' ').next().unwrap_or(figure);
        if let Some(at) = source.get(cursor..).and_then(|rest| rest.find(number)) {
            cursor += at;
        }
        let mut citations = Vec::new();
        walk_inlines(unit, &mut |inline| {
            if let Inline::Citation(ids) = inline {
                citations.extend(ids.iter().cloned());
            }
        });
        found.push(ProseFigure {
            offset: cursor,
            text: figure.to_owned(),
            citations,
        });
    }
    found
}

/// The first figure in a text: its byte offset and the figure as written.
fn first_figure(text: &str) -> Option<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts_number = b.is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if b == b'$' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let end = number_end(bytes, i + 1);
            return Some((i, &text[i..end]));
        }
        if starts_number {
            let end = number_end(bytes, i);
            let number = &text[i..end];
            let rest = &text[end..];
            let grouped = number.contains(',');
            if rest.starts_with('%') {
                return Some((i, &text[i..=end]));
            }
            // Spanish style sets the sign apart: `20 %`, with a space or a no-break space.
            for spaced in [" %", "\u{a0}%"] {
                if rest.starts_with(spaced) {
                    return Some((i, &text[i..end + spaced.len()]));
                }
            }
            for unit in [" percent", " times", " por ciento", " veces"] {
                if rest.starts_with(unit) {
                    return Some((i, &text[i..end + unit.len()]));
                }
            }
            if grouped {
                return Some((i, number));
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// Where a number that starts at `i` ends: digits, with commas or one point between digits.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        let joins = matches!(b, b',' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || joins {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Whether data dated `date` is more than [`STALE_AFTER_YEARS`] old on `as_of`.
pub(crate) fn is_stale(date: RefDate, as_of: RefDate) -> bool {
    date.last_day() < as_of.first_day().years_earlier(STALE_AFTER_YEARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_money_percentages_counts_and_multiples() {
        let first = |t: &str| first_figure(t).map(|(_, f)| f.to_owned());
        assert_eq!(first("paid $42,590 a year").as_deref(), Some("$42,590"));
        assert_eq!(first("grow 20% by 2034").as_deref(), Some("20%"));
        assert_eq!(first("about 16 percent").as_deref(), Some("16 percent"));
        assert_eq!(first("some 127,400 jobs").as_deref(), Some("127,400"));
        assert_eq!(first("7 times the rate").as_deref(), Some("7 times"));
        // Spanish: the percent sign set apart, and multiples in Spanish words.
        assert_eq!(first("en el 77.4 % de").as_deref(), Some("77.4 %"));
        assert_eq!(first("un 20\u{a0}% más").as_deref(), Some("20\u{a0}%"));
        assert_eq!(first("7 veces más").as_deref(), Some("7 veces"));
        assert_eq!(
            first("In 2024, after 12 months, in 3 shifts, $ later."),
            None
        );
        assert_eq!(first("COVID-19 at 29-2053"), None);
    }

    #[test]
    fn figures_are_found_per_paragraph_and_list_entry_with_their_citations() {
        let source = "Pay is $40,000 [@a].\n\n- Growth is 5%.\n- None here [@b; @c].\n";
        let found = prose_figures(&Prose::parse(source).unwrap(), source);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].citations, [Id::parse("a").unwrap()]);
        assert_eq!(&source[found[1].offset..found[1].offset + 2], "5%");
        assert!(found[1].citations.is_empty());
        // A link's address and a citation's id are not text a reader reads: no figure.
        let source = "See [the rule](https://example.org/?n=1,234) [@bls-2024].";
        assert!(prose_figures(&Prose::parse(source).unwrap(), source).is_empty());
    }

    #[test]
    fn data_goes_stale_three_years_after_its_period_ends() {
        let d = |s: &str| RefDate::parse(s).unwrap();
        assert!(is_stale(d("2022"), d("2026-11-23")));
        assert!(!is_stale(d("2024-05"), d("2026-11-23")));
        assert!(!is_stale(d("2024-05"), d("2027-05-31")));
        assert!(is_stale(d("2024-05"), d("2027-06-01")));
    }
}
