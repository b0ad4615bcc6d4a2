//! The follow-up popup's changes, saved at once: status, owner and criteria of open questions
//! and actions, and merging duplicate questions. An item of an earlier session is changed by an
//! `ItemChange` recorded in this session (the earlier file is never written); this session's own
//! items are edited in place, so `u` undoes them. A merge is always recorded as a `Merge`.

use super::super::app::{App, Popup};
use super::super::open_session::UndoOp;
use super::super::popups::follow_up::{FollowUp, FollowUpCommand, FollowUpItem};
use super::super::strings;
use crate::session::store;
use crate::session::{
    Annotation, Criteria, Criterion, ItemChange, ItemRef, Level, Merge, QuestionStatus, now_local,
};
use crossterm::event::KeyEvent;

/// One field of a question or action changed in the follow-up.
enum FieldChange {
    Status(QuestionStatus),
    Owner(String),
    Weigh(Criterion, Option<Level>),
}

impl FieldChange {
    fn apply(&self, a: &mut Annotation) {
        match self {
            FieldChange::Status(s) => a.status = Some(*s),
            FieldChange::Owner(o) => a.eigenaar = o.clone(),
            FieldChange::Weigh(c, l) => a.criteria.set(*c, *l),
        }
    }

    /// The change as recorded for an item of an earlier session: only this field set.
    fn recorded(&self, item: &ItemRef, door: &str) -> ItemChange {
        let mut change = ItemChange {
            sessie: item.sessie.clone(),
            id: item.id,
            status: None,
            time: now_local(),
            door: door.to_string(),
            toelichting: String::new(),
            eigenaar: None,
            criteria: Criteria::default(),
        };
        match self {
            FieldChange::Status(s) => change.status = Some(*s),
            FieldChange::Owner(o) => change.eigenaar = Some(o.clone()),
            FieldChange::Weigh(c, l) => change.criteria.set(*c, *l),
        }
        change
    }

    fn message(&self) -> String {
        match self {
            FieldChange::Status(s) => strings::status_set(s.dutch()),
            FieldChange::Owner(o) => strings::owner_set(o),
            FieldChange::Weigh(c, l) => strings::criterion_set(c.dutch(), l.map(Level::dutch)),
        }
    }
}

impl App {
    /// Open questions and actions of earlier sessions on this dataset and of this session.
    pub fn show_follow_up(&mut self) {
        let Some(state) = &self.session else {
            self.message = Some(strings::NEED_SESSION.to_string());
            return;
        };
        let name = state.file_name();
        let others = store::list_ok(&self.setup.dir)
            .into_iter()
            .filter(|(n, _)| *n != name)
            .collect();
        let dataset = (
            self.setup.dataset_pad.clone(),
            self.dataset.content_hash.clone(),
        );
        let f = FollowUp::new(others, dataset, &name, &state.session);
        self.popup = Some(Popup::FollowUp(Box::new(f)));
    }

    /// Handles a key in the follow-up popup; returns whether the popup stays open.
    pub(super) fn follow_up_key(&mut self, f: &mut FollowUp, key: KeyEvent) -> bool {
        match f.handle_key(key) {
            FollowUpCommand::Stay => {}
            FollowUpCommand::Close => return false,
            FollowUpCommand::ShowChart => {
                if let Some(item) = f.selected_item() {
                    let anchor = item.annotation.anker.clone();
                    self.show_anchor(&anchor);
                }
                return false;
            }
            FollowUpCommand::NextStatus => {
                if let Some(item) = f.selected_item() {
                    let next = item
                        .annotation
                        .status
                        .unwrap_or(QuestionStatus::Open)
                        .next();
                    self.change_item(f, FieldChange::Status(next));
                }
            }
            FollowUpCommand::Weigh(c) => self.weigh(f, c),
            FollowUpCommand::EditOwner => {
                if self.writable() {
                    f.start_owner_edit();
                }
            }
            FollowUpCommand::SaveOwner(owner) => {
                let unchanged = f
                    .selected_item()
                    .is_none_or(|i| i.annotation.eigenaar == owner);
                if !unchanged {
                    self.change_item(f, FieldChange::Owner(owner));
                }
            }
            FollowUpCommand::Merge => self.merge_key(f),
            FollowUpCommand::MergeCancelled => {
                self.message = Some(strings::FOLLOW_UP_MERGE_CANCELLED.to_string());
            }
        }
        true
    }

    /// Says why not when the session cannot be written (before typing or marking in vain).
    fn writable(&mut self) -> bool {
        match &self.session {
            None => false,
            Some(s) => match &s.read_only {
                Some(reason) => {
                    self.message = Some(reason.clone());
                    false
                }
                None => true,
            },
        }
    }

    /// Next level of criterion `c` of the selected question.
    fn weigh(&mut self, f: &mut FollowUp, c: Criterion) {
        let Some(item) = f.selected_item() else {
            return;
        };
        if !item.is_question() {
            self.message = Some(strings::FOLLOW_UP_CRITERIA_FOR_QUESTIONS.to_string());
            return;
        }
        let next = Level::cycle(item.annotation.criteria.get(c));
        // A recorded change can weigh but not clear a criterion (a missing level means "left
        // as it was"), so for an earlier session's question hoog wraps round to laag.
        let next = if item.own {
            next
        } else {
            next.or(Some(Level::Laag))
        };
        self.change_item(f, FieldChange::Weigh(c, next));
    }

    /// Saves one field change of the selected item and refreshes the list.
    fn change_item(&mut self, f: &mut FollowUp, change: FieldChange) {
        let Some(item) = f.selected_item().cloned() else {
            return;
        };
        let Some(state) = &mut self.session else {
            return;
        };
        let result = if item.own {
            let id = item.annotation.id;
            let Some(before) = state.session.get(id).cloned() else {
                return;
            };
            state.change(Some(UndoOp::Edited(before)), |s| {
                if let Some(a) = s.get_mut(id) {
                    change.apply(a);
                }
            })
        } else {
            let recorded = change.recorded(&item.item_ref(), &state.session.facilitator);
            state.change(None, |s| s.wijzigingen.push(recorded))
        };
        self.message = Some(match result {
            Ok(()) => {
                f.refresh(&state.file_name(), &state.session);
                change.message()
            }
            Err(e) => e,
        });
    }

    /// `m`: marks the selected question, cancels the mark on it, or merges the marked question
    /// into it.
    fn merge_key(&mut self, f: &mut FollowUp) {
        let Some(item) = f.selected_item().cloned() else {
            return;
        };
        if !item.is_question() {
            self.message = Some(strings::FOLLOW_UP_MERGE_QUESTIONS_ONLY.to_string());
            return;
        }
        match f.merge_from.take() {
            None if self.writable() => {
                f.merge_from = Some(item.item_ref());
                self.message = Some(strings::merge_marked(item.annotation.id));
            }
            None => {}
            Some(from) if from == item.item_ref() => {
                self.message = Some(strings::FOLLOW_UP_MERGE_CANCELLED.to_string());
            }
            Some(from) => self.merge(f, from, &item),
        }
    }

    /// Records that `from` is merged into `into`; `from` then leaves the list.
    fn merge(&mut self, f: &mut FollowUp, from: ItemRef, into: &FollowUpItem) {
        let Some(state) = &mut self.session else {
            return;
        };
        let merge = Merge {
            sessie: from.sessie.clone(),
            id: from.id,
            in_sessie: into.sessie.clone(),
            in_id: into.annotation.id,
            time: now_local(),
            door: state.session.facilitator.clone(),
        };
        self.message = Some(match state.change(None, |s| s.samenvoegingen.push(merge)) {
            Ok(()) => {
                f.refresh(&state.file_name(), &state.session);
                strings::merged(from.id, into.annotation.id, into.place())
            }
            Err(e) => e,
        });
    }
}
