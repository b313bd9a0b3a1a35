//! The browser harness itself, on two small pages: one that stays offline and draws a chart, one
//! that requests the network and logs an error, which the harness must catch.

use crate::support;

use support::browser;

#[test]
fn harness_sees_requests_errors_and_a_drawn_page() {
    let Some(chromium) = browser::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let quiet = dir.path().join("quiet.html");
    let svg = obs_cost::report::svg::tornado(
        "t",
        "Sensitivity",
        "d",
        "net monthly benefit, USD",
        ["assumption at its low value", "at its high value"],
        &[obs_cost::report::svg::TornadoRow { label: "ops FTE".into(), low: -100.0, high: 900.0 }],
        400.0,
        obs_cost::report::svg::Size::default(),
    );
    std::fs::write(&quiet, format!("<!doctype html><html><head><title>quiet</title></head><body>{svg}</body></html>"))
        .unwrap();
    let load = browser::load(&chromium, &quiet, 900, 700);
    let url = format!("file://{}", quiet.canonicalize().unwrap().display());
    assert_eq!(load.title, "quiet");
    assert!(load.network_requests(&url).is_empty(), "{:?}", load.requests);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
    let (w, h, colours, ink) = browser::png_stats(&load.screenshot);
    assert!(w >= 800 && h >= 600, "{w}x{h}");
    assert!(colours > 3 && ink > 0.01, "the screenshot looks blank: {colours} colours, {ink} ink");

    let noisy = dir.path().join("noisy.html");
    std::fs::write(
        &noisy,
        "<!doctype html><html><head><title>noisy</title><link rel=stylesheet href=\"http://127.0.0.1:9/x.css\"></head><body><script>console.error('boom')</script></body></html>",
    )
    .unwrap();
    let load = browser::load(&chromium, &noisy, 900, 700);
    let url = format!("file://{}", noisy.canonicalize().unwrap().display());
    assert_eq!(load.network_requests(&url), vec!["http://127.0.0.1:9/x.css"]);
    assert!(load.errors.iter().any(|e| e.contains("boom")), "{:?}", load.errors);
    let (_, _, colours, _) = browser::png_stats(&load.screenshot);
    assert!(colours <= 2, "an empty page is blank");
}
