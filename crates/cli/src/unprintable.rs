//! Where the content holds characters the PDF cannot print: `check` warns about them, and a
//! PDF export that fails on them names the same places. Both look at the files the loader
//! read, the bases' included.
//!
//! A script that no font has is one warning, at its first place, with how many places hold
//! it: a Chinese edition on a machine without a Chinese font is one line, not one per
//! character. A character of no one script (an emoji, a symbol) is one warning of its own.

use mht_guide::{ContentFile, Diagnostic};
use mht_guide_export::{Coverage, Unprintable};
use std::collections::BTreeMap;

/// What one warning is about: a script, or one character of no script.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Script(&'static str),
    Character(char),
}

/// The first place of a group, and how many there are.
struct Found {
    file: usize,
    offset: usize,
    count: usize,
}

/// A warning for each script (and each character of no script) the PDF cannot print, at its
/// first place, restricted to the characters `only` when given. Comment lines are skipped:
/// they are never printed.
pub(crate) fn places(
    files: &[ContentFile],
    only: Option<&[char]>,
    coverage: &Coverage,
) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<Group, Found> = BTreeMap::new();
    // The order groups were first met in, for the warnings' order.
    let mut order: Vec<Group> = Vec::new();
    let mut verdicts: BTreeMap<char, Option<Unprintable>> = BTreeMap::new();
    for (index, ContentFile { text, .. }) in files.iter().enumerate() {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim_start().starts_with('#') {
                for (i, c) in line.char_indices() {
                    if c.is_ascii() || only.is_some_and(|only| !only.contains(&c)) {
                        continue;
                    }
                    let verdict: Option<Unprintable> =
                        *verdicts.entry(c).or_insert_with(|| coverage.unprintable(c));
                    if verdict.is_none() {
                        continue;
                    }
                    let group = match mht_guide_export::script_name(c) {
                        Some(script) => Group::Script(script),
                        None => Group::Character(c),
                    };
                    let found = groups.entry(group.clone()).or_insert_with(|| {
                        order.push(group);
                        Found {
                            file: index,
                            offset: offset + i,
                            count: 0,
                        }
                    });
                    found.count += 1;
                }
            }
            offset += line.len();
        }
    }
    order
        .into_iter()
        .map(|group| {
            let found = &groups[&group];
            let file = &files[found.file];
            Diagnostic::warning_at(&file.path, &file.text, found.offset, message(&group, found))
        })
        .collect()
}

/// Where a script's fonts come from on Debian and Ubuntu.
fn package(script: &str) -> &'static str {
    match script {
        "Han" | "Hiragana" | "Katakana" | "Hangul" | "Bopomofo" => "fonts-noto-cjk",
        _ => "fonts-noto-core",
    }
}

fn message(group: &Group, found: &Found) -> String {
    let places = match found.count {
        1 => "1 place".to_owned(),
        n => format!("{} places, the first here", thousands(n)),
    };
    let fix = "install a font that has it or give one with --font";
    match group {
        Group::Script(script) => format!(
            "the {script} script ({places}) is in none of the PDF's fonts, so a PDF export \
             refuses it; {fix} (on Debian or Ubuntu: {})",
            package(script)
        ),
        Group::Character(c) => format!(
            "`{c}` (U+{:04X}, {places}) is in none of the PDF's fonts, so a PDF export refuses \
             it; replace it, {fix}, or export another format",
            u32::from(*c)
        ),
    }
}

/// A count with its thousands grouped: 1,949.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1949), "1,949");
        assert_eq!(thousands(15610), "15,610");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
