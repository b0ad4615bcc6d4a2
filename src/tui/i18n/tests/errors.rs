//! Errors of the core in both languages: the Dutch text is exactly what the core wrote before it
//! described problems as data, and every kind has its own English text.

use super::super::*;
use crate::load::message::Warning as W;
use crate::load::{Diagnostic, DiagnosticKind as K, LoadError};
use crate::model::number::NumberError;
use crate::model::period::PeriodError;
use crate::model::{Period, SeriesKey};
use crate::session::SessionError;
use crate::session::header::{LineError, LineProblem};
use crate::session::store::ParseProblem as P;
use std::path::{Path, PathBuf};

const REQ: &str = "periode,domein,indicator,bron,waarde";
const OPT: &str = "eenheid,regio,wijk,aanbieder,status,opmerking";

/// Every kind of load diagnostic with its Dutch and English message.
fn load_cases() -> Vec<(K, String, &'static str)> {
    let key = SeriesKey {
        domein: "jeugd".into(),
        indicator: "instroom".into(),
        bron: "cbs".into(),
        breakdown: Default::default(),
    };
    let march = Period::parse("2021-03").unwrap().0;
    vec![
        (K::MissingFolder, "map bestaat niet; verwacht een datasetmap met reeksen.csv en dataset.toml".into(), "folder does not exist; expected a dataset folder with reeksen.csv and dataset.toml"),
        (K::Cancelled, "laden afgebroken".into(), "loading cancelled"),
        (K::Unreadable { error: "os error 13".into() }, "kan bestand niet lezen: os error 13".into(), "cannot read file: os error 13"),
        (K::NotUtf8 { byte: 0xe9 }, "geen geldige UTF-8 (byte 0xE9); verwacht UTF-8-tekst — sla het bestand op als 'CSV UTF-8'".into(), "not valid UTF-8 (byte 0xE9); expected UTF-8 text — save the file as 'CSV UTF-8'"),
        (K::Toml { message: "missing field `titel`".into() }, "veld `titel` ontbreekt; verwacht de titel als tekst, bijv. titel = \"Jeugd en Wmo\"".into(), "missing field `titel`"),
        (K::Period(PeriodError::Unrecognised { text: "2021/03".into() }), "periode '2021/03' niet herkend; verwacht een van 2021-03, 2021-Q1, 2021K1, 2021-H1, 2021, 2021MM03, 2021KW01, 2021HJ01 of 2021JJ00".into(), "period '2021/03' not recognised; expected one of 2021-03, 2021-Q1, 2021K1, 2021-H1, 2021, 2021MM03, 2021KW01, 2021HJ01 or 2021JJ00"),
        (K::Period(PeriodError::OutOfRange { text: "2021KW05".into(), index: 5, max: 4 }), "periode '2021KW05': volgnummer 5 buiten bereik 1-4".into(), "period '2021KW05': number 5 out of range 1-4"),
        (K::DuplicateSourceId { id: "cbs".into() }, "bron 'cbs' staat twee keer in [[bronnen]]; verwacht unieke ids".into(), "source 'cbs' appears twice in [[bronnen]]; expected unique ids"),
        (K::BadColour { value: "oranjeachtig".into() }, "kleur 'oranjeachtig' onbekend; verwacht #rrggbb of een van oranje, blauw, lichtblauw, groen, paars, rood, geel, zwart, wit, grijs, bruin, roze".into(), "unknown colour 'oranjeachtig'; expected #rrggbb or one of oranje, blauw, lichtblauw, groen, paars, rood, geel, zwart, wit, grijs, bruin, roze"),
        (K::BadSymbol { value: "◆".into(), problem: crate::model::identity::SymbolProblem::Reserved }, "symbool '◆' is het teken van een gebeurtenis (◆), een trendbreuk (╫) of een cijfer (uitsplitsingen); verwacht één ander teken, bijv. ★ of ✦".into(), "symbol '◆' is the mark of an event (◆), a trend break (╫) or a digit (breakdowns); expected one other character, e.g. ★ or ✦"),
        (K::BadSymbol { value: "ab".into(), problem: crate::model::identity::SymbolProblem::NotOneCharacter }, "symbool 'ab' is niet één teken; verwacht één ander teken, bijv. ★ of ✦".into(), "symbol 'ab' is not one character; expected one other character, e.g. ★ or ✦"),
        (K::BadSymbol { value: "😀".into(), problem: crate::model::identity::SymbolProblem::Wide }, "symbool '😀' is twee vakjes breed (emoji of Chinees/Japans teken); verwacht één ander teken, bijv. ★ of ✦".into(), "symbol '😀' is two cells wide (an emoji or a CJK character); expected one other character, e.g. ★ or ✦"),
        (K::BadRole { value: "plan".into() }, "rol 'plan' onbekend; verwacht \"begroting\" of \"realisatie\"".into(), "unknown role 'plan'; expected \"begroting\" or \"realisatie\""),
        (K::UnknownPartOf(Box::new(crate::load::message::PartOfTarget { domain: "jeugd".into(), indicator: "instroom_jb".into(), target: "instrom".into() })), "deel_van 'instrom' van indicator 'instroom_jb' is geen andere indicator in domein jeugd; verwacht de id van een [[indicatoren]] met domein = \"jeugd\"".into(), "deel_van 'instrom' of indicator 'instroom_jb' is no other indicator in domain jeugd; expected the id of an [[indicatoren]] with domein = \"jeugd\""),
        (K::EmptyFile, format!("bestand is leeg; verwacht een kopregel met {REQ} en daarna gegevens"), "file is empty; expected a header line with periode,domein,indicator,bron,waarde and then data"),
        (K::UnnamedColumn { column: 5 }, format!("kolom 5 in de kopregel heeft geen naam; verwacht {REQ} en eventueel {OPT} (of een scheidingsteken minder)"), "column 5 of the header line has no name; expected periode,domein,indicator,bron,waarde and optionally eenheid,regio,wijk,aanbieder,status,opmerking (or one separator less)"),
        (K::DuplicateColumn { name: "periode".into() }, "kolom 'periode' staat twee keer in de kopregel; verwacht elke kolom één keer".into(), "column 'periode' appears twice in the header line; expected each column once"),
        (K::UnknownColumn { name: "jaar".into() }, format!("onbekende kolom 'jaar'; verwacht {REQ} en eventueel {OPT}"), "unknown column 'jaar'; expected periode,domein,indicator,bron,waarde and optionally eenheid,regio,wijk,aanbieder,status,opmerking"),
        (K::MissingColumn { name: "bron".into() }, format!("kolom 'bron' ontbreekt; verwacht kopregel met {REQ}"), "column 'bron' is missing; expected a header line with periode,domein,indicator,bron,waarde"),
        (K::FieldCount { found: 3, expected: 5, separator: ';' }, "regel heeft 3 velden; verwacht 5 zoals de kopregel (scheidingsteken ';')".into(), "line has 3 fields; expected 5 like the header line (separator ';')"),
        (K::NotCsv { separator: ',' }, "regel kan niet als CSV gelezen worden; verwacht velden gescheiden door ','".into(), "line cannot be read as CSV; expected fields separated by ','"),
        (K::UnclosedQuote, "aanhalingsteken wordt niet gesloten (het veld loopt door tot het einde van het bestand); verwacht een afsluitend \" in hetzelfde veld (of verdubbel het: \"\")".into(), "quote is never closed (the field runs on to the end of the file); expected a closing \" in the same field (or double it: \"\")"),
        (K::EmptyCell { column: "periode".into() }, "periode is leeg; verwacht een periode zoals 2021-03 of 2021KW01".into(), "periode is empty; expected a period such as 2021-03 or 2021KW01"),
        (K::EmptyCell { column: "domein".into() }, "domein is leeg; verwacht een domein zoals jeugd, wmo of participatie".into(), "domein is empty; expected a domain such as jeugd, wmo or participatie"),
        (K::EmptyCell { column: "indicator".into() }, "indicator is leeg; verwacht een indicator zoals instroom".into(), "indicator is empty; expected an indicator such as instroom"),
        (K::EmptyCell { column: "bron".into() }, "bron is leeg; verwacht de id van een bron uit dataset.toml".into(), "bron is empty; expected the id of a source in dataset.toml"),
        (K::EmptyCell { column: "waarde".into() }, "waarde is leeg; verwacht een getal, of '.' voor onbekend".into(), "waarde is empty; expected a number, or '.' for unknown"),
        (K::UnknownStatus { value: "klaar".into() }, "status 'klaar' onbekend; verwacht definitief, voorlopig, nader voorlopig of schatting".into(), "unknown status 'klaar'; expected definitief, voorlopig, nader voorlopig or schatting"),
        (K::Value(NumberError::NotANumber { text: "tien".into() }), "waarde: verwacht een getal (bijv. 1234, 12,5 of 12.5), kreeg 'tien'; '.' betekent onbekend".into(), "waarde: expected a number (e.g. 1234, 12,5 or 12.5), got 'tien'; '.' means unknown"),
        (K::Value(NumberError::Ambiguous { text: "1,2.3.4".into() }), "waarde: '1,2.3.4' is dubbelzinnig: verwacht één decimaalteken (12,5 of 12.5), eventueel met groepering per duizend (1.234,5); '.' betekent onbekend".into(), "waarde: '1,2.3.4' is ambiguous: expected one decimal separator (12,5 or 12.5), optionally with thousands grouped (1.234,5); '.' means unknown"),
        (K::Value(NumberError::TooLarge { text: "1e999".into() }), "waarde: '1e999' is te groot voor een getal; '.' betekent onbekend".into(), "waarde: '1e999' is too large for a number; '.' means unknown"),
        (K::UnknownIndicator { domain: "jeugd".into(), indicator: "uitstroom".into() }, "indicator 'uitstroom' (domein jeugd) heeft geen metadata; verwacht een [[indicatoren]] met domein = \"jeugd\" en id = \"uitstroom\" in dataset.toml".into(), "indicator 'uitstroom' (domain jeugd) has no metadata; expected an [[indicatoren]] with domein = \"jeugd\" and id = \"uitstroom\" in dataset.toml"),
        (K::UnknownSource { id: "ggd".into() }, "bron 'ggd' heeft geen metadata; verwacht een [[bronnen]] met id = \"ggd\" in dataset.toml".into(), "source 'ggd' has no metadata; expected a [[bronnen]] with id = \"ggd\" in dataset.toml"),
        (K::DuplicateRow { period: march, key: Box::new(key), first_line: 2 }, "dubbele rij: periode 2021-03, jeugd/instroom/cbs staat ook op regel 2; verwacht één waarde per (periode, domein, indicator, bron, uitsplitsing)".into(), "duplicate row: period 2021-03, jeugd/instroom/cbs is also on line 2; expected one value per (period, domain, indicator, source, breakdown)"),
        (K::Lag(crate::model::lag::LagError::NoUnit { text: "8".into() }), "vertraging '8': getal zonder eenheid; verwacht een duur zoals '6 weken', 'ca. 4 maanden' of '1 kwartaal'".into(), "delay '8': a number without a unit; expected a duration such as '6 weken', 'ca. 4 maanden' or '1 kwartaal'"),
        (K::Utf16, "bestand is UTF-16; verwacht UTF-8-tekst — sla het bestand op als 'CSV UTF-8' of 'UTF-8'".into(), "file is UTF-16; expected UTF-8 text — save the file as 'CSV UTF-8' or 'UTF-8'"),
        (K::QuoteInField, "tekst na het afsluitende aanhalingsteken in dit veld; verwacht het hele veld tussen aanhalingstekens (een \" in de tekst verdubbeld: \"\") of geen aanhalingstekens".into(), "text after the closing quote of this field; expected the whole field in quotes (a \" in the text doubled: \"\") or no quotes"),
        (K::Warning(Box::new(W::CrOnly)), "regels eindigen alleen op CR (oude Mac-indeling); gelezen als regeleinden, verwacht LF of CRLF".into(), "lines end in CR only (old Mac format); read as line ends, expected LF or CRLF"),
        (K::Warning(Box::new(W::MissingSource { field: "breuken", id: "c".into() })), "breuken noemt bron 'c', die niet in [[bronnen]] staat; verwacht de id van een bron".into(), "breuken names source 'c', which is not in [[bronnen]]; expected the id of a source"),
        (K::Warning(Box::new(W::MissingIndicator { field: "start", domain: "jeugd".into(), indicator: "x".into() })), "start noemt indicator 'x' (domein jeugd), die niet in [[indicatoren]] staat; verwacht een bestaande indicator".into(), "start names indicator 'x' (domain jeugd), which is not in [[indicatoren]]; expected an existing indicator"),
        (K::Warning(Box::new(W::DuplicateIndicator { domain: "jeugd".into(), indicator: "x".into(), first_line: 3 })), "indicator 'x' (domein jeugd) staat ook op regel 3; alleen die eerste telt, verwacht elke indicator één keer".into(), "indicator 'x' (domain jeugd) is also on line 3; only that first one counts, expected each indicator once"),
        (K::Warning(Box::new(W::BadPer { value: "NaN".into() })), "per = NaN kan geen vermenigvuldiger zijn; verwacht bijv. 100 (procent) of 1000 (per 1.000)".into(), "per = NaN cannot be a multiplier; expected e.g. 100 (percent) or 1000 (per 1,000)"),
        (K::Warning(Box::new(W::UnknownRhythm { value: "wekelijks".into() })), "ritme 'wekelijks' onbekend; verwacht maand, kwartaal, halfjaar, jaar".into(), "unknown ritme 'wekelijks'; expected maand, kwartaal, halfjaar, jaar"),
        (K::Warning(Box::new(W::NegativeCount { value: "-3".into(), soort: "stand" })), "negatieve waarde -3 voor een stand (een aantal); verwacht 0 of meer".into(), "negative value -3 for a stand (a count); expected 0 or more"),
        (K::Warning(Box::new(W::YearOutOfRange { year: 1850 })), "jaar 1850 ligt buiten 1900-2100; verwacht een jaar in die periode (tikfout?)".into(), "year 1850 lies outside 1900-2100; expected a year in that range (a typo?)"),
        (K::QuoteRunsOn { closed_on: 9 }, "aanhalingsteken wordt niet gesloten in dit veld: het veld loopt door tot het aanhalingsteken op regel 9, met tekst erna; verwacht een afsluitend \" in hetzelfde veld (of verdubbel het: \"\")".into(), "quote is not closed in this field: the field runs on to the quote on line 9, with text after it; expected a closing \" in the same field (or double it: \"\")"),
    ]
}

/// Compiles only while every kind is listed here: a new kind must get a case above.
fn kind_index(k: &K) -> usize {
    match k {
        K::MissingFolder => 0,
        K::Cancelled => 1,
        K::Unreadable { .. } => 2,
        K::NotUtf8 { .. } => 3,
        K::Toml { .. } => 4,
        K::Period(_) => 5,
        K::DuplicateSourceId { .. } => 6,
        K::BadColour { .. } => 7,
        K::BadSymbol { .. } => 8,
        K::BadRole { .. } => 9,
        K::UnknownPartOf(_) => 10,
        K::EmptyFile => 11,
        K::UnnamedColumn { .. } => 12,
        K::DuplicateColumn { .. } => 13,
        K::UnknownColumn { .. } => 14,
        K::MissingColumn { .. } => 15,
        K::FieldCount { .. } => 16,
        K::NotCsv { .. } => 17,
        K::UnclosedQuote => 18,
        K::EmptyCell { .. } => 19,
        K::UnknownStatus { .. } => 20,
        K::Value(_) => 21,
        K::UnknownIndicator { .. } => 22,
        K::UnknownSource { .. } => 23,
        K::DuplicateRow { .. } => 24,
        K::Lag(_) => 25,
        K::Utf16 => 26,
        K::QuoteInField => 27,
        K::Warning(_) => 28,
        K::QuoteRunsOn { .. } => 29,
    }
}

#[test]
fn every_load_diagnostic_kind_in_dutch_and_english() {
    let cases = load_cases();
    let mut seen: Vec<usize> = cases.iter().map(|(k, _, _)| kind_index(k)).collect();
    seen.dedup();
    assert_eq!(seen, (0..=29).collect::<Vec<_>>(), "a kind without a case");
    let file = Path::new("data/reeksen.csv");
    for (kind, dutch, english) in cases {
        let d = Diagnostic::new(file, 4, 7, kind.clone());
        assert_eq!(d.message, dutch);
        assert_eq!(d.to_string(), format!("data/reeksen.csv:4:7: {dutch}"));
        assert_eq!(texts(Lang::Nl).diagnostic(&d), d.to_string());
        assert_eq!(
            texts(Lang::En).diagnostic(&d),
            format!("data/reeksen.csv:4:7: {english}"),
            "{kind:?}"
        );
    }
}

#[test]
fn a_load_error_in_english_keeps_places_and_counts_the_rest() {
    let dir = Path::new("data");
    let err = LoadError {
        diagnostics: vec![
            Diagnostic::whole_file(dir, K::MissingFolder),
            Diagnostic::new(Path::new("r.csv"), 3, 2, K::UnclosedQuote),
        ],
        omitted: 7,
    };
    assert_eq!(texts(Lang::Nl).load_error(&err), err.to_string());
    let en = texts(Lang::En).load_error(&err);
    let lines: Vec<&str> = en.lines().collect();
    assert_eq!(lines.len(), 3, "{en}");
    assert!(lines[0].starts_with("data: folder does not exist"), "{en}");
    assert!(
        lines[1].starts_with("r.csv:3:2: quote is never closed"),
        "{en}"
    );
    assert_eq!(lines[2], "… and 7 more errors");
}

#[test]
fn session_errors_in_dutch_and_english() {
    let path = PathBuf::from("s/kapot.toml");
    let parse = |problem: P| SessionError::Parse {
        path: path.clone(),
        line: 3,
        column: 9,
        problem,
    };
    let march = Period::parse("2021-03").unwrap().0;
    let jan = Period::parse("2021-01").unwrap().0;
    let cases = [
        (
            parse(P::NotUtf8),
            "ongeldige UTF-8; verwacht een UTF-8-tekstbestand",
            "invalid UTF-8; expected a UTF-8 text file",
        ),
        (
            parse(P::Toml {
                message: "missing field `tijd`".into(),
            }),
            "veld `tijd` ontbreekt; verwacht datum, tijd en verschil met UTC als tekst, bijv. tijd = \"2026-11-23T10:15:00+01:00\"",
            "missing field `tijd`",
        ),
        (
            parse(P::Utf16),
            "bestand is UTF-16; verwacht een UTF-8-tekstbestand",
            "file is UTF-16; expected a UTF-8 text file",
        ),
        (
            parse(P::CorruptFormat { found: 4294967296 }),
            "sessieformaat 4294967296 bestaat niet: het bestand is beschadigd; verwacht formaat = 1 t/m 4",
            "session format 4294967296 does not exist: the file is damaged; expected formaat = 1 to 4",
        ),
        (
            parse(P::NotASession),
            "geen sessiebestand van duiden: het veld `formaat` ontbreekt; verwacht een sessie met formaat = 4, titel, datum en dataset",
            "not a duiden session file: the field `formaat` is missing; expected a session with formaat = 4, titel, datum and dataset",
        ),
        (
            parse(P::UnknownFormat { found: Some(0) }),
            "sessieformaat 0 bestaat niet; verwacht formaat = 1 t/m 4",
            "session format 0 does not exist; expected formaat = 1 to 4",
        ),
        (
            parse(P::UnknownFormat { found: None }),
            "sessieformaat is te groot voor een getal: het bestand is beschadigd; verwacht formaat = 1 t/m 4",
            "session format is too large for a number: the file is damaged; expected formaat = 1 to 4",
        ),
        (
            parse(P::BothKeys {
                old: "verschil".into(),
                new: "verschil_tekst".into(),
            }),
            "`verschil` en `verschil_tekst` staan er allebei; verwacht alleen `verschil` in dit oudere sessieformaat",
            "`verschil` and `verschil_tekst` are both present; expected only `verschil` in this older session format",
        ),
        (
            parse(P::ZeroId),
            "aantekening met id 0; verwacht unieke ids van 1 tot en met 9007199254740991",
            "annotation with id 0; expected unique ids from 1 up to and including 9007199254740991",
        ),
        (
            parse(P::IdTooLarge { id: 1 << 60 }),
            "aantekening id 1152921504606846976 is te groot; verwacht unieke ids van 1 tot en met 9007199254740991",
            "annotation id 1152921504606846976 is too large; expected unique ids from 1 up to and including 9007199254740991",
        ),
        (
            parse(P::DuplicateId { id: 4 }),
            "aantekening id 4 komt twee keer voor; verwacht unieke ids van 1 tot en met 9007199254740991",
            "annotation id 4 appears twice; expected unique ids from 1 up to and including 9007199254740991",
        ),
        (
            parse(P::ReversedRange {
                from: march,
                to: jan,
            }),
            "periode tot 2021-01 ligt vóór van 2021-03; verwacht tot op of na van",
            "period tot 2021-01 lies before van 2021-03; expected tot on or after van",
        ),
        (
            parse(P::ChangeWithoutSession),
            "wijziging zonder sessie; verwacht de bestandsnaam van de sessie met de vraag",
            "change without a session; expected the file name of the session with the question",
        ),
        (
            parse(P::MergeWithoutSession),
            "samenvoeging zonder sessie; verwacht de bestandsnamen van beide sessies",
            "merge without a session; expected the file names of both sessions",
        ),
        (
            parse(P::SelfMerge { id: 2 }),
            "vraag 2 wordt met zichzelf samengevoegd; verwacht twee verschillende vragen",
            "question 2 is merged with itself; expected two different questions",
        ),
    ];
    for (e, dutch, english) in &cases {
        assert_eq!(e.to_string(), format!("s/kapot.toml:3:9: {dutch}"));
        assert_eq!(texts(Lang::Nl).session_error(e), e.to_string());
        assert_eq!(
            texts(Lang::En).session_error(e),
            format!("s/kapot.toml:3:9: {english}")
        );
    }
    let too_new = SessionError::TooNew {
        path: path.clone(),
        found: 7,
        supported: 3,
    };
    assert_eq!(
        too_new.to_string(),
        "s/kapot.toml: sessieformaat 7 is nieuwer dan deze versie van duiden kan lezen (tot en met 3); werk duiden bij"
    );
    assert_eq!(
        texts(Lang::En).session_error(&too_new),
        "s/kapot.toml: session format 7 is newer than this version of duiden can read (up to 3); update duiden"
    );
    let refused = SessionError::Refused {
        path: path.clone(),
        why: crate::session::LifecycleError::NotAllowed {
            from: crate::session::QuestionStatus::Open,
            to: crate::session::QuestionStatus::Beantwoord,
        },
    };
    assert_eq!(
        refused.to_string(),
        "s/kapot.toml: van 'nieuw' kan niet naar 'beantwoord'; wel naar: geagendeerd, vervallen, samengevoegd"
    );
    assert_eq!(
        texts(Lang::En).session_error(&refused),
        "s/kapot.toml: 'new' cannot move to 'answered'; it can move to: on the agenda, dropped, merged"
    );
    let io = SessionError::Io {
        path,
        source: std::io::Error::other("schijf vol"),
    };
    assert_eq!(
        io.to_string(),
        "s/kapot.toml: lezen of schrijven mislukt: schijf vol"
    );
    assert_eq!(
        texts(Lang::En).session_error(&io),
        "s/kapot.toml: reading or writing failed: schijf vol"
    );
}

#[test]
fn header_line_errors_in_dutch_and_english() {
    let roles = crate::session::header::role_words().join(", ");
    let cases = [
        (
            LineProblem::NoKey,
            "verwacht 'facilitator:', 'deelnemer:' of 'agenda:' vooraan".to_string(),
            "expected 'facilitator:', 'deelnemer:' or 'agenda:' at the start".to_string(),
        ),
        (
            LineProblem::BadParticipant,
            format!("verwacht 'deelnemer: naam | rol | organisatie' met rol {roles}"),
            format!("expected 'deelnemer: name | role | organisation' with role {roles}"),
        ),
        (
            LineProblem::BadAgenda,
            "verwacht 'agenda: domein/indicator | toelichting'".to_string(),
            "expected 'agenda: domain/indicator | note'".to_string(),
        ),
        (
            LineProblem::UnknownKey { key: "gast".into() },
            "onbekend veld 'gast'; verwacht facilitator, deelnemer of agenda".to_string(),
            "unknown field 'gast'; expected facilitator, deelnemer or agenda".to_string(),
        ),
    ];
    for (problem, dutch, english) in cases {
        let e = LineError { line: 5, problem };
        assert_eq!(e.to_string(), format!("regel 5: {dutch}"));
        assert_eq!(texts(Lang::Nl).line_error(&e), e.to_string());
        assert_eq!(texts(Lang::En).line_error(&e), format!("line 5: {english}"));
    }
}
