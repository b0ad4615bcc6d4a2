//! The chart model lives in [`crate::analysis::chart`], shared with the HTML minutes; this path
//! stays for the interface's imports.

pub use crate::analysis::chart::{
    ChartModel, ChartPoint, ChartSeries, MarkKind, TimeMark, nice_axis,
};
