//! The follow-up's steps for a question's life: choosing the next status among the allowed ones
//! (with the answer and its result for beantwoord, a reason for vervallen and reopening), and
//! linking a question to another by its code. The rules are the core's
//! ([`crate::session::lifecycle`]); the writer refuses what they refuse, these steps only ask
//! for what it needs.

use crate::session::lifecycle::{choosable_next, needs_reason};
use crate::session::{
    Answer, Code, ItemRef, Link, LinkKind, QuestionStatus, Resultaat, Session, StatusChange,
};
use crate::tui::i18n::{LifeField, t};
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::style::Theme;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph};
use ratatui_textarea::{CursorMove, TextArea};

/// What a step asks of the follow-up.
#[derive(Debug, Clone, PartialEq)]
pub enum LifeOutcome {
    Stay,
    Cancelled,
    /// A message for the status line (a field left empty, nothing to choose).
    Say(String),
    Status(ItemRef, StatusChange),
    Link(ItemRef, Link),
}

/// The status step: the choice, then the fields the chosen status needs.
pub struct StatusFlow {
    target: ItemRef,
    code: String,
    now: QuestionStatus,
    choices: Vec<QuestionStatus>,
    selected: usize,
    to: Option<QuestionStatus>,
    fields: Vec<LifeField>,
    values: Vec<String>,
    input: TextArea<'static>,
    default_by: String,
}

/// The link step: the kind of link, then the other question.
pub struct LinkFlow {
    target: ItemRef,
    code: String,
    kind: Option<LinkKind>,
    selected: usize,
    candidates: Vec<(Code, String)>,
}

pub enum LifeFlow {
    Status(Box<StatusFlow>),
    Link(LinkFlow),
}

/// The fields a move asks for: beantwoord the answer with its result, vervallen and reopening a
/// reason; each with who.
fn fields_for(now: QuestionStatus, to: QuestionStatus) -> Vec<LifeField> {
    use LifeField::*;
    if to == QuestionStatus::Beantwoord {
        vec![Answer, ResultTitle, ResultPlace, By, Reason]
    } else if needs_reason(now, to) {
        vec![Reason, By]
    } else {
        Vec::new()
    }
}

fn required(f: LifeField, to: QuestionStatus) -> bool {
    match f {
        LifeField::Answer | LifeField::ResultTitle => true,
        LifeField::Reason => to != QuestionStatus::Beantwoord,
        _ => false,
    }
}

fn one_line(field: &TextArea<'static>) -> String {
    field.lines().join(" ").trim().to_string()
}

impl LifeFlow {
    /// The status step for an item with status `now`; `None` when it can go nowhere.
    pub fn status(
        target: ItemRef,
        code: String,
        now: QuestionStatus,
        by: &str,
    ) -> Option<LifeFlow> {
        let choices = choosable_next(now);
        (!choices.is_empty()).then(|| {
            LifeFlow::Status(Box::new(StatusFlow {
                target,
                code,
                now,
                choices,
                selected: 0,
                to: None,
                fields: Vec::new(),
                values: Vec::new(),
                input: TextArea::default(),
                default_by: by.to_string(),
            }))
        })
    }

    /// The link step from question `target`: every other question with a code in `sessions`.
    pub fn link(
        target: ItemRef,
        code: Option<Code>,
        sessions: &[(String, Session)],
    ) -> Option<LifeFlow> {
        let mut candidates: Vec<(Code, String)> = sessions
            .iter()
            .flat_map(|(_, s)| s.annotations.iter())
            .filter(|a| a.kind == crate::session::AnnotationKind::Onderzoeksvraag)
            .filter_map(|a| {
                Some((
                    a.code?,
                    a.text.lines().next().unwrap_or_default().to_string(),
                ))
            })
            .filter(|(c, _)| Some(*c) != code)
            .collect();
        candidates.sort();
        candidates.dedup_by_key(|(c, _)| *c);
        (!candidates.is_empty()).then(|| {
            LifeFlow::Link(LinkFlow {
                target,
                code: code.map(|c| c.to_string()).unwrap_or_default(),
                kind: None,
                selected: 0,
                candidates,
            })
        })
    }

    /// Typing a field takes the input's keys; choosing, the list's.
    pub fn context(&self) -> Context {
        match self {
            LifeFlow::Status(s) if s.to.is_some() => Context::Input,
            _ => Context::FollowUp,
        }
    }

    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> LifeOutcome {
        match self {
            LifeFlow::Status(s) => s.handle(action, key),
            LifeFlow::Link(l) => l.handle(action),
        }
    }

    /// The lines the step needs on screen.
    pub fn height(&self) -> u16 {
        let list = |n: usize| 1 + n.min(8) as u16;
        match self {
            LifeFlow::Status(s) if s.to.is_some() => 5,
            LifeFlow::Status(s) => list(s.choices.len()),
            LifeFlow::Link(l) if l.kind.is_none() => list(LinkKind::ALL.len()),
            LifeFlow::Link(l) => list(l.candidates.len()),
        }
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, area: Rect) {
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let (heading, choices, selected): (String, Vec<String>, usize) = match self {
            LifeFlow::Status(s) => match (s.to, s.fields.get(s.values.len())) {
                (Some(to), Some(field)) => {
                    let prompt = format!(
                        "{} → {}: {} ({}/{}) · {}",
                        s.code,
                        t().question_status(to),
                        t().life_field(*field),
                        s.values.len() + 1,
                        s.fields.len(),
                        keys.hint(Context::Input, &[Action::Save, Action::Cancel])
                    );
                    frame.render_widget(Paragraph::new(prompt).style(theme.base()), head);
                    super::draw_editor(frame, theme, &s.input, body);
                    return;
                }
                _ => (
                    t().life_status_heading(&s.code, t().question_status(s.now)),
                    s.choices
                        .iter()
                        .map(|c| t().question_status(*c).to_string())
                        .collect(),
                    s.selected,
                ),
            },
            LifeFlow::Link(l) => match l.kind {
                None => (
                    t().link_heading(&l.code),
                    LinkKind::ALL
                        .iter()
                        .map(|k| t().link_kind(*k).to_string())
                        .collect(),
                    l.selected,
                ),
                Some(k) => (
                    format!("{} {}…", l.code, t().link_kind(k)),
                    l.candidates
                        .iter()
                        .map(|(c, text)| format!("{c} {text}"))
                        .collect(),
                    l.selected,
                ),
            },
        };
        frame.render_widget(Paragraph::new(heading).style(theme.base()), head);
        let items: Vec<ListItem> = choices
            .into_iter()
            .map(|c| ListItem::new(Line::from(c)))
            .collect();
        super::draw_choices(frame, theme, items, selected, body);
    }
}

/// Up, down and the ends of a list of `n`.
fn step(selected: &mut usize, n: usize, action: Option<Action>) {
    let last = n.saturating_sub(1);
    match action {
        Some(Action::Up) => *selected = selected.saturating_sub(1),
        Some(Action::Down) => *selected = (*selected + 1).min(last),
        Some(Action::Home) => *selected = 0,
        Some(Action::End) => *selected = last,
        _ => {}
    }
}

impl StatusFlow {
    fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> LifeOutcome {
        if action == Some(Action::Cancel) {
            return LifeOutcome::Cancelled;
        }
        let Some(to) = self.to else {
            if action == Some(Action::Activate) {
                let to = self.choices[self.selected];
                self.to = Some(to);
                self.fields = fields_for(self.now, to);
                return self.next_field();
            }
            step(&mut self.selected, self.choices.len(), action);
            return LifeOutcome::Stay;
        };
        if action != Some(Action::Save) {
            self.input.input(key);
            return LifeOutcome::Stay;
        }
        let field = self.fields[self.values.len()];
        let value = one_line(&self.input);
        if value.is_empty() && required(field, to) {
            return LifeOutcome::Say(t().life_field_needed(t().life_field(field)));
        }
        self.values.push(value);
        self.next_field()
    }

    /// Opens the next field, or when all are filled, the change.
    fn next_field(&mut self) -> LifeOutcome {
        let Some(to) = self.to else {
            return LifeOutcome::Stay;
        };
        if let Some(field) = self.fields.get(self.values.len()) {
            let start = match field {
                LifeField::By => self.default_by.clone(),
                _ => String::new(),
            };
            self.input = TextArea::new(vec![start]);
            self.input.move_cursor(CursorMove::End);
            return LifeOutcome::Stay;
        }
        let value = |f: LifeField| {
            self.fields
                .iter()
                .position(|x| *x == f)
                .and_then(|i| self.values.get(i).cloned())
                .unwrap_or_default()
        };
        let answer = (to == QuestionStatus::Beantwoord).then(|| Answer {
            text: value(LifeField::Answer),
            result: Resultaat {
                titel: value(LifeField::ResultTitle),
                vindplaats: value(LifeField::ResultPlace),
            },
        });
        let change = StatusChange {
            to,
            by: value(LifeField::By),
            reason: value(LifeField::Reason),
            answer,
        };
        LifeOutcome::Status(self.target.clone(), change)
    }
}

impl LinkFlow {
    fn handle(&mut self, action: Option<Action>) -> LifeOutcome {
        match (action, self.kind) {
            (Some(Action::Cancel), _) => LifeOutcome::Cancelled,
            (Some(Action::Activate), None) => {
                self.kind = Some(LinkKind::ALL[self.selected.min(LinkKind::ALL.len() - 1)]);
                self.selected = 0;
                LifeOutcome::Stay
            }
            (Some(Action::Activate), Some(soort)) => match self.candidates.get(self.selected) {
                Some((code, _)) => {
                    LifeOutcome::Link(self.target.clone(), Link { soort, code: *code })
                }
                None => LifeOutcome::Cancelled,
            },
            (_, None) => {
                step(&mut self.selected, LinkKind::ALL.len(), action);
                LifeOutcome::Stay
            }
            (_, Some(_)) => {
                step(&mut self.selected, self.candidates.len(), action);
                LifeOutcome::Stay
            }
        }
    }
}

#[cfg(test)]
mod tests;
