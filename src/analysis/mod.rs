//! Analysis on the loaded model: aggregation over periods and differences between sources.

pub mod aggregate;
pub mod mismatch;

pub use aggregate::{AggError, AggPoint, aggregate};
pub use mismatch::{
    Comparison, Mismatch, MismatchKind, Settings as MismatchSettings, compare, detect,
    detect_indicator,
};
