//! The PNG of an exported view, made by a converter already on the machine (duiden draws no
//! pixels itself): the first of [`CONVERTERS`] found on the PATH reads the written SVG and hands
//! the PNG back on its standard output (a browser as a screenshot in a scratch folder that is
//! removed again), so nothing but the export gate writes files the user keeps.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The converters looked for, in this order: SVG tools first, a headless browser last.
pub const CONVERTERS: [&str; 8] = [
    "rsvg-convert",
    "resvg",
    "inkscape",
    "magick",
    "convert",
    "chromium",
    "chromium-browser",
    "google-chrome",
];

/// A converter stops being waited for after this long.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// A converter found on the PATH.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converter {
    pub name: &'static str,
    pub path: PathBuf,
}

/// "rsvg-convert, resvg, …, google-chrome": what was looked for.
pub fn looked_for() -> String {
    CONVERTERS.join(", ")
}

/// The first converter in the folders of `path_var` (the value of PATH), in the order of
/// [`CONVERTERS`]; `None` when there is none.
pub fn find(path_var: Option<&OsStr>) -> Option<Converter> {
    let dirs: Vec<PathBuf> = path_var.map(|p| std::env::split_paths(p).collect())?;
    CONVERTERS.iter().find_map(|name| {
        let file = format!("{name}{}", std::env::consts::EXE_SUFFIX);
        (dirs.iter())
            .filter(|d| !d.as_os_str().is_empty())
            .map(|d| d.join(&file))
            .find(|p| is_executable(p))
            .map(|path| Converter { name, path })
    })
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}

/// A headless browser: it writes its screenshot to a file, not to its standard output.
fn is_browser(name: &str) -> bool {
    name.starts_with("chromium") || name.starts_with("google-chrome")
}

/// The arguments that make `name` write `svg` as PNG (on its standard output, or for a browser
/// as `out.png` in `scratch`), at the slide's size where the converter lets one say it.
fn arguments(name: &str, svg: &Path, scratch: &Path) -> Vec<OsString> {
    let words = |w: &[&str]| w.iter().map(OsString::from).collect::<Vec<_>>();
    let (w, h) = (super::WIDTH.to_string(), super::HEIGHT.to_string());
    if is_browser(name) {
        let mut args = words(&[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ]);
        let flag = |f: &str, p: &Path| OsString::from(format!("{f}={}", p.display()));
        args.push(flag("--user-data-dir", &scratch.join("profiel")));
        args.push(flag("--screenshot", &scratch.join("out.png")));
        args.push(format!("--window-size={w},{h}").into());
        args.push(file_url(svg).into());
        return args;
    }
    let mut args = match name {
        "rsvg-convert" => words(&["--format", "png", "--width", &w, "--height", &h]),
        "inkscape" => words(&["--export-type=png", "--export-filename=-"]),
        _ => Vec::new(),
    };
    args.push(svg.as_os_str().to_os_string());
    args.extend(match name {
        "resvg" => words(&["-c"]),
        "magick" | "convert" => words(&["png:-"]),
        _ => Vec::new(),
    });
    args
}

/// `file:///…` of `path`, made absolute, with the characters a URL reads otherwise escaped.
fn file_url(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut url = String::from("file://");
    for c in abs.to_string_lossy().chars() {
        match c {
            '%' => url.push_str("%25"),
            ' ' => url.push_str("%20"),
            '#' => url.push_str("%23"),
            '?' => url.push_str("%3F"),
            c => url.push(c),
        }
    }
    url
}

/// Why no PNG came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RasterError {
    /// None of [`CONVERTERS`] is on the PATH.
    NoConverter,
    /// Stopped by the user; the converter was ended.
    Cancelled,
    /// The converter failed, or gave something that is not a PNG: its name and why.
    Failed(String, String),
}

/// The PNG of the SVG file `svg` by the first converter on `path_var` (the PATH); see
/// [`rasterise`].
pub fn png_of(
    path_var: Option<&OsStr>,
    svg: &Path,
    cancelled: &dyn Fn() -> bool,
) -> Result<Vec<u8>, RasterError> {
    let converter = find(path_var).ok_or(RasterError::NoConverter)?;
    rasterise(&converter, svg, cancelled)
}

static SCRATCH: AtomicU64 = AtomicU64::new(0);

/// Runs `converter` on the SVG file `svg` and gives the PNG's bytes. `cancelled` is asked while
/// it runs: when it says so, the converter is ended. Never waits longer than two minutes.
pub fn rasterise(
    converter: &Converter,
    svg: &Path,
    cancelled: &dyn Fn() -> bool,
) -> Result<Vec<u8>, RasterError> {
    let scratch = std::env::temp_dir().join(format!(
        "duiden-png-{}-{}",
        std::process::id(),
        SCRATCH.fetch_add(1, Ordering::Relaxed)
    ));
    let browser = is_browser(converter.name);
    if browser && let Err(e) = std::fs::create_dir_all(&scratch) {
        let why = format!("{}: {e}", scratch.display());
        return Err(RasterError::Failed(converter.name.to_string(), why));
    }
    let result = run(
        converter,
        &arguments(converter.name, svg, &scratch),
        cancelled,
    );
    let result = match result {
        Ok(_) if browser => std::fs::read(scratch.join("out.png")).map_err(|e| {
            RasterError::Failed(
                converter.name.to_string(),
                format!("geen schermafdruk: {e}"),
            )
        }),
        other => other,
    };
    if browser {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    let png = result?;
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
        let why = "gaf geen PNG".to_string();
        return Err(RasterError::Failed(converter.name.to_string(), why));
    }
    Ok(png)
}

/// Runs the converter with `args` until it ends, is cancelled or takes too long: what it
/// wrote on its standard output, or why not.
fn run(
    converter: &Converter,
    args: &[OsString],
    cancelled: &dyn Fn() -> bool,
) -> Result<Vec<u8>, RasterError> {
    let failed = |why: String| RasterError::Failed(converter.name.to_string(), why);
    let mut child = Command::new(&converter.path)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(format!("niet te starten: {e}")))?;
    // Both pipes are read while the converter runs, so a full pipe never stalls it.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let boxed = |p: Box<dyn Read + Send>| p;
    let out = drain(child.stdout.take().map(|p| boxed(Box::new(p))));
    let err = drain(child.stderr.take().map(|p| boxed(Box::new(p))));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if cancelled() || start.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(match cancelled() {
                    true => RasterError::Cancelled,
                    false => failed("duurde te lang; gestopt".to_string()),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(failed(e.to_string())),
        }
    };
    let png = out.join().unwrap_or_default();
    let said = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    let said = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    match status.success() {
        true => Ok(png),
        false => Err(failed(format!("{status}: {}", said.trim()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_path_finds_no_converter() {
        assert_eq!(find(Some(OsStr::new(""))), None);
        assert_eq!(find(None), None);
        assert_eq!(
            looked_for(),
            "rsvg-convert, resvg, inkscape, magick, convert, chromium, chromium-browser, google-chrome"
        );
        let svg = Path::new("bestaat-niet.svg");
        let never = || false;
        assert_eq!(
            png_of(Some(OsStr::new("")), svg, &never),
            Err(RasterError::NoConverter)
        );
    }

    /// Each converter this machine has makes a PNG of the slide's size. `magick` and `convert`
    /// are left out: a `convert` on the PATH is not always ImageMagick's.
    #[test]
    fn the_converters_that_are_here_make_a_png_of_a_slide() {
        let data =
            crate::load::load_dataset(Path::new("datasets/voorbeeld")).expect("sample loads");
        let view = crate::model::ViewSpec::trend("jeugd", "instroom", &[]);
        let slide = super::super::slide(&data, &view, jiff::civil::date(2026, 11, 26)).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("dia met spatie.svg");
        std::fs::write(&svg, &slide.svg).unwrap();
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut tried = Vec::new();
        for name in CONVERTERS
            .iter()
            .filter(|n| !["magick", "convert"].contains(n))
        {
            let Some(path) = std::env::split_paths(&path)
                .map(|d| d.join(name))
                .find(|p| is_executable(p))
            else {
                continue;
            };
            let converter = Converter { name, path };
            let png = rasterise(&converter, &svg, &|| false)
                .unwrap_or_else(|e| panic!("{converter:?}: {e:?}"));
            // PNG header: width and height, big-endian, at bytes 16 to 24.
            let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
            assert_eq!(
                (size(16), size(20)),
                (super::super::WIDTH, super::super::HEIGHT)
            );
            tried.push(*name);
        }
        match tried.is_empty() {
            true => println!("geen omzetter op het PATH: alleen de SVG is getest"),
            false => println!("PNG gemaakt met {tried:?}"),
        }
        // No scratch folder stays behind.
        let left = std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .flatten()
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(&format!("duiden-png-{}-", std::process::id()))
            })
            .count();
        assert_eq!(left, 0, "tried {tried:?}");
    }

    #[cfg(unix)]
    #[test]
    fn converters_are_found_in_order_and_only_when_executable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let make = |p: PathBuf, mode: u32| {
            std::fs::write(&p, "#!/bin/sh\n").unwrap();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
        };
        make(a.join("magick"), 0o755);
        make(b.join("resvg"), 0o644);
        let path = std::env::join_paths([&a, &b]).unwrap();
        let found = find(Some(&path)).unwrap();
        assert_eq!((found.name, found.path), ("magick", a.join("magick")));
        make(b.join("resvg"), 0o755);
        assert_eq!(find(Some(&path)).unwrap().name, "resvg");
    }

    #[cfg(unix)]
    #[test]
    fn a_converter_that_fails_or_gives_no_png_says_so_and_one_that_hangs_is_stopped() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let script = |name: &str, body: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
            Converter {
                name: "magick",
                path: p,
            }
        };
        let svg = dir.path().join("x.svg");
        let never = || false;
        let bad = script("bad", "echo 'kapot bestand' >&2; exit 3");
        match rasterise(&bad, &svg, &never) {
            Err(RasterError::Failed(name, why)) => {
                assert_eq!(name, "magick");
                assert!(why.contains("kapot bestand"), "{why}");
            }
            other => panic!("{other:?}"),
        }
        let text = script("text", "echo hallo");
        assert!(matches!(
            rasterise(&text, &svg, &never),
            Err(RasterError::Failed(_, why)) if why.contains("geen PNG")
        ));
        let png = script("png", r"printf '\211PNG\r\n\032\nrest'");
        assert!(
            rasterise(&png, &svg, &never)
                .unwrap()
                .starts_with(b"\x89PNG")
        );
        let hangs = script("hangs", "sleep 30");
        let start = Instant::now();
        let asked = std::cell::Cell::new(0);
        let soon = || {
            asked.set(asked.get() + 1);
            asked.get() > 3
        };
        assert_eq!(rasterise(&hangs, &svg, &soon), Err(RasterError::Cancelled));
        assert!(start.elapsed() < Duration::from_secs(10));
    }
}
