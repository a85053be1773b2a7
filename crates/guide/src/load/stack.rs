//! The stack of editions an edition stands on: its bases, found and confined to their root.

use std::path::{Path, PathBuf};

use super::*;

/// One edition of a stack of editions: its files and how messages name it.
pub(super) struct Layer {
    pub(super) name: String,
    /// How a message says that something is in this layer: "the built-in `en` edition".
    pub(super) described: String,
    pub(super) files: Files,
}

/// The stack of editions an edition stands on, base first and the edition itself last, and
/// the problems found on the way, and whether every base was found: an unknown base or a loop
/// of bases stops the load, since every file would then seem to be missing.
pub(super) fn resolve(edition: Files, dir: &Path) -> (Vec<Layer>, Vec<Diagnostic>, bool) {
    let mut problems = Vec::new();
    let mut base_problems = Vec::new();
    let mut stack = vec![Layer {
        name: dir.display().to_string(),
        described: format!("the edition {}", dir.display()),
        files: edition,
    }];
    let mut seen: Vec<PathBuf> = vec![dir.to_path_buf()];
    loop {
        let top = stack.last().expect("the edition itself is on the stack");
        problems.extend(top.files.problems.iter().cloned());
        let Some((path, Ok(text))) = top.files.files.get(GUIDE_FILE) else {
            break;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Some((named, span)) = base_of(text) else {
            break;
        };
        let at = |message: String| Diagnostic::at_offset(path, text, span.start, message);
        if stack.len() > 8 {
            base_problems.push(at(
                "this edition stands on more than eight bases; name a base \
                              nearer the built-in guide"
                    .into(),
            ));
            break;
        }
        let next = if let Ok(edition) = BuiltIn::named(&named) {
            (
                format!("{} (built in)", edition.dir),
                format!("the built-in `{}` edition", edition.name),
                Files::from_named(Path::new(edition.dir), edition.named_files()),
                PathBuf::from(edition.dir),
            )
        } else {
            let (Some(from), Some(root)) = (&top.files.dir, &top.files.root) else {
                base_problems.push(at(format!(
                    "`{named}` is not a built-in edition ({}); a base folder can be named only \
                     by an edition read from a folder",
                    crate::edition::names()
                )));
                break;
            };
            let folder = match base_folder(root, from, &named) {
                Ok(folder) => folder,
                Err(why) => {
                    base_problems.push(at(why));
                    break;
                }
            };
            let files = Files::from_dir(&folder, root);
            if !files.unreadable && !files.files.contains_key(GUIDE_FILE) {
                base_problems.push(at(format!(
                    "the base `{named}` is a folder but not an edition: {} holds no \
                     `{GUIDE_FILE}`; name the folder of an edition",
                    folder.display()
                )));
                break;
            }
            let shown = folder.display().to_string();
            let described = format!("the base edition {shown}");
            (shown, described, files, folder)
        };
        let key = std::fs::canonicalize(&next.3).unwrap_or(next.3.clone());
        if seen
            .iter()
            .any(|s| std::fs::canonicalize(s).unwrap_or(s.clone()) == key)
        {
            base_problems.push(at(format!(
                "the base `{named}` leads back to an edition already in the stack; an edition \
                 cannot stand on itself"
            )));
            break;
        }
        seen.push(next.3);
        stack.push(Layer {
            name: next.0,
            described: next.1,
            files: next.2,
        });
    }
    stack.reverse();
    let resolved = base_problems.is_empty();
    problems.extend(base_problems);
    (stack, problems, resolved)
}

/// The folder a base names, from the folder `from` of the edition that names it: a relative
/// path to a folder inside `root`, links resolved. Whether a folder outside `root` exists is
/// not told: the answer is the same for every path outside it.
pub(super) fn base_folder(root: &Path, from: &Path, named: &str) -> Result<PathBuf, String> {
    let outside = || {
        format!(
            "the base `{named}` is neither a built-in edition ({}) nor a folder inside {}, \
             where an edition's base folders must be; name one of them",
            crate::edition::names(),
            root.display()
        )
    };
    let (Ok(real_root), Ok(real_from)) = (root.canonicalize(), from.canonicalize()) else {
        return Err(outside());
    };
    // Where the path leads, lexically: no folder outside the root is looked at.
    let mut lexical = real_from;
    for part in Path::new(named).components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::Normal(name) => lexical.push(name),
            // An absolute path starts again from the top.
            std::path::Component::RootDir | std::path::Component::Prefix(_) => {
                lexical.push(part);
            }
        }
    }
    if !lexical.starts_with(&real_root) {
        return Err(outside());
    }
    let folder = from.join(named);
    if !folder.is_dir() {
        return Err(format!(
            "the base `{named}` is neither a built-in edition ({}) nor a folder ({} does not \
             exist); name one of them",
            crate::edition::names(),
            folder.display()
        ));
    }
    // A link inside the root may still lead out of it.
    match folder.canonicalize() {
        Ok(real) if real.starts_with(&real_root) => Ok(folder),
        _ => Err(outside()),
    }
}

/// The base a guide.toml names, with the span of its value.
pub(super) fn base_of(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let table = toml::de::DeTable::parse(text).ok()?;
    let value = table.get_ref().get("base")?;
    Some((value.get_ref().as_str()?.to_owned(), value.span()))
}
