//! Where `--uit` may write: only over a file duiden wrote itself (or with `--overschrijf`), and
//! only into a folder that exists. An export over the session it was made from replaced the
//! session with Markdown before; a typing error in a folder name made a new folder tree.

use super::MARKDOWN_MARK;
use crate::session::store;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Which export is written, for the message after writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Minutes,
    Backlog,
}

/// Why an export is not written to the path asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The folder the file would go in does not exist.
    NoFolder(PathBuf),
    /// The path is a folder, a pipe or another special file.
    NotAFile(PathBuf),
    /// The path holds a session file.
    Session(PathBuf),
    /// The path holds a dataset file (`dataset.toml`, `reeksen.csv`).
    Dataset(PathBuf),
    /// The path holds a file duiden did not write.
    Foreign(PathBuf),
}

/// How much of an existing file is read to recognise it: the marks sit at the start or the end.
const SNIFF: u64 = 64 * 1024;

/// Checks that `text` may be written to `out`; `overwrite` (`--overschrijf`) allows replacing
/// any regular file.
pub fn check_target(out: &Path, text: &str, overwrite: bool) -> Result<(), Refusal> {
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(Refusal::NoFolder(folder));
    }
    let meta = match fs::metadata(out) {
        Ok(m) => m,
        // Nothing there yet (or unreadable: the write reports that with its reason).
        Err(_) => return Ok(()),
    };
    if !meta.is_file() {
        return Err(Refusal::NotAFile(out.to_path_buf()));
    }
    if overwrite {
        return Ok(());
    }
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == crate::load::META_FILE || name == crate::load::DATA_FILE {
        return Err(Refusal::Dataset(out.to_path_buf()));
    }
    let existing = sniff(out, meta.len());
    if store::parse(out, &existing).is_ok() || looks_like_session(&existing) {
        return Err(Refusal::Session(out.to_path_buf()));
    }
    if written_by_duiden(&existing, text) {
        Ok(())
    } else {
        Err(Refusal::Foreign(out.to_path_buf()))
    }
}

/// The start and the end of a file, as text (lossy: a binary file is simply not recognised).
fn sniff(path: &Path, len: u64) -> String {
    let Ok(mut f) = fs::File::open(path) else {
        return String::new();
    };
    let mut head = Vec::new();
    let _ = (&mut f).take(SNIFF).read_to_end(&mut head);
    if len > SNIFF {
        use std::io::{Seek, SeekFrom};
        if f.seek(SeekFrom::Start(len.saturating_sub(SNIFF).max(SNIFF)))
            .is_ok()
        {
            let _ = f.take(SNIFF).read_to_end(&mut head);
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// A session file that does not load (a damaged one is still somebody's session).
fn looks_like_session(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .any(|l| l.starts_with("formaat =") || l.starts_with("[[aantekeningen]]"))
}

/// An earlier export of duiden: the Markdown mark, the HTML generator, or (CSV, which has no
/// place for a mark) the same header line as the new text, after the "#" line an export with
/// `--kleine-aantallen` starts with.
fn written_by_duiden(existing: &str, text: &str) -> bool {
    let first = |s: &str| {
        s.trim_start_matches('\u{feff}')
            .lines()
            .find(|l| !l.starts_with("# "))
            .unwrap_or("")
            .to_string()
    };
    existing.contains(MARKDOWN_MARK)
        || existing.contains("<meta name=\"generator\" content=\"duiden")
        || (first(text).contains([';', ',']) && first(existing) == first(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_duiden_did_not_write_and_allows_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let at = |n: &str| dir.path().join(n);
        let md = format!("# Notulen\n\ntekst\n{MARKDOWN_MARK}\n");
        // New file in an existing folder: fine; in a missing folder: refused, nothing made.
        assert_eq!(check_target(&at("n.md"), &md, false), Ok(()));
        let missing = at("nergens/diep/n.md");
        assert_eq!(
            check_target(&missing, &md, true),
            Err(Refusal::NoFolder(at("nergens/diep")))
        );
        assert!(!at("nergens").exists());
        // Its own earlier export: fine.
        fs::write(at("n.md"), &md).unwrap();
        assert_eq!(check_target(&at("n.md"), &md, false), Ok(()));
        fs::write(
            at("n.html"),
            "<meta name=\"generator\" content=\"duiden 0.1\">",
        )
        .unwrap();
        assert_eq!(check_target(&at("n.html"), "x", false), Ok(()));
        let csv = "\u{feff}nr;status\n1;open\n";
        fs::write(at("v.csv"), csv).unwrap();
        assert_eq!(check_target(&at("v.csv"), csv, false), Ok(()));
        // The same export with or without the warning line of --kleine-aantallen.
        let warned = "\u{feff}# Let op: getoond; niet verspreiden\nnr;status\n1;open\n";
        assert_eq!(check_target(&at("v.csv"), warned, false), Ok(()));
        // Somebody else's file: refused, unless --overschrijf.
        fs::write(at("brief.md"), "# Mijn brief\n").unwrap();
        let foreign = Err(Refusal::Foreign(at("brief.md")));
        assert_eq!(check_target(&at("brief.md"), &md, false), foreign);
        assert_eq!(check_target(&at("brief.md"), &md, true), Ok(()));
        // A session (also a damaged one) and a dataset file.
        fs::write(
            at("s.toml"),
            "formaat = 3\ntitel = \"x\"\n[[aantekeningen]]\nid = ",
        )
        .unwrap();
        let session = Err(Refusal::Session(at("s.toml")));
        assert_eq!(check_target(&at("s.toml"), &md, false), session);
        fs::write(at("dataset.toml"), "titel = \"x\"\n").unwrap();
        let dataset = Err(Refusal::Dataset(at("dataset.toml")));
        assert_eq!(check_target(&at("dataset.toml"), &md, false), dataset);
        // A folder is never a target.
        fs::create_dir(at("map")).unwrap();
        let folder = Err(Refusal::NotAFile(at("map")));
        assert_eq!(check_target(&at("map"), &md, true), folder);
    }
}
