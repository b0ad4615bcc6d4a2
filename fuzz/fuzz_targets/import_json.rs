//! A CBS open-data JSON for `duiden importeer`: v3 TypedDataSet (with its DataProperties and
//! Perioden beside it) or v4 Observations, recognised from the content. No panic, no hang,
//! every error at one of the files (as a whole or at a real line and column), the files
//! unchanged.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = invariants::check_import(
        invariants::IMPORT_JSON_NAME,
        data,
        invariants::CBS_JSON_SIBLINGS,
    );
});
