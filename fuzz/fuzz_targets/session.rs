//! A session file: no panic, no hang, an error at a real line and column, the file unchanged;
//! and a session that loads saves and loads back equal (load(save(s)) == s).
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = invariants::check_session(data);
});
