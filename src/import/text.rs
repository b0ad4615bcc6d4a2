//! Small pieces the CSV readers share: ids from titles, the kind of a measure from its name,
//! CBS's missing-value marks, numbers, and located errors.

use super::{Figure, ImportError, Layout, Missing};
use crate::model::Soort;
use std::path::Path;

/// A lower-case id from a title or key: letters and digits, `_` between words, accents dropped.
/// `Beginstand`/`Eindstand` become `stand_begin`/`stand_eind`, the names the stock-flow checks
/// look for; "Bevolking op 1 januari" becomes `inwoners`, the noemer of per-1,000 figures.
pub fn id_of(title: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in title.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            // CamelCase keys (`BeginstandMaatregelen`) split into words.
            if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
        } else {
            prev_lower = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let words: Vec<String> = words
        .into_iter()
        .map(|w| match w.as_str() {
            "beginstand" => "stand_begin".to_string(),
            "eindstand" => "stand_eind".to_string(),
            _ => w,
        })
        .collect();
    let id = words.join("_");
    match id.as_str() {
        "" => "x".to_string(),
        "bevolking_op_1_januari" | "bevolking_op1_januari" => "inwoners".to_string(),
        _ => id,
    }
}

/// The ASCII letter of a Latin letter with an accent (ë → e); others unchanged.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        _ => c,
    }
}

/// The kind of a measure guessed from its title and unit; `None` when the words do not say.
pub fn guess_soort(title: &str, unit: &str) -> Option<Soort> {
    let t = title.to_lowercase();
    let u = unit.to_lowercase();
    if u.contains('%') || u.starts_with("per ") || t.contains("percentage") {
        return Some(Soort::Ratio);
    }
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&[
        "beginstand",
        "eindstand",
        "stand",
        "lopend",
        "per 1 januari",
        "op 1 januari",
        "bevolking",
    ]) {
        Some(Soort::Stand)
    } else if has(&[
        "instroom",
        "uitstroom",
        "gestart",
        "beëindigd",
        "kosten",
        "nieuw",
    ]) {
        Some(Soort::Stroom)
    } else {
        None
    }
}

/// Codes CBS uses for the total of a dimension when no code list says which: `T001038`
/// (mannen en vrouwen), `T001019` (burgerlijke staat), `T009002` and other `T00…`, and `10000`
/// (leeftijd).
pub fn is_total_code(code: &str) -> bool {
    let c = code.trim();
    c.starts_with("T00") || c == "10000"
}

/// The total's code in a dimension's code list of (code, title): the first whose title starts
/// with "Totaal". Every CBS reader (CSV and JSON) asks this, so a table reads the same in each.
pub fn total_in_list<'a>(list: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
    list.into_iter()
        .find(|(_, title)| title.trim().to_lowercase().starts_with("totaal"))
        .map(|(code, _)| code.trim().to_string())
}

/// A dimension code is its total: the one its code list names (see [`total_in_list`]), or
/// without one a common CBS total code.
pub fn is_total(code: &str, listed: Option<&str>) -> bool {
    match listed {
        Some(t) => code.trim() == t.trim(),
        None => is_total_code(code),
    }
}

/// A CBS mark for a missing figure: `.` unknown, `x` secret, `-` cannot exist; empty is
/// unknown too.
pub fn missing_mark(cell: &str) -> Option<Missing> {
    match cell.trim() {
        "" | "." => Some(Missing::Unknown),
        "x" | "X" => Some(Missing::Confidential),
        "-" => Some(Missing::Impossible),
        _ => None,
    }
}

/// The opmerking that says why a figure is missing.
pub fn missing_note(m: &Missing) -> String {
    match m {
        Missing::Unknown => "onbekend (CBS: .)".to_string(),
        Missing::Confidential => "geheim (CBS: x)".to_string(),
        Missing::Impossible => "kan niet voorkomen (CBS: -)".to_string(),
        Missing::Other(s) => s.clone(),
    }
}

/// A number as CBS writes it: leading spaces, a decimal point, or (StatLine, Dutch) a decimal
/// comma with points between thousands. Only finite values.
pub fn number(cell: &str, dutch: bool) -> Option<f64> {
    let t: String = cell.trim().chars().filter(|c| *c != ' ').collect();
    let t = if dutch && t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else {
        t
    };
    let ok = !t.is_empty()
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    ok.then(|| t.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite())
}

/// Every value a multiple of 5 (and at least four of them): CBS rounded the table to 5.
pub fn rounding_of(values: &[f64]) -> u32 {
    let whole = values.iter().all(|v| v.fract() == 0.0 && v % 5.0 == 0.0);
    if values.len() >= 4 && whole { 5 } else { 0 }
}

/// An error at `bestand:regel:kolom` in a recognised layout.
pub fn error_at(
    path: &Path,
    line: usize,
    column: usize,
    layout: Layout,
    problem: String,
) -> ImportError {
    ImportError {
        place: format!("{}:{line}:{column}", path.display()),
        layout: Some(layout),
        problem,
    }
}

/// A quote that is not closed on its line.
pub fn unclosed(path: &Path, line: usize, layout: Layout) -> ImportError {
    error_at(
        path,
        line,
        1,
        layout,
        "aanhalingsteken wordt niet gesloten; verwacht \"…\" per veld".into(),
    )
}

/// A data line must have as many fields as the header.
pub fn check_width(
    path: &Path,
    line: usize,
    layout: Layout,
    found: usize,
    expected: usize,
) -> Result<(), ImportError> {
    if found == expected {
        return Ok(());
    }
    Err(error_at(
        path,
        line,
        found.min(expected).max(1),
        layout,
        format!("{found} velden, de kopregel heeft er {expected}; verwacht één veld per kolom"),
    ))
}

/// A cell as a figure with, when missing, the opmerking that says why; `None` when it is
/// neither a number nor a CBS mark.
pub fn figure(cell: &str, dutch: bool) -> Option<(Figure, Option<String>)> {
    match missing_mark(cell) {
        Some(m) => {
            let note = missing_note(&m);
            Some((Figure::Missing(m), Some(note)))
        }
        None => Some((Figure::Value(number(cell, dutch)?), None)),
    }
}

/// The problem of a cell that is no number.
pub fn not_a_number(cell: &str, column: &str) -> String {
    format!(
        "'{}' in {column} is geen getal; verwacht een getal, '.' (onbekend), 'x' (geheim) of '-' (kan niet voorkomen)",
        cell.trim()
    )
}

/// An error about a whole file.
pub fn error_file(path: &Path, layout: Option<Layout>, problem: String) -> ImportError {
    ImportError {
        place: path.display().to_string(),
        layout,
        problem,
    }
}

/// The file as UTF-8 text without a byte-order mark.
pub fn read_text(path: &Path, layout: Layout) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| {
        error_file(
            path,
            Some(layout),
            format!("kan het bestand niet lezen: {e}"),
        )
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        error_at(
            path,
            line,
            1,
            layout,
            "geen geldige UTF-8-tekst; verwacht een CSV-bestand in UTF-8".to_string(),
        )
    })
}

/// The cells of one `;`-separated line (quotes removed), or `None` when a quote is not closed.
pub fn cells(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => out.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    if quoted {
        return None;
    }
    out.push(cell);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_titles_and_keys() {
        assert_eq!(id_of("Beginstand_1"), "stand_begin_1");
        assert_eq!(
            id_of("Jeugdbescherming, eindstand"),
            "jeugdbescherming_stand_eind"
        );
        assert_eq!(id_of("InstroomMaatregelen"), "instroom_maatregelen");
        assert_eq!(id_of("Cliënten met jeugdhulp"), "clienten_met_jeugdhulp");
        assert_eq!(id_of("—"), "x");
        assert_eq!(id_of("BevolkingOp1Januari"), "inwoners");
        assert_eq!(id_of("Bevolking op 1 januari"), "inwoners");
        assert_eq!(
            guess_soort("Bevolking op 1 januari", "aantal"),
            Some(Soort::Stand)
        );
    }

    #[test]
    fn numbers_and_marks() {
        assert_eq!(number("     12345", false), Some(12345.0));
        assert_eq!(number("1.234,5", true), Some(1234.5));
        assert_eq!(number("12.5", true), Some(12.5));
        assert_eq!(number("1e5", false), None);
        assert_eq!(number("inf", false), None);
        assert_eq!(missing_mark(" . "), Some(Missing::Unknown));
        assert_eq!(missing_mark("x"), Some(Missing::Confidential));
        assert_eq!(missing_mark("0"), None);
        assert_eq!(cells(r#""a";"b""c";3"#).unwrap(), vec!["a", "b\"c", "3"]);
        assert_eq!(cells(r#""a;b"#), None);
        assert_eq!(rounding_of(&[9065.0, 11955.0, 29070.0, 31960.0]), 5);
        assert_eq!(rounding_of(&[9064.0, 11955.0, 29070.0, 31960.0]), 0);
    }

    #[test]
    fn totals_from_a_code_list_or_the_common_codes() {
        let list = [
            ("3000   ", "Mannen"),
            ("A048583 ", " Totaal mannen en vrouwen"),
        ];
        assert_eq!(total_in_list(list), Some("A048583".into()));
        assert_eq!(total_in_list([("3000", "Mannen")]), None);
        assert!(is_total(" A048583", Some("A048583")));
        // A code list that names another total overrules the common codes.
        assert!(!is_total("T001038", Some("A048583")));
        assert!(is_total("10000  ", None) && is_total("T001019", None));
        assert!(!is_total("3000", None));
    }
}
