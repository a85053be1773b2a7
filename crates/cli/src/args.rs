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
#[command(
    name = "mht-guide",
    about,
    long_about,
    max_term_width = 100,
    version,
    after_help = "\
Examples:
  mht-guide export -o handout.pdf                       the whole guide as a PDF
  mht-guide export --preset fact-sheet --org \"Riverside Clinic\" -o sheet.pdf
  mht-guide export --all -o handouts                    every format into handouts/
  mht-guide export --edition es -o guia.pdf             the Spanish edition
  mht-guide new-edition my-edition --minimal            an edition on the built-in guide
  mht-guide serve --content my-edition --open           see each save in the browser
  mht-guide check --content my-edition                  check your edition
  mht-guide export --content my-edition -o ours.pdf     export your edition"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,

    #[command(flatten)]
    pub(crate) global: GlobalArgs,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// Print errors only: no warnings, no line per file written.
    #[arg(
        long,
        short = 'q',
        global = true,
        conflicts_with = "verbose",
        display_order = 900
    )]
    pub(crate) quiet: bool,

    /// Also print where the content came from and how long each step took.
    #[arg(long, short = 'v', global = true, display_order = 901)]
    pub(crate) verbose: bool,

    /// When to color messages: `auto` colors them on a terminal unless NO_COLOR is set.
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "WHEN",
        default_value_t = ColorArg::Auto,
        display_order = 902
    )]
    pub(crate) color: ColorArg,
}

/// When to use colors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorArg {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    /// Always, even into a file or a pipe
    Always,
    /// Never
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Export the guide, or some of its sections, to a file or to standard output.
    #[command(after_help = "\
Examples:
  mht-guide export --format pdf
  mht-guide export --preset fact-sheet --org \"Riverside Clinic\" -o sheet.pdf
  mht-guide export --sections salary-outlook,faq -o figures.json
  mht-guide export --all -o handouts
  mht-guide export --format md --content my-edition -o -
  mht-guide export --brand brand.toml -o sheet.pdf
  mht-guide export --fragment --sections salary-outlook --id-prefix pay- -o pay.html")]
    Export(ExportArgs),
    /// List the sections: id, title and number of words.
    Sections(ContentArgs),
    /// Check the content: every error, words and reading grade per section, and warnings.
    ///
    /// Errors (content that cannot be used) exit 1. Warnings flag figures whose data is more
    /// than three years old and paragraphs that state a figure without citing a source; they
    /// exit 0 unless --deny-warnings is given.
    #[command(after_help = "\
Examples:
  mht-guide check
  mht-guide check --content my-edition --deny-warnings")]
    Check(CheckArgs),
    /// Copy the built-in content to a new folder, to edit as your own edition.
    ///
    /// The folder gets every content file and the JSON Schemas that editors such as VS Code
    /// (with the Even Better TOML extension) use to check and complete the files as you type.
    /// Then pass it to the other commands with --content.
    #[command(after_help = "\
Examples:
  mht-guide new-edition riverside
  mht-guide export --content riverside -o riverside.pdf")]
    NewEdition(NewEditionArgs),
    /// Preview an edition in the browser, updated each time a content file is saved.
    ///
    /// Serves the edition's web page on this computer, with links to its PDF, fact sheet and
    /// EPUB, and reloads the page by itself after every save. A save that breaks the content
    /// shows the problems on the page instead, as `check` prints them; fixing the file brings
    /// the guide back. Stop with Ctrl-C.
    #[cfg(feature = "serve")]
    #[command(after_help = "\
Examples:
  mht-guide new-edition ours --minimal
  mht-guide serve --content ours --open
  mht-guide serve --edition es --preset fact-sheet --port 8080")]
    Serve(ServeArgs),
    /// Print the JSON Schema of a content file, for editors and validators.
    #[command(after_help = "\
Examples:
  mht-guide schema faq
  mht-guide schema guide > guide.schema.json")]
    Schema(SchemaArgs),
    /// Translate an edition with a translator's tools: a PO catalog out, a checked edition
    /// back, catalogs kept current, and what is left to do.
    ///
    /// The catalog is a gettext PO file, which Poedit, Weblate, Crowdin, Lokalize and CAT tools
    /// open. Each entry's context names its place in the guide; its notes list the citations,
    /// placeholders and Markdown the translation must keep. Figures, codes, ids, addresses and
    /// the titles of works cited are not offered: the edition takes them from its base.
    #[command(after_help = "\
Examples:
  mht-guide translate extract --language vi -o vi.po
  mht-guide translate import vi.po --into guide-vi
  mht-guide translate update vi.po
  mht-guide translate status
  mht-guide translate mark-current --content guide-vi faq.questions[license].answer")]
    Translate(TranslateArgs),
    /// Print a shell completion script: bash, zsh, fish or powershell.
    #[command(after_help = "\
Examples:
  mht-guide completions bash > ~/.local/share/bash-completion/completions/mht-guide
  mht-guide completions zsh > ~/.zfunc/_mht-guide
  mht-guide completions fish > ~/.config/fish/completions/mht-guide.fish")]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man`, or write every page into a folder.
    #[command(after_help = "\
Examples:
  mht-guide man > mht-guide.1 && man ./mht-guide.1
  mht-guide man export > mht-guide-export.1
  mht-guide man --dir ~/.local/share/man/man1")]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Exit 1 when there is any warning, not only on errors (for continuous integration).
    #[arg(long)]
    pub(crate) deny_warnings: bool,

    /// Judge the age of figures as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub(crate) as_of: Option<mht_guide::RefDate>,

    /// Warn about what the PDF cannot print as if no font were installed: what an export
    /// with --no-system-fonts, or on a machine with no fonts, would refuse.
    #[arg(long)]
    pub(crate) no_system_fonts: bool,

    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TranslateArgs {
    #[command(subcommand)]
    pub(crate) command: TranslateCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TranslateCommand {
    /// Write an edition's catalog: every text to translate, with the edition's translations
    /// if it translates a base.
    ///
    /// Of an edition with no base (the English guide), the catalog is a template: give the
    /// language it is for with --language. Of a translation (`--edition es`), each entry holds
    /// the base's text and this edition's translation, fuzzy where the base's text changed
    /// since it was translated.
    Extract(TranslateExtractArgs),
    /// Make an edition from a translated catalog, every entry checked.
    ///
    /// The edition stands on the catalog's source edition (its X-Source-Edition header, or
    /// --base) and takes the figures, codes and sources from there. Each entry is checked:
    /// its citations, placeholders, links and Markdown kept, no control characters, every
    /// text translated; then the edition is loaded as it will be written. A problem is named
    /// at its line of the PO file, with the entry's context, and nothing is written.
    /// A fuzzy entry is imported, and recorded as translated from its previous source, so
    /// `check` calls it stale.
    Import(TranslateImportArgs),
    /// Bring a catalog up to date with its source edition.
    ///
    /// An entry whose source text changed becomes fuzzy and keeps the text it was translated
    /// from (`#| msgid`); a new text is added untranslated; a text the source no longer has is
    /// kept at the end as obsolete (`#~`). The file is rewritten in place unless -o is given.
    Update(TranslateUpdateArgs),
    /// Count what is translated, stale and left, in catalogs or editions.
    ///
    /// Without arguments, for every built-in translation.
    Status(TranslateStatusArgs),
    /// Record, in the edition's fingerprints.toml, that texts are translated from their
    /// source's current text: after bringing a stale text up to date by hand.
    MarkCurrent(TranslateMarkArgs),
}

#[derive(Debug, Args)]
pub(crate) struct TranslateExtractArgs {
    /// Where to write the catalog; standard output by default, or with `-`.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// The language the catalog is for (its Language header), such as `vi` or `zh-Hans`, for
    /// an edition with no base.
    #[arg(long, value_name = "TAG")]
    pub(crate) language: Option<String>,

    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TranslateImportArgs {
    /// The translated catalog (.po).
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,

    /// The edition's folder to write; created if it does not exist.
    #[arg(long, value_name = "DIR")]
    pub(crate) into: PathBuf,

    /// Replace the edition the folder holds (its fonts and direction settings are kept).
    #[arg(long)]
    pub(crate) replace: bool,

    /// The edition the catalog translates, if not the one its X-Source-Edition header names:
    /// a built-in edition, or a folder.
    #[arg(long, value_name = "EDITION")]
    pub(crate) base: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct TranslateUpdateArgs {
    /// The catalog to bring up to date (.po).
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,

    /// Write the updated catalog here instead of over FILE; `-` for standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// The source edition, if not the one the catalog's X-Source-Edition header names.
    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TranslateStatusArgs {
    /// Catalogs (.po) to count.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,

    /// Exit 1 when any text is stale or untranslated (for continuous integration).
    #[arg(long)]
    pub(crate) deny_stale: bool,

    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TranslateMarkArgs {
    /// The contexts of the texts now translated from the current source, such as
    /// `faq.questions[license].answer`.
    #[arg(value_name = "CONTEXT", conflicts_with = "all")]
    pub(crate) contexts: Vec<String>,

    /// Every text the edition translates.
    #[arg(long)]
    pub(crate) all: bool,

    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

#[derive(Debug, Args)]
pub(crate) struct NewEditionArgs {
    /// The folder to create; it must not exist yet, or be empty.
    #[arg(value_name = "DIR")]
    pub(crate) dir: PathBuf,

    /// Write only guide.toml, naming the built-in edition as its base: every file and field
    /// the edition does not give comes from the base, so its updates arrive by themselves.
    #[arg(long)]
    pub(crate) minimal: bool,

    /// The built-in edition to start from: `en` (English, the default), `es` (Spanish, US),
    /// `zh-Hans` (Simplified Chinese), `vi` (Vietnamese) or `ar` (Arabic).
    #[arg(long, value_name = "NAME", value_parser = parse_edition)]
    pub(crate) edition: Option<String>,

    /// Also write a starter brand.toml beside guide.toml, every key explained: the branding
    /// of the edition's handouts, kept in one file.
    #[arg(long)]
    pub(crate) brand: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// The content file: `guide` or a section id (see `mht-guide sections`).
    #[arg(value_name = "FILE", value_parser = parse_schema_file)]
    pub(crate) file: String,

    /// The schema for an edition with a `base`, in which every field may be left out.
    #[arg(long)]
    pub(crate) partial: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// The page of this command (such as `export`) instead of the main page.
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub(crate) command: Option<String>,

    /// Write the main page and one page per command into this folder.
    #[arg(long, value_name = "DIR")]
    pub(crate) dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Args)]
pub(crate) struct ContentArgs {
    /// A folder of content files to use instead of the embedded guide.
    ///
    /// Either the folder holding guide.toml and the section files, or its parent.
    #[arg(long, value_name = "DIR")]
    pub(crate) content: Option<PathBuf>,

    /// Which built-in edition to use: `en` (English, the default), `es` (Spanish, US),
    /// `zh-Hans` (Simplified Chinese), `vi` (Vietnamese) or `ar` (Arabic).
    #[arg(long, value_name = "NAME", value_parser = parse_edition, conflicts_with = "content")]
    pub(crate) edition: Option<String>,

    /// The folder an edition's base folders must be inside (by default the folder that holds
    /// the edition).
    ///
    /// An edition's `base` may name a built-in edition or the folder of another edition; that
    /// folder, and its own base folders in turn, must be inside this one, so an edition from
    /// elsewhere cannot read files anywhere on the disk.
    #[arg(long, value_name = "DIR", requires = "content")]
    pub(crate) base_root: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The output format, or several, comma-separated (such as `pdf,epub`).
    ///
    /// Without it, the format comes from the extension of -o (.pdf, .docx, .epub, .html, .md, .json).
    #[arg(long, short = 'f', value_enum, value_delimiter = ',')]
    pub(crate) format: Vec<FormatArg>,

    /// Export every format at once, loading the guide once.
    #[arg(long, conflicts_with = "format")]
    pub(crate) all: bool,

    /// Where to write: a file path, or `-` for standard output; with several formats, a folder.
    ///
    /// Defaults to a file in the current folder named after the guide and the format, such as
    /// mental-health-technician.md.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,

    /// Keep running, and write the files again each time a content file is saved (for a PDF
    /// viewer that reloads the file by itself). Stop with Ctrl-C.
    #[arg(long)]
    pub(crate) watch: bool,

    /// Write a fact sheet that cannot keep to its two pages anyway, with a warning that names
    /// what made it long, rather than fail. Without it such a fact sheet is not written.
    #[arg(long)]
    pub(crate) allow_overflow: bool,

    /// HTML to put inside a site's own page: the sections and their sources in one
    /// `<div class="mht-guide">`, with no title block, contents, style or scripts. Style it
    /// with `--format css`, or with the site's own rules.
    #[arg(long, help_heading = "Fragments")]
    pub(crate) fragment: bool,

    /// What every id in the fragment starts with; give each fragment on a page its own.
    /// Defaults to `mht-` and the first section's id, such as `mht-salary-outlook-`.
    #[arg(
        long,
        value_name = "PREFIX",
        requires = "fragment",
        help_heading = "Fragments"
    )]
    pub(crate) id_prefix: Option<String>,

    /// The level of the fragment's section headings, 1 to 5 (the headings inside a section
    /// take the next level).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 2,
        requires = "fragment",
        help_heading = "Fragments"
    )]
    pub(crate) heading_level: u8,

    /// Number the fragment's sections ("1. Salary and job outlook").
    #[arg(long, requires = "fragment", help_heading = "Fragments")]
    pub(crate) numbered: bool,

    #[command(flatten)]
    pub(crate) render: RenderArgs,
}

/// What to render and how: the content, the sections and preset, the paper and the branding.
#[derive(Debug, Clone, Args)]
pub(crate) struct RenderArgs {
    /// Export only these sections (comma-separated ids; see `mht-guide sections`).
    #[arg(long, value_name = "ID,ID...")]
    pub(crate) sections: Option<Selection>,

    /// A shorter handout: `fact-sheet` (two pages of summaries and key figures) or `faq`.
    #[arg(long, value_enum, default_value_t = PresetArg::Full)]
    pub(crate) preset: PresetArg,

    /// The paper size of a PDF [default: letter].
    #[arg(long, value_enum)]
    pub(crate) paper: Option<PaperArg>,

    /// A brand file (brand.toml) that keeps the organization, contact line, logo, color, QR
    /// code, paper and edition for every handout; the options given here win over it. Without
    /// it, an edition's own brand file is used: the one its guide.toml names (`brand`), or a
    /// brand.toml beside it. `mht-guide new-edition --brand` writes a starter.
    #[arg(long, value_name = "FILE")]
    pub(crate) brand: Option<PathBuf>,

    /// Large print, for readers with low vision: 18-point text in the PDF, headings larger,
    /// no hyphenation, tables and charts grown with the text (the American Printing House
    /// for the Blind's guidance); 150% text on the web page and in the book.
    #[arg(long)]
    pub(crate) large_print: bool,

    /// The organization handing the guide out, shown in the title block and the footer.
    #[arg(long, value_name = "NAME")]
    pub(crate) org: Option<String>,

    /// A contact line, such as "555-0100, www.example.org", shown under the organization.
    #[arg(long, value_name = "TEXT")]
    pub(crate) contact: Option<String>,

    /// The organization's color, as #RRGGBB, for headings, rules and chart bars (PDF, HTML,
    /// EPUB). One too pale for text on white (under 4.5:1 contrast) is darkened until it
    /// passes, with a warning.
    #[arg(long, value_name = "#RRGGBB")]
    pub(crate) accent: Option<mht_guide_export::Rgb>,

    /// An address to print as a QR code in the title block, with the address under it (PDF,
    /// HTML, EPUB): http, https or mailto, as for links in the content.
    #[arg(long, value_name = "URL")]
    pub(crate) qr: Option<mht_guide::Url>,

    /// The organization's logo, a PNG or JPEG file of at most 2000 pixels on each side, for
    /// the title block (PDF, HTML, EPUB). Needs --org: the logo is decoration beside the
    /// organization's name.
    #[arg(long, value_name = "FILE")]
    pub(crate) logo: Option<PathBuf>,

    /// A font (TrueType or OpenType, or a collection) for the PDF to draw what Liberation
    /// Sans lacks with (Chinese, Japanese, Korean, Arabic, Devanagari, Khmer…); repeat it to
    /// give several, the first asked first; then the fonts the edition names in guide.toml,
    /// the PDF's own Noto faces (Simplified Chinese, Arabic) and installed fonts.
    #[arg(long = "font", value_name = "FILE")]
    pub(crate) fonts: Vec<PathBuf>,

    /// Draw the PDF with its own fonts and those given with --font only, never with an
    /// installed one: the same file on every machine.
    #[arg(long)]
    pub(crate) no_system_fonts: bool,

    #[command(flatten)]
    pub(crate) content: ContentArgs,
}

impl RenderArgs {
    /// The arguments when the command line gives none of them: the defaults.
    pub(crate) fn none() -> anyhow::Result<RenderArgs> {
        use clap::FromArgMatches;
        let command = RenderArgs::augment_args(clap::Command::new("render"));
        let matches = command.try_get_matches_from(["render"])?;
        Ok(RenderArgs::from_arg_matches(&matches)?)
    }
}

/// An address to listen on: an IP address, in brackets or not, or `localhost`.
fn parse_host(value: &str) -> Result<std::net::IpAddr, String> {
    if value.eq_ignore_ascii_case("localhost") {
        return Ok(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    }
    let bare = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(value);
    bare.parse().map_err(|_| {
        "give an IP address, such as 127.0.0.1, ::1 or 0.0.0.0 (every address), or localhost"
            .to_owned()
    })
}

/// The port `serve` listens on unless told otherwise.
pub(crate) const DEFAULT_PORT: u16 = 3700;

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The port to listen on.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PORT)]
    pub(crate) port: u16,

    /// The address to listen on. Without it, only this computer (127.0.0.1) can open the
    /// preview; any other address lets other computers on the network see it too.
    #[arg(long, value_name = "ADDRESS", value_parser = parse_host)]
    pub(crate) host: Option<std::net::IpAddr>,

    /// Open the preview in the default web browser.
    #[arg(long)]
    pub(crate) open: bool,

    #[command(flatten)]
    pub(crate) render: RenderArgs,
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

/// The paper sizes, as the command line and brand files name them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
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

/// A format, as the command line names it: from the exporter's table of formats, so that a
/// format the library gains is an argument too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FormatArg(pub(crate) Format);

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        static VARIANTS: std::sync::OnceLock<Vec<FormatArg>> = std::sync::OnceLock::new();
        VARIANTS.get_or_init(|| Format::ALL.iter().map(|&f| FormatArg(f)).collect())
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let info = self.0.info();
        Some(
            clap::builder::PossibleValue::new(info.name)
                .aliases(info.aliases.iter().copied())
                .help(info.description),
        )
    }
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        arg.0
    }
}

fn parse_day(s: &str) -> Result<mht_guide::RefDate, String> {
    match mht_guide::RefDate::parse(s) {
        Ok(date) if date.day().is_some() => Ok(date),
        _ => Err(format!(
            "`{s}` is not a day; write it as YYYY-MM-DD, such as 2026-11-23"
        )),
    }
}

pub(crate) fn parse_edition(s: &str) -> Result<String, mht_guide::UnknownEdition> {
    mht_guide::BuiltIn::named(s).map(|edition| edition.name.to_owned())
}

fn parse_schema_file(s: &str) -> Result<String, String> {
    let name = s.strip_suffix(".toml").unwrap_or(s);
    let known = format!("{name}.toml");
    if mht_guide::file_names().any(|f| f == known)
        || known == mht_guide::schema::LABELS_FILE
        || known == mht_guide::BRAND_FILE
    {
        Ok(name.to_owned())
    } else {
        Err(format!(
            "no content file is called `{s}`; the files are {}, `labels` for a label set and \
             `brand` for a brand file",
            mht_guide::file_names()
                .map(|f| f.trim_end_matches(".toml").to_owned())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
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
