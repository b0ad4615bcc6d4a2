//! Opening only regular files. Opening a FIFO for reading blocks until a writer appears, so a
//! pipe named `dataset.toml`, `reeksen.csv` or a session file hung duiden for good; a folder or
//! a device is no file to read either. The kind is checked before opening (following symlinks).

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// What a path is when it is not a regular file, in the words of the message.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "een pipe (FIFO)";
        }
        if t.is_socket() {
            return "een socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "een apparaat";
        }
    }
    if t.is_dir() {
        "een map"
    } else {
        "geen gewoon bestand"
    }
}

/// `Ok` when `path` is a regular file or does not exist yet; otherwise an `InvalidInput` error
/// that says what it is.
pub fn not_special(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "is {}, geen gewoon bestand; duiden leest en schrijft alleen gewone bestanden",
                special_kind(&meta)
            ),
        )),
        _ => Ok(()),
    }
}

/// Opens `path` for reading when it is a regular file; otherwise an `InvalidInput` error that
/// says what it is, without ever blocking.
pub fn open_regular(path: &Path) -> io::Result<File> {
    not_special(path)?;
    File::open(path)
}

/// The whole content of a regular file (see [`open_regular`]).
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut f = open_regular(path)?;
    let mut bytes = Vec::with_capacity(f.metadata().map_or(0, |m| m.len() as usize));
    f.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_or_a_folder_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("dataset.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Would block forever if opened.
        let e = read_regular(&fifo).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("pipe (FIFO)"), "{e}");
        let e = read_regular(dir.path()).unwrap_err();
        assert!(e.to_string().contains("een map"), "{e}");
        let file = dir.path().join("x");
        fs::write(&file, "inhoud").unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"inhoud");
    }
}
