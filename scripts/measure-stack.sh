#!/usr/bin/env bash
# The reference stack without Docker, for trying `obs-cost measure` by hand: starts on 127.0.0.1,
# on free ports, a Prometheus (Debian 2.42) scraping itself, node_exporter, PostgreSQL +
# postgres_exporter, Redis + redis_exporter, Alertmanager and scripts/fixture-exporter.py (Loki,
# Promtail, Jaeger, OTel Collector, Tempo and Grafana self-metrics at known rates), with the
# reference stack's alerting and recording rules (examples/compose/alert-rules.yml). Prints the
# Prometheus URL and a measure command (with the reference stack's dashboards,
# examples/compose/grafana/dashboards), and stops everything on Ctrl-C.
# (The integration tests start the same stack from Rust, tests/support/, and add 30 days of
# promtool-backfilled history: tests/support/fixture.rs.)
#
# Usage: scripts/measure-stack.sh                  Needs the Debian packages of scripts/test.sh and python3.
#        scripts/measure-stack.sh --snapshot FILE  Waits WAIT seconds (default 100) of scrapes, writes the
#                                                  snapshot FILE with that command, and stops (this is how
#                                                  examples/usage-snapshot.yaml is made; OBS_COST_BIN
#                                                  overrides the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=""
if [ "${1:-}" = "--snapshot" ]; then
  snapshot=${2:?"--snapshot needs a file"}
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
for tool in prometheus prometheus-node-exporter prometheus-postgres-exporter redis-server \
            prometheus-redis-exporter prometheus-alertmanager python3 curl "$pgbin/initdb"; do
  command -v "$tool" >/dev/null || [ -x "$tool" ] || { echo "missing: $tool (run scripts/test.sh as root)" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  # TERM, not INT: background jobs of a non-interactive shell ignore SIGINT.
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 300); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "not ready: $1" >&2; return 1; }

# PostgreSQL refuses to run as root: run it as the postgres user in a temporary directory.
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$pgbin/initdb" --auth=trust --username=postgres --no-sync -D "$work/pg" >"$work/initdb.log"
pg_port=$(free_port)
"${as_pg[@]}" "$pgbin/postgres" -D "$work/pg" -p "$pg_port" -h 127.0.0.1 -k "$work" >"$work/pg.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.2; done
"$pgbin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE app" >/dev/null

pge_port=$(free_port)
DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:$pg_port/postgres?sslmode=disable" \
  prometheus-postgres-exporter --web.listen-address="127.0.0.1:$pge_port" >"$work/pge.log" 2>&1 &
pids+=($!)
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)
re_port=$(free_port)
prometheus-redis-exporter --redis.addr="redis://127.0.0.1:$redis_port" --web.listen-address="127.0.0.1:$re_port" >"$work/re.log" 2>&1 &
pids+=($!)
node_port=$(free_port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$node_port" >"$work/node.log" 2>&1 &
pids+=($!)
fx_port=$(free_port)
python3 scripts/fixture-exporter.py "$fx_port" &
pids+=($!)

am_port=$(free_port)
printf 'route:\n  receiver: default\n  group_by: [alertname]\nreceivers:\n  - name: default\n' >"$work/alertmanager.yml"
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/am" \
  --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= >"$work/am.log" 2>&1 &
pids+=($!)

prom_port=$(free_port)
cp examples/compose/alert-rules.yml "$work/rules.yml"
{
  printf 'global:\n  scrape_interval: 5s\n  evaluation_interval: 15s\nrule_files: [rules.yml]\n'
  printf 'alerting:\n  alertmanagers:\n    - static_configs: [{targets: ["127.0.0.1:%s"]}]\nscrape_configs:\n' "$am_port"
  job() { printf '  - job_name: %s\n    metrics_path: %s\n    static_configs: [{targets: ["%s"]}]\n' "$1" "$3" "$2"; }
  job prometheus "127.0.0.1:$prom_port" /metrics
  job node "127.0.0.1:$node_port" /metrics
  job postgres "127.0.0.1:$pge_port" /metrics
  job redis "127.0.0.1:$re_port" /metrics
  job alertmanager "127.0.0.1:$am_port" /metrics
  for c in loki promtail jaeger otel otel-total tempo grafana; do job "$c" "127.0.0.1:$fx_port" "/$c"; done
} >"$work/prometheus.yml"
(cd "$work" && exec prometheus --config.file=prometheus.yml --storage.tsdb.path=data \
  --web.listen-address="127.0.0.1:$prom_port" >prometheus.log 2>&1) &
pids+=($!)
wait_http "http://127.0.0.1:$prom_port/-/ready"

measure=(measure --prometheus "http://127.0.0.1:$prom_port" --window 1h --top 5
         --grafana-dashboards examples/compose/grafana/dashboards)
if [ -n "$snapshot" ]; then
  if [ -z "${OBS_COST_BIN:-}" ]; then
    cargo build --release --quiet
    OBS_COST_BIN="${CARGO_TARGET_DIR:-target}/release/obs-cost"
  fi
  echo "waiting ${WAIT:-100} s of scrapes..."
  sleep "${WAIT:-100}"
  "$OBS_COST_BIN" "${measure[@]}" -o "$snapshot"
  exit 0
fi
cat <<MSG
Stack running (logs in $work). Prometheus: http://127.0.0.1:$prom_port
Give it a minute of scrapes, then, in another shell:

  obs-cost ${measure[*]}

Ctrl-C stops everything.
MSG
wait "${pids[-1]}"
