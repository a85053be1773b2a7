//! `translate`: a PO catalog out for a translator, a checked edition back, catalogs kept up to
//! date with their source, counts of what is left, and fingerprints recorded by hand.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use mht_guide::translate::{self, Catalog, Status};
use mht_guide::{BuiltIn, EditionFolder, LoadError, Loaded};

use crate::args::{
    ContentArgs, TranslateArgs, TranslateCommand, TranslateExtractArgs, TranslateImportArgs,
    TranslateMarkArgs, TranslateStatusArgs, TranslateUpdateArgs,
};
use crate::{App, LocatedError, UsageError, edition_folder, output};

/// The largest PO file read: the guide's catalog is about half a megabyte.
const MAX_PO_BYTES: u64 = 16 * 1024 * 1024;

pub(crate) fn run(app: &App, args: &TranslateArgs) -> Result<ExitCode> {
    match &args.command {
        TranslateCommand::Extract(args) => extract(app, args),
        TranslateCommand::Import(args) => import(app, args),
        TranslateCommand::Update(args) => update(app, args),
        TranslateCommand::Status(args) => status(app, args),
        TranslateCommand::MarkCurrent(args) => mark_current(app, args),
    }
}

/// How a catalog names an edition as a source: a built-in edition's name, or the folder as
/// given.
fn source_name(args: &ContentArgs) -> String {
    match (&args.content, &args.edition) {
        (Some(dir), _) => dir.display().to_string(),
        (None, Some(name)) => name.clone(),
        (None, None) => "en".to_owned(),
    }
}

fn extract(app: &App, args: &TranslateExtractArgs) -> Result<ExitCode> {
    let loaded = app.load(&args.content)?;
    let mut catalog = translate::extract(&loaded);
    if catalog.header("X-Source-Edition").is_none() {
        catalog.set_header("X-Source-Edition", source_name(&args.content));
    }
    if let Some(language) = &args.language {
        let tag = mht_guide::Language::parse(language)
            .map_err(|err| UsageError(format!("--language {language}: {err}")))?;
        if catalog.header("Language").is_some_and(|l| !l.is_empty()) {
            bail!(
                "--language is for a catalog of an edition with no base; this edition's \
                 catalog is in its own language, `{}`",
                catalog.header("Language").unwrap_or_default()
            );
        }
        catalog.set_header("Language", tag.as_str());
    }
    let text = catalog.to_po();
    write_out(app, args.output.as_deref(), text.as_bytes(), &args.content)?;
    let status = Status::of_catalog(&catalog);
    app.say(&format!(
        "{} entries: {} translated, {} stale, {} untranslated",
        catalog.entries.len(),
        status.translated,
        status.stale,
        status.untranslated
    ));
    Ok(ExitCode::SUCCESS)
}

/// Writes to a file atomically, or to standard output for `-` or no path.
fn write_out(app: &App, path: Option<&Path>, bytes: &[u8], content: &ContentArgs) -> Result<()> {
    match path {
        None => crate::output::write_stdout(bytes),
        Some(p) if p == Path::new("-") => crate::output::write_stdout(bytes),
        Some(path) => {
            let protected: Vec<PathBuf> = content.content.iter().cloned().collect();
            let staged = output::stage(path, bytes, &protected, "give a file name")?;
            output::place_all(vec![staged])?;
            app.say(&format!("wrote {}", path.display()));
            Ok(())
        }
    }
}

/// Reads and parses a PO file, refusing one that is too large or not UTF-8.
fn read_po(path: &Path) -> Result<(String, Catalog)> {
    let shown = path.display();
    let meta = fs::metadata(path).with_context(|| format!("cannot read {shown}"))?;
    if meta.len() > MAX_PO_BYTES {
        bail!(
            "{shown} is {} bytes, more than a catalog of this guide can be ({MAX_PO_BYTES}); \
             give the PO file",
            meta.len()
        );
    }
    let bytes = fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "{shown} is not UTF-8 (at byte {}); save it as UTF-8",
            err.utf8_error().valid_up_to()
        )
    })?;
    let catalog = Catalog::parse(path, &text).map_err(|d| LocatedError {
        message: format!("{shown} is not a PO file this tool can read; nothing was written"),
        places: vec![d],
    })?;
    Ok((text, catalog))
}

/// The source edition a catalog names, loaded: a built-in edition, or a folder.
fn load_source(app: &App, named: &str) -> Result<Loaded> {
    if let Ok(edition) = BuiltIn::named(named) {
        return Ok(edition.load()?);
    }
    let dir = Path::new(named);
    if !dir.join(mht_guide::GUIDE_FILE).is_file() {
        bail!(
            "the source edition `{named}` is neither a built-in edition ({}) nor a folder \
             holding {}; give it with --base",
            mht_guide::BUILT_IN
                .map(|e| format!("`{}`", e.name))
                .join(", "),
            mht_guide::GUIDE_FILE
        );
    }
    app.detail(&format!("source edition: {}", dir.display()));
    Ok(EditionFolder::new(dir).load()?)
}

fn import(app: &App, args: &TranslateImportArgs) -> Result<ExitCode> {
    let (text, catalog) = read_po(&args.file)?;
    let named = match (&args.base, catalog.header("X-Source-Edition")) {
        (Some(base), _) => base.clone(),
        (None, Some(named)) if !named.is_empty() => named.to_owned(),
        _ => bail!(
            "{} does not say which edition it translates (no X-Source-Edition header); give it \
             with --base",
            args.file.display()
        ),
    };
    let source = load_source(app, &named)?;
    let dir = &args.into;
    // The base as the new guide.toml names it: a built-in name, or the folder from `dir`.
    let base = if BuiltIn::named(&named).is_ok() {
        named.clone()
    } else {
        relative(Path::new(&named), dir)?
    };
    let old_files: Vec<PathBuf> = content_files(dir);
    let mut existing = Vec::new();
    for path in &old_files {
        let text =
            fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        existing.push((name.to_owned(), text));
    }
    if !old_files.is_empty() && !args.replace {
        bail!(
            "{} already holds an edition ({} content files); add --replace to write the \
             imported edition over it (its fonts and direction settings are kept)",
            dir.display(),
            old_files.len()
        );
    }
    let imported = translate::import(
        &catalog,
        (&args.file, &text),
        &source,
        dir,
        &base,
        &existing,
    )
    .map_err(|err: LoadError| {
        let n = err.diagnostics().len();
        LocatedError {
            message: format!(
                "the translation in {} has {n} problem{}; nothing was written",
                args.file.display(),
                if n == 1 { "" } else { "s" }
            ),
            places: err.diagnostics().to_vec(),
        }
    })?;
    for context in &imported.unused {
        app.warn(&format!(
            "{}: the entry `{context}` is not in the source edition any more, so it was left \
             out; run `mht-guide translate update` to mark it obsolete",
            args.file.display()
        ));
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = imported
        .files
        .iter()
        .map(|(name, text)| (dir.join(name), text.as_bytes().to_vec()))
        .collect();
    for (name, json) in mht_guide::schema::all_partial() {
        files.push((
            dir.join(mht_guide::schema::SCHEMA_DIR).join(name),
            json.into_bytes(),
        ));
    }
    if dir.exists() {
        fs::create_dir_all(dir.join(mht_guide::schema::SCHEMA_DIR))
            .with_context(|| format!("cannot create the schemas folder in {}", dir.display()))?;
        let mut staged = Vec::new();
        for (path, bytes) in &files {
            staged.push(output::stage(path, bytes, &[], "move it out of the way")?);
        }
        output::place_all(staged)?;
        // A content file the import no longer gives would still be laid over the base.
        for old in old_files {
            if !files.iter().any(|(p, _)| *p == old) {
                fs::remove_file(&old)
                    .with_context(|| format!("cannot remove {}", old.display()))?;
                app.say(&format!(
                    "removed {}, which the edition no longer has",
                    old.display()
                ));
            }
        }
    } else {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let staging = crate::staging::TempDir::new_in(&parent, ".mht-guide-edition-", 0o755)
            .with_context(|| format!("cannot create a folder in {}", parent.display()))?;
        fs::create_dir(staging.path().join(mht_guide::schema::SCHEMA_DIR))
            .context("cannot create the schemas folder")?;
        for (path, bytes) in &files {
            let inside = path.strip_prefix(dir).unwrap_or(path);
            fs::write(staging.path().join(inside), bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        staging
            .place(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let status = imported.status;
    app.say(&format!(
        "imported {} into {}: {} texts translated, {} stale (fuzzy, kept and marked stale); \
         check it with `mht-guide check --content {}`",
        args.file.display(),
        dir.display(),
        status.translated,
        status.stale,
        dir.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// The content files a folder holds now.
fn content_files(dir: &Path) -> Vec<PathBuf> {
    mht_guide::file_names()
        .chain([translate::FINGERPRINTS_FILE.to_owned()])
        .map(|name| dir.join(name))
        .filter(|p| p.is_file())
        .collect()
}

/// `target` as a path from the folder `from`, for a `base` in guide.toml.
fn relative(target: &Path, from: &Path) -> Result<String> {
    let absolute = |p: &Path| -> Result<PathBuf> {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .context("cannot read the working folder")?
                .join(p)
        };
        // Lexically, since `from` may not exist yet.
        let mut out = PathBuf::new();
        for part in p.components() {
            match part {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                other => out.push(other),
            }
        }
        Ok(out)
    };
    let (target, from) = (absolute(target)?, absolute(from)?);
    let common = target
        .components()
        .zip(from.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in from.components().skip(common) {
        out.push("..");
    }
    for part in target.components().skip(common) {
        out.push(part);
    }
    Ok(out.to_string_lossy().replace('\\', "/"))
}

fn update(app: &App, args: &TranslateUpdateArgs) -> Result<ExitCode> {
    let (_, old) = read_po(&args.file)?;
    let fresh = if args.content.content.is_some() || args.content.edition.is_some() {
        let loaded = app.load(&args.content)?;
        let mut fresh = template(&loaded);
        if fresh.header("X-Source-Edition").is_none() {
            fresh.set_header("X-Source-Edition", source_name(&args.content));
        }
        fresh
    } else {
        let Some(named) = old.header("X-Source-Edition").filter(|n| !n.is_empty()) else {
            bail!(
                "{} does not say which edition it translates (no X-Source-Edition header); \
                 give it with --edition or --content",
                args.file.display()
            );
        };
        template(&load_source(app, named)?)
    };
    let updated = old.update(&fresh);
    let text = updated.to_po();
    let target = args.output.as_deref().unwrap_or(&args.file);
    write_out(app, Some(target), text.as_bytes(), &args.content)?;
    let count = |f: fn(&translate::Entry) -> bool| updated.entries.iter().filter(|e| f(e)).count();
    let status = Status::of_catalog(&updated);
    app.say(&format!(
        "{} entries: {} translated, {} fuzzy, {} untranslated, {} obsolete",
        count(|e| !e.obsolete),
        status.translated,
        status.stale,
        status.untranslated,
        count(|e| e.obsolete)
    ));
    Ok(ExitCode::SUCCESS)
}

/// A catalog of an edition's texts as a source to translate, whatever translations it has.
fn template(loaded: &Loaded) -> Catalog {
    let mut catalog = translate::extract(loaded);
    // An edition with a base is the source of a translation of it: its own texts are the
    // sources, so they are read from it as from an edition with no base.
    if catalog.entries.iter().any(|e| !e.translation.is_empty()) {
        for entry in &mut catalog.entries {
            if !entry.translation.is_empty() {
                entry.source = std::mem::take(&mut entry.translation);
            }
            entry.fuzzy = false;
        }
    }
    catalog
}

fn status(app: &App, args: &TranslateStatusArgs) -> Result<ExitCode> {
    let mut rows: Vec<(String, String, Status)> = Vec::new();
    for file in &args.files {
        let (_, catalog) = read_po(file)?;
        let language = catalog.header("Language").unwrap_or_default().to_owned();
        rows.push((
            file.display().to_string(),
            language,
            Status::of_catalog(&catalog),
        ));
    }
    let chosen = args.content.content.is_some() || args.content.edition.is_some();
    if chosen {
        let loaded = app.load(&args.content)?;
        let name = source_name(&args.content);
        rows.push((
            name,
            loaded.guide.meta.language.as_str().to_owned(),
            Status::of_edition(&loaded),
        ));
    } else if args.files.is_empty() {
        for edition in mht_guide::BUILT_IN.iter().filter(|e| e.name != "en") {
            let loaded = edition.load()?;
            rows.push((
                edition.name.to_owned(),
                loaded.guide.meta.language.as_str().to_owned(),
                Status::of_edition(&loaded),
            ));
        }
    }
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max(7);
    let mut out = format!(
        "{:width$}  {:8}  {:>10}  {:>5}  {:>12}  {:>10}\n",
        "edition", "language", "translated", "stale", "untranslated", "words left"
    );
    let mut behind = false;
    for (name, language, s) in &rows {
        behind |= s.stale + s.untranslated > 0;
        out.push_str(&format!(
            "{name:width$}  {language:8}  {:>10}  {:>5}  {:>12}  {:>10}\n",
            s.translated, s.stale, s.untranslated, s.words_left
        ));
    }
    crate::print(&out)?;
    Ok(if behind && args.deny_stale {
        app.warn("some texts are stale or untranslated");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn mark_current(app: &App, args: &TranslateMarkArgs) -> Result<ExitCode> {
    let Some(folder) = edition_folder(&args.content)? else {
        bail!("give the edition's folder with --content; a built-in edition cannot be changed");
    };
    if args.contexts.is_empty() && !args.all {
        return Err(UsageError(
            "name the texts to mark as current (their contexts, as `check` and `translate \
             extract` give them), or give --all"
                .into(),
        )
        .into());
    }
    let loaded = folder.load()?;
    let text = translate::mark_current(&loaded, &args.contexts).map_err(anyhow::Error::msg)?;
    let path = folder.dir().join(translate::FINGERPRINTS_FILE);
    let staged = output::stage(&path, text.as_bytes(), &[], "move it out of the way")?;
    output::place_all(vec![staged])?;
    let marked = if args.all {
        "every text it translates".to_owned()
    } else {
        format!("{} texts", args.contexts.len())
    };
    app.say(&format!(
        "wrote {}: {marked} marked as translated from the current source",
        path.display()
    ));
    Ok(ExitCode::SUCCESS)
}
