//! Drawing the comparison from `&App`: overlay, small multiples, difference table, detail.

use super::kinds::{self, KindEntry};
use super::{CompareLayout, CompareTab};
use crate::analysis;
use crate::analysis::mismatch::{Comparison, ComparisonRow, MismatchKind};
use crate::model::disclosure::Disclosure;
use crate::tui::app::App;
use crate::tui::components::chart::TrendChart;
use crate::tui::components::chart_model::ChartModel;
use crate::tui::i18n::{SMALL_MARK, first_key, t};
use crate::tui::keymap::{Action, Context};
use crate::tui::style::Theme;
use crate::tui::style::symbol;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

/// A bordered pane with a title, as the comparison's panes are drawn.
fn pane(theme: &Theme, title: String, focused: bool) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.block_border(focused))
        .title(Span::styled(format!(" {title} "), theme.title()))
        .style(theme.base())
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let state: &CompareTab = &app.compare;
    let (Some(table), Some(overlay)) = (&state.table, &state.overlay) else {
        let hint = first_key(&app.shared.keymap, Context::Trend, Action::ShowCompare);
        frame.render_widget(
            Paragraph::new(t().compare_empty(&hint))
                .style(theme.dimmed())
                .wrap(Wrap { trim: true })
                .block(pane(theme, t().tab_compare.to_string(), true)),
            area,
        );
        return;
    };
    let layout = state.layout(area);
    draw_charts(frame, theme, state, table, overlay, &layout);
    draw_table(frame, app, table, layout.table);
    draw_detail(frame, app, table, layout.detail);
}

/// The overlay of every source, and beside it one small chart per source on the same axes.
fn draw_charts(
    frame: &mut Frame,
    theme: &Theme,
    state: &CompareTab,
    table: &Comparison,
    overlay: &ChartModel,
    layout: &CompareLayout,
) {
    let cursor = state.selected_period();
    let indicator = overlay
        .series
        .first()
        .map_or(table.indicator.clone(), |s| s.indicator_label.clone());
    let mut title = format!(
        "{} · {indicator} · {}",
        table.domein,
        t().per_granularity(table.granularity),
    );
    // With several regios the charts show the selected row's regio: say which.
    if let Some(b) = &state.chart_region {
        title.push_str(&format!(" · {b}"));
    }
    let chart = |model| TrendChart {
        model,
        theme,
        cursor,
        range: None,
        notes: &[],
    };
    let b = pane(theme, title, true);
    let inner = b.inner(layout.overlay);
    frame.render_widget(b, layout.overlay);
    frame.render_widget(chart(overlay), inner);
    for (m, r) in state.multiples.iter().zip(layout.multiples.iter()) {
        let first = m.series.first();
        let name = first.map_or(String::new(), |s| s.label.clone());
        let b = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(false))
            .title(Span::styled(
                format!(" {name} "),
                first.map_or(theme.base(), |s| theme.series(&s.identity)),
            ))
            .style(theme.base());
        let inner = b.inner(*r);
        frame.render_widget(b, *r);
        frame.render_widget(chart(m), inner);
    }
}

/// Per period the value of each source, the difference with the reference and its kind.
fn draw_table(frame: &mut Frame, app: &App, table: &Comparison, area: Rect) {
    let (theme, state) = (&app.shared.theme, &app.compare);
    // Δ is counted in the reference's unit (other units are converted first, or not compared).
    let unit = (table.columns.iter())
        .find(|c| c.is_reference)
        .map_or("", |c| c.unit.as_str());
    // Only the rows on screen are built: 50 gemeenten × 120 months is 6.000 rows.
    let shown = area.height.saturating_sub(3).max(1) as usize;
    let offset = state.view.offset.min(table.rows.len().saturating_sub(1));
    let window = offset..(offset + shown).min(table.rows.len());
    let mut ts = TableState::default().with_selected(state.view.selected.checked_sub(offset));
    if table.regions().len() > 1 {
        let meta = &app.dataset().meta;
        let widget = super::regions::table(theme, meta, (table, window), area.width)
            .row_highlight_style(theme.selected())
            .block(pane(
                theme,
                t().diff_table(t().reference_per_region, unit),
                true,
            ));
        frame.render_stateful_widget(widget, area, &mut ts);
        return;
    }
    let mut header = vec![Cell::from(t().col_period)];
    let mut widths = vec![Constraint::Length(9)];
    let mut marks: Vec<String> = Vec::new();
    for c in &table.columns {
        // The chart symbol of the column's series doubles as the overlay's legend.
        let line = state.overlay.as_ref().and_then(|o| {
            o.series
                .iter()
                .find(|s| s.key.bron == c.bron && s.key.breakdown == c.breakdown)
        });
        let mark = line.map_or(String::new(), |s| symbol(&s.identity, false).to_string());
        let mut name = if mark.is_empty() {
            c.bron.clone()
        } else {
            format!("{mark} {}", c.bron)
        };
        marks.push(mark);
        if c.is_reference {
            name.push_str(" (ref)");
        }
        let style = line.map_or(theme.base(), |s| theme.series(&s.identity));
        header.push(Cell::from(Span::styled(name, style)));
        widths.push(Constraint::Length(
            (c.bron.chars().count() as u16 + 6).clamp(9, 22),
        ));
        if !c.is_reference {
            header.extend([Cell::from("Δ"), Cell::from("Δ%")]);
            widths.extend([Constraint::Length(8), Constraint::Length(7)]);
        }
    }
    header.push(Cell::from(t().col_kind));
    widths.push(Constraint::Min(12));
    let kind_width = kinds::last_column_width(&widths, area.width);
    let rule = Disclosure::of(&app.dataset().meta, false);
    let rows: Vec<Row> = (table.rows[window].iter())
        .map(|r| table_row(theme, (table, &rule), r, (&marks, kind_width)))
        .collect();
    let reference = table.reference.as_deref().unwrap_or("—");
    let widget = Table::new(rows, widths)
        .header(Row::new(header).style(theme.base().add_modifier(Modifier::BOLD)))
        .row_highlight_style(theme.selected())
        .block(pane(theme, t().diff_table(reference, unit), true));
    frame.render_stateful_widget(widget, area, &mut ts);
}

fn table_row<'a>(
    theme: &Theme,
    (table, rule): (&Comparison, &Disclosure),
    r: &ComparisonRow,
    (marks, kind_width): (&[String], usize),
) -> Row<'a> {
    let mut cells = vec![Cell::from(t().period_short(&r.period))];
    for (i, c) in table.columns.iter().enumerate() {
        let Some(cell) = r.cell(i) else {
            let empty = if c.is_reference { 1 } else { 3 };
            cells.extend((0..empty).map(|_| Cell::from("")));
            continue;
        };
        // A small count of a source from records shows, marked: the export writes "<10".
        match cell.value.is_some_and(|v| rule.hides(&c.bron, v)) {
            true => cells.push(Cell::from(Span::styled(
                format!("{} {SMALL_MARK}", value_text(cell)),
                theme.warning(),
            ))),
            false => cells.push(Cell::from(value_text(cell))),
        }
        if !c.is_reference {
            let (diff, rel) = diff_texts(cell);
            cells.extend([Cell::from(diff), Cell::from(rel)]);
        }
    }
    cells.push(Cell::from(Span::styled(
        kinds::fit(&pair_kinds(r, marks), kind_width),
        theme.warning(),
    )));
    Row::new(cells)
}

/// A source's figure in a table cell: "1.234*" for voorlopig, unknown, incomplete or "—".
pub(super) fn value_text(cell: &analysis::mismatch::Cell) -> String {
    match (cell.value, cell.complete) {
        (Some(v), _) => {
            let mut s = t().num(v, 2);
            if cell.provisional {
                s.push('*');
            }
            s
        }
        // Every part is there but one is '.': unknown, not incomplete.
        (None, _) if cell.present > 0 && cell.present >= cell.needed => {
            t().unknown_value.to_string()
        }
        (None, false) if cell.present > 0 => {
            format!("{}/{} ", cell.present, cell.needed) + t().incomplete
        }
        _ => "—".to_string(),
    }
}

/// Δ and Δ% of a cell, signed as they are: "+133", "-46".
pub(super) fn diff_texts(cell: &analysis::mismatch::Cell) -> (String, String) {
    let diff = cell.diff.map_or(String::new(), |d| {
        let n = t().num(d, 1);
        if d > 0.0 { format!("+{n}") } else { n }
    });
    (diff, cell.rel_diff.map_or(String::new(), |r| t().pct(r)))
}

/// The kind of difference of each source against its reference, marked with that source's chart
/// symbol, then the row's kinds that belong to no single pair (parts against a total).
fn pair_kinds(r: &ComparisonRow, marks: &[String]) -> Vec<KindEntry> {
    let mut out: Vec<KindEntry> = (r.cells_by_column())
        .filter_map(|(c, cell)| {
            Some(KindEntry {
                mark: marks.get(c).cloned().unwrap_or_default(),
                name: t()
                    .kind_label(cell.kind?, cell.detail.as_deref())
                    .to_string(),
            })
        })
        .collect();
    out.extend(row_kinds(r));
    out
}

/// The row's kinds that belong to no single pair (parts against a total), without a mark.
pub(super) fn row_kinds(r: &ComparisonRow) -> impl Iterator<Item = KindEntry> + '_ {
    (r.kinds.iter())
        .filter(|k| !r.cells.iter().any(|c| c.kind == Some(**k)))
        .map(|k| KindEntry {
            mark: String::new(),
            name: t().mismatch(*k).to_string(),
        })
}

/// The kinds of difference of the selected period, explained, with the sources' metadata.
fn draw_detail(frame: &mut Frame, app: &App, table: &Comparison, area: Rect) {
    let theme = &app.shared.theme;
    let kind_line = |k: MismatchKind, rest: Span<'static>| {
        Line::from(vec![
            Span::styled(
                format!("{}: ", t().mismatch(k)),
                theme.warning().add_modifier(Modifier::BOLD),
            ),
            rest,
        ])
    };
    let mut lines: Vec<Line> = Vec::new();
    if let Some(row) = table.rows.get(app.compare.view.selected) {
        if table.regions().len() > 1 {
            let reference = row.reference.as_deref().unwrap_or("—");
            lines.push(Line::from(Span::styled(
                t().region_reference(&row.breakdown.to_string(), reference),
                theme.title(),
            )));
        }
        for (ci, cell) in row.cells_by_column() {
            let c = &table.columns[ci];
            let Some(k) = cell.kind else { continue };
            lines.push(kind_line(
                k,
                Span::styled(
                    cell.detail
                        .as_ref()
                        .map(|d| t().detail(d))
                        .unwrap_or_default(),
                    theme.base(),
                ),
            ));
            lines.push(Line::from(Span::styled(
                format!("  {}", t().mismatch_explanation(k)),
                theme.dimmed(),
            )));
            if let Some(src) = app.dataset().source_meta(&c.bron) {
                lines.push(Line::from(Span::styled(
                    t().source_meta_line(src),
                    theme.dimmed(),
                )));
            }
        }
        for k in &row.kinds {
            if !row.cells.iter().any(|c| c.kind == Some(*k)) {
                let why = Span::styled(t().mismatch_explanation(*k), theme.dimmed());
                lines.push(kind_line(*k, why));
            }
        }
    }
    // Once per source and reason, not once per regio (50 gemeenten, one reason).
    let mut said: Vec<String> = Vec::new();
    for e in &table.excluded {
        let text = format!("{}: {}", e.bron, t().agg_error(&e.error));
        if !said.contains(&text) {
            lines.push(Line::from(Span::styled(text.clone(), theme.dimmed())));
            said.push(text);
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(t().no_difference, theme.dimmed())));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(pane(
            theme,
            t().diff_detail.to_string(),
            true,
        )),
        area,
    );
}
