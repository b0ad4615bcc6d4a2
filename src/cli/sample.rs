//! Where the sample dataset is, wherever duiden is started from and wherever it was built: in the
//! working directory, beside the program (a checkout's `target/release/duiden`), else the copy
//! built into the program, unpacked once into the user's cache folder.

use crate::load::{DATA_FILE, META_FILE};
use sha2::{Digest, Sha256};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Folder of the sample shipped with duiden, relative to a checkout.
pub const SAMPLE_DIR: &str = "datasets/voorbeeld";

/// The sample's files, built in (about 240 kB) so that an installed or copied binary has it too.
const EMBEDDED: [(&str, &str); 2] = [
    (
        META_FILE,
        include_str!("../../datasets/voorbeeld/dataset.toml"),
    ),
    (
        DATA_FILE,
        include_str!("../../datasets/voorbeeld/reeksen.csv"),
    ),
];

/// How many folders above the program's own folder are searched: `target/release/duiden` is two
/// below the checkout, `target/<triple>/release/duiden` three.
const LEVELS_UP: usize = 3;

/// The sample folder, or a Dutch message saying where duiden looked.
pub fn sample_dir() -> Result<PathBuf, String> {
    if let Some(dir) = on_disk() {
        return Ok(dir);
    }
    unpack().map_err(|(folder, e)| {
        format!(
            "duiden: het voorbeeld ({SAMPLE_DIR}) staat niet in de werkmap en niet naast het \
             programma, en uitpakken naar {} lukte niet: {e}; geef een datasetmap op \
             (duiden MAP of duiden controleer MAP)",
            folder.display()
        )
    })
}

fn is_dataset(dir: &Path) -> bool {
    dir.join(META_FILE).is_file() && dir.join(DATA_FILE).is_file()
}

/// `datasets/voorbeeld` under the working directory (kept relative: sessions record it so), else
/// under the program's folder or one of the folders above it.
fn on_disk() -> Option<PathBuf> {
    let local = PathBuf::from(SAMPLE_DIR);
    if is_dataset(&local) {
        return Some(local);
    }
    let exe = std::env::current_exe().ok()?;
    // Through a symlink (`~/.local/bin/duiden`) to where the program really is.
    let exe = fs::canonicalize(&exe).unwrap_or(exe);
    exe.ancestors()
        .skip(1)
        .take(LEVELS_UP + 1)
        .map(|dir| dir.join(SAMPLE_DIR))
        .find(|dir| is_dataset(dir))
}

/// Unpacks the built-in copy into the first folder that takes it: the user's cache folder, else
/// a per-user folder in the temporary folder. The error names the last folder tried.
fn unpack() -> Result<PathBuf, (PathBuf, io::Error)> {
    let mut last = None;
    for base in unpack_bases() {
        match unpack_into(&base) {
            Ok(dir) => return Ok(dir),
            Err(e) => last = Some((base, e)),
        }
    }
    Err(last.unwrap_or_else(|| {
        (
            PathBuf::from("."),
            io::Error::other("geen map om in te pakken"),
        )
    }))
}

fn unpack_bases() -> Vec<PathBuf> {
    let env = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let cache = if cfg!(windows) {
        env("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Caches"))
    } else {
        env("XDG_CACHE_HOME").or_else(|| env("HOME").map(|h| h.join(".cache")))
    };
    let user = crate::session::store::user_name();
    cache
        .map(|c| c.join("duiden"))
        .into_iter()
        .chain([std::env::temp_dir().join(format!("duiden-{user}"))])
        .collect()
}

/// The built-in copy in `base/voorbeeld-<content hash>`: reused when it is there and intact,
/// else written to a temporary folder and renamed into place, so nobody ever loads half of it.
fn unpack_into(base: &Path) -> io::Result<PathBuf> {
    let dir = base.join(format!("voorbeeld-{}", content_hash()));
    if holds_embedded(&dir) {
        return Ok(dir);
    }
    fs::create_dir_all(base)?;
    let tmp = base.join(format!(".voorbeeld.{}.tmp", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let placed = (|| {
        fs::create_dir(&tmp)?;
        for (name, text) in EMBEDDED {
            fs::write(tmp.join(name), text)?;
        }
        match fs::rename(&tmp, &dir) {
            Ok(()) => Ok(()),
            // Another duiden was first.
            Err(_) if holds_embedded(&dir) => Ok(()),
            // A damaged copy is in the way: replace it.
            Err(_) => {
                let _ = fs::remove_dir_all(&dir);
                fs::rename(&tmp, &dir)
            }
        }
    })();
    let _ = fs::remove_dir_all(&tmp);
    placed?;
    if holds_embedded(&dir) {
        Ok(dir)
    } else {
        Err(io::Error::other("uitgepakte kopie is onvolledig"))
    }
}

fn holds_embedded(dir: &Path) -> bool {
    EMBEDDED
        .iter()
        .all(|(name, text)| fs::read(dir.join(name)).is_ok_and(|b| b == text.as_bytes()))
}

/// Short hash of the built-in files: a newer duiden with a changed sample unpacks beside the old.
fn content_hash() -> String {
    let mut hasher = Sha256::new();
    for (name, text) in EMBEDDED {
        hasher.update(name.as_bytes());
        hasher.update([0u8]);
        hasher.update(text.as_bytes());
    }
    let hex = format!("{:x}", hasher.finalize());
    hex[..12].to_string()
}
