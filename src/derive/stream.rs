//! Running the scan on polars' streaming engine: batches come out of a callback sink over a
//! small channel (so reading runs ahead on polars' threads while this thread converts), and
//! dropping the receiver stops the query.

use super::DeriveError;
use super::convert::{BsnCount, Converter, DateIn, RowIn};
use super::scan::LINE;
use polars::prelude::*;
use std::path::Path;

/// Runs `frame` and hands each batch to `each`; `Ok(false)` from it stops the reading.
pub fn batches(
    path: &Path,
    frame: LazyFrame,
    each: &mut dyn FnMut(DataFrame) -> Result<bool, DeriveError>,
) -> Result<(), DeriveError> {
    let fail = |e: PolarsError| DeriveError::at(path, format!("kan het bestand niet lezen: {e}"));
    // Two batches in flight: enough to keep both sides busy, little memory.
    let (send, receive) = std::sync::mpsc::sync_channel::<DataFrame>(2);
    let sink = PlanCallback::new(move |df: DataFrame| Ok(send.send(df).is_err()));
    let frame = frame.sink_batches(sink, false, None).map_err(fail)?;
    let runner =
        std::thread::spawn(move || frame.collect_with_engine(Engine::Streaming).map(|_| ()));
    let mut outcome = Ok(());
    for df in receive.iter() {
        match each(df) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                outcome = Err(e);
                break;
            }
        }
    }
    // The sink's next send fails, which stops the query.
    drop(receive);
    let ran = runner.join().map_err(|_| {
        DeriveError::at(
            path,
            "het lezen is onverwacht gestopt (interne fout in polars)".into(),
        )
    })?;
    outcome?;
    ran.map_err(fail)
}

type TextArray = <StringType as PolarsDataType>::Array;
type DayArray = <Int32Type as PolarsDataType>::Array;

/// A text column of a batch, or a date column as day numbers, in one piece for quick access.
enum Cells {
    Text(Option<TextArray>),
    Days(Option<DayArray>),
}

impl Cells {
    fn of(df: &DataFrame, name: &str) -> Result<Cells, String> {
        let c = df.column(name).map_err(|e| e.to_string())?;
        let series = c.as_materialized_series().rechunk();
        if let Ok(d) = series.date() {
            return Ok(Cells::Days(d.physical().downcast_iter().next().cloned()));
        }
        let s = series.str().map_err(|e| e.to_string())?;
        Ok(Cells::Text(s.downcast_iter().next().cloned()))
    }

    fn text(&self, i: usize) -> &str {
        match self {
            Cells::Text(Some(a)) => a.get(i).unwrap_or("").trim(),
            _ => "",
        }
    }

    fn date(&self, i: usize) -> DateIn<'_> {
        match self {
            Cells::Text(_) => DateIn::Text(self.text(i)),
            Cells::Days(a) => DateIn::Day(a.as_ref().and_then(|a| a.get(i))),
        }
    }
}

/// Converts one batch into records and counts its BSN-like values per column.
pub fn convert_batch(
    df: &DataFrame,
    cols: &[(&'static str, String)],
    numeric: &[bool],
    conv: &mut Converter,
    bsn: &mut [BsnCount],
) -> Result<(), String> {
    let lines = df
        .column(LINE)
        .and_then(|c| c.cast(&DataType::UInt64))
        .map_err(|e| e.to_string())?;
    let lines = lines.u64().map_err(|e| e.to_string())?.rechunk();
    let lines = lines.downcast_iter().next().cloned();
    let columns: Vec<Cells> = cols
        .iter()
        .map(|(_, name)| Cells::of(df, name))
        .collect::<Result<_, _>>()?;
    let field = |f: &str| cols.iter().position(|(n, _)| *n == f);
    let pick = |i: Option<usize>, row: usize| i.map_or("", |i| columns[i].text(row));
    let (wijk, aanbieder, voorziening) = (field("wijk"), field("aanbieder"), field("voorziening"));
    for row in 0..df.height() {
        for (i, c) in columns.iter().enumerate() {
            if let Cells::Text(_) = c {
                bsn[i].add(c.text(row), numeric[i]);
            }
        }
        let r = RowIn {
            line: lines.as_ref().and_then(|l| l.get(row)).unwrap_or_default(),
            client: columns[0].text(row),
            domein: columns[1].text(row),
            start: columns[2].date(row),
            end: columns[3].date(row),
            wijk: pick(wijk, row),
            aanbieder: pick(aanbieder, row),
            voorziening: pick(voorziening, row),
        };
        conv.add(&r)?;
    }
    Ok(())
}
