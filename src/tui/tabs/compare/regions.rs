//! The difference table with several regios: one row per regio and period, one column per
//! source. Side by side, 50 gemeenten with three sources each would be 150 columns and a blank
//! table; each regio has its own reference, marked "(ref)" in its row.

use super::kinds::KindEntry;
use crate::analysis::mismatch::{Comparison, ComparisonRow};
use crate::model::identity::SeriesIdentity;
use crate::model::{Breakdown, DatasetMeta};
use crate::tui::i18n::t;
use crate::tui::style::{Theme, symbol};
use ratatui::layout::Constraint;
use ratatui::style::Modifier;
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

/// The regio of a row as the table shows it: the code alone ("GM0772").
pub fn region_label(b: &Breakdown) -> String {
    let parts: Vec<&str> = b.parts().map(|(_, v)| v).collect();
    if parts.is_empty() {
        "—".to_string()
    } else {
        parts.join(" · ")
    }
}

/// The bronnen of the table, each once, in column order.
fn sources(table: &Comparison) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in &table.columns {
        if !out.contains(&c.bron.as_str()) {
            out.push(&c.bron);
        }
    }
    out
}

/// The table widget: header, widths and rows, for a table `width` wide. Below 110 columns the
/// absolute Δ is left out (Δ% stays), so regio and period are never cut off at 80×24.
pub fn table<'a>(
    theme: &Theme,
    meta: &DatasetMeta,
    (table, window): (&'a Comparison, std::ops::Range<usize>),
    width: u16,
) -> Table<'a> {
    let narrow = width < 110;
    let bronnen = sources(table);
    let region_width = (table.regions().iter())
        .map(|b| region_label(b).chars().count() as u16)
        .max()
        .unwrap_or(5)
        .clamp(5, 20);
    let mut header = vec![Cell::from(t().col_region), Cell::from(t().col_period)];
    // Lengths: the spare width of a wide screen goes to the kind column.
    let period_width = (table.rows.iter())
        .map(|r| t().period_short(&r.period).chars().count() as u16)
        .max()
        .unwrap_or(7);
    let mut widths = vec![
        Constraint::Length(region_width),
        Constraint::Length(period_width),
    ];
    let mut marks: Vec<String> = Vec::new();
    for bron in &bronnen {
        // The source's own symbol doubles as the overlay's legend: the charts show one regio,
        // so each source is drawn as itself (no breakdown number).
        let identity = SeriesIdentity {
            source: meta.identity(bron),
            variant: 0,
        };
        let mark = symbol(&identity, false).to_string();
        let name = format!("{mark} {bron}");
        marks.push(mark);
        let style = theme.series(&identity);
        header.push(Cell::from(Span::styled(name, style)));
        widths.push(match narrow {
            true => Constraint::Length(9),
            // One width for every source: the solver shrinks unequal lengths unevenly.
            false => Constraint::Length(11),
        });
        if !narrow {
            header.push(Cell::from("Δ"));
            widths.push(Constraint::Length(7));
        }
        header.push(Cell::from("Δ%"));
        widths.push(Constraint::Length(if narrow { 6 } else { 7 }));
    }
    header.push(Cell::from(t().col_kind));
    // The kind takes what is left over on a wide screen, not regio or period.
    widths.push(Constraint::Fill(1));
    let kind_width = super::kinds::last_column_width(&widths, width);
    let rows: Vec<Row> = (table.rows[window].iter())
        .map(|r| row(theme, table, r, (&bronnen, &marks), (narrow, kind_width)))
        .collect();
    let header = Row::new(header).style(theme.base().add_modifier(Modifier::BOLD));
    Table::new(rows, widths).header(header)
}

fn row<'a>(
    theme: &Theme,
    table: &Comparison,
    r: &ComparisonRow,
    (bronnen, marks): (&[&str], &[String]),
    (narrow, kind_width): (bool, usize),
) -> Row<'a> {
    let mut cells = vec![
        Cell::from(region_label(&r.breakdown)),
        Cell::from(t().period_short(&r.period)),
    ];
    let mut kinds: Vec<KindEntry> = Vec::new();
    for (bron, mark) in bronnen.iter().zip(marks) {
        let column = (table.columns.iter().enumerate())
            .find(|(_, c)| c.bron == *bron && c.breakdown == r.breakdown);
        let Some((c, col)) = column else {
            let empty = if narrow { 2 } else { 3 };
            cells.extend((0..empty).map(|_| Cell::from("")));
            continue;
        };
        let Some(cell) = r.cell(c) else {
            let empty = if narrow { 2 } else { 3 };
            cells.extend((0..empty).map(|_| Cell::from("")));
            continue;
        };
        let mut value = super::draw::value_text(cell);
        if col.is_reference {
            value.push_str(" (ref)");
        }
        let (diff, rel) = super::draw::diff_texts(cell);
        cells.push(Cell::from(value));
        if !narrow {
            cells.push(Cell::from(diff));
        }
        cells.push(Cell::from(rel));
        if let Some(k) = cell.kind {
            kinds.push(KindEntry {
                mark: mark.clone(),
                name: t().kind_label(k, cell.detail.as_deref()).to_string(),
            });
        }
    }
    kinds.extend(super::draw::row_kinds(r));
    let text = super::kinds::fit(&kinds, kind_width);
    cells.push(Cell::from(Span::styled(text, theme.warning())));
    Row::new(cells)
}
