//! Which questions were merged, so review shows a merged question as merged in its list row,
//! its detail and the session counts (its status is that of the question it went into).

use super::SessionEntry;
use crate::session::backlog::BacklogItem;
use crate::tui::i18n::t;
use jiff::civil::Date;
use std::collections::HashMap;

/// A question as another one's row names it: its number and its session's date.
#[derive(Debug, Clone, PartialEq)]
pub struct Other {
    pub id: u64,
    pub date: Option<Date>,
}

impl Other {
    /// "nr 14 (5 nov)".
    pub fn label(&self) -> String {
        let day = self.date.map(|d| t().day_month(d));
        t().item_number(self.id, day.as_deref())
    }
}

/// The merges of every session, by (session index, id).
#[derive(Debug, Default)]
pub struct Merges {
    into: HashMap<(usize, u64), Other>,
    with: HashMap<(usize, u64), Vec<Other>>,
}

impl Merges {
    /// From the backlog, where merged questions are one item, the question they went into first.
    pub fn new(sessions: &[SessionEntry], backlog: &[BacklogItem]) -> Merges {
        let index: HashMap<&str, usize> = sessions
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.as_str(), i))
            .collect();
        let mut merges = Merges::default();
        for item in backlog.iter().filter(|i| i.origins.len() > 1) {
            let other = |o: &crate::session::backlog::Origin| Other {
                id: o.item.id,
                date: o.date,
            };
            let root = &item.origins[0];
            let rest = &item.origins[1..];
            if let Some(&i) = index.get(root.item.session.as_str()) {
                merges
                    .with
                    .insert((i, root.item.id), rest.iter().map(other).collect());
            }
            for o in rest {
                if let Some(&i) = index.get(o.item.session.as_str()) {
                    merges.into.insert((i, o.item.id), other(root));
                }
            }
        }
        merges
    }

    /// The question this one (of session `i`) was merged into.
    pub fn merged_into(&self, i: usize, id: u64) -> Option<&Other> {
        self.into.get(&(i, id))
    }

    /// The questions merged into this one (of session `i`).
    pub fn merged_with(&self, i: usize, id: u64) -> &[Other] {
        self.with.get(&(i, id)).map_or(&[], Vec::as_slice)
    }

    /// What a row says about a question's status: "geagendeerd", "samengevoegd in nr 14
    /// (5 nov)", "geagendeerd · samengevoegd met nr 4 (10 sep)".
    pub fn status_text(&self, i: usize, id: u64, status: &str) -> String {
        if let Some(into) = self.merged_into(i, id) {
            return t().review_merged_into(&into.label());
        }
        let with: Vec<String> = self.merged_with(i, id).iter().map(Other::label).collect();
        if with.is_empty() {
            status.to_string()
        } else {
            format!("{status} · {}", t().review_merged_with(&with.join(", ")))
        }
    }
}
