//! The `mht-guide` command line: exit codes, output, and safe writing.

use std::fs;

use crate::util::{embedded_copy, fixtures, run, tempdir, transcript};

#[test]
fn export_writes_the_default_file_in_the_current_folder() {
    let dir = tempdir();
    let output = run(dir.path(), &["export", "--format", "md"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let written = fs::read_to_string(dir.path().join("mental-health-technician.md")).unwrap();
    assert_eq!(
        written,
        mht_guide_export::to_markdown(mht_guide::guide(), &Default::default())
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("wrote mental-health-technician.md ("),
        "{stderr}"
    );
    // Nothing else is left in the folder: no temporary files.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn export_to_stdout() {
    let dir = tempdir();
    let output = run(
        dir.path(),
        &["export", "-f", "json", "--sections", "faq", "-o", "-"],
    );
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["sections"][0], "faq");
    assert!(output.stderr.is_empty());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn export_from_an_edited_copy() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let faq = fs::read_to_string(guide.join("faq.toml")).unwrap();
    fs::write(
        guide.join("faq.toml"),
        faq.replace(
            "Can I work part time?",
            "Can I work part-time at our clinic?",
        ),
    )
    .unwrap();
    // Both the guide folder and its parent are accepted.
    for content in ["guide", "."] {
        let output = run(
            dir.path(),
            &["export", "-f", "md", "--content", content, "-o", "-"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
        let md = String::from_utf8(output.stdout).unwrap();
        assert!(md.contains("### Can I work part-time at our clinic?"));
    }
}

#[test]
fn unknown_section_is_a_usage_error_listing_the_valid_ids() {
    let dir = tempdir();
    let output = run(
        dir.path(),
        &["export", "-f", "md", "--sections", "faq,salary"],
    );
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let dir = tempdir();
    let output = run(dir.path(), &["export", "--format", "docx"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn missing_arguments_are_a_usage_error() {
    let dir = tempdir();
    for args in [&[][..], &["export"][..], &["frobnicate"][..]] {
        let output = run(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            transcript(&output)
        );
    }
}

#[test]
fn help_and_version_exit_zero() {
    let dir = tempdir();
    let output = run(dir.path(), &["--help"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
    let output = run(dir.path(), &["export", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
    let output = run(dir.path(), &["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("mht-guide "));
}

#[test]
fn sections_lists_ids_titles_and_words() {
    let dir = tempdir();
    let output = run(
        dir.path(),
        &[
            "sections",
            "--content",
            fixtures().join("minimal").to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn check_reviews_the_embedded_guide() {
    let dir = tempdir();
    let output = run(dir.path(), &["check", "--as-of", "2026-11-23"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    insta::assert_snapshot!(transcript(&output));
    // The same warnings fail the check when they are denied; --quiet hides them.
    let denied = run(
        dir.path(),
        &["check", "--as-of", "2026-11-23", "--deny-warnings"],
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&denied.stderr)
            .ends_with("error: 3 warnings, denied by --deny-warnings\n")
    );
    let quiet = run(dir.path(), &["check", "--as-of", "2026-11-23", "--quiet"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty());
    // In 2014, none of the data was old yet.
    let earlier = run(
        dir.path(),
        &["check", "--as-of", "2014-12-31", "--deny-warnings"],
    );
    assert_eq!(earlier.status.code(), Some(0), "{}", transcript(&earlier));
}

#[test]
fn check_warns_about_a_figure_without_a_citation() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let path = guide.join("career-path.toml");
    let text = fs::read_to_string(&path).unwrap();
    let marker = "intro = '''\n";
    let intro = text.find(marker).unwrap() + marker.len();
    let mut edited = text.clone();
    edited.insert_str(
        intro,
        "Most technicians, some 62%, move on within five years.\n\n",
    );
    fs::write(&path, edited).unwrap();
    let line = text[..intro].lines().count() + 1;
    let output = run(
        dir.path(),
        &["check", "--content", "guide", "--as-of", "2026-11-23"],
    );
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let pad = " ".repeat(line.to_string().len());
    let expected = format!(
        "warning: `62%` is a figure, but its paragraph cites no source\n\
         {pad}--> guide/career-path.toml:{line}:24\n"
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(
        stderr.contains("= help: add a citation such as `[@"),
        "{stderr}"
    );
}

#[test]
fn check_names_the_broken_file_line_and_column() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let path = guide.join("salary-outlook.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("unit = \"year\"", "unit = \"yearly\"", 1),
    )
    .unwrap();
    let line = text.lines().position(|l| l == "unit = \"year\"").unwrap() + 1;
    let output = run(dir.path(), &["check", "--content", "guide"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("--> guide/salary-outlook.toml:{line}:8")),
        "{stderr}"
    );
    assert!(stderr.contains("unknown unit `yearly`\n"));
    assert!(stderr.contains("= help: use `year` or `hour`\n"));
}

#[test]
fn all_formats_at_once_go_into_a_folder() {
    let dir = tempdir();
    let output = run(dir.path(), &["export", "--all", "-o", "handouts"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let guide = mht_guide::guide();
    for format in mht_guide_export::Format::ALL {
        let path = dir
            .path()
            .join("handouts")
            .join(format!("mental-health-technician.{}", format.extension()));
        let expected = mht_guide_export::export(guide, *format, &Default::default()).unwrap();
        assert_eq!(fs::read(&path).unwrap(), expected, "{}", path.display());
    }
    let output = run(dir.path(), &["export", "--format", "md,json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(dir.path().join("mental-health-technician.md").exists());
    assert!(dir.path().join("mental-health-technician.json").exists());
}

#[test]
fn several_formats_cannot_go_to_standard_output() {
    let dir = tempdir();
    let output = run(dir.path(), &["export", "--format", "pdf,md", "-o", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn the_faq_preset_takes_no_sections() {
    let dir = tempdir();
    let output = run(
        dir.path(),
        &[
            "export",
            "-f",
            "pdf",
            "--preset",
            "faq",
            "--sections",
            "education",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: --preset faq prints"));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}
