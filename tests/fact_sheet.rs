//! The fact sheet keeps its two pages: tightened to fit when its title block crowds or an
//! edition adds rows, and refused, naming what made it long, when even that is not enough.

use std::fs;
use std::path::Path;

use mht_guide::{BUILT_IN, Guide, Text};
use mht_guide_export::{
    Adjustment, ExportError, MAX_CONTACT_CHARS, MAX_ORGANIZATION_CHARS, MAX_QR_BYTES, Options,
    Paper, PdfHandout, Preset, to_pdf_handout,
};

use crate::util::{embedded_copy, fixtures, run, tempdir, transcript};

/// Text of exactly `n` characters, words of `word` repeated.
fn text_of(word: &str, n: usize) -> String {
    let mut text = String::new();
    while text.chars().count() < n {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    let mut text: String = text.chars().take(n).collect();
    if text.ends_with(' ') {
        text.pop();
        text.push('s');
    }
    text
}

/// How wide the heaviest branding's text is: ordinary words, capitals (the widest Latin
/// text), or a Chinese name (each character a full em).
#[derive(Debug, Clone, Copy)]
enum Width {
    Words,
    Capitals,
    Chinese,
}

/// The heaviest branding the command line and brand files take: the longest organization's
/// name and contact line, the widest logo the title block draws (50 by 15 mm) and a QR code
/// of the longest address.
fn heaviest(paper: Paper) -> Options {
    heaviest_as(paper, Width::Words)
}

fn heaviest_as(paper: Paper, width: Width) -> Options {
    let logo = fs::read(fixtures().join("logo/widest.png")).unwrap();
    let (name, contact) = match width {
        Width::Words => (
            "Lakeside Regional Behavioral Health Careers",
            "Career Center 555-0100 careers@lakeside.example.org",
        ),
        Width::Capitals => (
            "LAKESIDE REGIONAL BEHAVIORAL HEALTH WORKFORCE BOARD",
            "CAREER SERVICES OFFICE 555-0100 CAREERS@LAKESIDE-WORKFORCE.EXAMPLE.ORG",
        ),
        Width::Chinese => (
            "湖滨地区行为健康职业发展委员会",
            "Career Center 555-0100 careers@lakeside.example.org",
        ),
    };
    let organization = text_of(name, MAX_ORGANIZATION_CHARS);
    let contact = text_of(contact, MAX_CONTACT_CHARS);
    assert_eq!(organization.chars().count(), MAX_ORGANIZATION_CHARS);
    assert_eq!(contact.chars().count(), MAX_CONTACT_CHARS);
    let address = format!(
        "https://lakeside.example.org/{}",
        "c".repeat(MAX_QR_BYTES - 29)
    );
    assert_eq!(address.len(), MAX_QR_BYTES);
    Options::new()
        .with_preset(Preset::FactSheet)
        .with_paper(paper)
        .with_organization(Text::parse(&organization).unwrap())
        .with_contact(Text::parse(&contact).unwrap())
        .with_logo(mht_guide_export::Logo::from_bytes(&logo).unwrap())
        .with_qr(address.parse().unwrap())
}

/// The handout, and its page count as the file itself gives it.
fn sheet(guide: &Guide, options: &Options) -> Result<PdfHandout, ExportError> {
    let handout = to_pdf_handout(guide, options)?;
    let doc = lopdf::Document::load_mem(handout.bytes()).unwrap();
    assert_eq!(doc.get_pages().len(), handout.pages());
    Ok(handout)
}

/// Pages without fitting, which may run long.
fn unfitted_pages(guide: &Guide, options: &Options) -> usize {
    let mut options = options.clone();
    options.set_fitting(false);
    options.set_allow_overflow(true);
    sheet(guide, &options).unwrap().pages()
}

#[test]
fn every_edition_keeps_two_pages_with_the_heaviest_branding() {
    let cases: Vec<(&str, Paper)> = BUILT_IN
        .iter()
        .flat_map(|e| [(e.name, Paper::Letter), (e.name, Paper::A4)])
        .collect();
    // Each case in a thread of its own: a PDF in a debug build takes a while.
    let results: Vec<(String, usize, Vec<Adjustment>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .iter()
            .map(|&(name, paper)| {
                scope.spawn(move || {
                    let guide = mht_guide::edition(name).unwrap();
                    let plain = Options::new()
                        .with_preset(Preset::FactSheet)
                        .with_paper(paper);
                    let plain = sheet(guide, &plain).unwrap();
                    assert_eq!(plain.pages(), 2, "{name} {paper}, unbranded");
                    assert!(plain.adjustments().is_empty(), "{name} {paper}");
                    [Width::Words, Width::Capitals, Width::Chinese].map(|width| {
                        let options = heaviest_as(paper, width);
                        let branded = sheet(guide, &options)
                            .unwrap_or_else(|e| panic!("{name} {paper} {width:?}: {e}"));
                        let unfitted = match branded.adjustments().is_empty() {
                            true => 2,
                            false => unfitted_pages(guide, &options),
                        };
                        (
                            format!("{name} {paper} {width:?}"),
                            branded.pages(),
                            branded.adjustments().to_vec(),
                            unfitted,
                        )
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for (case, pages, adjustments, unfitted) in &results {
        assert_eq!(*pages, 2, "{case}");
        // A case that needed fitting is seen to run long without it.
        if !adjustments.is_empty() {
            assert!(*unfitted > 2, "{case}: {adjustments:?} were not needed");
        }
    }
    // The matrix exercises the fitting: on both papers, and in Spanish.
    let fitted = |what: &str| {
        results
            .iter()
            .any(|(case, _, adjustments, _)| case.contains(what) && !adjustments.is_empty())
    };
    for what in ["letter", "a4", "es ", "Capitals", "Chinese"] {
        assert!(fitted(what), "no {what} case needed fitting: {results:?}");
    }
}

/// The built-in guide with one more pay row (a regional wage) and one more source.
fn with_extra_rows(dir: &Path) -> Guide {
    let guide = embedded_copy(dir);
    let pay = guide.join("salary-outlook.toml");
    let text = fs::read_to_string(&pay).unwrap();
    let row = "\n[[pay]]\noccupation = \"Psychiatric technicians, Lakeside region (Michigan)\"\n\
               code = \"29-2053\"\nstatistic = \"median\"\namount = 47210\ncurrency = \"USD\"\n\
               unit = \"year\"\nperiod = \"2024-05\"\nsource = \"lakeside-oews\"\n";
    // The row goes after the last pay figure, before whatever follows them.
    let at = text.rfind("[[pay]]").unwrap();
    let end = text[at..].find("\n\n").map_or(text.len(), |i| at + i + 1);
    fs::write(&pay, format!("{}{row}{}", &text[..end], &text[end..])).unwrap();
    let sources = guide.join("sources.toml");
    let mut text = fs::read_to_string(&sources).unwrap();
    text.push_str(
        "\n[[sources]]\nid = \"lakeside-oews\"\ntitle = \"Occupational Employment and Wage \
         Statistics: Lakeside region, psychiatric technicians\"\npublisher = \"Michigan \
         Department of Technology, Management and Budget\"\nurl = \
         \"https://www.milmi.org/datasearch/oews\"\ndata_date = \"2024-05\"\n\
         published = \"2025-04-02\"\n",
    );
    fs::write(&sources, text).unwrap();
    Guide::from_dir(&guide).unwrap_or_else(|e| panic!("{e}"))
}

/// Branding as a workforce board gave it: a long name, a contact line of some 60 characters,
/// a wide logo and a QR code.
fn branded(paper: Paper) -> Options {
    let logo = fs::read(fixtures().join("logo/widest.png")).unwrap();
    Options::new()
        .with_preset(Preset::FactSheet)
        .with_paper(paper)
        .with_organization(
            Text::parse("Lakeside Regional Workforce Development Board and Career Center").unwrap(),
        )
        .with_contact(
            Text::parse("Career Services · 555-0100 ext. 2243 · careers@lakeside.example.org")
                .unwrap(),
        )
        .with_logo(mht_guide_export::Logo::from_bytes(&logo).unwrap())
        .with_qr(
            "https://lakeside.example.org/careers/mental-health-technician"
                .parse()
                .unwrap(),
        )
}

#[test]
fn an_edition_with_extra_rows_keeps_two_pages() {
    let dir = tempdir();
    let guide = with_extra_rows(dir.path());
    for paper in [Paper::Letter, Paper::A4] {
        let options = branded(paper);
        let handout = sheet(&guide, &options).unwrap_or_else(|e| panic!("{paper}: {e}"));
        assert_eq!(handout.pages(), 2, "{paper}");
        assert!(!handout.adjustments().is_empty(), "{paper}");
        assert!(unfitted_pages(&guide, &options) > 2, "{paper}");
        // With the heaviest branding too.
        let heaviest = heaviest(paper);
        let handout = sheet(&guide, &heaviest).unwrap_or_else(|e| panic!("{paper}: {e}"));
        assert_eq!(handout.pages(), 2, "{paper}");
        assert!(unfitted_pages(&guide, &heaviest) > 2, "{paper}");
    }
}

#[test]
fn a_sheet_that_cannot_fit_is_refused_naming_its_longest_parts() {
    // Forty more regional wages: no fitting keeps the pay table on the sheet's two pages.
    let dir = tempdir();
    let guide = embedded_copy(dir.path());
    let pay = guide.join("salary-outlook.toml");
    let mut text = fs::read_to_string(&pay).unwrap();
    let at = text.rfind("[[pay]]").unwrap();
    let end = text[at..].find("\n\n").map_or(text.len(), |i| at + i + 1);
    let rows: String = (0..40)
        .map(|i| {
            format!(
                "\n[[pay]]\noccupation = \"Psychiatric technicians\"\n\
                 area = {{ region = \"Region {i}\", state = \"CA\" }}\n\
                 code = \"29-2053\"\nstatistic = \"median\"\namount = {}\ncurrency = \"USD\"\n\
                 unit = \"year\"\nperiod = \"2024-05\"\nsource = \"bls-ooh\"\n",
                40_000 + i * 100
            )
        })
        .collect();
    text = format!("{}{rows}{}", &text[..end], &text[end..]);
    fs::write(&pay, text).unwrap();
    let guide = Guide::from_dir(&guide).unwrap_or_else(|e| panic!("{e}"));
    let options = Options::new().with_preset(Preset::FactSheet);
    let err = to_pdf_handout(&guide, &options).unwrap_err();
    let ExportError::Overflow(overflow) = &err else {
        panic!("{err}");
    };
    assert_eq!(overflow.limit, 2);
    assert!(overflow.pages > 2);
    assert!(overflow.over > 0.0);
    // Every step was tried; the pay section is the longest part, and the message says so.
    assert_eq!(
        overflow.adjustments,
        [
            Adjustment::Closer,
            Adjustment::SmallerSources,
            Adjustment::NoPayChart
        ]
    );
    assert_eq!(overflow.parts[0].section.as_deref(), Some("salary-outlook"));
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "the fact sheet needs {} pages, not 2: it runs ",
            overflow.pages
        )),
        "{message}"
    );
    assert!(
        message.contains(
            "even with the paragraphs closer, the sources set smaller and the pay chart left to \
             the pay table; its longest parts are section “Salary and job outlook” ("
        ),
        "{message}"
    );
    // Within the limits, the guide is at fault, not the request; past them, the request.
    assert!(!err.in_options());
    let long = options
        .clone()
        .with_organization(Text::parse(&"O".repeat(MAX_ORGANIZATION_CHARS + 1)).unwrap());
    assert!(to_pdf_handout(&guide, &long).unwrap_err().in_options());
    // Let run long, it is made, and says the same.
    let allowed = options.clone().with_allow_overflow(true);
    let handout = sheet(&guide, &allowed).unwrap();
    assert_eq!(handout.pages(), overflow.pages);
    assert_eq!(handout.overflow(), Some(overflow));
    // Large print has no page limit.
    let large = options.with_large_print(true);
    assert!(sheet(&guide, &large).unwrap().overflow().is_none());
}

#[test]
fn the_command_refuses_a_sheet_too_long_and_writes_it_when_allowed() {
    let dir = tempdir();
    // A salary summary of many sentences: the sheet's pages cannot hold it.
    let guide = with_longer_summary(dir.path(), 60);
    let content = guide.to_str().unwrap();
    let args = [
        "export",
        "--content",
        content,
        "--preset",
        "fact-sheet",
        "-o",
        "sheet.pdf",
    ];
    let output = run(dir.path(), &args);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("error: cannot export the guide as pdf: the fact sheet needs 3 pages, not 2"),
        "{stderr}"
    );
    assert!(
        stderr.contains("; or write it anyway with --allow-overflow"),
        "{stderr}"
    );
    assert!(!dir.path().join("sheet.pdf").exists());
    let output = run(dir.path(), &[&args[..], &["--allow-overflow"]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: the fact sheet needs 3 pages, not 2")
            && stderr.contains("(written anyway: --allow-overflow)"),
        "{stderr}"
    );
    // `check` warns of it, on each paper, at the file of its longest section.
    let output = run(dir.path(), &["check", "--content", content]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for paper in ["letter", "a4"] {
        let warning = format!("warning: on {paper} paper, the fact sheet needs 3 pages, not 2");
        let at = stderr.find(&warning).unwrap_or_else(|| panic!("{stderr}"));
        let place = stderr[at..].lines().nth(1).unwrap_or_default();
        assert!(place.ends_with("guide/salary-outlook.toml:1:1"), "{place}");
    }
    let written = fs::read(dir.path().join("sheet.pdf")).unwrap();
    assert_eq!(
        lopdf::Document::load_mem(&written)
            .unwrap()
            .get_pages()
            .len(),
        3
    );
}

#[test]
fn an_organization_or_contact_too_long_for_the_sheet_is_refused() {
    let dir = tempdir();
    let org = "O".repeat(MAX_ORGANIZATION_CHARS + 1);
    let output = run(dir.path(), &["export", "--org", &org, "-o", "a.pdf"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(
            "error: --org is too long: it has 81 characters, and an organization's name may \
             have at most 80, so that a fact sheet keeps to its two pages; shorten it"
        ),
        "{}",
        transcript(&output)
    );
    let contact = "C".repeat(MAX_CONTACT_CHARS + 1);
    let output = run(
        dir.path(),
        &["export", "--contact", &contact, "-o", "a.pdf"],
    );
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert!(!dir.path().join("a.pdf").exists());
    // In a brand file, the error points at the value.
    fs::write(
        dir.path().join("brand.toml"),
        format!("organization = \"Riverside\"\ncontact = \"{contact}\"\n"),
    )
    .unwrap();
    let output = run(
        dir.path(),
        &["export", "--brand", "brand.toml", "-o", "a.pdf"],
    );
    assert_ne!(output.status.code(), Some(0), "{}", transcript(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("brand.toml:2:11")
            && stderr.contains("a contact line may have at most 100"),
        "{stderr}"
    );
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn a_source_never_breaks_across_pages() {
    let Some(tools) = crate::pdf::tools() else {
        return;
    };
    // The sources of the full guide run over page breaks, in ordinary and large print: each
    // entry, with its address, is whole on one page.
    let guide = mht_guide::guide();
    let dir = tempdir();
    for paper in [Paper::Letter, Paper::A4] {
        for large in [false, true] {
            let options = Options::new().with_paper(paper).with_large_print(large);
            let pdf = sheet(guide, &options).unwrap();
            let file = crate::pdf::write(dir.path(), pdf.bytes());
            let pages: Vec<String> = crate::pdf::page_texts(&tools, &file)
                .iter()
                .map(|p| p.replace(['\n', ' ', '\u{ad}', '-'], ""))
                .collect();
            for source in &guide.sources.sources {
                let url = source.url.as_str();
                // poppler drops the hyphen of a line that ends in one, as at a hyphenated
                // word's break: the addresses are compared without their hyphens.
                let bare = url.replace('-', "");
                assert!(
                    pages.iter().any(|p| p.contains(&bare)),
                    "{paper}, large print {large}: {url} is not whole on any page"
                );
            }
        }
    }
}

/// The built-in guide in `dir/guide`, its salary summary longer by `sentences` sentences.
fn with_longer_summary(dir: &Path, sentences: usize) -> std::path::PathBuf {
    let guide = dir.join("guide");
    if !guide.exists() {
        embedded_copy(dir);
    }
    let pay = guide.join("salary-outlook.toml");
    let base = mht_guide::EMBEDDED_FILES
        .iter()
        .find(|(name, _)| *name == "salary-outlook.toml")
        .map(|(_, text)| *text)
        .unwrap();
    let long = "Pay differs by state, by employer and by shift. ".repeat(sentences);
    let text = base.replacen("summary = '''\n", &format!("summary = '''\n{long}\n"), 1);
    fs::write(&pay, text).unwrap();
    guide
}

#[test]
fn check_measures_the_sheet_with_the_editions_brand_file() {
    let dir = tempdir();
    let logo = fixtures().join("logo/widest.png");
    // The longest summary with which the unbranded sheet still fits on Letter, found by the
    // library: branded, that sheet runs long.
    let branded = |guide: &Guide| {
        let options = heaviest(Paper::Letter);
        to_pdf_handout(guide, &options).is_ok()
    };
    let plain = |guide: &Guide| {
        let options = Options::new().with_preset(Preset::FactSheet);
        to_pdf_handout(guide, &options).is_ok()
    };
    let mut n = 0;
    let guide = loop {
        let folder = with_longer_summary(dir.path(), n);
        let guide = Guide::from_dir(&folder).unwrap();
        assert!(
            plain(&guide),
            "{n} sentences: the unbranded sheet runs long first"
        );
        if !branded(&guide) {
            break folder;
        }
        n += 1;
    };
    let content = guide.to_str().unwrap();
    let check = || run(dir.path(), &["check", "--content", content]);
    let warned = |output: &std::process::Output| {
        String::from_utf8_lossy(&output.stderr).contains("the fact sheet needs 3 pages, not 2")
    };
    let output = check();
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(!warned(&output), "{}", transcript(&output));
    // The same branding in the edition's brand file: check warns, as export refuses.
    let options = heaviest(Paper::Letter);
    let brand = format!(
        "organization = \"{}\"\ncontact = \"{}\"\nlogo = \"logo.png\"\nqr = \"{}\"\n",
        options.organization().unwrap(),
        options.contact().unwrap(),
        options.qr().unwrap()
    );
    fs::copy(&logo, guide.join("logo.png")).unwrap();
    fs::write(guide.join("brand.toml"), &brand).unwrap();
    let output = check();
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(warned(&output), "{}", transcript(&output));
    let output = run(
        dir.path(),
        &[
            "export",
            "--content",
            content,
            "--preset",
            "fact-sheet",
            "-o",
            "s.pdf",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    // A brand file check cannot read is the edition's error, by line and column.
    fs::write(
        guide.join("brand.toml"),
        format!("{brand}accent = \"teal\"\n"),
    )
    .unwrap();
    let output = check();
    assert_ne!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("brand.toml:5:10"),
        "{}",
        transcript(&output)
    );
}
