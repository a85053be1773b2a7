//! `new-edition` and `schema`: the content as a starting point for an edition of one's own.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::staging::TempDir;
use anyhow::{Context, Result, bail};
use mht_guide::schema;

/// Copies the files of the built-in edition `base`, and their schemas, into a new folder
/// `dir`; with `minimal`, writes only a guide.toml that names `base` as its base; with
/// `brand`, also a starter brand.toml and its schema.
///
/// The files are written into a hidden folder beside `dir` and renamed into place once all are
/// on disk, so a failure leaves no half-made edition. Returns the number of files written.
pub(crate) fn create(dir: &Path, base: &str, minimal: bool, brand: bool) -> Result<usize> {
    let shown = dir.display();
    // The new folder is renamed into place, which a link at the path would refuse.
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = fs::read_link(dir).map_or_else(|_| "?".into(), |t| t.display().to_string());
        bail!(
            "cannot make the edition at {shown}: it is a link (to {target}), and an edition is \
             made as a new folder; give the folder the link leads to, or a new path"
        );
    }
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .with_context(|| format!("cannot use {shown}: it is not a folder"))?
            .next()
            .is_none();
        if !empty {
            bail!("{shown} already exists and is not empty; give a new folder for the edition");
        }
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    // A temporary folder beside the edition, named relative to the working folder, so that a
    // very deep working folder still works; an edition is an ordinary folder (0755).
    let staging = TempDir::new_in(&parent, ".mht-guide-edition-", 0o755)
        .with_context(|| format!("cannot create a folder in {}", parent.display()))?;
    let files = mht_guide::BuiltIn::named(base)?.files;
    let mut written = 0;
    // An edition that stands on a base may leave out any field, and its schemas say so; the
    // built-in editions other than English stand on it.
    let inherits = minimal || base != "en";
    if minimal {
        let text = minimal_guide(base);
        write(&staging.path().join(mht_guide::GUIDE_FILE), text.as_bytes())?;
        written += 1;
    } else {
        for (name, text) in files {
            write(&staging.path().join(name), text.as_bytes())?;
            written += 1;
        }
    }
    let schemas = staging.path().join(schema::SCHEMA_DIR);
    fs::create_dir(&schemas).context("cannot create the schemas folder")?;
    let all = if inherits {
        schema::all_partial()
    } else {
        schema::all()
    };
    for (name, json) in all {
        write(&schemas.join(name), json.as_bytes())?;
        written += 1;
    }
    if brand {
        let starter = crate::brand::starter();
        write(
            &staging.path().join(mht_guide::BRAND_FILE),
            starter.as_bytes(),
        )?;
        let name = schema::file_name(mht_guide::BRAND_FILE);
        write(&schemas.join(name), crate::brand::schema().as_bytes())?;
        written += 2;
    }
    staging
        .place(dir)
        .with_context(|| format!("cannot create {shown}"))?;
    Ok(written)
}

/// The guide.toml of a minimal edition on the built-in edition `base`.
fn minimal_guide(base: &str) -> String {
    format!(
        "{}\n\
         # An edition based on the built-in `{base}` guide. Every file and every field left out\n\
         # here comes from it, so new figures in the built-in guide reach this edition too.\n\
         # Add only what you change: a field below, or a section file beside this one that\n\
         # holds just its changed fields (see `mht-guide new-edition` without --minimal).\n\
         base = \"{base}\"\n\
         \n\
         # publisher = \"Your organization\"\n",
        schema::directive(mht_guide::GUIDE_FILE)
    )
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file =
        fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The JSON Schema of a content file named without `.toml` (`guide`, `faq`, ...).
/// With `partial`, the schema of the file in an edition with a base, where any field may be
/// left out.
pub(crate) fn schema(file: &str, partial: bool) -> String {
    // The argument parser accepts only names of content files, which all have a schema, and
    // the brand file's.
    let name = format!("{file}.toml");
    if name == mht_guide::BRAND_FILE {
        return crate::brand::schema();
    }
    if partial {
        schema::partial(&name)
    } else {
        schema::json(&name)
    }
    .unwrap_or_default()
}
