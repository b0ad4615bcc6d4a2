//! The selection criteria of a research question as weighed in a session: criterion id → level
//! label (`[aantekeningen.criteria] urgentie = "hoog"`). Which criteria exist, their scale and
//! how they add up to a priority is the programme's (`programma.toml`, see
//! [`crate::session::programme`]); the session keeps whatever was weighed, so weighings under
//! criteria the programme no longer names (format 2's relevantie, breed_gedragen) are kept.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Criterion id → level label, kept in one fixed order whatever order they were weighed or
/// read in (see [`rank`]), so files re-save byte for byte and equal weighings compare equal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Criteria(Vec<(String, String)>);

/// The order in the file: format 2's four criteria in their order (relevantie, urgentie,
/// haalbaarheid, breed_gedragen), with the programme's default six steps in theirs between
/// them, then any other id alphabetically.
const ORDER: [&str; 8] = [
    "relevantie",
    "urgentie",
    "kennishiaat",
    "slim_combineren",
    "haalbaarheid",
    "data_beschikbaar",
    "belasting",
    "breed_gedragen",
];

fn rank(id: &str) -> (usize, &str) {
    let known = ORDER.iter().position(|k| *k == id).unwrap_or(ORDER.len());
    (known, id)
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The level weighed for criterion `id`, if any.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.as_str())
    }

    /// Weighs criterion `id` (`None`: not weighed).
    pub fn set(&mut self, id: &str, level: Option<&str>) {
        let at = self.0.iter().position(|(k, _)| k == id);
        match (at, level) {
            (Some(i), Some(l)) => self.0[i].1 = l.to_string(),
            (Some(i), None) => {
                self.0.remove(i);
            }
            (None, Some(l)) => {
                let at = self.0.partition_point(|(k, _)| rank(k) < rank(id));
                self.0.insert(at, (id.to_string(), l.to_string()));
            }
            (None, None) => {}
        }
    }

    /// Builder form of [`Criteria::set`].
    pub fn with(mut self, id: &str, level: &str) -> Criteria {
        self.set(id, Some(level));
        self
    }

    /// (id, level) in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The criteria weighed in `later` replace these; the others stay.
    pub fn overlay(&mut self, later: &Criteria) {
        for (id, level) in later.iter() {
            self.set(id, Some(level));
        }
    }

    /// The criteria that were weighed differently from `before` (what a change records; a
    /// criterion cleared is not recordable as a change and is left out).
    pub fn changed_from(&self, before: &Criteria) -> Criteria {
        let mut out = Criteria::default();
        for (id, level) in self.iter() {
            if before.get(id) != Some(level) {
                out.set(id, Some(level));
            }
        }
        out
    }
}

impl Serialize for Criteria {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Criteria {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Criteria, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Criteria;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of criteria with their level, like urgentie = \"hoog\"")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<Criteria, M::Error> {
                let mut out = Criteria::default();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    if out.get(&k).is_some() {
                        return Err(serde::de::Error::custom(format!("duplicate key `{k}`")));
                    }
                    out.set(&k, Some(&v));
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}
