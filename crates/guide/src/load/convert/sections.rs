//! Each raw section, checked and turned into its typed model: one function a section, named
//! after its field, as the table of sections calls them.

use super::*;

/// The longest slug: a file name of the slug and an extension stays far below 255 bytes.
const MAX_SLUG: usize = 100;

pub(super) fn meta(cx: &mut Ctx<'_, '_>, raw: raw::Meta) -> (Meta, Labels) {
    let tag = cx.text(&raw.language);
    let language = Language::parse(tag.as_str()).unwrap_or_else(|err| {
        if !tag.as_str().is_empty() {
            cx.problem(raw.language.span(), err.to_string());
        }
        Language::undetermined()
    });
    let language = match &raw.direction {
        Some(direction) => match Direction::parse(direction.get_ref()) {
            Some(direction) => language.with_direction(direction),
            None => {
                cx.problem(
                    direction.span(),
                    format!(
                        "`{}` is not a direction; write `ltr` (left to right) or `rtl` (right \
                         to left), or leave `direction` out to take the language's",
                        direction.get_ref()
                    ),
                );
                language
            }
        },
        None => language,
    };
    let labels = labels(cx, raw.labels.as_ref(), &raw.language);
    // The base and the translations did their work on reading; here their text is checked.
    if let Some(base) = &raw.base {
        cx.text(base);
    }
    for to in raw.translations.iter().flat_map(|t| t.values()) {
        cx.text(to);
    }
    // The fonts were read on loading; here their names are checked as text.
    for font in raw.fonts.iter().flat_map(|f| f.get_ref()) {
        cx.text(font);
    }
    // So was the brand file, which the command line reads.
    if let Some(brand) = &raw.brand {
        cx.text(brand);
    }
    let slug = cx.id(&raw.slug);
    // The slug names every exported file, with an extension after it; file systems allow 255
    // bytes a name.
    if slug.as_str().len() > MAX_SLUG {
        cx.problem(
            raw.slug.span(),
            format!(
                "the slug is {} characters long; exported files are named after it, so keep \
                 it to {MAX_SLUG} characters or fewer",
                slug.as_str().len()
            ),
        );
    }
    let meta = Meta {
        slug,
        title: cx.text(&raw.title),
        subtitle: cx.text(&raw.subtitle),
        description: cx.text(&raw.description),
        language,
        edition: cx.date(&raw.edition),
        publisher: cx.text(&raw.publisher),
        authors: cx.texts(&raw.authors, "`authors`"),
        license: cx.text(&raw.license),
        languages_of_parts: listed_parts(cx, raw.languages_of_parts.as_ref()),
    };
    (meta, labels)
}

/// The parts `guide.toml` lists under `[languages_of_parts]`, in the order written; a part
/// listed under the edition's own language is kept too, to be read in it
/// ([`settle_parts`] takes it out).
fn listed_parts(
    cx: &mut Ctx<'_, '_>,
    listed: Option<&std::collections::BTreeMap<String, S<Vec<Str>>>>,
) -> Vec<LanguagePart> {
    let mut parts = Vec::new();
    for (tag, texts) in listed.into_iter().flatten() {
        let language = match Language::parse(tag) {
            Ok(language) => language,
            Err(err) => {
                cx.problem(
                    texts.span(),
                    format!("under `[languages_of_parts]`, `{tag}`: {err}"),
                );
                continue;
            }
        };
        for text in texts.get_ref() {
            parts.push(LanguagePart {
                text: cx.text(text),
                language: language.clone(),
            });
        }
    }
    parts
}

/// The edition's parts in other languages: those listed, then the names and titles found,
/// each text once, without those listed under the edition's own language; longest first, so
/// that a longer name is found before a shorter one inside it.
pub(super) fn settle_parts(
    language: &Language,
    listed: Vec<LanguagePart>,
    found: Vec<LanguagePart>,
) -> Vec<LanguagePart> {
    let own: Vec<&str> = listed
        .iter()
        .filter(|p| p.language.same_writing(language))
        .map(|p| p.text.as_str())
        .collect();
    let mut parts: Vec<LanguagePart> = Vec::new();
    for part in listed.iter().chain(&found) {
        if !own.contains(&part.text.as_str())
            && !part.language.same_writing(language)
            && !parts.iter().any(|p| p.text == part.text)
        {
            parts.push(part.clone());
        }
    }
    parts.sort_by_key(|p| std::cmp::Reverse(p.text.as_str().chars().count()));
    parts
}

/// The edition's labels: each one its `[labels]` table gives, else the built-in set's for its
/// language. With no built-in set for the language, every label must be given.
pub(super) fn labels(cx: &mut Ctx<'_, '_>, own: Option<&S<RawLabels>>, language: &Str) -> Labels {
    let built_in = crate::labels::built_in(language.get_ref()).and_then(|(path, text)| {
        let path = Path::new(path);
        let raw: RawLabels = parse_toml(path, text, cx.problems)?;
        Some((path, text, raw))
    });
    let empty = RawLabels::default();
    let own_entries = own.map_or(&empty, |o| o.get_ref()).entries();
    let base_entries = built_in.as_ref().map(|(_, _, raw)| raw.entries());
    let mut values = Vec::with_capacity(Labels::NAMES.len());
    let mut missing = Vec::new();
    for (i, (name, accepts, value)) in own_entries.into_iter().enumerate() {
        let checked = |text: &str| {
            crate::labels::check_form(name, text)?;
            Label::parse(text, accepts)
        };
        let base_value = base_entries.as_ref().and_then(|b| b[i].2);
        let label = match (value, base_value, &built_in) {
            (Some(v), _, _) => checked(v.get_ref())
                .map_err(|m| cx.problem(v.span(), m))
                .ok(),
            (None, Some(v), Some((path, text, _))) => checked(v.get_ref())
                .map_err(|m| {
                    cx.problems
                        .push(Diagnostic::at_offset(path, text, v.span().start, m));
                })
                .ok(),
            _ => match crate::labels::LATER.iter().find(|(n, _)| *n == name) {
                // A label added after the edition was written reads as the default until the
                // edition gives its own.
                Some((_, default)) => checked(default).ok(),
                None => {
                    missing.push(name);
                    None
                }
            },
        };
        values.push(label.unwrap_or_else(Label::placeholder));
    }
    // A tag that is not one is reported as such; its labels are not asked for as well.
    if !missing.is_empty() && Language::parse(language.get_ref()).is_ok() {
        let shown: Vec<String> = missing.iter().take(8).map(|n| format!("`{n}`")).collect();
        let more = match missing.len() {
            n if n > 8 => format!(" and {} more", n - 8),
            _ => String::new(),
        };
        let why = match &built_in {
            Some((path, _, _)) => format!("the built-in set {} lacks them", path.display()),
            None => format!(
                "no label set is built in for `{}` (there are sets for {})",
                language.get_ref(),
                crate::labels::BUILT_IN
                    .iter()
                    .map(|(tag, _, _)| format!("`{tag}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        cx.problem(
            own.map_or(language.span(), |o| o.span()),
            format!(
                "{} labels are missing: {}{more}; {why}, so give each under `[labels]` in \
                 {GUIDE_FILE} (content/labels/en.toml lists them all)",
                missing.len(),
                shown.join(", ")
            ),
        );
    }
    Labels::from_values(values)
}

pub(super) fn definition(cx: &mut Ctx<'_, '_>, raw: raw::Definition) -> Definition {
    cx.not_empty(&raw.occupation_codes, "`occupation_codes`");
    Definition {
        summary: cx.prose(&raw.summary),
        body: cx.prose(&raw.body),
        alternate_titles: raw.alternate_titles.iter().map(|t| cx.text(t)).collect(),
        occupation_codes: raw
            .occupation_codes
            .get_ref()
            .iter()
            .map(|c| OccupationCode {
                system: cx.text(&c.system),
                code: cx.text(&c.code),
                title: cx.text(&c.title),
                source: cx.source(&c.source),
            })
            .collect(),
    }
}

pub(super) fn responsibilities(
    cx: &mut Ctx<'_, '_>,
    raw: raw::Responsibilities,
) -> Responsibilities {
    Responsibilities {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        duties: cx.items(&raw.duties, "`duties`"),
        typical_shift: cx.opt_prose(&raw.typical_shift),
    }
}

pub(super) fn education(cx: &mut Ctx<'_, '_>, raw: raw::Education) -> Education {
    cx.not_empty(&raw.time_to_qualify, "`time_to_qualify`");
    Education {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        entry_paths: cx.items(&raw.entry_paths, "`entry_paths`"),
        training: cx.prose(&raw.training),
        licensure: cx.prose(&raw.licensure),
        state_licenses: raw
            .state_licenses
            .get_ref()
            .iter()
            .map(|l| StateLicense {
                state: cx.text(&l.state),
                credential: cx.name(&l.credential),
                board: cx.name(&l.board),
                requirements: cx.prose(&l.requirements),
                routes: cx.state_rule(&l.routes),
                exam: cx.state_rule(&l.exam),
                background_check: cx.state_rule(&l.background_check),
                program_length: cx.state_rule(&l.program_length),
                approved_programs: cx.state_rule(&l.approved_programs),
                interim_permit: cx.state_rule(&l.interim_permit),
                endorsement: cx.state_rule(&l.endorsement),
                renewal: cx.state_rule(&l.renewal),
                unlicensed_work: cx.state_rule(&l.unlicensed_work),
            })
            .collect(),
        certifications: raw
            .certifications
            .get_ref()
            .iter()
            .map(|c| Certification {
                name: cx.name(&c.name),
                abbreviation: cx.opt_text(&c.abbreviation),
                issuer: cx.name(&c.issuer),
                description: cx.prose(&c.description),
                levels: c
                    .levels
                    .iter()
                    .map(|l| Item {
                        title: cx.text(&l.title),
                        description: cx.prose(&l.description),
                    })
                    .collect(),
            })
            .collect(),
        continuing_education: cx.prose(&raw.continuing_education),
        time_to_qualify: raw
            .time_to_qualify
            .get_ref()
            .iter()
            .map(|t| TimeToQualify {
                route: cx.text(&t.route),
                duration: cx.text(&t.duration),
                description: cx.prose(&t.description),
            })
            .collect(),
    }
}

pub(super) fn work_settings(cx: &mut Ctx<'_, '_>, raw: raw::WorkSettings) -> WorkSettings {
    cx.not_empty(&raw.settings, "`settings`");
    cx.unique(
        raw.settings.get_ref().iter().filter_map(|s| s.id.as_ref()),
        "workplace",
    );
    WorkSettings {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        settings: raw
            .settings
            .get_ref()
            .iter()
            .map(|s| WorkSetting {
                id: s.id.as_ref().map(|id| cx.id(id)),
                name: cx.text(&s.name),
                description: cx.prose(&s.description),
                pace: cx.text(&s.pace),
                populations: cx.texts(&s.populations, "`populations`"),
                employment: s
                    .employment
                    .iter()
                    .map(|e| EmploymentShare {
                        occupation: cx.text(&e.occupation),
                        percent: cx.int(&e.percent, 0..101, "the percentage"),
                        period: cx.figure_date(&e.period),
                        source: cx.source(&e.source),
                    })
                    .collect(),
            })
            .collect(),
        schedules: cx.prose(&raw.schedules),
    }
}

pub(super) fn skills(cx: &mut Ctx<'_, '_>, raw: raw::Skills) -> Skills {
    Skills {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        skills: cx.items(&raw.skills, "`skills`"),
        qualities: cx.items(&raw.qualities, "`qualities`"),
    }
}

pub(super) fn career_path(cx: &mut Ctx<'_, '_>, raw: raw::CareerPath) -> CareerPath {
    cx.not_empty(&raw.next_roles, "`next_roles`");
    CareerPath {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        next_roles: raw
            .next_roles
            .get_ref()
            .iter()
            .map(|s| CareerStep {
                role: cx.text(&s.role),
                description: cx.prose(&s.description),
                requires: cx.prose(&s.requires),
            })
            .collect(),
    }
}

pub(super) fn salary_outlook(cx: &mut Ctx<'_, '_>, raw: raw::SalaryOutlook) -> SalaryOutlook {
    cx.not_empty(&raw.pay, "`pay`");
    cx.not_empty(&raw.outlook, "`outlook`");
    let pay_list = raw.pay.get_ref();
    let outlook_list = raw.outlook.get_ref();
    // A figure's layer is found by its date, whose key is never translated: a translation
    // moves an occupation's text to the translating edition's guide.toml.
    cx.replace_flags(
        pay_list
            .iter()
            .map(|p| (p.period.span().start, p.replace.as_ref())),
        "pay",
    );
    cx.replace_flags(
        outlook_list
            .iter()
            .map(|o| (o.base_year.span().start, o.replace.as_ref())),
        "outlook",
    );
    let before = cx.problems.len();
    let pay = pay_list
        .iter()
        .map(|p| {
            let at = (p.occupation.span(), p.period.span().start);
            (at, pay_figure(cx, p))
        })
        .collect();
    let pay = cx.without_repeats(
        pay,
        |a: &PayFigure, b: &PayFigure| a.same(b) && a.period == b.period && a.source == b.source,
        (
            "pay figure",
            "occupation, workplace, area, statistic, unit, period and source",
        ),
        cx.problems.len() == before,
    );
    let before = cx.problems.len();
    let outlook = outlook_list
        .iter()
        .map(|o| {
            let at = (o.occupation.span(), o.base_year.span().start);
            (at, outlook_figure(cx, o))
        })
        .collect();
    let outlook = cx.without_repeats(
        outlook,
        |a: &OutlookFigure, b: &OutlookFigure| {
            a.same(b)
                && (a.base_year, a.target_year) == (b.base_year, b.target_year)
                && a.source == b.source
        },
        ("projection", "occupation, area, years and source"),
        cx.problems.len() == before,
    );
    // Where each figure of the lists starts, and its `replace` flag: a key figure chosen by a
    // base and left without its figure by an edition above it is reported there.
    let starts = |list: Vec<(usize, Option<&S<bool>>)>| -> Vec<(usize, Option<usize>)> {
        list.into_iter()
            .map(|(at, flag)| (at, flag.map(|f| f.span().start)))
            .collect()
    };
    let pay_starts = starts(
        pay_list
            .iter()
            .map(|p| (p.period.span().start, p.replace.as_ref()))
            .collect(),
    );
    let outlook_starts = starts(
        outlook_list
            .iter()
            .map(|o| (o.base_year.span().start, o.replace.as_ref()))
            .collect(),
    );
    SalaryOutlook {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        pay,
        pay_factors: cx.prose(&raw.pay_factors),
        benefits: cx.prose(&raw.benefits),
        outlook,
        outlook_notes: cx.prose(&raw.outlook_notes),
        key_figures: KeyFigureChoice::default(),
    }
    .with_key_figures(cx, raw.key_figures.as_ref(), (&pay_starts, &outlook_starts))
}

impl PayFigure {
    /// Whether two figures are of the same thing, so that an edition's takes the place of its
    /// base's: the same occupation, workplace, area, role, statistic and unit.
    fn same(&self, other: &PayFigure) -> bool {
        same_occupation(
            (&self.occupation, &self.code),
            (&other.occupation, &other.code),
        ) && self.setting == other.setting
            && same_area(self.area.as_ref(), other.area.as_ref())
            && self.role == other.role
            && self.statistic == other.statistic
            && self.unit == other.unit
    }
}

impl OutlookFigure {
    /// Whether two projections are of the same thing, so that an edition's takes the place
    /// of its base's: the same occupation, area and role.
    fn same(&self, other: &OutlookFigure) -> bool {
        same_occupation(
            (&self.occupation, &self.code),
            (&other.occupation, &other.code),
        ) && same_area(self.area.as_ref(), other.area.as_ref())
            && self.role == other.role
    }
}

/// Whether two figures are of the same occupation: by their codes when both have one (so that
/// a translated name still matches), else by their names.
fn same_occupation(a: (&Text, &Option<Text>), b: (&Text, &Option<Text>)) -> bool {
    match (a.1, b.1) {
        (Some(x), Some(y)) => x == y,
        _ => a.0 == b.0,
    }
}

/// Whether two figures cover the same place: both the whole country, the same state (by its
/// code, whatever its name in each edition's language), or regions in the same state with the
/// same code when both have one, else the same name.
fn same_area(a: Option<&Area>, b: Option<&Area>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.kind == b.kind
                && a.state == b.state
                && (a.kind == AreaKind::State
                    || match (&a.code, &b.code) {
                        (Some(x), Some(y)) => x == y,
                        _ => a.name == b.name,
                    })
        }
        _ => false,
    }
}

/// The place a figure covers, checked: a state (`state` and `name`) or a region (`region`,
/// with `state` when it lies in one).
fn area(cx: &mut Ctx<'_, '_>, raw: &S<raw::Area>) -> Option<Area> {
    let a = raw.get_ref();
    let state = a
        .state
        .as_ref()
        .and_then(|s| cx.check(s, crate::values::StateCode::parse));
    let code = cx.opt_text(&a.code);
    let (kind, name) = match (&a.name, &a.region) {
        (Some(name), None) => {
            if a.state.is_none() {
                cx.problem(
                    name.span(),
                    "an area with a `name` is a whole state, and this one has no `state`; give \
                     its postal code as `state`, or write `region` instead of `name` for a \
                      region"
                        .into(),
                );
                return None;
            }
            let text = cx.text(name);
            // In English the name can be checked against the code.
            let english = cx
                .languages
                .last()
                .cloned()
                .flatten()
                .is_some_and(|l| l.primary() == "en");
            if let Some(state) = state
                && english
                && !text.as_str().is_empty()
                && !state.is_english_name(text.as_str())
            {
                cx.problem(
                    name.span(),
                    format!(
                        "`{}` is {}, and this area's name is `{text}`; write the state's name, \
                         or correct its code",
                        state.as_str(),
                        state.english_name()
                    ),
                );
            }
            (AreaKind::State, text)
        }
        (None, Some(region)) => (AreaKind::Region, cx.text(region)),
        (Some(name), Some(_)) => {
            cx.problem(
                name.span(),
                "an area is a state (`state` and `name`) or a region (`region`), not both; \
                 keep `name` for a whole state, or `region` for part of one"
                    .into(),
            );
            return None;
        }
        (None, None) => {
            let message = match (state, &a.state) {
                (_, Some(_)) if state.is_none() => return None,
                (Some(state), _) => format!(
                    "this area gives `state` but no name; add `name = \"{}\"` for the whole \
                     state (in the edition's language), or `region` for part of it",
                    state.english_name()
                ),
                (None, _) => {
                    "this area names no place; give `state` and `name` for a whole state, \
                         or `region` for a region"
                        .to_owned()
                }
            };
            cx.problem(raw.span(), message);
            return None;
        }
    };
    Some(Area {
        kind,
        name,
        state,
        code,
    })
}

impl SalaryOutlook {
    /// Checks the chosen key figures' occupations, and chooses the rest: each the first of the
    /// guide's own occupations with such a figure.
    pub(super) fn with_key_figures(
        mut self,
        cx: &mut Ctx<'_, '_>,
        chosen: Option<&S<raw::KeyFigures>>,
        (pay_starts, outlook_starts): (&Starts, &Starts),
    ) -> SalaryOutlook {
        let subject_pay = || {
            self.pay
                .iter()
                .filter(|p| p.role == Role::Subject && p.is_overall_median())
                .map(|p| &p.occupation)
        };
        let pay: Vec<&Text> = self
            .pay
            .iter()
            .filter(|p| p.is_overall_median())
            .map(|p| &p.occupation)
            .collect();
        // A key figure is national: a local one is shown beside it, in the tables.
        let outlook = |has: fn(&OutlookFigure) -> bool| -> Vec<&Text> {
            self.outlook
                .iter()
                .filter(|o| o.area.is_none() && has(o))
                .map(|o| &o.occupation)
                .collect()
        };
        let subject = |has: fn(&OutlookFigure) -> bool| {
            self.outlook
                .iter()
                .find(|o| o.role == Role::Subject && o.area.is_none() && has(o))
                .map(|o| o.occupation.clone())
        };
        let growth = outlook(|_| true);
        let openings = outlook(|o| o.openings_per_year.is_some());
        let education = outlook(|o| o.entry_education.is_some());
        let top = cx.languages.len().saturating_sub(1);
        let table_at = chosen.map(|c| c.span().start);
        let mut pick = |value: Option<&Str>,
                        have: &[&Text],
                        what: &str,
                        default: Option<Text>,
                        starts: &Starts| {
            let Some(value) = value else {
                return default;
            };
            let name = cx.text(value);
            if have.contains(&&name) {
                return Some(name);
            }
            let list = if have.is_empty() {
                "there is none in this file".to_owned()
            } else {
                let names: Vec<String> = have.iter().map(|n| format!("`{n}`")).collect();
                format!("occupations with one: {}", names.join(", "))
            };
            // A choice made by a base and left without its figure by an edition above it is
            // reported where that edition's figures undo it: at its `replace`, the highest
            // one above the choice, else at the first figure of the edition itself.
            let layer = |at: usize| cx.src.region(at).layer;
            // A translated choice reads from the translating edition's guide.toml; the table
            // it was made in stays where it was written.
            let translated = cx
                .src
                .region(value.span().start)
                .path
                .file_name()
                .is_some_and(|n| n == GUIDE_FILE);
            let written = match table_at {
                Some(at) if translated => at,
                _ => value.span().start,
            };
            let chosen_in = layer(written);
            let undone_at = starts
                .iter()
                .filter_map(|(_, flag)| *flag)
                .filter(|&flag| layer(flag) > chosen_in)
                .max_by_key(|&flag| layer(flag))
                .or_else(|| {
                    starts
                        .iter()
                        .map(|(at, _)| *at)
                        .find(|&at| layer(at) == top && top > chosen_in)
                });
            match undone_at {
                Some(at) => {
                    let key = cx.src.region(written);
                    let (line, _) = line_column(key.text, written - key.start);
                    let file = key.path.file_name().map_or_else(
                        || key.path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    cx.problem(
                        at..at,
                        format!(
                            "the key figures this edition inherits show the {what} of \
                             `{name}` (`[key_figures]`, line {line} of the base's {file}), and \
                             this edition's figures leave none; add one, or choose another \
                             occupation in a `[key_figures]` table of this file ({})",
                            if have.is_empty() {
                                "no occupation has one yet".to_owned()
                            } else {
                                list.replace(": ", " now: ")
                            }
                        ),
                    );
                }
                _ => cx.problem(
                    value.span(),
                    format!("no {what} for `{name}` in this file; {list}"),
                ),
            }
            None
        };
        let chosen = chosen.map(|c| c.get_ref());
        let chosen = KeyFigureChoice {
            pay: pick(
                chosen.and_then(|c| c.pay.as_ref()),
                &pay,
                "median annual pay across all workplaces",
                subject_pay().next().cloned(),
                pay_starts,
            ),
            growth: pick(
                chosen.and_then(|c| c.growth.as_ref()),
                &growth,
                "projection",
                subject(|_| true),
                outlook_starts,
            ),
            openings: pick(
                chosen.and_then(|c| c.openings.as_ref()),
                &openings,
                "projection with `openings_per_year`",
                subject(|o| o.openings_per_year.is_some()),
                outlook_starts,
            ),
            education: pick(
                chosen.and_then(|c| c.education.as_ref()),
                &education,
                "projection with `entry_education`",
                subject(|o| o.entry_education.is_some()),
                outlook_starts,
            ),
        };
        self.key_figures = chosen;
        self
    }
}

pub(super) fn pay_figure(cx: &mut Ctx<'_, '_>, p: &raw::PayFigure) -> PayFigure {
    let currency = cx.check(&p.currency, Currency::parse);
    let cents = match *p.amount.get_ref() {
        raw::Number::Int(i) => u64::try_from(i)
            .ok()
            .filter(|&i| i > 0)
            .and_then(|i| i.checked_mul(100))
            .ok_or_else(|| format!("`{i}` is not a usable amount; write a positive number")),
        raw::Number::Float(f) => Money::cents_from_number(f),
    };
    let cents = cents.unwrap_or_else(|message| {
        cx.problem(p.amount.span(), message);
        0
    });
    PayFigure {
        occupation: cx.text(&p.occupation),
        code: cx.opt_text(&p.code),
        setting: cx.opt_text(&p.setting),
        area: p.area.as_ref().and_then(|a| area(cx, a)),
        role: cx.role(&p.role),
        statistic: cx
            .check(&p.statistic, Statistic::parse)
            .unwrap_or(Statistic::Median),
        amount: Money::new(cents, currency.unwrap_or(Currency::Usd)),
        unit: cx.check(&p.unit, PayUnit::parse).unwrap_or(PayUnit::Year),
        period: cx.figure_date(&p.period),
        source: cx.source(&p.source),
        note: cx.opt_text(&p.note),
    }
}

pub(super) fn outlook_figure(cx: &mut Ctx<'_, '_>, o: &raw::OutlookFigure) -> OutlookFigure {
    let base_year: u16 = cx.int(&o.base_year, 1900..2201, "the year");
    if let Ok(year) = RefDate::parse(&base_year.to_string()) {
        cx.dated(o.base_year.span().start, year);
    }
    let target_year: u16 = cx.int(&o.target_year, 1900..2201, "the year");
    if target_year <= base_year {
        cx.problem(
            o.target_year.span(),
            format!("`target_year` ({target_year}) must come after `base_year` ({base_year})"),
        );
    }
    let jobs = |cx: &mut Ctx<'_, '_>, v: &Option<S<i64>>| {
        v.as_ref()
            .map(|v| cx.int::<u32>(v, 0..1_000_000_000, "the number of jobs"))
    };
    OutlookFigure {
        occupation: cx.text(&o.occupation),
        code: cx.opt_text(&o.code),
        area: o.area.as_ref().and_then(|a| area(cx, a)),
        role: cx.role(&o.role),
        base_year,
        target_year,
        base_jobs: jobs(cx, &o.base_jobs),
        target_jobs: jobs(cx, &o.target_jobs),
        change: o
            .change
            .as_ref()
            .map(|v| cx.int(v, -1_000_000_000..1_000_000_000, "the change in jobs")),
        growth_percent: cx.int(&o.growth_percent, -100..1001, "the growth"),
        openings_per_year: jobs(cx, &o.openings_per_year),
        entry_education: o
            .entry_education
            .as_ref()
            .and_then(|e| cx.check(e, EntryEducation::parse)),
        source: cx.source(&o.source),
    }
}

pub(super) fn challenges_rewards(
    cx: &mut Ctx<'_, '_>,
    raw: raw::ChallengesRewards,
) -> ChallengesRewards {
    ChallengesRewards {
        summary: cx.prose(&raw.summary),
        intro: cx.prose(&raw.intro),
        challenges: cx.items(&raw.challenges, "`challenges`"),
        rewards: cx.items(&raw.rewards, "`rewards`"),
    }
}

pub(super) fn care_team(cx: &mut Ctx<'_, '_>, raw: raw::CareTeam) -> CareTeam {
    CareTeam {
        summary: cx.prose(&raw.summary),
        body: cx.prose(&raw.body),
        members: cx.items(&raw.members, "`members`"),
        distinctions: raw
            .distinctions
            .iter()
            .map(|item| Item {
                title: cx.text(&item.title),
                description: cx.prose(&item.description),
            })
            .collect(),
    }
}

pub(super) fn faq(cx: &mut Ctx<'_, '_>, raw: raw::Faq) -> Faq {
    cx.not_empty(&raw.questions, "`questions`");
    cx.unique(raw.questions.get_ref().iter().map(|q| &q.id), "question");
    Faq {
        summary: cx.prose(&raw.summary),
        questions: raw
            .questions
            .get_ref()
            .iter()
            .map(|q| Question {
                id: cx.id(&q.id),
                question: cx.text(&q.question),
                answer: cx.prose(&q.answer),
            })
            .collect(),
    }
}

pub(super) fn sources(cx: &mut Ctx<'_, '_>, raw: raw::Sources) -> Sources {
    cx.not_empty(&raw.sources, "`sources`");
    cx.unique(raw.sources.get_ref().iter().map(|s| &s.id), "source");
    Sources {
        summary: cx.prose(&raw.summary),
        sources: raw
            .sources
            .get_ref()
            .iter()
            .map(|s| {
                let id = cx.id(&s.id);
                let title = cx.text(&s.title);
                let language = source_language(cx, s, &title);
                Source {
                    id,
                    title,
                    language,
                    publisher: cx.name(&s.publisher),
                    url: cx
                        .check(&s.url, Url::parse)
                        .unwrap_or_else(Url::placeholder),
                    data_date: cx.opt_date(&s.data_date),
                    published: cx.opt_date(&s.published),
                    checked: cx.opt_date(&s.checked),
                    note: cx.opt_text(&s.note),
                }
            })
            .collect(),
    }
}

/// The language of a source's title: as the source gives it, else the language of the edition
/// whose file wrote the title. A title in another language than the edition's is one of its
/// [`LanguagePart`]s.
fn source_language(cx: &mut Ctx<'_, '_>, s: &raw::Source, title: &Text) -> Language {
    let edition = cx.languages.last().cloned().flatten();
    let given = s.language.as_ref().and_then(|tag| {
        Language::parse(tag.get_ref())
            .map_err(|err| cx.problem(tag.span(), err.to_string()))
            .ok()
    });
    let foreign = cx.foreign_language(s.title.span().start);
    let language = given
        .or(foreign)
        .or(edition.clone())
        .unwrap_or_else(Language::undetermined);
    if edition.is_some_and(|e| !e.same_writing(&language)) {
        cx.parts.push(LanguagePart {
            text: title.clone(),
            language: language.clone(),
        });
    }
    language
}
