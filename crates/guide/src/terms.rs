//! The closed sets of terms the model uses and the labels name (statistics, pay units, the
//! topics of a licensing rule, levels of education) and the guide's own metadata: the parts of
//! the model that the label set formats, kept apart so that labels and model do not depend on
//! each other.

use serde::Serialize;

use crate::values::{Id, InvalidValue, RefDate, Text, from_str};

/// Facts about the guide itself, from `guide.toml`.
///
/// # Examples
///
/// ```
/// let meta = &mht_guide::guide().meta;
/// let labels = &mht_guide::guide().labels;
/// println!("{}: {} ({}), {}", meta.title, meta.subtitle, meta.language, labels.edition(meta));
/// assert_eq!(meta.license.as_str(), "CC-BY-4.0");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Meta {
    /// The short name used for output files, such as `mental-health-technician`.
    pub slug: Id,
    /// The guide's title.
    pub title: Text,
    /// A line under the title.
    pub subtitle: Text,
    /// One or two sentences on what the guide is, for catalogs and search engines.
    pub description: Text,
    /// The language of the content: its BCP 47 tag, such as `en-US`, read into its parts,
    /// with the direction its script runs in.
    pub language: crate::Language,
    /// The date of this edition.
    pub edition: RefDate,
    /// Who publishes the guide.
    pub publisher: Text,
    /// Who wrote it.
    pub authors: Vec<Text>,
    /// The license of the text, as an SPDX identifier.
    pub license: Text,
    /// Words and names in the text that are in another language than the edition's, which a
    /// screen reader should say in that language: those `guide.toml` lists under
    /// `[languages_of_parts]`, the names the edition keeps as a base in another language
    /// writes them (boards, credentials, certifications, publishers), and the titles of
    /// sources in another language. Longest first; empty in an edition that has none.
    pub languages_of_parts: Vec<LanguagePart>,
}

/// A word or name in another language than the edition's.
///
/// # Examples
///
/// ```
/// let spanish = mht_guide::BuiltIn::named("es")?.guide();
/// let board = spanish
///     .meta
///     .languages_of_parts
///     .iter()
///     .find(|p| p.text.as_str() == "Arkansas State Board of Nursing")
///     .expect("a board's name the Spanish edition keeps in English");
/// assert_eq!(board.language.as_str(), "en-US");
/// # Ok::<(), mht_guide::UnknownEdition>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LanguagePart {
    /// The text, as the guide writes it.
    pub text: Text,
    /// Its language.
    pub language: crate::Language,
}

impl LanguagePart {
    /// A part in `language`.
    pub fn new(text: Text, language: crate::Language) -> LanguagePart {
        LanguagePart { text, language }
    }
}

/// What a licensing state's rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StateTopic {
    /// The ways to qualify.
    Routes,
    /// The licensing exam.
    Exam,
    /// The minimum program length.
    ProgramLength,
    /// Where the approved programs are listed.
    ApprovedPrograms,
    /// The background check.
    BackgroundCheck,
    /// Interim or temporary permits.
    InterimPermit,
    /// Licensure by endorsement.
    Endorsement,
    /// Renewal and continuing education.
    Renewal,
    /// Work that needs no license.
    UnlicensedWork,
}

/// What statistic a pay figure is.
///
/// Serializes as it is written in the content: `p10`, `p25`, `median`, `mean`, `p75`, `p90`.
///
/// # Examples
///
/// ```
/// use mht_guide::Statistic;
///
/// assert_eq!(Statistic::parse("p90"), Ok(Statistic::Percentile(90)));
/// let labels = &mht_guide::guide().labels;
/// assert_eq!(labels.statistic(Statistic::Percentile(10)), "Lowest 10% earn under");
/// assert_eq!(Statistic::Median.name(), "median");
/// assert!(Statistic::parse("middle").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Statistic {
    /// The wage below which the given percentage of workers earn (10, 25, 75, 90).
    Percentile(u8),
    /// The median wage.
    Median,
    /// The mean wage.
    Mean,
}

impl Statistic {
    /// Parses `median`, `mean` or `p10`, `p25`, `p75`, `p90`.
    ///
    /// # Errors
    ///
    /// A message listing the accepted names.
    pub fn parse(s: &str) -> Result<Statistic, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<Statistic, String> {
        match s {
            "median" => Ok(Statistic::Median),
            "mean" => Ok(Statistic::Mean),
            "p10" => Ok(Statistic::Percentile(10)),
            "p25" => Ok(Statistic::Percentile(25)),
            "p75" => Ok(Statistic::Percentile(75)),
            "p90" => Ok(Statistic::Percentile(90)),
            _ => Err(format!(
                "unknown statistic `{s}`; use one of `p10`, `p25`, `median`, `mean`, `p75`, `p90`"
            )),
        }
    }

    /// The name used in the content and in JSON: `median`, `mean`, `p10`, ...
    pub fn name(self) -> String {
        match self {
            Statistic::Percentile(p) => format!("p{p}"),
            Statistic::Median => "median".into(),
            Statistic::Mean => "mean".into(),
        }
    }

    /// The position of the statistic in a table, lowest first.
    pub fn rank(self) -> u8 {
        match self {
            Statistic::Percentile(p) if p < 50 => p,
            Statistic::Median => 50,
            Statistic::Mean => 51,
            Statistic::Percentile(p) => p,
        }
    }
}

impl Serialize for Statistic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}

/// The time a pay amount is for.
///
/// # Examples
///
/// ```
/// use mht_guide::PayUnit;
///
/// assert_eq!(PayUnit::parse("hour"), Ok(PayUnit::Hour));
/// let labels = &mht_guide::guide().labels;
/// let amount = mht_guide::Money::new(2029, mht_guide::Currency::Usd);
/// assert_eq!(labels.money_per(&amount, PayUnit::Hour), "$20.29 an hour");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PayUnit {
    /// Per year.
    Year,
    /// Per hour.
    Hour,
}

impl PayUnit {
    /// Parses `year` or `hour`.
    ///
    /// # Errors
    ///
    /// A message naming the accepted units.
    pub fn parse(s: &str) -> Result<PayUnit, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<PayUnit, String> {
        match s {
            "year" => Ok(PayUnit::Year),
            "hour" => Ok(PayUnit::Hour),
            _ => Err(format!("unknown unit `{s}`; use `year` or `hour`")),
        }
    }
}

/// The education typically needed to enter an occupation: the categories the Bureau of Labor
/// Statistics assigns with its employment projections.
///
/// Serializes as it is written in the content, such as `high_school`.
///
/// # Examples
///
/// ```
/// use mht_guide::EntryEducation;
///
/// let e = EntryEducation::parse("postsecondary_nondegree_award").unwrap();
/// assert_eq!(mht_guide::guide().labels.education(e), "Postsecondary certificate");
/// assert!(EntryEducation::parse("college").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntryEducation {
    /// No formal educational credential.
    NoFormalCredential,
    /// A high school diploma or its equivalent.
    HighSchool,
    /// A postsecondary nondegree award, such as a certificate.
    PostsecondaryNondegreeAward,
    /// Some college, no degree.
    SomeCollege,
    /// An associate's degree.
    Associate,
    /// A bachelor's degree.
    Bachelor,
    /// A master's degree.
    Master,
    /// A doctoral or professional degree.
    Doctoral,
}

impl EntryEducation {
    const ALL: [(&'static str, EntryEducation); 8] = [
        ("no_formal_credential", EntryEducation::NoFormalCredential),
        ("high_school", EntryEducation::HighSchool),
        (
            "postsecondary_nondegree_award",
            EntryEducation::PostsecondaryNondegreeAward,
        ),
        ("some_college", EntryEducation::SomeCollege),
        ("associate", EntryEducation::Associate),
        ("bachelor", EntryEducation::Bachelor),
        ("master", EntryEducation::Master),
        ("doctoral", EntryEducation::Doctoral),
    ];

    /// The names the content may use, lowest first.
    pub fn names() -> impl Iterator<Item = &'static str> {
        EntryEducation::ALL.iter().map(|(name, _)| *name)
    }

    /// Parses a name such as `high_school` or `postsecondary_nondegree_award`.
    ///
    /// # Errors
    ///
    /// A message listing the accepted names.
    pub fn parse(s: &str) -> Result<EntryEducation, InvalidValue> {
        Self::parse_message(s).map_err(InvalidValue)
    }

    fn parse_message(s: &str) -> Result<EntryEducation, String> {
        EntryEducation::ALL
            .iter()
            .find(|(name, _)| *name == s)
            .map(|&(_, e)| e)
            .ok_or_else(|| {
                let names: Vec<String> =
                    EntryEducation::names().map(|n| format!("`{n}`")).collect();
                format!("unknown education `{s}`; use one of {}", names.join(", "))
            })
    }
}

from_str!(Statistic, PayUnit, EntryEducation);
