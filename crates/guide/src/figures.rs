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
pub(crate) fn prose_figures(prose: &Prose, source: &str, currency: &[String]) -> Vec<ProseFigure> {
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
        let Some((_, figure)) = first_figure(&text, currency) else {
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

/// The percent signs: ASCII, Arabic (`٪`) and full-width (`％`).
const PERCENT: [char; 3] = ['%', '\u{66A}', '\u{FF05}'];

/// The spaces a sign or a group of digits may be set apart with: a space, a no-break space
/// and a narrow no-break space.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// Whether a character is a decimal digit of any script: `7`, `۷`, `७`, `៧`.
fn digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && crate::labels::unicode_digit(c).is_some())
}

/// Whether a character is of a script written without spaces before numbers: Han, Kana
/// and Hangul.
fn unspaced(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// The first figure in a text: its byte offset and the figure as written. Digits may be of
/// any script, groups may be set apart by commas (`,`, `٬`) or by spaces (`42 590`), and the
/// percent sign may be any of [`PERCENT`], set apart or not.
fn first_figure<'t>(text: &'t str, currency: &[String]) -> Option<(usize, &'t str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let next_is_digit = chars.get(k + 1).is_some_and(|&(_, n)| digit(n));
        if c == '$' && next_is_digit {
            let (end, _) = number_end(&chars, k + 1);
            return Some((i, &text[i..at(end)]));
        }
        // A number starts a word of its own (`A19` is a name): after anything but a letter
        // or digit, or after Chinese, Japanese or Korean, which put no space before numbers.
        let starts_number = digit(c)
            && (k == 0 || {
                let prev = chars[k - 1].1;
                !(digit(prev) || prev.is_alphabetic()) || unspaced(prev)
            });
        if starts_number {
            let (end, grouped) = number_end(&chars, k);
            let number = &text[i..at(end)];
            let rest = &text[at(end)..];
            if let Some(sign) = rest.chars().next().filter(|c| PERCENT.contains(c)) {
                return Some((i, &text[i..at(end) + sign.len_utf8()]));
            }
            // The sign set apart, as Spanish, French and Russian style set it: `20 %`.
            let mut after = rest.chars();
            if let (Some(space), Some(sign)) = (after.next(), after.next())
                && SPACES.contains(&space)
                && PERCENT.contains(&sign)
            {
                return Some((i, &text[i..at(end) + space.len_utf8() + sign.len_utf8()]));
            }
            for unit in [" percent", " times", " por ciento", " veces"] {
                if rest.starts_with(unit) {
                    return Some((i, &text[i..at(end) + unit.len()]));
                }
            }
            // An amount in the edition's currency words, set apart or not.
            let after = rest.trim_start_matches(SPACES);
            if let Some(word) = currency.iter().find(|w| after.starts_with(w.as_str())) {
                let gap = rest.len() - after.len();
                return Some((i, &text[i..at(end) + gap + word.len()]));
            }
            if grouped {
                return Some((i, number));
            }
            k = end.max(k + 1);
            continue;
        }
        k += 1;
    }
    None
}

/// Where a number that starts at `k` ends (an index into `chars`), and whether its digits are
/// grouped: digits, with a group separator (`,`, `٬`) or a decimal point (`.`, `٫`) between
/// digits, or a space before a last group of three (`42 590`).
fn number_end(chars: &[(usize, char)], mut k: usize) -> (usize, bool) {
    let is_digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| digit(c));
    let mut grouped = false;
    // The digits since the last separator.
    let mut run = 0;
    while let Some(&(_, c)) = chars.get(k) {
        if digit(c) {
            run += 1;
            k += 1;
        } else if matches!(c, ',' | '\u{66C}') && is_digit(k + 1) {
            grouped = true;
            run = 0;
            k += 1;
        } else if matches!(c, '.' | '\u{66B}') && is_digit(k + 1) {
            run = 0;
            k += 1;
        } else if SPACES.contains(&c)
            && (1..=3).contains(&run)
            && (1..=3).all(|d| is_digit(k + d))
            && !is_digit(k + 4)
        {
            grouped = true;
            run = 0;
            k += 1;
        } else {
            break;
        }
    }
    (k, grouped)
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
        let first = |t: &str| first_figure(t, &[]).map(|(_, f)| f.to_owned());
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
        // Other scripts' digits and percent signs, and groups set apart by spaces.
        assert_eq!(first("بنسبة 20٪ تقريبا").as_deref(), Some("20٪"));
        assert_eq!(first("حدود ۲۰٪ افزایش").as_deref(), Some("۲۰٪"));
        assert_eq!(first("增长20％左右").as_deref(), Some("20％"));
        assert_eq!(first("около 42 590 долл. в год").as_deref(), Some("42 590"));
        assert_eq!(
            first("около 42\u{a0}590 долл.").as_deref(),
            Some("42\u{a0}590")
        );
        assert_eq!(first("۴۲٬۵۹۰ دلار").as_deref(), Some("۴۲٬۵۹۰"));
        assert_eq!(first("20 % в год").as_deref(), Some("20 %"));
        // A year beside a count is not one number.
        assert_eq!(first("in 2024 250 people"), None);
        // An amount in the edition's currency words.
        let words = ["دولار".to_owned(), "美元".to_owned()];
        let money = |t: &str| first_figure(t, &words).map(|(_, f)| f.to_owned());
        assert_eq!(money("رسوم 139 دولارًا").as_deref(), Some("139 دولار"));
        assert_eq!(money("约139美元").as_deref(), Some("139美元"));
        assert_eq!(money("139 أسبوعًا"), None);
    }

    #[test]
    fn figures_are_found_per_paragraph_and_list_entry_with_their_citations() {
        let source = "Pay is $40,000 [@a].\n\n- Growth is 5%.\n- None here [@b; @c].\n";
        let found = prose_figures(&Prose::parse(source).unwrap(), source, &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].citations, [Id::parse("a").unwrap()]);
        assert_eq!(&source[found[1].offset..found[1].offset + 2], "5%");
        assert!(found[1].citations.is_empty());
        // A link's address and a citation's id are not text a reader reads: no figure.
        let source = "See [the rule](https://example.org/?n=1,234) [@bls-2024].";
        assert!(prose_figures(&Prose::parse(source).unwrap(), source, &[]).is_empty());
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
