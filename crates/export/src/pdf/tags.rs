//! Tagged PDF (ISO 14289-1, PDF/UA-1): the structure tree and how page content points into it.
//!
//! The handout's elements build the tree as they render. Each element gets a node when the
//! document is built; a node joins the tree, after whatever its parent already holds, the first
//! time something of it is drawn, so the tree's order is the reading order, which is the order
//! of drawing. Every piece of text drawn is either marked content of a node (an MCID) or an
//! artifact: the running footer, rules, leaders, a table header repeated after a page break.
//!
//! The content streams are marked in [`super::post`], from the draws the elements recorded;
//! [`write`] turns the tree into the file's `StructTreeRoot`, `ParentTree` and elements.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A node of the structure tree.
pub(super) type NodeId = usize;

/// The root, the `Document` element.
pub(super) const ROOT: NodeId = 0;

/// The standard structure types the handout uses (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Document,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    /// A header cell of a column.
    TH,
    TD,
    Caption,
    Toc,
    Toci,
    Link,
    Reference,
    BibEntry,
    /// A chart, read by its alternative text.
    Figure,
    /// A group of blocks, such as the key figures and each figure in them.
    Div,
}

impl Role {
    pub(super) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Caption => "Caption",
            Role::Toc => "TOC",
            Role::Toci => "TOCI",
            Role::Link => "Link",
            Role::Reference => "Reference",
            Role::BibEntry => "BibEntry",
            Role::Figure => "Figure",
            Role::Div => "Div",
        }
    }
}

/// Why something drawn is not content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Artifact {
    /// The running footer and page numbers.
    Footer,
    /// Rules, borders, leaders and repeated table headers.
    Layout,
}

/// What a drawing operation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Node(NodeId),
    Artifact(Artifact),
}

/// How a recorded draw is marked in the content stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marked {
    /// Marked content with this MCID, tagged with the node's role.
    Content {
        mcid: u32,
        role: Role,
    },
    Artifact(Artifact),
}

/// What a node holds, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kid {
    Node(NodeId),
    /// Marked content on a page (1-based page number).
    Content {
        page: usize,
        mcid: u32,
    },
    /// A link annotation, by its index among the recorded links.
    Annot(usize),
}

#[derive(Debug)]
struct Node {
    role: Role,
    parent: Option<NodeId>,
    kids: Vec<Kid>,
    attached: bool,
    /// The alternative text of a figure.
    alt: Option<String>,
}

/// The structure tree of one rendering pass.
#[derive(Debug)]
pub(super) struct Tree {
    nodes: Vec<Node>,
}

impl Default for Tree {
    fn default() -> Tree {
        Tree {
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                kids: Vec::new(),
                attached: true,
                alt: None,
            }],
        }
    }
}

impl Tree {
    /// A new node under `parent`; it joins the tree when something of it is drawn.
    pub(super) fn add(&mut self, role: Role, parent: NodeId) -> NodeId {
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            kids: Vec::new(),
            attached: false,
            alt: None,
        });
        self.nodes.len() - 1
    }

    /// Gives a node (a figure) its alternative text.
    pub(super) fn set_alt(&mut self, id: NodeId, alt: String) {
        self.nodes[id].alt = Some(alt);
    }

    pub(super) fn role(&self, id: NodeId) -> Role {
        self.nodes[id].role
    }

    /// Puts the node in the tree, after what its parent holds so far, if it is not there yet.
    pub(super) fn attach(&mut self, id: NodeId) {
        let mut chain = Vec::new();
        let mut at = id;
        while !self.nodes[at].attached {
            self.nodes[at].attached = true;
            chain.push(at);
            match self.nodes[at].parent {
                Some(parent) => at = parent,
                None => break,
            }
        }
        // Outermost first, so a parent joins its own parent before its child joins it.
        for &node in chain.iter().rev() {
            if let Some(parent) = self.nodes[node].parent {
                self.nodes[parent].kids.push(Kid::Node(node));
            }
        }
    }

    /// Adds a kid to a node, attaching the node first.
    pub(super) fn push(&mut self, id: NodeId, kid: Kid) {
        self.attach(id);
        self.nodes[id].kids.push(kid);
    }
}

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

impl super::post::Later for Structure<'_> {
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
        if n.role == Role::TH {
            elem.set(
                "A",
                Dictionary::from_iter(vec![
                    ("O", Object::Name(b"Table".to_vec())),
                    ("Scope", Object::Name(b"Column".to_vec())),
                ]),
            );
        }
        if node == ROOT {
            elem.set("T", super::post::text_string(self.title));
        }
        if let Some(alt) = &n.alt {
            elem.set("Alt", super::post::text_string(alt));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_join_in_drawing_order() {
        let mut tree = Tree::default();
        let p = tree.add(Role::P, ROOT);
        let link = tree.add(Role::Link, p);
        let later = tree.add(Role::P, ROOT);
        // The later paragraph is built after the first but drawn first.
        tree.push(later, Kid::Content { page: 1, mcid: 0 });
        tree.push(p, Kid::Content { page: 1, mcid: 1 });
        tree.push(link, Kid::Content { page: 1, mcid: 2 });
        tree.push(p, Kid::Content { page: 2, mcid: 0 });
        assert_eq!(tree.nodes[ROOT].kids, [Kid::Node(later), Kid::Node(p)]);
        assert_eq!(
            tree.nodes[p].kids,
            [
                Kid::Content { page: 1, mcid: 1 },
                Kid::Node(link),
                Kid::Content { page: 2, mcid: 0 }
            ]
        );
    }

    #[test]
    fn a_node_never_drawn_stays_out() {
        let mut tree = Tree::default();
        let table = tree.add(Role::Table, ROOT);
        let _unused = tree.add(Role::TR, table);
        assert!(tree.nodes[ROOT].kids.is_empty());
    }
}
