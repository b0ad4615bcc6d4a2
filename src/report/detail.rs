//! The Dutch wording of a named difference ([`Detail`]): one sentence for the room with the
//! figures and sources. `duiden verschillen` (text, CSV and JSON) writes these; the interface
//! says the same in Dutch from its own catalog.

use crate::analysis::mismatch::{
    Absence, BreakNote, Budget, BudgetMissing, BudgetUnits, Compared, Converts, Day, Detail,
    Figure, LagNote, MismatchKind, MissingFigure, Outcome, Parts, PartsDim, StockDiscontinuity,
    StockFlow, Stocks, UnitChange, Units, UnitsConverted,
};
use crate::model::number::{DUTCH, FigureText, ShareText};
use crate::model::{Granularity, Period};
use std::fmt::{self, Write};

mod checks;
mod scope;

/// The detail as one Dutch sentence.
/// The name of a difference as a reader should take it: "eenheid omgerekend; daarna 24%
/// onverklaard" when the units convert but a difference remains, else the kind's name.
pub fn kind_label(kind: MismatchKind, detail: Option<&Detail>) -> String {
    match remaining_after_conversion(kind, detail) {
        Some(rel) => format!(
            "eenheid omgerekend; daarna {}% onverklaard",
            DUTCH.fixed(rel.abs() * 100.0, 0)
        ),
        None => kind.dutch().to_string(),
    }
}

/// What remains of a unit difference after converting, when it is above the threshold.
pub fn remaining_after_conversion(kind: MismatchKind, detail: Option<&Detail>) -> Option<f64> {
    let (MismatchKind::Unit, Some(Detail::Units(u))) = (kind, detail) else {
        return None;
    };
    let c = u.conversion.as_ref()?;
    if c.within { None } else { c.rel }
}

pub fn describe_detail(d: &Detail) -> String {
    // One pre-sized string per detail: the command line writes thousands of them.
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
    let given = format!("{} geeft {}", m.having.bron, num(m.having.value));
    match &m.absence {
        Absence::Gap => write!(
            s,
            "{p} ontbreekt bij {lb}, dat de perioden ervoor en erna wel levert; {given}"
        ),
        Absence::Incomplete {
            missing,
            present,
            needed,
            own,
        } => {
            let verb = if missing.len() == 1 {
                "ontbreekt"
            } else {
                "ontbreken"
            };
            write!(
                s,
                "{p} is bij {lb} onvolledig ({present} van {needed} {}): {} {verb}; daarom niet als getal vergeleken ({given})",
                plural(*own),
                codes(missing)
            )
        }
        Absence::Unknown(ch) => write!(
            s,
            "{lb} geeft '.' voor {}: onbekend, niet nul, dus geen getalsverschil ({given})",
            codes(ch)
        ),
        Absence::NotYet(lag) => write!(
            s,
            "{p} nog niet geleverd door {lb} (vertraging: {lag}); {given}"
        ),
        Absence::MixedUnits(a, b) => write!(
            s,
            "{lb} wisselt binnen {p} van eenheid ('{a}' en '{b}'): niet op te tellen, dus niet als getal vergeleken ({given})"
        ),
    }
}

fn units(s: &mut String, u: &Units) -> fmt::Result {
    write!(
        s,
        "{} {} ({}) tegen {} {} ({}): andere eenheid",
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
            "; vastgelegde breuk bij {} vanaf {}: {}",
            b.bron, b.period, b.description
        ),
        None => Ok(()),
    }
}

fn unit_change(s: &mut String, u: &UnitChange) -> fmt::Result {
    write!(
        s,
        "eenheid wisselt binnen {}: '{}' t/m {}, '{}' vanaf {}",
        u.bron, u.before, u.last_before, u.after, u.first_after
    )?;
    if let Some(c) = &u.example {
        write!(s, "; {}", ConvertsNl(c))?;
    }
    for b in &u.breaks {
        write!(s, "; vastgelegde breuk: {b}")?;
    }
    Ok(())
}

fn budget(s: &mut String, b: &Budget) -> fmt::Result {
    let over = if b.diff > 0.0 { "meer" } else { "minder" };
    write!(
        s,
        "begroot {} {} ({}) tegen gerealiseerd {} {} ({}",
        num(b.planned.value),
        b.unit,
        b.planned.bron,
        num(b.realised.value),
        b.unit,
        b.realised.bron
    )?;
    if let Some((n, g)) = b.summed {
        write!(s, ", som van {n} {}", plural(g))?;
    }
    s.push(')');
    if let Some(c) = &b.converted {
        write!(s, " ({})", ConvertsNl(c))?;
    }
    write!(
        s,
        ": {} {over} gerealiseerd dan begroot{}",
        num(b.diff.abs()),
        PctNote(b.rel)
    )
}

fn budget_units(s: &mut String, b: &BudgetUnits) -> fmt::Result {
    write!(
        s,
        "begroot {} {} ({}) tegen gerealiseerd {} {} ({}): andere eenheid, niet om te rekenen",
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
        "begroot {} {} ({}) niet te vergelijken met gerealiseerd {p} ({}): ",
        num(b.planned.value),
        b.unit,
        b.planned.bron,
        b.real_bron
    )?;
    match &b.absence {
        Absence::Gap => write!(s, "{p} ontbreekt"),
        Absence::Incomplete { missing, .. } => write!(s, "{} ontbreekt", codes(missing)),
        Absence::Unknown(ch) => write!(s, "'.' (onbekend, niet nul) voor {}", codes(ch)),
        Absence::NotYet(lag) => write!(s, "nog niet geleverd (vertraging: {lag})"),
        Absence::MixedUnits(a, b) => {
            write!(s, "eenheden '{a}' en '{b}' door elkaar, niet op te tellen")
        }
    }
}

fn parts(s: &mut String, p: &Parts) -> fmt::Result {
    let dim = match p.dim {
        PartsDim::Wijk => "wijken",
        PartsDim::Aanbieder => "aanbieders",
    };
    write!(
        s,
        "som van {} {dim} {} tegen totaal {} ({}): {} {}{}",
        p.count,
        num(p.sum),
        num(p.total.value),
        p.total.bron,
        num(p.diff.abs()),
        if p.diff < 0.0 { "minder" } else { "meer" },
        PctNote(p.rel)
    )
}

/// "beginstand 10 + instroom 5 − uitstroom 3 = 12, maar eindstand is 13 (bron, 2023): 1 hoger
/// (7,7%)".
fn stock_flow(s: &mut String, f: &StockFlow) -> fmt::Result {
    let bron = &f.bron;
    let (begin_label, end_label, source) = match &f.stocks {
        Stocks::BeginEnd { period } => (
            "beginstand".to_string(),
            "eindstand".to_string(),
            format!("{bron}, {period}"),
        ),
        Stocks::Running { previous, period } => (
            format!("stand {previous}"),
            format!("stand {period}"),
            bron.clone(),
        ),
    };
    write!(
        s,
        "{begin_label} {} + instroom {} − uitstroom {} = {}, maar {end_label} is {} ({source}): {}",
        num(f.begin),
        num(f.inflow),
        num(f.outflow),
        num(f.expected),
        num(f.end),
        Residual(f.residual, f.rel)
    )?;
    match &f.recorded_break {
        Some(b) => write!(s, "; trendbreuk vanaf {}: {}", b.period, b.description),
        None => Ok(()),
    }
}

fn stock_discontinuity(s: &mut String, d: &StockDiscontinuity) -> fmt::Result {
    let why = if d.end.bron == d.begin.bron {
        "de beginstand sluit binnen één bron niet aan op de vorige eindstand"
    } else {
        "herzien tussen de publicaties"
    };
    write!(
        s,
        "eindstand {} {} ({}, {}) tegen beginstand {} {} ({}, {}): {}; {why}",
        DayNl(d.ends_on),
        num(d.end.value),
        d.end.bron,
        d.end_period,
        DayNl(d.begins_on),
        num(d.begin.value),
        d.begin.bron,
        d.begin_period,
        Residual(d.residual, d.rel)
    )
}

/// Two figures in the same unit.
fn compared(s: &mut String, c: &Compared) -> fmt::Result {
    let (r, o, (rp, op)) = (&c.reference, &c.other, c.provisional);
    let (rb, ob) = (r.bron.as_str(), o.bron.as_str());
    let vs = Vs(r, o);
    let status_note = Voorlopig(match (rp, op) {
        (true, false) => Some(rb),
        (false, true) => Some(ob),
        _ => None,
    });
    match &c.outcome {
        Outcome::Equal => write!(s, "{vs}: gelijk"),
        Outcome::WithinRounding { base } => write!(s, "{vs}: binnen afronding op {}", num(*base)),
        Outcome::TrendBreak { diff, rel, brk } => {
            let BreakNote {
                bron,
                period,
                description,
            } = brk;
            write!(
                s,
                "{vs}: {}; trendbreuk bij {bron} vanaf {period}: {}{status_note}",
                Size(*diff, *rel),
                // The note follows after "; ": the description's own full stop goes.
                description.trim_end().trim_end_matches('.')
            )
        }
        Outcome::Vintage { diff, rel } => write!(
            s,
            "{} ({rb}, {}) tegen {} ({ob}, {}): {}; een ander vintage van hetzelfde cijfer",
            num(r.value),
            status_word(rp),
            num(o.value),
            status_word(op),
            Size(*diff, *rel)
        ),
        Outcome::Definition { .. } | Outcome::AboveThreshold { .. } => {
            scope::outcome(s, &vs, &c.outcome, &status_note)
        }
        Outcome::Lag {
            diff,
            rel,
            threshold,
            lag,
        } => write!(
            s,
            "{vs}: {}; {} is het verschil {}, binnen de drempel van {}{status_note}",
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
            "{vs}: {}, binnen de drempel van {}{status_note}",
            Size(*diff, *rel),
            pct(*threshold)
        ),
    }
}

/// After "andere eenheid": the conversion and how the figures compare after it.
fn converted(s: &mut String, conversion: Option<&UnitsConverted>) -> fmt::Result {
    let Some(c) = conversion else {
        return s.write_str(", niet om te rekenen; niet als getal vergeleken");
    };
    write!(s, "; {}; ", ConvertsNl(&c.same))?;
    if c.equal {
        s.push_str("na omrekening gelijk");
    } else {
        let size = c
            .rel
            .map_or_else(|| num(c.diff.abs()).to_string(), |r| pct(r).to_string());
        let within = if c.within { "binnen" } else { "boven" };
        write!(
            s,
            "na omrekening {size} verschil ({within} de drempel van {})",
            pct(c.threshold)
        )?;
    }
    match &c.populations {
        Some((to, from)) => write!(s, "; de noemer verschilt ook: {to} tegenover {from}"),
        None => Ok(()),
    }
}

/// A figure the Dutch way, with up to two decimals: `12.345`, `10,02`.
fn num(v: f64) -> FigureText {
    DUTCH.figure(v)
}

/// A fraction as an unsigned Dutch percentage: `0,2%`, `17,3%`.
fn pct(fraction: f64) -> ShareText {
    DUTCH.share(fraction)
}

/// "9.064 (a) tegen 9.065 (b)".
struct Vs<'f>(&'f Figure, &'f Figure);

impl fmt::Display for Vs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}) tegen {} ({})",
            num(self.0.value),
            self.0.bron,
            num(self.1.value),
            self.1.bron
        )
    }
}

/// " (0,1%)" after a difference, nothing when there is no relative size.
struct PctNote(Option<f64>);

impl fmt::Display for PctNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(rel) => write!(f, " ({})", pct(rel)),
            None => Ok(()),
        }
    }
}

/// "verschil 15 (0,1%)".
struct Size(f64, Option<f64>);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "verschil {}{}", num(self.0.abs()), PctNote(self.1))
    }
}

/// "1 hoger (8,3%)": a stock against what it should be.
struct Residual(f64, Option<f64>);

impl fmt::Display for Residual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dir = if self.0 > 0.0 { "hoger" } else { "lager" };
        write!(f, "{} {dir}{}", num(self.0.abs()), PctNote(self.1))
    }
}

/// "12 x 1.000 euro = 12.000 euro".
struct ConvertsNl<'c>(&'c Converts);

impl fmt::Display for ConvertsNl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        write!(
            f,
            "{} {} = {} {}",
            num(c.from_value),
            c.from.short(DUTCH),
            num(c.to_value),
            c.to.short(DUTCH)
        )
    }
}

/// "; let op: b is voorlopig" when one side is.
struct Voorlopig<'s>(Option<&'s str>);

impl fmt::Display for Voorlopig<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(b) => write!(f, "; let op: {b} is voorlopig"),
            None => Ok(()),
        }
    }
}

/// "31-12-2022".
struct DayNl(Day);

impl fmt::Display for DayNl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.0.day, self.0.month, self.0.year)
    }
}

fn status_word(provisional: bool) -> &'static str {
    if provisional {
        "voorlopig"
    } else {
        "definitief"
    }
}

/// "één maand verschoven (gemeente loopt achter; vertraging: tot 8 weken)".
struct Shift<'a>(&'a LagNote);

impl fmt::Display for Shift<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.0;
        match l.periods {
            1 => write!(f, "één {} verschoven", l.granularity.dutch())?,
            k => write!(f, "{k} {} verschoven", plural(l.granularity))?,
        }
        match &l.lag {
            Some(lag) => write!(f, " ({} loopt achter; vertraging: {lag})", l.lagging),
            None => write!(
                f,
                " ({} loopt achter; geen vertraging opgegeven, best passende verschuiving)",
                l.lagging
            ),
        }
    }
}

/// Plural Dutch noun for a granularity ("maanden").
fn plural(g: Granularity) -> &'static str {
    match g {
        Granularity::Month => "maanden",
        Granularity::Quarter => "kwartalen",
        Granularity::HalfYear => "halfjaren",
        Granularity::Year => "jaren",
    }
}

/// Period codes joined for a sentence: "2023-07", "2023-07 en 2023-08".
fn codes(periods: &[Period]) -> String {
    let c: Vec<String> = periods.iter().map(Period::code).collect();
    match c.len() {
        0 => String::new(),
        1 => c[0].clone(),
        n => format!("{} en {}", c[..n - 1].join(", "), c[n - 1]),
    }
}
