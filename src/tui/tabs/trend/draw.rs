//! The trend screen: series browser beside the chart, legend with cursor values below it.

use super::Focus;
use crate::model::number::format_auto;
use crate::tui::app::App;
use crate::tui::components::browser::Node;
use crate::tui::components::chart::TrendChart;
use crate::tui::strings;
use crate::tui::style::symbol;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let layout = app.trend.layout(area);
    draw_browser(frame, app, layout.browser);
    draw_chart(frame, app, layout.chart);
    draw_legend(frame, app, layout.legend);
    if let Some(notes) = layout.notes {
        draw_notes(frame, app, notes);
    }
}

fn pane(app: &App, title: &str, focused: bool) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.shared.theme.block_border(focused))
        .title(Span::styled(format!(" {title} "), app.shared.theme.title()))
        .style(app.shared.theme.base())
}

fn draw_browser(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let t = &app.trend;
    let items: Vec<ListItem> = t
        .browser
        .rows()
        .iter()
        .map(|row| {
            let indent = "  ".repeat(row.depth as usize);
            let mut spans = vec![Span::raw(indent)];
            match (&row.node, row.expanded) {
                (_, Some(open)) => {
                    spans.push(Span::styled(if open { "▾ " } else { "▸ " }, theme.dimmed()));
                    let style = if row.depth == 0 {
                        theme.base().add_modifier(Modifier::BOLD)
                    } else {
                        theme.base()
                    };
                    spans.push(Span::styled(row.text.clone(), style));
                }
                (Node::Series { series }, None) => {
                    let key = &app.dataset().series[*series].key;
                    match t.selection.iter().find(|(k, _)| k == key) {
                        Some((_, slot)) => spans.push(Span::styled(
                            format!("{} ", symbol(*slot, false)),
                            theme.series(*slot).add_modifier(Modifier::BOLD),
                        )),
                        None => spans.push(Span::styled("· ", theme.dimmed())),
                    }
                    spans.push(Span::styled(row.text.clone(), theme.base()));
                }
                _ => spans.push(Span::raw(row.text.clone())),
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let focused = t.focus == Focus::Browser;
    let list = List::new(items)
        .block(pane(app, strings::PANE_SERIES, focused))
        .highlight_style(theme.selected())
        .highlight_symbol(if focused { "▶" } else { " " });
    let mut state = ListState::default()
        .with_selected(Some(t.browser.selected))
        .with_offset(t.browser_offset);
    frame.render_stateful_widget(list, area, &mut state);
}

fn draw_chart(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.trend;
    let title = chart_title(app);
    let block = pane(app, &title, t.focus == Focus::Chart);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let notes = t.axis_notes();
    frame.render_widget(
        TrendChart {
            model: &t.chart,
            theme: &app.shared.theme,
            cursor: t.cursor_period(),
            range: t.range_start.and(t.selected_range()),
            notes: &notes,
        },
        inner,
    );
}

fn chart_title(app: &App) -> String {
    let mut inds: Vec<String> = app
        .trend
        .chart
        .series
        .iter()
        .map(|s| format!("{} · {}", s.key.domein, s.indicator_label))
        .collect();
    inds.dedup();
    let what = match inds.len() {
        0 => strings::PANE_CHART.to_string(),
        1 => inds.remove(0),
        _ => inds.join(" | "),
    };
    format!(
        "{what} · {}",
        strings::granularity_label(app.trend.granularity)
    )
}

fn draw_legend(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let cursor = app.trend.cursor_period();
    let inner_width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for s in &app.trend.chart.series {
        let value = cursor.map(|c| match s.at(&c) {
            Some(p) => {
                let mut v = format_auto(p.y, 2);
                if p.provisional {
                    v.push_str(" (voorlopig)");
                }
                v
            }
            None if app
                .dataset()
                .find(&s.key)
                .and_then(|x| x.value_at(&c))
                .is_some() =>
            {
                strings::unknown_value().to_string()
            }
            None => strings::no_value().to_string(),
        });
        let mut left = vec![
            Span::styled(
                format!("{} ", symbol(s.slot, false)),
                theme.series(s.slot).add_modifier(Modifier::BOLD),
            ),
            Span::styled(s.label.clone(), theme.series(s.slot)),
            Span::styled(
                format!(" — {} ({})", s.indicator_label, s.unit),
                theme.dimmed(),
            ),
        ];
        if s.synthetic {
            left.push(Span::styled(
                format!(" [{}]", strings::SYNTHETIC),
                theme.dimmed(),
            ));
        }
        if let Some(note) = &s.note {
            left.push(Span::styled(format!(" ⚠ {note}"), theme.warning()));
        }
        let right = value.unwrap_or_default();
        let room = inner_width.saturating_sub(right.chars().count() + 1);
        let left = truncate_spans(left, room);
        let used: usize = left.iter().map(|sp| sp.content.chars().count()).sum();
        let pad = inner_width
            .saturating_sub(used + right.chars().count())
            .max(1);
        let mut left = left;
        left.push(Span::raw(" ".repeat(pad)));
        left.push(Span::styled(
            right,
            theme.base().add_modifier(Modifier::BOLD),
        ));
        lines.push(Line::from(left));
    }
    if app.trend.chart.series.iter().any(|s| s.has_provisional()) {
        lines.push(Line::from(Span::styled(
            strings::PROVISIONAL_LEGEND,
            theme.dimmed(),
        )));
    }
    if let Some(c) = cursor {
        let title = strings::cursor_title(&c.dutch_long());
        let block = pane(app, &format!("{} · {title}", strings::PANE_LEGEND), false);
        frame.render_widget(Paragraph::new(lines).block(block), area);
    } else {
        let block = pane(app, strings::PANE_LEGEND, false);
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

/// Cuts spans to at most `width` characters, ending in "…" when cut.
fn truncate_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    if total <= width {
        return spans;
    }
    let mut out = Vec::new();
    let mut left = width.saturating_sub(1);
    for s in spans {
        let n = s.content.chars().count();
        if n <= left {
            left -= n;
            out.push(s);
        } else {
            let cut: String = s.content.chars().take(left).collect();
            out.push(Span::styled(format!("{cut}…"), s.style));
            break;
        }
    }
    out
}

fn draw_notes(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let focused = app.trend.focus == Focus::Notes;
    let notes = &app.trend.notes;
    let block = pane(app, strings::PANE_NOTES, focused);
    if notes.is_empty() {
        let text = if app.shared.session.is_some() {
            strings::NOTES_EMPTY
        } else {
            strings::NO_SESSION
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dimmed())
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let items: Vec<ListItem> = notes
        .iter()
        .map(|a| {
            let mut spans = vec![Span::styled(
                format!("{} ", a.soort.marker()),
                theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
            )];
            if let Some(st) = a.status {
                spans.push(Span::styled(format!("[{}] ", st.dutch()), theme.warning()));
            }
            let period = match a.anker.range() {
                (f, t) if f != t => format!("{}–{}", f.dutch_short(), t.dutch_short()),
                (f, _) => f.dutch_short(),
            };
            spans.push(Span::styled(
                format!("{period} · {}", a.rol.dutch()),
                theme.dimmed(),
            ));
            ListItem::new(vec![
                Line::from(spans),
                Line::from(Span::styled(
                    format!("  {}", a.tekst.lines().next().unwrap_or_default()),
                    theme.base(),
                )),
            ])
        })
        .collect();
    let view = app.trend.notes_view;
    let selected = focused.then_some(view.selected.min(notes.len() - 1));
    let mut state = ListState::default()
        .with_selected(selected)
        .with_offset(view.offset);
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected()),
        area,
        &mut state,
    );
}
