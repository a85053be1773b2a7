//! The typed model of the guide: one type per section.
//!
//! Values of these types are only built by the loader, after every check has passed, so a
//! [`Guide`] in hand is always complete and consistent: every citation names a known source,
//! every id is unique, every prose field is valid CommonMark of the kinds the guide allows.

use serde::Serialize;

use crate::prose::Prose;
use crate::section::SectionId;
pub use crate::terms::{EntryEducation, Meta, PayUnit, StateTopic, Statistic};
use crate::values::{Id, Money, RefDate, Text, Url};

/// The whole guide: its metadata and one field per section.
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// assert_eq!(guide.meta.slug.as_str(), "mental-health-technician");
/// for section in guide.sections() {
///     println!("{}: {} words", guide.labels.section(section.id()), section.word_count());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Guide {
    /// Title, edition and other facts about the guide itself.
    pub meta: Meta,
    /// The words the exporters add, in the edition's language.
    #[serde(skip)]
    pub labels: crate::labels::Labels,
    /// What the occupation is.
    pub definition: Definition,
    /// The duties of the job.
    pub responsibilities: Responsibilities,
    /// Education, training, licensure and certification.
    pub education: Education,
    /// Where the work is done.
    pub work_settings: WorkSettings,
    /// Skills and personal qualities.
    pub skills: Skills,
    /// Where the job can lead.
    pub career_path: CareerPath,
    /// Pay and job outlook figures.
    pub salary_outlook: SalaryOutlook,
    /// What is hard and what is rewarding.
    pub challenges_rewards: ChallengesRewards,
    /// The technician's place in the care team.
    pub care_team: CareTeam,
    /// Frequently asked questions.
    pub faq: Faq,
    /// The sources the guide cites.
    pub sources: Sources,
}

/// A titled entry with a description: a duty, a skill, a challenge, a path.
///
/// # Examples
///
/// ```
/// for duty in &mht_guide::guide().responsibilities.duties {
///     println!("{}: {}", duty.title, duty.description.plain_text());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Item {
    /// A short title.
    pub title: Text,
    /// What it means, in prose.
    pub description: Prose,
}

/// What the occupation is.
///
/// # Examples
///
/// ```
/// let definition = &mht_guide::guide().definition;
/// assert!(definition.alternate_titles.iter().any(|t| t.as_str() == "Psychiatric technician"));
/// let soc = &definition.occupation_codes[0];
/// println!("{} {}: {}", soc.system, soc.code, soc.title);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Definition {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// The definition in full.
    pub body: Prose,
    /// Other job titles the same work is advertised under.
    pub alternate_titles: Vec<Text>,
    /// Official occupation codes.
    pub occupation_codes: Vec<OccupationCode>,
}

/// A code that a classification system gives the occupation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OccupationCode {
    /// The classification, such as `SOC 2018`.
    pub system: Text,
    /// The code, such as `29-2053`.
    pub code: Text,
    /// The occupation's title in that system.
    pub title: Text,
    /// The source that lists the code.
    pub source: Id,
}

/// The duties of the job.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Responsibilities {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the duties.
    pub intro: Prose,
    /// The duties, each with a title and a description.
    pub duties: Vec<Item>,
    /// What a typical shift looks like.
    pub typical_shift: Option<Prose>,
}

/// Education, training, licensure and certification.
///
/// # Examples
///
/// ```
/// let education = &mht_guide::guide().education;
/// let states: Vec<&str> = education.state_licenses.iter().map(|l| l.state.as_str()).collect();
/// assert!(states.contains(&"California"));
/// for route in &education.time_to_qualify {
///     println!("{}: {}", route.route, route.duration);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Education {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// The ways into the job.
    pub entry_paths: Vec<Item>,
    /// What training on the job covers.
    pub training: Prose,
    /// How licensure works across states.
    pub licensure: Prose,
    /// The states that license the occupation.
    pub state_licenses: Vec<StateLicense>,
    /// Voluntary certifications.
    pub certifications: Vec<Certification>,
    /// What keeps a technician's knowledge current.
    pub continuing_education: Prose,
    /// How long each route to the job takes.
    pub time_to_qualify: Vec<TimeToQualify>,
}

/// A state that licenses the occupation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StateLicense {
    /// The state.
    pub state: Text,
    /// The credential's name.
    pub credential: Text,
    /// Who issues it.
    pub board: Text,
    /// What a license requires, in brief.
    pub requirements: Prose,
    /// The ways to qualify that the board accepts.
    pub routes: Option<StateRule>,
    /// The licensing exam.
    pub exam: Option<StateRule>,
    /// The criminal background check or history rules.
    pub background_check: Option<StateRule>,
    /// The minimum length of an approved program, where the rules set one.
    pub program_length: Option<StateRule>,
    /// Where to find the approved programs.
    pub approved_programs: Option<StateRule>,
    /// Working before the license arrives: interim or temporary permits.
    pub interim_permit: Option<StateRule>,
    /// Licensure for people licensed in another state.
    pub endorsement: Option<StateRule>,
    /// Renewal and continuing education.
    pub renewal: Option<StateRule>,
    /// Who may do the work without this license.
    pub unlicensed_work: Option<StateRule>,
}

impl StateLicense {
    /// The state's rules in the order a reader needs them, each with its topic; `None` where
    /// no primary source confirms the rule.
    ///
    /// # Examples
    ///
    /// ```
    /// let guide = mht_guide::guide();
    /// let california = &guide.education.state_licenses[0];
    /// for (topic, rule) in california.rules() {
    ///     let topic = guide.labels.topic(topic);
    ///     match rule {
    ///         Some(rule) => println!("{topic}: {} ({} sources)", rule.text, rule.sources.len()),
    ///         None => println!("{topic}: not confirmed"),
    ///     }
    /// }
    /// ```
    pub fn rules(&self) -> [(StateTopic, Option<&StateRule>); 9] {
        use StateTopic::*;
        [
            (Routes, self.routes.as_ref()),
            (Exam, self.exam.as_ref()),
            (ProgramLength, self.program_length.as_ref()),
            (ApprovedPrograms, self.approved_programs.as_ref()),
            (BackgroundCheck, self.background_check.as_ref()),
            (InterimPermit, self.interim_permit.as_ref()),
            (Endorsement, self.endorsement.as_ref()),
            (Renewal, self.renewal.as_ref()),
            (UnlicensedWork, self.unlicensed_work.as_ref()),
        ]
    }
}

/// One rule of a licensing state and the sources that state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StateRule {
    /// What the rule says, in plain text.
    pub text: Text,
    /// The sources that state it; each carries a date.
    pub sources: Vec<Id>,
}

/// A certification a technician can earn.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Certification {
    /// The credential's name.
    pub name: Text,
    /// Its abbreviation, if it has one.
    pub abbreviation: Option<Text>,
    /// The organization that issues it.
    pub issuer: Text,
    /// What it is and what it takes.
    pub description: Prose,
    /// Its levels, if it has levels.
    pub levels: Vec<Item>,
}

/// How long one route to the job takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TimeToQualify {
    /// The route.
    pub route: Text,
    /// How long it takes, such as `12 to 18 months`.
    pub duration: Text,
    /// What the time is spent on.
    pub description: Prose,
}

/// Where the work is done.
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// for setting in &guide.work_settings.settings {
///     for share in &setting.employment {
///         let when = guide.labels.date(share.period);
///         println!("{}: {}% of {} ({when})", setting.name, share.percent, share.occupation);
///     }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct WorkSettings {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// The settings.
    pub settings: Vec<WorkSetting>,
    /// Hours, shifts and schedules.
    pub schedules: Prose,
}

/// One kind of workplace.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct WorkSetting {
    /// A stable id for the workplace, when the content gives one.
    pub id: Option<Id>,
    /// The kind of workplace.
    pub name: Text,
    /// What working there is like.
    pub description: Prose,
    /// The pace of the work, in a few words.
    pub pace: Text,
    /// The people served there.
    pub populations: Vec<Text>,
    /// The share of the occupation's jobs found there, when published.
    pub employment: Vec<EmploymentShare>,
}

/// The share of an occupation's jobs in one kind of workplace.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EmploymentShare {
    /// The occupation.
    pub occupation: Text,
    /// The share of its jobs, in percent.
    pub percent: u8,
    /// The year the share describes.
    pub period: RefDate,
    /// The source of the figure.
    pub source: Id,
}

/// Skills and personal qualities.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Skills {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// Skills that can be learned and practiced.
    pub skills: Vec<Item>,
    /// Personal qualities that the work draws on.
    pub qualities: Vec<Item>,
}

/// Where the job can lead.
///
/// # Examples
///
/// ```
/// for step in &mht_guide::guide().career_path.next_roles {
///     println!("{} (needs: {})", step.role, step.requires.plain_text());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CareerPath {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// Roles a technician can move on to.
    pub next_roles: Vec<CareerStep>,
}

/// A role a technician can move on to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CareerStep {
    /// The role.
    pub role: Text,
    /// What the role is.
    pub description: Prose,
    /// What it takes to get there.
    pub requires: Prose,
}

/// Pay and job outlook.
///
/// # Examples
///
/// ```
/// use mht_guide::{Role, Statistic};
///
/// let guide = mht_guide::guide();
/// let median = guide
///     .salary_outlook
///     .pay
///     .iter()
///     .find(|p| p.role == Role::Subject && p.statistic == Statistic::Median)
///     .expect("the guide gives a median wage");
/// let labels = &guide.labels;
/// let pay = labels.money_per(&median.amount, median.unit);
/// println!("median: {pay} in {}", labels.date(median.period));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SalaryOutlook {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the figures.
    pub intro: Prose,
    /// Pay figures.
    pub pay: Vec<PayFigure>,
    /// What moves pay up or down.
    pub pay_factors: Prose,
    /// Benefits commonly offered.
    pub benefits: Prose,
    /// Employment projections.
    pub outlook: Vec<OutlookFigure>,
    /// What the projections mean for a job seeker.
    pub outlook_notes: Prose,
    /// Which occupation each of the key figures is about.
    pub key_figures: KeyFigureChoice,
}

/// Which occupation each key figure is about: the few numbers that lead the fact sheet and the
/// salary section. Each names an occupation of [`SalaryOutlook::pay`] or
/// [`SalaryOutlook::outlook`]; `None` when the guide has no figure of that kind.
///
/// An edition may choose them in `salary-outlook.toml`'s `[key_figures]` table. Where it does
/// not, each is the first of the guide's own occupations (in the order of the file) that has
/// such a figure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct KeyFigureChoice {
    /// The occupation whose median annual pay across all workplaces is shown.
    pub pay: Option<Text>,
    /// The occupation whose projected growth is shown.
    pub growth: Option<Text>,
    /// The occupation whose projected openings a year are shown.
    pub openings: Option<Text>,
    /// The occupation whose typical entry education is shown.
    pub education: Option<Text>,
}

/// One of the key figures, pointing at the typed figure it shows, which carries its source and
/// its period.
///
/// # Examples
///
/// ```
/// use mht_guide::KeyFigure;
///
/// let guide = mht_guide::guide();
/// for figure in guide.salary_outlook.key_figures() {
///     let source = guide.sources.get(figure.source()).unwrap();
///     match figure {
///         KeyFigure::MedianPay(p) => {
///             let (pay, when) = (guide.labels.money(&p.amount), guide.labels.date(p.period));
///             println!("median pay {pay} ({when}, {})", source.publisher)
///         }
///         KeyFigure::Growth(o) => println!("growth {:+}% ({}-{})", o.growth_percent, o.base_year, o.target_year),
///         KeyFigure::Openings(o) => println!("{:?} openings a year", o.openings_per_year),
///         KeyFigure::EntryEducation(o) => println!("entry: {:?}", o.entry_education),
///         _ => {}
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "figure", content = "of", rename_all = "snake_case")]
#[non_exhaustive]
pub enum KeyFigure<'g> {
    /// The median annual pay across all workplaces.
    MedianPay(&'g PayFigure),
    /// The projected growth in jobs.
    Growth(&'g OutlookFigure),
    /// The projected openings a year; the figure's `openings_per_year` is set.
    Openings(&'g OutlookFigure),
    /// The typical education for entry; the figure's `entry_education` is set.
    EntryEducation(&'g OutlookFigure),
}

impl<'g> KeyFigure<'g> {
    /// The occupation the figure is about.
    pub fn occupation(&self) -> &'g Text {
        match self {
            KeyFigure::MedianPay(p) => &p.occupation,
            KeyFigure::Growth(o) | KeyFigure::Openings(o) | KeyFigure::EntryEducation(o) => {
                &o.occupation
            }
        }
    }

    /// The id of the figure's source.
    pub fn source(&self) -> &'g Id {
        match self {
            KeyFigure::MedianPay(p) => &p.source,
            KeyFigure::Growth(o) | KeyFigure::Openings(o) | KeyFigure::EntryEducation(o) => {
                &o.source
            }
        }
    }
}

impl SalaryOutlook {
    /// The key figures, in the order the band shows them: median pay, projected growth,
    /// openings a year and typical entry education. A kind the guide has no figure for is left
    /// out.
    ///
    /// # Examples
    ///
    /// ```
    /// use mht_guide::KeyFigure;
    ///
    /// let figures = mht_guide::guide().salary_outlook.key_figures();
    /// assert_eq!(figures.len(), 4);
    /// assert!(matches!(figures[0], KeyFigure::MedianPay(p) if p.amount.cents() == 4_259_000));
    /// ```
    pub fn key_figures(&self) -> Vec<KeyFigure<'_>> {
        let named =
            |choice: &Option<Text>, o: &&OutlookFigure| choice.as_ref() == Some(&o.occupation);
        let choice = &self.key_figures;
        let pay = self
            .pay
            .iter()
            .find(|p| choice.pay.as_ref() == Some(&p.occupation) && p.is_overall_median())
            .map(KeyFigure::MedianPay);
        let growth = self
            .outlook
            .iter()
            .find(|o| named(&choice.growth, o))
            .map(KeyFigure::Growth);
        let openings = self
            .outlook
            .iter()
            .find(|o| named(&choice.openings, o) && o.openings_per_year.is_some())
            .map(KeyFigure::Openings);
        let education = self
            .outlook
            .iter()
            .find(|o| named(&choice.education, o) && o.entry_education.is_some())
            .map(KeyFigure::EntryEducation);
        [pay, growth, openings, education]
            .into_iter()
            .flatten()
            .collect()
    }
}

/// Whether a figure describes the occupation itself or something to compare it with.
///
/// # Examples
///
/// ```
/// use mht_guide::Role;
///
/// let comparisons = mht_guide::guide()
///     .salary_outlook
///     .outlook
///     .iter()
///     .filter(|o| o.role == Role::Comparison);
/// assert!(comparisons.map(|o| o.occupation.as_str()).any(|o| o == "All occupations"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// The occupation the guide is about.
    Subject,
    /// Another occupation, or all occupations, for comparison.
    Comparison,
}

/// One published pay figure.
///
/// # Examples
///
/// ```
/// let guide = mht_guide::guide();
/// for p in &guide.salary_outlook.pay {
///     let source = guide.sources.get(&p.source).expect("every figure names a listed source");
///     let amount = guide.labels.money_per(&p.amount, p.unit);
///     let when = guide.labels.date(p.period);
///     println!("{} {}: {amount} ({when}, {})", p.occupation, p.statistic.name(), source.publisher);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PayFigure {
    /// The occupation the figure describes.
    pub occupation: Text,
    /// The occupation's code, when it has one.
    pub code: Option<Text>,
    /// The kind of workplace, when the figure covers only one.
    pub setting: Option<Text>,
    /// Whether the figure is about the guide's occupation or a comparison.
    pub role: Role,
    /// Which statistic the figure is.
    pub statistic: Statistic,
    /// The amount.
    pub amount: Money,
    /// The time the amount is for.
    pub unit: PayUnit,
    /// The date the figure describes.
    pub period: RefDate,
    /// The source of the figure.
    pub source: Id,
    /// A remark a reader needs, such as how a figure was derived.
    pub note: Option<Text>,
}

impl PayFigure {
    /// Whether the figure is a median annual wage across all workplaces: the one figure that
    /// stands for an occupation's pay.
    pub fn is_overall_median(&self) -> bool {
        self.statistic == Statistic::Median && self.unit == PayUnit::Year && self.setting.is_none()
    }

    /// Whether the figure is for the whole economy: the code `00-0000` that the Bureau of
    /// Labor Statistics gives all occupations together.
    pub fn covers_all_occupations(&self) -> bool {
        self.code
            .as_ref()
            .is_some_and(|c| c.as_str() == ALL_OCCUPATIONS)
    }
}

/// The code of all occupations together in the Bureau of Labor Statistics' tables.
pub(crate) const ALL_OCCUPATIONS: &str = "00-0000";

/// One employment projection.
///
/// # Examples
///
/// ```
/// for o in &mht_guide::guide().salary_outlook.outlook {
///     println!("{}: {:+}% from {} to {}", o.occupation, o.growth_percent, o.base_year, o.target_year);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OutlookFigure {
    /// The occupation the projection describes.
    pub occupation: Text,
    /// The occupation's code, when it has one.
    pub code: Option<Text>,
    /// Whether the figure is about the guide's occupation or a comparison.
    pub role: Role,
    /// The first year of the projection.
    pub base_year: u16,
    /// The last year of the projection.
    pub target_year: u16,
    /// Jobs in the first year.
    pub base_jobs: Option<u32>,
    /// Jobs projected for the last year.
    pub target_jobs: Option<u32>,
    /// Projected change in jobs, as published (rounded).
    pub change: Option<i32>,
    /// Projected growth in percent.
    pub growth_percent: i16,
    /// Projected openings each year, on average.
    pub openings_per_year: Option<u32>,
    /// The education typically needed to enter the occupation, as the projections assign it.
    pub entry_education: Option<EntryEducation>,
    /// The source of the projection.
    pub source: Id,
}

/// What is hard about the work and what is rewarding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ChallengesRewards {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// An introduction to the section.
    pub intro: Prose,
    /// The hard parts.
    pub challenges: Vec<Item>,
    /// The rewarding parts.
    pub rewards: Vec<Item>,
}

/// The technician's place in the care team.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CareTeam {
    /// One or two sentences that stand for the whole section.
    pub summary: Prose,
    /// How the team works and why the technician matters to it.
    pub body: Prose,
    /// The other members of the team and how technicians work with each.
    pub members: Vec<Item>,
    /// How technicians differ from the roles they are most often confused with.
    pub distinctions: Vec<Item>,
}

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

macro_rules! define_section_refs {
    (() $($(#[$doc:meta])* $variant:ident $field:ident $id:literal;)*) => {
        /// A borrowed view of one section, for code that handles every section alike.
        ///
        /// To handle each section in its own way, with the compiler checking that none is left
        /// out, implement [`SectionVisitor`] and call [`SectionRef::visit`].
        ///
        /// # Examples
        ///
        /// ```
        /// use mht_guide::{SectionId, SectionRef};
        ///
        /// let guide = mht_guide::guide();
        /// let SectionRef::Faq(faq) = guide.section(SectionId::Faq) else { unreachable!() };
        /// assert!(!faq.questions.is_empty());
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum SectionRef<'a> {
            $(
                #[doc = concat!("[`SectionId::", stringify!($variant), "`]")]
                $variant(&'a $variant),
            )*
        }

        /// Code that handles each section in its own way: one method a section, each
        /// required, so that a section added to the guide cannot be passed over unnoticed.
        ///
        /// # Examples
        ///
        /// ```
        /// use mht_guide::*;
        ///
        /// /// How many entries each section lists.
        /// struct Entries;
        ///
        /// impl<'a> SectionVisitor<'a> for Entries {
        ///     type Output = usize;
        ///     fn definition(&mut self, s: &'a Definition) -> usize { s.occupation_codes.len() }
        ///     fn responsibilities(&mut self, s: &'a Responsibilities) -> usize { s.duties.len() }
        ///     fn education(&mut self, s: &'a Education) -> usize { s.entry_paths.len() }
        ///     fn work_settings(&mut self, s: &'a WorkSettings) -> usize { s.settings.len() }
        ///     fn skills(&mut self, s: &'a Skills) -> usize { s.skills.len() + s.qualities.len() }
        ///     fn career_path(&mut self, s: &'a CareerPath) -> usize { s.next_roles.len() }
        ///     fn salary_outlook(&mut self, s: &'a SalaryOutlook) -> usize { s.pay.len() }
        ///     fn challenges_rewards(&mut self, s: &'a ChallengesRewards) -> usize {
        ///         s.challenges.len() + s.rewards.len()
        ///     }
        ///     fn care_team(&mut self, s: &'a CareTeam) -> usize { s.members.len() }
        ///     fn faq(&mut self, s: &'a Faq) -> usize { s.questions.len() }
        ///     fn sources(&mut self, s: &'a Sources) -> usize { s.sources.len() }
        /// }
        ///
        /// let guide = mht_guide::guide();
        /// assert!(guide.section(SectionId::Faq).visit(&mut Entries) > 5);
        /// ```
        pub trait SectionVisitor<'a> {
            /// What each method returns.
            type Output;
            $(
                #[doc = concat!("Handles the section [`SectionId::", stringify!($variant), "`].")]
                fn $field(&mut self, section: &'a $variant) -> Self::Output;
            )*
        }

        impl Guide {
            /// The section with this id.
            ///
            /// # Examples
            ///
            /// ```
            /// use mht_guide::SectionId;
            ///
            /// let guide = mht_guide::guide();
            /// let faq = guide.section(SectionId::Faq);
            /// assert_eq!(guide.labels.section(faq.id()), "Frequently asked questions");
            /// println!("{}", faq.summary().plain_text());
            /// ```
            pub fn section(&self, id: SectionId) -> SectionRef<'_> {
                match id {
                    $(SectionId::$variant => SectionRef::$variant(&self.$field),)*
                }
            }
        }

        impl<'a> SectionRef<'a> {
            /// The section's id.
            pub fn id(self) -> SectionId {
                match self {
                    $(SectionRef::$variant(_) => SectionId::$variant,)*
                }
            }

            /// The section's one- or two-sentence summary.
            pub fn summary(self) -> &'a Prose {
                match self {
                    $(SectionRef::$variant(s) => &s.summary,)*
                }
            }

            /// Hands the section to the visitor's method for it.
            pub fn visit<V: SectionVisitor<'a>>(self, visitor: &mut V) -> V::Output {
                match self {
                    $(SectionRef::$variant(s) => visitor.$field(s),)*
                }
            }
        }

        /// The sections as they load, each present once its file has loaded without a
        /// problem; the loader fills it, and [`Partial::complete`] makes the guide.
        #[derive(Default)]
        pub(crate) struct Partial {
            $(pub(crate) $field: Option<$variant>,)*
        }

        impl Partial {
            /// The guide, when every section is present.
            pub(crate) fn complete(self, meta: Meta, labels: crate::labels::Labels) -> Option<Guide> {
                Some(Guide {
                    meta,
                    labels,
                    $($field: self.$field?,)*
                })
            }
        }
    };
}
crate::section::with_sections!(define_section_refs!());

impl Guide {
    /// Every section, in guide order.
    pub fn sections(&self) -> impl Iterator<Item = SectionRef<'_>> {
        SectionId::ALL.into_iter().map(|id| self.section(id))
    }
}

impl<'a> SectionRef<'a> {
    /// Calls `f` with every piece of reader-facing text in the section, prose as plain text.
    ///
    /// Figures are passed as the words a reader sees in a table cell.
    pub fn for_each_text(self, f: &mut dyn FnMut(&str)) {
        let prose = |p: &Prose, f: &mut dyn FnMut(&str)| f(&p.plain_text());
        let items = |items: &[Item], f: &mut dyn FnMut(&str)| {
            for item in items {
                f(item.title.as_str());
                f(&item.description.plain_text());
            }
        };
        match self {
            SectionRef::Definition(s) => {
                prose(&s.body, f);
                s.alternate_titles.iter().for_each(|t| f(t.as_str()));
                for code in &s.occupation_codes {
                    f(code.system.as_str());
                    f(code.code.as_str());
                    f(code.title.as_str());
                }
            }
            SectionRef::Responsibilities(s) => {
                prose(&s.intro, f);
                items(&s.duties, f);
                if let Some(shift) = &s.typical_shift {
                    prose(shift, f);
                }
            }
            SectionRef::Education(s) => {
                prose(&s.intro, f);
                items(&s.entry_paths, f);
                prose(&s.training, f);
                prose(&s.licensure, f);
                for l in &s.state_licenses {
                    for t in [&l.state, &l.credential, &l.board] {
                        f(t.as_str());
                    }
                    prose(&l.requirements, f);
                    for (_, rule) in l.rules() {
                        if let Some(rule) = rule {
                            f(rule.text.as_str());
                        }
                    }
                }
                for c in &s.certifications {
                    f(c.name.as_str());
                    f(c.issuer.as_str());
                    prose(&c.description, f);
                    items(&c.levels, f);
                }
                prose(&s.continuing_education, f);
                for t in &s.time_to_qualify {
                    f(t.route.as_str());
                    f(t.duration.as_str());
                    prose(&t.description, f);
                }
            }
            SectionRef::WorkSettings(s) => {
                prose(&s.intro, f);
                for w in &s.settings {
                    f(w.name.as_str());
                    prose(&w.description, f);
                    f(w.pace.as_str());
                    w.populations.iter().for_each(|p| f(p.as_str()));
                }
                prose(&s.schedules, f);
            }
            SectionRef::Skills(s) => {
                prose(&s.intro, f);
                items(&s.skills, f);
                items(&s.qualities, f);
            }
            SectionRef::CareerPath(s) => {
                prose(&s.intro, f);
                for step in &s.next_roles {
                    f(step.role.as_str());
                    prose(&step.description, f);
                    prose(&step.requires, f);
                }
            }
            SectionRef::SalaryOutlook(s) => {
                prose(&s.intro, f);
                for p in &s.pay {
                    f(p.occupation.as_str());
                    f(&p.amount.english());
                }
                prose(&s.pay_factors, f);
                prose(&s.benefits, f);
                for o in &s.outlook {
                    f(o.occupation.as_str());
                    f(&format!("{}%", o.growth_percent));
                }
                prose(&s.outlook_notes, f);
            }
            SectionRef::ChallengesRewards(s) => {
                prose(&s.intro, f);
                items(&s.challenges, f);
                items(&s.rewards, f);
            }
            SectionRef::CareTeam(s) => {
                prose(&s.body, f);
                items(&s.members, f);
                items(&s.distinctions, f);
            }
            SectionRef::Faq(s) => {
                for q in &s.questions {
                    f(q.question.as_str());
                    prose(&q.answer, f);
                }
            }
            SectionRef::Sources(s) => {
                for src in &s.sources {
                    f(src.title.as_str());
                    f(src.publisher.as_str());
                }
            }
        }
    }

    /// The number of words in the section's text, not counting its summary.
    ///
    /// # Examples
    ///
    /// ```
    /// let words: usize = mht_guide::guide().sections().map(|s| s.word_count()).sum();
    /// assert!(words > 4_000);
    /// ```
    pub fn word_count(self) -> usize {
        let mut words = 0;
        self.for_each_text(&mut |text| words += text.split_whitespace().count());
        words
    }
}
