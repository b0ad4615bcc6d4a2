//! Drawing the overview from `&App`: filter line, table of differences, detail.

use super::OverviewTab;
use crate::model::number::format_pct;
use crate::tui::app::App;
use crate::tui::strings;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let state = &app.overview;
    let visible = state.visible();
    let layout = OverviewTab::layout(area);
    let (filter, table_area, detail) = (layout.filter, layout.table, layout.detail);
    frame.render_widget(
        Paragraph::new(strings::overview_filter(
            state.kind.map(|k| k.dutch()),
            state.domain.as_deref(),
            visible.len(),
        ))
        .style(theme.dimmed()),
        filter,
    );
    let block = |t: &str| {
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(true))
            .title(Span::styled(format!(" {t} "), theme.title()))
            .style(theme.base())
    };
    if visible.is_empty() {
        let text = if state.all.is_none() {
            strings::OVERVIEW_BUSY
        } else {
            strings::OVERVIEW_EMPTY
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dimmed())
                .block(block(strings::OVERVIEW_TITLE)),
            table_area,
        );
        return;
    }
    let rows: Vec<Row> = visible
        .iter()
        .map(|m| {
            Row::new(vec![
                Cell::from(Span::styled(m.kind.dutch(), theme.warning())),
                Cell::from(m.domein.clone()),
                Cell::from(m.indicator.clone()),
                Cell::from(m.period.dutch_short()),
                Cell::from(m.sources.join(" / ")),
                Cell::from(m.rel_diff.map_or(String::new(), format_pct)),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(20),
        Constraint::Length(12),
        Constraint::Length(26),
        Constraint::Length(9),
        Constraint::Min(20),
        Constraint::Length(9),
    ];
    let header = Row::new(["soort", "domein", "indicator", "periode", "bronnen", "Δ%"])
        .style(theme.base().add_modifier(Modifier::BOLD));
    let mut ts = TableState::default()
        .with_selected(Some(state.view.selected.min(visible.len() - 1)))
        .with_offset(state.view.offset);
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .row_highlight_style(theme.selected())
            .block(block(strings::OVERVIEW_TITLE)),
        table_area,
        &mut ts,
    );
    if let Some(m) = visible.get(state.view.selected) {
        let lines = vec![
            Line::from(Span::styled(m.detail.clone(), theme.base())),
            Line::from(Span::styled(m.kind.explanation(), theme.dimmed())),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(block(strings::DIFF_DETAIL)),
            detail,
        );
    }
}
