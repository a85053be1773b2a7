//! Diagnostics: what is wrong with the content, and where.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in the content, with the file, line and column it is at.
///
/// Its [`Display`](fmt::Display) form is the one compilers use, so editors and terminals can
/// jump to the spot:
///
/// ```text
/// content/mental-health-technician/faq.toml:12:10: error: unknown source `bls`; cite one ...
/// ```
///
/// # Examples
///
/// ```
/// use mht_guide::{Guide, Severity};
///
/// let files = [("guide.toml", "slug = 'x'\ntitel = 'y'\n")];
/// let err = Guide::from_files("draft", files).unwrap_err();
/// let d = &err.diagnostics()[0];
/// assert_eq!(d.severity(), Severity::Error);
/// assert_eq!(d.path(), std::path::Path::new("draft/guide.toml"));
/// assert_eq!((d.position().unwrap().line, d.position().unwrap().column), (2, 1));
/// assert_eq!(d.line_text(), Some("titel = 'y'"));
/// assert!(d.message().starts_with("unknown field `titel`"));
/// assert!(d.hint().unwrap().starts_with("remove the field or fix its spelling"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    severity: Severity,
    path: PathBuf,
    position: Option<Position>,
    line_text: Option<Box<str>>,
    /// What is wrong, then (after `; `, from `hint_at` on) what to do about it.
    message: Box<str>,
    hint_at: Option<usize>,
    /// The base edition whose file the problem is in, when it is not the edition's own.
    inherited: Option<Box<str>>,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look, but the content loads: an old figure, a figure without a citation.
    Warning,
    /// The content cannot be used until this is fixed.
    Error,
}

impl Severity {
    /// `"error"` or `"warning"`, as diagnostics print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 1-based line and column (counted in characters) in a content file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// The 1-based line.
    pub line: usize,
    /// The 1-based column, counted in characters.
    pub column: usize,
}

impl Diagnostic {
    /// A problem at a byte offset of a file's text.
    pub(crate) fn at_offset(path: &Path, text: &str, offset: usize, message: String) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Self::at(path, text, Position { line, column }, message)
    }

    /// A problem at a line and column of a file's text.
    pub(crate) fn at(path: &Path, text: &str, position: Position, message: String) -> Self {
        let line_text = text
            .lines()
            .nth(position.line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').into());
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            position: Some(position),
            line_text,
            hint_at: hint_at(&message),
            message: message.into(),
            inherited: None,
        }
    }

    /// A problem with a file as a whole (it is missing, unreadable, or not wanted).
    pub(crate) fn file(path: &Path, message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            position: None,
            line_text: None,
            hint_at: hint_at(&message),
            message: message.into(),
            inherited: None,
        }
    }

    /// A warning at a byte offset of a file's text, for checks made outside the loader (such as
    /// whether an exporter can print a character).
    pub fn warning_at(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Self {
        Diagnostic::at_offset(path, text, offset, message.into()).warning()
    }

    /// A diagnostic at the same place with another message.
    pub(crate) fn with_message(&self, message: String) -> Self {
        Diagnostic {
            hint_at: hint_at(&message),
            message: message.into(),
            ..self.clone()
        }
    }

    /// The same diagnostic as an error.
    pub fn into_error(self) -> Self {
        Diagnostic {
            severity: Severity::Error,
            ..self
        }
    }

    /// The same diagnostic without the quoted line: for a file that is not TOML at all, whose
    /// text may be something other than content (a diagnostic never echoes such a file).
    pub(crate) fn without_line(self) -> Self {
        Diagnostic {
            line_text: None,
            ..self
        }
    }

    /// The same diagnostic as a warning.
    pub(crate) fn warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// The same diagnostic, said to be in a file of the base edition `from` describes.
    pub(crate) fn inherited_from(self, from: &str) -> Self {
        Diagnostic {
            inherited: Some(from.into()),
            ..self
        }
    }

    /// The base edition the problem is in, such as "the built-in `en` edition", when it is
    /// in a file that the edition inherits rather than in one of its own: fixed in the base,
    /// or overridden by a field of the edition's own.
    ///
    /// # Examples
    ///
    /// ```
    /// # let base = std::env::temp_dir().join(format!("mht-doc-inherited-{}", std::process::id()));
    /// # std::fs::create_dir_all(&base).unwrap();
    /// std::fs::write(base.join("guide.toml"), "base = \"en\"\n").unwrap();
    /// let review = mht_guide::Review::of_dir(&base, mht_guide::RefDate::parse("2026-12-07")?)
    ///     .expect("the edition loads");
    /// // Every warning of an edition that changes nothing is the built-in guide's.
    /// assert!(review.warnings().iter().all(|w| w.inherited() == Some("the built-in `en` edition")));
    /// # std::fs::remove_dir_all(&base).unwrap();
    /// # Ok::<(), mht_guide::InvalidValue>(())
    /// ```
    pub fn inherited(&self) -> Option<&str> {
        self.inherited.as_deref()
    }

    /// Whether this is an error or a warning.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The file the problem is in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The line and column, unless the problem concerns the file as a whole.
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The text of the line the problem is on, when there is one.
    pub fn line_text(&self) -> Option<&str> {
        self.line_text.as_deref()
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        match self.hint_at {
            Some(i) => &self.message[..i],
            None => &self.message,
        }
    }

    /// What to do about it, when there is advice to give.
    pub fn hint(&self) -> Option<&str> {
        self.hint_at.map(|i| &self.message[i + 2..])
    }
}

/// Where `what is wrong; what to do` splits: its last `; ` outside backticks and quotes, which
/// is how every message of this crate puts its advice.
fn hint_at(message: &str) -> Option<usize> {
    let (mut ticks, mut quotes) = (0, 0);
    let mut split = None;
    for (i, c) in message.char_indices() {
        match c {
            '`' => ticks += 1,
            '"' => quotes += 1,
            ';' if ticks % 2 == 0 && quotes % 2 == 0 && message[i..].starts_with("; ") => {
                split = Some(i);
            }
            _ => {}
        }
    }
    split
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(Position { line, column }) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}: {}", self.severity, self.message)?;
        if let Some(from) = &self.inherited {
            write!(f, " (inherited: in {from})")?;
        }
        Ok(())
    }
}

/// The content could not be loaded: every problem found, in file order.
///
/// # Examples
///
/// ```
/// use mht_guide::Guide;
///
/// let err = Guide::from_dir("no/such/folder").unwrap_err();
/// assert!(err.diagnostics()[0].message().contains("folder"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    pub(crate) fn new(diagnostics: Vec<Diagnostic>) -> Self {
        LoadError { diagnostics }
    }

    /// The same problems, each passed through `f`.
    pub(crate) fn map(self, f: impl Fn(Diagnostic) -> Diagnostic) -> LoadError {
        LoadError {
            diagnostics: self.diagnostics.into_iter().map(f).collect(),
        }
    }

    /// Every problem found; never empty.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        write!(
            f,
            "the content has {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for d in &self.diagnostics {
            write!(f, "\n{d}")?;
        }
        Ok(())
    }
}
