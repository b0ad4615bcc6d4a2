//! The session side of the main screen: choosing or creating a session, capturing and editing
//! annotations, undo and redo, the header and the minutes. Every write goes through the
//! session's [`SessionWriter`](crate::session::SessionWriter); a read-only session has none.

use super::{App, Popup, SessionSetup};
use crate::model::ViewKind;
use crate::session::Anchor;
use crate::session::store;
use crate::session::{
    Annotation, DatasetRef, OpenSession, QuestionStatus, ReadOnlyReason, Session, SessionError,
    SessionWriter, today,
};
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
use crate::tui::popups::annotate::AnnotateForm;
use crate::tui::popups::header::{HeaderForm, HeaderOutcome};
use crate::tui::popups::start::{StartForm, StartOutcome};
use crate::tui::tabs::Tab;
use crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::sync::Arc;

/// How many earlier sessions the start offers to continue.
const RECENT_SESSIONS: usize = 5;

/// Session files of today (by the date their name starts with) that cannot be read, each with
/// why (the file's name, line, column and problem), so the start lists them instead of passing
/// them over.
fn unreadable_today(listed: &[(PathBuf, Result<Session, SessionError>)]) -> Vec<(PathBuf, String)> {
    let prefix = format!("{}-", today());
    listed
        .iter()
        .filter_map(|(path, s)| {
            let e = s.as_ref().err()?;
            let name = path.file_name()?.to_string_lossy().into_owned();
            let full = t().session_error(e);
            let why = full.replacen(&path.display().to_string(), &name, 1);
            name.starts_with(&prefix).then_some((path.clone(), why))
        })
        .collect()
}

impl App {
    /// Sets up sessions: opens `open` when given (from `--sessie`), else offers the recent
    /// sessions on this dataset, a new one, or only looking.
    pub fn with_sessions(mut self, setup: SessionSetup, open: Option<(PathBuf, Session)>) -> App {
        self.shared.setup = setup;
        // A refused programma.toml is said; the default criteria apply meanwhile.
        match crate::session::programme::Programme::for_sessions(&self.shared.setup.dir) {
            Ok(p) => self.shared.programme = std::sync::Arc::new(p),
            Err(e) => self.shared.message = Some(e.to_string()),
        }
        match open {
            Some((path, session)) => self.enter_session(OpenSession::open(path, session)),
            None => self.choose_session(),
        }
        self
    }

    /// Says that the dataset has warnings (`duiden controleer` lists them with their place),
    /// unless the status line already says something.
    pub fn with_warnings_noted(mut self) -> App {
        let (warnings, omitted) = crate::load::warnings::warnings(&self.shared.dataset);
        let count = warnings.len() + omitted;
        if count > 0 && self.shared.message.is_none() {
            self.shared.message = Some(t().dataset_warnings(count));
        }
        self
    }

    /// The session choice: the most recent sessions on this dataset first (today's on top), a
    /// new session, or only looking. Also from the main screen, so looking can become a session.
    pub(super) fn choose_session(&mut self) {
        let listed = store::list(&self.shared.setup.dir);
        let unreadable = unreadable_today(&listed);
        let mut recent: Vec<(PathBuf, Session)> = listed
            .into_iter()
            .filter_map(|(path, s)| Some((path, s.ok()?)))
            .filter(|(_, s)| self.same_dataset(s))
            .collect();
        recent.sort_by(|a, b| (b.1.date, &b.0).cmp(&(a.1.date, &a.0)));
        let options = recent
            .into_iter()
            .take(RECENT_SESSIONS)
            .map(|(path, s)| (path, s.title))
            .collect();
        let form = StartForm::new(options).with_unreadable(unreadable);
        self.popup = Some(Popup::Start(Box::new(form)));
    }

    fn same_dataset(&self, s: &Session) -> bool {
        s.dataset.path == self.shared.setup.dataset_pad
            || s.dataset.hash == self.shared.dataset.content_hash
    }

    /// Shows an opened session; says when it is read-only or its data changed since.
    pub fn enter_session(&mut self, open: OpenSession) {
        let changed = open.session().dataset.hash != self.shared.dataset.content_hash;
        let key = first_key(&self.shared.keymap, Context::Global, Action::TakeOver);
        self.shared.message = match (open.read_only(), changed) {
            (Some(ReadOnlyReason::Review), _) => Some(t().review_not_here.to_string()),
            (Some(r), _) => Some(t().with_take_over(&t().read_only_reason(r), &key)),
            (None, true) => Some(t().data_changed.to_string()),
            _ => None,
        };
        self.shared.session = Some(open);
        self.refresh_researched();
        self.refresh_notes();
    }

    /// Reads which questions of the folder are answered, with the open session as it is now.
    pub(super) fn refresh_researched(&mut self) {
        let Some(open) = &self.shared.session else {
            self.shared.researched.clear();
            return;
        };
        let name = open.file_name();
        let mut sessions: Vec<(String, Session)> = store::list_ok(&self.shared.setup.dir)
            .into_iter()
            .filter(|(n, _)| *n != name)
            .collect();
        sessions.push((name, open.session().clone()));
        let notices = crate::session::codes::assign(&mut sessions);
        self.shared.researched = crate::session::answered::all(&sessions);
        // A code given twice (two laptops at once) is said, unless something else is said now.
        if let (None, Some(n)) = (&self.shared.message, notices.first()) {
            self.shared.message = Some(t().code_notice(n));
        }
    }

    /// The writer of the open session, or a message saying why there is none.
    pub(super) fn writer(&mut self) -> Option<&mut SessionWriter> {
        let result = match &mut self.shared.session {
            None => Err(t().need_session.to_string()),
            Some(s) => s.writer().map_err(|r| t().read_only_reason(&r)),
        };
        match result {
            Ok(w) => Some(w),
            Err(m) => {
                self.shared.message = Some(m);
                None
            }
        }
    }

    /// Reports a save: the success message, or that nothing was saved and why.
    pub(super) fn saved<T>(
        &mut self,
        result: Result<T, SessionError>,
        ok: impl FnOnce(T) -> String,
    ) {
        self.shared.message = Some(match result {
            Ok(v) => ok(v),
            Err(e) => t().not_saved(&t().session_error(&e)),
        });
        self.refresh_notes();
    }

    /// A key for the popup that has the keyboard; the popup stays unless it is done.
    pub(super) fn popup_key(&mut self, popup: Popup, action: Option<Action>, key: KeyEvent) {
        match popup {
            Popup::Help { .. } => {
                self.popup = Some(popup);
                if let Some(a) = action {
                    self.update(a);
                }
            }
            Popup::Annotate(mut form) => {
                let outcome = form.handle(action, key);
                self.annotate_outcome(form, outcome);
            }
            Popup::Start(mut form) => match form.handle(action, key) {
                StartOutcome::Continue => self.popup = Some(Popup::Start(form)),
                StartOutcome::ViewOnly => self.shared.message = Some(t().no_session.to_string()),
                StartOutcome::Open(path) => match store::load(&path) {
                    Ok(s) => self.enter_session(OpenSession::open(path, s)),
                    Err(e) => {
                        // A broken file is never overwritten: say what is wrong and stay here.
                        self.shared.message = Some(t().session_error(&e));
                        self.popup = Some(Popup::Start(form));
                    }
                },
                StartOutcome::Create(title) => self.create_session(&title),
            },
            Popup::Header(mut form) => match form.handle(action, key) {
                HeaderOutcome::Continue => self.popup = Some(Popup::Header(form)),
                HeaderOutcome::Cancel => {}
                HeaderOutcome::Save(h) => {
                    if let Some(w) = self.writer() {
                        let result = w.set_header(h);
                        // Not saved: the lines stay on screen (the status line says why).
                        if result.is_err() {
                            self.popup = Some(Popup::Header(form));
                        }
                        self.saved(result, |_| t().header_saved.to_string());
                    }
                }
            },
            Popup::Agenda(editor) => self.agenda_key(editor, action),
            Popup::Palette(palette) => self.palette_key(palette, action, key),
            Popup::FollowUp(mut f) => {
                if self.follow_up_key(&mut f, action, key) {
                    self.popup = Some(Popup::FollowUp(f));
                }
            }
        }
    }

    fn create_session(&mut self, title: &str) {
        let date = today();
        let dir = self.shared.setup.dir.clone();
        let path = store::session_path(&dir, date, title);
        let mut session = Session::new(
            title,
            date,
            DatasetRef {
                path: self.shared.setup.dataset_pad.clone(),
                hash: self.shared.dataset.content_hash.clone(),
            },
        );
        // The same group meets every two months: start from the last session's facilitator and
        // participants on this dataset (editable in the session file).
        if let Some((_, last)) = store::list_ok(&dir)
            .into_iter()
            .rev()
            .find(|(_, s)| self.same_dataset(s) && !s.participants.is_empty())
        {
            session.facilitator = last.facilitator;
            session.participants = last.participants;
        }
        self.enter_session(OpenSession::open(path, session));
        // Written at once so the session exists (and can be continued) from its first second.
        if let Some(w) = self.writer()
            && let Err(e) = w.save()
        {
            self.shared.message = Some(t().not_saved(&t().session_error(&e)));
        }
        self.show_follow_up();
    }

    /// Facilitator, participants and agenda as editable lines.
    pub(super) fn edit_header(&mut self) {
        if let Some(w) = self.writer() {
            let lines = crate::session::header::to_lines(w.session());
            self.popup = Some(Popup::Header(Box::new(HeaderForm::new(lines))));
        }
    }

    pub(super) fn open_annotate(&mut self) {
        if self.writer().is_none() {
            return;
        }
        let anchor = match self.tab {
            Tab::Compare => self.compare.anchor(),
            _ => self.trend.anchor(),
        };
        let Some(anchor) = anchor else {
            self.shared.message = Some(t().no_chart_for_note.to_string());
            return;
        };
        let participants = self.participants();
        self.popup = Some(Popup::Annotate(Box::new(AnnotateForm::new(
            anchor,
            self.shared.last_role,
            participants,
        ))));
    }

    fn participants(&self) -> Vec<crate::session::Participant> {
        self.shared
            .session
            .as_ref()
            .map(|s| s.session().participants.clone())
            .unwrap_or_default()
    }

    /// A signal ends the program: an annotation being typed is saved (it would be lost
    /// otherwise), then the interface quits; the writer's lock goes with the app.
    pub fn save_before_exit(&mut self) {
        if let Some(Popup::Annotate(form)) = &self.popup
            && let Some(a) = form.typed()
        {
            let editing = form.editing;
            self.popup = None;
            // Ending anyway: a failure is in the status line the terminal leaves behind.
            let _ = self.save_annotation(a, editing);
        }
        self.stop_clock();
        self.should_quit = true;
    }

    /// Saves a new or edited annotation; the error is given back so the form can stay.
    pub(super) fn save_annotation(
        &mut self,
        a: Annotation,
        editing: bool,
    ) -> Result<(), super::failed_save::SaveFailure> {
        self.shared.last_role = a.role;
        let label = format!("{} {}", a.kind.marker(), t().kind(a.kind));
        let period = t().anchor_period(&a.anchor);
        let Some(w) = self.writer() else {
            return Ok(());
        };
        // An edited annotation another program removed meanwhile is added again, not lost.
        let result = if editing && w.session().get(a.id).is_some() {
            w.update_annotation(a)
        } else {
            w.add_annotation(a).map(|_| ())
        };
        if result.is_ok() {
            self.trend.range_start = None;
        }
        let back = result
            .as_ref()
            .map(|_| ())
            .map_err(super::failed_save::SaveFailure::of);
        self.saved(result, |_| t().saved(&label, &period));
        back
    }

    pub(super) fn undo(&mut self, redo: bool) {
        let Some(w) = self.writer() else {
            return;
        };
        let result = if redo { w.redo() } else { w.undo() };
        self.saved(result, |kind| match kind {
            Some(k) => t().undone(k, redo),
            None if redo => t().nothing_to_redo.to_string(),
            None => t().nothing_to_undo.to_string(),
        });
    }

    /// Editing needs an annotation chosen in the trend's annotation pane.
    fn pick_note(&self) -> String {
        t().pick_note(&first_key(
            &self.shared.keymap,
            Context::Trend,
            Action::NextPane,
        ))
    }

    /// Shows the view an annotation was made in: its tab, period length, reference, sources and
    /// period (the trend keeps its range marked).
    pub fn show_view(&mut self, anchor: &Anchor) {
        let data = Arc::clone(&self.shared.dataset);
        self.trend.granularity = anchor.granularity;
        self.trend.show_anchor(&data, anchor);
        let kind = match anchor.view {
            ViewKind::Compare => ViewKind::Trend,
            other => other,
        };
        // A view that cannot be made any more (the data changed) shows the trend.
        self.trend.set_kind(&data, kind, anchor.dimension);
        self.tab = match anchor.view {
            ViewKind::Trend
            | ViewKind::Season
            | ViewKind::Parts
            | ViewKind::Stacked
            | ViewKind::PartsChange
            | ViewKind::Places => Tab::Trend,
            ViewKind::Compare => {
                let c = &mut self.compare;
                c.granularity = anchor.granularity;
                c.open(&data, &anchor.domain, &anchor.indicator, Some(anchor.from));
                if anchor.reference.is_some() && c.reference != anchor.reference {
                    c.reference = anchor.reference.clone();
                    // Same indicator: the reference stays, the period is selected again.
                    c.open(&data, &anchor.domain, &anchor.indicator, Some(anchor.from));
                }
                // With several gemeenten, the row of the regio the note was made on.
                if let Some(regio) = &anchor.region {
                    let b = crate::model::Breakdown {
                        regio: Some(regio.clone()),
                        ..Default::default()
                    };
                    c.select_region(&data, &b, anchor.from);
                }
                Tab::Compare
            }
        };
        self.refresh_notes();
    }

    pub(super) fn edit_note(&mut self) {
        let Some(note) = self.trend.selected_note().cloned() else {
            self.shared.message = Some(self.pick_note());
            return;
        };
        if self.writer().is_some() {
            let participants = self.participants();
            self.popup = Some(Popup::Annotate(Box::new(AnnotateForm::edit(
                note,
                participants,
            ))));
        }
    }

    pub(super) fn delete_note(&mut self) {
        let Some(note) = self.trend.selected_note().cloned() else {
            self.shared.message = Some(self.pick_note());
            return;
        };
        if let Some(w) = self.writer() {
            let result = w.delete_annotation(note.id);
            let undo = first_key(&self.shared.keymap, self.context(), Action::Undo);
            self.saved(result, |_| t().deleted(t().kind(note.kind), &undo));
        }
    }

    pub(super) fn cycle_note_status(&mut self) {
        let Some(note) = self.trend.selected_note().cloned() else {
            self.shared.message = Some(self.pick_note());
            return;
        };
        if !note.kind.has_status() {
            return;
        }
        // One step along the lifecycle: the first allowed next status (the follow-up offers
        // them all, and asks what beantwoord, vervallen and reopening need).
        let now = note.status.unwrap_or(QuestionStatus::Open);
        let Some(next) = crate::session::lifecycle::choosable_next(now)
            .first()
            .copied()
        else {
            self.shared.message = Some(t().life_no_next(t().question_status(now)));
            return;
        };
        if let Some(w) = self.writer() {
            let item = crate::session::ItemRef {
                session: crate::session::writer::file_name_of(w.path()),
                id: note.id,
            };
            let result = w.set_status(&item, crate::session::StatusChange::to(next));
            self.saved(result, |_| t().status_set(t().question_status(next)));
            self.refresh_researched();
        }
    }
}
