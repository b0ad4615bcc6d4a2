//! CBS open data, OData v4 long `Observations`:
//! `{"@odata.context": ".../CBS/84134NED/$metadata#Observations", "value": [{"Id": 0, "Measure":
//! "M001234", "ValueAttribute": "None", "Value": 9065.0, "StringValue": null, "RegioS": "NL01",
//! "Perioden": "2022JJ00"}]}`, with `MeasureCodes` (titles, units, descriptions), the code lists
//! (`PeriodenCodes` with `Status`, `RegioSCodes`, `<Dimensie>Codes`), optionally `Dimensions`
//! (`Kind`) and `Properties` (title, `Modified`), found as the module documentation of [`super`]
//! says.
//!
//! `ValueAttribute` "None" means the value is there; "Confidential", "Impossible" and "Unknown"
//! are missing figures with that reason; another word is kept as the reason.
//!
//! Indicator ids: the measure's title as a slug ("Jeugdbeschermingsmaatregelen, instroom" →
//! `jeugdbeschermingsmaatregelen_instroom`), since the measure code (`M001234`) says nothing; the
//! code's slug when there is no title; the code of a breakdown without a total is appended (of
//! one with a total only the total is read); a collision gets the code appended.

use super::build::{DimKind, Measure, Obs, Table, build};
use super::{
    MetaItem, RawRow, as_str, code_cell, code_titles, error, list_total, looks_geo, metadata,
    offset_of, parse_list, parse_raw, period_statuses, place_at, read_text, shown, sibling, slug,
    top_object,
};
use crate::import::{Figure, Import, ImportError, Layout, Missing, Options, Unmapped};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const LAYOUT: Layout = Layout::CbsObservationsJson;
const SERVICE: &str = "Observations";
/// The fields of an observation that are not dimensions.
const FIXED: [&str; 5] = ["Id", "Measure", "ValueAttribute", "Value", "StringValue"];

/// A v4 Observations JSON: rows with `Measure` and `ValueAttribute`, a combined file with an
/// `Observations` key, or `Observations.json` as a download saves it.
pub fn sniff(path: &Path, head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return false;
    }
    let named = path
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case(SERVICE) || s.ends_with("_Observations"));
    named
        || (head.contains("\"Measure\"") && head.contains("\"ValueAttribute\""))
        || head.contains("\"Observations\"")
        || head.contains("\"MeasureCodes\"")
        || (head.contains("\"@odata.context\"") && head.contains("#Observations"))
}

/// Reads a v4 Observations JSON into an [`Import`]. `opts.domein` is required.
pub fn read(path: &Path, opts: &Options) -> Result<Import, ImportError> {
    let text = read_text(path, LAYOUT)?;
    let (top, bare) = top_object(path, &text, LAYOUT)?;
    let Some(data) = bare.or_else(|| top.get("value").or(top.get(SERVICE)).copied()) else {
        return Err(error(
            path.display().to_string(),
            LAYOUT,
            "geen observaties gevonden; verwacht \"value\": [...] (of \"Observations\": [...])",
        ));
    };
    let rows: Vec<RawRow> = parse_list(path, &text, data, LAYOUT, SERVICE)?;
    let url = top
        .get("@odata.context")
        .and_then(|r| as_str(r))
        .unwrap_or_default();
    let mut table = Table::new(path, LAYOUT, &url);
    table
        .unmapped
        .extend(super::paging_note(&top, "@odata.nextLink"));
    if let Some(p) = properties(path, &text, &top)? {
        table.title = p.title;
        table.description = p.description;
        table.vintage = p.modified;
    }
    if let Some((_, codes)) = metadata(path, &text, &top, LAYOUT, "MeasureCodes", SERVICE)? {
        table.measures = codes.iter().filter_map(measure).collect();
    } else {
        table.unmapped.push(Unmapped {
            place: "MeasureCodes".into(),
            why: "geen MeasureCodes gevonden: titels en eenheden van de metingen onbekend".into(),
        });
    }
    let kinds = metadata(path, &text, &top, LAYOUT, "Dimensions", SERVICE)?;
    dimensions(&mut table, kinds.map(|(_, k)| k), rows.first());
    let dims: Vec<(String, DimKind)> = table.dims.iter().map(|(d, k)| (d.clone(), *k)).collect();
    for (dim, kind) in dims {
        let name = format!("{dim}Codes");
        let Some((file, list)) = metadata(path, &text, &top, LAYOUT, &name, SERVICE)? else {
            continue;
        };
        match kind {
            DimKind::Time => {
                table.period_status = Some(period_statuses(&file, &name, &list, LAYOUT)?)
            }
            _ => {
                table.code_titles.extend(code_titles(&dim, &list));
                if let Some(total) = list_total(&list) {
                    table.listed_totals.insert(dim, total);
                }
            }
        }
    }
    for row in &rows {
        observation(&mut table, path, &text, data, row)?;
    }
    build(table, &text, opts)
}

fn measure(m: &MetaItem) -> Option<Measure> {
    let key = m.key.as_deref()?.trim().to_string();
    let title = m.title.clone().unwrap_or_default().trim().to_string();
    // The same ids as the CSV readers give (beginstand → stand_begin for the stock checks).
    let id = if slug(&title).is_empty() {
        crate::import::text::id_of(&key)
    } else {
        crate::import::text::id_of(&title)
    };
    Some(Measure {
        title: if title.is_empty() { key.clone() } else { title },
        id,
        key,
        unit: m.unit.clone().unwrap_or_default().trim().to_string(),
        description: m.description.clone().unwrap_or_default(),
    })
}

/// The table's `Properties` (one object): in the combined file or a sibling file.
fn properties(
    path: &Path,
    text: &str,
    top: &BTreeMap<String, &RawValue>,
) -> Result<Option<MetaItem>, ImportError> {
    let parse = |file: &Path, whole: &str, raw: &str| {
        serde_json::from_str::<MetaItem>(raw).map_err(|e| {
            error(
                super::place_of_serde(file, whole, raw, &e),
                LAYOUT,
                format!("Properties: {e}; verwacht een object met Title, Description, Modified"),
            )
        })
    };
    if let Some(raw) = top.get("Properties") {
        return parse(path, text, raw.get()).map(Some);
    }
    let Some(file) = sibling(path, "Properties", SERVICE) else {
        return Ok(None);
    };
    let own = read_text(&file, LAYOUT)?;
    let raw = parse_raw(&file, &own, &own, LAYOUT, "een object Properties")?;
    parse(&file, &own, raw.get()).map(Some)
}

/// The dimensions: the observation's fields besides the fixed ones, their kind from
/// `Dimensions` (`Kind`) when present, else `Perioden` is time and `Regio…` columns regions.
fn dimensions(table: &mut Table, kinds: Option<Vec<MetaItem>>, first: Option<&RawRow>) {
    let Some(first) = first else { return };
    let said: HashMap<String, String> = kinds
        .unwrap_or_default()
        .into_iter()
        .filter_map(|k| Some((k.key?, k.kind.unwrap_or_default())))
        .collect();
    for key in first.keys().filter(|k| !FIXED.contains(&k.as_str())) {
        let kind = match said.get(key).map(String::as_str) {
            Some("TimeDimension") => DimKind::Time,
            Some("GeoDimension") | Some("GeoDetail") => DimKind::Geo,
            Some(_) => DimKind::Other,
            None if key == "Perioden" => DimKind::Time,
            None if looks_geo(key) => DimKind::Geo,
            None => DimKind::Other,
        };
        table.dims.insert(key.clone(), kind);
    }
}

fn observation(
    table: &mut Table,
    path: &Path,
    text: &str,
    data: &RawValue,
    row: &RawRow,
) -> Result<(), ImportError> {
    let at = row.values().map(|r| offset_of(text, r)).min();
    let row_at = at.unwrap_or_else(|| offset_of(text, data));
    let row_place = || place_at(path, text, row_at);
    let Some(measure) = row.get("Measure") else {
        return Err(error(
            row_place(),
            LAYOUT,
            "observatie zonder Measure; verwacht een meetcode als \"M001234\"",
        ));
    };
    let measure = code_cell(path, text, measure, LAYOUT, "Measure")?;
    let (period, dims) =
        super::row_codes(path, text, table, row, ("observatie", "veld"), row_place)?;
    let at = row.get("Value").map_or(row_at, |r| offset_of(text, r));
    let Some(figure) = figure(path, text, row)? else {
        table.unmapped_at.push((
            at,
            format!(
                "meting {measure} ({period}) is tekst (StringValue), geen getal; niet ingelezen"
            ),
        ));
        return Ok(());
    };
    table.obs.push(Obs {
        measure,
        period,
        dims,
        figure,
        at,
    });
    Ok(())
}

/// The figure of an observation; `None` for a text figure (`StringValue`).
fn figure(path: &Path, text: &str, row: &RawRow) -> Result<Option<Figure>, ImportError> {
    let attribute = match row.get("ValueAttribute") {
        None => "None".to_string(),
        Some(raw) if raw.get() == "null" => "None".to_string(),
        Some(raw) => code_cell(path, text, raw, LAYOUT, "ValueAttribute")?,
    };
    let value = match row.get("Value") {
        None => None,
        Some(raw) => match serde_json::from_str::<Option<f64>>(raw.get()) {
            Ok(v) => v.filter(|v| v.is_finite()),
            Err(_) => {
                return Err(error(
                    place_at(path, text, offset_of(text, raw)),
                    LAYOUT,
                    format!("Value is {}; verwacht een getal of null", shown(raw)),
                ));
            }
        },
    };
    let missing = match attribute.as_str() {
        "None" | "" => match value {
            Some(v) => return Ok(Some(Figure::Value(v))),
            None if row
                .get("StringValue")
                .and_then(|r| as_str(r))
                .is_some_and(|s| !s.trim().is_empty()) =>
            {
                return Ok(None);
            }
            None => Missing::Unknown,
        },
        "Confidential" => Missing::Confidential,
        "Impossible" => Missing::Impossible,
        "Unknown" => Missing::Unknown,
        other => Missing::Other(other.to_string()),
    };
    Ok(Some(Figure::Missing(missing)))
}
