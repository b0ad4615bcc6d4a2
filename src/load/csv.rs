//! Reading `reeksen.csv` (the long format) with polars, then validating every cell so that each
//! problem names its line and column.

use super::diagnostic::{Diagnostic, Diagnostics};
use crate::model::number::parse_decimal;
use crate::model::{Breakdown, Observation, Period, SeriesKey, Status};
use polars::prelude::*;
use std::io::Cursor;
use std::path::Path;

pub const REQUIRED_COLUMNS: [&str; 5] = ["periode", "domein", "indicator", "bron", "waarde"];
pub const OPTIONAL_COLUMNS: [&str; 6] = [
    "eenheid",
    "regio",
    "wijk",
    "aanbieder",
    "status",
    "opmerking",
];

/// A validated row, before grouping into series.
#[derive(Debug, Clone)]
pub struct Row {
    pub key: SeriesKey,
    pub obs: Observation,
    /// Columns of the indicator and bron cells, for later metadata checks.
    pub indicator_col: usize,
    pub bron_col: usize,
}

/// Where each record starts and how many fields it has, scanned quote-aware so that line numbers
/// stay right with quoted fields; used for diagnostics only, polars does the parsing.
struct RecordScan {
    /// (1-based line of the record, number of fields), header first.
    records: Vec<(usize, usize)>,
    /// Line and field number of a quote that is never closed.
    open_quote: Option<(usize, usize)>,
}

fn scan_records(text: &str, sep: u8) -> RecordScan {
    let mut records = Vec::new();
    let mut line = 1;
    let mut in_quotes = false;
    let mut fields = 1;
    let mut start_line = 1;
    let mut empty = true;
    let mut quote_at = (0, 0);
    for &b in text.as_bytes() {
        match b {
            b'"' => {
                in_quotes = !in_quotes;
                if in_quotes {
                    quote_at = (line, fields);
                }
                empty = false;
            }
            b'\n' => {
                if !in_quotes {
                    if !empty {
                        records.push((start_line, fields));
                    }
                    fields = 1;
                    empty = true;
                    start_line = line + 1;
                }
                line += 1;
            }
            b'\r' => {}
            _ if b == sep && !in_quotes => {
                fields += 1;
                empty = false;
            }
            _ => empty = false,
        }
    }
    if !empty {
        records.push((start_line, fields));
    }
    RecordScan {
        records,
        open_quote: in_quotes.then_some(quote_at),
    }
}

/// The separator is the one of `;` and `,` that occurs most in the header line.
fn detect_separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let semis = header.matches(';').count();
    let commas = header.matches(',').count();
    if semis > commas { b';' } else { b',' }
}

/// Parses the CSV text (UTF-8, BOM already removed) into rows, or all problems found.
pub fn parse_rows(path: &Path, text: &str, diags: &mut Diagnostics) -> Vec<Row> {
    if text.trim().is_empty() {
        diags.push(Diagnostic::new(
            path,
            1,
            1,
            format!(
                "bestand is leeg; verwacht een kopregel met {} en daarna gegevens",
                REQUIRED_COLUMNS.join(",")
            ),
        ));
        return Vec::new();
    }
    let sep = detect_separator(text);
    let scan = scan_records(text, sep);
    if let Some((line, column)) = scan.open_quote {
        diags.push(Diagnostic::new(
            path,
            line,
            column,
            "aanhalingsteken wordt niet gesloten; verwacht een afsluitend \" in hetzelfde veld (of verdubbel het: \"\")",
        ));
        return Vec::new();
    }
    let header_fields = scan.records.first().map_or(0, |r| r.1);
    let mut ragged = false;
    for &(line, n) in scan.records.iter().skip(1) {
        if n != header_fields {
            ragged = true;
            diags.push(Diagnostic::new(
                path,
                line,
                1,
                format!(
                    "regel heeft {n} velden; verwacht {header_fields} zoals de kopregel (scheidingsteken '{}')",
                    sep as char
                ),
            ));
        }
    }
    if ragged {
        return Vec::new();
    }

    let df = match CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_parse_options(
            CsvParseOptions::default()
                .with_separator(sep)
                .with_quote_char(Some(b'"'))
                .with_missing_is_null(true),
        )
        .into_reader_with_file_handle(Cursor::new(text.as_bytes().to_vec()))
        .finish()
    {
        Ok(df) => df,
        Err(e) => {
            diags.push(Diagnostic::new(
                path,
                1,
                1,
                format!(
                    "CSV kan niet gelezen worden: {}",
                    e.to_string().lines().next().unwrap_or_default()
                ),
            ));
            return Vec::new();
        }
    };

    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|n| n.trim().to_lowercase())
        .collect();
    let col_of = |name: &str| names.iter().position(|n| n == name);
    for (i, n) in names.iter().enumerate() {
        if let Some((base, _)) = n.split_once("_duplicated_") {
            diags.push(Diagnostic::new(
                path,
                1,
                i + 1,
                format!(
                    "kolom '{base}' staat twee keer in de kopregel; verwacht elke kolom één keer"
                ),
            ));
            return Vec::new();
        }
    }
    let mut header_ok = true;
    for (i, n) in names.iter().enumerate() {
        if !REQUIRED_COLUMNS.contains(&n.as_str()) && !OPTIONAL_COLUMNS.contains(&n.as_str()) {
            header_ok = false;
            diags.push(Diagnostic::new(
                path,
                1,
                i + 1,
                format!(
                    "onbekende kolom '{n}'; verwacht {} en eventueel {}",
                    REQUIRED_COLUMNS.join(","),
                    OPTIONAL_COLUMNS.join(",")
                ),
            ));
        }
    }
    for req in REQUIRED_COLUMNS {
        if col_of(req).is_none() {
            header_ok = false;
            diags.push(Diagnostic::new(
                path,
                1,
                names.len() + 1,
                format!(
                    "kolom '{req}' ontbreekt; verwacht kopregel met {}",
                    REQUIRED_COLUMNS.join(",")
                ),
            ));
        }
    }
    if !header_ok {
        return Vec::new();
    }

    // All columns were read as strings (schema inference off), so every cell is checked here.
    let columns: Vec<Vec<Option<String>>> = df
        .columns()
        .iter()
        .map(|c| match c.str() {
            Ok(ca) => ca
                .iter()
                .map(|v| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
                .collect(),
            Err(_) => vec![None; df.height()],
        })
        .collect();
    // polars yields blank lines as all-empty rows; the scan skips them, so do the same here.
    let kept: Vec<usize> = (0..df.height())
        .filter(|&r| columns.iter().any(|c| c[r].is_some()))
        .collect();
    let record_lines: Vec<usize> = if scan.records.len() == kept.len() + 1 {
        scan.records.iter().skip(1).map(|r| r.0).collect()
    } else {
        kept.iter().map(|i| i + 2).collect()
    };

    let idx = |name: &str| col_of(name);
    let (c_per, c_dom, c_ind, c_bron, c_val) = (
        idx("periode").unwrap_or(0),
        idx("domein").unwrap_or(0),
        idx("indicator").unwrap_or(0),
        idx("bron").unwrap_or(0),
        idx("waarde").unwrap_or(0),
    );
    let cell = |col: Option<usize>, row: usize| -> Option<&str> {
        col.and_then(|c| columns[c][row].as_deref())
    };

    let mut rows = Vec::with_capacity(kept.len());
    for (&r, &line) in kept.iter().zip(&record_lines) {
        let mut ok = true;
        let mut required = |c: usize, what: &str| -> String {
            match columns[c][r].as_deref() {
                Some(v) => v.to_string(),
                None => {
                    ok = false;
                    diags.push(Diagnostic::new(
                        path,
                        line,
                        c + 1,
                        format!("{} is leeg; verwacht {what}", names[c]),
                    ));
                    String::new()
                }
            }
        };
        let periode = required(c_per, "een periode zoals 2021-03 of 2021KW01");
        let domein = required(c_dom, "een domein zoals jeugd, wmo of participatie");
        let indicator = required(c_ind, "een indicator zoals instroom");
        let bron = required(c_bron, "de id van een bron uit dataset.toml");
        let waarde = required(c_val, "een getal, of '.' voor onbekend");

        let mut status = Status::Definitief;
        if let Some(s) = cell(idx("status"), r) {
            match Status::parse(s) {
                Some(st) => status = st,
                None => {
                    ok = false;
                    diags.push(Diagnostic::new(
                        path,
                        line,
                        idx("status").unwrap_or(0) + 1,
                        format!("status '{s}' onbekend; verwacht {}", Status::FORMS),
                    ));
                }
            }
        }
        let mut period = None;
        if !periode.is_empty() {
            match Period::parse(&periode) {
                Ok((p, star)) => {
                    period = Some(p);
                    if star && status == Status::Definitief {
                        status = Status::Voorlopig;
                    }
                }
                Err(e) => {
                    ok = false;
                    diags.push(Diagnostic::new(path, line, c_per + 1, e.0));
                }
            }
        }
        let mut value = None;
        if !waarde.is_empty() && !matches!(waarde.as_str(), "." | "x") {
            match parse_decimal(&waarde) {
                Ok(v) => value = Some(v),
                Err(msg) => {
                    ok = false;
                    diags.push(Diagnostic::new(
                        path,
                        line,
                        c_val + 1,
                        format!("waarde: {msg}; '.' betekent onbekend"),
                    ));
                }
            }
        }
        if !ok {
            continue;
        }
        let Some(period) = period else { continue };
        rows.push(Row {
            key: SeriesKey {
                domein,
                indicator,
                bron,
                breakdown: Breakdown {
                    regio: cell(idx("regio"), r).map(str::to_string),
                    wijk: cell(idx("wijk"), r).map(str::to_string),
                    aanbieder: cell(idx("aanbieder"), r).map(str::to_string),
                },
            },
            obs: Observation {
                period,
                value,
                status,
                unit: cell(idx("eenheid"), r).map(str::to_string),
                note: cell(idx("opmerking"), r).map(str::to_string),
                line,
            },
            indicator_col: c_ind + 1,
            bron_col: c_bron + 1,
        });
    }
    rows
}
