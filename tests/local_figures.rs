//! Local figures: pay and projections for a state or a region, typed as such, added by an
//! edition to its base's figures, and shown in the tables, the charts and the JSON.

use std::fs;
use std::path::{Path, PathBuf};

use mht_guide::{AreaKind, Guide, KeyFigure, PayFigure, Review, Role, Statistic};
use mht_guide_export::{Options, to_html, to_json, to_markdown};

use crate::util::{copy_files, fixtures, load_errors, run, tempdir, transcript};

/// The test edition: a workforce board's regional wage and state projection on the built-in
/// English guide.
fn local() -> PathBuf {
    fixtures().join("local")
}

/// A copy of the test edition in `dir`, with `edit` applied to its salary-outlook.toml.
fn local_copy(dir: &Path, edit: impl FnOnce(String) -> String) -> PathBuf {
    let ours = dir.join("ours");
    copy_files(&local(), &ours);
    let file = ours.join("salary-outlook.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, edit(text)).unwrap();
    ours
}

#[test]
fn a_local_wage_adds_to_the_base_figures_and_shows_in_every_output() {
    let guide = Guide::from_dir(local()).unwrap();
    let base = &mht_guide::guide().salary_outlook;
    let s = &guide.salary_outlook;
    // Every figure of the base is kept, in its place, and the edition's come after them.
    assert_eq!(s.pay.len(), base.pay.len() + 4);
    assert_eq!(&s.pay[..base.pay.len()], &base.pay[..]);
    assert_eq!(s.outlook.len(), base.outlook.len() + 1);
    assert_eq!(&s.outlook[..base.outlook.len()], &base.outlook[..]);

    let median = s
        .pay
        .iter()
        .find(|p| p.area.is_some() && p.statistic == Statistic::Median)
        .unwrap();
    let area = median.area.as_ref().unwrap();
    assert_eq!(area.kind, AreaKind::Region);
    assert_eq!(area.name.as_str(), "Lakeside region");
    assert_eq!(area.state.map(|s| s.as_str()), Some("MI"));
    assert_eq!(area.code.as_ref().map(|c| c.as_str()), Some("2600001"));
    assert!(
        !median.is_overall_median(),
        "a local median is not the national one"
    );
    let state = s.outlook.iter().find_map(|o| o.area.as_ref()).unwrap();
    assert_eq!(
        (state.kind, state.name.as_str()),
        (AreaKind::State, "Michigan")
    );

    // The key figures stay national.
    let key = s.key_figures();
    assert!(matches!(key[0], KeyFigure::MedianPay(p) if p.amount.cents() == 4_259_000));

    let options = Options::new();
    let md = to_markdown(&guide, &options);
    for row in [
        "| Psychiatric technicians | $32,980 | $42,590 | $60,150 | [",
        "| Psychiatric technicians, Lakeside region | $35,120 | $47,310 | $63,880 | [",
        "| Psychiatric technicians, Michigan | – | $45,870 | – | [",
        "| Psychiatric technicians, Michigan | 2022–32 | – | – | – | +11% | – | [",
    ] {
        assert!(md.contains(row), "the Markdown has no row {row}");
    }
    // The charts draw the local rows, and say them in their descriptions.
    let html = to_html(&guide, &options);
    let charts: Vec<&str> = html
        .split("<figure")
        .skip(1)
        .filter_map(|c| c.split("</figure>").next())
        .collect();
    let pay_chart = charts
        .iter()
        .find(|c| c.contains("Lakeside region"))
        .expect("a chart draws the regional wage");
    assert!(pay_chart.contains("$35,120 to $63,880"), "{pay_chart}");
    assert!(
        charts
            .iter()
            .any(|c| c.contains("Psychiatric technicians, Michigan, 2022–32"))
    );

    // The JSON types the area.
    let json: serde_json::Value =
        serde_json::from_str(&to_json(&guide, &options).unwrap()).unwrap();
    let pay = json["salary_outlook"]["pay"].as_array().unwrap();
    let local: Vec<&serde_json::Value> = pay.iter().filter(|p| !p["area"].is_null()).collect();
    assert_eq!(local.len(), 4);
    assert_eq!(
        local[1]["area"],
        serde_json::json!({
            "kind": "region", "name": "Lakeside region", "state": "MI", "code": "2600001"
        })
    );
    assert_eq!(
        local[3]["area"],
        serde_json::json!({ "kind": "state", "name": "Michigan", "state": "MI", "code": null })
    );
    assert!(pay.iter().filter(|p| p["area"].is_null()).count() == base.pay.len());
    let outlook = json["salary_outlook"]["outlook"].as_array().unwrap();
    assert_eq!(
        outlook.last().unwrap()["area"],
        serde_json::json!({ "kind": "state", "name": "Michigan", "state": "MI", "code": null })
    );
}

#[test]
fn a_figure_for_the_same_thing_takes_the_place_of_the_base_s() {
    let dir = tempdir();
    let ours = local_copy(dir.path(), |text| {
        // Without its code: the base's figure is found by its name.
        text + r#"
[[pay]]
occupation = "Psychiatric technicians"
statistic = "median"
amount = 45130
currency = "USD"
unit = "year"
period = "2025-05"
source = "lakeside-wages"
"#
    });
    let guide = Guide::from_dir(&ours).unwrap();
    let base = &mht_guide::guide().salary_outlook;
    let pay = &guide.salary_outlook.pay;
    assert_eq!(
        pay.len(),
        base.pay.len() + 4,
        "it replaced one, not added one"
    );
    let at = base
        .pay
        .iter()
        .position(|p| p.is_overall_median() && p.occupation.as_str() == "Psychiatric technicians")
        .unwrap();
    assert_eq!(
        pay[at].amount.cents(),
        4_513_000,
        "in the base figure's place"
    );
    assert_eq!(pay[at].period.iso(), "2025-05");
    let key = guide.salary_outlook.key_figures();
    assert!(matches!(key[0], KeyFigure::MedianPay(p) if p.amount.cents() == 4_513_000));

    // Twice in one file is a mistake, not an update.
    let twice = local_copy(dir.path().join("twice").as_path(), |text| {
        let last = text.find("[[outlook]]").unwrap();
        let median = text.find("[[pay]]\noccupation = \"Psychiatric technicians\"\ncode = \"29-2053\"\narea = { region = \"Lakeside region\", state = \"MI\", code = \"2600001\" }\nstatistic = \"median\"").unwrap();
        let table = text[median..]
            .find("\n\n")
            .map(|e| &text[median..median + e + 2])
            .unwrap();
        format!("{}{table}{}", &text[..last], &text[last..])
    });
    let found = load_errors(&twice);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("ours/salary-outlook.toml:"),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains(
            "repeats the one on line 15, with the same occupation, workplace, area, statistic, unit, period and source; remove one"
        ),
        "{}",
        found[0]
    );
}

#[test]
fn replace_true_replaces_the_base_figures_and_an_inherited_choice_is_reported_at_it() {
    let dir = tempdir();
    let replaced = local_copy(dir.path(), |text| {
        text.replacen("[[pay]]\n", "[[pay]]\nreplace = true\n", 1)
    });
    // The base's key figures name the national median that the edition's figures leave out:
    // the problem is in the user's file, at `replace`, and nothing points into the program.
    let found = load_errors(&replaced);
    assert_eq!(found.len(), 1, "{found:#?}");
    let expected_place = format!(
        "{}:4:11: error: ",
        replaced.join("salary-outlook.toml").display()
    );
    assert!(found[0].starts_with(&expected_place), "{}", found[0]);
    assert!(
        found[0].contains(
            "the key figures this edition inherits show the median annual pay across all \
             workplaces of `Psychiatric technicians` (`[key_figures]`, line 49 of the base's \
             salary-outlook.toml)"
        ),
        "{}",
        found[0]
    );
    assert!(
        !found[0].contains("content/mental-health-technician"),
        "{}",
        found[0]
    );

    // With a national median of its own, the edition's list is the whole list.
    let whole = local_copy(dir.path().join("whole").as_path(), |text| {
        text.replacen("[[pay]]\n", "[[pay]]\nreplace = true\n", 1)
            + "\n[[pay]]\noccupation = \"Psychiatric technicians\"\nstatistic = \"median\"\n\
               amount = 45130\ncurrency = \"USD\"\nunit = \"year\"\nperiod = \"2025-05\"\n\
               source = \"lakeside-wages\"\n"
    });
    let guide = Guide::from_dir(&whole).unwrap();
    let pay = &guide.salary_outlook.pay;
    assert_eq!(pay.len(), 5);
    assert!(pay.iter().all(|p| p.role == Role::Subject));
    let md = to_markdown(&guide, &Options::new());
    assert!(!md.contains("Pay in related and comparison occupations"));
    assert!(!md.contains("| Psychiatric aides | $30,920"));
}

#[test]
fn mistakes_in_an_area_or_a_replace_flag_are_placed_and_explained() {
    let dir = tempdir();
    let cases: &[(&str, &str, &str)] = &[
        (
            "code",
            "area = { state = \"MI\", name = \"Michigan\" }",
            "area = { state = \"Michigan\", name = \"Michigan\" }",
        ),
        (
            "name",
            "area = { state = \"MI\", name = \"Michigan\" }",
            "area = { state = \"MN\", name = \"Michigan\" }",
        ),
        (
            "both",
            "area = { state = \"MI\", name = \"Michigan\" }",
            "area = { state = \"MI\", name = \"Michigan\", region = \"Lakeside\" }",
        ),
        (
            "none",
            "area = { state = \"MI\", name = \"Michigan\" }",
            "area = { code = \"26\" }",
        ),
        (
            "no name",
            "area = { state = \"MI\", name = \"Michigan\" }",
            "area = { state = \"MI\" }",
        ),
    ];
    let expected = [
        "salary-outlook.toml:39:18: error: `Michigan` is not the postal code of a US state, the District of Columbia or a territory; write `MI` for Michigan",
        "salary-outlook.toml:39:31: error: `MN` is Minnesota, and this area's name is `Michigan`; write the state's name, or correct its code",
        "salary-outlook.toml:39:31: error: an area is a state (`state` and `name`) or a region (`region`), not both;",
        "salary-outlook.toml:39:8: error: this area names no place; give `state` and `name` for a whole state, or `region` for a region",
        "salary-outlook.toml:39:8: error: this area gives `state` but no name; add `name = \"Michigan\"`",
    ];
    for ((name, from, to), expected) in cases.iter().zip(expected) {
        let ours = local_copy(dir.path().join(name).as_path(), |t| {
            assert!(t.contains(from));
            t.replacen(from, to, 1)
        });
        let found = load_errors(&ours);
        assert_eq!(found.len(), 1, "{name}: {found:#?}");
        assert!(found[0].contains(expected), "{name}: {}", found[0]);
    }
    // `replace = false` says what no flag says; `replace = true` on a later table is refused.
    let late = local_copy(dir.path().join("late false").as_path(), |t| {
        t.replacen("[[outlook]]\n", "[[outlook]]\nreplace = false\n", 1)
    });
    assert!(Guide::from_dir(&late).is_ok());
    let late_true = local_copy(dir.path().join("late true").as_path(), |t| {
        let second = t.match_indices("[[pay]]\n").nth(1).unwrap().0 + "[[pay]]\n".len();
        format!("{}replace = true\n{}", &t[..second], &t[second..])
    });
    let found = load_errors(&late_true);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains(
            "salary-outlook.toml:15:11: error: `replace` is about the whole `[[pay]]` list, so \
             it goes on the first `[[pay]]` table of this file; move it there"
        ),
        "{}",
        found[0]
    );
    // An edition with no base has nothing to replace.
    let full = crate::util::embedded_copy(dir.path());
    let file = full.join("salary-outlook.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replacen("[[pay]]\n", "[[pay]]\nreplace = true\n", 1),
    )
    .unwrap();
    let found = load_errors(&full);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("and this edition has no base; remove it"),
        "{}",
        found[0]
    );
}

#[test]
fn check_marks_the_warnings_an_edition_inherits() {
    let dir = tempdir();
    // One warning of the edition's own: a figure from a source whose data is old.
    let ours = local_copy(dir.path(), |text| {
        text.replace("2022", "2019").replace("2032", "2029")
    });
    let sources = ours.join("sources.toml");
    let text = fs::read_to_string(&sources).unwrap();
    fs::write(
        &sources,
        text.replace("data_date = \"2024-05\"", "data_date = \"2019\""),
    )
    .unwrap();

    let as_of = mht_guide::RefDate::parse("2026-12-07").unwrap();
    let review = Review::of_dir(&ours, as_of).unwrap();
    let (inherited, own): (Vec<_>, Vec<_>) = review
        .warnings()
        .iter()
        .partition(|w| w.inherited().is_some());
    assert!(!inherited.is_empty());
    for w in &inherited {
        assert_eq!(w.inherited(), Some("the built-in `en` edition"));
        assert!(w.path().starts_with(mht_guide::EMBEDDED_DIR), "{w}");
        assert!(
            w.to_string()
                .ends_with("(inherited: in the built-in `en` edition)"),
            "{w}"
        );
    }
    assert!(!own.is_empty());
    for w in &own {
        assert!(w.path().starts_with(&ours), "{w}");
        assert!(!w.to_string().contains("inherited"), "{w}");
    }

    let out = run(
        dir.path(),
        &["check", "--content", "ours", "--as-of", "2026-12-07"],
    );
    let text = transcript(&out);
    assert!(out.status.success(), "{text}");
    let notes = text
        .matches(
            "= note: inherited from the built-in `en` edition, not in this edition's own files",
        )
        .count();
    assert_eq!(notes, inherited.len(), "{text}");
    let n = inherited.len() + own.len();
    assert!(
        text.contains(&format!(
            "warning: {n} warnings, {} of them inherited from the built-in `en` edition",
            inherited.len()
        )),
        "{text}"
    );
}

#[test]
fn a_translated_edition_names_its_local_rows_in_its_own_words() {
    let dir = tempdir();
    let ours = dir.path().join("ours");
    fs::create_dir_all(&ours).unwrap();
    fs::write(ours.join("guide.toml"), "base = \"zh-Hans\"\n").unwrap();
    fs::write(
        ours.join("salary-outlook.toml"),
        "[[pay]]\noccupation = \"精神科技术员\"\ncode = \"29-2053\"\n\
         area = { state = \"CA\", name = \"加利福尼亚州\" }\nstatistic = \"median\"\n\
         amount = 61000\ncurrency = \"USD\"\nunit = \"year\"\nperiod = \"2024-05\"\n\
         source = \"bls-ooh\"\n",
    )
    .unwrap();
    let guide = Guide::from_dir(&ours).unwrap();
    let md = to_markdown(&guide, &Options::new());
    assert!(md.contains("| 精神科技术员（加利福尼亚州） |"), "{md}");
}

#[test]
fn a_choice_undone_by_a_base_folder_is_reported_at_its_replace_and_marked_inherited() {
    // ours → mid (a folder whose figures replace the built-in guide's) → en: the key figure the
    // built-in guide chose has no figure left, and the problem is mid's `replace`.
    let dir = tempdir();
    let mid = local_copy(dir.path(), |text| {
        text.replacen("[[pay]]\n", "[[pay]]\nreplace = true\n", 1)
    });
    let ours = dir.path().join("edition");
    fs::create_dir_all(&ours).unwrap();
    fs::write(ours.join("guide.toml"), "base = \"../ours\"\n").unwrap();
    let err = Guide::from_dir(&ours).unwrap_err();
    let found = err.diagnostics();
    assert_eq!(found.len(), 1, "{err}");
    let d = &found[0];
    let real = |p: &Path| fs::canonicalize(p).unwrap();
    assert_eq!(
        real(d.path()),
        real(&mid.join("salary-outlook.toml")),
        "{d}"
    );
    assert_eq!(
        d.position().map(|p| (p.line, p.column)),
        Some((4, 11)),
        "{d}"
    );
    let from = d.inherited().expect("it is in a base's file");
    let folder = from.strip_prefix("the base edition ").unwrap();
    assert_eq!(real(Path::new(folder)), real(&mid), "{d}");
    assert!(
        d.to_string().ends_with(&format!("(inherited: in {from})")),
        "{d}"
    );
    let from = from.to_owned();

    // A load error in a base folder's own file is marked inherited too.
    let faq = mid.join("faq.toml");
    fs::write(&faq, "summary = \n").unwrap();
    let err = Guide::from_dir(&ours).unwrap_err();
    let broken = err
        .diagnostics()
        .iter()
        .find(|d| d.path().ends_with("ours/faq.toml"))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(broken.inherited(), Some(from.as_str()), "{broken}");
}

#[test]
fn a_translated_base_matches_figures_by_code_and_reports_its_choice_at_replace() {
    let dir = tempdir();
    let ours = dir.path().join("ours");
    fs::create_dir_all(&ours).unwrap();
    fs::write(ours.join("guide.toml"), "base = \"es\"\n").unwrap();
    // The Spanish edition names the occupation in Spanish; the code still matches the
    // English guide's figure, so this one takes its place.
    let update = "[[pay]]\noccupation = \"Técnicos psiquiátricos\"\ncode = \"29-2053\"\n\
                  statistic = \"median\"\namount = 45130\ncurrency = \"USD\"\nunit = \"year\"\n\
                  period = \"2025-05\"\nsource = \"bls-ooh\"\n";
    fs::write(ours.join("salary-outlook.toml"), update).unwrap();
    let guide = Guide::from_dir(&ours).unwrap();
    let base = &mht_guide::BuiltIn::named("es")
        .unwrap()
        .guide()
        .salary_outlook;
    assert_eq!(guide.salary_outlook.pay.len(), base.pay.len());
    let key = guide.salary_outlook.key_figures();
    assert!(matches!(key[0], KeyFigure::MedianPay(p) if p.amount.cents() == 4_513_000));

    // With `replace`, the choice the base made is reported at it.
    let replaced = update
        .replacen("[[pay]]\n", "[[pay]]\nreplace = true\n", 1)
        .replace(
            "code = \"29-2053\"\n",
            "code = \"29-2053\"\narea = { state = \"CA\", name = \"California\" }\n",
        );
    fs::write(ours.join("salary-outlook.toml"), replaced).unwrap();
    let found = load_errors(&ours);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(&format!(
            "{}:2:11: error: the key figures this edition inherits show the median annual pay \
             across all workplaces of `Técnicos psiquiátricos` (`[key_figures]`, line 48 of the \
             base's salary-outlook.toml), and this edition's figures leave none",
            ours.join("salary-outlook.toml").display()
        )),
        "{}",
        found[0]
    );
}

#[test]
fn a_local_projection_listed_first_leaves_the_key_figures_national() {
    let dir = tempdir();
    let full = crate::util::embedded_copy(dir.path());
    let file = full.join("salary-outlook.toml");
    let text = fs::read_to_string(&file).unwrap();
    let local = "[[outlook]]\noccupation = \"Psychiatric technicians\"\ncode = \"29-2053\"\n\
                 area = { state = \"MI\", name = \"Michigan\" }\nbase_year = 2022\n\
                 target_year = 2032\ngrowth_percent = 11\nopenings_per_year = 900\n\
                 entry_education = \"high_school\"\nsource = \"bls-ooh\"\n\n";
    let first = text.find("[[outlook]]").unwrap();
    let text = format!("{}{local}{}", &text[..first], &text[first..]);
    // Without `[key_figures]`, each key figure is the first of the guide's own: the choice
    // must pass the local projection by.
    let choice = text.find("[key_figures]").unwrap();
    let end = choice + text[choice..].find("\n\n").unwrap() + 2;
    fs::write(&file, format!("{}{}", &text[..choice], &text[end..])).unwrap();
    let guide = Guide::from_dir(&full).unwrap();
    assert!(guide.salary_outlook.outlook[0].area.is_some());
    let national = mht_guide::guide().salary_outlook.key_figures();
    assert_eq!(guide.salary_outlook.key_figures(), national);
}

#[test]
fn a_translated_edition_must_translate_an_area_s_name_but_not_its_state_code() {
    let dir = tempdir();
    copy_files(&local(), &dir.path().join("ours"));
    let vi = dir.path().join("vi");
    fs::create_dir_all(&vi).unwrap();
    // The built-in Vietnamese edition's labels, on the local edition.
    let (_, built_in) = mht_guide::BuiltIn::named("vi")
        .unwrap()
        .files
        .iter()
        .find(|(name, _)| *name == "guide.toml")
        .unwrap();
    let labels = &built_in[built_in.find("[labels]").unwrap()..];
    fs::write(
        vi.join("guide.toml"),
        format!("base = \"../ours\"\nlanguage = \"vi\"\n\n{labels}"),
    )
    .unwrap();
    // The edition's own figure takes the place of the base's Michigan wage, whose text is then
    // not asked for.
    fs::write(
        vi.join("salary-outlook.toml"),
        "[[pay]]\noccupation = \"Kỹ thuật viên tâm thần\"\ncode = \"29-2053\"\n\
         area = { state = \"MI\", name = \"Michigan\" }\nstatistic = \"median\"\n\
         amount = 45870\ncurrency = \"USD\"\nunit = \"year\"\nperiod = \"2024-05\"\n\
         source = \"lakeside-wages\"\n",
    )
    .unwrap();
    let err = Guide::from_dir(&vi).unwrap_err();
    let at_areas: Vec<&str> = err
        .diagnostics()
        .iter()
        .filter(|d| d.line_text().is_some_and(|l| l.starts_with("area = ")))
        .map(|d| {
            let line = d.line_text().unwrap();
            let column = d.position().unwrap().column;
            let rest: String = line.chars().skip(column - 1).collect();
            assert!(
                d.message().starts_with("this text comes from the base"),
                "{d}"
            );
            if rest.starts_with("\"Lakeside region\"") {
                "region"
            } else if rest.starts_with("\"Michigan\"") {
                "name"
            } else {
                panic!("a problem at an area's other value: {d}")
            }
        })
        .collect();
    // Three for the region's wages, one for Michigan's projection; none for the wage replaced.
    assert_eq!(at_areas, ["region", "region", "region", "name"]);
}

#[test]
fn a_chain_of_editions_replaces_figure_by_figure() {
    // en ← mid (a newer national median) ← ours (newer still): one national median is left,
    // at the place of en's, and it is ours.
    let dir = tempdir();
    let mid = dir.path().join("mid");
    let ours = dir.path().join("ours");
    fs::create_dir_all(&mid).unwrap();
    fs::create_dir_all(&ours).unwrap();
    let median = |amount: u32, period: &str| {
        format!(
            "[[pay]]\noccupation = \"Psychiatric technicians\"\ncode = \"29-2053\"\n\
             statistic = \"median\"\namount = {amount}\ncurrency = \"USD\"\nunit = \"year\"\n\
             period = \"{period}\"\nsource = \"bls-ooh\"\n"
        )
    };
    fs::write(mid.join("guide.toml"), "base = \"en\"\n").unwrap();
    fs::write(mid.join("salary-outlook.toml"), median(45_130, "2025-05")).unwrap();
    fs::write(ours.join("guide.toml"), "base = \"../mid\"\n").unwrap();
    fs::write(ours.join("salary-outlook.toml"), median(47_000, "2026-05")).unwrap();
    let guide = Guide::from_dir(&ours).unwrap();
    let base = &mht_guide::guide().salary_outlook.pay;
    let pay = &guide.salary_outlook.pay;
    assert_eq!(pay.len(), base.len());
    let at = base.iter().position(PayFigure::is_overall_median).unwrap();
    assert_eq!(pay[at].amount.cents(), 4_700_000);
    assert_eq!(pay[at].period.iso(), "2026-05");
    let medians = |p: &[PayFigure]| p.iter().filter(|p| p.is_overall_median()).count();
    assert_eq!(medians(pay), medians(base));
}

#[test]
fn an_edition_that_translates_its_base_replaces_the_base_s_figure() {
    // The built-in Spanish edition, copied as a folder: its guide.toml translates the English
    // occupations, so the English figures read in Spanish; a figure it adds for the same thing
    // still takes their place, and a repeat is placed in its own file.
    let dir = tempdir();
    let es = dir.path().join("es");
    fs::create_dir_all(&es).unwrap();
    for (name, text) in mht_guide::BuiltIn::named("es").unwrap().files {
        fs::write(es.join(name), text).unwrap();
    }
    let file = es.join("salary-outlook.toml");
    let newer = "\n[[pay]]\noccupation = \"Técnicos psiquiátricos\"\ncode = \"29-2053\"\n\
                 statistic = \"median\"\namount = 45130\ncurrency = \"USD\"\nunit = \"year\"\n\
                 period = \"2025-05\"\nsource = \"bls-ooh\"\n";
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, format!("{text}{newer}")).unwrap();
    let guide = Guide::from_dir(&es).unwrap();
    let spanish = &mht_guide::BuiltIn::named("es")
        .unwrap()
        .guide()
        .salary_outlook
        .pay;
    assert_eq!(guide.salary_outlook.pay.len(), spanish.len());
    let key = guide.salary_outlook.key_figures();
    assert!(matches!(key[0], KeyFigure::MedianPay(p) if p.amount.cents() == 4_513_000));

    fs::write(&file, format!("{text}{newer}{newer}")).unwrap();
    let found = load_errors(&es);
    assert_eq!(found.len(), 1, "{found:#?}");
    let lines = text.lines().count();
    assert!(
        found[0].starts_with(&format!(
            "{}:{}:14: error: this pay figure repeats the one on line {}",
            file.display(),
            lines + 13,
            lines + 3
        )),
        "{}",
        found[0]
    );
}
