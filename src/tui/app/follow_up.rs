//! The follow-up popup's commands, saved at once through the session's writer: status, owner
//! and criteria of open questions and actions, and merging duplicate questions. The rules (an
//! earlier session's item is changed by a recorded change, this session's in place) are the
//! writer's; here the list is refreshed and the result said.

use super::App;

mod life;
use crate::session::{ItemEdit, ItemRef, QuestionStatus};
use crate::tui::i18n::{first_key, t};
use crate::tui::keymap::{Action, Context};
use crate::tui::popups::follow_up::{FollowUp, FollowUpCommand};
use crossterm::event::KeyEvent;

impl App {
    /// Handles a key in the follow-up popup; returns whether the popup stays open.
    pub(super) fn follow_up_key(
        &mut self,
        f: &mut FollowUp,
        action: Option<Action>,
        key: KeyEvent,
    ) -> bool {
        match f.handle(action, key) {
            FollowUpCommand::Stay => {}
            FollowUpCommand::Close => return false,
            FollowUpCommand::ShowChart => {
                if let Some(item) = f.selected_item() {
                    // The agenda session resumes at this question when the follow-up opens.
                    self.agenda_return = f.agenda.then(|| item.item_ref());
                    let anchor = item.annotation.anchor.clone();
                    self.show_view(&anchor);
                }
                return false;
            }
            FollowUpCommand::NextStatus => {
                if self.writer().is_some() {
                    let by = self
                        .shared
                        .session
                        .as_ref()
                        .map(|s| s.session().facilitator.clone());
                    if let Some(why) = f.start_status(&by.unwrap_or_default()) {
                        self.shared.message = Some(why);
                    }
                }
            }
            FollowUpCommand::StartLink => self.link_key(f),
            FollowUpCommand::SetStatus(item, change) => self.set_status(f, &item, change),
            FollowUpCommand::AddLink(item, link) => self.add_link(f, &item, link),
            FollowUpCommand::Say(line) => self.shared.message = Some(line),
            FollowUpCommand::Weigh(c) => self.weigh(f, c),
            FollowUpCommand::EditTheme => {
                if self.writer().is_some() && f.selected_item().is_some_and(|i| i.is_question()) {
                    f.start_theme_edit();
                }
            }
            FollowUpCommand::SaveTheme(theme) => {
                let unchanged = f
                    .selected_item()
                    .is_none_or(|i| i.annotation.theme == theme);
                if !unchanged {
                    self.edit_item(f, ItemEdit::Theme(theme));
                }
            }
            FollowUpCommand::CycleReading => self.cycle_reading(f),
            FollowUpCommand::SaveDecision(status, reason) => self.decide(f, status, reason),
            FollowUpCommand::EditOwner => {
                if self.writer().is_some() {
                    f.start_owner_edit();
                }
            }
            FollowUpCommand::SaveOwner(owner) => {
                let unchanged = f
                    .selected_item()
                    .is_none_or(|i| i.annotation.owner == owner);
                if !unchanged {
                    self.edit_item(f, ItemEdit::Owner(owner));
                }
            }
            FollowUpCommand::Merge => self.merge_key(f),
            FollowUpCommand::MergeCancelled => {
                self.shared.message = Some(t().follow_up_merge_cancelled.to_string());
            }
            FollowUpCommand::Undo => {
                self.undo(false);
                self.refresh_follow_up(f);
            }
        }
        true
    }

    fn refresh_follow_up(&self, f: &mut FollowUp) {
        if let Some(open) = &self.shared.session {
            f.refresh(&open.file_name(), open.session());
        }
    }

    /// Next level of the programme's criterion number `c` (from 0) of the selected question.
    fn weigh(&mut self, f: &mut FollowUp, c: usize) {
        let Some(item) = f.selected_item() else {
            return;
        };
        if !item.is_question() {
            self.shared.message = Some(t().follow_up_criteria_for_questions.to_string());
            return;
        }
        let Some(criterion) = self.shared.programme.criteria.get(c).cloned() else {
            return;
        };
        let next = criterion.cycle(item.annotation.criteria.get(&criterion.id));
        // A recorded change can weigh but not clear a criterion (a missing level means "left
        // as it was"), so for an earlier session's question the highest wraps round to the
        // lowest.
        let next = if item.own {
            next
        } else {
            next.or_else(|| criterion.scale.first().cloned())
        };
        self.edit_item(f, ItemEdit::Weigh(criterion.id, next));
    }

    /// The chosen role's reading of the selected question: supports → disagrees → not said.
    fn cycle_reading(&mut self, f: &mut FollowUp) {
        let Some(item) = f.selected_item() else {
            return;
        };
        if !item.is_question() {
            self.shared.message = Some(t().follow_up_criteria_for_questions.to_string());
            return;
        }
        let mut a = item.annotation.clone();
        crate::tui::popups::annotate::cycle_reading(&mut a, f.reading_role);
        self.edit_item(f, ItemEdit::Readings(a.support, a.disagree));
    }

    /// Saves one field change of the selected item and refreshes the list.
    fn edit_item(&mut self, f: &mut FollowUp, edit: ItemEdit) {
        let Some(item) = f.selected_item().map(|i| i.item_ref()) else {
            return;
        };
        let Some(w) = self.writer() else {
            return;
        };
        let result = w.edit_item(&item, edit.clone());
        let said = match &edit {
            ItemEdit::Status(s) => t().status_set(t().question_status(*s)),
            ItemEdit::Owner(o) => t().owner_set(o),
            ItemEdit::Weigh(c, l) => {
                t().criterion_set(&self.shared.programme.name_of(c), l.as_deref())
            }
            ItemEdit::Theme(theme) => t().theme_set(theme),
            ItemEdit::Readings(s, d) => t().reading_set(f.reading_role, s, d),
        };
        self.saved(result, |_| said);
        self.refresh_follow_up(f);
    }

    /// A decision of the agenda session, saved as a change with its reason.
    fn decide(&mut self, f: &mut FollowUp, status: QuestionStatus, reason: String) {
        let Some(item) = f.selected_item().map(|i| i.item_ref()) else {
            return;
        };
        let Some(w) = self.writer() else {
            return;
        };
        let result = w.decide(&item, status, &reason);
        let said = t().decision_set(t().question_status(status), &reason);
        self.saved(result, |_| said);
        self.refresh_follow_up(f);
    }

    /// `m`: marks the selected question, cancels the mark on it, or merges the marked question
    /// into it.
    fn merge_key(&mut self, f: &mut FollowUp) {
        let Some(item) = f.selected_item().cloned() else {
            return;
        };
        if !item.is_question() {
            self.shared.message = Some(t().follow_up_merge_questions_only.to_string());
            return;
        }
        match f.merge_from.take() {
            None if self.writer().is_some() => {
                f.merge_from = Some(item.item_ref());
                let keys = &self.shared.keymap;
                let merge = first_key(keys, Context::FollowUp, Action::Merge);
                let cancel = first_key(keys, Context::FollowUp, Action::Cancel);
                self.shared.message = Some(t().merge_marked(&f.label(&item), &merge, &cancel));
            }
            None => {}
            Some(from) if from == item.item_ref() => {
                self.shared.message = Some(t().follow_up_merge_cancelled.to_string());
            }
            Some(from) => self.merge(f, from, item.item_ref(), item.place().to_string()),
        }
    }

    /// Records that `from` is merged into `into`; `from` then leaves the list.
    fn merge(&mut self, f: &mut FollowUp, from: ItemRef, into: ItemRef, place: String) {
        let Some(w) = self.writer() else {
            return;
        };
        let result = w.merge(&from, &into);
        self.saved(result, |_| t().merged(from.id, into.id, &place));
        self.refresh_follow_up(f);
    }
}
