//! The key-figure band: the few numbers that lead the fact sheet and the salary section, each
//! the typed figure it shows, with its source and its period, in every format.

use mht_guide::{KeyFigure, SectionId};
use mht_guide_export::{Band, Document, Node, Options, Preset, to_html, to_markdown, to_pdf};

use crate::util::tempdir;

#[test]
fn the_band_shows_the_typed_figures_with_their_sources_and_periods() {
    let guide = mht_guide::guide();
    let s = &guide.salary_outlook;
    let figures = s.key_figures();
    let band = Band::of(s, &guide.labels).unwrap();
    assert_eq!(band.figures.len(), figures.len());
    for (shown, figure) in band.figures.iter().zip(&figures) {
        assert_eq!(&shown.source, figure.source());
        assert!(guide.sources.get(&shown.source).is_some());
        assert!(
            shown.detail.starts_with(figure.occupation().as_str()),
            "{shown:?}"
        );
        let (value, period) = match figure {
            KeyFigure::MedianPay(p) => {
                assert!(p.is_overall_median());
                (guide.labels.money(&p.amount), guide.labels.date(p.period))
            }
            KeyFigure::Growth(o) => (
                format!("+{}%", o.growth_percent),
                format!("{}–{}", o.base_year, o.target_year % 100),
            ),
            KeyFigure::Openings(o) => (
                guide.labels.number(u64::from(o.openings_per_year.unwrap())),
                format!("{}–{} average", o.base_year, o.target_year % 100),
            ),
            KeyFigure::EntryEducation(o) => (
                guide
                    .labels
                    .education(o.entry_education.unwrap())
                    .to_owned(),
                o.base_year.to_string(),
            ),
            _ => unreachable!(),
        };
        assert_eq!(shown.value, value);
        assert!(shown.detail.ends_with(&period), "{shown:?} {period}");
    }
    // The edition's choices, from salary-outlook.toml's [key_figures].
    let values: Vec<&str> = band.figures.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(
        values,
        ["$42,590", "+20%", "21,200", "Postsecondary certificate"]
    );
    assert_eq!(
        band.figures[2].detail,
        "Psychiatric technicians and aides, 2024–34 average"
    );
}

#[test]
fn the_band_leads_the_fact_sheet_and_the_salary_section() {
    let guide = mht_guide::guide();
    // The full guide: first in the salary section, and nowhere else.
    let doc = Document::from_options(guide, &Options::new());
    for section in &doc.sections {
        let bands = section
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::Band(_)))
            .count();
        let expected = usize::from(section.id == SectionId::SalaryOutlook);
        assert_eq!(bands, expected, "{:?}", section.id);
        if expected == 1 {
            assert!(matches!(section.nodes[0], Node::Band(_)));
        }
    }
    assert!(doc.band.is_none());
    // The fact sheet: under the title, and the source it cites is the first reference.
    let sheet = Document::from_options(guide, &Options::new().with_preset(Preset::FactSheet));
    let band = sheet.band.as_ref().unwrap();
    assert_eq!(sheet.reference_number(&band.figures[0].source), Some(1));
    assert!(
        sheet
            .sections
            .iter()
            .all(|s| !s.nodes.iter().any(|n| matches!(n, Node::Band(_))))
    );
    // A fact sheet without the salary section has no band.
    let other = Document::from_options(
        guide,
        &Options::new()
            .with_preset(Preset::FactSheet)
            .with_sections("definition,skills".parse().unwrap()),
    );
    assert!(other.band.is_none());

    // Markdown: the list before the contents.
    let md = to_markdown(guide, &Options::new().with_preset(Preset::FactSheet));
    let band_at = md
        .find("**Key figures**\n\n- **$42,590** Median pay a year.")
        .unwrap();
    assert!(band_at < md.find("## Contents").unwrap());
    // HTML: a group named by its caption, in the title block.
    let page = to_html(guide, &Options::new().with_preset(Preset::FactSheet));
    let group = page.find(
        "<div class=\"band\" role=\"group\" aria-labelledby=\"key-figures\">\n\
         <p class=\"band-caption\" id=\"key-figures\">Key figures</p>",
    );
    assert!(group.unwrap() < page.find("</header>").unwrap());
    assert!(page.contains("<span class=\"band-value\">21,200</span>"));
}

#[test]
#[cfg_attr(
    missing = "pdf-tools",
    ignore = "needs qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn the_pdf_band_is_on_the_first_page_before_the_first_section() {
    let Some(pdftotext) = crate::util::validator("pdftotext", "PDFTOTEXT", "-v") else {
        return;
    };
    let guide = mht_guide::guide();
    for paper in [mht_guide_export::Paper::Letter, mht_guide_export::Paper::A4] {
        let mut options = Options::new().with_preset(Preset::FactSheet);
        options.set_paper(paper);
        let dir = tempdir();
        let file = dir.path().join("sheet.pdf");
        std::fs::write(&file, to_pdf(guide, &options).unwrap()).unwrap();
        let out = std::process::Command::new(&pdftotext)
            .args(["-f", "1", "-l", "1", "-enc", "UTF-8"])
            .arg(&file)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let first = text.find("1. What a mental health technician is").unwrap();
        for value in [
            "$42,590",
            "+20%",
            "21,200",
            "Postsecondary",
            "Typical education to",
        ] {
            let at = text
                .find(value)
                .unwrap_or_else(|| panic!("{value} on {paper}"));
            assert!(at < first, "{value} after the first section on {paper}");
        }
    }
}
