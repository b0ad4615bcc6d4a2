//! The new `reeksen.csv`: the rows of the folder and those of the import.

use super::{Existing, Report, WriteError};
use crate::import::{Figure, Import};
use crate::load::DATA_FILE;
use std::collections::{BTreeSet, HashMap};

const DEFAULT_HEADER: [&str; 11] = [
    "periode",
    "domein",
    "indicator",
    "bron",
    "waarde",
    "eenheid",
    "regio",
    "wijk",
    "aanbieder",
    "status",
    "opmerking",
];

/// The new `reeksen.csv` text: the old rows except those of the imported bronnen, then the new.
pub(super) fn merged_rows(
    existing: &Existing,
    import: &Import,
    ids: &BTreeSet<String>,
    report: &mut Report,
) -> Result<String, WriteError> {
    let old = existing.data_text.as_deref().unwrap_or("");
    let sep = if old
        .lines()
        .next()
        .is_some_and(|h| h.matches(';').count() > h.matches(',').count())
    {
        b';'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_reader(old.as_bytes());
    let mut header: Vec<String> = if old.trim().is_empty() {
        DEFAULT_HEADER.iter().map(|s| s.to_string()).collect()
    } else {
        let h = reader
            .headers()
            .map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))?;
        h.iter().map(|s| s.trim().to_string()).collect()
    };
    let width = header.len();
    for name in DEFAULT_HEADER {
        if !header.iter().any(|h| h == name) {
            header.push(name.to_string());
        }
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let bron_col = col("bron").unwrap_or(3);
    let mut out = ::csv::WriterBuilder::new()
        .delimiter(sep)
        .from_writer(Vec::new());
    let fail = |e: ::csv::Error| WriteError(format!("{DATA_FILE}: {e}"));
    out.write_record(&header).map_err(fail)?;
    if !old.trim().is_empty() {
        for rec in reader.records() {
            let rec = rec.map_err(fail)?;
            if ids.contains(rec.get(bron_col).unwrap_or("").trim()) {
                report.removed_rows += 1;
                continue;
            }
            let mut cells: Vec<&str> = rec.iter().collect();
            cells.resize(header.len().max(width), "");
            out.write_record(&cells).map_err(fail)?;
        }
    }
    for r in &import.rows {
        out.write_record(row_cells(r, &header)).map_err(fail)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))
}

/// The cells of an imported row under `header`.
fn row_cells(r: &crate::import::Row, header: &[String]) -> Vec<String> {
    let mut cells = vec![String::new(); header.len()];
    let mut set = |name: &str, v: String| {
        if let Some(i) = header.iter().position(|h| h == name) {
            cells[i] = v;
        }
    };
    let (waarde, note) = match &r.figure {
        Figure::Value(v) => (format!("{v}"), r.opmerking.clone()),
        Figure::Missing(m) => (
            ".".to_string(),
            Some(
                r.opmerking
                    .clone()
                    .unwrap_or_else(|| crate::import::text::missing_note(m)),
            ),
        ),
    };
    set("periode", r.period.code());
    set("domein", r.domein.clone());
    set("indicator", r.indicator.clone());
    set("bron", r.bron.clone());
    set("waarde", waarde);
    set("eenheid", r.eenheid.clone());
    set("regio", r.regio.clone().unwrap_or_default());
    set("wijk", r.wijk.clone().unwrap_or_default());
    set("aanbieder", r.aanbieder.clone().unwrap_or_default());
    set("status", r.status.dutch().to_string());
    set("opmerking", note.unwrap_or_default());
    cells
}

/// Two rows of the import for one series and period: the error names where both stand in the
/// file the user has (not the `reeksen.csv` they would go to), so it can be found and fixed.
pub(super) fn check_duplicates(import: &Import) -> Result<(), WriteError> {
    let mut seen = HashMap::new();
    let file = import.file.display().to_string();
    for r in &import.rows {
        let key = (
            r.period,
            &r.domein,
            &r.indicator,
            &r.bron,
            &r.regio,
            &r.wijk,
            &r.aanbieder,
        );
        let here = r.origin.as_deref().unwrap_or(&file);
        if let Some(first) = seen.insert(key, here) {
            let split: Vec<&str> = [&r.regio, &r.wijk, &r.aanbieder]
                .into_iter()
                .filter_map(|v| v.as_deref())
                .collect();
            let split = if split.is_empty() {
                String::new()
            } else {
                format!(" ({})", split.join(", "))
            };
            return Err(WriteError(format!(
                "{here}: dubbele rij: periode {}, {}/{}/{}{split} staat ook op {first}; \
                 verwacht één waarde per (periode, domein, indicator, bron, uitsplitsing); \
                 de datasetmap is niet veranderd",
                r.period.code(),
                r.domein,
                r.indicator,
                r.bron
            )));
        }
    }
    Ok(())
}
