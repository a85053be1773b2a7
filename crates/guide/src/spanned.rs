//! A value read from a content file, with its place in the file, so that every later check
//! can point at it.

use std::ops::Deref;

use serde::Deserialize;
use toml::Spanned;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A value with its place in the file. In a schema, it is just the value.
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct S<T>(Spanned<T>);

impl<T> Deref for S<T> {
    type Target = Spanned<T>;
    fn deref(&self) -> &Spanned<T> {
        &self.0
    }
}

#[cfg(feature = "schema")]
impl<T: JsonSchema> JsonSchema for S<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

pub(crate) type Str = S<String>;
