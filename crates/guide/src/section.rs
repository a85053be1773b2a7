//! Section identifiers: the fixed, ordered list of sections a guide has.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// The stable identifier of one section of the guide.
///
/// The order of [`SectionId::ALL`] is the order in which every export presents the sections. The
/// [`id`](SectionId::id) is what `--sections` accepts, what anchors are built from and what names
/// the section's content file (`<id>.toml`).
///
/// # Examples
///
/// ```
/// use mht_guide::SectionId;
///
/// let id: SectionId = "salary-outlook".parse()?;
/// assert_eq!(id, SectionId::SalaryOutlook);
/// assert_eq!(mht_guide::guide().labels.section(id), "Salary and job outlook");
/// assert_eq!(id.file_name(), "salary-outlook.toml");
/// # Ok::<(), mht_guide::UnknownSection>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SectionId {
    /// What the occupation is, its other titles and its official codes.
    Definition,
    /// The duties of the job.
    Responsibilities,
    /// Education, training, licensure and certification.
    Education,
    /// Where the work is done.
    WorkSettings,
    /// The skills and personal qualities the work asks for.
    Skills,
    /// Where the job can lead.
    CareerPath,
    /// Pay and the job outlook, as typed figures.
    SalaryOutlook,
    /// What is hard about the work and what is rewarding.
    ChallengesRewards,
    /// The technician's place in the care team.
    CareTeam,
    /// Frequently asked questions.
    Faq,
    /// The sources the guide cites.
    Sources,
}

impl SectionId {
    /// Every section, in the order the guide presents them.
    pub const ALL: [SectionId; 11] = [
        SectionId::Definition,
        SectionId::Responsibilities,
        SectionId::Education,
        SectionId::WorkSettings,
        SectionId::Skills,
        SectionId::CareerPath,
        SectionId::SalaryOutlook,
        SectionId::ChallengesRewards,
        SectionId::CareTeam,
        SectionId::Faq,
        SectionId::Sources,
    ];

    /// The stable, kebab-case identifier, as accepted by `--sections`.
    pub const fn id(self) -> &'static str {
        match self {
            SectionId::Definition => "definition",
            SectionId::Responsibilities => "responsibilities",
            SectionId::Education => "education",
            SectionId::WorkSettings => "work-settings",
            SectionId::Skills => "skills",
            SectionId::CareerPath => "career-path",
            SectionId::SalaryOutlook => "salary-outlook",
            SectionId::ChallengesRewards => "challenges-rewards",
            SectionId::CareTeam => "care-team",
            SectionId::Faq => "faq",
            SectionId::Sources => "sources",
        }
    }

    /// The name of the content file that holds this section.
    pub fn file_name(self) -> String {
        format!("{}.toml", self.id())
    }

    /// The section whose content file has this name, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::SectionId;
    ///
    /// assert_eq!(SectionId::from_file_name("salary-outlook.toml"), Some(SectionId::SalaryOutlook));
    /// assert_eq!(SectionId::SalaryOutlook.file_name(), "salary-outlook.toml");
    /// assert_eq!(SectionId::from_file_name("guide.toml"), None);
    /// ```
    pub fn from_file_name(name: &str) -> Option<SectionId> {
        let id = name.strip_suffix(".toml")?;
        id.parse().ok()
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The error returned when a string names no section.
///
/// Its message lists the valid ids.
///
/// # Examples
///
/// ```
/// use mht_guide::SectionId;
///
/// let err = "salary".parse::<SectionId>().unwrap_err();
/// assert_eq!(err.given(), "salary");
/// assert!(err.to_string().contains("salary-outlook"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown section `{given}`; valid sections are: {}", valid_ids())]
pub struct UnknownSection {
    given: String,
}

impl UnknownSection {
    /// The string that named no section.
    pub fn given(&self) -> &str {
        &self.given
    }
}

/// The valid section ids, comma-separated, in guide order.
fn valid_ids() -> String {
    SectionId::ALL.map(SectionId::id).join(", ")
}

impl FromStr for SectionId {
    type Err = UnknownSection;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SectionId::ALL
            .into_iter()
            .find(|id| id.id() == s)
            .ok_or_else(|| UnknownSection {
                given: s.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for id in SectionId::ALL {
            assert_eq!(id.id().parse::<SectionId>(), Ok(id));
            assert_eq!(SectionId::from_file_name(&id.file_name()), Some(id));
        }
        let mut ids = SectionId::ALL.map(SectionId::id).to_vec();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SectionId::ALL.len());
    }

    #[test]
    fn unknown_section_lists_the_valid_ids() {
        let err = "salary".parse::<SectionId>().unwrap_err();
        assert_eq!(err.given(), "salary");
        let msg = err.to_string();
        assert!(msg.starts_with("unknown section `salary`; valid sections are: definition,"));
        assert!(msg.ends_with("faq, sources"));
    }
}
