//! What stands out in a dataset, as talking points for the next session: the largest changes
//! against a year earlier, level shifts, points outside the usual seasonal band, the largest
//! unexplained differences between sources and sources that stopped delivering. Each signal
//! carries the view that shows it, so an agenda item can be made from it.
//!
//! Only whole-area series are looked at (a regio may be one): those are what a view shows.
//! Every method works on the series as delivered, at its own period length.

mod season;
mod shift;
mod sources;
mod stopped;
mod yoy;

#[cfg(test)]
mod tests;

use crate::analysis::mismatch::Mismatch;
use crate::model::{Breakdown, Dataset, Granularity, Period, Series, ViewKind, ViewSpec};
use serde::Serialize;

/// The kinds of signal, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SignalKind {
    /// A large change against the same period a year earlier.
    #[serde(rename = "jaar-op-jaar")]
    YearOnYear,
    /// The series moved to another level at a date and stayed there.
    #[serde(rename = "niveausprong")]
    LevelShift,
    /// A recent point outside the band of the same month or quarter in earlier years.
    #[serde(rename = "buiten-seizoen")]
    OutsideSeason,
    /// A large difference between sources that no known cause explains.
    #[serde(rename = "onverklaard-verschil")]
    Unexplained,
    /// A source whose figures stopped while the others of its indicator went on.
    #[serde(rename = "levering-gestopt")]
    Stopped,
}

impl SignalKind {
    pub const ALL: [SignalKind; 5] = [
        SignalKind::YearOnYear,
        SignalKind::LevelShift,
        SignalKind::OutsideSeason,
        SignalKind::Unexplained,
        SignalKind::Stopped,
    ];

    /// The stable key in files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            SignalKind::YearOnYear => "jaar-op-jaar",
            SignalKind::LevelShift => "niveausprong",
            SignalKind::OutsideSeason => "buiten-seizoen",
            SignalKind::Unexplained => "onverklaard-verschil",
            SignalKind::Stopped => "levering-gestopt",
        }
    }
}

/// The figures behind a signal, per kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// `now` in the signal's period against `before` in `previous`, a year earlier.
    YearOnYear {
        previous: Period,
        before: f64,
        now: f64,
    },
    /// The median level before and from the signal's period on, over `window` periods each
    /// side; `z` is the size of the jump against the series' noise.
    LevelShift {
        before: f64,
        after: f64,
        window: usize,
        z: f64,
    },
    /// `value` lies outside `low..=high`, the usual band for this month or quarter (the level
    /// of the year before plus the seasonal deviations of `years` earlier years, widened by the
    /// noise).
    OutsideSeason {
        value: f64,
        low: f64,
        high: f64,
        years: usize,
    },
    /// The unexplained difference, as the mismatch detection named it.
    Unexplained(Box<Mismatch>),
    /// The source's last period with a figure is the signal's period; the others of the
    /// indicator go on to `others_last` (of `ahead`), more than `rhythm` later.
    Stopped {
        others_last: Period,
        ahead: String,
        rhythm: Granularity,
        months_behind: i64,
    },
}

/// One talking point.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub kind: SignalKind,
    pub domein: String,
    pub indicator: String,
    /// Regio of the series (empty for the whole area).
    pub breakdown: Breakdown,
    /// The sources concerned (reference first for a difference).
    pub sources: Vec<String>,
    /// The period the signal is about: the latest period, the date of a level shift, the
    /// point outside the band, the compared period, the last period delivered.
    pub period: Period,
    pub measure: Measure,
    /// How much it stands out, for ranking within its kind (larger is more).
    pub score: f64,
    /// The chart that shows it.
    pub view: ViewSpec,
}

/// Thresholds of the methods.
#[derive(Debug, Clone)]
pub struct Settings {
    /// At most this many signals of each kind.
    pub max_per_kind: usize,
    /// Year on year: the figure a year earlier must be at least this large (in absolute value)
    /// for its relative change to mean something.
    pub min_base: f64,
    /// Year on year: the smallest relative change that is a signal (0.2 = 20%).
    pub min_change: f64,
    /// Level shift: the smallest jump against the noise (a z value).
    pub min_z: f64,
    /// Level shift: the smallest jump relative to the level before.
    pub min_shift: f64,
    /// Unexplained differences: the mismatch detection's threshold.
    pub threshold: f64,
    /// Only this domein, and only this indicator.
    pub domein: Option<String>,
    pub indicator: Option<String>,
}

impl Settings {
    /// Is (`domein`, `indicator`) looked at?
    fn looks_at(&self, domein: &str, indicator: &str) -> bool {
        self.domein.as_deref().is_none_or(|d| d == domein)
            && self.indicator.as_deref().is_none_or(|i| i == indicator)
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            max_per_kind: 5,
            min_base: 10.0,
            min_change: 0.2,
            min_z: 5.0,
            min_shift: 0.1,
            threshold: 0.05,
            domein: None,
            indicator: None,
        }
    }
}

/// All signals of `dataset`, per kind in [`SignalKind::ALL`] order, the most outstanding first
/// within a kind, at most `settings.max_per_kind` of each.
pub fn find(dataset: &Dataset, settings: &Settings) -> Vec<Signal> {
    let series: Vec<&Series> = dataset
        .series
        .iter()
        .filter(|s| s.key.breakdown.is_total() && s.points.iter().any(|p| p.value.is_some()))
        .filter(|s| settings.looks_at(&s.key.domein, &s.key.indicator))
        .collect();
    let per_series = crate::analysis::parallel::map_chunks(&series, 64, |chunk| {
        let mut out = Vec::new();
        for s in chunk {
            out.extend(yoy::detect(s, settings));
            let shift = shift::detect(s, settings);
            out.extend(season::detect(s, shift.as_ref().map(|x| x.period)));
            out.extend(shift);
        }
        out
    });
    let mut all: Vec<Signal> = per_series.into_iter().flatten().collect();
    all.extend(sources::detect(dataset, settings));
    all.extend(stopped::detect(&series, dataset));
    rank(all, settings.max_per_kind)
}

/// Orders by kind, then by score (largest first), then by place; keeps `max` of each kind.
fn rank(mut all: Vec<Signal>, max: usize) -> Vec<Signal> {
    all.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.score.total_cmp(&a.score))
            .then_with(|| {
                (&a.domein, &a.indicator, &a.sources).cmp(&(&b.domein, &b.indicator, &b.sources))
            })
            .then(a.period.cmp(&b.period))
    });
    let mut kept = Vec::with_capacity(all.len().min(max * SignalKind::ALL.len()));
    let mut count = 0;
    let mut kind = None;
    for s in all {
        if kind != Some(s.kind) {
            kind = Some(s.kind);
            count = 0;
        }
        if count < max {
            count += 1;
            kept.push(s);
        }
    }
    kept
}

/// The period `n` periods after `p` (before when negative), at `p`'s length.
pub(crate) fn shift_period(p: Period, n: i64) -> Period {
    let g = p.granularity;
    let m = p.start_month() + n * g.months() as i64;
    Period {
        year: m.div_euclid(12) as i32,
        granularity: g,
        index: (m.rem_euclid(12) / g.months() as i64 + 1) as u8,
    }
}

/// A trend view of `sources` of one series' indicator at `g`, from `from` to `to`.
fn trend_view(
    s: &Series,
    sources: &[String],
    g: Granularity,
    from: Period,
    to: Period,
) -> ViewSpec {
    ViewSpec {
        domein: s.key.domein.clone(),
        indicator: s.key.indicator.clone(),
        bronnen: sources.to_vec(),
        granularity: Some(g),
        range: Some((from, to)),
        reference: None,
        kind: ViewKind::Trend,
        transform: None,
        dimension: None,
        regio: s.key.breakdown.regio.clone(),
    }
}

/// A signal about one series.
fn on_series(
    s: &Series,
    kind: SignalKind,
    period: Period,
    measure: Measure,
    score: f64,
    view: ViewSpec,
) -> Signal {
    Signal {
        kind,
        domein: s.key.domein.clone(),
        indicator: s.key.indicator.clone(),
        breakdown: s.key.breakdown.clone(),
        sources: vec![s.key.bron.clone()],
        period,
        measure,
        score,
        view,
    }
}

/// The series' values at its own period length on a gapless axis: `(first period, values)`,
/// `None` where a period has no figure. Coarser points in a mixed series are left out, and so
/// are the points before the series' last change of unit.
fn grid(s: &Series) -> Option<(Period, Vec<Option<f64>>)> {
    let g = s.granularity();
    let step = g.months() as i64;
    // From the last change of unit on: across one, the figures are not comparable.
    let unit = s.points.last()?.unit.clone();
    let since = s
        .points
        .iter()
        .rposition(|p| p.unit != unit)
        .map_or(0, |i| i + 1);
    let points: Vec<(Period, f64)> = s.points[since..]
        .iter()
        .filter(|p| p.period.granularity == g)
        .filter_map(|p| p.value.filter(|v| v.is_finite()).map(|v| (p.period, v)))
        .collect();
    let (first, last) = (points.first()?.0, points.last()?.0);
    let len = ((last.start_month() - first.start_month()) / step + 1) as usize;
    let mut values = vec![None; len];
    for (p, v) in points {
        values[((p.start_month() - first.start_month()) / step) as usize] = Some(v);
    }
    Some((first, values))
}

/// Periods in a year at `g`.
fn per_year(g: Granularity) -> usize {
    (12 / g.months()) as usize
}

/// The median of `xs` (not empty; sorted in place).
fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    match n % 2 {
        1 => xs[n / 2],
        _ => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

/// A robust standard deviation: 1.4826 × the median absolute deviation from the median.
fn robust_sd(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    let mut v = xs.to_vec();
    let m = median(&mut v);
    let mut dev: Vec<f64> = xs.iter().map(|x| (x - m).abs()).collect();
    1.4826 * median(&mut dev)
}
