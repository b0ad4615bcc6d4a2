//! `duiden signalen`: what stands out in the sample, as text, JSON and Markdown.

mod common;

/// Runs `duiden ARGS…` with a Dutch locale: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    common::duiden_with_locale("nl_NL.UTF-8", args)
}

#[test]
fn text_names_each_signal_with_its_reason_and_chart() {
    let (code, out, err) = run(&["signalen", "datasets/voorbeeld"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Niveausprongen\n"), "{out}");
    assert!(
        out.contains(
            "instroom van gemeente-registratie ligt vanaf oktober 2020 op een ander niveau"
        ),
        "{out}"
    );
    assert!(
        out.contains("grafiek: trend van jeugd/instroom: gemeente-registratie, per maand, oktober 2018 t/m oktober 2021"),
        "{out}"
    );
    assert!(
        out.contains("Grootste onverklaarde verschillen tussen bronnen\n"),
        "{out}"
    );
    assert!(out.contains("geen bekende oorzaak verklaart dat."), "{out}");
    // The population series stopped in their sources (a one-off Divosa figure of 2011, a CBS
    // table up to 2019) while the municipal count goes on to 2022: two stopped deliveries.
    assert!(out.contains("Gestopte leveringen\n"), "{out}");
    assert!(out.trim_end().ends_with("12 signalen"), "{out}");
}

#[test]
fn json_is_valid_filtered_and_carries_the_view() {
    let (code, out, err) = run(&[
        "signalen",
        "datasets/voorbeeld",
        "--formaat",
        "json",
        "--domein",
        "jeugd",
        "--max",
        "1",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rows = rows.as_array().expect("an array");
    let kinds: Vec<&str> = rows.iter().map(|r| r["soort"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["niveausprong", "onverklaard-verschil"], "{out}");
    assert!(
        rows.iter()
            .all(|r| r["domein"] == "jeugd" && r["weergave"]["domein"] == "jeugd")
    );
    assert_eq!(rows[0]["periode"], "2020-10");
    assert_eq!(rows[0]["weergave"]["bereik"][0], "2018-10");
    assert_eq!(rows[1]["weergave"]["weergave"], "vergelijken");
    assert!(
        rows[1]["reden"].as_str().unwrap().contains("+49,1%"),
        "{out}"
    );
}

#[test]
fn markdown_has_a_title_and_a_part_per_kind() {
    let (code, out, err) = run(&[
        "signalen",
        "datasets/voorbeeld",
        "--formaat",
        "md",
        "--max",
        "2",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("# Signalen: "), "{out}");
    assert!(
        out.contains("\n## Niveausprongen\n\n- **jeugd/instroom** (regio GM0772), oktober 2020: "),
        "{out}"
    );
    assert_eq!(out.matches("\n- **").count(), 6, "{out}");
    assert!(
        !out.contains("signalen\n"),
        "no count line in Markdown: {out}"
    );
}

#[test]
fn an_indicator_without_signals_says_so() {
    let (code, out, err) = run(&[
        "signalen",
        "datasets/voorbeeld",
        "--domein",
        "jeugd",
        "--indicator",
        "jeugdbescherming_instroom",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "0 signalen\n");
}

#[test]
fn an_unknown_name_is_an_error_with_the_nearest_names() {
    let (code, out, err) = run(&["signalen", "datasets/voorbeeld", "--domein", "jeugt"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains("onbekend domein 'jeugt'") && err.contains("'jeugd'"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "--taal",
        "en",
        "signalen",
        "datasets/voorbeeld",
        "--indicator",
        "instrom",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("unknown indicator 'instrom'") && err.contains("'instroom'"),
        "{err}"
    );
}

#[test]
fn english_count_line_and_help() {
    let (code, out, err) = run(&[
        "--taal",
        "en",
        "signalen",
        "datasets/voorbeeld",
        "--max",
        "1",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.trim_end().ends_with("3 signals"), "{out}");
    let (_, help, _) = run(&["--taal", "en", "signalen", "--help"]);
    assert!(
        help.contains("At most this many signals of each kind"),
        "{help}"
    );
}

#[test]
fn a_missing_dataset_fails_with_a_message() {
    let (code, out, err) = run(&["signalen", "bestaat-niet"]);
    assert_eq!(code, Some(1));
    assert!(out.is_empty());
    assert!(err.contains("bestaat-niet"), "{err}");
}
