use super::*;

#[test]
fn the_default_is_the_programmes_six_steps_with_burden_counting_inversely() {
    let p = Programme::default();
    let ids: Vec<&str> = p.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "urgentie",
            "kennishiaat",
            "slim_combineren",
            "haalbaarheid",
            "data_beschikbaar",
            "belasting"
        ]
    );
    assert_eq!(p.rule, Rule::Sum);
    assert!(p.rule_text.contains("belasting"), "{}", p.rule_text);
    let burden = p.criterion("belasting").unwrap();
    assert_eq!(burden.points(Some("hoog")), 1);
    assert_eq!(burden.points(Some("laag")), 3);
    assert_eq!(burden.points(None), 0);
    let urgency = p.criterion("urgentie").unwrap();
    assert_eq!(urgency.points(Some("hoog")), 3);
    assert_eq!(urgency.points(Some("zeer hoog")), 0);
    assert_eq!(p.max_score(), 18);
}

#[test]
fn old_weighings_are_kept_shown_as_old_and_not_counted() {
    let p = Programme::default();
    let c = Criteria::default()
        .with("relevantie", "hoog")
        .with("urgentie", "midden")
        .with("breed_gedragen", "laag")
        .with("belasting", "hoog");
    assert_eq!(p.score(&c), 2 + 1);
    assert_eq!(
        p.old_weighings(&c),
        [("relevantie", "hoog"), ("breed_gedragen", "laag")]
    );
    assert_eq!(
        p.line(&c, "–"),
        "urgentie midden · kennishiaat – · slim combineren – · haalbaarheid – · \
         data beschikbaar – · belasting hoog · relevantie (oud) hoog · breed gedragen (oud) laag"
    );
    assert_eq!(
        p.weighed(&c),
        "urgentie midden, belasting hoog, relevantie (oud) hoog, breed gedragen (oud) laag"
    );
}

#[test]
fn a_weighted_rule_multiplies_and_needs_a_weight_per_criterion() {
    let text = "[prioriteit]\nregel = \"gewogen\"\nuitleg = \"punten maal gewicht\"\n\n\
                [[criteria]]\nid = \"a\"\nnaam = \"A\"\nschaal = [\"nee\", \"ja\"]\ngewicht = 3\n\n\
                [[criteria]]\nid = \"b\"\nnaam = \"B\"\nschaal = [\"nee\", \"ja\"]\ngewicht = 1\n";
    let p = Programme::from_toml("p.toml", text).unwrap();
    assert_eq!(p.rule, Rule::Weighted);
    let c = Criteria::default().with("a", "ja").with("b", "nee");
    assert_eq!(p.score(&c), 2 * 3 + 1);
    assert_eq!(p.max_score(), 8);
    assert_eq!(
        p.criterion("a").unwrap().cycle(None).as_deref(),
        Some("nee")
    );
    assert_eq!(p.criterion("a").unwrap().cycle(Some("ja")), None);

    let missing = text.replace("gewicht = 1\n", "");
    let e = Programme::from_toml("p.toml", &missing).unwrap_err();
    assert!(e.0.starts_with("p.toml:11:1: geen gewicht"), "{e}");
}

#[test]
fn errors_name_file_line_and_column_and_what_was_expected() {
    let cases = [
        (
            "[prioriteit]\nregel = \"meest\"\nuitleg = \"x\"\n[[criteria]]\nid = \"a\"\nnaam = \"A\"\nschaal = [\"l\", \"h\"]\n",
            "p.toml:2:9: onbekende regel \"meest\"; verwacht \"som\" of \"gewogen\"",
        ),
        (
            "[prioriteit]\nregel = \"som\"\nuitleg = \"x\"\n[[criteria]]\nid = \"a\"\nnaam = \"A\"\nschaal = [\"l\"]\n",
            "p.toml:7:10: schaal te kort",
        ),
        (
            "[prioriteit]\nregel = \"som\"\nuitleg = \"x\"\n[[criteria]]\nid = \"a\"\nnaam = \"A\"\nschaal = [\"l\", \"h\"]\n[[criteria]]\nid = \"a\"\nnaam = \"B\"\nschaal = [\"l\", \"h\"]\n",
            "p.toml:9:6: id \"a\" leeg of dubbel",
        ),
        (
            "[prioriteit]\nregel = \"som\"\nuitleg = \"x\"\n[[criteria]]\nid = \"a\"\nnaam = \"A\"\nschaal = [\"l\", \"h\"]\nkleur = \"rood\"\n",
            "p.toml:8:1: onbekend veld `kleur`; verwacht een van `id`",
        ),
        ("[prioriteit\n", "p.toml:1:"),
        // The parser's own messages in Dutch too.
        (
            "[prioriteit]\nregel = \"som\"\n",
            "p.toml:1:1: veld `uitleg` ontbreekt",
        ),
    ];
    for (text, start) in cases {
        let e = Programme::from_toml("p.toml", text).unwrap_err();
        assert!(e.0.starts_with(start), "{e}\nverwacht: {start}");
    }
}

#[test]
fn the_file_is_looked_for_beside_the_sessions_folder() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).unwrap();
    assert_eq!(
        Programme::for_sessions(&sessions).unwrap(),
        Programme::default()
    );
    let text = DEFAULT_TOML.replace("regel = \"som\"", "regel = \"gewogen\"");
    std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
    let e = Programme::for_sessions(&sessions).unwrap_err();
    assert!(e.0.contains("programma.toml:"), "{e}");
    assert!(e.0.contains("geen gewicht"), "{e}");
    let two = "[prioriteit]\nregel = \"som\"\nuitleg = \"alleen urgentie telt\"\n[[criteria]]\nid = \"urgentie\"\nnaam = \"urgentie\"\nschaal = [\"laag\", \"hoog\"]\n";
    std::fs::write(dir.path().join(FILE_NAME), two).unwrap();
    let p = Programme::for_sessions(&sessions).unwrap();
    assert_eq!(p.criteria.len(), 1);
    assert_eq!(p.source, Some(dir.path().join(FILE_NAME)));
    assert_eq!(p.rule_text, "alleen urgentie telt");
}

#[test]
fn a_huge_weight_caps_the_score_instead_of_overflowing() {
    let text = "[prioriteit]\nregel = \"gewogen\"\nuitleg = \"x\"\n\
                [[criteria]]\nid = \"a\"\nnaam = \"A\"\nschaal = [\"l\", \"h\"]\ngewicht = 4294967295\n\
                [[criteria]]\nid = \"b\"\nnaam = \"B\"\nschaal = [\"l\", \"h\"]\ngewicht = 4294967295\n";
    let p = Programme::from_toml("p.toml", text).unwrap();
    let c = Criteria::default().with("a", "h").with("b", "h");
    assert_eq!(p.score(&c), u32::MAX);
    assert_eq!(p.max_score(), u32::MAX);
    // A weight beyond u32 is refused with its place, not wrapped.
    let e =
        Programme::from_toml("p.toml", &text.replacen("4294967295", "4294967296", 1)).unwrap_err();
    assert!(e.0.starts_with("p.toml:8:11: "), "{e}");
}
