//! The words the exporters add around the content, in the edition's language.
//!
//! Headings such as "Contents", table headers, the footer, the edition line, the descriptions
//! of links and charts, and the way numbers and dates are written all come from one
//! [`Labels`] value per guide. English and Spanish sets are built in (`content/labels/`); an
//! edition picks the set of its `language` and may set any label in a `[labels]` table of its
//! `guide.toml`. An edition in a language with no built-in set gives every label there.
//!
//! A label may hold placeholders in braces, such as `Page {page} of {total}`; each label
//! accepts its own, which loading checks. Write `{{` and `}}` for a brace itself.

use std::fmt;

use serde::Deserialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use crate::section::SectionId;
use crate::spanned::Str;
use crate::terms::{EntryEducation, Meta, PayUnit, StateTopic, Statistic};
use crate::values::{Money, RefDate};

/// One label: text with the placeholders its kind accepts, checked on load.
///
/// # Examples
///
/// ```
/// let labels = &mht_guide::guide().labels;
/// assert_eq!(labels.page_of.fill(&[("page", "2"), ("total", "9")]), "Page 2 of 9");
/// assert_eq!(labels.contents.as_str(), "Contents");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label(String);

/// The placeholders a label must show, and those of which it shows at least one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placeholders {
    pub(crate) required: &'static [&'static str],
    pub(crate) optional: &'static [&'static str],
}

impl Placeholders {
    #[cfg(test)]
    const fn of(required: &'static [&'static str]) -> Placeholders {
        Placeholders {
            required,
            optional: &[],
        }
    }
}

/// A piece of a [`Label`]: literal text or a placeholder's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Piece<'a> {
    /// Text as written, with `{{` and `}}` already turned into braces.
    Text(&'a str),
    /// The name of a placeholder, without its braces.
    Placeholder(&'a str),
}

impl Label {
    /// The label as written, placeholders and all.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The label's pieces in order, for a format that sets a placeholder's value in markup of
    /// its own (HTML puts a date in `<time>`).
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        // The text was checked when it was loaded, so every brace pairs up.
        pieces(&self.0).unwrap_or_default()
    }

    /// The label with each placeholder replaced by its value; a placeholder without a value is
    /// left out.
    pub fn fill(&self, values: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(self.0.len() + 16);
        for piece in self.pieces() {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Placeholder(name) => {
                    if let Some((_, v)) = values.iter().find(|(n, _)| *n == name) {
                        out.push_str(v);
                    }
                }
            }
        }
        out
    }

    /// A stand-in for a label that failed its checks; it never reaches a guide.
    pub(crate) fn placeholder() -> Label {
        Label(String::new())
    }

    /// Checks a label's text against the placeholders its kind accepts: each required one
    /// must be used, and no other than those it accepts.
    pub(crate) fn parse(text: &str, placeholders: Placeholders) -> Result<Label, String> {
        if text.is_empty() {
            return Err("this label is empty; give the words to print".into());
        }
        let found = pieces(text)?;
        let accepts: Vec<&str> = placeholders
            .required
            .iter()
            .chain(placeholders.optional)
            .copied()
            .collect();
        let accepts = accepts.as_slice();
        for piece in &found {
            if let Piece::Placeholder(name) = piece
                && !accepts.contains(name)
            {
                return Err(match accepts {
                    [] => format!(
                        "`{{{name}}}` is not a placeholder this label has; it takes none, so \
                         remove it (write `{{{{` for a brace)"
                    ),
                    _ => format!(
                        "`{{{name}}}` is not a placeholder this label has; it takes {}",
                        list(accepts)
                    ),
                });
            }
        }
        if !placeholders.optional.is_empty()
            && !placeholders
                .optional
                .iter()
                .any(|name| found.contains(&Piece::Placeholder(name)))
        {
            return Err(format!(
                "this label must show one of {}",
                list(placeholders.optional)
            ));
        }
        for name in placeholders.required {
            if !found.contains(&Piece::Placeholder(name)) {
                return Err(format!(
                    "this label must show `{{{name}}}`; it takes {}",
                    list(accepts)
                ));
            }
        }
        Ok(Label(text.to_owned()))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{{{n}}}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits a label into text and placeholders, or says where a brace does not pair up.
fn pieces(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(at) = rest.find(['{', '}']) else {
            out.push(Piece::Text(rest));
            break;
        };
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push(Piece::Text("{"));
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push(Piece::Text("}"));
            rest = after;
        } else if tail.starts_with('}') {
            return Err("a `}` closes no placeholder; write `}}` for a brace".into());
        } else {
            let Some(end) = tail.find('}') else {
                return Err(
                    "a `{` is never closed; close the placeholder with `}`, or write \
                            `{{` for a brace"
                        .into(),
                );
            };
            let name = &tail[1..end];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(format!(
                    "`{{{name}}}` is not a placeholder; a placeholder is a name in lowercase \
                     letters, such as `{{date}}` (write `{{{{` for a brace)"
                ));
            }
            out.push(Piece::Placeholder(name));
            rest = &tail[end + 1..];
        }
    }
    Ok(out)
}

macro_rules! labels {
    ($( $(#[doc = $doc:literal])+ $name:ident [$($arg:ident),*] $([$($opt:ident),*])? ),+ $(,)?) => {
        /// Every word the exporters add, in one edition's language.
        ///
        /// Each field is one label; its documentation names the placeholders it accepts.
        /// The methods below format numbers, amounts and dates the edition's way.
        ///
        /// # Examples
        ///
        /// ```
        /// use mht_guide::SectionId;
        ///
        /// let labels = &mht_guide::guide().labels;
        /// assert_eq!(labels.section(SectionId::Faq), "Frequently asked questions");
        /// assert_eq!(labels.number(21_200), "21,200");
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Labels {
            $( $(#[doc = $doc])+ pub $name: Label, )+
        }

        /// The `[labels]` of an edition, or a built-in label set: any label may be left out.
        #[derive(Deserialize, Default)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub(crate) struct RawLabels {
            $( $(#[doc = $doc])+ pub(crate) $name: Option<Str>, )+
        }

        impl RawLabels {
            /// Each label's name, the placeholders it must show, those it may show, and its
            /// value if given.
            #[allow(clippy::type_complexity)]
            pub(crate) fn entries(&self) -> Vec<(&'static str, Placeholders, Option<&Str>)> {
                vec![ $( (
                    stringify!($name),
                    Placeholders {
                        required: &[$(stringify!($arg)),*],
                        optional: &[$($(stringify!($opt)),*)?],
                    },
                    self.$name.as_ref(),
                ) ),+ ]
            }
        }

        impl Labels {
            /// The names of every label, in the order of the built-in files.
            pub const NAMES: &'static [&'static str] = &[ $( stringify!($name) ),+ ];

            /// Every label with its name, in the order of [`Labels::NAMES`].
            ///
            /// # Examples
            ///
            /// ```
            /// let labels = &mht_guide::guide().labels;
            /// let (name, label) = labels.iter().next().unwrap();
            /// assert_eq!((name, label.as_str()), ("section_definition", "What a mental health technician is"));
            /// ```
            pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Label)> {
                [ $( (stringify!($name), &self.$name) ),+ ].into_iter()
            }

            /// Builds the labels from one value per name, in the order of [`Labels::NAMES`].
            pub(crate) fn from_values(values: Vec<Label>) -> Labels {
                let mut values = values.into_iter();
                Labels {
                    $( $name: values.next().expect("one value for each label"), )+
                }
            }
        }
    };
}

labels! {
    // Sections.
    /// The heading of the section `definition`.
    section_definition [],
    /// The heading of the section `responsibilities`.
    section_responsibilities [],
    /// The heading of the section `education`.
    section_education [],
    /// The heading of the section `work-settings`.
    section_work_settings [],
    /// The heading of the section `skills`.
    section_skills [],
    /// The heading of the section `career-path`.
    section_career_path [],
    /// The heading of the section `salary-outlook`.
    section_salary_outlook [],
    /// The heading of the section `challenges-rewards`.
    section_challenges_rewards [],
    /// The heading of the section `care-team`.
    section_care_team [],
    /// The heading of the section `faq`.
    section_faq [],
    /// The heading of the section `sources`.
    section_sources [],

    // Subheadings.
    /// The heading of the table of contents, and its name in EPUB navigation.
    contents [],
    /// The subheading over the definition's other job titles.
    other_job_titles [],
    /// The subheading over a typical shift.
    typical_shift [],
    /// The subheading over the ways into the job.
    ways_into_the_job [],
    /// The subheading over training.
    training [],
    /// The subheading over licensure.
    licensure [],
    /// The subheading over certification.
    certification [],
    /// The subheading over continuing education.
    continuing_education [],
    /// The subheading over the time each route takes.
    time_to_qualify [],
    /// The subheading over hours and schedules.
    schedules [],
    /// The subheading over skills.
    skills [],
    /// The subheading over personal qualities.
    qualities [],
    /// The subheading over pay.
    pay [],
    /// The subheading over what affects pay.
    pay_factors [],
    /// The subheading over benefits.
    benefits [],
    /// The subheading over the job outlook.
    outlook [],
    /// The subheading over the challenges.
    challenges [],
    /// The subheading over the rewards.
    rewards [],
    /// The subheading over the members of the care team.
    team_members [],
    /// The subheading over how the roles differ.
    distinctions [],

    // Short labeled facts.
    /// The label of a state credential's name.
    credential [],
    /// The label of the body that issues a license or certification.
    issued_by [],
    /// The label of a workplace's pace.
    pace [],
    /// The label of the people a workplace serves.
    people_served [],
    /// The label that leads what a next role requires.
    what_it_takes [],
    /// The label that leads a note under a table or chart.
    note [],
    /// The phrase that joins the last two items of a list in running text: `{first}` is the
    /// items before, `{last}` the last one.
    list_and [first, last],

    // Tables.
    /// A table caption with the period its figures describe.
    caption_period [caption, period],
    /// The caption of the occupation codes table.
    occupation_codes [],
    /// The header of a column of occupations.
    occupation [],
    /// The header of a column of classification systems.
    system [],
    /// The header of a column of codes.
    code [],
    /// The header of a column of sources.
    source [],
    /// The header of a column of periods.
    period [],
    /// The header of a column of workplaces.
    workplace [],
    /// The caption of the table of pay in related and comparison occupations.
    comparison_pay [],
    /// The caption of the table of pay by workplace; `{statistic}` is a statistic's label,
    /// such as the one of `median`.
    pay_by_workplace [statistic],
    /// The header of the jobs in a projection's first year.
    jobs_in [year],
    /// The header of the jobs projected for its last year.
    projected_jobs_in [year],
    /// The header of the jobs in a projection's first year, when projections differ in years.
    jobs_at_start [],
    /// The header of the jobs projected for the last year, when projections differ in years.
    projected_jobs [],
    /// The header of the change in jobs.
    change [],
    /// The header of the growth in percent.
    growth [],
    /// The header of the openings a year.
    openings [],
    /// The caption of the table of projections.
    projections [],
    /// The note under a table of rounded figures.
    rounded_note [],
    /// The caption of a state's table of licensing rules.
    state_rules [state],
    /// The header of a column of licensing topics.
    topic [],
    /// The header of a column of what the rules say.
    rules_say [],
    /// What a rule's row says when no primary source confirms it.
    not_confirmed [],
    /// The note under a state's table of licensing rules.
    not_legal_advice [],
    /// The caption of the table of employment shares.
    employment_shares [],
    /// The note under the table of employment shares.
    employment_note [],

    // Statistics, units and licensing topics.
    /// The statistic `p10`.
    statistic_p10 [],
    /// The statistic `p25`.
    statistic_p25 [],
    /// The statistic `median`.
    statistic_median [],
    /// The statistic `mean`.
    statistic_mean [],
    /// The statistic `p75`.
    statistic_p75 [],
    /// The statistic `p90`.
    statistic_p90 [],
    /// An amount paid by the hour.
    per_hour [amount],
    /// An amount paid by the year, where the unit is said.
    per_year [amount],
    /// The licensing topic `routes`.
    topic_routes [],
    /// The licensing topic `exam`.
    topic_exam [],
    /// The licensing topic `program_length`.
    topic_program_length [],
    /// The licensing topic `approved_programs`.
    topic_approved_programs [],
    /// The licensing topic `background_check`.
    topic_background_check [],
    /// The licensing topic `interim_permit`.
    topic_interim_permit [],
    /// The licensing topic `endorsement`.
    topic_endorsement [],
    /// The licensing topic `renewal`.
    topic_renewal [],
    /// The licensing topic `unlicensed_work`.
    topic_unlicensed_work [],

    // Education levels.
    /// The entry education `no_formal_credential`.
    education_no_formal_credential [],
    /// The entry education `high_school`.
    education_high_school [],
    /// The entry education `postsecondary_nondegree_award`.
    education_postsecondary_nondegree_award [],
    /// The entry education `some_college`.
    education_some_college [],
    /// The entry education `associate`.
    education_associate [],
    /// The entry education `bachelor`.
    education_bachelor [],
    /// The entry education `master`.
    education_master [],
    /// The entry education `doctoral`.
    education_doctoral [],

    // The key figures.
    /// The heading of the key figures, for assistive technology.
    key_figures [],
    /// What the median pay figure is.
    key_median_pay [],
    /// What the growth figure is.
    key_growth [],
    /// What the openings figure is.
    key_openings [],
    /// What the entry education figure is.
    key_entry_education [],
    /// Whom and when a key figure describes.
    key_detail [occupation, when],
    /// The years an average of openings is taken over.
    key_average [years],

    // Charts.
    /// The title of the chart of pay ranges.
    chart_pay [],
    /// The title of the chart of growth.
    chart_growth [],
    /// The title of the chart of employment shares.
    chart_shares [],
    /// A pay range on the chart.
    chart_range [low, high],
    /// A median added to a pay range on the chart.
    chart_median [median],
    /// A pay range in the chart's text alternative.
    chart_range_words [occupation, low, high],

    // Sources.
    /// The date a source's data describes.
    source_data_date [date],
    /// The date a source was published.
    source_published [date],
    /// The date an undated source was read.
    source_checked [date],

    // The title block and the page.
    /// The line under the title.
    edition_line [date, publisher, license],
    /// The line that names the organization handing the guide out.
    provided_by [organization],
    /// The footer of a page when the number of pages is not known.
    page [page],
    /// The footer of a page.
    page_of [page, total],

    // Descriptions for assistive technology.
    /// A link whose text is its address.
    link_address [address],
    /// A link to a source in the list of sources.
    link_source [title],
    /// A link to a heading on a page.
    link_heading_page [title, page],
    /// A link to a heading.
    link_heading [title],
    /// The EPUB landmark of the title page.
    title_page [],
    /// The heading of the EPUB landmarks.
    landmarks [],
    /// The EPUB landmark of the start of the content.
    start_of_content [],
    /// The search keywords of the PDF and the subjects of the EPUB, separated by commas.
    keywords [],
    /// The accessibility summary of an EPUB that is text only.
    epub_text_only [],
    /// The accessibility summary of an EPUB with images: `{images}` lists them.
    epub_with_images [images],
    /// What the accessibility summary says of an EPUB's structure.
    epub_structure [],
    /// The charts, as the accessibility summary lists them.
    epub_charts [],
    /// The logo, as the accessibility summary lists it.
    epub_logo [],
    /// The QR code, as the accessibility summary lists it.
    epub_qr [],

    // Numbers and dates.
    /// The separator between groups of three digits, such as `,` in `21,200`.
    digit_group [],
    /// The separator before the decimals, such as `.` in `20.29`.
    decimal_point [],
    /// The smallest number whose digits are grouped: `1000` groups `1,000`, `10000` leaves
    /// `1000` whole, as Spanish style does.
    group_from [],
    /// An amount in US dollars.
    dollars [amount],
    /// A percentage.
    percent [number],
    /// A span of years, with `{end}` or `{end_short}`: the last year's last two digits when
    /// both years are in one century.
    years [start] [end, end_short],
    /// A date with its day.
    date_day [day, month, year],
    /// A date of a month.
    date_month [month, year],
    /// The month names, January to December, separated by commas.
    months [],
}

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

/// Checks the labels whose values must have a form beyond their placeholders: the month
/// names, and the number where grouping starts.
pub(crate) fn check_form(name: &str, text: &str) -> Result<(), String> {
    if name != "digit_group" && text.trim().is_empty() {
        return Err("this label is blank; give the words to print".into());
    }
    match name {
        "months" => {
            let months: Vec<&str> = text.split(',').map(str::trim).collect();
            if months.len() != 12 || months.iter().any(|m| m.is_empty()) {
                return Err(format!(
                    "give the twelve month names, January to December, separated by commas \
                     ({} found)",
                    months.iter().filter(|m| !m.is_empty()).count()
                ));
            }
        }
        "group_from" if !matches!(text, "1000" | "10000") => {
            return Err(
                "write `1000` (group `1,000`) or `10000` (leave `1000` whole, \
                        group `10 000`)"
                    .into(),
            );
        }
        _ => {}
    }
    Ok(())
}

/// The built-in label sets: (primary language subtag, file name, text).
pub const BUILT_IN: [(&str, &str, &str); 2] = [
    (
        "en",
        "content/labels/en.toml",
        include_str!("../content/labels/en.toml"),
    ),
    (
        "es",
        "content/labels/es.toml",
        include_str!("../content/labels/es.toml"),
    ),
];

/// The built-in label set for a language tag, by its primary subtag: `es-US` → Spanish.
pub(crate) fn built_in(language: &str) -> Option<(&'static str, &'static str)> {
    let language = crate::Language::parse(language).ok()?;
    BUILT_IN
        .iter()
        .find(|(tag, _, _)| *tag == language.primary())
        .map(|&(_, path, text)| (path, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_checked() {
        const PAGE_OF: Placeholders = Placeholders::of(&["page", "total"]);
        const PAGE: Placeholders = Placeholders::of(&["page"]);
        assert!(Label::parse("Page {page} of {total}", PAGE_OF).is_ok());
        let missing = Label::parse("Page {page}", PAGE_OF).unwrap_err();
        assert!(missing.contains("must show `{total}`"), "{missing}");
        let unknown = Label::parse("Page {pages}", PAGE).unwrap_err();
        assert!(
            unknown.contains("`{pages}` is not a placeholder"),
            "{unknown}"
        );
        let open = Label::parse("Page {page", PAGE).unwrap_err();
        assert!(open.contains("never closed"), "{open}");
        let close = Label::parse("Page }", Placeholders::of(&[])).unwrap_err();
        assert!(close.contains("closes no placeholder"), "{close}");
        let years = Placeholders {
            required: &["start"],
            optional: &["end", "end_short"],
        };
        assert!(Label::parse("{start}-{end}", years).is_ok());
        let neither = Label::parse("{start}", years).unwrap_err();
        assert!(neither.contains("must show one of"), "{neither}");
        let braces = Label::parse("{{x}} {n}", Placeholders::of(&["n"])).unwrap();
        assert_eq!(braces.fill(&[("n", "1")]), "{x} 1");
    }

    #[test]
    fn numbers_follow_the_language() {
        let mut es = crate::guide().labels.clone();
        let none = Placeholders::of(&[]);
        es.group_from = Label::parse("10000", none).unwrap();
        es.digit_group = Label::parse("\u{a0}", none).unwrap();
        es.decimal_point = Label::parse(",", none).unwrap();
        assert_eq!(es.number(1000), "1000");
        assert_eq!(es.number(21_200), "21\u{a0}200");
        let money = crate::Money::new(2029, crate::Currency::Usd);
        assert_eq!(es.money(&money), "$20,29");
    }
}
