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
        &[
            "export",
            "-f",
            "pdf",
            "--content",
            "guide",
            "-o",
            "out.pdf",
            "--no-system-fonts",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["guide"]);
}

/// What is at a path, by the kind of file it is, links not followed.
#[cfg(unix)]
fn kind(path: &std::path::Path) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = fs::symlink_metadata(path).unwrap().file_type();
    match () {
        () if t.is_symlink() => "link",
        () if t.is_file() => "file",
        () if t.is_fifo() => "fifo",
        () if t.is_char_device() => "char device",
        () if t.is_socket() => "socket",
        () => "other",
    }
}

#[test]
#[cfg(unix)]
fn a_named_pipe_is_written_through_and_stays_a_pipe() {
    let dir = tempdir();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // The reader opens the pipe, as a program waiting for the export would, and reads it all.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let output = run(dir.path(), &["export", "-f", "md", "-o", "pipe"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let read = reader.join().unwrap();
    assert!(
        read.starts_with(b"---\n"),
        "{}",
        String::from_utf8_lossy(&read)
    );
    assert_eq!(
        read,
        run(dir.path(), &["export", "-f", "md", "-o", "-"]).stdout
    );
    assert_eq!(kind(&fifo), "fifo");
}

#[test]
#[cfg(target_os = "linux")]
fn a_device_is_written_through_and_a_full_one_is_an_error() {
    let dir = tempdir();
    // Links to the system's devices, so the devices themselves are never at the -o path.
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null")).unwrap();
    std::os::unix::fs::symlink("/dev/full", dir.path().join("full")).unwrap();
    let output = run(dir.path(), &["export", "-f", "md", "-o", "null"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert_eq!(kind(&dir.path().join("null")), "link");
    assert_eq!(kind(std::path::Path::new("/dev/null")), "char device");

    let output = run(dir.path(), &["export", "-f", "md", "-o", "full"]);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim_end(),
        "error: cannot write full: No space left on device (os error 28)"
    );
    assert_eq!(kind(&dir.path().join("full")), "link");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "no temporary file is left");
}

#[test]
#[cfg(unix)]
fn a_link_to_a_file_writes_the_file_and_stays_a_link() {
    let dir = tempdir();
    fs::create_dir(dir.path().join("site")).unwrap();
    fs::write(dir.path().join("site/guide.md"), "old").unwrap();
    std::os::unix::fs::symlink("site/guide.md", dir.path().join("latest.md")).unwrap();
    let output = run(dir.path(), &["export", "-o", "latest.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert_eq!(kind(&dir.path().join("latest.md")), "link");
    let written = fs::read(dir.path().join("site/guide.md")).unwrap();
    assert!(written.starts_with(b"---\n"));
    // The temporary file was made beside the target, and placed.
    assert_eq!(fs::read_dir(dir.path().join("site")).unwrap().count(), 1);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
#[cfg(unix)]
fn a_dangling_link_or_a_socket_is_refused_by_name() {
    let dir = tempdir();
    std::os::unix::fs::symlink("gone/guide.md", dir.path().join("latest.md")).unwrap();
    let output = run(dir.path(), &["export", "-o", "latest.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim_end(),
        "error: refusing to write latest.md: it is a link to gone/guide.md, which does not \
         exist; remove the link or give another path"
    );
    assert_eq!(kind(&dir.path().join("latest.md")), "link");

    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("sock.md")).unwrap();
    let output = run(dir.path(), &["export", "-o", "sock.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim_end(),
        "error: refusing to write sock.md: it is a socket; give the path of a file"
    );
    assert_eq!(kind(&dir.path().join("sock.md")), "socket");
}

#[test]
fn output_into_a_base_folder_is_refused() {
    let dir = tempdir();
    let base = embedded_copy(dir.path());
    let child = dir.path().join("child");
    fs::create_dir(&child).unwrap();
    fs::write(
        child.join("guide.toml"),
        "base = \"../guide\"\nslug = \"child\"\n",
    )
    .unwrap();
    let before = fs::read(base.join("faq.toml")).unwrap();
    for target in ["guide/faq.toml", "child/../guide/faq.md", "guide/new.md"] {
        let output = run(
            dir.path(),
            &["export", "-f", "md", "--content", "child", "-o", target],
        );
        assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr).trim_end(),
            format!(
                "error: refusing to write {target}: it is inside the content folder \
                 child/../guide, which the guide is made from; write the export somewhere else"
            )
        );
    }
    assert_eq!(fs::read(base.join("faq.toml")).unwrap(), before);
    assert_eq!(fs::read_dir(&base).unwrap().count(), 12);
}

#[test]
#[cfg(unix)]
fn files_placed_together_wait_for_a_lock_on_their_folder() {
    // Two runs into one folder must not interleave their files. Each places its set under an
    // exclusive lock on the folder: while another holder has it, a run places nothing.
    let dir = tempdir();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let held = fs::File::open(&out).unwrap();
    held.lock().unwrap();
    let mut export = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .args(["export", "-f", "md,html", "-q", "-o", "out"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let placed = |name: &str| {
        out.join(format!("mental-health-technician.{name}"))
            .exists()
    };
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(export.try_wait().unwrap().is_none(), "the run did not wait");
    assert!(!placed("md") && !placed("html"));
    held.unlock().unwrap();
    assert!(export.wait().unwrap().success());
    assert!(placed("md") && placed("html"));
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        2,
        "no temporary file is left"
    );
}
