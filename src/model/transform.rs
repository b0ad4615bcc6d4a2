//! What was done to the shown series (a transform): per inhabitants, an index, the change
//! against a year earlier, a moving average, the year to date. Pure data with Dutch keys in
//! files; the analysis computes it (`analysis::transform`), the interface names it.

use super::Period;
use serde::{Deserialize, Serialize};

/// A transform of the shown series, written in a view as `bewerking`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Transform {
    /// Per `per` (1.000, 10.000) of the population series `noemer` (an id of `[[noemers]]`).
    #[serde(rename = "per_inwoners")]
    PerInhabitants { per: u32, noemer: String },
    /// Each value against the value of `basis`, which is 100.
    #[serde(rename = "index")]
    Index { basis: Period },
    /// The value minus the value of the same period a year earlier.
    #[serde(rename = "tov_vorig_jaar")]
    YearOnYear,
    /// The change against the same period a year earlier, in % of that value.
    #[serde(rename = "tov_vorig_jaar_pct")]
    YearOnYearPct,
    /// The mean of the last `perioden` periods (this one included).
    #[serde(rename = "voortschrijdend")]
    MovingAverage { perioden: u32 },
    /// The sum from the start of the calendar year up to the period.
    #[serde(rename = "jaar_tot_nu")]
    YearToDate,
}

impl Transform {
    /// Code in files and logs ("per_inwoners", "index", …).
    pub fn code(&self) -> &'static str {
        match self {
            Transform::PerInhabitants { .. } => "per_inwoners",
            Transform::Index { .. } => "index",
            Transform::YearOnYear => "tov_vorig_jaar",
            Transform::YearOnYearPct => "tov_vorig_jaar_pct",
            Transform::MovingAverage { .. } => "voortschrijdend",
            Transform::YearToDate => "jaar_tot_nu",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        bewerking: Transform,
    }

    #[test]
    fn dutch_names_in_files() {
        let cases = [
            (
                Transform::PerInhabitants {
                    per: 1000,
                    noemer: "inwoners".into(),
                },
                "bewerking = { per_inwoners = { per = 1000, noemer = \"inwoners\" } }",
            ),
            (
                Transform::Index {
                    basis: Period::quarter(2021, 1),
                },
                "bewerking = { index = { basis = \"2021-Q1\" } }",
            ),
            (Transform::YearOnYear, "bewerking = \"tov_vorig_jaar\""),
            (
                Transform::YearOnYearPct,
                "bewerking = \"tov_vorig_jaar_pct\"",
            ),
            (
                Transform::MovingAverage { perioden: 3 },
                "bewerking = { voortschrijdend = { perioden = 3 } }",
            ),
            (Transform::YearToDate, "bewerking = \"jaar_tot_nu\""),
        ];
        for (t, text) in cases {
            let read: Holder = toml::from_str(text).unwrap();
            assert_eq!(read.bewerking, t, "{text}");
            let holder = Holder { bewerking: t };
            let again: Holder = toml::from_str(&toml::to_string(&holder).unwrap()).unwrap();
            assert_eq!(again, holder);
        }
        assert!(toml::from_str::<Holder>("bewerking = \"verdubbelen\"").is_err());
    }
}
