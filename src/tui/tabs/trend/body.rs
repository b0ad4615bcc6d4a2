//! The chart area of the trend tab and the presentation: the chart, or for a breakdown the
//! small multiples (one small chart per part on shared axes) or the change list.

use crate::model::ViewKind;
use crate::tui::app::App;
use crate::tui::components::chart::TrendChart;
use crate::tui::i18n::t;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// A small multiple is at least this wide and high (title row included).
const CELL_WIDTH: u16 = 26;
const CELL_HEIGHT: u16 = 5;

pub(crate) fn draw_body(frame: &mut Frame, app: &App, area: Rect) {
    let trend = &app.trend;
    match (trend.kind, &trend.parts) {
        (ViewKind::Parts, Some(_)) if !trend.multiples.is_empty() => multiples(frame, app, area),
        (ViewKind::PartsChange, Some(_)) => changes(frame, app, area),
        _ => {
            let notes = trend.axis_notes();
            frame.render_widget(
                TrendChart {
                    model: &trend.chart,
                    theme: &app.shared.theme,
                    cursor: trend.cursor_period(),
                    range: trend.range_start.and(trend.selected_range()),
                    notes: &notes,
                },
                area,
            );
        }
    }
}

/// The grid of small multiples: as many columns as fit, filled row by row.
fn multiples(frame: &mut Frame, app: &App, area: Rect) {
    let (theme, trend) = (&app.shared.theme, &app.trend);
    let n = trend.multiples.len() as u16;
    let mut columns = (area.width / CELL_WIDTH).clamp(1, n);
    while columns < n && n.div_ceil(columns) * CELL_HEIGHT > area.height {
        columns += 1;
    }
    let rows = n.div_ceil(columns);
    let (w, h) = (area.width / columns, area.height / rows.max(1));
    if w < CELL_WIDTH - 8 || h < CELL_HEIGHT - 1 {
        let text = Span::styled(t().chart_too_small, theme.warning());
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let cursor = trend.cursor_period();
    for (i, model) in trend.multiples.iter().enumerate() {
        let (col, row) = (i as u16 % columns, i as u16 / columns);
        let cell = Rect::new(area.x + col * w, area.y + row * h, w, h);
        let Some(s) = model.series.first() else {
            continue;
        };
        let value = cursor
            .and_then(|c| s.at(&c))
            .map_or(crate::tui::i18n::NO_VALUE.to_string(), |p| t().num(p.y, 2));
        let name = match s.key.breakdown.is_total() {
            true => t().total_row().to_string(),
            false => s.label.clone(),
        };
        let title = Line::from(vec![
            Span::styled(
                format!(" {name} "),
                theme.series(&s.identity).add_modifier(Modifier::BOLD),
            ),
            Span::styled(value, theme.base()),
        ]);
        frame.render_widget(
            Paragraph::new(title).style(theme.base()),
            Rect { height: 1, ..cell },
        );
        let chart = Rect {
            y: cell.y + 1,
            height: cell.height - 1,
            ..cell
        };
        frame.render_widget(
            TrendChart {
                model,
                theme,
                cursor,
                range: None,
                notes: &[],
            },
            chart,
        );
    }
}

/// The change list: the total first, then every part by the size of its change.
fn changes(frame: &mut Frame, app: &App, area: Rect) {
    let (theme, trend) = (&app.shared.theme, &app.trend);
    let Some(p) = &trend.parts else { return };
    let Some(first) = p.changes.first() else {
        let text = Span::styled(t().chart_no_values, theme.dimmed());
        frame.render_widget(Paragraph::new(text), area);
        return;
    };
    let caption = t().change_caption(&t().period_long(&first.from), &t().period_long(&first.to));
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {caption}"), theme.dimmed())).style(theme.base()),
        Rect { height: 1, ..area },
    );
    let headings = t().change_headings(p.dimension);
    let header = Row::new(headings.iter().map(|h| Cell::from(h.as_str())))
        .style(theme.base().add_modifier(Modifier::BOLD));
    let rows = p.changes.iter().map(|c| {
        let name = c
            .part
            .clone()
            .unwrap_or_else(|| t().total_row().to_string());
        let pct = c.pct().map_or(crate::tui::i18n::NO_VALUE.to_string(), |v| {
            format!("{}{}", if v > 0.0 { "+" } else { "" }, t().num(v, 1))
        });
        let delta = c.delta();
        let sign = if delta > 0.0 { "+" } else { "" };
        let style = match c.part {
            None => theme.base().add_modifier(Modifier::BOLD),
            Some(_) => theme.base(),
        };
        Row::new(vec![
            Cell::from(name),
            Cell::from(Line::from(t().num(c.before, 2)).right_aligned()),
            Cell::from(Line::from(t().num(c.after, 2)).right_aligned()),
            Cell::from(Line::from(format!("{sign}{}", t().num(delta, 2))).right_aligned()),
            Cell::from(Line::from(pct).right_aligned()),
        ])
        .style(style)
    });
    let widths = [
        Constraint::Min(14),
        Constraint::Length(12),
        Constraint::Length(12),
        Constraint::Length(10),
        Constraint::Length(7),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .style(theme.base())
        .column_spacing(2);
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    frame.render_widget(table, body);
}
