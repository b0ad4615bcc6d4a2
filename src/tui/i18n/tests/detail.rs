//! The words of a difference's detail on screen: Dutch exactly as `duiden verschillen` writes
//! it, English really English, numbers in each language's notation.

use super::super::*;
use crate::analysis::mismatch::Detail;
use crate::model::{Granularity, Period};

/// One detail of every kind and branch, with figures that need grouping and decimals.
pub(super) fn detail_samples() -> Vec<(&'static str, Detail)> {
    use crate::analysis::mismatch::*;
    let p = |t: &str| Period::parse(t).unwrap().0;
    let fig = |b: &str, v: f64| Figure::new(b, v);
    let form = |unit: &str| {
        let c = |u| crate::analysis::mismatch::UnitForm {
            scale: 1.0,
            per: None,
            percent: false,
            base: String::from(u),
        };
        match unit {
            "x 1.000 euro" => UnitForm {
                scale: 1000.0,
                ..c("euro")
            },
            "per 1.000" => UnitForm {
                per: Some(1000.0),
                ..c("inwoners")
            },
            _ => c(unit),
        }
    };
    let brk = BreakNote {
        bron: "cbs".into(),
        period: p("2021-H1"),
        description: "Nieuwe definitie.".into(),
    };
    // gemeente without pgb, cbs with: cbs usually 5.5% higher, a month behind.
    let scope = |remaining| ScopeNote {
        reference: ScopeText {
            bron: "gemeente".into(),
            definitie: None,
            populatie: Some("zonder pgb".into()),
        },
        other: ScopeText {
            bron: "cbs".into(),
            definitie: Some("Cliënten met pgb".into()),
            populatie: Some("met pgb".into()),
        },
        level: Some(0.055),
        lag: Some(LagNote {
            granularity: Granularity::Month,
            periods: 1,
            lagging: "cbs".into(),
            lag: Some("6 weken".into()),
            shifted: 0.07,
        }),
        remaining,
    };
    let missing = |absence| {
        Detail::MissingFigure(MissingFigure {
            period: p("2023-Q3"),
            lacking: "aanbieders".into(),
            having: fig("gemeente", 2250.5),
            absence,
        })
    };
    let compared = |provisional, outcome| {
        Detail::Compared(Compared {
            reference: fig("gemeente", 9064.0),
            other: fig("cbs", 9690.25),
            provisional,
            outcome,
        })
    };
    let (diff, rel) = (626.25, Some(0.0691));
    let units = |conversion, recorded_break| {
        Detail::Units(Box::new(Units {
            reference: fig("cbs", 12.5),
            reference_unit: "per 10.000 inwoners".into(),
            other: fig("gemeente", 1.3),
            other_unit: "per 1.000 inwoners".into(),
            conversion,
            recorded_break,
        }))
    };
    let conv = |equal, within, populations| UnitsConverted {
        same: Converts {
            from_value: 12.5,
            from: form("per 1.000"),
            to_value: 1.25,
            to: form("per 1.000"),
        },
        equal,
        diff: 0.5,
        rel: Some(0.04),
        threshold: 0.05,
        within,
        populations,
    };
    let euros = Converts {
        from_value: 9406.0,
        from: form("x 1.000 euro"),
        to_value: 9_406_000.0,
        to: form("euro"),
    };
    let budget_missing = |absence| {
        Detail::BudgetMissing(Box::new(BudgetMissing {
            planned: fig("begroting", 1_250_000.0),
            unit: "euro".into(),
            period: p("2023"),
            real_bron: "aanbieders".into(),
            absence,
        }))
    };
    let incomplete = Absence::Incomplete {
        missing: vec![p("2023-07"), p("2023-08")],
        present: 1,
        needed: 3,
        own: Granularity::Month,
    };
    let stock_flow = |stocks, recorded_break| {
        Detail::StockFlow(StockFlow {
            stocks,
            bron: "gemeente".into(),
            begin: 31960.0,
            inflow: 9065.0,
            outflow: 11955.0,
            expected: 29070.0,
            end: 29170.0,
            residual: 100.0,
            rel: Some(0.0034),
            recorded_break,
        })
    };
    let discontinuity = |begin_bron: &str| {
        Detail::StockDiscontinuity(Box::new(StockDiscontinuity {
            end: fig("cbs-2023", 29070.0),
            end_period: p("2022"),
            ends_on: Day::last_of(&p("2022")),
            begin: fig(begin_bron, 29115.0),
            begin_period: p("2023"),
            begins_on: Day::first_of(&p("2023")),
            residual: 45.0,
            rel: Some(0.0015),
        }))
    };
    vec![
        ("gap", missing(Absence::Gap)),
        ("incomplete", missing(incomplete.clone())),
        ("unknown", missing(Absence::Unknown(vec![p("2023-07")]))),
        ("not yet", missing(Absence::NotYet("3 maanden".into()))),
        (
            "mixed units",
            missing(Absence::MixedUnits("euro".into(), "x 1.000 euro".into())),
        ),
        ("equal", compared((false, false), Outcome::Equal)),
        (
            "rounding",
            compared((false, false), Outcome::WithinRounding { base: 5.0 }),
        ),
        (
            "trend break",
            compared(
                (false, true),
                Outcome::TrendBreak {
                    diff,
                    rel,
                    brk: brk.clone(),
                },
            ),
        ),
        (
            "vintage",
            compared((true, false), Outcome::Vintage { diff, rel }),
        ),
        (
            "above",
            compared(
                (false, false),
                Outcome::AboveThreshold {
                    diff,
                    rel,
                    threshold: 0.05,
                    lag: Some(LagNote {
                        granularity: Granularity::Quarter,
                        periods: 1,
                        lagging: "cbs".into(),
                        lag: Some("1 kwartaal".into()),
                        shifted: 0.0123,
                    }),
                    scope: None,
                },
            ),
        ),
        (
            "above, best shift",
            compared(
                (false, false),
                Outcome::AboveThreshold {
                    diff,
                    rel,
                    threshold: 0.05,
                    lag: Some(LagNote {
                        granularity: Granularity::Month,
                        periods: 2,
                        lagging: "gemeente".into(),
                        lag: None,
                        shifted: 0.031,
                    }),
                    scope: None,
                },
            ),
        ),
        (
            "definition",
            compared(
                (false, false),
                Outcome::Definition {
                    diff,
                    rel,
                    threshold: 0.05,
                    scope: Box::new(scope(Some(0.012))),
                },
            ),
        ),
        (
            "above, definitions",
            compared(
                (false, true),
                Outcome::AboveThreshold {
                    diff,
                    rel,
                    threshold: 0.05,
                    lag: None,
                    scope: Some(Box::new(ScopeNote {
                        level: None,
                        lag: None,
                        ..scope(None)
                    })),
                },
            ),
        ),
        (
            "lag",
            compared(
                (false, false),
                Outcome::Lag {
                    diff: -diff,
                    rel: rel.map(|r| -r),
                    threshold: 0.05,
                    lag: LagNote {
                        granularity: Granularity::Month,
                        periods: 2,
                        lagging: "gemeente".into(),
                        lag: Some("ca. 2 maanden".into()),
                        shifted: 0.012,
                    },
                },
            ),
        ),
        (
            "within",
            compared(
                (true, false),
                Outcome::WithinThreshold {
                    diff,
                    rel: None,
                    threshold: 0.1,
                },
            ),
        ),
        ("units", units(Some(conv(false, true, None)), None)),
        (
            "units above, populations",
            units(
                Some(conv(false, false, Some(("a".into(), "b".into())))),
                Some(brk.clone()),
            ),
        ),
        ("units equal", units(Some(conv(true, true, None)), None)),
        ("units apart", units(None, None)),
        (
            "unit change",
            Detail::UnitChange(Box::new(UnitChange {
                bron: "aanbieders".into(),
                before: "euro".into(),
                last_before: p("2021-12"),
                after: "x 1.000 euro".into(),
                first_after: p("2022-01"),
                example: Some(euros.clone()),
                breaks: vec!["Andere eenheid.".into()],
            })),
        ),
        (
            "budget",
            Detail::Budget(Box::new(Budget {
                planned: fig("begroting", 1_250_000.0),
                unit: "euro".into(),
                realised: fig("aanbieders", 9_406_000.0),
                summed: Some((12, Granularity::Month)),
                converted: Some(euros),
                diff: 8_156_000.0,
                rel: Some(6.5248),
            })),
        ),
        (
            "budget less",
            Detail::Budget(Box::new(Budget {
                planned: fig("begroting", 1500.0),
                unit: "cliënten".into(),
                realised: fig("gemeente", 1450.0),
                summed: None,
                converted: None,
                diff: -50.0,
                rel: Some(-0.0333),
            })),
        ),
        (
            "budget units",
            Detail::BudgetUnits(Box::new(BudgetUnits {
                planned: fig("begroting", 1500.0),
                planned_unit: "euro".into(),
                realised: fig("aanbieders", 1450.0),
                realised_unit: "uren".into(),
            })),
        ),
        ("budget gap", budget_missing(Absence::Gap)),
        ("budget incomplete", budget_missing(incomplete)),
        (
            "budget unknown",
            budget_missing(Absence::Unknown(vec![p("2023-07")])),
        ),
        (
            "budget not yet",
            budget_missing(Absence::NotYet("3 maanden".into())),
        ),
        (
            "budget mixed",
            budget_missing(Absence::MixedUnits("euro".into(), "uren".into())),
        ),
        (
            "parts",
            Detail::Parts(Parts {
                count: 7,
                dim: PartsDim::Wijk,
                sum: 1072.0,
                total: fig("gemeente", 1076.0),
                diff: -4.0,
                rel: Some(-0.0037),
            }),
        ),
        (
            "parts providers",
            Detail::Parts(Parts {
                count: 2,
                dim: PartsDim::Aanbieder,
                sum: 80.0,
                total: fig("gemeente", 76.0),
                diff: 4.0,
                rel: None,
            }),
        ),
        (
            "stock flow",
            stock_flow(Stocks::BeginEnd { period: p("2023") }, None),
        ),
        (
            "running stock",
            stock_flow(
                Stocks::Running {
                    previous: p("2022-12"),
                    period: p("2023-01"),
                },
                Some(brk),
            ),
        ),
        ("stock revised", discontinuity("cbs-2024")),
        ("stock within one source", discontinuity("cbs-2023")),
        (
            "break jump",
            Detail::BreakJump(Box::new(BreakJump {
                brk: BreakNote {
                    bron: "cbs".into(),
                    period: p("2021-H1"),
                    description: "Nieuwe definitie.".into(),
                },
                before: (p("2020-H2"), 8425.0),
                after: (p("2021-H1"), 9180.5),
                jump: 0.0896,
                usual: 0.0115,
                granularity: Granularity::HalfYear,
            })),
        ),
        (
            "part of",
            Detail::PartOf(Box::new(PartOf {
                total_indicator: "total_x".into(),
                total: fig("gemeente", 1000.0),
                parts: vec![("part_a".into(), 1200.5)],
                sum: 1200.5,
                diff: 200.5,
                rel: Some(0.2005),
            })),
        ),
        (
            "parts of",
            Detail::PartOf(Box::new(PartOf {
                total_indicator: "total_x".into(),
                total: fig("gemeente", 1000.0),
                parts: vec![("part_a".into(), 600.0), ("part_b".into(), 500.0)],
                sum: 1100.0,
                diff: 100.0,
                rel: Some(0.1),
            })),
        ),
        (
            "direction",
            Detail::Direction(Box::new(Direction {
                from: p("2020"),
                to: p("2023"),
                reference: Change {
                    bron: "gemeente".into(),
                    unit: "cliënten".into(),
                    first: 1000.0,
                    last: 1300.0,
                    rel: Some(0.3),
                },
                other: Change {
                    bron: "cbs".into(),
                    unit: "uren".into(),
                    first: 12000.0,
                    last: 11000.0,
                    rel: Some(-1.0 / 12.0),
                },
                same: false,
            })),
        ),
    ]
}

#[test]
fn english_details_are_english_with_english_numbers() {
    let en = texts(Lang::En);
    // Words that only a Dutch sentence has.
    let dutch = [
        " tegen ",
        "verschil ",
        "ontbreekt",
        "drempel",
        "begroot",
        "gelijk",
        "eenheid",
        "voorlopig",
        "definitief",
        "stand ",
        "instroom",
        "omrekening",
        " en ",
        "geeft",
        "maanden",
        "wijken",
    ];
    for (name, d) in detail_samples() {
        let text = en.detail(&d);
        assert_ne!(text, texts(Lang::Nl).detail(&d), "{name}");
        for word in dutch {
            // Data keep their words: the sample's break descriptions and units are Dutch.
            let without_data = text
                .replace("Nieuwe definitie.", "")
                .replace("Andere eenheid.", "")
                .replace("per 10.000 inwoners", "")
                .replace("per 1.000 inwoners", "")
                .replace("1 kwartaal", "")
                .replace("3 maanden", "")
                .replace("ca. 2 maanden", "")
                .replace("Cliënten met pgb", "");
            assert!(!without_data.contains(word), "{name}: {word:?} in {text}");
        }
    }
    let samples: std::collections::BTreeMap<_, _> = detail_samples().into_iter().collect();
    assert_eq!(
        en.detail(&samples["above"]),
        "9,064 (gemeente) against 9,690.25 (cbs): difference 626.25 (6.9%), above the \
threshold of 5%; shifted by one quarter (cbs lags behind; delay: 1 kwartaal) the difference is 1.2%"
    );
    assert_eq!(
        texts(Lang::Nl).detail(&samples["above"]),
        "9.064 (gemeente) tegen 9.690,25 (cbs): verschil 626,25 (6,9%), boven de drempel van \
5%; één kwartaal verschoven (cbs loopt achter; vertraging: 1 kwartaal) is het verschil 1,2%"
    );
    assert_eq!(
        en.detail(&samples["lag"]),
        "9,064 (gemeente) against 9,690.25 (cbs): difference 626.25 (6.9%); shifted by 2 \
months (gemeente lags behind; delay: ca. 2 maanden) the difference is 1.2%, within the threshold of 5%"
    );
    assert_eq!(
        texts(Lang::Nl).detail(&samples["lag"]),
        "9.064 (gemeente) tegen 9.690,25 (cbs): verschil 626,25 (6,9%); 2 maanden verschoven \
(gemeente loopt achter; vertraging: ca. 2 maanden) is het verschil 1,2%, binnen de drempel van 5%"
    );
    assert_eq!(
        texts(Lang::Nl).detail(&samples["above, best shift"]),
        "9.064 (gemeente) tegen 9.690,25 (cbs): verschil 626,25 (6,9%), boven de drempel van \
5%; 2 maanden verschoven (gemeente loopt achter; geen vertraging opgegeven, best passende \
verschuiving) is het verschil 3,1%"
    );
    assert_eq!(
        texts(Lang::Nl).detail(&samples["definition"]),
        "9.064 (gemeente) tegen 9.690,25 (cbs): verschil 626,25 (6,9%); andere \
definitie/populatie (gemeente: definitie van de indicator, populatie 'zonder pgb'; cbs: definitie \
'Cliënten met pgb', populatie 'met pgb'); gewoonlijk verschilt cbs +5,5% van gemeente, één maand \
verschoven (cbs loopt achter; vertraging: 6 weken); daarna blijft 1,2%, binnen de drempel van 5%"
    );
    assert_eq!(
        en.detail(&samples["definition"]),
        "9,064 (gemeente) against 9,690.25 (cbs): difference 626.25 (6.9%); other \
definition/population (gemeente: the indicator's definition, population 'zonder pgb'; cbs: \
definition 'Cliënten met pgb', population 'met pgb'); cbs usually differs +5.5% from gemeente, \
shifted by one month (cbs lags behind; delay: 6 weken); after that 1.2% remains, within the \
threshold of 5%"
    );
    assert_eq!(
        en.detail(&samples["above, definitions"]),
        "9,064 (gemeente) against 9,690.25 (cbs): difference 626.25 (6.9%), above the threshold \
of 5%; note: cbs is provisional; other definition/population (gemeente: the indicator's \
definition, population 'zonder pgb'; cbs: definition 'Cliënten met pgb', population 'met pgb'); \
too few periods in common for a usual level difference"
    );
    assert_eq!(
        en.detail(&samples["stock revised"]),
        "closing stock 31 December 2022 29,070 (cbs-2023, 2022) against starting stock \
1 January 2023 29,115 (cbs-2024, 2023): 45 higher (0.2%); revised between the publications"
    );
    assert_eq!(
        en.detail(&samples["break jump"]),
        "jump across the break +9.0% against a usual ±1.2% per half year: cbs from 8,425 \
(2020-H2) to 9,180.5 (2021-H1); break from 2021-H1: Nieuwe definitie."
    );
    assert_eq!(
        texts(Lang::Nl).detail(&samples["break jump"]),
        "sprong over de breuk +9,0% tegen gewoonlijk ±1,2% per halfjaar: cbs van 8.425 \
(2020-H2) naar 9.180,5 (2021-H1); breuk vanaf 2021-H1: Nieuwe definitie."
    );
    assert_eq!(
        en.detail(&samples["parts of"]),
        "parts part_a 600 + part_b 500 = 1,100 together larger than total total_x 1,000 \
(gemeente): 100 more (10%)"
    );
    assert_eq!(
        en.detail(&samples["direction"]),
        "units do not convert ('cliënten' versus 'uren'); from 2020 to 2023: gemeente +30.0% \
(1,000 to 1,300 cliënten), cbs -8.3% (12,000 to 11,000 uren): opposite direction"
    );
    assert_eq!(
        texts(Lang::Nl).detail(&samples["direction"]),
        "eenheden niet om te rekenen ('cliënten' tegen 'uren'); van 2020 tot 2023: gemeente \
+30,0% (1.000 naar 1.300 cliënten), cbs -8,3% (12.000 naar 11.000 uren): andere richting"
    );
    assert_eq!(
        en.detail(&samples["unit change"]),
        "unit changes within aanbieders: 'euro' up to 2021-12, 'x 1.000 euro' from 2022-01; \
9,406 x 1,000 euro = 9,406,000 euro; recorded break: Andere eenheid."
    );
}

#[test]
fn the_source_line_names_who_the_source_counts() {
    let s = crate::model::SourceMeta {
        id: "a".into(),
        naam: "A".into(),
        vertraging: "6 weken".into(),
        populatie: "met pgb".into(),
        ..Default::default()
    };
    assert_eq!(
        texts(Lang::Nl).source_meta_line(&s),
        "  A · vertraging: 6 weken · populatie: met pgb"
    );
    assert_eq!(
        texts(Lang::En).source_meta_line(&s),
        "  A · delay: 6 weken · population: met pgb"
    );
}
