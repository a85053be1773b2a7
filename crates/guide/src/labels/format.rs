//! What the labels write: section headings, terms, numbers, money and dates, the edition's way.

use super::Labels;
use crate::section::SectionId;
use crate::terms::{EntryEducation, Meta, PayUnit, StateTopic, Statistic};
use crate::values::{Money, RefDate};

impl Labels {
    /// A section's heading.
    pub fn section(&self, id: SectionId) -> &str {
        match id {
            SectionId::Definition => self.section_definition.as_str(),
            SectionId::Responsibilities => self.section_responsibilities.as_str(),
            SectionId::Education => self.section_education.as_str(),
            SectionId::WorkSettings => self.section_work_settings.as_str(),
            SectionId::Skills => self.section_skills.as_str(),
            SectionId::CareerPath => self.section_career_path.as_str(),
            SectionId::SalaryOutlook => self.section_salary_outlook.as_str(),
            SectionId::ChallengesRewards => self.section_challenges_rewards.as_str(),
            SectionId::CareTeam => self.section_care_team.as_str(),
            SectionId::Faq => self.section_faq.as_str(),
            SectionId::Sources => self.section_sources.as_str(),
        }
    }

    /// A statistic's label, such as `Median`.
    pub fn statistic(&self, statistic: Statistic) -> &str {
        match statistic {
            Statistic::Percentile(10) => self.statistic_p10.as_str(),
            Statistic::Percentile(25) => self.statistic_p25.as_str(),
            Statistic::Percentile(75) => self.statistic_p75.as_str(),
            Statistic::Percentile(90) => self.statistic_p90.as_str(),
            Statistic::Mean => self.statistic_mean.as_str(),
            // The loader accepts no other percentile.
            Statistic::Median | Statistic::Percentile(_) => self.statistic_median.as_str(),
        }
    }

    /// A licensing topic's heading.
    pub fn topic(&self, topic: StateTopic) -> &str {
        match topic {
            StateTopic::Routes => self.topic_routes.as_str(),
            StateTopic::Exam => self.topic_exam.as_str(),
            StateTopic::ProgramLength => self.topic_program_length.as_str(),
            StateTopic::ApprovedPrograms => self.topic_approved_programs.as_str(),
            StateTopic::BackgroundCheck => self.topic_background_check.as_str(),
            StateTopic::InterimPermit => self.topic_interim_permit.as_str(),
            StateTopic::Endorsement => self.topic_endorsement.as_str(),
            StateTopic::Renewal => self.topic_renewal.as_str(),
            StateTopic::UnlicensedWork => self.topic_unlicensed_work.as_str(),
        }
    }

    /// An entry education level in a few words.
    pub fn education(&self, level: EntryEducation) -> &str {
        match level {
            EntryEducation::NoFormalCredential => self.education_no_formal_credential.as_str(),
            EntryEducation::HighSchool => self.education_high_school.as_str(),
            EntryEducation::PostsecondaryNondegreeAward => {
                self.education_postsecondary_nondegree_award.as_str()
            }
            EntryEducation::SomeCollege => self.education_some_college.as_str(),
            EntryEducation::Associate => self.education_associate.as_str(),
            EntryEducation::Bachelor => self.education_bachelor.as_str(),
            EntryEducation::Master => self.education_master.as_str(),
            EntryEducation::Doctoral => self.education_doctoral.as_str(),
        }
    }

    /// A whole number with its digits grouped the edition's way, in its digits: `21,200`,
    /// `۲۱٬۲۰۰`, `12,34,567`.
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let from: u64 = self.group_from.as_str().parse().unwrap_or(1000);
        if n < from {
            return self.native(&digits);
        }
        let sep = self.digit_group.as_str();
        // Where a group ends, counted from the right: every three digits, or three and then
        // every two.
        let indian = self.digit_grouping.as_str() == "3,2";
        let breaks_before = |from_right: usize| {
            if indian {
                from_right == 3 || (from_right > 3 && (from_right - 3).is_multiple_of(2))
            } else {
                from_right.is_multiple_of(3)
            }
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 2 * sep.len());
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && breaks_before(digits.len() - i) {
                out.push_str(sep);
            }
            out.push(c);
        }
        self.native(&out)
    }

    /// Text with its ASCII digits written in the edition's digits (`digits`): `2024` in
    /// Persian is `۲۰۲۴`. Other characters are kept.
    pub fn native(&self, text: &str) -> String {
        let digits: Vec<char> = self.digits.as_str().chars().collect();
        if digits.len() != 10 || digits[0] == '0' {
            return text.to_owned();
        }
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => digits[d as usize],
                _ => c,
            })
            .collect()
    }

    /// A signed whole number, with a true minus sign: `−100`.
    pub fn signed(&self, n: i64) -> String {
        let digits = self.number(n.unsigned_abs());
        match n {
            n if n > 0 => format!("+{digits}"),
            n if n < 0 => format!("\u{2212}{digits}"),
            _ => digits,
        }
    }

    /// A percentage: `20%`.
    pub fn percent(&self, n: i64) -> String {
        let number = match n {
            n if n < 0 => format!("\u{2212}{}", self.number(n.unsigned_abs())),
            n => self.number(n.unsigned_abs()),
        };
        self.percent.fill(&[("number", &number)])
    }

    /// Growth with its sign: `+20%`, `0%`, `−7%`.
    pub fn growth(&self, g: i64) -> String {
        let number = match g {
            g if g > 0 => format!("+{}", self.number(g.unsigned_abs())),
            g if g < 0 => format!("\u{2212}{}", self.number(g.unsigned_abs())),
            _ => "0".to_owned(),
        };
        self.percent.fill(&[("number", &number)])
    }

    /// An amount of money: `$42,590`, `$20.29`.
    pub fn money(&self, money: &Money) -> String {
        let cents = money.cents();
        let mut amount = self.number(cents / 100);
        if !cents.is_multiple_of(100) {
            amount.push_str(self.decimal_point.as_str());
            amount.push_str(&format!("{:02}", cents % 100));
        }
        // US dollars are the only currency the loader accepts.
        self.dollars.fill(&[("amount", &amount)])
    }

    /// An amount with the time it is paid for: `$20.29 an hour`.
    pub fn money_per(&self, money: &Money, unit: PayUnit) -> String {
        let amount = self.money(money);
        match unit {
            PayUnit::Hour => self.per_hour.fill(&[("amount", &amount)]),
            PayUnit::Year => self.per_year.fill(&[("amount", &amount)]),
        }
    }

    /// A span of years: `2024–34`.
    pub fn years(&self, start: u16, end: u16) -> String {
        let short = if start / 100 == end / 100 {
            format!("{:02}", end % 100)
        } else {
            end.to_string()
        };
        self.years.fill(&[
            ("start", &self.native(&start.to_string())),
            ("end", &self.native(&end.to_string())),
            ("end_short", &self.native(&short)),
        ])
    }

    /// A date, as precise as it is written: `November 23, 2026`, `May 2024`, `2024`.
    pub fn date(&self, date: RefDate) -> String {
        let year = self.native(&date.year().to_string());
        let Some(month) = date.month() else {
            return self.date_year.fill(&[("year", &year)]);
        };
        // A date with its day names its month from `months`; a month alone, from
        // `months_standalone`, which may be in another case.
        let list = match date.day() {
            Some(_) => &self.months,
            None => &self.months_standalone,
        };
        let months: Vec<&str> = list.as_str().split(',').map(str::trim).collect();
        let name = months
            .get(usize::from(month) - 1)
            .copied()
            .unwrap_or_default();
        match date.day() {
            Some(day) => self.date_day.fill(&[
                ("day", &self.native(&day.to_string())),
                ("month", name),
                ("year", &year),
            ]),
            None => self.date_month.fill(&[("month", name), ("year", &year)]),
        }
    }

    /// The edition line under the title: `Edition of November 23, 2026 · mht-guide
    /// contributors · License CC-BY-4.0`.
    pub fn edition(&self, meta: &Meta) -> String {
        self.edition_line.fill(&[
            ("date", &self.date(meta.edition)),
            ("publisher", meta.publisher.as_str()),
            ("license", meta.license.as_str()),
        ])
    }

    /// Items joined as running text: `a, b and c`.
    pub fn list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => self.list_and.fill(&[
                ("first", &rest.join(self.list_separator.as_str())),
                ("last", last),
            ]),
        }
    }

    /// Items joined with the list separator alone: `a, b, c` (Chinese `a、b、c`).
    pub fn items<S: AsRef<str>>(&self, items: &[S]) -> String {
        join(items, self.list_separator.as_str())
    }

    /// Figures that share a table cell: `$42,590; $20.48 an hour`.
    pub fn figures<S: AsRef<str>>(&self, figures: &[S]) -> String {
        join(figures, self.figure_separator.as_str())
    }

    /// Sentences the exporters make, each ended: `A. B.` (Chinese `A。B。`).
    pub fn sentences<S: AsRef<str>>(&self, sentences: &[S]) -> String {
        let mut out = join(sentences, self.sentence_join.as_str());
        if !out.is_empty() {
            out.push_str(self.sentence_end.as_str());
        }
        out
    }

    /// What follows a run-in heading before its text: the sentence's end and the space after
    /// it (`. `), or only the space when the heading ends in its own punctuation (`? `); in
    /// Chinese `。`, or nothing.
    pub fn run_in<'l>(&'l self, heading: &str) -> (&'l str, &'l str) {
        let end = self.sentence_end.as_str();
        let ended = heading.ends_with([
            '.', '?', '!', ':', '。', '？', '！', '：', '।', '։', '។', '؟',
        ]) || heading.ends_with(end);
        if ended {
            ("", self.sentence_gap())
        } else {
            (end, self.sentence_gap())
        }
    }

    /// The label a source's entry is written with: `source_entry`, or `source_entry_title`
    /// when its publisher is its title.
    pub fn source_entry_for(&self, publisher: &str, title: &str) -> &super::Label {
        if publisher == title {
            &self.source_entry_title
        } else {
            &self.source_entry
        }
    }

    /// A label and its value: `Note: text`.
    pub fn labeled(&self, label: &str, value: &str) -> String {
        self.labeled.fill(&[("label", label), ("value", value)])
    }

    /// What `labeled` puts between a label and its value (`: `, `：`), for a format that
    /// sets the label in markup of its own.
    pub fn colon(&self) -> &str {
        let text = self.labeled.as_str();
        match (text.find("{label}"), text.find("{value}")) {
            (Some(label), Some(value)) => text.get(label + "{label}".len()..value).unwrap_or(": "),
            _ => ": ",
        }
    }

    /// The space between two ended sentences: what `sentence_join` adds after
    /// `sentence_end` (` ` in English, nothing in Chinese).
    pub fn sentence_gap(&self) -> &str {
        let join = self.sentence_join.as_str();
        join.strip_prefix(self.sentence_end.as_str()).unwrap_or(" ")
    }
}

/// Pieces joined by a separator.
fn join<S: AsRef<str>>(pieces: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(piece.as_ref());
    }
    out
}
