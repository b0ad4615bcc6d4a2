use duiden::analysis::mismatch::*;
use std::path::Path;
#[test]
fn scratch() {
    let ds = duiden::load::load_dataset(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/voorbeeld"),
    )
    .unwrap();
    let ms = detect(&ds, &Settings::default());
    for m in ms.iter().filter(|m| {
        m.kind == MismatchKind::MissingPeriod
            || m.indicator == "re_integratievoorzieningen"
            || (m.kind == MismatchKind::StockFlow
                && m.sources[0].starts_with("aanb")
                && m.period.year == 2022)
            || (m.kind == MismatchKind::Unit && m.sources.len() == 1)
    }) {
        eprintln!(
            "[{}] {}/{} {} {:?} rel={:?}: {}",
            m.kind.dutch(),
            m.domein,
            m.indicator,
            m.period,
            m.sources,
            m.rel_diff,
            m.detail
        );
    }
    let c = compare(&ds, "jeugd", "instroom", None, None);
    eprintln!("{:?} {:?} {:?}", c.granularity, c.reference, c.excluded);
    for col in &c.columns {
        eprintln!("{:?}", col);
    }
    for r in c.rows.iter().take(12) {
        eprintln!(
            "{} {:?} | {}",
            r.period,
            r.kinds,
            r.cells
                .iter()
                .map(|c| format!(
                    "{:?}/{:?}/{:?}/{:?}",
                    c.value, c.rel_diff, c.kind, c.present
                ))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    let c = compare(&ds, "jeugd", "jeugdbescherming_instroom", None, None);
    eprintln!("{:?} {:?} {:?}", c.granularity, c.reference, c.excluded);
    for col in &c.columns {
        eprintln!("{:?}", col);
    }
    for r in c.rows.iter() {
        eprintln!(
            "{} {:?} | {}",
            r.period,
            r.kinds,
            r.cells
                .iter()
                .map(|c| format!(
                    "{:?}/{:?}/{:?}/{}/{}",
                    c.value, c.rel_diff, c.kind, c.present, c.needed
                ))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    let c = compare(
        &ds,
        "jeugd",
        "instroom",
        None,
        Some(duiden::model::Granularity::Month),
    );
    eprintln!(
        "{:?} {:?} {:?} rows {}",
        c.granularity,
        c.reference,
        c.excluded,
        c.rows.len()
    );
}
