//! Where an annotation points: an indicator, the sources looked at, a period or range, the view it
//! was made in, and the named differences it is about.

use crate::analysis::MismatchKind;
use crate::analysis::mismatch::{Comparison, ComparisonRow};
use crate::model::{Granularity, Period, Transform, ViewKind, ViewSpec};
use serde::{Deserialize, Serialize};

/// Where an annotation points. Keys in the file are Dutch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    #[serde(rename = "domein")]
    pub domain: String,
    pub indicator: String,
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
    /// First period.
    #[serde(rename = "van")]
    pub from: Period,
    /// Last period of a range; `None` for a single period. Never before `from` (checked on
    /// loading).
    #[serde(rename = "tot", default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Period>,
    /// Period length of the chart the annotation was made in; `None`: as delivered.
    #[serde(rename = "perioden", default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    /// Reference source of the comparison the annotation was made in.
    #[serde(
        rename = "referentie",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reference: Option<String>,
    /// The regio (gemeente) of the comparison row, when the indicator has several: the bronnen
    /// alone do not say which of 50 gemeenten was discussed.
    #[serde(rename = "regio", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Trend or comparison.
    #[serde(
        rename = "weergave",
        default,
        skip_serializing_if = "ViewKind::is_trend"
    )]
    pub view: ViewKind,
    /// What was done to the shown series in that view (per inhabitants, an index, …).
    #[serde(rename = "bewerking", default, skip_serializing_if = "Option::is_none")]
    pub transform: Option<Transform>,
    /// What a breakdown view split the source into (wijk, aanbieder).
    #[serde(
        rename = "uitsplitsing",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dimension: Option<crate::model::Dimension>,
    /// The difference as a sentence, from session files of format 1 and 2. Those sentences were
    /// written for people (with figures, units and source names in free order) and cannot be
    /// read back into [`Difference`]s reliably, so they are kept as they were: nothing is lost,
    /// and the minutes still show them.
    #[serde(
        rename = "verschil_tekst",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub legacy_difference: String,
    /// The named differences the annotation is about. Last: TOML writes them as sub-tables.
    #[serde(rename = "verschillen", default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<Difference>,
}

impl Anchor {
    /// A trend anchor on `from..=to` (a single period when they are equal), without differences.
    pub fn new(
        domain: &str,
        indicator: &str,
        sources: Vec<String>,
        from: Period,
        to: Period,
    ) -> Anchor {
        Anchor {
            domain: domain.to_string(),
            indicator: indicator.to_string(),
            sources,
            from,
            to: (to != from).then_some(to),
            granularity: None,
            reference: None,
            region: None,
            view: ViewKind::Trend,
            transform: None,
            dimension: None,
            legacy_difference: String::new(),
            differences: Vec::new(),
        }
    }

    /// The range `from..=to` (`to` defaults to `from`).
    pub fn range(&self) -> (Period, Period) {
        (self.from, self.to.unwrap_or(self.from))
    }

    /// The view the annotation was made in, over the whole time of its sources (the zoom of the
    /// screen is not recorded).
    pub fn view_spec(&self) -> ViewSpec {
        ViewSpec {
            domein: self.domain.clone(),
            indicator: self.indicator.clone(),
            bronnen: self.sources.clone(),
            granularity: self.granularity,
            range: None,
            reference: self.reference.clone(),
            kind: self.view,
            transform: self.transform.clone(),
            dimension: self.dimension,
            regio: self.region.clone(),
        }
    }

    /// Is there a difference to mention, structured or as old text?
    pub fn has_difference(&self) -> bool {
        !self.differences.is_empty() || !self.legacy_difference.trim().is_empty()
    }
}

/// A named difference between two sources (or within one source's data) in one period, with the
/// figures the room saw. Values are in `eenheid`, the reference's unit: the other source's figure
/// is converted to it when its unit differs, and left out when it does not convert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Difference {
    #[serde(rename = "soort")]
    pub kind: MismatchKind,
    #[serde(rename = "periode")]
    pub period: Period,
    /// The source compared against.
    #[serde(
        rename = "referentie",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub reference: String,
    /// The source compared with the reference; empty for a check within the reference's data
    /// (stand-stroom, delen≠totaal, …).
    #[serde(rename = "bron", default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(
        rename = "waarde_referentie",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reference_value: Option<f64>,
    #[serde(rename = "waarde", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(rename = "eenheid", default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
}

impl Difference {
    /// The differences named in one row of a comparison: one per source with a kind (against
    /// its reference; on a reference, against the first source compared with it), then the
    /// kinds found within the data of the indicator in that period.
    pub fn of_row(table: &Comparison, row: &ComparisonRow) -> Vec<Difference> {
        let mut out = Vec::new();
        for (c, cell) in row.cells_by_column() {
            let (Some(kind), Some(col)) = (cell.kind, table.columns.get(c)) else {
                continue;
            };
            let pair = match col.against {
                Some(r) => Some((r, c)),
                None => (0..table.columns.len())
                    .find(|k| table.columns[*k].against == Some(c))
                    .map(|k| (c, k)),
            };
            out.push(match pair {
                Some((r, k)) => Difference::between(table, row, kind, r, k),
                None => Difference {
                    kind,
                    period: row.period,
                    reference: col.bron.clone(),
                    source: String::new(),
                    reference_value: cell.value,
                    value: None,
                    unit: col.unit.clone(),
                },
            });
        }
        for kind in &row.kinds {
            if !out.iter().any(|d| d.kind == *kind) {
                out.push(Difference {
                    kind: *kind,
                    period: row.period,
                    reference: (row.reference.as_ref().or(table.reference.as_ref()))
                        .cloned()
                        .unwrap_or_default(),
                    source: String::new(),
                    reference_value: None,
                    value: None,
                    unit: String::new(),
                });
            }
        }
        out
    }

    /// Column `k` against its reference column `r` in `row`.
    fn between(
        table: &Comparison,
        row: &ComparisonRow,
        kind: MismatchKind,
        r: usize,
        k: usize,
    ) -> Difference {
        let (rcol, col) = (&table.columns[r], &table.columns[k]);
        let cell = row.cell(k);
        let same_unit = cell
            .and_then(|c| c.unit.as_deref())
            .is_none_or(|u| u == rcol.unit);
        Difference {
            kind,
            period: row.period,
            reference: rcol.bron.clone(),
            source: col.bron.clone(),
            reference_value: row.cell(r).and_then(|c| c.value),
            value: cell.and_then(|c| c.converted.or(c.value.filter(|_| same_unit))),
            unit: rcol.unit.clone(),
        }
    }
}
