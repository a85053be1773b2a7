//! The charts tell the truth: read back from the SVG the HTML page draws, every bar's length
//! and place follow one linear scale from the figures, a zero bar has no length, and every
//! figure is in the chart's description.

use mht_guide_export::{Chart, Document, Node, Options, to_html};

/// The bars (`rect`s) of each chart of a page, in order: x and width.
fn svg_bars(html: &str) -> Vec<Vec<(f64, f64)>> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(html, options).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("svg"))
        .map(|svg| {
            svg.descendants()
                .filter(|n| n.has_tag_name("rect"))
                .map(|r| {
                    let num = |a: &str| r.attribute(a).unwrap().parse::<f64>().unwrap();
                    (num("x"), num("width"))
                })
                .collect()
        })
        .collect()
}

/// Whether the bars follow the figures: one scale and one zero for the whole chart, within
/// `tolerance` units; rows with no length have no bar.
fn truthful(chart: &Chart, bars: &[(f64, f64)], tolerance: f64) -> Result<(), String> {
    let long: Vec<_> = chart
        .rows
        .iter()
        .filter(|r| (r.end - r.start).abs() > 0.0)
        .collect();
    if long.len() != bars.len() {
        return Err(format!(
            "{}: {} bars drawn for {} figures with a length",
            chart.title,
            bars.len(),
            long.len()
        ));
    }
    // The scale from the widest bar, the zero from it too; every other bar must agree.
    let (widest, (wx, ww)) = long
        .iter()
        .zip(bars)
        .max_by(|a, b| a.1.1.total_cmp(&b.1.1))
        .ok_or("no bars")?;
    let scale = ww / (widest.end - widest.start).abs();
    let zero = wx - widest.start.min(widest.end) * scale;
    for (row, (x, width)) in long.iter().zip(bars) {
        let expected_width = (row.end - row.start).abs() * scale;
        let expected_x = zero + row.start.min(row.end) * scale;
        if (width - expected_width).abs() > tolerance || (x - expected_x).abs() > tolerance {
            return Err(format!(
                "{}: “{}” is drawn at {x:.1} wide {width:.1}; its figures put it at \
                 {expected_x:.1} wide {expected_width:.1}",
                chart.title, row.label
            ));
        }
    }
    Ok(())
}

fn charts(doc: &Document<'_>) -> Vec<Chart> {
    doc.sections
        .iter()
        .flat_map(|s| s.nodes.iter())
        .filter_map(|n| match n {
            Node::Chart(c) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn svg_bars_are_proportional_to_the_figures() {
    let guide = mht_guide::guide();
    let options = Options::new();
    let doc = Document::from_options(guide, &options);
    let charts = charts(&doc);
    assert_eq!(charts.len(), 3, "pay, growth and workplaces");
    let html = to_html(guide, &options);
    let bars = svg_bars(&html);
    assert_eq!(bars.len(), charts.len());
    for (chart, bars) in charts.iter().zip(&bars) {
        truthful(chart, bars, 0.1).unwrap();
        for row in &chart.rows {
            assert!(
                chart.description.contains(&row.value) || chart.description.contains(&row.label),
                "{}: the description leaves out {}",
                chart.title,
                row.value
            );
        }
    }
    // Projected growth has a zero: that row is in the chart, and it has no bar.
    let growth = charts
        .iter()
        .find(|c| c.title.starts_with("Projected growth"))
        .unwrap();
    assert!(growth.rows.iter().any(|r| r.end == 0.0));
    // Seen to fail: one bar drawn a tenth too long, and a bar for the zero.
    let mut longer = bars[1].clone();
    longer[0].1 *= 1.1;
    assert!(truthful(&charts[1], &longer, 0.1).is_err());
    let mut extra = bars[1].clone();
    extra.push((0.0, 0.0));
    assert!(truthful(&charts[1], &extra, 0.1).is_err());
}

#[test]
fn a_fall_and_no_change_are_drawn_as_they_are() {
    // An edition whose figures fall: the chart's axis reaches below zero, and the bar of the
    // fall lies left of the zero line.
    let guide = mht_guide::guide();
    let mut figures = guide.salary_outlook.outlook.clone();
    figures[0].growth_percent = -12;
    let chart = Chart::growth(&figures).unwrap();
    assert!(chart.min <= -12.0);
    let zero = chart.position(0.0, 100.0);
    assert!(chart.position(-12.0, 100.0) < zero);
    assert!(zero > 0.0 && zero < 100.0);
    // Every row, however many, fits the axis.
    for n in [1, 2, 7] {
        let many: Vec<_> = figures.iter().cycle().take(n).cloned().collect();
        let chart = Chart::growth(&many).unwrap();
        assert_eq!(chart.rows.len(), n);
        for r in &chart.rows {
            let p = chart.position(r.end, 100.0);
            assert!((0.0..=100.0).contains(&p), "{} falls off the axis", r.label);
        }
    }
}
