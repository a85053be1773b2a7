//! What a translation must keep of its source text, said to the translator in the catalog's
//! notes and checked on import: the citations, the placeholders, the links and the Markdown.

use std::collections::BTreeSet;

use super::units::starts_block;

/// The note that marks a proper name, which may stay as the source writes it.
pub(crate) const OPTIONAL_NOTE: &str = "A proper name:";

/// The translator's notes for a source text.
pub(crate) fn notes(context: &str, source: &str, optional: bool, shared: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if context == "guide.slug" {
        notes.push(format!(
            "{OPTIONAL_NOTE} the edition's short name, used in file names and web addresses: \
             lowercase letters a-z, digits and hyphens. Keep it (leave the translation empty), \
             or write it in your language in those letters."
        ));
    } else if optional {
        notes.push(format!(
            "{OPTIONAL_NOTE} keep it as it is (leave the translation empty), or add a gloss in \
             your language after it in parentheses."
        ));
    }
    if shared {
        notes.push(
            "A name in rows of figures (tables, charts): the translation replaces it wherever \
             the source writes it."
                .to_owned(),
        );
    }
    let cited = citations(source);
    if !cited.is_empty() {
        notes.push(format!(
            "Keep each citation, in the sentence it supports: {}.",
            cited
                .iter()
                .map(|k| format!("@{k}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let slots = placeholders(source);
    if !slots.is_empty() {
        notes.push(format!(
            "Keep the placeholders, which are filled in on export: {}.",
            slots
                .iter()
                .map(|p| format!("{{{p}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut markdown = Vec::new();
    let bold = source.matches("**").count() / 2;
    if bold > 0 {
        markdown.push(format!("bold text between ** and ** ({bold})"));
    }
    let items = list_items(source);
    if items > 0 {
        markdown.push(format!(
            "a list of {items} items, each on its own line starting with \"- \" or a number"
        ));
    }
    let links = links(source);
    if !links.is_empty() {
        markdown.push(format!(
            "links [text](address), with the same addresses ({})",
            links.len()
        ));
    }
    let paragraphs = source
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .count();
    if paragraphs > 1 {
        markdown.push(format!(
            "{paragraphs} paragraphs, separated by an empty line"
        ));
    }
    if !markdown.is_empty() {
        notes.push(format!("Markdown to keep: {}.", markdown.join("; ")));
    }
    notes
}

/// Whether a catalog entry is a proper name, which may stay untranslated.
pub(crate) fn is_optional(entry: &super::Entry) -> bool {
    entry.notes.iter().any(|n| n.starts_with(OPTIONAL_NOTE))
}

/// Every problem of a translation against its source, each said as a sentence. A label's
/// placeholders are left to the label's own check, since a label may use any of those its
/// kind allows.
pub(crate) fn problems(source: &str, translation: &str, label: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(c) = translation.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    }) {
        problems.push(format!(
            "it holds the invisible control character U+{:04X}; remove it",
            u32::from(c)
        ));
    }
    let (want, have) = (citations(source), citations(translation));
    let dropped: Vec<_> = want.difference(&have).map(|k| format!("@{k}")).collect();
    let added: Vec<_> = have.difference(&want).map(|k| format!("@{k}")).collect();
    if !dropped.is_empty() {
        problems.push(format!(
            "the citation {} of the source is missing; keep it in the sentence it supports",
            dropped.join(", ")
        ));
    }
    if !added.is_empty() {
        problems.push(format!(
            "it cites {}, which the source does not; cite only what the source cites",
            added.join(", ")
        ));
    }
    let (want, have) = (placeholders(source), placeholders(translation));
    if want != have && !label {
        let show = |s: &BTreeSet<String>| {
            if s.is_empty() {
                "none".to_owned()
            } else {
                s.iter()
                    .map(|p| format!("{{{p}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        problems.push(format!(
            "its placeholders are {}, and the source's {}; keep each one, spelled as in the \
             source",
            show(&have),
            show(&want)
        ));
    }
    if translation.matches("**").count() % 2 == 1 {
        problems.push("a `**` is not closed: bold text needs one before and one after".into());
    }
    if translation.matches('`').count() % 2 == 1 {
        problems.push("a backtick (`) is not closed".into());
    }
    // A translation may set out as a list what the source says in a sentence, not the
    // other way round: a list item dropped is a fact dropped.
    let (want, have) = (list_items(source), list_items(translation));
    if have < want {
        problems.push(format!(
            "it has {have} list items and the source {want}; keep one item, on its own line \
             starting with \"- \", for each of the source's"
        ));
    }
    let (want, have) = (links(source), links(translation));
    if want != have {
        problems.push(
            "its links do not lead where the source's do; keep each [text](address) with the \
             source's address"
                .into(),
        );
    }
    problems
}

/// The keys a text cites, as `[@key]` or `[@a; @b]`.
pub(crate) fn citations(text: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find("[@") {
        let after = &rest[start + 1..];
        let Some(end) = after.find(']') else { break };
        for key in after[..end].split(';') {
            if let Some(key) = key.trim().strip_prefix('@') {
                keys.insert(key.trim().to_owned());
            }
        }
        rest = &after[end..];
    }
    keys
}

/// The placeholders of a label: `{page}`.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            names.insert(name.to_owned());
        }
        rest = &after[end..];
    }
    names
}

/// How many lines start a list item.
fn list_items(text: &str) -> usize {
    text.lines()
        .map(str::trim_start)
        .filter(|line| {
            let b = line.as_bytes();
            starts_block(line)
                && (matches!(b.first(), Some(b'-' | b'*' | b'+'))
                    || b.first().is_some_and(u8::is_ascii_digit))
        })
        .count()
}

/// The addresses of a text's Markdown links, sorted.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(')') else { break };
        out.push(after[..end].to_owned());
        rest = &after[end..];
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_faithful_translation_has_no_problems() {
        let source = "Techs **observe** patients [@bls-ooh; @onet].\n\n- one\n- two";
        let good = "Los técnicos **observan** [@onet; @bls-ooh].\n\n- uno\n- dos";
        assert!(
            problems(source, good, false).is_empty(),
            "{:?}",
            problems(source, good, false)
        );
    }

    #[test]
    fn each_broken_part_is_named() {
        let source = "Techs **observe** patients [@bls-ooh; @onet].\n\n- one\n- two";
        let cases = [
            (
                "Los técnicos **observan** [@onet].\n\n- uno\n- dos",
                "@bls-ooh",
            ),
            (
                "Los técnicos **observan [@onet; @bls-ooh].\n\n- uno\n- dos",
                "`**`",
            ),
            (
                "Los técnicos **observan** [@onet; @bls-ooh].\n\n- uno",
                "list items",
            ),
            (
                "Los técnicos\u{7} **observan** [@onet; @bls-ooh].\n\n- uno\n- dos",
                "U+0007",
            ),
            (
                "Los **x** [@onet; @bls-ooh; @aapt].\n\n- uno\n- dos",
                "@aapt",
            ),
        ];
        for (translation, named) in cases {
            let found = problems(source, translation, false).join(" | ");
            assert!(found.contains(named), "{translation:?}: {found}");
        }
        let page = "Page {page} of {total}";
        assert!(problems(page, "Página {page} de {totl}", false)[0].contains("{totl}"));
        assert!(problems(page, "Página {page}", true).is_empty());
        // More list items than the source is a choice of layout; fewer is a loss.
        assert!(problems("One, two.", "- uno\n- dos", false).is_empty());
    }
}
