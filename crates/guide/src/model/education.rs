//! Education, training, licensure and certification.

use serde::Serialize;

use super::Item;
use crate::prose::Prose;
use crate::terms::StateTopic;
use crate::values::{Id, Text};

/// Education, training, licensure and certification.
///
/// # Examples
///
/// ```
/// let education = &mht_guide::guide().education;
/// let states: Vec<&str> = education.state_licenses.iter().map(|l| l.state.as_str()).collect();
/// assert!(states.contains(&"California"));
/// for route in &education.time_to_qualify {
///     println!("{}: {}", route.route, route.duration);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Education {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// The ways into the job.
    pub entry_paths: Vec<Item>,
    /// What training on the job covers.
    pub training: Prose,
    /// How licensure works across states.
    pub licensure: Prose,
    /// The states that license the occupation.
    pub state_licenses: Vec<StateLicense>,
    /// Voluntary certifications.
    pub certifications: Vec<Certification>,
    /// What keeps a technician's knowledge current.
    pub continuing_education: Prose,
    /// How long each route to the job takes.
    pub time_to_qualify: Vec<TimeToQualify>,
}

/// A state that licenses the occupation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StateLicense {
    /// The state.
    pub state: Text,
    /// The credential's name.
    pub credential: Text,
    /// Who issues it.
    pub board: Text,
    /// What a license requires, in brief.
    pub requirements: Prose,
    /// The ways to qualify that the board accepts.
    pub routes: Option<StateRule>,
    /// The licensing exam.
    pub exam: Option<StateRule>,
    /// The criminal background check or history rules.
    pub background_check: Option<StateRule>,
    /// The minimum length of an approved program, where the rules set one.
    pub program_length: Option<StateRule>,
    /// Where to find the approved programs.
    pub approved_programs: Option<StateRule>,
    /// Working before the license arrives: interim or temporary permits.
    pub interim_permit: Option<StateRule>,
    /// Licensure for people licensed in another state.
    pub endorsement: Option<StateRule>,
    /// Renewal and continuing education.
    pub renewal: Option<StateRule>,
    /// Who may do the work without this license.
    pub unlicensed_work: Option<StateRule>,
}

impl StateLicense {
    /// The state's rules in the order a reader needs them, each with its topic; `None` where
    /// no primary source confirms the rule.
    ///
    /// # Examples
    ///
    /// ```
    /// let guide = mht_guide::guide();
    /// let california = &guide.education.state_licenses[0];
    /// for (topic, rule) in california.rules() {
    ///     let topic = guide.labels.topic(topic);
    ///     match rule {
    ///         Some(rule) => println!("{topic}: {} ({} sources)", rule.text, rule.sources.len()),
    ///         None => println!("{topic}: not confirmed"),
    ///     }
    /// }
    /// ```
    pub fn rules(&self) -> [(StateTopic, Option<&StateRule>); 9] {
        use StateTopic::*;
        [
            (Routes, self.routes.as_ref()),
            (Exam, self.exam.as_ref()),
            (ProgramLength, self.program_length.as_ref()),
            (ApprovedPrograms, self.approved_programs.as_ref()),
            (BackgroundCheck, self.background_check.as_ref()),
            (InterimPermit, self.interim_permit.as_ref()),
            (Endorsement, self.endorsement.as_ref()),
            (Renewal, self.renewal.as_ref()),
            (UnlicensedWork, self.unlicensed_work.as_ref()),
        ]
    }
}

/// One rule of a licensing state and the sources that state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StateRule {
    /// What the rule says, in plain text.
    pub text: Text,
    /// The sources that state it; each carries a date.
    pub sources: Vec<Id>,
}

/// A certification a technician can earn.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Certification {
    /// The credential's name.
    pub name: Text,
    /// Its abbreviation, if it has one.
    pub abbreviation: Option<Text>,
    /// The organization that issues it.
    pub issuer: Text,
    /// What it is and what it takes.
    pub description: Prose,
    /// Its levels, if it has levels.
    pub levels: Vec<Item>,
}

/// How long one route to the job takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TimeToQualify {
    /// The route.
    pub route: Text,
    /// How long it takes, such as `12 to 18 months`.
    pub duration: Text,
    /// What the time is spent on.
    pub description: Prose,
}
