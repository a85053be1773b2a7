//! `export`: the guide into files, once, or again after every save with `--watch`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use mht_guide::{ContentFile, Loaded};
use mht_guide_export::{Format, Options};

use crate::args::{ExportArgs, PaperArg, PresetArg, RenderArgs};
use crate::output::{self, Target};
use crate::{App, LocatedError, UsageError, unprintable};

/// Runs `export`.
pub(crate) fn run(app: &App, args: &ExportArgs) -> Result<ExitCode> {
    let mut formats = formats(args)?;
    formats.dedup();
    let several = formats.len() > 1;
    if several && args.output.as_deref() == Some(Path::new("-")) {
        return Err(UsageError(
            "several formats cannot all go to standard output; give a folder with -o".into(),
        )
        .into());
    }
    if let ([format], Some(path)) = (formats.as_slice(), &args.output)
        && let Some(named) = Format::from_extension(&path.to_string_lossy())
        && named != *format
    {
        app.warn(&format!(
            "writing the {format} export to {}, though its extension says {named}",
            path.display()
        ));
    }
    if args.fragment && formats != [Format::Html] {
        return Err(UsageError(format!(
            "--fragment is HTML for a site's own page, so it goes with --format html alone, \
                 not {}",
            formats
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .into());
    }
    if args.watch {
        // What the command line asks for is checked once, before the first save; the brand
        // file is read again for every export.
        options(app, &crate::brand::BrandFile::given(&args.render)?)?;
        return crate::watch::export(app, args, || once(app, args, &formats));
    }
    once(app, args, &formats)?;
    Ok(ExitCode::SUCCESS)
}

/// The fragment `--fragment` asks for: its id prefix (by default `mht-` and the first
/// section's id, so that fragments of different sections on one page never collide), its
/// heading level and its numbering.
fn fragment(args: &ExportArgs) -> Result<mht_guide_export::Fragment> {
    let prefix = match (&args.id_prefix, &args.render.sections) {
        (Some(prefix), _) => prefix.clone(),
        (None, Some(selection)) if !selection.is_all() => {
            let first = selection.ids().next().map_or("", |id| id.id());
            format!("mht-{first}-")
        }
        (None, _) => "mht-".to_owned(),
    };
    let option = |err: mht_guide_export::FragmentError| {
        let name = match err {
            mht_guide_export::FragmentError::IdPrefix { .. } => "--id-prefix",
            _ => "--heading-level",
        };
        UsageError(format!("{name}: {err}"))
    };
    Ok(mht_guide_export::Fragment::new(&prefix)
        .and_then(|f| f.with_heading_level(args.heading_level))
        .map_err(option)?
        .with_numbering(args.numbered))
}

/// The options the rendering arguments give, checked: a usage error for a combination that
/// cannot work, a warning for an accent too pale for text.
pub(crate) fn options(app: &App, render: &RenderArgs) -> Result<Options> {
    if render.preset == PresetArg::Faq && render.sections.is_some() {
        return Err(UsageError(
            "--preset faq prints the FAQ alone, so it takes no --sections; use --sections \
             faq,... to add other sections"
                .into(),
        )
        .into());
    }
    let mut options = Options::new();
    if let Some(selection) = render.sections.clone() {
        options.set_sections(selection);
    }
    options
        .set_preset(render.preset.into())
        .set_paper(render.paper.unwrap_or(PaperArg::Letter).into())
        .set_large_print(render.large_print);
    if let Some(org) = &render.org {
        options.set_organization(branding("--org", org)?);
    }
    if let Some(contact) = &render.contact {
        options.set_contact(branding("--contact", contact)?);
    }
    if let Some(accent) = render.accent {
        let used = accent.for_light_page();
        if used != accent {
            let white = mht_guide_export::Rgb::WHITE;
            app.warn(&format!(
                "--accent {accent} has {:.1}:1 contrast on white, less than the 4.5:1 that \
                 text needs; the handouts use {used} ({:.1}:1), the same color darkened",
                accent.contrast(white),
                used.contrast(white)
            ));
        }
        options.set_accent(accent);
    }
    if let Some(url) = &render.qr {
        let bytes = url.as_str().len();
        if bytes > mht_guide_export::MAX_QR_BYTES {
            return Err(UsageError(format!(
                "--qr is {bytes} characters long; a handout's QR code holds at most {}, so \
                 that it stays easy to scan and the fact sheet keeps its two pages; give a \
                 shorter address, such as a short link or a page that links to this one",
                mht_guide_export::MAX_QR_BYTES
            ))
            .into());
        }
        options.set_qr(url.clone());
    }
    if let Some(path) = &render.logo {
        if render.org.is_none() {
            return Err(UsageError(
                "--logo needs --org: the organization's name is the logo's alternative text".into(),
            )
            .into());
        }
        options.set_logo(crate::brand::read_logo(path)?);
    }
    for path in &render.fonts {
        options.add_font(read_font(path)?);
    }
    if render.no_system_fonts {
        options.set_system_fonts(false);
    }
    if let Some(seconds) = source_date_epoch()? {
        options.set_timestamp(seconds);
    }
    Ok(options)
}

/// The largest font file read, as for the fonts an edition names.
const MAX_FONT_BYTES: u64 = mht_guide::MAX_FONT_BYTES;

/// The options with the fonts the edition names in `guide.toml` added, after those given
/// with --font; an error names the place of each font that cannot be drawn with.
pub(crate) fn with_edition_fonts(
    options: &Options,
    fonts: &[mht_guide::EditionFont],
) -> Result<Options> {
    edition_fonts(options, fonts).map_err(|problems| {
        LocatedError {
            message: format!(
                "{} of the fonts guide.toml names cannot be used",
                problems.len()
            ),
            places: problems,
        }
        .into()
    })
}

/// The options with the edition's fonts added, or the problem with each that cannot be.
pub(crate) fn edition_fonts(
    options: &Options,
    fonts: &[mht_guide::EditionFont],
) -> Result<Options, Vec<mht_guide::Diagnostic>> {
    let mut options = options.clone();
    let mut problems = Vec::new();
    for font in fonts {
        match mht_guide_export::Font::from_bytes(font.data.to_vec()) {
            Ok(usable) => {
                options.add_font(usable);
            }
            Err(why) => problems.push(font.problem(format!(
                "the font `{}` cannot be drawn with: {why}; name another file",
                font.path.display()
            ))),
        }
    }
    if problems.is_empty() {
        Ok(options)
    } else {
        Err(problems)
    }
}

/// Reads and checks a font file for the PDF.
pub(crate) fn read_font(path: &std::path::Path) -> Result<mht_guide_export::Font> {
    let fail = |why: String| anyhow::anyhow!("cannot use the font {}: {why}", path.display());
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_FONT_BYTES + 1),
        &mut bytes,
    )
    .map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > MAX_FONT_BYTES {
        return Err(fail(format!(
            "it is larger than {} MB, more than any font needs",
            MAX_FONT_BYTES / (1024 * 1024)
        )));
    }
    mht_guide_export::Font::from_bytes(bytes).map_err(|e| fail(e.to_string()))
}

/// Loads the content and writes every format: all exported before any is written, then all
/// placed at once, so that a failure to write writes nothing and changes no file. A format
/// that cannot be exported from this content (a PDF in a script no font has, say) does not
/// keep the others from being written: they are, and the command then fails naming it.
pub(crate) fn once(app: &App, args: &ExportArgs, formats: &[Format]) -> Result<()> {
    let render = crate::brand::BrandFile::given(&args.render)?;
    let Loaded {
        guide,
        files,
        fonts,
        brand,
        ..
    } = app.load(&render.content)?;
    // The edition's own folder: that of the last guide.toml read (the bases' come first).
    let folder = files
        .iter()
        .rev()
        .find(|f| f.path.file_name() == Some(std::ffi::OsStr::new(mht_guide::GUIDE_FILE)))
        .and_then(|f| f.path.parent());
    let render = crate::brand::BrandFile::of_edition(&render, brand.as_ref(), folder)?;
    let mut options = options(app, &render)?;
    if args.fragment {
        options.set_fragment(fragment(args)?);
    }
    options.set_allow_overflow(args.allow_overflow);
    let options = &with_edition_fonts(&options, &fonts)?;
    // The folders the guide was made from, the bases' included: no output may land in them.
    let mut protected: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.path.parent().map(Path::to_path_buf))
        .collect();
    protected.dedup();
    let several = formats.len() > 1;
    let file_name = |format: Format| format!("{}.{}", guide.meta.slug, format.extension());
    // Every format is exported before anything is written.
    let mut outputs = Vec::new();
    let mut failed: Option<(Format, anyhow::Error)> = None;
    for &format in formats {
        let start = Instant::now();
        let exported = match format {
            Format::Pdf => mht_guide_export::to_pdf_handout(&guide, options).map(|pdf| {
                pdf_report(app, &pdf);
                pdf.into_bytes()
            }),
            _ => mht_guide_export::export(&guide, format, options),
        };
        let bytes = match exported {
            Ok(bytes) => bytes,
            Err(err) if several && failed.is_none() => {
                failed = Some((format, export_error(err, format, &files, &guide, options)));
                continue;
            }
            Err(err) => return Err(export_error(err, format, &files, &guide, options)),
        };
        app.detail(&format!(
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
                staged.push(output::stage(path, bytes, &protected, &hint)?);
            }
        }
    }
    output::place_all(staged)?;
    if let Some(bytes) = to_stdout {
        output::write_stdout(bytes)?;
    }
    for (target, bytes) in &outputs {
        if let Target::File(_) = target {
            app.say(&format!(
                "wrote {} ({} bytes)",
                target.describe(),
                bytes.len()
            ));
        }
    }
    match failed {
        Some((format, err)) => Err(err.context(format!(
            "the {format} was not written; every other format was"
        ))),
        None => Ok(()),
    }
}

/// What laying a PDF out found: its pages and, with -v, how a fact sheet was tightened; a
/// warning when it was let run past its pages.
fn pdf_report(app: &App, pdf: &mht_guide_export::PdfHandout) {
    let adjustments: Vec<String> = pdf.adjustments().iter().map(ToString::to_string).collect();
    match adjustments.is_empty() {
        true => app.detail(&format!("the PDF has {} pages", pdf.pages())),
        false => app.detail(&format!(
            "the PDF has {} pages, with {}",
            pdf.pages(),
            adjustments.join(", ")
        )),
    }
    if let Some(overflow) = pdf.overflow() {
        app.warn(&format!("{overflow} (written anyway: --allow-overflow)"));
    }
}

/// An export error as the command reports it: when characters in the content caused it, with
/// the places that hold them.
pub(crate) fn export_error(
    err: mht_guide_export::ExportError,
    format: Format,
    files: &[ContentFile],
    guide: &mht_guide::Guide,
    options: &Options,
) -> anyhow::Error {
    use mht_guide_export::ExportError;
    if let (true, ExportError::Undrawable { characters }) = (err.in_options(), &err) {
        return options_error(format, characters).into();
    }
    if let ExportError::Overflow(overflow) = &err {
        return anyhow::anyhow!(
            "cannot export the guide as {format}: {overflow}; or write it anyway with \
             --allow-overflow"
        );
    }
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
        places: unprintable::places(
            files,
            Some(&chars),
            &mht_guide_export::Coverage::new(guide.meta.language.as_str(), options),
        )
        .into_iter()
        .map(mht_guide::Diagnostic::into_error)
        .collect(),
    }
    .into()
}

/// Characters that only the command's options hold and the PDF cannot draw: a usage error that
/// names each character and the option to change, never a place in the content.
fn options_error(format: Format, characters: &[mht_guide_export::Undrawable]) -> UsageError {
    use mht_guide_export::{Origin, TextOption};
    let mut flags = std::collections::BTreeSet::new();
    for place in characters.iter().flat_map(|u| &u.places) {
        if let Origin::Option(option) = place {
            flags.insert(match option {
                TextOption::Organization => "--org",
                TextOption::Contact => "--contact",
                TextOption::Qr => "--qr",
                _ => "an export option",
            });
        }
    }
    let chars: Vec<String> = characters
        .iter()
        .map(|u| {
            format!(
                "`{}` (U+{:04X})",
                u.character.escape_debug(),
                u32::from(u.character)
            )
        })
        .collect();
    UsageError(format!(
        "cannot export the guide as {format}: no font the PDF has can draw {} in {}; change \
         {}, or give a font that has {} with --font",
        chars.join(", "),
        flags.iter().copied().collect::<Vec<_>>().join(" and "),
        if flags.len() == 1 { "it" } else { "them" },
        if chars.len() == 1 { "it" } else { "them" },
    ))
}

/// A branding option's text, held to the content's rules for text (one line, not empty, no
/// control, bidirectional-control or noncharacter code points). The value is not echoed as
/// given: hidden characters show as `<U+XXXX>`, so a control sequence cannot reach the terminal.
pub(crate) fn branding(option: &str, value: &str) -> Result<mht_guide::Text> {
    let text = mht_guide::Text::parse(value).map_err(|why| {
        UsageError(format!(
            "invalid value `{}` for {option}: {why}",
            mht_guide::shown(value)
        ))
    })?;
    if let Some(why) = crate::brand::too_long(option, value) {
        return Err(UsageError(format!("{option} is too long: {why}")).into());
    }
    Ok(text)
}

/// The formats to export: --all, --format, or the extension of -o.
pub(crate) fn formats(args: &ExportArgs) -> Result<Vec<Format>> {
    if args.all {
        return Ok(Format::ALL.to_vec());
    }
    if !args.format.is_empty() {
        return Ok(args.format.iter().map(|&f| f.into()).collect());
    }
    // A fragment is HTML, whatever the file is called.
    if args.fragment {
        return Ok(vec![Format::Html]);
    }
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            match Format::from_extension(&path.to_string_lossy()) {
                Some(format) => Ok(vec![format]),
                None => Err(UsageError(format!(
                    "cannot tell the format from `{}`; end the file name in {}, or give \
                     --format",
                    path.display(),
                    listed(|f| format!(".{}", f.extension()))
                ))
                .into()),
            }
        }
        _ => Err(UsageError(format!(
            "which format? give --format ({}), --all, or -o with a file name such as handout.pdf",
            listed(|f| f.name().to_owned())
        ))
        .into()),
    }
}

/// Every format, as running text: `md, json, html, epub or pdf`.
fn listed(name: impl Fn(Format) -> String) -> String {
    let names: Vec<String> = Format::ALL.iter().map(|&f| name(f)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// The reproducible-builds timestamp, when `SOURCE_DATE_EPOCH` is set: a usage error when it
/// is not a time a file's date can hold.
pub(crate) fn source_date_epoch() -> Result<Option<i64>> {
    let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    match value.trim().parse::<i64>() {
        Ok(seconds) if (0..=mht_guide_export::LATEST_TIMESTAMP).contains(&seconds) => {
            Ok(Some(seconds))
        }
        _ => Err(UsageError(format!(
            "SOURCE_DATE_EPOCH is `{}`; it must be a whole number of seconds from 0 \
             (1970-01-01) to {} (9999-12-31T23:59:59Z)",
            mht_guide::shown(&value),
            mht_guide_export::LATEST_TIMESTAMP
        ))
        .into()),
    }
}
