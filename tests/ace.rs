//! EPUB Accessibility 1.1, checked by DAISY Ace (npm `@daisy/ace`, its `ace-puppeteer`
//! command), the reference checker: the package's accessibility metadata and conformance
//! claim, and axe-core's WCAG checks with Ace's EPUB rules on every content document, in
//! Debian's Chromium.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use mht_guide_export::{Options, Preset, to_epub};
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

use crate::util::{ci_tools, tempdir, tool_file};

/// Ace's command-line script, and a Chromium it can start headless.
fn ace() -> Option<(PathBuf, PathBuf)> {
    let script = tool_file(
        "DAISY Ace (npm package @daisy/ace)",
        "ACE_SCRIPT",
        &[ci_tools().join("node_modules/@daisy/ace/bin/ace-puppeteer.js")],
    )?;
    let chromium = crate::util::chromium();
    crate::util::validator(chromium.to_str()?, "CHROMIUM", "--version")?;
    Some((script, chromium))
}

/// What Ace reports as failing: one line per failed assertion, with its document.
fn violations(script: &Path, chromium: &Path, dir: &Path, name: &str, book: &[u8]) -> Vec<String> {
    let book_path = dir.join(name);
    fs::write(&book_path, book).unwrap();
    // Puppeteer starts the browser itself; this wrapper adds the flags a container needs.
    let wrapper = dir.join("chromium.sh");
    if !wrapper.exists() {
        fs::write(
            &wrapper,
            format!(
                "#!/bin/sh\nexec '{}' --no-sandbox --disable-gpu --disable-background-networking \
                 --disable-component-update --disable-sync --no-first-run \"$@\"\n",
                chromium.display()
            ),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let report_dir = dir.join(format!("{name}-report"));
    let run = Command::new("node")
        .arg(script)
        .args(["--force", "--silent", "--outdir"])
        .arg(&report_dir)
        .arg(&book_path)
        .env("PUPPETEER_EXECUTABLE_PATH", &wrapper)
        .env("PUPPETEER_SKIP_DOWNLOAD", "1")
        .output()
        .unwrap();
    let report = fs::read(report_dir.join("report.json")).unwrap_or_else(|e| {
        panic!(
            "{name}: Ace wrote no report ({e}): {}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        )
    });
    let report: serde_json::Value = serde_json::from_slice(&report).unwrap();
    let mut out = Vec::new();
    for document in report["assertions"].as_array().into_iter().flatten() {
        let url = document["earl:testSubject"]["url"].as_str().unwrap_or("");
        for a in document["assertions"].as_array().into_iter().flatten() {
            if a["earl:result"]["earl:outcome"] != "pass" {
                out.push(format!(
                    "{url}: {} ({}): {}",
                    a["earl:test"]["dct:title"].as_str().unwrap_or(""),
                    a["earl:test"]["earl:impact"].as_str().unwrap_or(""),
                    a["earl:result"]["dct:description"].as_str().unwrap_or("")
                ));
            }
        }
    }
    // An overall failure with no failed assertion would be a report this test misreads.
    assert_eq!(
        report["earl:result"]["earl:outcome"] == "pass",
        out.is_empty(),
        "{name}: Ace's verdict and its assertions disagree"
    );
    out
}

/// The book with one of its files changed.
pub(crate) fn with_entry(book: &[u8], name: &str, change: impl Fn(String) -> String) -> Vec<u8> {
    let mut zip = ZipArchive::new(Cursor::new(book)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        let method = file.compression();
        let entry = file.name().unwrap().into_owned();
        out.start_file(
            entry.as_str(),
            SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        if entry == name {
            data = change(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
#[cfg_attr(
    missing = "ace",
    ignore = "needs DAISY Ace with Chromium, which `bash .ci/test` installs"
)]
fn ace_finds_no_violations() {
    let Some((script, chromium)) = ace() else {
        return;
    };
    let dir = tempdir();
    let guide = mht_guide::guide();
    let mut branded = Options::new().with_preset(Preset::FactSheet);
    branded
        .set_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
        .set_qr(mht_guide::Url::parse("https://careers.example.edu/technicians").unwrap())
        .set_logo(crate::util::logo());
    let spanish = mht_guide::edition("es").unwrap();
    let mut books: Vec<(&str, Vec<u8>)> = [
        ("full.epub", guide, Options::new()),
        (
            "selection.epub",
            guide,
            Options::new().with_sections("education,faq".parse().unwrap()),
        ),
        ("sheet.epub", guide, branded),
        ("faq.epub", guide, Options::new().with_preset(Preset::Faq)),
        ("es-full.epub", spanish, Options::new()),
        (
            "es-sheet.epub",
            spanish,
            Options::new().with_preset(Preset::FactSheet),
        ),
    ]
    .into_iter()
    .map(|(name, guide, options)| (name, to_epub(guide, &options).unwrap()))
    .collect();
    // The built-in Chinese, Vietnamese and Arabic editions, whole and as fact sheets.
    for (name, edition, preset) in [
        ("zh-Hans-full.epub", "zh-Hans", Preset::Full),
        ("zh-Hans-sheet.epub", "zh-Hans", Preset::FactSheet),
        ("vi-full.epub", "vi", Preset::Full),
        ("vi-sheet.epub", "vi", Preset::FactSheet),
        ("ar-full.epub", "ar", Preset::Full),
        ("ar-sheet.epub", "ar", Preset::FactSheet),
    ] {
        let guide = mht_guide::edition(edition).unwrap();
        books.push((
            name,
            to_epub(guide, &Options::new().with_preset(preset)).unwrap(),
        ));
    }
    // Seen to fail: a book without its accessibility metadata, and one whose chapters lack
    // their ARIA role.
    let full = &books[0].1;
    let no_metadata = with_entry(full, "EPUB/package.opf", |opf| {
        opf.lines()
            .filter(|l| !l.contains("schema:access"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let no_roles = with_entry(full, "EPUB/01-definition.xhtml", |page| {
        page.replace(" role=\"doc-chapter\"", "")
    });
    // Ace starts a browser for each book; two at a time keep both cores busy.
    let results: Vec<(String, Vec<String>)> = std::thread::scope(|scope| {
        let broken = [
            ("no-metadata.epub", no_metadata),
            ("no-roles.epub", no_roles),
        ];
        let all: Vec<(String, Vec<u8>)> = books
            .into_iter()
            .map(|(n, b)| (n.to_owned(), b))
            .chain(broken.into_iter().map(|(n, b)| (n.to_owned(), b)))
            .collect();
        let (script, chromium, dir) = (&script, &chromium, dir.path());
        let halves: Vec<Vec<(String, Vec<u8>)>> = vec![
            all.iter().step_by(2).cloned().collect(),
            all.iter().skip(1).step_by(2).cloned().collect(),
        ];
        let handles: Vec<_> = halves
            .into_iter()
            .map(|half| {
                scope.spawn(move || {
                    half.into_iter()
                        .map(|(name, book)| {
                            let v = violations(script, chromium, dir, &name, &book);
                            (name, v)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for (name, found) in &results {
        match name.as_str() {
            "no-metadata.epub" => assert!(
                found.iter().any(|v| v.contains("metadata-accessmode")),
                "Ace did not see the missing metadata: {found:?}"
            ),
            "no-roles.epub" => assert!(
                found
                    .iter()
                    .any(|v| v.contains("epub-type-has-matching-role")),
                "Ace did not see the missing role: {found:?}"
            ),
            _ => assert!(
                found.is_empty(),
                "{name}: Ace violations:\n{}",
                found.join("\n")
            ),
        }
    }
    assert_eq!(results.len(), 14);
}
