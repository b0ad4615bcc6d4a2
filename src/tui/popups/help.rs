//! The help overlay: every key, from the same table that maps keys to actions.

use crate::tui::keys::{BINDINGS, Binding};
use crate::tui::strings;
use crate::tui::style::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the help of the main screen; `scroll` lines are skipped at the top when it does not fit.
pub fn draw(frame: &mut Frame, theme: &Theme, area: Rect, scroll: u16) {
    draw_bindings(frame, theme, area, scroll, BINDINGS);
}

/// Draws the help for a table of key bindings.
pub fn draw_bindings(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    scroll: u16,
    bindings: &[Binding],
) {
    let key_w = bindings
        .iter()
        .map(|b| b.keys.chars().count())
        .max()
        .unwrap_or(8)
        + 2;
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(
                    format!("{:<key_w$}", b.keys),
                    theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
                ),
                Span::styled(b.description, theme.base()),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        strings::HELP_CLOSE,
        theme.dimmed(),
    )));
    let width = (area.width.saturating_sub(4)).min(90);
    // Wrapped lines take more rows: count them so the closing hint is never cut off.
    let inner = width.saturating_sub(2).max(1) as usize;
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let area_inner = super::frame_popup(
        frame,
        theme,
        area,
        (width, height),
        strings::HELP_TITLE,
        strings::HELP_SCROLL,
    );
    // Scroll no further than the last line.
    let max_scroll = (rows as u16).saturating_sub(height.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max_scroll), 0)),
        area_inner,
    );
}
