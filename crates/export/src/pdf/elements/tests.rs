//! Unit tests of the elements: what each records for the structure tree and the drawing,
//! read from a real rendering pass of the embedded guide.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::compose::Document;
use crate::pdf::layout::Measured;
use crate::pdf::record::Draw;
use crate::pdf::tags::{Artifact, Kid, Marked, Role, Tree};
use crate::pdf::{Fit, Pass, render_pass};
use crate::{Options, Preset};

/// The last pass of a rendering, with its page numbers known, as `to_pdf` makes it.
fn rendered(options: &Options) -> Pass {
    let doc = Document::from_options(mht_guide::guide(), options);
    let contents = options.preset() == Preset::Full;
    let widths = Rc::new(Measured::english());
    let first = render_pass(&doc, options, contents, &widths, Fit::default(), None, None).unwrap();
    let (pages, total) = (first.anchor_pages(), first.pages);
    render_pass(
        &doc,
        options,
        contents,
        &widths,
        Fit::default(),
        Some(&pages),
        Some(total),
    )
    .unwrap()
}

/// The roles of a node's element kids.
fn kid_roles(tree: &Tree, id: usize) -> Vec<Role> {
    tree.nodes[id]
        .kids
        .iter()
        .filter_map(|k| match k {
            Kid::Node(n) => Some(tree.nodes[*n].role),
            _ => None,
        })
        .collect()
}

#[test]
fn every_mark_in_the_drawing_belongs_to_one_element_of_its_role() {
    let pass = rendered(&Options::new());
    let tree = pass.track.tree.borrow();
    // (page, MCID) → the element holding it.
    let mut holder: BTreeMap<(usize, u32), usize> = BTreeMap::new();
    for (id, node) in tree.nodes.iter().enumerate() {
        for kid in &node.kids {
            if let Kid::Content { page, mcid } = kid {
                assert_eq!(
                    holder.insert((*page, *mcid), id),
                    None,
                    "{page}/{mcid} twice"
                );
            }
        }
    }
    let draws = pass.track.draws.borrow();
    assert_eq!(draws.len(), pass.pages);
    let mut drawn = std::collections::BTreeSet::new();
    for (i, page) in draws.iter().enumerate() {
        let mut footer = false;
        for draw in page {
            let how = match draw {
                Draw::Text { marked, .. } => *marked,
                Draw::Path { marked, .. } => *marked,
            };
            match how {
                Marked::Content { mcid, role } => {
                    let id = holder
                        .get(&(i + 1, mcid))
                        .unwrap_or_else(|| panic!("page {}: MCID {mcid} is in no element", i + 1));
                    assert_eq!(tree.nodes[*id].role, role, "page {}: MCID {mcid}", i + 1);
                    drawn.insert((i + 1, mcid));
                }
                Marked::Artifact(Artifact::Footer) => footer = true,
                Marked::Artifact(Artifact::Layout) => {}
            }
        }
        assert!(footer, "page {} has no footer", i + 1);
    }
    let held: std::collections::BTreeSet<_> = holder.into_keys().collect();
    assert_eq!(drawn, held, "an element holds content that was never drawn");
}

#[test]
fn a_table_is_a_caption_and_rows_of_header_and_data_cells() {
    let pass = rendered(&Options::new().with_sections("salary-outlook".parse().unwrap()));
    let tree = pass.track.tree.borrow();
    let tables: Vec<usize> = (0..tree.nodes.len())
        .filter(|&id| tree.nodes[id].role == Role::Table)
        .collect();
    assert!(!tables.is_empty());
    for table in tables {
        let rows = kid_roles(&tree, table);
        assert_eq!(rows.first(), Some(&Role::Caption), "{rows:?}");
        assert!(
            rows[1..].iter().all(|r| *r == Role::TR) && rows.len() > 2,
            "{rows:?}"
        );
        let row_ids: Vec<usize> = tree.nodes[table]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Node(n) if tree.nodes[*n].role == Role::TR => Some(*n),
                _ => None,
            })
            .collect();
        // The header row is all header cells, and every other row is led by the header cell
        // that names it, then a data cell for each other column, as on the web page.
        let header = kid_roles(&tree, row_ids[0]);
        assert!(
            header.len() >= 2 && header.iter().all(|r| *r == Role::TH),
            "{header:?}"
        );
        for &row in &row_ids[1..] {
            let cells = kid_roles(&tree, row);
            assert_eq!(cells.len(), header.len(), "{cells:?}");
            assert_eq!(cells[0], Role::RowHeader, "{cells:?}");
            assert!(cells[1..].iter().all(|r| *r == Role::TD), "{cells:?}");
        }
    }
}

#[test]
fn a_chart_is_a_figure_read_by_its_description_and_drawn_inside_it() {
    let pass = rendered(&Options::new().with_sections("salary-outlook".parse().unwrap()));
    let tree = pass.track.tree.borrow();
    let figures: Vec<usize> = (0..tree.nodes.len())
        .filter(|&id| tree.nodes[id].role == Role::Figure)
        .collect();
    assert!(!figures.is_empty());
    for id in figures {
        let alt = tree.nodes[id].alt.as_deref().unwrap_or("");
        assert!(alt.len() > 40, "a figure without a description: {alt:?}");
        // Its bars are drawn as its own content.
        assert!(
            tree.nodes[id]
                .kids
                .iter()
                .any(|k| matches!(k, Kid::Content { .. })),
            "the figure holds nothing drawn"
        );
    }
}

/// The key figures are a list without markers, named by its caption, with an item for each
/// figure whose body holds its value, label and detail as paragraphs.
#[test]
fn the_key_figures_are_a_captioned_list_of_one_item_a_figure() {
    let pass = rendered(&Options::new().with_preset(Preset::FactSheet));
    let tree = pass.track.tree.borrow();
    let band = (0..tree.nodes.len())
        .find(|&id| tree.nodes[id].role == Role::LUnmarked)
        .expect("the fact sheet has its key figures");
    let kids = kid_roles(&tree, band);
    assert_eq!(kids[0], Role::Caption);
    assert_eq!(kids.len(), 5, "{kids:?}");
    for (i, item) in kids.iter().enumerate().skip(1) {
        assert_eq!(*item, Role::LI);
        let Kid::Node(li) = tree.nodes[band]
            .kids
            .iter()
            .filter(|k| matches!(k, Kid::Node(_)))
            .nth(i)
            .unwrap()
        else {
            unreachable!()
        };
        assert_eq!(kid_roles(&tree, *li), [Role::LBody]);
    }
}

/// The pages a node's drawn content is on, its descendants' included.
fn pages_of(tree: &Tree, id: usize) -> Vec<usize> {
    let mut pages = Vec::new();
    for kid in &tree.nodes[id].kids {
        match kid {
            Kid::Content { page, .. } => pages.push(*page),
            Kid::Node(n) => pages.extend(pages_of(tree, *n)),
            Kid::Annot(_) => {}
        }
    }
    pages.sort_unstable();
    pages.dedup();
    pages
}

/// In large print the key figures are taller than what the title block leaves of the first
/// page: the caption and the first row of figures stay on it, and the rest go on by rows,
/// rather than the whole band leaving the first page half empty.
#[test]
fn key_figures_too_tall_for_the_page_go_on_by_rows() {
    let pass = rendered(
        &Options::new()
            .with_preset(Preset::FactSheet)
            .with_large_print(true),
    );
    let tree = pass.track.tree.borrow();
    let band = (0..tree.nodes.len())
        .find(|&id| tree.nodes[id].role == Role::LUnmarked)
        .unwrap();
    let kids: Vec<usize> = tree.nodes[band]
        .kids
        .iter()
        .filter_map(|k| match k {
            Kid::Node(n) => Some(*n),
            _ => None,
        })
        .collect();
    let pages: Vec<Vec<usize>> = kids.iter().map(|&k| pages_of(&tree, k)).collect();
    // Caption, then four figures two to a row.
    assert_eq!(pages, [vec![1], vec![1], vec![1], vec![2], vec![2]]);
}
