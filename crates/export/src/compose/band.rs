//! The key-figure band: the few numbers that lead a fact sheet and the salary section.

use mht_guide::{Id, KeyFigure, Labels};

/// The key-figure band: a few numbers set large, each with what it is, whom and when it
/// describes, and its source.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Band {
    /// What the band is, for assistive technology and as its heading.
    pub caption: String,
    /// The figures, in reading order.
    pub figures: Vec<BandFigure>,
}

/// One figure of a [`Band`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BandFigure {
    /// The value, as large type shows it: `$42,590`, `+20%`.
    pub value: String,
    /// What the value is: `Median pay a year`.
    pub label: String,
    /// Whom and when it describes: `Psychiatric technicians, May 2024`.
    pub detail: String,
    /// Its source.
    pub source: Id,
}

impl BandFigure {
    /// Whether the value is words rather than a number (`Postsecondary certificate`), which
    /// every format sets smaller than a number so that its words stay whole.
    pub fn in_words(&self) -> bool {
        self.value.chars().count() > 10
    }
}

impl Band {
    /// The band of a guide's key figures; `None` when it has none.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "unstable-ir")] {
    /// let guide = mht_guide::guide();
    /// let band = mht_guide_export::Band::of(&guide.salary_outlook, &guide.labels).unwrap();
    /// assert_eq!(band.figures[0].value, "$42,590");
    /// assert_eq!(band.figures[0].detail, "Psychiatric technicians, May 2024");
    /// # }
    /// ```
    pub fn of(s: &mht_guide::SalaryOutlook, labels: &Labels) -> Option<Band> {
        let figures: Vec<BandFigure> = s
            .key_figures()
            .into_iter()
            .filter_map(|figure| {
                let (value, label, when) = match figure {
                    KeyFigure::MedianPay(p) => (
                        labels.money(&p.amount),
                        &labels.key_median_pay,
                        labels.date(p.period),
                    ),
                    KeyFigure::Growth(o) => (
                        labels.growth(o.growth_percent.into()),
                        &labels.key_growth,
                        labels.years(o.base_year, o.target_year),
                    ),
                    KeyFigure::Openings(o) => (
                        labels.number(u64::from(o.openings_per_year?)),
                        &labels.key_openings,
                        labels
                            .key_average
                            .fill(&[("years", &labels.years(o.base_year, o.target_year))]),
                    ),
                    KeyFigure::EntryEducation(o) => (
                        labels.education(o.entry_education?).to_owned(),
                        &labels.key_entry_education,
                        // A year alone, as the edition writes one (`2024年`).
                        mht_guide::RefDate::parse(&o.base_year.to_string())
                            .map_or_else(|_| o.base_year.to_string(), |y| labels.date(y)),
                    ),
                    _ => return None,
                };
                Some(BandFigure {
                    value,
                    label: label.to_string(),
                    detail: labels.key_detail.fill(&[
                        ("occupation", figure.occupation().as_str()),
                        ("when", &when),
                    ]),
                    source: figure.source().clone(),
                })
            })
            .collect();
        (!figures.is_empty()).then(|| Band {
            caption: labels.key_figures.to_string(),
            figures,
        })
    }
}
