//! Reading a content file from disk by the loader's rules: inside its folder, a regular file,
//! under the size cap, without blocking, UTF-8; every refusal a problem that names the file.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// The largest content file a guide may hold, in bytes: 16 MiB, far above any real section
/// (the built-in guide's largest is under 30 KB) and small enough that a file which is really
/// something else is refused before it fills memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads one content file, `name` in the folder `dir`: `None` if it does not exist. Refused,
/// with a problem naming the file: anything that resolves outside the folder (a link out of it,
/// or through a linked subfolder), anything that is not a regular file (a folder, a FIFO, a
/// device such as `/dev/zero`, a socket), and files over [`MAX_FILE_BYTES`]. Links are
/// followed by reading them, relative to the folder, so paths stay as short as they were
/// given; the file is then opened without following links and without blocking, and its type
/// is checked on the open file, so a FIFO cannot hang the loader and nothing can be swapped
/// in between.
pub(super) fn read_content_file(dir: &Path, name: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
    let too_big = format!(
        "this file is larger than {} MiB, the most a content file may hold; split the text or \
         check that this is the right file",
        MAX_FILE_BYTES / (1024 * 1024)
    );
    read_inside(dir, name, MAX_FILE_BYTES, &too_big)
        .map_err(|why| Diagnostic::file(&dir.join(name), why))
}

/// Reads the file `name` (a relative path) in the folder `dir` by the rules of
/// [`read_content_file`], with its own size cap: `None` if it does not exist, or why it is
/// refused.
pub(super) fn read_inside(
    dir: &Path,
    name: &str,
    max: u64,
    too_big_message: &str,
) -> Result<Option<Vec<u8>>, String> {
    use std::io::Read;
    let cannot = |err: &std::io::Error| format!("cannot read this file: {}", io_reason(err));
    let resolved = match resolve_inside(dir, name) {
        Ok(Some(rel)) => dir.join(rel),
        Ok(None) => return Ok(None),
        Err(Outside::Io(err)) => return Err(cannot(&err)),
        Err(Outside::Loop) => {
            return Err(
                "cannot read this file: it is a link that leads round in a circle (or through \
                 more than eight links); point it at the file itself"
                    .into(),
            );
        }
        Err(Outside::Link) => {
            return Err(
                "this file is a link to a file outside the content folder, which is not read; \
                 put the file itself in the folder"
                    .into(),
            );
        }
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(&resolved).map_err(|err| cannot(&err))?;
    let meta = file.metadata().map_err(|err| cannot(&err))?;
    if meta.is_dir() {
        return Err("cannot read this file: it is a folder, not a file".into());
    }
    if !meta.is_file() {
        return Err(format!(
            "this is not a regular file but {}; content files must be ordinary files",
            file_kind(&meta)
        ));
    }
    let too_big = || too_big_message.to_owned();
    if meta.len() > max {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| cannot(&err))?;
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(Some(bytes))
}

/// Why a path does not resolve inside its folder.
enum Outside {
    /// A link leads out of the folder, or through a linked subfolder.
    Link,
    /// Links lead round in a circle, or through more than eight links.
    Loop,
    /// The path could not be looked at.
    Io(std::io::Error),
}

/// Where `name` in `dir` leads, as a path relative to `dir` with no link left in it; `None`
/// if nothing is there. Links are read and resolved by their text: a target with `..` that
/// climbs out of the folder, an absolute target, a linked subfolder on the way, or more than
/// eight links in a row is refused.
fn resolve_inside(dir: &Path, name: &str) -> Result<Option<PathBuf>, Outside> {
    use std::path::Component;
    let mut rel = PathBuf::from(name);
    for _ in 0..=8 {
        // A folder on the way that is a link could lead anywhere.
        let mut prefix = PathBuf::new();
        let parts: Vec<_> = rel.components().collect();
        for part in &parts[..parts.len().saturating_sub(1)] {
            prefix.push(part);
            match std::fs::symlink_metadata(dir.join(&prefix)) {
                Ok(meta) if meta.file_type().is_symlink() => return Err(Outside::Link),
                Ok(_) => {}
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(err) => return Err(Outside::Io(err)),
            }
        }
        let here = dir.join(&rel);
        let meta = match std::fs::symlink_metadata(&here) {
            Ok(meta) => meta,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(Outside::Io(err)),
        };
        if !meta.file_type().is_symlink() {
            return Ok(Some(rel));
        }
        let target = std::fs::read_link(&here).map_err(Outside::Io)?;
        let mut next = rel.parent().map(Path::to_path_buf).unwrap_or_default();
        for part in target.components() {
            match part {
                Component::Normal(p) => next.push(p),
                Component::CurDir => {}
                Component::ParentDir => {
                    // `..` after a link to a folder climbs from wherever that link leads.
                    let through_link = std::fs::symlink_metadata(dir.join(&next))
                        .is_ok_and(|m| m.file_type().is_symlink());
                    if through_link || !next.pop() {
                        return Err(Outside::Link);
                    }
                }
                Component::RootDir | Component::Prefix(_) => return Err(Outside::Link),
            }
        }
        rel = next;
    }
    Err(Outside::Loop)
}

/// What kind of special file a file is, for a message.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

/// Turns file bytes into text, or a problem that points at the first invalid byte.
pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
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

pub(super) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        std::io::ErrorKind::NotADirectory => "it is a file, not a folder".into(),
        _ => err.to_string(),
    }
}
