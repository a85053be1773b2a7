//! Editions that inherit: an edition names a base (a built-in edition or a folder) and holds
//! only the files, or the fields, it changes.

use std::fs;

use mht_guide::Guide;
use mht_guide_export::{Options, to_html, to_json, to_markdown};

use crate::util::{embedded_copy, load_errors, run, tempdir, transcript};

fn write(path: &std::path::Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn a_minimal_edition_is_its_base_but_for_what_it_changes() {
    let dir = tempdir();
    let ours = dir.path().join("ours");
    write(
        &ours.join("guide.toml"),
        "base = \"en\"\npublisher = \"Riverside Workforce Board\"\n",
    );
    let guide = Guide::from_dir(&ours).unwrap();
    let base = mht_guide::guide();
    assert_eq!(guide.meta.publisher.as_str(), "Riverside Workforce Board");
    let options = Options::new();
    // The authors are mht-guide contributors too; only the publisher changed.
    let authors_kept =
        |text: &str| text.replace("Riverside Workforce Board", "mht-guide contributors");
    assert_eq!(
        authors_kept(&to_markdown(&guide, &options)),
        to_markdown(base, &options)
    );
    assert_eq!(
        authors_kept(&to_html(&guide, &options)),
        to_html(base, &options)
    );
    let json = to_json(&guide, &options).unwrap();
    assert!(json.contains("\"publisher\": \"Riverside Workforce Board\""));
    assert!(json.contains("\"authors\": [\n      \"mht-guide contributors\""));
}

#[test]
fn a_figure_changed_in_the_base_reaches_the_edition() {
    let dir = tempdir();
    let base = embedded_copy(dir.path());
    let ours = dir.path().join("ours");
    write(
        &ours.join("guide.toml"),
        "base = \"../guide\"\npublisher = \"Riverside\"\n",
    );
    let before = to_markdown(&Guide::from_dir(&ours).unwrap(), &Options::new());
    assert!(before.contains("$42,590"));
    let file = base.join("salary-outlook.toml");
    let text = fs::read_to_string(&file).unwrap();
    let changed = text.replacen("amount = 42590", "amount = 43210", 1);
    assert_ne!(text, changed);
    fs::write(&file, changed).unwrap();
    let guide = Guide::from_dir(&ours).unwrap();
    let after = to_markdown(&guide, &Options::new());
    assert!(after.contains("$43,210"), "the new figure is missing");
    // The key figure and the pay table show it; the prose that quotes the old figure is the
    // base's own to update.
    let band = mht_guide_export::Band::of(&guide.salary_outlook, &guide.labels).unwrap();
    assert_eq!(band.figures[0].value, "$43,210");
}

#[test]
fn a_section_file_changes_only_the_fields_and_questions_it_gives() {
    let dir = tempdir();
    let ours = dir.path().join("ours");
    write(&ours.join("guide.toml"), "base = \"en\"\n");
    write(
        &ours.join("faq.toml"),
        "[[questions]]\nid = \"college-degree\"\nanswer = \"Ask our advisers [@bls-ooh].\"\n\n\
         [[questions]]\nid = \"our-program\"\nquestion = \"Does Riverside train technicians?\"\n\
         answer = \"Yes, every spring [@aapt].\"\n",
    );
    let guide = Guide::from_dir(&ours).unwrap();
    let base = &mht_guide::guide().faq.questions;
    let questions = &guide.faq.questions;
    assert_eq!(questions.len(), base.len() + 1);
    let degree = questions
        .iter()
        .find(|q| q.id.as_str() == "college-degree")
        .unwrap();
    let theirs = base
        .iter()
        .find(|q| q.id.as_str() == "college-degree")
        .unwrap();
    // The question stays; the answer is the edition's.
    assert_eq!(degree.question, theirs.question);
    assert_eq!(degree.answer.plain_text(), "Ask our advisers.");
    assert_eq!(questions.last().unwrap().id.as_str(), "our-program");
    // check says where each file comes from.
    let out = run(
        dir.path(),
        &["check", "--content", "ours", "--as-of", "2025-01-01"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "  faq.toml                 ours ← content/mental-health-technician (built in)\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("  skills.toml              content/mental-health-technician (built in)\n"),
        "{stdout}"
    );
}

#[test]
fn problems_in_an_edition_are_placed_in_the_file_that_holds_them() {
    let dir = tempdir();
    let ours = dir.path().join("ours");
    write(&ours.join("guide.toml"), "base = \"en\"\ntitle = 5\n");
    write(
        &ours.join("faq.toml"),
        "[[questions]]\nid = \"college-degree\"\nanswer = \"See [@nope].\"\n",
    );
    let found = load_errors(&ours);
    assert_eq!(found.len(), 2, "{found:?}");
    let shown = ours.display();
    assert!(
        found[0].starts_with(&format!("{shown}/guide.toml:2:9: error: invalid type")),
        "{found:?}"
    );
    assert!(
        found[1].starts_with(&format!(
            "{shown}/faq.toml:3:16: error: unknown source `nope`"
        )),
        "{found:?}"
    );
}

#[test]
fn a_base_that_is_not_there_or_leads_back_is_an_error() {
    let dir = tempdir();
    let a = dir.path().join("a");
    write(&a.join("guide.toml"), "base = \"fr\"\n");
    let found = load_errors(&a);
    assert!(
        found[0].contains("the base `fr` is neither a built-in edition (`en`"),
        "{found:?}"
    );
    let b = dir.path().join("b");
    write(&a.join("guide.toml"), "base = \"../b\"\n");
    write(&b.join("guide.toml"), "base = \"../a\"\n");
    let found = load_errors(&a);
    assert!(
        found
            .iter()
            .any(|p| p.contains("leads back to an edition already in the stack")),
        "{found:?}"
    );
    // Files given in memory may stand on a built-in edition, not on a folder.
    let err = Guide::from_files("upload", [("guide.toml", "base = \"../b\"\n")]).unwrap_err();
    let first = err.diagnostics()[0].to_string();
    assert!(
        first.contains("a base folder can be named only by an edition read from a folder"),
        "{first}"
    );
    let ok = Guide::from_files(
        "upload",
        [("guide.toml", "base = \"en\"\nslug = \"ours\"\n")],
    );
    assert_eq!(ok.unwrap().meta.slug.as_str(), "ours");
}

#[test]
fn an_edition_in_another_language_must_write_or_translate_what_it_inherits() {
    let dir = tempdir();
    let ours = dir.path().join("ours");
    write(
        &ours.join("guide.toml"),
        "base = \"en\"\nlanguage = \"es-US\"\ntitle = \"Técnico de salud mental\"\n\n\
         [translations]\n\"Psychiatric technicians\" = \"Técnicos psiquiátricos\"\n\
         \"Psychiatric techs\" = \"Técnicos\"\n",
    );
    let found = load_errors(&ours);
    // The title was written; the subtitle was not.
    assert!(
        !found.iter().any(|p| p.contains("guide.toml:3:9:")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.starts_with(
            "content/mental-health-technician/guide.toml:5:12: error: this text comes from the \
             base content/mental-health-technician (built in) (`en-US`), and this edition is in \
             `es-US`"
        )),
        "{found:?}"
    );
    // A translated occupation is no longer reported; an untranslated one is.
    let median = "content/mental-health-technician/salary-outlook.toml";
    let about = |needle: &str| found.iter().filter(|p| p.contains(needle)).count();
    assert!(about(&format!("{median}:")) > 0);
    let unused: Vec<_> = found
        .iter()
        .filter(|p| p.contains("no text this edition inherits reads `Psychiatric techs`"))
        .collect();
    assert_eq!(unused.len(), 1, "{found:?}");
    assert!(
        unused[0].starts_with(&format!("{}/guide.toml:7:1:", ours.display())),
        "{unused:?}"
    );
}

/// `check` and a failed PDF export look for characters the PDF cannot print in the files
/// that were loaded: a base folder's included, where the old re-reading skipped them.
#[test]
fn characters_the_pdf_refuses_are_found_in_a_base_folder_too() {
    let dir = tempdir();
    let base = embedded_copy(dir.path());
    let file = base.join("faq.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replacen("question = \"", "question = \"\u{1F600} ", 1),
    )
    .unwrap();
    let ours = dir.path().join("ours");
    write(
        &ours.join("guide.toml"),
        "base = \"../guide\"\npublisher = \"Riverside\"\n",
    );

    let check = run(
        dir.path(),
        &["check", "--content", "ours", "--no-system-fonts"],
    );
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("guide/faq.toml:") && stderr.contains("U+1F600"),
        "{}",
        transcript(&check)
    );
    let export = run(
        dir.path(),
        &[
            "export",
            "--content",
            "ours",
            "-o",
            "out.pdf",
            "--no-system-fonts",
        ],
    );
    assert_eq!(export.status.code(), Some(1), "{}", transcript(&export));
    let stderr = String::from_utf8_lossy(&export.stderr);
    assert!(
        stderr.contains("guide/faq.toml:"),
        "{}",
        transcript(&export)
    );
    assert!(!dir.path().join("out.pdf").exists());
}

/// `check --edition es` looks at the Spanish edition's files and the English base's, by the
/// paths they are loaded under, not at the English files alone.
#[test]
fn a_built_in_editions_check_names_its_own_files() {
    let loaded = crate::util::spanish().load().unwrap();
    let dirs: Vec<&std::path::Path> = loaded
        .files
        .iter()
        .map(|f| f.path.parent().unwrap())
        .collect();
    assert!(dirs.contains(&std::path::Path::new(crate::util::spanish().dir)));
    assert!(dirs.contains(&std::path::Path::new(mht_guide::EMBEDDED_DIR)));
    // The base's files come first, so a place in the edition's own file is named last.
    assert!(loaded.files[0].path.starts_with(mht_guide::EMBEDDED_DIR));
    assert!(
        loaded
            .files
            .last()
            .unwrap()
            .path
            .starts_with(crate::util::spanish().dir)
    );
}

/// A file that is empty in an edition and in its base is reported as empty, at its place, as
/// in an edition without a base (it once failed with no problem named).
#[test]
fn a_file_empty_in_every_layer_is_reported() {
    let dir = tempdir();
    let base = embedded_copy(dir.path());
    fs::write(base.join("faq.toml"), "\n").unwrap();
    let ours = dir.path().join("ours");
    write(&ours.join("guide.toml"), "base = \"../guide\"\n");
    write(&ours.join("faq.toml"), "");
    let problems = load_errors(&ours);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("ours/faq.toml:1:1") && p.contains("this file is empty")),
        "{problems:#?}"
    );
}

/// A field missing from every layer of a file is reported in that file, not in whichever
/// file the edition's stack happens to start with.
#[test]
fn a_missing_field_is_placed_in_its_own_file() {
    let dir = tempdir();
    let base = embedded_copy(dir.path());
    let skills = fs::read_to_string(base.join("skills.toml")).unwrap();
    // The summary is a multi-line string: everything from its key to its closing quotes.
    let open = "summary = '''";
    let start = skills.find(open).unwrap() + open.len();
    let end = start + skills[start..].find("'''").unwrap() + 4;
    let without = format!("{}{}", &skills[..start - open.len()], &skills[end..]);
    assert!(!without.contains("summary"), "{without}");
    fs::write(base.join("skills.toml"), without).unwrap();
    let ours = dir.path().join("ours");
    write(&ours.join("guide.toml"), "base = \"../guide\"\n");
    let problems = load_errors(&ours);
    let missing: Vec<&String> = problems
        .iter()
        .filter(|p| p.contains("missing field `summary`"))
        .collect();
    assert_eq!(missing.len(), 1, "{problems:#?}");
    assert!(
        missing[0].contains("guide/skills.toml:1:1"),
        "{problems:#?}"
    );
}

#[test]
#[cfg(unix)]
fn a_base_folder_must_be_inside_the_root_and_messages_outside_it_tell_nothing() {
    let dir = tempdir();
    let uploads = dir.path().join("uploads");
    let tenant = embedded_copy(&dir.path().join("other-tenant"));
    let ours = uploads.join("ours");
    let outside = |named: &str| {
        format!(
            "{}:1:8: error: the base `{named}` is neither a built-in edition (`en`, `es`, \
             `zh-Hans`, `vi`, `ar`) nor a folder inside {}, where an edition's base folders \
             must be; name one of them",
            ours.join("guide.toml").display(),
            uploads.canonicalize().unwrap().display(),
        )
    };
    // Another tenant's edition, by an absolute path, by `..`, and by a link inside the root:
    // all refused, the same way whether the folder is there or not.
    let absolute = tenant.display().to_string();
    fs::create_dir_all(&uploads).unwrap();
    std::os::unix::fs::symlink(&tenant, uploads.join("link")).unwrap();
    for named in [
        absolute.as_str(),
        "../../other-tenant/guide",
        "../../no-such-folder",
        "/no/such/folder",
        "../link",
    ] {
        write(&ours.join("guide.toml"), &format!("base = \"{named}\"\n"));
        assert_eq!(load_errors(&ours), [outside(named)], "{named}");
    }
    // A sibling inside the root may be a base; so may a folder anywhere the caller allows.
    embedded_copy(&uploads.join("shared"));
    write(
        &ours.join("guide.toml"),
        "base = \"../shared/guide\"\nslug = \"ours\"\n",
    );
    assert_eq!(Guide::from_dir(&ours).unwrap().meta.slug.as_str(), "ours");
    write(
        &ours.join("guide.toml"),
        &format!("base = \"{absolute}\"\nslug = \"ours\"\n"),
    );
    let loaded = mht_guide::EditionFolder::new(&ours)
        .bases_within(dir.path())
        .load()
        .unwrap();
    assert_eq!(loaded.guide.meta.slug.as_str(), "ours");
    // The command takes the root with --base-root.
    let output = run(dir.path(), &["check", "--content", "uploads/ours"]);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let output = run(
        dir.path(),
        &["check", "--content", "uploads/ours", "--base-root", "."],
    );
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
}

#[test]
fn a_chain_of_bases_a_thousand_deep_stops_at_the_ninth() {
    let dir = tempdir();
    for n in 0..1000 {
        write(
            &dir.path().join(format!("e{n}/guide.toml")),
            &format!("base = \"../e{}\"\n", n + 1),
        );
    }
    let found = load_errors(&dir.path().join("e0"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("more than eight bases"), "{found:?}");
}

/// A translation rewrites the inherited text readers read, never the title of a work cited:
/// the guide's sources keep the titles they are published under (the Spanish review of
/// 2026-12-05 found source 33 listed under a Spanish title no one published).
#[test]
fn translations_leave_the_titles_of_cited_works_as_published() {
    let dir = tempdir();
    let ours = dir.path().join("ours");
    write(
        &ours.join("guide.toml"),
        "base = \"en\"\ntitle = \"Renamed\"\n\n[translations]\n\
         \"Psychiatric Technicians\" = \"Psych techs, renamed\"\n",
    );
    let guide = Guide::from_dir(&ours).unwrap_or_else(|e| panic!("{e}"));
    let cited = guide
        .sources
        .get(&"tradecolleges-technicians".parse().unwrap())
        .unwrap();
    assert_eq!(cited.title.as_str(), "Psychiatric Technicians");
    // The same words as an occupation's name are the edition's to translate.
    let names: Vec<&str> = guide
        .definition
        .occupation_codes
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert!(names.contains(&"Psych techs, renamed"), "{names:?}");
}

/// Names an edition keeps as a base in another language writes them, and source titles, are
/// parts in that language; `[languages_of_parts]` adds others, takes one back by listing it
/// under the edition's own language, and `language` in sources.toml types a title's.
#[test]
fn names_kept_from_a_base_in_another_language_are_parts_in_it() {
    let spanish = crate::util::spanish().guide();
    let listed = |guide: &Guide, text: &str| {
        guide
            .meta
            .languages_of_parts
            .iter()
            .find(|p| p.text.as_str() == text)
            .map(|p| p.language.as_str().to_owned())
    };
    // Kept from the English edition: a publisher, a source's title; listed: a gloss.
    assert_eq!(
        listed(spanish, "U.S. Bureau of Labor Statistics").as_deref(),
        Some("en-US")
    );
    assert_eq!(listed(spanish, "Home page").as_deref(), Some("en-US"));
    assert_eq!(listed(spanish, "Live Scan").as_deref(), Some("en-US"));
    let bls = |guide: &Guide| {
        let source = guide.sources.get(&"bls-ooh".parse().unwrap()).unwrap();
        (
            source.language.as_str().to_owned(),
            source.title.to_string(),
        )
    };
    assert_eq!(bls(spanish).0, "en-US");
    // Longest first, so that a longer name is found before a shorter one inside it.
    let lengths: Vec<usize> = spanish
        .meta
        .languages_of_parts
        .iter()
        .map(|p| p.text.as_str().chars().count())
        .collect();
    assert!(lengths.windows(2).all(|w| w[0] >= w[1]), "{lengths:?}");
    // The English edition has none.
    assert!(mht_guide::guide().meta.languages_of_parts.is_empty());

    let ours = Guide::from_files(
        "upload",
        [
            (
                "guide.toml",
                "base = \"es\"\n\n[languages_of_parts]\nes-US = [\"O*NET OnLine\"]\n\
                 en-US = [\"Riverside Careers\"]\n",
            ),
            (
                "sources.toml",
                "[[sources]]\nid = \"bls-ooh\"\nlanguage = \"es-US\"\n",
            ),
        ],
    )
    .unwrap();
    // Listed under the edition's own language: read in it.
    assert_eq!(listed(&ours, "O*NET OnLine"), None);
    assert_eq!(listed(&ours, "Riverside Careers").as_deref(), Some("en-US"));
    // Typed Spanish: the title is no longer a part in another language.
    let (language, title) = bls(&ours);
    assert_eq!(language, "es-US");
    assert_eq!(listed(&ours, &title), None);
    // Still kept from the English edition, through the Spanish one.
    assert_eq!(listed(&ours, "Home page").as_deref(), Some("en-US"));

    // A tag that does not read is reported where it is written.
    let err = Guide::from_files(
        "upload",
        [
            (
                "guide.toml",
                "base = \"es\"\n\n[languages_of_parts]\n\"en US\" = [\"Live Scan\"]\n",
            ),
            (
                "sources.toml",
                "[[sources]]\nid = \"bls-ooh\"\nlanguage = \"English\"\n",
            ),
        ],
    )
    .unwrap_err();
    let found: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert!(
        found.iter().any(|p| p
            .starts_with("upload/guide.toml:4:11: error: under `[languages_of_parts]`, `en US`")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("upload/sources.toml:3:12: error:")),
        "{found:?}"
    );
}
