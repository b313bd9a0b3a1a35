#!/usr/bin/env bash
# Renders every output obs-cost can produce from the repository's own inputs into OUTDIR, one file
# per command line, so that two builds can be compared with `diff -r`: every bundled scenario's plan
# in every format (all phases and phase 1), with --actual, --compare-to (its own golden and another
# scenario's), the HTML report (from the scenario and from the saved plan JSON), `scenarios check` in
# every format (as bundled, and against a price book with two prices raised so that it fails),
# `estimate` of the examples in every format, `pricing show` and `pricing diff`.
#
# Usage: scripts/render-all.sh OUTDIR            (builds the debug binary first)
#        OBS_COST_BIN=path/to/obs-cost scripts/render-all.sh OUTDIR
#
# Each output is OUTDIR/<name>.<ext>; stderr goes to <name>.stderr and the exit code to
# <name>.exit, so a changed error message or exit code shows up in the diff too. Paths inside the
# outputs are relative to the repository (scratch inputs live in target/render-all/), so the same
# build gives the same bytes wherever OUTDIR is.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:?usage: scripts/render-all.sh OUTDIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
if [ -z "${OBS_COST_BIN:-}" ]; then
  cargo build --quiet --bin obs-cost
  bin="${CARGO_TARGET_DIR:-target}/debug/obs-cost"
else
  bin="$OBS_COST_BIN"
fi
scratch=target/render-all
rm -rf "$scratch"
mkdir -p "$scratch"
unset SOURCE_DATE_EPOCH OBS_COST_PRICE_BOOK

# run NAME ARGS...: stdout to OUTDIR/NAME, stderr (with OUTDIR shown as OUT) and exit code beside it.
run() {
  local name="$1"
  shift
  local code=0
  "$bin" "$@" >"$out/$name" 2>"$out/$name.stderr" || code=$?
  sed -i "s#$out#OUT#g" "$out/$name.stderr"
  echo "$code" >"$out/$name.exit"
}

# A price book with a few prices raised by half (CloudWatch custom metrics, first tier, and every
# entry priced at $0.76 or $0.50 flat), so that plans move, goldens differ and decisions may flip.
book="$scratch/price-book-raised"
mkdir -p "$book"
cp pricing-data/*.yaml "$book/"
bump() {
  local file="$1" from="$2" to="$3"
  grep -qF -- "$from" "$file" || { echo "render-all: '$from' not in $file; update bump() in $0" >&2; exit 2; }
  sed -i "s#$(printf '%s' "$from" | sed 's/[][\.*^$#]/\\&/g')#$to#" "$file"
}
bump "$book/ap-northeast-2.yaml" '{begin: "0", end: "10000", usd: "0.30"}' '{begin: "0", end: "10000", usd: "0.45"}'
bump "$book/ap-northeast-2.yaml" 'tiers: [{begin: "0", usd: "0.76"}]' 'tiers: [{begin: "0", usd: "1.14"}]'
bump "$book/us-east-1.yaml" '{begin: "0", end: "10000", usd: "0.30"}' '{begin: "0", end: "10000", usd: "0.45"}'
bump "$book/us-east-1.yaml" 'tiers: [{begin: "0", usd: "0.50"}]' 'tiers: [{begin: "0", usd: "0.75"}]'

# Scenarios and their goldens, copied so that `scenarios check` against the raised book can fail
# without touching the real ones.
cp -r scenarios examples "$scratch/"

scenario_files=(scenarios/*.yaml)
names=()
for f in "${scenario_files[@]}"; do names+=("$(basename "$f" .yaml)"); done

for i in "${!scenario_files[@]}"; do
  f="${scenario_files[$i]}"
  n="${names[$i]}"
  other="${names[$(((i + 1) % ${#names[@]}))]}"
  for fmt in table json markdown csv; do
    run "plan-$n-all.$fmt" plan --scenario "$f" --phase all --format "$fmt"
    run "plan-$n-phase1.$fmt" plan --scenario "$f" --phase 1 --format "$fmt"
  done
  for fmt in table json markdown; do
    run "compare-$n-golden.$fmt" plan --scenario "$f" --compare-to "scenarios/expected/$n.json" --format "$fmt"
    run "compare-$n-vs-$other.$fmt" plan --scenario "$f" --compare-to "scenarios/expected/$other.json" --format "$fmt"
  done
  run "report-$n.stdout" report --scenario "$f" -o "$out/report-$n.html"
  run "plan-$n-saved.json" plan --scenario "$f" --format json -o "$scratch/$n.plan.json"
  run "report-$n-from.stdout" report --from "$scratch/$n.plan.json" -o "$out/report-$n-from.html"
done

# Planning a usage snapshot without a scenario (the scenario `init` would write), when the build
# has `init`.
if "$bin" --help | grep -q '^  init'; then
  run "init-usage.yaml" init --usage examples/usage-snapshot.yaml --team 8 --dau 120000
  for fmt in table json markdown csv; do
    run "plan-usage-only.$fmt" plan --usage examples/usage-snapshot.yaml --format "$fmt"
  done
  run "report-usage-only.stdout" report --usage examples/usage-snapshot.yaml -o "$out/report-usage-only.html"
fi

# Forecast vs actual.
for fmt in table json markdown csv; do
  run "plan-cloudmart-actual.$fmt" plan --scenario scenarios/cloudmart-dau-50k.yaml \
    --actual tests/fixtures/actual/cloudmart-actual.yaml --format "$fmt"
done
run "report-cloudmart-actual.stdout" report --scenario scenarios/cloudmart-dau-50k.yaml \
  --actual tests/fixtures/actual/cloudmart-actual.yaml -o "$out/report-cloudmart-actual.html"
SOURCE_DATE_EPOCH=1700000000 run "report-cloudmart-dated.stdout" report \
  --scenario scenarios/cloudmart-dau-50k.yaml -o "$out/report-cloudmart-dated.html"

# The scenario suite: as bundled (holds), and against the raised book (fails: goldens, guardrails).
for fmt in table json markdown junit; do
  run "scenarios-check.$fmt" scenarios check scenarios --format "$fmt"
  run "scenarios-check-raised.$fmt" --price-book "$book" scenarios check "$scratch/scenarios" --format "$fmt"
done

# Estimates.
for fmt in table json markdown csv; do
  run "estimate-aws-usage.$fmt" estimate --aws-usage examples/aws-usage.yaml --format "$fmt"
  run "estimate-aws-usage-no-free-tier.$fmt" estimate --aws-usage examples/aws-usage.yaml --free-tier off --format "$fmt"
  run "estimate-observability.$fmt" estimate --aws-usage tests/fixtures/estimate/observability.yaml --format "$fmt"
done

# The price book.
show_formats=(table json yaml)
"$bin" pricing show --help | grep -q markdown && show_formats+=(markdown)
for fmt in "${show_formats[@]}"; do
  run "pricing-show.$fmt" pricing show --format "$fmt"
  run "pricing-show-seoul-logs.$fmt" pricing show --region ap-northeast-2 --service cloudwatch_logs --format "$fmt"
  if "$bin" pricing show --help | grep -q -- --summary; then
    run "pricing-show-summary.$fmt" pricing show --summary --format "$fmt"
    run "pricing-show-derived-stale.$fmt" pricing show --status derived --as-of 2028-06-01 --format "$fmt"
    run "pricing-show-stale.$fmt" pricing show --stale --as-of 2028-06-01 --format "$fmt"
  fi
done
for fmt in table json markdown; do
  run "pricing-diff.$fmt" pricing diff bundled "$book" --format "$fmt"
  run "pricing-diff-no-scenarios.$fmt" pricing diff bundled "$book" --scenarios none --format "$fmt"
done

# A few errors: their message and exit code are part of the interface.
run "error-phase-9.txt" plan --scenario scenarios/example.yaml --phase 9
run "error-compare-csv.txt" plan --scenario scenarios/example.yaml --compare-to scenarios/expected/example.json --format csv
run "error-report-from-scenario.txt" report --from scenarios/example.yaml -o "$out/never.html"

count=$(find "$out" -type f | wc -l)
echo "render-all: $count files in $out"
