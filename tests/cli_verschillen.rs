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
