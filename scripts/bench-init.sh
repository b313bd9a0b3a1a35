#!/usr/bin/env bash
# The cost of the first-run path, in milliseconds per run (mean of N runs): `obs-cost init` writing
# a scenario for the bundled snapshot, `plan --usage` (which renders and parses the same scenario
# text in memory) and `plan --scenario` on the file init wrote, so the difference is what planning
# without a scenario adds.
#
# Usage: scripts/bench-init.sh [N]     (OBS_COST=path/to/obs-cost, default target/release/obs-cost)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
bin=${OBS_COST:-target/release/obs-cost}
[ -x "$bin" ] || { echo "no $bin: run cargo build --release, or set OBS_COST" >&2; exit 2; }
bin=$(realpath "$bin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/usage-snapshot.yaml "$work/usage.yaml"
cd "$work"
flags=(--team 4 --dau 20000 --ops-burden burdensome)
"$bin" init --usage usage.yaml --yes "${flags[@]}" 2>/dev/null
per_run() { # label, command...
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$runs" 'BEGIN { printf "%-34s %8.1f ms\n", l, (e - s) / n / 1e6 }'
}
per_run "init --yes --force" "$bin" init --usage usage.yaml --yes --force "${flags[@]}"
per_run "plan --usage (no scenario)" "$bin" plan --usage usage.yaml "${flags[@]}"
per_run "plan --scenario (init's file)" "$bin" plan --scenario scenarios/my-stack.yaml
