//! Drawing the comparison from `&App`: overlay, small multiples, difference table, detail.

use super::CompareTab;
use crate::model::number::{format_auto, format_pct};
use crate::tui::app::App;
use crate::tui::components::chart::TrendChart;
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
use crate::tui::style::symbol;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let state: &CompareTab = &app.compare;
    let block = |title: String| {
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(true))
            .title(Span::styled(format!(" {title} "), theme.title()))
            .style(theme.base())
    };
    let (Some(table), Some(overlay)) = (&state.table, &state.overlay) else {
        frame.render_widget(
            Paragraph::new(t().compare_empty(&first_key(
                &app.shared.keymap,
                Context::Trend,
                Action::ShowCompare,
            )))
            .style(theme.dimmed())
            .wrap(Wrap { trim: true })
            .block(block(t().tab_compare.to_string())),
            area,
        );
        return;
    };
    let layout = state.layout(area);
    let overlay_area = layout.overlay;
    let cursor = state.selected_period();
    let title = format!(
        "{} · {} · {}",
        table.domein,
        overlay
            .series
            .first()
            .map_or(table.indicator.clone(), |s| s.indicator_label.clone()),
        t().per_granularity(table.granularity),
    );
    let b = block(title);
    let inner = b.inner(overlay_area);
    frame.render_widget(b, overlay_area);
    frame.render_widget(
        TrendChart {
            model: overlay,
            theme,
            cursor,
            range: None,
            notes: &[],
        },
        inner,
    );

    // Small multiples: one per source, same axes.
    for (m, r) in state.multiples.iter().zip(layout.multiples.iter()) {
        let name = m.series.first().map_or(String::new(), |s| s.label.clone());
        let b = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(false))
            .title(Span::styled(
                format!(" {name} "),
                theme.series(m.series.first().map_or(0, |s| s.slot)),
            ))
            .style(theme.base());
        let inner = b.inner(*r);
        frame.render_widget(b, *r);
        frame.render_widget(
            TrendChart {
                model: m,
                theme,
                cursor,
                range: None,
                notes: &[],
            },
            inner,
        );
    }

    // Difference table and the explanation of the selected row.
    let (table_area, detail_area) = (layout.table, layout.detail);
    let mut header = vec![Cell::from(t().col_period)];
    for (i, c) in table.columns.iter().enumerate() {
        // The chart symbol of the column's series doubles as the overlay's legend.
        let mut name = format!("{} {}", symbol(i, false), c.bron);
        if c.is_reference {
            name.push_str(" (ref)");
        }
        header.push(Cell::from(Span::styled(name, theme.series(i))));
        if !c.is_reference {
            header.push(Cell::from("Δ"));
            header.push(Cell::from("Δ%"));
        }
    }
    header.push(Cell::from(t().col_kind));
    let mut widths = vec![Constraint::Length(9)];
    for c in &table.columns {
        widths.push(Constraint::Length(
            (c.bron.chars().count() as u16 + 6).clamp(9, 22),
        ));
        if !c.is_reference {
            widths.push(Constraint::Length(8));
            widths.push(Constraint::Length(7));
        }
    }
    widths.push(Constraint::Min(12));
    let rows: Vec<Row> = table
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![Cell::from(t().period_short(&r.period))];
            for (c, cell) in table.columns.iter().zip(&r.cells) {
                let v = match (cell.value, cell.complete) {
                    (Some(v), _) => {
                        let mut s = format_auto(v, 2);
                        if cell.provisional {
                            s.push('*');
                        }
                        s
                    }
                    (None, false) if cell.present > 0 => {
                        format!("{}/{} ", cell.present, cell.needed) + t().incomplete
                    }
                    _ => "—".to_string(),
                };
                cells.push(Cell::from(v));
                if !c.is_reference {
                    cells.push(Cell::from(
                        cell.diff.map_or(String::new(), |d| format_auto(d, 1)),
                    ));
                    cells.push(Cell::from(cell.rel_diff.map_or(String::new(), format_pct)));
                }
            }
            let kinds: Vec<&str> = r.kinds.iter().map(|k| t().mismatch(*k)).collect();
            cells.push(Cell::from(Span::styled(kinds.join(", "), theme.warning())));
            Row::new(cells)
        })
        .collect();
    let mut ts = TableState::default()
        .with_selected(Some(state.view.selected))
        .with_offset(state.view.offset);
    let widget = Table::new(rows, widths)
        .header(Row::new(header).style(theme.base().add_modifier(Modifier::BOLD)))
        .row_highlight_style(theme.selected())
        .block(block(
            t().diff_table(table.reference.as_deref().unwrap_or("—")),
        ));
    frame.render_stateful_widget(widget, table_area, &mut ts);

    let mut lines: Vec<Line> = Vec::new();
    if let Some(row) = table.rows.get(state.view.selected) {
        for (c, cell) in table.columns.iter().zip(&row.cells) {
            if let Some(k) = cell.kind {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{}: ", t().mismatch(k)),
                        theme.warning().add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(cell.detail.clone(), theme.base()),
                ]));
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
        }
        for k in &row.kinds {
            if !row.cells.iter().any(|c| c.kind == Some(*k)) {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{}: ", t().mismatch(*k)),
                        theme.warning().add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(t().mismatch_explanation(*k), theme.dimmed()),
                ]));
            }
        }
    }
    for e in &table.excluded {
        lines.push(Line::from(Span::styled(
            format!("{}: {}", e.bron, t().agg_error(&e.error)),
            theme.dimmed(),
        )));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(t().no_difference, theme.dimmed())));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block(t().diff_detail.to_string())),
        detail_area,
    );
}
