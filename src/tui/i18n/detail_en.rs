//! The English words of a difference's [`Detail`] on screen: the same facts as the Dutch
//! sentence, with English number notation. Source ids, units and break descriptions are data
//! and stay as the dataset gives them.

use super::en::EN;
use crate::analysis::mismatch::{
    Absence, BreakNote, Budget, BudgetMissing, BudgetUnits, Compared, Converts, Day, Detail,
    Figure, LagNote, MissingFigure, Outcome, Parts, PartsDim, StockDiscontinuity, StockFlow,
    Stocks, UnitChange, Units, UnitsConverted,
};
use crate::model::number::{FigureText, ShareText};
use crate::model::{Granularity, Period};
use std::fmt::{self, Write};

mod checks;
mod scope;

/// The detail as one English sentence.
pub(super) fn detail(d: &Detail) -> String {
    let mut s = String::with_capacity(160);
    let _ = match d {
        Detail::MissingFigure(m) => missing(&mut s, m),
        Detail::Compared(c) => compared(&mut s, c),
        Detail::Units(u) => units(&mut s, u),
        Detail::UnitChange(u) => unit_change(&mut s, u),
        Detail::Budget(b) => budget(&mut s, b),
        Detail::BudgetUnits(b) => budget_units(&mut s, b),
        Detail::BudgetMissing(b) => budget_missing(&mut s, b),
        Detail::Parts(p) => parts(&mut s, p),
        Detail::StockFlow(f) => stock_flow(&mut s, f),
        Detail::StockDiscontinuity(d) => stock_discontinuity(&mut s, d),
        Detail::BreakJump(j) => checks::break_jump(&mut s, j),
        Detail::PartOf(p) => checks::part_of(&mut s, p),
        Detail::Direction(d) => checks::direction(&mut s, d),
    };
    s
}

/// One source has no comparable figure.
fn missing(s: &mut String, m: &MissingFigure) -> fmt::Result {
    let (p, lb) = (&m.period, &m.lacking);
    let given = format!("{} gives {}", m.having.bron, num(m.having.value));
    match &m.absence {
        Absence::Gap => write!(
            s,
            "{p} is missing from {lb}, which does deliver the periods before and after it; {given}"
        ),
        Absence::Incomplete {
            missing,
            present,
            needed,
            own,
        } => write!(
            s,
            "{p} is incomplete in {lb} ({present} of {needed} {}): {} {} missing; so not compared as a number ({given})",
            plural(*own),
            codes(missing),
            if missing.len() == 1 { "is" } else { "are" }
        ),
        Absence::Unknown(ch) => write!(
            s,
            "{lb} gives '.' for {}: unknown, not zero, so no numeric difference ({given})",
            codes(ch)
        ),
        Absence::NotYet(lag) => write!(s, "{p} not yet delivered by {lb} (delay: {lag}); {given}"),
        Absence::MixedUnits(a, b) => write!(
            s,
            "{lb} changes unit within {p} ('{a}' and '{b}'): these cannot be added up, so not compared as a number ({given})"
        ),
    }
}

fn units(s: &mut String, u: &Units) -> fmt::Result {
    write!(
        s,
        "{} {} ({}) against {} {} ({}): different unit",
        num(u.reference.value),
        u.reference_unit,
        u.reference.bron,
        num(u.other.value),
        u.other_unit,
        u.other.bron
    )?;
    converted(s, u.conversion.as_ref())?;
    match &u.recorded_break {
        Some(b) => write!(
            s,
            "; recorded break in {} from {}: {}",
            b.bron, b.period, b.description
        ),
        None => Ok(()),
    }
}

fn unit_change(s: &mut String, u: &UnitChange) -> fmt::Result {
    write!(
        s,
        "unit changes within {}: '{}' up to {}, '{}' from {}",
        u.bron, u.before, u.last_before, u.after, u.first_after
    )?;
    if let Some(c) = &u.example {
        write!(s, "; {}", ConvertsEn(c))?;
    }
    for b in &u.breaks {
        write!(s, "; recorded break: {b}")?;
    }
    Ok(())
}

fn budget(s: &mut String, b: &Budget) -> fmt::Result {
    let over = if b.diff > 0.0 { "more" } else { "less" };
    write!(
        s,
        "budgeted {} {} ({}) against actual {} {} ({}",
        num(b.planned.value),
        b.unit,
        b.planned.bron,
        num(b.realised.value),
        b.unit,
        b.realised.bron
    )?;
    if let Some((n, g)) = b.summed {
        write!(s, ", sum of {n} {}", plural(g))?;
    }
    s.push(')');
    if let Some(c) = &b.converted {
        write!(s, " ({})", ConvertsEn(c))?;
    }
    write!(
        s,
        ": actual {} {over} than budgeted{}",
        num(b.diff.abs()),
        PctNote(b.rel)
    )
}

fn budget_units(s: &mut String, b: &BudgetUnits) -> fmt::Result {
    write!(
        s,
        "budgeted {} {} ({}) against actual {} {} ({}): different unit, cannot be converted",
        num(b.planned.value),
        b.planned_unit,
        b.planned.bron,
        num(b.realised.value),
        b.realised_unit,
        b.realised.bron
    )
}

/// The budget has a figure, the realisation none that can be compared: why not.
fn budget_missing(s: &mut String, b: &BudgetMissing) -> fmt::Result {
    let p = &b.period;
    write!(
        s,
        "budgeted {} {} ({}) cannot be compared with the actual figure for {p} ({}): ",
        num(b.planned.value),
        b.unit,
        b.planned.bron,
        b.real_bron
    )?;
    match &b.absence {
        Absence::Gap => write!(s, "{p} is missing"),
        Absence::Incomplete { missing, .. } => write!(
            s,
            "{} {} missing",
            codes(missing),
            if missing.len() == 1 { "is" } else { "are" }
        ),
        Absence::Unknown(ch) => write!(s, "'.' (unknown, not zero) for {}", codes(ch)),
        Absence::NotYet(lag) => write!(s, "not yet delivered (delay: {lag})"),
        Absence::MixedUnits(a, b) => {
            write!(s, "units '{a}' and '{b}' mixed, these cannot be added up")
        }
    }
}

fn parts(s: &mut String, p: &Parts) -> fmt::Result {
    let dim = match p.dim {
        PartsDim::Wijk => "districts",
        PartsDim::Aanbieder => "providers",
    };
    write!(
        s,
        "sum of {} {dim} {} against total {} ({}): {} {}{}",
        p.count,
        num(p.sum),
        num(p.total.value),
        p.total.bron,
        num(p.diff.abs()),
        if p.diff < 0.0 { "less" } else { "more" },
        PctNote(p.rel)
    )
}

/// "starting stock 10 + inflow 5 − outflow 3 = 12, but closing stock is 13 (source, 2023): 1
/// higher (7.7%)".
fn stock_flow(s: &mut String, f: &StockFlow) -> fmt::Result {
    let bron = &f.bron;
    let (begin_label, end_label, source) = match &f.stocks {
        Stocks::BeginEnd { period } => (
            "starting stock".to_string(),
            "closing stock".to_string(),
            format!("{bron}, {period}"),
        ),
        Stocks::Running { previous, period } => (
            format!("stock {previous}"),
            format!("stock {period}"),
            bron.clone(),
        ),
    };
    write!(
        s,
        "{begin_label} {} + inflow {} − outflow {} = {}, but {end_label} is {} ({source}): {}",
        num(f.begin),
        num(f.inflow),
        num(f.outflow),
        num(f.expected),
        num(f.end),
        Residual(f.residual, f.rel)
    )?;
    match &f.recorded_break {
        Some(b) => write!(s, "; trend break from {}: {}", b.period, b.description),
        None => Ok(()),
    }
}

fn stock_discontinuity(s: &mut String, d: &StockDiscontinuity) -> fmt::Result {
    let why = if d.end.bron == d.begin.bron {
        "within one source the starting stock does not follow on from the previous closing stock"
    } else {
        "revised between the publications"
    };
    write!(
        s,
        "closing stock {} {} ({}, {}) against starting stock {} {} ({}, {}): {}; {why}",
        DayEn(d.ends_on),
        num(d.end.value),
        d.end.bron,
        d.end_period,
        DayEn(d.begins_on),
        num(d.begin.value),
        d.begin.bron,
        d.begin_period,
        Residual(d.residual, d.rel)
    )
}

/// Two figures in the same unit.
fn compared(s: &mut String, c: &Compared) -> fmt::Result {
    let (r, o, (rp, op)) = (&c.reference, &c.other, c.provisional);
    let vs = Vs(r, o);
    let note = Provisional(match (rp, op) {
        (true, false) => Some(r.bron.as_str()),
        (false, true) => Some(o.bron.as_str()),
        _ => None,
    });
    match &c.outcome {
        Outcome::Equal => write!(s, "{vs}: equal"),
        Outcome::WithinRounding { base } => {
            write!(s, "{vs}: within rounding to {}", num(*base))
        }
        Outcome::TrendBreak { diff, rel, brk } => {
            let BreakNote {
                bron,
                period,
                description,
            } = brk;
            write!(
                s,
                "{vs}: {}; trend break in {bron} from {period}: {}{note}",
                Size(*diff, *rel),
                // The note follows after "; ": the description's own full stop goes.
                description.trim_end().trim_end_matches('.')
            )
        }
        Outcome::Vintage { diff, rel } => write!(
            s,
            "{} ({}, {}) against {} ({}, {}): {}; another vintage of the same figure",
            num(r.value),
            r.bron,
            status_word(rp),
            num(o.value),
            o.bron,
            status_word(op),
            Size(*diff, *rel)
        ),
        Outcome::Definition { .. } | Outcome::AboveThreshold { .. } => {
            scope::outcome(s, &vs, &c.outcome, &note)
        }
        Outcome::Lag {
            diff,
            rel,
            threshold,
            lag,
        } => write!(
            s,
            "{vs}: {}; {} the difference is {}, within the threshold of {}{note}",
            Size(*diff, *rel),
            Shift(lag),
            pct(lag.shifted),
            pct(*threshold)
        ),
        Outcome::WithinThreshold {
            diff,
            rel,
            threshold,
        } => write!(
            s,
            "{vs}: {}, within the threshold of {}{note}",
            Size(*diff, *rel),
            pct(*threshold)
        ),
    }
}

/// After "different unit": the conversion and how the figures compare after it.
fn converted(s: &mut String, conversion: Option<&UnitsConverted>) -> fmt::Result {
    let Some(c) = conversion else {
        return s.write_str(", cannot be converted; not compared as a number");
    };
    write!(s, "; {}; ", ConvertsEn(&c.same))?;
    if c.equal {
        s.push_str("equal after conversion");
    } else {
        let size = c
            .rel
            .map_or_else(|| num(c.diff.abs()).to_string(), |r| pct(r).to_string());
        let within = if c.within { "within" } else { "above" };
        write!(
            s,
            "after conversion a difference of {size} ({within} the threshold of {})",
            pct(c.threshold)
        )?;
    }
    match &c.populations {
        Some((to, from)) => write!(s, "; the denominator differs too: {to} versus {from}"),
        None => Ok(()),
    }
}

/// A figure the English way, with up to two decimals: `12,345`, `10.02`.
fn num(v: f64) -> FigureText {
    EN.notation().figure(v)
}

/// A fraction as an unsigned English percentage: `0.2%`, `17.3%`.
fn pct(fraction: f64) -> ShareText {
    EN.notation().share(fraction)
}

/// "9,064 (a) against 9,065 (b)".
struct Vs<'f>(&'f Figure, &'f Figure);

impl fmt::Display for Vs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}) against {} ({})",
            num(self.0.value),
            self.0.bron,
            num(self.1.value),
            self.1.bron
        )
    }
}

/// " (0.1%)" after a difference, nothing when there is no relative size.
struct PctNote(Option<f64>);

impl fmt::Display for PctNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(rel) => write!(f, " ({})", pct(rel)),
            None => Ok(()),
        }
    }
}

/// "difference 15 (0.1%)".
struct Size(f64, Option<f64>);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "difference {}{}", num(self.0.abs()), PctNote(self.1))
    }
}

/// "1 higher (8.3%)": a stock against what it should be.
struct Residual(f64, Option<f64>);

impl fmt::Display for Residual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dir = if self.0 > 0.0 { "higher" } else { "lower" };
        write!(f, "{} {dir}{}", num(self.0.abs()), PctNote(self.1))
    }
}

/// "12 x 1,000 euro = 12,000 euro".
struct ConvertsEn<'c>(&'c Converts);

impl fmt::Display for ConvertsEn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        write!(
            f,
            "{} {} = {} {}",
            num(c.from_value),
            c.from.short(EN.notation()),
            num(c.to_value),
            c.to.short(EN.notation())
        )
    }
}

/// "; note: b is provisional" when one side is.
struct Provisional<'s>(Option<&'s str>);

impl fmt::Display for Provisional<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(b) => write!(f, "; note: {b} is provisional"),
            None => Ok(()),
        }
    }
}

/// "31 December 2022".
struct DayEn(Day);

impl fmt::Display for DayEn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = Period::month(self.0.year, self.0.month);
        write!(f, "{} {}", self.0.day, EN.period_long(&month))
    }
}

fn status_word(provisional: bool) -> &'static str {
    if provisional { "provisional" } else { "final" }
}

/// "shifted by one month (gemeente lags behind; delay: tot 8 weken)".
struct Shift<'a>(&'a LagNote);

impl fmt::Display for Shift<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.0;
        match l.periods {
            1 => write!(f, "shifted by one {}", EN.granularity(l.granularity))?,
            k => write!(f, "shifted by {k} {}", plural(l.granularity))?,
        }
        match &l.lag {
            Some(lag) => write!(f, " ({} lags behind; delay: {lag})", l.lagging),
            None => write!(
                f,
                " ({} lags behind; no delay declared, best fitting shift)",
                l.lagging
            ),
        }
    }
}

/// Plural noun for a granularity ("months").
fn plural(g: Granularity) -> &'static str {
    match g {
        Granularity::Month => "months",
        Granularity::Quarter => "quarters",
        Granularity::HalfYear => "half years",
        Granularity::Year => "years",
    }
}

/// Period codes joined for a sentence: "2023-07", "2023-07 and 2023-08".
fn codes(periods: &[Period]) -> String {
    let c: Vec<String> = periods.iter().map(Period::code).collect();
    match c.len() {
        0 => String::new(),
        1 => c[0].clone(),
        n => format!("{} and {}", c[..n - 1].join(", "), c[n - 1]),
    }
}
