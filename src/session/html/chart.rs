//! The SVG chart of one indicator for the HTML minutes, drawn with plotters: the sources
//! discussed, the annotated periods shaded, colours plus dashes and markers so it also prints in
//! black and white.

use super::super::minutes::one_line;
use super::super::model::Annotation;
use super::{esc, sources_of};
use crate::model::number::format_axis;
use crate::model::{Dataset, Series};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// Chart size in pixels (the SVG scales to the page width).
const CHART_W: u32 = 760;
const CHART_H: u32 = 330;
/// Height of the legend below the plot, per row of sources.
const LEGEND_ROW: u32 = 20;

/// Okabe-Ito colours (colour-blind safe), the pale yellow left out: unreadable on white paper.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x00, 0x00), // black
];

/// Dash pattern (dash, gap in pixels; `None` for a solid line) per source, so lines stay apart
/// when printed in black and white.
const DASHES: [Option<(u32, u32)>; 5] = [
    None,
    Some((9, 5)),
    Some((2, 4)),
    Some((14, 4)),
    Some((5, 3)),
];

/// Marker shape per source, cycling with a period differing from the dashes and colours.
#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Triangle,
    Square,
    Cross,
    Diamond,
    Ring,
}

const MARKERS: [Marker; 6] = [
    Marker::Circle,
    Marker::Triangle,
    Marker::Square,
    Marker::Cross,
    Marker::Diamond,
    Marker::Ring,
];

/// HTML minutes of `session`, stored as `file_name`; `previous` and `dataset` as for
/// [`super::minutes::markdown_with_history`]. Without `dataset` the minutes have no charts and say
/// so.
pub(super) struct Chart {
    pub(super) svg: String,
    pub(super) unit: String,
    /// Sources named by the annotations without a whole-area series in the dataset.
    pub(super) missing: Vec<String>,
}

/// One line of the chart.
struct Line {
    label: String,
    /// Runs of consecutive values (a missing value breaks the line), as (year, value): the x of
    /// a period is its middle in years, e.g. 2021.5 for 2021.
    runs: Vec<Vec<(f64, f64)>>,
}

/// Line chart of the whole-area series of the sources named by `notes`, with the annotated
/// periods shaded; `None` when there is nothing to draw.
pub(super) fn chart(
    d: &Dataset,
    domein: &str,
    indicator: &str,
    notes: &[&Annotation],
) -> Option<Chart> {
    let sources = sources_of(notes.iter().copied());
    let mut lines: Vec<Line> = Vec::new();
    let mut missing = Vec::new();
    for bron in &sources {
        let series: Vec<&Series> = d
            .series_of(domein, indicator)
            .filter(|s| s.key.bron == *bron && s.key.breakdown.is_total())
            .filter(|s| s.points.iter().any(|p| p.value.is_some()))
            .collect();
        if series.is_empty() {
            missing.push(bron.clone());
            continue;
        }
        let name = d
            .meta
            .source(bron)
            .map(|s| one_line(&s.naam))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| bron.clone());
        for s in &series {
            let label = match (&s.key.breakdown.regio, series.len() > 1) {
                (Some(regio), true) => format!("{name} ({regio})"),
                _ => name.clone(),
            };
            let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
            let mut last_end: Option<i64> = None;
            for p in &s.points {
                let gap = last_end.is_some_and(|e| p.period.start_month() > e + 1);
                let x = (p.period.mid() + 0.5) / 12.0;
                match p.value {
                    Some(v) if !gap => runs.last_mut()?.push((x, v)),
                    Some(v) => runs.push(vec![(x, v)]),
                    None => runs.push(Vec::new()),
                }
                last_end = Some(p.period.end_month());
            }
            runs.retain(|r| !r.is_empty());
            lines.push(Line { label, runs });
        }
    }
    if lines.is_empty() {
        return None;
    }
    let unit = d
        .meta
        .indicator(domein, indicator)
        .map(|m| {
            m.unit_for(sources.first().map_or("", |s| s.as_str()))
                .to_string()
        })
        .unwrap_or_default();

    // Shaded bands: (annotation number, start, end) in years.
    let bands: Vec<(u64, f64, f64)> = notes
        .iter()
        .filter_map(|a| {
            let (from, to) = a.anker.periods()?;
            let lo = from.start_month().min(to.start_month());
            let hi = from.end_month().max(to.end_month());
            Some((a.id, lo as f64 / 12.0, (hi + 1) as f64 / 12.0))
        })
        .collect();

    // Axes: the data, widened to show every band; whole years.
    let points = lines.iter().flat_map(|l| l.runs.iter().flatten());
    let (mut xmin, mut xmax, mut ymin, mut ymax) = (f64::MAX, f64::MIN, 0.0f64, f64::MIN);
    for &(x, y) in points {
        xmin = xmin.min(x);
        xmax = xmax.max(x);
        ymin = ymin.min(y);
        ymax = ymax.max(y);
    }
    for &(_, lo, hi) in &bands {
        xmin = xmin.min(lo);
        xmax = xmax.max(hi);
    }
    let x0 = xmin.floor();
    let x1 = xmax.ceil().max(x0 + 1.0);
    if ymax <= ymin {
        ymax = ymin + 1.0;
    }
    let step = nice_step((ymax - ymin) / 5.0);
    let y0 = (ymin / step).floor() * step;
    let y1 = (ymax * 1.04 / step).ceil() * step;
    let years = (x1 - x0).round() as usize;

    let legend_rows = lines.len().div_ceil(2) as u32;
    let height = CHART_H + legend_rows * LEGEND_ROW + 8;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (CHART_W, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let (plot, legend) = root.split_vertically(CHART_H);
        let font = ("sans-serif", 12).into_font();
        let mut c = ChartBuilder::on(&plot)
            .margin_top(14)
            .margin_right(16)
            .margin_left(6)
            .x_label_area_size(26)
            .y_label_area_size(78)
            .build_cartesian_2d(x0..x1, y0..y1)
            .ok()?;
        c.configure_mesh()
            .disable_x_mesh()
            .x_labels((years + 1).min(13))
            .y_labels(7)
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.12))
            .axis_style(BLACK.mix(0.7))
            .label_style(font.clone())
            .x_label_formatter(&|x| {
                if (x - x.round()).abs() < 1e-6 {
                    format!("{}", x.round() as i64)
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|v| format_axis(*v, step))
            .y_desc(unit.clone())
            .axis_desc_style(("sans-serif", 12))
            .draw()
            .ok()?;

        // Bands, then their numbers staggered so overlapping ones stay legible.
        c.draw_series(bands.iter().map(|&(_, lo, hi)| {
            Rectangle::new(
                [(lo, y0), (hi, y1)],
                RGBColor(0x60, 0x60, 0x60).mix(0.13).filled(),
            )
        }))
        .ok()?;
        c.draw_series(bands.iter().flat_map(|&(_, lo, hi)| {
            let style = RGBColor(0x40, 0x40, 0x40).mix(0.5).stroke_width(1);
            [
                PathElement::new(vec![(lo, y0), (lo, y1)], style),
                PathElement::new(vec![(hi, y0), (hi, y1)], style),
            ]
        }))
        .ok()?;
        let slot = (y1 - y0) / 16.0;
        let label_font = ("sans-serif", 11).into_font().color(&BLACK);
        c.draw_series(bands.iter().enumerate().map(|(i, &(id, lo, _))| {
            Text::new(
                format!("{id}"),
                (lo + 0.02, y1 - slot * (i % 4) as f64),
                label_font.clone(),
            )
        }))
        .ok()?;

        // The lines, each with its colour, dash pattern and markers.
        for (i, line) in lines.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            let style = colour.stroke_width(2);
            for run in &line.runs {
                match DASHES[i % DASHES.len()] {
                    None => {
                        c.draw_series(LineSeries::new(run.iter().copied(), style))
                            .ok()?;
                    }
                    Some((dash, gap)) => {
                        c.draw_series(DashedLineSeries::new(run.iter().copied(), dash, gap, style))
                            .ok()?;
                    }
                }
            }
            // Markers: about 14 per line, offset per source so they do not sit on top of each other.
            let all: Vec<(f64, f64)> = line.runs.iter().flatten().copied().collect();
            let every = all.len().div_ceil(14).max(1);
            let marks: Vec<(f64, f64)> = all
                .iter()
                .enumerate()
                .filter(|(k, _)| (k + i) % every == 0 || all.len() <= 14)
                .map(|(_, p)| *p)
                .collect();
            let marker = MARKERS[i % MARKERS.len()];
            markers_on(&mut c, marker, &marks, colour)?;
        }

        // Legend below the plot, two sources per row.
        let col_w = (CHART_W as i32 - 100) / 2;
        for (i, line) in lines.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            let x = 84 + (i as i32 % 2) * col_w;
            let y = 10 + (i as i32 / 2) * LEGEND_ROW as i32;
            let style = colour.stroke_width(2);
            match DASHES[i % DASHES.len()] {
                None => {
                    legend
                        .draw(&PathElement::new(vec![(x, y), (x + 36, y)], style))
                        .ok()?;
                }
                Some((dash, gap)) => {
                    let mut s = x;
                    while s < x + 36 {
                        let e = (s + dash as i32).min(x + 36);
                        legend
                            .draw(&PathElement::new(vec![(s, y), (e, y)], style))
                            .ok()?;
                        s = e + gap as i32;
                    }
                }
            }
            marker_in(&legend, MARKERS[i % MARKERS.len()], (x + 18, y), colour)?;
            let max_chars = 52;
            let mut label = line.label.clone();
            if label.chars().count() > max_chars {
                label = label.chars().take(max_chars - 1).collect::<String>() + "…";
            }
            legend
                .draw(&Text::new(
                    label,
                    (x + 44, y - 6),
                    font.clone().color(&BLACK),
                ))
                .ok()?;
        }
        root.present().ok()?;
    }
    // Inline SVG in HTML needs no namespace; leaving it out keeps the file free of URLs.
    let svg = svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    let svg = svg.replacen(
        "<svg ",
        &format!(
            "<svg role=\"img\" aria-label=\"Grafiek {} · {}\" ",
            esc(domein),
            esc(indicator)
        ),
        1,
    );
    Some(Chart { svg, unit, missing })
}

type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws `marker` at each of `points` on the chart.
fn markers_on<DB: DrawingBackend>(
    c: &mut Plot<'_, DB>,
    marker: Marker,
    points: &[(f64, f64)],
    colour: RGBColor,
) -> Option<()> {
    let filled = colour.filled();
    let stroke = colour.stroke_width(2);
    let at = points.iter().map(|&p| EmptyElement::at(p));
    let done = match marker {
        Marker::Circle => c
            .draw_series(at.map(|e| e + Circle::new((0, 0), 4, filled)))
            .map(|_| ()),
        Marker::Triangle => c
            .draw_series(at.map(|e| e + TriangleMarker::new((0, 0), 5, filled)))
            .map(|_| ()),
        Marker::Square => c
            .draw_series(at.map(|e| e + Rectangle::new([(-4, -4), (4, 4)], filled)))
            .map(|_| ()),
        Marker::Cross => c
            .draw_series(at.map(|e| e + Cross::new((0, 0), 4, stroke)))
            .map(|_| ()),
        Marker::Diamond => c
            .draw_series(
                at.map(|e| e + Polygon::new(vec![(0, -5), (5, 0), (0, 5), (-5, 0)], filled)),
            )
            .map(|_| ()),
        Marker::Ring => c
            .draw_series(at.map(|e| e + Circle::new((0, 0), 4, stroke)))
            .map(|_| ()),
    };
    done.ok()
}

/// Draws `marker` at pixel position `at` of `area` (the legend).
fn marker_in<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    marker: Marker,
    at: (i32, i32),
    colour: RGBColor,
) -> Option<()> {
    let filled = colour.filled();
    let stroke = colour.stroke_width(2);
    let e = EmptyElement::at(at);
    let done = match marker {
        Marker::Circle => area.draw(&(e + Circle::new((0, 0), 4, filled))),
        Marker::Triangle => area.draw(&(e + TriangleMarker::new((0, 0), 5, filled))),
        Marker::Square => area.draw(&(e + Rectangle::new([(-4, -4), (4, 4)], filled))),
        Marker::Cross => area.draw(&(e + Cross::new((0, 0), 4, stroke))),
        Marker::Diamond => {
            area.draw(&(e + Polygon::new(vec![(0, -5), (5, 0), (0, 5), (-5, 0)], filled)))
        }
        Marker::Ring => area.draw(&(e + Circle::new((0, 0), 4, stroke))),
    };
    done.ok()
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
pub(super) fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let pow = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * pow)
}
