//! `--domein` and `--indicator` of `duiden verschillen` checked against the dataset: a name that
//! is not there is an error naming the nearest names, not an empty (and misleading) result.

use crate::model::Dataset;
use crate::tui::i18n::t;

/// How many names an error suggests at most.
const SUGGESTIONS: usize = 3;

/// `Err(message)` when the domain or indicator is not in the dataset.
pub fn check(d: &Dataset, domein: Option<&str>, indicator: Option<&str>) -> Result<(), String> {
    let domains = d.domains();
    if let Some(name) = domein
        && !domains.contains(&name)
    {
        return Err(t().unknown_domain(name, &nearest(name, &domains)));
    }
    let Some(name) = indicator else {
        return Ok(());
    };
    let mut known: Vec<&str> = Vec::new();
    for dom in domein.map_or(domains.clone(), |d| vec![d]) {
        for i in d.indicators(dom) {
            if !known.contains(&i) {
                known.push(i);
            }
        }
    }
    if known.contains(&name) {
        return Ok(());
    }
    // Known in another domain: say where it is, that is the likely mistake.
    let elsewhere: Vec<&str> = domains
        .iter()
        .copied()
        .filter(|dom| d.indicators(dom).contains(&name))
        .collect();
    Err(t().unknown_indicator(name, domein, &nearest(name, &known), &elsewhere))
}

/// The known names nearest to `name`, nearest first: names that contain it (or that it
/// contains) before others, then by edit distance, then alphabetically.
pub fn nearest<'a>(name: &str, known: &[&'a str]) -> Vec<&'a str> {
    let lower = name.to_lowercase();
    let mut ranked: Vec<(bool, usize, &str)> = known
        .iter()
        .map(|k| {
            let k_lower = k.to_lowercase();
            let part = !lower.is_empty() && (k_lower.contains(&lower) || lower.contains(&k_lower));
            (!part, distance(&lower, &k_lower), *k)
        })
        .collect();
    ranked.sort();
    ranked
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, _, k)| k)
        .collect()
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_the_intended_name_first() {
        let known = ["jeugd", "wmo", "participatie"];
        assert_eq!(nearest("juegd", &known)[0], "jeugd");
        assert_eq!(nearest("participatie2", &known)[0], "participatie");
        assert_eq!(nearest("WMO", &known)[0], "wmo");
        let indicators = [
            "instroom",
            "uitstroom",
            "stand",
            "jeugdbescherming_instroom",
        ];
        assert_eq!(nearest("instrom", &indicators)[0], "instroom");
        assert_eq!(
            nearest("bescherming", &indicators)[0],
            "jeugdbescherming_instroom"
        );
        assert_eq!(nearest("x", &indicators).len(), SUGGESTIONS);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("jeugd", "jeugd"), 0);
    }
}
