//! The state of a conversion: the file being converted, where problems go, the citations to
//! check once every source is known, and the figures a review looks at; and the checks every
//! section's conversion shares.

use super::*;

/// A reference to a source id, checked once every source is known. Its place is worked out
/// only if the source turns out to be unknown: finding a line and column means scanning the
/// file, and doing that for every citation of a large file would take quadratic time.
pub(super) struct SourceRef<'t> {
    pub(super) id: Id,
    pub(super) path: &'t Path,
    pub(super) text: &'t str,
    pub(super) place: Place,
    /// Whether the source must carry a date: a licensing-state rule rests only on a source
    /// that says when it was written or read.
    pub(super) needs_date: bool,
}

/// Where a source reference is in its file.
pub(super) enum Place {
    /// At a byte offset of the file (a typed field's value).
    Offset(usize),
    /// In a prose value whose text starts at `origin`: at the citation of the id.
    Prose { origin: usize, prose: Range<usize> },
}

impl SourceRef<'_> {
    pub(super) fn diagnostic(&self, message: String) -> Diagnostic {
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

/// Where a figure of a list is: the span of its first key, and where its date is written.
pub(super) type FigureAt = (Range<usize>, usize);

/// Where each figure of a list starts, and where its `replace` flag is, if it has one.
pub(super) type Starts = [(usize, Option<usize>)];

/// The file being converted, and where problems go.
pub(super) struct Ctx<'a, 't> {
    /// Where the file's values came from.
    pub(super) src: &'a Origin<'t>,
    pub(super) problems: &'a mut Vec<Diagnostic>,
    pub(super) refs: &'a mut Vec<SourceRef<'t>>,
    /// Where the figures are, for the source map.
    pub(super) figures: &'a mut Figures<'t>,
    /// Each layer's language, base first; the edition's is the last.
    pub(super) languages: &'a [Option<Language>],
    /// The names found in a language other than the edition's.
    pub(super) parts: &'a mut Vec<LanguagePart>,
}

/// Where the figures are: the source map's raw form, borrowing the files.
#[derive(Default)]
pub(crate) struct Figures<'t> {
    /// Typed figures: their date and where it is written.
    pub(crate) dated: Vec<(&'t Path, usize, RefDate)>,
    /// Figures stated in prose.
    pub(crate) prose: Vec<ProseSite<'t>>,
    /// The words of the edition's currency, as its `dollars` label writes them around an
    /// amount (`دولار`, `美元`, `đô la`), which make a number a figure.
    pub(crate) currency: Vec<String>,
}

/// A figure stated in prose, and where.
pub(crate) struct ProseSite<'t> {
    pub(crate) path: &'t Path,
    /// The whole string value, quotes included.
    pub(crate) span: Range<usize>,
    /// The figure's line and column in the prose.
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) figure: crate::figures::ProseFigure,
}

impl Ctx<'_, '_> {
    pub(super) fn problem(&mut self, span: Range<usize>, message: String) {
        let d = self.src.at_offset(span.start, message);
        self.problems.push(d);
    }

    pub(super) fn check<T, E: Into<String>>(
        &mut self,
        value: &Str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match parse(value.get_ref()) {
            Ok(v) => Some(v),
            Err(message) => {
                self.problem(value.span(), message.into());
                None
            }
        }
    }

    pub(super) fn text(&mut self, value: &Str) -> Text {
        self.check(value, Text::parse)
            .unwrap_or_else(Text::placeholder)
    }

    /// The language of the layer whose file wrote the value at `offset`, when it is not the
    /// edition's (in another script of the same language counts as another).
    pub(super) fn foreign_language(&self, offset: usize) -> Option<Language> {
        let edition = self.languages.last()?.as_ref()?;
        let layer = self.src.region(offset).layer;
        let written = self.languages.get(layer)?.as_ref()?;
        (!edition.same_writing(written)).then(|| written.clone())
    }

    /// A proper name (a board, a credential, a publisher): text that an edition may keep as
    /// its base writes it, and that is then in the base's language.
    pub(super) fn name(&mut self, value: &Str) -> Text {
        let text = self.text(value);
        if let Some(language) = self.foreign_language(value.span().start) {
            self.parts.push(LanguagePart {
                text: text.clone(),
                language,
            });
        }
        text
    }

    pub(super) fn opt_text(&mut self, value: &Option<Str>) -> Option<Text> {
        value.as_ref().map(|v| self.text(v))
    }

    pub(super) fn texts(&mut self, values: &S<Vec<Str>>, what: &str) -> Vec<Text> {
        self.not_empty(values, what);
        values.get_ref().iter().map(|v| self.text(v)).collect()
    }

    pub(super) fn id(&mut self, value: &Str) -> Id {
        self.check(value, Id::parse).unwrap_or_else(Id::placeholder)
    }

    pub(super) fn date(&mut self, value: &Str) -> RefDate {
        self.check(value, RefDate::parse)
            .unwrap_or_else(RefDate::placeholder)
    }

    pub(super) fn opt_date(&mut self, value: &Option<Str>) -> Option<RefDate> {
        value.as_ref().map(|v| self.date(v))
    }

    /// A source id in a typed field: checked for form now, for existence at the end.
    pub(super) fn source(&mut self, value: &Str) -> Id {
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
    pub(super) fn state_rule(&mut self, rule: &Option<raw::StateRule>) -> Option<StateRule> {
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

    pub(super) fn prose(&mut self, value: &Str) -> Prose {
        let (path, text, span) = self.src.span(value.span());
        let origin = prose_origin(text, span.clone());
        let (prose, errors) = Prose::parse_partial(value.get_ref());
        for e in &errors {
            let d = self.prose_diagnostic(value.span(), e.line(), e.column(), e.message().into());
            self.problems.push(d);
        }
        let source = value.get_ref();
        for figure in crate::figures::prose_figures(&prose, source, &self.figures.currency) {
            let (line, column) = line_column(source, figure.offset);
            self.figures.prose.push(ProseSite {
                path,
                span: span.clone(),
                line,
                column,
                figure,
            });
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

    /// A figure's date: checked, and noted in the source map.
    pub(super) fn figure_date(&mut self, value: &Str) -> RefDate {
        let date = self.date(value);
        self.dated(value.span().start, date);
        date
    }

    pub(super) fn dated(&mut self, offset: usize, date: RefDate) {
        let (path, _, at) = self.src.locate(offset);
        self.figures.dated.push((path, at, date));
    }

    pub(super) fn opt_prose(&mut self, value: &Option<Str>) -> Option<Prose> {
        value.as_ref().map(|v| self.prose(v))
    }

    /// A diagnostic at a line and column of a prose value (the string at `span`).
    pub(super) fn prose_diagnostic(
        &self,
        span: Range<usize>,
        line: usize,
        column: usize,
        message: String,
    ) -> Diagnostic {
        let (path, text, span) = self.src.span(span);
        prose_diagnostic(path, text, span, line, column, message)
    }

    pub(super) fn not_empty<T>(&mut self, list: &S<Vec<T>>, what: &str) {
        if list.get_ref().is_empty() {
            self.problem(
                list.span(),
                format!("{what} is empty; add at least one entry"),
            );
        }
    }

    pub(super) fn items(&mut self, items: &S<Vec<raw::Item>>, what: &str) -> Vec<Item> {
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

    pub(super) fn unique<'v>(&mut self, ids: impl IntoIterator<Item = &'v Str>, what: &str) {
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

    pub(super) fn int<T: TryFrom<i64> + Default>(
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

    /// Checks the `replace` flags of a list of figures (each given by where it starts): a
    /// flag says that an edition's list replaces its base's, so it belongs on the edition's
    /// first table, in an edition that has a base.
    pub(super) fn replace_flags<'v>(
        &mut self,
        figures: impl IntoIterator<Item = (usize, Option<&'v S<bool>>)>,
        list: &str,
    ) {
        let mut layers_seen = Vec::new();
        for (at, flag) in figures {
            let layer = self.src.region(at).layer;
            let first = !layers_seen.contains(&layer);
            layers_seen.push(layer);
            let Some(flag) = flag else { continue };
            if layer == 0 {
                self.problem(
                    flag.span(),
                    format!(
                        "`replace` lets an edition's `[[{list}]]` tables replace its base's, \
                         and this edition has no base; remove it"
                    ),
                );
            } else if !first {
                self.problem(
                    flag.span(),
                    format!(
                        "`replace` is about the whole `[[{list}]]` list, so it goes on the \
                         first `[[{list}]]` table of this file; move it there"
                    ),
                );
            }
        }
    }

    /// A list of figures with each figure that repeats an earlier one (`repeat`: the same
    /// thing, period and source; `alike` says so) reported and left out. The bases' figures
    /// that an edition's take the place of are gone already (`layer::settle_figures`). Each
    /// figure comes with where its first key and its date are written; the date's key is never
    /// translated, so it is in the file that wrote the figure. When some figure had a value
    /// that did not convert (`converted` is false), figures may look alike for that reason
    /// alone: they are left as they are, the load failing anyway.
    pub(super) fn without_repeats<T>(
        &mut self,
        figures: Vec<(FigureAt, T)>,
        repeat: impl Fn(&T, &T) -> bool,
        (what, alike): (&str, &str),
        converted: bool,
    ) -> Vec<T> {
        let mut kept: Vec<(FigureAt, T)> = Vec::with_capacity(figures.len());
        for (at, figure) in figures {
            let first = kept
                .iter()
                .find(|(_, k)| converted && repeat(k, &figure))
                .map(|(first, _)| self.written_at(first));
            match first {
                Some(first) => {
                    let (_, text, first) = self.src.locate(first);
                    let (line, _) = line_column(text, first);
                    let here = self.written_at(&at);
                    self.problem(
                        here..here,
                        format!(
                            "this {what} repeats the one on line {line}, with the same {alike}; \
                             remove one"
                        ),
                    );
                }
                None => kept.push((at, figure)),
            }
        }
        kept.into_iter().map(|(_, figure)| figure).collect()
    }

    /// Where a figure of a list is written: at its first key, unless a translation moved that
    /// key's text to `guide.toml`, else at its date.
    fn written_at(&self, at: &FigureAt) -> usize {
        let (key, date) = (at.0.start, at.1);
        if self.src.region(key).start == self.src.region(date).start {
            key
        } else {
            date
        }
    }

    pub(super) fn role(&mut self, value: &Option<Str>) -> Role {
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
