//! Charts of the guide's figures: pay ranges, projected growth and jobs by workplace.
//!
//! A chart is made from the typed figures in the compose step, never drawn by hand, so every
//! edition's figures give a true chart, with any number of rows. Each format draws the same
//! [`Chart`]: the PDF as vector shapes, the HTML page and the EPUB as rows of text over bars
//! of SVG. The tables stay beside the charts: a chart is an addition, never the only place a
//! number lives.

use crate::compose::distinct;
use mht_guide::{
    Id, Labels, OutlookFigure, PayFigure, PayUnit, Role, SalaryOutlook, Statistic, WorkSettings,
};

/// A horizontal bar chart on an axis that includes zero.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Chart {
    /// What the chart shows, with its period.
    pub title: String,
    /// Every figure the chart shows, in words: its alternative text.
    pub description: String,
    /// The rows, top to bottom.
    pub rows: Vec<ChartRow>,
    /// The axis runs from `min` (zero or less) to `max` (more than zero).
    pub min: f64,
    /// See [`Chart::min`].
    pub max: f64,
    /// The scale: zero and the whole multiples of a round step that fall on the axis, in
    /// order, each with its label in the edition's words (`$50,000`, `+10%`). An end of the
    /// axis is among them only when it is such a multiple (an axis from −5 to 20 has 0, 10
    /// and 20). Gridlines are drawn at them.
    pub scale: Vec<Tick>,
    /// The sources of the figures.
    pub sources: Vec<Id>,
}

/// A value marked on a chart's scale.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Tick {
    /// Where it falls on the axis.
    pub at: f64,
    /// How the scale labels it.
    pub label: String,
}

/// One row of a chart.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ChartRow {
    /// What the row is about.
    pub label: String,
    /// Where the bar starts on the axis: zero, or the low end of a range.
    pub start: f64,
    /// Where the bar ends. A bar from zero to zero has no length.
    pub end: f64,
    /// A value marked on the row, such as a median; a row with a mark and no bar (`start ==
    /// end`) shows the mark alone.
    pub mark: Option<f64>,
    /// The row's figures as the chart labels them.
    pub value: String,
    /// Whether the row is a comparison, such as all occupations, rather than the guide's own.
    pub comparison: bool,
}

impl Chart {
    /// Where `value` falls along an axis `length` long, from its left end.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "unstable-ir")] {
    /// let guide = mht_guide::guide();
    /// let chart =
    ///     mht_guide_export::Chart::growth(&guide.salary_outlook.outlook, &guide.labels).unwrap();
    /// let zero = chart.position(0.0, 100.0);
    /// assert!(chart.rows.iter().all(|r| chart.position(r.start, 100.0) == zero));
    /// # }
    /// ```
    pub fn position(&self, value: f64, length: f64) -> f64 {
        let span = self.max - self.min;
        // An axis with no length puts everything at its start, never at NaN.
        if !(span.is_finite() && span > 0.0 && value.is_finite()) {
            return 0.0;
        }
        (value - self.min) / span * length
    }

    /// Pay across all workplaces: each of the guide's occupations from its lowest tenth to its
    /// top tenth with the median marked, and the median of every comparison occupation with
    /// all workplaces (all occupations, code `00-0000`) as a mark of its own. Annual pay only;
    /// `None` when there is none.
    pub fn pay_range(s: &SalaryOutlook, labels: &Labels) -> Option<Chart> {
        let dollars = |m: &mht_guide::Money| labels.money(m);
        let overall: Vec<&PayFigure> = s
            .pay
            .iter()
            .filter(|p| p.setting.is_none() && p.unit == PayUnit::Year)
            .collect();
        // A row is an occupation in one place: the whole country, a state or a region.
        type Place<'a> = (&'a str, Option<&'a mht_guide::Area>);
        fn place<'a>(p: &&'a PayFigure) -> Place<'a> {
            (p.occupation.as_str(), p.area.as_ref())
        }
        let find = |at: Place<'_>, statistic: Statistic| {
            overall
                .iter()
                .find(|p| place(p) == at && p.statistic == statistic)
                .copied()
        };
        let mut rows = Vec::new();
        let mut described = Vec::new();
        // The figures the chart draws, for their sources and periods.
        let mut drawn: Vec<&PayFigure> = Vec::new();
        for at in distinct(overall.iter().map(place)) {
            let label = crate::compose::in_area(at.0, at.1, labels);
            let name = label.as_str();
            // Its role is its first figure's.
            let role = overall
                .iter()
                .find(|p| place(p) == at)
                .map_or(Role::Subject, |p| p.role);
            let median = find(at, Statistic::Median);
            let low = find(at, Statistic::Percentile(10));
            let high = find(at, Statistic::Percentile(90));
            let comparison = role == Role::Comparison;
            // The comparison that matters is the economy as a whole; the related jobs have
            // their own table.
            let economy = overall
                .iter()
                .any(|p| place(p) == at && p.covers_all_occupations());
            if comparison && !economy {
                continue;
            }
            let used: Vec<&PayFigure> = [low, median, high].into_iter().flatten().collect();
            let (row, words) = match (low, median, high) {
                (Some(l), m, Some(h)) => {
                    let (low, high) = (dollars(&l.amount), dollars(&h.amount));
                    let mut value = labels.chart_range.fill(&[("low", &low), ("high", &high)]);
                    let mut words = labels.chart_range_words.fill(&[
                        ("occupation", name),
                        ("low", &low),
                        ("high", &high),
                    ]);
                    if let Some(m) = m {
                        let median = labels.chart_median.fill(&[("median", &dollars(&m.amount))]);
                        value = labels.items(&[value, median.clone()]);
                        words = labels.items(&[words, median]);
                    }
                    (
                        ChartRow {
                            label: name.to_owned(),
                            start: l.amount.cents() as f64 / 100.0,
                            end: h.amount.cents() as f64 / 100.0,
                            mark: m.map(|m| m.amount.cents() as f64 / 100.0),
                            value,
                            comparison,
                        },
                        words,
                    )
                }
                (_, Some(m), _) => (
                    ChartRow {
                        label: name.to_owned(),
                        start: m.amount.cents() as f64 / 100.0,
                        end: m.amount.cents() as f64 / 100.0,
                        mark: Some(m.amount.cents() as f64 / 100.0),
                        value: labels.chart_median.fill(&[("median", &dollars(&m.amount))]),
                        comparison,
                    },
                    format!(
                        "{name}: {}",
                        labels.chart_median.fill(&[("median", &dollars(&m.amount))])
                    ),
                ),
                _ => continue,
            };
            drawn.extend(used);
            rows.push(row);
            described.push(words);
        }
        if rows.is_empty() {
            return None;
        }
        let sources = distinct(drawn.iter().map(|f| f.source.clone()));
        let periods = distinct(drawn.iter().map(|f| f.period));
        // The guide's own occupations first, then the comparison.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| rows[i].comparison);
        let rows: Vec<ChartRow> = order.iter().map(|&i| rows[i].clone()).collect();
        let described: Vec<String> = order.iter().map(|&i| described[i].clone()).collect();
        let currency = drawn[0].amount.currency();
        Some(on_axis_from_zero(
            labels,
            labels.chart_pay.as_str(),
            &periods,
            rows,
            &described,
            sources,
            // Whole dollars: an axis ends on a round number of them.
            &|v| labels.money(&mht_guide::Money::new(v as u64 * 100, currency)),
        ))
    }

    /// Projected growth in jobs, one bar from zero for each projection, the guide's
    /// occupations first; a fall is a bar to the left of zero. `None` without projections.
    pub fn growth(figures: &[OutlookFigure], labels: &Labels) -> Option<Chart> {
        if figures.is_empty() {
            return None;
        }
        let mut ordered: Vec<&OutlookFigure> = figures.iter().collect();
        ordered.sort_by_key(|o| o.role != Role::Subject);
        let periods = distinct(ordered.iter().map(|o| (o.base_year, o.target_year)));
        let sources = distinct(ordered.iter().map(|o| o.source.clone()));
        let rows: Vec<ChartRow> = ordered
            .iter()
            .map(|o| {
                let name = crate::compose::in_area(o.occupation.as_str(), o.area.as_ref(), labels);
                let label = match periods.as_slice() {
                    [_] => name,
                    _ => format!("{name}, {}", labels.years(o.base_year, o.target_year)),
                };
                ChartRow {
                    label,
                    start: 0.0,
                    end: f64::from(o.growth_percent),
                    mark: None,
                    value: labels.growth(o.growth_percent.into()),
                    comparison: o.role == Role::Comparison,
                }
            })
            .collect();
        let title = match periods.as_slice() {
            [(base, target)] => labels.caption_period.fill(&[
                ("caption", labels.chart_growth.as_str()),
                ("period", &labels.years(*base, *target)),
            ]),
            _ => labels.chart_growth.to_string(),
        };
        let described: Vec<String> = rows
            .iter()
            .map(|r| labels.labeled(&r.label, &r.value))
            .collect();
        let low = rows.iter().map(|r| r.end).fold(0.0, f64::min);
        let high = rows.iter().map(|r| r.end).fold(0.0, f64::max);
        let (min, max) = (-nice_max(-low), nice_max(high));
        Some(Chart {
            description: labels.sentences(
                &std::iter::once(title.as_str())
                    .chain(described.iter().map(|d| d.as_ref()))
                    .collect::<Vec<&str>>(),
            ),
            title,
            rows,
            min,
            max,
            scale: scale(min, max, &|v| labels.growth(v as i64)),
            sources,
        })
    }

    /// The share of each occupation's jobs in each workplace that has one published, one bar
    /// from zero each. `None` when no share is published.
    pub fn employment(s: &WorkSettings, labels: &Labels) -> Option<Chart> {
        let mut rows = Vec::new();
        let shares = || s.settings.iter().flat_map(|w| w.employment.iter());
        let occupations = distinct(shares().map(|e| e.occupation.as_str()));
        let sources = distinct(shares().map(|e| e.source.clone()));
        let periods = distinct(shares().map(|e| e.period));
        let mut described = Vec::new();
        for w in &s.settings {
            for (i, e) in w.employment.iter().enumerate() {
                // With more than one occupation, a workplace's name heads its first bar and
                // each value names its occupation.
                let (label, value) = match occupations.as_slice() {
                    [_] => (w.name.to_string(), labels.percent(e.percent.into())),
                    _ => (
                        if i == 0 {
                            w.name.to_string()
                        } else {
                            String::new()
                        },
                        labels.labeled(e.occupation.as_str(), &labels.percent(e.percent.into())),
                    ),
                };
                described.push(labels.labeled(
                    &labels.items(&[w.name.as_str(), &lowercase_first(e.occupation.as_str())]),
                    &labels.percent(e.percent.into()),
                ));
                rows.push(ChartRow {
                    label,
                    start: 0.0,
                    end: f64::from(e.percent),
                    mark: None,
                    value,
                    comparison: false,
                });
            }
        }
        if rows.is_empty() {
            return None;
        }
        Some(on_axis_from_zero(
            labels,
            labels.chart_shares.as_str(),
            &periods,
            rows,
            &described,
            sources,
            &|v| labels.percent(v as i64),
        ))
    }
}

/// A chart of `rows` on an axis from zero to a round number past the largest figure, titled
/// `name` with the period its figures share, if they share one; `tick` labels its scale.
fn on_axis_from_zero(
    labels: &Labels,
    name: &str,
    periods: &[mht_guide::RefDate],
    rows: Vec<ChartRow>,
    described: &[String],
    sources: Vec<Id>,
    tick: &dyn Fn(f64) -> String,
) -> Chart {
    let title = match periods {
        [one] => labels
            .caption_period
            .fill(&[("caption", name), ("period", &labels.date(*one))]),
        _ => name.to_owned(),
    };
    let max = rows
        .iter()
        .map(|r| r.end.max(r.mark.unwrap_or(0.0)))
        .fold(0.0, f64::max);
    let max = nice_max(max);
    Chart {
        description: labels.sentences(
            &std::iter::once(title.as_str())
                .chain(described.iter().map(|d| d.as_ref()))
                .collect::<Vec<&str>>(),
        ),
        title,
        rows,
        min: 0.0,
        max,
        scale: scale(0.0, max, tick),
        sources,
    }
}

/// The ticks of an axis from `min` to `max` (round numbers from [`nice_max`], `min` at or
/// below zero): zero and every whole multiple of a step that cuts the longer side of zero
/// into two, four or five equal parts, the fewest that give whole numbers, so that a narrow
/// screen still has room for every label. `label` writes each value.
fn scale(min: f64, max: f64, label: &dyn Fn(f64) -> String) -> Vec<Tick> {
    let reach = max.max(-min);
    if !(reach.is_finite() && reach > 0.0) {
        return vec![Tick {
            at: 0.0,
            label: label(0.0),
        }];
    }
    // Labels are whole numbers: without a whole step (an axis of 2.5, or under 1), the scale
    // counts in ones, or holds zero alone.
    let Some(step) = [2.0, 4.0, 5.0]
        .into_iter()
        .map(|parts| reach / parts)
        .find(|step| step.fract() == 0.0)
        .or((reach >= 1.0).then_some(1.0))
    else {
        return vec![Tick {
            at: 0.0,
            label: label(0.0),
        }];
    };
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last)
        .map(|i| {
            let at = i as f64 * step;
            Tick {
                at,
                label: label(at),
            }
        })
        .collect()
}

/// A round number at or above `value` for the end of an axis: 1, 2, 2.5 or 5 times a power of
/// ten;
/// zero for zero, and 1 for a value that is not a number.
fn nice_max(value: f64) -> f64 {
    if !(value.is_finite() && value > 0.0) {
        // Nothing on this side of zero: the axis ends at zero ([`Chart::position`] draws an
        // axis of no length at its start).
        return if value == 0.0 { 0.0 } else { 1.0 };
    }
    let power = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|f| f * power)
        .find(|&m| m >= value)
        .unwrap_or(10.0 * power)
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(nice_max(60_150.0), 100_000.0);
        assert_eq!(nice_max(49_500.0), 50_000.0);
        assert_eq!(nice_max(20.0), 20.0);
        assert_eq!(nice_max(21.0), 25.0);
        assert_eq!(nice_max(3.0), 5.0);
        assert_eq!(nice_max(0.0), 0.0);
        assert_eq!(nice_max(f64::NAN), 1.0);
    }

    #[test]
    fn scales_fall_on_whole_round_numbers() {
        let at = |min: f64, max: f64| -> Vec<f64> {
            scale(min, max, &|v| v.to_string())
                .iter()
                .map(|t| t.at)
                .collect()
        };
        assert_eq!(at(0.0, 100_000.0), [0.0, 50_000.0, 100_000.0]);
        assert_eq!(at(0.0, 20.0), [0.0, 10.0, 20.0]);
        assert_eq!(at(0.0, 25.0), [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
        assert_eq!(at(0.0, 5.0), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(at(-10.0, 20.0), [-10.0, 0.0, 10.0, 20.0]);
        assert_eq!(at(-20.0, 5.0), [-20.0, -10.0, 0.0]);
        assert_eq!(at(0.0, 0.0), [0.0]);
        // No whole step: ones, or zero alone; never a label of a fraction.
        assert_eq!(at(0.0, 2.5), [0.0, 1.0, 2.0]);
        assert_eq!(at(0.0, 0.5), [0.0]);
        let labels = scale(0.0, 20.0, &|v| format!("{v}%"));
        assert_eq!(labels[2].label, "20%");
    }

    #[test]
    fn the_guides_charts_hold_its_figures() {
        let guide = mht_guide::guide();
        let l = &guide.labels;
        let growth = Chart::growth(&guide.salary_outlook.outlook, l).unwrap();
        assert_eq!(growth.rows.len(), guide.salary_outlook.outlook.len());
        assert!(growth.rows.iter().any(|r| r.end == 0.0 && r.value == "0%"));
        assert!(growth.max > 0.0 && growth.min <= 0.0);
        let pay = Chart::pay_range(&guide.salary_outlook, l).unwrap();
        assert!(
            pay.rows
                .iter()
                .any(|r| r.comparison && r.label == "All occupations")
        );
        assert!(pay.rows.iter().all(|r| r.start <= r.end));
        assert!(pay.description.contains("$42,590"));
        let jobs = Chart::employment(&guide.work_settings, l).unwrap();
        assert!(jobs.rows.iter().all(|r| r.end <= jobs.max));
    }

    #[test]
    fn a_fall_is_drawn_left_of_zero() {
        let guide = mht_guide::guide();
        let mut figures = guide.salary_outlook.outlook.clone();
        figures[0].growth_percent = -7;
        let chart = Chart::growth(&figures, &guide.labels).unwrap();
        assert_eq!(chart.rows[0].value, "\u{2212}7%");
        assert!(chart.min <= -7.0);
        assert!(chart.position(-7.0, 100.0) < chart.position(0.0, 100.0));
    }
}
