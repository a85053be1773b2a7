//! Editions that inherit: a file of an edition laid over the same file of its base.
//!
//! Each layer's file is parsed on its own, with its spans moved into a region of one shared
//! offset space, so that after the layers are merged every value still says which file, line
//! and column it came from. The rules of the merge:
//!
//! - tables merge key by key, all the way down;
//! - an array of tables whose tables all have an `id` (questions, sources, work settings)
//!   merges table by table by that id: a table with a new id is added at the end;
//! - the figures of `salary-outlook.toml` (`[[pay]]` and `[[outlook]]`) add to the base's,
//!   unless the edition's first table of the list says `replace = true` (the conversion then
//!   lets a figure take the place of the base's one for the same thing);
//! - any other value, other arrays of tables included, replaces the base's.
//!
//! `[translations]` in `guide.toml` then rewrites text that comes from a base: a string that
//! reads exactly like one of its keys becomes the key's value.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::Diagnostic;

/// One layer's file, in the shared offset space.
#[derive(Clone, Copy)]
pub(crate) struct Region<'t> {
    /// Where the file starts in the shared offset space.
    pub(crate) start: usize,
    pub(crate) path: &'t Path,
    pub(crate) text: &'t str,
    /// Which layer the file belongs to, from 0 (the base of all bases) up.
    pub(crate) layer: usize,
}

/// Where the values of one merged file came from.
#[derive(Clone)]
pub(crate) struct Origin<'t> {
    regions: Vec<Region<'t>>,
}

/// Room between regions, so that no span of one file touches the next.
const GAP: usize = 1;

impl<'t> Origin<'t> {
    /// The layers of one file, base first, each given with its layer number.
    pub(crate) fn layered(files: impl IntoIterator<Item = (usize, &'t Path, &'t str)>) -> Self {
        let mut start = 0;
        let regions = files
            .into_iter()
            .map(|(layer, path, text)| {
                let region = Region {
                    start,
                    path,
                    text,
                    layer,
                };
                start += text.len() + GAP;
                region
            })
            .collect();
        Origin { regions }
    }

    pub(crate) fn regions(&self) -> &[Region<'t>] {
        &self.regions
    }

    /// The region an offset falls in.
    pub(crate) fn region(&self, offset: usize) -> Region<'t> {
        let i = self
            .regions
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1);
        self.regions[i]
    }

    /// The file an offset falls in, its text, and the offset within it.
    pub(crate) fn locate(&self, offset: usize) -> (&'t Path, &'t str, usize) {
        let r = self.region(offset);
        (r.path, r.text, offset - r.start)
    }

    /// The file a span falls in, its text, and the span within it.
    pub(crate) fn span(&self, span: Range<usize>) -> (&'t Path, &'t str, Range<usize>) {
        let r = self.region(span.start);
        let end = span.end.saturating_sub(r.start).min(r.text.len());
        (r.path, r.text, span.start - r.start..end)
    }

    /// A problem at an offset.
    pub(crate) fn at_offset(&self, offset: usize, message: String) -> Diagnostic {
        let (path, text, at) = self.locate(offset);
        Diagnostic::at_offset(path, text, at, message)
    }
}

/// Parses one region's file and moves its spans into the region.
pub(crate) fn parse<'t>(region: Region<'t>) -> Result<DeTable<'t>, Diagnostic> {
    match DeTable::parse(region.text) {
        Ok(table) => {
            let mut table = table.into_inner();
            shift_table(&mut table, region.start);
            Ok(table)
        }
        Err(err) => Err(super::toml_errors::syntax_problem(
            region.path,
            region.text,
            &err,
        )),
    }
}

fn shift_span(span: Range<usize>, by: usize) -> Range<usize> {
    span.start + by..span.end + by
}

fn shift_table(table: &mut DeTable<'_>, by: usize) {
    if by == 0 {
        return;
    }
    let old = std::mem::take(table);
    for (key, mut value) in old {
        shift_value(&mut value, by);
        let key = Spanned::new(shift_span(key.span(), by), key.into_inner());
        table.insert(key, value);
    }
}

fn shift_value(value: &mut Spanned<DeValue<'_>>, by: usize) {
    let span = shift_span(value.span(), by);
    let mut inner = std::mem::replace(value.get_mut(), DeValue::Boolean(false));
    match &mut inner {
        DeValue::Table(t) => shift_table(t, by),
        DeValue::Array(a) => {
            for v in a.iter_mut() {
                shift_value(v, by);
            }
        }
        _ => {}
    }
    *value = Spanned::new(span, inner);
}

/// The lists of figures that an edition adds to, in the content file that holds them.
pub(crate) const ADDITIVE: &[(&str, &str)] = &[
    ("salary-outlook.toml", "pay"),
    ("salary-outlook.toml", "outlook"),
];

/// Lays the content file `file`'s table `top` over the base's, by the rules in the module's
/// documentation.
pub(crate) fn merge_file<'t>(base: &mut DeTable<'t>, top: DeTable<'t>, file: &str) {
    for (key, value) in top {
        let name = key.get_ref().as_ref();
        let additive = ADDITIVE.contains(&(file, name));
        match base.get_mut(name) {
            Some(under) if additive && !replaces(&value) => add_to(under, value),
            Some(under) => merge_value(under, value),
            None => {
                base.insert(key, value);
            }
        }
    }
}

/// Lays `top` over `base`, by the rules in the module's documentation.
pub(crate) fn merge<'t>(base: &mut DeTable<'t>, top: DeTable<'t>) {
    for (key, value) in top {
        match base.get_mut(key.get_ref().as_ref()) {
            Some(under) => merge_value(under, value),
            None => {
                base.insert(key, value);
            }
        }
    }
}

/// Settles the lists of figures of a merged content file `file`, once its inherited text is
/// translated: a figure of one layer takes the place of every figure of the layers below it
/// that is of the same thing ([`same_figure`]), at the first one's place. A figure replaced
/// this way is gone before anything reads the file: it is neither converted nor checked for
/// text left in a base's language, nor offered for translation.
pub(crate) fn settle_figures<'t>(table: &mut DeTable<'t>, source: &Origin<'_>, file: &str) {
    for &(_, list) in ADDITIVE.iter().filter(|(f, _)| *f == file) {
        let Some(DeValue::Array(figures)) = table.get_mut(list).map(Spanned::get_mut) else {
            continue;
        };
        // A table keeps the place its file gave it: translation rewrites strings only.
        let layer = |t: &Spanned<DeValue<'_>>| source.region(t.span().start).layer;
        let mut settled: Vec<Option<Spanned<DeValue<'t>>>> = Vec::with_capacity(figures.len());
        for figure in std::mem::replace(figures, toml::de::DeArray::new()) {
            let below: Vec<usize> = settled
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.as_ref().is_some_and(|kept| {
                        layer(kept) < layer(&figure) && same_figure(kept, &figure)
                    })
                })
                .map(|(i, _)| i)
                .collect();
            for &i in &below {
                settled[i] = None;
            }
            match below.first() {
                Some(&first) => settled[first] = Some(figure),
                None => settled.push(Some(figure)),
            }
        }
        *figures = settled.into_iter().flatten().collect();
    }
}

/// Whether two figure tables are of the same thing, so that an edition's takes the place of its
/// base's: the same occupation (by `code` when both have one, so that a translated name still
/// matches, else by name), workplace, area, role, statistic and unit. A projection has no
/// workplace, statistic or unit, so it is the same occupation, area and role.
pub(crate) fn same_figure(a: &Spanned<DeValue<'_>>, b: &Spanned<DeValue<'_>>) -> bool {
    let (DeValue::Table(a), DeValue::Table(b)) = (a.get_ref(), b.get_ref()) else {
        return false;
    };
    fn text<'a>(t: &'a DeTable<'_>, key: &str) -> Option<&'a str> {
        t.get(key).and_then(|v| v.get_ref().as_str())
    }
    let occupation = match (text(a, "code"), text(b, "code")) {
        (Some(x), Some(y)) => x == y,
        _ => text(a, "occupation") == text(b, "occupation"),
    };
    fn role<'a>(t: &'a DeTable<'_>) -> &'a str {
        text(t, "role").unwrap_or("subject")
    }
    occupation
        && ["setting", "statistic", "unit"]
            .iter()
            .all(|key| text(a, key) == text(b, key))
        && role(a) == role(b)
        && same_area(a.get("area"), b.get("area"))
}

/// Whether two figures cover the same place: both the whole country, the same state (by its
/// code, whatever its name in each edition's language), or regions in the same state with the
/// same code when both have one, else the same name.
fn same_area(a: Option<&Spanned<DeValue<'_>>>, b: Option<&Spanned<DeValue<'_>>>) -> bool {
    fn table<'a, 't>(v: Option<&'a Spanned<DeValue<'t>>>) -> Option<&'a DeTable<'t>> {
        match v.map(Spanned::get_ref) {
            Some(DeValue::Table(t)) => Some(t),
            _ => None,
        }
    }
    fn text<'a>(t: &'a DeTable<'_>, key: &str) -> Option<&'a str> {
        t.get(key).and_then(|v| v.get_ref().as_str())
    }
    match (table(a), table(b)) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let region = |t: &DeTable<'_>| t.contains_key("region");
            region(a) == region(b)
                && text(a, "state") == text(b, "state")
                && (!region(a)
                    || match (text(a, "code"), text(b, "code")) {
                        (Some(x), Some(y)) => x == y,
                        _ => text(a, "region") == text(b, "region"),
                    })
        }
        _ => false,
    }
}

/// Whether a list of figures starts with a table that says `replace = true`.
fn replaces(list: &Spanned<DeValue<'_>>) -> bool {
    let DeValue::Array(tables) = list.get_ref() else {
        return false;
    };
    tables.first().is_some_and(|first| match first.get_ref() {
        DeValue::Table(t) => t
            .get("replace")
            .is_some_and(|v| matches!(v.get_ref(), DeValue::Boolean(true))),
        _ => false,
    })
}

/// Adds the tables of the list `over` after those of `under`; anything but two lists is
/// laid over as usual (loading then reports a value of the wrong type).
fn add_to<'t>(under: &mut Spanned<DeValue<'t>>, over: Spanned<DeValue<'t>>) {
    let span = over.span();
    match (under.get_mut(), over.into_inner()) {
        (DeValue::Array(u), DeValue::Array(o)) => {
            for table in o {
                u.push(table);
            }
        }
        (_, o) => *under = Spanned::new(span, o),
    }
}

fn merge_value<'t>(under: &mut Spanned<DeValue<'t>>, over: Spanned<DeValue<'t>>) {
    let span = over.span();
    let over = match (under.get_mut(), over.into_inner()) {
        (DeValue::Table(u), DeValue::Table(o)) => {
            merge(u, o);
            return;
        }
        (DeValue::Array(u), DeValue::Array(o)) if by_id(u) && by_id(&o) => {
            for table in o.into_iter() {
                let id = id_of(&table).map(str::to_owned);
                match u.iter_mut().find(|t| id_of(t).map(str::to_owned) == id) {
                    Some(same) => merge_value(same, table),
                    None => u.push(table),
                }
            }
            return;
        }
        (_, o) => o,
    };
    *under = Spanned::new(span, over);
}

/// Whether an array holds tables that all have a string `id`.
fn by_id(array: &[Spanned<DeValue<'_>>]) -> bool {
    !array.is_empty() && array.iter().all(|t| id_of(t).is_some())
}

fn id_of<'a>(table: &'a Spanned<DeValue<'_>>) -> Option<&'a str> {
    match table.get_ref() {
        DeValue::Table(t) => t.get("id").and_then(|v| v.get_ref().as_str()),
        _ => None,
    }
}

/// One entry of `[translations]`: the text as the base writes it, and this edition's.
pub(crate) struct Translation<'t> {
    pub(crate) from: String,
    pub(crate) from_span: Range<usize>,
    pub(crate) to: Spanned<DeValue<'t>>,
    pub(crate) used: bool,
}

/// The `[translations]` of a merged guide.toml, as far as they are strings (loading reports
/// the rest).
pub(crate) fn translations<'t>(meta: &DeTable<'t>) -> Vec<Translation<'t>> {
    let Some(DeValue::Table(table)) = meta.get("translations").map(Spanned::get_ref) else {
        return Vec::new();
    };
    table
        .iter()
        .filter(|(_, v)| v.get_ref().is_str())
        .map(|(k, v)| Translation {
            from: k.get_ref().to_string(),
            from_span: k.span(),
            to: v.clone(),
            used: false,
        })
        .collect()
}

/// Rewrites every string of `table` (of the content file `file`) that comes from a layer
/// below `top` and reads like a translation's key; the strings under [`kept`] keys stay as
/// they are, whatever they read.
pub(crate) fn translate<'t>(
    table: &mut DeTable<'t>,
    source: &Origin<'_>,
    top: usize,
    translations: &mut [Translation<'t>],
    file: &str,
) {
    if translations.is_empty() {
        return;
    }
    for (key, value) in table.iter_mut() {
        if !kept(file, key.get_ref()) {
            translate_value(value, source, top, translations, file);
        }
    }
}

fn translate_value<'t>(
    value: &mut Spanned<DeValue<'t>>,
    source: &Origin<'_>,
    top: usize,
    translations: &mut [Translation<'t>],
    file: &str,
) {
    let inherited = source.region(value.span().start).layer < top;
    match value.get_mut() {
        DeValue::Table(t) => translate(t, source, top, translations, file),
        DeValue::Array(a) => {
            for v in a.iter_mut() {
                translate_value(v, source, top, translations, file);
            }
        }
        DeValue::String(s) if inherited => {
            if let Some(t) = translations.iter_mut().find(|t| t.from == s.as_ref()) {
                t.used = true;
                *value = t.to.clone();
            }
        }
        _ => {}
    }
}

/// The keys whose inherited text may stay in the base's language: ids, codes, dates,
/// addresses and kinds, and the proper names of the works cited, the boards and their
/// credentials.
pub(crate) const KEPT_KEYS: &[&str] = &[
    "id",
    "slug",
    "code",
    "system",
    "source",
    "currency",
    "unit",
    "statistic",
    "period",
    "entry_education",
    "url",
    "data_date",
    "published",
    "checked",
    "license",
    "edition",
    "language",
    "base",
    "authors",
    "publisher",
    "board",
    "credential",
    "abbreviation",
    "issuer",
    "languages_of_parts",
];

/// Whether the strings under `key` in the content file `file` may stay in the base's language
/// and are never translated: the [`KEPT_KEYS`], the lists of sources a fact cites, the titles
/// of the works cited, the role a pay row plays (`comparison`) and the postal code of the state
/// a figure covers.
pub(crate) fn kept(file: &str, key: &str) -> bool {
    KEPT_KEYS.contains(&key)
        || (key == "sources" && file != "sources.toml")
        || (file == "sources.toml" && key == "title")
        || (file == "salary-outlook.toml" && (key == "role" || key == "state"))
}

/// Every string of `table` under a key that is not [`kept`] that comes from a layer whose
/// language differs from the edition's: (its offset, the text).
pub(crate) fn foreign_text<'a>(
    table: &'a DeTable<'_>,
    source: &Origin<'_>,
    foreign: &dyn Fn(usize) -> bool,
    file: &str,
    out: &mut Vec<(usize, &'a str)>,
) {
    for (key, value) in table {
        if kept(file, key.get_ref()) {
            continue;
        }
        foreign_value(value, source, foreign, file, out);
    }
}

fn foreign_value<'a>(
    value: &'a Spanned<DeValue<'_>>,
    source: &Origin<'_>,
    foreign: &dyn Fn(usize) -> bool,
    file: &str,
    out: &mut Vec<(usize, &'a str)>,
) {
    match value.get_ref() {
        DeValue::Table(t) => foreign_text(t, source, foreign, file, out),
        DeValue::Array(a) => {
            for v in a.iter() {
                foreign_value(v, source, foreign, file, out);
            }
        }
        DeValue::String(s) if foreign(source.region(value.span().start).layer) => {
            out.push((value.span().start, s.as_ref()));
        }
        _ => {}
    }
}
