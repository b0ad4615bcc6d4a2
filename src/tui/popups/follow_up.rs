//! Follow-up: the open research questions and actions of earlier sessions on this dataset and of
//! this session, where the programme leader sets their status, owner and selection criteria and
//! merges duplicates. The changes themselves are made by the app (`app::follow_up`); this is
//! the list, its keys and its drawing.

use super::follow_up_life::{LifeFlow, LifeOutcome};
use crate::session::backlog::{NEAR_DUPLICATE, item_state, merged_away, similarity};
use crate::session::store::open_items_among;
use crate::session::{Annotation, AnnotationKind, ItemRef, Link, Session, StatusChange};
use crate::tui::i18n::t;
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::style::Theme;
use crossterm::event::KeyEvent;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea};

/// One open question or action in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpItem {
    /// File name of the session that holds it.
    pub session: String,
    /// The annotation with its current status, owner and criteria folded in.
    pub annotation: Annotation,
    /// The date of that session, to tell equal numbers of different sessions apart.
    pub date: Date,
    /// Raised in this session: changed in place rather than through a recorded change.
    pub own: bool,
    /// Index of the most alike other question in the list, when it is a near-duplicate.
    pub similar: Option<usize>,
}

impl FollowUpItem {
    pub fn item_ref(&self) -> ItemRef {
        ItemRef {
            session: self.session.clone(),
            id: self.annotation.id,
        }
    }

    pub fn is_question(&self) -> bool {
        self.annotation.kind == AnnotationKind::Onderzoeksvraag
    }

    /// Where it was raised, as the room reads it: the session file, or "deze sessie".
    pub fn place(&self) -> &str {
        if self.own {
            t().follow_up_this_session
        } else {
            &self.session
        }
    }
}

/// What a key in the popup asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowUpCommand {
    /// Handled in the popup (moving, typing); nothing to save.
    Stay,
    Close,
    ShowChart,
    NextStatus,
    /// Next level of the programme's criterion at this index (keys 1..9).
    Weigh(usize),
    /// Start typing the question's theme.
    EditTheme,
    SaveTheme(String),
    /// A decision of the agenda session: the status and the reason typed.
    SaveDecision(crate::session::QuestionStatus, String),
    /// Next reading of the chosen role (support / disagree / not said).
    CycleReading,
    EditOwner,
    SaveOwner(String),
    /// `m`: mark the selected question, or merge the marked one into it.
    Merge,
    MergeCancelled,
    Undo,
    /// `l`: link the selected question to another.
    StartLink,
    /// A status chosen (with what it needs), to save.
    SetStatus(ItemRef, StatusChange),
    AddLink(ItemRef, Link),
    /// A line for the status bar.
    Say(String),
}

pub struct FollowUp {
    pub items: Vec<FollowUpItem>,
    pub selected: usize,
    /// The question marked with `m`, to be merged into the next one `m` is pressed on.
    pub merge_from: Option<ItemRef>,
    /// The owner being typed after `e` (or the theme, when `typing_theme`).
    pub owner: Option<TextArea<'static>>,
    /// A status being chosen after `s`, or a link after `l`.
    pub life: Option<LifeFlow>,
    /// The one-line field holds the theme (`t`), not the owner.
    pub typing_theme: bool,
    /// The one-line field holds the reason of this decision (agenda session).
    pub typing_decision: Option<crate::session::QuestionStatus>,
    /// The half-yearly agenda session: the selected question large, one at a time.
    pub agenda: bool,
    /// The role whose reading the reading key changes.
    pub reading_role: crate::session::Role,
    /// The programme's criteria, for the weighing keys and the criteria line.
    pub programme: std::sync::Arc<crate::session::programme::Programme>,
    /// The other sessions in the folder, loaded once when the popup opens; the current session
    /// is added from memory on every refresh, so the list shows what was just saved.
    others: Vec<(String, Session)>,
    /// (path, content hash) of the dataset, to pick the earlier sessions on it.
    dataset: (String, String),
    /// The folder as last listed, this session included, with codes: what `l` links to.
    register: Vec<(String, Session)>,
}

impl FollowUp {
    pub fn new(
        others: Vec<(String, Session)>,
        dataset: (String, String),
        current_name: &str,
        current: &Session,
    ) -> FollowUp {
        let mut f = FollowUp {
            items: Vec::new(),
            selected: 0,
            merge_from: None,
            owner: None,
            life: None,
            typing_theme: false,
            typing_decision: None,
            agenda: false,
            reading_role: crate::session::Role::Toegang,
            programme: std::sync::Arc::default(),
            others,
            dataset,
            register: Vec::new(),
        };
        f.refresh(current_name, current);
        f
    }

    /// Rebuilds the list after a change to the current session, keeping the selected item
    /// selected when it is still listed.
    pub fn refresh(&mut self, current_name: &str, current: &Session) {
        let selected = self.selected_item().map(FollowUpItem::item_ref);
        let mut sessions: Vec<(String, Session)> = self
            .others
            .iter()
            .filter(|(n, _)| n != current_name)
            .cloned()
            .collect();
        // In file-name order, as the folder lists them: ties between changes follow it.
        let at = sessions.partition_point(|(n, _)| n.as_str() < current_name);
        sessions.insert(at, (current_name.to_string(), current.clone()));
        // Every question and action by its code in the folder.
        crate::session::codes::assign(&mut sessions);
        let dataset = (self.dataset.0.as_str(), self.dataset.1.as_str());
        let mut items = open_items(&sessions, dataset, current_name);
        keep_listed(&mut items, &self.items, &sessions);
        mark_near_duplicates(&mut items);
        self.items = items;
        self.register = sessions;
        self.selected = selected
            .and_then(|k| self.items.iter().position(|i| i.item_ref() == k))
            .unwrap_or(self.selected)
            .min(self.items.len().saturating_sub(1));
    }

    /// "nr 2 (10 sep)": the number with the day of the session it is from, so the numbers of
    /// different sessions never read alike; this session's own items are just "nr 2". When
    /// two sessions share the day, the year is added, and on the same date the file name.
    pub fn label(&self, item: &FollowUpItem) -> String {
        let id = item.annotation.id;
        if item.own {
            return t().item_number(id, None);
        }
        let forms = |i: &FollowUpItem| {
            let stem = i.session.strip_suffix(".toml").unwrap_or(&i.session);
            [
                t().day_month(i.date),
                t().date_short(i.date),
                stem.to_string(),
            ]
        };
        let mine = forms(item);
        let alike: Vec<[String; 3]> = self
            .items
            .iter()
            .filter(|o| !o.own && o.session != item.session && o.annotation.id == id)
            .map(forms)
            .collect();
        let level = (0..2)
            .find(|&k| alike.iter().all(|o| o[k] != mine[k]))
            .unwrap_or(2);
        t().item_number(id, Some(&mine[level]))
    }

    pub fn selected_item(&self) -> Option<&FollowUpItem> {
        self.items.get(self.selected)
    }

    /// Opens the owner field on the selected item, filled with its current owner.
    pub fn start_owner_edit(&mut self) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let mut field = TextArea::new(vec![item.annotation.owner.clone()]);
        field.move_cursor(CursorMove::End);
        self.owner = Some(field);
        self.typing_theme = false;
    }

    /// Opens the one-line field on the selected question's theme.
    pub fn start_theme_edit(&mut self) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let mut field = TextArea::new(vec![item.annotation.theme.clone()]);
        field.move_cursor(CursorMove::End);
        self.owner = Some(field);
        self.typing_theme = true;
    }

    /// The list's keys, or the one-line input's while the owner is typed.
    pub fn context(&self) -> Context {
        if let Some(life) = &self.life {
            return life.context();
        }
        if self.owner.is_some() {
            Context::Input
        } else {
            Context::FollowUp
        }
    }

    /// An action of this popup's context; unbound keys are typed into the owner field.
    pub fn handle(&mut self, action: Option<Action>, key: KeyEvent) -> FollowUpCommand {
        if let Some(life) = &mut self.life {
            let outcome = life.handle(action, key);
            if !matches!(outcome, LifeOutcome::Stay | LifeOutcome::Say(_)) {
                self.life = None;
            }
            return match outcome {
                LifeOutcome::Stay | LifeOutcome::Cancelled => FollowUpCommand::Stay,
                LifeOutcome::Say(line) => FollowUpCommand::Say(line),
                LifeOutcome::Status(item, change) => FollowUpCommand::SetStatus(item, change),
                LifeOutcome::Link(item, link) => FollowUpCommand::AddLink(item, link),
            };
        }
        if let Some(field) = &mut self.owner {
            return match action {
                Some(Action::Cancel) => {
                    self.owner = None;
                    self.typing_decision = None;
                    FollowUpCommand::Stay
                }
                Some(Action::Save) => {
                    // One line: anything pasted over several lines becomes one.
                    let text = field.lines().join(" ").trim().to_string();
                    self.owner = None;
                    if let Some(status) = self.typing_decision.take() {
                        return FollowUpCommand::SaveDecision(status, text);
                    }
                    match std::mem::take(&mut self.typing_theme) {
                        true => FollowUpCommand::SaveTheme(text),
                        false => FollowUpCommand::SaveOwner(text),
                    }
                }
                _ => {
                    field.input(key);
                    FollowUpCommand::Stay
                }
            };
        }
        if let Some(command) = self.agenda_key(action) {
            return command;
        }
        let last = self.items.len().saturating_sub(1);
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(last),
            Some(Action::Home) => self.selected = 0,
            Some(Action::End) => self.selected = last,
            Some(Action::Cancel) if self.merge_from.take().is_some() => {
                return FollowUpCommand::MergeCancelled;
            }
            Some(Action::Cancel) => return FollowUpCommand::Close,
            Some(Action::Activate) => return FollowUpCommand::ShowChart,
            Some(Action::CycleStatus) => return FollowUpCommand::NextStatus,
            Some(Action::EditOwner) => return FollowUpCommand::EditOwner,
            Some(Action::Merge) => return FollowUpCommand::Merge,
            Some(Action::Link) => return FollowUpCommand::StartLink,
            Some(Action::Undo) => return FollowUpCommand::Undo,
            Some(Action::WeighRelevance) => return FollowUpCommand::Weigh(0),
            Some(Action::WeighUrgency) => return FollowUpCommand::Weigh(1),
            Some(Action::WeighFeasibility) => return FollowUpCommand::Weigh(2),
            Some(Action::WeighSupport) => return FollowUpCommand::Weigh(3),
            Some(Action::Weigh5) => return FollowUpCommand::Weigh(4),
            Some(Action::Weigh6) => return FollowUpCommand::Weigh(5),
            Some(Action::Weigh7) => return FollowUpCommand::Weigh(6),
            Some(Action::Weigh8) => return FollowUpCommand::Weigh(7),
            Some(Action::Weigh9) => return FollowUpCommand::Weigh(8),
            Some(Action::EditTheme) => return FollowUpCommand::EditTheme,
            Some(Action::CycleReading) => return FollowUpCommand::CycleReading,
            Some(Action::NextReadingRole) => {
                let all = crate::session::Role::ALL;
                let i = all
                    .iter()
                    .position(|r| *r == self.reading_role)
                    .unwrap_or(0);
                self.reading_role = all[(i + 1) % all.len()];
            }
            _ => {}
        }
        FollowUpCommand::Stay
    }

    /// Under the list: the status or link step, or the one-line field (owner or theme).
    fn draw_field(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, field: Rect) {
        if let Some(life) = &self.life {
            life.draw(frame, theme, keys, field);
        } else if let Some(owner) = &self.owner {
            let [prompt, input] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(3)]).areas(field);
            frame.render_widget(
                Paragraph::new(format!(
                    "{} ({})",
                    match self.typing_theme {
                        true => t().follow_up_theme_prompt,
                        false => t().follow_up_owner_prompt,
                    },
                    keys.hint(Context::Input, &[Action::Save, Action::Cancel])
                ))
                .style(theme.base()),
                prompt,
            );
            super::draw_editor(frame, theme, owner, input);
        }
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, keys: &Keymap, area: Rect) {
        if self.agenda {
            return self.draw_agenda(frame, theme, keys, area);
        }
        let width = area.width.saturating_sub(4).clamp(20, 120);
        let height = area.height.saturating_sub(4).clamp(5, 30);
        let inner =
            super::frame_popup(frame, theme, area, (width, height), t().follow_up_title, "");
        let hint = format!(
            "{} · {}",
            keys.hint(
                Context::FollowUp,
                &[
                    Action::AgendaSession,
                    Action::CycleStatus,
                    Action::EditTheme,
                    Action::NextReadingRole,
                    Action::CycleReading,
                    Action::EditOwner,
                    Action::Merge,
                    Action::Link,
                    Action::Undo,
                    Action::Activate,
                    Action::Cancel,
                ],
            ),
            t().follow_up_criteria_note(&self.programme)
        );
        // The help wraps; one line more than the characters need leaves room for word breaks.
        let help_lines = (hint.chars().count() as u16)
            .div_ceil(inner.width.max(1))
            .saturating_add(1)
            .min(6);
        let field_lines = match (&self.life, &self.owner) {
            (Some(life), _) => life.height(),
            (None, Some(_)) => 4,
            (None, None) => 0,
        };
        let [list, field, help] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(field_lines),
            Constraint::Length(help_lines),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme.dimmed())
                .wrap(Wrap { trim: true }),
            help,
        );
        self.draw_field(frame, theme, keys, field);
        if self.items.is_empty() {
            frame.render_widget(
                Paragraph::new(t().follow_up_empty)
                    .style(theme.dimmed())
                    .wrap(Wrap { trim: true }),
                list,
            );
            return;
        }
        let items: Vec<ListItem> = self
            .items
            .iter()
            .map(|item| ListItem::new(self.item_lines(item, theme)))
            .collect();
        super::draw_choices(frame, theme, items, self.selected, list);
    }

    /// The head line, the first line of the text, and for a question its criteria.
    fn item_lines(&self, item: &FollowUpItem, theme: &Theme) -> Vec<Line<'static>> {
        let text = item.annotation.text.lines().next().unwrap_or_default();
        let mut lines = vec![
            self.head_line(item, theme),
            Line::from(Span::styled(format!("   {text}"), theme.base())),
        ];
        if item.is_question() {
            lines.push(self.criteria_line(item, theme));
        }
        if let Some(l) = t().readings_line(&item.annotation, self.reading_role) {
            lines.push(Line::from(Span::styled(format!("   {l}"), theme.dimmed())));
        }
        lines
    }

    /// Kind, number, status; where it points, who raised it, owner; the session it is from.
    fn head_line(&self, item: &FollowUpItem, theme: &Theme) -> Line<'static> {
        let a = &item.annotation;
        let status = a.status.map(|s| t().question_status(s)).unwrap_or_default();
        let about = format!(
            " {} · {} · {} · {} · ",
            a.anchor.indicator,
            t().anchor_period(&a.anchor),
            t().role(a.role),
            t().owner_line(&a.owner)
        );
        // This session's own items stand out: they are edited in place, not as a change.
        let place_style = if item.own {
            theme.base().fg(theme.accent)
        } else {
            theme.dimmed()
        };
        let mut spans = vec![Span::styled(
            t().item_title(
                a.kind.marker(),
                t().kind(a.kind),
                &self.coded_label(item),
                status,
            ),
            theme.base().fg(theme.accent).add_modifier(Modifier::BOLD),
        )];
        // Early in the line, so a narrow popup does not cut it off.
        if self.merge_from.as_ref() == Some(&item.item_ref()) {
            spans.push(Span::styled(
                format!(" {}", t().follow_up_merge_mark),
                theme.warning(),
            ));
        }
        spans.push(Span::styled(about, theme.dimmed()));
        spans.push(Span::styled(item.place().to_string(), place_style));
        Line::from(spans)
    }

    /// "R hoog · U – · H – · B –", and which listed question it looks like.
    fn criteria_line(&self, item: &FollowUpItem, theme: &Theme) -> Line<'static> {
        let mut spans = vec![Span::styled(
            format!(
                "   {}",
                t().criteria_compact(&self.programme, &item.annotation.criteria)
            ),
            theme.base(),
        )];
        if let Some(other) = item.similar.and_then(|j| self.items.get(j)) {
            let label = match other.own {
                true => format!("{} ({})", self.label(other), other.place()),
                false => self.label(other),
            };
            let hint = t().near_duplicate(&label);
            spans.push(Span::styled(format!("  · {hint}"), theme.warning()));
        }
        Line::from(spans)
    }
}

/// The open questions and actions to follow up: those of earlier sessions on the dataset, then
/// this session's own (`current`, a file name in `sessions`), each with its current status,
/// owner and criteria; questions merged into another are left out.
fn open_items(
    sessions: &[(String, Session)],
    dataset: (&str, &str),
    current: &str,
) -> Vec<FollowUpItem> {
    let earlier = open_items_among(sessions, dataset, current)
        .into_iter()
        .map(|(sessie, annotation)| (sessie, annotation, false));
    let own = sessions
        .iter()
        .filter(|(n, _)| n == current)
        .flat_map(|(n, s)| s.annotations.iter().map(move |a| (n, a)))
        .filter(|(_, a)| a.kind.has_status())
        .map(|(n, a)| (n.clone(), with_state(sessions, n, a), true));
    earlier
        .chain(own.filter(|(n, a, _)| a.is_open_item() && !merged_away(sessions, n, a.id)))
        .map(|(session, annotation, own)| FollowUpItem {
            date: date_of(sessions, &session),
            session,
            annotation,
            own,
            similar: None,
        })
        .collect()
}

/// Puts back, with their new state, the items listed before that are no longer open: they stay
/// until the popup closes, so `s` can cycle on past beantwoord and vervallen back to open.
/// Merged-away questions do leave.
fn keep_listed(
    items: &mut Vec<FollowUpItem>,
    before: &[FollowUpItem],
    sessions: &[(String, Session)],
) {
    for (at, old) in before.iter().enumerate() {
        let (sessie, id) = (&old.session, old.annotation.id);
        if items.iter().any(|i| i.item_ref() == old.item_ref()) || merged_away(sessions, sessie, id)
        {
            continue;
        }
        let Some(a) = sessions
            .iter()
            .find(|(n, _)| n == sessie)
            .and_then(|(_, s)| s.get(id))
        else {
            continue;
        };
        let item = FollowUpItem {
            annotation: with_state(sessions, sessie, a),
            similar: None,
            ..old.clone()
        };
        items.insert(at.min(items.len()), item);
    }
}

/// The date of the session `name` (today's when it is not among `sessions`).
fn date_of(sessions: &[(String, Session)], name: &str) -> Date {
    sessions
        .iter()
        .find(|(n, _)| n == name)
        .map_or_else(crate::session::today, |(_, s)| s.date)
}

/// The annotation with the status, owner and criteria after every change and merge in
/// `sessions` (as the earlier sessions' items come from `open_items_among`).
fn with_state(sessions: &[(String, Session)], name: &str, a: &Annotation) -> Annotation {
    let state = item_state(sessions, name, a);
    let mut a = a.clone();
    a.status = Some(state.status);
    a.owner = state.owner;
    a.criteria = state.criteria;
    a.theme = state.theme;
    a.support = state.support;
    a.disagree = state.disagree;
    a
}

/// Points every question to the most alike other question in the list, when that is a
/// near-duplicate (the first one on a tie).
fn mark_near_duplicates(items: &mut [FollowUpItem]) {
    let questions: Vec<usize> = (0..items.len())
        .filter(|i| items[*i].is_question())
        .collect();
    for &i in &questions {
        let text = &items[i].annotation.text;
        items[i].similar = questions
            .iter()
            .filter(|j| **j != i)
            .map(|&j| (j, similarity(text, &items[j].annotation.text)))
            .filter(|(_, s)| *s >= NEAR_DUPLICATE)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(j, _)| j);
    }
}

mod agenda;
mod life;

#[cfg(test)]
mod tests;
