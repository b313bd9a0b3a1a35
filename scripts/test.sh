#!/usr/bin/env bash
# The whole test suite, as README.md gives it: installs what the integration tests need (Debian
# packages, as root), then runs formatting, lints and every test. Under CI=true, integration tests
# whose component is missing fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  prometheus prometheus-node-exporter
  postgresql prometheus-postgres-exporter
  redis-server prometheus-redis-exporter
  prometheus-alertmanager victoria-metrics
  chromium fonts-dejavu-core fonts-noto-cjk docker-compose curl openssl
  fish zsh g++
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: not root, cannot install: ${missing[*]}" >&2
  fi
fi
# The Debian packages start their services at install; the tests start their own on free ports.
for svc in prometheus prometheus-node-exporter prometheus-postgres-exporter prometheus-redis-exporter \
           prometheus-alertmanager victoria-metrics redis-server postgresql; do
  systemctl stop "$svc" >/dev/null 2>&1 || service "$svc" stop >/dev/null 2>&1 || true
done

cargo fmt --all -- --check
cargo clippy --locked --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet
# The fuzz targets (fuzz/, run by scripts/fuzz.sh) are their own crate: they must still compile
# against the library (libfuzzer-sys builds libFuzzer with the C++ compiler).
cargo check --locked --quiet --manifest-path fuzz/Cargo.toml --target-dir target/fuzz-check --bins
# Unit tests, then the one integration binary (tests/it/), which also holds the bundled scenarios
# to their expectations, guardrails and golden plans.
cargo test --locked
