//! `duiden verschillen`: the same findings as the interface, for preparation and scripts.

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("verschillen")
        .arg("datasets/voorbeeld")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn text_names_the_real_cases() {
    let (ok, out, err) = run(&[
        "--domein",
        "jeugd",
        "--indicator",
        "jeugdbescherming_instroom",
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("afronding") && out.contains("9.064") && out.contains("9.065"),
        "{out}"
    );
    assert!(
        out.contains("voorlopig/definitief") && out.contains("12.965"),
        "{out}"
    );
}

#[test]
fn json_is_valid_and_filtered() {
    let (ok, out, err) = run(&["--domein", "participatie", "--formaat", "json"]);
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rows = rows.as_array().expect("an array");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["domein"] == "participatie"));
    assert!(
        rows.iter()
            .any(|r| r["soort"] == "eenheid" && r["indicator"] == "re_integratievoorzieningen")
    );
}

#[test]
fn csv_has_a_header_and_quotes_fields() {
    let (ok, out, _) = run(&["--formaat", "csv"]);
    assert!(ok);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "soort,domein,indicator,uitsplitsing,periode,bronnen,referentie,verschil,verschil_relatief,toelichting"
        )
    );
    assert!(
        lines.any(|l| l.starts_with("delen≠totaal,jeugd,instroom")),
        "{out}"
    );
}

#[test]
fn exit_code_is_zero_when_nothing_is_found() {
    let (ok, out, _) = run(&["--domein", "bestaat-niet"]);
    assert!(ok);
    assert!(out.contains("0 verschillen"), "{out}");
}

#[test]
fn differences_carry_their_sign_in_every_format() {
    let only = [
        "--domein",
        "jeugd",
        "--indicator",
        "jeugdbescherming_instroom",
    ];
    // The provisional 12.965 (cbs-jb-2019) against the final 12.980 (reference): 15 lower.
    let (ok, out, err) = run(&[&only[..], &["--formaat", "json"]].concat());
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let vintage = rows
        .as_array()
        .expect("an array")
        .iter()
        .find(|r| r["soort"] == "voorlopig/definitief")
        .expect("the vintage row");
    assert_eq!(vintage["verschil"], -15.0, "{vintage}");
    assert!(vintage["verschil_relatief"].as_f64().unwrap() < 0.0);

    let (_, out, _) = run(&only);
    let line = out
        .lines()
        .find(|l| l.starts_with("voorlopig/definitief"))
        .expect("the vintage line");
    assert!(line.contains("Δ -15 (-0,1%)"), "{line}");
    assert!(
        out.contains("Δ +"),
        "positive differences show a plus:\n{out}"
    );

    let (_, out, _) = run(&[&only[..], &["--formaat", "csv"]].concat());
    let line = out
        .lines()
        .find(|l| l.starts_with("voorlopig/definitief"))
        .expect("the vintage row");
    assert!(line.contains("-15") && line.contains("-0.0012"), "{line}");
}

#[test]
fn the_sample_names_lag_as_its_own_kind() {
    let (ok, out, err) = run(&["--formaat", "json"]);
    assert!(ok, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rows = rows.as_array().expect("an array");
    let lag = rows
        .iter()
        .find(|r| r["soort"] == "vertraging")
        .expect("a lag row");
    assert!(
        lag["toelichting"]
            .as_str()
            .unwrap()
            .contains("binnen de drempel"),
        "{lag}"
    );
    assert!(rows.iter().any(|r| r["verschil"].as_f64() < Some(0.0)));
}
