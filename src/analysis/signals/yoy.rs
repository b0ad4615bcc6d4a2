//! Year on year: the series' latest figure against the figure of the same period a year
//! earlier. Ranked by the relative change; a base smaller than `min_base` says little.

use super::{Measure, Settings, Signal, SignalKind, on_series, per_year, shift_period, trend_view};
use crate::model::{Period, Series};

pub(super) fn detect(s: &Series, settings: &Settings) -> Option<Signal> {
    let g = s.granularity();
    let last = s
        .points
        .iter()
        .rev()
        .find(|p| p.period.granularity == g && p.value.is_some_and(f64::is_finite))?;
    let now = last.value?;
    let previous = Period {
        year: last.period.year - 1,
        ..last.period
    };
    let earlier = s.value_at(&previous)?;
    // Across a change of unit the change is the unit's, not the figures'.
    if earlier.unit != last.unit {
        return None;
    }
    let before = earlier.value.filter(|v| v.is_finite())?;
    if before.abs() < settings.min_base {
        return None;
    }
    let relative = (now - before) / before.abs();
    if relative.abs() < settings.min_change {
        return None;
    }
    // Two years of the series up to the period: the change and the year before it.
    let from = shift_period(last.period, -2 * per_year(g) as i64);
    let view = trend_view(s, std::slice::from_ref(&s.key.bron), g, from, last.period);
    let measure = Measure::YearOnYear {
        previous,
        before,
        now,
    };
    Some(on_series(
        s,
        SignalKind::YearOnYear,
        last.period,
        measure,
        relative.abs(),
        view,
    ))
}
