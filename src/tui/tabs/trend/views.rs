//! The analyst's views in the trend tab: the season (`y`), the breakdown (`w`: side by side →
//! stacked → change per part → the trend) and places side by side (`m`). They show the charted
//! indicator's series another way; the selection stays, so the key again gives the trend back.

use super::TrendTab;
use crate::analysis::chart::views::dimensions;
use crate::analysis::chart::{ChartModel, ViewModel, ViewRefusal, view_model};
use crate::model::{Dataset, Dimension, Period, ViewKind, ViewSpec};
use crate::tui::i18n::t;
use crate::tui::keymap::Action;

impl TrendTab {
    /// Handles a view key; the status line says what is shown or why it cannot be.
    pub(super) fn view_action(&mut self, action: Action, dataset: &Dataset) -> Option<String> {
        let (kind, dimension) = self.next_view(action, dataset);
        match self.set_kind(dataset, kind, dimension) {
            Some(why) => Some(t().view_refused(kind, &why)),
            None => Some(t().view_shown(self.kind, self.dimension)),
        }
    }

    /// Shows the chosen series as `kind`; when it cannot be, the view stays as it was and the
    /// reason is returned.
    pub fn set_kind(
        &mut self,
        dataset: &Dataset,
        kind: ViewKind,
        dimension: Option<Dimension>,
    ) -> Option<ViewRefusal> {
        let before = (self.kind, self.dimension);
        (self.kind, self.dimension) = (kind, dimension);
        self.range_start = None;
        let refused = self.build_view(dataset).err();
        if refused.is_some() {
            (self.kind, self.dimension) = before;
            self.rebuild_chart(dataset);
        }
        refused
    }

    /// The view after this key: its own view, or the trend when it is on (the breakdown walks
    /// its forms per dimension first).
    fn next_view(&self, action: Action, dataset: &Dataset) -> (ViewKind, Option<Dimension>) {
        let own = match action {
            Action::SeasonView => ViewKind::Season,
            Action::PlacesView => ViewKind::Places,
            _ => return self.next_breakdown(dataset),
        };
        match self.kind == own {
            true => (ViewKind::Trend, None),
            false => (own, None),
        }
    }

    fn next_breakdown(&self, dataset: &Dataset) -> (ViewKind, Option<Dimension>) {
        let dims = match self.view_spec() {
            Some(v) => dimensions(dataset, &v.domein, &v.indicator),
            None => Vec::new(),
        };
        let first = dims.first().copied();
        match (self.kind, self.dimension) {
            (ViewKind::Parts, d) => (ViewKind::Stacked, d),
            (ViewKind::Stacked, d) => (ViewKind::PartsChange, d),
            (ViewKind::PartsChange, d) => {
                // The next dimension, if the indicator has another; else the trend.
                let at = d
                    .and_then(|d| dims.iter().position(|e| *e == d))
                    .unwrap_or(0);
                match dims.get(at + 1) {
                    Some(next) => (ViewKind::Parts, Some(*next)),
                    None => (ViewKind::Trend, None),
                }
            }
            _ => (ViewKind::Parts, first),
        }
    }

    /// The view of the chosen series as data: its indicator, sources, period length, range,
    /// transform and kind.
    pub fn view_spec(&self) -> Option<ViewSpec> {
        let first = self.selection.first()?;
        let mut bronnen: Vec<String> = (self.selection.iter())
            .filter(|k| k.domein == first.domein && k.indicator == first.indicator)
            .map(|k| k.bron.clone())
            .collect();
        bronnen.sort();
        bronnen.dedup();
        // One place when every chosen series is of it; several places: the view names none.
        let mut places = (self.selection.iter())
            .filter(|k| k.domein == first.domein && k.indicator == first.indicator)
            .map(|k| &k.breakdown.regio);
        let regio = places.next().cloned().flatten();
        let regio = regio.filter(|r| places.all(|o| o.as_ref() == Some(r)));
        Some(ViewSpec {
            granularity: self.granularity,
            range: self.zoom.filter(|_| self.kind != ViewKind::Season),
            kind: self.kind,
            transform: self.transform.clone(),
            dimension: self.dimension,
            regio,
            ..ViewSpec::trend(&first.domein, &first.indicator, &bronnen)
        })
    }

    /// Builds the chart of a view other than the trend (the whole time first, for panning,
    /// then the zoomed part).
    pub(super) fn build_view(&mut self, dataset: &Dataset) -> Result<(), ViewRefusal> {
        if self.kind == ViewKind::Trend {
            self.rebuild_chart(dataset);
            return Ok(());
        }
        let keep = self.cursor_period();
        let Some(mut view) = self.view_spec() else {
            return Err(ViewRefusal::NoSeries);
        };
        let zoom = view.range.take();
        let hide = |_: &crate::model::SeriesKey, _: &Period, _: f64| false;
        let whole = view_model(dataset, &view, &hide)?;
        self.all_periods = self.show_model(dataset, whole).periods.clone();
        self.zoom = self.effective_zoom();
        if let Some(window) = zoom.filter(|_| self.zoom.is_some()) {
            view.range = Some(window);
            let part = view_model(dataset, &view, &hide)?;
            self.show_model(dataset, part);
        }
        let last = self.chart.periods.len().checked_sub(1);
        let keep = match self.kind {
            ViewKind::Season => keep.map(|p| p.season_slot()),
            _ => keep.filter(|p| !p.is_season_slot()),
        };
        self.cursor = match keep {
            Some(p) => self.chart.periods.iter().position(|q| *q >= p).or(last),
            None => last,
        };
        Ok(())
    }

    /// Puts a view's model on screen: its chart (the parts as lines under small multiples and
    /// the change list), the rest named.
    fn show_model(&mut self, dataset: &Dataset, model: ViewModel) -> &ChartModel {
        (self.chart, self.parts, self.multiples) = match model {
            ViewModel::Chart(m) => (m, None, Vec::new()),
            ViewModel::Parts(p) => {
                let multiples = p.multiples(dataset);
                (p.lines_model(dataset), Some(p), multiples)
            }
        };
        if let Some(rest) = self.chart.rest.and_then(|i| self.chart.series.get_mut(i)) {
            rest.label = t().parts_rest().to_string();
        }
        &self.chart
    }

    /// The view's name with its one source when it shows one: "seizoen · Gemeente: registratie".
    pub fn view_label(&self, dataset: &Dataset) -> String {
        let name = t().view_name(self.kind, self.parts_dimension());
        let bron = match self.kind {
            ViewKind::Season | ViewKind::Stacked => {
                self.chart.series.first().map(|s| s.key.bron.as_str())
            }
            ViewKind::Parts | ViewKind::PartsChange => self.parts.as_ref().map(|p| p.bron.as_str()),
            _ => None,
        };
        match bron {
            Some(b) => {
                let source = dataset.source_meta(b).map_or(b, |m| m.naam.as_str());
                format!("{name} · {source}")
            }
            None => name,
        }
    }

    /// The period length a view other than the trend is drawn in.
    pub fn length_label(&self) -> String {
        match self.kind.is_trend() {
            true => match (self.granularity, self.shown) {
                (None, Some(g)) => t().granularity_aligned(g),
                (chosen, _) => t().granularity_label(chosen),
            },
            false => t().granularity_label(self.chart.granularity()),
        }
    }

    /// The dimension a breakdown on screen splits into.
    pub fn parts_dimension(&self) -> Option<crate::model::Dimension> {
        self.parts.as_ref().map(|p| p.dimension).or(self.dimension)
    }

    /// The year a season chart highlights: where an annotation made on it is anchored.
    pub fn season_year(&self) -> Option<i32> {
        let s = self.chart.series.first()?;
        (self.kind == ViewKind::Season).then(|| s.label.parse().ok())?
    }
}
