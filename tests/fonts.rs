//! Fonts an edition names in `guide.toml`, and fonts given with `--font`: read from beside
//! the content, inherited by editions that stand on it, drawn with in the PDF, and every
//! wrong one refused at its place with nothing written.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{run, transcript};

/// The installed Khmer faces, which no font of the handout's own has.
const KHMER: [&str; 2] = [
    "/usr/share/fonts/truetype/noto/NotoSansKhmer-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansKhmer-Bold.ttf",
];

/// The minimal fixture and the Khmer fixture edition on it, in `dir`, the Khmer one's
/// guide.toml given `extra` lines at the top.
fn khmer_edition(dir: &Path, extra: &str) -> PathBuf {
    crate::scripts::fixture_copy(dir, "km", "km", extra)
}

/// The names of the fonts a PDF embeds, subset tags taken off.
fn font_names(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut names: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor"))
        .filter_map(|d| d.get(b"FontName").and_then(|n| n.as_name()).ok())
        .map(|n| {
            String::from_utf8_lossy(n)
                .split('+')
                .next_back()
                .unwrap()
                .to_owned()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
#[cfg_attr(
    missing = "noto-fonts",
    ignore = "needs the Noto fonts (fonts-noto-core, fonts-noto-cjk), which `bash .ci/test` installs"
)]
fn an_edition_draws_with_the_fonts_beside_its_content_and_its_children_inherit_them() {
    let dir = crate::util::tempdir();
    let km = khmer_edition(
        dir.path(),
        "fonts = [\"fonts/NotoSansKhmer-Regular.ttf\", \"fonts/NotoSansKhmer-Bold.ttf\"]",
    );
    fs::create_dir(km.join("fonts")).unwrap();
    for font in KHMER {
        fs::copy(
            font,
            km.join("fonts").join(Path::new(font).file_name().unwrap()),
        )
        .unwrap();
    }
    let export = |edition: &str| {
        run(
            dir.path(),
            &[
                "export",
                "--content",
                edition,
                "-o",
                "out.pdf",
                "--no-system-fonts",
            ],
        )
    };
    let out = export("km");
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let names = font_names(&fs::read(dir.path().join("out.pdf")).unwrap());
    assert!(
        names.contains(&"NotoSansKhmer-Regular".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"NotoSansKhmer-Bold".to_owned()),
        "{names:?}"
    );
    // `check` asks the same fonts: no Khmer warning.
    let check = run(
        dir.path(),
        &["check", "--content", "km", "--no-system-fonts"],
    );
    assert_eq!(check.status.code(), Some(0), "{}", transcript(&check));
    assert!(
        !transcript(&check).contains("Khmer"),
        "{}",
        transcript(&check)
    );

    // The preview's PDF draws with them too.
    {
        let server = crate::serve::serve(dir.path(), &["--content", "km", "--no-system-fonts"]);
        let (status, pdf) = crate::serve::get(server.port, "/guide.pdf");
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&pdf));
        let names = font_names(&pdf);
        assert!(
            names.contains(&"NotoSansKhmer-Regular".to_owned()),
            "{names:?}"
        );
    }

    // An edition on it that names no fonts draws with its base's.
    let child = dir.path().join("child");
    fs::create_dir(&child).unwrap();
    fs::write(
        child.join("guide.toml"),
        "base = \"../km\"\nslug = \"km-child\"\n",
    )
    .unwrap();
    let out = export("child");
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let names = font_names(&fs::read(dir.path().join("out.pdf")).unwrap());
    assert!(
        names.contains(&"NotoSansKhmer-Regular".to_owned()),
        "{names:?}"
    );
    let loaded = mht_guide::EditionFolder::new(&child)
        .bases_within(dir.path())
        .load()
        .unwrap();
    let paths: Vec<PathBuf> = loaded
        .fonts
        .iter()
        .map(|f| f.path.canonicalize().unwrap())
        .collect();
    let km = km.canonicalize().unwrap();
    assert_eq!(
        paths,
        [
            km.join("fonts/NotoSansKhmer-Regular.ttf"),
            km.join("fonts/NotoSansKhmer-Bold.ttf")
        ]
    );

    // `fonts = []` takes its base's away: the Khmer text has no font, and nothing is written.
    fs::remove_file(dir.path().join("out.pdf")).unwrap();
    fs::write(
        child.join("guide.toml"),
        "base = \"../km\"\nslug = \"km-child\"\nfonts = []\n",
    )
    .unwrap();
    let out = export("child");
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(
        transcript(&out).contains("the Khmer script"),
        "{}",
        transcript(&out)
    );
    assert!(!dir.path().join("out.pdf").exists());

    // The same font given on the command line serves an edition that names none.
    let out = run(
        dir.path(),
        &[
            "export",
            "--content",
            "child",
            "-o",
            "out.pdf",
            "--no-system-fonts",
            "--font",
            KHMER[0],
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let names = font_names(&fs::read(dir.path().join("out.pdf")).unwrap());
    assert!(
        names.contains(&"NotoSansKhmer-Regular".to_owned()),
        "{names:?}"
    );
}

#[test]
fn fonts_that_cannot_be_used_are_refused_at_their_place_and_nothing_is_written() {
    let dir = crate::util::tempdir();
    let km = khmer_edition(
        dir.path(),
        "fonts = [\"fonts/missing.ttf\", \"../minimal/guide.toml\", \"fonts/web.woff2\", \
         \"fonts/notes.txt\", \"fonts/outside.ttf\", \"/etc/hostname\", \"fonts\"]",
    );
    let fonts = km.join("fonts");
    fs::create_dir(&fonts).unwrap();
    fs::write(fonts.join("web.woff2"), b"wOF2 and then some").unwrap();
    fs::write(fonts.join("notes.txt"), "not a font").unwrap();
    let liberation = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/export/fonts/liberation/LiberationSans-Regular.ttf");
    fs::copy(&liberation, dir.path().join("outside.ttf")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("outside.ttf"), fonts.join("outside.ttf")).unwrap();
    let out = run(
        dir.path(),
        &["export", "--content", "km", "-o", "out.pdf", "--all"],
    );
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let line = "fonts = [";
    for (name, why) in [
        ("fonts/missing.ttf", "does not exist"),
        (
            "../minimal/guide.toml",
            "is not a path inside this edition's folder",
        ),
        ("fonts/web.woff2", "is a WOFF web font"),
        ("fonts/notes.txt", "is not a TrueType or OpenType font"),
        (
            "fonts/outside.ttf",
            "cannot be used: this file is a link to a file outside the content folder",
        ),
        (
            "/etc/hostname",
            "is not a path inside this edition's folder",
        ),
        (
            "fonts",
            "cannot be used: cannot read this file: it is a folder, not a file",
        ),
    ] {
        let column = line.len()
            + 1
            + fs::read_to_string(km.join("guide.toml")).unwrap()[line.len()..]
                .find(&format!("\"{name}\""))
                .unwrap();
        let expected = format!("error: the font `{name}` {why}");
        let at = format!("guide.toml:1:{column}");
        let found = text.lines().position(|l| l.starts_with(&expected));
        let found = found.unwrap_or_else(|| panic!("no `{expected}` in\n{text}"));
        assert!(
            text.lines().nth(found + 1).unwrap().ends_with(&at),
            "`{name}` is not placed at {at}:\n{text}"
        );
    }
    assert!(!dir.path().join("out.pdf").exists(), "{text}");

    // A file that starts like a font but is not one is refused by the exporter, at its place
    // in guide.toml too, by `export` and by `check`.
    fs::write(
        fonts.join("broken.otf"),
        b"OTTO\0\0\0\0 and nothing a font has",
    )
    .unwrap();
    let guide = fs::read_to_string(km.join("guide.toml")).unwrap();
    let rest = guide.split_once('\n').unwrap().1;
    fs::write(
        km.join("guide.toml"),
        format!("fonts = [\"fonts/broken.otf\"]\n{rest}"),
    )
    .unwrap();
    // The preview shows the problem in place of the guide.
    {
        let server = crate::serve::serve(dir.path(), &["--content", "km"]);
        let (status, page) = crate::serve::get(server.port, "/");
        let page = String::from_utf8_lossy(&page);
        assert_eq!(status, 200);
        assert!(page.contains("cannot be drawn with"), "{page}");
        assert_eq!(crate::serve::get(server.port, "/guide.pdf").0, 503);
    }
    for args in [
        &["export", "--content", "km", "-o", "out.pdf"][..],
        &["check", "--content", "km"],
    ] {
        let out = run(dir.path(), args);
        let text = transcript(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        assert!(
            text.contains("cannot be drawn with: not a TrueType or OpenType font"),
            "{args:?}: {text}"
        );
        assert!(text.contains("guide.toml:1:10"), "{args:?}: {text}");
    }
    assert!(!dir.path().join("out.pdf").exists());
}

#[test]
fn fonts_cannot_be_named_by_an_edition_held_in_memory() {
    let mut files = mht_guide::EMBEDDED_FILES.map(|(name, text)| (name, text.to_owned()));
    files[0].1 = format!("fonts = [\"fonts/x.ttf\"]\n{}", files[0].1);
    let err = mht_guide::Guide::from_files("draft", files).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("fonts can be named only by an edition read from a folder"),
        "{message}"
    );
}
