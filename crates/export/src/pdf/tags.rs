//! Tagged PDF (ISO 14289-1, PDF/UA-1): the structure tree and how page content points into it.
//!
//! The handout's elements build the tree as they render. Each element gets a node when the
//! document is built; a node joins the tree, after whatever its parent already holds, the first
//! time something of it is drawn, so the tree's order is the reading order, which is the order
//! of drawing. Every piece of text drawn is either marked content of a node (an MCID) or an
//! artifact: the running footer, rules, leaders, a table header repeated after a page break.
//!
//! The content streams are marked in `post`, from the draws the elements recorded, and
//! `post::structure` turns the tree into the file's `StructTreeRoot`, `ParentTree` and
//! elements.

use crate::semantics::Part;

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
    /// A list of bulleted items (`/ListNumbering /Disc`).
    L,
    /// A list whose items have no marker (`/ListNumbering /None`), such as the key figures.
    LUnmarked,
    /// A list of numbered items: an `L` with `/ListNumbering /Decimal`, so that a reader that
    /// reflows the tags numbers its items.
    LNumbered,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    /// A header cell of a column (`/Scope /Column`).
    TH,
    /// A header cell of a row, the cell that names it (`/Scope /Row`).
    RowHeader,
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
    /// Words inside a block in another language than the document's, with `/Lang`.
    Span,
}

impl Role {
    /// Every role, to find one by its name.
    const ALL: [Role; 25] = [
        Role::Document,
        Role::H1,
        Role::H2,
        Role::H3,
        Role::P,
        Role::L,
        Role::LNumbered,
        Role::LUnmarked,
        Role::LI,
        Role::Lbl,
        Role::LBody,
        Role::Table,
        Role::TR,
        Role::TH,
        Role::RowHeader,
        Role::TD,
        Role::Caption,
        Role::Toc,
        Role::Toci,
        Role::Link,
        Role::Reference,
        Role::BibEntry,
        Role::Figure,
        Role::Div,
        Role::Span,
    ];

    /// The structure type the semantics table gives a part of the document; a part the table
    /// gives none is a `Div`, a group with no meaning of its own.
    pub(super) fn of(part: Part) -> Role {
        let name = part.semantics().pdf;
        Role::ALL
            .into_iter()
            .find(|r| Some(r.name()) == name)
            .unwrap_or(Role::Div)
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L | Role::LNumbered | Role::LUnmarked => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH | Role::RowHeader => "TH",
            Role::TD => "TD",
            Role::Caption => "Caption",
            Role::Toc => "TOC",
            Role::Toci => "TOCI",
            Role::Link => "Link",
            Role::Reference => "Reference",
            Role::BibEntry => "BibEntry",
            Role::Figure => "Figure",
            Role::Div => "Div",
            Role::Span => "Span",
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

/// One element of the tree.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) role: Role,
    pub(super) parent: Option<NodeId>,
    /// What it holds, in reading order.
    pub(super) kids: Vec<Kid>,
    attached: bool,
    /// The alternative text of a figure.
    pub(super) alt: Option<String>,
    /// The language of a part in another language than the document's (`/Lang`).
    pub(super) lang: Option<String>,
}

/// The structure tree of one rendering pass.
#[derive(Debug)]
pub(super) struct Tree {
    /// Every node, the root first.
    pub(super) nodes: Vec<Node>,
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
                lang: None,
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
            lang: None,
        });
        self.nodes.len() - 1
    }

    /// Gives a node (a figure) its alternative text.
    pub(super) fn set_alt(&mut self, id: NodeId, alt: String) {
        self.nodes[id].alt = Some(alt);
    }

    /// Gives a node (a span) its language.
    pub(super) fn set_lang(&mut self, id: NodeId, lang: &str) {
        self.nodes[id].lang = Some(lang.to_owned());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every part the semantics table gives a structure type gets exactly that one.
    #[test]
    fn parts_get_the_structure_type_of_the_table() {
        for part in Part::ALL {
            if let Some(name) = part.semantics().pdf {
                assert_eq!(Role::of(part).name(), name, "{part:?}");
            }
        }
        assert_eq!(Role::of(Part::Contents), Role::Toc);
        assert_eq!(Role::of(Part::Citation), Role::Reference);
    }

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
