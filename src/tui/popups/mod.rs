//! Overlays drawn above a screen.

pub mod annotate;
pub mod follow_up;
pub mod help;
pub mod start;
