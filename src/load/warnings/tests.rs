use super::*;

const META: &str = r#"titel = "t"
start = { domein = "jeugd", indicator = "bestaatniet" }

[[bronnen]]
id = "a"
naam = "A"
ritme = "wekelijks"

[[indicatoren]]
domein = "jeugd"
id = "instroom"
soort = "stroom"

[[indicatoren]]
domein = "jeugd"
id = "aandeel"
soort = "ratio"
teller = "instroom"
noemer = "inwoners"
per = 0
per_bron = { b = { eenheid = "x" } }

[[indicatoren]]
domein = "jeugd"
id = "instroom"
soort = "stroom"

[[breuken]]
periode = "1850"
indicator = "uitstroom"
bron = "c"
omschrijving = "x"

[[gebeurtenissen]]
periode = "2021-03"
tot = "2210-01"
tekst = "tikfout in tot"

[[gebeurtenissen]]
periode = "1066"
tekst = "tikfout in periode"
"#;

fn dataset(meta: &str, csv: &str) -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(META_FILE), meta).unwrap();
    std::fs::write(dir.path().join(DATA_FILE), csv).unwrap();
    let d = crate::load::load_dataset(dir.path()).expect("loads: warnings never stop it");
    (dir, d)
}

fn rendered(d: &Dataset) -> Vec<String> {
    let (w, omitted) = warnings(d);
    assert_eq!(omitted, 0);
    let root = format!("{}/", d.path.display());
    w.iter().map(|d| d.to_string().replace(&root, "")).collect()
}

#[test]
fn every_dangling_reference_and_odd_value_is_a_located_warning() {
    let csv = "periode,domein,indicator,bron,waarde\n2020,jeugd,instroom,a,5\n2021,jeugd,instroom,a,-3\n2150,jeugd,instroom,a,4\n";
    let (_dir, d) = dataset(META, csv);
    let got = rendered(&d);
    let expect = [
        "dataset.toml:2:41: start noemt indicator 'bestaatniet' (domein jeugd)",
        "dataset.toml:7:9: ritme 'wekelijks' onbekend",
        "dataset.toml:19:10: noemer noemt indicator 'inwoners' (domein jeugd)",
        "dataset.toml:20:7: per = 0 kan geen vermenigvuldiger zijn",
        "dataset.toml:21:12: per_bron noemt bron 'b'",
        "dataset.toml:25:6: indicator 'instroom' (domein jeugd) staat ook op regel 11",
        "dataset.toml:29:11: jaar 1850 ligt buiten 1900-2100",
        "dataset.toml:30:13: breuken noemt indicator 'uitstroom'",
        "dataset.toml:31:8: breuken noemt bron 'c'",
        "dataset.toml:36:7: jaar 2210 ligt buiten 1900-2100",
        "dataset.toml:40:11: jaar 1066 ligt buiten 1900-2100",
        "reeksen.csv:3:5: negatieve waarde -3 voor een stroom",
        "reeksen.csv:4:1: jaar 2150 ligt buiten 1900-2100",
    ];
    assert_eq!(got.len(), expect.len(), "{got:#?}");
    for (g, e) in got.iter().zip(expect) {
        assert!(g.starts_with(e), "{g}\n  expected to start with\n{e}");
    }
}

#[test]
fn a_clean_dataset_and_the_sample_have_no_warnings() {
    let meta = "titel = \"t\"\n[[bronnen]]\nid = \"a\"\nnaam = \"A\"\nritme = \"maand\"\n[[indicatoren]]\ndomein = \"jeugd\"\nid = \"instroom\"\nsoort = \"stroom\"\n";
    let (_dir, d) = dataset(
        meta,
        "periode,domein,indicator,bron,waarde\n2020,jeugd,instroom,a,5\n",
    );
    assert_eq!(rendered(&d), Vec::<String>::new());
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld");
    let d = crate::load::load_dataset(&sample).unwrap();
    assert_eq!(rendered(&d), Vec::<String>::new());
}

#[test]
fn cr_only_line_endings_are_named_and_lines_counted_right() {
    let meta = "titel = \"t\"\n[[bronnen]]\nid = \"a\"\nnaam = \"A\"\n[[indicatoren]]\ndomein = \"jeugd\"\nid = \"instroom\"\nsoort = \"stroom\"\n";
    let csv =
        "periode,domein,indicator,bron,waarde\r2020,jeugd,instroom,a,5\r2021,jeugd,instroom,a,-1\r";
    let (_dir, d) = dataset(meta, csv);
    let got = rendered(&d);
    assert!(
        got[0].starts_with("reeksen.csv:1:1: regels eindigen alleen op CR"),
        "{got:?}"
    );
    assert!(
        got[1].starts_with("reeksen.csv:3:5: negatieve waarde -1"),
        "{got:?}"
    );
    // An error in such a file names its own line, not line 1.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(META_FILE), meta).unwrap();
    std::fs::write(dir.path().join(DATA_FILE), csv.replace("-1", "x1")).unwrap();
    let e = crate::load::load_dataset(dir.path()).unwrap_err();
    assert_eq!(
        (e.diagnostics[0].line, e.diagnostics[0].column),
        (3, 5),
        "{e}"
    );
}

#[test]
fn a_denominator_naming_an_unknown_indicator_or_source_is_a_located_warning() {
    let meta = "titel = \"t\"\n[[bronnen]]\nid = \"a\"\nnaam = \"A\"\n[[indicatoren]]\ndomein = \"jeugd\"\nid = \"instroom\"\nsoort = \"stroom\"\n\n[[noemers]]\nid = \"inwoners\"\ndomein = \"algemeen\"\nindicator = \"inwoners\"\nbron = \"b\"\n";
    let csv = "periode,domein,indicator,bron,waarde\n2020,jeugd,instroom,a,5\n";
    let (_dir, d) = dataset(meta, csv);
    assert_eq!(d.meta.noemers.len(), 1);
    assert_eq!(
        rendered(&d),
        [
            "dataset.toml:13:13: noemers noemt indicator 'inwoners' (domein algemeen), die niet in [[indicatoren]] staat; verwacht een bestaande indicator",
            "dataset.toml:14:8: noemers noemt bron 'b', die niet in [[bronnen]] staat; verwacht de id van een bron",
        ]
    );
}
