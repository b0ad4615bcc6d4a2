//! Turning batches of an extract into compact records as they stream in: clients interned into
//! one byte arena (no `String` per client), dates as day numbers, one record list per series.
//! The text of a batch is dropped as soon as it is converted.

use super::count::{OPEN, Record};
use super::date::{self, DateFormat, month_of};
use super::scan::{BadRecord, SeriesKey, looks_like_bsn};
use super::{Count, Rules};
use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use std::hash::BuildHasher;

/// Distinct strings as dense ids, stored end to end in one arena.
#[derive(Default)]
pub struct Interner {
    bytes: Vec<u8>,
    ends: Vec<u32>,
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Interner {
    fn get<'a>(bytes: &'a [u8], ends: &[u32], id: u32) -> &'a [u8] {
        let i = id as usize;
        let from = if i == 0 { 0 } else { ends[i - 1] as usize };
        &bytes[from..ends[i] as usize]
    }

    /// The id of `s`; `None` when the arena would pass 4 GB.
    pub fn id(&mut self, s: &[u8]) -> Option<u32> {
        let hash = self.hasher.hash_one(s);
        let Interner {
            bytes,
            ends,
            table,
            hasher,
        } = self;
        let entry = table.entry(
            hash,
            |&id| Self::get(bytes, ends, id) == s,
            |&id| hasher.hash_one(Self::get(bytes, ends, id)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(e) => Some(*e.get()),
            hashbrown::hash_table::Entry::Vacant(v) => {
                let id = u32::try_from(ends.len()).ok()?;
                let end = u32::try_from(bytes.len() + s.len()).ok()?;
                bytes.extend_from_slice(s);
                ends.push(end);
                v.insert(id);
                Some(id)
            }
        }
    }

    pub fn text(&self, id: u32) -> String {
        String::from_utf8_lossy(Self::get(&self.bytes, &self.ends, id)).into_owned()
    }
}

/// One row of a batch, trimmed; dates either as text or (Parquet `Date`) as day numbers.
pub struct RowIn<'a> {
    pub line: u64,
    pub client: &'a str,
    pub domein: &'a str,
    pub start: DateIn<'a>,
    pub end: DateIn<'a>,
    pub wijk: &'a str,
    pub aanbieder: &'a str,
    pub voorziening: &'a str,
}

#[derive(Clone, Copy)]
pub enum DateIn<'a> {
    Text(&'a str),
    Day(Option<i32>),
}

/// A series: domein, whether it is a breakdown, wijk, aanbieder, voorziening (interned).
type Key = (u32, bool, u32, u32, u32);

/// The records read so far.
pub struct Converter {
    format: Option<DateFormat>,
    trajectories: bool,
    split: bool,
    units: Interner,
    names: Interner,
    series: HashMap<Key, u32>,
    unit_key: Vec<u8>,
    pub records: Vec<Vec<Record>>,
    pub bad: Vec<BadRecord>,
    pub rows: usize,
    pub first_month: i32,
    pub last_month: i32,
}

impl Converter {
    pub fn new(rules: &Rules, format: Option<DateFormat>) -> Self {
        Converter {
            format,
            trajectories: rules.count == Count::Trajectories,
            split: rules.per.any(),
            units: Interner::default(),
            names: Interner::default(),
            series: HashMap::new(),
            unit_key: Vec::new(),
            records: Vec::new(),
            bad: Vec::new(),
            rows: 0,
            first_month: i32::MAX,
            last_month: i32::MIN,
        }
    }

    /// Adds one row; `Err` only when there are more distinct clients than fit in memory ids.
    pub fn add(&mut self, r: &RowIn<'_>) -> Result<(), String> {
        self.rows += 1;
        if r.client.is_empty() || r.domein.is_empty() {
            let problem = "client of domein is leeg".to_string();
            self.bad.push(BadRecord {
                line: r.line,
                problem,
            });
            return Ok(());
        }
        let (start, end) = match dates(r.start, r.end, self.format) {
            Ok(d) => d,
            Err(problem) => {
                self.bad.push(BadRecord {
                    line: r.line,
                    problem,
                });
                return Ok(());
            }
        };
        self.unit_key.clear();
        self.unit_key.extend_from_slice(r.client.as_bytes());
        if self.trajectories {
            // A unit separator cannot be part of either text.
            self.unit_key.push(0x1f);
            self.unit_key.extend_from_slice(r.voorziening.as_bytes());
        }
        let too_many = || "te veel verschillende cliënten voor het geheugen".to_string();
        let unit = self.units.id(&self.unit_key).ok_or_else(too_many)?;
        let m = month_of(start);
        self.first_month = self.first_month.min(m);
        self.last_month = self.last_month.max(m);
        let domein = self.name(r.domein)?;
        let record = Record { unit, start, end };
        self.push((domein, false, 0, 0, 0), record);
        if self.split {
            let key = (
                domein,
                true,
                self.name(r.wijk)?,
                self.name(r.aanbieder)?,
                self.name(r.voorziening)?,
            );
            self.push(key, record);
        }
        Ok(())
    }

    fn name(&mut self, s: &str) -> Result<u32, String> {
        self.names
            .id(s.as_bytes())
            .ok_or_else(|| "te veel verschillende namen".to_string())
    }

    fn push(&mut self, key: Key, record: Record) {
        let n = self.series.len() as u32;
        let id = *self.series.entry(key).or_insert(n) as usize;
        if id == self.records.len() {
            self.records.push(Vec::new());
        }
        self.records[id].push(record);
    }

    /// The series keys by id, owned.
    pub fn series_keys(&self, rules: &Rules) -> Vec<SeriesKey> {
        let mut keys = vec![SeriesKey::default(); self.series.len()];
        for (&(d, split, w, a, v), &id) in &self.series {
            let some = |on: bool, s: u32| (split && on).then(|| self.names.text(s));
            keys[id as usize] = SeriesKey {
                domein: self.names.text(d),
                wijk: some(rules.per.wijk, w),
                aanbieder: some(rules.per.aanbieder, a),
                voorziening: some(rules.per.voorziening, v),
            };
        }
        keys
    }
}

fn parse_date(s: &str, format: Option<DateFormat>) -> Option<i32> {
    match format {
        Some(f) => date::parse(s, f),
        None => date::parse(s, DateFormat::Iso).or_else(|| date::parse(s, DateFormat::Dutch)),
    }
}

/// The day numbers of a record, or why it cannot be counted.
fn dates(
    start: DateIn<'_>,
    end: DateIn<'_>,
    format: Option<DateFormat>,
) -> Result<(i32, i32), String> {
    let s = match start {
        DateIn::Text(t) => {
            parse_date(t, format).ok_or_else(|| format!("startdatum '{t}' is geen datum"))?
        }
        DateIn::Day(Some(d)) => d,
        DateIn::Day(None) => return Err("startdatum is leeg".into()),
    };
    let e = match end {
        DateIn::Text("") | DateIn::Day(None) => return Ok((s, OPEN)),
        DateIn::Text(t) => {
            parse_date(t, format).ok_or_else(|| format!("einddatum '{t}' is geen datum"))?
        }
        DateIn::Day(Some(d)) => d,
    };
    if e < s {
        let show = |d: DateIn<'_>, day: i32| match d {
            DateIn::Text(t) => t.to_string(),
            DateIn::Day(_) => {
                let (y, m, d) = date::civil_from_days(day);
                format!("{y:04}-{m:02}-{d:02}")
            }
        };
        return Err(format!(
            "einddatum {} ligt voor startdatum {}",
            show(end, e),
            show(start, s)
        ));
    }
    Ok((s, e))
}

/// Per column: values filled and values that look like BSNs.
#[derive(Debug, Default, Clone, Copy)]
pub struct BsnCount {
    pub filled: usize,
    pub bsn: usize,
}

impl BsnCount {
    pub fn add(&mut self, v: &str, numeric: bool) {
        if v.is_empty() {
            return;
        }
        self.filled += 1;
        let hit = if numeric && v.len() < 9 && v.bytes().all(|b| b.is_ascii_digit()) {
            // A number column loses the leading zeros of a BSN.
            looks_like_bsn(&format!("{v:0>9}"))
        } else {
            looks_like_bsn(v)
        };
        self.bsn += usize::from(hit);
    }

    /// Most values are BSNs (random nine-digit pseudonyms pass the elfproef about one time in
    /// eleven).
    pub fn refused(&self) -> bool {
        self.bsn > 0 && self.bsn * 2 > self.filled
    }
}
