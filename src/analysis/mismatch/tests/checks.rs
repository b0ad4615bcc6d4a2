//! The differences found within one source or across indicators (issue 10 item 9): a jump
//! across a recorded break, parts declared with `deel_van`, budget by the source's `rol`, and
//! direction in units that do not convert. Each with a synthetic case and one without.

use super::*;

fn halves(from_year: i32, values: &[f64]) -> Vec<(String, Option<f64>)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let year = from_year + (i / 2) as i32;
            (format!("{year}-H{}", i % 2 + 1), Some(*v))
        })
        .collect()
}

fn years(from_year: i32, values: &[f64]) -> Vec<(String, Option<f64>)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| ((from_year + i as i32).to_string(), Some(*v)))
        .collect()
}

// ---- a trend break within one source --------------------------------------------------------

/// One source, half-yearly, about 1% change per half year, +6,2% across 2023-H1.
fn jump_series(with_break: bool, after: f64) -> Dataset {
    let k = key("jeugd", "instroom", "cbs");
    // 2020-H1 … 2022-H2, then 2023-H1 and 2023-H2.
    let values = [
        1010.0,
        1000.0,
        1012.0,
        1000.0,
        1010.0,
        1000.0,
        after,
        after + 10.0,
    ];
    let fx = Fx::new().add(k, halves(2020, &values));
    let fx = if with_break {
        fx.brk("2023-H1", Some("jeugd"), Some("cbs"), "nieuwe telwijze")
    } else {
        fx
    };
    fx.build()
}

#[test]
fn a_jump_across_a_recorded_break_is_named_against_the_usual_change() {
    let ms = all(&jump_series(true, 1062.0));
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::TrendBreak);
    assert_eq!(m.period, p("2023-H1"));
    assert_eq!(m.sources, vec!["cbs".to_string()]);
    assert_eq!(m.diff, Some(62.0));
    let Detail::BreakJump(j) = &m.detail else {
        panic!("{:?}", m.detail);
    };
    assert!((j.jump - 0.062).abs() < 1e-9);
    // The usual change: the upper median of the six changes without the break, 1000 → 1010.
    assert!((j.usual - 0.01).abs() < 1e-9, "{}", j.usual);
    assert_eq!(
        text(&m.detail),
        "sprong over de breuk +6,2% tegen gewoonlijk ±1% per halfjaar: cbs van 1.000 \
         (2022-H2) naar 1.062 (2023-H1); breuk vanaf 2023-H1: nieuwe telwijze"
    );
    // The same figures without a recorded break, or a jump like the usual change: nothing.
    assert!(all(&jump_series(false, 1062.0)).is_empty());
    assert!(all(&jump_series(true, 1011.0)).is_empty());
}

#[test]
fn a_jump_needs_a_usual_change_to_compare_with() {
    // Two periods only: no usual change, so no claim.
    let k = key("jeugd", "instroom", "cbs");
    let ds = Fx::new()
        .add(k, halves(2022, &[1000.0, 1200.0]))
        .brk("2022-H2", None, Some("cbs"), "nieuwe telwijze")
        .build();
    assert!(all(&ds).is_empty());
}

// ---- total versus part across indicators ----------------------------------------------------

fn part_of(total: f64, parts: &[(&str, f64)]) -> Dataset {
    let mut fx = Fx::new().indicator("jeugd", "instroom", Soort::Stroom, "cliënten");
    for (id, _) in parts {
        fx = fx.indicator("jeugd", id, Soort::Stroom, "cliënten");
        let m = fx.meta.indicatoren.last_mut().unwrap();
        m.deel_van = Some("instroom".into());
    }
    fx = fx.add(key("jeugd", "instroom", "reg"), years(2022, &[total]));
    for (id, v) in parts {
        fx = fx.add(key("jeugd", id, "reg"), years(2022, &[*v]));
    }
    fx.build()
}

#[test]
fn a_part_above_its_total_is_named() {
    let ms = all(&part_of(100.0, &[("instroom_jb", 120.0)]));
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::PartsNotSumToTotal);
    assert_eq!(m.indicator, "instroom");
    assert_eq!(m.diff, Some(20.0));
    assert_eq!(
        text(&m.detail),
        "deel instroom_jb 120 groter dan totaal instroom 100 (reg): 20 meer (20%)"
    );
    // A part below its total is normal.
    assert!(all(&part_of(100.0, &[("instroom_jb", 80.0)])).is_empty());
}

#[test]
fn declared_parts_together_above_the_total_are_named() {
    let ms = all(&part_of(
        100.0,
        &[("instroom_jb", 60.0), ("instroom_pgb", 50.0)],
    ));
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].kind, MismatchKind::PartsNotSumToTotal);
    assert_eq!(ms[0].diff, Some(10.0));
    assert_eq!(
        text(&ms[0].detail),
        "delen instroom_jb 60 + instroom_pgb 50 = 110 samen groter dan totaal instroom 100 \
         (reg): 10 meer (10%)"
    );
    assert!(
        all(&part_of(
            100.0,
            &[("instroom_jb", 60.0), ("instroom_pgb", 30.0)]
        ))
        .is_empty()
    );
    // Found from either indicator.
    let ds = part_of(100.0, &[("instroom_jb", 60.0), ("instroom_pgb", 50.0)]);
    for ind in ["instroom", "instroom_pgb"] {
        let ms = detect_indicator(&ds, "jeugd", ind, &Settings::default());
        assert_eq!(ms.len(), 1, "{ind}");
    }
}

#[test]
fn a_part_of_another_soort_is_not_added_to_the_total() {
    let mut ds = part_of(100.0, &[("instroom_jb", 120.0)]);
    ds.meta.indicatoren[1].soort = Soort::Ratio;
    assert!(all(&ds).is_empty());
}

#[test]
fn parts_are_checked_per_source() {
    // The part comes from another source than the total: no claim across sources.
    let ds = Fx::new()
        .indicator("jeugd", "instroom", Soort::Stroom, "cliënten")
        .indicator("jeugd", "instroom_jb", Soort::Stroom, "cliënten")
        .add(key("jeugd", "instroom", "reg"), years(2022, &[100.0]))
        .add(key("jeugd", "instroom_jb", "cbs"), years(2022, &[120.0]));
    let mut ds = ds;
    ds.meta.indicatoren[1].deel_van = Some("instroom".into());
    assert!(all(&ds.build()).is_empty());
}

// ---- budget versus realisation by the source's role -----------------------------------------

fn budget_by_role(role: Option<&str>) -> Dataset {
    Fx::new()
        .indicator("wmo", "kosten", Soort::Stroom, "euro")
        .source("plan", |s| s.rol = role.map(Into::into))
        .add(key("wmo", "kosten", "plan"), years(2022, &[1000.0]))
        .add(key("wmo", "kosten", "zorgadm"), years(2022, &[1200.0]))
        .build()
}

#[test]
fn a_source_with_role_begroting_is_budget_against_realisation() {
    let ms = all(&budget_by_role(Some("begroting")));
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::BudgetVsRealisation);
    assert_eq!(m.reference.as_deref(), Some("plan"));
    assert_eq!(m.diff, Some(200.0));
    assert!(
        text(&m.detail).contains("meer gerealiseerd dan begroot"),
        "{}",
        text(&m.detail)
    );
    // Without the role the two are two measurements that differ.
    let ms = all(&budget_by_role(None));
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::Unexplained);
    // A source that says it is a realisation is the same as one that says nothing.
    let ms = all(&budget_by_role(Some("realisatie")));
    assert_eq!(ms[0].kind, MismatchKind::Unexplained);
}

#[test]
fn the_comparison_table_shows_a_begroting_as_budget_not_as_a_cell_difference() {
    let ds = budget_by_role(Some("begroting"));
    let c = compare(&ds, "wmo", "kosten", None, None);
    // The measurement is the reference, though the budget comes first by name.
    assert_eq!(c.reference.as_deref(), Some("zorgadm"));
    assert_eq!(c.rows.len(), 1);
    let row = &c.rows[0];
    assert_eq!(row.kinds, vec![MismatchKind::BudgetVsRealisation]);
    assert!(row.cells.iter().all(|cell| cell.kind.is_none()));
    // Without the role the cell names the difference.
    let c = compare(&budget_by_role(None), "wmo", "kosten", None, None);
    assert_eq!(c.rows[0].kinds, vec![MismatchKind::Unexplained]);
}

#[test]
fn the_comparison_table_shows_a_jump_and_a_part_above_its_total() {
    let c = compare(&jump_series(true, 1062.0), "jeugd", "instroom", None, None);
    let row = c.rows.iter().find(|r| r.period == p("2023-H1")).unwrap();
    assert_eq!(row.kinds, vec![MismatchKind::TrendBreak]);
    let ds = part_of(100.0, &[("instroom_jb", 120.0)]);
    let c = compare(&ds, "jeugd", "instroom", None, None);
    assert_eq!(c.rows[0].kinds, vec![MismatchKind::PartsNotSumToTotal]);
}

// ---- same direction, other unit -------------------------------------------------------------

fn other_unit(b: &[f64]) -> Dataset {
    Fx::new()
        .indicator("wmo", "hulp", Soort::Stroom, "cliënten")
        .unit_for("wmo", "hulp", "uren", "uren")
        .add(
            key("wmo", "hulp", "reg"),
            years(2020, &[100.0, 110.0, 120.0, 130.0]),
        )
        .add(key("wmo", "hulp", "uren"), years(2020, b))
        .build()
}

#[test]
fn units_that_do_not_convert_are_compared_once_on_direction() {
    let ms = all(&other_unit(&[1000.0, 1050.0, 1100.0, 1200.0]));
    // One comparison for the pair, not a unit difference per year.
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let m = &ms[0];
    assert_eq!(m.kind, MismatchKind::Direction);
    assert_eq!(m.kind.dutch(), "richting");
    assert_eq!(m.kind.key(), "richting");
    assert_eq!(m.period, p("2023"));
    assert_eq!(m.sources, vec!["reg".to_string(), "uren".to_string()]);
    let Detail::Direction(d) = &m.detail else {
        panic!("{:?}", m.detail);
    };
    assert!(d.same);
    assert_eq!((d.from, d.to), (p("2020"), p("2023")));
    assert_eq!(
        text(&m.detail),
        "eenheden niet om te rekenen ('cliënten' tegen 'uren'); van 2020 tot 2023: reg +30,0% \
         (100 naar 130 cliënten), uren +20,0% (1.000 naar 1.200 uren): zelfde richting"
    );
    let ms = all(&other_unit(&[1000.0, 950.0, 900.0, 800.0]));
    assert_eq!(ms.len(), 1);
    assert!(text(&ms[0].detail).ends_with("uren -20,0% (1.000 naar 800 uren): andere richting"));
}

#[test]
fn one_period_in_units_that_do_not_convert_stays_a_unit_difference() {
    let ds = Fx::new()
        .indicator("wmo", "hulp", Soort::Stroom, "cliënten")
        .unit_for("wmo", "hulp", "uren", "uren")
        .add(key("wmo", "hulp", "reg"), years(2020, &[100.0]))
        .add(key("wmo", "hulp", "uren"), years(2020, &[1000.0]))
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, MismatchKind::Unit);
}

#[test]
fn units_that_convert_are_still_compared_per_period() {
    let ds = Fx::new()
        .indicator("wmo", "kosten", Soort::Stroom, "euro")
        .unit_for("wmo", "kosten", "b", "x 1.000 euro")
        .add(key("wmo", "kosten", "a"), years(2020, &[1000.0, 2000.0]))
        .add(key("wmo", "kosten", "b"), years(2020, &[1.5, 3.0]))
        .build();
    let ms = all(&ds);
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert!(ms.iter().all(|m| m.kind == MismatchKind::Unit));
}
