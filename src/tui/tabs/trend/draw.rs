//! The trend screen: series browser beside the chart, legend with cursor values below it.

use super::Focus;
use crate::model::Period;
use crate::model::disclosure::Disclosure;
use crate::tui::app::App;
use crate::tui::components::browser::Node;
use crate::tui::components::chart_model::{ChartModel, ChartSeries, MarkKind};
use crate::tui::components::text::{fit_middle, wrap_words};
use crate::tui::i18n::{SMALL_MARK, first_key, t};
use crate::tui::keymap::{Action, Context};
use crate::tui::style::symbol;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

mod researched;

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
    super::draw_body(frame, app, inner);
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
    let length = trend.length_label();
    // The view's name (and its one source) last: the period length is shorter and must show.
    let length = match trend.kind.is_trend() {
        true => length,
        false => format!("{length} · {}", trend.view_label(&app.shared.dataset)),
    };
    match &trend.chart.transform {
        Some(tf) => {
            let age = trend.transform_age(&app.shared.dataset);
            format!("{what} · {length} · {}", t().transform_name(tf, age))
        }
        None => format!("{what} · {length}"),
    }
}

pub(crate) fn draw_legend(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    let chart = &app.trend.chart;
    let cursor = app.trend.cursor_period();
    let inner_width = area.width.saturating_sub(2) as usize;
    let provisional = chart.series.iter().any(|s| s.has_provisional());
    // The readout gives way first: the series' values matter more than their differences.
    let readout = super::readout::line_count(&app.trend);
    let rows = area.height.saturating_sub(2) as usize;
    let extra = legend_extra_rows(app, inner_width);
    let show_readout = chart.series.len() + extra <= rows;
    let others = extra - if show_readout { 0 } else { readout };
    // Two lines a series (its name, then what it is) when a line is too short and rows allow.
    let needed = legend_rows(chart, inner_width);
    let wrap = needed > chart.series.len() && needed + others <= rows;
    // Panel by panel, so the readout names values per panel, each with its unit.
    let per_panel = chart.panels.len() > 1;
    let order: Vec<&ChartSeries> = (chart.panels.iter())
        .flat_map(|p| p.series.iter().map(|i| &chart.series[*i]))
        .collect();
    // More series than rows: side by side in columns, so none is cut off.
    let free = rows.saturating_sub(others).max(1);
    let columns = if wrap {
        1
    } else {
        order
            .len()
            .div_ceil(free)
            .clamp(1, (inner_width / MIN_COLUMN).max(1))
    };
    let column_width = (inner_width + 1) / columns - 1;
    let entries: Vec<Line> = (order.iter())
        .flat_map(|s| legend_entry(app, s, cursor, column_width, wrap, per_panel))
        .collect();
    let mut lines = in_columns(entries, columns);
    for s in &chart.left_out {
        let why = t().left_out_unit(&s.unit, crate::analysis::chart::MAX_PANELS);
        let name = fit_middle(&s.label, inner_width.saturating_sub(why.len() + 5).max(12));
        let text = format!("{} {name} ⚠ {why}", symbol(&s.identity, false));
        lines.push(Line::from(Span::styled(
            fit_middle(&text, inner_width),
            theme.warning(),
        )));
    }
    lines.extend(marks_at_cursor(app, inner_width));
    if show_readout {
        lines.extend(super::readout::lines(app, inner_width));
    }
    if provisional {
        lines.push(Line::from(Span::styled(
            t().provisional_legend,
            theme.dimmed(),
        )));
    }
    if !chart.band.is_empty() {
        lines.push(Line::from(Span::styled(t().season_band(), theme.dimmed())));
    }
    lines.extend(researched::lines(app, inner_width));
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

/// The events and breaks over the cursor's period, in full (wrapped, not shortened: the room
/// reads them whole), with their number on the axis.
fn marks_at_cursor(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.shared.theme;
    let Some(c) = app.trend.cursor_period() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (n, m) in app.trend.chart.marks_at(&c) {
        let (sym, style) = match m.kind {
            MarkKind::Event => ("◆", theme.base().fg(theme.accent)),
            MarkKind::Break => ("╫", theme.warning()),
        };
        let head = format!("{sym}{n} ");
        for (i, part) in mark_lines(&m.text, &head, width).into_iter().enumerate() {
            let lead = if i == 0 {
                head.clone()
            } else {
                " ".repeat(head.chars().count())
            };
            lines.push(Line::from(Span::styled(format!("{lead}{part}"), style)));
        }
    }
    lines
}

/// The legend's rows besides the series in a legend `width` wide: what is left off the axis,
/// the events and breaks at the cursor (wrapped), the readout and the voorlopig note.
pub(crate) fn legend_extra_rows(app: &App, width: usize) -> usize {
    let chart = &app.trend.chart;
    let marks = mark_rows(chart, app.trend.cursor_period(), width);
    let provisional = chart.series.iter().any(|s| s.has_provisional());
    let band = usize::from(!chart.band.is_empty());
    chart.left_out.len()
        + marks
        + usize::from(provisional)
        + band
        + super::readout::line_count(&app.trend)
        + researched::rows(app, width)
}

/// The lines of an event or break's text after its mark `head` ("◆3 "), in a legend `width`
/// wide; continuation lines are indented as far as the mark.
fn mark_lines(text: &str, head: &str, width: usize) -> Vec<String> {
    wrap_words(text, width.saturating_sub(head.chars().count()).max(8))
}

/// The rows the events and breaks over `cursor` take in a legend `width` wide.
pub(super) fn mark_rows(chart: &ChartModel, cursor: Option<Period>, width: usize) -> usize {
    let marks = cursor.map_or(Vec::new(), |c| chart.marks_at(&c));
    (marks.iter())
        .map(|(n, m)| mark_lines(&m.text, &format!("◆{n} "), width).len())
        .sum()
}

/// Narrowest legend column: a mark, a shortened name with its breakdown, a value.
const MIN_COLUMN: usize = 26;

/// `entries` in `columns` columns, filled top to bottom then left to right, one space apart.
fn in_columns(entries: Vec<Line<'static>>, columns: usize) -> Vec<Line<'static>> {
    if columns <= 1 {
        return entries;
    }
    let per_column = entries.len().div_ceil(columns);
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new(); per_column];
    for (i, line) in entries.into_iter().enumerate() {
        let row = &mut rows[i % per_column];
        if !row.is_empty() {
            row.push(Span::raw(" "));
        }
        row.extend(line.spans);
    }
    rows.into_iter().map(Line::from).collect()
}

/// Room kept for a value at the cursor ("10.200.898 euro").
const VALUE_ROOM: usize = 16;

/// Rows the series of `chart` take in a legend `width` wide when a series whose line does not
/// fit gets a second one: the layout asks for them when there is room.
pub(crate) fn legend_rows(chart: &ChartModel, width: usize) -> usize {
    let one_line = |s: &ChartSeries| {
        let details: usize = details(s, false).iter().map(|d| d.0.chars().count()).sum();
        2 + s.label.chars().count() + details + VALUE_ROOM <= width
    };
    (chart.series.iter())
        .map(|s| if one_line(s) { 1 } else { 2 })
        .sum()
}

/// What a series is, after its name: indicator and unit, conversion, synthetic, why it is empty,
/// a small count at the cursor (`small`); `true` for a warning.
fn details(s: &ChartSeries, small: bool) -> Vec<(String, bool)> {
    let mut out = vec![(format!(" — {} ({})", s.indicator_label, s.unit), false)];
    if let Some(from) = &s.converted_from {
        out.push((format!(" {}", t().converted_from(from)), false));
    }
    if s.synthetic {
        out.push((format!(" [{}]", t().synthetic), false));
    }
    if let Some(note) = &s.note {
        out.push((format!(" ⚠ {}", t().agg_error(note)), true));
    }
    if small {
        out.push((format!(" {SMALL_MARK} {}", t().small_count), true));
    }
    out
}

/// Is the value of `s` at the cursor a small count of a source from records?
fn small_at(app: &App, s: &ChartSeries, cursor: Option<Period>) -> bool {
    let rule = Disclosure::of(&app.dataset().meta, false);
    cursor
        .and_then(|c| s.at(&c))
        .is_some_and(|p| rule.hides(&s.key.bron, p.y))
}

/// One series in the legend: its mark and name (shortened in the middle, so the breakdown that
/// tells it apart stays), what it is, and its value at the cursor — on one line, or with `wrap`
/// what it is on a second. `with_unit`: the value names its unit (panels differ in unit).
fn legend_entry(
    app: &App,
    s: &ChartSeries,
    cursor: Option<Period>,
    width: usize,
    wrap: bool,
    with_unit: bool,
) -> Vec<Line<'static>> {
    let theme = &app.shared.theme;
    let mut right = cursor.map(|c| value_at(app, s, &c)).unwrap_or_default();
    if with_unit && cursor.is_some() {
        right = format!("{right} {}", s.unit);
    }
    let small = small_at(app, s, cursor);
    if small {
        right = format!("{right} {SMALL_MARK}");
    }
    let room = width.saturating_sub(right.chars().count() + 1);
    let mark = Span::styled(
        format!("{} ", symbol(&s.identity, false)),
        theme.series(&s.identity).add_modifier(Modifier::BOLD),
    );
    let style_of = |warn: bool| {
        if warn {
            theme.warning()
        } else {
            theme.dimmed()
        }
    };
    let details: Vec<Span<'static>> = (details(s, small).into_iter())
        .map(|(text, warn)| Span::styled(text, style_of(warn)))
        .collect();
    let label_len = s.label.chars().count();
    let details_len: usize = details.iter().map(|d| d.content.chars().count()).sum();
    // The name first: what it is gets what the name leaves, never the other way round.
    let name_room = room.saturating_sub(2);
    let name = Span::styled(fit_middle(&s.label, name_room), theme.series(&s.identity));
    let value = Span::styled(right, theme.base().add_modifier(Modifier::BOLD));
    let pad = |used: usize, value: &Span| {
        let n = width.saturating_sub(used + value.content.chars().count());
        Span::raw(" ".repeat(n.max(1)))
    };
    if wrap && label_len + details_len > name_room {
        let used = 2 + name.content.chars().count();
        let first = Line::from(vec![mark, name, pad(used, &value), value]);
        let mut second = vec![Span::raw("  ")];
        let mut details = details;
        if let Some(d) = details.first_mut() {
            d.content = d.content.trim_start_matches(" — ").to_string().into();
        }
        second.extend(truncate_spans(details, width.saturating_sub(2)));
        return vec![first, Line::from(second)];
    }
    let mut left = vec![mark, name];
    let used = 2 + label_len.min(name_room);
    left.extend(truncate_spans(details, room.saturating_sub(used)));
    let used: usize = left.iter().map(|sp| sp.content.chars().count()).sum();
    left.push(pad(used, &value));
    left.push(value);
    vec![Line::from(left)]
}

/// The value of `s` at `c` as the legend reads it: the figure (voorlopig marked), "onbekend" for
/// a figure delivered as unknown, or the no-value mark.
fn value_at(app: &App, s: &ChartSeries, c: &Period) -> String {
    match s.at(c) {
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
            .and_then(|x| x.value_at(c))
            .is_some() =>
        {
            t().unknown_value.to_string()
        }
        None => crate::tui::i18n::NO_VALUE.to_string(),
    }
}

/// Cuts spans to at most `width` characters, ending in "…" when cut.
pub(super) fn truncate_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    if total <= width {
        return spans;
    }
    if width == 0 {
        return Vec::new();
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
