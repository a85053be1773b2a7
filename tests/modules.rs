//! The modules of each crate import one another without a cycle.
//!
//! Each source file is a module. A path it names (`crate::a::b`, `super::x`, `self::y`) is an
//! edge to the deepest module the path reaches. An edge between a module and its own ancestor
//! or descendant is how Rust nests modules and is allowed; any other edge is counted between
//! the two siblings under their common ancestor, and those sibling edges must not form a cycle.
//! Test modules (`#[cfg(test)]` and after) and comments are not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every module of a crate's `src` folder, by path, with its source.
fn modules(src: &Path) -> BTreeMap<Module, String> {
    fn walk(dir: &Path, src: &Path, out: &mut BTreeMap<Module, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, src, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src).unwrap().with_extension("");
                let mut module: Module = rel.iter().map(|p| p.to_string_lossy().into()).collect();
                if matches!(
                    module.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    module.pop();
                }
                out.insert(module, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, src, &mut out);
    out
}

/// The source without comments and without its tests.
fn code(source: &str) -> String {
    let source = source.split("#[cfg(test)]").next().unwrap_or("");
    source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sibling edges between modules, as described above.
fn edges(src: &Path) -> BTreeSet<(Module, Module)> {
    let modules = modules(src);
    let mut edges = BTreeSet::new();
    for (module, source) in &modules {
        let code = code(source);
        for start in ["crate::", "super::", "self::"] {
            for (at, _) in code.match_indices(start) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: Vec<&str> = code[at..]
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or("")
                    .split("::")
                    .filter(|p| !p.is_empty())
                    .collect();
                let mut target = match path[0] {
                    "crate" => Vec::new(),
                    _ => module.clone(),
                };
                let mut rest = &path[1..];
                if path[0] == "super" {
                    target.pop();
                }
                while let Some((&"super", tail)) = rest.split_first() {
                    target.pop();
                    rest = tail;
                }
                for part in rest {
                    let mut next = target.clone();
                    next.push((*part).to_owned());
                    if !modules.contains_key(&next) {
                        break;
                    }
                    target = next;
                }
                let common = module
                    .iter()
                    .zip(&target)
                    .take_while(|(a, b)| a == b)
                    .count();
                if common < module.len() && common < target.len() {
                    edges.insert((module[..=common].to_vec(), target[..=common].to_vec()));
                }
            }
        }
    }
    edges
}

/// The modules on a cycle, if the edges have one.
fn cycle(edges: &BTreeSet<(Module, Module)>) -> Option<Vec<Module>> {
    let mut graph: BTreeMap<&Module, Vec<&Module>> = BTreeMap::new();
    for (a, b) in edges {
        graph.entry(a).or_default().push(b);
    }
    // Depth-first search with the path on a stack: an edge back into the path is a cycle.
    fn visit<'m>(
        node: &'m Module,
        graph: &BTreeMap<&'m Module, Vec<&'m Module>>,
        path: &mut Vec<&'m Module>,
        done: &mut BTreeSet<&'m Module>,
    ) -> Option<Vec<Module>> {
        if let Some(at) = path.iter().position(|m| *m == node) {
            return Some(path[at..].iter().map(|m| (*m).clone()).collect());
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, &graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_an_import_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for src in ["crates/guide/src", "crates/export/src", "crates/cli/src"] {
        let edges = edges(&root.join(src));
        assert!(edges.len() > 10, "{src}: only {} edges found", edges.len());
        if let Some(cycle) = cycle(&edges) {
            let shown: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            panic!("{src}: the modules {} import each other", shown.join(" → "));
        }
    }
}

#[test]
fn a_cycle_is_found() {
    let dir = crate::util::tempdir();
    let src = dir.path();
    std::fs::create_dir_all(src.join("pdf")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod pdf;\nmod a;\n").unwrap();
    std::fs::write(src.join("a.rs"), "use crate::pdf::tags::Tree;\n").unwrap();
    std::fs::write(
        src.join("pdf/mod.rs"),
        "use crate::a;\nmod tags;\nmod post;\n",
    )
    .unwrap();
    std::fs::write(src.join("pdf/tags.rs"), "fn f() { super::post::g() }\n").unwrap();
    // The comment and the test module are not read; the code is.
    std::fs::write(
        src.join("pdf/post.rs"),
        "// crate::a\nuse super::tags::Tree;\n#[cfg(test)]\nuse crate::a;\n",
    )
    .unwrap();
    let edges = edges(src);
    let pairs: Vec<(String, String)> = edges
        .iter()
        .map(|(a, b)| (a.join("::"), b.join("::")))
        .collect();
    assert_eq!(
        pairs,
        [
            ("a".into(), "pdf".into()),
            ("pdf".into(), "a".into()),
            ("pdf::post".into(), "pdf::tags".into()),
            ("pdf::tags".into(), "pdf::post".into()),
        ]
    );
    let found = cycle(&edges).unwrap();
    assert_eq!(found.len(), 2);
}
