//! Loading: read the content files, parse them, check everything, build the typed guide.
//!
//! All three ways in (embedded, a folder, files in memory) produce a [`Files`] table, and one
//! function turns that table into a [`Guide`] or every problem found.

mod convert;
pub(crate) mod raw;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, LoadError};
use crate::model::Guide;
use crate::review::Review;
use crate::section::SectionId;
use crate::values::RefDate;

/// The file that holds the guide's metadata.
pub const GUIDE_FILE: &str = "guide.toml";

/// The names of every file a guide folder holds, metadata first, then sections in order.
///
/// # Examples
///
/// ```
/// let names: Vec<String> = mht_guide::file_names().collect();
/// assert_eq!(names.len(), 12);
/// assert_eq!((names[0].as_str(), names[11].as_str()), ("guide.toml", "sources.toml"));
/// ```
pub fn file_names() -> impl Iterator<Item = String> {
    std::iter::once(GUIDE_FILE.to_owned()).chain(SectionId::ALL.map(SectionId::file_name))
}

/// The content files as read: name → (the path diagnostics show, the text or why it is missing).
pub(crate) struct Files {
    files: BTreeMap<String, (PathBuf, Result<String, Diagnostic>)>,
    problems: Vec<Diagnostic>,
    /// The folder itself could not be read, so its files are not reported one by one.
    unreadable: bool,
}

impl Files {
    /// Collects files given by name. Unknown names are problems; missing ones are found later.
    pub(crate) fn from_named<N, T>(base: &Path, named: impl IntoIterator<Item = (N, T)>) -> Files
    where
        N: AsRef<str>,
        T: Into<String>,
    {
        let mut files = Files {
            files: BTreeMap::new(),
            problems: Vec::new(),
            unreadable: false,
        };
        for (name, text) in named {
            let name = name.as_ref();
            let path = base.join(name);
            if !file_names().any(|known| known == name) {
                files.problems.push(unknown_file(&path));
            } else {
                files.files.insert(name.to_owned(), (path, Ok(text.into())));
            }
        }
        files
    }

    /// Reads a guide folder from disk.
    pub(crate) fn from_dir(dir: &Path) -> Files {
        let mut files = Files {
            files: BTreeMap::new(),
            problems: Vec::new(),
            unreadable: false,
        };
        match std::fs::read_dir(dir) {
            Err(err) => {
                files.problems.push(Diagnostic::file(
                    dir,
                    format!(
                        "cannot read the content folder: {}; pass the folder that holds \
                         `{GUIDE_FILE}` and the section files",
                        io_reason(&err)
                    ),
                ));
                files.unreadable = true;
                return files;
            }
            Ok(entries) => {
                let mut unknown: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                    .filter(|p| {
                        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                        !file_names().any(|known| known == name)
                    })
                    .collect();
                unknown.sort();
                files
                    .problems
                    .extend(unknown.iter().map(|p| unknown_file(p)));
            }
        }
        for name in file_names() {
            let path = dir.join(&name);
            let text = match std::fs::read(&path) {
                Ok(bytes) => decode(&path, bytes),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
                Err(err) => Err(Diagnostic::file(
                    &path,
                    format!("cannot read this file: {}", io_reason(&err)),
                )),
            };
            files.files.insert(name, (path, text));
        }
        files
    }

    /// Parses and checks every file and builds the guide.
    pub(crate) fn load(self, base: &Path) -> Result<Guide, LoadError> {
        self.build(base, None).map(|(guide, _)| guide)
    }

    /// Loads the guide and reviews it as of a date.
    pub(crate) fn review(self, base: &Path, as_of: RefDate) -> Result<Review, LoadError> {
        let (guide, warnings) = self.build(base, Some(as_of))?;
        Ok(Review::new(guide, warnings))
    }

    /// Parses and checks every file and builds the guide, with the review's warnings when
    /// `as_of` asks for them.
    fn build(
        self,
        base: &Path,
        as_of: Option<RefDate>,
    ) -> Result<(Guide, Vec<Diagnostic>), LoadError> {
        let mut problems = self.problems;
        if self.unreadable {
            return Err(LoadError::new(problems));
        }
        let mut texts = BTreeMap::new();
        for name in file_names() {
            match self.files.get(&name) {
                None => problems.push(Diagnostic::file(
                    &base.join(&name),
                    format!(
                        "this file is missing; every guide has `{GUIDE_FILE}` and one file for \
                         each section ({})",
                        SectionId::ALL.map(SectionId::file_name).join(", ")
                    ),
                )),
                Some((_, Err(problem))) => problems.push(problem.clone()),
                Some((path, Ok(text))) => {
                    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                    texts.insert(name, (path.as_path(), text));
                }
            }
        }
        convert::build(&texts, problems, as_of)
    }
}

fn unknown_file(path: &Path) -> Diagnostic {
    Diagnostic::file(
        path,
        format!(
            "this file is not part of a guide; the files are {}; rename it to one of them or \
             move it out of the folder",
            file_names().collect::<Vec<_>>().join(", ")
        ),
    )
}

/// Turns file bytes into text, or a problem that points at the first invalid byte.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        // The valid prefix is text, so lines and columns can be counted in it.
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        Diagnostic::at_offset(
            path,
            &prefix,
            valid,
            format!(
                "this file is not valid UTF-8 (byte 0x{:02X} at offset {valid}); save it as \
                 UTF-8",
                bytes[valid]
            ),
        )
    })
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        std::io::ErrorKind::NotADirectory => "it is a file, not a folder".into(),
        _ => err.to_string(),
    }
}
