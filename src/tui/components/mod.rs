//! Reusable widgets and their state.

pub mod browser;
pub mod chart;
pub mod chart_model;
