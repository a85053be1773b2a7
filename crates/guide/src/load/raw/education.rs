//! The raw form of `education.toml`: routes, licenses, certifications and durations.

use serde::Deserialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use super::{Item, S, Str};

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
