//! Unit tests of the CBS JSON readers.
