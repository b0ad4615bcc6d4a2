//! The named kinds of difference between sources, with the words the room reads.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which kind of difference a [`super::Mismatch`] is. The order is the order of the legend.
///
/// In files (a session's annotation records the difference it is about) each kind is a stable
/// Dutch key, see [`MismatchKind::key`]; renaming a label never changes the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MismatchKind {
    /// Different unit or denominator (also a unit change within one series).
    #[serde(rename = "eenheid")]
    Unit,
    /// A period (or part of it) missing in one source, not (yet) delivered, or unknown ('.').
    #[serde(rename = "ontbrekende-periode")]
    MissingPeriod,
    /// The difference is not larger than the rounding of the sources.
    #[serde(rename = "afronding")]
    WithinRounding,
    /// One figure voorlopig, the other definitief, from the same source family with the same
    /// definition and population.
    #[serde(rename = "voorlopig-definitief")]
    Vintage,
    /// The sources' definitions or populations differ (`definitie`, `populatie`) and their
    /// usual level difference explains the difference.
    #[serde(rename = "definitie")]
    Definition,
    /// begin + instroom − uitstroom ≠ eind within one source.
    #[serde(rename = "stand-stroom")]
    StockFlow,
    /// The begin stock of one publication differs from the end stock of the previous one.
    #[serde(rename = "standbreuk")]
    StockDiscontinuity,
    /// Shifting the lagging source by its delivery lag (`vertraging`) explains the difference.
    #[serde(rename = "vertraging")]
    Lag,
    /// A recorded method or definition change applies to one side only, or one source jumps
    /// across it clearly more than its usual change.
    #[serde(rename = "trendbreuk")]
    TrendBreak,
    /// `X_begroot` against `X`, or a source with `rol = "begroting"` against the others.
    #[serde(rename = "begroot-gerealiseerd")]
    BudgetVsRealisation,
    /// The parts (wijken, aanbieders) do not add up to the total, or indicators declared part
    /// of another (`deel_van`) are larger than it.
    #[serde(rename = "delen-niet-totaal")]
    PartsNotSumToTotal,
    /// Two sources of one figure in units that do not convert: compared on direction and
    /// relative change over their common span.
    #[serde(rename = "richting")]
    Direction,
    /// Larger than the threshold and none of the above.
    #[serde(rename = "onverklaard")]
    Unexplained,
}

impl MismatchKind {
    pub const ALL: [MismatchKind; 13] = [
        MismatchKind::Unit,
        MismatchKind::MissingPeriod,
        MismatchKind::WithinRounding,
        MismatchKind::Vintage,
        MismatchKind::Definition,
        MismatchKind::StockFlow,
        MismatchKind::StockDiscontinuity,
        MismatchKind::Lag,
        MismatchKind::TrendBreak,
        MismatchKind::BudgetVsRealisation,
        MismatchKind::PartsNotSumToTotal,
        MismatchKind::Direction,
        MismatchKind::Unexplained,
    ];

    /// The stable key in files: "eenheid", "ontbrekende-periode", …, "onverklaard".
    pub fn key(&self) -> &'static str {
        match self {
            MismatchKind::Unit => "eenheid",
            MismatchKind::MissingPeriod => "ontbrekende-periode",
            MismatchKind::WithinRounding => "afronding",
            MismatchKind::Vintage => "voorlopig-definitief",
            MismatchKind::Definition => "definitie",
            MismatchKind::StockFlow => "stand-stroom",
            MismatchKind::StockDiscontinuity => "standbreuk",
            MismatchKind::Lag => "vertraging",
            MismatchKind::TrendBreak => "trendbreuk",
            MismatchKind::BudgetVsRealisation => "begroot-gerealiseerd",
            MismatchKind::PartsNotSumToTotal => "delen-niet-totaal",
            MismatchKind::Direction => "richting",
            MismatchKind::Unexplained => "onverklaard",
        }
    }

    /// Short Dutch label for tables and legends.
    pub fn dutch(&self) -> &'static str {
        match self {
            MismatchKind::Unit => "eenheid",
            MismatchKind::MissingPeriod => "ontbrekende periode",
            MismatchKind::WithinRounding => "afronding",
            MismatchKind::Vintage => "voorlopig/definitief",
            MismatchKind::Definition => "definitie",
            MismatchKind::StockFlow => "stand-stroom",
            MismatchKind::StockDiscontinuity => "standbreuk",
            MismatchKind::Lag => "vertraging",
            MismatchKind::TrendBreak => "trendbreuk",
            MismatchKind::BudgetVsRealisation => "begroot/gerealiseerd",
            MismatchKind::PartsNotSumToTotal => "delen≠totaal",
            MismatchKind::Direction => "richting",
            MismatchKind::Unexplained => "onverklaard",
        }
    }

    /// One Dutch sentence that explains the kind to the room, without a verdict.
    pub fn explanation(&self) -> &'static str {
        match self {
            MismatchKind::Unit => {
                "De bronnen gebruiken een andere eenheid of noemer, dus de getallen zijn pas na omrekening te vergelijken."
            }
            MismatchKind::MissingPeriod => {
                "Eén bron heeft voor deze periode geen (volledig) cijfer, door late of ontbrekende levering of geheimhouding ('.'), en onbekend is niet hetzelfde als nul."
            }
            MismatchKind::WithinRounding => {
                "Het verschil is niet groter dan de afronding van de bronnen (CBS rondt af op 5) en zegt dus niets over de werkelijkheid."
            }
            MismatchKind::Vintage => {
                "Het ene cijfer is voorlopig en het andere definitief: latere publicaties herzien eerdere cijfers."
            }
            MismatchKind::Definition => DEFINITION_NL,
            MismatchKind::StockFlow => {
                "Beginstand plus instroom min uitstroom komt niet uit op de eindstand, bijvoorbeeld door een andere peildatum of doordat wie twee keer instroomt één keer telt."
            }
            MismatchKind::StockDiscontinuity => {
                "De beginstand in de ene publicatie sluit niet aan op de eindstand in de vorige: tussen de publicaties is herzien."
            }
            MismatchKind::Lag => LAG_NL,
            MismatchKind::TrendBreak => {
                "Voor één bron is de methode of definitie vanaf deze periode veranderd, zodat cijfers over de breuk heen niet zonder meer te vergelijken zijn; een sprong over de breuk wordt afgezet tegen de gewone verandering van die reeks."
            }
            MismatchKind::BudgetVsRealisation => {
                "Een begroting is een verwachting vooraf en geen meting, dus een verschil met de realisatie vraagt om uitleg, niet om correctie."
            }
            MismatchKind::PartsNotSumToTotal => {
                "De delen (wijken, aanbieders of indicatoren die deel van een andere zijn) tellen niet op tot het totaal, bijvoorbeeld omdat niet iedereen aan een deel is toe te wijzen."
            }
            MismatchKind::Direction => {
                "De bronnen meten hetzelfde in eenheden die niet om te rekenen zijn, dus alleen de richting en de relatieve verandering over dezelfde periode zijn te vergelijken."
            }
            MismatchKind::Unexplained => {
                "Het verschil is groter dan de drempel en geen van de bekende oorzaken past: een vraag voor de bronhouders."
            }
        }
    }
}

const DEFINITION_NL: &str = "De bronnen tellen iets anders (andere definitie of populatie, bijv. met en zonder pgb); hun gebruikelijke niveauverschil verklaart het verschil.";

const LAG_NL: &str = "De ene bron loopt achter op de andere: verschoven met de opgegeven vertraging verdwijnt het verschil (grotendeels); wat overblijft staat erbij.";

impl fmt::Display for MismatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.dutch())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_uses_the_stable_keys() {
        #[derive(Serialize, Deserialize)]
        struct W {
            k: MismatchKind,
        }
        let mut keys: Vec<&str> = MismatchKind::ALL.iter().map(|k| k.key()).collect();
        for k in MismatchKind::ALL {
            let text = toml::to_string(&W { k }).unwrap();
            assert_eq!(text, format!("k = \"{}\"\n", k.key()));
            assert_eq!(toml::from_str::<W>(&text).unwrap().k, k);
            assert!(k.key().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), MismatchKind::ALL.len());
    }
}
