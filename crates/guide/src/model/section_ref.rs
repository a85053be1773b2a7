//! Every section seen alike ([`SectionRef`]) or each in its own way ([`SectionVisitor`]).

use serde::Serialize;

use super::*;
use crate::prose::Prose;
use crate::section::SectionId;

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
        self.texts(true, f);
    }

    /// Calls `f` with the text the edition writes in its own words: what
    /// [`for_each_text`](SectionRef::for_each_text) gives, less the names kept as published
    /// (the works cited and their publishers, boards, credentials and their issuers), which
    /// a translated edition leaves in the base's language. The reading level is judged on this.
    pub(crate) fn for_each_own_text(self, f: &mut dyn FnMut(&str)) {
        self.texts(false, f);
    }

    fn texts(self, names: bool, f: &mut dyn FnMut(&str)) {
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
                    f(l.state.as_str());
                    if names {
                        f(l.credential.as_str());
                        f(l.board.as_str());
                    }
                    prose(&l.requirements, f);
                    for (_, rule) in l.rules() {
                        if let Some(rule) = rule {
                            f(rule.text.as_str());
                        }
                    }
                }
                for c in &s.certifications {
                    if names {
                        f(c.name.as_str());
                        f(c.issuer.as_str());
                    }
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
                    if let Some(area) = &p.area {
                        f(area.name.as_str());
                    }
                    f(&p.amount.english());
                }
                prose(&s.pay_factors, f);
                prose(&s.benefits, f);
                for o in &s.outlook {
                    f(o.occupation.as_str());
                    if let Some(area) = &o.area {
                        f(area.name.as_str());
                    }
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
                    if names {
                        f(src.title.as_str());
                        f(src.publisher.as_str());
                    }
                    if let Some(note) = &src.note {
                        f(note.as_str());
                    }
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
        self.for_each_text(&mut |text| words += crate::prose::count_words(text));
        words
    }
}
