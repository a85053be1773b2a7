//! `check` and `sections`: what an edition holds, and what to look at again.

use std::process::ExitCode;

use anyhow::Result;
use mht_guide::{SectionId, Severity};

use crate::args::{CheckArgs, ContentArgs};
use crate::report::{self, Verbosity};
use crate::{App, built_in, edition_folder, place_of, print, today, unprintable};

/// Runs `sections`: each section's id, heading and number of words.
pub(crate) fn sections(app: &App, args: &ContentArgs) -> Result<ExitCode> {
    let guide = app.load(args)?.guide;
    let width = SectionId::ALL
        .iter()
        .map(|id| id.id().len())
        .max()
        .unwrap_or(0);
    // Titles are padded by the columns a terminal gives them: a Chinese character takes two.
    let columns = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let title_width = SectionId::ALL
        .iter()
        .map(|&id| columns(guide.labels.section(id)))
        .max()
        .unwrap_or(0);
    // Chinese and Japanese readers count text by the character.
    let unit = match guide.meta.language.primary() {
        "zh" | "ja" | "yue" => "characters",
        _ => "words",
    };
    let mut out = String::new();
    for section in guide.sections() {
        let id = section.id();
        let title = guide.labels.section(id);
        out.push_str(&format!(
            "{:width$}  {title}{:pad$}  {:>5} {unit}\n",
            id.id(),
            "",
            section.word_count(),
            pad = title_width - columns(title),
        ));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `check`: every error, then the review: words, reading level, where each file comes
/// from, and the warnings.
pub(crate) fn run(app: &App, args: &CheckArgs) -> Result<ExitCode> {
    let as_of = args.as_of.unwrap_or_else(today);
    let folder = edition_folder(&args.content)?;
    let dir = folder.as_ref().map(|f| f.dir().to_path_buf());
    let review = match &folder {
        Some(folder) => folder.review(as_of)?,
        None => built_in(&args.content, |edition| edition.review(as_of))?,
    };
    // The fonts the edition names are drawn with in its PDF: one that cannot be is an error.
    let mut fonts = mht_guide_export::Options::new();
    fonts.set_system_fonts(!args.no_system_fonts);
    let fonts = crate::export::with_edition_fonts(&fonts, review.fonts())?;
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
    let coverage = mht_guide_export::Coverage::new(review.guide().meta.language.as_str(), &fonts);
    warnings.extend(unprintable::places(review.files(), None, &coverage));
    // The fact sheet is measured as `export` makes it: branded by the edition's own brand
    // file, whose problems are the edition's.
    let mut sheet = fonts.clone();
    if let Some(folder) = &folder
        && let Some(brand) = folder.load()?.brand
    {
        let none = crate::args::RenderArgs::none()?;
        let render = crate::brand::BrandFile::of_edition(&none, Some(&brand), Some(folder.dir()))?;
        sheet = crate::export::options(app, &render)?;
        sheet.set_system_fonts(!args.no_system_fonts);
        sheet = crate::export::with_edition_fonts(&sheet, review.fonts())?;
    }
    warnings.extend(fact_sheet_overflow(&review, &sheet));
    let warnings: Vec<mht_guide::Diagnostic> =
        warnings.into_iter().map(|w| review.attribute(w)).collect();
    let warnings = &warnings;
    if app.verbosity >= Verbosity::Normal || args.deny_warnings {
        let mut err = report::stderr().lock();
        for w in warnings {
            report::diagnostic(&mut err, w)?;
        }
    }
    let n = warnings.len();
    if n > 0 {
        let inherited = warnings.iter().filter(|w| w.inherited().is_some()).count();
        // The base they come from, when it is one, else "base editions".
        let bases: Vec<&str> = warnings.iter().filter_map(|w| w.inherited()).collect();
        let from = match bases.first() {
            Some(first) if bases.iter().all(|b| b == first) => *first,
            _ => "base editions",
        };
        let plural = match (n, inherited) {
            (1, 0) => String::new(),
            (_, 0) => "s".to_owned(),
            (1, 1) => format!(", inherited from {from}"),
            (n, i) if n == i => format!("s, all inherited from {from}"),
            (_, i) => format!("s, {i} of them inherited from {from}"),
        };
        if args.deny_warnings {
            report::headline(
                &mut report::stderr(),
                Severity::Error,
                &format!("{n} warning{plural}, denied by --deny-warnings"),
            )?;
            return Ok(ExitCode::from(1));
        }
        app.warn(&format!("{n} warning{plural}"));
    }
    Ok(ExitCode::SUCCESS)
}

/// A warning for each paper on which the edition's fact sheet would not keep to its two
/// pages even tightened (the export would refuse it), on the file of its longest section, or
/// on its guide.toml when the title block is longest.
fn fact_sheet_overflow(
    review: &mht_guide::Review,
    fonts: &mht_guide_export::Options,
) -> Vec<mht_guide::Diagnostic> {
    use mht_guide_export::{ExportError, Paper, Preset};
    // The last file of a name is the edition's own; the bases' come first.
    let file = |name: &str| {
        review
            .files()
            .iter()
            .rev()
            .find(|f| f.path.file_name() == Some(std::ffi::OsStr::new(name)))
    };
    [Paper::Letter, Paper::A4]
        .into_iter()
        .filter_map(|paper| {
            let options = fonts
                .clone()
                .with_preset(Preset::FactSheet)
                .with_paper(paper);
            match mht_guide_export::to_pdf_handout(review.guide(), &options) {
                Err(ExportError::Overflow(overflow)) => {
                    let longest = overflow.parts.first().and_then(|p| p.section.as_deref());
                    let at = longest
                        .and_then(|id| file(&format!("{id}.toml")))
                        .or_else(|| file(mht_guide::GUIDE_FILE))?;
                    Some(mht_guide::Diagnostic::warning_at(
                        &at.path,
                        &at.text,
                        0,
                        format!(
                            "on {paper} paper, {overflow}; `mht-guide export --preset \
                             fact-sheet` refuses it without --allow-overflow"
                        ),
                    ))
                }
                _ => None,
            }
        })
        .collect()
}
