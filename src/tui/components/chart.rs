//! The trend chart: braille lines per series, a symbol per series at readable intervals (open for
//! voorlopig), Dutch y labels, period labels, context events and trend breaks on the time axis, and
//! a cursor.

use super::chart_model::{ChartModel, MarkKind};
use crate::model::{Granularity, Period};
use crate::tui::i18n::t;
use crate::tui::style::{Theme, symbol};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line as CanvasLine, Points};

#[derive(Clone, Copy)]
pub struct TrendChart<'a> {
    pub model: &'a ChartModel,
    pub theme: &'a Theme,
    pub cursor: Option<Period>,
    /// Periods being selected for an annotation (`v` then cursor).
    pub range: Option<(Period, Period)>,
    /// Annotated periods, marked on their own row under the time axis.
    pub notes: &'a [AxisNote],
}

/// An annotation on the time axis: a marker per kind (not colour alone) over its period.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisNote {
    pub from: Period,
    pub to: Period,
    pub marker: &'static str,
    pub selected: bool,
}

/// The geometry of the plot, shared by drawing and mouse hit-testing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotGeometry {
    pub plot: Rect,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
}

impl PlotGeometry {
    /// Cell column of an x value, matching where the canvas draws braille dots.
    pub fn column(&self, x: f64) -> u16 {
        let w = self.plot.width.max(1) as f64;
        let gx = ((x - self.x_min) * (2.0 * w - 1.0) / (self.x_max - self.x_min)).round();
        self.plot.x + ((gx / 2.0).floor() as u16).min(self.plot.width.saturating_sub(1))
    }

    pub fn row(&self, y: f64) -> u16 {
        let h = self.plot.height.max(1) as f64;
        let gy = ((self.y_max - y) * (4.0 * h - 1.0) / (self.y_max - self.y_min)).round();
        self.plot.y + ((gy / 4.0).floor() as u16).min(self.plot.height.saturating_sub(1))
    }

    /// x value under a screen column (inverse of `column`).
    pub fn x_at(&self, column: u16) -> f64 {
        let w = self.plot.width.max(1) as f64;
        let c = column.saturating_sub(self.plot.x) as f64 + 0.5;
        self.x_min + c / w * (self.x_max - self.x_min)
    }
}

/// The y ticks labelled in the interface's language.
fn y_labels(model: &ChartModel) -> Vec<(f64, String)> {
    model.y_labels(|v, step, top| t().axis(v, step, top))
}

/// Too low for the unit, annotation and event rows.
fn is_compact(area: Rect) -> bool {
    area.height < 9
}

/// Width of the y labels (and the gap before the axis): the widest over every panel, so the
/// panels share one time axis.
fn label_width(model: &ChartModel) -> u16 {
    let labels = match model.panels.len() {
        0 | 1 => y_labels(model),
        n => (0..n)
            .flat_map(|i| y_labels(&model.panel_model(i)))
            .collect(),
    };
    let widest = (labels.iter())
        .map(|t| t.1.chars().count())
        .max()
        .unwrap_or(1);
    widest as u16 + 1
}

/// Where one panel goes: its rows, with `top` rows above the plot (the unit) and `bottom` rows
/// below (time axis, annotations, events) — only the lowest panel has the time axis.
#[derive(Debug, Clone, Copy)]
struct Slot {
    area: Rect,
    top: u16,
    bottom: u16,
    first: bool,
    last: bool,
}

/// Stacks the panels of `model` in `area`: each gets a unit row and an equal share of the plot
/// rows, the lowest the rows under the time axis. `None` when a panel would get under two rows.
fn slots(model: &ChartModel, area: Rect) -> Option<Vec<Slot>> {
    let n = model.panels.len().max(1) as u16;
    if n == 1 {
        let (top, bottom) = if is_compact(area) { (0, 1) } else { (1, 3) };
        return (area.height >= top + bottom + 2).then_some(vec![Slot {
            area,
            top,
            bottom,
            first: true,
            last: true,
        }]);
    }
    // Rows under the axis go first when room is short: the panels matter more.
    let bottom = if area.height >= n * 4 + 3 { 3 } else { 1 };
    let plot_rows = area.height.checked_sub(n + bottom)?;
    let each = plot_rows / n;
    if each < 2 {
        return None;
    }
    let mut y = area.y;
    let out = (0..n)
        .map(|i| {
            let last = i + 1 == n;
            let height = if last {
                area.y + area.height - y
            } else {
                1 + each
            };
            let slot = Slot {
                area: Rect { y, height, ..area },
                top: 1,
                bottom: if last { bottom } else { 0 },
                first: i == 0,
                last,
            };
            y += height;
            slot
        })
        .collect();
    Some(out)
}

fn plot_geometry(model: &ChartModel, slot: &Slot, label_w: u16) -> Option<PlotGeometry> {
    let area = slot.area;
    if area.width < label_w + 10 || area.height < slot.top + slot.bottom + 1 {
        return None;
    }
    Some(PlotGeometry {
        plot: Rect {
            x: area.x + label_w + 1,
            y: area.y + slot.top,
            width: area.width - label_w - 1,
            height: area.height - slot.top - slot.bottom,
        },
        x_min: model.x_min,
        x_max: model.x_max,
        y_min: model.y_min,
        y_max: model.y_max,
    })
}

/// Lays out the chart inside `area`: y labels left, x labels and the event row below. With
/// panels, the top panel's plot (every panel has the same columns).
pub fn geometry(model: &ChartModel, area: Rect) -> Option<PlotGeometry> {
    let slot = slots(model, area)?.into_iter().next()?;
    let g = plot_geometry(model, &slot, label_width(model))?;
    // The y range is the top panel's; the columns are every panel's.
    Some(match model.panels.first() {
        Some(p) => PlotGeometry {
            y_min: p.y_min,
            y_max: p.y_max,
            ..g
        },
        None => g,
    })
}

impl Widget for TrendChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.base());
        if self.model.is_empty() || !self.model.has_values() {
            let text = if self.model.is_empty() {
                t().chart_empty
            } else {
                t().chart_no_values
            };
            buf.set_stringn(
                area.x + 1,
                area.y + area.height / 2,
                text,
                area.width as usize - 1,
                theme.dimmed(),
            );
            return;
        }
        let label_w = label_width(self.model);
        let too_small = |buf: &mut Buffer| {
            let w = area.width as usize;
            buf.set_stringn(area.x, area.y, t().chart_too_small, w, theme.warning());
        };
        let Some(slots) = slots(self.model, area) else {
            return too_small(buf);
        };
        for (i, slot) in slots.iter().enumerate() {
            // A chart of one panel is drawn as it is; panels get a model of their own.
            let model = match slots.len() {
                1 => std::borrow::Cow::Borrowed(self.model),
                _ => std::borrow::Cow::Owned(self.model.panel_model(i)),
            };
            let panel = TrendChart {
                model: &model,
                ..self
            };
            let Some(g) = plot_geometry(&model, slot, label_w) else {
                return too_small(buf);
            };
            panel.draw_panel(&g, slot, buf);
        }
    }
}

impl TrendChart<'_> {
    /// One panel: its unit and y axis, grid, lines and symbols; the lowest one the time axis
    /// and the rows under it, the top one the cursor's period.
    fn draw_panel(&self, g: &PlotGeometry, slot: &Slot, buf: &mut Buffer) {
        self.y_axis(g, slot.area, slot.top == 0, buf);
        // Grid, marks and cursor stay fine braille whatever the line style, so heavier lines do
        // not turn them into bars; the lines are drawn over them.
        self.background(g).render(g.plot, buf);
        self.canvas(g).render(g.plot, buf);
        self.symbols(g, buf);
        if slot.last {
            let axis_row = self.x_axis(g, buf);
            // Small multiples are compact: no rows under the axis.
            if slot.bottom >= 3 {
                self.notes_row(g, axis_row + 1, buf);
                self.events_row(g, axis_row + 2, buf);
            }
        }
        if slot.first && slot.top > 0 {
            self.cursor_label(slot.area, buf);
        }
    }
}

impl TrendChart<'_> {
    /// The unit (or the mixed-units warning) above, tick labels right-aligned against the axis.
    fn y_axis(&self, g: &PlotGeometry, area: Rect, compact: bool, buf: &mut Buffer) {
        let (theme, model) = (self.theme, self.model);
        let (title, style) = if model.mixed_units {
            (t().mixed_units.to_string(), theme.warning())
        } else {
            (model.unit.clone(), theme.dimmed())
        };
        if !compact {
            buf.set_stringn(area.x, area.y, title, area.width as usize, style);
        }
        let label_right = g.plot.x - 1;
        let mut used = Vec::new();
        for (v, label) in y_labels(model).into_iter().rev() {
            let row = g.row(v);
            // A low panel has fewer rows than ticks: one label per row, the highest tick's.
            if used.contains(&row) {
                continue;
            }
            used.push(row);
            let w = label.chars().count() as u16;
            buf.set_string(label_right.saturating_sub(w), row, &label, theme.dimmed());
            buf.set_string(label_right, row, "┤", theme.dimmed());
        }
        for row in g.plot.y..g.plot.y + g.plot.height {
            if buf[(label_right, row)].symbol() == " " {
                buf[(label_right, row)]
                    .set_symbol("│")
                    .set_style(theme.dimmed());
            }
        }
    }

    /// Grid, marks, range and cursor, in braille.
    fn background<'b>(&'b self, g: &'b PlotGeometry) -> impl Widget + 'b {
        Canvas::default()
            .marker(ratatui::symbols::Marker::Braille)
            .background_color(self.theme.bg)
            .x_bounds([g.x_min, g.x_max])
            .y_bounds([g.y_min, g.y_max])
            .paint(move |ctx| self.paint_background(g, ctx))
    }

    /// The series' lines, in the theme's line style.
    fn canvas<'b>(&'b self, g: &'b PlotGeometry) -> impl Widget + 'b {
        let (theme, model) = (self.theme, self.model);
        Canvas::default()
            .marker(theme.marker)
            .background_color(theme.bg)
            .x_bounds([g.x_min, g.x_max])
            .y_bounds([g.y_min, g.y_max])
            .paint(move |ctx| {
                let dx = (g.x_max - g.x_min) / (g.plot.width.max(1) as f64);
                super::chart_fill::paint_stacked(model, theme, dx, ctx);
                for s in model.series.iter().skip(model.stacked) {
                    let color = theme.series_colour(&s.identity);
                    for (a, b) in s.segments() {
                        ctx.draw(&CanvasLine {
                            x1: a.x,
                            y1: a.y,
                            x2: b.x,
                            y2: b.y,
                            color,
                        });
                    }
                }
            })
    }

    /// The dotted grid (when on) and marks, light enough not to compete with the data; the range and the
    /// cursor as vertical lines.
    fn paint_background(&self, g: &PlotGeometry, ctx: &mut Context) {
        let (theme, model) = (self.theme, self.model);
        let dx = (g.x_max - g.x_min) / (g.plot.width.max(1) as f64);
        let dy = (g.y_max - g.y_min) / (g.plot.height.max(1) as f64);
        let ticks = if theme.grid_dots {
            &model.y_ticks[..]
        } else {
            &[]
        };
        let grid: Vec<(f64, f64)> = ticks
            .iter()
            .flat_map(|v| {
                (0..g.plot.width)
                    .step_by(2)
                    .map(move |c| (g.x_min + c as f64 * dx, *v))
            })
            .collect();
        ctx.draw(&Points {
            coords: &grid,
            color: theme.grid,
        });
        super::chart_fill::paint_band(model, theme, dx, dy, ctx);
        for m in &model.marks {
            let color = match m.kind {
                MarkKind::Event => theme.grid,
                MarkKind::Break => theme.warning,
            };
            let dots: Vec<(f64, f64)> = (0..g.plot.height)
                .map(|r| (m.start, g.y_min + (r as f64 + 0.5) * dy))
                .collect();
            ctx.draw(&Points {
                coords: &dots,
                color,
            });
        }
        let range_edges = self
            .range
            .map(|(a, b)| [a.start_month() as f64, b.end_month() as f64 + 1.0]);
        for x in range_edges.into_iter().flatten() {
            ctx.draw(&vertical(g, x, theme.accent));
        }
        if let Some(c) = self.cursor {
            ctx.draw(&vertical(g, c.mid(), theme.dim));
        }
    }

    /// Symbols: every point when there is room, otherwise at intervals; voorlopig always.
    fn symbols(&self, g: &PlotGeometry, buf: &mut Buffer) {
        // Stacked bars are told apart by colour and the legend, not by marks at their value.
        for s in self.model.series.iter().skip(self.model.stacked) {
            let style = self.theme.series(&s.identity).add_modifier(Modifier::BOLD);
            let n = s.points.len().max(1);
            let every = (n * 4).div_ceil(g.plot.width.max(1) as usize).max(1);
            for (i, p) in s.points.iter().enumerate() {
                let lone = !s
                    .points
                    .iter()
                    .any(|q| q.period.next() == p.period || p.period.next() == q.period);
                if p.provisional || lone || i % every == 0 || i == n - 1 {
                    buf.set_string(
                        g.column(p.x),
                        g.row(p.y),
                        symbol(&s.identity, p.provisional),
                        style,
                    );
                }
            }
        }
    }

    /// The time axis with period labels on the row under the plot; returns that row.
    fn x_axis(&self, g: &PlotGeometry, buf: &mut Buffer) -> u16 {
        let theme = self.theme;
        let axis_row = g.plot.y + g.plot.height;
        let axis: String = "─".repeat(g.plot.width as usize);
        buf.set_string(g.plot.x, axis_row, &axis, theme.dimmed());
        buf.set_string(g.plot.x - 1, axis_row, "└", theme.dimmed());
        let mut next_free = g.plot.x;
        for (p, label) in axis_labels(self.model, g.plot.width) {
            let col = g.column(p.start_month() as f64);
            if col < next_free {
                continue;
            }
            let width = label.chars().count() as u16;
            if col + width > g.plot.x + g.plot.width {
                break;
            }
            buf.set_string(col, axis_row, "┬", theme.dimmed());
            buf.set_string(col + 1, axis_row, &label, theme.base());
            next_free = col + width + 2;
        }
        axis_row
    }

    /// Annotations (the selected one on top) and the range being selected, on their own row.
    fn notes_row(&self, g: &PlotGeometry, row: u16, buf: &mut Buffer) {
        let theme = self.theme;
        let span_cols = |from: &Period, to: &Period| {
            let a = g.column(from.start_month().max(g.x_min as i64) as f64);
            let b = g
                .column((to.end_month() as f64 + 1.0).min(g.x_max) - 0.01)
                .max(a);
            (a, b)
        };
        let notes = self.notes.iter().filter(|n| !n.selected);
        for n in notes.chain(self.notes.iter().filter(|n| n.selected)) {
            if (n.to.end_month() as f64) < g.x_min || n.from.start_month() as f64 > g.x_max {
                continue;
            }
            let (a, b) = span_cols(&n.from, &n.to);
            let style = if n.selected {
                theme.selected()
            } else {
                theme.base().fg(theme.accent)
            };
            for c in a + 1..=b {
                buf.set_string(c, row, "─", style);
            }
            buf.set_string(a, row, n.marker, style.add_modifier(Modifier::BOLD));
        }
        if let Some((from, to)) = self.range {
            let (a, b) = span_cols(&from, &to);
            let style = theme.base().fg(theme.accent).add_modifier(Modifier::BOLD);
            for c in a..=b {
                buf.set_string(c, row, "━", style);
            }
            buf.set_string(a, row, "┣", style);
            buf.set_string(b, row, "┫", style);
        }
    }

    /// Events and breaks under the axis, with as much of their text as fits.
    /// Events and breaks at their dates, each with its number (the readout names the one under
    /// the cursor in full) and as much of its text as fits before the next one.
    fn events_row(&self, g: &PlotGeometry, row: u16, buf: &mut Buffer) {
        let theme = self.theme;
        let end = g.plot.x + g.plot.width;
        let cols: Vec<u16> = (self.model.marks.iter())
            .map(|m| g.column(m.start.max(g.x_min)))
            .collect();
        let mut next_free = g.plot.x;
        for (i, m) in self.model.marks.iter().enumerate() {
            // A mark whose date is taken by the one before moves just after it.
            let col = cols[i].max(next_free);
            if col >= end {
                break;
            }
            let (sym, style) = match m.kind {
                MarkKind::Event => ("◆", theme.base().fg(theme.accent)),
                MarkKind::Break => ("╫", theme.warning()),
            };
            // Room up to the next mark: marks on one date give each other their number.
            let next = cols.get(i + 1).copied().unwrap_or(end).max(col);
            let room = (next.min(end) - col).saturating_sub(1) as usize;
            // At least the mark and its number, whatever the room.
            let number = format!("{sym}{}", i + 1);
            let label = format!("{number} {}", m.text);
            let shown = if label.chars().count() <= room {
                label
            } else if room > number.chars().count() + 2 {
                let cut: String = label.chars().take(room - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                number
            };
            let width = shown.chars().count().max(1) as u16;
            buf.set_span(col, row, &Span::styled(shown, style), width);
            next_free = col + width + 1;
        }
    }

    /// The cursor's period above the plot, right-aligned.
    fn cursor_label(&self, area: Rect, buf: &mut Buffer) {
        let Some(c) = self.cursor else {
            return;
        };
        let label = t().cursor_title(&t().period_short(&c));
        let w = label.chars().count() as u16;
        if w < area.width {
            buf.set_string(
                area.x + area.width - w,
                area.y,
                label,
                self.theme.base().add_modifier(Modifier::BOLD),
            );
        }
    }
}

/// A vertical line over the whole plot at `x`.
fn vertical(g: &PlotGeometry, x: f64, color: ratatui::style::Color) -> CanvasLine {
    CanvasLine {
        x1: x,
        y1: g.y_min,
        x2: x,
        y2: g.y_max,
        color,
    }
}

/// Period labels for the x axis: years when the span is long, else quarters or months.
fn axis_labels(model: &ChartModel, width: u16) -> Vec<(Period, String)> {
    let (Some(first), Some(last)) = (model.periods.first(), model.periods.last()) else {
        return Vec::new();
    };
    let months = (last.end_month() - first.start_month() + 1).max(1);
    let per_label_cols = 8.0;
    let fits = |count: i64| (count as f64) * per_label_cols <= width as f64;
    // Months when zoomed into a year or two, every other one when every one does not fit.
    let (gran, step) = if months <= 18 && fits(months) {
        (Granularity::Month, 1)
    } else if months <= 24 && fits((months + 1) / 2) {
        (Granularity::Month, 2)
    } else if months <= 48 && fits(months / 3) {
        (Granularity::Quarter, 1)
    } else {
        (Granularity::Year, 1)
    };
    let mut out = Vec::new();
    let mut p = Period::from_month_number(first.start_month())
        .coarsen(gran)
        .unwrap_or(*first);
    if p.start_month() < first.start_month() {
        p = p.next();
    }
    while p.start_month() <= last.end_month() {
        let label = match gran {
            Granularity::Year => p.year.to_string(),
            _ => t().period_short(&p),
        };
        out.push((p, label));
        for _ in 0..step {
            p = p.next();
        }
    }
    out
}
