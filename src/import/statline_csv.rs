//! A StatLine download or export as CSV: labels instead of codes. A title line may stand above
//! the header (`"Perioden";"Regio's";"Instroom (aantal)"`) and a footer ("Bron: CBS", a date)
//! below the data. Periods as `2022`, `2023 1e halfjaar*`, `2021 3e kwartaal`, `januari 2021` or
//! `2023 januari`; `*` is voorlopig, `**` nader voorlopig. Regions by name: a label with its code
//! in parentheses (`Eindhoven (GM0772)`) gives the code, `Nederland` is `NL01`, other names stay.

use super::text::{self, error_at, error_file, id_of};
use super::{Figure, Import, ImportError, Layout, Options, Row, SourceDraft, Unmapped};
use crate::model::{Period, Status};
use std::path::Path;

const LAYOUT: Layout = Layout::StatlineCsv;

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A header line (within the first lines) whose first cell is `Perioden`.
pub fn sniff(_path: &Path, head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    text.lines()
        .take(8)
        .any(|l| l.contains(';') && header_cells(l).is_some())
}

/// The cells of a header line: first cell `Perioden`.
fn header_cells(line: &str) -> Option<Vec<String>> {
    let cells = text::cells(line)?;
    (cells.first()?.trim() == "Perioden" && cells.len() >= 2).then_some(cells)
}

/// A period label and its status (`*` voorlopig, `**` nader voorlopig).
pub fn parse_label(label: &str) -> Option<(Period, Status)> {
    let t = label.trim();
    let stars = t.len() - t.trim_end_matches('*').len();
    let status = match stars {
        0 => Status::Definitief,
        1 => Status::Voorlopig,
        2 => Status::NaderVoorlopig,
        _ => return None,
    };
    let lower = t.trim_end_matches('*').to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let year = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
    };
    let nth = |w: &str, max: u8| {
        w.strip_suffix('e')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=max).contains(n))
    };
    let month = |w: &str| MONTHS.iter().position(|m| *m == w).map(|i| i as u8 + 1);
    let period = match words.as_slice() {
        [y] => Period::year(year(y)?),
        [y, n, "halfjaar"] => Period::half(year(y)?, nth(n, 2)?),
        [y, n, "kwartaal"] => Period::quarter(year(y)?, nth(n, 4)?),
        [a, b] => match (year(a), year(b)) {
            (Some(y), None) => Period::month(y, month(b)?),
            (None, Some(y)) => Period::month(y, month(a)?),
            _ => return None,
        },
        _ => return None,
    };
    Some((period, status))
}

/// A region label as a code where the label gives one.
fn region_code(label: &str) -> String {
    let l = label.trim();
    if l.eq_ignore_ascii_case("Nederland") {
        return "NL01".into();
    }
    if let Some((_, code)) = l.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        let code = code.trim();
        let known = ["GM", "WK", "BU", "PV", "NL", "CR", "LD"];
        if known.iter().any(|p| code.starts_with(p)) && code.len() <= 10 {
            return code.to_string();
        }
    }
    l.to_string()
}

/// The first Dutch date in a text (`14 december 2023`, `14-12-2023`) as `2023-12-14`.
pub fn dutch_date(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ':' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let ymd = |y: &str, m: u32, d: &str| {
        let (y, d) = (y.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
        let ok = y.to_string().len() == 4 && (1..=12).contains(&m) && (1..=31).contains(&d);
        ok.then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    words
        .windows(3)
        .find_map(|w| {
            let m = MONTHS.iter().position(|m| *m == w[1])?;
            ymd(w[2], m as u32 + 1, w[0])
        })
        .or_else(|| {
            words.iter().find_map(|w| {
                let parts: Vec<&str> = w.split('-').collect();
                match parts.as_slice() {
                    [d, m, y] if d.len() <= 2 && m.len() <= 2 => ymd(y, m.parse().ok()?, d),
                    _ => None,
                }
            })
        })
}

/// A region code as CBS writes them: `NL01`, `GM0772`, `WK077201`, `PV30`, …
fn is_region_code(s: &str) -> bool {
    let known = ["GM", "WK", "BU", "PV", "NL", "CR", "LD"];
    s.len() > 2
        && known.iter().any(|p| s.starts_with(p))
        && s[2..].bytes().all(|b| b.is_ascii_digit())
}

/// A note naming the regions that stayed names: without a code (and duiden has no list of
/// gemeente codes to look them up offline) they do not line up with coded figures.
fn uncoded_regions(rows: &[Row]) -> Option<String> {
    let mut names: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.regio.as_deref())
        .filter(|r| !is_region_code(r))
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return None;
    }
    Some(format!(
        "regio's zonder code, als naam overgenomen: {}; ze sluiten niet aan op cijfers met codes (zoals GM0772 uit CBS open data). \
         Download met codes (\"Eindhoven (GM0772)\") of zet de code in reeksen.csv",
        names.join(", ")
    ))
}

/// `Instroom (aantal)` → (`Instroom`, `aantal`); without parentheses the unit is empty.
fn split_unit(header: &str) -> (String, String) {
    let h = header.trim();
    match h.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((title, unit)) => (title.trim().to_string(), unit.trim().to_string()),
        None => (h.to_string(), String::new()),
    }
}

enum Column {
    Period,
    Region,
    /// A label dimension: only rows with its total (`Totaal …`) are kept.
    Other(String),
    Measure {
        id: String,
        title: String,
        unit: String,
    },
}

fn column_of(name: &str) -> Column {
    let n = name.trim();
    match n {
        "Perioden" => Column::Period,
        "Regio's" | "Regio" | "Gemeenten" | "Wijken en buurten" => Column::Region,
        _ if n.ends_with(')') => {
            let (title, unit) = split_unit(n);
            Column::Measure {
                id: id_of(&title),
                title,
                unit,
            }
        }
        _ => Column::Other(n.to_string()),
    }
}

/// The header line (within the first eight), its cells and the title lines above it.
fn find_header(path: &Path, lines: &[&str]) -> Result<(usize, Vec<String>, String), ImportError> {
    let Some((h, header)) = lines
        .iter()
        .enumerate()
        .take(8)
        .find_map(|(i, l)| Some((i, header_cells(l)?)))
    else {
        return Err(error_file(
            path,
            Some(LAYOUT),
            "geen kopregel; verwacht \"Perioden\";\"Regio's\";\"Onderwerp (eenheid)\"".into(),
        ));
    };
    let title = lines[..h]
        .iter()
        .filter_map(|l| text::cells(l))
        .flatten()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Ok((h, header, title))
}

fn bad_period(path: &Path, line: usize, label: &str) -> ImportError {
    error_at(
        path,
        line,
        1,
        LAYOUT,
        format!(
            "periode '{label}' onbekend; verwacht bijv. 2022, 2023 1e halfjaar*, 2021 3e kwartaal of januari 2021"
        ),
    )
}

/// Reads a StatLine CSV.
pub fn read(path: &Path, opts: &Options) -> Result<Import, ImportError> {
    let text = text::read_text(path, LAYOUT)?;
    let lines: Vec<&str> = text.lines().collect();
    let (h, header, title) = find_header(path, &lines)?;
    let domein = opts
        .domein
        .clone()
        .unwrap_or_else(|| super::DEFAULT_DOMAIN.to_string());
    let cols: Vec<Column> = header.iter().map(|n| column_of(n)).collect();
    let mut rows = Vec::new();
    let mut unmapped = Vec::new();
    let mut footer: Vec<String> = Vec::new();
    let mut footer_at = None;
    for (i, line) in lines.iter().enumerate().skip(h + 1) {
        let err = |col: usize, p: String| error_at(path, i + 1, col, LAYOUT, p);
        if line.trim().is_empty() {
            continue;
        }
        let cells = text::cells(line).ok_or_else(|| text::unclosed(path, i + 1, LAYOUT))?;
        let label = cells[0].trim();
        let Some((period, status)) = parse_label(label) else {
            // A footer is text in one cell; a line as wide as the header is data with a
            // period that cannot be read, never silently dropped.
            if cells.len() == cols.len() && cols.len() > 2 {
                return Err(bad_period(path, i + 1, label));
            }
            footer_at.get_or_insert((i + 1, label.to_string()));
            footer.push(
                cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            continue;
        };
        if let Some((at, bad)) = &footer_at {
            return Err(bad_period(path, *at, bad));
        }
        text::check_width(path, i + 1, LAYOUT, cells.len(), cols.len())?;
        data_line(
            &cols,
            &cells,
            (period, status, &format!("{}:{}", path.display(), i + 1)),
            &domein,
            &err,
            &mut rows,
            &mut unmapped,
        )?;
    }
    Ok(finish(
        path, opts, &title, &footer, &cols, &domein, rows, unmapped,
    ))
}

fn data_line(
    cols: &[Column],
    cells: &[String],
    (period, status, origin): (Period, Status, &str),
    domein: &str,
    err: &dyn Fn(usize, String) -> ImportError,
    rows: &mut Vec<Row>,
    unmapped: &mut Vec<Unmapped>,
) -> Result<(), ImportError> {
    let mut regio = None;
    for (col, cell) in cols.iter().zip(cells) {
        match col {
            Column::Region => regio = Some(region_code(cell)).filter(|r| !r.is_empty()),
            Column::Other(name) if !cell.trim().to_lowercase().starts_with("totaal") => {
                let place = format!("{name} = {}", cell.trim());
                // Once per value, not once per line.
                if !unmapped.iter().any(|u| u.place == place) {
                    unmapped.push(Unmapped {
                        place,
                        why: "uitsplitsing die duiden niet kent; alleen 'Totaal …' is gelezen"
                            .into(),
                    });
                }
                return Ok(());
            }
            _ => {}
        }
    }
    for (c, (col, cell)) in cols.iter().zip(cells).enumerate() {
        let Column::Measure { id, unit, title } = col else {
            continue;
        };
        let figure = match text::missing_mark(cell) {
            Some(m) => Figure::Missing(m),
            None => Figure::Value(text::number(cell, true).ok_or_else(|| err(c + 1, format!(
                "'{}' in {title} is geen getal; verwacht een getal, '.' (onbekend) of 'x' (geheim)", cell.trim()
            )))?),
        };
        let opmerking = match &figure {
            Figure::Missing(m) => Some(text::missing_note(m)),
            Figure::Value(_) => None,
        };
        rows.push(Row {
            period,
            domein: domein.to_string(),
            indicator: id.clone(),
            bron: String::new(),
            figure,
            eenheid: if unit.is_empty() {
                "aantal".into()
            } else {
                unit.clone()
            },
            regio: regio.clone(),
            wijk: None,
            aanbieder: None,
            status,
            opmerking,
            origin: Some(origin.to_string()),
        });
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn finish(
    path: &Path,
    opts: &Options,
    title: &str,
    footer: &[String],
    cols: &[Column],
    domein: &str,
    mut rows: Vec<Row>,
    unmapped: Vec<Unmapped>,
) -> Import {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("statline");
    let bron = opts
        .bron
        .clone()
        .unwrap_or_else(|| super::cbs_source_id(stem));
    rows.iter_mut().for_each(|r| r.bron = bron.clone());
    let values: Vec<f64> = rows
        .iter()
        .filter_map(|r| match r.figure {
            Figure::Value(v) => Some(v),
            Figure::Missing(_) => None,
        })
        .collect();
    // The footer's date ("Gewijzigd op: 14 december 2023") names the publication, written as
    // the other readers write theirs (`2023-12-14`) so vintages compare across layouts; a
    // footer line with digits that is no date stays as it was written.
    let vintage = footer
        .iter()
        .find_map(|l| dutch_date(l))
        .or_else(|| {
            footer
                .iter()
                .find(|l| l.bytes().any(|b| b.is_ascii_digit()))
                .cloned()
        })
        .unwrap_or_default();
    let mut to_fill = vec!["definitie", "vertraging", "vindplaats"];
    if vintage.is_empty() {
        to_fill.push("vintage");
    }
    let source = SourceDraft {
        id: bron,
        naam: format!(
            "CBS StatLine: {}",
            if title.is_empty() { stem } else { title }
        ),
        leverancier: "CBS".into(),
        ritme: super::rhythm_of(&rows),
        vindplaats: String::new(),
        definitie: String::new(),
        afronding: text::rounding_of(&values),
        vintage,
        credit: "Bron: CBS (CC BY 4.0)".into(),
        to_fill,
        herkomst: String::new(),
    };
    let indicators = cols.iter().filter_map(|c| match c {
        Column::Measure { id, title, unit } => {
            Some(super::indicator_draft(domein, id, title, unit))
        }
        _ => None,
    });
    let notes = uncoded_regions(&rows).into_iter().collect();
    Import {
        file: path.to_path_buf(),
        layout: LAYOUT,
        rows,
        sources: vec![source],
        indicators: indicators.collect(),
        unmapped,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let p = |s| parse_label(s).map(|(p, st)| (p.code(), st));
        assert_eq!(
            p("2023 1e halfjaar*"),
            Some(("2023-H1".into(), Status::Voorlopig))
        );
        assert_eq!(p("2022**"), Some(("2022".into(), Status::NaderVoorlopig)));
        assert_eq!(
            p("2021 3e kwartaal"),
            Some(("2021-Q3".into(), Status::Definitief))
        );
        assert_eq!(
            p("januari 2021"),
            Some(("2021-01".into(), Status::Definitief))
        );
        assert_eq!(
            p("2023 januari"),
            Some(("2023-01".into(), Status::Definitief))
        );
        assert_eq!(p("2023 5e kwartaal"), None);
        assert_eq!(p("Bron: CBS"), None);
        assert_eq!(region_code("Eindhoven (GM0772)"), "GM0772");
        assert_eq!(region_code("Nederland"), "NL01");
        assert_eq!(region_code("Eindhoven"), "Eindhoven");
        assert!(is_region_code("GM0772") && is_region_code("NL01"));
        assert!(!is_region_code("Eindhoven") && !is_region_code("GM") && !is_region_code("Gemert"));
        assert_eq!(
            dutch_date("Gewijzigd op: 14 december 2023").as_deref(),
            Some("2023-12-14")
        );
        assert_eq!(dutch_date("3-7-2023").as_deref(), Some("2023-07-03"));
        assert_eq!(dutch_date("Bron: CBS"), None);
        assert_eq!(dutch_date("32 mei 2023"), None);
    }
}
