//! `reeksen.csv` (duiden's own long format) beside a valid `dataset.toml`:
//! no panic, no hang, every diagnostic at a real line and column, both files unchanged.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = invariants::check_dataset(data, invariants::SEED_META.as_bytes());
});
