//! An edition of one's own: `new-edition`, the content files' JSON Schemas, and an editor's
//! validator (Taplo, the TOML language server's engine) reading them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{ci_tools, run, tempdir, tool_file, transcript};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(mht_guide::EMBEDDED_DIR)
}

#[test]
fn every_content_file_names_its_schema_and_the_schemas_are_current() {
    for name in mht_guide::file_names() {
        let text = fs::read_to_string(content_dir().join(&name)).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(mht_guide::schema::directive(&name).as_str()),
            "{name} must start with its #:schema line"
        );
        let committed = content_dir()
            .join(mht_guide::schema::SCHEMA_DIR)
            .join(mht_guide::schema::file_name(&name));
        let committed = fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            committed == mht_guide::schema::json(&name).unwrap(),
            "{} is out of date; rewrite it with `mht-guide schema {}`",
            mht_guide::schema::file_name(&name),
            name.trim_end_matches(".toml")
        );
    }
    // No schema is left over from a file that no longer exists.
    let schemas = fs::read_dir(content_dir().join(mht_guide::schema::SCHEMA_DIR)).unwrap();
    assert_eq!(schemas.count(), mht_guide::file_names().count());
}

#[test]
fn every_translations_files_name_their_partial_schemas_and_they_are_current() {
    for edition in mht_guide::BUILT_IN.iter().skip(1) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(edition.dir);
        for &(name, text) in edition.files {
            assert_eq!(
                text.lines().next(),
                Some(mht_guide::schema::directive(name).as_str()),
                "{} {name} must start with its #:schema line",
                edition.name
            );
            let committed = fs::read_to_string(
                dir.join(mht_guide::schema::SCHEMA_DIR)
                    .join(mht_guide::schema::file_name(name)),
            )
            .unwrap_or_default();
            assert!(
                committed == mht_guide::schema::partial(name).unwrap(),
                "the {} edition's schema of {name} is out of date",
                edition.name
            );
        }
    }
}

#[test]
fn the_built_in_label_sets_name_their_schema_and_it_is_current() {
    let labels = mht_guide::schema::LABELS_FILE;
    for (_, path, text) in mht_guide::labels::BUILT_IN {
        assert_eq!(
            text.lines().next(),
            Some(mht_guide::schema::directive(labels).as_str()),
            "{path} must start with its #:schema line"
        );
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/labels");
    let committed = fs::read_to_string(
        dir.join(mht_guide::schema::SCHEMA_DIR)
            .join(mht_guide::schema::file_name(labels)),
    )
    .unwrap_or_default();
    assert!(
        committed == mht_guide::schema::json(labels).unwrap(),
        "content/labels/schemas/labels.schema.json is out of date; rewrite it with \
         `mht-guide schema labels`"
    );
}

#[test]
fn the_schema_command_prints_a_files_schema() {
    let dir = tempdir();
    let output = run(dir.path(), &["schema", "faq"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        mht_guide::schema::json("faq.toml").unwrap()
    );
    // `faq.toml` is accepted too; a name that is not a content file is a usage error.
    assert_eq!(
        run(dir.path(), &["schema", "faq.toml"]).status.code(),
        Some(0)
    );
    let output = run(dir.path(), &["schema", "notes"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("no content file is called `notes`; the files are guide, definition,")
    );
}

#[test]
fn a_new_edition_is_a_working_copy_of_the_content() {
    let dir = tempdir();
    let output = run(dir.path(), &["new-edition", "riverside"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "created riverside with 24 files; edit them, then use --content riverside\n"
    );
    let edition = dir.path().join("riverside");
    for name in mht_guide::file_names() {
        assert!(edition.join(&name).is_file(), "{name}");
        let schema = mht_guide::schema::file_name(&name);
        assert!(edition.join("schemas").join(&schema).is_file(), "{schema}");
    }
    // Nothing else: no staging folder left beside it.
    let entries: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&edition).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o755);
    }

    // The copy exports exactly what the embedded guide exports ...
    let ours = run(
        dir.path(),
        &[
            "export",
            "--content",
            "riverside",
            "--format",
            "md",
            "-o",
            "-",
        ],
    );
    let embedded = run(dir.path(), &["export", "--format", "md", "-o", "-"]);
    assert_eq!(ours.status.code(), Some(0));
    assert_eq!(ours.stdout, embedded.stdout);

    // ... and an edit shows up in the export.
    let guide = edition.join("guide.toml");
    let text = fs::read_to_string(&guide).unwrap();
    fs::write(
        &guide,
        text.replace(
            "publisher = \"mht-guide contributors\"",
            "publisher = \"Riverside Clinic\"",
        ),
    )
    .unwrap();
    let edited = run(
        dir.path(),
        &[
            "export",
            "--content",
            "riverside",
            "--format",
            "md",
            "-o",
            "-",
        ],
    );
    assert!(String::from_utf8_lossy(&edited.stdout).contains("Riverside Clinic"));
}

#[test]
fn a_new_edition_never_overwrites() {
    let dir = tempdir();
    let taken = dir.path().join("taken");
    fs::create_dir(&taken).unwrap();
    fs::write(taken.join("notes.txt"), "keep me").unwrap();
    let output = run(dir.path(), &["new-edition", "taken"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: taken already exists and is not empty; give a new folder for the edition\n"
    );
    assert_eq!(fs::read_dir(&taken).unwrap().count(), 1);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

    // An empty folder is fine, and so is a folder whose parents do not exist yet.
    fs::create_dir(dir.path().join("empty")).unwrap();
    assert_eq!(
        run(dir.path(), &["new-edition", "empty"]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(dir.path(), &["new-edition", "a/b/c"]).status.code(),
        Some(0)
    );
    assert!(dir.path().join("a/b/c/guide.toml").is_file());
}

/// Taplo, the engine of the Even Better TOML extension, run as `taplo check`.
pub(crate) fn taplo() -> Option<PathBuf> {
    tool_file(
        "Taplo (npm package @taplo/cli)",
        "TAPLO_JS",
        &[ci_tools().join("node_modules/@taplo/cli/dist/cli.js")],
    )
}

pub(crate) fn taplo_check(dir: &Path, files: &[&str]) -> (bool, String) {
    let taplo = taplo().unwrap();
    let output = Command::new("node")
        .arg(taplo)
        .arg("check")
        .args(files)
        .current_dir(dir)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
#[cfg_attr(
    missing = "taplo",
    ignore = "needs Taplo, which `bash .ci/test` installs"
)]
fn an_editor_validates_content_against_the_schemas() {
    if taplo().is_none() {
        return;
    }
    let dir = tempdir();
    assert_eq!(
        run(dir.path(), &["new-edition", "ed"]).status.code(),
        Some(0)
    );
    let edition = dir.path().join("ed");
    let names: Vec<String> = mht_guide::file_names().collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (ok, report) = taplo_check(&edition, &names);
    assert!(ok, "the content does not match its schemas:\n{report}");
    // The Spanish edition's partial files, against the partial schemas beside them.
    let spanish = Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::util::spanish().dir);
    let (ok, report) = taplo_check(&spanish, &names);
    assert!(
        ok,
        "the Spanish edition does not match its schemas:\n{report}"
    );
    // The built-in label sets, against theirs.
    let labels = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/labels");
    let (ok, report) = taplo_check(&labels, &["en.toml", "es.toml"]);
    assert!(ok, "the label sets do not match their schema:\n{report}");
    // A minimal edition, the same.
    assert_eq!(
        run(dir.path(), &["new-edition", "min", "--minimal"])
            .status
            .code(),
        Some(0)
    );
    let (ok, report) = taplo_check(&dir.path().join("min"), &["guide.toml"]);
    assert!(ok, "a minimal edition does not match its schema:\n{report}");

    // The mistakes an editor makes are caught as they type, through the #:schema line.
    let path = edition.join("salary-outlook.toml");
    let text = fs::read_to_string(&path).unwrap();
    let text = text
        .replacen("unit = \"year\"", "unit = \"yr\"", 1)
        .replacen("statistic = \"median\"", "statistic = \"middle\"", 1)
        .replacen("period = \"2024-05\"", "period = \"May 2024\"", 1);
    fs::write(&path, text).unwrap();
    let faq = edition.join("faq.toml");
    let text = fs::read_to_string(&faq).unwrap();
    fs::write(
        &faq,
        text.replacen("[[questions]]", "[[questions]]\nasker = \"me\"", 1),
    )
    .unwrap();
    let (ok, report) = taplo_check(&edition, &["salary-outlook.toml", "faq.toml"]);
    assert!(!ok, "{report}");
    for expected in [
        "\"yr\" is not one of [\"year\",\"hour\"]",
        "\"middle\" is not one of [\"p10\",\"p25\",\"median\",\"mean\",\"p75\",\"p90\"]",
        "\"May 2024\" does not match",
        "'asker' was unexpected",
    ] {
        assert!(report.contains(expected), "{expected} not in:\n{report}");
    }
}

/// A full copy of the English guide (`new-edition`) whose `language` is `ar`, with the English
/// labels copied under `[labels]`: an editor who changed the tag and translated nothing.
fn untranslated_copy(dir: &Path, language: &str) -> PathBuf {
    let copy = dir.join("copy");
    let out = run(dir, &["new-edition", "copy"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let guide = fs::read_to_string(copy.join("guide.toml")).unwrap();
    let guide = guide.replace(
        "language = \"en-US\"",
        &format!("language = \"{language}\""),
    );
    let labels: String = mht_guide::labels::BUILT_IN[0]
        .2
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(
        copy.join("guide.toml"),
        format!("{guide}\n[labels]\n{labels}"),
    )
    .unwrap();
    copy
}

#[test]
fn check_names_each_text_left_in_the_language_of_a_built_in_edition() {
    let dir = tempdir();
    let copy = untranslated_copy(dir.path(), "ar");
    let warned = |copy: &Path| {
        let out = run(dir.path(), &["check", "--content", copy.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
        let text = String::from_utf8_lossy(&out.stderr).into_owned();
        let places: Vec<String> = text
            .lines()
            .zip(text.lines().skip(1))
            .filter(|(l, _)| l.contains("reads exactly as in content/mental-health-technician"))
            .map(|(_, at)| at.trim().trim_start_matches("--> ").to_owned())
            .collect();
        places
    };
    let places = warned(&copy);
    // Every section file and the labels: hundreds of texts, each at its place.
    assert!(places.len() > 300, "{places:#?}");
    for file in mht_guide::file_names() {
        assert!(
            places.iter().any(|p| p.contains(&format!("copy/{file}:"))),
            "nothing in {file}: {places:#?}"
        );
    }
    // One of the definition's texts (an item of a list, on a line of its own), translated, is
    // no longer named; the rest still are.
    let definition = fs::read_to_string(copy.join("definition.toml")).unwrap();
    let (at, line) = places
        .iter()
        .filter(|p| p.contains("copy/definition.toml:"))
        .find_map(|p| {
            let number: usize = p.rsplit(':').nth(1)?.parse().ok()?;
            let line = definition.lines().nth(number - 1)?;
            line.trim_start()
                .starts_with('"')
                .then(|| (p.clone(), line))
        })
        .unwrap();
    let translated = definition.replacen(line, "  \"فني الصحة النفسية\",", 1);
    fs::write(copy.join("definition.toml"), translated).unwrap();
    let after = warned(&copy);
    assert!(!after.contains(&at), "{at} is still named");
    assert_eq!(after.len(), places.len() - 1);
    // In English (any region), the same copy is the English guide: nothing to translate.
    let dir = tempdir();
    let british = untranslated_copy(dir.path(), "en-GB");
    let out = run(
        dir.path(),
        &["check", "--content", british.to_str().unwrap()],
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("reads exactly"));
}

#[test]
fn translations_in_a_full_copy_are_refused_not_ignored() {
    let dir = tempdir();
    let copy = untranslated_copy(dir.path(), "es-MX");
    let guide = fs::read_to_string(copy.join("guide.toml")).unwrap();
    let guide = guide.replacen(
        "[labels]",
        "[translations]\n\"Psychiatric technicians\" = \"Técnicos psiquiátricos\"\n\n[labels]",
        1,
    );
    fs::write(copy.join("guide.toml"), guide).unwrap();
    let out = run(dir.path(), &["check", "--content", "copy"]);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("this edition has no base, so `[translations]` has nothing to translate"),
        "{text}"
    );
}

#[test]
fn check_names_emphasis_markers_commonmark_left_as_text() {
    let dir = tempdir();
    crate::scripts::fixture_copy(dir.path(), "zh-hans", "zh", "");
    let definition = fs::read_to_string(dir.path().join("zh/definition.toml")).unwrap();
    let check = |body: &str| {
        let text = definition.replacen("**陪伴与观察**；", body, 1);
        assert_ne!(text, definition);
        fs::write(dir.path().join("zh/definition.toml"), text).unwrap();
        let out = run(dir.path(), &["check", "--content", "zh"]);
        assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    // A closing `**` after `）` and before a letter: CommonMark leaves both markers as text.
    // Before punctuation (`；`) it closes, and nothing is named.
    let warned = check("**陪伴与观察（PT）**也就是说");
    assert!(!check("**陪伴与观察（PT）**；也就是说").contains("prints `**`"));
    assert!(
        warned.contains("this text prints `**` as it is"),
        "{warned}"
    );
    assert!(warned.contains("zh/definition.toml:2:8"), "{warned}");
    // The punctuation outside the markers reads as emphasis, and nothing is named.
    let clean = check("**陪伴与观察**（PT）也就是说");
    assert!(!clean.contains("prints `**`"), "{clean}");
}
