//! Price-book region files (`--price-book DIR`, `pricing diff`): parsing and validation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = obs_cost::pricing::book::parse_region(std::path::Path::new("fuzz.yaml"), text);
    }
});
