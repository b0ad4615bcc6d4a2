//! The agenda's last item, the programme's closing question: "which questions to research
//! further?", with the session's research questions large, one at a time, to weigh with the
//! room. Also the walk's line in the header (position, title, clock).

use crate::tui::app::{AgendaStatus, App};
use crate::tui::i18n::t;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

/// The walk's place and clock: "agendapunt 3/7 · titel  4:12 / 10:00", the clock amber past
/// the planned time.
pub fn status_spans(app: &App, status: &AgendaStatus) -> Vec<Span<'static>> {
    let theme = &app.shared.theme;
    let clock_style = if status.over_budget() {
        theme.warning().add_modifier(Modifier::BOLD)
    } else {
        theme.dimmed()
    };
    vec![
        Span::styled(
            t().agenda_position(status.number, status.count, &status.title),
            theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!("  {}", t().agenda_time(status.spent, status.budget_minutes)),
            clock_style,
        ),
    ]
}

/// The closing question over `area`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.shared.theme;
    frame.render_widget(Block::default().style(theme.base()), area);
    let heading = t().closing_question;
    let big = area.height >= 30 && heading.chars().count() * 4 + 2 <= area.width as usize;
    let [title, position, question, about] = Layout::vertical([
        Constraint::Length(if big { 4 } else { 2 }),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(4),
    ])
    .areas(area);
    if big {
        let text = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(theme.title())
            .lines(vec![Line::from(heading)])
            .centered()
            .build();
        frame.render_widget(text, title);
    } else {
        frame.render_widget(
            Paragraph::new(Span::styled(heading, theme.title())).alignment(Alignment::Center),
            title,
        );
    }
    let questions = app.closing_questions();
    let Some(q) = questions.get(
        app.agenda_walk
            .question
            .min(questions.len().saturating_sub(1)),
    ) else {
        frame.render_widget(
            Paragraph::new(t().closing_none)
                .style(theme.dimmed())
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            question,
        );
        return;
    };
    let i = app.agenda_walk.question.min(questions.len() - 1);
    frame.render_widget(
        Paragraph::new(match q.code {
            // The question's code, as everywhere else.
            Some(code) => format!("{} · {code}", t().question_of(i + 1, questions.len())),
            None => t().question_of(i + 1, questions.len()),
        })
        .style(theme.dimmed())
        .alignment(Alignment::Center),
        position,
    );
    draw_question_text(frame, theme, &q.text, (question, area.width / 10));
    draw_about(frame, app, q, about);
}

/// A research question large for the room: bold, centred between two rules, `margin` columns in
/// from each side of `area` and centred in its height (the closing question, the agenda session).
pub(crate) fn draw_question_text(
    frame: &mut Frame,
    theme: &crate::tui::style::Theme,
    text: &str,
    (area, margin): (Rect, u16),
) {
    let width = area.width.saturating_sub(2 * margin);
    // The wrapped lines counted roughly (and the two rules), the rest split above and below.
    let lines = (text.chars().count() as u16).div_ceil(width.max(1)) + 2;
    let pad = area.height.saturating_sub(lines) / 2;
    let text_area = Rect {
        x: area.x + margin,
        y: area.y + pad,
        width,
        height: lines.min(area.height - pad),
    };
    frame.render_widget(
        Paragraph::new(text.to_string())
            .style(theme.base().add_modifier(Modifier::BOLD))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .block(
                Block::default()
                    .borders(Borders::TOP | Borders::BOTTOM)
                    .border_style(theme.dimmed()),
            ),
        text_area,
    );
}

/// Who asked it, where it points, and how the room weighed it.
fn draw_about(frame: &mut Frame, app: &App, q: &crate::session::Annotation, about: Rect) {
    let theme = &app.shared.theme;
    let mut lines = vec![Line::from(Span::styled(
        format!("{} · {}", t().who(q), t().anchor_period(&q.anchor)),
        theme.dimmed(),
    ))];
    let weighed = t().criteria_line(&app.shared.programme, &q.criteria);
    if !weighed.is_empty() {
        lines.push(Line::from(Span::styled(weighed, theme.base())));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        about,
    );
}

/// A follower sees the current agenda item's talking points in a box at the bottom (the
/// projector never does); returns the area left for the rest of the screen.
pub fn talking_points(frame: &mut Frame, app: &App, area: Rect) -> Rect {
    let note = match (&app.follow, app.agenda_status()) {
        (Some(_), Some(s)) if !s.note.trim().is_empty() => s.note,
        _ => return area,
    };
    let theme = &app.shared.theme;
    let width = area.width.saturating_sub(2).max(1) as usize;
    let rows: u16 = (note.lines())
        .map(|l| (l.chars().count().max(1)).div_ceil(width) as u16)
        .sum();
    let height = (rows + 2).min(area.height / 3).max(3);
    let [rest, box_area] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(height)]).areas(area);
    frame.render_widget(
        Paragraph::new(note)
            .style(theme.base())
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.block_border(true))
                    .title(Span::styled(
                        format!(" {} ", t().talking_points),
                        theme.title(),
                    )),
            ),
        box_area,
    );
    rest
}
