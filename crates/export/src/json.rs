//! JSON: the typed model, serialized with serde.

use mht_guide::{
    CareTeam, CareerPath, ChallengesRewards, Definition, Education, Faq, Guide, Meta, Prose,
    Responsibilities, SalaryOutlook, SectionId, Skills, Source, WorkSettings,
};
use serde::Serialize;

use crate::{Document, ExportError, Options};

/// The version of the JSON layout. It goes up when a field is removed, renamed or changes
/// meaning; new fields may appear without a new version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonGuide<'g> {
    schema_version: u32,
    meta: &'g Meta,
    sections: Vec<SectionId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    definition: Option<&'g Definition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    responsibilities: Option<&'g Responsibilities>,
    #[serde(skip_serializing_if = "Option::is_none")]
    education: Option<&'g Education>,
    #[serde(skip_serializing_if = "Option::is_none")]
    work_settings: Option<&'g WorkSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skills: Option<&'g Skills>,
    #[serde(skip_serializing_if = "Option::is_none")]
    career_path: Option<&'g CareerPath>,
    #[serde(skip_serializing_if = "Option::is_none")]
    salary_outlook: Option<&'g SalaryOutlook>,
    #[serde(skip_serializing_if = "Option::is_none")]
    challenges_rewards: Option<&'g ChallengesRewards>,
    #[serde(skip_serializing_if = "Option::is_none")]
    care_team: Option<&'g CareTeam>,
    #[serde(skip_serializing_if = "Option::is_none")]
    faq: Option<&'g Faq>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<JsonSources<'g>>,
}

#[derive(Serialize)]
struct JsonSources<'g> {
    summary: &'g Prose,
    sources: Vec<&'g Source>,
}

/// Serializes the selected sections of the typed guide as pretty-printed JSON.
///
/// Keys are snake_case, prose fields are their CommonMark source, and the top level carries
/// [`SCHEMA_VERSION`], the guide's `meta` and the ids of the `sections` included. The sources
/// section lists every source when it is selected; otherwise, when the selection cites sources,
/// it lists just those, so that every citation in the file can be resolved.
///
/// # Errors
///
/// [`ExportError::Json`] if serialization fails, which the model's types do not cause.
///
/// # Examples
///
/// ```
/// use mht_guide_export::{Options, to_json};
///
/// let json: serde_json::Value = serde_json::from_str(&to_json(mht_guide::guide(), &Options::new())?)?;
/// assert_eq!(json["schema_version"], 1);
/// assert_eq!(json["salary_outlook"]["pay"][0]["amount"]["currency"], "USD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json(guide: &Guide, options: &Options) -> Result<String, ExportError> {
    let selection = options.selection();
    let doc = Document::compose(guide, selection);
    let pick = |id: SectionId| selection.contains(id);
    let json = JsonGuide {
        schema_version: SCHEMA_VERSION,
        meta: &guide.meta,
        sections: doc.sections.iter().map(|s| s.id).collect(),
        definition: pick(SectionId::Definition).then_some(&guide.definition),
        responsibilities: pick(SectionId::Responsibilities).then_some(&guide.responsibilities),
        education: pick(SectionId::Education).then_some(&guide.education),
        work_settings: pick(SectionId::WorkSettings).then_some(&guide.work_settings),
        skills: pick(SectionId::Skills).then_some(&guide.skills),
        career_path: pick(SectionId::CareerPath).then_some(&guide.career_path),
        salary_outlook: pick(SectionId::SalaryOutlook).then_some(&guide.salary_outlook),
        challenges_rewards: pick(SectionId::ChallengesRewards).then_some(&guide.challenges_rewards),
        care_team: pick(SectionId::CareTeam).then_some(&guide.care_team),
        faq: pick(SectionId::Faq).then_some(&guide.faq),
        sources: (!doc.references.is_empty()).then(|| JsonSources {
            summary: &guide.sources.summary,
            sources: if pick(SectionId::Sources) {
                guide.sources.sources.iter().collect()
            } else {
                doc.references.clone()
            },
        }),
    };
    let mut out = serde_json::to_string_pretty(&json).map_err(ExportError::Json)?;
    out.push('\n');
    Ok(out)
}
