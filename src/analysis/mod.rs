//! Analysis on the loaded model: aggregation over periods and (later) differences between sources.

pub mod aggregate;

pub use aggregate::{AggError, AggPoint, aggregate};
