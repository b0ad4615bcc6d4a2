//! HTML minutes (`duiden notulen --formaat html`): one self-contained file with a chart per view
//! an annotated indicator was seen in, checked by parsing and, when chromium is there, in a real
//! browser.

use duiden::model::{Dataset, Granularity, Period, ViewKind};
use duiden::report::Minutes;
use duiden::session::{Anchor, Annotation, AnnotationKind, DatasetRef, Role, Session, store};
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLE: &str = "sessions/2026-11-05-duiden-van-data-jeugd-en-wmo.toml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> (Session, String, Dataset) {
    let path = root().join(EXAMPLE);
    let session = store::load(&path).expect("example session loads");
    let dataset =
        duiden::load::load_dataset(&root().join("datasets/voorbeeld")).expect("sample loads");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    (session, name, dataset)
}

/// The HTML minutes, without other sessions.
fn html(session: &Session, name: &str, dataset: Option<&Dataset>) -> String {
    duiden::report::minutes::html(&Minutes::build(session, name, Some(&[]), dataset))
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Indicators with a section, as in the Markdown minutes: the agenda, then the indicators of
/// observations, explanations and data-quality remarks; only those with an annotation get a chart.
fn annotated_indicators(s: &Session) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let agenda = s
        .agenda
        .iter()
        .map(|a| (a.domain.clone(), a.indicator.clone()));
    let notes = s
        .annotations
        .iter()
        .filter(|a| !a.kind.has_status())
        .map(|a| (a.anchor.domain.clone(), a.anchor.indicator.clone()));
    for key in agenda.chain(notes) {
        if !out.contains(&key) && s.for_indicator(&key.0, &key.1).next().is_some() {
            out.push(key);
        }
    }
    out
}

#[test]
fn html_minutes_of_the_example_session() {
    let (session, name, dataset) = example();
    let text = html(&session, &name, Some(&dataset));
    let doc = Html::parse_document(&text);

    // Title.
    let title: String = doc.select(&sel("title")).next().unwrap().text().collect();
    assert_eq!(title, session.title);
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(h1, session.title);
    let all_text: String = doc.root_element().text().collect();
    assert!(all_text.contains("5 november 2026"), "Dutch date");
    assert!(all_text.contains(&session.facilitator));
    for p in &session.participants {
        assert!(all_text.contains(&p.name), "participant {}", p.name);
    }
    assert!(all_text.contains(&session.dataset.hash[..12]), "short hash");

    // Every annotation's text (first line), newlines kept in the text nodes.
    for a in &session.annotations {
        let first = a.text.trim().lines().next().unwrap();
        assert!(all_text.contains(first), "annotation {}: {first}", a.id);
    }

    // One chart per annotated indicator, in the order of the minutes.
    let expected = annotated_indicators(&session);
    let svgs: Vec<_> = doc.select(&sel("svg")).collect();
    assert_eq!(
        svgs.len(),
        expected.len(),
        "one <svg> per annotated indicator"
    );
    let sections: Vec<String> = doc
        .select(&sel("section.indicator h2"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(sections.len(), expected.len());
    for ((domein, _), heading) in expected.iter().zip(&sections) {
        assert!(heading.starts_with(domein.as_str()), "{heading}");
    }
    for svg in &svgs {
        let shapes = svg.select(&sel("polyline, line, path")).count();
        assert!(shapes > 10, "chart has lines");
    }
    // The legend names the sources by their names from the metadata.
    let naam = &dataset.meta.source("gemeente-registratie").unwrap().naam;
    let first_svg: String = svgs[0].text().collect();
    let start: String = naam.chars().take(20).collect();
    assert!(
        first_svg.contains(&start),
        "legend with source names: {first_svg}"
    );

    // Self-contained: no external references, no scripts from elsewhere.
    let lower = text.to_lowercase();
    assert!(!lower.contains("<link"), "no <link>");
    assert!(!lower.contains("<script src"), "no external script");
    for el in doc.select(&sel("[src], [href]")) {
        for attr in ["src", "href"] {
            if let Some(v) = el.value().attr(attr) {
                assert!(
                    !v.contains("http://") && !v.contains("https://"),
                    "external {attr}: {v}"
                );
            }
        }
    }
    assert!(!lower.contains("url(http"), "no external CSS resources");
    assert!(
        lower.contains("@page { size: a4; margin: 15mm"),
        "A4 print CSS"
    );

    // Questions and actions in tables, with status and owner.
    let questions = doc
        .select(&sel("table.vragen"))
        .next()
        .expect("<table> of questions");
    let rows: Vec<String> = questions
        .select(&sel("tbody tr"))
        .map(|r| r.text().collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].contains("beantwoord") && rows[0].contains("Servicebureau"));
    assert!(doc.select(&sel("table.acties tbody tr")).count() == 3);
}

#[test]
fn user_text_is_escaped() {
    let (mut session, name, dataset) = example();
    session.title = "Jeugd & Wmo <script>alert('x')</script> \"q\"".into();
    session.annotations[0].text = "<img src=x onerror=alert(1)> & 'quote'".into();
    let text = html(&session, &name, Some(&dataset));
    assert!(!text.contains("<script>alert"));
    assert!(!text.contains("<img src=x"));
    assert!(
        text.contains(
            "Jeugd &amp; Wmo &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot;"
        )
    );
    let doc = Html::parse_document(&text);
    assert_eq!(doc.select(&sel("script, img")).count(), 0);
    let title: String = doc.select(&sel("title")).next().unwrap().text().collect();
    assert_eq!(title, session.title);
}

#[test]
fn without_dataset_no_charts_but_a_note() {
    let (session, name, _) = example();
    let text = html(&session, &name, None);
    let doc = Html::parse_document(&text);
    assert_eq!(doc.select(&sel("svg")).count(), 0);
    assert!(text.contains("niet beschikbaar"));
    for a in &session.annotations {
        let first = a.text.trim().lines().next().unwrap();
        let escaped = first.replace('&', "&amp;").replace('\'', "&#39;");
        assert!(text.contains(&escaped), "annotation {}", a.id);
    }
}

/// A session with one annotation on jeugd/instroom, made in `view` at `granularity`.
fn one_annotation(dataset: &Dataset, view: ViewKind, granularity: Option<Granularity>) -> Session {
    let mut s = Session::new(
        "Kwartalen",
        "2026-11-05".parse().unwrap(),
        DatasetRef {
            path: "datasets/voorbeeld".into(),
            hash: dataset.content_hash.clone(),
        },
    );
    let mut anker = Anchor::new(
        "jeugd",
        "instroom",
        vec![
            "gemeente-registratie".into(),
            "aanbieders-maandrapportage".into(),
        ],
        Period::quarter(2021, 2),
        Period::quarter(2021, 2),
    );
    anker.view = view;
    anker.granularity = granularity;
    anker.reference = (view == ViewKind::Compare).then(|| "gemeente-registratie".to_string());
    s.add(Annotation {
        code: None,
        answer: String::new(),
        result: None,
        links: Vec::new(),
        id: 0,
        kind: AnnotationKind::Verklaring,
        text: "In het tweede kwartaal loopt de registratie achter.".into(),
        role: Role::Toegang,
        name: String::new(),
        time: "2026-11-05T10:00:00+01:00".parse().unwrap(),
        status: None,
        owner: String::new(),
        theme: String::new(),
        support: Vec::new(),
        disagree: Vec::new(),
        criteria: Default::default(),
        anchor: anker,
    });
    s
}

/// The labels of the x axis: the texts of the one `<svg>` that name a period.
fn x_labels(text: &str) -> Vec<String> {
    let doc = Html::parse_document(text);
    let svgs: Vec<_> = doc.select(&sel("svg")).collect();
    assert_eq!(svgs.len(), 1, "one chart");
    let months = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    svgs[0]
        .select(&sel("text"))
        .map(|t| t.text().collect::<String>().trim().to_string())
        .filter(|t| {
            let mut words = t.split(' ');
            let (Some(first), Some(year), None) = (words.next(), words.next(), words.next()) else {
                return false;
            };
            year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
                && (months.contains(&first) || first.starts_with('K') || first.starts_with('H'))
        })
        .collect()
}

#[test]
fn the_chart_of_a_comparison_at_quarters_has_quarters_on_its_axis() {
    let (_, _, dataset) = example();
    let s = one_annotation(&dataset, ViewKind::Compare, Some(Granularity::Quarter));
    let text = html(&s, "2026-11-05-kwartalen.toml", Some(&dataset));
    let labels = x_labels(&text);
    assert!(labels.len() >= 4, "{labels:?}");
    assert!(
        labels.iter().all(|l| l.starts_with('K')),
        "quarters, not months: {labels:?}"
    );
    assert!(
        text.contains("per kwartaal, bronnen vergeleken met"),
        "caption"
    );
    // The legend marks the reference.
    assert!(text.contains("(referentie)"));

    // The same annotation made in the trend as delivered: months on the axis.
    let s = one_annotation(&dataset, ViewKind::Trend, None);
    let labels = x_labels(&html(&s, "2026-11-05-kwartalen.toml", Some(&dataset)));
    assert!(
        !labels.is_empty() && labels.iter().all(|l| !l.starts_with('K')),
        "{labels:?}"
    );
}

#[test]
fn cli_writes_html_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.html");
    let status = Command::new(env!("CARGO_BIN_EXE_duiden"))
        .current_dir(root())
        .args(["notulen", EXAMPLE, "--formaat", "html", "--uit"])
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(
        text.contains("<svg"),
        "dataset found from the project folder: charts"
    );
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| {
        std::env::split_paths(&path)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// In CI (`CI` set, as CI services and `.ci/run` do, or `DUIDEN_CI=1`) the browser must be there.
fn in_ci() -> bool {
    let set = |name: &str, off: &[&str]| {
        std::env::var(name).is_ok_and(|v| !v.is_empty() && !off.contains(&v.as_str()))
    };
    set("CI", &["false", "0"]) || set("DUIDEN_CI", &["0"])
}

#[test]
fn html_minutes_render_in_a_real_browser() {
    let Some(browser) = chromium() else {
        assert!(
            !in_ci(),
            "chromium ontbreekt in CI: .ci/run installeert het (apt-get install chromium); \
             zonder browser zijn de HTML-notulen niet getest"
        );
        // Outside CI a developer without chromium still runs the rest of the suite.
        eprintln!("chromium ontbreekt: browsertest overgeslagen (in CI faalt deze test dan)");
        return;
    };
    let (session, name, dataset) = example();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notulen.html");
    std::fs::write(&file, html(&session, &name, Some(&dataset))).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let png = dir.path().join("out.png");
    let mut child = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1240,1754")
        .arg(format!("file://{}", file.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            eprintln!("chromium klaar: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium reageert niet binnen 60 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let size = std::fs::metadata(&png)
        .unwrap_or_else(|e| panic!("geen schermafdruk {}: {e}", png.display()))
        .len();
    assert!(size > 20 * 1024, "schermafdruk te klein: {size} bytes");
}
