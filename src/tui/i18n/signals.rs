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
        let reason = match self.lang {
            Nl => self.reason_nl(&s.measure),
            En => self.reason_en(&s.measure),
        };
        format!("{bron}{reason}")
    }

    /// " (+6,5%)": the change from `b` to `a`, or nothing from zero.
    fn change_from(&self, a: f64, b: f64) -> String {
        match b {
            0.0 => String::new(),
            _ => format!(" ({})", self.pct((a - b) / b.abs())),
        }
    }

    fn reason_nl(&self, m: &Measure) -> String {
        let n = |v: f64| self.num(v, 2);
        let whole = |v: f64| self.num(v, 0);
        match m {
            Measure::YearOnYear {
                previous,
                before,
                now,
            } => {
                let (p, c) = (self.period_long(previous), self.change_from(*now, *before));
                format!(": {} tegen {} in {p}{c}", n(*now), n(*before))
            }
            Measure::LevelShift { before, after, .. } => {
                let c = self.change_from(*after, *before);
                format!(
                    ": vanaf hier ongeveer {} in plaats van {}{c}",
                    whole(*after),
                    whole(*before)
                )
            }
            Measure::OutsideSeason {
                value,
                low,
                high,
                years,
            } => {
                let (v, lo, hi) = (n(*value), n(low.max(0.0)), n(*high));
                format!(": {v} valt buiten {lo} tot {hi} van {years} eerdere jaren")
            }
            Measure::Unexplained(m) => {
                let size = m
                    .rel_diff
                    .map_or(String::new(), |r| format!(" {}", self.pct(r)));
                format!(" verschillen{size}; geen bekende oorzaak")
            }
            Measure::Stopped {
                others_last, ahead, ..
            } => {
                let p = self.period_long(others_last);
                format!(" levert niet meer; {ahead} loopt door tot {p}")
            }
        }
    }

    fn reason_en(&self, m: &Measure) -> String {
        let n = |v: f64| self.num(v, 2);
        let whole = |v: f64| self.num(v, 0);
        match m {
            Measure::YearOnYear {
                previous,
                before,
                now,
            } => {
                let (p, c) = (self.period_long(previous), self.change_from(*now, *before));
                format!(": {} against {} in {p}{c}", n(*now), n(*before))
            }
            Measure::LevelShift { before, after, .. } => {
                let c = self.change_from(*after, *before);
                format!(
                    ": from here about {} instead of {}{c}",
                    whole(*after),
                    whole(*before)
                )
            }
            Measure::OutsideSeason {
                value,
                low,
                high,
                years,
            } => {
                let (v, lo, hi) = (n(*value), n(low.max(0.0)), n(*high));
                format!(": {v} is outside {lo} to {hi} of {years} earlier years")
            }
            Measure::Unexplained(m) => {
                let size = m
                    .rel_diff
                    .map_or(String::new(), |r| format!(" {}", self.pct(r)));
                format!(" differ{size}; no known cause")
            }
            Measure::Stopped {
                others_last, ahead, ..
            } => {
                let p = self.period_long(others_last);
                format!(" no longer delivers; {ahead} runs on to {p}")
            }
        }
    }

    /// Editing needs a selected annotation; `pane_key` goes to its pane.
    pub fn pick_note(&self, pane_key: &str) -> String {
        match self.lang {
            Nl => format!("kies eerst een aantekening in het paneel Aantekeningen ({pane_key})"),
            En => format!("first choose an annotation in the Annotations pane ({pane_key})"),
        }
    }
}
