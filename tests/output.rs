//! Output safety: writes are atomic, failures leave existing files alone, bad targets get a
//! clear error, and a full disk or a closed pipe ends cleanly.

use std::fs;
use std::process::{Command, Stdio};

use crate::util::{broken_guide, embedded_copy, fixtures, run, tempdir, transcript};

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

#[test]
fn a_folder_that_cannot_be_written_is_a_clear_error() {
    let dir = tempdir();
    // /proc refuses new files even to root, whom file permissions do not stop.
    let output = run(
        dir.path(),
        &["export", "-f", "md", "-o", "/proc/self/guide.md"],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(
            "error: cannot write /proc/self/guide.md: cannot create a file in /proc/self"
        ),
        "{stderr}"
    );
}

#[test]
fn a_folder_as_the_target_is_a_clear_error() {
    let dir = tempdir();
    fs::create_dir(dir.path().join("out")).unwrap();
    let output = run(dir.path(), &["export", "-f", "md", "-o", "out"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn a_full_disk_on_standard_output_ends_cleanly() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .args(["export", "-f", "json", "-o", "-"])
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim_end(),
        "error: cannot write to standard output: No space left on device (os error 28)"
    );
}

#[test]
fn a_failed_export_leaves_no_temporary_file() {
    let dir = tempdir();
    embedded_copy(dir.path());
    // The check of the characters fails after the content loaded, before anything is written.
    let faq = dir.path().join("guide/faq.toml");
    let text = fs::read_to_string(&faq)
        .unwrap()
        .replacen("Yes.", "Yes ✓ no.", 1);
    fs::write(&faq, text).unwrap();
    let output = run(
        dir.path(),
        &["export", "-f", "pdf", "--content", "guide", "-o", "out.pdf"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["guide"]);
}
