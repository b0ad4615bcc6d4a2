//! The words for transforms of the shown series: their names in titles and the status line,
//! and why one was refused.

use super::Lang::*;
use super::texts::Texts;
use crate::analysis::transform::Refusal;
use crate::model::{Soort, Transform};

impl Texts {
    /// The transform as the chart title names it ("per 1.000 inwoners", "index 2021 K1 = 100");
    /// `age` is the age group of a per-inhabitant denominator.
    pub fn transform_name(&self, t: &Transform, age: Option<&str>) -> String {
        let name = match (t, self.lang) {
            (Transform::PerInhabitants { per, .. }, Nl) => {
                format!(
                    "per {} inwoners",
                    crate::model::number::format_nl(f64::from(*per), 0)
                )
            }
            (Transform::PerInhabitants { per, .. }, En) => {
                let n = crate::model::number::format_nl(f64::from(*per), 0).replace('.', ",");
                format!("per {n} inhabitants")
            }
            (Transform::Index { basis }, Nl) => format!("index {} = 100", self.period_short(basis)),
            (Transform::Index { basis }, En) => format!("index {} = 100", self.period_short(basis)),
            (Transform::YearOnYear, Nl) => "verschil met een jaar eerder".to_string(),
            (Transform::YearOnYear, En) => "change on a year earlier".to_string(),
            (Transform::YearOnYearPct, Nl) => "% verschil met een jaar eerder".to_string(),
            (Transform::YearOnYearPct, En) => "% change on a year earlier".to_string(),
            (Transform::MovingAverage { perioden }, Nl) => {
                format!("voortschrijdend gemiddelde over {perioden} perioden")
            }
            (Transform::MovingAverage { perioden }, En) => {
                format!("moving average over {perioden} periods")
            }
            (Transform::YearToDate, Nl) => "jaar tot nu".to_string(),
            (Transform::YearToDate, En) => "year to date".to_string(),
        };
        match age {
            Some(a) if matches!(t, Transform::PerInhabitants { .. }) => format!("{name} {a}"),
            _ => name,
        }
    }

    /// The status line after a transform key.
    pub fn transform_shown(&self, t: Option<&Transform>, age: Option<&str>) -> String {
        match (t, self.lang) {
            (Some(t), Nl) => format!("bewerking: {}", self.transform_name(t, age)),
            (Some(t), En) => format!("transform: {}", self.transform_name(t, age)),
            (None, Nl) => "geen bewerking: de reeksen zoals ze zijn".to_string(),
            (None, En) => "no transform: the series as they are".to_string(),
        }
    }

    /// Why a transform was refused, in one sentence.
    pub fn transform_refused(&self, t: &Transform, r: &Refusal) -> String {
        let name = self.transform_name(t, None);
        let reason = match (r, self.lang) {
            (Refusal::Soort { soort, indicator }, Nl) => {
                let why = match (t, soort) {
                    (Transform::YearToDate, Soort::Stand) => "een stand optellen zegt niets",
                    (Transform::YearToDate, _) => "een ratio optellen zegt niets",
                    _ => "een percentage of ratio per inwoner zegt niets",
                };
                format!("{indicator} is een {}: {why}", self.soort(*soort))
            }
            (Refusal::Soort { soort, indicator }, En) => {
                let why = match (t, soort) {
                    (Transform::YearToDate, Soort::Stand) => "adding up a stock means nothing",
                    (Transform::YearToDate, _) => "adding up a ratio means nothing",
                    _ => "a percentage or ratio per inhabitant means nothing",
                };
                format!("{indicator} is a {}: {why}", self.soort(*soort))
            }
            (Refusal::Breakdown { indicator }, Nl) => format!(
                "{indicator} is een deel van het gebied (wijk, aanbieder); de inwoners gelden voor het hele gebied"
            ),
            (Refusal::Breakdown { indicator }, En) => format!(
                "{indicator} is a part of the area (wijk, provider); the population is the whole area's"
            ),
            (Refusal::NoDenominator { noemer }, Nl) => format!(
                "geen inwonersreeks in de dataset (noemer '{noemer}'); declareer die als [[noemers]] in dataset.toml"
            ),
            (Refusal::NoDenominator { noemer }, En) => format!(
                "no population series in the dataset (denominator '{noemer}'); declare it as [[noemers]] in dataset.toml"
            ),
            (Refusal::NoBase { basis, indicator }, Nl) => format!(
                "{indicator} heeft geen waarde (of 0) in {}; zet de cursor op een periode met een waarde",
                self.period_long(basis)
            ),
            (Refusal::NoBase { basis, indicator }, En) => format!(
                "{indicator} has no value (or 0) in {}; put the cursor on a period with a value",
                self.period_long(basis)
            ),
            (Refusal::BadParameter, Nl) => "een bewerking met 0 kan niet".to_string(),
            (Refusal::BadParameter, En) => "a transform with 0 is not possible".to_string(),
        };
        match self.lang {
            Nl => format!("{name} kan niet: {reason}"),
            En => format!("{name} refused: {reason}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lang, texts};
    use crate::analysis::transform::Refusal;
    use crate::model::{Period, Soort, Transform};

    #[test]
    fn names_and_refusals_in_both_languages() {
        let (nl, en) = (texts(Lang::Nl), texts(Lang::En));
        let per = Transform::PerInhabitants {
            per: 10_000,
            noemer: "jongeren".into(),
        };
        assert_eq!(
            nl.transform_name(&per, Some("0-17")),
            "per 10.000 inwoners 0-17"
        );
        assert_eq!(en.transform_name(&per, None), "per 10,000 inhabitants");
        let index = Transform::Index {
            basis: Period::quarter(2021, 1),
        };
        assert!(nl.transform_name(&index, None).ends_with(" = 100"));
        let none = Refusal::NoDenominator {
            noemer: "inwoners".into(),
        };
        let said = nl.transform_refused(&per, &none);
        assert!(
            said.starts_with("per 10.000 inwoners kan niet: geen inwonersreeks in de dataset"),
            "{said}"
        );
        assert!(
            en.transform_refused(&per, &none)
                .contains("no population series")
        );
        let stand = Refusal::Soort {
            soort: Soort::Stand,
            indicator: "Stand".into(),
        };
        let said = nl.transform_refused(&Transform::YearToDate, &stand);
        assert!(said.contains("een stand optellen zegt niets"), "{said}");
        assert_eq!(
            en.transform_shown(None, None),
            "no transform: the series as they are"
        );
    }
}
