//! Wide sheets: a header row of periods, one row per indicator (instroom, uitstroom, in zorg…).

use super::grid::Cell;
use super::values::{figure_of, period_of};
use super::{Context, Extra, Read, Seen};
use crate::import::{ImportError, Unmapped};
use crate::model::Period;

/// The period columns of the header row: (column, period, voorlopig).
fn period_columns(ctx: &Context<'_>, label_col: usize) -> Result<PeriodColumns, ImportError> {
    let grid = ctx.grid;
    let header = ctx.kaart.kopregel - 1;
    let years = ctx.kaart.jaarregel.map(|j| merged_row(ctx, j - 1));
    let mut columns: Vec<(usize, (Period, bool))> = Vec::new();
    let mut ignored = Vec::new();
    for c in 0..grid.width() {
        let cell = grid.get(header, c);
        if c == label_col || cell.is_empty() {
            continue;
        }
        let with_year = years.as_ref().and_then(|y| {
            let year = y.get(c).filter(|y| !y.is_empty())?;
            let text = format!("{} {}", cell.shown(), year.shown());
            period_of(&Cell::Text(text))
        });
        match with_year.or_else(|| period_of(cell)) {
            Some(p) => {
                if let Some((first, _)) = columns.iter().find(|(_, q)| q.0 == p.0) {
                    return Err(grid.error(
                        header,
                        c,
                        format!(
                            "periode {} staat ook al in kolom {}; verwacht elke periode één keer in de kopregel",
                            p.0.code(),
                            super::grid::column_name(*first)
                        ),
                    ));
                }
                columns.push((c, p));
            }
            None => ignored.push(Unmapped {
                place: grid.place(header, c),
                why: format!("kop '{}' is geen periode; kolom niet gelezen", cell.shown()),
            }),
        }
    }
    if columns.is_empty() {
        return Err(grid.error(
            header,
            0,
            format!(
                "verwacht perioden in kopregel {} (jan-23, 2023-01, januari 2023 of een datum), \
                 maar vond er geen",
                header + 1
            ),
        ));
    }
    Ok(PeriodColumns { columns, ignored })
}

struct PeriodColumns {
    columns: Vec<(usize, (Period, bool))>,
    ignored: Vec<Unmapped>,
}

/// A row with merged cells filled in: an empty cell after a label takes that label, as the
/// merged cell shows it.
pub(super) fn merged_row(ctx: &Context<'_>, row: usize) -> Vec<Cell> {
    let mut last = Cell::Empty;
    (0..ctx.grid.width())
        .map(|c| {
            let cell = ctx.grid.get(row, c);
            if !cell.is_empty() {
                last = cell.clone();
            }
            last.clone()
        })
        .collect()
}

pub(super) fn read(ctx: &Context<'_>) -> Result<Read, ImportError> {
    let grid = ctx.grid;
    let label_col = ctx.column("indicator", &ctx.kaart.kolommen.indicator)?;
    let PeriodColumns { columns, ignored } = period_columns(ctx, label_col)?;
    let mut rows = Vec::new();
    let mut unmapped = ignored;
    let mut seen = Seen::default();
    for r in ctx.kaart.kopregel..grid.rows.len() {
        if grid.row_is_empty(r) {
            continue;
        }
        let label = grid.get(r, label_col).shown();
        if ctx.kaart.skips(&label, r) {
            continue;
        }
        let has_figures = columns.iter().any(|(c, _)| !grid.get(r, *c).is_empty());
        let Some(map) = ctx.kaart.indicator_for(&label) else {
            if has_figures {
                unmapped.push(Unmapped {
                    place: grid.place(r, label_col),
                    why: if label.is_empty() {
                        "regel zonder label met cijfers; niet gelezen".into()
                    } else {
                        format!(
                            "label '{label}' staat niet in de kaart (indicatoren); niet gelezen"
                        )
                    },
                });
            }
            continue;
        };
        for (c, period) in &columns {
            let figure = figure_of(grid.get(r, *c), ctx.kaart.getalnotatie).map_err(|problem| {
                grid.error(r, *c, format!("{problem} ({label}, {})", period.0.code()))
            })?;
            if let Some(figure) = figure {
                let mut row = ctx.row(map, *period, figure, Extra::default());
                row.origin = Some(grid.place(r, *c));
                seen.check(&row, r)
                    .map_err(|problem| grid.error(r, label_col, problem))?;
                rows.push(row);
            }
        }
    }
    Ok(Read { rows, unmapped })
}
