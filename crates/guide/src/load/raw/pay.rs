//! The raw form of `salary-outlook.toml`: pay and outlook figures and the key figures' choice.

use serde::Deserialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

#[cfg(feature = "schema")]
use super::{DATE_PATTERN, ID_PATTERN};
use super::{S, Str};

/// Pay and job outlook (`salary-outlook.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct SalaryOutlook {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// An introduction to the figures, in Markdown.
    pub(crate) intro: Str,
    /// Pay figures, one `[[pay]]` table each.
    pub(crate) pay: S<Vec<PayFigure>>,
    /// What moves pay up or down, in Markdown.
    pub(crate) pay_factors: Str,
    /// Benefits commonly offered, in Markdown.
    pub(crate) benefits: Str,
    /// Employment projections, one `[[outlook]]` table each.
    pub(crate) outlook: S<Vec<OutlookFigure>>,
    /// What the projections mean for a job seeker, in Markdown.
    pub(crate) outlook_notes: Str,
    /// Which occupation each key figure at the top of the fact sheet and of this section is
    /// about (optional; each defaults to the first of the guide's own occupations that has
    /// such a figure).
    pub(crate) key_figures: Option<S<KeyFigures>>,
}

/// The occupations the key figures are about; each names an `occupation` in this file.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct KeyFigures {
    /// The occupation whose median annual pay (a `[[pay]]` table with `statistic = "median"`,
    /// `unit = "year"` and no `setting`) is shown.
    pub(crate) pay: Option<Str>,
    /// The occupation whose projected growth (an `[[outlook]]` table) is shown.
    pub(crate) growth: Option<Str>,
    /// The occupation whose projected openings a year (an `[[outlook]]` table with
    /// `openings_per_year`) are shown.
    pub(crate) openings: Option<Str>,
    /// The occupation whose typical entry education (an `[[outlook]]` table with
    /// `entry_education`) is shown.
    pub(crate) education: Option<Str>,
}

/// A number as TOML gives it: integer or float.
#[derive(Clone, Copy)]
pub(crate) enum Number {
    Int(i64),
    Float(f64),
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Number, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number, such as 42590 or 20.29")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Number, E> {
                Ok(Number::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Number, E> {
                i64::try_from(v)
                    .map(Number::Int)
                    .map_err(|_| E::custom("this number is too large"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Number, E> {
                Ok(Number::Float(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number", "exclusiveMinimum": 0 })
    }
}

/// One pay figure, as published.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct PayFigure {
    /// The occupation, such as `Psychiatric technicians` or `All occupations`.
    pub(crate) occupation: Str,
    /// The occupation's code, such as `29-2053` (optional).
    pub(crate) code: Option<Str>,
    /// The kind of workplace, for pay by industry (optional).
    pub(crate) setting: Option<Str>,
    /// The state or region the figure covers (optional; without it, the whole United
    /// States), such as `{ state = "CA", name = "California" }` or
    /// `{ region = "Lakeside region", state = "MI" }`.
    pub(crate) area: Option<S<Area>>,
    /// `true` on the first `[[pay]]` table of an edition with a base: this edition's pay
    /// figures replace all of the base's. Without it they add to the base's, and a figure for
    /// the same occupation, workplace, area, statistic and unit as one of the base's takes
    /// its place (optional).
    pub(crate) replace: Option<S<bool>>,
    /// `subject` (the guide's occupation, the default) or `comparison`.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["subject", "comparison"])))]
    pub(crate) role: Option<Str>,
    /// Which statistic: `p10`, `p25`, `median`, `mean`, `p75` or `p90`.
    #[cfg_attr(
        feature = "schema",
        schemars(extend("enum" = ["p10", "p25", "median", "mean", "p75", "p90"]))
    )]
    pub(crate) statistic: Str,
    /// The amount, such as `42590` a year or `20.29` an hour.
    pub(crate) amount: S<Number>,
    /// The currency: `USD`.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["USD"])))]
    pub(crate) currency: Str,
    /// `year` or `hour`.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["year", "hour"])))]
    pub(crate) unit: Str,
    /// The month or year the figure describes, such as `2024-05`.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = DATE_PATTERN)))]
    pub(crate) period: Str,
    /// The id of the source (in sources.toml) of the figure.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) source: Str,
    /// A remark a reader needs to read the figure right (optional).
    pub(crate) note: Option<Str>,
}

/// One employment projection, as published.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct OutlookFigure {
    /// The occupation, such as `Psychiatric technicians` or `All occupations`.
    pub(crate) occupation: Str,
    /// The occupation's code, such as `29-2053` (optional).
    pub(crate) code: Option<Str>,
    /// The state or region the projection covers (optional; without it, the whole United
    /// States), such as `{ state = "CA", name = "California" }` or
    /// `{ region = "Lakeside region", state = "MI" }`.
    pub(crate) area: Option<S<Area>>,
    /// `true` on the first `[[outlook]]` table of an edition with a base: this edition's
    /// projections replace all of the base's. Without it they add to the base's, and a
    /// projection for the same occupation and area as one of the base's takes its place
    /// (optional).
    pub(crate) replace: Option<S<bool>>,
    /// `subject` (the guide's occupation, the default) or `comparison`.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["subject", "comparison"])))]
    pub(crate) role: Option<Str>,
    /// The first year of the projection, such as `2024`.
    #[cfg_attr(feature = "schema", schemars(range(min = 1900, max = 2200)))]
    pub(crate) base_year: S<i64>,
    /// The last year of the projection, such as `2034`.
    #[cfg_attr(feature = "schema", schemars(range(min = 1900, max = 2200)))]
    pub(crate) target_year: S<i64>,
    /// Jobs in the first year (optional).
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub(crate) base_jobs: Option<S<i64>>,
    /// Jobs projected for the last year (optional).
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub(crate) target_jobs: Option<S<i64>>,
    /// The projected change in jobs, as published (optional).
    pub(crate) change: Option<S<i64>>,
    /// The projected growth, in whole percent.
    #[cfg_attr(feature = "schema", schemars(range(min = -100, max = 1000)))]
    pub(crate) growth_percent: S<i64>,
    /// Projected openings each year, on average (optional).
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub(crate) openings_per_year: Option<S<i64>>,
    /// The education typically needed for entry, as the projections assign it (optional).
    #[cfg_attr(
        feature = "schema",
        schemars(extend("enum" = [
            "no_formal_credential", "high_school", "postsecondary_nondegree_award",
            "some_college", "associate", "bachelor", "master", "doctoral"
        ]))
    )]
    pub(crate) entry_education: Option<Str>,
    /// The id of the source (in sources.toml) of the projection.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) source: Str,
}

/// The place a local figure covers: a whole state (`state` and `name`), or a named region
/// (`region`, and `state` when it lies in one).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Area {
    /// The two-letter postal code of the state the figure covers, or that the region lies
    /// in, such as `CA`.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = state_codes())))]
    pub(crate) state: Option<Str>,
    /// The state's name as this edition's readers read it, such as `California`: for a
    /// figure that covers a whole state.
    pub(crate) name: Option<Str>,
    /// The region's name as this edition's readers read it, such as `Lakeside region` or
    /// `Los Angeles-Long Beach-Anaheim, CA`: for a figure that covers part of a state or
    /// crosses state lines.
    pub(crate) region: Option<Str>,
    /// The code the figure's source gives the area, such as a Bureau of Labor Statistics
    /// metropolitan area code (optional).
    pub(crate) code: Option<Str>,
}

#[cfg(feature = "schema")]
fn state_codes() -> Vec<&'static str> {
    crate::values::StateCode::all()
        .map(|c| c.as_str())
        .collect()
}
