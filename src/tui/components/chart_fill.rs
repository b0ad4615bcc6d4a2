//! The filled parts of a chart: a season's band of earlier years behind the lines, and the
//! stacked bars of a breakdown's parts. Vertical canvas lines at the canvas's own resolution, so
//! every line style fills alike.

use super::chart_model::ChartModel;
use crate::tui::style::Theme;
use ratatui::style::Color;
use ratatui::widgets::canvas::{Context, Line as CanvasLine, Points};

/// Vertical strokes per column of the plot: braille has two dots per cell.
const PER_COLUMN: f64 = 2.0;

/// The band as a stipple of braille dots between its points (linearly), in the grid's colour:
/// behind the lines, light enough to read them over it, and the same in every colour depth.
pub fn paint_band(model: &ChartModel, theme: &Theme, dx: f64, dy: f64, ctx: &mut Context) {
    // Every other braille dot across and down: dots are half a cell wide, a quarter high.
    let (step_x, step_y) = (dx, dy / 2.0);
    let mut dots: Vec<(f64, f64)> = Vec::new();
    let mut column = |x: f64, lo: f64, hi: f64| {
        let mut y = (lo / step_y).ceil() * step_y;
        while y <= hi {
            dots.push((x, y));
            y += step_y;
        }
    };
    for w in model.band.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if b.x <= a.x || b.period != a.period.next() {
            continue;
        }
        let mut x = (a.x / step_x).ceil() * step_x;
        while x <= b.x {
            let f = (x - a.x) / (b.x - a.x);
            column(x, a.lo + (b.lo - a.lo) * f, a.hi + (b.hi - a.hi) * f);
            x += step_x;
        }
    }
    // A slot without a neighbour still shows its band.
    for (i, b) in model.band.iter().enumerate() {
        let next = |o: &crate::analysis::chart::Band| o.period == b.period.next();
        let prev = i > 0 && b.period == model.band[i - 1].period.next();
        if !prev && !model.band.get(i + 1).is_some_and(next) {
            column(b.x, b.lo, b.hi);
        }
    }
    ctx.draw(&Points {
        coords: &dots,
        color: theme.grid,
    });
}

/// The first `model.stacked` series as bars on each other, one per period over its width;
/// negative values are not stacked (a part is never below nothing).
pub fn paint_stacked(model: &ChartModel, theme: &Theme, dx: f64, ctx: &mut Context) {
    let step = dx / PER_COLUMN;
    let stacked = &model.series[..model.stacked.min(model.series.len())];
    for period in &model.periods {
        let (from, to) = (period.start_month() as f64, period.end_month() as f64 + 1.0);
        let mut base = 0.0;
        for s in stacked {
            let Some(p) = s.at(period) else { continue };
            let top = base + p.y.max(0.0);
            let colour = theme.series_colour(&s.identity);
            // Inset a little so neighbouring periods stay apart.
            let mut x = from + step;
            while x < to - step / 2.0 {
                ctx.draw(&vertical(x, base, top, colour));
                x += step;
            }
            base = top;
        }
    }
}

fn vertical(x: f64, lo: f64, hi: f64, color: Color) -> CanvasLine {
    CanvasLine {
        x1: x,
        y1: lo,
        x2: x,
        y2: hi,
        color,
    }
}
