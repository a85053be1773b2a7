//! The language of each part of a text: where the words and names of an edition's
//! [`languages_of_parts`](mht_guide::Meta::languages_of_parts) stand in it, so that every
//! format marks them the same way (`lang` on a span of HTML, `/Lang` on a `Span` of the PDF).

use aho_corasick::{AhoCorasick, Input, MatchKind};
use mht_guide::{Language, LanguagePart};

/// Finds an edition's parts in another language in its texts: each at a word's edges, the
/// longest where two start at one place.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    finder: Option<AhoCorasick>,
    languages: Vec<Language>,
}

impl PartialEq for Parts {
    fn eq(&self, other: &Parts) -> bool {
        self.languages == other.languages
            && self.finder.as_ref().map(|f| f.patterns_len())
                == other.finder.as_ref().map(|f| f.patterns_len())
    }
}

impl Parts {
    /// The finder of these parts.
    pub(crate) fn new(parts: &[LanguagePart]) -> Parts {
        let finder = (!parts.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(parts.iter().map(|p| p.text.as_str()))
                    .ok()
            })
            .flatten();
        Parts {
            finder,
            languages: parts.iter().map(|p| p.language.clone()).collect(),
        }
    }

    /// Whether there are none: every text is in the edition's language. (The PDF asks, to
    /// skip the search.)
    #[cfg(feature = "pdf")]
    pub(crate) fn is_empty(&self) -> bool {
        self.finder.is_none()
    }

    /// The text in pieces, in order, each with its language when it is not the edition's.
    pub(crate) fn split<'t>(&self, text: &'t str) -> Vec<(&'t str, Option<&Language>)> {
        let Some(finder) = &self.finder else {
            return vec![(text, None)];
        };
        let mut pieces = Vec::new();
        let (mut done, mut at) = (0, 0);
        while at < text.len() {
            let Some(found) = finder.find(Input::new(text).span(at..text.len())) else {
                break;
            };
            let (start, end) = (found.start(), found.end());
            let part = &text[start..end];
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let first = part.chars().next();
            let last = part.chars().next_back();
            if !joins(before, first) && !joins(last, after) {
                if done < start {
                    pieces.push((&text[done..start], None));
                }
                let language = &self.languages[found.pattern().as_usize()];
                pieces.push((&text[start..end], Some(language)));
                done = end;
                at = end;
            } else {
                // Inside a longer word: look again from the next character.
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if done < text.len() || pieces.is_empty() {
            pieces.push((&text[done..], None));
        }
        pieces
    }
}

/// Whether two characters side by side belong to one word: both letters or digits of one
/// kind of script, Latin or not (a Latin name touches Chinese text with no space between).
fn joins(a: Option<char>, b: Option<char>) -> bool {
    let latin =
        |c: char| c.is_ascii() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
    match (a, b) {
        (Some(a), Some(b)) => a.is_alphanumeric() && b.is_alphanumeric() && latin(a) == latin(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(list: &[&str]) -> Parts {
        let english: Language = "en-US".parse().unwrap();
        let parts: Vec<LanguagePart> = list
            .iter()
            .map(|t| LanguagePart::new(t.parse().unwrap(), english.clone()))
            .collect();
        Parts::new(&parts)
    }

    fn marked(parts: &Parts, text: &str) -> String {
        parts
            .split(text)
            .into_iter()
            .map(|(t, l)| match l {
                Some(l) => format!("<{l}>{t}</>"),
                None => t.to_owned(),
            })
            .collect()
    }

    #[test]
    fn whole_words_only_and_the_longest_first() {
        let p = parts(&[
            "Psychiatric Technician",
            "Senior Psychiatric Technician",
            "Aide",
        ]);
        assert_eq!(
            marked(
                &p,
                "De Psychiatric Technician a Senior Psychiatric Technician."
            ),
            "De <en-US>Psychiatric Technician</> a <en-US>Senior Psychiatric Technician</>."
        );
        // Inside a longer word it is not the name.
        assert_eq!(marked(&p, "Aides y Aide"), "Aides y <en-US>Aide</>");
        assert_eq!(marked(&p, "sin nombres"), "sin nombres");
        assert_eq!(marked(&parts(&[]), "sin nombres"), "sin nombres");
        // Next to CJK text, with no space, it is still found.
        assert_eq!(marked(&p, "称为Aide。"), "称为<en-US>Aide</>。");
    }
}
