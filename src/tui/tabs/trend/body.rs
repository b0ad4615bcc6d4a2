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
    let caption_rows = caption(frame, app, first, area);
    let headings = t().change_headings(p.dimension);
    let cells: Vec<[String; 5]> = p.changes.iter().map(change_cells).collect();
    // Each column as wide as its widest cell, the names take the rest.
    let width = |i: usize| {
        let widest = cells
            .iter()
            .map(|c| c[i].chars().count())
            .max()
            .unwrap_or(0);
        widest.max(headings[i].chars().count()) as u16
    };
    let widths = [
        Constraint::Length(width(0)),
        Constraint::Length(width(1)),
        Constraint::Length(width(2)),
        Constraint::Length(width(3)),
        Constraint::Length(width(4)),
    ];
    let right = |text: String| Cell::from(Line::from(text).right_aligned());
    let header = Row::new((headings.iter().enumerate()).map(|(i, h)| {
        if i == 0 {
            Cell::from(h.clone())
        } else {
            right(h.clone())
        }
    }))
    .style(theme.base().add_modifier(Modifier::BOLD));
    let rows = cells.into_iter().zip(&p.changes).map(|(c, change)| {
        let style = match change.part {
            None => theme.base().add_modifier(Modifier::BOLD),
            Some(_) => theme.base(),
        };
        let [name, before, after, delta, pct] = c;
        Row::new(vec![
            Cell::from(name),
            right(before),
            right(after),
            right(delta),
            right(pct),
        ])
        .style(style)
    });
    let spacing = if area.width < 70 { 1 } else { 2 };
    let table = Table::new(rows, widths)
        .header(header)
        .style(theme.base())
        .column_spacing(spacing)
        .flex(ratatui::layout::Flex::Start);
    let body = Rect {
        y: area.y + caption_rows,
        height: area.height.saturating_sub(caption_rows),
        ..area
    };
    frame.render_widget(table, body);
}

/// Above the change list: which periods, and that the order is the size only; wrapped to a
/// second row when it does not fit. Returns the rows it took.
fn caption(
    frame: &mut Frame,
    app: &App,
    first: &crate::analysis::chart::PartChange,
    area: Rect,
) -> u16 {
    let theme = &app.shared.theme;
    let text = format!(
        " {}",
        t().change_caption(&t().period_long(&first.from), &t().period_long(&first.to))
    );
    // The caption wraps at 80 columns rather than being cut.
    let caption_rows = if text.chars().count() > area.width as usize {
        2
    } else {
        1
    };
    frame.render_widget(
        Paragraph::new(Span::styled(text, theme.dimmed()))
            .style(theme.base())
            .wrap(ratatui::widgets::Wrap { trim: false }),
        Rect {
            height: caption_rows.min(area.height),
            ..area
        },
    );
    caption_rows.min(area.height)
}

/// A change's cells: the part (or "totaal"), before, after, the signed change, the signed %.
fn change_cells(c: &crate::analysis::chart::PartChange) -> [String; 5] {
    let signed =
        |v: f64, decimals| format!("{}{}", if v > 0.0 { "+" } else { "" }, t().num(v, decimals));
    [
        c.part
            .clone()
            .unwrap_or_else(|| t().total_row().to_string()),
        t().num(c.before, 2),
        t().num(c.after, 2),
        signed(c.delta(), 2),
        c.pct()
            .map_or(crate::tui::i18n::NO_VALUE.to_string(), |v| signed(v, 1)),
    ]
}
