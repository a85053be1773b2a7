//! Sections of the guide set inside a site's own page: no title block, contents, style or
//! scripts of their own, headings at the site's level, and ids that cannot collide.

use std::fmt::Write as _;

use super::{Writer, lang_attributes};
use crate::compose::Document;
use crate::escape::escape;

/// How sections are set inside another page, for [`Options::set_fragment`](crate::Options::set_fragment):
/// [`to_html`](crate::to_html) then returns one `<div class="mht-guide">` to put in the page,
/// not a whole document.
///
/// - Every id and every link to it starts with the prefix, so two fragments on one page (or a
///   fragment and the page's own ids) never collide. Give each fragment on a page its own.
/// - Sections take headings from the level given (2 by default, for a page whose own title is
///   the `h1`), their subheadings and questions the next level down.
/// - Section numbers ("3. Education and licensure") are off unless asked for: a section on a
///   site's page is not the third of anything.
/// - Each fragment numbers the sources it cites from \[1\] and lists them in its own sources
///   section, so its citations lead to its own list.
/// - Charts draw without any stylesheet: their colors are presentation attributes, and their
///   lines and scale take the text's color (`currentColor`). For the guide's own look, the
///   page links [`STYLESHEET`](crate::STYLESHEET), whose every rule is scoped under the
///   class `mht-guide`.
/// - Its sections are the page's regions, each named by its heading, without the roles of a
///   publication's chapters; the sources section is named with the first section's heading
///   too ("Sources Salary and job outlook"), so that two fragments' regions differ.
/// - Nothing in it needs a script.
///
/// # Examples
///
/// ```
/// use mht_guide::SectionId;
/// use mht_guide_export::{Fragment, Options, Selection, to_html};
///
/// let fragment = Fragment::new("pay-")?.with_heading_level(3)?;
/// let options = Options::new()
///     .with_sections(Selection::only([SectionId::SalaryOutlook]))
///     .with_fragment(fragment);
/// let html = to_html(mht_guide::guide(), &options);
/// assert!(html.starts_with("<div class=\"mht-guide\""));
/// assert!(html.contains("<h3 id=\"pay-salary-outlook-title\">Salary and job outlook</h3>"));
/// assert!(!html.contains("<style"));
/// # Ok::<(), mht_guide_export::FragmentError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    id_prefix: String,
    heading_level: u8,
    numbered: bool,
}

/// Why a fragment's settings were refused.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Fragment, FragmentError};
///
/// assert!(matches!(Fragment::new("1st"), Err(FragmentError::IdPrefix { .. })));
/// let err = Fragment::new("pay-")?.with_heading_level(6).unwrap_err();
/// assert_eq!(err.to_string(), "heading level 6 leaves no level for the headings inside a \
///     section; give 1 to 5");
/// # Ok::<(), FragmentError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FragmentError {
    /// The id prefix could not begin an id in every page and every CSS selector.
    #[error(
        "the id prefix `{given}` cannot begin an id: start it with a letter (a–z, A–Z), then \
         letters, digits, hyphens or underscores, at most {MAX_PREFIX} in all"
    )]
    IdPrefix {
        /// The prefix given.
        given: String,
    },
    /// The heading level is not from 1 to 5.
    #[error("{}", heading_level_message(*.0))]
    HeadingLevel(u8),
}

fn heading_level_message(level: u8) -> String {
    if level == 0 {
        "there is no heading level 0; give 1 to 5".to_owned()
    } else {
        format!(
            "heading level {level} leaves no level for the headings inside a section; give 1 to 5"
        )
    }
}

/// The longest id prefix.
const MAX_PREFIX: usize = 40;

impl Fragment {
    /// A fragment whose ids start with `id_prefix` (such as `pay-`), with its sections'
    /// headings at level 2 and unnumbered. An empty prefix is allowed, for a page that holds
    /// one fragment and no ids that could meet the guide's.
    ///
    /// # Errors
    ///
    /// [`FragmentError::IdPrefix`] unless the prefix is empty or a letter followed by letters,
    /// digits, hyphens and underscores, at most 40 in all.
    pub fn new(id_prefix: &str) -> Result<Fragment, FragmentError> {
        let mut chars = id_prefix.chars();
        let valid = id_prefix.len() <= MAX_PREFIX
            && chars.next().is_none_or(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid {
            return Err(FragmentError::IdPrefix {
                given: id_prefix.to_owned(),
            });
        }
        Ok(Fragment {
            id_prefix: id_prefix.to_owned(),
            heading_level: 2,
            numbered: false,
        })
    }

    /// The fragment with its sections' headings at `level` (1 to 5; the headings inside a
    /// section take the next level).
    ///
    /// # Errors
    ///
    /// [`FragmentError::HeadingLevel`] for a level outside 1 to 5.
    pub fn with_heading_level(mut self, level: u8) -> Result<Fragment, FragmentError> {
        if !(1..=5).contains(&level) {
            return Err(FragmentError::HeadingLevel(level));
        }
        self.heading_level = level;
        Ok(self)
    }

    /// The fragment with its sections numbered ("1. Salary and job outlook") or not.
    #[must_use]
    pub fn with_numbering(mut self, numbered: bool) -> Fragment {
        self.numbered = numbered;
        self
    }

    /// What every id in the fragment starts with.
    pub fn id_prefix(&self) -> &str {
        &self.id_prefix
    }

    /// The level of the sections' headings.
    pub fn heading_level(&self) -> u8 {
        self.heading_level
    }

    /// Whether the sections' headings carry their numbers.
    pub fn numbered(&self) -> bool {
        self.numbered
    }
}

/// The fragment: the key figures when the preset has them, the sections and their sources,
/// and the edition line, in one element that carries the class the stylesheet is scoped
/// under, and the edition's language and direction (which the site's page may not share).
pub(super) fn write(doc: &Document<'_>, options: &crate::Options, fragment: &Fragment) -> String {
    let prefix = fragment.id_prefix.as_str();
    let href = |anchor: &str| format!("#{prefix}{anchor}");
    let mut w = Writer::new(doc, &href, false);
    w.set_accent(options);
    w.prefix = prefix.to_owned();
    w.level = fragment.heading_level;
    w.numbered = fragment.numbered;
    w.fragment = true;
    let dir = match doc.language().direction() {
        mht_guide::Direction::Rtl => " dir=\"rtl\"",
        _ => "",
    };
    let _ = writeln!(
        w.out,
        "<div class=\"mht-guide\"{}{dir}>",
        lang_attributes(doc.language())
    );
    if let Some(band) = &doc.band {
        w.band(band);
    }
    for section in &doc.sections {
        w.section(section);
    }
    w.push("<p class=\"edition\">");
    w.colophon(true);
    w.push("</p>\n</div>\n");
    w.out
}

impl Writer<'_> {
    /// An id as written: the fragment's prefix, then the anchor.
    pub(super) fn id(&self, anchor: &str) -> String {
        escape(&format!("{}{anchor}", self.prefix))
    }
}
