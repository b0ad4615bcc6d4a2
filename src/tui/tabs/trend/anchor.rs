//! The trend and annotations: showing what an annotation (or agenda item) refers to, and the
//! anchor of a new one at the cursor or range.

use super::{Focus, TrendTab};
use crate::model::{Dataset, Period, ViewKind};
use crate::session::Anchor;
use crate::tui::components::browser::Node;
use crate::tui::keymap::Action;

impl TrendTab {
    /// Shows the series and period an anchor refers to, transformed as it was.
    pub fn show_anchor(&mut self, dataset: &Dataset, anchor: &Anchor) {
        self.transform = anchor.transform.clone();
        let keys: Vec<_> = dataset
            .series_of(&anchor.domain, &anchor.indicator)
            .filter(|s| anchor.sources.contains(&s.key.bron) && s.key.breakdown.is_total())
            .filter(|s| anchor.region.is_none() || s.key.breakdown.regio == anchor.region)
            .map(|s| s.key.clone())
            .collect();
        if !keys.is_empty() {
            self.browser.reveal(dataset, &keys[0]);
            self.set_selection(dataset, keys);
        } else {
            self.rebuild_chart(dataset);
        }
        let from = anchor.from;
        self.cursor = self
            .chart
            .periods
            .iter()
            .position(|p| p.start_month() >= from.start_month())
            .or(self.cursor);
        self.focus = Focus::Chart;
    }

    /// Shows a browser node as Enter on its row does: a series alone, or the sources of an
    /// indicator side by side.
    pub fn show_node(&mut self, dataset: &Dataset, node: &Node) {
        self.browser.reveal_node(dataset, node);
        self.focus = Focus::Browser;
        self.browser_action(Action::Activate, dataset, 1);
    }

    /// The anchor of a new annotation: the charted indicator's sources at the cursor or range.
    pub fn anchor(&self) -> Option<Anchor> {
        let (first, (mut from, mut to)) = (self.chart.series.first()?, self.selected_range()?);
        if self.kind != ViewKind::Trend {
            // A season's month is the highlighted year's.
            if let Some(year) = self.season_year() {
                (from, to) = (Period { year, ..from }, Period { year, ..to });
            }
            let v = self.view_spec()?;
            let mut anchor = Anchor::new(&v.domein, &v.indicator, v.bronnen, from, to);
            anchor.granularity = self.granularity;
            anchor.transform = self.transform.clone();
            anchor.view = self.kind;
            anchor.dimension = self.dimension;
            return Some(anchor);
        }
        let (domein, indicator) = (first.key.domein.clone(), first.key.indicator.clone());
        let mut bronnen: Vec<String> = self
            .chart
            .series
            .iter()
            .filter(|s| s.key.domein == domein && s.key.indicator == indicator)
            .map(|s| s.key.bron.clone())
            .collect();
        bronnen.dedup();
        let mut anchor = Anchor::new(&domein, &indicator, bronnen, from, to);
        anchor.granularity = self.shown;
        anchor.transform = self.chart.transform.clone();
        Some(anchor)
    }
}
