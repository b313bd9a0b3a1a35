#!/usr/bin/env python3
"""Fixture exporter: serves the self-metrics of Loki, Promtail, Jaeger v1, the OpenTelemetry
Collector (with and without _total), Tempo and Grafana, each counter growing at a known rate since
start, at /loki, /promtail, /jaeger, /otel, /otel-total, /tempo and /grafana. The same rates as
tests/support/exporter.rs: Loki 1000 B/s and 10 lines/s, Jaeger 3 spans/s (0.5 traces/s), OTel
4 + 1 spans/s, Tempo 2 spans/s, Grafana 7 dashboards and 1 admin, 2 editors, 5 viewers active.

Usage: fixture-exporter.py PORT   (listens on 127.0.0.1)"""
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

T0 = time.time() - 1000.0


def counter(name, labels, rate, s):
    return f"# TYPE {name} counter\n{name}{{{labels}}} {rate * s}\n"


def body(path, s):
    if path == "/loki":
        return counter("loki_distributor_bytes_received_total", 'tenant="fake"', 1000, s) + counter(
            "loki_distributor_lines_received_total", 'tenant="fake"', 10, s)
    if path == "/promtail":
        return (counter("promtail_sent_bytes_total", 'host="loki:3100"', 300, s)
                + counter("promtail_sent_entries_total", 'host="loki:3100"', 10, s)
                + f'# TYPE promtail_read_bytes_total gauge\npromtail_read_bytes_total{{path="/var/log/a"}} {1000 * s}\n')
    if path == "/jaeger":
        return ("# TYPE jaeger_collector_spans_received_total counter\n"
                f'jaeger_collector_spans_received_total{{svc="a"}} {1 * s}\n'
                f'jaeger_collector_spans_received_total{{svc="b"}} {2 * s}\n'
                + counter("jaeger_collector_traces_received_total", 'svc="a"', 0.5, s))
    if path == "/otel":
        return f'# TYPE otelcol_receiver_accepted_spans counter\notelcol_receiver_accepted_spans{{receiver="otlp"}} {4 * s}\n'
    if path == "/otel-total":
        return counter("otelcol_receiver_accepted_spans_total", 'receiver="otlp"', 1, s)
    if path == "/tempo":
        return counter("tempo_distributor_spans_received_total", 'tenant="single-tenant"', 2, s)
    if path == "/grafana":
        return ("# TYPE grafana_stat_totals_dashboard gauge\ngrafana_stat_totals_dashboard 7\n"
                + "".join(f"# TYPE grafana_stat_totals_active_{r} gauge\ngrafana_stat_totals_active_{r} {n}\n"
                          for r, n in (("admins", 1), ("editors", 2), ("viewers", 5))))
    return None


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        text = body(self.path.split("?")[0], time.time() - T0)
        data = (text or "404 page not found\n").encode()
        self.send_response(200 if text else 404)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
