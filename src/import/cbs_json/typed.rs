//! CBS open data, OData v3 `TypedDataSet` as JSON:
//! `{"odata.metadata": ".../84134NED/$metadata#Cbs.OData.WebAPI.TypedDataSet", "value": [{"ID": 0,
//! "RegioS": "NL01  ", "Perioden": "2022JJ00", "Instroom_1": 9065, ...}]}`, with `DataProperties`
//! (which columns are dimensions and which are measures, their titles and units) and the
//! `Perioden` code list (status) found as the module documentation of [`super`] says.
//!
//! Indicator ids: the measure column's key without CBS's numeric suffix, as a slug
//! (`Instroom_1` → `instroom`, `JongerenMetJeugdhulp_2` → `jongerenmetjeugdhulp`); a breakdown
//! code is appended (`_3000`) when its dimension has no total (of one with a total, the code
//! list's "Totaal …" or a common CBS total code, only the total is read, as in the CSV form); a
//! collision gets the full key appended.

use super::build::{DimKind, Measure, Obs, Table, build};
use super::{
    MetaItem, RawRow, as_str, code_titles, error, list_total, looks_geo, metadata, offset_of,
    parse_list, period_statuses, place_at, read_text, shown, top_object,
};
use crate::import::{Figure, Import, ImportError, Layout, Missing, Options, Unmapped};
use serde_json::value::RawValue;
use std::path::Path;

const LAYOUT: Layout = Layout::CbsTypedJson;

/// A v3 TypedDataSet JSON: the service's answer (`odata.metadata` naming a TypedDataSet), a
/// combined file with a `TypedDataSet` key, or `TypedDataSet.json` as `cbsodata` saves it.
pub fn sniff(path: &Path, head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return false;
    }
    let named = path
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("TypedDataSet") || s.ends_with("_TypedDataSet"));
    named
        || (head.contains("\"odata.metadata\"") && head.contains("TypedDataSet"))
        || head.contains("\"TypedDataSet\"")
        || head.contains("\"DataProperties\"")
        || (t.starts_with('[') && head.contains("\"ID\"") && head.contains("\"Perioden\""))
}

/// Reads a v3 TypedDataSet JSON into an [`Import`]. `opts.domein` is required.
pub fn read(path: &Path, opts: &Options) -> Result<Import, ImportError> {
    let text = read_text(path, LAYOUT)?;
    let (top, bare) = top_object(path, &text, LAYOUT)?;
    let Some(data) = bare.or_else(|| top.get("value").or(top.get("TypedDataSet")).copied()) else {
        return Err(error(
            path.display().to_string(),
            LAYOUT,
            "geen rijen gevonden; verwacht \"value\": [...] (of \"TypedDataSet\": [...]) met de rijen van de tabel",
        ));
    };
    let rows: Vec<RawRow> = parse_list(path, &text, data, LAYOUT, "TypedDataSet")?;
    let url = top
        .get("odata.metadata")
        .and_then(|r| as_str(r))
        .unwrap_or_default();
    let mut table = Table::new(path, LAYOUT, &url);
    table
        .unmapped
        .extend(super::paging_note(&top, "odata.nextLink"));
    if let Some((_, infos)) = metadata(path, &text, &top, LAYOUT, "TableInfos", "TypedDataSet")?
        && let Some(info) = infos.first()
    {
        table.title = info.title.clone();
        table.description = info.short_description.clone().or(info.description.clone());
        table.vintage = info.modified.clone();
    }
    match metadata(path, &text, &top, LAYOUT, "DataProperties", "TypedDataSet")? {
        Some((_, props)) => columns_from_properties(&mut table, &props),
        None => columns_from_first_row(&mut table, rows.first()),
    }
    if let Some((file, list)) = metadata(path, &text, &top, LAYOUT, "Perioden", "TypedDataSet")? {
        table.period_status = Some(period_statuses(&file, "Perioden", &list, LAYOUT)?);
    }
    let others: Vec<String> = table
        .dims
        .iter()
        .filter(|(_, k)| **k == DimKind::Other)
        .map(|(d, _)| d.clone())
        .collect();
    for dim in others {
        if let Some((_, list)) = metadata(path, &text, &top, LAYOUT, &dim, "TypedDataSet")? {
            table.code_titles.extend(code_titles(&dim, &list));
            if let Some(total) = list_total(&list) {
                table.listed_totals.insert(dim, total);
            }
        }
    }
    note_unknown_columns(&mut table, rows.first());
    for row in &rows {
        observations(&mut table, path, &text, data, row)?;
    }
    build(table, &text, opts)
}

/// Dimensions and measures as `DataProperties` says (`Type`: Dimension, TimeDimension,
/// GeoDimension, GeoDetail, Topic; TopicGroup and others are headings, not columns).
fn columns_from_properties(table: &mut Table, props: &[MetaItem]) {
    for p in props {
        let Some(key) = p.key.as_deref().filter(|k| !k.is_empty()) else {
            continue;
        };
        let kind = match p.kind.as_deref().unwrap_or("") {
            "TimeDimension" => DimKind::Time,
            "GeoDimension" | "GeoDetail" => DimKind::Geo,
            "Dimension" => DimKind::Other,
            "Topic" => {
                table.measures.push(measure(key, p));
                continue;
            }
            _ => continue,
        };
        table.dims.insert(key.to_string(), kind);
    }
}

fn measure(key: &str, p: &MetaItem) -> Measure {
    let base = match key.rsplit_once('_') {
        Some((b, n)) if !b.is_empty() && !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => {
            b
        }
        _ => key,
    };
    Measure {
        key: key.to_string(),
        // The same ids as the CSV readers give (beginstand → stand_begin for the stock checks).
        id: crate::import::text::id_of(base),
        title: p
            .title
            .clone()
            .unwrap_or_else(|| key.to_string())
            .trim()
            .to_string(),
        unit: p.unit.clone().unwrap_or_default().trim().to_string(),
        description: p.description.clone().unwrap_or_default(),
    }
}

/// Without `DataProperties`: `Perioden` is time, `Regio…`-like columns are regions, other text
/// columns are breakdowns, the rest are measures (without unit or title).
fn columns_from_first_row(table: &mut Table, first: Option<&RawRow>) {
    let Some(first) = first else { return };
    for (key, raw) in first {
        if key == "ID" {
            continue;
        }
        let kind = if key == "Perioden" {
            DimKind::Time
        } else if looks_geo(key) {
            DimKind::Geo
        } else if as_str(raw).is_some() {
            DimKind::Other
        } else {
            table.measures.push(measure(key, &MetaItem::default()));
            continue;
        };
        table.dims.insert(key.clone(), kind);
    }
    table.unmapped.push(Unmapped {
        place: "DataProperties".into(),
        why: "geen DataProperties gevonden: titels en eenheden van de metingen onbekend; kolommen geraden uit de eerste rij".into(),
    });
}

/// Columns in the data that DataProperties does not describe.
fn note_unknown_columns(table: &mut Table, first: Option<&RawRow>) {
    let Some(first) = first else { return };
    for key in first.keys() {
        let known = key == "ID"
            || table.dims.contains_key(key)
            || table.measures.iter().any(|m| &m.key == key);
        if !known {
            table.unmapped.push(Unmapped {
                place: key.clone(),
                why: format!("kolom {key} staat niet in DataProperties; niet ingelezen"),
            });
        }
    }
}

/// The figures of one row, one per measure column.
fn observations(
    table: &mut Table,
    path: &Path,
    text: &str,
    data: &RawValue,
    row: &RawRow,
) -> Result<(), ImportError> {
    let row_at = || {
        let at = row.values().map(|r| offset_of(text, r)).min();
        at.unwrap_or_else(|| offset_of(text, data))
    };
    let row_place = || place_at(path, text, row_at());
    let (period, dims) = super::row_codes(path, text, table, row, ("rij", "kolom"), row_place)?;
    for m in &table.measures {
        let (figure, at) = match row.get(&m.key) {
            Some(raw) => (figure(path, text, raw)?, offset_of(text, raw)),
            None => (Figure::Missing(Missing::Unknown), row_at()),
        };
        table.obs.push(Obs {
            measure: m.key.clone(),
            period: period.clone(),
            dims: dims.clone(),
            figure,
            at,
        });
    }
    Ok(())
}

/// A figure cell: a number, or `null` (missing; v3 does not say why). Text is read the way the
/// CSV form writes it (`"  9065"`, `.`, `x` secret, `-` impossible).
fn figure(path: &Path, text: &str, raw: &RawValue) -> Result<Figure, ImportError> {
    let bad = || {
        error(
            place_at(path, text, offset_of(text, raw)),
            LAYOUT,
            format!(
                "waarde {} is geen getal; verwacht een getal of null",
                shown(raw)
            ),
        )
    };
    match serde_json::from_str::<serde_json::Value>(raw.get()).map_err(|_| bad())? {
        serde_json::Value::Null => Ok(Figure::Missing(Missing::Unknown)),
        serde_json::Value::Number(n) => n
            .as_f64()
            .filter(|v| v.is_finite())
            .map(Figure::Value)
            .ok_or_else(bad),
        serde_json::Value::String(s) => match s.trim() {
            "" | "." => Ok(Figure::Missing(Missing::Unknown)),
            "x" | "X" => Ok(Figure::Missing(Missing::Confidential)),
            "-" => Ok(Figure::Missing(Missing::Impossible)),
            t => t
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Figure::Value)
                .ok_or_else(bad),
        },
        _ => Err(bad()),
    }
}
