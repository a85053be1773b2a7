//! The compose step: the guide (or a selection of it) as one render-neutral document.
//!
//! Composition decides everything the formats must agree on: which sections appear and in what
//! order, their numbers, headings and anchors, which figures become which tables, and the number
//! each cited source carries. Every format renders a [`Document`]; none decides what a section
//! contains.

use std::collections::BTreeMap;

use mht_guide::{
    Block, Guide, Id, Inline, Item, KeyFigure, Labels, Meta, PayFigure, Prose, Role, SectionId,
    SectionRef, SectionVisitor, Source, Statistic, walk_inlines,
};

use crate::{Options, Preset, Selection};

/// A composed document, ready to render.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Document<'g> {
    /// The guide's metadata.
    pub meta: &'g Meta,
    /// The words the formats add, in the edition's language.
    pub labels: &'g Labels,
    /// The sections, in order, numbered from 1.
    pub sections: Vec<Section<'g>>,
    /// The sources, numbered from 1 in order of first citation; when the selection includes the
    /// sources section, sources nobody cites follow the cited ones.
    pub references: Vec<&'g Source>,
    /// The key figures that lead a fact sheet, under its title, when it shows pay and outlook.
    /// A full document has them at the top of its salary section instead, as a
    /// [`Node::Band`].
    pub band: Option<Band>,
}

/// The key-figure band: a few numbers set large, each with what it is, whom and when it
/// describes, and its source.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Band {
    /// What the band is, for assistive technology and as its heading.
    pub caption: String,
    /// The figures, in reading order.
    pub figures: Vec<BandFigure>,
}

/// One figure of a [`Band`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BandFigure {
    /// The value, as large type shows it: `$42,590`, `+20%`.
    pub value: String,
    /// What the value is: `Median pay a year`.
    pub label: String,
    /// Whom and when it describes: `Psychiatric technicians, May 2024`.
    pub detail: String,
    /// Its source.
    pub source: Id,
}

impl BandFigure {
    /// Whether the value is words rather than a number (`Postsecondary certificate`), which
    /// every format sets smaller than a number so that its words stay whole.
    pub fn in_words(&self) -> bool {
        self.value.chars().count() > 10
    }
}

impl Band {
    /// The band of a guide's key figures; `None` when it has none.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "unstable-ir")] {
    /// let guide = mht_guide::guide();
    /// let band = mht_guide_export::Band::of(&guide.salary_outlook, &guide.labels).unwrap();
    /// assert_eq!(band.figures[0].value, "$42,590");
    /// assert_eq!(band.figures[0].detail, "Psychiatric technicians, May 2024");
    /// # }
    /// ```
    pub fn of(s: &mht_guide::SalaryOutlook, labels: &Labels) -> Option<Band> {
        let figures: Vec<BandFigure> = s
            .key_figures()
            .into_iter()
            .filter_map(|figure| {
                let (value, label, when) = match figure {
                    KeyFigure::MedianPay(p) => (
                        labels.money(&p.amount),
                        &labels.key_median_pay,
                        labels.date(p.period),
                    ),
                    KeyFigure::Growth(o) => (
                        labels.growth(o.growth_percent.into()),
                        &labels.key_growth,
                        labels.years(o.base_year, o.target_year),
                    ),
                    KeyFigure::Openings(o) => (
                        labels.number(u64::from(o.openings_per_year?)),
                        &labels.key_openings,
                        labels
                            .key_average
                            .fill(&[("years", &labels.years(o.base_year, o.target_year))]),
                    ),
                    KeyFigure::EntryEducation(o) => (
                        labels.education(o.entry_education?).to_owned(),
                        &labels.key_entry_education,
                        o.base_year.to_string(),
                    ),
                    _ => return None,
                };
                Some(BandFigure {
                    value,
                    label: label.to_string(),
                    detail: labels.key_detail.fill(&[
                        ("occupation", figure.occupation().as_str()),
                        ("when", &when),
                    ]),
                    source: figure.source().clone(),
                })
            })
            .collect();
        (!figures.is_empty()).then(|| Band {
            caption: labels.key_figures.to_string(),
            figures,
        })
    }
}

/// One composed section.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Section<'g> {
    /// Which section this is.
    pub id: SectionId,
    /// Its number in this document, from 1.
    pub number: usize,
    /// Its heading.
    pub title: &'g str,
    /// A stable anchor (the section id).
    pub anchor: String,
    /// The section's one- or two-sentence summary.
    pub summary: &'g Prose,
    /// The content, in order.
    pub nodes: Vec<Node<'g>>,
}

/// A piece of a composed section.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Node<'g> {
    /// Prose from the content, optionally led by a label such as "What it takes".
    Prose {
        /// A label that leads the first paragraph.
        label: Option<&'g str>,
        /// The prose.
        blocks: &'g [Block],
    },
    /// A subheading inside a section.
    Subheading {
        /// Its text.
        title: &'g str,
        /// A stable anchor, unique in the document.
        anchor: String,
    },
    /// Titled entries, each with its own content: duties, skills, settings and the like.
    Entries(Vec<Entry<'g>>),
    /// Short labeled facts, such as the pace of a workplace.
    Fields(Vec<(&'g str, String)>),
    /// A plain bullet list of short texts.
    Bullets(Vec<&'g str>),
    /// A table of figures.
    Table(Table),
    /// A frequently asked question and its answer.
    Question {
        /// A stable anchor, unique in the document.
        anchor: String,
        /// The question.
        question: &'g str,
        /// The answer.
        answer: &'g [Block],
    },
    /// The numbered list of [`Document::references`].
    References,
    /// A chart of figures that a table beside it also gives.
    Chart(crate::Chart),
    /// The key figures, set large.
    Band(Band),
}

/// A titled entry.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Entry<'g> {
    /// The entry's title.
    pub title: String,
    /// Its content.
    pub nodes: Vec<Node<'g>>,
}

/// An entry set with a run-in heading: the title, then the first paragraph on the same line.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct RunIn<'e, 'g> {
    /// The title as a run-in heading, ending in a period unless it already ends in punctuation.
    pub heading: &'e str,
    /// Whether `heading` needs a period added.
    pub add_period: bool,
    /// The first paragraph, when the entry starts with plain prose.
    pub lead: Option<&'g [Inline]>,
    /// The rest of that first prose node.
    pub more: &'g [Block],
    /// The entry's other nodes.
    pub rest: &'e [Node<'g>],
}

impl<'g> Entry<'g> {
    /// The entry split for a run-in heading; every format sets entries this way.
    pub fn run_in(&self) -> RunIn<'_, 'g> {
        let heading = self.title.as_str();
        let add_period = !heading.ends_with(['.', '?', '!', ':']);
        if let Some((
            Node::Prose {
                label: None,
                blocks,
            },
            rest,
        )) = self.nodes.split_first()
            && let Some((Block::Paragraph(lead), more)) = blocks.split_first()
        {
            return RunIn {
                heading,
                add_period,
                lead: Some(lead),
                more,
                rest,
            };
        }
        RunIn {
            heading,
            add_period,
            lead: None,
            more: &[],
            rest: &self.nodes,
        }
    }
}

/// What a reference list says about a source after its title: the date its data describes,
/// when it was published, and its note, as sentences (`Data for May 2024. Published ...`).
pub fn source_details(source: &Source, labels: &Labels) -> String {
    let mut details = Vec::new();
    let dated = [
        (source.data_date, &labels.source_data_date),
        (source.published, &labels.source_published),
        (source.checked, &labels.source_checked),
    ];
    for (date, label) in dated {
        if let Some(date) = date {
            details.push(label.fill(&[("date", &labels.date(date))]));
        }
    }
    if let Some(note) = &source.note {
        details.push(note.to_string());
    }
    details.join(" ")
}

/// A table of figures.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Table {
    /// What the table shows, including the period when all rows share it.
    pub caption: String,
    /// The column headings.
    pub header: Vec<String>,
    /// The rows; each has as many cells as the header. The first cell names the row.
    pub rows: Vec<Vec<Cell>>,
    /// Remarks printed under the table.
    pub notes: Vec<String>,
}

/// A table cell: text and the sources it cites.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Cell {
    /// The text.
    pub text: String,
    /// The sources the cell cites.
    pub citations: Vec<Id>,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            citations: Vec::new(),
        }
    }

    fn cites(ids: Vec<Id>) -> Cell {
        Cell {
            text: String::new(),
            citations: ids,
        }
    }
}

/// The placeholder for a figure that was not published.
pub const NOT_PUBLISHED: &str = "–";

impl<'g> Document<'g> {
    /// The language the document is written in, which every format declares (`lang`,
    /// `xml:lang`, `/Lang`, `dc:language`); its `direction()` is the text's.
    pub fn language(&self) -> &'g mht_guide::Language {
        &self.meta.language
    }

    /// Composes the selected sections of a guide.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "unstable-ir")] {
    /// use mht_guide::SectionId;
    /// use mht_guide_export::{Document, Selection};
    ///
    /// let guide = mht_guide::guide();
    /// let doc = Document::compose(guide, &Selection::only([SectionId::Faq]));
    /// // The sources the FAQ cites follow it in a sources section of their own.
    /// let ids: Vec<_> = doc.sections.iter().map(|s| s.id).collect();
    /// assert_eq!(ids, [SectionId::Faq, SectionId::Sources]);
    /// assert!(!doc.references.is_empty());
    /// # }
    /// ```
    pub fn compose(guide: &'g Guide, selection: &Selection) -> Document<'g> {
        Document::assemble(guide, selection, compose_section, true, None)
    }

    /// Composes what the options ask for: their selection, in the form their preset gives.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "unstable-ir")] {
    /// use mht_guide_export::{Document, Node, Options, Preset};
    ///
    /// let guide = mht_guide::guide();
    /// let sheet = Document::from_options(guide, &Options::new().with_preset(Preset::FactSheet));
    /// // A fact sheet gives each section its summary.
    /// assert!(matches!(sheet.sections[0].nodes[0], Node::Prose { .. }));
    /// # }
    /// ```
    pub fn from_options(guide: &'g Guide, options: &Options) -> Document<'g> {
        match options.preset() {
            Preset::FactSheet => {
                // The FAQ's summary says nothing on a fact sheet; its answers need the full
                // guide. Unless it is all that was asked for, it is left out.
                let selection = options.sections();
                let only_faq = selection.ids().all(|id| id == SectionId::Faq);
                let sheet = Selection::only(
                    selection
                        .ids()
                        .filter(|&id| only_faq || id != SectionId::Faq),
                );
                let band = sheet
                    .contains(SectionId::SalaryOutlook)
                    .then(|| Band::of(&guide.salary_outlook, &guide.labels))
                    .flatten();
                Document::assemble(guide, &sheet, fact_sheet_section, false, band)
            }
            _ => Document::compose(guide, options.sections()),
        }
    }

    /// Composes the selected sections and numbers the sources they cite. With
    /// `all_sources`, a selected sources section also lists the sources nobody cites.
    fn assemble(
        guide: &'g Guide,
        selection: &Selection,
        compose: fn(SectionRef<'g>, &'g Labels) -> Section<'g>,
        all_sources: bool,
        band: Option<Band>,
    ) -> Document<'g> {
        let mut sections: Vec<Section<'g>> = selection
            .ids()
            .filter(|&id| id != SectionId::Sources)
            .map(|id| compose(guide.section(id), &guide.labels))
            .collect();

        let mut references: Vec<&'g Source> = Vec::new();
        // The band is read first, under the title.
        let band_citations = band
            .iter()
            .flat_map(|b| b.figures.iter().map(|f| &f.source));
        let cited: Vec<&Id> = band_citations
            .chain(sections.iter().flat_map(section_citations))
            .collect();
        for id in cited {
            let source = guide
                .sources
                .get(id)
                .expect("the loader checks that every citation names a source");
            if !references.iter().any(|r| r.id == source.id) {
                references.push(source);
            }
        }
        if all_sources && selection.contains(SectionId::Sources) {
            for source in &guide.sources.sources {
                if !references.iter().any(|r| r.id == source.id) {
                    references.push(source);
                }
            }
        }
        if !references.is_empty() {
            sections.push(compose_section(
                guide.section(SectionId::Sources),
                &guide.labels,
            ));
        }
        for (i, section) in sections.iter_mut().enumerate() {
            section.number = i + 1;
        }
        Document {
            meta: &guide.meta,
            labels: &guide.labels,
            sections,
            references,
            band,
        }
    }

    /// The number (from 1) a source carries in this document.
    pub fn reference_number(&self, id: &Id) -> Option<usize> {
        self.references
            .iter()
            .position(|s| &s.id == id)
            .map(|i| i + 1)
    }
}

/// An entry of a document's table of contents: a section, or a subsection or question in it.
///
/// Every format's navigation comes from [`Document::contents`]: the HTML contents, the EPUB
/// navigation document and the PDF outline hold the same entries in the same order.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ContentsEntry<'d> {
    /// The heading as the contents give it; a section's carries its number.
    pub title: String,
    /// The heading's anchor.
    pub anchor: &'d str,
    /// A section's subsections and questions, in order; empty below that.
    pub children: Vec<ContentsEntry<'d>>,
}

impl Document<'_> {
    /// The table of contents: every section, with its subsections and its questions.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "unstable-ir")] {
    /// use mht_guide_export::{Document, Options, Preset};
    ///
    /// let guide = mht_guide::guide();
    /// let doc = Document::from_options(guide, &Options::new());
    /// let contents = doc.contents();
    /// assert_eq!(contents.len(), doc.sections.len());
    /// let faq = contents.iter().find(|e| e.anchor == "faq").unwrap();
    /// assert_eq!(faq.children.len(), guide.faq.questions.len());
    /// # }
    /// ```
    pub fn contents(&self) -> Vec<ContentsEntry<'_>> {
        fn headings<'d>(nodes: &'d [Node<'_>], out: &mut Vec<ContentsEntry<'d>>) {
            for node in nodes {
                match node {
                    Node::Subheading { title, anchor } => out.push(ContentsEntry {
                        title: (*title).to_owned(),
                        anchor,
                        children: Vec::new(),
                    }),
                    Node::Question {
                        anchor, question, ..
                    } => out.push(ContentsEntry {
                        title: (*question).to_owned(),
                        anchor,
                        children: Vec::new(),
                    }),
                    Node::Entries(entries) => {
                        for entry in entries {
                            headings(&entry.nodes, out);
                        }
                    }
                    _ => {}
                }
            }
        }
        self.sections
            .iter()
            .map(|section| {
                let mut children = Vec::new();
                headings(&section.nodes, &mut children);
                ContentsEntry {
                    title: section.heading(),
                    anchor: &section.anchor,
                    children,
                }
            })
            .collect()
    }
}

impl Section<'_> {
    /// The section's heading with its number, as every format sets it: "3. Education and
    /// licensure" (with a no-break space after the number).
    pub fn heading(&self) -> String {
        format!("{}.\u{a0}{}", self.number, self.title)
    }
}

/// Every source id a composed section cites, in reading order.
fn section_citations<'a>(section: &'a Section<'_>) -> Vec<&'a Id> {
    fn nodes<'a>(list: &'a [Node<'_>], out: &mut Vec<&'a Id>) {
        for node in list {
            match node {
                Node::Prose { blocks, .. } | Node::Question { answer: blocks, .. } => {
                    walk_inlines(blocks, &mut |inline| {
                        if let mht_guide::Inline::Citation(ids) = inline {
                            out.extend(ids);
                        }
                    });
                }
                Node::Entries(entries) => {
                    for entry in entries {
                        nodes(&entry.nodes, out);
                    }
                }
                Node::Table(table) => {
                    for row in &table.rows {
                        for cell in row {
                            out.extend(&cell.citations);
                        }
                    }
                }
                Node::Chart(chart) => out.extend(&chart.sources),
                Node::Band(band) => out.extend(band.figures.iter().map(|f| &f.source)),
                Node::Subheading { .. } | Node::Fields(_) | Node::Bullets(_) | Node::References => {
                }
            }
        }
    }
    let mut out = Vec::new();
    nodes(&section.nodes, &mut out);
    out
}

fn prose(p: &Prose) -> Node<'_> {
    Node::Prose {
        label: None,
        blocks: p.blocks(),
    }
}

fn labeled<'g>(label: &'g str, p: &'g Prose) -> Node<'g> {
    Node::Prose {
        label: Some(label),
        blocks: p.blocks(),
    }
}

/// A subheading, with an anchor made of the section's id and `key`, the same in every language.
fn sub<'g>(section: SectionId, title: &'g mht_guide::Label, key: &str) -> Node<'g> {
    Node::Subheading {
        title: title.as_str(),
        anchor: format!("{}-{key}", section.id()),
    }
}

fn items(list: &[Item]) -> Node<'_> {
    Node::Entries(
        list.iter()
            .map(|item| Entry {
                title: item.title.to_string(),
                nodes: vec![prose(&item.description)],
            })
            .collect(),
    )
}

/// A section in full: every field of it, in reading order.
fn compose_section<'g>(section: SectionRef<'g>, l: &'g Labels) -> Section<'g> {
    let nodes = section.visit(&mut Full { l });
    section_of(section, l, nodes)
}

/// A composed section of these nodes, not yet numbered.
fn section_of<'g>(section: SectionRef<'g>, l: &'g Labels, nodes: Vec<Node<'g>>) -> Section<'g> {
    let id = section.id();
    Section {
        id,
        number: 0,
        title: l.section(id),
        anchor: id.id().to_owned(),
        summary: section.summary(),
        nodes,
    }
}

/// Composes each section in full, one method a section: a section added to the guide does not
/// compile until it has its method here.
struct Full<'g> {
    l: &'g Labels,
}

impl<'g> SectionVisitor<'g> for Full<'g> {
    type Output = Vec<Node<'g>>;

    fn definition(&mut self, s: &'g mht_guide::Definition) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Definition;
        let mut nodes = vec![prose(&s.body)];
        if !s.alternate_titles.is_empty() {
            nodes.push(sub(id, &l.other_job_titles, "other-job-titles"));
            nodes.push(Node::Bullets(
                s.alternate_titles.iter().map(|t| t.as_str()).collect(),
            ));
        }
        nodes.push(Node::Table(Table {
            caption: l.occupation_codes.to_string(),
            header: vec![
                l.occupation.to_string(),
                l.system.to_string(),
                l.code.to_string(),
                l.source.to_string(),
            ],
            rows: s
                .occupation_codes
                .iter()
                .map(|c| {
                    vec![
                        Cell::text(c.title.as_str()),
                        Cell::text(c.system.as_str()),
                        Cell::text(c.code.as_str()),
                        Cell::cites(vec![c.source.clone()]),
                    ]
                })
                .collect(),
            notes: Vec::new(),
        }));
        nodes
    }

    fn responsibilities(&mut self, s: &'g mht_guide::Responsibilities) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Responsibilities;
        let mut nodes = vec![prose(&s.intro), items(&s.duties)];
        if let Some(shift) = &s.typical_shift {
            nodes.push(sub(id, &l.typical_shift, "a-typical-shift"));
            nodes.push(prose(shift));
        }
        nodes
    }

    fn education(&mut self, s: &'g mht_guide::Education) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Education;
        let mut nodes = vec![
            prose(&s.intro),
            sub(id, &l.ways_into_the_job, "ways-into-the-job"),
            items(&s.entry_paths),
            sub(id, &l.training, "training-on-the-job"),
            prose(&s.training),
            sub(id, &l.licensure, "licensure"),
            prose(&s.licensure),
        ];
        if !s.state_licenses.is_empty() {
            nodes.push(Node::Entries(
                s.state_licenses
                    .iter()
                    .map(|lic| Entry {
                        title: lic.state.to_string(),
                        nodes: vec![
                            Node::Fields(vec![
                                (l.credential.as_str(), lic.credential.to_string()),
                                (l.issued_by.as_str(), lic.board.to_string()),
                            ]),
                            prose(&lic.requirements),
                        ],
                    })
                    .collect(),
            ));
            nodes.extend(
                s.state_licenses
                    .iter()
                    .map(|lic| Node::Table(state_rules_table(lic, l))),
            );
        }
        if !s.certifications.is_empty() {
            nodes.push(sub(id, &l.certification, "certification"));
            nodes.push(Node::Entries(
                s.certifications
                    .iter()
                    .map(|c| {
                        let title = match &c.abbreviation {
                            Some(abbr) => format!("{} ({abbr})", c.name),
                            None => c.name.to_string(),
                        };
                        let mut nodes = vec![
                            Node::Fields(vec![(l.issued_by.as_str(), c.issuer.to_string())]),
                            prose(&c.description),
                        ];
                        if !c.levels.is_empty() {
                            nodes.push(items(&c.levels));
                        }
                        Entry { title, nodes }
                    })
                    .collect(),
            ));
        }
        nodes.push(sub(id, &l.continuing_education, "continuing-education"));
        nodes.push(prose(&s.continuing_education));
        nodes.push(sub(id, &l.time_to_qualify, "how-long-it-takes"));
        nodes.push(Node::Entries(
            s.time_to_qualify
                .iter()
                .map(|t| Entry {
                    title: format!("{}: {}", t.route, t.duration),
                    nodes: vec![prose(&t.description)],
                })
                .collect(),
        ));
        nodes
    }

    fn work_settings(&mut self, s: &'g mht_guide::WorkSettings) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::WorkSettings;
        let mut nodes = vec![
            prose(&s.intro),
            Node::Entries(
                s.settings
                    .iter()
                    .map(|w| Entry {
                        title: w.name.to_string(),
                        nodes: vec![
                            prose(&w.description),
                            Node::Fields(vec![
                                (l.pace.as_str(), w.pace.to_string()),
                                (l.people_served.as_str(), join(w.populations.iter())),
                            ]),
                        ],
                    })
                    .collect(),
            ),
        ];
        if let Some(table) = employment_table(s, l) {
            nodes.push(Node::Table(table));
        }
        nodes.extend(crate::Chart::employment(s, l).map(Node::Chart));
        nodes.push(sub(id, &l.schedules, "hours-and-schedules"));
        nodes.push(prose(&s.schedules));
        nodes
    }

    fn skills(&mut self, s: &'g mht_guide::Skills) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Skills;
        let nodes = vec![
            prose(&s.intro),
            sub(id, &l.skills, "skills"),
            items(&s.skills),
            sub(id, &l.qualities, "personal-qualities"),
            items(&s.qualities),
        ];
        nodes
    }

    fn career_path(&mut self, s: &'g mht_guide::CareerPath) -> Vec<Node<'g>> {
        let l = self.l;
        let nodes = vec![
            prose(&s.intro),
            Node::Entries(
                s.next_roles
                    .iter()
                    .map(|step| Entry {
                        title: step.role.to_string(),
                        nodes: vec![
                            prose(&step.description),
                            labeled(l.what_it_takes.as_str(), &step.requires),
                        ],
                    })
                    .collect(),
            ),
        ];
        nodes
    }

    fn salary_outlook(&mut self, s: &'g mht_guide::SalaryOutlook) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::SalaryOutlook;
        let mut nodes = Vec::new();
        nodes.extend(Band::of(s, l).map(Node::Band));
        nodes.push(prose(&s.intro));
        nodes.push(sub(id, &l.pay, "pay"));
        let (subject, comparison): (Vec<&PayFigure>, Vec<&PayFigure>) =
            s.pay.iter().partition(|p| p.role == Role::Subject);
        let by_setting: Vec<&PayFigure> = subject
            .into_iter()
            .filter(|p| p.setting.is_some())
            .collect();
        nodes.extend(overall_pay_table(s, l).map(Node::Table));
        nodes.extend(crate::Chart::pay_range(s, l).map(Node::Chart));
        if !by_setting.is_empty() {
            nodes.push(Node::Table(pay_by_setting_table(&by_setting, l)));
        }
        if !comparison.is_empty() {
            nodes.push(Node::Table(pay_table(
                &l.comparison_pay,
                &comparison,
                |p| p.occupation.as_str(),
                l,
            )));
        }
        nodes.push(sub(id, &l.pay_factors, "what-affects-pay"));
        nodes.push(prose(&s.pay_factors));
        nodes.push(sub(id, &l.benefits, "benefits"));
        nodes.push(prose(&s.benefits));
        nodes.push(sub(id, &l.outlook, "job-outlook"));
        nodes.push(Node::Table(outlook_table(&s.outlook, l)));
        nodes.extend(crate::Chart::growth(&s.outlook, l).map(Node::Chart));
        nodes.push(prose(&s.outlook_notes));
        nodes
    }

    fn challenges_rewards(&mut self, s: &'g mht_guide::ChallengesRewards) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::ChallengesRewards;
        let nodes = vec![
            prose(&s.intro),
            sub(id, &l.challenges, "challenges"),
            items(&s.challenges),
            sub(id, &l.rewards, "rewards"),
            items(&s.rewards),
        ];
        nodes
    }

    fn care_team(&mut self, s: &'g mht_guide::CareTeam) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::CareTeam;
        let mut nodes = vec![
            prose(&s.body),
            sub(id, &l.team_members, "who-is-on-the-team"),
            items(&s.members),
        ];
        if !s.distinctions.is_empty() {
            nodes.push(sub(id, &l.distinctions, "how-the-roles-differ"));
            nodes.push(items(&s.distinctions));
        }
        nodes
    }

    fn faq(&mut self, s: &'g mht_guide::Faq) -> Vec<Node<'g>> {
        s.questions
            .iter()
            .map(|q| Node::Question {
                anchor: format!("faq-{}", q.id),
                question: q.question.as_str(),
                answer: q.answer.blocks(),
            })
            .collect()
    }

    fn sources(&mut self, _: &'g mht_guide::Sources) -> Vec<Node<'g>> {
        vec![Node::References]
    }
}

/// The short form of a section for a fact sheet: its summary, and for pay and outlook the
/// pay table and the charts.
fn fact_sheet_section<'g>(section: SectionRef<'g>, l: &'g Labels) -> Section<'g> {
    let mut nodes = vec![prose(section.summary())];
    // Every section is its summary on a sheet. Two are more: the pay section adds its pay
    // table and charts, and the sources section is the list of sources alone.
    if let SectionRef::SalaryOutlook(s) = section {
        // The band under the sheet's title gives the key figures and the growth chart labels
        // every projection it draws, so the sheet leaves the table of projections, with its
        // job counts, to the full guide.
        nodes.extend(overall_pay_table(s, l).map(Node::Table));
        nodes.extend(crate::Chart::pay_range(s, l).map(Node::Chart));
        nodes.extend(crate::Chart::growth(&s.outlook, l).map(Node::Chart));
    } else if section.id() == SectionId::Sources {
        nodes = vec![Node::References];
    }
    section_of(section, l, nodes)
}

/// The pay of the guide's own occupations across all workplaces.
fn overall_pay_table(s: &mht_guide::SalaryOutlook, l: &Labels) -> Option<Table> {
    let overall: Vec<&PayFigure> = s
        .pay
        .iter()
        .filter(|p| p.role == Role::Subject && p.setting.is_none())
        .collect();
    (!overall.is_empty()).then(|| pay_table(&l.pay, &overall, |p| p.occupation.as_str(), l))
}

fn join<'a>(texts: impl Iterator<Item = &'a mht_guide::Text>) -> String {
    texts.map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
}

/// Distinct values in order of first appearance.
pub(crate) fn distinct<T: PartialEq>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn amount(p: &PayFigure, l: &Labels) -> String {
    match p.unit {
        mht_guide::PayUnit::Year => l.money(&p.amount),
        unit => l.money_per(&p.amount, unit),
    }
}

/// The shared period of some figures for a caption, or `None` when they differ.
fn shared_period(figures: &[&PayFigure], l: &Labels) -> Option<String> {
    match distinct(figures.iter().map(|p| p.period)).as_slice() {
        [one] => Some(l.date(*one)),
        _ => None,
    }
}

fn sources_of(figures: &[&PayFigure]) -> Vec<Id> {
    distinct(figures.iter().map(|p| p.source.clone()))
}

fn notes_of(figures: &[&PayFigure]) -> Vec<String> {
    distinct(
        figures
            .iter()
            .filter_map(|p| p.note.as_ref().map(ToString::to_string)),
    )
}

/// Pay figures as a table: one row per occupation, one column per statistic.
fn pay_table<'a>(
    title: &mht_guide::Label,
    figures: &[&'a PayFigure],
    row_key: impl Fn(&'a PayFigure) -> &'a str,
    l: &Labels,
) -> Table {
    let mut stats = distinct(figures.iter().map(|p| p.statistic));
    stats.sort_by_key(|s| s.rank());
    let period = shared_period(figures, l);
    let mut header = vec![l.occupation.to_string()];
    header.extend(stats.iter().map(|s| l.statistic(*s).to_owned()));
    if period.is_none() {
        header.push(l.period.to_string());
    }
    header.push(l.source.to_string());

    let rows = distinct(figures.iter().map(|p| row_key(p)))
        .into_iter()
        .map(|key| {
            let in_row: Vec<&PayFigure> = figures
                .iter()
                .copied()
                .filter(|p| row_key(p) == key)
                .collect();
            let mut row = vec![Cell::text(key)];
            for stat in &stats {
                row.push(Cell::text(stat_cell(&in_row, *stat, l)));
            }
            if period.is_none() {
                row.push(Cell::text(
                    distinct(in_row.iter().map(|p| l.date(p.period))).join("; "),
                ));
            }
            row.push(Cell::cites(sources_of(&in_row)));
            row
        })
        .collect();
    Table {
        caption: caption(title.as_str(), period, l),
        header,
        rows,
        notes: notes_of(figures),
    }
}

fn stat_cell(figures: &[&PayFigure], stat: Statistic, l: &Labels) -> String {
    amounts(figures.iter().filter(|p| p.statistic == stat), l)
}

/// The amounts of some figures for one table cell, or [`NOT_PUBLISHED`] when there are none.
fn amounts<'a>(figures: impl Iterator<Item = &'a &'a PayFigure>, l: &Labels) -> String {
    let cell: Vec<String> = figures.map(|p| amount(p, l)).collect();
    if cell.is_empty() {
        NOT_PUBLISHED.into()
    } else {
        cell.join("; ")
    }
}

fn caption(title: &str, period: Option<String>, l: &Labels) -> String {
    match period {
        Some(period) => l
            .caption_period
            .fill(&[("caption", title), ("period", &period)]),
        None => title.to_owned(),
    }
}

/// Pay by kind of workplace: one row per workplace, one column per occupation.
fn pay_by_setting_table(figures: &[&PayFigure], l: &Labels) -> Table {
    let occupations = distinct(figures.iter().map(|p| p.occupation.as_str()));
    let period = shared_period(figures, l);
    let stats = distinct(figures.iter().map(|p| p.statistic));
    let title = match stats.as_slice() {
        [one] => l.pay_by_workplace.fill(&[("statistic", l.statistic(*one))]),
        _ => l.pay.to_string(),
    };
    let mut header = vec![l.workplace.to_string()];
    header.extend(occupations.iter().map(|o| (*o).to_owned()));
    header.push(l.source.to_string());
    let settings = distinct(
        figures
            .iter()
            .filter_map(|p| p.setting.as_ref().map(|s| s.as_str())),
    );
    let rows = settings
        .into_iter()
        .map(|setting| {
            let in_row: Vec<&PayFigure> = figures
                .iter()
                .copied()
                .filter(|p| p.setting.as_ref().is_some_and(|s| s.as_str() == setting))
                .collect();
            let mut row = vec![Cell::text(setting)];
            for occupation in &occupations {
                row.push(Cell::text(amounts(
                    in_row
                        .iter()
                        .filter(|p| p.occupation.as_str() == *occupation),
                    l,
                )));
            }
            row.push(Cell::cites(sources_of(&in_row)));
            row
        })
        .collect();
    Table {
        caption: caption(&title, period, l),
        header,
        rows,
        notes: notes_of(figures),
    }
}

fn outlook_table(figures: &[mht_guide::OutlookFigure], l: &Labels) -> Table {
    let periods = distinct(figures.iter().map(|o| (o.base_year, o.target_year)));
    let shared = match periods.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let count = |n: Option<u32>| n.map_or(NOT_PUBLISHED.to_owned(), |n| l.number(n.into()));
    let mut header = vec![l.occupation.to_string()];
    match shared {
        Some((base, target)) => {
            header.push(l.jobs_in.fill(&[("year", &base.to_string())]));
            header.push(l.projected_jobs_in.fill(&[("year", &target.to_string())]));
        }
        None => {
            header.push(l.period.to_string());
            header.push(l.jobs_at_start.to_string());
            header.push(l.projected_jobs.to_string());
        }
    }
    header.extend(
        [&l.change, &l.growth, &l.openings, &l.source]
            .into_iter()
            .map(ToString::to_string),
    );
    let mut ordered: Vec<&mht_guide::OutlookFigure> = figures.iter().collect();
    ordered.sort_by_key(|o| o.role != Role::Subject);
    let rows = ordered
        .into_iter()
        .map(|o| {
            let mut row = vec![Cell::text(o.occupation.as_str())];
            if shared.is_none() {
                row.push(Cell::text(l.years(o.base_year, o.target_year)));
            }
            row.push(Cell::text(count(o.base_jobs)));
            row.push(Cell::text(count(o.target_jobs)));
            row.push(Cell::text(
                o.change
                    .map_or(NOT_PUBLISHED.to_owned(), |c| l.signed(c.into())),
            ));
            row.push(Cell::text(l.growth(o.growth_percent.into())));
            row.push(Cell::text(count(o.openings_per_year)));
            row.push(Cell::cites(vec![o.source.clone()]));
            row
        })
        .collect();
    Table {
        caption: caption(
            l.projections.as_str(),
            shared.map(|(base, target)| l.years(base, target)),
            l,
        ),
        header,
        rows,
        notes: vec![l.rounded_note.to_string()],
    }
}

/// A licensing state's rules, one row a topic, each with the statute, rule or board page that
/// states it.
fn state_rules_table(license: &mht_guide::StateLicense, l: &Labels) -> Table {
    Table {
        caption: l.state_rules.fill(&[("state", license.state.as_str())]),
        header: vec![
            l.topic.to_string(),
            l.rules_say.to_string(),
            l.source.to_string(),
        ],
        rows: license
            .rules()
            .into_iter()
            .map(|(topic, rule)| match rule {
                Some(rule) => vec![
                    Cell::text(l.topic(topic)),
                    Cell::text(rule.text.as_str()),
                    Cell::cites(rule.sources.clone()),
                ],
                None => vec![
                    Cell::text(l.topic(topic)),
                    Cell::text(l.not_confirmed.as_str()),
                    Cell::default(),
                ],
            })
            .collect(),
        notes: vec![l.not_legal_advice.to_string()],
    }
}

fn employment_table(s: &mht_guide::WorkSettings, l: &Labels) -> Option<Table> {
    let shares: Vec<(&str, &mht_guide::EmploymentShare)> = s
        .settings
        .iter()
        .flat_map(|w| w.employment.iter().map(move |e| (w.name.as_str(), e)))
        .collect();
    if shares.is_empty() {
        return None;
    }
    let occupations = distinct(shares.iter().map(|(_, e)| e.occupation.as_str()));
    let periods = distinct(shares.iter().map(|(_, e)| e.period));
    let mut header = vec![l.workplace.to_string()];
    header.extend(occupations.iter().map(|o| (*o).to_owned()));
    header.push(l.source.to_string());
    let mut by_setting: BTreeMap<usize, Vec<&mht_guide::EmploymentShare>> = BTreeMap::new();
    let names = distinct(shares.iter().map(|(name, _)| *name));
    for (name, e) in &shares {
        let row = names.iter().position(|n| n == name).unwrap_or(0);
        by_setting.entry(row).or_default().push(e);
    }
    let rows = by_setting
        .into_iter()
        .map(|(row, in_row)| {
            let mut cells = vec![Cell::text(names[row])];
            for occupation in &occupations {
                cells.push(Cell::text(
                    in_row
                        .iter()
                        .find(|e| e.occupation.as_str() == *occupation)
                        .map_or(NOT_PUBLISHED.to_owned(), |e| l.percent(e.percent.into())),
                ));
            }
            cells.push(Cell::cites(distinct(
                in_row.iter().map(|e| e.source.clone()),
            )));
            cells
        })
        .collect();
    let period = match periods.as_slice() {
        [one] => Some(l.date(*one)),
        _ => None,
    };
    Some(Table {
        caption: caption(l.employment_shares.as_str(), period, l),
        header,
        rows,
        notes: vec![l.employment_note.to_string()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_spans() {
        let l = &mht_guide::guide().labels;
        assert_eq!(l.years(2024, 2034), "2024–34");
        assert_eq!(l.years(1998, 2004), "1998–2004");
        assert_eq!(l.years(2000, 2009), "2000–09");
    }

    #[test]
    fn full_guide_numbers_sections_and_references() {
        let guide = mht_guide::guide();
        let doc = Document::compose(guide, &Selection::all());
        let ids: Vec<_> = doc.sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, SectionId::ALL);
        for (i, s) in doc.sections.iter().enumerate() {
            assert_eq!(s.number, i + 1);
        }
        // Every source appears once, cited ones first.
        assert_eq!(doc.references.len(), guide.sources.sources.len());
        let first = doc.references[0];
        assert_eq!(doc.reference_number(&first.id), Some(1));
    }

    /// Each section, alone and in full, composes more than its heading, in every built-in
    /// edition and in the smallest one the tests have; and the JSON file carries each section
    /// under its key.
    #[test]
    fn every_section_composes_content_and_reaches_json() {
        let minimal = mht_guide::Guide::from_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/minimal"
        ))
        .unwrap();
        let guides = [
            mht_guide::guide(),
            mht_guide::edition("es").unwrap(),
            &minimal,
        ];
        for guide in guides {
            for id in SectionId::ALL {
                let doc = Document::compose(guide, &Selection::only([id]));
                let section = doc.sections.iter().find(|s| s.id == id).unwrap();
                assert!(
                    !section.nodes.is_empty(),
                    "{id} composes nothing in {}",
                    guide.meta.slug
                );
                let json =
                    crate::to_json(guide, &Options::new().with_sections(Selection::only([id])));
                let json: serde_json::Value = serde_json::from_str(&json.unwrap()).unwrap();
                assert!(
                    json[id.key()].is_object(),
                    "the JSON of {id} lacks `{}` in {}",
                    id.key(),
                    guide.meta.slug
                );
            }
        }
    }

    #[test]
    fn anchors_are_unique() {
        let guide = mht_guide::guide();
        let doc = Document::compose(guide, &Selection::all());
        let mut anchors = Vec::new();
        for s in &doc.sections {
            anchors.push(s.anchor.clone());
            for node in &s.nodes {
                match node {
                    Node::Subheading { anchor, .. } | Node::Question { anchor, .. } => {
                        anchors.push(anchor.clone())
                    }
                    _ => {}
                }
            }
        }
        let n = anchors.len();
        anchors.sort();
        anchors.dedup();
        assert_eq!(anchors.len(), n);
    }
}
