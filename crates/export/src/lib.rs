//! Export the [`mht_guide`] career guide, or a selection of its sections, to print and publishing
//! formats.
//!
//! The pipeline has two steps. [`Document::compose`] turns the typed guide into one
//! render-neutral document: section order and numbers, headings and anchors, which figures become
//! tables, and the number each cited source carries. Each format then only renders that document,
//! so every format agrees on all of it. JSON is the exception: it serializes the typed model
//! itself.
//!
//! | format | function | output |
//! |---|---|---|
//! | [`Format::Markdown`] | [`to_markdown`] | CommonMark with GitHub tables and YAML front matter |
//! | [`Format::Json`] | [`to_json`] | the typed model, with a `schema_version` |
//!
//! Libraries return bytes and never touch the file system; writing files is the caller's job.
//!
//! # Examples
//!
//! ```
//! use mht_guide::SectionId;
//! use mht_guide_export::{Format, Options, Selection, export};
//!
//! let guide = mht_guide::guide();
//! let options = Options::new().sections(Selection::only([SectionId::SalaryOutlook]));
//! let markdown = String::from_utf8(export(guide, Format::Markdown, &options)?)?;
//! assert!(markdown.contains("## Salary and job outlook"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod compose;
mod json;
mod markdown;

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use mht_guide::{Guide, SectionId, UnknownSection};

pub use compose::{Cell, Document, Entry, NOT_PUBLISHED, Node, Section, Table};
pub use json::{SCHEMA_VERSION, to_json};
pub use markdown::{markdown_options, to_markdown};

/// The output formats.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Format;
///
/// let format: Format = "md".parse()?;
/// assert_eq!(format, Format::Markdown);
/// assert_eq!(format.extension(), "md");
/// assert_eq!(Format::from_extension("guide.json"), Some(Format::Json));
/// # Ok::<(), mht_guide_export::UnknownFormat>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// CommonMark with GitHub tables and YAML front matter.
    Markdown,
    /// The typed model as JSON.
    Json,
}

impl Format {
    /// Every format, in the order tools list them.
    pub const ALL: [Format; 2] = [Format::Markdown, Format::Json];

    /// The short name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// The format a file name's extension names, if any.
    pub fn from_extension(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string names no format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`; the formats are: md, json")]
pub struct UnknownFormat(String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

/// Which sections to export. Sections always come out in guide order.
///
/// # Examples
///
/// ```
/// use mht_guide::SectionId;
/// use mht_guide_export::Selection;
///
/// let selection: Selection = "faq,definition".parse()?;
/// let ids: Vec<_> = selection.ids().collect();
/// assert_eq!(ids, [SectionId::Definition, SectionId::Faq]);
/// assert!("faq,salary".parse::<Selection>().is_err());
/// # Ok::<(), mht_guide::UnknownSection>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection(BTreeSet<SectionId>);

impl Selection {
    /// Every section.
    pub fn all() -> Selection {
        Selection(SectionId::ALL.into_iter().collect())
    }

    /// Only these sections.
    pub fn only(ids: impl IntoIterator<Item = SectionId>) -> Selection {
        Selection(ids.into_iter().collect())
    }

    /// The selected sections, in guide order.
    pub fn ids(&self) -> impl Iterator<Item = SectionId> + '_ {
        self.0.iter().copied()
    }

    /// Whether a section is selected.
    pub fn contains(&self, id: SectionId) -> bool {
        self.0.contains(&id)
    }

    /// Whether every section is selected.
    pub fn is_all(&self) -> bool {
        self.0.len() == SectionId::ALL.len()
    }
}

impl Default for Selection {
    fn default() -> Self {
        Selection::all()
    }
}

impl FromStr for Selection {
    type Err = UnknownSection;

    /// Parses a comma-separated list of section ids; spaces around ids are ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.split(',')
            .map(|id| id.trim().parse())
            .collect::<Result<BTreeSet<_>, _>>()
            .map(Selection)
    }
}

/// Options shared by every format.
///
/// # Examples
///
/// ```
/// use mht_guide::SectionId;
/// use mht_guide_export::{Options, Selection};
///
/// let mut options = Options::new();
/// options.set_sections(Selection::only([SectionId::Faq]));
/// assert!(!options.selection().is_all());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Options {
    sections: Selection,
}

impl Options {
    /// The defaults: every section.
    pub fn new() -> Options {
        Options::default()
    }

    /// Selects the sections to export.
    pub fn set_sections(&mut self, selection: Selection) -> &mut Options {
        self.sections = selection;
        self
    }

    /// Selects the sections to export, by value.
    #[must_use]
    pub fn sections(mut self, selection: Selection) -> Options {
        self.sections = selection;
        self
    }

    /// The selected sections.
    pub fn selection(&self) -> &Selection {
        &self.sections
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The model could not be serialized as JSON.
    #[error("cannot serialize the guide as JSON")]
    Json(#[source] serde_json::Error),
}

/// Exports a guide in one format.
///
/// # Errors
///
/// When the format's writer fails; see [`ExportError`].
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Format, Options, export};
///
/// let json = export(mht_guide::guide(), Format::Json, &Options::new())?;
/// assert!(json.starts_with(b"{"));
/// # Ok::<(), mht_guide_export::ExportError>(())
/// ```
pub fn export(guide: &Guide, format: Format, options: &Options) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Markdown => to_markdown(guide, options).into_bytes(),
        Format::Json => to_json(guide, options)?.into_bytes(),
    })
}
