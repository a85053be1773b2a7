//! Builds a two-page handout PDF of chosen sections, branded with an organization's name.
//!
//! Run it with `cargo run --example handout_pdf -- riverside-handout.pdf`; without a path it
//! writes `handout.pdf` in the current folder.

use std::error::Error;

use mht_guide::{SectionId, Text};
use mht_guide_export::{Format, Options, Paper, Preset, Selection};

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "handout.pdf".into());

    // The fact-sheet preset keeps each section to its summary and key figures, which fits these
    // four sections on two pages; `Preset::Full` would print them in full.
    let mut options = Options::new()
        .sections(Selection::only([
            SectionId::Definition,
            SectionId::Education,
            SectionId::CareerPath,
            SectionId::SalaryOutlook,
        ]))
        .preset(Preset::FactSheet);
    options
        .set_organization(Text::parse("Riverside Clinic")?)
        .set_contact(Text::parse(
            "Careers office: 555-0100, riverside.example.org",
        )?)
        .set_paper(Paper::Letter);

    let pdf = mht_guide_export::export(mht_guide::guide(), Format::Pdf, &options)?;
    std::fs::write(&path, &pdf)?;
    println!("wrote {path} ({} bytes)", pdf.len());
    Ok(())
}
