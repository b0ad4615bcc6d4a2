//! Two sources of one figure in units that do not convert ("cliënten" against "euro"): instead
//! of a unit difference in every period, one comparison of direction and relative change over
//! the span where both have a figure.

use super::{Change, Detail, Direction, Mismatch, MismatchKind, Units, unit};

/// Collects the unconvertible unit differences of one pair of sources.
#[derive(Default)]
pub(super) struct Loose {
    held: Vec<Mismatch>,
}

/// The unit difference cannot be converted: its detail, when so.
fn unconvertible(m: &Mismatch) -> Option<&Units> {
    match (&m.kind, &m.detail) {
        (MismatchKind::Unit, Detail::Units(u)) if u.conversion.is_none() => Some(u),
        _ => None,
    }
}

impl Loose {
    /// Holds `m` when it is an unconvertible unit difference; otherwise gives it back.
    pub fn keep(&mut self, m: Mismatch) -> Option<Mismatch> {
        if unconvertible(&m).is_some() {
            self.held.push(m);
            None
        } else {
            Some(m)
        }
    }

    /// One direction comparison for the pair when it has at least two periods in one pair of
    /// units; else the unit differences as they were.
    pub fn finish(self, out: &mut Vec<Mismatch>) {
        match self.direction() {
            Some(m) => out.push(m),
            None => out.extend(self.held),
        }
    }

    fn direction(&self) -> Option<Mismatch> {
        let units: Vec<&Units> = self.held.iter().filter_map(unconvertible).collect();
        let (first, last) = (units.first()?, units.last()?);
        let one_pair = units.iter().all(|u| {
            unit::same(&u.reference_unit, &first.reference_unit)
                && unit::same(&u.other_unit, &first.other_unit)
        });
        if units.len() < 2 || !one_pair {
            return None;
        }
        let change = |a: &super::Figure, b: &super::Figure, unit: &str| Change {
            bron: a.bron.clone(),
            unit: unit.to_string(),
            first: a.value,
            last: b.value,
            rel: super::relative(b.value - a.value, a.value),
        };
        let reference = change(&first.reference, &last.reference, &first.reference_unit);
        let other = change(&first.other, &last.other, &first.other_unit);
        let (m0, m1) = (self.held.first()?, self.held.last()?);
        let (from, to) = (m0.period, m1.period);
        let values = vec![
            (
                format!("{} {}", reference.bron, from),
                Some(reference.first),
            ),
            (format!("{} {}", reference.bron, to), Some(reference.last)),
            (format!("{} {}", other.bron, from), Some(other.first)),
            (format!("{} {}", other.bron, to), Some(other.last)),
        ];
        let same = reference.direction() == other.direction();
        Some(Mismatch {
            kind: MismatchKind::Direction,
            period: to,
            values,
            diff: None,
            rel_diff: None,
            detail: Detail::Direction(Box::new(Direction {
                from,
                to,
                reference,
                other,
                same,
            })),
            ..m1.clone()
        })
    }
}
