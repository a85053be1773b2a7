//! Structured data for search engines: the schema.org description of the occupation that a
//! web page carries as JSON-LD, made from the typed guide beside the JSON export.

use mht_guide::{Guide, PayUnit, Role, SectionId, Statistic};
use serde_json::{Value, json};

use crate::Document;
use crate::escape::escape_as;

/// schema.org `Occupation` and `FAQPage` data for search engines, as JSON-LD.
///
/// It describes what the page shows and nothing else, as search engines require of
/// structured data: a property only when its section is on the page, and in the form the page
/// gives it. A fact sheet (`sheet`) shows each section's summary and the pay and outlook
/// tables, so it describes the occupation by those; the full guide's sections show the job
/// titles and codes, the duties, skills, licenses and certifications, and the questions.
pub(crate) fn json_ld(guide: &Guide, doc: &Document<'_>, sheet: bool) -> String {
    let has = |id: SectionId| doc.sections.iter().any(|s| s.id == id);
    let definition = &guide.definition;
    // The title block, on every page, shows the guide's description.
    let description = match (has(SectionId::Definition), sheet) {
        (true, true) => definition.summary.plain_text(),
        (true, false) => definition.body.plain_text(),
        (false, _) => guide.meta.description.to_string(),
    };
    let mut occupation = json!({
        "@type": "Occupation",
        "name": guide.meta.title.as_str(),
        "description": description,
    });
    if has(SectionId::Definition) && !sheet {
        occupation["alternateName"] = json!(
            definition
                .alternate_titles
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
        );
        occupation["occupationalCategory"] = json!(
            definition
                .occupation_codes
                .iter()
                .map(|c| json!({
                    "@type": "CategoryCode",
                    "codeValue": c.code.as_str(),
                    "name": c.title.as_str(),
                    "inCodeSet": c.system.as_str(),
                }))
                .collect::<Vec<_>>()
        );
    }
    if has(SectionId::SalaryOutlook) {
        occupation["estimatedSalary"] = Value::Array(estimated_salary(guide));
    }
    if has(SectionId::Education) {
        let e = &guide.education;
        if sheet {
            occupation["educationRequirements"] = Value::String(e.summary.plain_text());
        } else {
            occupation["educationRequirements"] = Value::String(e.intro.plain_text());
            occupation["qualifications"] = Value::String(
                e.certifications
                    .iter()
                    .map(|c| format!("{} ({}): {}", c.name, c.issuer, c.description.plain_text()))
                    .chain(
                        e.state_licenses.iter().map(|l| {
                            format!("{}: {} from the {}.", l.state, l.credential, l.board)
                        }),
                    )
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    if has(SectionId::Responsibilities) && !sheet {
        occupation["responsibilities"] = Value::Array(
            guide
                .responsibilities
                .duties
                .iter()
                .map(|d| {
                    let labels = &guide.labels;
                    Value::String(labels.labeled(d.title.as_str(), &d.description.plain_text()))
                })
                .collect(),
        );
    }
    if has(SectionId::Skills) && !sheet {
        occupation["skills"] = Value::Array(
            guide
                .skills
                .skills
                .iter()
                .chain(&guide.skills.qualities)
                .map(|s| Value::String(s.title.to_string()))
                .collect(),
        );
    }
    let mut graph = vec![occupation];
    if has(SectionId::Faq) && !sheet {
        graph.push(json!({
            "@type": "FAQPage",
            "mainEntity": guide.faq.questions.iter().map(|q| json!({
                "@type": "Question",
                "name": q.question.as_str(),
                // Search engines read an answer's text as limited HTML, so the plain text is
                // escaped as HTML text: markup characters in the content stay characters.
                "acceptedAnswer": {"@type": "Answer", "text": escape_as(&q.answer.plain_text(), false)},
            })).collect::<Vec<_>>(),
        }));
    }
    let ld = json!({"@context": "https://schema.org", "@graph": graph});
    // `<`, `>` and `&` are escaped so that the block is plain text to HTML and XML parsers alike.
    serde_json::to_string(&ld)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The guide's own national pay figures as schema.org `MonetaryAmountDistribution`s, one per
/// occupation and pay unit.
fn estimated_salary(guide: &Guide) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let figures = guide
        .salary_outlook
        .pay
        .iter()
        .filter(|p| p.role == Role::Subject && p.setting.is_none() && p.area.is_none());
    for p in figures {
        let duration = match p.unit {
            PayUnit::Hour => "PT1H",
            _ => "P1Y",
        };
        let name = format!("{}, {}", p.occupation, guide.labels.date(p.period));
        let key = match p.statistic {
            Statistic::Median => "median".to_owned(),
            Statistic::Percentile(n) => format!("percentile{n}"),
            _ => continue,
        };
        let cents = p.amount.cents();
        // Whole amounts are written as integers, as the JSON export writes them.
        #[allow(clippy::cast_precision_loss)]
        let amount = if cents % 100 == 0 {
            json!(cents / 100)
        } else {
            json!(cents as f64 / 100.0)
        };
        let existing = out
            .iter_mut()
            .find(|v| v["name"] == name.as_str() && v["duration"] == duration);
        match existing {
            Some(v) => v[key] = amount,
            None => out.push(json!({
                "@type": "MonetaryAmountDistribution",
                "name": name,
                "currency": p.amount.currency().code(),
                "duration": duration,
                key: amount,
            })),
        }
    }
    out
}
