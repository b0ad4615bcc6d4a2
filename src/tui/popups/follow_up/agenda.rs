//! The half-yearly agenda session (`a` in the follow-up): the open questions one at a time on
//! the projector, large, with where they came from, the weighing per criterion of the
//! programme (keys 1..n, each with its question), the readings per role and the decision
//! (geagendeerd / vervallen / terug naar later, with a reason). Every change is saved at once
//! by the follow-up's commands; ← → walk the questions, Enter shows the question's chart.

use super::{FollowUp, FollowUpCommand, FollowUpItem};
use crate::session::QuestionStatus;
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::style::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea};

impl FollowUp {
    /// The agenda session's keys; `None` leaves the key to the list.
    pub(super) fn agenda_key(&mut self, action: Option<Action>) -> Option<FollowUpCommand> {
        if !self.agenda {
            if action == Some(Action::AgendaSession) {
                self.agenda = true;
                self.step_question(0);
                return Some(FollowUpCommand::Stay);
            }
            return None;
        }
        match action? {
            Action::AgendaSession | Action::Cancel => self.agenda = false,
            Action::Left | Action::Up => self.step_question(-1),
            Action::Right | Action::Down => self.step_question(1),
            Action::DecideScheduled => self.start_decision(QuestionStatus::Geagendeerd),
            Action::DecideDropped => self.start_decision(QuestionStatus::Vervallen),
            Action::DecideLater => self.start_decision(QuestionStatus::Open),
            _ => return None,
        }
        Some(FollowUpCommand::Stay)
    }

    /// Selects the next question in direction `step` (0: the selected one, or the first after
    /// it); actions are not on the agenda.
    fn step_question(&mut self, step: isize) {
        let questions: Vec<usize> = (0..self.items.len())
            .filter(|i| self.items[*i].is_question())
            .collect();
        let at = self.selected;
        let next = match step {
            0 => questions.iter().find(|i| **i >= at).or(questions.last()),
            s if s < 0 => questions
                .iter()
                .rev()
                .find(|i| **i < at)
                .or(questions.first()),
            _ => questions.iter().find(|i| **i > at).or(questions.last()),
        };
        if let Some(i) = next {
            self.selected = *i;
        }
    }

    fn start_decision(&mut self, status: QuestionStatus) {
        if !self.selected_item().is_some_and(FollowUpItem::is_question) {
            return;
        }
        let mut field = TextArea::new(vec![String::new()]);
        field.move_cursor(CursorMove::End);
        self.owner = Some(field);
        self.typing_theme = false;
        self.typing_decision = Some(status);
    }

    /// "vraag 2 van 5": the place of the selected question among the questions.
    fn question_place(&self) -> (usize, usize) {
        let questions: Vec<usize> = (0..self.items.len())
            .filter(|i| self.items[*i].is_question())
            .collect();
        let i = questions
            .iter()
            .position(|i| *i == self.selected)
            .unwrap_or(0);
        (i + 1, questions.len())
    }

    /// The session's title the item comes from (this session: "deze sessie").
    fn origin_title(&self, item: &FollowUpItem) -> String {
        self.others
            .iter()
            .find(|(n, _)| *n == item.session)
            .map_or_else(
                || t().follow_up_this_session.to_string(),
                |(_, s)| s.title.clone(),
            )
    }

    pub(super) fn draw_agenda(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, area: Rect) {
        let area = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        frame.render_widget(Clear, area);
        frame.render_widget(Block::default().style(theme.base()), area);
        let Some(item) = self.selected_item().filter(|i| i.is_question()) else {
            frame.render_widget(
                Paragraph::new(t().agenda_session_none)
                    .style(theme.dimmed())
                    .alignment(Alignment::Center),
                area,
            );
            return;
        };
        let n = self.programme.criteria.len() as u16;
        let field = if self.owner.is_some() { 4 } else { 0 };
        let [
            head,
            question,
            origin,
            criteria,
            readings,
            decision,
            input,
            hint,
        ] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(3),
            Constraint::Length(3),
            Constraint::Length(n + 1),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(field),
            Constraint::Length(2),
        ])
        .areas(area);
        self.draw_question(frame, theme, item, [head, question, origin]);
        self.draw_weighing(frame, theme, item, criteria);
        self.draw_decision(
            frame,
            (theme, keys),
            item,
            [readings, decision, input, hint],
        );
    }

    /// The place, the question large and where it came from.
    fn draw_question(
        &self,
        frame: &mut Frame,
        theme: &Theme,
        item: &FollowUpItem,
        areas: [Rect; 3],
    ) {
        let [head, question, origin] = areas;
        let area = question;
        let (i, count) = self.question_place();
        let a = &item.annotation;
        let mut title = format!(
            "{} · {}",
            t().agenda_session_title,
            t().question_of(i, count)
        );
        // The question's code, as the minutes and the agenda by theme name it.
        if let Some(code) = a.code {
            title.push_str(&format!(" · {code}"));
        }
        if !a.theme.is_empty() {
            title.push_str(&format!(" · {}", t().agenda_session_theme(&a.theme)));
        }
        frame.render_widget(
            Paragraph::new(Span::styled(title, theme.title())).alignment(Alignment::Center),
            head,
        );
        let margin = area.width / 10;
        crate::tui::closing::draw_question_text(frame, theme, &a.text, (question, margin));
        let about = t().agenda_session_origin(
            &format!("{} · {}", a.anchor.indicator, t().anchor_period(&a.anchor)),
            (&t().date(item.date), &self.origin_title(item)),
            &t().who(a),
        );
        frame.render_widget(
            Paragraph::new(about)
                .style(theme.dimmed())
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            origin,
        );
    }

    /// The readings, the decision, the reason being typed and the keys.
    fn draw_decision(
        &self,
        frame: &mut Frame,
        (theme, keys): (&Theme, &Keymap),
        item: &FollowUpItem,
        areas: [Rect; 4],
    ) {
        let [readings, decision, input, hint] = areas;
        let a = &item.annotation;
        let reading = t().readings_line(a, self.reading_role).unwrap_or_default();
        frame.render_widget(
            Paragraph::new(reading)
                .style(theme.base())
                .alignment(Alignment::Center),
            readings,
        );
        let status = a.status.unwrap_or(QuestionStatus::Open);
        frame.render_widget(
            Paragraph::new(t().agenda_session_decision(t().question_status(status)))
                .style(theme.base().fg(theme.accent).add_modifier(Modifier::BOLD))
                .alignment(Alignment::Center),
            decision,
        );
        if let (Some(field), Some(status)) = (&self.owner, self.typing_decision) {
            let [prompt, editor] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(3)]).areas(input);
            let hint = keys.hint(Context::Input, &[Action::Save, Action::Cancel]);
            let prompt_text = t().agenda_session_reason(t().question_status(status), &hint);
            frame.render_widget(Paragraph::new(prompt_text).style(theme.base()), prompt);
            super::super::draw_editor(frame, theme, field, editor);
        }
        let walk = format!(
            "{} {} {} · ",
            first_key(keys, Context::FollowUp, Action::Left),
            first_key(keys, Context::FollowUp, Action::Right),
            t().agenda_session_walk
        );
        let actions = [
            Action::DecideScheduled,
            Action::DecideDropped,
            Action::DecideLater,
            Action::EditTheme,
            Action::NextReadingRole,
            Action::CycleReading,
            Action::Activate,
        ];
        frame.render_widget(
            Paragraph::new(walk + &keys.hint(Context::FollowUp, &actions))
                .style(theme.dimmed())
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            hint,
        );
    }

    /// "1  urgentie  hoog   Is de vraag gedeeld, …?" per criterion, and the priority.
    fn draw_weighing(&self, frame: &mut Frame, theme: &Theme, item: &FollowUpItem, area: Rect) {
        let p = &self.programme;
        let c = &item.annotation.criteria;
        let width = p
            .criteria
            .iter()
            .map(|k| k.name.chars().count())
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line> = p
            .criteria
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let level = c.get(&k.id).unwrap_or("–");
                Line::from(vec![
                    Span::styled(format!("{:>2}  ", i + 1), theme.dimmed()),
                    Span::styled(format!("{:<width$}  ", k.name), theme.base()),
                    Span::styled(
                        format!("{level:<8}"),
                        theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(k.question.clone(), theme.dimmed()),
                ])
            })
            .collect();
        lines.push(Line::from(Span::styled(
            t().agenda_session_priority(p.score(c), p.max_score()),
            theme.base(),
        )));
        let margin = area.width / 40;
        let inner = Rect {
            x: area.x + margin,
            width: area.width.saturating_sub(2 * margin),
            ..area
        };
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
