#!/usr/bin/env bash
# Regenerates the entry counts of pricing-data/README.md (between its begin/end markers) from
# `obs-cost pricing show --summary --format markdown`, so the README cannot drift from the book.
# tests/cli_estimate.rs fails when it has. Usage: scripts/price-book-readme.sh
set -euo pipefail
cd "$(dirname "$0")/.."
readme=pricing-data/README.md
begin='<!-- begin: obs-cost pricing show --summary --format markdown -->'
end='<!-- end: obs-cost pricing show --summary --format markdown -->'
summary=$(mktemp)
trap 'rm -f "$summary" "$readme.tmp"' EXIT
cargo run --quiet -- --price-book pricing-data pricing show --summary --format markdown >"$summary"
awk -v begin="$begin" -v end="$end" -v summary="$summary" '
  $0 == begin { print; while ((getline line < summary) > 0) print line; skip = 1; next }
  $0 == end { skip = 0 }
  !skip { print }
' "$readme" >"$readme.tmp"
grep -qxF "$begin" "$readme.tmp" || { echo "price-book-readme: $readme has no line '$begin'" >&2; exit 2; }
mv "$readme.tmp" "$readme"
echo "updated $readme"
