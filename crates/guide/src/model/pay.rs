//! Pay and job outlook: the published figures and the key figures chosen from them.

use serde::Serialize;

use crate::prose::Prose;
use crate::terms::{EntryEducation, PayUnit, Statistic};
use crate::values::{Id, Money, RefDate, StateCode, Text};

/// Pay and job outlook.
///
/// # Examples
///
/// ```
/// use mht_guide::{Role, Statistic};
///
/// let guide = mht_guide::guide();
/// let median = guide
///     .salary_outlook
///     .pay
///     .iter()
///     .find(|p| p.role == Role::Subject && p.statistic == Statistic::Median)
///     .expect("the guide gives a median wage");
/// let labels = &guide.labels;
/// let pay = labels.money_per(&median.amount, median.unit);
/// println!("median: {pay} in {}", labels.date(median.period));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SalaryOutlook {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the figures.
    pub intro: Prose,
    /// Pay figures.
    pub pay: Vec<PayFigure>,
    /// What moves pay up or down.
    pub pay_factors: Prose,
    /// Benefits commonly offered.
    pub benefits: Prose,
    /// Employment projections.
    pub outlook: Vec<OutlookFigure>,
    /// What the projections mean for a job seeker.
    pub outlook_notes: Prose,
    /// Which occupation each of the key figures is about.
    pub key_figures: KeyFigureChoice,
}

/// Which occupation each key figure is about: the few numbers that lead the fact sheet and the
/// salary section. Each names an occupation of [`SalaryOutlook::pay`] or
/// [`SalaryOutlook::outlook`]; `None` when the guide has no figure of that kind.
///
/// An edition may choose them in `salary-outlook.toml`'s `[key_figures]` table. Where it does
/// not, each is the first of the guide's own occupations (in the order of the file) that has
/// such a figure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct KeyFigureChoice {
    /// The occupation whose median annual pay across all workplaces is shown.
    pub pay: Option<Text>,
    /// The occupation whose projected growth is shown.
    pub growth: Option<Text>,
    /// The occupation whose projected openings a year are shown.
    pub openings: Option<Text>,
    /// The occupation whose typical entry education is shown.
    pub education: Option<Text>,
}

/// One of the key figures, pointing at the typed figure it shows, which carries its source and
/// its period.
///
/// # Examples
///
/// ```
/// use mht_guide::KeyFigure;
///
/// let guide = mht_guide::guide();
/// for figure in guide.salary_outlook.key_figures() {
///     let source = guide.sources.get(figure.source()).unwrap();
///     match figure {
///         KeyFigure::MedianPay(p) => {
///             let (pay, when) = (guide.labels.money(&p.amount), guide.labels.date(p.period));
///             println!("median pay {pay} ({when}, {})", source.publisher)
///         }
///         KeyFigure::Growth(o) => println!("growth {:+}% ({}-{})", o.growth_percent, o.base_year, o.target_year),
///         KeyFigure::Openings(o) => println!("{:?} openings a year", o.openings_per_year),
///         KeyFigure::EntryEducation(o) => println!("entry: {:?}", o.entry_education),
///         _ => {}
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "figure", content = "of", rename_all = "snake_case")]
#[non_exhaustive]
pub enum KeyFigure<'g> {
    /// The median annual pay across all workplaces.
    MedianPay(&'g PayFigure),
    /// The projected growth in jobs.
    Growth(&'g OutlookFigure),
    /// The projected openings a year; the figure's `openings_per_year` is set.
    Openings(&'g OutlookFigure),
    /// The typical education for entry; the figure's `entry_education` is set.
    EntryEducation(&'g OutlookFigure),
}

impl<'g> KeyFigure<'g> {
    /// The occupation the figure is about.
    pub fn occupation(&self) -> &'g Text {
        match self {
            KeyFigure::MedianPay(p) => &p.occupation,
            KeyFigure::Growth(o) | KeyFigure::Openings(o) | KeyFigure::EntryEducation(o) => {
                &o.occupation
            }
        }
    }

    /// The id of the figure's source.
    pub fn source(&self) -> &'g Id {
        match self {
            KeyFigure::MedianPay(p) => &p.source,
            KeyFigure::Growth(o) | KeyFigure::Openings(o) | KeyFigure::EntryEducation(o) => {
                &o.source
            }
        }
    }
}

impl SalaryOutlook {
    /// The key figures, in the order the band shows them: median pay, projected growth,
    /// openings a year and typical entry education. A kind the guide has no figure for is left
    /// out.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::KeyFigure;
    ///
    /// let figures = mht_guide::guide().salary_outlook.key_figures();
    /// assert_eq!(figures.len(), 4);
    /// assert!(matches!(figures[0], KeyFigure::MedianPay(p) if p.amount.cents() == 4_259_000));
    /// ```
    pub fn key_figures(&self) -> Vec<KeyFigure<'_>> {
        // A key figure is national: a state's or a region's is shown beside it, in the tables.
        let named = |choice: &Option<Text>, o: &&OutlookFigure| {
            choice.as_ref() == Some(&o.occupation) && o.area.is_none()
        };
        let choice = &self.key_figures;
        let pay = self
            .pay
            .iter()
            .find(|p| choice.pay.as_ref() == Some(&p.occupation) && p.is_overall_median())
            .map(KeyFigure::MedianPay);
        let growth = self
            .outlook
            .iter()
            .find(|o| named(&choice.growth, o))
            .map(KeyFigure::Growth);
        let openings = self
            .outlook
            .iter()
            .find(|o| named(&choice.openings, o) && o.openings_per_year.is_some())
            .map(KeyFigure::Openings);
        let education = self
            .outlook
            .iter()
            .find(|o| named(&choice.education, o) && o.entry_education.is_some())
            .map(KeyFigure::EntryEducation);
        [pay, growth, openings, education]
            .into_iter()
            .flatten()
            .collect()
    }
}

/// Whether a figure describes the occupation itself or something to compare it with.
///
/// # Examples
///
/// ```
/// use mht_guide::Role;
///
/// let comparisons = mht_guide::guide()
///     .salary_outlook
///     .outlook
///     .iter()
///     .filter(|o| o.role == Role::Comparison);
/// assert!(comparisons.map(|o| o.occupation.as_str()).any(|o| o == "All occupations"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// The occupation the guide is about.
    Subject,
    /// Another occupation, or all occupations, for comparison.
    Comparison,
}

/// One published pay figure.
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// for p in &guide.salary_outlook.pay {
///     let source = guide.sources.get(&p.source).expect("every figure names a listed source");
///     let amount = guide.labels.money_per(&p.amount, p.unit);
///     let when = guide.labels.date(p.period);
///     println!("{} {}: {amount} ({when}, {})", p.occupation, p.statistic.name(), source.publisher);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PayFigure {
    /// The occupation the figure describes.
    pub occupation: Text,
    /// The occupation's code, when it has one.
    pub code: Option<Text>,
    /// The kind of workplace, when the figure covers only one.
    pub setting: Option<Text>,
    /// The place the figure covers, when it is not the whole United States: a state or a
    /// region.
    pub area: Option<Area>,
    /// Whether the figure is about the guide's occupation or a comparison.
    pub role: Role,
    /// Which statistic the figure is.
    pub statistic: Statistic,
    /// The amount.
    pub amount: Money,
    /// The time the amount is for.
    pub unit: PayUnit,
    /// The date the figure describes.
    pub period: RefDate,
    /// The source of the figure.
    pub source: Id,
    /// A remark a reader needs, such as how a figure was derived.
    pub note: Option<Text>,
}

impl PayFigure {
    /// Whether the figure is a median annual wage across all workplaces: the one figure that
    /// stands for an occupation's pay.
    ///
    /// A figure for a state or a region is not: the national one stands for the occupation,
    /// and a local figure is shown beside it.
    pub fn is_overall_median(&self) -> bool {
        self.statistic == Statistic::Median
            && self.unit == PayUnit::Year
            && self.setting.is_none()
            && self.area.is_none()
    }

    /// Whether the figure is for the whole economy: the code `00-0000` that the Bureau of
    /// Labor Statistics gives all occupations together.
    pub fn covers_all_occupations(&self) -> bool {
        self.code
            .as_ref()
            .is_some_and(|c| c.as_str() == ALL_OCCUPATIONS)
    }
}

/// The place a local figure covers: a state, or a region such as a metropolitan area or a
/// workforce board's area. A figure without one covers the whole United States.
///
/// An edition writes it on a `[[pay]]` or `[[outlook]]` table of `salary-outlook.toml`:
///
/// ```toml
/// area = { state = "CA", name = "California" }              # a whole state
/// area = { region = "Lakeside region", state = "MI" }       # a region within a state
/// ```
///
/// # Examples
///
/// ```
/// use mht_guide::{AreaKind, Guide};
///
/// let mut files: Vec<(String, String)> = mht_guide::EMBEDDED_FILES
///     .iter()
///     .map(|(n, t)| (n.to_string(), t.to_string()))
///     .collect();
/// let salary = files.iter_mut().find(|(n, _)| n == "salary-outlook.toml").unwrap();
/// salary.1.push_str(
///     "\n[[pay]]\noccupation = \"Psychiatric technicians\"\nstatistic = \"median\"\n\
///      amount = 61000\ncurrency = \"USD\"\nunit = \"year\"\nperiod = \"2024-05\"\n\
///      source = \"bls-ooh\"\narea = { state = \"CA\", name = \"California\" }\n",
/// );
/// let guide = Guide::from_files("local", files).expect("the edition loads");
/// let local = guide.salary_outlook.pay.iter().find_map(|p| p.area.as_ref()).unwrap();
/// assert_eq!(local.kind, AreaKind::State);
/// assert_eq!((local.name.as_str(), local.state.unwrap().as_str()), ("California", "CA"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Area {
    /// Whether the area is a whole state or a region.
    pub kind: AreaKind,
    /// The area's name, as the edition's readers read it: `California`, `Lakeside region`.
    pub name: Text,
    /// The state the area is, or lies in: its postal code. `None` for a region that crosses
    /// state lines.
    pub state: Option<StateCode>,
    /// The code the figure's source gives the area, such as the Bureau of Labor Statistics'
    /// code of a metropolitan area.
    pub code: Option<Text>,
}

/// What kind of place an [`Area`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AreaKind {
    /// A whole state, the District of Columbia or a territory.
    State,
    /// A named region: a metropolitan area, a workforce area, a group of counties.
    Region,
}

/// The code of all occupations together in the Bureau of Labor Statistics' tables.
const ALL_OCCUPATIONS: &str = "00-0000";

/// One employment projection.
///
/// # Examples
///
/// ```
/// for o in &mht_guide::guide().salary_outlook.outlook {
///     println!("{}: {:+}% from {} to {}", o.occupation, o.growth_percent, o.base_year, o.target_year);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OutlookFigure {
    /// The occupation the projection describes.
    pub occupation: Text,
    /// The occupation's code, when it has one.
    pub code: Option<Text>,
    /// The place the projection covers, when it is not the whole United States: a state or
    /// a region.
    pub area: Option<Area>,
    /// Whether the figure is about the guide's occupation or a comparison.
    pub role: Role,
    /// The first year of the projection.
    pub base_year: u16,
    /// The last year of the projection.
    pub target_year: u16,
    /// Jobs in the first year.
    pub base_jobs: Option<u32>,
    /// Jobs projected for the last year.
    pub target_jobs: Option<u32>,
    /// Projected change in jobs, as published (rounded).
    pub change: Option<i32>,
    /// Projected growth in percent.
    pub growth_percent: i16,
    /// Projected openings each year, on average.
    pub openings_per_year: Option<u32>,
    /// The education typically needed to enter the occupation, as the projections assign it.
    pub entry_education: Option<EntryEducation>,
    /// The source of the projection.
    pub source: Id,
}
