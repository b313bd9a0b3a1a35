//! Plan JSON (`report --from`, `plan --compare-to`, the goldens): `Plan::from_json` of any text,
//! and for a plan that reads, every renderer (table, Markdown, CSV, JSON, the HTML report) and
//! the diff against itself and against the bundled example's golden, both ways, in English and in
//! Korean (whose renderers translate the plan's sentences). Nothing may panic; errors are fine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obs_cost::i18n::{Lang, Locale};
use obs_cost::plan::{diff::diff, Plan};
use obs_cost::report::{plan_diff_renderer, plan_renderer, Format, PlanHtml, Render};

const GOLDEN: &str = include_str!("../../scenarios/expected/example.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(plan) = Plan::from_json(text) else { return };
    let golden = Plan::from_json(GOLDEN).ok();
    let against_golden = golden.as_ref().and_then(|g| diff("fuzz", &plan, "golden", g).ok());
    let _ = golden.as_ref().map(|g| diff("golden", g, "fuzz", &plan));
    let _ = diff("fuzz", &plan, "fuzz", &plan);
    for locale in [Locale::english(), Locale::new(Lang::Ko)] {
        for format in [Format::Table, Format::Markdown, Format::Csv, Format::Json] {
            if let Ok(r) = plan_renderer(format, &locale) {
                let _ = r.render(&plan);
            }
        }
        let _ = PlanHtml { generated: None, locale: locale.clone() }.render(&plan);
        if let Some(d) = &against_golden {
            for format in [Format::Table, Format::Markdown, Format::Json] {
                if let Ok(r) = plan_diff_renderer(format, &locale) {
                    let _ = r.render(d);
                }
            }
        }
    }
});
