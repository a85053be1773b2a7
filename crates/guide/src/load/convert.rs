//! Raw structs → typed model, with every check, collecting every problem.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::GUIDE_FILE;
use super::layer::{self, Origin, Translation};
use super::raw::{self, S, Str};
use crate::diag::{Diagnostic, LoadError};
use crate::labels::{Label, Labels, RawLabels};
use crate::model::*;
use crate::prose::Prose;
use crate::review;
use crate::section::SectionId;
use crate::values::{Currency, Id, Money, RefDate, Text, Url, group_digits};

/// A reference to a source id, checked once every source is known. Its place is worked out
/// only if the source turns out to be unknown: finding a line and column means scanning the
/// file, and doing that for every citation of a large file would take quadratic time.
struct SourceRef<'t> {
    id: Id,
    path: &'t Path,
    text: &'t str,
    place: Place,
    /// Whether the source must carry a date: a licensing-state rule rests only on a source
    /// that says when it was written or read.
    needs_date: bool,
}

/// Where a source reference is in its file.
enum Place {
    /// At a byte offset of the file (a typed field's value).
    Offset(usize),
    /// In a prose value whose text starts at `origin`: at the citation of the id.
    Prose { origin: usize, prose: Range<usize> },
}

impl SourceRef<'_> {
    fn diagnostic(&self, message: String) -> Diagnostic {
        match &self.place {
            Place::Offset(offset) => Diagnostic::at_offset(self.path, self.text, *offset, message),
            Place::Prose { origin, prose } => {
                // The id is found in the file's own text, so escapes cannot shift it.
                let prose_text = self.text.get(prose.clone()).unwrap_or("");
                let needle = format!("@{}", self.id);
                let at = prose_text.find(&needle).unwrap_or(0);
                Diagnostic::at_offset(self.path, self.text, origin + at, message)
            }
        }
    }
}

/// The file being converted, and where problems go.
struct Ctx<'a, 't> {
    /// Where the file's values came from.
    src: &'a Origin<'t>,
    problems: &'a mut Vec<Diagnostic>,
    refs: &'a mut Vec<SourceRef<'t>>,
    /// Where figures are, when a review asked.
    figures: Option<&'a mut Figures<'t>>,
}

/// The figures a review looks at.
#[derive(Default)]
struct Figures<'t> {
    /// Typed figures: their date and where it is written.
    dated: Vec<(&'t Path, &'t str, usize, RefDate)>,
    /// Figures stated in prose.
    prose: Vec<ProseSite<'t>>,
}

struct ProseSite<'t> {
    path: &'t Path,
    text: &'t str,
    /// The whole string value, quotes included.
    span: Range<usize>,
    line: usize,
    column: usize,
    figure: review::ProseFigure,
}

impl ProseSite<'_> {
    fn diagnostic(&self, message: String) -> Diagnostic {
        prose_diagnostic(
            self.path,
            self.text,
            self.span.clone(),
            self.line,
            self.column,
            message,
        )
        .warning()
    }
}

/// The content files to convert.
pub(super) enum Input<'t> {
    /// An edition with no base: each file as it is, by name.
    Single(BTreeMap<String, (&'t Path, &'t str)>),
    /// An edition with a base: the files of every layer, merged on reading.
    Layered(Layered<'t>),
}

/// The files of an edition and its bases, in one offset space.
pub(super) struct Layered<'t> {
    source: Origin<'t>,
    /// How messages name each layer, base first.
    names: Vec<String>,
    /// Each layer's language, as its own guide.toml or the nearest base below gives it.
    languages: Vec<String>,
}

impl<'t> Layered<'t> {
    pub(super) fn new(source: Origin<'t>, names: Vec<String>) -> Layered<'t> {
        let mut languages: Vec<String> = Vec::with_capacity(names.len());
        for layer in 0..names.len() {
            let own = source
                .regions()
                .iter()
                .find(|r| r.layer == layer && r.path.file_name().is_some_and(|n| n == GUIDE_FILE))
                .and_then(|r| toml::de::DeTable::parse(r.text).ok())
                .and_then(|t| {
                    t.get_ref()
                        .get("language")
                        .and_then(|v| v.get_ref().as_str().map(str::to_owned))
                });
            let inherited = languages.last().cloned().unwrap_or_default();
            languages.push(own.unwrap_or(inherited));
        }
        Layered {
            source,
            names,
            languages,
        }
    }

    fn top(&self) -> usize {
        self.names.len() - 1
    }

    /// Parses and merges one file's layers, translates what it inherits, and reports text
    /// left in a base's language.
    fn parse<T: DeserializeOwned>(
        &self,
        name: &str,
        problems: &mut Vec<Diagnostic>,
        translations: &mut Vec<Translation<'t>>,
    ) -> Option<T> {
        let regions: Vec<_> = self
            .source
            .regions()
            .iter()
            .filter(|r| r.path.file_name().is_some_and(|n| n == name))
            .copied()
            .collect();
        let top_path = regions.last()?.path;
        let mut merged: Option<toml::de::DeTable<'t>> = None;
        let mut parsed = true;
        for region in regions {
            if region.text.trim().is_empty() {
                continue;
            }
            match layer::parse(region) {
                Ok(table) => match &mut merged {
                    None => merged = Some(table),
                    Some(under) => layer::merge(under, table),
                },
                Err(problem) => {
                    problems.push(problem);
                    parsed = false;
                }
            }
        }
        let mut table = merged.filter(|_| parsed)?;
        if name == GUIDE_FILE {
            *translations = layer::translations(&table);
        } else {
            layer::translate(&mut table, &self.source, self.top(), translations);
        }
        let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        let edition = primary(&self.languages[self.top()]);
        let foreign = |layer: usize| primary(&self.languages[layer]) != edition;
        let mut left = Vec::new();
        layer::foreign_text(&table, &self.source, &foreign, name, &mut left);
        for (offset, _) in left {
            let layer = self.source.region(offset).layer;
            problems.push(self.source.at_offset(
                offset,
                format!(
                    "this text comes from the base {} (`{}`), and this edition is in `{}`; \
                     write it in {}, or give its translation under `[translations]` in \
                     {GUIDE_FILE}",
                    self.names[layer],
                    self.languages[layer],
                    self.languages[self.top()],
                    Path::new(&self.names[self.top()]).join(name).display()
                ),
            ));
        }
        let whole = toml::Spanned::new(0..0, table);
        match T::deserialize(toml::de::Deserializer::from(whole)) {
            Ok(value) => Some(value),
            Err(err) => {
                let message = toml_message(err.message());
                problems.push(match err.span() {
                    Some(span) => self.source.at_offset(span.start, message),
                    None => Diagnostic::file(top_path, message),
                });
                None
            }
        }
    }
}

pub(super) fn build(
    input: &Input<'_>,
    mut problems: Vec<Diagnostic>,
    as_of: Option<RefDate>,
) -> Result<(Guide, Vec<Diagnostic>), LoadError> {
    let mut refs = Vec::new();
    let mut figures = as_of.map(|_| Figures::default());
    let mut translations = Vec::new();
    let singles: Vec<(String, Origin<'_>)> = match input {
        Input::Single(texts) => texts
            .iter()
            .map(|(name, &(path, text))| (name.clone(), Origin::single(path, text)))
            .collect(),
        Input::Layered(_) => Vec::new(),
    };
    let source_of = |name: &str| -> Option<&Origin<'_>> {
        match input {
            Input::Single(_) => singles.iter().find(|(n, _)| n == name).map(|(_, s)| s),
            Input::Layered(layered) => Some(&layered.source),
        }
    };

    macro_rules! section {
        ($name:expr, $raw:ty, $convert:expr) => {{
            let name: String = $name;
            let raw: Option<$raw> = match input {
                Input::Single(texts) => texts
                    .get(&name)
                    .and_then(|&(path, text)| parse_toml(path, text, &mut problems)),
                Input::Layered(layered) => layered.parse(&name, &mut problems, &mut translations),
            };
            raw.and_then(|raw| {
                let src = source_of(&name)?;
                let mut cx = Ctx {
                    src,
                    problems: &mut problems,
                    refs: &mut refs,
                    figures: figures.as_mut(),
                };
                let before = cx.problems.len();
                let value = $convert(&mut cx, raw);
                (cx.problems.len() == before).then_some(value)
            })
        }};
    }

    let meta_labels = section!(GUIDE_FILE.to_owned(), raw::Meta, meta);
    let name = |id: SectionId| id.file_name();
    let definition = section!(name(SectionId::Definition), raw::Definition, definition);
    let responsibilities = section!(
        name(SectionId::Responsibilities),
        raw::Responsibilities,
        responsibilities
    );
    let education = section!(name(SectionId::Education), raw::Education, education);
    let work_settings = section!(
        name(SectionId::WorkSettings),
        raw::WorkSettings,
        work_settings
    );
    let skills = section!(name(SectionId::Skills), raw::Skills, skills);
    let career_path = section!(name(SectionId::CareerPath), raw::CareerPath, career_path);
    let salary_outlook = section!(
        name(SectionId::SalaryOutlook),
        raw::SalaryOutlook,
        salary_outlook
    );
    let challenges_rewards = section!(
        name(SectionId::ChallengesRewards),
        raw::ChallengesRewards,
        challenges_rewards
    );
    let care_team = section!(name(SectionId::CareTeam), raw::CareTeam, care_team);
    let faq = section!(name(SectionId::Faq), raw::Faq, faq);
    let sources = section!(name(SectionId::Sources), raw::Sources, sources);
    if let Input::Layered(layered) = input {
        for t in translations.iter().filter(|t| !t.used) {
            problems.push(layered.source.at_offset(
                t.from_span.start,
                format!(
                    "no text this edition inherits reads `{}`; copy the text from the base \
                     exactly, or remove this translation",
                    t.from
                ),
            ));
        }
    }

    // Citations can only be checked against a sources file that loaded.
    if let Some(sources) = &sources {
        let known: BTreeSet<&Id> = sources.sources.iter().map(|s| &s.id).collect();
        let list = || {
            sources
                .sources
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let undated: BTreeSet<&Id> = sources
            .sources
            .iter()
            .filter(|s| s.date().is_none())
            .map(|s| &s.id)
            .collect();
        for r in refs {
            if r.needs_date && undated.contains(&r.id) {
                problems.push(r.diagnostic(format!(
                    "source `{}` carries no date, and a licensing-state rule must rest on a \
                     dated source; give the source `published = \"YYYY-MM-DD\"` (the date of \
                     the version read) or, for an undated page, `checked = \"YYYY-MM-DD\"` \
                     (the day it was read) in {}",
                    r.id,
                    SectionId::Sources.file_name()
                )));
            }
            if !known.contains(&r.id) {
                problems.push(r.diagnostic(format!(
                    "unknown source `{}`; cite one of the ids in {}: {}",
                    r.id,
                    SectionId::Sources.file_name(),
                    list()
                )));
            }
        }
    }

    // Report file by file in guide order, and within a file from top to bottom.
    let file_rank = |d: &Diagnostic| {
        let name = d.path().file_name().and_then(|n| n.to_str()).unwrap_or("");
        super::file_names()
            .position(|known| known == name)
            .unwrap_or(usize::MAX)
    };
    problems.sort_by_key(|d| (file_rank(d), d.position()));

    match (
        meta_labels,
        definition,
        responsibilities,
        education,
        work_settings,
        skills,
        career_path,
        salary_outlook,
        challenges_rewards,
        care_team,
        faq,
        sources,
    ) {
        (
            Some((meta, labels)),
            Some(definition),
            Some(responsibilities),
            Some(education),
            Some(work_settings),
            Some(skills),
            Some(career_path),
            Some(salary_outlook),
            Some(challenges_rewards),
            Some(care_team),
            Some(faq),
            Some(sources),
        ) if problems.is_empty() => {
            let mut warnings = match (as_of, figures) {
                (Some(as_of), Some(figures)) => review_figures(figures, &sources, as_of),
                _ => Vec::new(),
            };
            warnings.sort_by_key(|d| (file_rank(d), d.position()));
            let guide = Guide {
                meta,
                labels,
                definition,
                responsibilities,
                education,
                work_settings,
                skills,
                career_path,
                salary_outlook,
                challenges_rewards,
                care_team,
                faq,
                sources,
            };
            Ok((guide, warnings))
        }
        _ => {
            debug_assert!(
                !problems.is_empty(),
                "a section failed without a diagnostic"
            );
            Err(LoadError::new(problems))
        }
    }
}

fn parse_toml<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    if text.trim().is_empty() {
        problems.push(Diagnostic::at_offset(
            path,
            text,
            0,
            "this file is empty; it must hold the fields of its section (see the other files \
             of a guide for their form)"
                .into(),
        ));
        return None;
    }
    match toml::from_str(text) {
        Ok(value) => Some(value),
        Err(err) => {
            let message = toml_message(err.message());
            let diagnostic = match err.span() {
                Some(span) => Diagnostic::at_offset(path, text, span.start, message),
                None => Diagnostic::file(path, message),
            };
            // A file that is not content (not TOML at all, or TOML without the keys every
            // file of its kind has) may be anything, a secret included: its place is given,
            // its text is not quoted.
            let is_meta = path.file_name().is_some_and(|n| n == GUIDE_FILE);
            let keys: &[&str] = if is_meta {
                &["slug", "title"]
            } else {
                &["summary"]
            };
            let is_content = match text.parse::<toml::Table>() {
                Ok(table) => keys.iter().any(|k| table.contains_key(*k)),
                // A content file with a typo still has its key lines.
                Err(_) => text.lines().any(|line| {
                    keys.iter().any(|k| {
                        line.strip_prefix(k)
                            .is_some_and(|rest| rest.trim_start().starts_with('='))
                    })
                }),
            };
            problems.push(if is_content {
                diagnostic
            } else {
                diagnostic.without_line()
            });
            None
        }
    }
}

/// An unknown-field message with a long list of the expected keys (the labels have over a
/// hundred) names the nearest key instead of all of them.
fn shorten_expected(message: &str) -> String {
    let Some((head, list)) = message.split_once(", expected one of ") else {
        return message.to_owned();
    };
    let expected: Vec<&str> = list.split(", ").map(|k| k.trim_matches('`')).collect();
    if expected.len() <= 16 {
        return message.to_owned();
    }
    let unknown = head
        .strip_prefix("unknown field `")
        .and_then(|h| h.strip_suffix('`'))
        .unwrap_or("");
    let nearest = expected
        .iter()
        .map(|k| (edit_distance(unknown, k), *k))
        .min()
        .filter(|(d, _)| *d <= 3);
    match nearest {
        Some((_, key)) => format!("{head}; did you mean `{key}`?"),
        None => format!("{head} ({} keys are allowed here)", expected.len()),
    }
}

/// The number of single-character edits that turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Adds what to do to the messages the TOML parser gives.
pub(super) fn toml_message(message: &str) -> String {
    let message = message.trim_end();
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        format!("missing field `{field}`; add `{field} = ...` to this table")
    } else if message.starts_with("unknown field") {
        let message = shorten_expected(message);
        format!(
            "{message}; remove the field or fix its spelling (keys written below a `[[...]]` \
             header belong to that table, so top-level keys go above the first one)"
        )
    } else if message.starts_with("invalid type") {
        let message = message
            .replace("expected i64", "expected a whole number")
            .replace("expected a sequence", "expected a list `[...]`")
            .replace("expected a map", "expected a table");
        format!("{message}; change the value to the expected type")
    } else {
        format!("invalid TOML: {message}")
    }
}

impl Ctx<'_, '_> {
    fn problem(&mut self, span: Range<usize>, message: String) {
        let d = self.src.at_offset(span.start, message);
        self.problems.push(d);
    }

    fn check<T>(
        &mut self,
        value: &Str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        match parse(value.get_ref()) {
            Ok(v) => Some(v),
            Err(message) => {
                self.problem(value.span(), message);
                None
            }
        }
    }

    fn text(&mut self, value: &Str) -> Text {
        self.check(value, Text::parse)
            .unwrap_or_else(Text::placeholder)
    }

    fn opt_text(&mut self, value: &Option<Str>) -> Option<Text> {
        value.as_ref().map(|v| self.text(v))
    }

    fn texts(&mut self, values: &S<Vec<Str>>, what: &str) -> Vec<Text> {
        self.not_empty(values, what);
        values.get_ref().iter().map(|v| self.text(v)).collect()
    }

    fn id(&mut self, value: &Str) -> Id {
        self.check(value, Id::parse).unwrap_or_else(Id::placeholder)
    }

    fn date(&mut self, value: &Str) -> RefDate {
        self.check(value, RefDate::parse)
            .unwrap_or_else(RefDate::placeholder)
    }

    fn opt_date(&mut self, value: &Option<Str>) -> Option<RefDate> {
        value.as_ref().map(|v| self.date(v))
    }

    /// A source id in a typed field: checked for form now, for existence at the end.
    fn source(&mut self, value: &Str) -> Id {
        let id = self.id(value);
        let (path, text, at) = self.src.locate(value.span().start);
        self.refs.push(SourceRef {
            id: id.clone(),
            path,
            text,
            place: Place::Offset(at),
            needs_date: false,
        });
        id
    }

    /// A licensing-state rule: plain text and the dated sources that state it.
    fn state_rule(&mut self, rule: &Option<raw::StateRule>) -> Option<StateRule> {
        let rule = rule.as_ref()?;
        self.not_empty(&rule.sources, "`sources`");
        let sources = rule
            .sources
            .get_ref()
            .iter()
            .map(|s| {
                let id = self.source(s);
                if let Some(r) = self.refs.last_mut() {
                    r.needs_date = true;
                }
                id
            })
            .collect();
        Some(StateRule {
            text: self.text(&rule.text),
            sources,
        })
    }

    fn prose(&mut self, value: &Str) -> Prose {
        let (path, text, span) = self.src.span(value.span());
        let origin = prose_origin(text, span.clone());
        let (prose, errors) = Prose::parse_partial(value.get_ref());
        for e in &errors {
            let d = self.prose_diagnostic(value.span(), e.line(), e.column(), e.message().into());
            self.problems.push(d);
        }
        if let Some(figures) = self.figures.as_deref_mut() {
            let source = value.get_ref();
            for figure in review::prose_figures(&prose, source) {
                let (line, column) = line_column(source, figure.offset);
                figures.prose.push(ProseSite {
                    path,
                    text,
                    span: span.clone(),
                    line,
                    column,
                    figure,
                });
            }
        }
        // Citations are checked even in prose with other problems, so all are reported at once.
        for id in prose.citations() {
            self.refs.push(SourceRef {
                id: id.clone(),
                path,
                text,
                place: Place::Prose {
                    origin,
                    prose: origin..span.end,
                },
                needs_date: false,
            });
        }
        prose
    }

    /// A figure's date: checked, and noted for a review.
    fn figure_date(&mut self, value: &Str) -> RefDate {
        let date = self.date(value);
        self.dated(value.span().start, date);
        date
    }

    fn dated(&mut self, offset: usize, date: RefDate) {
        if let Some(figures) = self.figures.as_deref_mut() {
            let (path, text, at) = self.src.locate(offset);
            figures.dated.push((path, text, at, date));
        }
    }

    fn opt_prose(&mut self, value: &Option<Str>) -> Option<Prose> {
        value.as_ref().map(|v| self.prose(v))
    }

    /// A diagnostic at a line and column of a prose value (the string at `span`).
    fn prose_diagnostic(
        &self,
        span: Range<usize>,
        line: usize,
        column: usize,
        message: String,
    ) -> Diagnostic {
        let (path, text, span) = self.src.span(span);
        prose_diagnostic(path, text, span, line, column, message)
    }

    fn not_empty<T>(&mut self, list: &S<Vec<T>>, what: &str) {
        if list.get_ref().is_empty() {
            self.problem(
                list.span(),
                format!("{what} is empty; add at least one entry"),
            );
        }
    }

    fn items(&mut self, items: &S<Vec<raw::Item>>, what: &str) -> Vec<Item> {
        self.not_empty(items, what);
        items
            .get_ref()
            .iter()
            .map(|item| Item {
                title: self.text(&item.title),
                description: self.prose(&item.description),
            })
            .collect()
    }

    fn unique<'v>(&mut self, ids: impl IntoIterator<Item = &'v Str>, what: &str) {
        let mut seen: BTreeMap<&str, Range<usize>> = BTreeMap::new();
        for id in ids {
            if let Some(first) = seen.get(id.get_ref().as_str()) {
                let (_, text, at) = self.src.locate(first.start);
                let (line, _) = line_column(text, at);
                self.problem(
                    id.span(),
                    format!(
                        "duplicate {what} id `{}`; it is already used on line {line}; give each \
                         {what} its own id",
                        id.get_ref()
                    ),
                );
            } else {
                seen.insert(id.get_ref(), id.span());
            }
        }
    }

    fn int<T: TryFrom<i64> + Default>(
        &mut self,
        value: &S<i64>,
        range: Range<i64>,
        what: &str,
    ) -> T {
        let v = *value.get_ref();
        match T::try_from(v) {
            Ok(t) if range.contains(&v) => t,
            _ => {
                self.problem(
                    value.span(),
                    format!(
                        "{what} `{v}` is out of range; it must be from {} to {}",
                        range.start,
                        range.end - 1
                    ),
                );
                T::default()
            }
        }
    }

    fn role(&mut self, value: &Option<Str>) -> Role {
        match value {
            None => Role::Subject,
            Some(v) => self
                .check(v, |s| match s {
                    "subject" => Ok(Role::Subject),
                    "comparison" => Ok(Role::Comparison),
                    _ => Err(format!(
                        "unknown role `{s}`; use `subject` (the guide's occupation, the default) \
                         or `comparison`"
                    )),
                })
                .unwrap_or(Role::Subject),
        }
    }
}

/// A diagnostic at a line and a character column of the decoded text of the string value at
/// `span` of the file: the place is traced back through the value's escapes (`\n`, `\t`,
/// `\u00e9`, a line-ending backslash) to the characters of the file that produced it.
fn prose_diagnostic(
    path: &Path,
    text: &str,
    span: Range<usize>,
    line: usize,
    column: usize,
    message: String,
) -> Diagnostic {
    let chars = decoded_chars(text, span.clone());
    if chars.is_empty() {
        // An empty value: inside its quotes.
        return Diagnostic::at_offset(path, text, prose_origin(text, span), message);
    }
    let mut at_line = 1;
    let mut at_column = 1;
    let mut offset = chars.last().map_or(span.end, |&(_, at)| at);
    for &(c, at) in &chars {
        if at_line == line && at_column == column {
            offset = at;
            break;
        }
        if c == '\n' {
            if at_line == line {
                // A column past the end of its line: the line's end.
                offset = at;
                break;
            }
            at_line += 1;
            at_column = 1;
        } else {
            at_column += 1;
        }
    }
    Diagnostic::at_offset(path, text, offset, message)
}

/// The decoded characters of the TOML string value at `span` of `text`, each with the byte
/// offset in `text` of what it was written as. A line break written `\r\n` is one `\n`.
fn decoded_chars(text: &str, span: Range<usize>) -> Vec<(char, usize)> {
    let raw = text.get(span.clone()).unwrap_or("");
    let (basic, delimiter) = if raw.starts_with("\"\"\"") {
        (true, 3)
    } else if raw.starts_with("\'\'\'") {
        (false, 3)
    } else if raw.starts_with('"') {
        (true, 1)
    } else if raw.starts_with('\'') {
        (false, 1)
    } else {
        return raw
            .char_indices()
            .map(|(i, c)| (c, span.start + i))
            .collect();
    };
    let end = raw.len().saturating_sub(delimiter).max(delimiter);
    let mut body = raw.get(delimiter..end).unwrap_or("");
    let mut base = span.start + delimiter;
    if delimiter == 3 {
        // A line break right after the opening quotes is not part of the value.
        for skip in ["\r\n", "\n"] {
            if let Some(rest) = body.strip_prefix(skip) {
                body = rest;
                base += skip.len();
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = base + i;
        match c {
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {
                chars.next();
                out.push(('\n', at));
            }
            '\\' if basic => {
                let Some((_, e)) = chars.next() else { break };
                let hex = |n: usize, chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
                    let digits: String = (0..n)
                        .filter_map(|_| chars.next().map(|(_, d)| d))
                        .collect();
                    u32::from_str_radix(&digits, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}')
                };
                let decoded = match e {
                    'b' => '\u{8}',
                    't' => '\t',
                    'n' => '\n',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    'x' => hex(2, &mut chars),
                    'u' => hex(4, &mut chars),
                    'U' => hex(8, &mut chars),
                    w if w.is_whitespace() => {
                        // A line-ending backslash: the break and the white space after it go.
                        while chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                            chars.next();
                        }
                        continue;
                    }
                    other => other,
                };
                out.push((decoded, at));
            }
            c => out.push((c, at)),
        }
    }
    out
}

/// Where the text of a string value starts, past its quotes and a first line break that the
/// TOML format drops from multi-line strings.
fn prose_origin(text: &str, span: Range<usize>) -> usize {
    let raw = text.get(span.clone()).unwrap_or("");
    let mut origin = span.start;
    if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
        origin += 3;
        let rest = &text[origin..];
        if rest.starts_with("\r\n") {
            origin += 2;
        } else if rest.starts_with('\n') {
            origin += 1;
        }
    } else if raw.starts_with('\'') || raw.starts_with('"') {
        origin += 1;
    }
    origin
}

/// The 1-based line and character column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

fn meta(cx: &mut Ctx<'_, '_>, raw: raw::Meta) -> (Meta, Labels) {
    let language = cx.text(&raw.language);
    if !is_language_tag(language.as_str()) && !language.as_str().is_empty() {
        cx.problem(
            raw.language.span(),
            format!("`{language}` is not a language tag; write a BCP 47 tag such as `en-US`"),
        );
    }
    let labels = labels(cx, raw.labels.as_ref(), &raw.language);
    // The base and the translations did their work on reading; here their text is checked.
    if let Some(base) = &raw.base {
        cx.text(base);
    }
    for to in raw.translations.iter().flat_map(|t| t.values()) {
        cx.text(to);
    }
    let meta = Meta {
        slug: cx.id(&raw.slug),
        title: cx.text(&raw.title),
        subtitle: cx.text(&raw.subtitle),
        description: cx.text(&raw.description),
        language,
        edition: cx.date(&raw.edition),
        publisher: cx.text(&raw.publisher),
        authors: cx.texts(&raw.authors, "`authors`"),
        license: cx.text(&raw.license),
    };
    (meta, labels)
}

/// The edition's labels: each one its `[labels]` table gives, else the built-in set's for its
/// language. With no built-in set for the language, every label must be given.
fn labels(cx: &mut Ctx<'_, '_>, own: Option<&S<RawLabels>>, language: &Str) -> Labels {
    let built_in = crate::labels::built_in(language.get_ref()).and_then(|(path, text)| {
        let path = Path::new(path);
        let raw: RawLabels = parse_toml(path, text, cx.problems)?;
        Some((path, text, raw))
    });
    let empty = RawLabels::default();
    let own_entries = own.map_or(&empty, |o| o.get_ref()).entries();
    let base_entries = built_in.as_ref().map(|(_, _, raw)| raw.entries());
    let mut values = Vec::with_capacity(Labels::NAMES.len());
    let mut missing = Vec::new();
    for (i, (name, accepts, value)) in own_entries.into_iter().enumerate() {
        let checked = |text: &str| {
            crate::labels::check_form(name, text)?;
            Label::parse(text, accepts)
        };
        let base_value = base_entries.as_ref().and_then(|b| b[i].2);
        let label = match (value, base_value, &built_in) {
            (Some(v), _, _) => checked(v.get_ref())
                .map_err(|m| cx.problem(v.span(), m))
                .ok(),
            (None, Some(v), Some((path, text, _))) => checked(v.get_ref())
                .map_err(|m| {
                    cx.problems
                        .push(Diagnostic::at_offset(path, text, v.span().start, m));
                })
                .ok(),
            _ => {
                missing.push(name);
                None
            }
        };
        values.push(label.unwrap_or_else(Label::placeholder));
    }
    // A tag that is not one is reported as such; its labels are not asked for as well.
    if !missing.is_empty() && is_language_tag(language.get_ref()) {
        let shown: Vec<String> = missing.iter().take(8).map(|n| format!("`{n}`")).collect();
        let more = match missing.len() {
            n if n > 8 => format!(" and {} more", n - 8),
            _ => String::new(),
        };
        let why = match &built_in {
            Some((path, _, _)) => format!("the built-in set {} lacks them", path.display()),
            None => format!(
                "no label set is built in for `{}` (there are sets for {})",
                language.get_ref(),
                crate::labels::BUILT_IN
                    .iter()
                    .map(|(tag, _, _)| format!("`{tag}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        cx.problem(
            own.map_or(language.span(), |o| o.span()),
            format!(
                "{} labels are missing: {}{more}; {why}, so give each under `[labels]` in \
                 {GUIDE_FILE} (content/labels/en.toml lists them all)",
                missing.len(),
                shown.join(", ")
            ),
        );
    }
    Labels::from_values(values)
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn definition(cx: &mut Ctx<'_, '_>, raw: raw::Definition) -> Definition {
    cx.not_empty(&raw.occupation_codes, "`occupation_codes`");
    Definition {
        summary: cx.prose(&raw.summary),
        body: cx.prose(&raw.body),
        alternate_titles: raw.alternate_titles.iter().map(|t| cx.text(t)).collect(),
        occupation_codes: raw
            .occupation_codes
            .get_ref()
            .iter()
            .map(|c| OccupationCode {
                system: cx.text(&c.system),
                code: cx.text(&c.code),
                title: cx.text(&c.title),
                source: cx.source(&c.source),
            })
            .collect(),
    }
}

fn responsibilities(cx: &mut Ctx<'_, '_>, raw: raw::Responsibilities) -> Responsibilities {
    Responsibilities {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        duties: cx.items(&raw.duties, "`duties`"),
        typical_shift: cx.opt_prose(&raw.typical_shift),
    }
}

fn education(cx: &mut Ctx<'_, '_>, raw: raw::Education) -> Education {
    cx.not_empty(&raw.time_to_qualify, "`time_to_qualify`");
    Education {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        entry_paths: cx.items(&raw.entry_paths, "`entry_paths`"),
        training: cx.prose(&raw.training),
        licensure: cx.prose(&raw.licensure),
        state_licenses: raw
            .state_licenses
            .get_ref()
            .iter()
            .map(|l| StateLicense {
                state: cx.text(&l.state),
                credential: cx.text(&l.credential),
                board: cx.text(&l.board),
                requirements: cx.prose(&l.requirements),
                routes: cx.state_rule(&l.routes),
                exam: cx.state_rule(&l.exam),
                background_check: cx.state_rule(&l.background_check),
                program_length: cx.state_rule(&l.program_length),
                approved_programs: cx.state_rule(&l.approved_programs),
                interim_permit: cx.state_rule(&l.interim_permit),
                endorsement: cx.state_rule(&l.endorsement),
                renewal: cx.state_rule(&l.renewal),
                unlicensed_work: cx.state_rule(&l.unlicensed_work),
            })
            .collect(),
        certifications: raw
            .certifications
            .get_ref()
            .iter()
            .map(|c| Certification {
                name: cx.text(&c.name),
                abbreviation: cx.opt_text(&c.abbreviation),
                issuer: cx.text(&c.issuer),
                description: cx.prose(&c.description),
                levels: c
                    .levels
                    .iter()
                    .map(|l| Item {
                        title: cx.text(&l.title),
                        description: cx.prose(&l.description),
                    })
                    .collect(),
            })
            .collect(),
        continuing_education: cx.prose(&raw.continuing_education),
        time_to_qualify: raw
            .time_to_qualify
            .get_ref()
            .iter()
            .map(|t| TimeToQualify {
                route: cx.text(&t.route),
                duration: cx.text(&t.duration),
                description: cx.prose(&t.description),
            })
            .collect(),
    }
}

fn work_settings(cx: &mut Ctx<'_, '_>, raw: raw::WorkSettings) -> WorkSettings {
    cx.not_empty(&raw.settings, "`settings`");
    cx.unique(
        raw.settings.get_ref().iter().filter_map(|s| s.id.as_ref()),
        "workplace",
    );
    WorkSettings {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        settings: raw
            .settings
            .get_ref()
            .iter()
            .map(|s| WorkSetting {
                id: s.id.as_ref().map(|id| cx.id(id)),
                name: cx.text(&s.name),
                description: cx.prose(&s.description),
                pace: cx.text(&s.pace),
                populations: cx.texts(&s.populations, "`populations`"),
                employment: s
                    .employment
                    .iter()
                    .map(|e| EmploymentShare {
                        occupation: cx.text(&e.occupation),
                        percent: cx.int(&e.percent, 0..101, "the percentage"),
                        period: cx.figure_date(&e.period),
                        source: cx.source(&e.source),
                    })
                    .collect(),
            })
            .collect(),
        schedules: cx.prose(&raw.schedules),
    }
}

fn skills(cx: &mut Ctx<'_, '_>, raw: raw::Skills) -> Skills {
    Skills {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        skills: cx.items(&raw.skills, "`skills`"),
        qualities: cx.items(&raw.qualities, "`qualities`"),
    }
}

fn career_path(cx: &mut Ctx<'_, '_>, raw: raw::CareerPath) -> CareerPath {
    cx.not_empty(&raw.next_roles, "`next_roles`");
    CareerPath {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        next_roles: raw
            .next_roles
            .get_ref()
            .iter()
            .map(|s| CareerStep {
                role: cx.text(&s.role),
                description: cx.prose(&s.description),
                requires: cx.prose(&s.requires),
            })
            .collect(),
    }
}

fn salary_outlook(cx: &mut Ctx<'_, '_>, raw: raw::SalaryOutlook) -> SalaryOutlook {
    cx.not_empty(&raw.pay, "`pay`");
    cx.not_empty(&raw.outlook, "`outlook`");
    SalaryOutlook {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        pay: raw
            .pay
            .get_ref()
            .iter()
            .map(|p| pay_figure(cx, p))
            .collect(),
        pay_factors: cx.prose(&raw.pay_factors),
        benefits: cx.prose(&raw.benefits),
        outlook: raw
            .outlook
            .get_ref()
            .iter()
            .map(|o| outlook_figure(cx, o))
            .collect(),
        outlook_notes: cx.prose(&raw.outlook_notes),
        key_figures: KeyFigureChoice::default(),
    }
    .with_key_figures(cx, raw.key_figures.as_ref())
}

impl SalaryOutlook {
    /// Checks the chosen key figures' occupations, and chooses the rest: each the first of the
    /// guide's own occupations with such a figure.
    fn with_key_figures(
        mut self,
        cx: &mut Ctx<'_, '_>,
        chosen: Option<&raw::KeyFigures>,
    ) -> SalaryOutlook {
        let subject_pay = || {
            self.pay
                .iter()
                .filter(|p| p.role == Role::Subject && p.is_overall_median())
                .map(|p| &p.occupation)
        };
        let pay: Vec<&Text> = self
            .pay
            .iter()
            .filter(|p| p.is_overall_median())
            .map(|p| &p.occupation)
            .collect();
        let outlook = |has: fn(&OutlookFigure) -> bool| -> Vec<&Text> {
            self.outlook
                .iter()
                .filter(|o| has(o))
                .map(|o| &o.occupation)
                .collect()
        };
        let subject = |has: fn(&OutlookFigure) -> bool| {
            self.outlook
                .iter()
                .find(|o| o.role == Role::Subject && has(o))
                .map(|o| o.occupation.clone())
        };
        let growth = outlook(|_| true);
        let openings = outlook(|o| o.openings_per_year.is_some());
        let education = outlook(|o| o.entry_education.is_some());
        let mut pick = |value: Option<&Str>, have: &[&Text], what: &str, default: Option<Text>| {
            let Some(value) = value else {
                return default;
            };
            let name = cx.text(value);
            if have.contains(&&name) {
                return Some(name);
            }
            let list = if have.is_empty() {
                "there is none in this file".to_owned()
            } else {
                let names: Vec<String> = have.iter().map(|n| format!("`{n}`")).collect();
                format!("occupations with one: {}", names.join(", "))
            };
            cx.problem(
                value.span(),
                format!("no {what} for `{name}` in this file; {list}"),
            );
            None
        };
        let chosen = KeyFigureChoice {
            pay: pick(
                chosen.and_then(|c| c.pay.as_ref()),
                &pay,
                "median annual pay across all workplaces",
                subject_pay().next().cloned(),
            ),
            growth: pick(
                chosen.and_then(|c| c.growth.as_ref()),
                &growth,
                "projection",
                subject(|_| true),
            ),
            openings: pick(
                chosen.and_then(|c| c.openings.as_ref()),
                &openings,
                "projection with `openings_per_year`",
                subject(|o| o.openings_per_year.is_some()),
            ),
            education: pick(
                chosen.and_then(|c| c.education.as_ref()),
                &education,
                "projection with `entry_education`",
                subject(|o| o.entry_education.is_some()),
            ),
        };
        self.key_figures = chosen;
        self
    }
}

fn pay_figure(cx: &mut Ctx<'_, '_>, p: &raw::PayFigure) -> PayFigure {
    let currency = cx.check(&p.currency, Currency::parse);
    let cents = match *p.amount.get_ref() {
        raw::Number::Int(i) => u64::try_from(i)
            .ok()
            .and_then(|i| i.checked_mul(100))
            .ok_or_else(|| format!("`{i}` is not a usable amount; write a positive number")),
        raw::Number::Float(f) => Money::cents_from_number(f),
    };
    let cents = cents.unwrap_or_else(|message| {
        cx.problem(p.amount.span(), message);
        0
    });
    PayFigure {
        occupation: cx.text(&p.occupation),
        code: cx.opt_text(&p.code),
        setting: cx.opt_text(&p.setting),
        role: cx.role(&p.role),
        statistic: cx
            .check(&p.statistic, Statistic::parse)
            .unwrap_or(Statistic::Median),
        amount: Money::new(cents, currency.unwrap_or(Currency::Usd)),
        unit: cx.check(&p.unit, PayUnit::parse).unwrap_or(PayUnit::Year),
        period: cx.figure_date(&p.period),
        source: cx.source(&p.source),
        note: cx.opt_text(&p.note),
    }
}

fn outlook_figure(cx: &mut Ctx<'_, '_>, o: &raw::OutlookFigure) -> OutlookFigure {
    let base_year: u16 = cx.int(&o.base_year, 1900..2201, "the year");
    if let Ok(year) = RefDate::parse(&base_year.to_string()) {
        cx.dated(o.base_year.span().start, year);
    }
    let target_year: u16 = cx.int(&o.target_year, 1900..2201, "the year");
    if target_year <= base_year {
        cx.problem(
            o.target_year.span(),
            format!("`target_year` ({target_year}) must come after `base_year` ({base_year})"),
        );
    }
    let jobs = |cx: &mut Ctx<'_, '_>, v: &Option<S<i64>>| {
        v.as_ref()
            .map(|v| cx.int::<u32>(v, 0..1_000_000_000, "the number of jobs"))
    };
    OutlookFigure {
        occupation: cx.text(&o.occupation),
        code: cx.opt_text(&o.code),
        role: cx.role(&o.role),
        base_year,
        target_year,
        base_jobs: jobs(cx, &o.base_jobs),
        target_jobs: jobs(cx, &o.target_jobs),
        change: o
            .change
            .as_ref()
            .map(|v| cx.int(v, -1_000_000_000..1_000_000_000, "the change in jobs")),
        growth_percent: cx.int(&o.growth_percent, -100..1001, "the growth"),
        openings_per_year: jobs(cx, &o.openings_per_year),
        entry_education: o
            .entry_education
            .as_ref()
            .and_then(|e| cx.check(e, EntryEducation::parse)),
        source: cx.source(&o.source),
    }
}

fn challenges_rewards(cx: &mut Ctx<'_, '_>, raw: raw::ChallengesRewards) -> ChallengesRewards {
    ChallengesRewards {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        challenges: cx.items(&raw.challenges, "`challenges`"),
        rewards: cx.items(&raw.rewards, "`rewards`"),
    }
}

fn care_team(cx: &mut Ctx<'_, '_>, raw: raw::CareTeam) -> CareTeam {
    CareTeam {
        summary: cx.prose(&raw.summary),
        body: cx.prose(&raw.body),
        members: cx.items(&raw.members, "`members`"),
        distinctions: raw
            .distinctions
            .iter()
            .map(|item| Item {
                title: cx.text(&item.title),
                description: cx.prose(&item.description),
            })
            .collect(),
    }
}

fn faq(cx: &mut Ctx<'_, '_>, raw: raw::Faq) -> Faq {
    cx.not_empty(&raw.questions, "`questions`");
    cx.unique(raw.questions.get_ref().iter().map(|q| &q.id), "question");
    Faq {
        summary: cx.prose(&raw.summary),
        questions: raw
            .questions
            .get_ref()
            .iter()
            .map(|q| Question {
                id: cx.id(&q.id),
                question: cx.text(&q.question),
                answer: cx.prose(&q.answer),
            })
            .collect(),
    }
}

fn sources(cx: &mut Ctx<'_, '_>, raw: raw::Sources) -> Sources {
    cx.not_empty(&raw.sources, "`sources`");
    cx.unique(raw.sources.get_ref().iter().map(|s| &s.id), "source");
    Sources {
        summary: cx.prose(&raw.summary),
        sources: raw
            .sources
            .get_ref()
            .iter()
            .map(|s| Source {
                id: cx.id(&s.id),
                title: cx.text(&s.title),
                publisher: cx.text(&s.publisher),
                url: cx
                    .check(&s.url, Url::parse)
                    .unwrap_or_else(Url::placeholder),
                data_date: cx.opt_date(&s.data_date),
                published: cx.opt_date(&s.published),
                checked: cx.opt_date(&s.checked),
                note: cx.opt_text(&s.note),
            })
            .collect(),
    }
}

/// The review's warnings: figures that cite nothing, and figures whose data is old. Figures of
/// the same date in one file, or citing the same old source, make one warning, at the first.
fn review_figures(figures: Figures<'_>, sources: &Sources, as_of: RefDate) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let years = review::STALE_AFTER_YEARS;
    // (file, date) → (the first figure of that date in the file, how many figures)
    let mut dated: BTreeMap<(&Path, RefDate), (usize, usize)> = BTreeMap::new();
    for (i, &(path, _, _, date)) in figures.dated.iter().enumerate() {
        dated
            .entry((path, date))
            .and_modify(|(_, n)| *n += 1)
            .or_insert((i, 1));
    }
    for ((path, date), (first, n)) in dated {
        let (_, text, offset, _) = figures.dated[first];
        if review::is_stale(date, as_of) {
            let what = if n == 1 {
                "this figure refers".to_owned()
            } else {
                format!("{n} figures in this file refer")
            };
            let message = format!(
                "{what} to {date}, more than {years} years before {as_of}; look for newer data \
                 from the source and update the figures and their dates"
            );
            warnings.push(Diagnostic::at_offset(path, text, offset, message).warning());
        }
    }
    // source id → (the first figure citing it, how many, its date, how the date is meant)
    let mut old_sources: BTreeMap<&str, (&ProseSite<'_>, usize, RefDate, &str)> = BTreeMap::new();
    for site in &figures.prose {
        if site.figure.citations.is_empty() {
            warnings.push(site.diagnostic(format!(
                "`{}` is a figure, but its paragraph cites no source; add a citation such as \
                 `[@{}]` after the sentence",
                site.figure.text,
                sources.sources.first().map_or("source-id", |s| s.id.as_str())
            )));
            continue;
        }
        for id in &site.figure.citations {
            let Some(source) = sources.get(id) else {
                continue;
            };
            let dated = match (source.data_date, source.published) {
                (Some(date), _) => Some((date, "whose data is from")),
                (None, Some(date)) => Some((date, "published in")),
                (None, None) => None,
            };
            let Some((date, dated)) = dated else {
                continue;
            };
            if review::is_stale(date, as_of) {
                old_sources
                    .entry(source.id.as_str())
                    .and_modify(|(_, n, _, _)| *n += 1)
                    .or_insert((site, 1, date, dated));
            }
        }
    }
    for (id, (site, n, date, dated)) in old_sources {
        let figures = if n == 1 {
            "this figure cites".to_owned()
        } else {
            format!(
                "this figure and {} more cite",
                group_digits(u64::try_from(n - 1).unwrap_or(u64::MAX))
            )
        };
        warnings.push(site.diagnostic(format!(
            "{figures} `{id}`, {dated} {date}, more than {years} years before {as_of}; look for \
             newer data, or say in the text how old the figures are"
        )));
    }
    warnings
}
