//! CBS open data, OData v3 `TypedDataSet` as CSV (what `cbsodata` writes):
//! `"ID";"RegioS";"Perioden";"Instroom_1"`, padded codes, periods as `2022JJ00`, `.` for missing.
//!
//! The metadata tables are read from files beside it, named after the data file's stem without
//! `_TypedDataSet` (`84134NED_TypedDataSet.csv` → `84134NED_DataProperties.csv`):
//! `<stem>_DataProperties.csv` (measure titles, units; which columns are dimensions),
//! `<stem>_Perioden.csv` (the status of each period: definitief, voorlopig, nader voorlopig) and
//! `<stem>_TableInfos.csv` (identifier, title and `Modified`, the vintage). Each is optional;
//! what is missing becomes a field to fill in or an unmapped note.

use super::text::{self, error_at, error_file, id_of};
use super::{Figure, Import, ImportError, Layout, Options, Row, SourceDraft, Unmapped};
use crate::model::{Period, Status};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

const LAYOUT: Layout = Layout::CbsTypedCsv;

/// A `TypedDataSet` CSV starts with a quoted `ID` column and is `;`-separated.
pub fn sniff(_path: &Path, head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(b"\"ID\";") || head.starts_with(b"ID;")
}

/// A metadata table beside the data file: its rows by column name, with their line numbers.
type Table = Vec<(usize, HashMap<String, String>)>;

/// The sibling metadata file `<stem>_<name>.csv`.
pub fn sibling(path: &Path, name: &str) -> PathBuf {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let stem = stem.strip_suffix("_TypedDataSet").unwrap_or(stem);
    path.with_file_name(format!("{stem}_{name}.csv"))
}

fn read_table(path: &Path) -> Result<Option<Table>, ImportError> {
    if !path.is_file() {
        return Ok(None);
    }
    let text = text::read_text(path, LAYOUT)?;
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Ok(Some(Vec::new()));
    };
    let unclosed = |n: usize| {
        error_at(
            path,
            n,
            1,
            LAYOUT,
            "aanhalingsteken wordt niet gesloten; verwacht \"…\" per veld".into(),
        )
    };
    let names = text::cells(header).ok_or_else(|| unclosed(1))?;
    let mut rows = Vec::new();
    for (i, line) in lines {
        let cells = text::cells(line).ok_or_else(|| unclosed(i + 1))?;
        let row = names.iter().cloned().zip(cells).collect();
        rows.push((i + 1, row));
    }
    Ok(Some(rows))
}

/// What a column of the data file is.
#[derive(Debug, Clone)]
enum Column {
    Id,
    Time,
    Geo,
    /// Another dimension: only its total is kept, named by its code list beside the file
    /// (`<stem>_<Key>.csv`, the code titled "Totaal …") or else a common CBS total code.
    Other {
        key: String,
        total: Option<String>,
    },
    Measure {
        key: String,
        title: String,
        unit: String,
        /// `Description` in DataProperties: the indicator's definitie.
        description: String,
    },
}

fn columns(header: &[String], props: Option<&Table>) -> (Vec<Column>, Vec<Unmapped>) {
    let mut unmapped = Vec::new();
    let by_key: HashMap<&str, &HashMap<String, String>> = props
        .map(|t| {
            t.iter()
                .filter_map(|(_, r)| Some((r.get("Key")?.as_str(), r)))
                .collect()
        })
        .unwrap_or_default();
    let cols = header
        .iter()
        .map(|name| {
            let key = name.trim().to_string();
            let get = |r: &HashMap<String, String>, f: &str| r.get(f).map(|s| s.trim().to_string());
            if key == "ID" {
                return Column::Id;
            }
            if let Some(r) = by_key.get(key.as_str()) {
                return match get(r, "Type").unwrap_or_default().as_str() {
                    "TimeDimension" => Column::Time,
                    "GeoDimension" => Column::Geo,
                    "Dimension" | "GeoDetail" => Column::Other { key, total: None },
                    _ => Column::Measure {
                        title: get(r, "Title")
                            .filter(|t| !t.is_empty())
                            .unwrap_or(key.clone()),
                        unit: get(r, "Unit").unwrap_or_default(),
                        description: get(r, "Description").unwrap_or_default(),
                        key,
                    },
                };
            }
            if props.is_some() {
                unmapped.push(Unmapped {
                    place: format!("kolom {key}"),
                    why: "staat niet in DataProperties; als meetwaarde zonder titel gelezen".into(),
                });
            }
            match key.as_str() {
                "Perioden" => Column::Time,
                "RegioS" => Column::Geo,
                _ if is_measure_key(&key) => Column::Measure {
                    title: key.clone(),
                    unit: String::new(),
                    description: String::new(),
                    key,
                },
                _ => Column::Other { key, total: None },
            }
        })
        .collect();
    (cols, unmapped)
}

/// The total's code in a dimension's code list (the rule all CBS readers share).
fn total_of(list: &Option<Table>) -> Option<String> {
    let entries = list
        .as_ref()?
        .iter()
        .filter_map(|(_, r)| Some((r.get("Key")?.as_str(), r.get("Title")?.as_str())));
    text::total_in_list(entries)
}

/// `Instroom_1`: a key with a numeric suffix.
fn is_measure_key(key: &str) -> bool {
    key.rsplit_once('_').is_some_and(|(a, n)| {
        !a.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The key without its numeric suffix, as an id.
fn measure_id(key: &str) -> String {
    let base = match key.rsplit_once('_') {
        Some((a, n)) if n.bytes().all(|b| b.is_ascii_digit()) && !a.is_empty() => a,
        _ => key,
    };
    id_of(base)
}

/// The status of each period code, from the `Perioden` code list.
fn period_status(table: &Table) -> HashMap<String, Status> {
    table
        .iter()
        .filter_map(|(_, r)| {
            let status = match r.get("Status")?.trim().to_lowercase().as_str() {
                "voorlopig" => Status::Voorlopig,
                "nader voorlopig" => Status::NaderVoorlopig,
                _ => Status::Definitief,
            };
            Some((r.get("Key")?.trim().to_string(), status))
        })
        .collect()
}

/// Reads a `TypedDataSet` CSV and its metadata files beside it.
pub fn read(path: &Path, opts: &Options) -> Result<Import, ImportError> {
    let text = text::read_text(path, LAYOUT)?;
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let header = lines
        .next()
        .and_then(|(_, l)| text::cells(l))
        .ok_or_else(|| {
            error_file(
                path,
                Some(LAYOUT),
                "geen kopregel; verwacht \"ID\";\"Perioden\";…".into(),
            )
        })?;
    let props = read_table(&sibling(path, "DataProperties"))?;
    let periods = read_table(&sibling(path, "Perioden"))?;
    let infos = read_table(&sibling(path, "TableInfos"))?;
    let (mut cols, mut unmapped) = columns(&header, props.as_ref());
    for col in &mut cols {
        if let Column::Other { key, total } = col {
            *total = total_of(&read_table(&sibling(path, key))?);
        }
    }
    if !cols.iter().any(|c| matches!(c, Column::Time)) {
        return Err(error_at(
            path,
            1,
            1,
            LAYOUT,
            "geen kolom Perioden; verwacht een tijdsdimensie (Perioden) in de kopregel".into(),
        ));
    }
    if props.is_none() {
        unmapped.push(Unmapped {
            place: sibling(path, "DataProperties").display().to_string(),
            why: "niet gevonden: titels en eenheden van de meetwaarden onbekend (in te vullen)"
                .into(),
        });
    }
    let status = periods.as_ref().map(period_status);
    if status.is_none() {
        unmapped.push(Unmapped {
            place: sibling(path, "Perioden").display().to_string(),
            why: "niet gevonden: of een periode voorlopig is, is onbekend; alle als definitief gelezen".into(),
        });
    }
    let ctx = Ctx {
        path,
        opts,
        cols: &cols,
        status: status.as_ref(),
    };
    let mut rows = Vec::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for (i, line) in lines {
        ctx.row(i + 1, line, &mut rows, &mut skipped)?;
    }
    for (col, n) in skipped {
        unmapped.push(Unmapped {
            place: format!("kolom {col}"),
            why: format!("{n} regels met een uitsplitsing die duiden niet kent overgeslagen; alleen het totaal is gelezen"),
        });
    }
    let info = infos
        .as_ref()
        .and_then(|t| t.first())
        .map(|(_, r)| r.clone())
        .unwrap_or_default();
    Ok(ctx.finish(rows, unmapped, &info))
}

struct Ctx<'a> {
    path: &'a Path,
    opts: &'a Options,
    cols: &'a [Column],
    status: Option<&'a HashMap<String, Status>>,
}

impl Ctx<'_> {
    fn domein(&self) -> String {
        self.opts
            .domein
            .clone()
            .unwrap_or_else(|| super::DEFAULT_DOMAIN.to_string())
    }

    /// One data line into rows (one per measure); lines of a non-total breakdown are counted.
    fn row(
        &self,
        line_no: usize,
        line: &str,
        rows: &mut Vec<Row>,
        skipped: &mut BTreeMap<String, usize>,
    ) -> Result<(), ImportError> {
        let err = |col: usize, p: String| error_at(self.path, line_no, col, LAYOUT, p);
        let cells = text::cells(line).ok_or_else(|| text::unclosed(self.path, line_no, LAYOUT))?;
        text::check_width(self.path, line_no, LAYOUT, cells.len(), self.cols.len())?;
        let (mut period, mut regio) = (None, None);
        for (c, (col, cell)) in self.cols.iter().zip(&cells).enumerate() {
            match col {
                Column::Time => {
                    let code = cell.trim();
                    let p = Period::parse(code).map_err(|_| err(c + 1, format!(
                        "periode '{code}' onbekend; verwacht een CBS-periodecode zoals 2022JJ00, 2022HJ01, 2022KW03 of 2022MM07"
                    )))?;
                    let status = self
                        .status
                        .and_then(|s| s.get(code))
                        .copied()
                        .unwrap_or(Status::Definitief);
                    period = Some((p.0, status));
                }
                Column::Geo => regio = Some(cell.trim().to_string()),
                Column::Other { key, total } if !text::is_total(cell, total.as_deref()) => {
                    *skipped.entry(key.clone()).or_default() += 1;
                    return Ok(());
                }
                _ => {}
            }
        }
        let Some((period, status)) = period else {
            return Ok(());
        };
        for (c, (col, cell)) in self.cols.iter().zip(&cells).enumerate() {
            let Column::Measure { key, unit, .. } = col else {
                continue;
            };
            let (figure, opmerking) = text::figure(cell, false)
                .ok_or_else(|| err(c + 1, text::not_a_number(cell, key)))?;
            rows.push(Row {
                period,
                domein: self.domein(),
                indicator: measure_id(key),
                bron: String::new(),
                figure,
                eenheid: unit_or_default(unit),
                regio: regio.clone().filter(|r| !r.is_empty()),
                wijk: None,
                aanbieder: None,
                status,
                opmerking,
                origin: Some(format!("{}:{line_no}", self.path.display())),
            });
        }
        Ok(())
    }

    fn finish(
        &self,
        mut rows: Vec<Row>,
        unmapped: Vec<Unmapped>,
        info: &HashMap<String, String>,
    ) -> Import {
        let stem = self
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("cbs");
        let stem = stem.strip_suffix("_TypedDataSet").unwrap_or(stem);
        let field = |f: &str| {
            info.get(f)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let table = field("Identifier").unwrap_or_else(|| stem.to_string());
        let bron = self
            .opts
            .bron
            .clone()
            .unwrap_or_else(|| super::cbs_source_id(&table));
        rows.iter_mut().for_each(|r| r.bron = bron.clone());
        let values: Vec<f64> = rows
            .iter()
            .filter_map(|r| match r.figure {
                Figure::Value(v) => Some(v),
                Figure::Missing(_) => None,
            })
            .collect();
        let vintage = field("Modified").unwrap_or_default();
        let mut to_fill = vec!["definitie", "vertraging"];
        if vintage.is_empty() {
            to_fill.push("vintage");
        }
        let source = SourceDraft {
            id: bron,
            naam: format!(
                "CBS: {} ({table})",
                field("Title").unwrap_or_else(|| table.clone())
            ),
            leverancier: "CBS".into(),
            ritme: super::rhythm_of(&rows),
            vindplaats: format!("CBS open data, tabel {table} (opendata.cbs.nl)"),
            definitie: String::new(),
            afronding: text::rounding_of(&values),
            vintage,
            credit: "Bron: CBS (CC BY 4.0)".into(),
            to_fill,
            herkomst: String::new(),
        };
        let indicators = self.cols.iter().filter_map(|c| match c {
            Column::Measure {
                key,
                title,
                unit,
                description,
            } => Some(measure_draft(&self.domein(), key, title, unit, description)),
            _ => None,
        });
        Import {
            file: self.path.to_path_buf(),
            layout: LAYOUT,
            rows,
            sources: vec![source],
            indicators: indicators.collect(),
            unmapped,
            notes: Vec::new(),
        }
    }
}

/// A measure's indicator, with the definition the table gives (as the JSON reader takes it).
fn measure_draft(
    domein: &str,
    key: &str,
    title: &str,
    unit: &str,
    description: &str,
) -> super::IndicatorDraft {
    let mut draft = super::indicator_draft(domein, &measure_id(key), title, unit);
    if !description.is_empty() {
        draft.definitie = description.to_string();
        draft.to_fill.retain(|f| *f != "definitie");
    }
    draft
}

fn unit_or_default(unit: &str) -> String {
    if unit.trim().is_empty() {
        "aantal".into()
    } else {
        unit.trim().to_string()
    }
}
