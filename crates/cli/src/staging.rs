//! Temporary files and folders that become outputs: made beside their target under a relative
//! path (so a working folder deeper than `PATH_MAX` still works), removed if the run fails, and
//! removed by a signal handler if the run is interrupted (Ctrl-C, SIGTERM).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Every temporary path this process has made and not yet placed or removed.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn register(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(path.to_owned());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != path);
    }
}

/// Removes every pending temporary file and folder, then exits with 130, as shells expect of
/// a program stopped by a signal. Installed once, at start.
pub(crate) fn clean_up_on_signals() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock() {
            for path in pending.iter() {
                if path.is_dir() {
                    let _ = fs::remove_dir_all(path);
                } else {
                    let _ = fs::remove_file(path);
                }
            }
        }
        std::process::exit(130);
    });
}

/// A name no other file in `parent` has yet: `.mht-guide-<pid>-<n><suffix>`.
fn candidates(parent: &Path, prefix: &str, suffix: &str) -> impl Iterator<Item = PathBuf> {
    let pid = std::process::id();
    let parent = parent.to_owned();
    let prefix = prefix.to_owned();
    let suffix = suffix.to_owned();
    (0u32..10_000).map(move |n| parent.join(format!("{prefix}{pid}-{n}{suffix}")))
}

/// A temporary file, removed when dropped unless it was placed.
pub(crate) struct TempFile {
    path: PathBuf,
    file: Option<File>,
}

impl TempFile {
    /// Creates a new, empty file in `parent` with permission bits `mode` (on Unix).
    pub(crate) fn new_in(parent: &Path, mode: u32) -> io::Result<TempFile> {
        let mut last = io::Error::new(io::ErrorKind::AlreadyExists, "no free temporary name");
        for path in candidates(parent, ".mht-guide-", ".tmp") {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(mode);
            }
            #[cfg(not(unix))]
            let _ = mode;
            match options.open(&path) {
                Ok(file) => {
                    register(&path);
                    return Ok(TempFile {
                        path,
                        file: Some(file),
                    });
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = err,
                Err(err) => return Err(err),
            }
        }
        Err(last)
    }

    /// Writes all of `bytes` and flushes them to disk.
    pub(crate) fn write_synced(&mut self, bytes: &[u8]) -> io::Result<()> {
        use std::io::Write;
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| io::Error::other("the temporary file was already placed"))?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    /// Renames the file to `path`, replacing what is there.
    pub(crate) fn place(mut self, path: &Path) -> io::Result<()> {
        self.file = None;
        fs::rename(&self.path, path)?;
        unregister(&self.path);
        self.path = PathBuf::new();
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            self.file = None;
            let _ = fs::remove_file(&self.path);
            unregister(&self.path);
        }
    }
}

/// A temporary folder, removed with its contents when dropped unless it was placed.
pub(crate) struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates a new, empty folder in `parent` with permission bits `mode` (on Unix).
    pub(crate) fn new_in(parent: &Path, prefix: &str, mode: u32) -> io::Result<TempDir> {
        let mut last = io::Error::new(io::ErrorKind::AlreadyExists, "no free temporary name");
        for path in candidates(parent, prefix, "") {
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(mode);
            }
            #[cfg(not(unix))]
            let _ = mode;
            match builder.create(&path) {
                Ok(()) => {
                    register(&path);
                    return Ok(TempDir { path });
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = err,
                Err(err) => return Err(err),
            }
        }
        Err(last)
    }

    /// The folder's path.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the folder to `path`, which must not exist or be an empty folder.
    pub(crate) fn place(mut self, path: &Path) -> io::Result<()> {
        fs::rename(&self.path, path)?;
        unregister(&self.path);
        self.path = PathBuf::new();
        Ok(())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = fs::remove_dir_all(&self.path);
            unregister(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_is_removed_unless_placed() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = TempFile::new_in(dir.path(), 0o644).unwrap();
        let path = tmp.path.clone();
        assert!(path.exists());
        drop(tmp);
        assert!(!path.exists());
        let mut tmp = TempFile::new_in(dir.path(), 0o644).unwrap();
        tmp.write_synced(b"x").unwrap();
        tmp.place(&dir.path().join("out")).unwrap();
        assert_eq!(fs::read(dir.path().join("out")).unwrap(), b"x");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(PENDING.lock().unwrap().is_empty());
    }

    #[test]
    fn temporary_paths_stay_relative() {
        let tmp = TempFile::new_in(Path::new("."), 0o644).unwrap();
        assert!(tmp.path.is_relative());
    }
}
