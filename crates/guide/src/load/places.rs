//! The source map of a loaded guide: where its figures are written, in the files that were
//! read. Passes over a [`Loaded`](super::Loaded) guide, such as the review of old figures,
//! place their warnings with it instead of reading the files again.

use std::ops::Range;
use std::path::Path;

use super::ContentFile;
use super::convert::{Figures, prose_diagnostic};
use crate::diag::Diagnostic;
use crate::figures::ProseFigure;
use crate::values::RefDate;

/// Where the guide's figures are written.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Places {
    /// Every typed figure's date, in the order the loader met them.
    pub(crate) dated: Vec<DatedPlace>,
    /// Every figure stated in prose, in the order the loader met them.
    pub(crate) prose: Vec<ProsePlace>,
}

/// A typed figure's date and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DatedPlace {
    /// The file, as an index of [`Loaded::files`](super::Loaded::files).
    pub(crate) file: usize,
    /// The byte offset of the date in the file.
    pub(crate) offset: usize,
    pub(crate) date: RefDate,
}

/// A figure stated in prose and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ProsePlace {
    /// The file, as an index of [`Loaded::files`](super::Loaded::files).
    pub(crate) file: usize,
    /// The prose's whole string value in the file, quotes included.
    span: Range<usize>,
    /// The figure's line and column in the prose itself.
    line: usize,
    column: usize,
    pub(crate) figure: ProseFigure,
}

impl Places {
    /// The source map of what a conversion found, with files named by their place in `files`.
    /// A figure in a file that is not among them (which the loader never makes) is left out
    /// rather than placed in another file.
    pub(super) fn new(figures: Figures<'_>, files: &[ContentFile]) -> Places {
        let index = |path: &Path| files.iter().position(|f| f.path == path);
        Places {
            dated: figures
                .dated
                .into_iter()
                .filter_map(|(path, offset, date)| {
                    Some(DatedPlace {
                        file: index(path)?,
                        offset,
                        date,
                    })
                })
                .collect(),
            prose: figures
                .prose
                .into_iter()
                .filter_map(|site| {
                    Some(ProsePlace {
                        file: index(site.path)?,
                        span: site.span,
                        line: site.line,
                        column: site.column,
                        figure: site.figure,
                    })
                })
                .collect(),
        }
    }
}

impl DatedPlace {
    /// A warning at the date.
    pub(crate) fn warning(&self, files: &[ContentFile], message: String) -> Diagnostic {
        let file = &files[self.file];
        Diagnostic::at_offset(&file.path, &file.text, self.offset, message).warning()
    }
}

impl ProsePlace {
    /// A warning at the figure, traced through the string's escapes to the file's line and
    /// column.
    pub(crate) fn warning(&self, files: &[ContentFile], message: String) -> Diagnostic {
        let file = &files[self.file];
        prose_diagnostic(
            &file.path,
            &file.text,
            self.span.clone(),
            self.line,
            self.column,
            message,
        )
        .warning()
    }
}

#[cfg(test)]
mod tests {
    use crate::edition::BUILT_IN;
    use crate::values::RefDate;

    /// Every place in the built-in editions' source maps points at what it says: a date at the
    /// quoted date it was read from, a figure in prose at a line that holds the figure.
    #[test]
    fn every_place_points_at_its_figure() {
        for edition in BUILT_IN {
            let loaded = edition.load().unwrap();
            let (places, files) = (&loaded.places, &loaded.files);
            assert!(
                places.dated.len() > 5,
                "{}: {}",
                edition.dir,
                places.dated.len()
            );
            assert!(
                places.prose.len() > 5,
                "{}: {}",
                edition.dir,
                places.prose.len()
            );
            for place in &places.dated {
                let text = &files[place.file].text[place.offset..];
                let written = text.strip_prefix('"').and_then(|t| t.split('"').next());
                let year = || text.split(|c: char| !c.is_ascii_digit()).next();
                let read = written
                    .and_then(|w| RefDate::parse(w).ok())
                    .map(|d| d == place.date)
                    .unwrap_or_else(|| year() == Some(place.date.year().to_string().as_str()));
                assert!(read, "{:?} at {}", place.date, &text[..text.len().min(30)]);
            }
            for place in &places.prose {
                let warning = place.warning(files, "here".to_owned());
                let line = warning.line_text().unwrap();
                // The figure as a reader reads it, such as `$42,590` or `72.5%`: its digits.
                let digits: String = place
                    .figure
                    .text
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                let on_line: String = line.chars().filter(char::is_ascii_digit).collect();
                assert!(
                    on_line.contains(&digits[..digits.len().min(3)]),
                    "`{}` is not on {}:{:?}: {line}",
                    place.figure.text,
                    warning.path().display(),
                    warning.position()
                );
            }
        }
    }
}
