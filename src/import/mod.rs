//! Reading the files analysts have (CBS tables, provider spreadsheets) into duiden's own long
//! format, and writing them into a dataset folder.
//!
//! Every reader turns one file into an [`Import`]: the rows in the dataset's long format, drafts of
//! the `dataset.toml` entries for the bronnen and indicatoren it found (what the file said, and
//! which fields it could not know), and what it could not map, with why. The writer merges an
//! [`Import`] into a dataset folder. Readers never write; the writer never parses a foreign
//! format. Layering: model → load → import → analysis; the command line drives it.

pub mod cbs_json;
pub mod sheet;

use crate::model::{Period, Soort, Status};
use std::path::PathBuf;

/// The layouts duiden recognises, detected from the file itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// CBS open data, OData v3 `TypedDataSet` as CSV (`;`, quoted, padded codes, `2022JJ00`).
    CbsTypedCsv,
    /// CBS open data, OData v3 `TypedDataSet` as JSON (with `DataProperties`).
    CbsTypedJson,
    /// CBS open data, OData v4 long `Observations` (with `MeasureCodes` and code lists).
    CbsObservationsJson,
    /// A StatLine download or export as CSV (labels: `2023 1e halfjaar*`, region names).
    StatlineCsv,
    /// A spreadsheet (`.xlsx`, `.xls`, `.ods`) read with a mapping file (`kaart.toml`).
    Sheet,
    /// Counts derived from a record-level extract (`duiden afleiden`), not read by `importeer`.
    Records,
}

/// Why a figure is missing. Never zero: the dataset writes `.` with the reason as opmerking.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Missing {
    /// `.` or `null` without more said: unknown.
    Unknown,
    /// Suppressed for disclosure (`ValueAttribute` "Confidential", `x` in some exports).
    Confidential,
    /// Cannot exist (`ValueAttribute` "Impossible", "-" for not applicable).
    Impossible,
    /// Another reason, as the file wrote it.
    Other(String),
}

/// A figure, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Value(f64),
    Missing(Missing),
}

/// One row of the dataset's long format (`reeksen.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub period: Period,
    pub domein: String,
    pub indicator: String,
    pub bron: String,
    pub figure: Figure,
    pub eenheid: String,
    pub regio: Option<String>,
    pub wijk: Option<String>,
    pub aanbieder: Option<String>,
    pub status: Status,
    pub opmerking: Option<String>,
    /// Where in the file the figure stands (`bestand:regel`, `bestand.xlsx!Blad!C12`), so an
    /// error about the row names the file the user has, not the dataset it would go to.
    pub origin: Option<String>,
}

/// A `[[bronnen]]` entry as far as the file says it. Fields the file cannot know are listed in
/// `to_fill` (by their `dataset.toml` key) so `duiden controleer` can ask for them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceDraft {
    pub id: String,
    pub naam: String,
    pub leverancier: String,
    /// `jaar`, `halfjaar`, `kwartaal`, `maand`, or a combination ("jaar en halfjaar").
    pub ritme: String,
    pub vindplaats: String,
    pub definitie: String,
    /// CBS rounds many counts to 5.
    pub afronding: u32,
    /// Which publication this is (a table's modification date, a report month), so a newer
    /// vintage can replace it and the difference can be named.
    pub vintage: String,
    /// The credit line the licence asks for ("Bron: CBS (CC BY 4.0)").
    pub credit: String,
    /// `registratie` for counts derived from records (`duiden afleiden`), else empty.
    pub herkomst: String,
    pub to_fill: Vec<&'static str>,
}

/// An `[[indicatoren]]` entry as far as the file says it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorDraft {
    pub domein: String,
    pub id: String,
    pub naam: String,
    /// `None` when the file does not say whether it is a flow, a stock or a ratio.
    pub soort: Option<Soort>,
    pub eenheid: String,
    pub definitie: String,
    pub to_fill: Vec<&'static str>,
}

/// Something in the file that did not become rows, with why (in Dutch, for the report).
#[derive(Debug, Clone, PartialEq)]
pub struct Unmapped {
    /// Where: a column, a measure code, `Blad!C12`, a line.
    pub place: String,
    pub why: String,
}

/// One file read: what goes into the dataset folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub file: PathBuf,
    pub layout: Layout,
    pub rows: Vec<Row>,
    pub sources: Vec<SourceDraft>,
    pub indicators: Vec<IndicatorDraft>,
    pub unmapped: Vec<Unmapped>,
    /// What was taken over but the user must know (regions kept as names, say), in Dutch.
    pub notes: Vec<String>,
}

/// What the user tells the import that the file cannot say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// The domein the indicators belong to (jeugd, wmo, participatie, …).
    pub domein: Option<String>,
    /// The bron id to use instead of one made from the table or file name.
    pub bron: Option<String>,
    /// A mapping file (`kaart.toml`) for spreadsheets.
    pub kaart: Option<PathBuf>,
}

/// A file that cannot be read as any layout, or a recognised layout with something off: the
/// place (`bestand:regel:kolom`, `bestand.xlsx!Blad!C12`) and what was expected, in Dutch.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub place: String,
    /// The layout it was recognised as, when it was.
    pub layout: Option<Layout>,
    pub problem: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

impl std::error::Error for ImportError {}

pub mod cbs_csv;
pub mod detect;
pub mod statline_csv;
pub mod text;
pub mod write;
mod write_toml;

/// The domein of imported indicators when `--domein` is not given.
pub const DEFAULT_DOMAIN: &str = "algemeen";

/// The bron id of a CBS table: `cbs-` and the table id in lower case (`cbs-84134ned`).
pub fn cbs_source_id(table: &str) -> String {
    let id = text::id_of(table).replace('_', "-");
    if id.starts_with("cbs") {
        id
    } else {
        format!("cbs-{id}")
    }
}

/// The rhythms present in the rows, coarsest first ("jaar en halfjaar").
pub fn rhythm_of(rows: &[Row]) -> String {
    let mut gs: Vec<_> = rows.iter().map(|r| r.period.granularity).collect();
    gs.sort_by(|a, b| b.cmp(a));
    gs.dedup();
    gs.iter()
        .map(|g| g.dutch())
        .collect::<Vec<_>>()
        .join(" en ")
}

/// An indicator as far as a title and unit say: the kind is guessed from the words, and what
/// cannot be guessed is listed to fill in. An empty unit becomes `aantal`, to be checked.
pub fn indicator_draft(domein: &str, id: &str, title: &str, unit: &str) -> IndicatorDraft {
    let soort = text::guess_soort(title, unit);
    let mut to_fill = vec!["definitie"];
    if soort.is_none() {
        to_fill.push("soort");
    }
    if unit.trim().is_empty() {
        to_fill.push("eenheid");
    }
    IndicatorDraft {
        domein: domein.to_string(),
        id: id.to_string(),
        naam: title.trim().to_string(),
        soort,
        eenheid: if unit.trim().is_empty() {
            "aantal".to_string()
        } else {
            unit.trim().to_string()
        },
        definitie: String::new(),
        to_fill,
    }
}
