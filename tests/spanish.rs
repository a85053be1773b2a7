//! The built-in Spanish (US) edition, through what its readers see in each format.

use mht_guide::Guide;
use mht_guide_export::{Options, Paper, Preset, to_epub, to_html, to_markdown, to_pdf};

fn spanish() -> &'static Guide {
    mht_guide::edition("es").unwrap()
}

fn entry(book: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut file = zip.by_name(name).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).unwrap();
    text
}

#[test]
fn markdown() {
    insta::assert_snapshot!(to_markdown(spanish(), &Options::new()));
}

#[test]
fn html_title_and_navigation() {
    let page = to_html(spanish(), &Options::new());
    let head = &page[..page.find("<style>").unwrap()];
    let start = page.find("<body>").unwrap();
    let end = page.find("</nav>").unwrap() + "</nav>".len();
    insta::assert_snapshot!(format!("{head}…\n{}", &page[start..end]));
}

#[test]
fn epub_package_and_navigation() {
    let book = to_epub(spanish(), &Options::new()).unwrap();
    insta::assert_snapshot!(format!(
        "{}\n{}",
        entry(&book, "EPUB/package.opf"),
        entry(&book, "EPUB/nav.xhtml")
    ));
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn pdf_reader_view() {
    let Some(tools) = crate::pdf::tools() else {
        return;
    };
    insta::assert_snapshot!(crate::pdf::reader_view(
        &tools,
        &to_pdf(spanish(), &Options::new()).unwrap()
    ));
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn the_fact_sheet_stays_on_one_sheet_on_every_paper() {
    let Some(tools) = crate::pdf::tools() else {
        return;
    };
    for paper in [Paper::Letter, Paper::A4, Paper::Legal] {
        let mut options = Options::new().with_preset(Preset::FactSheet);
        options.set_paper(paper);
        let pdf = to_pdf(spanish(), &options).unwrap();
        let view = crate::pdf::reader_view(&tools, &pdf);
        assert!(view.starts_with("Pages: 2\n"), "{paper}: {view}");
        if paper == Paper::Letter {
            insta::assert_snapshot!("fact_sheet_reader_view", view);
        }
    }
}

#[test]
fn sections_lists_the_spanish_headings() {
    let dir = crate::util::tempdir();
    let out = crate::util::run(dir.path(), &["sections", "--edition", "es"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::util::transcript(&out)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("definition          Qué es un técnico de salud mental"),
        "{stdout}"
    );
}

#[test]
fn a_new_edition_from_the_spanish_one_works() {
    let dir = crate::util::tempdir();
    for args in [
        vec!["new-edition", "nuestra", "--edition", "es"],
        vec!["new-edition", "minima", "--edition", "es", "--minimal"],
    ] {
        let out = crate::util::run(dir.path(), &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            crate::util::transcript(&out)
        );
        let guide = Guide::from_dir(dir.path().join(args[1])).unwrap();
        assert_eq!(guide.meta.language.as_str(), "es-US");
        assert_eq!(guide.labels.contents.as_str(), "Índice");
    }
}

#[test]
fn the_spanish_edition_shares_the_english_figures_and_sources() {
    let (en, es) = (mht_guide::guide(), spanish());
    assert_eq!(en.salary_outlook.pay.len(), es.salary_outlook.pay.len());
    for (e, s) in en.salary_outlook.pay.iter().zip(&es.salary_outlook.pay) {
        assert_eq!(
            (e.amount.cents(), e.period, &e.source),
            (s.amount.cents(), s.period, &s.source)
        );
    }
    let ids = |g: &Guide| {
        g.sources
            .sources
            .iter()
            .map(|s| s.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(en), ids(es));
    let urls = |g: &Guide| {
        g.sources
            .sources
            .iter()
            .map(|s| s.url.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(urls(en), urls(es));
    // The Spanish files hold no figure of their own.
    for &(name, text) in crate::util::spanish().files {
        assert!(
            !text.contains("[[pay]]") && !text.contains("[[outlook]]"),
            "{name} copies figures"
        );
        assert!(
            !text.contains("[[settings.employment]]"),
            "{name} copies figures"
        );
    }
}
