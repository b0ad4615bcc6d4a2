//! Small numbers protected (AVG): the one rule every export follows.
//!
//! A count of a source derived from records (`herkomst = "registratie"`) from 1 to 9 is about so
//! few persons that it may point at one of them. Everything that leaves the room shows it as
//! "<10" ([`Shown::Small`]); a figure that would give such a count back (a difference against it,
//! the other flow of a stand-stroom identity, the other parts of a total) is suppressed too
//! ([`Shown::Hidden`], written "x" as CBS writes "geheim"). `--kleine-aantallen` shows them anyway
//! and the export says so in its header. Counts of other sources are never suppressed.

use super::meta::DatasetMeta;
use super::{Dataset, Period, SeriesKey};
use std::collections::{BTreeMap, BTreeSet};

/// Counts below this (and above zero) are small.
pub const SMALL_BELOW: f64 = 10.0;
/// How an export writes a small count.
pub const SMALL_TEXT: &str = "<10";
/// How an export writes a figure suppressed because it would reveal a small count.
pub const HIDDEN_TEXT: &str = "x";

/// What an export may show of one figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown {
    /// The figure itself.
    Value(f64),
    /// A count from 1 to 9 of a records source: "<10".
    Small,
    /// Suppressed because it would give a small count back: "x".
    Hidden,
}

impl Shown {
    /// The figure as text: `format` for a value, "<10" or "x" otherwise.
    pub fn text(self, format: impl Fn(f64) -> String) -> String {
        match self {
            Shown::Value(v) => format(v),
            Shown::Small => SMALL_TEXT.to_string(),
            Shown::Hidden => HIDDEN_TEXT.to_string(),
        }
    }

    /// The figure when it may be shown.
    pub fn value(self) -> Option<f64> {
        match self {
            Shown::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_suppressed(self) -> bool {
        !matches!(self, Shown::Value(_))
    }
}

/// A count from 1 to 9 (anything above 0 and below 10: a harmonised or converted figure too).
pub fn is_small(value: f64) -> bool {
    value > 0.0 && value < SMALL_BELOW
}

/// The rule: a small count of a source from records is shown as "<10", unless `allow`
/// (`--kleine-aantallen`).
pub fn shown(value: f64, from_records: bool, allow: bool) -> Shown {
    if from_records && !allow && is_small(value) {
        Shown::Small
    } else {
        Shown::Value(value)
    }
}

/// Which sources of a dataset are protected, and whether small counts are shown anyway.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Disclosure {
    protected: BTreeSet<String>,
    /// Without the dataset nobody knows a source's origin: then every source is protected.
    all: bool,
    allow: bool,
    /// Parts (wijk or aanbieder) that are not small but hidden all the same, because with the
    /// total and the other parts they would give a small part back (see [`Disclosure::for_dataset`]).
    second: BTreeSet<(SeriesKey, Period)>,
}

impl Disclosure {
    /// The sources of `meta` with `herkomst = "registratie"`; `allow` is `--kleine-aantallen`.
    pub fn of(meta: &DatasetMeta, allow: bool) -> Disclosure {
        Disclosure {
            protected: meta
                .bronnen
                .iter()
                .filter(|b| b.is_from_records())
                .map(|b| b.id.clone())
                .collect(),
            all: false,
            allow,
            second: BTreeSet::new(),
        }
    }

    /// As [`Disclosure::of`], with the second cells of `dataset`: where exactly one part of a
    /// total (one wijk, or one aanbieder, of a source from records in a period) is small, the
    /// smallest other part is hidden too, so that total minus the other parts gives nothing back.
    pub fn for_dataset(dataset: &Dataset, allow: bool) -> Disclosure {
        let mut rule = Disclosure::of(&dataset.meta, allow);
        if rule.suppresses() {
            rule.second = second_cells(dataset, &rule);
        }
        rule
    }

    /// Without metadata: every source is treated as from records (better one "<10" too many
    /// than one small count out of the room).
    pub fn unknown(allow: bool) -> Disclosure {
        Disclosure {
            protected: BTreeSet::new(),
            all: true,
            allow,
            second: BTreeSet::new(),
        }
    }

    /// Shows everything (for the room itself, and for tests of figures).
    pub fn open() -> Disclosure {
        Disclosure::default()
    }

    /// Are `bron`'s counts protected (before `--kleine-aantallen`)?
    pub fn protects(&self, bron: &str) -> bool {
        self.all || self.protected.contains(bron)
    }

    /// Does any source have protected counts? Then an export with `--kleine-aantallen` says so.
    pub fn any_protected(&self) -> bool {
        self.all || !self.protected.is_empty()
    }

    /// `--kleine-aantallen` was given.
    pub fn allows_small(&self) -> bool {
        self.allow
    }

    /// Suppression is in force: something is protected and not shown anyway.
    pub fn suppresses(&self) -> bool {
        self.any_protected() && !self.allow
    }

    /// What an export shows of `bron`'s figure `value`.
    pub fn figure(&self, bron: &str, value: f64) -> Shown {
        shown(value, self.protects(bron), self.allow)
    }

    /// Would `bron`'s figure `value` be suppressed?
    pub fn hides(&self, bron: &str, value: f64) -> bool {
        self.figure(bron, value).is_suppressed()
    }

    /// What an export shows of the figure `value` of series `key` in `period`: as
    /// [`Disclosure::figure`], and "x" for a second cell of a total with one small part.
    pub fn cell(&self, key: &SeriesKey, period: &Period, value: f64) -> Shown {
        match self.figure(&key.bron, value) {
            Shown::Value(_) if self.second.contains(&(key.clone(), *period)) => Shown::Hidden,
            shown => shown,
        }
    }
}

/// The second cells of `dataset` under `rule`: per source from records, indicator, regio and
/// kind of part (wijk, aanbieder) and period, the smallest part that is not small where exactly
/// one part is small. Two or more small parts keep each other hidden.
fn second_cells(dataset: &Dataset, rule: &Disclosure) -> BTreeSet<(SeriesKey, Period)> {
    type Group<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, bool, bool);
    let mut groups: BTreeMap<(Group, Period), Vec<(&SeriesKey, f64)>> = BTreeMap::new();
    for s in &dataset.series {
        let (k, b) = (&s.key, &s.key.breakdown);
        if b.is_total() || !rule.protects(&k.bron) {
            continue;
        }
        let group = (
            k.domein.as_str(),
            k.indicator.as_str(),
            k.bron.as_str(),
            b.regio.as_deref(),
            b.wijk.is_some(),
            b.aanbieder.is_some(),
        );
        for o in &s.points {
            if let Some(v) = o.value {
                groups.entry((group, o.period)).or_default().push((k, v));
            }
        }
    }
    let mut out = BTreeSet::new();
    for ((_, period), parts) in groups {
        if parts.iter().filter(|(_, v)| is_small(*v)).count() != 1 {
            continue;
        }
        let second = parts
            .iter()
            .filter(|(_, v)| !is_small(*v))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((key, _)) = second {
            out.insert(((*key).clone(), period));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceMeta;

    fn meta() -> DatasetMeta {
        let bron = |id: &str, herkomst: &str| SourceMeta {
            id: id.into(),
            naam: id.into(),
            herkomst: herkomst.into(),
            ..SourceMeta::default()
        };
        DatasetMeta {
            bronnen: vec![bron("reg", "registratie"), bron("cbs", "")],
            ..DatasetMeta::default()
        }
    }

    #[test]
    fn counts_from_one_to_nine_of_records_are_small_and_only_those() {
        for v in [1.0, 4.0, 9.0, 9.5, 0.5] {
            assert_eq!(shown(v, true, false), Shown::Small, "{v}");
        }
        for v in [0.0, 10.0, 11.0, 250.0, -3.0] {
            assert_eq!(shown(v, true, false), Shown::Value(v), "{v}");
        }
        // Not from records, or shown anyway.
        assert_eq!(shown(4.0, false, false), Shown::Value(4.0));
        assert_eq!(shown(4.0, true, true), Shown::Value(4.0));
    }

    #[test]
    fn a_dataset_protects_its_records_sources_only() {
        let d = Disclosure::of(&meta(), false);
        assert_eq!(d.figure("reg", 3.0).text(|v| v.to_string()), "<10");
        assert_eq!(d.figure("cbs", 3.0).text(|v| v.to_string()), "3");
        assert_eq!(d.figure("reg", 30.0), Shown::Value(30.0));
        assert!(d.suppresses() && d.any_protected() && !d.allows_small());
        let shown_anyway = Disclosure::of(&meta(), true);
        assert_eq!(shown_anyway.figure("reg", 3.0), Shown::Value(3.0));
        assert!(!shown_anyway.suppresses() && shown_anyway.any_protected());
        // Without metadata every source is protected; the room shows all.
        assert!(Disclosure::unknown(false).hides("cbs", 3.0));
        assert!(!Disclosure::open().hides("reg", 3.0));
        assert_eq!(Shown::Hidden.text(|v| v.to_string()), "x");
    }
}
