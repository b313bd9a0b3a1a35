#!/usr/bin/env bash
# Peak memory (RSS) and time of obs-cost on hostile inputs, with the release build: every input
# file kind as /dev/zero and as a file of the largest size read made of hostile YAML/JSON, a
# Prometheus server sending an endless body, an oversized answer and a flood of series, and a
# snapshot with 10,000 top metrics (the per-metric costs must be linear). Each row prints the
# exit code (2 expected for the hostile ones), the peak RSS and the wall time; the run fails when
# any peak RSS reaches LIMIT_MB (default 256).
#
#   scripts/bench-inputs.sh            # builds the release binary first
set -euo pipefail
cd "$(dirname "$0")/.."
limit_mb="${LIMIT_MB:-256}"
nice -n 10 cargo build --release --quiet
bin="$PWD/target/release/obs-cost"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Hostile files, each just under its documented limit (see README, "Fault matrix").
python3 - "$work" <<'EOF'
import sys, os
w = sys.argv[1]
MIB = 1024 * 1024
def write(name, text, limit):
    data = text.encode()[: limit - 1]
    open(os.path.join(w, name), "wb").write(data)
# YAML: a flat list of scalars (most events per byte), deep nesting, and an alias bomb.
write("flat-1m.yaml", "- 1\n" * (MIB // 4 + 1), MIB)
write("deep-1m.yaml", "[" * (MIB - 1), MIB)
write("dashes-1m.yaml", "- " * (MIB // 2), MIB)
bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
for i in range(1, 40):
    bomb += f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}" if i > 1 else "*a"] * 9) + "]\n"
write("alias-bomb.yaml", bomb, MIB)
write("flat-2m.yaml", "- 1\n" * (2 * MIB // 4 + 1), 2 * MIB)

# JSON: the most values per byte.
write("flat-8m.json", "[" + "1," * (4 * MIB) , 8 * MIB)
# A valid snapshot with 10,000 top metrics.
src = open("examples/usage-snapshot.yaml").read()
a = src.index("  top_metrics:\n"); b = src.index("  top_metrics_query:")
items = "".join(f"  - name: metric_{i:05d}\n    series: {100000 - i}.0\n" for i in range(10000))
open(os.path.join(w, "top-10k.yaml"), "w").write(src[:a] + "  top_metrics:\n" + items + src[b:])
EOF
# A Prometheus API that misbehaves on purpose: /endless never ends, /huge announces 10 GB,
# /flood answers 64 MiB of series, everything else is a one-series answer.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 - "$port" <<'EOF' &
import sys, http.server, socketserver
ONE = b'{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"x","instance":"i"},"value":[1,"1"]}]}}'
ROW = b'{"metric":{"job":"j","instance":"' + b"i" * 600 + b'"},"value":[1,"1"]},'
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *a): pass
    def do_GET(self):
        mode = self.path.split("/")[1]
        if "/api/v1/query" not in self.path:
            self.send_response(200); self.send_header("Content-Length", str(len(ONE))); self.end_headers(); self.wfile.write(ONE); return
        self.send_response(200)
        if mode == "huge":
            self.send_header("Content-Length", str(10 ** 10)); self.end_headers(); return
        self.end_headers()
        try:
            if mode == "endless":
                self.wfile.write(b'{"status":"success","data":{"resultType":"vector","result":[')
                while True: self.wfile.write(ROW * 100)
            elif mode == "flood":
                self.wfile.write(b'{"status":"success","data":{"resultType":"vector","result":[')
                for _ in range(99_000): self.wfile.write(ROW)
                self.wfile.write(ROW[:-1] + b"]}}")
            else:
                self.wfile.write(ONE)
        except (BrokenPipeError, ConnectionResetError):
            pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
EOF
server_pid=$!
sleep 1

scenario="scenarios/startup-3p-5k.yaml"
worst=0
printf '%-58s %5s %9s %8s\n' "input" "exit" "peak RSS" "time"
run() {
    local label="$1"; shift
    local stats code rss secs
    stats="$work/stats"
    set +e
    /usr/bin/time -f '%M %e' -o "$stats" "$bin" "$@" >/dev/null 2>"$work/stderr"
    code=$?
    set -e
    read -r rss secs < <(tail -1 "$stats")
    printf '%-58s %5s %6s MB %7ss\n' "$label" "$code" "$((rss / 1024))" "$secs"
    [ $((rss / 1024)) -gt "$worst" ] && worst=$((rss / 1024))
    return 0
}
run "plan --scenario /dev/zero" plan --scenario /dev/zero
run "plan --usage /dev/zero" plan --scenario "$scenario" --usage /dev/zero
run "plan --compare-to /dev/zero" plan --scenario "$scenario" --compare-to /dev/zero
run "report --from /dev/zero" report --from /dev/zero -o /dev/null
run "estimate --aws-usage /dev/zero" estimate --aws-usage /dev/zero
run "measure --bearer-token-file /dev/zero" measure --prometheus "http://127.0.0.1:$port/one" --bearer-token-file /dev/zero
run "plan --scenario flat list (1 MiB)" plan --scenario "$work/flat-1m.yaml"
run "plan --scenario deep nesting (1 MiB)" plan --scenario "$work/deep-1m.yaml"
run "plan --scenario alias bomb" plan --scenario "$work/alias-bomb.yaml"
run "plan --scenario '- - - ...' nesting (1 MiB)" plan --scenario "$work/dashes-1m.yaml"
run "estimate --aws-usage flat list (1 MiB)" estimate --aws-usage "$work/flat-1m.yaml"
run "plan --usage flat list (2 MiB)" plan --scenario "$scenario" --usage "$work/flat-2m.yaml"
run "plan --compare-to flat JSON list (8 MiB)" plan --scenario "$scenario" --compare-to "$work/flat-8m.json"
run "report --from flat JSON list (8 MiB)" report --from "$work/flat-8m.json" -o /dev/null
mkdir -p "$work/book" && cp pricing-data/free-tiers.yaml "$work/book/" && cp "$work/flat-2m.yaml" "$work/book/us-east-1.yaml"
run "--price-book with a flat list (2 MiB)" --price-book "$work/book" pricing show
run "measure: an endless answer" measure --prometheus "http://127.0.0.1:$port/endless" --retries 0 --timeout 60s
run "measure: an answer announcing 10 GB" measure --prometheus "http://127.0.0.1:$port/huge" --retries 0
run "measure: 99,000 series of 600-byte labels (59 MiB)" measure --prometheus "http://127.0.0.1:$port/flood" --retries 0 --timeout 60s
run "plan --usage with 10,000 top metrics (--phase all)" plan --scenario scenarios/measured-reference-stack.yaml --usage "$work/top-10k.yaml" --format json
echo "worst peak RSS: ${worst} MB (limit ${limit_mb} MB)"
if [ "$worst" -ge "$limit_mb" ]; then
    echo "bench-inputs.sh: peak RSS ${worst} MB reached the ${limit_mb} MB limit" >&2
    exit 1
fi
