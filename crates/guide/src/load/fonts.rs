//! The font files an edition names for its PDF handout: `fonts` in `guide.toml`.
//!
//! Each path is relative to the folder of the `guide.toml` that names it and must lead to a
//! file inside that folder (a subfolder such as `fonts/` is fine), read by the same rules as
//! the content files: no link out of the folder, a regular file, under a size cap. An edition
//! that names no fonts has its nearest base's. The loader checks that each file is a font file
//! by its first bytes; the PDF exporter reads it in full when it draws with it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::GUIDE_FILE;
use super::read::read_inside;
use super::stack::Layer;
use crate::diag::Diagnostic;

/// The largest font file an edition may name: the biggest CJK collections are about 30 MB.
pub const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// A font file an edition names in `guide.toml` (`fonts = ["fonts/NotoSansKhmer-Regular.ttf"]`)
/// for its PDF handout to draw the scripts the handout's own fonts lack.
///
/// # Examples
///
/// ```
/// // The built-in editions name no fonts: the handout's own draw all their text.
/// let loaded = mht_guide::BuiltIn::named("es").unwrap().load()?;
/// assert!(loaded.fonts.is_empty());
/// # Ok::<(), mht_guide::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EditionFont {
    /// The file: the folder of the `guide.toml` that names it, joined with the path it gives.
    pub path: PathBuf,
    /// The file's bytes.
    pub data: Arc<[u8]>,
    /// Where `guide.toml` names it, for a problem found later.
    named_at: Diagnostic,
}

impl EditionFont {
    /// An error at the place `guide.toml` names this font, such as the exporter's reason for
    /// not drawing with it.
    pub fn problem(&self, message: impl Into<String>) -> Diagnostic {
        self.named_at.with_message(message.into())
    }
}

/// The fonts of the nearest layer, from the edition itself down, whose `guide.toml` names any,
/// and the problems with them.
pub(super) fn resolve(layers: &[Layer], problems: &mut Vec<Diagnostic>) -> Vec<EditionFont> {
    for layer in layers.iter().rev() {
        let Some((path, Ok(text))) = layer.files.files.get(GUIDE_FILE) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Some(named) = named_fonts(text) else {
            continue;
        };
        let mut fonts = Vec::new();
        // An empty name is reported as empty text where guide.toml is read.
        for (name, offset) in named.into_iter().filter(|(name, _)| !name.is_empty()) {
            let at = |message: String| Diagnostic::at_offset(path, text, offset, message);
            let Some(dir) = &layer.files.dir else {
                problems.push(at(format!(
                    "`{name}` cannot be read: fonts can be named only by an edition read from a \
                     folder, beside its content"
                )));
                continue;
            };
            match read_font(dir, &name) {
                Ok(data) => fonts.push(EditionFont {
                    path: dir.join(&name),
                    data: data.into(),
                    named_at: at(String::new()),
                }),
                Err(why) => problems.push(at(format!("the font `{name}` {why}"))),
            }
        }
        return fonts;
    }
    Vec::new()
}

/// The paths `fonts` gives, each with the offset of its string; `None` when the file names no
/// fonts (or does not parse, which the loader reports).
fn named_fonts(text: &str) -> Option<Vec<(String, usize)>> {
    let table = toml::de::DeTable::parse(text).ok()?;
    let value = table.get_ref().get("fonts")?;
    let toml::de::DeValue::Array(items) = value.get_ref() else {
        // Not an array: the field's type is reported where the file is read.
        return None;
    };
    Some(
        items
            .iter()
            .filter_map(|item| Some((item.get_ref().as_str()?.to_owned(), item.span().start)))
            .collect(),
    )
}

/// Reads a font file named in the folder `dir`, or says why it cannot be used (the words
/// after "the font `…`").
fn read_font(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    use std::path::Component;
    let relative = Path::new(name)
        .components()
        .all(|part| matches!(part, Component::Normal(_)));
    if !relative {
        return Err(format!(
            "is not a path inside this edition's folder ({}); put the font in the folder, or \
             a subfolder such as `fonts/`, and name it from there",
            dir.display()
        ));
    }
    let too_big = format!(
        "is larger than {} MiB, more than any font needs; check that this is the right file",
        MAX_FONT_BYTES / (1024 * 1024)
    );
    let bytes = match read_inside(dir, name, MAX_FONT_BYTES, &too_big) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(format!(
                "does not exist ({} is not there); check the spelling, or copy the font into \
                 the edition's folder",
                dir.join(name).display()
            ));
        }
        Err(why) if why == too_big => return Err(why),
        Err(why) => return Err(format!("cannot be used: {why}")),
    };
    match bytes.get(..4) {
        Some([0, 1, 0, 0] | b"OTTO" | b"true" | b"ttcf") => Ok(bytes),
        Some(b"wOFF" | b"wOF2") => Err(
            "is a WOFF web font, which a PDF cannot embed; name the TrueType or OpenType file \
             (.ttf, .otf, .ttc) of the same font"
                .into(),
        ),
        _ => Err(
            "is not a TrueType or OpenType font (.ttf, .otf) or a collection of them (.ttc)".into(),
        ),
    }
}
