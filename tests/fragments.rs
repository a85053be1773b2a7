//! HTML fragments for a site's own page: ids that cannot collide, headings at the site's level,
//! citations that lead to the fragment's own sources, charts that draw without a stylesheet,
//! and the example page (two fragments in a site's page) valid and accessible.

use std::collections::BTreeSet;
use std::path::Path;

use mht_guide::SectionId;
use mht_guide_export::{Fragment, Options, Preset, STYLESHEET, Selection, to_css, to_html};

use crate::html::{check_in_browser, vnu_errors};
use crate::util::{browser, run, tempdir, vnu_jar};

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/site_fragments.rs"]
mod site_fragments;

fn fragment(sections: &[SectionId], fragment: Fragment) -> String {
    let options = Options::new()
        .with_sections(Selection::only(sections.iter().copied()))
        .with_fragment(fragment);
    to_html(mht_guide::guide(), &options)
}

/// What comes before each `{` of a stylesheet, comments left out: the selectors of its rules
/// and the preludes of its at-rules.
fn preludes(css: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = &rest[at..][rest[at..].find("*/").unwrap() + 2..];
    }
    text.push_str(rest);
    let mut out = Vec::new();
    let mut buf = String::new();
    for c in text.chars() {
        match c {
            '{' => out.push(std::mem::take(&mut buf).trim().to_owned()),
            '}' | ';' => buf.clear(),
            c => buf.push(c),
        }
    }
    out
}

/// Every `id` in a page, with how many times it occurs.
fn ids(page: &str) -> Vec<&str> {
    page.split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

/// The ids that occur more than once.
fn duplicates<'p>(ids: &[&'p str]) -> BTreeSet<&'p str> {
    let mut seen = BTreeSet::new();
    ids.iter()
        .filter(|id| !seen.insert(**id))
        .copied()
        .collect()
}

#[test]
fn a_fragment_is_the_sections_alone_with_prefixed_ids_and_its_own_sources() {
    let html = fragment(
        &[SectionId::SalaryOutlook, SectionId::Faq],
        Fragment::new("guide-").unwrap(),
    );
    // One element, in the edition's language, with nothing of a page around it.
    assert!(html.starts_with("<div class=\"mht-guide\" lang=\"en-US\" xml:lang=\"en-US\">\n"));
    assert!(html.ends_with("</div>\n"));
    for absent in [
        "<html", "<head", "<body", "<style", "<script", "<main", "<nav", "<footer", "<h1",
    ] {
        assert!(!html.contains(absent), "the fragment has {absent}");
    }
    // Every id starts with the prefix, and every link inside leads to one of them.
    let ids = ids(&html);
    assert!(ids.len() > 40, "{} ids", ids.len());
    assert!(ids.iter().all(|id| id.starts_with("guide-")), "{ids:?}");
    assert_eq!(duplicates(&ids), BTreeSet::new());
    let targets: BTreeSet<&str> = html
        .split("href=\"#")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(targets.len() > 5);
    for target in &targets {
        assert!(
            ids.contains(target),
            "a link leads to #{target}, which is not here"
        );
    }
    // Sections at level 2, unnumbered; what is inside them at level 3. The sources the
    // fragment cites are its own, numbered from 1.
    assert!(html.contains("<h2 id=\"guide-salary-outlook-title\">Salary and job outlook</h2>"));
    assert!(html.contains("<h2 id=\"guide-sources-title\">Sources</h2>"));
    assert!(!html.contains("<h4") && html.contains("<h3 id=\"guide-"));
    assert!(html.contains(">[1]</a>"));
    assert!(html.contains("<li id=\"guide-source-bls-ooh\">"));
    // The sections are the page's regions, not a publication's chapters; the sources are
    // named after the first section too.
    assert!(!html.contains("role=\"doc-chapter\"") && !html.contains("role=\"doc-bibliography\""));
    assert!(html.contains(
        "<section class=\"chapter\" id=\"guide-sources\" \
         aria-labelledby=\"guide-sources-title guide-salary-outlook-title\">"
    ));
    // The edition line says where it comes from.
    let guide = mht_guide::guide();
    assert!(html.contains(&format!(
        "<p class=\"edition\">{} · ",
        guide.meta.title.as_str()
    )));
}

#[test]
fn headings_start_at_the_level_given_and_carry_numbers_when_asked() {
    let html = fragment(
        &[SectionId::Faq],
        Fragment::new("q-")
            .unwrap()
            .with_heading_level(4)
            .unwrap()
            .with_numbering(true),
    );
    assert!(html.contains("<h4 id=\"q-faq-title\">1.\u{a0}Frequently asked questions</h4>"));
    assert!(html.contains("<h4 id=\"q-sources-title\">2.\u{a0}Sources</h4>"));
    let questions = html.matches("<h5 id=\"q-").count();
    assert_eq!(questions, mht_guide::guide().faq.questions.len());
    assert!(!html.contains("<h2") && !html.contains("<h3") && !html.contains("<h6"));
}

#[test]
fn a_right_to_left_fact_sheet_fragment_keeps_its_language_direction_and_key_figures() {
    let guide = mht_guide::edition("ar").unwrap();
    let options = Options::new()
        .with_preset(Preset::FactSheet)
        .with_fragment(Fragment::new("ar-").unwrap());
    let html = to_html(guide, &options);
    assert!(html.starts_with("<div class=\"mht-guide\" lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">"));
    assert!(
        html.contains("<div class=\"band\" role=\"group\" aria-labelledby=\"ar-key-figures\">")
    );
    assert_eq!(duplicates(&ids(&html)), BTreeSet::new());
}

#[test]
fn the_stylesheet_touches_nothing_outside_the_guide() {
    // Every selector of every rule is scoped under the class the fragment carries.
    let unscoped = |css: &str| {
        let mut found = Vec::new();
        let mut count = 0;
        for prelude in preludes(css) {
            if prelude.starts_with('@') {
                continue;
            }
            for one in prelude.split(',').map(str::trim) {
                count += 1;
                let scoped = one == ".mht-guide"
                    || one.starts_with(".mht-guide ")
                    || one.starts_with(".mht-guide:lang(");
                if !scoped {
                    found.push(one.to_owned());
                }
            }
        }
        assert!(count > 80, "{count} selectors");
        found
    };
    assert_eq!(unscoped(STYLESHEET), Vec::<String>::new());
    // The check is seen to fail on a rule for the site's own links.
    let broken = format!("{STYLESHEET}a {{\n  color: red;\n}}\n");
    assert_eq!(unscoped(&broken), ["a"]);
    // With an organization's color, the color is scoped too.
    let css = to_css(&Options::new().with_accent("#0b5d4b".parse().unwrap()));
    assert!(css.contains(".mht-guide {\n  --accent: #0b5d4b;\n}"));
    assert!(!css.contains(":root") && !css.contains("\nhtml"));
    // In large print nothing is smaller than the text around it, and the site's own root
    // size is left alone.
    let large = to_css(&Options::new().with_large_print(true));
    assert!(!large.contains("font-size: 0."));
    assert!(!large.contains("150%"));
}

#[test]
fn the_command_writes_fragments_and_the_stylesheet_and_refuses_what_cannot_be() {
    let dir = tempdir();
    let ok = run(
        dir.path(),
        &[
            "export",
            "--fragment",
            "--sections",
            "faq",
            "--heading-level",
            "3",
            "-o",
            "faq.html",
        ],
    );
    assert!(ok.status.success(), "{}", crate::util::transcript(&ok));
    let html = std::fs::read_to_string(dir.path().join("faq.html")).unwrap();
    // The prefix defaults to the first section's, so fragments of two sections never meet.
    assert!(
        html.contains("<h3 id=\"mht-faq-faq-title\">"),
        "{}",
        &html[..300]
    );
    let css = run(
        dir.path(),
        &[
            "export", "--format", "css", "--accent", "#0b5d4b", "-o", "-",
        ],
    );
    assert!(css.status.success());
    let css = String::from_utf8(css.stdout).unwrap();
    assert!(css.starts_with("/* mht-guide") && css.contains("--accent: #0b5d4b;"));
    for (args, says) in [
        (
            &["export", "--fragment", "--format", "pdf", "-o", "x.pdf"][..],
            "--fragment is HTML",
        ),
        (
            &["export", "--heading-level", "3", "-o", "x.html"][..],
            "--fragment",
        ),
        (
            &["export", "--fragment", "--id-prefix", "1st", "-o", "x.html"][..],
            "--id-prefix: the id prefix `1st` cannot begin an id",
        ),
        (
            &[
                "export",
                "--fragment",
                "--heading-level",
                "6",
                "-o",
                "x.html",
            ][..],
            "--heading-level: heading level 6",
        ),
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!dir.path().join(args[args.len() - 1]).exists());
    }
}

#[test]
fn two_fragments_in_one_page_share_no_id() {
    let page = site_fragments::page().unwrap();
    let ids = ids(&page);
    assert!(ids.iter().any(|id| id.starts_with("pay-")));
    assert!(ids.iter().any(|id| id.starts_with("training-")));
    assert_eq!(duplicates(&ids), BTreeSet::new());
    // The check is seen to fail: with one prefix for both, their sources collide.
    let same = page
        .replace("\"#training-", "\"#pay-")
        .replace("id=\"training-", "id=\"pay-");
    assert!(duplicates(&self::ids(&same)).contains("pay-sources"));
}

#[test]
#[cfg_attr(
    missing = "vnu",
    ignore = "needs the Nu Html Checker, which `bash .ci/test` installs"
)]
fn the_example_page_with_two_fragments_is_valid_html() {
    let Some(jar) = vnu_jar() else { return };
    let page = site_fragments::page().unwrap();
    let errors = vnu_errors(&jar, &page);
    assert!(errors.is_empty(), "vnu errors:\n{}", errors.join("\n"));
    // The checker is seen to fail on two fragments that share their ids.
    let same = page.replace("id=\"training-", "id=\"pay-");
    let errors = vnu_errors(&jar, &same);
    assert!(
        errors.iter().any(|e| e.contains("Duplicate ID")),
        "{errors:#?}"
    );
}

/// The paint of every chart part a browser reports that is black or missing (what a chart
/// whose colors lived only in a stylesheet would show without it), and every chart whose bars
/// stand apart from its scale.
fn unpainted(report: &serde_json::Value) -> Vec<String> {
    let geometry = &report["geometry"]["desktop"];
    let paint = geometry["paint"].as_array().unwrap();
    assert!(paint.len() > 10, "{} chart parts", paint.len());
    let offsets = geometry["offsets"].as_array().unwrap();
    assert!(!offsets.is_empty());
    paint
        .iter()
        .filter(|p| {
            let kind = p["kind"].as_str().unwrap();
            let paint = p["paint"].as_str().unwrap();
            paint == "none" || (kind.starts_with("chart-bar") && paint == "rgb(0, 0, 0)")
        })
        .chain(offsets.iter().filter(|o| {
            o["left"].as_f64().unwrap().abs() > 0.5 || o["right"].as_f64().unwrap().abs() > 0.5
        }))
        .map(|p| p.to_string())
        .collect()
}

#[test]
#[cfg_attr(
    missing = "browser",
    ignore = "needs Chromium with playwright-core and axe-core, which `bash .ci/test` installs"
)]
fn the_example_page_shows_accessibly_and_its_charts_draw_without_a_stylesheet() {
    let Some(modules) = browser() else { return };
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/fragments");
    let page = site_fragments::page().unwrap();
    let report = check_in_browser(&modules, &page, &out);
    assert_eq!(unpainted(&report), Vec::<String>::new());

    // A variant of the page, in a folder of its own, as the browser reports it.
    let check = |name: &str, page: &str| {
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("page.html");
        std::fs::write(&file, page).unwrap();
        crate::util::browser_script(&modules, "check.cjs", &[file.as_os_str(), dir.as_os_str()])
    };

    // The site's page without the guide's stylesheet: the charts still draw in color, their
    // lines and marks show.
    let bare = page.replace(STYLESHEET, "");
    assert_ne!(bare, page);
    let report = check("bare", &bare);
    assert_eq!(
        report["violations"],
        serde_json::json!([]),
        "axe-core violations"
    );
    assert_eq!(unpainted(&report), Vec::<String>::new());
    // The check is seen to fail on charts whose colors and rows are left to the stylesheet.
    let stripped = bare
        .replace(" fill=\"#004870\"", "")
        .replace(" stroke=\"currentColor\"", "")
        .replace(
            "<div class=\"chart-rows\" role=\"list\">",
            "<div class=\"chart-rows\" role=\"list\" style=\"padding-inline-start: 2.5em\">",
        );
    assert_ne!(stripped, bare);
    let report = check("stripped", &stripped);
    let failures = unpainted(&report);
    assert!(
        failures.iter().any(|f| f.contains("rgb(0, 0, 0)")),
        "{failures:?}"
    );
    assert!(
        failures.iter().any(|f| f.contains("\"left\"")),
        "{failures:?}"
    );
}
