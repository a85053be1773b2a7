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

/// Makes something new under the first free name `<prefix><pid>-<n><suffix>` in `parent`,
/// with `make`, which fails with `AlreadyExists` when the name is taken; registers it for
/// removal on a signal.
fn create_unique<T>(
    parent: &Path,
    prefix: &str,
    suffix: &str,
    make: impl Fn(&Path) -> io::Result<T>,
) -> io::Result<(PathBuf, T)> {
    let pid = std::process::id();
    for n in 0u32..10_000 {
        let path = parent.join(format!("{prefix}{pid}-{n}{suffix}"));
        match make(&path) {
            Ok(made) => {
                register(&path);
                return Ok((path, made));
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary name",
    ))
}

/// A temporary file, removed when dropped unless it was placed.
pub(crate) struct TempFile {
    path: PathBuf,
    file: Option<File>,
}

impl TempFile {
    /// Creates a new, empty file in `parent` with permission bits `mode` (on Unix).
    pub(crate) fn new_in(parent: &Path, mode: u32) -> io::Result<TempFile> {
        let (path, file) = create_unique(parent, ".mht-guide-", ".tmp", |path| {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(mode);
            }
            #[cfg(not(unix))]
            let _ = mode;
            options.open(path)
        })?;
        Ok(TempFile {
            path,
            file: Some(file),
        })
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
        let (path, ()) = create_unique(parent, prefix, "", |path| {
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(mode);
            }
            #[cfg(not(unix))]
            let _ = mode;
            builder.create(path)
        })?;
        Ok(TempDir { path })
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
        let placed = tmp.path.clone();
        tmp.place(&dir.path().join("out")).unwrap();
        assert_eq!(fs::read(dir.path().join("out")).unwrap(), b"x");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // Other tests, running beside this one, may have files of their own pending.
        let pending = PENDING.lock().unwrap();
        assert!(!pending.contains(&path) && !pending.contains(&placed));
    }

    #[test]
    fn temporary_paths_stay_relative() {
        let tmp = TempFile::new_in(Path::new("."), 0o644).unwrap();
        assert!(tmp.path.is_relative());
    }
}
