//! What a named difference consists of, as data: the analysis fills a [`Detail`] with the
//! figures, units, sources, periods and thresholds involved; the report (in Dutch) and the
//! interface (in its own language) put it into words. Nothing here is a sentence.

use super::unit::UnitForm;
use crate::model::{Granularity, Period};

/// A figure of one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub bron: String,
    /// Not finite when the source has no number (written as a dash).
    pub value: f64,
}

impl Figure {
    pub fn new(bron: &str, value: f64) -> Figure {
        Figure {
            bron: bron.to_string(),
            value,
        }
    }
}

/// The explanation of one named difference, or of one compared cell of the comparison table:
/// one kind of explanation per variant.
#[derive(Debug, Clone, PartialEq)]
///
/// The kinds that are rare and large are boxed: a big dataset has hundreds of thousands of
/// differences, nearly all comparisons, parts and stock checks, and each carries its detail.
pub enum Detail {
    MissingFigure(MissingFigure),
    Compared(Compared),
    Units(Box<Units>),
    UnitChange(Box<UnitChange>),
    Budget(Box<Budget>),
    BudgetUnits(Box<BudgetUnits>),
    BudgetMissing(Box<BudgetMissing>),
    Parts(Parts),
    StockFlow(StockFlow),
    StockDiscontinuity(Box<StockDiscontinuity>),
    BreakJump(Box<BreakJump>),
    PartOf(Box<PartOf>),
    Direction(Box<Direction>),
}

/// The change of one series across a recorded break, against its usual change.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakJump {
    pub brk: BreakNote,
    /// The last period before the break and the first from it, with their figures.
    pub before: (Period, f64),
    pub after: (Period, f64),
    /// Relative change across the break (signed).
    pub jump: f64,
    /// The usual relative change between consecutive periods (median of the sizes, unsigned).
    pub usual: f64,
    /// The series' own granularity: "per halfjaar".
    pub granularity: Granularity,
}

/// An indicator declared part of another (`deel_van`), one source, one period: a part above
/// its total, or the declared parts together above it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartOf {
    pub total_indicator: String,
    pub total: Figure,
    /// The part indicators with their figures: one when a single part exceeds the total.
    pub parts: Vec<(String, f64)>,
    pub sum: f64,
    /// sum − total (positive: the parts are larger).
    pub diff: f64,
    /// `diff` relative to the total.
    pub rel: Option<f64>,
}

/// Two sources in units that do not convert, over their common span `from`..`to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Direction {
    pub from: Period,
    pub to: Period,
    pub reference: Change,
    pub other: Change,
    /// Both rise, both fall or both stay level.
    pub same: bool,
}

/// How one series changed over a span, in its own unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub bron: String,
    pub unit: String,
    pub first: f64,
    pub last: f64,
    /// (last − first) relative to first; `None` when first is zero.
    pub rel: Option<f64>,
}

impl Change {
    /// −1, 0 or 1: falls, level (within 1%), rises.
    pub fn direction(&self) -> i8 {
        let rel = self.rel.unwrap_or(self.last - self.first);
        if rel.abs() <= LEVEL {
            0
        } else if rel > 0.0 {
            1
        } else {
            -1
        }
    }
}

/// A relative change this small counts as level.
const LEVEL: f64 = 0.01;

/// `lacking` has no comparable figure for `period`, `having` has one.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingFigure {
    pub period: Period,
    pub lacking: String,
    pub having: Figure,
    pub absence: Absence,
}

/// Both sources have a figure in the same unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub reference: Figure,
    pub other: Figure,
    /// Whether each figure is voorlopig: (reference, other).
    pub provisional: (bool, bool),
    pub outcome: Outcome,
}

/// Both sources have a figure, in different units.
#[derive(Debug, Clone, PartialEq)]
pub struct Units {
    pub reference: Figure,
    pub reference_unit: String,
    pub other: Figure,
    pub other_unit: String,
    /// `None` when the units do not convert (then nothing is compared as a number).
    pub conversion: Option<UnitsConverted>,
    /// A recorded trend break that applies to one side only.
    pub recorded_break: Option<BreakNote>,
}

/// One series changes unit from one period to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitChange {
    pub bron: String,
    pub before: String,
    /// The last period in the old unit and the first in the new one.
    pub last_before: Period,
    pub after: String,
    pub first_after: Period,
    /// The first figure in the new unit, converted to the old one, when the units convert.
    pub example: Option<Converts>,
    /// Descriptions of the recorded breaks between the two periods.
    pub breaks: Vec<String>,
}

/// Budget (`X_begroot`) against realisation (`X`), both with a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    pub planned: Figure,
    /// The budget's unit, in which both figures are given.
    pub unit: String,
    /// In the budget's unit (converted when the realisation had another).
    pub realised: Figure,
    /// The realisation is the sum of this many periods of this granularity.
    pub summed: Option<(usize, Granularity)>,
    /// The realised figure in its own unit and in the budget's, when it was converted.
    pub converted: Option<Converts>,
    /// realised − planned.
    pub diff: f64,
    /// `diff` relative to the budget.
    pub rel: Option<f64>,
}

/// Budget and realisation in units that do not convert.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetUnits {
    pub planned: Figure,
    pub planned_unit: String,
    pub realised: Figure,
    pub realised_unit: String,
}

/// The budget has a figure, the realisation none that can be compared.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetMissing {
    pub planned: Figure,
    pub unit: String,
    pub period: Period,
    pub real_bron: String,
    pub absence: Absence,
}

/// The parts (wijken, aanbieders) against their total, one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    pub count: usize,
    pub dim: PartsDim,
    pub sum: f64,
    pub total: Figure,
    /// sum − total.
    pub diff: f64,
    /// `diff` relative to the total.
    pub rel: Option<f64>,
}

/// begin + inflow − outflow should be the end stock, one source.
#[derive(Debug, Clone, PartialEq)]
pub struct StockFlow {
    pub stocks: Stocks,
    pub bron: String,
    pub begin: f64,
    pub inflow: f64,
    pub outflow: f64,
    /// begin + inflow − outflow.
    pub expected: f64,
    pub end: f64,
    /// end − expected.
    pub residual: f64,
    /// `residual` relative to the end stock.
    pub rel: Option<f64>,
    /// A recorded break between the two periods, which explains the jump.
    pub recorded_break: Option<BreakNote>,
}

/// The begin stock of a period against the end stock of the period before (from the same
/// or an earlier publication).
#[derive(Debug, Clone, PartialEq)]
pub struct StockDiscontinuity {
    pub end: Figure,
    pub end_period: Period,
    /// The last day of `end_period`.
    pub ends_on: Day,
    pub begin: Figure,
    pub begin_period: Period,
    /// The first day of `begin_period`.
    pub begins_on: Day,
    /// begin − end.
    pub residual: f64,
    /// `residual` relative to the end stock.
    pub rel: Option<f64>,
}

/// Why a source has no comparable figure for a period.
#[derive(Debug, Clone, PartialEq)]
pub enum Absence {
    /// The whole period is missing, while the source delivers the periods around it.
    Gap,
    /// Some finer periods are missing: `present` of `needed` periods of `own` are there.
    Incomplete {
        missing: Vec<Period>,
        present: usize,
        needed: usize,
        own: Granularity,
    },
    /// Given as '.': unknown, not zero. The (finer) periods concerned.
    Unknown(Vec<Period>),
    /// The latest period of a source with a known delivery lag (as written in the metadata).
    NotYet(String),
    /// Finer periods in two units, which cannot be added up.
    MixedUnits(String, String),
}

/// How a comparison of two figures in the same unit came out, in order of precedence.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Equal,
    /// Not larger than the rounding of the sources (`base`: the largest rounding base).
    WithinRounding {
        base: f64,
    },
    TrendBreak {
        diff: f64,
        rel: Option<f64>,
        brk: BreakNote,
    },
    /// One figure voorlopig, the other definitief, from the same source family.
    Vintage {
        diff: f64,
        rel: Option<f64>,
    },
    /// Above the threshold, and shifting the lagging source brings it within the threshold.
    Lag {
        diff: f64,
        rel: Option<f64>,
        threshold: f64,
        lag: LagNote,
    },
    /// The sources' definitions or populations differ and the pair's usual level difference
    /// explains this one (or it is within the threshold: a vintage pair that does not share
    /// the definition).
    Definition {
        diff: f64,
        rel: Option<f64>,
        threshold: f64,
        /// Boxed: rare, and every other outcome stays small.
        scope: Box<ScopeNote>,
    },
    /// Above the threshold and none of the above: unexplained.
    AboveThreshold {
        diff: f64,
        rel: Option<f64>,
        threshold: f64,
        /// Shifting the lagging source makes the difference clearly smaller, not small enough.
        lag: Option<LagNote>,
        /// The sources' definitions differ, and what remains after their usual level difference.
        scope: Option<Box<ScopeNote>>,
    },
    WithinThreshold {
        diff: f64,
        rel: Option<f64>,
        threshold: f64,
    },
}

/// Figures in different units brought to the reference's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitsConverted {
    /// The reference figure in its unit and in the other's: how the units relate.
    pub same: Converts,
    /// Equal after conversion.
    pub equal: bool,
    /// other (converted) − reference.
    pub diff: f64,
    pub rel: Option<f64>,
    pub threshold: f64,
    /// `rel` is within the threshold.
    pub within: bool,
    /// Per-N units with different populations: (reference's, other's).
    pub populations: Option<(String, String)>,
}

/// One figure in two units: "12 x 1.000 euro = 12.000 euro".
#[derive(Debug, Clone, PartialEq)]
pub struct Converts {
    pub from_value: f64,
    pub from: UnitForm,
    pub to_value: f64,
    pub to: UnitForm,
}

/// A recorded trend break: the source it applies to, from when, and its description as the
/// dataset gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakNote {
    pub bron: String,
    pub period: Period,
    pub description: String,
}

/// Shifting the lagging source by `periods` periods (of `granularity`) gives a relative
/// difference of `shifted`: what remains after the lag.
#[derive(Debug, Clone, PartialEq)]
pub struct LagNote {
    pub granularity: Granularity,
    pub periods: u32,
    pub lagging: String,
    /// The delivery lag as written in the metadata; `None` when no source declares a duration
    /// and the shift is the best of a few tried.
    pub lag: Option<String>,
    pub shifted: f64,
}

/// What one source counts for an indicator, as the metadata gives it (`None`: not given; a
/// definition not given is the indicator's).
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeText {
    pub bron: String,
    pub definitie: Option<String>,
    pub populatie: Option<String>,
}

/// Two sources that count differently, at one period: their usual level difference and what
/// remains of this period's difference after it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeNote {
    pub reference: ScopeText,
    pub other: ScopeText,
    /// How much the other usually differs from the reference, relative (median over the common
    /// span); `None` when they have too few periods in common to say.
    pub level: Option<f64>,
    /// The shift of the lagging source under which the level was taken, when one applies.
    pub lag: Option<LagNote>,
    /// This period's relative difference after the usual level difference (and the shift).
    pub remaining: Option<f64>,
}

/// Which dimension parts split a total by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartsDim {
    Wijk,
    Aanbieder,
}

/// Which stocks a stock-flow identity joins.
#[derive(Debug, Clone, PartialEq)]
pub enum Stocks {
    /// The begin and end stock of one period (`X_stand_begin`, `X_stand_eind`).
    BeginEnd { period: Period },
    /// The stock at the end of the previous period and of this one (`X_stand`).
    Running { previous: Period, period: Period },
}

/// A calendar day, for the stock dates of a discontinuity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// The first day of a period.
    pub fn first_of(p: &Period) -> Day {
        let first = Period::from_month_number(p.start_month());
        Day {
            year: first.year,
            month: first.index,
            day: 1,
        }
    }

    /// The last day of a period.
    pub fn last_of(p: &Period) -> Day {
        let last = Period::from_month_number(p.end_month());
        Day {
            year: last.year,
            month: last.index,
            day: days_in_month(last.year, last.index),
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
