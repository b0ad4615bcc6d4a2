//! Test data shared by the report's tests.

use crate::model::Dataset;

/// Five months of jeugd instroom from a source from records (`reg`, small counts 7, 9 and 8) and
/// one that is not (`cbs`), with the metadata `meta` (which names both sources).
pub(crate) fn small_counts(meta: &str) -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dataset.toml"), meta).unwrap();
    let mut csv = String::from(
        "periode,domein,indicator,bron,waarde,eenheid,regio,wijk,aanbieder,status,opmerking\n",
    );
    for (bron, values) in [("reg", [7, 12, 9, 40, 8]), ("cbs", [30, 12, 4, 45, 3])] {
        for (m, v) in values.iter().enumerate() {
            csv.push_str(&format!(
                "2024-0{},jeugd,instroom,{bron},{v},cliënten,,,,definitief,\n",
                m + 1
            ));
        }
    }
    std::fs::write(dir.path().join("reeksen.csv"), csv).unwrap();
    let data = crate::load::load_dataset(dir.path()).unwrap();
    (dir, data)
}
