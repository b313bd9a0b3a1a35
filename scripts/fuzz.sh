#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser of outside input (fuzz/fuzz_targets/*.rs), with
# cargo-fuzz and libFuzzer. Each target runs FUZZ_SECONDS (default 60) seconds, one after the
# other, at low priority; the corpus grows in fuzz/corpus/<target>/ (seeded from the bundled
# files in the repository), crashes land in fuzz/artifacts/<target>/ and fail the run.
#
#   scripts/fuzz.sh                       # every target, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh      # 10 minutes each
#   scripts/fuzz.sh scenario_yaml         # one target
#
# cargo-fuzz needs nightly's `-Z sanitizer=address`; on a stable toolchain RUSTC_BOOTSTRAP=1 lets
# stable rustc accept it (set below). Installs cargo-fuzz (and a C++ compiler for libFuzzer,
# as root on Debian) when missing. Prints, per target, the executions libFuzzer ran.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
rss_mb="${FUZZ_RSS_MB:-512}"
export RUSTC_BOOTSTRAP=1

if ! command -v c++ >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get install -y --no-install-recommends g++ >/dev/null
    else
        echo "fuzz.sh: libFuzzer needs a C++ compiler (apt-get install g++)" >&2
        exit 2
    fi
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

# Seeds: real files of each format, copied into the corpus once (the corpus is not committed).
seed() {
    local target="$1"; shift
    mkdir -p "fuzz/corpus/$target"
    for f in "$@"; do
        [ -f "$f" ] && cp -n "$f" "fuzz/corpus/$target/seed-$(basename "$f")" || true
    done
}
seed scenario_yaml scenarios/*.yaml
seed usage_snapshot examples/usage-snapshot.yaml
seed price_book pricing-data/us-east-1.yaml pricing-data/ap-northeast-2.yaml tests/fixtures/pricing/book/ap-northeast-2.yaml
seed estimate_usage examples/aws-usage.yaml tests/fixtures/estimate/*.yaml
seed plan_json scenarios/expected/*.json
seed grafana_dashboard tests/fixtures/used-series/dashboards/*.json
mkdir -p fuzz/corpus/prometheus_api fuzz/corpus/price_list_product
# The first byte of these two targets picks the parser (see the target files).
printf '\000{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"a","instance":"i"},"value":[1,"2.5"]}]}}' \
    > fuzz/corpus/prometheus_api/seed-query
printf '\000{"status":"success","data":{"resultType":"scalar","result":[1,"7"]}}' > fuzz/corpus/prometheus_api/seed-scalar
printf '\001{"status":"success","data":{"headStats":{"numSeries":3},"seriesCountByMetricName":[{"name":"up","value":3}]}}' \
    > fuzz/corpus/prometheus_api/seed-tsdb
printf '\002{"status":"success","data":{"activeTargets":[{"labels":{"job":"a"},"scrapePool":"a","scrapeInterval":"15s","discoveredLabels":{"__scrape_interval__":"15s"}}]}}' \
    > fuzz/corpus/prometheus_api/seed-targets
printf '\003{"status":"success","data":{"groups":[{"name":"g","file":"f","interval":5,"rules":[{"name":"r","query":"up","type":"alerting"}]}]}}' \
    > fuzz/corpus/prometheus_api/seed-rules
printf '\004{"status":"success","data":["up","go_goroutines"]}' > fuzz/corpus/prometheus_api/seed-names
for f in tests/fixtures/pricing/bulk/*.json; do
    { printf '\001'; cat "$f"; } > "fuzz/corpus/price_list_product/seed-bulk-$(basename "$f")"
done
python3 - <<'EOF'
import glob, json, os
for path in glob.glob("tests/fixtures/pricing/api/*.json"):
    try:
        items = json.load(open(path)).get("PriceList", [])
    except Exception:
        continue
    for i, item in enumerate(items):
        name = f"fuzz/corpus/price_list_product/seed-api-{os.path.basename(path)}-{i}"
        with open(name, "wb") as out:
            out.write(b"\x00" + item.encode())
EOF

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(scenario_yaml usage_snapshot price_book prometheus_api price_list_product estimate_usage plan_json grafana_dashboard)
fi

summary=()
status=0
for t in "${targets[@]}"; do
    log="fuzz/artifacts/$t.log"
    mkdir -p "fuzz/artifacts/$t"
    echo "fuzz.sh: $t for ${seconds}s" >&2
    # Plans are hundreds of KB (the goldens are the seeds): a shorter input is never a plan.
    max_len=65536
    limit="$rss_mb"
    # Plans are hundreds of KB and every one is rendered in every format, in English and Korean,
    # under AddressSanitizer, whose shadow memory and quarantine triple what the release build
    # needs (about 40 MB for a 140 KB plan): 2 GiB, so that only a real blow-up is reported.
    if [ "$t" = plan_json ]; then max_len=1048576; limit="${FUZZ_RSS_MB:-2048}"; fi
    if nice -n 19 cargo fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb="$limit" -timeout=10 -max_len="$max_len" \
        -print_final_stats=1 2>"$log"; then
        result="ok"
    else
        result="CRASH (see fuzz/artifacts/$t/ and $log)"
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    summary+=("$(printf '%-20s %12s executions in %ss  %s' "$t" "${runs:-?}" "$seconds" "$result")")
done
printf '%s\n' "${summary[@]}"
exit "$status"
