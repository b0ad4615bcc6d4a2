//! CBS open-data JSON: the OData v3 `TypedDataSet` ([`typed`]) and the OData v4 long
//! `Observations` ([`observations`]).
//!
//! Where the metadata comes from, for a data file `<map>/<stam>.json` (first found wins):
//! 1. a key in the data file itself (one combined JSON object): `DataProperties`, `Perioden`,
//!    `TableInfos` next to `value`/`TypedDataSet` (v3); `MeasureCodes`, `PeriodenCodes`,
//!    `RegioSCodes`, `Dimensions`, `Properties` next to `value`/`Observations` (v4);
//! 2. a sibling file `<stam>_<Naam>.json`, e.g. `84134NED_DataProperties.json` (for a data file
//!    `84134NED_TypedDataSet.json` or `84134NED_Observations.json` the stem before the service's
//!    name is the stam, as in the CSV form);
//! 3. when the data file is the service's own name (`TypedDataSet.json`, `Observations.json`, as
//!    the `cbsodata` packages save a table), the sibling `<Naam>.json`.
//!
//! A metadata file may be the service's answer (`{"value": [...]}`) or the bare list. Without
//! metadata the import still works: `Perioden` is the time dimension, `Regio…`/`Wijken…` columns
//! are regions, and what the file cannot say (unit, status) is listed to fill in.
//!
//! Errors in data rows are located as `bestand:regel:kolom` (the offending JSON value); errors in
//! metadata name the JSON path (`bestand: DataProperties[3]`) next to serde's line and column.

mod build;
pub mod observations;
pub mod typed;

#[cfg(test)]
mod tests;

use super::{ImportError, Layout};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One JSON object of the data, its values kept as raw slices of the file text so an offending
/// value can be located.
pub(crate) type RawRow<'a> = BTreeMap<String, &'a RawValue>;

/// A metadata entry in any of the lists (DataProperties, MeasureCodes, a code list, Dimensions):
/// v3 names the key `Key` and the kind `Type`, v4 `Identifier` and `Kind`. Unknown fields are
/// ignored; the service adds fields over time.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct MetaItem {
    #[serde(alias = "Identifier")]
    pub key: Option<String>,
    pub title: Option<String>,
    pub unit: Option<String>,
    pub description: Option<String>,
    #[serde(rename = "Type", alias = "Kind")]
    pub kind: Option<String>,
    pub status: Option<String>,
    /// `TableInfos`/`Properties`: when the table was last changed (the vintage).
    pub modified: Option<String>,
    /// `TableInfos`: the table's short description.
    pub short_description: Option<String>,
}

/// The layout's name as errors say it.
pub(crate) fn layout_name(layout: Layout) -> &'static str {
    match layout {
        Layout::CbsObservationsJson => "CBS open data JSON (OData v4 Observations)",
        _ => "CBS open data JSON (OData v3 TypedDataSet)",
    }
}

pub(crate) fn error(place: String, layout: Layout, problem: impl std::fmt::Display) -> ImportError {
    ImportError {
        place,
        layout: Some(layout),
        problem: format!("{}: {problem}", layout_name(layout)),
    }
}

/// The file as text (a UTF-8 byte-order mark dropped).
pub(crate) fn read_text(path: &Path, layout: Layout) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError {
        place: path.display().to_string(),
        layout: Some(layout),
        problem: format!("kan het bestand niet lezen ({e})"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.into_bytes()[..at]).into_owned();
        error(
            place_at(path, &text, at),
            layout,
            "geen geldige UTF-8-tekst; verwacht JSON zoals de CBS-dienst die levert",
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// `bestand:regel:kolom` of a byte offset in `text` (1-based, columns in characters).
pub(crate) fn place_at(path: &Path, text: &str, offset: usize) -> String {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    format!("{}:{line}:{column}", path.display())
}

/// `bestand:regel:kolom` of many offsets, in one forward pass when they come in file order (as
/// the figures do): [`place_at`] from the start each time would be quadratic in a large table.
pub(crate) struct Locator<'a> {
    path: &'a Path,
    text: &'a str,
    /// The last offset located, with its line and column.
    last: (usize, usize, usize),
}

impl<'a> Locator<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Locator<'a> {
        Locator {
            path,
            text,
            last: (0, 1, 1),
        }
    }

    pub fn place(&mut self, offset: usize) -> String {
        let mut at = offset.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let (from, mut line, mut column) = if at >= self.last.0 {
            self.last
        } else {
            (0, 1, 1)
        };
        for c in self.text[from..at].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        self.last = (at, line, column);
        format!("{}:{line}:{column}", self.path.display())
    }
}

/// Where a borrowed raw value starts in the text it was parsed from.
pub(crate) fn offset_of(text: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// A serde error inside `slice` (a part of `text`) as `bestand:regel:kolom`.
pub(crate) fn place_of_serde(
    path: &Path,
    text: &str,
    slice: &str,
    e: &serde_json::Error,
) -> String {
    let base = (slice.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let mut offset = 0;
    for (i, line) in slice.split_inclusive('\n').enumerate() {
        if i + 1 == e.line() {
            offset += e.column().saturating_sub(1).min(line.len());
            break;
        }
        offset += line.len();
    }
    place_at(path, text, base + offset)
}

/// The JSON value `text` as a raw value borrowed from it, or a located error.
pub(crate) fn parse_raw<'a>(
    path: &Path,
    text: &'a str,
    slice: &'a str,
    layout: Layout,
    expected: &str,
) -> Result<&'a RawValue, ImportError> {
    serde_json::from_str::<&RawValue>(slice).map_err(|e| {
        error(
            place_of_serde(path, text, slice, &e),
            layout,
            format!("{} ({e}); verwacht {expected}", json_problem(&e)),
        )
    })
}

/// serde's category in Dutch; its own message follows in parentheses.
fn json_problem(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "JSON houdt te vroeg op",
        serde_json::error::Category::Syntax => "geen geldige JSON",
        _ => "onverwachte JSON-waarde",
    }
}

/// A list: the bare array or the service's `{"value": [...]}`. `what` names it for errors.
pub(crate) fn parse_list<'a, T: Deserialize<'a>>(
    path: &Path,
    text: &'a str,
    raw: &'a RawValue,
    layout: Layout,
    what: &str,
) -> Result<Vec<T>, ImportError> {
    let slice = raw.get();
    let inner = if slice.trim_start().starts_with('{') {
        let obj: BTreeMap<String, &'a RawValue> = serde_json::from_str(slice).map_err(|e| {
            error(
                place_of_serde(path, text, slice, &e),
                layout,
                format!("{what}: {} ({e})", json_problem(&e)),
            )
        })?;
        match obj.get("value") {
            Some(v) => *v,
            None => {
                return Err(error(
                    place_at(path, text, offset_of(text, raw)),
                    layout,
                    format!("{what}: verwacht een lijst of een object met \"value\": [...]"),
                ));
            }
        }
    } else {
        raw
    };
    let slice = inner.get();
    serde_json::from_str::<Vec<T>>(slice).map_err(|e| {
        error(
            place_of_serde(path, text, slice, &e),
            layout,
            format!(
                "{what}: {} ({e}); verwacht een lijst van objecten",
                json_problem(&e)
            ),
        )
    })
}

/// A metadata list by name, with the file it came from: a key of the combined data file, else a
/// sibling file (see the module documentation). `Ok(None)` when there is none.
pub(crate) fn metadata(
    path: &Path,
    text: &str,
    top: &BTreeMap<String, &RawValue>,
    layout: Layout,
    name: &str,
    service_stem: &str,
) -> Result<Option<(PathBuf, Vec<MetaItem>)>, ImportError> {
    if let Some(raw) = top.get(name) {
        let list = parse_list(path, text, raw, layout, name)?;
        return Ok(Some((path.to_path_buf(), list)));
    }
    let Some(sibling) = sibling(path, name, service_stem) else {
        return Ok(None);
    };
    let own = read_text(&sibling, layout)?;
    let raw = parse_raw(&sibling, &own, &own, layout, &format!("de lijst {name}"))?;
    let list = parse_list(&sibling, &own, raw, layout, name)?;
    Ok(Some((sibling, list)))
}

/// The period statuses of a code list (`Perioden` v3, `PeriodenCodes` v4). An unknown status
/// is an error naming its JSON path.
pub(crate) fn period_statuses(
    file: &Path,
    name: &str,
    list: &[MetaItem],
    layout: Layout,
) -> Result<HashMap<String, crate::model::Status>, ImportError> {
    let mut out = HashMap::new();
    for (i, item) in list.iter().enumerate() {
        let Some(key) = item.key.as_deref() else {
            continue;
        };
        let status = build::period_status(item.status.as_deref(), item.title.as_deref());
        let Some(status) = status else {
            return Err(error(
                format!("{}: {name}[{i}].Status", file.display()),
                layout,
                format!(
                    "status '{}' van periode '{}' onbekend; verwacht Definitief, Voorlopig of Nader voorlopig",
                    item.status.as_deref().unwrap_or(""),
                    key.trim()
                ),
            ));
        };
        out.insert(key.trim().to_string(), status);
    }
    Ok(out)
}

/// The titles of a dimension's codes, keyed by (dimension, code).
pub(crate) fn code_titles(dim: &str, list: &[MetaItem]) -> Vec<((String, String), String)> {
    list.iter()
        .filter_map(|i| {
            let key = i.key.as_deref()?.trim().to_string();
            let title = i.title.as_deref()?.trim().to_string();
            Some(((dim.to_string(), key), title))
        })
        .collect()
}

/// The total's code in a dimension's code list (v3 `<Dim>`, v4 `<Dim>Codes`): the entry titled
/// "Totaal …", by the rule the CSV reader uses too.
pub(crate) fn list_total(list: &[MetaItem]) -> Option<String> {
    crate::import::text::total_in_list(
        list.iter()
            .filter_map(|i| Some((i.key.as_deref()?, i.title.as_deref()?))),
    )
}

/// A dimension cell: a string code, trimmed (CBS pads codes to a fixed width), or an error.
pub(crate) fn code_cell(
    path: &Path,
    text: &str,
    raw: &RawValue,
    layout: Layout,
    dim: &str,
) -> Result<String, ImportError> {
    as_str(raw).map(|s| s.trim().to_string()).ok_or_else(|| {
        error(
            place_at(path, text, offset_of(text, raw)),
            layout,
            format!("{dim} is {}; verwacht een code als tekst", shown(raw)),
        )
    })
}

/// The period code and the other dimension codes of one row (an observation, or a row of the
/// TypedDataSet), in the table's dimension order; `noun` names the row and `field` a column in
/// the messages.
pub(crate) fn row_codes(
    path: &Path,
    text: &str,
    table: &build::Table,
    row: &RawRow,
    (noun, field): (&str, &str),
    row_place: impl Fn() -> String,
) -> Result<(String, Vec<(String, String)>), ImportError> {
    let layout = table.layout;
    let mut period = None;
    let mut dims = Vec::new();
    for (dim, kind) in &table.dims {
        let Some(raw) = row.get(dim) else {
            return Err(error(
                row_place(),
                layout,
                format!("{noun} zonder {dim}; verwacht een code voor elke dimensie"),
            ));
        };
        let code = code_cell(path, text, raw, layout, dim)?;
        match kind {
            build::DimKind::Time => period = Some(code),
            _ => dims.push((dim.clone(), code)),
        }
    }
    match period {
        Some(period) => Ok((period, dims)),
        None => Err(error(
            row_place(),
            layout,
            format!(
                "geen tijdsdimensie (Perioden); verwacht een {field} met periodecodes als 2022JJ00"
            ),
        )),
    }
}

/// Whether a column name is a region dimension when no metadata says so.
pub(crate) fn looks_geo(key: &str) -> bool {
    ["Regio", "Wijken", "Gemeente", "Provincie"]
        .iter()
        .any(|p| key.starts_with(p))
}

/// The sibling file holding metadata `name`, when it exists.
pub(crate) fn sibling(path: &Path, name: &str, service_stem: &str) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut candidates = vec![dir.join(format!("{stem}_{name}.json"))];
    if stem.eq_ignore_ascii_case(service_stem) {
        candidates.push(dir.join(format!("{name}.json")));
    }
    // `84134NED_TypedDataSet.json` beside `84134NED_DataProperties.json`, as the CSV form.
    let at = stem.len().saturating_sub(service_stem.len() + 1);
    if at > 0 && stem.is_char_boundary(at) {
        let (table, tail) = stem.split_at(at);
        if tail.starts_with('_') && tail[1..].eq_ignore_ascii_case(service_stem) {
            candidates.push(dir.join(format!("{table}_{name}.json")));
        }
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// A CBS table id (`84134NED`, `37296ned`) in a text: five digits and three letters, not inside
/// a longer word. Upper-cased.
pub(crate) fn table_id(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(7)).find_map(|i| {
        let w = &b[i..i + 8];
        let edge_ok = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 8).is_none_or(|c| !c.is_ascii_alphanumeric());
        (edge_ok
            && w[..5].iter().all(u8::is_ascii_digit)
            && w[5..].iter().all(u8::is_ascii_alphabetic))
        .then(|| String::from_utf8_lossy(w).to_ascii_uppercase())
    })
}

/// The table id in the file's name (`84134NED_TypedDataSet.json`) or, as `cbsodata` saves a
/// table, its folder's (`84134NED/TypedDataSet.json`); not further up, where any folder name
/// could look like one.
pub(crate) fn table_id_of_path(path: &Path) -> Option<String> {
    let name = |p: Option<&Path>| p?.file_name().map(|n| n.to_string_lossy().into_owned());
    table_id(&name(Some(path))?).or_else(|| table_id(&name(path.parent())?))
}

/// An id for the dataset: ASCII lowercase letters and digits, other characters (runs) as `_`,
/// common accented letters folded ("Één" → "een"), at most 60 characters.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().map(fold) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.truncate(60);
    out.trim_end_matches('_').to_string()
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
        other => other,
    }
}

/// The top of a data file: an object's keys as raw values, or `None` for a bare array.
pub(crate) fn top_object<'a>(
    path: &Path,
    text: &'a str,
    layout: Layout,
) -> Result<(BTreeMap<String, &'a RawValue>, Option<&'a RawValue>), ImportError> {
    let raw = parse_raw(path, text, text, layout, "een JSON-object of -lijst")?;
    if raw.get().starts_with('[') {
        return Ok((BTreeMap::new(), Some(raw)));
    }
    if !raw.get().starts_with('{') {
        return Err(error(
            place_at(path, text, offset_of(text, raw)),
            layout,
            "verwacht een JSON-object met \"value\": [...] of een lijst",
        ));
    }
    let top: BTreeMap<String, &'a RawValue> = serde_json::from_str(raw.get())
        .map_err(|e| error(place_of_serde(path, text, text, &e), layout, e))?;
    Ok((top, None))
}

/// A JSON string value, or `None` for anything else.
pub(crate) fn as_str(raw: &RawValue) -> Option<String> {
    serde_json::from_str::<String>(raw.get()).ok()
}

/// A raw value as an error shows it: at most 40 characters.
pub(crate) fn shown(raw: &RawValue) -> String {
    let s = raw.get();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The service gives at most 10,000 rows per answer and links to the rest (`odata.nextLink`,
/// `@odata.nextLink`): a saved first page is not the whole table, and the import says so.
pub(crate) fn paging_note(top: &BTreeMap<String, &RawValue>, key: &str) -> Option<super::Unmapped> {
    let link = top.get(key).and_then(|r| as_str(r))?;
    Some(super::Unmapped {
        place: key.to_string(),
        why: format!(
            "het bestand is één pagina van de tabel; de rest staat achter {link}; haal de hele tabel op (of de volgende pagina's) en importeer die ook"
        ),
    })
}
