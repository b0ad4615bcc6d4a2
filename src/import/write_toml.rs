//! Editing `dataset.toml` as text, so the user's comments and order stay: new `[[bronnen]]` and
//! `[[indicatoren]]` are appended, a replaced vintage is rewritten in place.

use super::{IndicatorDraft, SourceDraft};
use crate::model::Soort;
use serde::Deserialize;
use toml::Spanned;

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn list(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The first lines of a new dataset's `dataset.toml`.
pub fn new_file(titel: &str, file: &str, credit: &str) -> String {
    format!(
        "# Gemaakt door `duiden importeer`. `duiden controleer` noemt wat nog in te vullen is\n\
         # (in_te_vullen); haal een veld uit die lijst zodra het is ingevuld.\n\n\
         titel = {}\nherkomst = {}\n",
        quoted(titel),
        quoted(format!("Geïmporteerd uit {file}. {credit}").trim()),
    )
}

/// A `[[bronnen]]` block for a source draft.
pub fn source_block(s: &SourceDraft) -> String {
    let mut out = format!(
        "\n[[bronnen]]\nid = {}\nnaam = {}\n",
        quoted(&s.id),
        quoted(&s.naam)
    );
    for (key, value) in [
        ("leverancier", &s.leverancier),
        ("ritme", &s.ritme),
        ("definitie", &s.definitie),
        ("vindplaats", &s.vindplaats),
        ("bronvermelding", &s.credit),
        ("vintage", &s.vintage),
        ("herkomst", &s.herkomst),
    ] {
        if !value.is_empty() {
            out.push_str(&format!("{key} = {}\n", quoted(value)));
        }
    }
    if s.afronding > 0 {
        out.push_str(&format!("afronding = {}\n", s.afronding));
    }
    if !s.to_fill.is_empty() {
        out.push_str(&format!("in_te_vullen = {}\n", list(&s.to_fill)));
    }
    out
}

/// An `[[indicatoren]]` block for an indicator draft. A kind the file did not say is written as
/// `stand` (the loader needs one) and listed to fill in.
pub fn indicator_block(i: &IndicatorDraft) -> String {
    let soort = i.soort.unwrap_or(Soort::Stand);
    let mut out = format!(
        "\n[[indicatoren]]\ndomein = {}\nid = {}\nnaam = {}\nsoort = {}\neenheid = {}\n",
        quoted(&i.domein),
        quoted(&i.id),
        quoted(&i.naam),
        quoted(soort.dutch()),
        quoted(&i.eenheid),
    );
    let mut to_fill = i.to_fill.clone();
    if soort == Soort::Ratio && i.eenheid.contains('%') {
        out.push_str("per = 100\n");
    } else if soort == Soort::Ratio {
        to_fill.push("per");
    }
    if !i.definitie.is_empty() {
        out.push_str(&format!("definitie = {}\n", quoted(&i.definitie)));
    }
    if i.soort.is_none() && !to_fill.contains(&"soort") {
        to_fill.push("soort");
    }
    if !to_fill.is_empty() {
        out.push_str(&format!("in_te_vullen = {}\n", list(&to_fill)));
    }
    out
}

#[derive(Deserialize, Default)]
struct Spans {
    #[serde(default)]
    bronnen: Vec<SourceSpan>,
}

#[derive(Deserialize)]
struct SourceSpan {
    id: Spanned<String>,
    #[serde(default)]
    vintage: Option<Spanned<String>>,
    #[serde(default)]
    definitie: Option<Spanned<String>>,
}

/// The text with the `vintage` of source `id` set to `vintage` (replaced in place, or added on
/// the line after its `id`). `None` when the source is not there.
pub fn set_vintage(text: &str, id: &str, vintage: &str) -> Option<String> {
    set_source_field(text, id, "vintage", vintage)
}

/// The text with the `definitie` of source `id` set (in place, or added after its `id`).
pub fn set_definition(text: &str, id: &str, definitie: &str) -> Option<String> {
    set_source_field(text, id, "definitie", definitie)
}

fn set_source_field(text: &str, id: &str, key: &str, value: &str) -> Option<String> {
    let spans: Spans = toml::from_str(text).ok()?;
    let s = spans.bronnen.iter().find(|s| s.id.get_ref() == id)?;
    let old = match key {
        "vintage" => &s.vintage,
        _ => &s.definitie,
    };
    let mut out = text.to_string();
    match old {
        Some(v) => out.replace_range(v.span(), &quoted(value)),
        None => {
            let end = s.id.span().end;
            let eol = text[end..].find('\n').map_or(text.len(), |n| end + n);
            out.insert_str(eol, &format!("\n{key} = {}", quoted(value)));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vintage_is_replaced_in_place_and_comments_stay() {
        let text = "# mijn bronnen\n[[bronnen]]\nid = \"a\" # eerste\nnaam = \"A\"\n\n[[bronnen]]\nid = \"b\"\nnaam = \"B\"\nvintage = \"2023-01-01\"\n";
        let added = set_vintage(text, "a", "2024-02-02").unwrap();
        assert_eq!(
            added,
            "# mijn bronnen\n[[bronnen]]\nid = \"a\" # eerste\nvintage = \"2024-02-02\"\nnaam = \"A\"\n\n[[bronnen]]\nid = \"b\"\nnaam = \"B\"\nvintage = \"2023-01-01\"\n"
        );
        let replaced = set_vintage(text, "b", "2024-03-03").unwrap();
        assert!(
            replaced.ends_with("vintage = \"2024-03-03\"\n"),
            "{replaced}"
        );
        assert_eq!(set_vintage(text, "c", "x"), None);
    }

    #[test]
    fn definition_is_replaced_in_place_or_added_after_the_id() {
        let text =
            "[[bronnen]]\nid = \"a\"\ndefinitie = \"oud\" # regels\n\n[[bronnen]]\nid = \"b\"\n";
        let replaced = set_definition(text, "a", "nieuw").unwrap();
        assert_eq!(
            replaced,
            "[[bronnen]]\nid = \"a\"\ndefinitie = \"nieuw\" # regels\n\n[[bronnen]]\nid = \"b\"\n"
        );
        let added = set_definition(text, "b", "x").unwrap();
        assert!(
            added.ends_with("id = \"b\"\ndefinitie = \"x\"\n"),
            "{added}"
        );
    }
}
