//! The compose step: the guide (or a selection of it) as one render-neutral document.
//!
//! Composition decides everything the formats must agree on: which sections appear and in what
//! order, their numbers, headings and anchors, which figures become which tables, and the number
//! each cited source carries. Every format renders a [`Document`]; none decides what a section
//! contains.

use std::collections::BTreeMap;

use mht_guide::{
    Block, Guide, Id, Inline, Item, Labels, Meta, PayFigure, Prose, Role, SectionId, SectionRef,
    SectionVisitor, Source, Statistic, walk_inlines,
};

use crate::{Options, Preset, Selection};

mod band;
mod contents;
mod languages;
mod sections;
mod tables;

pub use band::{Band, BandFigure};
pub use contents::ContentsEntry;
pub(crate) use languages::Parts;

use sections::*;
use tables::*;
pub(crate) use tables::{distinct, in_area};

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
    /// The document's title, as its metadata and a browser or viewer give it: the guide's
    /// title, or, for a fact sheet or the FAQ, the title with what the handout is, so that
    /// the variants posted side by side are told apart.
    pub title: String,
    /// Where the words and names in another language stand in the document's texts.
    pub(crate) parts: Parts,
    /// The key figures that lead a fact sheet, under its title, when it shows pay and outlook.
    /// A full document has them at the top of its salary section instead, as a
    /// [`Node::Band`].
    pub band: Option<Band>,
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
    /// The title as a run-in heading.
    pub heading: &'e str,
    /// What ends it: the edition's full stop, or nothing when it ends in punctuation of its
    /// own.
    pub end: &'e str,
    /// What comes between it and its text: a space, or nothing in Chinese and Japanese.
    pub gap: &'e str,
    /// The first paragraph, when the entry starts with plain prose.
    pub lead: Option<&'g [Inline]>,
    /// The rest of that first prose node.
    pub more: &'g [Block],
    /// The entry's other nodes.
    pub rest: &'e [Node<'g>],
}

impl<'g> Entry<'g> {
    /// The entry split for a run-in heading; every format sets entries this way.
    pub fn run_in<'e>(&'e self, labels: &'e Labels) -> RunIn<'e, 'g> {
        let heading = self.title.as_str();
        let (end, gap) = labels.run_in(heading);
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
                end,
                gap,
                lead: Some(lead),
                more,
                rest,
            };
        }
        RunIn {
            heading,
            end,
            gap,
            lead: None,
            more: &[],
            rest: &self.nodes,
        }
    }
}

/// The space before a citation's numbers: a no-break space, which keeps them on the line of
/// the word they follow, but none after a character that East Asian text sets without spaces
/// (ideographs, kana, Hangul, full-width forms, CJK punctuation), where a space shows as a gap:
/// `wage\u{a0}[1]` but `工资[1]`.
pub(crate) fn citation_gap(before: Option<char>) -> &'static str {
    match before {
        Some(c) if sets_without_spaces(c) => "",
        _ => "\u{a0}",
    }
}

/// Whether East Asian text sets a character without spaces around it.
fn sets_without_spaces(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x11FF         // Hangul Jamo
            | 0x2E80..=0x2FDF   // CJK radicals
            | 0x3000..=0x303F   // CJK symbols and punctuation
            | 0x3040..=0x30FF   // Hiragana, Katakana
            | 0x3130..=0x318F   // Hangul compatibility Jamo
            | 0x3400..=0x4DBF   // CJK extension A
            | 0x4E00..=0x9FFF   // CJK unified ideographs
            | 0xAC00..=0xD7AF   // Hangul syllables
            | 0xF900..=0xFAFF   // CJK compatibility ideographs
            | 0xFE30..=0xFE4F   // CJK compatibility forms
            | 0xFF00..=0xFF60   // full-width forms
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3134F // CJK extensions B to G
    )
}

/// The last character a run of inline content shows, for [`citation_gap`].
pub(crate) fn last_char(inlines: &[mht_guide::Inline]) -> Option<char> {
    use mht_guide::Inline;
    inlines.iter().rev().find_map(|inline| match inline {
        Inline::Text(t) | Inline::Code(t) => t.chars().last(),
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => last_char(c),
        Inline::SoftBreak | Inline::LineBreak => Some(' '),
        Inline::Citation(_) => Some(']'),
        _ => None,
    })
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
    details.join(labels.sentence_gap())
}

/// A table of figures.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Table {
    /// What the table shows, including the period when all rows share it.
    pub caption: String,
    /// The column headings.
    pub header: Vec<String>,
    /// The rows; each has as many cells as the header.
    pub rows: Vec<Vec<Cell>>,
    /// Whether the first cell of each row names the row (an occupation, a workplace, a
    /// topic): every format marks it as the row's header, so a screen reader says it with
    /// each cell of the row.
    pub row_headers: bool,
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
                let mut doc = Document::assemble(guide, &sheet, fact_sheet_section, false, band);
                doc.title = guide
                    .labels
                    .title_fact_sheet
                    .fill(&[("title", guide.meta.title.as_str())]);
                doc
            }
            Preset::Faq => {
                let mut doc = Document::compose(guide, options.sections());
                doc.title = guide
                    .labels
                    .title_faq
                    .fill(&[("title", guide.meta.title.as_str())]);
                doc
            }
            Preset::Full => Document::compose(guide, options.sections()),
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

        for section in &mut sections {
            note_dashes(&mut section.nodes, guide.labels.dash_note.as_str());
        }
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
            parts: Parts::new(&guide.meta.languages_of_parts),
            title: guide.meta.title.to_string(),
        }
    }

    /// The number (from 1) a source carries in this document.
    pub fn reference_number(&self, id: &Id) -> Option<usize> {
        self.references
            .iter()
            .position(|s| &s.id == id)
            .map(|i| i + 1)
    }

    /// What a link to a cited source says to assistive technology, out of context too:
    /// `Source 4: American Association of Psychiatric Technicians, Home page`.
    pub fn source_link_description(&self, id: &Id) -> Option<String> {
        let n = self.reference_number(id)?;
        let source = self.references[n - 1];
        Some(self.labels.link_source.fill(&[
            ("number", &self.labels.native(&n.to_string())),
            ("publisher", source.publisher.as_str()),
            ("title", source.title.as_str()),
        ]))
    }
}

impl Section<'_> {
    /// The section's heading with its number in the edition's digits, as every format sets
    /// it: "3. Education and licensure" (with a no-break space after the number).
    pub fn heading(&self, labels: &Labels) -> String {
        format!(
            "{}.\u{a0}{}",
            labels.native(&self.number.to_string()),
            self.title
        )
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

/// Says, under each table with a dash in it ([`NOT_PUBLISHED`]), what the dash means: read
/// aloud, it is "en dash" or nothing.
fn note_dashes(nodes: &mut [Node<'_>], note: &str) {
    for node in nodes {
        match node {
            Node::Table(table)
                if table
                    .rows
                    .iter()
                    .flatten()
                    .any(|cell| cell.text == NOT_PUBLISHED) =>
            {
                table.notes.push(note.to_owned());
            }
            Node::Entries(entries) => {
                for entry in entries {
                    note_dashes(&mut entry.nodes, note);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
