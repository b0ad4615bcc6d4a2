//! The TOML parser's and serde's English messages in Dutch, in the user's words: what was found
//! and what was expected (`invalid type: string "x", expected struct StartView` becomes `verkeerd
//! soort waarde: tekst "x"; verwacht een tabel met domein en indicator, …`). The messages have a
//! fixed shape (`<what>, expected <what>`), so they are taken apart and each part is translated;
//! a message duiden wrote itself (periods, dates) is Dutch already and passes unchanged. Values
//! echoed in them are cut and escaped (see [`super::message::echo`]).

use super::message::echo_quoted;

/// The Dutch form of a `toml` / serde error message.
pub fn dutch(message: &str) -> String {
    let message = message.trim();
    // The value found may itself hold ", expected ": the expected part is the last one.
    let (head, expected) = match message.rsplit_once(", expected ") {
        Some((h, e)) if !h.is_empty() => (h, Some(e)),
        _ => (message, None),
    };
    // The field the value stood at, as `message_of` added it.
    let (expected, key) = match expected.map(split_key) {
        Some((e, key)) => (Some(e), key),
        None => (None, None),
    };
    let head = head.trim_end_matches(", there are no fields");
    let said = head_dutch(head);
    let said = echo_quoted(&said);
    match expected {
        Some(e) => format!("{said}; verwacht {}", expected_for(e, key)),
        None if head.starts_with("duplicate key") => {
            format!("{said}; verwacht elke sleutel één keer per tabel")
        }
        None if head.starts_with("unknown field") => {
            format!("{said}; dit veld bestaat niet in dit bestand")
        }
        None => match head.strip_prefix("missing field `") {
            Some(rest) => {
                let name = rest.trim_end_matches('`');
                format!("{said}; verwacht {}", missing_words(name))
            }
            None => said,
        },
    }
}

/// `<expected> for `<key>``, as [`message_of`] writes it, taken apart.
fn split_key(expected: &str) -> (&str, Option<&str>) {
    match expected.rsplit_once(" for `") {
        Some((e, key)) if key.ends_with('`') => (e, Some(key.trim_end_matches('`'))),
        _ => (expected, None),
    }
}

/// The message of a `toml` error on `text`, values echoed; a duplicate key is named (the parser
/// only points at it), a value of the wrong kind says at which field it stood (`…, expected a
/// string for `datum``), so the expectation can give an example of that field, and an unquoted
/// date is named as one (serde calls it a map).
pub fn message_of(e: &toml::de::Error, text: &str) -> String {
    let message = e.message().trim();
    let spanned = e.span().and_then(|s| Some((text.get(s.clone())?, s.start)));
    let duplicate = spanned
        .map(|(k, _)| k)
        .filter(|k| message == "duplicate key" && !k.is_empty());
    let mut message = match duplicate {
        Some(key) => format!("duplicate key: `{key}`"),
        None => message.to_string(),
    };
    if let Some((value, start)) = spanned
        && message.contains(", expected ")
    {
        if value.trim().parse::<toml::value::Datetime>().is_ok() {
            message = message.replacen("invalid type: map", "invalid type: date without quotes", 1);
        }
        if let Some(key) = key_before(text, start) {
            message = format!("{message} for `{key}`");
        }
    }
    echo_quoted(&message)
}

/// The key of a `key = value` whose value starts at byte `start` (the last part of a dotted
/// key); `None` when the value does not stand right after `key =` on its line.
fn key_before(text: &str, start: usize) -> Option<&str> {
    let before = text.get(..start)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let key = line.trim_end().strip_suffix('=')?.trim();
    let key = key
        .rsplit('.')
        .next()?
        .trim()
        .trim_matches('"')
        .trim_matches('\'');
    let plain = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    (!key.is_empty() && key.chars().all(plain)).then_some(key)
}

/// What a field holds, with an example, for the fields of a session file and `dataset.toml` whose
/// value is one piece of text or a number.
fn field_words(key: &str) -> Option<&'static str> {
    Some(match key {
        "titel" => "de titel als tekst, bijv. titel = \"Jeugd en Wmo\"",
        "datum" => "de datum als tekst, bijv. datum = \"2026-11-05\"",
        "tijd" => {
            "datum, tijd en verschil met UTC als tekst, bijv. tijd = \"2026-11-23T10:15:00+01:00\""
        }
        "van" => "een periode als tekst, bijv. van = \"2026-03\"",
        "tot" => "een periode als tekst, bijv. tot = \"2026-06\"",
        "periode" => "een periode als tekst, bijv. periode = \"2026-03\"",
        "domein" => "het domein als tekst, bijv. domein = \"jeugd\"",
        "indicator" => "de indicator als tekst, bijv. indicator = \"instroom\"",
        "pad" => "het pad van de datasetmap als tekst, bijv. pad = \"datasets/voorbeeld\"",
        "hash" => "de inhoud-hash van de dataset als tekst",
        "sessie" => {
            "de bestandsnaam van een sessie als tekst, bijv. sessie = \"2026-11-05-jeugd.toml\""
        }
        "tekst" => "de tekst tussen aanhalingstekens, bijv. tekst = \"Instroom daalt\"",
        "formaat" => "het sessieformaat als geheel getal, bijv. formaat = 3",
        _ => return None,
    })
}

/// What a missing field should have held.
fn missing_words(name: &str) -> String {
    if let Some(words) = field_words(name) {
        return words.to_string();
    }
    match name {
        "id" => "een id, bijv. id = 1".to_string(),
        "dataset" => "een tabel [dataset] met pad en hash".to_string(),
        "anker" => {
            "een tabel [aantekeningen.anker] met domein, indicator, bronnen en van".to_string()
        }
        _ => format!("`{name} = …` in deze tabel"),
    }
}

/// What was expected of the value at field `key` (when known), in the user's words: an example
/// of that field rather than of another.
fn expected_for(expected: &str, key: Option<&str>) -> String {
    let unsigned = matches!(expected, "u8" | "u16" | "u32" | "u64" | "usize");
    let text = matches!(
        expected,
        "a string" | "a borrowed string" | "literal string" | "basic string"
    );
    match key {
        // Ids count from 1: an id of 0 is refused too.
        Some("id") if unsigned => "een id: een geheel getal van 1 of meer, bijv. id = 1".into(),
        Some(k) if unsigned || text => match field_words(k) {
            Some(words) => words.to_string(),
            None if text => format!("tekst tussen aanhalingstekens, bijv. {k} = \"…\""),
            None => expected_dutch(expected),
        },
        _ => expected_dutch(expected),
    }
}

/// What was found, in Dutch.
fn head_dutch(head: &str) -> String {
    if let Some(rest) = head.strip_prefix("missing field ") {
        return format!("veld {rest} ontbreekt");
    }
    if let Some(rest) = head.strip_prefix("unknown field ") {
        return format!("onbekend veld {rest}");
    }
    if let Some(rest) = head.strip_prefix("unknown variant ") {
        return format!("onbekende waarde {rest}");
    }
    if let Some(rest) = head.strip_prefix("invalid type: ") {
        return format!("verkeerd soort waarde: {}", found_dutch(rest));
    }
    if let Some(rest) = head.strip_prefix("invalid value: ") {
        return format!("ongeldige waarde: {}", found_dutch(rest));
    }
    if let Some(rest) = head.strip_prefix("invalid length ") {
        return format!("verkeerd aantal elementen: {rest}");
    }
    if let Some(key) = head.strip_prefix("duplicate key: ") {
        return format!("sleutel {key} staat twee keer in deze tabel");
    }
    if let Some(rest) = head.strip_prefix("expected table, found ") {
        return format!("verwacht een tabel, gevonden: {}", found_dutch(rest));
    }
    match SYNTAX.iter().find(|(en, _)| *en == head) {
        Some((_, nl)) => (*nl).to_string(),
        // duiden's own messages (from its deserialisers) are Dutch already.
        None => head.to_string(),
    }
}

/// The TOML parser's descriptions of a syntax error.
const SYNTAX: &[(&str, &str)] = &[
    (
        "duplicate key",
        "deze sleutel staat twee keer in dezelfde tabel",
    ),
    ("invalid key", "ongeldige sleutel"),
    (
        "recursion limit",
        "te diep genest: te veel punten of haakjes in één sleutel of waarde",
    ),
    (
        "cannot recurse further",
        "te diep genest: te veel punten of haakjes in één sleutel of waarde",
    ),
    ("invalid table header", "ongeldige tabelkop [ … ]"),
    (
        "invalid unquoted key",
        "ongeldige sleutel zonder aanhalingstekens",
    ),
    (
        "missing opening quote",
        "aanhalingsteken aan het begin ontbreekt",
    ),
    ("missing escaped value", "na \\ ontbreekt het teken"),
    (
        "missing comma between array elements",
        "komma tussen elementen van de lijst ontbreekt",
    ),
    (
        "missing comma between key-value pairs",
        "komma tussen sleutel = waarde-paren ontbreekt",
    ),
    (
        "missing assignment between key-value pairs",
        "= tussen sleutel en waarde ontbreekt",
    ),
    ("missing value", "waarde ontbreekt"),
    ("missing value for key", "waarde bij deze sleutel ontbreekt"),
    (
        "missing key for inline table element",
        "sleutel ontbreekt in { … }",
    ),
    ("missing inline table opening", "{ ontbreekt"),
    ("missing array opening", "[ ontbreekt"),
    ("missing table open", "[ ontbreekt"),
    ("missing comment start", "# ontbreekt"),
    ("unclosed table", "tabelnaam wordt niet gesloten"),
    ("unclosed array table", "[[lijsttabel]] wordt niet gesloten"),
    ("unclosed inline table", "{ … } wordt niet gesloten"),
    ("unclosed array", "lijst [ … ] wordt niet gesloten"),
    (
        "invalid basic string",
        "tekst tussen \"…\" wordt niet gesloten of is ongeldig",
    ),
    (
        "invalid literal string",
        "tekst tussen '…' wordt niet gesloten of is ongeldig",
    ),
    (
        "invalid multi-line basic string",
        "tekst tussen \"\"\"…\"\"\" is ongeldig",
    ),
    (
        "invalid multi-line literal string",
        "tekst tussen '''…''' is ongeldig",
    ),
    ("invalid string", "ongeldige tekst"),
    ("invalid value", "ongeldige waarde"),
    ("invalid table", "ongeldige tabel"),
    ("invalid key-value pair", "ongeldig sleutel = waarde-paar"),
    ("invalid inline table element", "ongeldig element in { … }"),
    ("invalid integer number", "ongeldig geheel getal"),
    ("invalid float", "ongeldig getal"),
    ("invalid fraction", "ongeldig getal achter de punt"),
    ("invalid exponent", "ongeldige exponent"),
    ("invalid mantissa", "ongeldig getal"),
    ("invalid hexadecimal number", "ongeldig hexadecimaal getal"),
    ("invalid octal number", "ongeldig octaal getal"),
    ("invalid binary number", "ongeldig binair getal"),
    (
        "invalid boolean",
        "ongeldige waarde: tekst hoort tussen aanhalingstekens, ja/nee is true of false",
    ),
    (
        "string values must be quoted",
        "tekst hoort tussen aanhalingstekens",
    ),
    ("key with no value", "sleutel zonder waarde"),
    ("unquoted keys cannot be empty", "lege sleutel"),
    (
        "carriage return must be followed by newline",
        "een CR zonder LF erna (regeleinde van een oude Mac?)",
    ),
    (
        "`_` may only go between digits",
        "`_` mag alleen tussen cijfers staan",
    ),
    ("redundant numeric sign", "dubbel + of -"),
    (
        "too few unicode value digits",
        "te weinig cijfers in \\u-code",
    ),
    (
        "cannot recurse further; max recursion depth met",
        "te diep genest",
    ),
    ("invalid date-time", "ongeldige datum/tijd"),
    ("invalid comment character", "ongeldig teken in commentaar"),
    ("unexpected leading zero", "getal begint met een 0"),
    ("unexpected sign", "onverwacht + of -"),
    ("unexpected key or value", "onverwachte sleutel of waarde"),
    ("unexpected content", "onverwachte tekst"),
    (
        "unexpected content between comment and newline",
        "onverwachte tekst na commentaar",
    ),
    ("unexpected `=` in array", "onverwacht = in een lijst"),
    ("extra comma in inline table", "komma te veel in { … }"),
    ("extra comma in array", "komma te veel in de lijst"),
    (
        "extra assignment between key-value pairs",
        "= te veel tussen sleutel en waarde",
    ),
    ("extra `=`", "= te veel"),
];

/// A value serde found (`string "x"`, `integer `5``), in Dutch.
fn found_dutch(found: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("string ", "tekst "),
        ("integer ", "geheel getal "),
        ("floating point ", "getal "),
        ("boolean ", "waarheidswaarde "),
        ("sequence", "lijst"),
        ("map", "tabel"),
        ("unit value", "lege waarde"),
        ("character ", "teken "),
        ("date without quotes", "een datum zonder aanhalingstekens"),
    ];
    KINDS
        .iter()
        .find_map(|(en, nl)| found.strip_prefix(en).map(|rest| format!("{nl}{rest}")))
        .unwrap_or_else(|| found.to_string())
}

/// What serde or the parser expected, in the user's words.
fn expected_dutch(expected: &str) -> String {
    if let Some(rest) = expected.strip_prefix("one of ") {
        return format!("een van {rest}");
    }
    if let Some(name) = expected.strip_prefix("struct ") {
        return match name {
            "StartView" => {
                "een tabel met domein en indicator, bijv. start = { domein = \"jeugd\", indicator = \"instroom\" }".to_string()
            }
            "SourceIndicatorMeta" => "een tabel met eenheid en/of definitie".to_string(),
            _ => "een tabel (velden onder [naam] of tussen { })".to_string(),
        };
    }
    let words = match expected {
        "a string" | "a borrowed string" => "tekst tussen aanhalingstekens",
        "u8" | "u16" | "u32" | "u64" | "usize" => "een geheel getal van 0 of meer",
        "i8" | "i16" | "i32" | "i64" | "an integer" => "een geheel getal",
        "f32" | "f64" | "a float" => "een getal, bijv. 100 of 12.5",
        "a boolean" => "true of false",
        "a sequence" => "een lijst, bijv. [\"a\", \"b\"]",
        "a map" | "a table" => "een tabel",
        "option" => "een waarde of niets",
        _ => return syntax_expected(expected),
    };
    words.to_string()
}

/// The TOML parser's list of what could have stood there (`newline, `#``), in Dutch.
fn syntax_expected(list: &str) -> String {
    let items: Vec<&str> = list
        .split(", ")
        .map(|item| match item {
            "nothing" => "niets meer op deze regel",
            "newline" => "het einde van de regel",
            "value" => "een waarde",
            "key" => "een sleutel",
            "literal string" | "basic string" => "tekst tussen aanhalingstekens",
            "multi-line basic string" => "tekst tussen \"\"\"…\"\"\"",
            "digits" | "numbers" => "cijfers",
            "letters" | "characters" | "printable characters" => "tekens",
            "etc" => "…",
            other => other,
        })
        .collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} of {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::{dutch, message_of};

    #[test]
    fn serde_messages_say_what_was_found_and_expected_in_dutch() {
        assert_eq!(
            dutch("invalid type: string \"x\", expected struct StartView"),
            "verkeerd soort waarde: tekst \"x\"; verwacht een tabel met domein en indicator, bijv. start = { domein = \"jeugd\", indicator = \"instroom\" }"
        );
        assert_eq!(
            dutch("missing field `titel`"),
            "veld `titel` ontbreekt; verwacht de titel als tekst, bijv. titel = \"Jeugd en Wmo\""
        );
        assert_eq!(
            dutch("missing field `kleur`"),
            "veld `kleur` ontbreekt; verwacht `kleur = …` in deze tabel"
        );
        assert_eq!(
            dutch("recursion limit"),
            "te diep genest: te veel punten of haakjes in één sleutel of waarde"
        );
        assert_eq!(
            dutch("duplicate key"),
            "deze sleutel staat twee keer in dezelfde tabel; verwacht elke sleutel één keer per tabel"
        );
        assert_eq!(
            dutch("unknown field `kleurr`, expected one of `id`, `kleur`"),
            "onbekend veld `kleurr`; verwacht een van `id`, `kleur`"
        );
        assert_eq!(
            dutch("invalid type: integer `4`, expected a string"),
            "verkeerd soort waarde: geheel getal `4`; verwacht tekst tussen aanhalingstekens"
        );
        assert_eq!(
            dutch("invalid value: integer `-1`, expected u32"),
            "ongeldige waarde: geheel getal `-1`; verwacht een geheel getal van 0 of meer"
        );
        assert_eq!(
            dutch("string values must be quoted, expected literal string"),
            "tekst hoort tussen aanhalingstekens; verwacht tekst tussen aanhalingstekens"
        );
        assert_eq!(
            dutch("unexpected key or value, expected newline, `#`"),
            "onverwachte sleutel of waarde; verwacht het einde van de regel of `#`"
        );
        // Duiden's own messages pass as they are.
        assert_eq!(
            dutch("periode 'x' niet herkend"),
            "periode 'x' niet herkend"
        );
    }

    /// Issue 16.9: the example is one of the field the value stood at, ids count from 1.
    #[test]
    fn the_expectation_is_that_of_the_field() {
        let of = |text: &str| {
            #[derive(Debug, serde::Deserialize)]
            #[allow(dead_code)]
            struct S {
                datum: Option<String>,
                id: Option<u64>,
                naam: Option<String>,
            }
            let e = toml::from_str::<S>(text).unwrap_err();
            dutch(&message_of(&e, text))
        };
        assert_eq!(
            of("datum = 5\n"),
            "verkeerd soort waarde: geheel getal `5`; verwacht de datum als tekst, bijv. datum = \"2026-11-05\""
        );
        assert_eq!(
            of("datum = 2026-11-05\n"),
            "verkeerd soort waarde: een datum zonder aanhalingstekens; verwacht de datum als tekst, bijv. datum = \"2026-11-05\""
        );
        assert_eq!(
            of("id = -1\n"),
            "ongeldige waarde: geheel getal `-1`; verwacht een id: een geheel getal van 1 of meer, bijv. id = 1"
        );
        assert_eq!(
            of("naam = 5\n"),
            "verkeerd soort waarde: geheel getal `5`; verwacht tekst tussen aanhalingstekens, bijv. naam = \"…\""
        );
        assert_eq!(
            of("datum = kapot\n"),
            "tekst hoort tussen aanhalingstekens; verwacht de datum als tekst, bijv. datum = \"2026-11-05\""
        );
    }

    #[test]
    fn an_echoed_value_is_cut_and_escaped() {
        let long = format!(
            "invalid type: string \"{}\n\", expected u32",
            "a".repeat(10_000)
        );
        let m = dutch(&long);
        assert!(m.chars().count() < 200, "{m}");
        assert!(m.contains("…") && !m.contains('\n'), "{m}");
        assert!(
            m.ends_with("verwacht een geheel getal van 0 of meer"),
            "{m}"
        );
    }
}
