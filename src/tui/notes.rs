//! The session side of the interface: choosing a session, capturing and editing annotations,
//! and writing minutes; the follow-up of open questions and actions is in `follow_up`.
//! Everything written goes through `SessionState::change` (atomic save before the change is
//! confirmed).

use super::action::Action;
use super::app::{App, Focus, Popup, SessionSetup};
use super::components::chart::AxisNote;
use super::keys;
use super::open_session::{SessionState, UndoOp};
use super::popups::annotate::{AnnotateForm, FormOutcome};
use super::popups::header::{HeaderForm, HeaderOutcome};
use super::popups::start::{StartForm, StartOutcome};
use super::strings;
use super::tabs::Tab;
use crate::session::store;
use crate::session::{
    Anchor, Annotation, DatasetRef, Difference, QuestionStatus, Session, now_local, today,
};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

mod follow_up;

impl App {
    /// Sets up sessions: opens `open` when given (from `--sessie`), else offers today's sessions.
    pub fn with_sessions(mut self, setup: SessionSetup, open: Option<(PathBuf, Session)>) -> App {
        self.setup = setup;
        match open {
            Some((path, session)) => self.enter_session(path, session),
            None => {
                let today_list = store::todays_sessions(&self.setup.dir, today())
                    .into_iter()
                    .filter_map(|p| {
                        let s = store::load(&p).ok()?;
                        self.same_dataset(&s).then_some((p, s.titel))
                    })
                    .collect();
                self.popup = Some(Popup::Start(Box::new(StartForm::new(today_list))));
            }
        }
        self
    }

    fn same_dataset(&self, s: &Session) -> bool {
        s.dataset.pad == self.setup.dataset_pad || s.dataset.hash == self.dataset.content_hash
    }

    fn enter_session(&mut self, path: PathBuf, session: Session) {
        let changed = session.dataset.hash != self.dataset.content_hash;
        let state = SessionState::open(path, session);
        self.message = match (&state.read_only, changed) {
            (Some(r), _) => Some(r.clone()),
            (None, true) => Some(strings::DATA_CHANGED.to_string()),
            _ => None,
        };
        self.session = Some(state);
    }

    /// Keys go to the popup that has the keyboard, else through the key table.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        match self.popup.take() {
            Some(Popup::Annotate(mut form)) if !ctrl_c => match form.handle_key(key) {
                FormOutcome::Continue => self.popup = Some(Popup::Annotate(form)),
                FormOutcome::Cancel => {}
                FormOutcome::Save(a) => self.save_annotation(*a, form.editing),
            },
            Some(Popup::Start(mut form)) if !ctrl_c => match form.handle_key(key) {
                StartOutcome::Continue => self.popup = Some(Popup::Start(form)),
                StartOutcome::ViewOnly => self.message = Some(strings::NO_SESSION.to_string()),
                StartOutcome::Open(path) => match store::load(&path) {
                    Ok(s) => self.enter_session(path, s),
                    Err(e) => {
                        // A broken file is never overwritten: say what is wrong and stay here.
                        self.message = Some(e.to_string());
                        self.popup = Some(Popup::Start(form));
                    }
                },
                StartOutcome::Create(title) => self.create_session(&title),
            },
            Some(Popup::Header(mut form)) if !ctrl_c => match form.handle_key(key) {
                HeaderOutcome::Continue => self.popup = Some(Popup::Header(form)),
                HeaderOutcome::Cancel => {}
                HeaderOutcome::Save(h) => {
                    let Some(state) = &mut self.session else {
                        return;
                    };
                    self.message = Some(
                        match state.change(None, |s| {
                            s.facilitator = h.facilitator;
                            s.deelnemers = h.deelnemers;
                            s.agenda = h.agenda;
                        }) {
                            Ok(()) => strings::HEADER_SAVED.to_string(),
                            Err(e) => e,
                        },
                    );
                }
            },
            Some(Popup::FollowUp(mut f)) if !ctrl_c => {
                if self.follow_up_key(&mut f, key) {
                    self.popup = Some(Popup::FollowUp(f));
                }
            }
            other => {
                self.popup = other;
                if let Some(action) = keys::action_for(key) {
                    self.update(action);
                }
            }
        }
    }

    fn create_session(&mut self, title: &str) {
        let date = today();
        let path = store::session_path(&self.setup.dir, date, title);
        let mut session = Session::new(
            title,
            date,
            DatasetRef {
                pad: self.setup.dataset_pad.clone(),
                hash: self.dataset.content_hash.clone(),
            },
        );
        // The same group meets every two months: start from the last session's facilitator and
        // participants on this dataset (editable in the session file).
        if let Some((_, last)) = store::list_ok(&self.setup.dir)
            .into_iter()
            .rev()
            .find(|(_, s)| self.same_dataset(s) && !s.deelnemers.is_empty())
        {
            session.facilitator = last.facilitator;
            session.deelnemers = last.deelnemers;
        }
        let mut state = SessionState::open(path.clone(), session);
        // Written at once so the session exists (and can be continued) from its first second.
        if let Err(e) = state.change(None, |_| {}) {
            self.message = Some(e);
        }
        self.session = Some(state);
        self.show_follow_up();
    }

    /// Facilitator, participants and agenda as editable lines.
    pub(super) fn edit_header(&mut self) {
        match &self.session {
            None => self.message = Some(strings::NEED_SESSION.to_string()),
            Some(s) if s.read_only.is_some() => self.message = s.read_only.clone(),
            Some(s) => {
                let lines = crate::session::header::to_lines(&s.session);
                self.popup = Some(Popup::Header(Box::new(HeaderForm::new(lines))));
            }
        }
    }

    /// Shows the series and period an anchor refers to.
    pub fn show_anchor(&mut self, anchor: &Anchor) {
        let keys: Vec<_> = self
            .dataset
            .series_of(&anchor.domein, &anchor.indicator)
            .filter(|s| anchor.bronnen.contains(&s.key.bron) && s.key.breakdown.is_total())
            .map(|s| s.key.clone())
            .collect();
        if !keys.is_empty() {
            self.browser.reveal(&self.dataset, &keys[0]);
            self.set_selection(keys);
        }
        if let Some((from, _)) = anchor.periods() {
            self.cursor = self
                .chart
                .periods
                .iter()
                .position(|p| p.start_month() >= from.start_month())
                .or(self.cursor);
        }
        self.focus = Focus::Chart;
    }

    pub(super) fn toggle_range(&mut self) {
        if self.range_start.take().is_some() {
            self.message = Some(strings::RANGE_CLEARED.to_string());
        } else if let Some(p) = self.cursor_period() {
            self.range_start = Some(p);
            self.focus = Focus::Chart;
            self.message = Some(strings::RANGE_STARTED.to_string());
        }
    }

    /// The period range under the cursor (and range start).
    pub fn selected_range(&self) -> Option<(crate::model::Period, crate::model::Period)> {
        let c = self.cursor_period()?;
        Some(match self.range_start {
            Some(s) if s <= c => (s, c),
            Some(s) => (c, s),
            None => (c, c),
        })
    }

    pub(super) fn open_annotate(&mut self) {
        match &self.session {
            None => {
                self.message = Some(strings::NEED_SESSION.to_string());
                return;
            }
            Some(s) if s.read_only.is_some() => {
                self.message = s.read_only.clone();
                return;
            }
            Some(_) => {}
        }
        if self.tab == Tab::Compare {
            if let Some(anchor) = self.compare_anchor() {
                let participants = self.participants();
                self.popup = Some(Popup::Annotate(Box::new(AnnotateForm::new(
                    anchor,
                    self.last_role,
                    participants,
                ))));
            }
            return;
        }
        let (Some(first), Some((from, to))) = (self.chart.series.first(), self.selected_range())
        else {
            self.message = Some(strings::NO_CHART_FOR_NOTE.to_string());
            return;
        };
        let (domein, indicator) = (first.key.domein.clone(), first.key.indicator.clone());
        let mut bronnen: Vec<String> = self
            .chart
            .series
            .iter()
            .filter(|s| s.key.domein == domein && s.key.indicator == indicator)
            .map(|s| s.key.bron.clone())
            .collect();
        bronnen.dedup();
        let mut anchor = Anchor::new(&domein, &indicator, bronnen, from, to);
        anchor.granularity = self.granularity;
        let participants = self.participants();
        self.popup = Some(Popup::Annotate(Box::new(AnnotateForm::new(
            anchor,
            self.last_role,
            participants,
        ))));
    }

    /// The selected row of the comparison: its period, the sources compared, the view (period
    /// length and reference) and the named differences, so the annotation records what the room
    /// was explaining.
    fn compare_anchor(&self) -> Option<Anchor> {
        let table = self.compare.table.as_ref()?;
        let row = table.rows.get(self.compare.selected)?;
        let mut bronnen: Vec<String> = table.columns.iter().map(|c| c.bron.clone()).collect();
        bronnen.dedup();
        let mut anchor = Anchor::new(
            &table.domein,
            &table.indicator,
            bronnen,
            row.period,
            row.period,
        );
        anchor.granularity = Some(table.granularity);
        anchor.reference = table.reference.clone();
        anchor.view = crate::model::ViewKind::Compare;
        anchor.differences = Difference::of_row(table, row);
        Some(anchor)
    }

    fn participants(&self) -> Vec<crate::session::Participant> {
        self.session
            .as_ref()
            .map(|s| s.session.deelnemers.clone())
            .unwrap_or_default()
    }

    fn save_annotation(&mut self, mut a: Annotation, editing: bool) {
        let Some(state) = &mut self.session else {
            self.message = Some(strings::NEED_SESSION.to_string());
            return;
        };
        self.last_role = a.rol;
        let label = format!("{} {}", a.soort.marker(), a.soort.dutch());
        let period = crate::report::dutch_period(&a.anker);
        let result = if editing {
            let before = state.session.get(a.id).cloned();
            state.change(before.map(UndoOp::Edited), |s| {
                if let Some(cur) = s.get_mut(a.id) {
                    *cur = a;
                }
            })
        } else {
            a.time = now_local();
            let id = state.session.next_id();
            state.change(Some(UndoOp::Added(id)), |s| {
                s.add(a);
            })
        };
        self.message = Some(match result {
            Ok(()) => {
                self.range_start = None;
                strings::saved(&label, &period)
            }
            Err(e) => e,
        });
    }

    pub(super) fn undo(&mut self) {
        let Some(state) = &mut self.session else {
            self.message = Some(strings::NEED_SESSION.to_string());
            return;
        };
        self.message = Some(match state.undo_last() {
            Ok(Some(m)) => m.to_string(),
            Ok(None) => strings::NOTHING_TO_UNDO.to_string(),
            Err(e) => e,
        });
    }

    pub(super) fn write_minutes(&mut self) {
        let Some(state) = &self.session else {
            self.message = Some(strings::NEED_SESSION.to_string());
            return;
        };
        let history = store::list_ok(&self.setup.dir);
        let minutes = crate::report::Minutes::build(
            &state.session,
            &state.file_name(),
            Some(&history),
            Some(&self.dataset),
        );
        let text = crate::report::minutes::markdown(&minutes);
        let out = state.path.with_extension("md");
        self.message = Some(match store::write_atomic(&out, text.as_bytes()) {
            Ok(()) => strings::minutes_written(&out.display().to_string()),
            Err(e) => strings::not_saved(&e.to_string()),
        });
    }

    /// Annotations on the indicators in the chart, in period order.
    pub fn chart_notes(&self) -> Vec<&Annotation> {
        let Some(state) = &self.session else {
            return Vec::new();
        };
        let mut inds: Vec<(&str, &str)> = self
            .chart
            .series
            .iter()
            .map(|s| (s.key.domein.as_str(), s.key.indicator.as_str()))
            .collect();
        inds.dedup();
        let mut notes: Vec<&Annotation> = state
            .session
            .aantekeningen
            .iter()
            .filter(|a| inds.contains(&(a.anker.domein.as_str(), a.anker.indicator.as_str())))
            .collect();
        notes.sort_by_key(|a| (a.anker.periods().map(|p| p.0), a.id));
        notes
    }

    pub fn axis_notes(&self) -> Vec<AxisNote> {
        let selected = (self.focus == Focus::Notes)
            .then(|| self.chart_notes().get(self.notes_selected).map(|a| a.id))
            .flatten();
        self.chart_notes()
            .into_iter()
            .filter_map(|a| {
                let (from, to) = a.anker.periods()?;
                Some(AxisNote {
                    from,
                    to,
                    marker: a.soort.marker(),
                    selected: Some(a.id) == selected,
                })
            })
            .collect()
    }

    pub(super) fn update_notes(&mut self, action: Action) {
        let notes: Vec<Annotation> = self.chart_notes().into_iter().cloned().collect();
        if notes.is_empty() {
            return;
        }
        let last = notes.len() - 1;
        self.notes_selected = self.notes_selected.min(last);
        let current = notes[self.notes_selected].clone();
        match action {
            Action::Up => self.notes_selected = self.notes_selected.saturating_sub(1),
            Action::Down => self.notes_selected = (self.notes_selected + 1).min(last),
            Action::Home => self.notes_selected = 0,
            Action::End => self.notes_selected = last,
            Action::Activate => {
                let anchor = current.anker.clone();
                self.show_anchor(&anchor);
                self.focus = Focus::Notes;
            }
            Action::Edit => {
                let participants = self.participants();
                self.popup = Some(Popup::Annotate(Box::new(AnnotateForm::edit(
                    current,
                    participants,
                ))));
            }
            Action::Delete => {
                let Some(state) = &mut self.session else {
                    return;
                };
                let label = current.soort.dutch();
                self.message = Some(
                    match state.change(Some(UndoOp::Deleted(current.clone())), |s| {
                        s.remove(current.id);
                    }) {
                        Ok(()) => strings::deleted(label),
                        Err(e) => e,
                    },
                );
            }
            Action::CycleStatus if current.soort.has_status() => {
                let Some(state) = &mut self.session else {
                    return;
                };
                let next = current.status.unwrap_or(QuestionStatus::Open).next();
                self.message = Some(
                    match state.change(Some(UndoOp::Edited(current.clone())), |s| {
                        if let Some(a) = s.get_mut(current.id) {
                            a.status = Some(next);
                        }
                    }) {
                        Ok(()) => strings::status_set(next.dutch()),
                        Err(e) => e,
                    },
                );
            }
            _ => {}
        }
    }
}
