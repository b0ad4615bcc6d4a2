//! duiden: the instrument for "duiden van data" sessions.
//!
//! Layers, each depending only on those above it:
//! - [`model`]: periods, series, metadata (pure data);
//! - [`load`]: dataset folders into the model, with file:line:column diagnostics;
//! - [`analysis`]: aggregation over periods and mismatch detection between sources;
//! - [`jobs`]: slow work (loading, detecting, reading sessions) on worker threads, with progress
//!   and cancelling, so the interface never waits on it;
//! - [`tui`]: the terminal interface (never parses files, only asks the layers above).

pub mod analysis;
pub mod cli;
pub mod derive;
pub mod import;
pub mod jobs;
pub mod load;
pub mod model;
pub mod report;
pub mod session;
pub mod tui;
