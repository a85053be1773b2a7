//! Command-line arguments: their shape only. Turning them into work happens in `main.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use mht_guide_export::{Format, Selection};

/// Export the mental health technician career guide as Markdown or JSON.
///
/// The guide is built in: with no --content, the commands use the embedded edition. Pass
/// --content with a folder of edited content files to use your own edition instead.
#[derive(Debug, Parser)]
#[command(name = "mht-guide", version, about, long_about, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Export the guide, or some of its sections, to a file or to standard output.
    #[command(after_help = "\
Examples:
  mht-guide export --format md
  mht-guide export --format json --sections salary-outlook,faq -o figures.json
  mht-guide export --format md --content my-edition -o -")]
    Export(ExportArgs),
    /// List the sections: id, title and number of words.
    Sections(ContentArgs),
    /// Check the content and report every problem; exits 1 when there is any.
    Check(ContentArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ContentArgs {
    /// A folder of content files to use instead of the embedded guide.
    ///
    /// Either the folder holding guide.toml and the section files, or its parent.
    #[arg(long, value_name = "DIR")]
    pub(crate) content: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The output format.
    #[arg(long, short = 'f', value_enum)]
    pub(crate) format: FormatArg,

    /// Export only these sections (comma-separated ids; see `mht-guide sections`).
    #[arg(long, value_name = "ID,ID...", value_parser = parse_selection)]
    pub(crate) sections: Option<Selection>,

    /// Where to write: a file path, or `-` for standard output.
    ///
    /// Defaults to a file in the current folder named after the guide and the format, such as
    /// mental-health-technician.md.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,

    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

/// The formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// CommonMark with tables and YAML front matter
    Md,
    /// The typed guide as JSON
    Json,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Md => Format::Markdown,
            FormatArg::Json => Format::Json,
        }
    }
}

fn parse_selection(s: &str) -> Result<Selection, String> {
    s.parse()
        .map_err(|e: mht_guide::UnknownSection| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        <Cli as clap::CommandFactory>::command().debug_assert();
    }

    #[test]
    fn every_format_has_an_argument() {
        let args: Vec<Format> = FormatArg::value_variants()
            .iter()
            .map(|&a| a.into())
            .collect();
        assert_eq!(args, Format::ALL);
    }
}
