//! A proposed `kaart.toml` from the sheet itself: the header row guessed, the shape (wide or long)
//! from where the periods are, the row labels listed with guessed indicator ids to check.

use super::grid::{self, Cell, Grid, column_name};
use super::values::period_of;
use crate::import::{ImportError, Layout};
use std::fmt::Write;
use std::path::Path;

/// The text of a proposed mapping file for the first sheet of a workbook.
pub fn propose(path: &Path) -> Result<String, ImportError> {
    let grid = grid::read_sheet(path, None)?;
    let mut out = format!(
        "# Voorstel voor de kaart van {}: controleer elke regel met '# controleer'.\n\
         # Regels en kolommen zoals Excel ze toont (regel 1 is de eerste, kolom A de eerste).\n\
         blad = {}\n",
        grid.file,
        quote(&grid.sheet)
    );
    match wide_header(&grid) {
        Some((header, periods)) => propose_wide(&grid, header, &periods, &mut out),
        None => propose_long(&grid, &mut out).map_err(|problem| ImportError {
            place: format!("{}!{}", grid.file, grid.sheet),
            layout: Some(Layout::Sheet),
            problem,
        })?,
    }
    Ok(out)
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The first row with at least two periods in it, in order, and their columns; none when a row
/// of column names (a long table's header) comes first.
fn wide_header(grid: &Grid) -> Option<(usize, Vec<usize>)> {
    for (r, cells) in grid.rows.iter().enumerate().take(100) {
        let periods: Vec<(usize, i64)> = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| period_of(c).map(|p| (i, p.0.start_month())))
            .collect();
        let ascending = periods.windows(2).all(|w| w[0].1 < w[1].1);
        if periods.len() >= 2 && ascending {
            return Some((r, periods.into_iter().map(|(i, _)| i).collect()));
        }
        if is_long_header(cells) {
            return None;
        }
    }
    None
}

/// At least three column names and nothing else.
fn is_long_header(cells: &[Cell]) -> bool {
    let texts = cells
        .iter()
        .filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty()))
        .count();
    texts >= 3 && texts == cells.iter().filter(|c| !c.is_empty()).count()
}

fn common_head(out: &mut String, vorm: &str, header: usize) {
    let _ = write!(
        out,
        "vorm = \"{vorm}\"\n\
         kopregel = {}\n\
         domein = \"jeugd\"  # controleer: jeugd, wmo, participatie, …\n\
         bron = \"aanbieders-maandrapportage\"  # controleer: de bron-id in dataset.toml\n\
         getalnotatie = \"nl\"  # 1.234,5; \"en\" voor 1,234.5\n\
         # regio = \"GM0772\"\n",
        header + 1
    );
}

fn propose_wide(grid: &Grid, header: usize, periods: &[usize], out: &mut String) {
    common_head(out, "breed", header);
    let label_col = (0..grid.width())
        .filter(|c| !periods.contains(c))
        .find(|&c| {
            (header + 1..grid.rows.len())
                .any(|r| matches!(grid.get(r, c), Cell::Text(t) if !t.trim().is_empty()))
        })
        .unwrap_or(0);
    let labels: Vec<(usize, String)> = (header + 1..grid.rows.len())
        .filter(|&r| periods.iter().any(|&c| !grid.get(r, c).is_empty()))
        .map(|r| (r, grid.get(r, label_col).shown()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let first = grid.get(header, periods[0]).shown();
    let last = grid.get(header, periods[periods.len() - 1]).shown();
    let _ = writeln!(
        out,
        "# Perioden in regel {}: {} kolommen, van {} ({}) tot {} ({}).",
        header + 1,
        periods.len(),
        column_name(periods[0]),
        first,
        column_name(periods[periods.len() - 1]),
        last
    );
    let columns = format!("\n[kolommen]\nindicator = \"{}\"\n", column_name(label_col));
    write_labels(out, &columns, &labels);
}

/// Column names a long table's headers are likely to have.
const LONG_KEYS: [(&str, &[&str]); 9] = [
    (
        "periode",
        &["periode", "maand", "datum", "kwartaal", "jaar"],
    ),
    (
        "indicator",
        &[
            "indicator",
            "omschrijving",
            "onderwerp",
            "categorie",
            "product",
        ],
    ),
    ("waarde", &["waarde", "aantal", "bedrag", "totaal", "value"]),
    ("bron", &["bron"]),
    ("regio", &["regio", "gemeente"]),
    ("wijk", &["wijk"]),
    ("aanbieder", &["aanbieder", "zorgaanbieder"]),
    ("eenheid", &["eenheid"]),
    ("status", &["status"]),
];

fn propose_long(grid: &Grid, out: &mut String) -> Result<(), String> {
    let header = (0..grid.rows.len().min(100))
        .find(|&r| is_long_header(&grid.rows[r]))
        .ok_or(
            "geen kopregel gevonden: verwacht een regel met perioden (brede tabel) of met ten \
                minste drie kolomkoppen (lange tabel)",
        )?;
    common_head(out, "lang", header);
    let heads: Vec<String> = (0..grid.width())
        .map(|c| grid.get(header, c).shown().to_lowercase())
        .collect();
    let mut columns = String::from("\n[kolommen]\n");
    let mut found: Vec<usize> = Vec::new();
    let mut indicator_col = 0;
    for (key, words) in LONG_KEYS {
        let col = (0..heads.len())
            .find(|c| words.iter().any(|w| heads[*c].contains(w)) && !found.contains(c));
        match col {
            Some(c) => {
                found.push(c);
                if key == "indicator" {
                    indicator_col = c;
                }
                let _ = writeln!(columns, "{key} = {}", quote(&grid.get(header, c).shown()));
            }
            None if matches!(key, "periode" | "indicator" | "waarde") => {
                let _ = writeln!(
                    columns,
                    "{key} = \"A\"  # controleer: niet gevonden, welke kolom?"
                );
            }
            None => {}
        }
    }
    let mut labels: Vec<(usize, String)> = Vec::new();
    for r in header + 1..grid.rows.len() {
        let l = grid.get(r, indicator_col).shown();
        if !l.is_empty() && !labels.iter().any(|(_, m)| *m == l) {
            labels.push((r, l));
        }
    }
    write_labels(out, &columns, &labels);
    Ok(())
}

/// The skipped totals, the `[kolommen]` table and the indicators, in the order TOML needs.
fn write_labels(out: &mut String, columns: &str, labels: &[(usize, String)]) {
    let skipped: Vec<&String> = labels
        .iter()
        .map(|(_, l)| l)
        .filter(|l| is_total(l))
        .collect();
    let list = skipped
        .iter()
        .map(|l| quote(l))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        out,
        "overslaan = [{list}]  # controleer: subtotalen en totalen"
    );
    out.push_str(columns);
    let kept: Vec<(usize, String)> = labels
        .iter()
        .filter(|(_, l)| !is_total(l))
        .cloned()
        .collect();
    write_indicators(out, &kept);
}

fn write_indicators(out: &mut String, labels: &[(usize, String)]) {
    for (r, label) in labels {
        let (id, soort, eenheid) = guess(label);
        let _ = write!(
            out,
            "\n[[indicatoren]]  # controleer (regel {})\nlabel = {}\nid = {}\n",
            r + 1,
            quote(label),
            quote(&id)
        );
        if let Some(s) = soort {
            let _ = writeln!(out, "soort = \"{s}\"");
        }
        if let Some(e) = eenheid {
            let _ = writeln!(out, "eenheid = {}", quote(e));
        }
    }
}

fn is_total(label: &str) -> bool {
    let l = label.to_lowercase();
    l.starts_with("totaal") || l.starts_with("subtotaal") || l.starts_with("som ")
}

/// An indicator id, soort and eenheid for a row label, from the words providers use.
fn guess(label: &str) -> (String, Option<&'static str>, Option<&'static str>) {
    let l = label.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
    if has(&["instroom", "gestart", "nieuwe cliënten", "aanmelding"]) {
        ("instroom".into(), Some("stroom"), Some("cliënten"))
    } else if has(&["uitstroom", "beëindigd", "afgesloten", "gestopt"]) {
        ("uitstroom".into(), Some("stroom"), Some("cliënten"))
    } else if has(&["in zorg", "lopend", "stand", "in behandeling"]) {
        ("stand".into(), Some("stand"), Some("cliënten"))
    } else if has(&["wachtlijst", "wachtend"]) {
        ("wachtlijst".into(), Some("stand"), Some("cliënten"))
    } else if has(&["x 1.000", "x1000", "(k€)", "x € 1.000"]) {
        ("kosten".into(), Some("stroom"), Some("x 1.000 euro"))
    } else if has(&["kosten", "bedrag", "euro", "€"]) {
        ("kosten".into(), Some("stroom"), Some("euro"))
    } else if has(&["%", "percentage", "aandeel"]) {
        (slug(label), Some("ratio"), None)
    } else {
        (slug(label), None, None)
    }
}

/// A lowercase id from a label: letters and digits, the rest as `_`.
fn slug(label: &str) -> String {
    let mut id = String::new();
    for c in label.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    let id = id.trim_end_matches('_').to_string();
    if id.is_empty() {
        "indicator".into()
    } else {
        id
    }
}
