//! The one write gate of a session: every change to an open session goes through a
//! [`SessionWriter`], which saves atomically before the change counts, keeps undo and redo, and
//! knows the rules for items of earlier sessions (recorded as changes in this session, never
//! written into the earlier file) and merges. A session that may not be written is an
//! [`OpenSession::ReadOnly`]: it has no writer, so nothing can write it.

use crate::session::model::{
    AgendaItem, Annotation, ItemChange, ItemRef, Merge, QuestionStatus, Role, Session, now_local,
};
use crate::session::store::{self, LockOutcome, SessionError, SessionLock};
use disk::{DiskStamp, DiskState};
use std::path::{Path, PathBuf};

pub mod disk;
mod lifecycle;

pub use lifecycle::StatusChange;

/// Undo keeps this many steps; older ones are dropped.
const UNDO_DEPTH: usize = 200;

/// What a change did, so the interface can say what undo and redo undid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    AnnotationAdded,
    AnnotationEdited,
    AnnotationDeleted,
    HeaderEdited,
    AgendaEdited,
    ItemChanged,
    Merged,
}

/// One field of a question or action changed in the follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemEdit {
    Status(QuestionStatus),
    Owner(String),
    /// Criterion id of the programme, and its level (`None`: not weighed).
    Weigh(String, Option<String>),
    /// The theme on the research agenda.
    Theme(String),
    /// The roles that support it and the roles that disagree (roles only, no names).
    Readings(Vec<Role>, Vec<Role>),
}

impl ItemEdit {
    fn apply(&self, a: &mut Annotation) {
        match self {
            ItemEdit::Status(s) => a.status = Some(*s),
            ItemEdit::Owner(o) => a.owner = o.clone(),
            ItemEdit::Weigh(c, l) => a.criteria.set(c, l.as_deref()),
            ItemEdit::Theme(t) => a.theme = t.clone(),
            ItemEdit::Readings(s, d) => (a.support, a.disagree) = (s.clone(), d.clone()),
        }
    }

    /// The change as recorded for an item of an earlier session: only this field set.
    fn recorded(&self, item: &ItemRef, by: &str) -> ItemChange {
        let mut change =
            ItemChange::status(&item.session, item.id, QuestionStatus::Open, now_local());
        change.status = None;
        change.by = by.to_string();
        match self {
            ItemEdit::Status(s) => change.status = Some(*s),
            ItemEdit::Owner(o) => change.owner = Some(o.clone()),
            ItemEdit::Weigh(c, l) => change.criteria.set(c, l.as_deref()),
            ItemEdit::Theme(t) => change.theme = Some(t.clone()),
            ItemEdit::Readings(s, d) => {
                (change.support, change.disagree) = (Some(s.clone()), Some(d.clone()))
            }
        }
        change
    }
}

/// Why an open session cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another duiden has it open.
    HeldBy {
        user: String,
        host: String,
        pid: u32,
        since: String,
    },
    /// The lock could not be taken (e.g. a read-only folder).
    LockFailed(String),
    /// Opened to look back (review mode): never written.
    Review,
}

/// A session as the interface holds it: writable through its writer, or read-only.
pub enum OpenSession {
    Writable(SessionWriter),
    ReadOnly {
        path: PathBuf,
        session: Session,
        reason: ReadOnlyReason,
        /// The file as last read, to show the holder's saves (not for review).
        seen: Option<DiskStamp>,
    },
}

/// What a read-only opener notices about a session another process holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchEvent {
    /// The holder saved: the session was read again (its new annotations show).
    Updated,
    /// Nobody holds the lock any more: the session can be taken over for writing.
    Free,
}

impl OpenSession {
    /// Opens for writing when the lock can be had, else read-only with the reason.
    pub fn open(path: PathBuf, session: Session) -> OpenSession {
        // A symlinked session is written through to its target, resolved once here: the lock,
        // the temporary files and every save follow that file, even if the link changes later.
        let target = store::resolved(&path);
        match store::acquire(&target) {
            Ok(LockOutcome::Acquired(lock)) => {
                // Holding the lock, no other duiden saves this session: its old temporary
                // files are what a killed save left.
                store::remove_stale_temps(&target);
                let disk = DiskStamp::read(&target).ok().flatten();
                // Codes the folder gives its older questions are stored with the next save.
                let session = lifecycle::with_folder_codes(&path, session);
                OpenSession::Writable(SessionWriter {
                    path,
                    target,
                    session,
                    _lock: lock,
                    undo: Vec::new(),
                    redo: Vec::new(),
                    disk,
                })
            }
            Ok(LockOutcome::HeldBy {
                user,
                host,
                pid,
                since,
            }) => OpenSession::ReadOnly {
                seen: DiskStamp::read(&path).ok().flatten(),
                path,
                session,
                reason: ReadOnlyReason::HeldBy {
                    user,
                    host,
                    pid,
                    since,
                },
            },
            Err(e) => OpenSession::ReadOnly {
                seen: DiskStamp::read(&path).ok().flatten(),
                path,
                session,
                reason: ReadOnlyReason::LockFailed(e.to_string()),
            },
        }
    }

    /// A session shown to look back at: no lock is taken and no writer exists.
    pub fn review(path: PathBuf, session: Session) -> OpenSession {
        OpenSession::ReadOnly {
            path,
            session,
            reason: ReadOnlyReason::Review,
            seen: None,
        }
    }

    /// For a session another process holds: reads the file again when the holder saved, and
    /// says when the lock became free. Nothing for a writable session or in review.
    pub fn watch(&mut self) -> Vec<WatchEvent> {
        let OpenSession::ReadOnly {
            path,
            session,
            reason,
            seen,
        } = self
        else {
            return Vec::new();
        };
        if *reason == ReadOnlyReason::Review {
            return Vec::new();
        }
        let mut events = Vec::new();
        let changed = seen
            .as_ref()
            .is_none_or(|s| s.compare(path) == DiskState::Changed);
        if changed
            && let Ok(Some(stamp)) = DiskStamp::read(path)
            && let Ok(now) = store::load(path)
        {
            *session = now;
            *seen = Some(stamp);
            events.push(WatchEvent::Updated);
        }
        if store::is_free(path) {
            events.push(WatchEvent::Free);
        }
        events
    }

    /// Takes a read-only session over for writing: when its holder is gone, or (`force`, after
    /// the user confirmed) by breaking a lock whose holder cannot be reached. A holder that still
    /// runs on this machine keeps its lock even when forced (never two writers). The file is read
    /// again first, so nothing the holder saved is lost. `Ok(false)`: still held by another.
    pub fn take_over(&mut self, force: bool) -> Result<bool, SessionError> {
        let OpenSession::ReadOnly { path, reason, .. } = self else {
            return Ok(true);
        };
        if *reason == ReadOnlyReason::Review {
            return Ok(false);
        }
        let path = path.clone();
        if force && !store::is_free(&path) {
            if store::current_holder(&path) == store::HolderState::Running {
                return Ok(false);
            }
            store::break_lock(&path)?;
        }
        let session = store::load(&path)?;
        match OpenSession::open(path, session) {
            opened @ OpenSession::Writable(_) => {
                *self = opened;
                Ok(true)
            }
            OpenSession::ReadOnly { reason: now, .. } => {
                if let OpenSession::ReadOnly { reason, .. } = self {
                    *reason = now;
                }
                Ok(false)
            }
        }
    }

    pub fn session(&self) -> &Session {
        match self {
            OpenSession::Writable(w) => &w.session,
            OpenSession::ReadOnly { session, .. } => session,
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            OpenSession::Writable(w) => &w.path,
            OpenSession::ReadOnly { path, .. } => path,
        }
    }

    /// The session file's name, as items of it are referred to from other sessions.
    pub fn file_name(&self) -> String {
        file_name(self.path())
    }

    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        match self {
            OpenSession::Writable(_) => None,
            OpenSession::ReadOnly { reason, .. } => Some(reason),
        }
    }

    /// The writer, or why there is none.
    pub fn writer(&mut self) -> Result<&mut SessionWriter, ReadOnlyReason> {
        match self {
            OpenSession::Writable(w) => Ok(w),
            OpenSession::ReadOnly { reason, .. } => Err(reason.clone()),
        }
    }
}

/// The file name of a session path, as its items are referred to from other sessions.
pub fn file_name_of(path: &Path) -> String {
    file_name(path)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Holds the lock of a session while it is open for writing.
pub struct SessionWriter {
    /// The path as opened (its name is how other sessions refer to this one).
    path: PathBuf,
    /// The file written: `path`, or its target when `path` is a symlink.
    target: PathBuf,
    session: Session,
    _lock: SessionLock,
    /// Sessions before each change, newest last, with what the change was.
    undo: Vec<(Session, ChangeKind)>,
    redo: Vec<(Session, ChangeKind)>,
    /// The file as duiden last read or wrote it; `None` before the first save of a new session.
    disk: Option<DiskStamp>,
}

impl SessionWriter {
    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Applies a change and saves it; the change counts only when the file holds it. On a
    /// failed save the session in memory is as before, so the screen never shows what the
    /// file does not hold.
    fn change(
        &mut self,
        kind: ChangeKind,
        f: impl FnOnce(&mut Session),
    ) -> Result<(), SessionError> {
        self.check_disk()?;
        let before = self.session.clone();
        f(&mut self.session);
        let after = std::mem::replace(&mut self.session, before);
        self.write(&after)?;
        let before = std::mem::replace(&mut self.session, after);
        if kind != ChangeKind::Created {
            self.undo.push((before, kind));
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        Ok(())
    }

    /// Writes the session as it is (a new session exists on disk from its first second).
    pub fn save(&mut self) -> Result<(), SessionError> {
        self.change(ChangeKind::Created, |_| {})
    }

    /// Adds an annotation under the next free id, stamped with the current time.
    pub fn add_annotation(&mut self, mut a: Annotation) -> Result<u64, SessionError> {
        a.time = now_local();
        self.check_new_status(&a)?;
        self.give_code(&mut a);
        let mut id = 0;
        self.change(ChangeKind::AnnotationAdded, |s| id = s.add(a))?;
        Ok(id)
    }

    /// Replaces the annotation with the same id. A new status must be an allowed move, and is
    /// recorded as a change (when, by the facilitator).
    pub fn update_annotation(&mut self, a: Annotation) -> Result<(), SessionError> {
        let record = self.status_edit(&a)?;
        self.change(ChangeKind::AnnotationEdited, |s| {
            if let Some(cur) = s.get_mut(a.id) {
                *cur = a;
            }
            s.changes.extend(record);
        })
    }

    pub fn delete_annotation(&mut self, id: u64) -> Result<(), SessionError> {
        self.change(ChangeKind::AnnotationDeleted, |s| {
            s.remove(id);
        })
    }

    /// Facilitator, participants and agenda.
    pub fn set_header(&mut self, h: crate::session::header::Header) -> Result<(), SessionError> {
        self.change(ChangeKind::HeaderEdited, |s| {
            s.facilitator = h.facilitator;
            s.participants = h.participants;
            s.agenda = keep_prepared(std::mem::take(&mut s.agenda), h.agenda);
        })
    }

    /// Replaces the agenda (prepared, reordered, an item removed or its time changed).
    pub fn set_agenda(&mut self, agenda: Vec<AgendaItem>) -> Result<(), SessionError> {
        self.change(ChangeKind::AgendaEdited, |s| s.agenda = agenda)
    }

    /// Adds the time spent on agenda item `index`. The clock ran whatever else is undone: it is
    /// no step of its own, and the sessions undo and redo go back to keep it too.
    pub fn add_time_spent(&mut self, index: usize, seconds: u64) -> Result<(), SessionError> {
        let Some(item) = self.session.agenda.get(index) else {
            return Ok(());
        };
        let (domain, indicator) = (item.domain.clone(), item.indicator.clone());
        let bump = |s: &mut Session| {
            if let Some(item) = s.agenda.get_mut(index)
                && item.domain == domain
                && item.indicator == indicator
            {
                item.spent_seconds = item.spent_seconds.saturating_add(seconds);
            }
        };
        self.check_disk()?;
        let mut after = self.session.clone();
        bump(&mut after);
        self.write(&after)?;
        self.session = after;
        for (s, _) in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            bump(s);
        }
        Ok(())
    }

    /// Changes one field of a question or action: this session's own item in place, an earlier
    /// session's as a recorded change in this session (the earlier file is never written). A
    /// status goes through [`SessionWriter::set_status`] and its rules.
    pub fn edit_item(&mut self, item: &ItemRef, edit: ItemEdit) -> Result<(), SessionError> {
        if let ItemEdit::Status(to) = edit {
            return self.set_status(item, StatusChange::to(to));
        }
        if item.session == file_name(&self.path) {
            return self.change(ChangeKind::AnnotationEdited, |s| {
                if let Some(a) = s.get_mut(item.id) {
                    edit.apply(a);
                }
            });
        }
        let recorded = edit.recorded(item, &self.session.facilitator);
        self.change(ChangeKind::ItemChanged, |s| s.changes.push(recorded))
    }

    /// Records that `from` is the same question as `into`.
    pub fn merge(&mut self, from: &ItemRef, into: &ItemRef) -> Result<(), SessionError> {
        let merge = Merge {
            session: from.session.clone(),
            id: from.id,
            into_session: into.session.clone(),
            into_id: into.id,
            time: now_local(),
            by: self.session.facilitator.clone(),
        };
        self.change(ChangeKind::Merged, |s| s.merges.push(merge))
    }

    /// Reverts the last change and saves; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<ChangeKind>, SessionError> {
        self.step_back(false)
    }

    /// Re-applies the last undone change and saves.
    pub fn redo(&mut self) -> Result<Option<ChangeKind>, SessionError> {
        self.step_back(true)
    }

    fn step_back(&mut self, redo: bool) -> Result<Option<ChangeKind>, SessionError> {
        fn stack(w: &mut SessionWriter, redo: bool) -> &mut Vec<(Session, ChangeKind)> {
            if redo { &mut w.redo } else { &mut w.undo }
        }
        let Some((target, kind)) = stack(self, redo).pop() else {
            return Ok(None);
        };
        if let Err(e) = self.check_disk().and_then(|()| self.write(&target)) {
            stack(self, redo).push((target, kind));
            return Err(e);
        }
        let current = std::mem::replace(&mut self.session, target);
        let other = if redo { &mut self.undo } else { &mut self.redo };
        other.push((current, kind));
        Ok(Some(kind))
    }

    /// Saves `session` and remembers what the file now holds.
    fn write(&mut self, session: &Session) -> Result<(), SessionError> {
        let text = store::save_atomic_text(&self.target, session)?;
        self.disk = Some(DiskStamp::written(&self.target, text.as_bytes()));
        Ok(())
    }

    /// Refuses to save over a file another program changed since duiden read or wrote it.
    fn check_disk(&self) -> Result<(), SessionError> {
        match &self.disk {
            Some(stamp) if stamp.compare(&self.target) == DiskState::Changed => {
                Err(SessionError::ChangedOnDisk {
                    path: self.path.clone(),
                })
            }
            _ => Ok(()),
        }
    }

    /// Whether the file on disk is no longer what duiden last read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        self.check_disk().is_err()
    }

    /// The session as the file on disk holds it now (to show next to the one in memory).
    pub fn on_disk(&self) -> Result<Session, SessionError> {
        store::load(&self.target)
    }

    /// Takes the file on disk as the session from now on (after another program changed it);
    /// undo and redo start afresh, since their steps were made on the other version. The caller
    /// re-applies what was not saved (a typed annotation) through the usual calls.
    pub fn reload(&mut self) -> Result<(), SessionError> {
        let disk = DiskStamp::read(&self.target).map_err(|e| SessionError::Io {
            path: self.target.clone(),
            source: e,
        })?;
        self.session = store::load(&self.target)?;
        self.disk = disk;
        self.undo.clear();
        self.redo.clear();
        Ok(())
    }

    /// Where a copy of the session could go: beside it, or (`elsewhere`, when writing beside it
    /// is what failed) in the home folder, else the temporary folder. The user may change it.
    pub fn proposed_copy_path(&self, elsewhere: bool) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "sessie".to_string());
        let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
        let name = format!("{stem}-kopie-{stamp}.toml");
        let folder = if elsewhere {
            std::env::var_os("HOME").map_or_else(std::env::temp_dir, PathBuf::from)
        } else {
            store::parent_folder(&self.path)
        };
        folder.join(name)
    }

    /// Writes the session in memory, changed by `edit`, as a new session file at `to` (never
    /// over an existing file).
    pub fn save_copy(&self, to: &Path, edit: impl Fn(&mut Session)) -> Result<(), SessionError> {
        if to.exists() {
            return Err(SessionError::Io {
                path: to.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "bestaat al; kies een andere naam",
                ),
            });
        }
        let mut copy = self.session.clone();
        edit(&mut copy);
        store::save_atomic(to, &copy)
    }

    /// Writes a file that belongs to this session (its minutes) atomically. Only a writer can:
    /// a read-only opener never overwrites the minutes of someone else's session.
    pub fn write_beside(&self, extension: &str, bytes: &[u8]) -> Result<PathBuf, SessionError> {
        let out = self.path.with_extension(extension);
        store::write_atomic(&out, bytes)?;
        Ok(out)
    }

    /// Writes an export of this session's room (a view as SVG or PNG) beside the session as a
    /// new file, never over one: see [`store::write_export`].
    pub fn write_export(
        &self,
        stem: &str,
        ext: &str,
        keep_free: &[&str],
        bytes: &[u8],
    ) -> Result<PathBuf, SessionError> {
        store::write_export(
            &store::parent_folder(&self.path),
            stem,
            ext,
            keep_free,
            bytes,
        )
    }
}

/// The header form edits an agenda as lines (`agenda: domein/indicator | toelichting`): what it
/// does not show (title, view, time) is kept for the items that are still there, in order.
fn keep_prepared(old: Vec<AgendaItem>, new: Vec<AgendaItem>) -> Vec<AgendaItem> {
    let mut old = old;
    new.into_iter()
        .map(|mut item| {
            let same = |o: &AgendaItem| o.domain == item.domain && o.indicator == item.indicator;
            if let Some(i) = old.iter().position(same) {
                let prepared = old.remove(i);
                item.title = prepared.title;
                item.budget_minutes = prepared.budget_minutes;
                item.spent_seconds = prepared.spent_seconds;
                item.view = prepared.view;
            }
            item
        })
        .collect()
}

#[cfg(test)]
mod tests;
