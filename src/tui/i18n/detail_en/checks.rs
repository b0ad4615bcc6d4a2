//! The English wording of the checks within one source or across indicators: the jump across
//! a recorded break, parts declared with `deel_van`, and direction in units that do not convert.

use super::{num, pct};
use crate::analysis::mismatch::{BreakJump, Change, Direction, PartOf};
use crate::model::Granularity;
use std::fmt::{self, Write};

/// A relative change with its sign: `+6.2%`.
fn signed(fraction: f64) -> String {
    super::super::en::EN.notation().pct(fraction)
}

fn per(g: Granularity) -> &'static str {
    match g {
        Granularity::Month => "month",
        Granularity::Quarter => "quarter",
        Granularity::HalfYear => "half year",
        Granularity::Year => "year",
    }
}

pub(super) fn break_jump(s: &mut String, j: &BreakJump) -> fmt::Result {
    write!(
        s,
        "jump across the break {} against a usual ±{} per {}: {} from {} ({}) to {} ({}); break from {}: {}",
        signed(j.jump),
        pct(j.usual),
        per(j.granularity),
        j.brk.bron,
        num(j.before.1),
        j.before.0.code(),
        num(j.after.1),
        j.after.0.code(),
        j.brk.period.code(),
        j.brk.description
    )
}

pub(super) fn part_of(s: &mut String, p: &PartOf) -> fmt::Result {
    match p.parts.as_slice() {
        [(id, v)] => write!(s, "part {id} {} larger than", num(*v))?,
        parts => {
            s.push_str("parts ");
            for (i, (id, v)) in parts.iter().enumerate() {
                let sep = if i == 0 { "" } else { " + " };
                write!(s, "{sep}{id} {}", num(*v))?;
            }
            write!(s, " = {} together larger than", num(p.sum))?;
        }
    }
    write!(
        s,
        " total {} {} ({}): {} more",
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

pub(super) fn direction(s: &mut String, d: &Direction) -> fmt::Result {
    write!(
        s,
        "units do not convert ('{}' versus '{}'); from {} to {}: {}, {}: {}",
        d.reference.unit,
        d.other.unit,
        d.from.code(),
        d.to.code(),
        ChangeEn(&d.reference),
        ChangeEn(&d.other),
        if d.same {
            "same direction"
        } else {
            "opposite direction"
        }
    )
}

struct ChangeEn<'c>(&'c Change);

impl fmt::Display for ChangeEn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        let how = match (c.direction(), c.rel) {
            (0, _) => "level".to_string(),
            (_, Some(rel)) => signed(rel),
            (1, None) => "risen".to_string(),
            _ => "fallen".to_string(),
        };
        write!(
            f,
            "{} {how} ({} to {} {})",
            c.bron,
            num(c.first),
            num(c.last),
            c.unit
        )
    }
}
