//! Zoom and pan: the chart shows a window of its periods; the axis fits and relabels what is
//! shown (months when zoomed into a year). The window is kept as periods, so it survives a
//! change of series and is what an agenda item or the follower records.

use super::TrendTab;
use crate::model::{Dataset, Period};
use crate::tui::i18n::t;

/// A zoom never shows fewer periods than this: a line needs points to read as a trend.
const MIN_PERIODS: usize = 3;

impl TrendTab {
    /// Zooms into the range being selected, else into half the shown span around the cursor.
    pub fn zoom_in(&mut self, dataset: &Dataset) -> Option<String> {
        let periods = &self.chart.periods;
        let window = match (self.range_start, self.selected_range()) {
            (Some(_), Some((from, to))) if from != to => (from, to),
            _ => {
                let n = periods.len();
                if n <= MIN_PERIODS {
                    return Some(t().zoom_at_most.to_string());
                }
                let half = (n / 2).max(MIN_PERIODS);
                let cursor = self.cursor.unwrap_or(n - 1);
                let first = cursor.saturating_sub(half / 2).min(n - half);
                (periods[first], periods[first + half - 1])
            }
        };
        self.range_start = None;
        self.set_zoom(dataset, Some(window))
    }

    /// Back to the whole series.
    pub fn zoom_all(&mut self, dataset: &Dataset) -> Option<String> {
        self.zoom?;
        self.set_zoom(dataset, None)
    }

    /// Shifts the window a quarter of its span (at least a period) back or forward.
    pub fn pan(&mut self, dataset: &Dataset, forward: bool) -> Option<String> {
        let shown = self.chart.periods.len().max(1);
        self.pan_by(dataset, forward, (shown / 4).max(1))
    }

    /// Shifts the window `by` periods; false when it is at the end already or not zoomed.
    pub(super) fn pan_by(&mut self, dataset: &Dataset, forward: bool, by: usize) -> Option<String> {
        let (from, to) = self.zoom?;
        let all = &self.all_periods;
        let a = all.iter().position(|p| *p >= from)?;
        let b = all.iter().rposition(|p| *p <= to)?;
        let (a, b) = if forward {
            let step = by.min(all.len() - 1 - b);
            (a + step, b + step)
        } else {
            let step = by.min(a);
            (a - step, b - step)
        };
        if all[a] == from {
            return None;
        }
        let keep = self.cursor_period();
        let message = self.set_zoom(dataset, Some((all[a], all[b])));
        // The cursor stays on its period while that is shown, else on the nearest edge.
        if let Some(p) = keep {
            let n = self.chart.periods.len();
            self.cursor = Some(match self.chart.periods.iter().position(|q| *q == p) {
                Some(i) => i,
                None if forward => 0,
                None => n.saturating_sub(1),
            });
        }
        message
    }

    /// Shows `window` (clipped to the series' periods), or everything.
    pub fn set_zoom(
        &mut self,
        dataset: &Dataset,
        window: Option<(Period, Period)>,
    ) -> Option<String> {
        self.zoom = window;
        self.rebuild_chart(dataset);
        Some(match self.zoom {
            Some((from, to)) => t().zoomed(&t().period_short(&from), &t().period_short(&to)),
            None => t().zoomed_out.to_string(),
        })
    }

    /// The zoom as it applies to the full period list: `None` when it would show (nearly)
    /// everything or too little to read.
    pub(super) fn effective_zoom(&self) -> Option<(Period, Period)> {
        let (from, to) = self.zoom?;
        let inside = self
            .all_periods
            .iter()
            .filter(|p| **p >= from && **p <= to)
            .count();
        (inside >= 2.min(self.all_periods.len()) && inside < self.all_periods.len())
            .then_some((from, to))
    }
}
