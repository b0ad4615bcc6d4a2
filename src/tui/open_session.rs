//! The open session as the interface holds it: every change goes through `change`, which saves
//! atomically before the change is confirmed on screen, and keeps an undo stack.

use crate::session::store::{self, LockOutcome, SessionLock};
use crate::session::{Annotation, Session};
use std::path::PathBuf;

/// What `u` undoes.
#[derive(Debug, Clone)]
pub enum UndoOp {
    Added(u64),
    Deleted(Annotation),
    Edited(Annotation),
}

pub struct SessionState {
    pub path: PathBuf,
    pub session: Session,
    /// Held while we may write; `None` means read-only.
    pub lock: Option<SessionLock>,
    /// Why the session is read-only, shown in the title bar.
    pub read_only: Option<String>,
    pub undo: Vec<UndoOp>,
}

impl SessionState {
    /// Opens a session for writing when its lock can be had, else read-only with the holder named.
    pub fn open(path: PathBuf, session: Session) -> SessionState {
        let (lock, read_only) = match store::acquire(&path) {
            Ok(LockOutcome::Acquired(lock)) => (Some(lock), None),
            Ok(LockOutcome::HeldBy {
                user,
                host,
                pid,
                since,
            }) => (
                None,
                Some(super::strings::held_by(&user, &host, pid, &since)),
            ),
            Err(e) => (None, Some(super::strings::not_lockable(&e.to_string()))),
        };
        SessionState {
            path,
            session,
            lock,
            read_only,
            undo: Vec::new(),
        }
    }

    /// A session shown without the right to change it (review mode): no lock is taken, so
    /// opening it writes nothing, and every change is refused with `reason`.
    pub fn read_only(path: PathBuf, session: Session, reason: &str) -> SessionState {
        SessionState {
            path,
            session,
            lock: None,
            read_only: Some(reason.to_string()),
            undo: Vec::new(),
        }
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Applies a change and saves it. On a failed save the change is undone in memory too, so
    /// the screen never shows what the file does not hold.
    pub fn change(
        &mut self,
        undo: Option<UndoOp>,
        f: impl FnOnce(&mut Session),
    ) -> Result<(), String> {
        if let Some(reason) = &self.read_only {
            return Err(reason.clone());
        }
        let before = self.session.clone();
        f(&mut self.session);
        match store::save_atomic(&self.path, &self.session) {
            Ok(()) => {
                if let Some(op) = undo {
                    self.undo.push(op);
                }
                Ok(())
            }
            Err(e) => {
                self.session = before;
                Err(super::strings::not_saved(&e.to_string()))
            }
        }
    }

    /// Reverts the last change (and saves).
    pub fn undo_last(&mut self) -> Result<Option<&'static str>, String> {
        let Some(op) = self.undo.pop() else {
            return Ok(None);
        };
        let result = self.change(None, |s| match op.clone() {
            UndoOp::Added(id) => {
                s.remove(id);
            }
            UndoOp::Deleted(a) => {
                s.restore(a);
            }
            UndoOp::Edited(a) => {
                if let Some(cur) = s.get_mut(a.id) {
                    *cur = a;
                }
            }
        });
        match result {
            Ok(()) => Ok(Some(match op {
                UndoOp::Added(_) => super::strings::UNDO_ADD,
                UndoOp::Deleted(_) => super::strings::UNDO_DELETE,
                UndoOp::Edited(_) => super::strings::UNDO_EDIT,
            })),
            Err(e) => {
                self.undo.push(op);
                Err(e)
            }
        }
    }
}
