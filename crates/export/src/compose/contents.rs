//! The table of contents every format's navigation is made from.

use super::*;

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
                    title: section.heading(self.labels),
                    anchor: &section.anchor,
                    children,
                }
            })
            .collect()
    }
}
