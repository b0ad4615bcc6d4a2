//! The difference table of the comparison view: one indicator, its sources side by side on a
//! common granularity, each against the reference of its uitsplitsing.

use super::lag::PairLag;
use super::pair::{choose_reference, classify};
use super::view::{Ctx, PState, View};
use super::{
    Detail, Mismatch, MismatchKind, Settings, budget, by_breakdown, jump, partof, parts, stock,
    within,
};
use crate::analysis::aggregate::AggError;
use crate::model::{Breakdown, Dataset, Granularity, Period, Series};
use std::collections::HashMap;

/// A source's figures for one indicator and uitsplitsing.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub bron: String,
    pub breakdown: Breakdown,
    /// The unit of its latest figure.
    pub unit: String,
    pub is_reference: bool,
    /// Index of the reference column this one is compared against (`None` for references).
    pub against: Option<usize>,
}

/// A source that cannot be shown at the requested granularity, with the Dutch reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Excluded {
    pub bron: String,
    pub breakdown: Breakdown,
    pub reason: String,
    /// Why, for an interface that says it in its own words.
    pub error: AggError,
}

/// One source in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// `None` when absent, unknown ('.') or incomplete: never a partial sum.
    pub value: Option<f64>,
    pub complete: bool,
    pub provisional: bool,
    pub unit: Option<String>,
    /// Finer periods present / needed (1/1 at the source's own granularity).
    pub present: usize,
    pub needed: usize,
    /// The value in the reference's unit, when the units differ and convert.
    pub converted: Option<f64>,
    /// Value − reference (in the reference's unit), signed.
    pub diff: Option<f64>,
    /// `diff` relative to the reference, signed (0.05 = 5% higher).
    pub rel_diff: Option<f64>,
    /// The named difference against the reference, if any.
    pub kind: Option<MismatchKind>,
    /// What the comparison found, `None` when there was nothing to compare. Boxed: a table of
    /// many regios holds mostly empty cells, which should stay small.
    pub detail: Option<Box<Detail>>,
}

impl Cell {
    /// A view's figure at `p`, not yet compared with anything.
    fn at(v: &View, p: &Period) -> Cell {
        match v.get(p) {
            Some(vp) => Cell {
                value: vp.value,
                complete: vp.state == PState::Complete,
                provisional: vp.provisional,
                unit: Some(vp.unit.to_string()),
                present: vp.present,
                ..Cell::absent(vp.needed)
            },
            None => Cell::absent(p.child_count(v.own)),
        }
    }

    /// No figure, of `needed` finer periods.
    fn absent(needed: usize) -> Cell {
        Cell {
            value: None,
            complete: false,
            provisional: false,
            unit: None,
            present: 0,
            needed,
            converted: None,
            diff: None,
            rel_diff: None,
            kind: None,
            detail: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub period: Period,
    /// The uitsplitsing (regio) whose sources this row compares: with several regios each
    /// period has one row per regio, and only that regio's cells hold figures.
    pub breakdown: Breakdown,
    /// The reference source of that regio.
    pub reference: Option<String>,
    /// The columns of this row's regio (indices into [`Comparison::columns`], ascending): with 50
    /// gemeenten a row holds 3 cells, not 150 of which 147 are empty.
    pub columns: Vec<usize>,
    /// One per entry of `columns`, in the same order.
    pub cells: Vec<Cell>,
    /// All kinds flagged in this period: between sources, and within the data (unit change,
    /// parts against total, stock-flow, budget) for checks whose period lies inside this one.
    pub kinds: Vec<MismatchKind>,
}

impl ComparisonRow {
    /// The cell of column `column`, when it is one of this row's regio.
    pub fn cell(&self, column: usize) -> Option<&Cell> {
        let i = self.columns.binary_search(&column).ok()?;
        self.cells.get(i)
    }

    /// The row's cells with their column index.
    pub fn cells_by_column(&self) -> impl Iterator<Item = (usize, &Cell)> {
        self.columns.iter().copied().zip(&self.cells)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub domein: String,
    pub indicator: String,
    pub granularity: Granularity,
    /// The reference source of the first uitsplitsing (usually the only one); each regio has
    /// its own, in [`ComparisonRow::reference`].
    pub reference: Option<String>,
    pub columns: Vec<Column>,
    pub excluded: Vec<Excluded>,
    pub rows: Vec<ComparisonRow>,
}

/// Builds the difference table for one indicator. Only whole-area series (no wijk or aanbieder)
/// are columns; each regio is compared within itself. The granularity defaults to the coarsest
/// among the sources; sources that cannot reach it (finer than their own, or a ratio without
/// teller and noemer) are listed in `excluded`. `reference` picks the reference source where it
/// is present; otherwise the default choice of [`super::detect`] applies.
pub fn compare(
    dataset: &Dataset,
    domein: &str,
    indicator: &str,
    reference: Option<&str>,
    granularity: Option<Granularity>,
) -> Comparison {
    let list: Vec<&Series> = dataset
        .series_of(domein, indicator)
        .filter(|s| s.key.breakdown.is_total())
        .collect();
    let g = granularity.unwrap_or_else(|| {
        list.iter()
            .map(|s| s.granularity())
            .max()
            .unwrap_or(Granularity::Year)
    });
    let settings = Settings {
        reference: reference.map(str::to_string),
        granularity: Some(g),
        ..Settings::default()
    };
    let ctx = Ctx::new(dataset, &settings);
    let mut layout = Layout::default();
    for group in by_breakdown(list).values() {
        layout.add_group(&ctx, group, reference, g);
    }
    let within = within_data(&ctx, domein, indicator);
    // Per regio: with 50 gemeenten each row looks only at its own regio's checks.
    let mut extra: HashMap<Option<&str>, Vec<&Mismatch>> = HashMap::new();
    for m in &within {
        extra
            .entry(m.breakdown.regio.as_deref())
            .or_default()
            .push(m);
    }
    // One per column, shared by its rows: the lag of a pair is a property of the pair.
    let lags: Vec<PairLag> = layout.columns.iter().map(|_| PairLag::default()).collect();
    let rows = layout
        .groups()
        .into_iter()
        .flat_map(|(b, cols)| {
            let views: Vec<&View> = cols.iter().map(|&c| &layout.views[c]).collect();
            periods(&views)
                .into_iter()
                .map(|p| {
                    let extra = extra.get(&b.regio.as_deref()).map_or(&[][..], |v| &v[..]);
                    row(&ctx, &layout, &lags, extra, (b, &cols), p)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    Comparison {
        domein: domein.to_string(),
        indicator: indicator.to_string(),
        granularity: g,
        reference: layout.first_reference,
        columns: layout.columns,
        excluded: layout.excluded,
        rows,
    }
}

/// The columns of the table with their views (same order), and the sources left out.
#[derive(Default)]
struct Layout<'a> {
    columns: Vec<Column>,
    views: Vec<View<'a>>,
    excluded: Vec<Excluded>,
    first_reference: Option<String>,
}

impl<'a> Layout<'a> {
    /// The sources of one uitsplitsing: the reference first, then the others by bron, each
    /// against the reference. When the chosen reference cannot be shown, the next source that
    /// can is the reference.
    fn add_group(
        &mut self,
        ctx: &Ctx<'a>,
        group: &[&'a Series],
        reference: Option<&str>,
        g: Granularity,
    ) {
        let ri = reference_of(ctx, group, reference);
        let mut order: Vec<usize> = (0..group.len()).filter(|&i| i != ri).collect();
        order.sort_by(|&a, &b| group[a].key.bron.cmp(&group[b].key.bron));
        order.insert(0, ri);
        let mut ref_col: Option<usize> = None;
        for i in order {
            let s = group[i];
            match ctx.view(s, g) {
                Ok(v) => {
                    let is_reference = ref_col.is_none();
                    self.columns.push(Column {
                        bron: s.key.bron.clone(),
                        breakdown: s.key.breakdown.clone(),
                        unit: v.points.last().map_or("", |p| p.unit).to_string(),
                        is_reference,
                        against: ref_col,
                    });
                    if is_reference {
                        ref_col = Some(self.columns.len() - 1);
                        self.first_reference
                            .get_or_insert_with(|| s.key.bron.clone());
                    }
                    self.views.push(v);
                }
                Err(e) => self.excluded.push(Excluded {
                    bron: s.key.bron.clone(),
                    breakdown: s.key.breakdown.clone(),
                    reason: e.to_string(),
                    error: e,
                }),
            }
        }
    }
}

impl Layout<'_> {
    /// Per uitsplitsing (regio) in column order, its columns.
    fn groups(&self) -> Vec<(&Breakdown, Vec<usize>)> {
        let mut out: Vec<(&Breakdown, Vec<usize>)> = Vec::new();
        for (i, c) in self.columns.iter().enumerate() {
            match out.iter_mut().find(|(b, _)| **b == c.breakdown) {
                Some((_, cols)) => cols.push(i),
                None => out.push((&c.breakdown, vec![i])),
            }
        }
        out
    }
}

impl Comparison {
    /// The uitsplitsingen (regio's) of the columns, in column order.
    pub fn regions(&self) -> Vec<&Breakdown> {
        let mut out: Vec<&Breakdown> = Vec::new();
        for c in &self.columns {
            if !out.contains(&&c.breakdown) {
                out.push(&c.breakdown);
            }
        }
        out
    }

    /// The bronnen compared in `row`: the columns of its regio.
    pub fn sources_of(&self, row: &ComparisonRow) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self.columns.iter().filter(|c| c.breakdown == row.breakdown) {
            if !out.contains(&c.bron) {
                out.push(c.bron.clone());
            }
        }
        out
    }
}

/// The reference of a group: the requested source when it is there, else the default choice
/// among the sources that are no begroting (a budget is no measurement to compare against).
fn reference_of(ctx: &Ctx, group: &[&Series], reference: Option<&str>) -> usize {
    let requested = reference.is_some_and(|r| group.iter().any(|s| s.key.bron == r));
    let measured: Vec<usize> = (0..group.len())
        .filter(|&i| !ctx.is_budget(&group[i].key.bron))
        .collect();
    if requested || measured.is_empty() || measured.len() == group.len() {
        return choose_reference(group, reference);
    }
    let subset: Vec<&Series> = measured.iter().map(|&i| group[i]).collect();
    measured[choose_reference(&subset, None)]
}

/// Every period any view has, in order.
fn periods(views: &[&View]) -> Vec<Period> {
    let mut periods: Vec<Period> = views
        .iter()
        .flat_map(|v| v.points.iter().map(|p| p.period))
        .collect();
    periods.sort();
    periods.dedup();
    periods
}

/// The checks within the data for this indicator (not between its sources).
/// Only those whose indicator is this one: a stock-flow check shows on the stand, not on the
/// instroom table.
fn within_data(ctx: &Ctx, domein: &str, indicator: &str) -> Vec<Mismatch> {
    let mut out = Vec::new();
    if let Some(list) = ctx.by_indicator.get(&(domein, indicator)) {
        for s in list.iter().filter(|s| s.key.breakdown.is_total()) {
            within::units_within(ctx, s, &mut out);
            jump::detect(ctx, s, &mut out);
        }
        parts::detect(ctx, list, &mut out);
    }
    budget::detect(ctx, Some((domein, indicator)), &mut out);
    partof::detect(ctx, Some((domein, indicator)), &mut out);
    // Stock checks are shown on the stand (`stand`, `stand_eind`): for an instroom table they
    // would all be dropped below. The table's columns are whole areas: their checks only.
    if stock::shows_on(indicator) {
        stock::detect(ctx, Some((domein, indicator)), true, &mut out);
    }
    out.retain(|m| m.indicator == indicator);
    out
}

fn row(
    ctx: &Ctx,
    layout: &Layout,
    lags: &[PairLag],
    extra: &[&Mismatch],
    (breakdown, group): (&Breakdown, &[usize]),
    p: Period,
) -> ComparisonRow {
    let (columns, views) = (&layout.columns, &layout.views);
    // Only this regio's columns: other regios' figures are on their own rows.
    let mut cells: Vec<Cell> = group.iter().map(|&c| Cell::at(&views[c], &p)).collect();
    let at = |c: usize| group.iter().position(|&g| g == c);
    for (j, &c) in group.iter().enumerate() {
        let Some(rc) = columns[c].against else {
            continue;
        };
        // A begroting against a measurement is the budget check's (in `extra`), not a cell's.
        if ctx.is_budget(&columns[rc].bron) != ctx.is_budget(&columns[c].bron) {
            continue;
        }
        let Some(rj) = at(rc) else { continue };
        let pc = classify(ctx, (&views[rc], &views[c]), &p, &lags[c], true);
        let cell = &mut cells[j];
        cell.converted = pc.converted;
        cell.diff = pc.diff;
        cell.rel_diff = pc.rel;
        if pc.kind == Some(MismatchKind::MissingPeriod) && pc.missing_ref {
            let rcell = &mut cells[rj];
            if rcell.kind.is_none() {
                rcell.kind = pc.kind;
                rcell.detail = pc.detail.map(Box::new);
            }
        } else {
            cell.kind = pc.kind;
            cell.detail = pc.detail.map(Box::new);
        }
    }
    let mut kinds: Vec<MismatchKind> = cells.iter().filter_map(|c| c.kind).collect();
    kinds.extend(
        extra
            .iter()
            .filter(|m| {
                m.period.start_month() >= p.start_month() && m.period.end_month() <= p.end_month()
            })
            .map(|m| m.kind),
    );
    kinds.sort();
    kinds.dedup();
    let reference = (group.iter().map(|&c| &columns[c]))
        .find(|c| c.is_reference)
        .map(|c| c.bron.clone());
    ComparisonRow {
        period: p,
        breakdown: breakdown.clone(),
        reference,
        columns: group.to_vec(),
        cells,
        kinds,
    }
}
