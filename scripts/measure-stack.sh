#!/usr/bin/env bash
# The reference stack without Docker, for trying `obs-cost measure` by hand: starts on 127.0.0.1,
# on free ports, a Prometheus (Debian 2.42) scraping itself, node_exporter, PostgreSQL +
# postgres_exporter, Redis + redis_exporter and scripts/fixture-exporter.py (Loki, Promtail,
# Jaeger, OTel Collector, Tempo and Grafana self-metrics at known rates), with alerting and
# recording rules. Prints the Prometheus URL and a measure command, and stops everything on Ctrl-C.
# (The integration tests start the same stack from Rust, tests/support/, and add 30 days of
# promtool-backfilled history: tests/support/fixture.rs.)
#
# Usage: scripts/measure-stack.sh        Needs the Debian packages of scripts/test.sh and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
for tool in prometheus prometheus-node-exporter prometheus-postgres-exporter redis-server \
            prometheus-redis-exporter python3 curl "$pgbin/initdb"; do
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

prom_port=$(free_port)
cat >"$work/rules.yml" <<'YML'
groups:
  - name: demo
    interval: 15s
    rules:
      - alert: TargetDown
        expr: up == 0
      - record: job:scrape_samples_post_metric_relabeling:sum
        expr: sum by (job) (scrape_samples_post_metric_relabeling)
YML
{
  printf 'global:\n  scrape_interval: 5s\nrule_files: [rules.yml]\nscrape_configs:\n'
  job() { printf '  - job_name: %s\n    metrics_path: %s\n    static_configs: [{targets: ["%s"]}]\n' "$1" "$3" "$2"; }
  job prometheus "127.0.0.1:$prom_port" /metrics
  job node "127.0.0.1:$node_port" /metrics
  job postgres "127.0.0.1:$pge_port" /metrics
  job redis "127.0.0.1:$re_port" /metrics
  for c in loki promtail jaeger otel otel-total tempo grafana; do job "$c" "127.0.0.1:$fx_port" "/$c"; done
} >"$work/prometheus.yml"
(cd "$work" && exec prometheus --config.file=prometheus.yml --storage.tsdb.path=data \
  --web.listen-address="127.0.0.1:$prom_port" >prometheus.log 2>&1) &
pids+=($!)
wait_http "http://127.0.0.1:$prom_port/-/ready"

cat <<MSG
Stack running (logs in $work). Prometheus: http://127.0.0.1:$prom_port
Give it a minute of scrapes, then, in another shell:

  obs-cost measure --prometheus http://127.0.0.1:$prom_port --window 1h

Ctrl-C stops everything.
MSG
wait "${pids[-1]}"
