//! The SVG chart of one view for the HTML minutes, drawn with plotters from the same
//! [`ChartModel`] the terminal draws: the sources at the view's period length, round y ticks from
//! [`crate::analysis::chart::nice_axis`] (labelled the Dutch way), period labels of the view's
//! length on the x axis, the annotated periods shaded and numbered. Colours plus dashes and markers, so it also prints in
//! black and white.

use super::{Chart, esc};
use crate::analysis::chart::ChartModel;
use crate::model::identity::{Rgb, SeriesIdentity, variant_mark};
use crate::model::number::format_axis;
use crate::model::{Granularity, Period};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Chart size in pixels (the SVG scales to the page width).
const CHART_W: u32 = 760;
const CHART_H: u32 = 330;
/// Height of the legend below the plot, per row of sources.
const LEGEND_ROW: u32 = 20;

/// Dash patterns (dash, gap in pixels) for the breakdowns of one source (variant 1, 2, ...); a
/// source's own line is solid, as on screen.
const DASHES: [(u32, u32); 4] = [(9, 5), (2, 4), (14, 4), (5, 3)];

/// What marks a line's points: the source's shape (see [`crate::model::identity`]; the same
/// shapes as the terminal's symbols) or a character (a `symbool`, a breakdown's number).
enum Mark {
    Shape(usize),
    Glyph(char),
}

/// Colour, dash and mark of a line, from its identity: the same source looks the same here as
/// on screen (with the tones for paper).
struct Look {
    colour: RGBColor,
    dash: Option<(u32, u32)>,
    mark: Mark,
}

fn look(id: &SeriesIdentity) -> Look {
    let Rgb(r, g, b) = id.source.colour_on(false);
    let mark = match (variant_mark(id.variant), id.source.symbol) {
        (Some(c), _) | (None, Some(c)) => Mark::Glyph(c),
        (None, None) => Mark::Shape(id.source.shape()),
    };
    Look {
        colour: RGBColor(r, g, b),
        dash: id.variant.checked_sub(1).map(|v| DASHES[v % DASHES.len()]),
        mark,
    }
}

/// Most period labels on the x axis.
const X_LABELS: usize = 13;

/// The x of a point: the middle of its period, in absolute months.
fn x_of(p: &crate::analysis::chart::ChartPoint) -> f64 {
    p.x + 0.5
}

/// The x range in months: the data and every band, widened to whole years.
fn x_range(m: &ChartModel, bands: &[(u64, Period, Period)]) -> (f64, f64) {
    let starts = m.periods.iter().map(|p| p.start_month());
    let ends = m.periods.iter().map(|p| p.end_month() + 1);
    let lo = starts.chain(
        bands
            .iter()
            .map(|b| b.1.start_month().min(b.2.start_month())),
    );
    let hi = ends.chain(
        bands
            .iter()
            .map(|b| b.1.end_month().max(b.2.end_month()) + 1),
    );
    let lo = lo.min().unwrap_or(0) as f64;
    let hi = hi.max().unwrap_or(12) as f64;
    let x0 = (lo / 12.0).floor() * 12.0;
    (x0, ((hi / 12.0).ceil() * 12.0).max(x0 + 12.0))
}

/// "K1 2021", "mrt 2021", "H1 2021", "2021".
fn period_label(p: &Period) -> String {
    match p.granularity {
        Granularity::Year => p.year.to_string(),
        _ => p.dutch_short(),
    }
}

/// Height of one panel when units differ and panels are stacked.
const PANEL_H: u32 = 200;
/// Room under the lowest panel for the period labels.
const X_LABELS_H: u32 = 26;

/// The chart as an inline `<svg>` element; `None` when there is nothing to draw. Units no
/// factor converts are drawn in stacked panels, each with its own y axis, over one time axis.
pub(super) fn svg(chart: &Chart, heading: &str) -> Option<String> {
    let (svg, _) = drawn(chart)?;
    // Inline SVG in HTML needs no namespace; leaving it out keeps the file free of URLs.
    let svg = svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    Some(svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"Grafiek {}\" ", esc(heading)),
        1,
    ))
}

/// The chart as plotters writes it (a whole `<svg>` document with its namespace) and its size
/// in pixels: the minutes inline it, an export of a view places it on a slide.
pub(crate) fn drawn(chart: &Chart) -> Option<(String, (u32, u32))> {
    let m = &chart.model;
    if !m.has_values() {
        return None;
    }
    let (x0, x1) = match chart.view.range {
        // A zoomed view shows its range, not the whole years around it.
        Some((from, to)) => (from.start_month() as f64, (to.end_month() + 1) as f64),
        None => x_range(m, &chart.bands),
    };
    let ticks: Vec<(f64, String)> = m
        .period_ticks(X_LABELS)
        .iter()
        .map(|p| (p.start_month() as f64, period_label(p)))
        .filter(|(x, _)| *x >= x0 && *x <= x1)
        .collect();
    let n = m.panels.len().max(1) as u32;
    let plots_h = if n == 1 {
        CHART_H
    } else {
        n * PANEL_H + X_LABELS_H
    };
    let legend_rows = (m.series.len().div_ceil(2) + m.left_out.len()) as u32;
    let height = plots_h + legend_rows * LEGEND_ROW + 8;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (CHART_W, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let (mut rest, legend) = root.split_vertically(plots_h);
        for i in 0..n as usize {
            let last = i + 1 == n as usize;
            let (area, below) = match last {
                true => (rest.clone(), rest.clone()),
                false => rest.split_vertically(PANEL_H),
            };
            rest = below;
            let model = match n {
                1 => std::borrow::Cow::Borrowed(m),
                _ => std::borrow::Cow::Owned(m.panel_model(i)),
            };
            let x_ticks = if last { &ticks[..] } else { &[] };
            panel(&root, &area, &model, &chart.bands, x_ticks, (x0, x1), last)?;
        }
        legend_of(&legend, m)?;
        root.present().ok()?;
    }
    Some((svg, (CHART_W, height)))
}

/// One panel in `area`: its y axis with its unit, the shaded annotations and its lines; the
/// lowest one also the period labels. Labels and marks go on `root`, whose coordinates are the
/// backend's that the chart hands out.
fn panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    m: &ChartModel,
    marked: &[(u64, Period, Period)],
    x_ticks: &[(f64, String)],
    (x0, x1): (f64, f64),
    last: bool,
) -> Option<()> {
    let mut c = ChartBuilder::on(area)
        .margin_top(14)
        .margin_right(16)
        .margin_left(6)
        .x_label_area_size(if last { X_LABELS_H } else { 4 })
        .y_label_area_size(78)
        .build_cartesian_2d(x0..x1, m.y_min..m.y_max)
        .ok()?;
    // Axes only: the ticks are the model's (y) and the view's periods (x), drawn below.
    c.configure_mesh()
        .disable_x_mesh()
        .disable_y_mesh()
        .x_labels(0)
        .y_labels(0)
        .axis_style(BLACK.mix(0.7))
        .y_desc(m.unit.clone())
        .axis_desc_style(("sans-serif", 12))
        .draw()
        .ok()?;
    ticks_of(root, &mut c, x_ticks, &m.y_labels(format_axis), (x0, x1))?;
    bands(&mut c, marked, (m.y_min, m.y_max))?;
    fills(&mut c, m)?;
    for (i, s) in m.series.iter().enumerate().skip(m.stacked) {
        line(root, &mut c, i, s)?;
    }
    Some(())
}

/// Under the lines: a season's band of the earlier years (light grey, per run of consecutive
/// months), and a breakdown's stacked parts as bars per period in their colours.
fn fills<DB: DrawingBackend>(c: &mut Plot<'_, DB>, m: &ChartModel) -> Option<()> {
    let mut runs: Vec<Vec<&crate::analysis::chart::Band>> = Vec::new();
    for b in &m.band {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|p| p.period.next() == b.period) => run.push(b),
            _ => runs.push(vec![b]),
        }
    }
    c.draw_series(runs.iter().map(|run| {
        let mut outline: Vec<(f64, f64)> = run.iter().map(|b| (b.x + 0.5, b.hi)).collect();
        outline.extend(run.iter().rev().map(|b| (b.x + 0.5, b.lo)));
        Polygon::new(outline, RGBColor(0x90, 0x90, 0x90).mix(0.3).filled())
    }))
    .ok()?;
    let stacked = &m.series[..m.stacked.min(m.series.len())];
    let mut bars = Vec::new();
    for p in &m.periods {
        let (from, to) = (p.start_month() as f64 + 0.1, p.end_month() as f64 + 0.9);
        let mut base = 0.0;
        for s in stacked {
            let Some(q) = s.at(p) else { continue };
            let top = base + q.y.max(0.0);
            bars.push(Rectangle::new(
                [(from, base), (to, top)],
                look(&s.identity).colour.filled(),
            ));
            base = top;
        }
    }
    c.draw_series(bars).ok()?;
    Some(())
}

/// Grid lines and labels at the y ticks of the model, labels and tick marks at the periods on
/// the x axis.
fn ticks_of<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    c: &mut Plot<'_, DB>,
    x_ticks: &[(f64, String)],
    y_ticks: &[(f64, String)],
    (x0, x1): (f64, f64),
) -> Option<()> {
    let y0 = y_ticks.first().map_or(0.0, |t| t.0);
    c.draw_series(
        y_ticks.iter().map(|(v, _)| {
            PathElement::new(vec![(x0, *v), (x1, *v)], BLACK.mix(0.12).stroke_width(1))
        }),
    )
    .ok()?;
    let font = ("sans-serif", 12).into_font().color(&BLACK);
    let right = font.pos(Pos::new(HPos::Right, VPos::Center));
    let below = font.pos(Pos::new(HPos::Center, VPos::Top));
    for (v, label) in y_ticks {
        let (px, py) = c.backend_coord(&(x0, *v));
        area.draw(&Text::new(label.clone(), (px - 6, py), right.clone()))
            .ok()?;
    }
    for (x, label) in x_ticks {
        let (px, py) = c.backend_coord(&(*x, y0));
        let style = BLACK.mix(0.7).stroke_width(1);
        area.draw(&PathElement::new(vec![(px, py), (px, py + 4)], style))
            .ok()?;
        area.draw(&Text::new(label.clone(), (px, py + 6), below.clone()))
            .ok()?;
    }
    Some(())
}

/// The annotated periods shaded, with their numbers staggered so overlapping ones stay legible.
fn bands<DB: DrawingBackend>(
    c: &mut Plot<'_, DB>,
    bands: &[(u64, Period, Period)],
    (y0, y1): (f64, f64),
) -> Option<()> {
    let spans: Vec<(u64, f64, f64)> = bands
        .iter()
        .map(|(id, from, to)| {
            let lo = from.start_month().min(to.start_month()) as f64;
            let hi = (from.end_month().max(to.end_month()) + 1) as f64;
            (*id, lo, hi)
        })
        .collect();
    c.draw_series(spans.iter().map(|&(_, lo, hi)| {
        Rectangle::new(
            [(lo, y0), (hi, y1)],
            RGBColor(0x60, 0x60, 0x60).mix(0.13).filled(),
        )
    }))
    .ok()?;
    c.draw_series(spans.iter().flat_map(|&(_, lo, hi)| {
        let style = RGBColor(0x40, 0x40, 0x40).mix(0.5).stroke_width(1);
        [
            PathElement::new(vec![(lo, y0), (lo, y1)], style),
            PathElement::new(vec![(hi, y0), (hi, y1)], style),
        ]
    }))
    .ok()?;
    let slot = (y1 - y0) / 16.0;
    let font = ("sans-serif", 11).into_font().color(&BLACK);
    c.draw_series(spans.iter().enumerate().map(|(i, &(id, lo, _))| {
        Text::new(
            format!("{id}"),
            (lo + 0.25, y1 - slot * (i % 4) as f64),
            font.clone(),
        )
    }))
    .ok()?;
    Some(())
}

/// One series: its runs with its colour and dash pattern, and marks.
fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    c: &mut Plot<'_, DB>,
    i: usize,
    s: &crate::analysis::chart::ChartSeries,
) -> Option<()> {
    let l = look(&s.identity);
    let style = l.colour.stroke_width(2);
    let runs: Vec<Vec<(f64, f64)>> = s
        .runs()
        .iter()
        .map(|r| r.iter().map(|p| (x_of(p), p.y)).collect())
        .collect();
    for run in &runs {
        match l.dash {
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
    // Marks: about 14 per line, offset per line so they do not sit on top of each other.
    let all: Vec<(f64, f64)> = runs.iter().flatten().copied().collect();
    let every = all.len().div_ceil(14).max(1);
    for (k, p) in all.iter().enumerate() {
        if (k + i).is_multiple_of(every) || all.len() <= 14 {
            draw_mark(area, &l.mark, c.backend_coord(p), l.colour)?;
        }
    }
    // A voorlopig figure gets an open ring, as it has an open symbol on screen.
    let ring = l.colour.stroke_width(2);
    for p in s.points.iter().filter(|p| p.provisional) {
        let at = c.backend_coord(&(x_of(p), p.y));
        area.draw(&Circle::new(at, 7, ring)).ok()?;
    }
    Some(())
}

/// The legend below the plot, two sources per row; the reference of a comparison says so.
fn legend_of<DB: DrawingBackend>(
    legend: &DrawingArea<DB, plotters::coord::Shift>,
    m: &ChartModel,
) -> Option<()> {
    let font = ("sans-serif", 12).into_font();
    let col_w = (CHART_W as i32 - 100) / 2;
    for (i, s) in m.series.iter().enumerate() {
        let l = look(&s.identity);
        let x = 84 + (i as i32 % 2) * col_w;
        let y = 10 + (i as i32 / 2) * LEGEND_ROW as i32;
        let style = l.colour.stroke_width(2);
        match l.dash {
            None => {
                legend
                    .draw(&PathElement::new(vec![(x, y), (x + 36, y)], style))
                    .ok()?;
            }
            Some((dash, gap)) => {
                let mut start = x;
                while start < x + 36 {
                    let end = (start + dash as i32).min(x + 36);
                    legend
                        .draw(&PathElement::new(vec![(start, y), (end, y)], style))
                        .ok()?;
                    start = end + gap as i32;
                }
            }
        }
        draw_mark(legend, &l.mark, (x + 18, y), l.colour)?;
        // Long names are cut, the reference mark never.
        let suffix = match (
            m.reference.as_deref() == Some(s.key.bron.as_str()),
            s.has_provisional(),
        ) {
            (true, true) => " (referentie; ○ voorlopig)",
            (true, false) => " (referentie)",
            (false, true) => " (○ voorlopig)",
            (false, false) => "",
        };
        let max_chars = 52 - suffix.chars().count();
        // The rest of a stacked breakdown has no name of its own in the model.
        let mut label = match m.rest == Some(i) {
            true => "rest (totaal min de delen)".to_string(),
            false => super::text::one_line(&s.label),
        };
        if label.chars().count() > max_chars {
            label = label.chars().take(max_chars - 1).collect::<String>() + "…";
        }
        label.push_str(suffix);
        legend
            .draw(&Text::new(
                label,
                (x + 44, y - 6),
                font.clone().color(&BLACK),
            ))
            .ok()?;
    }
    // Series whose unit would need a fourth panel: named, with why they are not drawn.
    for (k, s) in m.left_out.iter().enumerate() {
        let row = (m.series.len().div_ceil(2) + k) as i32;
        let (x, y) = (84, 10 + row * LEGEND_ROW as i32);
        let mut label = super::text::one_line(&s.label);
        if label.chars().count() > 24 {
            label = label.chars().take(23).collect::<String>() + "…";
        }
        let panel = crate::analysis::chart::MAX_PANELS + 1;
        let text = format!(
            "{label}: niet getoond ({} zou een {panel}e paneel worden)",
            s.unit
        );
        let style = font.clone().color(&RGBColor(0x9a, 0x3b, 0x00));
        legend.draw(&Text::new(text, (x, y - 6), style)).ok()?;
    }
    Some(())
}

type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws `mark` centred at pixel position `at` of `area`.
fn draw_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    mark: &Mark,
    (x, y): (i32, i32),
    colour: RGBColor,
) -> Option<()> {
    let filled = colour.filled();
    let poly = |pts: &[(i32, i32)]| {
        Polygon::new(
            pts.iter().map(|(a, b)| (x + a, y + b)).collect::<Vec<_>>(),
            filled,
        )
    };
    let glyph = |c: char| {
        let font = ("sans-serif", 14).into_font().color(&colour);
        let centred = font.pos(Pos::new(HPos::Center, VPos::Center));
        Text::new(c.to_string(), (x, y), centred)
    };
    let done = match mark {
        Mark::Shape(0) => area.draw(&Circle::new((x, y), 4, filled)),
        Mark::Shape(1) => area.draw(&poly(&[(0, -5), (5, 4), (-5, 4)])),
        Mark::Shape(2) => area.draw(&Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], filled)),
        Mark::Shape(3) => {
            let bar = colour.stroke_width(3);
            area.draw(&PathElement::new(vec![(x - 5, y), (x + 5, y)], bar))
                .and_then(|_| area.draw(&PathElement::new(vec![(x, y - 5), (x, y + 5)], bar)))
        }
        Mark::Shape(4) => area.draw(&Cross::new((x, y), 4, colour.stroke_width(3))),
        Mark::Shape(5) => area.draw(&poly(&[(0, 5), (5, -4), (-5, -4)])),
        Mark::Shape(6) => area.draw(&poly(&[(-5, 0), (4, -5), (4, 5)])),
        Mark::Shape(7) => area.draw(&poly(&[(5, 0), (-4, -5), (-4, 5)])),
        Mark::Shape(8) => area.draw(&poly(&STAR)),
        // Spade and club: the glyphs the terminal shows.
        Mark::Shape(9) => area.draw(&glyph('♠')),
        Mark::Shape(_) => area.draw(&glyph('♣')),
        Mark::Glyph(c) => area.draw(&glyph(*c)),
    };
    done.ok()
}

/// A five-pointed star around (0, 0), radius 6 and 2.5.
const STAR: [(i32, i32); 10] = [
    (0, -6),
    (1, -2),
    (6, -2),
    (2, 1),
    (4, 5),
    (0, 2),
    (-4, 5),
    (-2, 1),
    (-6, -2),
    (-1, -2),
];
