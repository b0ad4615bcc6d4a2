//! The chart of a view (a [`ViewSpec`]): what agenda items, exports, the minutes and the
//! follower draw.

use super::views::{ViewModel, view_model};
use super::{ChartModel, chart_series, keep_range};
use crate::analysis::transform;
use crate::model::{Dataset, Period, Series, SeriesKey, ViewKind, ViewSpec};

impl ChartModel {
    /// The chart of a view: the whole-area series of the view's sources of its indicator (every
    /// source when it names none; the reference first in a comparison), brought to the view's
    /// period length following the indicator's soort, and cut to the view's range. A comparison
    /// without a period length is shown at the coarsest length of its sources, as the
    /// comparison table does.
    pub fn for_view(dataset: &Dataset, view: &ViewSpec) -> ChartModel {
        ChartModel::for_view_hiding(dataset, view, &|_, _, _| false)
    }

    /// As [`ChartModel::for_view`], leaving out the points `hide(series, period, value)` says
    /// may not be drawn (small counts in exported charts), before the axes are fitted to what is
    /// left.
    pub fn for_view_hiding(
        dataset: &Dataset,
        view: &ViewSpec,
        hide: &dyn Fn(&SeriesKey, &Period, f64) -> bool,
    ) -> ChartModel {
        if matches!(view.kind, ViewKind::Trend | ViewKind::Compare) {
            return ChartModel::sources_view(dataset, view, hide);
        }
        // The analyst's views; the small multiples and the change list as lines on one axis,
        // and a view that cannot be made as the trend it came from.
        match view_model(dataset, view, hide) {
            Ok(ViewModel::Chart(m)) => m,
            Ok(ViewModel::Parts(p)) => p.lines_model(dataset),
            Err(_) => {
                let trend = ViewSpec {
                    kind: ViewKind::Trend,
                    ..view.clone()
                };
                ChartModel::sources_view(dataset, &trend, hide)
            }
        }
    }

    /// The trend or comparison of a view's sources (see [`ChartModel::for_view`]).
    fn sources_view(
        dataset: &Dataset,
        view: &ViewSpec,
        hide: &dyn Fn(&SeriesKey, &Period, f64) -> bool,
    ) -> ChartModel {
        let mut series: Vec<&Series> = dataset
            .series_of(&view.domein, &view.indicator)
            .filter(|s| s.key.breakdown.is_total() && view.shows(&s.key.bron))
            .filter(|s| view.shows_regio(s.key.breakdown.regio.as_deref()))
            .filter(|s| s.points.iter().any(|p| p.value.is_some()))
            .collect();
        let rank = |s: &Series| {
            let is_reference = view.reference.as_deref() == Some(s.key.bron.as_str());
            let named = view.bronnen.iter().position(|b| *b == s.key.bron);
            (!is_reference, named.unwrap_or(usize::MAX))
        };
        series.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.key.cmp(&b.key)));
        // Never two period lengths on one axis: without a chosen length a comparison, and a
        // trend whose sources differ, are shown at the coarsest length among them.
        let coarsest = series.iter().map(|s| s.granularity()).max();
        let mixed = series.iter().any(|s| Some(s.granularity()) != coarsest);
        let granularity = match (view.granularity, view.kind) {
            (Some(g), _) => Some(g),
            (None, ViewKind::Compare) => coarsest,
            (None, _) => coarsest.filter(|_| mixed),
        };
        let selection: Vec<SeriesKey> = series.iter().map(|s| s.key.clone()).collect();
        let mut series = chart_series(dataset, &selection, granularity);
        // Small counts are hidden before a transform, so none can be read back from it.
        for s in &mut series {
            let key = s.key.clone();
            s.points.retain(|p| !hide(&key, &p.period, p.y));
        }
        let transform = (view.transform.as_ref())
            .filter(|t| transform::apply(dataset, &mut series, t).is_ok())
            .cloned();
        if let Some(range) = view.range {
            keep_range(&mut series, range);
        }
        let reference = view
            .reference
            .clone()
            .filter(|r| series.iter().any(|s| s.key.bron == *r));
        let mut model = ChartModel::from_series(dataset, series, reference);
        model.transform = transform;
        model
    }
}
