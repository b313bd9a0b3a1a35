#!/usr/bin/env bash
# Performance check of `obs-cost measure` against a Prometheus with about 1M active series.
#
# Starts (on 127.0.0.1, free ports, stopped on exit) a static fixture exporter serving
# SERIES series (NAMES metric names x SERIES/NAMES label values) and a Prometheus 2.x scraping it
# and itself, waits until the head holds them, then prints:
#   - the wall time and peak RSS of `obs-cost measure` (release build, /usr/bin/time),
#   - the time Prometheus needs for the very same requests replayed with curl (OBS_COST_TRACE
#     records each request URL obs-cost sends), and the ratio.
# Targets: under 1.5x the curl time and under 100 MB peak RSS.
#
# Usage: scripts/measure-1m-series.sh            (SERIES=1000000 NAMES=100 by default)
#        OBS_COST_BIN=path/to/obs-cost scripts/measure-1m-series.sh   (skip the release build)
# Needs: prometheus (Debian package), python3, curl, /usr/bin/time. About 3 GB of RAM for Prometheus.
set -euo pipefail
cd "$(dirname "$0")/.."

SERIES=${SERIES:-1000000}
NAMES=${NAMES:-100}
WINDOW=${WINDOW:-30d}
TOP=${TOP:-10}   # above 10, Prometheus 2.42 needs one count per metric name (its TSDB status caps at 10)

for tool in prometheus python3 curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install prometheus curl time python3)" >&2; exit 2; }
done

if [ -z "${OBS_COST_BIN:-}" ]; then
  cargo build --release --quiet
  OBS_COST_BIN="${CARGO_TARGET_DIR:-target}/release/obs-cost"
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "generating $SERIES series ($NAMES names)..."
python3 - "$work/metrics.txt" "$SERIES" "$NAMES" <<'PY'
import sys
path, series, names = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per = series // names
with open(path, "w") as f:
    for n in range(names):
        name = f"bench_metric_{n:03d}"
        f.write(f"# TYPE {name} gauge\n")
        f.write("".join(f'{name}{{shard="{i % 16}",id="{i}"}} {i}\n' for i in range(per)))
PY

eport=$(free_port)
python3 -m http.server "$eport" --bind 127.0.0.1 --directory "$work" >"$work/exporter.log" 2>&1 &
pids+=($!)

pport=$(free_port)
cat >"$work/prometheus.yml" <<YML
global:
  scrape_interval: 30s
  scrape_timeout: 25s
scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ['127.0.0.1:$pport']}]
  - job_name: big
    metrics_path: /metrics.txt
    static_configs: [{targets: ['127.0.0.1:$eport']}]
YML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$pport" >"$work/prometheus.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$pport"

echo "waiting for Prometheus at $url to hold $SERIES series..."
for _ in $(seq 1 600); do
  n=$(curl -sf "$url/api/v1/status/tsdb" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["headStats"]["numSeries"])' 2>/dev/null || echo 0)
  [ "$n" -ge "$SERIES" ] && break
  sleep 1
done
echo "head series: $n"
[ "$n" -ge "$SERIES" ] || { echo "Prometheus did not reach $SERIES series; log:" >&2; tail -20 "$work/prometheus.log" >&2; exit 1; }
sleep 35   # a second scrape, so that rates have two samples

# Warm-up run (the TSDB status is cached for 30 s; both timed runs below see the same state).
"$OBS_COST_BIN" measure --quiet --prometheus "$url" --window "$WINDOW" --top "$TOP" -o "$work/warm.yaml"

export OBS_COST_TRACE="$work/requests.txt"
/usr/bin/time -f "%e %M" -o "$work/time.txt" \
  "$OBS_COST_BIN" measure --quiet --prometheus "$url" --window "$WINDOW" --top "$TOP" -o "$work/usage.yaml"
unset OBS_COST_TRACE
read -r wall rss_kb <"$work/time.txt"

curl_total=0
while read -r request; do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$request")
  curl_total=$(python3 -c "print($curl_total + $t)")
done <"$work/requests.txt"
requests=$(wc -l <"$work/requests.txt")
echo "snapshot: active_series $(grep -A1 '^  active_series:' "$work/usage.yaml" | sed -n 's/.*value: //p'), top metric $(grep -A1 '^  top_metrics:' "$work/usage.yaml" | sed -n 's/.*name: //p')"

python3 - "$wall" "$rss_kb" "$curl_total" "$requests" "$n" <<'PY'
import sys
wall, rss_kb, curl, requests, series = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rss = rss_kb / 1024
ratio = wall / curl if curl > 0 else float("inf")
print(f"head series                       {series:>12,}")
print(f"requests sent by obs-cost         {requests:>12}")
print(f"obs-cost measure wall time        {wall:>10.3f} s")
print(f"same requests with curl (sum)     {curl:>10.3f} s")
print(f"ratio (target < 1.5)              {ratio:>10.2f}")
print(f"obs-cost peak RSS (target < 100)  {rss:>10.1f} MB")
ok = ratio < 1.5 and rss < 100
print("RESULT:", "ok" if ok else "over target")
sys.exit(0 if ok else 1)
PY
