//! One source against the reference, period by period, and unit changes within one series.

use super::direction::Loose;
use super::lag::PairLag;
use super::view::{At, Break, Ctx, Missing, VPoint, View};
use super::{
    BreakNote, Compared, Converts, Detail, Figure, LagNote, Mismatch, MismatchKind, MissingFigure,
    Outcome, ScopeNote, Units, UnitsConverted, approx_eq, lag, relative, scope, unit,
};
use crate::model::{Granularity, Period, Series, Soort};
use std::cmp::Reverse;
use std::collections::HashSet;

/// The outcome of comparing one period of a source with the reference.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PairCell {
    pub kind: Option<MismatchKind>,
    /// For [`MismatchKind::MissingPeriod`]: the reference is the side without a number.
    pub missing_ref: bool,
    /// The raw figures (reference, other), each in its own unit.
    pub values: (Option<f64>, Option<f64>),
    /// The other figure in the reference's unit, when the units differ and convert.
    pub converted: Option<f64>,
    /// other − reference, in the reference's unit.
    pub diff: Option<f64>,
    /// `diff` relative to the reference value.
    pub rel: Option<f64>,
    pub detail: Option<Detail>,
}

impl PairCell {
    fn nothing(values: (Option<f64>, Option<f64>)) -> PairCell {
        PairCell {
            kind: None,
            missing_ref: false,
            values,
            converted: None,
            diff: None,
            rel: None,
            detail: None,
        }
    }

    fn into_mismatch(
        self,
        kind: MismatchKind,
        detail: Detail,
        r: &View,
        o: &View,
        p: Period,
    ) -> Mismatch {
        Mismatch {
            sources: vec![r.bron().to_string(), o.bron().to_string()],
            reference: Some(r.bron().to_string()),
            values: vec![
                (r.bron().to_string(), self.values.0),
                (o.bron().to_string(), self.values.1),
            ],
            diff: self.diff,
            rel_diff: self.rel,
            ..Mismatch::on(kind, &r.series.key, p, detail)
        }
    }
}

/// The default reference of a group of series: the one covering the longest time (in months,
/// so a yearly series of 7 years beats one of 8 first half-years), then the most periods, then
/// the first bron by name. A requested bron wins when it is in the group.
pub(super) fn choose_reference(group: &[&Series], requested: Option<&str>) -> usize {
    if let Some(req) = requested
        && let Some(i) = group.iter().position(|s| s.key.bron == req)
    {
        return i;
    }
    (0..group.len())
        .min_by_key(|&i| {
            let s = group[i];
            let with_value = s.points.iter().filter(|o| o.value.is_some());
            let months: u32 = with_value
                .clone()
                .map(|o| o.period.granularity.months())
                .sum();
            (Reverse(months), Reverse(with_value.count()), &s.key.bron)
        })
        .unwrap_or(0)
}

/// The points of two views side by side, by period, sorted: a merge, no searching.
pub(super) fn zip_periods<'v, 'a>(
    a: &'v View<'a>,
    b: &'v View<'a>,
) -> impl Iterator<Item = (Period, Option<&'v VPoint<'a>>, Option<&'v VPoint<'a>>)> {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let item = match (a.points.get(i), b.points.get(j)) {
            (Some(x), Some(y)) if x.period == y.period => {
                i += 1;
                j += 1;
                (x.period, Some(x), Some(y))
            }
            (Some(x), Some(y)) if x.period < y.period => {
                i += 1;
                (x.period, Some(x), None)
            }
            (Some(_), Some(y)) | (None, Some(y)) => {
                j += 1;
                (y.period, None, Some(y))
            }
            (Some(x), None) => {
                i += 1;
                (x.period, Some(x), None)
            }
            (None, None) => return None,
        };
        Some(item)
    })
}

/// Compares every other series of a group (same domein, indicator, uitsplitsing) with the
/// reference, each pair at the coarsest of their granularities and the requested one.
pub(super) fn detect_group<'a>(ctx: &Ctx<'a>, group: &[&'a Series], out: &mut Vec<Mismatch>) {
    if group.len() < 2 {
        return;
    }
    let ri = choose_reference(group, ctx.settings.reference.as_deref());
    let reference = group[ri];
    let floor = ctx.settings.granularity.unwrap_or(Granularity::Month);
    let mut ref_views: Vec<View<'a>> = Vec::new();
    let mut ref_missing_seen: HashSet<Period> = HashSet::new();
    // One buffer for the other side's points, reused: no allocation per pair.
    let mut spare: Vec<VPoint<'a>> = Vec::new();
    for (i, other) in group.iter().enumerate() {
        if i == ri {
            continue;
        }
        let g = reference.granularity().max(other.granularity()).max(floor);
        let ov = match ctx.view_in(other, g, std::mem::take(&mut spare)) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let k = match ref_views.iter().position(|v| v.g == g) {
            Some(k) => k,
            None => match ctx.view(reference, g) {
                Ok(v) => {
                    ref_views.push(v);
                    ref_views.len() - 1
                }
                Err(_) => continue,
            },
        };
        let rv = &ref_views[k];
        let lag = PairLag::default();
        let mut loose = Loose::default();
        for (p, rp, op) in zip_periods(rv, &ov) {
            let mut cell = classify_points(ctx, (rv, rp), (&ov, op), &p, &lag, false);
            // A named difference always has its detail.
            let (Some(kind), Some(detail)) = (cell.kind, cell.detail.take()) else {
                continue;
            };
            // A gap of the reference shows against every other source: name it once.
            if kind == MismatchKind::MissingPeriod
                && cell.missing_ref
                && !ref_missing_seen.insert(p)
            {
                continue;
            }
            out.extend(loose.keep(cell.into_mismatch(kind, detail, rv, &ov, p)));
        }
        loose.finish(out);
        spare = ov.points;
    }
}

/// Names the difference of `o` against the reference `r` at `p` (both views at one granularity).
/// `lag`: the shifts of this pair, worked out at its first use (one per pair of views).
pub(super) fn classify(
    ctx: &Ctx,
    (r, o): (&View, &View),
    p: &Period,
    lag: &PairLag,
    explain: bool,
) -> PairCell {
    classify_points(ctx, (r, r.get(p)), (o, o.get(p)), p, lag, explain)
}

/// [`classify`] with the points at `p` already looked up.
fn classify_points<'v, 'a>(
    ctx: &Ctx<'a>,
    (r, rp): (&'v View<'a>, Option<&'v VPoint<'a>>),
    (o, op): (&'v View<'a>, Option<&'v VPoint<'a>>),
    p: &Period,
    lag: &'v PairLag,
    explain: bool,
) -> PairCell {
    let ra = r.at_point(p, rp, o.last_period());
    let oa = o.at_point(p, op, r.last_period());
    match (ra, oa) {
        (At::Value(rv), At::Value(ov)) => numeric(
            ctx,
            Both {
                r,
                o,
                rv,
                ov,
                p,
                lag,
            },
            explain,
        ),
        (At::Value(rv), At::Missing(m)) => {
            missing(o, r, rv, m, p, (rv.value, other_raw(o, p)), false)
        }
        (At::Missing(m), At::Value(ov)) => {
            missing(r, o, ov, m, p, (other_raw(r, p), ov.value), true)
        }
        _ => PairCell::nothing((other_raw(r, p), other_raw(o, p))),
    }
}

fn other_raw(v: &View, p: &Period) -> Option<f64> {
    v.get(p).and_then(|vp| vp.value)
}

/// One side has a number, the other has none (or one that cannot be used).
fn missing(
    lacking: &View,
    having: &View,
    hv: &VPoint,
    m: Missing,
    p: &Period,
    values: (Option<f64>, Option<f64>),
    missing_ref: bool,
) -> PairCell {
    let detail = Detail::MissingFigure(MissingFigure {
        period: *p,
        lacking: lacking.bron().to_string(),
        having: Figure::new(having.bron(), hv.value.unwrap_or(f64::NAN)),
        absence: lacking.absence(&m, p),
    });
    PairCell {
        kind: Some(m.kind()),
        missing_ref,
        detail: Some(detail),
        ..PairCell::nothing(values)
    }
}

/// One period where both sides have a number: the reference `r` and the other `o`, each with
/// its point at `p`.
#[derive(Clone, Copy)]
struct Both<'v, 'a> {
    r: &'v View<'a>,
    o: &'v View<'a>,
    rv: &'v VPoint<'a>,
    ov: &'v VPoint<'a>,
    p: &'v Period,
    lag: &'v PairLag,
}

impl Both<'_, '_> {
    /// The raw figures (reference, other); a point with a number always has one.
    fn figures(&self) -> (f64, f64) {
        (self.rv.value.unwrap_or(0.0), self.ov.value.unwrap_or(0.0))
    }

    /// The rounding tolerance of the pair: the rounding base of either source, more when
    /// rounded figures were summed. Gives (base, tolerance).
    fn tolerance(&self) -> (f64, f64) {
        let (br, bo) = (self.r.rounding, self.o.rounding);
        let n = |v: &View, vp: &VPoint| {
            if v.soort == Soort::Stroom {
                vp.needed.max(1) as f64
            } else {
                1.0
            }
        };
        let base = br.max(bo);
        (
            base,
            base.max((br * n(self.r, self.rv) + bo * n(self.o, self.ov)) / 2.0),
        )
    }
}

/// Trend breaks that apply to one side of the pair at `p` and not to the other, latest first.
fn breaks_one_side<'c, 'a>(
    ctx: &'c Ctx<'a>,
    r: &'c View,
    o: &'c View,
    p: &Period,
) -> Vec<(&'c str, &'c Break<'a>)> {
    let rb: Vec<&Break> = ctx.breaks_at(&r.series.key, p).collect();
    let ob: Vec<&Break> = ctx.breaks_at(&o.series.key, p).collect();
    let mut out: Vec<(&str, &Break)> = rb
        .iter()
        .filter(|b| !ob.iter().any(|x| x.index == b.index))
        .map(|b| (r.bron(), *b))
        .chain(
            ob.iter()
                .filter(|b| !rb.iter().any(|x| x.index == b.index))
                .map(|b| (o.bron(), *b)),
        )
        .collect();
    out.sort_by_key(|(_, b)| Reverse(b.start));
    out
}

/// The name of a numeric difference in the same unit, with the break that explains it.
enum Named<'c, 'a> {
    WithinRounding,
    /// The bron the break applies to, and the break.
    TrendBreak(&'c str, &'c Break<'a>),
    Vintage,
    /// The shift by the lag brings the difference within the threshold.
    Lag(LagNote),
    /// The definitions differ and their usual level difference explains it.
    Definition(Box<ScopeNote>),
    /// With the shift that made it clearly smaller, when there is one, and the definitions
    /// when they differ.
    Unexplained(Option<LagNote>, Option<Box<ScopeNote>>),
}

impl Named<'_, '_> {
    fn kind(&self) -> MismatchKind {
        match self {
            Named::WithinRounding => MismatchKind::WithinRounding,
            Named::TrendBreak(..) => MismatchKind::TrendBreak,
            Named::Vintage => MismatchKind::Vintage,
            Named::Lag(_) => MismatchKind::Lag,
            Named::Definition(_) => MismatchKind::Definition,
            Named::Unexplained(..) => MismatchKind::Unexplained,
        }
    }
}

/// Both sides have a number. The detail is written only for a named difference, or for every
/// comparison when `explain` (the comparison table shows it per cell).
fn numeric(ctx: &Ctx, both: Both, explain: bool) -> PairCell {
    let (a, b) = both.figures();
    let mut cell = PairCell::nothing((both.rv.value, both.ov.value));
    if !unit::same(both.rv.unit, both.ov.unit) {
        return unit_cell(ctx, both, cell);
    }
    let diff = b - a;
    if approx_eq(a, b) {
        cell.diff = Some(0.0);
        cell.rel = Some(0.0);
        if explain {
            cell.detail = Some(compared(both, Outcome::Equal));
        }
        return cell;
    }
    cell.diff = Some(diff);
    cell.rel = relative(diff, a);
    let (base, tol) = both.tolerance();
    let named = name_numeric(ctx, both, diff, cell.rel, tol);
    cell.kind = named.as_ref().map(Named::kind);
    if named.is_some() || explain {
        let outcome = outcome(ctx, named, (diff, cell.rel), base);
        cell.detail = Some(compared(both, outcome));
    }
    cell
}

/// Which named difference a numeric difference in the same unit is, in order of precedence;
/// `None` when it is within the threshold.
fn name_numeric<'c, 'a>(
    ctx: &'c Ctx<'a>,
    both: Both<'c, 'a>,
    diff: f64,
    rel: Option<f64>,
    tol: f64,
) -> Option<Named<'c, 'a>> {
    let (rb, ob) = (both.r.bron(), both.o.bron());
    if diff.abs() <= tol {
        return Some(Named::WithinRounding);
    }
    let threshold = ctx.settings.threshold;
    let above = rel.is_none_or(|rel| rel.abs() > threshold);
    // A break explains a difference; within the threshold there is none to explain.
    if above
        && let Some((bron, b)) = breaks_one_side(ctx, both.r, both.o, both.p)
            .into_iter()
            .next()
    {
        return Some(Named::TrendBreak(bron, b));
    }
    let vintage = both.rv.provisional != both.ov.provisional && ctx.family(rb) == ctx.family(ob);
    // Looked up only when it can matter: most cells are within the threshold.
    let differs = (above || vintage)
        .then(|| scope::of(ctx, both.lag, both.r, both.o))
        .flatten();
    if vintage && differs.is_none() {
        return Some(Named::Vintage);
    }
    if !above {
        // A vintage pair that does not share the definition: say that, not "ander vintage".
        let note = differs.map(|s| Box::new(scope::note(s, both.r, both.o, both.p)));
        return note.map(Named::Definition);
    }
    let current = rel.map_or(f64::INFINITY, f64::abs);
    let shift = lag::shift(both.lag, both.r, both.o, both.p, current);
    if let Some(l) = shift.as_ref().filter(|l| l.shifted <= threshold) {
        return Some(Named::Lag(l.clone()));
    }
    let note = differs.map(|s| Box::new(scope::note(s, both.r, both.o, both.p)));
    Some(match note {
        Some(n) if n.remaining.is_some_and(|x| x.abs() <= threshold) => Named::Definition(n),
        note => Named::Unexplained(shift, note),
    })
}

/// Two figures in the same unit compared, with how it came out.
fn compared(both: Both, outcome: Outcome) -> Detail {
    let (a, b) = both.figures();
    Detail::Compared(Compared {
        reference: Figure::new(both.r.bron(), a),
        other: Figure::new(both.o.bron(), b),
        provisional: (both.rv.provisional, both.ov.provisional),
        outcome,
    })
}

/// How a numeric difference in the same unit came out, `named` or within the threshold.
fn outcome(ctx: &Ctx, named: Option<Named>, (diff, rel): (f64, Option<f64>), base: f64) -> Outcome {
    let threshold = ctx.settings.threshold;
    match named {
        Some(Named::WithinRounding) => Outcome::WithinRounding { base },
        Some(Named::TrendBreak(bron, b)) => Outcome::TrendBreak {
            diff,
            rel,
            brk: break_note(bron, b),
        },
        Some(Named::Vintage) => Outcome::Vintage { diff, rel },
        Some(Named::Lag(lag)) => Outcome::Lag {
            diff,
            rel,
            threshold,
            lag,
        },
        Some(Named::Definition(scope)) => Outcome::Definition {
            diff,
            rel,
            threshold,
            scope,
        },
        Some(Named::Unexplained(lag, scope)) => Outcome::AboveThreshold {
            diff,
            rel,
            threshold,
            lag,
            scope,
        },
        None => Outcome::WithinThreshold {
            diff,
            rel,
            threshold,
        },
    }
}

/// A recorded break of `bron`, for a detail.
fn break_note(bron: &str, b: &Break) -> BreakNote {
    BreakNote {
        bron: bron.to_string(),
        period: b.period,
        description: b.meta.omschrijving.clone(),
    }
}

/// Units differ: convert when they differ only in scale or per-N, and say so.
fn unit_cell(ctx: &Ctx, both: Both, mut cell: PairCell) -> PairCell {
    let Both {
        r, o, rv, ov, p, ..
    } = both;
    let (a, b) = both.figures();
    cell.kind = Some(MismatchKind::Unit);
    let conversion = unit::conversion(ov.unit, rv.unit).map(|c| {
        let converted = b * c.factor;
        let diff = converted - a;
        cell.converted = Some(converted);
        cell.diff = Some(diff);
        cell.rel = relative(diff, a);
        let threshold = ctx.settings.threshold;
        UnitsConverted {
            equal: approx_eq(converted, a),
            diff,
            rel: cell.rel,
            threshold,
            within: cell.rel.is_some_and(|x| x.abs() <= threshold),
            populations: c
                .populations_differ
                .then(|| (c.to.base.clone(), c.from.base.clone())),
            // The reference figure in both units shows how they relate.
            same: Converts {
                from_value: a,
                from: c.to,
                to_value: a / c.factor,
                to: c.from,
            },
        }
    });
    let recorded_break = breaks_one_side(ctx, r, o, p)
        .first()
        .map(|(bron, b)| break_note(bron, b));
    cell.detail = Some(Detail::Units(Box::new(Units {
        reference: Figure::new(r.bron(), a),
        reference_unit: rv.unit.to_string(),
        other: Figure::new(o.bron(), b),
        other_unit: ov.unit.to_string(),
        conversion,
        recorded_break,
    })));
    cell
}
