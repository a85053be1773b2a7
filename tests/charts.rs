//! The charts tell the truth: read back from the SVG the HTML page draws, every bar's length
//! and place follow one linear scale from the figures, a zero bar has no length, and every
//! figure is in the chart's description and in the page's text.

use mht_guide_export::{Chart, Document, Node, Options, to_html};

/// The bars (`rect`s) of each chart of a page, in order: x and width, in percent of the
/// chart's width.
fn svg_bars(html: &str) -> Vec<Vec<(f64, f64)>> {
    charts_of(html, |figure| {
        figure
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .map(|r| {
                let num = |a: &str| {
                    let value = r.attribute(a).unwrap();
                    value.strip_suffix('%').unwrap().parse::<f64>().unwrap()
                };
                (num("x"), num("width"))
            })
            .collect()
    })
}

/// What `read` finds in each chart (`figure class="chart"`) of a page, in order.
fn charts_of<T>(html: &str, read: impl Fn(roxmltree::Node<'_, '_>) -> T) -> Vec<T> {
    let doc = crate::util::parse_xhtml(html);
    doc.descendants()
        .filter(|n| n.has_tag_name("figure") && n.attribute("class") == Some("chart"))
        .map(read)
        .collect()
}

/// The text of each chart of a page as a reader's browser reads it, outside any image: its
/// caption and rows, with the SVG (hidden from assistive technology) left out.
fn chart_texts(html: &str) -> Vec<String> {
    charts_of(html, |figure| {
        figure
            .descendants()
            .filter(|n| n.is_text())
            .filter(|n| {
                !n.ancestors()
                    .any(|a| a.has_tag_name("svg") || a.attribute("aria-hidden") == Some("true"))
            })
            .filter_map(|n| n.text())
            .collect::<String>()
    })
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
    let texts = chart_texts(&html);
    for ((chart, bars), text) in charts.iter().zip(&bars).zip(&texts) {
        // Within the 0.01% the page writes its percentages to.
        truthful(chart, bars, 0.02).unwrap();
        for row in &chart.rows {
            // Every figure is text a screen reader reads in browse mode, not only an image's
            // description.
            assert!(
                text.contains(&row.value) && text.contains(&row.label),
                "{}: the page's text leaves out {} {}",
                chart.title,
                row.label,
                row.value
            );
            assert!(
                chart.description.contains(&row.value) || chart.description.contains(&row.label),
                "{}: the description leaves out {}",
                chart.title,
                row.value
            );
        }
    }
    // Seen to fail: a row's figures hidden from assistive technology are missed.
    let hidden = html.replacen(
        "<span class=\"chart-value\">",
        "<span class=\"chart-value\" aria-hidden=\"true\">",
        1,
    );
    let first = &charts[0].rows[0];
    assert!(!chart_texts(&hidden)[0].contains(&first.value));
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
    let chart = Chart::growth(&figures, &guide.labels).unwrap();
    assert!(chart.min <= -12.0);
    let zero = chart.position(0.0, 100.0);
    assert!(chart.position(-12.0, 100.0) < zero);
    assert!(zero > 0.0 && zero < 100.0);
    // Every row, however many, fits the axis.
    for n in [1, 2, 7] {
        let many: Vec<_> = figures.iter().cycle().take(n).cloned().collect();
        let chart = Chart::growth(&many, &guide.labels).unwrap();
        assert_eq!(chart.rows.len(), n);
        for r in &chart.rows {
            let p = chart.position(r.end, 100.0);
            assert!((0.0..=100.0).contains(&p), "{} falls off the axis", r.label);
        }
    }
}

/// A page rendered by pdftoppm as a binary PPM (P6): width, height and RGB bytes.
struct Image {
    width: usize,
    height: usize,
    rgb: Vec<u8>,
}

fn ppm(bytes: &[u8]) -> Image {
    // "P6\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    Image {
        width,
        height,
        rgb: bytes[at + 1..].to_vec(),
    }
}

/// The solid bars of a page in the given colors, top to bottom: for each band of rows that
/// holds at least four pixels in a row of a bar color, its left and right ends. A mark drawn
/// across a bar splits its color, so a band's ends are its outermost bar pixels.
fn page_bars(image: &Image, colors: &[(u8, u8, u8)]) -> Vec<(usize, usize)> {
    let is_bar = |x: usize, y: usize| {
        let i = (y * image.width + x) * 3;
        let px = (image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]);
        colors.iter().any(|c| {
            (i16::from(c.0) - i16::from(px.0)).abs() <= 3
                && (i16::from(c.1) - i16::from(px.1)).abs() <= 3
                && (i16::from(c.2) - i16::from(px.2)).abs() <= 3
        })
    };
    // Rows with a run of bar color at least 4 pixels long, and where it spans.
    let rows: Vec<Option<(usize, usize)>> = (0..image.height)
        .map(|y| {
            let mut run = 0;
            let mut span: Option<(usize, usize)> = None;
            for x in 0..image.width {
                if is_bar(x, y) {
                    run += 1;
                    if run >= 4 {
                        let from = x + 1 - run;
                        span = Some(span.map_or((from, x), |(a, _)| (a.min(from), x)));
                    }
                } else {
                    run = 0;
                }
            }
            span
        })
        .collect();
    let mut bars = Vec::new();
    let mut y = 0;
    while y < rows.len() {
        if rows[y].is_none() {
            y += 1;
            continue;
        }
        let top = y;
        let (mut left, mut right) = (usize::MAX, 0);
        while let Some(Some((a, b))) = rows.get(y) {
            left = left.min(*a);
            right = right.max(*b);
            y += 1;
        }
        // A bar is a few pixels tall and solid from end to end (but for a mark across it);
        // a heading's bold strokes are neither.
        let middle = (top + y) / 2;
        let solid = (left..=right).filter(|&x| is_bar(x, middle)).count();
        if (3..=10).contains(&(y - top)) && solid * 10 >= (right + 1 - left) * 9 {
            bars.push((left, right + 1));
        }
    }
    bars
}

#[test]
#[cfg_attr(
    missing = "pdftoppm",
    ignore = "needs pdftoppm (poppler-utils), which `bash .ci/test` installs"
)]
fn pdf_bars_are_proportional_to_the_figures_within_two_pixels() {
    let Some(pdftoppm) = crate::util::validator("pdftoppm", "PDFTOPPM", "-v") else {
        return;
    };
    let guide = mht_guide::guide();
    let options = Options::new().with_sections("salary-outlook".parse().unwrap());
    let doc = Document::from_options(guide, &options);
    let charts = charts(&doc);
    let pdf = mht_guide_export::to_pdf(guide, &options).unwrap();
    let dir = crate::util::tempdir();
    std::fs::write(dir.path().join("salary.pdf"), &pdf).unwrap();
    let out = std::process::Command::new(&pdftoppm)
        .args(["-r", "60"])
        .arg(dir.path().join("salary.pdf"))
        .arg(dir.path().join("page"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ppm"))
        .collect();
    pages.sort();
    // The handout's bar colors: the accent, and gray for comparisons.
    let colors = [(0, 72, 110), (85, 85, 85)];
    let bars: Vec<(usize, usize)> = pages
        .iter()
        .flat_map(|p| page_bars(&ppm(&std::fs::read(p).unwrap()), &colors))
        .collect();
    // Every row with a length, chart after chart, in order.
    let rows: Vec<(&Chart, &mht_guide_export::ChartRow)> = charts
        .iter()
        .flat_map(|c| c.rows.iter().map(move |r| (c, r)))
        .filter(|(_, r)| r.end != r.start)
        .collect();
    assert_eq!(bars.len(), rows.len(), "bars found: {bars:?}");
    // The axis in pixels, from the longest bar, and where it starts.
    let share = |c: &Chart, v: f64| (v - c.min) / (c.max - c.min);
    let (i, _) = rows
        .iter()
        .enumerate()
        .max_by(|a, b| {
            let len = |(c, r): &(&Chart, &mht_guide_export::ChartRow)| {
                share(c, r.end) - share(c, r.start)
            };
            len(a.1).total_cmp(&len(b.1))
        })
        .unwrap();
    let (c, r) = rows[i];
    let axis = (bars[i].1 - bars[i].0) as f64 / (share(c, r.end) - share(c, r.start));
    let zero = bars[i].0 as f64 - share(c, r.start) * axis;
    for ((c, r), (left, right)) in rows.iter().zip(&bars) {
        let (want_left, want_right) = (
            zero + share(c, r.start.min(r.end)) * axis,
            zero + share(c, r.start.max(r.end)) * axis,
        );
        assert!(
            (*left as f64 - want_left).abs() <= 2.0 && (*right as f64 - want_right).abs() <= 2.0,
            "{}: “{}” is drawn from {left} to {right} px; its figures put it from {want_left:.1} to {want_right:.1}",
            c.title,
            r.label
        );
    }
    // The zero-growth row has no bar at all: the count above leaves no room for one.
    assert!(
        charts
            .iter()
            .any(|c| c.rows.iter().any(|r| r.start == 0.0 && r.end == 0.0))
    );
}

/// The alternative text of every image in the branded fact sheet, as the web page names them
/// (the QR code's `<title>` and `<desc>`, the logo's `alt`; a chart is text over hidden SVG) and
/// as the PDF's `Figure` elements do (each chart's and the QR code's `/Alt`), with the markup of
/// the charts.
#[test]
fn alternative_texts_and_chart_markup() {
    let mut options =
        mht_guide_export::Options::new().with_preset(mht_guide_export::Preset::FactSheet);
    options
        .set_organization(mht_guide::Text::parse("Riverside Community College").unwrap())
        .set_qr(mht_guide::Url::parse("https://careers.example.edu/technicians").unwrap())
        .set_logo(crate::util::logo());
    let guide = mht_guide::guide();
    let page = mht_guide_export::to_html(guide, &options);
    let doc = crate::util::parse_xhtml(&page);
    let mut out = String::from("--- web page\n");
    for node in doc.descendants() {
        match node.tag_name().name() {
            "img" => out.push_str(&format!("img alt: {}\n", node.attribute("alt").unwrap())),
            // A chart's SVG only draws what its text says, and is hidden.
            "svg"
                if node
                    .ancestors()
                    .any(|a| a.attribute("aria-hidden") == Some("true")) => {}
            "svg" => {
                assert_eq!(node.attribute("role"), Some("img"));
                for part in node
                    .children()
                    .filter(|c| matches!(c.tag_name().name(), "title" | "desc"))
                {
                    out.push_str(&format!(
                        "svg {}: {}\n",
                        part.tag_name().name(),
                        part.text().unwrap_or("")
                    ));
                }
            }
            _ => {}
        }
    }
    out.push_str("--- PDF\n");
    let pdf =
        lopdf::Document::load_mem(&mht_guide_export::to_pdf(guide, &options).unwrap()).unwrap();
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure") {
            let alt = lopdf::decode_text_string(dict.get(b"Alt").unwrap()).unwrap();
            out.push_str(&format!("Figure /Alt: {alt}\n"));
        }
    }
    out.push_str("--- chart markup\n");
    for chart in page.split("<figure class=\"chart\">").skip(1) {
        out.push_str(chart.split("</figure>").next().unwrap().trim());
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}
