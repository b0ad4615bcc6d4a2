//! The data model: periods, series, metadata. Pure data, no I/O.

pub mod meta;
pub mod number;
pub mod period;
pub mod series;

pub use meta::{ContextEvent, DatasetMeta, IndicatorMeta, Soort, SourceMeta, TrendBreak};
pub use period::{Granularity, Period};
pub use series::{Breakdown, Dataset, Observation, Series, SeriesKey, Status};
