//! `mht-guide`: export the mental health technician career guide.
//!
//! Exit codes: 0 success, 1 a content or export error (or a warning with `--deny-warnings`),
//! 2 a usage error.

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod args;
mod edition;
mod output;
mod report;
mod staging;
mod unprintable;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{CommandFactory, FromArgMatches};
use mht_guide::{Guide, LoadError, RefDate, Review, SectionId, Severity};
use mht_guide_export::{Format, Options};

use crate::args::{CheckArgs, Cli, ColorArg, Command, ContentArgs, ExportArgs, PresetArg};
use crate::output::Target;
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
        Err(err) => {
            if is_broken_pipe(&err) {
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
    }
}

/// Parses the command line, with a version line that names the built-in content's edition.
fn parse() -> Result<Cli, clap::Error> {
    let version = match Guide::embedded() {
        Ok(guide) => format!(
            "{} (content: {}, edition of {})",
            env!("CARGO_PKG_VERSION"),
            guide.meta.title,
            guide.meta.edition
        ),
        Err(_) => env!("CARGO_PKG_VERSION").to_owned(),
    };
    let matches = Cli::command().version(version).try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

/// What every command shares: how much to say.
struct App {
    verbosity: Verbosity,
}

impl App {
    fn run(&self, command: Command) -> Result<ExitCode> {
        match command {
            Command::Export(args) => self.export(args),
            Command::Sections(args) => self.sections(&args),
            Command::Check(args) => self.check(&args),
            Command::NewEdition(args) => {
                let base = args.edition.as_deref().unwrap_or("en");
                let written = edition::create(&args.dir, base, args.minimal)?;
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
                    staged.push(output::stage(&path, page, None, "move or rename it")?);
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
    fn say(&self, line: &str) {
        if self.verbosity >= Verbosity::Normal {
            let _ = writeln!(report::stderr(), "{line}");
        }
    }

    /// A line of detail on standard error, with --verbose only.
    fn detail(&self, line: &str) {
        if self.verbosity >= Verbosity::Verbose {
            let _ = writeln!(report::stderr(), "{line}");
        }
    }

    fn load(&self, args: &ContentArgs) -> Result<(Guide, Option<PathBuf>)> {
        let start = Instant::now();
        let loaded = match content_dir(args) {
            Some(dir) => (Guide::from_dir(&dir)?, Some(dir)),
            None => (built_in(args, Guide::built_in)?, None),
        };
        self.detail(&format!(
            "loaded {} in {:.1} ms",
            place(loaded.1.as_deref()),
            start.elapsed().as_secs_f64() * 1000.0
        ));
        Ok(loaded)
    }

    fn export(&self, args: ExportArgs) -> Result<ExitCode> {
        let mut formats = formats(&args)?;
        formats.dedup();
        let several = formats.len() > 1;
        if several && args.output.as_deref() == Some(Path::new("-")) {
            return Err(UsageError(
                "several formats cannot all go to standard output; give a folder with -o".into(),
            )
            .into());
        }
        if args.preset == PresetArg::Faq && args.sections.is_some() {
            return Err(UsageError(
                "--preset faq prints the FAQ alone, so it takes no --sections; use --sections \
                 faq,... to add other sections"
                    .into(),
            )
            .into());
        }
        if let ([format], Some(path)) = (formats.as_slice(), &args.output)
            && let Some(named) = Format::from_extension(&path.to_string_lossy())
            && named != *format
        {
            self.warn(&format!(
                "writing the {format} export to {}, though its extension says {named}",
                path.display()
            ));
        }
        let (guide, content) = self.load(&args.content)?;
        let mut options = Options::new();
        if let Some(selection) = args.sections {
            options.set_sections(selection);
        }
        options
            .set_preset(args.preset.into())
            .set_paper(args.paper.into());
        if let Some(org) = &args.org {
            options.set_organization(branding("--org", org)?);
        }
        if let Some(contact) = &args.contact {
            options.set_contact(branding("--contact", contact)?);
        }
        if let Some(accent) = args.accent {
            let used = accent.for_light_page();
            if used != accent {
                let white = mht_guide_export::Rgb::WHITE;
                self.warn(&format!(
                    "--accent {accent} has {:.1}:1 contrast on white, less than the 4.5:1 that \
                     text needs; the handouts use {used} ({:.1}:1), the same color darkened",
                    accent.contrast(white),
                    used.contrast(white)
                ));
            }
            options.set_accent(accent);
        }
        if let Some(url) = &args.qr {
            options.set_qr(url.clone());
        }
        if let Some(path) = &args.logo {
            if args.org.is_none() {
                return Err(UsageError(
                    "--logo needs --org: the organization's name is the logo's alternative text"
                        .into(),
                )
                .into());
            }
            options.set_logo(read_logo(path)?);
        }
        if let Some(seconds) = source_date_epoch()? {
            options.set_timestamp(seconds);
        }
        let file_name = |format: Format| format!("{}.{}", guide.meta.slug, format.extension());
        // Every format is exported before anything is written, so one failure writes nothing.
        let mut outputs = Vec::new();
        for &format in &formats {
            let start = Instant::now();
            let bytes = mht_guide_export::export(&guide, format, &options)
                .map_err(|err| export_error(err, format, content.as_deref()))?;
            self.detail(&format!(
                "exported {format} in {:.1} ms",
                start.elapsed().as_secs_f64() * 1000.0
            ));
            let target = match (&args.output, several) {
                (Some(path), false) if path.as_os_str() == "-" => Target::Stdout,
                (Some(path), false) => Target::File(path.clone()),
                (Some(dir), true) => Target::File(dir.join(file_name(format))),
                (None, _) => Target::File(PathBuf::from(file_name(format))),
            };
            outputs.push((target, bytes));
        }
        if let (Some(dir), true) = (&args.output, several) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        }
        // Every file is written to a temporary name first; only when all are written are they
        // put in place, so a failure leaves no new file and no old file changed.
        let mut staged = Vec::new();
        let mut to_stdout = None;
        for (target, bytes) in &outputs {
            match target {
                Target::Stdout => to_stdout = Some(bytes),
                Target::File(path) => {
                    let hint = if several {
                        "move or rename it, or give another folder with -o".to_owned()
                    } else {
                        let name = format!("{}.{}", guide.meta.slug, formats[0].extension());
                        format!("give a file name, such as {}", path.join(name).display())
                    };
                    staged.push(output::stage(path, bytes, content.as_deref(), &hint)?);
                }
            }
        }
        output::place_all(staged)?;
        if let Some(bytes) = to_stdout {
            output::write_stdout(bytes)?;
        }
        for (target, bytes) in &outputs {
            if let Target::File(_) = target {
                self.say(&format!(
                    "wrote {} ({} bytes)",
                    target.describe(),
                    bytes.len()
                ));
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    fn warn(&self, message: &str) {
        if self.verbosity >= Verbosity::Normal {
            let _ = report::headline(&mut report::stderr(), Severity::Warning, message);
        }
    }

    fn sections(&self, args: &ContentArgs) -> Result<ExitCode> {
        let (guide, _) = self.load(args)?;
        let width = SectionId::ALL
            .iter()
            .map(|id| id.id().len())
            .max()
            .unwrap_or(0);
        let title_width = SectionId::ALL
            .iter()
            .map(|&id| guide.labels.section(id).chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for section in guide.sections() {
            let id = section.id();
            out.push_str(&format!(
                "{:width$}  {:title_width$}  {:>5} words\n",
                id.id(),
                guide.labels.section(id),
                section.word_count(),
            ));
        }
        print(&out)?;
        Ok(ExitCode::SUCCESS)
    }

    fn check(&self, args: &CheckArgs) -> Result<ExitCode> {
        let as_of = args.as_of.unwrap_or_else(today);
        let dir = content_dir(&args.content);
        let review = match &dir {
            Some(dir) => Review::of_dir(dir, as_of)?,
            None => built_in(&args.content, |name| Review::built_in(name, as_of))?,
        };
        let mut out = format!(
            "{}: no errors; figures judged as of {}\n\n",
            place_of(dir.as_deref(), &args.content),
            as_of.iso()
        );
        let width = SectionId::ALL
            .iter()
            .map(|id| id.id().len())
            .max()
            .unwrap_or(0);
        // The reading level by the formula made for the edition's language, named under the
        // table; a language without one gets the words alone.
        let formula = review.formula();
        out.push_str(&format!("{:width$}  {:>6}", "section", "words"));
        if let Some(f) = formula {
            out.push_str(&format!("  {:>7}", f.column()));
        }
        out.push('\n');
        let row = |name: &str, s: &mht_guide::TextStats| {
            let mut line = format!("{name:width$}  {:>6}", s.words);
            if let Some(f) = formula {
                let score = f.score(s);
                line.push_str(&format!("  {score:>7.1}"));
                if let Some(band) = f.band(score) {
                    line.push_str(&format!("  {band}"));
                }
            }
            line.push('\n');
            line
        };
        for s in review.sections() {
            out.push_str(&row(s.id.id(), &s.text));
        }
        out.push_str(&row("all", &review.total()));
        match formula {
            Some(f) => out.push_str(&format!(
                "\n{}: {}, {}\n",
                f.column(),
                f.name(),
                f.reading()
            )),
            None => out.push_str(&format!(
                "\nno reading-level formula for the language `{}`; words only\n",
                review.guide().meta.language
            )),
        }
        if review.has_base() {
            out.push_str("\nwhere each file comes from (the edition first, then its bases):\n");
            let width = review
                .origins()
                .iter()
                .map(|o| o.file.len())
                .max()
                .unwrap_or(0);
            for origin in review.origins() {
                out.push_str(&format!(
                    "  {:width$}  {}\n",
                    origin.file,
                    origin.layers.join(" ← ")
                ));
            }
        }
        print(&out)?;
        // The review's warnings, then where the PDF would refuse a character.
        let mut warnings: Vec<mht_guide::Diagnostic> = review.warnings().to_vec();
        warnings.extend(unprintable::places(dir.as_deref(), None));
        let warnings = &warnings;
        if self.verbosity >= Verbosity::Normal || args.deny_warnings {
            let mut err = report::stderr().lock();
            for w in warnings {
                report::diagnostic(&mut err, w)?;
            }
        }
        let n = warnings.len();
        if n > 0 {
            let plural = if n == 1 { "" } else { "s" };
            if args.deny_warnings {
                report::headline(
                    &mut report::stderr(),
                    Severity::Error,
                    &format!("{n} warning{plural}, denied by --deny-warnings"),
                )?;
                return Ok(ExitCode::from(1));
            }
            self.warn(&format!("{n} warning{plural}"));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// An export error as the command reports it: when characters in the content caused it, with
/// the places that hold them.
fn export_error(
    err: mht_guide_export::ExportError,
    format: Format,
    content: Option<&Path>,
) -> anyhow::Error {
    use mht_guide_export::ExportError;
    let chars: Vec<char> = match &err {
        ExportError::Undrawable { characters, .. } | ExportError::RightToLeft { characters } => {
            characters.iter().map(|u| u.character).collect()
        }
        _ => {
            return anyhow::Error::new(err).context(format!("cannot export the guide as {format}"));
        }
    };
    LocatedError {
        message: format!("cannot export the guide as {format}: {err}"),
        places: unprintable::places(content, Some(&chars))
            .into_iter()
            .map(mht_guide::Diagnostic::into_error)
            .collect(),
    }
    .into()
}

/// A branding option's text, held to the content's rules for text (one line, not empty, no
/// control, bidirectional-control or noncharacter code points). The value is not echoed as
/// given: hidden characters show as `<U+XXXX>`, so a control sequence cannot reach the terminal.
fn branding(option: &str, value: &str) -> Result<mht_guide::Text> {
    mht_guide::Text::parse(value).map_err(|why| {
        UsageError(format!(
            "invalid value `{}` for {option}: {why}",
            mht_guide::shown(value)
        ))
        .into()
    })
}

/// Reads and checks a logo file, reading no more than a logo may be.
fn read_logo(path: &std::path::Path) -> Result<mht_guide_export::Logo> {
    use std::io::Read as _;
    let fail = |why: String| anyhow::anyhow!("cannot use the logo {}: {why}", path.display());
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    if let Ok(size) = file.metadata().map(|m| m.len())
        && size > mht_guide_export::MAX_LOGO_BYTES as u64
    {
        let bytes = usize::try_from(size).unwrap_or(usize::MAX);
        return Err(fail(
            mht_guide_export::LogoError::TooLarge { bytes }.to_string(),
        ));
    }
    let mut bytes = Vec::new();
    file.take(mht_guide_export::MAX_LOGO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.to_string()))?;
    mht_guide_export::Logo::from_bytes(&bytes).map_err(|e| fail(e.to_string()))
}

/// The formats to export: --all, --format, or the extension of -o.
fn formats(args: &ExportArgs) -> Result<Vec<Format>> {
    if args.all {
        return Ok(Format::ALL.to_vec());
    }
    if !args.format.is_empty() {
        return Ok(args.format.iter().map(|&f| f.into()).collect());
    }
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            match Format::from_extension(&path.to_string_lossy()) {
                Some(format) => Ok(vec![format]),
                None => Err(UsageError(format!(
                    "cannot tell the format from `{}`; end the file name in .pdf, .epub, \
                     .html, .md or .json, or give --format",
                    path.display()
                ))
                .into()),
            }
        }
        _ => Err(UsageError(
            "which format? give --format (pdf, epub, html, md or json), --all, or -o with a \
             file name such as handout.pdf"
                .into(),
        )
        .into()),
    }
}

/// Today's date in UTC.
fn today() -> RefDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    RefDate::from_unix_seconds(seconds)
}

/// How the content's origin is named in messages.
/// The built-in edition the arguments name (English by default), loaded by `load`.
fn built_in<T>(
    args: &ContentArgs,
    load: impl FnOnce(&str) -> Option<Result<T, mht_guide::LoadError>>,
) -> Result<T> {
    let name = args.edition.as_deref().unwrap_or("en");
    match load(name) {
        Some(loaded) => Ok(loaded?),
        None => Err(UsageError(format!("there is no built-in edition `{name}`")).into()),
    }
}

/// How messages name the content the arguments choose.
fn place_of(dir: Option<&Path>, args: &ContentArgs) -> String {
    match (dir, args.edition.as_deref()) {
        (None, Some(name)) => mht_guide::BUILT_IN_EDITIONS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map_or_else(|| place(None), |(_, dir, _)| format!("{dir} (embedded)")),
        _ => place(dir),
    }
}

fn place(dir: Option<&Path>) -> String {
    dir.map_or_else(
        || format!("{} (embedded)", mht_guide::EMBEDDED_DIR),
        |d| d.display().to_string(),
    )
}

/// The content folder to read, if not the embedded one.
///
/// Accepts the folder that holds `guide.toml` or its parent, when the parent holds exactly one
/// guide folder (as this repository's `content/` does).
fn content_dir(args: &ContentArgs) -> Option<PathBuf> {
    let dir = args.content.as_ref()?;
    if dir.join(mht_guide::GUIDE_FILE).exists() {
        return Some(dir.clone());
    }
    let guides: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join(mht_guide::GUIDE_FILE).is_file())
        .collect();
    match guides.as_slice() {
        [one] => Some(one.clone()),
        _ => Some(dir.clone()),
    }
}

/// A usage error found after parsing: exit code 2, like clap's own.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(String);

/// An export error caused by characters in the content, with the places that hold them.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
struct LocatedError {
    message: String,
    places: Vec<mht_guide::Diagnostic>,
}

/// The reproducible-builds timestamp, when `SOURCE_DATE_EPOCH` is set.
fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value.trim().parse().map(Some).with_context(|| {
            format!("SOURCE_DATE_EPOCH is `{value}`; it must be a whole number of seconds")
        }),
        Err(_) => Ok(None),
    }
}

fn print(text: &str) -> Result<()> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}

/// Prints every diagnostic the way compilers do, then how many there were.
fn report_load_error(out: &mut impl Write, err: &LoadError) -> io::Result<()> {
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
