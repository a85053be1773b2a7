//! Command-line arguments: their shape only. Turning them into work happens in `main.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use mht_guide_export::{Format, Paper, Preset, Selection};

/// Export the mental health technician career guide as a PDF handout, an EPUB book, HTML,
/// Markdown or JSON.
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
  mht-guide export --format pdf
  mht-guide export --format pdf --preset fact-sheet --org \"Riverside Clinic\" -o sheet.pdf
  mht-guide export --format json --sections salary-outlook,faq -o figures.json
  mht-guide export --all -o handouts
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
    /// The output format, or several, comma-separated (such as `pdf,epub`).
    #[arg(
        long,
        short = 'f',
        value_enum,
        value_delimiter = ',',
        required_unless_present = "all"
    )]
    pub(crate) format: Vec<FormatArg>,

    /// Export every format at once, loading the guide once.
    #[arg(long, conflicts_with = "format")]
    pub(crate) all: bool,

    /// Export only these sections (comma-separated ids; see `mht-guide sections`).
    #[arg(long, value_name = "ID,ID...", value_parser = parse_selection)]
    pub(crate) sections: Option<Selection>,

    /// Where to write: a file path, or `-` for standard output; with several formats, a folder.
    ///
    /// Defaults to a file in the current folder named after the guide and the format, such as
    /// mental-health-technician.md.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,

    /// A shorter handout: `fact-sheet` (two pages of summaries and key figures) or `faq`.
    #[arg(long, value_enum, default_value_t = PresetArg::Full)]
    pub(crate) preset: PresetArg,

    /// The paper size of a PDF.
    #[arg(long, value_enum, default_value_t = PaperArg::Letter)]
    pub(crate) paper: PaperArg,

    /// Embed the bundled fonts in a PDF (larger, but prints characters such as ≥ or ő).
    #[arg(long)]
    pub(crate) embed_fonts: bool,

    /// The organization handing the guide out, shown in the title block and the footer.
    #[arg(long, value_name = "NAME")]
    pub(crate) org: Option<String>,

    /// A contact line, such as "555-0100, www.example.org", shown under the organization.
    #[arg(long, value_name = "TEXT")]
    pub(crate) contact: Option<String>,

    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

/// The presets, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PresetArg {
    /// The selected sections in full
    Full,
    /// Summaries and key figures on two pages
    FactSheet,
    /// The frequently asked questions
    Faq,
}

impl From<PresetArg> for Preset {
    fn from(arg: PresetArg) -> Preset {
        match arg {
            PresetArg::Full => Preset::Full,
            PresetArg::FactSheet => Preset::FactSheet,
            PresetArg::Faq => Preset::Faq,
        }
    }
}

/// The paper sizes, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PaperArg {
    /// US Letter, 8.5 × 11 in
    Letter,
    /// ISO A4, 210 × 297 mm
    A4,
    /// US Legal, 8.5 × 14 in
    Legal,
}

impl From<PaperArg> for Paper {
    fn from(arg: PaperArg) -> Paper {
        match arg {
            PaperArg::Letter => Paper::Letter,
            PaperArg::A4 => Paper::A4,
            PaperArg::Legal => Paper::Legal,
        }
    }
}

/// The formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// CommonMark with tables and YAML front matter
    Md,
    /// The typed guide as JSON
    Json,
    /// One self-contained web page (XHTML5)
    Html,
    /// An EPUB 3 book
    Epub,
    /// A print-ready PDF handout
    Pdf,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Md => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
            FormatArg::Epub => Format::Epub,
            FormatArg::Pdf => Format::Pdf,
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
