//! What a merge did, told to the user.

use super::super::{Figure, Import};
use std::collections::{BTreeMap, BTreeSet};

/// What a merge did, for the user.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub series: usize,
    pub rows: usize,
    pub missing: usize,
    /// Per bron: the first and last period ("2016 – 2023-H1").
    pub periods: BTreeMap<String, (String, String)>,
    pub new_sources: Vec<String>,
    pub new_indicators: Vec<String>,
    /// Bronnen whose earlier rows were replaced, with the old and new vintage.
    pub replaced: Vec<(String, String, String)>,
    /// Rows of the replaced bronnen that were in the folder before.
    pub removed_rows: usize,
    /// Per bron: known values kept because the newer publication only gives '.' there.
    pub kept_known: BTreeMap<String, usize>,
    /// Per bron: known values the newer publication replaced by secret or impossible.
    pub lost_known: BTreeMap<String, usize>,
    /// What was taken over but the user must know.
    pub notes: Vec<String>,
    /// What the file had that could not be mapped.
    pub unmapped: Vec<String>,
    /// Nothing changed (the same file again).
    pub unchanged: bool,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.unchanged {
            writeln!(f, "niets veranderd: deze cijfers stonden er al")?;
        }
        writeln!(
            f,
            "{} reeksen, {} waarden ({} ontbrekend, als '.' met reden)",
            self.series, self.rows, self.missing
        )?;
        for (bron, (from, to)) in &self.periods {
            writeln!(f, "  bron {bron}: {from} t/m {to}")?;
        }
        for (bron, old, new) in &self.replaced {
            let old = if old.is_empty() { "onbekend" } else { old };
            writeln!(
                f,
                "  bron {bron}: eerdere cijfers vervangen (vintage {old} → {new})"
            )?;
        }
        for (bron, n) in &self.kept_known {
            writeln!(
                f,
                "  bron {bron}: {n} bekende {} behouden waar de nieuwe publicatie '.' (onbekend) geeft; de opmerking zegt uit welke publicatie",
                if *n == 1 { "waarde" } else { "waarden" }
            )?;
        }
        for (bron, n) in &self.lost_known {
            writeln!(
                f,
                "  bron {bron}: {n} bekende {} nu ontbrekend: de nieuwe publicatie zegt geheim of kan niet voorkomen",
                if *n == 1 { "waarde" } else { "waarden" }
            )?;
        }
        if !self.new_sources.is_empty() {
            writeln!(f, "nieuwe bronnen: {}", self.new_sources.join(", "))?;
        }
        if !self.new_indicators.is_empty() {
            writeln!(f, "nieuwe indicatoren: {}", self.new_indicators.join(", "))?;
        }
        for n in &self.notes {
            writeln!(f, "let op: {n}")?;
        }
        for u in &self.unmapped {
            writeln!(f, "niet overgenomen: {u}")?;
        }
        Ok(())
    }
}

/// Counts for the report.
pub(super) fn describe(import: &Import, report: &mut Report) {
    let series: BTreeSet<_> = import
        .rows
        .iter()
        .map(|r| {
            (
                &r.domein,
                &r.indicator,
                &r.bron,
                &r.regio,
                &r.wijk,
                &r.aanbieder,
            )
        })
        .collect();
    report.series = series.len();
    report.rows = import.rows.len();
    report.missing = import
        .rows
        .iter()
        .filter(|r| matches!(r.figure, Figure::Missing(_)))
        .count();
    for s in &import.sources {
        let periods = import
            .rows
            .iter()
            .filter(|r| r.bron == s.id)
            .map(|r| r.period);
        if let (Some(from), Some(to)) = (periods.clone().min(), periods.max()) {
            report
                .periods
                .insert(s.id.clone(), (from.code(), to.code()));
        }
    }
    report.notes = import.notes.clone();
    report.unmapped = import
        .unmapped
        .iter()
        .map(|u| format!("{}: {}", u.place, u.why))
        .collect();
}
