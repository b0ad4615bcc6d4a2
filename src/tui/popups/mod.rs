//! Overlays drawn above a screen.

pub mod agenda;
pub mod annotate;
pub mod follow_up;
pub mod follow_up_life;
pub mod header;
pub mod help;
pub mod palette;
pub mod start;

use crate::tui::style::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};
use ratatui_textarea::TextArea;

/// Clears a centred `width`×`height` box (clamped to `area`), draws its border with a title and a
/// key hint at the bottom, and returns the inner area.
pub fn frame_popup(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    (width, height): (u16, u16),
    title: &str,
    hint: &str,
) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.block_border(true))
        .title(Span::styled(format!(" {title} "), theme.title()))
        .style(theme.base());
    if !hint.is_empty() {
        block = block.title_bottom(Span::styled(format!(" {hint} "), theme.dimmed()));
    }
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    inner
}

/// A text editor inside a plain border, in the theme's colours.
pub fn draw_editor(frame: &mut Frame, theme: &Theme, text: &TextArea<'static>, area: Rect) {
    let mut text = text.clone();
    text.set_block(
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.block_border(false)),
    );
    text.set_style(theme.base());
    frame.render_widget(&text, area);
}

/// A list to choose from with ↑/↓, the selected item marked.
pub fn draw_choices(
    frame: &mut Frame,
    theme: &Theme,
    items: Vec<ListItem<'_>>,
    selected: usize,
    area: Rect,
) {
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected())
            .highlight_symbol("▶ "),
        area,
        &mut state,
    );
}
