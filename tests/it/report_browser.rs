//! The HTML report in a real browser (issue 5): headless Chromium loads a bundled scenario's report
//! from a file; the page must draw (a non-blank screenshot), request nothing but the file itself,
//! log no error, carry the right title and lay out the used-series section. Under CI=true a
//! missing Chromium fails the test.

use crate::support;

use assert_cmd::Command;
use support::browser;

#[test]
fn the_report_loads_offline_draws_and_logs_no_error() {
    let Some(chromium) = browser::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cloudmart.html");
    Command::cargo_bin("obs-cost")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("OBS_COST_PRICE_BOOK")
        .args(["report", "--scenario", "scenarios/cloudmart-dau-50k.yaml", "-o"])
        .arg(&out)
        .assert()
        .success();
    // The used-series section is laid out: its heading, its bar chart and its figures.
    let load = browser::load_and_evaluate(
        &chromium,
        &out,
        1280,
        900,
        &[
            "document.querySelector('#used-series h2').textContent",
            "document.querySelector('#used-series svg').getBoundingClientRect().height",
            "Array.from(document.querySelectorAll('#used-series .card .value')).map(e => e.textContent)",
            "document.querySelector('nav.toc a[href=\"#used-series\"]').textContent",
        ],
    );
    let url = format!("file://{}", out.canonicalize().unwrap().display());
    assert_eq!(load.title, "obs-cost report: cloudmart-dau-50k");
    assert!(load.network_requests(&url).is_empty(), "the report made network requests: {:?}", load.requests);
    assert!(load.requests.iter().any(|r| r == &url), "the page itself was not loaded: {:?}", load.requests);
    assert!(load.errors.is_empty(), "console or page errors: {:?}", load.errors);
    assert_eq!(load.values[0], "3. What your rules and dashboards read");
    assert!(load.values[1].as_f64().is_some_and(|h| h > 20.0), "the share bar is not drawn: {:?}", load.values[1]);
    // cloudmart-dau-50k reads 100 of 12,000 series (given in the scenario).
    let cards: Vec<&str> = load.values[2].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(cards[..2], ["100", "11,900"], "{cards:?}");
    assert!(cards[2].starts_with('$') && cards[3].starts_with('$'), "{cards:?}");
    assert_eq!(load.values[3], "3. What your rules and dashboards read");
    let (w, h, colours, ink) = browser::png_stats(&load.screenshot);
    assert!(w >= 1200 && h >= 800, "{w}x{h}");
    assert!(colours > 20 && ink > 0.03, "the screenshot looks blank: {colours} colours, {ink} ink");
}

#[test]
fn a_hostile_report_runs_no_script_in_the_browser() {
    let Some(chromium) = browser::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("scenarios/cloudmart-dau-50k.yaml")).unwrap().replacen(
        "name: cloudmart-dau-50k",
        "name: \"<script>console.error('xss')</script>\"",
        1,
    );
    let scenario = dir.path().join("hostile.yaml");
    std::fs::write(&scenario, text).unwrap();
    let out = dir.path().join("hostile.html");
    Command::cargo_bin("obs-cost")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("OBS_COST_PRICE_BOOK")
        .args(["report", "--scenario"])
        .arg(&scenario)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let load = browser::load(&chromium, &out, 1000, 800);
    assert_eq!(load.title, "obs-cost report: <script>console.error('xss')</script>");
    assert!(load.errors.is_empty(), "a script ran: {:?}", load.errors);
}

/// Draws `text` in the body's font on a canvas and returns its pixels: the same pixels for a
/// Hangul syllable and for a private-use character mean both are the missing-glyph box (tofu).
const HANGUL_PROBE: &str = r#"(() => {
  const font = getComputedStyle(document.body).fontFamily;
  const draw = (text) => {
    const c = document.createElement('canvas');
    c.width = 64; c.height = 64;
    const g = c.getContext('2d');
    g.font = '40px ' + font;
    g.fillText(text, 4, 48);
    return Array.from(g.getImageData(0, 0, 64, 64).data);
  };
  const hangul = draw('한'), tofu = draw('\uE000');
  const ink = hangul.filter((v, i) => i % 4 === 3 && v > 0).length;
  const same = hangul.every((v, i) => v === tofu[i]);
  const svgText = document.querySelector('figure svg text');
  return JSON.stringify({ font: font, ink: ink, tofu: same, lang: document.documentElement.lang,
    svgFont: svgText ? getComputedStyle(svgText).fontFamily : '',
    wordBreak: getComputedStyle(document.body).wordBreak });
})()"#;

#[test]
fn the_korean_report_renders_hangul_offline_and_logs_no_error() {
    let Some(chromium) = browser::chromium() else { return };
    if support::need_font("Noto Sans CJK KR").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cloudmart-ko.html");
    Command::cargo_bin("obs-cost")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("OBS_COST_PRICE_BOOK")
        .args(["report", "--lang", "ko", "--scenario", "scenarios/cloudmart-dau-50k.yaml", "-o"])
        .arg(&out)
        .assert()
        .success();
    let load = browser::load_and_evaluate(&chromium, &out, 1280, 900, &[HANGUL_PROBE]);
    let url = format!("file://{}", out.canonicalize().unwrap().display());
    assert_eq!(load.title, "obs-cost 보고서: cloudmart-dau-50k");
    assert!(load.network_requests(&url).is_empty(), "the report made network requests: {:?}", load.requests);
    assert!(load.errors.is_empty(), "console or page errors: {:?}", load.errors);
    let (w, h, colours, ink) = browser::png_stats(&load.screenshot);
    assert!(w >= 1200 && h >= 800, "{w}x{h}");
    assert!(colours > 20 && ink > 0.03, "the screenshot looks blank: {colours} colours, {ink} ink");
    let probe: serde_json::Value = serde_json::from_str(load.values[0].as_str().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}: {:?}", load.values));
    assert_eq!(probe["lang"], "ko", "{probe}");
    assert_eq!(probe["wordBreak"], "keep-all", "{probe}");
    assert!(probe["font"].as_str().unwrap_or_default().contains("Noto Sans CJK KR"), "{probe}");
    // The charts' text (plotters writes font-family="sans-serif") takes the page's Hangul stack.
    assert!(probe["svgFont"].as_str().unwrap_or_default().contains("Noto Sans CJK KR"), "{probe}");
    assert_eq!(probe["tofu"], false, "Hangul is drawn as the missing-glyph box: {probe}");
    assert!(probe["ink"].as_u64().unwrap_or(0) > 50, "Hangul left no ink: {probe}");
}
