//! The language of an edition: a BCP 47 tag, read once into its parts, and the direction its
//! script is written in.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// The language an edition is written in: a BCP 47 tag such as `en-US`, `zh-Hant-TW` or `ar`.
///
/// The tag is read once, when the edition loads. Code that needs its language, script, region
/// or writing direction asks this type rather than taking the tag apart again.
///
/// # Examples
///
/// ```
/// use mht_guide::{Direction, Language};
///
/// let tag: Language = "zh-Hant-TW".parse()?;
/// assert_eq!(tag.primary(), "zh");
/// assert_eq!(tag.script(), Some("Hant"));
/// assert_eq!(tag.region(), Some("TW"));
/// assert_eq!(tag.direction(), Direction::Ltr);
///
/// let arabic: Language = "ar".parse()?;
/// assert_eq!(arabic.direction(), Direction::Rtl);
/// assert_eq!(arabic.direction().as_str(), "rtl");
/// # Ok::<(), mht_guide::InvalidLanguage>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language {
    /// The tag as written.
    tag: String,
    /// The primary language subtag, in lower case.
    primary: String,
    /// The script subtag, in title case, when the tag has one.
    script: Option<String>,
    /// The region subtag, in upper case (or three digits), when the tag has one.
    region: Option<String>,
    /// The direction set by the edition (`direction` in `guide.toml`), over the script's.
    direction: Option<Direction>,
}

/// The direction in which a language's script runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Direction {
    /// Left to right, as Latin, Cyrillic, Han and Devanagari are written.
    Ltr,
    /// Right to left, as Arabic and Hebrew are written.
    Rtl,
}

impl Direction {
    /// Reads `ltr` or `rtl`, as HTML's `dir` attribute and `direction` in `guide.toml` write
    /// them.
    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "ltr" => Some(Direction::Ltr),
            "rtl" => Some(Direction::Rtl),
            _ => None,
        }
    }

    /// The value HTML's `dir` attribute and CSS take: `ltr` or `rtl`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not a BCP 47 language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{given}` is not a language tag; write a BCP 47 tag such as `en-US`")]
pub struct InvalidLanguage {
    given: String,
}

impl InvalidLanguage {
    /// The string that is not a tag.
    pub fn given(&self) -> &str {
        &self.given
    }
}

/// Scripts written right to left (ISO 15924 codes).
const RTL_SCRIPTS: [&str; 12] = [
    "Adlm", "Arab", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi", "Aran",
];

/// Languages whose usual script is written right to left, when the tag names no script.
const RTL_LANGUAGES: [&str; 14] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi", "syr",
];

impl Language {
    /// Reads a BCP 47 tag: a primary language subtag of two or three letters, then subtags of
    /// one to eight letters or digits, separated by hyphens.
    ///
    /// # Errors
    ///
    /// [`InvalidLanguage`] when the string is not of that form.
    pub fn parse(s: &str) -> Result<Language, InvalidLanguage> {
        let invalid = || InvalidLanguage {
            given: s.to_owned(),
        };
        let mut parts = s.split('-');
        let primary = parts.next().unwrap_or("");
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(invalid());
        }
        let mut script = None;
        let mut region = None;
        for (i, part) in parts.enumerate() {
            if !(1..=8).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(invalid());
            }
            let alpha = part.bytes().all(|b| b.is_ascii_alphabetic());
            let digits = part.bytes().all(|b| b.is_ascii_digit());
            match (i, part.len()) {
                (0, 4) if alpha => script = Some(title_case(part)),
                (0 | 1, 2) if alpha && region.is_none() => region = Some(part.to_ascii_uppercase()),
                (0 | 1, 3) if digits && region.is_none() => region = Some(part.to_owned()),
                _ => {}
            }
        }
        Ok(Language {
            tag: s.to_owned(),
            primary: primary.to_ascii_lowercase(),
            script,
            region,
            direction: None,
        })
    }

    /// `und`, the tag of an undetermined language: what an edition whose tag does not read
    /// holds until its problems are fixed.
    pub(crate) fn undetermined() -> Language {
        Language {
            tag: "und".to_owned(),
            primary: "und".to_owned(),
            script: None,
            region: None,
            direction: None,
        }
    }

    /// The same language, its text set in the given direction whatever its script: for an
    /// edition whose `guide.toml` sets `direction`.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::{Direction, Language};
    ///
    /// let language: Language = "ks-Deva".parse()?;
    /// assert_eq!(language.direction(), Direction::Ltr);
    /// assert_eq!(language.with_direction(Direction::Rtl).direction(), Direction::Rtl);
    /// # Ok::<(), mht_guide::InvalidLanguage>(())
    /// ```
    #[must_use]
    pub fn with_direction(mut self, direction: Direction) -> Language {
        self.direction = Some(direction);
        self
    }

    /// The tag as the edition wrote it.
    pub fn as_str(&self) -> &str {
        &self.tag
    }

    /// The primary language subtag, in lower case: `es` for `es-US`.
    pub fn primary(&self) -> &str {
        &self.primary
    }

    /// The script subtag the tag names, in title case (`Hant` for `zh-hant`), if any.
    pub fn script(&self) -> Option<&str> {
        self.script.as_deref()
    }

    /// The region subtag the tag names, in upper case (`US` for `es-us`), if any.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The direction the language's text runs in: as the edition sets it, else from the
    /// script the tag names, else from the language's usual script.
    pub fn direction(&self) -> Direction {
        if let Some(direction) = self.direction {
            return direction;
        }
        let rtl = match self.script() {
            Some(script) => RTL_SCRIPTS.contains(&script),
            None => RTL_LANGUAGES.contains(&self.primary()),
        };
        if rtl { Direction::Rtl } else { Direction::Ltr }
    }

    /// Whether the two tags name the same language and script: `zh-Hans` and `zh-Hant` do
    /// not, `es-US` and `es-MX` do. A tag that names no script matches any script.
    pub fn same_writing(&self, other: &Language) -> bool {
        self.primary == other.primary
            && match (self.script(), other.script()) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

fn title_case(s: &str) -> String {
    let mut out = s.to_ascii_lowercase();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

impl FromStr for Language {
    type Err = InvalidLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse(s)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_into_their_parts() {
        let tag = Language::parse("sr-latn-rs").unwrap();
        assert_eq!(
            (tag.primary(), tag.script(), tag.region()),
            ("sr", Some("Latn"), Some("RS"))
        );
        let tag = Language::parse("es-419").unwrap();
        assert_eq!((tag.script(), tag.region()), (None, Some("419")));
        let tag = Language::parse("EN").unwrap();
        assert_eq!((tag.primary(), tag.as_str()), ("en", "EN"));
        let tag = Language::parse("de-CH-1996").unwrap();
        assert_eq!(tag.region(), Some("CH"));
    }

    #[test]
    fn what_is_not_a_tag_is_refused() {
        for bad in [
            "",
            "e",
            "english",
            "en_US",
            "en-",
            "en--US",
            "en-toolongtag",
            "1a",
        ] {
            let err = Language::parse(bad).unwrap_err();
            assert_eq!(err.given(), bad);
            assert!(err.to_string().contains("BCP 47"), "{err}");
        }
    }

    #[test]
    fn direction_comes_from_the_script_else_the_language() {
        for rtl in ["ar", "fa-IR", "he", "ur-PK", "ps", "az-Arab", "pa-Arab"] {
            assert_eq!(
                Language::parse(rtl).unwrap().direction(),
                Direction::Rtl,
                "{rtl}"
            );
        }
        for ltr in [
            "en-US", "zh-Hans", "hi", "km", "pa-Guru", "ku-Latn", "uz-Latn",
        ] {
            assert_eq!(
                Language::parse(ltr).unwrap().direction(),
                Direction::Ltr,
                "{ltr}"
            );
        }
    }

    #[test]
    fn same_writing_compares_language_and_script() {
        let tag = |s| Language::parse(s).unwrap();
        assert!(tag("es-US").same_writing(&tag("es-MX")));
        assert!(tag("zh").same_writing(&tag("zh-Hans")));
        assert!(!tag("zh-Hans").same_writing(&tag("zh-Hant")));
        assert!(!tag("en").same_writing(&tag("es")));
    }
}
