//! The help overlay: every key of the context that had the keyboard, from the keymap that also
//! drives dispatch, grouped by the tables of the context's chain, with where the keys came from.

use crate::tui::i18n::t;
use crate::tui::i18n::{context_title, keys_label};
use crate::tui::keymap::{Action, Context, Keymap, config_candidates};
use crate::tui::style::{Theme, marker_name, theme_name};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The help rows of a context: (keys as shown, what the action does), per table in its chain.
pub fn rows(keys: &Keymap, ctx: Context) -> Vec<(Context, Vec<(String, &'static str)>)> {
    let mut seen: Vec<Action> = Vec::new();
    ctx.chain()
        .iter()
        .map(|table| {
            let mut rows = Vec::new();
            for (a, chords) in keys.table(*table) {
                if !seen.contains(&a) {
                    seen.push(a);
                    rows.push((keys_label(chords), crate::tui::i18n::action_help(a)));
                }
            }
            (*table, rows)
        })
        .collect()
}

/// Where the keys came from, and where a user's own keymap is looked for.
pub fn source_line(keys: &Keymap) -> String {
    match &keys.source {
        Some(p) => t().keymap_from(&p.display().to_string()),
        None => t().keymap_default(
            &config_candidates()
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(t().or),
        ),
    }
}

/// Draws the help of `ctx`; `scroll` lines are skipped at the top when it does not fit.
pub fn draw(
    frame: &mut Frame,
    theme: &Theme,
    keys: &Keymap,
    ctx: Context,
    area: Rect,
    scroll: u16,
) {
    let groups = rows(keys, ctx);
    let key_w = groups
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(k, _)| k.chars().count()))
        .max()
        .unwrap_or(8)
        + 2;
    let mut lines: Vec<Line> = Vec::new();
    for (table, rows) in groups.iter().filter(|(_, r)| !r.is_empty()) {
        if groups.len() > 1 {
            lines.push(Line::from(Span::styled(
                context_title(*table),
                theme.title().add_modifier(Modifier::UNDERLINED),
            )));
        }
        for (k, what) in rows {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{k:<key_w$}"),
                    theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
                ),
                Span::styled(*what, theme.base()),
            ]));
        }
    }
    // Where the keys come from, and the theme and line style on screen, stay in view below the
    // rows, however far they scroll.
    let source = Line::from(Span::styled(source_line(keys), theme.dimmed()));
    let shown = Line::from(Span::styled(
        t().display_now(theme_name(theme.kind), marker_name(theme.marker)),
        theme.dimmed(),
    ));
    let width = (area.width.saturating_sub(4)).min(96);
    // Wrapped lines take more rows: count them so the closing hint is never cut off.
    let inner = width.saturating_sub(2).max(1) as usize;
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let footer =
        (source.width().max(1).div_ceil(inner) + shown.width().max(1).div_ceil(inner)) as u16 + 1;
    let height = (rows as u16 + footer + 2).min(area.height);
    let hint = keys.hint(Context::Help, &[Action::Down, Action::Cancel]);
    let area_inner = super::frame_popup(
        frame,
        theme,
        area,
        (width, height),
        &format!("{} · {}", t().help_title, context_title(ctx)),
        &hint,
    );
    let [body, bottom] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(footer)]).areas(area_inner);
    // Scroll no further than the last line.
    let max_scroll = (rows as u16).saturating_sub(body.height);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max_scroll), 0)),
        body,
    );
    frame.render_widget(
        Paragraph::new(vec![Line::raw(""), source, shown]).wrap(Wrap { trim: false }),
        bottom,
    );
}
