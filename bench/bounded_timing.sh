#!/usr/bin/env bash
# The measurements behind draw_node_limit, draw_edge_limit and parallel_edge_limit
# (graph/include/entente/draw/diagram.hpp; docs/diagrams.md, "Large graphs"):
#   1. sfdp (entente's layout past dot_node_limit) on N actors and 2N claims, SVG, with --force;
#   2. the same data written as DOT (not laid out), which entente writes at any size;
#   3. two actors with K claims between them: dot with --force (one edge per claim), and the
#      default (folded to one edge per pair past parallel_edge_limit).
# Each run is cut at TIMEOUT seconds (default 300).
#   bench/bounded_timing.sh [ENTENTE] ["SIZES"] ["PARALLEL"]
#   (defaults: build/src/entente, "1000 2000 5000 10000", "20 100 500 2000 200000")
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
entente=${1:-$here/../build/src/entente}
sizes=${2:-1000 2000 5000 10000}
parallel=${3:-20 100 500 2000 200000}
limit=${TIMEOUT:-300}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
timed() {  # LABEL COMMAND...
  local label=$1 start end status=0
  shift
  start=$(date +%s.%N)
  timeout "$limit" "$@" 2>/dev/null || status=$?
  end=$(date +%s.%N)
  printf '%s seconds=%.2f%s\n' "$label" "$(echo "$end - $start" | bc)" \
    "$([ "$status" -eq 124 ] && echo " (cut at ${limit} s)" || { [ "$status" -ne 0 ] && echo " (status $status)"; } || true)"
}
for n in $sizes; do
  bash "$here/layout_data.sh" "$n" >"$tmp/n$n.json"
  timed "actors=$n claims=$((2 * n)) sfdp svg" "$entente" export --data "$tmp/n$n.json" --layout sfdp --force -o "$tmp/n$n.svg"
  timed "actors=$n claims=$((2 * n)) dot file (no layout)" "$entente" export --data "$tmp/n$n.json" -o "$tmp/n$n.dot"
done
for k in $parallel; do
  /usr/bin/python3 - "$k" >"$tmp/p$k.json" <<'PY'
import json, sys
k = int(sys.argv[1])
claims = [{"id": "p%06d" % i, "subject": "a" if i % 2 else "b", "relation": "opposes" if i % 3 else "supports",
           "object": "b" if i % 2 else "a", "source": "s"} for i in range(k)]
print(json.dumps({"entente": 1, "sources": [{"id": "s", "title": "generated"}],
                  "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],
                  "claims": claims}))
PY
  timed "2 actors, $k claims, dot, one edge per claim (--force)" "$entente" export --data "$tmp/p$k.json" --layout dot --force -o "$tmp/p$k.svg"
  timed "2 actors, $k claims, default (folded per pair)" "$entente" export --data "$tmp/p$k.json" -o "$tmp/p$k-folded.svg"
done
