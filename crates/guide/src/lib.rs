//! An original, cited guide to the **mental health technician** occupation (also called
//! psychiatric technician or behavioral health technician), as typed data.
//!
//! The guide is written as human-editable TOML files with CommonMark prose, one file a section.
//! This crate embeds them, checks them when they are loaded, and hands them to you as a typed
//! [`Guide`]: definitions, duties, education and licensure, work settings, skills, career path,
//! pay and job outlook as typed figures with their sources and dates, challenges and rewards, the
//! role in the care team, FAQs and sources.
//!
//! # Quick start
//!
//! ```
//! let guide = mht_guide::guide();
//! println!("{} ({})", guide.meta.title, guide.labels.date(guide.meta.edition));
//!
//! for figure in &guide.salary_outlook.pay {
//!     let source = guide.sources.get(&figure.source).expect("citations are checked on load");
//!     println!(
//!         "{}, {}: {} ({}; {})",
//!         figure.occupation,
//!         guide.labels.statistic(figure.statistic),
//!         guide.labels.money_per(&figure.amount, figure.unit),
//!         guide.labels.date(figure.period),
//!         source.publisher,
//!     );
//! }
//! ```
//!
//! # An edited copy of the content
//!
//! [`Guide::from_dir`] loads a folder laid out like the crate's own content (`guide.toml` plus
//! one `<section-id>.toml` per [`SectionId`]). Every problem in it is reported at once, each with
//! its file, line and column:
//!
//! ```no_run
//! match mht_guide::Guide::from_dir("my-edition") {
//!     Ok(guide) => println!("{} sections", guide.sections().count()),
//!     Err(err) => {
//!         for problem in err.diagnostics() {
//!             eprintln!("{problem}");
//!         }
//!     }
//! }
//! ```
//!
//! The loader checks that every field is present and of the right type, that no unknown field or
//! file is there, that text is not empty, that ids are unique, that every citation names a
//! source, that dates, amounts and links are valid, and that prose uses only the CommonMark the
//! guide allows (see [`Prose`]).
//!
//! # Reviewing an edition
//!
//! Content that loads can still deserve a second look. A [`Review`] counts the words and
//! estimates the reading grade of each section, and warns, with file, line and column, about
//! figures whose data is more than [`STALE_AFTER_YEARS`] years old and about paragraphs that
//! state a figure without citing a source. `mht-guide check` prints the same report.
//!
//! ```
//! use mht_guide::{RefDate, Review};
//!
//! let as_of = RefDate::parse("2026-11-23")?;
//! let review = mht_guide::BUILT_IN[0].review(as_of).expect("the guide loads");
//! println!("reading grade {:.1}", review.total().grade());
//! for warning in review.warnings() {
//!     println!("{warning}");
//! }
//! # Ok::<(), String>(())
//! ```
//!
//! # Features
//!
//! - `schema` (off by default): the `schema` module, the JSON Schemas of the content files, through
//!   `schemars`. Each content file names its schema on its first line (`#:schema ...`), so
//!   editors with a TOML language server check and complete it while it is typed.
//!
//! The crate has no other features, and pulls in no PDF, EPUB or HTML machinery: the exporters
//! live in the `mht-guide-export` crate.

#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod diag;
mod edition;
mod figures;
pub mod labels;
mod language;
mod load;
mod model;
mod prose;
mod review;
#[cfg(feature = "schema")]
pub mod schema;
mod section;
mod spanned;
mod terms;
pub mod translate;
mod values;

use std::path::Path;

pub use diag::{Diagnostic, LoadError, Position, Severity};
pub use edition::{BUILT_IN, BuiltIn, EMBEDDED_DIR, EMBEDDED_FILES, UnknownEdition};
pub use figures::STALE_AFTER_YEARS;
pub use labels::{Label, Labels};
pub use language::{Direction, InvalidLanguage, Language};
pub use load::{
    BRAND_FILE, ContentFile, EditionFolder, EditionFont, FileOrigin, GUIDE_FILE, Loaded,
    MAX_FILE_BYTES, MAX_FONT_BYTES, file_names,
};
pub use model::{
    Area, AreaKind, CareTeam, CareerPath, CareerStep, Certification, ChallengesRewards, Definition,
    Education, EmploymentShare, EntryEducation, Faq, Guide, Item, KeyFigure, KeyFigureChoice,
    LanguagePart, Meta, OccupationCode, OutlookFigure, PayFigure, PayUnit, Question,
    Responsibilities, Role, SalaryOutlook, SectionRef, SectionVisitor, Skills, Source, Sources,
    StateLicense, StateRule, StateTopic, Statistic, TimeToQualify, WorkSetting, WorkSettings,
};
pub use prose::{Block, Inline, List, MAX_DEPTH, Prose, ProseError, count_words, walk_inlines};
pub use review::{ReadingFormula, Review, SectionStats, TextStats};
pub use section::{SectionId, UnknownSection};
pub use values::{Currency, Id, InvalidValue, Money, RefDate, StateCode, Text, Url, shown};

/// The guide compiled into this crate, loaded and checked on first use.
///
/// # Panics
///
/// Never in a released crate: the embedded content is checked by the crate's tests, and a crate
/// whose embedded content did not load would not pass them.
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// assert_eq!(guide.meta.language.as_str(), "en-US");
/// assert!(!guide.faq.questions.is_empty());
/// ```
pub fn guide() -> &'static Guide {
    BUILT_IN[0].guide()
}

/// A built-in edition's guide by name, loaded and checked on first use: `en` (the English
/// guide, the same as [`guide()`]), `es` (Spanish, US), `zh-Hans` (Simplified Chinese), `vi`
/// (Vietnamese) or `ar` (Arabic). `None` for another name; for the reason, or the edition's
/// files, use [`BuiltIn::named`].
///
/// # Panics
///
/// Never in a released crate, as for [`guide()`].
///
/// # Examples
///
/// ```
/// let english = mht_guide::edition("en").unwrap();
/// assert_eq!(english, mht_guide::guide());
/// let arabic = mht_guide::edition("ar").unwrap();
/// assert_eq!(arabic.meta.language.direction(), mht_guide::Direction::Rtl);
/// assert!(mht_guide::edition("fr").is_none());
/// ```
pub fn edition(name: &str) -> Option<&'static Guide> {
    BuiltIn::named(name).ok().map(BuiltIn::guide)
}

impl Guide {
    /// Loads and checks a guide folder: `guide.toml` and one `<section-id>.toml` per section.
    ///
    /// Other `.toml` files in the folder are reported as problems; other files are ignored.
    ///
    /// # Errors
    ///
    /// Every problem found in the folder, each naming its file, line and column.
    ///
    /// # Examples
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("mht-guide-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// for (name, text) in mht_guide::EMBEDDED_FILES {
    ///     std::fs::write(dir.join(name), text)?;
    /// }
    /// let guide = mht_guide::Guide::from_dir(&dir)?;
    /// assert_eq!(&guide, mht_guide::guide());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Guide, LoadError> {
        EditionFolder::new(dir.as_ref())
            .load()
            .map(|loaded| loaded.guide)
    }

    /// Loads and checks a guide from files held in memory, given as (file name, text) pairs.
    ///
    /// `base` is the folder diagnostics name the files in; nothing is read from it. Use this
    /// for content that did not come from a folder, such as an upload.
    ///
    /// # Errors
    ///
    /// Every problem found, each naming its file, line and column.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::Guide;
    ///
    /// let mut files = mht_guide::EMBEDDED_FILES.map(|(name, text)| (name, text.to_owned()));
    /// files[10].1 = files[10].1.replace("[[questions]]", "[[question]]");
    /// let err = Guide::from_files("upload", files).unwrap_err();
    /// assert!(err.diagnostics()[0].to_string().starts_with("upload/faq.toml:"));
    /// ```
    pub fn from_files<N, T>(
        base: impl AsRef<Path>,
        files: impl IntoIterator<Item = (N, T)>,
    ) -> Result<Guide, LoadError>
    where
        N: AsRef<str>,
        T: Into<String>,
    {
        let base = base.as_ref();
        load::Files::from_named(base, files)
            .load(base)
            .map(|loaded| loaded.guide)
    }
}
