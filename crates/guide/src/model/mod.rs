//! The typed model of the guide: one type per section.
//!
//! Values of these types are only built by the loader, after every check has passed, so a
//! [`Guide`] in hand is always complete and consistent: every citation names a known source,
//! every id is unique, every prose field is valid CommonMark of the kinds the guide allows.

use serde::Serialize;

use crate::prose::Prose;
pub use crate::terms::{EntryEducation, LanguagePart, Meta, PayUnit, StateTopic, Statistic};
use crate::values::Text;

mod education;
mod pay;
mod section_ref;
mod sources;
mod work;

pub use education::{Certification, Education, StateLicense, StateRule, TimeToQualify};
pub use pay::{
    Area, AreaKind, KeyFigure, KeyFigureChoice, OutlookFigure, PayFigure, Role, SalaryOutlook,
};
pub(crate) use section_ref::Partial;
pub use section_ref::{SectionRef, SectionVisitor};
pub use sources::{Faq, Question, Source, Sources};
pub use work::{
    CareTeam, CareerPath, CareerStep, ChallengesRewards, Definition, EmploymentShare,
    OccupationCode, Responsibilities, Skills, WorkSetting, WorkSettings,
};

/// The whole guide: its metadata and one field per section.
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// assert_eq!(guide.meta.slug.as_str(), "mental-health-technician");
/// for section in guide.sections() {
///     println!("{}: {} words", guide.labels.section(section.id()), section.word_count());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Guide {
    /// Title, edition and other facts about the guide itself.
    pub meta: Meta,
    /// The words the exporters add, in the edition's language.
    #[serde(skip)]
    pub labels: crate::labels::Labels,
    /// What the occupation is.
    pub definition: Definition,
    /// The duties of the job.
    pub responsibilities: Responsibilities,
    /// Education, training, licensure and certification.
    pub education: Education,
    /// Where the work is done.
    pub work_settings: WorkSettings,
    /// Skills and personal qualities.
    pub skills: Skills,
    /// Where the job can lead.
    pub career_path: CareerPath,
    /// Pay and job outlook figures.
    pub salary_outlook: SalaryOutlook,
    /// What is hard and what is rewarding.
    pub challenges_rewards: ChallengesRewards,
    /// The technician's place in the care team.
    pub care_team: CareTeam,
    /// Frequently asked questions.
    pub faq: Faq,
    /// The sources the guide cites.
    pub sources: Sources,
}

/// A titled entry with a description: a duty, a skill, a challenge, a path.
///
/// # Examples
///
/// ```
/// for duty in &mht_guide::guide().responsibilities.duties {
///     println!("{}: {}", duty.title, duty.description.plain_text());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Item {
    /// A short title.
    pub title: Text,
    /// What it means, in prose.
    pub description: Prose,
}
