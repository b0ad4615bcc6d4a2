//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) read with a mapping file (`kaart.toml`).
//!
//! Providers' monthly reports come as wide sheets (title rows, a header row with months as
//! columns, one row per indicator) or long tables (a column each for periode, indicator, waarde).
//! The sheet alone does not say which row label is which duiden indicator, so the mapping file
//! says it once and every later report imports the same way; [`propose`] drafts one.

mod grid;
mod kaart;
mod long;
mod propose;
mod values;
mod wide;

#[cfg(test)]
mod tests;

pub use kaart::{Columns, IndicatorMap, Kaart, Shape};
pub use propose::propose;
pub use values::NumberFormat;

use super::{Figure, Import, ImportError, IndicatorDraft, Layout, Options, Row, SourceDraft};
use crate::model::{Granularity, Period, Status};
use grid::{Cell, Grid};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Whether the file is a workbook calamine reads, from its name and first bytes.
pub fn sniff(path: &Path, head: &[u8]) -> bool {
    grid::kind_of(path, head).is_some()
}

/// Reads a workbook with its mapping file (`opts.kaart`, else `<naam>.kaart.toml` or
/// `kaart.toml` beside the workbook).
pub fn read(path: &Path, opts: &Options) -> Result<Import, ImportError> {
    let kaart_path = kaart_path(path, opts)?;
    let kaart = Kaart::read(&kaart_path)?;
    read_with(path, &kaart, &grid::file_name(&kaart_path), opts)
}

/// Reads a workbook with a parsed mapping; `kaart_name` names the mapping in messages.
pub fn read_with(
    path: &Path,
    kaart: &Kaart,
    kaart_name: &str,
    opts: &Options,
) -> Result<Import, ImportError> {
    let given = |from_opts: &Option<String>, from_kaart: &Option<String>, key: &str| {
        from_opts
            .clone()
            .or_else(|| from_kaart.clone())
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| ImportError {
                place: kaart_name.to_string(),
                layout: Some(Layout::Sheet),
                problem: format!(
                    "{key} ontbreekt: zet {key} = \"…\" in de kaart of geef het op bij het importeren"
                ),
            })
    };
    let domein = given(&opts.domein, &kaart.domein, "domein")?;
    let bron = given(&opts.bron, &kaart.bron, "bron")?;
    let grid = grid::read_sheet(path, kaart.blad.as_deref())?;
    let status = kaart
        .status
        .as_deref()
        .and_then(Status::parse)
        .unwrap_or(Status::Definitief);
    let ctx = Context {
        kaart,
        grid: &grid,
        domein,
        bron,
        status,
    };
    let read = match kaart.vorm {
        kaart::Shape::Breed => wide::read(&ctx)?,
        kaart::Shape::Lang => long::read(&ctx)?,
    };
    Ok(Import {
        file: path.to_path_buf(),
        layout: Layout::Sheet,
        sources: source_drafts(&ctx, &read.rows),
        indicators: indicator_drafts(&ctx, &read.rows),
        rows: read.rows,
        unmapped: read.unmapped,
        notes: Vec::new(),
    })
}

fn kaart_path(path: &Path, opts: &Options) -> Result<PathBuf, ImportError> {
    if let Some(k) = &opts.kaart {
        return Ok(k.clone());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let candidates = stem
        .map(|s| dir.join(format!("{s}.kaart.toml")))
        .into_iter()
        .chain([dir.join("kaart.toml")]);
    for c in candidates {
        if c.is_file() {
            return Ok(c);
        }
    }
    Err(ImportError {
        place: grid::file_name(path),
        layout: Some(Layout::Sheet),
        problem: "een spreadsheet heeft een kaart nodig (kaart.toml) die zegt welke regels en \
                  kolommen wat zijn; maak een voorstel met `duiden importeer --voorstel` en \
                  controleer het"
            .into(),
    })
}

/// What one mapping and sheet give the readers.
struct Context<'a> {
    kaart: &'a Kaart,
    grid: &'a Grid,
    domein: String,
    bron: String,
    status: Status,
}

/// The rows a reader made and what it could not map.
struct Read {
    rows: Vec<Row>,
    unmapped: Vec<super::Unmapped>,
}

/// The rows read so far by what makes a figure one figure, so a second one for the same
/// indicator, period and breakdown is refused instead of silently doubling or replacing it.
#[derive(Default)]
struct Seen(std::collections::HashMap<String, usize>);

impl Seen {
    /// Records `row` read from sheet row `at` (0-based); the message when it was there already.
    fn check(&mut self, row: &Row, at: usize) -> Result<(), String> {
        let key = format!(
            "{}|{}|{}|{:?}|{:?}|{:?}",
            row.indicator, row.period, row.bron, row.regio, row.wijk, row.aanbieder
        );
        match self.0.insert(key, at) {
            Some(first) if first != at => Err(format!(
                "{} {} staat ook al in regel {}; verwacht één cijfer per indicator, periode en \
                 uitsplitsing (sla een van beide over met overslaan of overslaan_regels)",
                row.indicator,
                row.period.code(),
                first + 1
            )),
            _ => Ok(()),
        }
    }
}

/// Optional fields of a row that come from a column or, failing that, from the mapping.
#[derive(Default)]
struct Extra {
    bron: Option<String>,
    regio: Option<String>,
    wijk: Option<String>,
    aanbieder: Option<String>,
    eenheid: Option<String>,
    status: Option<Status>,
}

impl Context<'_> {
    /// A row for a mapped label, a period and a figure.
    fn row(
        &self,
        map: &kaart::IndicatorMap,
        period: (Period, bool),
        figure: Figure,
        extra: Extra,
    ) -> Row {
        let k = self.kaart;
        let status = match (period.1, extra.status) {
            (_, Some(s)) => s,
            (true, None) => Status::Voorlopig,
            (false, None) => self.status,
        };
        let opmerking = match &figure {
            Figure::Missing(super::Missing::Other(why)) => Some(why.clone()),
            _ => None,
        };
        Row {
            period: period.0,
            domein: self.domein.clone(),
            indicator: map.id.clone(),
            bron: extra.bron.unwrap_or_else(|| self.bron.clone()),
            figure,
            eenheid: map
                .eenheid
                .clone()
                .or(extra.eenheid)
                .or_else(|| k.eenheid.clone())
                .unwrap_or_default(),
            regio: extra.regio.or_else(|| k.regio.clone()),
            wijk: extra.wijk.or_else(|| k.wijk.clone()),
            aanbieder: extra.aanbieder.or_else(|| k.aanbieder.clone()),
            status,
            opmerking,
            origin: None,
        }
    }

    /// A column named by letter (`C`) or by its text in the header row (`Periode`).
    fn column(&self, key: &str, name: &str) -> Result<usize, ImportError> {
        let header = self.kaart.kopregel - 1;
        let wanted = name.trim().to_lowercase();
        let by_text = (0..self.grid.width())
            .find(|&c| self.grid.get(header, c).shown().to_lowercase() == wanted);
        by_text.or_else(|| grid::column_index(name)).ok_or_else(|| {
            self.grid.error(
                header,
                0,
                format!(
                    "kolommen.{key} = \"{name}\": verwacht een kolomletter of een kop in regel {}, \
                         maar die kop staat er niet",
                    header + 1
                ),
            )
        })
    }

    /// The sheet's title (the first text above the header row), for the source's name.
    fn title(&self) -> Option<String> {
        let above = self
            .kaart
            .kopregel
            .saturating_sub(1)
            .min(self.grid.rows.len());
        (0..above).find_map(|r| {
            (0..self.grid.width())
                .map(|c| self.grid.get(r, c))
                .find(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty()))
                .map(Cell::shown)
        })
    }
}

/// One draft per bron used, with the rhythm the periods show.
fn source_drafts(ctx: &Context<'_>, rows: &[Row]) -> Vec<SourceDraft> {
    let mut grains: BTreeMap<&str, Vec<Granularity>> = BTreeMap::new();
    for r in rows {
        let g = grains.entry(r.bron.as_str()).or_default();
        if !g.contains(&r.period.granularity) {
            g.push(r.period.granularity);
        }
    }
    if rows.is_empty() {
        grains.insert(ctx.bron.as_str(), Vec::new());
    }
    let k = ctx.kaart;
    grains
        .into_iter()
        .map(|(id, mut g)| {
            g.sort();
            g.reverse();
            let ritme = g.iter().map(|g| g.dutch()).collect::<Vec<_>>().join(" en ");
            let naam = k
                .bron_naam
                .clone()
                .or_else(|| ctx.title())
                .unwrap_or_default();
            let mut to_fill = vec!["definitie"];
            for (key, missing) in [
                ("naam", naam.is_empty()),
                ("leverancier", k.leverancier.is_none()),
                ("vintage", k.vintage.is_none()),
            ] {
                if missing {
                    to_fill.push(key);
                }
            }
            SourceDraft {
                id: id.to_string(),
                naam,
                leverancier: k.leverancier.clone().unwrap_or_default(),
                ritme,
                vindplaats: format!("{}, blad {}", ctx.grid.file, ctx.grid.sheet),
                vintage: k.vintage.clone().unwrap_or_default(),
                to_fill,
                ..SourceDraft::default()
            }
        })
        .collect()
}

/// One draft per indicator that got rows, in the mapping's order.
fn indicator_drafts(ctx: &Context<'_>, rows: &[Row]) -> Vec<IndicatorDraft> {
    let mut seen: Vec<&str> = Vec::new();
    let mut drafts = Vec::new();
    for m in &ctx.kaart.indicatoren {
        if seen.contains(&m.id.as_str()) || !rows.iter().any(|r| r.indicator == m.id) {
            continue;
        }
        seen.push(&m.id);
        let eenheid = m
            .eenheid
            .clone()
            .or_else(|| ctx.kaart.eenheid.clone())
            .or_else(|| {
                rows.iter()
                    .find(|r| r.indicator == m.id && !r.eenheid.is_empty())
                    .map(|r| r.eenheid.clone())
            })
            .unwrap_or_default();
        let mut to_fill = vec!["definitie"];
        if m.soort.is_none() {
            to_fill.push("soort");
        }
        if eenheid.is_empty() {
            to_fill.push("eenheid");
        }
        drafts.push(IndicatorDraft {
            domein: ctx.domein.clone(),
            id: m.id.clone(),
            naam: m.naam.clone().unwrap_or_else(|| m.label.trim().to_string()),
            soort: m.soort,
            eenheid,
            definitie: String::new(),
            to_fill,
        });
    }
    drafts
}
