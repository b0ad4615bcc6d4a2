//! The minutes document: one model, two renderings with the same content; charts per view.

use super::*;
use crate::model::{Granularity, ViewKind};
use crate::session::{Anchor, DatasetRef, ItemChange, Role};

fn sample() -> Dataset {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    crate::load::load_dataset(&root).expect("sample loads")
}

fn note(soort: AnnotationKind, tekst: &str, anker: Anchor) -> Annotation {
    Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: soort,
        text: tekst.into(),
        role: Role::Aanbieder,
        name: "Sanne de Vries".into(),
        time: "2026-11-05T10:00:00+01:00".parse().unwrap(),
        status: None,
        owner: String::new(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Default::default(),
        anchor: anker,
    }
}

fn instroom(from: Period, to: Period) -> Anchor {
    Anchor::new(
        "jeugd",
        "instroom",
        vec![
            "gemeente-registratie".into(),
            "aanbieders-maandrapportage".into(),
        ],
        from,
        to,
    )
}

fn session() -> Session {
    let mut s = Session::new(
        "Test",
        "2026-11-05".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: "h".into(),
        },
    );
    s.add(note(
        AnnotationKind::Observatie,
        "Trend zoals geleverd",
        instroom(Period::month(2021, 3), Period::month(2021, 6)),
    ));
    let mut compared = instroom(Period::quarter(2021, 2), Period::quarter(2021, 2));
    compared.granularity = Some(Granularity::Quarter);
    compared.reference = Some("gemeente-registratie".into());
    compared.view = ViewKind::Compare;
    s.add(note(
        AnnotationKind::Verklaring,
        "In de vergelijking",
        compared,
    ));
    s.add(note(
        AnnotationKind::Onderzoeksvraag,
        "Waarom?",
        instroom(Period::year(2022), Period::year(2022)),
    ));
    s
}

#[test]
fn one_chart_per_view_with_the_bands_made_in_it() {
    let d = sample();
    let m = Minutes::build(&session(), "2026-11-05-test.toml", None, Some(&d));
    let s = &m.indicators[0];
    assert_eq!(
        s.charts.len(),
        2,
        "trend as delivered and the quarterly comparison"
    );
    let trend = &s.charts[0];
    assert_eq!(trend.view.kind, ViewKind::Trend);
    // The question was made in the trend too: its band is on that chart.
    assert_eq!(trend.bands.iter().map(|b| b.0).collect::<Vec<_>>(), [1, 3]);
    assert_eq!(trend.model.granularity(), Some(Granularity::Month));
    let compare = &s.charts[1];
    assert_eq!(compare.bands.iter().map(|b| b.0).collect::<Vec<_>>(), [2]);
    assert_eq!(compare.model.granularity(), Some(Granularity::Quarter));
    assert_eq!(compare.model.series[0].key.bron, "gemeente-registratie");
    let caption = compare.caption(&s.heading);
    assert!(
        caption.contains(", per kwartaal, bronnen vergeleken met ")
            && caption.contains(&d.meta.source("gemeente-registratie").unwrap().naam),
        "{caption}"
    );
    assert!(!trend.caption(&s.heading).contains("per "), "as delivered");
    assert_eq!(s.see_also, "onderzoeksvraag 3");
}

#[test]
fn without_a_dataset_no_charts_and_without_history_no_guessing() {
    let mut s = session();
    s.changes.push(ItemChange::status(
        "2026-09-10-x.toml",
        4,
        QuestionStatus::Beantwoord,
        "2026-11-05T10:00:00+01:00".parse().unwrap(),
    ));
    let m = Minutes::build(&s, "2026-11-05-test.toml", None, None);
    assert!(!m.has_dataset && m.indicators[0].charts.is_empty() && m.sources.is_empty());
    assert!(matches!(m.changes[0].target, ChangeTarget::Unknown));
    let m = Minutes::build(&s, "2026-11-05-test.toml", Some(&[]), None);
    assert!(matches!(m.changes[0].target, ChangeTarget::NotFound));
    assert_eq!(m.changes[0].change, "status beantwoord");
}

#[test]
fn both_renderings_say_the_same() {
    let d = sample();
    let mut s = session();
    s.annotations[1].anchor.legacy_difference = "oude zin".into();
    let m = Minutes::build(&s, "2026-11-05-test.toml", None, Some(&d));
    let md = markdown(&m);
    let html = html(&m);
    for n in m
        .indicators
        .iter()
        .flat_map(|s| &s.groups)
        .flat_map(|g| &g.1)
    {
        for text in [n.text().to_string(), n.who(), n.period(), n.difference()] {
            assert!(md.contains(&text), "Markdown lacks {text:?}");
            assert!(html.contains(&esc(&text)), "HTML lacks {text:?}");
        }
    }
    assert!(md.contains("Sanne de Vries (aanbieder)"));
    assert!(md.contains("over verschil: oude zin"));
    for heading in ["Deelnemers", "Onderzoeksvragen", "Acties", "Bronnen"] {
        assert!(md.contains(&format!("## {heading}")), "{heading}");
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
}

/// The chart of jeugd instroom (every source) as the minutes draw it.
fn instroom_chart(d: &Dataset) -> Chart {
    let view = ViewSpec::trend("jeugd", "instroom", &[]);
    Chart {
        model: crate::analysis::chart::ChartModel::for_view(d, &view),
        view,
        bands: Vec::new(),
        missing: Vec::new(),
        small_left_out: false,
    }
}

fn hex(c: crate::model::identity::Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn the_svg_draws_each_source_in_its_identity_colour() {
    let d = sample();
    let chart = instroom_chart(&d);
    let out = svg::svg(&chart, "instroom").expect("a chart");
    assert!(chart.model.series.len() >= 3);
    for s in &chart.model.series {
        // The identity of the source's place in [[bronnen]], in its tone for paper.
        let place = d
            .meta
            .bronnen
            .iter()
            .position(|b| b.id == s.key.bron)
            .unwrap();
        let (_, on_paper) = crate::model::identity::IDENTITY_COLOURS[place % 7];
        assert_eq!(s.identity.source.colour_on(false), on_paper);
        let colour = hex(on_paper);
        assert!(
            out.contains(&format!("stroke=\"{colour}\"")),
            "{colour} of {}",
            s.key.bron
        );
    }
}

#[test]
fn the_svg_honours_a_colour_and_symbol_of_dataset_toml() {
    let mut d = sample();
    let source = d
        .meta
        .bronnen
        .iter_mut()
        .find(|b| b.id == "gemeente-registratie")
        .unwrap();
    source.kleur = Some("#AA0011".into());
    source.symbool = Some("✦".into());
    let out = svg::svg(&instroom_chart(&d), "instroom").expect("a chart");
    assert!(
        out.contains("stroke=\"#AA0011\""),
        "the line in the chosen colour"
    );
    // The symbol is written as text in that colour: on the line and in the legend.
    let mark = "fill=\"#AA0011\">\n✦\n</text>";
    assert!(out.matches(mark).count() >= 2, "{out}");
}

#[test]
fn the_svg_marks_voorlopig_figures() {
    let d = sample();
    let chart = instroom_chart(&d);
    let provisional: usize = chart
        .model
        .series
        .iter()
        .map(|s| s.points.iter().filter(|p| p.provisional).count())
        .sum();
    assert!(provisional > 0, "the sample's CBS figures end voorlopig");
    let out = svg::svg(&chart, "instroom").expect("a chart");
    // One open ring per voorlopig figure, and the legend says what it means.
    assert_eq!(out.matches("r=\"7\"").count(), provisional, "{out}");
    assert!(out.contains("○ voorlopig"), "{out}");
}

#[test]
fn the_svg_draws_a_panel_per_unit_no_factor_converts() {
    let mut d = sample();
    // The CBS figures in another unit (hours of care, say): nothing converts them to clients.
    for s in d
        .series
        .iter_mut()
        .filter(|s| s.key.indicator == "instroom" && s.key.bron == "cbs-beleidsinformatie")
    {
        for o in &mut s.points {
            o.unit = Some("uren".into());
        }
    }
    let chart = instroom_chart(&d);
    let units: Vec<&str> = chart.model.panels.iter().map(|p| p.unit.as_str()).collect();
    assert_eq!(units, ["cliënten", "uren"]);
    let out = svg::svg(&chart, "instroom").expect("a chart");
    // Each panel names its unit on its own y axis; one set of period labels under the lowest.
    for unit in ["cliënten", "uren"] {
        assert_eq!(
            out.matches(&format!(">\n{unit}\n</text>")).count(),
            1,
            "{unit}\n{out}"
        );
    }
    let first_year = ">\nH1 2020\n</text>";
    assert_eq!(out.matches(first_year).count(), 1, "{out}");
    assert!(
        chart
            .caption("instroom")
            .contains("(per eenheid een paneel: cliënten, uren)")
    );
    // The one-unit chart keeps one axis.
    let one = svg::svg(&instroom_chart(&sample()), "instroom").unwrap();
    assert_eq!(one.matches(">\ncliënten\n</text>").count(), 1);
    assert!(!one.contains(">\nuren\n</text>"));
}

#[test]
fn a_view_with_a_transform_is_its_own_chart_named_in_the_caption_and_the_note() {
    let d = sample();
    let mut s = session();
    let mut averaged = instroom(Period::month(2021, 9), Period::month(2021, 9));
    averaged.transform = Some(crate::model::Transform::MovingAverage { perioden: 3 });
    s.add(note(AnnotationKind::Observatie, "Gladder", averaged));
    let m = Minutes::build(&s, "2026-11-05-test.toml", None, Some(&d));
    let section = &m.indicators[0];
    assert_eq!(section.charts.len(), 3, "as delivered, compared, averaged");
    let chart = &section.charts[2];
    assert_eq!(chart.bands.iter().map(|b| b.0).collect::<Vec<_>>(), [4]);
    assert!(chart.model.transform.is_some());
    let caption = chart.caption(&section.heading);
    assert!(
        caption.contains(", bewerking: voortschrijdend gemiddelde over 3 perioden."),
        "{caption}"
    );
    assert!(
        !section.charts[0]
            .caption(&section.heading)
            .contains("bewerking")
    );
    let md = markdown(&m);
    let html = html(&m);
    let named = "september 2021, bewerking: voortschrijdend gemiddelde over 3 perioden";
    assert!(md.contains(named), "{md}");
    assert!(html.contains(named), "{html}");
    // The notes made without a transform do not get one.
    assert!(md.contains("**maart 2021 t/m juni 2021**"), "{md}");
}

#[test]
fn a_season_or_a_breakdown_says_so_in_the_caption_and_draws_its_fills() {
    let d = sample();
    for (kind, said) in [
        (ViewKind::Season, "seizoensbeeld"),
        (ViewKind::Stacked, "gestapelde uitsplitsing"),
    ] {
        let view = ViewSpec {
            kind,
            ..ViewSpec::trend("jeugd", "instroom", &["gemeente-registratie".into()])
        };
        let chart = Chart {
            model: crate::analysis::chart::ChartModel::for_view(&d, &view),
            view,
            bands: Vec::new(),
            missing: Vec::new(),
            small_left_out: false,
        };
        let caption = chart.caption("instroom");
        assert!(caption.contains(said), "{caption}");
        assert!(!caption.contains("hele gebied"), "{caption}");
        let out = svg::svg(&chart, "instroom").expect("a chart");
        match kind {
            // The band of the earlier years is one filled outline.
            ViewKind::Season => assert!(out.contains("<polygon"), "{out}"),
            // Seven parts and the rest stacked per month: many bars, and the rest is named.
            _ => {
                assert!(out.matches("<rect").count() > 7 * 72, "{out}");
                assert!(out.contains("rest (totaal min de delen)"));
            }
        }
    }
}
