//! Serde structs that mirror the content files one-to-one.
//!
//! Every leaf keeps its span so that later checks can point at it. Unknown keys are rejected.

use serde::Deserialize;
use toml::Spanned;

pub(super) type S<T> = Spanned<T>;
pub(super) type Str = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Meta {
    pub(super) slug: Str,
    pub(super) title: Str,
    pub(super) subtitle: Str,
    pub(super) description: Str,
    pub(super) language: Str,
    pub(super) edition: Str,
    pub(super) publisher: Str,
    pub(super) authors: S<Vec<Str>>,
    pub(super) license: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Item {
    pub(super) title: Str,
    pub(super) description: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Definition {
    pub(super) summary: Str,
    pub(super) body: Str,
    pub(super) alternate_titles: Vec<Str>,
    pub(super) occupation_codes: S<Vec<OccupationCode>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OccupationCode {
    pub(super) system: Str,
    pub(super) code: Str,
    pub(super) title: Str,
    pub(super) source: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Responsibilities {
    pub(super) summary: Str,
    pub(super) intro: Str,
    pub(super) duties: S<Vec<Item>>,
    pub(super) typical_shift: Option<Str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Education {
    pub(super) summary: Str,
    pub(super) intro: Str,
    pub(super) entry_paths: S<Vec<Item>>,
    pub(super) training: Str,
    pub(super) licensure: Str,
    pub(super) state_licenses: S<Vec<StateLicense>>,
    pub(super) certifications: S<Vec<Certification>>,
    pub(super) continuing_education: Str,
    pub(super) time_to_qualify: S<Vec<TimeToQualify>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StateLicense {
    pub(super) state: Str,
    pub(super) credential: Str,
    pub(super) board: Str,
    pub(super) requirements: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Certification {
    pub(super) name: Str,
    pub(super) abbreviation: Option<Str>,
    pub(super) issuer: Str,
    pub(super) description: Str,
    #[serde(default)]
    pub(super) levels: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TimeToQualify {
    pub(super) route: Str,
    pub(super) duration: Str,
    pub(super) description: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WorkSettings {
    pub(super) summary: Str,
    pub(super) intro: Str,
    pub(super) settings: S<Vec<WorkSetting>>,
    pub(super) schedules: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WorkSetting {
    pub(super) name: Str,
    pub(super) description: Str,
    pub(super) pace: Str,
    pub(super) populations: S<Vec<Str>>,
    #[serde(default)]
    pub(super) employment: Vec<EmploymentShare>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EmploymentShare {
    pub(super) occupation: Str,
    pub(super) percent: S<i64>,
    pub(super) period: Str,
    pub(super) source: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Skills {
    pub(super) summary: Str,
    pub(super) intro: Str,
    pub(super) skills: S<Vec<Item>>,
    pub(super) qualities: S<Vec<Item>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CareerPath {
    pub(super) summary: Str,
    pub(super) intro: Str,
    pub(super) next_roles: S<Vec<CareerStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CareerStep {
    pub(super) role: Str,
    pub(super) description: Str,
    pub(super) requires: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SalaryOutlook {
    pub(super) summary: Str,
    pub(super) intro: Str,
    pub(super) pay: S<Vec<PayFigure>>,
    pub(super) pay_factors: Str,
    pub(super) benefits: Str,
    pub(super) outlook: S<Vec<OutlookFigure>>,
    pub(super) outlook_notes: Str,
}

/// A number as TOML gives it: integer or float.
#[derive(Clone, Copy)]
pub(super) enum Number {
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PayFigure {
    pub(super) occupation: Str,
    pub(super) code: Option<Str>,
    pub(super) setting: Option<Str>,
    pub(super) role: Option<Str>,
    pub(super) statistic: Str,
    pub(super) amount: S<Number>,
    pub(super) currency: Str,
    pub(super) unit: Str,
    pub(super) period: Str,
    pub(super) source: Str,
    pub(super) note: Option<Str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OutlookFigure {
    pub(super) occupation: Str,
    pub(super) code: Option<Str>,
    pub(super) role: Option<Str>,
    pub(super) base_year: S<i64>,
    pub(super) target_year: S<i64>,
    pub(super) base_jobs: Option<S<i64>>,
    pub(super) target_jobs: Option<S<i64>>,
    pub(super) change: Option<S<i64>>,
    pub(super) growth_percent: S<i64>,
    pub(super) openings_per_year: Option<S<i64>>,
    pub(super) source: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChallengesRewards {
    pub(super) summary: Str,
    pub(super) intro: Str,
    pub(super) challenges: S<Vec<Item>>,
    pub(super) rewards: S<Vec<Item>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CareTeam {
    pub(super) summary: Str,
    pub(super) body: Str,
    pub(super) members: S<Vec<Item>>,
    pub(super) distinctions: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Faq {
    pub(super) summary: Str,
    pub(super) questions: S<Vec<Question>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Question {
    pub(super) id: Str,
    pub(super) question: Str,
    pub(super) answer: Str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Sources {
    pub(super) summary: Str,
    pub(super) sources: S<Vec<Source>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Source {
    pub(super) id: Str,
    pub(super) title: Str,
    pub(super) publisher: Str,
    pub(super) url: Str,
    pub(super) data_date: Option<Str>,
    pub(super) published: Option<Str>,
    pub(super) note: Option<Str>,
}
