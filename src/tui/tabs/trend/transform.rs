//! The transform keys of the trend: each cycles its own transform and ends in none; a refused
//! one leaves the chart as it was and says why.

use super::TrendTab;
use crate::model::{Dataset, Transform};
use crate::tui::i18n::t;
use crate::tui::keymap::Action;

impl TrendTab {
    pub(super) fn transform_action(&mut self, action: Action, dataset: &Dataset) -> Option<String> {
        let next = self.next_transform(action, dataset);
        let before = std::mem::replace(&mut self.transform, next.clone());
        if let (Some(refusal), Some(asked)) = (self.rebuild_chart(dataset), next) {
            self.transform = before;
            self.rebuild_chart(dataset);
            return Some(t().transform_refused(&asked, &refusal));
        }
        Some(t().transform_shown(self.transform.as_ref(), self.transform_age(dataset)))
    }

    /// The age group of the per-inhabitant denominator in use, for the transform's name.
    pub fn transform_age<'d>(&self, dataset: &'d Dataset) -> Option<&'d str> {
        match &self.transform {
            Some(Transform::PerInhabitants { noemer, .. }) => {
                dataset.meta.denominator(noemer)?.leeftijd.as_deref()
            }
            _ => None,
        }
    }

    /// The transform after this key: the next in its own cycle, or the first of it when another
    /// transform (or none) is on.
    fn next_transform(&self, action: Action, dataset: &Dataset) -> Option<Transform> {
        let cycle: Vec<Transform> = match action {
            Action::PerInhabitants => {
                let mut ids: Vec<String> =
                    dataset.meta.noemers.iter().map(|n| n.id.clone()).collect();
                if ids.is_empty() {
                    // Asked anyway, so the refusal says what is missing.
                    ids.push("inwoners".to_string());
                }
                [1000, 10_000]
                    .iter()
                    .flat_map(|per| {
                        ids.iter().map(|noemer| Transform::PerInhabitants {
                            per: *per,
                            noemer: noemer.clone(),
                        })
                    })
                    .collect()
            }
            Action::IndexAtCursor => {
                let basis = self.cursor_period()?;
                let on = Transform::Index { basis };
                // Again at the same base: off; elsewhere: the new base.
                return (self.transform.as_ref() != Some(&on)).then_some(on);
            }
            Action::YearOnYear => vec![Transform::YearOnYear, Transform::YearOnYearPct],
            Action::MovingAverage => vec![
                Transform::MovingAverage { perioden: 3 },
                Transform::MovingAverage { perioden: 12 },
            ],
            Action::YearToDate => vec![Transform::YearToDate],
            _ => return self.transform.clone(),
        };
        match cycle
            .iter()
            .position(|c| Some(c) == self.transform.as_ref())
        {
            Some(i) => cycle.get(i + 1).cloned(),
            None => cycle.first().cloned(),
        }
    }
}
