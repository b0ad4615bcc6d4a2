//! The y axis: round ticks around the values shown.

/// Round bounds of an axis and its ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    /// The distance between ticks.
    pub step: f64,
    /// From `min` to `max`, `step` apart.
    pub ticks: Vec<f64>,
}

/// Round axis bounds and about `target` ticks with steps of 1, 2, 2.5 or 5 × 10^k. Counts start
/// at zero when the data sit close enough to it that the zero line helps reading. The one tick
/// algorithm of every chart, in the terminal and in the minutes.
pub fn nice_axis(lo: f64, hi: f64, target: usize) -> Axis {
    if !lo.is_finite() || !hi.is_finite() {
        return Axis {
            min: 0.0,
            max: 1.0,
            step: 1.0,
            ticks: vec![0.0, 1.0],
        };
    }
    let mut lo = lo;
    let hi = if hi == lo { hi + hi.abs().max(1.0) } else { hi };
    if lo > 0.0 && lo < 0.4 * hi {
        lo = 0.0;
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut v = start;
    while v <= end + step * 0.5 {
        ticks.push(v);
        v += step;
    }
    Axis {
        min: start,
        max: end,
        step,
        ticks,
    }
}
