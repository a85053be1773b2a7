//! JSON: the typed model, serialized with serde.

pub(crate) mod ld;

use mht_guide::{Guide, Prose, SectionId, Source};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::{Document, ExportError, Options};

/// The version of the JSON layout. It goes up when a field is removed, renamed or changes
/// meaning; new fields may appear without a new version.
pub const SCHEMA_VERSION: u32 = 1;

/// The selected sections of the guide: each under its own key, from the table of sections,
/// so that no section can be left out of the file.
struct JsonGuide<'g> {
    guide: &'g Guide,
    /// The sections included, in guide order.
    sections: Vec<SectionId>,
    /// The sources the file lists, or `None` when it cites none.
    sources: Option<JsonSources<'g>>,
}

impl Serialize for JsonGuide<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("schema_version", &SCHEMA_VERSION)?;
        map.serialize_entry("meta", &self.guide.meta)?;
        map.serialize_entry("sections", &self.sections)?;
        for &id in self.sections.iter().filter(|&&id| id != SectionId::Sources) {
            map.serialize_entry(id.key(), &self.guide.section(id))?;
        }
        if let Some(sources) = &self.sources {
            map.serialize_entry(SectionId::Sources.key(), sources)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
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
    let selection = options.sections();
    let doc = Document::compose(guide, selection);
    let json = JsonGuide {
        guide,
        sections: doc.sections.iter().map(|s| s.id).collect(),
        sources: (!doc.references.is_empty()).then(|| JsonSources {
            summary: &guide.sources.summary,
            sources: if selection.contains(SectionId::Sources) {
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
