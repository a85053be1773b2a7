//! Every edge a careless user or a hostile edition reaches gets its place and a clear
//! sentence, and no number that is not one reaches a file (issue 27). Each test failed on the
//! code before the fix.

use std::fs;
use std::path::Path;
use std::process::Command;

use mht_guide_export::{Format, Options, Paper};

use crate::util::{copy_files, fixtures, load_errors, run, tempdir, transcript};

/// The minimal guide in `<dir>/guide`, with `edit` applied to one of its files.
fn edited(dir: &Path, file: &str, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let guide = dir.join("guide");
    copy_files(&fixtures().join("minimal"), &guide);
    let path = guide.join(file);
    fs::write(&path, edit(fs::read_to_string(&path).unwrap())).unwrap();
    guide
}

#[test]
fn a_zero_or_negative_amount_is_refused_where_written() {
    for (written, shown) in [("0", "0"), ("0.0", "0"), ("-5", "-5"), ("0.001", "0.001")] {
        let dir = tempdir();
        let guide = edited(dir.path(), "salary-outlook.toml", |t| {
            t.replacen("amount = 50000", &format!("amount = {written}"), 1)
        });
        let found = load_errors(&guide);
        assert_eq!(found.len(), 1, "{written}: {found:?}");
        assert!(
            found[0].contains(":10:10: error: `")
                && (found[0].contains(&format!(
                    "`{shown}` is not a usable amount; write a positive number"
                )) || found[0].contains("more than two decimals")),
            "{written}: {found:?}"
        );
    }
}

#[test]
fn charts_of_amounts_that_are_all_zero_draw_no_nan() {
    // The library takes a guide built in code, where an amount of zero can be made.
    let mut guide = crate::util::minimal();
    for pay in &mut guide.salary_outlook.pay {
        pay.amount = mht_guide::Money::new(0, pay.amount.currency());
    }
    let options = Options::new();
    let html = mht_guide_export::to_html(&guide, &options);
    assert!(
        !html.contains("NaN") && !html.contains("inf"),
        "the SVG holds NaN"
    );
    let pdf = mht_guide_export::export(&guide, Format::Pdf, &options).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    for page in doc.get_pages().into_values() {
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        assert!(
            !content.contains("NaN") && !content.contains("inf"),
            "{content}"
        );
    }
}

#[test]
fn a_date_written_without_quotes_is_named_with_the_range() {
    let dir = tempdir();
    let guide = edited(dir.path(), "guide.toml", |t| {
        t.replacen("edition = \"2025-01-15\"", "edition = 2025-01-15", 1)
    });
    let found = load_errors(&guide);
    assert_eq!(
        found[0],
        format!(
            "{}:6:11: error: write this date in quotes, as `\"2025-01-15\"`: a year (`\"2024\"`), \
             a month (`\"2024-05\"`) or a day (`\"2025-08-28\"`), from 1900 to 2200",
            guide.join("guide.toml").display()
        )
    );
    let far = edited(dir.path(), "guide.toml", |t| {
        t.replacen("edition = \"2025-01-15\"", "edition = \"9999-12-31\"", 1)
    });
    assert!(
        load_errors(&far)[0].ends_with(
            "`9999-12-31` is not a date; write a year (`2024`), a month (`2024-05`) or a day \
             (`2025-08-28`), from 1900 to 2200"
        ),
        "{:?}",
        load_errors(&far)
    );
}

#[test]
fn a_slug_too_long_for_a_file_name_is_refused_at_load() {
    let dir = tempdir();
    let long = "a".repeat(300);
    let guide = edited(dir.path(), "guide.toml", |t| {
        t.replacen("slug = \"minimal\"", &format!("slug = \"{long}\""), 1)
    });
    let found = load_errors(&guide);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with(
            "error: the slug is 300 characters long; exported files are named after it, so \
             keep it to 100 characters or fewer"
        ),
        "{found:?}"
    );
}

#[test]
fn a_base_folder_that_is_not_an_edition_is_one_clear_error() {
    let dir = tempdir();
    fs::create_dir_all(dir.path().join("notes")).unwrap();
    fs::write(dir.path().join("notes/readme.txt"), "not an edition").unwrap();
    fs::create_dir_all(dir.path().join("ours")).unwrap();
    fs::write(dir.path().join("ours/guide.toml"), "base = \"../notes\"\n").unwrap();
    let found = load_errors(&dir.path().join("ours"));
    assert_eq!(
        found,
        [format!(
            "{}:1:8: error: the base `../notes` is a folder but not an edition: {} holds no \
             `guide.toml`; name the folder of an edition",
            dir.path().join("ours/guide.toml").display(),
            dir.path().join("ours/../notes").display()
        )]
    );
}

#[test]
fn source_date_epoch_out_of_range_is_a_usage_error() {
    let dir = tempdir();
    for value in ["-1", "253402300800", "99999999999999999999", "soon"] {
        let output = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
            .args(["export", "-f", "epub", "-o", "out.epub"])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", value)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{value}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .next()
                .unwrap(),
            format!(
                "error: SOURCE_DATE_EPOCH is `{value}`; it must be a whole number of seconds \
                 from 0 (1970-01-01) to 253402300799 (9999-12-31T23:59:59Z)"
            )
        );
    }
    assert!(!dir.path().join("out.epub").exists());
}

#[test]
fn a_qr_address_too_long_to_scan_is_a_usage_error_and_the_longest_fits() {
    let dir = tempdir();
    let address = |n: usize| format!("https://example.org/{}", "a".repeat(n - 20));
    let too_long = address(mht_guide_export::MAX_QR_BYTES + 1);
    let output = run(
        dir.path(),
        &[
            "export",
            "--preset",
            "fact-sheet",
            "-o",
            "f.pdf",
            "--qr",
            &too_long,
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(
            "--qr is 81 characters long; a handout's QR code holds at most 80, so that it \
             stays easy to scan and the fact sheet keeps its two pages"
        ),
        "{}",
        transcript(&output)
    );
    // The longest address allowed keeps the fact sheet on its two pages.
    // The longest address allowed keeps the English fact sheet on its two pages, on every
    // paper and with the organization's name and contact line.
    let longest = address(mht_guide_export::MAX_QR_BYTES);
    for paper in [Paper::Letter, Paper::A4, Paper::Legal] {
        let options = Options::new()
            .with_preset(mht_guide_export::Preset::FactSheet)
            .with_paper(paper)
            .with_organization(mht_guide::Text::parse("Riverside County Workforce Board").unwrap())
            .with_contact(mht_guide::Text::parse("555-0100, www.riverside.example.org").unwrap())
            .with_qr(longest.parse().unwrap());
        let pdf = mht_guide_export::export(mht_guide::guide(), Format::Pdf, &options).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        assert_eq!(doc.get_pages().len(), 2, "{paper:?}");
    }
    let options = Options::new().with_qr(longest.parse().unwrap());
    let html = mht_guide_export::to_html(mht_guide::guide(), &options);
    assert!(html.contains("class=\"qr\""));
}

#[test]
#[cfg(unix)]
fn new_edition_into_a_link_says_so() {
    let dir = tempdir();
    fs::create_dir(dir.path().join("real")).unwrap();
    std::os::unix::fs::symlink("real", dir.path().join("ours")).unwrap();
    let output = run(dir.path(), &["new-edition", "ours"]);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim_end(),
        "error: cannot make the edition at ours: it is a link (to real), and an edition is \
         made as a new folder; give the folder the link leads to, or a new path"
    );
    let output = run(dir.path(), &["new-edition", "real"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
}

#[test]
fn serve_takes_localhost_and_a_bracketed_address() {
    for host in ["localhost", "LOCALHOST", "[::1]", "::1", "127.0.0.1"] {
        // --base-root without --content stops the command after the address was read, so no
        // server starts.
        let output = run(
            Path::new("."),
            &["serve", "--host", host, "--base-root", "."],
        );
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("invalid value"), "{host}: {stderr}");
        assert!(stderr.contains("--content"), "{host}: {stderr}");
    }
    let output = run(Path::new("."), &["serve", "--host", "example.org"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(
        "give an IP address, such as 127.0.0.1, ::1 or 0.0.0.0 (every address), or localhost"
    ));
}

#[test]
fn content_on_a_folder_of_several_editions_names_them() {
    let dir = tempdir();
    copy_files(&fixtures().join("minimal"), &dir.path().join("editions/a"));
    copy_files(&fixtures().join("minimal"), &dir.path().join("editions/b"));
    let output = run(dir.path(), &["check", "--content", "editions"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .next()
            .unwrap(),
        "error: editions holds no guide.toml of its own but 2 editions (editions/a, \
         editions/b); give one of them with --content"
    );
}

#[test]
fn a_key_nested_too_deeply_is_placed_at_its_line() {
    let dir = tempdir();
    let deep = ["a"; 200].join(".");
    let guide = edited(dir.path(), "faq.toml", |t| format!("{t}\n{deep} = 1\n"));
    let found = load_errors(&guide);
    let lines = fs::read_to_string(guide.join("faq.toml"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!(
            "{}:{lines}:1: error: this nests more deeply than a TOML reader allows",
            guide.join("faq.toml").display()
        )),
        "{found:?}"
    );
}
