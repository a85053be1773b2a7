//! Every label, by name, with the placeholders it takes: the one list the labels' type, the
//! raw form read from TOML and the names are made from.

use serde::Deserialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use super::{Label, Placeholders};
use crate::spanned::Str;

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
    /// The name of a row of figures for one state or region: an occupation's or a
    /// workplace's name (`{name}`) and the place's (`{area}`).
    in_area [name, area],
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
    /// A source in the list of sources, before its dates and address: `{publisher}. {title}.`
    /// (the title set in italics).
    source_entry [publisher, title],
    /// A source whose publisher is its title: `{title}.`
    source_entry_title [title],
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
    /// A link to a source in the list of sources, said with the source's number there, its
    /// publisher and its title: `Source 4: American Association of Psychiatric Technicians,
    /// Home page`, which tells where the link goes out of context too.
    link_source [number, publisher, title],
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
    /// The title of a fact sheet, in its metadata and a viewer's title bar.
    title_fact_sheet [title],
    /// The title of the FAQ handout, in its metadata and a viewer's title bar.
    title_faq [title],
    /// Under a table with a figure or a source missing, what its dash (`–`) means.
    dash_note [],
    /// The QR code's text alternative, after the address it encodes, which the handout prints
    /// beside it: what the graphic is, without reading the address twice.
    qr_code [],

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
    /// A date of a year alone: `{year}` (Chinese and Japanese `{year}年`, Korean
    /// `{year}년`, Russian `{year} г.`).
    date_year [year],
    /// The month names, January to December, separated by commas, as a date with its day
    /// uses them (`date_day`).
    months [],
    /// The month names as a date of a month alone uses them (`date_month`), January to
    /// December, separated by commas: the same as `months` in English and Spanish, the
    /// nominative where `months` holds the genitive (Russian `май 2024 года` but
    /// `15 мая 2024 года`; Armenian `մայիս`, `մայիսի`).
    months_standalone [],
    /// The ten digits numbers, dates and years are written with, zero to nine: `0123456789`,
    /// or the script's own, such as Persian `۰۱۲۳۴۵۶۷۸۹` or Khmer `០១២៣៤៥៦៧៨៩`.
    digits [],
    /// The sizes of the groups of digits, from the right: `3` (`1,234,567`), or `3,2` for
    /// three and then twos (`12,34,567`), as Indian English, Hindi and Punjabi write lakhs and
    /// crores.
    digit_grouping [],

    // Punctuation the exporters add between pieces of their own.
    /// Between the items of a list the exporters make (names in a table cell, a pay range
    /// and its median): `, ` (Chinese and Japanese `、`, Arabic and Persian `، `).
    list_separator [],
    /// Between figures in one table cell (a year's pay and an hour's, two dates): `; `
    /// (Chinese `；`, Arabic and Persian `؛ `).
    figure_separator [],
    /// Ends a sentence the exporters make (a source's title, a chart's description): `.`
    /// (Chinese and Japanese `。`, Hindi and Punjabi `।`, Armenian `։`, Khmer `។`).
    sentence_end [],
    /// Between two such sentences, and after a run-in heading: `. ` (Chinese and Japanese
    /// `。` with no space).
    sentence_join [],
    /// A label and what it labels, as a chart's description, a note and a qualifying route
    /// write them: `{label}: {value}` (Chinese `{label}：{value}`, French `{label} : {value}`).
    labeled [label, value],
}
