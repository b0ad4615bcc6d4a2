//! The new `reeksen.csv`: the rows of the folder and those of the import.

use super::{Existing, Report, WriteError};
use crate::import::{Figure, Import, Missing, Row};
use crate::load::DATA_FILE;
use crate::model::Period;
use std::collections::{BTreeSet, HashMap};

const DEFAULT_HEADER: [&str; 11] = crate::load::csv::ALL_COLUMNS;

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
    let mut known = Known::new(&header, existing, import);
    if !old.trim().is_empty() {
        for rec in reader.records() {
            let rec = rec.map_err(fail)?;
            let mut cells: Vec<String> = rec.iter().map(str::to_string).collect();
            cells.resize(header.len().max(width), String::new());
            if ids.contains(rec.get(bron_col).unwrap_or("").trim()) {
                report.removed_rows += 1;
                known.remember(cells);
                continue;
            }
            out.write_record(&cells).map_err(fail)?;
        }
    }
    for r in &import.rows {
        let cells = known
            .instead_of(r, report)
            .unwrap_or_else(|| row_cells(r, &header));
        out.write_record(cells).map_err(fail)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| WriteError(format!("{DATA_FILE}: {e}")))
}

/// The cells of an imported row under `header`.
fn row_cells(r: &Row, header: &[String]) -> Vec<String> {
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

/// The start of the opmerking of a known value kept over a newer '.'.
const KEPT: &str = "bekende waarde uit ";

/// The known values of the rows being replaced, by series and period: a newer publication
/// that only says '.' (unknown) for one of them does not erase it. An analyst keeps the figure
/// that was published and is told where it came from; a newer table that says the figure is
/// secret or cannot exist (`x`, `-`, Confidential, Impossible) does replace it.
struct Known<'a> {
    header: &'a [String],
    existing: &'a Existing,
    import: &'a Import,
    rows: HashMap<[String; 7], Vec<String>>,
}

impl<'a> Known<'a> {
    fn new(header: &'a [String], existing: &'a Existing, import: &'a Import) -> Self {
        Known {
            header,
            existing,
            import,
            rows: HashMap::new(),
        }
    }

    fn cell<'c>(&self, cells: &'c [String], name: &str) -> &'c str {
        let i = self.header.iter().position(|h| h == name);
        i.and_then(|i| cells.get(i)).map_or("", |c| c.trim())
    }

    /// A replaced row, kept in mind when its value is known.
    fn remember(&mut self, cells: Vec<String>) {
        let waarde = self.cell(&cells, "waarde");
        if waarde.is_empty() || waarde == "." || waarde.parse::<f64>().is_err() {
            return;
        }
        let Ok((period, _)) = Period::parse(self.cell(&cells, "periode")) else {
            return;
        };
        let key = [
            period.code(),
            self.cell(&cells, "domein").to_string(),
            self.cell(&cells, "indicator").to_string(),
            self.cell(&cells, "bron").to_string(),
            self.cell(&cells, "regio").to_string(),
            self.cell(&cells, "wijk").to_string(),
            self.cell(&cells, "aanbieder").to_string(),
        ];
        self.rows.insert(key, cells);
    }

    /// The cells to write instead of `r`: the earlier known value when `r` is a plain '.'.
    /// Counts in `report` what was kept and what a newer table made unknown.
    fn instead_of(&mut self, r: &Row, report: &mut Report) -> Option<Vec<String>> {
        let Figure::Missing(why) = &r.figure else {
            return None;
        };
        let key = [
            r.period.code(),
            r.domein.clone(),
            r.indicator.clone(),
            r.bron.clone(),
            r.regio.clone().unwrap_or_default(),
            r.wijk.clone().unwrap_or_default(),
            r.aanbieder.clone().unwrap_or_default(),
        ];
        let mut cells = self.rows.remove(&key)?;
        if *why != Missing::Unknown {
            *report.lost_known.entry(r.bron.clone()).or_default() += 1;
            return None;
        }
        *report.kept_known.entry(r.bron.clone()).or_default() += 1;
        let old = self
            .existing
            .meta
            .source(&r.bron)
            .map(|s| s.vintage.as_str());
        let new = self.import.sources.iter().find(|s| s.id == r.bron);
        let note = match (old, new.map(|s| s.vintage.as_str())) {
            (Some(old), Some(new)) if !old.is_empty() && !new.is_empty() && old != new => {
                format!("{KEPT}vintage {old} behouden: vintage {new} geeft '.' (onbekend)")
            }
            _ => format!("{KEPT}een eerdere import behouden: de nieuwe geeft '.' (onbekend)"),
        };
        if let Some(i) = self.header.iter().position(|h| h == "opmerking") {
            let before = cells[i].trim().to_string();
            cells[i] = if before.starts_with(KEPT) {
                before
            } else if before.is_empty() {
                note
            } else {
                format!("{note}; {before}")
            };
        }
        Some(cells)
    }
}
