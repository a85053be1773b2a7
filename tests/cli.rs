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
    let output = run(dir.path(), &["export", "--format", "odt"]);
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
fn sections_aligns_chinese_titles_and_counts_characters() {
    let dir = tempdir();
    let output = run(
        dir.path(),
        &[
            "sections",
            "--content",
            fixtures().join("scripts/zh-hans").to_str().unwrap(),
            "--base-root",
            fixtures().to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    // The counts end in the same terminal column on every line (a Chinese character takes
    // two), and count characters: the definition's 240-odd characters, not its 19 "words"
    // between spaces.
    let ends: Vec<usize> = text
        .lines()
        .map(|l| {
            let count = l.trim_end_matches(" characters");
            l.chars()
                .take(count.chars().count())
                .map(|c| if c > '\u{2E80}' { 2 } else { 1 })
                .sum()
        })
        .collect();
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{text}");
    let definition: usize = text
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    assert!(definition > 200, "{text}");
}

#[test]
fn check_reviews_the_embedded_guide() {
    let dir = tempdir();
    let output = run(dir.path(), &["check", "--as-of", "2026-12-07"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    insta::assert_snapshot!(transcript(&output));
    // The same warnings fail the check when they are denied; --quiet hides them.
    let denied = run(
        dir.path(),
        &["check", "--as-of", "2026-12-07", "--deny-warnings"],
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&denied.stderr)
            .ends_with("error: 4 warnings, denied by --deny-warnings\n")
    );
    let quiet = run(dir.path(), &["check", "--as-of", "2026-12-07", "--quiet"]);
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
fn check_measures_reading_level_by_the_editions_language() {
    let dir = tempdir();
    let guide = dir.path().join("guide");
    crate::util::copy_files(&fixtures().join("minimal"), &guide);
    let meta = fs::read_to_string(guide.join("guide.toml")).unwrap();
    let check = |language: &str| {
        let mut edited = meta.replace(
            "language = \"en-US\"",
            &format!("language = \"{language}\""),
        );
        assert_ne!(edited, meta);
        if language == "vi" {
            // No label set is built in for Vietnamese, so the edition gives every label.
            let english = mht_guide::labels::BUILT_IN[0].2;
            edited.push_str("\n[labels]\n");
            edited.push_str(english);
        }
        fs::write(guide.join("guide.toml"), edited).unwrap();
        let output = run(
            dir.path(),
            &["check", "--content", "guide", "--as-of", "2025-01-01"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let english = check("en-GB");
    assert!(english.contains("  grade\n"), "{english}");
    assert!(
        english.contains("\ngrade: Flesch-Kincaid grade level, "),
        "{english}"
    );
    // Spanish: Szigriszt-Pazos perspicuity, each figure with its INFLESZ band.
    let spanish = check("es-US");
    assert!(spanish.contains("  INFLESZ\n"), "{spanish}");
    assert!(
        spanish.contains("\nINFLESZ: Szigriszt-Pazos perspicuity (INFLESZ scale), "),
        "{spanish}"
    );
    let all = spanish.lines().find(|l| l.starts_with("all ")).unwrap();
    assert!(
        [
            "muy difícil",
            "algo difícil",
            "normal",
            "bastante fácil",
            "muy fácil"
        ]
        .iter()
        .any(|band| all.ends_with(band)),
        "{all}"
    );
    // A language with no formula here gets the words alone, and says so.
    let other = check("vi");
    assert!(
        other.contains("no reading-level formula for the language `vi`"),
        "{other}"
    );
    assert!(
        !other.contains("grade") && !other.contains("INFLESZ"),
        "{other}"
    );
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

#[test]
fn the_format_comes_from_the_output_file_name() {
    let dir = tempdir();
    let output = run(dir.path(), &["export", "-o", "handout.pdf"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(
        fs::read(dir.path().join("handout.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let output = run(dir.path(), &["export", "-o", "page.HTML"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        fs::read_to_string(dir.path().join("page.HTML"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    // A name that says nothing, or no name at all, is a usage error that says what to do.
    let output = run(dir.path(), &["export", "-o", "handout.odt"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(transcript(&output));
    let output = run(dir.path(), &["export"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: which format?"));

    // --format wins over the extension, with a warning when they disagree.
    let output = run(dir.path(), &["export", "--format", "md", "-o", "notes.pdf"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with(
        "warning: writing the md export to notes.pdf, though its extension says pdf\n"
    ));
    assert!(
        fs::read_to_string(dir.path().join("notes.pdf"))
            .unwrap()
            .starts_with("---\n")
    );
}

#[test]
fn quiet_and_verbose() {
    let dir = tempdir();
    let quiet = run(dir.path(), &["--quiet", "export", "-o", "a.md"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty());
    let normal = run(dir.path(), &["export", "-o", "a.md"]);
    let size = fs::metadata(dir.path().join("a.md")).unwrap().len();
    assert_eq!(
        String::from_utf8_lossy(&normal.stderr),
        format!("wrote a.md ({size} bytes)\n")
    );
    let verbose = run(dir.path(), &["export", "-o", "a.md", "--verbose"]);
    let lines: Vec<String> = String::from_utf8_lossy(&verbose.stderr)
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("loaded content/mental-health-technician (embedded) in "));
    assert!(lines[1].starts_with("exported md in ") && lines[1].ends_with(" ms"));
    // Errors still show when quiet.
    let output = run(dir.path(), &["-q", "check", "--content", "nowhere"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read the content folder"));
    assert_eq!(
        run(dir.path(), &["-q", "-v", "sections"]).status.code(),
        Some(2)
    );
}

/// Runs the binary with `NO_COLOR` unset, optionally under a pseudo-terminal (util-linux
/// `script`), and returns what it wrote to standard error.
fn stderr_of(args: &str, terminal: bool, no_color: bool) -> String {
    let dir = tempdir();
    let bin = env!("CARGO_BIN_EXE_mht-guide");
    let mut command = if terminal {
        let mut c = std::process::Command::new("script");
        // The pty merges stdout and stderr; the command's stdout goes to /dev/null.
        c.args(["-qec", &format!("{bin} {args} > /dev/null"), "/dev/null"]);
        c
    } else {
        let mut c = std::process::Command::new(bin);
        c.args(args.split(' '));
        c
    };
    command
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env("TERM", "xterm-256color");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let output = command.output().unwrap();
    if terminal {
        String::from_utf8_lossy(&output.stdout).into_owned()
    } else {
        String::from_utf8_lossy(&output.stderr).into_owned()
    }
}

#[test]
fn colors_on_terminals_only_and_never_with_no_color() {
    let args = "check --as-of 2026-11-23";
    let bold_yellow = "\u{1b}[1m\u{1b}[33mwarning";
    let has_color = |s: &str| s.contains('\u{1b}');
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok()
    {
        let tty = stderr_of(args, true, false);
        assert!(tty.contains(bold_yellow), "{tty:?}");
        let tty_no_color = stderr_of(args, true, true);
        assert!(tty_no_color.contains("warning: this figure"));
        assert!(!has_color(&tty_no_color), "{tty_no_color:?}");
    }
    let piped = stderr_of(args, false, false);
    assert!(piped.contains("warning: this figure") && !has_color(&piped));
    assert!(has_color(&stderr_of(
        &format!("{args} --color always"),
        false,
        false
    )));
    assert!(!has_color(&stderr_of(
        &format!("{args} --color never"),
        true,
        false
    )));
}

#[test]
fn completions_and_manual_page() {
    let dir = tempdir();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(dir.path(), &["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for word in ["export", "new-edition", "fact-sheet", "deny-warnings"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    // The bash script is valid bash, and completes subcommands.
    let script = dir.path().join("mht-guide.bash");
    fs::write(&script, run(dir.path(), &["completions", "bash"]).stdout).unwrap();
    let probe = format!(
        "source {}; COMP_WORDS=(mht-guide new); COMP_CWORD=1; _mht__guide mht-guide new mht-guide; \
         echo \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "new-edition"
    );

    let output = run(dir.path(), &["man"]);
    assert_eq!(output.status.code(), Some(0));
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH mht-guide 1"));
    assert!(page.contains("new\\-edition"));
    // Each command has its own page, which the main page refers to.
    let output = run(dir.path(), &["man", "export"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains(".TH mht-guide-export 1"));
    let output = run(dir.path(), &["man", "--dir", "man1"]);
    assert_eq!(output.status.code(), Some(0));
    let mut pages: Vec<String> = fs::read_dir(dir.path().join("man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "mht-guide-check.1",
            "mht-guide-completions.1",
            "mht-guide-export.1",
            "mht-guide-man.1",
            "mht-guide-new-edition.1",
            "mht-guide-schema.1",
            "mht-guide-sections.1",
            "mht-guide-serve.1",
            "mht-guide-translate.1",
            "mht-guide.1"
        ]
    );
    // groff formats it without a warning, where groff is installed.
    if let Ok(output) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::fs::File::open(write(&dir, "mht-guide.1", page.as_bytes())).unwrap())
        .output()
    {
        assert!(output.status.success());
        assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    }
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_version_names_the_content_edition() {
    let dir = tempdir();
    let output = run(dir.path(), &["--version"]);
    assert_eq!(output.status.code(), Some(0));
    let guide = mht_guide::guide();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!(
            "mht-guide {} (content: {}, edition of {})\n",
            env!("CARGO_PKG_VERSION"),
            guide.meta.title,
            guide.labels.date(guide.meta.edition)
        )
    );
}
