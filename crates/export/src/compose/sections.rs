//! What each section contains: in full, one `SectionVisitor` method a section, and on a fact
//! sheet, its summary (with the pay figures for the pay section).

use super::*;

pub(super) fn prose(p: &Prose) -> Node<'_> {
    Node::Prose {
        label: None,
        blocks: p.blocks(),
    }
}

pub(super) fn labeled<'g>(label: &'g str, p: &'g Prose) -> Node<'g> {
    Node::Prose {
        label: Some(label),
        blocks: p.blocks(),
    }
}

/// A subheading, with an anchor made of the section's id and `key`, the same in every language.
pub(super) fn sub<'g>(section: SectionId, title: &'g mht_guide::Label, key: &str) -> Node<'g> {
    Node::Subheading {
        title: title.as_str(),
        anchor: format!("{}-{key}", section.id()),
    }
}

pub(super) fn items(list: &[Item]) -> Node<'_> {
    Node::Entries(
        list.iter()
            .map(|item| Entry {
                title: item.title.to_string(),
                nodes: vec![prose(&item.description)],
            })
            .collect(),
    )
}

/// A section in full: every field of it, in reading order.
pub(super) fn compose_section<'g>(section: SectionRef<'g>, l: &'g Labels) -> Section<'g> {
    let nodes = section.visit(&mut Full { l });
    section_of(section, l, nodes)
}

/// A composed section of these nodes, not yet numbered.
pub(super) fn section_of<'g>(
    section: SectionRef<'g>,
    l: &'g Labels,
    nodes: Vec<Node<'g>>,
) -> Section<'g> {
    let id = section.id();
    Section {
        id,
        number: 0,
        title: l.section(id),
        anchor: id.id().to_owned(),
        summary: section.summary(),
        nodes,
    }
}

/// Composes each section in full, one method a section: a section added to the guide does not
/// compile until it has its method here.
pub(super) struct Full<'g> {
    l: &'g Labels,
}

impl<'g> SectionVisitor<'g> for Full<'g> {
    type Output = Vec<Node<'g>>;

    fn definition(&mut self, s: &'g mht_guide::Definition) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Definition;
        let mut nodes = vec![prose(&s.body)];
        if !s.alternate_titles.is_empty() {
            nodes.push(sub(id, &l.other_job_titles, "other-job-titles"));
            nodes.push(Node::Bullets(
                s.alternate_titles.iter().map(|t| t.as_str()).collect(),
            ));
        }
        nodes.push(Node::Table(Table {
            caption: l.occupation_codes.to_string(),
            header: vec![
                l.occupation.to_string(),
                l.system.to_string(),
                l.code.to_string(),
                l.source.to_string(),
            ],
            rows: s
                .occupation_codes
                .iter()
                .map(|c| {
                    vec![
                        Cell::text(c.title.as_str()),
                        Cell::text(c.system.as_str()),
                        Cell::text(c.code.as_str()),
                        Cell::cites(vec![c.source.clone()]),
                    ]
                })
                .collect(),
            row_headers: true,
            notes: Vec::new(),
        }));
        nodes
    }

    fn responsibilities(&mut self, s: &'g mht_guide::Responsibilities) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Responsibilities;
        let mut nodes = vec![prose(&s.intro), items(&s.duties)];
        if let Some(shift) = &s.typical_shift {
            nodes.push(sub(id, &l.typical_shift, "a-typical-shift"));
            nodes.push(prose(shift));
        }
        nodes
    }

    fn education(&mut self, s: &'g mht_guide::Education) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Education;
        let mut nodes = vec![
            prose(&s.intro),
            sub(id, &l.ways_into_the_job, "ways-into-the-job"),
            items(&s.entry_paths),
            sub(id, &l.training, "training-on-the-job"),
            prose(&s.training),
            sub(id, &l.licensure, "licensure"),
            prose(&s.licensure),
        ];
        if !s.state_licenses.is_empty() {
            nodes.push(Node::Entries(
                s.state_licenses
                    .iter()
                    .map(|lic| Entry {
                        title: lic.state.to_string(),
                        nodes: vec![
                            Node::Fields(vec![
                                (l.credential.as_str(), lic.credential.to_string()),
                                (l.issued_by.as_str(), lic.board.to_string()),
                            ]),
                            prose(&lic.requirements),
                        ],
                    })
                    .collect(),
            ));
            nodes.extend(
                s.state_licenses
                    .iter()
                    .map(|lic| Node::Table(state_rules_table(lic, l))),
            );
        }
        if !s.certifications.is_empty() {
            nodes.push(sub(id, &l.certification, "certification"));
            nodes.push(Node::Entries(
                s.certifications
                    .iter()
                    .map(|c| {
                        let title = match &c.abbreviation {
                            Some(abbr) => format!("{} ({abbr})", c.name),
                            None => c.name.to_string(),
                        };
                        let mut nodes = vec![
                            Node::Fields(vec![(l.issued_by.as_str(), c.issuer.to_string())]),
                            prose(&c.description),
                        ];
                        if !c.levels.is_empty() {
                            nodes.push(items(&c.levels));
                        }
                        Entry { title, nodes }
                    })
                    .collect(),
            ));
        }
        nodes.push(sub(id, &l.continuing_education, "continuing-education"));
        nodes.push(prose(&s.continuing_education));
        nodes.push(sub(id, &l.time_to_qualify, "how-long-it-takes"));
        nodes.push(Node::Entries(
            s.time_to_qualify
                .iter()
                .map(|t| Entry {
                    title: l.labeled(t.route.as_str(), t.duration.as_str()),
                    nodes: vec![prose(&t.description)],
                })
                .collect(),
        ));
        nodes
    }

    fn work_settings(&mut self, s: &'g mht_guide::WorkSettings) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::WorkSettings;
        let mut nodes = vec![
            prose(&s.intro),
            Node::Entries(
                s.settings
                    .iter()
                    .map(|w| Entry {
                        title: w.name.to_string(),
                        nodes: vec![
                            prose(&w.description),
                            Node::Fields(vec![
                                (l.pace.as_str(), w.pace.to_string()),
                                (l.people_served.as_str(), join(w.populations.iter(), l)),
                            ]),
                        ],
                    })
                    .collect(),
            ),
        ];
        if let Some(table) = employment_table(s, l) {
            nodes.push(Node::Table(table));
        }
        nodes.extend(crate::Chart::employment(s, l).map(Node::Chart));
        nodes.push(sub(id, &l.schedules, "hours-and-schedules"));
        nodes.push(prose(&s.schedules));
        nodes
    }

    fn skills(&mut self, s: &'g mht_guide::Skills) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::Skills;
        let nodes = vec![
            prose(&s.intro),
            sub(id, &l.skills, "skills"),
            items(&s.skills),
            sub(id, &l.qualities, "personal-qualities"),
            items(&s.qualities),
        ];
        nodes
    }

    fn career_path(&mut self, s: &'g mht_guide::CareerPath) -> Vec<Node<'g>> {
        let l = self.l;
        let nodes = vec![
            prose(&s.intro),
            Node::Entries(
                s.next_roles
                    .iter()
                    .map(|step| Entry {
                        title: step.role.to_string(),
                        nodes: vec![
                            prose(&step.description),
                            labeled(l.what_it_takes.as_str(), &step.requires),
                        ],
                    })
                    .collect(),
            ),
        ];
        nodes
    }

    fn salary_outlook(&mut self, s: &'g mht_guide::SalaryOutlook) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::SalaryOutlook;
        let mut nodes = Vec::new();
        nodes.extend(Band::of(s, l).map(Node::Band));
        nodes.push(prose(&s.intro));
        nodes.push(sub(id, &l.pay, "pay"));
        let (subject, comparison): (Vec<&PayFigure>, Vec<&PayFigure>) =
            s.pay.iter().partition(|p| p.role == Role::Subject);
        let by_setting: Vec<&PayFigure> = subject
            .into_iter()
            .filter(|p| p.setting.is_some())
            .collect();
        nodes.extend(overall_pay_table(s, l).map(Node::Table));
        nodes.extend(crate::Chart::pay_range(s, l).map(Node::Chart));
        if !by_setting.is_empty() {
            nodes.push(Node::Table(pay_by_setting_table(&by_setting, l)));
        }
        if !comparison.is_empty() {
            nodes.push(Node::Table(pay_table(
                &l.comparison_pay,
                &comparison,
                occupation_in_area,
                l,
            )));
        }
        nodes.push(sub(id, &l.pay_factors, "what-affects-pay"));
        nodes.push(prose(&s.pay_factors));
        nodes.push(sub(id, &l.benefits, "benefits"));
        nodes.push(prose(&s.benefits));
        nodes.push(sub(id, &l.outlook, "job-outlook"));
        nodes.push(Node::Table(outlook_table(&s.outlook, l)));
        nodes.extend(crate::Chart::growth(&s.outlook, l).map(Node::Chart));
        nodes.push(prose(&s.outlook_notes));
        nodes
    }

    fn challenges_rewards(&mut self, s: &'g mht_guide::ChallengesRewards) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::ChallengesRewards;
        let nodes = vec![
            prose(&s.intro),
            sub(id, &l.challenges, "challenges"),
            items(&s.challenges),
            sub(id, &l.rewards, "rewards"),
            items(&s.rewards),
        ];
        nodes
    }

    fn care_team(&mut self, s: &'g mht_guide::CareTeam) -> Vec<Node<'g>> {
        let l = self.l;
        let id = SectionId::CareTeam;
        let mut nodes = vec![
            prose(&s.body),
            sub(id, &l.team_members, "who-is-on-the-team"),
            items(&s.members),
        ];
        if !s.distinctions.is_empty() {
            nodes.push(sub(id, &l.distinctions, "how-the-roles-differ"));
            nodes.push(items(&s.distinctions));
        }
        nodes
    }

    fn faq(&mut self, s: &'g mht_guide::Faq) -> Vec<Node<'g>> {
        s.questions
            .iter()
            .map(|q| Node::Question {
                anchor: format!("faq-{}", q.id),
                question: q.question.as_str(),
                answer: q.answer.blocks(),
            })
            .collect()
    }

    fn sources(&mut self, _: &'g mht_guide::Sources) -> Vec<Node<'g>> {
        vec![Node::References]
    }
}

/// The short form of a section for a fact sheet: its summary, and for pay and outlook the
/// pay table and the charts.
pub(super) fn fact_sheet_section<'g>(section: SectionRef<'g>, l: &'g Labels) -> Section<'g> {
    let mut nodes = vec![prose(section.summary())];
    // Every section is its summary on a sheet. Two are more: the pay section adds its pay
    // table and charts, and the sources section is the list of sources alone.
    if let SectionRef::SalaryOutlook(s) = section {
        // The band under the sheet's title gives the key figures and the growth chart labels
        // every projection it draws, so the sheet leaves the table of projections, with its
        // job counts, to the full guide.
        nodes.extend(overall_pay_table(s, l).map(Node::Table));
        nodes.extend(crate::Chart::pay_range(s, l).map(Node::Chart));
        nodes.extend(crate::Chart::growth(&s.outlook, l).map(Node::Chart));
    } else if section.id() == SectionId::Sources {
        nodes = vec![Node::References];
    }
    section_of(section, l, nodes)
}
