//! An organization's branding: its color on headings, rules and chart bars, kept readable,
//! and refused with a clear message when it is not a color.

use std::fs;

use mht_guide_export::{Options, Preset, Rgb, to_epub, to_html, to_pdf};

use crate::util::{run, tempdir, transcript};

#[test]
fn a_color_that_is_not_one_is_refused_and_nothing_is_written() {
    let dir = tempdir();
    for bad in ["red", "#12345", "#0b5d4bff", "0b5d4b", "#0b5d4g"] {
        let output = run(dir.path(), &["export", "--accent", bad, "-o", "sheet.pdf"]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{bad}: {}",
            transcript(&output)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("#RRGGBB"), "{bad}: {stderr}");
        assert!(
            !dir.path().join("sheet.pdf").exists(),
            "{bad}: a file was written"
        );
    }
}

#[test]
fn a_pale_color_is_darkened_with_a_warning() {
    let dir = tempdir();
    let output = run(
        dir.path(),
        &[
            "export",
            "--accent",
            "#ffcc00",
            "--format",
            "html",
            "-o",
            "page.html",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let used = "#ffcc00".parse::<Rgb>().unwrap().for_light_page();
    assert!(
        stderr.contains("warning") && stderr.contains(&used.to_string()),
        "{stderr}"
    );
    let page = fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert!(page.contains(&format!("--accent: {used};")));
    // A color that passes as it is is used as it is, without a warning.
    let output = run(
        dir.path(),
        &[
            "export",
            "--accent",
            "#0b5d4b",
            "--format",
            "html",
            "-o",
            "green.html",
        ],
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("warning"));
    let page = fs::read_to_string(dir.path().join("green.html")).unwrap();
    assert!(page.contains("--accent: #0b5d4b;"));
}

#[test]
fn the_color_reaches_every_format_that_has_one() {
    let guide = mht_guide::guide();
    let green: Rgb = "#0b5d4b".parse().unwrap();
    let mut options = Options::new().preset(Preset::FactSheet);
    options.set_accent(green);
    assert!(to_html(guide, &options).contains("--accent: #0b5d4b;"));
    let book = to_epub(guide, &options).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut css = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("EPUB/style.css").unwrap(), &mut css).unwrap();
    assert!(css.contains("--accent: #0b5d4b;"));
    // The dark scheme's lighter version still reads on its page.
    let dark = green.for_dark_page();
    assert!(css.contains(&format!("--accent: {dark};")));
    assert!(dark.contrast(Rgb::DARK_PAGE) >= 4.5);
    // The PDF paints its headings and bars in it (as a fill color of the page content).
    let pdf = to_pdf(guide, &options).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let wanted = format!(
        "{} {} {} rg",
        (f64::from(green.r) / 255.0 * 100.0).round() / 100.0,
        (f64::from(green.g) / 255.0 * 100.0).round() / 100.0,
        (f64::from(green.b) / 255.0 * 100.0).round() / 100.0
    );
    let pages: String = doc
        .get_pages()
        .values()
        .map(|&p| String::from_utf8_lossy(&doc.get_page_content(p)).into_owned())
        .collect();
    assert!(pages.contains(&wanted), "no `{wanted}` in the pages");
    let default = to_pdf(guide, &Options::new().preset(Preset::FactSheet)).unwrap();
    assert_ne!(pdf, default);
}

#[test]
fn an_address_that_is_not_a_safe_link_is_refused_for_the_qr_code() {
    let dir = tempdir();
    for bad in [
        "javascript:alert(1)",
        "https://exa mple.org",
        "ftp://example.org",
        "example.org",
    ] {
        let output = run(dir.path(), &["export", "--qr", bad, "-o", "sheet.pdf"]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{bad}: {}",
            transcript(&output)
        );
        assert!(
            !dir.path().join("sheet.pdf").exists(),
            "{bad}: a file was written"
        );
    }
}

#[test]
fn the_printed_qr_code_reads_back_as_the_address() {
    let Some(zbarimg) = crate::util::validator("zbarimg", "ZBARIMG", "--version") else {
        return;
    };
    let Some(pdftoppm) = crate::util::validator("pdftoppm", "PDFTOPPM", "-v") else {
        return;
    };
    let url = "https://example.org/careers?from=handout";
    let mut options = Options::new().preset(Preset::FactSheet);
    options
        .set_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
        .set_qr(mht_guide::Url::parse(url).unwrap());
    let dir = tempdir();
    let pdf = dir.path().join("sheet.pdf");
    fs::write(&pdf, to_pdf(mht_guide::guide(), &options).unwrap()).unwrap();
    let rendered = std::process::Command::new(pdftoppm)
        .args(["-r", "150", "-f", "1", "-l", "1", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .output()
        .unwrap();
    assert!(rendered.status.success());
    let png = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .unwrap();
    let decoded = std::process::Command::new(zbarimg)
        .args(["-q", "--raw"])
        .arg(&png)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&decoded.stdout).trim(), url);
    // The web page draws the same code as SVG, named by its address.
    let page = to_html(mht_guide::guide(), &options);
    assert!(page.contains(&format!("<title>{}</title>", url.replace('&', "&amp;"))));
    assert!(page.contains("<figure class=\"qr\">"));
    // Without an address there is no code.
    let plain = to_html(mht_guide::guide(), &Options::new());
    assert!(!plain.contains("class=\"qr\""));
}
