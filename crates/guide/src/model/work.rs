//! What the job is and where it leads: the definition, duties, workplaces, skills, career
//! path, challenges and care team.

use serde::Serialize;

use super::Item;
use crate::prose::Prose;
use crate::values::{Id, RefDate, Text};

/// What the occupation is.
///
/// # Examples
///
/// ```
/// let definition = &mht_guide::guide().definition;
/// assert!(definition.alternate_titles.iter().any(|t| t.as_str() == "Psychiatric technician"));
/// let soc = &definition.occupation_codes[0];
/// println!("{} {}: {}", soc.system, soc.code, soc.title);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Definition {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// The definition in full.
    pub body: Prose,
    /// Other job titles the same work is advertised under.
    pub alternate_titles: Vec<Text>,
    /// Official occupation codes.
    pub occupation_codes: Vec<OccupationCode>,
}

/// A code that a classification system gives the occupation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OccupationCode {
    /// The classification, such as `SOC 2018`.
    pub system: Text,
    /// The code, such as `29-2053`.
    pub code: Text,
    /// The occupation's title in that system.
    pub title: Text,
    /// The source that lists the code.
    pub source: Id,
}

/// The duties of the job.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Responsibilities {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the duties.
    pub intro: Prose,
    /// The duties, each with a title and a description.
    pub duties: Vec<Item>,
    /// What a typical shift looks like.
    pub typical_shift: Option<Prose>,
}

/// Where the work is done.
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// for setting in &guide.work_settings.settings {
///     for share in &setting.employment {
///         let when = guide.labels.date(share.period);
///         println!("{}: {}% of {} ({when})", setting.name, share.percent, share.occupation);
///     }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct WorkSettings {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// The settings.
    pub settings: Vec<WorkSetting>,
    /// Hours, shifts and schedules.
    pub schedules: Prose,
}

/// One kind of workplace.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct WorkSetting {
    /// A stable id for the workplace, when the content gives one.
    pub id: Option<Id>,
    /// The kind of workplace.
    pub name: Text,
    /// What working there is like.
    pub description: Prose,
    /// The pace of the work, in a few words.
    pub pace: Text,
    /// The people served there.
    pub populations: Vec<Text>,
    /// The share of the occupation's jobs found there, when published.
    pub employment: Vec<EmploymentShare>,
}

/// The share of an occupation's jobs in one kind of workplace.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EmploymentShare {
    /// The occupation.
    pub occupation: Text,
    /// The share of its jobs, in percent.
    pub percent: u8,
    /// The year the share describes.
    pub period: RefDate,
    /// The source of the figure.
    pub source: Id,
}

/// Skills and personal qualities.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Skills {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// Skills that can be learned and practiced.
    pub skills: Vec<Item>,
    /// Personal qualities that the work draws on.
    pub qualities: Vec<Item>,
}

/// Where the job can lead.
///
/// # Examples
///
/// ```
/// for step in &mht_guide::guide().career_path.next_roles {
///     println!("{} (needs: {})", step.role, step.requires.plain_text());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CareerPath {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// Roles a technician can move on to.
    pub next_roles: Vec<CareerStep>,
}

/// A role a technician can move on to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CareerStep {
    /// The role.
    pub role: Text,
    /// What the role is.
    pub description: Prose,
    /// What it takes to get there.
    pub requires: Prose,
}

/// What is hard about the work and what is rewarding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ChallengesRewards {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// The hard parts.
    pub challenges: Vec<Item>,
    /// The rewarding parts.
    pub rewards: Vec<Item>,
}

/// The technician's place in the care team.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CareTeam {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// How the team works and why the technician matters to it.
    pub body: Prose,
    /// The other members of the team and how technicians work with each.
    pub members: Vec<Item>,
    /// How technicians differ from the roles they are most often confused with.
    pub distinctions: Vec<Item>,
}
