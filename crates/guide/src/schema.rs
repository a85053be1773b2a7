//! JSON Schemas of the content files, so that editors check and complete them as they are
//! typed.
//!
//! Each content file names its schema on its first line, in the form Taplo (the TOML language
//! server behind VS Code's Even Better TOML and others) reads:
//!
//! ```toml
//! #:schema ./schemas/faq.schema.json
//! ```
//!
//! The schemas describe every key, with the text an editor shows on hover, and catch unknown
//! keys, wrong types, misspelled statistics and malformed dates and ids. They cannot check what
//! needs the whole guide (that citations name a known source, that prose is well formed): that
//! is what loading, or `mht-guide check`, does.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use crate::load::raw;
use crate::section::SectionId;

/// The folder, beside the content files, that holds their schemas.
pub const SCHEMA_DIR: &str = "schemas";

/// The name under which a label set (such as `content/labels/es.toml`) has its schema:
/// `labels.schema.json`. An edition's `[labels]` table in `guide.toml` takes the same keys.
pub const LABELS_FILE: &str = "labels.toml";

/// The name of the schema file of a content file: `faq.toml` → `faq.schema.json`.
///
/// # Examples
///
/// ```
/// assert_eq!(mht_guide::schema::file_name("faq.toml"), "faq.schema.json");
/// ```
pub fn file_name(content_file: &str) -> String {
    let stem = content_file.strip_suffix(".toml").unwrap_or(content_file);
    format!("{stem}.schema.json")
}

/// The `#:schema` line that starts a content file, pointing at its schema.
///
/// # Examples
///
/// ```
/// assert_eq!(
///     mht_guide::schema::directive("faq.toml"),
///     "#:schema ./schemas/faq.schema.json"
/// );
/// ```
pub fn directive(content_file: &str) -> String {
    format!("#:schema ./{SCHEMA_DIR}/{}", file_name(content_file))
}

/// The JSON Schema (draft 7) of a content file, such as `guide.toml` or `faq.toml`, as
/// indented JSON ending in a line break; `None` for a name that is not a content file.
///
/// # Examples
///
/// ```
/// let schema = mht_guide::schema::json("salary-outlook.toml").unwrap();
/// let value: serde_json::Value = serde_json::from_str(&schema)?;
/// assert_eq!(value["additionalProperties"], false);
/// assert!(value["properties"]["pay"].is_object());
/// assert!(mht_guide::schema::json("notes.toml").is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn json(content_file: &str) -> Option<String> {
    let schema = if content_file == crate::GUIDE_FILE {
        generate::<raw::Meta>()
    } else if content_file == LABELS_FILE {
        generate::<crate::labels::RawLabels>()
    } else {
        let section = SectionId::ALL
            .into_iter()
            .find(|id| id.file_name() == content_file)?;
        macro_rules! raw_schema {
            (() $($(#[$doc:meta])* $variant:ident $field:ident $id:literal;)*) => {
                match section {
                    $(SectionId::$variant => generate::<raw::$variant>(),)*
                }
            };
        }
        crate::section::with_sections!(raw_schema!())
    };
    let mut schema = schema;
    schema.insert(
        "title".into(),
        format!("{content_file}, a content file of an mht-guide guide").into(),
    );
    pretty(&schema)
}

/// A schema as indented JSON ending in a line break.
fn pretty(schema: &impl serde::Serialize) -> Option<String> {
    let mut text = serde_json::to_string_pretty(schema).ok()?;
    text.push('\n');
    Some(text)
}

/// The schema of a content file of an edition with a `base`, which may leave out any field
/// (the base gives it); otherwise as [`json`].
///
/// # Examples
///
/// ```
/// let full: serde_json::Value = serde_json::from_str(&mht_guide::schema::json("faq.toml").unwrap())?;
/// let partial: serde_json::Value =
///     serde_json::from_str(&mht_guide::schema::partial("faq.toml").unwrap())?;
/// assert!(full["required"].is_array());
/// assert!(partial.get("required").is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn partial(content_file: &str) -> Option<String> {
    let mut value: serde_json::Value = serde_json::from_str(&json(content_file)?).ok()?;
    let object = value.as_object_mut()?;
    object.remove("required");
    // A table in a list merged by id (a question, a source, a workplace) needs only its id:
    // the base gives the rest.
    if let Some(definitions) = object
        .get_mut("definitions")
        .and_then(|d| d.as_object_mut())
    {
        for definition in definitions.values_mut() {
            let has_id = definition
                .get("properties")
                .and_then(|p| p.get("id"))
                .is_some();
            if has_id && let Some(definition) = definition.as_object_mut() {
                definition.insert("required".into(), serde_json::json!(["id"]));
            }
        }
    }
    object.insert(
        "title".into(),
        format!("{content_file}, a content file of an mht-guide edition with a base").into(),
    );
    pretty(&value)
}

/// Every content file's schema for an edition with a base: (schema file name, JSON).
pub fn all_partial() -> Vec<(String, String)> {
    crate::file_names()
        .filter_map(|name| Some((file_name(&name), partial(&name)?)))
        .collect()
}

/// Every content file's schema: (schema file name, JSON), in guide order.
///
/// # Examples
///
/// ```
/// let all = mht_guide::schema::all();
/// assert_eq!(all.len(), mht_guide::EMBEDDED_FILES.len());
/// assert_eq!(all[0].0, "guide.schema.json");
/// ```
pub fn all() -> Vec<(String, String)> {
    crate::file_names()
        .filter_map(|name| Some((file_name(&name), json(&name)?)))
        .collect()
}

fn generate<T: JsonSchema>() -> Schema {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
}
