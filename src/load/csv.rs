//! Reading `reeksen.csv` (the long format) with the `csv` crate in one pass, validating every cell
//! so that each problem names its line and column (the 1-based field number).

use super::diagnostic::{Diagnostic, Diagnostics};
use super::message::DiagnosticKind;
use crate::model::number::parse_decimal;
use crate::model::{Breakdown, Observation, Period, SeriesKey, Status};
use ::csv::{Position, ReaderBuilder, StringRecord};
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
/// Every column of `reeksen.csv` in the order duiden writes them.
pub const ALL_COLUMNS: [&str; 11] = [
    REQUIRED_COLUMNS[0],
    REQUIRED_COLUMNS[1],
    REQUIRED_COLUMNS[2],
    REQUIRED_COLUMNS[3],
    REQUIRED_COLUMNS[4],
    OPTIONAL_COLUMNS[0],
    OPTIONAL_COLUMNS[1],
    OPTIONAL_COLUMNS[2],
    OPTIONAL_COLUMNS[3],
    OPTIONAL_COLUMNS[4],
    OPTIONAL_COLUMNS[5],
];

/// A validated row, borrowing its texts from the file: grouped into series without copying the
/// repeated key texts of every row.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    pub domein: &'a str,
    pub indicator: &'a str,
    pub bron: &'a str,
    pub regio: Option<&'a str>,
    pub wijk: Option<&'a str>,
    pub aanbieder: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub note: Option<&'a str>,
    pub period: Period,
    pub value: Option<f64>,
    pub status: Status,
    /// 1-based line in the file.
    pub line: usize,
    /// Columns of the indicator and bron cells, for later metadata checks.
    pub indicator_col: usize,
    pub bron_col: usize,
}

impl RowRef<'_> {
    pub fn key(&self) -> SeriesKey {
        let owned = |c: Option<&str>| c.map(str::to_string);
        SeriesKey {
            domein: self.domein.to_string(),
            indicator: self.indicator.to_string(),
            bron: self.bron.to_string(),
            breakdown: Breakdown {
                regio: owned(self.regio),
                wijk: owned(self.wijk),
                aanbieder: owned(self.aanbieder),
            },
        }
    }

    pub fn observation(&self, unit: Option<std::sync::Arc<str>>) -> Observation {
        Observation {
            period: self.period,
            value: self.value,
            status: self.status,
            unit,
            note: self.note.map(str::to_string),
            line: self.line,
        }
    }
}

/// A validated row, owned (for tests and callers that keep rows).
#[derive(Debug, Clone)]
pub struct Row {
    pub key: SeriesKey,
    pub obs: Observation,
    pub indicator_col: usize,
    pub bron_col: usize,
}

/// The separator is the one of `;` and `,` that occurs most in the header line.
fn detect_separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let semis = header.matches(';').count();
    let commas = header.matches(',').count();
    if semis > commas { b';' } else { b',' }
}

/// 1-based line and byte offset where a record really starts. The csv crate reports the position
/// just after the previous record, before the blank lines (and the `\n` of a CRLF) it skips.
fn record_start(text: &[u8], pos: &Position) -> (usize, usize) {
    let mut byte = usize::try_from(pos.byte()).unwrap_or(usize::MAX);
    let mut line = usize::try_from(pos.line()).unwrap_or(usize::MAX);
    while let Some(&b) = text.get(byte)
        && (b == b'\r' || b == b'\n')
    {
        line += usize::from(b == b'\n');
        byte += 1;
    }
    (line, byte)
}

/// Line offset and field number of a quote that opens a field and is never closed in `raw` (one
/// record up to the end of the file). The csv crate silently ends such a field at the end of the
/// file, so this follows its quoting rules: a quote opens a field only at the field's start and
/// `""` inside a quoted field is a literal quote.
fn unclosed_quote(raw: &[u8], sep: u8) -> Option<(usize, usize)> {
    let (mut line, mut field) = (0, 1);
    let mut at_start = true;
    let mut open: Option<(usize, usize)> = None;
    let mut bytes = raw.iter().peekable();
    while let Some(&b) = bytes.next() {
        if open.is_some() {
            if b == b'"' {
                if bytes.peek() == Some(&&b'"') {
                    bytes.next();
                } else {
                    open = None;
                }
            }
        } else if b == b'"' && at_start {
            open = Some((line, field));
        } else if b == sep {
            field += 1;
            at_start = true;
            continue;
        } else if b == b'\r' || b == b'\n' {
            field = 1;
            at_start = true;
        }
        line += usize::from(b == b'\n');
        at_start &= b == b'\r' || b == b'\n';
    }
    open
}

/// Where each column is, from the header.
struct Columns {
    /// Trimmed, lower-case header names.
    names: Vec<String>,
    periode: usize,
    domein: usize,
    indicator: usize,
    bron: usize,
    waarde: usize,
    eenheid: Option<usize>,
    regio: Option<usize>,
    wijk: Option<usize>,
    aanbieder: Option<usize>,
    status: Option<usize>,
    opmerking: Option<usize>,
}

impl Columns {
    /// Reads the header on `line` (after any blank lines the reader skipped); reports duplicate,
    /// unknown and missing columns there.
    fn from_header(
        path: &Path,
        header: &StringRecord,
        line: usize,
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        let names: Vec<String> = header.iter().map(|n| n.trim().to_lowercase()).collect();
        let col_of = |name: &str| names.iter().position(|n| n == name);
        let mut ok = true;
        for (i, n) in names.iter().enumerate() {
            let kind = if n.is_empty() {
                DiagnosticKind::UnnamedColumn { column: i + 1 }
            } else if names[..i].contains(n) {
                DiagnosticKind::DuplicateColumn { name: n.clone() }
            } else if REQUIRED_COLUMNS.contains(&n.as_str())
                || OPTIONAL_COLUMNS.contains(&n.as_str())
            {
                continue;
            } else {
                DiagnosticKind::UnknownColumn { name: n.clone() }
            };
            ok = false;
            diags.push(Diagnostic::new(path, line, i + 1, kind));
        }
        for req in REQUIRED_COLUMNS {
            if col_of(req).is_none() {
                ok = false;
                diags.push(Diagnostic::new(
                    path,
                    line,
                    names.len() + 1,
                    DiagnosticKind::MissingColumn {
                        name: req.to_string(),
                    },
                ));
            }
        }
        if !ok {
            return None;
        }
        let required = |name: &str| col_of(name).unwrap_or(0);
        Some(Columns {
            periode: required("periode"),
            domein: required("domein"),
            indicator: required("indicator"),
            bron: required("bron"),
            waarde: required("waarde"),
            eenheid: col_of("eenheid"),
            regio: col_of("regio"),
            wijk: col_of("wijk"),
            aanbieder: col_of("aanbieder"),
            status: col_of("status"),
            opmerking: col_of("opmerking"),
            names,
        })
    }
}

/// Records between two progress reports while parsing: often enough for a smooth bar, rare
/// enough to cost nothing.
const PROGRESS_EVERY: u32 = 1024;

/// Parses the CSV text (UTF-8, BOM already removed) into rows, or all problems found.
pub fn parse_rows(path: &Path, text: &str, diags: &mut Diagnostics) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut keep = |row: RowRef<'_>, _: &mut Diagnostics| {
        rows.push(Row {
            key: row.key(),
            obs: row.observation(row.unit.map(Into::into)),
            indicator_col: row.indicator_col,
            bron_col: row.bron_col,
        });
    };
    parse_rows_with_progress(path, text, diags, &|_, _| true, &mut keep);
    rows
}

/// Parses the CSV text, handing each valid row to `sink` as it is read and reporting
/// `progress(bytes read, bytes in text)` every 1024 records; `None` (cancelled) when `progress`
/// returns false.
pub fn parse_rows_with_progress(
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
    progress: &dyn Fn(u64, u64) -> bool,
    sink: &mut dyn FnMut(RowRef<'_>, &mut Diagnostics),
) -> Option<()> {
    if text.trim().is_empty() {
        diags.push(Diagnostic::new(path, 1, 1, DiagnosticKind::EmptyFile));
        return Some(());
    }
    // Lines that end in CR only (old Mac files; a warning names it): each CR read as a line
    // end, which keeps every byte offset and makes the line numbers right.
    let unix;
    let text = if is_cr_only(text) {
        unix = text.replace('\r', "\n");
        unix.as_str()
    } else {
        text
    };
    let sep = detect_separator(text);
    let mut records = Records {
        path,
        bytes: text.as_bytes(),
        last: (0, 0),
        sep,
        // Ragged rows are reported per row (flexible), not as one error that stops the reader.
        reader: ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes()),
    };
    let mut record = StringRecord::new();
    let mut columns: Option<Columns> = None;
    let total = text.len() as u64;
    let mut count = 0u32;
    while let Some(line) = records.next(&mut record, diags) {
        count = count.wrapping_add(1);
        if count.is_multiple_of(PROGRESS_EVERY)
            && !progress(records.reader.position().byte(), total)
        {
            return None;
        }
        let Some(cols) = &columns else {
            match Columns::from_header(path, &record, line, diags) {
                Some(c) => columns = Some(c),
                None => return Some(()),
            }
            continue;
        };
        // A row of empty cells (`,,,,` as spreadsheets write) holds no data: skip it like a blank line.
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != cols.names.len() {
            diags.push(Diagnostic::new(
                path,
                line,
                1,
                DiagnosticKind::FieldCount {
                    found: record.len(),
                    expected: cols.names.len(),
                    separator: sep as char,
                },
            ));
            continue;
        }
        if let Some(row) = parse_row(path, cols, &record, line, diags) {
            sink(row, diags);
        }
    }
    progress(total, total).then_some(())
}

/// The csv reader over the whole text, with what is needed to place each record.
struct Records<'a> {
    path: &'a Path,
    bytes: &'a [u8],
    sep: u8,
    reader: ::csv::Reader<&'a [u8]>,
    /// Byte range of the last record read.
    last: (usize, usize),
}

/// Lines end in CR only: there is a CR and no LF.
pub fn is_cr_only(text: &str) -> bool {
    text.contains('\r') && !text.contains('\n')
}

/// A quoted field with text after its closing quote (`"instr"oom`) in `raw` (one record): the
/// csv crate drops the quotes and joins the text. Gives the line offset and field number, and
/// when the quote closes on a later line than it opened, that line's offset: then the quote was
/// most likely never closed in its own field, so the place given is where it opened.
fn text_after_quote(raw: &[u8], sep: u8) -> Option<(usize, usize, Option<usize>)> {
    // Most records have no quote at all: one fast search instead of a walk per byte.
    if !raw.contains(&b'"') {
        return None;
    }
    let (mut line, mut field) = (0, 1);
    let mut at_start = true;
    let mut quoted = false;
    let mut opened = 0;
    let mut bytes = raw.iter().peekable();
    while let Some(&b) = bytes.next() {
        line += usize::from(b == b'\n');
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&&b'"') {
                    bytes.next();
                    continue;
                }
                quoted = false;
                match bytes.peek() {
                    None | Some(b'\r' | b'\n') => {}
                    Some(&&c) if c == sep => {}
                    Some(_) if line > opened => return Some((opened, field, Some(line))),
                    Some(_) => return Some((line, field, None)),
                }
            }
            continue;
        }
        if b == b'"' && at_start {
            quoted = true;
            opened = line;
        } else if b == sep {
            field += 1;
        }
        at_start = b == sep;
    }
    None
}

impl Records<'_> {
    /// Reads the next record and returns the line it starts on; `None` at the end of the file or
    /// after a problem that ends reading (reported). A record with text after a closing quote
    /// is reported and skipped.
    fn next(&mut self, record: &mut StringRecord, diags: &mut Diagnostics) -> Option<usize> {
        loop {
            let line = self.next_raw(record, diags)?;
            let raw = self.bytes.get(self.last.0..self.last.1).unwrap_or_default();
            let Some((offset, field, closed)) = text_after_quote(raw, self.sep) else {
                return Some(line);
            };
            let kind = match closed {
                Some(closed) => DiagnosticKind::QuoteRunsOn {
                    closed_on: line + closed,
                },
                None => DiagnosticKind::QuoteInField,
            };
            diags.push(Diagnostic::new(self.path, line + offset, field, kind));
        }
    }

    /// [`Records::next`] without the check of quotes inside a field.
    fn next_raw(&mut self, record: &mut StringRecord, diags: &mut Diagnostics) -> Option<usize> {
        match self.reader.read_record(record) {
            Ok(true) => {}
            Ok(false) => return None,
            Err(_) => {
                // Unreachable for valid UTF-8 text with `flexible`, but never a panic.
                let line = usize::try_from(self.reader.position().line()).unwrap_or(1);
                diags.push(Diagnostic::new(
                    self.path,
                    line.max(1),
                    1,
                    DiagnosticKind::NotCsv {
                        separator: self.sep as char,
                    },
                ));
                return None;
            }
        }
        let bytes = self.bytes;
        let (line, start) = record.position().map_or((1, 0), |p| record_start(bytes, p));
        // Only the last record can hold a quote that is never closed: it swallows the rest.
        let after = usize::try_from(self.reader.position().byte()).unwrap_or(usize::MAX);
        self.last = (start, after.min(bytes.len()));
        let rest = bytes.get(after..).unwrap_or_default();
        if rest.iter().all(|&b| b == b'\r' || b == b'\n')
            && let Some((offset, field)) = unclosed_quote(bytes.get(start..)?, self.sep)
        {
            diags.push(Diagnostic::new(
                self.path,
                line + offset,
                field,
                DiagnosticKind::UnclosedQuote,
            ));
            return None;
        }
        Some(line)
    }
}

/// Validates one record of the right length; every bad cell is reported.
fn parse_row<'r>(
    path: &Path,
    cols: &Columns,
    record: &'r StringRecord,
    line: usize,
    diags: &mut Diagnostics,
) -> Option<RowRef<'r>> {
    let cell = |c: Option<usize>| {
        c.and_then(|c| record.get(c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    // (column index, problem) of each bad cell.
    let mut problems: Vec<(usize, DiagnosticKind)> = Vec::new();
    let mut required = |c: usize| -> &'r str {
        cell(Some(c)).unwrap_or_else(|| {
            let column = cols.names[c].clone();
            problems.push((c, DiagnosticKind::EmptyCell { column }));
            ""
        })
    };
    let periode = required(cols.periode);
    let domein = required(cols.domein);
    let indicator = required(cols.indicator);
    let bron = required(cols.bron);
    let waarde = required(cols.waarde);

    let (status, period) = status_and_period(
        cols.status.zip(cell(cols.status)),
        (cols.periode, periode),
        &mut problems,
    );
    let value = parse_value(waarde).unwrap_or_else(|e| {
        problems.push((cols.waarde, DiagnosticKind::Value(e)));
        None
    });
    if !problems.is_empty() {
        for (c, kind) in problems {
            diags.push(Diagnostic::new(path, line, c + 1, kind));
        }
        return None;
    }
    Some(RowRef {
        domein,
        indicator,
        bron,
        regio: cell(cols.regio),
        wijk: cell(cols.wijk),
        aanbieder: cell(cols.aanbieder),
        unit: cell(cols.eenheid),
        note: cell(cols.opmerking),
        period: period?,
        value,
        status,
        line,
        indicator_col: cols.indicator + 1,
        bron_col: cols.bron + 1,
    })
}

/// The status (definitief unless given) and the period of a row, each `(column index, cell)`;
/// `2023*` is voorlopig unless the status column says otherwise.
fn status_and_period(
    status_cell: Option<(usize, &str)>,
    (c_periode, periode): (usize, &str),
    problems: &mut Vec<(usize, DiagnosticKind)>,
) -> (Status, Option<Period>) {
    let mut status = match status_cell {
        Some((c, s)) => Status::parse(s).unwrap_or_else(|| {
            let value = s.to_string();
            problems.push((c, DiagnosticKind::UnknownStatus { value }));
            Status::Definitief
        }),
        None => Status::Definitief,
    };
    if periode.is_empty() {
        return (status, None);
    }
    match Period::parse(periode) {
        Ok((p, star)) => {
            if star && status == Status::Definitief {
                status = Status::Voorlopig;
            }
            (status, Some(p))
        }
        Err(e) => {
            problems.push((c_periode, DiagnosticKind::Period(e)));
            (status, None)
        }
    }
}

/// A value cell: a number, or unknown (`.`, `x`, or empty: emptiness is reported as a required
/// cell already).
fn parse_value(waarde: &str) -> Result<Option<f64>, crate::model::number::NumberError> {
    if waarde.is_empty() || matches!(waarde, "." | "x") {
        return Ok(None);
    }
    parse_decimal(waarde).map(Some)
}

#[cfg(test)]
mod tests;
