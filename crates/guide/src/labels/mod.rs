//! The words the exporters add around the content, in the edition's language.
//!
//! Headings such as "Contents", table headers, the footer, the edition line, the descriptions
//! of links and charts, and the way numbers and dates are written all come from one
//! [`Labels`] value per guide. English and Spanish sets are built in (`content/labels/`); an
//! edition picks the set of its `language` and may set any label in a `[labels]` table of its
//! `guide.toml`. An edition in a language with no built-in set gives every label there, but for
//! the few added since such editions were first written, which have a default.
//!
//! A label may hold placeholders in braces, such as `Page {page} of {total}`; each label
//! accepts its own, which loading checks. Write `{{` and `}}` for a brace itself.

use std::fmt;

mod format;
mod table;

pub use table::Labels;
pub(crate) use table::RawLabels;

/// The labels added after editions in a language with no built-in set were first written,
/// each with the form it takes in such an edition until the edition gives its own: an edition
/// made before a label existed still loads.
pub(crate) const LATER: &[(&str, &str)] = &[("in_area", "{name}, {area}")];

/// One label: text with the placeholders its kind accepts, checked on load.
///
/// # Examples
///
/// ```
/// let labels = &mht_guide::guide().labels;
/// assert_eq!(labels.page_of.fill(&[("page", "2"), ("total", "9")]), "Page 2 of 9");
/// assert_eq!(labels.contents.as_str(), "Contents");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label(String);

/// The placeholders a label must show, and those of which it shows at least one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placeholders {
    pub(crate) required: &'static [&'static str],
    pub(crate) optional: &'static [&'static str],
}

impl Placeholders {
    #[cfg(test)]
    const fn of(required: &'static [&'static str]) -> Placeholders {
        Placeholders {
            required,
            optional: &[],
        }
    }
}

/// A piece of a [`Label`]: literal text or a placeholder's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Piece<'a> {
    /// Text as written, with `{{` and `}}` already turned into braces.
    Text(&'a str),
    /// The name of a placeholder, without its braces.
    Placeholder(&'a str),
}

impl Label {
    /// The label as written, placeholders and all.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The label's pieces in order, for a format that sets a placeholder's value in markup of
    /// its own (HTML puts a date in `<time>`).
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        // The text was checked when it was loaded, so every brace pairs up.
        pieces(&self.0).unwrap_or_default()
    }

    /// The label with each placeholder replaced by its value; a placeholder without a value is
    /// left out. A full stop that follows a value ending in one is left out too: `{date}.`
    /// with a date such as `мая 2024 г.` gives one full stop, not two.
    pub fn fill(&self, values: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(self.0.len() + 16);
        for piece in self.pieces() {
            match piece {
                Piece::Text(t)
                    if out.ends_with('.') && t.starts_with('.') && !t.starts_with("..") =>
                {
                    out.push_str(&t[1..]);
                }
                Piece::Text(t) => out.push_str(t),
                Piece::Placeholder(name) => {
                    if let Some((_, v)) = values.iter().find(|(n, _)| *n == name) {
                        out.push_str(v);
                    }
                }
            }
        }
        out
    }

    /// A stand-in for a label that failed its checks; it never reaches a guide.
    pub(crate) fn placeholder() -> Label {
        Label(String::new())
    }

    /// Checks a label's text against the placeholders its kind accepts: each required one
    /// must be used, and no other than those it accepts.
    pub(crate) fn parse(text: &str, placeholders: Placeholders) -> Result<Label, String> {
        if text.is_empty() {
            return Err("this label is empty; give the words to print".into());
        }
        let found = pieces(text)?;
        let accepts: Vec<&str> = placeholders
            .required
            .iter()
            .chain(placeholders.optional)
            .copied()
            .collect();
        let accepts = accepts.as_slice();
        for piece in &found {
            if let Piece::Placeholder(name) = piece
                && !accepts.contains(name)
            {
                return Err(match accepts {
                    [] => format!(
                        "`{{{name}}}` is not a placeholder this label has; it takes none, so \
                         remove it (write `{{{{` for a brace)"
                    ),
                    _ => format!(
                        "`{{{name}}}` is not a placeholder this label has; it takes {}",
                        list(accepts)
                    ),
                });
            }
        }
        if !placeholders.optional.is_empty()
            && !placeholders
                .optional
                .iter()
                .any(|name| found.contains(&Piece::Placeholder(name)))
        {
            return Err(format!(
                "this label must show one of {}",
                list(placeholders.optional)
            ));
        }
        for name in placeholders.required {
            if !found.contains(&Piece::Placeholder(name)) {
                return Err(format!(
                    "this label must show `{{{name}}}`; it takes {}",
                    list(accepts)
                ));
            }
        }
        Ok(Label(text.to_owned()))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{{{n}}}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits a label into text and placeholders, or says where a brace does not pair up.
fn pieces(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(at) = rest.find(['{', '}']) else {
            out.push(Piece::Text(rest));
            break;
        };
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push(Piece::Text("{"));
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push(Piece::Text("}"));
            rest = after;
        } else if tail.starts_with('}') {
            return Err("a `}` closes no placeholder; write `}}` for a brace".into());
        } else {
            let Some(end) = tail.find('}') else {
                return Err(
                    "a `{` is never closed; close the placeholder with `}`, or write \
                            `{{` for a brace"
                        .into(),
                );
            };
            let name = &tail[1..end];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(format!(
                    "`{{{name}}}` is not a placeholder; a placeholder is a name in lowercase \
                     letters, such as `{{date}}` (write `{{{{` for a brace)"
                ));
            }
            out.push(Piece::Placeholder(name));
            rest = &tail[end + 1..];
        }
    }
    Ok(out)
}

/// Checks the labels whose values must have a form beyond their placeholders: the month
/// names, and the number where grouping starts.
pub(crate) fn check_form(name: &str, text: &str) -> Result<(), String> {
    if name != "digit_group" && text.trim().is_empty() {
        return Err("this label is blank; give the words to print".into());
    }
    // The characters text may not hold, and isolates only where balanced, as in every field.
    if let Some((c, why)) = text
        .chars()
        .find_map(|c| crate::values::forbidden_char(c).map(|why| (c, why)))
    {
        return Err(crate::values::forbidden_message(c, why));
    }
    if let Some((_, why)) = crate::values::unbalanced_isolate(text) {
        return Err(why);
    }
    match name {
        "months" => {
            let months: Vec<&str> = text.split(',').map(str::trim).collect();
            if months.len() != 12 || months.iter().any(|m| m.is_empty()) {
                return Err(format!(
                    "give the twelve month names, January to December, separated by commas \
                     ({} found)",
                    months.iter().filter(|m| !m.is_empty()).count()
                ));
            }
        }
        "months_standalone" => {
            let months: Vec<&str> = text.split(',').map(str::trim).collect();
            if months.len() != 12 || months.iter().any(|m| m.is_empty()) {
                return Err(format!(
                    "give the twelve month names as a month alone is written, January to \
                     December, separated by commas ({} found)",
                    months.iter().filter(|m| !m.is_empty()).count()
                ));
            }
        }
        "digits" => {
            let digits: Vec<char> = text.chars().collect();
            let decimal = |c: &char| unicode_digit(*c).is_some();
            let in_order = digits
                .iter()
                .enumerate()
                .all(|(i, c)| unicode_digit(*c) == Some(i as u32));
            if digits.len() != 10 || !digits.iter().all(decimal) || !in_order {
                return Err(
                    "give the ten digits of one script, zero to nine, with nothing between \
                     them, such as `0123456789` or `۰۱۲۳۴۵۶۷۸۹`"
                        .into(),
                );
            }
        }
        "digit_grouping" if !matches!(text, "3" | "3,2") => {
            return Err(
                "write `3` (groups of three: `1,234,567`) or `3,2` (three, then twos: \
                 `12,34,567`)"
                    .into(),
            );
        }
        "group_from" if !matches!(text, "1000" | "10000") => {
            return Err(
                "write `1000` (group `1,000`) or `10000` (leave `1000` whole, \
                        group `10 000`)"
                    .into(),
            );
        }
        _ => {}
    }
    Ok(())
}

/// The value of a decimal digit of any script (Unicode category Nd), for the scripts whose
/// digits an edition may set: ASCII, Arabic-Indic, Extended Arabic-Indic (Persian, Urdu),
/// Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Thai,
/// Lao, Tibetan, Myanmar, Khmer, Mongolian and full-width.
pub(crate) fn unicode_digit(c: char) -> Option<u32> {
    const ZEROS: [u32; 20] = [
        0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50,
        0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10, 0x7C0,
    ];
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

/// The built-in label sets: (primary language subtag, file name, text).
pub const BUILT_IN: [(&str, &str, &str); 2] = [
    (
        "en",
        "content/labels/en.toml",
        include_str!("../../content/labels/en.toml"),
    ),
    (
        "es",
        "content/labels/es.toml",
        include_str!("../../content/labels/es.toml"),
    ),
];

/// The built-in label set for a language tag, by its primary subtag: `es-US` → Spanish.
pub(crate) fn built_in(language: &str) -> Option<(&'static str, &'static str)> {
    let language = crate::Language::parse(language).ok()?;
    BUILT_IN
        .iter()
        .find(|(tag, _, _)| *tag == language.primary())
        .map(|&(_, path, text)| (path, text))
}

#[cfg(test)]
mod tests;
