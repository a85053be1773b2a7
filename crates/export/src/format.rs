//! The output formats, and the one table of what is known of each.

use std::fmt;
use std::str::FromStr;

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
    /// One self-contained XHTML5 file, or a fragment for a site's page.
    Html,
    /// The stylesheet of the HTML export, scoped under the class `mht-guide`, for a site
    /// that sets fragments in its pages.
    Css,
    /// An EPUB 3 book.
    #[cfg(feature = "epub")]
    Epub,
    /// A print-ready PDF handout.
    #[cfg(feature = "pdf")]
    Pdf,
    /// A Word document (DOCX) that staff can adapt.
    #[cfg(feature = "docx")]
    Docx,
}

impl Format {
    /// Every format, in the order tools list them.
    pub const ALL: &[Format] = &[
        Format::Markdown,
        Format::Json,
        Format::Html,
        Format::Css,
        #[cfg(feature = "epub")]
        Format::Epub,
        #[cfg(feature = "pdf")]
        Format::Pdf,
        #[cfg(feature = "docx")]
        Format::Docx,
    ];

    /// What is known of the format: its names, file extensions, media type and a line that
    /// says what it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide_export::Format;
    ///
    /// let info = Format::Epub.info();
    /// assert_eq!((info.name, info.extension), ("epub", "epub"));
    /// assert_eq!(info.media_type, "application/epub+zip");
    /// ```
    pub const fn info(self) -> &'static FormatInfo {
        match self {
            Format::Markdown => &FormatInfo {
                format: Format::Markdown,
                name: "md",
                aliases: &["markdown"],
                extension: "md",
                other_extensions: &["markdown"],
                media_type: "text/markdown; charset=utf-8",
                description: "CommonMark with tables and YAML front matter",
            },
            Format::Json => &FormatInfo {
                format: Format::Json,
                name: "json",
                aliases: &[],
                extension: "json",
                other_extensions: &[],
                media_type: "application/json",
                description: "The typed guide as JSON",
            },
            Format::Html => &FormatInfo {
                format: Format::Html,
                name: "html",
                aliases: &[],
                extension: "html",
                other_extensions: &["xhtml", "htm"],
                media_type: "text/html; charset=utf-8",
                description: "One self-contained web page (XHTML5), or a fragment of one",
            },
            Format::Css => &FormatInfo {
                format: Format::Css,
                name: "css",
                aliases: &[],
                extension: "css",
                other_extensions: &[],
                media_type: "text/css; charset=utf-8",
                description: "The web page's stylesheet, scoped for a site's own pages",
            },
            #[cfg(feature = "epub")]
            Format::Epub => &FormatInfo {
                format: Format::Epub,
                name: "epub",
                aliases: &[],
                extension: "epub",
                other_extensions: &[],
                media_type: "application/epub+zip",
                description: "An EPUB 3 book",
            },
            #[cfg(feature = "pdf")]
            Format::Pdf => &FormatInfo {
                format: Format::Pdf,
                name: "pdf",
                aliases: &[],
                extension: "pdf",
                other_extensions: &[],
                media_type: "application/pdf",
                description: "A print-ready PDF handout",
            },
            #[cfg(feature = "docx")]
            Format::Docx => &FormatInfo {
                format: Format::Docx,
                name: "docx",
                aliases: &["word"],
                extension: "docx",
                other_extensions: &[],
                media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                description: "A Word document that staff can adapt",
            },
        }
    }

    /// The short name used on the command line.
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// The file extension, without the dot.
    pub const fn extension(self) -> &'static str {
        self.info().extension
    }

    /// The format a file name's extension names, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide_export::Format;
    ///
    /// assert_eq!(Format::from_extension("handout.PDF"), Some(Format::Pdf));
    /// assert_eq!(Format::from_extension("site/guide.xhtml"), Some(Format::Html));
    /// assert_eq!(Format::from_extension("notes.txt"), None);
    /// ```
    pub fn from_extension(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Format::ALL.iter().copied().find(|f| {
            let info = f.info();
            info.extension == ext || info.other_extensions.contains(&ext.as_str())
        })
    }
}

/// What is known of an output [`Format`]: the one table that the library, the command's
/// arguments and messages, and the preview server read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FormatInfo {
    /// The format.
    pub format: Format,
    /// The short name the command line and messages use: `md`, `pdf`.
    pub name: &'static str,
    /// Other names the command line takes for it.
    pub aliases: &'static [&'static str],
    /// The extension of its files, without the dot.
    pub extension: &'static str,
    /// Other extensions that name it in `-o`.
    pub other_extensions: &'static [&'static str],
    /// Its media type, as a web server sends it.
    pub media_type: &'static str,
    /// One line on what it is.
    pub description: &'static str,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when a string names no format.
///
/// # Examples
///
/// ```
/// use mht_guide_export::Format;
///
/// let err = "odt".parse::<Format>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown format `odt`; the formats are: md, json, html, css, epub, pdf, docx"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{given}`; the formats are: {}", format_names())]
pub struct UnknownFormat {
    given: String,
}

fn format_names() -> String {
    Format::ALL
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == s || f.info().aliases.contains(&s))
            .ok_or_else(|| UnknownFormat {
                given: s.to_owned(),
            })
    }
}
