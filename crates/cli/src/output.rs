//! Writing output: atomically to files, or to standard output.
//!
//! Every file is first written in full to a temporary file beside it and flushed to disk; only
//! when all of a run's files are written are they renamed into place. A reader never sees a
//! partial file, a failure leaves existing files as they were, and an interrupted run leaves no
//! temporary file behind (see [`crate::staging`]).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::staging::TempFile;

/// Where an export goes.
#[derive(Debug)]
pub(crate) enum Target {
    /// Standard output.
    Stdout,
    /// A file, replaced atomically.
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

/// A file written to a temporary name, waiting to be put in place.
pub(crate) struct Staged {
    tmp: TempFile,
    path: PathBuf,
}

/// Writes `bytes` to a temporary file beside `path`, after checking that `path` may be
/// written: not a folder, in a folder that exists, and not in the content folder `protected`
/// (links resolved). `folder_hint` says what to do when `path` is a folder.
pub(crate) fn stage(
    path: &Path,
    bytes: &[u8],
    protected: Option<&Path>,
    folder_hint: &str,
) -> Result<Staged> {
    let shown = path.display();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        bail!("cannot write {shown}: it is a folder; {folder_hint}");
    }
    if !parent.is_dir() {
        bail!(
            "cannot write {shown}: the folder `{}` does not exist; create it first",
            parent.display()
        );
    }
    if let Some(content) = protected
        && let Ok(dir) = content.canonicalize()
    {
        // Where the file would really land: through a link at the path, and through links in
        // the folders above it.
        let lands_in = |p: &Path| {
            p.canonicalize()
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
        };
        let in_content = parent.canonicalize().is_ok_and(|p| p == dir)
            || lands_in(path).is_some_and(|p| p == dir);
        if in_content {
            bail!(
                "refusing to write {shown}: it is inside the content folder {}; write the \
                 export somewhere else",
                content.display()
            );
        }
    }
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777)
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
    Ok(Staged {
        tmp,
        path: path.to_owned(),
    })
}

/// Puts staged files in place, in order. If one cannot be placed, the files this call already
/// placed are removed again and the rest are discarded, so a run writes all of its files or
/// none of them.
pub(crate) fn place_all(staged: Vec<Staged>) -> Result<()> {
    let mut placed: Vec<PathBuf> = Vec::new();
    for Staged { tmp, path } in staged {
        if let Err(err) = tmp.place(&path) {
            for done in &placed {
                let _ = fs::remove_file(done);
            }
            return Err(err).with_context(|| format!("cannot write {}", path.display()));
        }
        placed.push(path);
    }
    Ok(())
}

/// Writes `bytes` to standard output.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}
