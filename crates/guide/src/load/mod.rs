//! Loading: read the content files, parse them, check everything, build the typed guide.
//!
//! All three ways in (embedded, a folder, files in memory) produce a [`Files`] table, and one
//! function turns that table into a [`Guide`] or every problem found.

mod brand;
mod convert;
mod folder;
mod fonts;
pub(crate) mod layer;
mod places;
pub(crate) mod raw;
mod read;
mod stack;
mod toml_errors;

pub use read::MAX_FILE_BYTES;
use read::{decode, io_reason, read_content_file};

pub use brand::BRAND_FILE;
pub use folder::EditionFolder;
pub use fonts::{EditionFont, MAX_FONT_BYTES};
pub(crate) use places::Places;
use stack::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use crate::diag::{Diagnostic, LoadError};

use crate::edition::{BUILT_IN, BuiltIn};
use crate::model::Guide;
use crate::section::SectionId;

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
    std::iter::once(GUIDE_FILE)
        .chain(SectionId::ALL.map(SectionId::file_name))
        .map(str::to_owned)
}

/// A file's place in guide order, by its name: the metadata first, then the sections; a file of
/// any other name comes last.
pub(crate) fn file_rank(path: &Path) -> usize {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    file_names()
        .position(|known| known == name)
        .unwrap_or(usize::MAX)
}

/// Orders diagnostics file by file in guide order, and within a file from top to bottom.
pub(crate) fn sort_in_guide_order(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (file_rank(d.path()), d.position()));
}

/// The content files as read: name → (the path diagnostics show, the text or why it is missing).
pub(crate) struct Files {
    files: BTreeMap<String, (PathBuf, Result<String, Diagnostic>)>,
    problems: Vec<Diagnostic>,
    /// The folder itself could not be read, so its files are not reported one by one.
    unreadable: bool,
    /// The folder the files were read from, against which a base folder is found; `None`
    /// for files given in memory.
    dir: Option<PathBuf>,
    /// The folder every base folder must be inside, when the files were read from a folder.
    root: Option<PathBuf>,
    /// The edition's `fingerprints.toml`, if it has one.
    fingerprints: Option<(PathBuf, Result<String, Diagnostic>)>,
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
            dir: None,
            root: None,
            fingerprints: None,
        };
        for (name, text) in named {
            let name = name.as_ref();
            let path = base.join(name);
            if name == crate::edition::FINGERPRINTS_FILE {
                files.fingerprints = Some((path, Ok(text.into())));
            } else if !file_names().any(|known| known == name) {
                files.problems.push(unknown_file(&path));
            } else {
                files.files.insert(name.to_owned(), (path, Ok(text.into())));
            }
        }
        files
    }

    /// Reads a guide folder from disk, whose bases must be folders inside `root`.
    pub(crate) fn from_dir(dir: &Path, root: &Path) -> Files {
        let mut files = Files {
            files: BTreeMap::new(),
            problems: Vec::new(),
            unreadable: false,
            dir: Some(dir.to_path_buf()),
            root: Some(root.to_path_buf()),
            fingerprints: None,
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
                            && name != crate::edition::FINGERPRINTS_FILE
                            && name != BRAND_FILE
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
            let text = match read_content_file(dir, &name) {
                Ok(Some(bytes)) => decode(&path, bytes),
                Ok(None) => continue,
                Err(problem) => Err(problem),
            };
            files.files.insert(name, (path, text));
        }
        let name = crate::edition::FINGERPRINTS_FILE;
        files.fingerprints = match read_content_file(dir, name) {
            Ok(Some(bytes)) => Some((dir.join(name), decode(&dir.join(name), bytes))),
            Ok(None) => None,
            Err(problem) => Some((dir.join(name), Err(problem))),
        };
        files
    }

    /// Files given by name, as [`Files::from_named`], for an edition that will be the folder
    /// `dir`: its base folders are found from there, inside `root`.
    pub(crate) fn from_named_in<N, T>(
        dir: &Path,
        root: &Path,
        named: impl IntoIterator<Item = (N, T)>,
    ) -> Files
    where
        N: AsRef<str>,
        T: Into<String>,
    {
        let mut files = Files::from_named(dir, named);
        files.dir = Some(dir.to_path_buf());
        files.root = Some(root.to_path_buf());
        files
    }

    /// Parses and checks every file and builds the guide.
    pub(crate) fn load(self, base: &Path) -> Result<Loaded, LoadError> {
        let (layers, mut problems, resolved) = resolve(self, base);
        // The bases' files, each with the words that say a problem is in it.
        let inherited = Inherited(
            layers
                .iter()
                .take(layers.len().saturating_sub(1))
                .flat_map(|layer| {
                    layer
                        .files
                        .files
                        .values()
                        .map(|(path, _)| (path.clone(), layer.described.clone()))
                })
                .collect(),
        );
        if !resolved || layers.iter().any(|l| l.files.unreadable) {
            return Err(LoadError::new(problems).map(|d| inherited.mark(d)));
        }
        let fonts = fonts::resolve(&layers, &mut problems);
        let brand = brand::resolve(&layers, &mut problems);
        let fingerprints = match layers.last().and_then(|l| l.files.fingerprints.clone()) {
            Some((path, Ok(text))) => Some(ContentFile {
                path,
                text: text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned(),
                layer: layers.len() - 1,
            }),
            Some((_, Err(problem))) => {
                problems.push(problem);
                None
            }
            None => None,
        };
        // The files of each layer, base first; a file may be left out of any layer but one.
        let mut found: BTreeMap<String, Vec<(usize, &Path, &str)>> = BTreeMap::new();
        for (i, layer) in layers.iter().enumerate() {
            for name in file_names() {
                match layer.files.files.get(&name) {
                    None => {}
                    Some((_, Err(problem))) => problems.push(problem.clone()),
                    Some((path, Ok(text))) => {
                        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                        found
                            .entry(name)
                            .or_default()
                            .push((i, path.as_path(), text));
                    }
                }
            }
        }
        let top = layers.len() - 1;
        for name in file_names() {
            if !found.contains_key(&name) && !problems.iter().any(|p| p.path() == base.join(&name))
            {
                problems.push(Diagnostic::file(
                    &base.join(&name),
                    if top == 0 {
                        format!(
                            "this file is missing; every guide has `{GUIDE_FILE}` and one file \
                             for each section ({})",
                            SectionId::ALL.map(SectionId::file_name).join(", ")
                        )
                    } else {
                        "this file is missing, here and in every base edition; an edition \
                         with a base may leave a file out only when a base has it"
                            .to_owned()
                    },
                ));
            }
        }
        let names = layers.iter().map(|l| l.name.clone()).collect();
        let all = found.values().flat_map(|regions| regions.iter().copied());
        let source = layer::Origin::layered(all);
        let input = convert::Layered::new(source, names);
        let origins = file_names()
            .map(|name| FileOrigin {
                layers: found.get(&name).map_or_else(Vec::new, |regions| {
                    regions
                        .iter()
                        .rev()
                        .map(|&(i, _, _)| layers[i].name.clone())
                        .collect()
                }),
                file: name,
            })
            .collect();
        let (guide, figures) =
            convert::build(&input, problems).map_err(|err| err.map(|d| inherited.mark(d)))?;
        let mut files: Vec<(usize, ContentFile)> = found
            .values()
            .flatten()
            .map(|&(layer, path, text)| {
                let file = ContentFile {
                    path: path.to_path_buf(),
                    text: text.to_owned(),
                    layer,
                };
                (layer, file)
            })
            .collect();
        // The bases' files first, each layer's in guide order.
        files.sort_by_key(|(layer, f)| (*layer, file_rank(&f.path)));
        let files: Vec<ContentFile> = files.into_iter().map(|(_, f)| f).collect();
        Ok(Loaded {
            guide,
            places: Places::new(figures, &files),
            files,
            origins,
            fonts,
            brand,
            fingerprints,
            inherited,
        })
    }
}

/// The files of an edition's bases, each with how a message names the base it belongs to.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Inherited(Vec<(PathBuf, String)>);

impl Inherited {
    /// The diagnostic, marked as inherited when it is in a base's file.
    pub(crate) fn mark(&self, d: Diagnostic) -> Diagnostic {
        match self.0.iter().find(|(path, _)| path == d.path()) {
            Some((_, from)) if d.inherited().is_none() => d.inherited_from(from),
            _ => d,
        }
    }
}

/// A guide as it loaded, with what was read to make it: the content files of the edition and
/// of every base it stands on, and where each file's fields come from.
///
/// Checks that look at the content as written, such as where a character occurs, read
/// [`files`](Loaded::files) rather than the folders again: they see exactly what was loaded,
/// the bases' files and the built-in editions' included.
///
/// # Examples
///
/// ```
/// let spanish = mht_guide::BuiltIn::named("es").unwrap();
/// let loaded = spanish.load()?;
/// assert_eq!(loaded.guide.meta.language.as_str(), "es-US");
/// // The Spanish edition stands on the English one: both editions' files were read.
/// assert!(loaded.files.iter().any(|f| f.path.starts_with(mht_guide::EMBEDDED_DIR)));
/// assert!(loaded.files.iter().any(|f| f.path.starts_with(spanish.dir)));
/// # Ok::<(), mht_guide::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Loaded {
    /// The guide.
    pub guide: Guide,
    /// Every content file read, the farthest base's first and the edition's own last, each
    /// edition's in guide order.
    pub files: Vec<ContentFile>,
    /// Where each content file of the edition comes from.
    pub origins: Vec<FileOrigin>,
    /// The font files the edition names for its PDF handout (`fonts` in `guide.toml`), or
    /// its nearest base that names any, read and checked to be font files.
    pub fonts: Vec<EditionFont>,
    /// The edition's brand file, for the command line's handouts: the one its own
    /// `guide.toml` names (`brand`), else a `brand.toml` ([`BRAND_FILE`]) beside it, read but
    /// not parsed (the command line parses it).
    pub brand: Option<ContentFile>,
    /// Where the guide's figures are written in `files`: the source map the review's
    /// warnings are placed by.
    pub(crate) places: Places,
    /// The edition's record of the source text of each text it translates
    /// (`fingerprints.toml`), if it has one.
    pub(crate) fingerprints: Option<ContentFile>,
    /// The bases' files, for [`Loaded::attribute`].
    pub(crate) inherited: Inherited,
}

impl Loaded {
    /// The diagnostic, marked as [inherited](Diagnostic::inherited) when it is in a file of
    /// one of the edition's bases: for a check made outside the loader over
    /// [`files`](Loaded::files).
    pub fn attribute(&self, d: Diagnostic) -> Diagnostic {
        self.inherited.mark(d)
    }
}

/// One content file as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ContentFile {
    /// The path diagnostics name it by: in its folder, or under the built-in edition's folder.
    pub path: PathBuf,
    /// Its text, as read (without a byte-order mark).
    pub text: String,
    /// Which edition of the stack it belongs to: 0 for the base of all bases.
    pub(crate) layer: usize,
}

/// Where one content file of an edition comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileOrigin {
    /// The file's name, such as `faq.toml`.
    pub file: String,
    /// The editions that hold the file, the edition itself first and then its bases in turn:
    /// each gives the fields the ones before it leave out.
    pub layers: Vec<String>,
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

impl BuiltIn {
    /// The edition's guide, loaded and checked on first use and kept.
    ///
    /// # Panics
    ///
    /// Never in a released crate: the embedded content is checked by the crate's tests, and a
    /// crate whose embedded content did not load would not pass them.
    pub fn guide(&self) -> &'static Guide {
        static GUIDES: [OnceLock<Guide>; BUILT_IN.len()] =
            [const { OnceLock::new() }; BUILT_IN.len()];
        let i = BUILT_IN.iter().position(|e| e == self).unwrap_or(0);
        GUIDES[i].get_or_init(|| match self.load() {
            Ok(loaded) => loaded.guide,
            Err(err) => panic!("the embedded `{}` edition is invalid: {err}", self.name),
        })
    }

    /// Loads and checks the edition afresh, keeping the files read: for a caller that handles
    /// a failure itself, or needs the files (an edition's base files included).
    ///
    /// # Errors
    ///
    /// Every problem in the embedded content (the crate's tests make sure there is none).
    pub fn load(&self) -> Result<Loaded, LoadError> {
        let dir = Path::new(self.dir);
        Files::from_named(dir, self.named_files()).load(dir)
    }
}
