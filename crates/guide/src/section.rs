//! The sections of the guide: one table, [`with_sections!`], from which the section ids, the
//! typed views of the sections, the loader's assembly, the schemas and the embedded file lists
//! are all made.
//!
//! Adding a section is one row here, its model type (in `model/`), its raw type (`load/raw.rs`),
//! its conversion (`load/convert/sections.rs`), its heading label (`labels/table.rs`), its content
//! file, and its composition in the exporter (`compose/sections.rs`, required by
//! [`SectionVisitor`]). The compiler names every one of those that is missing.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// Calls `$callback!` with the table of sections, in guide order, after any arguments given:
/// one row a section, `/// doc` `Variant field "id";`. The variant names the section's id, its
/// model type and its raw type; the field names the `Guide` field and the conversion function;
/// the id is what `--sections` takes and what names the content file.
macro_rules! with_sections {
    ($callback:ident ! ($($args:tt)*)) => {
        $callback! { ($($args)*)
            /// What the occupation is, its other titles and its official codes.
            Definition definition "definition";
            /// The duties of the job.
            Responsibilities responsibilities "responsibilities";
            /// Education, training, licensure and certification.
            Education education "education";
            /// Where the work is done.
            WorkSettings work_settings "work-settings";
            /// The skills and personal qualities the work asks for.
            Skills skills "skills";
            /// Where the job can lead.
            CareerPath career_path "career-path";
            /// Pay and the job outlook, as typed figures.
            SalaryOutlook salary_outlook "salary-outlook";
            /// What is hard about the work and what is rewarding.
            ChallengesRewards challenges_rewards "challenges-rewards";
            /// The technician's place in the care team.
            CareTeam care_team "care-team";
            /// Frequently asked questions.
            Faq faq "faq";
            /// The sources the guide cites.
            Sources sources "sources";
        }
    };
}
pub(crate) use with_sections;

macro_rules! define_section_ids {
    (() $($(#[$doc:meta])* $variant:ident $field:ident $id:literal;)*) => {
        /// The stable identifier of one section of the guide.
        ///
        /// The order of [`SectionId::ALL`] is the order in which every export presents the
        /// sections. The [`id`](SectionId::id) is what `--sections` accepts, what anchors are
        /// built from and what names the section's content file (`<id>.toml`).
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
        /// assert_eq!(id.key(), "salary_outlook");
        /// # Ok::<(), mht_guide::UnknownSection>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum SectionId {
            $($(#[$doc])* $variant,)*
        }

        impl SectionId {
            /// Every section, in the order the guide presents them.
            pub const ALL: [SectionId; [$(SectionId::$variant),*].len()] = [$(SectionId::$variant),*];

            /// The stable, kebab-case identifier, as accepted by `--sections`.
            pub const fn id(self) -> &'static str {
                match self {
                    $(SectionId::$variant => $id,)*
                }
            }

            /// The snake_case name of the section's field in [`Guide`](crate::Guide) and its
            /// key in the JSON export, such as `salary_outlook`.
            pub const fn key(self) -> &'static str {
                match self {
                    $(SectionId::$variant => stringify!($field),)*
                }
            }

            /// The name of the content file that holds this section.
            pub const fn file_name(self) -> &'static str {
                match self {
                    $(SectionId::$variant => concat!($id, ".toml"),)*
                }
            }
        }
    };
}
with_sections!(define_section_ids!());

impl SectionId {
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
            assert_eq!(SectionId::from_file_name(id.file_name()), Some(id));
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
