//! The signals tab's words: the kind of each signal and why it stands out, in both languages.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::analysis::signals::{Measure, Signal, SignalKind};

impl Texts {
    pub fn signal_kind(&self, kind: SignalKind) -> &'static str {
        match (self.lang, kind) {
            (Nl, SignalKind::YearOnYear) => "t.o.v. een jaar eerder",
            (En, SignalKind::YearOnYear) => "against a year earlier",
            (Nl, SignalKind::LevelShift) => "niveausprong",
            (En, SignalKind::LevelShift) => "level shift",
            (Nl, SignalKind::OutsideSeason) => "buiten het seizoen",
            (En, SignalKind::OutsideSeason) => "outside the season",
            (Nl, SignalKind::Unexplained) => "onverklaard verschil",
            (En, SignalKind::Unexplained) => "unexplained difference",
            (Nl, SignalKind::Stopped) => "levering gestopt",
            (En, SignalKind::Stopped) => "delivery stopped",
        }
    }

    /// The tab's title: how many, and the keys that act on one.
    pub fn signals_title(&self, n: usize, show: &str, agenda: &str) -> String {
        match self.lang {
            Nl => format!("Signalen: {n} · {show} toont · {agenda} zet op de agenda"),
            En => format!("Signals: {n} · {show} shows · {agenda} puts on the agenda"),
        }
    }

    /// Why `s` stands out, in one line (the heading above it names the indicator).
    pub fn signal_reason(&self, s: &Signal) -> String {
        let bron = s.sources.join(", ");
        let n = |v: f64| self.num(v, 2);
        let rel = |a: f64, b: f64| {
            if b == 0.0 {
                String::new()
            } else {
                format!(" ({})", self.pct((a - b) / b.abs()))
            }
        };
        match (&s.measure, self.lang) {
            (
                Measure::YearOnYear {
                    previous,
                    before,
                    now,
                },
                Nl,
            ) => format!(
                "{bron}: {} tegen {} in {}{}",
                n(*now),
                n(*before),
                self.period_long(previous),
                rel(*now, *before)
            ),
            (
                Measure::YearOnYear {
                    previous,
                    before,
                    now,
                },
                En,
            ) => format!(
                "{bron}: {} against {} in {}{}",
                n(*now),
                n(*before),
                self.period_long(previous),
                rel(*now, *before)
            ),
            (Measure::LevelShift { before, after, .. }, Nl) => format!(
                "{bron}: vanaf hier ongeveer {} in plaats van {}{}",
                n(*after),
                n(*before),
                rel(*after, *before)
            ),
            (Measure::LevelShift { before, after, .. }, En) => format!(
                "{bron}: from here about {} instead of {}{}",
                n(*after),
                n(*before),
                rel(*after, *before)
            ),
            (
                Measure::OutsideSeason {
                    value,
                    low,
                    high,
                    years,
                },
                Nl,
            ) => format!(
                "{bron}: {} valt buiten {} tot {} van {years} eerdere jaren",
                n(*value),
                n(low.max(0.0)),
                n(*high)
            ),
            (
                Measure::OutsideSeason {
                    value,
                    low,
                    high,
                    years,
                },
                En,
            ) => format!(
                "{bron}: {} is outside {} to {} of {years} earlier years",
                n(*value),
                n(low.max(0.0)),
                n(*high)
            ),
            (Measure::Unexplained(m), lang) => {
                let size = m
                    .rel_diff
                    .map_or(String::new(), |r| format!(" {}", self.pct(r)));
                match lang {
                    Nl => format!("{bron} verschillen{size}; geen bekende oorzaak"),
                    En => format!("{bron} differ{size}; no known cause"),
                }
            }
            (
                Measure::Stopped {
                    others_last, ahead, ..
                },
                Nl,
            ) => format!(
                "{bron} levert niet meer; {ahead} loopt door tot {}",
                self.period_long(others_last)
            ),
            (
                Measure::Stopped {
                    others_last, ahead, ..
                },
                En,
            ) => format!(
                "{bron} no longer delivers; {ahead} runs on to {}",
                self.period_long(others_last)
            ),
        }
    }
}
