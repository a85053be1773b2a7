//! Where the content holds characters the PDF cannot print: `check` warns about them at their
//! place, and a PDF export that fails on them lists the same places. Both look at the files
//! the loader read, the bases' included.

use mht_guide::{ContentFile, Diagnostic};
use mht_guide_export::Unprintable;
use std::collections::BTreeMap;

/// At most this many places are shown for one character in one file.
const PLACES: usize = 3;

/// A warning for each place (a few per character and file) where the content holds a
/// character the PDF cannot print, restricted to `only` when given. Comment lines are skipped:
/// they are never printed.
pub(crate) fn places(files: &[ContentFile], only: Option<&[char]>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ContentFile { path, text, .. } in files {
        let mut seen: BTreeMap<char, usize> = BTreeMap::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim_start().starts_with('#') {
                // Right-to-left text is reported once a line, at its first letter.
                let mut rtl_reported = false;
                for (i, c) in line.char_indices() {
                    if only.is_some_and(|only| !only.contains(&c)) {
                        continue;
                    }
                    let Some(why) = mht_guide_export::unprintable(c) else {
                        continue;
                    };
                    if why == Unprintable::RightToLeft {
                        if rtl_reported {
                            continue;
                        }
                        rtl_reported = true;
                    }
                    let key = if why == Unprintable::RightToLeft {
                        '\u{5D0}'
                    } else {
                        c
                    };
                    let n = seen.entry(key).or_default();
                    *n += 1;
                    if *n <= PLACES {
                        out.push(Diagnostic::warning_at(
                            path,
                            text,
                            offset + i,
                            message(c, why),
                        ));
                    }
                }
            }
            offset += line.len();
        }
    }
    out
}

fn message(c: char, why: Unprintable) -> String {
    let shown = format!("`{c}` (U+{:04X})", u32::from(c));
    match why {
        Unprintable::RightToLeft => format!(
            "right-to-left text (from {shown} on), which the PDF cannot lay out yet and \
             refuses; the HTML, EPUB and Markdown exports carry it correctly"
        ),
        _ => format!(
            "{shown} is in none of the PDF's fonts, so a PDF export refuses it; replace it, or \
             export another format"
        ),
    }
}
