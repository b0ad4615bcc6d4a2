//! Analysis on the loaded model: aggregation over periods, differences between sources, and what
//! a chart shows.

pub mod aggregate;
pub mod chart;
pub mod mismatch;
pub mod parallel;
pub mod signals;
pub mod transform;

pub use aggregate::{AggError, AggPoint, aggregate};
pub use mismatch::{
    Comparison, Mismatch, MismatchKind, Settings as MismatchSettings, compare, detect,
    detect_indicator,
};
