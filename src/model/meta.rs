//! Dataset metadata as written in `dataset.toml`: sources, indicators, trend breaks and context
//! events. Field names are the Dutch ones users write.

use super::identity::{self, SourceIdentity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of an indicator decides how it may be aggregated over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Soort {
    /// Flow: sums over time (instroom, uitstroom, kosten).
    Stroom,
    /// Stock at a reference date: the last value of a period counts.
    Stand,
    /// Percentage or per-N: never summed, recomputed from parts or refused.
    Ratio,
}

impl Soort {
    pub fn dutch(self) -> &'static str {
        match self {
            Soort::Stroom => "stroom",
            Soort::Stand => "stand",
            Soort::Ratio => "ratio",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetMeta {
    pub titel: String,
    #[serde(default)]
    pub gemeente: String,
    #[serde(default)]
    pub beschrijving: String,
    /// Free text on which parts are synthetic and how they were made.
    #[serde(default)]
    pub herkomst: String,
    /// The indicator the chart opens on.
    #[serde(default)]
    pub start: Option<StartView>,
    #[serde(default)]
    pub bronnen: Vec<SourceMeta>,
    #[serde(default)]
    pub indicatoren: Vec<IndicatorMeta>,
    #[serde(default)]
    pub breuken: Vec<TrendBreak>,
    #[serde(default)]
    pub gebeurtenissen: Vec<ContextEvent>,
    /// Population series the shown series may be divided by ("per 1.000 inwoners").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noemers: Vec<Denominator>,
}

/// A population series declared as a denominator: `[[noemers]] id = "inwoners"
/// domein = "algemeen" indicator = "inwoners"`, optionally for an age group (`leeftijd = "0-17"`)
/// and one source (`bron`; default: the first source that has the series).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Denominator {
    pub id: String,
    pub domein: String,
    pub indicator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leeftijd: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bron: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartView {
    pub domein: String,
    pub indicator: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    pub id: String,
    pub naam: String,
    #[serde(default)]
    pub leverancier: String,
    /// Delivery rhythm: maand, kwartaal, halfjaar, jaar.
    #[serde(default)]
    pub ritme: String,
    /// Delivery lag, as text ("6 weken", "8 maanden").
    #[serde(default)]
    pub vertraging: String,
    /// A description of the whole source; two sources with different descriptions are not
    /// thereby a definition difference (see [`IndicatorMeta::scope_for`]).
    #[serde(default)]
    pub definitie: String,
    /// Who the source counts (free text: "met pgb", "excl. jeugdbescherming"); sources with a
    /// different population differ in definition for every indicator.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub populatie: String,
    /// Known caveats of this source.
    #[serde(default)]
    pub kanttekeningen: String,
    /// Where the figures were published (URL or document).
    #[serde(default)]
    pub vindplaats: String,
    /// True when the figures are generated, not published.
    #[serde(default)]
    pub synthetisch: bool,
    /// Rounding base of published figures (CBS rounds to 5), 0 when not rounded.
    #[serde(default)]
    pub afronding: u32,
    /// The source's colour in every chart: a name or `#rrggbb` (default: by its place in
    /// `[[bronnen]]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kleur: Option<String>,
    /// The source's symbol in every chart: one character (default: by its place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbool: Option<String>,
    /// What the figures are: "begroting" (planned) or "realisatie" (measured); checked at load.
    /// A begroting is compared with the other sources of its indicator as budget against
    /// realisation, not as another measurement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rol: Option<String>,
    /// Where the figures come from: `"registratie"` for counts derived from record-level
    /// extracts (`duiden afleiden`). Such counts are about persons: in everything that leaves the
    /// room, counts of 1 to 9 are shown as "<10".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub herkomst: String,
    /// Which publication the figures come from (a CBS table's modification date), written by
    /// `duiden importeer` so a newer vintage can replace the older one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vintage: String,
    /// The credit line the source's licence asks for under every chart ("Bron: CBS (CC BY
    /// 4.0)"); without it the chart credits the `leverancier`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bronvermelding: String,
    /// Fields an import could not know and the user still has to fill in (`duiden controleer`
    /// warns per field); remove a name once it is filled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_te_vullen: Vec<String>,
}

/// The value of `rol` that marks a source as a budget.
pub const ROLE_BUDGET: &str = "begroting";
/// The values `rol` may take.
pub const ROLES: [&str; 2] = [ROLE_BUDGET, "realisatie"];

impl SourceMeta {
    /// The source gives planned figures (`rol = "begroting"`).
    pub fn is_budget(&self) -> bool {
        self.rol.as_deref().map(str::trim) == Some(ROLE_BUDGET)
    }

    /// The figures are counts derived from records (`herkomst = "registratie"`): small ones are
    /// protected in exports.
    pub fn is_from_records(&self) -> bool {
        self.herkomst.trim() == ORIGIN_RECORDS
    }
}

/// `herkomst` of a source whose figures `duiden afleiden` derived from a record-level extract.
pub const ORIGIN_RECORDS: &str = "registratie";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorMeta {
    pub domein: String,
    pub id: String,
    #[serde(default)]
    pub naam: String,
    pub soort: Soort,
    #[serde(default)]
    pub eenheid: String,
    #[serde(default)]
    pub definitie: String,
    /// For ratios: the indicator ids of numerator and denominator in the same domain.
    #[serde(default)]
    pub teller: Option<String>,
    #[serde(default)]
    pub noemer: Option<String>,
    /// For ratios: the multiplier (100 for %, 1000 for per 1.000).
    #[serde(default)]
    pub per: Option<f64>,
    /// The indicator (id, same domein; checked at load) this one is a part of: a part is never
    /// larger than its total, and the declared parts together are not either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deel_van: Option<String>,
    /// Per-source deviations from the indicator's unit and definition.
    #[serde(default)]
    pub per_bron: BTreeMap<String, SourceIndicatorMeta>,
    /// Fields an import could not know (see [`SourceMeta::in_te_vullen`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_te_vullen: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceIndicatorMeta {
    #[serde(default)]
    pub eenheid: Option<String>,
    #[serde(default)]
    pub definitie: Option<String>,
    /// Who this source counts for this indicator (overrides the source's `populatie`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub populatie: Option<String>,
}

/// What a source counts for one indicator: its own definition (`None`: the indicator's) and
/// population (`None`: not given). Two sources with unequal scopes differ in definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scope<'a> {
    pub definitie: Option<&'a str>,
    pub populatie: Option<&'a str>,
}

/// A dated method or definition change in a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrendBreak {
    /// Period from which the new method applies (any period form).
    pub periode: String,
    #[serde(default)]
    pub domein: Option<String>,
    #[serde(default)]
    pub indicator: Option<String>,
    #[serde(default)]
    pub bron: Option<String>,
    pub omschrijving: String,
}

/// Something that happened and moves the figures (corona, an instroomstop).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextEvent {
    pub periode: String,
    #[serde(default)]
    pub tot: Option<String>,
    pub tekst: String,
}

impl DatasetMeta {
    pub fn source(&self, id: &str) -> Option<&SourceMeta> {
        self.bronnen.iter().find(|s| s.id == id)
    }

    /// The identity of a source in every chart: its place in `[[bronnen]]` with its overrides
    /// (invalid overrides are reported at load and ignored here). A source not listed comes
    /// after all listed ones.
    pub fn identity(&self, bron: &str) -> SourceIdentity {
        let index = self.bronnen.iter().position(|s| s.id == bron);
        let Some(source) = index.map(|i| &self.bronnen[i]) else {
            return SourceIdentity {
                index: self.bronnen.len(),
                ..Default::default()
            };
        };
        SourceIdentity {
            index: index.unwrap_or_default(),
            colour: source.kleur.as_deref().and_then(identity::parse_colour),
            symbol: source
                .symbool
                .as_deref()
                .filter(|s| identity::symbol_problem(s).is_none())
                .and_then(|s| s.chars().next()),
        }
    }

    pub fn denominator(&self, id: &str) -> Option<&Denominator> {
        self.noemers.iter().find(|n| n.id == id)
    }

    pub fn indicator(&self, domein: &str, id: &str) -> Option<&IndicatorMeta> {
        self.indicatoren
            .iter()
            .find(|i| i.domein == domein && i.id == id)
    }
}

impl IndicatorMeta {
    /// Display name: the configured name or the id with underscores as spaces.
    pub fn label(&self) -> String {
        if self.naam.is_empty() {
            self.id.replace('_', " ")
        } else {
            self.naam.clone()
        }
    }

    /// Unit for one source, honouring per-source overrides.
    pub fn unit_for(&self, bron: &str) -> &str {
        self.per_bron
            .get(bron)
            .and_then(|m| m.eenheid.as_deref())
            .unwrap_or(&self.eenheid)
    }

    /// Definition for one source, honouring per-source overrides.
    pub fn definition_for(&self, bron: &str) -> &str {
        self.per_bron
            .get(bron)
            .and_then(|m| m.definitie.as_deref())
            .unwrap_or(&self.definitie)
    }

    /// The effective scope of one source for this indicator: the per-source definition and
    /// population, else the source's population. The source-level `definitie` describes the
    /// whole source and is not part of it.
    pub fn scope_for<'a>(&'a self, bron: &str, source: Option<&'a SourceMeta>) -> Scope<'a> {
        let own = self.per_bron.get(bron);
        let text = |s: &'a str| Some(s.trim()).filter(|s| !s.is_empty());
        Scope {
            definitie: own.and_then(|m| m.definitie.as_deref()).and_then(text),
            populatie: own
                .and_then(|m| m.populatie.as_deref())
                .or(source.map(|s| s.populatie.as_str()))
                .and_then(text),
        }
    }
}
