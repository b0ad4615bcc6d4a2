//! The mapping file (`kaart.toml`) that makes a spreadsheet import repeatable: which sheet, which
//! row is the header, which columns hold what, and which row labels are which duiden indicators.

use super::values::NumberFormat;
use crate::import::{ImportError, Layout};
use crate::load::diagnostic::line_col;
use crate::load::toml_message;
use crate::model::{Soort, Status};
use serde::Deserialize;
use std::path::Path;

/// Wide (`breed`: one row per indicator, periods as columns) or long (`lang`: a column each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Breed,
    Lang,
}

/// A parsed `kaart.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kaart {
    /// The sheet's name; the first sheet when absent.
    #[serde(default)]
    pub blad: Option<String>,
    pub vorm: Shape,
    /// The header row, as Excel numbers it (1-based). In a wide sheet it holds the periods.
    pub kopregel: usize,
    /// Wide sheets whose header row has only month names: the row above with the (merged) years.
    #[serde(default)]
    pub jaarregel: Option<usize>,
    /// The domein and bron id; the command line may give them instead.
    #[serde(default)]
    pub domein: Option<String>,
    #[serde(default)]
    pub bron: Option<String>,
    #[serde(default)]
    pub getalnotatie: NumberFormat,
    /// Fixed for every row unless a column says otherwise.
    #[serde(default)]
    pub regio: Option<String>,
    #[serde(default)]
    pub wijk: Option<String>,
    #[serde(default)]
    pub aanbieder: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    /// The unit for indicators whose mapping names none.
    #[serde(default)]
    pub eenheid: Option<String>,
    /// Row labels to skip (subtotals, totals), compared without case; `*` at the end matches the
    /// start of a label.
    #[serde(default)]
    pub overslaan: Vec<String>,
    /// Rows to skip by number (1-based, as Excel shows them).
    #[serde(default)]
    pub overslaan_regels: Vec<usize>,
    /// What the source is, for its `dataset.toml` entry.
    #[serde(default)]
    pub bron_naam: Option<String>,
    #[serde(default)]
    pub leverancier: Option<String>,
    #[serde(default)]
    pub vintage: Option<String>,
    pub kolommen: Columns,
    #[serde(default)]
    pub indicatoren: Vec<IndicatorMap>,
}

/// Columns, by letter (`B`) or by the header text in the header row (`Periode`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// Wide and long: the row labels (wide) or indicator names (long).
    pub indicator: String,
    #[serde(default)]
    pub periode: Option<String>,
    #[serde(default)]
    pub waarde: Option<String>,
    #[serde(default)]
    pub bron: Option<String>,
    #[serde(default)]
    pub regio: Option<String>,
    #[serde(default)]
    pub wijk: Option<String>,
    #[serde(default)]
    pub aanbieder: Option<String>,
    #[serde(default)]
    pub eenheid: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
}

/// A row label of the sheet and the duiden indicator it is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorMap {
    pub label: String,
    pub id: String,
    #[serde(default)]
    pub naam: Option<String>,
    #[serde(default)]
    pub soort: Option<Soort>,
    #[serde(default)]
    pub eenheid: Option<String>,
}

impl Kaart {
    /// Reads and checks a mapping file.
    pub fn read(path: &Path) -> Result<Kaart, ImportError> {
        let name = super::grid::file_name(path);
        let bytes = crate::load::file::read_regular(path).map_err(|e| ImportError {
            place: name.clone(),
            layout: Some(Layout::Sheet),
            problem: format!("kan de kaart niet lezen: {e}"),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| ImportError {
            place: name.clone(),
            layout: Some(Layout::Sheet),
            problem: "de kaart is geen UTF-8-tekst".into(),
        })?;
        Kaart::parse(&name, &text)
    }

    /// Parses a mapping file's text; errors name `kaart.toml:regel:kolom`.
    pub fn parse(name: &str, text: &str) -> Result<Kaart, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let kaart: Kaart = toml::from_str(text).map_err(|e| {
            let (line, col) = line_col(text, e.span().map_or(0, |s| s.start));
            ImportError {
                place: format!("{name}:{line}:{col}"),
                layout: Some(Layout::Sheet),
                problem: toml_message::dutch(&toml_message::message_of(&e, text)),
            }
        })?;
        kaart.check().map_err(|(key, problem)| {
            let at = find_key(text, key);
            let (line, col) = line_col(text, at);
            ImportError {
                place: format!("{name}:{line}:{col}"),
                layout: Some(Layout::Sheet),
                problem,
            }
        })?;
        Ok(kaart)
    }

    /// What serde cannot check: the fields each shape needs, rows from 1.
    fn check(&self) -> Result<(), (&'static str, String)> {
        if self.kopregel == 0 {
            return Err(("kopregel", "kopregel telt vanaf 1, zoals in Excel".into()));
        }
        if self.jaarregel.is_some_and(|j| j == 0 || j >= self.kopregel) {
            return Err((
                "jaarregel",
                "jaarregel moet een regel boven de kopregel zijn (telt vanaf 1)".into(),
            ));
        }
        if let Some(s) = &self.status
            && Status::parse(s).is_none()
        {
            return Err(("status", format!("verwacht {}, kreeg '{s}'", Status::FORMS)));
        }
        let cols = &self.kolommen;
        match self.vorm {
            Shape::Lang if cols.periode.is_none() || cols.waarde.is_none() => Err((
                "kolommen",
                "een lange tabel (vorm = \"lang\") heeft kolommen.periode en kolommen.waarde nodig"
                    .into(),
            )),
            Shape::Breed if cols.periode.is_some() || cols.waarde.is_some() => Err((
                "kolommen",
                "een brede tabel (vorm = \"breed\") heeft de perioden in de kopregel: laat \
                 kolommen.periode en kolommen.waarde weg"
                    .into(),
            )),
            _ => Ok(()),
        }
    }

    /// The mapping for a row label, if any (labels compared without case or outer spaces).
    pub fn indicator_for(&self, label: &str) -> Option<&IndicatorMap> {
        let label = label.trim().to_lowercase();
        self.indicatoren
            .iter()
            .find(|m| m.label.trim().to_lowercase() == label)
    }

    /// Whether a row is to be skipped, by its label or its number (0-based here).
    pub fn skips(&self, label: &str, row: usize) -> bool {
        let label = label.trim().to_lowercase();
        self.overslaan_regels.contains(&(row + 1))
            || self.overslaan.iter().any(|s| {
                let s = s.trim().to_lowercase();
                match s.strip_suffix('*') {
                    Some(prefix) => label.starts_with(prefix),
                    None => label == s,
                }
            })
    }
}

/// Where a key is written (the start of its line), for a message about its value.
fn find_key(text: &str, key: &str) -> usize {
    let table = format!("[{key}]");
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let is_key = t
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if is_key || t.starts_with(&table) {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    0
}
