//! The outline (bookmarks): sections and their subsections, opened by default.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{Finish, PT, PostError, err, text_string};
use crate::pdf::record::AnchorMark;

/// A destination: the page, scrolled so the point `y` mm from the top is at the top, or up to
/// a point higher (a whole number of points is shorter to write).
/// `paper_mm` is the page laid out on, drawn `scale` times larger.
pub(super) fn destination(page: ObjectId, paper_mm: (f64, f64), scale: f64, y: f64) -> Object {
    Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        Object::Integer(((paper_mm.1 - y) * PT * scale + 4.0).ceil() as i64),
        Object::Null,
    ])
}

/// The outline (bookmarks) of the document's contents ([`Document::contents`]): the sections,
/// each with its subsections and questions, at the page and height where their headings were
/// drawn; shown when the file opens.
///
/// [`Document::contents`]: crate::Document::contents
pub(super) fn add(
    doc: &mut Document,
    pages: &BTreeMap<u32, ObjectId>,
    f: &Finish<'_>,
) -> Result<(), PostError> {
    let drawn: BTreeMap<&str, &AnchorMark> = f.anchors.iter().map(|a| (a.id.as_str(), a)).collect();
    // The entries in order, each a heading that was drawn, with its children's places.
    let mut marks: Vec<(&str, &AnchorMark)> = Vec::new();
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for entry in f.contents {
        let Some(mark) = drawn.get(entry.anchor) else {
            continue;
        };
        let parent = marks.len();
        marks.push((&entry.title, mark));
        let mut children = Vec::new();
        for child in &entry.children {
            if let Some(mark) = drawn.get(child.anchor) {
                children.push(marks.len());
                marks.push((&child.title, mark));
            }
        }
        tree.push((parent, children));
    }
    if marks.is_empty() {
        return Ok(());
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| doc.new_object_id()).collect();
    let entry = |i: usize,
                 parent: ObjectId,
                 prev: Option<usize>,
                 next: Option<usize>,
                 children: &[usize]| {
        let (title, mark) = marks[i];
        let mut d = Dictionary::new();
        // A bookmark never wraps, so the no-break space after a section's number (which
        // PDFDocEncoding lacks) is a plain one there.
        d.set("Title", text_string(&title.replace('\u{a0}', " ")));
        d.set("Parent", Object::Reference(parent));
        if let Some(p) = prev {
            d.set("Prev", Object::Reference(ids[p]));
        }
        if let Some(n) = next {
            d.set("Next", Object::Reference(ids[n]));
        }
        if let (Some(first), Some(last)) = (children.first(), children.last()) {
            d.set("First", Object::Reference(ids[*first]));
            d.set("Last", Object::Reference(ids[*last]));
            // Negative: closed, so the outline opens showing the sections.
            d.set("Count", Object::Integer(-(children.len() as i64)));
        }
        let page = pages.get(&(mark.page as u32)).copied();
        if let Some(page) = page {
            d.set("Dest", destination(page, f.paper_mm, f.scale, mark.y));
        }
        d
    };
    let mut entries = Vec::new();
    for (t, (i, children)) in tree.iter().enumerate() {
        let prev = t.checked_sub(1).map(|p| tree[p].0);
        let next = tree.get(t + 1).map(|n| n.0);
        entries.push((ids[*i], entry(*i, root, prev, next, children)));
        for (c, child) in children.iter().enumerate() {
            let prev = c.checked_sub(1).map(|p| children[p]);
            let next = children.get(c + 1).copied();
            entries.push((ids[*child], entry(*child, ids[*i], prev, next, &[])));
        }
    }
    for (id, d) in entries {
        doc.objects.insert(id, Object::Dictionary(d));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    outlines.set("First", Object::Reference(ids[tree[0].0]));
    outlines.set("Last", Object::Reference(ids[tree[tree.len() - 1].0]));
    outlines.set("Count", Object::Integer(tree.len() as i64));
    doc.objects.insert(root, Object::Dictionary(outlines));
    let catalog = doc.catalog_mut().map_err(err("the catalog"))?;
    catalog.set("Outlines", Object::Reference(root));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    Ok(())
}
