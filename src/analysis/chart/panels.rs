//! Never two units on one axis: series whose units cannot be converted into each other are drawn
//! in stacked panels, each with its own y axis, over one shared time axis.

use super::{ChartModel, ChartSeries, nice_axis};

/// Most panels in one chart: more would leave each too low to read.
pub const MAX_PANELS: usize = 3;

/// One stacked panel: the series in one unit and their y axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub unit: String,
    /// Indices into [`ChartModel::series`], in their order.
    pub series: Vec<usize>,
    pub y_min: f64,
    pub y_max: f64,
    pub y_step: f64,
    pub y_ticks: Vec<f64>,
}

/// Splits off the series whose unit would need a panel beyond [`MAX_PANELS`] (they are named,
/// not drawn) and groups the rest by unit, in order of first appearance.
pub(super) fn split(series: Vec<ChartSeries>) -> (Vec<ChartSeries>, Vec<ChartSeries>, Vec<Panel>) {
    let mut units: Vec<String> = Vec::new();
    let (mut shown, mut left_out) = (Vec::new(), Vec::new());
    for s in series {
        if !units.contains(&s.unit) {
            if units.len() == MAX_PANELS {
                left_out.push(s);
                continue;
            }
            units.push(s.unit.clone());
        }
        shown.push(s);
    }
    let panels = units
        .into_iter()
        .map(|unit| {
            let idx: Vec<usize> = (0..shown.len())
                .filter(|i| shown[*i].unit == unit)
                .collect();
            let ys = idx
                .iter()
                .flat_map(|i| shown[*i].points.iter().map(|p| p.y));
            let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
                (a.min(y), b.max(y))
            });
            let axis = nice_axis(lo, hi, 5);
            Panel {
                unit,
                series: idx,
                y_min: axis.min,
                y_max: axis.max,
                y_step: axis.step,
                y_ticks: axis.ticks,
            }
        })
        .collect();
    (shown, left_out, panels)
}

impl ChartModel {
    /// The chart of one panel: its series on its own y axis, the shared time axis, periods and
    /// marks unchanged. A chart of one panel is itself.
    pub fn panel_model(&self, i: usize) -> ChartModel {
        let Some(p) = self.panels.get(i) else {
            return self.clone();
        };
        if self.panels.len() == 1 {
            return self.clone();
        }
        ChartModel {
            series: p.series.iter().map(|s| self.series[*s].clone()).collect(),
            y_min: p.y_min,
            y_max: p.y_max,
            y_ticks: p.y_ticks.clone(),
            y_step: p.y_step,
            unit: p.unit.clone(),
            mixed_units: false,
            panels: vec![Panel {
                series: (0..p.series.len()).collect(),
                ..p.clone()
            }],
            left_out: Vec::new(),
            ..self.clone()
        }
    }

    /// The panel each series is drawn in, by index into `series`.
    pub fn panel_of(&self, series: usize) -> Option<usize> {
        self.panels.iter().position(|p| p.series.contains(&series))
    }
}
