//! Serde structs that mirror the content files one-to-one.
//!
//! Every leaf keeps its span so that later checks can point at it. Unknown keys are rejected.
//! With the `schema` feature, the same structs give the content files' JSON Schemas, so their
//! doc comments are what an editor shows beside each key: they speak to the person editing.

use serde::Deserialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

pub(crate) use crate::spanned::{S, Str};

mod education;
mod pay;

pub(crate) use education::*;
pub(crate) use pay::*;

/// The guide's metadata (`guide.toml`).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Meta {
    /// The edition this one is based on (optional): `en`, `es`, `zh-Hans`, `vi` or `ar` for a
    /// built-in guide, or a folder relative to this one. Every file, and every field, this
    /// edition leaves out comes from the base, so updates to the base reach it on the next
    /// build.
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
    /// The direction the text runs in, `ltr` or `rtl` (optional): by default the direction of
    /// the script the language tag names, or of the language's usual script (right to left
    /// for Arabic, Persian, Urdu, Hebrew, Pashto, Sindhi, Uyghur, Yiddish…). Set it for a
    /// language written in a script the tag does not name.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["ltr", "rtl"])))]
    pub(crate) direction: Option<Str>,
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
    /// Font files for the PDF handout, for scripts its own fonts lack (optional): paths
    /// inside this edition's folder, such as `["fonts/NotoSansKhmer-Regular.ttf",
    /// "fonts/NotoSansKhmer-Bold.ttf"]`, asked in order for each character that Liberation
    /// Sans does not have, before the handout's own Noto faces and installed fonts. TrueType
    /// or OpenType files (.ttf, .otf) or collections (.ttc), up to 64 MiB each. An edition
    /// that names none has its base's; `fonts = []` uses none of them.
    pub(crate) fonts: Option<S<Vec<Str>>>,
    /// The edition's brand file for its handouts (optional): a path inside this edition's
    /// folder, such as `"branding/brand.toml"`, whose organization, contact line, logo, color,
    /// QR code and paper the command line brands every handout with (its own options win).
    /// Beside this file it can only be `brand.toml` (any other TOML file there is taken for
    /// a misnamed content file); without `brand`, a `brand.toml` beside this file is used, if
    /// there is one.
    pub(crate) brand: Option<Str>,
    /// Words and names in the text that are in another language than the edition's, so that
    /// screen readers say them in that language and hyphenation leaves them whole, by language
    /// tag: `en-US = ["mental health technician", "Qualified Medication Aide"]` (optional).
    /// Names the edition keeps as a base in another language writes them (boards,
    /// credentials, certifications, publishers) and the titles of sources are found without
    /// being listed; a name listed under the edition's own language is read in it instead.
    pub(crate) languages_of_parts: Option<std::collections::BTreeMap<String, S<Vec<Str>>>>,
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
    /// The language the title is written in, as a BCP 47 tag such as `en-US` (optional): by
    /// default the language of the edition whose file gives the title.
    pub(crate) language: Option<Str>,
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
pub(super) const DATE_PATTERN: &str = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// Lowercase letters and digits in words joined by single hyphens.
#[cfg(feature = "schema")]
pub(super) const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
