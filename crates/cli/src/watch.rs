//! Watching an edition's folders, for `export --watch` and `serve`: every save in the edition's
//! folder, or in a base folder it stands on, is seen, and a burst of saves (an editor's
//! autosave, a `git checkout` of many files) is taken as one change.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::args::ExportArgs;
use crate::{App, UsageError, content_dir};

/// How long the folders must be quiet before a change is taken: long enough to gather a burst
/// of saves, short enough to feel immediate.
const QUIET: Duration = Duration::from_millis(150);

/// Changes to an edition's folders, one at a time however many saves make them.
pub(crate) struct Watch {
    // Dropping the watcher stops the watching, so it lives as long as the receiver.
    _watcher: RecommendedWatcher,
    changes: mpsc::Receiver<PathBuf>,
}

impl Watch {
    /// Starts watching the edition in `dir` and every base folder it stands on.
    pub(crate) fn start(dir: &Path) -> Result<Watch> {
        let (tx, changes) = mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                // Reading the files, as every reload does, is not a change.
                if !matches!(
                    event.kind,
                    EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                ) {
                    return;
                }
                for path in event.paths {
                    if path.extension().is_some_and(|x| x == "toml") {
                        let _ = tx.send(path);
                    }
                }
            })
            .context("cannot watch the content for changes")?;
        for folder in mht_guide::edition_folders(dir) {
            watcher
                .watch(&folder, RecursiveMode::NonRecursive)
                .with_context(|| format!("cannot watch {} for changes", folder.display()))?;
        }
        Ok(Watch {
            _watcher: watcher,
            changes,
        })
    }

    /// Waits for the next change, and then until the folders have been quiet a moment, so
    /// that a burst of saves is one change; `None` when watching has stopped.
    pub(crate) fn next(&self) -> Option<Vec<PathBuf>> {
        let mut paths = vec![self.changes.recv().ok()?];
        while let Ok(more) = self.changes.recv_timeout(QUIET) {
            paths.push(more);
        }
        paths.sort();
        paths.dedup();
        Some(paths)
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
    let Some(dir) = content_dir(&args.render.content) else {
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
    let watch = Watch::start(&dir)?;
    let write = || {
        if let Err(err) = write_once() {
            crate::report_error(&err);
        }
    };
    write();
    app.say(&format!(
        "watching {} for changes; press Ctrl-C to stop",
        mht_guide::edition_folders(&dir)
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
