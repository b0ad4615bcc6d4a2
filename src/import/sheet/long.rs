//! Long tables: a column each for periode, indicator and waarde (and optionally bron, regio, wijk,
//! aanbieder, eenheid, status).

use super::grid::Cell;
use super::values::{figure_of, period_of};
use super::{Context, Extra, Read, Seen};
use crate::import::{ImportError, Unmapped};
use crate::model::Status;

/// The columns the mapping names, resolved in the header row.
struct LongColumns {
    indicator: usize,
    periode: usize,
    waarde: usize,
    bron: Option<usize>,
    regio: Option<usize>,
    wijk: Option<usize>,
    aanbieder: Option<usize>,
    eenheid: Option<usize>,
    status: Option<usize>,
}

fn columns(ctx: &Context<'_>) -> Result<LongColumns, ImportError> {
    let k = &ctx.kaart.kolommen;
    let opt = |key: &str, name: &Option<String>| -> Result<Option<usize>, ImportError> {
        name.as_deref().map(|n| ctx.column(key, n)).transpose()
    };
    let required = |key: &str, name: &Option<String>| -> Result<usize, ImportError> {
        ctx.column(key, name.as_deref().unwrap_or_default())
    };
    Ok(LongColumns {
        indicator: ctx.column("indicator", &k.indicator)?,
        periode: required("periode", &k.periode)?,
        waarde: required("waarde", &k.waarde)?,
        bron: opt("bron", &k.bron)?,
        regio: opt("regio", &k.regio)?,
        wijk: opt("wijk", &k.wijk)?,
        aanbieder: opt("aanbieder", &k.aanbieder)?,
        eenheid: opt("eenheid", &k.eenheid)?,
        status: opt("status", &k.status)?,
    })
}

pub(super) fn read(ctx: &Context<'_>) -> Result<Read, ImportError> {
    let grid = ctx.grid;
    let cols = columns(ctx)?;
    let mut rows = Vec::new();
    let mut unmapped: Vec<Unmapped> = Vec::new();
    let mut unknown_labels: Vec<String> = Vec::new();
    let mut seen = Seen::default();
    // A periode or indicator written once for a group of rows (a merged cell, or left blank
    // under the first) holds for the rows below it.
    let mut above = (Cell::Empty, String::new());
    for r in ctx.kaart.kopregel..grid.rows.len() {
        if grid.row_is_empty(r) {
            continue;
        }
        let period_cell = match grid.get(r, cols.periode) {
            c if c.is_empty() => above.0.clone(),
            c => c.clone(),
        };
        let label = match grid.get(r, cols.indicator).shown() {
            l if l.is_empty() => above.1.clone(),
            l => l,
        };
        above = (period_cell.clone(), label.clone());
        if ctx.kaart.skips(&label, r) {
            continue;
        }
        let Some(map) = ctx.kaart.indicator_for(&label) else {
            // One entry per label: a long table repeats it on every row.
            if !unknown_labels.contains(&label) {
                unmapped.push(Unmapped {
                    place: grid.place(r, cols.indicator),
                    why: if label.is_empty() {
                        "regels zonder indicator; niet gelezen".into()
                    } else {
                        format!(
                            "indicator '{label}' staat niet in de kaart (indicatoren); niet gelezen"
                        )
                    },
                });
                unknown_labels.push(label);
            }
            continue;
        };
        let period = period_of(&period_cell).ok_or_else(|| {
            grid.error(
                r,
                cols.periode,
                format!(
                    "verwacht een periode (2023-01, jan-23, januari 2023, 2023-K1 of een datum), kreeg '{}'",
                    period_cell.shown()
                ),
            )
        })?;
        let figure = figure_of(grid.get(r, cols.waarde), ctx.kaart.getalnotatie)
            .map_err(|problem| grid.error(r, cols.waarde, problem))?;
        let Some(figure) = figure else {
            continue;
        };
        let mut row = ctx.row(map, period, figure, extra(ctx, &cols, r)?);
        row.origin = Some(grid.place(r, cols.waarde));
        seen.check(&row, r)
            .map_err(|problem| grid.error(r, cols.waarde, problem))?;
        rows.push(row);
    }
    Ok(Read { rows, unmapped })
}

/// The optional columns of row `r`; an empty cell leaves the mapping's value.
fn extra(ctx: &Context<'_>, cols: &LongColumns, r: usize) -> Result<Extra, ImportError> {
    let text = |c: Option<usize>| {
        c.map(|c| ctx.grid.get(r, c).shown())
            .filter(|s| !s.is_empty())
    };
    let status = match (cols.status, text(cols.status)) {
        (Some(c), Some(s)) => Some(Status::parse(&s).ok_or_else(|| {
            ctx.grid
                .error(r, c, format!("verwacht {}, kreeg '{s}'", Status::FORMS))
        })?),
        _ => None,
    };
    Ok(Extra {
        bron: text(cols.bron),
        regio: text(cols.regio),
        wijk: text(cols.wijk),
        aanbieder: text(cols.aanbieder),
        eenheid: text(cols.eenheid),
        status,
    })
}
