//! The built-in editions: the content compiled into this crate, and the one way to find an
//! edition by name. Loading one is the loader's (`BuiltIn::load`, `BuiltIn::guide`), and
//! reviewing one the review's (`BuiltIn::review`).

use std::fmt;

use crate::section::{SectionId, with_sections};

/// The files of an embedded edition's folder under `content/`, made from the table of sections:
/// `guide.toml` first, then one file a section, in guide order.
macro_rules! embed_files {
    (($dir:literal) $($(#[$doc:meta])* $variant:ident $field:ident $id:literal;)*) => {
        [
            ("guide.toml", include_str!(concat!("../content/", $dir, "/guide.toml"))),
            $((
                concat!($id, ".toml"),
                include_str!(concat!("../content/", $dir, "/", $id, ".toml")),
            ),)*
        ]
    };
}

/// The file of an edition's folder that records which source text each of its texts was
/// translated from (see [`translate`](crate::translate)).
pub const FINGERPRINTS_FILE: &str = "fingerprints.toml";

/// How many content files an edition has: `guide.toml` and one a section.
pub(crate) const FILE_COUNT: usize = SectionId::ALL.len() + 1;

/// The folder the embedded English content comes from, as diagnostics name it.
pub const EMBEDDED_DIR: &str = "content/mental-health-technician";

/// The English content files compiled into this crate, `guide.toml` first: (file name, text).
/// Write them out to start an edited copy, or pass them, changed, to
/// [`Guide::from_files`](crate::Guide::from_files).
pub const EMBEDDED_FILES: [(&str, &str); FILE_COUNT] =
    with_sections!(embed_files!("mental-health-technician"));

/// The Spanish (US) edition's files. It stands on the English one (`base = "en"`): it gives
/// the text in Spanish and takes the figures, codes and sources from there.
const SPANISH_FILES: [(&str, &str); FILE_COUNT] =
    with_sections!(embed_files!("mental-health-technician-es"));

/// The Simplified Chinese edition's files, on the English one as the Spanish is.
const CHINESE_FILES: [(&str, &str); FILE_COUNT] =
    with_sections!(embed_files!("mental-health-technician-zh-hans"));

/// The Vietnamese edition's files, on the English one.
const VIETNAMESE_FILES: [(&str, &str); FILE_COUNT] =
    with_sections!(embed_files!("mental-health-technician-vi"));

/// The Arabic edition's files, on the English one.
const ARABIC_FILES: [(&str, &str); FILE_COUNT] =
    with_sections!(embed_files!("mental-health-technician-ar"));

/// An edition compiled into this crate: `en`, the English guide, and its translations: `es`
/// (Spanish, US), `zh-Hans` (Simplified Chinese), `vi` (Vietnamese) and `ar` (Arabic). An
/// edition of one's own may name any as its `base`.
///
/// # Examples
///
/// ```
/// use mht_guide::BuiltIn;
///
/// let spanish = BuiltIn::named("es")?;
/// assert_eq!(spanish.dir, "content/mental-health-technician-es");
/// assert_eq!(spanish.guide().meta.language.as_str(), "es-US");
/// // Loaded afresh, with the files read: the English base's and its own.
/// let loaded = spanish.load()?;
/// assert!(loaded.files.iter().any(|f| f.path.starts_with(mht_guide::EMBEDDED_DIR)));
/// assert!(loaded.files.iter().any(|f| f.path.starts_with(spanish.dir)));
///
/// let err = BuiltIn::named("fr").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "there is no built-in edition `fr`; the editions are `en`, `es`, `zh-Hans`, `vi`, `ar`"
/// );
/// // Names are matched without regard to case.
/// assert_eq!(BuiltIn::named("zh-hans")?.name, "zh-Hans");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct BuiltIn {
    /// Its name, as a `base` and `--edition` give it: `en`, `es`, `zh-Hans`, `vi`, `ar`.
    pub name: &'static str,
    /// The folder its files came from, as diagnostics name it.
    pub dir: &'static str,
    /// Its content files, `guide.toml` first: (file name, text). An edition with a base may
    /// hold only some of them.
    pub files: &'static [(&'static str, &'static str)],
    /// Its `fingerprints.toml`, for an edition that translates its base: which text of the
    /// base each of its texts was translated from.
    pub fingerprints: Option<&'static str>,
}

/// Every built-in edition, English first.
pub const BUILT_IN: [BuiltIn; 5] = [
    BuiltIn {
        name: "en",
        dir: EMBEDDED_DIR,
        files: &EMBEDDED_FILES,
        fingerprints: None,
    },
    BuiltIn {
        name: "es",
        dir: "content/mental-health-technician-es",
        files: &SPANISH_FILES,
        fingerprints: Some(include_str!(
            "../content/mental-health-technician-es/fingerprints.toml"
        )),
    },
    BuiltIn {
        name: "zh-Hans",
        dir: "content/mental-health-technician-zh-hans",
        files: &CHINESE_FILES,
        fingerprints: Some(include_str!(
            "../content/mental-health-technician-zh-hans/fingerprints.toml"
        )),
    },
    BuiltIn {
        name: "vi",
        dir: "content/mental-health-technician-vi",
        files: &VIETNAMESE_FILES,
        fingerprints: Some(include_str!(
            "../content/mental-health-technician-vi/fingerprints.toml"
        )),
    },
    BuiltIn {
        name: "ar",
        dir: "content/mental-health-technician-ar",
        files: &ARABIC_FILES,
        fingerprints: Some(include_str!(
            "../content/mental-health-technician-ar/fingerprints.toml"
        )),
    },
];

impl BuiltIn {
    /// The built-in edition with this name, in any case (`zh-hans` is `zh-Hans`).
    ///
    /// # Errors
    ///
    /// [`UnknownEdition`], whose message lists the editions, for another name.
    pub fn named(name: &str) -> Result<&'static BuiltIn, UnknownEdition> {
        BUILT_IN
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownEdition {
                given: name.to_owned(),
            })
    }

    /// Its files by name, as a folder of it would hold them: the content files, and its
    /// fingerprints if it has them.
    pub(crate) fn named_files(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.files
            .iter()
            .copied()
            .chain(self.fingerprints.map(|text| (FINGERPRINTS_FILE, text)))
    }
}

/// The names of the built-in editions, each in backticks, for a message: `` `en`, `es`, … ``.
pub(crate) fn names() -> String {
    BUILT_IN
        .iter()
        .map(|e| format!("`{}`", e.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The error returned when a name is not a built-in edition's; its message lists them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("there is no built-in edition `{given}`; the editions are {}", names())]
pub struct UnknownEdition {
    given: String,
}

impl UnknownEdition {
    /// The name that is no edition's.
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl fmt::Display for BuiltIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_edition_loads() {
        for edition in BUILT_IN {
            if let Err(err) = edition.load() {
                panic!("{edition}: {err}");
            }
            assert_eq!(BuiltIn::named(edition.name), Ok(&edition));
        }
        assert_eq!(
            BuiltIn::named("es").unwrap().guide().meta.language.as_str(),
            "es-US"
        );
    }

    #[test]
    fn the_english_files_are_every_file_in_order() {
        let names: Vec<String> = EMBEDDED_FILES.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(names, crate::file_names().collect::<Vec<_>>());
    }
}
