//! The view on screen exported for slides and the minutes: one self-contained SVG of 1600 × 900
//! with the indicator as title (domein, period length, unit and zoom under it), the chart as the
//! minutes draw it (legend included, small counts left out), and every source of the chart
//! credited in the footer. The PNG is made from it by an outside converter ([`raster`]).

pub mod raster;

use super::credits::{credit_line, credits};
use super::minutes::{Chart, drawn_chart, esc};
use super::text::one_line;
use crate::analysis::chart::ChartModel;
use crate::model::disclosure::Disclosure;
use crate::model::{Dataset, ViewKind, ViewSpec};
use crate::session::model::slug;
use jiff::civil::Date;
use std::fmt::Write;

/// The slide's size: 16:9, as a projector shows it.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 900;
/// Left and right margin.
const MARGIN: u32 = 50;
/// Where the chart starts, under the title and subtitle.
const CHART_TOP: u32 = 150;
/// Room the footer's lines may take at most.
const FOOTER_MAX: u32 = 220;

/// An exported view.
#[derive(Debug, Clone)]
pub struct Slide {
    /// The SVG document.
    pub svg: String,
    /// The file name without number and extension: `<datum>-<domein>-<indicator>`.
    pub stem: String,
    /// What the chart shows (its model with the small counts left out).
    pub chart: Chart,
}

/// The slide of `view` on `date`; `None` when the view has nothing to draw.
pub fn slide(dataset: &Dataset, view: &ViewSpec, date: Date) -> Option<Slide> {
    let rule = Disclosure::for_dataset(dataset, false);
    let left_out = std::cell::Cell::new(false);
    let model = ChartModel::for_view_hiding(dataset, view, &|key, period, v| {
        let hide = crate::report::privacy::hides_in_chart(&rule, dataset, key, period, v);
        left_out.set(left_out.get() || hide);
        hide
    });
    let chart = Chart {
        view: view.clone(),
        model,
        bands: Vec::new(),
        missing: Vec::new(),
        small_left_out: left_out.get(),
    };
    let (inner, size) = drawn_chart(&chart)?;
    let mut footer: Vec<String> = (credits(dataset, chart.model.series.iter().map(|s| &s.key))
        .iter())
    .map(credit_line)
    .collect();
    if chart.small_left_out {
        footer.push("Aantallen onder de 10 uit registratiedata zijn niet getekend (AVG).".into());
    }
    footer.push(format!(
        "Gemaakt met duiden op {}",
        super::text::dutch_date(date)
    ));
    let title = title(dataset, &chart);
    let svg = document(&title, &subtitle(&chart), &inner, size, &footer);
    let stem = format!("{date}-{}-{}", slug(&view.domein), slug(&view.indicator));
    Some(Slide { svg, stem, chart })
}

/// The indicator's name (its id when the metadata has none).
fn title(dataset: &Dataset, chart: &Chart) -> String {
    let v = &chart.view;
    let named = chart
        .model
        .series
        .first()
        .map(|s| s.indicator_label.clone());
    let meta = || {
        (dataset.meta.indicator(&v.domein, &v.indicator))
            .map(|m| m.naam.clone())
            .filter(|n| !n.trim().is_empty())
    };
    one_line(&named.or_else(meta).unwrap_or_else(|| v.indicator.clone()))
}

/// What the title does not say: "jeugd · per kwartaal · cliënten · voortschrijdend gemiddelde
/// over 3 perioden · ingezoomd: K1 2022 – K4 2023", and for a comparison its reference.
fn subtitle(chart: &Chart) -> String {
    let (view, m) = (&chart.view, &chart.model);
    let mut parts = vec![one_line(&view.domein)];
    // The analyst's views are named as the signals name them (seizoensbeeld, uitsplitsing, …).
    if !matches!(view.kind, ViewKind::Trend | ViewKind::Compare) {
        parts.push(crate::report::signals::view_kind_name(view.kind).to_string());
    }
    parts.push(match view.granularity.or_else(|| m.granularity()) {
        Some(g) if view.granularity.is_some() || view.kind == ViewKind::Compare => {
            format!("per {}", g.dutch())
        }
        _ => "perioden zoals geleverd".to_string(),
    });
    if m.mixed_units {
        let units: Vec<&str> = m.panels.iter().map(|p| p.unit.as_str()).collect();
        parts.push(format!("per eenheid een paneel: {}", units.join(", ")));
    } else if !m.unit.is_empty() {
        parts.push(one_line(&m.unit));
    }
    // A per-inhabitant unit already names its transform.
    let transform = (m.transform.as_ref()).map(|t| crate::report::minutes::transform_text(t, None));
    parts.extend(transform.filter(|t| !m.unit.starts_with(t.as_str())));
    if let Some((from, to)) = view.range {
        parts.push(format!(
            "ingezoomd: {} – {}",
            from.dutch_short(),
            to.dutch_short()
        ));
    }
    if view.kind == ViewKind::Compare {
        let reference = m.reference.as_ref().map(|r| {
            (m.series.iter().find(|s| s.key.bron == *r))
                .map_or_else(|| r.clone(), |s| one_line(&s.label))
        });
        parts.push(match reference {
            Some(r) => format!("bronnen vergeleken met {r}"),
            None => "bronnen naast elkaar".to_string(),
        });
    }
    parts.join(" · ")
}

/// The whole SVG: title, subtitle, the chart scaled into the room left, the footer.
fn document(
    title: &str,
    subtitle: &str,
    chart: &str,
    (w, h): (u32, u32),
    footer: &[String],
) -> String {
    let line_h = (FOOTER_MAX / footer.len().max(1) as u32).clamp(14, 28);
    let font = line_h * 7 / 10;
    let footer_h = line_h * footer.len() as u32 + 16;
    let chart_h = HEIGHT - CHART_TOP - footer_h - 10;
    let mut out = String::new();
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}" font-family="sans-serif">"#,
        esc(title)
    );
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    let _ = writeln!(
        out,
        r#"<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>"#
    );
    out.push_str(&text_line(title, 78, 44, "bold"));
    out.push_str(&text_line(subtitle, 122, 26, "normal"));
    out.push_str(&nested(chart, (w, h), chart_h));
    let first = HEIGHT - footer_h + 8 + font;
    for (i, line) in footer.iter().enumerate() {
        let y = first + i as u32 * line_h;
        out.push_str(&text_line(line, y, font, "normal"));
    }
    out.push_str("</svg>\n");
    out
}

/// One line of text at the left margin; squeezed to the slide's width when it would not fit
/// (an estimate: sans-serif letters average a little over half their size in width).
fn text_line(text: &str, y: u32, size: u32, weight: &str) -> String {
    let room = WIDTH - 2 * MARGIN;
    let estimate = text.chars().count() as u32 * size * 60 / 100;
    let squeeze = match estimate > room {
        true => format!(r#" textLength="{room}" lengthAdjust="spacingAndGlyphs""#),
        false => String::new(),
    };
    format!(
        "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"#1a1a1a\"{squeeze}>{}</text>\n",
        esc(text)
    )
}

/// The chart's own `<svg>` placed in the box under the subtitle, scaled to fit with its
/// proportions kept; its namespace comes from the outer element.
fn nested(chart: &str, (w, h): (u32, u32), box_h: u32) -> String {
    let body = chart.find("<svg").map_or(chart, |i| &chart[i..]);
    let body = body.find('>').map_or(body, |i| &body[i + 1..]);
    format!(
        "<svg x=\"{MARGIN}\" y=\"{CHART_TOP}\" width=\"{}\" height=\"{box_h}\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"xMidYMid meet\">{body}\n",
        WIDTH - 2 * MARGIN
    )
}

#[cfg(test)]
mod tests;
