//! The English words of a definition difference: which definitions or populations differ, the
//! usual level difference and what remains.

use super::EN;
use super::{Provisional, Shift, Size, Vs, pct};
use crate::analysis::mismatch::{LagNote, Outcome, ScopeNote, ScopeText};
use std::fmt::{self, Write};

/// [`Outcome::Definition`] and [`Outcome::AboveThreshold`] after the two figures.
pub(super) fn outcome(s: &mut String, vs: &Vs, o: &Outcome, note: &Provisional) -> fmt::Result {
    match o {
        Outcome::Definition {
            diff,
            rel,
            threshold,
            scope,
        } => write!(
            s,
            "{vs}: {}; {}{}{note}",
            Size(*diff, *rel),
            ScopeEn(scope),
            WithinEn(scope.remaining, *threshold)
        ),
        Outcome::AboveThreshold {
            diff,
            rel,
            threshold,
            lag,
            scope,
        } => write!(
            s,
            "{vs}: {}, above the threshold of {}{note}{}",
            Size(*diff, *rel),
            pct(*threshold),
            AfterEn(lag.as_ref(), scope.as_deref())
        ),
        _ => Ok(()),
    }
}

/// After a definition difference: whether what remains is within the threshold, or only the
/// difference itself (a vintage pair that does not share the definition).
struct WithinEn(Option<f64>, f64);

impl fmt::Display for WithinEn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = pct(self.1);
        if self.0.is_some_and(|x| x.abs() <= self.1) {
            write!(f, ", within the threshold of {t}")
        } else {
            write!(f, "; the difference itself is within the threshold of {t}")
        }
    }
}

/// After "above the threshold": the shift that made it smaller and the definitions that differ.
struct AfterEn<'a>(Option<&'a LagNote>, Option<&'a ScopeNote>);

impl fmt::Display for AfterEn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(l) = self.0 {
            write!(f, "; {} the difference is {}", Shift(l), pct(l.shifted))?;
        }
        match self.1 {
            Some(sc) => write!(f, "; {}", ScopeEn(sc)),
            None => Ok(()),
        }
    }
}

/// "other definition/population (a: population 'met pgb'; b: …); b usually differs -6.0% from
/// a; after that 1.2% remains".
struct ScopeEn<'a>(&'a ScopeNote);

impl fmt::Display for ScopeEn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        write!(
            f,
            "other definition/population ({}; {})",
            ScopeTextEn(&n.reference),
            ScopeTextEn(&n.other)
        )?;
        let Some(level) = n.level else {
            return f.write_str("; too few periods in common for a usual level difference");
        };
        write!(
            f,
            "; {} usually differs {} from {}",
            n.other.bron,
            EN.notation().pct(level),
            n.reference.bron
        )?;
        if let Some(l) = &n.lag {
            write!(f, ", {}", Shift(l))?;
        }
        match n.remaining {
            Some(x) => write!(f, "; after that {} remains", pct(x)),
            None => f.write_str("; not to be worked out for this period"),
        }
    }
}

/// "a: definition '…', population '…'" (the indicator's definition when the source gives none).
struct ScopeTextEn<'a>(&'a ScopeText);

impl fmt::Display for ScopeTextEn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        match &t.definitie {
            Some(d) => write!(f, "{}: definition '{d}'", t.bron)?,
            None => write!(f, "{}: the indicator's definition", t.bron)?,
        }
        match &t.populatie {
            Some(p) => write!(f, ", population '{p}'"),
            None => Ok(()),
        }
    }
}
