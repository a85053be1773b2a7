//! Loads an edited copy of the content and exports it, the way a facility adapts the guide.
//!
//! Run it with `cargo run --example edited_copy`. It writes the built-in content to a
//! temporary folder, edits it as an editor would (a new publisher, a question of the
//! facility's own), loads and checks the copy, and prints the new question as Markdown. It
//! also shows what a mistake in an edited file looks like.

use std::error::Error;
use std::fs;

use mht_guide::{Guide, SectionId};
use mht_guide_export::{Format, Options, Selection};

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::temp_dir().join(format!("mht-guide-edition-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let result = adapt(&dir);
    fs::remove_dir_all(&dir)?;
    result
}

fn adapt(dir: &std::path::Path) -> Result<(), Box<dyn Error>> {
    // `mht-guide new-edition DIR` does this from the command line (and adds JSON Schemas).
    for (name, text) in mht_guide::EMBEDDED_FILES {
        fs::write(dir.join(name), text)?;
    }

    // The facility's edits.
    let guide_toml = dir.join("guide.toml");
    let meta = fs::read_to_string(&guide_toml)?;
    fs::write(
        &guide_toml,
        meta.replace(
            "publisher = \"mht-guide contributors\"",
            "publisher = \"Riverside Clinic\"",
        ),
    )?;
    let faq_toml = dir.join("faq.toml");
    let mut faq = fs::read_to_string(&faq_toml)?;
    faq.push_str(
        "
[[questions]]
id = \"riverside-openings\"
question = \"Is Riverside Clinic hiring technicians?\"
answer = '''
Riverside posts technician openings on its careers page and trains new staff on the unit.
'''
",
    );
    fs::write(&faq_toml, &faq)?;

    // Load and check the copy; every problem would be reported with its file, line and column.
    let guide = Guide::from_dir(dir)?;
    assert_eq!(guide.meta.publisher.as_str(), "Riverside Clinic");
    let options = Options::new().with_sections(Selection::only([SectionId::Faq]));
    let markdown = mht_guide_export::export(&guide, Format::Markdown, &options)?;
    let markdown = String::from_utf8(markdown)?;
    let start = markdown
        .find("Is Riverside Clinic hiring")
        .ok_or("the new question is exported")?;
    println!("The edited guide's new question, as Markdown:\n");
    println!(
        "{}",
        markdown[start..]
            .lines()
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
    );

    // A mistake: a statistic the guide does not know.
    let salary_toml = dir.join("salary-outlook.toml");
    let salary = fs::read_to_string(&salary_toml)?;
    fs::write(
        &salary_toml,
        salary.replacen("statistic = \"median\"", "statistic = \"middle\"", 1),
    )?;
    let err = Guide::from_dir(dir).expect_err("the mistake is caught");
    println!("\nA mistake in an edited file is reported like this:\n");
    for d in err.diagnostics() {
        println!("{d}");
    }
    Ok(())
}
