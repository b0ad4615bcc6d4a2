//! The follow-up's status and link steps, saved through the writer: its refusal (a move the
//! lifecycle does not allow) is said like a failed save, and nothing changes.

use super::App;
use crate::session::{ItemRef, Link, StatusChange};
use crate::tui::i18n::t;
use crate::tui::popups::follow_up::FollowUp;

impl App {
    /// `l` on a question: the link step.
    pub(super) fn link_key(&mut self, f: &mut FollowUp) {
        let Some(item) = f.selected_item() else {
            return;
        };
        if !item.is_question() {
            self.shared.message = Some(t().follow_up_merge_questions_only.to_string());
            return;
        }
        if self.writer().is_none() {
            return;
        }
        if let Some(why) = f.start_link() {
            self.shared.message = Some(why);
        }
    }

    pub(super) fn set_status(&mut self, f: &mut FollowUp, item: &ItemRef, change: StatusChange) {
        let Some(w) = self.writer() else {
            return;
        };
        let to = change.to;
        let result = w.set_status(item, change);
        self.saved(result, |_| t().status_set(t().question_status(to)));
        self.refresh_researched();
        self.refresh_follow_up(f);
    }

    pub(super) fn add_link(&mut self, f: &mut FollowUp, item: &ItemRef, link: Link) {
        let from = f
            .items
            .iter()
            .find(|i| i.item_ref() == *item)
            .map(|i| f.code_or_label(i))
            .unwrap_or_default();
        let Some(w) = self.writer() else {
            return;
        };
        let (kind, to) = (link.soort, link.code.to_string());
        let result = w.add_link(item, link);
        self.saved(result, |_| t().link_set(&from, kind, &to));
        self.refresh_follow_up(f);
    }
}
