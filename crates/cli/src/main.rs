//! `mht-guide`: export the mental health technician career guide.
//!
//! Exit codes: 0 success, 1 a content or export error, 2 a usage error.

mod args;
mod output;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use mht_guide::{Diagnostic, Guide, LoadError, SectionId};
use mht_guide_export::{Format, Options};

use crate::args::{Cli, Command, ContentArgs, ExportArgs, PresetArg};
use crate::output::Target;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version go to stdout with code 0; usage errors to stderr with code 2.
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let mut stderr = io::stderr().lock();
            if let Some(usage) = err.downcast_ref::<UsageError>() {
                let _ = writeln!(
                    stderr,
                    "error: {usage}\n\nFor more information, try '--help'."
                );
                return ExitCode::from(2);
            }
            if let Some(load) = err.downcast_ref::<LoadError>() {
                let _ = report(&mut stderr, load);
            } else {
                let _ = writeln!(stderr, "error: {err:#}");
            }
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Export(args) => export(args),
        Command::Sections(args) => sections(&args),
        Command::Check(args) => check(&args),
    }
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

fn load(args: &ContentArgs) -> Result<(Guide, Option<PathBuf>)> {
    match content_dir(args) {
        Some(dir) => Ok((Guide::from_dir(&dir)?, Some(dir))),
        None => Ok((Guide::embedded()?, None)),
    }
}

/// A usage error found after parsing: exit code 2, like clap's own.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(String);

fn export(args: ExportArgs) -> Result<ExitCode> {
    let mut formats: Vec<Format> = if args.all {
        Format::ALL.to_vec()
    } else {
        args.format.iter().map(|&f| f.into()).collect()
    };
    formats.dedup();
    let several = formats.len() > 1;
    if several && args.output.as_deref() == Some(std::path::Path::new("-")) {
        return Err(UsageError(
            "several formats cannot all go to standard output; give a folder with -o".into(),
        )
        .into());
    }
    if args.preset == PresetArg::Faq && args.sections.is_some() {
        return Err(UsageError(
            "--preset faq prints the FAQ alone, so it takes no --sections; use --sections faq,... \
             to add other sections"
                .into(),
        )
        .into());
    }
    let (guide, content) = load(&args.content)?;
    let mut options = Options::new();
    if let Some(selection) = args.sections {
        options.set_sections(selection);
    }
    options
        .set_preset(args.preset.into())
        .set_paper(args.paper.into())
        .set_embed_fonts(args.embed_fonts);
    if let Some(org) = args.org {
        options.set_organization(org);
    }
    if let Some(contact) = args.contact {
        options.set_contact(contact);
    }
    if let Some(seconds) = source_date_epoch()? {
        options.set_timestamp(seconds);
    }
    let file_name = |format: Format| format!("{}.{}", guide.meta.slug, format.extension());
    // Every format is exported before anything is written, so one failure writes nothing.
    let mut outputs = Vec::new();
    for &format in &formats {
        let bytes = mht_guide_export::export(&guide, format, &options)
            .with_context(|| format!("cannot export the guide as {format}"))?;
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
    for (target, bytes) in &outputs {
        output::write(target, bytes, content.as_deref())?;
        if let Target::File(_) = target {
            eprintln!("wrote {} ({} bytes)", target.describe(), bytes.len());
        }
    }
    Ok(ExitCode::SUCCESS)
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

fn sections(args: &ContentArgs) -> Result<ExitCode> {
    let (guide, _) = load(args)?;
    let width = SectionId::ALL
        .iter()
        .map(|id| id.id().len())
        .max()
        .unwrap_or(0);
    let title_width = SectionId::ALL
        .iter()
        .map(|id| id.title().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for section in guide.sections() {
        let id = section.id();
        out.push_str(&format!(
            "{:width$}  {:title_width$}  {:>5} words\n",
            id.id(),
            id.title(),
            section.word_count(),
        ));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn check(args: &ContentArgs) -> Result<ExitCode> {
    let (guide, dir) = load(args)?;
    let words: usize = guide.sections().map(|s| s.word_count()).sum();
    let place = dir.map_or_else(
        || format!("{} (embedded)", mht_guide::EMBEDDED_DIR),
        |d| d.display().to_string(),
    );
    print(&format!(
        "{place}: no problems; {} sections, {words} words\n",
        SectionId::ALL.len()
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}

/// Prints every diagnostic the way compilers do: message, place, the line, a caret.
fn report(out: &mut impl Write, err: &LoadError) -> io::Result<()> {
    for d in err.diagnostics() {
        write_diagnostic(out, d)?;
    }
    let n = err.diagnostics().len();
    writeln!(
        out,
        "error: the content has {n} problem{}; nothing was written",
        if n == 1 { "" } else { "s" }
    )
}

fn write_diagnostic(out: &mut impl Write, d: &Diagnostic) -> io::Result<()> {
    writeln!(out, "error: {}", d.message())?;
    let path = d.path().display();
    match (d.position(), d.line_text()) {
        (Some(pos), Some(line)) => {
            let number = pos.line.to_string();
            let pad = " ".repeat(number.len());
            writeln!(out, "{pad}--> {path}:{}:{}", pos.line, pos.column)?;
            writeln!(out, "{pad} |")?;
            writeln!(out, "{number} | {}", visible(line))?;
            let caret_pad: String = line
                .chars()
                .take(pos.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(out, "{pad} | {caret_pad}^")?;
        }
        (Some(pos), None) => writeln!(out, "  --> {path}:{}:{}", pos.line, pos.column)?,
        (None, _) => writeln!(out, "  --> {path}")?,
    }
    writeln!(out)
}

/// A line of content as it can be shown on a terminal: control characters made visible.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                char::from_u32(0x2400 + u32::from(c))
                    .filter(|_| u32::from(c) < 0x20)
                    .unwrap_or('�')
            } else {
                c
            }
        })
        .collect()
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
