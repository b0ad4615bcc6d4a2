//! The trend screen: series browser beside the chart, legend with cursor values below it.

use super::Focus;
use crate::model::Period;
use crate::tui::app::App;
use crate::tui::components::browser::Node;
use crate::tui::components::chart::TrendChart;
use crate::tui::components::chart_model::{ChartSeries, MarkKind};
use crate::tui::components::text::fit_middle;
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
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
    let trend = &app.trend;
    // Borders and the highlight mark take three columns.
    let room = area.width.saturating_sub(3) as usize;
    let items: Vec<ListItem> = trend
        .browser
        .rows()
        .iter()
        .map(|row| {
            let indent = "  ".repeat(row.depth as usize);
            // A series row shortens in the middle so what tells series apart (the wijk, the
            // aanbieder) stays; other rows are cut at the end by the list.
            let text = match row.node {
                Node::Series { .. } => fit_middle(&row.text, room.saturating_sub(indent.len() + 2)),
                _ => row.text.clone(),
            };
            let mut spans = vec![Span::raw(indent)];
            match (&row.node, row.expanded) {
                (_, Some(open)) => {
                    spans.push(Span::styled(if open { "▾ " } else { "▸ " }, theme.dimmed()));
                    let style = if row.depth == 0 {
                        theme.base().add_modifier(Modifier::BOLD)
                    } else {
                        theme.base()
                    };
                    spans.push(Span::styled(text, style));
                }
                (Node::Series { series }, None) => {
                    let key = &app.dataset().series[*series].key;
                    // The browser shows a charted series with its line's symbol and colour.
                    match trend.chart.series.iter().find(|s| s.key == *key) {
                        Some(s) => spans.push(Span::styled(
                            format!("{} ", symbol(&s.identity, false)),
                            theme.series(&s.identity).add_modifier(Modifier::BOLD),
                        )),
                        None => spans.push(Span::styled("· ", theme.dimmed())),
                    }
                    spans.push(Span::styled(text, theme.base()));
                }
                _ => spans.push(Span::raw(text)),
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let focused = trend.focus == Focus::Browser;
    let list = List::new(items)
        .block(pane(app, t().pane_series, focused))
        .highlight_style(theme.selected())
        .highlight_symbol(if focused { "▶" } else { " " });
    let mut state = ListState::default()
        .with_selected(Some(trend.browser.selected))
        .with_offset(trend.browser_offset);
    frame.render_stateful_widget(list, area, &mut state);
}

fn draw_chart(frame: &mut Frame, app: &App, area: Rect) {
    let trend = &app.trend;
    let title = chart_title(app);
    let block = pane(app, &title, trend.focus == Focus::Chart);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let notes = trend.axis_notes();
    frame.render_widget(
        TrendChart {
            model: &trend.chart,
            theme: &app.shared.theme,
            cursor: trend.cursor_period(),
            range: trend.range_start.and(trend.selected_range()),
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
        0 => t().pane_chart.to_string(),
        1 => inds.remove(0),
        _ => inds.join(" | "),
    };
    let trend = &app.trend;
    let length = match (trend.granularity, trend.shown) {
        (None, Some(g)) => t().granularity_aligned(g),
        (chosen, _) => t().granularity_label(chosen),
    };
    format!("{what} · {length}")
}

fn draw_legend(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let cursor = app.trend.cursor_period();
    let inner_width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = (app.trend.chart.series.iter())
        .map(|s| legend_line(app, s, cursor, inner_width))
        .collect();
    // The events and breaks over the cursor's period, in full, with their number on the axis.
    for (n, m) in cursor.map_or(Vec::new(), |c| app.trend.chart.marks_at(&c)) {
        let (sym, style) = match m.kind {
            MarkKind::Event => ("◆", theme.base().fg(theme.accent)),
            MarkKind::Break => ("╫", theme.warning()),
        };
        let text = format!("{sym}{n} {}", m.text);
        lines.push(Line::from(Span::styled(
            fit_middle(&text, inner_width),
            style,
        )));
    }
    if app.trend.chart.series.iter().any(|s| s.has_provisional()) {
        lines.push(Line::from(Span::styled(
            t().provisional_legend,
            theme.dimmed(),
        )));
    }
    let title = match cursor {
        Some(c) => format!(
            "{} · {}",
            t().pane_legend,
            t().cursor_title(&t().period_long(&c))
        ),
        None => t().pane_legend.to_string(),
    };
    let block = pane(app, &title, false);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// One series in the legend: its mark and name, what it is, and its value at the cursor.
fn legend_line(
    app: &App,
    s: &ChartSeries,
    cursor: Option<Period>,
    inner_width: usize,
) -> Line<'static> {
    let theme = &app.shared.theme;
    let value = cursor.map(|c| match s.at(&c) {
        Some(p) => {
            let mut v = t().num(p.y, 2);
            if p.provisional {
                v.push_str(t().provisional_value);
            }
            v
        }
        None if app
            .dataset()
            .find(&s.key)
            .and_then(|x| x.value_at(&c))
            .is_some() =>
        {
            t().unknown_value.to_string()
        }
        None => crate::tui::i18n::NO_VALUE.to_string(),
    });
    let mut left = vec![
        Span::styled(
            format!("{} ", symbol(&s.identity, false)),
            theme.series(&s.identity).add_modifier(Modifier::BOLD),
        ),
        // The label's tail (regio, wijk, aanbieder) tells 50 gemeenten apart: it stays.
        Span::styled(
            match s.label.contains(" · ") {
                true => fit_middle(&s.label, legend_room(inner_width, value.as_deref())),
                false => s.label.clone(),
            },
            theme.series(&s.identity),
        ),
        Span::styled(
            format!(" — {} ({})", s.indicator_label, s.unit),
            theme.dimmed(),
        ),
    ];
    if let Some(from) = &s.converted_from {
        left.push(Span::styled(
            format!(" {}", t().converted_from(from)),
            theme.dimmed(),
        ));
    }
    if s.synthetic {
        left.push(Span::styled(
            format!(" [{}]", t().synthetic),
            theme.dimmed(),
        ));
    }
    if let Some(note) = &s.note {
        let note = t().agg_error(note);
        left.push(Span::styled(format!(" ⚠ {note}"), theme.warning()));
    }
    let right = value.unwrap_or_default();
    let room = inner_width.saturating_sub(right.chars().count() + 1);
    let mut left = truncate_spans(left, room);
    let used: usize = left.iter().map(|sp| sp.content.chars().count()).sum();
    let pad = inner_width
        .saturating_sub(used + right.chars().count())
        .max(1);
    left.push(Span::raw(" ".repeat(pad)));
    left.push(Span::styled(
        right,
        theme.base().add_modifier(Modifier::BOLD),
    ));
    Line::from(left)
}

/// Room for a legend line's text: the width less its mark and its value at the cursor.
fn legend_room(inner_width: usize, value: Option<&str>) -> usize {
    let value = value.map_or(0, |v| v.chars().count());
    // 2 for the mark, 1 before the value, 1 for the "…" that ends a cut line.
    inner_width.saturating_sub(value + 4)
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
    let block = pane(app, t().pane_notes, focused);
    if notes.is_empty() {
        let text = if app.shared.session.is_some() {
            let key = |a| first_key(&app.shared.keymap, Context::Trend, a);
            t().notes_empty(&key(Action::ToggleRange), &key(Action::Annotate))
        } else {
            t().no_session.to_string()
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
                format!("{} ", a.kind.marker()),
                theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
            )];
            if let Some(st) = a.status {
                spans.push(Span::styled(
                    format!("[{}] ", t().question_status(st)),
                    theme.warning(),
                ));
            }
            let period = match a.anchor.range() {
                (from, to) if from != to => {
                    format!("{}–{}", t().period_short(&from), t().period_short(&to))
                }
                (from, _) => t().period_short(&from),
            };
            // Who said it, and for a question or action who follows it up.
            let mut said = format!("{period} · {}", t().who(a));
            if a.kind.has_status() && !a.owner.is_empty() {
                said.push_str(&format!(" · {}: {}", t().owner, a.owner));
            }
            spans.push(Span::styled(said, theme.dimmed()));
            ListItem::new(vec![
                Line::from(spans),
                Line::from(Span::styled(
                    format!("  {}", a.text.lines().next().unwrap_or_default()),
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
