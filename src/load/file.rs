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

/// An I/O error in Dutch words: the error kind said in Dutch, with the system's own (English)
/// text and number in parentheses for whoever looks it up. An error duiden made itself (with
/// its own Dutch text) is given as it is.
pub fn io_text(e: &io::Error) -> String {
    if e.get_ref().is_some() {
        return e.to_string();
    }
    let words = kind_words(e.kind());
    match e.raw_os_error() {
        Some(code) => {
            let os = e.to_string();
            let os = os
                .strip_suffix(&format!(" (os error {code})"))
                .unwrap_or(&os)
                .to_string();
            format!("{words} ({os}, systeemfout {code})")
        }
        None => words.to_string(),
    }
}

fn kind_words(kind: io::ErrorKind) -> &'static str {
    use io::ErrorKind as K;
    match kind {
        K::NotFound => "bestaat niet (meer)",
        K::PermissionDenied => "geen toestemming: lees- of schrijfrecht ontbreekt",
        K::AlreadyExists => "er staat al iets met die naam",
        K::ReadOnlyFilesystem => "de schijf of map is alleen-lezen",
        K::StorageFull => "de schijf is vol",
        K::QuotaExceeded => "de toegestane schijfruimte (quotum) is op",
        K::FileTooLarge => "het bestand wordt te groot",
        K::IsADirectory => "is een map, geen bestand",
        K::NotADirectory => "een deel van het pad is geen map",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::ResourceBusy | K::ExecutableFileBusy => "het bestand is in gebruik",
        K::CrossesDevices => "kan niet van de ene schijf naar de andere verplaatst worden",
        K::InvalidFilename => "ongeldige bestandsnaam",
        K::TooManyLinks => "te veel koppelingen",
        K::StaleNetworkFileHandle => "de verbinding met het netwerkbestand is verlopen",
        K::NetworkDown
        | K::NetworkUnreachable
        | K::HostUnreachable
        | K::ConnectionRefused
        | K::ConnectionReset
        | K::ConnectionAborted
        | K::NotConnected => "de netwerkverbinding is weg",
        K::TimedOut => "duurde te lang",
        K::Interrupted => "onderbroken",
        K::WouldBlock => "niet meteen beschikbaar",
        K::UnexpectedEof => "het bestand houdt onverwacht op",
        K::WriteZero => "er kon niets geschreven worden",
        K::OutOfMemory => "te weinig geheugen",
        K::InvalidData => "ongeldige inhoud",
        K::InvalidInput => "ongeldige invoer",
        K::Unsupported => "wordt hier niet ondersteund",
        _ => "fout van het systeem",
    }
}

#[cfg(test)]
mod words_tests {
    use super::*;

    #[test]
    fn io_errors_are_said_in_dutch_with_the_system_text_aside() {
        let exists = io::Error::from_raw_os_error(17);
        assert_eq!(exists.kind(), io::ErrorKind::AlreadyExists);
        let text = io_text(&exists);
        assert!(
            text.starts_with("er staat al iets met die naam (")
                && text.ends_with(", systeemfout 17)"),
            "{text}"
        );
        assert!(!text.contains("os error"), "{text}");
        let denied = io_text(&io::Error::from_raw_os_error(13));
        assert!(denied.starts_with("geen toestemming"), "{denied}");
        assert_eq!(
            io_text(&io::Error::from(io::ErrorKind::StorageFull)),
            "de schijf is vol"
        );
        // duiden's own words stay as they are.
        let own = io::Error::new(io::ErrorKind::InvalidInput, "is een pipe (FIFO)");
        assert_eq!(io_text(&own), "is een pipe (FIFO)");
    }
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
