//! Grouping rows into series as they are read. A long file repeats the same key texts on every
//! row, usually sorted by series: the key of the previous row is compared first, so a series key
//! is built and looked up only when it changes, and the few units are shared, not copied per row.

use super::csv::RowRef;
use super::diagnostic::{Diagnostic, Diagnostics};
use super::message::DiagnosticKind;
use crate::model::{DatasetMeta, Observation, Series, SeriesKey};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// The six key cells of the previous row, owned, and where its rows go.
#[derive(Default)]
struct LastKey {
    cells: [String; 6],
    present: [bool; 6],
    /// The series slot, or `None` when the key names an unknown indicator or bron.
    slot: Option<usize>,
}

impl LastKey {
    fn cells_of<'a>(row: &RowRef<'a>) -> [Option<&'a str>; 6] {
        [
            Some(row.domein),
            Some(row.indicator),
            Some(row.bron),
            row.regio,
            row.wijk,
            row.aanbieder,
        ]
    }

    fn matches(&self, row: &RowRef<'_>) -> bool {
        Self::cells_of(row)
            .iter()
            .zip(self.cells.iter().zip(&self.present))
            .all(|(c, (s, &p))| match c {
                Some(c) => p && s == c,
                None => !p,
            })
    }

    fn set(&mut self, row: &RowRef<'_>, slot: Option<usize>) {
        for (i, c) in Self::cells_of(row).iter().enumerate() {
            self.cells[i].clear();
            self.cells[i].push_str(c.unwrap_or(""));
            self.present[i] = c.is_some();
        }
        self.slot = slot;
    }
}

/// Collects rows into series; reports unknown indicators and bronnen (once each) and, at the
/// end, duplicate periods of one series.
pub struct Grouper<'a> {
    path: &'a Path,
    meta: &'a DatasetMeta,
    slots: HashMap<SeriesKey, Option<usize>>,
    series: Vec<Series>,
    last: Option<LastKey>,
    units: Vec<Arc<str>>,
    reported_indicators: HashSet<(String, String)>,
    reported_sources: HashSet<String>,
}

impl<'a> Grouper<'a> {
    pub fn new(path: &'a Path, meta: &'a DatasetMeta) -> Self {
        Grouper {
            path,
            meta,
            slots: HashMap::new(),
            series: Vec::new(),
            last: None,
            units: Vec::new(),
            reported_indicators: HashSet::new(),
            reported_sources: HashSet::new(),
        }
    }

    /// Adds one row to its series.
    pub fn push(&mut self, row: RowRef<'_>, diags: &mut Diagnostics) {
        let slot = match &self.last {
            Some(last) if last.matches(&row) => last.slot,
            _ => {
                let slot = self.slot_of(&row, diags);
                self.last
                    .get_or_insert_with(LastKey::default)
                    .set(&row, slot);
                slot
            }
        };
        let Some(slot) = slot else {
            return;
        };
        let unit = row.unit.map(|u| self.unit(u));
        self.series[slot].points.push(row.observation(unit));
    }

    /// The shared text of a unit: a file has a handful, so a linear search is fastest.
    fn unit(&mut self, unit: &str) -> Arc<str> {
        if let Some(u) = self.units.iter().find(|u| &***u == unit) {
            return Arc::clone(u);
        }
        let u: Arc<str> = Arc::from(unit);
        self.units.push(Arc::clone(&u));
        u
    }

    /// The slot of the row's series, made on first sight; `None` for an unknown indicator or
    /// bron (reported once each).
    fn slot_of(&mut self, row: &RowRef<'_>, diags: &mut Diagnostics) -> Option<usize> {
        let key = row.key();
        if let Some(slot) = self.slots.get(&key) {
            return *slot;
        }
        let slot = self.check(row, diags).then(|| {
            self.series.push(Series {
                key: key.clone(),
                points: Vec::new(),
            });
            self.series.len() - 1
        });
        self.slots.insert(key, slot);
        slot
    }

    /// Whether the row's indicator and bron are defined in `dataset.toml`.
    fn check(&mut self, row: &RowRef<'_>, diags: &mut Diagnostics) -> bool {
        if self.meta.indicator(row.domein, row.indicator).is_none() {
            // One message per indicator keeps a long file readable.
            let id = (row.domein.to_string(), row.indicator.to_string());
            if self.reported_indicators.insert(id) {
                diags.push(Diagnostic::new(
                    self.path,
                    row.line,
                    row.indicator_col,
                    DiagnosticKind::UnknownIndicator {
                        domain: row.domein.to_string(),
                        indicator: row.indicator.to_string(),
                    },
                ));
            }
            return false;
        }
        if self.meta.source(row.bron).is_none() {
            if self.reported_sources.insert(row.bron.to_string()) {
                diags.push(Diagnostic::new(
                    self.path,
                    row.line,
                    row.bron_col,
                    DiagnosticKind::UnknownSource {
                        id: row.bron.to_string(),
                    },
                ));
            }
            return false;
        }
        true
    }

    /// The series in key order, each sorted by period; a second row for a period already seen
    /// is reported with the line of the first and left out.
    pub fn finish(self, diags: &mut Diagnostics) -> Vec<Series> {
        let mut series = self.series;
        series.sort_by(|a, b| a.key.cmp(&b.key));
        for s in &mut series {
            // Stable: rows of one period stay in file order, so the first one is kept.
            s.points.sort_by_key(|o| o.period);
            if s.points.windows(2).all(|w| w[0].period != w[1].period) {
                continue;
            }
            let mut kept: Vec<Observation> = Vec::with_capacity(s.points.len());
            for o in std::mem::take(&mut s.points) {
                match kept.last() {
                    Some(first) if first.period == o.period => {
                        diags.push(Diagnostic::new(
                            self.path,
                            o.line,
                            1,
                            DiagnosticKind::DuplicateRow {
                                period: o.period,
                                key: Box::new(s.key.clone()),
                                first_line: first.line,
                            },
                        ));
                    }
                    _ => kept.push(o),
                }
            }
            s.points = kept;
        }
        series
    }
}
