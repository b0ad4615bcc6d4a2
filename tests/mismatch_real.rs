//! The named differences in the sample dataset `datasets/voorbeeld`: the real published cases
//! (CBS, BBV) and the deliberate synthetic ones are found with the right kind, and identities
//! that hold raise nothing.

use duiden::analysis::mismatch::{
    Detail, Mismatch, MismatchKind, Settings, compare, detect, detect_indicator,
};
use duiden::model::{Dataset, Granularity, Period};
use std::path::Path;
use std::sync::OnceLock;

fn sample() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
        duiden::load::load_dataset(&dir).unwrap_or_else(|e| panic!("voorbeeld laadt niet:\n{e}"))
    })
}

fn all() -> &'static [Mismatch] {
    static MS: OnceLock<Vec<Mismatch>> = OnceLock::new();
    MS.get_or_init(|| detect(sample(), &Settings::default()))
}

/// A detail in the words of `duiden verschillen`.
fn text(d: &Detail) -> String {
    duiden::report::describe_detail(d)
}

fn p(text: &str) -> Period {
    Period::parse(text).unwrap().0
}

/// The mismatches of one (domein, indicator, period).
fn at(domein: &str, indicator: &str, period: &str) -> Vec<&'static Mismatch> {
    all()
        .iter()
        .filter(|m| m.domein == domein && m.indicator == indicator && m.period == p(period))
        .collect()
}

/// Exactly one mismatch of `kind` there, involving all of `sources`.
fn one(
    kind: MismatchKind,
    domein: &str,
    indicator: &str,
    period: &str,
    sources: &[&str],
) -> &'static Mismatch {
    let found: Vec<_> = at(domein, indicator, period)
        .into_iter()
        .filter(|m| m.kind == kind && sources.iter().all(|s| m.sources.iter().any(|x| x == s)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{kind:?} {domein}/{indicator} {period} {sources:?}; gevonden daar: {:#?}",
        at(domein, indicator, period)
    );
    found[0]
}

fn value(m: &Mismatch, label: &str) -> Option<f64> {
    m.values
        .iter()
        .find(|(l, _)| l == label)
        .and_then(|(_, v)| *v)
}

#[test]
fn rounding_9064_against_9065() {
    let m = one(
        MismatchKind::WithinRounding,
        "jeugd",
        "jeugdbescherming_instroom",
        "2022",
        &["cbs-jbjr-2022", "cbs-jbjr-2022-tabel"],
    );
    assert_eq!(value(m, "cbs-jbjr-2022"), Some(9064.0));
    assert_eq!(value(m, "cbs-jbjr-2022-tabel"), Some(9065.0));
    assert!(
        text(&m.detail).contains(
            "9.064 (cbs-jbjr-2022) tegen 9.065 (cbs-jbjr-2022-tabel): binnen afronding op 5"
        ),
        "{}",
        text(&m.detail)
    );
    // The same in the uitstroom: 11.954 against 11.955.
    one(
        MismatchKind::WithinRounding,
        "jeugd",
        "jeugdbescherming_uitstroom",
        "2022",
        &["cbs-jbjr-2022", "cbs-jbjr-2022-tabel"],
    );
}

#[test]
fn vintage_12965_against_12980() {
    let m = one(
        MismatchKind::Vintage,
        "jeugd",
        "jeugdbescherming_instroom",
        "2019",
        &["cbs-jb-2019", "cbs-jbjr-2022"],
    );
    assert_eq!(value(m, "cbs-jb-2019"), Some(12965.0));
    assert_eq!(value(m, "cbs-jbjr-2022"), Some(12980.0));
    // Signed, against the reference (the final 12.980): the provisional figure is 15 lower.
    assert_eq!(m.reference.as_deref(), Some("cbs-jbjr-2022"));
    assert_eq!(m.diff, Some(-15.0));
    assert!(text(&m.detail).contains("voorlopig") && text(&m.detail).contains("definitief"));
}

#[test]
fn stock_discontinuity_29070_against_29115() {
    let m = one(
        MismatchKind::StockDiscontinuity,
        "jeugd",
        "jeugdbescherming_stand_begin",
        "2023-H1",
        &["cbs-jbjr-2022-tabel", "cbs-jbjr-2023h1-tabel"],
    );
    assert_eq!(value(m, "cbs-jbjr-2022-tabel"), Some(29070.0));
    assert_eq!(value(m, "cbs-jbjr-2023h1-tabel"), Some(29115.0));
    assert_eq!(m.diff, Some(45.0));
    assert!(
        text(&m.detail).contains("31-12-2022") && text(&m.detail).contains("1-1-2023"),
        "{}",
        text(&m.detail)
    );
}

#[test]
fn unit_10_per_1000_against_100_2_per_10000() {
    let m = one(
        MismatchKind::Unit,
        "participatie",
        "re_integratievoorzieningen",
        "2018",
        &["bbv-begroting-2020", "bbv-begroting-2021"],
    );
    assert_eq!(value(m, "bbv-begroting-2020"), Some(10.0));
    assert_eq!(value(m, "bbv-begroting-2021"), Some(100.2));
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
    // After conversion 10,02 against 10: 0,2%.
    assert!((m.rel_diff.unwrap() - 0.002).abs() < 1e-9);
}

#[test]
fn unit_change_within_the_providers_kosten() {
    for domein in ["jeugd", "wmo", "participatie"] {
        let m = all()
            .iter()
            .find(|m| {
                m.kind == MismatchKind::Unit
                    && m.domein == domein
                    && m.indicator == "kosten"
                    && m.sources == ["aanbieders-maandrapportage"]
            })
            .unwrap_or_else(|| panic!("eenheidswissel {domein}"));
        assert_eq!(m.period, p("2022-01"));
        assert!(text(&m.detail).contains("'euro' t/m 2021-12, 'x 1.000 euro' vanaf 2022-01"));
    }
}

#[test]
fn providers_jeugd_2023_07_missing() {
    for indicator in ["instroom", "uitstroom", "stand", "kosten"] {
        let m = one(
            MismatchKind::MissingPeriod,
            "jeugd",
            indicator,
            "2023-07",
            &["aanbieders-maandrapportage"],
        );
        assert_eq!(value(m, "aanbieders-maandrapportage"), None);
        assert_eq!((m.diff, m.rel_diff), (None, None));
        assert!(
            text(&m.detail).contains("ontbreekt bij aanbieders-maandrapportage"),
            "{}",
            text(&m.detail)
        );
    }
    // Other domains are delivered completely: no missing month there.
    assert!(
        all()
            .iter()
            .filter(|m| m.kind == MismatchKind::MissingPeriod && m.domein == "wmo")
            .all(|m| m.period == p("2019-H1")),
        "only the '.' of CBS wmo uitstroom 2019-H1"
    );
}

#[test]
fn cbs_dot_is_unknown_not_zero() {
    let m = one(
        MismatchKind::MissingPeriod,
        "wmo",
        "uitstroom",
        "2019-H1",
        &["cbs-beleidsinformatie"],
    );
    assert_eq!(value(m, "cbs-beleidsinformatie"), None);
    assert!(
        text(&m.detail).contains("onbekend, niet nul"),
        "{}",
        text(&m.detail)
    );
}

#[test]
fn wijken_do_not_add_up_in_2022_03_only() {
    let parts: Vec<_> = all()
        .iter()
        .filter(|m| m.kind == MismatchKind::PartsNotSumToTotal)
        .collect();
    assert_eq!(parts.len(), 1, "{parts:#?}");
    let m = parts[0];
    assert_eq!(
        (m.domein.as_str(), m.indicator.as_str(), m.period),
        ("jeugd", "instroom", p("2022-03"))
    );
    assert_eq!(m.sources, ["gemeente-registratie"]);
    assert_eq!(value(m, "totaal"), Some(341.0));
    assert_eq!(value(m, "som van 7 wijken"), Some(337.0));
    // The stadsdelen sum to 4 less than the total: the sign says which way.
    assert_eq!(m.diff, Some(-4.0));
}

#[test]
fn cbs_trend_break_from_2021_h1() {
    let m = one(
        MismatchKind::TrendBreak,
        "jeugd",
        "instroom",
        "2021-H1",
        &["cbs-beleidsinformatie"],
    );
    assert!(
        text(&m.detail).contains("Vanaf 2021 telt CBS ook jeugdhulpaanbieders mee"),
        "{}",
        text(&m.detail)
    );
    assert!(
        text(&m.detail).contains("vanaf 2021-H1"),
        "{}",
        text(&m.detail)
    );
    // Before the break a difference with CBS is not put on the break.
    assert!(
        at("jeugd", "instroom", "2020-H2")
            .iter()
            .all(|m| m.kind != MismatchKind::TrendBreak)
    );
    // The break is for jeugd only.
    assert!(
        all()
            .iter()
            .filter(|m| m.kind == MismatchKind::TrendBreak)
            .all(|m| m.domein == "jeugd")
    );
}

#[test]
fn kosten_begroot_against_kosten() {
    for domein in ["jeugd", "wmo", "participatie"] {
        let m = one(
            MismatchKind::BudgetVsRealisation,
            domein,
            "kosten",
            "2022",
            &["gemeente-begroting", "gemeente-registratie"],
        );
        assert!(
            text(&m.detail).contains("som van 12 maanden"),
            "{}",
            text(&m.detail)
        );
        // The providers' report in x 1.000 euro is converted before comparing.
        let a = one(
            MismatchKind::BudgetVsRealisation,
            domein,
            "kosten",
            "2022",
            &["gemeente-begroting", "aanbieders-maandrapportage"],
        );
        assert!(
            text(&a.detail).contains("x 1.000 euro ="),
            "{}",
            text(&a.detail)
        );
        assert!(
            a.rel_diff.unwrap() < 0.5,
            "converted, not off by 1000: {}",
            text(&a.detail)
        );
    }
    // jeugd 2023 cannot be compared for the providers: a month is missing.
    one(
        MismatchKind::MissingPeriod,
        "jeugd",
        "kosten",
        "2023",
        &["gemeente-begroting", "aanbieders-maandrapportage"],
    );
}

#[test]
fn stock_flow_identities_that_hold_are_not_flagged() {
    let stock_flow = |bron: &str| {
        all()
            .iter()
            .filter(|m| m.kind == MismatchKind::StockFlow && m.sources.iter().any(|s| s == bron))
            .count()
    };
    // 31.960 + 9.065 − 11.955 = 29.070 and 29.115 + 4.470 − 5.625 = 27.960.
    assert_eq!(stock_flow("cbs-jbjr-2022-tabel"), 0);
    assert_eq!(stock_flow("cbs-jbjr-2023h1-tabel"), 0);
    // The municipal registration closes exactly: stand = vorige stand + instroom − uitstroom.
    assert_eq!(stock_flow("gemeente-registratie"), 0);
    // The providers' stand has its own reference date, so it does not close: that is named.
    assert!(stock_flow("aanbieders-maandrapportage") > 0);
}

#[test]
fn sorted_largest_first_and_filtered_per_indicator() {
    let ms = all();
    // Largest first by size, whatever the sign; and both signs occur.
    let rels: Vec<f64> = ms.iter().map_while(|m| m.rel_diff).collect();
    assert!(rels.windows(2).all(|w| w[0].abs() >= w[1].abs()));
    assert!(rels.iter().any(|r| *r < 0.0) && rels.iter().any(|r| *r > 0.0));
    assert!(ms.iter().skip(rels.len()).all(|m| m.rel_diff.is_none()));

    let ds = sample();
    let only = detect_indicator(
        ds,
        "jeugd",
        "jeugdbescherming_instroom",
        &Settings::default(),
    );
    let own: Vec<_> = only
        .iter()
        .filter(|m| m.indicator == "jeugdbescherming_instroom")
        .collect();
    assert_eq!(
        own.len(),
        ms.iter()
            .filter(|m| m.domein == "jeugd" && m.indicator == "jeugdbescherming_instroom")
            .count()
    );
    // Besides its own, the stock checks the instroom takes part in (here the discontinuity).
    assert!(only.iter().all(|m| {
        m.indicator == "jeugdbescherming_instroom"
            || (m.indicator.starts_with("jeugdbescherming_stand")
                && matches!(
                    m.kind,
                    MismatchKind::StockFlow | MismatchKind::StockDiscontinuity
                ))
    }));
    let wmo = detect_indicator(ds, "wmo", "uitstroom", &Settings::default());
    assert!(wmo.iter().all(|m| m.domein == "wmo"));
}

#[test]
fn comparison_table_of_jeugd_instroom() {
    let c = compare(sample(), "jeugd", "instroom", None, None);
    assert_eq!(c.granularity, Granularity::HalfYear);
    assert_eq!(c.reference.as_deref(), Some("gemeente-registratie"));
    assert_eq!(c.columns.len(), 3, "stadsdelen are not columns");
    let h2 = c.rows.iter().find(|r| r.period == p("2023-H2")).unwrap();
    let col = c
        .columns
        .iter()
        .position(|c| c.bron == "aanbieders-maandrapportage")
        .unwrap();
    let cell = &h2.cells[col];
    assert_eq!(
        (cell.value, cell.complete, cell.present, cell.needed),
        (None, false, 5, 6)
    );
    assert_eq!(cell.kind, Some(MismatchKind::MissingPeriod));
    let h1 = c.rows.iter().find(|r| r.period == p("2022-H1")).unwrap();
    assert!(h1.kinds.contains(&MismatchKind::PartsNotSumToTotal));
    assert!(h1.kinds.contains(&MismatchKind::TrendBreak));

    // The real CBS figures, yearly: the first-half-year series cannot make years and is shown as
    // incomplete, never compared.
    let c = compare(sample(), "jeugd", "jeugdbescherming_instroom", None, None);
    assert_eq!(c.granularity, Granularity::Year);
    assert_eq!(c.reference.as_deref(), Some("cbs-jbjr-2022"));
    let y2019 = c.rows.iter().find(|r| r.period == p("2019")).unwrap();
    assert_eq!(y2019.kinds, vec![MismatchKind::Vintage]);
}
