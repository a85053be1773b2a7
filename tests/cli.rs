//! The `mht-guide` command line: exit codes, output, and safe writing.

use std::fs;

use crate::util::{broken_guide, embedded_copy, fixtures, run, tempdir, transcript};

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
fn check_passes_on_the_embedded_guide() {
    let dir = tempdir();
    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .starts_with("content/mental-health-technician (embedded): no problems; 11 sections")
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
    assert!(stderr.contains("unknown unit `yearly`; use `year` or `hour`"));
}

#[test]
fn a_failed_export_leaves_an_existing_file_untouched() {
    let dir = tempdir();
    broken_guide(&fixtures().join("broken/citations"), dir.path());
    let target = dir.path().join("out.md");
    fs::write(&target, "precious").unwrap();
    let output = run(
        dir.path(),
        &["export", "-f", "md", "--content", "guide", "-o", "out.md"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing was written"));
    assert_eq!(fs::read_to_string(&target).unwrap(), "precious");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn export_replaces_an_existing_file_and_keeps_its_permissions() {
    let dir = tempdir();
    let target = dir.path().join("out.json");
    fs::write(&target, "old").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let output = run(dir.path(), &["export", "-f", "json", "-o", "out.json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(fs::read_to_string(&target).unwrap().starts_with('{'));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}

#[test]
fn output_into_a_missing_folder_or_the_content_folder_is_refused() {
    let dir = tempdir();
    embedded_copy(dir.path());
    let output = run(dir.path(), &["export", "-f", "md", "-o", "missing/out.md"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(transcript(&output));

    let before = fs::read_to_string(dir.path().join("guide/faq.toml")).unwrap();
    let output = run(
        dir.path(),
        &[
            "export",
            "-f",
            "md",
            "--content",
            "guide",
            "-o",
            "guide/faq.toml",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("guide/faq.toml")).unwrap(),
        before
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .args(["export", "-f", "json", "-o", "-"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, before the export has written everything.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
