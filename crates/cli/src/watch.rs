//! Watching an edition's folders, for `export --watch` and `serve`: every save in the edition's
//! folder, or in a base folder it stands on, is seen, and a burst of saves (an editor's
//! autosave, a `git checkout` of many files) is taken as one change.
//!
//! The folders are found as the loader finds them, by its rules for reading files, and found
//! again after every change: a folder removed and restored, replaced by another, or a base
//! newly named is watched from then on. Each folder's parent is watched too, so the folder's
//! own removal, return or renaming is a change.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use anyhow::{Context, Result};
use mht_guide::EditionFolder;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::args::ExportArgs;
use crate::{App, UsageError, edition_folder};

/// How long the folders must be quiet before a change is taken: long enough to gather a burst
/// of saves, short enough to feel immediate.
const QUIET: Duration = Duration::from_millis(150);

/// Changes to an edition's folders, one at a time however many saves make them.
pub(crate) struct Watch {
    // Dropping the watcher stops the watching, so it lives as long as the receiver.
    watcher: RecommendedWatcher,
    changes: mpsc::Receiver<PathBuf>,
    edition: EditionFolder,
    /// The edition's folders as last found, as absolute paths; the watcher's callback reads
    /// them to tell a folder's own events from its neighbours'.
    folders: Arc<Mutex<Vec<PathBuf>>>,
    /// What the watcher watches now.
    watched: Vec<PathBuf>,
}

impl Watch {
    /// Starts watching the edition and every base folder it stands on.
    pub(crate) fn start(edition: &EditionFolder) -> Result<Watch> {
        let (tx, changes) = mpsc::channel();
        let folders = Arc::new(Mutex::new(Vec::<PathBuf>::new()));
        let known = Arc::clone(&folders);
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            // Reading the files, as every reload does, is not a change.
            if !matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            ) {
                return;
            }
            let known = known.lock().map(|k| k.clone()).unwrap_or_default();
            for path in event.paths {
                let content = path.extension().is_some_and(|x| x == "toml")
                    && path.parent().is_some_and(|p| known.iter().any(|k| k == p));
                if content || known.contains(&path) {
                    let _ = tx.send(path);
                }
            }
        })
        .context("cannot watch the content for changes")?;
        let mut watch = Watch {
            watcher,
            changes,
            edition: edition.clone(),
            folders,
            watched: Vec::new(),
        };
        watch.rewatch();
        if watch.watched.is_empty() {
            anyhow::bail!(
                "cannot watch {} for changes: neither it nor the folder that holds it can be \
                 read",
                edition.dir().display()
            );
        }
        Ok(watch)
    }

    /// The edition's folders being watched, as messages name them.
    pub(crate) fn folders(&self) -> Vec<PathBuf> {
        self.edition.folders()
    }

    /// Finds the edition's folders again and watches each, and each one's parent, afresh:
    /// a watch on a folder that was removed does not see the folder that takes its place.
    fn rewatch(&mut self) {
        for path in self.watched.drain(..) {
            let _ = self.watcher.unwatch(&path);
        }
        let folders: Vec<PathBuf> = self.edition.folders().iter().map(|f| absolute(f)).collect();
        let mut wanted: Vec<PathBuf> = Vec::new();
        for folder in &folders {
            wanted.push(folder.clone());
            if let Some(parent) = folder.parent() {
                wanted.push(parent.to_path_buf());
            }
        }
        wanted.sort();
        wanted.dedup();
        for path in wanted {
            if self
                .watcher
                .watch(&path, RecursiveMode::NonRecursive)
                .is_ok()
            {
                self.watched.push(path);
            }
        }
        if let Ok(mut known) = self.folders.lock() {
            *known = folders;
        }
    }

    /// Waits for the next change, and then until the folders have been quiet a moment, so
    /// that a burst of saves is one change; `None` when watching has stopped.
    pub(crate) fn next(&mut self) -> Option<Vec<PathBuf>> {
        let mut paths = vec![self.changes.recv().ok()?];
        while let Ok(more) = self.changes.recv_timeout(QUIET) {
            paths.push(more);
        }
        self.rewatch();
        // What rewatching itself stirred up is part of this change.
        while let Ok(more) = self.changes.try_recv() {
            paths.push(more);
        }
        paths.sort();
        paths.dedup();
        Some(paths)
    }
}

/// A folder's path as the watcher reports it: absolute, with links resolved, even when the
/// folder itself is gone for now (then through its parent).
fn absolute(folder: &Path) -> PathBuf {
    if let Ok(real) = folder.canonicalize() {
        return real;
    }
    let parent = match folder.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), folder.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => std::env::current_dir().map_or_else(|_| folder.to_path_buf(), |cwd| cwd.join(folder)),
    }
}

/// `export --watch`: writes the files with `write_once`, then again after every change, until
/// stopped. A change that breaks the content is reported and the last good files stay as they
/// were.
pub(crate) fn export(
    app: &App,
    args: &ExportArgs,
    write_once: impl Fn() -> Result<()>,
) -> Result<ExitCode> {
    let Some(edition) = edition_folder(&args.render.content)? else {
        return Err(UsageError(
            "--watch watches an edition's folder; give it with --content (the built-in \
             editions do not change)"
                .into(),
        )
        .into());
    };
    if args.output.as_deref() == Some(Path::new("-")) {
        return Err(UsageError(
            "--watch writes files again and again; give a file or folder with -o, not -".into(),
        )
        .into());
    }
    let mut watch = Watch::start(&edition)?;
    let write = || {
        if let Err(err) = write_once() {
            crate::report_error(&err);
        }
    };
    write();
    app.say(&format!(
        "watching {} for changes; press Ctrl-C to stop",
        watch
            .folders()
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    while let Some(paths) = watch.next() {
        app.detail(&format!(
            "changed: {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        write();
    }
    Ok(ExitCode::SUCCESS)
}
