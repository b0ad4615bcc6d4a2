//! Level shift: a moving-window median test (a robust MOSUM test for a change in mean).
//!
//! The season is taken out first (per month or quarter the median over the years), then for
//! every date the median of the `m` periods from that date on is compared with the median of
//! the `m` periods before it. The usual change over `m` periods (the median change per period
//! times `m`) is subtracted, so a steady trend is no shift, and the difference is divided by the
//! noise of the series (a robust standard deviation of the changes per period). The date with
//! the largest such jump is a shift when the jump is at least `min_z` times the noise and
//! `min_shift` of the level before. Medians keep a single outlier from looking like a shift; the
//! exact date is the one in the peak where the means differ most.

use super::{
    Measure, Settings, Signal, SignalKind, grid, median, on_series, per_year, robust_sd,
    shift_period, trend_view,
};
use crate::model::{Granularity, Period, Series};

/// The window: half a year of months, a year of quarters, three half-years or years.
fn window(g: Granularity) -> usize {
    match g {
        Granularity::Month => 6,
        Granularity::Quarter => 4,
        Granularity::HalfYear | Granularity::Year => 3,
    }
}

/// The values with the season taken out (when there are two years or more): per month or
/// quarter the median deviation from the centred moving average over a year, which a level
/// shift does not move (a median per month of the figures themselves would).
pub(super) fn deseasonalised(values: &[Option<f64>], g: Granularity) -> Vec<Option<f64>> {
    let py = per_year(g);
    if py == 1 || values.len() < 2 * py {
        return values.to_vec();
    }
    let h = py / 2;
    let centred = |t: usize| -> Option<f64> {
        let w = values.get(t.checked_sub(h)?..=t + h)?;
        let mut sum = 0.0;
        for (i, v) in w.iter().enumerate() {
            let half = i == 0 || i == w.len() - 1;
            sum += if half { 0.5 * (*v)? } else { (*v)? };
        }
        Some(sum / py as f64)
    };
    let deviations: Vec<Option<f64>> = (0..values.len())
        .map(|t| Some(values[t]? - centred(t)?))
        .collect();
    let mut offsets: Vec<f64> = (0..py)
        .map(|j| {
            let mut same: Vec<f64> = deviations
                .iter()
                .skip(j)
                .step_by(py)
                .flatten()
                .copied()
                .collect();
            if same.is_empty() {
                0.0
            } else {
                median(&mut same)
            }
        })
        .collect();
    let mean = offsets.iter().sum::<f64>() / py as f64;
    offsets.iter_mut().for_each(|o| *o -= mean);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| v.map(|v| v - offsets[i % py]))
        .collect()
}

/// The changes from one period to the next, where both have a figure.
fn changes(r: &[Option<f64>]) -> Vec<f64> {
    r.windows(2).filter_map(|w| Some(w[1]? - w[0]?)).collect()
}

/// The shift of one series, when it has one.
pub(super) fn detect(s: &Series, settings: &Settings) -> Option<Signal> {
    let g = s.granularity();
    let (first, values) = grid(s)?;
    let m = window(g);
    if values.len() < 2 * m {
        return None;
    }
    let r = deseasonalised(&values, g);
    let d = changes(&r);
    if d.len() < 2 * m - 1 {
        return None;
    }
    let slope = median(&mut d.clone());
    let se = standard_error(&r, &d, m);
    let sides = |k: usize| -> Option<(Vec<f64>, Vec<f64>)> {
        if k < m || k + m > r.len() {
            return None;
        }
        let before: Option<Vec<f64>> = r[k - m..k].iter().copied().collect();
        let after: Option<Vec<f64>> = r[k..k + m].iter().copied().collect();
        Some((before?, after?))
    };
    let jump = |k: usize| -> Option<(f64, f64)> {
        let raw = window_median(&r[k..k + m])? - window_median(&r[k - m..k])?;
        Some((raw, (raw - slope * m as f64) / se))
    };
    let (best, (_, z)) = (m..=r.len() - m)
        .filter_map(|k| jump(k).map(|j| (k, j)))
        .max_by(|x, y| x.1.1.abs().total_cmp(&y.1.1.abs()))?;
    // Not finite: figures so large that their differences overflow; no measure of a shift.
    if !z.is_finite() || z.abs() < settings.min_z {
        return None;
    }
    let k = exact_date(best, m, &sides, z.signum());
    let (mut b, mut a) = sides(k)?;
    let (before, after) = (median(&mut b), median(&mut a));
    // The level in the figures as delivered (season included), for the sentence.
    let level_before = median(
        &mut values[k - m..k]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>(),
    );
    let level_after = level_before + (after - before);
    if level_before.abs() < f64::MIN_POSITIVE
        || ((after - before) / level_before.abs()).abs() < settings.min_shift
    {
        return None;
    }
    let period = shift_period(first, k as i64);
    let measure = Measure::LevelShift {
        before: level_before,
        after: level_after,
        window: m,
        z,
    };
    Some(signal(
        s,
        period,
        measure,
        m.max(per_year(g)) as i64,
        z.abs(),
    ))
}

/// The median of a window (at most 8 periods), `None` when one has no figure; without
/// allocating, as it runs for every date of every series.
fn window_median(w: &[Option<f64>]) -> Option<f64> {
    let mut buf = [0.0; 8];
    for (b, v) in buf.iter_mut().zip(w) {
        *b = (*v)?;
    }
    Some(median(&mut buf[..w.len().min(8)]))
}

/// The standard error of a difference of two medians of `m` values of `r`, from the noise: a
/// robust standard deviation of the changes `d` per period (never zero, so a series without
/// noise still has a size of jump).
fn standard_error(r: &[Option<f64>], d: &[f64], m: usize) -> f64 {
    let scale = r.iter().flatten().fold(0.0_f64, |a, v| a.max(v.abs()));
    let noise = (robust_sd(d) / std::f64::consts::SQRT_2)
        .max(scale * 1e-9)
        .max(f64::MIN_POSITIVE);
    noise * (std::f64::consts::PI / m as f64).sqrt()
}

/// The signal of a shift at `period`, with `2 × span` periods before it and `span` after it in
/// view.
fn signal(s: &Series, period: Period, measure: Measure, span: i64, score: f64) -> Signal {
    let g = period.granularity;
    let view = trend_view(
        s,
        std::slice::from_ref(&s.key.bron),
        g,
        shift_period(period, -2 * span),
        shift_period(period, span),
    );
    on_series(s, SignalKind::LevelShift, period, measure, score, view)
}

/// Around `best` the medians differ alike over several dates; the step is where the means
/// differ most (in the direction of the jump).
fn exact_date(
    best: usize,
    m: usize,
    sides: &dyn Fn(usize) -> Option<(Vec<f64>, Vec<f64>)>,
    sign: f64,
) -> usize {
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let lo = best.saturating_sub(m / 2).max(m);
    (lo..=best + m / 2)
        .filter_map(|k| sides(k).map(|(b, a)| (k, sign * (mean(&a) - mean(&b)))))
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map_or(best, |(k, _)| k)
}
