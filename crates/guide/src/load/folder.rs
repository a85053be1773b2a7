//! An edition in a folder on disk.

use std::path::{Path, PathBuf};

use super::*;

/// An edition in a folder on disk, to load, review or watch.
///
/// Its `base` may name a built-in edition or another edition's folder, relative to its own;
/// a base folder must be inside a root folder, by default the folder that holds the edition
/// (so that editions side by side may stand on each other). An edition from an upload, or
/// another source not trusted, thus cannot read folders elsewhere on the disk, and the
/// messages about a base outside the root do not tell whether it exists.
///
/// # Examples
///
/// ```no_run
/// use mht_guide::EditionFolder;
///
/// // Uploads live in uploads/<id>/; one upload may stand on another, but nothing else.
/// let edition = EditionFolder::new("uploads/1234").bases_within("uploads");
/// let loaded = edition.load()?;
/// println!("{} files read", loaded.files.len());
/// # Ok::<(), mht_guide::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionFolder {
    dir: PathBuf,
    root: Option<PathBuf>,
}

impl EditionFolder {
    /// The edition in `dir`, whose base folders must be inside the folder that holds it.
    pub fn new(dir: impl Into<PathBuf>) -> EditionFolder {
        EditionFolder {
            dir: dir.into(),
            root: None,
        }
    }

    /// Lets the edition's bases, and theirs in turn, be folders anywhere inside `root`, and
    /// nowhere else.
    #[must_use]
    pub fn bases_within(mut self, root: impl Into<PathBuf>) -> EditionFolder {
        self.root = Some(root.into());
        self
    }

    /// The edition's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder base folders must be inside.
    pub fn root(&self) -> PathBuf {
        if let Some(root) = &self.root {
            return root.clone();
        }
        let real = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        match real.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => real,
        }
    }

    pub(crate) fn files(&self) -> Files {
        Files::from_dir(&self.dir, &self.root())
    }

    /// Loads and checks the edition, keeping what was read, as [`Guide::from_dir`] does.
    ///
    /// # Errors
    ///
    /// Every problem found, each naming its file, line and column.
    pub fn load(&self) -> Result<Loaded, LoadError> {
        self.files().load(&self.dir)
    }

    /// The edition's folder and the folders of the bases it stands on, nearest first, found
    /// as a load finds them (the same rules for reading files, the same root), as far as they
    /// can be found; the built-in editions are not folders. These are the folders whose
    /// files make the edition: the ones to watch for changes, or to keep outputs out of.
    pub fn folders(&self) -> Vec<PathBuf> {
        let (layers, _, _) = resolve(self.files(), &self.dir);
        layers
            .into_iter()
            .rev()
            .filter_map(|layer| layer.files.dir)
            .collect()
    }
}
