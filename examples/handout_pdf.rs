//! Builds a two-page handout PDF of chosen sections, branded with an organization's name.
//!
//! Run it with `cargo run --example handout_pdf -- riverside-handout.pdf`; without a path it
//! writes `mht-guide-examples/handout.pdf` in the system's temporary folder, and says where.

use std::error::Error;

use mht_guide::{SectionId, Text};
use mht_guide_export::{Options, Paper, Preset, Selection};

fn main() -> Result<(), Box<dyn Error>> {
    let path = match std::env::args_os().nth(1) {
        Some(path) => std::path::PathBuf::from(path),
        None => {
            let dir = std::env::temp_dir().join("mht-guide-examples");
            std::fs::create_dir_all(&dir)?;
            dir.join("handout.pdf")
        }
    };

    // The fact-sheet preset keeps each section to its summary and key figures, which fits these
    // four sections on two pages; `Preset::Full` would print them in full.
    let mut options = Options::new()
        .with_sections(Selection::only([
            SectionId::Definition,
            SectionId::Education,
            SectionId::CareerPath,
            SectionId::SalaryOutlook,
        ]))
        .with_preset(Preset::FactSheet);
    options
        .set_organization(Text::parse("Riverside Clinic")?)
        .set_contact(Text::parse(
            "Careers office: 555-0100, riverside.example.org",
        )?)
        .set_paper(Paper::Letter);

    // A fact sheet keeps to two pages: tightened if it must be, refused (ExportError::Overflow,
    // naming its longest parts) if even that is not enough.
    let pdf = mht_guide_export::to_pdf_handout(mht_guide::guide(), &options)?;
    std::fs::write(&path, pdf.bytes())?;
    println!(
        "wrote {} ({} bytes, {} pages)",
        path.display(),
        pdf.bytes().len(),
        pdf.pages()
    );
    Ok(())
}
