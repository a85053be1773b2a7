//! Serde structs that mirror the content files one-to-one.
//!
//! Every leaf keeps its span so that later checks can point at it. Unknown keys are rejected.
//! With the `schema` feature, the same structs give the content files' JSON Schemas, so their
//! doc comments are what an editor shows beside each key: they speak to the person editing.

use serde::Deserialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

pub(crate) use crate::spanned::{S, Str};

/// The guide's metadata (`guide.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Meta {
    /// The edition this one is based on (optional): `en` or `es` for a built-in guide, or a
    /// folder relative to this one. Every file, and every field, this edition leaves out
    /// comes from the base, so updates to the base reach it on the next build.
    pub(crate) base: Option<Str>,
    /// A short name made of lowercase letters, digits and hyphens; it names exported files.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) slug: Str,
    /// The guide's title, as the cover and the title page show it.
    pub(crate) title: Str,
    /// One line under the title.
    pub(crate) subtitle: Str,
    /// One or two sentences that say what the guide covers (used in metadata and JSON-LD).
    pub(crate) description: Str,
    /// The language of the text, as a BCP 47 tag such as `en-US`.
    pub(crate) language: Str,
    /// The date of this edition: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = DATE_PATTERN)))]
    pub(crate) edition: Str,
    /// Who publishes this edition, such as your organization.
    pub(crate) publisher: Str,
    /// The authors, as they should be credited.
    pub(crate) authors: S<Vec<Str>>,
    /// The license of the text, such as `CC-BY-4.0`.
    pub(crate) license: Str,
    /// The words the exporters add, where this edition wants others than the built-in set
    /// of its language gives (optional; required in full for a language with no built-in
    /// set). The built-in English set, content/labels/en.toml, lists every label.
    pub(crate) labels: Option<S<crate::labels::RawLabels>>,
    /// Text that this edition inherits from its base, such as the occupations and workplaces
    /// its figures name, as this edition writes it: `"Psychiatric technicians" = "Técnicos
    /// psiquiátricos"` (optional).
    pub(crate) translations: Option<std::collections::BTreeMap<String, Str>>,
}

/// A titled entry of a list: a duty, a skill, a challenge.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Item {
    /// The entry's title, a few words.
    pub(crate) title: Str,
    /// What it means, in Markdown; cite sources as `[@source-id]`.
    pub(crate) description: Str,
}

/// What the occupation is (`definition.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Definition {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// The definition, in Markdown; cite sources as `[@source-id]`.
    pub(crate) body: Str,
    /// Other names the job goes by.
    pub(crate) alternate_titles: Vec<Str>,
    /// The occupation's codes in official classifications.
    pub(crate) occupation_codes: S<Vec<OccupationCode>>,
}

/// A code in an official classification of occupations.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct OccupationCode {
    /// The classification, such as `SOC 2018` or `O*NET-SOC`.
    pub(crate) system: Str,
    /// The code, such as `29-2053`.
    pub(crate) code: Str,
    /// The occupation's title in that classification.
    pub(crate) title: Str,
    /// The id of the source (in sources.toml) that gives the code.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) source: Str,
}

/// What the work involves (`responsibilities.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Responsibilities {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// An introduction to the section, in Markdown.
    pub(crate) intro: Str,
    /// The main duties.
    pub(crate) duties: S<Vec<Item>>,
    /// What a typical shift looks like, in Markdown (optional).
    pub(crate) typical_shift: Option<Str>,
}

/// How to qualify (`education.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Education {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// An introduction to the section, in Markdown.
    pub(crate) intro: Str,
    /// The ways into the job.
    pub(crate) entry_paths: S<Vec<Item>>,
    /// Training on the job and in programs, in Markdown.
    pub(crate) training: Str,
    /// Where a license is needed, in Markdown.
    pub(crate) licensure: Str,
    /// The states that license the occupation.
    pub(crate) state_licenses: S<Vec<StateLicense>>,
    /// Certifications open to technicians.
    pub(crate) certifications: S<Vec<Certification>>,
    /// Keeping a license or certification current, in Markdown.
    pub(crate) continuing_education: Str,
    /// How long each route takes.
    pub(crate) time_to_qualify: S<Vec<TimeToQualify>>,
}

/// A state license.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct StateLicense {
    /// The state.
    pub(crate) state: Str,
    /// The credential's name.
    pub(crate) credential: Str,
    /// The board that issues it.
    pub(crate) board: Str,
    /// What it takes, in Markdown; cite sources as `[@source-id]`.
    pub(crate) requirements: Str,
    /// The ways to qualify that the board accepts (optional).
    pub(crate) routes: Option<StateRule>,
    /// The licensing exam (optional).
    pub(crate) exam: Option<StateRule>,
    /// The criminal background check or history rules (optional).
    pub(crate) background_check: Option<StateRule>,
    /// The minimum length of an approved program, where the rules set one (optional).
    pub(crate) program_length: Option<StateRule>,
    /// Where to find the approved programs (optional).
    pub(crate) approved_programs: Option<StateRule>,
    /// Working before the license arrives: interim or temporary permits (optional).
    pub(crate) interim_permit: Option<StateRule>,
    /// Licensure for people licensed in another state (optional).
    pub(crate) endorsement: Option<StateRule>,
    /// Renewal and continuing education (optional).
    pub(crate) renewal: Option<StateRule>,
    /// Who may do the work without this license (optional).
    pub(crate) unlicensed_work: Option<StateRule>,
}

/// One rule of a licensing state, in a sentence or two, and the statute, rule or board page
/// that states it.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct StateRule {
    /// What the rule says, in plain text (no Markdown): it prints in a table cell.
    pub(crate) text: Str,
    /// The ids of the sources that state it; each must carry a date (`data_date`,
    /// `published` or `checked`) in `sources.toml`.
    pub(crate) sources: S<Vec<Str>>,
}

/// A certification.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Certification {
    /// The certification's full name.
    pub(crate) name: Str,
    /// Its abbreviation, such as `NCPT` (optional).
    pub(crate) abbreviation: Option<Str>,
    /// Who awards it.
    pub(crate) issuer: Str,
    /// What it is and who it suits, in Markdown; cite sources as `[@source-id]`.
    pub(crate) description: Str,
    /// Its levels, when it has several (optional).
    #[serde(default)]
    pub(crate) levels: Vec<Item>,
}

/// How long one route into the job takes.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct TimeToQualify {
    /// The route, such as `National certification, Level 1`.
    pub(crate) route: Str,
    /// How long it takes, in words, such as `12 to 18 months`.
    pub(crate) duration: Str,
    /// What the time is spent on, in Markdown; cite sources as `[@source-id]`.
    pub(crate) description: Str,
}

/// Where technicians work (`work-settings.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct WorkSettings {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// An introduction to the section, in Markdown.
    pub(crate) intro: Str,
    /// The kinds of workplace.
    pub(crate) settings: S<Vec<WorkSetting>>,
    /// Hours, shifts and schedules, in Markdown.
    pub(crate) schedules: Str,
}

/// One kind of workplace.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct WorkSetting {
    /// A short, stable id for the workplace (optional): lowercase letters, digits, hyphens.
    /// An edition based on this one gives the same id to lay its own words over this
    /// workplace while keeping its figures.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) id: Option<Str>,
    /// The kind of workplace.
    pub(crate) name: Str,
    /// What working there is like, in Markdown.
    pub(crate) description: Str,
    /// The pace of the work, in a few words.
    pub(crate) pace: Str,
    /// The people served there.
    pub(crate) populations: S<Vec<Str>>,
    /// The share of the occupation's jobs found there, when published (optional).
    #[serde(default)]
    pub(crate) employment: Vec<EmploymentShare>,
}

/// The share of an occupation's jobs in one kind of workplace.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct EmploymentShare {
    /// The occupation, such as `Psychiatric technicians`.
    pub(crate) occupation: Str,
    /// The share of its jobs, in whole percent (0 to 100).
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 100)))]
    pub(crate) percent: S<i64>,
    /// The year (or month) the share describes: `YYYY` or `YYYY-MM`.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = DATE_PATTERN)))]
    pub(crate) period: Str,
    /// The id of the source (in sources.toml) of the figure.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) source: Str,
}

/// Skills and personal qualities (`skills.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Skills {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// An introduction to the section, in Markdown.
    pub(crate) intro: Str,
    /// Skills that can be learned and practiced.
    pub(crate) skills: S<Vec<Item>>,
    /// Personal qualities that the work draws on.
    pub(crate) qualities: S<Vec<Item>>,
}

/// Where the job can lead (`career-path.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct CareerPath {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// An introduction to the section, in Markdown.
    pub(crate) intro: Str,
    /// Roles a technician can move on to.
    pub(crate) next_roles: S<Vec<CareerStep>>,
}

/// A role a technician can move on to.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct CareerStep {
    /// The role.
    pub(crate) role: Str,
    /// What the role is, in Markdown.
    pub(crate) description: Str,
    /// What it takes to get there, in Markdown.
    pub(crate) requires: Str,
}

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
    pub(crate) key_figures: Option<KeyFigures>,
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

/// What is hard about the work and what is rewarding (`challenges-rewards.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct ChallengesRewards {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// An introduction to the section, in Markdown.
    pub(crate) intro: Str,
    /// The hard parts.
    pub(crate) challenges: S<Vec<Item>>,
    /// The rewarding parts.
    pub(crate) rewards: S<Vec<Item>>,
}

/// The technician's place in the care team (`care-team.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct CareTeam {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// How the team works and why the technician matters to it, in Markdown.
    pub(crate) body: Str,
    /// The other members of the team and how technicians work with each.
    pub(crate) members: S<Vec<Item>>,
    /// How technicians differ from the roles they are most often confused with.
    pub(crate) distinctions: Vec<Item>,
}

/// Frequently asked questions (`faq.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Faq {
    /// One or two sentences that stand for the whole section (fact sheets print these).
    pub(crate) summary: Str,
    /// The questions and answers, one `[[questions]]` table each.
    pub(crate) questions: S<Vec<Question>>,
}

/// A question and its answer.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Question {
    /// A short, stable id for links to the question: lowercase letters, digits, hyphens.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) id: Str,
    /// The question, as a reader would ask it.
    pub(crate) question: Str,
    /// The answer, in Markdown; cite sources as `[@source-id]`.
    pub(crate) answer: Str,
}

/// The sources the guide cites (`sources.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Sources {
    /// One or two sentences on how the sources were chosen and dated.
    pub(crate) summary: Str,
    /// The sources, one `[[sources]]` table each.
    pub(crate) sources: S<Vec<Source>>,
}

/// A source the guide cites.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    /// The id that citations use, as in `[@bls-ooh]`: lowercase letters, digits, hyphens.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = ID_PATTERN)))]
    pub(crate) id: Str,
    /// The title of the work.
    pub(crate) title: Str,
    /// Who publishes it.
    pub(crate) publisher: Str,
    /// Where to read it: an `https://` or `http://` address.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = "^https?://")))]
    pub(crate) url: Str,
    /// The date the data in it describes, such as `2024-05` for pay of May 2024 (optional).
    /// `mht-guide check` warns when figures citing it are more than three years old.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = DATE_PATTERN)))]
    pub(crate) data_date: Option<Str>,
    /// The date it was published or last changed, when it says (optional).
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = DATE_PATTERN)))]
    pub(crate) published: Option<Str>,
    /// The date the page was last read, for a page that carries no date of its own
    /// (optional).
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = DATE_PATTERN)))]
    pub(crate) checked: Option<Str>,
    /// A remark a reader needs to weigh the source (optional).
    pub(crate) note: Option<Str>,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[cfg(feature = "schema")]
const DATE_PATTERN: &str = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// Lowercase letters and digits in words joined by single hyphens.
#[cfg(feature = "schema")]
const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
