//! Emphasis markers CommonMark did not read: `**精神科技术员（PT）**遵照` prints its `**`,
//! because a closing `**` after punctuation must be followed by white space or punctuation,
//! which Chinese and Japanese do not put there. `check` names each text that keeps such
//! markers after it is read.

use crate::diag::Diagnostic;
use crate::load::Loaded;
use crate::prose::{Inline, Prose, walk_inlines};

use super::untranslated::{every_string, own_files};

/// A warning for each text of the edition's own files whose emphasis markers (`**`, `__`)
/// were left as text.
pub(super) fn warnings(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for (name, file) in own_files(loaded) {
        every_string(name, &file.text, &mut |s, offset| {
            if !(s.contains("**") || s.contains("__")) {
                return;
            }
            let Ok(prose) = Prose::parse(s) else {
                return;
            };
            let mut left = None;
            walk_inlines(prose.blocks(), &mut |inline| {
                if let Inline::Text(text) = inline
                    && left.is_none()
                {
                    left = ["**", "__"].into_iter().find(|m| text.contains(m));
                }
            });
            if let Some(marker) = left {
                warnings.push(Diagnostic::warning_at(
                    &file.path,
                    &file.text,
                    offset,
                    format!(
                        "this text prints `{marker}` as it is: CommonMark reads a closing \
                         `{marker}` after punctuation only when a space or punctuation follows; \
                         put the punctuation outside the markers (`**精神科技术员**（PT）`) or \
                         leave the emphasis out"
                    ),
                ));
            }
        });
    }
    warnings
}
