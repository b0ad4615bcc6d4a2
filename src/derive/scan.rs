//! Reading an extract with polars: a lazy scan of only the needed columns, all as text, then one
//! pass that turns each row into a compact [`Record`] (interned ids, day numbers) so the text
//! columns can be dropped before counting.

use super::count::{OPEN, Record};
use super::date::{self, DateFormat, month_of};
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
    pub records: Vec<Record>,
    pub series: Vec<SeriesKey>,
    pub rows: usize,
    /// Every record not counted (all of them: the report shows the first few).
    pub bad: Vec<BadRecord>,
    pub first_month: i32,
    pub last_month: i32,
}

const LINE: &str = "__regel";

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
fn needed(rules: &Rules) -> Vec<(&'static str, String)> {
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

/// Reads the needed columns of a CSV extract.
fn scan_csv(path: &Path, rules: &Rules) -> Result<DataFrame, DeriveError> {
    let (sep, header) = separator_and_header(path)?;
    let cols = needed(rules);
    for (field, name) in &cols {
        if !header.iter().any(|h| h == name) {
            return Err(DeriveError {
                place: format!("{}:1", path.display()),
                problem: format!(
                    "kolom '{name}' ({field}) ontbreekt; de kolommen zijn: {} (zet de naam in de kaart onder [kolommen])",
                    header.join(", ")
                ),
            });
        }
    }
    let polars_error =
        |e: PolarsError| DeriveError::at(path, format!("kan het bestand niet lezen: {e}"));
    let source = PlRefPath::try_from_path(path).map_err(polars_error)?;
    let selected: Vec<Expr> = std::iter::once(col(LINE))
        .chain(cols.iter().map(|(_, name)| col(name.as_str())))
        .collect();
    LazyCsvReader::new(source)
        .with_separator(sep)
        .with_has_header(true)
        // Everything as text: dates and ids are checked per row, with the row's line.
        .with_infer_schema_length(Some(0))
        .with_row_index(Some(RowIndex {
            name: LINE.into(),
            offset: 2,
        }))
        .finish()
        .and_then(|lf| lf.select(selected).collect())
        .map_err(polars_error)
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

/// Refuses a column where most values are BSNs (random nine-digit pseudonyms pass the
/// elfproef about one time in eleven).
fn refuse_bsn(path: &Path, name: &str, values: &StringChunked) -> Result<(), DeriveError> {
    let (mut filled, mut bsn) = (0usize, 0usize);
    for v in values.iter().flatten() {
        if !v.trim().is_empty() {
            filled += 1;
            bsn += usize::from(looks_like_bsn(v));
        }
    }
    if bsn > 0 && bsn * 2 > filled {
        return Err(DeriveError::at(
            path,
            format!(
                "kolom '{name}' lijkt burgerservicenummers te bevatten ({bsn} van {filled} waarden zijn 9 cijfers die de elfproef halen); een extract moet gepseudonimiseerd zijn: er is niets afgeleid of geschreven"
            ),
        ));
    }
    Ok(())
}

fn parse_date(s: &str, format: Option<DateFormat>) -> Option<i32> {
    match format {
        Some(f) => date::parse(s, f),
        None => date::parse(s, DateFormat::Iso).or_else(|| date::parse(s, DateFormat::Dutch)),
    }
}

/// Reads an extract into records, calling `progress` with the rows done so far.
pub fn scan(
    path: &Path,
    rules: &Rules,
    progress: &mut dyn FnMut(usize),
) -> Result<Scanned, DeriveError> {
    let is_parquet = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    if is_parquet {
        return Err(DeriveError::at(
            path,
            "Parquet lees ik (nog) niet; sla het extract op als CSV".into(),
        ));
    }
    let format = rules.map.format().map_err(|p| DeriveError::at(path, p))?;
    let df = scan_csv(path, rules)?;
    let cols = needed(rules);
    let mut text = Vec::new();
    for (_, name) in &cols {
        let c = df
            .column(name.as_str())
            .and_then(|c| c.str().cloned())
            .map_err(|e| DeriveError::at(path, e.to_string()))?;
        refuse_bsn(path, name, &c)?;
        text.push(c);
    }
    let lines = df
        .column(LINE)
        .and_then(|c| c.cast(&IDX_DTYPE))
        .map_err(|e| DeriveError::at(path, e.to_string()))?;
    let lines = lines
        .idx()
        .map_err(|e| DeriveError::at(path, e.to_string()))?;
    let field = |f: &str| cols.iter().position(|(n, _)| *n == f);
    let fields = Fields {
        wijk: field("wijk"),
        aanbieder: field("aanbieder"),
        voorziening: field("voorziening"),
    };
    convert(&text, lines, &fields, rules, format, progress)
}

struct Fields {
    wijk: Option<usize>,
    aanbieder: Option<usize>,
    voorziening: Option<usize>,
}

/// A series: domein, whether it is a breakdown, and the wijk, aanbieder and voorziening.
type Key<'a> = (&'a str, bool, &'a str, &'a str, &'a str);

type Texts<'a> = Box<dyn Iterator<Item = Option<&'a str>> + 'a>;

fn texts(text: &[StringChunked], i: Option<usize>) -> Option<Texts<'_>> {
    i.map(|i| Box::new(text[i].iter()) as Texts<'_>)
}

fn pick<'a>(it: &mut Option<Texts<'a>>) -> &'a str {
    it.as_mut()
        .and_then(|i| i.next().flatten())
        .unwrap_or("")
        .trim()
}

/// The day numbers of a record, or why it cannot be counted.
fn dates(start: &str, end: &str, format: Option<DateFormat>) -> Result<(i32, i32), String> {
    let (start, end) = (start.trim(), end.trim());
    let Some(s) = parse_date(start, format) else {
        return Err(format!("startdatum '{start}' is geen datum"));
    };
    if end.is_empty() {
        return Ok((s, OPEN));
    }
    match parse_date(end, format) {
        Some(e) if e < s => Err(format!("einddatum {end} ligt voor startdatum {start}")),
        Some(e) => Ok((s, e)),
        None => Err(format!("einddatum '{end}' is geen datum")),
    }
}

fn convert(
    text: &[StringChunked],
    lines: &IdxCa,
    fields: &Fields,
    rules: &Rules,
    format: Option<DateFormat>,
    progress: &mut dyn FnMut(usize),
) -> Result<Scanned, DeriveError> {
    let mut it: Vec<Option<Texts<'_>>> = (0..4).map(|i| texts(text, Some(i))).collect();
    let mut wijken = texts(text, fields.wijk);
    let mut aanbieders = texts(text, fields.aanbieder);
    let mut voorzieningen = texts(text, fields.voorziening);
    let mut units: PlHashMap<(&str, &str), u32> = PlHashMap::new();
    let mut series: PlHashMap<Key<'_>, u32> = PlHashMap::new();
    let mut out = Scanned {
        first_month: i32::MAX,
        last_month: i32::MIN,
        ..Scanned::default()
    };
    let trajectories = rules.count == Count::Trajectories;
    for (row, line) in lines.iter().enumerate() {
        let line = u64::from(line.unwrap_or_default());
        let [client, domein, start, end] = [0, 1, 2, 3].map(|i| pick(&mut it[i]));
        let (wijk, aanbieder) = (pick(&mut wijken), pick(&mut aanbieders));
        let voorziening = pick(&mut voorzieningen);
        if row % 1_000_000 == 999_999 {
            progress(row + 1);
        }
        if client.is_empty() || domein.is_empty() {
            let problem = "client of domein is leeg".to_string();
            out.bad.push(BadRecord { line, problem });
            continue;
        }
        let (s, e) = match dates(start, end, format) {
            Ok(d) => d,
            Err(problem) => {
                out.bad.push(BadRecord { line, problem });
                continue;
            }
        };
        let n = units.len() as u32;
        let unit = *units
            .entry((client, if trajectories { voorziening } else { "" }))
            .or_insert(n);
        out.first_month = out.first_month.min(month_of(s));
        out.last_month = out.last_month.max(month_of(s));
        let mut keys = vec![(domein, false, "", "", "")];
        if rules.per.any() {
            keys.push((domein, true, wijk, aanbieder, voorziening));
        }
        for key in keys {
            let n = series.len() as u32;
            let id = *series.entry(key).or_insert(n);
            out.records.push(Record {
                series: id,
                unit,
                start: s,
                end: e,
            });
        }
    }
    out.rows = lines.len();
    progress(out.rows);
    // The series end with the month of the last start: later end dates are planned, not yet
    // happened, so those provisions still run.
    let horizon = date::last_day(out.last_month);
    for r in &mut out.records {
        if r.end > horizon {
            r.end = OPEN;
        }
    }
    out.series = series_keys(series, rules);
    Ok(out)
}

/// The series keys by id, owned.
fn series_keys(series: PlHashMap<Key<'_>, u32>, rules: &Rules) -> Vec<SeriesKey> {
    let mut keys = vec![SeriesKey::default(); series.len()];
    for ((d, split, w, a, v), id) in series {
        let some = |on: bool, s: &str| (split && on).then(|| s.to_string());
        keys[id as usize] = SeriesKey {
            domein: d.to_string(),
            wijk: some(rules.per.wijk, w),
            aanbieder: some(rules.per.aanbieder, a),
            voorziening: some(rules.per.voorziening, v),
        };
    }
    keys
}
