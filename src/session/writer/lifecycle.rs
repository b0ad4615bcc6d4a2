//! The writer's part of a question's life: codes for new questions and actions, status changes
//! under the lifecycle's rules (with who, when and why), answers and links. Each goes through
//! [`SessionWriter::change`], so it is saved before it counts and can be undone.

use super::{ChangeKind, SessionWriter, file_name};
use crate::session::backlog;
use crate::session::codes;
use crate::session::model::{
    Annotation, Answer, CodeKind, ItemChange, ItemRef, LifecycleError, Link, QuestionStatus,
    Session, lifecycle, now_local,
};
use crate::session::store::{self, SessionError};
use std::path::Path;

/// A status change as someone asks for it: the new status, who and why, and for beantwoord the
/// answer with its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub to: QuestionStatus,
    /// Who decided; empty: the session's facilitator.
    pub by: String,
    pub reason: String,
    pub answer: Option<Answer>,
}

impl StatusChange {
    pub fn to(to: QuestionStatus) -> StatusChange {
        StatusChange {
            to,
            by: String::new(),
            reason: String::new(),
            answer: None,
        }
    }
}

/// The sessions of the folder of `path`, with `session` as the one at `path` (it may not be
/// saved yet), codes assigned.
pub(super) fn register(path: &Path, session: &Session) -> Vec<(String, Session)> {
    let own = file_name(path);
    let mut sessions: Vec<(String, Session)> = store::list_ok(&store::parent_folder(path))
        .into_iter()
        .filter(|(name, _)| *name != own)
        .collect();
    sessions.push((own, session.clone()));
    codes::assign(&mut sessions);
    sessions
}

/// `session` with the codes its questions and actions have in the folder of `path`: older items
/// get theirs stored, and an item whose code another session had first gets its new one.
pub(super) fn with_folder_codes(path: &Path, mut session: Session) -> Session {
    let own = file_name(path);
    let sessions = register(path, &session);
    if let Some((_, coded)) = sessions.iter().find(|(name, _)| *name == own) {
        for a in &mut session.annotations {
            if let Some(c) = coded.get(a.id) {
                a.code = c.code;
            }
        }
    }
    session
}

impl SessionWriter {
    /// A question or action starts open: beantwoord needs its answer, vervallen a reason (the
    /// follow-up asks for it), samengevoegd a merge.
    pub(super) fn check_new_status(&self, a: &Annotation) -> Result<(), SessionError> {
        let Some(to) = a.status.filter(|_| a.kind.has_status()) else {
            return Ok(());
        };
        let refused = match to {
            QuestionStatus::Beantwoord if a.own_answer().is_none() => {
                Some(LifecycleError::AnswerMissing)
            }
            QuestionStatus::Vervallen => Some(LifecycleError::ReasonMissing { to }),
            QuestionStatus::Samengevoegd => Some(LifecycleError::MergeOnly),
            _ => None,
        };
        match refused {
            Some(why) => Err(SessionError::Refused {
                path: self.path.clone(),
                why,
            }),
            None => Ok(()),
        }
    }

    /// For an edit of this session's annotation that changes its status: the move checked (no
    /// reason can be given in an edit) and the change to record.
    pub(super) fn status_edit(&self, a: &Annotation) -> Result<Option<ItemChange>, SessionError> {
        let Some(before) = self.session.get(a.id) else {
            return Ok(None);
        };
        let (from, to) = (before.effective_status(), a.effective_status());
        let (Some(from), Some(to)) = (from, to) else {
            return Ok(None);
        };
        if from == to {
            return Ok(None);
        }
        lifecycle::check_change(from, to, a.own_answer().as_ref(), "").map_err(|why| {
            SessionError::Refused {
                path: self.path.clone(),
                why,
            }
        })?;
        let mut record = ItemChange::status(&file_name(&self.path), a.id, to, now_local());
        record.by = self.session.facilitator.clone();
        Ok(Some(record))
    }

    /// The sessions of this session's folder, this one as it is in memory, codes assigned.
    pub fn register(&self) -> Vec<(String, Session)> {
        register(&self.path, &self.session)
    }

    /// The code a new question or action gets: after the highest in the folder.
    pub(super) fn give_code(&self, a: &mut Annotation) {
        if a.code.is_none()
            && let Some(kind) = CodeKind::of(a.kind)
        {
            a.code = Some(codes::next_code(&self.register(), kind));
        }
    }

    /// Moves a question or action to another status, if the lifecycle allows it from its status
    /// now (after every change in the folder). This session's item changes in place, an earlier
    /// session's is changed by a recorded change; either way the change is recorded with when,
    /// who and why, and beantwoord with its answer.
    pub fn set_status(&mut self, item: &ItemRef, change: StatusChange) -> Result<(), SessionError> {
        let sessions = self.register();
        let found = sessions
            .iter()
            .find(|(name, _)| *name == item.session)
            .and_then(|(_, s)| s.get(item.id));
        // A question of a session that is not in the folder (any more) counts as nieuw.
        let from = found.map_or(QuestionStatus::Open, |a| {
            backlog::item_state(&sessions, &item.session, a).status
        });
        lifecycle::check_change(from, change.to, change.answer.as_ref(), &change.reason).map_err(
            |why| SessionError::Refused {
                path: self.path.clone(),
                why,
            },
        )?;
        if from == change.to {
            return Ok(());
        }
        let mut record = ItemChange::status(&item.session, item.id, change.to, now_local());
        record.by = match change.by.trim() {
            "" => self.session.facilitator.clone(),
            by => by.to_string(),
        };
        record.note = change.reason.trim().to_string();
        if let Some(answer) = &change.answer {
            record.answer = answer.text.clone();
            record.result = Some(answer.result.clone());
        }
        if item.session != file_name(&self.path) {
            return self.change(ChangeKind::ItemChanged, |s| s.changes.push(record));
        }
        self.change(ChangeKind::AnnotationEdited, |s| {
            if let Some(a) = s.get_mut(item.id) {
                a.status = Some(change.to);
                if let Some(answer) = change.answer {
                    a.answer = answer.text;
                    a.result = Some(answer.result);
                }
            }
            s.changes.push(record);
        })
    }

    /// A decision on a question (the half-yearly agenda session): a new status goes through the
    /// lifecycle's rules like any status change ([`SessionWriter::set_status`]: who, when and
    /// why recorded; a move the rules refuse is refused); the same status again ("later" for a
    /// new question) is recorded as a change with its reason only.
    pub fn decide(
        &mut self,
        item: &ItemRef,
        status: QuestionStatus,
        reason: &str,
    ) -> Result<(), SessionError> {
        let sessions = self.register();
        let now = (sessions.iter())
            .find(|(name, _)| *name == item.session)
            .and_then(|(_, s)| s.get(item.id))
            .map(|a| crate::session::backlog::item_state(&sessions, &item.session, a).status);
        if now != Some(status) {
            let mut change = StatusChange::to(status);
            change.reason = reason.to_string();
            return self.set_status(item, change);
        }
        let mut change = super::ItemEdit::Status(status).recorded(item, &self.session.facilitator);
        change.note = reason.trim().to_string();
        self.change(ChangeKind::ItemChanged, |s| s.changes.push(change))
    }

    /// Links question `item` to another question: on this session's question itself, for an
    /// earlier session's as a recorded change. A link it already has, or to itself, is no change.
    pub fn add_link(&mut self, item: &ItemRef, link: Link) -> Result<(), SessionError> {
        let sessions = self.register();
        let Some(a) = sessions
            .iter()
            .find(|(name, _)| *name == item.session)
            .and_then(|(_, s)| s.get(item.id))
        else {
            return Ok(());
        };
        let state = backlog::item_state(&sessions, &item.session, a);
        if a.code == Some(link.code) || state.links.contains(&link) {
            return Ok(());
        }
        if item.session == file_name(&self.path) {
            return self.change(ChangeKind::AnnotationEdited, |s| {
                if let Some(a) = s.get_mut(item.id) {
                    a.links.push(link);
                }
            });
        }
        let mut record =
            ItemChange::status(&item.session, item.id, QuestionStatus::Open, now_local());
        record.status = None;
        record.by = self.session.facilitator.clone();
        record.links.push(link);
        self.change(ChangeKind::ItemChanged, |s| s.changes.push(record))
    }
}

#[cfg(test)]
mod tests;
