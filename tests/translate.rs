//! `translate`: catalogs that gettext's own tools and a second PO reader accept, a round trip
//! that gives the same edition, stale texts found by `update` and by `check`, and bad imports
//! refused at their line.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use mht_guide::translate::{Catalog, Entry};

use crate::util::{copy_files, embedded_copy, run, tempdir, transcript};

/// Extracts the catalog of an edition (`--edition NAME` or `--content DIR` arguments) into
/// `dir/name`.
fn extract(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let mut all = vec!["translate", "extract", "-q", "-o", name];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    assert!(out.status.success(), "{}", transcript(&out));
    dir.join(name)
}

/// Every built-in edition's catalog, and the English template, as files in `dir`.
fn every_catalog(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![extract(dir, "template.pot", &["--language", "vi"])];
    for edition in mht_guide::BUILT_IN.iter().filter(|e| e.name != "en") {
        let name = format!("{}.po", edition.name);
        files.push(extract(dir, &name, &["--edition", edition.name]));
    }
    files
}

#[test]
#[cfg_attr(
    missing = "gettext",
    ignore = "needs msgfmt (Debian gettext), which `bash .ci/test` installs"
)]
fn gettext_accepts_every_catalog() {
    let dir = tempdir();
    for file in every_catalog(dir.path()) {
        let out = Command::new("msgfmt")
            .args(["--check", "--statistics", "-o", "/dev/null"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.windows(7).all(|w| w != b"warning"),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The check is not a formality: a broken catalog fails it.
    let broken = dir.path().join("broken.po");
    let text = fs::read_to_string(dir.path().join("es.po")).unwrap();
    fs::write(
        &broken,
        text.replacen("msgstr \"Técnico de salud mental\"", "msgstr \"Técnico", 1),
    )
    .unwrap();
    let out = Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
#[cfg_attr(
    missing = "polib",
    ignore = "needs polib (PyPI), which `bash .ci/test` installs"
)]
fn a_second_po_reader_reads_back_what_we_wrote() {
    let dir = tempdir();
    for file in every_catalog(dir.path()) {
        let text = fs::read_to_string(&file).unwrap();
        let ours = mht_guide::translate::Catalog::parse(&file, &text).unwrap();
        // polib's view of each entry: context, source, translation, fuzzy, previous source.
        let script = r#"
import json, sys, polib
po = polib.pofile(sys.argv[1])
print(json.dumps([[e.msgctxt, e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid]
                  for e in po if not e.obsolete]))
print(json.dumps(po.metadata.get("Language", "")))
"#;
        let out = Command::new("python3")
            .args(["-c", script])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let mut lines = stdout.lines();
        let theirs: Vec<(String, String, String, bool, Option<String>)> =
            serde_json::from_str(lines.next().unwrap()).unwrap();
        let language: String = serde_json::from_str(lines.next().unwrap()).unwrap();
        assert_eq!(Some(language.as_str()), ours.header("Language"));
        let mine: Vec<_> = ours
            .entries
            .iter()
            .map(|e| {
                (
                    e.context.clone(),
                    e.source.clone(),
                    e.translation.clone(),
                    e.fuzzy,
                    e.previous.clone(),
                )
            })
            .collect();
        assert_eq!(theirs.len(), mine.len(), "{}", file.display());
        assert_eq!(theirs, mine, "{}", file.display());
    }
}

/// The built-in Spanish edition's folder in this repository.
fn spanish_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(mht_guide::BuiltIn::named("es").unwrap().dir)
}

/// Exports an edition (`--edition NAME` or `--content DIR`) in `format`.
fn export(dir: &Path, format: &str, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export", "-q", "-f", format, "-o", "-"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    assert!(out.status.success(), "{}", transcript(&out));
    out.stdout
}

#[test]
fn the_spanish_edition_survives_a_round_trip() {
    let dir = tempdir();
    let po = extract(dir.path(), "es.po", &["--edition", "es"]);
    let po = po.to_str().unwrap();
    // Imported over a copy of itself: every file reads as before, so every format is the same
    // to the byte.
    let again = dir.path().join("again");
    copy_files(&spanish_dir(), &again);
    let out = run(
        dir.path(),
        &["translate", "import", po, "--into", "again", "--replace"],
    );
    assert!(out.status.success(), "{}", transcript(&out));
    for format in ["md", "html", "json", "epub", "pdf"] {
        assert!(
            export(dir.path(), format, &["--edition", "es"])
                == export(dir.path(), format, &["--content", "again"]),
            "{format} differs after the round trip"
        );
    }
    // Imported into a new folder: the texts are wrapped anew, and the guide reads the same;
    // web pages and books keep a paragraph's line breaks, which a browser shows as spaces.
    let out = run(dir.path(), &["translate", "import", po, "--into", "fresh"]);
    assert!(out.status.success(), "{}", transcript(&out));
    for format in ["md", "pdf", "html"] {
        let spaced = |bytes: Vec<u8>| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if format == "pdf" {
                text
            } else {
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        };
        assert!(
            spaced(export(dir.path(), format, &["--edition", "es"]))
                == spaced(export(dir.path(), format, &["--content", "fresh"])),
            "{format} differs after an import into a new folder"
        );
    }
    // The new folder's texts are where an editor expects them, with their schemas.
    let guide = fs::read_to_string(dir.path().join("fresh/guide.toml")).unwrap();
    assert!(guide.starts_with("#:schema ./schemas/guide.schema.json\n"));
    assert!(guide.contains("base = \"en\"") && guide.contains("language = \"es-US\""));
    assert!(dir.path().join("fresh/schemas/faq.schema.json").is_file());
    let faq = fs::read_to_string(dir.path().join("fresh/faq.toml")).unwrap();
    assert!(
        !faq.contains("[@") || faq.contains("id = "),
        "questions keep their ids"
    );
    // No figure is copied: pay rows stay in the base.
    let salary = fs::read_to_string(dir.path().join("fresh/salary-outlook.toml")).unwrap();
    assert!(
        !salary.contains("[[pay]]") && !salary.contains("42590"),
        "{salary}"
    );
}

/// A stack of two folders: a copy of the English guide, and the Spanish edition on it.
fn english_and_spanish(dir: &Path) -> (PathBuf, PathBuf) {
    let english = embedded_copy(dir);
    let spanish = dir.join("es");
    copy_files(&spanish_dir(), &spanish);
    let guide = spanish.join("guide.toml");
    let text = fs::read_to_string(&guide).unwrap();
    fs::write(
        &guide,
        text.replacen("base = \"en\"", "base = \"../guide\"", 1),
    )
    .unwrap();
    (english, spanish)
}

const OLD: &str = "Supervisors schedule and support the technician team";
const NEW: &str = "Supervisors plan and support the technician team";
const CONTEXT: &str = "career-path.next_roles[1].description";

#[test]
fn a_changed_english_paragraph_is_stale_in_the_catalog_and_in_check() {
    let dir = tempdir();
    let (english, _) = english_and_spanish(dir.path());
    // Before the change, the Spanish edition is current.
    let out = run(dir.path(), &["check", "--content", "es"]);
    assert!(out.status.success(), "{}", transcript(&out));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("has changed"));
    let po = extract(dir.path(), "es.po", &["--content", "es"]);

    let file = english.join("career-path.toml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains(OLD));
    fs::write(&file, text.replacen(OLD, NEW, 1)).unwrap();

    // `update` makes exactly that entry fuzzy, and keeps what it was translated from.
    let out = run(
        dir.path(),
        &[
            "translate",
            "update",
            po.to_str().unwrap(),
            "--content",
            "guide",
        ],
    );
    assert!(out.status.success(), "{}", transcript(&out));
    let text = fs::read_to_string(&po).unwrap();
    let updated = mht_guide::translate::Catalog::parse(&po, &text).unwrap();
    let fuzzy: Vec<_> = updated.entries.iter().filter(|e| e.fuzzy).collect();
    assert_eq!(fuzzy.len(), 1, "{fuzzy:#?}");
    assert_eq!(fuzzy[0].context, CONTEXT);
    assert!(fuzzy[0].source.contains(NEW));
    assert!(fuzzy[0].previous.as_deref().unwrap().contains(OLD));
    assert!(fuzzy[0].translation.starts_with("El supervisor"));
    assert_eq!(updated.entries.iter().filter(|e| e.obsolete).count(), 0);

    // `check` names the same text at its place in the Spanish file, by its fingerprint.
    let out = run(dir.path(), &["check", "--content", "es"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr
            .matches("has changed since it was translated")
            .count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains(CONTEXT), "{stderr}");
    let spanish = fs::read_to_string(dir.path().join("es/career-path.toml")).unwrap();
    let line = spanish
        .lines()
        .position(|l| l.contains("Supervisor de unidad"))
        .unwrap()
        + 2;
    assert!(
        stderr.contains(&format!("es/career-path.toml:{line}:")),
        "{stderr}"
    );
    // So does the catalog extracted from the edition itself.
    let again = extract(dir.path(), "again.po", &["--content", "es"]);
    let text = fs::read_to_string(&again).unwrap();
    let catalog = mht_guide::translate::Catalog::parse(&again, &text).unwrap();
    let fuzzy: Vec<_> = catalog
        .entries
        .iter()
        .filter(|e| e.fuzzy)
        .map(|e| &e.context)
        .collect();
    assert_eq!(fuzzy, [CONTEXT]);
    let out = run(
        dir.path(),
        &["translate", "status", "--content", "es", "--deny-stale"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));

    // Once the translation is looked at and marked current, the warning goes.
    let out = run(
        dir.path(),
        &["translate", "mark-current", "--content", "es", CONTEXT],
    );
    assert!(out.status.success(), "{}", transcript(&out));
    let out = run(dir.path(), &["check", "--content", "es"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("has changed"));
}

#[test]
fn without_fingerprints_a_stale_text_goes_unseen() {
    // What the fingerprints are for: with the file gone, the same change passes unnoticed.
    let dir = tempdir();
    let (english, spanish) = english_and_spanish(dir.path());
    fs::remove_file(spanish.join(mht_guide::translate::FINGERPRINTS_FILE)).unwrap();
    let file = english.join("career-path.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen(OLD, NEW, 1)).unwrap();
    let out = run(dir.path(), &["check", "--content", "es"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("has changed"));
}

/// Imports the catalog `po` with `edit` made to it into a new folder, and returns the
/// messages and the changed catalog as written, after checking that the import failed and
/// wrote nothing.
fn refused(dir: &Path, po: &Path, edit: impl Fn(&mut Catalog)) -> (String, Catalog) {
    let text = fs::read_to_string(po).unwrap();
    let mut catalog = Catalog::parse(po, &text).unwrap();
    edit(&mut catalog);
    let bad = dir.join("bad.po");
    fs::write(&bad, catalog.to_po()).unwrap();
    let written = Catalog::parse(&bad, &fs::read_to_string(&bad).unwrap()).unwrap();
    let out = run(dir, &["translate", "import", "bad.po", "--into", "out"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(!dir.join("out").exists(), "nothing is written");
    (String::from_utf8_lossy(&out.stderr).into_owned(), written)
}

/// The entry of a catalog with this context.
fn entry<'a>(catalog: &'a mut Catalog, context: &str) -> &'a mut Entry {
    catalog
        .entries
        .iter_mut()
        .find(|e| e.context == context)
        .unwrap()
}

/// Whether the messages name the entry of `context` at its `msgstr` line of bad.po.
fn names(stderr: &str, catalog: &Catalog, context: &str) -> bool {
    let line = catalog
        .entries
        .iter()
        .find(|e| e.context == context)
        .unwrap()
        .line;
    stderr.contains(&format!("bad.po:{line}:")) && stderr.contains(&format!("`{context}`"))
}

/// A change made to an entry.
type Edit = fn(&mut Entry);

#[test]
fn bad_imports_are_refused_at_their_line() {
    let dir = tempdir();
    let po = extract(dir.path(), "es.po", &["--edition", "es"]);
    let cases: [(&str, Edit, &str); 5] = [
        (
            "responsibilities.intro",
            |e| e.translation = e.translation.replace("[@bls-ooh; @onet-technicians]", ""),
            "@bls-ooh",
        ),
        (
            "definition.body",
            |e| e.translation = e.translation.replacen("**", "", 1),
            "`**`",
        ),
        (
            "definition.summary",
            |e| e.translation.clear(),
            "not translated",
        ),
        (
            "guide.title",
            |e| e.translation.insert(7, '\u{7}'),
            "U+0007",
        ),
        // A broken placeholder: the label's own check, put at the entry.
        (
            "labels.page_of",
            |e| e.translation = e.translation.replace("{page}", "{pgae}"),
            "pgae",
        ),
    ];
    for (context, edit, said) in cases {
        let (stderr, written) = refused(dir.path(), &po, |c| edit(entry(c, context)));
        assert!(
            names(&stderr, &written, context) && stderr.contains(said),
            "{context}: {stderr}"
        );
    }
    // A PO syntax error, at its line and column.
    let text = fs::read_to_string(&po).unwrap();
    let line = text
        .lines()
        .position(|l| l == "msgstr \"Técnico de salud mental\"")
        .unwrap()
        + 1;
    fs::write(
        dir.path().join("bad.po"),
        text.replacen(
            "msgstr \"Técnico de salud mental\"",
            "msgstr \"Técnico de salud mental",
            1,
        ),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["translate", "import", "bad.po", "--into", "out"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains(&format!("bad.po:{line}:8")) && stderr.contains("does not end"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn status_counts_every_built_in_translation() {
    let dir = tempdir();
    let out = run(dir.path(), &["translate", "status", "--deny-stale"]);
    assert!(out.status.success(), "{}", transcript(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    for edition in mht_guide::BUILT_IN.iter().filter(|e| e.name != "en") {
        let row = stdout
            .lines()
            .find(|l| l.starts_with(&format!("{} ", edition.name)))
            .unwrap_or_else(|| panic!("{stdout}"));
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(&columns[3..], ["0", "0", "0"], "{row}");
        assert!(columns[2].parse::<usize>().unwrap() > 400, "{row}");
    }
}
