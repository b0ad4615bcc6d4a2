//! Exported files (a view as SVG and PNG): always a new file, never over an existing one. Beside
//! the session through its writer, or without a session in an `exports` folder beside the
//! sessions folder ([`exports_dir`]).

use super::{SessionError, parent_dir};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Where exports go without a (writable) session: `exports/` beside the sessions folder, so
/// `sessions/` and `exports/` sit side by side in the working folder (`./exports` when the
/// sessions folder is a bare name).
pub fn exports_dir(sessions_dir: &Path) -> PathBuf {
    parent_dir(sessions_dir).join("exports")
}

/// Most numbered names tried before giving up.
const MAX_NUMBER: u32 = 10_000;

/// Writes `bytes` as `dir/<stem>.<ext>`, or `<stem>-2.<ext>`, `-3`, … when that name is taken;
/// the folder is made when needed. A name is taken when the file exists or, for each of
/// `keep_free`, `<name>.<other>` exists (an SVG leaves the name of its PNG free). Never replaces
/// a file, also not one made at the same moment by another process.
pub fn write_export(
    dir: &Path,
    stem: &str,
    ext: &str,
    keep_free: &[&str],
    bytes: &[u8],
) -> Result<PathBuf, SessionError> {
    fs::create_dir_all(dir).map_err(|e| SessionError::io(dir, e))?;
    for n in 1..=MAX_NUMBER {
        let name = match n {
            1 => stem.to_string(),
            n => format!("{stem}-{n}"),
        };
        let taken = |e: &str| fs::symlink_metadata(dir.join(format!("{name}.{e}"))).is_ok();
        if keep_free.iter().any(|e| taken(e)) {
            continue;
        }
        let path = dir.join(format!("{name}.{ext}"));
        match write_new(&path, bytes) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(SessionError::io(&path, e)),
            Ok(()) => return Ok(path),
        }
    }
    Err(SessionError::io(
        &dir.join(format!("{stem}.{ext}")),
        io::Error::new(io::ErrorKind::AlreadyExists, "geen vrije naam meer"),
    ))
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` when nothing is there (`AlreadyExists` otherwise): complete in a
/// temporary file first, then linked to its name, which fails rather than replaces. Where the
/// filesystem has no hard links, the file is created exclusively and written in place.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().map_or_else(
        || "export".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let tmp = parent_dir(path).join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        TMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    let linked = written.and_then(|()| fs::hard_link(&tmp, path));
    let _ = fs::remove_file(&tmp);
    match linked {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if path.exists() => Err(io::ErrorKind::AlreadyExists.into()),
        // No hard links here (some network and FAT drives): exclusive create still never
        // replaces a file.
        Err(_) => {
            let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
            f.write_all(bytes)?;
            f.sync_all()
        }
        Ok(()) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_never_replace_a_file_and_an_svg_leaves_its_png_name_free() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("exports");
        let kinds = ["svg", "png"];
        let first = write_export(&d, "2026-11-26-jeugd-instroom", "svg", &kinds, b"een").unwrap();
        assert_eq!(first, d.join("2026-11-26-jeugd-instroom.svg"));
        let second = write_export(&d, "2026-11-26-jeugd-instroom", "svg", &kinds, b"twee").unwrap();
        assert_eq!(second, d.join("2026-11-26-jeugd-instroom-2.svg"));
        assert_eq!(fs::read(&first).unwrap(), b"een");
        // The PNG of the first takes its name; a PNG left without its SVG keeps its name.
        let png = write_export(&d, "2026-11-26-jeugd-instroom", "png", &[], b"png").unwrap();
        assert_eq!(png, d.join("2026-11-26-jeugd-instroom.png"));
        fs::write(d.join("x-1.png"), "oud").unwrap();
        fs::write(d.join("x.svg"), "oud").unwrap();
        let third = write_export(&d, "x", "svg", &kinds, b"nieuw").unwrap();
        assert_eq!(third, d.join("x-2.svg"));
        let fourth = write_export(&d, "x-1", "svg", &kinds, b"nieuw").unwrap();
        assert_eq!(fourth, d.join("x-1-2.svg"));
        assert_eq!(fs::read_to_string(d.join("x-1.png")).unwrap(), "oud");
        assert_eq!(fs::read_to_string(d.join("x.svg")).unwrap(), "oud");
        // No temporary files stay behind.
        let hidden = fs::read_dir(&d)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with('.')
            })
            .count();
        assert_eq!(hidden, 0);
    }

    #[test]
    fn write_new_refuses_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.svg");
        fs::write(&p, "oud").unwrap();
        let e = write_new(&p, b"nieuw").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&p).unwrap(), "oud");
    }

    #[test]
    fn the_exports_folder_sits_beside_the_sessions_folder() {
        assert_eq!(
            exports_dir(Path::new("/data/duiden/sessies")),
            Path::new("/data/duiden/exports")
        );
        assert_eq!(exports_dir(Path::new("sessions")), Path::new("./exports"));
    }
}
