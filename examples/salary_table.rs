//! Prints the guide's pay figures as a plain-text table, straight from the typed model.
//!
//! Run it with `cargo run --example salary_table`.

use std::error::Error;
use std::fmt::Write as _;

use mht_guide::{Guide, PayFigure};

/// Formats the pay figures of a guide as an aligned table with the source of each row.
fn salary_table(guide: &Guide) -> Result<String, Box<dyn Error>> {
    let rows: Vec<[String; 5]> = guide
        .salary_outlook
        .pay
        .iter()
        .map(|p: &PayFigure| {
            let source = guide
                .sources
                .get(&p.source)
                .ok_or("every citation names a source")?;
            let who = match &p.setting {
                Some(setting) => format!("{} ({setting})", p.occupation),
                None => p.occupation.to_string(),
            };
            Ok([
                who,
                guide.labels.statistic(p.statistic).to_owned(),
                guide.labels.money_per(&p.amount, p.unit),
                guide.labels.date(p.period),
                source.publisher.to_string(),
            ])
        })
        .collect::<Result<_, Box<dyn Error>>>()?;
    let header = ["Who", "Statistic", "Pay", "Period", "Source"].map(String::from);
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:w$}"))
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    let guide = mht_guide::guide();
    print!("{}", salary_table(guide)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pay_figure_is_a_row() {
        let guide = mht_guide::guide();
        let table = salary_table(guide).unwrap();
        assert_eq!(table.lines().count(), guide.salary_outlook.pay.len() + 1);
        assert!(table.starts_with("Who"));
        assert!(table.contains("$42,590 a year"));
    }
}
