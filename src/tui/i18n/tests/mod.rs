//! Tests of the catalogs: every text in both languages, and the wording of differences.

mod catalog;
mod detail;
mod errors;
