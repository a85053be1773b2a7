//! Unit tests of the HTML writer: what each piece of the composed document becomes.

use mht_guide::Prose;

use super::Writer;
use crate::Selection;
use crate::compose::{Document, Node};

/// What `f` writes with a writer over the whole embedded guide, links pointing at `#id`.
fn written(epub: bool, f: impl FnOnce(&mut Writer<'_>, &Document<'_>)) -> String {
    let doc = Document::compose(mht_guide::guide(), &Selection::all());
    let href = |id: &str| format!("#{id}");
    let mut writer = Writer::new(&doc, &href, epub);
    f(&mut writer, &doc);
    writer.out
}

fn prose(source: &str) -> Prose {
    Prose::parse(source).unwrap_or_else(|e| panic!("{source}: {e:?}"))
}

#[test]
fn prose_is_escaped_and_keeps_its_markup() {
    let p = prose(
        "Pay \\<b\\> & \"hours\": *often* **nights**, `a<b`, \
         [the site](https://example.org/?a=1&b=2).\\\nNext line.",
    );
    let html = written(false, |w, _| w.blocks(p.blocks()));
    assert_eq!(
        html,
        "<p>Pay &lt;b&gt; &amp; &quot;hours&quot;: <em>often</em> <strong>nights</strong>, \
         <code>a&lt;b</code>, <a href=\"https://example.org/?a=1&amp;b=2\">the site</a>.<br />\n\
         Next line.</p>\n"
    );
}

#[test]
fn lists_keep_their_start_and_tight_items_have_no_paragraphs() {
    let p = prose("3. one\n4. two\n\n- loose\n\n- items");
    let html = written(false, |w, _| w.blocks(p.blocks()));
    assert_eq!(
        html,
        "<ol start=\"3\">\n<li>one</li>\n<li>two</li>\n</ol>\n\
         <ul>\n<li><p>loose</p>\n</li>\n<li><p>items</p>\n</li>\n</ul>\n"
    );
}

#[test]
fn a_citation_links_its_numbered_source_with_its_role() {
    let p = prose("Median pay [@bls-ooh].");
    let web = written(false, |w, _| w.blocks(p.blocks()));
    let book = written(true, |w, _| w.blocks(p.blocks()));
    let n = Document::compose(mht_guide::guide(), &Selection::all())
        .reference_number(&"bls-ooh".parse().unwrap())
        .unwrap();
    assert_eq!(
        web,
        format!(
            "<p>Median pay\u{a0}<a class=\"cite\" href=\"#source-bls-ooh\" \
             role=\"doc-biblioref\" aria-label=\"Source {n}: U.S. Bureau of Labor Statistics, \
             Occupational Outlook Handbook: Psychiatric Technicians and Aides\">[{n}]</a>.</p>\n"
        )
    );
    // Only the book carries the EPUB structural semantics.
    assert!(
        book.contains("href=\"#source-bls-ooh\" epub:type=\"biblioref\" role=\"doc-biblioref\""),
        "{book}"
    );
}

/// A table is named by a caption set outside its scroll box, which a keyboard can reach; it
/// has header cells for its columns and for each row.
#[test]
fn a_table_has_a_caption_and_header_cells_for_columns_and_rows() {
    let html = written(false, |w, doc| {
        let table = doc
            .sections
            .iter()
            .flat_map(|s| &s.nodes)
            .find_map(|node| match node {
                Node::Table(table) => Some(table),
                _ => None,
            })
            .expect("the guide has a table");
        w.table(table);
    });
    let (caption, rest) = html.split_once("</p>\n").unwrap();
    assert!(
        caption.starts_with("<p class=\"table-caption\" id=\"table-1\">") && caption.len() > 40,
        "{html}"
    );
    assert!(
        rest.starts_with(
            "<div class=\"table-scroll\" role=\"group\" tabindex=\"0\" \
             aria-labelledby=\"table-1\">\n<table aria-labelledby=\"table-1\">\n<thead>"
        ),
        "{html}"
    );
    let head = &html[html.find("<thead>").unwrap()..html.find("</thead>").unwrap()];
    assert!(head.matches("<th scope=\"col\">").count() >= 2, "{head}");
    for row in html.split("<tr>").skip(2) {
        assert!(
            row.starts_with("<th scope=\"row\">"),
            "a row without its header cell: {row}"
        );
    }
}

/// A screen reader's list of landmarks holds the chapters, not every question: a labelled
/// `section` is a `region` landmark, and the FAQ's questions are plain groups led by headings.
#[test]
fn questions_are_not_landmarks() {
    let page = crate::to_html(mht_guide::guide(), &crate::Options::new());
    let labelled = page.matches("<section ").count();
    let chapters = mht_guide::guide().sections().count();
    assert_eq!(labelled, chapters, "one section a chapter");
    assert!(page.matches("<div class=\"faq-item\"").count() >= 10);
    assert!(!page.contains("<section class=\"faq-item\""));
}

/// A keyboard user's first Tab goes to a link past the title block and the contents, to the
/// guide itself.
#[test]
fn the_first_link_skips_to_the_guide() {
    let page = crate::to_html(mht_guide::guide(), &crate::Options::new());
    let body = &page[page.find("<body>").unwrap()..];
    let first = &body[body.find("<a ").unwrap()..];
    assert!(
        first.starts_with("<a class=\"skip-link\" href=\"#main\">Start of content</a>"),
        "{}",
        &first[..120]
    );
    assert_eq!(page.matches("<main id=\"main\">").count(), 1);
    assert_eq!(
        page.matches(" id=\"main\"").count(),
        1,
        "the target is unique"
    );
}

/// Each value of a chart's scale stands at its gridline, also when the axis reaches below zero
/// past its first tick (growth from −5% to +20% has ticks at 0, 10 and 20): only a value at an
/// end of the axis is set inward from it.
#[test]
fn scale_values_stand_at_their_gridlines() {
    let guide = mht_guide::guide();
    let mut figures = guide.salary_outlook.outlook.clone();
    figures[0].growth_percent = -3;
    let chart = crate::Chart::growth(&figures, &guide.labels).unwrap();
    assert_eq!((chart.min, chart.max), (-5.0, 20.0));
    let html = written(false, |w, _| w.chart(&chart));
    let percent = |s: &str| s.trim_end_matches('%').parse::<f64>().unwrap();
    let grid: Vec<f64> = html
        .split("<line class=\"chart-grid\" x1=\"")
        .skip(1)
        .take(chart.scale.len())
        .map(|s| percent(s.split('"').next().unwrap()))
        .collect();
    let scale = &html[html.find("class=\"chart-scale\"").unwrap()..];
    let texts: Vec<(f64, &str)> = scale
        .split("<text x=\"")
        .skip(1)
        .map(|s| {
            let x = percent(s.split('"').next().unwrap());
            let anchor = s
                .split("text-anchor=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            (x, anchor)
        })
        .collect();
    assert_eq!(texts.len(), grid.len());
    for ((x, _), g) in texts.iter().zip(&grid) {
        assert!((x - g).abs() < 0.01, "{texts:?} against {grid:?}");
    }
    // Zero is not an end of this axis: it stands centred on its line; +20% ends the axis.
    assert_eq!(texts[0].1, "middle");
    assert_eq!(texts.last().unwrap().1, "end");
}
