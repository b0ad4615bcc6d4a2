//! A sheet as a grid of cells with their Excel names (`C12`), read once with calamine, so the
//! readers work on plain values and every message can name the cell.

use super::super::{ImportError, Layout};
use calamine::{Data, Ods, Range, Reader, Xls, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::path::Path;

/// One cell's value, reduced to what an import needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
    /// A date (year, month, day), from a date-formatted cell or an ISO date cell.
    Date(i32, u8, u8),
    /// An Excel error value (`#DEEL/0!`), as the workbook shows it.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user sees it, for labels and messages.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            Cell::Text(t) => t.trim().to_string(),
            Cell::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// One sheet: rows of cells, 0-based here, 1-based (as Excel shows them) in every message.
#[derive(Debug, Clone)]
pub struct Grid {
    /// `bestand.xlsx`, for messages.
    pub file: String,
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn get(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// `Blad!C12` for a 0-based cell.
    pub fn place(&self, row: usize, col: usize) -> String {
        format!("{}!{}{}", self.sheet, column_name(col), row + 1)
    }

    /// `bestand.xlsx!Blad!C12`, for errors.
    pub fn full_place(&self, row: usize, col: usize) -> String {
        format!("{}!{}", self.file, self.place(row, col))
    }

    pub fn error(&self, row: usize, col: usize, problem: String) -> ImportError {
        ImportError {
            place: self.full_place(row, col),
            layout: Some(Layout::Sheet),
            problem,
        }
    }

    /// Whether a row holds nothing.
    pub fn row_is_empty(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.iter().all(Cell::is_empty))
    }
}

/// `A`, `B`, …, `Z`, `AA` for a 0-based column.
pub fn column_name(col: usize) -> String {
    let mut n = col + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The 0-based column of a letter name (`A`, `ab`), if it is one (at most three letters: XFD is
/// Excel's last column).
pub fn column_index(name: &str) -> Option<usize> {
    let name = name.trim();
    if name.is_empty() || name.len() > 3 || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let n = name.bytes().fold(0usize, |n, b| {
        n * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1
    });
    Some(n - 1)
}

/// The workbook kinds calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xls,
    Ods,
}

/// The kind from the first bytes (zip or OLE container) and the name.
pub fn kind_of(path: &Path, head: &[u8]) -> Option<Kind> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let zip = head.starts_with(b"PK\x03\x04");
    let ole = head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let ods_mime = contains(head, b"application/vnd.oasis.opendocument.spreadsheet");
    match ext.as_deref() {
        Some("xlsx" | "xlsm") if zip => Some(Kind::Xlsx),
        Some("ods") if zip => Some(Kind::Ods),
        Some("xls") if ole => Some(Kind::Xls),
        _ if zip && ods_mime => Some(Kind::Ods),
        _ if zip && (contains(head, b"[Content_Types].xml") || contains(head, b"xl/")) => {
            Some(Kind::Xlsx)
        }
        _ => None,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The file name as messages show it.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn open_error(path: &Path, problem: String) -> ImportError {
    ImportError {
        place: file_name(path),
        layout: Some(Layout::Sheet),
        problem,
    }
}

/// Reads one sheet (by name, or the first) of a workbook into a grid.
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Grid, ImportError> {
    let bytes = crate::load::file::read_regular(path)
        .map_err(|e| open_error(path, format!("kan het bestand niet lezen: {e}")))?;
    let head = &bytes[..bytes.len().min(4096)];
    let kind = kind_of(path, head).ok_or_else(|| {
        open_error(
            path,
            "verwacht een spreadsheet (.xlsx, .xls of .ods), maar de inhoud is dat niet".into(),
        )
    })?;
    let cursor = Cursor::new(bytes);
    let (sheet_name, rows) = match kind {
        Kind::Xlsx => take_xlsx(cursor, sheet),
        Kind::Xls => take::<Xls<_>>(cursor, sheet),
        Kind::Ods => take::<Ods<_>>(cursor, sheet),
    }
    .map_err(|problem| open_error(path, problem))?;
    Ok(Grid {
        file: file_name(path),
        sheet: sheet_name,
        rows,
    })
}

/// A sheet claiming a million used rows is cut off: nobody reports a month that way, and a stray
/// cell far away must not make a grid of billions of cells.
const MAX_ROWS: usize = 100_000;
const MAX_COLS: usize = 2_000;

fn broken(e: impl std::fmt::Display) -> String {
    format!("het werkboek is beschadigd of onleesbaar ({e})")
}

/// The sheet's name: the one asked for (case ignored if need be), or the first.
fn pick(names: &[String], sheet: Option<&str>) -> Result<String, String> {
    match sheet {
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(want)))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "blad '{want}' bestaat niet; het werkboek heeft: {}",
                    names.join(", ")
                )
            }),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| "het werkboek heeft geen bladen".to_string()),
    }
}

type Taken = (String, Vec<Vec<Cell>>);

fn take<R>(cursor: Cursor<Vec<u8>>, sheet: Option<&str>) -> Result<Taken, String>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let mut book: R = open_workbook_from_rs(cursor).map_err(broken)?;
    let name = pick(&book.sheet_names(), sheet)?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| format!("blad '{name}' is onleesbaar ({e})"))?;
    Ok((name, to_rows(&range)))
}

/// An `.xlsx` sheet cell by cell, so cells past the limits are never laid out in a range.
fn take_xlsx(cursor: Cursor<Vec<u8>>, sheet: Option<&str>) -> Result<Taken, String> {
    let mut book: Xlsx<_> = open_workbook_from_rs(cursor).map_err(broken)?;
    let name = pick(&book.sheet_names(), sheet)?;
    let unreadable = |e: calamine::XlsxError| format!("blad '{name}' is onleesbaar ({e})");
    let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        let (r, c) = (r as usize, c as usize);
        let value = cell_of(&Data::from(cell.get_value().clone()));
        if r >= MAX_ROWS || c >= MAX_COLS || value.is_empty() {
            continue;
        }
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, Cell::Empty);
        }
        rows[r][c] = value;
    }
    drop(reader);
    Ok((name, rows))
}

/// The range as rows from A1 (calamine's range starts at the first used cell).
fn to_rows(range: &Range<Data>) -> Vec<Vec<Cell>> {
    let Some((row0, col0)) = range.start() else {
        return Vec::new();
    };
    let (row0, col0) = (row0 as usize, col0 as usize);
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); row0.min(MAX_ROWS)];
    for r in range.rows().take(MAX_ROWS.saturating_sub(row0)) {
        let mut cells = vec![Cell::Empty; col0.min(MAX_COLS)];
        cells.extend(r.iter().take(MAX_COLS.saturating_sub(col0)).map(cell_of));
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    rows
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "WAAR" } else { "ONWAAR" }.into()),
        Data::String(s) => Cell::Text(s.clone()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(y as i32, m, d)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => {
            iso_date(s).map_or_else(|| Cell::Text(s.clone()), |(y, m, d)| Cell::Date(y, m, d))
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// `2023-01-31` (optionally followed by a time) as a date.
pub fn iso_date(s: &str) -> Option<(i32, u8, u8)> {
    let s = s.trim();
    let date = s.get(..10)?;
    let mut parts = date.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    let rest = &s[10..];
    let ok = date.as_bytes()[4] == b'-'
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
        && (rest.is_empty() || rest.starts_with('T') || rest.starts_with(' '));
    ok.then_some((y, m, d))
}

/// The date of an Excel serial number (1900 system), if it is a plausible date for a report
/// (1950 to 2100), so that a count of 44 is not read as a date.
pub fn serial_date(serial: f64) -> Option<(i32, u8, u8)> {
    if !(18_264.0..=73_051.0).contains(&serial) {
        return None;
    }
    let dt = calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, false);
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    Some((y as i32, m, d))
}
