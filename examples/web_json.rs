//! Serializes the guide to JSON for a web page: the whole guide for a page's script, and a
//! small payload (the questions and the median pay) for a widget.
//!
//! Run it with `cargo run --example web_json -- site/data`; without a folder it writes into
//! `mht-guide-examples/` in the system's temporary folder, and says where.

use std::error::Error;
use std::path::PathBuf;

use mht_guide::{Role, Statistic};
use mht_guide_export::{Format, Options};
use serde_json::json;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args_os().nth(1).map_or_else(
        || std::env::temp_dir().join("mht-guide-examples"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir)?;
    let guide = mht_guide::guide();

    // The export: every section, prose as Markdown and as HTML, with a schema version to check.
    let full = mht_guide_export::export(guide, Format::Json, &Options::new())?;
    std::fs::write(dir.join("guide.json"), &full)?;

    // Or pick from the typed guide and serialize with serde: every type implements Serialize.
    let median = guide
        .salary_outlook
        .pay
        .iter()
        .find(|p| p.role == Role::Subject && p.statistic == Statistic::Median)
        .ok_or("the guide has a median wage")?;
    let widget = json!({
        "title": guide.meta.title,
        "edition": guide.meta.edition,
        "median_pay": {
            "occupation": median.occupation,
            "amount": guide.labels.money(&median.amount),
            "shown": guide.labels.money_per(&median.amount, median.unit),
            "period": guide.labels.date(median.period),
            "source": guide.sources.get(&median.source).map(|s| s.url.as_str()),
        },
        "questions": guide.faq.questions.iter().map(|q| json!({
            "id": q.id,
            "question": q.question,
            "answer_markdown": q.answer,
        })).collect::<Vec<_>>(),
    });
    let widget = serde_json::to_string_pretty(&widget)?;
    std::fs::write(dir.join("faq-widget.json"), &widget)?;

    println!(
        "wrote guide.json ({} bytes) and faq-widget.json ({} bytes) in {}",
        full.len(),
        widget.len(),
        dir.display()
    );
    Ok(())
}
