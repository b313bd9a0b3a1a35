//! Usage snapshots (`usage.snapshot`, `--usage`, `--actual`): parsing, value checks, and the
//! short-history warnings computed from a parsed snapshot.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(snapshot) = obs_cost::measure::parse_snapshot(text) {
            let _ = obs_cost::measure::short_history_warnings(&snapshot);
            let _ = snapshot.to_yaml();
        }
    }
});
