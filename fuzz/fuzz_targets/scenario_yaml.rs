//! Scenario files: parsing and validation (`obs_cost::scenario::parse`) of any text, and the
//! inputs listing the report prints. Nothing may panic; errors are fine.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = obs_cost::scenario::parse(text, std::path::Path::new("fuzz.yaml"));
        let _ = obs_cost::scenario::inputs(text);
    }
});
