//! Issue 16.13: a corpus of bad input, generated here from a few valid templates times a set of
//! mutations (several hundred cases, none stored). Every case must be refused without a panic
//! or a hang, with a message naming a line and column that exist in the file (and, where the
//! mutation made the problem on a known line, that line), and leave the file unchanged on disk.
//! The checks are the fuzz targets' (`tests/invariants/mod.rs`).

mod invariants;

use invariants::{SEED_CSV, SEED_META, check_dataset, check_session};

/// Which file a case breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Csv,
    Meta,
    Session,
}

struct Case {
    name: String,
    target: Target,
    bytes: Vec<u8>,
    /// The line the problem was made on, when the mutation knows it.
    line: Option<usize>,
    /// The column of the problem on that line, when the mutation knows it.
    column: Option<usize>,
}

impl Case {
    fn at_column(self, column: usize) -> Case {
        Case {
            column: Some(column),
            ..self
        }
    }
}

/// Runs a case: refused, located (the invariants), and at the expected line when one is known.
fn run(case: &Case) {
    let places: Vec<(usize, usize)> = match case.target {
        Target::Csv | Target::Meta => {
            let (csv, meta) = if case.target == Target::Csv {
                (&case.bytes[..], SEED_META.as_bytes())
            } else {
                (SEED_CSV.as_bytes(), &case.bytes[..])
            };
            let Err(err) = check_dataset(csv, meta) else {
                panic!("{}: accepted", case.name)
            };
            let file = if case.target == Target::Csv {
                "reeksen.csv"
            } else {
                "dataset.toml"
            };
            err.diagnostics
                .iter()
                .filter(|d| d.file.ends_with(file))
                .map(|d| (d.line, d.column))
                .collect()
        }
        Target::Session => match check_session(&case.bytes) {
            Ok(_) => panic!("{}: accepted", case.name),
            Err(duiden::session::SessionError::Parse { line, column, .. }) => vec![(line, column)],
            Err(_) => Vec::new(),
        },
    };
    if let Some(line) = case.line {
        assert!(
            places
                .iter()
                .any(|&(l, c)| l == line && case.column.is_none_or(|column| c == column)),
            "{}: expected a problem at line {line}, column {:?}; got (line, column) {places:?}",
            case.name,
            case.column
        );
    }
}

fn case(name: String, target: Target, bytes: impl Into<Vec<u8>>, line: Option<usize>) -> Case {
    Case {
        name,
        target,
        bytes: bytes.into(),
        line,
        column: None,
    }
}

/// Byte offset where 1-based line `k` starts.
fn line_start(text: &str, k: usize) -> usize {
    text.split_inclusive('\n').take(k - 1).map(str::len).sum()
}

/// 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Mutations that work on any text file at any line: an invalid UTF-8 byte opening the line,
/// and the line cut off inside its first quoted value (or field).
fn positional(name: &str, target: Target, text: &str, out: &mut Vec<Case>) {
    let n = text.lines().count();
    for k in 1..=n {
        let at = line_start(text, k);
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(at, 0xFF);
        out.push(
            case(
                format!("{name}: byte FF opens line {k}"),
                target,
                bytes,
                Some(k),
            )
            .at_column(1),
        );

        let line = text[at..].lines().next().unwrap_or("");
        let cut = match target {
            Target::Csv if k > 1 => line.find([',', ';']).map(|i| i + 1),
            Target::Csv => line.find([',', ';']),
            _ => line.find('"').map(|i| i + 1),
        };
        if let Some(cut) = cut {
            let bytes = text.as_bytes()[..at + cut].to_vec();
            out.push(case(
                format!("{name}: cut in line {k}"),
                target,
                bytes,
                Some(k),
            ));
        }
        if target != Target::Csv {
            let mut broken = text.to_string();
            broken.insert_str(at, "= kapot\n");
            out.push(case(
                format!("{name}: '= kapot' before line {k}"),
                target,
                broken,
                Some(k),
            ));
        }
    }
}

/// The whole file in another encoding or with other line ends: refused on its first line
/// (UTF-16) or somewhere located (bare CR, which neither TOML nor the CSV header allows here).
fn whole_file(name: &str, target: Target, text: &str, out: &mut Vec<Case>) {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out.push(case(format!("{name}: UTF-16"), target, utf16, Some(1)));
    if target != Target::Csv {
        out.push(case(
            format!("{name}: CR line ends"),
            target,
            text.replace('\n', "\r"),
            None,
        ));
    }
    out.push(case(
        format!("{name}: NUL bytes"),
        target,
        text.replace('\n', "\0\n"),
        None,
    ));
}

/// Replaces the first `find` in `text` by `with`; the problem is expected on the line of `find`
/// plus `offset` (None: somewhere located). Skipped when the template lacks `find`.
fn replace(
    name: &str,
    target: Target,
    text: &str,
    (find, with, offset): (&str, &str, Option<usize>),
    out: &mut Vec<Case>,
) {
    if let Some(at) = text.find(find) {
        let broken = format!("{}{with}{}", &text[..at], &text[at + find.len()..]);
        let line = offset.map(|o| line_at(text, at) + o);
        out.push(case(
            format!("{name}: {find:?} -> {with:?}"),
            target,
            broken,
            line,
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// reeksen.csv
// ---------------------------------------------------------------------------------------------

/// Valid `reeksen.csv` texts with one value per field (no quoting), so a field can be replaced
/// by its index: comma and LF with all columns, semicolon and CRLF with the required ones, and
/// one with a BOM.
fn csv_templates() -> Vec<(&'static str, String)> {
    let full = "periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status,opmerking\n\
        2021-01,jeugd,instroom,gemeente-registratie,10,trajecten,GM0772,,,definitief,\n\
        2021-02,jeugd,instroom,gemeente-registratie,12.5,trajecten,GM0772,Centrum,,voorlopig,x\n\
        2021-03,jeugd,instroom,gemeente-registratie,11,trajecten,GM0772,,,,\n\
        2021,jeugd,instroom,cbs,140,trajecten,GM0772,,,definitief,\n\
        2021-Q1,jeugd,aandeel,cbs,3.2,,GM0772,,,,\n";
    let semi = "periode;domein;indicator;bron;waarde\r\n\
        2021-01;jeugd;instroom;gemeente-registratie;10\r\n\
        2021-02;jeugd;instroom;gemeente-registratie;11\r\n\
        2022;jeugd;instroom;cbs;120\r\n";
    let bom = format!(
        "\u{feff}{}",
        "periode,domein,indicator,bron,waarde\n\
        2021-01,jeugd,instroom,gemeente-registratie,10\n\
        2021-02,jeugd,instroom,gemeente-registratie,11\n"
    );
    vec![
        ("comma", full.to_string()),
        ("semicolon-crlf", semi.to_string()),
        ("bom", bom),
    ]
}

/// Field mutations: (field name, bad value). Each is an error on its row.
const BAD_FIELDS: [(&str, &str); 10] = [
    ("periode", "2021-13"),
    ("periode", ""),
    ("periode", "januari"),
    ("domein", "onbekend"),
    ("indicator", "onbekend"),
    ("bron", "onbekend"),
    ("waarde", "tien"),
    ("waarde", ""),
    ("status", "misschien"),
    ("periode", "\"2021-01"),
];

fn csv_cases(out: &mut Vec<Case>) {
    for (name, text) in csv_templates() {
        let (sep, end) = if text.contains(';') {
            (';', "\r\n")
        } else {
            (',', "\n")
        };
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split(end).collect();
        let header: Vec<&str> = lines[0].split(sep).collect();
        let rebuild = |k: usize, new: &str| {
            let mut ls = lines.clone();
            ls[k - 1] = new;
            let body = ls.join(end);
            if text.starts_with('\u{feff}') {
                format!("\u{feff}{body}")
            } else {
                body
            }
        };
        for k in 2..lines.len() {
            let fields: Vec<&str> = lines[k - 1].split(sep).collect();
            for (column, bad) in BAD_FIELDS {
                let Some(i) = header.iter().position(|h| *h == column) else {
                    continue;
                };
                let mut f = fields.clone();
                f[i] = bad;
                let row = f.join(&sep.to_string());
                // An unknown domein is an unknown indicator in that domein: at the indicator.
                let at = if column == "domein" { i + 2 } else { i + 1 };
                out.push(
                    case(
                        format!("{name}: {column}={bad:?} on line {k}"),
                        Target::Csv,
                        rebuild(k, &row),
                        Some(k),
                    )
                    .at_column(at),
                );
            }
            let extra = format!("{}{sep}extra", lines[k - 1]);
            out.push(case(
                format!("{name}: extra field on line {k}"),
                Target::Csv,
                rebuild(k, &extra),
                Some(k),
            ));
            if k > 2 {
                // The row above, repeated: the same key and period twice.
                out.push(case(
                    format!("{name}: duplicate row on line {k}"),
                    Target::Csv,
                    rebuild(k, lines[k - 2]),
                    Some(k),
                ));
            }
        }
        let mut headers: Vec<(String, String)> = header
            .iter()
            .enumerate()
            .take(5)
            .map(|(i, h)| {
                let mut hs = header.clone();
                hs.remove(i);
                (format!("header without {h}"), hs.join(&sep.to_string()))
            })
            .collect();
        headers.push((
            "duplicate column".into(),
            format!("{}{sep}waarde", lines[0]),
        ));
        headers.push(("unknown column".into(), format!("{}{sep}kleur", lines[0])));
        headers.push(("unnamed column".into(), format!("{}{sep}", lines[0])));
        for (what, row) in headers {
            out.push(case(
                format!("{name}: {what}"),
                Target::Csv,
                rebuild(1, &row),
                Some(1),
            ));
            // Blank lines before the header are skipped; the problem is on the header's line.
            let blank = rebuild(1, &format!("{end}{end}{row}"));
            out.push(case(
                format!("{name}: {what}, after 2 blank lines"),
                Target::Csv,
                blank,
                Some(3),
            ));
        }
        out.push(case(
            format!("{name}: only blank lines"),
            Target::Csv,
            "\n\n   \n",
            Some(1),
        ));
        positional(name, Target::Csv, &text, out);
        whole_file(name, Target::Csv, &text, out);
    }
}

// ---------------------------------------------------------------------------------------------
// dataset.toml
// ---------------------------------------------------------------------------------------------

/// (find, replace by, line offset of the problem from `find`'s line, None: not asserted).
const META_MUTATIONS: [(&str, &str, Option<usize>); 17] = [
    ("titel = \"Fuzz-zaad\"", "titel = 5", Some(0)),
    ("titel = \"Fuzz-zaad\"\n", "", None),
    (
        "gemeente = \"Eindhoven\"",
        "gemeente = \"Eindhoven\"\ngemeente = \"x\"",
        Some(1),
    ),
    (
        "start = { domein = \"jeugd\", indicator = \"instroom\" }",
        "start = \"jeugd\"",
        Some(0),
    ),
    ("ritme = \"maand\"", "ritme = maand", Some(0)),
    (
        "vertraging = \"6 weken\"",
        "vertraging = \"6 eeuwen\"",
        Some(0),
    ),
    ("kleur = \"blauw\"", "kleur = \"plaid\"", Some(0)),
    ("symbool = \"●\"", "symbool = \"ab\"", Some(0)),
    ("id = \"cbs\"", "id = \"gemeente-registratie\"", Some(0)),
    ("afronding = 5", "afronding = -5", Some(0)),
    ("soort = \"stroom\"", "soort = \"golf\"", Some(0)),
    ("per = 1000.0", "per = \"veel\"", Some(0)),
    ("periode = \"2022-01\"", "periode = \"2022-14\"", Some(0)),
    ("tot = \"2021-06\"", "tot = \"juni\"", Some(0)),
    ("naam = \"CBS\"", "naam = \"C\u{0}BS\"", Some(0)),
    ("[[indicatoren]]", "[[indicator]]", Some(0)),
    ("id = \"instroom\"", "id = \"uitstroom\"", None),
];

fn meta_cases(out: &mut Vec<Case>) {
    for m in META_MUTATIONS {
        replace("dataset.toml", Target::Meta, SEED_META, m, out);
    }
    positional("dataset.toml", Target::Meta, SEED_META, out);
    whole_file("dataset.toml", Target::Meta, SEED_META, out);
    out.push(case("dataset.toml: empty".into(), Target::Meta, "", None));
}

// ---------------------------------------------------------------------------------------------
// Session files
// ---------------------------------------------------------------------------------------------

const SESSION_MUTATIONS: [(&str, &str, Option<usize>); 21] = [
    ("formaat = 3", "formaat = 0", Some(0)),
    ("formaat = 3", "formaat = \"drie\"", Some(0)),
    ("formaat = 3", "formaat = -1", Some(0)),
    ("formaat = 1", "formaat = 0", Some(0)),
    ("id = 1\n", "id = 0\n", Some(0)),
    ("id = 1\n", "id = 9007199254740993\n", Some(0)),
    ("id = 1\n", "id = -1\n", Some(0)),
    ("id = 2\n", "id = 1\n", Some(0)),
    ("soort = \"", "soort = \"onzin\"\nx = \"", Some(0)),
    ("rol = \"", "rol = \"onzin\"\nx = \"", Some(0)),
    ("datum = \"", "datum = \"2026-13-01\"\nx = \"", Some(0)),
    ("tijd = \"", "tijd = \"gisteren\"\nx = \"", Some(0)),
    // `tot` (the next line) before `van`.
    ("van = \"2024-01\"", "van = \"2025-01\"", Some(1)),
    (
        "sessie = \"2026-01-15-eerder.toml\"",
        "sessie = \" \"",
        Some(0),
    ),
    ("van = \"", "van = \"2024-14\"\nx = \"", Some(0)),
    ("titel = \"", "titel = 5\nx = \"", Some(0)),
    ("[dataset]", "[datasets]", None),
    (
        "[[aantekeningen]]\n",
        "[[aantekeningen]]\nkleur = \"rood\"\n",
        None,
    ),
    ("status = \"open\"", "status = \"halfopen\"", Some(0)),
    ("hash = \"", "hash = 12\nx = \"", Some(0)),
    ("[[aantekeningen]]", "[[aantekeningen]]]", Some(0)),
];

fn session_cases(out: &mut Vec<Case>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/session");
    for seed in [
        "formaat-1-minimaal.toml",
        "formaat-2.toml",
        "formaat-3.toml",
    ] {
        let text = std::fs::read_to_string(dir.join(seed)).unwrap();
        for m in SESSION_MUTATIONS {
            replace(seed, Target::Session, &text, m, out);
        }
        let merge = "[[samenvoegingen]]\nsessie = \"a.toml\"\nid = 1\nin_sessie = \"a.toml\"\nin_id = 1\ntijd = \"2026-09-10T14:10:00+02:00\"\n";
        // Reported at its first key, under the `[[samenvoegingen]]` header.
        let line = text.lines().count() + 2;
        let merged = format!("{text}{merge}");
        out.push(case(
            format!("{seed}: merge into itself"),
            Target::Session,
            merged,
            Some(line),
        ));
        positional(seed, Target::Session, &text, out);
        whole_file(seed, Target::Session, &text, out);
    }
    out.push(case(
        "not a session".into(),
        Target::Session,
        "[package]\nname = \"x\"\n",
        Some(1),
    ));
    out.push(case("empty session".into(), Target::Session, "", Some(1)));
}

#[test]
fn every_bad_input_is_refused_located_and_left_alone() {
    let mut cases = Vec::new();
    csv_cases(&mut cases);
    meta_cases(&mut cases);
    session_cases(&mut cases);
    let count = |t: Target| cases.iter().filter(|c| c.target == t).count();
    // The corpus is as large as the issue asks, for each kind of file.
    assert!(cases.len() >= 200, "only {} cases", cases.len());
    for t in [Target::Csv, Target::Meta, Target::Session] {
        assert!(count(t) >= 40, "only {} cases for {t:?}", count(t));
    }
    // Each case's failure is collected and listed at the end, not printed as it happens. The
    // hook is global: a test running meanwhile still fails, only its message is not printed.
    std::panic::set_hook(Box::new(|_| {}));
    let mut failures = Vec::new();
    for c in &cases {
        if let Err(panic) = std::panic::catch_unwind(|| run(c)) {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(why);
        }
    }
    let _ = std::panic::take_hook();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Found by this corpus: a header after blank lines had its problems reported on line 1.
#[test]
fn a_header_after_blank_lines_is_reported_on_its_own_line() {
    let csv = "\n\r\nperiode,domein,indicator,bron\n2021-01,jeugd,instroom,cbs\n";
    let err = check_dataset(csv.as_bytes(), SEED_META.as_bytes()).unwrap_err();
    let d = &err.diagnostics[0];
    assert_eq!((d.line, d.column), (3, 5), "{err}");
    assert!(d.message.contains("waarde"), "{err}");
}

/// Found by the fuzzer: a file of CR line ends only (`\re`) whose problem is on its second line.
/// The loader counts each CR as a line end (old Mac files) and says so in its message's place.
#[test]
fn a_cr_only_file_is_located_at_its_cr_lines() {
    let err = check_dataset(b"\re", SEED_META.as_bytes()).unwrap_err();
    assert!(
        err.diagnostics.iter().any(|d| d.line == 2),
        "{:?}",
        err.diagnostics
    );
}
