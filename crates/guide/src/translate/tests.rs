use std::path::Path;

use super::*;
use crate::BuiltIn;

fn english() -> Loaded {
    BuiltIn::named("en").unwrap().load().unwrap()
}

#[test]
fn the_template_offers_text_and_nothing_else() {
    let catalog = extract(&english());
    assert!(catalog.entries.iter().all(|e| e.translation.is_empty()));
    for entry in catalog
        .entries
        .iter()
        .filter(|e| !e.context.starts_with("labels."))
    {
        let source = entry.source.as_str();
        // No address, id, code, date or figure on its own is offered.
        assert!(!source.starts_with("http"), "{}: {source}", entry.context);
        assert!(
            !source
                .chars()
                .all(|c| c.is_ascii_digit() || "-.,$%".contains(c)),
            "{}: {source}",
            entry.context
        );
        assert!(!entry.context.contains(".url") && !entry.context.ends_with(".id"));
        assert!(!entry.context.ends_with(".code") && !entry.context.contains(".data_date"));
    }
    // The titles of the works cited are not, and their notes are.
    assert!(
        !catalog
            .entries
            .iter()
            .any(|e| e.context.starts_with("sources.sources[") && e.context.ends_with(".title"))
    );
    assert!(
        catalog
            .entries
            .iter()
            .any(|e| e.context == "sources.sources[bls-ooh].note")
    );
    // Names in rows of figures are offered once each, for `[translations]`.
    let shared: Vec<&str> = catalog
        .entries
        .iter()
        .filter(|e| e.context == SHARED_CONTEXT)
        .map(|e| e.source.as_str())
        .collect();
    assert!(shared.contains(&"Psychiatric technicians"));
    let unique: std::collections::HashSet<_> = shared.iter().collect();
    assert_eq!(unique.len(), shared.len());
    // Every entry of a place is unique.
    let mut places: Vec<&str> = catalog
        .entries
        .iter()
        .filter(|e| e.context != SHARED_CONTEXT)
        .map(|e| e.context.as_str())
        .collect();
    let count = places.len();
    places.sort_unstable();
    places.dedup();
    assert_eq!(places.len(), count);
}

#[test]
fn a_fuzzy_entry_is_imported_as_stale() {
    let spanish = BuiltIn::named("es").unwrap();
    let mut catalog = extract(&spanish.load().unwrap());
    let entry = catalog
        .entries
        .iter_mut()
        .find(|e| e.context == "definition.summary")
        .unwrap();
    entry.fuzzy = true;
    entry.previous = Some("An older English summary.".into());
    let po = catalog.to_po();
    let catalog = Catalog::parse("es.po", &po).unwrap();
    let dir = Path::new(spanish.dir);
    let imported = import(
        &catalog,
        (Path::new("es.po"), &po),
        &english(),
        dir,
        "en",
        &[],
    )
    .unwrap();
    assert_eq!(imported.status.stale, 1);
    let prints = &imported
        .files
        .iter()
        .find(|(n, _)| n == FINGERPRINTS_FILE)
        .unwrap()
        .1;
    let line = prints
        .lines()
        .find(|l| l.starts_with("\"definition.summary\""))
        .unwrap();
    assert!(
        line.contains(&fingerprint("An older English summary.")),
        "{line}"
    );
    // Loaded with those fingerprints, the review calls exactly that text stale.
    let review = crate::Review::of_files(
        dir,
        imported.files.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        crate::RefDate::parse("2026-12-07").unwrap(),
    )
    .unwrap();
    let stale: Vec<String> = review
        .warnings()
        .iter()
        .filter(|w| w.message().contains("has changed since"))
        .map(|w| w.message().to_owned())
        .collect();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(stale[0].contains("`definition.summary`"));
}

#[test]
fn a_text_that_moved_keeps_its_translation() {
    let mut old = Catalog::default();
    old.entries
        .push(Entry::new("faq.questions[a].answer", "Same words"));
    old.entries[0].translation = "Mismas palabras".into();
    old.entries
        .push(Entry::new("faq.questions[gone].answer", "Removed"));
    old.entries[1].translation = "Quitado".into();
    let mut fresh = Catalog::default();
    fresh
        .entries
        .push(Entry::new("faq.questions[b].answer", "Same words"));
    fresh
        .entries
        .push(Entry::new("faq.questions[new].answer", "New"));
    let updated = old.update(&fresh);
    assert_eq!(updated.entries[0].translation, "Mismas palabras");
    assert!(!updated.entries[0].fuzzy);
    assert!(updated.entries[1].translation.is_empty());
    assert!(updated.entries[2].obsolete && updated.entries[2].translation == "Quitado");
    let status = Status::of_catalog(&updated);
    assert_eq!(
        (status.translated, status.untranslated, status.words_left),
        (1, 1, 1)
    );
}

#[test]
fn every_built_in_translation_is_reviewed_with_its_fingerprints() {
    for edition in crate::BUILT_IN.iter().skip(1) {
        let loaded = edition.load().unwrap();
        let prints = loaded
            .fingerprints
            .as_ref()
            .expect("a translation records its sources");
        assert!(prints.text.contains("\"guide.title\""), "{}", edition.name);
        // A fingerprint made stale in memory is what the review reports.
        let mut files: Vec<(&str, &str)> = edition.files.to_vec();
        let recorded = format!(
            "\"guide.title\" = \"{}\"",
            fingerprint_of(&prints.text, "guide.title")
        );
        let changed = prints
            .text
            .replace(&recorded, "\"guide.title\" = \"00000000\"");
        files.push((FINGERPRINTS_FILE, &changed));
        let review = crate::Review::of_files(
            Path::new(edition.dir),
            files,
            crate::RefDate::parse("2026-12-07").unwrap(),
        )
        .unwrap();
        assert!(
            review
                .warnings()
                .iter()
                .any(|w| w.message().contains("`guide.title`")),
            "{}",
            edition.name
        );
        // The review of the built-in edition itself reads its fingerprints.
        let clean = edition
            .review(crate::RefDate::parse("2026-12-07").unwrap())
            .unwrap();
        assert!(clean.fingerprints().is_some(), "{}", edition.name);
        assert!(
            !clean
                .warnings()
                .iter()
                .any(|w| w.message().contains("has changed since"))
        );
    }
}

/// The fingerprint a fingerprints file records for a context.
fn fingerprint_of(file: &str, context: &str) -> String {
    let line = file
        .lines()
        .find(|l| l.starts_with(&format!("\"{context}\" = ")))
        .unwrap();
    line.rsplit('"').nth(1).unwrap().to_owned()
}
