//! The change per part as a table: each part's figure a year earlier and now, the change and
//! the change in %, the total first and the parts by the size of their change (a list, no
//! judgement), small counts left out as in every export.

use super::build::{Hiding, LEFT_OUT, credit_lines, made_on, number, signed, stem, subtitle};
use super::{Language, Table};
use crate::analysis::chart::{ViewModel, view_model};
use crate::model::number::format_pct;
use crate::model::{Dataset, Dimension, SeriesKey, ViewSpec};
use crate::report::text::one_line;
use jiff::civil::Date;

pub(super) fn part_changes(
    dataset: &Dataset,
    view: &ViewSpec,
    date: Date,
    language: Language,
) -> Option<Table> {
    let hiding = Hiding::new(dataset);
    let hide = |k: &SeriesKey, p: &crate::model::Period, v: f64| hiding.hides(k, p, v);
    let Ok(ViewModel::Parts(parts)) = view_model(dataset, view, &hide) else {
        return None;
    };
    let first = parts.changes.first()?;
    let part = match (parts.dimension, language) {
        (Dimension::Wijk, _) => "Wijk",
        (Dimension::Aanbieder, Language::Dutch) => "Aanbieder",
        (Dimension::Aanbieder, Language::English) => "Provider",
    };
    let headers = vec![
        part.to_string(),
        first.from.dutch_short(),
        first.to.dutch_short(),
        language.pick("Verschil", "Change").to_string(),
        language.pick("Verschil in %", "Change in %").to_string(),
    ];
    let total = language.pick("totaal", "total");
    let rows = (parts.changes.iter())
        .map(|c| {
            vec![
                c.part.clone().unwrap_or_else(|| total.to_string()),
                number(c.before),
                number(c.after),
                signed(c.delta()),
                c.pct().map_or_else(String::new, |p| format_pct(p / 100.0)),
            ]
        })
        .collect();
    let keys: Vec<&SeriesKey> = (parts.total.iter().chain(&parts.parts))
        .map(|s| &s.key)
        .collect();
    let mut footer = credit_lines(dataset, keys);
    if hiding.left_out.get() {
        footer.push(LEFT_OUT.to_string());
    }
    footer.push(made_on(date));
    let unit = parts.parts.first().map(|s| s.unit.as_str());
    let title = (parts.parts.first())
        .map_or_else(|| view.indicator.clone(), |s| one_line(&s.indicator_label));
    Some(Table {
        title,
        subtitle: subtitle(view, first.to.granularity.into(), unit, None),
        transform: (parts.transform.as_ref())
            .map(|t| crate::report::minutes::transform_text(t, None)),
        headers,
        rows,
        footer,
        stem: stem(date, view, "-verandering"),
        language,
    })
}
