//! Writing output: atomically to a file, or to standard output.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

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

/// Writes `bytes` to the target.
///
/// A file is written to a temporary file in the same folder, flushed to disk, and renamed over
/// the target, so that a reader never sees a partial file and a failure leaves an existing file
/// as it was.
pub(crate) fn write(target: &Target, bytes: &[u8], protected: Option<&Path>) -> Result<()> {
    match target {
        Target::Stdout => {
            let mut out = io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .context("cannot write to standard output")
        }
        Target::File(path) => write_file(path, bytes, protected),
    }
}

fn write_file(path: &Path, bytes: &[u8], protected: Option<&Path>) -> Result<()> {
    let shown = path.display();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        bail!("cannot write {shown}: it is a folder; give a file name, such as {shown}/guide.md");
    }
    if !parent.is_dir() {
        bail!(
            "cannot write {shown}: the folder `{}` does not exist; create it first",
            parent.display()
        );
    }
    if let Some(content) = protected
        && let (Ok(dir), Ok(parent)) = (content.canonicalize(), parent.canonicalize())
        && dir == parent
    {
        bail!(
            "refusing to write {shown}: it is inside the content folder {}; write the export \
             somewhere else",
            content.display()
        );
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mht-guide-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(&parent).with_context(|| {
        format!(
            "cannot write {shown}: cannot create a file in {}",
            parent.display()
        )
    })?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {shown}"))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {shown}"))?;
    Ok(())
}
