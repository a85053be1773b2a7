//! Link annotations: the contents entries, citations and web addresses, each with a
//! description for assistive technology.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::outline::destination;
use super::{Finish, PT, PostError, err, text_string};
use crate::pdf::record::Target;
use crate::pdf::record::{AnchorMark, LinkMark};

/// What a link does, said in words: the annotation's `/Contents`, which assistive technology
/// reads for it (PDF/UA requires one on every link).
fn description(
    link: &LinkMark,
    anchors: &BTreeMap<&str, &AnchorMark>,
    sources: &BTreeMap<String, String>,
    labels: &mht_guide::Labels,
) -> String {
    match &link.target {
        Target::Uri(uri) => {
            let shown = link.text.trim();
            let address = uri.strip_prefix("mailto:").unwrap_or(uri);
            if shown.is_empty() || address.starts_with(shown) || shown.starts_with(address) {
                labels.link_address.fill(&[("address", uri)])
            } else {
                format!("{shown}: {uri}")
            }
        }
        Target::Anchor(id) => match anchors.get(id.as_str()) {
            Some(mark) if id.starts_with("source-") => match sources.get(id.as_str()) {
                Some(said) => said.clone(),
                None => labels.link_source.fill(&[("title", &mark.title)]),
            },
            Some(mark) => labels.link_heading_page.fill(&[
                ("title", &mark.title.replace('\u{a0}', " ")),
                ("page", &labels.native(&mark.page.to_string())),
            ]),
            None => labels.link_heading.fill(&[("title", link.text.trim())]),
        },
    }
}

/// Link annotations for the contents entries, citations and addresses. Returns each link's
/// annotation, by link, or `None` where a link had nowhere to go.
pub(super) fn add(
    doc: &mut Document,
    pages: &BTreeMap<u32, ObjectId>,
    f: &Finish<'_>,
) -> Result<Vec<Option<ObjectId>>, PostError> {
    let anchors: BTreeMap<&str, &AnchorMark> =
        f.anchors.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut out = Vec::with_capacity(f.links.len());
    for link in f.links {
        out.push(None);
        let Some(&page) = pages.get(&(link.page as u32)) else {
            continue;
        };
        let (x, y, w, h) = link.rect;
        let mut annot = Dictionary::new();
        annot.set("Type", Object::Name(b"Annot".to_vec()));
        annot.set("Subtype", Object::Name(b"Link".to_vec()));
        // The area in whole points, widened to them: a fraction of a point more to click,
        // and shorter to write.
        let k = PT * f.scale;
        let (left, bottom) = (x * k, (f.paper_mm.1 - y - h) * k);
        let (right, top) = ((x + w) * k, (f.paper_mm.1 - y) * k);
        annot.set(
            "Rect",
            Object::Array(
                [left.floor(), bottom.floor(), right.ceil(), top.ceil()]
                    .map(|v| Object::Integer(v as i64))
                    .to_vec(),
            ),
        );
        annot.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
        // Printed with the page.
        annot.set("F", Object::Integer(4));
        annot.set(
            "Contents",
            text_string(&description(link, &anchors, &f.sources, f.labels)),
        );
        match &link.target {
            Target::Uri(uri) => {
                let action = Dictionary::from_iter(vec![
                    ("S", Object::Name(b"URI".to_vec())),
                    ("URI", Object::string_literal(uri.as_str())),
                ]);
                annot.set("A", Object::Dictionary(action));
            }
            Target::Anchor(id) => {
                let Some(mark) = anchors.get(id.as_str()) else {
                    continue;
                };
                let Some(&dest) = pages.get(&(mark.page as u32)) else {
                    continue;
                };
                annot.set("Dest", destination(dest, f.paper_mm, f.scale, mark.y));
            }
        }
        let annot = doc.add_object(annot);
        let page = doc.get_dictionary_mut(page).map_err(err("a page"))?;
        match page.get_mut(b"Annots") {
            Ok(Object::Array(list)) => list.push(Object::Reference(annot)),
            _ => page.set("Annots", Object::Array(vec![Object::Reference(annot)])),
        }
        // Tab order follows the structure on every page with links.
        page.set("Tabs", Object::Name(b"S".to_vec()));
        if let Some(last) = out.last_mut() {
            *last = Some(annot);
        }
    }
    Ok(out)
}
