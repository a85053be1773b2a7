//! The built-in Chinese (Simplified), Vietnamese and Arabic editions: made through the
//! translation workflow, each complete, each sharing the English figures and sources, each
//! exported in every format and preset. The validators that read them are in `epub`, `html`,
//! `ace`, `pdf_ua` and `scripts`, which run every built-in edition.

use mht_guide::{BuiltIn, Guide};
use mht_guide_export::{Options, Paper, Preset, to_epub, to_html, to_json, to_markdown, to_pdf};

/// The editions this module is about.
const NEW: [&str; 3] = ["zh-Hans", "vi", "ar"];

fn edition(name: &str) -> &'static Guide {
    mht_guide::edition(name).unwrap()
}

#[test]
fn markdown_zh_hans() {
    insta::assert_snapshot!(to_markdown(edition("zh-Hans"), &Options::new()));
}

#[test]
fn markdown_vi() {
    insta::assert_snapshot!(to_markdown(edition("vi"), &Options::new()));
}

#[test]
fn markdown_ar() {
    insta::assert_snapshot!(to_markdown(edition("ar"), &Options::new()));
}

#[test]
fn each_shares_the_english_figures_and_sources() {
    let en = mht_guide::guide();
    for name in NEW {
        let guide = edition(name);
        assert_eq!(en.salary_outlook.pay.len(), guide.salary_outlook.pay.len());
        for (e, t) in en.salary_outlook.pay.iter().zip(&guide.salary_outlook.pay) {
            assert_eq!(
                (e.amount.cents(), e.period, &e.source),
                (t.amount.cents(), t.period, &t.source),
                "{name}"
            );
        }
        let sources = |g: &Guide| {
            g.sources
                .sources
                .iter()
                .map(|s| (s.id.to_string(), s.url.to_string(), s.title.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(sources(en), sources(guide), "{name}");
        // Its files hold no figure of their own, and no copy of a source's title or address.
        let built_in = BuiltIn::named(name).unwrap();
        for &(file, text) in built_in.files {
            for copied in [
                "[[pay]]",
                "[[outlook]]",
                "[[settings.employment]]",
                "url =",
                "data_date =",
            ] {
                let copies = text.lines().any(|l| l.trim_start().starts_with(copied));
                assert!(!copies, "{name} {file} copies `{copied}`");
            }
        }
    }
}

#[test]
fn each_is_complete_and_current() {
    for name in NEW {
        let loaded = BuiltIn::named(name).unwrap().load().unwrap();
        let status = mht_guide::translate::Status::of_edition(&loaded);
        assert_eq!(
            (status.stale, status.untranslated),
            (0, 0),
            "{name}: {status:?}"
        );
        assert!(status.translated > 450, "{name}: {status:?}");
        // Every label is its own: none reads as the English one, but those made only of
        // placeholders and punctuation.
        let english = &mht_guide::guide().labels;
        let guide = edition(name);
        let same: Vec<&str> = mht_guide::Labels::NAMES
            .iter()
            .zip(guide.labels.iter().zip(english.iter()))
            .filter(|(_, ((_, a), (_, b)))| a.as_str() == b.as_str())
            .filter(|(_, ((_, a), _))| {
                a.as_str().chars().any(char::is_alphabetic) && !a.as_str().contains('{')
            })
            .map(|(n, _)| *n)
            .collect();
        assert!(same.is_empty(), "{name}: labels left in English: {same:?}");
    }
}

#[test]
fn each_exports_in_every_format_and_preset() {
    for name in NEW {
        let guide = edition(name);
        for preset in [Preset::Full, Preset::FactSheet, Preset::Faq] {
            for paper in [Paper::Letter, Paper::A4] {
                let mut options = Options::new().with_preset(preset);
                options.set_paper(paper);
                let pdf = to_pdf(guide, &options)
                    .unwrap_or_else(|e| panic!("{name} {preset:?} {paper}: {e}"));
                assert!(pdf.starts_with(b"%PDF-"));
            }
            let options = Options::new().with_preset(preset);
            let page = to_html(guide, &options);
            assert!(page.contains(&format!("lang=\"{}\"", guide.meta.language.as_str())));
            to_epub(guide, &options).unwrap();
            let markdown = to_markdown(guide, &options);
            assert!(markdown.contains(guide.meta.title.as_str()));
            let json = to_json(guide, &options).unwrap();
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(value["meta"]["language"], guide.meta.language.as_str());
        }
    }
}

#[test]
fn the_command_knows_them_by_name() {
    let dir = crate::util::tempdir();
    for (name, heading) in [
        ("zh-Hans", "心理健康技术员"),
        ("zh-hans", "心理健康技术员"),
        ("vi", "Kỹ thuật viên"),
        ("ar", "فني"),
    ] {
        let out = crate::util::run(
            dir.path(),
            &["export", "--edition", name, "-f", "md", "-o", "-", "-q"],
        );
        assert!(out.status.success(), "{}", crate::util::transcript(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(heading), "{name}");
    }
}
