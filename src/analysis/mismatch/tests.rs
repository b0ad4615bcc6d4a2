//! Every rule with a minimal dataset that has the case and one that does not.

use super::*;
use crate::model::{
    Breakdown, DatasetMeta, IndicatorMeta, Observation, Series, SeriesKey, Soort, SourceMeta,
    Status, TrendBreak,
};
use std::collections::BTreeMap;

/// A detail (or a cell's detail, empty when none) in the words of `duiden verschillen`.
trait Words {
    fn words(&self) -> String;
}

impl Words for Detail {
    fn words(&self) -> String {
        crate::report::describe_detail(self)
    }
}

impl Words for Option<Detail> {
    fn words(&self) -> String {
        self.as_ref()
            .map(crate::report::describe_detail)
            .unwrap_or_default()
    }
}

impl Words for Option<Box<Detail>> {
    fn words(&self) -> String {
        self.as_deref()
            .map(crate::report::describe_detail)
            .unwrap_or_default()
    }
}

mod checks;

fn text(d: &impl Words) -> String {
    d.words()
}

/// A small dataset built in code: sources and indicators get defaults unless declared.
#[derive(Default)]
struct Fx {
    meta: DatasetMeta,
    rows: BTreeMap<SeriesKey, Vec<Observation>>,
}

fn key(domein: &str, indicator: &str, bron: &str) -> SeriesKey {
    SeriesKey {
        domein: domein.into(),
        indicator: indicator.into(),
        bron: bron.into(),
        breakdown: Breakdown::default(),
    }
}

fn wijk(mut k: SeriesKey, w: &str) -> SeriesKey {
    k.breakdown.wijk = Some(w.into());
    k
}

fn p(text: &str) -> Period {
    Period::parse(text).unwrap().0
}

/// Monthly values from `year-from`.
fn months(year: i32, from: u8, values: &[f64]) -> Vec<(String, Option<f64>)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let m = Period::month(year, from).start_month() + i as i64;
            (Period::from_month_number(m).code(), Some(*v))
        })
        .collect()
}

fn pts(items: &[(&str, f64)]) -> Vec<(String, Option<f64>)> {
    items
        .iter()
        .map(|(p, v)| (p.to_string(), Some(*v)))
        .collect()
}

impl Fx {
    fn new() -> Fx {
        Fx::default()
    }

    fn source(mut self, id: &str, f: impl FnOnce(&mut SourceMeta)) -> Fx {
        let mut s = SourceMeta {
            id: id.into(),
            naam: id.into(),
            ..SourceMeta::default()
        };
        f(&mut s);
        self.meta.bronnen.retain(|x| x.id != id);
        self.meta.bronnen.push(s);
        self
    }

    fn indicator(mut self, domein: &str, id: &str, soort: Soort, unit: &str) -> Fx {
        self.meta
            .indicatoren
            .retain(|i| !(i.domein == domein && i.id == id));
        self.meta.indicatoren.push(IndicatorMeta {
            domein: domein.into(),
            id: id.into(),
            naam: String::new(),
            soort,
            eenheid: unit.into(),
            definitie: String::new(),
            teller: None,
            noemer: None,
            per: None,
            per_bron: BTreeMap::new(),
            in_te_vullen: Vec::new(),
            deel_van: None,
        });
        self
    }

    fn unit_for(mut self, domein: &str, id: &str, bron: &str, unit: &str) -> Fx {
        let m = self
            .meta
            .indicatoren
            .iter_mut()
            .find(|i| i.domein == domein && i.id == id)
            .expect("indicator declared first");
        m.per_bron.entry(bron.into()).or_default().eenheid = Some(unit.into());
        self
    }

    fn brk(mut self, periode: &str, domein: Option<&str>, bron: Option<&str>, text: &str) -> Fx {
        self.meta.breuken.push(TrendBreak {
            periode: periode.into(),
            domein: domein.map(Into::into),
            indicator: None,
            bron: bron.map(Into::into),
            omschrijving: text.into(),
        });
        self
    }

    /// Adds figures; a period ending in `*` is voorlopig.
    fn add(mut self, k: SeriesKey, items: Vec<(String, Option<f64>)>) -> Fx {
        let list = self.rows.entry(k).or_default();
        for (text, value) in items {
            let (period, provisional) = Period::parse(&text).unwrap();
            list.push(Observation {
                period,
                value,
                status: if provisional {
                    Status::Voorlopig
                } else {
                    Status::Definitief
                },
                unit: None,
                note: None,
                line: 0,
            });
        }
        self
    }

    /// Sets the row unit from `from` (a period code) onwards.
    fn row_unit(mut self, k: &SeriesKey, from: &str, unit: &str) -> Fx {
        let from = p(from);
        for o in self.rows.get_mut(k).unwrap() {
            if o.period >= from {
                o.unit = Some(unit.into());
            }
        }
        self
    }

    fn build(mut self) -> Dataset {
        for k in self.rows.keys() {
            if self.meta.source(&k.bron).is_none() {
                self.meta.bronnen.push(SourceMeta {
                    id: k.bron.clone(),
                    naam: k.bron.clone(),
                    ..SourceMeta::default()
                });
            }
            if self.meta.indicator(&k.domein, &k.indicator).is_none() {
                let soort = if k.indicator.contains("stand") {
                    Soort::Stand
                } else {
                    Soort::Stroom
                };
                self.meta.indicatoren.push(IndicatorMeta {
                    domein: k.domein.clone(),
                    id: k.indicator.clone(),
                    naam: String::new(),
                    soort,
                    eenheid: "cliënten".into(),
                    definitie: String::new(),
                    teller: None,
                    noemer: None,
                    per: None,
                    per_bron: BTreeMap::new(),
                    in_te_vullen: Vec::new(),
                    deel_van: None,
                });
            }
        }
        let series = self
            .rows
            .into_iter()
            .map(|(key, mut points)| {
                points.sort_by_key(|o| o.period);
                Series { key, points }
            })
            .collect();
        Dataset {
            path: "test".into(),
            meta: self.meta,
            series,
            content_hash: String::new(),
        }
    }
}

fn all(ds: &Dataset) -> Vec<Mismatch> {
    detect(ds, &Settings::default())
}

fn of(ms: &[Mismatch], kind: MismatchKind) -> Vec<&Mismatch> {
    ms.iter().filter(|m| m.kind == kind).collect()
}

fn two_yearly(a: f64, b: f64) -> Fx {
    Fx::new()
        .add(key("jeugd", "instroom", "a"), pts(&[("2022", a)]))
        .add(key("jeugd", "instroom", "b"), pts(&[("2022", b)]))
}

// ---- number formatting ----------------------------------------------------------------------

// ---- labels ---------------------------------------------------------------------------------

#[test]
fn every_kind_has_a_distinct_label_and_a_sentence() {
    let mut labels: Vec<&str> = MismatchKind::ALL.iter().map(|k| k.dutch()).collect();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), MismatchKind::ALL.len());
    for k in MismatchKind::ALL {
        let e = k.explanation();
        assert!(e.ends_with('.') && e.len() > 40, "{k:?}: {e}");
        assert_eq!(k.to_string(), k.dutch());
    }
    assert_eq!(MismatchKind::PartsNotSumToTotal.dutch(), "delen≠totaal");
}

// ---- equal and small differences: no false positives ---------------------------------------

#[test]
fn equal_and_within_threshold_values_are_not_flagged() {
    assert!(all(&two_yearly(100.0, 100.0).build()).is_empty());
    assert!(all(&two_yearly(100.0, 104.0).build()).is_empty());
    // Floating-point noise is equality.
    assert!(all(&two_yearly(0.1 + 0.2, 0.3).build()).is_empty());
}

#[test]
fn above_threshold_without_explanation_is_unexplained() {
    let ms = all(&two_yearly(100.0, 110.0).build());
    assert_eq!(ms.len(), 1);
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::Unexplained);
    assert_eq!(m.reference.as_deref(), Some("a"));
    assert_eq!(m.sources, vec!["a", "b"]);
    assert_eq!(m.diff, Some(10.0));
    assert!((m.rel_diff.unwrap() - 0.1).abs() < 1e-12);
    assert!(
        text(&m.detail).contains("100 (a) tegen 110 (b)"),
        "{}",
        text(&m.detail)
    );
    assert!(
        text(&m.detail).contains("verschil 10 (10%)"),
        "{}",
        text(&m.detail)
    );
    // A lower threshold catches smaller differences.
    let ds = two_yearly(100.0, 104.0).build();
    let strict = Settings {
        threshold: 0.03,
        ..Settings::default()
    };
    assert_eq!(detect(&ds, &strict)[0].kind, MismatchKind::Unexplained);
}

// ---- rounding -------------------------------------------------------------------------------

#[test]
fn within_rounding_base_of_either_source() {
    let fx = || two_yearly(9064.0, 9065.0).source("b", |s| s.afronding = 5);
    let ms = all(&fx().build());
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::WithinRounding);
    assert!(
        text(&ms[0].detail).contains("9.064 (a) tegen 9.065 (b): binnen afronding op 5"),
        "{}",
        text(&ms[0].detail)
    );
    // Without rounding metadata a difference of 1 is just small: no flag at all.
    assert!(all(&two_yearly(9064.0, 9065.0).build()).is_empty());
    // Beyond the base, not rounding (and below the threshold: nothing).
    let ds = two_yearly(9064.0, 9075.0)
        .source("b", |s| s.afronding = 5)
        .build();
    assert!(all(&ds).is_empty());
}

#[test]
fn suppressed_value_is_unknown_not_zero() {
    let ds = Fx::new()
        .add(key("wmo", "uitstroom", "a"), pts(&[("2019", 2827.0)]))
        .add(key("wmo", "uitstroom", "cbs"), vec![("2019".into(), None)])
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::MissingPeriod);
    assert_eq!((ms[0].diff, ms[0].rel_diff), (None, None));
    assert!(
        text(&ms[0].detail).contains("onbekend, niet nul"),
        "{}",
        text(&ms[0].detail)
    );
    assert_eq!(ms[0].values[1], ("cbs".to_string(), None));
    // Both unknown: nothing to compare, nothing to say.
    let ds = Fx::new()
        .add(key("wmo", "uitstroom", "a"), vec![("2019".into(), None)])
        .add(key("wmo", "uitstroom", "b"), vec![("2019".into(), None)])
        .build();
    assert!(all(&ds).is_empty());
}

// ---- vintage --------------------------------------------------------------------------------

fn vintage(lev_a: &str, lev_b: &str, b_period: &str) -> Dataset {
    Fx::new()
        .source("cbs-2022", |s| s.leverancier = lev_a.into())
        .source("cbs-2019", |s| s.leverancier = lev_b.into())
        .add(
            key("jeugd", "jb", "cbs-2022"),
            pts(&[("2018", 12160.0), ("2019", 12980.0)]),
        )
        .add(key("jeugd", "jb", "cbs-2019"), pts(&[(b_period, 12965.0)]))
        .build()
}

#[test]
fn provisional_against_final_of_one_family_is_vintage() {
    let ms = all(&vintage("CBS", "CBS", "2019*"));
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::Vintage);
    assert!(
        text(&ms[0].detail)
            .contains("12.980 (cbs-2022, definitief) tegen 12.965 (cbs-2019, voorlopig)"),
        "{}",
        text(&ms[0].detail)
    );
    // Both definitief: a revision below the threshold, no flag.
    assert!(all(&vintage("CBS", "CBS", "2019")).is_empty());
    // Different publishers: voorlopig does not make it a vintage.
    assert!(all(&vintage("CBS", "Gemeente", "2019*")).is_empty());
    // Same figure, different status: nothing to explain.
    let ds = Fx::new()
        .add(key("j", "x", "a"), pts(&[("2019", 5.0)]))
        .add(key("j", "x", "b"), pts(&[("2019*", 5.0)]))
        .build();
    assert!(all(&ds).is_empty());
}

#[test]
fn a_vintage_pair_that_does_not_share_the_definition_is_named_for_the_definition() {
    let ds = Fx::new()
        .source("cbs-2022", |s| {
            s.leverancier = "CBS".into();
            s.populatie = "incl. jeugdbescherming".into();
        })
        .source("cbs-2019", |s| {
            s.leverancier = "CBS".into();
            s.populatie = "excl. jeugdbescherming".into();
        })
        .add(
            key("jeugd", "jb", "cbs-2022"),
            pts(&[("2018", 12160.0), ("2019", 12980.0)]),
        )
        .add(key("jeugd", "jb", "cbs-2019"), pts(&[("2019*", 12965.0)]))
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].kind, MismatchKind::Definition);
    let t = text(&ms[0].detail);
    assert!(
        t.contains("andere definitie/populatie (cbs-2022: definitie van de indicator, populatie 'incl. jeugdbescherming'; cbs-2019: definitie van de indicator, populatie 'excl. jeugdbescherming')"),
        "{t}"
    );
    assert!(t.contains("te weinig gemeenschappelijke perioden"), "{t}");
    assert!(t.contains("let op: cbs-2019 is voorlopig"), "{t}");
    assert!(!t.contains("vintage"), "{t}");
}

// ---- definition or scope ----------------------------------------------------------------------

/// Wmo clients per month from two sources, `met` counting pgb too: 12% more, with a little
/// noise, and in 2023-06 a jump of its own (+30%).
fn pgb(pop_met: &str, pop_zonder: &str) -> Dataset {
    let zonder: Vec<f64> = (0..12).map(|i| 1000.0 + 10.0 * f64::from(i)).collect();
    let met: Vec<f64> = zonder
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let noise = [1.0, 1.01, 0.99, 1.005, 0.995, 1.0][i % 6];
            let jump = if i == 5 { 1.3 / 1.12 } else { 1.0 };
            (v * 1.12 * noise * jump).round()
        })
        .collect();
    Fx::new()
        .source("zonder-pgb", |s| {
            s.populatie = pop_zonder.into();
            s.definitie = "Registratie van de gemeente".into();
        })
        .source("met-pgb", |s| {
            s.populatie = pop_met.into();
            s.definitie = "Rapportage van het zorgkantoor".into();
        })
        .indicator("wmo", "stand", Soort::Stand, "cliënten")
        .add(key("wmo", "stand", "zonder-pgb"), months(2023, 1, &zonder))
        .add(key("wmo", "stand", "met-pgb"), months(2023, 1, &met))
        .build()
}

fn with_reference(ds: &Dataset, bron: &str) -> Vec<Mismatch> {
    let settings = Settings {
        reference: Some(bron.into()),
        ..Settings::default()
    };
    detect(ds, &settings)
}

#[test]
fn a_population_difference_explained_by_the_usual_level_is_a_definition_difference() {
    let ms = with_reference(&pgb("met pgb", "zonder pgb"), "zonder-pgb");
    assert_eq!(ms.len(), 12, "{ms:#?}");
    let def = of(&ms, MismatchKind::Definition);
    assert_eq!(def.len(), 11, "{ms:#?}");
    let t = text(&def[0].detail);
    assert!(
        t.contains("andere definitie/populatie (zonder-pgb: definitie van de indicator, populatie 'zonder pgb'; met-pgb: definitie van de indicator, populatie 'met pgb')"),
        "{t}"
    );
    assert!(
        t.contains("gewoonlijk verschilt met-pgb +12,0% van zonder-pgb"),
        "{t}"
    );
    assert!(
        t.contains("daarna blijft") && t.contains("binnen de drempel van 5%"),
        "{t}"
    );
    // The month with its own jump stays unexplained, with the definitions and what remains.
    let un = of(&ms, MismatchKind::Unexplained);
    assert_eq!(un.len(), 1);
    assert_eq!(un[0].period, p("2023-06"));
    let t = text(&un[0].detail);
    assert!(t.contains("boven de drempel van 5%"), "{t}");
    assert!(t.contains("andere definitie/populatie"), "{t}");
    assert!(t.contains("daarna blijft 16,1%"), "{t}");
    assert!(!t.contains("binnen de drempel"), "{t}");
}

#[test]
fn the_same_definition_leaves_a_level_difference_unexplained() {
    // No population declared; the sources' own descriptions (`definitie` of the bron) differ,
    // which describes each whole source and is no definition difference of the indicator.
    let ms = all(&pgb("", ""));
    assert_eq!(of(&ms, MismatchKind::Unexplained).len(), 12, "{ms:#?}");
    assert!(of(&ms, MismatchKind::Definition).is_empty());
    // Equal populations: the same.
    let ms = all(&pgb("alle cliënten", "alle cliënten"));
    assert_eq!(of(&ms, MismatchKind::Unexplained).len(), 12, "{ms:#?}");
}

#[test]
fn the_population_of_one_indicator_overrides_the_source() {
    let mut ds = pgb("alle cliënten", "alle cliënten");
    let m = ds
        .meta
        .indicatoren
        .iter_mut()
        .find(|i| i.id == "stand")
        .unwrap();
    m.per_bron.entry("met-pgb".into()).or_default().populatie = Some("met pgb".into());
    let ms = all(&ds);
    assert_eq!(of(&ms, MismatchKind::Definition).len(), 11, "{ms:#?}");
    // A per-source definition of the indicator counts as well.
    let mut ds = pgb("", "");
    let m = ds
        .meta
        .indicatoren
        .iter_mut()
        .find(|i| i.id == "stand")
        .unwrap();
    m.per_bron.entry("met-pgb".into()).or_default().definitie =
        Some("Cliënten met maatwerk of pgb".into());
    let ms = all(&ds);
    assert_eq!(of(&ms, MismatchKind::Definition).len(), 11, "{ms:#?}");
    let t = text(&of(&ms, MismatchKind::Definition)[0].detail);
    assert!(
        t.contains("met-pgb: definitie 'Cliënten met maatwerk of pgb'"),
        "{t}"
    );
}

// ---- units ----------------------------------------------------------------------------------

fn reintegratie(unit_b: &str, b: f64) -> Dataset {
    Fx::new()
        .indicator(
            "participatie",
            "re",
            Soort::Ratio,
            "per 10.000 inwoners 15-64 jaar",
        )
        .unit_for(
            "participatie",
            "re",
            "bbv-2020",
            "per 1.000 inwoners 15-65 jaar",
        )
        .unit_for("participatie", "re", "bbv-2021", unit_b)
        .add(
            key("participatie", "re", "bbv-2020"),
            pts(&[("2018", 10.0)]),
        )
        .add(key("participatie", "re", "bbv-2021"), pts(&[("2018", b)]))
        .build()
}

#[test]
fn different_denominators_are_a_unit_difference_and_converted() {
    let ms = all(&reintegratie("per 10.000 inwoners 15-64 jaar", 100.2));
    assert_eq!(ms.len(), 1);
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::Unit);
    assert!(
        text(&m.detail).contains("10 per 1.000 = 100 per 10.000"),
        "{}",
        text(&m.detail)
    );
    assert!(
        text(&m.detail).contains("binnen de drempel"),
        "{}",
        text(&m.detail)
    );
    assert!(
        text(&m.detail).contains("noemer verschilt ook"),
        "{}",
        text(&m.detail)
    );
    assert!((m.rel_diff.unwrap() - 0.002).abs() < 1e-9);
    // Same unit on both sides: no unit difference (and 10 vs 10,2 is below the threshold).
    assert!(all(&reintegratie("per 1.000 inwoners 15-65 jaar", 10.2)).is_empty());
    // Units that cannot be converted are named, not compared.
    let ds = Fx::new()
        .indicator("j", "x", Soort::Stroom, "cliënten")
        .unit_for("j", "x", "b", "trajecten")
        .add(key("j", "x", "a"), pts(&[("2020", 10.0)]))
        .add(key("j", "x", "b"), pts(&[("2020", 10.0)]))
        .build();
    let ms = all(&ds);
    assert_eq!(ms[0].kind, MismatchKind::Unit);
    assert_eq!(ms[0].diff, None);
    assert!(
        text(&ms[0].detail).contains("niet om te rekenen"),
        "{}",
        text(&ms[0].detail)
    );
}

#[test]
fn unit_change_within_one_series() {
    let k = key("jeugd", "kosten", "aanbieders");
    let fx = || {
        Fx::new()
            .indicator("jeugd", "kosten", Soort::Stroom, "euro")
            .add(
                k.clone(),
                months(2021, 11, &[9_056_517.0, 9_595_824.0, 9406.0, 9573.0]),
            )
    };
    let ms = all(&fx().row_unit(&k, "2022-01", "x 1.000 euro").build());
    assert_eq!(ms.len(), 1);
    let m = &ms[0];
    assert_eq!((m.kind, m.period), (MismatchKind::Unit, p("2022-01")));
    assert_eq!(m.sources, vec!["aanbieders"]);
    assert!(
        text(&m.detail).contains("'euro' t/m 2021-12, 'x 1.000 euro' vanaf 2022-01"),
        "{}",
        text(&m.detail)
    );
    assert!(
        text(&m.detail).contains("9.406 x 1.000 euro = 9.406.000 euro"),
        "{}",
        text(&m.detail)
    );
    // The same unit throughout: nothing (the jump itself is no source difference).
    assert!(all(&fx().build()).is_empty());
}

#[test]
fn scaled_unit_against_another_source_is_converted() {
    let ka = key("wmo", "kosten", "a");
    let kb = key("wmo", "kosten", "b");
    let ds = Fx::new()
        .indicator("wmo", "kosten", Soort::Stroom, "euro")
        .unit_for("wmo", "kosten", "b", "x 1.000 euro")
        .add(ka, pts(&[("2022", 5_000_000.0)]))
        .add(kb, pts(&[("2022", 5_000.0)]))
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::Unit);
    assert_eq!(ms[0].diff, Some(0.0));
    assert!(
        text(&ms[0].detail).contains("na omrekening gelijk"),
        "{}",
        text(&ms[0].detail)
    );
}

// ---- missing periods ------------------------------------------------------------------------

#[test]
fn missing_period_inside_a_source_is_flagged() {
    let mut b = months(2023, 5, &[10.0, 10.0, 10.0, 10.0]);
    b.remove(2); // 2023-07
    let ds = Fx::new()
        .add(key("jeugd", "instroom", "a"), months(2023, 5, &[10.0; 4]))
        .add(key("jeugd", "instroom", "b"), b)
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1);
    assert_eq!(
        (ms[0].kind, ms[0].period),
        (MismatchKind::MissingPeriod, p("2023-07"))
    );
    assert!(
        text(&ms[0].detail).contains("ontbreekt bij b"),
        "{}",
        text(&ms[0].detail)
    );
    assert_eq!(
        ms[0].values,
        vec![("a".into(), Some(10.0)), ("b".into(), None)]
    );
}

#[test]
fn periods_before_the_start_or_after_the_end_are_not_missing() {
    // b starts two months later and ends one month earlier, without a known lag.
    let ds = Fx::new()
        .add(key("jeugd", "instroom", "a"), months(2023, 1, &[10.0; 6]))
        .add(key("jeugd", "instroom", "b"), months(2023, 3, &[10.0; 3]))
        .build();
    assert!(all(&ds).is_empty());
}

#[test]
fn latest_period_of_a_lagging_source_is_not_yet_delivered() {
    let ds = Fx::new()
        .source("b", |s| s.vertraging = "ca. 6 weken".into())
        .add(key("jeugd", "instroom", "a"), months(2023, 1, &[10.0; 6]))
        .add(key("jeugd", "instroom", "b"), months(2023, 1, &[10.0; 5]))
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1);
    assert_eq!(
        (ms[0].kind, ms[0].period),
        (MismatchKind::MissingPeriod, p("2023-06"))
    );
    assert!(
        text(&ms[0].detail).contains("nog niet geleverd"),
        "{}",
        text(&ms[0].detail)
    );
    // Two periods behind: only the latest period counts as "not yet", older ones are just
    // outside the source.
    let ds = Fx::new()
        .source("b", |s| s.vertraging = "ca. 6 weken".into())
        .add(key("jeugd", "instroom", "a"), months(2023, 1, &[10.0; 6]))
        .add(key("jeugd", "instroom", "b"), months(2023, 1, &[10.0; 4]))
        .build();
    assert!(all(&ds).is_empty());
}

#[test]
fn a_source_of_first_half_years_only_misses_nothing() {
    let ds = Fx::new()
        .add(
            key("jeugd", "jb", "jaar"),
            pts(&[("2016", 100.0), ("2017", 100.0), ("2018", 100.0)]),
        )
        .add(
            key("jeugd", "jb", "h1"),
            pts(&[
                ("2016-H1", 50.0),
                ("2017-H1", 50.0),
                ("2018-H1", 50.0),
                ("2019-H1", 50.0),
            ]),
        )
        .add(
            key("jeugd", "jb", "half"),
            pts(&[("2016-H1", 50.0), ("2016-H2", 50.0), ("2017-H1", 50.0)]),
        )
        .build();
    // The yearly source covers most time and is the reference; the H1 source can never make a
    // full year, which is its rhythm, not a gap.
    assert!(all(&ds).is_empty());
}

#[test]
fn incomplete_aggregated_period_is_missing_not_a_number() {
    let mut b = months(2023, 1, &[10.0; 6]);
    b.remove(1); // 2023-02
    let ds = Fx::new()
        .add(
            key("jeugd", "instroom", "kwartaal"),
            pts(&[("2023-Q1", 30.0), ("2023-Q2", 30.0)]),
        )
        .add(key("jeugd", "instroom", "maand"), b)
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let m = &ms[0];
    assert_eq!(
        (m.kind, m.period),
        (MismatchKind::MissingPeriod, p("2023-Q1"))
    );
    assert_eq!((m.diff, m.rel_diff), (None, None));
    assert!(
        text(&m.detail).contains("onvolledig (2 van 3 maanden): 2023-02 ontbreekt"),
        "{}",
        text(&m.detail)
    );
    // Complete months sum to the quarter: nothing.
    let ds = Fx::new()
        .add(
            key("jeugd", "instroom", "kwartaal"),
            pts(&[("2023-Q1", 30.0)]),
        )
        .add(
            key("jeugd", "instroom", "maand"),
            months(2023, 1, &[10.0; 3]),
        )
        .build();
    assert!(all(&ds).is_empty());
}

// ---- trend breaks ---------------------------------------------------------------------------

fn with_break(bron: Option<&str>) -> Dataset {
    Fx::new()
        .brk(
            "2021-H1",
            Some("jeugd"),
            bron,
            "Nieuwe aanbieders meegeteld.",
        )
        .add(
            key("jeugd", "instroom", "gemeente"),
            pts(&[("2020-H2", 100.0), ("2021-H1", 100.0), ("2021-H2", 100.0)]),
        )
        .add(
            key("jeugd", "instroom", "cbs"),
            pts(&[("2020-H2", 110.0), ("2021-H1", 110.0), ("2021-H2", 100.0)]),
        )
        .build()
}

#[test]
fn difference_after_a_break_of_one_source_is_trend_break() {
    let ms = all(&with_break(Some("cbs")));
    let at = |period: &str| ms.iter().find(|m| m.period == p(period)).map(|m| m.kind);
    assert_eq!(at("2021-H1"), Some(MismatchKind::TrendBreak));
    assert_eq!(at("2020-H2"), Some(MismatchKind::Unexplained));
    assert_eq!(at("2021-H2"), None, "equal after the break: nothing");
    let tb = of(&ms, MismatchKind::TrendBreak)[0];
    assert!(
        // The description as written, without a full stop doubled by what follows.
        text(&tb.detail).contains("vanaf 2021-H1: Nieuwe aanbieders meegeteld")
            && !text(&tb.detail).contains("meegeteld.;"),
        "{}",
        text(&tb.detail)
    );
    // A break for every source of the domein applies to both sides: it explains nothing here.
    let ms = all(&with_break(None));
    assert!(of(&ms, MismatchKind::TrendBreak).is_empty(), "{ms:#?}");
}

#[test]
fn a_difference_within_the_threshold_is_no_trend_break() {
    // As the sample's jeugd uitstroom 2024-H2 at 4,6%: after cbs's break, but within 5%.
    let ds = Fx::new()
        .brk("2021-H1", Some("jeugd"), Some("cbs"), "Nieuwe aanbieders.")
        .add(
            key("jeugd", "instroom", "gemeente"),
            pts(&[("2021-H1", 100.0), ("2021-H2", 100.0)]),
        )
        .add(
            key("jeugd", "instroom", "cbs"),
            pts(&[("2021-H1", 104.6), ("2021-H2", 110.0)]),
        )
        .build();
    let ms = all(&ds);
    let at = |period: &str| ms.iter().find(|m| m.period == p(period)).map(|m| m.kind);
    assert_eq!(at("2021-H1"), None, "{ms:#?}");
    assert_eq!(at("2021-H2"), Some(MismatchKind::TrendBreak), "{ms:#?}");
}

// ---- stock and flow -------------------------------------------------------------------------

fn stock_table(eind: f64) -> Fx {
    Fx::new()
        .source("tabel", |s| s.afronding = 5)
        .add(
            key("jeugd", "jb_stand_begin", "tabel"),
            pts(&[("2022", 31960.0)]),
        )
        .add(
            key("jeugd", "jb_instroom", "tabel"),
            pts(&[("2022", 9065.0)]),
        )
        .add(
            key("jeugd", "jb_uitstroom", "tabel"),
            pts(&[("2022", 11955.0)]),
        )
        .add(
            key("jeugd", "jb_stand_eind", "tabel"),
            pts(&[("2022", eind)]),
        )
}

#[test]
fn begin_plus_flows_equal_end_is_fine_otherwise_stock_flow() {
    assert!(all(&stock_table(29070.0).build()).is_empty());
    // Within the rounding of four figures rounded to 5: still fine.
    assert!(all(&stock_table(29075.0).build()).is_empty());
    let ms = all(&stock_table(29170.0).build());
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::StockFlow);
    assert_eq!(ms[0].diff, Some(100.0));
    assert!(
        text(&ms[0].detail).contains("31.960 + instroom 9.065 − uitstroom 11.955 = 29.070"),
        "{}",
        text(&ms[0].detail)
    );
}

fn running(stand: &[f64]) -> Fx {
    Fx::new()
        .add(key("jeugd", "stand", "reg"), months(2022, 1, stand))
        .add(
            key("jeugd", "instroom", "reg"),
            months(2022, 1, &[5.0, 7.0, 3.0]),
        )
        .add(
            key("jeugd", "uitstroom", "reg"),
            months(2022, 1, &[4.0, 2.0, 6.0]),
        )
}

#[test]
fn running_stock_equals_previous_plus_flows() {
    assert!(all(&running(&[100.0, 105.0, 102.0]).build()).is_empty());
    let ms = all(&running(&[100.0, 105.0, 110.0]).build());
    assert_eq!(ms.len(), 1);
    assert_eq!(
        (ms[0].kind, ms[0].period, ms[0].indicator.as_str()),
        (MismatchKind::StockFlow, p("2022-03"), "stand")
    );
    // A recorded break between the two periods explains the jump.
    let ms = all(&running(&[100.0, 105.0, 110.0])
        .brk("2022-03", Some("jeugd"), Some("reg"), "Andere telling.")
        .build());
    assert_eq!(ms[0].kind, MismatchKind::TrendBreak);
}

fn publications(begin: f64) -> Dataset {
    Fx::new()
        .source("r2022", |s| s.afronding = 5)
        .source("r2023", |s| s.afronding = 5)
        .add(
            key("jeugd", "jb_stand_eind", "r2022"),
            pts(&[("2022", 29070.0)]),
        )
        .add(
            key("jeugd", "jb_stand_begin", "r2023"),
            pts(&[("2023-H1", begin)]),
        )
        .build()
}

#[test]
fn begin_stock_of_next_publication_must_match_end_stock() {
    let ms = all(&publications(29115.0));
    assert_eq!(ms.len(), 1);
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::StockDiscontinuity);
    assert_eq!(m.sources, vec!["r2022", "r2023"]);
    assert_eq!(m.diff, Some(45.0));
    assert!(
        text(&m.detail).contains("eindstand 31-12-2022 29.070"),
        "{}",
        text(&m.detail)
    );
    assert!(
        text(&m.detail).contains("beginstand 1-1-2023 29.115"),
        "{}",
        text(&m.detail)
    );
    assert!(all(&publications(29070.0)).is_empty());
    assert!(all(&publications(29075.0)).is_empty(), "within rounding");
}

// ---- budget ---------------------------------------------------------------------------------

fn budget(realised: &[f64]) -> Dataset {
    Fx::new()
        .indicator("wmo", "kosten", Soort::Stroom, "euro")
        .indicator("wmo", "kosten_begroot", Soort::Stroom, "euro")
        .add(
            key("wmo", "kosten_begroot", "begroting"),
            pts(&[("2022", 1200.0)]),
        )
        .add(
            key("wmo", "kosten", "registratie"),
            months(2022, 1, realised),
        )
        .build()
}

#[test]
fn budget_against_realised_sum() {
    let ms = all(&budget(&[110.0; 12]));
    assert_eq!(ms.len(), 1);
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::BudgetVsRealisation);
    assert_eq!(m.indicator, "kosten");
    assert_eq!(m.diff, Some(120.0));
    assert!(
        text(&m.detail).contains("som van 12 maanden"),
        "{}",
        text(&m.detail)
    );
    assert!(
        text(&m.detail).contains("meer gerealiseerd dan begroot"),
        "{}",
        text(&m.detail)
    );
    assert!(all(&budget(&[100.0; 12])).is_empty());
    // detect_indicator finds it from either side.
    let ds = budget(&[110.0; 12]);
    for ind in ["kosten", "kosten_begroot"] {
        let ms = detect_indicator(&ds, "wmo", ind, &Settings::default());
        assert_eq!(ms.len(), 1, "{ind}");
    }
}

// ---- parts and total ------------------------------------------------------------------------

fn parts(total: f64, soort: Soort) -> Dataset {
    let k = key("jeugd", "instroom", "reg");
    Fx::new()
        .indicator("jeugd", "instroom", soort, "cliënten")
        .add(k.clone(), pts(&[("2022-03", total)]))
        .add(wijk(k.clone(), "Centrum"), pts(&[("2022-03", 33.0)]))
        .add(wijk(k, "Strijp"), pts(&[("2022-03", 39.0)]))
        .build()
}

#[test]
fn parts_must_sum_to_total() {
    let ms = all(&parts(76.0, Soort::Stroom));
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::PartsNotSumToTotal);
    assert_eq!(ms[0].diff, Some(-4.0));
    assert!(
        text(&ms[0].detail).contains("som van 2 wijken 72 tegen totaal 76"),
        "{}",
        text(&ms[0].detail)
    );
    assert!(all(&parts(72.0, Soort::Stroom)).is_empty());
    assert!(all(&parts(76.0, Soort::Stand)).len() == 1);
    // Ratios are never summed.
    assert!(all(&parts(76.0, Soort::Ratio)).is_empty());
}

// ---- lag, reference, order ------------------------------------------------------------------

#[test]
fn a_difference_the_declared_lag_explains_is_named_lag() {
    let ds = Fx::new()
        .source("gemeente", |s| s.vertraging = "tot 8 weken".into())
        .add(
            key("jeugd", "instroom", "aanbieders"),
            months(2022, 1, &[100.0, 200.0, 100.0]),
        )
        .add(
            key("jeugd", "instroom", "gemeente"),
            months(2022, 1, &[100.0, 100.0, 200.0]),
        )
        .build();
    let ms = all(&ds);
    // Shifted one month, gemeente's 200 in March is aanbieders' 200 in February: fully
    // explained, so not "onverklaard" (it was before).
    let m = ms.iter().find(|m| m.period == p("2022-03")).unwrap();
    assert_eq!(m.kind, MismatchKind::Lag);
    assert_eq!(
        text(&m.detail),
        "100 (aanbieders) tegen 200 (gemeente): verschil 100 (100%); één maand verschoven \
(gemeente loopt achter; vertraging: tot 8 weken) is het verschil 0%, binnen de drempel van 5%"
    );
    // February: gemeente 100 against aanbieders 200, the difference with its sign.
    let feb = ms.iter().find(|m| m.period == p("2022-02")).unwrap();
    assert_eq!((feb.diff, feb.rel_diff), (Some(-100.0), Some(-0.5)));
}

#[test]
fn the_declared_lag_decides_the_shift_not_one_period() {
    // gemeente repeats aanbieders two months later; one month shifted would not match.
    let (a, g) = two_months_late();
    let with = |lag: &str| {
        let lag = lag.to_string();
        Fx::new()
            .source("gemeente", move |s| s.vertraging = lag)
            .add(key("jeugd", "instroom", "aanbieders"), months(2022, 1, &a))
            .add(key("jeugd", "instroom", "gemeente"), months(2022, 1, &g))
            .build()
    };
    let ds = with("ca. 2 maanden");
    let ms = all(&ds);
    let may = ms.iter().find(|m| m.period == p("2022-05")).unwrap();
    assert_eq!(may.kind, MismatchKind::Lag);
    assert!(
        text(&may.detail).contains("2 maanden verschoven (gemeente loopt achter; vertraging: ca. 2 maanden) is het verschil 0%"),
        "{}",
        text(&may.detail)
    );
    // A declared lag of one month does not explain it, and no other shift is tried.
    let ds = with("1 maand");
    let may = all(&ds)
        .into_iter()
        .find(|m| m.period == p("2022-05"))
        .unwrap();
    assert_eq!(may.kind, MismatchKind::Unexplained);
    assert!(
        !text(&may.detail).contains("verschoven"),
        "{}",
        text(&may.detail)
    );
}

/// Monthly (aanbieders, gemeente) where gemeente repeats aanbieders two months later.
fn two_months_late() -> ([f64; 6], [f64; 6]) {
    (
        [100.0, 110.0, 300.0, 120.0, 130.0, 140.0],
        [90.0, 95.0, 100.0, 110.0, 300.0, 120.0],
    )
}

#[test]
fn without_a_declared_lag_the_best_shift_is_found() {
    let (a, g) = two_months_late();
    let ds = Fx::new()
        .add(key("jeugd", "instroom", "aanbieders"), months(2022, 1, &a))
        .add(key("jeugd", "instroom", "gemeente"), months(2022, 1, &g))
        .build();
    let ms = all(&ds);
    let may = ms.iter().find(|m| m.period == p("2022-05")).unwrap();
    assert_eq!(may.kind, MismatchKind::Lag);
    assert!(
        text(&may.detail).contains(
            "2 maanden verschoven (gemeente loopt achter; geen vertraging opgegeven, best passende verschuiving)"
        ),
        "{}",
        text(&may.detail)
    );
}

#[test]
fn without_a_declared_lag_a_shift_that_fits_one_period_by_chance_is_no_lag() {
    // A steady rise with one spike at gemeente in March: one month shifted, aanbieders' March
    // is close to gemeente's February, but over the whole span no shift brings them closer.
    let ds = Fx::new()
        .add(
            key("jeugd", "instroom", "aanbieders"),
            months(2022, 1, &[100.0, 103.0, 106.0, 109.0, 112.0, 115.0]),
        )
        .add(
            key("jeugd", "instroom", "gemeente"),
            months(2022, 1, &[100.0, 103.0, 116.0, 109.0, 112.0, 115.0]),
        )
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!(ms[0].kind, MismatchKind::Unexplained);
    assert!(
        !text(&ms[0].detail).contains("verschoven"),
        "{}",
        text(&ms[0].detail)
    );
}

#[test]
fn what_the_lag_leaves_above_the_threshold_stays_unexplained_with_the_rest() {
    let ds = Fx::new()
        .source("gemeente", |s| s.vertraging = "ca. 6 weken".into())
        .add(
            key("jeugd", "instroom", "aanbieders"),
            months(2022, 1, &[100.0, 200.0, 100.0]),
        )
        .add(
            key("jeugd", "instroom", "gemeente"),
            months(2022, 1, &[100.0, 100.0, 180.0]),
        )
        .build();
    let ms = all(&ds);
    let m = ms.iter().find(|m| m.period == p("2022-03")).unwrap();
    assert_eq!(m.kind, MismatchKind::Unexplained);
    assert!(
        text(&m.detail).ends_with(
            "één maand verschoven (gemeente loopt achter; vertraging: ca. 6 weken) is het verschil 10%"
        ),
        "{}",
        text(&m.detail)
    );
}

#[test]
fn reference_is_longest_covering_or_requested() {
    let ds = two_yearly(100.0, 110.0)
        .add(key("jeugd", "instroom", "b"), pts(&[("2021", 100.0)]))
        .build();
    assert_eq!(all(&ds)[0].reference.as_deref(), Some("b"));
    let s = Settings {
        reference: Some("a".into()),
        ..Settings::default()
    };
    assert_eq!(detect(&ds, &s)[0].reference.as_deref(), Some("a"));
}

#[test]
fn sorted_by_relative_then_absolute_difference() {
    let ds = Fx::new()
        .add(
            key("a", "x", "s1"),
            pts(&[("2020", 100.0), ("2021", 1000.0), ("2022", 10.0)]),
        )
        .add(
            key("a", "x", "s2"),
            pts(&[("2020", 110.0), ("2021", 1200.0), ("2022", 12.0)]),
        )
        .build();
    let ms = all(&ds);
    let order: Vec<Period> = ms.iter().map(|m| m.period).collect();
    assert_eq!(order, vec![p("2021"), p("2022"), p("2020")]);
}

#[test]
fn granularity_setting_compares_coarser() {
    let ds = Fx::new()
        .add(
            key("jeugd", "instroom", "a"),
            months(2022, 1, &[10.0, 20.0, 30.0]),
        )
        .add(
            key("jeugd", "instroom", "b"),
            months(2022, 1, &[20.0, 10.0, 30.0]),
        )
        .build();
    assert_eq!(all(&ds).len(), 2);
    let q = Settings {
        granularity: Some(Granularity::Quarter),
        ..Settings::default()
    };
    assert!(detect(&ds, &q).is_empty(), "the quarter sums are equal");
}

// ---- comparison table -----------------------------------------------------------------------

#[test]
fn comparison_on_the_coarsest_granularity() {
    let mut b = months(2023, 1, &[10.0; 12]);
    b.remove(6); // 2023-07
    let ds = Fx::new()
        .source("cbs", |s| s.afronding = 5)
        .add(key("jeugd", "instroom", "aanbieders"), b)
        .add(
            key("jeugd", "instroom", "gemeente"),
            months(2023, 1, &[11.0; 12]),
        )
        .add(
            key("jeugd", "instroom", "cbs"),
            pts(&[("2023-H1", 65.0), ("2023-H2", 70.0)]),
        )
        .build();
    let c = compare(&ds, "jeugd", "instroom", None, None);
    assert_eq!(c.granularity, Granularity::HalfYear);
    // gemeente and cbs cover the whole year; gemeente has more periods.
    assert_eq!(c.reference.as_deref(), Some("gemeente"));
    let names: Vec<&str> = c.columns.iter().map(|c| c.bron.as_str()).collect();
    assert_eq!(names, vec!["gemeente", "aanbieders", "cbs"]);
    assert!(c.columns[0].is_reference && c.columns[1].against == Some(0));
    assert_eq!(c.rows.len(), 2);
    let h1 = &c.rows[0];
    assert_eq!(h1.cells[0].value, Some(66.0));
    assert_eq!(h1.cells[1].value, Some(60.0));
    assert!(
        (h1.cells[1].rel_diff.unwrap() + 0.0909).abs() < 1e-3,
        "signed"
    );
    assert_eq!(h1.cells[1].kind, Some(MismatchKind::Unexplained));
    assert_eq!(h1.cells[2].kind, Some(MismatchKind::WithinRounding));
    assert!(!text(&h1.cells[2].detail).is_empty());
    assert_eq!(h1.cells[0].kind, None);
    // H2 is incomplete for aanbieders: shown as missing, never compared as a number.
    let h2 = &c.rows[1];
    let a = &h2.cells[1];
    assert_eq!(
        (a.value, a.complete, a.present, a.needed),
        (None, false, 5, 6)
    );
    assert_eq!((a.kind, a.diff), (Some(MismatchKind::MissingPeriod), None));
    assert!(
        text(&a.detail).contains("2023-07 ontbreekt"),
        "{}",
        text(&a.detail)
    );
    assert_eq!(
        h2.kinds,
        vec![MismatchKind::MissingPeriod, MismatchKind::WithinRounding]
    );

    // Monthly on request: the half-yearly source cannot be split and is set aside with a reason.
    let c = compare(
        &ds,
        "jeugd",
        "instroom",
        Some("aanbieders"),
        Some(Granularity::Month),
    );
    assert_eq!(c.reference.as_deref(), Some("aanbieders"));
    assert_eq!(c.excluded.len(), 1);
    assert_eq!(c.excluded[0].bron, "cbs");
    assert!(
        c.excluded[0].reason.contains("halfjaar"),
        "{}",
        c.excluded[0].reason
    );
    assert_eq!(c.rows.len(), 12);
    let jul = c.rows.iter().find(|r| r.period == p("2023-07")).unwrap();
    assert_eq!(jul.kinds, vec![MismatchKind::MissingPeriod]);
    assert_eq!(
        jul.cells[0].kind,
        Some(MismatchKind::MissingPeriod),
        "on the reference"
    );
}

#[test]
fn comparison_rows_carry_checks_within_the_data() {
    let c = compare(&parts(76.0, Soort::Stroom), "jeugd", "instroom", None, None);
    assert_eq!(c.columns.len(), 1, "wijken are not columns");
    assert_eq!(c.rows[0].kinds, vec![MismatchKind::PartsNotSumToTotal]);
    let c = compare(&parts(72.0, Soort::Stroom), "jeugd", "instroom", None, None);
    assert!(c.rows[0].kinds.is_empty());
}

#[test]
fn detect_indicator_only_reports_that_indicator() {
    let ds = Fx::new()
        .add(key("j", "x", "a"), pts(&[("2020", 1.0)]))
        .add(key("j", "x", "b"), pts(&[("2020", 2.0)]))
        .add(key("j", "y", "a"), pts(&[("2020", 1.0)]))
        .add(key("j", "y", "b"), pts(&[("2020", 2.0)]))
        .build();
    assert_eq!(all(&ds).len(), 2);
    let ms = detect_indicator(&ds, "j", "y", &Settings::default());
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].indicator, "y");
    assert!(detect_indicator(&ds, "j", "z", &Settings::default()).is_empty());
}

fn sample() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    crate::load::load_dataset(&dir).expect("sample loads")
}

#[test]
fn detect_with_progress_gives_the_same_result_and_reports_every_step() {
    let ds = sample();
    let settings = Settings::default();
    let calls = std::cell::RefCell::new(Vec::new());
    let got = detect_with_progress(&ds, &settings, &|done, total| {
        calls.borrow_mut().push((done, total));
        true
    })
    .expect("not cancelled");
    assert!(!got.is_empty());
    assert_eq!(got, detect(&ds, &settings));
    // One step per (domein, indicator), and one for the checks across indicators; the steps
    // run on several cores, so the reports count up, not always one by one.
    let groups: std::collections::BTreeSet<_> = ds
        .series
        .iter()
        .map(|s| (&s.key.domein, &s.key.indicator))
        .collect();
    let total = groups.len() as u64 + 1;
    let calls = calls.into_inner();
    assert_eq!(calls.first(), Some(&(0, total)), "{calls:?}");
    assert_eq!(calls.last(), Some(&(total, total)), "{calls:?}");
    assert!(calls.iter().all(|&(_, t)| t == total), "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0), "{calls:?}");
    assert!(calls.len() >= 3, "reports along the way: {calls:?}");
}

#[test]
fn detect_with_progress_stops_early_when_told() {
    let ds = sample();
    let calls = std::cell::RefCell::new(Vec::new());
    let got = detect_with_progress(&ds, &Settings::default(), &|done, _| {
        calls.borrow_mut().push(done);
        done < 2
    });
    assert_eq!(got, None);
    // Steps run on several cores, so the count may jump; but nothing is reported after the
    // first report answered with false.
    let calls = calls.into_inner();
    let stopped = calls.iter().position(|&d| d >= 2).expect("a report past 2");
    assert_eq!(stopped, calls.len() - 1, "no step after false: {calls:?}");
    // Cancelled before anything: the first call already stops it.
    let got = detect_with_progress(&ds, &Settings::default(), &|_, _| false);
    assert_eq!(got, None);
}
