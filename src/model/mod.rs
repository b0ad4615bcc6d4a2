//! The data model: periods, series, metadata, and what a chart shows. Pure data, no I/O.

pub mod disclosure;
pub mod identity;
pub mod lag;
pub mod meta;
pub mod number;
pub mod period;
pub mod series;
pub mod transform;
pub mod view;

pub use meta::{
    ContextEvent, DatasetMeta, Denominator, IndicatorMeta, Soort, SourceMeta, TrendBreak,
};
pub use period::{Granularity, Period};
pub use series::{Breakdown, Dataset, Observation, Series, SeriesKey, Status};
pub use transform::Transform;
pub use view::{Dimension, ViewKind, ViewSpec};
