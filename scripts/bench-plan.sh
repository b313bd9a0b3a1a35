#!/usr/bin/env bash
# Times `obs-cost plan --phase all` (every phase, switch points and the 10,000-sample uncertainty
# run) on bundled scenarios with a release build, and prints the best of N runs per scenario.
# Target: under 200 ms on the project's 2-core machine. Usage: scripts/bench-plan.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/obs-cost"
for scenario in scenarios/cloudmart-dau-50k.yaml scenarios/team15-300k.yaml scenarios/high-cardinality-1m-series.yaml; do
  best=""
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" plan --scenario "$scenario" --phase all --format json >/dev/null
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best="$ms"; fi
  done
  samples=$("$bin" plan --scenario "$scenario" --format json | grep -m1 '"samples": ' | tr -dc '0-9')
  echo "plan --phase all $scenario: best of $runs runs ${best} ms (switch points + ${samples}-sample uncertainty run; target < 200 ms)"
done
