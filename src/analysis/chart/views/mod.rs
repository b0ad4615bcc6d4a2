//! The analyst's views of one indicator beyond the trend and the comparison: the season (one line
//! per year over the months of the year), the breakdown of one source into its parts, and places
//! side by side. Each is built from a [`ViewSpec`] like the trend, so agenda items, exports and
//! the follower show the same; a view that cannot be made for the indicator says why.

mod parts;
mod places;
mod season;

pub use parts::{PartChange, Parts};

use super::{ChartModel, ChartSeries};
use crate::analysis::transform::Refusal;
use crate::model::{
    Dataset, Dimension, Granularity, Period, Series, SeriesKey, ViewKind, ViewSpec,
};

/// What an analyst's view shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewModel {
    /// A chart drawn like the trend: the season, the stacked parts, the places.
    Chart(ChartModel),
    /// The parts of one source: small multiples on shared axes, or their changes listed.
    Parts(Parts),
}

/// Why a view cannot be shown for an indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewRefusal {
    /// The indicator has no figures in the view's sources.
    NoSeries,
    /// A season needs months or quarters; the source delivers coarser periods.
    NotWithinYear { granularity: Granularity },
    /// No source of the indicator is split into at least two parts (wijken, aanbieders).
    NoParts,
    /// Fewer than two places (gemeenten, Nederland) have figures for the indicator.
    NoPlaces,
    /// The view's transform was refused.
    Transform(Refusal),
}

/// Hides a point (a small count) before anything is computed from it.
pub type Hide<'a> = &'a dyn Fn(&SeriesKey, &Period, f64) -> bool;

/// The model of an analyst's view (season, parts, places); the trend and the comparison are
/// [`ChartModel::for_view`].
pub fn view_model(
    dataset: &Dataset,
    view: &ViewSpec,
    hide: Hide<'_>,
) -> Result<ViewModel, ViewRefusal> {
    match view.kind {
        ViewKind::Season => season::model(dataset, view, hide).map(ViewModel::Chart),
        ViewKind::Places => places::model(dataset, view, hide).map(ViewModel::Chart),
        ViewKind::Stacked => {
            parts::model(dataset, view, hide).map(|p| ViewModel::Chart(p.stacked_model(dataset)))
        }
        ViewKind::Parts | ViewKind::PartsChange => {
            parts::model(dataset, view, hide).map(ViewModel::Parts)
        }
        ViewKind::Trend | ViewKind::Compare => Ok(ViewModel::Chart(ChartModel::for_view_hiding(
            dataset, view, hide,
        ))),
    }
}

/// The source a one-source view shows: the view's reference, else the first it names, else the
/// first source (in `[[bronnen]]` order) that has whole-area figures for the indicator and
/// passes `fits`.
fn chosen_source<'d>(
    dataset: &'d Dataset,
    view: &'d ViewSpec,
    fits: impl Fn(&Series) -> bool,
) -> Option<&'d Series> {
    let candidates = || {
        dataset
            .series_of(&view.domein, &view.indicator)
            .filter(|s| view.shows(&s.key.bron))
            .filter(|s| view.shows_regio(s.key.breakdown.regio.as_deref()))
            .filter(|s| s.points.iter().any(|p| p.value.is_some()))
            .filter(|s| fits(s))
    };
    candidates().min_by_key(|s| source_rank(dataset, view, &s.key.bron))
}

/// The order of a view's sources: its reference first, then the ones it names in their order,
/// then the rest as `[[bronnen]]` lists them.
fn source_rank(dataset: &Dataset, view: &ViewSpec, bron: &str) -> (bool, usize, usize) {
    let named = view.reference.as_deref() == Some(bron);
    let listed = view.bronnen.iter().position(|b| *b == bron);
    let declared = dataset.meta.bronnen.iter().position(|b| b.id == bron);
    (
        !named,
        listed.unwrap_or(usize::MAX),
        declared.unwrap_or(usize::MAX),
    )
}

/// The dimensions the indicator's sources are split by into at least two parts, in order.
pub fn dimensions(dataset: &Dataset, domein: &str, indicator: &str) -> Vec<Dimension> {
    Dimension::ALL
        .into_iter()
        .filter(|d| {
            let mut parts: Vec<(&str, &str)> = dataset
                .series_of(domein, indicator)
                .filter_map(|s| Some((s.key.bron.as_str(), d.part_of(&s.key.breakdown)?)))
                .collect();
            parts.sort();
            parts.dedup();
            parts.windows(2).any(|w| w[0].0 == w[1].0)
        })
        .collect()
}

/// Builds chart series of `keys` at `granularity` with the view's transform, small counts hidden
/// first (so none can be read back from a transform).
fn transformed_series(
    dataset: &Dataset,
    keys: &[SeriesKey],
    granularity: Option<Granularity>,
    view: &ViewSpec,
    hide: Hide<'_>,
) -> Result<Vec<ChartSeries>, ViewRefusal> {
    let mut series = super::chart_series(dataset, keys, granularity);
    for s in &mut series {
        let key = s.key.clone();
        s.points.retain(|p| !hide(&key, &p.period, p.y));
    }
    if let Some(t) = &view.transform {
        crate::analysis::transform::apply(dataset, &mut series, t)
            .map_err(ViewRefusal::Transform)?;
    }
    Ok(series)
}

#[cfg(test)]
mod tests;

/// Puts `lo..hi` on the y axis of a one-panel chart (the model's and its panel's).
fn set_y_axis(m: &mut ChartModel, lo: f64, hi: f64) {
    let axis = super::nice_axis(lo, hi, 5);
    (m.y_min, m.y_max, m.y_step) = (axis.min, axis.max, axis.step);
    m.y_ticks = axis.ticks.clone();
    for p in &mut m.panels {
        (p.y_min, p.y_max, p.y_step) = (axis.min, axis.max, axis.step);
        p.y_ticks = axis.ticks.clone();
    }
}
