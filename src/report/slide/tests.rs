use super::*;
use crate::model::{Granularity, Period};
use std::path::Path;

fn voorbeeld() -> Dataset {
    crate::load::load_dataset(Path::new("datasets/voorbeeld")).unwrap()
}

fn date() -> Date {
    jiff::civil::date(2026, 11, 26)
}

/// Checks that `xml` is well-formed as far as an SVG needs: one root, every element closed in
/// order, attributes quoted, no stray `<` or `&` in text.
fn well_formed(xml: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    let mut roots = 0;
    while let Some(i) = rest.find(['<', '&']) {
        let text = &rest[..i];
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        rest = &rest[i..];
        if rest.starts_with('&') {
            let end = rest.find(';').ok_or("& without ;")?;
            let name = &rest[1..end];
            let known = ["amp", "lt", "gt", "quot", "apos", "#39"].contains(&name);
            if !known && !name.starts_with("#x") && !name.starts_with('#') {
                return Err(format!("unknown entity {name}"));
            }
            rest = &rest[end + 1..];
            continue;
        }
        let end = rest.find('>').ok_or("< without >")?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => continue,
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        }
        let name: String = tag
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        if name.is_empty() || tag.contains('<') {
            return Err(format!("bad tag <{tag}>"));
        }
        if !tag.matches('"').count().is_multiple_of(2) {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        if stack.is_empty() {
            roots += 1;
        }
        if !tag.ends_with('/') {
            stack.push(name);
        }
    }
    match (stack.is_empty(), roots, rest.trim().is_empty()) {
        (true, 1, true) => Ok(()),
        _ => Err(format!("unclosed {stack:?}, {roots} roots, tail {rest:?}")),
    }
}

/// The contents of every `<text>` element of `svg`.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].trim().to_string())
        })
        .collect()
}

#[test]
fn the_checker_refuses_what_is_not_well_formed() {
    assert!(well_formed("<svg><g></g></svg>").is_ok());
    assert!(well_formed("<svg><g></svg>").is_err());
    assert!(well_formed("<svg>a & b</svg>").is_err());
    assert!(well_formed("<svg/><svg/>").is_err());
    assert!(well_formed("<svg a=\"1></svg>").is_err());
}

#[test]
fn a_slide_has_the_title_the_chart_and_every_source_credited() {
    let data = voorbeeld();
    let view = ViewSpec::trend("jeugd", "instroom", &[]);
    let s = slide(&data, &view, date()).unwrap();
    well_formed(&s.svg).unwrap();
    assert!(s.svg.contains(r#"viewBox="0 0 1600 900""#));
    assert!(s.svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
    // Self-contained: nothing fetched from elsewhere.
    assert!(!s.svg.contains("href"), "links to something");
    assert_eq!(s.stem, "2026-11-26-jeugd-instroom");
    let lines = texts(&s.svg);
    let naam = &data.meta.indicator("jeugd", "instroom").unwrap().naam;
    assert_eq!(lines[0], esc(naam));
    assert!(lines[1].starts_with("jeugd · "), "{}", lines[1]);
    // One chart drawn inside, with its legend.
    assert_eq!(s.svg.matches("<svg").count(), 2);
    let sources: Vec<&str> = (s.chart.model.series.iter())
        .map(|s| s.key.bron.as_str())
        .collect();
    assert!(sources.len() >= 2, "{sources:?}");
    for bron in &sources {
        let meta = data.meta.source(bron).unwrap();
        let credited = lines
            .iter()
            .filter(|l| l.starts_with(&esc(&meta.naam)) && l.contains("Bron: "))
            .count();
        assert_eq!(credited, 1, "{bron} in {lines:?}");
    }
    assert!(lines.last().unwrap().contains("26 november 2026"));
}

#[test]
fn a_transformed_view_says_so_under_the_title() {
    let data = voorbeeld();
    let mut view = ViewSpec::trend("jeugd", "instroom", &[]);
    view.granularity = Some(Granularity::Quarter);
    view.transform = Some(crate::model::Transform::YearOnYearPct);
    let s = slide(&data, &view, date()).unwrap();
    let lines = texts(&s.svg);
    assert_eq!(
        lines[1], "jeugd · per kwartaal · % · % verschil met een jaar eerder",
        "{lines:?}"
    );
    assert!(s.chart.model.series.iter().all(|s| s.unit == "%"));
}

#[test]
fn a_zoomed_view_shows_its_range_only_and_says_so() {
    let data = voorbeeld();
    let mut view = ViewSpec::trend("jeugd", "instroom", &[]);
    view.granularity = Some(Granularity::Quarter);
    let range = (Period::quarter(2021, 2), Period::quarter(2022, 3));
    view.range = Some(range);
    let s = slide(&data, &view, date()).unwrap();
    well_formed(&s.svg).unwrap();
    let m = &s.chart.model;
    assert!(m.has_values());
    for series in &m.series {
        for p in &series.points {
            assert!(p.period >= range.0 && p.period <= range.1, "{:?}", p.period);
        }
    }
    let lines = texts(&s.svg);
    assert!(
        lines[1].contains("per kwartaal") && lines[1].contains("ingezoomd: K2 2021 – K3 2022"),
        "{}",
        lines[1]
    );
    // The time axis is labelled inside the range only.
    let quarters: Vec<&String> = (lines.iter())
        .filter(|l| l.len() == 7 && l.starts_with('K'))
        .collect();
    assert!(!quarters.is_empty(), "{lines:?}");
    for q in quarters {
        let year: i32 = q[3..].parse().unwrap();
        let index: u8 = q[1..2].parse().unwrap();
        let p = Period::quarter(year, index);
        assert!(p >= range.0 && p <= range.1, "{q}");
    }
}

#[test]
fn a_comparison_names_its_reference() {
    let data = voorbeeld();
    let mut view = ViewSpec::trend("jeugd", "instroom", &[]);
    view.kind = ViewKind::Compare;
    view.reference = Some("gemeente-registratie".into());
    let s = slide(&data, &view, date()).unwrap();
    let lines = texts(&s.svg);
    assert!(lines[1].contains("bronnen vergeleken met"), "{}", lines[1]);
}

#[test]
fn nothing_to_draw_gives_no_slide() {
    let data = voorbeeld();
    let view = ViewSpec::trend("jeugd", "bestaat-niet", &[]);
    assert!(slide(&data, &view, date()).is_none());
}

const SMALL_META: &str = r#"titel = "Kleine aantallen"
[[bronnen]]
id = "reg"
naam = "Registratie"
herkomst = "registratie"
[[bronnen]]
id = "cbs"
naam = "CBS & co"
leverancier = "CBS"
[[indicatoren]]
domein = "jeugd"
id = "instroom"
naam = "Instroom <jeugd>"
soort = "stroom"
eenheid = "cliënten"
"#;

#[test]
fn small_counts_of_a_source_from_records_are_left_out_and_the_footer_says_so() {
    let (_dir, data) = crate::report::test_data::small_counts(SMALL_META);
    let s = slide(&data, &ViewSpec::trend("jeugd", "instroom", &[]), date()).unwrap();
    well_formed(&s.svg).unwrap();
    assert!(s.chart.small_left_out);
    let values = |bron: &str| -> Vec<f64> {
        (s.chart.model.series.iter())
            .filter(|x| x.key.bron == bron)
            .flat_map(|x| x.points.iter().map(|p| p.y))
            .collect()
    };
    assert_eq!(values("reg"), vec![12.0, 40.0]);
    // A source not from records keeps its small numbers.
    assert_eq!(values("cbs"), vec![30.0, 12.0, 4.0, 45.0, 3.0]);
    let lines = texts(&s.svg);
    assert_eq!(lines[0], "Instroom &lt;jeugd&gt;");
    assert!(lines.iter().any(|l| l.contains("niet getekend (AVG)")));
    assert!(
        lines
            .iter()
            .any(|l| l == "CBS &amp; co · t/m mei 2024 · Bron: CBS")
    );
    assert!(
        lines
            .iter()
            .any(|l| l == "Registratie · t/m mei 2024 · Bron: Registratie"),
        "{lines:?}"
    );
}
