//! The Dutch wording of the checks within one source or across indicators: the jump across a
//! recorded break, parts declared with `deel_van`, and direction in units that do not convert.

use super::{num, pct};
use crate::analysis::mismatch::{BreakJump, Change, Direction, PartOf};
use crate::model::number::DUTCH;
use std::fmt::{self, Write};

/// "sprong over de breuk +6,2% tegen gewoonlijk ±1,1% per halfjaar: b van 1.000 (2022-H2)
/// naar 1.062 (2023-H1); breuk vanaf 2023-H1: nieuwe registratie".
pub(super) fn break_jump(s: &mut String, j: &BreakJump) -> fmt::Result {
    write!(
        s,
        "sprong over de breuk {} tegen gewoonlijk ±{} per {}: {} van {} ({}) naar {} ({}); breuk vanaf {}: {}",
        DUTCH.pct(j.jump),
        pct(j.usual),
        j.granularity.dutch(),
        j.brk.bron,
        num(j.before.1),
        j.before.0.code(),
        num(j.after.1),
        j.after.0.code(),
        j.brk.period.code(),
        j.brk.description
    )
}

/// "deel jeugdbescherming 120 groter dan totaal instroom 100 (a): 20 meer (20%)", or the
/// declared parts together.
pub(super) fn part_of(s: &mut String, p: &PartOf) -> fmt::Result {
    match p.parts.as_slice() {
        [(id, v)] => write!(s, "deel {id} {} groter dan", num(*v))?,
        parts => {
            s.push_str("delen ");
            for (i, (id, v)) in parts.iter().enumerate() {
                let sep = if i == 0 { "" } else { " + " };
                write!(s, "{sep}{id} {}", num(*v))?;
            }
            write!(s, " = {} samen groter dan", num(p.sum))?;
        }
    }
    write!(
        s,
        " totaal {} {} ({}): {} meer",
        p.total_indicator,
        num(p.total.value),
        p.total.bron,
        num(p.diff.abs())
    )?;
    match p.rel {
        Some(rel) => write!(s, " ({})", pct(rel)),
        None => Ok(()),
    }
}

/// "eenheden niet om te rekenen ('cliënten' tegen 'euro'); van 2021 tot 2023: a +20,0% (100
/// naar 120 cliënten), b +10,0% (1.000 naar 1.100 euro): zelfde richting".
pub(super) fn direction(s: &mut String, d: &Direction) -> fmt::Result {
    let (r, o) = (&d.reference, &d.other);
    write!(
        s,
        "eenheden niet om te rekenen ('{}' tegen '{}'); van {} tot {}: {}, {}: {}",
        r.unit,
        o.unit,
        d.from.code(),
        d.to.code(),
        ChangeNl(r),
        ChangeNl(o),
        if d.same {
            "zelfde richting"
        } else {
            "andere richting"
        }
    )
}

/// "a +20,0% (100 naar 120 cliënten)".
struct ChangeNl<'c>(&'c Change);

impl fmt::Display for ChangeNl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        let how = match (c.direction(), c.rel) {
            (0, _) => "gelijk".to_string(),
            (_, Some(rel)) => DUTCH.pct(rel),
            (1, None) => "gestegen".to_string(),
            _ => "gedaald".to_string(),
        };
        write!(
            f,
            "{} {how} ({} naar {} {})",
            c.bron,
            num(c.first),
            num(c.last),
            c.unit
        )
    }
}
