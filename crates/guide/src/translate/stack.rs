//! The texts of a loaded edition as they stand at one of its layers: the edition itself, or
//! any base it stands on, each file merged up to that layer the way loading merges it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::units::{self, Route};
use crate::load::layer::{self, Origin};
use crate::load::{ContentFile, GUIDE_FILE, Loaded};

/// One text offered for translation, as one layer has it.
#[derive(Debug, Clone)]
pub(crate) struct Text {
    pub(crate) context: String,
    pub(crate) text: String,
    pub(crate) route: Route,
    pub(crate) optional: bool,
    /// The layer whose file gives it: 0 for the base of all bases.
    pub(crate) layer: usize,
    /// Where it is written: `path:line`, for a PO reference.
    pub(crate) place: String,
    /// The file it is written in, and its offset there.
    pub(crate) path: PathBuf,
    pub(crate) offset: usize,
}

/// A loaded edition's files by name, each with its layers.
pub(crate) struct Stack<'a> {
    files: BTreeMap<String, Vec<(usize, &'a ContentFile)>>,
    top: usize,
}

impl<'a> Stack<'a> {
    pub(crate) fn new(loaded: &'a Loaded) -> Self {
        let mut files: BTreeMap<String, Vec<(usize, &ContentFile)>> = BTreeMap::new();
        let mut top = 0;
        for file in &loaded.files {
            let name = file
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            top = top.max(file.layer);
            files.entry(name).or_default().push((file.layer, file));
        }
        for layers in files.values_mut() {
            layers.sort_by_key(|(layer, _)| *layer);
        }
        Stack { files, top }
    }

    /// The edition's own layer.
    pub(crate) fn top(&self) -> usize {
        self.top
    }

    /// Every file up to `layer`, in one offset space, as loading lays them out: a value
    /// translated by `[translations]` keeps its place in `guide.toml`.
    fn origin(&self, layer: usize) -> Origin<'a> {
        Origin::layered(
            crate::file_names()
                .filter_map(|name| self.files.get(&name))
                .flatten()
                .filter(|(l, _)| *l <= layer)
                .map(|&(l, f)| (l, f.path.as_path(), f.text.as_str())),
        )
    }

    /// The regions of `origin` that are files called `name`, merged.
    fn merge(origin: &Origin<'a>, name: &str) -> Option<DeTable<'a>> {
        let mut merged: Option<DeTable<'a>> = None;
        for region in origin.regions() {
            let named = region.path.file_name().and_then(|n| n.to_str()) == Some(name);
            if !named || region.text.trim().is_empty() {
                continue;
            }
            let table = layer::parse(*region).ok()?;
            match &mut merged {
                None => merged = Some(table),
                Some(under) => layer::merge_file(under, table, name),
            }
        }
        merged
    }

    /// The files of `name` up to `layer`, merged, with where their values came from, and the
    /// translations of that layer's `guide.toml` applied to what it inherits.
    pub(crate) fn merged(&self, name: &str, layer: usize) -> Option<(Origin<'a>, DeTable<'a>)> {
        let origin = self.origin(layer);
        let mut table = Self::merge(&origin, name)?;
        if name != GUIDE_FILE && layer > 0 {
            let meta = Self::merge(&origin, GUIDE_FILE)?;
            let mut translations = layer::translations(&meta);
            layer::translate(&mut table, &origin, layer, &mut translations, name);
            layer::settle_figures(&mut table, &origin, name);
        }
        Some((origin, table))
    }

    /// The `base` the edition's own `guide.toml` names.
    pub(crate) fn base_name(&self) -> Option<String> {
        let (origin, meta) = self.merged(GUIDE_FILE, self.top)?;
        let base = meta.get("base")?;
        (origin.region(base.span().start).layer == self.top)
            .then(|| base.get_ref().as_str().map(str::to_owned))
            .flatten()
    }

    /// The language tag of the edition at `layer`.
    pub(crate) fn language(&self, layer: usize) -> String {
        self.merged(GUIDE_FILE, layer)
            .and_then(|(_, meta)| {
                meta.get("language")
                    .and_then(|v| v.get_ref().as_str().map(str::to_owned))
            })
            .unwrap_or_default()
    }

    /// Every text offered for translation as the edition at `layer` has it, in guide order:
    /// the content files' texts, then the labels.
    pub(crate) fn texts(&self, layer: usize) -> Vec<Text> {
        let mut out = Vec::new();
        for name in crate::file_names() {
            let Some((origin, table)) = self.merged(&name, layer) else {
                continue;
            };
            units::walk(&name, &table, &mut |found| {
                out.push(text_at(
                    &origin,
                    found.span.start,
                    |layer, place, path, offset| Text {
                        context: found.context.clone(),
                        text: found.text.to_owned(),
                        route: found.route,
                        optional: found.optional,
                        layer,
                        place,
                        path,
                        offset,
                    },
                ));
            });
        }
        self.labels(layer, &mut out);
        out
    }

    /// The labels of the edition at `layer`: each one its `[labels]` gives, else the built-in
    /// set's for its language, which counts as the edition's own.
    fn labels(&self, layer: usize, out: &mut Vec<Text>) {
        let language = self.language(layer);
        let built_in = crate::labels::built_in(&language);
        let set = built_in.and_then(|(_, text)| DeTable::parse(text).ok());
        let own = self.merged(GUIDE_FILE, layer);
        let own_labels = own
            .as_ref()
            .and_then(|(_, meta)| match meta.get("labels")?.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            });
        for name in crate::Labels::NAMES {
            let context = format!("labels.{name}");
            if let (Some(value), Some((origin, _))) =
                (own_labels.and_then(|t| t.get(*name)), own.as_ref())
            {
                label_texts(value, &context, &mut |text, start, context| {
                    out.push(text_at(origin, start, |l, place, path, offset| Text {
                        context,
                        text: text.to_owned(),
                        route: Route::Field,
                        optional: false,
                        layer: l,
                        place,
                        path,
                        offset,
                    }));
                });
            } else if let (Some(set), Some((path, file_text))) = (&set, built_in) {
                let Some(value) = set.get_ref().get(*name) else {
                    continue;
                };
                label_texts(value, &context, &mut |text, start, context| {
                    let line = file_text[..start].matches('\n').count() + 1;
                    out.push(Text {
                        context,
                        text: text.to_owned(),
                        route: Route::Field,
                        optional: false,
                        layer,
                        place: format!("{path}:{line}"),
                        path: PathBuf::from(path),
                        offset: start,
                    });
                });
            }
        }
    }
}

/// Calls `each` with every string of a label's value (a string, or a list of them such as the
/// month names), its offset, and its context.
fn label_texts(
    value: &Spanned<DeValue<'_>>,
    context: &str,
    each: &mut dyn FnMut(&str, usize, String),
) {
    match value.get_ref() {
        DeValue::String(s) => each(s, value.span().start, context.to_owned()),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if let DeValue::String(s) = item.get_ref() {
                    each(s, item.span().start, format!("{context}[{i}]"));
                }
            }
        }
        _ => {}
    }
}

/// A text built from where an offset of a merged file falls.
fn text_at(
    origin: &Origin<'_>,
    start: usize,
    make: impl FnOnce(usize, String, PathBuf, usize) -> Text,
) -> Text {
    let region = origin.region(start);
    let offset = start - region.start;
    let line = region.text[..offset.min(region.text.len())]
        .matches('\n')
        .count()
        + 1;
    make(
        region.layer,
        format!("{}:{line}", region.path.display()),
        region.path.to_path_buf(),
        offset,
    )
}
