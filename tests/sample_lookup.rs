//! The real binary finds the sample wherever it is started from and wherever it was built: in
//! the working directory, above the program (a checkout's `target/release/duiden`), else its
//! built-in copy, unpacked into the user's cache folder; and says so when none of that works.
//!
//! The binary is hard-linked (or copied) to other places in `CARGO_TARGET_TMPDIR`, so that where
//! it lies is known; every run gets its own home, cache and temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld")
}

/// The content hash `duiden controleer` prints for the repository's sample.
fn sample_hash() -> String {
    let ds = duiden::load::load_dataset(&repo_sample()).expect("sample loads");
    ds.content_hash[..16].to_string()
}

/// A scratch folder beside the binary's own (same filesystem, so hard links work).
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()
}

/// The binary, placed in `dir`.
fn place_binary(dir: &Path) -> PathBuf {
    let built = Path::new(env!("CARGO_BIN_EXE_duiden"));
    fs::create_dir_all(dir).unwrap();
    let placed = dir.join(built.file_name().unwrap());
    if fs::hard_link(built, &placed).is_err() {
        fs::copy(built, &placed).unwrap();
    }
    placed
}

/// Runs `exe controleer` in `cwd`, with `home` as home, cache and temporary folder.
fn controleer(exe: &Path, cwd: &Path, home: &Path) -> Output {
    Command::new(exe)
        .arg("controleer")
        .current_dir(cwd)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LOCALAPPDATA", home.join("cache"))
        .env("TMPDIR", home.join("tmp"))
        .env("TMP", home.join("tmp"))
        .env("TEMP", home.join("tmp"))
        .output()
        .unwrap()
}

/// Title and folder from the first line of the summary: `titel (map)`; fails on a failed run.
fn found(out: &Output) -> (String, PathBuf) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = stdout.lines().next().unwrap_or_default();
    let open = first.rfind(" (").expect("titel (map)");
    let dir = first[open + 2..].strip_suffix(')').expect("titel (map)");
    (first[..open].to_string(), PathBuf::from(dir))
}

fn hash_of(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Inhoud-hash: "))
        .unwrap_or_else(|| panic!("no hash in {stdout}"));
    line.to_string()
}

/// A copy of the sample whose title says where it is.
fn sample_copy(dir: &Path, title: &str) {
    fs::create_dir_all(dir).unwrap();
    let meta = fs::read_to_string(repo_sample().join("dataset.toml")).unwrap();
    let original = "titel = \"Voorbeeld: sociaal domein Eindhoven (echt + synthetisch)\"";
    assert!(
        meta.contains(original),
        "sample title changed: update this test"
    );
    fs::write(
        dir.join("dataset.toml"),
        meta.replace(original, &format!("titel = \"{title}\"")),
    )
    .unwrap();
    fs::copy(repo_sample().join("reeksen.csv"), dir.join("reeksen.csv")).unwrap();
}

#[test]
fn the_built_binary_finds_the_sample_from_another_working_directory() {
    let scratch = scratch();
    let cwd = scratch.path().join("ergens");
    fs::create_dir_all(&cwd).unwrap();
    let out = controleer(
        Path::new(env!("CARGO_BIN_EXE_duiden")),
        &cwd,
        scratch.path(),
    );
    let (title, dir) = found(&out);
    assert_eq!(
        title,
        "Voorbeeld: sociaal domein Eindhoven (echt + synthetisch)"
    );
    assert!(dir.is_absolute(), "{}", dir.display());
    assert_eq!(hash_of(&out), sample_hash());
}

#[test]
fn the_working_directory_comes_first() {
    let scratch = scratch();
    let cwd = scratch.path().join("werkmap");
    sample_copy(&cwd.join("datasets/voorbeeld"), "Uit de werkmap");
    let exe = place_binary(&scratch.path().join("checkout/target/release"));
    sample_copy(
        &scratch.path().join("checkout/datasets/voorbeeld"),
        "Uit de checkout",
    );
    let (title, dir) = found(&controleer(&exe, &cwd, scratch.path()));
    assert_eq!(title, "Uit de werkmap");
    assert_eq!(dir, Path::new("datasets/voorbeeld"));
}

#[test]
fn a_binary_in_a_checkout_finds_the_checkouts_sample() {
    let scratch = scratch();
    let cwd = scratch.path().join("ergens");
    fs::create_dir_all(&cwd).unwrap();
    let checkout = scratch.path().join("checkout");
    sample_copy(&checkout.join("datasets/voorbeeld"), "Uit de checkout");
    // target/release/duiden and target/<triple>/release/duiden both find it.
    for below in ["target/release", "target/x86_64-unknown-linux-gnu/release"] {
        let exe = place_binary(&checkout.join(below));
        let (title, dir) = found(&controleer(&exe, &cwd, scratch.path()));
        assert_eq!(title, "Uit de checkout", "{below}");
        assert_eq!(
            fs::canonicalize(dir).unwrap(),
            fs::canonicalize(checkout.join("datasets/voorbeeld")).unwrap()
        );
    }
}

#[test]
fn a_binary_elsewhere_unpacks_its_built_in_sample() {
    let scratch = scratch();
    let cwd = scratch.path().join("ergens");
    fs::create_dir_all(&cwd).unwrap();
    // Deeper than the three folders duiden looks above itself.
    let exe = place_binary(&scratch.path().join("a/b/c/d"));
    let out = controleer(&exe, &cwd, scratch.path());
    let (_, dir) = found(&out);
    assert_eq!(hash_of(&out), sample_hash());
    assert!(
        dir.starts_with(scratch.path()) && dir.components().any(|c| c.as_os_str() == "duiden"),
        "unpacked into the user's cache folder: {}",
        dir.display()
    );
    for name in ["dataset.toml", "reeksen.csv"] {
        assert_eq!(
            fs::read(dir.join(name)).unwrap(),
            fs::read(repo_sample().join(name)).unwrap(),
            "{name}"
        );
    }

    // A damaged copy is replaced, an intact one reused.
    fs::write(dir.join("reeksen.csv"), "periode\n").unwrap();
    let again = controleer(&exe, &cwd, scratch.path());
    assert_eq!(found(&again).1, dir);
    assert_eq!(hash_of(&again), sample_hash());
    let leftovers: Vec<_> = fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");

    // Several at once on an empty cache: each gets a complete copy.
    let fresh = scratch.path().join("fris");
    fs::create_dir_all(&fresh).unwrap();
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(&exe)
                .arg("controleer")
                .current_dir(&cwd)
                .env("HOME", &fresh)
                .env("XDG_CACHE_HOME", fresh.join("cache"))
                .env("LOCALAPPDATA", fresh.join("cache"))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(hash_of(&out), sample_hash());
    }
}

#[test]
fn no_sample_anywhere_is_said_in_dutch() {
    let scratch = scratch();
    let cwd = scratch.path().join("ergens");
    fs::create_dir_all(&cwd).unwrap();
    let exe = place_binary(&scratch.path().join("a/b/c/d"));
    // Home, cache and temporary folder are a file: nothing can be unpacked.
    let blocked = scratch.path().join("geen-map");
    fs::write(&blocked, "").unwrap();
    let out = Command::new(&exe)
        .arg("controleer")
        .current_dir(&cwd)
        .env("HOME", &blocked)
        .env("XDG_CACHE_HOME", &blocked)
        .env("LOCALAPPDATA", &blocked)
        .env("TMPDIR", &blocked)
        .env("TMP", &blocked)
        .env("TEMP", &blocked)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "duiden: het voorbeeld (datasets/voorbeeld) staat niet in de werkmap en niet naast \
             het programma, en uitpakken naar "
        ),
        "{stderr}"
    );
    assert!(stderr.contains("geen-map"), "names the folder: {stderr}");
    assert!(stderr.contains("geef een datasetmap op"), "{stderr}");
    // The interface says the same, before it touches the terminal.
    let tui = Command::new(&exe)
        .current_dir(&cwd)
        .env("HOME", &blocked)
        .env("XDG_CACHE_HOME", &blocked)
        .env("LOCALAPPDATA", &blocked)
        .env("TMPDIR", &blocked)
        .env("TMP", &blocked)
        .env("TEMP", &blocked)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!tui.status.success());
    assert_eq!(String::from_utf8_lossy(&tui.stderr), stderr);
}
