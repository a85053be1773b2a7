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
    let mut options = Options::new().with_preset(Preset::FactSheet);
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
    let default = to_pdf(guide, &Options::new().with_preset(Preset::FactSheet)).unwrap();
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
#[cfg_attr(
    any(missing = "pdftoppm", missing = "zbarimg"),
    ignore = "needs pdftoppm (poppler-utils) and zbarimg (zbar-tools), which `bash .ci/test` installs"
)]
fn the_printed_qr_code_reads_back_as_the_address() {
    let Some(zbarimg) = crate::util::validator("zbarimg", "ZBARIMG", "--version") else {
        return;
    };
    let Some(pdftoppm) = crate::util::validator("pdftoppm", "PDFTOPPM", "-v") else {
        return;
    };
    let url = "https://example.org/careers?from=handout";
    let mut options = Options::new().with_preset(Preset::FactSheet);
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
    // The web page draws the same code as SVG, named for what it is, its address the link
    // under it.
    let page = to_html(mht_guide::guide(), &options);
    assert!(page.contains("<title>QR code of this web address</title>"));
    assert!(page.contains(&format!("<a href=\"{}\">", url.replace('&', "&amp;"))));
    assert!(page.contains("<figure class=\"qr\">"));
    // Without an address there is no code.
    let plain = to_html(mht_guide::guide(), &Options::new());
    assert!(!plain.contains("class=\"qr\""));
}

/// A PNG file's bytes, made with the png crate's encoder: `width` × `height` gray pixels.
fn gray_png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&vec![128; (width * height) as usize])
        .unwrap();
    writer.finish().unwrap();
    out
}

#[test]
fn a_logo_that_is_not_a_usable_image_is_refused_by_name_and_nothing_is_written() {
    let dir = tempdir();
    let png = fs::read(crate::util::fixtures().join("logo/riverside.png")).unwrap();
    let jpeg = fs::read(crate::util::fixtures().join("logo/riverside.jpg")).unwrap();
    // A PNG header that claims a picture of 20,000 × 20,000 pixels, and nothing after it.
    let mut huge = gray_png(1, 1)[..33].to_vec();
    huge[16..24].copy_from_slice(&[0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "logo.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            "not a PNG or JPEG",
        ),
        ("empty.png", Vec::new(), "not a PNG or JPEG"),
        (
            "cut.png",
            png[..png.len() / 2].to_vec(),
            "damaged or incomplete",
        ),
        (
            "cut.jpg",
            jpeg[..jpeg.len() / 2].to_vec(),
            "damaged or incomplete",
        ),
        ("huge.png", huge, "20000 × 20000 pixels"),
        ("wide.png", gray_png(2001, 10), "2001 × 10 pixels"),
        (
            "big.png",
            vec![0x89; mht_guide_export::MAX_LOGO_BYTES + 1],
            "bytes, more than",
        ),
    ];
    for (name, bytes, why) in cases {
        let file = dir.path().join(name);
        fs::write(&file, bytes).unwrap();
        let output = run(
            dir.path(),
            &[
                "export",
                "--all",
                "--org",
                "Riverside",
                "--logo",
                name,
                "-o",
                "out",
            ],
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {}",
            transcript(&output)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("cannot use the logo {name}")) && stderr.contains(why),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(
            !dir.path().join("out").exists(),
            "{name}: something was written"
        );
    }
    let output = run(
        dir.path(),
        &[
            "export",
            "--logo",
            "missing.png",
            "--org",
            "R",
            "-o",
            "a.pdf",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot use the logo missing.png"));
    // The logo is decoration beside the organization's name, so a logo needs one.
    fs::write(dir.path().join("logo.png"), &png).unwrap();
    let output = run(dir.path(), &["export", "--logo", "logo.png", "-o", "a.pdf"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--logo needs --org"));
    assert!(!dir.path().join("a.pdf").exists());
}

#[test]
fn the_logo_is_in_every_format_as_decoration_beside_the_organization() {
    let dir = tempdir();
    let fixture = crate::util::fixtures().join("logo");
    for name in ["riverside.png", "riverside.jpg"] {
        let logo = fixture.join(name);
        let output = run(
            dir.path(),
            &[
                "export",
                "--all",
                "--preset",
                "fact-sheet",
                "--org",
                "Riverside Community College",
                "--logo",
                logo.to_str().unwrap(),
                "-o",
                "out",
            ],
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            transcript(&output)
        );
        let out = dir.path().join("out");
        // PDF: one image XObject of the logo's size, drawn as an artifact: the organization's
        // name follows it, and a screen reader would say it twice (the structure itself is
        // checked by the PDF/UA tests).
        let pdf = lopdf::Document::load(out.join("mental-health-technician.pdf")).unwrap();
        let images: Vec<&lopdf::Dictionary> = pdf
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .map(|s| &s.dict)
            .filter(|d| d.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Image"))
            .filter(|d| d.get(b"ColorSpace").and_then(|s| s.as_name()).ok() == Some(b"DeviceRGB"))
            .collect();
        assert_eq!(images.len(), 1, "{name}");
        assert_eq!(images[0].get(b"Width").unwrap().as_i64().unwrap(), 480);
        assert_eq!(images[0].get(b"Height").unwrap().as_i64().unwrap(), 160);
        // The PNG's transparency becomes a soft mask; the JPEG has none.
        assert_eq!(
            images[0].get(b"SMask").is_ok(),
            name.ends_with(".png"),
            "{name}"
        );
        let first = *pdf.get_pages().values().next().unwrap();
        let content = pdf.get_and_decode_page_content(first).unwrap();
        let mut marks: Vec<Vec<u8>> = Vec::new();
        let mut drawn_in = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => marks.push(op.operands[0].as_name().unwrap().to_vec()),
                "EMC" => {
                    marks.pop();
                }
                "Do" => drawn_in.push(marks.last().cloned().unwrap_or_default()),
                _ => {}
            }
        }
        assert_eq!(drawn_in, [b"Artifact".to_vec()], "{name}");
        let alts: Vec<String> = pdf
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure"))
            .filter_map(|d| d.get(b"Alt").ok())
            .filter_map(|a| a.as_str().ok())
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        assert!(
            !alts
                .iter()
                .any(|a| a.contains("Riverside Community College")),
            "{alts:?}"
        );
        // HTML: the same pixels, as a PNG in a data URL, with an empty alternative.
        let page = fs::read_to_string(out.join("mental-health-technician.html")).unwrap();
        assert!(
            page.contains("<img src=\"data:image/png;base64,iVBORw0KGgo")
                && page.contains("alt=\"\" width=\"480\" height=\"160\""),
            "{name}"
        );
        // EPUB: a PNG file in the book, declared in the manifest, shown on the title page.
        let book = fs::File::open(out.join("mental-health-technician.epub")).unwrap();
        let mut book = zip::ZipArchive::new(book).unwrap();
        let mut png = Vec::new();
        std::io::Read::read_to_end(&mut book.by_name("EPUB/logo.png").unwrap(), &mut png).unwrap();
        let decoded = mht_guide_export::Logo::from_bytes(&png).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (480, 160));
        let mut opf = String::new();
        std::io::Read::read_to_string(&mut book.by_name("EPUB/package.opf").unwrap(), &mut opf)
            .unwrap();
        assert!(opf.contains("href=\"logo.png\" media-type=\"image/png\""));
        assert!(opf.contains("<meta property=\"schema:accessMode\">visual</meta>"));
        let mut title = String::new();
        std::io::Read::read_to_string(&mut book.by_name("EPUB/title.xhtml").unwrap(), &mut title)
            .unwrap();
        assert!(title.contains("<img src=\"logo.png\" alt=\"\""));
        fs::remove_dir_all(&out).unwrap();
    }
    // The logo's file is written again without what the source carried beside the pixels.
    let source = fs::read(fixture.join("riverside.png")).unwrap();
    let mut tagged = source[..33].to_vec();
    let text = b"tEXtComment\0secret location";
    tagged.extend_from_slice(&(text.len() as u32 - 4).to_be_bytes());
    tagged.extend_from_slice(text);
    let crc = crc32(text);
    tagged.extend_from_slice(&crc.to_be_bytes());
    tagged.extend_from_slice(&source[33..]);
    let logo = mht_guide_export::Logo::from_bytes(&tagged).unwrap();
    assert!(!String::from_utf8_lossy(logo.png()).contains("secret"));
}

/// The CRC-32 of a PNG chunk (ISO 3309), to build a valid test file by hand.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_logo_shows_only_with_the_organization_it_names() {
    let mut options = Options::new().with_preset(Preset::FactSheet);
    options.set_logo(crate::util::logo());
    assert!(options.logo().is_none());
    assert!(!to_html(mht_guide::guide(), &options).contains("<img"));
    options.set_organization(mht_guide::Text::parse("Riverside").unwrap());
    assert!(to_html(mht_guide::guide(), &options).contains("<img"));
    assert!(to_epub(mht_guide::guide(), &options).is_ok());
}

/// The QR code says what it is, not its address again: the address is the line before it, a
/// link in the PDF (Matterhorn 28: a link annotation in a `Link`), and the link under it on
/// the web page; a screen reader hears the address once and the code's kind.
#[test]
fn the_qr_code_is_named_for_what_it_is_and_its_address_is_a_link() {
    let url = "https://careers.example.edu/technicians";
    for edition in ["en", "es"] {
        let guide = mht_guide::BuiltIn::named(edition).unwrap().guide();
        let named = guide.labels.qr_code.to_string();
        let mut options =
            mht_guide_export::Options::new().with_preset(mht_guide_export::Preset::FactSheet);
        options
            .set_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
            .set_qr(mht_guide::Url::parse(url).unwrap());
        let pdf = mht_guide_export::to_pdf(guide, &options).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let alts: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure"))
            .filter_map(|d| d.get(b"Alt").ok()?.as_str().ok())
            .map(pdf_text)
            .collect();
        assert!(alts.contains(&named), "{edition}: {alts:?}");
        assert!(!alts.iter().any(|a| a.contains(url)), "{edition}: {alts:?}");
        let links: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Link"))
            .filter_map(|d| {
                d.get(b"A")
                    .ok()?
                    .as_dict()
                    .ok()?
                    .get(b"URI")
                    .ok()?
                    .as_str()
                    .ok()
            })
            .map(|u| String::from_utf8_lossy(u).into_owned())
            .collect();
        assert!(links.iter().any(|l| l == url), "{edition}: {links:?}");
        let page = mht_guide_export::to_html(guide, &options);
        assert!(
            page.contains(&format!("<title>{named}</title>"))
                && page.contains(&format!(
                    "<figcaption><a href=\"{url}\">{url}</a></figcaption>"
                )),
            "{edition}"
        );
    }
}

/// A PDF text string: UTF-16 with its byte-order mark, or PDFDocEncoding (Latin-1 for the
/// characters here).
fn pdf_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        ),
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Text the PDF cannot draw is told by where it came from. Only in the options (an emoji in
/// the organization's name): the request is at fault, the error says so in a type a web
/// service can match, and the command names the option, exits 2 as for any bad option, and
/// writes nothing. In the content: the guide is at fault. In both: both are named.
#[test]
fn undrawable_text_in_the_options_is_the_request_s_fault_not_the_content_s() {
    use mht_guide_export::{ExportError, Origin, TextOption};
    let mut options = Options::new().with_preset(Preset::FactSheet);
    options
        .set_organization(mht_guide::Text::parse("Riverside \u{1F332} College").unwrap())
        .set_system_fonts(false);
    let err = to_pdf(mht_guide::guide(), &options).unwrap_err();
    assert!(err.in_options(), "{err}");
    let ExportError::Undrawable { characters } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        characters[0].places,
        [Origin::Option(TextOption::Organization)]
    );
    assert!(
        err.to_string()
            .ends_with("in the organization's name; replace it in the export's options"),
        "{err}"
    );

    // The same character in the content as well: not the request's fault alone.
    let mut files = mht_guide::EMBEDDED_FILES.map(|(name, text)| (name, text.to_owned()));
    let (_, definition) = files
        .iter_mut()
        .find(|(name, _)| *name == "definition.toml")
        .unwrap();
    *definition = definition.replacen("summary = '''\n", "summary = '''\n\u{1F332} ", 1);
    let edited = mht_guide::Guide::from_files("edited", files).unwrap();
    let err = to_pdf(&edited, &options).unwrap_err();
    assert!(!err.in_options(), "{err}");
    let ExportError::Undrawable { characters } = &err else {
        panic!("{err:?}")
    };
    assert!(
        characters[0]
            .places
            .contains(&Origin::Option(TextOption::Organization))
    );
    assert!(
        characters[0]
            .places
            .iter()
            .any(|p| matches!(p, Origin::Content(place) if place.contains("section"))),
        "{:?}",
        characters[0].places
    );
    assert!(
        err.to_string()
            .ends_with("in the content and the export's options"),
        "{err}"
    );

    let dir = tempdir();
    let output = run(
        dir.path(),
        &[
            "export",
            "--preset",
            "fact-sheet",
            "--org",
            "Riverside \u{1F332} College",
            "--no-system-fonts",
            "-o",
            "sheet.pdf",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`\u{1F332}` (U+1F332) in --org; change it"),
        "{stderr}"
    );
    assert!(!stderr.contains("content"), "{stderr}");
    assert!(!dir.path().join("sheet.pdf").exists());
}
