//! The Dutch words of a definition difference: which definitions or populations differ, the
//! usual level difference and what remains.

use super::{Shift, Size, Voorlopig, Vs, pct};
use crate::analysis::mismatch::{LagNote, Outcome, ScopeNote, ScopeText};
use crate::model::number::DUTCH;
use std::fmt::{self, Write};

/// [`Outcome::Definition`] and [`Outcome::AboveThreshold`] after the two figures.
pub(super) fn outcome(
    s: &mut String,
    vs: &Vs,
    o: &Outcome,
    status_note: &Voorlopig,
) -> fmt::Result {
    match o {
        Outcome::Definition {
            diff,
            rel,
            threshold,
            scope,
        } => write!(
            s,
            "{vs}: {}; {}{}{status_note}",
            Size(*diff, *rel),
            ScopeNl(scope),
            WithinNl(scope.remaining, *threshold)
        ),
        Outcome::AboveThreshold {
            diff,
            rel,
            threshold,
            lag,
            scope,
        } => write!(
            s,
            "{vs}: {}, boven de drempel van {}{status_note}{}",
            Size(*diff, *rel),
            pct(*threshold),
            AfterNl(lag.as_ref(), scope.as_deref())
        ),
        _ => Ok(()),
    }
}

/// After a definition difference: whether what remains is within the threshold, or only the
/// difference itself (a vintage pair that does not share the definition).
struct WithinNl(Option<f64>, f64);

impl fmt::Display for WithinNl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = pct(self.1);
        if self.0.is_some_and(|x| x.abs() <= self.1) {
            write!(f, ", binnen de drempel van {t}")
        } else {
            write!(f, "; het verschil zelf is binnen de drempel van {t}")
        }
    }
}

/// After "boven de drempel": the shift that made it smaller and the definitions that differ.
struct AfterNl<'a>(Option<&'a LagNote>, Option<&'a ScopeNote>);

impl fmt::Display for AfterNl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(l) = self.0 {
            write!(f, "; {} is het verschil {}", Shift(l), pct(l.shifted))?;
        }
        match self.1 {
            Some(sc) => write!(f, "; {}", ScopeNl(sc)),
            None => Ok(()),
        }
    }
}

/// "andere definitie/populatie (a: populatie met pgb; b: populatie zonder pgb); gewoonlijk
/// verschilt b -6,0% van a; daarna blijft 1,2%".
struct ScopeNl<'a>(&'a ScopeNote);

impl fmt::Display for ScopeNl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        write!(
            f,
            "andere definitie/populatie ({}; {})",
            ScopeTextNl(&n.reference),
            ScopeTextNl(&n.other)
        )?;
        let Some(level) = n.level else {
            return f.write_str(
                "; te weinig gemeenschappelijke perioden voor een gewoonlijk niveauverschil",
            );
        };
        write!(
            f,
            "; gewoonlijk verschilt {} {} van {}",
            n.other.bron,
            DUTCH.pct(level),
            n.reference.bron
        )?;
        if let Some(l) = &n.lag {
            write!(f, ", {}", Shift(l))?;
        }
        match n.remaining {
            Some(x) => write!(f, "; daarna blijft {}", pct(x)),
            None => f.write_str("; in deze periode niet na te rekenen"),
        }
    }
}

/// "a: definitie …, populatie …" (the indicator's definition when the source gives none).
struct ScopeTextNl<'a>(&'a ScopeText);

impl fmt::Display for ScopeTextNl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        match &t.definitie {
            Some(d) => write!(f, "{}: definitie '{d}'", t.bron)?,
            None => write!(f, "{}: definitie van de indicator", t.bron)?,
        }
        match &t.populatie {
            Some(p) => write!(f, ", populatie '{p}'"),
            None => Ok(()),
        }
    }
}
