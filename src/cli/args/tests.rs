use super::*;

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

#[test]
fn taal_is_found_before_parsing() {
    assert_eq!(lang_in(&os(&["duiden", "--taal", "en"])), Some(Lang::En));
    assert_eq!(lang_in(&os(&["duiden", "x", "--taal=nl"])), Some(Lang::Nl));
    assert_eq!(
        lang_in(&os(&["duiden", "terugkijken", "--taal", "en"])),
        Some(Lang::En)
    );
    assert_eq!(lang_in(&os(&["duiden", "--taal"])), None);
    assert_eq!(lang_in(&os(&["duiden", "--taal", "de"])), None);
    assert_eq!(lang_in(&os(&["duiden", "--", "--taal", "en"])), None);
    assert_eq!(lang_in(&os(&["duiden", "--taalx=en"])), None);
}

/// Every command of the line, the root first (without clap's own `help`).
fn commands(cmd: &Command) -> Vec<&Command> {
    let mut out = vec![cmd];
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        out.extend(commands(sub));
    }
    out
}

fn own_args(cmd: &Command) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
}

#[test]
fn every_command_and_argument_has_english_help() {
    let (nl, en) = (command(Lang::Nl), command(Lang::En));
    for (n, e) in commands(&nl).into_iter().zip(commands(&en)) {
        let name = n.get_name();
        assert!(about_en(name).is_some(), "{name}: no English about");
        assert_ne!(
            n.get_about().map(|a| a.to_string()),
            e.get_about().map(|a| a.to_string())
        );
        for (a, b) in own_args(n).zip(own_args(e)) {
            let id = a.get_id().as_str();
            assert!(arg_en(name, id).is_some(), "{name} {id}: no English help");
            let (a, b) = (
                a.get_help().unwrap().to_string(),
                b.get_help().unwrap().to_string(),
            );
            assert_ne!(a, b, "{name} {id}");
            assert!(!b.is_empty());
        }
        for a in own_args(n) {
            for v in a
                .get_possible_values()
                .iter()
                .filter(|v| v.get_help().is_some())
            {
                let (id, value) = (a.get_id().as_str(), v.get_name());
                assert!(value_en(name, id, value).is_some(), "{name} {id} {value}");
            }
        }
    }
}

#[test]
fn help_is_in_the_language_with_its_defaults_and_values() {
    let nl = command(Lang::Nl).render_help().to_string();
    for text in [
        "Gebruik: duiden [OPTIES] [DATASET]",
        "duiden <COMMANDO>",
        "Commando's:",
        "Argumenten:",
        "Opties:",
        "Map met sessiebestanden [standaard: sessions]",
        "[mogelijke waarden: nl, en]",
        "Toon de hulp",
        "Toon de versie",
        "Toon deze hulp of de hulp van het gegeven commando",
    ] {
        assert!(nl.contains(text), "{text} missing in\n{nl}");
    }
    for english in ["Usage", "Options", "Print", "default:", "possible values"] {
        assert!(!nl.contains(english), "{english} in the Dutch help\n{nl}");
    }
    let en = command(Lang::En).render_help().to_string();
    for text in [
        "Usage: duiden [OPTIONS] [DATASET]",
        "Commands:",
        "Folder with session files [default: sessions]",
        "--sessies <FOLDER>",
        "Print help",
    ] {
        assert!(en.contains(text), "{text} missing in\n{en}");
    }
    let mut en = command(Lang::En);
    let notulen = en.find_subcommand_mut("notulen").unwrap();
    let long = notulen.render_long_help().to_string();
    assert!(long.contains("Possible values:\n"), "{long}");
    assert!(long.contains("- html: One HTML file with charts"), "{long}");
    assert!(long.contains("[default: md]"), "{long}");
}

#[test]
fn errors_are_said_in_the_language() {
    let error = |lang: Lang, args: &[&str]| {
        let e = command(lang).try_get_matches_from(os(args)).unwrap_err();
        error_text(&e, lang)
    };
    let nl = error(Lang::Nl, &["duiden", "--kleur"]);
    assert!(
        nl.starts_with("fout: onbekend argument '--kleur'\n"),
        "{nl}"
    );
    assert!(nl.contains("Gebruik: duiden [OPTIES] [DATASET]"), "{nl}");
    let en = error(Lang::En, &["duiden", "--kleur"]);
    assert!(
        en.starts_with("error: unexpected argument '--kleur'\n"),
        "{en}"
    );
    assert!(en.contains("For more information, try '--help'."), "{en}");

    let nl = error(Lang::Nl, &["duiden", "--taal", "de"]);
    assert!(
        nl.contains("ongeldige waarde 'de' voor '--taal <TAAL>'"),
        "{nl}"
    );
    assert!(nl.contains("mogelijke waarden: nl, en"), "{nl}");
    let en = error(Lang::En, &["duiden", "vragen", "--formaat", "pdf"]);
    assert!(
        en.contains("invalid value 'pdf' for '--formaat <FORMAT>'"),
        "{en}"
    );
    assert!(en.contains("possible values: md, csv"), "{en}");

    let nl = error(Lang::Nl, &["duiden", "notulen"]);
    assert!(
        nl.contains("verplicht argument ontbreekt: <SESSIE>"),
        "{nl}"
    );
    let en = error(Lang::En, &["duiden", "verschillen", "x", "--drempl", "3"]);
    assert!(en.contains("did you mean '--drempel'?"), "{en}");
}
