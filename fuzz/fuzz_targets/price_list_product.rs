//! AWS Price List product JSON: one GetProducts `PriceList` document (`--source api`), or a whole
//! bulk offer file streamed (`--source bulk`); every product found is then matched against the
//! bundled price book's entries and turned into tiers, as `pricing refresh` does.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use obs_cost::pricing::refresh::{api, bulk, offer};
use obs_cost::pricing::PriceBook;

fn book() -> &'static PriceBook {
    static BOOK: OnceLock<PriceBook> = OnceLock::new();
    BOOK.get_or_init(|| PriceBook::bundled().expect("the bundled price book loads"))
}

fn select_all(candidates: &[offer::Candidate]) {
    let book = book();
    for (region, rb) in &book.regions {
        for entry in &rb.entries {
            let sel = offer::Selector::new(entry, region);
            if candidates.iter().any(|c| sel.matches(&c.product)) {
                let _ = offer::select(&sel, candidates, &book.free_tiers, "2026-01-01");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((which, body)) = data.split_first() else { return };
    if which % 2 == 0 {
        if let Ok(text) = std::str::from_utf8(body) {
            if let Ok(c) = api::parse_item(text, "2026-01-01", "fuzz") {
                select_all(&[c]);
            }
        }
    } else if let Ok(file) = bulk::parse_offer(body, &|_| true) {
        let candidates: Vec<offer::Candidate> = file
            .products
            .into_values()
            .map(|product| offer::Candidate {
                terms: file.on_demand.get(&product.sku).cloned().unwrap_or_default(),
                product,
                provenance: offer::Provenance { source: "fuzz".into(), version: None, publication_date: None },
            })
            .collect();
        select_all(&candidates);
    }
});
