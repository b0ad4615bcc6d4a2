//! Lookups built once per run ([`Ctx`]) and a series brought to a granularity with, per period,
//! why it is or is not comparable ([`View`]).

use super::{Absence, MismatchKind, Settings, unit};
use crate::analysis::aggregate::{AggError, AggPoint, aggregate, aggregate_in};
use crate::model::{
    Dataset, Granularity, IndicatorMeta, Observation, Period, Series, SeriesKey, Soort, SourceMeta,
    TrendBreak,
};
use std::collections::{BTreeMap, HashMap};

/// A trend break with its parsed start.
pub(super) struct Break<'a> {
    pub index: usize,
    pub period: Period,
    pub start: i64,
    pub meta: &'a TrendBreak,
}

/// Everything looked up more than once, indexed: no linear scans per series.
pub(super) struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub settings: &'a Settings,
    indicators: HashMap<(&'a str, &'a str), &'a IndicatorMeta>,
    sources: HashMap<&'a str, &'a SourceMeta>,
    families: HashMap<&'a str, String>,
    has_budgets: bool,
    breaks: Vec<Break<'a>>,
    /// All series per (domein, indicator), in dataset order.
    pub by_indicator: BTreeMap<(&'a str, &'a str), Vec<&'a Series>>,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, settings: &'a Settings) -> Ctx<'a> {
        let indicators = ds
            .meta
            .indicatoren
            .iter()
            .map(|m| ((m.domein.as_str(), m.id.as_str()), m))
            .collect();
        let sources: HashMap<&str, &SourceMeta> =
            ds.meta.bronnen.iter().map(|s| (s.id.as_str(), s)).collect();
        let families = sources
            .iter()
            .map(|(id, s)| (*id, family_of(id, &s.leverancier)))
            .collect();
        let breaks = ds
            .meta
            .breuken
            .iter()
            .enumerate()
            .filter_map(|(index, meta)| {
                let (period, _) = Period::parse(&meta.periode).ok()?;
                Some(Break {
                    index,
                    period,
                    start: period.start_month(),
                    meta,
                })
            })
            .collect();
        let mut by_indicator: BTreeMap<(&str, &str), Vec<&Series>> = BTreeMap::new();
        for s in &ds.series {
            by_indicator
                .entry((s.key.domein.as_str(), s.key.indicator.as_str()))
                .or_default()
                .push(s);
        }
        Ctx {
            ds,
            settings,
            indicators,
            has_budgets: ds.meta.bronnen.iter().any(|s| s.is_budget()),
            sources,
            families,
            breaks,
            by_indicator,
        }
    }

    pub fn indicator(&self, domein: &str, id: &str) -> Option<&'a IndicatorMeta> {
        self.indicators.get(&(domein, id)).copied()
    }

    /// Like [`Dataset::soort`]: stroom when the metadata is missing.
    pub fn soort(&self, key: &SeriesKey) -> Soort {
        self.indicator(&key.domein, &key.indicator)
            .map_or(Soort::Stroom, |m| m.soort)
    }

    /// The unit of one figure: the row's own unit, else the indicator's unit for this source.
    pub fn unit(&self, key: &'a SeriesKey, obs: &'a Observation) -> &'a str {
        obs.unit.as_deref().unwrap_or_else(|| self.series_unit(key))
    }

    /// The indicator's unit for this source (rows may override it).
    pub fn series_unit(&self, key: &'a SeriesKey) -> &'a str {
        self.indicator(&key.domein, &key.indicator)
            .map_or("", |m| m.unit_for(&key.bron))
    }

    /// What a source counts for its indicator: its own definition and population.
    pub fn scope(&self, key: &SeriesKey) -> crate::model::meta::Scope<'a> {
        let source = self.sources.get(key.bron.as_str()).copied();
        match self.indicator(&key.domein, &key.indicator) {
            Some(m) => m.scope_for(&key.bron, source),
            None => crate::model::meta::Scope {
                definitie: None,
                populatie: source.map(|s| s.populatie.trim()).filter(|s| !s.is_empty()),
            },
        }
    }

    /// Rounding base of a source's published figures (0 when not rounded).
    pub fn rounding(&self, bron: &str) -> f64 {
        self.sources
            .get(bron)
            .map_or(0.0, |s| f64::from(s.afronding))
    }

    /// The source gives planned figures (`rol = "begroting"`).
    pub fn is_budget(&self, bron: &str) -> bool {
        self.has_budgets && self.sources.get(bron).is_some_and(|s| s.is_budget())
    }

    /// Some source gives planned figures: without one, no lookups per series.
    pub fn has_budgets(&self) -> bool {
        self.has_budgets
    }

    /// The delivery lag as written, when the source has one.
    pub fn lag(&self, bron: &str) -> Option<&'a str> {
        self.sources
            .get(bron)
            .map(|s| s.vertraging.trim())
            .filter(|v| !v.is_empty())
    }

    /// The delivery lag in months, when the source's `vertraging` names a duration.
    pub fn lag_months(&self, bron: &str) -> Option<f64> {
        let s = self.sources.get(bron)?;
        crate::model::lag::parse_lag(&s.vertraging).ok().flatten()
    }

    /// Who publishes: the leverancier up to the first '(' or ',', else the bron id up to the
    /// first '-'. Two publications of one family can be vintages of the same figure.
    pub fn family(&self, bron: &str) -> std::borrow::Cow<'_, str> {
        match self.families.get(bron) {
            Some(f) => std::borrow::Cow::Borrowed(f.as_str()),
            None => std::borrow::Cow::Owned(family_of(bron, "")),
        }
    }

    /// Breaks that apply to this series at `period` (started at or before its end).
    pub fn breaks_at<'s>(
        &'s self,
        key: &'s SeriesKey,
        period: &Period,
    ) -> impl Iterator<Item = &'s Break<'a>> + 's {
        let end = period.end_month();
        self.breaks
            .iter()
            .filter(move |b| b.start <= end && break_matches(b.meta, key))
    }

    /// Breaks of this series that start inside `(after, period]`: a change between two
    /// consecutive periods.
    pub fn breaks_between<'s>(
        &'s self,
        key: &'s SeriesKey,
        after: &Period,
        period: &Period,
    ) -> impl Iterator<Item = &'s Break<'a>> + 's {
        let (lo, hi) = (after.end_month(), period.end_month());
        self.breaks
            .iter()
            .filter(move |b| b.start > lo && b.start <= hi && break_matches(b.meta, key))
    }

    /// The granularity at which these series are compared together: the coarsest of theirs and
    /// the requested one (at least monthly).
    pub fn common_granularity<'s>(
        &self,
        series: impl IntoIterator<Item = &'s Series>,
    ) -> Granularity {
        let floor = self.settings.granularity.unwrap_or(Granularity::Month);
        series
            .into_iter()
            .map(Series::granularity)
            .fold(floor, Granularity::max)
    }

    /// The series at granularity `g`, with per period whether it can be compared as a number.
    pub fn view(&self, series: &'a Series, g: Granularity) -> Result<View<'a>, AggError> {
        View::build(self, series, g, Vec::new())
    }

    /// [`Ctx::view`] reusing the allocation of a previous view's points (cleared first).
    pub fn view_in(
        &self,
        series: &'a Series,
        g: Granularity,
        buf: Vec<VPoint<'a>>,
    ) -> Result<View<'a>, AggError> {
        View::build(self, series, g, buf)
    }
}

/// Who publishes `bron` (see [`Ctx::family`]).
pub(crate) fn family_of(bron: &str, leverancier: &str) -> String {
    let lev = leverancier.split(['(', ',']).next().unwrap_or("").trim();
    if lev.is_empty() {
        bron.split('-').next().unwrap_or(bron).to_lowercase()
    } else {
        lev.to_lowercase()
    }
}

fn break_matches(b: &TrendBreak, key: &SeriesKey) -> bool {
    b.domein.as_ref().is_none_or(|d| *d == key.domein)
        && b.indicator.as_ref().is_none_or(|i| *i == key.indicator)
        && b.bron.as_ref().is_none_or(|s| *s == key.bron)
}

/// Why an aggregated period has no comparable number.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum PState<'a> {
    Complete,
    /// Present with '.': unknown, not zero. Lists the (finer) periods concerned.
    Unknown(Vec<Period>),
    /// Finer periods missing that the source's rhythm says should be there.
    Gap(Vec<Period>),
    /// Incomplete only because the source starts later, ends earlier or publishes less often
    /// (e.g. only first half-years): nothing to report.
    Edge,
    /// Finer periods in different units: cannot be summed.
    MixedUnits(&'a str, &'a str),
}

#[derive(Debug, Clone)]
pub(super) struct VPoint<'a> {
    pub period: Period,
    /// Only for [`PState::Complete`].
    pub value: Option<f64>,
    pub state: PState<'a>,
    pub provisional: bool,
    pub unit: &'a str,
    pub present: usize,
    pub needed: usize,
}

/// What a view says about one period.
pub(super) enum At<'v, 'a> {
    Value(&'v VPoint<'a>),
    Missing(Missing<'a>),
    /// Outside what the source covers: say nothing.
    Silent,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Missing<'a> {
    Gap(Vec<Period>),
    Unknown(Vec<Period>),
    /// The latest period of a source with a known lag.
    NotYet(&'a str),
    MixedUnits(&'a str, &'a str),
}

impl Missing<'_> {
    /// Units that cannot be summed are a unit difference; everything else a missing period.
    pub fn kind(&self) -> MismatchKind {
        match self {
            Missing::MixedUnits(..) => MismatchKind::Unit,
            _ => MismatchKind::MissingPeriod,
        }
    }
}

pub(super) struct View<'a> {
    pub series: &'a Series,
    pub g: Granularity,
    pub own: Granularity,
    pub soort: Soort,
    pub points: Vec<VPoint<'a>>,
    /// Own-granularity span and rhythm (every `step` periods).
    first: Option<Period>,
    last: Option<Period>,
    step: i64,
    pub lag: Option<&'a str>,
    /// The lag in months, when `vertraging` names a duration (looked up once per view).
    pub lag_months: Option<f64>,
    /// Rounding base of the source (looked up once, used per period).
    pub rounding: f64,
}

fn own_index(p: &Period, own: Granularity) -> i64 {
    p.start_month().div_euclid(i64::from(own.months()))
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

/// The first and last of a source's own periods and its rhythm: every how many periods it
/// publishes (1 when it publishes every period, or has fewer than two).
fn rhythm(
    periods: impl Iterator<Item = Period>,
    own: Granularity,
) -> (Option<Period>, Option<Period>, i64) {
    let (mut first, mut last, mut step) = (None, None, 0);
    for p in periods {
        if let Some(prev) = last {
            step = gcd(step, own_index(&p, own) - own_index(&prev, own));
        }
        first.get_or_insert(p);
        last = Some(p);
    }
    (first, last, step.max(1))
}

/// A figure's unit: the row's own, else the indicator's unit for the source.
fn unit_of<'a>(obs: &'a Observation, default_unit: &'a str) -> &'a str {
    obs.unit.as_deref().unwrap_or(default_unit)
}

/// A figure at the source's own granularity: comparable unless it is '.'.
fn own_point<'a>(obs: &'a Observation, default_unit: &'a str) -> VPoint<'a> {
    VPoint {
        period: obs.period,
        value: obs.value,
        state: match obs.value {
            Some(_) => PState::Complete,
            None => PState::Unknown(vec![obs.period]),
        },
        provisional: obs.status.is_provisional(),
        unit: unit_of(obs, default_unit),
        present: 1,
        needed: 1,
    }
}

/// The own periods behind one aggregated period, sorted out by [`View::inspect`].
struct Inspected<'a> {
    units: Vec<&'a str>,
    gap: Vec<Period>,
    unknown: Vec<Period>,
}

impl<'a> View<'a> {
    fn build(
        ctx: &Ctx<'a>,
        series: &'a Series,
        g: Granularity,
        mut buf: Vec<VPoint<'a>>,
    ) -> Result<View<'a>, AggError> {
        buf.clear();
        let own = series.granularity();
        let soort = ctx.soort(&series.key);
        if g < own {
            return Err(AggError::TooFine {
                series: own,
                wanted: g,
            });
        }
        let own_points = series.points.iter().filter(|o| o.period.granularity == own);
        let (first, last, step) = rhythm(own_points.clone().map(|o| o.period), own);
        let mut view = View {
            series,
            g,
            own,
            soort,
            points: buf,
            first,
            last,
            step,
            lag: ctx.lag(&series.key.bron),
            lag_months: ctx.lag_months(&series.key.bron),
            rounding: ctx.rounding(&series.key.bron),
        };
        let default_unit = ctx.series_unit(&series.key);
        if g == own {
            // The identity of `aggregate`, without building its points first.
            view.points
                .extend(own_points.map(|obs| own_point(obs, default_unit)));
            return Ok(view);
        }
        let agg = if soort == Soort::Ratio {
            aggregate_in(ctx.ds, series, g)?
        } else {
            aggregate(series, soort, g)?
        };
        view.points.reserve(agg.len());
        for ap in &agg {
            let point = view.aggregated_point(ap, default_unit);
            view.points.push(point);
        }
        Ok(view)
    }

    /// A period aggregated from the source's own periods, with why it is or is not comparable.
    fn aggregated_point(&self, ap: &AggPoint, default_unit: &'a str) -> VPoint<'a> {
        let children = ap.period.children(self.own);
        // A stand is its last figure; any other soort needs all of them.
        let relevant: &[Period] = match self.soort {
            Soort::Stand => &children[children.len().saturating_sub(1)..],
            _ => &children,
        };
        let found = self.inspect(relevant, default_unit);
        let state = if found.units.len() > 1 {
            PState::MixedUnits(found.units[0], found.units[1])
        } else if ap.complete && ap.value.is_some() {
            PState::Complete
        } else if !found.gap.is_empty() {
            PState::Gap(found.gap)
        } else if !found.unknown.is_empty() {
            PState::Unknown(found.unknown)
        } else {
            PState::Edge
        };
        let complete = state == PState::Complete;
        VPoint {
            period: ap.period,
            value: if complete { ap.value } else { None },
            state,
            provisional: ap.provisional,
            unit: found.units.last().copied().unwrap_or(default_unit),
            present: ap.present,
            needed: ap.needed,
        }
    }

    /// What the source has for these own periods: their distinct units, and which are missing
    /// against its rhythm or given as '.'.
    fn inspect(&self, periods: &[Period], default_unit: &'a str) -> Inspected<'a> {
        let mut found = Inspected {
            units: Vec::new(),
            gap: Vec::new(),
            unknown: Vec::new(),
        };
        for c in periods {
            match self.series.value_at(c) {
                Some(obs) => {
                    let u = unit_of(obs, default_unit);
                    if !found.units.iter().any(|x| unit::same(x, u)) {
                        found.units.push(u);
                    }
                    if obs.value.is_none() {
                        found.unknown.push(*c);
                    }
                }
                None if self.expected(c) => found.gap.push(*c),
                None => {}
            }
        }
        found
    }

    /// Why this view has no comparable figure for `p`, for a detail.
    pub fn absence(&self, m: &Missing, p: &Period) -> Absence {
        match m {
            Missing::Gap(ch) if ch.len() == 1 && ch[0] == *p => Absence::Gap,
            Missing::Gap(ch) => Absence::Incomplete {
                missing: ch.clone(),
                present: self.get(p).map_or(0, |vp| vp.present),
                needed: p.children(self.own).len(),
                own: self.own,
            },
            Missing::Unknown(ch) => Absence::Unknown(ch.clone()),
            Missing::NotYet(lag) => Absence::NotYet(lag.to_string()),
            Missing::MixedUnits(a, b) => Absence::MixedUnits(a.to_string(), b.to_string()),
        }
    }

    pub fn bron(&self) -> &'a str {
        &self.series.key.bron
    }

    pub fn get(&self, p: &Period) -> Option<&VPoint<'a>> {
        self.points
            .binary_search_by(|v| v.period.cmp(p))
            .ok()
            .map(|i| &self.points[i])
    }

    /// The latest period of this view.
    pub fn last_period(&self) -> Option<Period> {
        self.points.last().map(|v| v.period)
    }

    /// Whether the source's own rhythm says it should have a figure for `q` (own granularity):
    /// within its first and last period and on its step (a source of first half-years only is
    /// not missing the second ones).
    fn expected(&self, q: &Period) -> bool {
        let (Some(first), Some(last)) = (self.first, self.last) else {
            return false;
        };
        *q >= first
            && *q <= last
            && (own_index(q, self.own) - own_index(&first, self.own)).rem_euclid(self.step) == 0
    }

    /// A lagging source that stops just before `p`, while `p` is the other side's latest period.
    fn not_yet(&self, p: &Period, other_last: Option<Period>) -> Option<&'a str> {
        let lag = self.lag?;
        let after_end = self.last?.end_month() + 1;
        (Some(*p) == other_last && p.start_month() <= after_end && after_end <= p.end_month())
            .then_some(lag)
    }

    /// What this view says about `p`, given the other side's latest period.
    pub fn at(&self, p: &Period, other_last: Option<Period>) -> At<'_, 'a> {
        self.at_point(p, self.get(p), other_last)
    }

    /// Like [`View::at`] with the point at `p` already looked up (`None`: no point).
    pub fn at_point<'v>(
        &'v self,
        p: &Period,
        point: Option<&'v VPoint<'a>>,
        other_last: Option<Period>,
    ) -> At<'v, 'a> {
        match point {
            Some(vp) => match &vp.state {
                PState::Complete => At::Value(vp),
                PState::Unknown(c) => At::Missing(Missing::Unknown(c.clone())),
                PState::Gap(c) => At::Missing(Missing::Gap(c.clone())),
                PState::MixedUnits(a, b) => At::Missing(Missing::MixedUnits(a, b)),
                PState::Edge => match self.not_yet(p, other_last) {
                    Some(lag) => At::Missing(Missing::NotYet(lag)),
                    None => At::Silent,
                },
            },
            None => {
                let gap: Vec<Period> = p
                    .children(self.own)
                    .into_iter()
                    .filter(|c| self.expected(c))
                    .collect();
                if !gap.is_empty() {
                    At::Missing(Missing::Gap(gap))
                } else if let Some(lag) = self.not_yet(p, other_last) {
                    At::Missing(Missing::NotYet(lag))
                } else {
                    At::Silent
                }
            }
        }
    }
}
