//! Capturing an annotation: pick the kind with one letter, type, Enter. The form also edits an
//! existing annotation (text, kind, who, status, owner).

use crate::session::{Anchor, Annotation, AnnotationKind, Participant, QuestionStatus, Role};
use crate::tui::i18n::keys_label;
use crate::tui::i18n::t;
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::style::Theme;
use crossterm::event::KeyEvent;
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
    /// After a save failed because the file changed: take the file's version, then save this.
    Reload(Box<Annotation>),
    /// After a failed save: keep the session with this annotation as a copy at this path.
    SaveCopy(Box<Annotation>, std::path::PathBuf),
    /// After a save failed because the file changed: show what differs.
    ShowBoth,
}

/// A save of this form that failed: the form stays, with its text, until a save succeeds or
/// the user discards it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Failed {
    /// Why, in the interface's language.
    pub message: String,
    /// Another program changed the session file: reload and "show both" apply.
    pub changed_on_disk: bool,
    /// What differs between the file and the screen, once asked for.
    pub both: Vec<String>,
    /// Where a copy would go (the user may change it before writing).
    pub copy_to: String,
    /// Why writing the copy failed, shown above its path.
    pub copy_error: Option<String>,
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
    /// The role whose reading the reading key changes (questions and explanations).
    pub reading_role: Role,
    /// Esc was pressed once with text typed: a second Esc discards it, any other key goes on.
    pub confirm_discard: bool,
    /// The last save failed (see [`Failed`]).
    pub failed: Option<Failed>,
    /// Typing the path of a copy (after a failed save): Enter writes it there, Esc goes back.
    pub copy_path: Option<TextArea<'static>>,
}

impl AnnotateForm {
    pub fn new(anchor: Anchor, role: Role, participants: Vec<Participant>) -> AnnotateForm {
        let draft = Annotation {
            code: None,
            answer: String::new(),
            result: None,
            links: Vec::new(),
            id: 0,
            kind: AnnotationKind::Observatie,
            text: String::new(),
            role,
            name: String::new(),
            time: crate::session::now_local(),
            anchor,
            status: None,
            owner: String::new(),
            theme: String::new(),
            support: Vec::new(),
            disagree: Vec::new(),
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
            reading_role: Role::Toegang,
            confirm_discard: false,
            failed: None,
            copy_path: None,
        }
    }

    pub fn edit(existing: Annotation, participants: Vec<Participant>) -> AnnotateForm {
        let lines: Vec<String> = existing.text.lines().map(str::to_string).collect();
        AnnotateForm {
            step: Step::Text,
            text: new_textarea(lines),
            participant: participants.iter().position(|p| p.name == existing.name),
            owner: participants.iter().position(|p| p.name == existing.owner),
            participants,
            draft: existing,
            editing: true,
            reading_role: Role::Toegang,
            confirm_discard: false,
            failed: None,
            copy_path: None,
        }
    }

    /// Text was typed (or, when editing, the text differs from the saved one).
    fn has_text(&self) -> bool {
        let typed = self.text.lines().join("\n");
        let typed = typed.trim();
        if self.editing {
            typed != self.draft.text.trim()
        } else {
            !typed.is_empty()
        }
    }

    fn set_kind(&mut self, kind: AnnotationKind) {
        self.draft.kind = kind;
        self.draft.status = if kind.has_status() {
            Some(self.draft.status.unwrap_or(QuestionStatus::Open))
        } else {
            None
        };
        if !kind.has_status() {
            self.draft.owner.clear();
        }
    }

    /// A key while the path of a copy is typed: Enter writes the copy there, Esc goes back to
    /// the text.
    fn copy_path_key(&mut self, action: Option<Action>, key: KeyEvent) -> FormOutcome {
        match action {
            Some(Action::Cancel) => self.copy_path = None,
            Some(Action::Save) => {
                let path = self
                    .copy_path
                    .as_ref()
                    .map(|t| t.lines().join("").trim().to_string())
                    .unwrap_or_default();
                if let (false, Some(a)) = (path.is_empty(), self.typed()) {
                    return FormOutcome::SaveCopy(Box::new(a), expand_home(&path));
                }
            }
            Some(Action::Newline) => {}
            _ => {
                if let Some(t) = self.copy_path.as_mut() {
                    t.input(key);
                }
            }
        }
        FormOutcome::Continue
    }

    /// The kind step's keys, or the text step's (where unbound keys are typed).
    /// The annotation as typed so far, when there is text: what a signal that ends the program
    /// saves rather than throws away.
    pub fn typed(&self) -> Option<Annotation> {
        let text = self.text.lines().join("\n").trim().to_string();
        (self.step == Step::Text && !text.is_empty()).then(|| Annotation {
            code: None,
            answer: String::new(),
            result: None,
            links: Vec::new(),
            text,
            ..self.draft.clone()
        })
    }

    pub fn context(&self) -> Context {
        match self.step {
            Step::Kind => Context::AnnotateKind,
            Step::Text => Context::Annotate,
        }
    }

    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> FormOutcome {
        if self.copy_path.is_some() {
            return self.copy_path_key(action, key);
        }
        let asked = std::mem::take(&mut self.confirm_discard);
        if action == Some(Action::Cancel) {
            // Typed words are never thrown away by one key: the first Esc asks.
            if self.has_text() && !asked {
                self.confirm_discard = true;
                return FormOutcome::Continue;
            }
            return FormOutcome::Cancel;
        }
        match self.step {
            Step::Kind => {
                if let Some(kind) = action.and_then(kind_of) {
                    self.set_kind(kind);
                    self.step = Step::Text;
                }
                FormOutcome::Continue
            }
            Step::Text => self.text_action(action, key),
        }
    }

    fn text_action(&mut self, action: Option<Action>, key: KeyEvent) -> FormOutcome {
        let has_status = self.draft.kind.has_status();
        let on_disk = self.failed.as_ref().is_some_and(|f| f.changed_on_disk);
        match action {
            Some(Action::Newline) => self.text.insert_newline(),
            Some(Action::Save) => {
                return self
                    .typed()
                    .map_or(FormOutcome::Continue, |a| FormOutcome::Save(Box::new(a)));
            }
            Some(Action::SaveCopy) => {
                if let Some(f) = &self.failed {
                    self.copy_path = Some(new_textarea(vec![f.copy_to.clone()]));
                }
            }
            Some(Action::ReloadSession) if on_disk => {
                return self
                    .typed()
                    .map_or(FormOutcome::Continue, |a| FormOutcome::Reload(Box::new(a)));
            }
            Some(Action::ShowBoth) if on_disk => return FormOutcome::ShowBoth,
            Some(Action::NextRole) => {
                let i = Role::ALL
                    .iter()
                    .position(|r| *r == self.draft.role)
                    .unwrap_or(0);
                self.draft.role = Role::ALL[(i + 1) % Role::ALL.len()];
                self.participant = None;
                self.draft.name.clear();
            }
            Some(Action::NextPerson) => self.next_person(),
            Some(Action::NextKind) => {
                let i = AnnotationKind::ALL
                    .iter()
                    .position(|k| *k == self.draft.kind)
                    .unwrap_or(0);
                self.set_kind(AnnotationKind::ALL[(i + 1) % AnnotationKind::ALL.len()]);
            }
            Some(Action::NextStatus) if has_status => {
                // Only the open statuses: answering, dropping and reopening go through the
                // follow-up, which asks for the answer or the reason.
                const WALK: [QuestionStatus; 3] = [
                    QuestionStatus::Open,
                    QuestionStatus::Geagendeerd,
                    QuestionStatus::InOnderzoek,
                ];
                let now = self.draft.status.unwrap_or(QuestionStatus::Open);
                if let Some(i) = WALK.iter().position(|s| *s == now) {
                    self.draft.status = Some(WALK[(i + 1) % WALK.len()]);
                }
            }
            Some(Action::NextOwner) if has_status => self.next_owner(),
            Some(Action::NextReadingRole) if has_reading(self.draft.kind) => {
                let i = Role::ALL.iter().position(|r| *r == self.reading_role);
                self.reading_role = Role::ALL[i.map_or(0, |i| (i + 1) % Role::ALL.len())];
            }
            Some(Action::CycleReading) if has_reading(self.draft.kind) => {
                cycle_reading(&mut self.draft, self.reading_role);
            }
            Some(_) => {}
            None => {
                self.text.input(key);
            }
        }
        FormOutcome::Continue
    }

    fn next_person(&mut self) {
        if self.participants.is_empty() {
            return;
        }
        let next = self.participant.map_or(0, |i| i + 1);
        if next >= self.participants.len() {
            self.participant = None;
            self.draft.name.clear();
        } else {
            let p = &self.participants[next];
            self.participant = Some(next);
            self.draft.name = p.name.clone();
            self.draft.role = p.role;
        }
    }

    fn next_owner(&mut self) {
        if self.participants.is_empty() {
            return;
        }
        let next = self.owner.map_or(0, |i| i + 1);
        if next >= self.participants.len() {
            self.owner = None;
            self.draft.owner.clear();
        } else {
            self.owner = Some(next);
            self.draft.owner = self.participants[next].name.clone();
        }
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, area: Rect) {
        let width = area.width.saturating_sub(6).clamp(20, 100);
        let height = match self.step {
            Step::Kind => 10,
            Step::Text => 16,
        }
        .min(area.height);
        let title = if self.editing {
            t().annotation_edit_title
        } else {
            t().annotation_new_title
        };
        let inner = super::frame_popup(frame, theme, area, (width, height), title, "");
        match self.step {
            Step::Kind => self.draw_kind(frame, theme, keys, inner),
            Step::Text => self.draw_text(frame, theme, keys, inner),
        }
    }

    fn draw_kind(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, inner: Rect) {
        let anchor = t().anchor_line(&self.draft.anchor);
        let mut lines = vec![
            Line::from(Span::styled(anchor, theme.dimmed())),
            Line::raw(""),
            Line::from(Span::styled(t().pick_kind, theme.base())),
        ];
        for action in KIND_ACTIONS {
            let Some(kind) = kind_of(action) else {
                continue;
            };
            let key = keys.keys(Context::AnnotateKind, action);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {}  ", keys_label(key)),
                    theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!("{} {}", kind.marker(), t().kind(kind)),
                    theme.base(),
                ),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn draw_text(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, inner: Rect) {
        let both = self.failed.as_ref().map_or(&[][..], |f| &f.both[..]);
        let hint = self.hint_lines(theme, keys);
        // As many rows as the wrapped hint needs (a failed save says why and what can be done).
        let help_height = hint
            .iter()
            .map(|l| (l.width() as u16).div_ceil(inner.width.max(1)).max(1))
            .sum::<u16>()
            .max(2);
        // A line more for the reading per role of a question or explanation.
        let head_height = if has_reading(self.draft.kind) { 4 } else { 3 };
        let [head, diff, body, help] = Layout::vertical([
            Constraint::Length(head_height),
            Constraint::Length(both.len().min(6) as u16),
            Constraint::Min(3),
            Constraint::Length(help_height),
        ])
        .areas(inner);
        let d = &self.draft;
        let label = |t: &str| Span::styled(format!("  · {t}: "), theme.dimmed());
        let mut second = vec![
            Span::styled(
                format!("{} {}", d.kind.marker(), t().kind(d.kind)),
                theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
            ),
            label(t().said_by),
            Span::styled(t().who(d), theme.base()),
        ];
        if let Some(st) = d.status {
            let owner = if d.owner.is_empty() { "—" } else { &d.owner };
            second.push(label(t().status));
            second.push(Span::styled(t().question_status(st), theme.base()));
            second.push(label(t().owner));
            second.push(Span::styled(owner.to_string(), theme.base()));
        }
        let anchor = t().anchor_line(&d.anchor);
        let reading = t().readings_line(d, self.reading_role).unwrap_or_default();
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(anchor, theme.dimmed())),
                Line::from(second),
                Line::from(Span::styled(reading, theme.dimmed())),
            ])
            .wrap(Wrap { trim: true }),
            head,
        );
        let diff_lines: Vec<Line> = both
            .iter()
            .map(|l| Line::from(Span::styled(l.clone(), theme.base())))
            .collect();
        frame.render_widget(Paragraph::new(diff_lines), diff);
        match &self.copy_path {
            // The path of the copy is typed where the text was; the text is kept meanwhile.
            Some(path) => {
                let [_, input] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(body);
                super::draw_editor(frame, theme, path, input);
            }
            None => super::draw_editor(frame, theme, &self.text, body),
        }
        frame.render_widget(Paragraph::new(hint).wrap(Wrap { trim: true }), help);
    }

    /// The keys under the text; after a failed save, why and what can be done.
    fn hint_lines(&self, theme: &Theme, keys: &Keymap) -> Vec<Line<'static>> {
        if self.confirm_discard {
            let esc = crate::tui::i18n::first_key(keys, Context::Annotate, Action::Cancel);
            return vec![Line::from(Span::styled(
                t().discard_typed(&esc),
                theme.warning(),
            ))];
        }
        if let (Some(f), Some(_)) = (&self.failed, &self.copy_path) {
            let actions = [Action::Save, Action::Cancel];
            let mut lines: Vec<Line<'static>> = (f.copy_error.iter())
                .map(|e| Line::from(Span::styled(e.clone(), theme.warning())))
                .collect();
            lines.push(Line::from(Span::styled(
                t().copy_path_prompt(),
                theme.warning(),
            )));
            lines.push(Line::from(Span::styled(
                keys.hint(Context::Annotate, &actions),
                theme.base(),
            )));
            return lines;
        }
        if let Some(f) = &self.failed {
            let mut actions = vec![Action::Save, Action::SaveCopy];
            if f.changed_on_disk {
                actions.extend([Action::ReloadSession, Action::ShowBoth]);
            }
            actions.push(Action::Cancel);
            return vec![
                Line::from(Span::styled(f.message.clone(), theme.warning())),
                Line::from(Span::styled(
                    keys.hint(Context::Annotate, &actions),
                    theme.base(),
                )),
            ];
        }
        let mut hints = vec![
            Action::Save,
            Action::Newline,
            Action::NextPerson,
            Action::NextRole,
            Action::NextKind,
        ];
        if self.draft.status.is_some() {
            hints.extend([Action::NextStatus, Action::NextOwner]);
        }
        if has_reading(self.draft.kind) {
            hints.extend([Action::NextReadingRole, Action::CycleReading]);
        }
        hints.push(Action::Cancel);
        vec![Line::from(Span::styled(
            keys.hint(Context::Annotate, &hints),
            theme.dimmed(),
        ))]
    }
}

/// The kind step's actions, in the order the form lists them.
const KIND_ACTIONS: [Action; 5] = [
    Action::KindObservation,
    Action::KindExplanation,
    Action::KindDataQuality,
    Action::KindQuestion,
    Action::KindAction,
];

fn new_textarea(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_placeholder_text(t().text_placeholder);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// The kind an action of the kind step picks.
fn kind_of(action: Action) -> Option<AnnotationKind> {
    Some(match action {
        Action::KindObservation => AnnotationKind::Observatie,
        Action::KindExplanation => AnnotationKind::Verklaring,
        Action::KindDataQuality => AnnotationKind::Datakwaliteit,
        Action::KindQuestion => AnnotationKind::Onderzoeksvraag,
        Action::KindAction => AnnotationKind::Actie,
        _ => return None,
    })
}

/// `~/x` is the home folder's `x`, as in a shell.
fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

/// Questions and explanations carry the readings per role.
fn has_reading(kind: AnnotationKind) -> bool {
    matches!(
        kind,
        AnnotationKind::Onderzoeksvraag | AnnotationKind::Verklaring
    )
}

/// The role's reading: supports → disagrees → not said → supports.
pub fn cycle_reading(a: &mut Annotation, role: Role) {
    if a.support.contains(&role) {
        a.support.retain(|r| *r != role);
        a.disagree.push(role);
        a.disagree.sort();
    } else if a.disagree.contains(&role) {
        a.disagree.retain(|r| *r != role);
    } else {
        a.support.push(role);
        a.support.sort();
    }
}
