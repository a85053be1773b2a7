//! Brand files: an organization's branding kept in brand.toml, given with --brand, found beside
//! an edition or named by its guide.toml; the command line wins over it, and its mistakes are
//! told by line and column with nothing written.

use std::fs;
use std::path::Path;

use crate::util::{copy_files, fixtures, run, tempdir, transcript};

/// A brand file with every key, and the logo it names beside it.
fn full_brand(dir: &Path) -> std::path::PathBuf {
    fs::copy(
        fixtures().join("logo/riverside.png"),
        dir.join("riverside.png"),
    )
    .unwrap();
    let path = dir.join("brand.toml");
    fs::write(
        &path,
        "organization = \"Riverside Community College\"\n\
         contact = \"Career Center · 555-0100\"\n\
         logo = \"riverside.png\"\n\
         accent = \"#0b5d4b\"\n\
         qr = \"https://careers.example.edu/technicians\"\n\
         paper = \"a4\"\n\
         edition = \"es\"\n",
    )
    .unwrap();
    path
}

/// Exports a web page with these arguments in `dir`, and returns it.
fn page(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", "--format", "html", "-o", "page.html"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    assert!(out.status.success(), "{args:?}: {}", transcript(&out));
    fs::read_to_string(dir.join("page.html")).unwrap()
}

/// Runs an export to x.html that must fail with exit 1 and write nothing; returns what it said.
fn refused(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", "-o", "x.html"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    let said = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
    assert!(!dir.join("x.html").exists());
    said
}

/// The width and height of a PDF's first page, in points.
fn page_size(pdf: &Path) -> (f32, f32) {
    let doc = lopdf::Document::load(pdf).unwrap();
    let (_, id) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(id).unwrap();
    let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let n = |i: usize| media[i].as_float().unwrap();
    (n(2) - n(0), n(3) - n(1))
}

#[test]
fn a_brand_file_brands_every_format_and_the_command_line_wins() {
    let dir = tempdir();
    full_brand(dir.path());
    let branded = page(dir.path(), &["--brand", "brand.toml"]);
    for expected in [
        "Riverside Community College",
        "Career Center · 555-0100",
        "<img src=\"data:image/png;base64,",
        "--accent: #0b5d4b;",
        "https://careers.example.edu/technicians",
        // The edition it names.
        " lang=\"es-US\"",
    ] {
        assert!(branded.contains(expected), "no {expected}");
    }
    let out = run(
        dir.path(),
        &["export", "--brand", "brand.toml", "-o", "sheet.pdf"],
    );
    assert!(out.status.success(), "{}", transcript(&out));
    let (w, h) = page_size(&dir.path().join("sheet.pdf"));
    assert_eq!((w.round(), h.round()), (595.0, 842.0), "A4");

    // Each option given on the command line wins; another organization takes none of the
    // file's logo, contact line or QR code.
    let overridden = page(
        dir.path(),
        &[
            "--brand",
            "brand.toml",
            "--org",
            "Lakeside Workforce Board",
            "--accent",
            "#5b2a86",
            "--edition",
            "en",
        ],
    );
    assert!(overridden.contains("Lakeside Workforce Board"));
    assert!(!overridden.contains("Riverside Community College"));
    assert!(!overridden.contains("<img "));
    assert!(!overridden.contains("Career Center · 555-0100"));
    assert!(!overridden.contains("careers.example.edu"));
    assert!(overridden.contains("--accent: #5b2a86;"));
    assert!(overridden.contains(" lang=\"en-US\""));
    // What the command line leaves out still comes from the file: with the file's
    // organization, its contact line.
    let contact = page(
        dir.path(),
        &["--brand", "brand.toml", "--qr", "https://example.org/jobs"],
    );
    assert!(contact.contains("Career Center · 555-0100"));
    assert!(contact.contains("https://example.org/jobs"));
    assert!(!contact.contains("careers.example.edu"));
    let out = run(
        dir.path(),
        &[
            "export",
            "--brand",
            "brand.toml",
            "--paper",
            "letter",
            "-o",
            "letter.pdf",
        ],
    );
    assert!(out.status.success(), "{}", transcript(&out));
    let (w, h) = page_size(&dir.path().join("letter.pdf"));
    assert_eq!((w.round(), h.round()), (612.0, 792.0), "Letter");
}

#[test]
fn an_editions_brand_file_is_found_beside_it_or_where_its_guide_toml_names_it() {
    let dir = tempdir();
    let edition = dir.path().join("ed");
    copy_files(&fixtures().join("minimal"), &edition);
    let plain = page(dir.path(), &["--content", "ed"]);
    assert!(!plain.contains("class=\"provided-by\""));

    // Beside guide.toml.
    fs::write(
        edition.join("brand.toml"),
        "organization = \"Riverside Community College\"\n",
    )
    .unwrap();
    let beside = page(dir.path(), &["--content", "ed"]);
    assert!(beside.contains("Riverside Community College"));
    // --brand wins over it.
    fs::write(
        dir.path().join("other.toml"),
        "organization = \"Lakeside Workforce Board\"\n",
    )
    .unwrap();
    let given = page(dir.path(), &["--content", "ed", "--brand", "other.toml"]);
    assert!(given.contains("Lakeside Workforce Board"));
    assert!(!given.contains("Riverside"));

    // Named by guide.toml, in a subfolder.
    fs::create_dir(edition.join("branding")).unwrap();
    fs::write(
        edition.join("branding/ours.toml"),
        "organization = \"Hillcrest State Hospital\"\n",
    )
    .unwrap();
    let guide = fs::read_to_string(edition.join("guide.toml")).unwrap();
    fs::write(
        edition.join("guide.toml"),
        format!("brand = \"branding/ours.toml\"\n{guide}"),
    )
    .unwrap();
    let named = page(dir.path(), &["--content", "ed"]);
    assert!(named.contains("Hillcrest State Hospital"));
    assert!(!named.contains("Riverside"));

    // A name that leads nowhere is an error at it, in guide.toml.
    fs::write(
        edition.join("guide.toml"),
        format!("brand = \"branding/missing.toml\"\n{guide}"),
    )
    .unwrap();
    let said = refused(dir.path(), &["--content", "ed"]);
    assert!(
        said.contains("guide.toml:1:9")
            && said.contains("the brand file `branding/missing.toml` does not exist"),
        "{said}"
    );

    // An edition's brand file shows no logo from outside the edition's folder.
    fs::write(edition.join("guide.toml"), &guide).unwrap();
    fs::copy(
        fixtures().join("logo/riverside.png"),
        dir.path().join("outside.png"),
    )
    .unwrap();
    for logo in [
        "../outside.png",
        dir.path().join("outside.png").to_str().unwrap(),
    ] {
        fs::write(
            edition.join("brand.toml"),
            format!("organization = \"Riverside Community College\"\nlogo = \"{logo}\"\n"),
        )
        .unwrap();
        let said = refused(dir.path(), &["--content", "ed"]);
        assert!(
            said.contains("brand.toml:2:8") && said.contains("is not inside this edition's folder"),
            "{logo}: {said}"
        );
    }
    // Nor through a link that leads out of it.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("outside.png"), edition.join("linked.png"))
            .unwrap();
        fs::write(
            edition.join("brand.toml"),
            "organization = \"Riverside Community College\"\nlogo = \"linked.png\"\n",
        )
        .unwrap();
        let said = refused(dir.path(), &["--content", "ed"]);
        assert!(
            said.contains("is not inside this edition's folder"),
            "{said}"
        );
    }
    // Inside it, the logo is shown.
    fs::copy(
        fixtures().join("logo/riverside.png"),
        edition.join("logo.png"),
    )
    .unwrap();
    fs::write(
        edition.join("brand.toml"),
        "organization = \"Riverside Community College\"\nlogo = \"logo.png\"\n",
    )
    .unwrap();
    assert!(page(dir.path(), &["--content", "ed"]).contains("<img src=\"data:image/png"));

    // A --brand file cannot choose an edition when --content gives one.
    fs::write(dir.path().join("es.toml"), "edition = \"es\"\n").unwrap();
    let said = refused(dir.path(), &["--content", "ed", "--brand", "es.toml"]);
    assert!(
        said.contains("es.toml:1:11") && said.contains("--content ed gives the edition"),
        "{said}"
    );

    // An edition's brand file cannot choose another edition.
    fs::write(edition.join("guide.toml"), &guide).unwrap();
    fs::write(
        edition.join("brand.toml"),
        "organization = \"Riverside Community College\"\nedition = \"es\"\n",
    )
    .unwrap();
    let said = refused(dir.path(), &["--content", "ed"]);
    assert!(
        said.contains("brand.toml:2:11") && said.contains("remove `edition`"),
        "{said}"
    );
}

#[test]
fn mistakes_in_a_brand_file_are_told_by_line_and_column_and_nothing_is_written() {
    let dir = tempdir();
    for (text, at, says) in [
        (
            "organization = \"Riverside\"\naccent = \"green\"\n",
            "brand.toml:2:10",
            "#RRGGBB",
        ),
        (
            "organisation = \"Riverside\"\n",
            "brand.toml:1:1",
            "unknown field `organisation`",
        ),
        (
            "paper = \"tabloid\"\n",
            "brand.toml:1:9",
            "unknown variant `tabloid`",
        ),
        ("qr = \"ftp://example.org\"\n", "brand.toml:1:6", "ftp"),
        (
            "logo = \"logo.png\"\n",
            "brand.toml:1:8",
            "a logo needs `organization`",
        ),
        ("edition = \"fr\"\n", "brand.toml:1:11", "fr"),
        ("organization = 7\n", "brand.toml:1:16", "invalid type"),
        (
            "organization = \"Riverside\"\nlogo = \"missing.png\"\n",
            "brand.toml:2:8",
            "cannot use the logo",
        ),
        (
            "qr = \"https://example.org/a-very-long-address-that-goes-on-and-on-and-on-until-it-is-far-too-long\"\n",
            "brand.toml:1:6",
            "characters long",
        ),
    ] {
        fs::write(dir.path().join("brand.toml"), text).unwrap();
        let out = run(
            dir.path(),
            &["export", "--brand", "brand.toml", "-o", "out.pdf"],
        );
        let said = transcript(&out);
        assert_eq!(out.status.code(), Some(1), "{text}: {said}");
        assert!(said.contains(at), "{text}: wanted {at} in {said}");
        assert!(said.contains(says), "{text}: wanted {says} in {said}");
        assert!(!dir.path().join("out.pdf").exists());
    }
    // A file that is not there is the command line's mistake.
    let out = run(
        dir.path(),
        &["export", "--brand", "missing.toml", "-o", "out.pdf"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(transcript(&out).contains("--brand: cannot read missing.toml"));
}

#[test]
fn new_edition_writes_a_starter_brand_file_and_its_schema() {
    let dir = tempdir();
    let out = run(dir.path(), &["new-edition", "ed", "--minimal", "--brand"]);
    assert!(out.status.success(), "{}", transcript(&out));
    let starter = fs::read_to_string(dir.path().join("ed/brand.toml")).unwrap();
    assert!(starter.starts_with("#:schema ./schemas/brand.schema.json\n"));
    let schema = fs::read_to_string(dir.path().join("ed/schemas/brand.schema.json")).unwrap();
    let printed = run(dir.path(), &["schema", "brand"]);
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), schema);
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    let keys: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "organization",
        "contact",
        "logo",
        "accent",
        "qr",
        "paper",
        "edition",
    ] {
        assert!(keys.contains(&key), "the schema lacks {key}");
    }
    // The starter, as written, brands nothing; with its keys taken out of their comments
    // (all but the logo, which is not there), it brands the handout.
    assert!(!page(dir.path(), &["--content", "ed"]).contains("class=\"provided-by\""));
    let used: String = starter
        .lines()
        .filter(|l| !l.starts_with("# logo"))
        .map(|l| match l.strip_prefix("# ") {
            Some(kv) if kv.contains(" = ") => kv,
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(dir.path().join("ed/brand.toml"), &used).unwrap();
    let branded = page(dir.path(), &["--content", "ed"]);
    assert!(branded.contains("Riverside Community College"), "{used}");
}

#[test]
#[cfg_attr(
    missing = "taplo",
    ignore = "needs Taplo, which `bash .ci/test` installs"
)]
fn an_editor_checks_a_brand_file_against_its_schema() {
    if crate::edition::taplo().is_none() {
        return;
    }
    let dir = tempdir();
    let out = run(dir.path(), &["new-edition", "ed", "--minimal", "--brand"]);
    assert!(out.status.success(), "{}", transcript(&out));
    let ed = dir.path().join("ed");
    let starter = fs::read_to_string(ed.join("brand.toml")).unwrap();
    let (ok, report) = crate::edition::taplo_check(&ed, &["brand.toml"]);
    assert!(ok, "the starter does not match its schema:\n{report}");
    // Every key in use.
    let used: String = starter
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(kv) if kv.contains(" = ") => format!("{kv}\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    fs::write(ed.join("brand.toml"), &used).unwrap();
    let (ok, report) = crate::edition::taplo_check(&ed, &["brand.toml"]);
    assert!(ok, "a full brand file does not match its schema:\n{report}");
    // The check is seen to fail: a color in words and an unknown key.
    for broken in [
        used.replace("accent = \"#0b5d4b\"", "accent = \"green\""),
        format!("{used}colour = \"#0b5d4b\"\n"),
    ] {
        fs::write(ed.join("brand.toml"), &broken).unwrap();
        let (ok, _) = crate::edition::taplo_check(&ed, &["brand.toml"]);
        assert!(!ok, "taplo accepts:\n{broken}");
    }
}
