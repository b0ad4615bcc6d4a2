//! Putting the new files in place: written beside the folder, checked, then renamed.

use super::WriteError;
use crate::load::{DATA_FILE, META_FILE, load_dataset};
use std::path::{Path, PathBuf};

/// The folder beside `dir` where the new files are written first.
pub(super) fn temp_dir(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map_or("dataset".into(), |n| n.to_string_lossy().to_string());
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join(format!(".{name}.importeer"))
}

/// Writes both files beside the folder, checks they load, then puts them in place.
pub(super) fn commit(
    dir: &Path,
    meta_text: &str,
    data_text: &str,
    stop: &dyn Fn() -> bool,
) -> Result<(), WriteError> {
    let tmp = temp_dir(dir);
    let parent = tmp.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| WriteError(format!("{}: {e}", parent.display())))?;
    let io = |p: &Path, e: std::io::Error| WriteError(format!("{}: {e}", p.display()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir(&tmp).map_err(|e| io(&tmp, e))?;
    let result = (|| {
        write_synced(&tmp.join(META_FILE), meta_text).map_err(|e| io(&tmp, e))?;
        write_synced(&tmp.join(DATA_FILE), data_text).map_err(|e| io(&tmp, e))?;
        load_dataset(&tmp).map_err(|e| {
            let text = e
                .to_string()
                .replace(&tmp.display().to_string(), &dir.display().to_string());
            WriteError(format!(
                "{text}\nhet resultaat zou niet laden; de datasetmap is niet veranderd"
            ))
        })?;
        // The last moment to give up: after this the renames run to the end.
        if stop() {
            return Err(WriteError(format!(
                "{}: afgebroken; de datasetmap is niet veranderd",
                dir.display()
            )));
        }
        if dir.join(META_FILE).exists() {
            replace_both(dir, &tmp)
        } else {
            if dir.is_dir() {
                // An empty or foreign folder: the files go in, nothing else is touched.
                for f in [DATA_FILE, META_FILE] {
                    std::fs::rename(tmp.join(f), dir.join(f)).map_err(|e| io(&dir.join(f), e))?;
                }
                return Ok(());
            }
            std::fs::rename(&tmp, dir).map_err(|e| io(dir, e))
        }
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

/// Writes `text` and syncs it, so a rename after it never exposes a half-written file.
fn write_synced(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::File::create(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// Puts the new `dataset.toml` and `reeksen.csv` from `tmp` in place of the old ones. The
/// metadata goes first: it only adds bronnen and indicatoren (and changes a vintage), so a stop
/// between the two renames leaves a folder that loads with its old rows, and importing again
/// completes it. Should the second rename fail, the old metadata is put back.
fn replace_both(dir: &Path, tmp: &Path) -> Result<(), WriteError> {
    let io = |p: &Path, e: std::io::Error| WriteError(format!("{}: {e}", p.display()));
    let (meta, data) = (dir.join(META_FILE), dir.join(DATA_FILE));
    let backup = tmp.join("dataset.toml.vorige");
    std::fs::hard_link(&meta, &backup)
        .or_else(|_| std::fs::copy(&meta, &backup).map(|_| ()))
        .map_err(|e| io(&meta, e))?;
    std::fs::rename(tmp.join(META_FILE), &meta).map_err(|e| io(&meta, e))?;
    if let Err(e) = std::fs::rename(tmp.join(DATA_FILE), &data) {
        let _ = std::fs::rename(&backup, &meta);
        return Err(io(&data, e));
    }
    Ok(())
}
