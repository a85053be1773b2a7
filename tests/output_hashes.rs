//! Every output of a matrix of exports (format, preset, paper, edition, sections, branding) is
//! byte for byte what `tests/output-hashes.txt` records.
//!
//! This is the guard for changes that must not change what a reader gets: a refactor passes
//! only when every file comes out the same. A change that is meant to change an output
//! rewrites the list (`MHT_WRITE_HASHES=1 cargo test output_hashes`), and the diff of the list
//! shows which outputs it changed, to be checked one by one against the snapshots.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::util::{fixtures, tempdir};

/// The list of hashes, one `<sha256>  <case>/<file>` line each.
const LIST: &str = "tests/output-hashes.txt";

/// The exports: a case name and the arguments `export --all` gets besides `-o`.
fn cases() -> Vec<(String, Vec<String>)> {
    let logo = |name: &str| fixtures().join("logo").join(name).display().to_string();
    let fixture = |name: &str| fixtures().join(name).display().to_string();
    let branding = |logo_file: &str| {
        vec![
            "--org".into(),
            "Riverside Community College".into(),
            "--contact".into(),
            "Career Center, 555-0100, careers@example.edu".into(),
            "--accent".into(),
            "#7a1f5c".into(),
            "--qr".into(),
            "https://example.edu/careers/mht".into(),
            "--logo".into(),
            logo(logo_file),
        ]
    };
    let mut cases: Vec<(String, Vec<String>)> = Vec::new();
    for edition in ["en", "es"] {
        for preset in ["full", "fact-sheet", "faq"] {
            cases.push((
                format!("{edition}-{preset}"),
                vec![
                    "--edition".into(),
                    edition.into(),
                    "--preset".into(),
                    preset.into(),
                ],
            ));
        }
    }
    for paper in ["a4", "legal"] {
        for preset in ["full", "fact-sheet"] {
            cases.push((
                format!("en-{preset}-{paper}"),
                vec![
                    "--preset".into(),
                    preset.into(),
                    "--paper".into(),
                    paper.into(),
                ],
            ));
        }
    }
    cases.push((
        "en-sections".into(),
        vec!["--sections".into(), "salary-outlook,faq,definition".into()],
    ));
    cases.push(("en-branded".into(), branding("riverside.png")));
    let mut sheet = branding("riverside.jpg");
    sheet.extend([
        "--preset".into(),
        "fact-sheet".into(),
        "--edition".into(),
        "es".into(),
    ]);
    sheet.extend(["--paper".into(), "a4".into()]);
    cases.push(("es-fact-sheet-branded-a4".into(), sheet));
    for name in ["minimal", "vietnamese"] {
        cases.push((
            format!("fixture-{name}"),
            vec!["--content".into(), fixture(name)],
        ));
    }
    cases
}

/// Runs every case and hashes every file it wrote: `<case>/<file>` → hex SHA-256.
fn hashes() -> BTreeMap<String, String> {
    let dir = tempdir();
    let cases = cases();
    let run = |(name, args): &(String, Vec<String>)| {
        let out = dir.path().join(name);
        // MHT_GUIDE_BIN runs another build of the command, such as the one before a change.
        let bin = std::env::var_os("MHT_GUIDE_BIN")
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_mht-guide").into());
        let output = Command::new(bin)
            .args(["export", "--all", "--quiet", "-o"])
            .arg(&out)
            .args(args)
            .env_remove("SOURCE_DATE_EPOCH")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "case {name} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        files_of(name, &out)
    };
    // Two at a time: the machines this runs on have two cores.
    let mut all = BTreeMap::new();
    for pair in cases.chunks(2) {
        let found: Vec<BTreeMap<String, String>> = std::thread::scope(|s| {
            let handles: Vec<_> = pair.iter().map(|case| s.spawn(|| run(case))).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        found.into_iter().for_each(|f| all.extend(f));
    }
    all
}

fn files_of(case: &str, dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.insert(format!("{case}/{name}"), crate::util::sha256_hex(&bytes));
    }
    assert!(!files.is_empty(), "case {case} wrote nothing");
    files
}

fn parse(list: &str) -> BTreeMap<String, String> {
    list.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (hash, name) = l
                .split_once("  ")
                .expect("a line is `<sha256>  <case>/<file>`");
            (name.to_owned(), hash.to_owned())
        })
        .collect()
}

fn format_list(hashes: &BTreeMap<String, String>) -> String {
    let mut out = String::from(
        "# SHA-256 of every output of the export matrix in tests/output_hashes.rs.\n\
         # Rewrite with `MHT_WRITE_HASHES=1 cargo test output_hashes`, and review the diff.\n",
    );
    for (name, hash) in hashes {
        let _ = writeln!(out, "{hash}  {name}");
    }
    out
}

/// The differences between the recorded and the made hashes, one line each.
fn differences(
    recorded: &BTreeMap<String, String>,
    made: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut diff = Vec::new();
    for (name, hash) in made {
        match recorded.get(name) {
            None => diff.push(format!("new output {name}")),
            Some(old) if old != hash => diff.push(format!("changed {name}")),
            Some(_) => {}
        }
    }
    diff.extend(
        recorded
            .keys()
            .filter(|n| !made.contains_key(*n))
            .map(|n| format!("no longer written {n}")),
    );
    diff
}

#[test]
fn every_output_is_the_recorded_bytes() {
    let made = hashes();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(LIST);
    if std::env::var_os("MHT_WRITE_HASHES").is_some() {
        std::fs::write(&path, format_list(&made)).unwrap();
        return;
    }
    let recorded = parse(&std::fs::read_to_string(&path).unwrap());
    let diff = differences(&recorded, &made);
    assert!(
        diff.is_empty(),
        "{} outputs differ from {LIST}:\n  {}\nIf the change is meant, rewrite the list with \
         MHT_WRITE_HASHES=1 and review its diff.",
        diff.len(),
        diff.join("\n  ")
    );
}

#[test]
fn a_changed_or_missing_output_is_reported() {
    let recorded = parse("aa  a/x.pdf\nbb  a/y.md\ncc  a/z.json\n");
    let made: BTreeMap<String, String> = [("a/x.pdf", "aa"), ("a/y.md", "bd"), ("a/w.html", "dd")]
        .into_iter()
        .map(|(n, h)| (n.to_owned(), h.to_owned()))
        .collect();
    assert_eq!(
        differences(&recorded, &made),
        [
            "new output a/w.html",
            "changed a/y.md",
            "no longer written a/z.json"
        ]
    );
    assert_eq!(parse(&format_list(&made)), made);
}
