//! Errors in input files, each pointing at file, line and column.

use super::message::DiagnosticKind;
use std::fmt;
use std::path::{Path, PathBuf};

/// At most this many problems are reported for one load; the rest are counted.
pub const MAX_DIAGNOSTICS: usize = 50;

/// One problem in an input file. `line` and `column` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// What is wrong, as data: other languages render their message from it.
    pub kind: DiagnosticKind,
    /// The Dutch message, `kind` rendered once (the default language, and what callers match on).
    pub message: String,
}

impl Diagnostic {
    /// Values from the file in `kind` are echoed cut and escaped (see [`DiagnosticKind::echoed`]).
    pub fn new(file: &Path, line: usize, column: usize, kind: DiagnosticKind) -> Self {
        let kind = kind.echoed();
        Diagnostic {
            file: file.to_path_buf(),
            line,
            column,
            message: kind.to_string(),
            kind,
        }
    }

    pub fn whole_file(file: &Path, kind: DiagnosticKind) -> Self {
        Self::new(file, 0, 0, kind)
    }

    /// `path:line:column: ` (or `path: ` for the whole file), the place every rendering starts with.
    pub fn place(&self) -> String {
        if self.line == 0 {
            format!("{}: ", self.file.display())
        } else {
            format!("{}:{}:{}: ", self.file.display(), self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.place(), self.message)
    }
}

/// Everything wrong with an input, reported together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
    /// Problems found beyond [`MAX_DIAGNOSTICS`].
    pub omitted: usize,
}

impl LoadError {
    pub fn single(d: Diagnostic) -> Self {
        LoadError {
            diagnostics: vec![d],
            omitted: 0,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if self.omitted > 0 {
            write!(f, "\n… en nog {} fouten", self.omitted)?;
        }
        Ok(())
    }
}

/// Collects diagnostics up to the limit.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    omitted: usize,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        if self.items.len() < MAX_DIAGNOSTICS {
            self.items.push(d);
        } else {
            self.omitted += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn into_result<T>(mut self, value: T) -> Result<T, LoadError> {
        if self.items.is_empty() {
            Ok(value)
        } else {
            self.items
                .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            Err(LoadError {
                diagnostics: self.items,
                omitted: self.omitted,
            })
        }
    }
}

/// 1-based (line, column) of a byte offset in a text; column counts characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Reads a file as UTF-8 text (BOM removed), or a diagnostic saying where it is not UTF-8.
pub fn read_utf8(path: &Path) -> Result<String, Diagnostic> {
    let bytes = super::file::read_regular(path).map_err(|e| unreadable(path, &e))?;
    decode_utf8(path, bytes)
}

/// Bytes read between two progress reports: a slow disk or network share still moves the bar.
const READ_CHUNK: u64 = 1 << 20;

/// [`read_utf8`], reporting `progress(bytes read)` per chunk read; `None` (cancelled) when
/// `progress` returns false.
pub fn read_utf8_with_progress(
    path: &Path,
    progress: &dyn Fn(u64) -> bool,
) -> Option<Result<String, Diagnostic>> {
    use std::io::Read;
    let read = || -> std::io::Result<Option<Vec<u8>>> {
        let mut file = super::file::open_regular(path)?;
        let size = file.metadata().map_or(0, |m| m.len());
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        loop {
            if (&mut file).take(READ_CHUNK).read_to_end(&mut bytes)? == 0 {
                return Ok(Some(bytes));
            }
            if !progress(bytes.len() as u64) {
                return Ok(None);
            }
        }
    };
    match read() {
        Ok(Some(bytes)) => Some(decode_utf8(path, bytes)),
        Ok(None) => None,
        Err(e) => Some(Err(unreadable(path, &e))),
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::whole_file(
        path,
        DiagnosticKind::Unreadable {
            error: e.to_string(),
        },
    )
}

/// The bytes of `path` as UTF-8 text (BOM removed), without copying them; or a diagnostic saying
/// where they are not UTF-8.
pub fn decode_utf8(path: &Path, mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if is_utf16(&bytes) {
        return Err(Diagnostic::new(path, 1, 1, DiagnosticKind::Utf16));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        // The valid prefix is UTF-8 by definition, so line/column are exact.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let (line, column) = line_col(prefix, valid);
        Diagnostic::new(
            path,
            line,
            column,
            DiagnosticKind::NotUtf8 { byte: bytes[valid] },
        )
    })
}

/// A UTF-16 file: its byte order mark, or text whose first character has a NUL byte beside it
/// (UTF-16 without a mark; UTF-8 text has no NUL there).
pub fn is_utf16(bytes: &[u8]) -> bool {
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => true,
        [a, 0, ..] | [0, a, ..] => *a != 0,
        _ => false,
    }
}
