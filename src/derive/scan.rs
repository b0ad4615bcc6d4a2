//! Reading an extract with polars: a lazy scan of only the needed columns, run on the streaming
//! engine, each batch turned into compact [`Record`]s (interned ids, day numbers) and dropped, so
//! the text of the file is never all in memory.

use super::convert::{BsnCount, Converter};
use super::count::{OPEN, Record};
use super::date;
use super::stream;
use super::{Count, DeriveError, Rules};
use polars::prelude::*;
use std::path::Path;

/// A record that was not counted, with its line in the extract (header is line 1).
#[derive(Debug, Clone, PartialEq)]
pub struct BadRecord {
    pub line: u64,
    pub problem: String,
}

/// The breakdown of a series: domein and, with `--per`, the values it is split by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    pub domein: String,
    pub wijk: Option<String>,
    pub aanbieder: Option<String>,
    pub voorziening: Option<String>,
}

/// An extract read into records.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Per series.
    pub records: Vec<Vec<Record>>,
    pub series: Vec<SeriesKey>,
    pub rows: usize,
    /// Every record not counted (all of them: the report shows the first few).
    pub bad: Vec<BadRecord>,
    pub first_month: i32,
    pub last_month: i32,
    pub position: Position,
}

pub(super) const LINE: &str = "__regel";

fn separator_and_header(path: &Path) -> Result<(u8, Vec<String>), DeriveError> {
    use std::io::BufRead;
    let fail = |problem: String| DeriveError::at(path, problem);
    let file =
        std::fs::File::open(path).map_err(|e| fail(format!("kan het bestand niet lezen: {e}")))?;
    let mut first = String::new();
    std::io::BufReader::new(file)
        .read_line(&mut first)
        .map_err(|_| fail("de eerste regel is geen UTF-8-tekst".into()))?;
    let first = first.trim_start_matches('\u{feff}').trim_end();
    let sep = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let names = first
        .split(sep as char)
        .map(|s| s.trim().trim_matches('"').to_string())
        .collect();
    Ok((sep, names))
}

/// The columns needed under `rules`, by field name and column name.
pub(super) fn needed(rules: &Rules) -> Vec<(&'static str, String)> {
    let k = &rules.map.kolommen;
    let mut cols = vec![
        ("client", k.client.clone()),
        ("domein", k.domein.clone()),
        ("startdatum", k.startdatum.clone()),
        ("einddatum", k.einddatum.clone()),
    ];
    if rules.per.wijk {
        cols.push(("wijk", k.wijk.clone()));
    }
    if rules.per.aanbieder {
        cols.push(("aanbieder", k.aanbieder.clone()));
    }
    if rules.per.voorziening || rules.count == Count::Trajectories {
        cols.push(("voorziening", k.voorziening.clone()));
    }
    cols
}

/// An extract as a lazy frame of only the needed columns plus the line (CSV) or row number
/// (Parquet), with an estimate of its number of rows.
struct Source {
    frame: LazyFrame,
    total: Option<usize>,
    position: Position,
    /// Per needed column: it held numbers (Parquet), so BSNs lost their leading zeros.
    numeric: Vec<bool>,
}

/// How a bad record's place is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Position {
    /// The line in a CSV file (the header is line 1).
    #[default]
    Line,
    /// The row number in a Parquet file (the first row is 1).
    Row,
}

fn polars_error(path: &Path) -> impl Fn(PolarsError) -> DeriveError + '_ {
    move |e| DeriveError::at(path, format!("kan het bestand niet lezen: {e}"))
}

fn missing_column(path: &Path, at: &str, field: &str, name: &str, names: &[String]) -> DeriveError {
    DeriveError {
        place: format!("{}{at}", path.display()),
        problem: format!(
            "kolom '{name}' ({field}) ontbreekt; de kolommen zijn: {} (zet de naam in de kaart onder [kolommen])",
            names.join(", ")
        ),
    }
}

/// The rows of a CSV file estimated from the line length of its first megabyte.
fn estimate_rows(path: &Path) -> Option<usize> {
    use std::io::Read;
    let len = std::fs::metadata(path).ok()?.len() as f64;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(1 << 20)
        .read_to_end(&mut head)
        .ok()?;
    let lines = head.iter().filter(|&&b| b == b'\n').count().max(1) as f64;
    Some(((len * lines / head.len().max(1) as f64) - 1.0).max(1.0) as usize)
}

/// The needed columns of a CSV extract, all as text: dates and ids are checked per row.
fn csv_source(path: &Path, rules: &Rules) -> Result<Source, DeriveError> {
    let (sep, header) = separator_and_header(path)?;
    let cols = needed(rules);
    for (field, name) in &cols {
        if !header.iter().any(|h| h == name) {
            return Err(missing_column(path, ":1", field, name, &header));
        }
    }
    let source = PlRefPath::try_from_path(path).map_err(polars_error(path))?;
    let selected: Vec<Expr> = std::iter::once(col(LINE))
        .chain(cols.iter().map(|(_, name)| col(name.as_str())))
        .collect();
    let frame = LazyCsvReader::new(source)
        .with_separator(sep)
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_row_index(Some(RowIndex {
            name: LINE.into(),
            offset: 2,
        }))
        .finish()
        .map_err(polars_error(path))?
        .select(selected);
    Ok(Source {
        frame,
        total: estimate_rows(path),
        position: Position::Line,
        numeric: vec![false; cols.len()],
    })
}

/// The needed columns of a Parquet extract: dates stay dates, everything else becomes text.
fn parquet_source(path: &Path, rules: &Rules) -> Result<Source, DeriveError> {
    let source = PlRefPath::try_from_path(path).map_err(polars_error(path))?;
    let args = ScanArgsParquet {
        row_index: Some(RowIndex {
            name: LINE.into(),
            offset: 1,
        }),
        ..ScanArgsParquet::default()
    };
    let mut frame = LazyFrame::scan_parquet(source, args).map_err(polars_error(path))?;
    let schema = frame.collect_schema().map_err(polars_error(path))?;
    let names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
    let cols = needed(rules);
    let mut selected = vec![col(LINE)];
    let mut numeric = Vec::new();
    for (field, name) in &cols {
        let Some(dtype) = schema.get(name.as_str()) else {
            return Err(missing_column(path, "", field, name, &names));
        };
        let is_date = matches!(*field, "startdatum" | "einddatum");
        numeric.push(dtype.is_integer());
        selected.push(match dtype {
            DataType::Date if is_date => col(name.as_str()),
            DataType::Datetime(..) if is_date => col(name.as_str()).cast(DataType::Date),
            DataType::String => col(name.as_str()),
            _ => col(name.as_str()).cast(DataType::String),
        });
    }
    let total = frame
        .clone()
        .select([len()])
        .collect()
        .ok()
        .and_then(|df| df.column("len").ok()?.get(0).ok()?.extract::<usize>());
    Ok(Source {
        frame: frame.select(selected),
        total,
        position: Position::Row,
        numeric,
    })
}

/// A BSN: nine digits passing the elfproef (weights 9..2, the last digit -1), not all zeros.
pub fn looks_like_bsn(s: &str) -> bool {
    let b = s.trim().as_bytes();
    if b.len() != 9 || !b.iter().all(u8::is_ascii_digit) || b.iter().all(|&c| c == b'0') {
        return false;
    }
    let sum: i32 = b[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&c, w)| i32::from(c - b'0') * w)
        .sum::<i32>()
        - i32::from(b[8] - b'0');
    sum % 11 == 0
}

/// What a derivation reports while it reads: rows so far and the estimated total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub rows: usize,
    pub total: Option<usize>,
}

/// Reads an extract (CSV, or Parquet by its extension) into records, calling `progress` after
/// every batch; when it returns `false` the reading stops and [`DeriveError::interrupted`]
/// is returned.
pub fn scan(
    path: &Path,
    rules: &Rules,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Scanned, DeriveError> {
    // A pipe would block the open (and Ctrl-C with it) for good: only a regular file is read.
    crate::load::file::not_special(path).map_err(|e| DeriveError::at(path, e.to_string()))?;
    let format = rules.map.format().map_err(|p| DeriveError::at(path, p))?;
    let is_parquet = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    let source = if is_parquet {
        parquet_source(path, rules)?
    } else {
        csv_source(path, rules)?
    };
    let cols = needed(rules);
    let mut conv = Converter::new(rules, format);
    let mut bsn = vec![BsnCount::default(); cols.len()];
    let total = source.total;
    let mut interrupted = false;
    stream::batches(path, source.frame, &mut |df| {
        stream::convert_batch(&df, &cols, &source.numeric, &mut conv, &mut bsn)
            .map_err(|p| DeriveError::at(path, p))?;
        refuse_bsn(path, &cols, &bsn)?;
        let rows = conv.rows;
        interrupted = !progress(Progress { rows, total });
        Ok(!interrupted)
    })?;
    if interrupted {
        return Err(DeriveError::interrupted(path));
    }
    refuse_bsn(path, &cols, &bsn)?;
    progress(Progress {
        rows: conv.rows,
        total: Some(conv.rows),
    });
    finish(conv, rules, source.position)
}

/// Refuses the extract when a column holds mostly BSNs: before anything is derived or written.
fn refuse_bsn(
    path: &Path,
    cols: &[(&'static str, String)],
    counts: &[BsnCount],
) -> Result<(), DeriveError> {
    for ((_, name), c) in cols.iter().zip(counts) {
        if c.refused() {
            return Err(DeriveError::at(
                path,
                format!(
                    "kolom '{name}' lijkt burgerservicenummers te bevatten ({} van {} waarden zijn 9 cijfers die de elfproef halen); een extract moet gepseudonimiseerd zijn: er is niets afgeleid of geschreven",
                    c.bsn, c.filled
                ),
            ));
        }
    }
    Ok(())
}

fn finish(conv: Converter, rules: &Rules, position: Position) -> Result<Scanned, DeriveError> {
    let series = conv.series_keys(rules);
    let mut out = Scanned {
        records: conv.records,
        series,
        rows: conv.rows,
        bad: conv.bad,
        first_month: conv.first_month,
        last_month: conv.last_month,
        position,
    };
    // Batches arrive in any order.
    out.bad.sort_by_key(|b| b.line);
    // The series end with the month of the last start: later end dates are planned, not yet
    // happened, so those provisions still run.
    if out.first_month > out.last_month {
        return Ok(out);
    }
    let horizon = date::last_day(out.last_month);
    for r in out.records.iter_mut().flatten() {
        if r.end > horizon {
            r.end = OPEN;
        }
    }
    Ok(out)
}
