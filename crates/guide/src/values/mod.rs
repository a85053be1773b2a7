//! Small validated value types used throughout the model.
//!
//! Each type can only hold a valid value: the loader builds them with their `parse` functions and
//! reports the error message of a failed parse at the position of the offending value.

use std::fmt;

use serde::Serialize;

mod date;
mod money;
mod state;
mod url;

pub use date::RefDate;
pub(crate) use money::group_digits;
pub use money::{Currency, Money};
pub use state::StateCode;
pub use url::Url;

/// The text in Unicode Normalization Form C, the composed form XML and the web expect: the same
/// text a reader sees, whichever way the editor's keyboard produced it.
pub(crate) fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(s),
        _ => std::borrow::Cow::Owned(s.nfc().collect()),
    }
}

/// Why content may not contain a character, or `None` when it may.
///
/// Control characters (other than tab and line ends) are invalid in XML and HTML; the
/// bidirectional embeddings and overrides (U+202A to U+202E) can make text display
/// differently from how it reads (the "trojan source" trick); noncharacters are not text.
/// The bidirectional isolates (U+2066 to U+2069), which Arabic and Persian authors use to set
/// a number or a Latin name apart, are allowed where they are balanced: see
/// [`unbalanced_isolate`].
pub(crate) fn forbidden_char(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\n' | '\r' => None,
        c if c.is_control() => Some("a control character"),
        '\u{202A}'..='\u{202E}' => Some(
            "a bidirectional embedding or override, which can make text display differently \
             from how it reads (set a passage apart with the isolates U+2066 to U+2069 instead)",
        ),
        '\u{FDD0}'..='\u{FDEF}' => Some("a Unicode noncharacter"),
        c if u32::from(c) & 0xFFFE == 0xFFFE => Some("a Unicode noncharacter"),
        _ => None,
    }
}

/// Why a value was refused: one sentence, written for the person editing the content, that
/// says what is wrong and how to put it right.
///
/// # Examples
///
/// ```
/// let err = "javascript:alert(1)".parse::<mht_guide::Url>().unwrap_err();
/// assert!(err.message().contains("http"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub(crate) String);

impl InvalidValue {
    /// What is wrong, and how to put it right.
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl From<InvalidValue> for String {
    fn from(err: InvalidValue) -> String {
        err.0
    }
}

/// `FromStr` for the value types, through their `parse`.
macro_rules! from_str {
    ($($value:ty),*) => {$(
        impl std::str::FromStr for $value {
            type Err = InvalidValue;

            fn from_str(s: &str) -> Result<Self, InvalidValue> {
                <$value>::parse(s)
            }
        }
    )*};
}
pub(crate) use from_str;

from_str!(Text, Id, Url, RefDate, Currency, StateCode);

/// The first bidirectional isolate of a text that is not balanced, with its byte offset and
/// why: an opening one (U+2066 left-to-right, U+2067 right-to-left, U+2068 first strong) that
/// the text never closes with U+2069, or a U+2069 that closes nothing. Balanced isolates are
/// allowed in every field (titles, labels, prose); an unbalanced one would let the text
/// after it run in a direction the reader does not see coming.
pub(crate) fn unbalanced_isolate(s: &str) -> Option<(usize, String)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '\u{2066}'..='\u{2068}' => open.push((i, c)),
            '\u{2069}' if open.pop().is_none() => {
                return Some((
                    i,
                    "this text contains U+2069 (pop directional isolate) with no isolate open \
                     before it; remove it, or open the isolate (U+2066, U+2067 or U+2068) where \
                     the passage starts"
                        .into(),
                ));
            }
            _ => {}
        }
    }
    open.first().map(|&(i, c)| {
        (
            i,
            format!(
                "this text opens a bidirectional isolate (U+{:04X}) that it never closes; put \
                 U+2069 (pop directional isolate) where the passage ends, or remove it",
                u32::from(c)
            ),
        )
    })
}

/// The message for a forbidden character.
pub(crate) fn forbidden_message(c: char, why: &str) -> String {
    format!(
        "this text contains U+{:04X}, {why}; remove it",
        u32::from(c)
    )
}

/// A single line of plain text: trimmed, not empty, without control characters.
///
/// Used for titles, names and labels; longer text is [`Prose`](crate::Prose).
///
/// # Examples
///
/// ```
/// use mht_guide::Text;
///
/// assert_eq!(Text::parse("Psychiatric technicians")?.as_str(), "Psychiatric technicians");
/// assert!(Text::parse("  ").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// Checks that `s` is one line of text and wraps it, in Unicode Normalization Form C.
    ///
    /// # Errors
    ///
    /// A message saying what is wrong, written for the person editing the content.
    pub fn parse(s: &str) -> Result<Text, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<Text, String> {
        let s: &str = &crate::values::nfc(s);
        if s.trim().is_empty() {
            return Err("this text is empty; write the text or remove the field".into());
        }
        if s.trim() != s {
            return Err("this text starts or ends with white space; remove it".into());
        }
        if let Some(c) = s.chars().find(|&c| matches!(c, '\n' | '\r' | '\t')) {
            return Err(format!(
                "this text contains a line break or tab (U+{:04X}); a title or name must be one \
                 line of text",
                u32::from(c)
            ));
        }
        if let Some((c, why)) = s
            .chars()
            .find_map(|c| forbidden_char(c).map(|why| (c, why)))
        {
            return Err(forbidden_message(c, why));
        }
        if let Some((_, why)) = unbalanced_isolate(s) {
            return Err(why);
        }
        Ok(Text(s.to_owned()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> Text {
        Text(String::new())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stable identifier: lowercase ASCII letters and digits in words joined by single hyphens.
///
/// Sources, FAQs and figures have ids; citations and anchors refer to them.
///
/// # Examples
///
/// ```
/// use mht_guide::Id;
///
/// assert_eq!(Id::parse("bls-ooh")?.as_str(), "bls-ooh");
/// assert!(Id::parse("BLS OOH").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// Checks that `s` is a valid id and wraps it.
    ///
    /// # Errors
    ///
    /// A message saying what a valid id looks like.
    pub fn parse(s: &str) -> Result<Id, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<Id, String> {
        let valid = !s.is_empty()
            && s.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if valid {
            Ok(Id(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not a valid id; use lowercase letters and digits in words joined by \
                 single hyphens, such as `bls-ooh`"
            ))
        }
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stand-in for a value that failed its check; never reaches a finished guide.
    pub(crate) fn placeholder() -> Id {
        Id(String::new())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Characters that print as nothing: a link holding them can read differently from where it
/// leads.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// A text as a message shows it: as written, except that characters which would not show, or
/// would disturb a terminal, appear as `<U+XXXX>`.
///
/// # Examples
///
/// ```
/// assert_eq!(mht_guide::shown("Acme\u{1b}[31m"), "Acme<U+001B>[31m");
/// ```
pub fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let isolate = matches!(c, '\u{2066}'..='\u{2069}');
        if c.is_control() || forbidden_char(c).is_some() || isolate || invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A character named for a message: `U+202E`, with what it is when that matters.
fn char_name(c: char) -> String {
    match forbidden_char(c) {
        Some(why) => format!("U+{:04X}, {why}", u32::from(c)),
        None if c.is_whitespace() => format!("U+{:04X}, white space", u32::from(c)),
        None if invisible(c) => format!("U+{:04X}, an invisible character", u32::from(c)),
        None => format!("U+{:04X}", u32::from(c)),
    }
}

#[cfg(test)]
mod tests;
