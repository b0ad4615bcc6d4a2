//! Reusable widgets and their state.

pub mod browser;
pub mod chart;
pub mod chart_fill;
pub mod chart_model;
pub mod hit;
pub mod list_view;
pub mod text;
