//! Places side by side: the whole-area series of every place (gemeenten, Nederland) the
//! indicator has, per 1.000 inwoners when it is a count and every place has a population, so
//! "is that a lot for a city our size?" can be answered. The own gemeente (the dataset's
//! `gemeente`) keeps its source's colour; the other places are grey and numbered.

use super::{Hide, ViewRefusal, transformed_series};
use crate::analysis::chart::ChartModel;
use crate::analysis::transform::population;
use crate::model::identity::{Rgb, SeriesIdentity, SourceIdentity};
use crate::model::{Dataset, Series, SeriesKey, Soort, Transform, ViewSpec};

/// At most this many places in one chart (the own gemeente and Nederland first), so the lines
/// stay apart: the trend's limit.
pub const MAX_PLACES: usize = 12;

const GREYS: [Rgb; 3] = [Rgb(150, 150, 150), Rgb(120, 120, 120), Rgb(100, 100, 100)];

pub(super) fn model(
    dataset: &Dataset,
    view: &ViewSpec,
    hide: Hide<'_>,
) -> Result<ChartModel, ViewRefusal> {
    let mut keys = place_keys(dataset, view);
    let mut places: Vec<Option<&str>> = keys.iter().map(|k| k.breakdown.regio.as_deref()).collect();
    places.dedup();
    if places.len() < 2 {
        return Err(ViewRefusal::NoPlaces);
    }
    let own = (view.regio.clone()).or_else(|| own_place(dataset, &keys));
    // Stable: the sources keep their order within a place.
    keys.sort_by_key(|k| {
        let regio = k.breakdown.regio.as_deref();
        (
            regio != own.as_deref(),
            regio != Some("NL01"),
            regio.map(str::to_string),
        )
    });
    keys.truncate(MAX_PLACES);
    let mut view = view.clone();
    let asked = view.transform.is_some();
    if !asked {
        view.transform = per_thousand(dataset, &keys);
    }
    let mut series = transformed_series(dataset, &keys, view.granularity, &view, hide)?;
    // Per 1.000 inwoners only where it leaves every place a figure: a place whose population
    // is of other years would vanish from the chart. Then the counts as they are.
    if !asked && view.transform.is_some() && series.iter().any(|s| s.points.is_empty()) {
        view.transform = None;
        series = transformed_series(dataset, &keys, view.granularity, &view, hide)?;
    }
    if let Some(range) = view.range {
        super::super::keep_range(&mut series, range);
    }
    let mut others = 0;
    for s in &mut series {
        let regio = s.key.breakdown.regio.clone().unwrap_or_default();
        if Some(&regio) == own.as_ref() {
            // The own gemeente's sources keep their own colours and symbols.
            s.identity.variant = 0;
        } else {
            s.identity = SeriesIdentity {
                source: SourceIdentity {
                    colour: Some(GREYS[others % GREYS.len()]),
                    ..s.identity.source
                },
                variant: others + 1,
            };
            others += 1;
        }
        // The place, then which source: two vintages of one place are told apart.
        let source = dataset
            .source_meta(&s.key.bron)
            .map_or(s.key.bron.clone(), |m| m.naam.clone());
        s.label = format!("{} · {source}", place_name(dataset, &regio));
        s.breakdown = String::new();
    }
    let mut m = ChartModel::from_series(dataset, series, None);
    m.transform = view.transform;
    Ok(m)
}

/// The whole-area series of every place in the view's sources: each source of a place is its own
/// line (a yearly publication often gives one year: its vintages side by side), in `[[bronnen]]`
/// order within the place.
fn place_keys(dataset: &Dataset, view: &ViewSpec) -> Vec<SeriesKey> {
    let mut found: Vec<&Series> = dataset
        .series_of(&view.domein, &view.indicator)
        .filter(|s| s.key.breakdown.is_total() && s.key.breakdown.regio.is_some())
        .filter(|s| view.shows(&s.key.bron))
        .filter(|s| s.points.iter().any(|p| p.value.is_some()))
        .collect();
    found.sort_by_key(|s| {
        let rank = super::source_rank(dataset, view, &s.key.bron);
        (s.key.breakdown.regio.clone(), rank)
    });
    found.into_iter().map(|s| s.key.clone()).collect()
}

/// The place of the dataset's own gemeente: the code its `gemeente` names ("Eindhoven
/// (GM0772)"), else the only gemeente code (GM…) among the places.
fn own_place(dataset: &Dataset, keys: &[SeriesKey]) -> Option<String> {
    let regios = keys.iter().filter_map(|k| k.breakdown.regio.clone());
    let named = regios
        .clone()
        .find(|r| dataset.meta.gemeente.contains(r.as_str()));
    named.or_else(|| {
        let mut gm = regios.filter(|r| r.starts_with("GM"));
        match (gm.next(), gm.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    })
}

/// Per 1.000 inwoners of the first whole-population denominator, when the indicator counts
/// (a stroom or stand) and every place has a population.
fn per_thousand(dataset: &Dataset, keys: &[SeriesKey]) -> Option<Transform> {
    let counts = keys
        .iter()
        .all(|k| matches!(dataset.soort(k), Soort::Stroom | Soort::Stand));
    let noemer = dataset.meta.noemers.iter().find(|n| n.leeftijd.is_none())?;
    let all_have = keys
        .iter()
        .all(|k| population(dataset, &noemer.id, k.breakdown.regio.as_deref()).is_some());
    (counts && all_have).then(|| Transform::PerInhabitants {
        per: 1000,
        noemer: noemer.id.clone(),
    })
}

/// The own gemeente by its name in `dataset.toml`, Nederland by name, others by their code.
fn place_name(dataset: &Dataset, regio: &str) -> String {
    if regio == "NL01" {
        return "Nederland".to_string();
    }
    let g = &dataset.meta.gemeente;
    match g.contains(regio) {
        true => g.clone(),
        false => regio.to_string(),
    }
}
