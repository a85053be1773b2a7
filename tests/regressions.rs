//! Regression tests for what an outside corpus broke (issue 13), one or more per failure. Each
//! failed on the code before the fix.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mht_guide::Guide;

use crate::util::{embedded_copy, fixtures, run, tempdir, transcript};

/// The minimal guide in `<dir>/guide`, with `faq.toml` replaced by `faq`.
fn with_faq(dir: &Path, faq: &str) -> std::path::PathBuf {
    let guide = dir.join("guide");
    crate::util::copy_files(&fixtures().join("minimal"), &guide);
    fs::write(guide.join("faq.toml"), faq).unwrap();
    guide
}

fn faq_answer(answer_toml: &str) -> String {
    format!(
        "summary = \"Questions.\"\n\n[[questions]]\nid = \"q\"\nquestion = \"Why?\"\nanswer = \
         {answer_toml}\n"
    )
}

/// Where a load error is: `(line, column)` of the first diagnostic, and its message.
fn first_error(guide: &Path) -> ((usize, usize), String) {
    let err = Guide::from_dir(guide).unwrap_err();
    let d = &err.diagnostics()[0];
    let p = d.position().unwrap_or_else(|| panic!("no position: {d}"));
    ((p.line, p.column), d.message().to_owned())
}

/// 1. Character references are held to the same rules as the characters themselves.
#[test]
fn character_references_to_forbidden_characters_are_refused_where_written() {
    for reference in ["&#x202E;", "&#27;", "&#7;", "&#xFFFE;", "&#x2066;"] {
        let dir = tempdir();
        let guide = with_faq(
            dir.path(),
            &faq_answer(&format!("\"Pay {reference}0001$ [@src-a]\"")),
        );
        let ((line, column), message) = first_error(&guide);
        // `answer = "Pay ` is 14 characters: the reference starts at column 15 of line 6.
        assert_eq!((line, column), (6, 15), "{reference}: {message}");
        let report = Guide::from_dir(&guide).unwrap_err().to_string();
        assert!(report.contains("character reference"), "{report}");
    }
}

/// 2. Addresses that browsers and validators disagree on, or that hide characters.
#[test]
fn malformed_or_disguised_addresses_are_refused_in_links_and_sources() {
    let bad: Vec<String> = [
        "https://example.org/a%zz",
        "https://example.org/a%",
        "https://#x",
        "https://0..0/",
        "https://example.org:99999/",
        "https://user:pw@a@b/",
        "https://example.org/\u{202E}gnp.exe",
        "https://example.org/\u{200B}x",
        "https://example.org/\u{FEFF}x",
        "https://example.org/\u{180E}x",
        "https://example.org/\u{2067}x",
    ]
    .map(String::from)
    .to_vec();
    for url in &bad {
        let dir = tempdir();
        let guide = with_faq(
            dir.path(),
            &faq_answer(&format!("'''[a]({url}) [@src-a]'''")),
        );
        assert!(
            Guide::from_dir(&guide).is_err(),
            "link {}",
            url.escape_debug()
        );
        let guide = dir.path().join("guide");
        let sources = fs::read_to_string(guide.join("sources.toml"))
            .unwrap()
            .replace("https://example.org/a", url);
        fs::write(guide.join("sources.toml"), sources).unwrap();
        fs::write(guide.join("faq.toml"), faq_answer("\"Fine [@src-a].\"")).unwrap();
        let err = Guide::from_dir(&guide).unwrap_err();
        // Messages show hidden characters by code point, never as Rust escapes.
        let text = err.to_string();
        assert!(!text.contains("\\u{"), "{text}");
    }
    // What is accepted is written in its serialized form: brackets and a second `#` encoded.
    let dir = tempdir();
    let guide = with_faq(
        dir.path(),
        &faq_answer("'''[a](https://example.org/a[1]#b#c) [@src-a]'''"),
    );
    let html = mht_guide_export::to_html(
        &Guide::from_dir(&guide).unwrap(),
        &mht_guide_export::Options::new(),
    );
    assert!(html.contains("href=\"https://example.org/a%5B1%5D#b%23c\""));
}

/// 3. Places inside TOML strings with escapes are the file's own line and column.
#[test]
fn errors_inside_escaped_strings_point_at_the_file() {
    let cases = [
        // The `<b>` after an escaped line break, on line 6.
        (r#""First line\nsecond line with <b>html</b>""#, (6, 40)),
        // A `\u00e9` and a `\t` earlier on the line.
        (r#""caf\u00e9\tand <i>x</i> [@src-a]""#, (6, 26)),
        // After a line-ending backslash in a multi-line string.
        (
            "\"\"\"\nA line that goes on \\\n   and on with <u>raw</u>.\n\"\"\"",
            (8, 16),
        ),
    ];
    for (answer, place) in cases {
        let dir = tempdir();
        let guide = with_faq(dir.path(), &faq_answer(answer));
        let (at, message) = first_error(&guide);
        assert_eq!(at, place, "{answer}: {message}");
    }
}

/// Runs `mht-guide` and requires it to finish within `limit`.
fn run_within(cwd: &Path, args: &[&str], limit: Duration) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("mht-guide {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// 4. Special files: a FIFO does not hang the loader, a device is not read.
#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_without_reading() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    fs::remove_file(guide.join("faq.toml")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(guide.join("faq.toml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    fs::remove_file(guide.join("skills.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", guide.join("skills.toml")).unwrap();
    let out = run_within(
        dir.path(),
        &["check", "--content", "guide"],
        Duration::from_secs(20),
    );
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("a named pipe (FIFO)"), "{text}");
    assert!(text.contains("skills.toml"), "{text}");
}

/// 4. A content file is capped in size.
#[test]
fn an_oversized_file_is_refused_with_the_cap() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let big = usize::try_from(mht_guide::MAX_FILE_BYTES).unwrap() + 1;
    fs::write(guide.join("faq.toml"), vec![b'#'; big]).unwrap();
    let text = Guide::from_dir(&guide).unwrap_err().to_string();
    assert!(text.contains("larger than 16 MiB"), "{text}");
}

/// 5. Links out of the folder are not read, and nothing of a non-content file is echoed.
#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_refused_and_secrets_are_not_quoted() {
    let dir = tempdir();
    let secret = dir.path().join("secret.toml");
    fs::write(&secret, "token = \"s3cr3t-value\"\n").unwrap();
    let guide = embedded_copy(dir.path());
    for (name, target) in [
        ("faq.toml", secret.as_path()),
        ("skills.toml", Path::new("/etc/passwd")),
    ] {
        fs::remove_file(guide.join(name)).unwrap();
        std::os::unix::fs::symlink(target, guide.join(name)).unwrap();
    }
    // A link through a linked folder, and a `..` that climbs out, are refused too.
    std::os::unix::fs::symlink(dir.path(), guide.join("up")).unwrap();
    fs::remove_file(guide.join("care-team.toml")).unwrap();
    std::os::unix::fs::symlink("up/secret.toml", guide.join("care-team.toml")).unwrap();
    fs::remove_file(guide.join("career-path.toml")).unwrap();
    std::os::unix::fs::symlink("../secret.toml", guide.join("career-path.toml")).unwrap();
    let out = run(dir.path(), &["check", "--content", "guide"]);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(
        text.matches("outside the content folder").count(),
        4,
        "{text}"
    );
    assert!(
        !text.contains("s3cr3t") && !text.contains("root:"),
        "{text}"
    );
    // A secrets file placed in the folder itself is located but never quoted.
    fs::remove_file(guide.join("faq.toml")).unwrap();
    fs::copy(&secret, guide.join("faq.toml")).unwrap();
    let text = transcript(&run(dir.path(), &["check", "--content", "guide"]));
    assert!(text.contains("faq.toml:1:1"), "{text}");
    assert!(!text.contains("s3cr3t"), "{text}");
    // A link to a file inside the folder is followed.
    let ok = tempdir();
    let guide = embedded_copy(ok.path());
    fs::create_dir(guide.join("parts")).unwrap();
    fs::rename(guide.join("faq.toml"), guide.join("parts/faq.toml")).unwrap();
    std::os::unix::fs::symlink("parts/faq.toml", guide.join("faq.toml")).unwrap();
    assert_eq!(Guide::from_dir(&guide).unwrap(), *mht_guide::guide());
}

/// 6. Branding options follow the content's text rules, and are not echoed raw.
#[test]
fn branding_options_follow_the_text_rules() {
    let dir = tempdir();
    for bad in [
        "Acme\u{1b}[31m",
        "A\u{7}",
        "A\u{7f}",
        "A\u{202E}B",
        "two\nlines",
        "",
        " pad",
    ] {
        for option in ["--org", "--contact"] {
            let out = run(
                dir.path(),
                &["export", "--format", "md", option, bad, "-o", "x.md"],
            );
            let text = transcript(&out);
            assert_eq!(out.status.code(), Some(2), "{}: {text}", bad.escape_debug());
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{text}"
            );
            assert!(!dir.path().join("x.md").exists());
        }
    }
}

/// 8. An answer's text in the JSON-LD is HTML text: markup characters stay characters.
#[test]
fn json_ld_answers_carry_no_markup() {
    let dir = tempdir();
    let guide = with_faq(
        dir.path(),
        &faq_answer(r#"'''Say \<a href=x\>hi\</a\> & bye [@src-a]'''"#),
    );
    let html = mht_guide_export::to_html(
        &Guide::from_dir(&guide).unwrap(),
        &mht_guide_export::Options::new(),
    );
    let start = html.find("application/ld+json").unwrap();
    let block = &html[start..html[start..].find("</script>").unwrap() + start];
    // Escaped for the script element (\u003c), and inside as HTML text (&lt;).
    assert!(block.contains("\\u0026lt;a href=x\\u0026gt;hi"), "{block}");
    assert!(block.contains("\\u0026amp; bye"), "{block}");
}

/// 9. `--all` writes every file or none, and its hint names the folder in the way.
#[test]
fn several_formats_are_written_all_or_nothing() {
    let dir = tempdir();
    let out_dir = dir.path().join("out");
    fs::create_dir_all(out_dir.join("mental-health-technician.pdf")).unwrap();
    let out = run(dir.path(), &["export", "--all", "-o", "out"]);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("out/mental-health-technician.pdf: it is a folder"),
        "{text}"
    );
    assert!(!text.contains("pdf/guide.md"), "{text}");
    let left: Vec<_> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["mental-health-technician.pdf"], "{left:?}");
}

/// 9. The content-folder guard sees through links.
#[cfg(unix)]
#[test]
fn an_export_onto_a_content_file_through_a_link_is_refused() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let before = fs::read(guide.join("faq.toml")).unwrap();
    std::os::unix::fs::symlink(guide.join("faq.toml"), dir.path().join("link.md")).unwrap();
    std::os::unix::fs::symlink(&guide, dir.path().join("content-link")).unwrap();
    for target in ["link.md", "content-link/out.md"] {
        let out = run(
            dir.path(),
            &[
                "export",
                "--content",
                "guide",
                "--format",
                "md",
                "-o",
                target,
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
        assert!(transcript(&out).contains("inside the content folder"));
    }
    assert_eq!(fs::read(guide.join("faq.toml")).unwrap(), before);
}

/// 9. A file name that is not UTF-8 still tells the format.
#[cfg(unix)]
#[test]
fn a_non_utf8_output_name_tells_the_format() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempdir();
    let name = OsStr::from_bytes(b"\xff.md");
    let out = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .arg("export")
        .arg("-o")
        .arg(name)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    assert!(dir.path().join(name).exists());
}

/// 9. A working folder deeper than `PATH_MAX` works: temporary paths stay relative.
#[cfg(unix)]
#[test]
fn a_very_deep_working_folder_works() {
    let dir = tempdir();
    // Made and entered one step at a time: the whole path is longer than the system allows.
    let step = "d".repeat(200);
    let script = format!(
        "for i in $(seq 25); do mkdir {step} && cd -P {step} || exit 9; done; \
         [ ${{#PWD}} -gt 4096 ] || exit 8; \
         {bin} export --format md -o g.md && {bin} new-edition -q ed && {bin} check -q \
         --content ed",
        bin = env!("CARGO_BIN_EXE_mht-guide")
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
}

/// 9. Interrupted during a write, the command leaves no temporary file behind.
#[cfg(unix)]
#[test]
fn an_interrupted_export_leaves_no_temporary_file() {
    let dir = tempdir();
    let guide = dir.path().join("big");
    fs::create_dir(&guide).unwrap();
    for (name, text) in crate::util::scaled_files(100) {
        fs::write(guide.join(name), text).unwrap();
    }
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let temporary = |d: &Path| {
        fs::read_dir(d)
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
    };
    let mut caught = 0;
    for _ in 0..20 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
            .args([
                "export",
                "--content",
                "big",
                "--format",
                "md",
                "-o",
                "out/g.md",
            ])
            .current_dir(dir.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the temporary file, then interrupt.
        let start = Instant::now();
        while !temporary(&out_dir) && child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < Duration::from_secs(60));
        }
        let pid = child.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let status = child.wait().unwrap();
        if status.code() == Some(130) {
            caught += 1;
            assert!(!temporary(&out_dir), "a temporary file was left behind");
        }
        let _ = fs::remove_file(out_dir.join("g.md"));
        if caught >= 3 {
            break;
        }
    }
    assert!(caught > 0, "the export was never interrupted while writing");
}

/// 9. A PDF that needs more memory than can be had is an error, not an abort.
#[cfg(unix)]
#[test]
fn a_pdf_too_large_for_the_memory_limit_is_an_error() {
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let para = "Technicians watch over patients and write down what they see. ".repeat(40);
    let body = format!("{para}\n\n").repeat(15_000_000 / (para.len() + 2));
    let text = fs::read_to_string(guide.join("care-team.toml"))
        .unwrap()
        .replacen("body = '''\n", &format!("body = '''\n{body}"), 1);
    fs::write(guide.join("care-team.toml"), text).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 2000000; exec {} export --content guide -o g.pdf",
            env!("CARGO_BIN_EXE_mht-guide")
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("too large for a PDF"), "{text}");
    assert!(!dir.path().join("g.pdf").exists());
}

/// 9. `check` warns, at the place, about what the PDF cannot print.
#[test]
fn check_warns_where_the_pdf_would_refuse_a_character() {
    let dir = tempdir();
    let guide = with_faq(
        dir.path(),
        &faq_answer("\"Smile \u{1F600} and \u{C548}\u{B155}\u{D558}\u{C138}\u{C694} [@src-a]\""),
    );
    // As on a machine with no font that has an emoji (installed fonts differ).
    let out = run(
        dir.path(),
        &["check", "--content", "guide", "--no-system-fonts"],
    );
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("guide/faq.toml:6:17"), "{text}");
    assert!(text.contains("U+1F600"), "{text}");
    assert!(text.contains("the Hangul script (5 places"), "{text}");
    let _ = guide;
}
