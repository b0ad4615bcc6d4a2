//! Starting the follow-up's status and link steps on the selected item, and how items are named
//! by their code.

use super::{FollowUp, FollowUpItem};
use crate::session::QuestionStatus;
use crate::tui::i18n::t;
use crate::tui::popups::follow_up_life::LifeFlow;

impl FollowUp {
    /// Opens the status step on the selected item: the allowed next statuses. `Some(message)`
    /// when it can go nowhere.
    pub fn start_status(&mut self, by: &str) -> Option<String> {
        let item = self.selected_item()?;
        let now = item.annotation.status.unwrap_or(QuestionStatus::Open);
        let code = self.code_or_label(item);
        self.life = LifeFlow::status(item.item_ref(), code, now, by);
        self.life
            .is_none()
            .then(|| t().life_no_next(t().question_status(now)))
    }

    /// Opens the link step on the selected question. `Some(message)` when there is nothing to
    /// link to.
    pub fn start_link(&mut self) -> Option<String> {
        let item = self.selected_item()?;
        let (target, code) = (item.item_ref(), item.annotation.code);
        self.life = LifeFlow::link(target, code, &self.register);
        self.life.is_none().then(|| t().link_none().to_string())
    }

    /// The item's code, or its number where it has none.
    pub fn code_or_label(&self, item: &FollowUpItem) -> String {
        item.annotation
            .code
            .map_or_else(|| self.label(item), |c| c.to_string())
    }

    /// "V-0007 nr 2 (10 sep)": the code before the number, when the item has one.
    pub(super) fn coded_label(&self, item: &FollowUpItem) -> String {
        match item.annotation.code {
            Some(c) => format!("{c} {}", self.label(item)),
            None => self.label(item),
        }
    }
}
