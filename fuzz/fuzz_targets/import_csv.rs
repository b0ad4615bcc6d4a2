//! A CSV for `duiden importeer`: a CBS TypedDataSet (with its DataProperties, Perioden and
//! TableInfos beside it) or a StatLine download, the layout recognised from the content as the
//! command does. No panic, no hang, every error at one of the files (as a whole or at a real
//! line and column), the files unchanged.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = invariants::check_import(
        invariants::IMPORT_CSV_NAME,
        data,
        invariants::TYPED_CSV_SIBLINGS,
    );
});
