//! Writes the spreadsheet fixtures of the import tests (tests/fixtures/import/maandrapportage-*):
//! a wide provider report and a long table, as providers send them. The figures are the sample's
//! synthetic `aanbieders-maandrapportage` (datasets/voorbeeld/reeksen.csv, jeugd and wmo, 2022-11
//! to 2023-06). Run `cargo run --example sheet_fixtures` after changing it; the files are checked
//! in so the tests need no writer.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::io::Write;
use std::path::Path;

const DIR: &str = "tests/fixtures/import";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    wide(&Path::new(DIR).join("maandrapportage-breed.xlsx"))?;
    long(&Path::new(DIR).join("maandrapportage-lang.xlsx"))?;
    ods(&Path::new(DIR).join("maandrapportage-lang.ods"))?;
    Ok(())
}

fn fixed_properties() -> Result<DocProperties, XlsxError> {
    // A fixed creation time, so rewriting the fixtures does not change them.
    Ok(DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2026, 11, 26)?))
}

/// Sheet `Jeugd`: title rows, a header row mixing `jan-23` text, a real date, a date serial,
/// `mei 2023` and `jun-23*`; a subtotal row, an empty row, numbers as Dutch text, `x` and `.`,
/// an unmapped label and a footnote. Sheet `Wmo`: merged year cells above month names. Sheet
/// `Fout`: a word where a number belongs (D6).
fn wide(path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&fixed_properties()?);
    let sheet = book.add_worksheet();
    sheet.set_name("Jeugd")?;
    jeugd(sheet, None)?;
    let sheet = book.add_worksheet();
    sheet.set_name("Wmo")?;
    wmo(sheet)?;
    let sheet = book.add_worksheet();
    sheet.set_name("Fout")?;
    jeugd(sheet, Some((5, 3, "veel")))?;
    book.save(path)
}

fn jeugd(sheet: &mut Worksheet, spoil: Option<(u32, u16, &str)>) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("mmm-yy");
    sheet.write_string(0, 0, "Maandrapportage jeugdhulp gemeente Eindhoven")?;
    sheet.write_string(
        1,
        0,
        "Aanbieder: Voorbeeld Jeugdzorg (synthetische cijfers)",
    )?;
    sheet.write_string(3, 0, "Indicator")?;
    sheet.write_string(3, 1, "jan-23")?;
    sheet.write_datetime_with_format(3, 2, ExcelDateTime::from_ymd(2023, 2, 1)?, &date)?;
    sheet.write_number(3, 3, 44986.0)?; // 1 March 2023 as a bare serial
    sheet.write_string(3, 4, "apr-23")?;
    sheet.write_string(3, 5, "mei 2023")?;
    sheet.write_string(3, 6, "jun-23*")?;
    sheet.write_string(3, 7, "Totaal")?;
    let rows: [(&str, [&str; 6]); 7] = [
        ("Instroom", ["408", "389", "422", "388", "391", "366"]),
        ("Uitstroom", ["350", "386", "393", "385", "398", "394"]),
        (
            "In zorg",
            ["9.708", "9.696", "9.737", "9.707", "9.735", "9.697"],
        ),
        (
            "Subtotaal stromen",
            ["758", "775", "815", "773", "789", "760"],
        ),
        ("Wachtlijst", ["212", "x", ".", "", "198", "201"]),
        (
            "Kosten (x 1.000 euro)",
            ["10.274", "10.208,5", "10.312", "10.329", "10.189", "10.372"],
        ),
        ("Overig", ["3", "4", "2", "5", "1", "2"]),
    ];
    let mut r = 4;
    for (i, (label, cells)) in rows.iter().enumerate() {
        if i == 3 {
            r += 1; // an empty row before the subtotal
        }
        sheet.write_string(r, 0, *label)?;
        for (c, v) in cells.iter().enumerate() {
            let c = c as u16 + 1;
            // Counts of in- and outflow as numbers, the rest as text the way exports store them.
            match v.parse::<f64>() {
                Ok(n) if i < 2 => sheet.write_number(r, c, n)?,
                _ if v.is_empty() => sheet,
                _ => sheet.write_string(r, c, *v)?,
            };
        }
        r += 1;
    }
    sheet.write_string(
        r + 1,
        0,
        "Bron: registratie aanbieder, peildatum einde maand",
    )?;
    if let Some((row, col, text)) = spoil {
        sheet.write_string(row, col, text)?;
    }
    Ok(())
}

fn wmo(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let centre = Format::new();
    sheet.write_string(0, 0, "Maandrapportage Wmo")?;
    sheet.merge_range(1, 1, 1, 2, "2022", &centre)?;
    sheet.merge_range(1, 3, 1, 5, "2023", &centre)?;
    sheet.write_string(2, 0, "Cliëntgroep")?;
    for (c, m) in ["nov", "dec", "jan", "feb", "mrt"].iter().enumerate() {
        sheet.write_string(2, c as u16 + 1, *m)?;
    }
    let rows = [
        ("Instroom", [503.0, 485.0, 542.0, 534.0, 532.0]),
        ("Uitstroom", [509.0, 541.0, 441.0, 511.0, 448.0]),
    ];
    for (i, (label, values)) in rows.iter().enumerate() {
        let r = i as u32 + 3;
        sheet.write_string(r, 0, *label)?;
        for (c, v) in values.iter().enumerate() {
            sheet.write_number(r, c as u16 + 1, *v)?;
        }
    }
    Ok(())
}

/// The long table's rows: periode (year, month), indicator, wijk, aantal (as written), status.
type LongRow = (
    (u16, u8),
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn long_rows() -> Vec<LongRow> {
    vec![
        ((2023, 1), "Instroom", "Woensel-Noord", "120", "definitief"),
        ((2023, 1), "Instroom", "Stratum", "96", "definitief"),
        ((2023, 1), "Totaal instroom", "", "216", ""),
        ((2023, 2), "Instroom", "Woensel-Noord", "117", "definitief"),
        ((2023, 2), "Instroom", "Stratum", "101", "voorlopig"),
        ((2023, 1), "In zorg", "Woensel-Noord", "2.904", "definitief"),
        ((2023, 1), "In zorg", "Stratum", "2.311,0", "definitief"),
        ((2023, 2), "Wachttijd", "Stratum", "7", "definitief"),
    ]
}

/// Sheet `Data`: a title, an empty row, a header row at 3; periods as real dates; a total row to
/// skip; numbers as Dutch text; a label the mapping does not know.
fn long(path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&fixed_properties()?);
    let sheet = book.add_worksheet();
    sheet.set_name("Data")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_string(0, 0, "Export cliënten per wijk")?;
    for (c, h) in ["Periode", "Indicator", "Wijk", "Aantal", "Status"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *h)?;
    }
    for (i, ((y, m), ind, wijk, n, status)) in long_rows().into_iter().enumerate() {
        let r = i as u32 + 3;
        sheet.write_datetime_with_format(r, 0, ExcelDateTime::from_ymd(y, m, 1)?, &date)?;
        sheet.write_string(r, 1, ind)?;
        sheet.write_string(r, 2, wijk)?;
        sheet.write_string(r, 3, n)?;
        sheet.write_string(r, 4, status)?;
    }
    groups(book.add_worksheet())?;
    book.save(path)
}

/// Sheet `Groepen`: the periode merged over the rows of its group, the indicator written once.
fn groups(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_name("Groepen")?;
    for (c, h) in ["Periode", "Indicator", "Wijk", "Aantal"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h)?;
    }
    sheet.merge_range(1, 0, 2, 0, "2023-03", &Format::new())?;
    sheet.write_string(1, 1, "Instroom")?;
    sheet.write_string(1, 2, "Woensel-Noord")?;
    sheet.write_number(1, 3, 130.0)?;
    sheet.write_string(2, 2, "Stratum")?;
    sheet.write_number(2, 3, 99.0)?;
    sheet.write_string(3, 0, "2023-04")?;
    sheet.write_string(3, 1, "Instroom")?;
    sheet.write_string(3, 2, "Stratum")?;
    sheet.write_string(3, 3, "104")?;
    Ok(())
}

/// The same long table as an OpenDocument spreadsheet, written by hand (a zip with the mimetype
/// first and `content.xml`); periods as ODS dates.
fn ods(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let cell = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let mut rows = String::new();
    rows.push_str(&format!(
        "<table:table-row>{}</table:table-row>",
        cell("Export cliënten per wijk")
    ));
    rows.push_str("<table:table-row><table:table-cell/></table:table-row>");
    let head: String = ["Periode", "Indicator", "Wijk", "Aantal", "Status"]
        .iter()
        .map(|h| cell(h))
        .collect();
    rows.push_str(&format!("<table:table-row>{head}</table:table-row>"));
    for ((y, m), ind, wijk, n, status) in long_rows() {
        let date = format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{y}-{m:02}-01"><text:p>{y}-{m:02}-01</text:p></table:table-cell>"#
        );
        rows.push_str(&format!(
            "<table:table-row>{date}{}{}{}{}</table:table-row>",
            cell(ind),
            cell(wijk),
            cell(n),
            cell(status)
        ));
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Data">{rows}</table:table></office:spreadsheet></office:body></office:document-content>
"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path)?);
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    for (name, body) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored)?;
        zip.write_all(body.as_bytes())?;
    }
    zip.finish()?;
    Ok(())
}
