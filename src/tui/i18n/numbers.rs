//! Numbers in the interface's language: Dutch `2.250`, `6,8%`, `12,5`; English `2,250`, `6.8%`,
//! `12.5`. The report and the minutes are Dutch documents and keep `model::number`'s Dutch
//! functions; every number the screen shows goes through these.

use super::Lang::{En, Nl};
use super::texts::Texts;
use crate::model::number::{DUTCH, ENGLISH, Notation};

impl Texts {
    /// How this language writes numbers.
    pub fn notation(&self) -> Notation {
        match self.lang {
            Nl => DUTCH,
            En => ENGLISH,
        }
    }

    /// A data value with as many decimals as it needs, at most `max_decimals`.
    pub fn num(&self, value: f64, max_decimals: usize) -> String {
        self.notation().auto(value, max_decimals)
    }

    /// A relative difference as a signed percentage: `+6,8%` (Dutch), `+6.8%` (English).
    pub fn pct(&self, fraction: f64) -> String {
        self.notation().pct(fraction)
    }

    /// A label of the chart's y axis, `step` being the distance between ticks.
    pub fn axis(&self, value: f64, step: f64, top: f64) -> String {
        let millions = match self.lang {
            Nl => "mln",
            En => "M",
        };
        self.notation().axis(value, step, top, millions)
    }
}
