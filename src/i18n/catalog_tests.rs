//! The catalogs' own tests: both languages have the same ids with the same variables, every
//! message formats with dummy arguments without a Fluent error, document sentences take no
//! selectors and read back as written, markup messages take no variables, and the Korean catalog
//! uses the glossary's pinned terms (`i18n/ko/GLOSSARY.md`), never a competing variant.

use std::collections::BTreeSet;

use super::catalog::{self, format_checked, has_selector, messages, EN, KO};
use super::recognise::recognise_among;
use super::Lang;

/// The glossary, read by the variant test.
const GLOSSARY: &str = include_str!("../../i18n/ko/GLOSSARY.md");

#[test]
fn both_catalogs_have_the_same_ids_with_the_same_variables() {
    let en = messages(EN).expect("the English catalog parses");
    let ko = messages(KO).expect("the Korean catalog parses");
    let missing: Vec<_> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
    let extra: Vec<_> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing.is_empty(), "missing in ko: {missing:?}");
    assert!(extra.is_empty(), "only in ko: {extra:?}");
    for (id, vars) in &en {
        assert_eq!(Some(vars), ko.get(id), "{id}: the variables differ");
    }
}

#[test]
fn every_message_formats_with_dummy_arguments() {
    for lang in Lang::ALL {
        for (id, vars) in messages(catalog::source(lang)).unwrap() {
            let args: Vec<(&str, String)> = vars.iter().map(|v| (v.as_str(), "7".to_string())).collect();
            let text = format_checked(lang, &id, &args).unwrap_or_else(|e| panic!("{e}"));
            assert!(!text.trim().is_empty(), "{lang} {id} is empty");
            let args: Vec<(&str, String)> = vars.iter().map(|v| (v.as_str(), "x y".to_string())).collect();
            format_checked(lang, &id, &args).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

#[test]
fn the_ids_the_code_uses_exist() {
    // Every literal id in the renderers, as written in `l.t("..")`, `l.h("..")` and `tr!(l, "..")`
    // or in a header array, is a message of the reference catalog.
    let ids = messages(EN).unwrap();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let re = regex::Regex::new(r#""((?:col|r|plan|md|chart|tree|suite|book|estimate|decision|outcome|payback|crossing|service|actual|fx|unconfirmed|lower|depends|item|used|flag|flagged|mark|price-flags)-[a-z0-9-]+)""#).unwrap();
    let mut unknown = BTreeSet::new();
    for entry in walkdir::WalkDir::new(src)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs" || x == "html"))
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for c in re.captures_iter(&text) {
            // SVG element ids and HTML anchors look like message ids but are not.
            let anchors = [
                "chart-cash",
                "chart-cost",
                "chart-switch",
                "chart-switch-net",
                "chart-tornado",
                "chart-tree",
                "chart-used",
                "used-series",
                "used-series-h",
                "tree-h",
                "decision-tree",
            ];
            if !ids.contains_key(&c[1]) && !anchors.contains(&&c[1]) {
                unknown.insert(format!("{}: {}", entry.path().display(), &c[1]));
            }
        }
    }
    assert!(unknown.is_empty(), "ids not in i18n/en/obs-cost.ftl: {unknown:#?}");
}

#[test]
fn document_sentences_take_no_selectors_and_read_back_as_written() {
    for (id, vars) in messages(EN).unwrap().into_iter().filter(|(id, _)| id.starts_with("doc-")) {
        assert!(!has_selector(EN, &id), "{id} has a selector");
        // Distinct dummy values, the way the planner fills them: recognised as the same message
        // with the same arguments.
        let args: Vec<(String, String)> = vars
            .iter()
            .enumerate()
            .map(|(i, v)| (v.clone(), format!("{}{}", 10 + i, ["", "a", "x-y"][i % 3])))
            .collect();
        let borrowed: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        let text = catalog::format(Lang::En, &id, &borrowed);
        let (found, got) = recognise_among(&text, id.starts_with("doc-tier-"))
            .unwrap_or_else(|| panic!("{id}: '{text}' is not recognised"));
        assert_eq!(found, id, "'{text}'");
        let mut got = got;
        got.sort();
        let mut want = args;
        want.sort();
        assert_eq!(got, want, "{id}");
    }
}

#[test]
fn markup_messages_take_no_variables() {
    for (id, vars) in messages(EN).unwrap() {
        if id.ends_with("-html") {
            assert!(vars.is_empty(), "{id} carries markup and must take no variables");
        }
    }
}

/// The pinned terms: `| English | 한국어 | avoid |` rows of the glossary's table.
fn glossary() -> Vec<(String, String, Vec<String>)> {
    GLOSSARY
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| English") && !l.starts_with("|---"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let avoid = cells
                .get(2)?
                .split(',')
                .map(|v| v.trim().trim_matches('`').to_string())
                .filter(|v| !v.is_empty() && v != "—")
                .collect();
            Some((cells.first()?.to_string(), cells.get(1)?.trim_matches('`').to_string(), avoid))
        })
        .collect()
}

#[test]
fn the_korean_catalog_uses_the_glossary_terms() {
    let terms = glossary();
    assert!(terms.len() >= 25, "the glossary table has {} rows", terms.len());
    let values: String = KO.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
    for (english, korean, avoid) in &terms {
        // A variant inside the pinned term itself (결정 트리 in 의사결정 트리) is no competitor.
        let mut rest = values.clone();
        for part in korean.split(['/', ',']).map(|p| p.trim().trim_matches('`')) {
            let part = part.split(" (").next().unwrap_or(part).trim_matches('`');
            if !part.is_empty() {
                rest = rest.replace(part, "");
            }
        }
        for v in avoid {
            assert!(!rest.contains(v.as_str()), "'{v}' competes with the pinned '{korean}' ({english})");
        }
    }
    // The pinned terms themselves are in use.
    for pinned in
        ["사용자 지정 지표", "경보", "대시보드", "추적", "프리 티어", "다중 AZ", "회수 기간", "순이익", "자체 호스팅"]
    {
        assert!(values.contains(pinned), "{pinned} is pinned but unused");
        assert!(terms.iter().any(|t| t.1.contains(pinned)), "{pinned} is not in the glossary table");
    }
}
