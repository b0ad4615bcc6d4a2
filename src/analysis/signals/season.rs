//! Outside the seasonal band: a figure of the most recent year of a monthly or quarterly series
//! that lies outside what the same month (or quarter) did in at least three earlier years.
//!
//! Each figure is measured against the mean of the year before it (the twelve months or four
//! quarters preceding it), so growth is no deviation; the band is the lowest to the highest of
//! those deviations in the earlier years, widened by three times the series' noise (a robust
//! standard deviation of the deviations around their month's median) and by 2% of the level.
//! A figure found outside its band counts as its expected value in the level of the figures after
//! it. The year after a level shift is left out: its deviations are the shift, not the season.

use super::{
    Measure, Signal, SignalKind, grid, median, on_series, per_year, robust_sd, shift_period,
    trend_view,
};
use crate::model::{Granularity, Period, Series};

/// At least this many earlier years of the same month or quarter.
const MIN_YEARS: usize = 3;
/// The band is widened by this many times the noise.
const NOISE_WIDTH: f64 = 3.0;
/// … and by this part of the level.
const LEVEL_WIDTH: f64 = 0.02;

pub(super) fn detect(s: &Series, shift: Option<Period>) -> Vec<Signal> {
    let g = s.granularity();
    if !matches!(g, Granularity::Month | Granularity::Quarter) {
        return Vec::new();
    }
    let Some((first, values)) = grid(s) else {
        return Vec::new();
    };
    let py = per_year(g);
    let n = values.len();
    if n < (MIN_YEARS + 2) * py {
        return Vec::new();
    }
    let dev: Vec<Option<(f64, f64)>> = (0..n).map(|t| deviation(&values, t, py)).collect();
    let noise = noise(&dev, py);
    let after_shift = |t: usize| {
        shift.is_some_and(|p| {
            let at = shift_period(first, t as i64);
            at >= p && at < shift_period(p, py as i64)
        })
    };
    let mut out = Vec::new();
    // A figure found outside its band counts as its expected value in the level of the figures
    // after it: one outlier makes one signal, not also the next month's.
    let mut cleaned = values.clone();
    for t in n - py..n {
        let Some((e, level)) = deviation(&cleaned, t, py) else {
            continue;
        };
        if after_shift(t) {
            continue;
        }
        let earlier: Vec<f64> = (1..=t / py)
            .filter_map(|k| dev[t - k * py].map(|d| d.0))
            .collect();
        if earlier.len() < MIN_YEARS {
            continue;
        }
        let margin = NOISE_WIDTH * noise + LEVEL_WIDTH * level.abs();
        let lo = earlier.iter().copied().fold(f64::INFINITY, f64::min) - margin;
        let hi = earlier.iter().copied().fold(f64::NEG_INFINITY, f64::max) + margin;
        let outside = if e > hi {
            e - hi
        } else if e < lo {
            lo - e
        } else {
            continue;
        };
        cleaned[t] = Some(level + median(&mut earlier.clone()));
        let period = shift_period(first, t as i64);
        let years = earlier.len();
        let view = trend_view(
            s,
            std::slice::from_ref(&s.key.bron),
            g,
            shift_period(period, -((years.min(4) * py) as i64)),
            period,
        );
        let measure = Measure::OutsideSeason {
            value: e + level,
            low: lo + level,
            high: hi + level,
            years,
        };
        let score = outside / level.abs().max(f64::MIN_POSITIVE);
        out.push(on_series(
            s,
            SignalKind::OutsideSeason,
            period,
            measure,
            score,
            view,
        ));
    }
    out
}

/// The deviation of figure `t` from the mean of the year before it, and that mean.
fn deviation(values: &[Option<f64>], t: usize, py: usize) -> Option<(f64, f64)> {
    let x = values[t]?;
    let mut sum = 0.0;
    for v in &values[t.checked_sub(py)?..t] {
        sum += (*v)?;
    }
    let level = sum / py as f64;
    Some((x - level, level))
}

/// A robust standard deviation of the deviations around the median of their month or quarter.
fn noise(dev: &[Option<(f64, f64)>], py: usize) -> f64 {
    let mut residuals = Vec::new();
    for j in 0..py {
        let mut same: Vec<f64> = dev
            .iter()
            .skip(j)
            .step_by(py)
            .flatten()
            .map(|d| d.0)
            .collect();
        if same.len() < 2 {
            continue;
        }
        let m = median(&mut same);
        residuals.extend(same.iter().map(|x| x - m));
    }
    robust_sd(&residuals)
}
