//! The README's picture of the fact sheet stays current.

use crate::util::{tempdir, transcript};

#[test]
fn the_readme_picture_is_of_the_current_fact_sheet() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let logo = root.join("tests/fixtures/logo/riverside.png");
    let dir = tempdir();
    // The same arguments as .ci/readme-picture, and no SOURCE_DATE_EPOCH, as there.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .current_dir(dir.path())
        .env_remove("SOURCE_DATE_EPOCH")
        .args([
            "export",
            "--quiet",
            "--preset",
            "fact-sheet",
            "--org",
            "Riverside Community College",
            "--contact",
            "Career Center · 555-0100",
            "--logo",
            logo.to_str().unwrap(),
            "--accent",
            "#0b5d4b",
            "--qr",
            "https://careers.example.edu/technicians",
            "-o",
            "sheet.pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let pdf = std::fs::read(dir.path().join("sheet.pdf")).unwrap();
    let hash = crate::util::sha256_hex(&pdf);
    let recorded = std::fs::read_to_string(root.join("examples/fact-sheet-page-1.sha256")).unwrap();
    assert_eq!(
        hash,
        recorded.trim(),
        "the fact sheet has changed since the README's picture was made; run \
         .ci/readme-picture and look at examples/fact-sheet-page-1.png before committing it"
    );
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains("](examples/fact-sheet-page-1.png)"));
    assert!(root.join("examples/fact-sheet-page-1.png").is_file());
}
