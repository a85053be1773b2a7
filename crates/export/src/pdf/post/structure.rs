//! The structure tree, written: its elements, the `ParentTree` that leads from each MCID and
//! link annotation back to its element, and the `StructTreeRoot`.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::pdf::tags::{Kid, NodeId, ROOT, Role, Tree};

/// Enters the structure tree into the document: numbers for its objects, `/StructParents` on
/// every page and `/StructParent` on every link annotation. The objects themselves (the
/// elements, the `ParentTree` that leads from each MCID and annotation back to its element,
/// and the `StructTreeRoot`) are made one at a time as the file is written, through
/// [`Structure`]: a long guide has hundreds of thousands of elements, which as dictionaries
/// would take more memory than the rest of the document.
pub(super) fn write<'a>(
    doc: &mut Document,
    tree: &'a Tree,
    pages: &'a [ObjectId],
    annots: &'a [Option<ObjectId>],
    title: &'a str,
) -> Structure<'a> {
    // An object for every node in the tree, in reading order: numbers that follow one
    // another, from `first`.
    let mut order = Vec::with_capacity(tree.nodes.len());
    let mut stack = vec![ROOT];
    while let Some(node) = stack.pop() {
        order.push(node);
        for kid in tree.nodes[node].kids.iter().rev() {
            if let Kid::Node(child) = kid {
                stack.push(*child);
            }
        }
    }
    let first = doc.max_id + 1;
    let mut ids = vec![(0, 0); tree.nodes.len()];
    for (i, &node) in order.iter().enumerate() {
        ids[node] = (first + i as u32, 0);
    }
    let count = order.len() as u32;
    doc.max_id += count + 2;
    let root = (first + count, 0);
    let parent_tree = (first + count + 1, 0);

    // The ParentTree: for each page, the element of each MCID; then each annotation's.
    let mut by_page: Vec<Vec<Option<ObjectId>>> = vec![Vec::new(); pages.len()];
    let mut annot_parent: BTreeMap<usize, ObjectId> = BTreeMap::new();
    for &node in &order {
        for kid in &tree.nodes[node].kids {
            match *kid {
                Kid::Content { page, mcid } if page >= 1 && page <= pages.len() => {
                    let slots = &mut by_page[page - 1];
                    let at = mcid as usize;
                    if slots.len() <= at {
                        slots.resize(at + 1, None);
                    }
                    slots[at] = Some(ids[node]);
                }
                Kid::Annot(link) if matches!(annots.get(link), Some(Some(_))) => {
                    annot_parent.insert(link, ids[node]);
                }
                _ => {}
            }
        }
    }
    for (i, page) in pages.iter().enumerate() {
        if let Ok(page) = doc.get_dictionary_mut(*page) {
            page.set("StructParents", Object::Integer(i as i64));
        }
    }
    let mut next = pages.len() as i64;
    let mut annot_keys = Vec::with_capacity(annot_parent.len());
    for (&link, &elem) in &annot_parent {
        if let Some(Some(annot)) = annots.get(link)
            && let Ok(a) = doc.get_dictionary_mut(*annot)
        {
            a.set("StructParent", Object::Integer(next));
            annot_keys.push((next, elem));
            next += 1;
        }
    }
    Structure {
        tree,
        pages,
        annots,
        title,
        order,
        ids,
        first,
        root,
        parent_tree,
        by_page,
        annot_keys,
    }
}

/// The structure tree's objects, made when the file is written (see [`write`]).
pub(super) struct Structure<'a> {
    tree: &'a Tree,
    pages: &'a [ObjectId],
    annots: &'a [Option<ObjectId>],
    title: &'a str,
    /// The nodes in the order of their object numbers.
    order: Vec<NodeId>,
    /// Each node's object.
    ids: Vec<ObjectId>,
    first: u32,
    /// The `StructTreeRoot`.
    pub(super) root: ObjectId,
    parent_tree: ObjectId,
    /// The element of each MCID, by page.
    by_page: Vec<Vec<Option<ObjectId>>>,
    /// Each annotation's `/StructParent` key and its `Link` element.
    annot_keys: Vec<(i64, ObjectId)>,
}

impl super::Later for Structure<'_> {
    fn ids(&self) -> impl Iterator<Item = ObjectId> {
        (self.first..=self.parent_tree.0).map(|n| (n, 0))
    }

    fn object(&self, id: ObjectId) -> Object {
        if id == self.root {
            let mut root = Dictionary::new();
            root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
            root.set("K", Object::Reference(self.ids[ROOT]));
            root.set("ParentTree", Object::Reference(self.parent_tree));
            let next = self.pages.len() as i64 + self.annot_keys.len() as i64;
            root.set("ParentTreeNextKey", Object::Integer(next));
            return Object::Dictionary(root);
        }
        if id == self.parent_tree {
            let mut nums = Vec::with_capacity(self.by_page.len() * 2 + self.annot_keys.len() * 2);
            for (i, slots) in self.by_page.iter().enumerate() {
                nums.push(Object::Integer(i as i64));
                nums.push(Object::Array(
                    slots
                        .iter()
                        .map(|s| s.map_or(Object::Null, Object::Reference))
                        .collect(),
                ));
            }
            for &(key, elem) in &self.annot_keys {
                nums.push(Object::Integer(key));
                nums.push(Object::Reference(elem));
            }
            return Object::Dictionary(Dictionary::from_iter(vec![("Nums", Object::Array(nums))]));
        }
        let Some(&node) =
            id.0.checked_sub(self.first)
                .and_then(|i| self.order.get(i as usize))
        else {
            return Object::Null;
        };
        self.element(node)
    }
}

impl Structure<'_> {
    fn element(&self, node: NodeId) -> Object {
        let n = &self.tree.nodes[node];
        let first_page = n.kids.iter().find_map(|k| match k {
            Kid::Content { page, .. } => Some(*page),
            _ => None,
        });
        let mut kids = Vec::with_capacity(n.kids.len());
        for kid in &n.kids {
            match *kid {
                Kid::Node(child) => kids.push(Object::Reference(self.ids[child])),
                Kid::Content { page, mcid } => {
                    let Some(&page_id) = page.checked_sub(1).and_then(|p| self.pages.get(p)) else {
                        continue;
                    };
                    if Some(page) == first_page {
                        kids.push(Object::Integer(i64::from(mcid)));
                    } else {
                        kids.push(Object::Dictionary(Dictionary::from_iter(vec![
                            ("Type", Object::Name(b"MCR".to_vec())),
                            ("Pg", Object::Reference(page_id)),
                            ("MCID", Object::Integer(i64::from(mcid))),
                        ])));
                    }
                }
                Kid::Annot(link) => {
                    if let Some(Some(annot)) = self.annots.get(link) {
                        kids.push(Object::Dictionary(Dictionary::from_iter(vec![
                            ("Type", Object::Name(b"OBJR".to_vec())),
                            ("Obj", Object::Reference(*annot)),
                        ])));
                    }
                }
            }
        }
        // `/Type /StructElem` is optional (ISO 32000-1, table 323) and left out: about 1,500
        // elements in the full guide.
        let mut elem = Dictionary::new();
        elem.set("S", Object::Name(n.role.name().as_bytes().to_vec()));
        let parent = n.parent.map_or(self.root, |p| self.ids[p]);
        elem.set("P", Object::Reference(parent));
        if let Some(page) = first_page
            .and_then(|p| p.checked_sub(1))
            .and_then(|p| self.pages.get(p))
        {
            elem.set("Pg", Object::Reference(*page));
        }
        // Attributes (ISO 32000-1, 14.8.5): a header cell's scope, a list's numbering.
        let attribute = match n.role {
            Role::TH => Some(("Table", "Scope", "Column")),
            Role::RowHeader => Some(("Table", "Scope", "Row")),
            Role::L => Some(("List", "ListNumbering", "Disc")),
            Role::LNumbered => Some(("List", "ListNumbering", "Decimal")),
            Role::LUnmarked => Some(("List", "ListNumbering", "None")),
            _ => None,
        };
        if let Some((owner, key, value)) = attribute {
            elem.set(
                "A",
                Dictionary::from_iter(vec![
                    ("O", Object::Name(owner.as_bytes().to_vec())),
                    (key, Object::Name(value.as_bytes().to_vec())),
                ]),
            );
        }
        if node == ROOT {
            elem.set("T", super::text_string(self.title));
        }
        if let Some(lang) = &n.lang {
            elem.set("Lang", super::text_string(lang));
        }
        if let Some(alt) = &n.alt {
            elem.set("Alt", super::text_string(alt));
        }
        // One kid stands alone; several make an array.
        let kids = match <[Object; 1]>::try_from(kids) {
            Ok([kid]) => kid,
            Err(kids) => Object::Array(kids),
        };
        elem.set("K", kids);
        Object::Dictionary(elem)
    }
}
