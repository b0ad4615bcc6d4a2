//! `duiden verschillen`: the same findings as the interface, for preparation and scripts.

mod common;

/// `duiden verschillen datasets/voorbeeld ARGS…` with a Dutch locale: (success, stdout, stderr).
fn run(args: &[&str]) -> (bool, String, String) {
    let (code, out, err) = run_in("nl_NL.UTF-8", args);
    (code == Some(0), out, err)
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

/// `duiden verschillen datasets/voorbeeld ARGS…` with the locale given: (exit code, stdout,
/// stderr).
fn run_in(lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let all: Vec<&str> = ["verschillen", "datasets/voorbeeld"]
        .iter()
        .chain(args)
        .copied()
        .collect();
    common::duiden_with_locale(lang, &all)
}

#[test]
fn csv_is_semicolon_separated_with_a_bom_for_dutch_excel() {
    let (ok, out, err) = run(&["--formaat", "csv"]);
    assert!(ok, "{err}");
    let body = out
        .strip_prefix('\u{feff}')
        .expect("starts with a byte-order mark, so Excel reads UTF-8");
    let mut lines = body.lines();
    assert_eq!(
        lines.next(),
        Some(
            "soort;domein;indicator;uitsplitsing;periode;bronnen;referentie;verschil;eenheid;verschil_relatief;toelichting"
        )
    );
    let rows: Vec<&str> = lines.collect();
    // The two sources share a field: quoted, since it holds the separator.
    assert!(
        rows.iter()
            .any(|l| l.starts_with("delen≠totaal;jeugd;instroom")),
        "{body}"
    );
    assert!(
        rows.iter().any(|l| l.contains(";\"gemeente-registratie;")),
        "{body}"
    );
    // Decimals with a comma, as Dutch Excel reads numbers (rows without quotes split plainly).
    let rel = rows
        .iter()
        .filter(|l| !l.contains('"'))
        .filter_map(|l| l.split(';').nth(9))
        .find(|f| !f.is_empty())
        .unwrap_or_else(|| panic!("a relative difference in {body}"));
    assert!(rel.contains(',') && !rel.contains('.'), "{rel}");
}

#[test]
fn csv_with_a_comma_is_plain_rfc_4180() {
    let (ok, out, _) = run(&["--formaat", "csv", "--scheiding", ","]);
    assert!(ok);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "soort,domein,indicator,uitsplitsing,periode,bronnen,referentie,verschil,eenheid,verschil_relatief,toelichting"
        )
    );
    assert!(
        lines.any(|l| l.starts_with("delen≠totaal,jeugd,instroom")),
        "{out}"
    );
    assert!(
        out.contains(",0.") && !out.contains(",\"0,"),
        "decimal point: {out}"
    );
    // The word works too.
    let (ok, words, _) = run(&["--formaat", "csv", "--scheiding", "komma"]);
    assert!(ok);
    assert_eq!(words, out);
}

#[test]
fn an_unknown_domain_is_an_error_naming_the_nearest() {
    let (code, out, err) = run_in("nl_NL.UTF-8", &["--domein", "juegd"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(
        out.is_empty(),
        "no result at all, not '0 verschillen': {out}"
    );
    assert!(
        err.contains("onbekend domein 'juegd'") && err.contains("bedoelt u 'jeugd'"),
        "{err}"
    );
    let (code, _, err) = run_in("en_GB.UTF-8", &["--domein", "juegd"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("unknown domain 'juegd'") && err.contains("did you mean 'jeugd'"),
        "{err}"
    );
}

#[test]
fn an_unknown_indicator_is_an_error_naming_the_nearest() {
    let (code, out, err) = run_in("nl_NL.UTF-8", &["--indicator", "instrom"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("bedoelt u 'instroom'"), "{err}");
    // An indicator of another domain says where it is.
    let (code, _, err) = run_in("nl_NL.UTF-8", &["--domein", "wmo", "--indicator", "wajong"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("hoort niet bij domein 'wmo' maar bij 'participatie'"),
        "{err}"
    );
}

/// The number of differences listed (the lines not indented, without the count line).
fn listed(out: &str) -> usize {
    out.lines().filter(|l| !l.starts_with(' ')).count() - 1
}

#[test]
fn the_count_line_says_one_verschil_and_many_verschillen() {
    let mut seen = Vec::new();
    for indicator in ["jeugdbescherming_stand_begin", "jeugdbescherming_instroom"] {
        for (lang, one, many) in [
            ("nl_NL.UTF-8", "verschil", "verschillen"),
            ("en_GB.UTF-8", "difference", "differences"),
        ] {
            let (code, out, err) = run_in(lang, &["--domein", "jeugd", "--indicator", indicator]);
            assert_eq!(code, Some(0), "{err}");
            let n = listed(&out);
            let noun = if n == 1 { one } else { many };
            assert_eq!(
                out.lines().last(),
                Some(format!("{n} {noun}").as_str()),
                "{out}"
            );
            seen.push(n);
        }
    }
    assert!(seen.contains(&1), "a case with one difference: {seen:?}");
    assert!(seen.iter().any(|n| *n > 1), "{seen:?}");
    // Nothing found with a valid filter is still a run: exit 0, "0 verschillen".
    let (code, out, _) = run_in(
        "nl_NL.UTF-8",
        &["--domein", "jeugd", "--indicator", "jongeren_wijkteam"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(out.lines().last(), Some("0 verschillen"), "{out}");
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
    assert!(line.contains("Δ -15 maatregelen (-0,1%)"), "{line}");
    assert!(
        out.contains("Δ +"),
        "positive differences show a plus:\n{out}"
    );

    let (_, out, _) = run(&[&only[..], &["--formaat", "csv"]].concat());
    let line = out
        .lines()
        .find(|l| l.starts_with("voorlopig/definitief"))
        .expect("the vintage row");
    // The default CSV is for Dutch Excel: semicolons and a decimal comma.
    assert!(line.contains(";-15;maatregelen;-0,0012;"), "{line}");
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

#[test]
fn a_unit_difference_that_remains_after_converting_says_so() {
    let (ok, out, _) = run(&["--domein", "participatie", "--indicator", "kosten"]);
    assert!(ok);
    let line = out
        .lines()
        .find(|l| l.contains("juni 2024") && l.contains("eenheid"))
        .unwrap_or_else(|| panic!("no June 2024 unit row in\n{out}"));
    assert!(
        line.starts_with("eenheid omgerekend; daarna 24% onverklaard"),
        "{line}"
    );
    // The machine-readable kind stays the kind.
    let (_, json, _) = run(&[
        "--domein",
        "participatie",
        "--indicator",
        "kosten",
        "--formaat",
        "json",
    ]);
    assert!(json.contains("\"soort\": \"eenheid\""), "{json}");
}

/// A small dataset whose metadata names a break, a part (`deel_van`), a budget source (`rol`)
/// and a source in a unit that does not convert: each is named from the files, in its kind.
#[test]
fn metadata_names_break_part_budget_and_direction() {
    let (code, out, err) = common::duiden_with_locale(
        "nl_NL.UTF-8",
        &[
            "verschillen",
            "tests/fixtures/verschillen-metadata",
            "--formaat",
            "json",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rows = rows.as_array().expect("an array");
    let of = |soort: &str| -> Vec<&serde_json::Value> {
        rows.iter().filter(|r| r["soort"] == soort).collect()
    };
    let part = of("delen≠totaal");
    assert_eq!(part.len(), 1, "{rows:#?}");
    assert_eq!(part[0]["periode"], "2022");
    assert_eq!(part[0]["verschil"], 19.0);
    let jump = of("trendbreuk");
    assert_eq!(jump.len(), 1, "{rows:#?}");
    assert!(
        jump[0]["toelichting"]
            .as_str()
            .unwrap()
            .starts_with("sprong over de breuk +13,9% tegen gewoonlijk ±1% per jaar"),
        "{:?}",
        jump[0]
    );
    // The begroting against the registration, both years; never as a second measurement.
    assert_eq!(of("begroot/gerealiseerd").len(), 2, "{rows:#?}");
    assert!(of("onverklaard").is_empty(), "{rows:#?}");
    // Clients against hours: one comparison of direction, not six unit differences.
    let direction = of("richting");
    assert_eq!(direction.len(), 1, "{rows:#?}");
    assert!(
        direction[0]["toelichting"]
            .as_str()
            .unwrap()
            .ends_with("uren -5,0% (1.000 naar 950 uren): andere richting"),
        "{:?}",
        direction[0]
    );
    let units_between_measurements = of("eenheid")
        .into_iter()
        .filter(|r| r["bronnen"] == serde_json::json!(["reg", "uren"]))
        .count();
    assert_eq!(units_between_measurements, 0, "{rows:#?}");
}

#[test]
fn the_difference_carries_its_unit_in_every_format() {
    let only = ["--domein", "participatie", "--indicator", "kosten"];
    // June 2024: the provider reports x 1.000 euro (reference), the municipality euro; the
    // difference is in the reference's unit after conversion, not in the indicator's euro.
    let (ok, out, err) = run(&only);
    assert!(ok, "{err}");
    let converted = out
        .lines()
        .find(|l| l.starts_with("eenheid omgerekend") && l.contains("juni 2024"))
        .unwrap_or_else(|| panic!("the converted June 2024 line in\n{out}"));
    assert!(
        converted.contains("Δ +1.922,23 x 1.000 euro (+24,1%)"),
        "{converted}"
    );
    let plain = out
        .lines()
        .find(|l| l.starts_with("onverklaard") && l.contains("juni 2021"))
        .unwrap_or_else(|| panic!("the June 2021 line in\n{out}"));
    assert!(plain.contains("Δ +1.906.149 euro (+26,7%)"), "{plain}");

    let (_, out, _) = run(&[&only[..], &["--formaat", "json"]].concat());
    let rows: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rows = rows.as_array().expect("an array");
    let june = |year: &str| {
        rows.iter()
            .find(|r| r["periode"] == format!("{year}-06") && r["verschil"].is_number())
            .unwrap_or_else(|| panic!("june {year} in {out}"))
    };
    assert_eq!(june("2024")["eenheid"], "x 1.000 euro", "{}", june("2024"));
    assert_eq!(june("2021")["eenheid"], "euro", "{}", june("2021"));

    let (_, out, _) = run(&[&only[..], &["--formaat", "csv"]].concat());
    let line = out
        .lines()
        .find(|l| l.contains(";2024-06;"))
        .unwrap_or_else(|| panic!("june 2024 in {out}"));
    assert!(line.contains(";1922,22"), "{line}");
    assert!(line.contains(";x 1.000 euro;0,2413;"), "{line}");
}
