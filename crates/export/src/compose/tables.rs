//! The tables composition makes from typed figures: pay overall, by workplace and compared,
//! the outlook, the licensing rules of a state, and employment by workplace.

use super::*;

/// The pay of the guide's own occupations across all workplaces.
pub(super) fn overall_pay_table(s: &mht_guide::SalaryOutlook, l: &Labels) -> Option<Table> {
    let overall: Vec<&PayFigure> = s
        .pay
        .iter()
        .filter(|p| p.role == Role::Subject && p.setting.is_none())
        .collect();
    (!overall.is_empty()).then(|| pay_table(&l.pay, &overall, occupation_in_area, l))
}

/// A name qualified by the state or region its figure covers, as a row of a table or a chart
/// names it: "Psychiatric technicians, California". A national figure's name stands alone.
pub(crate) fn in_area(name: &str, area: Option<&mht_guide::Area>, l: &Labels) -> String {
    match area {
        Some(area) => l
            .in_area
            .fill(&[("name", name), ("area", area.name.as_str())]),
        None => name.to_owned(),
    }
}

/// A pay figure's occupation, qualified by its area.
pub(super) fn occupation_in_area(p: &PayFigure, l: &Labels) -> String {
    in_area(p.occupation.as_str(), p.area.as_ref(), l)
}

pub(super) fn join<'a>(texts: impl Iterator<Item = &'a mht_guide::Text>, l: &Labels) -> String {
    l.items(&texts.map(|t| t.as_str()).collect::<Vec<_>>())
}

/// Distinct values in order of first appearance.
pub(crate) fn distinct<T: PartialEq>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

pub(super) fn amount(p: &PayFigure, l: &Labels) -> String {
    match p.unit {
        mht_guide::PayUnit::Year => l.money(&p.amount),
        unit => l.money_per(&p.amount, unit),
    }
}

/// The shared period of some figures for a caption, or `None` when they differ.
pub(super) fn shared_period(figures: &[&PayFigure], l: &Labels) -> Option<String> {
    match distinct(figures.iter().map(|p| p.period)).as_slice() {
        [one] => Some(l.date(*one)),
        _ => None,
    }
}

pub(super) fn sources_of(figures: &[&PayFigure]) -> Vec<Id> {
    distinct(figures.iter().map(|p| p.source.clone()))
}

pub(super) fn notes_of(figures: &[&PayFigure]) -> Vec<String> {
    distinct(
        figures
            .iter()
            .filter_map(|p| p.note.as_ref().map(ToString::to_string)),
    )
}

/// Pay figures as a table: one row per occupation, one column per statistic.
pub(super) fn pay_table(
    title: &mht_guide::Label,
    figures: &[&PayFigure],
    row_key: impl Fn(&PayFigure, &Labels) -> String,
    l: &Labels,
) -> Table {
    let mut stats = distinct(figures.iter().map(|p| p.statistic));
    stats.sort_by_key(|s| s.rank());
    let period = shared_period(figures, l);
    let mut header = vec![l.occupation.to_string()];
    header.extend(stats.iter().map(|s| l.statistic(*s).to_owned()));
    if period.is_none() {
        header.push(l.period.to_string());
    }
    header.push(l.source.to_string());

    let rows = distinct(figures.iter().map(|p| row_key(p, l)))
        .into_iter()
        .map(|key| {
            let in_row: Vec<&PayFigure> = figures
                .iter()
                .copied()
                .filter(|p| row_key(p, l) == key)
                .collect();
            let mut row = vec![Cell::text(&key)];
            for stat in &stats {
                row.push(Cell::text(stat_cell(&in_row, *stat, l)));
            }
            if period.is_none() {
                row.push(Cell::text(
                    l.figures(&distinct(in_row.iter().map(|p| l.date(p.period)))),
                ));
            }
            row.push(Cell::cites(sources_of(&in_row)));
            row
        })
        .collect();
    Table {
        caption: caption(title.as_str(), period, l),
        header,
        rows,
        row_headers: true,
        notes: notes_of(figures),
    }
}

pub(super) fn stat_cell(figures: &[&PayFigure], stat: Statistic, l: &Labels) -> String {
    amounts(figures.iter().filter(|p| p.statistic == stat), l)
}

/// The amounts of some figures for one table cell, or [`NOT_PUBLISHED`] when there are none.
pub(super) fn amounts<'a>(figures: impl Iterator<Item = &'a &'a PayFigure>, l: &Labels) -> String {
    let cell: Vec<String> = figures.map(|p| amount(p, l)).collect();
    if cell.is_empty() {
        NOT_PUBLISHED.into()
    } else {
        l.figures(&cell)
    }
}

pub(super) fn caption(title: &str, period: Option<String>, l: &Labels) -> String {
    match period {
        Some(period) => l
            .caption_period
            .fill(&[("caption", title), ("period", &period)]),
        None => title.to_owned(),
    }
}

/// Pay by kind of workplace: one row per workplace, one column per occupation.
pub(super) fn pay_by_setting_table(figures: &[&PayFigure], l: &Labels) -> Table {
    let occupations = distinct(figures.iter().map(|p| p.occupation.as_str()));
    let period = shared_period(figures, l);
    let stats = distinct(figures.iter().map(|p| p.statistic));
    let title = match stats.as_slice() {
        [one] => l.pay_by_workplace.fill(&[("statistic", l.statistic(*one))]),
        _ => l.pay.to_string(),
    };
    let mut header = vec![l.workplace.to_string()];
    header.extend(occupations.iter().map(|o| (*o).to_owned()));
    header.push(l.source.to_string());
    // A workplace in a state or region is a row of its own.
    let setting_in_area = |p: &PayFigure| {
        p.setting
            .as_ref()
            .map(|s| in_area(s.as_str(), p.area.as_ref(), l))
    };
    let settings = distinct(figures.iter().filter_map(|p| setting_in_area(p)));
    let rows = settings
        .into_iter()
        .map(|setting| {
            let in_row: Vec<&PayFigure> = figures
                .iter()
                .copied()
                .filter(|p| setting_in_area(p).as_ref() == Some(&setting))
                .collect();
            let mut row = vec![Cell::text(&setting)];
            for occupation in &occupations {
                row.push(Cell::text(amounts(
                    in_row
                        .iter()
                        .filter(|p| p.occupation.as_str() == *occupation),
                    l,
                )));
            }
            row.push(Cell::cites(sources_of(&in_row)));
            row
        })
        .collect();
    Table {
        caption: caption(&title, period, l),
        header,
        rows,
        row_headers: true,
        notes: notes_of(figures),
    }
}

pub(super) fn outlook_table(figures: &[mht_guide::OutlookFigure], l: &Labels) -> Table {
    let periods = distinct(figures.iter().map(|o| (o.base_year, o.target_year)));
    let shared = match periods.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let count = |n: Option<u32>| n.map_or(NOT_PUBLISHED.to_owned(), |n| l.number(n.into()));
    let mut header = vec![l.occupation.to_string()];
    match shared {
        Some((base, target)) => {
            header.push(l.jobs_in.fill(&[("year", &base.to_string())]));
            header.push(l.projected_jobs_in.fill(&[("year", &target.to_string())]));
        }
        None => {
            header.push(l.period.to_string());
            header.push(l.jobs_at_start.to_string());
            header.push(l.projected_jobs.to_string());
        }
    }
    header.extend(
        [&l.change, &l.growth, &l.openings, &l.source]
            .into_iter()
            .map(ToString::to_string),
    );
    let mut ordered: Vec<&mht_guide::OutlookFigure> = figures.iter().collect();
    ordered.sort_by_key(|o| o.role != Role::Subject);
    let rows = ordered
        .into_iter()
        .map(|o| {
            let mut row = vec![Cell::text(in_area(
                o.occupation.as_str(),
                o.area.as_ref(),
                l,
            ))];
            if shared.is_none() {
                row.push(Cell::text(l.years(o.base_year, o.target_year)));
            }
            row.push(Cell::text(count(o.base_jobs)));
            row.push(Cell::text(count(o.target_jobs)));
            row.push(Cell::text(
                o.change
                    .map_or(NOT_PUBLISHED.to_owned(), |c| l.signed(c.into())),
            ));
            row.push(Cell::text(l.growth(o.growth_percent.into())));
            row.push(Cell::text(count(o.openings_per_year)));
            row.push(Cell::cites(vec![o.source.clone()]));
            row
        })
        .collect();
    Table {
        caption: caption(
            l.projections.as_str(),
            shared.map(|(base, target)| l.years(base, target)),
            l,
        ),
        header,
        rows,
        row_headers: true,
        notes: vec![l.rounded_note.to_string()],
    }
}

/// A licensing state's rules, one row a topic, each with the statute, rule or board page that
/// states it.
pub(super) fn state_rules_table(license: &mht_guide::StateLicense, l: &Labels) -> Table {
    Table {
        caption: l.state_rules.fill(&[("state", license.state.as_str())]),
        header: vec![
            l.topic.to_string(),
            l.rules_say.to_string(),
            l.source.to_string(),
        ],
        rows: license
            .rules()
            .into_iter()
            .map(|(topic, rule)| match rule {
                Some(rule) => vec![
                    Cell::text(l.topic(topic)),
                    Cell::text(rule.text.as_str()),
                    Cell::cites(rule.sources.clone()),
                ],
                None => vec![
                    Cell::text(l.topic(topic)),
                    Cell::text(l.not_confirmed.as_str()),
                    Cell::text(NOT_PUBLISHED),
                ],
            })
            .collect(),
        row_headers: true,
        notes: vec![l.not_legal_advice.to_string()],
    }
}

pub(super) fn employment_table(s: &mht_guide::WorkSettings, l: &Labels) -> Option<Table> {
    let shares: Vec<(&str, &mht_guide::EmploymentShare)> = s
        .settings
        .iter()
        .flat_map(|w| w.employment.iter().map(move |e| (w.name.as_str(), e)))
        .collect();
    if shares.is_empty() {
        return None;
    }
    let occupations = distinct(shares.iter().map(|(_, e)| e.occupation.as_str()));
    let periods = distinct(shares.iter().map(|(_, e)| e.period));
    let mut header = vec![l.workplace.to_string()];
    header.extend(occupations.iter().map(|o| (*o).to_owned()));
    header.push(l.source.to_string());
    let mut by_setting: BTreeMap<usize, Vec<&mht_guide::EmploymentShare>> = BTreeMap::new();
    let names = distinct(shares.iter().map(|(name, _)| *name));
    for (name, e) in &shares {
        let row = names.iter().position(|n| n == name).unwrap_or(0);
        by_setting.entry(row).or_default().push(e);
    }
    let rows = by_setting
        .into_iter()
        .map(|(row, in_row)| {
            let mut cells = vec![Cell::text(names[row])];
            for occupation in &occupations {
                cells.push(Cell::text(
                    in_row
                        .iter()
                        .find(|e| e.occupation.as_str() == *occupation)
                        .map_or(NOT_PUBLISHED.to_owned(), |e| l.percent(e.percent.into())),
                ));
            }
            cells.push(Cell::cites(distinct(
                in_row.iter().map(|e| e.source.clone()),
            )));
            cells
        })
        .collect();
    let period = match periods.as_slice() {
        [one] => Some(l.date(*one)),
        _ => None,
    };
    Some(Table {
        caption: caption(l.employment_shares.as_str(), period, l),
        header,
        rows,
        row_headers: true,
        notes: vec![l.employment_note.to_string()],
    })
}
