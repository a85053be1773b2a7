//! Unit tests of the text layout.

use super::*;

fn measure<T>(f: impl FnOnce(&Measure<'_>) -> T) -> T {
    let family = super::super::fonts::family().unwrap();
    let cache = FontCache::new(family);
    use hyphenation::Load;
    let dict = hyphenation::Standard::from_embedded(hyphenation::Language::EnglishUS).unwrap();
    f(&Measure {
        fonts: &cache,
        hyphenator: Some(&dict),
        measured: &Measured::english(),
    })
}

fn text(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.segs.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

#[test]
fn widths_are_genpdfs_to_the_bit() {
    measure(|m| {
        let texts = [
            "AVAWAY To. Yo, \"quoted\" — ffi ≥ → Erdős Ωμέγα Жизнь",
            "Psychiatric technicians care for patients",
            "",
            "x",
        ];
        for look in [
            Look::new(10),
            Look::new(9).bold(),
            Look::new(11).italic(),
            Look::new(24).bold().italic(),
        ] {
            for text in texts {
                let ours = m.str_width(text, look);
                let genpdf = mm(look.style().str_width(m.fonts, text));
                assert_eq!(
                    ours.to_bits(),
                    genpdf.to_bits(),
                    "{text:?} {look:?}: {ours} {genpdf}"
                );
            }
        }
    });
}

#[test]
fn nothing_is_lost_and_every_line_fits() {
    let url = format!("https://example.org/{}", "segment/".repeat(35));
    let long = "a".repeat(60);
    let input = format!("Start {url} then {long} and pneumonoultramicroscopic words end.");
    measure(|m| {
        let look = Look::new(10);
        let lines = layout(m, &[Run::new(input.clone(), look)], 60.0, look, true);
        for line in &lines {
            let w: f64 = line.segs.iter().map(|s| s.width).sum();
            assert!(w <= 60.0 + SLACK, "{w} > 60: {line:?}");
        }
        let joined: String = text(&lines).join(" ");
        // Removing the spaces and the hyphens added at breaks gives the input back.
        let squash = |s: &str| s.replace([' ', '-'], "");
        assert_eq!(squash(&joined), squash(&input));
        assert!(lines.len() > 5);
    });
}

#[test]
fn hyphenates_to_fill_a_line() {
    measure(|m| {
        let look = Look::new(10);
        let runs = [Run::new(
            "Technicians give hands-on care for hospitalization",
            look,
        )];
        // Room for "hospi-" but not for the whole word.
        let width = m.width("Technicians give hands-on care for hospi-", look) + 0.5;
        let lines = layout(m, &runs, width, look, true);
        assert_eq!(
            text(&lines),
            ["Technicians give hands-on care for hospi-", "talization"]
        );
        let lines = layout(m, &runs, width, look, false);
        assert_eq!(
            text(&lines),
            ["Technicians give hands-on care for", "hospitalization"]
        );
    });
}

#[test]
fn a_very_long_word_is_split_without_loss() {
    measure(|m| {
        let look = Look::new(10);
        let word = "x".repeat(100_000);
        let lines = layout(m, &[Run::new(word.clone(), look)], 170.0, look, true);
        assert_eq!(text(&lines).concat(), word);
    });
}

#[test]
fn words_may_span_runs_and_keep_their_looks() {
    measure(|m| {
        let look = Look::new(10);
        let runs = [
            Run::new("Pay", look.bold()),
            Run::new(", by ", look),
            Run::link("[1]", look, Target::Anchor("sources".into()), 1),
        ];
        let lines = layout(m, &runs, 100.0, look, true);
        assert_eq!(text(&lines), ["Pay, by [1]"]);
        let segs = &lines[0].segs;
        assert_eq!(segs.len(), 3);
        assert!(segs[0].look.bold && !segs[1].look.bold);
        assert_eq!(segs[2].target, Some(Target::Anchor("sources".into())));
        assert!(segs[2].x > segs[1].x);
    });
}

#[test]
fn a_no_break_space_does_not_break() {
    measure(|m| {
        let look = Look::new(10);
        let runs = [Run::new("aaaa aaaa\u{a0}[1]", look)];
        let w = m.width("aaaa aaaa", look) + 1.0;
        let lines = layout(m, &runs, w, look, true);
        assert_eq!(text(&lines), ["aaaa", "aaaa\u{a0}[1]"]);
    });
}
