//! Drawing review mode: title with tabs, the filter line, the session list with counts, the
//! annotations grouped by indicator or the question backlog, a detail pane, the status line.

use super::{InputKind, ReviewApp, ReviewFocus, ReviewTab};
use crate::session::backlog::BacklogItem;
use crate::session::programme::Programme;
use crate::session::{Annotation, AnnotationKind, QuestionStatus, Session};
use crate::tui::i18n::{DASH, t};
use crate::tui::style::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

/// Draws review mode, or the chart opened from it.
pub fn draw(frame: &mut Frame, app: &ReviewApp) {
    if let Some(chart) = &app.chart {
        crate::tui::draw(frame, chart);
        return;
    }
    let area = frame.area();
    let theme = app.theme.clone();
    if crate::tui::clear_or_too_small(frame, &theme) {
        return;
    }
    let [header, filters, body, status] = regions(area);
    draw_header(frame, app, &theme, header);
    draw_filters(frame, app, &theme, filters);
    match app.tab {
        ReviewTab::Notes => draw_notes_tab(frame, app, &theme, body),
        ReviewTab::Questions => draw_questions_tab(frame, app, &theme, body),
    }
    let ctx = app.context();
    let hints = match app.background.current() {
        Some((task, progress)) => crate::tui::busy_text(task, progress),
        None => app.keymap.hint(ctx, crate::tui::hint_actions(ctx)),
    };
    crate::tui::status_line(frame, &theme, app.message.as_deref(), &hints, status);
    if let Some(scroll) = app.help {
        let ctx = app.list_context();
        crate::tui::popups::help::draw(frame, &theme, &app.keymap, ctx, area, scroll);
    }
}

fn draw_header(frame: &mut Frame, app: &ReviewApp, theme: &Theme, area: Rect) {
    let tabs = [
        (ReviewTab::Notes, t().review_tab_notes),
        (ReviewTab::Questions, t().review_tab_questions),
    ];
    let mut title = crate::tui::tab_bar(
        theme,
        tabs.iter().map(|(tab, name)| (*name, app.tab == *tab)),
    );
    title.spans.push(Span::styled(
        format!("  {} · {}", t().review_mode, app.folder),
        theme.base().fg(theme.accent),
    ));
    frame.render_widget(Paragraph::new(title).style(theme.base()), area);
}

fn draw_filters(frame: &mut Frame, app: &ReviewApp, theme: &Theme, area: Rect) {
    let f = &app.filter;
    let all = t().all;
    let typing = |kind: InputKind| match &app.input {
        Some((k, text)) if *k == kind => Some(format!("{text}█")),
        _ => None,
    };
    let search = typing(InputKind::Search).unwrap_or_else(|| f.text.clone());
    let period = typing(InputKind::Period).unwrap_or_else(|| {
        if f.period_text.is_empty() {
            all.to_string()
        } else {
            f.period_text.clone()
        }
    });
    let fields: [(&str, String, bool); 6] = [
        (t().review_search, search.clone(), !search.is_empty()),
        (
            t().review_kind,
            f.kind.map_or(all, |k| t().kind(k)).to_string(),
            f.kind.is_some(),
        ),
        (
            t().review_status,
            f.status.map_or(all, |s| t().question_status(s)).to_string(),
            f.status.is_some(),
        ),
        (
            t().review_domain,
            f.domain.clone().unwrap_or_else(|| all.to_string()),
            f.domain.is_some(),
        ),
        (
            t().review_role,
            f.role.map_or(all, |r| t().role(r)).to_string(),
            f.role.is_some(),
        ),
        (
            t().review_period,
            period,
            f.period.is_some() || typing(InputKind::Period).is_some(),
        ),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (i, (label, value, active)) in fields.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dimmed()));
        }
        spans.push(Span::styled(format!("{label}: "), theme.dimmed()));
        let style = if active {
            theme.base().fg(theme.accent).add_modifier(Modifier::BOLD)
        } else {
            theme.base()
        };
        spans.push(Span::styled(value, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.base()), area);
}

fn pane(theme: &Theme, title: String, focused: bool) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.block_border(focused))
        .title(Span::styled(format!(" {title} "), theme.title()))
}

/// "o3 v4 d2 ?3 !3": the number of annotations per kind, by their axis markers.
fn kind_counts(s: &Session) -> String {
    AnnotationKind::ALL
        .iter()
        .filter_map(|k| {
            let n = s.annotations.iter().filter(|a| a.kind == *k).count();
            (n > 0).then(|| format!("{}{n}", k.marker()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Title bar, filter line, body and status line of review mode.
pub(super) fn regions(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The annotations tab's body: the session list left, the annotations right.
pub(super) fn notes_columns(body: Rect) -> [Rect; 2] {
    let left_w = (body.width * 2 / 5).clamp(30, 56);
    Layout::horizontal([Constraint::Length(left_w), Constraint::Min(20)]).areas(body)
}

fn draw_notes_tab(frame: &mut Frame, app: &ReviewApp, theme: &Theme, area: Rect) {
    let [left, right] = notes_columns(area);
    draw_sessions(frame, app, theme, left);
    let [list, detail] = Layout::vertical([Constraint::Min(4), Constraint::Length(9)]).areas(right);
    let notes = app.visible_notes();
    let block = pane(
        theme,
        t().review_notes_title(notes.len(), app.total_notes()),
        app.focus == ReviewFocus::Notes,
    );
    if let Some(b) = app.selected_broken() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(
                    format!("{} {}", b.name, t().review_broken),
                    theme.warning(),
                )),
                Line::raw(""),
                Line::from(Span::styled(b.error.clone(), theme.base())),
            ])
            .wrap(Wrap { trim: false })
            .block(block),
            list,
        );
        frame.render_widget(pane(theme, t().review_detail.into(), false), detail);
        return;
    }
    if notes.is_empty() {
        frame.render_widget(
            Paragraph::new(t().review_no_notes)
                .style(theme.dimmed())
                .block(block),
            list,
        );
        frame.render_widget(pane(theme, t().review_detail.into(), false), detail);
        return;
    }
    // Indicator headings between the groups; the selection counts annotations only.
    let mut items: Vec<ListItem> = Vec::new();
    let mut selected_row = 0;
    let mut group: Option<(&str, &str)> = None;
    let inner_w = list.width.saturating_sub(4) as usize;
    for (n, (i, a)) in notes.iter().enumerate() {
        let key = (a.anchor.domain.as_str(), a.anchor.indicator.as_str());
        if group != Some(key) {
            group = Some(key);
            items.push(ListItem::new(Line::from(Span::styled(
                format!("{} · {}", key.0, key.1),
                theme.title().add_modifier(Modifier::BOLD),
            ))));
        }
        if n == app.note_selected {
            selected_row = items.len();
        }
        items.push(ListItem::new(note_line(app, theme, *i, a, inner_w)));
    }
    let mut state = ListState::default().with_selected(Some(selected_row));
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(if app.focus == ReviewFocus::Notes {
                theme.selected()
            } else {
                Style::default().add_modifier(Modifier::BOLD)
            })
            .highlight_symbol("▶ "),
        list,
        &mut state,
    );
    if let Some((i, a)) = notes.get(app.note_selected) {
        draw_note_detail(frame, app, theme, *i, a, detail);
    }
}

fn note_line<'a>(
    app: &ReviewApp,
    theme: &Theme,
    i: usize,
    a: &Annotation,
    width: usize,
) -> Line<'a> {
    let status = app
        .status_of(i, a)
        .map(|s| {
            let text = app.merges.status_text(i, a.id, t().question_status(s));
            format!(" [{text}]")
        })
        .unwrap_or_default();
    let head = format!(
        "{} {:<11} {}{status} ",
        a.kind.marker(),
        t().date_short(app.sessions[i].session.date),
        t().anchor_period(&a.anchor)
    );
    let text = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let room = width.saturating_sub(head.chars().count()).max(10);
    let text: String = if text.chars().count() > room {
        let cut: String = text.chars().take(room.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        text
    };
    Line::from(vec![
        Span::styled(head, theme.base().fg(theme.accent)),
        Span::styled(text, theme.base()),
    ])
}

fn draw_note_detail(
    frame: &mut Frame,
    app: &ReviewApp,
    theme: &Theme,
    i: usize,
    a: &Annotation,
    area: Rect,
) {
    let s = &app.sessions[i];
    let mut meta = format!(
        "{} · {} · {} · {} · {}",
        t().kind(a.kind),
        t().date(s.session.date),
        s.session.title,
        t().who(a),
        a.anchor.sources.join(", ")
    );
    if let Some(regio) = &a.anchor.region {
        meta.push_str(&format!(" · {} {regio}", t().col_region));
    }
    if let Some(st) = app.status_of(i, a) {
        let status = t().question_status(st);
        meta.push_str(" · ");
        match app.merges.merged_into(i, a.id) {
            // Its status is that of the question it went into: say both.
            Some(into) => meta.push_str(&format!(
                "{} ({status})",
                t().review_merged_into(&into.label())
            )),
            None => meta.push_str(&app.merges.status_text(i, a.id, status)),
        }
    }
    if !a.owner.is_empty() {
        meta.push_str(&format!(" · {}", a.owner));
    }
    let mut lines = vec![Line::from(Span::styled(meta, theme.dimmed()))];
    let v = t().differences(&a.anchor);
    if !v.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{}: {v}", t().difference),
            theme.dimmed(),
        )));
    }
    if !a.criteria.is_empty() {
        lines.push(Line::from(Span::styled(
            // The weighed ones only, to keep the text in view in a narrow pane.
            app.programme.weighed(&a.criteria),
            theme.dimmed(),
        )));
    }
    let readings = crate::report::describe_readings(&a.support, &a.disagree);
    if !readings.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{}: {readings}", t().readings_label()),
            theme.dimmed(),
        )));
    }
    lines.extend(
        a.text
            .lines()
            .map(|l| Line::from(Span::styled(l.to_string(), theme.base()))),
    );
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(pane(
            theme,
            format!("{} · {}", t().review_detail, s.name),
            false,
        )),
        area,
    );
}

fn draw_sessions(frame: &mut Frame, app: &ReviewApp, theme: &Theme, area: Rect) {
    let block = pane(
        theme,
        t().review_sessions.to_string(),
        app.focus == ReviewFocus::Sessions,
    );
    if app.sessions.is_empty() && app.broken.is_empty() {
        frame.render_widget(
            Paragraph::new(t().review_no_sessions)
                .wrap(Wrap { trim: true })
                .style(theme.dimmed())
                .block(block),
            area,
        );
        return;
    }
    let mut items = vec![ListItem::new(Line::from(Span::styled(
        t().review_all_sessions(app.total_notes()),
        theme.base().add_modifier(Modifier::BOLD),
    )))];
    for (i, e) in app.sessions.iter().enumerate() {
        // A question merged into another one counts there, not here as well.
        let questions = || {
            e.session
                .annotations
                .iter()
                .filter(|a| a.kind == AnnotationKind::Onderzoeksvraag)
        };
        let merged = questions()
            .filter(|a| app.merges.merged_into(i, a.id).is_some())
            .count();
        let open = questions()
            .filter(|a| app.merges.merged_into(i, a.id).is_none())
            .filter(|a| app.status_of(i, a).is_some_and(|s| s.is_open()))
            .count();
        let mut counts = format!("  {} · {}", kind_counts(&e.session), t().review_open(open));
        if merged > 0 {
            counts.push_str(&format!(" · {}", t().review_merged_count(merged)));
        }
        items.push(ListItem::new(vec![
            Line::from(vec![
                Span::styled(
                    format!("{} ", t().date_short(e.session.date)),
                    theme.base().fg(theme.accent),
                ),
                Span::styled(e.session.title.clone(), theme.base()),
            ]),
            Line::from(Span::styled(counts, theme.dimmed())),
        ]));
    }
    for b in &app.broken {
        items.push(ListItem::new(vec![
            Line::from(Span::styled(format!("⚠ {}", b.name), theme.warning())),
            Line::from(Span::styled(
                format!("  {}", t().review_broken),
                theme.dimmed(),
            )),
        ]));
    }
    let mut state = ListState::default().with_selected(Some(app.session_selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(if app.focus == ReviewFocus::Sessions {
                theme.selected()
            } else {
                Style::default().add_modifier(Modifier::BOLD)
            })
            .highlight_symbol("▶ "),
        area,
        &mut state,
    );
}

/// "urg hoog   ken –      …": each criterion of the programme by its name's first letters.
fn criteria_short(programme: &Programme, item: &BacklogItem) -> String {
    programme
        .criteria
        .iter()
        .map(|c| {
            let short: String = c.name.chars().take(3).collect();
            let level = item.criteria.get(&c.id).unwrap_or(DASH);
            format!("{short} {level:<6}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn draw_questions_tab(frame: &mut Frame, app: &ReviewApp, theme: &Theme, area: Rect) {
    let [list, detail] = Layout::vertical([Constraint::Min(4), Constraint::Length(12)]).areas(area);
    let questions = app.visible_questions();
    let block = pane(
        theme,
        t().review_questions_title(questions.len(), app.backlog.len()),
        true,
    );
    if questions.is_empty() {
        frame.render_widget(
            Paragraph::new(t().review_no_questions)
                .style(theme.dimmed())
                .block(block),
            list,
        );
        return;
    }
    // The status column fits the longest status of the language, and a space.
    let status_w = QuestionStatus::ALL
        .iter()
        .map(|s| t().question_status(*s).chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    let items: Vec<ListItem> = questions
        .iter()
        .map(|item| {
            let status_style = if item.is_open() {
                theme.base().fg(theme.accent)
            } else {
                theme.dimmed()
            };
            let text = item
                .question()
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let code = item.code().map_or_else(String::new, |c| format!("{c} "));
            // Before the text, which a narrow list cuts off.
            let also = if item.origins.len() > 1 {
                format!("({}) ", t().review_merged_count(item.origins.len() - 1))
            } else {
                String::new()
            };
            ListItem::new(Line::from(vec![
                Span::styled(
                    format!("{:<status_w$}", t().question_status(item.status)),
                    status_style,
                ),
                Span::styled(
                    format!("P{:<3}", item.priority()),
                    theme.base().add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!("{}  ", criteria_short(&app.programme, item)),
                    theme.dimmed(),
                ),
                Span::styled(format!("{code}{also}{text}"), theme.base()),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.question_selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected())
            .highlight_symbol("▶ "),
        list,
        &mut state,
    );
    if let Some(item) = questions.get(app.question_selected) {
        draw_question_detail(frame, (&app.programme, item), theme, detail);
    }
}

/// The answer of an answered question, and its links.
fn life_lines(item: &BacklogItem, theme: &Theme) -> Vec<Line<'static>> {
    let code = item.code().map(|c| c.to_string()).unwrap_or_default();
    let mut lines = Vec::new();
    if let Some(a) = &item.answer {
        let said = t().researched(&code, &a.text, &a.result.titel);
        lines.push(Line::from(Span::styled(said, theme.base())));
    }
    if !item.links.is_empty() {
        let links = crate::report::minutes::links_text(&item.links);
        lines.push(Line::from(Span::styled(
            format!("{code} {links}"),
            theme.dimmed(),
        )));
    }
    lines
}

fn draw_question_detail(
    frame: &mut Frame,
    (programme, item): (&Programme, &BacklogItem),
    theme: &Theme,
    area: Rect,
) {
    let q = item.question();
    let mut lines = vec![Line::from(Span::styled(
        q.text.split_whitespace().collect::<Vec<_>>().join(" "),
        theme.base().add_modifier(Modifier::BOLD),
    ))];
    let owner = if item.owner.is_empty() {
        DASH.to_string()
    } else {
        item.owner.clone()
    };
    lines.push(Line::from(Span::styled(
        format!(
            "{} · {} · {} {owner} · {}",
            t().question_status(item.status),
            t().review_priority(item.priority()),
            t().owner,
            // The weighed ones only: the list above has a column per criterion.
            match programme.weighed(&item.criteria) {
                w if w.is_empty() => t().not_weighed.to_string(),
                w => w,
            }
        ),
        theme.base().fg(theme.accent),
    )));
    lines.extend(life_lines(item, theme));
    for (i, o) in item.origins.iter().enumerate() {
        let mut line = t().review_origin(
            &o.date.map_or_else(|| DASH.to_string(), |d| t().date(d)),
            &o.title,
            &o.item.session,
            o.item.id,
            &t().who(&o.annotation),
        );
        if i > 0 {
            line = format!(
                "{} — {line}",
                t().review_also_asked(
                    &o.annotation
                        .text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            );
        }
        lines.push(Line::from(Span::styled(line, theme.dimmed())));
    }
    for h in &item.history {
        let door = match t().person(h.role, &h.by) {
            d if d.is_empty() => d,
            d => format!(" · {d}"),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "  {} · {}{door} · ",
                    h.date.map_or_else(|| DASH.to_string(), |d| t().date(d)),
                    h.session
                ),
                theme.dimmed(),
            ),
            Span::styled(t().history_entry(h), theme.base()),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(pane(
            theme,
            t().review_question_detail.into(),
            false,
        )),
        area,
    );
}
