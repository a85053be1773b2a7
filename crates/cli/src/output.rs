//! Writing output: atomically to files, or through to standard output, a device or a pipe.
//!
//! A regular file is first written in full to a temporary file beside it and flushed to disk;
//! only when all of a run's files are written are they renamed into place. A reader never sees
//! a partial file, a failure leaves existing files as they were, and an interrupted run leaves
//! no temporary file behind (see [`crate::staging`]).
//!
//! What is at the path decides how it is written, and nothing but a regular file is ever
//! renamed over:
//! - nothing, or a regular file: replaced atomically;
//! - a symbolic link: its target, by the same rules, so the link stays a link;
//! - a character device or a named pipe (`/dev/stdout`, a FIFO a program reads): written
//!   through, as standard output is, and a full device is an error;
//! - a folder, a block device, a socket, or a link to nothing: refused by name.
//!
//! Files placed together in one folder are placed under a lock on the folder, so two runs
//! writing the same set (`export --all`) leave one run's set, never a mix.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::staging::TempFile;

/// Where an export goes.
#[derive(Debug)]
pub(crate) enum Target {
    /// Standard output.
    Stdout,
    /// A path, written as the module's rules say.
    File(PathBuf),
}

impl Target {
    pub(crate) fn describe(&self) -> String {
        match self {
            Target::Stdout => "standard output".into(),
            Target::File(path) => path.display().to_string(),
        }
    }
}

/// A file ready to be put in place.
pub(crate) enum Staged<'a> {
    /// Written to a temporary name, to be renamed over `path`.
    Replace { tmp: TempFile, path: PathBuf },
    /// A device or a pipe, written when placed.
    Through { path: PathBuf, bytes: &'a [u8] },
}

/// What an output path is, with any link at it followed.
enum Kind {
    /// Nothing there yet, or a regular file: the path a temporary file is renamed to.
    File(PathBuf),
    /// A character device or a named pipe.
    Stream,
}

/// What is at `path`, and where a regular file would really be written; an error naming
/// the path for anything that must not be written over.
fn kind(path: &Path, folder_hint: &str) -> Result<Kind> {
    let shown = path.display();
    let meta = match fs::symlink_metadata(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok(Kind::File(path.to_owned()));
        }
        Err(err) => return Err(err).with_context(|| format!("cannot write {shown}")),
        Ok(meta) => meta,
    };
    let (meta, real) = if meta.file_type().is_symlink() {
        match fs::metadata(path) {
            Ok(target) => {
                let real =
                    fs::canonicalize(path).with_context(|| format!("cannot write {shown}"))?;
                (target, real)
            }
            Err(_) => bail!(
                "refusing to write {shown}: it is a link to {}, which does not exist; remove \
                 the link or give another path",
                fs::read_link(path).map_or_else(|_| "nothing".into(), |t| t.display().to_string())
            ),
        }
    } else {
        (meta, path.to_owned())
    };
    let file_type = meta.file_type();
    if file_type.is_file() {
        if real != path {
            // A link is followed only to a file its user may write.
            OpenOptions::new()
                .write(true)
                .open(&real)
                .with_context(|| format!("cannot write {shown} (a link to {})", real.display()))?;
        }
        return Ok(Kind::File(real));
    }
    if file_type.is_dir() {
        bail!("cannot write {shown}: it is a folder; {folder_hint}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_char_device() || file_type.is_fifo() {
            return Ok(Kind::Stream);
        }
        let what = if file_type.is_block_device() {
            "a block device"
        } else if file_type.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        };
        bail!("refusing to write {shown}: it is {what}; give the path of a file")
    }
    #[cfg(not(unix))]
    bail!("refusing to write {shown}: it is not a regular file; give the path of a file")
}

/// Makes `bytes` ready to be written to `path`, after checking that `path` may be written
/// (see the module's rules), that its folder exists, and that it is not in one of the
/// `protected` folders, those of the content it was made from (links resolved).
/// `folder_hint` says what to do when `path` is a folder.
pub(crate) fn stage<'a>(
    path: &Path,
    bytes: &'a [u8],
    protected: &[PathBuf],
    folder_hint: &str,
) -> Result<Staged<'a>> {
    let shown = path.display();
    let real = match kind(path, folder_hint)? {
        Kind::Stream => {
            return Ok(Staged::Through {
                path: path.to_owned(),
                bytes,
            });
        }
        Kind::File(real) => real,
    };
    let parent = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        bail!(
            "cannot write {shown}: the folder `{}` does not exist; create it first",
            parent.display()
        );
    }
    if let Ok(lands_in) = parent.canonicalize()
        && let Some(content) = protected
            .iter()
            .find(|dir| dir.canonicalize().is_ok_and(|dir| dir == lands_in))
    {
        bail!(
            "refusing to write {shown}: it is inside the content folder {}, which the guide \
             is made from; write the export somewhere else",
            content.display()
        );
    }
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(&real).map_or(0o644, |m| m.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let mode = 0o644;
    let mut tmp = TempFile::new_in(&parent, mode).with_context(|| {
        format!(
            "cannot write {shown}: cannot create a file in {}",
            parent.display()
        )
    })?;
    tmp.write_synced(bytes)
        .with_context(|| format!("cannot write {shown}"))?;
    Ok(Staged::Replace { tmp, path: real })
}

/// Puts staged files in place, in order: the files first, each folder's under a lock on the
/// folder, then the devices and pipes. If a file cannot be placed, the files this call
/// already placed are removed again and the rest are discarded, so a run writes all of its
/// files or none of them. A device or a pipe cannot be taken back, so it is written last,
/// when every file is in place.
pub(crate) fn place_all(staged: Vec<Staged<'_>>) -> Result<()> {
    let mut files = Vec::new();
    let mut streams = Vec::new();
    for one in staged {
        match one {
            Staged::Replace { tmp, path } => files.push((tmp, path)),
            Staged::Through { path, bytes } => streams.push((path, bytes)),
        }
    }
    let mut folders: Vec<PathBuf> = files
        .iter()
        .filter_map(|(_, path)| path.parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    // Held until every file is placed; in path order, so two runs cannot wait on each other.
    let _locks: Vec<Option<File>> = folders.iter().map(|f| lock_folder(f)).collect();
    let mut placed: Vec<PathBuf> = Vec::new();
    for (tmp, path) in files {
        if let Err(err) = tmp.place(&path) {
            for done in &placed {
                let _ = fs::remove_file(done);
            }
            return Err(err).with_context(|| format!("cannot write {}", path.display()));
        }
        placed.push(path);
    }
    for (path, bytes) in streams {
        write_through(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// An exclusive lock on a folder, held until the file returned is dropped; `None` where
/// folders cannot be locked, which only loses the guarantee between concurrent runs.
fn lock_folder(folder: &Path) -> Option<File> {
    #[cfg(unix)]
    {
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        let handle = File::open(folder).ok()?;
        handle.lock().ok()?;
        Some(handle)
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        None
    }
}

/// Writes `bytes` to a device or a pipe that exists, as a shell's `>` would, but without
/// creating or truncating anything.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = OpenOptions::new().write(true).open(path)?;
    out.write_all(bytes)?;
    out.flush()
}

/// Writes `bytes` to standard output.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}
