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

    /// A whole number with its digits grouped the edition's way: `21,200`.
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let from: u64 = self.group_from.as_str().parse().unwrap_or(1000);
        if n < from {
            return digits;
        }
        let sep = self.digit_group.as_str();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
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
            ("start", &start.to_string()),
            ("end", &end.to_string()),
            ("end_short", &short),
        ])
    }

    /// A date, as precise as it is written: `November 23, 2026`, `May 2024`, `2024`.
    pub fn date(&self, date: RefDate) -> String {
        let year = date.year().to_string();
        let Some(month) = date.month() else {
            return year;
        };
        let months: Vec<&str> = self.months.as_str().split(',').map(str::trim).collect();
        let name = months
            .get(usize::from(month) - 1)
            .copied()
            .unwrap_or_default();
        match date.day() {
            Some(day) => {
                self.date_day
                    .fill(&[("day", &day.to_string()), ("month", name), ("year", &year)])
            }
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
            [rest @ .., last] => self
                .list_and
                .fill(&[("first", &rest.join(", ")), ("last", last)]),
        }
    }
}
