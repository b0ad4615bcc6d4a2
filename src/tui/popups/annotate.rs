//! Capturing an annotation: pick the kind with one letter, type, Enter. The form also edits an
//! existing annotation (text, kind, who, status, owner).

use crate::session::{Anchor, Annotation, AnnotationKind, Participant, QuestionStatus, Role};
use crate::tui::strings;
use crate::tui::style::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Kind,
    Text,
}

/// What the form asks of the app after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum FormOutcome {
    Continue,
    Cancel,
    Save(Box<Annotation>),
}

pub struct AnnotateForm {
    pub step: Step,
    /// The annotation being edited, or a new one (id 0 until the session assigns one).
    pub draft: Annotation,
    pub editing: bool,
    pub text: TextArea<'static>,
    participants: Vec<Participant>,
    participant: Option<usize>,
    owner: Option<usize>,
}

impl AnnotateForm {
    pub fn new(anchor: Anchor, role: Role, participants: Vec<Participant>) -> AnnotateForm {
        let draft = Annotation {
            id: 0,
            soort: AnnotationKind::Observatie,
            tekst: String::new(),
            rol: role,
            naam: String::new(),
            time: crate::session::now_local(),
            anker: anchor,
            status: None,
            eigenaar: String::new(),
            criteria: Default::default(),
        };
        AnnotateForm {
            step: Step::Kind,
            draft,
            editing: false,
            text: new_textarea(Vec::new()),
            participants,
            participant: None,
            owner: None,
        }
    }

    pub fn edit(existing: Annotation, participants: Vec<Participant>) -> AnnotateForm {
        let lines: Vec<String> = existing.tekst.lines().map(str::to_string).collect();
        AnnotateForm {
            step: Step::Text,
            text: new_textarea(lines),
            participant: participants.iter().position(|p| p.naam == existing.naam),
            owner: participants
                .iter()
                .position(|p| p.naam == existing.eigenaar),
            participants,
            draft: existing,
            editing: true,
        }
    }

    fn set_kind(&mut self, kind: AnnotationKind) {
        self.draft.soort = kind;
        self.draft.status = if kind.has_status() {
            Some(self.draft.status.unwrap_or(QuestionStatus::Open))
        } else {
            None
        };
        if !kind.has_status() {
            self.draft.eigenaar.clear();
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> FormOutcome {
        if key.code == KeyCode::Esc {
            return FormOutcome::Cancel;
        }
        match self.step {
            Step::Kind => {
                if let KeyCode::Char(c) = key.code
                    && let Some(kind) = AnnotationKind::from_key(c)
                {
                    self.set_kind(kind);
                    self.step = Step::Text;
                }
                FormOutcome::Continue
            }
            Step::Text => self.handle_text_key(key),
        }
    }

    fn handle_text_key(&mut self, key: KeyEvent) -> FormOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Enter if alt || shift => self.text.insert_newline(),
            KeyCode::Char('j') if ctrl => self.text.insert_newline(),
            KeyCode::Enter => {
                let text = self.text.lines().join("\n").trim().to_string();
                if text.is_empty() {
                    return FormOutcome::Continue;
                }
                let mut a = self.draft.clone();
                a.tekst = text;
                return FormOutcome::Save(Box::new(a));
            }
            KeyCode::Char('r') if ctrl => {
                let i = Role::ALL
                    .iter()
                    .position(|r| *r == self.draft.rol)
                    .unwrap_or(0);
                self.draft.rol = Role::ALL[(i + 1) % Role::ALL.len()];
                self.participant = None;
                self.draft.naam.clear();
            }
            KeyCode::Char('p') if ctrl => {
                if !self.participants.is_empty() {
                    let next = self.participant.map_or(0, |i| i + 1);
                    if next >= self.participants.len() {
                        self.participant = None;
                        self.draft.naam.clear();
                    } else {
                        let p = &self.participants[next];
                        self.participant = Some(next);
                        self.draft.naam = p.naam.clone();
                        self.draft.rol = p.rol;
                    }
                }
            }
            KeyCode::Char('t') if ctrl => {
                let i = AnnotationKind::ALL
                    .iter()
                    .position(|k| *k == self.draft.soort)
                    .unwrap_or(0);
                self.set_kind(AnnotationKind::ALL[(i + 1) % AnnotationKind::ALL.len()]);
            }
            KeyCode::Char('s') if ctrl && self.draft.soort.has_status() => {
                self.draft.status = Some(self.draft.status.unwrap_or(QuestionStatus::Open).next());
            }
            KeyCode::Char('e') if ctrl && self.draft.soort.has_status() => {
                if !self.participants.is_empty() {
                    let next = self.owner.map_or(0, |i| i + 1);
                    if next >= self.participants.len() {
                        self.owner = None;
                        self.draft.eigenaar.clear();
                    } else {
                        self.owner = Some(next);
                        self.draft.eigenaar = self.participants[next].naam.clone();
                    }
                }
            }
            _ => {
                self.text.input(key);
            }
        }
        FormOutcome::Continue
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, area: Rect) {
        let width = area.width.saturating_sub(6).clamp(20, 100);
        let height = match self.step {
            Step::Kind => 9,
            Step::Text => 16,
        }
        .min(area.height);
        let title = if self.editing {
            strings::ANNOTATION_EDIT_TITLE
        } else {
            strings::ANNOTATION_NEW_TITLE
        };
        let inner = super::frame_popup(frame, theme, area, (width, height), title, "");
        let anchor = strings::anchor_line(&self.draft.anker);
        match self.step {
            Step::Kind => {
                let mut lines = vec![
                    Line::from(Span::styled(anchor, theme.dimmed())),
                    Line::raw(""),
                    Line::from(Span::styled(strings::PICK_KIND, theme.base())),
                ];
                for k in AnnotationKind::ALL {
                    lines.push(Line::from(vec![
                        Span::styled(
                            format!("  {}  ", k.key()),
                            theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
                        ),
                        Span::styled(format!("{} {}", k.marker(), k.dutch()), theme.base()),
                    ]));
                }
                frame.render_widget(Paragraph::new(lines), inner);
            }
            Step::Text => {
                let [head, body, help] = Layout::vertical([
                    Constraint::Length(3),
                    Constraint::Min(3),
                    Constraint::Length(2),
                ])
                .areas(inner);
                let who = crate::report::who(&self.draft);
                let mut second = vec![
                    Span::styled(
                        format!("{} {}", self.draft.soort.marker(), self.draft.soort.dutch()),
                        theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(format!("  · {}: ", strings::SAID_BY), theme.dimmed()),
                    Span::styled(who, theme.base()),
                ];
                if let Some(st) = self.draft.status {
                    second.push(Span::styled(
                        format!("  · {}: ", strings::STATUS),
                        theme.dimmed(),
                    ));
                    second.push(Span::styled(st.dutch(), theme.base()));
                    second.push(Span::styled(
                        format!("  · {}: ", strings::OWNER),
                        theme.dimmed(),
                    ));
                    second.push(Span::styled(
                        if self.draft.eigenaar.is_empty() {
                            "—".to_string()
                        } else {
                            self.draft.eigenaar.clone()
                        },
                        theme.base(),
                    ));
                }
                frame.render_widget(
                    Paragraph::new(vec![
                        Line::from(Span::styled(anchor, theme.dimmed())),
                        Line::from(second),
                    ])
                    .wrap(Wrap { trim: true }),
                    head,
                );
                super::draw_editor(frame, theme, &self.text, body);
                let help_text = if self.draft.soort.has_status() {
                    strings::EDITOR_HELP_STATUS
                } else {
                    strings::EDITOR_HELP
                };
                frame.render_widget(
                    Paragraph::new(help_text)
                        .style(theme.dimmed())
                        .wrap(Wrap { trim: true }),
                    help,
                );
            }
        }
    }
}

fn new_textarea(lines: Vec<String>) -> TextArea<'static> {
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_placeholder_text(strings::TEXT_PLACEHOLDER);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}
