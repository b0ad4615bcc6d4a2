//! What the session file held when duiden last read or wrote it, to notice a change by another
//! program (an editor, a sync client, a restore) before saving over it.

use sha2::{Digest, Sha256};
use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// Length, modification time and content hash of a session file. Length and time are compared first
/// (cheap); the hash decides when they differ, so a `touch` is not a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: [u8; 32],
}

/// The file compared with its stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DiskState {
    Same,
    /// Other content, or the file is gone.
    Changed,
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

impl DiskStamp {
    /// The stamp of `bytes` just written to `path`.
    pub(super) fn written(path: &Path, bytes: &[u8]) -> DiskStamp {
        DiskStamp {
            len: bytes.len() as u64,
            modified: fs::metadata(path).and_then(|m| m.modified()).ok(),
            hash: hash(bytes),
        }
    }

    /// The stamp of the file as it is now; `None` when there is no file.
    pub(super) fn read(path: &Path) -> io::Result<Option<DiskStamp>> {
        match crate::load::file::read_regular(path) {
            Ok(bytes) => Ok(Some(DiskStamp::written(path, &bytes))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Compares the file at `path` with this stamp.
    pub(super) fn compare(&self, path: &Path) -> DiskState {
        let Ok(meta) = fs::metadata(path) else {
            return DiskState::Changed;
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return DiskState::Same;
        }
        match crate::load::file::read_regular(path) {
            Ok(bytes) if hash(&bytes) == self.hash => DiskState::Same,
            _ => DiskState::Changed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_not_the_clock() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.toml");
        fs::write(&p, "formaat = 3\n").unwrap();
        let stamp = DiskStamp::read(&p).unwrap().unwrap();
        assert_eq!(stamp.compare(&p), DiskState::Same);
        // Touched: same content, other time.
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert_eq!(stamp.compare(&p), DiskState::Same);
        // Same length, other content.
        fs::write(&p, "formaat = 4\n").unwrap();
        assert_eq!(stamp.compare(&p), DiskState::Changed);
        // Truncated, and gone.
        fs::write(&p, "").unwrap();
        assert_eq!(stamp.compare(&p), DiskState::Changed);
        fs::remove_file(&p).unwrap();
        assert_eq!(stamp.compare(&p), DiskState::Changed);
        assert_eq!(DiskStamp::read(&p).unwrap(), None);
    }
}
