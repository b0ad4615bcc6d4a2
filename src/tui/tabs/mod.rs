//! Screens.

pub mod trend;
