//! A record-level extract (CSV) for `duiden afleiden`, derived with the default column names.
//! No panic, no hang, an error that names the file (as a whole or at a real line), every record
//! not counted at a real line, the file unchanged.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = invariants::check_extract(data);
});
