//! Unit tests of the CBS JSON readers: every error located, the metadata rules, the id rules.

use super::{observations, slug, table_id, typed};
use crate::import::{Figure, Import, ImportError, Layout, Missing, Options};
use crate::model::{Period, Status};
use std::path::{Path, PathBuf};

fn jeugd() -> Options {
    Options {
        domein: Some("jeugd".into()),
        ..Options::default()
    }
}

/// Writes `files` (name, text) into a fresh folder and returns it with the first file's path.
fn files(list: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in list {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let first = dir.path().join(list[0].0);
    (dir, first)
}

fn v3(text: &str) -> Result<Import, ImportError> {
    let (_dir, path) = files(&[("t.json", text)]);
    typed::read(&path, &jeugd())
}

fn v4(text: &str) -> Result<Import, ImportError> {
    let (_dir, path) = files(&[("o.json", text)]);
    observations::read(&path, &jeugd())
}

/// The error's place after the file name (`regel:kolom` or a JSON path).
fn place(e: &ImportError) -> String {
    let (_, rest) = e
        .place
        .split_once(".json")
        .expect("the place names the file");
    rest.trim_start_matches([':', ' ']).to_string()
}

const V3_META: &str = r#"{"odata.metadata":"x#Cbs.OData.WebAPI.TypedDataSet","value":["#;

#[test]
fn not_json_is_located_and_names_the_layout() {
    let e = v3("{\"value\": [\n  {\"ID\": 0,, }]}").unwrap_err();
    assert_eq!(place(&e), "2:12");
    assert_eq!(e.layout, Some(Layout::CbsTypedJson));
    assert!(
        e.problem
            .starts_with("CBS open data JSON (OData v3 TypedDataSet): geen geldige JSON"),
        "{e}"
    );
    let e = v4("{\"value\": [").unwrap_err();
    assert!(e.problem.contains("OData v4 Observations"), "{e}");
    assert!(e.problem.contains("te vroeg"), "{e}");
}

#[test]
fn a_scalar_or_an_object_without_rows_is_refused() {
    let e = v3("  42").unwrap_err();
    assert_eq!(place(&e), "1:3");
    assert!(e.problem.contains("verwacht een JSON-object"), "{e}");
    let e = v3(r#"{"odata.metadata": "x"}"#).unwrap_err();
    assert!(e.problem.contains("geen rijen gevonden"), "{e}");
    let e = v4(r#"{"@odata.context": "x"}"#).unwrap_err();
    assert!(e.problem.contains("geen observaties gevonden"), "{e}");
    let e = v3("{\"value\":\n 5}").unwrap_err();
    assert_eq!(place(&e), "2:2");
    assert!(e.problem.contains("verwacht een lijst"), "{e}");
}

#[test]
fn a_figure_that_is_not_a_number_is_located_at_the_value() {
    let text = format!(
        "{V3_META}\n{{\"ID\":0,\"RegioS\":\"NL01  \",\"Perioden\":\"2022JJ00\",\"Instroom_1\":9065}},\n{{\"ID\":1,\"RegioS\":\"NL01  \",\"Perioden\":\"2023JJ00\",\"Instroom_1\":\"veel\"}}]}}"
    );
    let e = v3(&text).unwrap_err();
    assert_eq!(place(&e), "3:62");
    assert!(
        e.problem
            .contains("waarde \"veel\" is geen getal; verwacht een getal of null"),
        "{e}"
    );
    let e = v3(&text.replace("\"veel\"", "true")).unwrap_err();
    assert_eq!(place(&e), "3:62");
}

#[test]
fn a_row_without_its_period_or_with_a_numeric_code_is_located() {
    let text = format!(
        "{V3_META}\n{{\"ID\":0,\"RegioS\":\"NL01\",\"Perioden\":\"2022JJ00\",\"Instroom_1\":5}},\n{{\"ID\":1,\"RegioS\":\"NL01\",\"Instroom_1\":5}}]}}"
    );
    let props = r#"[{"Key":"RegioS","Type":"GeoDimension"},{"Key":"Perioden","Type":"TimeDimension"},{"Key":"Instroom_1","Type":"Topic","Title":"Instroom","Unit":"aantal"}]"#;
    let (_dir, path) = files(&[("t.json", &text), ("t_DataProperties.json", props)]);
    let e = typed::read(&path, &jeugd()).unwrap_err();
    assert_eq!(place(&e), "3:7");
    assert!(e.problem.contains("rij zonder Perioden"), "{e}");
    let text = text.replace("\"Perioden\":\"2022JJ00\"", "\"Perioden\":2022");
    let (_dir, path) = files(&[("t.json", &text), ("t_DataProperties.json", props)]);
    let e = typed::read(&path, &jeugd()).unwrap_err();
    assert_eq!(place(&e), "2:36");
    assert!(
        e.problem
            .contains("Perioden is 2022; verwacht een code als tekst"),
        "{e}"
    );
}

#[test]
fn bad_metadata_is_located_in_its_own_file() {
    let data = format!("{V3_META}{{\"ID\":0,\"Perioden\":\"2022JJ00\",\"A_1\":5}}]}}");
    let props = "{\"value\": [\n{\"Key\": 7, \"Type\": \"Topic\"}]}";
    let (_dir, path) = files(&[("t.json", &data), ("t_DataProperties.json", props)]);
    let e = typed::read(&path, &jeugd()).unwrap_err();
    assert!(e.place.contains("t_DataProperties.json:2:"), "{e}");
    assert!(e.problem.contains("DataProperties"), "{e}");
    let periods = r#"[{"Key":"2022JJ00","Title":"2022","Status":"Definitief"},{"Key":"2023JJ00","Title":"2023","Status":"Geschat"}]"#;
    let (_dir, path) = files(&[("t.json", &data), ("t_Perioden.json", periods)]);
    let e = typed::read(&path, &jeugd()).unwrap_err();
    assert!(
        e.place.ends_with("t_Perioden.json: Perioden[1].Status"),
        "{e}"
    );
    assert!(
        e.problem
            .contains("status 'Geschat' van periode '2023JJ00' onbekend"),
        "{e}"
    );
    let props = r#"{"odata.metadata": "x"}"#;
    let (_dir, path) = files(&[("t.json", &data), ("t_DataProperties.json", props)]);
    let e = typed::read(&path, &jeugd()).unwrap_err();
    assert!(
        e.problem
            .contains("DataProperties: verwacht een lijst of een object met \"value\""),
        "{e}"
    );
}

#[test]
fn the_domein_is_required() {
    let (_dir, path) = files(&[("t.json", &format!("{V3_META}]}}"))]);
    let empty = typed::read(&path, &jeugd()).unwrap();
    assert!(empty.rows.is_empty());
    assert!(empty.sources[0].to_fill.contains(&"ritme"));
    let e = typed::read(&path, &Options::default()).unwrap_err();
    assert_eq!(e.place, path.display().to_string());
    assert!(e.problem.contains("--domein"), "{e}");
}

#[test]
fn unreadable_and_non_utf8_files_are_named() {
    let e = typed::read(Path::new("/nonexistent/t.json"), &jeugd()).unwrap_err();
    assert_eq!(e.place, "/nonexistent/t.json");
    assert!(e.problem.contains("kan het bestand niet lezen"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.json");
    std::fs::write(&path, b"{\"value\": [\n {\"Perioden\": \"20\xff\"}]}").unwrap();
    let e = typed::read(&path, &jeugd()).unwrap_err();
    assert_eq!(place(&e), "2:18");
    assert!(e.problem.contains("UTF-8"), "{e}");
}

#[test]
fn observation_errors_are_located() {
    let e = v4("{\"value\":[\n{\"Id\":0,\"Perioden\":\"2022JJ00\",\"Value\":5}]}").unwrap_err();
    assert_eq!(place(&e), "2:7");
    assert!(e.problem.contains("observatie zonder Measure"), "{e}");
    let e = v4("{\"value\":[\n{\"Measure\":\"M1\",\"Perioden\":\"2022JJ00\",\"Value\":\"5\"}]}")
        .unwrap_err();
    assert_eq!(place(&e), "2:47");
    assert!(
        e.problem
            .contains("Value is \"5\"; verwacht een getal of null"),
        "{e}"
    );
    let e = v4("{\"value\":[\n{\"Measure\":\"M1\",\"Perioden\":\"2022JJ00\",\"ValueAttribute\":3,\"Value\":5}]}").unwrap_err();
    assert_eq!(place(&e), "2:56");
    assert!(e.problem.contains("ValueAttribute is 3"), "{e}");
    let e = v4("{\"Properties\": [1], \"value\": []}").unwrap_err();
    assert!(e.problem.contains("Properties"), "{e}");
    let e = v4("{\"value\":[{\"Measure\":\"M1\",\"RegioS\":\"NL01\",\"Value\":5}]}").unwrap_err();
    assert!(e.problem.contains("geen tijdsdimensie"), "{e}");
}

#[test]
fn value_attributes_become_missing_reasons_and_text_values_are_unmapped() {
    let imp = v4(r#"{"value":[
{"Measure":"M1","ValueAttribute":"Impossible","Value":null,"Perioden":"2022JJ00"},
{"Measure":"M1","ValueAttribute":"Unknown","Value":null,"Perioden":"2021JJ00"},
{"Measure":"M1","ValueAttribute":"Rounded","Value":null,"Perioden":"2020JJ00"},
{"Measure":"M1","ValueAttribute":"None","Value":null,"StringValue":"zie tekst","Perioden":"2019JJ00"},
{"Measure":"M1","ValueAttribute":"None","Value":3.5,"Perioden":"2018KW03"},
{"Measure":"M1","ValueAttribute":"None","Value":7,"Perioden":"2018MM07"}]}"#)
    .unwrap();
    let figures: Vec<&Figure> = imp.rows.iter().map(|r| &r.figure).collect();
    assert_eq!(
        figures,
        [
            &Figure::Missing(Missing::Impossible),
            &Figure::Missing(Missing::Unknown),
            &Figure::Missing(Missing::Other("Rounded".into())),
            &Figure::Value(3.5),
            &Figure::Value(7.0),
        ]
    );
    assert_eq!(imp.rows[3].period, Period::quarter(2018, 3));
    assert_eq!(imp.rows[4].period, Period::month(2018, 7));
    assert!(
        imp.unmapped
            .iter()
            .any(|u| u.place.ends_with(":5:49") && u.why.contains("StringValue")),
        "{:?}",
        imp.unmapped
    );
    assert!(imp.unmapped.iter().any(|u| u.place == "MeasureCodes"));
    assert!(imp.unmapped.iter().any(|u| u.place == "Perioden"));
    assert_eq!(imp.indicators[0].id, "m1");
    assert_eq!(imp.sources[0].ritme, "jaar, kwartaal en maand");
}

#[test]
fn an_unknown_period_code_is_unmapped_with_its_place() {
    let imp = v3(&format!(
        "{V3_META}\n{{\"ID\":0,\"Perioden\":\"2018SJ00\",\"A_1\":5}},{{\"ID\":1,\"Perioden\":\"2019JJ00\",\"A_1\":5}}]}}"
    ))
    .unwrap();
    assert_eq!(imp.rows.len(), 1);
    let u = imp
        .unmapped
        .iter()
        .find(|u| u.why.contains("2018SJ00"))
        .unwrap();
    assert!(u.place.ends_with(":2:37"), "{u:?}");
}

#[test]
fn cbsodata_file_names_and_table_ids() {
    let data = r#"[{"ID":0,"RegioS":"GM0772","Perioden":"2020JJ00","Jongeren_1":10}]"#;
    let props = r#"[{"Key":"RegioS","Type":"GeoDimension"},{"Key":"Perioden","Type":"TimeDimension"},{"Key":"Jongeren_1","Type":"Topic","Title":"Jongeren met jeugdhulp","Unit":"aantal"}]"#;
    let periods = r#"{"value":[{"Key":"2020JJ00","Title":"2020*","Status":null}]}"#;
    let infos = r#"[{"Identifier":"84134NED","Title":"Jeugdhulp; regio","ShortDescription":"Jongeren met jeugdhulp.","Modified":"2021-10-29T02:00:00"}]"#;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("84134NED");
    std::fs::create_dir(&sub).unwrap();
    for (n, t) in [
        ("TypedDataSet.json", data),
        ("DataProperties.json", props),
        ("Perioden.json", periods),
        ("TableInfos.json", infos),
    ] {
        std::fs::write(sub.join(n), t).unwrap();
    }
    let path = sub.join("TypedDataSet.json");
    assert!(typed::sniff(&path, data.as_bytes()));
    let imp = typed::read(&path, &jeugd()).unwrap();
    let s = &imp.sources[0];
    assert_eq!(s.id, "cbs-84134ned");
    assert_eq!(s.naam, "Jeugdhulp; regio");
    assert_eq!(s.definitie, "Jongeren met jeugdhulp.");
    assert_eq!(s.vintage, "2021-10-29T02:00:00");
    assert_eq!(
        s.vindplaats,
        "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84134NED"
    );
    assert_eq!(s.afronding, 5);
    assert!(s.to_fill.is_empty(), "{:?}", s.to_fill);
    // The `*` on the title says voorlopig when the code list has no status.
    assert_eq!(imp.rows[0].status, Status::Voorlopig);
    assert_eq!(imp.rows[0].regio.as_deref(), Some("GM0772"));
    assert_eq!(imp.indicators[0].id, "jongeren");
    assert_eq!(
        table_id("https://opendata.cbs.nl/ODataApi/OData/84134NED/$metadata#x"),
        Some("84134NED".into())
    );
    assert_eq!(
        table_id("data/37296ned_TypedDataSet.json"),
        Some("37296NED".into())
    );
    assert_eq!(table_id("x184134NEDx"), None);
    let p = Path::new("/data/12345abc/84134NED_TypedDataSet.json");
    assert_eq!(super::table_id_of_path(p), Some("84134NED".into()));
    assert_eq!(
        super::table_id_of_path(Path::new("/12345abc/x/t.json")),
        None
    );
}

#[test]
fn breakdowns_split_indicators_and_wijk_codes_lie_in_their_gemeente() {
    let imp = v3(&format!(
        "{V3_META}{{\"ID\":0,\"WijkenEnBuurten\":\"WK077201  \",\"Geslacht\":\"3000   \",\"Leeftijd\":\"T001\",\"Perioden\":\"2022JJ00\",\"A_1\":1}},\
         {{\"ID\":1,\"WijkenEnBuurten\":\"WK077201  \",\"Geslacht\":\"4000   \",\"Leeftijd\":\"T001\",\"Perioden\":\"2022JJ00\",\"A_1\":2}}]}}"
    ))
    .unwrap();
    let ids: Vec<&str> = imp.rows.iter().map(|r| r.indicator.as_str()).collect();
    assert_eq!(ids, ["a_3000", "a_4000"]);
    assert_eq!(imp.rows[0].wijk.as_deref(), Some("WK077201"));
    assert_eq!(imp.rows[0].regio.as_deref(), Some("GM0772"));
    assert!(
        imp.unmapped
            .iter()
            .any(|u| u.place == "Leeftijd" && u.why.contains("één code"))
    );
    assert!(imp.unmapped.iter().any(|u| u.place == "DataProperties"));
    assert_eq!(imp.sources[0].afronding, 0);
}

#[test]
fn colliding_ids_get_their_key() {
    let imp = v3(&format!(
        "{V3_META}{{\"ID\":0,\"Perioden\":\"2022JJ00\",\"Aantal_1\":5,\"Aantal_2\":6}}]}}"
    ))
    .unwrap();
    let ids: Vec<&str> = imp.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["aantal", "aantal_aantal_2"]);
}

#[test]
fn slugs() {
    assert_eq!(
        slug("Jeugdbeschermingsmaatregelen, instroom"),
        "jeugdbeschermingsmaatregelen_instroom"
    );
    assert_eq!(slug("  Één (x 1 000 euro) "), "een_x_1_000_euro");
    assert_eq!(slug("%"), "");
}

#[test]
fn the_locator_agrees_with_place_at_in_any_order() {
    let text = "{\"a\":\n  \"één\",\n\"b\": [1,\n2]}";
    let path = Path::new("t.json");
    let mut locator = super::Locator::new(path, text);
    let offsets: Vec<usize> = (0..text.len()).chain((0..text.len()).rev()).collect();
    for at in offsets {
        assert_eq!(
            locator.place(at),
            super::place_at(path, text, at),
            "offset {at}"
        );
    }
}

#[test]
fn a_first_page_says_the_table_is_incomplete_and_nader_voorlopig_is_kept() {
    let imp = v4(r#"{"@odata.nextLink":"https://datasets.cbs.nl/odata/v1/CBS/84134NED/Observations?$skip=10000",
"PeriodenCodes":[{"Identifier":"2021JJ00","Title":"2021**","Status":"Nader voorlopig"}],
"value":[{"Measure":"M1","ValueAttribute":"None","Value":5,"Perioden":"2021JJ00"}]}"#)
    .unwrap();
    assert_eq!(imp.rows[0].status, Status::NaderVoorlopig);
    let page = imp
        .unmapped
        .iter()
        .find(|u| u.place == "@odata.nextLink")
        .unwrap();
    assert!(page.why.contains("$skip=10000"), "{page:?}");
    let imp = v3(&format!(
        "{{\"odata.nextLink\":\"x\",{}{{\"ID\":0,\"Perioden\":\"2022JJ00\",\"A_1\":5}}]}}",
        &V3_META[1..]
    ))
    .unwrap();
    assert!(imp.unmapped.iter().any(|u| u.place == "odata.nextLink"));
}

#[test]
fn a_breakdown_with_a_total_gives_only_its_total_as_the_csv_reader_does() {
    // The code list names the total (an uncommon code): only it is read, without a suffix.
    let imp = v4(r#"{"GeslachtCodes":[{"Identifier":"3000","Title":"Mannen"},{"Identifier":"A048583","Title":"Totaal mannen en vrouwen"}],
"value":[{"Measure":"M1","Value":10,"Geslacht":"A048583","Perioden":"2022JJ00"},
{"Measure":"M1","Value":4,"Geslacht":"3000","Perioden":"2022JJ00"},
{"Measure":"M1","Value":6,"Geslacht":"4000","Perioden":"2022JJ00"}]}"#)
    .unwrap();
    let got: Vec<(&str, &Figure)> = imp
        .rows
        .iter()
        .map(|r| (r.indicator.as_str(), &r.figure))
        .collect();
    assert_eq!(got, [("m1", &Figure::Value(10.0))]);
    let note = imp.unmapped.iter().find(|u| u.place == "Geslacht").unwrap();
    assert!(
        note.why.starts_with("2 cijfers met een uitsplitsing"),
        "{note:?}"
    );
    // Without a code list a common CBS total code says it (v3, padded).
    let imp = v3(&format!(
        "{V3_META}{{\"ID\":0,\"Geslacht\":\"T001038 \",\"Perioden\":\"2022JJ00\",\"A_1\":7}},\
         {{\"ID\":1,\"Geslacht\":\"3000   \",\"Perioden\":\"2022JJ00\",\"A_1\":3}}]}}"
    ))
    .unwrap();
    let got: Vec<(&str, &Figure)> = imp
        .rows
        .iter()
        .map(|r| (r.indicator.as_str(), &r.figure))
        .collect();
    assert_eq!(got, [("a", &Figure::Value(7.0))]);
    assert!(
        imp.unmapped
            .iter()
            .any(|u| u.place == "Geslacht" && u.why.starts_with("1 cijfer met"))
    );
}
