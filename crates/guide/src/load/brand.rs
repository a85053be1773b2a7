//! The brand file an edition keeps for its handouts: `brand` in `guide.toml`, or a
//! `brand.toml` beside it.
//!
//! The guide itself has no use for it: the command line reads the file (the organization, its
//! contact line, logo, color and QR code, the paper) and brands every handout of the edition
//! with it. The loader finds and reads it by the same rules as the content files (inside the
//! edition's folder, no link out of it, a regular file, under a size cap), so that a problem
//! with it is told with the rest.

use std::path::Path;

use super::read::read_inside;
use super::stack::Layer;
use super::{ContentFile, GUIDE_FILE};
use crate::diag::Diagnostic;

/// The name of a brand file that an edition keeps beside its `guide.toml`.
pub const BRAND_FILE: &str = "brand.toml";

/// The largest brand file read: a few lines of settings.
const MAX_BRAND_BYTES: u64 = 64 * 1024;

/// The edition's brand file: the one its own `guide.toml` names, else a `brand.toml` beside
/// it; `None` for an edition that has neither, or is not read from a folder.
pub(super) fn resolve(layers: &[Layer], problems: &mut Vec<Diagnostic>) -> Option<ContentFile> {
    let layer = layers.len().checked_sub(1)?;
    let files = &layers[layer].files;
    let dir = files.dir.as_deref()?;
    let named = match files.files.get(GUIDE_FILE) {
        Some((path, Ok(text))) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            named_brand(text).map(|(name, offset)| (name, path.as_path(), text, offset))
        }
        _ => None,
    };
    let too_big = format!(
        "is larger than {} KiB, more than a brand file needs; check that this is the right file",
        MAX_BRAND_BYTES / 1024
    );
    let read = |name: &str| -> Result<Option<String>, String> {
        let outside = !Path::new(name)
            .components()
            .all(|part| matches!(part, std::path::Component::Normal(_)));
        if outside {
            return Err(format!(
                "is not a path inside this edition's folder ({}); keep the brand file in the \
                 folder and name it from there",
                dir.display()
            ));
        }
        match read_inside(dir, name, MAX_BRAND_BYTES, &too_big)? {
            None => Ok(None),
            Some(bytes) => String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| "is not UTF-8 text; save it as UTF-8".to_owned()),
        }
    };
    let (name, found) = match named {
        Some((name, path, text, offset)) => {
            let at = |message: String| Diagnostic::at_offset(path, text, offset, message);
            match read(&name) {
                Ok(Some(text)) => (name, text),
                Ok(None) => {
                    problems.push(at(format!(
                        "the brand file `{name}` does not exist ({} is not there); check the \
                         spelling, or remove `brand` to use none",
                        dir.join(&name).display()
                    )));
                    return None;
                }
                Err(why) => {
                    problems.push(at(format!("the brand file `{name}` {why}")));
                    return None;
                }
            }
        }
        None => match read(BRAND_FILE) {
            Ok(Some(text)) => (BRAND_FILE.to_owned(), text),
            Ok(None) => return None,
            Err(why) => {
                problems.push(Diagnostic::file(
                    &dir.join(BRAND_FILE),
                    format!("this file {why}"),
                ));
                return None;
            }
        },
    };
    Some(ContentFile {
        path: dir.join(name),
        text: found.strip_prefix('\u{feff}').unwrap_or(&found).to_owned(),
        layer,
    })
}

/// The path `brand` gives, with the offset of its string; `None` when the file names none (or
/// does not parse, or gives something else than a string, which the loader reports).
fn named_brand(text: &str) -> Option<(String, usize)> {
    let table = toml::de::DeTable::parse(text).ok()?;
    let value = table.get_ref().get("brand")?;
    Some((value.get_ref().as_str()?.to_owned(), value.span().start))
}
