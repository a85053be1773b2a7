//! `mht-guide`: export the mental health technician career guide.
//!
//! Exit codes: 0 success, 1 a content or export error (or a warning with `--deny-warnings`),
//! 2 a usage error.

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod args;
mod brand;
mod check;
mod edition;
mod export;
mod output;
mod report;
#[cfg(feature = "serve")]
mod serve;
mod staging;
mod translate;
mod unprintable;
mod watch;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{CommandFactory, FromArgMatches};
use mht_guide::{BuiltIn, EditionFolder, LoadError, Loaded, RefDate, Severity};

use crate::args::{Cli, ColorArg, Command, ContentArgs};
use crate::report::Verbosity;

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        // Help and version go to stdout with code 0; usage errors to stderr with code 2.
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    anstream::ColorChoice::write_global(match cli.global.color {
        ColorArg::Auto => anstream::ColorChoice::Auto,
        ColorArg::Always => anstream::ColorChoice::Always,
        ColorArg::Never => anstream::ColorChoice::Never,
    });
    let verbosity = if cli.global.quiet {
        Verbosity::Quiet
    } else if cli.global.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    staging::clean_up_on_signals();
    let app = App { verbosity };
    match app.run(cli.command) {
        Ok(code) => code,
        Err(err) => report_error(&err),
    }
}

/// Tells of a command's error on standard error, and gives the exit code it calls for.
pub(crate) fn report_error(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = report::stderr().lock();
    if let Some(usage) = err.downcast_ref::<UsageError>() {
        let _ = report::headline(&mut stderr, Severity::Error, &usage.0);
        let _ = writeln!(stderr, "\nFor more information, try '--help'.");
        return ExitCode::from(2);
    }
    if let Some(load) = err.downcast_ref::<LoadError>() {
        let _ = report_load_error(&mut stderr, load);
    } else if let Some(located) = err.downcast_ref::<LocatedError>() {
        for d in &located.places {
            let _ = report::diagnostic(&mut stderr, d);
        }
        let _ = report::headline(&mut stderr, Severity::Error, &located.message);
    } else {
        let _ = report::headline(&mut stderr, Severity::Error, &format!("{err:#}"));
    }
    ExitCode::from(1)
}

/// Parses the command line, with a version line that names the built-in content's edition.
fn parse() -> Result<Cli, clap::Error> {
    // Only the built-in guide.toml is read for this line: loading the whole guide here would
    // cost every command a few milliseconds.
    let meta = mht_guide::EMBEDDED_FILES[0].1.parse::<toml::Table>().ok();
    let field = |key: &str| {
        meta.as_ref()
            .and_then(|m| m.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let edition = field("edition").and_then(|e| RefDate::parse(&e).ok());
    let version = match (field("title"), edition) {
        (Some(title), Some(edition)) => format!(
            "{} (content: {title}, edition of {})",
            env!("CARGO_PKG_VERSION"),
            edition.english(),
        ),
        _ => env!("CARGO_PKG_VERSION").to_owned(),
    };
    let matches = Cli::command().version(version).try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

/// What every command shares: how much to say.
pub(crate) struct App {
    pub(crate) verbosity: Verbosity,
}

impl App {
    fn run(&self, command: Command) -> Result<ExitCode> {
        match command {
            Command::Export(args) => export::run(self, &args),
            #[cfg(feature = "serve")]
            Command::Serve(args) => serve::run(self, &args),
            Command::Sections(args) => check::sections(self, &args),
            Command::Check(args) => check::run(self, &args),
            Command::NewEdition(args) => {
                let base = args.edition.as_deref().unwrap_or("en");
                let written = edition::create(&args.dir, base, args.minimal, args.brand)?;
                let shown = args.dir.display();
                self.say(&if args.minimal {
                    format!(
                        "created {shown}: a guide.toml on the built-in `{base}` edition, and \
                         the schemas; add what you change, then use --content {shown}"
                    )
                } else {
                    format!("created {shown} with {written} files; edit them, then use --content {shown}")
                });
                Ok(ExitCode::SUCCESS)
            }
            Command::Schema(args) => {
                print(&edition::schema(&args.file, args.partial))?;
                Ok(ExitCode::SUCCESS)
            }
            Command::Completions(args) => {
                let mut out = Vec::new();
                clap_complete::generate(args.shell, &mut Cli::command(), "mht-guide", &mut out);
                print_bytes(&out)?;
                Ok(ExitCode::SUCCESS)
            }
            Command::Man(args) => self.man(&args),
            Command::Translate(args) => translate::run(self, &args),
        }
    }

    /// `man`: one page to standard output, or every page into a folder.
    fn man(&self, args: &args::ManArgs) -> Result<ExitCode> {
        let mut root = Cli::command().disable_help_subcommand(true);
        root.build();
        let render = |cmd: &clap::Command| -> Result<(String, Vec<u8>)> {
            let man = clap_mangen::Man::new(cmd.clone());
            let mut page = Vec::new();
            man.render(&mut page)
                .context("cannot render the manual page")?;
            Ok((man.get_filename(), page))
        };
        match (&args.command, &args.dir) {
            (None, None) => print_bytes(&render(&root)?.1)?,
            (Some(name), _) => {
                let Some(cmd) = root.find_subcommand(name) else {
                    let names: Vec<&str> = root.get_subcommands().map(|c| c.get_name()).collect();
                    return Err(UsageError(format!(
                        "no command is called `{name}`; the commands are {}",
                        names.join(", ")
                    ))
                    .into());
                };
                print_bytes(&render(cmd)?.1)?;
            }
            (None, Some(dir)) => {
                // Every page is rendered before any is written.
                let mut pages = vec![render(&root)?];
                for cmd in root.get_subcommands() {
                    pages.push(render(cmd)?);
                }
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create the folder {}", dir.display()))?;
                let mut staged = Vec::new();
                for (name, page) in &pages {
                    let path = dir.join(name);
                    staged.push(output::stage(&path, page, &[], "move or rename it")?);
                }
                output::place_all(staged)?;
                for (name, _) in &pages {
                    self.say(&format!("wrote {}", dir.join(name).display()));
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    /// A line of progress on standard error, unless --quiet.
    pub(crate) fn say(&self, line: &str) {
        if self.verbosity >= Verbosity::Normal {
            let _ = writeln!(report::stderr(), "{line}");
        }
    }

    /// Whether --verbose was given (for the preview, which reports from its own threads).
    #[cfg(feature = "serve")]
    pub(crate) fn verbose(&self) -> bool {
        self.verbosity >= Verbosity::Verbose
    }

    /// A line of detail on standard error, with --verbose only.
    pub(crate) fn detail(&self, line: &str) {
        if self.verbosity >= Verbosity::Verbose {
            let _ = writeln!(report::stderr(), "{line}");
        }
    }

    /// Loads the content the arguments choose, with the files read to make it.
    pub(crate) fn load(&self, args: &ContentArgs) -> Result<Loaded> {
        let start = Instant::now();
        let folder = edition_folder(args)?;
        let loaded = match &folder {
            Some(folder) => folder.load()?,
            None => built_in(args, BuiltIn::load)?,
        };
        self.detail(&format!(
            "loaded {} in {:.1} ms",
            place(folder.as_ref().map(EditionFolder::dir)),
            start.elapsed().as_secs_f64() * 1000.0
        ));
        Ok(loaded)
    }

    pub(crate) fn warn(&self, message: &str) {
        if self.verbosity >= Verbosity::Normal {
            let _ = report::headline(&mut report::stderr(), Severity::Warning, message);
        }
    }
}

/// Today's date in UTC.
pub(crate) fn today() -> RefDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    RefDate::from_unix_seconds(seconds)
}

/// How the content's origin is named in messages.
/// The built-in edition the arguments name (English by default), loaded by `load`.
pub(crate) fn built_in<T>(
    args: &ContentArgs,
    load: impl FnOnce(&'static BuiltIn) -> Result<T, mht_guide::LoadError>,
) -> Result<T> {
    let name = args.edition.as_deref().unwrap_or("en");
    let edition = BuiltIn::named(name).map_err(|err| UsageError(err.to_string()))?;
    Ok(load(edition)?)
}

/// How messages name the content the arguments choose.
pub(crate) fn place_of(dir: Option<&Path>, args: &ContentArgs) -> String {
    match (dir, args.edition.as_deref()) {
        (None, Some(name)) => {
            BuiltIn::named(name).map_or_else(|_| place(None), |e| format!("{} (embedded)", e.dir))
        }
        _ => place(dir),
    }
}

fn place(dir: Option<&Path>) -> String {
    dir.map_or_else(
        || format!("{} (embedded)", mht_guide::EMBEDDED_DIR),
        |d| d.display().to_string(),
    )
}

/// The edition folder to read, if not a built-in edition, with the root its base folders
/// must be inside (`--base-root`, or by default the folder that holds the edition).
///
/// Accepts the folder that holds `guide.toml` or its parent, when the parent holds exactly one
/// guide folder (as this repository's `content/` does); a parent of several is a usage error
/// that names them.
pub(crate) fn edition_folder(args: &ContentArgs) -> Result<Option<EditionFolder>> {
    let Some(dir) = args.content.as_ref() else {
        return Ok(None);
    };
    let folder = |dir: &Path| {
        let folder = EditionFolder::new(dir);
        match &args.base_root {
            Some(root) => folder.bases_within(root),
            None => folder,
        }
    };
    if dir.join(mht_guide::GUIDE_FILE).exists() {
        return Ok(Some(folder(dir)));
    }
    let mut guides: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join(mht_guide::GUIDE_FILE).is_file())
        .collect();
    guides.sort();
    match guides.as_slice() {
        [one] => Ok(Some(folder(one))),
        [] => Ok(Some(folder(dir))),
        several => Err(UsageError(format!(
            "{} holds no {} of its own but {} editions ({}); give one of them with --content",
            dir.display(),
            mht_guide::GUIDE_FILE,
            several.len(),
            several
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .into()),
    }
}

/// A usage error found after parsing: exit code 2, like clap's own.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UsageError(pub(crate) String);

/// An export error caused by characters in the content, with the places that hold them.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub(crate) struct LocatedError {
    pub(crate) message: String,
    pub(crate) places: Vec<mht_guide::Diagnostic>,
}

pub(crate) fn print(text: &str) -> Result<()> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}

/// Prints every diagnostic the way compilers do, then how many there were.
pub(crate) fn report_load_error(out: &mut impl Write, err: &LoadError) -> io::Result<()> {
    for d in err.diagnostics() {
        report::diagnostic(out, d)?;
    }
    let n = err.diagnostics().len();
    report::headline(
        out,
        Severity::Error,
        &format!(
            "the content has {n} problem{}; nothing was written",
            if n == 1 { "" } else { "s" }
        ),
    )
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
