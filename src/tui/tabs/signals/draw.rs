//! The signals as a list: kind, indicator and period, then the reason in one sentence.

use crate::tui::app::App;
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let tab = &app.signals;
    let key = |a| first_key(&app.shared.keymap, Context::Signals, a);
    let title = match &tab.found {
        Some(found) => {
            t().signals_title(found.len(), &key(Action::Activate), &key(Action::AgendaAdd))
        }
        None => t().signals_busy.to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.block_border(true))
        .title(Span::styled(format!(" {title} "), theme.title()))
        .style(theme.base());
    let Some(found) = tab.found.as_ref().filter(|f| !f.is_empty()) else {
        let text = if tab.found.is_some() {
            t().signals_none
        } else {
            ""
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dimmed())
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    };
    let width = area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = found
        .iter()
        .map(|s| {
            let name = app.indicator_name(&s.domein, &s.indicator);
            let head = format!(
                "{} · {} · {} · {}",
                t().signal_kind(s.kind),
                s.domein,
                name,
                t().period_long(&s.period)
            );
            let reason = crate::tui::components::text::fit_middle(&t().signal_reason(s), width);
            ListItem::new(vec![
                Line::from(Span::styled(
                    head,
                    theme.base().add_modifier(Modifier::BOLD),
                )),
                Line::from(Span::styled(format!("  {reason}"), theme.dimmed())),
            ])
        })
        .collect();
    let mut state = ListState::default()
        .with_selected(Some(tab.view.selected.min(found.len() - 1)))
        .with_offset(tab.view.offset);
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected()),
        area,
        &mut state,
    );
}
