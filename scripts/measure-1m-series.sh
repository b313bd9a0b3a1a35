#!/usr/bin/env bash
# Performance check of `obs-cost measure` against a Prometheus with about 1M active series.
#
# Starts (on 127.0.0.1, free ports, stopped on exit) a static fixture exporter serving
# SERIES series (NAMES metric names x SERIES/NAMES label values) and a Prometheus 2.x scraping it
# and itself, with RULES alerting rules that read USED_NAMES of those names (3 each); writes
# DASHBOARDS Grafana dashboards of PANELS panels each reading the same names (with variables,
# rows and $__rate_interval), so that the run includes the used-series analysis
# (--grafana-dashboards); waits until the head holds the series, then prints:
#   - the wall time and peak RSS of `obs-cost measure` (release build, /usr/bin/time),
#   - the time Prometheus needs for the very same requests replayed with curl (OBS_COST_TRACE
#     records each request URL obs-cost sends), and the ratio.
# Targets: under 1.5x the curl time and under 100 MB peak RSS.
#
# Usage: scripts/measure-1m-series.sh   (SERIES=1000000 NAMES=400 RULES=100 USED_NAMES=300
#                                        DASHBOARDS=50 PANELS=20 by default)
#        OBS_COST_BIN=path/to/obs-cost scripts/measure-1m-series.sh   (skip the release build)
# Needs: prometheus (Debian package), python3, curl, /usr/bin/time. About 3 GB of RAM for Prometheus.
set -euo pipefail
cd "$(dirname "$0")/.."

SERIES=${SERIES:-1000000}
NAMES=${NAMES:-400}
RULES=${RULES:-100}
USED_NAMES=${USED_NAMES:-300}
DASHBOARDS=${DASHBOARDS:-50}
PANELS=${PANELS:-20}
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

echo "generating $RULES rules and $DASHBOARDS dashboards x $PANELS panels reading $USED_NAMES names..."
mkdir -p "$work/dashboards"
python3 - "$work" "$RULES" "$USED_NAMES" "$DASHBOARDS" "$PANELS" <<'PY'
import json, sys
work, rules, used, dashboards, panels = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
name = lambda i: f"bench_metric_{i % used:03d}"
with open(f"{work}/rules.yml", "w") as f:
    f.write("groups:\n  - name: bench\n    interval: 5m\n    rules:\n")
    for r in range(rules):
        a, b, c = (name(3 * r + k) for k in range(3))
        f.write(f"      - alert: Bench{r:03d}\n        expr: sum({a}) + sum(rate({b}[5m])) + count({c}{{shard=\"1\"}}) < 0\n")
for d in range(dashboards):
    ps = []
    for p in range(panels):
        n = name(d * panels + p)
        ps.append({"id": p + 1, "type": "timeseries", "title": f"panel {p}", "datasource": {"type": "prometheus", "uid": "${ds}"},
                   "gridPos": {"h": 8, "w": 12, "x": 12 * (p % 2), "y": 8 * (p // 2)},
                   "targets": [{"refId": "A", "expr": f'sum by (shard) (rate({n}{{job=~"$job", shard=~"$shard"}}[$__rate_interval]))'},
                               {"refId": "B", "expr": f'topk($k, max_over_time({n}{{job=~"$job"}}[$__range]))'}]})
    board = {"title": f"Bench {d}", "uid": f"bench-{d}", "schemaVersion": 39,
             "templating": {"list": [{"type": "datasource", "name": "ds", "query": "prometheus"},
                                     {"type": "query", "name": "job", "datasource": {"type": "prometheus", "uid": "${ds}"}, "query": "label_values(up, job)"},
                                     {"type": "query", "name": "shard", "datasource": {"type": "prometheus", "uid": "${ds}"}, "query": {"query": f"label_values({name(d)}, shard)"}},
                                     {"type": "custom", "name": "k", "query": "5,10", "options": [{"value": "5"}]}]},
             "panels": [{"id": 1000, "type": "row", "title": "Collapsed", "collapsed": True, "panels": ps[panels // 2:]}] + ps[:panels // 2]}
    with open(f"{work}/dashboards/bench-{d:02d}.json", "w") as f:
        json.dump(board, f)
PY

eport=$(free_port)
python3 -m http.server "$eport" --bind 127.0.0.1 --directory "$work" >"$work/exporter.log" 2>&1 &
pids+=($!)

pport=$(free_port)
cat >"$work/prometheus.yml" <<YML
global:
  scrape_interval: 30s
  scrape_timeout: 25s
rule_files: ['$work/rules.yml']
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

measure=("$OBS_COST_BIN" measure --quiet --prometheus "$url" --window "$WINDOW" --top "$TOP"
         --grafana-dashboards "$work/dashboards")
# Warm-up run (the TSDB status is cached for 30 s; both timed runs below see the same state).
"${measure[@]}" -o "$work/warm.yaml"

export OBS_COST_TRACE="$work/requests.txt"
/usr/bin/time -f "%e %M" -o "$work/time.txt" "${measure[@]}" --format json -o "$work/usage.json"
unset OBS_COST_TRACE
read -r wall rss_kb <"$work/time.txt"

curl_total=0
while read -r request; do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$request")
  curl_total=$(python3 -c "print($curl_total + $t)")
done <"$work/requests.txt"
requests=$(wc -l <"$work/requests.txt")
python3 - "$work/usage.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
print(f"snapshot: active_series {m['active_series']['value']:,.0f}, top metric {m['top_metrics'][0]['name']}")
print(f"snapshot: {len(m['used_metric_names'])} used names, {m['series_used_by_rules_and_dashboards']['value']:,.0f} used series, "
      f"{len(m['unparsed_expressions'])} unparsed, top unused {m['unused_top_metrics'][0]['name'] if m['unused_top_metrics'] else '-'}")
PY

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
