//! The agenda walk: a view on screen becomes an agenda item (`A`), `]` and `[` walk the items
//! (each shown as it was prepared), the clock runs per item and is saved when the walk leaves it,
//! and after the last item comes the programme's closing question: the session's research
//! questions, one at a time.

use super::{App, Popup};
use crate::session::{AgendaItem, Annotation, AnnotationKind};
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
use crate::tui::popups::agenda::AgendaEditor;
use std::time::Instant;

/// Where the walk is.
#[derive(Debug, Clone, Default)]
pub struct AgendaWalk {
    /// The item shown: an index into the agenda; the agenda's length is the closing question.
    pub current: Option<usize>,
    /// When the current item was entered: its clock runs from here.
    pub entered: Option<Instant>,
    /// Seconds on the current item's clock at the last tick: drawing reads this, not the clock.
    pub running: u64,
    /// The research question shown at the closing question.
    pub question: usize,
}

/// What the header says about the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaStatus {
    /// 1-based, the closing question included.
    pub number: usize,
    pub count: usize,
    pub title: String,
    pub closing: bool,
    /// Seconds spent on the item: saved before plus the running clock.
    pub spent: u64,
    pub budget_minutes: Option<u32>,
    /// The facilitator's talking points for the item.
    pub note: String,
}

impl AgendaStatus {
    /// Past the planned time?
    pub fn over_budget(&self) -> bool {
        self.budget_minutes
            .is_some_and(|m| self.spent > u64::from(m) * 60)
    }
}

impl App {
    fn agenda(&self) -> &[AgendaItem] {
        self.shared
            .session
            .as_ref()
            .map_or(&[], |s| s.session().agenda.as_slice())
    }

    /// The title of an item: its own, else the indicator's name.
    pub fn agenda_title(&self, item: &AgendaItem) -> String {
        if !item.title.trim().is_empty() {
            return item.title.clone();
        }
        self.indicator_name(&item.domain, &item.indicator)
    }

    /// An indicator's name from the dataset, else its id.
    pub fn indicator_name(&self, domein: &str, indicator: &str) -> String {
        (self.dataset().meta.indicatoren.iter())
            .find(|m| m.domein == domein && m.id == indicator && !m.naam.is_empty())
            .map_or_else(|| indicator.to_string(), |m| m.naam.clone())
    }

    /// The walk's place, for the header; `None` before the walk starts.
    pub fn agenda_status(&self) -> Option<AgendaStatus> {
        let current = self.agenda_walk.current?;
        let agenda = self.agenda();
        let count = agenda.len() + 1;
        Some(match agenda.get(current) {
            Some(item) => AgendaStatus {
                number: current + 1,
                count,
                title: self.agenda_title(item),
                closing: false,
                spent: item.spent_seconds + self.agenda_walk.running,
                budget_minutes: item.budget_minutes,
                note: item.note.clone(),
            },
            None => AgendaStatus {
                number: count,
                count,
                title: t().closing_question.to_string(),
                closing: true,
                spent: self.agenda_walk.running,
                budget_minutes: None,
                note: String::new(),
            },
        })
    }

    /// The research questions of this session, for the closing question.
    pub fn closing_questions(&self) -> Vec<&Annotation> {
        self.shared.session.as_ref().map_or(Vec::new(), |s| {
            (s.session().annotations.iter())
                .filter(|a| a.kind == AnnotationKind::Onderzoeksvraag)
                .collect()
        })
    }

    /// Puts the view on screen on the agenda, as its last item.
    pub(super) fn add_to_agenda(&mut self) {
        let Some(view) = self.current_view() else {
            self.shared.message = Some(t().no_chart_for_note.to_string());
            return;
        };
        let mut item = AgendaItem::of_view(view, "");
        item.title = self.agenda_title(&item);
        let title = item.title.clone();
        let mut agenda = self.agenda().to_vec();
        agenda.push(item);
        let n = agenda.len();
        let Some(w) = self.writer() else {
            return;
        };
        let result = w.set_agenda(agenda);
        let open = first_key(&self.shared.keymap, Context::Trend, Action::AgendaOpen);
        self.saved(result, |_| t().agenda_added(n, &title, &open));
    }

    /// One step through the agenda; the step after the last item is the closing question.
    pub(super) fn agenda_step(&mut self, forward: bool) {
        let n = self.agenda().len();
        if n == 0 {
            let add = first_key(&self.shared.keymap, Context::Trend, Action::AgendaAdd);
            self.shared.message = Some(t().agenda_empty(&add));
            return;
        }
        let next = match (self.agenda_walk.current, forward) {
            (None, true) => 0,
            (None, false) => n,
            (Some(c), true) => (c + 1).min(n),
            (Some(c), false) => c.saturating_sub(1),
        };
        if Some(next) != self.agenda_walk.current {
            self.go_to_item(next);
        }
    }

    /// Shows item `index` (or the closing question), saving the clock of the one left.
    pub(crate) fn go_to_item(&mut self, index: usize) {
        self.stop_clock();
        self.agenda_walk.current = Some(index);
        self.agenda_walk.entered = Some(Instant::now());
        self.agenda_walk.running = 0;
        self.agenda_walk.question = 0;
        if let Some(item) = self.agenda().get(index).cloned() {
            self.show_view_spec(&item.view_spec());
        }
    }

    /// Adds the running clock to the item it ran for.
    pub(super) fn stop_clock(&mut self) {
        let (Some(index), Some(entered)) = (self.agenda_walk.current, self.agenda_walk.entered)
        else {
            return;
        };
        self.agenda_walk.entered = None;
        self.agenda_walk.running = 0;
        let seconds = entered.elapsed().as_secs();
        if seconds == 0 || index >= self.agenda().len() {
            return;
        }
        if let Some(w) = self.shared.session.as_mut().and_then(|s| s.writer().ok())
            && let Err(e) = w.add_time_spent(index, seconds)
        {
            self.shared.message = Some(t().not_saved(&t().session_error(&e)));
        }
    }

    /// The clock on screen, once a second; true when it changed.
    pub(super) fn tick_clock(&mut self) -> bool {
        let Some(entered) = self.agenda_walk.entered else {
            return false;
        };
        let now = entered.elapsed().as_secs();
        let changed = now != self.agenda_walk.running;
        self.agenda_walk.running = now;
        changed
    }

    /// At the closing question, the arrows go through the research questions.
    pub(super) fn closing_key(&mut self, action: crate::tui::keymap::Action) -> bool {
        let closing = self.agenda_status().is_some_and(|s| s.closing);
        if !closing {
            return false;
        }
        let n = self.closing_questions().len();
        let q = &mut self.agenda_walk.question;
        match action {
            Action::Right | Action::Down | Action::PageDown => {
                *q = (*q + 1).min(n.saturating_sub(1))
            }
            Action::Left | Action::Up | Action::PageUp => *q = q.saturating_sub(1),
            Action::Home => *q = 0,
            Action::End => *q = n.saturating_sub(1),
            _ => return false,
        }
        true
    }

    /// The agenda list.
    pub(super) fn open_agenda(&mut self) {
        if self.shared.session.is_none() {
            self.shared.message = Some(t().need_session.to_string());
            return;
        }
        let selected = self.agenda_walk.current.unwrap_or(0);
        self.popup = Some(Popup::Agenda(Box::new(AgendaEditor::new(selected))));
    }

    /// A key in the agenda list: changes go through the writer at once.
    pub(super) fn agenda_key(&mut self, mut editor: Box<AgendaEditor>, action: Option<Action>) {
        let mut agenda = self.agenda().to_vec();
        let n = agenda.len();
        let sel = editor.selected.min(n.saturating_sub(1));
        let edit = |agenda: &mut Vec<AgendaItem>, a: Action| -> Option<usize> {
            match a {
                Action::ItemUp if sel > 0 => agenda.swap(sel, sel - 1),
                Action::ItemDown if sel + 1 < n => agenda.swap(sel, sel + 1),
                Action::ItemRemove if sel < n => {
                    agenda.remove(sel);
                }
                Action::MoreTime if sel < n => {
                    let m = agenda[sel].budget_minutes.unwrap_or(0);
                    agenda[sel].budget_minutes = Some(m.saturating_add(5));
                }
                Action::LessTime if sel < n => {
                    let m = agenda[sel].budget_minutes.unwrap_or(0).saturating_sub(5);
                    agenda[sel].budget_minutes = (m > 0).then_some(m);
                }
                _ => return None,
            }
            Some(match a {
                Action::ItemUp => sel.saturating_sub(1),
                Action::ItemDown => (sel + 1).min(n.saturating_sub(1)),
                _ => sel,
            })
        };
        match action {
            Some(Action::Cancel | Action::AgendaOpen) => return,
            Some(Action::Quit) => {
                self.should_quit = true;
                return;
            }
            Some(Action::Up) => editor.selected = sel.saturating_sub(1),
            Some(Action::Down) => editor.selected = (sel + 1).min(n.saturating_sub(1)),
            Some(Action::Activate) if sel < n => {
                self.go_to_item(sel);
                return;
            }
            Some(a) => {
                // The walk keeps its item when items move: its clock is saved first.
                self.stop_clock();
                if let Some(to) = edit(&mut agenda, a)
                    && let Some(w) = self.writer()
                {
                    let result = w.set_agenda(agenda);
                    editor.selected = to;
                    self.saved(result, |_| t().agenda_saved.to_string());
                    self.agenda_walk.current = None;
                }
            }
            None => {}
        }
        self.popup = Some(Popup::Agenda(editor));
    }
}
