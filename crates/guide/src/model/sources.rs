//! The frequently asked questions and the sources the guide cites.

use serde::Serialize;

use crate::prose::Prose;
use crate::values::{Id, RefDate, Text, Url};

/// Frequently asked questions.
///
/// # Examples
///
/// ```
/// let faq = &mht_guide::guide().faq;
/// let question = faq.questions.iter().find(|q| q.id.as_str() == "pay").expect("a pay question");
/// println!("{}\n{}", question.question, question.answer.plain_text());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Faq {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// The questions and answers.
    pub questions: Vec<Question>,
}

/// A question and its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Question {
    /// A stable id, used for anchors.
    pub id: Id,
    /// The question.
    pub question: Text,
    /// The answer.
    pub answer: Prose,
}

/// The sources the guide cites.
///
/// # Examples
///
/// ```
/// use mht_guide::Id;
///
/// let sources = &mht_guide::guide().sources;
/// let ooh = sources.get(&Id::parse("bls-ooh")?).expect("the guide cites the OOH");
/// assert!(ooh.url.as_str().starts_with("https://www.bls.gov/"));
/// # Ok::<(), String>(())
/// ```
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// for source in &guide.sources.sources {
///     let date = source.data_date.or(source.published).map(|d| guide.labels.date(d));
///     println!("[{}] {}. {} ({})", source.id, source.publisher, source.title,
///         date.as_deref().unwrap_or("undated"));
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Sources {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// The sources.
    pub sources: Vec<Source>,
}

impl Sources {
    /// The source with this id.
    pub fn get(&self, id: &Id) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }
}

/// A source the guide cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Source {
    /// The id citations use.
    pub id: Id,
    /// The title of the work.
    pub title: Text,
    /// The language of the title: as `sources.toml` gives it, else the language of the
    /// edition whose file gives the title.
    pub language: crate::Language,
    /// Who publishes it.
    pub publisher: Text,
    /// Where to read it.
    pub url: Url,
    /// The date the data in it refers to, such as `2024-05` for pay published for May 2024.
    pub data_date: Option<RefDate>,
    /// The date the page was published or last changed, when it says.
    pub published: Option<RefDate>,
    /// The date the page was last read, for a page that carries no date of its own.
    pub checked: Option<RefDate>,
    /// A remark a reader needs to weigh the source.
    pub note: Option<Text>,
}

impl Source {
    /// The date that places the source in time: the date of its data, else when it was
    /// published, else when it was read.
    pub fn date(&self) -> Option<RefDate> {
        self.data_date.or(self.published).or(self.checked)
    }
}
