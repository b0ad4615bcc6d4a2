//! `dataset.toml` beside a valid `reeksen.csv`: no panic, no hang, every diagnostic at a real
//! line and column (in either file), both files unchanged.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = invariants::check_dataset(invariants::SEED_CSV.as_bytes(), data);
});
