//! The delivery lag of a source (`vertraging` in `dataset.toml`) read as a duration in months.
//!
//! Users write free text ("ca. 6 weken", "tot 8 weken", "ca. 4 maanden (voorlopig), definitief
//! een jaar later"). The first number followed by a unit of time counts; text without a number
//! ("vastgesteld in november") has no duration. Only a number without a recognisable unit
//! ("8", "8 wkn x") is an error: the writer clearly meant a duration and the tool cannot tell
//! which.

/// Average days per month, to turn days and weeks into months.
const DAYS_PER_MONTH: f64 = 30.436875;

/// Why a `vertraging` text is not a duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LagError {
    /// A number without a unit of time after it.
    NoUnit { text: String },
}

/// Months in one unit word, `None` when the word is no unit of time.
fn unit_months(word: &str) -> Option<f64> {
    Some(match word {
        "dag" | "dagen" | "dgn" | "d" => 1.0 / DAYS_PER_MONTH,
        "week" | "weken" | "wk" | "wkn" => 7.0 / DAYS_PER_MONTH,
        "maand" | "maanden" | "mnd" | "mnd." | "mndn" => 1.0,
        "kwartaal" | "kwartalen" => 3.0,
        "halfjaar" | "halfjaren" => 6.0,
        "jaar" | "jaren" => 12.0,
        _ => return None,
    })
}

/// A number in digits (12, 1,5, 1.5) or a small number word.
fn number(word: &str) -> Option<f64> {
    match word {
        "een" | "één" => return Some(1.0),
        "anderhalf" | "anderhalve" => return Some(1.5),
        "twee" => return Some(2.0),
        "drie" => return Some(3.0),
        "vier" => return Some(4.0),
        "zes" => return Some(6.0),
        _ => {}
    }
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    word.replace(',', ".").parse().ok()
}

/// The lag in months, `None` when the text names no duration.
pub fn parse_lag(text: &str) -> Result<Option<f64>, LagError> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ';' | ':' | '~' | '±'))
        .map(|w| w.trim_end_matches([',', '.']))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(n) = number(w) else { continue };
        let digits = w.starts_with(|c: char| c.is_ascii_digit());
        match words.get(i + 1).and_then(|u| unit_months(u)) {
            Some(per) => return Ok(Some(n * per)),
            // A number word without a unit is ordinary text ("een jaar" is caught above).
            None if !digits => continue,
            None => {
                return Err(LagError::NoUnit {
                    text: text.trim().to_string(),
                });
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(text: &str) -> Option<f64> {
        parse_lag(text)
            .unwrap()
            .map(|m| (m * 100.0).round() / 100.0)
    }

    #[test]
    fn reads_the_sample_texts() {
        assert_eq!(months("ca. 6 weken"), Some(1.38));
        assert_eq!(months("tot 8 weken"), Some(1.84));
        assert_eq!(
            months("ca. 4 maanden (voorlopig), definitief een jaar later"),
            Some(4.0)
        );
        assert_eq!(
            months("vastgesteld in november voor het volgende jaar"),
            None
        );
        assert_eq!(months(""), None);
    }

    #[test]
    fn reads_units_and_number_words() {
        assert_eq!(months("1 kwartaal"), Some(3.0));
        assert_eq!(months("een jaar"), Some(12.0));
        assert_eq!(months("anderhalve maand"), Some(1.5));
        assert_eq!(months("1,5 mnd"), Some(1.5));
        assert_eq!(months("2 Maanden"), Some(2.0));
        assert_eq!(months("45 dagen"), Some(1.48));
    }

    #[test]
    fn a_number_without_a_unit_is_an_error() {
        for text in ["8", "8 wkns", "ca. 3 stuks"] {
            assert_eq!(
                parse_lag(text),
                Err(LagError::NoUnit {
                    text: text.to_string()
                }),
                "{text}"
            );
        }
    }
}
