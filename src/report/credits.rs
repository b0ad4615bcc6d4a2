//! What a chart owes its sources: under every chart shown or exported, each source with its
//! supplier, how recent its figures are (the publication's vintage, else the last period
//! delivered) and the credit its licence asks for.

use crate::model::{Dataset, Period, SeriesKey};

/// One source under a chart. Renderers word it; without a `credit` they credit the supplier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCredit {
    pub bron: String,
    pub naam: String,
    pub leverancier: String,
    /// The publication the figures come from (`vintage` in `dataset.toml`), when known.
    pub vintage: Option<String>,
    /// The last period of this source among the charted series.
    pub through: Option<Period>,
    /// The source's own credit line (`bronvermelding`), when it has one.
    pub credit: Option<String>,
}

/// The sources of `keys`, each once, in the order they first appear.
pub fn credits<'a>(
    dataset: &Dataset,
    keys: impl IntoIterator<Item = &'a SeriesKey>,
) -> Vec<SourceCredit> {
    let mut out: Vec<SourceCredit> = Vec::new();
    for key in keys {
        let last = dataset.find(key).and_then(|s| s.last_period());
        if let Some(c) = out.iter_mut().find(|c| c.bron == key.bron) {
            c.through = c.through.max(last);
            continue;
        }
        let meta = dataset.source_meta(&key.bron);
        let text = |f: fn(&crate::model::SourceMeta) -> &str| {
            meta.map(f)
                .filter(|v| !v.trim().is_empty())
                .map(str::to_string)
        };
        out.push(SourceCredit {
            bron: key.bron.clone(),
            naam: text(|m| &m.naam).unwrap_or_else(|| key.bron.clone()),
            leverancier: text(|m| &m.leverancier).unwrap_or_default(),
            vintage: text(|m| &m.vintage),
            through: last,
            credit: text(|m| &m.bronvermelding),
        });
    }
    out
}

/// A source's credit on one line, as the presentation words it and an exported chart prints
/// it: "CBS: Jeugdhulp · peildatum 2023-12-14 · Bron: CBS". The credit always says "Bron:", so
/// a `bronvermelding` without it gets it in front.
pub fn credit_line(c: &SourceCredit) -> String {
    let recency = match (&c.vintage, &c.through) {
        (Some(v), _) => Some(format!("peildatum {v}")),
        (None, Some(p)) => Some(format!("t/m {}", p.dutch_short())),
        (None, None) => None,
    };
    let whose = match (&c.credit, c.leverancier.is_empty()) {
        (Some(text), _) if text.to_lowercase().starts_with("bron") => text.clone(),
        (Some(text), _) => format!("Bron: {text}"),
        (None, false) => format!("Bron: {}", c.leverancier),
        (None, true) => format!("Bron: {}", c.naam),
    };
    [Some(c.naam.clone()), recency, Some(whose)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_source_once_with_its_supplier_and_last_period() {
        let data = crate::load::load_dataset(std::path::Path::new("datasets/voorbeeld")).unwrap();
        let keys: Vec<&SeriesKey> = data
            .series_of("jeugd", "instroom")
            .filter(|s| s.key.breakdown.is_total())
            .map(|s| &s.key)
            .collect();
        let c = credits(&data, keys.iter().copied());
        let bronnen: Vec<&str> = c.iter().map(|c| c.bron.as_str()).collect();
        let mut unique = bronnen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), bronnen.len(), "{bronnen:?}");
        let cbs = c
            .iter()
            .find(|c| c.leverancier.starts_with("CBS"))
            .expect("a CBS source");
        assert!(cbs.through.is_some());
        assert_eq!(cbs.credit, None);
        assert!(c.iter().all(|c| !c.naam.is_empty()));
    }

    #[test]
    fn a_credit_line_names_recency_and_always_says_bron() {
        let mut c = SourceCredit {
            bron: "cbs".into(),
            naam: "CBS: Jeugdhulp".into(),
            leverancier: "CBS".into(),
            vintage: Some("2023-12-14".into()),
            through: None,
            credit: None,
        };
        assert_eq!(
            credit_line(&c),
            "CBS: Jeugdhulp · peildatum 2023-12-14 · Bron: CBS"
        );
        c.vintage = None;
        c.through = Some(Period::quarter(2024, 2));
        c.credit = Some("CBS (CC BY 4.0)".into());
        assert_eq!(
            credit_line(&c),
            "CBS: Jeugdhulp · t/m K2 2024 · Bron: CBS (CC BY 4.0)"
        );
        c.credit = Some("Bron: CBS, StatLine".into());
        assert!(credit_line(&c).ends_with(" · Bron: CBS, StatLine"));
    }
}
