//! The pages' resources: their fonts under short names, the logo, and no optional-content layers.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::*;

/// The page resources' fonts: resource name → font object.
pub(super) fn page_fonts(doc: &Document, page: ObjectId) -> BTreeMap<Vec<u8>, ObjectId> {
    let mut out = BTreeMap::new();
    let Ok((direct, inherited)) = doc.get_page_resources(page) else {
        return out;
    };
    let mut dicts: Vec<&Dictionary> = direct.into_iter().collect();
    dicts.extend(
        inherited
            .iter()
            .filter_map(|id| doc.get_dictionary(*id).ok()),
    );
    for resources in dicts {
        let fonts = resources
            .get(b"Font")
            .ok()
            .and_then(|f| doc.dereference(f).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        for (name, value) in fonts.into_iter().flat_map(Dictionary::iter) {
            if let Object::Reference(id) = value {
                out.insert(name.clone(), *id);
            }
        }
    }
    out
}

/// Gives the embedded fonts their names of [`FONT_NAMES`] in the resources of these pages,
/// as the rewritten content calls them.
pub(super) fn rename_fonts(
    doc: &mut Document,
    pages: &[ObjectId],
    fonts: &Fonts,
) -> Result<(), PostError> {
    let mut done = std::collections::BTreeSet::new();
    for &page in pages {
        let Some(resources) = page_resources(doc, page, false)? else {
            continue;
        };
        let target = match resources.get(b"Font") {
            Ok(Object::Reference(id)) if !done.insert(*id) => continue,
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let font_dict = match target {
            Some(id) => doc.get_dictionary_mut(id).map_err(err("a page's fonts"))?,
            None => match page_resources(doc, page, false)?
                .and_then(|r| r.get_mut(b"Font").ok())
                .and_then(|f| f.as_dict_mut().ok())
            {
                Some(dict) => dict,
                None => continue,
            },
        };
        let renamed: Vec<(Vec<u8>, Object)> = std::mem::take(font_dict)
            .into_iter()
            .map(|(name, value)| {
                let style = value
                    .as_reference()
                    .ok()
                    .and_then(|id| fonts.styles.get(&id));
                match style {
                    Some(&style) => (FONT_NAMES[style.index()].as_bytes().to_vec(), value),
                    None => (name, value),
                }
            })
            .collect();
        for (name, value) in renamed {
            font_dict.set(name, value);
        }
    }
    Ok(())
}

/// A page's resources dictionary, whether the page holds it or refers to it; with `create`,
/// an empty one is added to a page that has none.
pub(super) fn page_resources(
    doc: &mut Document,
    page: ObjectId,
    create: bool,
) -> Result<Option<&mut Dictionary>, PostError> {
    let shared = match doc.get_dictionary(page).and_then(|p| p.get(b"Resources")) {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    if let Some(id) = shared {
        return Ok(doc.get_dictionary_mut(id).ok());
    }
    let page = doc
        .get_dictionary_mut(page)
        .map_err(err("finding a page"))?;
    if create && page.get(b"Resources").is_err() {
        page.set("Resources", Dictionary::new());
    }
    Ok(page
        .get_mut(b"Resources")
        .ok()
        .and_then(|r| r.as_dict_mut().ok()))
}

/// Names the faces that only the post-processing draws with (not genpdf's) in a page's font
/// resources, as [`super::font_name`] calls them.
pub(super) fn add_fonts(
    doc: &mut Document,
    page: ObjectId,
    added: &[(String, ObjectId)],
) -> Result<(), PostError> {
    if added.is_empty() {
        return Ok(());
    }
    let resources = page_resources(doc, page, true)?
        .ok_or_else(|| PostError("a page's resources are not a dictionary".into()))?;
    let shared = match resources.get(b"Font") {
        Ok(Object::Reference(id)) => Some(*id),
        Ok(Object::Dictionary(_)) => None,
        _ => {
            resources.set("Font", Dictionary::new());
            None
        }
    };
    let fonts = match shared {
        Some(id) => doc.get_dictionary_mut(id).map_err(err("a page's fonts"))?,
        None => page_resources(doc, page, false)?
            .and_then(|r| r.get_mut(b"Font").ok())
            .and_then(|f| f.as_dict_mut().ok())
            .ok_or_else(|| PostError("a page's fonts are not a dictionary".into()))?,
    };
    for (name, id) in added {
        fonts.set(name.as_bytes().to_vec(), Object::Reference(*id));
    }
    Ok(())
}

/// Names an image in a page's resources.
pub(super) fn add_xobject(
    doc: &mut Document,
    page: ObjectId,
    key: &str,
    image: ObjectId,
) -> Result<(), PostError> {
    let resources = page_resources(doc, page, true)?
        .ok_or_else(|| PostError("a page's resources are not a dictionary".into()))?;
    if resources.get(b"XObject").is_err() {
        resources.set("XObject", Dictionary::new());
    }
    resources
        .get_mut(b"XObject")
        .and_then(Object::as_dict_mut)
        .map_err(err("finding the page's images"))?
        .set(key, Object::Reference(image));
    Ok(())
}

/// printpdf puts every page's content in an optional-content layer ("Layer 1"), which some
/// viewers list in a layers panel; a handout has no use for it. The content streams lose their
/// layer markers in [`rewrite`]; this removes the layer definitions.
pub(in crate::pdf::post) fn drop_layers(doc: &mut Document) {
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.remove(b"OCProperties");
    }
    for page in doc.get_pages().into_values() {
        if let Ok(Some(resources)) = page_resources(doc, page, false) {
            resources.remove(b"Properties");
        }
    }
}
